"""A national delegation in a journal-style report: who led it and whom it included (our own texts)."""
from __future__ import annotations

from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text


def _meeting(text: str):
    (m,) = extract(Text(source="j.txt", name="j.txt", sha256="3" * 64, text=text, media_type="text/plain",
                        encoding="utf-8")).meetings
    return m


def test_a_delegation_led_by_a_ministry_that_included_companies():
    m = _meeting("The fourth meeting of TSAG was held in Geneva from 2 to 6 March 2026. The delegation from "
                 "Korea was headed by the Ministry of Science and ICT and included representatives of Apex "
                 "Mobile, Brio Networks and Cobalt Systems.\n")
    assert {p.organization.label for p in m.participations} == {
        "Ministry of Science and ICT", "Apex Mobile", "Brio Networks", "Cobalt Systems"}



def test_a_host_written_in_lower_case_as_its_name_is_and_no_key_phrase_that_only_names_the_meeting():
    # 'e&' (Etisalat's brand) is written in lower case with a symbol: the reference data's alias is the name
    text = ("Example officers met for the 14th CxO meeting on 2 June 2026 in Dubai, United Arab Emirates, hosted by "
            "e&. The CxO meeting discussed rotating venue arrangements.\n")
    facts = extract(Text(source="h.txt", name="h.txt", sha256="4" * 64, text=text, media_type="text/plain",
                         encoding="utf-8"))
    (m,) = facts.meetings
    assert m.host is not None and m.host.iri.endswith("organization/etisalat")
    assert "cxo meeting" not in {p for p, _ in facts.keyphrases}


def test_a_ministry_as_head_of_delegation_and_companies_in_brackets():
    m = _meeting("The second meeting of ITU-T Study Group 5 was held in Geneva from 3 to 7 May 2027. For Korea, the "
                 "Ministry of Science and ICT acted as head of delegation, accompanied by six experts from companies "
                 "and institutes (Apex Mobile, Brio Networks and Cobalt Systems), which presented two contributions.\n")
    assert {p.organization.label for p in m.participations} == {
        "Ministry of Science and ICT", "Apex Mobile", "Brio Networks", "Cobalt Systems"}


def test_a_participants_table_written_with_tabs_or_bars():
    # a table copied out of a PDF or a Markdown file: a heading row, then one organization and its country a row
    for sep in ("\t", " | ", "     "):
        rows = ["Company" + sep + "Country", "Apex Mobile" + sep + "France", "Brio Networks" + sep + "Korea (Rep. of)",
                "Cobalt Systems" + sep + "Qatar"]
        m = _meeting("The CTO meeting was held in Busan on 23 October 2014.\n\nParticipating organizations\n"
                     + "\n".join(rows) + "\n")
        got = {(p.organization.label, p.country.label if p.country else None) for p in m.participations}
        assert got == {("Apex Mobile", "France"), ("Brio Networks", "Republic of Korea"), ("Cobalt Systems", "Qatar")}, sep


_BY_DELEGATION = (
    "REPORT OF THE SECOND REGIONAL PREPARATORY MEETING\n\n"
    "Venue: Dakar, Senegal\nDates: 3 to 5 June 2035\n\n"
    "1.1 The meeting built on the outcomes of the First Regional Preparatory Meeting (Lomé, Togo, 2-3 December 2034) "
    "and prepared proposals for WTSA-36, to be held in Lima, Peru, from 6 to 15 October 2036.\n\n"
    "2.1 The meeting was attended by 60 delegates from 11 Member States. The delegations included:\n\n"
    "Senegal: Ministère de la Communication et de l'Économie numérique; Autorité de régulation des télécommunications "
    "et des postes; Teranga Example Réseaux SA; Baobab Example Data Centres SARL\n"
    "Nigeria: Federal Ministry of Communications, Innovation and Digital Economy; Example Zuma Telecoms Plc\n"
)


def test_delegations_listed_by_country_after_a_sentence_about_another_meeting_are_the_meetings_participants():
    """A sentence whose subject is the meeting reported names others in passing: the text after it is still the
    reported meeting's; a country's line of bodies may run long; French official names keep their lower-case words."""
    facts = extract(Text(source="r.txt", name="r.txt", sha256="4" * 64, text=_BY_DELEGATION, media_type="text/plain",
                         encoding="utf-8"))
    (m,) = [m for m in facts.meetings if m.start is not None and m.start.year == 2035 and m.start.month == 6]
    parts = {p.organization.label: p.country.label if p.country else None for p in m.participations}
    assert parts == {
        "Ministère de la Communication et de l'Économie numérique": "Senegal",
        "Autorité de régulation des télécommunications et des postes": "Senegal",
        "Teranga Example Réseaux SA": "Senegal", "Baobab Example Data Centres SARL": "Senegal",
        "Federal Ministry of Communications, Innovation and Digital Economy": "Nigeria",
        "Example Zuma Telecoms Plc": "Nigeria"}
