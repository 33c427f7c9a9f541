"""Tables a web page leaves one cell per line, days dated by their weekday, who led a meeting, whose next meeting
'its next meeting' is, and the days of another event in its brackets.

Every text here is written for the test, in the forms of the family (news pages, communiqués converted from PDF).
"""
from __future__ import annotations

from datetime import date

from extract_fixtures import facts_of, only_dated, posts_of

_FLAT_TABLE = """Regional consultation of CTOs for the Arab region

The Director of TSB led a Regional Consultation of CTOs in the city of Muscat, Oman, on 3 March 2025.

Participants

Organization
Country
Represented by
Qalhat Mobile SAOG
Oman
Eng. Salim AL-HINAI, Chief Technology Officer
Dunes Fibre W.L.L.
Bahrain
Ms Noor HADDAD, Vice-President, Technology
Arab Telecom Forum
—
Mr Karim SAYED, Programme Officer

Next steps
"""


def test_a_table_left_one_cell_per_line_gives_each_row_s_organization_country_and_person():
    m = only_dated(_FLAT_TABLE)
    countries = {p.organization.label: p.country.label if p.country else None for p in m.participations}
    assert countries == {"Qalhat Mobile SAOG": "Oman", "Dunes Fibre W.L.L.": "Bahrain", "Arab Telecom Forum": None}
    posts = posts_of(m)
    assert posts["Salim Al-Hinai"] == "Chief Technology Officer"
    assert posts["Karim Sayed"] == "Programme Officer"


def test_the_field_of_a_post_is_no_organization():
    # 'Vice-President, Technology': Technology is what she is Vice-President of, not where she works
    facts = facts_of(_FLAT_TABLE)
    labels = {o.label for o in facts.organizations} | {p.organization.label for m in facts.meetings
                                                       for p in m.participations}
    labels |= {p.affiliation.label for m in facts.meetings for p in m.people if p.affiliation}
    assert "Technology" not in labels


def test_lines_that_only_look_like_headings_make_no_table():
    facts = facts_of("CTO meeting\n\nThe CTO meeting took place in Lima, Peru, on 4 May 2026.\n\nName\nCountry\n"
                     "The participants agreed to meet again.\n")
    assert [p.organization.label for m in facts.meetings for p in m.participations] == []


def test_a_meeting_someone_led_took_place_and_its_text_says_its_next_one():
    m = only_dated("The Director of TSB led a Regional Consultation of CTOs for Africa in Accra, Ghana, on 14 May 2025."
                   "\n\nThe next regional consultation of CTOs will be held in Manila, Philippines, on 2 December 2025.\n")
    assert m.start == date(2025, 5, 14)
    assert m.next_meeting is not None and m.next_meeting.start == date(2025, 12, 2)
    assert m.next_meeting.place.label == "Manila"


def test_a_day_said_with_its_weekday_and_no_year_takes_the_year_where_it_is_that_weekday():
    # the text names next year more often than its own; 6 October 2014 was a Monday, 6 October 2015 a Tuesday
    m = only_dated("ITU-T CTO MEETING\n\nCOMMUNIQUÉ\n\nGeneva, 8 October 2014\n\n1. On Monday, 6 October, chief "
                   "technology officers and senior executives of ICT companies met in Geneva, Switzerland, at the "
                   "invitation of the TSB Director.\n\n2. The CTOs looked ahead to 2015: the Kaleidoscope 2015 "
                   "conference and the GSR 2015 will be followed by a next CTO meeting in 2015.\n")
    assert m.start == date(2014, 10, 6)


def test_a_communique_s_date_line_gives_way_to_the_day_its_text_says_the_ctos_met():
    m = only_dated("ITU-T CTO MEETING\n\nCOMMUNIQUÉ\n\nSeoul, 16 June 2022\n\nOn 14 June 2022, chief technology "
                   "officers and senior technology executives of leading ICT companies met in Seoul at the "
                   "invitation of the TSB Director.\n")
    assert (m.start, m.place.label) == (date(2022, 6, 14), "Seoul")


