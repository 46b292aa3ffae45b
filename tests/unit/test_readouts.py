"""
A minister's day told as a readout: one named subject, then "He met ...", "His Highness
met ..." sentences, each a meeting of its own.
"""

from __future__ import annotations

import pytest

import diplomodel
from diplomodel.engine import Parser, default_parser
from diplomodel.extractors.context import Article
from diplomodel.rules import default_rulebook

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


DAY_AT_THE_ASSEMBLY = (
    "Sandoval meets Fiji and Barbados counterparts at UN General Assembly\n\n"
    "NEW YORK, 22 September 2023 - Secretary of Foreign Affairs Marisol Sandoval of the "
    "Philippines held bilateral meetings on the sidelines of the UN General Assembly.\n\n"
    "On Wednesday, the Secretary met with Fiji's Minister for Foreign Affairs Tomasi "
    "Raduva.\n\n"
    "On Thursday, the Secretary met with Barbados' Minister of Foreign Affairs and Foreign "
    "Trade Kerrie Symmonds."
)


def test_an_office_without_a_name_as_subject_is_the_last_subject() -> None:
    """'the Secretary met with X' after the Secretary's own scene-setting sentence."""
    found = sorted(sorted(side or "" for _, side in m) for m in pairs(DAY_AT_THE_ASSEMBLY))
    assert found == [["BB", "PH"], ["FJ", "PH"]]


def test_scene_setting_occasion_after_a_headline_holds_for_each_meeting() -> None:
    meetings = diplomodel.parse(DAY_AT_THE_ASSEMBLY).meetings
    assert [m.occasion.name if m.occasion else None for m in meetings] == [
        "UN General Assembly",
        "UN General Assembly",
    ]


def test_possessive_apostrophe_after_s_gives_the_side() -> None:
    """ "Barbados' Minister" is Barbados's minister; a quoted 'Friends' is no possessive."""
    text = (
        "Manila, 3 May 2023 - Foreign Secretary Enrique Manalo of the Philippines received "
        "Barbados' Foreign Minister Kerrie Symmonds."
    )
    assert pairs(text) == [[("Enrique Manalo", "PH"), ("Kerrie Symmonds", "BB")]]
    art = Article("the 'Friends' group and Barbados' envoy", default_parser()._compiled, None, None)
    marked = [art.tokens[i - 1].text for i in range(len(art.tokens)) if art.is_possessive(i)]
    assert marked == ["Barbados"]


def test_home_agency_official_abroad_acts_for_the_dateline_country() -> None:
    """A sideless official met abroad, reported under a home dateline, is from home."""
    text = (
        "SEOUL, Oct. 17 (Yonhap) -- First Vice Foreign Minister Park Min-jae held talks with "
        "Japanese Vice Foreign Minister Masataka Okano in Tokyo on Thursday."
    )
    assert sorted(side or "" for _, side in pairs(text)[0]) == ["JP", "KR"]


def test_organisation_office_written_with_the_full_name() -> None:
    """'International Monetary Fund Managing Director' is the IMF's 'Managing Director'."""
    text = (
        "Bridgetown, 3 May 2023 - Prime Minister Mia Amor Mottley hosted International "
        "Monetary Fund Managing Director Kristalina Georgieva for talks."
    )
    (meeting,) = diplomodel.parse(text).meetings
    georgieva = meeting.participants[1]
    assert (georgieva.name, georgieva.side, georgieva.role.value) == (
        "Kristalina Georgieva",
        "IMF",
        "org_leader",
    )


SUMMIT_DAY = (
    "Astana, 4 July 2024 - On the sidelines of the SCO summit, President Kassym-Jomart "
    "Tokayev held talks with a number of leaders.\n\n"
    "At the meeting with President of Mongolia Ukhnaagiin Khurelsukh, the leaders discussed "
    "trade.\n\n"
    "During the talks with Prime Minister of Pakistan Shehbaz Sharif, the parties considered "
    "the construction of a railway.\n\n"
    "Kassym-Jomart Tokayev also met with President of Belarus Alexander Lukashenko.\n\n"
    "The meeting was attended by Kazakhstan's Ambassador to Belarus Askar Zhumagaliyev."
)


def test_sentence_opening_with_a_meeting_with_x_is_a_meeting_of_the_subject() -> None:
    """'At the meeting with X, ...', 'During the talks with X, ...' in a readout; the
    ambassador who attended the last meeting takes part in it (guidelines: every identified
    participant)."""
    assert [[name for name, _ in m] for m in pairs(SUMMIT_DAY)] == [
        ["Kassym-Jomart Tokayev", "Ukhnaagiin Khurelsukh"],
        ["Kassym-Jomart Tokayev", "Shehbaz Sharif"],
        ["Kassym-Jomart Tokayev", "Alexander Lukashenko", "Askar Zhumagaliyev"],
    ]


def test_every_meeting_of_the_subject_has_the_scene_setting_occasion() -> None:
    """Also the one reported with 'also met', which opens a separate meeting."""
    occasions = [
        m.occasion.name if m.occasion else None for m in diplomodel.parse(SUMMIT_DAY).meetings
    ]
    assert occasions == ["SCO summit"] * 3


UNGA_DAY = (
    "Tashkent, 21 September 2023\n\n"
    "On 20 September, Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov, who is in "
    "New York for the UN General Assembly, held a number of bilateral meetings.\n\n"
    "In the morning the Minister met with Minister of Foreign Affairs of Hungary Peter "
    "Szijjarto.\n\n"
    "Then B. Saidov held talks with Minister for Foreign Affairs of Mongolia Battsetseg "
    "Batmunkh.\n\n"
    "At a meeting with Minister of Foreign Affairs of Bahrain Abdullatif Al Zayani, the "
    "parties considered investment."
)


def test_sentence_adverb_is_no_part_of_a_name() -> None:
    """'Then B. Saidov held talks': 'Then' opens the sentence; 'B. Saidov' is Saidov."""
    names = {o.name for o in diplomodel.parse(UNGA_DAY).officials}
    assert "Then B. Saidov" not in names
    assert "Bakhtiyor Saidov" in names


