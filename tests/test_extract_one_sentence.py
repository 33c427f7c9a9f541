"""Several meetings opened in one sentence: each owns its part of the sentence (our own text, not an ITU one)."""
from __future__ import annotations

from datetime import date

from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text

ID = "https://w3id.org/itukg/id/"

TD_THREE_REPORTED = """The Rapporteur Group on Standardization Strategy (RG-StdsStrat) met virtually on 15 March 2023 under the chairmanship of Mr John Example (United Kingdom).
It reviewed the outcomes of the CTO meeting held in Geneva on 2 October 2022, the TSAG meeting held in Geneva on 5 December 2022 and the regional CTO consultation held in Seoul on 9 November 2022.
The group recommended that ITU-T Study Group 13 prioritize work on computing power networks.
"""


def test_three_meetings_in_one_sentence_each_keep_their_own_part():
    # a third meeting opened in the same sentence once failed to split the sentence (ValueError: too many
    # values to unpack), which stopped the whole document's extraction
    doc = Text(source="three.txt", name="three.txt", sha256="0" * 64, text=TD_THREE_REPORTED,
               media_type="text/plain", encoding="utf-8")
    ms = {m.kind: m for m in extract(doc).meetings}
    assert ms.pop("RapporteurGroupMeeting").start == date(2023, 3, 15)  # the group that 'met virtually' on that day
    assert set(ms) == {"CTOMeeting", "TSAGMeeting", "CTOConsultation"}
    assert ms["CTOMeeting"].start == date(2022, 10, 2)
    assert ms["TSAGMeeting"].start == date(2022, 12, 5)
    assert ms["CTOConsultation"].start == date(2022, 11, 9)
    assert ms["CTOMeeting"].place.iri == ID + "place/geneva"
    assert ms["TSAGMeeting"].place.iri == ID + "place/geneva"
    assert ms["CTOConsultation"].place.iri == ID + "place/seoul"
    for m in ms.values():  # the rapporteur group's own recommendation is not the meetings'
        assert not m.group_actions and not m.topics
