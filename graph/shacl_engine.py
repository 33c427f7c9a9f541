"""A compiled SHACL validator for the SHACL subset the shapes use, so the gate costs milliseconds a document.

pyshacl is the reference (tests/test_shacl_engine.py checks that both report the same results on the
corpus, on every broken case of tests/test_shapes.py and on randomly damaged document graphs), but it pays
for its generality on every call: it walks the shapes graph, evaluates each constraint through rdflib's
triple store, and runs each SPARQL-based constraint once per focus node through rdflib's SPARQL engine
(about 0.35 s for a 2,000-triple document, 80 % of a build). The shapes do not change while a build runs, so
`ShapesProgram` turns them once into plain Python: paths become functions over a dict index of the data,
constraints become closures, and each SPARQL constraint runs once per document in an in-memory Oxigraph
store with `$this` as an ordinary variable, its rows then handed to the focus nodes they concern.

What is covered: targets (class, subjects-of, objects-of, node); predicate, inverse, alternative and sequence
paths; sh:class, datatype, nodeKind, min/maxCount, hasValue, in, pattern (with flags), min/maxLength,
min/max In/Exclusive, languageIn, uniqueLang, equals, disjoint, lessThan, lessThanOrEquals, node, not,
and, or, qualifiedValueShape with qualifiedMin/MaxCount, and SELECT-based sh:sparql. Shapes that use
anything else raise `UnsupportedShapes`; the gate then falls back to pyshacl.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from .errors import UnsupportedShapes
from .namespaces import RDF_TYPE
from .reason import transitive_closure

Node = URIRef | BNode | Literal


@dataclass(frozen=True)
class Result:
    """One validation result, the fields a report shows (pyshacl's sh:ValidationResult, flattened)."""

    focus: Node
    path: URIRef | None  # the result path when it is a single predicate
    value: Node | None
    severity: URIRef
    source_shape: Node
    messages: frozenset[str]


class DataIndex:
    """The data graph as dicts: subject -> predicate -> objects and object -> predicate -> subjects."""

    __slots__ = ("out", "inv", "_sub", "store")

    def __init__(self, triples: Iterable[tuple] = ()):
        self.out: dict = {}
        self.inv: dict = {}
        self._sub: dict | None = None
        self.store: ox.Store | None = None  # an Oxigraph copy for the SPARQL-based constraints, made when first needed
        self.add_all(triples)

    def add_all(self, triples: Iterable[tuple]) -> None:
        out, inv = self.out, self.inv
        for s, p, o in triples:
            _put(out, s, p, o)
            _put(inv, o, p, s)
        self._sub = self.store = None

    @property
    def triples(self):
        return ((s, p, o) for s, ps in self.out.items() for p, objs in ps.items() for o in objs)

    def objects(self, s, p) -> AbstractSet:
        d = self.out.get(s)
        return d.get(p, _EMPTY) if d else _EMPTY

    def subjects(self, p, o) -> AbstractSet:
        d = self.inv.get(o)
        return d.get(p, _EMPTY) if d else _EMPTY

    def _superclasses(self) -> dict:
        if self._sub is None:  # rdfs:subClassOf* within the data graph, as SHACL defines instance-of
            self._sub = transitive_closure({s: ps[_SUBCLASS] for s, ps in self.out.items() if _SUBCLASS in ps})
        return self._sub

    def is_instance(self, node, cls) -> bool:
        types = self.objects(node, RDF_TYPE)
        if cls in types:
            return True
        sup = self._superclasses()
        return bool(sup) and any(cls in sup.get(t, _EMPTY) for t in types)

    def instances(self, cls) -> set:
        sup = self._superclasses()
        classes = {cls} | {c for c, s in sup.items() if cls in s}
        out: set = set()
        for c in classes:
            out |= self.subjects(RDF_TYPE, c)
        return out


def _put(index: dict, key, p, value) -> None:
    by_p = index.get(key)
    if by_p is None:
        by_p = index[key] = {}
    values = by_p.get(p)
    if values is None:
        values = by_p[p] = set()
    values.add(value)


_EMPTY: frozenset = frozenset()
_SUBCLASS = RDFS.subClassOf  # built once (rdflib makes a new URIRef per namespace access)

# Parameters the engine reads; any other sh: predicate on a shape makes the shapes unsupported.
_DESCRIPTIVE = {SH.name, SH.description, SH.order, SH.group, SH.defaultValue, SH.message, SH.severity,
                SH.deactivated, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode,
                SH.property, SH.path, SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.declare,
                SH.prefixes}


# ----------------------------------------------------------------------------------------------- paths

def _compile_path(sg: Graph, node) -> Callable[[DataIndex, Node], AbstractSet]:
    if isinstance(node, URIRef):
        return lambda idx, f: idx.objects(f, node)
    inverse = sg.value(node, SH.inversePath)
    if inverse is not None:
        if not isinstance(inverse, URIRef):
            raise UnsupportedShapes("only a predicate may be inverted in a path")
        return lambda idx, f: idx.subjects(inverse, f)
    alternatives = sg.value(node, SH.alternativePath)
    if alternatives is not None:
        parts = [_compile_path(sg, p) for p in Collection(sg, alternatives)]
        return lambda idx, f: set().union(*(p(idx, f) for p in parts))
    if (node, RDF.first, None) in sg:
        steps = [_compile_path(sg, p) for p in Collection(sg, node)]

        def sequence(idx, f):
            current = {f}
            for step in steps:
                current = set().union(*(step(idx, n) for n in current)) if current else set()
            return current
        return sequence
    raise UnsupportedShapes(f"path {node!r} (zero-or-more, one-or-more and zero-or-one paths are not compiled)")


# ------------------------------------------------------------------------------------------ comparisons

def _lt(a: Node, b: Node, or_equal: bool) -> bool:
    """pyshacl's sh:lessThan(OrEquals): strings (and IRIs) compare only with strings, otherwise by value."""
    def key(n):
        if isinstance(n, URIRef):
            return str(n), True
        if isinstance(n, Literal) and isinstance(n.value, str):
            return n.value, True
        return n, False
    (x, xs), (y, ys) = key(a), key(b)
    if xs != ys:
        return False
    try:
        if or_equal:
            return bool(x <= y) if xs else bool(x < y or x.eq(y))
        return bool(x < y)
    except (TypeError, AttributeError):
        return False


def _compare_literal(a: Literal, b: Literal) -> int | None:
    """-1, 0 or 1 as pyshacl orders literals for sh:min/maxInclusive/Exclusive, None if incomparable."""
    if isinstance(a.value, str) != isinstance(b.value, str):
        return None
    try:
        if a.eq(b):
            return 0
        return 1 if a > b else -1
    except (TypeError, NotImplementedError):
        return None


def _datatype_ok(v: Node, dtype: URIRef) -> bool:
    if not isinstance(v, Literal):
        return False
    if v.datatype == dtype:
        if getattr(v, "ill_typed", None) is True:
            return False
        return _value_fits(v.value, dtype)
    if dtype == RDFS.Literal:
        return True
    if dtype == RDFS.Datatype and v.datatype:
        return True
    if v.datatype is None and v.language is None and dtype == XSD.string:
        return isinstance(v.value, (str, bytes))
    if dtype == RDF.langString and v.language:
        return isinstance(v.value, (str, bytes))
    return False


_PYTHON_VALUE: dict[URIRef, type | tuple[type, ...]] = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
                 XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}


