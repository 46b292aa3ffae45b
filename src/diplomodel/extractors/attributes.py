"""
A meeting's date, place, occasion and topics, taken from the sentences of its frame.

Each attribute prefers the evidence nearest to the meeting's own phrases: a date or place in
the sentence that reports the meeting beats one elsewhere; a place merely mentioned ("the
situation in Gaza") is not the meeting's place; the dateline is the last resort.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from diplomodel.compiled import PlaceRef
from diplomodel.dates import (
    CALENDAR_WORDS,
    Resolved,
    history,
)
from diplomodel.extractors.context import Article
from diplomodel.extractors.meetings import Frame, Trigger
from diplomodel.grammar import grammar_words
from diplomodel.matcher import Hit
from diplomodel.model import DateBasis, DatePrecision
from diplomodel.rules import CountryName, OrgEntry, Signal
from diplomodel.text import APOSTROPHES

__all__ = [
    "AtOccasion",
    "FoundDate",
    "FoundOccasion",
    "FoundPlace",
    "meeting_date",
    "meeting_occasion",
    "meeting_place",
    "meeting_topics",
    "shared_occasion",
]

WORDS = grammar_words()
_APOSTROPHES = frozenset(APOSTROPHES)


class FoundDate(NamedTuple):
    """
    A resolved date and the character span of its words (None for the dateline); ``borrowed``
    when the words are not the meeting's own (the scene's day).
    """

    resolved: Resolved
    span: tuple[int, int] | None
    borrowed: bool = False


class FoundPlace(NamedTuple):
    """A place name (None for a country-only place), its country, and its character span."""

    name: str | None
    country: str
    span: tuple[int, int] | None


class FoundOccasion(NamedTuple):
    """An occasion's display name, organisation acronym and character span."""

    name: str
    org: str | None
    span: tuple[int, int]


def _trigger_sentences(frame: Frame) -> list[int]:
    seen: list[int] = []
    for t in frame.triggers:
        if t.sentence not in seen:
            seen.append(t.sentence)
    return seen


def _own_first(frame: Frame) -> list[Trigger]:
    # The phrases that report the meeting come before those that only refer back to it.
    return sorted(frame.triggers, key=lambda t: t.reference)


def _char_range(art: Article, sentence: int) -> tuple[int, int]:
    s, e = art.sentences[sentence]
    return art.tokens[s].start, art.tokens[e - 1].end


def meeting_date(art: Article, frame: Frame) -> FoundDate | None:
    """
    The date words nearest to the meeting's phrases; for an "also met" meeting, else those of
    the meeting it continues; else the dateline's date; else None.
    """
    dl = art.dateline
    best: tuple[int, FoundDate] | None = None
    # sentences before the meeting's own (a scene-setting sentence) are context: the meeting
    # it continues ("Later that day, ...") tells its date first
    own = _own_first(frame)
    opening = frame.first_sentence
    chain = [
        *(t for t in own if t.sentence >= opening),
        *(_own_first(frame.follows) if frame.follows else []),
        *(t for t in own if t.sentence < opening),
    ]
    for t in chain:
        anchor = art.tokens[t.hit.start].start
        usable = art.usable_dates(t.sentence)
        # the nearest mention on either side of the phrase (mentions are in text order)
        at = bisect_left([m.start for m, _ in usable], anchor)
        for mention, resolved in usable[max(0, at - 1) : at + 1]:
            distance = abs(mention.start - anchor)
            if best is None or distance < best[0]:
                best = (distance, FoundDate(resolved, (mention.start, mention.end)))
        if best is not None:
            break
    if best is not None:
        return best[1]
    searched = {t.sentence for t in chain}
    for sentence in frame.sentences:
        # a sentence of the meeting without a phrase of its own ("Biden told Putin on
        # Saturday that ..." before "The call lasted an hour"): its first usable date
        if sentence not in searched:
            for mention, resolved in art.usable_dates(sentence)[:1]:
                return FoundDate(resolved, (mention.start, mention.end))
    scene = _scene_date(art, frame) if art.on("date.scene") else None
    if scene is not None:
        return scene
    if dl is not None and dl.date is not None and art.on("date.dateline_fallback"):
        span = (
            (dl.date_start, dl.date_end)
            if dl.date_start is not None and dl.date_end is not None
            else None
        )
        return FoundDate(Resolved(dl.date, DatePrecision.DAY, DateBasis.DATELINE), span)
    return None


