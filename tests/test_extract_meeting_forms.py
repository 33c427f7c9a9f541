"""How documents name meetings of ITU-T groups, forums and assemblies (texts written for these tests).

Each case is a phrasing seen across years and kinds of meeting: a group as the subject of 'met' or 'held its
meeting', a regional group whose region has small words in its name, a forum 'for' a region, a meeting held
during another one whose dates the sentence also gives.
"""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of

from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text


def meetings(text: str):
    doc = Text(source="forms.txt", name="forms.txt", sha256="2" * 64, text=text, media_type="text/plain",
               encoding="utf-8")
    return extract(doc).meetings


def only(text: str):
    ms = [m for m in meetings(text) if m.start]
    assert len(ms) == 1, [(m.kind, m.name, m.start) for m in ms]
    return ms[0]


# -- a group as the subject of the sentence ----------------------------------------------------------------

@pytest.mark.parametrize("text, kind, start, end, city", [
    ("ITU-T Study Group 17 met in Geneva from 29 August to 8 September 2023.",
     "StudyGroupMeeting", date(2023, 8, 29), date(2023, 9, 8), "Geneva"),
    ("ITU-T Study Group 12 (Performance, QoS and QoE) convened in Geneva on 3-4 May 2019.",
     "StudyGroupMeeting", date(2019, 5, 3), date(2019, 5, 4), "Geneva"),
    ("Study Group 5 held its last meeting of the period in Geneva from 4 to 13 May 2016.",
     "StudyGroupMeeting", date(2016, 5, 4), date(2016, 5, 13), "Geneva"),
    ("TSAG Working Party 2 met in Geneva on 3 May 2022.",
     "WorkingPartyMeeting", date(2022, 5, 3), date(2022, 5, 3), "Geneva"),
    ("The Rapporteur Group on Working Methods of TSAG met on 27 August 2023 in Geneva.",
     "RapporteurGroupMeeting", date(2023, 8, 27), date(2023, 8, 27), "Geneva"),
    ("SG3RG-AFR met in Dakar, Senegal, on 3-4 May 2018.",
     "RegionalGroupMeeting", date(2018, 5, 3), date(2018, 5, 4), "Dakar"),
    # a group's whole title in brackets, however long
    ("ITU-T Study Group 2 (Operational aspects of service provision and telecommunication management) met in Geneva "
     "from 30 May to 3 June 2022.", "StudyGroupMeeting", date(2022, 5, 30), date(2022, 6, 3), "Geneva"),
    ("ITU-T Study Group 5 (Environment, EMF and circular economy) held its meeting in Geneva from 30 May to 3 June "
     "2022.", "StudyGroupMeeting", date(2022, 5, 30), date(2022, 6, 3), "Geneva"),
    # 'an e-meeting' (its place is none: online)
    ("TSAG held an e-meeting from 26 to 30 April 2021.", "TSAGMeeting", date(2021, 4, 26), date(2021, 4, 30), None),
    # the meeting said between commas after the group: 'SG20, at its meeting in Geneva from ..., established ...'
    ("ITU-T Study Group 20, at its meeting in Geneva from 3 to 13 December 2018, established a new focus group.",
     "StudyGroupMeeting", date(2018, 12, 3), date(2018, 12, 13), "Geneva"),
    ("TSAG, at its meeting held in Geneva on 23 September 2019, agreed to establish a new rapporteur group.",
     "TSAGMeeting", date(2019, 9, 23), date(2019, 9, 23), "Geneva"),
])
def test_a_group_that_met_is_a_meeting_of_its_kind(text, kind, start, end, city):
    m = only(text + "\n")
    assert (m.kind, m.start, m.end, m.place.label if m.place else None) == (kind, start, end, city)


def test_a_meeting_of_a_group_said_at_its_meeting_without_commas_is_named_in_passing_not_reported():
    # 'to TSAG at its meeting in July': TSAG's next meeting, named in passing with its month; the text reports the
    # Focus Group's, which keeps its place
    ms = meetings("The Focus Group met in Kyoto on 7-9 April 2009. It will present its deliverables to TSAG at its "
                  "meeting in July 2009.\n")
    assert [(m.kind, m.start, m.place.label if m.place else None) for m in ms] == [
        ("Meeting", date(2009, 4, 7), "Kyoto"), ("TSAGMeeting", date(2009, 7, 1), None)]