def test_its_next_meeting_after_another_group_is_that_group_s():
    facts = facts_of("ITU-T CTO meeting\n\nCTOs met in Geneva on 12 March 2024 at the invitation of the TSB Director. "
                     "The Director will present this communiqué to TSAG at its next meeting (Geneva, 20-24 May 2024).\n")
    by_kind = {m.kind: m for m in facts.meetings}
    assert by_kind["CTOMeeting"].next_meeting is None


def test_the_days_of_another_event_in_its_brackets_after_its_place_are_its_own():
    m = only_dated("CTOs met in Busan on 24 September 2017 at the invitation of the TSB Director, at ITU Telecom "
                   "World 2017 (Busan, Republic of Korea, 25-28 September 2017).\n")
    events = [e for e in [m.co_located, *m.events_mentioned] if e is not None]
    assert [(e.label, e.start, e.end) for e in events][:1] == [("ITU Telecom World 2017", date(2017, 9, 25),
                                                               date(2017, 9, 28))]


def test_the_year_written_in_full_after_the_assembly_a_meeting_prepares_for_stays_in_its_name():
    m = only_dated("Accra, 20 March 2028 – The ATU held the Third ATU Preparatory Meeting for the World "
                   "Telecommunication Standardization Assembly 2028 (WTSA-28) from 13 to 16 March 2028 in Lusaka, "
                   "Zambia.\n")
    assert m.name.endswith("Assembly 2028 (WTSA-28)"), m.name
    assert (m.place.label, m.start) == ("Lusaka", date(2028, 3, 13))


def test_a_group_which_met_somewhere_on_its_days_held_a_meeting_there():
    facts = facts_of("The CEPT preparatory meeting for WTSA-28 took place in Oslo, Norway, from 3 to 5 May 2028.\n\n"
                     "Delegates noted the report of the ITU-T Study Group 5 Regional Group for Europe (SG5RG-EUR), "
                     "which met in Vilnius, Lithuania, from 10th to 12th April 2028, and of ITU-T Study Group 12, "
                     "which met in Geneva from 17 to 26 January 2028.\n")
    held = {(m.kind, m.start, m.place.label) for m in facts.meetings if m.start}
    assert ("RegionalGroupMeeting", date(2028, 4, 10), "Vilnius") in held
    assert ("StudyGroupMeeting", date(2028, 1, 17), "Geneva") in held


def test_a_meeting_held_at_the_same_venue_was_held_where_the_one_reported_was():
    facts = facts_of("The APT held its second preparatory meeting for WTSA-28 from 6 to 9 June 2027 at the "
                     "convention centre in Da Nang, Viet Nam.\n\nOn the eve of the meeting, 5 June 2027, a Standards "
                     "Forum for Asia-Pacific was organised at the same venue.\n\nWTSA-28 will be held at the same "
                     "venue as WTSA-24 from 3 to 12 October 2028.\n")
    places = {m.start: m.place.label if m.place else None for m in facts.meetings if m.start}
    assert places[date(2027, 6, 5)] == "Da Nang"
    assert places[date(2028, 10, 3)] is None  # the same venue as another meeting, which the text does not place


def test_names_written_surname_first_with_a_patronymic_or_initials_are_read_given_name_first():
    m = only_dated("In the period of 3-5 May 2027 in the city of Baku the 4th meeting of the RCC Working Group on "
                   "preparation for WTSA-28 was held.\n\nThe meeting was opened by the Deputy Minister of Digital "
                   "Development of the Azerbaijan Republic Mammadov Rashad Ilgarovich. It was conducted by the "
                   "Chairman of the Working Group Orlova Natalia Sergeevna (Russian Federation). The report on the "
                   "TSAG meeting was made by Mr Kuznetsov P.I., Head of Department of the Administration.\n")
    names = {p.name for p in m.people}
    assert {"Rashad Ilgarovich Mammadov", "Natalia Sergeevna Orlova", "P.I. Kuznetsov"} <= names, names


