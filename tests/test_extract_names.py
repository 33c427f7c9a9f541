"""Names that are easy to misread (our own invented texts): companies by their legal form, one company under
several names, units of an organization, people listed family name first, a second post before 'was elected',
and the topics a focus group's name speaks of."""
from __future__ import annotations

import pytest
from extract_fixtures import facts_of
from rdflib import RDF, URIRef

from itukg.graph.extract.legalforms import has_legal_form, strip_legal_form
from itukg.graph.extract.organizations import find_organizations
from itukg.graph.extract.people import find_people
from itukg.graph.mapping import to_graph
from itukg.graph.namespaces import ITUKG
from itukg.graph.read import Text
from itukg.graph.reference import load_reference
from itukg.graph.validate import validate_graph

ID = "https://w3id.org/itukg/id/"


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def _facts(text: str):
    return facts_of(text, "n.txt")


def _orgs(ref, text: str) -> list[str]:
    return [o.label for o in find_organizations(ref, text)]


def _people(ref, text: str) -> dict:
    return {p.name: p for p in find_people(ref, text, 0, len(text))}


def _everyone(facts) -> set[str]:
    return {p.name for p in facts.people} | {p.name for m in facts.meetings for p in m.people}


def _participants(facts) -> set[str]:
    return {p.organization.label for m in facts.meetings for p in m.participations}


def _organizations_in_graph(facts) -> set[URIRef]:
    g = to_graph(facts)
    return {s for s in g.subjects(RDF.type, ITUKG.Organization)} | \
        {o for o in g.objects(None, ITUKG.affiliation)} | {o for o in g.objects(None, ITUKG.participant)}


# -- legal forms: a company, never a person ---------------------------------------------------------------------

@pytest.mark.parametrize("name, short", [
    ("Acme Inc", "Acme"), ("Acme Inc.", "Acme"), ("Foo Ltd", "Foo"), ("Bar GmbH", "Bar"), ("Baz S.A.", "Baz"),
    ("Qux Co., Ltd.", "Qux"), ("Qux Co.,Ltd", "Qux"), ("Nova Telecom Pty Ltd", "Nova Telecom"),
    ("Orion S.p.A.", "Orion"), ("Cobalt Systems GmbH & Co. KG", "Cobalt Systems"), ("Vega Networks LLC", "Vega Networks"),
])
def test_legal_forms_come_from_the_data_file(name, short):
    assert has_legal_form(name) and strip_legal_form(name) == short


def test_a_plain_name_has_no_legal_form():
    assert not has_legal_form("John Smith") and strip_legal_form("Example Telecom") == "Example Telecom"


def test_companies_named_by_their_legal_form_in_a_sentence_are_organizations(ref):
    text = ("We thank Acme Inc, Bar GmbH and Qux Co., Ltd. for their contributions. Speakers from Baz S.A. and "
            "Foo Ltd joined later.")
    assert _orgs(ref, text) == ["Acme Inc", "Bar GmbH", "Qux Co., Ltd.", "Baz S.A.", "Foo Ltd"]
    assert _people(ref, text) == {}


def test_companies_in_a_one_a_line_list_are_participants_and_no_one_is_a_person():
    facts = _facts("The CTO meeting was held in Geneva on 3 May 2019.\n\nParticipants:\nAcme Inc (United States)\n"
                   "Bar GmbH (Germany)\nBaz S.A. (Spain)\nQux Co., Ltd. (China)\nFoo Ltd\n\nThe CTOs agreed.\n")
    assert _participants(facts) == {"Acme Inc", "Bar GmbH", "Baz S.A.", "Qux Co., Ltd.", "Foo Ltd"}
    assert _everyone(facts) == set()


def test_a_company_after_a_persons_name_is_the_persons_affiliation_not_part_of_a_name(ref):
    text = "Ms Anna Lopez of Acme Inc and Mr Li Wei of Qux Co., Ltd. presented the demonstration."
    assert _orgs(ref, text) == ["Acme Inc", "Qux Co., Ltd."]
    assert set(_people(ref, text)) == {"Anna Lopez", "Li Wei"}


def test_a_company_in_brackets_after_a_person_is_never_a_person(ref):
    found = _people(ref, "The panel was moderated by Mr John Smith (Acme Inc), with Dr Ana Costa (Orion S.p.A.).")
    assert set(found) == {"John Smith", "Ana Costa"}
    assert found["John Smith"].affiliation.label == "Acme Inc"
    assert found["Ana Costa"].affiliation.label == "Orion S.p.A."