def test_a_group_title_in_brackets_saying_future_does_not_make_the_host_another_editions():
    m = only("ITU-T Study Group 13 (Future networks) met in Seoul from 30 May to 3 June 2022, hosted by the Ministry of "
             "Science and ICT.\n")
    assert m.host.label == "Ministry of Science and ICT"


def test_a_rapporteur_group_of_tsag_that_met_is_not_a_tsag_meeting():
    ms = meetings("The Rapporteur Group on Working Methods of TSAG met on 27 August 2023.\n")
    assert [m.kind for m in ms] == ["RapporteurGroupMeeting"]


@pytest.mark.parametrize("text", [
    "Experts from SG13 met in Geneva on 3 May 2019 to align their drafts.",
    "The CTO meeting was held on 3 May 2019. Chairmen of SG13 and SG17 met the CTOs there.",
])
def test_a_group_named_in_passing_before_met_is_no_group_meeting(text):
    assert all(m.kind != "StudyGroupMeeting" for m in meetings(text + "\n"))


@pytest.mark.parametrize("body", ["ITU-T SG20", "Study Group 20 (IoT)", "ITU-T Study Group 20"])
def test_a_study_group_that_met_names_its_meeting_not_itself(body):
    assert only(f"{body} held its first meeting in Geneva on 3-4 May 2016.\n").name == "ITU-T Study Group 20 meeting"


# -- names ---------------------------------------------------------------------------------------------------

def test_a_regional_group_meeting_keeps_the_whole_name_of_its_region():
    m = only("The meeting of the SG3 Regional Group for Latin America and the Caribbean took place on 31 July 2013.\n")
    assert m.name == "meeting of the SG3 Regional Group for Latin America and the Caribbean"


@pytest.mark.parametrize("text, name", [
    ("The ITU Regional Standardization Forum for the Americas was held in Asunción, Paraguay, on 29-30 July 2013.",
     "ITU Regional Standardization Forum for the Americas"),
    ("This Regional Forum for Africa was held in Kigali on 3 May 2018.", "Regional Forum for Africa"),
])
def test_a_forum_is_named_without_its_article_and_with_its_region(text, name):
    assert only(text + "\n").name == name


# -- a meeting held alongside another one ---------------------------------------------------------------------

GSS_PRESS = """Global Standards Symposium opens in New Delhi

NEW DELHI, 14 October 2024 – The Global Standards Symposium (GSS-24) opened today in New Delhi, India, ahead of the World Telecommunication Standardization Assembly (WTSA-24), which runs from 15 to 24 October 2024.
"""


def test_a_date_in_the_clause_of_the_next_meeting_is_that_meetings_own():
    ms = {m.kind: m for m in meetings(GSS_PRESS)}
    assert (ms["Symposium"].start, ms["Symposium"].end) == (date(2024, 10, 14), date(2024, 10, 14))
    assert (ms["Conference"].start, ms["Conference"].end) == (date(2024, 10, 15), date(2024, 10, 24))
    assert ms["Symposium"].place.label == "New Delhi"
    assert ms["Conference"].place is None  # 'ahead of' it: where the symposium opened is not said of the assembly


CTO_AT_WCIT = ("The sixth ITU CTO meeting was held in Dubai on Monday, 10 December 2012, in conjunction with the World "
               "Conference on International Telecommunications (WCIT-12), which took place in Dubai from 3 to 14 "
               "December 2012.\n")


def test_the_event_a_meeting_is_held_with_is_dated_by_its_own_clause_and_is_its_co_located_event():
    ms = {m.kind: m for m in meetings(CTO_AT_WCIT)}
    assert (ms["Conference"].start, ms["Conference"].end) == (date(2012, 12, 3), date(2012, 12, 14))
    cto = ms["CTOMeeting"]
    assert (cto.start, cto.place.label) == (date(2012, 12, 10), "Dubai")
    assert cto.co_located is not None
    assert (cto.co_located.series.label, cto.co_located.year) == ("World Conference on International Telecommunications", 2012)


