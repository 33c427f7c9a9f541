"""Meetings of joint coordination activities, meetings asked for rather than held, a conference named where its own
preparatory meeting is reported, a next meeting known only by its year, countries whose own name has brackets before
their organizations, people listed with their post and body as participants, and what groups are asked to update
or consider (texts written for these tests)."""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated


def _participants(m):
    return {p.organization.label: (p.country.label if p.country else None) for p in m.participations}


@pytest.mark.parametrize("sentence", [
    "The Joint Coordination Activity on Quantum Examples (JCA-QEX) met in Tokyo on 4 June 2025.",
    "The meeting of JCA-QEX was held in Tokyo on 4 June 2025.",
    "Tokyo, 4 June 2025 - The JCA-QEX meeting took place today.",
])
def test_a_joint_coordination_activity_meets(sentence):
    m = only_dated(sentence + "\n")
    assert m.kind == "JCAMeeting"
    assert m.start == date(2025, 6, 4)
    assert m.place is not None and m.place.label == "Tokyo"


@pytest.mark.parametrize("asked", [
    "The CTOs called on ITU-T to organize a workshop on quantum sensing in 2026.",
    "Participants asked TSB to hold a workshop on quantum sensing in March 2026.",
    "The meeting proposed that ITU-T convene a workshop on quantum sensing in 2026.",
])
def test_a_workshop_asked_for_is_no_meeting_held(asked):
    facts = facts_of("The CTO meeting was held in Geneva on 3 May 2025. " + asked + "\n")
    workshops = [m for m in facts.meetings if m.kind == "Workshop"]
    assert all(m.start is None for m in workshops)
    (cto,) = [m for m in facts.meetings if m.kind == "CTOMeeting"]
    assert cto.start == date(2025, 5, 3)


def test_a_workshop_planned_with_its_day_is_still_read():
    facts = facts_of("ITU-T will hold a workshop on quantum sensing in Geneva on 12 March 2026.\n")
    (w,) = [m for m in facts.meetings if m.kind == "Workshop"]
    assert w.start == date(2026, 3, 12)


def test_the_conference_a_preparatory_meeting_works_for_takes_none_of_its_days():
    facts = facts_of("Regional preparatory meeting for WTSA-28 for Africa\n\n"
                     "Nairobi, 20 May 2027 - Delegates of twelve administrations met in Nairobi from 17 to 18 May 2027 "
                     "to agree common proposals for WTSA-28. The meeting was hosted by the Communications Authority of "
                     "Kenya.\n")
    (prep,) = [m for m in facts.meetings if m.kind == "PreparatoryMeeting"]
    assert (prep.start, prep.end) == (date(2027, 5, 17), date(2027, 5, 18))
    assert prep.host is not None and "Communications Authority" in prep.host.label
    assert all(m.start is None for m in facts.meetings if m.kind == "Conference")


@pytest.mark.parametrize("line, year", [
    ("Next meeting: Tokyo, 2026 (dates to be confirmed)", 2026),
    ("Next meeting: 2027", 2027),
])
def test_a_next_meeting_known_by_its_year(line, year):
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2025.\n\n" + line + "\n")
    assert m.next_meeting is not None
    assert m.next_meeting.start.year == year and m.next_meeting.precision == "year"


def test_a_year_of_the_same_meeting_is_no_next_meeting():
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2025.\n\nNext meeting: 2025\n")
    assert m.next_meeting is None


def test_a_country_whose_name_has_brackets_heads_its_organizations():
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2025. Representatives of Korea (Rep. of) (Apex "
                   "Telecom and Beta Networks), Germany (Gamma Labs) and Japan (Delta Systems) took part.\n")
    assert _participants(m) == {"Apex Telecom": "Republic of Korea", "Beta Networks": "Republic of Korea",
                                "Gamma Labs": "Germany", "Delta Systems": "Japan"}


def test_people_listed_with_post_and_body_make_their_bodies_participants():
    m = only_dated("The CTO consultation took place online on 21 June 2025. Participants included Ms Ana Costa, Chief "
                   "Technology Officer, Apex Mobile (Kenya); Mr Ken Sato, Head of Research, Beta Wireless Ltd; and Dr "
                   "Lea Roux, Director, Network Planning.\n")
    assert _participants(m) == {"Apex Mobile": "Kenya", "Beta Wireless Ltd": None}


