"""
Officials: names, titles, roles and affiliations, and the merging of their mentions.

Structure is code, words are data: titles, countries and organisations come from the rulebook;
this module combines them into official mentions ("Turkish Foreign Minister NAME",
"NAME, Foreign Minister of X", "the Foreign Minister of X, NAME", "X's NAME",
"his counterpart NAME", "the foreign ministers of A and B, N1 and N2") and then merges all
mentions of one person ("Mevlut Cavusoglu" ... "Cavusoglu") into one cluster.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import combinations, compress, count
from operator import attrgetter, itemgetter

from diplomodel.extractors.context import Article
from diplomodel.grammar import grammar_words, name_tokens
from diplomodel.model import Role
from diplomodel.rules import KnownOfficial
from diplomodel.text import APOSTROPHES, QUOTES, Token, fold, key_of

__all__ = ["Mention", "Person", "find_people"]

WORDS = grammar_words()

_APPOSITION_LINKS = (
    ("who", "is"),
    ("who", "serves", "as"),
    ("who", "also", "serves", "as"),
    ("who", "is", "also"),
    ("the",),
)
# Precedence when one person holds several offices ("Deputy Prime Minister and Foreign Minister").
_ROLE_RANK = {
    role: i
    for i, role in enumerate(
        [
            Role.HEAD_OF_STATE, Role.HEAD_OF_GOVERNMENT, Role.VICE_PRESIDENT, Role.FOREIGN_MINISTER,
            Role.DEFENSE_MINISTER, Role.ORG_LEADER, Role.DEPUTY_FOREIGN_MINISTER,
            Role.PARLIAMENT_SPEAKER, Role.AMBASSADOR, Role.ENVOY, Role.MINISTER, Role.LEGISLATOR,
            Role.OFFICIAL,
        ]
    )
}  # fmt: skip


def better_role(a: Role | None, b: Role | None) -> Role | None:
    """
    The more senior of two roles (None counts as unknown).
    """
    if a is None:
        return b
    if b is None:
        return a
    return a if _ROLE_RANK[a] <= _ROLE_RANK[b] else b


@dataclass
class Mention:
    """
    One mention of an official: token spans, name, title, role and affiliation as found.
    """

    start: int  # token span of the whole mention
    end: int
    name_start: int | None = None
    name_end: int | None = None
    name: str | None = None
    title: str | None = None
    role: Role | None = None
    country: str | None = None
    org: str | None = None
    implied_country: str | None = None
    implied_org: str | None = None
    posted_to: str | None = None  # an ambassador's host country ("Ambassador to Pakistan")
    bare_default: bool = False  # implied_org is the default of a title that names no side
    kind: str = "titled"  # titled, counterpart, possessive, apposition, surname, initials
    person: int = -1
    former: bool = False  # "a former Dutch prime minister": an office no longer held

    @property
    def side(self) -> str | None:
        """The explicit side of this mention (country or organisation), if any."""
        return self.country or self.org


@dataclass
class Person:
    """
    All mentions of one official, merged.
    """

    index: int
    mentions: list[Mention] = field(default_factory=list)
    name: str | None = None
    name_tokens: frozenset[str] = frozenset()
    title: str | None = None
    role: Role | None = None
    country: str | None = None
    org: str | None = None
    posted_to: str | None = None
    business: bool = False  # described as working for a company: no official
    implied: bool = False  # the side is only the default of a bare title ("Secretary General")

    @property
    def side(self) -> str | None:
        """The side (country alpha-2 or organisation acronym) this person acts for."""
        return self.country or self.org


_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on"})
_DEGREES = frozenset({"phd", "rtd", "retd", "ret", "jr", "sr", "mp", "mba", "md"})
_MINISTERS = frozenset(
    {Role.MINISTER, Role.FOREIGN_MINISTER, Role.DEFENSE_MINISTER, Role.DEPUTY_FOREIGN_MINISTER}
)


def _is_name_token(tok: Token) -> bool:
    if tok.kind != "word" or not tok.text[:1].isupper():
        return False
    return tok.key not in WORDS.not_name_words


# Roles of a country's leaders: "President of the Supreme Federal Court" heads something else.
_LEADER_ROLES = frozenset({Role.HEAD_OF_STATE, Role.HEAD_OF_GOVERNMENT, Role.VICE_PRESIDENT})

_TEXT = attrgetter("text")
# Name suffixes written with a full stop ("Jr.", "Sr.").
_SUFFIXES = frozenset({"jr", "sr"})
_KEY = attrgetter("key")
_FIRST_CHAR = itemgetter(0)

# What may separate the parts of one name: nothing, a space, or a no-break space.
_NAME_GAPS = frozenset({"", " ", "\u00a0", "\u202f"})


class _Names:
    """
    Person-name runs: capitalised tokens with particles, hyphens and initials, in one sentence.
    """

    def __init__(self, art: Article) -> None:
        self.art = art
        tokens = art.tokens
        blocked: set[int] = set()
        spans = [(h.start, h.end) for h in art.titles] + [(h.start, h.end) for h in art.orgs]
        # a Title Case headline's verbs are not names: "Minister of Investment Meets ..."
        spans += [(h.start, h.end) for h in art.phrases]
        for bounds in spans:
            blocked.update(range(*bounds))
        first_names = art.book.first_name_countries
        for hit in art.countries:
            # "Jordan Bardella": a first-name country followed by a capitalised word is a name.
            key = " ".join(t.key for t in tokens[hit.start : hit.end])
            nxt = tokens[hit.end] if hit.end < len(tokens) else None
            prev = tokens[hit.start - 1].key if hit.start > 0 else ""
            if (
                key in first_names
                and nxt is not None
                and _is_name_token(nxt)
                and not nxt.newline_before
                and hit.end not in art.country_at
                and hit.end not in art.title_at
                and prev not in WORDS.place_prepositions
            ):
                continue
            blocked.update(range(hit.start, hit.end))
        self.blocked = blocked
        self.ok = self._compute_ok()
        self.run_end: dict[int, int] = {}
        self._scan()
        self.run_start = {stop: start for start, stop in self.run_end.items()}

    def _compute_ok(self) -> list[bool]:
        # Whether each token may be part of a personal name, computed once per article.
        blocked = self.blocked
        never = self.art.book.never_names  # "Dominican", "Congolese" are adjectives, not names
        tokens = self.art.tokens
        ok = [False] * len(tokens)
        # only capitalised tokens can be, found without a Python-level step per token
        for i in compress(count(), map(str.isupper, map(_FIRST_CHAR, map(_TEXT, tokens)))):
            tok = tokens[i]
            if tok.kind == "word" and tok.key not in never and i not in blocked:
                ok[i] = True
            elif _initials_a(tokens, i) and i not in blocked:
                ok[i] = True  # "Dr A K Abdul Momen": "A" is an initial, not the article
            elif _initials_abbr(tokens, i) and i not in blocked and i + 1 not in blocked:
                ok[i] = True  # "M.U.M. Ali Sabry", "A.K. Abdul Momen"
        return ok

    def _surname_word(self, j: int, e: int) -> bool:
        """'Theresa May': a month of ``surname_words`` ends a name it follows, without a
        number after it ("on 3 May", "May 3")."""
        tokens = self.art.tokens
        tok = tokens[j]
        if tok.key not in WORDS.surname_words or not tok.text[:1].isupper() or tok.gap != " ":
            return False
        if j in self.blocked or not tokens[j - 1].is_word or tokens[j - 1].text[:1].isdigit():
            return False
        return not (j + 1 < e and tokens[j + 1].text[:1].isdigit())

    def _scan(self) -> None:
        tokens = self.art.tokens
        ok = self.ok.__getitem__
        n = len(tokens)
        # a run starts at a name token: step from one to the next, not over every token
        starts = list(compress(count(), self.ok))
        for s, e in self.art.sentences:
            at = bisect_left(starts, s)
            while at < len(starts) and starts[at] < e:
                i = starts[at]
                at += 1
                j = i + 1
                if len(tokens[i].text) == 1 and j < e and tokens[j].text == "." and j + 1 < e:
                    # "S. Jaishankar": an initial opens the name
                    if not ok(j + 1) or tokens[j + 1].newline_before:
                        continue
                    j += 2
                while j < e:
                    tok = tokens[j]
                    if tok.newline_before:
                        break
                    # initials: "Antony J. Blinken", "Michael R. Pompeo"
                    if (
                        tok.kind == "word" and len(tok.text) == 1 and tok.text.isupper()
                        and j + 2 < n and tokens[j + 1].text == "." and ok(j + 2)
                    ):  # fmt: skip
                        j += 3
                        continue
                    if ok(j) and tok.gap in _NAME_GAPS:
                        j += 1
                        continue
                    if self._surname_word(j, e):
                        j += 1  # "Theresa May"
                        break
                    # an honorific word inside a name: "Hassan Sheikh Mohamud"
                    if (
                        tok.key in WORDS.honorifics
                        and tok.key not in WORDS.not_name_words
                        and tok.text[:1].isupper()
                        and tok.gap in _NAME_GAPS
                        and j not in self.blocked
                        and j + 1 < e
                        and ok(j + 1)
                        and tokens[j + 1].gap in _NAME_GAPS
                    ):
                        j += 2
                        continue
                    # hyphenated parts: "Jean-Yves", "Al-Sudani", "Min-seok"
                    if (
                        tok.key == "-"
                        and not tok.gap
                        and j + 1 < e
                        and tokens[j + 1].kind == "word"
                        and tokens[j + 1].text[:1].isalpha()
                        and (j + 1) not in self.blocked
                        and not tokens[j + 1].gap
                    ):
                        j += 2
                        continue
                    # particles, one or several: "von der Leyen", "van den Heuvel", "bin Salman"
                    k = j
                    while (
                        k < e
                        and tokens[k].key in WORDS.name_particles
                        and not tokens[k].newline_before
                    ):
                        k += 1
                    if k > j and k + 1 < e and tokens[k].key == "-" and not tokens[k].gap:
                        k += 1  # "al-Sisi", "el-Sisi"
                    if k > j and k < e and ok(k) and not tokens[k].newline_before:
                        j = k + 1
                        continue
                    break
                self.run_end[i] = j
                at = bisect_left(starts, j, at)

    def run_at(self, i: int) -> tuple[int, int] | None:
        """The name run starting at token ``i`` (honorifics skipped), as a token range."""
        tokens = self.art.tokens
        n = len(tokens)
        while i < n and tokens[i].key in WORDS.honorifics and tokens[i].text[:1].isupper():
            i += 1
            if i < n and tokens[i].text == ".":
                i += 1
        end = self.run_end.get(i)
        return (i, end) if end is not None else None

    def run_ending_at(self, end: int) -> tuple[int, int] | None:
        """The name run ending just before token ``end``."""
        start = self.run_start.get(end)
        return (start, end) if start is not None else None


_INITIALS = re.compile(r"(?:[A-Z]\.){2,4}")


def _after_list_separator(tokens: list[Token], k: int) -> int | None:
    """The token after ", and", "," or "and" at ``k`` in a list of names; None for none."""
    n = len(tokens)
    if k < n and tokens[k].text == "," and k + 1 < n and tokens[k + 1].key == "and":
        return k + 2
    if k < n and tokens[k].key in (",", "and"):
        return k + 1
    return None


def _initials_abbr(tokens: list[Token], i: int) -> bool:
    """
    Whether an abbreviation token at ``i`` is a person's initials opening a name: capitals
    with full stops ("M.U.M.") followed by a capitalised word ("Ali Sabry"), and no honorific
    ("H.E.").
    """
    tok = tokens[i]
    if tok.kind != "abbr" or not _INITIALS.fullmatch(tok.text) or tok.key in WORDS.honorifics:
        return False
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return (
        nxt.kind == "word"
        and nxt.text[:1].isupper()
        and nxt.gap in _NAME_GAPS
        and nxt.gap != ""
        and not nxt.newline_before
    )


def _initials_a(tokens: list[Token], i: int) -> bool:
    """Whether "A" or "I" at ``i`` opens initials without full stops ("A K Abdul Momen")."""
    if tokens[i].text not in ("A", "I") or i + 2 >= len(tokens):
        return False
    nxt, after = tokens[i + 1], tokens[i + 2]
    return (
        len(nxt.text) == 1
        and nxt.text.isupper()
        and nxt.gap == " "
        and after.text[:1].isupper()
        and after.gap == " "
    )


def _clean_name(art: Article, start: int, end: int) -> str:
    # "Arvid\u00a0Kelmoran" is the name "Arvid Kelmoran"
    name = " ".join(art.surface(start, end).split())
    tokens = art.tokens
    suffix = tokens[end - 1].key in _SUFFIXES
    if suffix and end < len(tokens) and tokens[end].text == "." and not tokens[end].gap:
        name += "."  # "Ferdinand R. Marcos Jr." is written with its full stop
    return name


class _Builder:
    def __init__(self, art: Article) -> None:
        self.art = art
        self.tokens = art.tokens
        self.names = _Names(art)
        self.mentions: list[Mention] = []
        self.name_owner: dict[int, Mention] = {}  # name run start -> the first mention naming it

    # -- affiliation helpers -----------------------------------------------------------------

    def _side_ending_at(self, end: int) -> tuple[int, str | None, str | None] | None:
        """A country or organisation hit ending at token ``end`` (exclusive): (start, cc, org)."""
        country = self.art.country_end.get(end)
        if country is not None:
            return country.start, country.entry.alpha2, None
        org = self.art.org_end.get(end)
        if org is not None:
            return org.start, None, org.entry.acronym
        return None

    def _side_at(self, start: int) -> tuple[int, str | None, str | None] | None:
        """A country or organisation hit starting at token ``start``: (end, cc, org)."""
        hit = self.art.country_at.get(start)
        if hit is not None:
            return hit.end, hit.entry.alpha2, None
        org = self.art.org_at.get(start)
        if org is not None:
            return org.end, None, org.entry.acronym
        return None

    def _skip_acronym_parens(self, i: int) -> int:
        t = self.tokens
        if i + 2 < len(t) and t[i].text == "(" and t[i + 2].text == ")":
            return i + 3
        return i

    # -- title phrases ------------------------------------------------------------------------

    def title_phrases(self) -> None:
        art = self.art
        tokens = self.tokens
        n = len(tokens)
        consumed: set[int] = set()
        for hit in art.titles:
            if hit.start in consumed:
                continue
            entry = hit.entry
            start, end = hit.start, hit.end
            role: Role | None = entry.role
            plural = entry.plural
            # Coordinated offices of one person: "Deputy Prime Minister and Foreign Minister".
            while end + 1 < n and tokens[end].key in ("and", "&") and (end + 1) in art.title_at:
                other = art.title_at[end + 1]
                if other.entry.plural != plural:
                    break
                consumed.add(other.start)
                role = better_role(role, other.entry.role)
                end = other.end
            # "Minister of Foreign Affairs and Diaspora of X", "Minister of Foreign Affairs,
            # African Integration and Guineans Abroad": the office's name goes on.
            end = self._portfolio(end)
            # Right complement: "of Turkiye", "of the Commission of the African Union".
            country = org = None
            j = end
            if j < n and tokens[j].key in ("of", "for") and not plural:
                k = j + 1
                limit = min(n, k + 9)
                while k < limit:
                    tok = tokens[k]
                    side = self._side_at(k)
                    if side is not None:
                        end, country, org = side[0], side[1], side[2]
                        end = self._skip_acronym_parens(end)
                        end = self._body_name(end)
                        body = {t.key for t in tokens[side[0] : end]}
                        if body & WORDS.chamber_words:
                            role = Role.PARLIAMENT_SPEAKER  # the president of a chamber
                        elif role is Role.HEAD_OF_STATE and "government" in body:
                            role = Role.HEAD_OF_GOVERNMENT  # "President of the Spanish Government"
                        principal = [i for i in range(j + 1, side[0]) if i in art.title_at]
                        if side[0] in art.title_at and Role.ENVOY in (entry.role, role):
                            principal.append(side[0])  # "Special Envoy of the US President NAME"
                            end = max(end, art.title_at[side[0]].end)
                        if principal and Role.ENVOY in (entry.role, role):
                            # "Special Envoy of the President of the United States for the
                            # Middle East Steven Witkoff": the President is not the one named
                            consumed.update(principal)
                            if end < n and tokens[end].key == "for":
                                end = max(end, self._complement(end)[0])
                        break
                    if (tok.kind == "punct" and tok.key != "-") or tok.newline_before:
                        break
                    if (
                        tok.text[:1].islower()
                        and tok.key not in ("of", "the", "and", "for")
                        and tok.key not in WORDS.courtesy_adjectives
                    ):
                        break  # not "of the friendly French Republic"
                    k += 1
            if country is None and org is None and j < n and tokens[j].key == "of" and not plural:
                # "President of the Supreme Federal Court": heads an institution, not a country
                k, words = self._complement(j)
                if words:
                    end = k
                    chamber = WORDS.chamber_words & set(words)
                    if chamber:
                        role = Role.PARLIAMENT_SPEAKER
                    elif words == ["the", "republic"]:
                        pass  # "Président de la République": the country's own president
                    elif role in _LEADER_ROLES:
                        role = Role.OFFICIAL  # a court's or an agency's president
                    # "Minister of National Development Planning" stays a minister
            elif country is None and org is None and j < n and tokens[j].key == "for":
                # "Minister of State for Africa, NAME": the portfolio is part of the office
                k, words = self._complement(j)
                if words and not plural:
                    end = k
            envoy_target = None
            if Role.ENVOY in (entry.role, role) and j < n and tokens[j].key == "for":
                # "Special Envoy for Sudan": the country is the envoy's brief, not its side
                envoy_target, country, org = country, None, None
                # "for the Belgrade-Pristina Dialogue": the brief goes on past the country
                k, words = self._complement(j)
                if words and not plural:
                    end = max(end, k)
            host = None
            if end + 1 < n and tokens[end].key in ("to", "in"):
                # "Ambassador to Japan", "Ambassador to the United States"
                at = end + 2 if tokens[end + 1].key == "the" and end + 2 < n else end + 1
                host = self._side_at(at)
            posted_to = envoy_target
            if Role.AMBASSADOR in (entry.role, role) and host is not None:
                # "Ambassador to Pakistan": the host country is not the ambassador's side.
                end = host[0]
                posted_to = host[1]
            # Left: affiliation and modifiers ("former Turkish", "Turkey's", "U.S.").
            left = start
            demoted = False
            left_sides: list[tuple[str | None, str | None]] = []
            while left > 0:
                prev = tokens[left - 1]
                if prev.key == "then" and left >= 2 and tokens[left - 2].key == "and":
                    break  # "met Kurti and then Serbian President Vucic": a sequence, not "then-"
                if prev.key in WORDS.title_modifiers:
                    demoted = demoted or prev.key in WORDS.demoting_modifiers
                    left -= 1
                    continue
                if art.is_possessive(left - 1):
                    side = self._side_ending_at(left - 1)
                    if side is None:
                        break
                    left_sides.append((side[1], side[2]))
                    left = side[0]
                    # "South Korea's and Japan's foreign ministers"
                    if plural and left > 1 and tokens[left - 1].key == "and":
                        left -= 1
                    continue
                side = self._side_ending_at(left)
                if side is not None and not tokens[left].newline_before:
                    state_key = " ".join(t.key for t in tokens[side[0] : left])
                    if state_key in art.book.us_states and role in (Role.OFFICIAL, Role.LEGISLATOR):
                        side = (side[0], "US", None)  # "Georgia Governor", "Georgia senator"
                    left_sides.append((side[1], side[2]))
                    left = side[0]
                    if plural and left > 1 and tokens[left - 1].key in ("and", ","):
                        left -= 1
                    continue
                break
            if tokens[left].key == "and":
                left += 1
            if left_sides and (
                (country is None and org is None) or Role.ENVOY in (entry.role, role)
            ):
                # "The U.S. Special Envoy for Sudan": the envoy acts for the U.S.
                country, org = left_sides[0]
            title_text = art.surface(hit.start, hit.end)
            if role is not None and role is not entry.role:
                title_text = art.surface(hit.start, self._title_end(hit.start, end))
            if demoted:
                role = Role.OFFICIAL
            # "the Ukrainian President's administration": a possessor, not a participant.
            if end < n and self.art.is_possessive(end) and self.names.run_at(end) is None:
                continue
            if plural:
                self._plural(hit.start, end, left, role, title_text, left_sides)
                continue
            mention = Mention(
                left, end, title=title_text, role=role, country=country, org=org,
                implied_country=entry.country, implied_org=entry.org, posted_to=posted_to,
                bare_default=self._bare_default(hit.start, hit.end, entry.org), former=demoted,
            )  # fmt: skip
            self._attach_name(mention, left, end)
            self.mentions.append(mention)

    def _body_name(self, end: int) -> int:
        """
        The end of a body's name after its country: "(Egyptian) House of Representatives",
        "(Spain)'s Congress of Deputies".
        """
        tokens = self.tokens
        n = len(tokens)

        def institution(i: int) -> bool:
            return (
                i < n
                and tokens[i].is_capitalized
                and tokens[i].key in WORDS.not_name_words
                and not tokens[i].newline_before
            )

        if end + 1 < n and self.art.is_possessive(end) and institution(end + 1):
            end += 1
        while institution(end) or (
            tokens[end].key == "of" and institution(end + 1) if end < n else False
        ):
            end += 1
        return end

    def _bare_default(self, start: int, end: int, org: str | None) -> bool:
        """
        Whether a title's organisation is only its default: "Secretary General" (the UN's by
        default) names none, "European Council President" and "UN chief" name theirs.
        """
        if org is None:
            return False
        entry = self.art.book.org_by_acronym.get(org)
        names = [org, *((entry.name, *entry.aliases) if entry is not None else ())]
        words = {w for name in names for w in key_of(name).split()} - _FUNCTION_WORDS
        return not any(t.key in words for t in self.tokens[start:end])

    def _complement(self, j: int) -> tuple[int, list[str]]:
        """
        The capitalised words after "of"/"for" at ``j`` that name an institution or a
        portfolio ("of the Supreme Federal Court", "for Africa"): their end and their keys
        (none when they do not end on a capitalised word of the same line).
        """
        tokens = self.tokens
        n = len(tokens)
        k = j + 1
        words: list[str] = []
        run_end = self.names.run_end
        while k < min(n, j + 9) and (
            tokens[k].is_capitalized or tokens[k].key in ("the", "of", "and", "for")
        ):
            if words and run_end.get(k, k) - k >= 2 and not self.art.hyphen_joined(k):
                break  # "Minister of National Development Planning Suharso Monoarfa"
            words.append(tokens[k].key)
            k += 1
            if self.art.hyphen_joined(k + 1) and tokens[k + 1].is_capitalized:
                k += 1  # "for the Belgrade-Pristina Dialogue": one name
        if words and tokens[k - 1].is_capitalized and not tokens[k - 1].newline_before:
            return k, words
        return j, []

    def _portfolio(self, end: int) -> int:
        """
        The end of an office's portfolio list after its title: "and Trade", ", African
        Cooperation and Moroccan Expatriates", "and the National Community Abroad".
        """
        tokens = self.tokens
        n = len(tokens)
        art = self.art
        while end < n and tokens[end].key in ("and", ",", "&") and not tokens[end].newline_before:
            k = end + 1
            if k < n and tokens[k].key == "the":
                k += 1
            j = k
            portfolio = False
            while j < n and j - k < 8 and not tokens[j].newline_before and j not in art.title_at:
                tok = tokens[j]
                if j > k and self.names.run_end.get(j, j) - j >= 2:
                    break  # "and Climate Change Marina Silva": the name follows the office
                if tok.is_capitalized:
                    portfolio = portfolio or tok.key in WORDS.not_name_words or j in art.country_at
                elif tok.key not in ("and", "&") or j + 1 >= n or not tokens[j + 1].is_capitalized:
                    break
                j += 1
            if j > k and not portfolio and j + 1 < n and tokens[j].text == ",":
                # "Minister of Education and Research, Bettina Stark-Watzinger": the name in
                # apposition after it shows the words were the office's
                portfolio = self.names.run_end.get(j + 1, j + 1) - (j + 1) >= 2
            if j == k or not portfolio:
                break
            if j < n and (art.is_possessive(j) or j in art.title_at):
                break  # ", and Romania's Foreign Minister": another official's side
            end = j
        return end

    def _title_end(self, start: int, end: int) -> int:
        # The title as written stops before its "of X" complement.
        tokens = self.tokens
        for k in range(start, end):
            if tokens[k].key in ("of", "for") and k > start:
                return k
        return end

    def _attach_name(self, mention: Mention, left: int, end: int) -> None:
        tokens = self.tokens
        n = len(tokens)
        names = self.names
        # 1. "Foreign Minister Jeyhun Bayramov" (and "President NAME of Rwanda")
        run = names.run_at(end) if end < n and not tokens[end].newline_before else None
        if run is not None and tokens[end].gap != "":
            self._set_name(mention, run)
            after = run[1]
            if after + 1 < n and tokens[after].text == "." and tokens[after - 1].key in _SUFFIXES:
                after += 1  # "Ferdinand R. Marcos Jr. of the Philippines"
            if mention.side is None and after + 1 < n and tokens[after].key == "of":
                k = after + 1
                if k + 1 < n and tokens[k].key == "the":
                    k += 1  # "of the United States", "of the European Commission"
                side = self._side_at(k)
                if side is not None:
                    mention.country, mention.org = side[1], side[2]
                    mention.end = side[0]
            return
        # 2. "Mevlut Cavusoglu, Foreign Minister of Turkiye" / "NAME, who is ... TITLE"
        p = left
        if p > 2 and self.art.is_possessive(p - 1) and tokens[p - 2].key == "country":
            p -= 2  # "who also serves as his country's prime minister"
        if p > 0 and tokens[p - 1].key in WORDS.determiners:
            p -= 1
        for link in _APPOSITION_LINKS:
            k = len(link)
            if p - k >= 0 and tuple(t.key for t in tokens[p - k : p]) == link:
                p -= k
                break
        if p > 1 and tokens[p - 1].text == "," and not self._subject_of_verb(end):
            run = names.run_ending_at(p - 1)
            if (
                run is not None
                and not self._named_for_another_side(run, mention)
                and not self._place_after_preposition(run)
                # "APEC Economic Leaders' Week, the President of the Republic": the end of an
                # event's name, not a person's
                and not (run[0] > 0 and tokens[run[0] - 1].text in APOSTROPHES)
            ):
                self._set_name(mention, run)
                return
        # 3. "The Foreign Affairs Minister of Azerbaijan, Jeyhun Bayramov met ..."
        definite = (
            left == 0
            or tokens[left - 1].key in WORDS.determiners
            or self._sentence_start(left)
            or mention.side is not None
        )
        if end + 1 < n and tokens[end].text == "," and not self._in_opening_phrase(left):
            start = end + 1
            # "Minister of Foreign Affairs, African Integration and Guineans Abroad, NAME"
            k = start
            while k < min(n, start + 8) and (tokens[k].is_capitalized or tokens[k].key == "and"):
                if k in self.names.run_end and k > start and tokens[k - 1].text == ",":
                    break
                k += 1
            continued = k > start and k + 1 < n and tokens[k].text == ","
            first = names.run_at(start)
            # "High Representative, Kaja Kallas, Osmani asked": the part up to the comma is a
            # name itself, not more of the office
            is_name = first is not None and first[1] == k
            if continued and names.run_at(k + 1) and not is_name:
                start = k + 1
            run = names.run_at(start)
            if run is None and start in self.art.title_at:
                # "Australia's Minister for Foreign Affairs, Senator Penny Wong": the name
                # after a second office is the first one's too
                after = self.art.title_at[start].end
                run = names.run_at(after) if after < n and tokens[after].gap else None
            # "... in the presence of the Omani foreign minister, Baghaei added": the speaker
            speaker = run is not None and run[1] < n and tokens[run[1]].key in WORDS.statement_verbs
            if run is not None and (definite or run[1] - run[0] >= 2) and not speaker:
                self._set_name(mention, run)

    def _subject_of_verb(self, end: int) -> bool:
        """
        "In his call with NAME, the High Representative stressed ...": a verb right after the
        title makes it the subject of the sentence, not an apposition of the name before.
        """
        tokens = self.tokens
        if end >= len(tokens):
            return False
        tok = tokens[end]
        return tok.kind == "word" and tok.text.islower() and tok.key not in WORDS.after_apposition

    def _in_opening_phrase(self, left: int) -> bool:
        """
        "With the Saudi minister, Borrell went over ...": a title inside the prepositional
        phrase that opens the sentence; the comma closes that phrase, and the name after it is
        the subject.
        """
        s = self.art.sentences[self.art.sentence_of(left)][0]
        tokens = self.tokens
        # "At the request of the German Chancellor, Tokayev set out ...": any length, up to the
        # first comma
        return (
            tokens[s].key in WORDS.opening_prepositions
            and left - s <= 10
            and not any(t.text == "," for t in tokens[s:left])
        )

    def _named_for_another_side(self, run: tuple[int, int], mention: Mention) -> bool:
        """
        'Armenian President NAME, Angolan President': the name already holds an office of
        another side, so the apposition does not name this one (one of the same side may:
        'NAME, who also serves as his country's prime minister').
        """
        owner = self.name_owner.get(run[0])
        return (
            owner is not None
            and owner.side is not None
            and mention.side is not None
            and owner.side != mention.side
        )

    def _place_after_preposition(self, run: tuple[int, int]) -> bool:
        """'In Lodz, the Foreign Minister of Turkey, NAME': the run is a place, not a name."""
        place = self.art.place_at.get(run[0])
        if place is None or place.end != run[1] or run[0] == 0:
            return False
        return self.tokens[run[0] - 1].key in WORDS.place_prepositions

    def _sentence_start(self, i: int) -> bool:
        s = self.art.sentence_of(i)
        return self.art.sentences[s][0] == i

    def _set_name(self, mention: Mention, run: tuple[int, int]) -> None:
        mention.name_start, mention.name_end = run
        mention.name = _clean_name(self.art, *run)
        mention.start = min(mention.start, run[0])
        mention.end = max(mention.end, run[1])
        self.name_owner.setdefault(run[0], mention)

    def _plural(
        self,
        start: int,
        end: int,
        left: int,
        role: Role | None,
        title: str,
        left_sides: list[tuple[str | None, str | None]],
    ) -> None:
        """'the presidents of Poland and Romania, Andrzej Duda and Klaus Iohannis'."""
        tokens = self.tokens
        n = len(tokens)
        sides = list(reversed(left_sides))
        j = end
        if not sides and j < n and tokens[j].key == "of":
            j += 1
            while j < n:
                if tokens[j].key == "the":
                    j += 1
                    continue
                side = self._side_at(j)
                if side is None:
                    break
                sides.append((side[1], side[2]))
                j = side[0]
                if j < n and tokens[j].key in (",", "and"):
                    if j + 1 < n and tokens[j].text == "," and tokens[j + 1].key == "and":
                        j += 1
                    nxt = j + 2 if j + 2 < n and tokens[j + 1].key == "the" else j + 1
                    # "..., Santiago Andrade Vela": a first-name country opening a name ends it
                    opens_name = (self.names.run_at(nxt) or (nxt, nxt))[1] > (
                        self._side_at(nxt) or (nxt,)
                    )[0]
                    if self._side_at(nxt) and not opens_name:
                        j += 1
                        continue
                break
        runs: list[tuple[int, int]] = []
        k = j
        if sides and k < n and tokens[k].text == ",":
            k += 1
            while k < n:
                run = self.names.run_at(k)
                if run is None:
                    break
                runs.append(run)
                after = _after_list_separator(tokens, run[1])
                if after is None:
                    break
                k = after
        if not sides and not left_sides and self._named_plural(end, title, role):
            return
        if runs and len(runs) == len(sides):
            for (cc, org), run in zip(sides, runs, strict=True):
                mention = Mention(run[0], run[1], title=title, role=role, country=cc, org=org)
                self._set_name(mention, run)
                self.mentions.append(mention)
            return
        for cc, org in sides:
            if cc is None:
                continue  # "ASEAN Foreign Ministers": a body, not people of one side
            self.mentions.append(
                Mention(left, end, title=title, role=role, country=cc, org=org, kind="plural")
            )
        if not sides:
            # "the two foreign ministers", "the top diplomats": a role for the meeting's people
            self.mentions.append(Mention(left, end, title=title, role=role, kind="plural"))

    def _named_plural(self, end: int, title: str, role: Role | None) -> bool:
        """
        'Presidents Paul Kagame of Rwanda and Felix Tshisekedi of the DRC', 'Presidents Kagame
        and Tshisekedi': names right after a plural title, each with its own "of" side or
        none, are one titled mention each. False (nothing added) unless two names follow.
        """
        tokens = self.tokens
        n = len(tokens)
        found: list[tuple[tuple[int, int], int, str | None, str | None]] = []
        k = end
        while k < n and not tokens[k].newline_before:
            run = self.names.run_at(k)
            if run is None or not tokens[k].gap:
                break
            k = stop = run[1]
            cc = org = None
            if k + 1 < n and tokens[k].key == "of":
                j = k + 2 if tokens[k + 1].key == "the" else k + 1
                side = self._side_at(j)
                if side is not None:
                    stop = k = side[0]
                    cc, org = side[1], side[2]
            found.append((run, stop, cc, org))
            after = _after_list_separator(tokens, k)
            if after is None:
                break
            k = after
        if len(found) < 2:
            return False
        for run, stop, cc, org in found:
            mention = Mention(run[0], stop, title=title, role=role, country=cc, org=org)
            self._set_name(mention, run)
            self.mentions.append(mention)
        return True

    # -- other mention shapes -------------------------------------------------------------

    def counterparts(self) -> None:
        """'his (Russian) counterpart (NAME)', 'the Chinese side'."""
        tokens = self.tokens
        n = len(tokens)
        # titled mentions by start, the earliest-listed first (this loop adds none), so that a
        # follower is found in constant time however many mentions the article has
        titled_at: dict[int, tuple[int, Mention]] = {}
        for index, m in enumerate(self.mentions):
            if m.kind == "titled":
                titled_at.setdefault(m.start, (index, m))
        for i, tok in enumerate(tokens):
            if tok.key not in WORDS.counterpart_words and tok.key != "side":
                continue
            left = i
            country = org = None
            side = self._side_ending_at(i)
            if side is not None:
                left, country, org = side
            elif i > 0 and self.art.is_possessive(i - 1):
                side = self._side_ending_at(i - 1)
                if side is not None:
                    left, country, org = side
            # "his counterpart from Guinea-Bissau, NAME"
            if country is None and org is None and i + 2 < n and tokens[i + 1].key == "from":
                k = i + 2
                if k + 1 < n and tokens[k].key == "the":
                    k += 1  # "his counterpart from the United States, NAME"
                side = self._side_at(k)
                if side is not None:
                    country, org = side[1], side[2]
                    i_end = side[0]
                    if i_end < n and tokens[i_end].text == ",":
                        run = self.names.run_at(i_end + 1)
                        if run is not None:
                            mention = Mention(
                                left, i + 1, country=country, org=org, kind="counterpart"
                            )
                            self._set_name(mention, run)
                            self.mentions.append(mention)
                            continue
            if tok.key == "side":
                if country is None and org is None:
                    continue
                if left == 0 or tokens[left - 1].key != "the":
                    continue
            end = i + 1
            # "his Cameroonian counterpart, Minister of External Relations NAME": one person
            followers = [titled_at[k] for k in (end, end + 1) if k in titled_at]
            follower = min(followers, key=lambda f: f[0])[1] if followers else None
            if follower is not None and tok.key != "side":
                if follower.side is None:
                    follower.country, follower.org = country, org
                continue
            mention = Mention(left, i + 1, role=None, country=country, org=org, kind="counterpart")
            run = self.names.run_at(end) if end < n and not tokens[end].newline_before else None
            if run is None and end + 1 < n and tokens[end].text == ",":
                run = self.names.run_at(end + 1)
            if run is not None and tok.key != "side":
                self._set_name(mention, run)
            self.mentions.append(mention)

    def possessive_names(self) -> None:
        """'Argentina's Santiago Cafiero', 'South Korea's Park Jin'."""
        tokens = self.tokens
        for hit in self.art.countries:
            e = hit.end
            if e + 1 < len(tokens) and tokens[e].key in WORDS.generic_office_words:
                # "Chinese leader Xi Jinping": a side and a name, no office
                run = self.names.run_at(e + 1)
                if run is not None and run[0] not in self.name_owner:
                    mention = Mention(
                        hit.start, run[1], country=hit.entry.alpha2, kind="possessive"
                    )
                    self._set_name(mention, run)
                    self.mentions.append(mention)
                continue
            if e + 1 < len(tokens) and self.art.is_possessive(e):
                run = self.names.run_at(e + 1)
                if run is None or run[0] in self.name_owner:
                    continue
                if run[1] < len(tokens) and (run[1]) in self.art.title_at:
                    continue
                after = tokens[run[1]] if run[1] < len(tokens) else None
                if after is not None and (
                    (after.is_capitalized and after.key in WORDS.not_name_words)
                    or after.key in WORDS.place_head_nouns
                ):
                    continue  # "China's Anhui Province", "Tokyo's Ginza district": a place
                mention = Mention(hit.start, run[1], country=hit.entry.alpha2, kind="possessive")
                self._set_name(mention, run)
                self.mentions.append(mention)

    def bare_names(self) -> None:
        """
        'Pavel Gromov held talks with ...', 'Putin met Xi Jinping': a full name with no office,
        directly before or after a meeting phrase, is a participant whose side and office come
        from elsewhere (the article, the meeting's place, the table of known office holders).
        """
        tokens = self.tokens
        n = len(tokens)
        names = self.names
        signals = ("meeting", "joint", "separate")
        covered = {i for m in self.mentions for i in range(m.start, m.end)}
        for hit in [*self.art.phrases, *self.art.separators]:
            if hit.entry.signal not in signals:
                continue
            runs = [names.run_ending_at(hit.start)]
            if hit.start > 1 and tokens[hit.start - 1].text == ",":
                # "El Othmani, in his own meeting with Dastis, ..."
                runs.append(names.run_ending_at(hit.start - 1))
            k = hit.end
            if k < n and tokens[k].key in ("with", "on"):
                k += 1
            runs.append(names.run_at(k) if k < n and not tokens[k].newline_before else None)
            # "held three hours of talks at the Diaoyutai State Guesthouse with Wang Yi": the
            # counterpart after "with" a few words on, in the same clause
            for j in range(hit.end, min(n - 1, hit.end + 10)):
                tok = tokens[j]
                if tok.newline_before or tok.text in (",", ";", ".") or j in self.art.title_at:
                    break
                if tok.key == "with":
                    runs.append(names.run_at(j + 1))
                    break
            for run in runs:
                if run is None or run[1] - run[0] < 2 or run[0] in self.name_owner:
                    continue
                if run[0] in covered:
                    continue
                place = self.art.place_at.get(run[0])
                if place is not None and place.end == run[1]:
                    continue  # "for talks in Rio de Janeiro": a city, not a person
                mention = Mention(run[0], run[1], kind="bare")
                self._set_name(mention, run)
                self.mentions.append(mention)
                covered.update(range(mention.start, mention.end))
        # "Josep Borrell and Miroslav Lajcak met ...", "Josep Borrell and the EU Special
        # Representative, Miroslav Lajcak, met ...": a full name joined by "and" to the
        # subject of a meeting phrase is a subject too
        by_end = {m.end: m for m in self.mentions}
        for hit in self.art.phrases:
            if hit.entry.signal not in signals:
                continue
            end = hit.start
            if end > 0 and tokens[end - 1].text == ",":
                end -= 1  # "..., Miroslav Lajcak, met"
            subject = by_end.get(end)
            k = subject.start - 1 if subject is not None else 0
            if k > 0 and tokens[k].key == "the":
                k -= 1
            if k < 1 or tokens[k].key != "and":
                continue
            run = names.run_ending_at(k)
            if run is None or run[1] - run[0] < 2 or run[0] in self.name_owner:
                continue
            if any(i in covered for i in range(run[0], run[1])):
                continue
            mention = Mention(run[0], run[1], kind="bare")
            self._set_name(mention, run)
            self.mentions.append(mention)
            covered.update(range(mention.start, mention.end))

    def known_names(self) -> None:
        """
        'Keir Starmer has given Volodymyr Zelenskyy a warm welcome': the full name (two words
        or more) of a known office holder in office in the article's year is an official, with
        no title and no meeting phrase next to it.
        """
        reference = self.art.reference
        if reference is None:
            return
        year = reference.year
        index = self.art.book.officials
        covered = {i for m in self.mentions for i in range(m.start, m.end)}
        for start, end in self.names.run_end.items():
            if end - start < 2 or start in self.name_owner or start in covered:
                continue
            found = index.get(name_tokens(_clean_name(self.art, start, end)), ())
            if not any(o.since <= year <= (o.until or 9999) for o in found):
                continue
            mention = Mention(start, end, kind="bare")
            self._set_name(mention, (start, end))
            self.mentions.append(mention)
            covered.update(range(start, end))

    def appositions(self) -> None:
        """'Borys Lozhkin, who heads the Ukrainian President's administration, ...'."""
        tokens = self.tokens
        n = len(tokens)
        for start, end in list(self.names.run_end.items()):
            if start in self.name_owner or end - start < 2 or end >= n or tokens[end].text != ",":
                continue
            k = end + 1
            if (
                k + 1 < n
                and tokens[k].key == "who"
                and tokens[k + 1].key in ("heads", "leads", "chairs")
            ):
                limit = min(n, k + 12)
                for j in range(k + 2, limit):
                    if tokens[j].text in (",", ".", ";") or tokens[j].newline_before:
                        break
                    found = self.art.country_at.get(j)
                    if found is not None:
                        mention = Mention(
                            start,
                            end,
                            role=Role.OFFICIAL,
                            country=found.entry.alpha2,
                            kind="apposition",
                        )
                        self._set_name(mention, (start, end))
                        self.mentions.append(mention)
                        break


def _name_tokens(name: str) -> frozenset[str]:
    return name_tokens(name)


def _known_holder(art: Article, tokens: frozenset[str]) -> str | None:
    """The name of the one known office holder whose name or alias has these parts."""
    if not art.on("officials.known_officials"):
        return None
    names = {o.name for o in art.book.officials.get(tokens, ())}
    return names.pop() if len(names) == 1 else None


def _compatible(a: Mention, p: Person) -> bool:
    if a.side and p.side and a.side != p.side:
        return False
    # "His Majesty Sultan Ibrahim" after "Prime Minister Anwar Ibrahim": one name part under
    # the office of a head of state or government that the fuller name never held is another
    # person (lesser offices change hands: "Ambassador Taye" became "Foreign Minister Taye")
    if a.role not in _HEAD_ROLES or len(_name_tokens(a.name or "")) != 1:
        return True
    roles = {m.role for m in p.mentions if m.role is not None}
    return not roles or a.role in roles or not roles <= _HEAD_ROLES


_HEAD_ROLES = frozenset({Role.HEAD_OF_STATE, Role.HEAD_OF_GOVERNMENT})


def _from_known_officials(art: Article, p: Person) -> None:
    """
    Give a person named without a side (or title) the side and office of the known office
    holder of that name, preferring the tenure that covers the article's year.
    """
    tokens = name_tokens(p.name or "")
    index = art.book.officials
    found = list(index.get(tokens, ()))
    if not found and len(tokens) >= 2:
        # "Antony Blinken" within "Antony J. Blinken": look only at names sharing a part
        by_part = art.book.official_parts
        part = min(tokens, key=lambda t: len(by_part.get(t, ())))
        found = [o for key in by_part.get(part, ()) if tokens < key for o in index[key]]
    if not found and len(tokens) >= 3:
        # "Faisal bin Farhan bin Abdullah" is "Faisal bin Farhan": a fuller form of a known
        # name of two parts or more, in the same office when the text gives one
        by_part = art.book.official_parts
        keys = {key for part in tokens for key in by_part.get(part, ()) if len(key) >= 2}
        found = [
            o
            for key in keys
            if key < tokens
            for o in index[key]
            if p.role is None or o.role is p.role
        ]
    year = art.reference.year if art.reference else None
    if not found and p.role is not None:
        found = _transliterated(art, tokens, p.role, year)
    if not found:
        return
    in_office = True
    if year is not None:
        current = [o for o in found if o.since <= year <= (o.until or 9999)]
        if p.implied and not current:
            return  # a title's default side beats an office the person no longer holds
        in_office = bool(current)
        found = current or found
    sides = {(o.country, o.org) for o in found}
    if len(sides) != 1:
        return
    country, org = sides.pop()
    if p.side is None or p.implied:
        # "Secretary General Jens Stoltenberg": NATO's, not the title's default (the UN's)
        p.country, p.org = country, org
        p.implied = False
        art.note("side from known officials", official=p.name, side=country or org)
    roles = {o.role for o in found}
    if p.role is None and len(roles) == 1 and in_office:
        # an office held years before the article is no longer the person's office
        p.role = roles.pop()


def _title_index(people: list[Person]) -> dict[str, list[tuple[int, int]]]:
    """
    Title words -> (mention start, person) of the named people's titled mentions, under the
    whole title and each of its endings ("NATO Secretary General" also under "Secretary
    General"), so that a bare office finds its earlier holders without a scan of everyone.
    """
    index: dict[str, list[tuple[int, int]]] = {}
    for p in people:
        if not p.name:
            continue
        for o in p.mentions:
            if o.title:
                words = key_of(o.title).split()
                for k in range(len(words)):
                    index.setdefault(" ".join(words[k:]), []).append((o.start, p.index))
    return index


def _earlier_same_title(
    index: dict[str, list[tuple[int, int]]], people: list[Person], m: Mention
) -> Person | None:
    """The one named person mentioned before ``m`` under the same title words, if any."""
    if m.title is None:
        return None
    holders = {p for start, p in index.get(key_of(m.title), ()) if start < m.start}
    return people[holders.pop()] if len(holders) == 1 else None


def _sole_earlier_holder(people: list[Person], m: Mention) -> Person | None:
    """The one named person with the office of an unnamed mention, named before it, if any."""
    if m.role is None:
        return None
    holders = [
        p
        for p in people
        if p.name and p.role is m.role and any(o.start < m.start for o in p.mentions)
    ]
    return holders[0] if len(holders) == 1 else None


def _transliterated(
    art: Article, tokens: frozenset[str], role: Role, year: int | None
) -> list[KnownOfficial]:
    """
    The office holders in ``role`` (in ``year``, when known) whose name is this one but for
    one part spelt another way: "Prime Minister Oljas Bektenov" is Olzhas Bektenov, "Sergei
    Lavrov" is Sergey Lavrov. The parts written the same must include one of five letters or
    more, so that a shared "Khan" or "Kim" alone never decides.
    """
    if len(tokens) < 2:
        return []
    index = art.book.officials
    by_part = art.book.official_parts
    found: list[KnownOfficial] = []
    keys = {key for part in tokens if len(part) >= 5 for key in by_part.get(part, ())}
    for key in keys:
        differ, other = tokens - key, key - tokens
        if len(differ) != 1 or len(other) != 1 or len(key) != len(tokens):
            continue
        ours, theirs = next(iter(differ)), next(iter(other))
        if (
            ours[0] != theirs[0]
            or SequenceMatcher(None, ours, theirs).ratio() < _SPELLING_SIMILARITY
        ):
            continue
        found += [
            o
            for o in index[key]
            if o.role is role and (year is None or o.since <= year <= (o.until or 9999))
        ]
    return found


# How alike two spellings of one name part must be (difflib's ratio): "oljas"/"olzhas" 0.73,
# "sergei"/"sergey" 0.83; "ali"/"alan" 0.57 are different names.
_SPELLING_SIMILARITY = 0.7


def _nickname(art: Article, m: Mention) -> str | None:
    """
    The folded nickname quoted or in parentheses right after a name ("Pushpa Kamal Dahal
    'Prachanda'", "Joko Widodo (Jokowi)").
    """
    if m.name_end is None:
        return None
    tokens = art.tokens
    k = m.name_end
    if k + 2 >= len(tokens):
        return None
    opening, closing = tokens[k].text, tokens[k + 2].text
    if not (opening in QUOTES and closing in QUOTES) and (opening, closing) != ("(", ")"):
        return None
    word = tokens[k + 1]
    if not word.is_capitalized or word.gap or tokens[k + 2].gap or word.text.isupper():
        return None  # not "(AP)", "(UN)"
    if word.key in WORDS.honorifics or word.key in _DEGREES:
        return None  # "Abiy Ahmed (PhD)"
    return word.key


def _name_pairs(mentions: list[Mention]) -> set[int]:
    """
    The ids of untitled names "A-B" that join the names of two others mentioned ("the
    Jaishankar-Wang talks" beside "S. Jaishankar" and "Wang Yi").
    """
    pairs = [
        m
        for m in mentions
        if m.title is None and m.name and " " not in m.name and m.name.count("-") == 1
    ]
    if not pairs:
        return set()
    # name part -> the parts of the other names holding it
    holders: dict[str, list[frozenset[str]]] = {}
    for o in mentions:
        if o.name and "-" not in o.name:
            parts = _name_tokens(o.name)
            for part in parts:
                holders.setdefault(part, []).append(parts)
    found: set[int] = set()
    for m in pairs:
        first, second = (fold(part) for part in (m.name or "").split("-"))
        if any(second not in h for h in holders.get(first, ())) and any(
            first not in h for h in holders.get(second, ())
        ):
            found.add(id(m))
    return found


def _business_apposition(art: Article, m: Mention) -> bool:
    """
    "NAME, chairman of the Saudi energy company ACWA Power": the apposition after a name
    describes a role in a business; "the company ACWA Power": the name is a company's.
    """
    tokens = art.tokens
    n = len(tokens)
    before = (m.name_start if m.name_start is not None else m.start) - 1
    if before >= 0 and tokens[before].key in WORDS.business_nouns:
        return True  # "the Saudi energy company ACWA Power": a company's name
    k = m.end
    if k + 1 >= n or tokens[k].text != ",":
        return False
    k += 1
    if tokens[k].key in ("the", "a", "an"):
        k += 1
    if k >= n or tokens[k].key not in WORDS.business_roles:
        return False
    stop = min(n, k + 12)
    for j in range(k + 1, stop):
        tok = tokens[j]
        if tok.newline_before or (tok.kind == "punct" and tok.text not in "-'’&"):
            return False
        if tok.key in WORDS.business_nouns:
            return True
    return False


def _abbreviated(title: str | None) -> bool:
    letters = (title or "").replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


def _resolve(p: Person) -> None:
    """Set a person's title, role and side from its mentions."""
    titled = [m for m in p.mentions if m.role is not None and m.kind != "plural"]
    named = [m for m in titled if m.name]
    # An unnamed "the minister" says less than "his counterpart": leave the role open then.
    anonymous = [m for m in titled if not m.name]
    if not named and any(m.kind == "counterpart" for m in p.mentions):
        anonymous = []
    chosen = named or anonymous
    # "FM Sitharaman" (headline) and "Finance Minister Nirmala Sitharaman" (body): an office
    # spelt out says more than an ambiguous abbreviation of one
    spelt = [m for m in chosen if not _abbreviated(m.title)]
    chosen = spelt or chosen
    if chosen:
        # the first title is the title as written; the most senior office gives the role
        p.title = chosen[0].title
        role = chosen[0].role
        for m in chosen[1:]:
            role = better_role(role, m.role)
        p.role = role
    p.posted_to = next((m.posted_to for m in p.mentions if m.posted_to), None)
    if p.country is None and p.org is None:
        # "NATO Secretary-General Mark Rutte ... Rutte, a former Dutch prime minister": an
        # office held now says more about the side than a former one
        for m in sorted(p.mentions, key=lambda m: m.former):
            if m.side:
                if m.former and any(o.implied_country or o.implied_org for o in p.mentions):
                    break
                p.country, p.org = m.country, m.org
                break
    if p.country is None and p.org is None:
        for m in p.mentions:
            if m.implied_country or m.implied_org:
                p.country, p.org = m.implied_country, m.implied_org
                p.implied = m.bare_default
                break


def _delegation_sides(art: Article, mentions: list[Mention]) -> None:
    """
    'The Kazakh delegation was headed by Deputy Foreign Minister NAME': NAME acts for Kazakhstan.
    """
    tokens = art.tokens
    starts = {m.start: m for m in mentions}
    for hit in art.countries:
        k = hit.end
        if k >= len(tokens) or tokens[k].key not in ("delegation", "side"):
            continue
        for j in range(k + 1, min(len(tokens), k + 5)):
            if tokens[j].key == "by":
                target = starts.get(j + 1)
                if target is not None and target.side is None:
                    target.country = hit.entry.alpha2
                break


def _share_coordinated_sides(art: Article, mentions: list[Mention]) -> None:
    """
    'Australian Foreign Minister X and Defence Minister Y': Y acts for Australia too.
    """
    tokens = art.tokens
    by_start = {m.start: m for m in mentions if m.kind == "titled"}
    for m in mentions:
        if m.kind != "titled" or m.name is None:
            continue
        side = (m.country, m.org)
        if m.side is None:
            # "Foreign Affairs Secretary Enrique Manalo and Defense Secretary Gilberto
            # Teodoro": the known office holder's side, when the office names none
            known = _known_sides(art, m.name)
            if len(known) != 1 or m.implied_country or m.implied_org:
                continue
            side = next(iter(known))
        k = m.end
        if k + 1 < len(tokens) and tokens[k].key == "and":
            other = by_start.get(k + 1)
            if (
                other is not None
                and other.side is None
                and other.name is not None
                # "... and ASEAN Secretary-General Y": the office names its own side
                and other.implied_country is None
                and other.implied_org is None
                # "Indian Prime Minister Modi and President Irfaan Ali": not when the known
                # office holder of that name acts for another side
                and _known_sides(art, other.name) <= {side}
            ):
                other.country, other.org = side


def _known_sides(art: Article, name: str) -> set[tuple[str | None, str | None]]:
    """The sides of the known office holders of exactly this name in the article's year."""
    year = art.reference.year if art.reference else None
    found = art.book.officials.get(name_tokens(name), ())
    return {
        (o.country, o.org) for o in found if year is None or o.since <= year <= (o.until or 9999)
    }


def find_people(art: Article) -> tuple[list[Mention], list[Person]]:
    """
    Every official mention in the article and the persons they merge into.
    """
    builder = _Builder(art)
    builder.title_phrases()
    builder.counterparts()
    builder.possessive_names()
    builder.appositions()
    builder.bare_names()
    if art.on("officials.known_officials"):
        builder.known_names()
    mentions = sorted(builder.mentions, key=lambda m: (m.start, m.end))
    _share_coordinated_sides(art, mentions)
    _delegation_sides(art, mentions)
    people: list[Person] = []
    # "after Jaishankar-Wang talks": two surnames joined, not one person's name
    pairs = _name_pairs(mentions)
    mentions = [m for m in mentions if id(m) not in pairs]
    # 1. named mentions, fullest names first so that "Cavusoglu" joins "Mevlut Cavusoglu"
    named = sorted(
        (m for m in mentions if m.name),
        key=lambda m: (-len(_name_tokens(m.name or "")), -len((m.name or "").split()), m.start),
    )
    # name part -> people whose name holds it: candidates share a part, so look-ups stay
    # linear however many people an article names
    by_part: dict[str, list[Person]] = {}
    by_name: dict[frozenset[str], list[Person]] = {}
    by_holder: dict[str | None, Person] = {}  # known office holder's name -> person
    for m in named:
        tokens = _name_tokens(m.name or "")
        if not tokens:
            continue
        target = None
        # a person whose name holds all these parts shares the rarest one; one whose name is
        # a part of this one has exactly a subset of its parts (names have few parts)
        rarest = min(tokens, key=lambda t: len(by_part.get(t, ())))
        candidates = {p.index: p for p in by_part.get(rarest, ()) if tokens <= p.name_tokens}
        if len(tokens) <= 8:
            for size in range(1, len(tokens)):
                for subset in combinations(sorted(tokens), size):
                    for p in by_name.get(frozenset(subset), ()):
                        candidates[p.index] = p
        for index in sorted(candidates):
            if _compatible(m, candidates[index]):
                target = candidates[index]
                break
        known = _known_holder(art, tokens)
        if target is None and known in by_holder and _compatible(m, by_holder[known]):
            # "President Jokowi" after "President Joko Widodo": two names of one office holder
            target = by_holder[known]
        if target is None:
            target = Person(len(people), name=m.name, name_tokens=tokens)
            people.append(target)
            by_name.setdefault(tokens, []).append(target)
            for t in tokens:
                by_part.setdefault(t, []).append(target)
        if known is not None:
            by_holder.setdefault(known, target)
        target.mentions.append(m)
        m.person = target.index
        if target.country is None and target.org is None and not m.former:
            target.country, target.org = m.country, m.org
        nickname = _nickname(art, m)
        if nickname is not None and nickname not in target.name_tokens:
            # "Pushpa Kamal Dahal 'Prachanda'": a later "Prachanda" is the same person
            target.name_tokens = target.name_tokens | {nickname}
            by_part.setdefault(nickname, []).append(target)
    # "The American lawmakers are led by Senator John Cornyn": the plural's side is his
    in_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        in_sentence.setdefault(art.sentence_of(m.start), []).append(m)
    for m in mentions:
        if m.kind == "plural" and m.side is not None and m.role is not None:
            lone = [
                o for o in in_sentence[art.sentence_of(m.start)]
                if o.name and o.side is None and o.role is m.role
            ]  # fmt: skip
            if len(lone) == 1:
                lone[0].country, lone[0].org = m.country, m.org
    # Roles and sides now (offices that imply their organisation: "President of the European
    # Council" -> EU), so that unnamed mentions of the same office can join the person below.
    for p in people:
        _resolve(p)
        if (
            p.name
            and (p.side is None or p.role is None or p.implied)
            and art.on("officials.known_officials")
        ):
            _from_known_officials(art, p)
    # 2. surname-only and short-name mentions in running text: "Cavusoglu thanked ..."
    names = builder.names
    surname_runs = names.run_end.items() if art.on("officials.surname_mentions") else []
    for start, end in surname_runs:
        if start in builder.name_owner:
            continue
        tokens = _name_tokens(art.surface(start, end))
        if not tokens:
            continue
        rarest = min(tokens, key=lambda t: len(by_part.get(t, ())))
        matches = [p for p in by_part.get(rarest, ()) if tokens <= p.name_tokens]
        known = _known_holder(art, tokens) if not matches else None
        if known in by_holder:
            matches = [by_holder[known]]  # "Jokowi said ..." after "Joko Widodo"
        if len(matches) == 1:
            p = matches[0]
            m = Mention(
                start,
                end,
                name_start=start,
                name_end=end,
                name=art.surface(start, end),
                kind="surname",
                person=p.index,
            )
            p.mentions.append(m)
            mentions.append(m)
    meeting_sentences = {
        art.sentence_of(h.start) for h in art.phrases if h.entry.signal in ("meeting", "joint")
    }
    # 3. anonymous mentions: join the one person of the same side (and role when several)
    titles: dict[str, list[tuple[int, int]]] | None = None  # built on first need
    by_side: dict[str | None, list[Person]] = {}
    for p in people:
        by_side.setdefault(p.side, []).append(p)
    for m in mentions:
        if m.name is not None or (m.kind == "plural" and m.side is None):
            continue
        side = m.side or m.implied_country or m.implied_org
        if m.side is None and side is not None and m.kind == "titled":
            # "the Secretary-General also met ..." after "Secretary-General of ASEAN NAME": the
            # office's holder named before, not the office's default side (the UN's)
            if titles is None:
                titles = _title_index(people)
            holder = _earlier_same_title(titles, people, m)
            if holder is not None and holder.side != side:
                holder.mentions.append(m)
                m.person = holder.index
                continue
        if side is None:
            # "On Tuesday, the Head of State met ...": the one named person in that office
            # mentioned before
            holder = _sole_earlier_holder(people, m) if m.kind == "titled" else None
            if holder is not None:
                holder.mentions.append(m)
                m.person = holder.index
            continue
        same_side = list(by_side.get(side, ()))
        if m.role is not None:
            # "the Prime Minister of India" is not India's External Affairs Minister; "the
            # Saudi minister" may be any of its ministers
            roles = _MINISTERS if m.title and key_of(m.title) == "minister" else {m.role}
            same_side = [p for p in same_side if p.role is None or p.role in roles]
        sentence = art.sentence_of(m.start)
        if not same_side and m.role is not None and sentence in meeting_sentences:
            # "British Foreign Secretary" (a headline reporting the meeting) is "Foreign
            # Secretary Liz Truss" (body); "greetings of the Prime Minister of India" is not
            sideless = [
                p
                for p in by_side.get(None, ())
                if p.side is None
                and p.role is m.role
                and all(art.sentence_of(o.start) != sentence for o in p.mentions)
            ]
            if len(sideless) == 1:
                joined = sideless[0]
                joined.mentions.append(m)
                m.person = joined.index
                joined.country, joined.org = m.country, m.org
                by_side[None].remove(joined)
                by_side.setdefault(joined.side, []).append(joined)
                continue
        if len(same_side) > 1 and m.role is not None:
            exact = [p for p in same_side if p.role is m.role]
            same_side = exact if len(exact) == 1 else same_side
        if len(same_side) == 1:
            same_side[0].mentions.append(m)
            m.person = same_side[0].index
            continue
        if same_side:
            continue
        p = Person(len(people))
        p.country = m.country or (m.implied_country if not m.org and not m.implied_org else None)
        p.org = m.org or (m.implied_org if not p.country else None)
        p.role = m.role  # so that later mentions of other offices of that side look elsewhere
        people.append(p)
        by_side.setdefault(p.side, []).append(p)
        p.mentions.append(m)
        m.person = p.index
    for p in people:
        _resolve(p)
        if p.role is None and p.name is not None:
            p.business = any(_business_apposition(art, m) for m in p.mentions if m.name)
    if art.on("officials.surname_mentions"):
        mentions.extend(_office_initials(art, people, mentions))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions, people


def _office_initials(art: Article, people: list[Person], mentions: list[Mention]) -> list[Mention]:
    """
    "MoS called on the President" after "Minister of State for External Affairs NAME": the
    initials of a named person's office (of its first two words or more) stand for that
    person, when one person alone holds an office with those initials.
    """
    holders: dict[str, set[int]] = {}
    for p in people:
        if p.name is None:
            continue
        for m in p.mentions:
            if m.title:
                words = m.title.replace("-", " ").split()
                for k in range(2, len(words) + 1):
                    initials = fold("".join(w[0] for w in words[:k]))
                    holders.setdefault(initials, set()).add(p.index)
    if not holders:
        return []
    tokens = art.tokens
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    for i in compress(count(), map(holders.__contains__, map(_KEY, tokens))):
        tok = tokens[i]
        owners = holders[tok.key]
        capitals = sum(c.isupper() for c in tok.text)
        if tok.kind != "word" or capitals < 2 or i in taken or i in art.title_at:
            continue
        if len(owners) == 1:
            p = people[next(iter(owners))]
            m = Mention(i, i + 1, kind="initials", person=p.index)
            p.mentions.append(m)
            found.append(m)
    return found