SGLA_EVE = """ITU-T Study Group Leadership Assembly (SGLA)
Hammamet, Tunisia, 24 October 2016

The Study Group Leadership Assembly was held in Hammamet, Tunisia, on 24 October 2016, on the eve of the World Telecommunication Standardization Assembly (WTSA-16), which took place from 25 October to 3 November 2016.
"""


def test_a_meeting_named_after_this_one_in_its_sentence_is_its_co_located_event():
    ms = {m.kind: m for m in meetings(SGLA_EVE)}
    sgla = ms["LeadershipAssembly"]
    assert sgla.co_located is not None and sgla.co_located.year == 2016
    assert sgla.co_located.series.label == "World Telecommunication Standardization Assembly"
    assert ms["Conference"].start == date(2016, 10, 25)


def test_the_text_after_a_sentence_naming_a_co_located_meeting_stays_with_the_meeting_it_reports():
    text = SGLA_EVE + "\nChairmen of SG 2, SG3 and Study Group 5 presented their experiences to the assembly.\n"
    ms = {m.kind: m for m in meetings(text)}
    assert {g.label for g in ms["LeadershipAssembly"].groups_mentioned} >= {
        "ITU-T Study Group 2", "ITU-T Study Group 3", "ITU-T Study Group 5"}
    assert not ms["Conference"].groups_mentioned


def test_tsag_by_its_full_name_that_held_its_meeting_and_a_rapporteur_group_named_with_commas():
    text = ("The Telecommunication Standardization Advisory Group (TSAG) held its meeting from 11 to 18 January 2021 "
            "in a fully virtual format. The Rapporteur Group on Work Programme, Restructuring and Collaboration "
            "(RG-WPR) met on 8 January 2021.\n")
    ms = {m.kind: m for m in meetings(text)}
    assert (ms["TSAGMeeting"].start, ms["TSAGMeeting"].end) == (date(2021, 1, 11), date(2021, 1, 18))
    assert ms["RapporteurGroupMeeting"].start == date(2021, 1, 8)
    assert ms["RapporteurGroupMeeting"].name.startswith("Rapporteur Group on Work Programme, Restructuring and Collaboration")


@pytest.mark.parametrize("text, start, end, city", [
    ("The eighth meeting of the Focus Group on AI for Health (FG-AI4H) was held in Lausanne, Switzerland, on 3-4 May "
     "2019.", date(2019, 5, 3), date(2019, 5, 4), "Lausanne"),
    ("The FG-AI4H meeting took place in Zanzibar, Tanzania, on 2-5 September 2019.",
     date(2019, 9, 2), date(2019, 9, 5), "Zanzibar"),
    ("The ITU-T Focus Group on Autonomous Networks met in Geneva on 3-4 May 2021.",
     date(2021, 5, 3), date(2021, 5, 4), "Geneva"),
])
def test_a_focus_group_meeting(text, start, end, city):
    m = only(text + "\n")
    assert (m.kind, m.start, m.end, m.place.label) == ("FocusGroupMeeting", start, end, city)


def test_a_focus_group_named_in_a_meetings_sentence_is_no_meeting_of_its_own():
    ms = meetings("TSAG agreed on 16 December 2022 to establish the Focus Group on Metaverse.\n"
                  "The outcome of the Focus Group on AI for Health was presented at the CTO meeting held in Geneva "
                  "on 3 May 2019.\n")
    assert "FocusGroupMeeting" not in {m.kind for m in ms}


# -- a month or a year that opens the sentence --------------------------------------------------------------

@pytest.mark.parametrize("text, start, end, precision", [
    ("In September 2018, the CTO meeting was held in Durban, South Africa, alongside ITU Telecom World 2018.",
     date(2018, 9, 1), date(2018, 9, 30), "month"),
    ("In late October 2019, a TSAG meeting took place in Geneva.", date(2019, 10, 1), date(2019, 10, 31), "month"),
    ("In 2019, the CTO meeting was held in Budapest.", date(2019, 1, 1), date(2019, 12, 31), "year"),
])
def test_a_month_or_year_opening_the_sentence_dates_its_meeting(text, start, end, precision):
    m = only(text + "\n")
    assert (m.start, m.end, m.precision) == (start, end, precision)


