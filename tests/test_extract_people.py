"""People and their roles in forms real documents use, on texts we wrote (every name here is invented).

Each test states the people a text must yield and the traps it must not fall into: people only quoted stay
mentions, institutions and brands are no people, a country in brackets is never an organization.
"""
from __future__ import annotations

import pytest
from extract_fixtures import facts_of
from rdflib import Literal, URIRef

from itukg.graph.extract.meetings import extract
from itukg.graph.extract.people import find_people
from itukg.graph.mapping import to_graph
from itukg.graph.namespaces import ITUKG
from itukg.graph.read import Text
from itukg.graph.reference import load_reference

ID = "https://w3id.org/itukg/id/"


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def people(ref, text: str) -> dict:
    return {p.name: p for p in find_people(ref, text, 0, len(text))}


def role(p) -> str:
    return p.post.label if p.post else ""


def test_stacked_and_glued_styles_and_family_names_in_capitals(ref):
    text = ("We thank Her Excellency Ms Ana PEREIRA, Minister of Digital Affairs, Portugal, and His Excellency "
            "Mr Karim BEN SALAH, Chief Network Strategy Officer, Example Telecom, who chaired the session. "
            "The Minister of Transport Hon.Mary Achieng Otieno opened the forum. "
            "His Excellency Tran Van BINH, Deputy Minister of Planning, Viet Nam, also spoke.")
    found = people(ref, text)
    assert set(found) == {"Ana Pereira", "Karim Ben Salah", "Mary Achieng Otieno", "Tran Van Binh"}
    assert found["Ana Pereira"].honorific == "Her Excellency Ms"
    assert role(found["Ana Pereira"]) == "Minister of Digital Affairs"
    assert found["Ana Pereira"].country.iri == ID + "country/PT" and found["Ana Pereira"].affiliation is None
    assert role(found["Karim Ben Salah"]) == "Chief Network Strategy Officer"
    assert found["Karim Ben Salah"].affiliation.label == "Example Telecom"
    assert role(found["Mary Achieng Otieno"]) == "Minister of Transport" and found["Mary Achieng Otieno"].honorific == "Hon."
    assert role(found["Tran Van Binh"]) == "Deputy Minister of Planning"
    assert found["Tran Van Binh"].country.iri == ID + "country/VN"
    assert "Viet Nam" not in found and "Example Telecom" not in found


def test_title_then_name_with_an_acronym_a_rank_and_a_possessive(ref):
    text = ("Speaking to the press, ACMA Director General Lt Col Peter Okello Mugisha said the rules would change. "
            "The agreement was signed by Freedonia's Minister for Digital Economy Mr Omar Haddad and "
            "General Secretary Lucy Wanjiru. Examplecorp's Jane Roe presented the demo.")
    found = people(ref, text)
    assert set(found) == {"Peter Okello Mugisha", "Omar Haddad", "Lucy Wanjiru", "Jane Roe"}
    assert role(found["Peter Okello Mugisha"]) == "Director General"  # ACMA, a known organization, employs him
    assert found["Peter Okello Mugisha"].affiliation.label == "Australian Communications and Media Authority"
    assert found["Peter Okello Mugisha"].honorific == "Lt Col"
    assert role(found["Omar Haddad"]) == "Minister for Digital Economy"
    assert role(found["Lucy Wanjiru"]) == "General Secretary"
    assert found["Jane Roe"].affiliation.label == "Examplecorp" and found["Jane Roe"].post is None


def test_post_written_straight_before_the_name_ends_at_its_body(ref):
    text = ("Chairman of the Example Working Group on numbering at the Northern Coordination Council J. K. Smith "
            "presented the report. Vice-Minister of Information and Communications Le Thi Hoa welcomed the delegates.")
    found = people(ref, text)
    assert set(found) == {"J. K. Smith", "Le Thi Hoa"}
    assert role(found["J. K. Smith"]) == ("Chairman of the Example Working Group on numbering at the Northern "
                                          "Coordination Council")
    assert role(found["Le Thi Hoa"]) == "Vice-Minister of Information and Communications"


def test_a_list_of_people_sharing_one_post_with_their_countries(ref):
    text = ("The new leadership took office: the chairman, Jan Novak of Czechia, and vice-chairmen Pat Lee of Canada, "
            "Ivo Ivanov of Bulgaria and Sara Cohen of Israel.")
    found = people(ref, text)
    assert set(found) == {"Jan Novak", "Pat Lee", "Ivo Ivanov", "Sara Cohen"}
    assert "chair" in role(found["Jan Novak"]).lower() and "vice" not in role(found["Jan Novak"]).lower()
    for name, cc in (("Pat Lee", "CA"), ("Ivo Ivanov", "BG"), ("Sara Cohen", "IL")):
        assert role(found[name]).lower().replace(" ", "-").startswith("vice-chair"), name
        assert found[name].country.iri == ID + f"country/{cc}"
    assert found["Jan Novak"].country.iri == ID + "country/CZ"


