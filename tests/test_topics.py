"""Checks of the SKOS concept scheme of ITU-T topics (ontology/reference/topics.ttl)."""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from itukg.graph.resources import reference_files

ITUKG = Namespace("https://w3id.org/itukg/ontology#")
TOPIC_BASE = "https://w3id.org/itukg/id/topic/"
GROUP_BASE = "https://w3id.org/itukg/id/group/"
SCHEME = URIRef(TOPIC_BASE + "scheme")
WD = "http://www.wikidata.org/entity/"
WIKIPEDIA = "https://en.wikipedia.org/wiki/"

DATA_DIR = Path(__file__).parent / "data"
SEED_FACTS = DATA_DIR / "seed-facts.json"

#: Wikidata items verified (verified=yes, kind=concept) in the external-links table.
VERIFIED_QIDS = {
    "Q251212": "Internet of Things",
    "Q2539": "machine learning",
    "Q11660": "artificial intelligence",
    "Q254183": "augmented reality",
    "Q170519": "virtual reality",
    "Q7942": "climate change",
}
#: English Wikipedia titles listed for concepts (column wikipedia_title) in the external-links table.
WIKIPEDIA_TITLES = {
    "5G", "5G network slicing", "Software-defined networking", "Network function virtualization",
    "Internet of things", "Smart city", "Over-the-top media service", "Post-quantum cryptography",
    "Quantum key distribution", "Machine learning", "Artificial intelligence", "Telephone number mapping",
    "Signalling System No. 7", "Caller ID spoofing", "Voice over LTE", "Augmented reality", "Virtual reality",
    "Edge computing", "Cyber threat intelligence", "Efficient energy use", "Climate change",
}


@pytest.fixture(scope="module")
def graph() -> Graph:
    paths = [p for p in reference_files() if p.name == "topics.ttl"]
    assert paths, "ontology/reference/topics.ttl is not shipped with the package"
    g = Graph()
    g.parse(paths[0], format="turtle")
    return g


@pytest.fixture(scope="module")
def concepts(graph) -> set[URIRef]:
    return set(graph.subjects(RDF.type, SKOS.Concept))


@pytest.fixture(scope="module")
def labels(graph, concepts) -> dict[str, set[URIRef]]:
    """Case-folded label -> concepts carrying it (pref, alt or hidden label)."""
    index: dict[str, set[URIRef]] = defaultdict(set)
    for c in concepts:
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for lab in graph.objects(c, prop):
                index[str(lab).casefold()].add(c)
    return index


def top_concepts(graph) -> set[URIRef]:
    return set(graph.objects(SCHEME, SKOS.hasTopConcept))


def gold_topic_labels() -> list[str]:
    facts = json.loads(SEED_FACTS.read_text(encoding="utf-8"))
    found: list[str] = []
    for doc in facts["documents"].values():
        for meeting in doc.get("meetings", []):
            topics = meeting.get("topics", {})
            for key in ("must", "should"):
                for label in topics.get(key, []):
                    if label not in found:
                        found.append(label)
    return found


# ---------------------------------------------------------------- scheme

def test_scheme_is_described(graph):
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in graph
    assert graph.value(SCHEME, DCTERMS.title) is not None
    pref = graph.value(SCHEME, SKOS.prefLabel)
    assert pref is not None and pref.language == "en"
    assert len(top_concepts(graph)) >= 10


def test_top_concepts_are_concepts_without_broader(graph, concepts):
    for top in top_concepts(graph):
        assert top in concepts, top
        assert (top, SKOS.topConceptOf, SCHEME) in graph, top
        assert graph.value(top, SKOS.broader) is None, f"top concept {top} has a broader concept"
    declared = set(graph.subjects(SKOS.topConceptOf, SCHEME))
    assert declared == top_concepts(graph)


# ---------------------------------------------------------------- concepts

def test_enough_concepts(concepts):
    assert len(concepts) >= 150, len(concepts)


def test_concept_iris_and_types(graph, concepts):
    for c in concepts:
        assert re.fullmatch(re.escape(TOPIC_BASE) + r"[a-z0-9]+(-[a-z0-9]+)*", str(c)), c
        assert (c, RDF.type, ITUKG.Topic) in graph, f"{c} is not an itukg:Topic"
    assert set(graph.subjects(RDF.type, ITUKG.Topic)) == concepts


