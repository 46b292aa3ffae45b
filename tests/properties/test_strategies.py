"""
The strategies and the renderer themselves: argument checks, registration with Hypothesis,
that ``import diplomodel`` does not import Hypothesis, that the renderer is deterministic given
its choices, and that what it writes reports the meetings it was given.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import attrs
import pytest
from _support import guideline, meeting, official
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import diplomodel
from diplomodel import render
from diplomodel import strategies as dst
from diplomodel.model import DatePrecision, Meeting, MeetingMode, Role


def test_importing_diplomodel_does_not_import_hypothesis() -> None:
    """diplomodel, its parser and its renderer work without Hypothesis being imported."""
    code = (
        "import sys, diplomodel, diplomodel.render, diplomodel.cli\n"
        "diplomodel.parse('Turkish Foreign Minister Arvid Kelmoran met Sevrin Velindor.')\n"
        "article = diplomodel.render.render_meetings(diplomodel.render.example_meetings())\n"
        "assert article.expected\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis')\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


BAD_ARGUMENTS = [
    (dst.countries, {"codes": ["ZZ"]}, "codes"),
    (dst.countries, {"codes": "TR"}, "codes"),
    (dst.countries, {"codes": []}, "codes"),
    (dst.organizations, {"acronyms": ["NOPE"]}, "acronyms"),
    (dst.topics, {"codes": ["weather"]}, "codes"),
    (dst.places, {"countries": ["ZZ"]}, "countries"),
    (dst.places, {"country_only": "yes"}, "country_only"),
    (
        dst.meeting_dates,
        {"min_value": dt.date(2020, 1, 2), "max_value": dt.date(2020, 1, 1)},
        "min_value",
    ),
    (dst.meeting_dates, {"min_value": "2020-01-01"}, "min_value"),
    (dst.meeting_dates, {"precisions": ["week"]}, "precisions"),
    (dst.officials, {"countries": ["ZZ"]}, "countries"),
    (dst.officials, {"roles": ["king"]}, "roles"),
    (dst.officials, {"roles": [Role.ORG_LEADER], "countries": ["TR"]}, "roles"),
    (dst.officials, {"organizations": ["ZZZ"]}, "organizations"),
    (dst.meetings, {"min_participants": 1}, "min_participants"),
    (dst.meetings, {"min_participants": 3, "max_participants": 2}, "min_participants"),
    (dst.meetings, {"max_participants": 99}, "max_participants"),
    (dst.meetings, {"min_participants": True}, "min_participants"),
    (dst.meetings, {"modes": ["carrier pigeon"]}, "modes"),
    (dst.meetings, {"countries": ["TR", "AZ"], "min_participants": 3}, "min_participants"),
    (dst.articles, {"meetings": [1, 2]}, "meetings"),
    (dst.articles, {"min_meetings": -1}, "min_meetings"),
    (dst.articles, {"min_meetings": 3, "max_meetings": 1}, "min_meetings"),
    (dst.articles, {"distractors": "no"}, "distractors"),
    (dst.rendered_articles, {"include_hard": 1}, "include_hard"),
    (dst.rendered_articles, {"datelines": None}, "datelines"),
    (dst.article_results, {"max_meetings": 7}, "max_meetings"),
]


@pytest.mark.parametrize(("factory", "kwargs", "argument"), BAD_ARGUMENTS)
def test_bad_arguments_are_rejected_at_once(factory: Any, kwargs: Any, argument: str) -> None:
    """A bad argument raises InvalidArgument naming it, when the factory is called."""
    with pytest.raises(InvalidArgument, match=argument):
        factory(**kwargs)


def test_factories_are_keyword_only() -> None:
    """No factory takes positional arguments."""
    with pytest.raises(TypeError):
        dst.meetings(2)  # type: ignore[misc]
    with pytest.raises(TypeError):
        dst.officials(["TR"])  # type: ignore[misc]


@settings(max_examples=100)  # each example draws nine types, a whole article result among them
@given(st.data())
def test_registered_types_are_drawn_with_these_strategies(data: Any) -> None:
    """After the setup hook, st.from_type gives writable model values for every class."""
    drawn = data.draw(st.from_type(diplomodel.Meeting))
    assert isinstance(drawn, Meeting)
    render.check_meetings([drawn])
    for kind in (
        diplomodel.Country, diplomodel.Organization, diplomodel.Official, diplomodel.Place,
        diplomodel.Occasion, diplomodel.Topic, diplomodel.MeetingDate, diplomodel.ArticleResult,
    ):  # fmt: skip
        assert isinstance(data.draw(st.from_type(kind)), kind)


def test_hook_registration_survives_example() -> None:
    """The documented one-liner works: st.from_type(diplomodel.Meeting).example()."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # .example() warns outside of a test
        assert isinstance(st.from_type(diplomodel.Meeting).example(), Meeting)


