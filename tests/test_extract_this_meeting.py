"""'This <meeting>' after an earlier edition of the same series: the document's own meeting, whose text resumes
there; and a meeting held online with no venue says so in its IRI (our own texts, not ITU ones)."""
from __future__ import annotations

from datetime import date

import pytest

from itukg.graph import iris
from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text

SPEECH = """Regional Standardization Forum 2015

Nairobi, Kenya, 12 May 2015

Opening address

Dear colleagues,

Three years ago we held the first Regional Standardization Forum in Accra, Ghana, where conformity and interoperability was discussed.

{this} Regional Standardization Forum will look at how to bridge the standardization gap and at the Internet of Things.
"""


def _doc(text: str) -> Text:
    return Text(source="d.txt", name="d.txt", sha256="0" * 64, text=text, media_type="text/plain", encoding="utf-8")


def _topics(m) -> set[str]:
    return {t.label for t in m.topics}


@pytest.mark.parametrize("this", ["This", "The present", "Today's", "This year's"])
def test_this_meeting_returns_to_the_document_s_own_meeting(this):
    ms = extract(_doc(SPEECH.format(this=this))).meetings
    own = next(m for m in ms if m.start == date(2015, 5, 12))
    earlier = next(m for m in ms if m is not own)
    assert {"Internet of Things", "bridging the standardization gap"} <= _topics(own)
    assert "Internet of Things" not in _topics(earlier)
    assert "conformity and interoperability" in _topics(earlier)


def test_without_a_demonstrative_the_text_stays_with_the_earlier_meeting():
    # 'That forum' speaks of the one just named: nothing moves back to the document's own meeting
    ms = extract(_doc(SPEECH.format(this="That"))).meetings
    own = next(m for m in ms if m.start == date(2015, 5, 12))
    assert "Internet of Things" not in _topics(own)


def test_a_meeting_held_online_without_a_venue_is_online_in_its_iri():
    text = ("The second regional preparatory meeting for the next assembly was held on 3-4 June 2021 via "
            "videoconference. It discussed quantum key distribution.\n")
    (m,) = extract(_doc(text)).meetings
    assert m.attendance and m.attendance[0] == "online"
    assert str(iris.meeting(m.ref)).endswith("-2021-06-03-online")
    held = "The TSAG meeting was held on 3-4 June 2021. It discussed quantum key distribution.\n"
    (m,) = extract(_doc(held)).meetings
    assert str(iris.meeting(m.ref)).endswith("-2021-06-03-unknown-place")


def test_a_heading_with_an_ordinal_and_a_group_number_is_the_meeting_its_text_dates():
    # 'Study Group 13' is the group's number, not the edition '-13' of 2013; 'Fifth' matches 'The fifth meeting'
    text = ("Report on the Fifth Meeting of ITU-T Study Group 13\n\n1. Overview\nThe fifth meeting of ITU-T Study "
            "Group 13 (Future networks) was held in Geneva from 10 to 21 July 2023, with about 200 participants.\n\n"
            "2. Results\nIt discussed machine learning.\n")
    (m,) = extract(_doc(text)).meetings
    assert (m.start, m.ordinal[0]) == (date(2023, 7, 10), 5)


def test_a_news_page_forum_that_runs_until_a_later_day_organized_with_an_itu_office():
    text = ("KIGALI, 11 September 2031 – The Example Regional Standardization Forum opened today in Kigali, Rwanda, "
            "co-organized by the Examplian Regulatory Authority and the ITU Regional Office for Africa. The forum "
            "runs until 13 September.\n\nFor more information, please contact:\nJane Press\nHead, Media Relations, ITU\n")
    facts = extract(_doc(text))
    (m,) = facts.meetings
    assert (m.start, m.end) == (date(2031, 9, 11), date(2031, 9, 13))
    # ITU's own regional office organizes: it is no outside participant
    assert {p.organization.label for p in m.participations} == {"Examplian Regulatory Authority"}
    assert not any("Media" in p.name for p in m.people)
    assert "please contact" not in {p for p, _ in facts.keyphrases}
