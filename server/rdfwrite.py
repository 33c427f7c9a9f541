"""Deterministic, readable RDF writers (Turtle, TriG, JSON-LD, N-Triples, N-Quads) over pyoxigraph terms.

Why not pyoxigraph's serializers: they emit prefixes in hash order (output changes between runs), escape
`/` in local names (`id:organization\\/ericsson`), and write JSON-LD without a @context. Why not rdflib: it is
slow on a whole dataset and mints prefixes of its own. These writers sort everything, declare only the
prefixes they use, fall back to <full IRIs> when a local name would need escapes, and relabel blank nodes
canonically (RDFC-1.0) so the same data always gives the same bytes.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = XSD + "string"
_SAFE_LOCAL = re.compile(r"^(?:[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?)?$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?[0-9]*\.[0-9]+$")


def canonical(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads with blank nodes relabelled by RDFC-1.0 (only when there are blank nodes: it costs)."""
    quads = list(quads)
    if any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object, q.graph_name)):
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    return quads


def as_quads(triples: Iterable[ox.Triple]) -> list[ox.Quad]:
    return [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]


def _key(term) -> tuple:
    """Sort IRIs before blank nodes before literals, then by their N-Triples text."""
    rank = 0 if isinstance(term, ox.NamedNode) else 1 if isinstance(term, ox.BlankNode) else 2
    return (rank, str(term))


def _quad_key(q: ox.Quad) -> tuple:
    graph = q.graph_name
    return ((0, "") if isinstance(graph, ox.DefaultGraph) else _key(graph), _key(q.subject),
            (0, "") if q.predicate.value == RDF_TYPE else _key(q.predicate), _key(q.object))


def ntriples(triples: Iterable[ox.Triple]) -> bytes:
    lines = sorted(f"{q.subject} {q.predicate} {q.object} .\n" for q in canonical(as_quads(triples)))
    return "".join(lines).encode("utf-8")


def nquads(quads: Iterable[ox.Quad]) -> bytes:
    lines = sorted(f"{q} .\n" for q in canonical(quads))
    return "".join(lines).encode("utf-8")


class _Names:
    """Compacts IRIs with the given prefixes and remembers which prefixes were used."""

    def __init__(self, prefixes: Mapping[str, str]):
        self._by_length = sorted(((str(ns), p) for p, ns in prefixes.items()), key=lambda x: -len(x[0]))
        self.used: dict[str, str] = {}

    def curie(self, iri: str) -> str | None:
        for ns, prefix in self._by_length:
            if iri.startswith(ns) and _SAFE_LOCAL.match(iri[len(ns):]):
                self.used[prefix] = ns
                return f"{prefix}:{iri[len(ns):]}"
        return None

    def turtle(self, term) -> str:
        if isinstance(term, ox.NamedNode):
            return self.curie(term.value) or f"<{term.value}>"
        if isinstance(term, ox.Literal):
            return self._literal(term)
        return str(term)  # blank nodes and triple terms: N-Triples syntax is valid Turtle

    def _literal(self, lit: ox.Literal) -> str:
        value, dt = lit.value, lit.datatype.value
        if lit.language:
            return str(lit) if getattr(lit, "direction", None) else f"{_quote(value)}@{lit.language}"
        if dt == _XSD_STRING:
            return _quote(value)
        if (dt == XSD + "integer" and _INTEGER.match(value)) or (dt == XSD + "decimal" and _DECIMAL.match(value)) \
                or (dt == XSD + "boolean" and value in ("true", "false")):
            return value
        return f"{_quote(value)}^^{self.turtle(lit.datatype)}"

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(self.used.items()))


def _quote(value: str) -> str:
    text = value.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")
    if "\n" in text:
        return f'"""{text}"""'
    return f'"{text}"'


