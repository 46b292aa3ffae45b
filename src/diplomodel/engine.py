"""
The parser: runs a compiled rulebook over one article and builds the typed result.

Stages: tokens and lexicon hits (``extractors.context``), officials (``extractors.officials``),
meeting frames (``extractors.meetings``), then each frame's date, place, occasion and topics
(``extractors.attributes``). A parser holds only immutable tables, so one instance can serve
many threads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

import attrs

from diplomodel.compiled import CompiledRulebook, compile_rulebook
from diplomodel.countries import country_from_code
from diplomodel.dates import (
    YEARS,
    Resolved,
    find_dateline,
    find_page_date,
    history,
    month_number,
    speaks_only_of,
)
from diplomodel.errors import InputError, RuleError
from diplomodel.explain import Explanation
from diplomodel.extractors.attributes import (
    AtOccasion,
    FoundDate,
    FoundPlace,
    meeting_date,
    meeting_occasion,
    meeting_place,
    meeting_topics,
    shared_occasion,
)
from diplomodel.extractors.context import Article
from diplomodel.extractors.meetings import Frame, find_frames
from diplomodel.extractors.officials import Mention, Person, find_people
from diplomodel.grammar import grammar_words, name_tokens
from diplomodel.model import (
    ArticleResult,
    DateBasis,
    Dateline,
    DatePrecision,
    Meeting,
    MeetingDate,
    MeetingMode,
    Occasion,
    Official,
    Organization,
    Place,
    Role,
    Span,
    Topic,
    TopicEvidence,
)
from diplomodel.rules import VETO, Rule, Rulebook, RuleContext, default_rulebook
from diplomodel.text import key_of

_WORDS = grammar_words()

__all__ = ["Parser", "default_parser"]


class Parser:
    """
    A parser built from a rulebook (the default one if none is given). Thread-safe.

    >>> parser = Parser()
    >>> parser.parse("No meeting here.").meetings
    ()
    """

    def __init__(self, rulebook: Rulebook | None = None) -> None:
        self.rulebook = rulebook if rulebook is not None else default_rulebook()
        self._compiled: CompiledRulebook = compile_rulebook(self.rulebook)

    def parse(self, text: str, *, published: dt.date | str | None = None) -> ArticleResult:
        """
        Parse one article; ``published`` (a date or ISO string) anchors relative dates when the
        article has no dated dateline.

        Raises:
            InputError: ``text`` is not a str or ``published`` is not a date.
            RuleError: a user rule's production failed or returned a wrong type.
        """
        from diplomodel.api import coerce_published

        if not isinstance(text, str):
            raise InputError(f"text: expected str, got {type(text).__name__}")
        return self._run(text, coerce_published(published), None)

    def explain(self, text: str, *, published: dt.date | str | None = None) -> Explanation:
        """
        Parse one article and record what each stage found and decided: the lexicon hits, the
        officials and their mentions, the meeting phrases kept or ruled out (and by which cue),
        the meeting frames, the fallbacks applied and the user rules that fired.
        """
        from diplomodel.api import coerce_published

        if not isinstance(text, str):
            raise InputError(f"text: expected str, got {type(text).__name__}")
        trace: list[dict[str, object]] = []
        result = self._run(text, coerce_published(published), trace)
        return Explanation(result, tuple(trace))

    def _run(
        self, text: str, published: dt.date | None, trace: list[dict[str, object]] | None
    ) -> ArticleResult:
        book = self._compiled
        places = book.places

        def is_place(name: str) -> bool:
            return bool(places.get(key_of(name)))

        dateline = find_dateline(text, is_place, published)
        art = Article(text, book, published, dateline)
        if art.reference is None:
            # no published date and no dated dateline: a page header's date anchors "on Monday"
            art.reference = find_page_date(text)
        art.trace = trace
        if trace is not None:
            _trace_hits(art)
        mentions, people = find_people(art)
        if dateline is not None and not is_place(text[dateline.city_start : dateline.city_end]):
            # "KINGSFORD: Thanks for coming." is a transcript's speaker label, not a dateline
            label = name_tokens(text[dateline.city_start : dateline.city_end])
            if any(label and label <= p.name_tokens for p in people):
                dateline = art.dateline = None
                art.reference = published or find_page_date(text)
        if trace is not None:
            _trace_people(art, people)
        frames = find_frames(art, mentions, people)
        builder = _ResultBuilder(art, people, frames)
        found: list[tuple[Meeting, list[tuple[int, int]]]] = []
        seen: set[Meeting] = set()
        # the sentences each meeting's report holds: a sentence told of one meeting gives no
        # topics to another whose region it lies in
        owners: dict[int, set[int]] = {}
        for i, frame in enumerate(frames):
            for x in frame.sentences:
                owners.setdefault(x, set()).add(i)
        for i, frame in enumerate(frames):
            nxt = frames[i + 1].first_sentence if i + 1 < len(frames) else len(art.sentences)
            span = range(frame.first_sentence, max(nxt, frame.first_sentence + 1))
            region = [x for x in span if i in owners.get(x, {i})]
            meeting = builder.meeting(frame, region)
            art.note(
                "meeting frame",
                participants=[
                    people[p].name or f"unnamed ({people[p].side})" for p in frame.people
                ],
                sentences=sorted(set(frame.sentences)),
                phrases=[art.surface(t.hit.start, t.hit.end) for t in frame.triggers],
                kept=meeting is not None,
            )
            if meeting is not None and meeting not in seen:
                seen.add(meeting)
                sentences = sorted({t.sentence for t in frame.triggers} | set(frame.sentences))
                found.append((meeting, [_char_range(art, s) for s in sentences]))
        if published is not None and art.on("date.published_fallback"):
            found = _published_dates(art, found, published)
        meetings = _apply_rules(art, found)
        dl = None
        if dateline is not None:
            dl = Dateline(
                Span.of(text, dateline.start, dateline.end),
                text[dateline.city_start : dateline.city_end] or None,
                dateline.date,
            )
        officials = tuple(o for o in (builder.official(p) for p in people) if o is not None)
        return ArticleResult(
            length=len(text),
            meetings=tuple(meetings),
            officials=officials,
            published=published,
            dateline=dl,
        )


# Roles that only a country's leader holds: the same title at an organisation's head
# ("President" of the Commission) is the organisation's leader.
_HEAD_ROLES = frozenset({Role.HEAD_OF_STATE, Role.HEAD_OF_GOVERNMENT})


class _ResultBuilder:
    def __init__(self, art: Article, people: list[Person], frames: list[Frame]) -> None:
        self.art = art
        self.people = people
        self.sides = {q.side for q in people if q.side}
        # how many meetings each person is in
        self.frame_count = Counter(p for f in frames for p in set(f.people))
        self.counterpart_roles = _counterpart_roles(art, frames, people)
        # a person's mention spans, built once: one person can be in hundreds of meetings
        self._spans: dict[int, tuple[Person, tuple[Span, ...]]] = {}
        # one person is built into an Official once per meeting and once for the article
        self._officials: dict[tuple[int, str | None, Role | None], Official | None] = {}
        self._span_cache: dict[tuple[int, int], Span] = {}
        self._by_sentence: dict[int, list[tuple[int, int, int]]] | None = None
        self._last_in_person: AtOccasion | None = None  # for meetings.shared_occasion
        self._last_day: dt.date | None = None  # the day of the meeting reported last

    def _span(self, start: int, end: int) -> Span:
        key = (start, end)
        span = self._span_cache.get(key)
        if span is None:
            span = self._span_cache[key] = Span.of(self.art.text, start, end)
        return span

    def _token_span(self, m: Mention) -> Span:
        tokens = self.art.tokens
        return self._span(tokens[m.start].start, tokens[m.end - 1].end)

    def _mention_spans(self, p: Person) -> tuple[Span, ...]:
        cached = self._spans.get(id(p))
        if cached is not None and cached[0] is p:
            return cached[1]
        spans = tuple(
            sorted({self._token_span(m) for m in p.mentions}, key=lambda s: (s.start, s.end))
        )
        self._spans[id(p)] = (p, spans)
        return spans

    def _mentions_by_sentence(self) -> dict[int, list[tuple[int, int, int]]]:
        # sentence -> (id of the person, start token, end token) of every mention, so that a
        # meeting looks only at its own sentences, not at every mention of its participants
        if self._by_sentence is None:
            self._by_sentence = {}
            for p in self.people:
                for m in p.mentions:
                    entry = (id(p), m.start, m.end)
                    self._by_sentence.setdefault(self.art.sentence_of(m.start), []).append(entry)
        return self._by_sentence

    def _org(self, acronym: str) -> Organization:
        entry = self.art.book.org_by_acronym.get(acronym)
        return Organization(acronym, entry.name if entry else acronym)

    def official(
        self, p: Person, *, country: str | None = None, role: Role | None = None
    ) -> Official | None:
        """The model object for a person (None when no side is known)."""
        key = (id(p), country, role)
        if key in self._officials:
            return self._officials[key]
        made = self._officials[key] = self._make_official(p, country, role)
        return made

    def _make_official(self, p: Person, country: str | None, role: Role | None) -> Official | None:
        cc = p.country or country
        org = p.org
        if (cc is None and org is None) or p.business:
            return None
        spans = self._mention_spans(p)
        if p.title and cc:
            # "Foreign Secretary" of Pakistan is a civil servant, not the minister
            local = self.art.book.title_roles.get((key_of(p.title), cc))
            if local is not None:
                p = _with_role(p, local)
        final_role = p.role or role or Role.OFFICIAL
        if not cc and final_role in _HEAD_ROLES:
            final_role = Role.ORG_LEADER  # "President NAME of the European Commission"
        return Official(
            name=p.name,
            role=final_role,
            title=p.title,
            country=country_from_code(cc) if cc else None,
            org=self._org(org) if org and not cc else None,
            mentions=spans,
        )

    def meeting(self, frame: Frame, region: Sequence[int]) -> Meeting | None:
        art = self.art
        people = [self.people[p] for p in frame.people]
        mode = frame.mode or MeetingMode.IN_PERSON
        place = meeting_place(art, frame) if mode is MeetingMode.IN_PERSON else None
        if frame.mode is None and _conversation(art, frame) and _no_own_place(art, place):
            # "Trudeau said he had spoken with Zelenskyy this morning": a call
            mode, place = MeetingMode.PHONE, None
        if place is None and mode is MeetingMode.IN_PERSON and frame.follows is not None:
            # "Fernandez also called on the Senate President": same visit, same place
            place = meeting_place(art, frame.follows)
        occ = meeting_occasion(art, frame)
        # A participant whose side the text never states acts for the host country when no
        # other participant does (a minister "received" a visiting ambassador in her capital),
        # or for the host when an envoy of the host country is met at home. At a summit, or
        # when the host country is already someone else's side, it is rather the one country
        # the article keeps naming; at a summit, failing that, the host country after all.
        known = {p.side for p in people if p.side}
        venue = place.country if place is not None else None
        if venue is None and art.dateline is not None:
            dl_place = meeting_place(art, Frame(triggers=[], sentences=[]))
            venue = dl_place.country if dl_place else None
        posted = {p.posted_to for p in people if p.posted_to}
        host_fallback = art.on("officials.host_country_fallback")
        host = venue if host_fallback else None
        envoy_at_home = any(p.posted_to and p.side == host for p in people)
        if host in known and not envoy_at_home:
            host = None
        dominant = None
        # "Tinubu held a preparatory meeting with Foreign Minister Tuggar and National Security
        # Adviser Ribadu" in Abuja: officials of the host country together with one whose
        # side is not stated is a meeting at home, not one with a foreign guest
        at_home = venue in known and len(known) == 1 and sum(1 for p in people if p.side) >= 2
        if at_home:
            host = None
        elif art.on("officials.dominant_country_fallback"):
            # A sideless official met in several meetings (the article's protagonist) is from
            # none of the other officials' countries; a sideless counterpart may well share
            # one with another meeting's counterpart (a visit to Bhutan meets its King, then
            # its Prime Minister).
            recurring = any(p.side is None and self.frame_count[p.index] > 1 for p in people)
            others = self.sides if recurring else set()
            not_sides = known | posted | others | ({venue} if venue else set())
            dominant = _dominant_country(art, not_sides)
        counts = art.country_counts()
        # "Wang met President Taneti Maamau in Tarawa": a leader met where the text puts the
        # meeting leads the host country, however often the article names another
        sideless = [p for p in people if p.side is None]
        leaders_met_there = (
            place is not None
            and place.span is not None
            and bool(sideless)
            and all(p.role in _HEAD_ROLES for p in sideless)
        )
        if (
            dominant is not None
            and counts[dominant] >= 3
            and counts[dominant] > counts.get(venue or "", 0)
            and not leaders_met_there
        ):
            # the article keeps naming one foreign country: a visiting minister's own
            host = dominant
        elif occ is not None or host is None:
            host = dominant or (host if occ is not None else None)
        if host is None and host_fallback and len(posted - known) == 1:
            # "High Commissioner of India to the Maldives NAME paid a courtesy call on Foreign
            # Minister X" (no place given): X is of the country the envoy is posted to
            host = next(iter(posted - known))
        if host is None and venue is not None and venue in known and art.dateline is not None:
            # "SEOUL (Yonhap) -- First Vice Foreign Minister Kim met his Japanese counterpart
            # in Tokyo": a home agency's official abroad acts for the dateline's country
            home = meeting_place(art, Frame(triggers=[], sentences=[]))
            if home is not None and home.country not in known and host_fallback:
                host = home.country
        if any(p.business for p in people):
            # a company chairman received with a minister: the other side is a business, and
            # an official whose side is not stated is not the foreign guest
            host = None
        plural_role = next((m.role for m in frame.plural_roles if m.role), None)
        roles = {p.role for p in people if p.role}
        shared_role = roles.pop() if len(roles) == 1 else None
        officials: list[Official] = []
        for p in people:
            fallback_cc = host if p.side is None and host not in known else None
            if fallback_cc is not None:
                art.note(
                    "side from context",
                    official=p.name,
                    country=fallback_cc,
                    rule="officials.host_country_fallback or officials.dominant_country_fallback",
                )
            # a counterpart holds the other's office; "the ministers" is the vaguer hint
            role = (
                None
                if p.role
                else (self.counterpart_roles.get(p.index) or shared_role or plural_role)
            )
            official = self.official(p, country=fallback_cc, role=role)
            if official is not None and official not in officials:
                officials.append(official)
        if len({o.side for o in officials}) < 2:
            return None
        found_date = meeting_date(art, frame)
        own_date = (
            found_date is not None
            and found_date.resolved.basis is not DateBasis.DATELINE
            and not found_date.borrowed
        )
        if (found_date is not None and _background(art, found_date.resolved)) or (
            not own_date and _earlier_year(art, frame)
        ):
            art.note(
                "meeting ruled out",
                reason="dated well before the article (dates.history)",
                rule="meetings.background_date",
            )
            return None
        if not own_date and self._last_day is not None:
            # "The day before, in Astana, Blinken held talks with Tokayev"
            shift = _day_shift(art, frame)
            if shift:
                day = self._last_day + dt.timedelta(days=shift)
                found_date = FoundDate(Resolved(day, DatePrecision.DAY, DateBasis.RELATIVE), None)
        if found_date is not None and found_date.resolved.precision is DatePrecision.DAY:
            self._last_day = found_date.resolved.value
        date = None
        if found_date is not None:
            r = found_date.resolved
            span = self._span(*found_date.span) if found_date.span else None
            date = MeetingDate(r.value, r.precision, r.basis, span)
        place_obj = None
        if place is not None:
            place_obj = Place(
                place.name,
                country_from_code(place.country),
                self._span(*place.span) if place.span else None,
            )
        if mode is MeetingMode.IN_PERSON:
            if occ is None and art.on("meetings.shared_occasion"):
                occ = shared_occasion(art, frame, place, found_date, self._last_in_person)
                if occ is not None:
                    art.note(
                        "occasion from the meeting before",
                        occasion=occ.name,
                        rule="meetings.shared_occasion",
                    )
            self._last_in_person = AtOccasion(occ, place, found_date)
        occasion = None
        if occ is not None:
            occasion = Occasion(
                occ.name, self._org(occ.org) if occ.org else None, self._span(*occ.span)
            )
        # organisations named as a participant's side or in the occasion are not topics
        sentences = set(region) | set(frame.sentences)
        by_sentence = self._mentions_by_sentence()
        ids = {id(p) for p in people}
        exclude = [
            (start, end)
            for s in sentences
            for owner, start, end in by_sentence.get(s, ())
            if owner in ids
        ]
        if occ is not None:
            exclude.append(_token_range(art, occ.span))
        topics_found = meeting_topics(art, frame, region, exclude)
        labels = art.book.topic_labels
        codes = [c for c in labels if c in topics_found]
        topics = tuple(Topic(c, labels[c]) for c in codes)
        evidence = tuple(
            TopicEvidence(c, tuple(self._span(*s) for s in topics_found[c])) for c in codes
        )
        triggers = tuple(
            self._span(art.tokens[t.hit.start].start, art.tokens[t.hit.end - 1].end)
            for t in frame.triggers
        )
        return Meeting(
            participants=tuple(officials),
            mode=mode,
            date=date,
            place=place_obj,
            occasion=occasion,
            topics=topics,
            triggers=tuple(dict.fromkeys(triggers)),
            topic_evidence=evidence,
        )


def _conversation(art: Article, frame: Frame) -> bool:
    """Whether a frame's own phrases only say that people spoke ("spoke with", "talked to")."""
    own = [t for t in frame.triggers if not t.reference]
    words = _WORDS.conversation_verbs
    return bool(own) and all(art.tokens[t.hit.start].key in words for t in own)


