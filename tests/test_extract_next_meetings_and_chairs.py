"""What a report says of the meeting after it, of who chaired, and of groups named for their part in something.

Every text here is written for the test, in the forms of the family (journal reports, communiqués, TSAG reports).
"""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated
from rdflib import Graph

from itukg.graph.mapping import to_graph
from itukg.graph.resources import ontology_file, queries_dir, reference_files


def _meeting_rows(text: str) -> list[tuple[str, ...]]:
    """The `meetings` named query's (name, start, end, city) rows over one text's graph and the ontology."""
    g = Graph()
    for path in (ontology_file(), *reference_files()):  # the classes, and the places' kinds and countries
        g.parse(path)
    g += to_graph(facts_of(text))
    rows = g.query((queries_dir() / "meetings.rq").read_text(encoding="utf-8"))
    return sorted((str(r.name), str(r.startDate), str(r.endDate or ""), str(r.city or "")) for r in rows)


def test_a_dated_next_meeting_is_a_meeting_of_the_document_with_its_days_and_place():
    rows = _meeting_rows("The fifth TSAG meeting was held in Geneva from 2 to 6 February 2026, chaired by Ms Ana Vidal "
                         "(Examplia).\nThe next TSAG meeting is scheduled for 14-18 September 2026 in Geneva.\n")
    assert ("TSAG meeting", "2026-09-14", "2026-09-18", "Geneva") in rows
    assert len(rows) == 2, rows


def test_a_group_that_will_next_meet_names_its_next_meeting_after_itself():
    rows = _meeting_rows("Geneva, 9 May 2025 – ITU-T Study Group 11 concluded its meeting today, held from 28 April to "
                         "9 May in Geneva.\nSG11 will next meet in Geneva in November 2025.\n")
    assert ("ITU-T Study Group 11 meeting", "2025-11", "", "Geneva") in rows


def test_a_next_meeting_said_by_its_year_alone_and_nowhere_is_no_meeting_row():
    rows = _meeting_rows("CTO Meeting – Communiqué\nNairobi, Kenya, 4 March 2025\n\nChief technology officers met in "
                         "Nairobi for the CTO meeting. The next CTO meeting will take place in 2026.\n")
    assert [r[1] for r in rows] == ["2025-03-04"], rows


def test_an_edition_number_said_in_the_text_of_the_meeting_under_a_dated_heading_is_that_meeting():
    facts = facts_of("ITU CxO Roundtable – Communiqué\nLisbon, Portugal, 12 May 2026\n\nTechnology executives met at "
                     "the invitation of the TSB Director for the fourth ITU CxO Roundtable, hosted by the National "
                     "Communications Authority of Portugal.\n\nParticipating organizations: Vodafone (United Kingdom), "
                     "Orange (France).\n")
    assert len(facts.meetings) == 1, [(m.name, m.start) for m in facts.meetings]
    (m,) = facts.meetings
    assert m.start == date(2026, 5, 12) and m.place.label == "Lisbon"
    assert {p.organization.label for p in m.participations} == {"Vodafone Group", "Orange"}


def test_a_fronted_chaired_by_gives_the_chair():
    m = only_dated("ITU-T Study Group 9 met in Geneva from 3 to 7 March 2025. Chaired by Mr Tomas Varga (Hungary), "
                   "the study group agreed two new Recommendations.\n")
    assert [(p.name, p.post.label) for p in m.people] == [("Tomas Varga", "Chair")]


def test_co_chaired_by_two_people_makes_both_co_chairs_and_a_plain_and_needs_styles():
    m = only_dated("The CTO roundtable took place in Accra on 8 October 2025. It was co-chaired by Ms Efua Mensah "
                   "(Ghana) and Mr Paul Okafor (Nigeria).\n")
    assert [(p.name, p.post.label) for p in m.people] == [("Efua Mensah", "Co-Chair"), ("Paul Okafor", "Co-Chair")]
    m = only_dated("The CTO roundtable took place in Accra on 8 October 2025. It was chaired by Ms Efua Mensah and "
                   "Vodafone Ghana hosted the dinner.\n")
    assert [(p.name, p.post.label) for p in m.people] == [("Efua Mensah", "Chair")]


def test_chairs_of_working_parties_listed_in_one_sentence():
    m = only_dated("TSAG met in Geneva on 10-14 March 2025. TSAG confirmed the chairs of its working parties: "
                   "WP1/TSAG, Ms Lina Haddad (Lebanon); WP2/TSAG, Mr Kenji Ito (Japan).\n")
    posts = {(p.name, p.post.label if p.post else None) for p in m.people}
    assert posts == {("Lina Haddad", "Chair of WP1/TSAG"), ("Kenji Ito", "Chair of WP2/TSAG")}


