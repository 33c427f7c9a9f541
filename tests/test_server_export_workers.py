"""Exports not in the cache run in the query workers under query_timeout, never in the server process: four
exports at once must not slow other requests down, and an export past the time limit gets a 503."""
from __future__ import annotations

import random
import tempfile
import threading
import time
from pathlib import Path

import pytest
import requests
from server_fixtures import ERICSSON, make_data_dir, start_server, while_slow_runs

from itukg.server import export as export_module
from itukg.server.settings import Settings

SIMPLE = f"SELECT ?label WHERE {{ <{ERICSSON}> rdfs:label ?label }}"


def _hog_the_interpreter(seconds: float):
    """An export that keeps the interpreter lock most of the time (as serializing a big dataset does)."""
    real = export_module.export_dataset

    def slow(store, fmt, inferred=True, graph=None):
        numbers = [random.random() for _ in range(300_000)]
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            sorted(numbers)  # one C call: the lock is held until it returns
        return real(store, fmt, inferred=inferred, graph=graph)
    return slow


@pytest.fixture
def slow_export_server(monkeypatch, tmp_path):
    # Patched before the server forks its workers: they inherit the slow export.
    monkeypatch.setattr(export_module, "export_dataset", _hog_the_interpreter(3.0))
    data_dir = make_data_dir(tmp_path / "data")
    # four exports at once from this one client: past fast_query_seconds each moves to the slow lane, which
    # must hold all four (slow_workers, client_slow_queries) for each to run until the time limit
    server = start_server(Settings(data_dir=data_dir, query_timeout=2.0, query_workers=6, threads=8,
                                   reload_interval=0, slow_workers=4, client_slow_queries=4))
    yield server
    server.stop()


def test_exports_run_in_workers_fast_queries_keep_their_pace_and_a_slow_export_stops(slow_export_server):
    live = slow_export_server
    replies: list = []

    def four_exports():
        threads = [threading.Thread(target=lambda fmt=fmt: replies.append(
            requests.get(live.url + "/export", params={"format": fmt}, timeout=30)))
            for fmt in ("turtle", "trig", "nquads", "nt")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return replies

    _, elapsed, answered = while_slow_runs(
        four_exports, lambda: requests.get(live.sparql, params={"query": SIMPLE}, timeout=10).status_code)
    assert answered and all(code == 200 for code, _ in answered)
    times = sorted(t for _, t in answered)
    # a query that waited behind an export would take its whole time limit (2 s); on a busy 2-core machine one
    # may still be slowed by the scheduler, so the typical one is held to 0.5 s and every one below the limit
    assert times[len(times) // 2] < 0.5 and times[-1] < 2.0, times[-5:]
    # Each export ran past query_timeout (2 s): stopped, with a sentence saying what to do.
    assert [r.status_code for r in replies] == [503] * 4
    assert all("export was stopped after the time limit of 2 s" in r.text for r in replies), replies[0].text
    assert elapsed < 2.0 + 3.0
    assert requests.get(live.sparql, params={"query": SIMPLE}, timeout=10).status_code == 200


def test_an_export_within_the_limit_is_served_from_a_worker_and_cached(monkeypatch, tmp_path):
    data_dir = make_data_dir(tmp_path / "data")
    calls = []
    real = export_module.export_dataset
    monkeypatch.setattr(export_module, "export_dataset",
                        lambda *a, **k: calls.append(1) or real(*a, **k))  # counted in this process only
    live = start_server(Settings(data_dir=data_dir, query_timeout=10.0, query_workers=2, reload_interval=0))
    try:
        first = requests.get(live.url + "/export", params={"format": "trig"}, timeout=30)
        second = requests.get(live.url + "/export", params={"format": "trig"}, timeout=30)
        assert first.status_code == second.status_code == 200
        assert first.content == second.content
        assert calls == []  # made in a worker, not in the server process
        snapshot = live.app.extensions["itukg"].snapshot
        assert first.content == real(snapshot, "trig")
        missing = requests.get(live.url + "/export", params={"format": "trig", "graph": "http://example.org/none"},
                               timeout=30)
        assert missing.status_code == 404 and "lists the graphs" in missing.text
    finally:
        live.stop()
