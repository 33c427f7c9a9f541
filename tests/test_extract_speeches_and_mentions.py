"""Speeches and reports that name other groups' meetings in passing: a month written without its year, a group
'at its meeting in <city> in <month>', a group 'when it meets'; company officers whose company follows a title with
its field or a country; a host thanked for 'its' hospitality.

Every text here is written for the test, in the forms of the family (opening remarks, CTO communiqués, summaries).
"""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated

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


def test_names_in_latin_extended_letters_are_read_whole():
    people = _people("The panel was moderated by Ms Zeynep Yıldırım-Aksoy, Chief Standards Officer of Example Mobil "
                     "(Turkey); Mr Tomasz Wiśniewski of Example Łączność (Poland) and Ms Lê Thị Hương of Viettel spoke.")
    assert {"Zeynep Yıldırım-Aksoy", "Tomasz Wiśniewski", "Lê Thị Hương"} <= set(people)


def test_a_person_of_a_body_with_its_country_in_brackets_is_of_that_body_and_country():
    people = _people("Dr Ravi Example of Semenanjung Example Broadband (Malaysia) and Prof. Ama Example of the Volta "
                     "Institute of Technology (Ghana) debated licensing.")
    assert people["Ravi Example"] == ("Semenanjung Example Broadband", "Malaysia")
    assert people["Ama Example"] == ("Volta Institute of Technology", "Ghana")


def test_a_group_invited_to_act_at_its_meeting_dated_in_brackets_names_that_meeting():
    others = _others("The CTOs invite TSAG to consider, at its first meeting of the new study period (Geneva, 1-5 May "
                     "2033), the creation of a focus group.")
    assert others["TSAGMeeting"] == (date(2033, 5, 1), date(2033, 5, 5), "Geneva")


def test_a_date_after_one_meeting_s_name_and_before_another_s_clause_is_the_first_s():
    facts = facts_of(_HEAD + "The Director will present the communiqué to TSAG at its next meeting (Geneva, 8-11 February "
                     "2032), and to ITU-T Study Group 13 at its next meeting in June.")
    dated = {m.kind: m.start for m in facts.meetings}
    assert dated["TSAGMeeting"] == date(2032, 2, 8)
    assert dated.get("StudyGroupMeeting") in (None, date(2032, 6, 1))


def test_when_we_last_met_in_a_speech_names_the_last_meeting_of_its_kind_with_its_day_and_place():
    facts = facts_of(_HEAD + "When we last met - on 10 September 2030 in Durban, alongside ITU Telecom World 2030 - you "
                     "gave us three messages.")
    past = [(m.start, m.place.label if m.place else None) for m in facts.meetings
            if m.kind == "CTOMeeting" and m.start != date(2031, 9, 14)]
    assert past == [(date(2030, 9, 10), "Durban")]


def test_our_last_meeting_in_a_city_and_month_is_the_last_meeting_of_its_kind():
    facts = facts_of(_HEAD + "Since our last meeting in Durban in September 2030, much has happened.")
    past = [(m.start, m.place.label if m.place else None) for m in facts.meetings
            if m.kind == "CTOMeeting" and m.start != date(2031, 9, 14)]
    assert past == [(date(2030, 9, 1), "Durban")]


def test_a_group_s_next_meeting_placed_and_dated_by_its_year_is_named():
    others = _others("The CTOs asked that their conclusions be brought to TSAG at its next meeting in Geneva in "
                     "early 2032.")
    assert others["TSAGMeeting"] == (date(2032, 1, 1), date(2032, 12, 31), "Geneva")


def test_a_month_alone_that_dates_something_else_dates_no_meeting():
    facts = facts_of(_HEAD + "Registration for the next TSAG meeting will open in September.")
    assert [m.kind for m in facts.meetings] == ["CTOMeeting"]


def test_a_conference_named_before_a_group_s_next_meeting_does_not_take_its_days():
    others = _others("TSAG will review the preparations for WTSA-32 at its next meeting, in Geneva from 2 to 6 July 2032.")
    assert others["TSAGMeeting"] == (date(2032, 7, 2), date(2032, 7, 6), "Geneva")
    assert others.get("Conference", (None,))[0] is None


def test_a_company_after_a_country_s_possessive_is_of_that_country():
    people = _people("Karin Example, head of standardization at Sweden's Ericsson, said 6G must not fragment.")
    assert people["Karin Example"] == ("Ericsson", "Sweden")