def test_titles_of_staff_and_consultants_are_posts():
    m = only_dated("The ITU workshop on numbering took place in Suva on 5 June 2025. Ms Mere Tui, Senior Policy "
                   "Officer at Digicel, and Mr Ravi Lal, Principal Consultant at Vodafone Fiji, presented.\n")
    assert {(p.name, p.post.label) for p in m.people} == {("Mere Tui", "Senior Policy Officer"),
                                                          ("Ravi Lal", "Principal Consultant")}


def test_a_group_named_as_the_parent_of_a_new_one_is_not_set_up():
    m = only_dated("TSAG met in Geneva on 10-14 March 2025. TSAG agreed to establish a new Focus Group on Ocean "
                   "Sensing (FG-OS), with ITU-T Study Group 5 as its parent group.\n")
    actions = {(a.group.label, a.action) for a in m.group_actions}
    assert actions == {("Focus Group on Ocean Sensing", "establish")}


def test_a_body_then_its_dates_then_its_place_on_a_line_is_its_meeting():
    facts = facts_of("Newsletter – highlights\n\nTSAG, 3–7 February 2025, Geneva\n\nTSAG agreed on new working "
                     "methods.\n\nSG13, 10-14 March 2025, Seoul\n\nThe study group approved five Recommendations.\n")
    got = sorted((m.kind, m.start, m.place.label) for m in facts.meetings)
    assert got == [("StudyGroupMeeting", date(2025, 3, 10), "Seoul"), ("TSAGMeeting", date(2025, 2, 3), "Geneva")]


def test_the_next_meeting_of_another_body_dates_no_undated_meeting():
    facts = facts_of("Highlights\n\nA new Rapporteur Group on Outreach (RG-OUT) held its first meeting, chaired by Ms Ana "
                     "Vidal (Examplia Telecom, Portugal).\nThe next TSAG meeting will take place from 2 to 6 March 2026 "
                     "in Geneva.\n")
    assert not any(m.start == date(2026, 3, 2) for m in facts.meetings if m.kind != "TSAGMeeting")


def test_a_study_period_is_no_year_for_a_date_written_without_one():
    facts = facts_of("The assembly was held in Lima from October 6 to 15, 2026. It was preceded by the Global Standards "
                     "Symposium on October 5.\nIt appointed the chairs for the 2027-2030 study period.\n")
    gss = next(m for m in facts.meetings if m.kind == "Symposium")
    assert gss.start == date(2026, 10, 5)


def test_the_subject_after_a_dateline_hosts_the_meeting():
    m = only_dated("Valletta, 9 May 2025: The Examplia Communications Authority (ECA) hosted the meeting of the ITU-T "
                   "Study Group 3 Regional Group for Europe on 7-8 May 2025 in Valletta.\n")
    assert m.host is not None and m.host.label == "Examplia Communications Authority"


def test_an_organization_written_before_a_post_is_the_holder_s_affiliation():
    m = only_dated("The ITU workshop on spectrum took place in Lusaka on 4 June 2025, with the Lusaka Spectrum Agency "
                   "(LSA). LSA General Director Mr Enock Banda and Vodafone Chief Technology Officer Jane Roe spoke.\n")
    got = {(p.name, p.post.label, p.affiliation.label if p.affiliation else None) for p in m.people}
    assert ("Enock Banda", "General Director", "Lusaka Spectrum Agency") in got
    assert ("Jane Roe", "Chief Technology Officer", "Vodafone Group") in got


def test_a_calendar_of_meetings_lists_each_with_its_place_between_commas():
    facts = facts_of("Meetings calendar – 2026\n\n- ITU-T Study Group 12 plenary, Geneva, 2-11 March 2026\n"
                     "- Focus Group on Example Sensing (FG-ES), Arusha, 20-22 April 2026\n")
    got = sorted((m.kind, m.start, m.place.label if m.place else None) for m in facts.meetings)
    assert got == [("FocusGroupMeeting", date(2026, 4, 20), "Arusha"), ("StudyGroupMeeting", date(2026, 3, 2), "Geneva")]


def test_the_advisory_group_of_the_union_that_opened_its_meeting_names_a_meeting():
    facts = facts_of("GENEVA (Example News) -- The Telecommunication Standardization Advisory Group (TSAG) of the "
                     "International Telecommunication Union (ITU) opened its meeting here, with delegates from 40 "
                     "countries attending.\n")
    assert [m.kind for m in facts.meetings] == ["TSAGMeeting"]


def test_organizations_contributions_were_received_from_took_part_and_countries_do_not():
    m = only_dated("TSAG met in Geneva on 3-7 March 2025. Contributions were received from Kenya, Vega Mobile and "
                   "Nordic Star Networks.\n")
    assert {p.organization.label for p in m.participations} == {"Vega Mobile", "Nordic Star Networks"}


