"""
Meeting frames: which sentences report a meeting, who took part, and how frames merge.

A sentence with a meeting phrase that no plan, negation or background cue rules out opens a
candidate frame with the officials of its clause. A candidate whose sides are a subset or a
superset of the current frame's, with no person conflict and no "also met"/"separately" cue,
merges into it; otherwise it starts a new meeting. Sentences with a meeting phrase but fewer
than two sides ("The meeting took place on the sidelines of ...") attach to the current frame.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import compress, count
from operator import attrgetter

from diplomodel.dates import history
from diplomodel.extractors.context import Article
from diplomodel.extractors.officials import Mention, Person
from diplomodel.grammar import grammar_words
from diplomodel.matcher import Hit
from diplomodel.model import DatePrecision, MeetingMode
from diplomodel.rules import MeetingPhrase, Signal
from diplomodel.text import QUOTES, Token, key_of

_KEY = attrgetter("key")

__all__ = ["Frame", "Trigger", "find_frames"]

WORDS = grammar_words()

_RELATIVES = frozenset({"which", "whom", "whose", "where", "that", "who"})
_PLAN_WINDOW_BEFORE = 5
_PLAN_WINDOW_AFTER = 4


@dataclass
class Trigger:
    """
    A meeting phrase that survived the plan, negation and background checks.
    """

    hit: Hit[MeetingPhrase]
    sentence: int
    reference: bool  # "the meeting", "their talks": points at a meeting, carries no mode


@dataclass
class Frame:
    """
    One meeting under construction.
    """

    people: list[int] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    mode: MeetingMode | None = None
    plural_roles: list[Mention] = field(default_factory=list)
    follows: Frame | None = None  # the meeting an "also met" frame continues from
    # the sentences as a set, so that merging stays linear when one meeting is retold
    # thousands of times; kept up to date by add_sentence and _merge_into
    _sentence_set: set[int] = field(default_factory=set, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._sentence_set = set(self.sentences)

    def add_sentence(self, sentence: int) -> None:
        """Record one more sentence of this meeting's report."""
        self.sentences.append(sentence)
        self._sentence_set.add(sentence)

    @property
    def first_sentence(self) -> int:
        """The sentence where this meeting is first reported."""
        return self.triggers[0].sentence


def _is_reference(phrase: MeetingPhrase, art: Article, hit: Hit[MeetingPhrase]) -> bool:
    return phrase.signal in (Signal.REFERENCE, Signal.COMPANION)


def _noun_trigger(art: Article, hit: Hit[MeetingPhrase]) -> bool:
    return art.tokens[hit.start].key not in WORDS.past_openers


def triggers_by_sentence(art: Article) -> tuple[dict[int, list[Trigger]], dict[int, list[int]]]:
    """
    Valid meeting triggers per sentence, and the token positions of "separate" cues.
    """
    by_sentence: dict[int, list[Trigger]] = {}
    separate: dict[int, list[int]] = {}
    cues: dict[int, list[Hit[MeetingPhrase]]] = {}
    sequenced: list[Hit[MeetingPhrase]] = []
    for hit in art.phrases:
        s = art.sentence_of(hit.start)
        if _sequence_first(art, hit, s):
            # "first met Kurti and then Vucic": the first of a sequence, not history; what
            # follows it may be a meeting of its own
            sequenced.append(Hit(hit.start, hit.end, MeetingPhrase(hit.entry.term)))
            separate.setdefault(s, []).append(hit.start)
        elif hit.entry.signal in (
            Signal.PLAN,
            Signal.NEGATION,
            Signal.BACKGROUND,
            Signal.NOT_MEETING,
        ):
            cues.setdefault(s, []).append(hit)
    covered = {i for h in art.phrases for i in range(h.start, h.end)}
    for hit in art.separators:
        s = art.sentence_of(hit.start)
        separate.setdefault(s, []).append(hit.start)
        # "also met", "later held talks" report a meeting too; "earlier in the day" does not,
        # nor does a cue inside a longer meeting phrase, which is a trigger already
        words = {t.key for t in art.tokens[hit.start : hit.end]}
        inside = any(i in covered for i in range(hit.start, hit.end))
        if words & WORDS.meeting_words and not inside:
            by_sentence.setdefault(s, []).append(Trigger(hit, s, False))
    # the meeting phrases of each sentence: a cue after a later one is that one's
    # ("discussed by telephone the arrangements for talks due to be held on Saturday")
    reports: dict[int, list[int]] = {}
    for hit in art.phrases:
        if hit.entry.signal in (Signal.MEETING, Signal.JOINT):
            reports.setdefault(art.sentence_of(hit.start), []).append(hit.start)
    sequenced.extend(_held_meetings(art, covered))
    for hit in sorted([*art.phrases, *sequenced], key=lambda h: (h.start, h.end)):
        if hit.entry.signal not in (
            Signal.MEETING,
            Signal.REFERENCE,
            Signal.COMPANION,
            Signal.JOINT,
        ):
            continue
        s = art.sentence_of(hit.start)
        sentence_cues = cues.get(s, [])
        starts = reports.get(s, [])
        at = bisect_left(starts, hit.end)
        if at < len(starts) and sentence_cues:
            sentence_cues = [c for c in sentence_cues if c.start < starts[at]]
        cue = _vetoed(art, hit, sentence_cues) if art.on("meetings.plan_veto") else None
        if cue is None and _not_a_meeting(art, hit):
            art.note("meeting phrase ruled out", phrase=art.surface(hit.start, hit.end))
            continue
        if cue is not None:
            art.note(
                "meeting phrase ruled out",
                phrase=art.surface(hit.start, hit.end),
                cue=art.surface(cue.start, cue.end),
                signal=cue.entry.signal,
                rule="meetings.plan_veto",
            )
            continue
        by_sentence.setdefault(s, []).append(Trigger(hit, s, _is_reference(hit.entry, art, hit)))
    tail = _page_tail(art)
    for s in [s for s in by_sentence if s >= tail]:
        # "Related Articles" and "Read more" sections list other stories
        del by_sentence[s]
    captions = _caption_sentences(art)
    # a caption published on its own is the story
    story = any(s not in captions for s in by_sentence)
    for s, found in by_sentence.items():
        found.sort(key=lambda t: t.hit.start)
        if s in captions and story:
            # "Photo: X (R) meets Y": a caption repeats the story, it reports no new meeting
            by_sentence[s] = [Trigger(t.hit, t.sentence, True) for t in found]
    return by_sentence, separate