def test_a_unit_wrapped_over_two_lines_is_no_organization():
    facts = facts_of(_HEAD + "\n\nITU\nMr Tomasz EXAMPLE, Chief, Study\nGroups Department, TSB\n")
    labels = {p.affiliation.label for m in facts.meetings for p in m.people if p.affiliation}
    assert "Study" not in labels


def test_a_meeting_named_in_an_aside_between_dashes_keeps_its_own_date_and_place_and_leaves_the_others():
    facts = facts_of("Annual report 2032\n\nThe second Example Standards Symposium - four years after the first Global "
                     "Standards Symposium, held in Johannesburg, South Africa, in 2028 - took place on Monday, 19 "
                     "November 2032 at the convention centre in Dubai, United Arab Emirates. It was held at the "
                     "invitation of the Emirates Example Regulatory Commission.\n")
    symposia = sorted((m.start, m.place.label if m.place else None, m.host.label if m.host else None)
                      for m in facts.meetings if m.kind == "Symposium")
    assert symposia == [(date(2028, 1, 1), "Johannesburg", None),
                        (date(2032, 11, 19), "Dubai", "Emirates Example Regulatory Commission")]


_CIRCULAR = """INTERNATIONAL TELECOMMUNICATION UNION
TELECOMMUNICATION STANDARDIZATION BUREAU

Geneva, 3 March 2032

Ref: TSB Circular 999

To:
- Chief Technology Officers (CTOs) of ITU-T Sector Members
Copy:
- To the Director of the Telecommunication Development Bureau
- To the Director of the Example Regional Bureau

Subject: ITU-T CTO Meeting - Rio de Janeiro, Brazil, 9 June 2032

1 At the kind invitation of Example Telecom S.A., ITU is organizing a meeting of Chief Technology Officers (CTOs), to
be held in Rio de Janeiro, Brazil, on Wednesday, 9 June 2032. The meeting will be hosted by Example Telecom S.A.

Yours faithfully,

(signed)

Jane Example
Director of the Telecommunication
Standardization Bureau
"""


def test_the_signatory_of_a_circular_is_read_with_the_post_under_the_name():
    (m,) = [m for m in facts_of(_CIRCULAR).meetings if m.start == date(2032, 6, 9)]
    assert {p.name: p.post.label if p.post else None for p in m.people}.get("Jane Example") == \
        "Director of the ITU Telecommunication Standardization Bureau"


def test_a_host_s_dotted_legal_form_is_part_of_its_name():
    (m,) = [m for m in facts_of(_CIRCULAR).meetings if m.start == date(2032, 6, 9)]
    assert m.host is not None and m.host.label == "Example Telecom S.A."


def test_a_circular_s_addressees_are_no_organizations():
    facts = facts_of(_CIRCULAR)
    labels = {o.label for o in facts.organizations}
    assert not any(label.startswith("To ") for label in labels), labels


_MINUTES = """REPUBLIC OF EXAMPLIA
MINISTRY OF EXAMPLE AFFAIRS

MINUTES OF THE 4TH MEETING OF THE NATIONAL PREPARATORY COMMITTEE FOR THE WORLD TELECOMMUNICATION STANDARDIZATION ASSEMBLY 2032 (WTSA-32) HELD ON THURSDAY 14/03/2032 AT 10:00 AM IN THE BOARDROOM, EXAMPLE TOWERS, NAIROBI

MIN. 01/04/2032: PRELIMINARIES
The Chairperson called the meeting to order at 10:05 am.

MIN. 06/04/2032: NATIONAL CONTRIBUTIONS TO WTSA-32
Members agreed to submit two contributions.
"""


def test_a_minute_s_number_is_no_date():
    facts = facts_of(_MINUTES)
    assert not any(m.start in (date(2032, 4, 1), date(2032, 4, 6)) for m in facts.meetings)


def test_a_heading_in_capitals_names_the_committee_s_meeting_not_the_assembly_it_prepares():
    facts = facts_of(_MINUTES)
    dated = [(m.start, m.place.label if m.place else None) for m in facts.meetings if m.start]
    assert dated == [(date(2032, 3, 14), "Nairobi")]
    (m,) = [m for m in facts.meetings if m.start]
    assert m.kind != "Conference" and "preparatory committee" in m.name.lower()