def test_a_name_with_its_patronymic_in_the_middle_keeps_its_order():
    m = only_dated("The RCC Working Group on preparation for WTSA-28 met in Baku from 3 to 5 May 2027, chaired by "
                   "Mr Ivan Petrovich Sidorenko (Ukraine).\n")
    assert [p.name for p in m.people] == ["Ivan Petrovich Sidorenko"]
    assert m.name == "RCC Working Group meeting"


def test_the_days_of_a_meeting_a_headline_dates_by_its_month_are_that_meeting_s():
    facts = facts_of("Report on the TSAG Meeting Held Online in June 2027\n\nAbstract\nThe Telecommunication "
                     "Standardization Advisory Group (TSAG) of the ITU Telecommunication Standardization Sector (ITU-T) "
                     "held its third meeting of the study period fully online from June 7 to 11, 2027.\n")
    assert [(m.kind, m.start, m.end) for m in facts.meetings] == [("TSAGMeeting", date(2027, 6, 7), date(2027, 6, 11))]


def test_a_meeting_named_as_its_sentence_s_subject_is_dated_by_its_own_clause_whatever_else_the_sentence_names():
    facts = facts_of("TSAG met in Geneva from 10 to 14 May 2027.\n\n3.1 Preparation for WTSA-24\nWTSA-24 will be held "
                     "in New Delhi from October 15 to 24, 2028, preceded by the Global Standards Symposium on "
                     "October 14.\n")
    dated = {m.name: (m.start, m.place.label if m.place else None) for m in facts.meetings}
    assert dated["WTSA-24"] == (date(2028, 10, 15), "New Delhi")  # an edition held later than its name's year
    assert dated["Global Standards Symposium"] == (date(2028, 10, 14), None)


def test_the_meetings_of_another_body_a_rapporteur_group_s_report_dates_are_meetings_it_names():
    facts = facts_of("The interim meeting of RG-WP was held remotely on 3 and 4 March 2027, as agreed by TSAG at its "
                     "previous meeting (Geneva, 10-14 January 2027).\n\nRG-WP will next meet during the TSAG meeting "
                     "(virtual, 24-28 May 2027).\n")
    held = {(m.kind, m.start, m.place.label if m.place else None) for m in facts.meetings}
    assert held == {("RapporteurGroupMeeting", date(2027, 3, 3), None), ("TSAGMeeting", date(2027, 1, 10), "Geneva"),
                    ("TSAGMeeting", date(2027, 5, 24), None)}


def test_a_related_list_under_its_one_word_heading_names_no_meeting_of_the_text():
    facts = facts_of("APT News\n\nThe 2nd Meeting of the APT Preparatory Group for WTSA-28 was held in Bangkok on "
                     "3-6 March 2027.\n\nShare this: Facebook | Twitter\n\nRelated\nAPT Regulatory Forum goes online - "
                     "3 July 2026\nFirst Meeting of the APT Preparatory Group for WTSA-28 concludes - 14 October 2026\n")
    assert [m.start for m in facts.meetings if m.start] == [date(2027, 3, 3)]


def test_a_regional_team_s_meeting_under_a_dateline_in_two_calendars():
    m = only_dated("News\n\nThe Kingdom hosts the second meeting of the Gulf Team for preparation of WTSA-28\n\nManama, "
                   "Thursday 5 Dhu al-Hijjah 1449 AH corresponding to 20 April 2028 – The Telecommunications, Posts and "
                   "Broadcasting Authority (TPBA) hosted in Manama, during the period 17-19 April 2028, the second and "
                   "final meeting of the Gulf Team for the preparation of the World Telecommunication Standardization "
                   "Assembly (WTSA-28).\n")
    assert (m.kind, m.start, m.end, m.place.label) == ("PreparatoryMeeting", date(2028, 4, 17), date(2028, 4, 19), "Manama")
    assert m.host is not None and m.host.label.startswith("Telecommunications, Posts and Broadcasting Authority")


def test_who_heads_a_country_s_delegation_holds_that_post_for_that_country():
    m = only_dated("TSAG met in Geneva from 10 to 14 May 2027. The delegation of the Republic of Korea was headed by "
                   "Dr. PARK Ji-hoon of the Ministry of Science and ICT. The Brazilian delegation was led by Ms Ana "
                   "Sample, Adviser at Anatel.\n")
    heads = {p.name: p.country.label for p in m.people if p.post and p.post.label == "Head of Delegation"}
    assert heads == {"Park Ji-hoon": "Republic of Korea", "Ana Sample": "Brazil"}


