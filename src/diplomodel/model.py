"""
The typed domain model: frozen, validated value objects and enums.

Nothing here parses text. Every class validates its fields on construction and raises
:class:`diplomodel.errors.ValidationError` naming the class, the field and the value.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable
from typing import Any

import attrs

from diplomodel.errors import ValidationError
from diplomodel.iso import by_alpha2

__all__ = [
    "ArticleResult",
    "Country",
    "DateBasis",
    "DatePrecision",
    "Dateline",
    "Meeting",
    "MeetingDate",
    "MeetingMode",
    "Occasion",
    "Official",
    "Organization",
    "Place",
    "Role",
    "Span",
    "Topic",
    "TopicEvidence",
]


class Role(enum.StrEnum):
    """
    Normalised office of an official (the roles of the annotation guidelines).
    """

    HEAD_OF_STATE = "head_of_state"
    VICE_PRESIDENT = "vice_president"
    HEAD_OF_GOVERNMENT = "head_of_government"
    FOREIGN_MINISTER = "foreign_minister"
    DEPUTY_FOREIGN_MINISTER = "deputy_foreign_minister"
    DEFENSE_MINISTER = "defense_minister"
    MINISTER = "minister"
    AMBASSADOR = "ambassador"
    ENVOY = "envoy"
    PARLIAMENT_SPEAKER = "parliament_speaker"
    LEGISLATOR = "legislator"
    ORG_LEADER = "org_leader"
    OFFICIAL = "official"


class MeetingMode(enum.StrEnum):
    """
    How a meeting took place.
    """

    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


class DatePrecision(enum.StrEnum):
    """
    How much of a meeting date is known.
    """

    DAY = "day"
    MONTH = "month"


class DateBasis(enum.StrEnum):
    """
    Where a meeting date came from: its own words, the article's dateline, or its publication
    date.
    """

    EXPLICIT = "explicit"  # a full date in the text ("on 11 July 2023")
    RELATIVE = "relative"  # resolved against a reference date ("on Friday", "yesterday")
    DATELINE = "dateline"  # the meeting has no date words; the dateline's date is used
    PUBLISHED = "published"  # no date words, no dated dateline: the publication date is used


def _fail(owner: str, field: str, value: object, reason: str) -> ValidationError:
    return ValidationError(owner, field, value, reason)


def _check_type(owner: str, field: str, value: object, kind: type | tuple[type, ...]) -> None:
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise _fail(owner, field, value, f"expected {names}, got {type(value).__name__}")


def _nonempty_text(owner: str, field: str, value: object) -> None:
    _check_type(owner, field, value, str)
    assert isinstance(value, str)
    if not value.strip():
        raise _fail(owner, field, value, "must not be empty or blank")
    if value != value.strip():
        raise _fail(owner, field, value, "must not start or end with white space")


def _optional_text(owner: str, field: str, value: object) -> None:
    if value is not None:
        _nonempty_text(owner, field, value)


def _tuple_of(owner: str, field: str, value: object, kind: type) -> None:
    _check_type(owner, field, value, tuple)
    assert isinstance(value, tuple)
    for i, item in enumerate(value):
        if not isinstance(item, kind):
            raise _fail(
                owner, f"{field}[{i}]", item, f"expected {kind.__name__}, got {type(item).__name__}"
            )


def _enum_value(owner: str, field: str, value: object, kind: type[enum.Enum]) -> None:
    if not isinstance(value, kind):
        allowed = ", ".join(str(m.value) for m in kind)
        raise _fail(owner, field, value, f"expected a {kind.__name__} ({allowed})")


def _validator(check: Callable[[str, str, Any], None]) -> Callable[[Any, Any, Any], None]:
    """
    Adapt a ``check(owner, field, value)`` function to an attrs validator.
    """

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        check(type(instance).__name__, attribute.name, value)

    return validate


@attrs.frozen
class Span:
    """
    A half-open ``[start, end)`` range of the caller's string, with the text it covers.

    ``source[span.start:span.end] == span.text`` holds for the string the span was taken from.
    """

    start: int
    end: int
    text: str

    def __attrs_post_init__(self) -> None:
        start, end, text = self.start, self.end, self.text
        # the common, valid case in one test: parsing builds tens of spans per article
        valid_types = type(start) is int and type(end) is int and type(text) is str
        if valid_types and 0 <= start < end and len(text) == end - start:
            return
        owner = "Span"
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise _fail(owner, name, value, "expected int")
        _check_type(owner, "text", self.text, str)
        if self.start < 0:
            raise _fail(owner, "start", self.start, "must be >= 0")
        if self.end <= self.start:
            raise _fail(owner, "end", self.end, f"must be > start ({self.start})")
        if len(self.text) != self.end - self.start:
            raise _fail(
                owner, "text", self.text, f"length must equal end - start ({self.end - self.start})"
            )

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """
        The span ``[start, end)`` of ``source``; raises ValidationError if it lies outside it.
        """
        if not isinstance(start, int) or not isinstance(end, int):
            raise _fail("Span", "start", start, "expected int")
        if not 0 <= start < end <= len(source):
            raise _fail(
                "Span", "end", end, f"[{start}, {end}) lies outside a text of length {len(source)}"
            )
        return cls(start, end, source[start:end])

    def shifted(self, offset: int) -> Span:
        """
        The same span moved by ``offset`` characters.
        """
        return Span(self.start + offset, self.end + offset, self.text)


def _check_country_codes(instance: Country) -> None:
    owner = "Country"
    _check_type(owner, "alpha2", instance.alpha2, str)
    record = by_alpha2(instance.alpha2)
    if record is None:
        raise _fail(owner, "alpha2", instance.alpha2, "not an ISO 3166-1 alpha-2 code (nor XK)")
    if instance.alpha3 != record.alpha3:
        raise _fail(
            owner, "alpha3", instance.alpha3, f"must be {record.alpha3!r} for {record.alpha2}"
        )
    _nonempty_text(owner, "name", instance.name)


@attrs.frozen
class Country:
    """
    A country by its ISO 3166-1 codes (Kosovo is ``XK``/``XKX``) and its short name.

    Build one with :func:`diplomodel.countries.lookup_country` or :meth:`from_code`.
    """

    alpha2: str
    alpha3: str
    name: str

    def __attrs_post_init__(self) -> None:
        _check_country_codes(self)

    @classmethod
    def from_code(cls, code: str) -> Country:
        """
        The country with this alpha-2 or alpha-3 code (case-insensitive).

        Raises:
            ValidationError: the code is not a known ISO 3166-1 code (nor XK/XKX).
        """
        from diplomodel.countries import country_from_code

        return country_from_code(code)


_ACRONYM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&.\-+ ]{0,15}$")


@attrs.frozen
class Organization:
    """
    An international organisation, identified by its acronym (``UN``, ``EU``, ``OSCE``, ...).
    """

    acronym: str
    name: str

    def __attrs_post_init__(self) -> None:
        _nonempty_text("Organization", "acronym", self.acronym)
        if not _ACRONYM.match(self.acronym):
            raise _fail("Organization", "acronym", self.acronym, "must be a short acronym")
        _nonempty_text("Organization", "name", self.name)


_TOPIC_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@attrs.frozen
class Topic:
    """
    A subject discussed at a meeting: a snake_case code and a human label.

    The default codes are those of the annotation guidelines; rulebooks may add others.
    """

    code: str
    label: str

    def __attrs_post_init__(self) -> None:
        _check_type("Topic", "code", self.code, str)
        if not _TOPIC_CODE.match(self.code):
            raise _fail("Topic", "code", self.code, "must be snake_case: [a-z][a-z0-9_]*")
        _nonempty_text("Topic", "label", self.label)


# The hash is cached because one official (with all its mention spans) is hashed once per
# meeting it takes part in, and an article can hold hundreds of meetings among the same people.
@attrs.frozen(cache_hash=True)
class Official:
    """
    A person acting for a country or an international organisation.

    ``name`` is the fullest form in the article (None when the article names only the office);
    ``title`` is the office as written; exactly one of ``country`` and ``org`` is set.
    ``mentions`` are the spans of every mention merged into this official.
    """

    name: str | None
    role: Role = attrs.field(validator=_validator(lambda o, f, v: _enum_value(o, f, v, Role)))
    title: str | None = attrs.field(default=None, validator=_validator(_optional_text))
    country: Country | None = None
    org: Organization | None = None
    mentions: tuple[Span, ...] = attrs.field(
        default=(), validator=_validator(lambda o, f, v: _tuple_of(o, f, v, Span))
    )

    def __attrs_post_init__(self) -> None:
        _optional_text("Official", "name", self.name)
        if self.country is not None:
            _check_type("Official", "country", self.country, Country)
        if self.org is not None:
            _check_type("Official", "org", self.org, Organization)
        if (self.country is None) == (self.org is None):
            raise _fail(
                "Official", "country", self.country, "exactly one of country and org must be set"
            )

    @property
    def side(self) -> str:
        """
        The code of the party this official acts for: a country's alpha-2 or an org's acronym.
        """
        if self.country is not None:
            return self.country.alpha2
        assert self.org is not None
        return self.org.acronym


@attrs.frozen
class Place:
    """
    Where a meeting happened: a city or venue town (``name``, None if only the country is known).
    """

    name: str | None
    country: Country
    span: Span | None = None

    def __attrs_post_init__(self) -> None:
        _optional_text("Place", "name", self.name)
        _check_type("Place", "country", self.country, Country)
        if self.span is not None:
            _check_type("Place", "span", self.span, Span)


@attrs.frozen
class Occasion:
    """
    The named event during which a meeting took place, and the organisation behind it.
    """

    name: str
    org: Organization | None = None
    span: Span | None = None

    def __attrs_post_init__(self) -> None:
        _nonempty_text("Occasion", "name", self.name)
        if self.org is not None:
            _check_type("Occasion", "org", self.org, Organization)
        if self.span is not None:
            _check_type("Occasion", "span", self.span, Span)


@attrs.frozen
class MeetingDate:
    """
    The date of a meeting with its precision (a month-precision date has ``day`` 1).
    """

    value: dt.date
    precision: DatePrecision = DatePrecision.DAY
    basis: DateBasis = DateBasis.EXPLICIT
    span: Span | None = None

    def __attrs_post_init__(self) -> None:
        owner = "MeetingDate"
        if not isinstance(self.value, dt.date) or isinstance(self.value, dt.datetime):
            raise _fail(owner, "value", self.value, "expected datetime.date")
        _enum_value(owner, "precision", self.precision, DatePrecision)
        _enum_value(owner, "basis", self.basis, DateBasis)
        if self.precision is DatePrecision.MONTH and self.value.day != 1:
            raise _fail(owner, "value", self.value, "a month-precision date must have day 1")
        if self.span is not None:
            _check_type(owner, "span", self.span, Span)

    @property
    def iso(self) -> str:
        """
        ``YYYY-MM-DD``, or ``YYYY-MM`` for month precision (the guidelines' form).
        """
        if self.precision is DatePrecision.MONTH:
            return self.value.isoformat()[:7]
        return self.value.isoformat()


@attrs.frozen
class TopicEvidence:
    """
    The spans of the text that made a topic part of a meeting.
    """

    code: str
    spans: tuple[Span, ...]

    def __attrs_post_init__(self) -> None:
        _check_type("TopicEvidence", "code", self.code, str)
        _tuple_of("TopicEvidence", "spans", self.spans, Span)


@attrs.frozen
class Meeting:
    """
    A meeting the article reports as having taken place between at least two sides.

    ``triggers`` are the spans of the phrases that report it ("met with", "held a phone call");
    ``topic_evidence`` holds, for each topic, the spans that triggered it.
    """

    participants: tuple[Official, ...]
    mode: MeetingMode = MeetingMode.IN_PERSON
    date: MeetingDate | None = None
    place: Place | None = None
    occasion: Occasion | None = None
    topics: tuple[Topic, ...] = ()
    triggers: tuple[Span, ...] = ()
    topic_evidence: tuple[TopicEvidence, ...] = ()

    def __attrs_post_init__(self) -> None:
        owner = "Meeting"
        _tuple_of(owner, "participants", self.participants, Official)
        _enum_value(owner, "mode", self.mode, MeetingMode)
        if self.date is not None:
            _check_type(owner, "date", self.date, MeetingDate)
        if self.place is not None:
            _check_type(owner, "place", self.place, Place)
            if self.mode is not MeetingMode.IN_PERSON:
                raise _fail(owner, "place", self.place, f"a {self.mode.value} meeting has no place")
        if self.occasion is not None:
            _check_type(owner, "occasion", self.occasion, Occasion)
        _tuple_of(owner, "topics", self.topics, Topic)
        _tuple_of(owner, "triggers", self.triggers, Span)
        _tuple_of(owner, "topic_evidence", self.topic_evidence, TopicEvidence)
        sides = {p.side for p in self.participants}
        if len(sides) < 2:
            raise _fail(
                owner,
                "participants",
                tuple(p.name for p in self.participants),
                "a meeting needs participants of at least two different sides",
            )
        codes = [t.code for t in self.topics]
        if len(set(codes)) != len(codes):
            raise _fail(owner, "topics", tuple(codes), "duplicate topic codes")
        evidence_codes = [e.code for e in self.topic_evidence]
        if len(set(evidence_codes)) != len(evidence_codes):
            raise _fail(owner, "topic_evidence", tuple(evidence_codes), "duplicate topic codes")

    def spans(self) -> tuple[Span, ...]:
        """
        Every span held anywhere in this meeting.
        """
        found: list[Span] = list(self.triggers)
        for p in self.participants:
            found.extend(p.mentions)
        for extra in (self.date, self.place, self.occasion):
            if extra is not None and extra.span is not None:
                found.append(extra.span)
        for ev in self.topic_evidence:
            found.extend(ev.spans)
        return tuple(found)


@attrs.frozen
class Dateline:
    """
    The dateline that opens a news article ("Lodz, 1 December 2022 (TDI):").
    """

    span: Span
    place_name: str | None = None
    date: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        _check_type("Dateline", "span", self.span, Span)
        _optional_text("Dateline", "place_name", self.place_name)
        if self.date is not None and (
            not isinstance(self.date, dt.date) or isinstance(self.date, dt.datetime)
        ):
            raise _fail("Dateline", "date", self.date, "expected datetime.date")


@attrs.frozen
class ArticleResult:
    """
    What diplomodel found in one article: its meetings and every official it identified.

    ``length`` is the length of the parsed text; every span lies inside it.
    """

    length: int
    meetings: tuple[Meeting, ...] = ()
    officials: tuple[Official, ...] = ()
    published: dt.date | None = None
    dateline: Dateline | None = None

    def __attrs_post_init__(self) -> None:
        owner = "ArticleResult"
        if not isinstance(self.length, int) or isinstance(self.length, bool) or self.length < 0:
            raise _fail(owner, "length", self.length, "expected an int >= 0")
        _tuple_of(owner, "meetings", self.meetings, Meeting)
        _tuple_of(owner, "officials", self.officials, Official)
        if self.published is not None and (
            not isinstance(self.published, dt.date) or isinstance(self.published, dt.datetime)
        ):
            raise _fail(owner, "published", self.published, "expected datetime.date")
        if self.dateline is not None:
            _check_type(owner, "dateline", self.dateline, Dateline)
        for span in self.spans():
            if span.end > self.length:
                raise _fail(owner, "length", self.length, f"span {span!r} lies outside the text")

    def spans(self) -> tuple[Span, ...]:
        """
        Every span in the result.
        """
        found: list[Span] = []
        for m in self.meetings:
            found.extend(m.spans())
        for o in self.officials:
            found.extend(o.mentions)
        if self.dateline is not None:
            found.append(self.dateline.span)
        return tuple(found)

    def to_dict(self) -> dict[str, Any]:
        """
        The JSON form (field names of the annotation guidelines, plus evidence spans).
        """
        from diplomodel.serialize import to_dict

        data: dict[str, Any] = to_dict(self)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleResult:
        """
        Rebuild a result from :meth:`to_dict` output; raises ValidationError on bad data.
        """
        from diplomodel.serialize import from_dict

        return from_dict(cls, data)
