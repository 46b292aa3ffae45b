"""
A minister's day told as a readout: one named subject, then "He met ...", "His Highness
met ..." sentences, each a meeting of its own.
"""

from __future__ import annotations

import diplomodel

READOUT = (
    "Rio de Janeiro, 21 February 2024 (SPA) -- Foreign Minister Prince Faisal bin Farhan bin "
    "Abdullah held a series of meetings today on the sidelines of the G20 Foreign Ministers' "
    "Meeting.\n\n"
    "His Highness met with Brazil's Minister of Foreign Affairs Mauro Vieira, and they "
    "reviewed relations between the two kingdoms' partners.\n\n"
    "He also met with British Foreign Secretary David Cameron.\n\n"
    "She later spoke of the talks."
)


def pairs(text: str) -> list[list[tuple[str | None, str | None]]]:
    return [[(p.name, p.side) for p in m.participants] for m in diplomodel.parse(text).meetings]


def test_pronoun_subjects_are_the_subject_of_the_scene_setting_sentence() -> None:
    assert pairs(READOUT) == [
        [("Faisal bin Farhan bin Abdullah", "SA"), ("Mauro Vieira", "BR")],
        [("Faisal bin Farhan bin Abdullah", "SA"), ("David Cameron", "GB")],
    ]


def test_pronoun_subject_is_the_subject_of_the_last_meeting() -> None:
    text = (
        "Nairobi, 3 May 2023 -- Kenyan Foreign Minister Alfred Mutua met Ugandan Foreign "
        "Minister Jeje Odongo.\n\nHe also met Rwandan Foreign Minister Vincent Biruta."
    )
    assert pairs(text)[1] == [("Alfred Mutua", "KE"), ("Vincent Biruta", "RW")]


def test_a_fuller_form_of_a_known_name_takes_its_side() -> None:
    """The known name "Faisal bin Farhan" inside "Faisal bin Farhan bin Abdullah"."""
    (meeting, _) = diplomodel.parse(READOUT).meetings
    faisal = meeting.participants[0]
    assert (faisal.side, faisal.role.value) == ("SA", "foreign_minister")


def test_dateline_city_with_lower_case_word_is_the_place() -> None:
    (meeting, _) = diplomodel.parse(READOUT).meetings
    assert meeting.place is not None
    assert (meeting.place.name, meeting.place.country.alpha2) == ("Rio de Janeiro", "BR")
