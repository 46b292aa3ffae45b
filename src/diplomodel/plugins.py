"""
Rule packs: rulebook extensions that other distributions install, enabled by name.

A rule pack is a callable ``rulepack(base: Rulebook) -> Rulebook`` published under the
entry-point group ``diplomodel.rulepacks``. In the pack's ``pyproject.toml``::

    [project.entry-points."diplomodel.rulepacks"]
    arctic = "diplomodel_arctic:rulepack"

Packs are opt-in: installing one changes nothing until it is asked for by name
(``apply_packs(book, ["arctic"])``, ``diplomodel parse --pack arctic``). Entry points are looked
up only when a function of this module is first called (never when diplomodel is imported),
and the lookup and every loaded pack are cached for the life of the process; :func:`refresh`
forgets them (after installing a pack into a running interpreter).

See ``docs/extending.md`` ("Ship a rule pack").
"""

from __future__ import annotations

import importlib.metadata
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from diplomodel.errors import RuleError
from diplomodel.rules import Rulebook, default_rulebook, load_rulebook_file

__all__ = [
    "ENTRY_POINT_GROUP",
    "RulePack",
    "apply_packs",
    "available",
    "build_rulebook",
    "load_pack",
    "refresh",
]

ENTRY_POINT_GROUP = "diplomodel.rulepacks"

RulePack = Callable[[Rulebook], Rulebook]
"""A rule pack: derives a new rulebook from the one it is given."""

_lock = threading.Lock()
_found: dict[str, list[importlib.metadata.EntryPoint]] | None = None
_loaded: dict[str, RulePack] = {}


def _discover() -> dict[str, list[importlib.metadata.EntryPoint]]:
    """Name -> the entry points of that name (more than one is a conflict), looked up once."""
    global _found
    with _lock:
        if _found is None:
            found: dict[str, list[importlib.metadata.EntryPoint]] = {}
            for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
                same = found.setdefault(ep.name, [])
                if all(_origin(other) != _origin(ep) for other in same):
                    same.append(ep)
            _found = found
        return _found


def _origin(ep: importlib.metadata.EntryPoint) -> str:
    """The distribution that provides an entry point, as "name version"."""
    dist = ep.dist
    if dist is None:
        return "(unknown distribution)"
    return f"{dist.name} {dist.version}"


def refresh() -> None:
    """Forget the discovered and loaded packs; the next call looks the entry points up again."""
    global _found
    with _lock:
        _found = None
        _loaded.clear()


def available() -> dict[str, str]:
    """
    The installed rule packs: name -> "distribution version" of the package providing it.

    Two distributions that publish the same pack name are both listed, joined by " + "; such a
    pack cannot be loaded until one of them is uninstalled.
    """
    return {
        name: " + ".join(_origin(ep) for ep in eps) for name, eps in sorted(_discover().items())
    }


def _unknown(name: str, installed: Iterable[str]) -> RuleError:
    names = ", ".join(sorted(installed)) or "(none installed)"
    return RuleError(f"unknown rule pack {name!r}; available: {names}")


def load_pack(name: str) -> RulePack:
    """
    The callable of the rule pack ``name`` (imported on first use, then cached).

    Raises:
        RuleError: no pack has that name (the message lists the installed ones), two
            distributions provide it, or importing it fails or yields something not callable.
    """
    found = _discover()
    eps = found.get(name)
    if not eps:
        raise _unknown(name, found)
    with _lock:
        cached = _loaded.get(name)
    if cached is not None:
        return cached
    if len(eps) > 1:
        origins = ", ".join(_origin(ep) for ep in eps)
        raise RuleError(f"rule pack {name!r} is provided by several distributions: {origins}")
    ep = eps[0]
    try:
        obj = ep.load()
    except Exception as exc:
        raise RuleError(
            f"rule pack {name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}"
        ) from exc
    if not callable(obj):
        raise RuleError(
            f"rule pack {name!r} ({ep.value}) is not callable (got {type(obj).__name__}); "
            "expected rulepack(base: Rulebook) -> Rulebook"
        )
    pack: RulePack = obj
    with _lock:
        return _loaded.setdefault(name, pack)


def apply_packs(book: Rulebook, names: Iterable[str]) -> Rulebook:
    """
    ``book`` extended by the named packs, applied in order (each derives from the result of
    the one before). A name given twice is applied once. ``book`` itself is not changed.

    Raises:
        RuleError: an unknown pack name, a pack that cannot be loaded, or a pack that raises
            or returns something other than a ``Rulebook`` (the message names the pack).
    """
    names = list(dict.fromkeys(names))
    for name in names:  # unknown names fail before any pack runs
        if name not in _discover():
            raise _unknown(name, _discover())
    for name in names:
        pack = load_pack(name)
        try:
            result = pack(book)
        except Exception as exc:
            raise RuleError(f"rule pack {name!r} failed: {type(exc).__name__}: {exc}") from exc
        if not isinstance(result, Rulebook):
            raise RuleError(
                f"rule pack {name!r} returned a {type(result).__name__}, not a Rulebook"
            )
        book = result
    return book


def build_rulebook(
    rule_files: Iterable[str | Path] = (),
    packs: Iterable[str] = (),
    *,
    base: Rulebook | None = None,
) -> Rulebook:
    """
    ``base`` (default: the default rulebook), then each TOML rule file in order, then each
    rule pack in order: the rulebook of ``diplomodel parse --rules FILE ... --pack NAME ...``.

    The arguments are plain strings, so a worker process can rebuild the same rulebook.

    Raises:
        LexiconError: a rule file is missing, not UTF-8 TOML, or has a bad key or value.
        RuleError: an unknown rule pack, or one that fails or returns no rulebook.
    """
    book = base if base is not None else default_rulebook()
    for path in rule_files:
        book = load_rulebook_file(path, base=book)
    packs = list(packs)
    return apply_packs(book, packs) if packs else book
