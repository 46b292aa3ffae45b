"""
A day of talks told as a sequence: a pronoun after a scene-setting sentence, the place of that
scene, "first met A and then B", "met A and B separately", and offices whose brief or
possessive would hide the name that follows them.
"""

from __future__ import annotations

import diplomodel
from diplomodel.engine import Parser
from diplomodel.rules import default_rulebook


def meetings(text: str, parser: Parser | None = None) -> list[list[tuple[str | None, str | None]]]:
    result = (parser or Parser()).parse(text, published="2023-02-28")
    return [[(p.name, p.side) for p in m.participants] for m in result.meetings]


def places(text: str, parser: Parser | None = None) -> list[str | None]:
    result = (parser or Parser()).parse(text, published="2023-02-28")
    return [m.place.name if m.place else None for m in result.meetings]


TRAVEL = (
    "US Secretary of State Antony Blinken travelled to Beijing on Monday.\n\n"
    "He met with Chinese Foreign Minister Wang Yi."
)


def test_a_pronoun_refers_to_the_person_of_the_sentence_before() -> None:
    assert meetings(TRAVEL) == [[("Antony Blinken", "US"), ("Wang Yi", "CN")]]


def test_a_pronoun_with_no_named_person_before_it_reports_nothing() -> None:
    text = "The weather was fine on Monday.\n\nHe met with Chinese Foreign Minister Wang Yi."
    assert meetings(text) == []


def test_a_pronoun_does_not_join_a_person_of_the_same_side() -> None:
    text = (
        "Chinese Vice Premier Ding Xuexiang travelled to Shanghai on Monday.\n\n"
        "He met with Chinese Foreign Minister Wang Yi."
    )
    assert meetings(text) == []


def test_a_meeting_without_place_words_takes_the_place_of_its_scene() -> None:
    assert places(TRAVEL) == ["Beijing"]
    text = (
        "PARIS, May 21 -- French President Emmanuel Macron stopped in Ulaanbaatar on Sunday.\n\n"
        "He was welcomed at the State Palace by the President of Mongolia, Ukhnaagiin "
        "Khurelsukh, for talks on energy."
    )
    assert places(text) == ["Ulaanbaatar"]


def test_a_past_trip_sets_no_scene() -> None:
    text = (
        "WASHINGTON, July 14 -- US Secretary of State Antony Blinken travelled to Beijing last "
        "month.\n\nHe met with Indonesian Foreign Minister Retno Marsudi on Thursday."
    )
    assert places(text) == ["Washington"]


def test_the_scene_rule_can_be_switched_off() -> None:
    parser = Parser(default_rulebook().without("place.scene"))
    assert places(TRAVEL, parser) == [None]


def test_first_met_a_and_then_b_is_two_meetings() -> None:
    text = (
        "EU foreign policy chief Josep Borrell first met Kosovo Prime Minister Albin Kurti and "
        "then Serbian President Aleksandar Vucic in Brussels on Monday."
    )
    assert meetings(text) == [
        [("Josep Borrell", "EU"), ("Albin Kurti", "XK")],
        [("Josep Borrell", "EU"), ("Aleksandar Vucic", "RS")],
    ]
    # "and then" is a step of the sequence, not "then-President": Vucic stays head of state
    roles = {p.name: p.role for p in diplomodel.parse(text).meetings[1].participants}
    assert roles["Aleksandar Vucic"] is diplomodel.Role.HEAD_OF_STATE


def test_first_met_without_a_later_step_is_still_history() -> None:
    assert meetings("Presidents Joe Biden and Xi Jinping first met in 2011 in Beijing.") == []


def test_met_a_and_b_separately_is_one_meeting_each_with_every_host() -> None:
    text = (
        "Josep Borrell and the EU Special Representative for the Belgrade-Pristina Dialogue, "
        "Miroslav Lajcak, met Kosovo Prime Minister Albin Kurti and Serbian President "
        "Aleksandar Vucic separately in Brussels on Monday, before bringing the two together "
        "for a trilateral session."
    )
    assert meetings(text) == [
        [("Josep Borrell", "EU"), ("Miroslav Lajcak", "EU"), ("Albin Kurti", "XK")],
        [("Josep Borrell", "EU"), ("Miroslav Lajcak", "EU"), ("Aleksandar Vucic", "RS")],
    ]


def test_separate_meetings_with_a_and_b_are_not_a_meeting_between_a_and_b() -> None:
    text = (
        "EU mediators held separate meetings on Thursday with Kosovo Prime Minister Albin "
        "Kurti and Serbian President Aleksandar Vucic in Brussels."
    )
    assert [("Albin Kurti", "XK"), ("Aleksandar Vucic", "RS")] not in meetings(text)


