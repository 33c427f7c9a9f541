"""The SPARQL 1.1 Protocol against a real server: requests, formats, negotiation, errors, datasets, safety."""
from __future__ import annotations

import csv
import io
import time
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
import rdflib
import requests
from server_fixtures import ERICSSON, MEETING, TRICKY, live, recorder, snapshot  # noqa: F401

LABEL_QUERY = f"SELECT ?label WHERE {{ <{ERICSSON}> rdfs:label ?label }}"
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"


def get(live, query, **params):
    return requests.get(live.sparql, params={"query": query, **params}, timeout=10)


# --- the three ways to send a query -------------------------------------------------------------------


def test_get_post_form_and_post_direct_agree(live):
    by_get = get(live, LABEL_QUERY)
    by_form = requests.post(live.sparql, data={"query": LABEL_QUERY}, timeout=10)
    by_direct = requests.post(live.sparql, data=LABEL_QUERY.encode(),
                              headers={"Content-Type": "application/sparql-query"}, timeout=10)
    for r in (by_get, by_form, by_direct):
        assert r.status_code == 200, r.text
        assert r.headers["Content-Type"] == "application/sparql-results+json"
        assert r.json()["results"]["bindings"] == [{"label": {"type": "literal", "value": "Ericsson"}}]


def test_union_default_graph_has_no_duplicates(live):
    """Ericsson's label is stated in three graphs; the union is a set."""
    r = get(live, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{ERICSSON}> rdfs:label ?l }}")
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "1"


# --- result formats --------------------------------------------------------------------------------------


def test_select_in_every_format(live):
    query = f"SELECT ?alt WHERE {{ <{ERICSSON}> skos:altLabel ?alt }} ORDER BY ?alt"
    j = get(live, query, format="json").json()
    assert {b["alt"]["value"] for b in j["results"]["bindings"]} == {"LM Ericsson", TRICKY}
    assert {"type": "literal", "value": "LM Ericsson", "xml:lang": "en"} in [b["alt"] for b in j["results"]["bindings"]]
    x = get(live, query, format="xml")
    assert x.headers["Content-Type"] == "application/sparql-results+xml"
    literals = ET.fromstring(x.content).findall(f".//{RESULTS_NS}literal")
    assert {lit.text for lit in literals} == {"LM Ericsson", TRICKY}
    c = get(live, query, format="csv")
    assert c.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(c.content.decode("utf-8"), newline="")))
    assert rows[0] == ["alt"] and sorted(r[0] for r in rows[1:]) == sorted(["LM Ericsson", TRICKY])
    t = get(live, query, format="tsv")
    assert t.headers["Content-Type"].startswith("text/tab-separated-values")
    parsed = list(ox.parse_query_results(t.content, format=ox.QueryResultsFormat.TSV))
    assert {row["alt"] for row in parsed} == {ox.Literal("LM Ericsson", language="en"), ox.Literal(TRICKY)}


def test_ask_json_and_xml(live):
    assert get(live, f"ASK {{ <{ERICSSON}> ?p ?o }}").json() == {"head": {}, "boolean": True}
    x = get(live, "ASK { <http://nothing/> ?p ?o }", format="xml")
    assert ET.fromstring(x.content).find(f"{RESULTS_NS}boolean").text == "false"