def test_at_a_meeting_with_x_is_a_new_meeting() -> None:
    counterparts = [m[1][0] for m in pairs(UNGA_DAY)]
    assert counterparts == ["Peter Szijjarto", "Battsetseg Batmunkh", "Abdullatif Al Zayani"]


def test_headline_that_sums_up_two_meetings_is_split_by_the_body() -> None:
    """'X holds talks with A and B' (headline), then a meeting with A, then one with B."""
    text = (
        "PM Abiy holds talks with Presidents Putin and Pezeshkian in Kazan\n\n"
        "Kazan, 23 October 2024 (ENA) - Prime Minister Abiy Ahmed of Ethiopia held talks today "
        "with President Vladimir Putin of Russia on the sidelines of the BRICS Summit.\n\n"
        "Prime Minister Abiy also held talks with President Masoud Pezeshkian of Iran."
    )
    assert [[name for name, _ in m] for m in pairs(text)] == [
        ["Abiy Ahmed", "Vladimir Putin"],
        ["Abiy Ahmed", "Masoud Pezeshkian"],
    ]


BACKGROUND = (
    "BEIJING, Sept. 9, 2024 (Xinhua) -- Chinese President Xi Jinping met with visiting "
    "Spanish Prime Minister Pedro Sanchez in Beijing on Monday.\n\n"
    "Sanchez last travelled to China in March 2023, when he attended the Boao Forum and met "
    "Premier Li Qiang in Hainan."
)


def test_meeting_months_before_the_article_is_background() -> None:
    assert [[name for name, _ in m] for m in pairs(BACKGROUND)] == [["Xi Jinping", "Pedro Sanchez"]]


def test_background_date_rule_can_be_switched_off() -> None:
    parser = Parser(default_rulebook().without("meetings.background_date"))
    dates = [m.date.iso if m.date else None for m in parser.parse(BACKGROUND).meetings]
    assert dates == ["2024-09-09", "2023-03"]


def test_a_date_after_the_article_never_dates_a_meeting() -> None:
    """'whose country takes over the chairmanship in January 2024' (an article of November)."""
    text = (
        "Skopje, 30 November 2023 (MIA): Maltese Foreign Minister Ian Borg, whose country takes "
        "over the OSCE Chairmanship in January 2024, met with Moldova's Foreign Minister Nicu "
        "Popescu."
    )
    (meeting,) = diplomodel.parse(text).meetings
    assert meeting.date is not None and meeting.date.iso == "2023-11-30"


def test_an_official_visit_sets_the_scene_for_the_meetings_that_follow() -> None:
    """'paid an official visit to Colombo today': the meetings after it are in Colombo."""
    text = (
        "External Affairs Minister Dr. S. Jaishankar paid an official visit to Colombo "
        "today.\n\n"
        "EAM called on President Anura Kumara Dissanayake.\n\n"
        "EAM also met Prime Minister Harini Amarasuriya."
    )
    meetings = diplomodel.parse(text, published="2024-10-04").meetings
    assert [
        (m.place.name if m.place else None, m.date.iso if m.date else None) for m in meetings
    ] == [
        ("Colombo", "2024-10-04"),
        ("Colombo", "2024-10-04"),
    ]


def test_a_visit_sets_the_scene_for_every_meeting_of_a_long_readout() -> None:
    """'paid a one-day visit to Colombo today', then four meetings over eight sentences."""
    text = (
        "External Affairs Minister Dr. S. Jaishankar paid a one-day visit to Colombo today. "
        "It was his first visit abroad in his second term.\n\n"
        "EAM called on President Ranil Wickremesinghe. They discussed energy connectivity.\n\n"
        "EAM met Prime Minister Dinesh Gunawardena. Housing projects were reviewed.\n\n"
        "EAM held talks with Foreign Minister M.U.M. Ali Sabry. Fisheries were discussed.\n\n"
        "EAM also met Leader of the Opposition Sajith Premadasa."
    )
    meetings = diplomodel.parse(text, published="2024-06-20").meetings
    assert [(m.participants[1].name, m.place.name if m.place else None) for m in meetings] == [
        ("Ranil Wickremesinghe", "Colombo"),
        ("Dinesh Gunawardena", "Colombo"),
        ("M.U.M. Ali Sabry", "Colombo"),
        ("Sajith Premadasa", "Colombo"),
    ]


def test_occasion_name_ends_before_a_possessive() -> None:
    text = (
        "New York, 25 September 2024 - On the sidelines of the UN General Assembly's high-level "
        "week, Haitian Prime Minister Garry Conille met Kenyan President William Ruto."
    )
    (meeting,) = diplomodel.parse(text).meetings
    assert meeting.occasion is not None and meeting.occasion.name == "UN General Assembly"


def test_separate_meetings_with_two_leaders_are_two_meetings() -> None:
    text = (
        "Brussels, 3 May 2023 - EU foreign policy chief Josep Borrell held separate meetings "
        "with Kosovo Prime Minister Albin Kurti and Serbian President Aleksandar Vucic."
    )
    assert [[name for name, _ in m] for m in pairs(text)] == [
        ["Josep Borrell", "Albin Kurti"],
        ["Josep Borrell", "Aleksandar Vucic"],
    ]


def test_unnamed_office_subject_is_the_holder_of_that_office() -> None:
    """'In his call with X, the Secretary ...' is the Secretary of State, not the person most
    often named."""
    text = (
        "Secretary of State Antony Blinken spoke separately today with Egyptian Foreign Minister "
        "Sameh Shoukry and Jordanian Foreign Minister Ayman Safadi.\n\n"
        "In his call with Foreign Minister Shoukry, the Secretary discussed Gaza. Shoukry "
        "thanked him. Shoukry said Egypt would help.\n\n"
        "In his call with Foreign Minister Safadi, the Secretary stressed regional stability."
    )
    assert [[name for name, _ in m] for m in pairs(text)] == [
        ["Antony Blinken", "Sameh Shoukry"],
        ["Antony Blinken", "Ayman Safadi"],
    ]