@given(
    dst.meetings(
        min_participants=3,
        max_participants=3,
        modes=["phone"],
        countries=["TR", "AZ", "GE", "AM"],
        roles=[Role.FOREIGN_MINISTER],
    )
)
def test_meetings_respect_their_arguments(m: Meeting) -> None:
    """Participant count, mode, countries and roles are those asked for."""
    assert len(m.participants) == 3
    assert m.mode is MeetingMode.PHONE and m.place is None and m.occasion is None
    assert {p.side for p in m.participants} <= {"TR", "AZ", "GE", "AM"}
    assert {p.role for p in m.participants} == {Role.FOREIGN_MINISTER}
    assert len({p.side for p in m.participants}) == 3


@given(dst.officials(organizations=["UN", "NATO"], roles=["org_leader"]))
def test_officials_of_organisations(o: diplomodel.Official) -> None:
    """Organisation officials carry the organisation and a title that names it."""
    assert o.org is not None and o.org.acronym in ("UN", "NATO") and o.country is None
    assert o.title is not None and o.org.acronym in o.title


@given(dst.meeting_dates(precisions=["month"], min_value=dt.date(2020, 1, 5)))
def test_month_precision_dates(date: diplomodel.MeetingDate) -> None:
    """Month-precision dates fall on the first of a month inside the range."""
    assert date.precision is DatePrecision.MONTH and date.value.day == 1
    assert date.value >= dt.date(2020, 1, 5)


@given(dst.rendered_articles())
def test_rendering_is_a_function_of_the_plan(article: render.RenderedArticle) -> None:
    """Rendering the same plan again gives the same article."""
    assert render.render(article.plan) == article


@settings(max_examples=100)  # each example plans and renders an article twice
@given(st.lists(dst.meetings(), max_size=3), st.integers(0, 2**32))
def test_seeded_rendering_is_deterministic(meetings: list[Meeting], seed: int) -> None:
    """The same meetings and seed give the same article (whenever they can be written)."""
    try:
        first = render.render_meetings(meetings, seed, published=True)
    except render.UnrenderableError:
        assume(False)  # independent meetings may share a name part or a side
    assert render.render_meetings(meetings, seed, published=True) == first


@given(st.lists(dst.meetings(unnamed=True), min_size=1, max_size=3), st.integers(0, 2**32))
def test_rendered_articles_report_the_meetings_given(meetings: list[Meeting], seed: int) -> None:
    """
    The expected meetings are the input meetings, in order: the same participants, mode and
    topics; the same date, place and occasion, or, by the documented rules (a meeting that
    continues the one before takes its place and date, ``meetings.shared_occasion``), those of
    a meeting before it.
    """
    try:
        article = render.render_meetings(meetings, seed, published=True)
    except render.UnrenderableError:
        assume(False)  # independent meetings may share a name part or a side
    assert len(article.expected) == len(meetings)
    inherited = (1, 2, 4, 5)  # date, place, occasion, occasion organisation
    earlier: dict[int, set[Any]] = {k: set() for k in inherited}
    for got, drawn in zip(article.expected, meetings, strict=True):
        g, d = guideline(got), guideline(drawn)
        assert (g[0], g[3], g[6]) == (d[0], d[3], d[6]), (got, drawn)
        for k in inherited:
            assert g[k] == d[k] or g[k] in earlier[k], (k, got, drawn)
            earlier[k].add(g[k])


@given(dst.articles())
def test_articles_yield_text_and_expected_meetings(pair: Any) -> None:
    """articles() yields (str, list of Meeting) pairs."""
    text, expected = pair
    assert isinstance(text, str) and text
    assert isinstance(expected, list)
    assert all(isinstance(m, Meeting) for m in expected)


