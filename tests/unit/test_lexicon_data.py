"""
The packaged lexicons in ``diplomodel/data``: they parse, follow their schemas exactly, and
map every lookup key (``diplomodel.text.key_of``) to one meaning only.

The schemas are checked here by hand (unknown keys are errors) so that a typo such as
``plurals = true`` or ``orgs = "UN"`` fails loudly instead of being ignored by the loader.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

import pytest

import diplomodel
from diplomodel.iso import by_alpha2
from diplomodel.model import Role
from diplomodel.text import key_of

DATA = Path(diplomodel.__file__).parent / "data"

# The contract: roles and topic codes of the annotation guidelines.
GUIDELINE_ROLES = frozenset(
    {
        "head_of_state", "vice_president", "head_of_government", "foreign_minister",
        "deputy_foreign_minister", "defense_minister", "minister", "ambassador", "envoy",
        "parliament_speaker", "legislator", "org_leader", "official",
    }
)  # fmt: skip
GUIDELINE_TOPICS = frozenset(
    {
        "bilateral_relations", "trade", "economy", "energy", "security", "defense", "terrorism",
        "conflict", "humanitarian", "migration", "human_rights", "health", "climate",
        "culture_education", "transport", "technology", "agriculture_food",
        "nuclear_arms_control", "sanctions", "multilateral",
    }
)  # fmt: skip
FILES = ("titles", "organizations", "topics", "venues", "occasions")


def _load(name: str) -> dict[str, Any]:
    with (DATA / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def titles() -> dict[str, Any]:
    return _load("titles")


@pytest.fixture(scope="module")
def organizations() -> dict[str, Any]:
    return _load("organizations")


@pytest.fixture(scope="module")
def topics() -> dict[str, Any]:
    return _load("topics")


@pytest.fixture(scope="module")
def venues() -> dict[str, Any]:
    return _load("venues")


@pytest.fixture(scope="module")
def occasions() -> dict[str, Any]:
    return _load("occasions")


# --- schema helpers ---------------------------------------------------------------------------


def _check_keys(
    where: str, table: Any, required: AbstractSet[str], optional: AbstractSet[str] = frozenset()
) -> list[str]:
    if not isinstance(table, dict):
        return [f"{where}: expected a table, got {type(table).__name__}"]
    errors: list[str] = []
    missing = required - table.keys()
    unknown = table.keys() - required - optional
    if missing:
        errors.append(f"{where}: missing keys {sorted(missing)}")
    if unknown:
        errors.append(f"{where}: unknown keys {sorted(unknown)}")
    return errors


def _check_text(where: str, value: Any) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return [f"{where}: expected a non-empty string, got {value!r}"]
    if value != value.strip() or "  " in value:
        return [f"{where}: stray white space in {value!r}"]
    return []


def _check_terms(where: str, value: Any, *, allow_empty: bool = False) -> list[str]:
    if not isinstance(value, list) or (not value and not allow_empty):
        return [f"{where}: expected a non-empty list of strings, got {value!r}"]
    errors: list[str] = []
    for i, term in enumerate(value):
        errors += _check_text(f"{where}[{i}]", term)
        if isinstance(term, str) and term.strip() and not key_of(term):
            errors.append(f"{where}[{i}]: {term!r} has an empty key")
    return errors


def _duplicates(owned: Iterable[tuple[str, str]]) -> list[str]:
    """
    Keys claimed more than once. ``owned`` yields (owner, term); a key repeated inside one
    owner is reported too (it is redundant and hides which spelling was meant).
    """
    seen: dict[str, tuple[str, str]] = {}
    errors: list[str] = []
    for owner, term in owned:
        key = key_of(term)
        if key in seen:
            first_owner, first_term = seen[key]
            errors.append(f"key {key!r}: {first_term!r} ({first_owner}) and {term!r} ({owner})")
        else:
            seen[key] = (owner, term)
    return errors


def _title_terms(titles: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for i, entry in enumerate(titles["titles"]):
        owner = f"titles[{i}] {entry['role']}"
        for term in entry["terms"]:
            yield owner, term


def _topic_terms(topics: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for code, entry in topics["topics"].items():
        for term in entry["terms"]:
            yield code, term


def _org_names(organizations: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for acronym, entry in organizations["organizations"].items():
        yield acronym, entry["name"]
        for term in entry["aliases"]:
            yield acronym, term
        for term in entry.get("bodies", []):
            yield acronym, term


# --- parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_file_parses_and_starts_with_a_sources_comment(name: str) -> None:
    text = (DATA / f"{name}.toml").read_text(encoding="utf-8")
    tomllib.loads(text)
    assert text.startswith("#"), f"{name}.toml must open with a comment block"
    header = text.split("\n\n", 1)[0].lower()
    assert "sources" in header and "guidelines" in header, f"{name}.toml: cite its sources"


def test_guideline_roles_match_the_role_enum() -> None:
    assert {r.value for r in Role} == GUIDELINE_ROLES


# --- titles -----------------------------------------------------------------------------------


def test_titles_schema(titles: dict[str, Any], organizations: dict[str, Any]) -> None:
    errors = _check_keys("titles.toml", titles, {"titles"}, {"title_roles"})
    orgs = organizations["organizations"]
    assert isinstance(titles.get("titles"), list) and titles["titles"]
    for i, entry in enumerate(titles["titles"]):
        where = f"titles[{i}]"
        errors += _check_keys(where, entry, {"role", "terms"}, {"org", "country", "plural"})
        if not isinstance(entry, dict):
            continue
        if entry.get("role") not in GUIDELINE_ROLES:
            errors.append(f"{where}: role {entry.get('role')!r} is not a guideline role")
        errors += _check_terms(f"{where}.terms", entry.get("terms"))
        if "org" in entry and entry["org"] not in orgs:
            errors.append(f"{where}: org {entry['org']!r} is not in organizations.toml")
        if "country" in entry and by_alpha2(entry["country"]) is None:
            errors.append(f"{where}: country {entry['country']!r} is not an ISO alpha-2 code")
        if "org" in entry and "country" in entry:
            errors.append(f"{where}: an office belongs to a country or an organisation, not both")
        if "plural" in entry and entry["plural"] is not True:
            errors.append(f"{where}: plural must be true when present (omit it otherwise)")
    assert not errors, "\n".join(errors)


def test_title_roles_schema(titles: dict[str, Any]) -> None:
    """Per-country roles name a known office, valid countries and a guideline role."""
    known = {key_of(t) for e in titles["titles"] for t in e["terms"]}
    errors: list[str] = []
    for i, entry in enumerate(titles.get("title_roles", [])):
        where = f"title_roles[{i}]"
        errors += _check_keys(where, entry, {"role", "terms", "countries"})
        if entry.get("role") not in GUIDELINE_ROLES:
            errors.append(f"{where}: role {entry.get('role')!r} is not a guideline role")
        for code in entry.get("countries", []):
            if by_alpha2(code) is None:
                errors.append(f"{where}: {code!r} is not an ISO alpha-2 code")
        for term in entry.get("terms", []):
            if key_of(term) not in known:
                errors.append(f"{where}: {term!r} is not an office of [[titles]]")
    assert not errors, "\n".join(errors)


def test_each_title_key_has_one_role(titles: dict[str, Any]) -> None:
    errors = _duplicates(_title_terms(titles))
    assert not errors, "\n".join(errors)


def test_every_role_has_titles(titles: dict[str, Any]) -> None:
    assert {e["role"] for e in titles["titles"]} == GUIDELINE_ROLES


def test_longest_match_separates_look_alike_offices(titles: dict[str, Any]) -> None:
    role = {key_of(t): e["role"] for e in titles["titles"] for t in e["terms"]}
    assert role[key_of("Chancellor")] == "head_of_government"
    assert role[key_of("Chancellor of the Exchequer")] == "minister"
    assert role[key_of("Secretary of State")] == "foreign_minister"
    assert role[key_of("Deputy Foreign Minister")] == "deputy_foreign_minister"
    assert role[key_of("Secretary General")] == "org_leader"
    assert key_of("Prince") not in role


# --- organisations ----------------------------------------------------------------------------


def test_organizations_schema(organizations: dict[str, Any]) -> None:
    errors = _check_keys("organizations.toml", organizations, {"organizations"})
    table = organizations.get("organizations")
    assert isinstance(table, dict) and table
    for acronym, entry in table.items():
        where = f"organizations.{acronym}"
        errors += _check_keys(where, entry, {"name", "aliases"}, {"bodies"})
        if not isinstance(entry, dict):
            continue
        errors += _check_text(f"{where}.name", entry.get("name"))
        errors += _check_terms(f"{where}.aliases", entry.get("aliases"), allow_empty=True)
        if "bodies" in entry:
            errors += _check_terms(f"{where}.bodies", entry["bodies"])
    assert not errors, "\n".join(errors)


def test_each_organization_key_names_one_organization(organizations: dict[str, Any]) -> None:
    errors = _duplicates(_org_names(organizations))
    assert not errors, "\n".join(errors)


def test_organizations_the_guidelines_name_are_present(organizations: dict[str, Any]) -> None:
    assert {"UN", "EU", "NATO", "OSCE", "AU"} <= organizations["organizations"].keys()


# --- topics -----------------------------------------------------------------------------------


def test_topics_schema(topics: dict[str, Any]) -> None:
    errors = _check_keys("topics.toml", topics, {"topics"})
    table = topics.get("topics")
    assert isinstance(table, dict)
    for code, entry in table.items():
        where = f"topics.{code}"
        errors += _check_keys(where, entry, {"label", "terms"})
        if isinstance(entry, dict):
            errors += _check_text(f"{where}.label", entry.get("label"))
            errors += _check_terms(f"{where}.terms", entry.get("terms"))
    assert not errors, "\n".join(errors)


def test_topics_are_exactly_the_guideline_codes(topics: dict[str, Any]) -> None:
    assert set(topics["topics"]) == GUIDELINE_TOPICS


def test_each_topic_key_has_one_topic(topics: dict[str, Any]) -> None:
    errors = _duplicates(_topic_terms(topics))
    assert not errors, "\n".join(errors)


def test_no_topic_term_is_a_title_term(topics: dict[str, Any], titles: dict[str, Any]) -> None:
    title_keys = {key_of(term): owner for owner, term in _title_terms(titles)}
    clashes = [
        f"{term!r} ({code}) is also a title ({title_keys[key_of(term)]})"
        for code, term in _topic_terms(topics)
        if key_of(term) in title_keys
    ]
    assert not clashes, "\n".join(clashes)


def test_post_soviet_humanitarian_cooperation_is_culture(topics: dict[str, Any]) -> None:
    topic = {key_of(t): code for code, t in _topic_terms(topics)}
    assert topic[key_of("humanitarian cooperation")] == "culture_education"
    assert topic[key_of("humanitarian")] == "humanitarian"
    assert topic[key_of("energy security")] == "energy"


# --- venues -----------------------------------------------------------------------------------


def test_venues_schema(venues: dict[str, Any]) -> None:
    errors = _check_keys("venues.toml", venues, {"venues"})
    assert isinstance(venues.get("venues"), list) and venues["venues"]
    for i, entry in enumerate(venues["venues"]):
        where = f"venues[{i}]"
        errors += _check_keys(where, entry, {"names", "city", "country"})
        if not isinstance(entry, dict):
            continue
        errors += _check_terms(f"{where}.names", entry.get("names"))
        errors += _check_text(f"{where}.city", entry.get("city"))
        if by_alpha2(str(entry.get("country"))) is None:
            errors.append(f"{where}: country {entry.get('country')!r} is not an ISO alpha-2 code")
    assert not errors, "\n".join(errors)


def test_each_venue_key_names_one_venue(venues: dict[str, Any]) -> None:
    owned = (
        (f"venues[{i}] {e['city']}", name)
        for i, e in enumerate(venues["venues"])
        for name in e["names"]
    )
    errors = _duplicates(owned)
    assert not errors, "\n".join(errors)


# --- occasions --------------------------------------------------------------------------------


def test_occasions_schema(occasions: dict[str, Any], organizations: dict[str, Any]) -> None:
    errors = _check_keys("occasions.toml", occasions, {"events", "cues"})
    orgs = organizations["organizations"]
    assert isinstance(occasions.get("events"), list) and occasions["events"]
    for i, entry in enumerate(occasions["events"]):
        where = f"events[{i}]"
        errors += _check_keys(where, entry, {"terms"}, {"org"})
        if not isinstance(entry, dict):
            continue
        errors += _check_terms(f"{where}.terms", entry.get("terms"))
        if "org" in entry and entry["org"] not in orgs:
            errors.append(f"{where}: org {entry['org']!r} is not in organizations.toml")
    cues = occasions.get("cues")
    errors += _check_keys("cues", cues, {"phrases", "heads"})
    if isinstance(cues, dict):
        errors += _check_terms("cues.phrases", cues.get("phrases"))
        errors += _check_terms("cues.heads", cues.get("heads"))
    assert not errors, "\n".join(errors)


def test_each_event_key_names_one_event(occasions: dict[str, Any]) -> None:
    owned = (
        (f"events[{i}] {e.get('org')}", term)
        for i, e in enumerate(occasions["events"])
        for term in e["terms"]
    )
    errors = _duplicates(owned)
    errors += _duplicates(("cues.phrases", p) for p in occasions["cues"]["phrases"])
    errors += _duplicates(("cues.heads", h) for h in occasions["cues"]["heads"])
    assert not errors, "\n".join(errors)


def test_plan_cues_are_not_occasion_cues(occasions: dict[str, Any]) -> None:
    phrases = {key_of(p) for p in occasions["cues"]["phrases"]}
    assert key_of("ahead of") not in phrases


# --- the checkers themselves ------------------------------------------------------------------


def test_checkers_reject_unknown_keys_and_duplicate_keys() -> None:
    assert _check_keys("t", {"role": "x", "terms": [], "orgs": "UN"}, {"role", "terms"}, {"org"})
    assert not _check_keys("t", {"role": "x", "terms": []}, {"role", "terms"}, {"org"})
    assert _duplicates([("a", "Vice-President"), ("b", "vice president")])
    assert _duplicates([("a", "Chargé d'Affaires"), ("a", "Charge d'affaires")])
    assert not _duplicates([("a", "Chancellor"), ("b", "Chancellor of the Exchequer")])
    assert _check_terms("t", ["Prime  Minister"]) and _check_terms("t", [])


def test_words_news_uses_for_something_else_signal_no_topic() -> None:
    text = (
        "HANOI - Japanese Prime Minister Fumio Kishida arrived at the airport and held talks "
        "with Vietnamese Prime Minister Pham Minh Chinh on Monday. The two discussed bilateral "
        "trade, and Kishida later told journalists the water was calm."
    )
    (meeting,) = diplomodel.parse(text, published="2023-05-08").meetings
    assert [t.code for t in meeting.topics] == ["trade"]


def test_an_organisation_naming_a_gathering_signals_no_topic() -> None:
    text = (
        "MADRID - Turkish President Recep Tayyip Erdogan held talks with U.S. President Joe "
        "Biden on Wednesday, on the eve of the NATO summit, and discussed the role of NATO in "
        "the Black Sea."
    )
    (meeting,) = diplomodel.parse(text, published="2022-06-29").meetings
    (evidence,) = [e for e in meeting.topic_evidence if e.code == "multilateral"]
    # only the second "NATO", what was discussed
    assert [text[s.start : s.end] for s in evidence.spans] == ["NATO"]
    assert evidence.spans[0].start > text.index("summit")


@pytest.mark.parametrize(
    "phrase",
    ["to normalize relations", "to de-escalate", "the restoration of diplomatic relations"],
)
def test_normalisation_between_adversaries_is_conflict(phrase: str) -> None:
    text = (
        "BEIJING - Iranian Foreign Minister Hossein Amir-Abdollahian held talks with Saudi "
        f"Foreign Minister Prince Faisal bin Farhan on Thursday and agreed {phrase}."
    )
    (meeting,) = diplomodel.parse(text, published="2023-04-06").meetings
    assert "conflict" in [t.code for t in meeting.topics]