@pytest.mark.parametrize("entry", [
    "Ms Ana Costa (Apex Mobile, Kenya)",
    "Ms Ana Costa (Examplia Networks, Kenya)",
])
def test_a_styled_name_with_its_body_in_brackets(entry):
    m = only_dated("The CTO consultation took place online on 21 June 2025. Participants included " + entry +
                   " and Mr Ken Sato (Japan).\n")
    (body,) = _participants(m)
    assert _participants(m)[body] == "Kenya"


def test_a_unit_before_a_known_body_is_not_the_affiliation():
    m = only_dated("The CTO consultation took place online on 21 June 2025. Ms Ana Costa, Director, Technical Standards "
                   "and Network Integrity, Ericsson (Sweden), opened the session.\n")
    (p,) = [p for p in m.people if p.name == "Ana Costa"]
    assert p.affiliation is not None and p.affiliation.label == "Ericsson"
    assert p.country is not None and p.country.label == "Sweden"


@pytest.mark.parametrize("sentence, group, action", [
    ("The meeting asked ITU-T Study Group 20 to update the roadmap of smart city standards.", 20, "review"),
    ("The meeting invited ITU-T Study Group 17 to consider the security of quantum networks.", 17, "study"),
    ("The meeting invited ITU-T Study Group 13 to revise its work plan.", 13, "review"),
    ("The meeting agreed to invite ITU-T Study Group 16 to take into account the needs of persons with disabilities.",
     16, "study"),
])
def test_what_a_group_is_asked_to_do(sentence, group, action):
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2025. " + sentence + "\n")
    assert [(a.group.label, a.action) for a in m.group_actions] == [(f"ITU-T Study Group {group}", action)]


def test_the_group_that_agrees_to_establish_is_not_established():
    m = only_dated("TSAG met in Geneva from 5 to 9 May 2025. TSAG agreed to establish a new Focus Group on Example "
                   "Networks (FG-EXN).\n")
    assert [(a.group.label, a.action) for a in m.group_actions] == [("Focus Group on Example Networks", "establish")]


def test_chief_technology_officers_from_a_list_of_companies():
    m = only_dated("The CTO consultation was held in Cairo on 15 November 2025. Chief technology officers from Apex "
                   "Mobile (Kenya), Beta Wireless (Japan) and Gamma Labs (France) attended.\n")
    assert _participants(m) == {"Apex Mobile": "Kenya", "Beta Wireless": "Japan", "Gamma Labs": "France"}


def test_a_known_company_followed_by_the_country_it_works_in():
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2025. Participants included Vodafone United Kingdom, "
                   "Ericsson Sweden and Apex Mobile.\n")
    parts = _participants(m)
    assert parts["Apex Mobile"] is None
    assert {country for body, country in parts.items() if body != "Apex Mobile"} == {"United Kingdom", "Sweden"}
    assert "Ericsson" in parts


def test_the_next_consultation_in_a_later_year():
    m = only_dated("The CTO consultation was held in Cairo on 15 November 2025. The CTOs agreed to hold the next "
                   "consultation in Muscat, Oman, in 2026.\n")
    assert m.next_meeting is not None and m.next_meeting.start.year == 2026
    assert m.next_meeting.place is not None and m.next_meeting.place.label == "Muscat"


@pytest.mark.parametrize("body", ["Ericsson", "Example Networks AG"])
def test_the_company_a_post_is_of_is_the_holders_affiliation(body):
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2025. \"Trust comes first,\" said Prof. Ana Costa, "
                   f"Chief Technology Officer of {body}.\n")
    (p,) = [p for p in m.people if p.name == "Ana Costa"]
    assert p.affiliation is not None and p.affiliation.label == body


def test_a_ministers_domain_is_no_affiliation():
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2025. Ms Jo Roe, Minister of Communications of "
                   "Examplia, spoke.\n")
    (p,) = [p for p in m.people if p.name == "Jo Roe"]
    assert p.affiliation is None


def test_the_names_after_among_them():
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2025. It brought together executives of 25 companies "
                   "from 15 countries, among them Deutsche Telekom, Apex Mobile and Nokia.\n")
    assert {"Deutsche Telekom", "Apex Mobile", "Nokia"} <= set(_participants(m))


