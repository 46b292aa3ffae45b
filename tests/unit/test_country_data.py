"""
Integrity of the shipped country table ``diplomodel/data/countries.toml``.

Follows IndEcol/country_converter's rule that every name matches exactly one country: each
folded key (``diplomodel.text.key_of``) of an alias, demonym or capital, and of pycountry's
usable names, must denote a single country.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from functools import cache
from importlib.resources import files
from typing import Any

import pycountry
import pytest

from diplomodel.iso import all_records
from diplomodel.text import key_of

FIELDS = ("aliases", "demonyms", "capitals")

# Countries with no demonym, and why.
NO_DEMONYM = {
    "AQ": "Antarctica has no permanent population",
    "BV": "Bouvet Island is uninhabited",
    "HM": "Heard Island and McDonald Islands are uninhabited",
    "GS": "South Georgia has no permanent population",
    "TF": "the French Southern Territories have no permanent population",
    "UM": "the US Minor Outlying Islands have no native population",
    "SJ": "Svalbard and Jan Mayen: residents are called Norwegian; no own demonym",
    "MP": "Northern Mariana Islands: the Factbook gives none (US citizens)",
    "VA": "Holy See: no demonym; the alias 'Vatican' serves as the adjective",
    "GG": "Guernsey: 'Channel Islander' is shared with Jersey (unresolvable)",
    "JE": "Jersey: 'Channel Islander' is shared with Guernsey (unresolvable)",
    "MF": "Saint Martin: 'Saint-Martinois' covers the whole island (MF and SX)",
    "CD": "'Congolese' is shared by both Congos (unresolvable)",
    "CG": "'Congolese' is shared by both Congos (unresolvable)",
    "DM": "'Dominican' is shared with the Dominican Republic (unresolvable)",
    "DO": "'Dominican' is shared with Dominica (unresolvable)",
    "GN": "'Guinean' is shared with GW, GQ and PG (unresolvable)",
}


@cache
def data() -> dict[str, Any]:
    text = (files("diplomodel") / "data" / "countries.toml").read_text("utf-8")
    return tomllib.loads(text)


def countries() -> dict[str, dict[str, list[str]]]:
    table: dict[str, dict[str, list[str]]] = data()["countries"]
    return table


def iso_names() -> list[tuple[str, str]]:
    """(alpha2, name) for pycountry's name/official/common names without comma or parenthesis."""
    out = []
    for record in all_records():
        for name in (record.name, record.official_name, record.common_name):
            if name and "," not in name and "(" not in name:
                out.append((record.alpha2, name))
    return out


@cache
def index() -> dict[str, frozenset[str]]:
    """Folded key -> the set of countries it denotes (TOML lists plus pycountry names)."""
    found: dict[str, set[str]] = defaultdict(set)
    for code, name in iso_names():
        found[key_of(name)].add(code)
    for code, entry in countries().items():
        for field in FIELDS:
            for surface in entry[field]:
                found[key_of(surface)].add(code)
    return {key: frozenset(codes) for key, codes in found.items()}


def resolve(name: str) -> str | None:
    codes = index().get(key_of(name), frozenset())
    return next(iter(codes)) if len(codes) == 1 else None


def test_codes_are_iso_alpha2_or_kosovo() -> None:
    valid = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    assert set(countries()) <= valid, sorted(set(countries()) - valid)


def test_every_iso_country_and_kosovo_is_covered() -> None:
    expected = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    assert set(countries()) == expected, sorted(expected - set(countries()))
    assert len(countries()) == 250


def test_every_entry_has_exactly_the_three_lists_of_clean_strings() -> None:
    for code, entry in countries().items():
        assert set(entry) == set(FIELDS), code
        for field in FIELDS:
            values = entry[field]
            assert isinstance(values, list), (code, field)
            for surface in values:
                assert isinstance(surface, str) and surface, (code, field, surface)
                assert surface == surface.strip() and "  " not in surface, (code, surface)
                assert key_of(surface), (code, surface)
            assert len(values) == len(set(values)), (code, field, "duplicate entry")