def test_a_joint_session_after_separate_meetings_does_not_merge_them() -> None:
    text = (
        "Josep Borrell held separate meetings with Kosovo Prime Minister Albin Kurti and "
        "Serbian President Aleksandar Vucic in Brussels on Monday, before a joint session."
    )
    assert meetings(text) == [
        [("Josep Borrell", "EU"), ("Albin Kurti", "XK")],
        [("Josep Borrell", "EU"), ("Aleksandar Vucic", "RS")],
    ]


def test_an_envoys_brief_may_name_a_capital_before_the_name() -> None:
    text = (
        "The EU Special Representative for the Belgrade-Pristina Dialogue, Miroslav Lajcak, met "
        "Kosovo Prime Minister Albin Kurti in Pristina on Monday."
    )
    official = diplomodel.parse(text).meetings[0].participants[0]
    assert (official.name, official.side, official.role) == (
        "Miroslav Lajcak",
        "EU",
        diplomodel.Role.ENVOY,
    )


def test_the_eus_foreign_policy_chief_is_the_high_representative() -> None:
    text = (
        "The bloc's foreign policy chief, Kaja Kallas, met Ukrainian Foreign Minister Andrii "
        "Sybiha in Kyiv on Monday."
    )
    official = diplomodel.parse(text).meetings[0].participants[0]
    assert (official.name, official.side, official.role) == (
        "Kaja Kallas",
        "EU",
        diplomodel.Role.ORG_LEADER,
    )


def test_a_full_name_joined_by_and_to_a_subject_is_a_subject_too() -> None:
    text = "Josep Borrell and Miroslav Lajcak met Kosovo Prime Minister Albin Kurti on Monday."
    assert [name for name, _ in meetings(text)[0]] == [
        "Josep Borrell",
        "Miroslav Lajcak",
        "Albin Kurti",
    ]


def test_an_office_held_years_before_is_not_the_persons_role() -> None:
    # Lajcak was Slovakia's foreign minister until 2020; in 2023 the table gives no office
    text = "Josep Borrell and Miroslav Lajcak met Kosovo Prime Minister Albin Kurti on Monday."
    lajcak = diplomodel.parse(text, published="2023-02-28").meetings[0].participants[1]
    assert lajcak.role is diplomodel.Role.OFFICIAL
    lajcak = diplomodel.parse(text, published="2019-02-28").meetings[0].participants[1]
    assert lajcak.role is diplomodel.Role.FOREIGN_MINISTER


def test_a_shared_adjective_does_not_override_a_known_office_holders_side() -> None:
    text = (
        "Indian Prime Minister Narendra Modi and President Joe Biden held talks at the White "
        "House on Friday."
    )
    result = diplomodel.parse(text, published="2023-06-24")
    assert [(p.name, p.side) for p in result.meetings[0].participants] == [
        ("Narendra Modi", "IN"),
        ("Joe Biden", "US"),
    ]


def test_a_shared_adjective_still_gives_its_side_to_a_coordinated_office() -> None:
    text = (
        "Australian Foreign Minister Penny Wong and Defence Minister Richard Marles met "
        "Japanese Foreign Minister Yoko Kamikawa in Tokyo."
    )
    assert meetings(text) == [
        [("Penny Wong", "AU"), ("Richard Marles", "AU"), ("Yoko Kamikawa", "JP")]
    ]


def test_separate_bilateral_meetings_with_a_and_with_b() -> None:
    text = (
        "On the margins of the summit, Indian Prime Minister Narendra Modi held separate "
        "bilateral meetings with Barbados Prime Minister Mia Mottley and with Grenadian Prime "
        "Minister Dickon Mitchell."
    )
    assert meetings(text) == [
        [("Narendra Modi", "IN"), ("Mia Mottley", "BB")],
        [("Narendra Modi", "IN"), ("Dickon Mitchell", "GD")],
    ]


def test_witnessing_a_signing_together_is_a_meeting() -> None:
    text = (
        "Malaysian Prime Minister Anwar Ibrahim and his Singaporean counterpart Lawrence Wong "
        "today witnessed the signing of an agreement on a special economic zone."
    )
    assert meetings(text) == [[("Anwar Ibrahim", "MY"), ("Lawrence Wong", "SG")]]
    alone = "Malaysian Prime Minister Anwar Ibrahim today witnessed the signing of a contract."
    assert meetings(alone) == []


