"""A body that held 'the' meeting of a study period, a study group's working party interim meeting in minutes, a
venue field that says who hosted, the next interim meeting, and a person who chaired or moderated (texts written
for these tests)."""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated


def test_a_body_that_held_the_first_meeting_of_a_study_period():
    m = only_dated("The Telecommunication Standardization Advisory Group (TSAG) held the first meeting of the "
                   "2025-2028 study period in Lisbon, 27-31 January 2025.\n")
    assert m.kind == "TSAGMeeting"
    assert (m.start, m.end) == (date(2025, 1, 27), date(2025, 1, 31))
    assert m.place is not None and m.place.label == "Lisbon"


MINUTES = ("Minutes of the ITU-T Study Group 15 Working Party 1 interim meeting\n\nDate: 3-4 September 2024\n"
           "Venue: Hosted by Example Networks AG, Munich, Germany\nChairman: Mr Hans Sample (Example Networks AG, "
           "Germany)\n\nSummary: The next interim meeting will be held on 4-6 March 2025 in Ottawa, Canada.\n")


def test_a_working_party_interim_meeting_in_minutes():
    m = only_dated(MINUTES)
    assert m.kind == "WorkingPartyMeeting"
    assert (m.start, m.end) == (date(2024, 9, 3), date(2024, 9, 4))
    assert m.place is not None and m.place.label == "Munich"


def test_a_venue_field_that_says_who_hosted():
    m = only_dated(MINUTES)
    assert m.host is not None and m.host.label == "Example Networks AG"


def test_the_next_interim_meeting():
    m = only_dated(MINUTES)
    assert m.next_meeting is not None
    assert (m.next_meeting.start, m.next_meeting.place.label) == (date(2025, 3, 4), "Ottawa")


@pytest.mark.parametrize("sentence, name, post", [
    ("Mr Abdurahman Example (Examplia) chaired the meeting.", "Abdurahman Example", "Chair"),
    ("Ms Ann Sample moderated the first session.", "Ann Sample", "Moderator"),
    ("Mr Bo Example (Examplia) chaired ITU-T Study Group 13 until 2024.", "Bo Example", "Chair of SG13"),
])
def test_a_person_who_chaired_or_moderated(sentence, name, post):
    m = only_dated("TSAG met in Geneva on 27-31 January 2025. " + sentence + "\n")
    assert {p.name: p.post.label for p in m.people if p.post} == {name: post}


def test_a_place_that_chaired_is_no_person():
    m = only_dated("TSAG met in Geneva on 27-31 January 2025. Geneva chaired the meeting.\n")
    assert m.people == []


@pytest.mark.parametrize("name", ["AI for Good Global Summit", "ICT for Example Development Forum"])
def test_a_summit_or_forum_named_with_small_words(name):
    m = only_dated(f"The {name} took place in Geneva on 7-10 July 2026.\n")
    assert (m.kind, m.name) == ("Symposium", name)


def test_the_chairman_of_the_summit_names_no_summit():
    m = only_dated("The Chairman of the Summit spoke. The CTO meeting took place in Geneva on 7 July 2026.\n")
    assert m.kind == "CTOMeeting"


@pytest.mark.parametrize("said, start, place", [
    ("Since 2009 CTO meetings have helped; the last meeting, held in New Delhi in October 2024, focused on AI.",
     date(2024, 10, 1), "New Delhi"),
    ("The previous meeting (Seoul, 3 May 2024) agreed on priorities.", date(2024, 5, 3), "Seoul"),
])
def test_the_last_meeting_of_the_kind_reported_is_a_meeting_of_that_kind(said, start, place):
    from extract_fixtures import facts_of
    ms = sorted((m for m in facts_of(f"The CTO meeting took place in Geneva on 5 March 2025. {said}\n").meetings),
                key=lambda m: m.start)
    assert [(m.kind, m.start) for m in ms] == [("CTOMeeting", start), ("CTOMeeting", date(2025, 3, 5))]
    assert ms[0].place is not None and ms[0].place.label == place


@pytest.mark.parametrize("said", ["The last meeting of the year will be held in December 2025.",
                                  "In the last session, on 5 March 2025, CTOs agreed."])
def test_a_last_meeting_not_before_the_one_reported_is_none(said):
    from extract_fixtures import facts_of
    assert len(facts_of(f"The CTO meeting took place in Geneva on 5 March 2025. {said}\n").meetings) == 1


_RAPPORTEUR_GROUPS = (
    "TSAG meeting\n\nTSAG met in Geneva from 9 to 13 February 2032. The meeting was opened by Ms Ana Example, "
    "Deputy to the Director of the Telecommunication Standardization Bureau.\n\n"
    "The rapporteur groups met as follows:\n"
    " a) TSAG RG-WM (Working methods), Rapporteur: Mr Kofi Example (Ghana);\n"
    " b) TSAG RG-SS (Standardization strategy), Rapporteur: Prof. Lena Example (Denmark).\n"
)


def test_a_rapporteur_named_after_the_group_on_its_line_holds_that_groups_post():
    (m,) = facts_of(_RAPPORTEUR_GROUPS).meetings
    posts = {p.name: p.post.label for p in m.people if p.post is not None}
    assert posts["Kofi Example"] == "Rapporteur of RG-WM" and posts["Lena Example"] == "Rapporteur of RG-SS"


def test_deputy_to_the_director_is_a_post():
    (m,) = facts_of(_RAPPORTEUR_GROUPS).meetings
    posts = {p.name: p.post.label for p in m.people if p.post is not None}
    assert posts["Ana Example"] == "Deputy to the Director of the Telecommunication Standardization Bureau"
