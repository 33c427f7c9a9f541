"""Date expressions in English meeting text, each with its exact character span.

Rule-based on purpose: a few verbose regular expressions (one per written style) built
from one month-name table, with `datetime.date` as the judge of validity. A general
date parser (dateparser, dateutil's fuzzy mode) happily turns "PP-18" or "Y.3172"
into dates and cannot say which characters it used; here every record points back
to the characters it came from, and anything not clearly a day is left alone.

Styles (month names in any case, abbreviated with or without a dot; optional weekday
"Monday, " and ordinal "9th"; between days any of - – — to until through, and "and"
when the two days are consecutive):

* day first: "9 September 2018", "9th of September 2018", "9-10 September 2019",
  "26 February – 2 March 2018", "30 December 2019 – 2 January 2020", "1-4 May, 2017"
* month first: "September 9, 2018", "September 9-10, 2019", "June 30–July 2, 2021",
  "December 30, 2019 – January 2, 2020"
* ISO: "2018-09-09", "2018-09-09/2018-09-10", "2018-09-09/12"
* without a year ("9 September", "September 9-10"): the caller's default year.
* "the week of 3 June 2024": the seven days of that week (Monday to Sunday); "the week beginning (starting,
  commencing) 5 June": seven days from that day.

Not parsed, on purpose:

* Numeric day/month forms such as "09/10/2018": ITU texts use day-first order but
  texts from some authors use month-first, so "09/10" is 9 October or 10 September
  and nothing in the string says which. A wrong guess would silently put a wrong
  date in the graph, so these are skipped. Unambiguous ISO "2018-09-09" is parsed, and
  so is a numeric form whose order cannot be mistaken ("25/10/2018", "10/25/2018",
  "9.9.2019": a number over 12 is the day, or day and month are the same). With dots the day
  comes first ("03.12.2018" is 3 December): month-first writers use slashes.
* Month-only and year-only expressions ("September 2018", "in 2018", "WTSA-20",
  "2017-2020"): they are not days. `find_months` exposes month-year expressions.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

__all__ = ["MONTH_NAMES", "DateMention", "MonthMention", "find_dates", "find_months", "find_partial_dates", "infer_year",
           "month_range"]

MIN_YEAR = 1900
MAX_YEAR = 2100

#: Longest gap a range may span when its start year is implied by rolling back one
#: year ("30 December – 2 January 2020"); a longer implied range is a typo, not a meeting.
MAX_ROLLOVER_DAYS = 62


@dataclass(frozen=True)
class DateMention:
    """One day or one range of days, and where it was written."""

    start: date  # first day
    end: date  # last day (== start for a single day)
    span_start: int  # character offset in the text (inclusive)
    span_end: int  # exclusive
    quote: str  # text[span_start:span_end]
    year_inferred: bool  # True when the year was not written in the mention itself
    precision: str = "day"  # "day", "month" or "year": how much the text says ("in July 2018", "in 2008")


class MonthMention(NamedTuple):
    """A month of a year without a day ("established in July 2018")."""

    year: int
    month: int
    span: tuple[int, int]  # (start inclusive, end exclusive) character offsets


# --------------------------------------------------------------------------- tables

_MONTH_WORDS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
_MONTHS: dict[str, int] = {name: number for number, names in enumerate(_MONTH_WORDS, start=1) for name in names}
#: the months' full names, capitalised ('January' ... 'December'), in their order
MONTH_NAMES = tuple(names[0].capitalize() for names in _MONTH_WORDS)

_WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tues", "tue", "wed", "thurs", "thur", "thu", "fri", "sat", "sun",
)


def is_calendar_word(word: str) -> bool:
    """A month's or a weekday's name ('March', 'Thursday'), as the date readers know them."""
    return word.lower() in _MONTHS or word.lower() in _WEEKDAYS


def _alternation(words) -> str:
    """Longest first, so "sept" is tried before "sep" and "june" before "jun"."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


# --------------------------------------------------------------------------- pieces
# Digits are spelled [0-9]: \d would also accept Arabic-Indic and other digits.

_MONTH_ALT = _alternation(_MONTHS)