def test_a_conference_s_days_in_brackets_after_its_name_are_its_own_whatever_year_its_name_says():
    others = _others("TSB plans an in-person CTO meeting in Geneva on 28 February 2032, the day before the opening of "
                     "WTSA-30 (Geneva, 1-9 March 2032).")
    assert others["Conference"] == (date(2032, 3, 1), date(2032, 3, 9), "Geneva")


_NUMBERED = """Minutes of the 4th meeting of the Example Preparatory Committee, held in Nairobi on 14 March 2032

The minutes of the 3rd meeting held on 8 February 2032 were confirmed.

Date of next meeting: the 5th meeting will be held on 11 April 2032 at the same venue.
"""


def test_a_committee_s_other_meetings_by_their_number_are_its_meetings():
    facts = facts_of(_NUMBERED)
    editions = sorted((m.kind, m.ordinal[0], m.start, m.place.label if m.place else None) for m in facts.meetings
                      if m.ordinal and m.ordinal[0] in (3, 5))
    assert editions == [("Meeting", 3, date(2032, 2, 8), None), ("Meeting", 5, date(2032, 4, 11), "Nairobi")]


def test_another_body_s_numbered_meeting_is_not_the_committee_s():
    facts = facts_of(_NUMBERED.replace("were confirmed.", "were confirmed. The Committee noted the report of the 3rd "
                                                           "meeting of SG13, held on 1 February 2032."))
    assert not any(m.kind == "Meeting" and m.ordinal and m.ordinal[0] == 3 and m.start == date(2032, 2, 1)
                   for m in facts.meetings)


def test_a_day_without_its_year_after_a_day_with_it_in_the_same_sentence_is_of_that_year():
    text = ("Summary of the SGLA\nGeneva, 4 June 2035\n\nThe SGLA met in Geneva on 3 June 2035. WTSA-36 will be held in "
            "Buenos Aires from 15 to 24 October 2036, preceded by GSS-36 on 14 October.\n")
    gss = [m for m in facts_of(text).meetings if m.kind == "Symposium"]
    assert [(m.start, m.end) for m in gss] == [(date(2036, 10, 14), date(2036, 10, 14))]


def test_a_committees_earlier_meeting_placed_in_its_brackets():
    text = ("Minutes of the 4th meeting of the Example Preparatory Committee\n\nThe 4th meeting of the Example "
            "Preparatory Committee was held in Nairobi on 14 March 2035. The minutes of the 3rd meeting (Mombasa, "
            "8 February 2035) were confirmed.\n")
    third = [m for m in facts_of(text).meetings if m.ordinal and m.ordinal[0] == 3]
    assert [(m.start, m.place.label) for m in third] == [(date(2035, 2, 8), "Mombasa")]


@pytest.mark.parametrize("sentence, kind, day", [
    ("The third SGLA of the study period was held the day before the TSAG meeting (Geneva, 30 May-2 June 2035).",
     "LeadershipAssembly", date(2035, 5, 29)),
    ("The GSS was held on the eve of WTSA-36, which took place in Buenos Aires from 25 October to 3 November 2036.",
     "Symposium", date(2036, 10, 24)),
    ("The CTO meeting, held the day after the Global Standards Symposium (Geneva, 19 November 2035), gathered 30 CTOs.",
     "CTOMeeting", date(2035, 11, 20)),
    ("The chairs of the study groups met in Geneva for the Study Group Leadership Assembly (SGLA), held the day before "
     "the TSAG meeting opened at the same venue (30 May to 2 June 2035).", "LeadershipAssembly", date(2035, 5, 29)),
])
def test_a_meeting_held_the_day_before_or_after_another_is_dated_by_the_others_days(sentence, kind, day):
    (m,) = [m for m in facts_of("Standardization news\n\n" + sentence + "\n").meetings if m.kind == kind]
    assert (m.start, m.end) == (day, day)


_OPENING_SPEECH = """OPENING ADDRESS
Director, Telecommunication Standardization Bureau

Distinguished CTOs, colleagues, friends,

Welcome to the eleventh meeting of ITU-T Chief Technology Officers. I thank our host, Fjordvik Telecom ASA, for the
warm welcome we have received here in Oslo. When we last spoke, in Rabat, the rain was a rumour.

Today is the 3rd of September 2029. Over the next two days we will look at AI in networks and at quantum-safe
security.

I wish you a fruitful meeting.
"""


