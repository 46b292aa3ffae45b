"""
The JSON form: lossless round trips, the guidelines' field names, spans that slice the input,
the shipped JSON Schema, and the errors of ``from_dict``.
"""

# The attrs style puts the expected value first: ``assert expected == actual``.
# ruff: noqa: SIM300

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import diplomodel
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
from diplomodel.serialize import SCHEMA_VERSION, from_dict, to_dict

SEED = Path(__file__).parents[2] / "seeds" / "azerbaijan_turkiye_osce_lodz_2022.txt"

TEXT = (
    "Lodz, 1 December 2022 (TDI): Jeyhun Bayramov met Mevlut Cavusoglu in Lodz at the OSCE "
    "Ministerial Council to discuss trade. UN chief Antonio Guterres called the Kosovo "
    "leader Vjosa Osmani last month."
)

AZ = Country("AZ", "AZE", "Azerbaijan")
TR = Country("TR", "TUR", "Türkiye")
PL = Country("PL", "POL", "Poland")
XK = Country("XK", "XKX", "Kosovo")
OSCE = Organization("OSCE", "Organization for Security and Co-operation in Europe")
UN = Organization("UN", "United Nations")


def span(phrase: str, after: int = 0) -> Span:
    """The span of the first occurrence of ``phrase`` in TEXT at or after offset ``after``."""
    start = TEXT.index(phrase, after)
    return Span.of(TEXT, start, start + len(phrase))


BAYRAMOV = Official(
    "Jeyhun Bayramov",
    Role.FOREIGN_MINISTER,
    "Foreign Affairs Minister",
    country=AZ,
    mentions=(span("Jeyhun Bayramov"),),
)
CAVUSOGLU = Official(
    "Mevlut Cavusoglu", Role.FOREIGN_MINISTER, country=TR, mentions=(span("Mevlut Cavusoglu"),)
)
GUTERRES = Official(
    "Antonio Guterres", Role.ORG_LEADER, "UN chief", org=UN, mentions=(span("Antonio Guterres"),)
)
OSMANI = Official("Vjosa Osmani", Role.HEAD_OF_STATE, "leader", country=XK)
LODZ_MEETING = Meeting(
    participants=(BAYRAMOV, CAVUSOGLU),
    mode=MeetingMode.IN_PERSON,
    date=MeetingDate(dt.date(2022, 12, 1), DatePrecision.DAY, DateBasis.DATELINE),
    place=Place("Lodz", PL, span("Lodz", 10)),
    occasion=Occasion("OSCE Ministerial Council", OSCE, span("OSCE Ministerial Council")),
    topics=(Topic("trade", "Trade"),),
    triggers=(span("met"),),
    topic_evidence=(TopicEvidence("trade", (span("trade"),)),),
)
PHONE_MEETING = Meeting(
    participants=(GUTERRES, OSMANI),
    mode=MeetingMode.PHONE,
    date=MeetingDate(
        dt.date(2022, 11, 1), DatePrecision.MONTH, DateBasis.RELATIVE, span("last month")
    ),
    triggers=(span("called"),),
)
DATELINE = Dateline(span("Lodz, 1 December 2022 (TDI): "), "Lodz", dt.date(2022, 12, 1))
RESULT = ArticleResult(
    length=len(TEXT),
    meetings=(LODZ_MEETING, PHONE_MEETING),
    officials=(BAYRAMOV, CAVUSOGLU, GUTERRES, OSMANI),
    published=dt.date(2022, 12, 2),
    dateline=DATELINE,
)

