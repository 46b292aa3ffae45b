"""
The typed domain model: construction, immutability and every validation error path.

Every ``ValidationError`` message is checked to name the class, the field and the value in the
form ``Class.field=value!r``.
"""

# The attrs style puts the expected value first: ``assert expected == actual``.
# ruff: noqa: SIM300

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from diplomodel.errors import DiplomodelError, ValidationError
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

TEXT = "Jeyhun Bayramov met Mevlut Cavusoglu in Lodz on 1 December 2022 to discuss trade."

AZ = Country("AZ", "AZE", "Azerbaijan")
TR = Country("TR", "TUR", "Türkiye")
PL = Country("PL", "POL", "Poland")
OSCE = Organization("OSCE", "Organization for Security and Co-operation in Europe")


def span(phrase: str) -> Span:
    """The span of the first occurrence of ``phrase`` in TEXT."""
    start = TEXT.index(phrase)
    return Span.of(TEXT, start, start + len(phrase))


def bayramov(**changes: Any) -> Official:
    fields: dict[str, Any] = {
        "name": "Jeyhun Bayramov",
        "role": Role.FOREIGN_MINISTER,
        "title": "Foreign Affairs Minister",
        "country": AZ,
        "mentions": (span("Jeyhun Bayramov"),),
    }
    fields.update(changes)
    return Official(**fields)


def cavusoglu(**changes: Any) -> Official:
    fields: dict[str, Any] = {
        "name": "Mevlut Cavusoglu",
        "role": Role.FOREIGN_MINISTER,
        "title": "Foreign Minister",
        "country": TR,
        "mentions": (span("Mevlut Cavusoglu"),),
    }
    fields.update(changes)
    return Official(**fields)


def meeting(**changes: Any) -> Meeting:
    fields: dict[str, Any] = {
        "participants": (bayramov(), cavusoglu()),
        "mode": MeetingMode.IN_PERSON,
        "date": MeetingDate(dt.date(2022, 12, 1), span=span("1 December 2022")),
        "place": Place("Lodz", PL, span("Lodz")),
        "occasion": Occasion("OSCE Ministerial Council", OSCE),
        "topics": (Topic("trade", "Trade"),),
        "triggers": (span("met"),),
        "topic_evidence": (TopicEvidence("trade", (span("trade"),)),),
    }
    fields.update(changes)
    return Meeting(**fields)


def assert_names(
    info: pytest.ExceptionInfo[ValidationError], owner: str, field: str, value: object
) -> None:
    """The message, and the error's attributes, name the class, the field and the value."""
    assert f"{owner}.{field}={value!r}" in str(info.value)
    assert (owner, field) == (info.value.owner, info.value.field)


class TestValidationError:
    def test_is_a_diplomodel_error(self) -> None:
        """ValidationError derives from DiplomodelError so one except clause catches it."""
        assert issubclass(ValidationError, DiplomodelError)

    def test_is_a_value_error(self) -> None:
        """ValidationError derives from ValueError for callers that catch the builtin."""
        assert issubclass(ValidationError, ValueError)

    def test_message_format(self) -> None:
        """The message is ``Owner.field=repr(value): reason``."""
        error = ValidationError("Country", "alpha2", "ZZ", "unknown")

        assert "Country.alpha2='ZZ': unknown" == str(error)
        assert "ZZ" == error.value
        assert "unknown" == error.reason

    def test_raised_model_error_caught_as_value_error(self) -> None:
        """A model validation failure can be caught as a plain ValueError."""
        with pytest.raises(ValueError, match=r"Country\.alpha2='ZZ'"):
            Country("ZZ", "ZZZ", "Nowhere")


