"""
The packaged table of well-known office holders (``diplomodel/data/officials.toml``).

Checks its schema by hand (unknown keys are errors), the codes it uses (ISO countries,
organisation acronyms, guideline roles), the tenures, and that a person's folded name or alias
(``diplomodel.text.key_of``) always belongs to one side only: one country or one organisation,
and one person.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

import diplomodel
from diplomodel.iso import by_alpha2
from diplomodel.text import key_of

DATA = Path(diplomodel.__file__).parent / "data"

ROLES = frozenset(
    {
        "head_of_state", "vice_president", "head_of_government", "foreign_minister",
        "deputy_foreign_minister", "defense_minister", "minister", "ambassador", "envoy",
        "parliament_speaker", "legislator", "org_leader", "official",
    }
)  # fmt: skip
REQUIRED = frozenset({"name", "aliases", "role", "from", "to"})
SIDES = frozenset({"country", "org"})
FIRST_YEAR = 1945
LAST_YEAR = 2025


def _load(name: str) -> dict[str, Any]:
    with (DATA / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def officials() -> list[dict[str, Any]]:
    data = _load("officials")
    assert set(data) == {"officials"}, f"unexpected top-level keys: {sorted(data)}"
    entries = data["officials"]
    assert isinstance(entries, list) and entries
    return entries


@pytest.fixture(scope="module")
def org_acronyms() -> frozenset[str]:
    return frozenset(_load("organizations")["organizations"])


def _where(i: int, entry: dict[str, Any]) -> str:
    return f"officials[{i}] {entry.get('name')!r}"


def _side(entry: dict[str, Any]) -> str:
    return f"country:{entry['country']}" if "country" in entry else f"org:{entry['org']}"


def _span(entry: dict[str, Any]) -> tuple[int, int]:
    return entry["from"], entry["to"] or LAST_YEAR


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (a0, a1), (b0, b1) = _span(a), _span(b)
    return a0 <= b1 and b0 <= a1


def _is_text(value: Any) -> bool:
    return (
        isinstance(value, str)
        and bool(value.strip())
        and value == value.strip()
        and "  " not in value
        and bool(key_of(value))
    )


def _is_year(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- schema -----------------------------------------------------------------------------------


def test_schema_keys(officials: list[dict[str, Any]]) -> None:
    errors = []
    for i, entry in enumerate(officials):
        keys = set(entry)
        if REQUIRED - keys:
            errors.append(f"{_where(i, entry)}: missing {sorted(REQUIRED - keys)}")
        if keys - REQUIRED - SIDES:
            errors.append(f"{_where(i, entry)}: unknown keys {sorted(keys - REQUIRED - SIDES)}")
        if len(keys & SIDES) != 1:
            errors.append(f"{_where(i, entry)}: needs exactly one of country/org")
    assert not errors, "\n".join(errors)


def test_names_and_aliases_are_clean_text(officials: list[dict[str, Any]]) -> None:
    errors = []
    for i, entry in enumerate(officials):
        if not _is_text(entry["name"]):
            errors.append(f"{_where(i, entry)}: bad name")
        aliases = entry["aliases"]
        if not isinstance(aliases, list) or not all(_is_text(a) for a in aliases):
            errors.append(f"{_where(i, entry)}: aliases must be a list of clean strings")
        elif len(set(aliases)) != len(aliases) or entry["name"] in aliases:
            errors.append(f"{_where(i, entry)}: an alias repeats the name or another alias")
    assert not errors, "\n".join(errors)


def test_country_codes_are_iso(officials: list[dict[str, Any]]) -> None:
    bad = [
        f"{_where(i, e)}: {e['country']!r}"
        for i, e in enumerate(officials)
        if "country" in e
        and not (isinstance(e["country"], str) and by_alpha2(e["country"]) is not None)
    ]
    assert not bad, "\n".join(bad)


def test_org_acronyms_exist(officials: list[dict[str, Any]], org_acronyms: frozenset[str]) -> None:
    bad = [
        f"{_where(i, e)}: {e['org']!r}"
        for i, e in enumerate(officials)
        if "org" in e and e["org"] not in org_acronyms
    ]
    assert not bad, "\n".join(bad)


def test_roles_are_guideline_roles(officials: list[dict[str, Any]]) -> None:
    bad = [
        f"{_where(i, e)}: {e['role']!r}" for i, e in enumerate(officials) if e["role"] not in ROLES
    ]
    assert not bad, "\n".join(bad)


def test_tenures(officials: list[dict[str, Any]]) -> None:
    errors = []
    for i, entry in enumerate(officials):
        start, end = entry["from"], entry["to"]
        if not (_is_year(start) and _is_year(end)):
            errors.append(f"{_where(i, entry)}: from/to must be integers")
        elif not FIRST_YEAR <= start <= LAST_YEAR:
            errors.append(f"{_where(i, entry)}: from = {start} out of range")
        elif end != 0 and not start <= end <= LAST_YEAR:
            errors.append(f"{_where(i, entry)}: to = {end} (from = {start})")
    assert not errors, "\n".join(errors)


# --- one side and one person per key ----------------------------------------------------------


def test_no_overlapping_tenures_on_two_sides(officials: list[dict[str, Any]]) -> None:
    """A person holds office for one side at a time."""
    by_name: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for i, entry in enumerate(officials):
        by_name[key_of(entry["name"])].append((i, entry))
    errors = []
    for group in by_name.values():
        for n, (i, a) in enumerate(group):
            for j, b in group[n + 1 :]:
                if _side(a) != _side(b) and _overlap(a, b):
                    errors.append(f"{_where(i, a)} {_side(a)} overlaps {_where(j, b)} {_side(b)}")
    assert not errors, "\n".join(errors)


def test_each_key_has_one_side(officials: list[dict[str, Any]]) -> None:
    """People do not change nationality: a folded name or alias maps to one country or org."""
    sides: dict[str, set[str]] = defaultdict(set)
    for entry in officials:
        for term in [entry["name"], *entry["aliases"]]:
            sides[key_of(term)].add(_side(entry))
    bad = [f"{key!r}: {sorted(s)}" for key, s in sorted(sides.items()) if len(s) > 1]
    assert not bad, "\n".join(bad)


def test_each_key_names_one_person(officials: list[dict[str, Any]]) -> None:
    """An alias never spells a different person's name or alias."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in officials:
        for term in [entry["name"], *entry["aliases"]]:
            owners[key_of(term)].add(key_of(entry["name"]))
    bad = [f"{key!r}: {sorted(o)}" for key, o in sorted(owners.items()) if len(o) > 1]
    assert not bad, "\n".join(bad)


