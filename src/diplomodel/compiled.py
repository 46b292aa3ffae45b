"""
A rulebook compiled into lookup tables, built once per parser.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from diplomodel.countries import country_index
from diplomodel.grammar import grammar_words
from diplomodel.matcher import CASE_ANY, CASE_CAPITALIZED, CASE_UPPER, PhraseTable, case_rule_of
from diplomodel.model import Role
from diplomodel.rules import (
    KnownOfficial,
    OrgEntry,
    Rulebook,
    TitleEntry,
)
from diplomodel.text import key_of

__all__ = ["CompiledRulebook", "PlaceRef", "compile_rulebook"]


class PlaceRef(NamedTuple):
    """
    A place the gazetteer or a venue resolves to: display name, country, and whether it is a venue.
    """

    name: str
    country: str
    venue: bool = False
    population: int = 0
    capital: bool = False


class CompiledRulebook(NamedTuple):
    """
    Hashed phrase tables for one rulebook. Immutable and shared between threads.
    """

    rulebook: Rulebook
    # every phrase of every kind in one table, so an article is matched in one pass;
    # entries are (kind, value) with kind in title, country, org, place, topic, phrase,
    # event, cue, blocker
    lexicon: PhraseTable[tuple[str, Any]]
    org_by_acronym: dict[str, OrgEntry]
    places: PhraseTable[PlaceRef]
    capitals: dict[str, str]  # country -> its capital's name ("the Kazakh capital": Astana)
    topic_labels: dict[str, str]
    occasion_heads: frozenset[str]
    first_name_countries: frozenset[str]
    us_states: frozenset[str]
    unresolvable: frozenset[str]  # keys of names that denote several countries ("Dominican")
    # keys that never belong to a personal name: honorifics, grammar words, unresolvable names
    never_names: frozenset[str]
    title_roles: dict[tuple[str, str], Role]  # (title key, country) -> role
    # known office holders by the identifying parts of their names (grammar.name_tokens)
    officials: dict[frozenset[str], tuple[KnownOfficial, ...]]
    official_parts: dict[str, tuple[frozenset[str], ...]]  # name part -> names holding it


def _any_case(term: str) -> int:
    # Common words match in any case, but short acronyms only in capitals: "PM" must not
    # match "p.m.", nor "WHO" the pronoun or "AI" a syllable.
    rule = case_rule_of(term)
    return rule if rule == CASE_UPPER and len(term.replace(".", "")) <= 4 else CASE_ANY


def _strip_the(surface: str) -> str:
    return surface[4:] if surface.lower().startswith("the ") else surface


def _official_index(rulebook: Rulebook) -> dict[frozenset[str], tuple[KnownOfficial, ...]]:
    from diplomodel.grammar import name_tokens

    index: dict[frozenset[str], list[KnownOfficial]] = {}
    for official in rulebook.officials:
        for name in (official.name, *official.aliases):
            key = name_tokens(name)
            if key and official not in index.setdefault(key, []):
                index[key].append(official)
    return {k: tuple(v) for k, v in index.items()}


def _parts_index(
    officials: dict[frozenset[str], tuple[KnownOfficial, ...]],
) -> dict[str, tuple[frozenset[str], ...]]:
    parts: dict[str, list[frozenset[str]]] = {}
    for key in officials:
        for part in key:
            parts.setdefault(part, []).append(key)
    return {k: tuple(v) for k, v in parts.items()}


def _org_title_variants(
    titles: dict[str, TitleEntry], organizations: tuple[OrgEntry, ...]
) -> dict[str, TitleEntry]:
    """
    An organisation's office written with each of its names: "IMF Managing Director" is also
    "International Monetary Fund Managing Director", "Managing Director of the IMF" also
    "Managing Director of the International Monetary Fund".
    """
    orgs = {org.acronym: org for org in organizations}
    variants: dict[str, TitleEntry] = {}
    for key, title in titles.items():
        org = orgs.get(title.org) if title.org else None
        if org is None:
            continue
        names = {key_of(_strip_the(s)) for s in (org.acronym, org.name, *org.aliases)} - {""}
        for name in names:
            for before, after in ((name + " ", ""), ("", " of the " + name), ("", " of " + name)):
                if before and key.startswith(before):
                    office = key[len(before) :]
                    variants.update({f"{other} {office}": title for other in names})
                elif after and key.endswith(after):
                    office = key[: -len(after)]
                    variants.update({f"{office} of the {other}": title for other in names})
    return variants


def _names_with_countries(rulebook: Rulebook, countries: dict[str, Any]) -> list[tuple[str, str]]:
    """
    The keys of known office holders' names that hold a country's name as a part of the name
    ("Luis Montenegro", "Santiago Cafiero"), not as a style ("Philippe of Belgium").
    """
    found: list[tuple[str, str]] = []
    for official in rulebook.officials:
        for name in (official.name, *official.aliases):
            key = key_of(name)
            parts = key.split()
            if len(parts) < 2 or "of" in parts:
                continue
            spans = (
                " ".join(parts[i:j])
                for i in range(len(parts))
                for j in range(i + 1, len(parts) + 1)
            )
            if any(span in countries for span in spans):
                found.append((key, name))
    return found


def _capitals(places: Iterable[PlaceRef]) -> dict[str, str]:
    """Each country's capital: the most populous place the gazetteer marks as a capital."""
    best: dict[str, PlaceRef] = {}
    for ref in places:
        if ref.capital and not ref.venue:
            known = best.get(ref.country)
            if known is None or ref.population > known.population:
                best[ref.country] = ref
    return {country: ref.name for country, ref in best.items()}


