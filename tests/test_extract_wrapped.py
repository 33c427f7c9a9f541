"""Hard-wrapped prose (a PDF's lines, text wrapped at a fixed width): a sentence runs over line breaks, while
headings, one-item-per-line lists and tables keep their lines (our own text)."""
from __future__ import annotations

from datetime import date

from itukg.graph.build import check
from itukg.graph.extract.meetings import extract
from itukg.graph.extract.text import unwrap
from itukg.graph.read import Text

WRAPPED = """Regional standardization news

The regional CTO meeting for the Americas was held in Buenos
Aires, Argentina on 5 May 2031, hosted by the Examplian Telecom
Authority. Participants included Apex Mobile, Brio Networks and
Cobalt Systems, who discussed the future of networks and called on
the study groups to speed up their work on artificial intelligence.

Participating organizations:
Apex Mobile
Brio Networks
"""


def test_unwrap_joins_wrapped_lines_only_and_keeps_every_offset():
    out = unwrap(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "held in Buenos Aires, Argentina" in out
    assert "Regional standardization news\n" in out  # a heading stays on its line
    assert "organizations:\nApex Mobile\nBrio Networks\n" in out  # so does a list
    assert unwrap("Short line\nanother short one\nand a third\nand a fourth\n") == \
        "Short line\nanother short one\nand a third\nand a fourth\n"


def test_a_meeting_written_over_wrapped_lines():
    doc = Text(source="w.txt", name="w.txt", sha256="5" * 64, text=WRAPPED, media_type="text/plain",
               encoding="utf-8")
    (m,) = extract(doc).meetings
    assert (m.start, m.place.label, m.host.label) == (date(2031, 5, 5), "Buenos Aires", "Examplian Telecom Authority")
    assert {p.organization.label for p in m.participations} >= {"Apex Mobile", "Brio Networks", "Cobalt Systems"}


def test_its_evidence_quotes_the_document_as_written_and_conforms(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    (outcome,) = check([path])
    assert outcome.error is None and outcome.conforms, outcome.report and outcome.report.problems()
