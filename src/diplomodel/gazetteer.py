"""
The place gazetteer: world capitals, cities of 100,000 or more and summit towns, by name.

The table is generated from GeoNames data (CC BY 4.0, https://www.geonames.org/) by
``scripts/build_gazetteer.py`` and shipped as ``data/places.tsv``. It is read on first use, not
at import, and then kept for the life of the process.

Every place is indexed under the key (:func:`diplomodel.text.key_of`) of its name and of each
alias, except the keys in ``data/place_stoplist.txt``. When places share a key the national
capital wins, then the larger population, then the name that sorts first.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from importlib.resources import files
from types import MappingProxyType
from typing import NamedTuple

from diplomodel.text import fold, key_of

__all__ = ["PlaceEntry", "lookup_place", "place_table"]

_HEADER = "name\tcountry\tpopulation\tcapital\taliases"
# An ASCII word, with apostrophes only between letters and never as a possessive "'s".
_WORD = r"[A-Za-z]+(?:'(?!s(?![A-Za-z]))[A-Za-z]+)*"
_SIMPLE = re.compile(rf"{_WORD}(?:[ |-]{_WORD})*")


class PlaceEntry(NamedTuple):
    """
    One place: its canonical (GeoNames) name, ISO 3166-1 alpha-2 country, population, and
    whether it is a national capital.
    """

    name: str
    country: str
    population: int
    capital: bool


_lock = threading.Lock()
_table: Mapping[str, PlaceEntry] | None = None


def _read_stoplist(text: str) -> frozenset[str]:
    lines = (line.strip() for line in text.splitlines())
    return frozenset(key_of(line) for line in lines if line and not line.startswith("#"))


def _keys(spellings: str) -> list[str]:
    """
    The keys of the "|"-separated ``spellings``, each equal to ``key_of(spelling)``.
    """
    # Most spellings are ASCII words joined by single spaces or hyphens, with apostrophes only
    # inside words (N'Djamena): the tokenizer makes one token per word of those, so their key
    # is the lowered text with hyphens as spaces. Checking a whole row with one regex, and only
    # then each spelling, keeps loading tens of thousands of aliases fast.
    # tests/unit/test_gazetteer.py checks that this agrees with key_of on the shipped table.
    if _SIMPLE.fullmatch(spellings):
        return spellings.lower().replace("-", " ").split("|")
    return [_key(spelling) for spelling in spellings.split("|")]


def _key(spelling: str) -> str:
    if _SIMPLE.fullmatch(spelling):
        return spelling.lower().replace("-", " ")
    words = spelling.replace("-", " ").split()
    if "".join(words).isalpha():
        return " ".join(fold(word) for word in words)
    return key_of(spelling)


def _outranks(entry: PlaceEntry, held: PlaceEntry) -> bool:
    # National capital first, then population, then the name (and country) that sort first.
    if entry.capital != held.capital:
        return entry.capital
    if entry.population != held.population:
        return entry.population > held.population
    return (entry.name, entry.country) < (held.name, held.country)


def _build(tsv: str, stoplist: frozenset[str]) -> dict[str, PlaceEntry]:
    lines = tsv.splitlines()
    if not lines or lines[0] != _HEADER:
        raise ValueError("places.tsv: unexpected header")
    table: dict[str, PlaceEntry] = {}
    for line in lines[1:]:
        name, country, population, capital, aliases = line.split("\t")
        entry = PlaceEntry(name, country, int(population), capital == "1")
        for key in _keys(f"{name}|{aliases}" if aliases else name):
            if not key or key in stoplist:
                continue
            held = table.get(key)
            if held is None or _outranks(entry, held):
                table[key] = entry
    return table


def _load() -> Mapping[str, PlaceEntry]:
    global _table
    with _lock:
        if _table is None:
            data = files("diplomodel") / "data"
            tsv = (data / "places.tsv").read_text(encoding="utf-8")
            stoplist = _read_stoplist((data / "place_stoplist.txt").read_text(encoding="utf-8"))
            _table = MappingProxyType(_build(tsv, stoplist))
        return _table


def place_table() -> Mapping[str, PlaceEntry]:
    """
    Every lookup key mapped to the place it names (read-only; loaded on first call).
    """
    table = _table
    return table if table is not None else _load()


def lookup_place(name: str) -> PlaceEntry | None:
    """
    The place that ``name``, as written in text ("Lodz", "Nur-Sultan", "The Hague"), names.

    Returns None for unknown and stop-listed names.
    """
    return place_table().get(key_of(name))