def _scene_date(art: Article, frame: Frame) -> FoundDate | None:
    """
    The day of the scene one of the frame's people was set in just before the meeting was
    reported: "Norway's foreign minister on Sunday handed diplomatic documents to the
    Palestinian prime minister. Foreign Minister Espen Barth Eide gave the papers to Prime
    Minister Mohammad Mustafa on the margins of ...". The nearest of the four sentences before
    that names one of them and states one day (not history) gives it.
    """
    reference = art.reference
    for s, _ in _scenes(art, frame):
        days = [
            (m, r)
            for m, r in art.usable_dates(s)
            if r.precision is DatePrecision.DAY
            and not (reference is not None and history(r.value, r.precision, reference))
        ]
        if len({r.value for _, r in days}) != 1:
            return None  # no day, or two: no one scene
        mention, resolved = days[0]
        return FoundDate(resolved, (mention.start, mention.end), borrowed=True)
    return None


def _place_preceded(art: Article, start: int) -> bool:
    tokens = art.tokens
    k = start - 1
    steps = 0
    while k >= 0 and steps < 5:
        if tokens[k + 1].newline_before:
            return False  # a headline's "meet in Prague" does not reach the dateline's city
        tok = tokens[k]
        if tok.key in WORDS.place_prepositions_meeting:
            return not (k > 0 and tokens[k - 1].key in WORDS.mentioned_place_nouns)
        if tok.key in WORDS.place_skip_words or (k + 1) in art.country_end:
            k -= 1
            steps += 1
            continue
        place = art.place_at.get(start)
        capital = place is not None and place.entry.capital
        if tok.text == "," and steps == 0 and capital and k > 0 and tokens[k - 1].is_capitalized:
            # "at his office in Singha Durbar, Kathmandu": a district or venue, then its capital
            # (not "in Charlevoix, Quebec": a town and its province)
            j = k - 1
            while j > 0 and k - j < 4 and tokens[j - 1].is_capitalized:
                j -= 1
            if j > 0 and tokens[j - 1].key in ("in", "at"):
                return True
        return False
    return False


def _country_venue(art: Article, start: int) -> int | None:
    """
    Whether a country after its preposition is where a meeting took place: -1 for 'his visit
    to Brazil', 'visiting Korea', 'arrived in Rabat'; the index of "in" for 'in Poland', which
    counts only close after the meeting phrase; None for 'a ceasefire in Sudan'.
    """
    tokens = art.tokens
    k = start - 1
    if k >= 0 and tokens[k].key == "the":
        k -= 1
    if k < 0:
        return None
    if tokens[k].key in ("visiting", "touring"):
        return -1
    if tokens[k].key in ("to", "in", "of") and k > 0:
        if tokens[k - 1].key in WORDS.visit_words:
            return -1
        if tokens[k].key == "in" and tokens[k - 1].key not in WORDS.mentioned_place_nouns:
            return k
    return None


class _Candidates(NamedTuple):
    """A sentence's possible meeting places, by token position."""

    places: list[tuple[int, FoundPlace]]  # cities, venues, towns before ", COUNTRY"
    visits: list[tuple[int, FoundPlace]]  # countries after a visit word
    near: list[tuple[int, int, FoundPlace]]  # countries after "in": (in-index, position, place)