def test_names_with_a_plural_post_after_as():
    m = only_dated("The meeting of the ITU-T Study Group 3 Regional Group for Africa took place in Kampala, Uganda, from "
                   "11 to 13 September 2025. It was chaired by Mr Kofi Sample (Ghana), with Ms Awa Sample (Senegal) "
                   "and Mr Tom Sample (Kenya) as Vice-Chairs.\n")
    posts = {p.name: p.post.label for p in m.people if p.post}
    assert posts == {"Kofi Sample": "Chair", "Awa Sample": "Vice-Chair", "Tom Sample": "Vice-Chair"}


def test_a_small_town_named_as_the_last_word_of_a_venue_is_no_place():
    m = only_dated("Kaleidoscope closes in New Delhi\n\nNew Delhi, 23 October 2025 - The ITU Kaleidoscope academic conference concluded today at Bharat "
                   "Mandapam after three days.\n")
    assert m.place is not None and m.place.label == "New Delhi"


def test_a_focus_group_asked_for_in_plain_words_keeps_its_whole_name():
    m = only_dated("The CxO roundtable was held in Geneva on 5 December 2025. The CxOs invited ITU-T to set up a focus "
                   "group on quantum sensing networks, and asked TSB to report back.\n")
    assert [(a.group.label, a.action) for a in m.group_actions] == [
        ("Focus Group on quantum sensing networks", "establish")]


def test_a_post_of_a_company_in_a_participants_entry():
    m = only_dated("The CxO roundtable was held in Geneva on 5 December 2025. Participants included Ms Jane Sample, "
                   "President & CEO of Examplecom Inc.; and Mr Ken Sample, Head of Standards, Apex Mobile (Kenya).\n")
    assert _participants(m) == {"Examplecom Inc.": None, "Apex Mobile": "Kenya"}


def test_a_time_zone_is_no_place_and_a_later_sentence_says_how_the_meeting_was_held():
    m = only_dated("1.1 The meeting of the Rapporteur Group on Example Strategy (RG-ExS) was opened on 9 May 2025 at "
                   "14:00 hours Geneva time by its Rapporteur. The meeting was held fully virtually.\n")
    assert m.place is None
    assert m.attendance is not None and m.attendance[0] == "online"


def test_a_later_sentence_about_another_subject_says_nothing_of_the_format():
    m = only_dated("The CTO meeting was held on 3 May 2025. Several delegates attended remotely via videoconference "
                   "from their offices.\n")
    assert m.attendance is None


def test_a_list_of_scheduled_meetings_a_body_a_line():
    facts = facts_of("Upcoming ITU-T meetings\n\nThe following meetings are scheduled:\n"
                     "- ITU-T Study Group 11 (Signalling), Geneva, 6-15 May 2026\n"
                     "- TSAG, Geneva, 1-5 June 2026\n"
                     "- Focus Group on Example Networks (FG-EXN), Tokyo, 8-10 July 2026\n")
    got = {(m.kind, m.start, m.end, m.place.label if m.place else None) for m in facts.meetings}
    assert got == {("StudyGroupMeeting", date(2026, 5, 6), date(2026, 5, 15), "Geneva"),
                   ("TSAGMeeting", date(2026, 6, 1), date(2026, 6, 5), "Geneva"),
                   ("FocusGroupMeeting", date(2026, 7, 8), date(2026, 7, 10), "Tokyo")}


def test_until_when_another_meeting_runs_is_neither_its_date_nor_the_first_ones_end():
    facts = facts_of("Symposium opens\n\nNew Delhi, 14 October 2026 - The Global Standards Symposium (GSS-26) opened "
                     "today, ahead of WTSA-26, which runs until 24 October.\n")
    (gss,) = [m for m in facts.meetings if m.kind == "Symposium"]
    assert (gss.start, gss.end) == (date(2026, 10, 14), date(2026, 10, 14))
    assert all(m.start is None for m in facts.meetings if m.kind == "Conference")


def test_a_university_named_before_the_next_sentence():
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2025. It was moderated by Prof. Hans Example of the "
                   "Technical University of Munich. More than 100 participants attended.\n")
    (p,) = [p for p in m.people if p.name == "Hans Example"]
    assert p.affiliation is not None and p.affiliation.label == "Technical University of Munich"


@pytest.mark.parametrize("sentence, affiliation, country", [
    ("The Examplia Communications Authority (ECA) took part. The ECA delegation was headed by Eng. Ahmad Sample, "
     "Director of Technical Affairs.", "Examplia Communications Authority", None),
    ("The Kenyan delegation was led by Mr Ahmad Sample.", None, "Kenya"),
    ("Japan's delegation, headed by Mr Ahmad Sample, spoke first.", None, "Japan"),
])
def test_who_headed_a_delegation_is_of_its_body_or_country(sentence, affiliation, country):
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2025. " + sentence + "\n")
    (p,) = [p for p in m.people if p.name == "Ahmad Sample"]
    assert (p.affiliation.label if p.affiliation else None, p.country.label if p.country else None) == (
        affiliation, country)


