"""Date mentions: what is found, what is not, and that every span points at its quote."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from itukg.graph.extract.dates import DateMention, find_dates, find_months, infer_year

D = date

# (text, [(start, end, quote), ...]) with every year written in the mention itself.
CASES = [
    ("The meeting took place in Geneva, Switzerland, on 14 March 2017.",
     [(D(2017, 3, 14), D(2017, 3, 14), "14 March 2017")]),
    ("The workshop was held from 26 February – 2 March 2018 in Bangkok, Thailand.",
     [(D(2018, 2, 26), D(2018, 3, 2), "26 February – 2 March 2018")]),
    ("Held on Monday, 3rd December 2018 at ITU headquarters.",
     [(D(2018, 12, 3), D(2018, 12, 3), "Monday, 3rd December 2018")]),
    ("The assembly met on 9 and 10 September 2019 in Budapest.",
     [(D(2019, 9, 9), D(2019, 9, 10), "9 and 10 September 2019")]),
    ("The forum is scheduled for June 30–July 2, 2021, online.",
     [(D(2021, 6, 30), D(2021, 7, 2), "June 30–July 2, 2021")]),
    ("Geneva, 9 September 2018",
     [(D(2018, 9, 9), D(2018, 9, 9), "9 September 2018")]),
    # two days in figures joined by a dash or 'to' are one range; two far apart, or with 'and', are two days
    ("ahead of the Assembly (Dubai, 20.11.2012–29.11.2012)",
     [(D(2012, 11, 20), D(2012, 11, 29), "20.11.2012–29.11.2012")]),
    ("The forum ran from 20/11/2012 to 23/11/2012.",
     [(D(2012, 11, 20), D(2012, 11, 23), "20/11/2012 to 23/11/2012")]),
    # days, then the month and year they share ('from 8 to 11/7/2019', as a news item in translation writes them)
    ("In days from 8 to 11/7/2019, at Seoul city, the meeting was held.",
     [(D(2019, 7, 8), D(2019, 7, 11), "8 to 11/7/2019")]),
    ("Deadlines: 3.5.2019 and 9.9.2019.",
     [(D(2019, 5, 3), D(2019, 5, 3), "3.5.2019"), (D(2019, 9, 9), D(2019, 9, 9), "9.9.2019")]),
    ("Period: 1.1.2019 - 1.6.2019",
     [(D(2019, 1, 1), D(2019, 1, 1), "1.1.2019"), (D(2019, 6, 1), D(2019, 6, 1), "1.6.2019")]),
    # the year first, with dots or slashes, a range after a tilde (as East Asian newsletters write days)
    ("Date : 2026.02.16(Mon) ~ 02.17(Tue)",
     [(D(2026, 2, 16), D(2026, 2, 17), "2026.02.16(Mon) ~ 02.17(Tue)")]),
    ("after the Assembly (2028.10.10~19, Seoul)",
     [(D(2028, 10, 10), D(2028, 10, 19), "2028.10.10~19")]),
    ("published 2027/03/04",
     [(D(2027, 3, 4), D(2027, 3, 4), "2027/03/04")]),
    # a text that writes a day first where it cannot be mistaken ('25/3/2026') writes all its days so
    ("Ha Noi, 25/3/2026. The previous one was held on 12/11/2024.",
     [(D(2026, 3, 25), D(2026, 3, 25), "25/3/2026"), (D(2024, 11, 12), D(2024, 11, 12), "12/11/2024")]),
    ("Chief Technology Officers gathered on 09 September 2018.",
     [(D(2018, 9, 9), D(2018, 9, 9), "09 September 2018")]),
    ("The session opened on September 9, 2018, with a keynote.",
     [(D(2018, 9, 9), D(2018, 9, 9), "September 9, 2018")]),
    ("Minutes of the call held September 9 2018 were approved.",
     [(D(2018, 9, 9), D(2018, 9, 9), "September 9 2018")]),
    ("It was agreed on the 9th of September 2018 that the group would continue.",
     [(D(2018, 9, 9), D(2018, 9, 9), "9th of September 2018")]),
    ("TSAG will meet 9-10 September 2019 in Geneva.",
     [(D(2019, 9, 9), D(2019, 9, 10), "9-10 September 2019")]),
    ("TSAG will meet 9 – 10 September 2019 in Geneva.",
     [(D(2019, 9, 9), D(2019, 9, 10), "9 – 10 September 2019")]),
    ("The event runs September 9-10, 2019 at the CICG.",
     [(D(2019, 9, 9), D(2019, 9, 10), "September 9-10, 2019")]),
    ("Delegates convened from 9 to 10 September 2019 to review the work programme.",
     [(D(2019, 9, 9), D(2019, 9, 10), "9 to 10 September 2019")]),
    ("The hackathon (February 26 – March 2, 2018) attracted 40 teams.",
     [(D(2018, 2, 26), D(2018, 3, 2), "February 26 – March 2, 2018")]),
    ("A virtual meeting took place 30 November to 1 December 2020.",
     [(D(2020, 11, 30), D(2020, 12, 1), "30 November to 1 December 2020")]),
    ("The e-meeting spanned 30 December 2019 – 2 January 2020, an unusual choice.",
     [(D(2019, 12, 30), D(2020, 1, 2), "30 December 2019 – 2 January 2020")]),
    ("Dates: December 30, 2019 – January 2, 2020.",
     [(D(2019, 12, 30), D(2020, 1, 2), "December 30, 2019 – January 2, 2020")]),
    ("The kick-off workshop took place 1–4 May 2017.",
     [(D(2017, 5, 1), D(2017, 5, 4), "1–4 May 2017")]),
    ("The kick-off workshop took place 1-4 May, 2017.",
     [(D(2017, 5, 1), D(2017, 5, 4), "1-4 May, 2017")]),
    ("Contributions were due by 2018-09-09.",
     [(D(2018, 9, 9), D(2018, 9, 9), "2018-09-09")]),
    ("Interval 2018-09-09/2018-09-10 (ISO 8601).",
     [(D(2018, 9, 9), D(2018, 9, 10), "2018-09-09/2018-09-10")]),
    ("Report of the meeting (Lisbon, 2031-04-07/11), as approved.",
     [(D(2031, 4, 7), D(2031, 4, 11), "2031-04-07/11")]),
    ("The deadline was Sept. 14, 2020 for all inputs.",
     [(D(2020, 9, 14), D(2020, 9, 14), "Sept. 14, 2020")]),
    ("Registration closes on 1st Feb. 2022, as announced.",
     [(D(2022, 2, 1), D(2022, 2, 1), "1st Feb. 2022")]),
    ("The group met on Tue 5 Nov 2019 and again on Thursday, 21st November 2019.",
     [(D(2019, 11, 5), D(2019, 11, 5), "Tue 5 Nov 2019"),
      (D(2019, 11, 21), D(2019, 11, 21), "Thursday, 21st November 2019")]),
    ("The SGLA session was held on 22 OCTOBER 2019 in the Popov room.",
     [(D(2019, 10, 22), D(2019, 10, 22), "22 OCTOBER 2019")]),
    ("following a call on march 3, 2016.",
     [(D(2016, 3, 3), D(2016, 3, 3), "march 3, 2016")]),
    ("The workshop ran 12th–14th June 2023 back to back with SG13.",
     [(D(2023, 6, 12), D(2023, 6, 14), "12th–14th June 2023")]),
    ("It continued 11 through 15 March 2024.",
     [(D(2024, 3, 11), D(2024, 3, 15), "11 through 15 March 2024")]),
    ("It continued 11 until 15 March 2024.",
     [(D(2024, 3, 11), D(2024, 3, 15), "11 until 15 March 2024")]),
    ("The summit (Monday 9 – Tuesday 10 September 2019) closed with a declaration.",
     [(D(2019, 9, 9), D(2019, 9, 10), "Monday 9 – Tuesday 10 September 2019")]),
    ("The meeting, 28 February—1 March 2024, was chaired by the TSB Director.",
     [(D(2024, 2, 28), D(2024, 3, 1), "28 February—1 March 2024")]),
    ("It was postponed from 12 March 2020 to 14 July 2020.",
     [(D(2020, 3, 12), D(2020, 7, 14), "12 March 2020 to 14 July 2020")]),
    ("Leap day: 29 February 2020 was a Saturday.",
     [(D(2020, 2, 29), D(2020, 2, 29), "29 February 2020")]),
    ("The first session was on 9 September 2018; the second on 10 September 2018.",
     [(D(2018, 9, 9), D(2018, 9, 9), "9 September 2018"),
      (D(2018, 9, 10), D(2018, 9, 10), "10 September 2018")]),
    ("Around 30 experts met on 5 December 2017, 14:00-17:00 CET.",
     [(D(2017, 12, 5), D(2017, 12, 5), "5 December 2017")]),
    ("ITU-T Study Group 12 met on 15-24 January 2019 and WTSA-20 was postponed.",
     [(D(2019, 1, 15), D(2019, 1, 24), "15-24 January 2019")]),
    ("The event (30 December – 2 January 2021) spanned the new year.",
     [(D(2020, 12, 30), D(2021, 1, 2), "30 December – 2 January 2021")]),
    ("Set up on 30 December 2019 – 2 January, then dismantled.",
     [(D(2019, 12, 30), D(2020, 1, 2), "30 December 2019 – 2 January")]),
    ("Two sessions: 9 Sep 2019 and 12 Sep 2019.",
     [(D(2019, 9, 9), D(2019, 9, 9), "9 Sep 2019"),
      (D(2019, 9, 12), D(2019, 9, 12), "12 Sep 2019")]),
    ("Two consecutive days, 31 Dec 2019 and 1 Jan 2020, form one range.",
     [(D(2019, 12, 31), D(2020, 1, 1), "31 Dec 2019 and 1 Jan 2020")]),
    ("The workshop took place on 9\u00a0September\u00a02018 in Geneva.",
     [(D(2018, 9, 9), D(2018, 9, 9), "9\u00a0September\u00a02018")]),
    ("The meeting was held from 14 to\n15 May 2018 in Geneva.",
     [(D(2018, 5, 14), D(2018, 5, 15), "14 to\n15 May 2018")]),
    ("The consultation took place on 12, 13 and 14 June 2018 in Lima.",
     [(D(2018, 6, 12), D(2018, 6, 14), "12, 13 and 14 June 2018")]),
    ("Sessions on 9, 12 and 15 June 2018.",  # not consecutive: the days are not a range
     [(D(2018, 6, 15), D(2018, 6, 15), "15 June 2018")]),
    ("The group met on 12/13 June 2018 in Rome.",
     [(D(2018, 6, 12), D(2018, 6, 13), "12/13 June 2018")]),
    ("It runs from the 10th to the 12th of September 2019.",
     [(D(2019, 9, 10), D(2019, 9, 12), "10th to the 12th of September 2019")]),
    ("It ran from the 30th of May to the 2nd of June 2022.",
     [(D(2022, 5, 30), D(2022, 6, 2), "30th of May to the 2nd of June 2022")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[1][0][2] for c in CASES])
def test_find_dates_table(text, expected):
    found = find_dates(text)
    assert [(m.start, m.end, m.quote) for m in found] == expected
    assert not any(m.year_inferred for m in found)
    for m in found:
        assert text[m.span_start:m.span_end] == m.quote


# Mentions without a year: (text, default_year, [(start, end, quote, year_inferred)])
INFERRED = [
    ("The group met on 9 September in Geneva.", 2018,
     [(D(2018, 9, 9), D(2018, 9, 9), "9 September", True)]),
    ("The group met on September 9 in Geneva.", 2018,
     [(D(2018, 9, 9), D(2018, 9, 9), "September 9", True)]),
    ("The group met on 9-10 September in Geneva.", 2019,
     [(D(2019, 9, 9), D(2019, 9, 10), "9-10 September", True)]),
    ("The group met 30 December – 2 January.", 2020,
     [(D(2019, 12, 30), D(2020, 1, 2), "30 December – 2 January", True)]),
    ("On 9 September 10 delegates were present.", 2018,
     [(D(2018, 9, 9), D(2018, 9, 9), "9 September", True)]),
    ("It was held on 9 Sept.", 2018,  # the abbreviation dot also ends the sentence
     [(D(2018, 9, 9), D(2018, 9, 9), "9 Sept", True)]),
    ("Meet on 2 May or 3 MAY; the chair may 4 times.", 2018,
     [(D(2018, 5, 2), D(2018, 5, 2), "2 May", True),
      (D(2018, 5, 3), D(2018, 5, 3), "3 MAY", True)]),
    ("Held on 9 September and on 3 October 2018.", 2017,
     [(D(2017, 9, 9), D(2017, 9, 9), "9 September", True),
      (D(2018, 10, 3), D(2018, 10, 3), "3 October 2018", False)]),
]


@pytest.mark.parametrize("text,year,expected", INFERRED)
def test_find_dates_with_default_year(text, year, expected):
    found = find_dates(text, default_year=year)
    assert [(m.start, m.end, m.quote, m.year_inferred) for m in found] == expected


def test_no_default_year_skips_yearless_mentions():
    text = "The group met on 9 September and 3-4 October, then on 5 November 2018."
    assert [m.quote for m in find_dates(text)] == ["5 November 2018"]


def test_mention_record():
    (m,) = find_dates("Geneva, 9 September 2018")
    assert m == DateMention(D(2018, 9, 9), D(2018, 9, 9), 8, 24, "9 September 2018", False)


NEGATIVE = [
    "ITU-T Study Group 12",
    "WTSA-20",
    "PP-18",
    "the 2017-2020 study period",
    "Recommendation ITU-T Y.3172",
    "phone 2018-09",
    "31 February 2018",
    "version 1.2.3",
    "24 new Associates in 2018",
    "It was established in September 2018.",
    "09/10/2018",  # ambiguous numeric order: skipped on purpose
    "9/10/2018",
    "31/02/2019",  # unambiguous order, but no such day
    "Recommendation 12.3.2020",
    "version 1.2.2019",
    "03/12/2018",  # slashes: either order
    "0 September 2018",
    "32 May 2019",
    "9 September 2150",
    "9 September 1850",
    "10-9 September 2019",  # end before start
    "5 September – 2 August 2019",  # end before start, not a plausible year roll-over
    "2018-13-01",
    "2018-02-30",
    "Resolution 2 (Rev. Hammamet, 2016)",
    "Questions 1/13 and 2/13 in 2019",
    "ITU-T H.264 | ISO/IEC 14496-10",
    "The May 2019 meeting",
    "March is not a date, nor is 9",
    "The text in Annex 2 may be revised; Appendix 3 may 4 times a year.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_date(text):
    assert find_dates(text) == []
    assert find_dates(text, default_year=2019) == []


def test_nonconsecutive_and_is_not_a_range():
    (m,) = find_dates("Sessions on 9 and 12 September 2019.")
    assert (m.start, m.end, m.quote) == (D(2019, 9, 12), D(2019, 9, 12), "12 September 2019")


def test_find_months():
    text = ("The group was established in July 2018, met on 9 September 2018, "
            "and reported in Sept. 2019 and in December, 2020.")
    months = find_months(text)
    assert [(y, m) for y, m, _ in months] == [(2018, 7), (2019, 9), (2020, 12)]
    assert [text[s:e] for _, _, (s, e) in months] == ["July 2018", "Sept. 2019", "December, 2020"]
    assert find_months("WTSA-20 in 2020, 31 February 2018, 9-10 May 2019") == []


def test_infer_year():
    assert infer_year("TSAG, 9 September 2018 ... 2019 ... 2018 ... Y.2060") == 2018
    assert infer_year("2019 and 2020") == 2020  # tie: the latest
    assert infer_year("Recommendation ITU-T Y.2060, H.264, 1850, 2150") is None
    assert infer_year("no year here") is None
    assert infer_year("the 2017-2020 study period, 2020") == 2020
    # the year of a day written in figures counts ('14.04.2008'), a number after a letter's dot does not
    assert infer_year("14.04.2008 - 16.04.2008 | Tashkent; the study period 2009-2012; Rec. Y.2009") == 2008


def test_days_and_a_month_in_figures_without_a_year_take_the_default_year():
    (d,) = find_dates("In 2 days 24-25/3, at the National Convention Center", default_year=2026)
    assert (d.start, d.end, d.year_inferred) == (D(2026, 3, 24), D(2026, 3, 25), True)
    assert find_dates("Questions Q6-7/16 and 3-4/13 of the study group", default_year=2026) == []
    assert find_dates("In 2 days 24-25/3") == []  # no year to give them


# --------------------------------------------------------------------------- properties

_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December"]
_MONTH_ABBRS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_DASHES = ["-", "–", "—", "\u2212"]
_WORD_DASHES = ["to", "until", "through"]
_PREFIXES = ["", "The meeting was held in Geneva, Switzerland, on ", "Held ", "(",
             "Dates: ", "It took place from ", "Budapest, ", "on\n"]
_SUFFIXES = ["", ".", " in Geneva.", ")", ", and was chaired by the Director.",
             "; see Annex A.", " (hybrid)"]


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


@st.composite
def _rendered(draw):
    """A date or a range written in one of the supported styles, with its true days."""
    d1 = draw(st.dates(D(1990, 1, 1), D(2099, 12, 31)))
    if draw(st.booleans()):
        d2 = d1
    else:
        d2 = min(d1 + timedelta(days=draw(st.integers(0, 500))), D(2099, 12, 31))

    def month(d):
        name = draw(st.sampled_from([_MONTH_NAMES, _MONTH_ABBRS]))[d.month - 1]
        if name in _MONTH_ABBRS and name != "May" and draw(st.booleans()):
            name += "."
        return draw(st.sampled_from([name, name.lower(), name.upper()]))

    def day(d, padded_ok=True):
        return draw(st.sampled_from(
            [str(d.day), _ordinal(d.day)] + ([f"{d.day:02d}"] if padded_ok else [])))

    def dash():
        if d2 - d1 == timedelta(days=1) and draw(st.booleans()):
            return " and "
        if draw(st.booleans()):
            return f" {draw(st.sampled_from(_WORD_DASHES))} "
        left, right = draw(st.sampled_from(["", " "])), draw(st.sampled_from(["", " "]))
        return f"{left}{draw(st.sampled_from(_DASHES))}{right}"

    def weekday(d):
        return draw(st.sampled_from(["", f"{_WEEKDAY_NAMES[d.weekday()]}, ",
                                     f"{_WEEKDAY_NAMES[d.weekday()]} "]))

    comma = lambda: draw(st.sampled_from([" ", ", "]))  # noqa: E731
    styles = ["dmy_range_full", "mdy_range_full", "iso_range"]
    if d1 == d2:
        styles += ["dmy", "dmy_of", "mdy", "iso"]
    if d1.year == d2.year:
        styles += ["dmy_range", "mdy_range"]
        if d1.month == d2.month:
            styles += ["dd_my", "m_dd_y"]
    style = draw(st.sampled_from(styles))

    if style == "dmy":
        text = f"{weekday(d1)}{day(d1)} {month(d1)}{comma()}{d1.year}"
    elif style == "dmy_of":
        text = f"{_ordinal(d1.day)} of {month(d1)} {d1.year}"
    elif style == "mdy":
        text = f"{weekday(d1)}{month(d1)} {day(d1, False)}{comma()}{d1.year}"
    elif style == "iso":
        text = d1.isoformat()
    elif style == "iso_range":
        text = f"{d1.isoformat()}{draw(st.sampled_from(['/', ' – ', ' to ']))}{d2.isoformat()}"
    elif style == "dmy_range_full":
        text = (f"{day(d1)} {month(d1)} {d1.year}{dash()}"
                f"{day(d2)} {month(d2)} {d2.year}")
    elif style == "mdy_range_full":
        text = (f"{month(d1)} {day(d1, False)}, {d1.year}{dash()}"
                f"{month(d2)} {day(d2, False)}, {d2.year}")
    elif style == "dmy_range":
        text = f"{day(d1)} {month(d1)}{dash()}{day(d2)} {month(d2)}{comma()}{d2.year}"
    elif style == "mdy_range":
        text = f"{month(d1)} {day(d1, False)}{dash()}{month(d2)} {day(d2, False)}, {d2.year}"
    elif style == "dd_my":
        text = f"{weekday(d1)}{day(d1)}{dash()}{day(d2)} {month(d2)}{comma()}{d2.year}"
    else:  # m_dd_y
        text = f"{month(d1)} {day(d1, False)}{dash()}{day(d2, False)}, {d2.year}"
    return text, d1, d2


@settings(max_examples=300, deadline=None)
@given(_rendered(), st.sampled_from(_PREFIXES), st.sampled_from(_SUFFIXES),
       st.one_of(st.none(), st.integers(1990, 2099)))
def test_rendered_dates_round_trip(rendered, prefix, suffix, default_year):
    fragment, d1, d2 = rendered
    text = prefix + fragment + suffix
    found = find_dates(text, default_year=default_year)
    assert [(m.start, m.end, m.quote, m.year_inferred) for m in found] == [
        (d1, d2, fragment, False)
    ], text
    assert found[0].span_start == len(prefix)


def _check_spans(text: str, found: list[DateMention]) -> None:
    previous_end = 0
    for m in found:
        assert text[m.span_start:m.span_end] == m.quote
        assert previous_end <= m.span_start < m.span_end  # ordered, non-overlapping
        previous_end = m.span_end
        assert m.quote == m.quote.strip()
        assert m.quote[0] not in "(,;:.-–" and m.quote[-1] not in "),;:.-–"
        assert m.start <= m.end
        assert 1900 <= m.start.year and m.end.year <= 2100


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.integers(1800, 2200)))
def test_arbitrary_text_never_raises(text, default_year):
    _check_spans(text, find_dates(text, default_year=default_year))
    infer_year(text)
    for _, month, (s, e) in find_months(text):
        assert 1 <= month <= 12 and 0 <= s < e <= len(text)


_TOKENS = ["9", "09", "10", "31", "29", "1st", "2nd", "0", "32", "2018", "2019", "1899", "2101",
           "September", "Sept.", "sep", "FEBRUARY", "May", "Monday,", "the", "of", "-", "–", "—",
           "to", "and", "through", ",", ".", "/", "2018-09-09", "2018-02-30", "Geneva,", "(", ")",
           "\n", "WTSA-20", "Y.3172", "12:00"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=14), st.sampled_from(["", " "]),
       st.one_of(st.none(), st.integers(1990, 2099)))
def test_date_like_noise_gives_consistent_spans(tokens, joiner, default_year):
    text = joiner.join(tokens)
    _check_spans(text, find_dates(text, default_year=default_year))


@pytest.mark.parametrize("text, day", [
    ("on 25/10/2018", date(2018, 10, 25)),  # a number over 12 is the day
    ("on 10/25/2018", date(2018, 10, 25)),
    ("on 9.9.2019.", date(2019, 9, 9)),  # day and month the same
    ("28.03.2014", date(2014, 3, 28)),
    ("on 03.12.2018", date(2018, 12, 3)),  # dots: the day first
    ("Lisbon, 3.5.2019", date(2019, 5, 3)),
])
def test_numeric_days_whose_order_cannot_be_mistaken(text, day):
    assert [(d.start, d.end) for d in find_dates(text)] == [(day, day)]


def test_the_number_of_a_programme_s_day_opens_no_range():
    # 'DAY 2 - THURSDAY, 15 MAY 2025': the second day of a programme, not 2 to 15 May
    assert [(d.start, d.end) for d in find_dates("DAY 2 - THURSDAY, 15 MAY 2031 - CTO MEETING")] == \
        [(date(2031, 5, 15), date(2031, 5, 15))]
    assert [(d.start, d.end) for d in find_dates("Session 3 - 14 May 2031")] == [(date(2031, 5, 14), date(2031, 5, 14))]
    assert [(d.start, d.end) for d in find_dates("held on 2 - 3 May 2031")] == [(date(2031, 5, 2), date(2031, 5, 3))]


def test_a_month_then_the_ordinal_day_is_that_day():
    assert [(d.start, d.quote) for d in find_dates("Where were you on September the 10th?", default_year=2031)] == \
        [(date(2031, 9, 10), "September the 10th")]
    assert find_dates("March the 5 people", default_year=2031) == []