def _candidates(art: Article, sentence: int) -> _Candidates:
    key = f"places:{sentence}"
    cached = art.cache.get(key)
    if isinstance(cached, _Candidates):
        return cached
    places: list[tuple[int, FoundPlace]] = []
    visits: list[tuple[int, FoundPlace]] = []
    near: list[tuple[int, int, FoundPlace]] = []
    for hit in art.places_in.get(sentence, ()):
        if _in_compound(art, hit.end):
            continue  # "Paris" in "Paris-Saclay"
        ref: PlaceRef = hit.entry
        if not (ref.venue or _place_preceded(art, hit.start)):
            continue
        span = (art.tokens[hit.start].start, art.tokens[hit.end - 1].end)
        name = ref.name if ref.venue else _display(art.surface(hit.start, hit.end))
        places.append((hit.start, FoundPlace(name, ref.country, span)))
    for chit in art.countries_in.get(sentence, ()):
        capital = _capital_of(art, chit)
        if capital is not None:
            places.append((chit.start, capital))
            continue
        if chit.entry.kind != "name":
            continue
        town = _town_before_country(art, chit.start)
        if town is not None:
            # "in Paris-Saclay, France", "in Nusa Dua, Indonesia": a town the gazetteer lacks
            span = (art.tokens[town[0]].start, art.tokens[town[1] - 1].end)
            places.append((town[0], FoundPlace(art.surface(*town), chit.entry.alpha2, span)))
            continue
        venue = _country_venue(art, chit.start)
        if venue is None:
            continue
        span = (art.tokens[chit.start].start, art.tokens[chit.end - 1].end)
        found = FoundPlace(None, chit.entry.alpha2, span)
        if venue < 0:
            visits.append((chit.start, found))
        else:
            near.append((venue, chit.start, found))
    places.sort(key=lambda c: c[0])
    result = _Candidates(places, visits, sorted(near, key=lambda c: c[0]))
    art.cache[key] = result
    return result


def _capital_of(art: Article, hit: Hit[CountryName]) -> FoundPlace | None:
    """'in the Kazakh capital', 'to the Thai capital': that country's capital city."""
    tokens = art.tokens
    if hit.end >= len(tokens) or tokens[hit.end].key != "capital" or hit.start < 2:
        return None
    if tokens[hit.start - 1].key != "the" or tokens[hit.start - 2].key not in ("in", "to"):
        return None
    name = art.book.capitals.get(hit.entry.alpha2)
    if name is None:
        return None
    span = (tokens[hit.start].start, tokens[hit.end].end)
    return FoundPlace(name, hit.entry.alpha2, span)


def _nearest(items: list[tuple[int, FoundPlace]], at: int) -> tuple[int, FoundPlace] | None:
    """The candidate nearest to token ``at`` (the earlier one on a tie)."""
    i = bisect_left([pos for pos, _ in items], at)
    best: tuple[int, FoundPlace] | None = None
    for pos, found in items[max(0, i - 1) : i + 1]:
        if best is None or abs(pos - at) < best[0]:
            best = (abs(pos - at), found)
    return best


def meeting_place(art: Article, frame: Frame) -> FoundPlace | None:
    """
    The city (or venue's city) nearest a meeting phrase after in/at/to; else a country after
    in/to/visiting; else the dateline's city. Calls have no place (the caller checks the mode).
    """
    best: tuple[int, FoundPlace] | None = None
    country_only: tuple[int, FoundPlace] | None = None
    own = [t for t in frame.triggers if not t.reference]
    for t in _own_first(frame):
        if best is not None and t.reference and own:
            break
        cands = _candidates(art, t.sentence)
        found = _nearest(cands.places, t.hit.start)
        if found is not None and (best is None or found[0] < best[0]):
            best = found
        options = list(cands.visits)
        # "met ... in Poland": a country after "in" counts up to 8 tokens after the phrase
        lo = bisect_left([k for k, _, _ in cands.near], t.hit.end)
        for k, pos, place in cands.near[lo:]:
            if k - t.hit.end > 8:
                break
            options.append((pos, place))
        options.sort(key=lambda c: c[0])
        found = _nearest(options, t.hit.start)
        if found is not None and (country_only is None or found[0] < country_only[0]):
            country_only = found
    if best is not None:
        return best[1]
    scene = _scene_place(art, frame) if art.on("place.scene") else None
    if scene is not None and (country_only is None or country_only[1].country == scene.country):
        return scene
    dateline = _dateline_place(art) if art.on("place.dateline_fallback") else None
    if country_only is not None:
        if dateline is not None and dateline.country == country_only[1].country:
            return dateline
        return country_only[1]
    return dateline