def _no_own_place(art: Article, place: FoundPlace | None) -> bool:
    """Whether a meeting has no place but, at most, the dateline's."""
    if place is None or place.span is None:
        return True
    dl = art.dateline
    return dl is not None and dl.start <= place.span[0] < dl.end


def _day_shift(art: Article, frame: Frame) -> int:
    """-1 for "the day before", +1 for "the next day" in a frame's phrases' sentences, else 0."""
    for sentence in sorted({t.sentence for t in frame.triggers if not t.reference}):
        key = f"day_shift:{sentence}"
        cached = art.cache.get(key)
        if not isinstance(cached, int):
            text = " ".join(art.surface(*art.sentences[sentence]).lower().split())
            cached = 0
            if any(p in text for p in _WORDS.day_before_phrases):
                cached = -1
            elif any(p in text for p in _WORDS.day_after_phrases):
                cached = 1
            art.cache[key] = cached
        if cached:
            return cached
    return 0


def _earlier_year(art: Article, frame: Frame) -> bool:
    """
    "Xi paid a state visit to Mexico in 2013, during which he held talks with ...": a meeting
    without date words of its own whose phrase names an earlier year in its clause (within a
    few words, before any comma or subordinate clause) is history.
    """
    reference = art.reference
    if reference is None or not art.on("meetings.background_date"):
        return False
    tokens = art.tokens
    n = len(tokens)
    for t in frame.triggers:
        if t.reference:
            continue
        if _opens_with_earlier_month(art, t.sentence, reference):
            return True
        if t.sentence == frame.first_sentence and _earlier_month_in(art, t.sentence, reference):
            # (a later sentence may tell an earlier contact: "The meeting followed a phone
            # call between the two ministers in November")
            return True
        k = t.hit.end
        stop = min(n, k + 8)
        while k < stop:
            tok = tokens[k]
            if (tok.kind == "punct" and tok.text in ",;.") or tok.key in _WORDS.clause_cut_words:
                break
            word = tok.text
            if (
                len(word) == 4
                and word.isdigit()
                and tokens[k - 1].key == "in"
                and YEARS[0] <= int(word) < reference.year
            ):
                return True
            k += 1
    return False


