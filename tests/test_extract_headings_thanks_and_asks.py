"""A heading that names a forum and a regional group's meeting, a list in a sentence's opening phrase, hosts thanked
for hosting, a group where asked-for work is done, a group that sets something up, a new focus group named in
plain words, and a known organization the text abbreviates its own way (texts written for these tests)."""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated

DATED = "The CTO meeting took place in Lisbon on 6 January 2026. "

FORUM = ("Regional Standardization Forum for Africa and meeting of SG5RG-AFR\n\nAbuja, Nigeria\n17-19 March 2025\n\n"
         "Organized by ITU in collaboration with the Example Communications Commission (ECC), the Regional "
         "Standardization Forum gathered regulators and operators from 23 African countries. It was followed by the "
         "meeting of the ITU-T Study Group 5 Regional Group for Africa (SG5RG-AFR) on 20-21 March 2025.\n\n"
         "Speakers: Dr Amina Example (Executive Vice Chairman, ECC) and Mr Kofi Sample (Vega Mobile).\n")


def test_a_heading_that_names_two_meetings_leaves_the_text_to_the_first():
    facts = facts_of(FORUM)
    forum = next(m for m in facts.meetings if m.kind == "Symposium")
    assert (forum.start, forum.end) == (date(2025, 3, 17), date(2025, 3, 19))
    assert forum.place is not None and forum.place.label == "Abuja"
    assert "Amina Example" in {p.name for p in forum.people}
    groups = [m for m in facts.meetings if m.kind == "RegionalGroupMeeting"]
    assert [(m.start, m.end) for m in groups] == [(date(2025, 3, 20), date(2025, 3, 21))]  # its own days only


def test_a_list_in_the_opening_phrase_ends_before_the_subject():
    forum = next(m for m in facts_of(FORUM).meetings if m.kind == "Symposium")
    names = {p.organization.label for p in forum.participations}
    assert "Example Communications Commission" in names
    assert not [n for n in names if "Forum" in n]


@pytest.mark.parametrize("sentence, hosts", [
    ("We thank the Example Technology Association (ETA) for hosting us.", ["Example Technology Association"]),
    ("The CTOs expressed their gratitude to the Example Telecom Authority and Vega Mobile for their warm hospitality.",
     ["Example Telecom Authority", "Vega Mobile"]),
])
def test_who_is_thanked_for_hosting_hosts(sentence, hosts):
    m = only_dated(DATED + sentence + "\n")
    assert [h.label for h in [m.host, *m.co_hosts] if h] == hosts


@pytest.mark.parametrize("thanked", ["Mr John Example", "Portugal", "TSB"])
def test_a_person_a_country_or_itu_thanked_for_hosting_is_no_host(thanked):
    m = only_dated(DATED + f"The CTOs thanked {thanked} for hosting the meeting.\n")
    assert m.host is None


def test_the_group_where_asked_for_work_is_done_takes_that_ask():
    m = only_dated(DATED + "They asked ITU-T to prioritize V2X communications in ITU-T Study Group 16 and to examine "
                   "direct-to-device services.\n")
    assert {(a.group.label, a.action) for a in m.group_actions} == {("ITU-T Study Group 16", "prioritize")}


@pytest.mark.parametrize("sentence", [
    "ITU-T Study Group 5 agreed to establish a new Question on climate adaptation.",
    "The Focus Group on Example Worlds (FG-EW), established by ITU-T Study Group 5 in 2023, presented its report.",
])
def test_a_group_that_sets_something_up_is_not_set_up(sentence):
    m = only_dated("SG5 met in Geneva from 14 to 23 May 2025. " + sentence + "\n")
    assert not [a for a in m.group_actions if a.group.label == "ITU-T Study Group 5" and a.action == "establish"]


def test_a_new_focus_group_named_in_plain_words_keeps_them():
    m = only_dated(DATED + "Executives invited ITU-T to set up a new Focus Group on AI agents.\n")
    assert [a.group.label for a in m.group_actions] == ["Focus Group on AI agents"]


def test_a_known_organization_abbreviated_its_own_way_is_known_by_that_acronym():
    m = only_dated("On 24 March 2026, ITU convened a CxO Roundtable in Riyadh, kindly hosted by the Communications, "
                   "Space and Technology Commission (CST). It was opened by Mr Sami Example, Governor of CST.\n")
    people = [p for p in m.people if p.name == "Sami Example"]
    assert m.host is not None and people and people[0].affiliation is not None
    assert people[0].affiliation.iri == m.host.iri


def test_a_headline_that_says_who_hosts_names_the_organization_the_text_spells_out():
    facts = facts_of("Ghana's Communications Authority hosts ITU standardization workshop\n\nNAIROBI, 14 May 2025 – "
                     "The Communications Authority of Ghana (CAG) today opened a three-day ITU workshop on bridging "
                     "the standardization gap in Nairobi, running until 16 May.\n")
    m = next(m for m in facts.meetings if m.start)
    assert m.host is not None and m.host.label == "Communications Authority of Ghana"


def test_a_coordination_partner_named_after_with():
    m = only_dated("The JCA-IoT met on 14 June 2024 as a virtual meeting. The JCA invited SG20 to coordinate the "
                   "work on digital twins with SG13.\n")
    assert {(a.group.label, a.action) for a in m.group_actions} == {("ITU-T Study Group 20", "coordinate"),
                                                                    ("ITU-T Study Group 13", "coordinate")}
