"""The namespaces of the model (docs/model.md) and itukg's other fixed IRIs, defined once: no other module spells
an itukg IRI by hand, and instance IRIs are minted from `base_iri()` in graph/iris.py only.

The base of instance IRIs is a setting (config.py `base_iri`), so it is not a constant here: `base_iri()` is the
base of the work in progress, DEFAULT_BASE_IRI unless that work runs under `using_base_iri(base)`. Three
places enter it, each with the configured value: a build (`build(settings=...)`), a CLI command (cli.py `main`)
and a server request (server/app.py). Nothing here reads the environment.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from .errors import ConfigError

ITUKG = Namespace("https://w3id.org/itukg/ontology#")
#: The ontology's own IRI (owl:Ontology).
ONTOLOGY_IRI = URIRef("https://w3id.org/itukg/ontology")
#: Base of instance IRIs as the shipped reference data (ontology/reference/*.ttl) writes them.
DEFAULT_BASE_IRI = "https://w3id.org/itukg/id/"
GRAPH = Namespace("https://w3id.org/itukg/graph/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
VANN = Namespace("http://purl.org/vocab/vann/")
WD = Namespace("http://www.wikidata.org/entity/")

ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]
INFERRED_GRAPH = GRAPH["inferred"]

#: Names used only inside a store, never published: the deduplicated union of every itukg graph (the default
#: graph) and the same without the inferences (server/store.py, graph/store_push.py); what an external store
#: holds, uploads in progress and a graph that never exists ("no default graph" in a protocol request)
#: (graph/store_push.py, server/remote.py).
_URN = "urn:x-itukg:"
UNION_GRAPH_IRI = _URN + "union"
ASSERTED_GRAPH_IRI = _URN + "asserted"
META_GRAPH_IRI = _URN + "meta"
STAGING_PREFIX = _URN + "staging:"
EMPTY_GRAPH_IRI = _URN + "empty"
META_DATASET, META_STATE, META_MANIFEST, META_GENERATION = (_URN + n for n in ("dataset", "state", "manifest", "generation"))


#: A context variable, not a global: two servers with two bases may run in one process (their request threads
#: each enter their own), and a build under another base leaves the caller's unchanged.
_BASE_IRI: ContextVar[str] = ContextVar("itukg_base_iri", default=DEFAULT_BASE_IRI)


def base_iri() -> str:
    """The base instance IRIs are minted and read under here and now (see the module's docstring)."""
    return _BASE_IRI.get()


def check_base_iri(base: str) -> str:
    """`base` if instance IRIs can be minted under it, else a ConfigError."""
    if not isinstance(base, str) or not base.startswith(("http://", "https://")) or not base.endswith(("/", "#")):
        raise ConfigError(f"base_iri must be an http(s) IRI ending in / or #, not {base!r}")
    return base


@contextmanager
def using_base_iri(base: str | None) -> Iterator[str]:
    """Mint and read instance IRIs under `base` inside the block (None: keep the current base)."""
    if base is None:
        yield base_iri()
        return
    token = _BASE_IRI.set(check_base_iri(base))
    try:
        yield base
    finally:
        _BASE_IRI.reset(token)


def set_process_base_iri(base: str) -> None:
    """For a build's worker process only (its pool initializer): `base` for the rest of the process's life.
    Forked workers inherit the build's context anyway; this covers one the pool starts later from its own thread."""
    _BASE_IRI.set(check_base_iri(base))


def document_graph(sha256: str):
    """The named graph holding one document's asserted facts."""
    return GRAPH[f"document/{sha256}"]


def prefixes() -> dict[str, Namespace | type[DefinedNamespace]]:
    """The project's prefixes, `id:` being the configured base of instance IRIs (rdflib's own vocabularies,
    SKOS to XSD, are DefinedNamespace classes; str() of either is the namespace IRI)."""
    return {
        "itukg": ITUKG,
        "id": Namespace(base_iri()),
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


def __getattr__(name: str):
    """`ID` (the instance namespace) and `PREFIXES` follow base_iri() where they are read, not where this module
    is imported."""
    if name == "ID":
        return Namespace(base_iri())
    if name == "PREFIXES":
        return prefixes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes so serializations are readable."""
    for prefix, ns in prefixes().items():
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