def test_a_known_body_after_a_post_is_read_whole_past_its_and():
    m = only_dated("TSAG met in Geneva from 10 to 14 May 2027. The Chinese delegation was headed by Ms CHEN Lihua, "
                   "Director-General at the Ministry of Industry and Information Technology (MIIT).\n")
    assert {p.affiliation.label for p in m.people if p.affiliation} == {"Ministry of Industry and Information Technology"}


def test_an_assembly_rescheduled_to_take_place_somewhere_is_dated_by_that_clause():
    facts = facts_of("The meeting of the ITU Telecommunication Standardization Advisory Group (TSAG) was held online from "
                     "1 to 5 March 2027.\n\nThe main items were:\n• preparations for the World Telecommunication "
                     "Standardization Assembly (WTSA-28), now rescheduled to take place in Cairo, Egypt, from 2 to 11 "
                     "October 2028;\n")
    dated = {m.kind: (m.start, m.place.label if m.place else None) for m in facts.meetings}
    assert dated == {"TSAGMeeting": (date(2027, 3, 1), None), "Conference": (date(2028, 10, 2), "Cairo")}


def test_a_day_said_before_ahead_of_a_meeting_is_not_that_meeting_s():
    facts = facts_of("TSAG met online from 1 to 5 March 2027. The Authority will brief stakeholders at a forum in "
                     "Lusaka on 25 March 2027, ahead of the next African Telecommunications Union (ATU) preparatory "
                     "meeting for WTSA-28.\n")
    assert [m.start for m in facts.meetings if m.kind == "PreparatoryMeeting"] in ([], [None])


def test_a_group_with_an_apposition_before_held_its_meeting_held_it():
    m = only_dated("Report on the ITU-T Study Group 13 Meeting (March 2027)\n\n1. Introduction\nITU-T Study Group 13 "
                   "(SG13), the lead study group on future networks, held its meeting from 1 to 12 March 2027 in Geneva, "
                   "Switzerland.\n")
    assert (m.kind, m.start, m.end) == ("StudyGroupMeeting", date(2027, 3, 1), date(2027, 3, 12))


def test_a_range_of_days_in_figures_with_its_month_after_them():
    m = only_dated("Title: Report of the meeting of the ITU-T Study Group 12 Regional Group for Africa (Dakar, "
                   "14-16/11/2027)\n\nThe meeting was opened by the Chairman.\n")
    assert (m.start, m.end, m.place.label) == (date(2027, 11, 14), date(2027, 11, 16), "Dakar")


def test_a_report_heading_that_names_the_meeting_its_text_dates_is_that_meeting():
    facts = facts_of("REPORT\nof the fifth meeting of the RCC Working Group on preparation for WTSA-28\n\n1.1 The fifth "
                     "meeting of the RCC Working Group on preparation for WTSA-28 was held on 3-5 May 2027 in Almaty.\n")
    ours = [(m.name, m.start) for m in facts.meetings if "RCC" in m.name]
    assert ours == [("fifth meeting of the RCC Working Group", date(2027, 5, 3))]


def test_the_year_of_the_following_meeting_written_after_an_abbreviated_month_does_not_date_this_one():
    facts = facts_of("09/09/2026 | Hits 1,208\n\nTTA and ITU held a workshop on quantum-safe networks on Sept. 6 in "
                     "Seoul, on the eve of the meeting of ITU-T Study Group 17, which runs at the same venue Sept. 7-16 at "
                     "the invitation of the Ministry of Science and ICT (MSIT) of the Republic of Korea.\n\nThe following "
                     "SG17 meeting will be held in Geneva, Feb. 2-11, 2027.\n")
    sg17 = next(m for m in facts.meetings if m.kind == "StudyGroupMeeting")
    assert (sg17.start, sg17.place.label) == (date(2026, 9, 7), "Seoul")


