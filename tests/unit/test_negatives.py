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
        # a past tense of a plan
        "Kishida was due to fly on to Jakarta later on Saturday for a meeting with Indonesian "
        "President Joko Widodo.",
        # a meeting at home with an adviser whose side is not stated
        "Before receiving his guest, Marcos held a preparatory meeting with Foreign Secretary "
        "Enrique Manalo and National Security Adviser Eduardo Ano.",
    ],
)
def test_distractor_adds_no_meeting(distractor: str) -> None:
    meetings = diplomodel.parse(REAL + distractor).meetings
    assert [sorted(p.side or "" for p in m.participants) for m in meetings] == [["JP", "PH"]]


def test_a_plan_in_a_relative_clause_does_not_rule_out_the_meeting() -> None:
    """The cue and the date of ", who is campaigning ahead of a July 4 election," speak of
    the campaign, not of the meeting."""
    text = (
        "BORGO EGNAZIA, Italy, June 14 (Reuters) - In a separate meeting, Indian Prime Minister "
        "Narendra Modi and British Prime Minister Rishi Sunak, who is campaigning ahead of a "
        "July 4 election, reviewed progress on a free trade agreement."
    )
    (meeting,) = diplomodel.parse(text, published="2024-06-14").meetings
    assert [p.name for p in meeting.participants] == ["Narendra Modi", "Rishi Sunak"]
    assert meeting.date is not None and meeting.date.iso == "2024-06-14"


def test_a_plan_in_the_relative_clause_of_the_meeting_still_counts() -> None:
    text = (
        "BERLIN, June 14 - German Chancellor Olaf Scholz, who will meet Indian Prime Minister "
        "Narendra Modi next week, is in Paris."
    )
    assert diplomodel.parse(text, published="2024-06-14").meetings == ()


def test_a_plan_in_announced_content_does_not_rule_out_the_talks() -> None:
    """'will from January 1' is what was announced after the talks, not a plan of them; a
    date after "from" starts a period ahead and dates no meeting."""
    text = (
        "NAIROBI - Kenyans will from January 1 be able to visit South Africa without a visa, "
        "President Cyril Ramaphosa announced on Wednesday after talks with President William "
        "Ruto at State House."
    )
    (meeting,) = diplomodel.parse(text, published="2022-11-09").meetings
    assert [p.name for p in meeting.participants] == ["Cyril Ramaphosa", "William Ruto"]
    # not January 1 (ahead); "announced on Wednesday" is the day of the statement
    assert meeting.date is None


def test_possibly_a_meeting_is_a_plan() -> None:
    text = (
        "WASHINGTON - A successful visit could open the way for possibly a meeting between "
        "U.S. President Joe Biden and Chinese President Xi Jinping in San Francisco."
    )
    assert diplomodel.parse(text, published="2023-06-14").meetings == ()


def test_what_a_call_came_after_is_history() -> None:
    text = (
        "WASHINGTON, Dec 7 (Reuters) - U.S. President Joe Biden warned Russian President "
        "Vladimir Putin on Tuesday in a video call that the West would respond with strong "
        "measures.\n\n"
        "The call came less than a week after Secretary of State Antony Blinken and Foreign "
        "Minister Sergei Lavrov met in Stockholm."
    )
    meetings = diplomodel.parse(text, published="2021-12-07").meetings
    assert [[p.name for p in m.participants] for m in meetings] == [["Joe Biden", "Vladimir Putin"]]


@pytest.mark.parametrize(
    "distractor",
    [
        "U.S. President Joe Biden had asked for the visit when he and Netanyahu last spoke by "
        "phone, on March 18.",
        "Officials said a bilateral meeting between Prime Minister Narendra Modi and Chinese "
        "President Xi Jinping had not been ruled out.",
    ],
)
def test_history_and_possibility_add_no_meeting(distractor: str) -> None:
    text = (
        "JERUSALEM - Israeli Prime Minister Benjamin Netanyahu received U.S. Ambassador Jack "
        f"Lew on Monday. {distractor}"
    )
    meetings = diplomodel.parse(text, published="2024-03-25").meetings
    assert [[p.name for p in m.participants] for m in meetings] == [
        ["Benjamin Netanyahu", "Jack Lew"]
    ]


def test_a_meeting_asked_about_with_whether_is_none() -> None:
    text = (
        "MOSCOW - Kremlin spokesman Dmitry Peskov declined to say whether a meeting between "
        "Russian President Vladimir Putin and U.S. President Donald Trump had been discussed."
    )
    assert diplomodel.parse(text, published="2025-04-11").meetings == ()


def test_meeting_to_discuss_whether_is_a_meeting() -> None:
    text = (
        "ANKARA - Turkish Foreign Minister Hakan Fidan and Russian Foreign Minister Sergei "
        "Lavrov met on Monday to discuss whether to extend the grain deal."
    )
    (meeting,) = diplomodel.parse(text, published="2023-07-17").meetings
    assert [p.name for p in meeting.participants] == ["Hakan Fidan", "Sergei Lavrov"]
