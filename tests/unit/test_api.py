"""
The public entry point: ``parse`` and its ``published`` argument (``coerce_published``).
"""

# The attrs style puts the expected value first: ``assert expected == actual``.
# ruff: noqa: SIM300

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

import diplomodel
from diplomodel.api import coerce_published, parse
from diplomodel.errors import DiplomodelError, InputError
from diplomodel.model import ArticleResult, DatePrecision, Meeting, MeetingMode, Role

SEED = Path(__file__).parents[2] / "seeds" / "azerbaijan_turkiye_osce_lodz_2022.txt"


@cache
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@cache
def seed_meeting() -> Meeting:
    """The one meeting of the seed article."""
    (meeting,) = parse(seed_text()).meetings
    return meeting


class TestCoercePublished:
    def test_date(self) -> None:
        """A date is returned as is."""
        assert dt.date(2022, 12, 2) == coerce_published(dt.date(2022, 12, 2))

    def test_datetime(self) -> None:
        """A datetime gives its date, as a plain date."""
        value = coerce_published(dt.datetime(2022, 12, 2, 23, 59))

        assert (dt.date(2022, 12, 2), dt.date) == (value, type(value))

    def test_aware_datetime(self) -> None:
        """An aware datetime gives its own (local) date."""
        tz = dt.timezone(dt.timedelta(hours=14))

        assert dt.date(2022, 12, 2) == coerce_published(dt.datetime(2022, 12, 2, 1, tzinfo=tz))

    def test_iso_string(self) -> None:
        """An ISO YYYY-MM-DD string gives its date."""
        assert dt.date(2022, 12, 2) == coerce_published("2022-12-02")

    def test_iso_string_with_spaces(self) -> None:
        """Surrounding white space is ignored."""
        assert dt.date(2022, 12, 2) == coerce_published(" 2022-12-02\n")

    def test_iso_datetime_string(self) -> None:
        """An ISO datetime string gives its date."""
        assert dt.date(2022, 12, 2) == coerce_published("2022-12-02T08:15:00Z")

    def test_none(self) -> None:
        """None stays None."""
        assert None is coerce_published(None)

    @pytest.mark.parametrize("value", ["yesterday", "2 December 2022", "2022-13-01", ""])
    def test_non_iso_string(self, value: str) -> None:
        """A string that is not an ISO date raises InputError naming ``published``."""
        with pytest.raises(InputError) as info:
            coerce_published(value)

        assert f"published={value!r}" in str(info.value)

    def test_iso_prefix_with_trailing_garbage(self) -> None:
        """A string that only starts like an ISO date is not an ISO date."""
        with pytest.raises(InputError, match="published="):
            coerce_published("2022-12-02 or maybe the day after")

    @pytest.mark.parametrize("value", [20230101, 2023.0, True, ["2022-12-02"]])
    def test_other_types(self, value: object) -> None:
        """Other types raise InputError naming ``published`` and the type."""
        with pytest.raises(InputError) as info:
            coerce_published(value)  # type: ignore[arg-type]

        assert (True, True) == (
            f"published={value!r}" in str(info.value),
            type(value).__name__ in str(info.value),
        )


