"""Exports (functions and /export) are byte-stable and round-trip; VoID describes the dataset."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
import requests
from server_fixtures import ERICSSON, live, make_data_dir, snapshot  # noqa: F401
from test_server_units import same_dataset

from itukg.graph.errors import ConfigError, DatasetError
from itukg.server.export import export_dataset, export_entity
from itukg.server.store import load_dataset, stored_quads

RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "nt": "nt", "jsonld": "json-ld"}


def _parse(data: bytes, fmt: str) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(data=data, format=RDFLIB_FORMATS[fmt])
    return ds


def _expected(snap, fmt: str, inferred: bool = True) -> rdflib.Dataset:
    """The same data, written by pyoxigraph and read by rdflib: what an export must be isomorphic to."""
    quads = [q for q in stored_quads(snap) if inferred or q.graph_name.value != "https://w3id.org/itukg/graph/inferred"]
    if fmt in ("turtle", "nt"):
        triples = {q.triple for q in quads}
        return _parse(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), "nt")
    return _parse(ox.serialize(quads, format=ox.RdfFormat.N_QUADS), "nquads")


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "nt", "jsonld"])
def test_exports_are_byte_stable_and_round_trip(tmp_path, fmt):
    data_dir = make_data_dir(tmp_path / "data")
    first = export_dataset(load_dataset(data_dir), fmt)
    second = export_dataset(load_dataset(data_dir), fmt)  # a fresh load: new blank node ids inside
    assert first == second
    assert same_dataset(_parse(first, fmt), _expected(load_dataset(data_dir), fmt))


def test_export_without_inferences_and_of_one_graph(snapshot):
    asserted = _parse(export_dataset(snapshot, "nquads", inferred=False), "nquads")
    graphs = {str(g.identifier) for g in asserted.graphs() if len(g)}
    assert "https://w3id.org/itukg/graph/inferred" not in graphs and len(graphs) == 4
    ttl = export_dataset(snapshot, "turtle", inferred=False)
    assert b"schema:Event" not in ttl and b"itukg:CTOMeeting" in ttl
    one = export_dataset(snapshot, "trig", graph="https://w3id.org/itukg/graph/reference")
    assert one.count(b"{") == 1 and b"ig:reference {" in one
    with pytest.raises(DatasetError):
        export_dataset(snapshot, "trig", graph="http://example.org/none")
    with pytest.raises(ConfigError):
        export_dataset(snapshot, "yaml")


def test_turtle_export_is_readable(snapshot):
    text = export_dataset(snapshot, "turtle").decode()
    assert text.startswith("@prefix ")
    assert "@prefix itukg: <https://w3id.org/itukg/ontology#> ." in text
    assert f"<{ERICSSON}> a org:Organization , itukg:Organization ;\n    rdfs:label \"Ericsson\" ;" in text


def test_jsonld_has_an_inline_context(snapshot):
    doc = json.loads(export_dataset(snapshot, "jsonld"))
    assert isinstance(doc["@context"], dict) and doc["@context"]["itukg"] == "https://w3id.org/itukg/ontology#"


def test_plain_store_works_too(snapshot):
    """The CLI may hand over a plain pyoxigraph Store: same data, same bytes."""
    plain = ox.Store()
    plain.extend(stored_quads(snapshot))
    assert export_dataset(plain, "trig") == export_dataset(snapshot, "trig")
    assert export_dataset(plain, "nt", inferred=False) == export_dataset(snapshot, "nt", inferred=False)
    assert export_entity(plain, str(ERICSSON)) == export_entity(snapshot, str(ERICSSON))


# --- HTTP -----------------------------------------------------------------------------------------------


def test_http_export(live, snapshot):
    r = requests.get(live.url + "/export", params={"format": "nquads"}, timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/n-quads"
    disposition = r.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith('.nq"') and snapshot.generation in disposition
    assert r.content == export_dataset(snapshot, "nquads")
    again = requests.get(live.url + "/export", params={"format": "nquads"}, timeout=10)
    assert again.content == r.content
    r = requests.get(live.url + "/export", params={"format": "turtle", "inferred": "false"}, timeout=10)
    assert "-asserted" in r.headers["Content-Disposition"] and b"schema:Event" not in r.content
    r = requests.get(live.url + "/export", headers={"Accept": "application/trig"}, timeout=10)
    assert r.headers["Content-Type"] == "application/trig"
    r = requests.get(live.url + "/export", params={"graph": "https://w3id.org/itukg/graph/ontology",
                                                   "format": "trig"}, timeout=10)
    assert r.status_code == 200 and b"ig:ontology {" in r.content
    r = requests.get(live.url + "/export", params={"graph": "http://example.org/none"}, timeout=10)
    assert r.status_code == 404 and "no graph" in r.text


def test_http_export_of_one_entity(live):
    r = requests.get(live.url + "/export", params={"entity": str(ERICSSON), "format": "turtle"}, timeout=10)
    assert r.status_code == 200 and 'filename="ericsson.ttl"' in r.headers["Content-Disposition"]
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    assert (rdflib.URIRef(str(ERICSSON)), rdflib.RDFS.label, rdflib.Literal("Ericsson")) in g
    r = requests.get(live.url + "/export", params={"entity": "https://w3id.org/itukg/id/organization/nobody"},
                     timeout=10)
    assert r.status_code == 404


def test_void(live, snapshot):
    r = requests.get(live.url + "/.well-known/void", timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    ds = rdflib.URIRef(live.url + "/.well-known/void#itukg")
    assert (ds, rdflib.RDF.type, void.Dataset) in g
    assert int(g.value(ds, void.triples)) == snapshot.triples
    assert int(g.value(ds, void.entities)) >= 7 and int(g.value(ds, void.classes)) >= 4
    assert g.value(ds, void.sparqlEndpoint) == rdflib.URIRef(live.sparql)
    assert rdflib.URIRef("https://w3id.org/itukg/ontology#") in set(g.objects(ds, void.vocabulary))
    dumps = {str(o) for o in g.objects(ds, void.dataDump)}
    assert live.url + "/export?format=nquads" in dumps
    subsets = list(g.objects(ds, void.subset))
    assert len(subsets) == 5
    sd_name = rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#name")
    by_name = {str(g.value(s, sd_name)): int(g.value(s, void.triples)) for s in subsets}
    assert by_name["https://w3id.org/itukg/graph/reference"] == 10
    assert requests.get(live.url + "/.well-known/void", headers={"Accept": "application/ld+json"},
                        timeout=10).headers["Content-Type"] == "application/ld+json"