def test_earlier_the_same_day_is_news_not_history() -> None:
    """'Earlier in the day, the Chancellor had spoken by telephone with X': a second call."""
    text = (
        "Berlin, 20 September 2024 - Federal Chancellor Olaf Scholz spoke on the telephone today "
        "with the President of Ukraine, Volodymyr Zelenskyy.\n\n"
        "Earlier in the day, the Chancellor had spoken by telephone with the President of the "
        "French Republic, Emmanuel Macron."
    )
    meetings = diplomodel.parse(text).meetings
    assert [[name for name, _ in m] for m in pairs(text)] == [
        ["Olaf Scholz", "Volodymyr Zelenskyy"],
        ["Olaf Scholz", "Emmanuel Macron"],
    ]
    assert [m.mode.value for m in meetings] == ["phone", "phone"]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        (
            "On Saturday, Ukrainian President Volodymyr Zelenskiy held his first talks with "
            "Indian Prime Minister Narendra Modi since Russia launched its full-scale invasion "
            "in February 2022.",
            "2023-05-20",
        ),
        (
            "Ukrainian President Volodymyr Zelenskiy held talks with Indian Prime Minister "
            "Narendra Modi, the first since February 2022.",
            "2023-05-21",
        ),
    ],
)
def test_a_month_that_is_not_the_meetings_does_not_date_it(sentence: str, date: str) -> None:
    """A day beats a month with a year in the same sentence; 'since MONTH YEAR' dates nothing."""
    (meeting,) = diplomodel.parse("Hiroshima, 21 May 2023 - " + sentence).meetings
    assert meeting.date is not None and meeting.date.iso == date


def test_transcript_speaker_had_a_useful_conversation() -> None:
    text = (
        "Foreign Minister Sergey Lavrov's answers to media questions\n\n"
        "Question: Whom did you meet today?\n\n"
        "Sergey Lavrov: This morning I had a useful conversation with Hungarian Foreign "
        "Minister Peter Szijjarto."
    )
    assert [[name for name, _ in m] for m in pairs(text)] == [["Sergey Lavrov", "Peter Szijjarto"]]


@pytest.mark.parametrize(
    "what",
    ["the situation in the border areas", "the EU-facilitated dialogue with Belgrade"],
)
def test_tensions_and_normalisation_talks_are_conflict(what: str) -> None:
    text = (
        "Beijing, 2 August 2023 - Chinese Vice Foreign Minister Sun Weidong met Indian "
        f"Ambassador Pradeep Kumar Rawat. They exchanged views on {what}."
    )
    (meeting,) = diplomodel.parse(text).meetings
    assert "conflict" in [t.code for t in meeting.topics]


def test_a_date_after_a_statement_verb_dates_the_statement_not_the_meeting() -> None:
    """'talks between A and B, both sides said on Tuesday' then 'A and B met on Monday'."""
    text = (
        "BEIJING, Jan. 28 - India and China agreed to resume direct flights, following talks "
        "in Beijing between Indian Foreign Secretary Vikram Misri and Chinese Vice Foreign "
        "Minister Sun Weidong, both sides said on Tuesday.\n\n"
        "Misri and Sun met on Monday, the first such meeting since 2020."
    )
    meetings = diplomodel.parse(text, published="2025-01-28").meetings
    assert [(len(m.participants), m.date.iso if m.date else None) for m in meetings] == [
        (2, "2025-01-27")
    ]


def people_and_mode(text: str, published: str) -> list[tuple[list[str | None], str, str | None]]:
    return [
        ([p.name for p in m.participants], m.mode.value, m.date.iso if m.date else None)
        for m in diplomodel.parse(text, published=published).meetings
    ]


def test_what_one_leader_told_another_before_the_call_is_the_call() -> None:
    """'X told Y on Sunday that ... In the one-hour phone call, X asked ...'."""
    text = (
        "ISTANBUL\n\n"
        "President Recep Tayyip Erdogan told Russian President Vladimir Putin on Sunday that "
        "an urgent ceasefire would ease the humanitarian situation.\n\n"
        "In the one-hour phone call, Erdogan asked for humanitarian corridors to be opened."
    )
    assert people_and_mode(text, "2022-03-06") == [
        (["Recep Tayyip Erdogan", "Vladimir Putin"], "phone", "2022-03-06")
    ]


def test_a_plan_inside_what_was_told_does_not_rule_out_the_call() -> None:
    """'Biden told Netanyahu in a phone call on Thursday that U.S. policy would be ...'."""
    text = (
        "WASHINGTON, April 4, 2024 - President Joe Biden told Israeli Prime Minister Benjamin "
        "Netanyahu in a tense phone call on Thursday that U.S. policy would be determined by "
        "Israel's steps to protect civilians.\n\n"
        "Vice President Kamala Harris and Secretary of State Antony Blinken were also on the "
        "line."
    )
    assert people_and_mode(text, "2024-04-04") == [
        (
            ["Joe Biden", "Benjamin Netanyahu", "Kamala Harris", "Antony Blinken"],
            "phone",
            "2024-04-04",
        )
    ]


def test_a_plan_after_a_later_meeting_phrase_is_that_phrase_s() -> None:
    """The talks due to be held are planned; the call that discussed them took place."""
    text = (
        "TEHRAN - Iranian Foreign Minister Abbas Araghchi and his Omani counterpart Badr bin "
        "Hamad Al Busaidi discussed by telephone on Wednesday the arrangements for indirect "
        "talks between Iran and the United States, due to be held in Muscat on Saturday."
    )
    assert people_and_mode(text, "2025-04-09") == [
        (["Abbas Araghchi", "Badr bin Hamad Al Busaidi"], "phone", "2025-04-09")
    ]


def test_a_plan_of_the_meeting_itself_still_rules_it_out() -> None:
    text = (
        "TEHRAN - Iranian Foreign Minister Abbas Araghchi told his Omani counterpart Badr bin "
        "Hamad Al Busaidi that Iran was ready. The two will hold talks by telephone next week."
    )
    assert people_and_mode(text, "2025-04-09") == []


