"""
Date expressions (``find_dates``), their resolution against a reference date (``resolve``) and
datelines (``find_dateline``).
"""

# The attrs style puts the expected value first: ``assert expected == actual``.
# ruff: noqa: SIM300

from __future__ import annotations

import datetime as dt

import pytest

from diplomodel.dates import DateMention, Resolved, find_dateline, find_dates, resolve
from diplomodel.model import DateBasis, DatePrecision

FRIDAY = dt.date(2024, 12, 6)  # a Friday

DAY = DatePrecision.DAY
MONTH = DatePrecision.MONTH
EXPLICIT = DateBasis.EXPLICIT
RELATIVE = DateBasis.RELATIVE


def only(text: str) -> DateMention:
    """The single date mention in ``text``."""
    (mention,) = find_dates(text)
    return mention


def covered(text: str) -> list[str]:
    """The text each date mention covers."""
    return [text[m.start : m.end] for m in find_dates(text)]


def places(*names: str) -> object:
    """An ``is_place`` callable that knows exactly these names."""
    known = frozenset(names)
    return lambda name: name in known


class TestFindDates:
    @pytest.mark.parametrize(
        ("text", "fields"),
        [
            ("1 December 2022", (2022, 12, 1)),
            ("Nov. 9", (None, 11, 9)),
            ("November 10", (None, 11, 10)),
            ("July 11, 2023", (2023, 7, 11)),
            ("Sept 11, 2018", (2018, 9, 11)),
            ("Sep 5", (None, 9, 5)),
            ("17th September, 2021", (2021, 9, 17)),
            ("1st of May 2020", (2020, 5, 1)),
            ("November 10th, 2023", (2023, 11, 10)),
            ("10 Nov. 2023", (2023, 11, 10)),
            ("2023-05-04", (2023, 5, 4)),
            ("5 May", (None, 5, 5)),
            ("March 3", (None, 3, 3)),
            ("18.03.2024", (2024, 3, 18)),
            ("1.2.2023", (2023, 2, 1)),
        ],
    )
    def test_explicit_formats(self, text: str, fields: tuple[int | None, int, int]) -> None:
        """Explicit dates give year (or None), month and day, and cover the whole expression."""
        mention = only(f"They met on {text} in Lodz.")

        assert (fields, text) == (
            (mention.year, mention.month, mention.day),
            f"They met on {text} in Lodz."[mention.start : mention.end],
        )

    def test_offsets_in_a_sentence(self) -> None:
        """Offsets index the text that was passed in."""
        text = "The ministers met in Lodz on 1 December 2022, the agency said."

        assert ["1 December 2022"] == covered(text)

    def test_on_weekday(self) -> None:
        """'on Friday' gives a weekday mention covering 'on Friday'."""
        mention = only("The ministers met on Friday.")

        assert (4, None, None, None) == (
            mention.weekday,
            mention.year,
            mention.month,
            mention.day,
        )
        assert ["on Friday"] == covered("The ministers met on Friday.")

    def test_possessive_weekday(self) -> None:
        """ "Friday's talks" gives a weekday mention of "Friday"."""
        assert (["Friday"], 4) == (covered("Friday's talks"), only("Friday's talks").weekday)

    def test_monday_is_zero(self) -> None:
        """Weekdays count from Monday = 0 to Sunday = 6."""
        assert [0, 6] == [m.weekday for m in find_dates("Monday and Sunday")]

    def test_lower_case_weekday(self) -> None:
        """A lower-case 'friday' is not a weekday."""
        assert [] == find_dates("they met on friday")

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("today", "today"),
            ("yesterday", "yesterday"),
            ("last week", "last week"),
            ("earlier this month", "earlier this month"),
            ("last month", "last month"),
            ("Yesterday", "yesterday"),
            ("Earlier This Month", "earlier this month"),
        ],
    )
    def test_relative_words(self, text: str, word: str) -> None:
        """Relative words are found and given lower-cased."""
        mentions = find_dates(f"The ministers met {text}.")

        assert [word] == [m.relative for m in mentions]

    def test_earlier_this_month_covers_the_phrase(self) -> None:
        """'earlier this month' is one mention, not 'this month'."""
        assert ["earlier this month"] == covered("They met earlier this month.")

    def test_nth(self) -> None:
        """'on the 5th' gives a day without month."""
        mention = only("They met on the 5th.")

        assert ("nth", 5, None) == (mention.relative, mention.day, mention.month)

    @pytest.mark.parametrize("text", ["May", "March", "in May they met", "the March talks"])
    def test_month_name_alone_is_not_a_date(self, text: str) -> None:
        """'May' and 'March' without a day number are not dates."""
        assert [] == find_dates(text)

    @pytest.mark.parametrize(
        "text", ["the 27 may agree on new sanctions", "some 20 march to the embassy"]
    )
    def test_lower_case_may_and_march_are_verbs(self, text: str) -> None:
        """Lower-case 'may' and 'march' after a number are verbs, not months."""
        assert [] == find_dates(text)

    @pytest.mark.parametrize("text", ["the 2020-2023 period", "on the 32nd", "may 2024 bring"])
    def test_not_dates(self, text: str) -> None:
        """A year range, a 32nd and a lower-case 'may' before a year are not dates."""
        assert [] == find_dates(text)

    @pytest.mark.parametrize(
        ("text", "value"),
        [("last April", dt.date(2023, 4, 1)), ("last March", dt.date(2024, 3, 1))],
    )
    def test_last_month_name(self, text: str, value: dt.date) -> None:
        """'last April' said in April 2024 is April 2023; 'last March' is March 2024."""
        (mention,) = find_dates(text)
        resolved = resolve(mention, dt.date(2024, 4, 9))

        assert resolved is not None
        assert (resolved.value, resolved.precision) == (value, DatePrecision.MONTH)

    def test_month_name_after_in_is_no_date(self) -> None:
        """'in January' may lie ahead ('takes over the chairmanship in January')."""
        assert [] == find_dates("takes over the chairmanship in January")

    @pytest.mark.parametrize(
        ("text", "found"),
        [("They met in March 2023.", "March 2023"), ("In Dec. 2023, they met.", "Dec. 2023")],
    )
    def test_month_with_a_year(self, text: str, found: str) -> None:
        """A month with a year is a date of month precision."""
        (mention,) = find_dates(text)

        assert (found, mention.day) == (text[mention.start : mention.end], None)
        resolved = resolve(mention, None)
        assert resolved is not None
        assert (resolved.precision, resolved.basis) == (DatePrecision.MONTH, DateBasis.EXPLICIT)
        assert resolved.value.day == 1

    def test_invalid_iso_date_is_dropped(self) -> None:
        """An impossible ISO date is not a mention."""
        assert [] == find_dates("2023-02-30")

    def test_year_out_of_range(self) -> None:
        """Years outside 1900-2100 are not accepted."""
        assert [] == find_dates("1 December 1850")

    def test_impossible_day_is_found(self) -> None:
        """'Feb 30' is found (resolve() rejects it)."""
        assert [(None, 2, 30)] == [(m.year, m.month, m.day) for m in find_dates("Feb 30")]

    def test_range(self) -> None:
        """start and end limit the search; offsets still index the whole text."""
        text = "On Friday they met. On 1 December 2022 they met again."

        assert ["1 December 2022"] == [
            text[m.start : m.end] for m in find_dates(text, 20, len(text))
        ]

    def test_several_in_order(self) -> None:
        """Several mentions come in text order."""
        text = "After talks on Monday and on 5 May 2023, they met again yesterday."

        assert ["on Monday", "5 May 2023", "yesterday"] == covered(text)


