"""Extraction of a text written for a test: the facts, or the one dated meeting it reports."""
from __future__ import annotations

import dataclasses
import hashlib

from itukg.graph.extract.meetings import extract
from itukg.graph.facts import Span
from itukg.graph.read import Text


def facts_of(text: str, name: str = "t.txt"):
    """The facts of `text`, once every span they hold is checked to quote the text where it says (the SHACL gate
    rejects a document with an empty or reversed span, so every extraction test checks them). A group's `part_of`
    is exempt: it may be implied by the group's notation ('Q6/13' is part of SG13) and written nowhere."""
    facts = extract(Text(source=name, name=name, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                         media_type="text/plain", encoding="utf-8"))
    for where, span in _spans(facts, "facts"):
        assert 0 <= span.start < span.end <= len(text) and _same(span.quote, text[span.start:span.end]), (where, span)
    return facts


def _same(quote: str, written: str) -> bool:
    """A quote is the text it spans, read with hard-wrapped lines joined (other spaces, the same words)."""
    return quote.split() == written.split() or quote.casefold().split() == written.casefold().split()


def _spans(value, where: str):
    if isinstance(value, Span):
        yield where, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name == "part_of":
                continue
            yield from _spans(getattr(value, f.name), f"{where}.{f.name}")
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, item in enumerate(value):
            yield from _spans(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _spans(item, f"{where}[{key!r}]")


def only_dated(text: str):
    """The one meeting with a date the text reports (it fails saying which, when there are several)."""
    ms = [m for m in facts_of(text).meetings if m.start]
    assert len(ms) == 1, [(m.kind, m.name, m.start) for m in ms]
    return ms[0]


def posts_of(meeting) -> dict:
    """Each person of a meeting with the label of the post the text gives them (None without one)."""
    return {p.name: p.post.label if p.post else None for p in meeting.people}
