"""The kinds of things the UI tells apart (meeting, organization, topic, ...), derived rather than listed.

The model's kinds and their classes come from the ontology through graph/vocabulary.py (ontology/itukg.ttl and
ontology/reference/kinds.csv), their labels from the classes' rdfs:label; only what is not the model's (SKOS
concept schemes, OWL/RDFS classes and properties, the ontology itself) is named here. What stays below is the
UI's own choice: the order kinds come in among equally good matches, and which kinds are internal nodes.
"""
from __future__ import annotations

from functools import lru_cache

from ...graph.namespaces import OWL, RDF, RDFS, SKOS
from ...graph.vocabulary import Vocabulary, vocabulary

#: (kind, root class) of what is not a kind of the model's, after the model's own (see kind_roots).
OTHER_KIND_ROOTS = tuple((kind, str(cls)) for kind, cls in (
    ("scheme", SKOS.ConceptScheme),
    ("class", OWL.Class),
    ("class", RDFS.Class),
    ("property", OWL.ObjectProperty),
    ("property", OWL.DatatypeProperty),
    ("property", OWL.AnnotationProperty),
    ("property", RDF.Property),
    ("ontology", OWL.Ontology),
))
#: Labels of those kinds, and of "resource" (whatever has no kind).
OTHER_KIND_LABELS = {"scheme": "Concept scheme", "class": "Class", "property": "Property", "ontology": "Ontology",
                     "resource": "Resource"}

#: The model's internal nodes: reached through the entities they link, never offered by search nor drawn.
INTERNAL_KINDS = frozenset({"participation", "evidence", "action", "count", "item"})
#: The kinds people look for, offered before the others among equally good search matches.
SEARCH_FIRST_KINDS = ("organization", "person", "meeting", "group", "topic")
#: The order of kinds among equally good search hits and in a document's list of what it mentions.
KIND_ORDER = {k: i for i, k in enumerate(SEARCH_FIRST_KINDS + (
    "country", "place", "event", "series", "post", "document", "item", "action", "participation", "count",
    "evidence", "scheme", "class", "property", "ontology", "resource"))}


def kind_roots() -> tuple[tuple[str, str], ...]:
    """(kind, root class); an entity's kind is the first whose root (or a subclass of it) is among its types.
    The model's own subclasses are listed too, so kinds are right even when the ontology graph is not loaded."""
    return vocabulary().kind_roots() + OTHER_KIND_ROOTS


@lru_cache(maxsize=2)
def _labels(vocab: Vocabulary) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in vocab.rows:
        if row.path and row.path not in out:
            name = vocab.labels.get(row.cls, row.cls)
            out[row.path] = name[:1].upper() + name[1:]
    return out | OTHER_KIND_LABELS


def kind_label(kind: str) -> str:
    """'Meeting', 'ITU-T group': the rdfs:label of the class that gives the kind its path, capitalised."""
    return _labels(vocabulary()).get(kind, kind)


def known_kinds() -> set[str]:
    """Every kind an entity can have."""
    return {kind for kind, _ in kind_roots()} | set(OTHER_KIND_LABELS)