def _held_meetings(art: Article, covered: set[int]) -> list[Hit[MeetingPhrase]]:
    """
    "held their first face-to-face summit", "held a two-hour closed-door meeting", "had
    lengthy talks": a holding verb and a meeting noun with a few words between them that the
    phrase table (contiguous phrases) does not list. Not where a listed phrase already covers
    either word (``covered``: the token positions of the article's phrases).
    """
    tokens = art.tokens
    n = len(tokens)
    # the holding verbs are found without a Python step per token: this runs for every article
    verbs = list(compress(count(), map(WORDS.holding_verbs.__contains__, map(_KEY, tokens))))
    if not verbs:
        return []
    found: list[Hit[MeetingPhrase]] = []
    for i in verbs:
        if i in covered:
            continue
        for k in range(i + 2, min(n, i + 9)):
            word = tokens[k]
            if word.newline_before or (word.kind == "punct" and word.key != "-"):
                break
            if word.key in WORDS.holding_verbs:
                break
            if word.key in WORDS.held_meeting_nouns:
                if k not in covered:
                    term = art.surface(i, k + 1)
                    found.append(Hit(i, k + 1, MeetingPhrase(term)))
                break
    return found


def _sequence_first(art: Article, hit: Hit[MeetingPhrase], sentence: int) -> bool:
    """
    "first met Kurti and then Vucic", "first met ... separately, before bringing the two
    together": a history cue opening with "first" that a later step follows (in its sentence
    or the next two) tells the first step of the day's talks, unless its sentence names a
    month or a year.
    """
    tokens = art.tokens
    if hit.entry.signal != Signal.BACKGROUND or tokens[hit.start].key != "first":
        return False
    if any(r.precision is not DatePrecision.DAY for _, r in art.usable_dates(sentence)):
        return False  # "they first met in 2011", "first met in March"
    # the later step in its sentence, or in the next two ("Erdogan first met Zelenskiy alone.
    # ... Guterres then held a separate meeting with Zelenskiy")
    last = min(len(art.sentences), sentence + 3) - 1
    end = art.sentences[last][1]
    return any(tokens[k].key in WORDS.sequence_words for k in range(hit.end, end))


def _dated_history(art: Article, sentence: int) -> bool:
    """Whether every date a sentence states lies well before the article's (history)."""
    reference = art.reference
    dates = art.usable_dates(sentence)
    return (
        reference is not None
        and bool(dates)
        and art.on("meetings.background_date")
        and all(history(r.value, r.precision, reference) for _, r in dates)
    )


def _not_a_meeting(art: Article, hit: Hit[MeetingPhrase]) -> bool:
    """
    "called on Putin to show willingness to negotiate": "called on" urges, it reports no call;
    "no telephone conversation ... had been arranged": a meeting noun after "no".
    """
    tokens = art.tokens
    if hit.start > 0 and tokens[hit.start - 1].key == "no":
        return True
    if tokens[hit.end - 1].key in ("welcomed", "welcomes", "welcome") and hit.end - hit.start == 1:
        return not _welcomes_a_person(art, hit.end)
    if tokens[hit.end - 1].key != "on" or tokens[hit.start].key not in ("called", "calls", "call"):
        return False
    end = art.sentences[art.sentence_of(hit.start)][1]
    for k in range(hit.end, min(end - 1, hit.end + 10)):
        tok = tokens[k]
        if tok.kind == "punct" and tok.text in ",.;:":
            return False
        if tok.key == "to" and tokens[k + 1].text.islower():
            return tokens[k + 1].key not in WORDS.call_purposes
    return False


def _welcomes_a_person(art: Article, k: int) -> bool:
    """
    "welcomed Foreign Minister X", "welcomed him", "was welcomed by": a guest; not "Ukraine
    welcomes China playing a role", "welcomed the progress", "welcomed the decision".
    """
    tokens = art.tokens
    n = len(tokens)
    if k >= 2 and tokens[k - 2].key in ("was", "were", "been", "being", "is", "are"):
        return True  # "was welcomed to Asmara by", "was welcomed at the State Palace by"
    if k < n and tokens[k].key in ("him", "her", "them", "his", "their"):
        return True
    if k < n and tokens[k].key in WORDS.determiners:
        k += 1
    if k >= n:
        return False
    tok = tokens[k]
    if tok.key in ("by", "visiting") or k in art.title_at:
        return True
    country = art.country_at.get(k)
    if country is not None:
        # "welcomed China's Foreign Minister", "welcomed the Indian Prime Minister", "welcomed
        # her Cambodian counterpart"
        end = country.end
        return end < n and (
            art.is_possessive(end)
            or end in art.title_at
            or tokens[end].key in WORDS.counterpart_words
        )
    return tok.is_capitalized


def _page_tail(art: Article) -> int:
    """The first sentence after a "Related articles" / "Read more" header line (or past the end)."""
    for s, (first, last) in enumerate(art.sentences):
        tok = art.tokens[first]
        if s == 0 or not tok.newline_before:
            continue
        line = art.text[tok.start : art.tokens[last - 1].end].strip().rstrip(":").lower()
        if line in WORDS.page_tail_headers and s + 1 < len(art.sentences):
            nxt = art.tokens[art.sentences[s + 1][0]]
            if nxt.newline_before:
                return s + 1
    return len(art.sentences)


def _caption_sentences(art: Article) -> set[int]:
    cached = art.cache.get("captions")
    if isinstance(cached, set):
        return cached
    captions: set[int] = set()
    in_caption = False
    for s, (first, _) in enumerate(art.sentences):
        tok = art.tokens[first]
        if s == 0 or tok.newline_before:
            in_caption = tok.key in WORDS.caption_words
        if in_caption:
            captions.add(s)
    art.cache["captions"] = captions
    return captions