class TestSpan:
    def test_valid(self) -> None:
        """A span holds its offsets and text."""
        s = Span(3, 6, "abc")

        assert (3, 6, "abc") == (s.start, s.end, s.text)

    def test_of_slices_the_source(self) -> None:
        """Span.of takes the text from the source string."""
        s = Span.of(TEXT, 0, 6)

        assert Span(0, 6, "Jeyhun") == s
        assert TEXT[s.start : s.end] == s.text

    def test_of_whole_text(self) -> None:
        """A span may cover the source up to its very end."""
        assert Span(0, 3, "abc") == Span.of("abc", 0, 3)

    def test_of_outside_the_text(self) -> None:
        """Span.of refuses an end beyond the source."""
        with pytest.raises(ValidationError) as info:
            Span.of("abc", 1, 5)

        assert_names(info, "Span", "end", 5)
        assert "length 3" in str(info.value)

    def test_of_reversed(self) -> None:
        """Span.of refuses an end before the start."""
        with pytest.raises(ValidationError) as info:
            Span.of("abcdef", 4, 2)

        assert_names(info, "Span", "end", 2)

    def test_of_negative_start(self) -> None:
        """Span.of refuses a negative start (no Python-style negative indexing)."""
        with pytest.raises(ValidationError) as info:
            Span.of("abcdef", -2, 3)

        assert_names(info, "Span", "end", 3)

    def test_of_non_int_start(self) -> None:
        """Span.of refuses a non-int offset."""
        with pytest.raises(ValidationError) as info:
            Span.of("abcdef", "1", 3)  # type: ignore[arg-type]

        assert_names(info, "Span", "start", "1")

    def test_text_length_mismatch(self) -> None:
        """The text must be exactly end - start characters long."""
        with pytest.raises(ValidationError) as info:
            Span(0, 3, "ab")

        assert_names(info, "Span", "text", "ab")

    def test_end_equal_to_start(self) -> None:
        """An empty span is refused."""
        with pytest.raises(ValidationError) as info:
            Span(3, 3, "")

        assert_names(info, "Span", "end", 3)

    def test_end_before_start(self) -> None:
        """A span ending before it starts is refused."""
        with pytest.raises(ValidationError) as info:
            Span(5, 2, "abc")

        assert_names(info, "Span", "end", 2)

    def test_negative_start(self) -> None:
        """A negative start is refused."""
        with pytest.raises(ValidationError) as info:
            Span(-1, 2, "abc")

        assert_names(info, "Span", "start", -1)

    def test_bool_start(self) -> None:
        """A bool is not accepted as an int offset."""
        with pytest.raises(ValidationError) as info:
            Span(True, 2, "a")

        assert_names(info, "Span", "start", True)

    def test_bool_end(self) -> None:
        """A bool end offset is refused too."""
        with pytest.raises(ValidationError) as info:
            Span(0, True, "a")

        assert_names(info, "Span", "end", True)

    def test_float_offset(self) -> None:
        """A float offset is refused."""
        with pytest.raises(ValidationError) as info:
            Span(0.0, 1, "a")  # type: ignore[arg-type]

        assert_names(info, "Span", "start", 0.0)

    def test_text_not_str(self) -> None:
        """The text must be a str."""
        with pytest.raises(ValidationError) as info:
            Span(0, 1, b"a")  # type: ignore[arg-type]

        assert_names(info, "Span", "text", b"a")

    def test_shifted(self) -> None:
        """shifted() moves both offsets and keeps the text."""
        assert Span(10, 13, "abc") == Span(3, 6, "abc").shifted(7)

    def test_frozen(self) -> None:
        """Spans cannot be changed."""
        s = Span(0, 1, "a")

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            s.start = 2  # type: ignore[misc]


