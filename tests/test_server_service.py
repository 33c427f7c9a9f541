"""SERVICE federation with `service_allowlist`: real servers on 127.0.0.1, real connections (or none).

The remote is a second itukg server (the fixture dataset); the local one serves a one-triple file, so every row
about Ericsson in an answer came from the remote. Listeners on 127.0.0.1 show whether a connection was made.
"""
from __future__ import annotations

import time

import pytest
import requests
from server_fixtures import (  # noqa: F401
    _TEMP_ROOT,
    ERICSSON,
    HUAWEI,
    ConnectionRecorder,
    make_data_dir,
    recorder,
    start_server,
    while_slow_runs,
)

from itukg.graph.errors import ConfigError
from itukg.server.settings import Settings, load_settings

TIMEOUT = 2.0
LOCAL = "SELECT ?o WHERE { <http://local.example/a> <http://local.example/p> ?o }"


@pytest.fixture(scope="module")
def remote():
    server = start_server(Settings(data_dir=make_data_dir(_TEMP_ROOT / "service-remote"), query_timeout=5.0,
                                   query_workers=2, reload_interval=0))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def silent():
    server = ConnectionRecorder(silent=True)
    yield server
    server.close()


def _local_file(name: str):
    path = _TEMP_ROOT / f"{name}.ttl"
    path.write_text('<http://local.example/a> <http://local.example/p> "local" .\n', encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def federating(remote, silent):
    """Allows the remote's /sparql (written unnormalised) and the silent listener."""
    host, port = remote.url.removeprefix("http://").split(":")
    allow = (f"HTTP://{host}:{port}/sparql", f"http://127.0.0.1:{silent.port}/sparql")
    server = start_server(Settings(files=[_local_file("federating")], query_timeout=TIMEOUT, query_workers=3,
                                   reload_interval=0, max_results=1, service_allowlist=allow))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def plain():
    server = start_server(Settings(files=[_local_file("plain")], query_timeout=TIMEOUT, query_workers=2,
                                   reload_interval=0))
    yield server
    server.stop()


def federated(endpoint: str) -> str:
    return (f"SELECT ?org ?label WHERE {{ SERVICE <{endpoint}> {{ ?org a itukg:Organization ; "
            f"rdfs:label ?label }} }} ORDER BY ?label")


def _post(server, query: str, **headers):
    return requests.post(server.sparql, data={"query": query}, headers=headers, timeout=30)


def test_allowed_service_returns_rows_from_the_other_server(federating, remote):
    r = requests.post(federating.sparql, data={"query": federated(remote.sparql), "format": "json"}, timeout=30)
    assert r.status_code == 200, r.text
    rows = [(b["org"]["value"], b["label"]["value"]) for b in r.json()["results"]["bindings"]]
    assert rows == [(str(ERICSSON), "Ericsson")]  # max_results=1 on the federating server: truncated
    assert r.headers["X-Itukg-Truncated"].startswith("true")
    # the same result limits and formats as any query; joins with local data work
    r = requests.post(federating.sparql, data={"query": federated(remote.sparql).replace("ORDER BY ?label", "")},
                      headers={"Accept": "text/csv"}, timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    assert r.text.splitlines()[0] == "org,label" and len(r.text.splitlines()) == 2
    query = (f"SELECT ?o ?label WHERE {{ <http://local.example/a> <http://local.example/p> ?o . "
             f"SERVICE SILENT <{remote.sparql}> {{ <{HUAWEI}> rdfs:label ?label }} }}")
    r = requests.post(federating.sparql, data={"query": query}, headers={"Accept": "application/sparql-results+json"},
                      timeout=30)
    assert r.status_code == 200, r.text
    assert [(b["o"]["value"], b["label"]["value"]) for b in r.json()["results"]["bindings"]] == [("local", "Huawei")]


def test_endpoints_not_in_the_list_are_refused_without_a_connection(federating, remote, recorder):
    other = f"http://127.0.0.1:{recorder.port}/sparql"
    refused = {
        federated(other): other,
        federated(f"http://localhost:{recorder.port}/sparql"): f"http://localhost:{recorder.port}/sparql",
        federated(remote.sparql + "/"): remote.sparql + "/",  # exact match: another path is another endpoint
        f"SELECT * WHERE {{ BIND(<{other}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}": "?u",
        # an allowed SERVICE next to one the keyword scanner would miss: the word must always name an IRI
        f"SELECT * WHERE {{ SERVICE <{remote.sparql}> {{ ?s ?p ?o }} FILTER(1<?b)SERVICE#>\n<{other}> {{ }} }}": "#>",
        f"SELECT * WHERE {{ SERVICE <{remote.sparql}> {{ ?s ?p ?o }} \\u0053ERVICE <{other}> {{ }} }}": other,
        f"BASE <http://127.0.0.1:{recorder.port}/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}": "sparql",
    }
    for query, named in refused.items():
        started = time.monotonic()
        r = _post(federating, query)
        assert r.status_code == 400 and "SERVICE" in r.text and named in r.text, (query, r.status_code, r.text)
        assert time.monotonic() - started < 2
    time.sleep(0.3)
    assert recorder.connections == []


def test_non_service_queries_stay_in_the_sandbox(federating, recorder):
    """A SERVICE the scanner does not see goes to the sandboxed workers, which cannot connect."""
    target = f"http://127.0.0.1:{recorder.port}/sparql"
    r = _post(federating, f"SELECT * WHERE {{ FILTER(1<?b)SERVICE#>\n<{target}> {{ ?s ?p ?o }} }}")
    assert r.status_code < 500
    runtime = federating.app.extensions["itukg"]
    job = {"query": f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}", "formats": {"tabular": "json"},
           "max_results": 10}
    _, reply = runtime.run_query(lambda snap: job)
    assert reply["status"] == 400 and "SERVICE is disabled" in reply["message"]
    time.sleep(0.3)
    assert recorder.connections == []


def test_default_settings_refuse_the_same_query(plain, remote):
    r = _post(plain, federated(remote.sparql))
    assert r.status_code == 400 and "SERVICE is disabled" in r.text
    assert plain.app.extensions["itukg"]._state[2] is None  # no networked workers at all


def test_slow_remote_is_cut_at_the_timeout(federating, remote, silent):
    response, elapsed, answered = while_slow_runs(
        lambda: _post(federating, federated(f"http://127.0.0.1:{silent.port}/sparql")),
        lambda: _post(federating, LOCAL, Accept="application/sparql-results+json").status_code, settle=0.3)
    assert response.status_code == 503 and "time limit" in response.text, response.text
    assert TIMEOUT <= elapsed < TIMEOUT + 2
    assert silent.accepted  # it did connect (allowed), and was stopped
    assert answered and {code for code, _ in answered} == {200}
    # the killed networked worker was replaced: federation keeps working
    r = _post(federating, federated(remote.sparql))
    assert r.status_code == 200 and "Ericsson" in r.text


def test_allowlist_settings():
    s = load_settings(None, env={"ITUKG_SERVICE_ALLOWLIST": "https://Query.Wikidata.org:443/sparql, http://x.example"})
    assert s.service_allowlist == ("https://query.wikidata.org/sparql", "http://x.example/")
    assert Settings().service_allowlist == ()
    for bad in ("ftp://x.example/", "sparql", "http://user:pw@x.example/sparql"):
        with pytest.raises(ConfigError, match="service_allowlist"):
            load_settings(None, env={"ITUKG_SERVICE_ALLOWLIST": bad})