# One or more values of every model class, with and without their optional parts.
SAMPLES: list[Any] = [
    span("met"),
    TR,
    XK,
    OSCE,
    Topic("trade", "Trade"),
    TopicEvidence("trade", (span("trade"),)),
    TopicEvidence("security", ()),
    BAYRAMOV,
    CAVUSOGLU,
    GUTERRES,
    OSMANI,
    Official(None, Role.AMBASSADOR, country=PL),
    Place("Lodz", PL, span("Lodz", 10)),
    Place(None, XK),
    Occasion("OSCE Ministerial Council", OSCE, span("OSCE Ministerial Council")),
    Occasion("G20 summit"),
    MeetingDate(dt.date(2022, 12, 1)),
    MeetingDate(dt.date(2022, 11, 1), DatePrecision.MONTH, DateBasis.RELATIVE, span("last month")),
    LODZ_MEETING,
    PHONE_MEETING,
    Meeting((BAYRAMOV, CAVUSOGLU)),
    DATELINE,
    Dateline(Span(0, 9, "ANKARA - ")),
    RESULT,
    ArticleResult(0),
]


def sample_id(value: Any) -> str:
    return type(value).__name__


@cache
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@cache
def seed_dict() -> dict[str, Any]:
    result: dict[str, Any] = diplomodel.parse(seed_text()).to_dict()
    return result