#: Optional weekday before a day: "Monday, ", "Tue. ", "Monday the ".
_WD = rf"(?:\b(?:{_alternation(_WEEKDAYS)})\b\.?(?:\s*,\s*|\s+)(?:the\s+)?)?"

#: The day that opens a mention must not continue a word, number, version or code
#: ("Y.12", "1.2", "SG-9", "3/12"), nor count the days, sessions or parts of a programme ("DAY 2 - THURSDAY, 15 MAY" is no range from the 2nd).
_FIRST_DAY_GUARD = r"(?<![\w./+\-])" + "".join(rf"(?<!(?i:\b{w})[ \t])" for w in ("day", "week", "part", "phase", "session"))


def _day(n: int) -> str:
    """A day of month with an optional ordinal suffix ("9", "09", "9th", "1st")."""
    return rf"(?P<d{n}>[0-9]{{1,2}})(?:st|nd|rd|th)?(?!\w)"


def _month(n: int) -> str:
    """A month name or abbreviation (any case), abbreviation dot allowed."""
    return rf"\b(?P<m{n}>{_MONTH_ALT})\b\.?"


def _year(n: int) -> str:
    """Four digits not glued to more digits; the 1900-2100 bound is checked later."""
    return rf"(?P<y{n}>[0-9]{{4}})(?![0-9])"


_SEP = r"(?:\s*,\s*|\s+)"  # "May 2017", "May, 2017", "9, 2018"
_OF = r"(?:\s+of)?\s+"  # "9 September", "9th of September"
_DASH_CHARS = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphen, en/em dashes, minus
_DASH = rf"(?P<dash>\s*[{_DASH_CHARS}]\s*|\s+(?:to|until|till|through|thru|and)\s+)"

#: "the 9th to the 10th of September": the article before the second day of a range
_THE = r"(?:the\s+)?"
#: "12/13 June": two days with a slash between them, read like "12 and 13 June" (consecutive days only)
_DAY_SLASH = r"(?P<slash>/)"

#: a weekday in brackets after a day: '(Mon)', '(Tue.)'
_WEEKDAY_ABBR = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"

_ISO = r"(?P<y{n}>[0-9]{{4}})-(?P<m{n}>[0-9]{{2}})-(?P<d{n}>[0-9]{{2}})"