# -- one company, one entity ----------------------------------------------------------------------------------

def test_a_reference_company_with_its_legal_form_is_the_reference_organization(ref):
    for text in ("Huawei Technologies Co., Ltd. presented its views.", "Delegates of Huawei Technologies Co.,Ltd "
                 "spoke.", "The demo by Huawei Technologies Co. Ltd. was welcome."):
        found = find_organizations(ref, text)
        assert [(o.label, o.iri) for o in found] == [("Huawei", ID + "organization/huawei")], text


def test_one_company_under_several_names_is_one_node_in_the_graph():
    facts = _facts("The CTO meeting was held in Geneva on 3 May 2019. Participants included Huawei Technologies "
                   "Co., Ltd. (China), Acme Networks Inc. (Canada) and Zeta Systems Corporation (Japan).\n"
                   "Huawei presented its roadmap, and Acme Networks and Zeta Systems Corp showed demonstrations.\n")
    names = {str(o).rsplit("/", 1)[-1] for o in _organizations_in_graph(facts)}
    assert names == {"huawei", "acme-networks", "zeta-systems"}


# -- units of an organization -------------------------------------------------------------------------------

def test_a_department_named_head_last_is_no_organization(ref):
    for text in ("The session was prepared by the TSB Study Groups Department.",
                 "Thanks go to the Standardization Policy Department for the logistics.",
                 "The Network Planning Division and the Regulatory Affairs Unit gave input."):
        assert _orgs(ref, text) == [], text


def test_a_department_of_an_organization_names_that_organization(ref):
    assert _orgs(ref, "The Standardization Policy Department of ITU organized the session.") == \
        ["International Telecommunication Union"]
    assert _orgs(ref, "A study by the Network Planning Department of Vega Networks Inc. was shown.") == \
        ["Vega Networks Inc."]


def test_a_department_named_head_first_is_still_a_body_of_its_own(ref):
    assert _orgs(ref, "The Department of Telecommunications of India hosted the event.") == \
        ["Department of Telecommunications of India"]


def test_departments_that_supported_a_meeting_are_not_its_participants():
    facts = _facts("The CTO meeting was held in Geneva on 3 May 2019, supported by the TSB Study Groups Department "
                   "and the Standardization Policy Department of ITU.\n")
    assert _participants(facts) == set()
    assert not any("Department" in o.label for o in facts.organizations)


def test_a_persons_unit_gives_way_to_the_organization_it_belongs_to(ref):
    found = _people(ref, "Ms Ana Costa (Strategy Division, Orion Telecom) and Dr Li Wei, Head, Research Section, "
                         "Vega Networks Inc. spoke.")
    assert found["Ana Costa"].affiliation.label == "Orion Telecom"
    assert found["Li Wei"].affiliation.label.startswith("Vega Networks")


# -- a second post before 'was elected' ---------------------------------------------------------------------

def _posts_of(ref, text: str) -> dict[str, list[str]]:
    """Each person's posts as written (the span of each post, with its group)."""
    out: dict[str, list[str]] = {}
    for p in find_people(ref, text, 0, len(text)):
        if p.post is not None:
            out.setdefault(p.name, []).append(p.post.span.quote)
    return out


@pytest.mark.parametrize("text, name, first, second", [
    ("Ms Anna Lopez, Vice-Chair of SG 13, was elected Chair of SG 11.", "Anna Lopez", "Vice-Chair of SG 13",
     "Chair of SG 11"),
    ("Mr Koji Example (Japan), Rapporteur for Question 2/13, was appointed Vice-Chairman of Study Group 13.",
     "Koji Example", "Rapporteur for Question 2/13", "Vice-Chairman of Study Group 13"),
    ("Dr Jane Roe, Vice-Chairman of TSAG, has been elected as Chairman of Study Group 17 for the rest of the period.",
     "Jane Roe", "Vice-Chairman of TSAG", "Chairman of Study Group 17"),
    ("Jane Roe, the Vice-Chair of ITU-T Study Group 13, who was elected Chair of SG 11, thanked the meeting.",
     "Jane Roe", "Vice-Chair of ITU-T Study Group 13", "Chair of SG 11"),
])
def test_a_post_held_and_the_post_elected_to_are_both_the_persons(ref, text, name, first, second):
    assert _posts_of(ref, text) == {name: [first, second]}