class TestCountry:
    def test_valid(self) -> None:
        """A country holds its two codes and its name."""
        assert ("TR", "TUR", "Türkiye") == (TR.alpha2, TR.alpha3, TR.name)

    def test_unknown_alpha2(self) -> None:
        """An alpha-2 code ISO does not know is refused."""
        with pytest.raises(ValidationError) as info:
            Country("ZZ", "ZZZ", "Nowhere")

        assert_names(info, "Country", "alpha2", "ZZ")

    def test_lower_case_alpha2(self) -> None:
        """Codes are upper case; the constructor does not normalise them."""
        with pytest.raises(ValidationError) as info:
            Country("tr", "TUR", "Türkiye")

        assert_names(info, "Country", "alpha2", "tr")

    def test_alpha2_not_str(self) -> None:
        """A non-str alpha-2 code is refused."""
        with pytest.raises(ValidationError) as info:
            Country(90, "TUR", "Türkiye")  # type: ignore[arg-type]

        assert_names(info, "Country", "alpha2", 90)

    def test_alpha3_mismatch(self) -> None:
        """The alpha-3 code must be the one of the alpha-2 code."""
        with pytest.raises(ValidationError) as info:
            Country("TR", "DEU", "Türkiye")

        assert_names(info, "Country", "alpha3", "DEU")
        assert "'TUR'" in str(info.value)

    def test_empty_name(self) -> None:
        """An empty name is refused."""
        with pytest.raises(ValidationError) as info:
            Country("TR", "TUR", "")

        assert_names(info, "Country", "name", "")

    def test_blank_name(self) -> None:
        """A name of only white space is refused."""
        with pytest.raises(ValidationError) as info:
            Country("TR", "TUR", "   ")

        assert_names(info, "Country", "name", "   ")

    def test_padded_name(self) -> None:
        """A name with surrounding white space is refused."""
        with pytest.raises(ValidationError) as info:
            Country("TR", "TUR", " Türkiye ")

        assert_names(info, "Country", "name", " Türkiye ")

    def test_from_code_alpha2(self) -> None:
        """from_code builds the country from its alpha-2 code."""
        assert TR == Country.from_code("TR")

    def test_from_code_alpha3_any_case(self) -> None:
        """from_code accepts an alpha-3 code in any case."""
        assert TR == Country.from_code("tur")

    def test_from_code_kosovo_alpha2(self) -> None:
        """Kosovo has the user-assigned code XK."""
        assert Country("XK", "XKX", "Kosovo") == Country.from_code("XK")

    def test_from_code_kosovo_alpha3(self) -> None:
        """Kosovo has the user-assigned alpha-3 code XKX."""
        assert Country("XK", "XKX", "Kosovo") == Country.from_code("XKX")

    def test_kosovo_alpha3_mismatch(self) -> None:
        """Kosovo's alpha-3 code is checked like any other."""
        with pytest.raises(ValidationError) as info:
            Country("XK", "KOS", "Kosovo")

        assert_names(info, "Country", "alpha3", "KOS")

    def test_from_code_unknown(self) -> None:
        """from_code refuses an unknown code."""
        with pytest.raises(ValidationError) as info:
            Country.from_code("ZZ")

        assert_names(info, "Country", "alpha2", "ZZ")

    def test_frozen(self) -> None:
        """Countries cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            TR.name = "Turkey"  # type: ignore[misc]


class TestOrganization:
    def test_valid(self) -> None:
        """An organisation holds its acronym and name."""
        org = Organization("EU", "European Union")

        assert ("EU", "European Union") == (org.acronym, org.name)

    def test_acronym_with_ampersand_and_dots(self) -> None:
        """Acronyms such as "P&G" or "U.N." are accepted."""
        assert "U.N." == Organization("U.N.", "United Nations").acronym

    def test_empty_acronym(self) -> None:
        """An empty acronym is refused."""
        with pytest.raises(ValidationError) as info:
            Organization("", "United Nations")

        assert_names(info, "Organization", "acronym", "")

    def test_padded_acronym(self) -> None:
        """An acronym with surrounding white space is refused."""
        with pytest.raises(ValidationError) as info:
            Organization(" UN", "United Nations")

        assert_names(info, "Organization", "acronym", " UN")

    def test_long_acronym(self) -> None:
        """A whole name is not an acronym."""
        name = "Organization for Security and Co-operation in Europe"
        with pytest.raises(ValidationError) as info:
            Organization(name, name)

        assert_names(info, "Organization", "acronym", name)

    def test_blank_name(self) -> None:
        """A blank name is refused."""
        with pytest.raises(ValidationError) as info:
            Organization("UN", " \t")

        assert_names(info, "Organization", "name", " \t")

    def test_frozen(self) -> None:
        """Organisations cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            OSCE.acronym = "UN"  # type: ignore[misc]


