"""Fast unit checks of the serving pieces that need no server: settings, scanning, negotiation, writers."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from itukg.graph.errors import BadRequest, ConfigError, NotAcceptable
from itukg.server import negotiation, rdfwrite, results, scan
from itukg.server.execute import run_job
from itukg.server.settings import Settings, load_settings

# --- settings -------------------------------------------------------------------------------------------


def test_settings_defaults_are_safe():
    s = Settings()
    assert (s.host, s.port, s.allow_update, s.cors) == ("127.0.0.1", 5000, False, True)
    assert s.query_timeout == 30.0 and s.max_results == 100_000 and s.max_request_bytes == 1_000_000
    assert s.base_iri == "https://w3id.org/itukg/id/"
    assert "update_token" not in repr(Settings(update_token="secret"))


def test_settings_from_file_env_and_overrides(tmp_path):
    toml = tmp_path / "itukg.toml"
    toml.write_text('[server]\nport = 7000\nquery_timeout = 5\ncors = false\nfiles = ["a.ttl"]\n')
    s = load_settings(toml, env={"ITUKG_PORT": "7100", "ITUKG_MAX_RESULTS": "10_000", "OTHER": "x"}, host="0.0.0.0")
    assert (s.port, s.query_timeout, s.cors, s.max_results, s.host) == (7100, 5.0, False, 10_000, "0.0.0.0")
    assert [p.name for p in s.files] == ["a.ttl"]
    js = tmp_path / "s.json"
    js.write_text(json.dumps({"allow_update": True, "update_token": "t", "asserted_param": "facts"}))
    s = load_settings(js, env={})
    assert s.allow_update and s.update_token == "t" and s.asserted_param == "facts"


@pytest.mark.parametrize("env, fragment", [
    ({"ITUKG_PORT": "eighty"}, "port"),
    ({"ITUKG_ALLOW_UPDATE": "true"}, "update_token"),
    ({"ITUKG_SERVICE_ALLOWLIST": "ftp://x/"}, "service_allowlist"),
    ({"ITUKG_BASE_IRI": "ftp://x/"}, "base_iri"),
    ({"ITUKG_QUERY_TIMEOUT": "0"}, "query_timeout"),
])
def test_bad_settings_are_config_errors(env, fragment):
    with pytest.raises(ConfigError, match=fragment):
        load_settings(None, env=env)


def test_unknown_setting_in_file(tmp_path):
    f = tmp_path / "s.json"
    f.write_text('{"prot": 1}')
    with pytest.raises(ConfigError, match="unknown setting 'prot'"):
        load_settings(f, env={})


# --- scanning -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query, uses", [
    ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ("select * { ?s ?p ?o .service silent ?x { } }", True),
    ("SELECT * WHERE { FILTER(?a < 3) SERVICE <http://evil/> { } }", True),
    ("PREFIX s: <x:> SELECT ?service WHERE { ?s s:service ?o ; schema:Service 'SERVICE' } # SERVICE", False),
    ('SELECT * WHERE { ?s ?p """SERVICE <x> {}""" }', False),
])
def test_service_detection(query, uses):
    assert scan.query_shape(query).uses_service is uses


def test_query_shape():
    assert scan.query_shape("PREFIX a: <x:> ASK FROM <g> {}") == scan.QueryShape("ASK", True, False, False, False)
    assert scan.query_shape("CONSTRUCT WHERE { ?s ?p ?o }").form == "CONSTRUCT"
    assert scan.query_shape("PREFIX x: <y:> INSERT DATA { <a> <b> <c> }").looks_like_update
    assert not scan.query_shape("SELECT ?from WHERE { ?from ?p ?o }").has_dataset


@pytest.mark.parametrize("query, uses_graph", [
    ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", True),
    ("select * where { graph <urn:g> { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s ?p 'GRAPH' }", False),
    ("SELECT * WHERE { ?s <http://example.org/GRAPH> ?o } # GRAPH", False),
    ("PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:graph ?graph }", False),
    ("SELECT * WHERE { GR\\u0041PH ?g { ?s ?p ?o } }", True),  # an escaped keyword: assume the worst
])
def test_query_shape_knows_when_named_graphs_matter(query, uses_graph):
    assert scan.query_shape(query).uses_graph is uses_graph


def test_add_using_only_touches_modify_operations():
    update = ("CLEAR ALL ; INSERT DATA { <a> <b> <c> } ; INSERT { ?s a <x> } WHERE { ?s a <y> "
              "{ SELECT * WHERE { ?s ?p ?o } } } ; DELETE WHERE { ?s ?p ?o }")
    out = scan.add_using(update, ["http://g1"], ["http://g2"])
    assert out.count("USING <http://g1>") == 1 and out.count("USING NAMED <http://g2>") == 1
    assert out.index("USING") < out.index("WHERE { ?s a <y>")
    store = ox.Store()
    store.update(out, base_iri="http://example.org/")  # still valid SPARQL Update


# --- negotiation ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("accept, kind, expected", [
    (None, "tabular", "json"),
    ("*/*", "graph", "turtle"),
    ("application/sparql-results+xml", "tabular", "xml"),
    ("text/csv;q=0.5, text/tab-separated-values", "tabular", "tsv"),
    ("application/json", "graph", "jsonld"),
    ("application/rdf+xml;q=0.9, text/turtle;q=0.1", "graph", "rdfxml"),
    ("text/*", "graph", "turtle"),
    ("application/xml", "boolean", "xml"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "tabular", "xml"),
])
def test_accept(accept, kind, expected):
    assert negotiation.negotiate(kind, accept) == expected


def test_nothing_acceptable_is_406():
    with pytest.raises(NotAcceptable) as info:
        negotiation.negotiate("tabular", "image/png, text/turtle;q=0")
    assert info.value.status == 406 and "application/sparql-results+json" in info.value.message
    with pytest.raises(NotAcceptable) as info:
        negotiation.negotiate("graph", "text/turtle;q=0")
    assert info.value.status == 406


def test_format_parameter_overrides_accept():
    assert negotiation.negotiate("tabular", "text/csv", ["json"]) == "json"
    assert negotiation.negotiate("graph", None, ["xml"]) == "rdfxml"
    assert negotiation.negotiate("tabular", None, ["tsv", "text/tab-separated-values"]) == "tsv"  # SPARQLWrapper
    with pytest.raises(BadRequest) as info:
        negotiation.negotiate("tabular", None, ["yaml"])
    assert info.value.status == 400
    with pytest.raises(NotAcceptable) as info:
        negotiation.negotiate("graph", None, ["csv"])
    assert info.value.status == 406


# --- result writers -------------------------------------------------------------------------------------

TERMS_QUERY = """SELECT ?iri ?plain ?lang ?typed ?bnode ?unbound WHERE {
  VALUES (?iri ?plain ?lang ?typed) { (<http://e/x> "a \\"quoted\\", tab\\t and\\nnewline" "chat"@fr 42) }
  BIND(BNODE() AS ?bnode) }"""


@pytest.mark.parametrize("fmt, parse_format", [
    ("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
    ("csv", ox.QueryResultsFormat.CSV), ("tsv", ox.QueryResultsFormat.TSV),
])
def test_solution_writers_parse_back(fmt, parse_format):
    store = ox.Store()
    body = results.SOLUTION_WRITERS[fmt](
        ["iri", "plain", "lang", "typed", "bnode", "unbound"], store.query(TERMS_QUERY), 10, {})
    if fmt == "csv":  # pyoxigraph refuses to parse CSV (lossy): read it as CSV
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
        assert rows[0] == ["iri", "plain", "lang", "typed", "bnode", "unbound"]
        assert rows[1][:4] == ["http://e/x", 'a "quoted", tab\t and\nnewline', "chat", "42"]
        assert rows[1][4].startswith("_:") and rows[1][5] == "" and len(rows) == 2
        return
    parsed = list(ox.parse_query_results(body, format=parse_format))
    assert len(parsed) == 1
    row = parsed[0]
    assert row["iri"] == ox.NamedNode("http://e/x")
    assert row["plain"].value == 'a "quoted", tab\t and\nnewline'
    assert row["unbound"] is None
    assert row["lang"] == ox.Literal("chat", language="fr")
    assert row["typed"] == ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    assert isinstance(row["bnode"], ox.BlankNode)


def test_plain_literals_have_no_datatype():
    store = ox.Store()
    body = results.solutions_json(["o"], store.query('SELECT ?o WHERE { BIND("x" AS ?o) }'), 10, {})
    assert json.loads(body)["results"]["bindings"] == [{"o": {"type": "literal", "value": "x"}}]
    body = results.solutions_xml(["o"], store.query('SELECT ?o WHERE { BIND("x" AS ?o) }'), 10, {})
    assert b"<literal>x</literal>" in body and b"datatype" not in body


def test_row_limit_truncates():
    store = ox.Store()
    state: dict = {}
    body = results.solutions_json(["n"], store.query("SELECT ?n WHERE { VALUES ?n { 1 2 3 4 5 } }"), 3, state)
    assert len(json.loads(body)["results"]["bindings"]) == 3 and state["truncated"]


def test_run_job_reports_errors_without_tracebacks():
    store = ox.Store()
    job = {"query": "SELECT * WHERE {\n  ?s ?p\n}", "formats": {"tabular": "json"}, "max_results": 5}
    reply = run_job(store, job)
    assert reply["status"] == 400
    assert "line 3, column 1" in reply["message"] and "Traceback" not in reply["message"]


# --- RDF writers ----------------------------------------------------------------------------------------


def _sample_quads() -> list[ox.Quad]:
    ttl = """@prefix ex: <https://w3id.org/itukg/id/> . @prefix itukg: <https://w3id.org/itukg/ontology#> .
    ex:organization\\/ericsson a itukg:Organization ; <http://www.w3.org/2000/01/rdf-schema#label> "Ericsson",
      "Ericsson"@sv , "multi\\nline \\"q\\" \\\\ back" ; itukg:count 3 , 2.5 , true , "2018-01-01"^^<http://www.w3.org/2001/XMLSchema#date> ;
      itukg:stated [ itukg:countValue 3 ; itukg:nested [ itukg:v "x" ] ] .
    <http://example.org/a b> itukg:odd <urn:x:y> ."""
    store = ox.Store()
    store.load(ttl.replace("<http://example.org/a b>", "<http://example.org/a%20b>"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/itukg/graph/reference"))
    return list(store)


def same_dataset(a: rdflib.Dataset, b: rdflib.Dataset) -> bool:
    """Graph by graph isomorphism (rdflib's isomorphic() only takes triples)."""
    names_a = {g.identifier for g in a.graphs() if len(g)}
    names_b = {g.identifier for g in b.graphs() if len(g)}
    return names_a == names_b and all(isomorphic(a.graph(n), b.graph(n)) for n in names_a)


def _rdflib(data: bytes, fmt: str) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(data=data, format=fmt)
    return ds


@pytest.mark.parametrize("writer, fmt", [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_quad_writers_round_trip_and_are_stable(writer, fmt):
    from itukg.graph.namespaces import PREFIXES

    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    quads = _sample_quads()
    fn = getattr(rdfwrite, writer)
    first = fn(quads, prefixes) if writer != "nquads" else fn(quads)
    second = fn(list(reversed(quads)), prefixes) if writer != "nquads" else fn(list(reversed(quads)))
    assert first == second
    expected = _rdflib(rdfwrite.nquads(quads), "nquads")
    got = _rdflib(first, fmt)
    assert same_dataset(expected, got)
    if writer == "jsonld":
        assert b'"@context"' in first and b"http" in first.split(b"@graph")[0]


def test_turtle_is_readable_and_parses():
    from itukg.graph.namespaces import PREFIXES

    triples = [q.triple for q in _sample_quads()]
    text = rdfwrite.turtle(triples, {p: str(ns) for p, ns in PREFIXES.items()})
    assert text.startswith(b"@prefix itukg: <https://w3id.org/itukg/ontology#> .")
    assert b"@prefix foaf" not in text  # only the prefixes used
    assert b" a itukg:Organization ;" in text and b'"""multi' in text and b'itukg:count 2.5 , "2018-01-01"^^xsd:date , 3 , true'  in text
    g = rdflib.Graph().parse(data=text, format="turtle")
    assert len(g) == len(triples)


def test_scanner_is_fast_on_adversarial_input():
    """query_shape runs in the server process on every query: a 1 MB query must not cost seconds."""
    import time

    for text in ("<a" * 500_000, "{" * 1_000_000, "?a" * 500_000, ("." * 100 + "a") * 10_000, "sELECT " * 140_000,
                 '"' + "\\a" * 300_000, "'''" + "''a" * 300_000):
        started = time.perf_counter()
        scan.query_shape(text)
        assert time.perf_counter() - started < 0.5, text[:20]


@pytest.mark.parametrize("accept, kind, expected", [
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "tabular", True),
    ("text/html", "graph", True),
    ("*/*", "tabular", False),
    (None, "tabular", False),
    ("text/*", "graph", False),
    ("application/sparql-results+json", "tabular", False),
    ("application/sparql-results+json, text/html;q=0.9", "tabular", False),
    ("text/html;q=0", "tabular", False),
])
def test_prefers_html_only_when_named_at_least_as_high(accept, kind, expected):
    assert negotiation.prefers_html(accept, kind) is expected