def _earlier_month_in(art: Article, sentence: int, reference: dt.date) -> bool:
    """
    "Austin and Dong held a video call in April", "Kim met Moon at Panmunjom in April and
    again in May" in an article of June: a sentence with no day of its own that names, after
    "in", a month (no day, no year) two to six months before the article's tells history.
    """
    start, end = art.sentences[sentence]
    if any(r.precision is DatePrecision.DAY for _, r in art.usable_dates(sentence)):
        return False
    for k in range(start + 1, end):
        month = _bare_month_after_in(art, k, end)
        if month is not None and 2 <= (reference.month - month) % 12 <= 6:
            return True
    return False


def _bare_month_after_in(art: Article, k: int, end: int) -> int | None:
    """The month token ``k`` names after "in", with no day or year after it ("in April")."""
    tokens = art.tokens
    if k < 1 or k >= end or tokens[k - 1].key != "in" or not tokens[k].is_capitalized:
        return None
    if k + 1 < end and tokens[k + 1].text[:1].isdigit():
        return None
    return month_number(tokens[k].text)


def _opens_with_earlier_month(art: Article, sentence: int, reference: dt.date) -> bool:
    """
    "In March, the Indian prime minister spoke with Putin by phone" in an article of July: a
    sentence that opens with a month (no day, no year) two months or more before the article's.
    """
    start, end = art.sentences[sentence]
    if end - start < 3:
        return False
    month = _bare_month_after_in(art, start + 1, end)
    return month is not None and (reference.month - month) % 12 >= 2