def _vetoed(
    art: Article, hit: Hit[MeetingPhrase], cues: list[Hit[MeetingPhrase]]
) -> Hit[MeetingPhrase] | None:
    """
    The plan, negation or background cue that rules this meeting phrase out, if any: one
    just before it in the same clause ("will meet", "last met"), one just after it ("talks
    ... postponed"), or, for a noun phrase ("talks with"), a plan anywhere in the sentence.
    ``cues`` are the sentence's cues in text order. Look-ups are by position, so a sentence
    with thousands of phrases and cues still takes linear time.
    """
    if not cues:
        return None
    tokens = art.tokens
    # "Tajani said he had spoken by phone with X": the tense of reported speech, no history
    cues = [c for c in cues if not _backshifted(art, c)]
    # "Modi and Sunak, who is campaigning ahead of a July 4 election, reviewed ...": a cue in
    # a relative clause speaks of its own verb, not of a phrase outside it
    clauses = _relative_clauses(art, art.sentence_of(hit.start))
    if clauses:
        outside = [(a, b) for a, b in clauses if not a <= hit.start < b]
        cues = [c for c in cues if not any(a <= c.start < b for a, b in outside)]
        if not cues:
            return None
    if hit.entry.signal == Signal.JOINT:
        # "A and B agreed ..." is weak evidence: any plan, negation or history in the
        # sentence ("since their meeting in Bali, when A and B agreed") rules it out, but for
        # one in a clause after it ("signed a protocol under which Albania will host ...")
        clause = _clause_after(art, hit.end)
        return next(
            (c for c in cues if c.entry.signal != Signal.NOT_MEETING and c.start < clause), None
        )
    noun = _noun_trigger(art, hit)
    marks = _clause_marks(art)
    pluperfect = [
        c for c in cues if c.entry.signal == Signal.BACKGROUND and tokens[c.start].key == "had"
    ]
    if pluperfect and _earlier_same_day(art, art.sentence_of(hit.start)):
        # "Earlier in the day, the Chancellor had spoken by telephone with X": today's news
        cues = [c for c in cues if c not in pluperfect]
        if not cues:
            return None
    ends = [c.end for c in cues]
    starts = [c.start for c in cues]
    # before the phrase: the cues ending within the window, nearest first
    i = bisect_right(ends, hit.start) - 1
    while i >= 0 and hit.start - cues[i].end <= _PLAN_WINDOW_BEFORE:
        cue = cues[i]
        # a cue in another clause before a verb trigger does not reach it
        other_clause = marks[hit.start] - marks[cue.end] > 0
        if not other_clause or cue.entry.signal == Signal.NOT_MEETING or noun:
            return cue
        i -= 1
    # "Mirzoyan and Bayramov last held negotiations in Almaty, in a round of talks hosted by
    # Kazakhstan": after a history verb, the whole sentence is history
    for cue in cues:
        if cue.end <= hit.start and _history_verb(art.surface(cue.start, cue.end).lower()):
            return cue
    # "during his visit to Israel last month with X, when the two held talks with Y": a
    # when-clause after a history cue tells that history
    history = [c for c in cues if c.entry.signal == Signal.BACKGROUND and c.end <= hit.start]
    if history and _when_clause(art, hit.start):
        return history[-1]
    # "A courtesy call ... that had been pencilled in for Saturday was cancelled": a noun
    # phrase is ruled out by a plan or a negation anywhere in its sentence
    plans = [c for c in cues if c.entry.signal in (Signal.PLAN, Signal.NEGATION)]
    if noun and plans and plans[0].end <= hit.start and not _announced(art, plans[0], hit):
        return plans[0]
    # after the phrase, before any reported speech ("told X in a call that ... would ...")
    speech = _reported_speech_start(art, hit.end)
    cues = [c for c in cues if c.start < speech]
    starts = [c.start for c in cues]
    plans = [c for c in cues if c.entry.signal in (Signal.PLAN, Signal.NEGATION)]
    j = bisect_left(starts, hit.end)
    while j < len(cues) and cues[j].start - hit.end <= _PLAN_WINDOW_AFTER:
        if cues[j].entry.signal in (Signal.PLAN, Signal.NEGATION):
            return cues[j]
        j += 1
    if noun and plans and plans[-1].start >= hit.end:
        # in the phrase's own clause: not "held a video call on Thursday, exchanging views on
        # preparations for the conference next month"
        participle = _participle_clause(art, hit.end)
        in_clause = [c for c in plans if hit.end <= c.start < participle]
        if in_clause:
            return in_clause[-1]
    return None


def _announced(art: Article, cue: Hit[MeetingPhrase], hit: Hit[MeetingPhrase]) -> bool:
    """
    "Kenyans will from January 1 be able to ..., Ramaphosa announced on Wednesday after talks
    with Ruto": a statement verb between a plan and a noun phrase ends the content announced,
    and the plan stays inside it.
    """
    tokens = art.tokens
    return any(tokens[k].key in WORDS.statement_verbs for k in range(cue.end, hit.start))


def _relative_clauses(art: Article, sentence: int) -> list[tuple[int, int]]:
    """
    The token ranges of a sentence's relative clauses set off by commas (", who is due to
    ... ,"): from the comma before "who", "which", "whose" or "whom" to the next comma.
    """
    key = f"relative:{sentence}"
    cached = art.cache.get(key)
    if isinstance(cached, list):
        return cached
    tokens = art.tokens
    s, e = art.sentences[sentence]
    found: list[tuple[int, int]] = []
    for k in range(s, e - 1):
        if tokens[k].text == "," and tokens[k + 1].key in _RELATIVE_PRONOUNS:
            close = next((j for j in range(k + 2, e) if tokens[j].text == ","), None)
            if close is not None:
                found.append((k, close))
    art.cache[key] = found
    return found


_RELATIVE_PRONOUNS = frozenset({"who", "which", "whose", "whom"})


def _participle_clause(art: Article, start: int) -> int:
    """Where a participle clause (", exchanging views on ...") begins after ``start``."""
    tokens = art.tokens
    end = art.sentences[art.sentence_of(start)][1] if start < len(tokens) else start
    for k in range(start, min(end - 1, start + 30)):
        if tokens[k].text == "," and tokens[k + 1].key.endswith("ing"):
            return k
    return end


def _told(
    art: Article, s: int, order: list[int], mentions: list[Mention], people: list[Person]
) -> list[int]:
    """
    The two people of sentence ``s`` when it tells what an official of one side told one of
    another ("Biden told Russian President Vladimir Putin on Saturday that ..."), and the
    meeting phrase's own people (``order``) are among them; else none.
    """
    start, end = art.sentences[s]
    tokens = art.tokens
    verb = next((k for k in range(start, end) if tokens[k].key in WORDS.speech_verbs), None)
    if verb is None:
        return []
    cut = _reported_speech_start(art, verb)
    told: list[int] = []
    for m in mentions:
        if m.person >= 0 and m.start < cut and m.person not in told:
            told.append(m.person)
    sides = {people[p].side for p in told}
    if len(told) != 2 or None in sides or len(sides) != 2 or not set(order) <= set(told):
        return []
    # the teller before the verb, the one told right after it
    teller = next(m for m in mentions if m.person == told[0])
    if teller.start > verb or not any(m.person == told[1] and m.start > verb for m in mentions):
        return []
    return told


def _other_days(art: Article, a: Frame, b: Frame) -> bool:
    """Whether two frames state different days."""
    da, db = _own_date(art, a), _own_date(art, b)
    return da is not None and db is not None and da != db


def _opens_with_reference(art: Article, sentence: int, triggers: list[Trigger]) -> bool:
    """Whether the sentence's subject is a reference to the meeting ("The meeting at ...")."""
    first = min(triggers, key=lambda t: t.hit.start)
    return first.reference and first.hit.start == art.sentences[sentence][0]


def _backshifted(art: Article, cue: Hit[MeetingPhrase]) -> bool:
    """'said he had spoken', 'told reporters she had met': a pluperfect in reported speech."""
    tokens = art.tokens
    if cue.entry.signal != Signal.BACKGROUND or tokens[cue.start].key != "had":
        return False
    k = cue.start - 1
    if k >= 0 and tokens[k].key in ("he", "she", "they", "we", "i"):
        k -= 1
    if k >= 0 and tokens[k].key == "that":
        k -= 1
    return k >= 0 and tokens[k].key in WORDS.speech_verbs