def test_organizations_whose_contributions_proposed_or_that_are_named_among_the_contributors_took_part():
    m = only_dated("TSAG met in Geneva on 3-7 March 2025. Contributions from Tessera Example Systems (Canada) and Ostrava "
                   "Sample Datalink (Czech Republic) proposed a lead study group; no consensus was reached. Contributions "
                   "were received from Member States and from Sector Members, including Zhenhua Example Communications "
                   "(China) and Nordavia Sample Telecom (Sweden).\n")
    assert {p.organization.label: p.country.label for p in m.participations} == {
        "Tessera Example Systems": "Canada", "Ostrava Sample Datalink": "Czechia",
        "Zhenhua Example Communications": "China", "Nordavia Sample Telecom": "Sweden"}


def test_national_regulators_and_operators_are_known_with_their_acronyms():
    m = only_dated("ANACOM participated in the meeting of ITU-T Study Group 3, which took place in Geneva from 5 to 14 "
                   "May 2025. Executives of Telus, Axiata and Chunghwa Telecom took part.\n")
    orgs = {p.organization.iri.rsplit("/", 1)[1] for p in m.participations}
    assert orgs == {"anacom", "telus", "axiata", "chunghwa-telecom"}


def test_a_meeting_held_online_takes_no_place_from_another_meeting_s_clause():
    facts = facts_of("The fifth Study Group Leadership Assembly took place on 3 March 2025, online, ahead of the "
                     "World Telecommunication Standardization Assembly (WTSA-24), which was held later in New Delhi.\n")
    sgla = next(m for m in facts.meetings if m.kind == "LeadershipAssembly")
    assert sgla.place is None and sgla.attendance is not None and sgla.attendance[0] == "online"


# --- what these rules must not read (cases a review of them found) ---------------------------------------------

def test_a_group_and_a_date_without_a_place_is_no_meeting():
    facts = facts_of("Liaison statements were sent as follows: to ITU-T SG20, 11 September 2025, on IoT security; to "
                     "TSAG, 11 September 2025, on the work programme.\nDeadline for contributions to TSAG, 20 January "
                     "2025\n")
    assert facts.meetings == []


def test_a_closing_plenary_is_part_of_the_meeting_not_another():
    facts = facts_of("ITU-T SG13 met in Geneva from 7 to 18 July 2025. The closing SG13 plenary, on 18 July, approved "
                     "the report.\n")
    assert len(facts.meetings) == 1


def test_a_deadline_for_the_next_meeting_and_another_body_s_next_meeting_are_not_its_next_meeting():
    for text in ("ITU-T Study Group 17 met in Geneva from 7 to 18 July 2025. Contributions for the next meeting must "
                 "reach TSB by 17 November 2025.\n",
                 "ITU-T Study Group 13 met in Geneva from 7 to 18 July 2025. Study Group 17 will next meet in Geneva "
                 "from 2 to 11 December 2025.\n",
                 "TSAG met in Geneva from 7 to 11 July 2025. The Council Working Group on WSIS will next meet in "
                 "Geneva on 20-21 March 2026.\n"):
        assert only_dated(text).next_meeting is None, text
    m = only_dated("ITU-T Study Group 13 met in Geneva from 7 to 18 July 2025. The study group will next meet in "
                   "Geneva from 2 to 11 December 2025.\n")
    assert m.next_meeting is not None and m.next_meeting.start == date(2025, 12, 2)


def test_a_year_written_once_in_passing_does_not_outweigh_the_study_period():
    m = only_dated("ITU-T Study Group 17 met in Geneva from 2 to 11 September, its first meeting of the 2025-2028 "
                   "study period. The group reviewed the action plan it adopted in 2022 and agreed its work programme "
                   "for 2025-2026.\n")
    assert m.start == date(2025, 9, 2)


def test_an_earlier_edition_in_the_same_country_is_not_this_one():
    facts = facts_of("ITU CxO Roundtable\nSeoul, 5 May 2025\n\nExecutives met for the roundtable. This is the second "
                     "time Korea hosts the event, after the fifth ITU CxO Roundtable in the Republic of Korea.\n")
    seoul = next(m for m in facts.meetings if m.start is not None)
    assert seoul.ordinal is None


def test_hosting_the_speakers_at_a_reception_is_not_hosting_the_meeting():
    m = only_dated("The ITU workshop on 5G took place in Dubai on 9 May 2025. On 8 May 2025 – the eve of the event – "
                   "Etisalat hosted the workshop speakers at a reception.\n")
    assert m.host is None


def test_contributions_received_from_officers_liaisons_or_late_are_no_participants():
    for text in ("TSAG met in Geneva on 3-7 March 2025. Input documents were received from the Chairs of Study Group 13 "
                 "and Study Group 20 and from the TSB Director.\n",
                 "TSAG met in Geneva on 3-7 March 2025. Contributions were received from ETSI, 3GPP and IETF in the "
                 "form of incoming liaison statements.\n",
                 "TSAG met in Geneva on 3-7 March 2025. Late contributions were received from Ericsson and Nokia after "
                 "the deadline and were not considered.\n"):
        assert only_dated(text).participations == [], text


