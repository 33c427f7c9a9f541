"""The query editor (/query): CodeMirror over /sparql, and the named queries (queries/*.rq) as one-click
examples."""
from __future__ import annotations

import re
from collections import Counter

from flask import request

from .. import named_queries as nq
from . import sparql
from .home import latest_meetings
from .index import index_of
from .ontology import ontology_doc
from .sparql import QUERY_PREFIXES
from .tables import meeting_topics
from .web import base_iri, bp, current_snapshot, render

#: The kind a parameter of this name stands for, to find a sample value in the data.
_PARAM_KINDS = {"topic": "topic", "meeting": "meeting", "organization": "organization", "org": "organization",
                "group": "group", "person": "person", "entity": "organization", "country": "country"}


def example_queries(snap) -> list[dict]:
    """The named queries as one-click examples; parameters get a sample value from the data."""
    out = []
    for q in nq.named_queries().values():
        values = {name: _sample_value(snap, name, desc) for name, desc in q.params.items()}
        text = nq.bind(q, values) if all(values.values()) else q.text
        out.append({"name": q.name, "title": q.title, "description": q.description, "params": q.params,
                    "values": values, "text": text})
    return out


def _sample_value(snap, name: str, description: str) -> str:
    m = re.search(r"e\.g\.\s*<?(\S+?)>?(?:[\s,;)]|$)", description)
    if m:
        return m.group(1)
    kind = _PARAM_KINDS.get(name)
    if kind == "topic":
        per = Counter(t for _, t in meeting_topics(snap))
        parents = set(sparql.column(sparql.select(snap, "broader-topics"), "b"))
        ranked = sorted(per, key=lambda t: (-(t in parents), -per[t], t))
        if ranked:
            return ranked[0]
    if kind == "meeting":
        latest = latest_meetings(snap, 1)
        if latest:
            return latest[0]["iri"]
    if kind:
        iris = index_of(snap).by_kind.get(kind, [])
        if iris:
            return iris[0]
    return ""


def completion_terms(snap) -> dict:
    """For the editor's completion: the prefixes and the ontology's own terms (local name, label, kind)."""
    doc = ontology_doc(snap)
    terms = [{"name": c["anchor"], "label": c["label"], "kind": "class"} for c in doc["classes"]]
    for group in ("object_properties", "datatype_properties"):
        terms += [{"name": p["anchor"], "label": p["label"], "kind": "property"} for p in doc[group]]
    return {"prefixes": QUERY_PREFIXES, "itukg": sorted(terms, key=lambda t: t["name"].lower())}


@bp.get("/query")
def query_page():
    snap = current_snapshot()
    completion = completion_terms(snap)
    completion["prefixes"] = {**completion["prefixes"], "id": base_iri()}  # as the endpoint predefines it
    return render("ui/query.html", examples=example_queries(snap), completion=completion,
                  initial=request.args.get("query", ""), default_query=sparql.text("editor-default"), active="query")
