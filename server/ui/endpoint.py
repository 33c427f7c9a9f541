"""/sparql in a browser: the endpoint's form and its answer as a table in the site's layout. server/sparql.py
calls `sparql_page` (server/http.py `browser_pages().sparql`, returned by ui.register) for requests that want HTML."""
from __future__ import annotations

import json
from typing import TypedDict

import pyoxigraph as ox
from flask import Response, current_app

from ...graph import namespaces
from ...graph.namespaces import XSD
from ..pages import curie
from ..results import json_term
from . import sparql
from .index import exists, index_of
from .web import base_iri, current_snapshot, entity_url, quoted, render

#: Formats offered by the endpoint page's form: (value of `format`, label).
SPARQL_FORMATS = (("html", "HTML table"), ("json", "SPARQL JSON"), ("xml", "SPARQL XML"), ("csv", "CSV"),
                  ("tsv", "TSV"), ("turtle", "Turtle (CONSTRUCT, DESCRIBE)"), ("jsonld", "JSON-LD (CONSTRUCT, DESCRIBE)"))
MAX_HTML_ROWS = 1000
_XSD_STRING = str(XSD.string)


class ResultsTable(TypedDict):
    """An answer as the endpoint page shows it."""

    columns: list[str]
    rows: list[list[dict | None]]  # display_term cells (None: unbound)
    boolean: bool | None  # an ASK answer
    truncated: bool
    shown_limit: int
    total: int


def prefixed(iri: str, base: str | None = None) -> str | None:
    """`iri` as a prefixed name (id: for the dataset's base, by default the one in effect), or None."""
    base = base or namespaces.base_iri()
    if iri.startswith(base) and len(iri) > len(base):
        return "id:" + iri[len(base):]
    return curie(iri)


def display_term(snap, term: dict | None, base: str | None = None) -> dict | None:
    """A SPARQL JSON term as a cell shows it: an IRI by its label (if any) with the prefixed name and a link
    (to its page when the dataset describes it), a literal with its language or datatype."""
    if term is None:
        return None
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        own = index_of(snap).labels.get(value)
        known = value in index_of(snap).kinds or exists(snap, value)
        return {"iri": value, "label": own, "prefixed": prefixed(value, base),
                "href": entity_url(value) if known else value}
    if kind in ("literal", "typed-literal"):
        dt = term.get("datatype")
        return {"literal": value, "lang": term.get("xml:lang"),
                "datatype": None if not dt or dt == _XSD_STRING else prefixed(dt, base) or dt}
    return {"literal": "_:" + value, "bnode": True}


def sparql_results(snap, reply: dict, base: str | None = None) -> ResultsTable:
    """A worker's reply (SPARQL JSON, or N-Triples for a graph) as {columns, rows, boolean, truncated}."""
    body = reply["body"]
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    out: ResultsTable = {"columns": [], "rows": [], "boolean": None, "truncated": bool(reply.get("truncated")),
           "shown_limit": MAX_HTML_ROWS, "total": 0}
    if reply.get("kind") == "graph" or reply.get("format") == "nt":
        triples = list(ox.parse(body.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)) if body.strip() else []
        out["columns"] = ["subject", "predicate", "object"]
        out["total"] = len(triples)
        out["rows"] = [[display_term(snap, json_term(x), base) for x in (t.subject, t.predicate, t.object)]
                       for t in triples[:MAX_HTML_ROWS]]
        return out
    data = json.loads(body)
    if "boolean" in data:
        out["boolean"] = bool(data["boolean"])
        return out
    out["columns"] = list(data.get("head", {}).get("vars", []))
    bindings = data.get("results", {}).get("bindings", [])
    out["total"] = len(bindings)
    out["rows"] = [[display_term(snap, b.get(v), base) for v in out["columns"]] for b in bindings[:MAX_HTML_ROWS]]
    return out


def sparql_page(endpoint: str, query: str = "", asserted: bool = False, snapshot=None,
                reply: dict | None = None, error: str | None = None, status: int = 200) -> Response:
    """/sparql for a browser: the form, and the answer as a table in the site's layout."""
    snap = snapshot or current_snapshot()
    results = sparql_results(snap, reply, base_iri()) if reply else None
    rt = current_app.extensions.get("itukg")
    asserted_param = getattr(getattr(rt, "settings", None), "asserted_param", "asserted")
    response = render("ui/sparql.html", status=status, endpoint=endpoint, query=query, asserted=asserted,
                      asserted_param=asserted_param, results=results, error=error, formats=SPARQL_FORMATS,
                      size=getattr(snap, "size", ""), default_query=sparql.text("endpoint-default"),
                      query_string=quoted(query), active="sparql")
    response.headers["Vary"] = "Accept"
    return response
