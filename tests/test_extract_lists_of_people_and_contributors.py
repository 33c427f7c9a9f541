"""A meeting's own line ending in a dash and 'List of participants', bulleted entries 'Name, Post, Company,
Country', a study group's meeting with its field in brackets, contributors as participants, 'has been appointed'
after a comma, an ITU-T group is nobody's employer, and a list of chairs group by group (texts written for these
tests)."""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated

LIST = ("CTO Meeting, Hong Kong, 2 December 2019 – List of participants\n\n"
        "• Ahmed Example, Chief Technology Officer, Vega Mobile, United Arab Emirates\n"
        "• Dong Example, CTO, Cobalt Networks, China\n"
        "• Erik Sample, Head of Standardization, Brio Systems, Sweden\n")


def test_a_meetings_own_line_with_a_dash_is_no_press_dateline():
    m = only_dated(LIST)
    assert m.kind == "CTOMeeting" and m.start == date(2019, 12, 2)
    assert m.place is not None and m.place.label == "Hong Kong"


def test_bulleted_entries_of_people_give_their_companies_not_their_names():
    m = only_dated(LIST)
    found = {p.organization.label: p.country.label if p.country else None for p in m.participations}
    assert found == {"Vega Mobile": "United Arab Emirates", "Cobalt Networks": "China", "Brio Systems": "Sweden"}
    assert {p.name for p in m.people} == {"Ahmed Example", "Dong Example", "Erik Sample"}


def test_a_study_group_meeting_with_its_field_in_brackets():
    m = only_dated("From 3 to 7 March 2025, the ITU-T Study Group 16 (multimedia) plenary meeting was held in "
                   "Hangzhou, China.\n")
    assert m.kind == "StudyGroupMeeting"
    assert (m.start, m.end) == (date(2025, 3, 3), date(2025, 3, 7))


@pytest.mark.parametrize("text, names", [
    # contributors of a meeting are its participants
    ("The ITU-T Study Group 16 meeting was held in Hangzhou, China, from 3 to 7 March 2025. Vega Mobile, Cobalt "
     "Networks and Example University submitted 60 contributions.", {"Vega Mobile", "Cobalt Networks", "Example University"}),
    # who took part together with the others
    ("The CTO meeting took place in Geneva on 5 March 2025. Vega Mobile and Brio Networks participated, together with "
     "the Example Standards Institute (ESI).", {"Vega Mobile", "Brio Networks", "Example Standards Institute"}),
    # the kind of bodies before a colon is no item
    ("The third Inter-regional Meeting for WTSA-24 was held on 6 September 2024 in Geneva. It was attended by "
     "representatives of the six regional telecommunication organizations: APT, CEPT and CITEL.",
     {"Asia-Pacific Telecommunity", "Inter-American Telecommunication Commission"}),
    ("CTO Meeting Communiqué\nGeneva, 14 October 2012\n\nThe meeting was attended by CTOs and senior executives from: "
     "Vega Mobile (France), Cobalt Networks (Canada) and Brio Systems (Japan).", {"Vega Mobile", "Cobalt Networks"}),
])
def test_participants_said_as_contributors_companions_or_after_their_kind(text, names):
    assert names <= {p.organization.label for p in only_dated(text + "\n").participations}


def test_appointed_after_a_comma_and_a_group_is_no_employer():
    m = only_dated("GENEVA, 3 March 2025 -- Vega Mobile announced that its Chief Standards Officer, Dr. Rosa Example, "
                   "has been appointed Rapporteur for Question 6/13 at the ITU-T Study Group 13 meeting, which runs "
                   "from 3 to 14 March 2025 at ITU headquarters.\n")
    posts = {p.post.label for p in m.people if p.name == "Rosa Example" and p.post}
    assert "Rapporteur of Q6/13" in posts
    assert not [p for p in m.people if p.affiliation is not None and "Study Group" in p.affiliation.label]


