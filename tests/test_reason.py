"""The compiled OWL RL reasoner gives exactly owlrl's instance-level inferences, without owlrl's noise."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal
from rdflib.namespace import OWL, RDF

from itukg.graph.extract.meetings import extract
from itukg.graph.mapping import to_graph
from itukg.graph.read import read_document
from itukg.graph.reason import infer, infer_owlrl
from itukg.graph.reference import load_reference
from itukg.graph.resources import corpus_dir

EVERY_RULE = """
@prefix itukg: <https://w3id.org/itukg/ontology#> .
@prefix id: <https://w3id.org/itukg/id/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/itukg/id/meeting/m1> a itukg:CTOMeeting ;
    itukg:startDate "2020-05-03"^^xsd:date ;
    itukg:hasParticipation <https://w3id.org/itukg/id/participation/m1/acme> ;
    itukg:topic <https://w3id.org/itukg/id/topic/network-slicing> ;
    itukg:hasDiscussionItem <https://w3id.org/itukg/id/item/m1/1> ;
    itukg:location <https://w3id.org/itukg/id/place/geneva> .
<https://w3id.org/itukg/id/participation/m1/acme> itukg:organization <https://w3id.org/itukg/id/organization/acme> .
<https://w3id.org/itukg/id/group/g3> itukg:partOf <https://w3id.org/itukg/id/group/g2> .
<https://w3id.org/itukg/id/group/g2> itukg:partOf <https://w3id.org/itukg/id/group/g1> .
<https://w3id.org/itukg/id/group/g1> itukg:partOf <https://w3id.org/itukg/id/organization/itu-t> .
"""


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def graphs(ref):
    yield "reference", ref.graph
    crafted = Graph()
    crafted.parse(data=EVERY_RULE, format="turtle")
    yield "crafted", crafted
    for path in sorted(Path(corpus_dir()).glob("*.txt")):
        yield path.name, to_graph(extract(read_document(path), ref))


def test_same_inferences_as_owlrl(ref):
    for name, g in graphs(ref):
        fast, reference = set(infer(g, ref.ontology)), set(infer_owlrl(g, ref.ontology))
        assert fast == reference, (name, list(fast - reference)[:5], list(reference - fast)[:5])


def test_each_rule_fires(ref):
    g = Graph()
    g.parse(data=EVERY_RULE, format="turtle")
    out = infer(g, ref.ontology)
    q = lambda s: bool(out.query(s).askAnswer)  # noqa: E731
    prefixes = """PREFIX itukg: <https://w3id.org/itukg/ontology#> PREFIX schema: <https://schema.org/>
    PREFIX org: <http://www.w3.org/ns/org#> PREFIX dcterms: <http://purl.org/dc/terms/> """
    m, acme = "<https://w3id.org/itukg/id/meeting/m1>", "<https://w3id.org/itukg/id/organization/acme>"
    assert q(prefixes + f"ASK {{ {m} a schema:Event }}")  # class hierarchy
    assert q(prefixes + f"ASK {{ {m} schema:startDate ?d }}")  # sub-property
    assert q(prefixes + f"ASK {{ {m} itukg:participant {acme} }}")  # property chain
    assert q(prefixes + f"ASK {{ {acme} itukg:participatedIn {m} }}")  # inverse of the chain's result
    assert q(prefixes + f"ASK {{ {acme} a itukg:Organization }}")  # range
    assert q(prefixes + "ASK { <https://w3id.org/itukg/id/group/g3> itukg:partOf <https://w3id.org/itukg/id/organization/itu-t> }")
    assert q(prefixes + "ASK { <https://w3id.org/itukg/id/group/g3> org:subOrganizationOf <https://w3id.org/itukg/id/group/g1> }")


def test_no_noise_and_nothing_asserted_again(ref):
    for _, g in graphs(ref):
        out = infer(g, ref.ontology)
        for s, p, o in out:
            assert not isinstance(s, (Literal, BNode)) and not isinstance(o, BNode)
            assert not (p == OWL.sameAs and s == o)
            assert not (p == RDF.type and o == OWL.Thing)
            assert (s, p, o) not in g