# how many sentences before a meeting's first report its scene ("X arrived in Y") is looked for
_SCENE_REACH = 8


def _scenes(art: Article, frame: Frame) -> Iterator[tuple[int, int]]:
    """
    The sentences within reach before a meeting's first report that name one of its people,
    nearest first, each with the token where the first such mention starts.
    """
    mentions_in = art.cache.get("mentions_in")  # set by find_frames
    if not frame.people or not frame.sentences or not isinstance(mentions_in, dict):
        return
    people = set(frame.people)
    first = frame.first_sentence
    for s in range(first - 1, max(-1, first - 1 - _SCENE_REACH), -1):
        named = [m.start for m in mentions_in.get(s, ()) if m.person in people]
        if named:
            yield s, min(named)


def _scene_place(art: Article, frame: Frame) -> FoundPlace | None:
    """
    The place of the latest scene one of the frame's people was set in before the meeting was
    reported: "Macron stopped in Ulaanbaatar on Sunday. He was welcomed ... by the President of
    Mongolia". A scene is a sentence that names the person and then a travel word ("arrived",
    "travelled", "stopped") before a place.
    """
    tokens = art.tokens
    for s, named in _scenes(art, frame):
        end = art.sentences[s][1]
        visit = next((k for k in range(named, end) if tokens[k].key in WORDS.scene_words), None)
        if visit is None:
            continue
        reference = art.reference
        if any(
            r.precision is not DatePrecision.DAY
            or (reference is not None and history(r.value, r.precision, reference))
            for _, r in art.usable_dates(s)
        ):
            return None  # "Blinken travelled to Beijing last month": a past trip, no scene
        places = [c for c in _candidates(art, s).places if c[0] > visit]
        if places:
            return min(places, key=lambda c: c[0])[1]
    return None


_DC = re.compile(r",?\s*(?:D\.\s?C\.?|DC)$")


def _display(surface: str) -> str:
    """A place name as the annotation writes it: 'NEW DELHI' -> 'New Delhi',
    'Washington D.C.' -> 'Washington'."""
    name = " ".join((_DC.sub("", surface).strip() or surface).split())  # "Addis\u00a0Ababa"
    if not name.isupper():
        return name
    # title-case the composed form: str.title() starts a word after a combining mark
    # ("SA\u0303O PAULO" -> "SãO Paulo")
    return unicodedata.normalize("NFC", name).title()


def _in_compound(art: Article, end: int) -> bool:
    """A capitalised word joined by a hyphen after token ``end - 1`` ("Paris-Saclay")."""
    return art.hyphen_joined(end + 1) and art.tokens[end + 1].is_capitalized


