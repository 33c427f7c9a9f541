"""Extraction of a text written for a test: the facts, or the one dated meeting it reports."""
from __future__ import annotations

import hashlib

from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text


def facts_of(text: str, name: str = "t.txt"):
    return extract(Text(source=name, name=name, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                        media_type="text/plain", encoding="utf-8"))


def only_dated(text: str):
    """The one meeting with a date the text reports (it fails saying which, when there are several)."""
    ms = [m for m in facts_of(text).meetings if m.start]
    assert len(ms) == 1, [(m.kind, m.name, m.start) for m in ms]
    return ms[0]