#: One regex per written style. Group names: d1/m1/y1 for the first day, d2/m2/y2 for
#: the last; a style that writes a part once names it on the side it is written.
_STYLE_SOURCES: dict[str, str] = {
    # 26 February – 2 March 2018 ; 30 December 2019 – 2 January 2020
    "dmy_range": (
        f"{_WD}{_FIRST_DAY_GUARD}{_day(1)}{_OF}{_month(1)}(?:{_SEP}{_year(1)})?"
        f"{_DASH}{_WD}{_THE}{_day(2)}{_OF}{_month(2)}(?:{_SEP}{_year(2)})?"
    ),
    # 9-10 September 2019 ; 9 and 10 September ; 1-4 May, 2017 ; the 9th to the 10th of September ; 12/13 June
    "dd_my_range": (
        f"{_WD}{_FIRST_DAY_GUARD}{_day(1)}(?:{_DASH}|{_DAY_SLASH}){_WD}{_THE}{_day(2)}{_OF}{_month(2)}"
        f"(?:{_SEP}{_year(2)})?"
    ),
    # 12, 13 and 14 June 2018: consecutive days listed one by one
    "dd_list_my": (
        f"{_WD}{_FIRST_DAY_GUARD}{_day(1)}(?P<list>(?:\\s*,\\s*[0-9]{{1,2}}(?:st|nd|rd|th)?)+)\\s*,?"
        f"(?P<dash>\\s+and\\s+){_day(2)}{_OF}{_month(2)}(?:{_SEP}{_year(2)})?"
    ),
    # 9 September 2018 ; Monday, 3rd December 2018 ; 9th of September
    "dmy": f"{_WD}{_FIRST_DAY_GUARD}{_day(1)}{_OF}{_month(1)}(?:{_SEP}{_year(1)})?",
    # February 26 – March 2, 2018 ; December 30, 2019 – January 2, 2020
    "mdy_range": (
        rf"{_WD}{_month(1)}\s+{_day(1)}(?:{_SEP}{_year(1)})?"
        rf"{_DASH}{_WD}{_month(2)}\s+{_day(2)}(?:{_SEP}{_year(2)})?"
    ),
    # September 9-10, 2019
    "m_dd_y_range": rf"{_WD}{_month(1)}\s+{_day(1)}{_DASH}{_WD}{_day(2)}(?:{_SEP}{_year(2)})?",
    # September 9, 2018 ; Monday, September 9 2018 ; September the 10th
    "mdy": rf"{_WD}{_month(1)}\s+(?:the\s+(?=[0-9]{{1,2}}(?:st|nd|rd|th)\b))?{_day(1)}(?:{_SEP}{_year(1)})?",
    # 2025.01.20 ; 2025.01.20(Mon) ~ 01.21(Tue) ; 2024.10.15~24 ; 2019/03/14: year first with dots or slashes (as
    # East Asian documents write days), a range after a tilde or a dash
    "ymd_dotted": (
        r"(?<![\w./\-])(?P<y1>(?:19|20)[0-9]{2})(?P<sep>[./])(?P<m1>[0-9]{1,2})(?P=sep)(?P<d1>[0-9]{1,2})"
        rf"(?:\s*\({_WEEKDAY_ABBR}\))?"
        rf"(?:\s*[~\uff5e{_DASH_CHARS}]\s*(?:(?P<m2>[0-9]{{1,2}})(?P=sep))?(?P<d2>[0-9]{{1,2}})(?:\s*\({_WEEKDAY_ABBR}\))?)?"
        r"(?![0-9]|[./][0-9])"
    ),
    # 2018-09-09/10 ; 2018-09-09/12: the last day alone after the slash (a report's "Geneva, 2029-01-22/26")
    "iso_days": r"(?<![\w./\-])" + _ISO.format(n=1) + r"/(?P<d2>[0-9]{2})(?![0-9]|[-./][0-9])",
    # 2018-09-09 ; 2018-09-09/2018-09-10
    "iso": (
        r"(?<![\w./\-])" + _ISO.format(n=1)
        + rf"(?:(?:\s*/\s*|{_DASH})" + _ISO.format(n=2) + r")?(?![0-9])"
    ),
}

_FLAGS = re.IGNORECASE | re.VERBOSE
_STYLES: dict[str, re.Pattern[str]] = {
    name: re.compile(source, _FLAGS) for name, source in _STYLE_SOURCES.items()
}

#: Styles that begin with the month: "9 September 10 delegates" must read as
#: "9 September", not as "September 10", so these may not follow a bare day number.
_MONTH_FIRST = frozenset({"mdy_range", "m_dd_y_range", "mdy"})
_DAY_BEFORE = re.compile(r"[0-9](?:st|nd|rd|th)?(?:\s+of)?\s*$", re.IGNORECASE)

_MONTH_YEAR = re.compile(
    rf"{_month(1)}{_SEP}{_year(1)}",
    _FLAGS,
)

#: (not 'IMT-2030' nor 'Y.2060'; the year of a day in figures is one: '14.04.2008')
_YEAR_WORD = re.compile(r"(?:(?<![\w.])|(?<=[0-9]{2}[./]))(?<![A-Za-z]-)(?:199[0-9]|20[0-9]{2})(?![0-9])")
#: two years joined ('the 2025-2028 study period', '2017–2020'): a span of years, which dates no day of the text
_YEAR_SPAN = re.compile(r"(?<![\w.])(?:199[0-9]|20[0-9]{2})[ \t]?[-\u2013/][ \t]?(?:199[0-9]|20[0-9]{2})(?![0-9])")


# --------------------------------------------------------------------------- helpers

class _Skip(Exception):
    """Not a mention, but not wrong either (no year known): shorter matches may stand."""


class _Invalid(Exception):
    """A malformed date (31 February, a reversed range): nothing inside it is reported."""


def _month_number(token: str) -> int:
    """Month from a name, or from ISO digits."""
    if token.isdigit():
        return int(token)
    try:
        return _MONTHS[token.casefold()]
    except KeyError:  # a case-insensitive look-alike ("ſept") that is no month name
        raise _Skip from None