def test_he_was_accompanied_by_adds_no_counterpart() -> None:
    """'He was accompanied by Deputy Prime Minister X': X is on his side, not met by him."""
    text = (
        "YEREVAN, May 1 (ARKA) - Prime Minister Nikol Pashinyan on Wednesday defended the "
        "border deal with Azerbaijan in parliament.\n\n"
        "Later in the day, Pashinyan met residents of the border villages. He was accompanied "
        "by Deputy Prime Minister Mher Grigoryan, who heads the delimitation commission."
    )
    assert diplomodel.parse(text, published="2024-05-01").meetings == ()


def test_talks_then_received_by_are_two_meetings() -> None:
    """'X held talks with Y and was then received by Z': X met Y, then X met Z."""
    text = (
        "TASHKENT - US Secretary of State Antony Blinken held talks with Uzbek Foreign Minister "
        "Bakhtiyor Saidov and was then received by President Shavkat Mirziyoyev on Wednesday."
    )
    assert pairs(text) == [
        [("Antony Blinken", "US"), ("Bakhtiyor Saidov", "UZ")],
        [("Antony Blinken", "US"), ("Shavkat Mirziyoyev", "UZ")],
    ]


def test_besides_his_meeting_the_subject_is_the_one_next_to_the_cue() -> None:
    text = (
        "Argentine President Alberto Fernandez met President Luiz Inacio Lula da Silva in "
        "Brasilia.\n\nBesides his meeting with Lula, Fernandez also called on Senate President "
        "Rodrigo Pacheco."
    )
    assert pairs(text) == [
        [("Alberto Fernandez", "AR"), ("Luiz Inacio Lula da Silva", "BR")],
        [("Alberto Fernandez", "AR"), ("Rodrigo Pacheco", "BR")],
    ]


def test_a_pronoun_subject_joins_a_meeting_with_two_others() -> None:
    """'On Monday he held trilateral talks in Paris with Macron and von der Leyen'."""
    text = (
        "Chinese President Xi Jinping met Serbian President Aleksandar Vucic in Belgrade on "
        "Wednesday. Xi thanked Vucic. Before Belgrade, Xi spent two days in France.\n\n"
        "On Monday he held trilateral talks in Paris with President Emmanuel Macron and "
        "European Commission President Ursula von der Leyen."
    )
    meetings = diplomodel.parse(text, published="2024-05-08").meetings
    assert [sorted(p.name or "" for p in m.participants) for m in meetings] == [
        ["Aleksandar Vucic", "Xi Jinping"],
        ["Emmanuel Macron", "Ursula von der Leyen", "Xi Jinping"],
    ]


def test_a_leader_met_where_the_text_puts_it_leads_that_country() -> None:
    """The article keeps naming Samoa, but President Maamau met in Tarawa leads Kiribati."""
    text = (
        "APIA - Samoa and China signed agreements during a visit by Chinese Foreign Minister "
        "Wang Yi to Samoa. Samoa's government welcomed the visit. Samoa is the third stop.\n\n"
        "Wang arrived in Apia from Kiribati, where he met President Taneti Maamau in Tarawa on "
        "Friday."
    )
    sides = {
        p.name: p.side
        for m in diplomodel.parse(text, published="2022-05-29").meetings
        for p in m.participants
    }
    assert sides.get("Taneti Maamau") == "KI"


def test_is_due_in_and_is_to_host_are_plans() -> None:
    text = (
        "Wang is due in Suva on Monday to co-chair a meeting with Fiji's Prime Minister Frank "
        "Bainimarama. In Budapest, Prime Minister Viktor Orban is to host Chinese President Xi "
        "Jinping for official talks on Thursday."
    )
    assert diplomodel.parse(text, published="2022-05-29").meetings == ()


@pytest.mark.parametrize(
    ("sentence", "met"),
    [
        ("Scholz called on Russian President Vladimir Putin to end the war.", False),
        ("Scholz called on Russian President Vladimir Putin to discuss gas supplies.", True),
        ("No telephone conversation with Russian President Vladimir Putin took place.", False),
        ("Scholz has yet to speak by phone with Russian President Vladimir Putin.", False),
    ],
)
def test_urging_and_negated_calls_are_no_meetings(sentence: str, met: bool) -> None:
    text = f"BERLIN, Nov 15 - German Chancellor Olaf Scholz spoke to reporters. {sentence}"
    meetings = diplomodel.parse(text, published="2024-11-15").meetings
    assert bool(meetings) is met


def test_a_video_teleconference_is_a_video_call() -> None:
    text = (
        "WASHINGTON, Sept. 10, 2024 - U.S. Defense Secretary Lloyd Austin held a video "
        "teleconference on Tuesday with Chinese Defense Minister Dong Jun."
    )
    (meeting,) = diplomodel.parse(text).meetings
    assert (meeting.mode.value, meeting.place) == ("video", None)


LIVE = (
    "G20 Summit in New Delhi: LIVE updates\n\n"
    "13:05 IST | Prime Minister Narendra Modi holds bilateral talks with UK Prime Minister "
    "Rishi Sunak on the sidelines of the summit."
)


def dates_and_bases(text: str, parser: Parser | None = None) -> list[tuple[str | None, str]]:
    result = (parser or Parser()).parse(text, published="2023-09-09")
    return [
        (m.date.iso if m.date else None, m.date.basis.value if m.date else "-")
        for m in result.meetings
    ]


def test_a_meeting_without_date_words_takes_the_publication_date() -> None:
    assert dates_and_bases(LIVE) == [("2023-09-09", "published")]


def test_news_on_other_subjects_does_not_count() -> None:
    text = LIVE + "\n\nIn other news, the national football team won its match on Sunday."
    assert dates_and_bases(text) == [("2023-09-09", "published")]


def test_a_meeting_sentence_about_another_day_keeps_the_date_open() -> None:
    """'... met yesterday. In a separate meeting, ...': which day is not said."""
    text = (
        "NEW DELHI - External Affairs Minister S. Jaishankar met his own ambassadors "
        "yesterday.\n\nIn a separate meeting, Prime Minister Narendra Modi received UK Prime "
        "Minister Rishi Sunak."
    )
    assert dates_and_bases(text) == [(None, "-")]


