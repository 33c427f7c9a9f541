"""Fixtures for the server tests: a small dataset directory laid out as docs/model.md says, and live servers.

Imported by tests/test_server_*.py (no conftest.py on purpose). Live servers are real waitress servers on a
free 127.0.0.1 port, each in a background thread; servers shared between modules are cached per process and
stopped at exit.
"""
from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
import socket
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from rdflib import BNode, Dataset, Literal
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from itukg.graph.namespaces import GRAPH, ID, INFERRED_GRAPH, ITUKG, ONTOLOGY_GRAPH, ORG, REFERENCE_GRAPH, SCHEMA, WD
from itukg.server.app import build_server, close_app, create_app
from itukg.server.settings import Settings

DOC1 = hashlib.sha256(b"document one").hexdigest()
DOC2 = hashlib.sha256(b"document two").hexdigest()
DOC3 = hashlib.sha256(b"document three").hexdigest()
MEETING = ID["meeting/cto-meeting-2018-09-09-durban"]
MEETING2 = ID["meeting/cto-meeting-2019-10-27-budapest"]
MEETING3 = ID["meeting/cto-meeting-2020-11-30-online"]
ERICSSON = ID["organization/ericsson"]
HUAWEI = ID["organization/huawei"]
SWEDEN = ID["country/SE"]
TRICKY = 'Line one\nline "two"\twith a tab, a comma; and Zürich'


def _document_graph(ds: Dataset, sha: str, meeting, label: str, start: str, count: int) -> None:
    g = ds.graph(GRAPH[f"document/{sha}"])
    doc = ID[f"document/{sha}"]
    g.add((doc, RDF.type, ITUKG.Document))
    g.add((doc, RDFS.label, Literal(f"Report {sha[:8]}")))
    g.add((meeting, RDF.type, ITUKG.CTOMeeting))
    g.add((meeting, RDFS.label, Literal(label)))
    g.add((meeting, ITUKG.startDate, Literal(start, datatype=XSD.date)))
    g.add((meeting, ITUKG.participantCount, Literal(count, datatype=XSD.integer)))
    g.add((meeting, ITUKG.participant, ERICSSON))
    g.add((meeting, ITUKG.participant, HUAWEI))
    g.add((meeting, ITUKG.describedIn, doc))
    g.add((meeting, PROV.wasDerivedFrom, doc))
    g.add((ERICSSON, RDFS.label, Literal("Ericsson")))  # also in ig:reference: must come back once
    g.add((ERICSSON, PROV.wasDerivedFrom, doc))
    stated = BNode()
    g.add((meeting, ITUKG.statedCount, stated))
    g.add((stated, ITUKG.countValue, Literal(count, datatype=XSD.integer)))
    g.add((stated, ITUKG.countOf, Literal("new Associates")))


def build_dataset(version: int = 1) -> Dataset:
    """The fixture dataset; version 2 adds a third document (for the reload test)."""
    ds = Dataset()
    onto = ds.graph(ONTOLOGY_GRAPH)
    for cls, label in ((ITUKG.Organization, "Organization"), (ITUKG.CTOMeeting, "CTO meeting"),
                       (ITUKG.Country, "Country"), (ITUKG.Document, "Document")):
        onto.add((cls, RDF.type, OWL.Class))
        onto.add((cls, RDFS.label, Literal(label)))
    onto.add((ITUKG.participant, RDF.type, OWL.ObjectProperty))
    onto.add((ITUKG.participant, RDFS.label, Literal("participant")))
    onto.add((ITUKG.participantCount, RDFS.label, Literal("participant count")))
    ref = ds.graph(REFERENCE_GRAPH)
    ref.add((ERICSSON, RDF.type, ITUKG.Organization))
    ref.add((ERICSSON, RDFS.label, Literal("Ericsson")))
    ref.add((ERICSSON, SKOS.altLabel, Literal("LM Ericsson", lang="en")))
    ref.add((ERICSSON, SKOS.altLabel, Literal(TRICKY)))
    ref.add((ERICSSON, SKOS.exactMatch, WD.Q52601))
    ref.add((ERICSSON, ITUKG.basedIn, SWEDEN))
    ref.add((HUAWEI, RDF.type, ITUKG.Organization))
    ref.add((HUAWEI, RDFS.label, Literal("Huawei")))
    ref.add((SWEDEN, RDF.type, ITUKG.Country))
    ref.add((SWEDEN, RDFS.label, Literal("Sweden")))
    _document_graph(ds, DOC1, MEETING, "CTO meeting, Durban, 2018", "2018-09-09", 30)
    _document_graph(ds, DOC2, MEETING2, "CTO meeting, Budapest, 2019", "2019-10-27", 25)
    if version >= 2:
        _document_graph(ds, DOC3, MEETING3, "CTO meeting, online, 2020", "2020-11-30", 40)
    inf = ds.graph(INFERRED_GRAPH)
    inf.add((MEETING, RDF.type, SCHEMA.Event))
    inf.add((MEETING2, RDF.type, SCHEMA.Event))
    inf.add((ERICSSON, RDF.type, ORG.Organization))
    inf.add((ERICSSON, ITUKG.participatedIn, MEETING))
    return ds