def _make(year: int, month: int, day: int) -> date:
    """A real calendar day within the supported years, else `_Invalid`."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _Invalid
    try:
        return date(year, month, day)
    except ValueError:
        raise _Invalid from None


def _resolve(groups: dict[str, str | None], default_year: int | None) -> tuple[date, date, bool]:
    """Fill in the parts written once ("9-10 September 2019") and the missing years."""
    d1_text, d2_text = groups.get("d1"), groups.get("d2")
    first_day, last_day = d1_text or d2_text, d2_text or d1_text
    m1_token = groups.get("m1") or groups.get("m2")
    m2_token = groups.get("m2") or m1_token
    # every style writes a day and a month (_STYLE_SOURCES)
    assert first_day is not None and last_day is not None and m1_token is not None and m2_token is not None
    d1 = int(first_day)
    d2 = int(last_day)
    m1, m2 = _month_number(m1_token), _month_number(m2_token)
    y1_text, y2_text = groups.get("y1"), groups.get("y2")

    inferred = not (y1_text or y2_text)
    if inferred:
        if default_year is None:
            raise _Skip
        y2_text = str(default_year)

    if y1_text and y2_text:
        return _make(int(y1_text), m1, d1), _make(int(y2_text), m2, d2), False
    if y1_text:  # "30 December 2019 – 2 January": the end is in the same or next year
        start = _make(int(y1_text), m1, d1)
        end = _make(int(y1_text), m2, d2)
        if end < start:
            end = _make(int(y1_text) + 1, m2, d2)
            if (end - start).days > MAX_ROLLOVER_DAYS:
                raise _Invalid
        return start, end, inferred
    # only the end year (written or default): the start is in the same or previous year
    assert y2_text is not None  # written, or the default year when none is written
    end = _make(int(y2_text), m2, d2)
    start = _make(int(y2_text), m1, d1)
    if start > end:
        start = _make(int(y2_text) - 1, m1, d1)
        if (end - start).days > MAX_ROLLOVER_DAYS:
            raise _Invalid
    return start, end, inferred


#: a mention's weekday, by the first three letters of its name (Monday is 0, as date.weekday() counts)
_WEEKDAY_FIRST = re.compile(r"\s*(mon|tue|wed|thu|fri|sat|sun)", re.IGNORECASE)
_WEEKDAY_NUMBER = {name[:3]: n for n, name in enumerate(_WEEKDAYS[:7])}


def _on_its_weekday(said: str, first: date, last: date) -> tuple[date, date]:
    """A day written with its weekday and without its year ('Monday, 5 October') is in the year next to the one
    guessed where that day is that weekday: a text that names next year's meetings more often than its own still
    dates its own on the right Monday. The guess stands when it fits, or when neither neighbour does."""
    named = _WEEKDAY_FIRST.match(said)
    if named is None or first.weekday() == _WEEKDAY_NUMBER[named.group(1).lower()]:
        return first, last
    for shift in (-1, 1):
        try:
            moved = first.replace(year=first.year + shift), last.replace(year=last.year + shift)
        except ValueError:  # 29 February
            continue
        if moved[0].weekday() == _WEEKDAY_NUMBER[named.group(1).lower()]:
            return moved
    return first, last


def _consecutive(groups: dict[str, str | None], first: date, last: date) -> bool:
    """Whether the days of a list ('12, 13 and 14 June') follow each other from the first to the last."""
    listed = [int(groups["d1"] or 0), *(int(n) for n in re.findall(r"[0-9]{1,2}", groups.get("list") or "")),
              int(groups["d2"] or 0)]
    return (last - first).days == len(listed) - 1 and all(b - a == 1 for a, b in zip(listed, listed[1:]))


def _candidates(text: str, default_year: int | None):
    """Every match of every style as (start, end, mention or None); None blocks its span."""
    for style, pattern in _STYLES.items():
        for m in pattern.finditer(text):
            start, end = m.span()
            if text[end - 1] == ".":  # "on 9 Sept." ends a sentence: keep the dot out
                end -= 1
            groups = m.groupdict()
            if not (groups.get("y1") or groups.get("y2")):
                if style in _MONTH_FIRST and _DAY_BEFORE.search(text, max(0, start - 16), start):
                    continue
                if "may" in (groups.get("m1"), groups.get("m2")):
                    continue  # "Annex 2 may be revised": the verb, not the month
            try:
                first, last, inferred = _resolve(groups, default_year)
                if inferred:
                    first, last = _on_its_weekday(m.group(), first, last)
                if last < first:
                    raise _Invalid
                dash = "and" if groups.get("slash") else (groups.get("dash") or "").strip().casefold()
                if groups.get("list") is not None and not _consecutive(groups, first, last):
                    raise _Skip  # '9, 12 and 15 June' names three days, not a range
                if dash == "and" and not groups.get("list") and last - first != timedelta(days=1) \
                        and not re.search(r"\bbetween\s+$", text[max(0, start - 12):start], re.IGNORECASE):
                    # "9 and 12 September" names two days, not the days between ("between 9 and 12 September" does)
                    raise _Skip
            except _Skip:
                continue
            except _Invalid:
                yield start, end, None
                continue
            yield start, end, DateMention(first, last, start, end, text[start:end], inferred)
    for m in _NUMERIC_RANGE.finditer(text):  # '14-16/11/2017', '8 to 11/7/2019': days, then the month and year they share
        d1, d2, month, year = int(m.group(1)), int(m.group(2)), int(m.group(4)), int(m.group(5))
        try:
            first, last = _make(year, month, d1), _make(year, month, d2)
        except _Invalid:
            yield m.start(), m.end(), None
            continue
        if first < last:
            yield m.start(), m.end(), DateMention(first, last, m.start(), m.end(), m.group(), False)
    if default_year is not None:
        for m in _NUMERIC_DAYS.finditer(text):  # 'In 2 days 24-25/3': days and a month in figures, no year
            d1, d2, month = int(m.group(1)), int(m.group(2)), int(m.group(3))
            try:
                first, last = _make(default_year, month, d1), _make(default_year, month, d2)
            except _Invalid:
                continue
            if first < last:
                yield m.start(), m.end(), DateMention(first, last, m.start(), m.end(), m.group(), True)
    numeric = [(int(m.group(1)), int(m.group(3))) for m in _NUMERIC.finditer(text)]
    # a text that writes one day first where it cannot be mistaken ('25/3/2026') writes them all so ('12/11/2024')
    day_first = any(a > 12 >= b for a, b in numeric) and not any(b > 12 >= a for a, b in numeric)
    singles: list[DateMention] = []
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if _MINUTE_NUMBER.search(text, max(0, m.start() - 12), m.start()):
            yield m.start(), m.end(), None  # 'MIN. 01/04/2024': a minute's number (item/meeting/year), no day
            continue
        dotted = m.group(2) == "." and b <= 12 and not _NUMBERED_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if a == b or (a > 12 and b <= 12) or dotted or day_first and b <= 12:
            day, month = a, b  # dots are written day first ('03.12.2018' is 3 December), as in German, Russian, Portuguese
        elif b > 12 and a <= 12:
            day, month = b, a
        else:
            yield m.start(), m.end(), None  # '09/10/2018': 9 October or 10 September, nothing says which
            continue
        try:
            one = date(year, month, day)
        except ValueError:
            yield m.start(), m.end(), None
            continue
        singles.append(DateMention(one, one, m.start(), m.end(), m.group(), False))
        yield m.start(), m.end(), singles[-1]
    for one_day, other_day in zip(singles, singles[1:]):  # '20.11.2012–29.11.2012', '20/11/2012 to 29/11/2012': a range
        if _NUMERIC_TO.fullmatch(text, one_day.span_end, other_day.span_start) and \
                one_day.start < other_day.start <= one_day.start + timedelta(days=62):
            a, b = one_day.span_start, other_day.span_end
            yield a, b, DateMention(one_day.start, other_day.start, a, b, text[a:b], False)


#: the word before a minute's number in minutes of meetings ('MIN. 03/04/2024: MATTERS ARISING')
_MINUTE_NUMBER = re.compile(r"\b(?:min|minute)\.?[ \t]*(?:no\.?[ \t]*)?\Z", re.IGNORECASE)
#: '24-25/3': a range of days and their month in figures, without a year (day first; not 'Q6-7/16', no month 16)
_NUMERIC_DAYS = re.compile(r"(?<![\w./-])([0-9]{1,2})[ \t]*[-–][ \t]*([0-9]{1,2})/([0-9]{1,2})(?![\w/]|\.[0-9])")
#: between the two days of a range written in figures: '20.11.2012–29.11.2012', '20/11/2012 to 29/11/2012'
_NUMERIC_TO = re.compile(r"[ \t]*(?:[-–—]|to|till|until|through)[ \t]*", re.IGNORECASE)
#: '25/10/2018', '10/25/2018', '9.9.2019', '03.12.2018': a day written in figures, read only when its order cannot be
#: mistaken (dots are day first)
#: 'Recommendation 12.3.2020', 'version 1.2.2019': numbers with dots that are no day
_NUMBERED_BEFORE = re.compile(r"\b(?:Recommendations?|Rec|versions?|v|releases?|Rev|clauses?|sections?|items?|"
                              r"paragraphs?|annex|no)\.?\s*$", re.IGNORECASE)
#: '14-16/11/2017', '22–24.02.2017': a range of days written in figures, day first (the month after them)
_NUMERIC_RANGE = re.compile(r"(?<![\w./-])([0-9]{1,2})(?:[ \t]*[-–][ \t]*|[ \t]+to[ \t]+)([0-9]{1,2})([./])([0-9]{1,2})\3((?:19|20)[0-9]{2})(?![\w/-]|\.[0-9])")
_NUMERIC = re.compile(r"(?<![\w./-])([0-9]{1,2})([./])([0-9]{1,2})\2((?:19|20)[0-9]{2})(?![\w/-]|\.[0-9])")


# --------------------------------------------------------------------------- API

def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """All day and day-range mentions in order of appearance, without overlaps.

    Where matches overlap the longest wins (then the earliest), so "26 February –
    2 March 2018" is one range, not two days. A longest match that is not a real
    date ("31 February 2018", "10-9 September 2019") yields nothing rather than a
    misleading fragment of itself. Mentions without a year take `default_year`
    (see `infer_year`) and are marked `year_inferred`; without it they are skipped.
    A lower-case "may" without a year is the verb. An abbreviation dot that ends the
    mention ("on 9 Sept.") is left out of the quote: it may as well end the sentence.
    """
    found = sorted(_candidates(text, default_year), key=lambda c: (c[0] - c[1], c[0]))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[DateMention] = []
    for start, end, mention in found:
        i = bisect.bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        if mention is not None:
            kept.append(mention)
    kept.sort(key=lambda m: m.span_start)
    return [_week_of(text, m) for m in kept]


#: 'the week of 3 June 2024', 'the week beginning 3 June': a day that names the week around it
_WEEK_OF = re.compile(r"\b(?:the\s+)?week\s+(?:of|beginning|starting|commencing)(?:\s+on)?\s+$", re.IGNORECASE)


def _week_of(text: str, m: DateMention) -> DateMention:
    """'the week of 3 June 2024' says the meeting is on days of that week, not on 3 June alone: the week (Monday to
    Sunday) that holds the day; a Sunday opens its own week, and 'the week beginning 5 June' starts on that day."""
    w = _WEEK_OF.search(text, max(0, m.span_start - 40), m.span_start)
    if w is None or m.start != m.end:
        return m
    first = m.start
    if re.search(r"\bof\b", w.group()) and first.weekday() != 6:
        first -= timedelta(days=first.weekday())
    return DateMention(first, first + timedelta(days=6), w.start(), m.span_end, text[w.start():m.span_end],
                       m.year_inferred)


#: a sentence about the meeting after the one reported, up to a year: 'The next roundtable is scheduled for ... 2028'
#: the months' names cut short, whose dot ends no sentence ('Feb. 2-11, 2027')
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_AFTER_MONTH_ABBREVIATION = "|".join(r"(?<=\b" + m + ")" for m in _MONTH_ABBREVIATIONS)  # (one width a lookbehind)
_OF_THE_NEXT = re.compile(r"\b(?:(?:(?-i:next|(?<![A-Za-z] )Next)|following|subsequent)\s+(?:(?!the\b|this\b|that\b)[\w-]+\s+){0,2}?(?:meeting|edition|"
                          r"round\s?table|consultation|assembly|gathering|workshop|forum|symposium|summit)|(?-i:next|(?<![A-Za-z] )Next)\s+session)s?\b"
                          # to the year, within the sentence ('Feb. 2-11, 2027': a month's dot ends no sentence)
                          rf"(?:[^.\n]|(?:{_AFTER_MONTH_ABBREVIATION})\.)*\Z",
                          re.IGNORECASE)  # ('the following session' is one of the same meeting)
_MONTH_DOT = re.compile(rf"\b(?:{'|'.join(_MONTH_ABBREVIATIONS)})\Z")


def _sentence_dot(text: str, pos: int) -> int:
    """The last full stop before pos that ends a sentence (not the dot of 'Feb.')."""
    dot = text.rfind(".", 0, pos)
    while dot > 0 and _MONTH_DOT.search(text, max(0, dot - 5), dot):
        dot = text.rfind(".", 0, dot)
    return dot


def infer_year(text: str) -> int | None:
    """The most frequent year 1990-2099 written in the text (ties: the latest), or None.

    Meeting documents name their own year far more often than any other, so this is a
    sound default for "9-10 September". Numbers after a dot ("Y.2060") are not years; the ends of a span of years
    ('the 2025-2028 study period') count for less than a year written alone; a year said of the next meeting does
    not count (a dateline 'Sept 26' is not dated by 'the next roundtable, March 2028').
    """
    spans = [m.span() for m in _YEAR_SPAN.finditer(text)]
    counts: dict[int, float] = {}
    for m in _YEAR_WORD.finditer(text):
        if _OF_THE_NEXT.search(text, max(_sentence_dot(text, m.start()), text.rfind("\n", 0, m.start()), 0), m.start()):
            continue  # 'The next roundtable is scheduled for March 2028': the year of another meeting, never this one's
        span = next(((a, b) for a, b in spans if a <= m.start() < b), None)
        # the first year of a span counts half, its last a quarter: 'the 2025-2028 study period' leans to 2025
        year = int(m.group())
        counts[year] = counts.get(year, 0.0) + (1 if span is None else 0.5 if m.start() == span[0] else 0.25)
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))


def find_months(text: str, taken: list[tuple[int, int]] | None = None) -> list[MonthMention]:
    """Month-year mentions that are not part of a day mention ("in July 2018").

    "9 September 2018" is a day, so its "September 2018" is not reported here.
    """
    if taken is None:
        taken = [(m.span_start, m.span_end) for m in find_dates(text)]
    found = []
    for m in _MONTH_YEAR.finditer(text):
        start, end = m.span()
        year = int(m.group("y1"))
        if not MIN_YEAR <= year <= MAX_YEAR:
            continue
        if _DAY_BEFORE.search(text, max(0, start - 16), start):
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        try:
            month = _month_number(m.group("m1"))
        except _Skip:
            continue
        found.append(MonthMention(year, month, (start, end)))
    return found


#: A year alone, where the text dates something by it: "in 2008", "in early 2011", "(Antalya, 2006)", "held in Busan in 2017",
#: "planned for 2020", and a field's value: "Next meeting: Geneva, 2025 (dates to be confirmed)", "Date: 2025".
_YEAR_ALONE = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Ss]ince|of|(?:planned|scheduled|slated|foreseen|envisaged)\s+for)\s+"
    r"(?:(?:early|mid|late|the\s+(?:first|second)\s+half\s+of)[\s-]+)?(?P<y1>(?:19|20)[0-9]{2})\b(?!\s*[-\u2013/]\s*[0-9])"
    r"|\(\s*[A-Z][\w .'\u2019-]{1,40},\s*(?P<y2>(?:19|20)[0-9]{2})\s*\)"
    r"|:[ \t]*(?:[A-Z][\w .'\u2019-]{1,40},[ \t]*)?(?P<y3>(?:19|20)[0-9]{2})(?=[ \t]*(?:\(|[.;]?[ \t]*(?:\n|$)))"
    # 'in Dubai, United Arab Emirates (2012)': the year in brackets after a place
    r"|\bin[ \t]+[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,2}(?:,[ \t]*[A-Z][\w'\u2019.-]*(?:[ \t]+(?:(?:of|and|the)[ \t]+)*[A-Z][\w'\u2019.-]*){0,3})?"
    r"[ \t]*\([ \t]*(?P<y4>(?:19|20)[0-9]{2})[ \t]*\)",
    re.MULTILINE,
)


#: what is planned for a year when that year dates a meeting: 'the next meeting is planned for', 'a session, planned for'
_MEETING_PLANNED = re.compile(r"\b(?:meeting|session|edition|consultation|round\s?table|forum|summit|assembly|workshop|"
                              r"conference|symposium)s?\b(?:\s+(?:is|are|was|were|has\s+been|will\s+be|currently|"
                              r"tentatively|now|provisionally))*\s*,?\s*\Z", re.IGNORECASE)


#: A month named without its year where it dates something: "at its meeting in Geneva in November", "in early March".
#: Only full names, capitalised, and not followed by a number (that is a day or a year, read elsewhere).
_MONTH_ALONE = re.compile(
    rf"\b(?i:in|during)\s+(?:(?i:early|mid|late)[\s-]+)?(?P<m>{'|'.join(MONTH_NAMES)})\b(?![ \t]*,?[ \t]*[0-9])"
    r"(?![ \t]+(?:of[ \t]+)?(?:this|that|next|last|each|every)\b)"
)


#: what a month alone dates when it follows it: a meeting or its place ('its meeting in November', 'Geneva in
#: February', 'meets in May'), not 'Registration will open in September'
_MONTH_ALONE_AFTER = re.compile(r"(?:\b(?i:meeting|session|assembly|consultation|meets?|met|held|convenes?|convened)|"
                                r"\b[A-Z][\w'’.-]+)[ \t]*,?[ \t]*\Z")


def month_range(year: int, month: int) -> tuple[date, date]:
    """The first and the last day of a month."""
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, 1), nxt - timedelta(days=1)


def find_partial_dates(text: str, days: list[DateMention] | None = None,
                       default_year: int | None = None) -> list[DateMention]:
    """Months ("in July 2018") and years ("in 2008", "(Antalya, 2006)") that date something without a day.

    Each is a DateMention covering the whole month or year with `precision` "month" or "year"; a month or year
    that is part of a day mention is not reported. With `default_year`, a month written alone ("at its meeting in
    Geneva in November") takes that year and is marked `year_inferred`: the caller places it before or after the
    document's own date.
    """
    out: list[DateMention] = []
    taken = [(m.span_start, m.span_end) for m in (find_dates(text) if days is None else days)]
    for mm in find_months(text, taken):
        first, last = month_range(mm.year, mm.month)
        s, e = mm.span
        out.append(DateMention(first, last, s, e, text[s:e], False, "month"))
        taken.append((s, e))
    if default_year is not None and MIN_YEAR <= default_year <= MAX_YEAR:
        for m in _MONTH_ALONE.finditer(text):
            s, e = m.span("m")
            if any(a < e and s < b for a, b in taken) or not _MONTH_ALONE_AFTER.search(text, max(0, m.start() - 40), m.start()):
                continue
            first, last = month_range(default_year, _MONTHS[m.group("m").lower()])
            out.append(DateMention(first, last, s, e, text[s:e], True, "month"))
            taken.append((s, e))
    for m in _YEAR_ALONE.finditer(text):
        group = next(g for g in ("y1", "y2", "y3", "y4") if m.group(g))
        s, e = m.span(group)
        if any(a < e and s < b for a, b in taken):
            continue
        if group == "y1" and m.group()[:1] in "psfe" and not _MEETING_PLANNED.search(text, max(0, m.start() - 60), m.start()):
            continue  # 'a 6G roadmap planned for 2030' dates no meeting; 'the next meeting is planned for 2027' does
        year = int(m.group(group))
        out.append(DateMention(date(year, 1, 1), date(year, 12, 31), s, e, text[s:e], False, "year"))
    out.sort(key=lambda d: d.span_start)
    return out
