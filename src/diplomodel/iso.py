"""
ISO 3166-1 code tables: pycountry's records plus Kosovo (``XK``/``XKX``).

pycountry is imported on first use, not when diplomodel is imported, to keep import cheap.
"""

from __future__ import annotations

import threading
from typing import NamedTuple

__all__ = ["IsoRecord", "all_records", "by_alpha2", "by_alpha3"]


class IsoRecord(NamedTuple):
    """
    One ISO 3166-1 entry, with the names pycountry knows for it.
    """

    alpha2: str
    alpha3: str
    name: str
    official_name: str | None
    common_name: str | None


# Kosovo has no ISO 3166-1 code; XK/XKX are the user-assigned codes used by GeoNames,
# the EU and most data providers (see docs/model.md for the FIPS/CAMEO/PLOVER crosswalk).
_KOSOVO = IsoRecord("XK", "XKX", "Kosovo", "Republic of Kosovo", None)

_lock = threading.Lock()
_by_alpha2: dict[str, IsoRecord] = {}
_by_alpha3: dict[str, IsoRecord] = {}


def _load() -> None:
    with _lock:
        if _by_alpha2:
            return
        import pycountry

        records = [
            IsoRecord(
                c.alpha_2,
                c.alpha_3,
                c.name,
                getattr(c, "official_name", None),
                getattr(c, "common_name", None),
            )
            for c in pycountry.countries
        ]
        records.append(_KOSOVO)
        by3 = {r.alpha3: r for r in records}
        _by_alpha3.update(by3)
        # Filled last: a non-empty _by_alpha2 is the "loaded" flag other threads test.
        _by_alpha2.update({r.alpha2: r for r in records})


def by_alpha2(code: str) -> IsoRecord | None:
    """
    The record for an upper-case alpha-2 code, or None.
    """
    if not _by_alpha2:
        _load()
    return _by_alpha2.get(code)


def by_alpha3(code: str) -> IsoRecord | None:
    """
    The record for an upper-case alpha-3 code, or None.
    """
    if not _by_alpha2:
        _load()
    return _by_alpha3.get(code)


def all_records() -> tuple[IsoRecord, ...]:
    """
    Every record, sorted by alpha-2 code.
    """
    if not _by_alpha2:
        _load()
    return tuple(sorted(_by_alpha2.values()))