class TestTopic:
    def test_valid(self) -> None:
        """A topic holds its code and label."""
        topic = Topic("bilateral_relations", "Bilateral relations")

        assert ("bilateral_relations", "Bilateral relations") == (topic.code, topic.label)

    def test_code_not_snake_case(self) -> None:
        """A code must be snake_case."""
        with pytest.raises(ValidationError) as info:
            Topic("Trade", "Trade")

        assert_names(info, "Topic", "code", "Trade")

    def test_code_with_space(self) -> None:
        """A code with a space is refused."""
        with pytest.raises(ValidationError) as info:
            Topic("climate change", "Climate change")

        assert_names(info, "Topic", "code", "climate change")

    def test_code_not_str(self) -> None:
        """A non-str code is refused."""
        with pytest.raises(ValidationError) as info:
            Topic(None, "Trade")  # type: ignore[arg-type]

        assert_names(info, "Topic", "code", None)

    def test_empty_label(self) -> None:
        """An empty label is refused."""
        with pytest.raises(ValidationError) as info:
            Topic("trade", "")

        assert_names(info, "Topic", "label", "")

    def test_padded_label(self) -> None:
        """A label with trailing white space is refused."""
        with pytest.raises(ValidationError) as info:
            Topic("trade", "Trade\n")

        assert_names(info, "Topic", "label", "Trade\n")

    def test_frozen(self) -> None:
        """Topics cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            Topic("trade", "Trade").label = "Commerce"  # type: ignore[misc]


class TestOfficial:
    def test_valid_country_official(self) -> None:
        """An official acting for a country."""
        official = bayramov()

        assert ("Jeyhun Bayramov", Role.FOREIGN_MINISTER, AZ, None) == (
            official.name,
            official.role,
            official.country,
            official.org,
        )

    def test_valid_org_official(self) -> None:
        """An official acting for an organisation."""
        official = Official("Helga Schmid", Role.ORG_LEADER, "Secretary General", org=OSCE)

        assert OSCE == official.org

    def test_name_may_be_none(self) -> None:
        """An official named only by office has no name."""
        assert None is Official(None, Role.AMBASSADOR, "Ambassador", country=TR).name

    def test_defaults(self) -> None:
        """title, org and mentions default to None, None and ()."""
        official = Official("A B", Role.OFFICIAL, country=TR)

        assert (None, None, ()) == (official.title, official.org, official.mentions)

    def test_side_of_country_official(self) -> None:
        """The side of a country's official is the alpha-2 code."""
        assert "AZ" == bayramov().side

    def test_side_of_org_official(self) -> None:
        """The side of an organisation's official is the acronym."""
        assert "OSCE" == Official("Helga Schmid", Role.ORG_LEADER, org=OSCE).side

    def test_role_as_str(self) -> None:
        """The role must be a Role member, not its string value."""
        with pytest.raises(ValidationError) as info:
            bayramov(role="foreign_minister")

        assert_names(info, "Official", "role", "foreign_minister")
        assert "head_of_state" in str(info.value)

    def test_role_of_other_enum(self) -> None:
        """A member of another enum is not a role."""
        with pytest.raises(ValidationError) as info:
            bayramov(role=MeetingMode.PHONE)

        assert_names(info, "Official", "role", MeetingMode.PHONE)

    def test_both_country_and_org(self) -> None:
        """An official acts for a country or an organisation, not both."""
        with pytest.raises(ValidationError) as info:
            bayramov(org=OSCE)

        assert_names(info, "Official", "country", AZ)
        assert "exactly one" in str(info.value)

    def test_neither_country_nor_org(self) -> None:
        """An official must act for someone."""
        with pytest.raises(ValidationError) as info:
            bayramov(country=None)

        assert_names(info, "Official", "country", None)

    def test_country_as_code(self) -> None:
        """The country must be a Country, not its code."""
        with pytest.raises(ValidationError) as info:
            bayramov(country="AZ")

        assert_names(info, "Official", "country", "AZ")

    def test_org_as_acronym(self) -> None:
        """The org must be an Organization, not its acronym."""
        with pytest.raises(ValidationError) as info:
            bayramov(country=None, org="OSCE")

        assert_names(info, "Official", "org", "OSCE")

    def test_empty_name(self) -> None:
        """An empty name is refused (use None for no name)."""
        with pytest.raises(ValidationError) as info:
            bayramov(name="")

        assert_names(info, "Official", "name", "")

    def test_padded_name(self) -> None:
        """A name with surrounding white space is refused."""
        with pytest.raises(ValidationError) as info:
            bayramov(name="Jeyhun Bayramov ")

        assert_names(info, "Official", "name", "Jeyhun Bayramov ")

    def test_blank_title(self) -> None:
        """A blank title is refused."""
        with pytest.raises(ValidationError) as info:
            bayramov(title="  ")

        assert_names(info, "Official", "title", "  ")

    def test_mentions_as_list(self) -> None:
        """Mentions must be a tuple."""
        mentions = [span("Jeyhun Bayramov")]
        with pytest.raises(ValidationError) as info:
            bayramov(mentions=mentions)

        assert_names(info, "Official", "mentions", mentions)

    def test_mention_not_a_span(self) -> None:
        """Every mention must be a Span; the index of the bad one is named."""
        with pytest.raises(ValidationError) as info:
            bayramov(mentions=(span("Jeyhun Bayramov"), (0, 6)))

        assert_names(info, "Official", "mentions[1]", (0, 6))

    def test_frozen(self) -> None:
        """Officials cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            bayramov().name = "Someone Else"  # type: ignore[misc]


class TestPlace:
    def test_valid(self) -> None:
        """A place holds a name, a country and a span."""
        place = Place("Lodz", PL, span("Lodz"))

        assert ("Lodz", PL, "Lodz") == (place.name, place.country, place.span.text)

    def test_country_only(self) -> None:
        """The name may be None when only the country is known."""
        assert None is Place(None, PL).name

    def test_blank_name(self) -> None:
        """A blank name is refused."""
        with pytest.raises(ValidationError) as info:
            Place(" ", PL)

        assert_names(info, "Place", "name", " ")

    def test_padded_name(self) -> None:
        """A name with surrounding white space is refused."""
        with pytest.raises(ValidationError) as info:
            Place("Lodz ", PL)

        assert_names(info, "Place", "name", "Lodz ")

    def test_country_as_code(self) -> None:
        """The country must be a Country."""
        with pytest.raises(ValidationError) as info:
            Place("Lodz", "PL")  # type: ignore[arg-type]

        assert_names(info, "Place", "country", "PL")

    def test_span_not_a_span(self) -> None:
        """The span must be a Span."""
        with pytest.raises(ValidationError) as info:
            Place("Lodz", PL, (40, 44))  # type: ignore[arg-type]

        assert_names(info, "Place", "span", (40, 44))

    def test_frozen(self) -> None:
        """Places cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            Place("Lodz", PL).name = "Warsaw"  # type: ignore[misc]