def test_unwritable_meetings_are_refused_with_a_reason() -> None:
    """check_meetings says what it cannot write."""
    kelmoran = official("Arvid Kelmoran", "TR", "foreign_minister", "Foreign Minister")
    cases = [
        (meeting(kelmoran, official("Paris Velindor", "AZ", "minister", "Trade Minister")),
         "name"),
        (meeting(kelmoran, official("Sevrin Velindor", "AZ", "minister", "Chief Druid")),
         "title"),
        (meeting(kelmoran, official("Sevrin Velindor", "ZW", "minister", "Trade Minister")),
         "ZW"),
        (meeting(kelmoran, official("Arvid Kelran", "AZ", "minister", "Trade Minister")),
         "name part"),
        (meeting(kelmoran, official("Sevrin Velindor", "AZ", "minister", "Trade Minister"),
                 place=("Atlantis", "GR")), "Atlantis"),
    ]  # fmt: skip
    for m, reason in cases:
        with pytest.raises(render.UnrenderableError, match=reason):
            render.check_meetings([m])
    same = meeting(kelmoran, official("Sevrin Velindor", "AZ", "minister", "Trade Minister"))
    with pytest.raises(render.UnrenderableError, match="same meeting"):
        render.check_meetings([same, same])


def test_at_least_forty_templates_and_every_dateline_style() -> None:
    """The template set is large, and each dateline style of the issue is rendered."""
    data = render.templates()
    count = sum(
        len(section)
        for section in (
            data.leads, data.further, data.topic_sentences, data.followups, data.distractors,
            data.datelines, data.headlines,
        )
    )  # fmt: skip
    assert count >= 40 and len(data.leads) >= 30
    starts = set()
    for style in data.datelines:
        plan = render.ArticlePlan(
            meetings=(),
            dateline=style.id,
            dateline_city="New Delhi",
            dateline_agency="TDI",
            reference=dt.date(2022, 12, 1),
        )
        starts.add(render.render(plan).text.split(" ", 1)[0])
    text = " ".join(
        render.render(
            render.ArticlePlan(meetings=(), dateline=s.id, dateline_city="Lodz",
                               reference=dt.date(2022, 12, 1))
        ).text[:40]
        for s in data.datelines
    )  # fmt: skip
    for shape in ("Lodz, 1 December 2022 (TDI):", "LODZ, Dec. 1 (TDI) --", "LODZ (TDI) –",
                  "LODZ —", "LODZ:"):  # fmt: skip
        assert shape in text, shape


def test_hard_templates_are_kept_out_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Templates marked hard appear only with include_hard=True."""
    # No shipped template exposes a gap now, so mark some hard to check the mechanism.
    data = render.templates()
    marked = {"met_with", "surnames_meet_in", "planned_meeting_postponed"}

    def mark(items: tuple[render.Template, ...]) -> tuple[render.Template, ...]:
        return tuple(attrs.evolve(t, hard=t.id in marked) for t in items)

    patched = attrs.evolve(
        data,
        leads=mark(data.leads),
        headlines=mark(data.headlines),
        distractors=mark(data.distractors),
    )
    monkeypatch.setattr(render, "templates", lambda: patched)
    hard = {t.id for t in (*patched.leads, *patched.headlines, *patched.distractors) if t.hard}
    assert hard == marked

    def used(include_hard: bool) -> set[str]:
        seen: set[str] = set()
        for seed in range(150):
            plan = render.plan_article(
                render.example_meetings(), render.RandomChooser(seed), published=True,
                include_hard=include_hard,
            )  # fmt: skip
            seen.update(mp.template for mp in plan.meetings)
            seen.update(d.template for mp in plan.meetings for d in mp.distractors)
            seen.update([plan.headline] if plan.headline else [])
        return seen

    assert not used(False) & hard
    assert used(True) & hard == hard


def test_invented_names_are_no_lexicon_words() -> None:
    """Every name part the strategies use is a safe invented word."""
    names = render.given_names() + render.surnames()
    assert len(render.given_names()) > 300 and len(render.surnames()) > 3000
    assert all(render.name_is_safe(n) for n in names[::37])
    assert not render.name_is_safe("Paris") and not render.name_is_safe("Minister")
    assert not render.name_is_safe("Trade") and not render.name_is_safe("May")


def test_guideline_view_ignores_spans_and_titles() -> None:
    """The comparison of the tests is on the guidelines' fields only."""
    a = meeting(
        official("Arvid Kelmoran", "TR", "foreign_minister", "Foreign Minister"),
        official("Sevrin Velindor", "AZ", "foreign_minister", "Foreign Minister"),
    )
    b = meeting(
        official("Arvid Kelmoran", "TR", "foreign_minister", "Minister of Foreign Affairs"),
        official("Sevrin Velindor", "AZ", "foreign_minister", "Foreign Minister"),
    )
    assert guideline(a) == guideline(b)