def test_a_post_before_a_name_with_initials_ends_at_that_name():
    m = only_dated("The RCC Working Group on preparation for WTSA-28 met in Baku from 3 to 5 May 2027. Welcome speeches "
                   "were made by Karimov B.T., Deputy Minister of Digital Technologies of the Republic of Uzbekistan, "
                   "and Mukhamedova N.A., Deputy Director General of the RCC Executive Committee.\n")
    posts = {p.name: p.post.label for p in m.people}
    assert posts == {"B.T. Karimov": "Deputy Minister of Digital Technologies of the Republic of Uzbekistan",
                     "N.A. Mukhamedova": "Deputy Director General of the RCC Executive Committee"}


def test_the_fields_after_a_head_of_delegation_s_post_are_no_organization():
    m = only_dated("TSAG met online from 1 to 5 March 2027. The Kenyan delegation was led by Eng. Peter Kamau, Director, "
                   "Licensing, Compliance and Standards, and included officials of the Ministry of ICT.\n")
    assert {(p.post.label, p.affiliation) for p in m.people} == {("Director", None), ("Head of Delegation", None)}


def test_at_the_same_venue_is_the_venue_of_the_meeting_its_paragraph_named_before_it():
    facts = facts_of("Smart grid experts meet in Ottawa\nThe third meeting of the Focus Group on Smart Grid took place in "
                     "Ottawa, Canada, from 12 to 14 July 2027.\n\nKigali forum\nDelegates gathered in Kigali, Rwanda, on "
                     "26-27 July 2027 for the ITU Regional Standardization Forum for Africa, hosted by the Rwanda "
                     "Utilities Regulatory Authority (RURA). The forum was followed on 28 July by a meeting of the Study "
                     "Group 3 Regional Group for Africa (SG3RG-AFR) at the same venue.\n")
    places = {m.start: m.place.label for m in facts.meetings if m.start and m.place}
    assert places[date(2027, 7, 26)] == "Kigali"  # not Rwanda read from the host's name
    assert places[date(2027, 7, 28)] == "Kigali"  # not Ottawa, the digest's first meeting


def test_at_the_same_venue_after_a_headline_naming_the_first_meeting_is_that_meeting_s_venue():
    facts = facts_of("TTA and ITU hold joint workshop on quantum-safe networks in Seoul\n\nSeoul, Korea - TTA and ITU "
                     "jointly organized the ITU Workshop on Quantum-Safe Networks on 6 September 2026 at COEX in Seoul. "
                     "It was held on the eve of the meeting of ITU-T Study Group 17, which runs at the same venue from 7 "
                     "to 16 September 2026 at the invitation of the Ministry of Science and ICT of the Republic of Korea.\n")
    sg17 = next(m for m in facts.meetings if m.kind == "StudyGroupMeeting")
    assert sg17.place is not None and sg17.place.label == "Seoul"


def test_a_family_name_in_capitals_after_mc_and_a_post_elected_after_another():
    m = only_dated("The Focus Group on Smart Grid met in Ottawa from 12 to 14 July 2027. FG Smart chairman Mr. Gordon "
                   "McALLISTER (Canada) opened the meeting. Prof. Dr. Ana-Maria POPESCU, head of our Optical Networks "
                   "Laboratory, has been elected Vice-Chair of ITU-T Study Group 15.\n")
    posts = {(p.name, p.post.label) for p in m.people if p.post}
    assert ("Gordon McAllister", "Chair") in posts
    assert ("Ana-Maria Popescu", "Vice-Chair of SG15") in posts


def test_a_ministry_s_delegation_is_its_country_s_and_its_head_may_be_named_after_a_post():
    m = only_dated("TSAG met in Geneva from 22 to 26 January 2027. Delegation of Ministry of Digital Technologies of the "
                   "Republic of Uzbekistan was headed by Deputy Minister KARIMOV Rustam Shavkatovich.\n")
    heads = {(p.name, p.country.label) for p in m.people if p.post and p.post.label == "Head of Delegation"}
    assert heads == {("Rustam Shavkatovich Karimov", "Uzbekistan")}
