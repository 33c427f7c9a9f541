"""Names a list or a sentence gives in less usual forms, and what a group is (not) asked when a sentence names it.

Every text here is written for the test, in the forms of the family (CTO communiqués, TSAG reports).
"""
from __future__ import annotations

from datetime import date

from extract_fixtures import facts_of, only_dated

_CTO = "The meeting of Chief Technology Officers took place in Geneva on 12 March 2011. "
_TSAG = "The TSAG meeting took place in Geneva on 12 March 2011. "


def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    m = only_dated(text)
    return {p.name: (p.affiliation.label if p.affiliation else None, p.country.label if p.country else None)
            for p in m.people}


def _actions(text: str) -> set[tuple[str, str]]:
    return {(a.group.label, a.action) for a in only_dated(text).group_actions}


def test_a_family_name_in_capitals_first_is_a_person_of_the_body_in_brackets():
    m = only_dated(_CTO + "Participants included Ana Ruiz (Telefonica, Spain), LEE Jong-sik (SK Telecom, Korea) and "
                          "ZHAO Wei (China Mobile).")
    people = {p.name: p for p in m.people}
    assert people["Lee Jong-sik"].affiliation.label == "SK Telecom"
    assert people["Lee Jong-sik"].country.label == "Republic of Korea"
    assert people["Zhao Wei"].affiliation.label == "China Mobile"
    orgs = {p.organization.label for p in m.participations}
    assert orgs == {"Telefónica", "SK Telecom", "China Mobile"}  # no 'LEE Jong-sik (SK Telecom' organization


def test_a_name_cut_at_a_comma_inside_brackets_is_no_organization():
    m = only_dated(_CTO + "Participants included Foo Research Division Bar (Acme Corp, Korea) and Orange (France).")
    assert [p.organization.label for p in m.participations] == ["Orange"]


def test_a_known_name_that_goes_on_is_another_organization():
    people = _people(_CTO + "Mr Hans Example of Nokia Siemens Networks chaired the session. Ms Ana Ruiz of Orange "
                            "Business Services spoke. Dr Ij Kl of South Africa Telecom spoke.")
    assert people["Hans Example"][0] == "Nokia Siemens Networks"
    assert people["Ana Ruiz"][0] == "Orange Business Services"
    assert people["Ij Kl"] == ("South Africa Telecom", None)  # a company, not the country its name opens with


def test_a_known_name_before_a_place_a_legal_form_or_a_day_stays_the_known_one():
    people = _people(_CTO + "Dr Li Wei of Huawei Technologies Sweden said hello. Mr Bo Ek of Ericsson AB spoke. "
                            "Ms Ada Ko of Orange Thursday spoke. Mr Ab Cd of China said that. Jane Roe of Orange. "
                            "She spoke.")
    assert people["Li Wei"][0] == "Huawei" and people["Bo Ek"][0] == "Ericsson"
    assert people["Ada Ko"][0] == "Orange" and people["Jane Roe"][0] == "Orange"
    assert people["Ab Cd"] == (None, "China")


def test_led_by_a_person_and_reporting_to_a_group_ask_the_group_nothing():
    assert _actions(_TSAG + "The correspondence group on IPv6, led by Mr Alan Brown, will report to TSAG. "
                            "The focus group will study quantum networks and report to SG13.") == set()
    assert _actions(_TSAG + "Work on security, led by SG17, will continue.") == {("ITU-T Study Group 17", "lead")}


def test_a_liaison_sent_to_a_group_still_coordinates_with_it():
    assert _actions(_TSAG + "The meeting agreed to send a liaison statement to ITU-T Study Group 13.") == {
        ("ITU-T Study Group 13", "coordinate")}


def test_a_group_closed_is_not_established_and_the_group_that_notes_it_is_asked_nothing():
    assert _actions(_TSAG + "TSAG took note of the closure of FG-AN and approved the establishment of FG-X. "
                            "TSAG noted the conclusion of the Focus Group on Smart Grid.") == {("FG-X", "establish")}


def test_the_group_designated_leads_not_the_one_that_designates():
    assert _actions(_TSAG + "TSAG designated SG17 as the lead study group on security.") == {
        ("ITU-T Study Group 17", "lead")}


def test_what_took_place_hosted_by_a_body_is_hosted_by_it():
    m = only_dated("ITU Kaleidoscope 2025 took place in Geneva, Switzerland, on 3-5 December 2025, hosted by the "
                   "University of Geneva. The next edition will take place in Nairobi.")
    assert m.host is not None and m.host.label == "University of Geneva"
    assert m.place.label == "Geneva"


