"""A meeting written as 'At its meeting ..., <body> ...', a group that sets up another, an assembly's days said
after the day it closed, the next assembly named in apposition, a blog's byline, a writer who joined a meeting in
a city, a next meeting planned for a year, 'Venue: online' and a heading in capitals (texts written for these
tests)."""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated


@pytest.mark.parametrize("text, kind, name", [
    ("At its meeting held 9-13 June 2025 in Tokyo, the Telecommunication Standardization Advisory Group (TSAG) "
     "agreed a new work plan.", "TSAGMeeting", "TSAG meeting"),
    ("During its third session, held in Tokyo from 9 to 13 June 2025, TSAG approved two Recommendations.",
     "TSAGMeeting", "TSAG meeting"),
    ("At its first meeting of the study period, held in Tokyo from 9 to 13 June 2025, ITU-T Study Group 11 agreed "
     "to start work on signalling.", "StudyGroupMeeting", "ITU-T Study Group 11 meeting"),
])
def test_a_body_reported_after_its_own_meeting_phrase(text, kind, name):
    m = only_dated(text + "\n")
    assert (m.kind, m.name) == (kind, name)
    assert (m.start, m.end) == (date(2025, 6, 9), date(2025, 6, 13))
    assert m.place is not None and m.place.label == "Tokyo"


def test_at_its_meeting_without_the_body_after_it_is_no_meeting_of_that_body():
    facts = facts_of("At its meeting held 9-13 June 2025 in Tokyo, the board agreed a budget.\n")
    assert not [m for m in facts.meetings if m.kind in ("TSAGMeeting", "StudyGroupMeeting")]


@pytest.mark.parametrize("verb", ["established", "created", "set up", "launched"])
def test_a_group_that_sets_up_another_is_not_asked_to(verb):
    m = only_dated("TSAG met in Geneva on 2 February 2026. The Telecommunication Standardization Advisory Group "
                   f"(TSAG) {verb} the ITU-T Focus Group on Example Robotics (FG-EXR).\n")
    actions = {(a.group.label, a.action) for a in m.group_actions}
    assert ("Focus Group on Example Robotics", "establish") in actions
    assert not [a for a in m.group_actions if a.group.kind == "AdvisoryGroup"]


def test_an_assembly_dated_by_its_closing_day_takes_the_days_said_later():
    m = only_dated("Hamburg, 12 October 2028 - The World Telecommunication Standardization Assembly (WTSA-28) "
                   "closed today. The Assembly, held from 3 to 12 October 2028 in Hamburg, was chaired by "
                   "Ms Ana Example of Germany.\n")
    assert (m.start, m.end) == (date(2028, 10, 3), date(2028, 10, 12))
    assert [(p.name, p.country.label if p.country else None) for p in m.people] == [("Ana Example", "Germany")]


def test_a_closing_sentence_opens_the_meetings_text():
    m = only_dated("Hamburg, 12 October 2028 - WTSA-28 concluded today. The Assembly approved new Resolutions on "
                   "artificial intelligence and e-health.\n")
    assert {"artificial intelligence", "e-health"} <= {t.label for t in m.topics}


def test_the_next_assembly_named_in_apposition_is_the_next_meeting():
    m = only_dated("WTSA-28 was held in Hamburg from 3 to 12 October 2028. The next Assembly, WTSA-32, will be held "
                   "in Lima, Peru, in October 2032.\n")
    assert m.next_meeting is not None
    assert m.next_meeting.start == date(2032, 10, 1)
    assert m.next_meeting.place is not None and m.next_meeting.place.label == "Lima"


@pytest.mark.parametrize("word", ["By", "Written by", "Posted by"])
def test_a_byline_word_is_no_part_of_the_name(word):
    m = only_dated(f"{word} Jana Example, Chief Technology Officer, Orange (France)\n\n"
                   "On 3 June 2026 the ITU-T CTO meeting was held in Geneva.\n")
    assert "Jana Example" in [p.name for p in m.people]
    assert not [p for p in m.people if p.name.split()[0] in ("By", "Written", "Posted")]


def test_the_city_where_the_writer_joined_a_meeting_is_its_place():
    m = only_dated("On 3 June 2026 I joined some twenty colleagues in Lyon for the ITU-T CTO meeting.\n")
    assert m.place is not None and m.place.label == "Lyon"


@pytest.mark.parametrize("said, year", [
    ("The next CTO meeting is planned for 2027 in Geneva.", 2027),
    ("The next CTO meeting is scheduled for 2028.", 2028),
])
def test_a_next_meeting_planned_for_a_year(said, year):
    m = only_dated("The CTO meeting was held in Geneva on 3 June 2026. " + said + "\n")
    assert m.next_meeting is not None and m.next_meeting.start == date(year, 1, 1)


@pytest.mark.parametrize("field", ["Venue: virtual", "Venue: online", "Format: online"])
def test_a_venue_field_saying_online(field):
    m = only_dated(f"ITU-T CTO meeting\nDate: 29 November 2026\n{field}\n\nCTOs discussed the metaverse.\n")
    assert m.attendance is not None and m.attendance[0] == "online"


def test_a_venue_field_with_a_city_is_not_online():
    m = only_dated("ITU-T CTO meeting\nDate: 29 November 2026\nVenue: Geneva\n\nCTOs discussed the metaverse.\n")
    assert m.attendance is None


@pytest.mark.parametrize("heading, name", [
    ("ITU-T CTO MEETING - PARTICIPANTS", "ITU-T CTO meeting"),
    ("CTO MEETING OF THE ITU", "CTO meeting"),
])
def test_a_heading_in_capitals_keeps_its_acronyms(heading, name):
    m = only_dated(f"{heading}\n\nMeeting date: 29.11.2026\n\nAT&T (United States); Orange (France).\n")
    assert m.name == name
