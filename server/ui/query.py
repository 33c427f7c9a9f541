"""The query editor (/query): CodeMirror over /sparql, the named queries (queries/*.rq) as one-click examples,
and a form for a named query's parameters.

A parameter's value is read exactly as `itukg query --named NAME --param name=value` reads it: checked by
named_queries.parse_params, resolved by named_queries.resolve_param (an IRI, a prefixed name, a slug or a
label), bound by named_queries.bind. A value that resolves to nothing is shown at its field with the close
matches the resolver names. /ui/api/named-query does the same for the page's script.
"""
from __future__ import annotations

import re
from collections import Counter

from flask import jsonify, request

from ...graph.errors import QueryError
from .. import named_queries as nq
from . import sparql
from .home import latest_meetings
from .index import index_of
from .ontology import ontology_doc
from .sparql import query_prefixes
from .tables import meeting_topics
from .web import base_iri, bp, current_snapshot, render

#: The request arguments holding a named query's parameters are PARAM_PREFIX + the parameter's name.
PARAM_PREFIX = "param."
#: The kind a parameter of this name stands for, to find a sample value in the data.
_PARAM_KINDS = {"topic": "topic", "meeting": "meeting", "organization": "organization", "org": "organization",
                "group": "group", "person": "person", "entity": "organization", "country": "country"}


def example_queries(snap) -> list[dict]:
    """The named queries as one-click examples; parameters get a sample value from the data, and the form its
    short form (a prefixed name)."""
    out = []
    for q in nq.named_queries().values():
        values = {name: _sample_value(snap, name, desc) for name, desc in q.params.items()}
        text = nq.bind(q, values) if all(values.values()) else q.text
        out.append({"name": q.name, "title": q.title, "description": q.description, "params": q.params,
                    "values": values, "fields": {k: nq.short_name(v) if v else "" for k, v in values.items()},
                    "text": text})
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
    return {"prefixes": query_prefixes(), "itukg": sorted(terms, key=lambda t: t["name"].lower())}


def _named(name: str, given: dict[str, str]) -> dict:
    return {"name": name, "values": dict(given), "resolved": {}, "errors": {}, "error": None, "text": None}


def bind_named(snap, name: str, given: dict[str, str]) -> dict:
    """The named query `name` with the values `given` for its parameters, read as the CLI reads them.

    Returns {name, values (as given), resolved (parameter -> IRI), errors (parameter -> message), error (about
    the query itself), text (the bound query, None unless every value resolved)}.
    """
    out = _named(name, given)
    try:
        query = nq.get(name)
        values = nq.parse_params(query, dict(given))
    except QueryError as exc:
        out["error"] = str(exc)
        return out
    for param, value in values.items():
        try:
            out["resolved"][param] = nq.resolve_param(snap, param, value)
        except QueryError as exc:
            out["errors"][param] = str(exc)
    if not out["errors"]:
        out["text"] = nq.bind(query, out["resolved"])
    return out


def _given() -> dict[str, str]:
    """The parameter values of this request (PARAM_PREFIX + name)."""
    return {k[len(PARAM_PREFIX):]: v for k, v in request.args.items() if k.startswith(PARAM_PREFIX)}


@bp.get("/ui/api/named-query")
def api_named_query():
    """?name=NAME&param.<p>=value... -> the bound query, or (400) what is wrong with which parameter."""
    bound = bind_named(current_snapshot(), request.args.get("name", ""), _given())
    return jsonify(bound), 200 if bound["text"] is not None else 400


@bp.get("/query")
def query_page():
    snap = current_snapshot()
    completion = completion_terms(snap)
    completion["prefixes"] = {**completion["prefixes"], "id": base_iri()}  # as the endpoint predefines it
    examples = example_queries(snap)
    initial, named = request.args.get("query", ""), None
    name, given = request.args.get("named", ""), _given()
    chosen = nq.named_queries().get(name)
    if name and (given or chosen is None or not chosen.params):
        named = bind_named(snap, name, given)
        initial = named["text"] or initial
    elif name:  # chosen, no values yet: the form with the sample values
        named = _named(name, {})
    status = 400 if named and (named["error"] or named["errors"]) else 200
    return render("ui/query.html", status=status, examples=examples, completion=completion, initial=initial,
                  default_query=sparql.text("editor-default"), named=named, param_prefix=PARAM_PREFIX,
                  active="query")