def test_a_country_in_brackets_after_a_body_places_no_meeting_named_near_it():
    ms = facts_of("The Study Group Leadership Assembly met on 23 October 2016, one day before WTSA-16, under the "
                  "chairmanship of Mr Bruce Example (Ericsson, Canada).").meetings
    assert all(m.place is None for m in ms), [(m.name, m.place) for m in ms]
    assert only_dated("The CTO meeting (Nusa Dua, Indonesia) took place on 3 May 2016.").country.label == "Indonesia"


def test_a_study_group_that_held_a_meeting_or_concluded_one_today_reports_it():
    m = only_dated("ITU-T Study Group 13 held a meeting in Geneva from 11 to 22 July 2022, chaired by Mr Leo Example "
                   "(KT, Korea).")
    assert (m.name, str(m.start), str(m.end), m.place.label) == ("ITU-T Study Group 13 meeting", "2022-07-11",
                                                                "2022-07-22", "Geneva")
    m = only_dated("Geneva, 22 July 2022 - ITU-T Study Group 13 concluded today a two-week meeting in Geneva.")
    assert m.name == "ITU-T Study Group 13 meeting" and m.place.label == "Geneva"


def test_a_sentence_opening_on_the_meeting_under_its_heading_owns_the_text_after_it():
    text = ("An ITU workshop on Bridging the Standardization Gap was held in Accra, Ghana, on 13 and 14 June 2011. "
            "Dr Yaw Asante-Darko opened the event.\n\nSG15 agrees new standards\n{} ITU-T Study Group 15 consented 26 draft "
            "Recommendations. "
            "The meeting was chaired by Dr Ellen Whitaker (Ciena, United States).\n")
    for opening in ("Meeting in Geneva from 6 to 17 June,", "At its meeting in Geneva from 6 to 17 June,"):
        ms = {m.name: m for m in facts_of(text.format(opening)).meetings}
        sg15 = ms["ITU-T Study Group 15 meeting"]
        assert (str(sg15.start), str(sg15.end), sg15.place.label) == ("2011-06-06", "2011-06-17", "Geneva")
        assert [p.name for p in sg15.people] == ["Ellen Whitaker"]
        assert [p.name for p in ms["ITU workshop on Bridging the Standardization Gap"].people] == ["Yaw Asante-Darko"]


def test_another_body_that_will_hold_its_next_meeting_is_not_the_next_meeting_of_this_one():
    text = "Meeting in Geneva from 6 to 17 June 2011, ITU-T Study Group 15 consented 20 new Recommendations. {}"
    assert only_dated(text.format("TSAG will hold its next meeting in Geneva from 4 to 8 July 2011.")).next_meeting is None
    m = only_dated(text.format("The group will hold its next meeting in Geneva from 4 to 8 July 2012."))
    assert m.next_meeting is not None and str(m.next_meeting.start) == "2012-07-04"


def test_a_word_of_a_bodys_name_and_a_group_set_up_by_another_give_no_action():
    actions = _actions(_TSAG + "SG16 had established FG-DLT in 2017. TSAG agreed to establish FG-AI4H, with Study Group "
                               "13 as parent group. The Review Committee reported on the Joint Coordination Activity "
                               "on IoT and Smart Cities.")
    assert actions == {("Focus Group on Application of Distributed Ledger Technology", "establish"),
                       ("Focus Group on Artificial Intelligence for Health", "establish")}


def test_the_groups_a_coordination_is_between_coordinate_not_the_one_that_discussed_it():
    assert _actions(_TSAG + "TSAG discussed coordination of work between SG20 and SG13.") == {
        ("ITU-T Study Group 20", "coordinate"), ("ITU-T Study Group 13", "coordinate")}


def test_how_to_take_part_names_no_subject_of_the_meeting():
    text = ("An ITU workshop on quantum-safe networks will take place in Shanghai on 12 May 2027. Participation is open "
            "to ITU Member States, Sector Members, Associates and Academia. Remote participation will be available. {}")
    assert {t.label for t in only_dated(text.format("")).topics} == {"quantum-safe cryptography"}
    said = {t.label for t in only_dated(text.format("The workshop will discuss remote participation tools.")).topics}
    assert "electronic working methods" in said