def _clause_after(art: Article, start: int) -> int:
    """The first relative or subordinate clause word at or after ``start`` in its sentence."""
    if start >= len(art.tokens):
        return start
    s = art.sentence_of(start)
    marks = _sentence_positions(art, s)[0]
    at = bisect_left(marks, start)
    return marks[at] if at < len(marks) else art.sentences[s][1]


def _reported_speech_start(art: Article, start: int) -> int:
    """
    The token where reported speech begins after ``start`` in its sentence: the first "that"
    after a speech verb of the sentence ("Biden told Netanyahu in a call on Thursday that
    ..."); the sentence's end when there is none.
    """
    s = art.sentence_of(min(start, len(art.tokens) - 1))
    thats = _sentence_positions(art, s)[1]
    at = bisect_left(thats, start)
    return thats[at] if at < len(thats) else art.sentences[s][1]


def _sentence_positions(art: Article, sentence: int) -> tuple[list[int], list[int]]:
    """
    The positions, computed once per sentence, of its relative-clause words and of each "that"
    after a speech verb, so that asking for the next one after a phrase stays cheap in a
    sentence of thousands of phrases.
    """
    key = f"positions:{sentence}"
    cached = art.cache.get(key)
    if isinstance(cached, tuple):
        return cached
    tokens = art.tokens
    s, e = art.sentences[sentence]
    relatives: list[int] = []
    thats: list[int] = []
    spoken = False
    for k in range(s, e):
        word = tokens[k].key
        if word in _RELATIVES:
            relatives.append(k)
        if word in WORDS.speech_verbs:
            spoken = True
        elif word == "that" and spoken:
            thats.append(k)
    found = (relatives, thats)
    art.cache[key] = found
    return found


def _earlier_same_day(art: Article, sentence: int) -> bool:
    """Whether a sentence says 'earlier in the day', 'earlier today' or 'earlier that day'."""
    s, e = art.sentences[sentence]
    keys = [t.key for t in art.tokens[s:e]]
    text = " " + " ".join(keys) + " "
    return any(f" {p} " in text for p in _SAME_DAY)


_SAME_DAY = ("earlier in the day", "earlier today", "earlier that day", "earlier the same day")


def _when_clause(art: Article, start: int) -> bool:
    """Whether the phrase at ``start`` opens a relative clause: ", when the two held talks"."""
    tokens = art.tokens
    for k in range(start - 1, max(start - 5, 0), -1):
        if tokens[k].key == "when":
            return tokens[k - 1].text == ","
        if tokens[k].kind == "punct":
            return False
    return False


def _clause_marks(art: Article) -> list[int]:
    """How many clause marks (, ; :) stand before each token: prefix counts, computed once."""
    cached = art.cache.get("clause_marks")
    if isinstance(cached, list):
        return cached
    marks = [0]
    for tok in art.tokens:
        marks.append(marks[-1] + (tok.kind == "punct" and tok.text in ",;:"))
    art.cache["clause_marks"] = marks
    return marks


_AS_DID = frozenset({"did", "do", "does", "had", "has", "have", "was", "were", "well"})


def _clause_people(
    art: Article, mentions: list[Mention], sentence: int, triggers: list[Trigger]
) -> list[Mention]:
    s, e = art.sentences[sentence]
    last_trigger = max(t.hit.end for t in triggers)
    cut = e
    # "The Turkmen delegation was headed by X, while the Kazakh side was represented by Y":
    # the other side's head, in parallel
    parallel = all(t.hit.entry.signal == Signal.COMPANION for t in triggers)
    for i in range(last_trigger, e):
        if parallel and art.tokens[i].key == "while":
            continue
        if art.tokens[i].key in WORDS.clause_cut_words or (
            # "..., as thousands gathered for the funeral of opposition leader X" (not "...,
            # as did Kenya's foreign minister X")
            art.tokens[i].key == "as"
            and art.tokens[i - 1].text == ","
            and i + 1 < e
            and art.tokens[i + 1].key not in _AS_DID
        ):
            cut = i
            break
    # "summoned Ambassador X and lodged a protest over the visit of Speaker Y to Taiwan": Y is
    # what the meeting was about, not one who met
    own = [t.hit.end for t in triggers if not t.reference]
    if own:
        for i in range(max(own), cut):
            if art.tokens[i].key in WORDS.topic_prepositions:
                cut = i
                break
    tokens = art.tokens
    return [
        m
        for m in mentions
        if s <= m.start < cut
        and (m.person >= 0 or m.kind == "plural")
        and not _attributed_speaker(tokens, m, e)
    ]


def _attributed_speaker(tokens: list[Token], m: Mention, end: int) -> bool:
    """'..., the Omani foreign minister, Baghaei added.': the speaker after the report."""
    return (
        m.start > 0
        and tokens[m.start - 1].text == ","
        and m.end < end
        and tokens[m.end].key in WORDS.statement_verbs
        and (m.end + 1 >= end or tokens[m.end + 1].text in ".,;")
    )


def _mode_of(triggers: list[Trigger], *, references: bool = False) -> MeetingMode | None:
    modes = [
        t.hit.entry.mode
        for t in triggers
        if (references or not t.reference) and t.hit.entry.mode is not None
    ]
    for preferred in (MeetingMode.VIDEO, MeetingMode.PHONE):
        if preferred in modes:
            return preferred
    return modes[0] if modes else None


