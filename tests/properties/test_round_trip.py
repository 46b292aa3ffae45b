"""
Round trip: parsing a rendered article recovers exactly the meetings it was written to report
(participants' names, sides and roles; date; place; mode; occasion and its organisation;
topics) and nothing from its distractors.

The comparison is strict on every guideline field; it goes through the project's evaluator
(``diplomodel.evaluation.evaluate``) and through a direct comparison of the guideline values.
Parser gaps that the renderer can expose are kept out of the default template mix
(``include_hard=False``) and pinned by strict xfail tests, one per gap, so a fix shows up as an
XPASS that fails the suite until its mark is removed. No gap is open now; the articles of the
gaps closed so far are ordinary tests at the bottom.
"""

from __future__ import annotations

import pytest
from _support import assert_reports, meeting, official
from hypothesis import example, given, settings

from diplomodel import Meeting
from diplomodel import strategies as dst
from diplomodel.render import RenderedArticle

FM = "foreign_minister"

# Articles that exercised a shape the renderer first wrote wrongly, or that the parser must
# keep handling; each is an (text, expected) pair as strategies.articles() yields them.
SEED_LIKE = (
    "Lodz, 1 December 2022 (TDI): The Foreign Affairs Minister of Azerbaijan, Arvid Kelmoran, "
    "met with his Turkish counterpart Sevrin Velindor on the sidelines of the OSCE Ministerial "
    "Council in Lodz. The two sides discussed trade and energy cooperation.",
    [
        meeting(
            official("Arvid Kelmoran", "AZ", FM, "Foreign Affairs Minister"),
            official("Sevrin Velindor", "TR", FM, "Foreign Minister"),
            date="2022-12-01",
            place=("Lodz", "PL"),
            occasion=("OSCE Ministerial Council", "OSCE"),
            topics=["trade", "energy"],
        )
    ],
)
ORG_FIRST_IN_LIST = (
    "Turkish Foreign Minister Arvid Kelmoran met with ASEAN Secretary-General Arlan Talquist "
    "and Armenian President Sevran Corquist on 3 March 2024.",
    [
        meeting(
            official("Arvid Kelmoran", "TR", FM, "Foreign Minister"),
            official("Arlan Talquist", "ASEAN", "org_leader", "ASEAN Secretary-General"),
            official("Sevran Corquist", "AM", "head_of_state", "President"),
            date="2024-03-03",
        )
    ],
)
UNNAMED_ALONE = (
    "The Emir of Qatar received President Arvid Kelmoran of Rwanda in Doha on 8 December 2024.",
    [
        meeting(
            official(None, "QA", "head_of_state", "Emir"),
            official("Arvid Kelmoran", "RW", "head_of_state", "President"),
            date="2024-12-08",
            place=("Doha", "QA"),
        )
    ],
)
PLURAL_SAME_ROLE = (
    "The foreign ministers of Turkey, Azerbaijan and Georgia, Arvid Kelmoran, Sevrin Velindor "
    "and Armas Keldor, met in Tbilisi on 3 March 2024. They discussed railways.",
    [
        meeting(
            official("Arvid Kelmoran", "TR", FM, "Foreign Minister"),
            official("Sevrin Velindor", "AZ", FM, "Foreign Minister"),
            official("Armas Keldor", "GE", FM, "Foreign Minister"),
            date="2024-03-03",
            place=("Tbilisi", "GE"),
            topics=["transport"],
        )
    ],
)
ALSO_MET = (
    "Lodz, 1 December 2022 (TDI): Turkish Foreign Minister Arvid Kelmoran met with Azerbaijani "
    "Foreign Minister Sevrin Velindor.\n\nLater, Kelmoran also met Georgian Foreign Minister "
    "Armas Keldor in Tbilisi on Friday.",
    [
        meeting(
            official("Arvid Kelmoran", "TR", FM, "Foreign Minister"),
            official("Sevrin Velindor", "AZ", FM, "Foreign Minister"),
            date="2022-12-01",
            place=("Lodz", "PL"),
        ),
        meeting(
            official("Arvid Kelmoran", "TR", FM, "Foreign Minister"),
            official("Armas Keldor", "GE", FM, "Foreign Minister"),
            date="2022-11-25",
            place=("Tbilisi", "GE"),
        ),
    ],
)
ONLY_DISTRACTORS = (
    "Georgian Prime Minister Arlan Sevmar is due to hold talks with Armenian Prime Minister "
    "Arven Tevkin in Yerevan next week. A planned meeting between Kazakh President Torlan "
    "Kelmar and Uzbek President Armas Velnov has been postponed.",
    [],
)
PHONE_WITHOUT_REFERENCE = (
    "US Secretary of State Arvid Kelmoran spoke by phone with Kenyan Foreign Minister Sevrin "
    "Velindor on Tuesday. They discussed counter-terrorism.",
    [
        meeting(
            official("Arvid Kelmoran", "US", FM, "Secretary of State"),
            official("Sevrin Velindor", "KE", FM, "Foreign Minister"),
            mode="phone",
            topics=["terrorism"],
        )
    ],
)

