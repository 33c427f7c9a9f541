"""Text as the UI matches and shows it: folded for matching, dates and numbers for reading."""
from __future__ import annotations

import re
import unicodedata

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def fold(text: str) -> str:
    """Case- and accent-insensitive form of `text` for matching."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def format_date(value: str | None) -> str:
    """'2018-09-09' -> '9 September 2018'; other shapes (gYearMonth, years) are returned as they are."""
    if not value:
        return ""
    m = _DAY.match(value)
    if m:
        return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    m = _MONTH.match(value)
    if m:
        return f"{_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    return value


def format_range(start: str | None, end: str | None) -> str:
    """'9–11 September 2018', or both dates in full when the month differs."""
    if not start:
        return format_date(end)
    if not end or end == start:
        return format_date(start)
    a, b = _DAY.match(start), _DAY.match(end)
    if a and b and a.group(1, 2) == b.group(1, 2):
        return f"{int(a.group(3))}–{int(b.group(3))} {_MONTHS[int(a.group(2)) - 1]} {a.group(1)}"
    return f"{format_date(start)} – {format_date(end)}"


def format_number(value):
    """12345 -> '12 345' (a narrow no-break space between thousands); anything else unchanged."""
    try:
        return f"{int(value):,}".replace(",", "\u202f")
    except (TypeError, ValueError):
        return value


def site_name(iri: str) -> str:
    """What an external link is called: Wikidata, Wikipedia, else the host."""
    if "wikidata.org" in iri:
        return "Wikidata"
    if "wikipedia.org" in iri:
        return "Wikipedia"
    m = re.match(r"^https?://([^/]+)", iri)
    return m.group(1) if m else iri