def test_name_split_over_a_line_and_affiliation_in_brackets(ref):
    text = ("The meeting was chaired by the WP3 chairman, Ms Marie\nDupont-Laurent (Acme Networks, France) with the "
            "support of Mr Yaw Mensah (Ghana), WP3/TSAG Vice-chairman.\nThe chairman thanked Mr Yaw Mensah\n"
            "The next session starts at noon.")
    found = people(ref, text)
    assert set(found) == {"Marie Dupont-Laurent", "Yaw Mensah"}
    marie = found["Marie Dupont-Laurent"]
    assert marie.affiliation.label == "Acme Networks" and marie.country.iri == ID + "country/FR"
    assert "chairman" in role(marie).lower()
    yaw = [p for p in find_people(ref, text, 0, len(text)) if p.name == "Yaw Mensah"]
    assert any(p.country and p.country.iri == ID + "country/GH" and p.affiliation is None for p in yaw)
    # the generic post written after its group's notation is that group's post
    assert any(role(p) == "Vice-Chair of WP3/TSAG" and p.post.part_of.notation == "WP3/TSAG"
               and p.post.span.quote == "WP3/TSAG Vice-chairman" for p in yaw)


def test_name_then_title_then_body_and_initials(ref):
    text = ("Ana Pereira, Chief Technology Officer, Example Telecom, opened the session. "
            "Lwazi Dube, Co-chairman of the Example Regional Group for Africa, urged participants to act. "
            "Dr. Jane van der Berg (University of Example) answered.")
    found = people(ref, text)
    assert found["Jane van der Berg"].affiliation.label == "University of Example"
    assert found["Jane van der Berg"].country is None
    assert role(found["Ana Pereira"]) == "Chief Technology Officer"
    assert found["Ana Pereira"].affiliation.label == "Example Telecom"
    assert role(found["Lwazi Dube"]) == "Co-chairman of the Example Regional Group for Africa"


def test_no_person_from_posts_alone_institutions_or_brands(ref):
    text = ("Thank you Secretary-General. The Telecommunication Standardization Bureau and the Executive Committee "
            "discussed apps such as Skype, Netflix and WhatsApp. The Minister of Communications welcomed the "
            "Regional Group for Africa. Study Group Chairmen attended. Contact: E-mail: info@example.org")
    assert find_people(ref, text, 0, len(text)) == []


def test_people_written_to_the_graph_with_affiliation_and_country():
    text = ("Opening remarks\nWe welcome His Excellency Mr Karim BEN SALAH, Chief Network Strategy Officer, Example "
            "Telecom, and Ms Ana Pereira (Portugal).\n")
    facts = extract(Text(source="x.txt", name="x.txt", sha256="1" * 64, text=text, media_type="text/plain",
                         encoding="utf-8"))
    assert facts.meetings == [] and {p.name for p in facts.people} == {"Karim Ben Salah", "Ana Pereira"}
    g = to_graph(facts)
    karim = URIRef(ID + "person/karim-ben-salah")
    assert (None, ITUKG.mentions, karim) in g  # the document names them, with no meeting to attach them to
    org = g.value(karim, ITUKG.affiliation)
    assert org is not None and (org, None, Literal("Example Telecom")) in g
    assert g.value(URIRef(ID + "person/ana-pereira"), ITUKG.nationality) == URIRef(ID + "country/PT")
    assert g.value(URIRef(ID + "person/ana-pereira"), ITUKG.affiliation) is None


def test_appointed_and_elected_as_a_post_before_or_after_the_names(ref):
    # a TSAG-report form: the verb, the names (each with affiliation and country), 'as' and the shared post
    text = ("The meeting had approved its agenda. TSAG appointed Ms Jane Sample (Orange, France) and Mr. Koji "
            "Example (NTT, Japan) as Rapporteurs of its rapporteur group on strategy. Dr Ali Sample (Examplia) was "
            "elected as Vice-Chair, and Mr Tom Roe was appointed Rapporteur.")
    found = people(ref, text)
    assert set(found) == {"Jane Sample", "Koji Example", "Ali Sample", "Tom Roe"}
    assert role(found["Jane Sample"]) == role(found["Koji Example"]) == role(found["Tom Roe"]) == "Rapporteur"
    assert found["Jane Sample"].affiliation.iri == ID + "organization/orange"
    assert found["Koji Example"].affiliation.iri == ID + "organization/ntt"
    assert role(found["Ali Sample"]) == "Vice-Chair"


def test_a_post_as_a_label_over_its_holders(ref):
    text = ("The assembly appointed the following management team:\n\nChairman: Mr Abdul Example (Examplia)\n"
            "Vice-Chairmen:\n- Ms Ana Sample (Brazil)\n- Mr Koji Example (Japan)\n\nContact: Jane Roe\n"
            "The Chairman: a short summary of the session follows in Annex A.\n")
    found = people(ref, text)
    assert role(found["Abdul Example"]) == "Chair"
    assert role(found["Ana Sample"]) == role(found["Koji Example"]) == "Vice-Chair"
    assert found["Ana Sample"].country.iri == ID + "country/BR"
    assert "Jane Roe" not in found or role(found["Jane Roe"]) == ""  # 'Contact:' is no post


