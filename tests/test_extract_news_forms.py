"""Forms of news-style reports (texts written for these tests): a consultation 'of Chief Technology Officers', a
headline in the present tense, a host named before the meeting ('Hosted by X, the meeting ...'), and speakers
listed as 'Name (Organization, Country)' whose organizations the reference data does not know."""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, posts_of


@pytest.mark.parametrize("text, kind", [
    ("The regional consultation of Chief Technology Officers for the Americas took place in Quito on 2 May 2022.\n",
     "CTOConsultation"),
    ("A consultation with industry CTOs was held online on 15 June 2021.\n", "CTOConsultation"),
    ("African CTOs meet in Kigali\n\nKigali, 6 November 2023\n\nThe meeting of CTOs took place in Kigali on "
     "6 November 2023.\n", "CTOMeeting"),
])
def test_consultations_and_meetings_of_ctos_in_news_wording(text, kind):
    dated = [(m.kind, m.start) for m in facts_of(text).meetings if m.start]
    assert len(dated) == 1 and dated[0][0] == kind, dated


@pytest.mark.parametrize("text, host", [
    ("Hosted by Examplia Telecom, the CTO meeting took place in Lima on 9 March 2021.\n", "Examplia Telecom"),
    ("Kindly hosted by the Example Communications Authority of Kenya, the CTO consultation was held in Nairobi on "
     "3 April 2019.\n", "Example Communications Authority"),
])
def test_a_host_named_before_the_meeting(text, host):
    (m,) = [m for m in facts_of(text).meetings if m.start]
    assert m.host is not None and m.host.label.startswith(host), m.host


def test_what_a_sentence_says_an_initiative_was_organized_by_is_not_the_host():
    (m,) = [m for m in facts_of("The CTO meeting took place in Lima on 9 March 2021. Organized by Examplia Telecom, the "
                              "initiative trains young engineers.\n").meetings if m.start]
    assert m.host is None


def test_speakers_listed_with_organization_and_country():
    facts = facts_of("The CTO meeting took place in Geneva on 4 September 2023.\n\nSpeakers included:\n"
                   "Priya Raman (Indus Networks, India)\nHiroshi Tanaka (Yamato Communications, Japan)\n"
                   "Lena Ortiz (Andes Mobile, Peru)\n")
    (m,) = facts.meetings
    got = {(p.name, p.affiliation.label if p.affiliation else None, p.country.label if p.country else None)
           for p in m.people}
    assert got == {("Priya Raman", "Indus Networks", "India"), ("Hiroshi Tanaka", "Yamato Communications", "Japan"),
                   ("Lena Ortiz", "Andes Mobile", "Peru")}


def test_a_place_in_brackets_is_not_an_affiliation():
    facts = facts_of("The CTO meeting took place in Geneva on 4 September 2023.\n\nVenues:\n"
                   "Future Networks (Geneva, Switzerland)\n")
    assert not any(p.name == "Future Networks" for m in facts.meetings for p in m.people)


def test_a_meeting_named_as_what_came_before_does_not_take_the_sentence_or_the_text_after_it():
    facts = facts_of("The CTO roundtable convened on 15 March 2024 in Nairobi, following a two-day ITU-T workshop on "
                   "quantum information technology. It was chaired by Dr Jane Example, Chief Technology Officer of "
                   "Example Wireless. ITU-T Study Group 17 was invited to act.\n")
    dated = [m for m in facts.meetings if m.start]
    assert [(m.kind, m.start) for m in dated] == [("CTOMeeting", date(2024, 3, 15))]
    (m,) = dated
    assert "Jane Example" in {p.name for p in m.people}
    assert "ITU-T Study Group 17" in {g.label for g in m.groups_mentioned}


def test_an_item_of_a_participant_list_may_name_the_people_before_their_organization():
    facts = facts_of("The CTO meeting was held in Accra on 3 June 2023.\n\nParticipants included Ericsson, Nokia, and "
                   "senior representatives of China Mobile and Orange.\n")
    (m,) = facts.meetings
    assert [p.organization.label for p in m.participations] == ["Ericsson", "Nokia", "China Mobile", "Orange"]


@pytest.mark.parametrize("text, kind, name", [
    ("ITU's Chief Technology Officers (CTO) group met in Geneva on 18 July 2018.\n", "CTOMeeting", "CTO meeting"),
    ("A high-level CTO dialogue took place in Dubai on 14 October 2024.\n", "CTOMeeting", "CTO dialogue"),
])
def test_more_names_of_a_meeting_of_ctos(text, kind, name):
    (m,) = facts_of(text).meetings
    assert (m.kind, m.name) == (kind, name)


