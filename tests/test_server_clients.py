"""Real SPARQL clients against the live server: SPARQLWrapper and rdflib's SPARQLStore."""
from __future__ import annotations

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from server_fixtures import ERICSSON, MEETING, live  # noqa: F401
from SPARQLWrapper import JSON, N3, POST, RDFXML, TURTLE, XML, SPARQLWrapper

SELECT = f"SELECT ?label WHERE {{ <{ERICSSON}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
CONSTRUCT = f"CONSTRUCT {{ <{MEETING}> ?p ?o }} WHERE {{ <{MEETING}> ?p ?o }}"


def test_sparqlwrapper_json_and_xml(live):
    client = SPARQLWrapper(live.sparql)
    client.setQuery(SELECT)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    assert data["results"]["bindings"] == [{"label": {"type": "literal", "value": "Ericsson"}}]
    client.setReturnFormat(XML)
    doc = client.query().convert()
    assert [n.firstChild.data for n in doc.getElementsByTagName("literal")] == ["Ericsson"]
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    assert client.query().convert()["results"]["bindings"][0]["label"]["value"] == "Ericsson"


def test_sparqlwrapper_construct_into_a_graph(live):
    client = SPARQLWrapper(live.sparql)
    client.setQuery(CONSTRUCT)
    for fmt in (RDFXML, TURTLE, N3, XML):
        client.setReturnFormat(fmt)
        result = client.query().convert()
        graph = result if isinstance(result, rdflib.Graph) else rdflib.Graph().parse(data=result, format="turtle")
        assert (rdflib.URIRef(str(MEETING)), rdflib.RDFS.label,
                rdflib.Literal("CTO meeting, Durban, 2018")) in graph, fmt


def test_rdflib_sparqlstore(live):
    graph = rdflib.Graph(store=SPARQLStore(live.sparql))
    rows = list(graph.query(SELECT))
    assert [str(r[0]) for r in rows] == ["Ericsson"]
    assert rows[0][0] == rdflib.Literal("Ericsson")  # a plain literal stays plain
    assert (rdflib.URIRef(str(ERICSSON)), rdflib.RDFS.label, rdflib.Literal("Ericsson")) in graph
    labels = set(graph.objects(rdflib.URIRef(str(ERICSSON)), rdflib.SKOS.altLabel))
    assert rdflib.Literal("LM Ericsson", lang="en") in labels
    constructed = graph.query(CONSTRUCT).graph
    assert len(constructed) > 5
    assert graph.query(f"ASK {{ <{MEETING}> ?p ?o }}").askAnswer is True
