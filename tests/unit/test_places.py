"""Where a meeting happened: towns the gazetteer lacks, named before their country."""

from __future__ import annotations

import unicodedata

import pytest

import diplomodel


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In Paris-Saclay, France, Minister of Foreign Affairs Ewa Lindqvist of Sweden met "
            "French Foreign Minister Paul Arnaud.",
            ("Paris-Saclay", "FR"),
        ),
        (
            "At Nusa Dua, Indonesia, Foreign Minister Retno Marsudi met Japanese Foreign "
            "Minister Yoshimasa Hayashi.",
            ("Nusa Dua", "ID"),
        ),
        (
            "Foreign Minister Retno Marsudi met Japanese Foreign Minister Yoshimasa Hayashi in "
            "Nusa Dua, Indonesia, on Monday.",
            ("Nusa Dua", "ID"),
        ),
    ],
)
def test_town_before_country(text: str, expected: tuple[str, str]) -> None:
    """'In X, COUNTRY' names the town X, also at the start of a sentence and when X contains
    a capital's name."""
    (meeting,) = diplomodel.parse(text).meetings

    assert meeting.place is not None
    assert meeting.place.country is not None
    assert expected == (meeting.place.name, meeting.place.country.alpha2)


def test_country_after_country_is_no_town() -> None:
    """'in Kosovo, Serbia'-style pairs of country names do not make a town."""
    text = (
        "Foreign Minister Retno Marsudi met Japanese Foreign Minister Yoshimasa Hayashi in "
        "Brunei, Malaysia and Singapore last week."
    )
    (meeting,) = diplomodel.parse(text).meetings

    assert meeting.place is None or meeting.place.name is None


def test_country_opening_a_possessive_is_no_place_country() -> None:
    """In 'In Moscow, Angola's President ...' Angola is a side, not Moscow's country."""
    text = "In Moscow, Angola's President Arvid Kelran held talks with the President of Armenia."
    (meeting,) = diplomodel.parse(text).meetings

    assert meeting.place is not None
    assert meeting.place.country is not None
    assert (meeting.place.name, meeting.place.country.alpha2) == ("Moscow", "RU")


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_capitals_dateline_city_is_title_cased_in_either_normal_form(form: str) -> None:
    """'SÃO PAULO, ...' gives the place 'São Paulo', also when the text is decomposed."""
    text = unicodedata.normalize(
        form,
        "SÃO PAULO, 3 May 2024 (AFP): Turkish Foreign Minister Arvid Kelran met the President "
        "of Armenia.",
    )
    (meeting,) = diplomodel.parse(text).meetings

    assert meeting.place is not None
    assert unicodedata.normalize("NFC", meeting.place.name or "") == "São Paulo"


def test_town_never_spans_a_line_break() -> None:
    """A headline ending in a city, then a dateline 'CITY, Country': no 'Muscat\\n\\nMUSCAT'."""
    text = (
        "Iran and Oman hold talks in Muscat\n\n"
        "MUSCAT, Oman - Iranian Foreign Minister Abbas Araghchi met Oman's Foreign Minister "
        "Badr Albusaidi on Saturday."
    )
    names = [m.place.name for m in diplomodel.parse(text).meetings if m.place]
    assert names == ["Muscat"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("in the Kazakh capital", "Astana"), ("to the Thai capital", "Bangkok")],
)
def test_demonym_capital_is_the_capital_city(phrase: str, expected: str) -> None:
    """'in the Kazakh capital' is Astana."""
    text = (
        f"Russian President Vladimir Putin met Chinese President Xi Jinping {phrase} on Wednesday."
    )
    (meeting,) = diplomodel.parse(text, published="2024-07-04").meetings
    assert meeting.place is not None and meeting.place.name == expected


def test_venue_or_district_before_a_capital_names_the_capital() -> None:
    """'in Singha Durbar, Kathmandu': a district then its capital places the meeting in the
    capital; 'in Charlevoix, Quebec' (a town, then a city that is no capital) does not."""
    text = (
        "Indian Ambassador Naveen Srivastava called on Nepalese Prime Minister Pushpa Kamal "
        "Dahal at his office in Singha Durbar, Kathmandu."
    )
    (meeting,) = diplomodel.parse(text).meetings
    assert meeting.place is not None
    assert meeting.place.name == "Kathmandu"
    text = (
        "Canadian Prime Minister Justin Trudeau met Japanese Prime Minister Shinzo Abe in "
        "Charlevoix, Quebec."
    )
    (meeting,) = diplomodel.parse(text).meetings
    assert meeting.place is None or meeting.place.name != "Quebec"
