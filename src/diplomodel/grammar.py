"""
The closed word classes the parser's rules use, read from ``data/grammar.toml``.

Structure is code and words are data: the extractors decide *how* a determiner or an honorific
matters, this file's data says *which* words they are. Loaded once, on first use.
"""

from __future__ import annotations

import tomllib
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple

from diplomodel.errors import LexiconError

__all__ = ["GrammarWords", "grammar_words", "name_tokens"]


class GrammarWords(NamedTuple):
    """
    Each field is a frozen set of folded words; ``data/grammar.toml`` documents each one.
    """

    name_particles: frozenset[str]
    honorifics: frozenset[str]
    not_name_words: frozenset[str]
    determiners: frozenset[str]
    title_modifiers: frozenset[str]
    demoting_modifiers: frozenset[str]
    counterpart_words: frozenset[str]
    generic_office_words: frozenset[str]
    chamber_words: frozenset[str]
    venue_nouns: frozenset[str]
    meeting_words: frozenset[str]
    caption_words: frozenset[str]
    page_tail_headers: frozenset[str]
    framework_orgs: frozenset[str]
    place_prepositions: frozenset[str]
    clause_cut_words: frozenset[str]
    past_openers: frozenset[str]
    place_prepositions_meeting: frozenset[str]
    place_skip_words: frozenset[str]
    mentioned_place_nouns: frozenset[str]
    visit_words: frozenset[str]
    scene_words: frozenset[str]
    sequence_words: frozenset[str]
    holding_verbs: frozenset[str]
    held_meeting_nouns: frozenset[str]
    given_name_variants: frozenset[str]
    topic_prepositions: frozenset[str]
    occasion_connectors: frozenset[str]
    occasion_lower_heads: frozenset[str]
    event_anaphors: frozenset[str]
    statement_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    business_roles: frozenset[str]
    business_nouns: frozenset[str]
    after_apposition: frozenset[str]
    opening_prepositions: frozenset[str]
    office_prefixes: frozenset[str]
    call_purposes: frozenset[str]
    conversation_verbs: frozenset[str]
    joint_meeting_words: frozenset[str]
    courtesy_adjectives: frozenset[str]
    place_head_nouns: frozenset[str]
    ahead_words: frozenset[str]
    day_before_phrases: frozenset[str]
    day_after_phrases: frozenset[str]
    plural_meeting_subjects: frozenset[str]
    given_name_titles: frozenset[str]
    personal_honorifics: frozenset[str]
    surname_words: frozenset[str]
    pair_subjects: frozenset[str]


@cache
def grammar_words() -> GrammarWords:
    """
    The grammar word lists (shared, immutable).

    Raises:
        LexiconError: the shipped file lacks a list or holds a non-string (a packaging bug).
    """
    source = "diplomodel/data/grammar.toml"
    data = tomllib.loads((files("diplomodel") / "data" / "grammar.toml").read_text("utf-8"))
    values = {}
    for field in GrammarWords._fields:
        words = data.get(field)
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise LexiconError(source, field, "expected a list of strings")
        values[field] = frozenset(words)
    unknown = sorted(set(data) - set(GrammarWords._fields))
    if unknown:
        raise LexiconError(source, ", ".join(unknown), "unknown key(s)")
    return GrammarWords(**values)


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> frozenset[str]:
    """
    The folded parts of a personal name that identify it, without particles and initials:
    "Antony J. Blinken" -> {"antony", "blinken"}; "Ursula von der Leyen" -> {"ursula", "leyen"}.
    """
    from diplomodel.text import fold

    particles = grammar_words().name_particles
    variants = _given_name_variants()
    parts = (fold(p) for p in name.replace("-", " ").replace(".", " ").split())
    return frozenset(variants.get(p, p) for p in parts if len(p) > 1 and p not in particles)


@cache
def _given_name_variants() -> dict[str, str]:
    """Short form -> full form of given names ("joe" -> "joseph"), from grammar.toml."""
    table: dict[str, str] = {}
    for group in sorted(grammar_words().given_name_variants):
        full, *short = group.split()
        for word in short:
            if word in table or word == full:
                raise LexiconError(
                    "diplomodel/data/grammar.toml", "given_name_variants", f"{word!r} twice"
                )
            table[word] = full
    return table
