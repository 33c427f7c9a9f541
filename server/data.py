"""Read access shared by exports and pages: the (asserted) union, one graph, one entity's triples.

Works on a loaded `Snapshot` (fast: the union is materialised) and on a plain pyoxigraph Store (the CLI may
hand one over), where the union is computed as a set of triples over every graph.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from ..graph.errors import NotFound
from .store import HIDDEN_GRAPHS, INFERRED, QueryStore, Snapshot

#: Incoming links kept in an entity's description; a hub (a country) may have thousands.
INCOMING_LIMIT = 1000


def _store(source) -> QueryStore:
    return source.store if isinstance(source, Snapshot) else source


def named_graphs(source) -> list:
    if isinstance(source, Snapshot):
        return list(source.graphs)
    return sorted((g for g in source.named_graphs() if g not in HIDDEN_GRAPHS), key=str)


def as_graph_name(graph) -> ox.NamedNode | ox.BlankNode:
    if isinstance(graph, (ox.NamedNode, ox.BlankNode)):
        return graph
    try:
        return ox.NamedNode(str(graph))
    except ValueError:
        raise NotFound(f"{graph!r} is not a graph IRI") from None


def stored_quads(source, inferred: bool = True, graph=None) -> list[ox.Quad]:
    """Quads as stored (named graphs and any default-graph triples), hidden unions left out."""
    store = _store(source)
    if graph is not None:
        name = as_graph_name(graph)
        if not store.contains_named_graph(name) or name in HIDDEN_GRAPHS:
            raise NotFound(f"the dataset holds no graph <{name.value}>")
        if not inferred and name == INFERRED:
            return []
        return list(store.quads_for_pattern(None, None, None, name))
    return [q for q in store
            if q.graph_name not in HIDDEN_GRAPHS and (inferred or q.graph_name != INFERRED)]


def union_triples(source, inferred: bool = True) -> list[ox.Triple]:
    """The default graph a query sees: every triple once."""
    if isinstance(source, Snapshot):
        union = source.default_graph if inferred else source.asserted_graph()
        return [q.triple for q in source.store.quads_for_pattern(None, None, None, union)]
    return list({q.triple for q in stored_quads(source, inferred)})


def matching(source, s, p, o, inferred: bool) -> Iterable[ox.Triple]:
    if isinstance(source, Snapshot):
        union = source.default_graph if inferred else source.asserted_graph()
        return (q.triple for q in source.store.quads_for_pattern(s, p, o, union))
    seen = set()
    for q in source.quads_for_pattern(s, p, o, None):
        if q.graph_name in HIDDEN_GRAPHS or (not inferred and q.graph_name == INFERRED) or q.triple in seen:
            continue
        seen.add(q.triple)
    return seen


def outgoing(source, node, inferred: bool = True) -> list[ox.Triple]:
    """Triples about `node`, with the blank nodes they reach (a concise bounded description)."""
    out, todo, done = [], [node], set()
    while todo:
        current = todo.pop()
        if current in done:
            continue
        done.add(current)
        for t in matching(source, current, None, None, inferred):
            out.append(t)
            if isinstance(t.object, ox.BlankNode):
                todo.append(t.object)
    return out


def incoming(source, node, inferred: bool = True, limit: int = INCOMING_LIMIT) -> list[ox.Triple]:
    out: list[ox.Triple] = []
    for t in matching(source, None, None, node, inferred):
        if len(out) >= limit:
            break
        out.append(t)
    return out


def entity_triples(source, iri: str, inferred: bool = True) -> list[ox.Triple]:
    """What the Linked Data page of `iri` says in RDF: outgoing (with blank nodes) and incoming triples."""
    node = ox.NamedNode(iri)
    triples = outgoing(source, node, inferred)
    seen = set(triples)
    triples += [t for t in incoming(source, node, inferred) if t not in seen]
    return triples


def graphs_mentioning(source, iri: str) -> list:
    """The named graphs where `iri` is a subject (the documents that state something about it)."""
    store = _store(source)
    node = ox.NamedNode(iri)
    names = {q.graph_name for q in store.quads_for_pattern(node, None, None, None)}
    return sorted((g for g in names if g not in HIDDEN_GRAPHS and not isinstance(g, ox.DefaultGraph)), key=str)
