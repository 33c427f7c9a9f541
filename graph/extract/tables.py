"""Tables as a document's text carries them: a heading row whose cells name what each column holds, then one row per
line. Two kinds are read: tables of participants ('Name | Title | Company | Country') and tables whose rows are
meetings ('No. | Date | City | Host', 'Meeting | Date | Location'). Cells are separated as the readers and writers of
documents leave them: tabs, ' | ' (Markdown, with or without the outer bars), '; ' (an HTML or Word table, see
graph/read.py) or three spaces or more (a PDF's columns). The column headings are data:
ontology/reference/table-columns.csv."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import reference_dir

#: Between two cells of a row.
_SPACES = re.compile(r" {3,}")
#: (a heading row set out with two spaces between its cells, 'YEAR  CITY  HOST', is read by where its cells start)
_TWO_SPACES = re.compile(r" {2,}")
_CELL_SEPARATORS = (re.compile(r"\t+"), re.compile(r"[ \t]*\|[ \t]*"), re.compile(r";[ \t]+"), _SPACES, _TWO_SPACES)
#: A Markdown table's rule under its heading row: '|---|:---:|'
_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$"  # (matched at a line's start)
                   r"|[ \t]*[-=]{3,}(?:[ \t]+[-=]{3,})*[ \t]*$")  # a plain text table's rule: '-----  -----  -----'


@dataclass(frozen=True)
class Row:
    """One row of a table: for each role its cell's (start, end) in the text (absent when the row leaves it empty)."""

    cells: dict[str, tuple[int, int]]
    start: int
    end: int
    headings: dict[str, tuple[int, int]] = field(default_factory=dict)  # each role's heading cell ('Chairman')


#: the roles a participants table's columns may have, and those of a table of meetings (table-columns.csv)
_PARTICIPANT_ROLES = frozenset({"person", "post", "organization", "country", "holder", "group", "count"})
_MEETING_ROLES = frozenset({"meeting", "group", "date", "place", "country", "host", "event", "number"})


def _participants(known: list[str]) -> bool:
    return "person" in known or "organization" in known or "holder" in known


def _meetings(known: list[str]) -> bool:
    """A date, and what says which meeting or where: 'Meeting | Date', 'No. | Date | City', 'Group | Dates | Venue'."""
    return "date" in known and ("meeting" in known or "group" in known or "place" in known)


@lru_cache(maxsize=1)
def _columns() -> dict[str, str]:
    rows = [r for r in (reference_dir() / "table-columns.csv").read_text(encoding="utf-8").splitlines()
            if r and not r.startswith("#")]
    return {row["heading"].lower(): row["role"] for row in csv.DictReader(rows)}


def _cells(text: str, s: int, e: int, separator: re.Pattern) -> list[tuple[int, int]]:
    """The cells of the line text[s:e], trimmed, the outer bars of a Markdown row left out."""
    line = text[s:e]
    lead = len(line) - len(line.lstrip(" \t|")) if separator.pattern.startswith("[ \\t]*\\|") else 0
    tail = len(line.rstrip(" \t|")) if separator.pattern.startswith("[ \\t]*\\|") else len(line.rstrip())
    out, pos = [], lead
    for m in separator.finditer(line, lead, tail):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, tail))
    trimmed = []
    for a, b in out:
        cell = line[a:b]
        a2 = a + len(cell) - len(cell.lstrip())
        trimmed.append((s + a2, s + a2 + len(cell.strip())))
    return trimmed


def _fixed_cells(text: str, s: int, e: int, columns: list[int]) -> list[tuple[int, int]] | None:
    """The cells of a row of a fixed-width table (a PDF's or a plain text's), cut where its heading's cells start:
    two spaces may be all that part 'United Arab Emirates  Group CTO'. None when a cell runs across a column's start
    (the row is not set out under the heading) or the row holds nothing past the first column."""
    line = text[s:e]
    cuts = [c for c in columns if c > 0]
    if any(c < len(line) and line[c - 1] != " " for c in cuts):
        return None
    bounds = [0] + cuts + [max(len(line), (cuts[-1] if cuts else 0))]
    cells = [_trimmed(text, s + min(a, len(line)), s + min(b, len(line))) for a, b in zip(bounds, bounds[1:])]
    return cells if sum(1 for a, b in cells if b > a) >= 2 else None