def test_a_month_opening_a_sentence_about_something_else_dates_no_meeting():
    assert not [m for m in meetings("Established in September 2018, the group met with the CTO meeting held in Geneva.\n")
                if m.start]


def test_a_heading_that_spells_out_chief_technology_officers_with_the_acronym_in_brackets():
    text = ("ITU-T Chief Technology Officers (CTO) Meeting\nGeneva, Switzerland\nTuesday, 3 December 2025\n\n"
            "Communiqué\n\n1. The CTO meeting was hosted by ITU in Geneva. Participants came from three operators.\n")
    m = only(text)
    assert (m.kind, m.start, m.place.label) == ("CTOMeeting", date(2025, 12, 3), "Geneva")


def test_an_assembly_named_as_what_is_prepared_for_takes_no_date_of_the_sentence():
    ms = meetings("The CTO meeting was held in Cairo on 24 February 2023. On 25 February 2023, the Arab Group agreed its "
                  "common proposals for WTSA-24.\n")
    assert [(m.kind, m.start) for m in ms if m.start] == [("CTOMeeting", date(2023, 2, 24))]
    m = only("The Asia-Pacific Telecommunity (APT) Preparatory Group meeting for WTSA-24 was held in Bali on 22-24 "
             "April 2024.\n")
    assert (m.kind, m.start, m.place.label) == ("PreparatoryMeeting", date(2024, 4, 22), "Bali")


def test_a_meeting_said_to_have_started_what_the_reported_one_continues_is_a_past_one():
    ms = meetings("Continuing the dialogue started at the CTO meeting in Busan in October 2014, CTOs met in Geneva on 3 "
                  "November 2015. CTOs from Nokia (Finland) and KDDI (Japan) took part.\n")
    (m,) = [m for m in ms if m.precision == "day"]
    assert (m.start, m.place.label) == (date(2015, 11, 3), "Geneva")
    assert {p.organization.label for p in m.participations} == {"Nokia", "KDDI Corporation"}


def test_the_one_meeting_dated_by_its_days_owns_the_text_when_none_opens_it():
    ms = meetings("Brasilia, 20/01/2020 - Anatel was present in the Study Group Leadership Assembly (SGLA), realized in "
                  "Geneva in the days 13 and 14 of January of 2020.\n\nDuring the assembly, the leaders debated the "
                  "preparations for the WTSA-20, which will be held in Hyderabad, India, in November of 2020. The SGLA "
                  "was coordinated by Mr. Bilel Example, chief of the Study Groups Department of TSB.\n")
    (sgla,) = [m for m in ms if m.kind == "LeadershipAssembly"]
    assert [p.name for p in sgla.people] == ["Bilel Example"]
    assert all(not m.people for m in ms if m is not sgla)


@pytest.mark.parametrize("text, start", [
    ("Geneva, 10 January 2023 - The CTO consultation held on 14 December brought together 20 CTOs.\n", date(2022, 12, 14)),
    ("Geneva, 20 December 2023 - The CTO consultation will be held on 14 January.\n", date(2024, 1, 14)),
    ("Geneva, 20 June 2023 - The CTO consultation held on 14 June brought together 20 CTOs.\n", date(2023, 6, 14)),
    # a sentence with no tense of its own, or one on the side of the release its tense says, keeps the release's year
    ("Geneva, 20 February 2023 - The ITU CTO meeting will be held in Seoul on 10 September.\n", date(2023, 9, 10)),
    ("Geneva, 5 November 2023 - The ITU CTO meeting held in Busan on 10 March brought together 20 CTOs.\n",
     date(2023, 3, 10)),
])
def test_a_day_without_its_year_is_the_one_nearest_the_release(text, start):
    assert min(m.start for m in meetings(text) if m.start) == start


@pytest.mark.parametrize("text, name", [
    ("The ITU Forum on Smart Cities was held in Cairo on 3-4 March 2018.", "ITU Forum on Smart Cities"),
    ("The ITU Symposium on ICT and Climate Change was held in Cairo on 3-4 March 2018.",
     "ITU Symposium on ICT and Climate Change"),
    ('NTRA organized the ITU Forum on "Bridging the Standardization Gap" in Cairo on 3 May 2015.',
     'ITU Forum on "Bridging the Standardization Gap"'),
])
def test_an_itu_forum_or_symposium_on_a_subject_is_named_with_its_subject(text, name):
    m = only(text + "\n")
    assert (m.kind, m.name) == ("Symposium", name)


