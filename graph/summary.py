"""The numbers every part of itukg reports about a dataset and the ontology, defined once and said one way.

* "triples": the distinct triples of the union of every graph (what `SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`
  counts, /status's `triples`, the home page's card);
* "quads in N graphs": the distinct quads as stored, one per (triple, graph), in how many graphs (a triple stated
  by two documents is one triple and two quads).
* The ontology's classes, object, datatype and annotation properties are its own terms (the itukg: namespace),
  each counted once under its first kind; the external terms it aligns to are not counted.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

OWL = "http://www.w3.org/2002/07/owl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_KINDS = (  # (kind, the rdf:types that make a term of that kind), first match wins
    ("classes", {OWL + "Class", "http://www.w3.org/2000/01/rdf-schema#Class"}),
    ("object properties", {OWL + "ObjectProperty"}),
    ("datatype properties", {OWL + "DatatypeProperty"}),
    ("annotation properties", {OWL + "AnnotationProperty", "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"}),
)
ONTOLOGY_KINDS = tuple(k for k, _ in _KINDS)


def _n(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def size_phrase(triples: int, quads: int, graphs: int) -> str:
    """'18,745 triples (19,161 quads in 5 graphs)': the one way a dataset's size is said."""
    return f"{_n(triples, 'triple', 'triples')} ({_n(quads, 'quad', 'quads')} in {_n(graphs, 'graph', 'graphs')})"


def nquads_size(path: Path) -> tuple[int, int, int]:
    """(triples, quads, graphs) of an N-Quads file, as the store will count them once it is loaded: parsed by
    pyoxigraph (so literals are compared in its normal form), duplicates counted once."""
    import pyoxigraph as ox

    triples, quads, graphs = set(), set(), set()
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        key = str(quad.triple)
        triples.add(hash(key))
        quads.add(hash((key, str(quad.graph_name))))
        graphs.add(str(quad.graph_name))
    return len(triples), len(quads), len(graphs)


def term_kind(types: Iterable[str]) -> str | None:
    """The kind (one of ONTOLOGY_KINDS) an ontology term of these rdf:types is counted as, or None."""
    types = set(types)
    return next((kind for kind, marks in _KINDS if types & marks), None)


def ontology_terms(triples: Iterable[tuple[str, str, str]], namespace: str) -> dict[str, list[str]]:
    """The ontology's own terms (IRIs under `namespace`) by kind, from (subject, predicate, object) strings."""
    types: dict[str, set[str]] = {}
    for s, p, o in triples:
        if p == RDF_TYPE and s.startswith(namespace) and s != namespace:
            types.setdefault(s, set()).add(o)
    out: dict[str, list[str]] = {k: [] for k in ONTOLOGY_KINDS}
    for term in sorted(types):
        kind = term_kind(types[term])
        if kind:
            out[kind].append(term)
    return out


def ontology_phrase(counts: dict[str, int]) -> str:
    """'40 classes, 40 object properties, 27 datatype properties': the one way the ontology's size is said."""
    singular = {"classes": "class", "object properties": "object property",
                "datatype properties": "datatype property", "annotation properties": "annotation property"}
    shown = [k for k in ONTOLOGY_KINDS if k != "annotation properties" or counts.get(k)]
    return ", ".join(_n(counts.get(k, 0), singular[k], k) for k in shown)
