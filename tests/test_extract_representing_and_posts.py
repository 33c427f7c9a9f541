"""CTOs 'representing' companies, a plural title and a field that ends in 's', a post of a country, a body 'meeting
in' a city or a sentence about the meeting that places it, co-hosts after an acronym, a verb another group took, a
regional preparatory group's meeting, and 'Lead' as a title (texts written for these tests)."""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import only_dated

DATED = "The CTO meeting took place in Geneva on 3 May 2025. "


def test_ctos_representing_companies_are_their_participants():
    m = only_dated(DATED + "The CTOs representing Vega Mobile, Brio Networks and Cobalt Systems agreed on priorities.\n")
    assert {"Vega Mobile", "Brio Networks", "Cobalt Systems"} <= {p.organization.label for p in m.participations}


def test_a_field_ending_in_s_after_a_title_is_not_a_plural_title():
    m = only_dated("Name | Title | Company | Country\nBen Example | Vice President, Standards | Brio Networks | Finland\n\n"
                   "The CxO Roundtable took place in Geneva on 8 March 2025.\n")
    assert [p.post.label for p in m.people if p.name == "Ben Example"] == ["Vice President, Standards"]


@pytest.mark.parametrize("post, country", [("Minister of Technology and Science of Zambia", "Zambia"),
                                           ("Vice-Minister of Information and Communications of Kenya", "Kenya")])
def test_a_post_of_a_country_gives_its_holder_that_country(post, country):
    m = only_dated(DATED + f"It was opened by Hon. Felix Example, {post}.\n")
    people = [p for p in m.people if p.name == "Felix Example"]
    assert people and people[0].country is not None and people[0].country.label == country


def test_a_minister_of_a_field_gets_no_country_from_it():
    m = only_dated(DATED + "It was opened by Ms Ann Example, Minister of the Interior.\n")
    assert [p.country for p in m.people if p.name == "Ann Example"] == [None]


@pytest.mark.parametrize("text", [
    "TSAG meeting, 10-14 February 2025\nSummary\n\nTSAG, meeting in Lisbon under the chairmanship of Ms Abby "
    "Example (Examplia), approved a Recommendation.\n",
    "The TSAG meeting took place from 10 to 14 February 2025. The meeting was held in Lisbon and approved a "
    "Recommendation.\n",
])
def test_a_sentence_about_the_meeting_says_where_it_was(text):
    m = only_dated(text)
    assert m.place is not None and m.place.label == "Lisbon"


@pytest.mark.parametrize("later", ["The next meeting will be held in Lisbon on 5 May 2026.",
                                   "The meeting was opened by the Minister of ICT of Portugal."])
def test_a_sentence_about_another_meeting_or_a_person_does_not_place_it(later):
    m = only_dated(f"The TSAG meeting took place from 10 to 14 February 2025. {later}\n")
    assert m.place is None


def test_co_hosts_after_the_first_hosts_acronym():
    m = only_dated("The SG17 meeting was held in Seoul from 19 to 29 November 2024. It was co-organized by the "
                   "Example Technology Association (ETA) and the Example Internet & Security Agency (EISA).\n")
    assert m.host is not None and m.host.label == "Example Technology Association"
    assert [h.label for h in m.co_hosts] == ["Example Internet & Security Agency"]


def test_a_body_named_after_an_acronym_and_a_comma_is_no_co_host():
    m = only_dated("The CTO meeting was held in New Delhi on 13 October 2024, hosted by the Department of Examples "
                   "(DoE), Ministry of Communications, India.\n")
    assert m.co_hosts == []


def test_a_verb_another_group_took_is_not_this_groups():
    m = only_dated("TSAG met in Geneva on 3 May 2025. TSAG agreed to establish the Focus Group on Example Farming "
                   "(FG-EF) and extended the lifetime of the Focus Group on Example Worlds until December 2025.\n")
    actions = {(a.group.label, a.action) for a in m.group_actions}
    assert ("Focus Group on Example Farming", "establish") in actions
    assert not [g for g, a in actions if "Worlds" in g and a == "establish"], actions


def test_groups_listed_together_share_the_verb_before_them():
    m = only_dated("TSAG met in Geneva on 3 May 2025. The topic remains under study in SG2 and SG3.\n")
    assert {(a.group.label, a.action) for a in m.group_actions} >= {("ITU-T Study Group 2", "study"),
                                                                  ("ITU-T Study Group 3", "study")}


def test_a_meeting_of_a_regional_preparatory_group_is_a_preparatory_meeting():
    m = only_dated("The fourth meeting of the APT Preparatory Group for WTSA-24 was held from 1 to 4 July 2024 in "
                   "Bangkok, Thailand.\n")
    assert m.kind == "PreparatoryMeeting"
    assert (m.start, m.end) == (date(2024, 7, 1), date(2024, 7, 4))


@pytest.mark.parametrize("written, post", [("Ms Jane Example, Program Lead, presented results.", "Program Lead"),
                                           ("Lead Rapporteur Mr Bo Example spoke.", "Lead Rapporteur")])
def test_lead_is_a_title_and_a_modifier(written, post):
    m = only_dated(DATED + written + "\n")
    assert [p.post.label for p in m.people if p.post] == [post]