def test_a_heading_with_the_meetings_ordinal_and_days_across_two_months():
    m = only_dated("TSAG, fifth meeting, Geneva, 30 April – 3 May 2019\n\nTSAG agreed to establish the Focus Group on AI "
                   "for autonomous and assisted driving (FG-AI4AD).")
    assert (m.name, str(m.start), str(m.end), m.place.label) == ("TSAG meeting", "2019-04-30", "2019-05-03", "Geneva")
    m = only_dated("ITU-T Study Group 17, 3rd meeting, Geneva, 29 August – 7 September 2023\n\nSG17 agreed to study "
                   "quantum-safe networks.")
    assert (m.name, str(m.start), str(m.end)) == ("ITU-T Study Group 17 meeting", "2023-08-29", "2023-09-07")


def test_malaysian_styles_and_a_chief_executive():
    people = {p.name: p for p in only_dated(
        "The CxO roundtable took place in Kuala Lumpur on 12 May 2024. Mr Ahmad Example, Chief Executive of BOCRA, "
        "spoke. Tan Sri Ahmad Zaki Example, Chairman of MCMC, opened the event. Datuk Seri Ali Example (Maxis) spoke. "
        "The Tun Razak Exchange was the venue.").people}
    assert set(people) == {"Ahmad Example", "Ahmad Zaki Example", "Ali Example"}
    assert people["Ahmad Example"].post.label == "Chief Executive of BOCRA"


def test_the_partners_of_a_groups_work_took_no_part_in_the_meeting():
    m = only_dated(_TSAG + "The Focus Group on Artificial Intelligence for Health (FG-AI4H), established jointly with "
                           "WHO, was extended by one year. TSAG invited Study Group 17 to consider the security aspects "
                           "of distributed ledger technologies in cooperation with the Focus Group on Application of "
                           "Distributed Ledger Technology (FG DLT).")
    assert m.participations == []
    m = only_dated("The workshop on 5G was held in Geneva on 3 May 2019, organized by ITU-T Study Group 13 in "
                   "collaboration with ETSI and 3GPP.")
    assert {p.organization.label for p in m.participations} == {"European Telecommunications Standards Institute",
                                                                 "3rd Generation Partnership Project"}


def test_a_dateline_without_a_year_takes_none_from_the_next_meeting():
    m = facts_of("KUALA LUMPUR, Sept 26 (Agency) -- Technology executives today met at the ITU CxO Roundtable held "
                 "here. The next roundtable is scheduled for Mumbai, India in March 2028.").meetings[0]
    assert m.start is None or m.start.year != 2028


def test_a_news_agency_list_of_titles_in_lower_case_before_their_holders():
    m = only_dated("The ITU CxO Roundtable was held in Kuala Lumpur on 26 September 2027. Among those present were "
                   "CelcomDigi chief technology officer Azmi Osman, Maxis chief technology officer Wong Kah Leong, "
                   "Telkom Indonesia director Hendra Wijaya and PLDT chief technology and information officer Jose "
                   "Ramon Dizon.")
    posts = {(p.name, p.post.label if p.post else None) for p in m.people}
    assert posts == {("Azmi Osman", "Chief Technology Officer"), ("Wong Kah Leong", "Chief Technology Officer"),
                     ("Hendra Wijaya", "Director"), ("Jose Ramon Dizon", "Chief Technology and Information Officer")}


def test_an_announced_meeting_its_host_its_venue_and_the_workshop_before_it():
    text = ("Gaborone, 2 June 2014 – The Botswana Communications Regulatory Authority (BOCRA) is pleased to announce "
            "that it will host the meeting of the ITU-T Study Group 3 Regional Group for Africa (SG3RG-AFR) from 16 to 18 "
            "June 2014 at the Gaborone International Convention Centre.\n\nThe meeting will be preceded by an ITU "
            "Workshop on Internet Connectivity in Africa on 15 June 2014.\n\nThe SG3RG-AFR is chaired by Mr Ahmed "
            "Example (Tanzania).\n")
    ms = {m.kind: m for m in facts_of(text).meetings}
    rg, ws = ms["RegionalGroupMeeting"], ms["Workshop"]
    assert (str(rg.start), rg.place.label, rg.host.label) == (
        "2014-06-16", "Gaborone", "Botswana Communications Regulatory Authority")
    assert [p.name for p in rg.people] == ["Ahmed Example"] and ws.people == []
    assert str(ws.start) == "2014-06-15"


