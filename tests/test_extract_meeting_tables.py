"""Tables whose rows are meetings (texts written for these tests): a report's table of the meetings a company
attended, a page's list of a series' past meetings. The heading row says what each column holds
(ontology/reference/table-columns.csv); each row names one meeting, dated by its date cell."""
from __future__ import annotations

import datetime as dt

import pytest
from extract_fixtures import facts_of

REPORT = ("ACME NETWORKS - ANNUAL REPORT 2026\n\n"
          "Standards\n\n"
          "Our experts took part in the work of ITU-T throughout the year, and our CTO joined the industry's leaders "
          "at several meetings.\n\n"
          "Table 7 - ITU-T meetings attended in 2026\n\n")
ROWS = [("Meeting", "Dates", "Venue", "Our delegates"),
        ("TSAG", "9-13 Mar 2026", "Geneva", "J. Doe"),
        ("Study Group 13", "20-31 Jul 2026", "Seoul", "A. Roe and two experts"),
        ("ITU-T CTO meeting", "4 Nov 2026", "Online", "P. Smith")]


def _table(sep: str, outer: str = "") -> str:
    lines = [outer + sep.join(ROWS[0]) + outer]
    if outer:
        lines.append("|---|---|---|---|")
    lines += [outer + sep.join(row) + outer for row in ROWS[1:]]
    return "\n".join(lines) + "\n"


def _by_kind(facts):
    return {m.kind: m for m in facts.meetings}


@pytest.mark.parametrize("table", [_table("\t"), _table(" | ", "| "), _table("; "), _table("    ")],
                         ids=["tabs", "markdown", "semicolons", "spaces"])
def test_each_row_of_a_table_of_meetings_is_a_meeting_dated_and_placed_by_its_cells(table):
    meetings = _by_kind(facts_of(REPORT + table + "\nWe will go on with this work next year.\n"))
    tsag, sg13, cto = meetings["TSAGMeeting"], meetings["StudyGroupMeeting"], meetings["CTOMeeting"]
    # a group alone in the meeting column names that group's meeting
    assert (tsag.name, tsag.start, tsag.end, tsag.place.label) == ("TSAG meeting", dt.date(2026, 3, 9), dt.date(2026, 3, 13), "Geneva")
    assert (sg13.name, sg13.start, sg13.end, sg13.place.label) == ("Study Group 13 meeting", dt.date(2026, 7, 20),
                                                                   dt.date(2026, 7, 31), "Seoul")
    assert sg13.country.label == "Republic of Korea"
    # 'Online' in the venue column: held online, with no place
    assert cto.start == dt.date(2026, 11, 4) and cto.place is None and cto.attendance[0] == "online"


def test_a_month_said_in_the_text_is_the_meeting_the_table_dates_by_its_days():
    text = (REPORT.replace("at several meetings.", "at several meetings. Two of our experts brought four contributions "
                           "to the Study Group 5 meeting in May.")
            + "Meeting\tDate\tLocation\nStudy Group 5\t12-21 May 2026\tGeneva\n")
    (sg5,) = [m for m in facts_of(text).meetings if m.kind == "StudyGroupMeeting"]
    assert (sg5.start, sg5.end, sg5.place.label) == (dt.date(2026, 5, 12), dt.date(2026, 5, 21), "Geneva")


SERIES = ("Regional CTO meetings\n\n"
          "Since 2011 the Bureau has convened chief technology officers of the region once a year, each time in "
          "another city.\n\n"
          "Past meetings\n\n"
          "No.\tYear\tCity\tHost / occasion\n"
          "1\t2011\tNairobi, Kenya\tExample Wireless Ltd\n"
          "2\t3 Oct 2012\tDubai, United Arab Emirates\tITU Telecom World 2012\n"
          "3\t14 Nov 2013\tGeneva, Switzerland\tITU headquarters\n")


def test_a_series_page_lists_its_past_meetings_by_number_with_their_hosts_and_occasions():
    rows = sorted((m for m in facts_of(SERIES).meetings if m.ordinal), key=lambda m: m.ordinal[0])
    assert [(m.kind, m.ordinal[0], m.place.label, m.country.label) for m in rows] == [
        ("CTOConsultation", 1, "Nairobi", "Kenya"), ("CTOConsultation", 2, "Dubai", "United Arab Emirates"),
        ("CTOConsultation", 3, "Geneva", "Switzerland")]
    first, second, third = rows
    # a year alone dates a meeting to the year
    assert (first.start, first.end, first.precision) == (dt.date(2011, 1, 1), dt.date(2011, 12, 31), "year")
    assert first.host.label == "Example Wireless Ltd" and first.co_located is None
    # an event in the host column is what the meeting was held alongside, not its host
    assert second.start == dt.date(2012, 10, 3) and second.host is None
    assert (second.co_located.series.label, second.co_located.year) == ("ITU Telecom World", 2012)
    # a venue is no host
    assert third.host is None


def test_a_table_of_days_and_rooms_names_no_meetings():
    text = ("ITU-T CTO meeting\n\nThe ITU-T CTO meeting took place in Geneva on 5 May 2019.\n\n"
            "Date\tSession\tRoom\n5 May\tOpening\tPopov\n6 May\tPanel on AI\tPopov\n")
    assert [(m.kind, m.start) for m in facts_of(text).meetings] == [("CTOMeeting", dt.date(2019, 5, 5))]