def compile_rulebook(rulebook: Rulebook) -> CompiledRulebook:
    """
    Build the lookup tables of a rulebook.

    Raises:
        LexiconError: a country name maps to two countries.
    """
    titles: dict[str, TitleEntry] = {}
    for title in rulebook.titles:
        titles[key_of(title.term)] = title  # a later entry for the same term wins
    for key, title in _org_title_variants(titles, rulebook.organizations).items():
        titles.setdefault(key, title)  # a title written out in the rulebook wins
    countries = country_index(rulebook)
    org_items: list[tuple[str, OrgEntry, int]] = []
    by_acronym: dict[str, OrgEntry] = {}
    for org in rulebook.organizations:
        by_acronym[org.acronym] = org
        for surface in (org.acronym, org.name, *org.aliases, *org.bodies):
            surface = _strip_the(surface)
            org_items.append((surface, org, case_rule_of(surface)))
    place_items: list[tuple[str, PlaceRef, int]] = []
    if rulebook.use_gazetteer:
        from diplomodel.gazetteer import place_table

        for key, entry in place_table().items():
            ref = PlaceRef(entry.name, entry.country, False, entry.population, entry.capital)
            place_items.append((key, ref, CASE_CAPITALIZED))
    for place in rulebook.places:
        for surface in (place.name, *place.aliases):
            ref = PlaceRef(place.name, place.country, False, 0, False)
            place_items.append((key_of(surface), ref, CASE_CAPITALIZED))
    for venue in rulebook.venues:
        for surface in venue.names:
            ref = PlaceRef(venue.city, venue.country, True)
            place_items.append((key_of(_strip_the(surface)), ref, CASE_CAPITALIZED))
    # Later place entries (user places, venues) override gazetteer entries with the same key.
    place_by_key: dict[str, tuple[str, PlaceRef, int]] = {}
    for item in place_items:
        place_by_key[item[0]] = item
    events: list[tuple[str, str | None, int]] = []
    for event in rulebook.events:
        for term in event.terms:
            events.append((term, event.org, CASE_CAPITALIZED))
    kinds: dict[str, list[tuple[str, Any, int]]] = {
        "title": [(k, t, _any_case(t.term)) for k, t in titles.items()],
        "country": [
            (key, entry, case_rule_of(_strip_the(entry.surface)))
            for key, entry in countries.items()
        ],
        "org": [(key_of(s), o, r) for s, o, r in org_items],
        "place": list(place_by_key.values()),
        "topic": [
            (key_of(term), topic.code, _any_case(term))
            for topic in rulebook.topics
            for term in topic.terms
        ],
        # "also met", "separately": matched apart, so a longer meeting phrase overlapping one
        # ("also spoke by phone") does not hide it
        "phrase": [
            (key_of(p.term), p, CASE_ANY) for p in rulebook.phrases if p.signal != "separate"
        ],
        "separator": [
            (key_of(p.term), p, CASE_ANY) for p in rulebook.phrases if p.signal == "separate"
        ],
        "event": [(key_of(t), org, r) for t, org, r in events],
        "cue": [(key_of(c), c, CASE_ANY) for c in rulebook.occasion_cues],
        # Names that contain a country name but denote no country ("South China Sea"), and
        # known office holders' names that do ("Luis Montenegro")
        "blocker": [(key_of(s), s, CASE_CAPITALIZED) for s in rulebook.unresolvable_names]
        + [
            (key, name, CASE_CAPITALIZED)
            for key, name in _names_with_countries(rulebook, countries)
        ],
    }
    officials = _official_index(rulebook)
    unresolvable = frozenset(key_of(s) for s in rulebook.unresolvable_names)
    words = grammar_words()
    return CompiledRulebook(
        rulebook=rulebook,
        lexicon=PhraseTable.from_keys(
            (key, (kind, entry), rule)
            for kind, items in kinds.items()
            for key, entry, rule in items
        ),
        org_by_acronym=by_acronym,
        places=PhraseTable.from_keys(place_by_key.values()),
        capitals=_capitals(ref for _, ref, _ in place_by_key.values()),
        topic_labels={topic.code: topic.label for topic in rulebook.topics},
        occasion_heads=frozenset(key_of(h) for h in rulebook.occasion_heads),
        first_name_countries=frozenset(key_of(s) for s in rulebook.first_name_countries),
        us_states=frozenset(key_of(s) for s in rulebook.us_state_names),
        unresolvable=unresolvable,
        never_names=words.honorifics | words.not_name_words | unresolvable,
        title_roles={
            (key_of(r.term), country): r.role
            for r in rulebook.title_roles
            for country in r.countries
        },
        officials=officials,
        official_parts=_parts_index(officials),
    )
