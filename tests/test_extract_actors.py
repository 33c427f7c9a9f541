"""Participating organizations, people and their roles in further forms of the family (our own texts).

Each test names the form a real communiqué or report uses and what a careful reader takes from it.
"""
from __future__ import annotations

import pytest
from extract_fixtures import facts_of

from itukg.graph.extract.organizations import find_organizations
from itukg.graph.extract.people import find_people
from itukg.graph.read import Text
from itukg.graph.reference import load_reference


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def _facts(text: str):
    return facts_of(text, "a.txt")


def _participants(text: str) -> dict[str, str | None]:
    """Organization label -> country label of the first meeting's participants."""
    m = _facts(text).meetings[0]
    return {p.organization.label: (p.country.label if p.country else None) for p in m.participations}


def _roles(ref, text: str) -> dict[str, str]:
    """Each person's first post (a person may hold several)."""
    out: dict[str, str] = {}
    for p in find_people(ref, text, 0, len(text)):
        out.setdefault(p.name, p.post.label if p.post else "")
    return out


def test_an_inline_list_ends_at_the_verb_that_says_its_members_attended():
    got = _participants("The CTO meeting was held in Geneva on 13 October 2014. CTOs from Apex Mobile (France), "
                        "Brio Networks and Cobalt Systems Inc. attended the meeting, together with representatives "
                        "of the Ministry of Posts, Japan.\n")
    assert got["Brio Networks"] is None and got["Cobalt Systems Inc."] is None
    assert got["Apex Mobile"] == "France" and got["Ministry of Posts"] == "Japan"


def test_one_organization_a_line_with_its_country_after_a_dash():
    got = _participants("The CxO meeting was held in Busan on 28 November 2017.\n\nParticipating organizations:\n"
                        "Apex Mobile – China\nBrio Networks Co., Ltd. – Republic of Korea\nCobalt Systems AG - Germany\n"
                        "Delta Institute for Open Systems (DIOS) — Germany\n\nThe CxOs agreed on priorities.\n")
    assert got == {"Apex Mobile": "China", "Brio Networks Co., Ltd.": "Republic of Korea",
                   "Cobalt Systems AG": "Germany", "Delta Institute for Open Systems": "Germany"}


def test_a_participants_table_under_its_heading_row_alone():
    got = _participants("ITU-T CTO Meeting, Bangkok, 15 November 2016\n\nCompany | Country\nApex Mobile | China\n"
                        "Brio Networks Corporation | Japan\nCobalt Systems GmbH & Co. KG | Germany\n\n"
                        "The meeting was chaired by the CTO of Apex Mobile.\n")
    assert got == {"Apex Mobile": "China", "Brio Networks Corporation": "Japan", "Cobalt Systems GmbH & Co. KG": "Germany"}


def test_a_name_with_and_after_its_head_noun_is_one_organization_with_the_country_it_names():
    got = _participants("The meeting of the ITU-T Study Group 3 Regional Group for Latin America was held in Brasilia from "
                        "6 to 8 May 2019. Delegates from the "
                        "Administration of Argentina, the Ministry of Information and Communications Technologies of "
                        "Examplia (MinEX), Apex Mobile, the Council for Scientific and Industrial Research (CSIR) and "
                        "the Instituto Federal de Telecomunicações (IFT) of Mexico took part.\n")
    assert got == {"Administration of Argentina": "Argentina", "Apex Mobile": None,
                   "Ministry of Information and Communications Technologies of Examplia": None,
                   "Council for Scientific and Industrial Research": None,
                   "Instituto Federal de Telecomunicações": "Mexico"}


def test_a_host_whose_name_has_and_after_its_head_noun():
    (m,) = _facts("The CTO meeting was held in Bangkok on 15 November 2016, hosted by the Ministry of Digital Economy "
                  "and Society of Thailand, and discussed IoT security.\n").meetings
    assert m.host is not None and m.host.label == "Ministry of Digital Economy and Society of Thailand"


def test_names_written_head_first_are_organizations_not_key_phrases():
    facts = _facts("Prof. Maria Gonzalez-Rivera of the Universidad Politécnica de Madrid and experts of the Agence "
                   "nationale des fréquences presented the academic perspective.\n")
    assert "Universidad Politécnica de Madrid" in {o.label for o in facts.organizations}
    assert not any("madrid" in p for p, _ in facts.keyphrases)


def test_a_plural_post_with_its_domain_is_held_by_every_name_of_the_list(ref):
    got = _roles(ref, "The Vice-Chairmen of TSAG, Mr. Ahmed Sample (Egypt), Ms. Reiko Example (Japan) and Mr. Olivier "
                      "Exemple (France), led the working parties.")
    assert set(got) == {"Ahmed Sample", "Reiko Example", "Olivier Exemple"}
    assert len(set(got.values())) == 1 and "Vice" in next(iter(got.values()))