def _published_dates(
    art: Article, found: list[tuple[Meeting, list[tuple[int, int]]]], published: dt.date
) -> list[tuple[Meeting, list[tuple[int, int]]]]:
    """
    The meetings without a date dated by the publication date, when no meeting has another
    date and no sentence about a meeting speaks of another day ("PM Modi holds talks with
    Sunak" in a live blog of the day; not "... met yesterday. In a separate meeting, ...").
    """
    if not any(m.date is None for m, _ in found) or not YEARS[0] <= published.year <= YEARS[1]:
        return found  # the parser reads the years 1900 to 2100 only
    if any(m.date is not None and m.date.value != published for m, _ in found):
        return found
    dl = art.dateline
    # the sentences that speak of meetings (reported, planned, told as history, denied) or
    # report them: news on other subjects may speak of other days
    spoken = {art.sentence_of(h.start) for h in (*art.phrases, *art.separators)}
    ranges = {_char_range(art, s) for s in spoken}
    ranges.update(r for _, reported in found for r in reported)
    if not speaks_only_of(art.text, published, ranges, (dl.start, dl.end) if dl else None):
        return found
    art.note("date from the publication date", date=published.isoformat())
    date = MeetingDate(published, DatePrecision.DAY, DateBasis.PUBLISHED)
    return [(attrs.evolve(m, date=date) if m.date is None else m, s) for m, s in found]


