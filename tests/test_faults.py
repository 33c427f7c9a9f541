"""Faults around a real `itukg serve` subprocess: clients that vanish mid-answer, clients that send or read
very slowly, and a rebuild of the served data directory while a client queries in a loop.

(Two builds at once and kill -9 during a build are tested in tests/test_build.py.)
"""
from __future__ import annotations

import http.client
import shutil
import socket
import struct
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server_fixtures import while_slow_runs  # noqa: E402

from bench import loadtest  # noqa: E402
from itukg.graph.build import build  # noqa: E402

HOST = "127.0.0.1"
TIMEOUT = 5.0
THREADS = 4
WORKERS = 2
COUNT_DOCS = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a itukg:Document }"
NEW_DOC = ("The CTO meeting took place on 3 May 2020 in Geneva, Switzerland. "
           "Participating companies included Nokia and Ericsson.\n")


@pytest.fixture(scope="module")
def server(built_corpus, tmp_path_factory):
    """Few threads and workers on purpose: a client that held one would be noticed."""
    with loadtest.itukg_server(built_corpus, TIMEOUT, workers=WORKERS, threads=THREADS,
                               log_dir=tmp_path_factory.mktemp("log")) as srv:
        yield srv


def _query(srv, text=COUNT_DOCS, timeout=10.0) -> requests.Response:
    return requests.post(srv.url + "/sparql", data={"query": text}, timeout=timeout,
                         headers={"Accept": "application/sparql-results+json"})


def _count(srv) -> int:
    r = _query(srv)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def _healthy(srv) -> None:
    assert srv.proc.poll() is None, srv.log.read_text()[-3000:]
    started = time.monotonic()
    assert _count(srv) >= 2
    assert time.monotonic() - started < 2.0
    assert len(loadtest.children(srv.proc.pid)) == WORKERS