# Found with 1,500 examples: a counterpart's office carries over to their later meetings.
COUNTERPART_LATER = (
    "Accra, 1 January 2015 (TDI): Trade Minister Armas Kellin of Armenia spoke by phone with his "
    "counterpart from Ghana, Arvid Kelran.\n\nKelran spoke by phone with ASEAN "
    "Secretary-General Arlan Kelevic on 3 January 2015.",
    [
        meeting(
            official("Armas Kellin", "AM", "minister", "Trade Minister"),
            official("Arvid Kelran", "GH", "minister", None),
            date="2015-01-01",
            mode="phone",
        ),
        meeting(
            official("Arvid Kelran", "GH", "minister", None),
            official("Arlan Kelevic", "ASEAN", "org_leader", "ASEAN Secretary-General"),
            date="2015-01-03",
            mode="phone",
        ),
    ],
)


@given(dst.rendered_articles())
def test_rendered_articles_round_trip(article: RenderedArticle) -> None:
    """Parsing a rendered article (with its publication date) gives exactly its meetings."""
    assert_reports(article.text, article.expected, article.published)


@example(SEED_LIKE)
@example(ORG_FIRST_IN_LIST)
@example(UNNAMED_ALONE)
@example(PLURAL_SAME_ROLE)
@example(ALSO_MET)
@example(ONLY_DISTRACTORS)
@example(PHONE_WITHOUT_REFERENCE)
@example(COUNTERPART_LATER)
@given(dst.articles())
def test_articles_round_trip(pair: tuple[str, list[Meeting]]) -> None:
    """The public (text, expected) pairs round-trip, parsed with published=None."""
    text, expected = pair
    assert_reports(text, expected, None)


@given(dst.articles(min_meetings=0, max_meetings=0))
def test_distractors_alone_report_nothing(pair: tuple[str, list[Meeting]]) -> None:
    """Plans, letters, statements, same-country meetings and news report no meeting."""
    text, expected = pair
    assert expected == []
    assert_reports(text, expected, None)


@settings(max_examples=150)  # articles of two to four meetings: each example costs several
@given(dst.rendered_articles(min_meetings=2, max_meetings=4, distractors=False))
def test_several_meetings_round_trip(article: RenderedArticle) -> None:
    """Articles with several meetings (series with one official, separate pairs)."""
    assert_reports(article.text, article.expected, article.published)


# ----------------------------------------------------------------------------------------------
# Parser gaps the hard templates (include_hard=True) once exposed, one minimal article each.
# A new gap goes into a GAPS list with a strict xfail, so that its fix fails the suite until
# the mark is removed and the article moves here (see docs/testing.md).