def test_an_ordinal_after_its():
    (m,) = facts_of("TSAG held its fourth meeting in Geneva from 10 to 14 January 2022.\n").meetings
    assert m.kind == "TSAGMeeting" and m.ordinal[0] == 4 and m.ordinal[1].quote == "fourth"


@pytest.mark.parametrize("paragraph", [
    "They met online. Participants: Example Cloud (Spain), Beta Mobile (Kenya), Gamma Systems (Japan).",
    "Participants: Example Cloud (Spain), Beta Mobile (Kenya), Gamma Systems (Japan). The CTOs discussed AI.",
    "They met online. Participants: Example Cloud (Spain), Beta Mobile (Kenya), Gamma Systems (Japan). They agreed.",
])
def test_a_participants_label_inside_a_paragraph(paragraph):
    (m,) = facts_of("The CTO meeting was held in Accra on 3 June 2023.\n\n" + paragraph + "\n").meetings
    assert [(p.organization.label, p.country.label) for p in m.participations] == [
        ("Example Cloud", "Spain"), ("Beta Mobile", "Kenya"), ("Gamma Systems", "Japan")]


@pytest.mark.parametrize("text", [
    "2. Study Group Leadership Assembly, 1 December 2021\n\nThe SGLA met on 1 December 2021, chaired by Mr John "
    "Example. Chairs reviewed the preparations for WTSA-20, which was postponed to March 2022 in Geneva.\n",
    "CTO meeting, 3 May 2021\n\nCTOs met and agreed that the next CTO meeting will be held in Busan.\n",
])
def test_the_place_said_of_another_meeting_under_a_heading_is_not_this_ones(text):
    (m,) = [m for m in facts_of(text).meetings if m.kind in ("LeadershipAssembly", "CTOMeeting") and m.start]
    assert m.place is None, m.place


def test_the_place_of_the_event_a_meeting_was_held_alongside_is_still_its_own():
    (m,) = [m for m in facts_of("The CTO meeting took place alongside WTSA-20 in Geneva on 1 March 2022.\n").meetings
            if m.start]
    assert m.place.label == "Geneva"


@pytest.mark.parametrize("sentence, group, action", [
    ("CTOs called on ITU-T Study Group 11 to develop standards on counterfeit devices.", "ITU-T Study Group 11",
     "develop"),
    ("CTOs invited SG 5 to take up work on e-waste.", "ITU-T Study Group 5", "develop"),
    ("CTOs asked ITU-T SG13 to study the metaverse.", "ITU-T Study Group 13", "study"),
])
def test_what_a_group_is_asked_to_do(sentence, group, action):
    (m,) = facts_of("The CTO meeting took place in Geneva on 3 May 2021.\n\n" + sentence + "\n").meetings
    assert [(a.group.label, a.action) for a in m.group_actions] == [(group, action)]


def test_developing_countries_is_no_action():
    (m,) = facts_of("The CTO meeting took place in Geneva on 3 May 2021.\n\nThe Chair of SG13 spoke about developing "
                  "countries.\n").meetings
    assert m.group_actions == []


@pytest.mark.parametrize("sentence", [
    "The participating organizations were Hanbit Telecom from the Republic of Korea, Sakura Mobile from Japan and "
    "Zed Networks from Côte d'Ivoire.",
    "Participants included Korea's Hanbit Telecom, Japan’s Sakura Mobile and Côte d'Ivoire's Zed Networks.",
])
def test_the_country_of_a_participant_written_before_or_after_its_name(sentence):
    (m,) = facts_of("The CTO meeting was held in Accra on 3 June 2023.\n\n" + sentence + "\n").meetings
    assert [(p.organization.label, p.country.label if p.country else None) for p in m.participations] == [
        ("Hanbit Telecom", "Republic of Korea"), ("Sakura Mobile", "Japan"), ("Zed Networks", "Côte d'Ivoire")]


def test_key_phrases_about_the_meeting_itself_are_no_subjects():
    facts = facts_of("Asia-Pacific CTOs meet in Bangkok ahead of the summit\n\nThe CTO meeting was held as a virtual "
                   "meeting on 3 June 2023. The outgoing vice-chairs and leading ICT companies discussed "
                   "satellite-terrestrial convergence and agreed to report back.\n")
    phrases = [p for p, _ in facts.keyphrases]
    assert "satellite-terrestrial convergence" in phrases
    assert not any(w in p for p in phrases for w in ("virtual meeting", "vice-chairs", "companies", "bangkok",
                                                     "report back"))