def test_a_regulator_that_participated_under_a_dateline():
    m = only_dated("Authority at CTO meeting\n\nDoha – 28 November 2025: The Examplia Communications Authority (ECA) "
                   "participated in the ITU-T meeting of Chief Technology Officers, held on 25 November 2025 in Dubai.\n")
    assert "Examplia Communications Authority" in _participants(m)


def test_the_meeting_of_a_preparatory_group_under_its_heading_is_placed_there():
    facts = facts_of("Regional group prepares for WTSA-28\n\nThe 4th meeting of the Example Preparatory Group for WTSA-28 "
                     "was held from 22 to 25 July 2027 in Bangkok, Thailand.\n")
    dated = [m for m in facts.meetings if m.start is not None]
    assert [(m.start, m.place.label if m.place else None) for m in dated] == [(date(2027, 7, 22), "Bangkok")]
    assert all(m.place is None for m in facts.meetings if m.kind == "Conference")


def test_a_named_bodys_meeting_held_the_days_of_the_headings_preparatory_meeting_is_that_one():
    facts = facts_of("Regional preparatory meeting for WTSA-28\n\nThe 4th meeting of the Example Preparatory Group for "
                     "WTSA-28 (EPG-4) was held from 22 to 25 July 2027 in Bangkok, Thailand.\n")
    dated = [m for m in facts.meetings if m.start is not None]
    assert [(m.kind, m.start, m.end, m.place.label if m.place else None) for m in dated] == [
        ("PreparatoryMeeting", date(2027, 7, 22), date(2027, 7, 25), "Bangkok")]


def test_a_tsag_report_with_a_session_of_another_kind_before_its_next_meeting():
    facts = facts_of("TSAG met in Geneva from 22 to 26 January 2026, chaired by Dr Ali Sample (Oman).\n\n"
                     "• TSAG approved the creation of a new Focus Group on Example Networks (FG-EXN), to be hosted by "
                     "Study Group 13.\n"
                   "• TSAG requested Study Group 20 to lead the work on digital twins.\n"
                   "• The Rapporteur Group on Working Methods (RG-WM) met on 23 January 2026.\n\n"
                   "Next TSAG meeting: 13-17 July 2026, Geneva.\n")
    (m,) = [m for m in facts.meetings if m.kind == "TSAGMeeting"]
    assert m.host is None
    assert sorted((a.group.label, a.action) for a in m.group_actions) == [
        ("Focus Group on Example Networks", "establish"), ("ITU-T Study Group 20", "lead")]
    assert m.next_meeting is not None and m.next_meeting.start == date(2026, 7, 13)


@pytest.mark.parametrize("sentence", [
    "CTOs met today at the invitation of ITU's Telecommunication Standardization Bureau, hosted by Example Telecom "
    "Company, to discuss the Internet of Things.",
    "CTOs met today at the invitation of TSB, hosted by ex (Example Telecom Company), to discuss the Internet of "
    "Things.",
])
def test_itu_convenes_and_the_other_one_hosts(sentence):
    m = only_dated("CTO meeting\nDubai, UAE, 18 October 2025\n\n" + sentence + "\n")
    assert m.host is not None and m.host.label == "Example Telecom Company"


def test_a_study_group_that_concluded_its_meeting_today_and_the_days_said_after():
    m = only_dated("SG20 wraps up\n\nGeneva, 27 March 2026 — ITU-T Study Group 20 (IoT and smart cities) concluded its "
                   "meeting in Geneva today. The two-week meeting, held from 16 to 27 March, was chaired by Ms Ana "
                   "Sample (Kenya). The study group agreed to liaise with SG13 on digital twins.\n\n"
                   "Study Group 20 will next meet in Geneva from 5 to 16 October 2026.\n")
    assert (m.kind, m.start, m.end) == ("StudyGroupMeeting", date(2026, 3, 16), date(2026, 3, 27))
    assert [(a.group.label, a.action) for a in m.group_actions] == [("ITU-T Study Group 13", "coordinate")]
    assert m.next_meeting is not None and m.next_meeting.start == date(2026, 10, 5)