@pytest.mark.parametrize("fmt, media, rdflib_format", [
    ("turtle", "text/turtle", "turtle"),
    ("nt", "application/n-triples", "nt"),
    ("jsonld", "application/ld+json", "json-ld"),
    ("rdfxml", "application/rdf+xml", "xml"),
    ("trig", "application/trig", "trig"),
    ("nquads", "application/n-quads", "nquads"),
])
def test_construct_in_every_format(live, fmt, media, rdflib_format):
    query = f"CONSTRUCT {{ <{ERICSSON}> ?p ?o }} WHERE {{ <{ERICSSON}> ?p ?o }}"
    r = requests.get(live.sparql, params={"query": query}, headers={"Accept": media}, timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(media)
    ds = rdflib.Dataset()
    ds.parse(data=r.content, format=rdflib_format)
    triples = {(s, p, o) for s, p, o, _ in ds.quads()}
    assert (rdflib.URIRef(str(ERICSSON)), rdflib.RDFS.label, rdflib.Literal("Ericsson")) in triples
    assert (rdflib.URIRef(str(ERICSSON)), rdflib.SKOS.altLabel, rdflib.Literal(TRICKY)) in triples


def test_describe_gives_rdf(live):
    r = get(live, f"DESCRIBE <{MEETING}>")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle")
    assert len(rdflib.Graph().parse(data=r.text, format="turtle")) > 5


# --- negotiation --------------------------------------------------------------------------------------


def test_accept_q_values(live):
    r = requests.get(live.sparql, params={"query": LABEL_QUERY},
                     headers={"Accept": "application/sparql-results+json;q=0.2, text/csv;q=0.9, */*;q=0.1"},
                     timeout=10)
    assert r.headers["Content-Type"].startswith("text/csv")
    assert r.headers["Vary"] == "Accept"


def test_406_when_nothing_acceptable(live):
    r = requests.get(live.sparql, params={"query": LABEL_QUERY}, headers={"Accept": "image/png"}, timeout=10)
    assert r.status_code == 406
    assert r.headers["Content-Type"].startswith("text/plain") and "application/sparql-results+json" in r.text


def test_format_parameter_overrides_accept(live):
    r = requests.get(live.sparql, params={"query": LABEL_QUERY, "format": "xml"},
                     headers={"Accept": "application/sparql-results+json"}, timeout=10)
    assert r.headers["Content-Type"] == "application/sparql-results+xml"
    r = requests.get(live.sparql, params={"query": LABEL_QUERY, "format": "yaml"}, timeout=10)
    assert r.status_code == 400 and "unknown format" in r.text


# --- client mistakes: always 4xx with a sentence ---------------------------------------------------------


def test_syntax_error_says_where(live):
    r = get(live, "SELECT * WHERE {\n  ?s ?p\n}")
    assert r.status_code == 400
    assert "line 3, column 1" in r.text and "Traceback" not in r.text


@pytest.mark.parametrize("kwargs, status, fragment", [
    ({"data": "ASK {}", "headers": {"Content-Type": "text/plain"}}, 415, "unsupported Content-Type"),
    ({"data": b"query=ASK%20%7B%7D", "headers": {"Content-Type": ""}}, 415, "needs a Content-Type"),
    ({"data": "ASK {}".encode("utf-16"), "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"}},
     415, "UTF-8"),
    ({"data": b"ASK { ?s ?p \xff }", "headers": {"Content-Type": "application/sparql-query"}}, 400, "UTF-8"),
    ({"data": b"query=%FF", "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 400, "UTF-8"),
    ({"data": {"query": ["ASK {}", "ASK {}"]}}, 400, "more than one query"),
    ({"params": {"query": "ASK {}"}, "data": b"ASK {}", "headers": {"Content-Type": "application/sparql-query"}},
     400, "more than one query"),
    ({"data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400, "read-only"),
    ({"data": {"update": "CLEAR ALL"}}, 400, "read-only"),
    ({"data": b"CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}}, 400, "read-only"),
    ({"data": {"query": "INSERT DATA { <a> <b> <c> }"}}, 400, "read-only"),
    ({"data": {"query": "   "}}, 400, "empty"),
    ({"data": {"format": "json"}}, 400, "no query"),
])
def test_bad_posts(live, kwargs, status, fragment):
    r = requests.post(live.sparql, timeout=10, **kwargs)
    assert r.status_code == status, r.text
    assert fragment in r.text and r.headers["Content-Type"].startswith("text/plain")


def test_bad_gets(live):
    r = requests.get(live.sparql + "?query=ASK%20%7B%7D&query=ASK%20%7B%7D", timeout=10)
    assert r.status_code == 400 and "more than one query" in r.text
    r = requests.get(live.sparql, params={"update": "CLEAR ALL"}, timeout=10)
    assert r.status_code == 400 and "read-only" in r.text
    r = requests.get(live.sparql, params={"query": "ASK {}", "default-graph-uri": "not an iri"}, timeout=10)
    assert r.status_code == 400 and "not an absolute IRI" in r.text
    r = requests.get(live.sparql, params={"query": "ASK {}", "asserted": "maybe"}, timeout=10)
    assert r.status_code == 400 and "true or false" in r.text


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405(live, method):
    r = requests.request(method, live.sparql, params={"query": "ASK {}"}, timeout=10)
    assert r.status_code == 405 and "GET" in r.headers["Allow"] and "not allowed" in r.text


def test_request_size_limits(live):
    big = "ASK {} #" + "x" * (live.settings.max_request_bytes + 10)
    r = requests.post(live.sparql, data=big.encode(), headers={"Content-Type": "application/sparql-query"},
                      timeout=10)
    assert r.status_code == 413
    r = requests.post(live.sparql, data={"query": big}, timeout=10)
    assert r.status_code == 413


def test_unknown_path_is_a_helpful_404(live):
    r = requests.get(live.url + "/nothing-here", timeout=10)
    assert r.status_code == 404 and "/sparql" in r.text


# --- datasets --------------------------------------------------------------------------------------------


def test_default_and_named_graph_uri(live):
    ref = "https://w3id.org/itukg/graph/reference"
    inferred = "https://w3id.org/itukg/graph/inferred"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    n_ref = get(live, count, **{"default-graph-uri": ref}).json()["results"]["bindings"][0]["n"]["value"]
    assert n_ref == "10"
    r = requests.get(live.sparql, params=[("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"),
                                          ("named-graph-uri", ref), ("named-graph-uri", inferred)], timeout=10)
    assert {b["g"]["value"] for b in r.json()["results"]["bindings"]} == {ref, inferred}
    r = get(live, "ASK { ?s ?p ?o }", **{"named-graph-uri": ref})  # the default graph is then empty
    assert r.json()["boolean"] is False
    r = get(live, "ASK {}", **{"default-graph-uri": "http://example.org/not-here"})
    assert r.status_code == 400 and "holds no graph" in r.text


def test_hidden_union_graphs_are_not_named_graphs(live):
    r = get(live, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    graphs = {b["g"]["value"] for b in r.json()["results"]["bindings"]}
    assert len(graphs) == 5 and not any(g.startswith("urn:x-itukg") for g in graphs)


def test_asserted_only_leaves_out_inferences(live):
    query = f"ASK {{ <{MEETING}> a schema:Event }}"
    assert get(live, query).json()["boolean"] is True
    assert get(live, query, asserted="true").json()["boolean"] is False
    r = get(live, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", asserted="true")
    graphs = {b["g"]["value"] for b in r.json()["results"]["bindings"]}
    assert "https://w3id.org/itukg/graph/inferred" not in graphs and len(graphs) == 4
    r = get(live, query, asserted="true", **{"default-graph-uri": "https://w3id.org/itukg/graph/inferred"})
    assert r.status_code == 400


def test_query_dataset_clause_is_respected(live):
    q = f"ASK FROM <https://w3id.org/itukg/graph/ontology> {{ <{ERICSSON}> ?p ?o }}"
    assert get(live, q).json()["boolean"] is False


# --- safety ---------------------------------------------------------------------------------------------


def test_service_is_refused_and_makes_no_connection(live, recorder):
    target = f"http://127.0.0.1:{recorder.port}/sparql"
    r = get(live, f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
    assert r.status_code == 400 and "SERVICE is disabled" in r.text
    # Hidden from the scanner (a comment swallowing part of the text for a naive lexer): the worker sandbox
    # still cannot open a socket.
    sneaky = f"SELECT * WHERE {{ FILTER(1<?b)SERVICE#>\n<{target}> {{ ?s ?p ?o }} }}"
    r = get(live, sneaky)
    assert r.status_code == 400
    time.sleep(0.3)
    assert recorder.connections == []


def test_worker_cannot_connect_even_if_the_text_scanner_is_bypassed(live, recorder):
    """Straight to the worker pool, skipping the HTTP layer's SERVICE check."""
    runtime = live.app.extensions["itukg"]
    job = {"query": f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{recorder.port}/s> {{ ?s ?p ?o }} }}",
           "formats": {"tabular": "json"}, "max_results": 10}
    _, reply = runtime.run_query(lambda snap: job)
    assert reply["status"] == 400 and "SERVICE is disabled" in reply["message"]
    time.sleep(0.3)
    assert recorder.connections == []


def test_max_results_truncates(live):
    runtime = live.app.extensions["itukg"]
    old = runtime.settings.max_results
    runtime.settings.max_results = 3
    try:
        r = get(live, "SELECT * WHERE { ?s ?p ?o }")
    finally:
        runtime.settings.max_results = old
    assert len(r.json()["results"]["bindings"]) == 3
    assert r.headers["X-Itukg-Truncated"] == "true; max_results=3"


# --- service description ------------------------------------------------------------------------------


def test_service_description(live, snapshot):
    r = requests.get(live.sparql, timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = rdflib.URIRef(live.sparql)
    assert (service, rdflib.RDF.type, sd.Service) in g
    assert (service, sd.endpoint, service) in g
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in g
    assert (service, sd.resultFormat, rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON")) in g
    dataset = g.value(service, sd.defaultDataset)
    assert g.value(dataset, sd.defaultGraph) is not None
    names = {g.value(n, sd.name) for n in g.objects(dataset, sd.namedGraph)}
    assert {str(n) for n in names} == {g_.value for g_ in snapshot.graphs}
    void_triples = rdflib.URIRef("http://rdfs.org/ns/void#triples")
    sizes = {str(g.value(n, sd.name)): int(g.value(g.value(n, sd.graph), void_triples))
             for n in g.objects(dataset, sd.namedGraph)}
    assert sizes["https://w3id.org/itukg/graph/reference"] == 10


@pytest.mark.parametrize("accept, rdflib_format", [
    ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt")])
def test_service_description_by_accept(live, accept, rdflib_format):
    r = requests.get(live.sparql, headers={"Accept": accept}, timeout=10)
    assert r.headers["Content-Type"].startswith(accept)
    g = rdflib.Graph().parse(data=r.content, format=rdflib_format)
    assert (rdflib.URIRef(live.sparql), rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#endpoint"),
            rdflib.URIRef(live.sparql)) in g


def test_browser_gets_a_query_form(live):
    r = requests.get(live.sparql, headers={"Accept": "text/html,*/*;q=0.8"}, timeout=10)
    assert r.headers["Content-Type"].startswith("text/html") and "<form" in r.text


# --- operations -----------------------------------------------------------------------------------------


def test_healthz_and_status(live):
    assert requests.get(live.url + "/healthz", timeout=10).text.strip() == "ok"
    status = requests.get(live.url + "/status", timeout=10).json()
    assert status["status"] == "ok" and status["triples"] > 40 and status["graphs"] == 5
    assert status["built"] == "2024-05-01T12:00:00Z" and status["documents"] == 2 and status["version"]


def test_request_id_and_cors(live):
    r = requests.get(live.sparql, params={"query": "ASK {}"}, headers={"X-Request-Id": "abc-123"}, timeout=10)
    assert r.headers["X-Request-Id"] == "abc-123"
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    r = requests.get(live.url + "/status", headers={"X-Request-Id": "bad id with spaces"}, timeout=10)
    assert r.headers["X-Request-Id"] != "bad id with spaces" and len(r.headers["X-Request-Id"]) == 16
    pre = requests.options(live.sparql, headers={"Origin": "https://example.org",
                                                 "Access-Control-Request-Method": "POST"}, timeout=10)
    assert pre.status_code in (200, 204) and "POST" in pre.headers["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in requests.post(live.url + "/update", timeout=10).headers


def test_a_bug_is_a_500_without_traceback(live, monkeypatch):
    from itukg.server import sparql

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(sparql, "formats_for", broken)
    r = get(live, "ASK {}")
    assert r.status_code == 500
    assert "request id" in r.text and "boom" not in r.text and "Traceback" not in r.text
    assert r.headers["X-Request-Id"] in r.text
