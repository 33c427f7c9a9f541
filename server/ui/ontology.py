"""The ontology page (/ontology): the ontology graph as documentation, with its header, class tree, properties
and alignments to other vocabularies. Read straight from the ontology's named graph, no query needed."""
from __future__ import annotations

from collections import Counter, defaultdict

import pyoxigraph as ox

from ...graph.namespaces import DCTERMS, ITUKG, ONTOLOGY_GRAPH, ONTOLOGY_IRI, OWL, RDF, RDFS, SCHEMA, SKOS, VANN
from ...graph.summary import ontology_phrase, term_kind
from ..pages import curie, local_name
from .cache import cached
from .index import index_of, literal_rank
from .web import bp, current_snapshot, render

_CHARACTERISTICS = {str(OWL[name]): words for name, words in (
    ("FunctionalProperty", "functional"), ("InverseFunctionalProperty", "inverse functional"),
    ("TransitiveProperty", "transitive"), ("SymmetricProperty", "symmetric"), ("AsymmetricProperty", "asymmetric"),
    ("IrreflexiveProperty", "irreflexive"))}
_ONTOLOGY = str(ONTOLOGY_IRI)
#: The ontology header's literal fields: key -> property.
_HEADER_LITERALS = {"title": DCTERMS.title, "description": DCTERMS.description, "version": OWL.versionInfo,
                    "created": DCTERMS.created, "modified": DCTERMS.modified,
                    "prefix": VANN.preferredNamespacePrefix, "namespace": VANN.preferredNamespaceUri}
#: ... and its IRI fields.
_HEADER_IRIS = {"version_iri": OWL.versionIRI, "license": DCTERMS.license}
#: A property's links to other terms: key -> property.
_PROPERTY_LINKS = {"super": RDFS.subPropertyOf, "inverse": OWL.inverseOf, "domain": RDFS.domain,
                   "range": RDFS.range, "domain_includes": SCHEMA.domainIncludes, "range_includes": SCHEMA.rangeIncludes}
#: A class's links to other classes: key -> property.
_CLASS_LINKS = {"super": RDFS.subClassOf, "equivalent": OWL.equivalentClass, "disjoint": OWL.disjointWith}
_PROPERTY_GROUPS = {"object properties": "object_properties", "datatype properties": "datatype_properties",
                    "annotation properties": "annotation_properties"}


def ontology_doc(snap) -> dict:
    """The ontology graph as documentation: header, classes (with their tree), properties, alignments."""
    return cached(snap, "ontology", lambda: _ontology_doc(snap))


class _Terms:
    """The ontology graph's statements by subject, read as literals, IRIs and term references."""

    def __init__(self, props: dict[str, dict[str, list]]):
        self.props = props

    def lit(self, s: str, p) -> str | None:
        values = [o for o in self.props[s].get(str(p), []) if isinstance(o, ox.Literal)]
        values.sort(key=literal_rank)
        return values[0].value if values else None

    def iris(self, s: str, p) -> list[str]:
        return sorted({o.value for o in self.props[s].get(str(p), []) if isinstance(o, ox.NamedNode)})

    def term(self, iri: str) -> dict:
        lab = self.lit(iri, RDFS.label) if iri in self.props else None
        return {"iri": iri, "curie": curie(iri) or iri, "label": lab or curie(iri) or local_name(iri),
                "anchor": local_name(iri) if iri.startswith(ITUKG) else None}

    def terms(self, s: str, p) -> list[dict]:
        return [self.term(x) for x in self.iris(s, p)]


def _header(t: _Terms) -> dict:
    if _ONTOLOGY not in t.props:
        return {}
    return {"iri": _ONTOLOGY, **{k: t.lit(_ONTOLOGY, p) for k, p in _HEADER_LITERALS.items()},
            **{k: next(iter(t.iris(_ONTOLOGY, p)), None) for k, p in _HEADER_IRIS.items()}}


def _alignments(t: _Terms, s: str, entry: dict, relations: tuple[tuple[str, str], ...]) -> list[dict]:
    """The links of `entry` (keys of `relations`) to terms of other vocabularies, as alignments."""
    return [{"term": t.term(s), "relation": relation, "target": x}
            for key, relation in relations for x in entry[key] if not x["iri"].startswith(ITUKG)]


def _ontology_doc(snap) -> dict:
    graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
    if not snap.store.contains_named_graph(graph):
        return {"present": False, "header": {}, "classes": [], "object_properties": [], "datatype_properties": [],
                "annotation_properties": [], "alignments": [], "tree": []}
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for q in snap.store.quads_for_pattern(None, None, None, graph):
        if isinstance(q.subject, ox.NamedNode):
            props[q.subject.value][q.predicate.value].append(q.object)
    t = _Terms(props)
    own = sorted((s for s in props if s.startswith(ITUKG)), key=lambda s: local_name(s).lower())
    classes, alignments = [], []
    groups: dict[str, list] = {key: [] for key in _PROPERTY_GROUPS.values()}
    instances = Counter(ty for types in index_of(snap).types.values() for ty in types if ty.startswith(ITUKG))
    for s in own:
        types = set(t.iris(s, RDF.type))
        entry = {
            **t.term(s),
            "definition": t.lit(s, SKOS.definition) or t.lit(s, RDFS.comment),
            "comment": t.lit(s, RDFS.comment) if t.lit(s, SKOS.definition) else None,
            "examples": sorted(o.value for o in props[s].get(str(SKOS.example), []) if isinstance(o, ox.Literal)),
            "scope_note": t.lit(s, SKOS.scopeNote),
        }
        kind = term_kind(types)  # counted as `itukg ontology` counts (graph/summary.py)
        if kind == "classes":
            entry.update({key: t.terms(s, p) for key, p in _CLASS_LINKS.items()})
            entry["sub"] = [t.term(x) for x in sorted(o for o in own if s in t.iris(o, RDFS.subClassOf))]
            entry["instances"] = instances.get(s, 0)
            classes.append(entry)
            alignments += _alignments(t, s, entry, (("super", "subClassOf"), ("equivalent", "equivalentClass")))
            continue
        entry.update({key: t.terms(s, p) for key, p in _PROPERTY_LINKS.items()})
        entry["characteristics"] = sorted(_CHARACTERISTICS[x] for x in types if x in _CHARACTERISTICS)
        alignments += _alignments(t, s, entry, (("super", "subPropertyOf"), ("inverse", "inverseOf")))
        if kind in _PROPERTY_GROUPS:
            groups[_PROPERTY_GROUPS[kind]].append(entry)
    by_iri = {c["iri"]: c for c in classes}

    def tree(c, seen=()):
        return {"term": t.term(c["iri"]), "children": [tree(by_iri[x["iri"]], seen + (c["iri"],))
                                                        for x in c["sub"] if x["iri"] in by_iri
                                                        and x["iri"] not in seen]}

    roots = [c for c in classes if not any(x["iri"] in by_iri for x in c["super"])]
    alignments.sort(key=lambda a: (a["term"]["curie"], a["relation"], a["target"]["curie"]))
    summary = ontology_phrase({"classes": len(classes), **{k: len(groups[v]) for k, v in _PROPERTY_GROUPS.items()}})
    return {"present": True, "header": _header(t), "summary": summary, "classes": classes, **groups,
            "alignments": alignments, "tree": [tree(c) for c in roots],
            "triples": sum(len(v) for p in props.values() for v in p.values())}


@bp.get("/ontology")
def ontology():
    return render("ui/ontology.html", doc=ontology_doc(current_snapshot()), active="ontology")
