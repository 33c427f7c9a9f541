"""Tables of participants (texts and pages written for these tests): a heading row names what each column holds
(ontology/reference/table-columns.csv), whatever separates the cells: tabs, Markdown bars, the '; ' an HTML or
Word table is read as, or a PDF's runs of spaces."""
from __future__ import annotations

import pytest
from extract_fixtures import facts_of

from itukg.graph.extract.meetings import extract
from itukg.graph.read import read_document

OPENING = "CTO meeting\n\nThe ITU CTO meeting took place in Geneva on 5 May 2019.\n\n"
ROWS = [("Ana Costa", "CTO", "Apex Mobile", "Kenya"), ("Kofi Mensah", "VP Technology", "Beta Telecom", "Ghana")]


def _table(sep: str, outer: str = "") -> str:
    lines = [outer + sep.join(("Name", "Title", "Company", "Country")) + outer]
    if outer:
        lines.append("|---|---|---|---|")
    lines += [outer + sep.join(row) + outer for row in ROWS]
    return "\n".join(lines) + "\n"


def _read(m):
    parts = {p.organization.label: p.country.label if p.country else None for p in m.participations}
    people = {p.name: (p.post.label if p.post else None, p.affiliation.label if p.affiliation else None,
                       p.country.label if p.country else None) for p in m.people}
    return parts, people


@pytest.mark.parametrize("table", [_table("\t"), _table(" | ", "| "), _table("; "), _table("    ")],
                         ids=["tabs", "markdown", "semicolons", "spaces"])
def test_a_participants_table_gives_organizations_countries_and_people_with_their_posts(table):
    (m,) = facts_of(OPENING + "Participants\n\n" + table).meetings
    parts, people = _read(m)
    assert parts == {"Apex Mobile": "Kenya", "Beta Telecom": "Ghana"}
    assert people == {"Ana Costa": ("CTO", "Apex Mobile", "Kenya"), "Kofi Mensah": ("VP Technology", "Beta Telecom", "Ghana")}


def test_an_html_table_of_participants(tmp_path):
    cells = "".join(f"<tr><td>{n}</td><td>{t}</td><td>{c}</td><td>{k}</td></tr>" for n, t, c, k in ROWS)
    page = tmp_path / "cto.html"
    page.write_text("<html><body><h1>CTO meeting</h1><p>The ITU CTO meeting took place in Geneva on 5 May 2019.</p>"
                    "<table><tr><th>Name</th><th>Title</th><th>Company</th><th>Country</th></tr>" + cells +
                    "</table></body></html>", encoding="utf-8")
    (m,) = extract(read_document(page)).meetings
    parts, people = _read(m)
    assert parts == {"Apex Mobile": "Kenya", "Beta Telecom": "Ghana"}
    assert people["Ana Costa"] == ("CTO", "Apex Mobile", "Kenya")


def test_a_table_of_something_else_is_no_participants_table():
    (m,) = facts_of(OPENING + "Date\tSession\tRoom\n5 May\tOpening\tPopov\n5 May\tPanel on AI\tPopov\n").meetings
    assert m.participations == [] and m.people == []


def test_a_blank_line_ends_a_table():
    (m,) = facts_of(OPENING + "Name\tCompany\nAna Costa\tApex Mobile\n\nLater\tSomething Else\n").meetings
    assert {p.organization.label for p in m.participations} == {"Apex Mobile"}


COLUMNS = ("Annex A - List of participants\n\n"
           "Ana Costa            Apex Mobile Ltd (Kenya) - Rapporteur Q8/17\n"
           "Kofi Mensah          Example Cyber Agency (ECA) (Ghana)\n"
           "Jan de Vries         Beta Telecom B.V. (Netherlands)\n"
           "Mary Roe             TSB\n")


