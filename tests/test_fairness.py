"""Fair sharing of the endpoint (issue 16, server/lanes.py): hostile clients looping on a slow query do not
starve a cheap one; the slow lane is bounded per client and in total, with 429 / 503 and Retry-After; a query
over the fast budget is still answered, from the slow lane, and the query timeout stays real.

Real servers on 127.0.0.1 (tests/server_fixtures.py). "Other clients" connect from other loopback source
addresses (127.0.0.2, ...): the server sees them as different remote addresses, as it would different hosts.
"""
from __future__ import annotations

import http.client
import json
import os
import threading
import time
import urllib.parse

import pytest
import requests
from server_fixtures import _TEMP_ROOT, make_data_dir, start_server

from itukg.server.settings import Settings

#: Six triple patterns over the whole union: ~2e10 combinations even for the small fixture data.
SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
        "?p ?q ?r }")
#: Four patterns: 53^4 = 7.9 million rows, about a second: over the fast budget, well within the timeout.
MEDIUM = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ASK = "ASK { ?s ?p ?o }"


def _server(key: str, **overrides):
    data_dir = make_data_dir(_TEMP_ROOT / f"fair-{key}-{os.getpid()}-{time.monotonic_ns()}")
    values = {"query_timeout": 3.0, "query_workers": 3, "threads": 8, "reload_interval": 0, **overrides}
    return start_server(Settings(data_dir=data_dir, **values))