def test_a_list_one_organization_a_line_keeps_and_inside_a_name():
    (m,) = facts_of("The CTO meeting was held in Accra on 3 June 2023.\n\nThe participating organizations were:\n"
                  "- Acme Telecom\n- King Example City for Science and Technology\n- Ericsson and Nokia\n").meetings
    assert [p.organization.label for p in m.participations] == [
        "Acme Telecom", "King Example City for Science and Technology", "Ericsson", "Nokia"]


def test_a_roundtable_of_chief_technology_officers():
    (m,) = facts_of("The Chief Technology Officers Roundtable took place in Geneva on 3 May 2021.\n").meetings
    assert m.kind == "CTOMeeting" and m.start == date(2021, 5, 3)


def test_a_session_held_during_the_meeting_reported_does_not_take_the_rest_of_the_report():
    facts = facts_of("TSAG meeting, Geneva, 13-17 January 2025\n\nTSAG RG-StdsStrat met on 13 January and proposed a "
                     "new focus group. Study Group 11 and SG 21 provided progress reports.\n\nTSAG elected Mr Example "
                     "Alpha (Kenya) as Chair of WP1/TSAG.\n")
    by_kind = {m.kind: m for m in facts.meetings}
    tsag, rg = by_kind["TSAGMeeting"], by_kind["RapporteurGroupMeeting"]
    assert rg.start == date(2025, 1, 13)
    assert {"ITU-T Study Group 11", "ITU-T Study Group 21"} <= {g.label for g in tsag.groups_mentioned}
    assert "Example Alpha" in {p.name for p in tsag.people} and not rg.people
    assert rg.place is not None and rg.place.label == "Geneva"  # held where the meeting it was part of was


def test_a_session_placed_by_the_text_keeps_its_own_place():
    facts = facts_of("The TSAG meeting was held in Geneva from 13 to 17 January 2025. TSAG RG-StdsStrat met online on "
                     "14 January.\n")
    rg = next(m for m in facts.meetings if m.kind == "RapporteurGroupMeeting")
    assert rg.place is None and rg.attendance is not None and rg.attendance[0] == "online"


def test_a_focus_group_name_in_lower_case_words_ends_at_its_acronym():
    (m,) = facts_of("The TSAG meeting took place in Geneva on 3 May 2021.\n\nTSAG proposed a new Focus Group on "
                    "AI-native networks (FG-AINN).\n").meetings
    focus = [(g.label, g.notation) for g in m.groups_mentioned if g.kind == "FocusGroup"]
    assert focus == [("Focus Group on AI-native networks", "FG-AINN")]


@pytest.mark.parametrize("text", [
    "The CTO meeting, hosted by Examplia Telecom and co-organized by the Example Authority, took place in Lima on "
    "9 March 2021.\n",
    "The CTO meeting took place in Lima on 9 March 2021, hosted by Examplia Telecom in cooperation with the Example "
    "Authority.\n",
])
def test_who_organized_with_the_host_hosts_too(text):
    (m,) = facts_of(text).meetings
    assert (m.host.label, [c.label for c in m.co_hosts]) == ("Examplia Telecom", ["Example Authority"])


@pytest.mark.parametrize("sentence, expected", [
    ("Participants from Examplia Telecom (Kenya) also attended.", [("Examplia Telecom", "Kenya")]),
    ("Participants from Examplia Telecom (Kenya) and Beta Networks (Japan) also attended.",
     [("Examplia Telecom", "Kenya"), ("Beta Networks", "Japan")]),
])
def test_participants_from_one_or_more_organizations_with_their_country(sentence, expected):
    (m,) = facts_of("The CTO meeting was held in Accra on 3 June 2023.\n\n" + sentence + "\n").meetings
    assert [(p.organization.label, p.country.label) for p in m.participations] == expected


def test_a_post_at_an_organization():
    (m,) = facts_of('The CTO meeting was held in Accra on 3 June 2023.\n\n"Interoperability is key," said Jane '
                    "Roe, Chief Technology Officer at Apex Mobile. Mr Sam Poe, Director at the Example Authority, "
                    "spoke.\n").meetings
    assert {(p.name, p.affiliation.label) for p in m.people if p.affiliation} == {
        ("Jane Roe", "Apex Mobile"), ("Sam Poe", "Example Authority")}