def test_the_published_fallback_can_be_switched_off() -> None:
    parser = Parser(default_rulebook().without("date.published_fallback"))
    assert dates_and_bases(LIVE, parser) == [(None, "-")]


def test_a_virtual_bilateral_summit_is_a_video_meeting() -> None:
    text = (
        "Prime Minister Narendra Modi and the Prime Minister of Australia, Scott Morrison, held "
        "a virtual bilateral summit today."
    )
    (meeting,) = diplomodel.parse(text, published="2020-06-04").meetings
    assert (meeting.mode.value, meeting.place, meeting.date and meeting.date.iso) == (
        "video",
        None,
        "2020-06-04",
    )


def test_a_reference_to_a_meeting_dated_long_ago_adds_nothing() -> None:
    """'The last trilateral meeting was held in Beijing in August 2019' is history."""
    text = (
        "BUSAN, South Korea, Nov. 26 Kyodo - Japanese Foreign Minister Yoko Kamikawa and her "
        "Chinese counterpart Wang Yi held talks in Busan on Sunday.\n\n"
        "The last trilateral foreign ministers' meeting was held in Beijing in August 2019."
    )
    (meeting,) = diplomodel.parse(text, published="2023-11-26").meetings
    history_starts = text.index("The last")
    assert [t.text for t in meeting.triggers if t.start >= history_starts] == []


def test_a_caption_published_on_its_own_is_the_story() -> None:
    text = (
        "PHOTO: Italian Prime Minister Giorgia Meloni welcomes Albanian Prime Minister Edi Rama "
        "at Palazzo Chigi in Rome, Italy, November 6, 2023."
    )
    assert pairs(text) == [[("Giorgia Meloni", "IT"), ("Edi Rama", "AL")]]


def test_a_caption_beside_the_story_reports_nothing_new() -> None:
    text = (
        "ROME, November 6, 2023 - Italian Prime Minister Giorgia Meloni received Albanian Prime "
        "Minister Edi Rama.\n\n"
        "PHOTO: Meloni welcomes Greek Prime Minister Kyriakos Mitsotakis in Rome."
    )
    assert pairs(text) == [[("Giorgia Meloni", "IT"), ("Edi Rama", "AL")]]


@pytest.mark.parametrize(
    ("text", "mode", "place"),
    [
        (
            "OTTAWA - Prime Minister Justin Trudeau spoke with Ukrainian President Volodymyr "
            "Zelenskyy on Monday after the missile strikes.",
            "phone",
            None,
        ),
        (
            "Prime Minister Justin Trudeau spoke with Ukrainian President Volodymyr Zelenskyy "
            "in Kyiv on Monday.",
            "in_person",
            "Kyiv",
        ),
    ],
)
def test_spoke_with_and_no_place_is_a_call(text: str, mode: str, place: str | None) -> None:
    (meeting,) = diplomodel.parse(text, published="2022-10-10").meetings
    assert (meeting.mode.value, meeting.place.name if meeting.place else None) == (mode, place)


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("The two discussed the situation in Ukraine.", ["conflict"]),
        ("The two discussed military cooperation.", ["defense"]),
        ("Xi was welcomed with a military ceremony before the talks.", []),
        ("The two discussed the military standoff along the border.", ["conflict"]),
    ],
)
def test_military_alone_is_no_topic(sentence: str, codes: list[str]) -> None:
    text = (
        "BEIJING, May 8, 2024 - Chinese President Xi Jinping met Serbian President Aleksandar "
        f"Vucic in Belgrade. {sentence}"
    )
    (meeting,) = diplomodel.parse(text).meetings
    assert [t.code for t in meeting.topics] == codes


def test_a_plan_in_a_relative_clause_after_a_joint_verb_is_the_object_s() -> None:
    text = (
        "ROME - Premier Giorgia Meloni and her Albanian counterpart Edi Rama on Monday signed "
        "a protocol under which Albania will host two centres for migrants."
    )
    assert pairs(text) == [[("Giorgia Meloni", "IT"), ("Edi Rama", "AL")]]


def test_a_pluperfect_in_reported_speech_is_no_history() -> None:
    """'Tajani said he had spoken by phone with X on Sunday': a call of Sunday."""
    text = (
        "ROME - Foreign Minister Antonio Tajani said he had spoken by phone with his Albanian "
        "counterpart Igli Hasani on Sunday."
    )
    assert people_and_mode(text, "2023-11-06") == [
        (["Antonio Tajani", "Igli Hasani"], "phone", "2023-11-05")
    ]


def test_negotiations_started_are_a_meeting_and_to_host_is_a_plan() -> None:
    text = (
        "ALMATY, May 10 - The foreign ministers of Azerbaijan and Armenia, Jeyhun Bayramov and "
        "Ararat Mirzoyan, started bilateral negotiations in Almaty on Friday.\n\n"
        "Kerry to host China's Xie for climate talks at Sunnylands"
    )
    assert pairs(text) == [[("Jeyhun Bayramov", "AZ"), ("Ararat Mirzoyan", "AM")]]


def test_the_meeting_as_subject_adds_its_hosts() -> None:
    text = (
        "KINGSTOWN, Dec 15 (Reuters) - Guyana's President Irfaan Ali and Venezuela's President "
        "Nicolas Maduro held face-to-face talks in St Vincent on Thursday.\n\n"
        "The meeting at Argyle International Airport was hosted by St Vincent Prime Minister "
        "Ralph Gonsalves and Dominica's Prime Minister Roosevelt Skerrit."
    )
    meetings = diplomodel.parse(text, published="2023-12-15").meetings
    assert [sorted(p.name or "" for p in m.participants) for m in meetings] == [
        ["Irfaan Ali", "Nicolas Maduro", "Ralph Gonsalves", "Roosevelt Skerrit"]
    ]


def test_those_who_attended_an_audience_take_part_in_it() -> None:
    text = (
        "ALGIERS - President Abdelmadjid Tebboune received on Wednesday the French Minister for "
        "Europe and Foreign Affairs, Jean-Yves Le Drian.\n\n"
        "The audience took place in the presence of the Minister of Foreign Affairs, Ramtane "
        "Lamamra."
    )
    (meeting,) = diplomodel.parse(text, published="2021-12-08").meetings
    assert [p.name for p in meeting.participants] == [
        "Abdelmadjid Tebboune",
        "Jean-Yves Le Drian",
        "Ramtane Lamamra",
    ]