def test_two_posts_joined_by_and_are_one_role(ref):
    got = _roles(ref, "The meeting was chaired by Mr. Hiroshi Example, Senior Vice President and CTO of Apex Mobile. "
                      "Jane Roe, Chairman and CEO of Brio Networks, spoke.")
    assert got == {"Hiroshi Example": "Senior Vice President and CTO of Apex Mobile",
                   "Jane Roe": "Chairman and CEO of Brio Networks"}


def test_a_post_with_words_for_its_field_before_the_title_and_its_body_after(ref):
    text = ("Participating CTOs were: Ms. Anne Example, Research Director, Alcatel-Lucent; Mr Joe Bloggs, Network "
            "Planning Manager, Apex Mobile.")
    found = {p.name: p for p in find_people(ref, text, 0, len(text))}
    assert set(found) == {"Anne Example", "Joe Bloggs"}
    assert found["Anne Example"].post.label == "Research Director"
    assert found["Anne Example"].affiliation.label == "Alcatel-Lucent"
    assert found["Joe Bloggs"].post.label == "Network Planning Manager"


def test_a_person_in_a_participant_list_is_no_organization_and_another_name_in_brackets_is_the_same_one():
    facts = _facts("The Study Group Leadership Assembly met in Geneva on 28 February 2022. Participants included the "
                   "chairmen of all ITU-T Study Groups, as well as the TSAG Chairman, Mr. Abdurahman M. Example. It was "
                   "attended by executives from BlackBerry (Research In Motion), Apex Mobile and Brio Networks.\n")
    labels = {p.organization.label for p in facts.meetings[0].participations}
    assert labels == {"BlackBerry", "Apex Mobile", "Brio Networks"}


def test_a_group_of_ctos_and_a_chief_of_a_department_are_no_organizations(ref):
    text = ("The CTO Group meeting took place in Las Vegas. Dr. Jane Example, Chief of the Study Groups Department, "
            "spoke.")
    labels = {o.label for o in find_organizations(ref, text)}
    assert "CTO Group" not in labels and not any(x.startswith("Chief") for x in labels)


def test_words_a_report_says_about_itself_make_no_key_phrase():
    facts = _facts("ANATEL news – Brazil hosts the CTO meeting\n\nPress release. The CTO meeting was held in Busan on "
                   "28 November 2017. Participating organizations discussed key messages on network slicing. The keynote "
                   "address came from the industry view of the study period. Panellists came from Apex Mobile.\n")
    phrases = {p for p, _ in facts.keyphrases}
    assert not phrases & {"participating organizations", "key messages", "keynote address", "industry view",
                          "study period", "brazil hosts", "press release", "panellists came", "anatel news"}


def test_a_list_cut_by_semicolons_whose_last_two_names_are_joined_by_and():
    got = _participants("The CTO roundtable was held in Geneva on 16 September 2021. Executives from AT&T; Bharti Airtel; "
                        "Apex Mobile; Verizon and ZTE participated in the roundtable.\n")
    assert set(got) == {"AT&T", "Bharti Airtel", "Apex Mobile", "Verizon", "ZTE Corporation"}


def test_the_host_is_the_organization_that_hosted_not_the_official_who_convened():
    (m,) = _facts("The CxO meeting was convened by TSB Director Seizo Onoe and hosted by e& in Dubai, United Arab "
                  "Emirates, on 12 December 2023.\n").meetings
    assert m.host is not None and m.host.iri.endswith("organization/etisalat")


def test_a_meeting_said_again_by_a_pronoun_is_hosted():
    facts = _facts("The World Telecommunication Standardization Assembly (WTSA-16) was held in Hammamet, Tunisia, from 25 "
                   "October to 3 November 2016. It was hosted by the Ministry of Communication Technologies and Digital "
                   "Economy of Tunisia.\n")
    assert facts.meetings[0].host.label == "Ministry of Communication Technologies and Digital Economy of Tunisia"


def test_companies_that_supported_a_meeting_took_part_in_it():
    got = _participants("The meeting of ITU-T Study Group 16 will be held in Tokyo from 20 to 31 July 2009, supported by "
                        "NEC Corporation, Fujitsu Ltd., Hitachi, Ltd. and Oki Electric Industry Co., Ltd.\n")
    assert set(got) == {"NEC", "Fujitsu", "Hitachi", "Oki Electric Industry Co., Ltd."}