def _nquads(ds: Dataset, graphs) -> str:
    out = Dataset()
    for name in graphs:
        target = out.graph(name)
        for triple in ds.graph(name):
            target.add(triple)
    return out.serialize(format="nquads")


def write_generation(data_dir: Path, version: int = 1, name: str | None = None) -> Path:
    """Write generations/<name>/ (manifest, per-graph files, dataset.nq) and point `current` at it."""
    ds = build_dataset(version)
    name = name or time.strftime("%Y%m%dT%H%M%S") + f"-v{version}-{time.monotonic_ns()}"
    gen = data_dir / "generations" / name
    (gen / "documents").mkdir(parents=True)
    docs = [DOC1, DOC2] + ([DOC3] if version >= 2 else [])
    manifest = {"documents": {}, "built": "2024-05-01T12:00:00Z", "version": f"test-{version}"}
    for i, sha in enumerate(docs, 1):
        graph = GRAPH[f"document/{sha}"]
        (gen / "documents" / f"{sha}.nq").write_text(_nquads(ds, [graph]), encoding="utf-8")
        manifest["documents"][f"doc{i}.txt"] = {"sha256": sha, "graph": str(graph), "accepted": True,
                                                "file": f"documents/{sha}.nq"}
    (gen / "inferred.nq").write_text(_nquads(ds, [INFERRED_GRAPH]), encoding="utf-8")
    (gen / "reference.nq").write_text(_nquads(ds, [ONTOLOGY_GRAPH, REFERENCE_GRAPH]), encoding="utf-8")
    parts = [(gen / "documents" / f"{sha}.nq").read_text() for sha in docs]
    parts += [(gen / "inferred.nq").read_text(), (gen / "reference.nq").read_text()]
    (gen / "dataset.nq").write_text("".join(parts), encoding="utf-8")
    (gen / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    link = data_dir / "current"
    tmp = data_dir / f".current-{os.getpid()}-{time.monotonic_ns()}"
    os.symlink(gen, tmp)
    os.replace(tmp, link)  # atomic swap, as graph/dataset.py does
    return gen


def make_data_dir(root: Path, version: int = 1) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    write_generation(root, version)
    return root


# --- live servers -----------------------------------------------------------------------------------

@dataclass
class LiveServer:
    url: str
    app: object
    server: object
    thread: threading.Thread
    settings: Settings

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def stop(self) -> None:
        stop_waitress(self.server, self.thread, self.app)

    def stop_after_requests(self) -> None:
        """Stop once the connections of the requests just made are closed on the server's side too (stopping
        while its loop still holds a channel the client closed can race waitress's select: EBADF in its thread)."""
        time.sleep(0.3)
        self.stop()


def stop_waitress(server, thread: threading.Thread, app) -> None:
    """Finish in-flight requests, close every connection (keep-alive ones keep waitress's loop alive), release
    the app's workers."""
    server.task_dispatcher.shutdown(timeout=5)
    trigger = getattr(server, "trigger", None)
    if trigger is not None and thread.is_alive():
        # Close the sockets inside waitress's own loop thread: closing them from this thread while its select
        # waits on them is a race (EBADF raised in the server thread).
        try:
            trigger.pull_trigger(lambda: _close_channels(server))
        except OSError:  # EBADF: the trigger is already closed, so the loop is ending on its own
            pass
        thread.join(timeout=5)
    if thread.is_alive():
        _close_channels(server)
        thread.join(timeout=5)
    close_app(app)


def _close_channels(server) -> None:
    """Close every connection, the listening socket and the trigger: waitress's loop ends when its map is empty."""
    for channel in list(server._map.values()):
        if channel is not getattr(server, "trigger", None) and channel is not server:
            try:
                channel.handle_close()
            except Exception:
                pass
    server.close()


def start_server(settings: Settings) -> LiveServer:
    settings.host, settings.port = "127.0.0.1", 0
    app = create_app(settings)
    server = build_server(settings, app)
    thread = threading.Thread(target=server.run, name="itukg-test-server", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.effective_port}"
    for _ in range(100):
        try:
            if requests.get(url + "/healthz", timeout=2).status_code == 200:
                break
        except requests.ConnectionError:
            time.sleep(0.02)
    return LiveServer(url, app, server, thread, settings)


_SHARED: dict[str, LiveServer] = {}
_TEMP_ROOT = Path(tempfile.mkdtemp(prefix="itukg-server-tests-"))
_TEMP_OWNER = os.getpid()  # a forked child leaving must not remove the run's data


def shared_server(key: str, **overrides) -> LiveServer:
    """One server per key for the whole test run (several modules use the main one)."""
    if key not in _SHARED:
        data_dir = make_data_dir(_TEMP_ROOT / key)
        values = {"query_timeout": 5.0, "query_workers": 3, "threads": 8, "reload_interval": 0, **overrides}
        settings = Settings(data_dir=data_dir, **values)
        _SHARED[key] = start_server(settings)
    return _SHARED[key]


@atexit.register
def _stop_shared() -> None:
    for server in _SHARED.values():
        try:
            server.stop()
        except Exception:
            pass
    if os.getpid() == _TEMP_OWNER:
        shutil.rmtree(_TEMP_ROOT, ignore_errors=True)


@pytest.fixture(scope="module")
def live() -> LiveServer:
    """The main read-only server over the fixture dataset."""
    return shared_server("main")


@pytest.fixture(scope="module")
def snapshot(live):
    return live.app.extensions["itukg"].snapshot


class ConnectionRecorder:
    """A TCP listener on 127.0.0.1 that records every connection made to it: it reads each request and closes
    it, or (`silent`) keeps the connection open and never answers, like a remote that hangs."""

    def __init__(self, silent: bool = False):
        self.silent = silent
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections: list[bytes] = []
        self.accepted: list[socket.socket] = []
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            if self.silent:
                self.accepted.append(conn)
            else:
                self.connections.append(conn.recv(2048))
                conn.close()

    def close(self):
        self._stop = True
        self.thread.join(timeout=2)
        for conn in self.accepted:
            conn.close()
        self.sock.close()


@pytest.fixture()
def recorder():
    """A ConnectionRecorder for one test."""
    rec = ConnectionRecorder()
    yield rec
    rec.close()


def while_slow_runs(slow_call, fast_call, settle: float = 0.2, pause: float = 0.05):
    """Run `slow_call()` in a thread and `fast_call()` again and again until it ends.

    Returns (slow result, its seconds, [(fast result, its seconds), ...]): what a test needs to show that one
    slow request does not hold up the others."""
    outcome = {}

    def slow():
        started = time.monotonic()
        outcome["result"] = slow_call()
        outcome["elapsed"] = time.monotonic() - started

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(settle)
    fast = []
    while thread.is_alive():
        started = time.monotonic()
        result = fast_call()
        fast.append((result, time.monotonic() - started))
        time.sleep(pause)
    thread.join()
    return outcome["result"], outcome["elapsed"], fast