def test_the_speaker_after_a_report_is_no_participant() -> None:
    """'..., in the presence of the Omani foreign minister, Baghaei added.'"""
    text = (
        "MUSCAT - Iranian Foreign Minister Abbas Araghchi met U.S. envoy Steve Witkoff on "
        "Saturday in the presence of the Omani foreign minister, Baghaei added."
    )
    (meeting,) = diplomodel.parse(text, published="2025-04-12").meetings
    assert "Baghaei" not in [p.name for p in meeting.participants]


def test_a_trilateral_with_two_counterparts_is_one_meeting() -> None:
    text = (
        "JAKARTA, July 14 (Yonhap) -- Foreign Minister Park Jin held talks Friday with Chinese "
        "Foreign Minister Wang Yi.\n\n"
        "Earlier in the day, Park held a trilateral meeting with U.S. Secretary of State Antony "
        "Blinken and Japanese Foreign Minister Yoshimasa Hayashi."
    )
    meetings = diplomodel.parse(text, published="2023-07-14").meetings
    assert [sorted(p.name or "" for p in m.participants) for m in meetings] == [
        ["Park Jin", "Wang Yi"],
        ["Antony Blinken", "Park Jin", "Yoshimasa Hayashi"],
    ]


def test_a_name_in_parentheses_after_a_name_is_the_same_person() -> None:
    text = (
        "Envoy Cito meets Japanese minister\n\n"
        "MANILA (PNA) - Philippine Ambassador Carlos Tuazon (Cito) met Japanese Foreign "
        "Minister Yoko Kamikawa in Tokyo on Thursday."
    )
    meetings = diplomodel.parse(text, published="2024-06-30").meetings
    assert [[p.name for p in m.participants] for m in meetings] == [
        ["Carlos Tuazon", "Yoko Kamikawa"]
    ]


def test_an_audience_attended_on_each_side_adds_both() -> None:
    text = (
        "Rabat - King Mohammed VI received on Thursday the President of the Government of Spain, "
        "Pedro Sanchez.\n\n"
        "This audience was attended, on the Moroccan side, by the Minister of Foreign Affairs, "
        "Nasser Bourita, and, on the Spanish side, by the Minister of Foreign Affairs, Jose "
        "Manuel Albares."
    )
    (meeting,) = diplomodel.parse(text, published="2022-04-07").meetings
    assert sorted(p.name or "" for p in meeting.participants) == [
        "Jose Manuel Albares",
        "Mohammed VI",
        "Nasser Bourita",
        "Pedro Sanchez",
    ]


def test_separate_phone_calls_with_two_leaders_are_two_calls() -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan held separate phone calls with Palestinian "
        "President Mahmoud Abbas and Israeli President Isaac Herzog on Monday."
    )
    assert people_and_mode(text, "2023-10-09") == [
        (["Recep Tayyip Erdogan", "Mahmoud Abbas"], "phone", "2023-10-09"),
        (["Recep Tayyip Erdogan", "Isaac Herzog"], "phone", "2023-10-09"),
    ]


def test_president_of_the_friendly_republic_is_of_that_country() -> None:
    text = (
        "Doha, November 21 (QNA) - HH the Amir Sheikh Tamim bin Hamad Al-Thani received a phone "
        "call today from HE President of the friendly French Republic Emmanuel Macron."
    )
    assert pairs(text) == [[("Tamim bin Hamad Al-Thani", "QA"), ("Emmanuel Macron", "FR")]]


def test_those_at_the_table_take_part() -> None:
    text = (
        "NUSA DUA, Indonesia, Nov 14 - U.S. President Joe Biden and Chinese President Xi Jinping "
        "held talks on Monday in Bali.\n\n"
        "Biden was joined at the table by Secretary of State Antony Blinken, while Xi was "
        "flanked by Foreign Minister Wang Yi."
    )
    (meeting,) = diplomodel.parse(text, published="2022-11-14").meetings
    assert sorted(p.name or "" for p in meeting.participants) == [
        "Antony Blinken",
        "Joe Biden",
        "Wang Yi",
        "Xi Jinping",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian President Vladimir Putin accepted the credentials of U.S. Ambassador Lynne "
        "Tracy at the Kremlin on Thursday.",
        "U.S. Ambassador Lynne Tracy presented her credentials to Russian President Vladimir "
        "Putin at the Kremlin on Thursday.",
    ],
)
def test_credentials_are_handed_over_in_a_meeting(sentence: str) -> None:
    (meeting,) = diplomodel.parse(f"MOSCOW - {sentence}", published="2023-04-06").meetings
    assert sorted(p.name or "" for p in meeting.participants) == ["Lynne Tracy", "Vladimir Putin"]


def test_a_summons_is_a_meeting_and_a_lone_one_adds_nothing_to_the_last() -> None:
    text = (
        "TAIPEI, Aug 3 - U.S. House Speaker Nancy Pelosi met Taiwan's President Tsai Ing-wen on "
        "Wednesday.\n\n"
        "China's foreign ministry summoned the U.S. ambassador in Beijing, Nicholas Burns, late "
        "on Tuesday. Vice Foreign Minister Xie Feng summoned Ambassador Nicholas Burns."
    )
    meetings = diplomodel.parse(text, published="2022-08-03").meetings
    assert [[p.name for p in m.participants] for m in meetings] == [
        ["Nancy Pelosi", "Tsai Ing-wen"],
        ["Xie Feng", "Nicholas Burns"],
    ]
    assert meetings[0].place is not None and meetings[0].place.name == "Taipei"