def _query(url: str, query: str, source: str = "127.0.0.1", timeout: float = 60) -> tuple[int, dict, bytes, float]:
    """POST the query from `source` (a loopback address): (status, headers, body, seconds)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout, source_address=(source, 0))
    started = time.monotonic()
    try:
        conn.request("POST", "/sparql", body=urllib.parse.urlencode({"query": query}),
                     headers={"Content-Type": "application/x-www-form-urlencoded",
                              "Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, dict(resp.getheaders()), body, time.monotonic() - started
    finally:
        conn.close()


def _in_background(fn, *args) -> tuple[threading.Thread, dict]:
    out: dict = {}

    def run():
        out["result"] = fn(*args)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, out


def _lanes(server) -> dict:
    return requests.get(server.url + "/status", timeout=10).json()["lanes"]["slow"]


def _wait_for(predicate, limit: float = 10.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError("condition not reached in time")


def _proc_state(pid: int) -> str:
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[0]


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


@pytest.mark.slow
def test_hostile_clients_looping_on_a_slow_query_do_not_starve_a_cheap_ask():
    """8 clients loop on the six-way cartesian COUNT for ~10 s while one polls ASK: before the lanes every
    worker was held by a slow query and the ASK waited seconds (or got a 503 busy)."""
    server = _server("hostile")
    try:
        stop = time.monotonic() + 10
        outcomes: list[int] = []
        asks: list[tuple[int, float]] = []

        def hostile():
            while time.monotonic() < stop:
                status, _, _, _ = _query(server.url, SLOW, timeout=30)
                outcomes.append(status)

        def poll():
            time.sleep(1.0)  # the hostile clients are all in by now
            while time.monotonic() < stop:
                status, _, body, seconds = _query(server.url, ASK, source="127.0.0.2", timeout=30)
                asks.append((status, seconds))
                assert status != 200 or json.loads(body)["boolean"] is True
                time.sleep(0.05)

        threads = [threading.Thread(target=hostile, daemon=True) for _ in range(8)]
        threads.append(threading.Thread(target=poll, daemon=True))
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        times = [s for _, s in asks]
        assert len(asks) >= 20, asks
        assert all(status == 200 for status, _ in asks), sorted({status for status, _ in asks})
        assert _pct(times, 95) < 1.0, (f"ASK p95 {_pct(times, 95):.3f} s, max {max(times):.3f} s", len(asks))
        assert set(outcomes) <= {429, 503}, sorted(set(outcomes))
        assert 429 in outcomes  # the per-client limit said so, at once
    finally:
        server.stop_after_requests()


def test_a_query_over_the_fast_budget_is_answered_from_the_slow_lane():
    server = _server("medium", query_timeout=20.0, fast_query_seconds=0.2)
    try:
        for _ in range(2):  # the first time it is stopped at 0.2 s and run again; the second goes straight there
            status, _, body, _ = _query(server.url, MEDIUM)
            assert status == 200, body
            assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(53 ** 4)
        rt = server.app.extensions["itukg"]
        assert len(rt.known_slow) == 1
        status, _, body, seconds = _query(server.url, ASK)
        assert status == 200 and seconds < 1.0
    finally:
        server.stop_after_requests()


def test_the_slow_lane_is_bounded_per_client_and_in_total_with_retry_after():
    server = _server("bounded", query_timeout=4.0, fast_query_seconds=0.2, slow_workers=1, slow_queue=1,
                     client_slow_queries=1)
    rt = server.app.extensions["itukg"]
    try:
        started = time.monotonic()
        first, first_out = _in_background(_query, server.url, SLOW)  # client 127.0.0.1: runs in the slow lane
        _wait_for(lambda: _lanes(server)["running"] == 1)
        slow_pids = set(rt.moved_pids())
        assert len(slow_pids) == 1
        for tid in os.listdir(f"/proc/{next(iter(slow_pids))}/task"):  # reniced, every thread
            assert os.getpriority(os.PRIO_PROCESS, int(tid)) >= 10
        # the same client again: over client_slow_queries, a 429 at once (no fast budget spent: known slow)
        status, headers, body, seconds = _query(server.url, SLOW)
        assert status == 429, body
        assert int(headers["Retry-After"]) >= 1 and b"client_slow_queries" in body and seconds < 1.0
        # another client's slow query (not known yet: it spends its fast budget first) waits in the queue,
        # its process paused; a third client finds the queue full: 503 at once
        second, second_out = _in_background(_query, server.url, SLOW.replace("?r", "?other"), "127.0.0.2")
        _wait_for(lambda: _lanes(server)["waiting"] == 1)
        paused = set(rt.moved_pids()) - slow_pids
        assert len(paused) == 1
        _wait_for(lambda: _proc_state(next(iter(paused))) == "T")  # stopped: no CPU while it waits
        status, headers, body, seconds = _query(server.url, SLOW, "127.0.0.3")
        assert status == 503, body
        assert int(headers["Retry-After"]) >= 1 and b"slow_queue" in body and seconds < 1.0
        # fast queries are answered all along, from every client
        for source in ("127.0.0.1", "127.0.0.3"):
            status, _, _, seconds = _query(server.url, ASK, source)
            assert status == 200 and seconds < 1.0
        # the timeout is real: the running query is stopped at query_timeout from its arrival, its worker
        # killed (a new process replaces it); the queued one gets what is left of its own deadline
        first.join(30)
        status, headers, body, _ = first_out["result"]
        assert status == 503 and b"time limit of 4 s" in body and "Retry-After" in headers
        assert time.monotonic() - started < 4.0 + 2.5
        second.join(30)
        assert second_out["result"][0] == 503
        _wait_for(lambda: not rt.moved_pids())
        for pid in slow_pids | paused:
            try:
                os.kill(pid, 0)
                alive = True
            except ProcessLookupError:
                alive = False
            assert not alive, f"slow worker {pid} still exists"
        assert _lanes(server) | {"refused": None} == {"running": 0, "waiting": 0, "processes": 0, "refused": None}
    finally:
        server.stop_after_requests()


def test_lanes_can_be_turned_off():
    server = _server("one-lane", fast_query_seconds=0)
    try:
        rt = server.app.extensions["itukg"]
        assert rt.slow_lane is None
        status, _, _, _ = _query(server.url, ASK)
        assert status == 200
        assert "slow" not in requests.get(server.url + "/status", timeout=10).json()["lanes"]
    finally:
        server.stop_after_requests()



def test_waiting_requests_have_threads_of_their_own():
    """waitress runs `threads` for fast requests plus one per request the slow lane and the update queue hold."""
    from itukg.server.app import request_threads

    settings = Settings(threads=8, slow_workers=2, slow_queue=4, update_queue=2)
    assert request_threads(settings) == 8 + 2 + 4 + 1 + 2
    server = _server("threads", threads=3, slow_workers=1, slow_queue=1, update_queue=0)
    try:
        assert server.server.adj.threads == 3 + 1 + 1 + 1 + 0
    finally:
        server.stop_after_requests()
