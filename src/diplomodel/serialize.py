"""
The JSON form of every model class, and its lossless inverse.

A meeting's JSON uses the field names of the annotation guidelines (``participants[].name``,
``.country``, ``.org``, ``.role``, ``date``, ``place.name``, ``place.country``, ``mode``,
``occasion``, ``occasion_org``, ``topics``) so that predictions and annotations compare
directly; richer fields sit beside them. Every JSON object with integer ``start`` and ``end``
is a span ``{"start", "end", "text"}``. ``from_dict(cls, to_dict(x)) == x`` for every class.
The JSON Schema of an article result ships as ``diplomodel/data/result.schema.json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from diplomodel.countries import country_from_code
from diplomodel.errors import ValidationError
from diplomodel.model import (
    ArticleResult,
    Country,
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

__all__ = ["SCHEMA_VERSION", "from_dict", "to_dict"]

SCHEMA_VERSION = "1"

T = TypeVar("T")


def _span(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def _official(o: Official) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": o.name,
        "country": o.country.alpha2 if o.country else None,
        "org": o.org.acronym if o.org else None,
        "role": o.role.value,
        "title": o.title,
        "mentions": [_span(s) for s in o.mentions],
    }
    if o.country is not None:
        out["country_name"] = o.country.name
    if o.org is not None:
        out["org_name"] = o.org.name
    return out


def _meeting(m: Meeting) -> dict[str, Any]:
    return {
        "participants": [_official(p) for p in m.participants],
        "date": m.date.iso if m.date else None,
        "place": {
            "name": m.place.name,
            "country": m.place.country.alpha2,
            "country_name": m.place.country.name,
        }
        if m.place
        else None,
        "mode": m.mode.value,
        "occasion": m.occasion.name if m.occasion else None,
        "occasion_org": m.occasion.org.acronym if m.occasion and m.occasion.org else None,
        "topics": [t.code for t in m.topics],
        "date_precision": m.date.precision.value if m.date else None,
        "date_basis": m.date.basis.value if m.date else None,
        "occasion_org_name": m.occasion.org.name if m.occasion and m.occasion.org else None,
        "topic_labels": {t.code: t.label for t in m.topics},
        "evidence": {
            "triggers": [_span(s) for s in m.triggers],
            "date": _span(m.date.span) if m.date else None,
            "place": _span(m.place.span) if m.place else None,
            "occasion": _span(m.occasion.span) if m.occasion else None,
            "topics": {ev.code: [_span(s) for s in ev.spans] for ev in m.topic_evidence},
        },
    }


def _dateline(d: Dateline) -> dict[str, Any]:
    return {
        "span": _span(d.span),
        "place_name": d.place_name,
        "date": d.date.isoformat() if d.date else None,
    }


def _result(r: ArticleResult) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "length": r.length,
        "published": r.published.isoformat() if r.published else None,
        "dateline": _dateline(r.dateline) if r.dateline else None,
        "meetings": [_meeting(m) for m in r.meetings],
        "officials": [_official(o) for o in r.officials],
    }


_WRITERS: dict[type, Callable[[Any], Any]] = {
    Span: _span,
    Country: lambda c: {"alpha2": c.alpha2, "alpha3": c.alpha3, "name": c.name},
    Organization: lambda o: {"acronym": o.acronym, "name": o.name},
    Topic: lambda t: {"code": t.code, "label": t.label},
    TopicEvidence: lambda e: {"code": e.code, "spans": [_span(s) for s in e.spans]},
    Official: _official,
    Place: lambda p: {
        "name": p.name,
        "country": p.country.alpha2,
        "country_name": p.country.name,
        "span": _span(p.span),
    },
    Occasion: lambda o: {
        "name": o.name,
        "org": o.org.acronym if o.org else None,
        "org_name": o.org.name if o.org else None,
        "span": _span(o.span),
    },
    MeetingDate: lambda d: {
        "date": d.iso,
        "precision": d.precision.value,
        "basis": d.basis.value,
        "span": _span(d.span),
    },
    Meeting: _meeting,
    Dateline: _dateline,
    ArticleResult: _result,
}


def to_dict(obj: object) -> Any:
    """
    The JSON-ready form of any model object.

    Raises:
        TypeError: ``obj`` is not a diplomodel model object.
    """
    writer = _WRITERS.get(type(obj))
    if writer is None:
        raise TypeError(f"not a diplomodel model object: {type(obj).__name__}")
    return writer(obj)


# --- reading -------------------------------------------------------------------------------


def _get(data: Mapping[str, Any], owner: str, key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(data, Mapping):
        raise ValidationError(owner, "(object)", data, "expected a JSON object")
    if key not in data:
        raise ValidationError(owner, key, None, "missing")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise ValidationError(owner, key, value, "wrong type")
    return value


def _opt(data: Mapping[str, Any], owner: str, key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(data, Mapping):
        raise ValidationError(owner, "(object)", data, "expected a JSON object")
    value = data.get(key)
    if value is not None and not isinstance(value, kind):
        raise ValidationError(owner, key, value, "wrong type")
    return value


def _read_span(data: Any) -> Span | None:
    if data is None:
        return None
    return Span(
        _get(data, "Span", "start", int),
        _get(data, "Span", "end", int),
        _get(data, "Span", "text", str),
    )


def _spans(items: Any, owner: str, key: str) -> tuple[Span, ...]:
    if not isinstance(items, list):
        raise ValidationError(owner, key, items, "expected a list")
    spans = tuple(_read_span(s) for s in items)
    return tuple(s for s in spans if s is not None)


def _enum(kind: Callable[[str], T], value: Any, owner: str, key: str) -> T:
    try:
        return kind(value)
    except ValueError:
        raise ValidationError(owner, key, value, "not an allowed value") from None


def _date(value: Any, owner: str, key: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationError(owner, key, value, "not an ISO date") from None


def _read_country(data: Any, owner: str) -> Country:
    canonical = country_from_code(_get(data, owner, "country", str))
    name = _opt(data, owner, "country_name", str) or canonical.name
    return Country(canonical.alpha2, canonical.alpha3, name)


def _read_official(data: Any) -> Official:
    owner = "Official"
    cc = _opt(data, owner, "country", str)
    country = None
    if cc:
        canonical = country_from_code(cc)
        name = _opt(data, owner, "country_name", str) or canonical.name
        country = Country(canonical.alpha2, canonical.alpha3, name)
    acronym = _opt(data, owner, "org", str)
    org = Organization(acronym, _opt(data, owner, "org_name", str) or acronym) if acronym else None
    return Official(
        name=_opt(data, owner, "name", str),
        role=_enum(Role, _get(data, owner, "role", str), owner, "role"),
        title=_opt(data, owner, "title", str),
        country=country,
        org=org,
        mentions=_spans(data.get("mentions", []), owner, "mentions"),
    )


def _read_meeting(data: Any) -> Meeting:
    owner = "Meeting"
    evidence = _opt(data, owner, "evidence", dict) or {}
    date_text = _opt(data, owner, "date", str)
    date = None
    if date_text is not None:
        precision = _enum(
            # "2022-11" in annotations means month precision even without date_precision
            DatePrecision,
            data.get("date_precision") or ("month" if len(date_text) == 7 else "day"),
            owner,
            "date_precision",
        )
        value = _date(
            date_text + "-01" if precision is DatePrecision.MONTH else date_text, owner, "date"
        )
        basis = _enum(DateBasis, data.get("date_basis") or "explicit", owner, "date_basis")
        date = MeetingDate(value, precision, basis, _read_span(evidence.get("date")))
    place_data = _opt(data, owner, "place", dict)
    place = None
    if place_data is not None:
        place = Place(
            _opt(place_data, "Place", "name", str),
            _read_country(place_data, "Place"),
            _read_span(evidence.get("place")),
        )
    occasion = None
    occasion_name = _opt(data, owner, "occasion", str)
    if occasion_name is not None:
        acronym = _opt(data, owner, "occasion_org", str)
        org_name = _opt(data, owner, "occasion_org_name", str)
        org = Organization(acronym, org_name or acronym) if acronym else None
        occasion = Occasion(occasion_name, org, _read_span(evidence.get("occasion")))
    labels = _opt(data, owner, "topic_labels", dict) or {}
    codes = _get(data, owner, "topics", list)
    topics = tuple(Topic(code, labels.get(code) or code) for code in codes)
    topic_spans = evidence.get("topics") or {}
    if not isinstance(topic_spans, dict):
        raise ValidationError(owner, "evidence.topics", topic_spans, "expected an object")
    participants = _get(data, owner, "participants", list)
    return Meeting(
        participants=tuple(_read_official(p) for p in participants),
        mode=_enum(MeetingMode, _get(data, owner, "mode", str), owner, "mode"),
        date=date,
        place=place,
        occasion=occasion,
        topics=topics,
        triggers=_spans(evidence.get("triggers", []), owner, "evidence.triggers"),
        topic_evidence=tuple(
            TopicEvidence(code, _spans(spans, owner, f"evidence.topics.{code}"))
            for code, spans in topic_spans.items()
        ),
    )


def _read_dateline(data: Any) -> Dateline:
    span = _read_span(_get(data, "Dateline", "span", dict))
    assert span is not None
    date = _opt(data, "Dateline", "date", str)
    return Dateline(
        span,
        _opt(data, "Dateline", "place_name", str),
        _date(date, "Dateline", "date") if date else None,
    )


def _read_result(data: Any) -> ArticleResult:
    owner = "ArticleResult"
    version = _opt(data, owner, "schema_version", str)
    if version not in (None, SCHEMA_VERSION):
        raise ValidationError(
            owner, "schema_version", version, f"this library reads version {SCHEMA_VERSION!r}"
        )
    published = _opt(data, owner, "published", str)
    dateline = _opt(data, owner, "dateline", dict)
    return ArticleResult(
        length=_get(data, owner, "length", int),
        meetings=tuple(_read_meeting(m) for m in _get(data, owner, "meetings", list)),
        officials=tuple(_read_official(o) for o in data.get("officials", [])),
        published=_date(published, owner, "published") if published else None,
        dateline=_read_dateline(dateline) if dateline else None,
    )


def _read_occasion(data: Any) -> Occasion:
    acronym = _opt(data, "Occasion", "org", str)
    org_name = _opt(data, "Occasion", "org_name", str)
    return Occasion(
        _get(data, "Occasion", "name", str),
        Organization(acronym, org_name or acronym) if acronym else None,
        _read_span(data.get("span")),
    )


def _read_meeting_date(data: Any) -> MeetingDate:
    owner = "MeetingDate"
    precision = _enum(DatePrecision, _get(data, owner, "precision", str), owner, "precision")
    text = _get(data, owner, "date", str)
    value = _date(text + "-01" if precision is DatePrecision.MONTH else text, owner, "date")
    return MeetingDate(
        value,
        precision,
        _enum(DateBasis, _get(data, owner, "basis", str), owner, "basis"),
        _read_span(data.get("span")),
    )


_READERS: dict[type, Callable[[Any], Any]] = {
    Span: _read_span,
    Country: lambda d: Country(
        _get(d, "Country", "alpha2", str),
        _get(d, "Country", "alpha3", str),
        _get(d, "Country", "name", str),
    ),
    Organization: lambda d: Organization(
        _get(d, "Organization", "acronym", str), _get(d, "Organization", "name", str)
    ),
    Topic: lambda d: Topic(_get(d, "Topic", "code", str), _get(d, "Topic", "label", str)),
    TopicEvidence: lambda d: TopicEvidence(
        _get(d, "TopicEvidence", "code", str), _spans(d.get("spans", []), "TopicEvidence", "spans")
    ),
    Official: _read_official,
    Place: lambda d: Place(
        _opt(d, "Place", "name", str), _read_country(d, "Place"), _read_span(d.get("span"))
    ),
    Occasion: _read_occasion,
    MeetingDate: _read_meeting_date,
    Meeting: _read_meeting,
    Dateline: _read_dateline,
    ArticleResult: _read_result,
}


def from_dict(cls: type[T], data: Any) -> T:
    """
    Rebuild a model object of class ``cls`` from its :func:`to_dict` form.

    Raises:
        ValidationError: the data is malformed (the message names the field and value).
        TypeError: ``cls`` is not a diplomodel model class.
    """
    reader = _READERS.get(cls)
    if reader is None:
        raise TypeError(f"not a diplomodel model class: {cls!r}")
    value: T = reader(data)
    return value