def test_the_second_post_goes_to_the_person_named_before_and_no_one_else(ref):
    text = ("Ms Anna Lopez, Vice-Chair of SG 13, was elected Chair of SG 11. Mr Li Wei was elected Vice-Chair of "
            "SG 13.")
    assert _posts_of(ref, text) == {"Anna Lopez": ["Vice-Chair of SG 13", "Chair of SG 11"],
                                    "Li Wei": ["Vice-Chair of SG 13"]}


def test_a_post_elected_to_is_in_the_group_it_names_in_the_graph():
    facts = _facts("The Study Group Leadership Assembly was held in Geneva on 3 May 2019. Ms Anna Lopez, Vice-Chair "
                   "of SG 13, was elected Chair of SG 11 for the rest of the study period.\n")
    g = to_graph(facts)
    anna = URIRef(ID + "person/anna-lopez")
    posts = set(g.objects(anna, ITUKG.holdsPost))
    assert len(posts) == 2
    assert URIRef(ID + "group/sg11") in {g.value(p, ITUKG.postIn) for p in posts}
    assert validate_graph(g).conforms


# -- participants listed 'Family Given (Organization)', with particles ------------------------------------------

_LIST = ("The CTO meeting was held in Geneva on 3 May 2019.\n\nParticipants:\nVan der Berg Pieter (Examplenet)\n"
         "de la Cruz Maria (Telefónica)\nDupont Jean (Orange)\nSmith John (Acme Inc)\nLee Anna (Qux Co., Ltd., China)\n"
         "Apex Mobile (France)\n\nThe CTOs agreed on priorities.\n")


def _affiliations(facts) -> dict[str, str | None]:
    return {p.name: (p.affiliation.label if p.affiliation else None)
            for p in list(facts.people) + [p for m in facts.meetings for p in m.people]}


def test_a_one_a_line_list_of_people_family_name_first_with_particles():
    facts = _facts(_LIST)
    assert _affiliations(facts) == {"Van der Berg Pieter": "Examplenet", "de la Cruz Maria": "Telefónica",
                                    "Dupont Jean": "Orange", "Smith John": "Acme Inc", "Lee Anna": "Qux Co., Ltd."}


def test_the_organizations_of_listed_people_took_part_and_the_people_did_not():
    facts = _facts(_LIST)
    got = {p.organization.label: (p.country.label if p.country else None)
           for m in facts.meetings for p in m.participations}
    assert got == {"Examplenet": None, "Telefónica": None, "Orange": None, "Acme Inc": None,
                   "Qux Co., Ltd.": "China", "Apex Mobile": "France"}


def test_an_inline_list_of_people_with_particles_and_their_organizations():
    facts = _facts("The CTO meeting was held in Geneva on 3 May 2019. Participants included Van der Berg Pieter "
                   "(Examplenet), de la Cruz Maria (Telefónica) and von Braun Karl (Bar GmbH).\n")
    assert _affiliations(facts) == {"Van der Berg Pieter": "Examplenet", "de la Cruz Maria": "Telefónica",
                                    "von Braun Karl": "Bar GmbH"}
    assert _participants(facts) == {"Examplenet", "Telefónica", "Bar GmbH"}


def test_a_name_with_particles_before_a_known_organization_in_prose(ref):
    found = _people(ref, "The keynote was given by de la Cruz Maria (Telefónica), followed by a panel.")
    assert set(found) == {"de la Cruz Maria"} and found["de la Cruz Maria"].affiliation.label == "Telefónica"


def test_an_organization_with_its_own_acronym_or_other_name_in_brackets_is_no_person(ref):
    text = ("Participants:\nBrio Networks (BN)\nDelta Institute for Open Systems (DIOS)\nApex Mobile (France)\n")
    assert _people(ref, text) == {}


# -- topics named inside a group's name, and the newer subjects of the vocabulary ---------------------------------

def _topics(text: str) -> set[str]:
    facts = _facts(text)
    return {t.label for m in facts.meetings for t in m.topics} | {t.label for t in facts.topics}