def test_an_opening_speech_dates_and_places_its_meeting_by_today_and_here():
    m = only_dated(_OPENING_SPEECH)
    assert m.kind == "CTOMeeting"
    assert (m.start, m.end) == (date(2029, 9, 3), date(2029, 9, 4))
    assert m.place is not None and m.place.label == "Oslo"
    assert m.country is not None and m.country.label == "Norway"


_NOTE = """# ITU-T CxO Roundtable - Notes

_Prepared by: A. Example | Last edited 19 Nov 2030_

## Context

- Held **Monday 17 November 2030**, 08:00-10:00, in Nairobi, Kenya.
- Chaired by the TSB Director.
"""


def test_a_note_s_held_line_dates_its_heading_s_meeting_and_its_edit_date_does_not():
    m = only_dated(_NOTE)
    assert m.kind == "CTOMeeting"
    assert (m.start, m.end) == (date(2030, 11, 17), date(2030, 11, 17))


_CLOSING_SPEECH = """STUDY GROUP LEADERSHIP ASSEMBLY
Closing remarks by the Chair

Dear colleagues,

We have come to the end of three busy days, and I will be brief.

When I accepted to chair this third Study Group Leadership Assembly, I did not expect such agreement.

None of this would have been possible without you. I felt it on the very first morning, and I felt it again today, Thursday the 9th of October 2031, when we adopted our conclusions here in Kigali, Rwanda.
"""


def test_a_closing_speech_dates_its_meeting_by_today_mid_sentence_and_by_the_days_it_has_come_to_the_end_of():
    m = only_dated(_CLOSING_SPEECH)
    assert m.kind == "LeadershipAssembly"
    assert (m.start, m.end) == (date(2031, 10, 7), date(2031, 10, 9))


def test_here_in_places_the_meeting_though_its_sentence_says_first_of_a_morning():
    m = only_dated(_CLOSING_SPEECH)
    assert (m.place.label, m.country.label) == ("Kigali", "Rwanda")


_FEATURE = """NETWORKS MONTHLY | FEATURE

By Example Writer

Around the table, Ana Example, CTO of Apex Mobile (Kenya), asked for a deadline. This is how CTO meetings tend to
work: few slides, many requests.

The CTO meeting was held on the second day of the AI for Good Global Summit, which opened in Geneva on Tuesday 8 July
2031, so that executives in town for the summit could join.
"""


def test_a_meeting_held_on_the_nth_day_of_an_event_is_dated_by_the_events_first_day():
    (m,) = [m for m in facts_of(_FEATURE).meetings if m.kind == "CTOMeeting"]
    assert (m.start, m.end) == (date(2031, 7, 9), date(2031, 7, 9))
    assert m.co_located is not None and m.co_located.series.label == "AI for Good Global Summit"


def test_the_series_named_in_the_plural_before_the_meeting_does_not_cut_the_text_its_people_are_in():
    (m,) = [m for m in facts_of(_FEATURE).meetings if m.kind == "CTOMeeting"]
    assert {p.name for p in m.people} == {"Ana Example"}


def test_the_day_before_the_opening_of_another_meeting_and_a_meeting_held_on_its_own_day_named_without_a_comma():
    text = ("SGLA outcome document\n\nThe Study Group Leadership Assembly met on 03/11/2033, the day before the opening of "
            "the TSAG meeting on 4 November 2033. The SGLA also took note of the communiqué of the ITU-T CTO meeting "
            "held in Nairobi on 12 September 2033.\n")
    days = sorted((m.kind, m.start) for m in facts_of(text).meetings)
    assert days == [("CTOMeeting", date(2033, 9, 12)), ("LeadershipAssembly", date(2033, 11, 3)),
                    ("TSAGMeeting", date(2033, 11, 4))]


def test_the_previous_regional_consultation_for_a_region_is_the_consultation_before_the_one_reported():
    text = ("Regional CTO consultation\n\nThe ITU-T Regional CTO Consultation for Africa was held in Accra on "
            "September 9-10, 2032.\n\nThe previous regional consultation for Africa was held in Kigali, Rwanda, on "
            "March 3-4, 2031.\n")
    past = [m for m in facts_of(text).meetings if m.start == date(2031, 3, 3)]
    assert [(m.kind, m.end, m.place.label) for m in past] == [("CTOConsultation", date(2031, 3, 4), "Kigali")]