def test_a_former_office_does_not_decide_the_side_of_a_current_one() -> None:
    text = (
        "New NATO Secretary-General Mark Rutte met President Volodymyr Zelenskiy in Kyiv on "
        "Thursday. Rutte, a former Dutch prime minister, took over on Tuesday."
    )
    assert meetings(text) == [[("Mark Rutte", "NATO"), ("Volodymyr Zelenskiy", "UA")]]


def test_a_meeting_between_three_leaders() -> None:
    text = (
        "A trilateral meeting between President of Azerbaijan Ilham Aliyev, Prime Minister of "
        "Armenia Nikol Pashinyan and Chancellor of Germany Olaf Scholz was held in Munich on "
        "Saturday."
    )
    assert meetings(text) == [
        [("Ilham Aliyev", "AZ"), ("Nikol Pashinyan", "AM"), ("Olaf Scholz", "DE")]
    ]


def test_an_expected_meeting_has_not_taken_place() -> None:
    text = (
        "US Senator Chuck Schumer met Chinese President Xi Jinping in Beijing on Wednesday. "
        "The trip comes weeks before an expected meeting between President Joe Biden and Xi "
        "in San Francisco."
    )
    assert meetings(text) == [[("Chuck Schumer", "US"), ("Xi Jinping", "CN")]]


def test_the_office_of_the_protagonist_with_an_adverb_before_the_verb() -> None:
    text = (
        "HANOI - Philippine President Ferdinand Marcos Jr. and Vietnamese President Vo Van "
        "Thuong held talks on Tuesday. Marcos said the talks went well.\n\n"
        "Later on Tuesday, Marcos met Prime Minister Pham Minh Chinh. Marcos thanked him.\n\n"
        "The President also paid a courtesy call on Nguyen Phu Trong, General Secretary of the "
        "Communist Party of Vietnam."
    )
    pairs = meetings(text)
    assert [("Ferdinand Marcos Jr.", "PH"), ("Nguyen Phu Trong", "VN")] in pairs


def test_a_known_office_holders_side_is_shared_with_a_coordinated_office() -> None:
    text = (
        "MANILA - Foreign Affairs Secretary Enrique Manalo and Defense Secretary Gilberto "
        "Teodoro met Japanese Foreign Minister Yoko Kamikawa on Monday."
    )
    result = diplomodel.parse(text, published="2024-07-08")
    assert [(p.name, p.side) for p in result.meetings[0].participants] == [
        ("Enrique Manalo", "PH"),
        ("Gilberto Teodoro", "PH"),
        ("Yoko Kamikawa", "JP"),
    ]


def test_hours_later_starts_a_second_call() -> None:
    text = (
        "Indian Prime Minister Narendra Modi on Wednesday spoke on the phone with Russian "
        "President Vladimir Putin, and hours later held a telephone conversation with Ukrainian "
        "President Volodymyr Zelenskyy."
    )
    assert meetings(text) == [
        [("Narendra Modi", "IN"), ("Vladimir Putin", "RU")],
        [("Narendra Modi", "IN"), ("Volodymyr Zelenskyy", "UA")],
    ]


def test_first_met_alone_then_a_separate_meeting_in_the_next_sentence() -> None:
    text = (
        "LVIV, Aug 18 - Turkish President Tayyip Erdogan and UN Secretary-General Antonio "
        "Guterres held talks with Ukrainian President Volodymyr Zelenskiy in Lviv on Thursday.\n\n"
        "Erdogan first met Zelenskiy alone.\n\n"
        "Guterres then held a separate meeting with Zelenskiy."
    )
    assert [("Tayyip Erdogan", "TR"), ("Volodymyr Zelenskiy", "UA")] in meetings(text)


SEPARATE = (
    "Putin holds talks with Erdogan, Pezeshkian in Kazan\n\n"
    "KAZAN, October 23 - Russian President Vladimir Putin held separate meetings today with "
    "Turkish President Recep Tayyip Erdogan and Iranian President Masoud Pezeshkian.\n\n"
    "In the meeting with Pezeshkian, Putin spoke of a transport corridor.\n\n"
    "Opening the talks with Erdogan, Putin condemned terrorism."
)


def test_separate_meetings_with_a_subject_are_one_meeting_each() -> None:
    assert meetings(SEPARATE) == [
        [("Vladimir Putin", "RU"), ("Recep Tayyip Erdogan", "TR")],
        [("Vladimir Putin", "RU"), ("Masoud Pezeshkian", "IR")],
    ]