class TestResolve:
    @pytest.mark.parametrize(
        ("weekday", "expected"),
        [
            ("Friday", dt.date(2024, 12, 6)),
            ("Thursday", dt.date(2024, 12, 5)),
            ("Saturday", dt.date(2024, 11, 30)),
            ("Monday", dt.date(2024, 12, 2)),
            ("Sunday", dt.date(2024, 12, 1)),
        ],
    )
    def test_weekday_resolves_backwards(self, weekday: str, expected: dt.date) -> None:
        """A weekday is the latest such day on or before the reference."""
        assert Resolved(expected, DAY, RELATIVE) == resolve(only(f"on {weekday}"), FRIDAY)

    def test_weekday_without_reference(self) -> None:
        """A weekday without a reference resolves to nothing, never to today."""
        assert None is resolve(only("on Friday"), None)

    def test_explicit_with_year(self) -> None:
        """A full date needs no reference and is explicit."""
        assert Resolved(dt.date(2022, 12, 1), DAY, EXPLICIT) == resolve(
            only("1 December 2022"), None
        )

    def test_explicit_with_year_ignores_reference(self) -> None:
        """A full date keeps its own year whatever the reference."""
        assert Resolved(dt.date(2018, 9, 11), DAY, EXPLICIT) == resolve(
            only("Sept 11, 2018"), FRIDAY
        )

    def test_no_year_no_reference(self) -> None:
        """A date without a year and without a reference resolves to nothing."""
        assert None is resolve(only("Nov. 9"), None)

    def test_year_from_reference(self) -> None:
        """A date without a year takes the reference's year and is relative."""
        assert Resolved(dt.date(2024, 11, 9), DAY, RELATIVE) == resolve(only("Nov. 9"), FRIDAY)

    def test_year_before_new_year(self) -> None:
        """'Dec. 30' reported on 2 January is in the previous year."""
        assert Resolved(dt.date(2023, 12, 30), DAY, RELATIVE) == resolve(
            only("Dec. 30"), dt.date(2024, 1, 2)
        )

    def test_near_future_keeps_year(self) -> None:
        """A date up to two days after the reference keeps the reference's year."""
        assert dt.date(2024, 12, 8) == resolve(only("Dec. 8"), FRIDAY).value

    def test_invalid_date(self) -> None:
        """'Feb 30' resolves to nothing."""
        assert None is resolve(only("Feb 30"), FRIDAY)

    def test_invalid_date_with_year(self) -> None:
        """'30 February 2023' resolves to nothing."""
        assert None is resolve(only("30 February 2023"), None)

    def test_feb_29_in_a_non_leap_reference_year(self) -> None:
        """'Feb 29' in a non-leap year resolves to nothing."""
        assert None is resolve(only("Feb 29"), dt.date(2023, 3, 10))

    def test_today(self) -> None:
        """'today' is the reference date."""
        assert Resolved(FRIDAY, DAY, RELATIVE) == resolve(only("today"), FRIDAY)

    def test_yesterday(self) -> None:
        """'yesterday' is the day before the reference."""
        assert Resolved(dt.date(2024, 12, 5), DAY, RELATIVE) == resolve(only("yesterday"), FRIDAY)

    def test_yesterday_across_a_year(self) -> None:
        """'yesterday' on 1 January is 31 December."""
        assert dt.date(2023, 12, 31) == resolve(only("yesterday"), dt.date(2024, 1, 1)).value

    def test_relative_without_reference(self) -> None:
        """'yesterday' without a reference resolves to nothing."""
        assert None is resolve(only("yesterday"), None)

    def test_last_week(self) -> None:
        """'last week' is the month of the day a week earlier, at month precision."""
        assert Resolved(dt.date(2024, 12, 1), MONTH, RELATIVE) == resolve(
            only("last week"), dt.date(2024, 12, 20)
        )

    def test_last_week_across_a_month(self) -> None:
        """'last week' early in a month falls in the previous month."""
        assert Resolved(dt.date(2024, 11, 1), MONTH, RELATIVE) == resolve(
            only("last week"), dt.date(2024, 12, 3)
        )

    def test_earlier_this_month(self) -> None:
        """'earlier this month' is the reference's month, day 1."""
        assert Resolved(dt.date(2024, 12, 1), MONTH, RELATIVE) == resolve(
            only("earlier this month"), FRIDAY
        )

    def test_last_month(self) -> None:
        """'last month' is the month before the reference's."""
        assert Resolved(dt.date(2024, 11, 1), MONTH, RELATIVE) == resolve(
            only("last month"), FRIDAY
        )

    def test_last_month_in_january(self) -> None:
        """'last month' in January is December of the year before."""
        assert dt.date(2023, 12, 1) == resolve(only("last month"), dt.date(2024, 1, 15)).value

    def test_nth_this_month(self) -> None:
        """'on the 5th' before the reference's day is in the reference's month."""
        assert Resolved(dt.date(2024, 12, 5), DAY, RELATIVE) == resolve(only("on the 5th"), FRIDAY)

    def test_nth_last_month(self) -> None:
        """'on the 10th' after the reference's day is in the month before."""
        assert dt.date(2024, 11, 10) == resolve(only("on the 10th"), FRIDAY).value

    def test_year_before_1900_is_not_resolved(self) -> None:
        """A year-less date or weekday that would fall before 1900 resolves to nothing."""
        reference = dt.date(1900, 1, 1)

        assert (None, None, dt.date(1900, 1, 1)) == (
            resolve(only("Nov. 9"), reference),
            resolve(only("on Sunday"), reference),  # 1 January 1900 was a Monday
            resolve(only("today"), reference).value,
        )

    def test_resolved_month_precision_has_day_one(self) -> None:
        """Every month-precision result has day 1."""
        words = ["last week", "earlier this month", "last month"]
        days = {resolve(only(w), dt.date(2024, 7, 23)).value.day for w in words}

        assert {1} == days