def _background(art: Article, date: Resolved) -> bool:
    """Whether a meeting's date makes it history told as background."""
    reference = art.reference
    if reference is None or date.basis is DateBasis.DATELINE:
        return False
    return history(date.value, date.precision, reference) and art.on("meetings.background_date")


def _with_role(p: Person, role: Role) -> Person:
    return dataclasses.replace(p, role=role)


def _char_range(art: Article, sentence: int) -> tuple[int, int]:
    s, e = art.sentences[sentence]
    return art.tokens[s].start, art.tokens[e - 1].end


def _produce(rule: Rule, ctx: RuleContext) -> object:
    try:
        return rule.produce(ctx)
    except Exception as exc:
        raise RuleError(f"rule {rule.id!r} failed: {type(exc).__name__}: {exc}") from exc


def _apply_rules(art: Article, found: list[tuple[Meeting, list[tuple[int, int]]]]) -> list[Meeting]:
    """
    Run the rulebook's code rules over each meeting: higher priority first, then by id.
    """
    book = art.book.rulebook
    rules = sorted((r for r in book.rules if book.enabled(r.id)), key=lambda r: (-r.priority, r.id))
    out: list[Meeting] = []
    for meeting, ranges in found:
        current: Meeting | None = meeting
        for rule in rules:
            if current is None:
                break
            match = next(
                (m for lo, hi in ranges if (m := rule.compiled.search(art.text, lo, hi))), None
            )
            if match is None:
                continue
            if rule.target == "meeting":
                ctx = RuleContext(art.text, match, art.published, meeting=current)
                value = _produce(rule, ctx)
                if value is VETO:
                    art.note("rule fired", rule=rule.id, outcome="meeting vetoed")
                    current = None
                elif value is not None:
                    if not isinstance(value, Meeting):
                        raise RuleError(
                            f"rule {rule.id!r} returned {type(value).__name__}, not a Meeting"
                        )
                    art.note("rule fired", rule=rule.id, outcome="meeting replaced")
                    current = value
                continue
            kept: list[Official] = []
            for official in current.participants:
                ctx = RuleContext(art.text, match, art.published, official=official)
                value = _produce(rule, ctx)
                if value is VETO:
                    art.note(
                        "rule fired", rule=rule.id, outcome=f"participant {official.name} vetoed"
                    )
                    continue
                if value is not None and not isinstance(value, Official):
                    raise RuleError(
                        f"rule {rule.id!r} returned {type(value).__name__}, not an Official"
                    )
                if value is not None:
                    art.note(
                        "rule fired", rule=rule.id, outcome=f"participant {official.name} replaced"
                    )
                kept.append(value if isinstance(value, Official) else official)
            if len({o.side for o in kept}) < 2:
                art.note(
                    "rule fired", rule=rule.id, outcome="meeting dropped: fewer than two sides"
                )
                current = None
            else:
                current = attrs.evolve(current, participants=tuple(kept))
        if current is not None:
            out.append(current)
    return out


