"""Participant lists laid out in a PDF's columns, tables of administrations and of rapporteur groups, lists of
administrations and of members by a label, a meeting a press release's headline numbers, the meeting's own sentence
naming the event it was held with, and ITU's sectors named as hosts.

Every text here is written for the test, in the forms of the family (communiqués converted from PDF, reports of
regional preparatory meetings, press releases).
"""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated, posts_of


def _countries(meeting) -> dict:
    """Each body that took part, with its country's label (None when the text gives none)."""
    return {p.organization.label: p.country.label if p.country else None for p in meeting.participations}


_COLUMNS = """ITU-T CTO MEETING
Tallinn, Estonia, 9 May 2023

COMMUNIQUE

Chief Technology Officers met in Tallinn, Estonia, on 9 May 2023 at the invitation of the TSB Director.

Participants:

Aino Tamm          Director-General, Ministry of Economic Affairs, Estonia
Oskar Lind         Senior Vice President and CTO, Baltic Fibre Networks AS, Estonia
Mirela Dragan      Vice President, Carpathian Institute for Advanced Network Research (CIANR),
                   Romania
Tomasz Wrobel      Head of Standardization, Vistula Mobile, Poland
Ines Duarte        Director, Technology and Architecture, Atlantico Telecom, Portugal

The CTOs agreed to meet again in 2024.
"""


def test_a_list_in_columns_gives_each_line_s_person_post_organization_and_country():
    m = only_dated(_COLUMNS)
    people = {p.name: (p.post.label if p.post else None, p.affiliation.label if p.affiliation else None)
              for p in m.people}
    assert people["Oskar Lind"] == ("Senior Vice President and CTO", "Baltic Fibre Networks AS")
    assert people["Tomasz Wrobel"] == ("Head of Standardization", "Vistula Mobile")
    assert people["Ines Duarte"][1] == "Atlantico Telecom"
    assert {"Aino Tamm", "Mirela Dragan"} <= set(people)
    countries = _countries(m)
    assert countries["Baltic Fibre Networks AS"] == "Estonia"
    assert countries["Vistula Mobile"] == "Poland"
    # a cell wrapped onto the next line, under its column, is the same entry: its country is on that line
    assert countries["Carpathian Institute for Advanced Network Research"] == "Romania"
    # no person's name is an organization
    assert not {"Oskar Lind", "Aino Tamm", "Tomasz Wrobel"} & set(countries)


def test_a_column_gap_is_no_part_separator_once_the_line_has_ended():
    # an indented line under a finished entry that does not end with a comma, and under no column: a new entry
    m = only_dated(_COLUMNS.replace("(CIANR),\n                   Romania", "(CIANR), Romania"))
    assert {p.name for p in m.people} >= {"Mirela Dragan", "Tomasz Wrobel", "Ines Duarte"}


_ADMINISTRATIONS_TABLE = """Report of the second meeting of the Example Regional Preparatory Group for WTSA-28

1 The second meeting of the Example Regional Preparatory Group for WTSA-28 was held in Tbilisi, Georgia, from 3 to
5 March 2027.

2 Attendance

Administration
Delegates
Georgia
12
Armenia
4
Moldova (Republic of)
3
Total
19

3 The meeting reviewed the draft common proposals.
"""


def test_a_table_of_administrations_gives_each_country_s_administration():
    m = only_dated(_ADMINISTRATIONS_TABLE)
    countries = _countries(m)
    assert countries["Administration of Georgia"] == "Georgia"
    assert countries["Administration of Armenia"] == "Armenia"
    # a country written with its form in brackets takes no 'the'
    assert "Administration of Moldova (Republic of)" in countries
    assert not any(label.startswith("Total") for label in countries)