def _heading(text: str, s: int, e: int, allowed=_PARTICIPANT_ROLES, enough=_participants
             ) -> tuple[re.Pattern, list[str], list[tuple[int, int]]] | None:
    """The separator, the column roles and the heading cells of a heading row, or None when the line is no such row."""
    for separator in _CELL_SEPARATORS:
        cells = _cells(text, s, e, separator)
        if len(cells) < 2:
            continue
        roles = [_heading_cell(text, a, b, allowed) for a, b in cells]
        known = [r for r in roles if r]
        if len(known) >= 2 and len(known) >= len(roles) - 1 and len(set(known)) == len(known) and enough(known):
            return separator, roles, cells
    return None


def is_table_heading(text: str, s: int, e: int) -> bool:
    """Whether the line text[s:e] is the heading row of a participants table ('Name | Company | Country')."""
    return _heading(text, s, e) is not None


def table_rows(text: str, start: int, end: int) -> list[Row]:
    """The rows of every participants table in text[start:end]."""
    return _rows(text, start, end, _PARTICIPANT_ROLES, _participants)


def meeting_table_rows(text: str) -> list[Row]:
    """The rows of every table of meetings in the text: one meeting a row ('9 | 10 Sep 2018 | Durban | ITU Telecom
    World 2018'), its cells by role: meeting (or group), date, place, country, host, event, number."""
    return _rows(text, 0, len(text), _MEETING_ROLES, _meetings)


def _rows(text: str, start: int, end: int, allowed: frozenset[str], enough) -> list[Row]:
    out: list[Row] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[start:end])]
    lines = [(start + a, start + b) for a, b in lines]
    i = 0
    while i < len(lines):
        s, e = lines[i]
        head = _heading(text, s, e, allowed, enough)
        i += 1
        if head is None:
            vertical = _vertical_heading(text, lines, i - 1, allowed, enough)
            if vertical is not None:
                roles, heads = vertical
                rows, i = _vertical_rows(text, lines, i - 1 + len(roles), roles, heads, allowed)
                out.extend(rows)
            continue
        separator, roles, heads = head
        head_at = i - 1
        headings = {role: span for role, span in zip(roles, heads) if role}
        while i < len(lines):
            s, e = lines[i]
            if text.count("\n", lines[i - 1][1], s) > 1:
                break  # a blank line ends the table
            i += 1
            if _RULE.match(text, s, e):
                continue
            columns = [a - lines[head_at][0] for a, _ in heads]
            if separator is _TWO_SPACES:
                cells = _fixed_cells(text, s, e, columns) or _cells(text, s, e, _SPACES)
            else:
                cells = _cells(text, s, e, separator)
            if len(cells) == 1 and out and out[-1].headings is headings and text[s:s + 1] in " \t":
                continue  # a cell wrapped onto an indented line of its own ('  Communications (MIC)'): the table goes on
            if len(cells) != len(roles) and separator is _SPACES:
                cells = _fixed_cells(text, s, e, columns) or cells
            if abs(len(cells) - len(roles)) > 1 or len(cells) < 2:
                break
            row = {role: span for role, span in zip(roles, cells) if role and span[1] > span[0]}
            out.append(Row(row, s, e, headings))
    return out


def _heading_cell(text: str, s: int, e: int, allowed=_PARTICIPANT_ROLES) -> str:
    """The column role text[s:e] names when it is one heading cell ('Organization'), else ''."""
    role = _columns().get(re.sub(r"\s+", " ", text[s:e]).strip(" .:*\t").lower(), "")
    return role if role in allowed else ""


def _vertical_heading(text: str, lines: list[tuple[int, int]], i: int, allowed=_PARTICIPANT_ROLES, enough=_participants
                      ) -> tuple[list[str], list[tuple[int, int]]] | None:
    """A table flattened one cell per line (what a web page's table becomes as text): its heading cells one under
    the other ('Organization', 'Country', 'Represented by'), each alone on its line. Their roles and spans, or None."""
    roles: list[str] = []
    heads: list[tuple[int, int]] = []
    j = i
    while j < len(lines) and (j == i or text.count("\n", lines[j - 1][1], lines[j][0]) == 1):
        role = _heading_cell(text, *lines[j], allowed)
        if not role or role in roles:
            break
        roles.append(role)
        heads.append(_trimmed(text, *lines[j]))
        j += 1
    if len(roles) >= 2 and enough(roles):
        return roles, heads
    return None


