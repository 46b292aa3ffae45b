"""
Helpers shared by the property tests: the guidelines' view of a meeting, output invariants and
the JSON Schema check.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

import diplomodel
from diplomodel.evaluation import evaluate
from diplomodel.iso import by_alpha2
from diplomodel.model import ArticleResult, DateBasis, DatePrecision, Meeting
from diplomodel.rules import default_rulebook
from diplomodel.serialize import to_dict

# Characters that spell the same text: curly and straight apostrophes and quotes, and the
# spaces a parser must treat as spaces.
_SAME = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u202f": " "}
)


def norm(text: str | None) -> str | None:
    """A name as the guidelines compare it: NFC, straight quotes, single spaces."""
    if text is None:
        return None
    return " ".join(unicodedata.normalize("NFC", text).translate(_SAME).split())


def _place_key(name: str | None) -> str | None:
    # Datelines write cities in capitals ("NEW DELHI"); case is not part of a place's identity.
    value = norm(name)
    return value.casefold() if value is not None else None


Guideline = tuple[Any, ...]


def guideline(m: Meeting) -> Guideline:
    """
    The fields of the annotation guidelines: participants (name, side, role) as a set, date,
    place, mode, occasion, occasion organisation and topics.
    """
    return (
        frozenset((norm(p.name), p.side, p.role.value) for p in m.participants),
        m.date.iso if m.date else None,
        (_place_key(m.place.name), m.place.country.alpha2) if m.place else None,
        m.mode.value,
        norm(m.occasion.name).casefold() if m.occasion and m.occasion.name else None,
        m.occasion.org.acronym if m.occasion and m.occasion.org else None,
        frozenset(t.code for t in m.topics),
    )


def guidelines(meetings: Iterable[Meeting]) -> collections.Counter[Guideline]:
    """The guideline views of meetings, as a multiset (the order of meetings does not count)."""
    return collections.Counter(guideline(m) for m in meetings)


def describe(meetings: Iterable[Meeting]) -> str:
    """One line per meeting, for assertion messages."""
    lines = []
    for m in meetings:
        people, date, place, mode, occasion, org, topics = guideline(m)
        lines.append(
            f"  {sorted(people, key=str)} date={date} place={place} mode={mode} "
            f"occasion={occasion}/{org} topics={sorted(topics)}"
        )
    return "\n".join(lines) or "  (none)"


def evaluation_problems(expected: Sequence[Meeting], result: ArticleResult) -> list[str]:
    """The evaluator's list of disagreements (diplomodel.evaluation)."""
    gold = [{"id": "a", "meetings": [to_dict(m) for m in expected]}]
    predicted = [{"id": "a", "meetings": result.to_dict()["meetings"]}]
    return list(evaluate(gold, predicted).articles[0].problems)


def assert_reports(text: str, expected: Sequence[Meeting], published: dt.date | None) -> None:
    """Parsing ``text`` gives exactly ``expected`` in the guidelines' fields."""
    result = diplomodel.parse(text, published=published)
    problems = evaluation_problems(expected, result)
    got, want = guidelines(result.meetings), guidelines(expected)
    assert not problems and got == want, (
        f"\n{text}\n\npublished={published}\nexpected:\n{describe(expected)}\n"
        f"parsed:\n{describe(result.meetings)}\nevaluator: {problems}"
    )


@cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads((files("diplomodel") / "data" / "result.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid_json(result: ArticleResult) -> None:
    """to_dict() validates against the shipped JSON Schema and survives json.dumps."""
    data = result.to_dict()
    json.loads(json.dumps(data, ensure_ascii=False))
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


@cache
def _topic_codes() -> frozenset[str]:
    return frozenset(t.code for t in default_rulebook().topics)


@cache
def _org_acronyms() -> frozenset[str]:
    return frozenset(o.acronym for o in default_rulebook().organizations)


def assert_invariants(text: str, result: ArticleResult) -> None:
    """
    What holds for any output: every span slices the input to its text; dates are valid (a
    month-precision date has day 1, a dateline-based date is the dateline's); codes are valid
    (ISO countries, known organisations and topics); no participant twice; every meeting has
    participants of at least two sides; no name of a person, place or occasion spans a line.
    """
    assert result.length == len(text)
    for span in result.spans():
        assert 0 <= span.start < span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span
    if result.dateline is not None and result.dateline.date is not None:
        assert 1900 <= result.dateline.date.year <= 2100
    officials = list(result.officials)
    for m in result.meetings:
        officials.extend(m.participants)
        sides = {p.side for p in m.participants}
        assert len(sides) >= 2, f"a meeting with one side: {sides}"
        keys = [(norm(p.name), p.side, p.role) for p in m.participants]
        assert len(keys) == len(set(keys)), f"a participant twice: {keys}"
        named = [norm(p.name) for p in m.participants if p.name is not None]
        assert len(named) == len(set(named)), f"a name twice: {named}"
        if m.date is not None:
            assert 1900 <= m.date.value.year <= 2100, m.date
            if m.date.precision is DatePrecision.MONTH:
                assert m.date.value.day == 1, m.date
            if m.date.basis is DateBasis.DATELINE:
                assert result.dateline is not None and result.dateline.date == m.date.value
        if m.place is not None:
            assert by_alpha2(m.place.country.alpha2) is not None
            assert m.place.name is None or _one_line(m.place.name), m.place
        if m.occasion is not None:
            assert _one_line(m.occasion.name), m.occasion
        if m.occasion is not None and m.occasion.org is not None:
            assert m.occasion.org.acronym in _org_acronyms(), m.occasion
        for t in m.topics:
            assert t.code in _topic_codes(), t
        assert [e.code for e in m.topic_evidence] == [t.code for t in m.topics]
    for o in officials:
        if o.country is not None:
            record = by_alpha2(o.country.alpha2)
            assert record is not None and record.alpha3 == o.country.alpha3, o.country
        if o.org is not None:
            assert o.org.acronym in _org_acronyms(), o.org
        if o.name is not None:
            assert o.name == o.name.strip() and o.name, o
            assert _one_line(o.name), o


def _one_line(name: str) -> bool:
    """A name never spans a line break."""
    return len(name.splitlines()) == 1


def official(name: str | None, side: str, role: str, title: str | None) -> diplomodel.Official:
    """An official of a country (two-letter side) or an organisation (longer side)."""
    from diplomodel.countries import country_from_code
    from diplomodel.render import organization

    if len(side) == 2 and side.isupper():
        return diplomodel.Official(name, diplomodel.Role(role), title, country_from_code(side))
    return diplomodel.Official(name, diplomodel.Role(role), title, org=organization(side))


def meeting(
    *participants: diplomodel.Official,
    date: str | None = None,
    place: tuple[str | None, str] | None = None,
    mode: str = "in_person",
    occasion: tuple[str, str | None] | None = None,
    topics: Sequence[str] = (),
) -> Meeting:
    """A meeting written compactly (for examples and regressions)."""
    from diplomodel.countries import country_from_code
    from diplomodel.render import organization, topic

    value = None
    if date is not None:
        if len(date) == 7:
            value = diplomodel.MeetingDate(
                dt.date.fromisoformat(date + "-01"), DatePrecision.MONTH, DateBasis.RELATIVE
            )
        else:
            value = diplomodel.MeetingDate(dt.date.fromisoformat(date))
    event = None
    if occasion is not None:
        event = diplomodel.Occasion(occasion[0], organization(occasion[1]) if occasion[1] else None)
    return Meeting(
        participants=participants,
        mode=diplomodel.MeetingMode(mode),
        date=value,
        place=diplomodel.Place(place[0], country_from_code(place[1])) if place else None,
        occasion=event,
        topics=tuple(topic(t) for t in topics),
    )
