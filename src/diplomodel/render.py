"""
The article renderer: news prose that reports given meetings, with the meetings it reports.

:func:`plan_article` takes the meetings an article should report and makes every wording
choice through a :class:`Chooser` (a seeded :class:`RandomChooser`, or the draws of a
Hypothesis strategy in :mod:`diplomodel.strategies`). The choices form an :class:`ArticlePlan`,
and :func:`render` turns a plan into text. Rendering is a pure function of the plan, so a
test can change one choice (the order participants are written in, a country's name) and
render again.

Every word the parser reads comes from the shipped data: the templates, country forms, titles,
occasions, venues, topic phrases and cities of ``diplomodel/data/templates.toml``, which are
themselves terms of the parser's lexicons, and invented person names built from syllables that
are no lexicon word. So the meetings a rendered article reports (:attr:`RenderedArticle.expected`)
are known exactly: in the guidelines' fields (participants' names, sides and roles; date; place;
mode; occasion and its organisation; topics). Expected meetings carry no spans and the title
as the input gave it.

This module does not import Hypothesis.

>>> from diplomodel.render import RandomChooser, plan_article, render, example_meetings
>>> article = render(plan_article(example_meetings(), RandomChooser(3)))
>>> len(article.expected)
1
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import string
import threading
import tomllib
from collections.abc import Mapping, Sequence
from importlib.resources import files
from typing import Any, Protocol, TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from diplomodel.countries import country_from_code
from diplomodel.dates import after_reference, history
from diplomodel.errors import LexiconError
from diplomodel.grammar import name_tokens
from diplomodel.model import (
    DateBasis,
    DatePrecision,
    Meeting,
    MeetingDate,
    MeetingMode,
    Occasion,
    Official,
    Organization,
    Place,
    Role,
    Topic,
)
from diplomodel.text import fold, key_of

__all__ = [
    "MENTION_STYLES",
    "ArticlePlan",
    "Chooser",
    "CountryForms",
    "DistractorPlan",
    "MeetingPlan",
    "MentionPlan",
    "RandomChooser",
    "RenderedArticle",
    "Template",
    "TemplateData",
    "TitleForms",
    "UnrenderableError",
    "check_meetings",
    "example_meetings",
    "given_names",
    "name_is_safe",
    "organization",
    "plan_article",
    "render",
    "render_meetings",
    "reorder_participants",
    "surname_of",
    "surnames",
    "templates",
    "topic",
    "vary_country_forms",
]

T = TypeVar("T")

_SOURCE = "diplomodel/data/templates.toml"
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# AP style: five months are abbreviated in datelines, the others written out.
_MONTHS_AP = (
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
)  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_OCCASION_CUES = ("on the sidelines of the", "on the margins of the", "at the", "during the")
_PRONOUNS = ("his", "her")
_FLAGS = (False, True)

# Mention styles. A style is how one official is written at one place in a sentence.
_COUNTRY_STYLES = (
    "adjective",  # Turkish Foreign Minister NAME
    "possessive",  # Turkey's Foreign Minister NAME
    "the_title_of",  # the Foreign Minister of Turkey, NAME,
    "name_title_of",  # NAME, Foreign Minister of Turkey,
    "name_the_adjective",  # NAME, the Turkish Foreign Minister,
    "title_name_of",  # Foreign Minister NAME of Turkey
    "title_name_of_the",  # Foreign Minister NAME of the United States
)
_COUNTERPART_STYLES = (
    "counterpart",  # his Turkish counterpart NAME
    "counterpart_comma",  # his Turkish counterpart, NAME,
    "counterpart_from",  # his counterpart from Turkey, NAME,
    "counterpart_from_the",  # his counterpart from the United States, NAME,
)
_ORG_STYLES = ("org", "name_the_org")  # NATO Secretary General NAME / NAME, the NATO ...,
_UNNAMED_STYLES = ("unnamed_of", "unnamed_adjective")  # the Emir of Qatar / the Qatari Emir
_LATER_STYLES = ("surname", "full_name")  # Kelmoran / Arvid Kelmoran (already introduced)
_APPOSITIVE = frozenset(
    {"the_title_of", "name_title_of", "name_the_adjective", "counterpart_comma",
     "counterpart_from", "counterpart_from_the", "name_the_org"}
)  # fmt: skip
_LIST_STYLES = (
    "adjective", "possessive", "title_name_of", "title_name_of_the", "org", "surname",
    "full_name",
)  # fmt: skip

#: Every mention style a :class:`MentionPlan` may name ("plural" and "pronoun" are written by
#: the sentence: "the foreign ministers of X and Y, N1 and N2", "He also met ...").
MENTION_STYLES = (
    *_COUNTRY_STYLES, *_COUNTERPART_STYLES, *_ORG_STYLES, *_UNNAMED_STYLES, *_LATER_STYLES,
    "plural", "pronoun",
)  # fmt: skip

# Date expressions: how a meeting's date is written (see _date_text).
_DATE_EXPRS = (
    "none", "dmy", "mdy", "weekday", "yesterday", "today", "day_month", "month_day",
    "this_month", "last_month",
)  # fmt: skip


class UnrenderableError(ValueError):
    """
    The renderer cannot write an article that reports these meetings and nothing else
    (an official, title, city or occasion the templates do not cover, or meetings the parser
    would be right to read as one). The message says which value and why.
    """


class Chooser(Protocol):
    """
    Makes the renderer's choices. ``label`` names the choice (for debugging and replay).
    """

    def choice(self, label: str, options: Sequence[T]) -> T:
        """One of ``options`` (never empty)."""
        ...

    def integer(self, label: str, low: int, high: int) -> int:
        """An integer in ``[low, high]``."""
        ...


class RandomChooser:
    """
    A :class:`Chooser` driven by a seeded :class:`random.Random`: the same seed, the same
    choices.
    """

    def __init__(self, seed: int | str | None = 0) -> None:
        self._random = random.Random(seed)

    def choice(self, label: str, options: Sequence[T]) -> T:
        """A uniformly random option."""
        if not options:
            raise ValueError(f"{label}: no options to choose from")
        return options[self._random.randrange(len(options))]

    def integer(self, label: str, low: int, high: int) -> int:
        """A uniformly random integer in ``[low, high]``."""
        return self._random.randint(low, high)


# ----------------------------------------------------------------------------------------------
# Template data


@attrs.frozen
class CountryForms:
    """
    How a country is written: bare names ("of X", "X's"), names written with "the", adjectives
    (demonyms and adjectival names) and the cities where its officials meet.
    """

    code: str
    names: tuple[str, ...]
    the_names: tuple[str, ...]
    adjectives: tuple[str, ...]
    cities: tuple[str, ...]
    agency: str

    @property
    def nouns(self) -> tuple[str, ...]:
        """The forms after "of" or "to": bare names, then "the ..." names."""
        return self.names + tuple(f"the {n}" for n in self.the_names)

    @property
    def possessives(self) -> tuple[str, ...]:
        """The names written before "'s" (never one ending in "s")."""
        return tuple(n for n in self.names if not n.endswith("s"))


@attrs.frozen
class TitleForms:
    """
    Titles of one role written before a name, limited to some countries (or an organisation).
    """

    role: Role
    terms: tuple[str, ...]
    countries: frozenset[str] = frozenset()
    plural: str | None = None
    org: str | None = None

    def fits(self, country: str | None, org: str | None) -> bool:
        """Whether these titles can be written for an official of this side."""
        if self.org is not None or org is not None:
            return self.org == org and country is None
        return not self.countries or country in self.countries


@attrs.frozen
class Template:
    """
    One template: its id, text, the participant count (``"2"``, ``"n"``, ``"any"``), modes, what
    it needs, its kind within its section and whether it exposes a known parser gap (``hard``).
    """

    id: str
    text: str
    arity: str = "any"
    modes: tuple[MeetingMode, ...] = ()
    needs: frozenset[str] = frozenset()
    kind: str = ""
    hard: bool = False
    case: str = ""

    @property
    def fields(self) -> frozenset[str]:
        """The placeholders the text uses."""
        return frozenset(f for _, f, _, _ in string.Formatter().parse(self.text) if f)


@attrs.frozen
class TemplateData:
    """
    Everything in ``templates.toml``, checked and typed.
    """

    given_first: tuple[str, ...]
    given_last: tuple[str, ...]
    surname_first: tuple[str, ...]
    surname_middle: tuple[str, ...]
    surname_last: tuple[str, ...]
    apostrophe_prefixes: tuple[str, ...]
    countries: Mapping[str, CountryForms] = attrs.field(eq=False)
    titles: tuple[TitleForms, ...]
    org_titles: tuple[TitleForms, ...]
    occasions: tuple[tuple[str, str | None], ...]
    hard_occasions: frozenset[str]
    venues: tuple[tuple[str, str, str], ...]
    topics: Mapping[str, tuple[str, ...]] = attrs.field(eq=False)
    datelines: tuple[Template, ...]
    headlines: tuple[Template, ...]
    leads: tuple[Template, ...]
    further: tuple[Template, ...]
    topic_sentences: tuple[Template, ...]
    followups: tuple[Template, ...]
    distractors: tuple[Template, ...]
    unrelated_paragraphs: tuple[str, ...]

    def titles_for(self, role: Role, country: str | None, org: str | None) -> tuple[str, ...]:
        """The titles of ``role`` that can be written for an official of this side."""
        pool = self.org_titles if org is not None else self.titles
        found: list[str] = []
        for forms in pool:
            if forms.role is role and forms.fits(country, org):
                found.extend(t for t in forms.terms if t not in found)
        return tuple(found)

    def plural_of(self, role: Role) -> str | None:
        """The plural title of ``role`` ("foreign ministers"), if the templates have one."""
        for forms in self.titles:
            if forms.role is role and forms.plural:
                return forms.plural
        return None

    def all_cities(self) -> tuple[tuple[str, str], ...]:
        """Every (city, country) the templates name, countries' cities then venues' cities."""
        return self.cities

    @property
    def cities(self) -> tuple[tuple[str, str], ...]:
        """Every (city, country), computed once when the data is loaded."""
        return self._city_list

    _city_list: tuple[tuple[str, str], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        found: list[tuple[str, str]] = []
        for forms in self.countries.values():
            found.extend((c, forms.code) for c in forms.cities)
        found.extend((city, cc) for _, city, cc in self.venues)
        object.__setattr__(self, "_city_list", tuple(dict.fromkeys(found)))

    def template(self, template_id: str) -> Template:
        """The template with this id, from any section."""
        for section in (
            self.datelines, self.headlines, self.leads, self.further, self.topic_sentences,
            self.followups, self.distractors,
        ):  # fmt: skip
            for t in section:
                if t.id == template_id:
                    return t
        raise KeyError(template_id)


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(_SOURCE, key, "expected a list of non-empty strings")
    return tuple(value)


def _text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(_SOURCE, f"{where}.{key}", "expected a non-empty string")
    return value


def _templates_of(data: Mapping[str, Any], section: str) -> tuple[Template, ...]:
    found: list[Template] = []
    allowed = {"id", "text", "format", "arity", "modes", "needs", "kind", "hard", "dated", "case"}
    for i, entry in enumerate(data.get(section, [])):
        where = f"{section}[{i}]"
        if not isinstance(entry, dict):
            raise LexiconError(_SOURCE, where, "expected a table")
        unknown = sorted(set(entry) - allowed)
        if unknown:
            raise LexiconError(_SOURCE, where, f"unknown key(s) {', '.join(unknown)}")
        text = entry.get("text", entry.get("format"))
        try:
            modes = tuple(MeetingMode(m) for m in _strings(entry.get("modes"), f"{where}.modes"))
        except ValueError as exc:
            raise LexiconError(_SOURCE, f"{where}.modes", str(exc)) from None
        template = Template(
            id=_text(entry, "id", where),
            text=text if isinstance(text, str) else _text(entry, "text", where),
            arity=str(entry.get("arity", "any")),
            modes=modes,
            needs=frozenset(_strings(entry.get("needs"), f"{where}.needs")),
            kind=str(entry.get("kind", entry.get("dated", ""))),
            hard=bool(entry.get("hard", False)),
            case=str(entry.get("case", "")),
        )
        if template.arity not in ("2", "n", "any"):
            raise LexiconError(_SOURCE, f"{where}.arity", f"{template.arity!r}: use 2, n or any")
        found.append(template)
    ids = [t.id for t in found]
    if len(set(ids)) != len(ids):
        raise LexiconError(_SOURCE, section, "duplicate template ids")
    return tuple(found)


def load_templates(text: str, source: str = _SOURCE) -> TemplateData:
    """
    Read template data from TOML text (the schema of the shipped ``templates.toml``).

    Raises:
        LexiconError: the text is not TOML or an entry is malformed (named in the message).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(source, "(file)", f"not valid TOML: {exc}") from None
    names = data.get("names", {})
    countries: dict[str, CountryForms] = {}
    for i, entry in enumerate(data.get("countries", [])):
        where = f"countries[{i}]"
        code = _text(entry, "code", where)
        country_from_code(code)  # raises ValidationError for an unknown code
        countries[code] = CountryForms(
            code=code,
            names=_strings(entry.get("names"), f"{where}.names"),
            the_names=_strings(entry.get("the_names"), f"{where}.the_names"),
            adjectives=_strings(entry.get("adjectives"), f"{where}.adjectives"),
            cities=_strings(entry.get("cities"), f"{where}.cities"),
            agency=_text(entry, "agency", where),
        )
        if not countries[code].nouns:
            raise LexiconError(_SOURCE, where, "a country needs a name")
    titles: list[TitleForms] = []
    org_titles: list[TitleForms] = []
    for section, out in (("titles", titles), ("org_titles", org_titles)):
        for i, entry in enumerate(data.get(section, [])):
            where = f"{section}[{i}]"
            try:
                role = Role(_text(entry, "role", where))
            except ValueError as exc:
                raise LexiconError(_SOURCE, f"{where}.role", str(exc)) from None
            out.append(
                TitleForms(
                    role=role,
                    terms=_strings(entry.get("terms"), f"{where}.terms"),
                    countries=frozenset(_strings(entry.get("countries"), f"{where}.countries")),
                    plural=entry.get("plural"),
                    org=entry.get("org") if section == "org_titles" else None,
                )
            )
            if section == "org_titles" and not isinstance(entry.get("org"), str):
                raise LexiconError(_SOURCE, where, "an organisation title needs org")
    topics = {
        code: _strings(phrases, f"topics.{code}")
        for code, phrases in data.get("topics", {}).items()
    }
    return TemplateData(
        given_first=_strings(names.get("given_first"), "names.given_first"),
        given_last=_strings(names.get("given_last"), "names.given_last"),
        surname_first=_strings(names.get("surname_first"), "names.surname_first"),
        surname_middle=_strings(names.get("surname_middle"), "names.surname_middle"),
        surname_last=_strings(names.get("surname_last"), "names.surname_last"),
        apostrophe_prefixes=_strings(names.get("apostrophe_prefixes"), "names.apostrophe_prefixes"),
        countries=countries,
        titles=tuple(titles),
        org_titles=tuple(org_titles),
        occasions=tuple(
            (_text(e, "term", f"occasions[{i}]"), e.get("org"))
            for i, e in enumerate(data.get("occasions", []))
        ),
        hard_occasions=frozenset(
            _text(e, "term", "occasions") for e in data.get("occasions", []) if e.get("hard")
        ),
        venues=tuple(
            (
                _text(e, "name", f"venues[{i}]"),
                _text(e, "city", f"venues[{i}]"),
                _text(e, "country", f"venues[{i}]"),
            )
            for i, e in enumerate(data.get("venues", []))
        ),
        topics=topics,
        datelines=_templates_of(data, "datelines"),
        headlines=_templates_of(data, "headlines"),
        leads=_templates_of(data, "leads"),
        further=_templates_of(data, "further"),
        topic_sentences=_templates_of(data, "topic_sentences"),
        followups=_templates_of(data, "followups"),
        distractors=_templates_of(data, "distractors"),
        unrelated_paragraphs=_strings(
            data.get("unrelated_paragraphs", {}).get("texts"), "unrelated_paragraphs.texts"
        ),
    )