def find_frames(art: Article, mentions: list[Mention], people: list[Person]) -> list[Frame]:
    """
    The meeting frames of an article, in order of first report.
    """
    by_sentence, separate = triggers_by_sentence(art)
    frames: list[Frame] = []
    index = _FrameIndex(frames)
    split: tuple[int, list[Frame]] | None = None  # the frames one sentence split into, by sentence
    current: Frame | None = None
    pending: tuple[int, list[int], MeetingMode | None] | None = None
    by_sentence_mentions: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence_mentions.setdefault(art.sentence_of(m.start), []).append(m)
    art.cache["mentions_in"] = by_sentence_mentions  # for the scene of a meeting's place

    def side(p: int) -> str | None:
        return people[p].side

    # the first history, plan or negation cue of each sentence
    cue_before: dict[int, int] = {}
    for h in art.phrases:
        if h.entry.signal in (Signal.BACKGROUND, Signal.PLAN, Signal.NEGATION):
            cue_before.setdefault(art.sentence_of(h.start), h.start)
    protagonist = _protagonist(people)
    preamble: list[Trigger] = []
    preamble_people: set[int] = set()
    for s in sorted(by_sentence):
        triggers = _joint_checked(art, by_sentence[s], by_sentence_mentions.get(s, []), people)
        if not triggers:
            continue
        clause = _clause_people(art, by_sentence_mentions.get(s, []), s, triggers)
        plural = [m for m in clause if m.kind == "plural" and m.person < 0]
        order: list[int] = []
        for m in clause:
            if m.person >= 0 and m.person not in order:
                order.append(m.person)
        opening = min(t.hit.start for t in triggers)
        named = [m for m in clause if m.person >= 0]
        first_named = min((m.start for m in named), default=opening)
        opening_words = {
            w for t in triggers if t.hit.start == opening for w in key_of(t.hit.entry.term).split()
        }
        separate_phrase = "separate" in opening_words and any(
            t.key == "with" for t in art.tokens[opening:first_named]
        )
        if named and all(
            (m.kind == "plural" or separate_phrase) and m.start > opening for m in named
        ):
            # "Amir Receives Phone Calls from US, French Presidents", "mediators held separate
            # meetings with A and B": the objects of one list do not meet each other
            order = []
        mode = _mode_of(triggers)
        sep = separate.get(s) if art.on("meetings.separate") else None
        if not sep and art.on("meetings.separate") and "separate" in opening_words:
            # "Putin held separate meetings today with Erdogan and Pezeshkian"
            sep = [opening]
        if sep and order:
            # the last cue opens the new meeting ("Besides his meeting with X, he also met Y")
            made = _separate_frames(art, clause, order, sep[-1], people, current, triggers, s, mode)
            if made:
                group: list[Frame] = []
                for frame in made:
                    # a "separate" meeting of people already met is the same meeting told again
                    same = next(
                        (
                            f
                            for f in index.holding(frame.people, latest_first=False)
                            if set(f.people) == set(frame.people)
                        ),
                        None,
                    )
                    if same is not None:
                        _merge_into(same, frame)
                        index.update(same)
                    else:
                        # "X held meetings at the summit ... X also met Y": the summit's too
                        if not preamble_people or preamble_people & set(frame.people):
                            frame.triggers.extend(preamble)
                        index.add(frame)
                    current = same or frame
                    group.append(current)
                _retire_summary(frames, group, s)
                split = (s, group)
                continue
        speaker = _first_person_speaker(art, s, triggers, people, protagonist)
        if speaker is not None and speaker not in order:
            # "KINGSFORD: I met this morning with Foreign Minister Sugiharto"
            order.insert(0, speaker)
        joined = False
        # "He was accompanied by Deputy Prime Minister X": X is on his side, not met by him
        companions_only = all(t.hit.entry.signal == Signal.COMPANION for t in triggers)
        first_trigger = min(t.hit.start for t in triggers)
        objects_only = all(m.start > first_trigger for m in clause if m.person >= 0)
        if (
            (len(order) == 1 or (len(order) >= 2 and objects_only))
            and not companions_only
            and art.on("meetings.protagonist")
            and (_pronoun_subject(art, s, triggers) or _opens_with_phrase(art, s, triggers, clause))
        ):
            # "He", "His Highness": the one named holder of an office called so ("the
            # Secretary"), else the article's protagonist, else the subject of the last meeting
            # (or of the scene-setting sentence before the first)
            antecedent = _office_holder(art, s, triggers, people)
            if antecedent is None:
                antecedent = protagonist
            if antecedent is None and current is not None and current.people:
                antecedent = current.people[0]
            elif antecedent is None and current is None and len(preamble_people) == 1:
                antecedent = next(iter(preamble_people))
            if antecedent is None and current is None:
                # "Blinken travelled to Beijing. He met with Wang Yi.": the person the
                # sentences before were about
                antecedent = _previous_subject(art, s, by_sentence_mentions, people)
            if (
                antecedent is not None
                and antecedent not in order
                and side(antecedent) not in {side(p) for p in order}
            ):
                # "In his meeting with Indonesian President Prabowo, ..." in an article about
                # Modi; "At the meeting with President X, the leaders discussed ..." in a readout
                order.insert(0, antecedent)
                joined = True
        if not order and current is None and _pair_subject(art, s, triggers):
            # "Starmer hugged Zelenskyy on the doorstep. The two leaders then held talks": the
            # people of two sides named in the sentences just before
            order = _previous_pair(art, s, by_sentence_mentions, people)
        sides = {side(p) for p in order}
        known = {x for x in sides if x}
        enough = len(known) >= 2 or (len(known) == 1 and None in sides)
        # "At the meeting with X" points at a meeting; one not reported before is a new one
        new_reference = joined and (current is None or order[-1] not in current.people)
        if all(t.reference for t in triggers) and not new_reference:
            enough = False  # "the meeting took place in ..." adds to a meeting, never starts one
            companion = any(t.hit.entry.signal == Signal.COMPANION for t in triggers)
            if companion and current is None and len(known) >= 2:
                # "The Azerbaijani delegation was led by X, the Kazakh one by Y" after
                # "Political consultations were held in Baku": the meeting's people
                # "... were held in the format of a videoconference": the preamble's mode
                own_mode = _mode_of(list(triggers) + preamble, references=True) or mode
                current = Frame(list(order), list(triggers) + preamble, [s], own_mode, plural)
                index.add(current)
                continue
            if current is not None and companion:
                # "Prasert was accompanied by Thai Foreign Minister NAME": one more participant
                for p in order:
                    if p not in current.people:
                        current.people.append(p)
                index.update(current)
        if not enough and current is None:
            # "Biden told Putin on Saturday that ..., but the call brought no change";
            # "Erdogan told Putin on Sunday that ... In the one-hour phone call, Erdogan
            # asked ...": the call is the exchange told in that sentence or the one before
            talkers, told_in = _told(art, s, order, by_sentence_mentions.get(s, []), people), s
            if not talkers and s > 0 and s - 1 not in by_sentence:
                before = by_sentence_mentions.get(s - 1, [])
                talkers, told_in = _told(art, s - 1, order, before, people), s - 1
            if talkers:
                sentences = sorted({told_in, s})
                current = Frame(talkers, list(triggers) + preamble, sentences, mode, plural)
                index.add(current)
                continue
        if not enough:
            if (
                current is not None
                and len(order) >= 2
                and all(side(p) for p in order)
                and not set(order) & set(current.people)
            ):
                # "Turkish President A met Turkish Defence Minister B in Ankara": other people
                # of one side met; neither part of the meeting before nor one to report
                continue
            scene = current is None or (len(order) == 1 and s in art.cues_in)
            if scene and not all(t.reference for t in triggers):
                # "X held a series of meetings on the sidelines of ...": context for what follows
                # (also after a headline that reported one of those meetings)
                preamble.extend(Trigger(t.hit, t.sentence, True) for t in triggers)
                preamble_people.update(order)
            first_phrase = min(t.hit.start for t in triggers)
            if current is not None and cue_before.get(s, first_phrase) < first_phrase:
                # "He last visited the Gulf in July, when he held talks in Riyadh": history
                continue
            if current is not None and _dated_history(art, s):
                # "The last trilateral meeting was held in Beijing in August 2019"
                continue
            if (
                current is not None
                and order
                and not set(order) & set(current.people)
                and not any(t.reference for t in triggers)
            ):
                # "China's foreign ministry summoned the U.S. ambassador in Beijing": another
                # meeting, of people the one before did not have; it adds nothing to it
                continue
            if current is not None:
                told = [current]
                if order and not set(order) <= set(current.people):
                    # "Opening the talks with Erdogan, Putin ..." after the meeting with
                    # Pezeshkian: the talks of the meeting these people had
                    holders = index.holding(order, latest_first=True)
                    told = holders[:1] or told
                if split is not None and split[0] == s - 1 and _plural_subject(art, s):
                    told = split[1]  # "... one with A and one with B. Both took place in X."
                for frame in told:
                    frame.triggers.extend(triggers)
                    frame.add_sentence(s)
                    if frame.mode is None:
                        frame.mode = mode
                    frame.plural_roles.extend(plural)
            elif order:
                pending = (s, order, mode)
            continue
        # "X held a series of meetings at the summit": context only for X's own meetings
        # a scene-setting sentence without people ("Leaders held bilaterals on the sidelines
        # of the summit on Wednesday") is context for every meeting that follows
        context = preamble if not preamble_people or preamble_people & set(order) else []
        candidate = Frame(list(order), list(triggers) + context, [s], mode, plural)
        first_trigger = min(t.hit.start for t in triggers)
        has_subject = any(m.start < first_trigger and m.person >= 0 for m in clause)
        if (
            pending is not None
            and s - pending[0] <= 3
            and (pending[2] is None or mode is None or pending[2] == mode)
            and not has_subject
            and not sep
        ):
            # "Biden held a call with allies. On the line were X, Y and Z.": Biden joins
            for p in pending[1]:
                if side(p) not in known and p not in candidate.people:
                    candidate.people.insert(0, p)
            pending = None
        # "Meeting with Holder-Greaves, Liang said ...": the earlier meeting of these people
        earlier = next(
            (
                f
                for f in index.holding(candidate.people, latest_first=True)
                if f is not current and _mergeable(art, f, candidate, people)
            ),
            None,
        )
        if earlier is not None:
            _narrow_headline(art, earlier, candidate, by_sentence_mentions)
            _merge_into(earlier, candidate)
            index.update(earlier)
            continue
        if current is not None and (
            _mergeable(art, current, candidate, people)
            or (
                _opens_with_reference(art, s, triggers)
                and s not in cue_before
                and not _other_days(art, current, candidate)
            )
        ):
            # "The meeting at Argyle airport was hosted by A and B": more people of that meeting
            _narrow_headline(art, current, candidate, by_sentence_mentions)
            _merge_into(current, candidate)
            index.update(current)
            continue
        index.add(candidate)
        current = candidate
    return frames