def test_a_meeting_held_after_another_is_not_co_located_with_it():
    (m,) = [m for m in facts_of("The CTO meeting took place in Geneva on 10 March 2022, following WTSA-20.\n").meetings
            if m.start]
    assert m.kind == "CTOMeeting" and m.co_located is None


@pytest.mark.parametrize("text, start, end", [
    ("Example Forum opens in Abuja\n\nAbuja, 12 March 2019 – The ITU Example Forum for Africa opened today in Abuja. "
     "The two-day forum brings together regulators and operators.\n", date(2019, 3, 12), date(2019, 3, 13)),
    ("New Delhi, 24 October 2024 – The World Telecommunication Standardization Assembly (WTSA-24) concluded today in "
     "New Delhi after ten days of deliberations.\n", date(2024, 10, 15), date(2024, 10, 24)),
    # a range the text gives is kept; another meeting's length is not this one's
    ("The CTO meeting was held in Lima from 9 to 10 March 2021, after a three-day workshop.\n",
     date(2021, 3, 9), date(2021, 3, 10)),
    ("The CTO meeting was held in Lima on 9 March 2021, following a three-day workshop on AI.\n",
     date(2021, 3, 9), date(2021, 3, 9)),
])
def test_the_length_a_text_gives_a_meeting_dated_by_one_day(text, start, end):
    m = next(m for m in facts_of(text).meetings if m.kind in ("Symposium", "Conference", "CTOMeeting"))
    assert (m.start, m.end) == (start, end)


def test_a_post_after_a_bracket_in_a_list_that_leaves_out_its_verb():
    (m,) = [m for m in facts_of("WTSA-20 met in Geneva on 1 March 2022. Ms Ana Example (Spain) was appointed Chair "
                              "of Study Group 13, and Mr Kofi Example (Ghana) Chair of Study Group 3.\n").meetings]
    posts = posts_of(m)
    assert posts == {"Ana Example": "Chair of SG13", "Kofi Example": "Chair of SG3"}


def test_itu_t_at_the_end_of_a_sentence_ends_it():
    from itukg.graph.extract.text import sentences
    text = "The group discussed the engagement of SMEs in ITU-T. A liaison statement to SG20 was agreed."
    assert [text[s:e] for s, e in sentences(text)] == ["The group discussed the engagement of SMEs in ITU-T.",
                                                       "A liaison statement to SG20 was agreed."]


def test_a_rapporteur_group_meeting_is_named_to_its_acronym():
    (m,) = facts_of("Title: Report of the e-meeting of the TSAG Rapporteur Group on Industry Engagement (RG-IEM), "
                    "7 March 2023\n\nThe meeting was opened by the convener.\n").meetings
    assert m.name.endswith("Rapporteur Group on Industry Engagement (RG-IEM)") and m.start == date(2023, 3, 7)


DIGEST = ("Standardization news digest\n\n"
          "Executives meet in Budapest\nThe ITU CTO meeting took place on 9 September 2019 in Budapest, Hungary. "
          "CTOs discussed AI and 5G.\n\n"
          "SG13 concludes meeting in Geneva\nITU-T Study Group 13 met in Geneva from 14 to 25 October 2019. "
          "It was chaired by Mr Example Lehmann (Switzerland).\n\n"
          "TSAG to meet in February\nThe next TSAG meeting will be held in Geneva from 10 to 14 February 2020.\n")


def test_in_a_digest_each_item_s_heading_is_its_own():
    by_kind = {m.kind: m for m in facts_of(DIGEST).meetings}
    # the next TSAG meeting, dated by its days, is a meeting the digest names (the digest reports no other TSAG one)
    assert set(by_kind) == {"CTOMeeting", "StudyGroupMeeting", "TSAGMeeting"}
    assert (by_kind["TSAGMeeting"].start, by_kind["TSAGMeeting"].place.label) == (date(2020, 2, 10), "Geneva")
    cto, sg = by_kind["CTOMeeting"], by_kind["StudyGroupMeeting"]
    assert "ITU-T Study Group 13" not in {g.label for g in cto.groups_mentioned}  # the heading over SG13's item
    assert sg.next_meeting is None  # the next TSAG meeting is no study group's next meeting