_lock = threading.RLock()
_cache: dict[str, Any] = {}


def _cached(key: str, build: Any) -> Any:
    value = _cache.get(key)
    if value is None:
        with _lock:
            value = _cache.get(key)
            if value is None:
                value = build()
                _cache[key] = value
    return value


def templates() -> TemplateData:
    """
    The shipped template data (read on first use, then shared: it is immutable).
    """
    data: TemplateData = _cached(
        "templates",
        lambda: load_templates(
            (files("diplomodel") / "data" / "templates.toml").read_text("utf-8")
        ),
    )
    return data


def organization(acronym: str) -> Organization:
    """
    The organisation with this acronym, named as ``organizations.toml`` names it.

    Raises:
        UnrenderableError: no organisation of the shipped data has this acronym.
    """
    names: dict[str, str] = _cached("orgs", _org_names)
    if acronym not in names:
        raise UnrenderableError(f"organisation {acronym!r} is not in organizations.toml")
    return Organization(acronym, names[acronym])


def _org_names() -> dict[str, str]:
    from diplomodel.rules import default_rulebook

    return {o.acronym: o.name for o in default_rulebook().organizations}


def _topic_labels() -> dict[str, str]:
    from diplomodel.rules import default_rulebook

    labels: dict[str, str] = {}
    for lexicon in default_rulebook().topics:
        labels[lexicon.code] = lexicon.label
    return labels


def topic(code: str) -> Topic:
    """
    The topic with this code, labelled as ``topics.toml`` labels it.

    Raises:
        UnrenderableError: no topic of the shipped data has this code.
    """
    labels: dict[str, str] = _cached("topics", _topic_labels)
    if code not in labels:
        raise UnrenderableError(f"topic {code!r} is not in topics.toml")
    return Topic(code, labels[code])


def _topic_order() -> list[str]:
    labels: dict[str, str] = _cached("topics", _topic_labels)
    return list(labels)


# ----------------------------------------------------------------------------------------------
# Invented names


def _lexicon_words() -> frozenset[str]:
    """Every folded word of every lexicon, the gazetteer and the grammar word lists."""
    from diplomodel.countries import country_index
    from diplomodel.gazetteer import place_table
    from diplomodel.grammar import grammar_words
    from diplomodel.rules import default_rulebook

    book = default_rulebook()
    words: set[str] = set()

    def add(phrase: str) -> None:
        words.update(key_of(phrase).split())

    for title in book.titles:
        add(title.term)
    for key in country_index(book):
        words.update(key.split())
    for org in book.organizations:
        for surface in (org.acronym, org.name, *org.aliases, *org.bodies):
            add(surface)
    for venue in book.venues:
        for surface in (*venue.names, venue.city):
            add(surface)
    for lexicon in book.topics:
        for term in lexicon.terms:
            add(term)
    for phrase in book.phrases:
        add(phrase.term)
    for event in book.events:
        for term in event.terms:
            add(term)
    for term in (*book.occasion_cues, *book.occasion_heads, *book.unresolvable_names):
        add(term)
    for key in place_table():
        words.update(key.split())
    for field in grammar_words():
        words.update(field)
    return frozenset(words)


