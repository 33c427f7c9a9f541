"""A meeting's block of fields written the ways documents lay it out besides 'Venue: Geneva' (our own texts): each
field's name on a line over its value (a two-column table or a definition list made text), names in two languages
('Lieu / Venue'), a co-located event named in a field, a panel's title with a year in it under the heading; and a
sentence that gives the meeting told of its number ('This was the fifth ... meeting')."""
from __future__ import annotations

from datetime import date

from extract_fixtures import facts_of

from itukg.graph.extract.text import fields_on_one_line

BLOCK = (
    "FINAL COMMUNIQUE / COMMUNIQUÉ FINAL\n"
    "ITU-T CxO Meeting / Réunion CxO de l'UIT-T\n\n"
    "Venue / Lieu\n"
    "Centro Cultural, Valparaíso, Chile\n\n"
    "Dates / Dates\n"
    "14 and 15 October 2031\n\n"
    "Host\n"
    "Pacifico Redes SpA\n\n"
    "Co-located event\n"
    "ITU Kaleidoscope 2031 academic conference (16-18 October 2031)\n\n"
    "Background\n\n"
    "This was the seventh ITU-T CxO meeting. It followed the sixth meeting, held in Hanoi, Viet Nam, on 3 May 2030.\n"
)


def _main(facts):
    return next(m for m in facts.meetings if m.start == date(2031, 10, 14))


def test_field_names_over_their_values_give_the_meetings_place_days_and_host():
    m = _main(facts_of(BLOCK))
    assert (m.end, m.place.label, m.country.label, m.host.label) == (date(2031, 10, 15), "Valparaíso", "Chile",
                                                                     "Pacifico Redes SpA")


def test_the_facts_of_a_block_so_read_point_into_the_original_text():
    facts = facts_of(BLOCK)
    m = _main(facts)
    assert BLOCK[m.date_span.start:m.date_span.end] == "14 and 15 October 2031"
    assert BLOCK[m.place.span.start:m.place.span.end] == "Valparaíso"


def test_an_event_named_in_a_co_located_field_is_the_one_the_meeting_was_held_with():
    m = _main(facts_of(BLOCK))
    assert m.co_located is not None and "Kaleidoscope" in m.co_located.series.label


def test_this_was_the_nth_meeting_numbers_the_meeting_told_of_and_the_one_before_keeps_its_own():
    facts = facts_of(BLOCK)
    assert _main(facts).ordinal[0] == 7
    (sixth,) = [m for m in facts.meetings if m.ordinal and m.ordinal[0] == 6]
    assert (sixth.kind, sixth.start, sixth.place.label) == ("CTOMeeting", date(2030, 5, 3), "Hanoi")
    assert not [m for m in facts.meetings if m.start is None]


def test_names_stacked_over_a_tables_columns_and_prose_under_a_heading_are_left_as_they_are():
    for text in ("Date\nLocation\nTSAG\n9-13 Mar 2026\nGeneva\n",
                 "Venue\nThe meeting was held at the Palais des Nations in Geneva.\n",
                 "Date / Time: 5 May 2031, 10:00\n"):
        assert fields_on_one_line(text) == (text, None)


def test_a_year_in_a_panels_title_under_the_heading_is_not_the_meetings_date():
    text = ("ITU-T CTO MEETING\n"
            "Session 3 - High-level panel: \"Quantum, AI and the network of 2045\"\n"
            "Venue:  Expo Centre, Durban, South Africa\n"
            "Date:   2031-06-04 (Wednesday), 10:00-11:30\n\n"
            "MODERATOR: Welcome to this panel.\n")
    (m,) = facts_of(text).meetings
    assert (m.start, m.place.label) == (date(2031, 6, 4), "Durban")


_PREPARATORY_REPORT = """ARAB STATES TELECOMMUNICATION FORUM

ASTF/WTSA-36/PM2/REP
Distribution: Member administrations
Circulated: 30 April 2036

REPORT OF THE SECOND ARAB STATES PREPARATORY MEETING FOR THE WORLD TELECOMMUNICATION STANDARDIZATION ASSEMBLY (WTSA-36)

Venue: Dead Sea Convention Centre, Amman, Jordan
Dates: 14th to 16th April 2036

1.1 The Second Arab States Preparatory Meeting for WTSA-36 was convened by the Forum and hosted by Example Jordan Telecom.
"""


def test_a_long_title_in_capitals_heads_its_fields_and_a_documents_symbol_and_circulation_date_name_no_meeting():
    facts = facts_of(_PREPARATORY_REPORT)
    (m,) = facts.meetings
    assert (m.kind, m.start, m.end, m.place.label) == ("PreparatoryMeeting", date(2036, 4, 14), date(2036, 4, 16),
                                                       "Amman")
    assert m.name == "Second Arab States Preparatory Meeting for WTSA-36"


def test_the_days_in_brackets_after_a_quoted_events_name_are_the_events_not_the_meetings():
    text = ('News release\n\nThe CTO meeting was held on March 3, 2034 as a side event of "Example Digital Week 2034" '
            '(2034/3/1-3/4).\n')
    (m,) = [m for m in facts_of(text).meetings if m.kind == "CTOMeeting"]
    assert (m.start, m.end) == (date(2034, 3, 3), date(2034, 3, 3))
