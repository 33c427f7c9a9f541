"""The W3C SPARQL 1.1 Protocol and Service Description test suites (tests/w3c/, W3C test suite licence).

Each protocol test is a list of ht:Request with an expected status class, result format and ASK answer. Query
tests run against a read-only server that preloads the named graphs data0..data3 the manifest names (each
holding `<graph-iri> a <http://example/Class>`); update tests must get a 4xx there, and pass in full against a
server with updates enabled, where update requests go to /update with the token.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rdflib
import requests
from rdflib import RDF, Namespace
from rdflib.collection import Collection
from server_fixtures import start_server

from itukg.server.settings import Settings

W3C = Path(__file__).parent / "w3c"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
DATA = "http://kasei.us/2009/09/sparql/data/"
TOKEN = "w3c-token"


def _protocol_tests() -> list[dict]:
    g = rdflib.Graph().parse(W3C / "sparql11-protocol-manifest.ttl", format="turtle")
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    tests = []
    for entry in Collection(g, g.value(manifest, MF.entries)):
        action = g.value(entry, MF.action)
        requests_ = []
        for req in Collection(g, g.value(action, HT.requests)):
            body = g.value(req, HT.body)
            headers = {}
            header_list = g.value(req, HT.headers)
            if header_list is not None:
                for h in Collection(g, header_list):
                    headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
            resp = g.value(req, HT.resp)
            boolean = g.value(resp, MF.expectedBoolean)
            requests_.append({
                "method": str(g.value(req, HT.methodName)),
                "path": str(g.value(req, HT.absolutePath)),
                "headers": headers,
                "body": None if body is None else str(g.value(body, CNT.chars)),
                "encoding": None if body is None else str(g.value(body, CNT.characterEncoding) or "UTF-8"),
                "statuses": {str(s).rsplit("StatusCode", 1)[-1] for s in g.objects(resp, MF.expectedStatus)},
                "format": None if g.value(resp, MF.expectedFormat) is None else str(g.value(resp, MF.expectedFormat)),
                "boolean": None if boolean is None else boolean.toPython(),
            })
        tests.append({"name": str(entry).rsplit("#", 1)[-1], "requests": requests_})
    return tests


PROTOCOL_TESTS = _protocol_tests()
QUERY_TESTS = [t for t in PROTOCOL_TESTS if "update" not in t["name"]]
UPDATE_TESTS = [t for t in PROTOCOL_TESTS if "update" in t["name"]]


def _is_update(req: dict) -> bool:
    body = req["body"] or ""
    return ("sparql-update" in req["headers"].get("content-type", "") or body.startswith("update=")
            or "update=" in req["path"] or "using-" in req["path"]
            or (req["method"] == "POST" and not req["headers"] and body.split(" ")[0] in ("CLEAR", "INSERT")))


def _send(base: str, req: dict, update_path: str | None = None) -> requests.Response:
    path = req["path"]
    assert path.startswith("/sparql/")
    target = update_path if (update_path and _is_update(req)) else "/sparql"
    url = base + target + path[len("/sparql/"):]
    data = None if req["body"] is None else req["body"].encode(req["encoding"].lower())
    headers = dict(req["headers"])
    if update_path and target == update_path:
        headers["Authorization"] = f"Bearer {TOKEN}"
    return requests.request(req["method"], url, data=data, headers=headers, timeout=10, allow_redirects=False)


def _check(resp: requests.Response, req: dict) -> None:
    status_class = f"{resp.status_code // 100}xx"
    assert status_class in req["statuses"], f"{resp.status_code}: {resp.text[:300]}"
    content_type = resp.headers.get("Content-Type", "").split(";")[0]
    if req["format"] == "boolean":
        assert content_type in ("application/sparql-results+json", "application/sparql-results+xml")
        if content_type.endswith("json"):
            value = json.loads(resp.content)["boolean"]
        else:
            value = ET.fromstring(resp.content).find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"
        if req["boolean"] is not None:
            assert value is req["boolean"]
    elif req["format"] == "tabular":
        assert content_type in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                                "text/tab-separated-values")
    elif req["format"] == "RDF":
        formats = {"application/rdf+xml": "xml", "text/turtle": "turtle", "application/n-triples": "nt"}
        assert content_type in formats
        rdflib.Graph().parse(data=resp.content, format=formats[content_type])


def _w3c_data(tmp: Path) -> Path:
    trig = "".join(f"<{DATA}data{i}.rdf> {{ <{DATA}data{i}.rdf> a <http://example/Class> . }}\n" for i in range(4))
    path = tmp / "w3c-data.trig"
    path.write_text(trig, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory):
    server = start_server(Settings(files=[_w3c_data(tmp_path_factory.mktemp("w3c"))], query_workers=2))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def w3c_update_server(tmp_path_factory):
    server = start_server(Settings(files=[_w3c_data(tmp_path_factory.mktemp("w3c-update"))], query_workers=2,
                                   allow_update=True, update_token=TOKEN))
    yield server
    server.stop()


@pytest.mark.parametrize("test", QUERY_TESTS, ids=[t["name"] for t in QUERY_TESTS])
def test_protocol_query(w3c_server, test):
    for req in test["requests"]:
        _check(_send(w3c_server.url, req), req)


@pytest.mark.parametrize("test", UPDATE_TESTS, ids=[t["name"] for t in UPDATE_TESTS])
def test_protocol_update_refused_on_read_only_endpoint(w3c_server, test):
    first = test["requests"][0]
    resp = _send(w3c_server.url, first)
    assert 400 <= resp.status_code < 500, (resp.status_code, resp.text)


@pytest.mark.parametrize("test", UPDATE_TESTS, ids=[t["name"] for t in UPDATE_TESTS])
def test_protocol_update_with_token(w3c_update_server, test):
    for req in test["requests"]:
        _check(_send(w3c_update_server.url, req, update_path="/update"), req)


# --- service description ---------------------------------------------------------------------------------

SD_TERMS = {
    "Service", "Feature", "Language", "Function", "Aggregate", "EntailmentRegime", "EntailmentProfile",
    "GraphCollection", "Dataset", "Graph", "NamedGraph",
    "endpoint", "feature", "defaultEntailmentRegime", "supportedEntailmentProfile", "entailmentRegime",
    "extensionFunction", "extensionAggregate", "languageExtension", "supportedLanguage", "propertyFeature",
    "defaultDataset", "availableGraphs", "resultFormat", "inputFormat", "defaultEntailmentProfile",
    "defaultGraph", "namedGraph", "name", "graph",
    "SPARQL10Query", "SPARQL11Query", "SPARQL11Update", "DereferencesURIs", "UnionDefaultGraph",
    "RequiresDataset", "EmptyGraphs", "BasicFederatedQuery",
}


def _description(server) -> rdflib.Graph:
    resp = requests.get(server.sparql, timeout=10)
    assert resp.status_code == 200
    return rdflib.Graph().parse(data=resp.content, format="turtle")


def test_sd_returns_rdf(w3c_server):
    resp = requests.get(w3c_server.sparql, timeout=10)
    assert resp.headers["Content-Type"].split(";")[0] in ("text/turtle", "application/rdf+xml")
    assert len(rdflib.Graph().parse(data=resp.content, format="turtle")) > 0


def test_sd_has_endpoint_triple(w3c_server):
    g = _description(w3c_server)
    assert (None, SD.endpoint, rdflib.URIRef(w3c_server.sparql)) in g


def test_sd_conforms_to_schema(w3c_server):
    g = _description(w3c_server)
    used = {str(t)[len(str(SD)):] for triple in g for t in triple if str(t).startswith(str(SD))}
    assert used <= SD_TERMS, used - SD_TERMS
    services = list(g.subjects(RDF.type, SD.Service))
    assert len(services) == 1
    service = services[0]
    assert all(isinstance(e, rdflib.URIRef) for e in g.objects(service, SD.endpoint))
    assert set(g.objects(service, SD.supportedLanguage)) <= {SD.SPARQL10Query, SD.SPARQL11Query, SD.SPARQL11Update}
    dataset = g.value(service, SD.defaultDataset)
    assert (dataset, RDF.type, SD.Dataset) in g
    assert (g.value(dataset, SD.defaultGraph), RDF.type, SD.Graph) in g
    named = list(g.objects(dataset, SD.namedGraph))
    assert {str(g.value(n, SD.name)) for n in named} == {f"{DATA}data{i}.rdf" for i in range(4)}
    for n in named:
        assert (n, RDF.type, SD.NamedGraph) in g and len(list(g.objects(n, SD.name))) == 1
        assert (g.value(n, SD.graph), RDF.type, SD.Graph) in g