@pytest.mark.parametrize("text", [
    "WTSA-20 was held in Geneva from 1 to 9 March 2022. WTSA-20 was originally scheduled for Hyderabad, India, in "
    "November 2020 but was postponed because of the pandemic.",
    "WTSA-20 was originally planned for November 2020 in Hyderabad, India, but was postponed to 1-9 March 2022 and held "
    "in Geneva.",
])
def test_the_date_and_place_a_meeting_was_first_planned_for_are_not_a_meeting(text):
    (m,) = meetings(text + "\n")
    assert (m.start, m.place.label) == (date(2022, 3, 1), "Geneva")


@pytest.mark.parametrize("text, start", [
    ("GENEVA, Oct 12, 2023 (Reuters) - CTOs met in Geneva on Tuesday for the ITU-T CTO meeting.", date(2023, 10, 10)),
    ("GENEVA, Oct 12, 2023 (VNA) - CTOs met in Geneva yesterday for the ITU-T CTO meeting.", date(2023, 10, 11)),
])
def test_a_dateline_with_its_agency_in_brackets_counts_the_days_of_its_story(text, start):
    assert only(text + "\n").start == start


def test_work_started_at_the_reported_meeting_does_not_make_it_a_past_one():
    ms = meetings("Work on digital twins started at the ITU-T Study Group 20 meeting held in Geneva from 15 to 24 July "
                  "2024. Delegates from Huawei (China) took part, and the meeting was chaired by Ms Ana Example (Brazil).\n")
    (m,) = [m for m in ms if m.kind == "StudyGroupMeeting"]
    assert [p.organization.label for p in m.participations] == ["Huawei"] and [p.name for p in m.people] == ["Ana Example"]


@pytest.mark.parametrize("text, start", [
    # only the verbs that say the meeting was held or is to be move a day to the release's other year
    ("Geneva, 10 January 2024 - The ITU workshop on 6G networks, hosted by KDDI, takes place in Tokyo on 14 March.",
     date(2024, 3, 14)),
    ("Geneva, 20 March 2024 - Since the ITU-T CTO meeting in Geneva on 4 March, CTOs are preparing a paper that will "
     "be submitted to TSAG.", date(2024, 3, 4)),
])
def test_a_day_without_its_year_keeps_the_release_year_without_a_verb_of_holding(text, start):
    assert min(m.start for m in meetings(text + "\n") if m.start) == start


@pytest.mark.parametrize("text, start, city", [
    ("The ITU-T CTO meeting, originally scheduled for March, took place in Geneva on 5 May 2024, hosted by Swisscom.",
     date(2024, 5, 5), "Geneva"),
    ("WTSA-20, originally scheduled to take place in Hyderabad in November 2020, was held in Geneva from 1 to 9 March "
     "2022 in a hybrid format.", date(2022, 3, 1), "Geneva"),
])
def test_what_was_first_planned_ends_at_its_aside(text, start, city):
    m = only(text + "\n")
    assert (m.start, m.place.label) == (start, city)


def test_a_colon_line_under_a_meetings_heading_dates_that_meeting():
    m = only("ITU-T CTO Meeting\nSeoul, 12 June 2024: The meeting brought together CTOs from AT&T (USA) and Orange "
             "(France), hosted by KT.\n")
    assert (m.start, m.place.label) == (date(2024, 6, 12), "Seoul")


def test_a_forum_on_a_date_is_named_without_it():
    m = only("The ITU Forum on 14 May 2024 in Budapest brought together regulators and operators.\n")
    assert "2024" not in m.name


@pytest.mark.parametrize("text, start", [
    ("Geneva, 2 April 2024 - Convened by the Director of TSB and hosted by KT, the ITU CTO meeting in Seoul on 12 June "
     "will focus on AI-native networks.", date(2024, 6, 12)),
    ("Final communiqué\nSeoul, 12 June 2024: Chief Technology Officers met at the invitation of ITU, hosted by KT, for "
     "the ITU CTO meeting.", date(2024, 6, 12)),
])
def test_the_tense_of_a_dates_own_clause_and_a_colon_line_under_a_title(text, start):
    assert min(m.start for m in meetings(text + "\n") if m.start) == start