def _retire_summary(frames: list[Frame], group: list[Frame], sentence: int) -> None:
    """
    "Putin holds talks with Erdogan, Pezeshkian" (headline), then "Putin held separate meetings
    with Erdogan and Pezeshkian": a one-sentence report of all the people of meetings told
    separately later summed them up; it is no meeting of its own. It keeps no people, so it
    yields no meeting.
    """
    if len(group) < 2:
        return
    union = {p for f in group for p in f.people}
    for f in frames:
        if (
            f not in group
            and set(f.people) == union
            and len(set(f.sentences)) <= 1
            and all(x < sentence for x in f.sentences)
        ):
            f.people.clear()


class _FrameIndex:
    """
    Person -> the frames that hold them, so that finding an earlier frame of the same people
    costs the length of one person's list, not of every frame (an article can report hundreds
    of meetings). Frames are added with :meth:`add`; call :meth:`update` whenever one gains
    people.
    """

    def __init__(self, frames: list[Frame]) -> None:
        self._frames = frames
        self._by_person: dict[int, list[Frame]] = {}
        self._indexed: dict[int, set[int]] = {}  # id(frame) -> people already indexed
        self._position: dict[int, int] = {}  # id(frame) -> its place in the frame list

    def add(self, frame: Frame) -> None:
        """Append a new frame to the frame list and index it."""
        self._frames.append(frame)
        self.update(frame)

    def update(self, frame: Frame) -> None:
        key = id(frame)
        if key not in self._position:
            self._position[key] = len(self._position)
        done = self._indexed.setdefault(key, set())
        for p in frame.people:
            if p not in done:
                done.add(p)
                self._by_person.setdefault(p, []).append(frame)

    def holding(self, people: list[int], *, latest_first: bool) -> list[Frame]:
        """The frames that hold every one of ``people``, in list order or latest first."""
        if not people:
            found = list(self._frames)
        else:
            lists = [self._by_person.get(p, []) for p in people]
            shortest = min(lists, key=len)
            wanted = set(people)
            found = [f for f in shortest if wanted.issubset(f.people)]
            found.sort(key=lambda f: self._position[id(f)])
        if latest_first:
            found.reverse()
        return found


def _repeated_preposition(
    art: Article, clause: list[Mention], cue: int, objects: list[int]
) -> bool:
    """Whether the objects of 'also met/called on' are each introduced anew ('and on', 'later')."""
    tokens = art.tokens
    first_of: dict[int, int] = {}
    for m in clause:
        if m.person in objects and m.start >= cue:
            first_of.setdefault(m.person, m.start)
    starts = sorted(first_of.values())
    for a, b in itertools.pairwise(starts):
        between = [t.key for t in tokens[a:b]]
        if "and" in between:
            after_and = between[between.index("and") + 1 :]
            if after_and[:1] in (["on"], ["with"], ["later"], ["then"]) or "later" in after_and[:3]:
                return True
    return False


def _joint_checked(
    art: Article, triggers: list[Trigger], mentions: list[Mention], people: list[Person]
) -> list[Trigger]:
    """
    Keep a 'joint' phrase ("discussed") only when officials of two sides stand before it in
    its sentence ("A and B discussed"); as a reference it still ties the sentence to a meeting.
    Triggers and mentions are walked together once, so this is linear in the sentence.
    """
    if not any(t.hit.entry.signal == Signal.JOINT for t in triggers):
        return triggers
    before = sorted((m for m in mentions if m.person >= 0), key=lambda m: m.start)
    known: set[str] = set()
    sides: set[str | None] = set()
    count = 0
    i = 0
    kept: list[Trigger] = []
    for t in sorted(triggers, key=lambda t: t.hit.start):
        while i < len(before) and before[i].start < t.hit.start:
            side = people[before[i].person].side
            sides.add(side)
            if side:
                known.add(side)
            count += 1
            i += 1
        if t.hit.entry.signal != Signal.JOINT:
            kept.append(t)
        elif _after_determiner(art, t.hit.start):
            continue  # "at the agreed time", "the discussed issues": an adjective, no verb
        elif len(known) >= 2 or (count >= 2 and len(sides) >= 2):
            kept.append(t)
    return kept


def _after_determiner(art: Article, start: int) -> bool:
    return start > 0 and art.tokens[start - 1].key in ("the", "a", "an", "this", "that")