def _value_fits(value, dtype) -> bool:
    """pyshacl's check of a literal's parsed value for the datatypes it knows (others pass)."""
    kind = _PYTHON_VALUE.get(dtype)
    return True if kind is None else isinstance(value, kind)


_NODE_KINDS = {
    SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal),
}


def _lang_matches(tag: str, wanted: str) -> bool:
    tag, wanted = tag.lower(), wanted.lower()
    return wanted == "*" or tag == wanted or tag.startswith(wanted + "-")


# ------------------------------------------------------------------------------------------ the shapes

class Shape:
    """A node or property shape compiled into closures over a DataIndex."""

    def __init__(self, node, severity, messages, path_node, path) -> None:
        self.node = node
        self.severity = severity
        self.messages = messages
        self.path_node = path_node
        self.path = path  # None for a node shape
        self.checks: list = []  # check(idx, focus, values) -> the failing value nodes (None: no value to name)
        self.sparql: list = []  # SparqlConstraint
        self.property_shapes: list[Shape] = []
        self.targets: list = []
        self.deactivated = False

    @property
    def result_path(self):
        return self.path_node if isinstance(self.path_node, URIRef) else None

    def values(self, idx: DataIndex, focus) -> set:
        return self.path(idx, focus) if self.path is not None else {focus}

    def results(self, idx: DataIndex, focus, sparql_rows: dict | None = None) -> list[Result]:
        if self.deactivated:
            return []
        out: list[Result] = []
        values = self.values(idx, focus)
        for check in self.checks:
            for value in check(idx, focus, values):
                out.append(Result(focus, self.result_path, value, self.severity, self.node, self.messages))
        for constraint in self.sparql:
            rows = (sparql_rows or {}).get(id(constraint))
            if rows is None:
                rows = constraint.rows_for(idx, [focus])
            for bindings in rows.get(focus, ()):
                out.append(constraint.result(self, focus, bindings))
        for prop in self.property_shapes:
            out.extend(prop.results(idx, focus, sparql_rows))
        return out

    def conforms(self, idx: DataIndex, focus) -> bool:
        return not self.results(idx, focus)