def test_a_workshop_followed_by_a_meeting_keeps_its_own_text():
    text = ("ITU Workshop on Quantum-Safe Networks\nShanghai, China, 14–15 April 2027\n\nThe workshop, hosted by the "
            "China Academy of Information and Communications Technology, will take place at the Shanghai "
            "International Convention Center and will be followed by the meeting of ITU-T Study Group 17 (16 April "
            "2027).\n\nProgramme Committee\n- Dr Zhang Wei, CAICT, China (Chair)\n")
    ms = {m.kind: m for m in facts_of(text).meetings}
    assert ms["Workshop"].host is not None and [p.name for p in ms["Workshop"].people] == ["Zhang Wei"]
    assert ms["StudyGroupMeeting"].host is None and ms["StudyGroupMeeting"].people == []


def test_a_list_entry_closing_with_its_body_then_its_country():
    m = only_dated("The ITU workshop on quantum networks took place in Shanghai on 14 April 2027.\n\nProgramme Committee\n"
                   "- Prof. Gisela Hartmann, Technische Universität München, Germany\n"
                   "- Ms Priya Raghavan, Tata Consultancy Services, India\n"
                   "- Mr Ali Example, Head of Research, Egypt\n- Ms Jo Example, Geneva, Switzerland\n")
    people = {p.name: (p.affiliation.label if p.affiliation else None, p.country.label if p.country else None)
              for p in m.people}
    assert people == {"Gisela Hartmann": ("Technische Universität München", "Germany"),
                      "Priya Raghavan": ("Tata Consultancy Services", "India"),
                      "Ali Example": (None, "Egypt"), "Jo Example": (None, "Switzerland")}


def test_the_next_meeting_of_the_group_itself_said_generically():
    text = ("The third meeting of the Focus Group on Smart Grid (FG Smart) was held in Kyoto on 12-14 March 2009. "
            "The next meeting of the Focus Group{} will be held in Geneva from 3 to 5 June 2009.")
    nxt = only_dated(text.format("")).next_meeting
    assert nxt is not None and (str(nxt.start), nxt.place.label) == ("2009-06-03", "Geneva")
    other = facts_of(text.format(" on Cloud Computing")).meetings
    assert [m.next_meeting for m in other if m.start == date(2009, 3, 12)] == [None]
    assert [m.place.label for m in other if m.start == date(2009, 6, 3)] == ["Geneva"]  # the other group's meeting


def test_a_regional_consultation_hosted_in_hybrid_format_and_a_double_surname_said_again():
    m = only_dated("The Ministry of Information and Communications Technologies (MinTIC) hosted, in hybrid format, the "
                   "ITU-T Regional Consultation for the Americas on the preparation for the World Telecommunication "
                   "Standardization Assembly (WTSA-20), held on 5 and 6 August 2021. The event was opened by the "
                   "Vice-Minister of Connectivity, Mr. Andrés Felipe Gutiérrez Londoño. \"We are committed,\" said "
                   "Vice-Minister Gutiérrez Londoño.")
    assert (m.kind, m.name, str(m.start), str(m.end)) == (
        "PreparatoryMeeting", "ITU-T Regional Consultation for the Americas", "2021-08-05", "2021-08-06")
    assert m.host.label == "Ministry of Information and Communications Technologies"
    assert [p.name for p in m.people] == ["Andrés Felipe Gutiérrez Londoño"]


def test_post_fields_under_a_group_heading_are_that_groups_posts():
    m = only_dated("WTSA-12, held in Dubai from 20 to 29 November 2012, appointed the following chairmen and "
                   "vice-chairmen.\n\nStudy Group 2 (Operational aspects)\nChairman: Mr Karim Example (Egypt)\n"
                   "Vice-chairmen: Mr Philip Example (United Kingdom), Ms Kyong-Hee Example (Republic of Korea)\n\n"
                   "Study Group 17 (Security)\nChairman: Mr Dmitry Example (Russian Federation)\n\nSecretariat\n"
                   "Counsellor: Ms Ana Example\n")
    posts = {p.name: p.post.label for p in m.people if p.post}
    assert posts == {"Karim Example": "Chair of SG2", "Philip Example": "Vice-Chair of SG2",
                     "Kyong-Hee Example": "Vice-Chair of SG2", "Dmitry Example": "Chair of SG17",
                     "Ana Example": "Counsellor"}