def test_people_these_rules_must_not_make():
    m = only_dated("The CTO meeting took place in Lima on 3 May 2025. The opening session was chaired by Ms Jane Roe "
                   "(Acme Health) and Mr John Poe (Beta Labs) gave the keynote address. ETSI Specialist Task Force 601 "
                   "presented its results. According to industry analyst Omdia Research, demand is rising.\n")
    assert {(p.name, p.post.label if p.post else None) for p in m.people} == {("Jane Roe", "Chair"), ("John Poe", None)}
    m = only_dated("At the invitation of the TSB Director, Chaesub Lee, Chief Technology Officers (CTOs) from 21 "
                   "companies met in Bangalore on 6 November 2016.\n")
    assert {p.post.label for p in m.people if p.post} == {"Director of the ITU Telecommunication Standardization Bureau"}


def test_chairs_and_conveners_listed_together_are_not_all_chairs():
    m = only_dated("TSAG met in Geneva on 10-14 March 2025. TSAG confirmed the chairs of its working parties and the "
                   "conveners of its rapporteur groups: WP1/TSAG, Ms Ana Pereira (Brazil); RG-WM, Mr Omar Saleh "
                   "(Egypt).\n")
    assert not any(p.post and p.post.label.startswith("Chair") for p in m.people)


def test_the_second_of_two_events_a_meeting_is_held_on_the_eve_of_does_not_take_its_date():
    facts = facts_of("CTO Meeting\nBangalore, India, 6 November 2016\n\nCTOs from 21 companies met in Bangalore on "
                     "6 November 2016, on the eve of ITU Telecom World 2016 and the opening of the GSS.\n")
    assert [(m.kind, m.start) for m in facts.meetings if m.start] == [("CTOMeeting", date(2016, 11, 6))]


def test_a_field_written_after_the_title_stays_in_the_post_and_the_body_after_it_employs():
    m = only_dated("ITU CTO Meeting – Lima, Peru, 9 September 2025\n\nList of participants\n\n"
                   "Mr Tomas Berg, Vice President Standardization, Ericsson\nMs Rosa Diaz, Director Technology Strategy, "
                   "Telefónica\n")
    got = {(p.name, p.post.label, p.affiliation.label if p.affiliation else None) for p in m.people}
    assert ("Tomas Berg", "Vice President Standardization", "Ericsson") in got
    assert ("Rosa Diaz", "Director Technology Strategy", "Telefónica") in got


def test_co_chaired_by_a_named_with_a_post_and_b():
    m = only_dated("The CTO meeting took place in Hanoi on 9 September 2019. It was co-chaired by Mr Seizo Onoe, Director "
                   "of TSB, and Mr Le Van Tam.\n")
    assert {(p.name, p.post.label) for p in m.people if p.post and p.post.label == "Co-Chair"} == {
        ("Seizo Onoe", "Co-Chair"), ("Le Van Tam", "Co-Chair")}


def test_a_host_s_government_after_a_comma_is_whose_it_is_not_a_co_host():
    m = only_dated("The CTO meeting took place in Bangalore on 6 November 2016, hosted by the Department of "
                   "Telecommunications, Government of India.\n")
    assert m.host is not None and m.host.label == "Department of Telecommunications" and m.co_hosts == []


def test_companies_that_also_contributed_took_part_and_delegates_some_of_them_remote_make_it_hybrid():
    m = only_dated("TSAG met in Geneva on 23-27 March 2026. Some 250 delegates took part, about a third of them "
                   "remotely. Delegations from Brazil and Egypt submitted proposals. Vega Mobile, Orange and Huawei also "
                   "contributed to the discussions.\n")
    assert {p.organization.label for p in m.participations} == {"Vega Mobile", "Orange", "Huawei"}
    assert m.attendance is not None and m.attendance[0] == "mixed"


def test_second_review_cases_are_not_read():
    # contributions for something else are no participation in the meeting
    m = only_dated("ITU-T Study Group 13 met in Geneva from 12 to 20 May 2025. For the next meeting of the Focus Group "
                   "on AI for Health, proposals were received from Siemens, Thales and AWS.\n")
    assert m.participations == []
    # 'chaired by A, and B, <post>, delivered ...': B did not chair; a styled first name asks a styled second
    m = only_dated("The ITU Workshop on Quantum Security took place in Geneva on 14 March 2025. The workshop was "
                   "chaired by Mr Ahmed Example, and Ms Jane Roe, Deputy Director of TSB, delivered the closing "
                   "remarks. The panel was co-chaired by Mr Lee Jong-sik and Siemens Energy.\n")
    chairs = {p.name for p in m.people if p.post and p.post.label in ("Chair", "Co-Chair")}
    assert chairs == {"Ahmed Example", "Lee Jong-sik"}
    # another group's next meeting is not this group's
    ms = facts_of("ITU-T Study Group 13 held its meeting in Geneva from 12 to 20 May 2025. The next meeting of Study "
                  "Group 17 will be held in Geneva from 2 to 11 September 2025.\n").meetings
    assert [(m.name, m.next_meeting) for m in ms if m.start == date(2025, 5, 12)] == [("ITU-T Study Group 13 meeting", None)]
    assert [m.name for m in ms if m.start == date(2025, 9, 2)] == ["meeting of Study Group 17"]  # a meeting of its own
    # 'at X on DATE and the Workshop on Y ...': 'and' after 'at' does not make the workshop one named in passing
    (w,) = facts_of("Experts met at ITU headquarters in Geneva on 14 March 2025 and the Workshop on Quantum Security "
                    "heard presentations from NIST, ETSI and ISO.\n").meetings
    assert w.start == date(2025, 3, 14)


