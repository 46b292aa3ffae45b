"""
Phrase matching over tokens with hashed tables of token n-gram keys.

A :class:`PhraseTable` maps phrase keys (see :func:`diplomodel.text.phrase_key`) to entries and
keeps the set of every key prefix, so that matching from one token stops as soon as no phrase
can continue. The cost is linear in the number of tokens times the longest phrase length, and
independent of the number of phrases (a regex alternation of thousands of names is not).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import compress, count, islice
from operator import attrgetter, itemgetter, le
from typing import Generic, NamedTuple, TypeVar

from diplomodel.text import Token, key_of

__all__ = [
    "CASE_ANY",
    "CASE_CAPITALIZED",
    "CASE_UPPER",
    "Hit",
    "PhraseTable",
    "case_rule_of",
    "find_grouped",
]

T = TypeVar("T")
G = TypeVar("G")
_TOKEN_KEY = attrgetter("key")
_START = itemgetter(0)
_END = itemgetter(1)

CASE_ANY = 0  # titles, topics, meeting phrases: any case
CASE_CAPITALIZED = 1  # proper names: the first word starts with a capital letter
CASE_UPPER = 2  # acronyms ("US", "U.S.", "UAE"): every word written in capitals


def case_rule_of(surface: str) -> int:
    """
    The case rule a proper-name lexicon entry implies: acronyms must match in capitals.
    """
    letters = [c for c in surface if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
        return CASE_UPPER
    return CASE_CAPITALIZED


class Hit(NamedTuple, Generic[T]):
    """
    A phrase found in the tokens ``[start, end)`` with the entry it matched.
    """

    start: int
    end: int
    entry: T


def _all_upper(tokens: list[Token], start: int, end: int) -> bool:
    return all(t.text.isupper() for t in tokens[start:end] if t.is_word)


class PhraseTable(Generic[T]):
    """
    Phrase key -> entries, with a case rule per entry. Immutable once built.
    """

    __slots__ = ("_entries", "_prefixes")

    def __init__(self, items: Iterable[tuple[str, T, int]]) -> None:
        """
        Build from ``(phrase, entry, case_rule)`` triples; phrases are keyed with ``key_of``.
        """
        self._entries, self._prefixes = self._build((key_of(p), e, r) for p, e, r in items)

    @classmethod
    def from_keys(cls, items: Iterable[tuple[str, T, int]]) -> PhraseTable[T]:
        """
        Build from ``(key, entry, case_rule)`` triples whose keys are already folded.
        """
        table = cls.__new__(cls)
        table._entries, table._prefixes = cls._build(items)
        return table

    @staticmethod
    def _build(
        items: Iterable[tuple[str, T, int]],
    ) -> tuple[dict[str, tuple[tuple[T, int], ...]], frozenset[str]]:
        entries: dict[str, list[tuple[T, int]]] = {}
        prefixes: set[str] = set()
        for key, entry, rule in items:
            if not key:
                continue
            entries.setdefault(key, []).append((entry, rule))
            parts = key.split(" ")
            for i in range(1, len(parts) + 1):
                prefixes.add(" ".join(parts[:i]))
        return {k: tuple(v) for k, v in entries.items()}, frozenset(prefixes)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> tuple[tuple[T, int], ...]:
        """
        The entries (with case rules) stored under a key.
        """
        return self._entries.get(key, ())

    def matches(self, tokens: list[Token]) -> Iterator[tuple[int, int, T]]:
        """
        Every match ``(start, end, entry)`` at every position (overlapping), in order of start
        then length.

        Hyphen tokens inside a phrase are skipped, so "Secretary-General" matches
        "secretary general". A phrase never spans a line break.
        """
        prefixes = self._prefixes
        entries = self._entries
        n = len(tokens)
        keys = list(map(_TOKEN_KEY, tokens))
        # Only about half of the tokens of news text start a phrase: find them without a
        # Python-level step per token.
        for i in compress(count(), map(prefixes.__contains__, keys)):
            key = keys[i]
            j = i + 1
            while True:
                found = entries.get(key)
                if found:
                    for entry, rule in found:
                        # the case rules, inline: this loop runs for every candidate
                        if rule == CASE_ANY:
                            yield i, j, entry
                        elif rule == CASE_CAPITALIZED:
                            first = tokens[i]
                            initial = first.text[:1]
                            if first.kind == "abbr" or initial.isupper() or initial.isdigit():
                                yield i, j, entry
                        elif _all_upper(tokens, i, j):  # CASE_UPPER
                            yield i, j, entry
                # extend across a joining hyphen without adding it to the key
                k = j
                if k < n and keys[k] == "-" and not tokens[k].gap:
                    k += 1
                if k >= n or tokens[k].newline_before:
                    break
                key = key + " " + keys[k]
                if key not in prefixes:
                    break
                j = k + 1


def find_grouped(table: PhraseTable[tuple[G, T]], tokens: list[Token]) -> dict[G, list[Hit[T]]]:
    """
    :meth:`PhraseTable.matches` for a table whose entries are ``(group, value)`` pairs: the
    hits of each group, with the value as their entry, in order of start then length.
    """
    groups: dict[G, list[Hit[T]]] = {}
    new = tuple.__new__
    for start, end, (group, value) in table.matches(tokens):
        hits = groups.get(group)
        if hits is None:
            hits = groups[group] = []
        hits.append(new(Hit, (start, end, value)))
    return groups


def longest_first(hits: Iterable[Hit[T]]) -> list[Hit[T]]:
    """
    Non-overlapping hits: longest first, then leftmost (the documented tie-break), in text order.
    """
    hits = list(hits)
    # Most hits overlap nothing and come in text order (as PhraseTable.matches gives them):
    # then they already are the answer. Each ending before the next starts proves both.
    if all(map(le, map(_END, hits), map(_START, islice(hits, 1, None)))):
        return hits
    ordered = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    taken: list[Hit[T]] = []
    used: set[int] = set()
    for hit in ordered:
        span = range(hit.start, hit.end)
        if any(i in used for i in span):
            continue
        used.update(span)
        taken.append(hit)
    taken.sort(key=lambda h: h.start)
    return taken