def test_every_concept_is_fully_labelled_and_defined(graph, concepts):
    for c in concepts:
        prefs = list(graph.objects(c, SKOS.prefLabel))
        assert len(prefs) == 1, f"{c} needs exactly one skos:prefLabel"
        assert prefs[0].language == "en", c
        rdfs_labels = list(graph.objects(c, RDFS.label))
        assert len(rdfs_labels) == 1, f"{c} needs exactly one rdfs:label"
        lab = rdfs_labels[0]
        assert isinstance(lab, Literal) and lab.language is None and lab.datatype is None, c
        assert str(lab) == str(prefs[0]), c
        definitions = list(graph.objects(c, SKOS.definition))
        assert len(definitions) == 1 and definitions[0].language == "en", c
        assert str(definitions[0]).strip().endswith("."), c
        assert (c, SKOS.inScheme, SCHEME) in graph, c
        for prop in (SKOS.altLabel, SKOS.hiddenLabel):
            for alt in graph.objects(c, prop):
                assert isinstance(alt, Literal) and alt.language == "en", (c, alt)
                assert str(alt) == str(alt).strip() and str(alt), (c, alt)


def test_pref_labels_are_unique(graph, concepts):
    seen: dict[str, URIRef] = {}
    for c in concepts:
        key = str(graph.value(c, SKOS.prefLabel)).casefold()
        assert key not in seen, f"{c} and {seen[key]} share the prefLabel {key!r}"
        seen[key] = c


def test_no_label_is_shared_by_two_concepts(labels):
    shared = {lab: sorted(map(str, cs)) for lab, cs in labels.items() if len(cs) > 1}
    assert not shared, shared


def test_no_ambiguous_labels(labels):
    # labels that would match almost any ITU-T text (see the header of topics.ttl); "security" alone is
    # allowed as the prefLabel of its top concept, and "ITS" only as a case-sensitive acronym
    for word in ("trust", "data", "network", "networks", "cloud", "voice", "sg", "standardization",
                 "standardisation", "protocols", "performance", "testing", "services", "internet", "technology"):
        assert word not in labels, f"ambiguous label {word!r}"


def test_references_point_to_concepts(graph, concepts):
    for prop in (SKOS.broader, SKOS.narrower, SKOS.related):
        for s, o in graph.subject_objects(prop):
            assert s in concepts and o in concepts, (s, prop, o)
            assert s != o, s


def test_related_is_symmetric_and_disjoint_from_broader(graph):
    for s, o in graph.subject_objects(SKOS.related):
        assert (o, SKOS.related, s) in graph, (s, o)
    ancestors = _ancestors(graph)
    for s, o in graph.subject_objects(SKOS.related):
        assert o not in ancestors[s] and s not in ancestors[o], f"{s} related to its ancestor/descendant {o}"


def _ancestors(graph) -> dict[URIRef, set[URIRef]]:
    parents: dict[URIRef, set[URIRef]] = defaultdict(set)
    for s, o in graph.subject_objects(SKOS.broader):
        parents[s].add(o)
    result: dict[URIRef, set[URIRef]] = defaultdict(set)
    for start in list(parents):
        stack = list(parents[start])
        while stack:
            node = stack.pop()
            if node in result[start]:
                continue
            result[start].add(node)
            stack.extend(parents.get(node, ()))
    return result


def test_broader_hierarchy_has_no_cycles(graph, concepts):
    ancestors = _ancestors(graph)
    for c in concepts:
        assert c not in ancestors[c], f"cycle through {c}"


def test_hierarchy_depth(graph, concepts):
    parents: dict[URIRef, set[URIRef]] = defaultdict(set)
    for s, o in graph.subject_objects(SKOS.broader):
        parents[s].add(o)

    def depth(c, seen=()):
        if not parents[c]:
            return 0
        return 1 + max(depth(p, seen + (c,)) for p in parents[c] if p not in seen)

    depths = {c: depth(c) for c in concepts}
    assert max(depths.values()) >= 2
    assert sum(1 for d in depths.values() if d >= 2) >= 20


def test_every_concept_reachable_from_a_top_concept(graph, concepts):
    tops = top_concepts(graph)
    ancestors = _ancestors(graph)
    for c in concepts:
        if c in tops:
            continue
        assert ancestors[c] & tops, f"{c} is not below any top concept"
        assert graph.value(c, SKOS.broader) is not None, c


def test_responsible_groups_are_group_iris(graph):
    groups = set(graph.objects(None, ITUKG.responsibleGroup))
    assert groups, "no itukg:responsibleGroup at all"
    for g in groups:
        assert re.fullmatch(re.escape(GROUP_BASE) + r"(sg[1-9][0-9]?|tsag)", str(g)), g
    # the study groups of the brief all appear somewhere
    for n in (2, 3, 5, 9, 11, 12, 13, 15, 16, 17, 20):
        assert URIRef(f"{GROUP_BASE}sg{n}") in groups, f"no topic for SG{n}"


