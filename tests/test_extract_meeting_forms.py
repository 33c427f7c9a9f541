"""How documents name meetings of ITU-T groups, forums and assemblies (texts written for these tests).

Each case is a phrasing seen across years and kinds of meeting: a group as the subject of 'met' or 'held its
meeting', a regional group whose region has small words in its name, a forum 'for' a region, a meeting held
during another one whose dates the sentence also gives.
"""
from __future__ import annotations

from datetime import date

import pytest

from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text


def meetings(text: str):
    doc = Text(source="forms.txt", name="forms.txt", sha256="2" * 64, text=text, media_type="text/plain",
               encoding="utf-8")
    return extract(doc).meetings


def only(text: str):
    ms = [m for m in meetings(text) if m.start]
    assert len(ms) == 1, [(m.kind, m.name, m.start) for m in ms]
    return ms[0]


# -- a group as the subject of the sentence ----------------------------------------------------------------

@pytest.mark.parametrize("text, kind, start, end, city", [
    ("ITU-T Study Group 17 met in Geneva from 29 August to 8 September 2023.",
     "StudyGroupMeeting", date(2023, 8, 29), date(2023, 9, 8), "Geneva"),
    ("ITU-T Study Group 12 (Performance, QoS and QoE) convened in Geneva on 3-4 May 2019.",
     "StudyGroupMeeting", date(2019, 5, 3), date(2019, 5, 4), "Geneva"),
    ("Study Group 5 held its last meeting of the period in Geneva from 4 to 13 May 2016.",
     "StudyGroupMeeting", date(2016, 5, 4), date(2016, 5, 13), "Geneva"),
    ("TSAG Working Party 2 met in Geneva on 3 May 2022.",
     "WorkingPartyMeeting", date(2022, 5, 3), date(2022, 5, 3), "Geneva"),
    ("The Rapporteur Group on Working Methods of TSAG met on 27 August 2023 in Geneva.",
     "RapporteurGroupMeeting", date(2023, 8, 27), date(2023, 8, 27), "Geneva"),
    ("SG3RG-AFR met in Dakar, Senegal, on 3-4 May 2018.",
     "RegionalGroupMeeting", date(2018, 5, 3), date(2018, 5, 4), "Dakar"),
])
def test_a_group_that_met_is_a_meeting_of_its_kind(text, kind, start, end, city):
    m = only(text + "\n")
    assert (m.kind, m.start, m.end, m.place.label) == (kind, start, end, city)


def test_a_rapporteur_group_of_tsag_that_met_is_not_a_tsag_meeting():
    ms = meetings("The Rapporteur Group on Working Methods of TSAG met on 27 August 2023.\n")
    assert [m.kind for m in ms] == ["RapporteurGroupMeeting"]


@pytest.mark.parametrize("text", [
    "Experts from SG13 met in Geneva on 3 May 2019 to align their drafts.",
    "The CTO meeting was held on 3 May 2019. Chairmen of SG13 and SG17 met the CTOs there.",
])
def test_a_group_named_in_passing_before_met_is_no_group_meeting(text):
    assert all(m.kind != "StudyGroupMeeting" for m in meetings(text + "\n"))


def test_acronyms_in_capitals_keep_their_spelling_as_a_name():
    assert only("ITU-T SG20 held its first meeting in Geneva on 3-4 May 2016.\n").name == "ITU-T SG20"


# -- names ---------------------------------------------------------------------------------------------------

def test_a_regional_group_meeting_keeps_the_whole_name_of_its_region():
    m = only("The meeting of the SG3 Regional Group for Latin America and the Caribbean took place on 31 July 2013.\n")
    assert m.name == "meeting of the SG3 Regional Group for Latin America and the Caribbean"


@pytest.mark.parametrize("text, name", [
    ("The ITU Regional Standardization Forum for the Americas was held in Asunción, Paraguay, on 29-30 July 2013.",
     "ITU Regional Standardization Forum for the Americas"),
    ("This Regional Forum for Africa was held in Kigali on 3 May 2018.", "Regional Forum for Africa"),
])
def test_a_forum_is_named_without_its_article_and_with_its_region(text, name):
    assert only(text + "\n").name == name
