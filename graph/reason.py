"""OWL RL inferences, kept apart from the asserted facts and free of owlrl's noise.

owlrl is the reference implementation, but it re-derives the whole TBox for every graph it expands
(about 3 s for one bundled document, 70 s for 100k triples). The ontology is fixed while a build runs, so
`infer` compiles the OWL RL rules that the ontology's axioms can trigger on instance data into lookup tables
once, and applies them to each document to a fixpoint in milliseconds:

  cax-sco/cax-eqc (class hierarchy), prp-spo1 (sub-properties), prp-spo2 (property chains), prp-inv1/2
  (inverses), prp-dom/prp-rng (domains, ranges with an IRI value), prp-trp (transitive), prp-symp (symmetric).

Equality rules (prp-fp, prp-ifp, eq-*) are not applied: the ontology uses no owl:sameAs, and a functional
property with two values is a SHACL violation, rejected before reasoning. tests/test_reason.py checks that
`infer` and owlrl (`infer_owlrl`) give the same instance-level inferences on the corpus and on crafted
graphs that use every rule.

Reasoning runs per document against the ontology (and once for the reference data); a build's cost grows
with the documents added, not with the whole graph.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import BNode, Graph, Literal
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .namespaces import ITUKG, RDF_TYPE

_NOISE_OBJECTS = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
_SAME_AS, _RDF_NS = OWL.sameAs, str(RDF)  # built once (rdflib makes a new URIRef per namespace access)
_SCHEMA_NAMESPACES = tuple(str(ns) for ns in (OWL, RDF, RDFS, XSD, ITUKG)) + (
    "http://www.w3.org/ns/shacl#", "https://schema.org/", "http://www.w3.org/ns/org#",
    "http://www.w3.org/2004/02/skos/core#", "http://xmlns.com/foaf/0.1/", "http://purl.org/dc/terms/",
    "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/oa#",
)


def _is_noise(s, p, o, tbox_subjects: set) -> bool:
    """owlrl's by-products that say nothing about the data: literal subjects, reflexive sameAs, Thing types."""
    if isinstance(s, (Literal, BNode)) or isinstance(o, BNode):
        return True
    if p == _SAME_AS and s == o:
        return True
    if p == RDF_TYPE and o in _NOISE_OBJECTS:
        return True
    if s in tbox_subjects or str(s).startswith(_SCHEMA_NAMESPACES):
        return True  # facts about the vocabulary itself
    if isinstance(o, Literal) and o.datatype is not None and str(o.datatype).startswith(_RDF_NS):
        return True
    return False


def transitive_closure(edges: dict) -> dict:
    """node -> every node reachable from it along `edges` (node -> successors), itself left out."""
    out = {}
    for start in list(edges):
        seen, stack = set(), list(edges[start])
        while stack:
            x = stack.pop()
            if x not in seen:
                seen.add(x)
                stack.extend(edges.get(x, ()))
        seen.discard(start)
        out[start] = seen
    return out


@dataclass
class Rules:
    """The ontology compiled into what each instance triple can trigger."""

    super_classes: dict = field(default_factory=dict)
    super_properties: dict = field(default_factory=dict)
    inverses: dict = field(default_factory=lambda: defaultdict(set))
    domains: dict = field(default_factory=lambda: defaultdict(set))
    ranges: dict = field(default_factory=lambda: defaultdict(set))
    transitive: set = field(default_factory=set)
    symmetric: set = field(default_factory=set)
    chains: list = field(default_factory=list)  # (result property, [p1, p2, ...])
    tbox_subjects: set = field(default_factory=set)


