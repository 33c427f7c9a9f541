"""A national delegation in a journal-style report: who led it and whom it included (our own texts)."""
from __future__ import annotations

from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text


def _meeting(text: str):
    (m,) = extract(Text(source="j.txt", name="j.txt", sha256="3" * 64, text=text, media_type="text/plain",
                        encoding="utf-8")).meetings
    return m


def test_a_delegation_led_by_a_ministry_that_included_companies():
    m = _meeting("The fourth meeting of TSAG was held in Geneva from 2 to 6 March 2026. The delegation from "
                 "Korea was headed by the Ministry of Science and ICT and included representatives of Apex "
                 "Mobile, Brio Networks and Cobalt Systems.\n")
    assert {p.organization.label for p in m.participations} == {
        "Ministry of Science and ICT", "Apex Mobile", "Brio Networks", "Cobalt Systems"}