def name_is_safe(word: str) -> bool:
    """
    Whether ``word`` can be part of an invented name: capitalised, at least three letters, and
    no word of any lexicon, place name or grammar list (so it never reads as anything else).
    """
    lexicon: frozenset[str] = _cached("lexicon_words", _lexicon_words)
    parts = [p for p in re.split(r"[-\s]", word) if p]
    for part in parts:
        bare = part
        for prefix in templates().apostrophe_prefixes:
            if bare.startswith(prefix):
                bare = bare[len(prefix) :]
        key = fold(bare)
        if len(key) < 3 or not bare[:1].isupper() or key in lexicon or not key.isalpha():
            return False
    return bool(parts)


def _given() -> tuple[str, ...]:
    d = templates()
    found = (a + b for a in d.given_first for b in d.given_last)
    return tuple(dict.fromkeys(n for n in found if name_is_safe(n)))


def _surnames() -> tuple[str, ...]:
    d = templates()
    two = (a + c for a in d.surname_first for c in d.surname_last)
    three = (a + b + c for a in d.surname_first for b in d.surname_middle for c in d.surname_last)
    return tuple(dict.fromkeys(n for n in (*two, *three) if name_is_safe(n)))


def given_names() -> tuple[str, ...]:
    """Every invented given name ("Arvid"), in a fixed order."""
    names: tuple[str, ...] = _cached("given", _given)
    return names


def surnames() -> tuple[str, ...]:
    """Every invented surname ("Kelmoran"), in a fixed order."""
    names: tuple[str, ...] = _cached("surnames", _surnames)
    return names


def surname_of(name: str) -> str:
    """The part of a name a later mention uses: its last word ("Arvid Kelmoran" -> "Kelmoran")."""
    return name.split()[-1]


def _new_name(chooser: Chooser, used: set[str], label: str) -> str:
    """An invented name whose parts no earlier name of the article shares."""
    given, family = given_names(), surnames()
    i = chooser.integer(f"{label}.given", 0, len(given) - 1)
    j = chooser.integer(f"{label}.surname", 0, len(family) - 1)
    # The first free name from the chosen one on (so that any choice gives a name).
    for step in range(len(given) * 4):
        first = given[(i + step) % len(given)]
        last = family[(j + step * 7) % len(family)]
        name = f"{first} {last}"
        tokens = name_tokens(name)
        if not tokens & used:
            used.update(tokens)
            return name
    raise UnrenderableError("could not find an unused invented name")  # pragma: no cover


# ----------------------------------------------------------------------------------------------
# Plans


@attrs.frozen
class MentionPlan:
    """
    How one participant is written at one place: a style (see the module source for the list),
    which of the country's forms to use (taken modulo the number of forms) and a pronoun.
    """

    style: str
    form: int = 0
    pronoun: str = "his"


@attrs.frozen
class DistractorPlan:
    """
    One distractor sentence: its template and the filler values it needs.
    """

    template: str
    new: tuple[Official, ...] = ()
    new_mentions: tuple[MentionPlan, ...] = ()
    country: str | None = None
    city: str | None = None
    year: int | None = None
    weekday: str | None = None
    topic_phrases: tuple[str, ...] = ()
    paragraph: bool = False


@attrs.frozen
class MeetingPlan:
    """
    How one meeting is written. ``order`` lists the participants (indices into
    ``meeting.participants``) in the order they are written; ``mentions`` says how each written
    position is written.
    """

    meeting: Meeting
    template: str
    order: tuple[int, ...]
    mentions: tuple[MentionPlan, ...]
    date_expr: str = "none"
    place_expr: str = "none"
    place_form: int = 0
    occasion_cue: str = "on the sidelines of the"
    topic_phrases: tuple[str, ...] = ()
    topic_sentence: str | None = None
    followups: tuple[str, ...] = ()
    distractors: tuple[DistractorPlan, ...] = ()
    pronoun: str = "He"


@attrs.frozen
class ArticlePlan:
    """
    Every choice of one article. :func:`render` is a pure function of it.
    """

    meetings: tuple[MeetingPlan, ...]
    dateline: str | None = None
    dateline_city: str | None = None
    dateline_agency: str = "TDI"
    reference: dt.date | None = None
    published: dt.date | None = None
    headline: str | None = None
    headline_city: str | None = None
    distractors_first: tuple[DistractorPlan, ...] = ()


@attrs.frozen
class RenderedArticle:
    """
    A rendered article: its text, the meetings it reports (in the order it reports them), the
    publication date to parse it with, and the plan it was rendered from.
    """

    text: str
    expected: tuple[Meeting, ...]
    published: dt.date | None
    plan: ArticlePlan

    @property
    def has_dateline(self) -> bool:
        """Whether the article opens with a dateline (after an optional headline)."""
        return self.plan.dateline is not None


# ----------------------------------------------------------------------------------------------
# Checking meetings


def _official_key(o: Official) -> tuple[Any, ...]:
    return (o.name, o.role, o.title, o.side)


def _side_kind(o: Official) -> tuple[str | None, str | None]:
    return (o.country.alpha2 if o.country else None, o.org.acronym if o.org else None)


def _check_official(o: Official, data: TemplateData) -> None:
    cc, org = _side_kind(o)
    who = o.name or f"unnamed {o.role.value}"
    if cc is not None and cc not in data.countries:
        raise UnrenderableError(f"{who}: country {cc} has no entry in templates.toml")
    if o.title is None:
        raise UnrenderableError(f"{who}: an official needs a title to be written")
    if o.title not in data.titles_for(o.role, cc, org):
        raise UnrenderableError(
            f"{who}: title {o.title!r} is not a templates.toml title of a {o.role.value} "
            f"of {cc or org}"
        )
    if o.name is not None:
        if not all(name_is_safe(part) for part in o.name.split()):
            raise UnrenderableError(
                f"name {o.name!r}: every part must be an invented name (see name_is_safe)"
            )
    elif org is not None:
        raise UnrenderableError(f"an unnamed {o.role.value} of {org} cannot be written")


def check_meetings(meetings: Sequence[Meeting]) -> None:
    """
    Raise :class:`UnrenderableError` unless the renderer can write an article that reports
    exactly these meetings.

    Each official needs a title of the templates for its role and side and an invented name (or
    none, for a country's official written by office only); places, occasions and topics must
    be those of the templates; a name denotes one official throughout, no two officials share a
    name part, an unnamed official is the only person of its side, and a meeting is never the
    continuation of the one before it (the same sides with no second official of a side).
    """
    data = templates()
    people: dict[str, Official] = {}
    tokens_of: dict[frozenset[str], str] = {}
    unnamed_sides: dict[str, Official] = {}
    sides_named: dict[str, set[str]] = {}
    for i, m in enumerate(meetings):
        where = f"meeting {i + 1}"
        if not isinstance(m, Meeting):
            raise UnrenderableError(f"{where}: expected a Meeting, got {type(m).__name__}")
        if m.occasion is not None:
            if m.mode is not MeetingMode.IN_PERSON:
                raise UnrenderableError(f"{where}: only an in-person meeting has an occasion")
            org = m.occasion.org.acronym if m.occasion.org else None
            if (m.occasion.name, org) not in data.occasions:
                raise UnrenderableError(
                    f"{where}: occasion {m.occasion.name!r} ({org}) is not in templates.toml"
                )
        if m.place is not None:
            if m.place.name is None:
                if m.place.country.alpha2 not in data.countries:
                    raise UnrenderableError(
                        f"{where}: country {m.place.country.alpha2} has no entry in templates.toml"
                    )
            elif (m.place.name, m.place.country.alpha2) not in data.all_cities():
                raise UnrenderableError(
                    f"{where}: place {m.place.name!r} ({m.place.country.alpha2}) is not a city "
                    "of templates.toml"
                )
        for t in m.topics:
            if t.code not in data.topics:
                raise UnrenderableError(f"{where}: topic {t.code!r} has no phrases")
        for o in m.participants:
            _check_official(o, data)
            if o.name is None:
                other = unnamed_sides.get(o.side)
                if other is not None and _official_key(other) != _official_key(o):
                    raise UnrenderableError(f"{where}: two unnamed officials of {o.side}")
                unnamed_sides[o.side] = o
                continue
            sides_named.setdefault(o.side, set()).add(o.name)
            known = people.get(o.name)
            if known is not None:
                if _official_key(known) != _official_key(o):
                    raise UnrenderableError(
                        f"{where}: the name {o.name!r} is used for two different officials"
                    )
                continue
            people[o.name] = o
            tokens = name_tokens(o.name)
            for other_tokens, other_name in tokens_of.items():
                if tokens & other_tokens:
                    raise UnrenderableError(
                        f"{where}: {o.name!r} and {other_name!r} share a name part, so a later "
                        "mention could mean either"
                    )
            tokens_of[tokens] = o.name
        if len(m.participants) != len({_official_key(o) for o in m.participants}):
            raise UnrenderableError(f"{where}: an official takes part twice")
        if i > 0 and _mergeable(meetings[i - 1], m):
            raise UnrenderableError(
                f"{where}: it has the same sides as the meeting before it and no second official "
                "of any side, so it reads as the same meeting"
            )
    for side in unnamed_sides:
        if side in sides_named:
            raise UnrenderableError(
                f"an unnamed official of {side} and a named one ({sorted(sides_named[side])[0]}) "
                "cannot be told apart"
            )