def _town_before_country(art: Article, country_start: int) -> tuple[int, int] | None:
    """
    The capitalised words X in 'in X, COUNTRY' (X a town, not a known country). Not when
    COUNTRY opens a possessive ("In Moscow, Angola's President ..."), nor when the gazetteer
    places X in another country.
    """
    tokens = art.tokens
    comma = country_start - 1
    if comma < 2 or tokens[comma].text != ",":
        return None
    country = art.country_at[country_start]
    if country.end < len(tokens) and art.is_possessive(country.end):
        return None
    k = comma
    while k - 1 >= 0 and (tokens[k - 1].is_capitalized or tokens[k - 1].key == "-"):
        if tokens[k - 1].key in ("in", "at"):
            break  # sentence-initial "In Paris-Saclay, France": "In" is not part of the town
        if tokens[k].newline_before:
            break  # "... talks in Muscat\n\nMUSCAT, Oman": a town never spans a line break
        k -= 1
        if comma - k > 4:
            return None
    if k == comma or k == 0 or tokens[k - 1].key not in ("in", "at"):
        return None
    for i in range(k, comma):
        hit = art.country_at.get(i)
        # a country's name inside X ("in Kosovo, Serbia") is no town; a capital standing for
        # its country ("Paris") or part of a compound ("Paris-Saclay") still is
        if hit is not None and hit.entry.kind == "name" and not _in_compound(art, hit.end):
            return None
    known = art.place_at.get(k)
    if known is not None and known.end == comma and known.entry.country != country.entry.alpha2:
        return None
    return (k, comma)


def _dateline_place(art: Article) -> FoundPlace | None:
    if "dateline_place" not in art.cache:
        art.cache["dateline_place"] = _find_dateline_place(art)
    found = art.cache["dateline_place"]
    return found if isinstance(found, FoundPlace) else None


def _find_dateline_place(art: Article) -> FoundPlace | None:
    dl = art.dateline
    if dl is None:
        return None
    for hit in art.places:
        tok = art.tokens[hit.start]
        if dl.city_start <= tok.start < dl.city_end:
            ref: PlaceRef = hit.entry
            end = art.tokens[hit.end - 1].end
            surface = art.text[tok.start : end]
            # "NEW DELHI" in a dateline is written as the gazetteer writes it.
            return FoundPlace(_display(surface), ref.country, (tok.start, end))
    # "IPIALES, Colombia, March 2 (AFP)": a town the gazetteer lacks, with its country
    for chit in art.countries:
        tok = art.tokens[chit.start]
        if dl.city_end <= tok.start < dl.end and chit.entry.kind == "name":
            name = _display(art.text[dl.city_start : dl.city_end])
            return FoundPlace(name, chit.entry.alpha2, (dl.city_start, dl.city_end))
    return None


_ORDINAL = re.compile(
    r"^\d+(st|nd|rd|th)$|^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$"
)


_CALENDAR = CALENDAR_WORDS


def meeting_occasion(art: Article, frame: Frame) -> FoundOccasion | None:
    """
    A named event after an occasion cue ("on the sidelines of", "during", "at") in the meeting's
    sentences, with the organisation it names (not one joined to a partner: "China-ASEAN Expo").
    """
    sentences = sorted({t.sentence for t in frame.triggers} | set(frame.sentences))
    cues = [c for s in sentences for c in art.cues_in.get(s, ())]
    for cue in cues:
        found = _event_after(art, cue.end)
        if found is not None and not _ahead_of_report(art, found):
            return found
    for cue in cues:
        # "on the margins of the high-level week of the 78th session of the General Assembly":
        # a known event name shortly after the cue
        s_end = art.sentences[art.sentence_of(cue.start)][1]
        for event in art.events:
            if cue.end <= event.start < min(s_end, cue.end + 14):
                span = (art.tokens[event.start].start, art.tokens[event.end - 1].end)
                return FoundOccasion(art.surface(event.start, event.end), event.entry, span)
    return None


class AtOccasion(NamedTuple):
    """An in-person meeting's occasion (None when it has none), place and date, in text order."""

    occasion: FoundOccasion | None
    place: FoundPlace | None
    date: FoundDate | None


# How many days apart two meetings at one occasion may lie (summits last a few days).
_OCCASION_DAYS = 3