@pytest.mark.parametrize("said, expected", [
    ("The first meeting of the Example Regional Preparatory Group for WTSA-28 was held in Amman, Jordan, on 2 and 3 "
     "June 2027.\n\nAdministrations represented: Jordan, Lebanon, Iraq and the State of Palestine.\n",
     {"Administration of Jordan": "Jordan", "Administration of Iraq": "Iraq", "Administration of Lebanon": "Lebanon"}),
    ("The third APT preparatory meeting for WTSA-28 was held in Hanoi, Viet Nam, from 4 to 7 May 2027.\n\nAffiliate "
     "Members represented: Lotus Networks Co., Ltd. (Viet Nam), Harbour Telecom Berhad (Malaysia) and Orchid Mobile "
     "(Thailand).\n", {"Harbour Telecom Berhad": "Malaysia", "Orchid Mobile": "Thailand"}),
], ids=["administrations", "affiliate-members"])
def test_bodies_represented_by_a_label(said, expected):
    countries = _countries(only_dated("Preparatory meeting for WTSA-28\n\n" + said))
    assert {body: countries.get(body) for body in expected} == expected


def test_a_table_of_rapporteur_groups_gives_each_convener_the_group_its_acronym_names():
    m = only_dated("TSAG meeting report\n\nTSAG held its meeting in Geneva from 10 to 14 January 2028.\n\n"
                   "Rapporteur group                 Acronym        Convener\n"
                   "Working methods                  RG-WM          Ms Ana Example (Chile)\n"
                   "Standardization strategy         RG-SS          Mr Bo Sample (Sweden)\n\n"
                   "TSAG closed on 14 January.\n")
    posts = posts_of(m)
    assert posts["Ana Example"] == "Convener of RG-WM"
    assert posts["Bo Sample"] == "Convener of RG-SS"


def test_a_table_s_post_cell_is_read_whole():
    m = only_dated("CTO meeting\n\nThe CTO meeting took place in Quito on 3 May 2027.\n\nName\tTitle\tCompany\tCountry\n"
                   "Rosa Paz\tVP Network Strategy\tAndes Mobile\tEcuador\n")
    assert {p.name: p.post.label for p in m.people if p.post} == {"Rosa Paz": "VP Network Strategy"}


_PRESS_RELEASE = """Industry leaders and ITU agree on a standards roadmap

First meeting of Chief Technology Officers convened by ITU-T on the opening day of ITU Telecom World 2031

Lisbon, 7 October 2031 — Chief Technology Officers from twelve companies yesterday joined the Director of TSB for the
first high-level meeting of its kind.

The meeting, held on Monday 6 October at the congress centre on the opening day of ITU Telecom World 2031, discussed
the coherence of standards work.

ITU Telecom World 2031 runs until 9 October in Lisbon.
"""


def test_a_meeting_the_headline_numbers_and_the_text_dates_is_one_meeting():
    facts = facts_of(_PRESS_RELEASE)
    cto = [m for m in facts.meetings if m.kind == "CTOMeeting"]
    assert len(cto) == 1
    (m,) = cto
    assert (m.start, m.end) == (date(2031, 10, 6), date(2031, 10, 6))  # not until the event's last day
    assert m.place is not None and m.place.label == "Lisbon"


def test_the_meeting_s_own_sentence_names_the_event_it_was_held_with():
    m = only_dated("CTOs agree on a standards roadmap\n\nLisbon, 7 October 2031 — Chief Technology Officers from twelve "
                   "companies met yesterday in Lisbon at the invitation of the Director of TSB.\n\nThe meeting, held at "
                   "the congress centre on the opening day of ITU Telecom World 2031, discussed the coherence of "
                   "standards work.\n")
    assert m.start == date(2031, 10, 6)
    assert m.co_located is not None and m.co_located.year == 2031


def test_ctos_who_joined_someone_for_a_meeting_held_it():
    m = only_dated("Geneva, 4 March 2030 — CTOs from ten companies today joined the TSB Director for a meeting on "
                   "standardization gaps, held on 4 March 2030 in Geneva.\n")
    assert m.kind == "CTOMeeting"


def test_an_itu_sector_named_as_the_convener_is_no_organization():
    # ITU-T is a sector of ITU: typing it an organization made the SHACL gate reject the whole document
    facts = facts_of("CTO meeting convened by ITU-T\n\nGeneva, 6 May 2030 - The CTO meeting, convened by ITU-T, was "
                     "held on 5 May 2030 in Geneva. Participants from Apex Mobile attended.\n")
    (m,) = facts.meetings
    assert m.host is None
    labels = {o.label for o in facts.organizations} | {p.organization.label for p in m.participations}
    assert "ITU-T" not in labels


