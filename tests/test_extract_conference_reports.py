"""A journal's or a blog's report of a symposium: its speakers named with their bodies, and the earlier editions it
compares it with, each placed and dated by its brackets."""
from __future__ import annotations

from extract_fixtures import facts_of

REPORT = """\
Conference report

GSS-36 took place in Nairobi on 4 November 2036, ahead of the assembly.

The first panel brought together regulators and industry; Anna Example-Berg of Fjordline Sample (Norway) made the
case for conformity assessment, while Tomas Samplewood of Kestrel Example Mobile (United Kingdom) warned against
overlapping frameworks.

Comparisons with earlier editions are instructive. At GSS-28 in Seoul, Republic of Korea (2028), the debate centred
on cooperation among standards bodies; at GSS-32 in Lima, Peru (2032), on smart cities. GSS-24 in New Delhi, India
(2024) was the first to devote a session to artificial intelligence.
"""


def test_a_name_of_a_body_with_its_country_in_brackets_is_a_person_of_that_body():
    facts = facts_of(REPORT)
    people = {p.name: (p.affiliation.label if p.affiliation else None, p.country.label if p.country else None)
              for m in facts.meetings for p in m.people}
    assert people["Anna Example-Berg"] == ("Fjordline Sample", "Norway")
    assert people["Tomas Samplewood"] == ("Kestrel Example Mobile", "United Kingdom")


def test_earlier_editions_are_dated_by_the_year_in_brackets_after_their_place_and_held_at_no_other_edition():
    facts = facts_of(REPORT)
    editions = {m.name: (m.start.year if m.start else None, m.place.label if m.place else None, m.co_located)
                for m in facts.meetings}
    assert editions["GSS-28"] == (2028, "Seoul", None)
    assert editions["GSS-32"] == (2032, "Lima", None)
    assert editions["GSS-24"] == (2024, "New Delhi", None)


def test_two_meetings_named_together_in_a_title_share_the_place_after_them():
    text = ("Conference report\n\nFrom symposium to assembly: GSS-36 and WTSA-36 in Nairobi\n\nAna Example\n"
            "Centre for Digital Governance, University of Example, Portugal\n\n"
            "GSS-36 took place on 4 November 2036 under the theme of inclusion.\n")
    (gss,) = [m for m in facts_of(text).meetings if m.start is not None]
    assert gss.place is not None and gss.place.label == "Nairobi"