def _trace_hits(art: Article) -> None:
    for kind, hits in (
        ("title", art.titles), ("country", art.countries), ("organisation", art.orgs),
        ("place", art.places), ("topic", art.topics), ("meeting phrase", art.phrases),
        ("event", art.events), ("occasion cue", art.cues),
    ):  # fmt: skip
        for hit in hits:
            art.note(
                "lexicon hit",
                kind=kind,
                text=art.surface(hit.start, hit.end),
                value=_short(hit.entry),
            )


def _short(value: object) -> str:
    for attr in ("alpha2", "acronym", "role", "signal", "name"):
        found = getattr(value, attr, None)
        if found is not None:
            return str(found)
    return str(value)


def _trace_people(art: Article, people: list[Person]) -> None:
    for p in people:
        art.note(
            "official",
            name=p.name,
            side=p.side,
            role=p.role.value if p.role else None,
            title=p.title,
            mentions=[f"{art.surface(m.start, m.end)} [{m.kind}]" for m in p.mentions],
        )


def _token_range(art: Article, span: tuple[int, int]) -> tuple[int, int]:
    starts = art.token_starts()
    first = bisect_left(starts, span[0])
    last = bisect_left(starts, span[1])
    return (first, last) if last > first else (0, 0)


def _counterpart_roles(art: Article, frames: list[Frame], people: list[Person]) -> dict[int, Role]:
    """
    Person -> the office of the one they are called the counterpart of, from the first meeting
    that says so: "X spoke with his counterpart from Ghana, Y" makes Y a minister like X in
    every later meeting too, not the holder of whatever office Y's next interlocutor holds.
    """
    found: dict[int, Role] = {}
    for frame in frames:
        roles = {r for r in (people[p].role for p in frame.people) if r is not None}
        if len(roles) != 1:
            continue
        role = roles.pop()
        sentences = set(frame.sentences) | {t.sentence for t in frame.triggers}
        for p in frame.people:
            person = people[p]
            if (
                person.role is None
                and p not in found
                and any(
                    m.kind == "counterpart" and art.sentence_of(m.start) in sentences
                    for m in person.mentions
                )
            ):
                found[p] = role
    return found


def _dominant_country(art: Article, exclude: set[str]) -> str | None:
    """
    The country named (by name, demonym or capital) more often than any other, leaving out
    the countries in ``exclude``.
    """
    counts = art.country_counts()
    ranked = sorted(
        ((code, n) for code, n in counts.items() if code not in exclude), key=lambda kv: -kv[1]
    )
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


_default: Parser | None = None
_lock = threading.Lock()


def default_parser() -> Parser:
    """
    The process-wide parser over the default rulebook, built on first use.
    """
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Parser()
    return _default