class TestOccasion:
    def test_valid(self) -> None:
        """An occasion holds its name and organisation."""
        occasion = Occasion("OSCE Ministerial Council", OSCE)

        assert ("OSCE Ministerial Council", OSCE, None) == (
            occasion.name,
            occasion.org,
            occasion.span,
        )

    def test_empty_name(self) -> None:
        """An empty name is refused."""
        with pytest.raises(ValidationError) as info:
            Occasion("")

        assert_names(info, "Occasion", "name", "")

    def test_padded_name(self) -> None:
        """A name with surrounding white space is refused."""
        with pytest.raises(ValidationError) as info:
            Occasion("\tG20 summit")

        assert_names(info, "Occasion", "name", "\tG20 summit")

    def test_org_as_acronym(self) -> None:
        """The organisation must be an Organization."""
        with pytest.raises(ValidationError) as info:
            Occasion("G20 summit", "G20")  # type: ignore[arg-type]

        assert_names(info, "Occasion", "org", "G20")

    def test_span_not_a_span(self) -> None:
        """The span must be a Span."""
        with pytest.raises(ValidationError) as info:
            Occasion("G20 summit", span="G20 summit")  # type: ignore[arg-type]

        assert_names(info, "Occasion", "span", "G20 summit")

    def test_frozen(self) -> None:
        """Occasions cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            Occasion("G20 summit").org = OSCE  # type: ignore[misc]


class TestMeetingDate:
    def test_defaults(self) -> None:
        """A date defaults to day precision, explicit basis and no span."""
        date = MeetingDate(dt.date(2022, 12, 1))

        assert (DatePrecision.DAY, DateBasis.EXPLICIT, None) == (
            date.precision,
            date.basis,
            date.span,
        )

    def test_iso_day_precision(self) -> None:
        """A day-precision date is written YYYY-MM-DD."""
        assert "2022-12-01" == MeetingDate(dt.date(2022, 12, 1)).iso

    def test_iso_month_precision(self) -> None:
        """A month-precision date is written YYYY-MM."""
        date = MeetingDate(dt.date(2023, 5, 1), DatePrecision.MONTH, DateBasis.RELATIVE)

        assert "2023-05" == date.iso

    def test_month_precision_with_day(self) -> None:
        """A month-precision date must have day 1."""
        with pytest.raises(ValidationError) as info:
            MeetingDate(dt.date(2023, 5, 4), DatePrecision.MONTH)

        assert_names(info, "MeetingDate", "value", dt.date(2023, 5, 4))

    def test_datetime_value(self) -> None:
        """A datetime is not a date here."""
        value = dt.datetime(2022, 12, 1, 10, 30)
        with pytest.raises(ValidationError) as info:
            MeetingDate(value)

        assert_names(info, "MeetingDate", "value", value)

    def test_string_value(self) -> None:
        """An ISO string is not a date."""
        with pytest.raises(ValidationError) as info:
            MeetingDate("2022-12-01")  # type: ignore[arg-type]

        assert_names(info, "MeetingDate", "value", "2022-12-01")

    def test_precision_as_str(self) -> None:
        """The precision must be a DatePrecision."""
        with pytest.raises(ValidationError) as info:
            MeetingDate(dt.date(2022, 12, 1), "day")  # type: ignore[arg-type]

        assert_names(info, "MeetingDate", "precision", "day")

    def test_basis_as_str(self) -> None:
        """The basis must be a DateBasis."""
        with pytest.raises(ValidationError) as info:
            MeetingDate(dt.date(2022, 12, 1), basis="dateline")  # type: ignore[arg-type]

        assert_names(info, "MeetingDate", "basis", "dateline")

    def test_span_not_a_span(self) -> None:
        """The span must be a Span."""
        with pytest.raises(ValidationError) as info:
            MeetingDate(dt.date(2022, 12, 1), span="1 December 2022")  # type: ignore[arg-type]

        assert_names(info, "MeetingDate", "span", "1 December 2022")

    def test_frozen(self) -> None:
        """Meeting dates cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            MeetingDate(dt.date(2022, 12, 1)).value = dt.date(2022, 12, 2)  # type: ignore[misc]