def test_same_office_tenures_do_not_overlap(officials: list[dict[str, Any]]) -> None:
    """Two tenures of one person in one office are disjoint (else they are one span)."""
    seen: dict[tuple[str, str, str], list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for i, entry in enumerate(officials):
        seen[(key_of(entry["name"]), _side(entry), entry["role"])].append((i, entry))
    errors = []
    for group in seen.values():
        for n, (i, a) in enumerate(group):
            for j, b in group[n + 1 :]:
                if _overlap(a, b):
                    errors.append(f"{_where(i, a)} and {_where(j, b)}: same office, overlapping")
    assert not errors, "\n".join(errors)


def test_entries_of_one_person_share_aliases(officials: list[dict[str, Any]]) -> None:
    aliases: dict[str, set[frozenset[str]]] = defaultdict(set)
    for entry in officials:
        aliases[key_of(entry["name"])].add(frozenset(entry["aliases"]))
    bad = [name for name, sets in sorted(aliases.items()) if len(sets) > 1]
    assert not bad, f"entries of one person with different aliases: {bad}"


# --- spot checks ------------------------------------------------------------------------------


def _find(officials: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    key = key_of(name)
    return [e for e in officials if key in {key_of(t) for t in [e["name"], *e["aliases"]]}]


@pytest.mark.parametrize(
    ("name", "side", "role", "year"),
    [
        ("Narendra Modi", "country:IN", "head_of_government", 2020),
        ("Sergey Lavrov", "country:RU", "foreign_minister", 2010),
        ("Sergei Lavrov", "country:RU", "foreign_minister", 2024),
        ("Wang Yi", "country:CN", "foreign_minister", 2015),
        ("Wang Yi", "country:CN", "foreign_minister", 2025),
        ("António Guterres", "org:UN", "org_leader", 2020),
        ("Antonio Guterres", "org:UN", "org_leader", 2025),
        ("Mevlut Cavusoglu", "country:TR", "foreign_minister", 2015),
        ("Hakan Fidan", "country:TR", "foreign_minister", 2024),
        ("Antony J. Blinken", "country:US", "foreign_minister", 2022),
        ("Michael R. Pompeo", "country:US", "foreign_minister", 2019),
        ("Mohammad bin Salman", "country:SA", "head_of_government", 2023),
        ("Sheikh Abdullah bin Zayed", "country:AE", "foreign_minister", 2018),
        ("S. Jaishankar", "country:IN", "foreign_minister", 2023),
        ("Subrahmanyam Jaishankar", "country:IN", "foreign_minister", 2023),
        ("Recep Tayyip Erdogan", "country:TR", "head_of_state", 2020),
        ("Vjosa Osmani", "country:XK", "head_of_state", 2022),
        ("Jens Stoltenberg", "org:NATO", "org_leader", 2016),
    ],
)
def test_spot_checks(
    officials: list[dict[str, Any]], name: str, side: str, role: str, year: int
) -> None:
    matches = _find(officials, name)
    assert matches, f"{name!r} not found"
    assert any(
        _side(e) == side and e["role"] == role and _span(e)[0] <= year <= _span(e)[1]
        for e in matches
    ), f"{name!r}: no {side} {role} entry in office in {year}: {matches}"


def test_lavrov_has_one_open_tenure(officials: list[dict[str, Any]]) -> None:
    (lavrov,) = _find(officials, "Sergey Lavrov")
    assert (lavrov["from"], lavrov["to"]) == (2004, 0)


def test_cavusoglu_is_one_span(officials: list[dict[str, Any]]) -> None:
    spans = {(e["from"], e["to"]) for e in _find(officials, "Mevlüt Çavuşoğlu")}
    assert spans == {(2014, 2023)}
