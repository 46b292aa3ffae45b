"""
The rulebook: an immutable value holding every word list the parser uses.

Words are data: the default rulebook is read from the TOML files in ``diplomodel/data``
(see ``docs/extending.md`` for every key). A user derives a new rulebook with the ``with_*``
methods; nothing mutates a rulebook or any global state.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import tomllib
from collections.abc import Callable, Iterable, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs

from diplomodel.errors import LexiconError, RuleError
from diplomodel.iso import by_alpha2
from diplomodel.model import MeetingMode, Role
from diplomodel.text import key_of

__all__ = [
    "BUILTIN_RULES",
    "VETO",
    "CountryName",
    "EventName",
    "KnownOfficial",
    "MeetingPhrase",
    "OrgEntry",
    "PlaceName",
    "Rule",
    "RuleContext",
    "Rulebook",
    "Signal",
    "TitleEntry",
    "TitleRole",
    "TopicLexicon",
    "Venue",
    "default_rulebook",
    "load_rulebook_file",
]


def _nonempty(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip() or not key_of(value):
        raise LexiconError(type(instance).__name__, attribute.name, f"{value!r} is empty")


def _terms(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not value:
        raise LexiconError(type(instance).__name__, attribute.name, "needs at least one term")
    for term in value:
        if not isinstance(term, str) or not key_of(term):
            raise LexiconError(type(instance).__name__, attribute.name, f"{term!r} is empty")


def _country_code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or by_alpha2(value) is None):
        raise LexiconError(
            type(instance).__name__, attribute.name, f"{value!r} is not an ISO alpha-2 code"
        )


def _required_country(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        raise LexiconError(type(instance).__name__, attribute.name, "a country code is required")
    _country_code(instance, attribute, value)


def _one_of(*allowed: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in allowed:
            raise LexiconError(
                type(instance).__name__,
                attribute.name,
                f"{value!r} is not one of {', '.join(allowed)}",
            )

    return check


_TOPIC_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def _topic_code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not _TOPIC_CODE.match(value):
        raise LexiconError(
            type(instance).__name__, attribute.name, f"{value!r} is not a snake_case topic code"
        )


def _to_tuple(value: Iterable[str] | str) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen
class TitleEntry:
    """
    An office and the role it maps to; ``org``/``country`` are implied affiliations.
    """

    term: str = attrs.field(validator=_nonempty)
    role: Role = attrs.field(converter=Role)
    org: str | None = None
    country: str | None = attrs.field(default=None, validator=_country_code)
    plural: bool = False


@attrs.frozen
class TitleRole:
    """
    The role an office has in particular countries, where it differs from the usual one
    (South Asia's "Foreign Secretary" is the ministry's top civil servant, not the minister).
    """

    term: str = attrs.field(validator=_nonempty)
    countries: tuple[str, ...] = attrs.field(converter=_to_tuple)
    role: Role = attrs.field(converter=Role)


@attrs.frozen
class CountryName:
    """
    A surface form of a country: ``kind`` is "name", "demonym" or "capital".
    """

    surface: str = attrs.field(validator=_nonempty)
    alpha2: str = attrs.field(validator=_country_code)
    kind: str = attrs.field(default="name", validator=_one_of("name", "demonym", "capital"))


@attrs.frozen
class OrgEntry:
    """
    An international organisation with the names and bodies that identify it.
    """

    acronym: str = attrs.field(validator=_nonempty)
    name: str = attrs.field(validator=_nonempty)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    bodies: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen
class PlaceName:
    """
    A city or town and its country (an addition to the shipped gazetteer).
    """

    name: str = attrs.field(validator=_nonempty)
    country: str = attrs.field(validator=_required_country)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen
class Venue:
    """
    A building or site that identifies the city of a meeting ("the Kremlin" -> Moscow).
    """

    names: tuple[str, ...] = attrs.field(converter=_to_tuple, validator=_terms)
    city: str = attrs.field(validator=_nonempty)
    country: str = attrs.field(validator=_country_code)


@attrs.frozen
class TopicLexicon:
    """
    A topic code, its label and the terms that signal it.
    """

    code: str = attrs.field(validator=_topic_code)
    label: str = attrs.field(validator=_nonempty)
    terms: tuple[str, ...] = attrs.field(converter=_to_tuple, validator=_terms)


class Signal:
    """
    What a meeting phrase signals (string constants, as used in ``meeting_phrases.toml``).
    """

    MEETING = "meeting"  # reports a meeting: "held talks", "spoke by phone"
    PLAN = "plan"  # a future or intended meeting: "will meet", "is scheduled to"
    NEGATION = "negation"  # "did not meet", "declined to meet"
    BACKGROUND = "background"  # a past meeting told as history: "last met"
    NOT_MEETING = "not_meeting"  # a message, letter or statement: "sent a letter"
    SEPARATE = "separate"  # starts a further meeting: "also met", "separately"
    REFERENCE = "reference"  # points back at a reported meeting: "the meeting took place"
    COMPANION = "companion"  # adds people to the meeting just reported: "accompanied by"
    JOINT = "joint"  # a meeting only with two sides as its subject: "A and B discussed"
    ALL = (
        "meeting", "plan", "negation", "background", "not_meeting", "separate", "reference",
        "companion", "joint",
    )  # fmt: skip


@attrs.frozen
class MeetingPhrase:
    """
    A phrase that reports (or rules out) a meeting; ``mode`` is set for meeting phrases.
    """

    term: str = attrs.field(validator=_nonempty)
    signal: str = attrs.field(default=Signal.MEETING, validator=_one_of(*Signal.ALL))
    mode: MeetingMode | None = attrs.field(
        default=None, converter=attrs.converters.optional(MeetingMode)
    )


@attrs.frozen
class KnownOfficial:
    """
    A known office holder: the side (country or organisation) and office of a named person,
    over a tenure in calendar years (``until`` 0: still in office).
    """

    name: str = attrs.field(validator=_nonempty)
    role: Role = attrs.field(converter=Role)
    country: str | None = attrs.field(default=None, validator=_country_code)
    org: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    since: int = 0
    until: int = 0

    def __attrs_post_init__(self) -> None:
        if (self.country is None) == (self.org is None):
            raise LexiconError("KnownOfficial", self.name, "needs exactly one of country and org")


@attrs.frozen
class EventName:
    """
    A named event (occasion) and the organisation behind it, if any.
    """

    terms: tuple[str, ...] = attrs.field(converter=_to_tuple, validator=_terms)
    org: str | None = None


# The built-in stages that can be switched off by id with ``Rulebook.without``.
BUILTIN_RULES: dict[str, str] = {
    "meetings.plan_veto": (
        "A plan, negation or background cue near a meeting phrase rules it out "
        "('will meet', 'did not meet', 'last met in 2019')."
    ),
    "meetings.background_date": (
        "A meeting dated well before the article's date (dateline or published: a day more "
        "than 45 days before it, a month that ended more than 31 days before it) is history "
        "told as background, not news: 'met Xi in Beijing in March 2023' in an article of "
        "September 2024; so is a meeting whose phrase names an earlier year in its clause "
        "('paid a state visit to Mexico in 2013'), and one first reported in a sentence "
        "without a day that names an earlier month ('held a video call in April' in June)."
    ),
    "meetings.separate": (
        "'also met', 'separately', 'two separate meetings' start a further meeting with the "
        "same subject."
    ),
    "meetings.shared_occasion": (
        "An in-person meeting with no occasion of its own took place at the occasion of the "
        "meeting reported just before it, when nothing sets it apart: not in another "
        "country, and on the same day or, on another day within three days, when it points "
        "back at the event ('on the margins of the summit') or lies one day apart in the same "
        "city."
    ),
    "meetings.protagonist": (
        "'In his meeting with X', 'He met X' join X with the article's most-mentioned "
        "official or, failing one, the subject of the last meeting, or, before any meeting, "
        "the first named person of the nearest of the three sentences before."
    ),
    "officials.surname_mentions": (
        "A later 'Cavusoglu' or 'Park' is the same person as 'Mevlut Cavusoglu' or 'Park Jin'; "
        "a later 'MoS' the 'Minister of State' named before."
    ),
    "officials.host_country_fallback": (
        "An official whose side the text never states acts for the meeting's host country "
        "when no other participant does (not at summits); met abroad where the host is "
        "already a side, for the dateline's country."
    ),
    "officials.dominant_country_fallback": (
        "Failing that, for the one country the article names most often (twice or more)."
    ),
    "place.scene": (
        "An in-person meeting with no place words of its own takes the place of the scene its "
        "people were set in just before ('X arrived in Y. He met Z')."
    ),
    "place.dateline_fallback": (
        "An in-person meeting with no place words of its own is placed in the dateline city."
    ),
    "date.published_fallback": (
        "With no dated dateline, the meetings without date words of an article that speaks "
        "of no other day than its publication date took place on that date (basis "
        "'published')."
    ),
    "date.scene": (
        "A meeting with no date words of its own takes the day stated in the sentence that set "
        "its people's scene just before it ('X on Sunday handed documents to Y. X gave the "
        "papers to Y on the margins of ...')."
    ),
    "date.dateline_fallback": (
        "A meeting with no date words of its own takes the date of a dated dateline."
    ),
    "officials.known_officials": (
        "A person the article names without a side (or title) gets them from the table of "
        "known office holders (data/officials.toml) for the article's year; so does one whose "
        "side is only the default of a bare title ('Secretary General Jens Stoltenberg'). The "
        "full name of a holder in office that year is an official even without a title "
        "('Keir Starmer has given Volodymyr Zelenskyy a warm welcome')."
    ),
    "topics.org_multilateral": (
        "An international organisation named in what was discussed signals 'multilateral'."
    ),
}


class _Veto:
    """The value a production returns to drop a meeting or a participant."""

    _instance: _Veto | None = None

    def __new__(cls) -> _Veto:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "VETO"


VETO = _Veto()

_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


@attrs.frozen
class RuleContext:
    """
    What a rule's production sees: the value it may replace, the match, and the article.
    """

    text: str
    match: re.Match[str]
    published: dt.date | None
    meeting: Any = None  # diplomodel.model.Meeting (typed loosely to avoid an import cycle)
    official: Any = None  # diplomodel.model.Official, for target "official"


@attrs.frozen
class Rule:
    """
    A rule in code: when ``pattern`` (a regular expression) matches inside a meeting's sentences,
    ``produce(ctx)`` returns a replacement value, None (no change) or :data:`VETO` (drop it).

    ``target`` is "meeting" (``ctx.meeting``) or "official" (each participant, ``ctx.official``).
    Rules run after the built-in stages, higher ``priority`` first, then by ``id``.
    """

    id: str
    target: str
    pattern: str
    produce: Callable[[RuleContext], object] = attrs.field(eq=False)
    priority: int = 0
    description: str = ""
    compiled: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, str) or not _RULE_ID.match(self.id):
            raise RuleError(f"rule {self.id!r}: id must be dotted lower case, e.g. 'mypack.arctic'")
        if self.target not in ("meeting", "official"):
            raise RuleError(f"rule {self.id!r}: target must be 'meeting' or 'official'")
        if not callable(self.produce):
            raise RuleError(f"rule {self.id!r}: produce must be callable")
        try:
            compiled = re.compile(self.pattern)
        except (re.error, TypeError) as exc:
            raise RuleError(f"rule {self.id!r}: bad pattern {self.pattern!r}: {exc}") from None
        object.__setattr__(self, "compiled", compiled)


@attrs.frozen
class Rulebook:
    """
    Every word list the parser uses. Immutable: ``with_*`` methods return a new rulebook.

    Build the default one with :func:`default_rulebook`.
    """

    titles: tuple[TitleEntry, ...] = ()
    title_roles: tuple[TitleRole, ...] = ()
    countries: tuple[CountryName, ...] = ()
    organizations: tuple[OrgEntry, ...] = ()
    places: tuple[PlaceName, ...] = ()
    venues: tuple[Venue, ...] = ()
    topics: tuple[TopicLexicon, ...] = ()
    phrases: tuple[MeetingPhrase, ...] = ()
    events: tuple[EventName, ...] = ()
    occasion_cues: tuple[str, ...] = ()
    occasion_heads: tuple[str, ...] = ()
    first_name_countries: tuple[str, ...] = ()
    unresolvable_names: tuple[str, ...] = ()
    us_state_names: tuple[str, ...] = ()
    use_gazetteer: bool = True
    officials: tuple[KnownOfficial, ...] = ()
    rules: tuple[Rule, ...] = ()
    disabled: frozenset[str] = frozenset()

    def with_officials(self, *officials: KnownOfficial) -> Rulebook:
        """A rulebook with these known office holders added."""
        return attrs.evolve(self, officials=self.officials + officials)

    def with_rules(self, *rules: Rule) -> Rulebook:
        """
        A rulebook with these code rules added.

        Raises:
            RuleError: a rule id is used twice or names a built-in rule.
        """
        seen = {r.id for r in self.rules} | set(BUILTIN_RULES)
        for rule in rules:
            if not isinstance(rule, Rule):
                raise RuleError(f"expected a diplomodel.rules.Rule, got {type(rule).__name__}")
            if rule.id in seen:
                raise RuleError(f"duplicate rule id {rule.id!r}")
            seen.add(rule.id)
        return attrs.evolve(self, rules=self.rules + rules)

    def without(self, *rule_ids: str) -> Rulebook:
        """
        A rulebook with these rules (built-in or added) switched off.

        Raises:
            RuleError: an id names no rule (the message lists the available ids).
        """
        known = set(self.rule_ids())
        for rule_id in rule_ids:
            if rule_id not in known:
                available = ", ".join(sorted(known))
                raise RuleError(f"unknown rule id {rule_id!r}; available: {available}")
        return attrs.evolve(self, disabled=self.disabled | frozenset(rule_ids))

    def enabled(self, rule_id: str) -> bool:
        """Whether a rule (built-in or added) is active."""
        return rule_id not in self.disabled

    def rule_ids(self) -> tuple[str, ...]:
        """The ids of every rule, built-in and added, active or not."""
        return (*BUILTIN_RULES, *(r.id for r in self.rules))

    def describe(self) -> list[tuple[str, str]]:
        """(id, description) of every active rule."""
        out = [(rid, text) for rid, text in BUILTIN_RULES.items() if self.enabled(rid)]
        out.extend((r.id, r.description) for r in self.rules if self.enabled(r.id))
        return out

    def with_titles(self, *titles: TitleEntry) -> Rulebook:
        """A rulebook with these titles added (a later entry for the same term wins)."""
        return attrs.evolve(self, titles=self.titles + titles)

    def with_title_roles(self, *roles: TitleRole) -> Rulebook:
        """A rulebook where these offices take these roles in these countries."""
        return attrs.evolve(self, title_roles=self.title_roles + roles)

    def with_countries(self, *names: CountryName) -> Rulebook:
        """A rulebook with these country names, demonyms or capitals added."""
        return attrs.evolve(self, countries=self.countries + names)

    def with_organizations(self, *orgs: OrgEntry) -> Rulebook:
        """A rulebook with these organisations added."""
        return attrs.evolve(self, organizations=self.organizations + orgs)

    def with_places(self, *places: PlaceName) -> Rulebook:
        """A rulebook with these places added to the gazetteer."""
        return attrs.evolve(self, places=self.places + places)

    def with_venues(self, *venues: Venue) -> Rulebook:
        """A rulebook with these venues added."""
        return attrs.evolve(self, venues=self.venues + venues)

    def with_topic(self, code: str, *, label: str, terms: Iterable[str]) -> Rulebook:
        """A rulebook where topic ``code`` (new or existing) also has these terms."""
        terms = tuple(terms)
        kept = []
        for topic in self.topics:
            if topic.code == code:
                terms = topic.terms + terms
            else:
                kept.append(topic)
        kept.append(TopicLexicon(code, label, terms))
        return attrs.evolve(self, topics=tuple(kept))

    def with_meeting_phrases(self, *phrases: MeetingPhrase) -> Rulebook:
        """A rulebook with these meeting (or plan, negation, ...) phrases added."""
        return attrs.evolve(self, phrases=self.phrases + phrases)

    def with_events(self, *events: EventName) -> Rulebook:
        """A rulebook with these named events (occasions) added."""
        return attrs.evolve(self, events=self.events + events)

    def with_file(self, path: str | Path) -> Rulebook:
        """A rulebook with the additions of a TOML rule file (same schema as the shipped data)."""
        return load_rulebook_file(path, base=self)


# --- loading the TOML data -------------------------------------------------------------------


def _read_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(source, "(file)", f"not valid TOML: {exc}") from None


def _list_of_str(value: Any, source: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(source, key, "expected a list of strings")
    return tuple(value)


def _table(value: Any, source: str, key: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise LexiconError(source, key, "expected a table")
    return value


def _array(data: Mapping[str, Any], key: str, source: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise LexiconError(source, key, "expected an array of tables ([[" + key + "]])")
    return value


def _check_keys(entry: Mapping[str, Any], allowed: set[str], source: str, key: str) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise LexiconError(
            source,
            key,
            f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}",
        )


def _build(source: str, key: str, factory: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return factory(*args, **kwargs)
    except LexiconError as exc:
        raise LexiconError(source, key, exc.reason) from None
    except (ValueError, TypeError) as exc:
        raise LexiconError(source, key, str(exc)) from None


def _parse_document(data: Mapping[str, Any], source: str) -> dict[str, list[Any]]:
    """
    Turn one TOML document (any of the shipped schemas, or a user file mixing them) into entries.
    """
    out: dict[str, list[Any]] = {
        name: []
        for name in (
            "titles", "title_roles", "countries", "organizations", "places", "venues", "topics",
            "phrases",
            "events", "occasion_cues", "occasion_heads", "first_name_countries",
            "unresolvable_names", "us_state_names", "officials",
        )
    }  # fmt: skip
    known = {
        "titles", "title_roles", "countries", "ambiguity", "organizations", "places", "venues",
        "topics", "phrases", "events", "cues", "officials",
    }  # fmt: skip
    _check_keys(data, known, source, "(top level)")
    for i, entry in enumerate(_array(data, "titles", source)):
        key = f"titles[{i}]"
        entry = _table(entry, source, key)
        _check_keys(entry, {"role", "terms", "org", "country", "plural"}, source, key)
        if "role" not in entry:
            raise LexiconError(source, key, "missing key 'role'")
        for term in _list_of_str(entry.get("terms", []), source, f"{key}.terms"):
            out["titles"].append(
                _build(
                    source, key, TitleEntry, term, entry["role"], entry.get("org"),
                    entry.get("country"), bool(entry.get("plural", False)),
                )
            )  # fmt: skip
    for i, entry in enumerate(_array(data, "title_roles", source)):
        key = f"title_roles[{i}]"
        entry = _table(entry, source, key)
        _check_keys(entry, {"terms", "countries", "role"}, source, key)
        countries = _list_of_str(entry.get("countries", []), source, f"{key}.countries")
        for code in countries:
            if by_alpha2(code) is None:
                raise LexiconError(source, f"{key}.countries", f"{code!r} is not an ISO code")
        for term in _list_of_str(entry.get("terms", []), source, f"{key}.terms"):
            out["title_roles"].append(
                _build(source, key, TitleRole, term, countries, entry.get("role"))
            )
    for code, entry in _table(data.get("countries", {}), source, "countries").items():
        key = f"countries.{code}"
        entry = _table(entry, source, key)
        _check_keys(entry, {"aliases", "demonyms", "capitals"}, source, key)
        for field, kind in (("aliases", "name"), ("demonyms", "demonym"), ("capitals", "capital")):
            for surface in _list_of_str(entry.get(field, []), source, f"{key}.{field}"):
                out["countries"].append(_build(source, key, CountryName, surface, code, kind))
    for acronym, entry in _table(data.get("organizations", {}), source, "organizations").items():
        key = f"organizations.{acronym}"
        entry = _table(entry, source, key)
        _check_keys(entry, {"name", "aliases", "bodies"}, source, key)
        out["organizations"].append(
            _build(
                source, key, OrgEntry, acronym, entry.get("name", ""),
                _list_of_str(entry.get("aliases", []), source, f"{key}.aliases"),
                _list_of_str(entry.get("bodies", []), source, f"{key}.bodies"),
            )
        )  # fmt: skip
    for i, entry in enumerate(_array(data, "places", source)):
        key = f"places[{i}]"
        entry = _table(entry, source, key)
        _check_keys(entry, {"name", "country", "aliases"}, source, key)
        out["places"].append(
            _build(
                source, key, PlaceName, entry.get("name", ""), entry.get("country"),
                _list_of_str(entry.get("aliases", []), source, f"{key}.aliases"),
            )
        )  # fmt: skip
    for i, entry in enumerate(_array(data, "venues", source)):
        key = f"venues[{i}]"
        entry = _table(entry, source, key)
        _check_keys(entry, {"names", "city", "country"}, source, key)
        out["venues"].append(
            _build(
                source, key, Venue, _list_of_str(entry.get("names", []), source, f"{key}.names"),
                entry.get("city", ""), entry.get("country"),
            )
        )  # fmt: skip
    for code, entry in _table(data.get("topics", {}), source, "topics").items():
        key = f"topics.{code}"
        entry = _table(entry, source, key)
        _check_keys(entry, {"label", "terms"}, source, key)
        terms = _list_of_str(entry.get("terms", []), source, f"{key}.terms")
        out["topics"].append(_build(source, key, TopicLexicon, code, entry.get("label", ""), terms))
    for i, entry in enumerate(_array(data, "phrases", source)):
        key = f"phrases[{i}]"
        entry = _table(entry, source, key)
        _check_keys(entry, {"terms", "signal", "mode"}, source, key)
        for term in _list_of_str(entry.get("terms", []), source, f"{key}.terms"):
            out["phrases"].append(
                _build(
                    source, key, MeetingPhrase, term, entry.get("signal", Signal.MEETING),
                    entry.get("mode"),
                )
            )  # fmt: skip
    for i, entry in enumerate(_array(data, "events", source)):
        key = f"events[{i}]"
        entry = _table(entry, source, key)
        _check_keys(entry, {"terms", "org"}, source, key)
        terms = _list_of_str(entry.get("terms", []), source, f"{key}.terms")
        out["events"].append(_build(source, key, EventName, terms, entry.get("org")))
    for i, entry in enumerate(_array(data, "officials", source)):
        key = f"officials[{i}]"
        entry = _table(entry, source, key)
        _check_keys(entry, {"name", "aliases", "country", "org", "role", "from", "to"}, source, key)
        out["officials"].append(
            _build(
                source, key, KnownOfficial, entry.get("name", ""), entry.get("role"),
                entry.get("country"), entry.get("org"),
                _list_of_str(entry.get("aliases", []), source, f"{key}.aliases"),
                int(entry.get("from", 0)), int(entry.get("to", 0)),
            )
        )  # fmt: skip
    ambiguity = _table(data.get("ambiguity", {}), source, "ambiguity")
    _check_keys(ambiguity, {"first_names", "us_states", "unresolvable"}, source, "ambiguity")
    out["first_name_countries"].extend(
        _list_of_str(ambiguity.get("first_names", []), source, "ambiguity.first_names")
    )
    out["us_state_names"].extend(
        _list_of_str(ambiguity.get("us_states", []), source, "ambiguity.us_states")
    )
    out["unresolvable_names"].extend(
        _list_of_str(ambiguity.get("unresolvable", []), source, "ambiguity.unresolvable")
    )
    cues = _table(data.get("cues", {}), source, "cues")
    _check_keys(cues, {"phrases", "heads"}, source, "cues")
    out["occasion_cues"].extend(_list_of_str(cues.get("phrases", []), source, "cues.phrases"))
    out["occasion_heads"].extend(_list_of_str(cues.get("heads", []), source, "cues.heads"))
    return out


_SHIPPED = (
    "titles.toml",
    "countries.toml",
    "organizations.toml",
    "venues.toml",
    "topics.toml",
    "meeting_phrases.toml",
    "occasions.toml",
    "officials.toml",
)

_default: Rulebook | None = None
_default_lock = threading.Lock()


def _merge(base: Rulebook, parts: dict[str, list[Any]]) -> Rulebook:
    topics = base
    for topic in parts.pop("topics"):
        topics = topics.with_topic(topic.code, label=topic.label, terms=topic.terms)
    changes = {name: getattr(base, name) + tuple(items) for name, items in parts.items()}
    changes["topics"] = topics.topics
    return attrs.evolve(base, **changes)


def default_rulebook() -> Rulebook:
    """
    The rulebook built from the shipped data files (loaded once, then shared: it is immutable).

    Raises:
        LexiconError: a shipped file is malformed (a packaging bug).
    """
    global _default
    with _default_lock:
        if _default is None:
            book = Rulebook()
            data_dir = files("diplomodel") / "data"
            for name in _SHIPPED:
                source = f"diplomodel/data/{name}"
                resource = data_dir / name
                if not resource.is_file():
                    continue
                book = _merge(
                    book, _parse_document(_read_toml(resource.read_text("utf-8"), source), source)
                )
            _default = book
        return _default


def load_rulebook_file(path: str | Path, *, base: Rulebook | None = None) -> Rulebook:
    """
    ``base`` (default: the default rulebook) plus the additions of a TOML rule file.

    Raises:
        LexiconError: the file is missing, not TOML, or has a bad key (named in the message).
    """
    source = str(path)
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise LexiconError(source, "(file)", exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise LexiconError(source, "(file)", "not UTF-8 text") from None
    parts = _parse_document(_read_toml(text, source), source)
    return _merge(base if base is not None else default_rulebook(), parts)