def _statements(names: _Names, quads: list[ox.Quad], indent: str) -> list[str]:
    """Turtle statements for quads already sorted, grouped by subject then predicate."""
    out: list[str] = []
    i = 0
    while i < len(quads):
        subject = quads[i].subject
        j = i
        predicates: list[str] = []
        while j < len(quads) and quads[j].subject == subject:
            predicate = quads[j].predicate
            objects = []
            while j < len(quads) and quads[j].subject == subject and quads[j].predicate == predicate:
                objects.append(names.turtle(quads[j].object))
                j += 1
            verb = "a" if predicate.value == RDF_TYPE else names.turtle(predicate)
            predicates.append(f"{verb} {' , '.join(objects)}")
        body = f" ;\n{indent}    ".join(predicates)
        out.append(f"{indent}{names.turtle(subject)} {body} .\n")
        i = j
    return out


def turtle(triples: Iterable[ox.Triple], prefixes: Mapping[str, str]) -> bytes:
    names = _Names(prefixes)
    quads = sorted(canonical(as_quads(triples)), key=_quad_key)
    body = "\n".join(_statements(names, quads, ""))
    return (names.header() + ("\n" if names.used else "") + body).encode("utf-8")


def trig(quads: Iterable[ox.Quad], prefixes: Mapping[str, str]) -> bytes:
    names = _Names(prefixes)
    quads = sorted(canonical(quads), key=_quad_key)
    blocks: list[str] = []
    i = 0
    while i < len(quads):
        graph = quads[i].graph_name
        j = i
        while j < len(quads) and quads[j].graph_name == graph:
            j += 1
        if isinstance(graph, ox.DefaultGraph):
            blocks.append("\n".join(_statements(names, quads[i:j], "")))
        else:
            inner = "\n".join(_statements(names, quads[i:j], "    "))
            blocks.append(f"{names.turtle(graph)} {{\n{inner}}}\n")
        i = j
    return (names.header() + ("\n" if names.used else "") + "\n".join(blocks)).encode("utf-8")


def jsonld(quads: Iterable[ox.Quad], prefixes: Mapping[str, str]) -> bytes:
    """Flattened JSON-LD with an inline @context of the used prefixes (never a remote context)."""
    names = _Names(prefixes)
    graphs: dict[str, dict[str, dict]] = {}
    for q in sorted(canonical(quads), key=_quad_key):
        gkey = "" if isinstance(q.graph_name, ox.DefaultGraph) else _node_id(names, q.graph_name)
        node = graphs.setdefault(gkey, {}).setdefault(_node_id(names, q.subject), {})
        if q.predicate.value == RDF_TYPE and not isinstance(q.object, ox.Literal):
            node.setdefault("@type", []).append(_node_id(names, q.object))
        else:
            key = names.curie(q.predicate.value) or q.predicate.value
            node.setdefault(key, []).append(_json_value(names, q.object))
    def dump(obj) -> str:
        return json.dumps(obj, ensure_ascii=False, sort_keys=True)

    # One node per line: diffable, and far shorter than an indented dump.
    lines = [dump({"@id": sid, **props}) for sid, props in graphs.pop("", {}).items()]
    for gid, members in graphs.items():
        inner = ",\n  ".join(dump({"@id": sid, **props}) for sid, props in members.items())
        lines.append(f'{{"@id": {json.dumps(gid, ensure_ascii=False)}, "@graph": [\n  {inner}\n]}}')
    context = dump(dict(sorted(names.used.items())))
    return ('{"@context": ' + context + ',\n"@graph": [\n' + ",\n".join(lines) + "\n]}\n").encode("utf-8")


def _node_id(names: _Names, term) -> str:
    if isinstance(term, ox.NamedNode):
        return names.curie(term.value) or term.value
    return str(term)  # _:label


def _json_value(names: _Names, term):
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": names.curie(term.datatype.value) or term.datatype.value}
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return {"@id": _node_id(names, term)}
    raise ValueError("JSON-LD output does not support triple terms")
