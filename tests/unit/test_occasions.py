"""
Occasions: a summit's bilaterals reported one after another share the summit named once
(built-in rule ``meetings.shared_occasion``).
"""

from __future__ import annotations

import pytest

import diplomodel
from diplomodel.engine import Parser
from diplomodel.rules import default_rulebook

SUMMIT = (
    "VIENTIANE, July 26 (AP) -- U.S. Secretary of State Antony Blinken met Chinese Foreign "
    "Minister Wang Yi on Friday on the sidelines of the ASEAN Foreign Ministers' Meeting.\n\n"
    "Blinken also held talks on Friday with Japanese Foreign Minister Yoko Kamikawa.\n\n"
    "On Thursday, on the margins of the meetings, Wang held talks with Russian Foreign "
    "Minister Sergey Lavrov.\n\n"
    "On Tuesday Wang met Lao Foreign Minister Saleumxay Kommasith to review the railway."
)


Found = list[tuple[list[str | None], str | None, str | None]]


def occasions(text: str, parser: Parser | None = None, published: str = "2024-07-26") -> Found:
    result = (parser or Parser()).parse(text, published=published)
    return [
        (
            [p.name for p in m.participants],
            m.occasion.name if m.occasion else None,
            m.occasion.org.acronym if m.occasion and m.occasion.org else None,
        )
        for m in result.meetings
    ]


def test_later_meetings_share_the_occasion_named_before() -> None:
    found = occasions(SUMMIT)
    assert [names for names, _, _ in found] == [
        ["Antony Blinken", "Wang Yi"],
        ["Antony Blinken", "Yoko Kamikawa"],
        ["Wang Yi", "Sergey Lavrov"],
        ["Wang Yi", "Saleumxay Kommasith"],
    ]
    asean = ("ASEAN Foreign Ministers' Meeting", "ASEAN")
    # same day; the day before, pointing back at "the meetings"; two days before the meeting
    # reported before it, without a word of the event: a meeting of its own
    assert [(name, org) for _, name, org in found] == [asean, asean, asean, (None, None)]


def test_the_shared_occasion_keeps_the_span_where_it_is_named() -> None:
    result = diplomodel.parse(SUMMIT, published="2024-07-26")
    first, second = result.meetings[0].occasion, result.meetings[1].occasion
    assert first is not None and second is not None
    assert second.span == first.span
    assert SUMMIT[second.span.start : second.span.end] == "ASEAN Foreign Ministers' Meeting"


def test_a_meeting_in_another_country_does_not_share_it() -> None:
    text = (
        "Foreign Minister Penny Wong met Indian External Affairs Minister Subrahmanyam "
        "Jaishankar in New York on Monday on the sidelines of the UN General Assembly.\n\n"
        "On Monday Wong's deputy Tim Watts met Fiji's Deputy Prime Minister Biman Prasad in "
        "Suva."
    )
    found = occasions(text, published="2024-09-23")
    assert [name for _, name, _ in found] == ["UN General Assembly", None]


def test_a_phone_call_does_not_share_it() -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan met U.S. President Joe Biden on Tuesday on the "
        "sidelines of the NATO summit in Vilnius.\n\n"
        "On Tuesday Erdogan also spoke by phone with Russian President Vladimir Putin."
    )
    found = occasions(text, published="2023-07-11")
    assert [name for _, name, _ in found] == ["NATO summit", None]


def test_the_rule_can_be_switched_off() -> None:
    parser = Parser(default_rulebook().without("meetings.shared_occasion"))
    assert [name for _, name, _ in occasions(SUMMIT, parser)] == [
        "ASEAN Foreign Ministers' Meeting",
        None,
        None,
        None,
    ]


def test_the_dateline_date_does_not_set_a_meeting_apart() -> None:
    """A meeting dated only by the dateline may have been on the day of the one before."""
    text = (
        "Washington, Apr 13 (PTI) Finance Minister Nirmala Sitharaman on Wednesday met "
        "Japan's Finance Minister Shunichi Suzuki on the sidelines of the IMF-World Bank Spring "
        "Meetings.\n\n"
        "Sitharaman also held talks with IMF Managing Director Kristalina Georgieva."
    )
    found = occasions(text, published="2023-04-13")
    assert [name for _, name, _ in found] == ["IMF-World Bank Spring Meetings"] * 2


def test_the_day_before_in_the_same_city_shares_it() -> None:
    """Bilaterals on the eve of a summit, in its city, are reported as held at it."""
    text = (
        "LIMA, Nov 16 (AP) - U.S. President Joe Biden met Chinese President Xi Jinping on "
        "Saturday in Lima on the sidelines of the APEC summit.\n\n"
        "On Friday, Biden met Japanese Prime Minister Shigeru Ishiba in Lima.\n\n"
        "On Wednesday, Biden met Peruvian President Dina Boluarte in Lima."
    )
    found = occasions(text, published="2024-11-16")
    # one day apart in the same city: at the summit; two days apart: a meeting of its own
    assert [name for _, name, _ in found] == ["APEC summit", "APEC summit", None]


@pytest.mark.parametrize(
    ("phrase", "name", "org"),
    [
        ("on the sidelines of the ministerial council of the Organization for Security and "
         "Co-operation in Europe (OSCE)", "OSCE ministerial council", "OSCE"),
        ("on the sidelines of the summit of the Shanghai Cooperation Organisation",
         "SCO summit", "SCO"),
        # a capitalised name after the organisation is read as written
        ("on the sidelines of the meeting of the OSCE Council of Foreign Ministers",
         "OSCE Council of Foreign Ministers", "OSCE"),
        ("on the first day of the G7 leaders' summit", "G7 leaders' summit", "G7"),
    ],
)  # fmt: skip
def test_event_named_by_its_organisation(phrase: str, name: str, org: str) -> None:
    text = (
        "STOCKHOLM - U.S. Secretary of State Antony Blinken and Russian Foreign Minister "
        f"Sergei Lavrov held talks {phrase} on Thursday."
    )
    assert occasions(text, published="2021-12-02") == [
        (["Antony Blinken", "Sergei Lavrov"], name, org)
    ]