def test_a_dated_table_under_a_title_that_names_one_meeting_lists_no_meetings_of_its_kind():
    text = ("ITU-T CTO meeting\n\nThe ITU-T CTO meeting took place in Geneva on 5 May 2019.\n\n"
            "Date\tCity\n6 May 2019\tLausanne\n7 May 2019\tBern\n")
    assert [(m.kind, m.start) for m in facts_of(text).meetings] == [("CTOMeeting", dt.date(2019, 5, 5))]


def test_a_web_page_table_read_one_cell_a_line_is_read_too():
    text = (REPORT + "Meeting\nDate\nLocation\n"
            "TSAG\n9-13 Mar 2026\nGeneva\n"
            "Study Group 17\n1-10 Sep 2026\nGeneva\n\nWe will go on with this work next year.\n")
    meetings = _by_kind(facts_of(text))
    assert meetings["TSAGMeeting"].start == dt.date(2026, 3, 9)
    assert (meetings["StudyGroupMeeting"].name, meetings["StudyGroupMeeting"].start) == ("Study Group 17 meeting",
                                                                                        dt.date(2026, 9, 1))


def test_the_nth_meeting_on_a_page_titled_by_its_series_is_one_of_that_series():
    text = ("Regional CTO meetings\n\n"
            "The Bureau convenes the chief technology officers of the region once a year.\n\n"
            "The first meeting took place in Nairobi, Kenya, on 12 May 2011. The second meeting was held in Accra on "
            "3 October 2012. It was hosted by Example Wireless Ltd in its new offices.\n")
    rows = sorted((m for m in facts_of(text).meetings), key=lambda m: m.start)
    assert [(m.kind, m.name, m.ordinal and m.ordinal[0], m.start, m.place.label) for m in rows] == [
        ("CTOConsultation", "Regional CTO meeting", 1, dt.date(2011, 5, 12), "Nairobi"),
        ("CTOConsultation", "Regional CTO meeting", 2, dt.date(2012, 10, 3), "Accra")]
    assert rows[1].host.label == "Example Wireless Ltd" and rows[0].host is None


def test_the_nth_session_the_day_after_a_meeting_is_a_session_of_it_not_another_meeting():
    text = ("ITU-T CTO meeting 2019\n\nThe ITU-T CTO meeting took place in Geneva on 5 May 2019. "
            "The second session was held on 6 May 2019 and discussed security.\n")
    assert [(m.kind, m.start) for m in facts_of(text).meetings] == [("CTOMeeting", dt.date(2019, 5, 5))]


SERIES_IN_CAPITALS = (
    "LOOKING BACK: THE ITU-T CTO MEETINGS, 2027-2030\n\n"
    "Since the CTO meeting format was revised in 2027, industry CTOs have met ITU-T leaders every year.\n\n"
    "YEAR  CITY                 HOST\n"
    "2027  Hobart, Australia    Tasman Link Pty Ltd\n"
    "2028  Quito, Ecuador       Andes Red SA\n"
    "2030  Windhoek, Namibia    Namib Wave Ltd\n\n"
    "The fourth meeting in the series took place on 8 and 9 April 2030 in Windhoek, hosted by Namib Wave Ltd. "
    "It was the first such meeting held in the region outside South Africa.\n"
)


def test_a_table_of_meetings_whose_headings_two_spaces_part_is_read_by_where_its_headings_start():
    meetings = {m.start.year: m for m in facts_of(SERIES_IN_CAPITALS).meetings if m.start is not None}
    assert (meetings[2027].place.label, meetings[2027].host.label) == ("Hobart", "Tasman Link Pty Ltd")
    assert (meetings[2028].place.label, meetings[2028].country.label) == ("Quito", "Ecuador")


def test_the_year_a_table_gives_a_meeting_is_the_meeting_the_text_dates_by_its_days_in_that_place():
    in_2030 = [m for m in facts_of(SERIES_IN_CAPITALS).meetings if m.start is not None and m.start.year == 2030]
    assert [(m.start, m.end, m.place.label, m.ordinal and m.ordinal[0]) for m in in_2030] == [
        (dt.date(2030, 4, 8), dt.date(2030, 4, 9), "Windhoek", 4)]


def test_a_meetings_name_qualifying_a_noun_names_no_meeting():
    text = ("CTO meeting 2030\n\nSince the CTO meeting format was revised in 2027, industry CTOs have met every year. "
            "The ITU-T CTO meeting took place in Windhoek, Namibia, on 8 April 2030.\n")
    assert [m.start.year for m in facts_of(text).meetings] == [2030]


def test_a_place_set_apart_is_not_where_a_meeting_was_held():
    text = "CTO meeting\n\nThe ITU-T CTO meeting, the first one held outside Switzerland, took place on 8 April 2030.\n"
    (m,) = facts_of(text).meetings
    assert m.start == dt.date(2030, 4, 8) and m.country is None


def test_the_gulf_is_no_province_of_papua_new_guinea():
    text = "CTO meeting\n\nThe ITU-T CTO meeting was held in the Gulf region on 3 March 2031.\n"
    (m,) = facts_of(text).meetings
    assert m.country is None or m.country.label != "Papua New Guinea"