class TestTopicEvidence:
    def test_valid(self) -> None:
        """Topic evidence holds a code and spans."""
        evidence = TopicEvidence("trade", (span("trade"),))

        assert ("trade", ("trade",)) == (evidence.code, tuple(s.text for s in evidence.spans))

    def test_code_not_str(self) -> None:
        """The code must be a str."""
        with pytest.raises(ValidationError) as info:
            TopicEvidence(1, ())  # type: ignore[arg-type]

        assert_names(info, "TopicEvidence", "code", 1)

    def test_spans_as_list(self) -> None:
        """The spans must be a tuple."""
        spans = [span("trade")]
        with pytest.raises(ValidationError) as info:
            TopicEvidence("trade", spans)  # type: ignore[arg-type]

        assert_names(info, "TopicEvidence", "spans", spans)

    def test_span_not_a_span(self) -> None:
        """Every item must be a Span."""
        with pytest.raises(ValidationError) as info:
            TopicEvidence("trade", ("trade",))  # type: ignore[arg-type]

        assert_names(info, "TopicEvidence", "spans[0]", "trade")

    def test_frozen(self) -> None:
        """Topic evidence cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            TopicEvidence("trade", ()).code = "economy"  # type: ignore[misc]


class TestMeeting:
    def test_valid(self) -> None:
        """A meeting holds its participants, mode, date, place, occasion and topics."""
        m = meeting()

        assert (("AZ", "TR"), MeetingMode.IN_PERSON, "2022-12-01", "Lodz", ("trade",)) == (
            tuple(p.side for p in m.participants),
            m.mode,
            m.date.iso,
            m.place.name,
            tuple(t.code for t in m.topics),
        )

    def test_minimal(self) -> None:
        """Only the participants are required."""
        m = Meeting((bayramov(), cavusoglu()))

        assert (MeetingMode.IN_PERSON, None, None, None, (), (), ()) == (
            m.mode,
            m.date,
            m.place,
            m.occasion,
            m.topics,
            m.triggers,
            m.topic_evidence,
        )

    def test_country_and_org_are_two_sides(self) -> None:
        """A country's official and an organisation's official are two sides."""
        org_official = Official("Helga Schmid", Role.ORG_LEADER, org=OSCE)

        assert ("AZ", "OSCE") == tuple(
            p.side for p in Meeting((bayramov(), org_official)).participants
        )

    def test_spans(self) -> None:
        """spans() lists triggers, mentions, date, place and topic evidence spans."""
        texts = sorted(s.text for s in meeting().spans())

        assert (
            sorted(
                ["met", "Jeyhun Bayramov", "Mevlut Cavusoglu", "1 December 2022", "Lodz", "trade"]
            )
            == texts
        )

    def test_participants_of_one_side(self) -> None:
        """Two officials of the same country do not make a meeting."""
        colleague = bayramov(name="Ali Asadov", role=Role.HEAD_OF_GOVERNMENT, title=None)
        with pytest.raises(ValidationError) as info:
            Meeting((bayramov(), colleague))

        assert_names(info, "Meeting", "participants", ("Jeyhun Bayramov", "Ali Asadov"))

    def test_single_participant(self) -> None:
        """One participant is not a meeting."""
        with pytest.raises(ValidationError) as info:
            Meeting((bayramov(),))

        assert_names(info, "Meeting", "participants", ("Jeyhun Bayramov",))

    def test_no_participants(self) -> None:
        """No participants is not a meeting."""
        with pytest.raises(ValidationError) as info:
            Meeting(())

        assert_names(info, "Meeting", "participants", ())

    def test_participants_as_list(self) -> None:
        """Participants must be a tuple."""
        participants = [bayramov(), cavusoglu()]
        with pytest.raises(ValidationError) as info:
            Meeting(participants)  # type: ignore[arg-type]

        assert_names(info, "Meeting", "participants", participants)

    def test_participant_not_an_official(self) -> None:
        """Every participant must be an Official."""
        with pytest.raises(ValidationError) as info:
            Meeting((bayramov(), "Mevlut Cavusoglu"))  # type: ignore[arg-type]

        assert_names(info, "Meeting", "participants[1]", "Mevlut Cavusoglu")

    def test_duplicate_topic_codes(self) -> None:
        """A topic appears once per meeting."""
        with pytest.raises(ValidationError) as info:
            meeting(topics=(Topic("trade", "Trade"), Topic("trade", "Commerce")))

        assert_names(info, "Meeting", "topics", ("trade", "trade"))

    def test_phone_meeting_with_place(self) -> None:
        """A phone call has no place."""
        place = Place("Lodz", PL)
        with pytest.raises(ValidationError) as info:
            meeting(mode=MeetingMode.PHONE, place=place)

        assert_names(info, "Meeting", "place", place)
        assert "phone meeting has no place" in str(info.value)

    def test_video_meeting_with_place(self) -> None:
        """A video call has no place."""
        with pytest.raises(ValidationError) as info:
            meeting(mode=MeetingMode.VIDEO)

        assert "Meeting.place=" in str(info.value)
        assert "video meeting has no place" in str(info.value)

    def test_phone_meeting_without_place(self) -> None:
        """A phone call without a place is fine."""
        assert MeetingMode.PHONE == meeting(mode=MeetingMode.PHONE, place=None).mode

    def test_mode_as_str(self) -> None:
        """The mode must be a MeetingMode."""
        with pytest.raises(ValidationError) as info:
            meeting(mode="in_person")

        assert_names(info, "Meeting", "mode", "in_person")

    def test_date_as_date(self) -> None:
        """The date must be a MeetingDate, not a bare date."""
        with pytest.raises(ValidationError) as info:
            meeting(date=dt.date(2022, 12, 1))

        assert_names(info, "Meeting", "date", dt.date(2022, 12, 1))

    def test_place_as_str(self) -> None:
        """The place must be a Place."""
        with pytest.raises(ValidationError) as info:
            meeting(place="Lodz")

        assert_names(info, "Meeting", "place", "Lodz")

    def test_occasion_as_str(self) -> None:
        """The occasion must be an Occasion."""
        with pytest.raises(ValidationError) as info:
            meeting(occasion="OSCE Ministerial Council")

        assert_names(info, "Meeting", "occasion", "OSCE Ministerial Council")

    def test_topic_as_str(self) -> None:
        """Topics must be Topic objects."""
        with pytest.raises(ValidationError) as info:
            meeting(topics=("trade",))

        assert_names(info, "Meeting", "topics[0]", "trade")

    def test_trigger_not_a_span(self) -> None:
        """Triggers must be spans."""
        with pytest.raises(ValidationError) as info:
            meeting(triggers=("met",))

        assert_names(info, "Meeting", "triggers[0]", "met")

    def test_topic_evidence_not_evidence(self) -> None:
        """Topic evidence must be TopicEvidence objects."""
        with pytest.raises(ValidationError) as info:
            meeting(topic_evidence=(span("trade"),))

        assert_names(info, "Meeting", "topic_evidence[0]", span("trade"))

    def test_frozen(self) -> None:
        """Meetings cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            meeting().mode = MeetingMode.PHONE  # type: ignore[misc]