def test_a_next_meeting_with_a_date_and_no_place_is_linked_but_not_listed():
    rows = _meeting_rows("ITU-T Study Group 2 met in Geneva from 3 to 12 March 2025. SG2 will next meet in November "
                         "2025.\n")
    assert [r[1] for r in rows] == ["2025-03-03"]


def test_the_body_a_relative_clause_says_hosted_the_meeting_is_its_host():
    m = only_dated("The ITU-T Study Group 12 Regional Group for Latin America met on 22-23 April 2025 at the headquarters "
                   "of the Ente Nacional de Comunicaciones (ENACOM), which hosted the event.\n")
    assert m.host is not None and m.host.label == "Ente Nacional de Comunicaciones"
    m = only_dated("The ITU-T Study Group 12 Regional Group for Latin America met on 22-23 April 2025 at the offices of "
                   "the Examplia Telecom Agency (ETA), which hosted the meeting of 2019 as well.\n")
    assert m.host is None


def test_the_meeting_said_again_keeps_the_text_after_an_event_it_was_held_beside():
    facts = facts_of("Executives call for faster standards at ITU CxO meeting\n\nGeneva, 10 July 2025 – Industry "
                     "executives meeting at ITU headquarters today called for faster standards.\n\nThe CxO meeting, held "
                     "on the sidelines of the Example Global Summit (8-11 July 2025), brought together leaders from "
                     "companies including Microsoft, Qualcomm and China Telecom.\n")
    cxo = next(m for m in facts.meetings if m.kind == "CTOMeeting")
    assert {p.organization.label for p in cxo.participations} == {"Microsoft", "Qualcomm", "China Telecom"}
    assert (cxo.start, cxo.end) == (date(2025, 7, 10), date(2025, 7, 10))
    others = [m for m in facts.meetings if m is not cxo]
    assert all(m.participations == [] and m.place is None for m in others)  # not China, from 'China Telecom'



def test_third_review_cases_are_not_read():
    # a regulator's official name still says the country; a company's two-word name does not
    m = only_dated("The CTO consultation for Africa was held from 4 to 6 September 2023, hosted by the Rwanda Utilities "
                   "Regulatory Authority.\n")
    assert m.country is not None and m.country.label == "Rwanda"
    # another event said again by a noun that is not the last meeting's keeps the text after it
    facts = facts_of("ITU-T Study Group 3 met in Geneva from 3 to 7 March 2025.\n\nThe regional economic forum, held on "
                     "the sidelines of the ITU-T Study Group 3 Regional Group for Africa meeting (12-14 March 2025) in "
                     "Abuja, Nigeria, brought together representatives of MTN Group and Airtel Africa.\n")
    sg3 = next(m for m in facts.meetings if m.kind == "StudyGroupMeeting")
    assert sg3.participations == []
    # a past edition's host, a venue or an ITU-T group before ', which hosted the event' is no host
    for text in ("The CTO consultation for the Americas was held in Brasilia, Brazil, on 18 April 2024. Participants thanked the Ente "
                 "Nacional de Comunicaciones (ENACOM), which hosted the event last year in Buenos Aires.\n",
                 "The CTO meeting was held on 3 May 2024 at the Kenyatta International Convention Centre (KICC), which "
                 "hosted the event for the second time.\n"):
        assert only_dated(text).host is None, text
    # 'none of them remotely', 'all of them remotely' are no mixed attendance
    m = only_dated("TSAG met in Geneva on 3-7 March 2025. Some 180 delegates took part, none of them remotely.\n")
    assert m.attendance is None
    # the government after a comma is skipped, the list of co-hosts goes on
    m = only_dated("The CTO consultation took place in Kigali on 4 June 2024, co-hosted by the Ministry of ICT and Innovation, "
                   "Government of Rwanda, and Smart Africa.\n")
    assert [h.label for h in m.co_hosts] == ["Smart Africa"]
    # 'also contributed' to something else is no participation
    m = only_dated("TSAG met in Geneva on 3-7 March 2025. The background report was drafted by TSB. ETSI, IEEE and "
                   "3GPP also contributed.\n")
    assert m.participations == []


def test_a_kind_of_body_without_its_name_is_no_organization():
    facts = facts_of("The Global Standards Symposium (GSS-24) was held in New Delhi, India, on 14 October 2024. The "
                     "Minister was accompanied by officials of the Ministry.\n")
    assert all(m.participations == [] for m in facts.meetings)