class SparqlConstraint:
    """A SELECT-based constraint, run once for all focus nodes with $this as a plain variable."""

    def __init__(self, node, select: str, prefixes: dict, messages: frozenset[str]):
        self.node = node
        self.messages = messages
        head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items())
        body = re.sub(r"\$this\b", "?this", select)
        if not re.search(r"\?this\b", body[: body.upper().find("WHERE")]):
            body = re.sub(r"(?i)^\s*SELECT\s+", "SELECT ?this ", body, count=1)
        self.query = head + body

    def rows_for(self, idx: DataIndex, focus_nodes: Iterable) -> dict:
        store = _oxigraph_store(idx)
        wanted = set(focus_nodes)
        rows: dict = defaultdict(list)
        solutions = store.query(self.query)
        assert isinstance(solutions, ox.QuerySolutions)  # the constraint is a SELECT (sh:select)
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            bindings = {n: _from_ox(solution[n]) for n in names if solution[n] is not None}
            this = bindings.get("this")
            if this in wanted:
                if bindings not in rows[this]:
                    rows[this].append(bindings)
        return rows

    def result(self, shape: Shape, focus, bindings: dict) -> Result:
        value = bindings.get("value")
        if value is None and shape.path is None:
            value = focus
        path = bindings.get("path")
        path = path if isinstance(path, URIRef) else shape.result_path
        messages = set(shape.messages)
        for m in self.messages:  # {?var} and {$var} in the message stand for the row's bindings
            for var, val in bindings.items():
                m = re.sub(f"{{[?$]{var}}}", str(val).replace("\\", "\\\\"), m)
            messages.add(m)
        return Result(focus, path, value, shape.severity, shape.node, frozenset(messages))


_OX_TERMS: dict = {}


def _to_ox(term):
    """rdflib term -> Oxigraph term, cached: a document repeats its predicates, classes and nodes."""
    converted = _OX_TERMS.get(term)
    if converted is None:
        if len(_OX_TERMS) > 100_000:
            _OX_TERMS.clear()
        converted = _OX_TERMS[term] = _convert_to_ox(term)
    return converted