def test_posts_of_companies_and_sessions(ref):
    got = _roles(ref, "The roundtable was co-chaired by Dr. Kazuhiko Example, EVP and CTO, NTT DOCOMO, and Mr. Wang "
                      "Xiaoyun, Chief Scientist, China Unicom. The session was moderated by Ms. Hoda Sample (New York "
                      "University Abu Dhabi).")
    assert got == {"Kazuhiko Example": "EVP and CTO", "Wang Xiaoyun": "Chief Scientist", "Hoda Sample": "Moderator"}


def test_a_name_before_a_known_organization_is_a_person_without_any_style(ref):
    text = ("Jean-Marie Exemple of Orange and Jane Roe (Ericsson, Sweden) led the round-table. Executives from Apex "
            "Mobile Networks (Nokia) and Deutsche Telekom (DT) attended.")
    found = {p.name: p for p in find_people(ref, text, 0, len(text))}
    assert set(found) == {"Jean-Marie Exemple", "Jane Roe"}
    assert found["Jean-Marie Exemple"].affiliation.label == "Orange"
    assert found["Jane Roe"].affiliation.label == "Ericsson" and found["Jane Roe"].country.label == "Sweden"


def test_a_chair_named_with_the_post_he_holds_at_his_company_holds_both(ref):
    text = "The meeting was chaired by Mr. Kenji Example, Chief Technology Officer of Apex Mobile Corporation."
    posts = {p.post.label for p in find_people(ref, text, 0, len(text)) if p.name == "Kenji Example"}
    assert "Chief Technology Officer of Apex Mobile Corporation" in posts and len(posts) == 2


def test_a_post_whose_domain_is_a_list_of_fields(ref):
    text = ("The forum was opened by Mr. Ashwini Example, Minister of Railways, Electronics and Information Technology. "
            "Mr John Smith, Minister of ICT, Kenya, spoke. Mr. Choi Example, Minister of Science, ICT and Future "
            "Planning of the Republic of Korea, welcomed them.")
    found = {p.name: p for p in find_people(ref, text, 0, len(text))}
    assert found["Ashwini Example"].post.label == "Minister of Railways, Electronics and Information Technology"
    assert found["Ashwini Example"].affiliation is None
    assert found["John Smith"].post.label == "Minister of ICT" and found["John Smith"].country.label == "Kenya"
    assert found["Choi Example"].post.label == "Minister of Science, ICT and Future Planning of the Republic of Korea"


def test_an_election_makes_no_key_phrase():
    facts = _facts("The WTSA-16 was held in Hammamet from 25 October to 3 November 2016. Mr. Jane Roe was elected "
                   "Chairman of the Assembly, which addressed counterfeit ICT devices.\n")
    assert not any("elected" in p for p, _ in facts.keyphrases)


def test_a_numbered_list_of_companies_and_countries():
    got = _participants("BUSAN, 23 October 2014 – CTOs met today at the ITU CTO meeting.\n\nList of participating companies:\n"
                        "1. Apex Mobile – USA\n2. Brio Networks – Korea\n10. Cobalt Systems – China\n\nThey agreed.\n")
    assert got == {"Apex Mobile": "United States", "Brio Networks": "Republic of Korea", "Cobalt Systems": "China"}


def test_a_region_after_and_ends_the_name_before_it():
    got = _participants("The 3rd CxO meeting was held in Kigali on 18 May 2022. The meeting brought together CxOs of Apex "
                        "Mobile Ltd (South Africa), Orange Middle East and Africa (France) and Brio Networks (Rwanda).\n")
    assert got == {"Apex Mobile Ltd": "South Africa", "Orange Middle East and Africa": "France", "Brio Networks": "Rwanda"}


def test_a_known_name_before_and_is_not_part_of_the_next_company_name(ref):
    text = "Contributions came from Sector Members Nokia Corporation, Ericsson LM and Apex Systems S.A. on the matter."
    labels = {o.label for o in find_organizations(ref, text)}
    assert "Apex Systems S.A." in labels and not any("Ericsson" in x and "Apex" in x for x in labels)


def test_a_brand_in_lower_case_goes_by_its_full_name_in_brackets():
    got = _participants("The CxO meeting was held in Dubai on 12 December 2023.\n\nThe following organizations took part:\n"
                        "• Apex Mobile (China)\n• du (Emirates Integrated Telecommunications Company) (United Arab Emirates)\n"
                        "• Brio Networks (Finland)\n")
    assert got == {"Apex Mobile": "China", "Emirates Integrated Telecommunications Company": "United Arab Emirates",
                   "Brio Networks": "Finland"}