def test_an_event_announced_in_a_report_takes_none_of_its_text():
    ms = {m.kind: m for m in facts_of(
        "TSAG meeting, Geneva, 10-14 March 2025\nTSAG agreed a new work programme on artificial intelligence and "
        "digital twins. A TSAG Rapporteur Group meeting on working methods will take place on 12 June 2025.\n").meetings}
    assert {t.label for t in ms["TSAGMeeting"].topics} >= {"artificial intelligence", "digital twin"}
    assert ms["RapporteurGroupMeeting"].topics == []


def test_a_side_events_host_and_a_past_meeting_said_with_at_its_meeting():
    m = only_dated("CTO meeting, Geneva, 20 November 2024\nThe CTOs discussed AI-native networks. A welcome dinner was "
                   "held on the evening of 19 November, hosted by Swisscom.\n")
    assert m.host is None
    ms = {m.kind: m for m in facts_of(
        "ITU-T Study Group 13 meeting, Geneva, 3-14 July 2023\nSG13 approved Y.3172. At its meeting in January 2023, "
        "TSAG had invited SG13 to lead the work on IMT-2030. SG13 also agreed to start work on quantum networks.\n").meetings}
    assert "quantum information technology for networks" in {t.label for t in ms["StudyGroupMeeting"].topics}


def test_a_group_that_welcomes_something_still_acts_and_one_that_asks_does_not():
    assert ("ITU-T Study Group 17", "lead") in _actions(
        "ITU-T Study Group 17 meeting, Geneva, 29 August - 8 September 2023\nSG17 welcomed the proposal from SG13 and "
        "agreed to lead the work on quantum key distribution security.\n")
    assert _actions(_TSAG + "TSAG welcomed the report of the Review Committee and asked SG13 to lead the work on "
                            "IMT-2030.") == {("ITU-T Study Group 13", "lead")}
    assert ("ITU-T Study Group 13", "establish") in _actions(
        _TSAG + "TSAG agreed that SG13 should establish FG-AINN, with SG11 to coordinate the testing aspects.")


def test_held_a_meeting_of_its_working_party_keeps_the_meetings_own_days():
    ms = [m for m in facts_of("ITU-T Study Group 13 meeting, Geneva, 3-14 July 2023\nSG13 held a meeting of its Working "
                              "Party 1 on 5 July to review the work on IMT-2030.\n").meetings if m.kind == "StudyGroupMeeting"]
    assert [(str(m.start), str(m.end)) for m in ms] == [("2023-07-03", "2023-07-14")]


def test_following_the_meeting_and_the_ctos_next_meeting():
    m = only_dated("ITU CTO meeting, Geneva, 20 November\nFollowing the meeting, the CTOs published a communiqué on 21 "
                   "November 2024. The CTOs will hold their next meeting in Seoul in November 2025.\n")
    assert str(m.start) == "2024-11-20"
    assert m.next_meeting is not None and m.next_meeting.place.label == "Seoul"


def test_companies_named_with_capitals_first_and_experts_of_a_groups_workshop():
    m = only_dated("ITU Workshop on AI-native networks, Geneva, 5 May 2025\nThe workshop, organized by ITU-T Study Group "
                   "13 to address AI-native networks, brought together experts from Ericsson, Nokia, Huawei and ZTE.\n")
    assert len(m.participations) == 4
    m = only_dated(_CTO + "The work is done in collaboration with TM Forum (TMF), LF Networking (Linux Foundation) and "
                          "SK Hynix (SK Group).")
    assert m.people == []


def test_a_table_whose_heading_is_the_post_and_a_column_the_group():
    m = only_dated("The Study Group Leadership Assembly met on 24 October 2016 in Hammamet.\n\nStudy Group | Chairman | "
                   "Country\nSG2 | Mr Karim Example | Egypt\nSG17 | Dr Ellen Example | United States\n")
    posts = {p.name: (p.post.label if p.post else None, p.country.label if p.country else None) for p in m.people}
    assert posts == {"Karim Example": ("Chair of SG2", "Egypt"), "Ellen Example": ("Chair of SG17", "United States")}


def test_a_past_meeting_said_inside_a_report_owns_only_its_sentence():
    m = [m for m in facts_of(
        "TSAG meeting, Geneva, 29 May - 2 June 2023\nTSAG reviewed the reports of the study groups. At its meeting in "
        "Geneva from 6 to 17 March 2023, SG15 consented new Recommendations. TSAG agreed to establish a Focus Group on "
        "AI-native networks and invited SG17 to study quantum-safe security.\n").meetings if m.kind == "TSAGMeeting"][0]
    assert ("ITU-T Study Group 17", "study") in {(a.group.label, a.action) for a in m.group_actions}