def test_who_travelled_with_a_leader_takes_part() -> None:
    text = (
        "SOCHI, June 3 - Russian President Vladimir Putin on Friday received Senegalese "
        "President Macky Sall in Sochi.\n\n"
        "Sall, who travelled with AU Commission Chairperson Moussa Faki Mahamat, told Putin "
        "that African countries were victims of the conflict."
    )
    (meeting,) = diplomodel.parse(text, published="2022-06-03").meetings
    assert [p.name for p in meeting.participants] == [
        "Vladimir Putin",
        "Macky Sall",
        "Moussa Faki Mahamat",
    ]


def test_a_visit_in_an_earlier_year_is_history() -> None:
    text = (
        "BEIJING, June 5 (Xinhua) -- Chinese President Xi Jinping on Wednesday sent a "
        "congratulatory message to Claudia Sheinbaum Pardo.\n\n"
        "Xi paid a state visit to Mexico in 2013, during which he held talks with then Mexican "
        "President Enrique Pena Nieto."
    )
    assert diplomodel.parse(text, published="2024-06-05").meetings == ()


def test_an_earlier_year_in_another_clause_is_no_history() -> None:
    text = (
        "JEDDAH, May 19 - Saudi Crown Prince Mohammed bin Salman received Syrian President "
        "Bashar al-Assad, who is attending an Arab League summit for the first time since "
        "Syria's membership was suspended in 2011."
    )
    assert len(diplomodel.parse(text, published="2023-05-19").meetings) == 1


def test_the_objects_of_one_list_do_not_meet_each_other() -> None:
    """'Amir Receives Phone Calls from US, French Presidents' (a headline)."""
    text = (
        "HH the Amir Receives Phone Calls from US, French Presidents\n\n"
        "Doha, November 21 (QNA) - His Highness the Amir Sheikh Tamim bin Hamad Al-Thani "
        "received a phone call today from President of the United States Joe Biden."
    )
    assert pairs(text) == [[("Tamim bin Hamad Al-Thani", "QA"), ("Joe Biden", "US")]]


@pytest.mark.parametrize(("month", "kept"), [("March", False), ("May", False), ("June", True)])
def test_a_sentence_opening_with_an_earlier_month_is_history(month: str, kept: bool) -> None:
    text = (
        "MOSCOW, July 4. /TASS/. Indian Prime Minister Narendra Modi will pay an official visit "
        f"to Russia on July 8-9.\n\nIn {month}, the Indian prime minister Narendra Modi spoke "
        "with Russian President Vladimir Putin by phone."
    )
    assert bool(diplomodel.parse(text, published="2024-07-04").meetings) is kept


def test_the_visit_as_subject_on_another_day_is_another_meeting() -> None:
    """'The visit comes ... after Meloni's visit to Tunis on June 6, during which she met ...'."""
    text = (
        "President Saied receives President of the European Commission and Italian Prime "
        "Minister\n\n"
        "Carthage, June 11 (TAP) - President Kais Saied on Sunday received President of the "
        "European Commission Ursula von der Leyen and Italian Prime Minister Giorgia Meloni.\n\n"
        "The visit comes less than a week after Meloni's first visit to Tunis on June 6, during "
        "which she met President Saied."
    )
    meetings = diplomodel.parse(text, published="2023-06-11").meetings
    assert sorted(p.name or "" for p in meetings[0].participants) == [
        "Giorgia Meloni",
        "Kais Saied",
        "Ursula von der Leyen",
    ]


def test_a_plan_in_a_participle_clause_is_the_topic_s_and_no_occasion() -> None:
    """'held a video call on Thursday, exchanging views on preparations for the WTO's 13th
    Ministerial Conference (MC13) next month'."""
    text = (
        "BEIJING, Jan. 26 -- Chinese Minister of Commerce Wang Wentao held a video call with "
        "World Trade Organization (WTO) Director-General Ngozi Okonjo-Iweala on Thursday, "
        "exchanging views on preparations for the WTO's 13th Ministerial Conference (MC13) next "
        "month in Abu Dhabi."
    )
    (meeting,) = diplomodel.parse(text, published="2024-01-26").meetings
    assert (meeting.date and meeting.date.iso, meeting.occasion) == ("2024-01-25", None)


def test_no_publication_date_outside_the_years_read() -> None:
    text = "the Emir of Qatar met with Turkish Foreign Minister "
    (meeting,) = diplomodel.parse(text, published="2101-01-01").meetings
    assert meeting.date is None


@pytest.mark.parametrize(
    ("phrase", "day"), [("The day before", "2023-02-28"), ("The next day", "2023-03-02")]
)
def test_the_day_before_dates_from_the_meeting_reported_before(phrase: str, day: str) -> None:
    text = (
        "TASHKENT - US Secretary of State Antony Blinken held talks with Uzbek Foreign Minister "
        "Bakhtiyor Saidov on Wednesday.\n\n"
        f"{phrase}, in Astana, Blinken held talks with Kazakh President Kassym-Jomart Tokayev."
    )
    meetings = diplomodel.parse(text, published="2023-03-02").meetings
    assert [m.date.iso if m.date else None for m in meetings] == ["2023-03-01", day]


def test_their_meeting_with_two_sides_as_subject_reports_it() -> None:
    text = (
        "MANILA - President Ferdinand R. Marcos Jr. and United States Vice President Kamala "
        "Harris on Monday reaffirmed the alliance during their meeting at Malacanang Palace."
    )
    (meeting,) = diplomodel.parse(text, published="2022-11-21").meetings
    assert [(p.name, p.side) for p in meeting.participants] == [
        ("Ferdinand R. Marcos Jr.", "PH"),
        ("Kamala Harris", "US"),
    ]
    assert meeting.date is not None and meeting.date.iso == "2022-11-21"


def test_their_meeting_of_years_ago_reports_none() -> None:
    text = (
        "MANILA - President Ferdinand R. Marcos Jr. and United States Vice President Kamala "
        "Harris agreed in 2022 during their meeting at Malacanang Palace to expand the bases."
    )
    assert diplomodel.parse(text, published="2024-11-21").meetings == ()


def test_the_two_leaders_are_the_two_people_named_just_before() -> None:
    text = (
        "LONDON - Keir Starmer hugged Volodymyr Zelenskyy on the doorstep of Downing Street on "
        "Saturday. The two leaders then held talks for more than an hour."
    )
    (meeting,) = diplomodel.parse(text, published="2025-03-01").meetings
    assert [(p.name, p.side) for p in meeting.participants] == [
        ("Keir Starmer", "GB"),
        ("Volodymyr Zelenskyy", "UA"),
    ]