@cache
def validator() -> jsonschema.Draft202012Validator:
    text = (files("diplomodel") / "data" / "result.schema.json").read_text("utf-8")
    schema = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def span_dicts(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a JSON tree that has int "start" and "end"."""
    if isinstance(node, dict):
        start, end = node.get("start"), node.get("end")
        if isinstance(start, int) and isinstance(end, int):
            yield node
        for value in node.values():
            yield from span_dicts(value)
    elif isinstance(node, list):
        for item in node:
            yield from span_dicts(item)


def meeting_dict() -> dict[str, Any]:
    """A fresh JSON form of LODZ_MEETING to tamper with."""
    data: dict[str, Any] = json.loads(json.dumps(to_dict(LODZ_MEETING)))
    return data


class TestRoundTrip:
    @pytest.mark.parametrize("value", SAMPLES, ids=sample_id)
    def test_round_trip(self, value: Any) -> None:
        """from_dict(cls, to_dict(x)) == x."""
        assert value == from_dict(type(value), to_dict(value))

    @pytest.mark.parametrize("value", SAMPLES, ids=sample_id)
    def test_round_trip_through_json_text(self, value: Any) -> None:
        """The JSON form survives json.dumps and json.loads."""
        text = json.dumps(to_dict(value))

        assert value == from_dict(type(value), json.loads(text))

    def test_every_class_is_sampled(self) -> None:
        """The samples cover every model class (so the round trip tests cover them all)."""
        classes = {
            ArticleResult,
            Country,
            Dateline,
            Meeting,
            MeetingDate,
            Occasion,
            Official,
            Organization,
            Place,
            Span,
            Topic,
            TopicEvidence,
        }

        assert classes == {type(value) for value in SAMPLES}

    def test_seed_result_round_trip(self) -> None:
        """A real parse result survives the JSON round trip."""
        result = diplomodel.parse(seed_text(), published="2022-12-02")

        assert result == ArticleResult.from_dict(json.loads(json.dumps(result.to_dict())))

    def test_custom_topic_labels(self) -> None:
        """Topic labels other than the defaults survive the round trip."""
        topics = (Topic("water_rights", "Transboundary water rights"), Topic("trade", "Commerce"))
        meeting = Meeting((BAYRAMOV, CAVUSOGLU), topics=topics)

        back = from_dict(Meeting, json.loads(json.dumps(to_dict(meeting))))

        assert topics == back.topics

    def test_custom_topic_labels_are_written(self) -> None:
        """The JSON form maps every topic code to its label."""
        meeting = Meeting((BAYRAMOV, CAVUSOGLU), topics=(Topic("trade", "Commerce"),))

        assert {"trade": "Commerce"} == to_dict(meeting)["topic_labels"]

    def test_country_with_custom_name(self) -> None:
        """A Country keeps the name it was built with (to_dict writes it, from_dict reads it)."""
        turkey = Country("TR", "TUR", "Turkey")

        assert turkey == from_dict(Country, to_dict(turkey))

    def test_official_country_with_custom_name(self) -> None:
        """An official's country keeps a custom name through the round trip."""
        official = Official(
            "Hakan Fidan", Role.FOREIGN_MINISTER, country=Country("TR", "TUR", "Turkey")
        )

        assert official == from_dict(Official, json.loads(json.dumps(to_dict(official))))

    def test_place_country_with_custom_name(self) -> None:
        """A place's country keeps a custom name through the round trip."""
        place = Place("Ankara", Country("TR", "TUR", "Turkey"))

        assert place == from_dict(Place, json.loads(json.dumps(to_dict(place))))

    def test_meeting_place_country_with_custom_name(self) -> None:
        """A meeting place's country keeps a custom name through the round trip."""
        meeting = Meeting(
            (BAYRAMOV, CAVUSOGLU), place=Place("Ankara", Country("TR", "TUR", "Turkey"))
        )

        assert meeting == from_dict(Meeting, json.loads(json.dumps(to_dict(meeting))))

    def test_kosovo(self) -> None:
        """Kosovo round trips with its user-assigned codes."""
        assert {"alpha2": "XK", "alpha3": "XKX", "name": "Kosovo"} == to_dict(XK)


class TestToDict:
    def test_not_a_model_object(self) -> None:
        """to_dict refuses anything that is not a model object."""
        with pytest.raises(TypeError, match="object"):
            to_dict(object())

    def test_plain_dict(self) -> None:
        """A dict is not a model object either."""
        with pytest.raises(TypeError):
            to_dict({"start": 0, "end": 1, "text": "a"})

    def test_span(self) -> None:
        """A span is written as start, end and text."""
        assert {"start": 0, "end": 4, "text": "Lodz"} == to_dict(Span(0, 4, "Lodz"))

    def test_result_top_level(self) -> None:
        """A result has the schema version, length, published date, dateline and lists."""
        data = to_dict(RESULT)

        assert (SCHEMA_VERSION, len(TEXT), "2022-12-02", 2, 4) == (
            data["schema_version"],
            data["length"],
            data["published"],
            len(data["meetings"]),
            len(data["officials"]),
        )

    def test_dateline(self) -> None:
        """A dateline is written with its span, place name and ISO date."""
        data = to_dict(DATELINE)

        assert ("Lodz", "2022-12-01", "Lodz, 1 December 2022 (TDI): ") == (
            data["place_name"],
            data["date"],
            data["span"]["text"],
        )

    def test_month_precision_date(self) -> None:
        """A month-precision meeting date is written YYYY-MM."""
        data = to_dict(PHONE_MEETING)

        assert ("2022-11", "month", "relative") == (
            data["date"],
            data["date_precision"],
            data["date_basis"],
        )

    def test_org_official(self) -> None:
        """An organisation's official has org, org_name and a null country."""
        data = to_dict(GUTERRES)

        assert (None, "UN", "United Nations") == (data["country"], data["org"], data["org_name"])


class TestGuidelineFieldNames:
    def test_meeting_fields(self) -> None:
        """A meeting has the guidelines' fields with the guidelines' values."""
        data = to_dict(LODZ_MEETING)
        guideline = {
            key: data[key] for key in ("date", "mode", "occasion", "occasion_org", "topics")
        }
        guideline["place"] = (data["place"]["name"], data["place"]["country"])

        assert {
            "date": "2022-12-01",
            "place": ("Lodz", "PL"),
            "mode": "in_person",
            "occasion": "OSCE Ministerial Council",
            "occasion_org": "OSCE",
            "topics": ["trade"],
        } == guideline

    def test_participant_fields(self) -> None:
        """Participants have name, country, org and role."""
        data = to_dict(LODZ_MEETING)
        participants = [
            {key: p[key] for key in ("name", "country", "org", "role")}
            for p in data["participants"]
        ]

        assert [
            {"name": "Jeyhun Bayramov", "country": "AZ", "org": None, "role": "foreign_minister"},
            {"name": "Mevlut Cavusoglu", "country": "TR", "org": None, "role": "foreign_minister"},
        ] == participants

    def test_org_participant_fields(self) -> None:
        """An organisation's participant has org set and country null."""
        data = to_dict(PHONE_MEETING)
        guterres = {key: data["participants"][0][key] for key in ("name", "country", "org", "role")}

        assert {
            "name": "Antonio Guterres",
            "country": None,
            "org": "UN",
            "role": "org_leader",
        } == guterres

    def test_place_fields(self) -> None:
        """A meeting's place has the guidelines' name and country."""
        place = to_dict(LODZ_MEETING)["place"]

        assert {"name": "Lodz", "country": "PL"} == {key: place[key] for key in ("name", "country")}

    def test_absent_parts_are_null(self) -> None:
        """A meeting without date, place or occasion has null fields, not missing ones."""
        data = to_dict(Meeting((BAYRAMOV, CAVUSOGLU)))

        assert (None, None, None, None, []) == (
            data["date"],
            data["place"],
            data["occasion"],
            data["occasion_org"],
            data["topics"],
        )

    def test_seed_meeting_fields(self) -> None:
        """The seed's meeting is written with the guidelines' fields."""
        (meeting,) = seed_dict()["meetings"]

        assert (
            [("Jeyhun Bayramov", "AZ", None), ("Mevlut Cavusoglu", "TR", None)],
            "2022-12-01",
            ("Lodz", "PL"),
            "in_person",
            "OSCE Ministerial Council",
            "OSCE",
        ) == (
            [(p["name"], p["country"], p["org"]) for p in meeting["participants"]],
            meeting["date"],
            (meeting["place"]["name"], meeting["place"]["country"]),
            meeting["mode"],
            meeting["occasion"],
            meeting["occasion_org"],
        )


class TestSpansSliceTheInput:
    def test_seed(self) -> None:
        """Every span object in the seed's JSON slices the seed text."""
        text = seed_text()
        spans = list(span_dicts(seed_dict()))
        mismatches = [s for s in spans if text[s["start"] : s["end"]] != s["text"]]

        assert [] == mismatches

    def test_seed_has_spans_everywhere(self) -> None:
        """The seed's JSON has spans for dateline, mentions, triggers and evidence."""
        assert len(list(span_dicts(seed_dict()))) >= 10

    def test_hand_built_result(self) -> None:
        """Every span object in a hand-built result slices its text."""
        spans = list(span_dicts(to_dict(RESULT)))
        mismatches = [s for s in spans if TEXT[s["start"] : s["end"]] != s["text"]]

        assert (True, []) == (len(spans) > 5, mismatches)

    def test_walker_detects_a_bad_span(self) -> None:
        """The span walk sees nested spans, so a shifted text would be caught."""
        data = {"a": [{"b": {"start": 1, "end": 3, "text": "xy"}}]}

        assert [{"start": 1, "end": 3, "text": "xy"}] == list(span_dicts(data))


SMALL_TEXTS = [
    "",
    "The weather in Paris was mild.",
    (
        "UN Secretary-General Antonio Guterres held a phone call with Turkish President Recep "
        "Tayyip Erdogan on Monday to discuss the war in Ukraine."
    ),
    (
        "ANKARA (AA) - Turkish Foreign Minister Hakan Fidan met his Hungarian counterpart Peter "
        "Szijjarto in Ankara last month, discussing energy cooperation."
    ),
    (
        "Chinese Foreign Minister Wang Yi held a video call with Russian Foreign Minister Sergei "
        "Lavrov earlier this month."
    ),
]


class TestSchema:
    def test_schema_is_valid_draft_2020_12(self) -> None:
        """The shipped schema is itself a valid Draft 2020-12 schema."""
        assert "https://json-schema.org/draft/2020-12/schema" == validator().schema["$schema"]

    def test_seed_output(self) -> None:
        """The seed's output validates against the schema."""
        assert [] == [e.message for e in validator().iter_errors(seed_dict())]

    @pytest.mark.parametrize("text", SMALL_TEXTS)
    def test_small_texts(self, text: str) -> None:
        """The output for small texts validates against the schema."""
        data = diplomodel.parse(text, published="2024-05-20").to_dict()

        assert [] == [e.message for e in validator().iter_errors(data)]

    def test_small_texts_cover_phone_video_month_and_org(self) -> None:
        """The small texts exercise phone, video, month precision and org participants."""
        meetings = [
            m for t in SMALL_TEXTS for m in diplomodel.parse(t, published="2024-05-20").meetings
        ]

        assert (
            {MeetingMode.PHONE, MeetingMode.VIDEO, MeetingMode.IN_PERSON},
            True,
            True,
        ) == (
            {m.mode for m in meetings},
            any(m.date is not None and m.date.precision is DatePrecision.MONTH for m in meetings),
            any(p.org is not None for m in meetings for p in m.participants),
        )

    def test_hand_built_result(self) -> None:
        """A hand-built result with every optional part validates against the schema."""
        assert [] == [e.message for e in validator().iter_errors(to_dict(RESULT))]

    def test_schema_rejects_bad_mode(self) -> None:
        """The schema is strict enough to reject an unknown mode."""
        data = json.loads(json.dumps(seed_dict()))
        data["meetings"][0]["mode"] = "telepathy"

        assert not validator().is_valid(data)

    def test_schema_rejects_extra_field(self) -> None:
        """The schema rejects fields it does not know."""
        data = json.loads(json.dumps(seed_dict()))
        data["meetings"][0]["mood"] = "cordial"

        assert not validator().is_valid(data)


class TestFromDict:
    def test_not_a_model_class(self) -> None:
        """from_dict refuses a class that is not a model class."""
        with pytest.raises(TypeError, match="int"):
            from_dict(int, {})

    def test_missing_participants(self) -> None:
        """A meeting without "participants" is refused, naming the field."""
        data = meeting_dict()
        del data["participants"]
        with pytest.raises(ValidationError) as info:
            from_dict(Meeting, data)

        assert ("participants", "missing") == (info.value.field, info.value.reason)
        assert "Meeting.participants" in str(info.value)

    @pytest.mark.parametrize(
        ("path", "value", "message"),
        [
            (("mode",), 1, "Meeting.mode=1"),
            (("mode",), "telepathy", "Meeting.mode='telepathy'"),
            (("participants", 0, "role"), "king", "Official.role='king'"),
            (("participants", 1, "country"), "ZZ", "Country.alpha2='ZZ'"),
            (("place", "country"), "QQ", "Country.alpha2='QQ'"),
            (("date",), "1 December 2022", "Meeting.date='1 December 2022'"),
            (("date",), "2022-02-30", "Meeting.date='2022-02-30'"),
        ],
    )
    def test_bad_meeting_field(self, path: tuple[Any, ...], value: object, message: str) -> None:
        """A bad value anywhere in a meeting is refused, naming the class, field and value."""
        data = meeting_dict()
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

        with pytest.raises(ValidationError) as info:
            from_dict(Meeting, data)

        assert message in str(info.value)

    def test_bad_published_date(self) -> None:
        """A result with an unparsable published date is refused."""
        data = to_dict(ArticleResult(0))
        data["published"] = "yesterday"
        with pytest.raises(ValidationError) as info:
            from_dict(ArticleResult, data)

        assert "ArticleResult.published='yesterday'" in str(info.value)

    def test_length_of_wrong_type(self) -> None:
        """A bool length is refused."""
        data = to_dict(ArticleResult(0))
        data["length"] = True
        with pytest.raises(ValidationError) as info:
            from_dict(ArticleResult, data)

        assert "ArticleResult.length=True" in str(info.value)

    def test_span_text_mismatch(self) -> None:
        """A span whose text does not fit its offsets is refused."""
        with pytest.raises(ValidationError) as info:
            from_dict(Span, {"start": 0, "end": 4, "text": "Lod"})

        assert "Span.text='Lod'" in str(info.value)

    def test_not_an_object(self) -> None:
        """A list where an object belongs is refused."""
        with pytest.raises(ValidationError) as info:
            from_dict(Official, ["Jeyhun Bayramov"])

        assert "Official.(object)" in str(info.value)

    def test_error_is_a_value_error(self) -> None:
        """from_dict errors can be caught as ValueError."""
        data = meeting_dict()
        data["participants"][0]["role"] = "king"

        with pytest.raises(ValueError, match="king"):
            from_dict(Meeting, data)