_TSAG_SUMMARY = """TELECOMMUNICATION STANDARDIZATION ADVISORY GROUP (TSAG)
Summary of results
Geneva, 6-9 March 2029

Meeting details
- Chairman: Mr. Piet A. Example (Netherlands)
- Vice-Chairmen present: Ms. Lea Sample (Chile), Mr. Kofi Example (Ghana)

Decisions
1. TSAG approved revised Recommendation ITU-T A.1.
"""


def test_tsag_s_name_as_a_title_over_a_dateline_is_its_meeting():
    m = only_dated(_TSAG_SUMMARY)
    assert (m.kind, m.start, m.end) == ("TSAGMeeting", date(2029, 3, 6), date(2029, 3, 9))
    assert m.place is not None and m.place.label == "Geneva"


def test_tsag_s_name_as_a_title_with_no_date_under_it_is_no_meeting():
    facts = facts_of("TELECOMMUNICATION STANDARDIZATION ADVISORY GROUP\n\nSource: TSB\n\nTitle: Liaison statement on "
                     "terminology\n\nThis liaison asks study groups to use the agreed terms.\n")
    assert [m for m in facts.meetings if m.kind == "TSAGMeeting"] == []


def test_posts_as_field_labels_with_a_rank_or_a_word_after_them():
    posts = {p.name: p.post.label if p.post else None for p in only_dated(_TSAG_SUMMARY).people}
    assert posts["Piet A. Example"] == "Chair"
    assert posts["Lea Sample"] == posts["Kofi Example"] == "Vice-Chair"
    m = only_dated("Report of the first meeting of the Example Preparatory Group for WTSA-28\n\nThe meeting was held in "
                   "Lusaka, Zambia, on 4 and 5 May 2027. It elected its bureau:\n\nChair: Eng. Ana Example (Zambia)\n"
                   "First Vice-Chair: Ms. Bea Sample (Malawi)\nSecond Vice-Chair: Mr. Caio Example (Angola)\n")
    posts = posts_of(m)
    assert posts["Bea Sample"] == posts["Caio Example"] == "Vice-Chair"


_AT_A_GLANCE = """ITU News | Standards

Operators set their standards priorities ahead of the Assembly

By Jane Roe, ITU News
14 October 2030 · 4 min read

Event at a glance
  CTO Meeting 2030
  When: 12th-13th of Oct.
  Where: Lakeside Convention Centre, Nairobi, Kenya
  Held with: Global Standards Symposium (GSS-30)

Chief technology officers from 20 companies gathered in Nairobi over the weekend. The two-day meeting concluded on
Sunday.

Earlier in the year, a CTO consultation held online on 18 June 2030 had prepared the agenda.
"""


def test_a_block_of_fields_under_a_meeting_s_name_gives_its_days_place_and_event():
    m = next(m for m in facts_of(_AT_A_GLANCE).meetings if m.kind == "CTOMeeting")
    assert (m.start, m.end) == (date(2030, 10, 12), date(2030, 10, 13))
    assert m.place is not None and m.place.label == "Nairobi"
    assert m.co_located is not None and m.co_located.year == 2030


def test_a_publication_date_with_its_reading_time_dates_no_meeting():
    # '14 October 2030 · 4 min read' is when the item was published; the heading's meeting keeps its own days
    facts = facts_of(_AT_A_GLANCE)
    assert facts.published == date(2030, 10, 14)
    assert all(m.start != date(2030, 10, 14) for m in facts.meetings)


def test_a_meeting_of_the_kind_months_away_does_not_undate_the_heading_s_meeting():
    # the June consultation is another meeting: the heading's 'When:' days stay the October meeting's
    dated = {(m.kind, m.start) for m in facts_of(_AT_A_GLANCE).meetings if m.start}
    assert ("CTOMeeting", date(2030, 10, 12)) in dated
    assert ("CTOConsultation", date(2030, 6, 18)) in dated


_ANNEX = """ITU-T CTO Meeting
Lima, Peru, 12 November 2031

1. Chief Technology Officers met in Lima, Peru, on 12 November 2031.

ANNEX - PARTICIPANTS
(in alphabetical order of company)

Andes Example S.A. (Chile)
Eng. Rodrigo EXAMPLE SAMPLE, Chief
Technology Officer

Ministry of Digital Economy and
Society (Thailand)
Dr Somsak EXAMPLE, Permanent Secretary

Zhongxin Example Communications
Co., Ltd. (China)
Mr ZHAO Example, Vice-President

Kestrel Example Inc. (United
States)
Ms Rebecca EXAMPLE, Chief Tech-
nology Officer
"""


