"""
The model: a lossless JSON round trip for every class, rejection of invalid values, and the
algebra of rulebooks (adding entries in two steps or in one gives the same rulebook, and the
same parse).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from _support import assert_valid_json
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomodel import render
from diplomodel import strategies as dst
from diplomodel.engine import Parser
from diplomodel.errors import ValidationError
from diplomodel.iso import by_alpha2, by_alpha3
from diplomodel.model import (
    ArticleResult,
    Country,
    Dateline,
    DatePrecision,
    Meeting,
    MeetingDate,
    Occasion,
    Official,
    Organization,
    Place,
    Role,
    Span,
    Topic,
    TopicEvidence,
)
from diplomodel.rules import (
    CountryName,
    EventName,
    MeetingPhrase,
    Rulebook,
    TitleEntry,
    default_rulebook,
)
from diplomodel.serialize import from_dict, to_dict

CLASSES = [
    Country,
    Organization,
    Official,
    Place,
    Occasion,
    Topic,
    MeetingDate,
    Meeting,
    # ArticleResult: test_results_and_all_their_parts_round_trip draws the same strategy.
    Span,
    TopicEvidence,
    Dateline,
]


def round_trip(kind: type[Any], value: Any) -> Any:
    """to_dict -> JSON text -> from_dict."""
    return from_dict(kind, json.loads(json.dumps(to_dict(value), ensure_ascii=False)))


@pytest.mark.parametrize("kind", CLASSES, ids=lambda k: k.__name__)
@given(data=st.data())
def test_every_class_round_trips_through_json(kind: type[Any], data: Any) -> None:
    """st.from_type (the registered strategies) -> JSON -> the same value."""
    value = data.draw(st.from_type(kind))
    assert isinstance(value, kind)
    assert round_trip(kind, value) == value


@given(dst.article_results())
def test_results_and_all_their_parts_round_trip(result: ArticleResult) -> None:
    """A result with spans everywhere, and each part of it, round-trips; its JSON validates."""
    assert round_trip(ArticleResult, result) == result
    assert ArticleResult.from_dict(result.to_dict()) == result
    assert_valid_json(result)
    for m in result.meetings:
        assert round_trip(Meeting, m) == m
        for part, kind in ((m.date, MeetingDate), (m.place, Place), (m.occasion, Occasion)):
            if part is not None:
                assert round_trip(kind, part) == part
        for evidence in m.topic_evidence:
            assert round_trip(TopicEvidence, evidence) == evidence
    for o in result.officials:
        assert round_trip(Official, o) == o
    if result.dateline is not None:
        assert round_trip(Dateline, result.dateline) == result.dateline


names = st.text(min_size=1, max_size=30).map(str.strip).filter(bool)
acronyms = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9&.\-+ ]{0,10}[A-Za-z0-9]", fullmatch=True)


@given(dst.countries(), names, acronyms, names)
def test_names_as_given_round_trip(
    country: Country, country_name: str, acronym: str, org_name: str
) -> None:
    """Countries and organisations keep the names they were given, wherever they appear."""
    custom = Country(country.alpha2, country.alpha3, country_name)
    org = Organization(acronym, org_name)
    assert round_trip(Country, custom) == custom
    assert round_trip(Organization, org) == org
    place = Place(None, custom)
    assert round_trip(Place, place) == place
    for official in (
        Official("Arvid Kelmoran", Role.MINISTER, country=custom),
        Official("Arvid Kelmoran", Role.ORG_LEADER, org=org),
    ):
        assert round_trip(Official, official) == official


# ----------------------------------------------------------------------------------------------
# Invalid values are rejected with ValidationError


def _unknown(code: str) -> bool:
    upper = code.strip().upper()
    return by_alpha2(upper) is None and by_alpha3(upper) is None


@given(st.text(max_size=4).filter(_unknown))
def test_unknown_country_codes_are_rejected(code: str) -> None:
    """An unknown code is no Country: directly, through from_code, or in JSON."""
    with pytest.raises(ValidationError):
        Country(code, "XXX", "Nowhere")
    with pytest.raises(ValidationError):
        Country.from_code(code)
    data = to_dict(Official("Arvid Kelmoran", Role.MINISTER, country=Country.from_code("TR")))
    data["country"] = code
    if code:  # an empty code means "no country" in JSON: then there is no side at all
        with pytest.raises(ValidationError):
            from_dict(Official, data)


blank = st.text(alphabet=" \t\n\u00a0\u2003", max_size=5)


@given(dst.officials(), blank)
def test_empty_names_and_titles_are_rejected(official: Official, text: str) -> None:
    """Blank names and titles, and one without its side, are rejected."""
    with pytest.raises(ValidationError):
        attrs.evolve(official, name=text)
    with pytest.raises(ValidationError):
        attrs.evolve(official, title=text)
    with pytest.raises(ValidationError):
        attrs.evolve(official, country=None, org=None)


@given(dst.meetings(min_participants=2, max_participants=2))
def test_a_meeting_needs_two_sides(meeting: Meeting) -> None:
    """A meeting whose participants are all of one side is rejected."""
    first = meeting.participants[0]
    twin = attrs.evolve(meeting.participants[1], country=first.country, org=first.org)
    with pytest.raises(ValidationError):
        attrs.evolve(meeting, participants=(first, twin))
    with pytest.raises(ValidationError):
        attrs.evolve(meeting, participants=(first,))


@given(st.dates(), st.integers(min_value=-5, max_value=5), st.text(max_size=8))
def test_bad_dates_and_spans_are_rejected(day: dt.date, shift: int, text: str) -> None:
    """A month-precision date not on day 1, a datetime, an empty or inconsistent span."""
    if day.day != 1:
        with pytest.raises(ValidationError):
            MeetingDate(day, DatePrecision.MONTH)
    with pytest.raises(ValidationError):
        MeetingDate(dt.datetime(day.year, day.month, day.day))  # type: ignore[arg-type]
    start = abs(shift)
    with pytest.raises(ValidationError):
        Span(start, start - (shift % 3), text)  # end <= start
    if len(text) != 1:
        with pytest.raises(ValidationError):
            Span(start, start + 1, text)  # text longer or shorter than the span


@settings(max_examples=150)  # each example draws a whole result with spans
@given(dst.article_results(), st.sampled_from(["country", "role", "mode", "start", "length"]))
def test_corrupt_json_is_rejected(result: ArticleResult, field: str) -> None:
    """from_dict names bad data with ValidationError, never a KeyError or TypeError."""
    data = result.to_dict()
    if field == "length":
        data["length"] = -1
    elif not data["meetings"]:
        data["meetings"] = "not a list"
    else:
        meeting = data["meetings"][0]
        if field == "country":
            meeting["participants"][0].update(country="ZZ", org=None)
        elif field == "role":
            meeting["participants"][0]["role"] = "king"
        elif field == "mode":
            meeting["mode"] = "telepathy"
        else:
            meeting["evidence"]["triggers"] = [{"start": 5, "end": 2, "text": "x"}]
    with pytest.raises(ValidationError):
        ArticleResult.from_dict(data)


# ----------------------------------------------------------------------------------------------
# Rulebook algebra

title_words = st.sampled_from(render.surnames()[:400])
roles = st.sampled_from(list(Role))


@st.composite
def title_entries(draw: st.DrawFn) -> TitleEntry:
    """A new title ("Grand Kelran", "Kelran Velnor Minister") for some role."""
    words = draw(st.lists(title_words, min_size=1, max_size=2, unique=True))
    head = draw(st.sampled_from(["Grand", "Chief", "High", ""]))
    return TitleEntry(" ".join([w for w in [head, *words] if w]), draw(roles))


@given(st.lists(title_entries(), max_size=3), st.lists(title_entries(), max_size=3))
def test_adding_in_two_steps_equals_adding_at_once(
    first: list[TitleEntry], second: list[TitleEntry]
) -> None:
    """with_x(a).with_x(b) == with_x(a, b) for titles, countries, phrases and events."""
    book = default_rulebook()
    assert book.with_titles(*first).with_titles(*second) == book.with_titles(*first, *second)
    assert book.with_titles().with_titles() == book
    countries = [CountryName(t.term, "TR") for t in first]
    more = [CountryName(t.term, "AZ", "demonym") for t in second]
    assert book.with_countries(*countries).with_countries(*more) == book.with_countries(
        *countries, *more
    )
    phrases = [MeetingPhrase(t.term.lower()) for t in first]
    assert book.with_meeting_phrases(*phrases[:1]).with_meeting_phrases(
        *phrases[1:]
    ) == book.with_meeting_phrases(*phrases)
    events = [EventName(t.term) for t in second]
    assert book.with_events(*events[:1]).with_events(*events[1:]) == book.with_events(*events)
    small = Rulebook()
    assert small.with_topic("trade", label="Trade", terms=["a"]).with_topic(
        "trade", label="Trade", terms=["b"]
    ) == small.with_topic("trade", label="Trade", terms=["a", "b"])


# Each example compiles two parsers; without the gazetteer that takes a tenth of a second.
@settings(max_examples=10)
@given(
    title_entries(), title_entries(), roles, st.booleans(), dst.rendered_articles(max_meetings=2)
)
def test_both_rulebooks_parse_alike(
    a: TitleEntry, b: TitleEntry, role: Role, same_term: bool, article: render.RenderedArticle
) -> None:
    """The rulebook built in two steps parses exactly like the one built at once (also when
    the second step redefines a title of the first: the later entry wins in both)."""
    if same_term:
        b = TitleEntry(a.term, role)
    book = attrs.evolve(default_rulebook(), use_gazetteer=False)
    stepwise = Parser(book.with_titles(a).with_titles(b))
    at_once = Parser(book.with_titles(a, b))
    text = (
        # no date words: a fixed date could be history for the article's reference date
        f"Turkish {a.term} Arvid Kelmoran met Azerbaijani {b.term} Sevrin Velindor."
        f"\n\n{article.text}"
    )
    left = stepwise.parse(text, published=article.published)
    right = at_once.parse(text, published=article.published)
    assert left.to_dict() == right.to_dict()
    first = left.meetings[0]
    assert {p.name for p in first.participants} == {"Arvid Kelmoran", "Sevrin Velindor"}
    if same_term:
        assert {p.role for p in first.participants} == {role}
