"""Loading: the dataset directory, explicit RDF files in every format, parsers that never fetch, reloads."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from server_fixtures import ERICSSON, MEETING3, ConnectionRecorder, make_data_dir, start_server, write_generation

from itukg.graph.errors import DatasetError
from itukg.server.settings import Settings
from itukg.server.store import INFERRED, UNION_GRAPH, DatasetWatcher, load_dataset, load_files

TTL = '@prefix ex: <http://example.org/> . ex:a ex:p "from turtle" . ex:shared ex:label "same" .'
NT = '<http://example.org/b> <http://example.org/p> "from n-triples" .\n'
TRIG = ('@prefix ex: <http://example.org/> . ex:g1 { ex:c ex:p "in g1" . ex:shared ex:label "same" } '
        'ex:d ex:p "default graph of a trig" .')
NQ = '<http://example.org/e> <http://example.org/p> "from n-quads" <http://example.org/g2> .\n'
JSONLD = json.dumps({"@context": {"ex": "http://example.org/"}, "@id": "ex:f", "ex:p": "from json-ld"})
RDFXML = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
          'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/h">'
          '<ex:p>from rdf/xml</ex:p></rdf:Description></rdf:RDF>')


def test_dataset_directory(tmp_path):
    snap = load_dataset(make_data_dir(tmp_path / "data"))
    assert snap.has_inferred and len(snap.graphs) == 5
    assert snap.manifest["version"] == "test-1" and snap.built == "2024-05-01T12:00:00Z"
    assert snap.generation and snap.signature
    assert sum(v for k, v in snap.graph_sizes.items()) > snap.triples  # the union is smaller: a set
    labels = list(snap.query(f"SELECT ?l WHERE {{ <{ERICSSON}> rdfs:label ?l }}"))
    assert [r["l"].value for r in labels] == ["Ericsson"]
    assert UNION_GRAPH not in snap.named_graphs()
    assert bool(snap.query("ASK { ?s a schema:Event }")) and not bool(snap.query("ASK { ?s a schema:Event }",
                                                                                    asserted=True))


def test_missing_dataset_is_a_dataset_error(tmp_path):
    with pytest.raises(DatasetError, match="itukg build"):
        load_dataset(tmp_path)


def test_every_file_format_and_where_triples_go(tmp_path):
    files = {"a.ttl": TTL, "b.nt": NT, "c.trig": TRIG, "e.nq": NQ, "f.jsonld": JSONLD, "h.rdf": RDFXML}
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    snap = load_files(paths)
    rows = snap.query("SELECT ?o ?g WHERE { { GRAPH ?g { ?s <http://example.org/p> ?o } } UNION "
                      "{ ?s <http://example.org/p> ?o FILTER NOT EXISTS { GRAPH ?x { ?s <http://example.org/p> ?o } } } }")
    where = {r["o"].value: (r["g"].value if r["g"] is not None else None) for r in rows}
    assert where["from turtle"] == (tmp_path / "a.ttl").resolve().as_uri()  # triples: a graph named after the file
    assert where["from n-triples"] == (tmp_path / "b.nt").resolve().as_uri()
    assert where["from rdf/xml"] == (tmp_path / "h.rdf").resolve().as_uri()
    assert where["in g1"] == "http://example.org/g1"  # datasets keep their graphs
    assert where["from n-quads"] == "http://example.org/g2"
    assert where["default graph of a trig"] is None and where["from json-ld"] is None
    same = list(snap.query("SELECT ?o WHERE { <http://example.org/shared> ?p ?o }"))
    assert len(same) == 1


def test_bad_files_are_dataset_errors(tmp_path):
    (tmp_path / "x.ttl").write_text("this is not turtle")
    with pytest.raises(DatasetError, match="x.ttl"):
        load_files([tmp_path / "x.ttl"])
    (tmp_path / "x.csv").write_text("a,b")
    with pytest.raises(DatasetError, match="unknown RDF file extension"):
        load_files([tmp_path / "x.csv"])


def test_parsers_never_fetch(tmp_path):
    """A JSON-LD remote context and an RDF/XML external entity pointing at a local port: no connection."""
    rec = ConnectionRecorder()
    try:
        base = f"http://127.0.0.1:{rec.port}"
        (tmp_path / "remote.jsonld").write_text(json.dumps(
            {"@context": f"{base}/context.jsonld", "@id": "http://example.org/x", "name": "x"}))
        (tmp_path / "import.jsonld").write_text(json.dumps(
            {"@context": {"@import": f"{base}/ctx.jsonld"}, "@id": "http://example.org/x", "name": "x"}))
        (tmp_path / "entity.rdf").write_text(
            f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY ext SYSTEM "{base}/entity.txt">]>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
            '<rdf:Description rdf:about="http://example.org/y"><ex:p>&ext;</ex:p></rdf:Description></rdf:RDF>')
        for name in ("remote.jsonld", "import.jsonld", "entity.rdf"):
            with pytest.raises(DatasetError):
                load_files([tmp_path / name])
        time.sleep(0.3)
        assert rec.connections == []
    finally:
        rec.close()


def test_watcher_loads_a_new_generation_and_waits_for_in_place_writes(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    first = load_dataset(data_dir)
    loaded = []
    watcher = DatasetWatcher(data_dir, first, loaded.append)
    assert watcher.check() is False
    write_generation(data_dir, version=2)
    assert watcher.check() is True
    assert loaded[0].generation != first.generation and len(loaded[0].graphs) == 6
    # A file rewritten in place is loaded once it stops changing (two identical checks).
    dataset = Path(loaded[0].source) / "dataset.nq"
    dataset.write_text(dataset.read_text() + "<http://e/x> <http://e/p> \"added\" <http://e/g> .\n")
    assert watcher.check() is False
    assert watcher.check() is True and len(loaded) == 2
    # A broken generation is logged and skipped; the previous data keeps serving.
    gen = write_generation(data_dir, version=1)
    (gen / "dataset.nq").write_text("garbage")
    assert watcher.check() is False and "dataset.nq" in watcher.last_error


def test_live_reload_after_the_current_symlink_switches(tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    server = start_server(Settings(data_dir=data_dir, reload_interval=0.1, query_workers=2))
    try:
        ask = {"query": f"ASK {{ <{MEETING3}> ?p ?o }}"}
        assert requests.get(server.sparql, params=ask, timeout=5).json()["boolean"] is False
        old_generation = requests.get(server.url + "/status", timeout=5).json()["generation"]
        write_generation(data_dir, version=2)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            r = requests.get(server.sparql, params=ask, timeout=5)
            assert r.status_code == 200  # never an error while the new generation loads
            if r.json()["boolean"]:
                break
            time.sleep(0.05)
        assert r.json()["boolean"] is True
        status = requests.get(server.url + "/status", timeout=5).json()
        assert status["generation"] != old_generation and status["documents"] == 3
    finally:
        server.stop()


def test_a_query_running_during_a_swap_finishes_on_the_old_data(tmp_path):
    import threading

    data_dir = make_data_dir(tmp_path / "data")
    server = start_server(Settings(data_dir=data_dir, reload_interval=0, query_workers=2, query_timeout=20))
    try:
        runtime = server.app.extensions["itukg"]
        expected = runtime.snapshot.triples ** 4
        result = {}

        def slow():
            q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
            result["r"] = requests.get(server.sparql, params={"query": q}, timeout=30)

        thread = threading.Thread(target=slow)
        thread.start()
        time.sleep(0.2)
        write_generation(data_dir, version=2)
        runtime.install(load_dataset(data_dir))
        assert requests.get(server.sparql, params={"query": f"ASK {{ <{MEETING3}> ?p ?o }}"},
                            timeout=5).json()["boolean"] is True
        thread.join()
        assert result["r"].status_code == 200
        assert int(result["r"].json()["results"]["bindings"][0]["n"]["value"]) == expected
    finally:
        server.stop()


def test_inferred_graph_constant_matches_the_model():
    assert INFERRED == ox.NamedNode("https://w3id.org/itukg/graph/inferred")


def test_default_graph_queries_run_on_the_compact_union_and_agree_with_the_full_store():
    """A triple stated in two documents counts once; queries without GRAPH run on the union store (no named
    graphs in it) and give the full store's answers; queries with GRAPH still see every real graph."""
    from itukg.server.execute import run_job
    from itukg.server.store import build_snapshot

    store = ox.Store()
    a, p = ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p")
    for g in ("urn:doc1", "urn:doc2"):
        store.add(ox.Quad(a, p, ox.Literal("shared"), ox.NamedNode(g)))
    store.add(ox.Quad(a, p, ox.Literal("only in doc2"), ox.NamedNode("urn:doc2")))
    snap = build_snapshot(store, source="test")
    assert list(snap.union_store.named_graphs()) == []
    assert len(snap.union_store) == 2

    def answer(query, dataset, union_store):
        job = {"query": query, "dataset": dataset, "formats": {"tabular": "json"}, "max_results": 10}
        reply = run_job(snap.store, job, union_store=union_store)
        assert reply["ok"], reply
        return json.loads(reply["body"])["results"]["bindings"]

    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    union_only = {"default": [UNION_GRAPH.value], "named": [], "union_only": True}
    assert answer(count, union_only, snap.union_store) == answer(count, union_only, None)
    assert answer(count, union_only, snap.union_store)[0]["n"]["value"] == "2"
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    full = {"default": [UNION_GRAPH.value], "named": [g.value for g in snap.graphs]}
    assert [b["g"]["value"] for b in answer(graphs, full, snap.union_store)] == ["urn:doc1", "urn:doc2"]
    assert [row["n"].value for row in snap.query(count)] == ["2"]