@pytest.mark.parametrize("text, expected", [
    ("The TSAG meeting was held in Geneva on 3 May 2019. It established the Focus Group on AI for autonomous and "
     "assisted driving (FG-AI4AD).", {"artificial intelligence", "automated driving"}),
    ("The CTO meeting was held in Geneva on 3 May 2019. CTOs heard the results of the ITU-T Focus Group on Machine "
     "Learning for Future Networks including 5G.", {"machine learning for networks", "5G / IMT-2020"}),
    ("The TSAG meeting was held in Geneva on 3 May 2019. The Focus Group on Artificial Intelligence for Health "
     "reported on its deliverables.", {"AI for health"}),
])
def test_a_focus_group_named_in_a_meeting_gives_the_topics_its_name_says(text, expected):
    assert expected <= _topics(text)


def test_a_study_group_by_number_gives_no_topic():
    assert _topics("The TSAG meeting was held in Geneva on 3 May 2019. Study Group 17 and SG13 reported.") == set()


@pytest.mark.parametrize("phrase, label", [
    ("generative AI", "generative AI"), ("GenAI", "generative AI"),
    ("generative artificial intelligence", "generative AI"),
    ("blockchain", "distributed ledger technologies"), ("distributed ledgers", "distributed ledger technologies"),
    ("digital twins", "digital twin"), ("the metaverse", "metaverse"),
    ("quantum computing", "quantum information technology for networks"),
    ("open-source software", "open source"), ("automotive communications", "intelligent transport systems"),
])
def test_newer_subjects_are_in_the_vocabulary(phrase, label):
    assert label in _topics(f"The CTO meeting was held in Geneva on 3 May 2019. CTOs discussed {phrase} at length.")


def test_generative_ai_is_a_kind_of_artificial_intelligence(ref):
    from rdflib.namespace import SKOS
    gen, ai = URIRef(ID + "topic/generative-ai"), URIRef(ID + "topic/artificial-intelligence")
    assert (gen, SKOS.broader, ai) in ref.graph


def test_reference_companies_with_a_legal_form_the_aliases_do_not_list_are_the_reference_ones(ref):
    text = ("Participants included Ericsson AB (Sweden), Nokia Oyj and Telefónica S.A. Ms Ana Costa (Nokia "
            "Corporation) and Mr Li Wei (Huawei Technologies Co., Ltd.) spoke, as did Jane Roe of Orange S.A.")
    assert {o.iri.rsplit("/", 1)[-1] for o in find_organizations(ref, text)} == \
        {"ericsson", "nokia", "telefonica", "huawei", "orange"}
    found = _people(ref, text)
    assert {n: p.affiliation.iri.rsplit("/", 1)[-1] for n, p in found.items()} == \
        {"Ana Costa": "nokia", "Li Wei": "huawei", "Jane Roe": "orange"}


def test_an_inline_list_ends_at_a_legal_forms_dot_when_a_new_sentence_follows():
    facts = _facts("The CTO meeting was held in Geneva on 3 May 2019. Participants included Ericsson AB (Sweden), "
                   "Nokia Oyj and Telefónica S.A. Ms Ana Costa (Nokia Corporation) then spoke.\n")
    assert _participants(facts) == {"Ericsson", "Nokia", "Telefónica"}


def test_a_post_of_a_company_with_a_legal_form_is_held_by_the_person_named_after_it(ref):
    found = _people(ref, "The Chief Technology Officer of Acme Inc, Mr Tom Roe, spoke.")
    assert set(found) == {"Tom Roe"} and found["Tom Roe"].post.label == "Chief Technology Officer of Acme Inc"
    assert _orgs(ref, "The Chief Technology Officer of Acme Inc, Mr Tom Roe, spoke.") == ["Acme Inc"]


def test_romance_names_of_bodies_with_their_acronym_are_no_people(ref):
    text = ("Participants:\nUniversidad de la República (ANTEL)\nFundación de Telecomunicaciones (FTEL)\n"
            "Jorge de Souza (Anatel)\n")
    assert set(_people(ref, text)) == {"Jorge de Souza"}


def test_the_french_style_mlle_is_a_style_before_a_name():
    text = "The session was opened by Mme Ana Diallo-Berg, CTO of Casamance Example Telecom. Mlle Awa Sene-Holt, Rapporteur."
    names = {p.name for p in find_people(load_reference(), text, 0, len(text))}
    assert {"Ana Diallo-Berg", "Awa Sene-Holt"} <= names
    assert not any(n.startswith(("Mme", "Mlle")) for n in names)