def test_a_name_without_a_style_followed_by_its_post_body_and_country_in_brackets_is_a_person(ref):
    text = ("Around twenty operators were connected. Among them were Diego Example (CTO, Pampa Redes, Argentina) and "
            "Carla Vargas-Roe (Director of Innovation, Andes Conecta, Colombia). The Example Forum (Geneva, Switzerland) "
            "closed the day.")
    got = {p.name: (p.post.label, p.affiliation.label, p.country.label) for p in find_people(ref, text, 0, len(text))}
    assert got == {"Diego Example": ("CTO", "Pampa Redes", "Argentina"),
                   "Carla Vargas-Roe": ("Director of Innovation", "Andes Conecta", "Colombia")}


def test_a_titles_field_written_after_it_then_at_the_body(ref):
    text = "The panel was moderated by Marie Example, VP Technology at Laurentide Networks in Canada."
    got = {(p.name, p.post.label, p.affiliation.label, p.country.label) for p in find_people(ref, text, 0, len(text))}
    assert ("Marie Example", "VP Technology", "Laurentide Networks", "Canada") in got


def test_a_plural_post_over_a_list_or_before_names_gives_each_its_holder(ref):
    text = ("The Telecommunication Standardization Advisory Group met in Geneva.\n\n"
            "The TSAG vice-chairs present were:\n"
            "  – Ms. Hana Example-Park (Republic of Korea)\n"
            "  – Mr. Diego Sample (Mexico)\n\n"
            "TSAG vice-chairmen also include Ms Amina Exemple (Senegal) and Dr Ravi Udaharan (India).\n")
    found = people(ref, text)
    assert {name: role(p) for name, p in found.items()} == {
        "Hana Example-Park": "Vice-Chair of TSAG", "Diego Sample": "Vice-Chair of TSAG",
        "Amina Exemple": "Vice-Chair of TSAG", "Ravi Udaharan": "Vice-Chair of TSAG"}
    assert found["Diego Sample"].country.label == "Mexico"


def test_a_labels_value_column_goes_on_over_the_lines_indented_under_it(ref):
    text = ("2     Management team\n\n"
            "      Chair:        Kofi Example (Ghana)\n"
            "      Vice-chairs:  Li Example (China)\n"
            "                    Ivan Primerov (Russian Federation)\n"
            "                    Sara Mendes-Sample (Brazil)\n"
            "      Secretariat:  see the annex\n")
    found = people(ref, text)
    assert {name: (role(p), p.country.label) for name, p in found.items()} == {
        "Kofi Example": ("Chair", "Ghana"), "Li Example": ("Vice-Chair", "China"),
        "Ivan Primerov": ("Vice-Chair", "Russian Federation"), "Sara Mendes-Sample": ("Vice-Chair", "Brazil")}


def test_a_questions_rapporteur_group_led_or_co_led_by_people_gives_them_its_rapporteurs_posts(ref):
    text = ("The Question 6/13 rapporteur group, led by Ms Mei-Ling Example of Norrsken Example (Sweden), finalized two "
            "texts. The Q2/13 rapporteur group, co-led by Mr Haruto Example (Shinsei Example, Japan) and Dr Salma "
            "Example-Ode (Morocco), consented a Recommendation. The delegation, led by Mr Ivan Sample, spoke.")
    found = people(ref, text)
    assert {name: role(p) for name, p in found.items()} == {
        "Mei-Ling Example": "Rapporteur of Q6/13", "Haruto Example": "Co-Rapporteur of Q2/13",
        "Salma Example-Ode": "Co-Rapporteur of Q2/13", "Ivan Sample": ""}


def test_a_signature_after_best_regards_gives_the_signers_post_and_body():
    text = ("CTO meeting\n\nThe ITU-T CTO meeting took place in Geneva on 5 May 2031.\n\nBest regards,\n\n"
            "Lena Example Vasquez\nHead of Standards & Industry Relations | Example Oceanic Telecom\n")
    (m,) = facts_of(text).meetings
    (p,) = [p for p in m.people if p.name == "Lena Example Vasquez"]
    assert (p.post.label, p.affiliation.label) == ("Head of Standards & Industry Relations", "Example Oceanic Telecom")


def test_a_signatures_post_followed_by_its_unit_names_no_body():
    text = ("CTO meeting\n\nThe ITU-T CTO meeting took place in Geneva on 5 May 2031.\n\nKind regards,\n\n"
            "Lena Example\nCounsellor, CTO and Industry Engagement\nTelecommunication Standardization Bureau\n")
    facts = facts_of(text)
    (p,) = [p for p in facts.meetings[0].people if p.name == "Lena Example"]
    assert p.post.label == "Counsellor" and p.affiliation is None
    assert "CTO and Industry Engagement" not in {o.label for o in facts.organizations}