CLOSED_GAPS = [
    pytest.param(
        "Kelmoran and Velindor meet in Prague\n\nRabat, 15 November 2016 (MAP): Moroccan "
        "President Arvid Kelmoran met with Czech President Sevrin Velindor on the margins of "
        "the G20 summit in Prague.",
        [
            meeting(
                official("Arvid Kelmoran", "MA", "head_of_state", "President"),
                official("Sevrin Velindor", "CZ", "head_of_state", "President"),
                date="2016-11-15",
                place=("Prague", "CZ"),
                occasion=("G20 summit", "G20"),
            )
        ],
        None,
        id="headline-city-then-dateline-hides-the-meeting-city",
    ),
    pytest.param(
        "Lodz, 1 December 2022 (TDI): Turkish Foreign Minister Arvid Kelmoran met with "
        "Azerbaijani Foreign Minister Sevrin Velindor.\n\nThe meeting between Georgian "
        "President Armas Keldor and Armenian President Arven Tevkin planned for Friday has been "
        "postponed.",
        [
            meeting(
                official("Arvid Kelmoran", "TR", FM, "Foreign Minister"),
                official("Sevrin Velindor", "AZ", FM, "Foreign Minister"),
                date="2022-12-01",
                place=("Lodz", "PL"),
            )
        ],
        None,
        id="postponed-meeting-replaces-the-date",
    ),
    pytest.param(
        "Lodz, 1 December 2022 (TDI): Turkish Foreign Minister Arvid Kelmoran met with "
        "Azerbaijani Foreign Minister Sevrin Velindor. Turkish President Armas Keldor met "
        "Turkish Defence Minister Arven Tevkin in Ankara on Tuesday.",
        [
            meeting(
                official("Arvid Kelmoran", "TR", FM, "Foreign Minister"),
                official("Sevrin Velindor", "AZ", FM, "Foreign Minister"),
                date="2022-12-01",
                place=("Lodz", "PL"),
            )
        ],
        None,
        id="same-country-meeting-replaces-place-and-date",
    ),
    pytest.param(
        "In Lodz, the Foreign Minister of Turkey, Sevrin Velindor, held talks with Azerbaijani "
        "Foreign Minister Arvid Kelmoran on 1 December 2022.",
        [
            meeting(
                official("Sevrin Velindor", "TR", FM, "Foreign Minister"),
                official("Arvid Kelmoran", "AZ", FM, "Foreign Minister"),
                date="2022-12-01",
                place=("Lodz", "PL"),
            )
        ],
        None,
        id="place-first-then-the-title-of-reads-the-city-as-a-name",
    ),
    pytest.param(
        "Aylé Varnenov, the Turkish Foreign Minister, and Romania's Foreign Affairs Minister "
        "Orrik Renrutik met in Bucharest on 3 March 2024.",
        [
            meeting(
                official("Aylé Varnenov", "TR", FM, "Foreign Minister"),
                official("Orrik Renrutik", "RO", FM, "Foreign Affairs Minister"),
                date="2024-03-03",
                place=("Bucharest", "RO"),
            )
        ],
        None,
        id="name-the-title-apposition-then-and-loses-the-meeting",
    ),
    pytest.param(
        "Turkish Foreign Minister Arvid Kelmoran met Azerbaijani Foreign Minister Sevrin "
        "Velindor on the sidelines of the APEC Economic Leaders\u2019 Meeting in Lima on "
        "3 March 2024.",
        [
            meeting(
                official("Arvid Kelmoran", "TR", FM, "Foreign Minister"),
                official("Sevrin Velindor", "AZ", FM, "Foreign Minister"),
                date="2024-03-03",
                place=("Lima", "PE"),
                occasion=("APEC Economic Leaders\u2019 Meeting", "APEC"),
            )
        ],
        None,
        id="curly-apostrophe-ends-an-occasion-name",
    ),
    pytest.param(
        "Turkish President Arvid Kelmoran hosted Greek President Sevrin Velindor for talks in "
        "Rio de Janeiro on 21 July 2024.",
        [
            meeting(
                official("Arvid Kelmoran", "TR", "head_of_state", "President"),
                official("Sevrin Velindor", "GR", "head_of_state", "President"),
                date="2024-07-21",
                place=("Rio de Janeiro", "BR"),
            )
        ],
        None,
        id="talks-in-city-with-particle-adds-a-participant",
    ),
    pytest.param(
        "Georgian National Security Adviser Arvid Kelran held a phone call with ASEAN "
        "Secretary-General Armas Keldor on 3 March 2024.",
        [
            meeting(
                official("Arvid Kelran", "GE", "official", "National Security Adviser"),
                official("Armas Keldor", "ASEAN", "org_leader", "ASEAN Secretary-General"),
                date="2024-03-03",
                mode="phone",
            )
        ],
        None,
        id="georgian-official-read-as-us-state",
    ),
    pytest.param(
        "Prime Minister Sevrin Velindor of the United States held talks with Turkish President "
        "Arvid Kelmoran in Accra on 3 March 2024.",
        [
            meeting(
                official("Sevrin Velindor", "US", "head_of_government", "Prime Minister"),
                official("Arvid Kelmoran", "TR", "head_of_state", "President"),
                date="2024-03-03",
                place=("Accra", "GH"),
            )
        ],
        None,
        id="title-name-of-the-country-side-not-read",
    ),
    pytest.param(
        "Turkish Foreign Minister Arvid Kelmoran held a bilateral meeting with Azerbaijani "
        "Foreign Minister Sevrin Velindor in Baku on 3 March 2024.",
        [
            meeting(
                official("Arvid Kelmoran", "TR", FM, "Foreign Minister"),
                official("Sevrin Velindor", "AZ", FM, "Foreign Minister"),
                date="2024-03-03",
                place=("Baku", "AZ"),
            )
        ],
        None,
        id="bilateral-meeting-phrase-is-read-as-a-topic",
    ),
    pytest.param(
        "Turkish Foreign Minister Arvid Kelmoran met with Armenian President Sevran Corquist "
        "and ASEAN Secretary-General Arlan Talquist on 3 March 2024.",
        ORG_FIRST_IN_LIST[1],
        None,
        id="org-official-after-country-official-takes-its-country",
    ),
    pytest.param(
        "Turkish Foreign Minister Arvid\u00a0Kelmoran met Azerbaijani Foreign Minister Sevrin "
        "Velindor in Baku on 3 March 2024.",
        [
            meeting(
                official("Arvid Kelmoran", "TR", FM, "Foreign Minister"),
                official("Sevrin Velindor", "AZ", FM, "Foreign Minister"),
                date="2024-03-03",
                place=("Baku", "AZ"),
            )
        ],
        None,
        id="non-breaking-space-ends-a-name",
    ),
    pytest.param(
        "Lodz, 1\u00a0December\u00a02022 (TDI): Turkish Foreign Minister Arvid Kelmoran met "
        "Azerbaijani Foreign Minister Sevrin Velindor.",
        [
            meeting(
                official("Arvid Kelmoran", "TR", FM, "Foreign Minister"),
                official("Sevrin Velindor", "AZ", FM, "Foreign Minister"),
                date="2022-12-01",
                place=("Lodz", "PL"),
            )
        ],
        None,
        id="non-breaking-spaces-hide-a-date",
    ),
]


@pytest.mark.parametrize(("text", "expected", "published"), CLOSED_GAPS)
def test_closed_parser_gap(text: str, expected: list[Meeting], published: None) -> None:
    """A gap this suite once pinned as a strict xfail, now read right."""
    assert_reports(text, expected, published)