def test_each_key_denotes_exactly_one_country() -> None:
    shared = {key: sorted(codes) for key, codes in index().items() if len(codes) > 1}
    assert not shared, shared


def test_unresolvable_names_are_in_no_list_and_not_iso_names() -> None:
    unresolvable = data()["ambiguity"]["unresolvable"]
    assert unresolvable
    clashes = [name for name in unresolvable if key_of(name) in index()]
    assert not clashes, clashes


def test_ambiguity_table_has_the_expected_lists() -> None:
    ambiguity = data()["ambiguity"]
    assert set(ambiguity) == {"first_names", "us_states", "unresolvable"}
    for values in ambiguity.values():
        assert all(isinstance(v, str) and v for v in values)


@pytest.mark.parametrize("field", ["first_names", "us_states"])
def test_flagged_names_resolve_to_one_country(field: str) -> None:
    unresolved = [n for n in data()["ambiguity"][field] if resolve(n) is None]
    assert not unresolved, unresolved


@pytest.mark.parametrize("name", ["Congolese", "Guinean", "Dominican"])
def test_shared_names_are_unresolvable(name: str) -> None:
    assert name in data()["ambiguity"]["unresolvable"]
    assert resolve(name) is None


def test_every_country_has_a_demonym_unless_excepted() -> None:
    missing = {code for code, entry in countries().items() if not entry["demonyms"]}
    assert missing == set(NO_DEMONYM), (
        sorted(missing - set(NO_DEMONYM)),
        sorted(set(NO_DEMONYM) - missing),
    )


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Turkiye", "TR"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Turkish", "TR"),
        ("Ankara", "TR"),
        ("the U.S.", "US"),
        ("U.S.", "US"),
        ("US", "US"),
        ("United States", "US"),
        ("America", "US"),
        ("U.K.", "GB"),
        ("Britain", "GB"),
        ("British", "GB"),
        ("UAE", "AE"),
        ("Emirati", "AE"),
        ("DPRK", "KP"),
        ("North Korean", "KP"),
        ("ROK", "KR"),
        ("South Korea", "KR"),
        # "Korea" alone is the Republic of Korea (ISO short name; North Korea is qualified)
        ("Korea", "KR"),
        ("Korean", "KR"),
        ("Filipino", "PH"),
        ("Azerbaijani", "AZ"),
        ("Azeri", "AZ"),
        ("Ivory Coast", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("C\u00f4te d\u2019Ivoire", "CI"),  # typographic apostrophe
        ("Kosovo", "XK"),
        ("Pristina", "XK"),
        ("Czechia", "CZ"),
        ("Czech Republic", "CZ"),
        ("Netherlands", "NL"),
        ("Holland", "NL"),
        ("Beijing", "CN"),
        ("Moscow", "RU"),
        ("Kyiv", "UA"),
        ("Kiev", "UA"),
        ("Jerusalem", "IL"),
        ("Ramallah", "PS"),
        ("Palestinian Authority", "PS"),
        ("Congo", "CG"),
        ("Congo-Brazzaville", "CG"),
        ("DRC", "CD"),
        ("Democratic Republic of the Congo", "CD"),
        ("Burma", "MM"),
        ("Nigerien", "NE"),
        ("Nigerian", "NG"),
        ("Bissau-Guinean", "GW"),
        ("Equatoguinean", "GQ"),
        ("Holy See", "VA"),
        ("Vatican", "VA"),
        ("Chinese Taipei", "TW"),
        ("Turkish Cypriot", "CY"),
        ("Bosnian Serb", "BA"),
    ],
)
def test_spot_checks(name: str, code: str) -> None:
    key = key_of(name)
    if key.startswith("the "):
        key = key[4:]
    assert index().get(key) == frozenset({code}), (name, index().get(key))


def test_acronyms_are_written_in_capitals() -> None:
    # The matcher accepts an all-capitals entry only when the text is in capitals too.
    gb = countries()["GB"]["aliases"]
    us = countries()["US"]["aliases"]
    assert {"UK", "U.K."} <= set(gb)
    assert {"US", "U.S.", "USA", "U.S.A."} <= set(us)
    assert "us" not in us and "Us" not in us
