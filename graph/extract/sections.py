"""Discussion items: the section headings of a meeting's text and the prose under each.

A heading is a short line that reads like a title: no final full stop, colon or semicolon, not a list item,
not a date or place line, not a document label ('Communiqué'), and followed by a longer line of prose.
"""
from __future__ import annotations

import re

from ..facts import DiscussionItem, Span
from .text import lines

_NOT_HEADINGS = re.compile(
    r"^(?:communiqu[ée]|summary|annex(?:\s+\w+)?|agenda|contents|introduction|press release|for immediate release|"
    r"abstract|keywords?|source|title|purpose|contact|attachment|document|note)s?\s*:?$",
    re.IGNORECASE,
)
#: Header fields of a TD or a letter ('Source: Director, TSB', 'Title: ...', 'Original: English').
_HEADER_FIELD = re.compile(
    r"^(?:source|title|purpose|contact|original|keywords?|abstract|document|date|tel(?:ephone)?|e-?mail|fax|"
    r"question\(?s?\)?|study\s+period|agenda\s+item|action\s+required|reference|subject|from|to|place|venue|"
    r"for|status|approval)\s*:",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^(?:[·•\-*–]|\(?\d{1,2}[.)]|\(?[a-z][.)]\s)")


def is_heading(text: str, s: int, e: int, next_line: tuple[int, int] | None, skip=()) -> bool:
    line = text[s:e]
    words = line.split()
    if not (1 <= len(words) <= 14) or len(line) > 110:
        return False
    if line[-1] in ".;:,!" or _LIST_ITEM.match(line) or _NOT_HEADINGS.match(line) or _HEADER_FIELD.match(line):
        return False
    if not (line[0].isupper() or line[0].isdigit()) or line.isupper() and len(words) <= 3:
        return False
    if re.search(r"https?://|\b(?:19|20)\d\d\b.*,|^\d{1,2}\s+\w+\s+\d{4}", line):
        return False
    if any(a <= s < b for a, b in skip):
        return False
    if next_line is None:
        return False
    nxt = text[next_line[0]:next_line[1]]
    return len(nxt) > max(len(line), 60) or nxt.rstrip().endswith((".", ":"))


def find_items(text: str, start: int, end: int, skip=()) -> list[DiscussionItem]:
    """Headed sections of text[start:end]; `skip` holds spans that are not headings (meeting header lines)."""
    ls = [(s, e) for s, e in lines(text) if start <= s and e <= end]
    heads = [i for i, (s, e) in enumerate(ls) if is_heading(text, s, e, ls[i + 1] if i + 1 < len(ls) else None, skip)]
    items = []
    for n, i in enumerate(heads):
        s, e = ls[i]
        body_end = ls[heads[n + 1]][0] if n + 1 < len(heads) else end
        body = text[e:body_end].strip()
        items.append(DiscussionItem(heading=re.sub(r"\s+", " ", text[s:e]).strip(), position=n + 1,
                                    span=Span.of(text, s, e), text=body))
    return items