def test_a_next_meeting_in_a_sentence_that_also_says_met_keeps_its_year():
    ms = meetings("Geneva, 2 February 2024 - TSAG met in Geneva from 29 January to 2 February 2024.\nTSAG, which met this "
                  "week for the first time in 2024, will hold its next meeting in Geneva from 22 to 26 July.\n")
    (m,) = [m for m in ms if m.start == date(2024, 1, 29)]
    assert m.next_meeting is not None and m.next_meeting.start == date(2024, 7, 22)


@pytest.mark.parametrize("text", [
    "Geneva, 2 April 2024 - The ITU CTO meeting in Seoul on 12 June will discuss the recommendations of the focus group "
    "that concluded its work in March.",
    "Geneva, 2 April 2024 - The outcomes of the ITU workshop that took place in Cairo in March will be presented to the "
    "ITU CTO meeting in Seoul on 12 June.",
    "Geneva, 2 April 2024 - The Director of TSB has convened the ITU CTO meeting in Seoul on 12 June, hosted by KT.",
])
def test_a_verb_of_another_subject_does_not_move_a_days_year(text):
    (m,) = [m for m in meetings(text + "\n") if m.kind == "CTOMeeting"]
    assert m.start == date(2024, 6, 12)


@pytest.mark.parametrize("text", [
    "Geneva, 20 November 2024: ITU Workshop on Quantum Networks\n\nExperts from Toshiba (Japan) and BT (United Kingdom) "
    "discussed QKD networks at the workshop, hosted by ITU.",
    "Abu Dhabi, 9 September 2024: The ITU-T CTO meeting, hosted by e&, brought together CTOs from AT&T (USA).",
])
def test_a_place_and_day_before_a_colon_are_the_meetings(text):
    assert only(text + "\n").start.day in (20, 9)


_CLASSIC = """COMMUNIQUÉ

ITU-T Meeting of Industry Chief Technology Officers

Kigali, Rwanda, 14 October 2032

1. The thirteenth meeting of industry Chief Technology Officers (CTOs) convened by ITU-T took place in Kigali, Rwanda,
on 14 October 2032, hosted by Example Inyenyeri Group.

2. The participants welcomed the offer of Example Plata Telecom to host the next ITU-T CTO meeting in Montevideo, Uruguay, in March 2033.
"""


def test_a_meeting_of_industry_ctos_is_a_cto_meeting_and_the_next_itu_t_cto_meeting_is_its_next():
    (m,) = facts_of(_CLASSIC).meetings
    assert (m.kind, m.start, m.place.label, m.ordinal[0]) == ("CTOMeeting", date(2032, 10, 14), "Kigali", 13)
    assert m.next_meeting is not None and m.next_meeting.place.label == "Montevideo"


_WITH_ITS_SERIES = """ITU-T CxO Meeting 2029 — Communiqué

Mexico City, Tuesday 12 June 2029

Senior executives met ITU-T leadership in Mexico City for the third ITU-T CxO meeting. The meeting was hosted by
Example Aztlan Digital.

About the CxO meetings
The series was launched in 2027, when the first meeting was held in Dubai, United Arab Emirates, on 7 November 2027. The second meeting took place in Lisbon, Portugal, on 18 May 2028, hosted by Example Atlantico Redes.
"""


def test_the_numbered_meeting_a_dated_heading_opens_on_is_that_meeting_and_its_series_editions_are_read():
    by_year = {m.start.year: m for m in facts_of(_WITH_ITS_SERIES).meetings if m.start is not None}
    assert sorted(by_year) == [2027, 2028, 2029] and len(facts_of(_WITH_ITS_SERIES).meetings) == 3
    assert (by_year[2029].ordinal[0], by_year[2029].host.label) == (3, "Example Aztlan Digital")
    assert (by_year[2027].ordinal[0], by_year[2027].place.label) == (1, "Dubai")
    assert (by_year[2028].ordinal[0], by_year[2028].start, by_year[2028].place.label) == (2, date(2028, 5, 18), "Lisbon")
