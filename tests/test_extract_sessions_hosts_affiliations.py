"""A joint or plenary session as a body's meeting, '(hybrid)', a university named after a town, two names joined
by 'and', organizations that host or convene a meeting together, ', with Ms A as <post>', a group asked after another
ask, a next meeting with an adjective, and what a company officer is 'of' (texts written for these tests)."""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated, posts_of

DATED = "The CTO meeting took place in Geneva on 3 May 2025. "


@pytest.mark.parametrize("heading, kind", [
    ("Example Committee (EC) and TSAG joint session", "TSAGMeeting"),
    ("TSAG plenary session", "TSAGMeeting"),
    ("ITU-T Study Group 9 closing session", "StudyGroupMeeting"),
])
def test_a_bodys_session_heading_over_fields_is_its_meeting(heading, kind):
    m = only_dated(f"{heading}\n\nPlace: ITU headquarters, Geneva (hybrid)\nDate: 22 July 2024\n"
                   "Chair: Ms Ana Example (Examplia)\n")
    assert m.kind == kind
    assert m.start == date(2024, 7, 22)
    assert m.attendance is not None and m.attendance[0] == "mixed"


@pytest.mark.parametrize("text", ["The CTO meeting took place in Geneva (hybrid) on 3 May 2025.",
                                  "CTO meeting\nFormat: hybrid\nDate: 3 May 2025\nVenue: Geneva"])
def test_hybrid_in_brackets_or_a_format_field_is_mixed_attendance(text):
    m = only_dated(text + "\n")
    assert m.attendance is not None and m.attendance[0] == "mixed"


def test_a_town_in_a_universitys_name_gives_no_country():
    m = only_dated(DATED + "Participants included the University of Surrey, Vega Mobile and Brio Systems.\n")
    found = {p.organization.label: p.country for p in m.participations}
    assert "University of Surrey" in found
    assert found["University of Surrey"] is None  # a town of that name is in Canada, the university is not


@pytest.mark.parametrize("listed, names", [
    ("the University of Examplia and the Technical University of Freedonia",
     {"University of Examplia", "Technical University of Freedonia"}),
    ("the University of Examplia and Vodafone", {"University of Examplia", "Vodafone Group"}),
    ("the Ministry of Science and ICT", {"Ministry of Science and ICT"}),
])
def test_and_between_two_names_parts_them_and_inside_one_does_not(listed, names):
    m = only_dated(DATED + f"Participants included {listed}.\n")
    assert names <= {p.organization.label for p in m.participations}, m.participations


@pytest.mark.parametrize("sentence, host, country", [
    ("Brazil's Example Regulatory Agency (ERA) and ITU hosted the regional CTO consultation in Brasilia on "
     "3 May 2025.", "Example Regulatory Agency", "Brazil"),
    ("ITU and the European Telecommunications Standards Institute (ETSI) convened a joint workshop on network "
     "digital twins in Nice, France, on 3 May 2025.", "European Telecommunications Standards Institute", None),
])
def test_organizations_that_host_or_convene_a_meeting_together(sentence, host, country):
    m = only_dated(sentence + "\n")
    assert m.host is not None and m.host.label == host
    assert (m.host.country.label if m.host.country else None) == country


@pytest.mark.parametrize("subject", ["Participating CTOs", "The Chairman"])
def test_who_organized_or_convened_is_a_host_only_when_it_is_an_organization(subject):
    m = only_dated(DATED + f"{subject} organized a session on network automation.\n")
    assert m.host is None


def test_with_a_person_as_a_post_in_a_clause_of_its_own():
    m = only_dated("The RG-WP met in Geneva on 30 January 2023, chaired by Mr Victor Example (Examplia), with "
                   "Ms Amina Sample (Egypt) as Associate Rapporteur.\n")
    posts = posts_of(m)
    assert posts.get("Amina Sample") == "Associate Rapporteur", posts


def test_a_group_asked_after_another_ask_does_not_take_its_verb():
    m = only_dated(DATED + "The CTOs asked TSAG to review the working methods and invited SG13 and SG17 to hold a "
                   "joint workshop on trustworthy AI.\n")
    actions = {(a.group.notation or a.group.label, a.action) for a in m.group_actions}
    assert not [a for g, a in actions if a == "review" and "13" in g], actions


def test_the_next_meeting_named_with_an_adjective():
    m = only_dated("The ITU workshop on example twins took place in Geneva on 3 May 2025. The next joint workshop will "
                   "take place in Nairobi, Kenya, on 4-5 March 2026.\n")
    assert m.next_meeting is not None
    assert (m.next_meeting.start, m.next_meeting.place.label) == (date(2026, 3, 4), "Nairobi")


@pytest.mark.parametrize("written", ["CTO of Nordic Example Networks (Sweden)", "CTO, Nordic Example Networks",
                                     "Chief Technology Officer of Nordic Example Networks"])
def test_what_a_company_officer_is_of_is_the_persons_affiliation(written):
    m = only_dated(f"The CTO meeting, chaired by Ms Laura Example, {written}, was held in Paris on 2 September 2025.\n")
    people = [p for p in m.people if p.name == "Laura Example"]
    assert people and {p.affiliation.label if p.affiliation else None for p in people} == {"Nordic Example Networks"}


def test_a_minister_of_a_field_has_no_company():
    facts = facts_of(DATED + "Mr Bo Example, Minister of Digital Affairs, opened it.\n")
    people = [p for m in facts.meetings for p in m.people if p.name == "Bo Example"]
    assert people and all(p.affiliation is None for p in people)