def shared_occasion(
    art: Article,
    frame: Frame,
    place: FoundPlace | None,
    date: FoundDate | None,
    before: AtOccasion | None,
) -> FoundOccasion | None:
    """
    The occasion of the in-person meeting reported just ``before`` this one, for a meeting
    that names none: bilaterals reported one after another from a summit all took place at it.
    Not when the two lie in different countries or on days of different precision; on
    different days (at most three apart) only when this meeting points back at the event
    ("on the margins of the summit", "the summit host") or took place in the same city a day
    apart (summit bilaterals on the eve of the opening). A date taken from the dateline is
    the day of the report, not a day of the meeting's own, and does not count.
    """
    if before is None or before.occasion is None:
        return None
    if place is not None and before.place is not None and place.country != before.place.country:
        return None
    if _own(date) and _own(before.date):
        assert date is not None and before.date is not None
        mine, theirs = date.resolved, before.date.resolved
        if mine.precision != theirs.precision:
            return None
        days = abs((mine.value - theirs.value).days)
        same_city = (
            place is not None
            and before.place is not None
            and place.name is not None
            and place.name == before.place.name
        )
        if days > _OCCASION_DAYS or (
            days and not (days == 1 and same_city) and not _points_at_event(art, frame)
        ):
            return None
    return before.occasion


def _own(date: FoundDate | None) -> bool:
    # the dateline's date is the day of the report, no evidence of the meeting's own day
    return date is not None and date.resolved.basis is not DateBasis.DATELINE


def _points_at_event(art: Article, frame: Frame) -> bool:
    sentences = {t.sentence for t in frame.triggers} | set(frame.sentences)
    return bool(sentences & _anaphor_sentences(art))


def _anaphor_sentences(art: Article) -> set[int]:
    """The sentences that say "the summit", "the sidelines", ... (computed once)."""
    cached = art.cache.get("anaphor_sentences")
    if isinstance(cached, set):
        return cached
    tokens = art.tokens
    found = {
        art.sentence_of(k)
        for k in range(len(tokens) - 1)
        if tokens[k].key == "the" and tokens[k + 1].key in WORDS.event_anaphors
    }
    art.cache["anaphor_sentences"] = found
    return found


def _ahead_of_report(art: Article, occasion: FoundOccasion) -> bool:
    """
    "preparations for the WTO's 13th Ministerial Conference (MC13) next month": an event that
    lies ahead is not the occasion of a meeting that took place.
    """
    tokens = art.tokens
    k = bisect_left(art.token_starts(), occasion.span[1])
    for tok in tokens[k : k + 5]:
        if tok.key in WORDS.ahead_words:
            return True
        if tok.kind == "punct" and tok.text not in "()":
            break
    return False


def _heads_of_org(art: Article, k: int, s_end: int) -> FoundOccasion | None:
    """
    "the ministerial council of the Organization for Security and Co-operation in Europe
    (OSCE)", "the summit of the SCO": lower-case head nouns, then "of (the)" and an
    organisation, make the organisation's event ("OSCE ministerial council").
    """
    tokens = art.tokens
    j = k
    while j < min(s_end, k + 3) and tokens[j].key in WORDS.occasion_lower_heads:
        if not tokens[j].text.islower():
            return None  # "Summit of the ...": a capitalised name, read as written
        j += 1
    if j == k or j + 1 >= s_end or tokens[j].key != "of":
        return None
    o = j + 2 if tokens[j + 1].key == "the" else j + 1
    hit = art.org_at.get(o)
    if hit is None:
        return None
    end = hit.end
    if end < s_end and tokens[end].text[:1].isupper():
        return None  # "meeting of the OSCE Council of Foreign Ministers": a longer name
    if end + 2 < s_end and tokens[end].text == "(" and tokens[end + 2].text == ")":
        end += 3  # "(OSCE)"
    name = f"{hit.entry.acronym} {art.surface(k, j)}"
    return FoundOccasion(name, hit.entry.acronym, (tokens[k].start, tokens[end - 1].end))