def _vertical_rows(text: str, lines: list[tuple[int, int]], i: int, roles: list[str],
                   heads: list[tuple[int, int]], allowed=_PARTICIPANT_ROLES) -> tuple[list[Row], int]:
    """The rows under a one-cell-per-line heading: the next lines taken as many at a time as there are columns, up
    to a blank line (which ends the table) or a line no cell could be (a sentence, another heading). A cell that
    is only a dash is empty. Returns the rows and the index of the first line after them."""
    rows: list[Row] = []
    width = len(roles)
    headings = dict(zip(roles, heads))
    while i + width <= len(lines):
        chunk = lines[i:i + width]
        if any(text.count("\n", a[1], b[0]) > 1 for a, b in zip([lines[i - 1]] + chunk, chunk)) \
                or any(b - a > 160 or _heading_cell(text, a, b, allowed) or re.search(r"[.!?]$", text[a:b].rstrip())
                       and not re.search(r"\b[A-Z][a-z]{0,3}\.$", text[a:b].rstrip()) for a, b in chunk):
            break
        cells = {}
        for role, (a, b) in zip(roles, chunk):
            a, b = _trimmed(text, a, b)
            if role and b > a and not re.fullmatch(r"[-\u2013\u2014\u2012\u2212]+|n/?a", text[a:b], re.IGNORECASE):
                cells[role] = (a, b)
        rows.append(Row(cells, chunk[0][0], chunk[-1][1], headings))
        i += width
    return rows, i


#: between two cells of a list set out in columns: a tab, or three spaces or more
_COLUMN_GAP = re.compile(r"\t+| {3,}")
#: the tail of an entry's cell: ' (France) - Rapporteur Q8/17', ' (Indonesia)'
_ENTRY_TAIL = re.compile(r"(?:[ \t]*\((?P<last>[^()\n]{2,60})\))?(?:[ \t]+[-–—][ \t]+(?P<post>[^\n]{2,80}?))?[ \t]*\Z")


@dataclass(frozen=True)
class ColumnRow:
    """A line of a list set out in columns with no heading row ('Ana Example      Apex Mobile (Kenya)'): its cells,
    trimmed. What they hold is for the reader to judge (a person's name, then a body)."""

    cells: tuple[tuple[int, int], ...]
    start: int
    end: int


def column_rows(text: str, start: int, end: int) -> list[ColumnRow]:
    """The lines of every list set out in columns in text[start:end]: three lines or more in a row (no blank line
    between them), each of two or three cells separated by tabs or runs of spaces, the same number on each."""
    out: list[ColumnRow] = []
    block: list[ColumnRow] = []

    def flush() -> None:
        if len(block) >= 3:
            out.extend(block)
        block.clear()

    for m in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        indent = len(text[s:e]) - len(text[s:e].lstrip(" \t・•·▪"))  # (a list's mark: '・Takeda Haruki  ...')
        cells = [c for c in _cells(text, s + indent, e, _COLUMN_GAP) if c[1] > c[0]]
        if not 2 <= len(cells) <= 3 or (block and len(block[0].cells) != len(cells)) or \
                (block and text.count("\n", block[-1].end, s) > 1):
            flush()
            if not 2 <= len(cells) <= 3:
                continue
        block.append(ColumnRow(tuple(cells), s + indent, e))
    flush()
    return out


def entry_parts(text: str, s: int, e: int) -> tuple[tuple[int, int], tuple[int, int] | None, tuple[int, int] | None]:
    """A body's cell of an entry, 'Apex Mobile (Kenya) - Rapporteur Q8/17': the body as written (an acronym in brackets
    kept), the inside of its last brackets (the reader judges whether it is a country), and the words after a dash."""
    tail = _ENTRY_TAIL.search(text, s, e)
    body_end = tail.start() if tail and tail.start() > s else e
    last = tail.span("last") if tail and tail.group("last") else None
    post = tail.span("post") if tail and tail.group("post") else None
    return (s, body_end), last, post


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    cell = text[s:e]
    a = s + len(cell) - len(cell.lstrip())
    return a, a + len(cell.strip())
