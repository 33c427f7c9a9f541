"""Every named query gives the same answers on the serving engine (pyoxigraph) as on rdflib's engine.

The named queries are the UI's examples and what the README shows; if the two engines disagree, one of them
(or the query) is wrong, and a user switching stores would see different facts.
"""
from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from itukg.server import named_queries as nq

PARAMS = {
    "evidence": {"entity": "https://w3id.org/itukg/id/organization/ericsson"},
    "topic-meetings": {"topic": "https://w3id.org/itukg/id/topic/security"},
}
EXPECTED_VARIABLES = {
    "meetings": ["meeting", "name", "startDate", "endDate", "city", "country", "coLocatedEvent", "host"],
    "participants": ["meeting", "organization", "organizationName", "country"],
    "topics": ["meeting", "topic", "topicLabel"],
    "people": ["person", "name", "role", "meeting"],
    "groups": ["group", "name", "notation", "meeting"],
    "links": ["entity", "label", "external"],
    "evidence": ["subject", "predicate", "object", "document", "start", "end", "quote"],
}


def _ox(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else None
        if term.language:
            return ("lit", term.value, "@" + term.language)
        return ("lit", term.value, None if dt == "http://www.w3.org/2001/XMLSchema#string" else dt)
    return ("bnode",)


def _rdflib(term):
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ("iri", str(term))
    if isinstance(term, Literal):
        if term.language:
            return ("lit", str(term), "@" + term.language)
        dt = str(term.datatype) if term.datatype else None
        return ("lit", str(term), None if dt == "http://www.w3.org/2001/XMLSchema#string" else dt)
    if isinstance(term, BNode):
        return ("bnode",)
    return ("lit", str(term), None)


@pytest.mark.parametrize("name", sorted(nq.named_queries()))
def test_named_query_same_on_both_engines(name, corpus_store, corpus_rdflib):
    query = nq.get(name)
    text = nq.bind(query, nq.parse_params(query, PARAMS.get(name, {})))
    ox_result = corpus_store.query(text, use_default_graph_as_union=True)
    variables = [v.value for v in ox_result.variables]
    ox_rows = Counter(tuple(_ox(sol[v]) for v in variables) for sol in ox_result)
    rd_result = corpus_rdflib.query(text)
    rd_rows = Counter(tuple(_rdflib(row[v]) for v in variables) for row in rd_result)
    assert ox_rows, f"{name} returns nothing on the bundled corpus"
    assert ox_rows == rd_rows, (name, list((ox_rows - rd_rows).items())[:3], list((rd_rows - ox_rows).items())[:3])
    if name in EXPECTED_VARIABLES:
        assert variables == EXPECTED_VARIABLES[name]


def test_labels_are_plain_strings_and_dates_are_dates(corpus_store):
    q = nq.get("meetings")
    for sol in corpus_store.query(q.text, use_default_graph_as_union=True):
        assert sol["name"].language is None
        assert sol["name"].datatype.value == "http://www.w3.org/2001/XMLSchema#string"
        assert sol["startDate"].datatype.value == "http://www.w3.org/2001/XMLSchema#date"
