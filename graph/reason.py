"""OWL RL inferences (owlrl), kept apart from the asserted facts and free of owlrl's noise.

Reasoning is done per document against the ontology (the TBox) and once for the reference data, so a
build's cost grows with the documents added, not with the whole graph. Instance-level inferences that need
two documents at once are not made here; none of the ontology's axioms needs them except transitivity of
itukg:partOf, which only the reference data uses.
"""
from __future__ import annotations

import owlrl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .namespaces import ITUKG

_NOISE_OBJECTS = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
_SCHEMA_NAMESPACES = tuple(str(ns) for ns in (OWL, RDF, RDFS, XSD, ITUKG)) + (
    "http://www.w3.org/ns/shacl#", "https://schema.org/", "http://www.w3.org/ns/org#",
    "http://www.w3.org/2004/02/skos/core#", "http://xmlns.com/foaf/0.1/", "http://purl.org/dc/terms/",
    "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/oa#",
)


def _is_noise(s, p, o, tbox_subjects: set) -> bool:
    if isinstance(s, (Literal, BNode)) or isinstance(o, BNode):
        return True
    if p == OWL.sameAs and s == o:
        return True
    if p == RDF.type and o in _NOISE_OBJECTS:
        return True
    if s in tbox_subjects or str(s).startswith(_SCHEMA_NAMESPACES):
        return True  # facts about the vocabulary itself, not about the data
    if p in (OWL.differentFrom, OWL.AllDifferent):
        return True
    return False


def infer(data: Graph, tbox: Graph) -> Graph:
    """The OWL RL consequences of `data` under `tbox`, minus what was asserted and minus noise."""
    work = Graph()
    for t in tbox:
        work.add(t)
    for t in data:
        work.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(work)
    tbox_subjects = set(tbox.subjects())
    inferred = Graph()
    for s, p, o in work:
        if (s, p, o) in data or (s, p, o) in tbox:
            continue
        if _is_noise(s, p, o, tbox_subjects):
            continue
        if isinstance(o, Literal) and o.datatype is not None and str(o.datatype).startswith(str(RDF)):
            continue
        inferred.add((s, p, o))
    return inferred


def is_consistent(data: Graph, tbox: Graph) -> bool:
    """owlrl marks contradictions with rdf:type owl:Nothing members or a 'false' error node; none may appear."""
    work = Graph()
    for t in tbox:
        work.add(t)
    for t in data:
        work.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(work)
    return not any(work.subjects(RDF.type, OWL.Nothing)) and not any(
        isinstance(s, URIRef) and str(s).endswith("#Error") for s in work.subjects()
    )
