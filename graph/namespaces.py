"""The namespaces of the model (docs/model.md), defined once so no module spells an IRI by hand."""
from __future__ import annotations

import os

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

ITUKG = Namespace("https://w3id.org/itukg/ontology#")
#: Base of instance IRIs; a deployment under another domain sets ITUKG_BASE_IRI.
ID = Namespace(os.environ.get("ITUKG_BASE_IRI", "https://w3id.org/itukg/id/"))
GRAPH = Namespace("https://w3id.org/itukg/graph/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
VANN = Namespace("http://purl.org/vocab/vann/")
WD = Namespace("http://www.wikidata.org/entity/")

ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]
INFERRED_GRAPH = GRAPH["inferred"]


def document_graph(sha256: str):
    """The named graph holding one document's asserted facts."""
    return GRAPH[f"document/{sha256}"]


PREFIXES = {
    "itukg": ITUKG,
    "id": ID,
    "ig": GRAPH,
    "schema": SCHEMA,
    "org": ORG,
    "oa": OA,
    "skos": SKOS,
    "foaf": FOAF,
    "dcterms": DCTERMS,
    "prov": PROV,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "vann": VANN,
    "wd": WD,
}


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes so serializations are readable."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


class TermCache:
    """A namespace whose terms are built once: rdflib's Namespace makes (and validates) a new URIRef on every
    attribute access, which the per-document mapping does tens of thousands of times."""

    def __init__(self, namespace: Namespace):
        self._namespace = namespace
        self._terms: dict[str, URIRef] = {}

    def __getitem__(self, name: str) -> URIRef:
        term = self._terms.get(name)
        if term is None:
            term = self._terms[name] = self._namespace[name]
        return term

    def __getattr__(self, name: str) -> URIRef:  # only called once per name: the term becomes an attribute
        if name.startswith("_"):
            raise AttributeError(name)
        term = self[name]
        setattr(self, name, term)
        return term


#: rdf:type, built once for the hot loops of validation and reasoning (see TermCache).
RDF_TYPE = RDF.type
