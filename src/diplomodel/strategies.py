"""
Hypothesis strategies for diplomodel's model classes, and for news articles whose meetings are
known exactly.

Import this module only in tests (it needs the ``strategies`` extra, i.e. Hypothesis);
``import diplomodel`` never imports it. Every factory takes keyword arguments only, checks them
when it is called and raises :class:`hypothesis.errors.InvalidArgument` naming the bad argument.

>>> from hypothesis import given
>>> from diplomodel import strategies as dst
>>> @given(dst.articles())
... def test_round_trip(article):
...     text, expected = article
...     ...

The model strategies draw from the shipped data (countries with their demonyms, titles of each
role, organisations, cities, occasions and topics of ``diplomodel/data/templates.toml``) and
invent person names from syllables, so that whatever they produce can be written into an
article by :mod:`diplomodel.render`. :func:`articles` does that: it yields ``(text, expected)``
pairs, ``expected`` being the list of meetings the text reports, to be parsed with
``published=None``. :func:`rendered_articles` yields the full
:class:`~diplomodel.render.RenderedArticle` (with a publication date and the rendering plan).

Installed with the ``strategies`` extra, the package registers these strategies with
Hypothesis (entry point ``hypothesis``), so ``st.from_type(diplomodel.Meeting)`` works in any
test suite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from diplomodel import render
from diplomodel.countries import country_from_code
from diplomodel.grammar import name_tokens
from diplomodel.iso import all_records
from diplomodel.model import (
    ArticleResult,
    Country,
    DateBasis,
    Dateline,
    DatePrecision,
    Meeting,
    MeetingDate,
    MeetingMode,
    Occasion,
    Official,
    Organization,
    Place,
    Role,
    Span,
    Topic,
    TopicEvidence,
)

__all__ = [
    "DrawChooser",
    "article_results",
    "articles",
    "countries",
    "meeting_dates",
    "meetings",
    "occasions",
    "officials",
    "organizations",
    "places",
    "rendered_articles",
    "topics",
]

T = TypeVar("T")

_MIN_DATE = dt.date(2010, 1, 1)
_MAX_DATE = dt.date(2030, 12, 31)
_MAX_PARTICIPANTS = 6


# ----------------------------------------------------------------------------------------------
# Argument checks


def _codes(value: Iterable[str] | None, argument: str, allowed: Iterable[str]) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        raise InvalidArgument(f"{argument}={value!r}: expected an iterable of codes, not a str")
    allowed_set = set(allowed)
    codes: list[str] = []
    for code in value:
        if not isinstance(code, str) or code not in allowed_set:
            raise InvalidArgument(
                f"{argument}: {code!r} is not one of the {len(allowed_set)} codes allowed here"
            )
        if code not in codes:
            codes.append(code)
    if not codes:
        raise InvalidArgument(f"{argument}: expected at least one code, got none")
    return codes


def _enum_values(value: Iterable[Any] | None, argument: str, kind: type[T]) -> list[T] | None:
    if value is None:
        return None
    if isinstance(value, str):
        raise InvalidArgument(f"{argument}={value!r}: expected an iterable, not a str")
    found: list[T] = []
    for item in value:
        try:
            member = kind(item)  # type: ignore[call-arg]
        except (ValueError, TypeError):
            allowed = ", ".join(str(m.value) for m in kind)  # type: ignore[attr-defined]
            raise InvalidArgument(f"{argument}: {item!r} is not one of {allowed}") from None
        if member not in found:
            found.append(member)
    if not found:
        raise InvalidArgument(f"{argument}: expected at least one value, got none")
    return found


def _check_int(value: object, argument: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidArgument(f"{argument}={value!r}: expected an int")
    if not low <= value <= high:
        raise InvalidArgument(f"{argument}={value!r}: must be between {low} and {high}")
    return value


def _check_bool(value: object, argument: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidArgument(f"{argument}={value!r}: expected a bool")
    return value


def _check_date(value: object, argument: str) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidArgument(f"{argument}={value!r}: expected a datetime.date")
    return value


# ----------------------------------------------------------------------------------------------
# Simple values


def countries(*, codes: Iterable[str] | None = None) -> st.SearchStrategy[Country]:
    """
    Countries by ISO 3166-1 alpha-2 code (plus Kosovo, ``XK``), named as
    :func:`diplomodel.countries.country_from_code` names them.

    Args:
        codes: draw only these alpha-2 codes (default: every code).
    """
    every = [r.alpha2 for r in all_records()]
    chosen = _codes(codes, "codes", every) or every
    return st.sampled_from(sorted(chosen)).map(country_from_code)


def organizations(*, acronyms: Iterable[str] | None = None) -> st.SearchStrategy[Organization]:
    """
    International organisations of ``organizations.toml`` (acronym and official name).

    Args:
        acronyms: draw only these acronyms (default: every organisation).
    """
    from diplomodel.rules import default_rulebook

    every = [o.acronym for o in default_rulebook().organizations]
    chosen = _codes(acronyms, "acronyms", every) or every
    return st.sampled_from(chosen).map(render.organization)


def topics(*, codes: Iterable[str] | None = None) -> st.SearchStrategy[Topic]:
    """
    Topics of the annotation guidelines (codes and labels of ``topics.toml``).

    Args:
        codes: draw only these topic codes (default: all twenty).
    """
    every = list(render.templates().topics)
    chosen = _codes(codes, "codes", every) or every
    return st.sampled_from(chosen).map(render.topic)


def occasions(*, include_hard: bool = False) -> st.SearchStrategy[Occasion]:
    """
    Named events (occasions) of the renderer's templates, with the organisation behind each.

    Args:
        include_hard: also draw occasions whose names expose a known parser gap.
    """
    entries = _occasion_entries(_check_bool(include_hard, "include_hard"))
    return st.sampled_from(entries).map(
        lambda e: Occasion(e[0], render.organization(e[1]) if e[1] else None)
    )


def _occasion_entries(include_hard: bool) -> list[tuple[str, str | None]]:
    data = render.templates()
    return [e for e in data.occasions if include_hard or e[0] not in data.hard_occasions]


def places(
    *, countries: Iterable[str] | None = None, country_only: bool = True
) -> st.SearchStrategy[Place]:
    """
    Meeting places: a city of the renderer's templates with its country, or (when
    ``country_only``) only a country (``Place(None, country)``).

    Args:
        countries: draw only places in these alpha-2 countries.
        country_only: also draw places whose city is unknown.
    """
    data = render.templates()
    cities = data.all_cities()
    codes = _codes(countries, "countries", {cc for _, cc in cities} | set(data.countries))
    _check_bool(country_only, "country_only")
    pool = [c for c in cities if codes is None or c[1] in codes]
    options: list[st.SearchStrategy[Place]] = []
    if pool:
        options.append(st.sampled_from(pool).map(lambda c: Place(c[0], country_from_code(c[1]))))
    country_codes = [c for c in data.countries if codes is None or c in codes]
    if country_only and country_codes:
        options.append(
            st.sampled_from(country_codes).map(lambda c: Place(None, country_from_code(c)))
        )
    if not options:
        raise InvalidArgument(f"countries={countries!r}: no city or country of the templates")
    return st.one_of(options)


def meeting_dates(
    *,
    min_value: dt.date = _MIN_DATE,
    max_value: dt.date = _MAX_DATE,
    precisions: Iterable[DatePrecision | str] | None = None,
    bases: Iterable[DateBasis | str] | None = None,
) -> st.SearchStrategy[MeetingDate]:
    """
    Meeting dates between ``min_value`` and ``max_value`` (a month-precision date has day 1).

    Args:
        min_value, max_value: the range of dates.
        precisions: draw only these precisions (default: day and month).
        bases: draw only these bases (default: all).
    """
    low = _check_date(min_value, "min_value")
    high = _check_date(max_value, "max_value")
    if low > high:
        raise InvalidArgument(f"min_value={low} is after max_value={high}")
    kinds = _enum_values(precisions, "precisions", DatePrecision) or list(DatePrecision)
    basis_values = _enum_values(bases, "bases", DateBasis) or list(DateBasis)
    if (
        kinds == [DatePrecision.MONTH]
        and low.replace(day=1) < low
        and (
            low.year,
            low.month,
        )
        == (high.year, high.month)
    ):
        raise InvalidArgument(f"no first day of a month lies between {low} and {high}")

    @st.composite
    def build(draw: st.DrawFn) -> MeetingDate:
        precision = _pick(draw, kinds)
        value = draw(st.dates(low, high))
        if precision is DatePrecision.MONTH:
            value = value.replace(day=1)
            if value < low:
                value = (value + dt.timedelta(days=32)).replace(day=1)
            assume(value <= high)
        return MeetingDate(value, precision, _pick(draw, basis_values))

    return build()


# ----------------------------------------------------------------------------------------------
# Officials and meetings


@attrs.frozen
class _Sides:
    """The (side, role) combinations an officials strategy may draw."""

    pairs: tuple[tuple[str | None, str | None, Role], ...]  # (country, org, role)
    # Derived once: each side (country, org) in a fixed order, and the roles it can have.
    by_side: dict[tuple[str | None, str | None], tuple[Role, ...]] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        by_side: dict[tuple[str | None, str | None], list[Role]] = {}
        for cc, org, role in self.pairs:
            by_side.setdefault((cc, org), []).append(role)
        ordered = sorted(by_side, key=lambda s: (s[0] or "", s[1] or ""))
        object.__setattr__(self, "by_side", {k: tuple(by_side[k]) for k in ordered})

    def sides(self) -> set[str]:
        return {cc or org or "" for cc, org in self.by_side}


def _side_pool(
    country_codes: list[str] | None,
    org_codes: list[str] | None,
    roles: list[Role] | None,
) -> _Sides:
    data = render.templates()
    role_list = roles or list(Role)
    pairs: list[tuple[str | None, str | None, Role]] = []
    use_countries = country_codes if country_codes is not None else list(data.countries)
    use_orgs: list[str] = []
    if org_codes is not None:
        use_orgs = org_codes
    elif country_codes is None:
        use_orgs = sorted({f.org for f in data.org_titles if f.org})
    for cc in use_countries:
        for role in role_list:
            if data.titles_for(role, cc, None):
                pairs.append((cc, None, role))
    for org in use_orgs:
        for role in role_list:
            if data.titles_for(role, None, org):
                pairs.append((None, org, role))
    return _Sides(tuple(pairs))


def _pick(draw: st.DrawFn, options: Sequence[T]) -> T:
    """One of ``options``, drawn as an index (cheaper than a new sampled_from per draw)."""
    return options[draw(st.integers(0, len(options) - 1))]


def _draw_name(draw: st.DrawFn, used: set[str]) -> str:
    """An invented name none of whose parts is in ``used`` (which it then joins)."""
    given, family = render.given_names(), render.surnames()
    data = render.templates()
    shape = _pick(draw, ("two", "two", "two", "three", "hyphen", "apostrophe"))
    i = draw(st.integers(0, len(given) - 1))
    j = draw(st.integers(0, len(family) - 1))
    k = draw(st.integers(0, len(family) - 1))
    # The first free name from the drawn one on, so that every draw gives a name.
    for step in range(len(given) * 4):
        first = given[(i + step) % len(given)]
        second = given[(i + step + 1) % len(given)]
        last = family[(j + step * 7) % len(family)]
        other = family[(k + step * 11) % len(family)]
        if shape == "three":
            name = f"{first} {second} {last}"
        elif shape == "hyphen":
            name = f"{first} {last}-{other}"
        elif shape == "apostrophe":
            name = f"{first} {data.apostrophe_prefixes[step % len(data.apostrophe_prefixes)]}{last}"
        else:
            name = f"{first} {last}"
        tokens = name_tokens(name)
        if len(tokens) == len(name.replace("-", " ").split()) and not tokens & used:
            used.update(tokens)
            return name
    assume(False)
    raise AssertionError("unreachable")  # pragma: no cover


def _draw_official(
    draw: st.DrawFn,
    pool: _Sides,
    *,
    exclude_sides: set[str],
    used: set[str],
    unnamed: bool,
    named_sides: set[str] | frozenset[str] = frozenset(),
) -> Official:
    data = render.templates()
    sides = [s for s in pool.by_side if (s[0] or s[1]) not in exclude_sides]
    assume(sides)
    cc, org = _pick(draw, sides)
    role = _pick(draw, pool.by_side[cc, org])
    title = _pick(draw, data.titles_for(role, cc, org))
    name: str | None = None
    side = cc or org or ""
    if not (unnamed and org is None and side not in named_sides and draw(st.integers(0, 3)) == 0):
        name = _draw_name(draw, used)
    return Official(
        name=name,
        role=role,
        title=title,
        country=country_from_code(cc) if cc else None,
        org=render.organization(org) if org else None,
    )


def officials(
    *,
    countries: Iterable[str] | None = None,
    roles: Iterable[Role | str] | None = None,
    organizations: Iterable[str] | None = None,
    unnamed: bool = False,
) -> st.SearchStrategy[Official]:
    """
    Officials with an invented name, a title of their role as the templates write it, and a
    country (or an organisation). They carry no mention spans.

    Args:
        countries: alpha-2 codes of the countries to draw officials of (default: every country
            of the templates, and organisations too). Given without ``organizations``, only
            these countries' officials are drawn.
        roles: draw only these roles.
        organizations: acronyms of organisations to draw officials of (those with titles in
            the templates: UN, EU, NATO, OSCE, ...).
        unnamed: sometimes draw a country's official with no name ("the Emir of Qatar").
    """
    data = render.templates()
    country_codes = _codes(countries, "countries", data.countries)
    org_codes = _codes(
        organizations, "organizations", sorted({f.org for f in data.org_titles if f.org})
    )
    role_list = _enum_values(roles, "roles", Role)
    unnamed = _check_bool(unnamed, "unnamed")
    pool = _side_pool(country_codes, org_codes, role_list)
    if not pool.pairs:
        raise InvalidArgument(
            f"no official has one of roles={roles!r} and a side among countries={countries!r}, "
            f"organizations={organizations!r} (organisation roles need organizations=...)"
        )

    @st.composite
    def build(draw: st.DrawFn) -> Official:
        return _draw_official(draw, pool, exclude_sides=set(), used=set(), unnamed=unnamed)

    return build()


@attrs.frozen
class _MeetingConfig:
    min_participants: int
    max_participants: int
    modes: tuple[MeetingMode, ...]
    pool: _Sides
    unnamed: bool
    include_hard: bool = False


def _draw_topics(draw: st.DrawFn) -> tuple[Topic, ...]:
    every = list(render.templates().topics)
    codes = draw(st.lists(st.sampled_from(every), unique=True, max_size=3))
    return tuple(render.topic(c) for c in codes)


def _draw_place(draw: st.DrawFn, people: Sequence[Official]) -> Place | None:
    data = render.templates()
    kind = _pick(draw, ("home", "home", "venue", "third", "country", "none"))
    own = [p.country.alpha2 for p in people if p.country is not None]
    if kind == "home" and own:
        cc = _pick(draw, own)
        return Place(_pick(draw, data.countries[cc].cities), country_from_code(cc))
    if kind == "venue":
        _, city, cc = _pick(draw, data.venues)
        return Place(city, country_from_code(cc))
    if kind == "country" and own:
        return Place(None, country_from_code(_pick(draw, own)))
    if kind == "none":
        return None
    city, cc = _pick(draw, data.all_cities())
    return Place(city, country_from_code(cc))


@attrs.define
class _ArticleState:
    """What earlier meetings of one article used: name parts and sides (named or not)."""

    tokens: set[str] = attrs.Factory(set)
    named_sides: set[str] = attrs.Factory(set)
    unnamed_sides: set[str] = attrs.Factory(set)


def _draw_meeting(
    draw: st.DrawFn,
    cfg: _MeetingConfig,
    state: _ArticleState,
    dates: st.SearchStrategy[MeetingDate | None],
) -> Meeting:
    available = len(cfg.pool.sides())
    high = min(cfg.max_participants, available)
    assume(high >= cfg.min_participants)
    n = draw(st.integers(cfg.min_participants, high))
    mode = _pick(draw, cfg.modes)
    people: list[Official] = []
    sides: set[str] = set()
    org_sides = {org for _, org, _ in cfg.pool.pairs if org}
    for _ in range(n):
        # At most two officials that only the first places of a sentence can hold: those of
        # organisations (after a country's official in a list, a known parser gap) and one
        # named by office only ("the Emir of Qatar", never in a list).
        unnamed_count = sum(p.name is None for p in people)
        first_places = sum(p.org is not None for p in people) + unnamed_count
        unnamed_ok = cfg.unnamed and unnamed_count == 0 and first_places < 2
        excluded = sides | org_sides if first_places >= 2 else sides
        excluded |= state.unnamed_sides
        o = _draw_official(
            draw, cfg.pool, exclude_sides=excluded, used=state.tokens, unnamed=unnamed_ok,
            named_sides=state.named_sides,
        )  # fmt: skip
        people.append(o)
        sides.add(o.side)
        (state.named_sides if o.name else state.unnamed_sides).add(o.side)
    place = _draw_place(draw, people) if mode is MeetingMode.IN_PERSON else None
    occasion = None
    if mode is MeetingMode.IN_PERSON and draw(st.integers(0, 3)) == 0:
        term, org = _pick(draw, _occasion_entries(cfg.include_hard))
        occasion = Occasion(term, render.organization(org) if org else None)
    return Meeting(
        participants=tuple(people),
        mode=mode,
        date=draw(dates),
        place=place,
        occasion=occasion,
        topics=_draw_topics(draw),
    )


def _meeting_config(
    min_participants: int,
    max_participants: int,
    modes: Iterable[MeetingMode | str] | None,
    countries: Iterable[str] | None,
    roles: Iterable[Role | str] | None,
    organizations: Iterable[str] | None,
    unnamed: bool,
    include_hard: bool = False,
) -> _MeetingConfig:
    low = _check_int(min_participants, "min_participants", 2, _MAX_PARTICIPANTS)
    high = _check_int(max_participants, "max_participants", 2, _MAX_PARTICIPANTS)
    if low > high:
        raise InvalidArgument(f"min_participants={low} is more than max_participants={high}")
    mode_list = _enum_values(modes, "modes", MeetingMode) or list(MeetingMode)
    data = render.templates()
    country_codes = _codes(countries, "countries", data.countries)
    org_codes = _codes(
        organizations, "organizations", sorted({f.org for f in data.org_titles if f.org})
    )
    pool = _side_pool(country_codes, org_codes, _enum_values(roles, "roles", Role))
    if len(pool.sides()) < low:
        raise InvalidArgument(
            f"min_participants={low} needs {low} different sides, but countries={countries!r}, "
            f"organizations={organizations!r} and roles={roles!r} allow "
            f"{len(pool.sides())}"
        )
    return _MeetingConfig(
        low,
        high,
        tuple(mode_list),
        pool,
        _check_bool(unnamed, "unnamed"),
        _check_bool(include_hard, "include_hard"),
    )


def _default_dates() -> st.SearchStrategy[MeetingDate | None]:
    return st.one_of(
        st.none(),
        meeting_dates(precisions=[DatePrecision.DAY], bases=[DateBasis.EXPLICIT]),
        meeting_dates(precisions=[DatePrecision.DAY], bases=[DateBasis.EXPLICIT]),
        meeting_dates(precisions=[DatePrecision.MONTH], bases=[DateBasis.RELATIVE]),
    )


def meetings(
    *,
    min_participants: int = 2,
    max_participants: int = 4,
    modes: Iterable[MeetingMode | str] | None = None,
    countries: Iterable[str] | None = None,
    roles: Iterable[Role | str] | None = None,
    organizations: Iterable[str] | None = None,
    unnamed: bool = False,
    include_hard: bool = False,
) -> st.SearchStrategy[Meeting]:
    """
    Meetings between officials of different sides, as the guidelines define them: participants
    (from :func:`officials`), mode, date (or none), place (in person only: a city, a venue's
    city, only a country, or none), occasion (in person only) and topics. They carry no
    spans. Every meeting drawn can be written by :mod:`diplomodel.render`.

    Args:
        min_participants, max_participants: the number of participants (2 to 6), each of a
            different side.
        modes: draw only these modes.
        countries, roles, organizations, unnamed: as for :func:`officials`.
        include_hard: also draw occasions whose names expose a known parser gap.
    """
    cfg = _meeting_config(
        min_participants,
        max_participants,
        modes,
        countries,
        roles,
        organizations,
        unnamed,
        include_hard,
    )

    @st.composite
    def build(draw: st.DrawFn) -> Meeting:
        return _draw_meeting(draw, cfg, _ArticleState(), _default_dates())

    return build()


# ----------------------------------------------------------------------------------------------
# Articles


class DrawChooser:
    """
    A renderer :class:`~diplomodel.render.Chooser` whose choices are Hypothesis draws (so they
    shrink): ``DrawChooser(data.draw)`` inside a test given ``st.data()``, for instance to vary
    a rendered plan with :func:`diplomodel.render.reorder_participants`.
    """

    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw

    def choice(self, label: str, options: Sequence[T]) -> T:
        if not options:
            raise render.UnrenderableError(f"{label}: no options")
        if len(options) == 1:
            return options[0]
        return options[self._draw(st.integers(0, len(options) - 1), label=label)]

    def integer(self, label: str, low: int, high: int) -> int:
        return self._draw(st.integers(low, high), label=label)


def _related_dates(draw: st.DrawFn, n: int) -> list[MeetingDate | None]:
    """Dates a few days apart (so relative dates can be written), sometimes none."""
    base = draw(st.dates(dt.date(2015, 1, 1), dt.date(2025, 12, 31)))
    found: list[MeetingDate | None] = []
    for _ in range(n):
        kind = _pick(draw, ("day", "day", "day", "month", "none"))
        if kind == "none":
            found.append(None)
        elif kind == "month":
            found.append(MeetingDate(base.replace(day=1), DatePrecision.MONTH, DateBasis.RELATIVE))
        else:
            offset = draw(st.integers(0, 6))
            found.append(MeetingDate(base - dt.timedelta(days=offset)))
    return found


def _series(draw: st.DrawFn, found: list[Meeting]) -> list[Meeting]:
    """Sometimes let the first official of the first meeting take part in later ones."""
    if len(found) < 2 or not draw(st.booleans()):
        return found
    hero = found[0].participants[0]
    if hero.name is None:
        return found
    out = [found[0]]
    for m in found[1:]:
        rest = m.participants[1:]
        if hero.side not in {p.side for p in rest} and draw(st.booleans()):
            m = attrs.evolve(m, participants=(hero, *rest))
        out.append(m)
    return out


@attrs.frozen
class _ArticleConfig:
    meetings: st.SearchStrategy[Meeting] | None
    min_meetings: int
    max_meetings: int
    distractors: bool
    include_hard: bool
    published: bool
    headline: bool
    datelines: bool


def _article_config(
    meetings: st.SearchStrategy[Meeting] | None,
    min_meetings: int,
    max_meetings: int,
    distractors: bool,
    include_hard: bool,
    published: bool,
    headline: bool,
    datelines: bool = True,
) -> _ArticleConfig:
    if meetings is not None and not isinstance(meetings, st.SearchStrategy):
        raise InvalidArgument(
            f"meetings={meetings!r}: expected a strategy of Meeting (e.g. meetings(...))"
        )
    low = _check_int(min_meetings, "min_meetings", 0, 6)
    high = _check_int(max_meetings, "max_meetings", 0, 6)
    if low > high:
        raise InvalidArgument(f"min_meetings={low} is more than max_meetings={high}")
    return _ArticleConfig(
        meetings,
        low,
        high,
        _check_bool(distractors, "distractors"),
        _check_bool(include_hard, "include_hard"),
        _check_bool(published, "published"),
        _check_bool(headline, "headline"),
        _check_bool(datelines, "datelines"),
    )


def _draw_article(draw: st.DrawFn, cfg: _ArticleConfig) -> render.RenderedArticle:
    n = draw(st.integers(cfg.min_meetings, cfg.max_meetings), label="meeting count")
    found: list[Meeting] = []
    if cfg.meetings is None:
        state = _ArticleState()
        mcfg = _default_meeting_config(cfg.include_hard)
        for date in _related_dates(draw, n):
            found.append(_draw_meeting(draw, mcfg, state, st.just(date)))
        found = _series(draw, found)
    else:
        for _ in range(n):
            m = draw(cfg.meetings)
            try:
                render.check_meetings([m])
            except render.UnrenderableError as exc:
                raise InvalidArgument(
                    f"meetings= drew a meeting the renderer cannot write: {exc}"
                ) from None
            found.append(m)
    try:
        render.check_meetings(found)
        plan = render.plan_article(
            found,
            DrawChooser(draw),
            distractors=cfg.distractors,
            include_hard=cfg.include_hard,
            published=cfg.published,
            headline=cfg.headline,
            dateline=cfg.datelines,
        )
    except render.UnrenderableError:
        assume(False)
        raise AssertionError("unreachable") from None  # pragma: no cover
    return render.render(plan)


_DEFAULT_MEETING_CONFIG: dict[bool, _MeetingConfig] = {}


def _default_meeting_config(include_hard: bool) -> _MeetingConfig:
    if include_hard not in _DEFAULT_MEETING_CONFIG:
        _DEFAULT_MEETING_CONFIG[include_hard] = _meeting_config(
            2, 4, None, None, None, None, True, include_hard
        )
    return _DEFAULT_MEETING_CONFIG[include_hard]


def rendered_articles(
    *,
    meetings: st.SearchStrategy[Meeting] | None = None,
    min_meetings: int = 0,
    max_meetings: int = 3,
    distractors: bool = True,
    include_hard: bool = False,
    published: bool = True,
    headline: bool = True,
    datelines: bool = True,
) -> st.SearchStrategy[render.RenderedArticle]:
    """
    Rendered articles (:class:`~diplomodel.render.RenderedArticle`): text, expected meetings,
    publication date (parse with ``published=article.published``) and the rendering plan.

    Args:
        meetings: a strategy for each meeting (default: :func:`meetings` with dates a few days
            apart, sometimes unnamed officials, sometimes one official in several meetings).
            Its meetings must be writable by the renderer (as every :func:`meetings` draw is).
        min_meetings, max_meetings: how many meetings an article reports (0 to 6).
        distractors: add sentences that report no meeting (plans, background, statements,
            letters, same-country meetings, negated meetings, unrelated news).
        include_hard: also use templates that expose known parser gaps (documented in
            ``templates.toml`` and docs/testing.md); off by default.
        published: sometimes give the article a publication date.
        headline: sometimes open the article with a headline.
        datelines: sometimes open the article with a dateline ("Lodz, 1 December 2022 (TDI):",
            "BEIJING, Nov. 9 (Xinhua) --", "ANKARA (AA) –", "WASHINGTON —", "NEW DELHI:").
    """
    cfg = _article_config(
        meetings,
        min_meetings,
        max_meetings,
        distractors,
        include_hard,
        published,
        headline,
        datelines,
    )

    @st.composite
    def build(draw: st.DrawFn) -> render.RenderedArticle:
        return _draw_article(draw, cfg)

    return build()


def articles(
    *,
    meetings: st.SearchStrategy[Meeting] | None = None,
    min_meetings: int = 0,
    max_meetings: int = 3,
    distractors: bool = True,
    include_hard: bool = False,
) -> st.SearchStrategy[tuple[str, list[Meeting]]]:
    """
    ``(text, expected)`` pairs: a news article and the list of meetings it reports (possibly
    empty), to be parsed with ``published=None``. Compare on the guidelines' fields:
    participants' names, sides and roles; date; place; mode; occasion and its organisation;
    topics (expected meetings carry no spans).

    Args: as for :func:`rendered_articles`.
    """
    return rendered_articles(
        meetings=meetings,
        min_meetings=min_meetings,
        max_meetings=max_meetings,
        distractors=distractors,
        include_hard=include_hard,
        published=False,
    ).map(lambda a: (a.text, list(a.expected)))


# ----------------------------------------------------------------------------------------------
# Results with spans


def _span_in(draw: st.DrawFn, text: str) -> Span:
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 40)))
    return Span.of(text, start, end)


def _spans_in(draw: st.DrawFn, text: str, max_size: int = 3) -> tuple[Span, ...]:
    if not text:
        return ()
    return tuple(_span_in(draw, text) for _ in range(draw(st.integers(0, max_size))))


def _maybe_span(draw: st.DrawFn, text: str) -> Span | None:
    if not text or not draw(st.booleans()):
        return None
    return _span_in(draw, text)


def _with_spans(draw: st.DrawFn, m: Meeting, text: str) -> Meeting:
    people = tuple(attrs.evolve(p, mentions=_spans_in(draw, text)) for p in m.participants)
    date = m.date
    if date is not None:
        date = attrs.evolve(date, span=_maybe_span(draw, text))
    place = m.place
    if place is not None:
        place = attrs.evolve(place, span=_maybe_span(draw, text))
    occasion = m.occasion
    if occasion is not None:
        occasion = attrs.evolve(occasion, span=_maybe_span(draw, text))
    return attrs.evolve(
        m,
        participants=people,
        date=date,
        place=place,
        occasion=occasion,
        triggers=_spans_in(draw, text),
        topic_evidence=tuple(TopicEvidence(t.code, _spans_in(draw, text)) for t in m.topics),
    )


def article_results(*, max_meetings: int = 3) -> st.SearchStrategy[ArticleResult]:
    """
    Article results with spans: meetings from :func:`meetings` and officials from
    :func:`officials`, every span (mentions, triggers, date, place, occasion, topic evidence,
    dateline) a slice of one text of ``length`` characters that the strategy draws and drops.

    Args:
        max_meetings: the most meetings a result holds (0 to 6).
    """
    high = _check_int(max_meetings, "max_meetings", 0, 6)
    meeting_strategy = meetings(unnamed=True)
    official_strategy = officials(unnamed=True)

    @st.composite
    def build(draw: st.DrawFn) -> ArticleResult:
        text = draw(st.text(max_size=200))
        found = draw(st.lists(meeting_strategy, max_size=high))
        meetings_with_spans = tuple(_with_spans(draw, m, text) for m in found)
        people = [p for m in meetings_with_spans for p in m.participants]
        extra = draw(st.lists(official_strategy, max_size=2))
        people += [attrs.evolve(o, mentions=_spans_in(draw, text)) for o in extra]
        dateline = None
        if text and draw(st.booleans()):
            dateline = Dateline(
                _span_in(draw, text),
                draw(st.none() | st.sampled_from(["Lodz", "BEIJING", "New Delhi"])),
                draw(st.none() | st.dates(_MIN_DATE, _MAX_DATE)),
            )
        return ArticleResult(
            length=len(text),
            meetings=meetings_with_spans,
            officials=tuple(dict.fromkeys(people)),
            published=draw(st.none() | st.dates(_MIN_DATE, _MAX_DATE)),
            dateline=dateline,
        )

    return build()


def _spans() -> st.SearchStrategy[Span]:
    @st.composite
    def build(draw: st.DrawFn) -> Span:
        return _span_in(draw, draw(st.text(min_size=1, max_size=60)))

    return build()


def _topic_evidence() -> st.SearchStrategy[TopicEvidence]:
    @st.composite
    def build(draw: st.DrawFn) -> TopicEvidence:
        text = draw(st.text(min_size=1, max_size=60))
        return TopicEvidence(draw(topics()).code, _spans_in(draw, text))

    return build()


def _datelines() -> st.SearchStrategy[Dateline]:
    @st.composite
    def build(draw: st.DrawFn) -> Dateline:
        text = draw(st.text(min_size=1, max_size=60))
        return Dateline(
            _span_in(draw, text),
            draw(st.none() | st.sampled_from(["Lodz", "BEIJING"])),
            draw(st.none() | st.dates(_MIN_DATE, _MAX_DATE)),
        )

    return build()


# ----------------------------------------------------------------------------------------------
# Registration with Hypothesis


_REGISTERED: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Country: countries,
    Organization: organizations,
    Official: officials,
    Place: places,
    Occasion: occasions,
    Topic: topics,
    MeetingDate: meeting_dates,
    Meeting: meetings,
    ArticleResult: article_results,
    Span: _spans,
    TopicEvidence: _topic_evidence,
    Dateline: _datelines,
}


def _hypothesis_setup_hook() -> None:
    """
    Register the strategies of this module for the model classes, so that
    ``st.from_type(diplomodel.Meeting)`` (and ``st.builds`` with annotated arguments) use them.

    Hypothesis calls this through the ``hypothesis`` entry point when the package is installed;
    a test suite may also call it directly. The strategies are built lazily (no data is read
    until an example is drawn).
    """
    for kind, factory in _REGISTERED.items():
        st.register_type_strategy(kind, st.deferred(factory))