def test_a_host_named_ahead_of_the_meeting_after_who_invited():
    (m,) = facts_of("At the invitation of the Director of ITU-T, and kindly hosted by the Example Communications "
                    "Authority (ECA) of Panama, a Regional Workshop on Conformance was held in Panama City from 3-5 "
                    "June 2014.\n").meetings
    assert m.host is not None and m.host.label == "Example Communications Authority"


@pytest.mark.parametrize("line", ["- Examplia Telecom (Examplia), host", "- Examplia Telecom – host",
                                  "- Examplia Telecom (host)"])
def test_the_host_marked_in_a_list_of_participants(line):
    (m,) = facts_of("The ITU CTO meeting was held in Lima on 20 October 2014.\n\nParticipating companies:\n"
                    "- Apex Mobile, Kenya\n" + line + "\n- Beta Telecom – Ghana\n").meetings
    assert m.host is not None and m.host.label == "Examplia Telecom"
    assert "Examplia Telecom" in {p.organization.label for p in m.participations}


_MINISTRY_NEWS = """MINISTRY OF DIGITAL ECONOMY
Home > News

Minister speaks for the region at ITU-T CTO Consultation in Windhoek

Lusaka, Zambia - 20 June 2034 | Communications Unit

The Minister addressed the second ITU-T Regional CTO Consultation for Africa last week.

The Consultation, held on Tuesday 13 June 2034 in Windhoek, Namibia, was hosted by Namib Example Wave and took place on
the margins of the ITU Regional Standardization Forum for Africa, which opened in the same city the day before.
"""


def test_a_ministrys_dateline_with_its_office_and_a_week_ago_give_way_to_the_day_the_consultation_was_held():
    (m,) = [m for m in facts_of(_MINISTRY_NEWS).meetings if m.kind == "CTOConsultation"]
    assert (m.start, m.end, m.place.label) == (date(2034, 6, 13), date(2034, 6, 13), "Windhoek")
    assert m.host is not None and m.host.label == "Namib Example Wave"


def test_a_national_preparatory_workshop_for_an_assembly_is_a_preparatory_meeting_placed_by_a_later_sentence():
    text = ("Regulator news\n\nWINDHOEK — The Commission on Thursday 13 and Friday 14 May 2027 hosted a national "
            "preparatory workshop for the World Telecommunication Standardization Assembly (WTSA-28), which ITU will "
            "convene in October 2028.\n\nThe two-day workshop, organized in collaboration with the TSB, took place at "
            "the Commission's training centre in Windhoek.\n")
    (m,) = [m for m in facts_of(text).meetings if m.start is not None and m.start.year == 2027]
    assert (m.kind, m.start, m.end, m.place.label) == ("PreparatoryMeeting", date(2027, 5, 13), date(2027, 5, 14),
                                                       "Windhoek")


def test_the_meeting_took_place_in_a_town_places_it_though_the_town_is_small():
    text = ("News\n\nThe Regional CTO consultation for Africa was held on 3 March 2031.\n\n"
            "The consultation took place in Windhoek.\n")
    (m,) = facts_of(text).meetings
    assert m.place is not None and m.place.label == "Windhoek"


_TO_HOST = """Example Andes Telecom to host the next ITU-T CTO meeting in Santiago

SANTIAGO DE CHILE, 4 November 2031 – Example Andes Telecom announced today that it will host the next meeting of
industry Chief Technology Officers (CTOs) convened by ITU-T. The meeting will take place in Santiago, Chile, on 17 and 18 March 2032.

The announcement follows its participation in the most recent CTO meeting, held on Thursday 9 October 2031 in Tallinn,
Estonia. ITU-T has convened CTO meetings since 2009.
"""


def test_a_release_titled_by_the_next_meeting_reports_that_meeting_and_announced_today_dates_nothing():
    by_start = {m.start: m for m in facts_of(_TO_HOST).meetings}
    assert sorted(by_start) == [date(2031, 10, 9), date(2032, 3, 17)]
    assert (by_start[date(2032, 3, 17)].end, by_start[date(2032, 3, 17)].place.label) == (date(2032, 3, 18), "Santiago")


def test_the_meeting_took_place_on_a_day_in_a_city_places_the_meeting_the_text_named_before():
    text = ("Blog\n\nThis post looks at the latest ITU-T CTO meeting.\n\nThe meeting took place on 17 April 2034 in "
            "Montréal, Canada, hosted by Example Laurentide Communications.\n")
    (m,) = facts_of(text).meetings
    assert (m.start, m.place.label, m.host.label) == (date(2034, 4, 17), "Montreal", "Example Laurentide Communications")