def test_responsible_groups_exist_in_itu_reference_data(graph):
    itu = [p for p in reference_files() if p.name == "itu.ttl"]
    if not itu:
        pytest.skip("ontology/reference/itu.ttl not present")
    ref = Graph().parse(itu[0], format="turtle")
    defined = {s for s in ref.subjects() if str(s).startswith(GROUP_BASE)}
    if not defined:
        pytest.skip("itu.ttl defines no groups yet")
    missing = {str(g) for g in graph.objects(None, ITUKG.responsibleGroup)} - {str(s) for s in defined}
    assert not missing, missing


# ---------------------------------------------------------------- external links

def test_exact_matches_only_verified_wikidata(graph):
    for s, o in graph.subject_objects(SKOS.exactMatch):
        assert str(o).startswith(WD), (s, o)
        qid = str(o)[len(WD):]
        assert qid in VERIFIED_QIDS, f"{s}: unverified Wikidata item {qid}"
        assert str(graph.value(s, SKOS.prefLabel)).casefold() == VERIFIED_QIDS[qid].casefold(), (s, qid)
    used = {str(o)[len(WD):] for o in graph.objects(None, SKOS.exactMatch)}
    assert used == set(VERIFIED_QIDS)


def test_close_matches_only_listed_wikipedia_titles(graph):
    for s, o in graph.subject_objects(SKOS.closeMatch):
        assert str(o).startswith(WIKIPEDIA), (s, o)
        title = str(o)[len(WIKIPEDIA):].replace("_", " ")
        assert title in WIKIPEDIA_TITLES, f"{s}: Wikipedia title {title!r} not in the external-links table"
    for prop in (SKOS.exactMatch, SKOS.closeMatch):
        assert len(set(graph.objects(None, prop))) == len(list(graph.subject_objects(prop))), \
            f"an external IRI is linked from two concepts via {prop}"


def test_allow_lists_agree_with_external_links_table():
    table = DATA_DIR / "external-links.csv"
    if not table.exists():
        pytest.skip("tests/data/external-links.csv not present")
    with table.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kind"] == "concept"]
    verified = {r["wikidata_qid"] for r in rows if r["verified"] == "yes" and r["wikidata_qid"]}
    titles = {r["wikipedia_title"] for r in rows if r["wikipedia_title"]}
    assert set(VERIFIED_QIDS) <= verified
    assert WIKIPEDIA_TITLES <= titles


# ---------------------------------------------------------------- coverage of the gold topics

GOLD = gold_topic_labels() if SEED_FACTS.exists() else []


def test_gold_file_present():
    assert SEED_FACTS.exists(), "tests/data/seed-facts.json is missing"
    assert len(GOLD) >= 40


@pytest.mark.parametrize("label", GOLD)
def test_gold_topic_is_findable(labels, label):
    if label.casefold() in labels:
        return
    parts = [p.strip() for p in label.split(" / ")]
    assert len(parts) > 1, f"gold topic {label!r} matches no concept label"
    for part in parts:
        assert part.casefold() in labels, f"part {part!r} of gold topic {label!r} matches no concept label"
    # both parts must name the same concept
    assert set.intersection(*(labels[p.casefold()] for p in parts)), label


@pytest.mark.parametrize("variants", [
    ("5G", "IMT-2020", "fifth generation", "5G systems"),
    ("quantum-safe cryptography", "post-quantum cryptography", "quantum-safe public key cryptography"),
    ("Internet of Things", "IoT"),
    ("automated driving", "autonomous driving", "assisted driving"),
    ("network orchestration", "orchestration"),
    ("cyber threat intelligence", "cybersecurity threat intelligence"),
    ("holographic communication", "holograms"),
    ("data centre interconnection", "datacentre interconnection", "data center interconnection"),
    ("data analytics", "analytics"),
    ("voice user interfaces", "voice interface", "AI-voice-UI/UX"),
    ("software-defined networking", "SDN"),
    ("network function virtualization", "NFV", "network functions virtualisation"),
    ("VoLTE", "ViLTE"),
])
def test_variants_name_one_concept(labels, variants):
    found = [labels.get(v.casefold(), set()) for v in variants]
    for v, cs in zip(variants, found):
        assert len(cs) == 1, f"{v!r} names {len(cs)} concepts"
    assert len(set.union(*found)) == 1, variants


def test_qos_and_qoe_have_their_own_narrower_concepts(graph, labels):
    (both,) = labels["qos and qoe"]
    (qos,) = labels["qos"]
    (qoe,) = labels["qoe"]
    assert len({both, qos, qoe}) == 3
    assert (qos, SKOS.broader, both) in graph and (qoe, SKOS.broader, both) in graph