class TestParse:
    @pytest.mark.parametrize("text", [None, b"Lodz talks", 42, ["text"]])
    def test_text_not_str(self, text: object) -> None:
        """A text that is not a str raises InputError naming its type."""
        with pytest.raises(InputError) as info:
            parse(text)  # type: ignore[arg-type]

        assert type(text).__name__ in str(info.value)

    def test_input_error_is_a_value_error(self) -> None:
        """InputError is a ValueError and a DiplomodelError."""
        with pytest.raises(ValueError) as info:
            parse(b"bytes")  # type: ignore[arg-type]

        assert isinstance(info.value, DiplomodelError)

    def test_published_int(self) -> None:
        """An int published date raises InputError naming ``published``."""
        with pytest.raises(InputError, match="published=20230101"):
            parse("text", published=20230101)  # type: ignore[arg-type]

    def test_published_word(self) -> None:
        """A word for a published date raises InputError naming ``published``."""
        with pytest.raises(InputError, match="published='yesterday'"):
            parse("text", published="yesterday")

    def test_published_is_keyword_only(self) -> None:
        """``published`` cannot be passed by position."""
        with pytest.raises(TypeError):
            parse("text", "2022-12-02")  # type: ignore[misc]

    @pytest.mark.parametrize(
        "published",
        [dt.date(2022, 12, 2), dt.datetime(2022, 12, 2, 9, 30), "2022-12-02", None],
    )
    def test_published_kinds(self, published: object) -> None:
        """Every accepted kind of published date is stored as a date (or None)."""
        result = parse("No meetings here.", published=published)  # type: ignore[arg-type]

        assert (dt.date(2022, 12, 2) if published else None) == result.published

    def test_empty_text(self) -> None:
        """An empty text gives an empty result."""
        assert ArticleResult(0) == parse("")

    def test_whitespace_text(self) -> None:
        """A text of white space has no meetings and keeps its length."""
        result = parse("  \n\t \r\n ")

        assert (8, (), (), None) == (
            result.length,
            result.meetings,
            result.officials,
            result.dateline,
        )

    def test_text_without_meetings(self) -> None:
        """A text that reports no meeting has no meetings."""
        assert () == parse("The weather in Paris was mild on Friday.").meetings

    def test_package_exports_parse(self) -> None:
        """diplomodel.parse is the api's parse."""
        assert parse is diplomodel.parse

    def test_relative_date_uses_published(self) -> None:
        """Without a dated dateline, 'on Monday' resolves against ``published``."""
        text = (
            "UN Secretary-General Antonio Guterres held a phone call with Turkish President "
            "Recep Tayyip Erdogan on Monday."
        )
        (meeting,) = parse(text, published="2024-05-22").meetings

        assert (dt.date(2024, 5, 20), MeetingMode.PHONE, None) == (
            meeting.date.value,
            meeting.mode,
            meeting.place,
        )

    def test_relative_date_without_published(self) -> None:
        """Without a reference, 'on Monday' gives no date rather than a guess."""
        text = (
            "UN Secretary-General Antonio Guterres held a phone call with Turkish President "
            "Recep Tayyip Erdogan on Monday."
        )
        (meeting,) = parse(text).meetings

        assert None is meeting.date

    def test_month_precision(self) -> None:
        """'earlier this month' gives a month-precision date."""
        text = (
            "Chinese Foreign Minister Wang Yi held a video call with Russian Foreign Minister "
            "Sergei Lavrov earlier this month."
        )
        (meeting,) = parse(text, published=dt.date(2024, 5, 20)).meetings

        assert ("2024-05", DatePrecision.MONTH) == (meeting.date.iso, meeting.date.precision)


class TestParseSeed:
    def test_one_meeting(self) -> None:
        """The seed reports exactly one meeting."""
        assert 1 == len(parse(seed_text()).meetings)

    def test_participants(self) -> None:
        """Bayramov (AZ) and Cavusoglu (TR), both foreign ministers, with their titles."""
        participants = [
            (p.name, p.country.alpha2 if p.country else None, p.org, p.role, p.title)
            for p in seed_meeting().participants
        ]

        assert [
            ("Jeyhun Bayramov", "AZ", None, Role.FOREIGN_MINISTER, "Foreign Affairs Minister"),
            ("Mevlut Cavusoglu", "TR", None, Role.FOREIGN_MINISTER, "Foreign Minister"),
        ] == participants

    def test_date(self) -> None:
        """The meeting is on the dateline's date, 1 December 2022."""
        date = seed_meeting().date

        assert (dt.date(2022, 12, 1), DatePrecision.DAY, "2022-12-01") == (
            date.value,
            date.precision,
            date.iso,
        )

    def test_place(self) -> None:
        """The meeting is in Lodz, Poland."""
        place = seed_meeting().place

        assert ("Lodz", "PL") == (place.name, place.country.alpha2)

    def test_mode(self) -> None:
        """The meeting is in person."""
        assert MeetingMode.IN_PERSON == seed_meeting().mode

    def test_occasion(self) -> None:
        """The meeting is on the sidelines of the OSCE Ministerial Council."""
        occasion = seed_meeting().occasion

        assert ("OSCE Ministerial Council", "OSCE") == (occasion.name, occasion.org.acronym)

    def test_topics(self) -> None:
        """The topics are exactly bilateral relations, economy, trade, security, terrorism."""
        codes = [t.code for t in seed_meeting().topics]

        assert (
            {"bilateral_relations", "economy", "trade", "security", "terrorism"},
            5,
        ) == (set(codes), len(codes))

    def test_dateline(self) -> None:
        """The seed's dateline is 'Lodz, 1 December 2022 (TDI): '."""
        dateline = parse(seed_text()).dateline

        assert ("Lodz", dt.date(2022, 12, 1), "Lodz, 1 December 2022 (TDI): ") == (
            dateline.place_name,
            dateline.date,
            dateline.span.text,
        )

    def test_length(self) -> None:
        """The result's length is the text's length."""
        assert len(seed_text()) == parse(seed_text()).length

    def test_spans_slice_the_text(self) -> None:
        """Every span of the result slices the seed text."""
        text = seed_text()

        assert [] == [s for s in parse(text).spans() if text[s.start : s.end] != s.text]

    def test_published_does_not_override_dateline(self) -> None:
        """A later published date does not change the dateline's meeting date."""
        meeting = parse(seed_text(), published="2022-12-05").meetings[0]

        assert dt.date(2022, 12, 1) == meeting.date.value

    def test_deterministic(self) -> None:
        """Parsing the same text twice gives equal results."""
        assert parse(seed_text()) == parse(seed_text())
