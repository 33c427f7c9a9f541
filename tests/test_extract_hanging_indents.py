"""Reports laid out with hanging indents (a numbered clause or a 'Label:' column, its text wrapped under where the
text starts), as a PDF's text gives them: a sentence runs on under the indent, the facts keep the original's offsets,
and a list aligned under a label's value keeps one entry a line (our own text)."""
from __future__ import annotations

from datetime import date

from extract_fixtures import facts_of

from itukg.graph.extract.text import dehang

_REPORT = """INTERNATIONAL TELECOMMUNICATION UNION                       TSAG-R 40
TELECOMMUNICATION STANDARDIZATION SECTOR                    Original: English
                                                            Geneva, 3-7 March 2031
Title:      Report of the third meeting of the Telecommunication Standardization
            Advisory Group (Geneva, 3-7 March 2031)

1           Opening of the meeting
1.1         The third meeting of the Telecommunication Standardization Advisory
            Group (TSAG) in the 2029-2032 study period was held in Geneva,
            Switzerland, from 3 to 7 March 2031, under the chairmanship of Ms
            Oriane Valdeblanc (Belgium). Remote participation was provided.
1.2         A joint session with the Study Group Leadership Assembly, held in
            Geneva, Switzerland, on 2 March 2031, reviewed the coordination of
            work on digital twins and quantum-safe networks across study groups.

2           Management team
            Chair:        Oriane Valdeblanc (Belgium)
            Vice-chairs:  Tanvir Qadri-Holm (Bangladesh)
                          Marisol Echeverría Lindqvist (Chile and Sweden jointly)
                          Kofi Adomako-Rask (Ghana)
"""


def test_a_clause_wrapped_under_its_hanging_indent_is_read_as_one_sentence():
    facts = facts_of(_REPORT)
    by_kind = {m.kind: m for m in facts.meetings if m.start}
    tsag = by_kind["TSAGMeeting"]
    assert (tsag.start, tsag.end) == (date(2031, 3, 3), date(2031, 3, 7))
    assert tsag.place is not None and tsag.place.label == "Geneva"
    sgla = by_kind["LeadershipAssembly"]
    assert (sgla.start, sgla.end) == (date(2031, 3, 2), date(2031, 3, 2))


def test_facts_read_from_joined_lines_point_into_the_original_text():
    facts = facts_of(_REPORT)  # checks every span against the original, as the SHACL gate will
    tsag = next(m for m in facts.meetings if m.kind == "TSAGMeeting" and m.start)
    assert tsag.date_span is not None
    assert _REPORT[tsag.date_span.start:tsag.date_span.end].split() == tsag.date_span.quote.split()
    assert facts.text == _REPORT


def test_a_list_aligned_under_a_label_s_value_keeps_one_entry_a_line():
    text, where = dehang(_REPORT)
    assert where is not None and len(where) == len(text) + 1
    assert "Advisory Group (TSAG) in the 2029-2032 study period was held in Geneva, Switzerland, from 3" in text
    assert "(Bangladesh)\n" in text and "jointly)\n" in text
    assert all(text[i] == _REPORT[where[i]] or text[i] == " " for i in range(len(text)))


def test_text_without_hanging_indents_is_left_as_it_is():
    plain = "The CTO meeting was held in Lima, Peru, on 4 May 2030.\n" * 6
    assert dehang(plain) == (plain, None)


_CLAUSE_OF_TWO_SENTENCES = """REPORT OF THE MEETING                                              TSAG-R 41
1           General
1.1         The fourth meeting of TSAG was held in Geneva, Switzerland, from 8 to 12 December 2031.
            Contributions were received from Member States and from Sector
            Members, including Lumen Example Networks (Chile), Borealis Example
            Telecom (Finland) and Kaveri Example Systems (India).
"""


def test_a_sentence_that_opens_under_the_indent_runs_on_over_its_wrapped_lines():
    text, where = dehang(_CLAUSE_OF_TWO_SENTENCES)
    assert "from Sector Members, including Lumen Example Networks (Chile), Borealis Example Telecom (Finland)" in text
    m = next(m for m in facts_of(_CLAUSE_OF_TWO_SENTENCES).meetings if m.start)
    countries = {p.organization.label: p.country.label if p.country else None for p in m.participations}
    assert countries == {"Lumen Example Networks": "Chile", "Borealis Example Telecom": "Finland",
                         "Kaveri Example Systems": "India"}