def test_a_list_in_columns_with_no_heading_row_gives_each_persons_body_country_and_post():
    (m,) = facts_of(OPENING + COLUMNS).meetings
    parts, people = _read(m)
    assert parts == {"Apex Mobile Ltd": "Kenya", "Example Cyber Agency": "Ghana", "Beta Telecom B.V.": "Netherlands"}
    assert people["Ana Costa"] == ("Rapporteur Q8/17", "Apex Mobile Ltd", "Kenya")
    assert people["Jan de Vries"] == (None, "Beta Telecom B.V.", "Netherlands")
    assert not any(name in parts for name in ("Ana Costa", "Kofi Mensah", "Mary Roe"))  # names are no bodies


def test_a_list_in_columns_whose_second_column_is_a_post_body_and_country_is_read_as_entries():
    text = OPENING + ("Participants\n\nAna Costa            CTO, Apex Mobile, Kenya\n"
                      "Kofi Mensah          Vice President, Beta Telecom, Ghana\n"
                      "Mary Roe             Director, Gamma Networks, Japan\n")
    (m,) = facts_of(text).meetings
    parts, people = _read(m)
    assert parts == {"Apex Mobile": "Kenya", "Beta Telecom": "Ghana", "Gamma Networks": "Japan"}


def test_a_body_and_its_country_opening_a_persons_line_before_a_dash():
    text = OPENING + ("Participants\n\n"
                      "Jangsu Example Networks (Republic of Korea) — Seo Yeon-woo, Executive Vice President and Head of\n"
                      "   Network Technology\n"
                      "Nordkap Example Systems AB (Sweden) — Johan Lindqvist-Berg, Head of Standardization\n"
                      "Example Communications Authority (ECA) (Ghana) — Mr Kofi Mensah, Director\n")
    (m,) = facts_of(text).meetings
    parts, people = _read(m)
    assert parts == {"Jangsu Example Networks": "Republic of Korea", "Nordkap Example Systems AB": "Sweden",
                     "Example Communications Authority": "Ghana"}
    assert people["Johan Lindqvist-Berg"][1:] == ("Nordkap Example Systems AB", "Sweden")
    # (the post goes on over the indented line under it)
    assert people["Seo Yeon-woo"] == ("Executive Vice President and Head of Network Technology", "Jangsu Example Networks",
                                      "Republic of Korea")


def test_a_post_after_a_dash_at_the_end_of_a_persons_entry_leaves_its_body_and_country():
    text = OPENING + ("Participants\n\n"
                      "Kerem Example, Chief Technology Officer, Bosphorus Example Ltd (Turkey) – Chair\n"
                      "Ada Eze, Chief Technology Officer, Niger Example Communications Plc (Nigeria)\n"
                      "Paul Roe, CTO, Vistula Example Cloud S.A. (Poland)\n")
    (m,) = facts_of(text).meetings
    parts, _ = _read(m)
    assert parts["Bosphorus Example Ltd"] == "Türkiye" and "Kerem Example" not in parts


def test_a_dotted_legal_form_before_a_dashed_post_keeps_the_line_one_entry():
    text = OPENING + ("Participants:\n"
                      "Kerem Example, Chief Technology Officer, Bosphorus Example A.Ş. (Türkiye) – Chair\n"
                      "Ravi Example, CTO, Deccan Example Fibre Pvt. Ltd. (India)\n"
                      "Paul Roe, CTO, Vistula Example Cloud S.A. (Poland) – Vice-Chair\n")
    (m,) = facts_of(text).meetings
    parts, people = _read(m)
    assert parts == {"Bosphorus Example A.Ş.": "Türkiye", "Deccan Example Fibre Pvt. Ltd.": "India",
                     "Vistula Example Cloud S.A.": "Poland"}
    assert people["Ravi Example"] == ("CTO", "Deccan Example Fibre Pvt. Ltd.", "India")


FIXED_WIDTH = (
    "Attendance\n\n"
    "Name                 Company               Country               Capacity\n"
    "-------------------  --------------------  --------------------  --------------------\n"
    "Lena Vasquez         Orrin Networks        Chile                 Chief Technology Officer\n"
    "Hamid Rostami        Dunefield Telecom     United Arab Emirates  Group CTO\n"
    "Joon Park            -                     -                     Vice-Chair, TSAG\n"
    "Petra Lund           Orrin Networks        Chile                 Secretary\n"
)