def _first_person_speaker(
    art: Article, sentence: int, triggers: list[Trigger], people: list[Person], fallback: int | None
) -> int | None:
    """
    The speaker of 'I met ...' / 'we held talks ...': the person named by the line's speaker
    label ("KINGSFORD:", "Minister Kingsford:"), else the article's main official.
    """
    s = art.sentences[sentence][0]
    first = min(t.hit.start for t in triggers)
    if not any(t.text in ("I", "We", "we") for t in art.tokens[s:first]):
        return None
    tokens = art.tokens
    k = s
    while k > 0 and not tokens[k].newline_before:
        k -= 1
    label: list[str] = []
    for tok in tokens[k : min(k + 5, len(tokens))]:
        if tok.text == ":":
            break
        if not tok.is_capitalized:
            label = []
            break
        label.append(tok.key)
    else:
        label = []
    if label:
        named = [p.index for p in people if p.name and set(label) & p.name_tokens]
        if len(named) == 1:
            return named[0]
    if fallback is None and not any(t.text in QUOTES for t in tokens[s:first]):
        # a minister's media release: "Senator the Hon Penny Wong, Minister for Foreign
        # Affairs ... Today I met State Councilor Wang Yi": the first official named before
        return _first_named_before(art, s, people)
    return fallback


def _first_named_before(art: Article, sentence_start: int, people: list[Person]) -> int | None:
    """The named person with a side whose first mention comes first, before a token."""
    first: tuple[int, int] | None = None
    for p in people:
        if not p.name or not p.side:
            continue
        start = min(m.start for m in p.mentions)
        if start < sentence_start and (first is None or start < first[0]):
            first = (start, p.index)
    return first[1] if first else None


def _protagonist(people: list[Person]) -> int | None:
    """The named person mentioned most often (the earliest on a tie), if mentioned 3+ times."""
    best: Person | None = None
    for p in people:
        if p.name is None:
            continue
        if best is None or len(p.mentions) > len(best.mentions):
            best = p
    if best is None or len(best.mentions) < 3:
        return None
    return best.index


def _previous_subject(
    art: Article, sentence: int, by_sentence: dict[int, list[Mention]], people: list[Person]
) -> int | None:
    """
    The first named person with a side in the nearest of the few sentences before
    ``sentence`` that names one: the antecedent of a pronoun when the article has no
    protagonist and reported no meeting yet.
    """
    for s in range(sentence - 1, max(-1, sentence - 1 - _ANTECEDENT_REACH), -1):
        # the sentence's mentions in text order: its first person is its subject
        named = sorted((m for m in by_sentence.get(s, ()) if m.person >= 0), key=lambda m: m.start)
        for m in named:
            if people[m.person].name and people[m.person].side:
                return m.person
        if named:
            return None
    return None


# Background cues that make their sentence the story of an earlier meeting from there on.
_HISTORY_VERBS = frozenset(
    {"last met", "last held", "last held talks", "last spoke", "last talked", "previously met"}
)


def _history_verb(cue: str) -> bool:
    """'last met', and 'came (less than a week) after' / 'comes after': the rest of the
    sentence tells what happened before."""
    return cue in _HISTORY_VERBS or (cue.startswith(("came ", "comes ")) and cue.endswith("after"))


# how many sentences back a pronoun's antecedent is looked for
_ANTECEDENT_REACH = 3


def _pair_subject(art: Article, sentence: int, triggers: list[Trigger]) -> bool:
    """Whether "the two leaders" (``pair_subjects`` of grammar.toml) is the subject of the
    sentence's first meeting phrase, with at most an adverb between ("then", "also")."""
    s = art.sentences[sentence][0]
    first = min(t.hit.start for t in triggers)
    keys = [
        t.key
        for t in art.tokens[max(s, first - 6) : first]
        if t.key not in WORDS.sequence_words and t.key != "also"
    ]
    return any(" ".join(keys[-k:]) in WORDS.pair_subjects for k in range(2, min(4, len(keys)) + 1))


def _previous_pair(
    art: Article, sentence: int, by_sentence: dict[int, list[Mention]], people: list[Person]
) -> list[int]:
    """
    The named people of the nearest of the sentences before ``sentence`` that names people of
    exactly two sides, in text order (none when the nearest naming sentence has more sides).
    """
    for s in range(sentence - 1, max(-1, sentence - 1 - _ANTECEDENT_REACH), -1):
        named = sorted((m for m in by_sentence.get(s, ()) if m.person >= 0), key=lambda m: m.start)
        order: list[int] = []
        for m in named:
            if m.person not in order and people[m.person].name and people[m.person].side:
                order.append(m.person)
        if order:
            return order if len({people[p].side for p in order}) == 2 else []
    return []


def _plural_subject(art: Article, sentence: int) -> bool:
    """Whether a sentence opens with 'Both', 'The two meetings' and the like."""
    s, e = art.sentences[sentence]
    keys = [t.key for t in art.tokens[s : min(e, s + 3)]]
    subjects = WORDS.plural_meeting_subjects
    return any(" ".join(keys[:k]) in subjects for k in range(1, len(keys) + 1))


def _pronoun_subject(art: Article, sentence: int, triggers: list[Trigger]) -> bool:
    """
    'his meeting with', 'he met', 'she held talks': the subject is a pronoun; or 'the
    Secretary met': an office without a name that the lexicon does not know as a title.
    """
    s = art.sentences[sentence][0]
    first = min(t.hit.start for t in triggers)
    window = art.tokens[max(s, first - 4) : first + 2]
    if any(t.key in ("his", "her", "he", "she") for t in window):
        return True
    # "The President also paid a courtesy call on ...": an adverb may stand before the verb
    before = [
        t
        for t in art.tokens[max(s, first - 4) : first]
        if t.key not in WORDS.sequence_words and t.key != "also"
    ][-3:]
    the = next((i for i, t in enumerate(before) if t.key == "the"), None)
    rest = before[the + 1 :] if the is not None else []
    return bool(rest) and all(t.is_capitalized for t in rest)


def _office_holder(
    art: Article, sentence: int, triggers: list[Trigger], people: list[Person]
) -> int | None:
    """
    'In his call with X, the Secretary condemned ...': the one named person whose title holds
    the office word of an unnamed subject ("Secretary of State Antony Blinken"). Office words
    that are titles themselves make mentions of their own and are not looked at.
    """
    s, e = art.sentences[sentence]
    tokens = art.tokens
    words = [
        tokens[i + 1].key
        for i in range(s, e - 1)
        if tokens[i].key == "the"
        and tokens[i + 1].is_capitalized
        and i + 1 not in art.title_at
        and (i + 2 >= e or not tokens[i + 2].is_capitalized)
    ]
    for word in words:
        holders = [
            p.index for p in people if p.name and p.title and word in key_of(p.title).split()
        ]
        if len(holders) == 1:
            return holders[0]
    return None


