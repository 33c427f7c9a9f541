"""Speeches and reports that name other groups' meetings in passing: a month written without its year, a group
'at its meeting in <city> in <month>', a group 'when it meets'; company officers whose company follows a title with
its field or a country; a host thanked for 'its' hospitality.

Every text here is written for the test, in the forms of the family (opening remarks, CTO communiqués, summaries).
"""
from __future__ import annotations

from datetime import date

from extract_fixtures import facts_of

_HEAD = "ITU-T CTO Meeting\nValletta, Malta - 14 September 2031\n\nThe CTO meeting was held in Valletta on 14 September 2031. "


def _others(text: str) -> dict[str, tuple]:
    """The meetings other than the CTO meeting: kind -> (start, end, city)."""
    facts = facts_of(_HEAD + text)
    return {m.kind: (m.start, m.end, m.place.label if m.place else None) for m in facts.meetings if m.kind != "CTOMeeting"}


def test_a_month_without_its_year_after_next_is_the_first_such_month_after_the_document():
    others = _others("Our standards lead will carry the conclusions to the next TSAG meeting in Geneva in February.")
    assert others["TSAGMeeting"] == (date(2032, 2, 1), date(2032, 2, 29), "Geneva")


def test_a_month_without_its_year_and_no_word_of_time_takes_the_document_s_year():
    others = _others("The CTOs invited ITU-T Study Group 13 to consider the proposal at its meeting in Geneva in November.")
    assert others["StudyGroupMeeting"] == (date(2031, 11, 1), date(2031, 11, 30), "Geneva")


def test_a_group_that_did_something_at_its_meeting_in_a_city_and_month_names_that_meeting():
    others = _others("The work goes on in the focus group which TSAG established at its meeting in Geneva in July 2029.")
    assert others["TSAGMeeting"] == (date(2029, 7, 1), date(2029, 7, 31), "Geneva")


def test_a_group_when_it_meets_names_its_meeting_with_its_days():
    others = _others("The Director will present the conclusions to the Telecommunication Standardization Advisory Group, "
                     "TSAG, when it meets in Geneva from 12 to 16 January 2032.")
    assert others["TSAGMeeting"] == (date(2032, 1, 12), date(2032, 1, 16), "Geneva")


def test_a_meeting_its_group_will_report_to_at_its_next_meeting_without_a_date_is_not_made_up():
    assert "TSAGMeeting" not in _others("TSAG asked SG13 to report at its next meeting.")
    assert "StudyGroupMeeting" not in _others("TSAG asked SG13 to report at its next meeting.")


def _people(text: str) -> dict[str, tuple]:
    (m,) = [m for m in facts_of(_HEAD + text).meetings if m.kind == "CTOMeeting"]
    return {p.name: (p.affiliation.label if p.affiliation else None, p.country.label if p.country else None)
            for p in m.people}


def test_an_officer_s_company_is_read_before_the_country_written_after_it():
    people = _people("I welcome Mr Kenta Example, CTO of Kirin Example Networks of Japan, who joins us again.")
    assert people["Kenta Example"] == ("Kirin Example Networks", "Japan")


def test_an_officer_s_company_follows_a_title_with_its_field():
    people = _people("Welcome to Ms Lucía Ejemplo Ruiz, Vice-President for Technology of Andes Ejemplo Móvil, Colombia, "
                     "and to Mr ZHOU Wenbo, Chief Architect of Example Optical Systems, China.")
    assert people["Lucía Ejemplo Ruiz"] == ("Andes Ejemplo Móvil", "Colombia")
    assert people["Zhou Wenbo"] == ("Example Optical Systems", "China")


def test_an_officer_s_field_is_no_company():
    facts = facts_of(_HEAD + "Dana Example, Vice President of Technical Standards at Qualcomm (United States), spoke.")
    labels = {o.label for m in facts.meetings for p in m.people if p.affiliation for o in [p.affiliation]}
    assert "Technical Standards" not in labels
    assert labels == {"Qualcomm"}


def test_an_officer_at_a_company_in_a_country_is_of_that_company_and_country():
    people = _people("Dr. Amaka Example, Chief Technology Officer at Example Lagos Telecom in Nigeria, spoke first.")
    assert people["Amaka Example"] == ("Example Lagos Telecom", "Nigeria")


def test_a_host_thanked_for_its_hospitality_after_our_host_is_the_meeting_s_host():
    facts = facts_of(_HEAD + "Let me begin by thanking our host, Examplia Comunicações, for its generous hospitality.")
    (m,) = [m for m in facts.meetings if m.kind == "CTOMeeting"]
    assert m.host is not None and m.host.label == "Examplia Comunicações"


def test_a_person_thanked_for_her_hospitality_is_no_host():
    facts = facts_of(_HEAD + "We thank Maria Example for her warm hospitality.")
    (m,) = [m for m in facts.meetings if m.kind == "CTOMeeting"]
    assert m.host is None
