"""The small graph drawn on every entity page: the entity, its neighbours along the model's own properties,
and the links among them."""
from __future__ import annotations

from collections import Counter

from ...graph.namespaces import ITUKG, PROV, RDF, RDFS, SKOS
from .index import index_of, predicate_ref, ref
from .kinds import INTERNAL_KINDS
from .sparql import check_iri, select
from .tables import participation_rows

#: Kinds never drawn: internal nodes, ontology terms, and what has no kind.
_SKIP_KINDS = INTERNAL_KINDS | {"class", "property", "ontology", "scheme", "resource"}
_SKIP_PREDICATES = frozenset(map(str, (RDF.type, PROV.wasDerivedFrom, SKOS.inScheme, RDFS.isDefinedBy)))
_PARTICIPANT = str(ITUKG.participant)


def _collapse_participations(snap, iri: str, edges: list[tuple[str, str, str]]) -> None:
    """meeting -hasParticipation-> participation -organization-> org becomes meeting -participant-> org."""
    kinds = index_of(snap).kinds
    parts = [e for e in edges if kinds.get(e[0] if e[1] == iri else e[1]) == "participation"]
    if not parts:
        return
    hop = participation_rows(snap)
    for s, o, _ in parts:
        row = hop.get(s if o == iri else o)
        if row and row["meeting"] == iri:
            edges.append((iri, row["organization"], _PARTICIPANT))
        elif row and row["organization"] == iri:
            edges.append((row["meeting"], iri, _PARTICIPANT))


def neighbourhood(snap, iri: str, limit: int = 36, per_predicate: int = 10) -> dict:
    """A small graph around `iri`: {nodes: [{id, iri, label, kind}], edges: [{source, target, label}]}.

    Only the model's own properties (itukg:, skos: broader/narrower/related) are followed, once each way;
    participations are collapsed into the meeting or organization on their other side.
    """
    check_iri(iri)
    kinds = index_of(snap).kinds
    edges: list[tuple[str, str, str]] = [(iri, r["o"].value, r["p"].value)  # (source, target, predicate)
                                         for r in select(snap, "neighbourhood-out", entity=iri)]
    edges += [(r["s"].value, iri, r["p"].value) for r in select(snap, "neighbourhood-in", entity=iri)]
    _collapse_participations(snap, iri, edges)
    nodes = {iri: 0}
    out_edges: list[dict] = []
    per_pred: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for s, o, p in edges:
        other = o if s == iri else s
        if p in _SKIP_PREDICATES or other == iri or kinds.get(other, "resource") in _SKIP_KINDS:
            continue
        if (s, o) in seen or (o, s) in seen or per_pred[p] >= per_predicate:
            continue
        if other not in nodes:
            if len(nodes) >= limit:
                continue
            nodes[other] = len(nodes)
        per_pred[p] += 1
        seen.add((s, o))
        out_edges.append({"source": nodes[s], "target": nodes[o], "label": predicate_ref(snap, p)["label"]})
    truncated = len(edges) > len(out_edges)
    others = [n for n in nodes if n != iri]
    if 1 < len(others):  # links among the neighbours make it a graph rather than a star
        for r in select(snap, "neighbourhood-links", source=others, target=others):
            s, o, p = r["source"].value, r["target"].value, r["p"].value
            if p in _SKIP_PREDICATES or (s, o) in seen or (o, s) in seen:
                continue
            seen.add((s, o))
            out_edges.append({"source": nodes[s], "target": nodes[o], "label": predicate_ref(snap, p)["label"]})
    return {"nodes": [{"id": i, **ref(snap, n)} for n, i in sorted(nodes.items(), key=lambda x: x[1])],
            "edges": out_edges, "truncated": truncated}
