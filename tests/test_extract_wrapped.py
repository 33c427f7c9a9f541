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


NUMBERED = """REPORT OF THE FOURTH MEETING OF TSAG

1.1     The fourth meeting of the Telecommunication Standardization Advisory
Group (TSAG) was held at ITU headquarters, Geneva, from 7 to 10 March 2033.
It was opened by the Chairman, who recalled the decisions taken at the third
meeting (Oslo, 3-6 October 2032).

6.1     TSAG noted that WTSA-36 will be held in Buenos Aires, Argentina,
from 20 to 29 November 2036, and that the Global Standards Symposium will
precede it at the same venue.

7.1     Working Party 1/TSAG, chaired by Mr Jean-Baptiste Example-Ouedraogo,
        met on 8 March 2033.

8.1     TSAG agreed to hold its next meeting in Geneva from 16 to 20 January
2034.
"""


def test_a_numbered_paragraph_of_a_pdf_goes_on_over_its_flush_left_lines_not_over_indented_ones():
    text = unwrap(NUMBERED)
    assert "Telecommunication Standardization Advisory Group (TSAG)" in text
    assert "Buenos Aires, Argentina, from 20 to 29 November 2036," in text
    # joined, an indented line would put a run of spaces inside the name it continues
    assert "Example-Ouedraogo,\n" in text
    assert len(text) == len(NUMBERED)


def test_the_meetings_of_numbered_paragraphs_keep_their_dates_and_places_over_the_wraps():
    facts = extract(Text(source="r.txt", name="r.txt", sha256="0" * 64, text=NUMBERED, media_type="text/plain",
                         encoding="utf-8"))
    ms = {(m.kind, m.start): m for m in facts.meetings}
    assert ms[("TSAGMeeting", date(2033, 3, 7))].ordinal[0] == 4
    assert ms[("Conference", date(2036, 11, 20))].place.label == "Buenos Aires"
    # 'TSAG noted that WTSA-36 will be held ...' reports the assembly in passing: the report's text goes on after it,
    # and its next meeting is TSAG's
    assert ms[("TSAGMeeting", date(2033, 3, 7))].next_meeting.start == date(2034, 1, 16)


def test_a_meetings_name_joined_over_an_indented_line_is_still_the_series_name():
    text = ("Regional news\n\n"
            "The regional workshop on standardization was held in Accra on 5 May 2036. It\n"
            "brought together experts from eleven countries of the region, who reviewed\n"
            "the work of the study groups on quality of service, and noted that the Global\n"
            "   Standards Symposium (GSS-36) will be held in Buenos Aires on 19 November\n"
            "2036, ahead of the assembly there, and that they would all take part in it.\n")
    facts = extract(Text(source="g.txt", name="g.txt", sha256="0" * 64, text=text, media_type="text/plain",
                         encoding="utf-8"))
    (gss,) = [m for m in facts.meetings if m.kind == "Symposium"]
    assert gss.start == date(2036, 11, 19) and gss.series is not None
    assert gss.series.label == "Global Standards Symposium"


WRAPPED_LIST = """\
The fourth ITU-T CTO meeting took place in Accra on 3 May 2031, hosted by Example Telecom Ghana.
It reviewed the work of the study groups on quality of service and on the security of networks and services.

Participants

Apex Example Mobile (Kenya), Beta Sample Institute (Ghana), Gamma Example Networks
(Japan), Delta Sample Telecom (Brazil), Epsilon Example Systems (Czech Republic), Zeta
Sample Communications (France), Eta Example Digital (Viet Nam), Theta Sample Telecom (Viet
Nam), Iota Example Fibre (United Arab Emirates), Kappa Sample Mobile (Finland).
"""


def test_an_inline_list_of_bodies_with_their_countries_is_joined_over_its_wraps():
    text = unwrap(WRAPPED_LIST)
    assert "Gamma Example Networks (Japan)" in text and "Zeta Sample Communications (France)" in text
    assert "Theta Sample Telecom (Viet Nam)" in text
    facts = extract(Text(source="p.txt", name="p.txt", sha256="0" * 64, text=WRAPPED_LIST, media_type="text/plain",
                         encoding="utf-8"))
    (m,) = facts.meetings
    countries = {p.organization.label: p.country.label if p.country else None for p in m.participations}
    assert countries["Gamma Example Networks"] == "Japan" and countries["Zeta Sample Communications"] == "France"
    assert countries["Theta Sample Telecom"] == countries["Eta Example Digital"] is not None and len(countries) == 10
