"""
Text that looks like a meeting report but reports no meeting that took place.
"""

from __future__ import annotations

import pytest

import diplomodel

REAL = (
    "Manila, 9 March 2024 - Japanese Prime Minister Fumio Kishida held talks with Philippine "
    "President Ferdinand Marcos Jr. at Malacanang Palace on Saturday.\n\n"
)


@pytest.mark.parametrize(
    "distractor",
    [
        # a noun phrase ruled out by a negation later in its sentence
        "A courtesy call by Kishida on Vice President Sara Duterte that had been pencilled in "
        "for Saturday morning was cancelled, her office said.",
        # an infinitive of a plan
        "Kishida had been expected to hold talks with Vice President Sara Duterte and possibly "
        "to be received by Senate President Juan Miguel Zubiri.",
        # history told during another visit
        "Kishida said he had raised the issue during his visit to Manila last month with "
        "Australian Prime Minister Anthony Albanese, when the two held talks with Marcos.",
        # a meeting that never took place; "the agreed time" is no verb
        "Brazilian President Luiz Inacio Lula da Silva had been due to see Kishida, but the "
        "meeting never took place. Lula said Kishida had not turned up at the agreed time.",
        # a headline's present tense of a cancellation
        "Vice President Sara Duterte calls off meeting with Kishida.",
        # a meeting at home with an adviser whose side is not stated
        "Before receiving his guest, Marcos held a preparatory meeting with Foreign Secretary "
        "Enrique Manalo and National Security Adviser Eduardo Ano.",
    ],
)
def test_distractor_adds_no_meeting(distractor: str) -> None:
    meetings = diplomodel.parse(REAL + distractor).meetings
    assert [sorted(p.side or "" for p in m.participants) for m in meetings] == [["JP", "PH"]]
