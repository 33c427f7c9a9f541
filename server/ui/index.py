"""The per-snapshot index (labels, types, kinds, search entries) and the entity references templates link.

`ref(snap, iri)` is the view model of an entity wherever a page names one: {iri, label, kind, kind_label}.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from ...graph.namespaces import DCTERMS, FOAF, RDFS, SCHEMA, SKOS, XSD
from ...graph.reason import transitive_closure
from ..pages import curie, local_name
from .cache import cached
from .kinds import kind_label, kind_roots
from .sparql import check_iri, select
from .text import fold

#: Label properties, best first (a plain or English literal of an earlier property wins).
LABEL_PROPERTIES = tuple(map(str, (RDFS.label, SKOS.prefLabel, FOAF.name, SCHEMA.name, DCTERMS.title,
                                   SKOS.notation)))
#: What the search box looks at, with a rank (labels before aliases).
SEARCH_PROPERTIES = {str(RDFS.label): 0, str(SKOS.prefLabel): 0, str(SKOS.notation): 1, str(SKOS.altLabel): 2,
                     str(SKOS.hiddenLabel): 3}
_XSD_STRING = str(XSD.string)


@dataclass
class Index:
    labels: dict = field(default_factory=dict)  # iri -> best label
    types: dict = field(default_factory=dict)  # iri -> set of type IRIs
    kinds: dict = field(default_factory=dict)  # iri -> kind
    entries: list = field(default_factory=list)  # (folded text, text, iri, property rank)
    by_kind: dict = field(default_factory=dict)  # kind -> [iri]


def literal_rank(lit: ox.Literal) -> int:
    """0 for a plain literal, 1 for English, 2 for another language: the order labels are preferred in."""
    lang = lit.language or ""
    return 0 if not lang else 1 if lang.startswith("en") else 2


def build_index(snap) -> Index:
    index = Index()
    best: dict[str, tuple] = {}
    seen = set()
    for row in select(snap, "index-literals", property=sorted(set(LABEL_PROPERTIES) | set(SEARCH_PROPERTIES))):
        s, p, o = row["s"].value, row["property"].value, row["o"]
        if p in LABEL_PROPERTIES:
            rank = (LABEL_PROPERTIES.index(p), literal_rank(o), o.value)
            if s not in best or rank < best[s]:
                best[s] = rank
        if p in SEARCH_PROPERTIES and (s, o.value) not in seen:
            seen.add((s, o.value))
            index.entries.append((fold(o.value), o.value, s, SEARCH_PROPERTIES[p]))
    index.entries.sort()  # one order whatever order the store gives the rows in (search.SearchKeys numbers them)
    index.labels = {s: r[2] for s, r in best.items()}
    for row in select(snap, "index-types"):
        index.types.setdefault(row["s"].value, set()).add(row["t"].value)
    kinds = kind_roots()
    roots = {r for _, r in kinds}
    supers: dict[str, set] = defaultdict(set)
    for row in select(snap, "subclasses"):
        supers[row["c"].value].add(row["d"].value)
    above = transitive_closure(supers)
    class_roots = {c: ({c} | above.get(c, set())) & roots for c in set(supers) | roots}
    for s, types in index.types.items():
        reached = set()
        for t in types:
            reached |= class_roots.get(t, set())
        index.kinds[s] = next((k for k, r in kinds if r in reached), "resource")
    for s, k in index.kinds.items():
        index.by_kind.setdefault(k, []).append(s)
    for k in index.by_kind:
        index.by_kind[k].sort(key=lambda i: (fold(index.labels.get(i, local_name(i))), i))
    return index


def index_of(snap) -> Index:
    return cached(snap, "index", lambda: build_index(snap))


def label(snap, iri: str) -> str:
    return index_of(snap).labels.get(iri) or curie(iri) or local_name(iri)


def kind_of(snap, iri: str) -> str:
    return index_of(snap).kinds.get(iri, "resource")


def ref(snap, iri: str) -> dict:
    """An entity as the templates link it: iri, label, kind."""
    kind = kind_of(snap, iri)
    return {"iri": iri, "label": label(snap, iri), "kind": kind, "kind_label": kind_label(kind)}


def term_ref(snap, term) -> dict:
    """A term (IRI or literal) for display: an entity reference or {'literal': text, 'datatype'}."""
    if isinstance(term, ox.NamedNode):
        return ref(snap, term.value)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else None
        return {"literal": term.value, "datatype": None if dt == _XSD_STRING else curie(dt or "") or dt,
                "lang": term.language}
    return {"literal": str(term)}


def predicate_ref(snap, iri: str) -> dict:
    own = index_of(snap).labels.get(iri)
    return {"iri": iri, "label": own or curie(iri) or local_name(iri), "curie": curie(iri)}


def sorted_refs(snap, iris: Iterable[str]) -> list[dict]:
    return sorted((ref(snap, i) for i in set(iris)), key=lambda r: (fold(r["label"]), r["iri"]))


def exists(snap, iri: str) -> bool:
    """Whether the dataset says anything about `iri` (as subject or object)."""
    check_iri(iri)
    node = ox.NamedNode(iri)
    graph = snap.default_graph
    return (next(iter(snap.store.quads_for_pattern(node, None, None, graph)), None) is not None
            or next(iter(snap.store.quads_for_pattern(None, None, node, graph)), None) is not None)
