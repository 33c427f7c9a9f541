"""A country's possessive before an organization's name, a post written 'Superintendent', groups asked to work
together, and a next meeting called a roundtable, forum or summit (texts written for these tests)."""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated, posts_of


@pytest.mark.parametrize("sentence, name", [
    ("Brazil's National Telecommunications Agency (NTA) took part in the meeting.", "National Telecommunications Agency"),
    ("Participants included Kenya's Communications Authority and other regulators.", "Communications Authority"),
])
def test_a_countrys_possessive_gives_the_country_not_part_of_the_name(sentence, name):
    m = only_dated(f"The CTO meeting was held in Geneva on 3 March 2025. {sentence}\n")
    found = {(p.organization.label, p.country.label if p.country else None) for p in m.participations}
    country = sentence.split("'s ")[0].split()[-1]
    assert (name, country) in found, found
    assert not [label for label, _ in found if "'s" in label]


@pytest.mark.parametrize("title", ["Superintendent", "Under-Secretary"])
def test_a_superintendent_or_under_secretary_is_a_post(title):
    m = only_dated(f"The CTO meeting was held in Geneva on 3 March 2025. Ms Ana Exemplo, {title} for Networks "
                   "at Examplia Telecom, opened it.\n")
    posts = posts_of(m)
    assert posts.get("Ana Exemplo", "").startswith(title), posts


@pytest.mark.parametrize("phrase", ["work together with", "work hand in hand with", "join forces with"])
def test_groups_asked_to_work_together_coordinate(phrase):
    m = only_dated(f"The CTO meeting was held in Geneva on 3 March 2025. The CTOs asked ITU-T Study Group 13 to "
                   f"{phrase} ITU-T Study Group 17 on network security.\n")
    actions = {(a.group.label, a.action) for a in m.group_actions}
    assert ("ITU-T Study Group 13", "coordinate") in actions, actions


@pytest.mark.parametrize("reported, noun", [("The CxO roundtable", "roundtable"), ("The Example Innovation Forum", "forum"),
                                            ("The Example Digital Summit", "summit")])
def test_a_next_roundtable_forum_or_summit_is_the_next_meeting(reported, noun):
    m = only_dated(f"{reported} was held in Geneva on 3 March 2025. The next {noun} will take place in "
                   "Nairobi, Kenya, in May 2026.\n")
    assert m.next_meeting is not None
    assert (m.next_meeting.start, m.next_meeting.place.label) == (date(2026, 5, 1), "Nairobi")


_EDITIONS_BY_NUMBER = """The eighth CTO meeting: a look back

The eighth ITU-T CTO meeting was held in Tunis, Tunisia, on 6 and 7 November 2029.

How does it compare? The seventh meeting, held in Lima, Peru, in April 2029 and hosted by a local operator, spoke
mostly of spectrum. The sixth meeting, in Nairobi in May 2028, was about fibre.
"""


def test_earlier_editions_named_by_their_number_are_placed_and_dated_by_their_month():
    facts = facts_of(_EDITIONS_BY_NUMBER)
    by_number = {m.ordinal[0]: m for m in facts.meetings if m.ordinal}
    assert set(by_number) == {6, 7, 8}
    seventh, sixth = by_number[7], by_number[6]
    assert seventh.kind == sixth.kind == "CTOMeeting"
    assert (seventh.start, seventh.end, seventh.precision) == (date(2029, 4, 1), date(2029, 4, 30), "month")
    assert seventh.place is not None and seventh.place.label == "Lima"
    assert (sixth.start, sixth.end) == (date(2028, 5, 1), date(2028, 5, 31))
    assert sixth.place is not None and sixth.place.label == "Nairobi"


def test_their_numbered_meeting_and_the_first_one_are_earlier_editions_with_their_place_and_day():
    text = ("COMMUNIQUÉ OF THE TWELFTH CTO MEETING\n\nThe twelfth ITU-T CTO meeting took place in Dakar, Senegal, on "
            "4 June 2029.\n\nThe CTOs recall the communiqué of their eleventh meeting, held in Accra on 3 March 2028. "
            "That meeting followed the first one, which was held at Cotonou (Benin) the 5th of may 2026.\n")
    by_number = {m.ordinal[0]: m for m in facts_of(text).meetings if m.ordinal}
    assert (by_number[11].start, by_number[11].place.label) == (date(2028, 3, 3), "Accra")
    assert (by_number[1].start, by_number[1].place.label, by_number[1].country.label) == (
        date(2026, 5, 5), "Cotonou", "Benin")


def test_an_edition_hosted_somewhere_is_read_also_when_the_document_s_meeting_has_no_day():
    text = ("TUNIS, 9 May 2031 – Technology chiefs ended their talks at the ninth ITU-T CTO meeting in Tunis.\n\n"
            "Earlier came the eighth edition, hosted by Carthage Example Telecom in Oran, Algeria, on 2–3 October "
            "2030, and the seventh meeting, held in Rabat in April 2030.\n")
    by_number = {m.ordinal[0]: m for m in facts_of(text).meetings if m.ordinal}
    assert (by_number[8].start, by_number[8].end, by_number[8].place.label) == (date(2030, 10, 2), date(2030, 10, 3), "Oran")
    assert (by_number[7].start, by_number[7].precision, by_number[7].place.label) == (date(2030, 4, 1), "month", "Rabat")
