"""Posts written with their owner ("Examplia's ICT Cabinet Secretary", "Jane Roe, Acme's Group CTO", "director of
the ITU's standardization bureau"), holders of two posts named in one election, and lists of participants that say
their country once ('(all China)') or follow 'representing' or 'The participants, from'.

Every text here is written for the test, in the forms of the family's news items and reports.
"""
from __future__ import annotations

import pytest
from extract_fixtures import only_dated

OPENING = "The ITU CTO meeting was held in Lisbon on 13 May 2025. "


def _people(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {p.name: (p.post.label if p.post else None, p.country.label if p.country else None,
                     p.affiliation.label if p.affiliation else None) for p in only_dated(text).people}


def _participants(text: str) -> dict[str, str | None]:
    return {p.organization.label: (p.country.label if p.country else None) for p in only_dated(text).participations}


@pytest.mark.parametrize("sentence, expected", [
    # the owner, then words of the post before its title, then the holder
    ("Kenya's ICT Cabinet Secretary Wanjiru Example welcomed the CTOs.",
     {"Wanjiru Example": ("ICT Cabinet Secretary", "Kenya", None)}),
    ("Ericsson's Group CTO Lars Example opened the discussion.", {"Lars Example": ("Group CTO", None, "Ericsson")}),
    # the holder, then the owner's post between commas
    ("Lars Example, Ericsson's Group CTO, opened the discussion.", {"Lars Example": ("Group CTO", None, "Ericsson")}),
    ("Ms Ama Example, Ghana's Minister of Communications, spoke first.",
     {"Ama Example": ("Minister of Communications", "Ghana", None)}),
])
def test_a_post_written_after_its_owner_is_the_owners(sentence, expected):
    assert _people(OPENING + sentence) == expected


def test_a_possessive_that_names_no_owner_gives_none():
    assert _people(OPENING + "Today's Chair Ana Example opened the meeting.") == {"Ana Example": ("Chair", None, None)}


@pytest.mark.parametrize("sentence", [
    "Seizo Example, director of the ITU's standardization bureau, opened the meeting.",
    "Seizo Example, Director of ITU's Telecommunication Standardization Bureau, said the meeting had been useful.",
])
def test_the_bureau_named_with_the_itu_s_is_the_tsb(sentence):
    assert _people(OPENING + sentence) == {
        "Seizo Example": ("Director of the ITU Telecommunication Standardization Bureau", None, None)}


def test_a_post_of_a_company_s_unit_is_the_company_s_without_the_verb_after_it():
    people = _people(OPENING + "Jane Example, CTO of Acme's mobile unit opened the panel.")
    assert people == {"Jane Example": ("CTO of Acme", None, "Acme")}


def test_a_field_after_for_ends_the_domain_and_the_holder_s_name_follows():
    assert _people(OPENING + "Portugal's Secretary of State for Digitalization Rui Example welcomed them.") == {
        "Rui Example": ("Secretary of State for Digitalization", "Portugal", None)}


@pytest.mark.parametrize("sentence", [
    "The meeting elected Mr Omar Example (Egypt) as chairman and Mr Ivan Sample (Russian Federation) and Ms Emi Example "
    "(Japan) as vice-chairmen.",
    "Mr Omar Example (Egypt) was elected chairman, and Mr Ivan Sample (Russian Federation) and Ms Emi Example (Japan) "
    "were elected vice-chairmen.",
])
def test_one_election_of_a_chair_and_vice_chairs_gives_each_holder_their_own_post(sentence):
    text = "The SGLA met in Geneva on 11 December 2023. " + sentence
    assert _people(text) == {"Omar Example": ("Chair", "Egypt", None),
                             "Ivan Sample": ("Vice-Chair", "Russian Federation", None),
                             "Emi Example": ("Vice-Chair", "Japan", None)}


def test_will_chair_a_group_gives_that_group_s_chair():
    people = _people("The TSAG meeting was held in Geneva on 3 June 2024. Ms Greta Example of Fraunhofer HHI (Germany) "
                     "will chair FG-AI4H.")
    assert people["Greta Example"][0] == "Chair of FG-AI4H"


@pytest.mark.parametrize("sentence, expected", [
    ("CTOs from Huawei, ZTE and China Mobile (all China) attended.",
     {"Huawei": "China", "ZTE Corporation": "China", "China Mobile": "China"}),
    ("NTT and KDDI (both Japan) took part.",
     {"Nippon Telegraph and Telephone Corporation": "Japan", "KDDI Corporation": "Japan"}),
])
def test_a_country_said_once_after_the_last_item_is_every_item_s(sentence, expected):
    assert _participants(OPENING + sentence) == expected


@pytest.mark.parametrize("sentence", [
    "More than 20 CTOs joined the meeting, representing companies including Nokia, Vodafone, NTT and Telefónica.",
    "The participants, from Nokia, Vodafone, NTT and Telefónica, agreed to meet again.",
])
def test_the_companies_the_participants_represent_took_part(sentence):
    assert set(_participants(OPENING + sentence)) == {"Nokia", "Vodafone Group", "Nippon Telegraph and Telephone Corporation",
                                                     "Telefónica"}


def test_participants_from_a_time_name_no_organization():
    assert _participants(OPENING + "The participants, from Monday to Wednesday, discussed quantum networks.") == {}