class TestDateline:
    def test_valid(self) -> None:
        """A dateline holds its span, place name and date."""
        line = "Lodz, 1 December 2022 (TDI): "
        dateline = Dateline(Span.of(line, 0, len(line)), "Lodz", dt.date(2022, 12, 1))

        assert ("Lodz", dt.date(2022, 12, 1), line) == (
            dateline.place_name,
            dateline.date,
            dateline.span.text,
        )

    def test_defaults(self) -> None:
        """place_name and date default to None."""
        dateline = Dateline(Span(0, 9, "ANKARA - "))

        assert (None, None) == (dateline.place_name, dateline.date)

    def test_span_not_a_span(self) -> None:
        """The span must be a Span."""
        with pytest.raises(ValidationError) as info:
            Dateline((0, 9))  # type: ignore[arg-type]

        assert_names(info, "Dateline", "span", (0, 9))

    def test_blank_place_name(self) -> None:
        """A blank place name is refused."""
        with pytest.raises(ValidationError) as info:
            Dateline(Span(0, 9, "ANKARA - "), "")

        assert_names(info, "Dateline", "place_name", "")

    def test_datetime_date(self) -> None:
        """A datetime is not a date here."""
        value = dt.datetime(2022, 12, 1)
        with pytest.raises(ValidationError) as info:
            Dateline(Span(0, 9, "ANKARA - "), "ANKARA", value)

        assert_names(info, "Dateline", "date", value)

    def test_string_date(self) -> None:
        """An ISO string is not a date."""
        with pytest.raises(ValidationError) as info:
            Dateline(Span(0, 9, "ANKARA - "), "ANKARA", "2022-12-01")  # type: ignore[arg-type]

        assert_names(info, "Dateline", "date", "2022-12-01")

    def test_frozen(self) -> None:
        """Datelines cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            Dateline(Span(0, 9, "ANKARA - ")).place_name = "ANKARA"  # type: ignore[misc]


class TestArticleResult:
    def test_valid(self) -> None:
        """A result holds the text length, meetings, officials, published date and dateline."""
        result = ArticleResult(
            len(TEXT), (meeting(),), (bayramov(), cavusoglu()), dt.date(2022, 12, 2)
        )

        assert (len(TEXT), 1, 2, dt.date(2022, 12, 2), None) == (
            result.length,
            len(result.meetings),
            len(result.officials),
            result.published,
            result.dateline,
        )

    def test_empty(self) -> None:
        """An empty text has an empty result."""
        result = ArticleResult(0)

        assert ((), (), None, None) == (
            result.meetings,
            result.officials,
            result.published,
            result.dateline,
        )

    def test_spans(self) -> None:
        """spans() gathers the spans of meetings, officials and the dateline."""
        dateline = Dateline(Span.of(TEXT, 0, 6))
        result = ArticleResult(len(TEXT), (meeting(),), (bayramov(),), dateline=dateline)

        assert len(meeting().spans()) + 1 + 1 == len(result.spans())

    def test_span_beyond_length(self) -> None:
        """Every span must lie inside the text of the given length."""
        with pytest.raises(ValidationError) as info:
            ArticleResult(5, officials=(bayramov(),))

        assert_names(info, "ArticleResult", "length", 5)

    def test_meeting_span_beyond_length(self) -> None:
        """A meeting's evidence span beyond the text is refused too."""
        with pytest.raises(ValidationError) as info:
            ArticleResult(len(TEXT) - 2, (meeting(),))

        assert_names(info, "ArticleResult", "length", len(TEXT) - 2)

    def test_span_ending_at_length(self) -> None:
        """A span ending exactly at the text's end is inside it."""
        dateline = Dateline(Span(0, 9, "ANKARA - "))

        assert 9 == ArticleResult(9, dateline=dateline).length

    def test_negative_length(self) -> None:
        """A negative length is refused."""
        with pytest.raises(ValidationError) as info:
            ArticleResult(-1)

        assert_names(info, "ArticleResult", "length", -1)

    def test_bool_length(self) -> None:
        """A bool is not a length."""
        with pytest.raises(ValidationError) as info:
            ArticleResult(True)

        assert_names(info, "ArticleResult", "length", True)

    def test_meetings_as_list(self) -> None:
        """Meetings must be a tuple."""
        meetings = [meeting()]
        with pytest.raises(ValidationError) as info:
            ArticleResult(len(TEXT), meetings)  # type: ignore[arg-type]

        assert_names(info, "ArticleResult", "meetings", meetings)

    def test_official_not_an_official(self) -> None:
        """Officials must be Official objects."""
        with pytest.raises(ValidationError) as info:
            ArticleResult(len(TEXT), officials=("Jeyhun Bayramov",))  # type: ignore[arg-type]

        assert_names(info, "ArticleResult", "officials[0]", "Jeyhun Bayramov")

    def test_datetime_published(self) -> None:
        """A datetime is not a published date."""
        value = dt.datetime(2022, 12, 2, 8)
        with pytest.raises(ValidationError) as info:
            ArticleResult(0, published=value)

        assert_names(info, "ArticleResult", "published", value)

    def test_dateline_not_a_dateline(self) -> None:
        """The dateline must be a Dateline."""
        with pytest.raises(ValidationError) as info:
            ArticleResult(0, dateline="Lodz")  # type: ignore[arg-type]

        assert_names(info, "ArticleResult", "dateline", "Lodz")

    def test_frozen(self) -> None:
        """Results cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            ArticleResult(0).length = 3  # type: ignore[misc]
