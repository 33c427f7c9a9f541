"""The SHACL gate: a document's graph is checked before it may enter the store.

The shapes need the types of the reference entities a document points to (sh:class), and the class
hierarchy of the ontology. Rather than copying the whole reference data into every validation (which would
make the cost grow with the reference, not with the document), each document is validated together with
the descriptions of the reference entities it mentions and the materialized types of every IRI involved.
pyshacl runs with inference "none" on that (pyshacl's focus_nodes option is not used: in 0.40 it lets
nested shapes pass for values outside the focus set); results are kept for the document's own nodes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.plugins.sparql import prepareQuery

from .errors import ConfigError
from .namespaces import ITUKG
from .reference import Reference, load_reference
from .resources import shapes_file


@dataclass(frozen=True)
class Problem:
    """One SHACL result, said so that a person can find it in the document."""

    severity: str  # Violation, Warning, Info
    focus: str
    path: str | None
    message: str
    value: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None

    def line(self, source: str = "") -> str:
        where = f" at {self.start}-{self.end} \u201c{self.quote}\u201d" if self.quote is not None else ""
        prop = f" {_short(self.path)}" if self.path else ""
        return f"{source}{': ' if source else ''}{self.severity}: {_short(self.focus)}{prop}: {self.message}{where}"


@dataclass
class Report:
    conforms: bool
    problems: list[Problem] = field(default_factory=list)

    @property
    def violations(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "Violation"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "Violation"]


def _short(iri: str | None) -> str:
    if iri is None:
        return ""
    for prefix, base in (("itukg:", str(ITUKG)), ("id:", "https://w3id.org/itukg/id/")):
        if iri.startswith(base):
            return prefix + iri[len(base):]
    return iri


class _PreparedQueryGraph(Graph):
    """pyshacl runs each SPARQL-based constraint as query text, which rdflib parses anew for every focus
    node (~15 ms each, most of a small document's validation); the shapes hold a handful of queries, so each
    is parsed once per process and reused as a prepared query."""

    _prepared: dict = {}

    def query(self, query_object, processor="sparql", result="sparql", initNs=None, initBindings=None,  # noqa: N803
              use_store_provided=True, **kwargs):
        if isinstance(query_object, str):
            key = (query_object, tuple(sorted((initNs or {}).items())))
            prepared = self._prepared.get(key)
            if prepared is None:
                prepared = self._prepared[key] = prepareQuery(query_object, initNs=initNs or {})
            query_object = prepared
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    g = Graph()
    g.parse(shapes_file(), format="turtle")
    return g


@lru_cache(maxsize=1)
def _type_closure() -> dict[URIRef, frozenset[URIRef]]:
    """Every class of the ontology with all its superclasses (for materializing types of context entities)."""
    onto = load_reference().ontology
    supers: dict[URIRef, set[URIRef]] = {}
    for c in set(onto.subjects(RDF.type, None)) | set(onto.subjects(RDFS.subClassOf, None)):
        if isinstance(c, URIRef):
            supers[c] = set(onto.transitive_objects(c, RDFS.subClassOf))
    return {c: frozenset(s) for c, s in supers.items()}


def context_for(data: Graph, ref: Reference | None = None) -> Graph:
    """What the shapes need to know of the reference data: the descriptions of the reference entities `data`
    mentions, and the types (with superclasses) of every IRI in both."""
    ref = ref or load_reference()
    closure = _type_closure()
    ctx = Graph()
    nodes = {o for o in data.objects() if isinstance(o, URIRef)} | {s for s in data.subjects() if isinstance(s, URIRef)}
    for node in nodes:
        if str(node) in ref.kinds:
            for t in ref.graph.triples((node, None, None)):  # a reference entity's own description
                ctx.add(t)
    nodes |= {o for o in ctx.objects() if isinstance(o, URIRef)}
    for node in nodes:
        types = set(data.objects(node, RDF.type)) | set(ref.graph.objects(node, RDF.type))
        for t in types:
            for sup in closure.get(t, (t,)):
                ctx.add((node, RDF.type, sup))
    return ctx


def validate_graph(data: Graph, ref: Reference | None = None) -> Report:
    """Validate one document graph (plus its context) against the shapes."""
    ref = ref or load_reference()
    combined = _PreparedQueryGraph()
    for t in data:
        combined.add(t)
    for t in context_for(data, ref):
        combined.add(t)
    # in place: `combined` is this call's own copy; SHACL-AF ("advanced") is not used and would force a clone
    conforms, results, _ = shacl_validate(
        combined, shacl_graph=shapes_graph(), inference="none", advanced=False, inplace=True, allow_warnings=True,
        abort_on_first=False,
    )
    if not isinstance(results, Graph):  # pyshacl's ValidationFailure: the shapes themselves are broken
        raise ConfigError(f"the SHACL shapes cannot be applied: {results}")
    # Only results about the nodes the document itself describes count: the context holds reference entities
    # partially (their own triples, not their neighbours'), and the reference data is checked by its own tests.
    own = {s for s in data.subjects(RDF.type, None) if isinstance(s, URIRef)}
    problems = [p for p in _problems(results, data) if URIRef(p.focus) in own]
    return Report(conforms=not any(p.severity == "Violation" for p in problems), problems=problems)


def _problems(results: Graph, data: Graph) -> list[Problem]:
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        path = results.value(r, SH.resultPath)
        value = results.value(r, SH.value)
        severity = str(results.value(r, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
        message = str(results.value(r, SH.resultMessage) or "does not conform")
        quote = start = end = None
        ev = _evidence_for(data, focus, path)
        if ev is not None:
            quote, start, end = ev
        out.append(Problem(severity, str(focus), str(path) if isinstance(path, URIRef) else None, message,
                           str(value) if value is not None else None, quote, start, end))
    out.sort(key=lambda p: (p.severity != "Violation", p.start or 0, p.focus, p.path or ""))
    return out


def _evidence_for(data: Graph, focus, path) -> tuple[str, int, int] | None:
    """The text span a failing node (and property) was read from, so a report can quote the document."""
    candidates = list(data.subjects(ITUKG.evidenceSubject, focus))
    if not candidates:
        candidates = list(data.subjects(ITUKG.evidenceObject, focus))
    best = None
    for ev in candidates:
        if path is not None and (ev, ITUKG.evidencePredicate, path) in data:
            best = ev
            break
        best = best or ev
    if best is None:
        return None
    quote, start, end = (data.value(best, ITUKG.quote), data.value(best, ITUKG.start), data.value(best, ITUKG.end))
    if not isinstance(start, Literal):
        return None
    return str(quote), int(start), int(end)