def _event_after(art: Article, k: int) -> FoundOccasion | None:
    tokens = art.tokens
    n = len(tokens)
    s_end = art.sentences[art.sentence_of(min(k, n - 1))][1] if n else 0
    while k < s_end and (tokens[k].key in ("the", "a", "an") or _ORDINAL.match(tokens[k].key)):
        k += 1
    start = k
    of_org = _heads_of_org(art, k, s_end)
    if of_org is not None:
        return of_org
    pieces: list[str] = []
    orgs: list[tuple[int, str]] = []
    has_head = False
    capitalised = False
    last_good = k
    while k < s_end:
        tok = tokens[k]
        org_hit = art.org_at.get(k)
        if org_hit is not None:
            end = org_hit.end
            text = art.surface(k, end)
            if end + 2 < n and tokens[end].text == "(" and tokens[end + 2].text == ")":
                text = tokens[end + 1].text
                end += 3
            joined = k > 0 and tokens[k].gap == "" and tokens[k - 1].key == "-"
            if not joined:
                orgs.append((k, org_hit.entry.acronym))
            pieces.append(tokens[k].gap if pieces else "")
            pieces.append(text)
            capitalised = True
            k = end
            last_good = k
            continue
        if tok.kind == "punct" and tok.text not in _APOSTROPHES and tok.key != "-":
            break
        if tok.newline_before:
            break
        if tok.key == "in" and (has_head or (k + 1 < s_end and k + 1 in art.place_at)):
            break  # "G7 Foreign Ministers' Meeting in Charlevoix"
        if (
            tok.text[:1].isupper()
            or tok.text[:1].isdigit()
            or tok.text in _APOSTROPHES
            or tok.key == "-"
            or tok.kind == "poss"
        ):
            if tok.text[:1].isupper():
                capitalised = True
            if tok.key in art.book.occasion_heads or tok.key in WORDS.occasion_lower_heads:
                has_head = True
            pieces.append(tok.gap if pieces else "")
            pieces.append(tok.text)
            k += 1
            last_good = k
            continue
        opens = not pieces and k + 1 < s_end and tokens[k + 1].key == "of"
        if pieces and orgs and not has_head and tok.text[:1].islower():
            # "the ASEAN foreign ministers' meetings": lower-case words up to a head noun
            j = k
            while j < min(s_end, k + 4) and tokens[j].key not in WORDS.occasion_lower_heads:
                if tokens[j].kind == "punct" and tokens[j].text not in _APOSTROPHES:
                    break
                j += 1
            if j < s_end and tokens[j].key in WORDS.occasion_lower_heads:
                for t in tokens[k : j + 1]:
                    pieces.append(t.gap)
                    pieces.append(t.text)
                has_head = True
                k = last_good = j + 1
                continue
        if tok.key in WORDS.occasion_lower_heads and (capitalised or opens):
            has_head = True
            pieces.append(tok.gap)
            pieces.append(tok.text)
            k += 1
            last_good = k
            continue
        if tok.key in WORDS.occasion_connectors:
            # "of the OSCE Council", "Council of Heads of State": connectors before a name
            j = k
            while j < s_end and tokens[j].key in WORDS.occasion_connectors and j - k < 2:
                j += 1
            calendar = j < s_end and tokens[j].key in _CALENDAR  # "... Conference on Saturday"
            if j < s_end and not calendar and (tokens[j].text[:1].isupper() or art.org_at.get(j)):
                for t in tokens[k:j]:
                    pieces.append(t.gap)
                    pieces.append(t.text)
                k = j
                continue
        break
    if last_good - 1 > start and last_good == k and tokens[last_good - 1].kind == "poss":
        # "the UN General Assembly's high-level week": the event, not its possessive
        last_good -= 1
        del pieces[-2:]
    if not capitalised or last_good <= start:
        return None
    name = "".join(pieces).strip()
    # "meeting of the CIS Heads of State Council" -> "CIS Heads of State Council"
    lead = re.match(r"^(?:meeting|session|summit|sessions|meetings) of (?:the )?", name)
    if lead and any(w[:1].isupper() for w in name[lead.end() :].split()[1:]):
        name = name[lead.end() :]
    # "OSCE Ministerial Council meeting" -> "OSCE Ministerial Council"
    words = name.split()
    if (
        len(words) > 1
        and words[-1] in ("meeting", "session")
        and any(w[:1].isupper() for w in words[:-1])
    ):
        name = " ".join(words[:-1])
    event_org: str | None = None
    known_event = False
    for event in art.events:
        if start <= event.start < last_good:
            known_event = True
            event_org = event.entry
            break
    if not (has_head or known_event):
        return None
    after = tokens[last_good] if last_good < len(tokens) else None
    if after is not None and after.key in WORDS.venue_nouns:
        return None  # "at the Congress building", "at the Forum secretariat": a place
    if tokens[last_good - 1].key in WORDS.venue_nouns:
        return None  # "at the Fa'onelua Convention Centre"
    org = orgs[0][1] if orgs else event_org
    span = (tokens[start].start, tokens[last_good - 1].end)
    return FoundOccasion(name, org, span)