def _abort(sock: socket.socket) -> None:
    """Close with a TCP reset (SO_LINGER 0), as a crashing client or a dropped connection does."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _raw(srv, request: bytes, timeout: float = 30.0) -> socket.socket:
    sock = socket.create_connection((HOST, srv.port), timeout=timeout)
    sock.sendall(request)
    return sock


# --- clients that disconnect mid-response ----------------------------------------------------------------

BIG_CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def _get(path: str, accept: str = "*/*") -> bytes:
    return (f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept: {accept}\r\n\r\n").encode()


def test_clients_that_disconnect_mid_response(server):
    requests_ = [
        _get("/export?format=nquads"),
        _get("/export?format=turtle"),
        _get("/sparql?" + urllib.parse.urlencode({"query": BIG_CONSTRUCT}), "application/n-triples"),
    ]
    sizes = []
    for i in range(12):
        sock = _raw(server, requests_[i % len(requests_)])
        data = sock.recv(4096)
        sizes.append(len(data))
        assert data.startswith(b"HTTP/1.1 200"), data[:200]
        _abort(sock) if i % 2 else sock.close()
    # and one that closes before reading anything at all, right after sending
    for _ in range(4):
        _abort(_raw(server, requests_[0]))
    time.sleep(0.5)
    _healthy(server)
    # the full answers are large: the clients really left with most of the answer unread
    full = requests.get(server.url + "/export", params={"format": "nquads"}, timeout=30)
    assert full.status_code == 200 and len(full.content) > 50 * max(sizes)


# --- slow clients ----------------------------------------------------------------------------------------

def test_clients_sending_their_body_byte_by_byte_do_not_block_others(server):
    """More slow senders than the server has threads: waitress buffers bodies before a thread sees them."""
    body = urllib.parse.urlencode({"query": COUNT_DOCS}).encode()
    head = (f"POST /sparql HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            f"Accept: application/sparql-results+json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    slow = [_raw(server, head) for _ in range(THREADS * 3)]
    stop = threading.Event()
    sent = [0]

    def dribble():
        while not stop.is_set() and sent[0] < len(body) - 1:
            for sock in slow:
                sock.send(body[sent[0]:sent[0] + 1])
            sent[0] += 1
            time.sleep(0.1)

    sender = threading.Thread(target=dribble, daemon=True)
    sender.start()
    try:
        time.sleep(0.3)
        latencies = []
        for _ in range(15):
            started = time.monotonic()
            assert _count(server) >= 2
            latencies.append(time.monotonic() - started)
        assert max(latencies) < 1.0, latencies
    finally:
        stop.set()
        sender.join()
    # the slow ones finish their bodies and are answered properly too
    for sock in slow:
        sock.sendall(body[sent[0]:])
    for sock in slow:
        sock.settimeout(15)
        assert sock.recv(64).startswith(b"HTTP/1.1 200")
        sock.close()
    _healthy(server)


def test_clients_reading_very_slowly_do_not_block_others(server):
    """More clients than threads ask for the whole export and read it a few bytes at a time."""
    readers = []
    for _ in range(THREADS * 3):
        sock = socket.create_connection((HOST, server.port), timeout=30)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(_get("/export?format=nquads"))
        readers.append(sock)
    try:
        time.sleep(0.5)
        for sock in readers:
            assert sock.recv(16).startswith(b"HTTP/1.1")
        latencies = []
        for _ in range(15):
            started = time.monotonic()
            assert _count(server) >= 2
            for sock in readers:
                sock.recv(16)
            latencies.append(time.monotonic() - started)
        assert max(latencies) < 1.0, latencies
    finally:
        for sock in readers:
            _abort(sock)
    _healthy(server)


def test_a_slow_query_does_not_block_other_clients(server):
    """One worker busy with a cartesian COUNT: the other answers; the slow one gets its 503 at the timeout."""
    response, elapsed, fast = while_slow_runs(lambda: _query(server, loadtest.SLOW_QUERY, timeout=TIMEOUT + 20),
                                              lambda: _count(server), settle=0.3, pause=0.1)
    assert response.status_code == 503 and TIMEOUT <= elapsed < TIMEOUT + 3
    assert fast and all(count >= 2 for count, _ in fast)
    assert max(t for _, t in fast) < 1.5, fast
    _healthy(server)


# --- a rebuild while serving -----------------------------------------------------------------------------

def test_rebuild_while_serving(built_corpus, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(built_corpus, data, symlinks=True)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "geneva-2020.txt").write_text(NEW_DOC, encoding="utf-8")
    with loadtest.itukg_server(data, TIMEOUT, workers=WORKERS, threads=THREADS, log_dir=tmp_path) as srv:
        before = _count(srv)
        results: list[tuple[int, int | None]] = []
        stop = threading.Event()

        def loop():
            session = requests.Session()
            while not stop.is_set():
                try:
                    r = session.post(srv.url + "/sparql", data={"query": COUNT_DOCS}, timeout=10,
                                     headers={"Accept": "application/sparql-results+json"})
                    n = int(r.json()["results"]["bindings"][0]["n"]["value"]) if r.status_code == 200 else None
                    results.append((r.status_code, n))
                except (requests.RequestException, ValueError, KeyError) as exc:
                    results.append((0, None))
                    print("failed:", exc)

        client = threading.Thread(target=loop, daemon=True)
        client.start()
        time.sleep(0.5)
        result = build([docs], data)
        assert len(result.accepted) == 1, result.unreadable
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any(n == before + 1 for _, n in results[-5:]):
            time.sleep(0.2)
        time.sleep(0.5)
        stop.set()
        client.join(15)
        assert srv.proc.poll() is None
        status = requests.get(srv.url + "/status", timeout=10).json()
    failed = [r for r in results if r[0] != 200]
    assert not failed, failed[:5]
    counts = [n for _, n in results]
    assert counts[0] == before and counts[-1] == before + 1, (before, counts[:3], counts[-3:])
    # the switch happens once: old answers, then new ones, never a mix or an empty store in between
    switch = counts.index(before + 1)
    assert set(counts[:switch]) == {before} and set(counts[switch:]) == {before + 1}
    assert len(results) > 20 and status["documents"] == before + 1 and status["reload_error"] is None
