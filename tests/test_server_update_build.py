"""Updates next to reads and next to a build (issue 16):

(a) concurrent updates never stall reads: one update runs, `update_queue` wait, any more get a 503 with
    Retry-After at once; /healthz and queries keep answering while 16 updates arrive together;
(b) over a built dataset, updates own every graph but the build's: a change to a document, inferred or
    reference graph is a 409 that changes nothing; what updates own is kept in <data_dir>/updates.nq, which a
    rebuild leaves alone and every load re-applies; DROP ALL / CLEAR ALL remove only what updates added.
"""
from __future__ import annotations

import threading
import time

import requests
from server_fixtures import (
    _TEMP_ROOT,
    DOC1,
    ERICSSON,
    MEETING,
    MEETING3,
    make_data_dir,
    start_server,
    write_generation,
)

from itukg.graph.namespaces import GRAPH, INFERRED_GRAPH
from itukg.server.settings import Settings

TOKEN = "s3cret-token"
HEAVY = ('INSERT { GRAPH <http://example.org/heavy> { ?a <http://example.org/p> ?o } } WHERE { '
         'GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f } GRAPH ?g3 { ?g ?h ?i } GRAPH ?g4 { ?j ?k ?l } '
         'GRAPH ?g5 { ?m ?n ?o } GRAPH ?g6 { ?p ?q ?r } }')
NOTE = 'INSERT DATA { GRAPH <http://example.org/notes> { <http://example.org/n1> <http://example.org/says> "hi" } }'


def _server(key: str, **overrides):
    data_dir = make_data_dir(_TEMP_ROOT / f"upd-{key}-{time.monotonic_ns()}")
    values = {"query_timeout": 5.0, "query_workers": 3, "threads": 8, "reload_interval": 0,
              "allow_update": True, "update_token": TOKEN, **overrides}
    return start_server(Settings(data_dir=data_dir, **values))


def _update(server, text: str, timeout: float = 60) -> requests.Response:
    return requests.post(server.url + "/update", data={"update": text},
                         headers={"Authorization": f"Bearer {TOKEN}"}, timeout=timeout)


def _ask(server, query: str) -> bool:
    r = requests.get(server.sparql, params={"query": query}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["boolean"]


# --- (a) the update queue -------------------------------------------------------------------------------

def test_sixteen_updates_at_once_never_stall_reads():
    server = _server("queue", query_timeout=1.5)
    try:
        results: list[requests.Response] = []
        threads = [threading.Thread(target=lambda: results.append(_update(server, HEAVY)), daemon=True)
                   for _ in range(16)]
        started = time.monotonic()
        for t in threads:
            t.start()
        reads: list[float] = []
        while any(t.is_alive() for t in threads) and time.monotonic() - started < 30:
            t0 = time.monotonic()
            assert requests.get(server.url + "/healthz", timeout=30).status_code == 200
            assert _ask(server, f"ASK {{ <{ERICSSON}> ?p ?o }}")
            reads.append(time.monotonic() - t0)
            time.sleep(0.05)
        for t in threads:
            t.join(60)
        assert len(results) == 16
        assert len(reads) >= 5 and max(reads) < 1.0, reads
        refused = [r for r in results if "update_queue" in r.text]
        stopped = [r for r in results if "time limit" in r.text]
        assert all(r.status_code == 503 for r in results), sorted({r.status_code for r in results})
        assert len(refused) >= 16 - 3 and all(int(r.headers["Retry-After"]) >= 1 for r in refused)
        assert len(refused) + len(stopped) == 16
        assert not _ask(server, "ASK { GRAPH <http://example.org/heavy> { ?s ?p ?o } }")
        # the queue is free again
        r = _update(server, NOTE)
        assert r.status_code == 200, r.text
    finally:
        server.stop_after_requests()


# --- (b) updates next to a build -----------------------------------------------------------------------

def test_updates_to_the_builds_graphs_are_refused_with_409():
    server = _server("owned")
    try:
        doc_graph = GRAPH[f"document/{DOC1}"]
        for update in (
            f'INSERT DATA {{ GRAPH <{doc_graph}> {{ <http://example.org/x> <http://example.org/p> 1 }} }}',
            f'DELETE DATA {{ GRAPH <{INFERRED_GRAPH}> {{ <{MEETING}> a <https://schema.org/Event> }} }}',
            f"DROP GRAPH <{doc_graph}>",
            "DELETE WHERE { GRAPH ?g { ?s rdfs:label ?l } }",
            f"DELETE {{ GRAPH ?g {{ <{ERICSSON}> ?p ?o }} }} WHERE {{ GRAPH ?g {{ <{ERICSSON}> ?p ?o }} }}",
        ):
            r = _update(server, update)
            assert r.status_code == 409, (update, r.status_code, r.text)
            assert "which the build owns" in r.text and "Nothing was changed" in r.text
        assert _ask(server, f"ASK {{ GRAPH <{doc_graph}> {{ <{MEETING}> ?p ?o }} }}")
        assert _ask(server, f"ASK {{ <{ERICSSON}> rdfs:label ?l }}")
        assert not (server.settings.data_dir / "updates.nq").exists()
    finally:
        server.stop_after_requests()


def test_what_updates_own_survives_a_rebuild_and_a_restart_and_drop_all_removes_only_it():
    server = _server("kept", reload_interval=0.1)
    data_dir = server.settings.data_dir
    try:
        r = _update(server, NOTE)
        assert r.status_code == 200, r.text
        # an update may read the build's data and write what it derives into its own graph
        r = _update(server, 'INSERT { GRAPH <http://example.org/derived> { ?m <http://example.org/big> true } } '
                            'WHERE { ?m itukg:participantCount ?n FILTER(?n > 26) }')
        assert r.status_code == 200, r.text
        kept = (data_dir / "updates.nq").read_text(encoding="utf-8")
        assert "http://example.org/notes" in kept and "http://example.org/derived" in kept
        assert str(ERICSSON) not in kept  # only what updates own, never the build's data
        # a rebuild publishes a new generation: the server loads it and re-applies the updates
        write_generation(data_dir, version=2)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not _ask(server, f"ASK {{ <{MEETING3}> ?p ?o }}"):
            time.sleep(0.1)
        assert _ask(server, f"ASK {{ <{MEETING3}> ?p ?o }}")
        assert _ask(server, 'ASK { GRAPH <http://example.org/notes> { ?s ?p "hi" } }')
        assert _ask(server, f"ASK {{ GRAPH <http://example.org/derived> {{ <{MEETING}> ?p true }} }}")
    finally:
        server.stop_after_requests()
    # a restart over the same directory: the updates are there again
    server = start_server(Settings(data_dir=data_dir, query_timeout=5.0, query_workers=2, reload_interval=0,
                                   allow_update=True, update_token=TOKEN))
    try:
        assert _ask(server, 'ASK { GRAPH <http://example.org/notes> { ?s ?p "hi" } }')
        for update in ("CLEAR ALL", "DROP ALL"):
            r = _update(server, update)
            assert r.status_code == 200, (update, r.text)
        assert not _ask(server, 'ASK { GRAPH <http://example.org/notes> { ?s ?p ?o } }')
        assert not _ask(server, "ASK { GRAPH <http://example.org/derived> { ?s ?p ?o } }")
        assert _ask(server, f"ASK {{ <{ERICSSON}> rdfs:label ?l }}")  # the build's data is all there
        assert _ask(server, f"ASK {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}")
        assert not (data_dir / "updates.nq").exists()
    finally:
        server.stop_after_requests()