def test_a_post_a_name_keeps_and_a_group_that_is_chaired_by_someone():
    m = only_dated("ITU-T Study Group 17 met in Geneva from 20 to 29 August 2025. Ms Ana Example (Acme, Examplia) "
                   "continues as Chairman. Mr Ali Example (Egypt) remains Vice-Chair of SG17. Working Party 1/17 is "
                   "chaired by Mr Kim Lee (Korea).\n")
    got = {(p.name, p.post.label) for p in m.people if p.post}
    assert got == {("Ana Example", "Chair"), ("Ali Example", "Vice-Chair of SG17"), ("Kim Lee", "Chair of WP1/17")}


def test_fourth_review_cases():
    head = "The ITU-T Study Group 17 meeting was held in Geneva, Switzerland, from 3 to 12 May 2023. "
    # a possessive or a past 'until' is no post kept; 'is chaired by' after a group inside the subject is no group's chair
    m = only_dated(head + "Mr John Doe (Acme) continues as TSB Director's special envoy for Africa. Ms Jo Roe (Acme) "
                          "remains Vice-Chair of SG17 until 2026. The closing plenary of Study Group 17 was chaired by "
                          "Mr Ali Example (Egypt), Vice-Chair. The session on Question 2/17 is chaired by Ms Bo Lee.\n")
    posts = {(p.name, p.post.label) for p in m.people if p.post}
    assert posts == {("Ali Example", "Vice-Chair"), ("Bo Lee", "Chair")}
    # a known company whose name says 'Group' hosts; 'which hosted the event in Nairobi' is this edition
    for text, host in (("The CTO meeting was held in Johannesburg on 3 May 2024 at the offices of MTN Group, which "
                        "hosted the event.\n", "MTN Group"),
                       ("The CTO meeting was held in Nairobi on 3 May 2024 at the offices of Safaricom, which hosted the "
                        "event in Nairobi.\n", "Safaricom")):
        assert only_dated(text).host.label == host
    # 'two of them remotely' is hybrid
    assert only_dated(head + "Some 120 participants attended, two of them remotely.\n").attendance[0] == "mixed"


def test_lists_with_a_remark_in_brackets_or_the_meeting_named_after_represented():
    m = only_dated("ITU CTO Meeting, Geneva, 4 December 2023\n\nParticipating organizations (in alphabetical order): "
                   "Axiata (Malaysia), Ericsson (Sweden) and Telus (Canada).\n")
    assert {p.organization.label for p in m.participations} == {"Axiata", "Ericsson", "Telus"}
    m = only_dated("CxO Roundtable, Dubai, 15 October 2024\n\nCompanies represented at the roundtable included Nokia, "
                   "Ericsson and Huawei.\n")
    assert {p.organization.label for p in m.participations} == {"Nokia", "Ericsson", "Huawei"}


def test_a_meeting_dated_by_its_month_in_a_title_is_the_one_the_text_dates_by_days():
    facts = facts_of("Report on the TSAG meeting held in January 2026\n\nThe fourth meeting of TSAG was held in Geneva "
                     "from January 26 to 30, 2026. TSAG endorsed the roadmap prepared by the Rapporteur Group on "
                     "Standardization Strategy, convened by Ms Olivia Chen (Huawei, China).\n")
    (m,) = facts.meetings
    assert (m.start, m.end) == (date(2026, 1, 26), date(2026, 1, 30))
    assert [(p.name, p.post.label) for p in m.people] == [("Olivia Chen", "Convener of RG-StdsStrat")]


def test_fifth_review_cases_are_not_read():
    # only a series' own meetings fold a month into days: another study group's, or a regional consultation, do not
    facts = facts_of("At its meeting in March 2025, Study Group 17 agreed to liaise with Study Group 13.\n\nStudy Group 13 "
                     "met in Geneva from 10 to 21 March 2025.\n")
    assert len(facts.meetings) == 2
    facts = facts_of("The regional CTO meeting for Africa, held in Nairobi in June 2025 and hosted by Safaricom, gathered "
                     "operators.\n\nThe ITU CTO meeting took place in Geneva on 30 June 2025.\n")
    day = next(m for m in facts.meetings if m.precision == "day")
    assert len(facts.meetings) == 2 and day.host is None
    # ', convened by' a side event's person is no study group's convener
    m = only_dated("Study Group 17 met in Geneva from 2 to 11 April 2025. A side event with Study Group 13, convened by "
                   "Mr Luis Ortega (Mexico), discussed trust.\n")
    assert all(p.post is None for p in m.people)
    # 'Companies represented at the meeting were invited to ...' lists no one
    m = only_dated("The ITU CTO meeting took place in Geneva on 30 June 2025. Companies represented at the meeting were "
                   "invited to contribute to Study Group 13 and the Focus Group on AI for Health by September.\n")
    assert m.participations == []