def _mergeable(a: Meeting, b: Meeting) -> bool:
    """Whether a parser may read meeting ``b`` as more of meeting ``a`` (documented rule)."""
    sa = {p.side for p in a.participants}
    sb = {p.side for p in b.participants}
    if not (sa <= sb or sb <= sa):
        return False
    for p in b.participants:
        for q in a.participants:
            if p != q and p.side == q.side and p.name and q.name:
                return False
    return True


# ----------------------------------------------------------------------------------------------
# Planning


def _weekday(day: dt.date) -> str:
    return _WEEKDAYS[day.weekday()]


def _infer_month_day(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The date "on 3 March" denotes when written on ``reference`` (the parser's rule)."""
    year = reference.year
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    if value > reference + dt.timedelta(days=2):
        try:
            value = dt.date(year - 1, month, day)
        except ValueError:
            return None
    return value


def _same_date(a: MeetingDate | None, b: MeetingDate | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.value == b.value and a.precision is b.precision


def _dateline_meeting_date(dated_dateline: dt.date | None) -> MeetingDate | None:
    if dated_dateline is None:
        return None
    return MeetingDate(dated_dateline, DatePrecision.DAY, DateBasis.DATELINE)


def _date_options(
    date: MeetingDate | None,
    reference: dt.date | None,
    dated_dateline: dt.date | None,
    unworded: MeetingDate | None = None,
) -> list[str]:
    """
    The date expressions that make the parser read ``date``. Without date words ("none") a
    meeting gets ``unworded`` (a further meeting's inherited date) or the dateline's date.
    """
    without_words = unworded or _dateline_meeting_date(dated_dateline)
    options = ["none"] if _same_date(without_words, date) else []
    if date is None:
        return options
    value = date.value
    if date.precision is DatePrecision.MONTH:
        if reference is not None:
            if (reference.year, reference.month) == (value.year, value.month):
                options.append("this_month")
            if reference.replace(day=1) - relativedelta(months=1) == value:
                options.append("last_month")
        return options
    options += ["dmy", "mdy"]
    if reference is not None:
        gap = (reference - value).days
        if 0 <= gap <= 6:
            options.append("weekday")
        if gap == 1:
            options.append("yesterday")
        if gap == 0:
            options.append("today")
        if _infer_month_day(value.month, value.day, reference) == value:
            options.extend(["day_month", "month_day"])
    return options


def _date_text(expr: str, value: dt.date | None, initial: bool) -> str:
    """The words of a date expression: " on Tuesday" in a sentence, "On Tuesday, " first."""
    if expr not in _DATE_EXPRS:
        raise UnrenderableError(f"unknown date expression {expr!r}")
    if expr == "none" or value is None:
        return ""
    month = _MONTHS[value.month - 1]
    words = {
        "dmy": f"on {value.day} {month} {value.year}",
        "mdy": f"on {month} {value.day}, {value.year}",
        "weekday": f"on {_weekday(value)}",
        "yesterday": "yesterday",
        "today": "earlier today",
        "day_month": f"on {value.day} {month}",
        "month_day": f"on {month} {value.day}",
        "this_month": "earlier this month",
        "last_month": "last month",
    }[expr]
    if initial:
        return words[:1].upper() + words[1:] + ", "
    return " " + words


def _expected_date(
    expr: str, date: MeetingDate | None, dated_dateline: dt.date | None
) -> MeetingDate | None:
    if expr == "none":
        if dated_dateline is None:
            return None
        return MeetingDate(dated_dateline, DatePrecision.DAY, DateBasis.DATELINE)
    assert date is not None
    if expr in ("dmy", "mdy"):
        return MeetingDate(date.value, DatePrecision.DAY, DateBasis.EXPLICIT)
    if expr in ("this_month", "last_month"):
        return MeetingDate(date.value, DatePrecision.MONTH, DateBasis.RELATIVE)
    return MeetingDate(date.value, DatePrecision.DAY, DateBasis.RELATIVE)


def _venues_of(place: Place, data: TemplateData) -> list[str]:
    return [v for v, city, cc in data.venues if (city, cc) == (place.name, place.country.alpha2)]


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return (a.name, a.country.alpha2) == (b.name, b.country.alpha2)


def _place_options(
    m: Meeting, dateline_place: tuple[str, str] | None, inherited: Place | None = None
) -> list[str]:
    """
    The place expressions that make the parser read the meeting's place. Without place words
    an in-person meeting gets the dateline's city, else ``inherited`` (a further meeting's).
    """
    data = templates()
    if m.mode is not MeetingMode.IN_PERSON:
        return ["none"]
    place = m.place
    options: list[str] = []
    if dateline_place is not None:
        if place is not None and (place.name, place.country.alpha2) == dateline_place:
            options.append("dateline")
    elif _same_place(inherited, place):
        options.append("none")
    if place is None:
        return options
    cc = place.country.alpha2
    if place.name is None:
        if dateline_place is None or dateline_place[1] != cc:
            options.append("visit")
        return options
    if (place.name, cc) in data.all_cities():
        options.append("city")
    if _venues_of(place, data):
        options.append("venue")
    return options


_CONTINUING = frozenset({"also", "pronoun", "separately"})


def _continues(plan: MeetingPlan) -> bool:
    """Whether a meeting is written as a continuation ("X also met Y") of the one before."""
    return templates().template(plan.template).kind in _CONTINUING


def _worded_date(plan: MeetingPlan) -> MeetingDate | None:
    """The date a meeting's own date words give (None without date words)."""
    if plan.date_expr == "none" or plan.meeting.date is None:
        return None
    return _expected_date(plan.date_expr, plan.meeting.date, None)


def _worded_place(plan: MeetingPlan) -> Place | None:
    """The place a meeting's own place words give (None without them)."""
    m = plan.meeting
    if m.mode is not MeetingMode.IN_PERSON or m.place is None:
        return None
    if plan.place_expr not in ("city", "venue", "visit"):
        return None
    return Place(m.place.name, m.place.country)


def _style_options(
    o: Official, *, position: int, subject: Official | None, arity: int, in_list: bool,
    introduced: bool,
) -> list[str]:  # fmt: skip
    """The mention styles that can write official ``o`` at this position."""
    data = templates()
    cc, org = _side_kind(o)
    if introduced and o.name is not None:
        return ["surname", "full_name"]
    if o.name is None:
        forms = data.countries[cc] if cc else None
        options = []
        if forms is not None:
            options.append("unnamed_of")
            if forms.adjectives:
                options.append("unnamed_adjective")
        return options
    if org is not None:
        return ["org"] if in_list else list(_ORG_STYLES)
    forms = data.countries[cc] if cc else None
    assert forms is not None
    options = []
    if forms.names:
        options.append("title_name_of")
    if forms.the_names:
        options.append("title_name_of_the")
    if forms.adjectives:
        options += ["adjective", "name_the_adjective"]
    if forms.possessives:
        options.append("possessive")
    options += ["the_title_of", "name_title_of"]
    if (
        position == 1
        and arity == 2
        and subject is not None
        and subject.country is not None
        and subject.role is o.role
        and subject.side != o.side
    ):
        if forms.names:
            options.append("counterpart_from")
        if forms.the_names:
            options.append("counterpart_from_the")
        if forms.adjectives:
            options += ["counterpart", "counterpart_comma"]
    if in_list:
        options = [s for s in options if s in _LIST_STYLES]
    return options


def _contexts(t: Template, n: int) -> list[str]:
    """
    What surrounds each written position of a template: "free" (a verb or preposition on both
    sides), "coord_first"/"coord_second" ("{a} and {b}"), "list" (after a comma or "and" in a
    list), or "plural" (a plural title's list of names).
    """
    fields = t.fields
    if "plural" in fields:
        return ["plural"] * n
    if "plural_rest" in fields:
        return ["free"] + ["plural"] * (n - 1)
    if "all" in fields:
        return ["coord_first"] + ["list"] * (n - 1)
    if "rest" in fields:
        return ["free", "free" if n == 2 else "list_first"] + ["list"] * (n - 2)
    if "{a} and {b}" in t.text:
        return ["coord_first", "coord_second"]
    if "{Place}{a}" in t.text:
        return ["after_place"] + ["free"] * (n - 1)
    return ["free"] * n


def _in_list(t: Template, context: str) -> bool:
    """Whether a position is an item of a list ("A, B and C"), where appositives do not fit."""
    return context in ("list", "list_first") or (context == "coord_first" and "all" in t.fields)


def _order_ok(
    order: Sequence[int], contexts: Sequence[str], m: Meeting, include_hard: bool
) -> bool:
    """
    Whether participants can be written in this order: an official named only by office is
    never written where a reader could take it as the office of the next name ("the Greek
    Ambassador and SCO Secretary-General X", "X, the Vice President of Spain").
    """
    plural = [m.participants[k] for k, c in zip(order, contexts, strict=True) if c == "plural"]
    if plural and not _plural_ok(plural):
        return False
    for k, context in zip(order, contexts, strict=True):
        o = m.participants[k]
        unnamed_ok = context in ("free", "coord_second") or (
            include_hard and context == "after_place"
        )
        if o.name is None and not unnamed_ok:
            return False
    return True


def _orders(t: Template, m: Meeting, include_hard: bool) -> list[tuple[int, ...]]:
    """Every order in which the template can write the meeting's participants."""
    n = len(m.participants)
    contexts = _contexts(t, n)
    return [
        order
        for order in itertools.permutations(range(n))
        if _order_ok(order, contexts, m, include_hard)
    ]


def _lead_fits(t: Template, m: Meeting, include_hard: bool) -> bool:
    if t.hard and not include_hard:
        return False
    n = len(m.participants)
    if (t.arity == "2") != (n == 2) and t.arity != "any":
        return False
    if m.mode not in t.modes:
        return False
    fields = t.fields
    if m.occasion is not None and "occasion" not in fields:
        return False
    if "topics" in fields and not m.topics:
        return False
    if m.mode is MeetingMode.IN_PERSON and not fields & {"place", "Place"} and m.place:
        return False
    return bool(_orders(t, m, include_hard))


def _plural_ok(people: Sequence[Official]) -> bool:
    data = templates()
    if len(people) < 2:
        return False
    roles = {p.role for p in people}
    if len(roles) != 1 or data.plural_of(people[0].role) is None:
        return False
    countries = [p.country for p in people]
    if any(c is None for c in countries) or any(p.name is None for p in people):
        return False
    return len({c.alpha2 for c in countries if c is not None}) == len(people)


def _references(
    meetings: Sequence[Meeting], dated: bool, with_published: bool
) -> list[dt.date | None]:
    """
    The reference dates (the dated dateline's date, else the publication date) that keep every
    meeting's date expressible; ``[None]`` when there is no reference and none is needed.
    """
    if not (dated or with_published):
        return [None] if all(_date_options(m.date, None, None) for m in meetings) else []
    days = [m.date.value for m in meetings if m.date and m.date.precision is DatePrecision.DAY]
    months = [m.date.value for m in meetings if m.date and m.date.precision is DatePrecision.MONTH]
    candidates: list[dt.date] = []
    if days:
        latest = max(days)
        candidates += [latest + dt.timedelta(days=k) for k in range(4)]
    if months:
        start = max(months)
        candidates += [start + dt.timedelta(days=k) for k in (0, 9, 20)]
        candidates += [start + relativedelta(months=1, day=d) for d in (1, 12)]
    if not candidates:
        candidates = [dt.date(2023, 11, 9), dt.date(2024, 3, 14), dt.date(2022, 12, 1)]
    found: list[dt.date | None] = []
    for reference in candidates:
        dl = reference if dated else None
        if not all(_is_news(m.date, reference) for m in meetings):
            continue
        if all(_date_options(m.date, reference, dl) for m in meetings):
            found.append(reference)
    return found


def _is_news(date: MeetingDate | None, reference: dt.date) -> bool:
    """Whether a meeting of this date can be reported in an article of the reference date."""
    if date is None:
        return True
    return not (
        after_reference(date.value, reference) or history(date.value, date.precision, reference)
    )


def _dateline_cities(meetings: Sequence[Meeting], case: str) -> list[tuple[str, str]]:
    """The cities a dateline may name: meeting places first, then participants' cities."""
    data = templates()
    cities: list[tuple[str, str]] = []
    for m in meetings:
        if m.place is not None and m.place.name is not None:
            cities.append((m.place.name, m.place.country.alpha2))
    for m in meetings:
        for p in m.participants:
            if p.country is not None:
                forms = data.countries[p.country.alpha2]
                cities.extend((c, forms.code) for c in forms.cities)
    if not cities:
        cities = [(f.cities[0], f.code) for f in data.countries.values() if f.cities]
    visit = {m.place.country.alpha2 for m in meetings if m.place and m.place.name is None}
    cities = [c for c in dict.fromkeys(cities) if c[1] not in visit]
    if case == "title":
        # a lower-case word ("Rio de Janeiro") ends a title-case dateline city
        cities = [c for c in cities if not any(w.islower() for w in c[0].split())]
    return cities


def plan_article(
    meetings: Sequence[Meeting],
    chooser: Chooser,
    *,
    distractors: bool = True,
    include_hard: bool = False,
    published: bool = False,
    headline: bool = True,
    dateline: bool = True,
) -> ArticlePlan:
    """
    Choose how to write an article that reports exactly ``meetings`` (possibly none).

    Args:
        meetings: the meetings, in the order the article reports them.
        chooser: makes every choice (a :class:`RandomChooser` or strategy draws).
        distractors: add sentences that report no meeting (plans, background, statements,
            letters, same-country meetings, unrelated news).
        include_hard: also use templates and wordings that expose known parser gaps
            (``hard = true`` in ``templates.toml``, and those named in this module).
        published: the article may have a publication date (``RenderedArticle.published``),
            which enables datelines without a year and relative dates without one.
        headline: the article may open with a headline line.
        dateline: the article may open with a dateline.

    Raises:
        UnrenderableError: the meetings cannot be written (see :func:`check_meetings`).
    """
    check_meetings(meetings)
    data = templates()
    meetings = list(meetings)
    placeless = any(m.mode is MeetingMode.IN_PERSON and m.place is None for m in meetings)
    # The dateline (or none), whether there is a publication date, and the reference date.
    options: list[tuple[Template | None, bool, list[dt.date | None]]] = []
    for style_option in (None, *(data.datelines if dateline else ())):
        if style_option is not None and placeless:
            continue  # the dateline's city would become that meeting's place
        if style_option is not None and not _dateline_cities(meetings, style_option.case):
            continue
        for pub in (False, True) if published else (False,):
            if style_option is not None and style_option.kind == "month_day" and not pub:
                continue
            dated = style_option is not None and style_option.kind in ("full", "month_day")
            if pub and not dated and any(m.date is None for m in meetings):
                # the parser would date a meeting without date words by the publication date
                # (rule date.published_fallback), and the article would report another meeting
                continue
            refs = _references(meetings, dated, pub)
            if refs:
                options.append((style_option, pub, refs))
    if not options:
        raise UnrenderableError("no dateline and reference date make every date expressible")
    style, with_published, references = chooser.choice("dateline", options)
    reference = chooser.choice("reference", references)
    dated = style is not None and style.kind in ("full", "month_day")
    dateline_date = reference if dated else None
    dateline_city: str | None = None
    dateline_place: tuple[str, str] | None = None
    agency = "TDI"
    if style is not None:
        city, cc = chooser.choice("dateline.city", _dateline_cities(meetings, style.case))
        dateline_city, dateline_place = city, (city, cc)
        forms_of_city = data.countries.get(cc)
        agency = forms_of_city.agency if forms_of_city else "TDI"
        if style.id == "tdi":
            agency = chooser.choice("dateline.agency", ("TDI", agency))
    used_tokens: set[str] = set()
    for m in meetings:
        for o in m.participants:
            if o.name is not None:
                used_tokens.update(name_tokens(o.name))
    blocked_sides = {o.side for m in meetings for o in m.participants if o.name is None}
    introduced: set[tuple[Any, ...]] = set()
    plans: list[MeetingPlan] = []
    for i, m in enumerate(meetings):
        plans.append(
            _plan_meeting(
                i, m, plans, chooser, reference, dateline_date, dateline_place, introduced,
                include_hard,
            )
        )  # fmt: skip
    first_distractors: tuple[DistractorPlan, ...] = ()
    if distractors:
        plans = [
            attrs.evolve(
                p,
                distractors=_plan_distractors(
                    p, chooser, used_tokens, blocked_sides, include_hard, f"m{i}"
                ),
            )
            for i, p in enumerate(plans)
        ]
        if not plans:
            first_distractors = _plan_distractors(
                None, chooser, used_tokens, blocked_sides, include_hard, "d"
            )
    head: str | None = None
    head_city: str | None = None
    if headline and plans:
        first = plans[0].meeting
        head_options: list[str | None] = [None]
        named2 = len(first.participants) == 2 and all(p.name for p in first.participants)
        for t in data.headlines:
            if t.hard and not include_hard:
                continue
            if "named2" in t.needs and not named2:
                continue
            if "topics" in t.needs and not first.topics:
                continue
            if "city" in t.needs and (first.place is None or first.place.name is None):
                continue
            head_options.append(t.id)
        head = chooser.choice("headline", head_options)
        if head is not None and first.place is not None:
            head_city = first.place.name
    return ArticlePlan(
        meetings=tuple(plans),
        dateline=style.id if style is not None else None,
        dateline_city=dateline_city,
        dateline_agency=agency,
        reference=dateline_date if dateline_date is not None else reference,
        published=reference if with_published else None,
        headline=head,
        headline_city=head_city,
        distractors_first=first_distractors,
    )


def _plan_meeting(
    index: int,
    m: Meeting,
    earlier: Sequence[MeetingPlan],
    chooser: Chooser,
    reference: dt.date | None,
    dateline_date: dt.date | None,
    dateline_place: tuple[str, str] | None,
    introduced: set[tuple[Any, ...]],
    include_hard: bool,
) -> MeetingPlan:
    data = templates()
    label = f"m{index}"
    previous = earlier[-1] if earlier else None

    def expressions(t: Template) -> tuple[list[str], list[str]]:
        """The date and place expressions that fit template ``t``'s slots."""
        continuing = previous is not None and t.kind in _CONTINUING
        inherited_date = _worded_date(previous) if continuing and previous else None
        inherited_place = _worded_place(previous) if continuing and previous else None
        dates = _date_options(m.date, reference, dateline_date, inherited_date)
        places = _place_options(m, dateline_place, inherited_place)
        fields = t.fields
        if not fields & {"date", "Date"}:
            dates = [d for d in dates if d == "none"]
        if "Date" in fields and "date" not in fields:
            dates = [d for d in dates if d not in ("day_month", "month_day")]
        if "Place" in fields and "place" not in fields:
            places = [p for p in places if p in ("city", "dateline", "none")]
        if not fields & {"place", "Place"}:
            places = [p for p in places if p in ("dateline", "none")]
        return dates, places

    # The first meeting has a lead; later ones a lead or a "further" sentence.
    candidates: list[Template] = [t for t in data.leads if _lead_fits(t, m, include_hard)]
    if previous is not None and len(m.participants) == 2:
        first_written = previous.meeting.participants[previous.order[0]]
        for t in data.further:
            if (t.hard and not include_hard) or m.mode not in t.modes:
                continue
            if m.occasion is not None:
                continue
            if t.kind == "pronoun" and first_written not in m.participants:
                continue
            if any(p.name is None for p in m.participants):
                continue  # "the Emir of Qatar also met ..." reads as a continuation
            if t.kind != "pronoun" and not _orders(t, m, include_hard):
                continue
            candidates.append(t)
    candidates = [t for t in candidates if all(expressions(t))]
    if not candidates:
        raise UnrenderableError(f"meeting {index + 1}: no template writes its date and place")
    template = chooser.choice(f"{label}.template", candidates)
    fields = template.fields
    date_options, place_options = expressions(template)
    date_expr = chooser.choice(f"{label}.date", date_options)
    place_expr = chooser.choice(f"{label}.place", place_options)
    place_form = chooser.integer(f"{label}.place_form", 0, 3)
    # Who is written where.
    n = len(m.participants)
    if template.kind == "pronoun":
        assert previous is not None
        first_written = previous.meeting.participants[previous.order[0]]
        k = m.participants.index(first_written)
        order = [k] + [j for j in range(n) if j != k]
    else:
        orders = _orders(template, m, include_hard)
        if not orders:
            raise UnrenderableError(f"meeting {index + 1}: {template.id} cannot order it")
        order = list(chooser.choice(f"{label}.order", orders))
    mentions: list[MentionPlan] = []
    contexts = _contexts(template, n)
    for pos, k in enumerate(order):
        o = m.participants[k]
        if template.kind == "pronoun" and pos == 0:
            mentions.append(MentionPlan("pronoun"))
            continue
        if ("plural" in fields) or ("plural_rest" in fields and pos >= 1):
            mentions.append(MentionPlan("plural", chooser.integer(f"{label}.p{pos}.form", 0, 3)))
            continue
        subject = m.participants[order[0]] if pos > 0 else None
        styles = _style_options(
            o, position=pos, subject=subject, arity=n, in_list=_in_list(template, contexts[pos]),
            introduced=_official_key(o) in introduced,
        )  # fmt: skip
        if template.kind in ("also", "separately") and pos == 0:
            styles = [s for s in styles if s not in _APPOSITIVE]
        style = chooser.choice(f"{label}.p{pos}.style", styles)
        mentions.append(
            MentionPlan(
                style,
                chooser.integer(f"{label}.p{pos}.form", 0, 3),
                chooser.choice(f"{label}.p{pos}.pronoun", _PRONOUNS),
            )
        )
    for o in m.participants:
        introduced.add(_official_key(o))
    cue = chooser.choice(f"{label}.occasion_cue", _OCCASION_CUES)
    # Topics: inline, or a topic sentence.
    phrases: list[str] = []
    for reported in m.topics:
        phrases.append(chooser.choice(f"{label}.topic.{reported.code}", data.topics[reported.code]))
    if len(phrases) > 1 and chooser.choice(f"{label}.topic_order", _FLAGS):
        phrases.reverse()
    topic_sentence: str | None = None
    if phrases and "topics" not in fields:
        sentence_options = [t.id for t in data.topic_sentences if _sentence_fits(t, m)]
        topic_sentence = chooser.choice(f"{label}.topic_sentence", sentence_options)
    followups: list[str] = []
    follow_options = [t.id for t in data.followups if _sentence_fits(t, m)]
    add_followup: bool = bool(follow_options) and chooser.choice(f"{label}.followup", _FLAGS)
    if add_followup:
        followups.append(chooser.choice(f"{label}.followup.id", follow_options))
    plan = MeetingPlan(
        meeting=m,
        template=template.id,
        order=tuple(order),
        mentions=tuple(mentions),
        date_expr=date_expr,
        place_expr=place_expr,
        place_form=place_form,
        occasion_cue=cue,
        topic_phrases=tuple(phrases),
        topic_sentence=topic_sentence,
        followups=tuple(followups),
        pronoun=chooser.choice(f"{label}.pronoun", ("He", "She")),
    )
    return plan


def _sentence_fits(t: Template, m: Meeting) -> bool:
    n = len(m.participants)
    if t.arity == "2" and n != 2:
        return False
    needs = t.needs
    if "named2" in needs and (n != 2 or not all(p.name for p in m.participants)):
        return False
    if "in_person" in needs and m.mode is not MeetingMode.IN_PERSON:
        return False
    return not ("call" in needs and m.mode is MeetingMode.IN_PERSON)


def _new_official(
    chooser: Chooser, used: set[str], blocked: set[str], label: str, country: str | None = None
) -> tuple[Official, MentionPlan]:
    data = templates()
    codes = [c for c in data.countries if c not in blocked]
    cc = country or chooser.choice(f"{label}.country", codes)
    roles = [r for r in Role if r is not Role.ORG_LEADER and data.titles_for(r, cc, None)]
    role = chooser.choice(f"{label}.role", roles)
    title = chooser.choice(f"{label}.title", data.titles_for(role, cc, None))
    name = _new_name(chooser, used, label)
    forms = data.countries[cc]
    styles = ["title_name_of"] if forms.names else []
    if forms.adjectives:
        styles.append("adjective")
    if forms.possessives:
        styles.append("possessive")
    style = chooser.choice(f"{label}.style", styles)
    official = Official(name=name, role=role, title=title, country=country_from_code(cc))
    return official, MentionPlan(style, chooser.integer(f"{label}.form", 0, 3))


def _plan_distractors(
    plan: MeetingPlan | None,
    chooser: Chooser,
    used: set[str],
    blocked: set[str],
    include_hard: bool,
    label: str,
) -> tuple[DistractorPlan, ...]:
    data = templates()
    topics_reported = {x.code for x in plan.meeting.topics} if plan is not None else set()
    count = chooser.integer(f"{label}.distractors", 0 if plan is not None else 1, 2)
    found: list[DistractorPlan] = []
    for k in range(count):
        lab = f"{label}.d{k}"
        options = [
            t for t in data.distractors
            if (include_hard or not t.hard) and _distractor_fits(t, plan)
        ]  # fmt: skip
        t = chooser.choice(f"{lab}.template", options)
        new: list[Official] = []
        new_mentions: list[MentionPlan] = []
        if "new1" in t.needs or "new2" in t.needs:
            for j in range(2 if "new2" in t.needs else 1):
                o, mention = _new_official(
                    chooser, used, blocked | {x.side for x in new}, f"{lab}.n{j}"
                )
                new.append(o)
                new_mentions.append(mention)
        if "new2same" in t.needs:
            o, mention = _new_official(chooser, used, blocked, f"{lab}.a")
            assert o.country is not None
            o2, mention2 = _new_official(
                chooser, used, blocked, f"{lab}.b", country=o.country.alpha2
            )
            new, new_mentions = [o, o2], [mention, mention2]
        all_codes = sorted(data.countries)
        city_pool = [c for c, _ in data.all_cities()]
        other_topics = [c for c in data.topics if c not in topics_reported]
        topic_phrases: tuple[str, ...] = ()
        if "other_topics" in t.needs and other_topics:
            code = chooser.choice(f"{lab}.topic", other_topics)
            topic_phrases = (chooser.choice(f"{lab}.topic.phrase", data.topics[code]),)
        found.append(
            DistractorPlan(
                template=t.id,
                new=tuple(new),
                new_mentions=tuple(new_mentions),
                country=chooser.choice(f"{lab}.country_filler", all_codes),
                city=chooser.choice(f"{lab}.city", city_pool),
                year=chooser.integer(f"{lab}.year", 2005, 2019),
                weekday=chooser.choice(f"{lab}.weekday", _WEEKDAYS),
                topic_phrases=topic_phrases,
                paragraph=chooser.choice(f"{lab}.paragraph", _FLAGS),
            )
        )
    return tuple(found)


def _distractor_fits(t: Template, plan: MeetingPlan | None) -> bool:
    if plan is None:
        return not t.needs & {"named", "named2", "other_topics"}
    m = plan.meeting
    named = [p for p in m.participants if p.name]
    if "named" in t.needs and not named:
        return False
    if "named2" in t.needs and (len(m.participants) != 2 or len(named) != 2):
        return False
    return not ("other_topics" in t.needs and len(m.topics) >= len(templates().topics))


# ----------------------------------------------------------------------------------------------
# Rendering


class _Piece:
    __slots__ = ("appositive", "text")

    def __init__(self, text: str, appositive: bool = False) -> None:
        self.text = text
        self.appositive = appositive


def _fill(template: str, values: Mapping[str, _Piece | str]) -> str:
    """
    Fill a template, closing each appositive mention with a comma when more words follow
    ("NAME, Foreign Minister of X, met ..." but "... met NAME, Foreign Minister of X.").
    """
    pieces: list[_Piece] = []
    for literal, field, _, _ in string.Formatter().parse(template):
        if literal:
            pieces.append(_Piece(literal))
        if field:
            value = values[field]
            pieces.append(value if isinstance(value, _Piece) else _Piece(value))
    out: list[str] = []
    for i, piece in enumerate(pieces):
        out.append(piece.text)
        if piece.appositive:
            rest = "".join(p.text for p in pieces[i + 1 :])
            if re.match(r"\s+[\w\"'“‘(]", rest):
                out.append(",")
    return _capitalise("".join(out))


def _capitalise(sentence: str) -> str:
    for i, ch in enumerate(sentence):
        if ch.isalpha():
            return sentence[:i] + ch.upper() + sentence[i + 1 :]
    return sentence


def _pick(options: Sequence[str], form: int) -> str:
    return options[form % len(options)]


def _mention(o: Official, plan: MentionPlan) -> _Piece:
    data = templates()
    style = plan.style
    if style not in MENTION_STYLES:
        raise UnrenderableError(f"unknown mention style {style!r}")
    name = o.name or ""
    title = o.title or ""
    if style == "surname":
        return _Piece(surname_of(name))
    if style == "full_name":
        return _Piece(name)
    if o.org is not None:
        if style == "name_the_org":
            return _Piece(f"{name}, the {title}", True)
        return _Piece(f"{title} {name}")
    assert o.country is not None
    forms = data.countries[o.country.alpha2]
    noun = _pick(forms.nouns, plan.form)
    adjective = _pick(forms.adjectives, plan.form) if forms.adjectives else ""
    possessive = _pick(forms.possessives, plan.form) if forms.possessives else ""
    pronoun = plan.pronoun
    the_nouns = forms.nouns[len(forms.names) :] or forms.nouns
    texts: dict[str, tuple[str, bool]] = {
        "adjective": (f"{adjective} {title} {name}", False),
        "possessive": (f"{possessive}'s {title} {name}", False),
        "the_title_of": (f"the {title} of {noun}, {name}", True),
        "name_title_of": (f"{name}, {title} of {noun}", True),
        "name_the_adjective": (f"{name}, the {adjective} {title}", True),
        "title_name_of": (
            f"{title} {name} of {_pick(forms.names or forms.nouns, plan.form)}",
            False,
        ),
        "title_name_of_the": (
            f"{title} {name} of {_pick(the_nouns, plan.form)}",
            False,
        ),
        "counterpart": (f"{pronoun} {adjective} counterpart {name}", False),
        "counterpart_comma": (f"{pronoun} {adjective} counterpart, {name}", True),
        "counterpart_from": (
            f"{pronoun} counterpart from {_pick(forms.names or forms.nouns, plan.form)}, {name}",
            True,
        ),
        "counterpart_from_the": (
            f"{pronoun} counterpart from {_pick(the_nouns, plan.form)}, {name}",
            True,
        ),
        "unnamed_of": (f"the {title} of {noun}", False),
        "unnamed_adjective": (f"the {adjective} {title}", False),
    }
    text, appositive = texts[style]
    return _Piece(text, appositive)


def _join(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _plural(people: Sequence[Official], plans: Sequence[MentionPlan]) -> _Piece:
    data = templates()
    role_plural = data.plural_of(people[0].role)
    assert role_plural is not None
    countries = []
    for o, plan in zip(people, plans, strict=True):
        assert o.country is not None
        countries.append(_pick(data.countries[o.country.alpha2].nouns, plan.form))
    names = [o.name or "" for o in people]
    return _Piece(f"the {role_plural} of {_join(countries)}, {_join(names)}", True)


def _place_text(plan: MeetingPlan, initial: bool) -> str:
    m = plan.meeting
    data = templates()
    if plan.place_expr in ("none", "dateline") or m.place is None:
        return ""
    if plan.place_expr == "city":
        assert m.place.name is not None
        return f"In {m.place.name}, " if initial else f" in {m.place.name}"
    if plan.place_expr == "venue":
        venue = _pick(_venues_of(m.place, data), plan.place_form)
        return f" at the {venue}"
    forms = data.countries[m.place.country.alpha2]
    noun = _pick(forms.nouns, plan.place_form)
    return _pick((f" during a visit to {noun}", f" on a visit to {noun}"), plan.place_form)


def _expected_place(
    plan: MeetingPlan, previous: MeetingPlan | None, dateline_city: str | None
) -> Place | None:
    """The place the text gives a meeting: its own words, the dateline's, or inherited."""
    m = plan.meeting
    if m.mode is not MeetingMode.IN_PERSON:
        return None
    own = _worded_place(plan)
    if own is not None:
        return own
    if plan.place_expr == "dateline" and m.place is not None and dateline_city is not None:
        return Place(dateline_city, m.place.country)
    if previous is not None and _continues(plan):
        return _worded_place(previous)
    return None


def _expected_meeting_date(
    plan: MeetingPlan,
    earlier: Sequence[MeetingPlan],
    dateline_date: dt.date | None,
    reference: dt.date | None,
) -> MeetingDate | None:
    """
    The date the text gives a meeting: its own words, inherited ones, the day of the scene
    before it, or the dateline's.
    """
    own = _worded_date(plan)
    if own is not None:
        return own
    previous = earlier[-1] if earlier else None
    if previous is not None and _continues(plan):
        inherited = _worded_date(previous)
        if inherited is not None:
            return inherited
    scene = _scene_day(plan, earlier, reference)
    if scene is not None:
        return scene
    return _dateline_meeting_date(dateline_date)


def _surname_or_office(o: Official) -> str:
    return surname_of(o.name) if o.name else "the official"


def _render_meeting(
    plan: MeetingPlan, article: ArticlePlan, earlier: Sequence[MeetingPlan]
) -> tuple[str, Meeting]:
    data = templates()
    m = plan.meeting
    template = data.template(plan.template)
    people = [m.participants[k] for k in plan.order]
    values: dict[str, _Piece | str] = {}
    date_value = m.date.value if m.date else None
    values["date"] = _date_text(plan.date_expr, date_value, initial=False)
    values["Date"] = ""
    fields = template.fields
    if ("Date" in fields and "date" not in fields) or (
        "Date" in fields and plan.date_expr in ("dmy", "weekday") and plan.place_form % 2
    ):
        values["Date"] = _date_text(plan.date_expr, date_value, initial=True)
        values["date"] = ""
    values["place"] = _place_text(plan, initial=False)
    values["Place"] = ""
    if "Place" in fields:
        values["Place"] = _place_text(plan, initial=True)
    occasion = ""
    if m.occasion is not None:
        occasion = f" {plan.occasion_cue} {m.occasion.name}"
    values["occasion"] = occasion
    values["topics"] = _join(plan.topic_phrases) if plan.topic_phrases else ""
    values["pronoun"] = plan.pronoun
    pieces = [
        _mention(o, mp) if mp.style not in ("plural", "pronoun") else _Piece("")
        for o, mp in zip(people, plan.mentions, strict=True)
    ]
    if pieces:
        values["a"] = pieces[0]
    if len(pieces) > 1:
        values["b"] = pieces[1]
    values["rest"] = _join([p.text for p in pieces[1:]]) if len(pieces) > 1 else ""
    values["all"] = _join([p.text for p in pieces])
    if "plural" in fields:
        values["plural"] = _plural(people, plan.mentions)
    if "plural_rest" in fields:
        values["plural_rest"] = _plural(people[1:], plan.mentions[1:])
    sentences = [_fill(template.text, values)]
    if plan.topic_sentence is not None:
        t = data.template(plan.topic_sentence)
        sentences.append(
            _fill(
                t.text,
                {
                    "topics": values["topics"],
                    "s0": _surname_or_office(people[0]),
                    "s1": _surname_or_office(people[-1]),
                },
            )
        )
    for followup in plan.followups:
        t = data.template(followup)
        sentences.append(
            _fill(
                t.text,
                {"s0": _surname_or_office(people[0]), "s1": _surname_or_office(people[-1])},
            )
        )
    expected = Meeting(
        participants=tuple(people),
        mode=m.mode,
        date=_expected_meeting_date(
            plan, earlier, _dateline_date(article), _dateline_date(article) or article.published
        ),
        place=_expected_place(plan, earlier[-1] if earlier else None, article.dateline_city),
        occasion=m.occasion,
        topics=tuple(t for code in _topic_order() for t in m.topics if t.code == code),
    )
    return " ".join(sentences), expected


def _dateline_date(article: ArticlePlan) -> dt.date | None:
    if article.dateline is None:
        return None
    kind = templates().template(article.dateline).kind
    return article.reference if kind in ("full", "month_day") else None


def _render_distractor(d: DistractorPlan, plan: MeetingPlan | None) -> str:
    data = templates()
    t = data.template(d.template)
    people = [plan.meeting.participants[k] for k in plan.order] if plan is not None else []
    country = data.countries.get(d.country or "")
    values: dict[str, _Piece | str] = {
        "s0": _surname_or_office(people[0]) if people else "",
        "s1": _surname_or_office(people[-1]) if people else "",
        "country": _pick(country.nouns, d.year or 0) if country else "",
        "city": d.city or "",
        "year": str(d.year or ""),
        "weekday": d.weekday or "",
        "topics": _join(d.topic_phrases) if d.topic_phrases else "",
    }
    for j, (o, mp) in enumerate(zip(d.new, d.new_mentions, strict=True)):
        values[f"new{j}"] = _mention(o, mp)
    return _fill(t.text, values)


def _render_dateline(article: ArticlePlan) -> str:
    if article.dateline is None or article.dateline_city is None:
        return ""
    t = templates().template(article.dateline)
    city = article.dateline_city.upper() if t.case == "upper" else article.dateline_city
    ref = article.reference or dt.date(2024, 1, 1)
    return t.text.format(
        city=city,
        day=ref.day,
        month=_MONTHS[ref.month - 1],
        mon=_MONTHS_AP[ref.month - 1],
        year=ref.year,
        agency=article.dateline_agency,
    )


# how many sentences before a meeting the parser looks for its scene (rule date.scene)
_SCENE_REACH = 8


def _scene_day(
    plan: MeetingPlan, earlier: Sequence[MeetingPlan], reference: dt.date | None
) -> MeetingDate | None:
    """
    The day a meeting without date words takes from the scene before it (the parser's rule
    ``date.scene``): walking back over the sentences written before it (each earlier meeting's
    distractors, follow-ups and topic sentence, then its own sentence), the nearest of the
    four before it that names one of this meeting's participants decides. Only a meeting's own
    sentence states a day: distractors, follow-ups and topic sentences that name its people
    have none.
    """
    data = templates()
    people = set(plan.meeting.participants)
    steps = 0
    for previous in reversed(earlier):
        before = [previous.meeting.participants[k] for k in previous.order]
        first, last = before[0], before[-1]
        later = [
            *([data.template(previous.topic_sentence).text] if previous.topic_sentence else []),
            *(data.template(f).text for f in previous.followups),
            *(data.template(d.template).text for d in previous.distractors),
        ]
        for text in reversed(later):
            steps += 1
            if steps > _SCENE_REACH:
                return None
            # later mentions are surnames (or "the official", which names nobody)
            if ("{s0}" in text and first in people and first.name) or (
                "{s1}" in text and last in people and last.name
            ):
                return None
        steps += 1
        if steps > _SCENE_REACH:
            return None
        # a plural title writes its holders' names ("the prime ministers of A and B, X and
        # Y"); a pronoun names nobody
        written = {
            o
            for o, mention in zip(before, previous.mentions, strict=True)
            if mention.style != "pronoun" and (mention.style != "plural" or o.name)
        }
        if not people & written:
            continue
        day = _worded_date(previous)
        if day is None or day.precision is not DatePrecision.DAY:
            return None
        if reference is not None and history(day.value, day.precision, reference):
            return None
        return day
    return None


def _shared_occasion(meeting: Meeting, before: Meeting | None, text: str) -> Occasion | None:
    """
    The occasion an in-person meeting without one shares with the in-person meeting before
    it (the parser's rule ``meetings.shared_occasion``, see docs/design.md).
    """
    if meeting.occasion is not None or before is None or before.occasion is None:
        return None
    place, earlier = meeting.place, before.place
    if place is not None and earlier is not None and place.country != earlier.country:
        return None
    own, theirs = meeting.date, before.date
    if (
        own is not None
        and theirs is not None
        and DateBasis.DATELINE not in (own.basis, theirs.basis)
    ):
        if own.precision != theirs.precision:
            return None
        days = abs((own.value - theirs.value).days)
        same_city = (
            place is not None
            and earlier is not None
            and place.name is not None
            and place.name == earlier.name
        )
        if days > 3 or (days and not (days == 1 and same_city) and not _points_at_event(text)):
            return None
    return before.occasion


def _points_at_event(text: str) -> bool:
    from diplomodel.grammar import grammar_words

    words = [fold(w) for w in re.findall(r"\w+", text)]
    anaphors = grammar_words().event_anaphors
    return any(a == "the" and b in anaphors for a, b in itertools.pairwise(words))


def render(plan: ArticlePlan) -> RenderedArticle:
    """
    The article a plan describes, with the meetings it reports.
    """
    data = templates()
    paragraphs: list[list[str]] = []
    expected: list[Meeting] = []
    last_in_person: Meeting | None = None
    for i, mp in enumerate(plan.meetings):
        text, meeting = _render_meeting(mp, plan, plan.meetings[:i])
        if meeting.mode is MeetingMode.IN_PERSON:
            shared = _shared_occasion(meeting, last_in_person, text)
            if shared is not None:
                meeting = attrs.evolve(meeting, occasion=shared)
            last_in_person = meeting
        expected.append(meeting)
        if i == 0:
            paragraphs.append([_render_dateline(plan) + text])
        else:
            paragraphs.append([text])
        for d in mp.distractors:
            sentence = _render_distractor(d, mp)
            if d.paragraph:
                paragraphs.append([sentence])
            else:
                paragraphs[-1].append(sentence)
    if not plan.meetings:
        opening = [_render_distractor(d, None) for d in plan.distractors_first]
        if not opening:
            opening = [data.unrelated_paragraphs[0]]
        paragraphs.append([_render_dateline(plan) + opening[0], *opening[1:]])
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    if plan.headline is not None and plan.meetings:
        first = plan.meetings[0]
        people = [first.meeting.participants[k] for k in first.order]
        head = _fill(
            data.template(plan.headline).text,
            {
                "s0": _surname_or_office(people[0]),
                "s1": _surname_or_office(people[-1]),
                "topics": _join(first.topic_phrases) if first.topic_phrases else "",
                "city": plan.headline_city or "",
            },
        )
        body = head + "\n\n" + body
    return RenderedArticle(text=body, expected=tuple(expected), published=plan.published, plan=plan)


def vary_country_forms(plan: ArticlePlan, chooser: Chooser) -> ArticlePlan:
    """
    The same article with other words for the same countries: another demonym or name of each
    participant's country ("Turkish" <-> "Turkey's", "Turkey" <-> "Türkiye", "Azerbaijani" <->
    "Azeri"), with the same meetings to report.
    """
    data = templates()
    meetings: list[MeetingPlan] = []
    for i, mp in enumerate(plan.meetings):
        mentions: list[MentionPlan] = []
        for pos, (k, mention) in enumerate(zip(mp.order, mp.mentions, strict=True)):
            o = mp.meeting.participants[k]
            style = mention.style
            if o.country is not None and style in ("adjective", "possessive"):
                forms = data.countries[o.country.alpha2]
                swaps = [s for s, ok in (("adjective", forms.adjectives),
                                         ("possessive", forms.possessives))
                         if ok]  # fmt: skip
                style = chooser.choice(f"m{i}.p{pos}.swap_style", swaps)
            form = chooser.integer(f"m{i}.p{pos}.swap_form", 0, 3)
            mentions.append(attrs.evolve(mention, style=style, form=form))
        place_form = mp.place_form
        if mp.place_expr == "visit":
            place_form = (place_form & 1) | (chooser.integer(f"m{i}.swap_place", 0, 3) << 1)
        meetings.append(attrs.evolve(mp, mentions=tuple(mentions), place_form=place_form))
    return attrs.evolve(plan, meetings=tuple(meetings))


def reorder_participants(
    plan: ArticlePlan, chooser: Chooser, *, include_hard: bool = False
) -> ArticlePlan:
    """
    The same article with each meeting's participants written in another order ("A met B" ->
    "B met A"), each keeping its way of being written where that still fits its new place.
    Meetings written as "He also met ..." keep their order.
    """
    meetings: list[MeetingPlan] = []
    introduced: set[tuple[Any, ...]] = set()
    for i, mp in enumerate(plan.meetings):
        m = mp.meeting
        template = templates().template(mp.template)
        orders = _orders(template, m, include_hard) if template.kind != "pronoun" else []
        if not orders:
            meetings.append(mp)
            introduced.update(_official_key(o) for o in m.participants)
            continue
        order = chooser.choice(f"m{i}.reorder", orders)
        old = {k: mention for k, mention in zip(mp.order, mp.mentions, strict=True)}
        contexts = _contexts(template, len(order))
        mentions: list[MentionPlan] = []
        for pos, k in enumerate(order):
            o = m.participants[k]
            if old[k].style == "plural" or contexts[pos] == "plural":
                mentions.append(attrs.evolve(old[k], style="plural"))
                continue
            styles = _style_options(
                o, position=pos, subject=m.participants[order[0]] if pos else None,
                arity=len(order), in_list=_in_list(template, contexts[pos]),
                introduced=_official_key(o) in introduced,
            )  # fmt: skip
            if template.kind in ("also", "separately") and pos == 0:
                styles = [s for s in styles if s not in _APPOSITIVE]
            style = old[k].style
            if style not in styles:
                style = chooser.choice(f"m{i}.p{pos}.restyle", styles)
            mentions.append(attrs.evolve(old[k], style=style))
        introduced.update(_official_key(o) for o in m.participants)
        meetings.append(attrs.evolve(mp, order=tuple(order), mentions=tuple(mentions)))
    return attrs.evolve(plan, meetings=tuple(meetings))


def render_meetings(
    meetings: Sequence[Meeting],
    seed: int | str | None = 0,
    **options: bool,
) -> RenderedArticle:
    """
    Plan (with a :class:`RandomChooser` seeded by ``seed``) and render an article reporting
    ``meetings``; ``options`` are those of :func:`plan_article`.
    """
    return render(plan_article(meetings, RandomChooser(seed), **options))


def example_meetings() -> list[Meeting]:
    """
    One meeting in the spirit of the seed article, for examples and smoke tests.
    """
    tr, az = country_from_code("TR"), country_from_code("AZ")
    return [
        Meeting(
            participants=(
                Official("Arvid Kelmoran", Role.FOREIGN_MINISTER, "Foreign Minister", az),
                Official("Sevrin Velindor", Role.FOREIGN_MINISTER, "Foreign Minister", tr),
            ),
            date=MeetingDate(dt.date(2022, 12, 1)),
            place=Place("Lodz", country_from_code("PL")),
            occasion=Occasion("OSCE Ministerial Council", organization("OSCE")),
            topics=(topic("trade"), topic("energy")),
        )
    ]
