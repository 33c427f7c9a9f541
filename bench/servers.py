"""SPARQL servers started as subprocesses on 127.0.0.1, and a small HTTP client for them.

Every server is started by this process, waited for with a bounded poll, and stopped by its own pid (its
process group), never by name.
"""
from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
VENV_BIN = Path(sys.executable).parent
ACCEPT = {"SELECT": "application/sparql-results+json", "CONSTRUCT": "application/n-triples"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def tool(name: str) -> str | None:
    """A console script of this virtualenv, else one on PATH."""
    candidate = VENV_BIN / name
    return str(candidate) if candidate.exists() else shutil.which(name)


class Client:
    """One keep-alive connection; `query` returns (status, body bytes). Reconnects after an error."""

    def __init__(self, port: int, path: str, timeout: float = 120.0):
        self.port, self.path, self.timeout = port, path, timeout
        self.conn: http.client.HTTPConnection | None = None

    def query(self, text: str, form: str = "SELECT") -> tuple[int, bytes]:
        body = urllib.parse.urlencode({"query": text}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT.get(form, "*/*")}
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
                self.conn.request("POST", self.path, body=body, headers=headers)
                resp = self.conn.getresponse()
                data = resp.read()
                if resp.getheader("Connection", "").lower() == "close":
                    self.close()
                return resp.status, data
            except (ConnectionError, http.client.HTTPException, OSError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


@dataclass
class Server:
    name: str
    port: int
    path: str = "/sparql"
    proc: subprocess.Popen | None = None
    startup_s: float | None = None  # start of the process to the first answered query
    load_s: float | None = None  # separate load step, if any (oxigraph load / POST /store)
    note: str = ""
    log: Path | None = None
    extra: dict = field(default_factory=dict)

    def client(self, timeout: float = 120.0) -> Client:
        return Client(self.port, self.path, timeout)

    def memory_mb(self) -> dict:
        """RSS and PSS (shared pages split between sharers) of the server and all its descendants."""
        if not self.proc:
            return {}
        pids = _tree(self.proc.pid)
        rss = pss = 0
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
            except OSError:
                pass
        return {"rss_mb": rss / 1024, "pss_mb": pss / 1024, "processes": len(pids)}

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=5)
        self.extra.pop("tmp", None)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int(Path(entry, "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _spawn(cmd: list[str], log: Path, env: dict | None = None) -> subprocess.Popen:
    fh = open(log, "ab")
    return subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True, env=env)


def wait_ready(server: Server, started: float, timeout: float) -> None:
    """Poll with ASK {} until answered; raises RuntimeError with the log tail if it dies or times out."""
    deadline = started + timeout
    client = server.client(timeout=10)
    while time.monotonic() < deadline:
        if server.proc and server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.proc.returncode}: {_tail(server.log)}")
        try:
            status, _ = client.query("ASK { ?s ?p ?o }", "SELECT")
            if status == 200:
                server.startup_s = time.monotonic() - started
                client.close()
                return
        except OSError:
            pass
        time.sleep(0.05)
    client.close()
    raise RuntimeError(f"{server.name} not ready after {timeout:.0f} s: {_tail(server.log)}")


def _launch(server: Server, cmd: list[str], timeout: float, env: dict | None = None) -> Server:
    """Spawn the server's process and wait until it answers; a server that never does is stopped."""
    started = time.monotonic()
    server.proc = _spawn(cmd, server.log, env)
    try:
        wait_ready(server, started, timeout)
    except Exception:
        server.stop()
        raise
    return server


def _oxigraph() -> str:
    exe = tool("oxigraph")
    if exe is None:
        raise RuntimeError("the oxigraph server binary is not installed (pip install oxigraph)")
    return exe


def _tail(log: Path | None, n: int = 600) -> str:
    if not log or not log.exists():
        return ""
    return log.read_text(errors="replace")[-n:].strip().replace("\n", " | ")


def start_itukg(data_dir: Path, work: Path, timeout: float = 600) -> Server:
    exe = tool("itukg")
    if exe is None:
        raise RuntimeError("the itukg command is not installed in this environment")
    port = free_port()
    log = work / f"itukg-{port}.log"
    s = Server("itukg", port, log=log)
    env = dict(os.environ)
    env.pop("ITUKG_DATA_DIR", None)
    return _launch(s, [exe, "serve", "--data-dir", str(data_dir), "--port", str(port), "--host", HOST], timeout, env)


def start_oxigraph_disk(dataset: Path, work: Path, timeout: float = 900) -> Server:
    exe = _oxigraph()
    location = Path(tempfile.mkdtemp(prefix="oxigraph-", dir=work))
    port = free_port()
    log = work / f"oxigraph-disk-{port}.log"
    t = time.monotonic()
    r = subprocess.run([exe, "load", "--location", str(location), "--file", str(dataset)], capture_output=True,
                       timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"oxigraph load failed: {r.stderr.decode(errors='replace')[-400:]}")
    load_s = time.monotonic() - t
    s = Server("oxigraph (disk)", port, path="/query", log=log, load_s=load_s)
    s.extra["location"] = location
    return _launch(s, [exe, "serve", "--location", str(location), "--bind", f"{HOST}:{port}", "--union-default-graph"],
                   timeout)


def start_oxigraph_memory(dataset: Path, work: Path, timeout: float = 900) -> Server:
    """`oxigraph serve` without --location keeps the store in memory; data is POSTed to /store (N-Quads)."""
    exe = _oxigraph()
    port = free_port()
    log = work / f"oxigraph-mem-{port}.log"
    s = Server("oxigraph (memory)", port, path="/query", log=log)
    started = time.monotonic()
    s.proc = _spawn([exe, "serve", "--bind", f"{HOST}:{port}", "--union-default-graph"], log)
    try:
        wait_ready(s, started, 60)
        t = time.monotonic()
        conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
        size = dataset.stat().st_size
        with open(dataset, "rb") as fh:
            conn.request("POST", "/store", body=fh, headers={"Content-Type": "application/n-quads",
                                                             "Content-Length": str(size)})
            resp = conn.getresponse()
            detail = resp.read()[:300]
        conn.close()
        if resp.status not in (200, 201, 204):
            raise RuntimeError(f"POST /store answered {resp.status}: {detail!r}")
        s.load_s = time.monotonic() - t
        s.startup_s = time.monotonic() - started
    except Exception:
        s.stop()
        raise
    return s


RDFLIB_ENDPOINT_SCRIPT = """
import sys
import uvicorn
from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint
ds = Dataset(default_union=True)
ds.parse(sys.argv[1], format="nquads")
app = SparqlEndpoint(graph=ds, path="/sparql", public_url="http://127.0.0.1:%s/sparql" % sys.argv[2])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def rdflib_endpoint_missing() -> str | None:
    """Why rdflib-endpoint cannot be served here, or None."""
    import importlib.util

    for module in ("rdflib_endpoint", "uvicorn"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (rdflib-endpoint serves through uvicorn)"
    return None


def start_rdflib_endpoint(dataset: Path, work: Path, timeout: float = 900) -> Server:
    missing = rdflib_endpoint_missing()
    if missing:
        raise RuntimeError(missing)
    port = free_port()
    log = work / f"rdflib-endpoint-{port}.log"
    s = Server("rdflib-endpoint", port, path="/sparql", log=log)
    return _launch(s, [sys.executable, "-c", RDFLIB_ENDPOINT_SCRIPT, str(dataset), str(port)], timeout)


def describe(server: Server) -> str:
    return json.dumps({"name": server.name, "port": server.port, "startup_s": server.startup_s})
