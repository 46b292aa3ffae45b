"""
The per-article working state shared by the extractors (one instance per ``parse`` call).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import Any

from diplomodel.compiled import CompiledRulebook, PlaceRef
from diplomodel.dates import (
    DAY_WORDS,
    DatelineInfo,
    DateMention,
    Resolved,
    after_reference,
    find_dates,
    resolve,
)
from diplomodel.grammar import grammar_words
from diplomodel.matcher import Hit, find_grouped, longest_first
from diplomodel.model import DateBasis, DatePrecision
from diplomodel.rules import CountryName, MeetingPhrase, OrgEntry, TitleEntry
from diplomodel.text import APOSTROPHES, Token, sentence_bounds, tokenize

__all__ = ["Article"]

_WORDS = grammar_words()
# "the first talks since February 2022", "his eighth tour since the October 7 attack"
_SINCE = re.compile(r"\bsince (?:the )?$")
# "ahead of a July 4 election", "will from January 1 be able to": a date that lies ahead or
# bounds a period, never the day of a meeting
_AHEAD_OF = re.compile(r"\b(?:ahead of|from|until|till|by) (?:the |a |an |its |their )?$")
# the word before a date, past an "on": "said on Tuesday", "announced Friday"
_LAST_WORD = re.compile(r"([A-Za-z]+)(?:\s+on)?\s*$")


class Article:
    """
    Tokens, sentences and every lexicon hit of one article, with offsets into its text.
    """

    def __init__(
        self,
        text: str,
        book: CompiledRulebook,
        published: dt.date | None,
        dateline: DatelineInfo | None,
    ) -> None:
        self.text = text
        self.book = book
        self.published = published
        self.dateline = dateline
        self.reference: dt.date | None = dateline.date if dateline and dateline.date else published
        self.trace: list[dict[str, object]] | None = None
        self._country_counts: dict[str, int] | None = None
        self.cache: dict[str, object] = {}  # per-article results the extractors compute once
        self._dates_in: dict[int, list[DateMention]] = {}
        self._usable_dates: dict[int, list[tuple[DateMention, Resolved]]] = {}
        self.tokens: list[Token] = tokenize(text)
        self.sentences: list[tuple[int, int]] = sentence_bounds(self.tokens)
        self._sentence_starts = [s for s, _ in self.sentences]
        tokens = self.tokens
        by_kind: dict[str, list[Hit[Any]]] = find_grouped(book.lexicon, tokens)

        def kind(name: str) -> list[Hit[Any]]:
            return longest_first(by_kind.get(name, []))

        blocked = _owners(kind("blocker"))
        titles = kind("title")
        title_ends = {h.end for h in titles}
        self.titles: list[Hit[TitleEntry]] = [
            h for h in titles if not self._given_name(h, title_ends) and not self._name_part(h)
        ]
        self.countries: list[Hit[CountryName]] = [
            h for h in kind("country") if not _covered(h, blocked)
        ]
        self.orgs: list[Hit[OrgEntry]] = kind("org")
        self.places: list[Hit[PlaceRef]] = kind("place")
        self.topics: list[Hit[str]] = kind("topic")
        self.phrases: list[Hit[MeetingPhrase]] = kind("phrase")
        self.separators: list[Hit[MeetingPhrase]] = kind("separator")
        self.events: list[Hit[str | None]] = kind("event")
        self.cues: list[Hit[str]] = kind("cue")
        self._resolve_overlaps()
        self.title_at = {h.start: h for h in self.titles}
        self.country_at = {h.start: h for h in self.countries}
        self.country_end = {h.end: h for h in self.countries}
        self.org_at = {h.start: h for h in self.orgs}
        self.org_end = {h.end: h for h in self.orgs}
        self.place_at = {h.start: h for h in self.places}
        self.places_in: dict[int, list[Hit[PlaceRef]]] = {}
        for place in self.places:
            self.places_in.setdefault(self.sentence_of(place.start), []).append(place)
        self.countries_in: dict[int, list[Hit[CountryName]]] = {}
        for country in self.countries:
            self.countries_in.setdefault(self.sentence_of(country.start), []).append(country)
        self.cues_in: dict[int, list[Hit[str]]] = {}
        for cue in self.cues:
            self.cues_in.setdefault(self.sentence_of(cue.start), []).append(cue)
        # topic terms, and organisations (which signal "multilateral"), by sentence
        self.topics_in: dict[int, list[tuple[int, int, str]]] = {}
        for topic in self.topics:
            self.topics_in.setdefault(self.sentence_of(topic.start), []).append(
                (topic.start, topic.end, topic.entry)
            )
        self.orgs_in: dict[int, list[Hit[OrgEntry]]] = {}
        for org in self.orgs:
            self.orgs_in.setdefault(self.sentence_of(org.start), []).append(org)

    def _given_name(self, hit: Hit[TitleEntry], title_ends: set[int]) -> bool:
        """
        'Dr. Sultan Ahmed Al Jaber', 'Foreign Minister Amir Khan Muttaqi': an office word that
        is also a given name, after a personal honorific or right after another office, is a
        name.
        """
        tokens = self.tokens
        if hit.end - hit.start != 1 or tokens[hit.start].key not in _WORDS.given_name_titles:
            return False
        nxt = hit.end
        after_office = hit.start in title_ends or (
            # "the Afghan interim government's foreign minister, Amir Khan Muttaqi"
            hit.start > 0 and tokens[hit.start - 1].text == "," and hit.start - 1 in title_ends
        )
        if (
            after_office
            and nxt < len(tokens)
            and tokens[nxt].is_capitalized
            and not tokens[nxt].newline_before
        ):
            return True
        k = hit.start - 1
        if k >= 0 and tokens[k].text == ".":
            k -= 1
        return k >= 0 and tokens[k].key in _WORDS.personal_honorifics

    def _name_part(self, hit: Hit[TitleEntry]) -> bool:
        """'Hossein Amir-Abdollahian': an office word joined by a hyphen to a name is a name."""
        tokens = self.tokens
        if hit.end - hit.start != 1:
            return False
        k = hit.end + 1
        after = (
            self.hyphen_joined(k)
            and tokens[k].is_capitalized
            and tokens[k].key not in _WORDS.not_name_words
        )
        k = hit.start - 2
        before = (
            self.hyphen_joined(hit.start)
            and tokens[k].is_capitalized
            and tokens[k].key not in _WORDS.not_name_words
            and tokens[k].key not in _WORDS.office_prefixes
        )
        return after or before

    def hyphen_joined(self, k: int) -> bool:
        """
        Token ``k`` follows a hyphen (or an en dash) that joins it to the word before, with no
        space on either side ("Amir-Abdollahian", "Belgrade-Pristina").
        """
        tokens = self.tokens
        return (
            2 <= k < len(tokens)
            and tokens[k - 1].key == "-"
            and not tokens[k - 1].gap
            and not tokens[k].gap
        )

    def _resolve_overlaps(self) -> None:
        # A title that contains an organisation or country ("European Commission President",
        # "UN Secretary-General") keeps it as its affiliation, so drop the inner name hit only
        # when the title is longer; a country name beats a shorter place inside it and vice
        # versa ("Mexico City" is a place, "Papua New Guinea" a country). Each kind's hits do
        # not overlap each other, so a token has at most one covering hit per kind and every
        # check is a dictionary look-up: linear in the text, whatever it holds.
        countries, orgs = _owners(self.countries), _owners(self.orgs)
        places, titles = _owners(self.places), _owners(self.titles)
        self.places = [p for p in self.places if not _covered(p, countries, orgs)]
        # "Kazakh" is a demonym, not the town of that name.
        demonyms = {(h.start, h.end) for h in self.countries if h.entry.kind == "demonym"}
        self.places = [p for p in self.places if (p.start, p.end) not in demonyms]
        self.countries = [c for c in self.countries if not _covered(c, places, orgs)]
        self.orgs = [o for o in self.orgs if not _covered(o, titles)]
        # "Security" in "Organization for Security and Co-operation in Europe" is not a topic,
        # nor "bilateral" in "held a bilateral meeting" (the meeting's format).
        names = (_owners(self.orgs), titles, _owners(self.events), _owners(self.phrases))
        self.topics = [t for t in self.topics if not _covered(t, *names, strictly=False)]

    def country_counts(self) -> dict[str, int]:
        """How often each country is named (by name, demonym or capital), computed once."""
        if self._country_counts is None:
            counts: dict[str, int] = {}
            for hit in self.countries:
                counts[hit.entry.alpha2] = counts.get(hit.entry.alpha2, 0) + 1
            self._country_counts = counts
        return self._country_counts

    def dates_in(self, sentence: int) -> list[DateMention]:
        """The date expressions of a sentence (outside the dateline), found once."""
        cache = self._dates_in
        if sentence not in cache:
            s, e = self.sentences[sentence]
            found = find_dates(self.text, self.tokens[s].start, self.tokens[e - 1].end)
            dl = self.dateline
            if dl is not None:
                found = [m for m in found if not dl.start <= m.start < dl.end]
            cache[sentence] = found
        return cache[sentence]

    def usable_dates(self, sentence: int) -> list[tuple[DateMention, Resolved]]:
        """
        The date mentions of a sentence that can date a meeting, resolved (computed once per
        sentence): not unresolvable ones, not those after the article's date, not those after
        "since" ("the first talks since February 2022"), "ahead of", "from", "until" or "by"
        ("ahead of a July 4 election", "will from January 1") or a statement verb ("both
        sides said on Tuesday"), and no month with a year when the sentence names a day ("On
        Saturday ... since the invasion in February 2022").
        """
        cache = self._usable_dates
        if sentence in cache:
            return cache[sentence]
        found: list[tuple[DateMention, Resolved]] = []
        text = self.text
        mentions = self.dates_in(sentence)
        # a day named, resolvable or not ("On Saturday" without a reference date)
        names_a_day = any(
            m.day is not None or m.weekday is not None or m.relative in DAY_WORDS for m in mentions
        )
        reference = self.reference
        for mention in mentions:
            resolved = resolve(mention, reference)
            if resolved is None:
                continue
            if reference is not None and after_reference(resolved.value, reference):
                continue  # "takes over the chairmanship in January 2024" (in November 2023)
            before = text[max(0, mention.start - 16) : mention.start].lower()
            if _SINCE.search(before) or _AHEAD_OF.search(before):
                continue  # "since February 2022"; "ahead of a July 4 election" lies ahead
            last = _LAST_WORD.search(text, max(0, mention.start - 16), mention.start)
            if last is not None and last.group(1).lower() in _WORDS.statement_verbs:
                continue
            found.append((mention, resolved))
        if names_a_day:
            found = [
                (m, r)
                for m, r in found
                if not (r.precision is DatePrecision.MONTH and r.basis is DateBasis.EXPLICIT)
            ]
        cache[sentence] = found
        return found

    def token_starts(self) -> list[int]:
        """The start offset of every token, for look-ups by character offset (computed once)."""
        cached = self.cache.get("token_starts")
        if not isinstance(cached, list):
            cached = [t.start for t in self.tokens]
            self.cache["token_starts"] = cached
        return cached

    def is_possessive(self, i: int) -> bool:
        """
        Whether token ``i`` marks a possessive: "'s", or a lone apostrophe after a word that
        ends in "s" ("Barbados' minister", "the Philippines' envoy"), not a closing quote.
        """
        tokens = self.tokens
        tok = tokens[i]
        if tok.kind == "poss":
            return True
        if tok.text not in APOSTROPHES or tok.gap or i == 0:
            return False
        word = tokens[i - 1]
        if not word.is_word or word.text[-1:] not in ("s", "S"):
            return False
        opened = i >= 2 and tokens[i - 2].text in APOSTROPHES and not word.gap
        followed = i + 1 < len(tokens) and not tokens[i + 1].gap
        return not opened and not followed

    def on(self, rule_id: str) -> bool:
        """
        Whether a built-in rule is active in this article's rulebook.
        """
        return self.book.rulebook.enabled(rule_id)

    def note(self, event: str, **details: object) -> None:
        """
        Record a decision for ``explain`` (a no-op unless the article is being explained).
        """
        if self.trace is not None:
            self.trace.append({"event": event, **details})

    def sentence_of(self, token_index: int) -> int:
        """
        The index of the sentence that holds a token.
        """
        return bisect_right(self._sentence_starts, token_index) - 1

    def surface(self, start: int, end: int) -> str:
        """
        The original text of tokens ``[start, end)``.
        """
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]


def _owners(hits: list[Hit[Any]]) -> dict[int, tuple[int, int]]:
    """Token index -> the (start, end) of the hit covering it (hits must not overlap)."""
    owners: dict[int, tuple[int, int]] = {}
    for hit in hits:
        for i in range(hit.start, hit.end):
            owners[i] = (hit.start, hit.end)
    return owners


def _covered(hit: Hit[Any], *owners: dict[int, tuple[int, int]], strictly: bool = True) -> bool:
    """Whether a hit of another kind covers this one (and is longer, when ``strictly``)."""
    for table in owners:
        span = table.get(hit.start)
        if span is None or span[1] < hit.end:
            continue
        if not strictly or span[1] - span[0] > hit.end - hit.start:
            return True
    return False