class TestFindDateline:
    def test_city_date_agency_colon(self) -> None:
        """'Lodz, 1 December 2022 (TDI): ...' with a known place."""
        text = "Lodz, 1 December 2022 (TDI): The Foreign Affairs Minister of Azerbaijan met."
        info = find_dateline(text, is_place=places("Lodz"))

        assert (
            "Lodz",
            "1 December 2022",
            dt.date(2022, 12, 1),
            "Lodz, 1 December 2022 (TDI): ",
        ) == (
            text[info.city_start : info.city_end],
            text[info.date_start : info.date_end],
            info.date,
            text[info.start : info.end],
        )

    def test_all_caps_city_with_double_dash(self) -> None:
        """'BEIJING, Nov. 9 (Xinhua) -- ...' takes the year from ``published``."""
        text = "BEIJING, Nov. 9 (Xinhua) -- Chinese President Xi Jinping met."
        info = find_dateline(text, published=dt.date(2023, 11, 10))

        assert ("BEIJING", "Nov. 9", dt.date(2023, 11, 9), "BEIJING, Nov. 9 (Xinhua) -- ") == (
            text[info.city_start : info.city_end],
            text[info.date_start : info.date_end],
            info.date,
            text[info.start : info.end],
        )

    def test_date_without_year_and_published(self) -> None:
        """Without ``published`` a year-less dateline date is located but not resolved."""
        text = "BEIJING, Nov. 9 (Xinhua) -- Chinese President Xi Jinping met."
        info = find_dateline(text)

        assert (None, "Nov. 9") == (info.date, text[info.date_start : info.date_end])

    def test_decomposed_city(self) -> None:
        """A city written with combining marks (NFD) is read whole."""
        text = "Brasi\u0301lia, 1 January 2015 (TDI): Talks."
        info = find_dateline(text, is_place=places("Brasi\u0301lia"))

        assert ("Brasi\u0301lia", dt.date(2015, 1, 1)) == (
            text[info.city_start : info.city_end],
            info.date,
        )

    def test_city_with_a_no_break_space(self) -> None:
        """'Addis\u00a0Ababa, 1 January 2015 (TDI): ...' is read whole."""
        text = "Addis\u00a0Ababa, 1 January 2015 (TDI): Talks."
        info = find_dateline(text, is_place=places("Addis\u00a0Ababa"))

        assert ("Addis\u00a0Ababa", dt.date(2015, 1, 1)) == (
            text[info.city_start : info.city_end],
            info.date,
        )

    def test_dateline_year_rolls_back(self) -> None:
        """A dateline 'Dec. 30' published on 2 January is in the previous year."""
        info = find_dateline("MOSCOW, Dec. 30 (Reuters) - Talks.", published=dt.date(2024, 1, 2))

        assert dt.date(2023, 12, 30) == info.date

    def test_all_caps_city_agency_en_dash(self) -> None:
        """'ANKARA (AA) – ...' has a city and no date."""
        text = "ANKARA (AA) \u2013 Turkish Foreign Minister Hakan Fidan met."
        info = find_dateline(text)

        assert ("ANKARA", None, None, "ANKARA (AA) \u2013 ") == (
            text[info.city_start : info.city_end],
            info.date,
            info.date_start,
            text[info.start : info.end],
        )

    def test_all_caps_city_em_dash(self) -> None:
        """'WASHINGTON — ...'."""
        text = "WASHINGTON \u2014 Secretary of State Antony Blinken met."
        info = find_dateline(text)

        assert ("WASHINGTON", "WASHINGTON \u2014 ") == (
            text[info.city_start : info.city_end],
            text[info.start : info.end],
        )

    def test_two_word_city_colon(self) -> None:
        """'NEW DELHI: ...' keeps both words of the city."""
        text = "NEW DELHI: External Affairs Minister S. Jaishankar met."
        info = find_dateline(text)

        assert ("NEW DELHI", "NEW DELHI: ") == (
            text[info.city_start : info.city_end],
            text[info.start : info.end],
        )

    def test_known_city_with_date_colon(self) -> None:
        """'Berlin, 16 May 2022: ...' with a known place."""
        text = "Berlin, 16 May 2022: German Chancellor Olaf Scholz met."
        info = find_dateline(text, is_place=places("Berlin"))

        assert ("Berlin", "16 May 2022", dt.date(2022, 5, 16)) == (
            text[info.city_start : info.city_end],
            text[info.date_start : info.date_end],
            info.date,
        )

    def test_unknown_mixed_case_city(self) -> None:
        """A mixed-case city that is_place does not know is not a dateline."""
        text = "Berlin, 16 May 2022: German Chancellor Olaf Scholz met."

        assert None is find_dateline(text, is_place=places("Paris"))

    def test_mixed_case_city_without_is_place(self) -> None:
        """Without is_place only ALL-CAPS cities are accepted."""
        assert None is find_dateline("Berlin, 16 May 2022: German Chancellor Olaf Scholz met.")

    def test_second_line_after_headline(self) -> None:
        """A dateline on the line after the headline is found with offsets into the text."""
        text = (
            "Azerbaijan, Turkiye foreign ministers meet in Lodz\n"
            "Lodz, 1 December 2022 (TDI): The Foreign Affairs Minister of Azerbaijan met."
        )
        info = find_dateline(text, is_place=places("Lodz"))

        assert (51, "Lodz", "1 December 2022", dt.date(2022, 12, 1)) == (
            info.start,
            text[info.city_start : info.city_end],
            text[info.date_start : info.date_end],
            info.date,
        )

    def test_after_headline_and_blank_line(self) -> None:
        """Blank lines between headline and dateline are skipped."""
        text = "Ministers meet in Ankara\n\nANKARA (AA) - Talks were held."
        info = find_dateline(text)

        assert "ANKARA" == text[info.city_start : info.city_end]

    def test_indented_dateline(self) -> None:
        """Leading spaces are not part of the dateline."""
        text = "  BERLIN - Talks were held."
        info = find_dateline(text)

        assert ("BERLIN", "BERLIN - ") == (
            text[info.city_start : info.city_end],
            text[info.start : info.end],
        )

    @pytest.mark.parametrize(
        "city", ["Rio de Janeiro", "Dar es Salaam", "Port-au-Prince", "Santa Cruz de la Sierra"]
    )
    def test_city_with_lower_case_words(self, city: str) -> None:
        """Lower-case words inside a known city's name belong to it."""
        text = f"{city}, 21 February 2024 (SPA) -- The ministers met."
        info = find_dateline(text, is_place=places(city))

        assert (city, dt.date(2024, 2, 21)) == (text[info.city_start : info.city_end], info.date)

    def test_agency_between_slashes(self) -> None:
        """TASS style: 'ASTANA, July 4. /TASS/. ...'."""
        text = "ASTANA, July 4. /TASS/. Russian President Vladimir Putin met Xi Jinping."
        info = find_dateline(text, published=dt.date(2024, 7, 4))

        assert ("ASTANA", dt.date(2024, 7, 4), "ASTANA, July 4. /TASS/. ") == (
            text[info.city_start : info.city_end],
            info.date,
            text[info.start : info.end],
        )

    def test_date_written_with_full_stops(self) -> None:
        """'Tbilisi, 18.03.2024. NATO ...': day.month.year, and the full stop after it ends it."""
        text = "Title line\n\nTbilisi, 18.03.2024. NATO Secretary General Jens Stoltenberg met X."
        info = find_dateline(text, is_place=places("Tbilisi"))

        assert ("Tbilisi", dt.date(2024, 3, 18), "Tbilisi, 18.03.2024. ") == (
            text[info.city_start : info.city_end],
            info.date,
            text[info.start : info.end],
        )

    def test_agency_without_a_separator(self) -> None:
        """PTI style: 'Washington, Apr 13 (PTI) Union Finance Minister ...'."""
        text = "Washington, Apr 13 (PTI) Union Finance Minister Nirmala Sitharaman met X."
        info = find_dateline(text, is_place=places("Washington"), published=dt.date(2023, 4, 13))

        assert ("Washington", dt.date(2023, 4, 13), "Washington, Apr 13 (PTI) ") == (
            text[info.city_start : info.city_end],
            info.date,
            text[info.start : info.end],
        )

    def test_parenthesis_in_a_sentence_is_no_dateline(self) -> None:
        text = "Washington (which hosted the talks) Said nothing."
        assert find_dateline(text, is_place=places("Washington")) is None

    @pytest.mark.parametrize("text", ["31.02.2024", "12.31.2024", "1.2.1850", "v1.2.20245"])
    def test_impossible_dotted_dates_are_not_dates(self, text: str) -> None:
        assert find_dates(f"Released on {text} here.") == []

    def test_name_with_lower_case_particle_is_not_a_dateline(self) -> None:
        """'Lula da Silva, the Brazilian president, met ...' opens a sentence."""
        text = "Lula da Silva, the Brazilian president, met Xi Jinping on 14 April 2023."

        assert None is find_dateline(text, is_place=places("Rio de Janeiro"))

    def test_photo_line_is_not_a_dateline(self) -> None:
        """'Photo: X (Reuters)' is a caption, not a dateline."""
        text = "Photo: X (Reuters)\nThe ministers met."

        assert None is find_dateline(text, is_place=places("Photo", "X"))

    def test_photo_line_is_skipped(self) -> None:
        """A caption line before the dateline is skipped."""
        text = "PHOTO: X (Reuters)\nANKARA (AA) - The ministers met."
        info = find_dateline(text)

        assert "ANKARA" == text[info.city_start : info.city_end]

    def test_today_line_is_not_a_dateline(self) -> None:
        """'Today: Saturday, 04 May, 2024' is a page header, not a dateline."""
        text = "Today: Saturday, 04 May, 2024\nThe ministers met."

        assert None is find_dateline(text, is_place=places("Today"))

    def test_sentence_with_colon_is_not_a_dateline(self) -> None:
        """'The minister said: ...' is a sentence."""
        text = "The minister said: the talks went well."

        assert None is find_dateline(text, is_place=places("The"))

    def test_known_place_in_a_sentence(self) -> None:
        """A sentence that starts with a known place is not a dateline."""
        text = "Berlin officials said: the talks went well."

        assert None is find_dateline(text, is_place=places("Berlin"))

    def test_no_separator(self) -> None:
        """An ALL-CAPS word without a separator after it is not a dateline."""
        assert None is find_dateline("NATO allies met in Brussels on Friday.")

    def test_beyond_max_lines(self) -> None:
        """Only the first ``max_lines`` non-empty lines are searched."""
        text = "one\ntwo\nthree\nBERLIN - Talks."

        assert (None, "BERLIN") == (
            find_dateline(text, max_lines=3),
            text[find_dateline(text).city_start : find_dateline(text).city_end],
        )

    def test_empty_text(self) -> None:
        """An empty text has no dateline."""
        assert None is find_dateline("")
