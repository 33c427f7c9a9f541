"""A meeting whose name says its year ('WTSA-24', 'PP-22', '2014 Example Conference') is not dated by a date of
another year in its sentence (texts written for these tests)."""
from __future__ import annotations

from datetime import date

from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text


def _meetings(text: str):
    facts = extract(Text(source="y.txt", name="y.txt", sha256="7" * 64, text=text, media_type="text/plain",
                         encoding="utf-8"))
    return facts.meetings


def test_an_assembly_named_with_its_year_does_not_take_a_later_meetings_date():
    ms = _meetings("The fifth Study Group Leadership Assembly gathered the chairs appointed by WTSA-24 in Geneva "
                   "on 20 January 2025.\n")
    dated = [(m.kind, m.start) for m in ms if m.start]
    assert dated == [("LeadershipAssembly", date(2025, 1, 20))], dated


def test_an_edition_held_in_a_later_year_alone_in_its_sentence_keeps_its_date():
    ms = _meetings("The Global Standards Symposium (GSS-20) was held on 23 February 2022 in Geneva.\n")
    assert [(m.kind, m.start) for m in ms] == [("Symposium", date(2022, 2, 23))]


def test_a_date_of_the_named_year_still_dates_the_meeting():
    ms = _meetings("WTSA-24 was held in New Delhi from 15 to 24 October 2024.\n")
    assert [(m.kind, m.start, m.end) for m in ms] == [("Conference", date(2024, 10, 15), date(2024, 10, 24))]


def test_the_vocabulary_committee_is_an_itu_t_group_not_an_organization():
    facts = extract(Text(source="g.txt", name="g.txt", sha256="8" * 64, media_type="text/plain", encoding="utf-8",
                     text="The TSAG meeting in Geneva on 3 May 2023 heard a report of the Standardization Committee "
                          "for Vocabulary (SCV) on new terms.\n"))
    groups = {g.label for m in facts.meetings for g in m.groups_mentioned}
    assert "Standardization Committee for Vocabulary" in groups
    assert not any("Vocabulary" in o.label for o in facts.organizations)