def test_a_participants_annex_of_bodies_over_their_people():
    m = only_dated(_ANNEX)
    countries = _countries(m)
    assert countries == {"Andes Example S.A.": "Chile", "Ministry of Digital Economy and Society": "Thailand",
                         "Zhongxin Example Communications Co., Ltd.": "China", "Kestrel Example Inc.": "United States"}
    people = {p.name: (p.affiliation.label if p.affiliation else None, p.post.label if p.post else None)
              for p in m.people}
    # the body on the line (or two) above is the person's; 'Chief' / 'Technology Officer' on two lines is one post
    assert people["Rodrigo Example Sample"] == ("Andes Example S.A.", "Chief Technology Officer")
    assert people["Somsak Example"][0] == "Ministry of Digital Economy and Society"
    assert people["Zhao Example"][0] == "Zhongxin Example Communications Co., Ltd."
    # a word of the post broken by a hyphen at the line's end is one word
    assert people["Rebecca Example"] == ("Kestrel Example Inc.", "Chief Technology Officer")


def test_an_annex_without_blank_lines_between_its_entries():
    m = only_dated("CTO meeting\n\nThe CTO meeting took place in Lima on 3 May 2031.\n\nParticipants\n\nApex Mobile "
                   "(Kenya)\nMs Ana ROE, Chief Technology Officer\nBeta Telecom (Chile)\nMr Bo SAMPLE, Director\n")
    assert {p.organization.label: p.country.label for p in m.participations} == {"Apex Mobile": "Kenya",
                                                                                "Beta Telecom": "Chile"}
    assert {p.name: p.affiliation.label for p in m.people if p.affiliation} == {"Ana Roe": "Apex Mobile",
                                                                               "Bo Sample": "Beta Telecom"}


_REPORT_WITH_ANNEX = """Report of the interim meeting of the TSAG Rapporteur Group on Working Methods (RG-WM)

1   The interim meeting of the TSAG Rapporteur Group on Working Methods (RG-WM) was held in Kigali, Rwanda, from 17 to
19 September 2029. The list of participants is in Annex A.

6   Future meetings

6.1  An RG-WM e-meeting will be held on 22 November 2029 (13:00-15:00 Geneva time).


Annex A - List of participants

Organization                                      Country             Name
------------------------------------------------  ------------------  -----------------------
Example Regulatory Authority (ERA)                Rwanda              Grace EXAMPLE
Ministry of Internal Affairs and                  Japan               Takeshi EXAMPLE
  Communications (MIC)
Sample Networks                                   Sweden              Karin SAMPLE
ITU/TSB                                           -                   Tomasz EXAMPLE (remote)
"""


def test_a_report_s_annex_of_participants_is_the_reported_meeting_s_not_the_next_one_s():
    facts = facts_of(_REPORT_WITH_ANNEX)
    reported = next(m for m in facts.meetings if m.start == date(2029, 9, 17))
    countries = _countries(reported)
    # a plain text table with a dashed rule, and a cell wrapped onto an indented line that does not end it
    assert countries == {"Example Regulatory Authority": "Rwanda", "Ministry of Internal Affairs": "Japan",
                         "Sample Networks": "Sweden"}  # (not 'ITU/TSB': ITU itself)
    assert {"Grace Example", "Takeshi Example", "Karin Sample"} <= {p.name for p in reported.people}
    later = [m for m in facts.meetings if m.start == date(2029, 11, 22)]
    assert later and later[0].participations == []


def test_a_long_title_field_names_the_meeting_its_date_field_dates():
    facts = facts_of("REPORT\n\nTitle:      Report of the joint meeting of the Joint Coordination Activity on Internet of "
                     "Things (JCA-IoT)\nDate:       16 March 2031\nVenue:      e-meeting\n\n"
                     "The meeting was opened by the Convenor.\n")
    (m,) = facts.meetings
    assert (m.kind, m.start) == ("JCAMeeting", date(2031, 3, 16))