def test_a_list_of_chairs_group_by_group():
    m = only_dated("WTSA-24, held in Lisbon from 15 to 24 October 2024, appointed the chairs of ITU-T study "
                   "groups for the 2025-2028 study period:\n\nStudy Group 2: Mr Ali Example (Egypt)\n"
                   "Study Group 13: Ms Kazu Sample (Japan)\n")
    assert {(p.name, p.post.label) for p in m.people if p.post} == {("Ali Example", "Chair of SG2"),
                                                                    ("Kazu Sample", "Chair of SG13")}


def test_a_date_in_brackets_after_the_other_meeting_is_the_others():
    from extract_fixtures import facts_of
    facts = facts_of("BUSAN, KOREA — Mar. 6, 2026 — Chief technology officers from 14 companies gathered in Busan on "
                     "Mar. 5, 2026 for the ITU CTO Roundtable, held on the margins of the ITU-T Study Group 13 meeting "
                     "(Mar. 2-13, 2026).\n")
    dated = {m.kind: (m.start, m.end) for m in facts.meetings if m.start}
    assert dated["CTOMeeting"] == (date(2026, 3, 5), date(2026, 3, 5))
    assert dated["StudyGroupMeeting"] == (date(2026, 3, 2), date(2026, 3, 13))


def test_a_body_after_a_name_and_a_comma_is_the_persons():
    m = only_dated("The ITU-T Workshop on Example Twins was held in Singapore on 8 July 2025. Keynotes were delivered "
                   "by Ms Li Example, Director, Example Media Authority, and Prof. Raj Sample, National University of "
                   "Example.\n")
    found = {p.name: p.affiliation.label if p.affiliation else None for p in m.people}
    assert found == {"Li Example": "Example Media Authority", "Raj Sample": "National University of Example"}


def test_a_post_after_a_name_and_a_comma_is_no_affiliation():
    m = only_dated("The Focus Group on Example TV concluded its seventh meeting in Busan, Republic of Korea, 15-19 "
                   "October 2007. Malcolm Example, Director of ITU's Telecommunication Standardization Bureau, said "
                   "standards matter.\n")
    assert [(p.name, p.affiliation) for p in m.people] == [("Malcolm Example", None)]


def test_a_group_asked_to_work_closely_with_another_coordinates():
    m = only_dated("Study Group 13 (Future networks) met in Geneva from 10 to 21 July 2023. SG13 also agreed to work "
                   "closely with the Focus Group on Autonomous Networks (FG-AN).\n")
    assert ("Focus Group on Autonomous Networks", "coordinate") in {(a.group.label, a.action) for a in m.group_actions}
    assert m.name == "ITU-T Study Group 13 meeting"


def test_a_company_named_with_an_industry_word_after_a_post_is_no_person():
    m = only_dated("The CTO meeting took place in Geneva on 5 March 2025. Speakers included Ms ZHANG Wei, Vice "
                   "President, Cobalt Mobile; and Mr Bo Sample, CTO, Delta Solutions.\n")
    found = {p.name: p.affiliation.label if p.affiliation else None for p in m.people}
    assert found == {"Zhang Wei": "Cobalt Mobile", "Bo Sample": "Delta Solutions"}


def test_a_liaison_to_a_group_and_to_another_reaches_both():
    m = only_dated("The RG-StdsStrat e-meeting took place on 12 March 2024. The meeting agreed to send a liaison "
                   "statement to ITU-T Study Group 13 and to the Focus Group on Example Networks (FG-EN).\n")
    assert {(a.group.label, a.action) for a in m.group_actions} == {
        ("ITU-T Study Group 13", "coordinate"), ("Focus Group on Example Networks", "coordinate")}


def test_continents_named_before_a_list_of_companies_take_no_part():
    text = ("CTO meeting\n\nThe ITU-T CTO meeting was held in Seoul on 3 June 2032. There, chief technology officers "
            "from operators in Asia, Europe, Africa and the Americas, among them Norrsken Example Telecom (Sweden) and "
            "Pampas Example Digital (Argentina), identified three priorities.\n")
    (m,) = facts_of(text).meetings
    assert {p.organization.label for p in m.participations} == {"Norrsken Example Telecom", "Pampas Example Digital"}
