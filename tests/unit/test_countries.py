"""
Countries from codes (``country_from_code``) and from names, abbreviations and demonyms
(``get_country``, ``lookup_country``), including the shipped ``data/countries.toml`` names.
"""

# The attrs style puts the expected value first: ``assert expected == actual``.
# ruff: noqa: SIM300

from __future__ import annotations

import pytest

from diplomodel.countries import country_from_code, get_country, lookup_country
from diplomodel.errors import DiplomodelError, UnknownCountryError, ValidationError
from diplomodel.model import Country


def code_of(name: str) -> str | None:
    country = get_country(name)
    return None if country is None else country.alpha2


class TestCountryFromCode:
    def test_alpha2(self) -> None:
        """An alpha-2 code gives the full country."""
        assert Country("TR", "TUR", "T\u00fcrkiye") == country_from_code("TR")

    def test_alpha3(self) -> None:
        """An alpha-3 code gives the same country."""
        assert country_from_code("TR") == country_from_code("TUR")

    def test_case_and_spaces(self) -> None:
        """Codes are matched case-insensitively and stripped."""
        assert ["DE", "DE"] == [country_from_code(c).alpha2 for c in ("de", " deu ")]

    def test_common_name_preferred(self) -> None:
        """pycountry's common name is used when it has one."""
        assert "South Korea" == country_from_code("KR").name

    def test_kosovo_alpha2(self) -> None:
        """XK is Kosovo."""
        assert Country("XK", "XKX", "Kosovo") == country_from_code("XK")

    def test_kosovo_alpha3(self) -> None:
        """XKX is Kosovo."""
        assert Country("XK", "XKX", "Kosovo") == country_from_code("xkx")

    def test_unknown_code(self) -> None:
        """ZZ is not a country code."""
        with pytest.raises(ValidationError) as info:
            country_from_code("ZZ")

        assert "Country.alpha2='ZZ'" in str(info.value)

    def test_unknown_alpha3(self) -> None:
        """ZZZ is not a country code."""
        with pytest.raises(ValidationError, match=r"Country\.alpha2='ZZZ'"):
            country_from_code("ZZZ")

    def test_wrong_length(self) -> None:
        """A four-letter string is not a code."""
        with pytest.raises(ValidationError, match="'TURK'"):
            country_from_code("TURK")

    def test_not_a_str(self) -> None:
        """A non-str code is refused with ValidationError."""
        with pytest.raises(ValidationError, match=r"Country\.alpha2=90"):
            country_from_code(90)  # type: ignore[arg-type]


class TestGetCountry:
    @pytest.mark.parametrize(
        ("name", "code"),
        [
            ("TR", "TR"),
            ("TUR", "TR"),
            ("T\u00fcrkiye", "TR"),
            ("Czechia", "CZ"),
            ("Russian Federation", "RU"),
            ("Germany", "DE"),
            ("United States", "US"),
            ("Republic of Korea", "KR"),
            ("South Korea", "KR"),
        ],
    )
    def test_pycountry_names_and_codes(self, name: str, code: str) -> None:
        """pycountry's names and the ISO codes are found."""
        assert code == code_of(name)

    def test_returns_the_full_country(self) -> None:
        """The result is the same Country as country_from_code gives."""
        assert country_from_code("CZ") == get_country("Czechia")

    @pytest.mark.parametrize("name", ["t\u00fcrkiye", "TURKIYE", "Turkiye", "T\u00dcRK\u0130YE"])
    def test_folds_case_and_diacritics(self, name: str) -> None:
        """Case and diacritics do not matter."""
        assert "TR" == code_of(name)

    def test_nfd_input(self) -> None:
        """A decomposed name is found like a composed one."""
        assert "TR" == code_of("Tu\u0308rkiye")

    def test_surrounding_spaces(self) -> None:
        """Surrounding white space is ignored."""
        assert "CZ" == code_of("  Czechia \n")

    def test_leading_the(self) -> None:
        """A leading 'the' is ignored."""
        assert "NL" == code_of("the Netherlands")

    def test_kosovo(self) -> None:
        """Kosovo is found by name and code."""
        assert ["XK", "XK", "XK"] == [code_of(n) for n in ("Kosovo", "XK", "XKX")]

    @pytest.mark.parametrize("name", ["Atlantis", "", "   ", "ZZ", "Lodz", "Korea, Republic of"])
    def test_unknown(self, name: str) -> None:
        """Unknown names, unknown codes and ISO's inverted names give None."""
        assert None is get_country(name)

    def test_not_a_str(self) -> None:
        """A non-str gives None."""
        assert None is get_country(None)  # type: ignore[arg-type]

    def test_lower_case_code_is_not_a_code(self) -> None:
        """Only upper-case strings are read as codes."""
        assert None is get_country("tr")

    def test_unresolvable_demonym(self) -> None:
        """A demonym shared by two countries gives None."""
        assert None is get_country("Congolese")


class TestGetCountryShippedNames:
    """
    Names from ``data/countries.toml``: aliases, demonyms and capitals.
    """

    @pytest.mark.parametrize(
        ("name", "code"),
        [
            ("Turkey", "TR"),
            ("Turkiye", "TR"),
            ("Turkish", "TR"),
            ("the U.S.", "US"),
            ("U.S.", "US"),
            ("the US", "US"),
            ("U.K.", "GB"),
            ("Britain", "GB"),
            ("UAE", "AE"),
            ("Emirati", "AE"),
            ("Ivory Coast", "CI"),
            ("Ivorian", "CI"),
            ("Azerbaijani", "AZ"),
        ],
    )
    def test_aliases_and_demonyms(self, name: str, code: str) -> None:
        """Common short names, abbreviations and demonyms resolve."""
        assert code == code_of(name)

    def test_ivory_coast_full_country(self) -> None:
        """'Ivory Coast' gives Côte d'Ivoire with its ISO codes."""
        assert Country("CI", "CIV", "C\u00f4te d'Ivoire") == get_country("Ivory Coast")

    def test_capital(self) -> None:
        """A seat of government denotes its country."""
        assert "TR" == code_of("Ankara")


class TestLookupCountry:
    def test_found(self) -> None:
        """A known name gives its country."""
        assert country_from_code("TR") == lookup_country("T\u00fcrkiye")

    def test_unknown_names_the_input(self) -> None:
        """An unknown name raises UnknownCountryError naming the input."""
        with pytest.raises(UnknownCountryError) as info:
            lookup_country("Atlantis")

        assert "'Atlantis'" in str(info.value)

    def test_error_is_a_lookup_error(self) -> None:
        """UnknownCountryError is a LookupError and a DiplomodelError."""
        with pytest.raises(LookupError) as info:
            lookup_country("Narnia")

        assert (True, "Narnia") == (
            isinstance(info.value, DiplomodelError),
            str(info.value).split("'")[1],
        )

    def test_unknown_code(self) -> None:
        """An unknown code raises UnknownCountryError, not ValidationError."""
        with pytest.raises(UnknownCountryError, match="'ZZ'"):
            lookup_country("ZZ")