def test_no_organization_is_named_by_a_date_or_a_post_before_it():
    m = only_dated("Kigali, 10 May 2026. The Permanent Secretary of the Ministry of Digital Example, Mr Jo Sample, "
                   "represented Rwanda at the ITU-T Regional CTO Consultation for Africa held on 8 May 2026 in Kigali "
                   "Example Centre.\n")
    labels = {o.label for o in m.organizations_mentioned}
    assert not any(label[:1].isdigit() or label.startswith("Permanent") for label in labels), labels
    assert "Ministry of Digital Example" in labels


def test_a_list_two_triggers_introduce_is_read_once():
    m = only_dated("The ITU-T CTO meeting took place on 21 November 2025 in Riyadh, Saudi Arabia. It was attended by "
                   "CTOs of the following companies: Ericsson, Apex Mobile, Nokia and Beta Wireless.\n")
    labels = [p.organization.label for p in m.participations]
    assert sorted(labels) == ["Apex Mobile", "Beta Wireless", "Ericsson", "Nokia"]



def test_meeting_with_someone_as_their_post_is_no_appointment():
    m = only_dated("The CTOs met with Mr Seizo Sample as Director of TSB in Geneva on 3 May 2025, together with Ms Ana "
                   "Sample as well as others.\n")
    assert all(p.post is None or "Geneva" not in p.post.label for p in m.people)


def test_the_next_meeting_asked_for_with_its_day_is_still_the_next_meeting():
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2025. The CTOs asked TSB to convene the next CTO meeting "
                   "on 5 May 2026 in Tokyo.\n")
    assert m.next_meeting is not None and m.next_meeting.start == date(2026, 5, 5)


def test_the_administrations_of_a_list_of_countries_took_part():
    m = only_dated("The regional preparatory meeting for WTSA-28 was held in Brasilia on 3 May 2027. Representatives of "
                   "the communications administrations of Brazil, the Republic of Korea and Mexico took part.\n")
    assert _participants(m) == {"Communications Administration of Brazil": "Brazil",
                                "Communications Administration of the Republic of Korea": "Republic of Korea",
                                "Communications Administration of Mexico": "Mexico"}


def test_the_administrations_of_countries_in_their_long_names_took_part_each_for_its_country():
    m = only_dated("The RCC preparatory meeting for WTSA-28 was held in Baku from 3 to 5 May 2027.\n\nTaking part in the "
                   "meeting were representatives of communications administrations of the Azerbaijan Republic, Kyrgyz "
                   "Republic, Russian Federation and Republic of Uzbekistan, as well as of PJSC Rostelecom.\n")
    got = _participants(m)
    assert {k: v for k, v in got.items() if "Administration" in k} == {
        "Communications Administration of the Azerbaijan Republic": "Azerbaijan",
        "Communications Administration of the Kyrgyz Republic": "Kyrgyzstan",
        "Communications Administration of the Russian Federation": "Russian Federation",
        "Communications Administration of the Republic of Uzbekistan": "Uzbekistan"}


def test_administrations_named_outside_a_sentence_of_taking_part_are_no_participants():
    m = only_dated("The meeting of ITU-T Study Group 3 was held in Geneva on 3 May 2027. It discussed the tariffs that "
                   "the administrations of Brazil and Mexico apply.\n")
    assert _participants(m) == {}


def test_participants_who_attended_in_person_and_online_make_a_hybrid_meeting():
    m = only_dated("The fourth SGLA took place on 29 May 2025 in Geneva. Over 70 study group chairs and rapporteurs "
                   "attended in person and online.\n")
    assert m.place is not None and m.place.label == "Geneva"
    assert m.attendance is not None and m.attendance[0] == "mixed"


def test_a_group_chaired_by_someone_and_messrs_before_two_names():
    m = only_dated("TSAG held its sixth meeting from 14 to 18 July 2025 in Geneva. Working Party 1/TSAG, chaired by Ms "
                   "Olivia Sample (Canada), reviewed the A-series Recommendations. TSAG appointed Messrs Ken Sample "
                   "(Japan) and Luis Sample (Mexico) as Rapporteurs for strategic planning.\n")
    posts = {p.name: p.post.label for p in m.people if p.post}
    assert posts == {"Olivia Sample": "Chair of WP1/TSAG", "Ken Sample": "Rapporteur", "Luis Sample": "Rapporteur"}