def test_the_two_leaders_after_a_sentence_of_three_sides_are_nobody() -> None:
    text = (
        "LONDON - Keir Starmer, Volodymyr Zelenskyy and Emmanuel Macron arrived in London on "
        "Saturday. The two leaders then held talks for more than an hour."
    )
    assert diplomodel.parse(text, published="2025-03-01").meetings == ()


def test_a_known_office_holder_is_an_official_without_a_title() -> None:
    text = "LONDON - Keir Starmer has given Volodymyr Zelenskyy a warm welcome."
    found = {
        o.name: (o.side, o.role.value)
        for o in diplomodel.parse(text, published="2025-03-01").officials
    }
    assert found == {
        "Keir Starmer": ("GB", "head_of_government"),
        "Volodymyr Zelenskyy": ("UA", "head_of_state"),
    }
    # out of office in the article's year: no official
    before = diplomodel.parse(text, published="2015-03-01").officials
    assert [o.name for o in before] == []


def test_after_last_held_the_whole_sentence_is_history() -> None:
    text = (
        "BAKU - Mirzoyan and Bayramov last held face-to-face negotiations in Almaty, in a round "
        "of talks hosted by Kazakh Foreign Minister Murat Nurtleu."
    )
    assert diplomodel.parse(text, published="2025-06-12").meetings == ()


def test_an_opposition_leader_is_an_official_who_meets() -> None:
    text = (
        "VILNIUS - French President Emmanuel Macron met with Belarusian opposition leader "
        "Sviatlana Tsikhanouskaya on Tuesday in Vilnius."
    )
    (meeting,) = diplomodel.parse(text, published="2020-09-29").meetings
    assert [(p.name, p.side, p.role.value) for p in meeting.participants] == [
        ("Emmanuel Macron", "FR", "head_of_state"),
        ("Sviatlana Tsikhanouskaya", "BY", "official"),
    ]


def test_people_of_a_clause_after_comma_as_are_not_participants() -> None:
    text = (
        "KHARKIV - Dutch Prime Minister Mark Rutte met Ukrainian President Volodymyr Zelenskyy "
        "on Friday and signed a security agreement, as mourners gathered in Moscow for the "
        "funeral of Russian opposition leader Alexei Navalny."
    )
    (meeting,) = diplomodel.parse(text, published="2024-03-01").meetings
    assert [p.name for p in meeting.participants] == ["Mark Rutte", "Volodymyr Zelenskyy"]


def test_people_after_comma_as_did_are_participants() -> None:
    text = (
        "ABU DHABI - UAE President Mohamed bin Zayed held talks with Kenyan President William "
        "Ruto on Tuesday. Foreign Minister Abdullah bin Zayed also took part in the talks, as "
        "did Kenyan Foreign Minister Musalia Mudavadi."
    )
    (meeting,) = diplomodel.parse(text, published="2025-01-14").meetings
    assert "Musalia Mudavadi" in [p.name for p in meeting.participants]


def test_a_date_after_since_the_dates_no_meeting() -> None:
    text = (
        "DOHA - US Secretary of State Antony Blinken, on his eighth tour of the region since "
        "the October 7 attack, held talks in Doha on Wednesday with Qatar's Prime Minister "
        "Sheikh Mohammed bin Abdulrahman Al Thani."
    )
    (meeting,) = diplomodel.parse(text, published="2024-06-12").meetings
    assert meeting.date is not None and meeting.date.iso == "2024-06-12"


def test_i_in_a_media_release_is_the_minister_named_in_its_header() -> None:
    text = (
        "Visit to Beijing\n\nMedia release\n21 December 2022\n"
        "Senator the Hon Penny Wong, Minister for Foreign Affairs\n\n"
        "Today I met State Councilor and Foreign Minister Wang Yi in Beijing."
    )
    (meeting,) = diplomodel.parse(text, published="2022-12-21").meetings
    assert [p.name for p in meeting.participants] == ["Penny Wong", "Wang Yi"]


def test_i_in_a_quotation_is_not_the_first_official_named() -> None:
    text = (
        "CANBERRA - Foreign Minister Penny Wong spoke to reporters on Monday.\n\n"
        '"Today I met Foreign Minister Wang Yi in Beijing," a Chinese diplomat said.'
    )
    assert diplomodel.parse(text, published="2022-12-21").meetings == ()


def test_talks_since_which_a_meeting_is_the_first_are_history() -> None:
    text = (
        "ALMATY, May 10 (Kazinform) -- Azerbaijani Foreign Minister Jeyhun Bayramov held talks "
        "with Armenian Foreign Minister Ararat Mirzoyan on Friday.\n\n"
        "It is the first meeting of the two ministers since their talks in Berlin in late "
        "February, which were hosted by German Foreign Minister Annalena Baerbock."
    )
    (meeting,) = diplomodel.parse(text, published="2024-05-10").meetings
    assert meeting.place is not None and meeting.place.name == "Almaty"
    assert [p.name for p in meeting.participants] == ["Jeyhun Bayramov", "Ararat Mirzoyan"]


def test_delegation_heads_in_parallel_after_consultations_by_video() -> None:
    text = (
        "ASHGABAT - Political consultations between the foreign ministries of Turkmenistan and "
        "Kazakhstan were held on Tuesday in the format of a videoconference.\n\n"
        "The Turkmen delegation was headed by Deputy Minister of Foreign Affairs of "
        "Turkmenistan Vepa Hajiyev, while the Kazakh side was represented by Deputy Minister "
        "of Foreign Affairs of Kazakhstan Roman Vassilenko."
    )
    (meeting,) = diplomodel.parse(text, published="2021-02-10").meetings
    assert [(p.name, p.side) for p in meeting.participants] == [
        ("Vepa Hajiyev", "TM"),
        ("Roman Vassilenko", "KZ"),
    ]
    assert meeting.mode.value == "video" and meeting.place is None