def test_a_reference_naming_a_person_goes_to_that_persons_meeting() -> None:
    result = Parser().parse(SEPARATE, published="2024-10-23")
    topics = {m.participants[1].name: {t.code for t in m.topics} for m in result.meetings}
    assert "terrorism" in topics["Recep Tayyip Erdogan"]
    assert "terrorism" not in topics["Masoud Pezeshkian"]
    assert "transport" in topics["Masoud Pezeshkian"]


def test_a_meeting_in_an_earlier_month_is_history() -> None:
    text = (
        "SINGAPORE, June 1 - US Defense Secretary Lloyd Austin met Chinese Defence Minister Dong "
        "Jun on Friday.\n\n"
        "Austin and Dong held a video call in April, their first since Dong took office."
    )
    result = diplomodel.parse(text, published="2024-06-01")
    assert len(result.meetings) == 1
    assert result.meetings[0].date is not None
    assert str(result.meetings[0].date.value) == "2024-05-31"


def test_an_earlier_contact_told_after_the_meeting_does_not_make_it_history() -> None:
    text = (
        "JAKARTA, Feb 7 - Australian Foreign Minister Penny Wong met Indonesian Foreign "
        "Minister Sugiono in Jakarta.\n\n"
        "The meeting followed a phone call between the two ministers in November."
    )
    assert meetings(text) == [[("Penny Wong", "AU"), ("Sugiono", "ID")]]


def test_a_holding_verb_and_a_meeting_noun_a_few_words_apart() -> None:
    text = (
        "European Council President Charles Michel held their first face-to-face summit with "
        "Chinese President Xi Jinping in Beijing on Thursday."
    )
    assert meetings(text) == [[("Charles Michel", "EU"), ("Xi Jinping", "CN")]]
    planned = (
        "European Council President Charles Michel will hold a long-delayed summit with "
        "Chinese President Xi Jinping in Beijing next week."
    )
    assert meetings(planned) == []


def test_welcoming_a_role_or_a_decision_is_no_meeting() -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky said Ukraine welcomes China playing an "
        "important role, and Chinese President Xi Jinping welcomed the progress made."
    )
    assert meetings(text) == []


def test_welcoming_a_guest_is_a_meeting() -> None:
    for text in (
        "Thai Prime Minister Paetongtarn Shinawatra welcomed her Cambodian counterpart Hun "
        "Manet at Government House.",
        "Ethiopian Prime Minister Abiy Ahmed was welcomed to Asmara by Eritrean President "
        "Isaias Afwerki.",
        "Ukrainian President Volodymyr Zelensky welcomed the Chinese Foreign Minister Wang Yi "
        "in Kyiv.",
    ):
        assert len(meetings(text)) == 1, text


def test_a_person_the_meeting_was_about_is_no_participant() -> None:
    text = (
        "BEIJING - Chinese Vice Foreign Minister Xie Feng summoned U.S. Ambassador Nicholas "
        "Burns on Tuesday and lodged a strong protest over the visit of U.S. House Speaker "
        "Nancy Pelosi to Taiwan."
    )
    assert meetings(text) == [[("Xie Feng", "CN"), ("Nicholas Burns", "US")]]


SCENE_DAY = (
    "BRUSSELS (AP) - Norway's foreign minister on Sunday handed diplomatic documents to the "
    "Palestinian prime minister.\n\n"
    "Foreign Minister Espen Barth Eide met Prime Minister Mohammad Mustafa on "
    "the margins of a donors' meeting."
)


def test_a_meeting_without_date_words_takes_the_day_of_its_scene() -> None:
    result = Parser().parse(SCENE_DAY, published="2024-05-27")
    assert [str(m.date.value) if m.date else None for m in result.meetings] == ["2024-05-26"]


def test_the_scene_day_rule_can_be_switched_off() -> None:
    parser = Parser(default_rulebook().without("date.scene"))
    result = parser.parse(SCENE_DAY, published="2024-05-27")
    assert [str(m.date.value) if m.date else None for m in result.meetings] != ["2024-05-26"]


def test_afterwards_starts_a_further_meeting() -> None:
    text = (
        "BRUSSELS, MAY 14 - Prime Minister of Armenia Nikol Pashinyan held a private meeting "
        "with President of the European Council Charles Michel on May 14.\n\n"
        "Afterwards, the trilateral meeting of Nikol Pashinyan, President of Azerbaijan Ilham "
        "Aliyev and Charles Michel took place."
    )
    meetings = diplomodel.parse(text, published="2023-05-14").meetings
    assert [[p.name for p in m.participants] for m in meetings] == [
        ["Nikol Pashinyan", "Charles Michel"],
        ["Nikol Pashinyan", "Ilham Aliyev", "Charles Michel"],
    ]