MULTILATERAL = "multilateral"


def _names_an_event(art: Article, org: Hit[OrgEntry]) -> bool:
    """
    "the NATO summit", "the G20 foreign ministers' meeting", "the APEC leaders' retreat": an
    organisation that names an event is where people met, not what they discussed.
    """
    tokens = art.tokens
    k = org.end
    return k < len(tokens) and (
        tokens[k].key in WORDS.occasion_lower_heads or tokens[k].key in _EVENT_WORDS
    )


# after an organisation's name, words that make it the name of a gathering
_EVENT_WORDS = frozenset({"summits", "meetings", "leaders", "foreign", "ministers", "games"})
_NOISE_HEADS = ("photo", "read also", "also read", "read more", "caption")


def _no_topic_sentences(art: Article) -> set[int]:
    """Background sentences and caption or "read also" lines (computed once per article)."""
    cached = art.cache.get("no_topic")
    if isinstance(cached, set):
        return cached
    skip: set[int] = set()
    for phrase in art.phrases:
        if phrase.entry.signal == Signal.BACKGROUND:
            skip.add(art.sentence_of(phrase.start))
    line_head = ""
    for s, (first, _) in enumerate(art.sentences):
        tok = art.tokens[first]
        if s == 0 or tok.newline_before:
            line_head = art.text[tok.start : tok.start + 12].lower()
        if line_head.startswith(_NOISE_HEADS):
            skip.add(s)
    art.cache["no_topic"] = skip
    return skip


def meeting_topics(
    art: Article, frame: Frame, region: Sequence[int], exclude: list[tuple[int, int]]
) -> dict[str, list[tuple[int, int]]]:
    """
    Topic code -> character spans, from the frame's sentences and the sentences of its region
    (from its first report to the next meeting), leaving out background sentences, captions
    and "read also" lines. An international organisation named in those sentences (other than
    as a participant's affiliation or the occasion, both in ``exclude`` as token ranges, or as
    the name of a gathering: "the NATO summit") signals the ``multilateral`` topic.
    """
    sentences = (set(region) | set(frame.sentences)) - _no_topic_sentences(art)
    found: dict[str, list[tuple[int, int]]] = {}
    multilateral = MULTILATERAL in art.book.topic_labels and art.on("topics.org_multilateral")
    excluded = {i for lo, hi in exclude for i in range(lo, hi)}
    seen: set[tuple[str, tuple[int, int]]] = set()
    for s in sorted(sentences):
        hits = list(art.topics_in.get(s, ()))
        if multilateral:
            hits.extend(
                (h.start, h.end, MULTILATERAL)
                for h in art.orgs_in.get(s, ())
                if h.entry.acronym not in WORDS.framework_orgs and not _names_an_event(art, h)
            )
        for start, end, code in sorted(hits):
            if start in excluded:
                continue
            span = (art.tokens[start].start, art.tokens[end - 1].end)
            if (code, span) not in seen:
                seen.add((code, span))
                found.setdefault(code, []).append(span)
    return found