def test_the_company_a_press_release_names_is_whose_its_post_is():
    m = only_dated("Vega Networks CTO joins ITU roundtable\n\nRESTON, Va., March 5, 2025 /PRNewswire/ -- Vega Networks, "
                   "Inc. today announced that its Chief Technology Officer, Dr. Jane Smith, participated in the ITU CTO "
                   "Roundtable held in Geneva, Switzerland on March 3, 2025.\n")
    assert [(p.name, p.affiliation.label if p.affiliation else None) for p in m.people] == [
        ("Jane Smith", "Vega Networks, Inc.")]
    m = only_dated("The ITU CTO Roundtable was held in Geneva on 3 March 2025. The Minister said that its Director, Mr Al "
                   "Poe, spoke.\n")
    assert all(p.affiliation is None for p in m.people)


def test_next_meetings_said_with_a_host_between_or_as_agreed_to_meet_again():
    for text, when, city in (
            ("The ITU CTO meeting was held in Budapest on 9 September 2019. The next meeting, to be hosted by Viettel, "
             "will take place in Hanoi, Viet Nam, in 2020.", 2020, "Hanoi"),
            ("The CTO consultation took place in Kigali on 4 June 2024. The next consultation will be hosted by "
             "Safaricom in Nairobi on 3 June 2025.", 2025, "Nairobi"),
            ("The ITU CTO meeting was held in Kigali, Rwanda, on 8 May 2019. The participants agreed to meet again in "
             "Cairo, Egypt, in 2020.", 2020, "Cairo")):
        nxt = only_dated(text).next_meeting
        assert nxt is not None and (nxt.start.year, nxt.place.label) == (when, city), text


def test_a_deadline_before_a_date_is_no_next_meeting():
    m = only_dated("The ITU CTO meeting was held in Kigali, Rwanda, on 8 May 2019. Contributions for the next meeting "
                   "must reach TSB by 17 November 2019.")
    assert m.next_meeting is None


def test_a_meeting_to_come_in_a_paragraph_of_its_own_keeps_what_its_paragraph_says():
    ms = facts_of("The ITU CTO meeting took place in Geneva on 5 May 2024, hosted by Swisscom. CTOs from AT&T (USA) and "
                  "Orange (France) took part.\n\nThe 2025 CTO meeting will be held in Seoul on 12 June 2025. It will be "
                  "chaired by Mr Kim Young-shik (KT).\n").meetings
    assert [(m.start.year, [p.name for p in m.people], len(m.participations)) for m in ms] == [
        (2024, [], 2), (2025, ["Kim Young-shik"], 0)]


def test_a_meeting_to_come_said_inside_a_report_takes_none_of_its_text():
    ms = facts_of("ITU-T Study Group 17 meeting, Geneva, 29 August - 8 September 2023\nSG17 consented eight "
                  "Recommendations on security. SG17 noted that a workshop on digital identity will be held on 28 August "
                  "2023 in Geneva.\n").meetings
    assert [(m.kind, bool(m.topics)) for m in ms] == [("StudyGroupMeeting", True), ("Workshop", False)]


@pytest.mark.parametrize("sentence", [
    "The CTOs agreed to meet again to review progress on the AI roadmap, which will be published on 30 September 2024.",
    "Contributions to the next meeting of the study group are due 12 calendar days before the meeting, on 10 October 2025.",
])
def test_a_date_of_something_else_after_a_next_meeting_phrase_is_no_next_meeting(sentence):
    assert only_dated("The ITU CTO meeting took place in Geneva on 5 May 2024. " + sentence).next_meeting is None


def test_a_meeting_whose_communique_a_report_names_does_not_take_the_reports_text_after_it():
    facts = facts_of("TSAG summary\n\nThe Telecommunication Standardization Advisory Group (TSAG) held its fourth meeting "
                     "in Geneva from 2 to 5 March 2027.\n\nThe TSB Director reported on activities since the previous "
                     "meeting, including the communiqué of the ninth CTO meeting, held in Kigali on 19 October 2026.\n\n"
                     "TSAG Working Party 1, chaired by Ms Ana Example, discussed the roadmap.\n")
    meetings = {m.kind: m for m in facts.meetings}
    assert meetings["CTOMeeting"].start == date(2026, 10, 19)
    assert "WP1/TSAG" in {g.notation for g in meetings["TSAGMeeting"].groups_mentioned}
    assert "WP1/TSAG" not in {g.notation for g in meetings["CTOMeeting"].groups_mentioned}


SG_NEWS = ("Study group news\n\n"
           "ITU-T Study Group 11 (SG11) met in Geneva from 3 to 14 July 2034 and consented four Recommendations.\n\n"
           "The Q5/11 rapporteur group agreed a text on signalling. The text builds on drafting carried out at an interim "
           "rapporteur group meeting in Seoul, 10-12 April 2034, hosted by Example Telecom.\n\n"
           "SG11's previous meeting took place in Wuhan, China, from 8 to 19 November 2033. The study group will next "
           "meet in Geneva from 5 to 16 March 2035.\n")


