"""
Countries from names, abbreviations, demonyms and capitals.

Exact lookups only: pycountry's names plus the rulebook's country names (shipped in
``data/countries.toml``). pycountry's fuzzy search is never used (it answers "Republic of Korea"
with North Korea). ``get_country`` returns None for an unknown name; ``lookup_country`` raises.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from diplomodel.errors import LexiconError, UnknownCountryError, ValidationError
from diplomodel.iso import all_records, by_alpha2, by_alpha3
from diplomodel.model import Country
from diplomodel.rules import CountryName, Rulebook, default_rulebook
from diplomodel.text import key_of

__all__ = [
    "country_from_code",
    "country_index",
    "get_country",
    "iso_country_names",
    "lookup_country",
]


def _usable_iso_name(name: str | None) -> bool:
    # "Korea, Republic of" and "Bolivia (Plurinational State of)" never occur in running text.
    return bool(name) and "," not in str(name) and "(" not in str(name)


def iso_country_names() -> tuple[CountryName, ...]:
    """
    pycountry's name, official name and common name of every country, where usable in text.
    """
    found = []
    for record in all_records():
        for name in (record.name, record.official_name, record.common_name):
            if name and _usable_iso_name(name):
                found.append(CountryName(name, record.alpha2, "name"))
    return tuple(found)


def country_index(rulebook: Rulebook) -> dict[str, CountryName]:
    """
    Folded key -> country name entry, for pycountry's names plus the rulebook's.

    A name listed as unresolvable (e.g. "Congolese") is left out.

    Raises:
        LexiconError: one key maps to two countries.
    """
    unresolvable = {key_of(s) for s in rulebook.unresolvable_names}
    index: dict[str, CountryName] = {}
    for entry in iso_country_names() + rulebook.countries:
        key = key_of(entry.surface)
        if key in unresolvable:
            continue
        other = index.get(key)
        if other is not None and other.alpha2 != entry.alpha2:
            raise LexiconError(
                "country names", entry.surface, f"maps to both {other.alpha2} and {entry.alpha2}"
            )
        if other is None or (other.kind != "name" and entry.kind == "name"):
            index[key] = entry
    return index


_lock = threading.Lock()
_default_index: dict[str, CountryName] = {}


def _default() -> Mapping[str, CountryName]:
    if not _default_index:
        with _lock:
            if not _default_index:
                _default_index.update(country_index(default_rulebook()))
    return _default_index


def country_from_code(code: str) -> Country:
    """
    The country with this alpha-2 or alpha-3 code, case-insensitively (``XK``/``XKX`` for Kosovo).

    Raises:
        ValidationError: not a known code.
    """
    if not isinstance(code, str):
        raise ValidationError("Country", "alpha2", code, "expected str")
    upper = code.strip().upper()
    record = by_alpha2(upper) if len(upper) == 2 else by_alpha3(upper) if len(upper) == 3 else None
    if record is None:
        raise ValidationError("Country", "alpha2", code, "not an ISO 3166-1 code (nor XK/XKX)")
    # "Korea, Republic of" reads badly in output; prefer the common name when pycountry has one.
    return Country(record.alpha2, record.alpha3, record.common_name or record.name)


def get_country(name: str) -> Country | None:
    """
    The country a name, abbreviation, demonym or capital denotes, or None.

    Codes are accepted too ("TR", "TUR"). Matching folds case and diacritics.

    >>> get_country("Türkiye").alpha2
    'TR'
    """
    if not isinstance(name, str):
        return None
    stripped = name.strip()
    if len(stripped) in (2, 3) and stripped.isupper():
        try:
            return country_from_code(stripped)
        except ValidationError:
            pass
    key = key_of(stripped)
    if key.startswith("the "):
        key = key[4:]
    entry = _default().get(key)
    return country_from_code(entry.alpha2) if entry else None


def lookup_country(name: str) -> Country:
    """
    Like :func:`get_country`, but raises for an unknown name.

    Raises:
        UnknownCountryError: the name denotes no country (or more than one).
    """
    country = get_country(name)
    if country is None:
        raise UnknownCountryError(f"unknown country name: {name!r}")
    return country