def compile_rules(tbox: Graph) -> Rules:
    r = Rules()
    sc, sp = defaultdict(set), defaultdict(set)
    for c, d in tbox.subject_objects(RDFS.subClassOf):
        sc[c].add(d)
    for c, d in tbox.subject_objects(OWL.equivalentClass):
        sc[c].add(d)
        sc[d].add(c)
    for union_class, members in tbox.subject_objects(OWL.unionOf):
        for m in Collection(tbox, members):
            sc[m].add(union_class)
    for p, q in tbox.subject_objects(RDFS.subPropertyOf):
        sp[p].add(q)
    for p, q in tbox.subject_objects(OWL.equivalentProperty):
        sp[p].add(q)
        sp[q].add(p)
    r.super_classes = transitive_closure(sc)
    r.super_properties = transitive_closure(sp)
    for p, q in tbox.subject_objects(OWL.inverseOf):
        r.inverses[p].add(q)
        r.inverses[q].add(p)
    for p, c in tbox.subject_objects(RDFS.domain):
        r.domains[p].add(c)
    for p, c in tbox.subject_objects(RDFS.range):
        r.ranges[p].add(c)
    r.transitive = set(tbox.subjects(RDF.type, OWL.TransitiveProperty))
    r.symmetric = set(tbox.subjects(RDF.type, OWL.SymmetricProperty))
    for p, chain in tbox.subject_objects(OWL.propertyChainAxiom):
        r.chains.append((p, list(Collection(tbox, chain))))
    r.tbox_subjects = set(tbox.subjects())
    return r


@lru_cache(maxsize=4)
def _rules_for(tbox_id: int, tbox: Graph) -> Rules:
    return compile_rules(tbox)


def infer(data: Graph, tbox: Graph) -> Graph:
    """The OWL RL consequences of `data` under `tbox`, minus what was asserted and minus noise."""
    rules = _rules_for(id(tbox), tbox)
    asserted: set = set(data)
    facts: set = set(asserted)
    by_sp: dict = defaultdict(set)  # (s, p) -> objects
    by_po: dict = defaultdict(set)  # (p, o) -> subjects
    for s, p, o in facts:
        by_sp[(s, p)].add(o)
        by_po[(p, o)].add(s)
    queue = list(facts)

    def add(t) -> None:
        if t not in facts:
            facts.add(t)
            by_sp[(t[0], t[1])].add(t[2])
            by_po[(t[1], t[2])].add(t[0])
            queue.append(t)

    chain_heads = defaultdict(list)
    for result, chain in rules.chains:
        for i, step in enumerate(chain):
            chain_heads[step].append((result, chain, i))

    while queue:
        s, p, o = queue.pop()
        if p == RDF_TYPE:
            for c in rules.super_classes.get(o, ()):
                add((s, RDF_TYPE, c))
            continue
        for q in rules.super_properties.get(p, ()):
            add((s, q, o))
        if isinstance(o, Literal):
            for c in rules.domains.get(p, ()):
                add((s, RDF_TYPE, c))
            continue
        for q in rules.inverses.get(p, ()):
            add((o, q, s))
        for c in rules.domains.get(p, ()):
            add((s, RDF_TYPE, c))
        for c in rules.ranges.get(p, ()):
            add((o, RDF_TYPE, c))
        if p in rules.symmetric:
            add((o, p, s))
        if p in rules.transitive:
            for o2 in list(by_sp.get((o, p), ())):
                add((s, p, o2))
            for s0 in list(by_po.get((p, s), ())):
                add((s0, p, o))
        for result, chain, i in chain_heads.get(p, ()):
            for start, end in _chain_paths(chain, i, s, o, by_sp, by_po):
                add((start, result, end))
    tbox_subjects = rules.tbox_subjects
    out = Graph(store="SimpleMemory")
    for s, p, o in facts - asserted:
        if not _is_noise(s, p, o, tbox_subjects):
            out.add((s, p, o))
    return out


def _chain_paths(chain, i, s, o, by_sp, by_po):
    """All (start, end) of paths along `chain` that use the edge s -chain[i]-> o."""
    lefts = {s}
    for step in reversed(chain[:i]):
        lefts = {x for y in lefts for x in by_po.get((step, y), ())}
    rights = {o}
    for step in chain[i + 1:]:
        rights = {z for y in rights for z in by_sp.get((y, step), ()) if not isinstance(z, Literal)}
    return [(a, b) for a in lefts for b in rights]


def infer_owlrl(data: Graph, tbox: Graph) -> Graph:
    """The same, computed by owlrl's full OWL RL closure: the reference `infer` is tested against."""
    import owlrl  # the reference only (tests, benchmark): not loaded by a build or the server

    work = Graph()
    for t in tbox:
        work.add(t)
    for t in data:
        work.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(work)
    tbox_subjects = set(tbox.subjects())
    out = Graph()
    for t in work:
        if t not in data and t not in tbox and not _is_noise(*t, tbox_subjects):
            out.add(t)
    return out
