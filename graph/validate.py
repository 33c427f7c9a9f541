"""The SHACL gate: a document's graph is checked before it may enter the store.

The shapes need the types of the reference entities a document points to (sh:class), and the class
hierarchy of the ontology. Rather than copying the whole reference data into every validation (which would
make the cost grow with the reference, not with the document), each document is validated together with
the descriptions of the reference entities it mentions and the materialized types of every IRI involved.
The shapes run compiled (graph/shacl_engine.py, milliseconds a document) or through pyshacl, the reference,
with inference "none" on that (pyshacl's focus_nodes option is not used: in 0.40 it lets nested shapes pass
for values outside the focus set); results are kept for the document's own nodes.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import cast

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.plugins.sparql import prepareQuery

from .errors import ConfigError
from .namespaces import ITUKG, RDF_TYPE, base_iri
from .reference import Reference, load_reference
from .resources import shapes_file
from .shacl_engine import DataIndex, Result, ShapesProgram, UnsupportedShapes

#: a term of a parsed graph (what the validation results hold)
_Term = URIRef | BNode | Literal


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
    for prefix, base in (("itukg:", str(ITUKG)), ("id:", base_iri())):
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
def _shapes_program() -> ShapesProgram | None:
    """The shapes compiled once per process; None when they use a feature only pyshacl implements."""
    try:
        return ShapesProgram(shapes_graph())
    except UnsupportedShapes:
        return None


@lru_cache(maxsize=1)
def _type_closure() -> dict[URIRef, frozenset[URIRef]]:
    """Every class of the ontology with all its superclasses (for materializing types of context entities)."""
    onto = load_reference().ontology
    supers: dict[URIRef, set[URIRef]] = {}
    for c in set(onto.subjects(RDF.type, None)) | set(onto.subjects(RDFS.subClassOf, None)):
        if isinstance(c, URIRef):
            # rdflib types the walk as Node | None: it starts from the subject given (never None here), and the
            # ontology's superclasses are named classes
            supers[c] = set(cast("Iterable[URIRef]", onto.transitive_objects(c, RDFS.subClassOf)))
    return {c: frozenset(s) for c, s in supers.items()}


@lru_cache(maxsize=1)
def _reference_view(ref: Reference) -> tuple[dict, dict]:
    """The reference data as two dicts (entity -> its triples, node -> its types), made once per Reference."""
    descriptions: dict = defaultdict(list)
    types: dict = defaultdict(set)
    for s, p, o in ref.graph:
        if str(s) in ref.kinds:
            descriptions[s].append((s, p, o))
        if p == RDF_TYPE:
            types[s].add(o)
    return dict(descriptions), dict(types)


def _context_triples(index: DataIndex, ref: Reference) -> list[tuple]:
    """The descriptions of the reference entities the data mentions, and the types (with superclasses) of
    every IRI in both."""
    closure = _type_closure()
    descriptions, ref_types = _reference_view(ref)
    nodes = {n for n in index.out if isinstance(n, URIRef)} | {n for n in index.inv if isinstance(n, URIRef)}
    out = []
    for node in nodes:
        out.extend(descriptions.get(node, ()))
    nodes |= {o for _, _, o in out if isinstance(o, URIRef)}
    for node in nodes:
        types = index.objects(node, RDF_TYPE) | ref_types.get(node, frozenset())
        for t in types:
            for sup in closure.get(t, (t,)):
                out.append((node, RDF_TYPE, sup))
    return out


def validate_graph(data: Graph, ref: Reference | None = None, engine: str = "compiled") -> Report:
    """Validate one document graph (plus its context) against the shapes.

    engine "compiled" (the default) runs the shapes compiled by `shacl_engine`; "pyshacl" runs pyshacl, the
    reference, which the compiled engine also falls back to when the shapes use a feature it lacks.
    """
    if engine not in ("compiled", "pyshacl"):
        raise ConfigError(f"unknown validation engine {engine!r} (choose compiled or pyshacl)")
    ref = ref or load_reference()
    index = DataIndex(data)
    index.add_all(_context_triples(index, ref))
    program = _shapes_program() if engine == "compiled" else None
    results = program.validate(index) if program is not None else pyshacl_results(index.triples)
    # Only results about the nodes the document itself describes count: the context holds reference entities
    # partially (their own triples, not their neighbours'), and the reference data is checked by its own tests.
    own = {s for s in data.subjects(RDF.type, None) if isinstance(s, URIRef)}
    problems = [_problem(r, data) for r in results if r.focus in own]
    problems.sort(key=lambda p: (p.severity != "Violation", p.start or 0, p.focus, p.path or "", p.message,
                                 p.value or ""))
    return Report(conforms=not any(p.severity == "Violation" for p in problems), problems=problems)


def pyshacl_results(triples) -> list[Result]:
    """pyshacl's results for a data graph, in the compiled engine's form (the reference it is tested against)."""
    combined = _PreparedQueryGraph()
    for t in triples:
        combined.add(t)
    # in place: `combined` is this call's own copy; SHACL-AF ("advanced") is not used and would force a clone
    conforms, report, _ = shacl_validate(
        combined, shacl_graph=shapes_graph(), inference="none", advanced=False, inplace=True, allow_warnings=True,
        abort_on_first=False,
    )
    if not isinstance(report, Graph):  # pyshacl's ValidationFailure: the shapes themselves are broken
        raise ConfigError(f"the SHACL shapes cannot be applied: {report}")
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        if (None, SH.detail, r) in report:
            continue  # a nested result (sh:node), reported through its parent
        path = report.value(r, SH.resultPath)
        # rdflib types a graph's terms as Node (the abstract base) and value() as optional; a pyshacl result
        # always has its focus node, severity and source shape
        out.append(Result(cast("_Term", report.value(r, SH.focusNode)), path if isinstance(path, URIRef) else None,
                          cast("_Term | None", report.value(r, SH.value)),
                          cast(URIRef, report.value(r, SH.resultSeverity) or SH.Violation),
                          cast("_Term", report.value(r, SH.sourceShape)),
                          frozenset(str(m) for m in report.objects(r, SH.resultMessage))))
    return out


def _problem(r: Result, data: Graph) -> Problem:
    quote = start = end = None
    ev = _evidence_for(data, r.focus, r.path)
    if ev is not None:
        quote, start, end = ev
    severity = str(r.severity).rsplit("#", 1)[-1]
    # a SPARQL-based result carries the shape's message and the constraint's: the constraint's is specific
    specific = sorted(r.messages - _shape_messages(r.source_shape)) or sorted(r.messages)
    message = specific[0] if specific else "does not conform"
    return Problem(severity, str(r.focus), str(r.path) if r.path is not None else None, message,
                   str(r.value) if r.value is not None else None, quote, start, end)


@cache
def _shape_messages(shape) -> frozenset[str]:
    return frozenset(str(m) for m in shapes_graph().objects(shape, SH.message))


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
    if not isinstance(start, Literal) or not isinstance(end, Literal):
        return None
    return str(quote), int(start), int(end)