def _opens_with_phrase(
    art: Article, sentence: int, triggers: list[Trigger], clause: list[Mention]
) -> bool:
    """
    'At the meeting with X, ...', 'During the talks with X, ...': the sentence opens with a
    meeting phrase and "with" (not 'The meeting was attended by X'), and names no subject.
    """
    opening = min(triggers, key=lambda t: t.hit.start).hit
    if opening.start - art.sentences[sentence][0] > 2:  # "At a meeting with", "In talks with"
        return False
    tokens = art.tokens
    with_inside = tokens[opening.end - 1].key == "with"
    if not with_inside and (opening.end >= len(tokens) or tokens[opening.end].key != "with"):
        return False
    return not any(m.start < opening.start and m.person >= 0 for m in clause)


def _own_date(art: Article, frame: Frame) -> object:
    """The first date the frame's own meeting phrases' sentences state (unresolved form)."""
    for t in frame.triggers:
        if t.reference:
            continue
        for _, resolved in art.usable_dates(t.sentence):
            return resolved.value
    return None


def _mergeable(art: Article, a: Frame, b: Frame, people: list[Person]) -> bool:
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if _other_days(art, a, b):
        return False  # "On Tuesday ... met X." / "On Wednesday ... met Y."
    sa = {people[p].side for p in a.people if people[p].side}
    sb = {people[p].side for p in b.people if people[p].side}
    if not (sa <= sb or sb <= sa):
        return False
    for p in b.people:
        if p not in a.people and people[p].side is None and people[p].name:
            # "Earlier, Prime Minister NAME received X": a new person of unknown side
            return False
        for q in a.people:
            if p == q:
                continue
            pp, qq = people[p], people[q]
            if pp.side and pp.side == qq.side and pp.name and qq.name:
                return False
    return True


def _narrow_headline(
    art: Article, headline: Frame, body: Frame, mentions: dict[int, list[Mention]]
) -> None:
    """
    "Abiy holds talks with Putin and Pezeshkian" (a headline), then "Abiy held talks with
    Putin": the headline summed up several meetings, and this one is with Putin alone.
    """
    first = headline.first_sentence
    if not _is_headline(art, first):
        return
    named = {m.person for m in mentions.get(first, ())}
    if not set(headline.people) <= named:
        return  # the frame holds people of the body already
    if len(body.people) >= 2 and set(body.people) < set(headline.people):
        headline.people[:] = [p for p in headline.people if p in body.people]


def _is_headline(art: Article, sentence: int) -> bool:
    """A line of its own without a full stop, before the body's first sentence."""
    start, end = art.sentences[sentence]
    tokens = art.tokens
    if end >= len(tokens) or not tokens[end].newline_before or tokens[end - 1].text in ".!?":
        return False
    return start == 0 or tokens[start].newline_before


def _merge_into(a: Frame, b: Frame) -> None:
    for p in b.people:
        if p not in a.people:
            a.people.append(p)
    a.triggers.extend(b.triggers)
    for s in b.sentences:
        if s not in a._sentence_set:
            a.add_sentence(s)
    a.plural_roles.extend(b.plural_roles)
    if a.mode is None:
        a.mode = b.mode


def _separate_frames(
    art: Article,
    clause: list[Mention],
    order: list[int],
    cue: int,
    people: list[Person],
    current: Frame | None,
    triggers: list[Trigger],
    s: int,
    mode: MeetingMode | None,
) -> list[Frame]:
    """'X also met Y', 'held two separate meetings, one with A and one with B'."""
    tokens = art.tokens
    lo, hi = cue, len(tokens)
    if tokens[cue].key == "separately" and not any(m.start >= cue for m in clause):
        # "met A and B separately": the counterparts stand between the phrase and the cue
        lo = min((t.hit.start for t in triggers if t.hit.start < cue), default=cue)
        hi = cue
    before = [m.person for m in clause if m.end <= lo and m.person >= 0]
    after: list[int] = []
    for m in clause:
        if lo <= m.start < hi and m.person >= 0 and m.person not in after:
            after.append(m.person)
    met_before: list[int] = []
    for p in before:
        if p not in met_before:
            met_before.append(p)
    own = [t for t in triggers if t.hit.start < cue and not t.reference]
    # the cue's verb shares the sentence's subject: "and was then received", "and then met"
    coordinated = tokens[cue].key in ("and", "was", "were") or (
        cue > 0 and tokens[cue - 1].key == "and"
    )
    if own and coordinated and len({people[p].side for p in met_before} - {None}) >= 2:
        # "X held talks with Y and was then received by Z": X met Y, then X met Z
        first = Frame(met_before, own, [s], _mode_of(own), [], follows=current)
        host = met_before[0]
        objects = [p for p in after if people[p].side != people[host].side]
        if objects:
            rest = [t for t in triggers if t not in own]
            second = Frame([host, *objects], rest, [s], _mode_of(rest), [], follows=first)
            return [first, second]
    subject = before[-1] if before else None
    first_after = min((m.start for m in clause if m.person in after and m.start >= lo), default=hi)
    objects_only = any(t.key == "with" for t in tokens[lo:first_after])
    if subject is None and len(after) >= 2 and not objects_only:
        # "Earlier the same day, Prime Minister X received Y": X is the subject (not in
        # "mediators held separate meetings with X and Y")
        subject = after[0]
    if subject is None and current is not None:
        # the host of the previous meeting: the person it shares with the new one, or its first
        subject = current.people[0] if current.people else None
    if subject is None:
        return []
    objects = [p for p in after if p != subject and people[p].side != people[subject].side]
    if not objects:
        return []
    sides = {people[p].side for p in objects}
    # "called on X and on Y", "met X and, later, Y": one meeting each
    repeated = _repeated_preposition(art, clause, lo, objects)
    # "held a trilateral meeting with A and B": one meeting of three (not "separate meetings
    # with A and B before a joint session", where the joint one comes after)
    s_start = art.sentences[s][0]
    last = max((m.end for m in clause if m.person in objects), default=cue)
    joint = any(t.key in WORDS.joint_meeting_words for t in tokens[s_start : max(cue, last)])
    split_up = (len(sides) >= 2 and not joint) or repeated
    groups = [[p] for p in objects] if split_up else [objects]
    # "Borrell and Lajcak first met A and B separately": the subject's companions meet too
    hosts = [subject]
    for p in met_before:
        if p not in hosts and people[p].side == people[subject].side:
            hosts.insert(len(hosts) - 1, p)
    if len(groups) == 1:
        return [Frame([*hosts, *objects], list(triggers), [s], mode, [], follows=current)]
    # one meeting per counterpart, each with the phrases that introduce it: the nearest phrase
    # before its first mention (and the first phrase of the sentence, which states the mode)
    first_at: dict[int, int] = {}
    for m in clause:
        if m.person in objects:
            first_at.setdefault(m.person, m.start)
    ordered = sorted(triggers, key=lambda t: t.hit.start)
    frames = []
    for group in groups:
        at = first_at.get(group[0], cue)
        near = [t for t in ordered if t.hit.start <= at][-1:] or ordered[:1]
        own = [ordered[0], *(t for t in near if t is not ordered[0])]
        frames.append(Frame([*hosts, *group], own, [s], mode, [], follows=current))
    return frames