def _convert_to_ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _from_ox(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    dt = term.datatype.value
    return Literal(term.value, datatype=None if dt == str(XSD.string) else URIRef(dt))


def _oxigraph_store(idx: DataIndex) -> ox.Store:
    """The index's triples in an in-memory Oxigraph store, made once per index."""
    if idx.store is None:
        store = ox.Store()
        store.extend(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in idx.triples)
        idx.store = store
    return idx.store


class ShapesProgram:
    """All shapes of a shapes graph, compiled; `validate` returns the results pyshacl would report."""

    def __init__(self, sg: Graph):
        self.sg = sg
        self._compiled: dict = {}
        self.prefixes = self._declared_prefixes()
        for s in sg.subjects(RDF.type, RDFS.Class):
            if (s, RDF.type, SH.NodeShape) in sg:
                raise UnsupportedShapes("implicit class targets are not compiled")
        targets: dict = defaultdict(list)  # the shapes that have targets are the ones validation starts from
        for kind in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode):
            for node, value in sg.subject_objects(kind):
                targets[node].append((kind, value))
        self.roots = [self.shape(node) for node in sorted(targets, key=str)]
        for root in self.roots:
            root.targets = targets[root.node]

    def _declared_prefixes(self) -> dict:
        out = {}
        for decl in self.sg.objects(None, SH.declare):
            prefix, ns = self.sg.value(decl, SH.prefix), self.sg.value(decl, SH.namespace)
            if prefix is not None and ns is not None:
                out[str(prefix)] = str(ns)
        return out

    def shape(self, node) -> Shape:
        compiled = self._compiled.get(node)
        if compiled is None:
            compiled = self._compile(node)
        return compiled

    def _compile(self, node) -> Shape:
        sg = self.sg
        path_node = sg.value(node, SH.path)
        shape = Shape(node, sg.value(node, SH.severity) or SH.Violation,
                      frozenset(str(m) for m in sg.objects(node, SH.message)), path_node,
                      _compile_path(sg, path_node) if path_node is not None else None)
        self._compiled[node] = shape  # before the parts, so recursive shapes terminate
        shape.deactivated = (node, SH.deactivated, Literal(True)) in sg
        for p, o in sorted(sg.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))):
            if p == SH.property or (str(p).startswith(str(SH)) and p not in _DESCRIPTIVE):
                self._constraint(shape, p, o)
        return shape

    def _constraint(self, shape: Shape, p, o) -> None:  # noqa: C901 (one branch per SHACL parameter)
        sg, add = self.sg, shape.checks.append
        if p == SH.property:
            shape.property_shapes.append(self.shape(o))
        elif p == SH["class"]:
            add(lambda idx, f, vs, c=o: [v for v in vs if not idx.is_instance(v, c)])
        elif p == SH.datatype:
            add(lambda idx, f, vs, d=o: [v for v in vs if not _datatype_ok(v, d)])
        elif p == SH.nodeKind:
            kinds = _NODE_KINDS[o]
            add(lambda idx, f, vs: [v for v in vs if not isinstance(v, kinds)])
        elif p == SH.minCount:
            n = int(o)
            add(lambda idx, f, vs: [None] if len(vs) < n else [])
        elif p == SH.maxCount:
            n = int(o)
            add(lambda idx, f, vs: [None] if len(vs) > n else [])
        elif p == SH.hasValue:
            add(lambda idx, f, vs: [] if o in vs else [None])
        elif p == SH["in"]:
            allowed = set(Collection(sg, o))
            add(lambda idx, f, vs: [v for v in vs if v not in allowed])
        elif p == SH.pattern:
            flags = str(sg.value(shape.node, SH.flags) or "").lower()
            regex = re.compile(str(o), (re.I if "i" in flags else 0) | (re.M if "m" in flags else 0))
            add(lambda idx, f, vs: [v for v in vs
                                    if isinstance(v, BNode) or not regex.search(str(v))])
        elif p in (SH.minLength, SH.maxLength):
            n, at_least = int(o), p == SH.minLength
            add(lambda idx, f, vs: [v for v in vs if isinstance(v, BNode) or (
                len(str(v)) < n if at_least else len(str(v)) > n)])
        elif p in (SH.minInclusive, SH.minExclusive, SH.maxInclusive, SH.maxExclusive):
            ok = {SH.minInclusive: (0, 1), SH.minExclusive: (1,), SH.maxInclusive: (0, -1),
                  SH.maxExclusive: (-1,)}[p]
            add(lambda idx, f, vs: [v for v in vs
                                    if not isinstance(v, Literal) or _compare_literal(v, o) not in ok])
        elif p == SH.languageIn:
            wanted = [str(x) for x in Collection(sg, o)]
            add(lambda idx, f, vs: [v for v in vs if not (
                isinstance(v, Literal) and v.language and any(_lang_matches(v.language, w) for w in wanted))])
        elif p == SH.uniqueLang:
            if o.toPython() is True:
                add(_unique_lang)
        elif p in (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals):
            add(_pair_check(p, o))
        elif p == SH["not"]:
            inner = self.shape(o)
            add(lambda idx, f, vs: [v for v in vs if inner.conforms(idx, v)])
        elif p == SH.node:
            inner = self.shape(o)
            add(lambda idx, f, vs: [v for v in vs if not inner.conforms(idx, v)])
        elif p in (SH["or"], SH["and"]):
            members = [self.shape(m) for m in Collection(sg, o)]
            test = any if p == SH["or"] else all
            add(lambda idx, f, vs: [v for v in vs
                                    if not test(m.conforms(idx, v) for m in members)])
        elif p == SH.qualifiedValueShape:
            if (shape.node, SH.qualifiedValueShapesDisjoint, Literal(True)) in sg:
                raise UnsupportedShapes("sh:qualifiedValueShapesDisjoint is not compiled")
            inner = self.shape(o)
            low, high = sg.value(shape.node, SH.qualifiedMinCount), sg.value(shape.node, SH.qualifiedMaxCount)

            def qualified(idx, f, vs):
                n = sum(1 for v in vs if inner.conforms(idx, v))
                bad = (low is not None and n < int(low)) + (high is not None and n > int(high))
                return [None] * bad
            add(qualified)
        elif p == SH.sparql:
            select = sg.value(o, SH.select)
            if select is None:
                raise UnsupportedShapes("only SELECT-based SPARQL constraints are compiled")
            if (o, SH.deactivated, Literal(True)) in sg:
                return
            shape.sparql.append(SparqlConstraint(o, str(select), self.prefixes,
                                                 frozenset(str(m) for m in sg.objects(o, SH.message))))
        elif p != SH.qualifiedValueShapesDisjoint or o != Literal(False):
            raise UnsupportedShapes(f"{p} is not compiled")  # sh:closed, sh:xone, sh:equals-like extensions...

    def validate(self, idx: DataIndex) -> list[Result]:
        out: list[Result] = []
        for root in self.roots:
            if root.deactivated:
                continue
            focus_nodes: set = set()
            for kind, value in root.targets:
                if kind == SH.targetClass:
                    focus_nodes |= idx.instances(value)
                elif kind == SH.targetSubjectsOf:
                    focus_nodes |= {s for s, ps in idx.out.items() if value in ps}
                elif kind == SH.targetObjectsOf:
                    focus_nodes |= {o for o, ps in idx.inv.items() if value in ps}
                else:
                    focus_nodes.add(value)
            if not focus_nodes:
                continue
            rows = self._sparql_rows(root, idx, focus_nodes)
            for focus in sorted(focus_nodes, key=str):
                out.extend(root.results(idx, focus, rows))
        return out

    def _sparql_rows(self, root: Shape, idx: DataIndex, focus_nodes: set) -> dict:
        """Each SPARQL constraint of the root and of its property shapes, run once for all focus nodes."""
        rows = {}
        for shape in [root, *root.property_shapes]:
            for constraint in shape.sparql:
                rows[id(constraint)] = constraint.rows_for(idx, focus_nodes)
        return rows


def _unique_lang(idx, f, vs):
    seen, dup = set(), []
    for v in vs:
        if isinstance(v, Literal) and v.language:
            lang = v.language.lower()
            if lang in seen and lang not in dup:
                dup.append(lang)
            seen.add(lang)
    return [None] * len(dup)


def _pair_check(p, other):
    def check(idx, f, vs):
        others = idx.objects(f, other)
        if p == SH.equals:
            return list(vs ^ others)
        if p == SH.disjoint:
            return [v for v in vs if v in others]
        or_equal = p == SH.lessThanOrEquals
        return [v for v in vs for w in others if not _lt(v, w, or_equal)]
    return check