def test_field_lines_under_a_meetings_heading_keep_their_own_posts():
    m = only_dated("ITU-T Study Group 13 meeting, Geneva, 3-14 July 2023\n\nITU-T Study Group 13 meeting, Geneva\n"
                   "Director: Mr Seizo Example (TSB)\nChairman: Ms Ana Example (Spain)\n")
    posts = [p.post.label for p in m.people if p.post]
    assert posts and all(" of SG13" not in label for label in posts), posts


def test_the_next_person_after_a_long_body_name_and_a_summit_named_next():
    people = _people(_CTO + "Mr Li Wei of China Mobile Research Institute and Ms Jane Roe of Orange spoke.")
    assert people["Li Wei"][0] == "China Mobile Research Institute" and people["Jane Roe"][0] == "Orange"
    m = facts_of("Kuala Lumpur, Sept 26 (Agency) -- Chief technology officers from Maxis and CelcomDigi met at the ITU "
                 "CTO roundtable here today, held alongside the Next Generation Networks Summit 2024, to discuss 5G and AI. "
                 "The roundtable was first held in 2019.").meetings[0]
    assert m.start is not None and m.start.year == 2024


def test_a_meeting_whose_outcomes_are_considered_owns_only_its_words():
    ms = {m.kind: m for m in facts_of(
        "TSAG meeting, Geneva, 22-26 July 2024\n\nTSAG considered the outcomes of the ITU-T Regional Consultation for "
        "Africa, held in Nairobi on 3 March 2024. TSAG invited SG17 to study quantum-safe security. Delegates from "
        "Huawei, Orange and Ericsson took part.\n").meetings}
    tsag = ms["TSAGMeeting"]
    assert tsag.place.label == "Geneva" and len(tsag.participations) == 3
    assert ("ITU-T Study Group 17", "study") in {(a.group.label, a.action) for a in tsag.group_actions}
    assert ms["Meeting"].group_actions == [] and ms["Meeting"].place.label == "Nairobi"


def test_who_asks_others_does_not_do_what_is_asked():
    assert _actions(_TSAG + "TSAG invited all study groups to review their Questions.") == set()
    assert _actions(_TSAG + "TSAG also encourages the study groups to liaise with ETSI on quantum key distribution.") == set()


def test_the_group_that_set_another_up_or_whose_work_is_acted_on_is_asked_nothing():
    assert _actions(_TSAG + "A Focus Group on AI for Natural Disaster Management (FG-AI4NDM) has been established by "
                            "ITU-T Study Group 20 to explore AI in disasters.") == {
        ("Focus Group on AI for Natural Disaster Management", "establish")}
    assert _actions(_TSAG + "Working Party 2/TSAG reviewed the outcome of the Rapporteur Group on Standardization "
                            "Strategy (RG-SS).") == set()


def test_a_group_named_in_the_title_of_a_resolution_is_asked_nothing():
    assert _actions(_TSAG + "The assembly also revised Resolution 22 (Authorization for TSAG to act between WTSAs).") \
        == set()


def test_a_joint_coordination_activity_is_a_group_asked_or_set_up():
    assert _actions(_TSAG + "TSAG agreed to establish the Joint Coordination Activity on Quantum Key Distribution "
                            "Networks (JCA-QKDN).") == {
        ("Joint Coordination Activity on Quantum Key Distribution Networks", "establish")}
    assert _actions(_TSAG + "TSAG asked the JCA-IoT to coordinate its work with SG20.") == {
        ("JCA-IoT", "coordinate"), ("ITU-T Study Group 20", "coordinate")}


def test_a_group_that_asks_others_still_does_its_own_next_action():
    assert _actions(_TSAG + "Study Group 13 invited experts from industry to contribute and agreed to lead the work on "
                            "IMT-2030 networks.") == {("ITU-T Study Group 13", "lead")}


def test_a_joint_coordination_activity_is_no_subject_of_another_bodys_verb():
    assert _actions(_TSAG + "The study group reviewed the liaison statement from the JCA-IoT and SC&C and agreed to study "
                            "digital twins for smart cities.") == set()


def test_a_verb_of_another_clause_before_while_is_not_the_groups():
    assert _actions(_CTO + "There was a strong consensus that ITU-T Study Group 13 should take the lead on AI-native "
                           "networks, while the Focus Group on AI for Autonomous and Assisted Driving (FG-AI4AD) should "
                           "transfer its deliverables.") == {("ITU-T Study Group 13", "lead")}