def test_a_fixed_width_table_is_cut_where_its_headings_start_even_where_two_spaces_part_two_cells():
    """A plain-text table set out in columns under a rule of dashes: a long country leaves two spaces before the next
    cell, and the row is still read cell by cell ('Capacity' heads the posts)."""
    (m,) = facts_of(OPENING + FIXED_WIDTH).meetings
    parts, people = _read(m)
    assert parts["Dunefield Telecom"] == "United Arab Emirates"
    assert people["Hamid Rostami"] == ("Group CTO", "Dunefield Telecom", "United Arab Emirates")
    assert people["Lena Vasquez"][0] == "Chief Technology Officer"


def test_a_post_ending_one_row_is_not_taken_for_the_post_of_the_name_opening_the_next():
    (m,) = facts_of(OPENING + FIXED_WIDTH).meetings
    posts = {p.post.label for p in m.people if p.name == "Petra Lund" and p.post}
    assert posts == {"Secretary"}


def test_a_tables_heading_row_and_a_styled_person_thanked_with_a_company_are_no_organizations():
    facts = facts_of(OPENING + FIXED_WIDTH + "\nThe Chair thanked Mr Rostami and Dunefield Telecom for their support.\n")
    labels = {o.label for o in facts.organizations} | {p.organization.label for m in facts.meetings
                                                        for p in m.participations}
    assert not any("Company" in label or "Rostami" in label for label in labels)


TWO_SPACES = (
    "■ Main participants (excerpt)\n"
    "・Ren Mizutani  Hoshikawa Telecom Corporation  Executive Officer CTO (Japan)\n"
    "・Greta Lindqvist  Nordvik Example Systems AB  Chief Technology Officer (Sweden)\n"
    "・Chidi Okafor  Lagoon Broadband  CTO (Nigeria)\n"
    "・Aya Kisaragi  Kisaragi Electric Co., Ltd.  Managing Director, CTO (Japan)\n"
)


def test_a_list_in_columns_two_spaces_apart_gives_each_persons_body_post_and_country():
    (m,) = facts_of(OPENING + TWO_SPACES).meetings
    parts, people = _read(m)
    assert parts == {"Hoshikawa Telecom Corporation": "Japan", "Nordvik Example Systems AB": "Sweden",
                     "Lagoon Broadband": "Nigeria", "Kisaragi Electric Co., Ltd.": "Japan"}
    assert people["Ren Mizutani"] == ("Executive Officer CTO", "Hoshikawa Telecom Corporation", "Japan")
    assert people["Chidi Okafor"] == ("CTO", "Lagoon Broadband", "Nigeria")


def test_prose_with_two_spaces_after_its_sentences_is_no_list_in_columns():
    from itukg.graph.extract.text import two_space_columns

    prose = ("The meeting opened.  Ana Example spoke first.  Then the CTOs met.\n"
             "They agreed on AI.  Kofi Example spoke next.  The chair closed it.\n"
             "Lunch was served.  The group photo followed.  Everyone left.\n")
    assert two_space_columns(prose) == prose


def test_a_styled_name_or_a_company_with_its_legal_form_after_a_comma_keeps_its_row_in_a_list_in_columns():
    rows = ("Main participants\n"
            "・Dr. Min-jun Example  Example Hanul Networks  CTO (Republic of Korea)\n"
            "・Aya Kisaragi  Kisaragi Example Electric Co., Ltd.  CTO (Japan)\n"
            "・Chidi Okafor  Lagoon Example Broadband  CTO (Nigeria)\n")
    (m,) = facts_of(OPENING + rows).meetings
    parts, people = _read(m)
    assert parts == {"Example Hanul Networks": "Republic of Korea", "Kisaragi Example Electric Co., Ltd.": "Japan",
                     "Lagoon Example Broadband": "Nigeria"}
    assert people["Aya Kisaragi"] == ("CTO", "Kisaragi Example Electric Co., Ltd.", "Japan")