def test_an_interim_meeting_where_work_was_done_keeps_only_its_sentence():
    by_start = {m.start: m for m in facts_of(SG_NEWS).meetings}
    sg = by_start[date(2034, 7, 3)]
    assert by_start[date(2034, 4, 10)].kind == "RapporteurGroupMeeting"
    # the text after the interim meeting's sentence is still the study group's: its next meeting is the study group's
    assert sg.next_meeting is not None and sg.next_meeting.start == date(2035, 3, 5)
    assert sg.next_meeting.kind == "StudyGroupMeeting"


def test_a_groups_own_previous_meeting_is_its_meeting_before_the_one_reported():
    by_start = {m.start: m for m in facts_of(SG_NEWS).meetings}
    before = by_start[date(2033, 11, 8)]
    assert (before.kind, before.end, before.place.label) == ("StudyGroupMeeting", date(2033, 11, 19), "Wuhan")
    # another group's previous meeting is not this group's
    other = facts_of(SG_NEWS.replace("SG11's previous", "SG17's previous"))
    assert date(2033, 11, 8) not in {m.start for m in other.meetings if m.kind == "StudyGroupMeeting"
                                      and "11" in m.name}


def test_a_meeting_held_back_to_back_is_dated_by_its_own_clause_and_an_offer_to_host_a_second_is_the_next():
    facts = facts_of("News\n\nThe first ITU-T Regional CTO Consultation for the Americas was held on 4 June 2031 in "
                     "Bogota. It took place back-to-back with the meeting of the ITU-T Study Group 3 Regional Group for "
                     "Latin America and the Caribbean (SG3RG-LAC), which met in Bogota on 5-6 June 2031.\n\n"
                     "Participants agreed on key messages. Example Networks offered to host a second regional "
                     "consultation in Ottawa, Canada, in 2032.\n")
    meetings = {m.kind: m for m in facts.meetings}
    assert (meetings["RegionalGroupMeeting"].start, meetings["RegionalGroupMeeting"].end) == (date(2031, 6, 5),
                                                                                              date(2031, 6, 6))
    consultation = meetings["CTOConsultation"]
    assert consultation.next_meeting is not None and consultation.next_meeting.start.year == 2032
    assert consultation.next_meeting.place.label == "Ottawa"


def test_an_interviews_next_one_and_a_groups_meeting_named_by_its_month():
    facts = facts_of("Interview\n\nThe CTO meeting took place in Santiago on 5 November 2033.\n\n"
                     "Q: What happens next?\n\nA: The communique will be presented to TSAG at its January 2034 meeting. "
                     "I will follow up.\n\nQ: When and where is the next CTO meeting?\n\n"
                     "A: The next one will take place in Singapore in 2034, hosted by Merlion Example.\n")
    meetings = {m.kind: m for m in facts.meetings}
    cto = meetings["CTOMeeting"]
    assert cto.next_meeting is not None and (cto.next_meeting.start.year, cto.next_meeting.place.label) == (2034, "Singapore")
    tsag = meetings["TSAGMeeting"]
    assert (tsag.start, tsag.end, tsag.precision) == (date(2034, 1, 1), date(2034, 1, 31), "month")


def test_the_inaugural_edition_of_the_series_reported_is_its_meeting_before():
    facts = facts_of("News\n\nThe second Study Group Leadership Assembly will be held in Windhoek from 21 to 23 September "
                     "2031. The inaugural Assembly was held at ITU headquarters in Geneva, Switzerland, in March 2030.\n")
    by_start = {m.start: m for m in facts.meetings}
    first = by_start[date(2030, 3, 1)]
    assert (first.kind, first.precision, first.place.label) == ("LeadershipAssembly", "month", "Geneva")


def test_colleagues_from_bodies_spotted_among_the_participants_took_part_up_to_a_remark_after_a_dash():
    m = only_dated("The CTO meeting was held in Oslo on 3 May 2031.\n\nAmong the participants we spotted colleagues "
                   "from Nordvik Example (Norway), Adria Example (Croatia) and Iberlink Example (Spain) – it was good to "
                   "see that smaller operators were driving the conversation.\n")
    assert {p.organization.label: p.country.label for p in m.participations} == {
        "Nordvik Example": "Norway", "Adria Example": "Croatia", "Iberlink Example": "Spain"}


def test_a_proposal_to_host_the_third_consultation_is_the_next_meeting():
    m = only_dated("The second regional consultation of CTOs for Africa was held in Lomé, Togo, on 3 and 4 March 2032. "
                   "Sahel Example Telecom has proposed to host the third consultation at Niamey (Niger) in 2033, date "
                   "to be confirmed.\n")
    assert m.next_meeting is not None and m.next_meeting.start.year == 2033
    assert m.next_meeting.place is not None and m.next_meeting.place.label == "Niamey"