def test_json_answers_over_the_row_limit_are_still_truncated():
    from itukg.server.execute import run_job

    store = ox.Store()
    for i in range(30):
        store.add(ox.Quad(ox.NamedNode(f"http://example.org/{i}"), ox.NamedNode("http://example.org/p"),
                          ox.Literal(str(i))))
    job = {"query": "SELECT * WHERE { ?s ?p ?o }", "dataset": None, "formats": {"tabular": "json"},
           "max_results": 12}
    reply = run_job(store, job)
    assert reply["truncated"] and len(json.loads(reply["body"])["results"]["bindings"]) == 12
    job["max_results"] = 30
    reply = run_job(store, job)
    assert not reply["truncated"] and len(json.loads(reply["body"])["results"]["bindings"]) == 30


def test_the_first_snapshot_served_already_has_its_union_store(built_corpus):
    """Nothing is left for the background after a load: the first request after it is as fast as the next."""
    from itukg.server.runtime import Runtime

    runtime = Runtime(Settings(data_dir=built_corpus, reload_interval=0))
    try:
        assert runtime.snapshot.union_store is not None
        assert not [t for t in threading.enumerate() if t.name.startswith("itukg-union")]
        job = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "formats": {"tabular": "json"},
               "max_results": 10, "dataset": {"default": [UNION_GRAPH.value], "named": [], "union_only": True}}
        _, reply = runtime.run_query(lambda snap: job)
        assert int(json.loads(reply["body"])["results"]["bindings"][0]["n"]["value"]) == runtime.snapshot.triples
    finally:
        runtime.close()


def test_without_the_union_store_the_server_keeps_one_store_and_answers_the_same(built_corpus):
    from itukg.server.runtime import Runtime

    # (blank nodes are left out: the union store is a reload, with blank node labels of its own)
    job = {"query": "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(!isBlank(?s)) } GROUP BY ?s ORDER BY ?s",
           "formats": {"tabular": "json"}, "max_results": 100000,
           "dataset": {"default": [UNION_GRAPH.value], "named": [], "union_only": True}}
    answers = []
    for union_store in (True, False):
        runtime = Runtime(Settings(data_dir=built_corpus, reload_interval=0, union_store=union_store))
        try:
            assert (runtime.snapshot.union_store is not None) is union_store
            _, reply = runtime.run_query(lambda snap: job)
            answers.append(json.loads(reply["body"]))
        finally:
            runtime.close()
    assert answers[0] == answers[1] and answers[0]["results"]["bindings"]
