"""A bounded load test of `itukg serve`: N clients for M seconds against a real server subprocess on 127.0.0.1.

    python -m bench.loadtest --clients 8 --duration 60 --timeout 2 --slow-share 0.05 --report bench/LOADTEST.md

The server serves the bundled corpus (built first into a temporary data directory unless --data-dir is given).
Each client, in a loop, sends either one of the named queries (queries/*.rq, parameters bound) or, with
probability --slow-share, a six-way cartesian COUNT that cannot finish within the query timeout and must come
back as a 503 once the timeout kills its worker. What is reported:

* requests and errors: an error is any non-2xx answer (or a transport failure) except the expected 503 of a slow
  query (or its 429: the slow lane's per-client limit, server/lanes.py); a slow query answered with anything
  else is an error too;
* latency percentiles (p50/p95/p99/max) of the fast (named) queries and the slow ones;
* whether any fast query took longer than the timeout (a starved request);
* the resident memory (VmRSS, and PSS where /proc allows) of the server process and of its query workers, at the
  start, in the middle and at the end of the run.

`--hostile` measures fair sharing instead (issue 16): --clients hostile clients (default 20, threads of a
separate process) loop on a slow cartesian COUNT (HOSTILE_QUERY) while one more client polls a cheap `ASK { ?s ?p ?o }` every --poll seconds
from another loopback address (127.0.0.2: another client to the server). It prints the ASK's count, statuses
and p50/p95/max, and what the hostile queries got (200 / 503 / 429 counts); the exit status is 0 when every
ASK was answered 200 and its p95 is below --target-ms (100 ms):

    python -m bench.loadtest --hostile --clients 20 --duration 60 --timeout 10 --data-dir DIR

`--hostile-sources N` spreads the hostile clients over N loopback addresses (127.0.1.1, ...): N hosts instead of
one. `--server-pythonpath DIR` runs the server from another checkout (DIR holds an `itukg` package), e.g. the
code before a change, with the same client.

Only loopback addresses are ever contacted; the server is started by this process and stopped by its own pid.
"""
from __future__ import annotations

import argparse
import collections
import http.client
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from itukg.graph.namespaces import DEFAULT_BASE_IRI

HOST = "127.0.0.1"

#: Six triple patterns over the whole union: ~1e20 combinations for the corpus, COUNTed with no row to stop at.
SLOW_QUERY = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
              "?p ?q ?r }")
#: The slow query of issue 16: a two-way cartesian COUNT over the union (seconds to minutes on the corpus).
HOSTILE_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
CHEAP_QUERY = "ASK { ?s ?p ?o }"
FORM_ACCEPT = {"SELECT": "application/sparql-results+json", "ASK": "application/sparql-results+json",
               "CONSTRUCT": "text/turtle", "DESCRIBE": "text/turtle"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def named_query_mix(meeting_iri: str) -> list[tuple[str, str]]:
    """(name, text) of every named query, parameters bound to values that exist in the bundled corpus."""
    from itukg.server import named_queries as nq

    values = {"topic": DEFAULT_BASE_IRI + "topic/security", "entity": meeting_iri}
    mix = []
    for q in nq.named_queries().values():
        mix.append((q.name, nq.bind(q, {p: values.get(p, "x") for p in q.params})))
    return mix


# --- the server -----------------------------------------------------------------------------------------

@dataclass
class Server:
    proc: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"


@contextmanager
def itukg_server(data_dir: Path, timeout: float, workers: int | None = None, threads: int | None = None,
                 log_dir: Path | None = None, extra_env: dict | None = None, pythonpath: Path | None = None):
    """`itukg serve` as a subprocess on a free 127.0.0.1 port; stopped (its process group) on exit.
    `pythonpath`: a directory holding another `itukg` package to run the server from."""
    port = free_port()
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(pythonpath), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("ITUKG_FILES", None)
    env.update({"ITUKG_RELOAD_INTERVAL": "0.5"})
    if workers:
        env["ITUKG_QUERY_WORKERS"] = str(workers)
    if threads:
        env["ITUKG_THREADS"] = str(threads)
    env.update(extra_env or {})
    log_dir = Path(log_dir or tempfile.mkdtemp(prefix="itukg-loadtest-log-"))
    log = log_dir / f"server-{port}.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "itukg", "serve", "--data-dir", str(data_dir), "--host", HOST,
             "--port", str(port), "--timeout", str(timeout)],
            stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    server = Server(proc, port, log)
    try:
        _wait_healthy(server, 120)
        yield server
    finally:
        _stop(proc)


def _wait_healthy(server: Server, limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"itukg serve exited with {server.proc.returncode}: {server.log.read_text()[-2000:]}")
        try:
            conn = http.client.HTTPConnection(HOST, server.port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError("itukg serve did not become healthy in time")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(10)


def children(pid: int) -> list[int]:
    """Direct children of `pid` (the query workers of a server)."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(entry))
    return out


def _status_kb(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def memory(pid: int) -> dict:
    """VmRSS of the server and of its workers (MB), and their PSS total where readable (shared pages split)."""
    workers = children(pid)
    server_rss = _status_kb(pid, "VmRSS")
    worker_rss = [_status_kb(w, "VmRSS") for w in workers]
    pss = [_pss_kb(p) for p in [pid, *workers]]
    return {
        "server_rss_mb": round(server_rss / 1024, 1),
        "workers": len(workers),
        "workers_rss_mb": round(sum(worker_rss) / 1024, 1),
        "max_worker_rss_mb": round(max(worker_rss, default=0) / 1024, 1),
        "total_rss_mb": round((server_rss + sum(worker_rss)) / 1024, 1),
        "total_pss_mb": round(sum(pss) / 1024, 1) if all(p is not None for p in pss) else None,
    }


# --- the clients ----------------------------------------------------------------------------------------

@dataclass
class Sample:
    kind: str  # "fast" or "slow"
    name: str
    status: int  # 0: transport failure
    seconds: float


@dataclass
class Outcome:
    samples: list[Sample] = field(default_factory=list)
    memory: dict = field(default_factory=dict)  # "start" / "middle" / "end" -> memory()
    failures: list[str] = field(default_factory=list)


def _client(port: int, mix, slow_share: float, until: float, seed: int, out: list, failures: list,
            request_timeout: float) -> None:
    rng = random.Random(seed)
    conn = None
    while time.monotonic() < until:
        slow = rng.random() < slow_share
        name, text = ("cartesian-count", SLOW_QUERY) if slow else rng.choice(mix)
        form = next((f for f in FORM_ACCEPT if f in text.upper()), "SELECT")
        body = urllib.parse.urlencode({"query": text}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": FORM_ACCEPT[form]}
        started = time.monotonic()
        status = 0
        try:
            if conn is None:
                conn = http.client.HTTPConnection(HOST, port, timeout=request_timeout)
            conn.request("POST", "/sparql", body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            status = resp.status
            if resp.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException) as exc:
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
            if conn is not None:
                conn.close()
            conn = None
        out.append(Sample("slow" if slow else "fast", name, status, time.monotonic() - started))
    if conn is not None:
        conn.close()


def run_load(server: Server, clients: int, duration: float, slow_share: float, timeout: float,
             seed: int = 1) -> Outcome:
    from itukg.graph.namespaces import ITUKG  # noqa: F401 - the project must be importable

    meeting = _first_meeting(server.port)
    mix = named_query_mix(meeting)
    outcome = Outcome()
    outcome.memory["start"] = memory(server.proc.pid)
    until = time.monotonic() + duration
    per_client: list[list[Sample]] = [[] for _ in range(clients)]
    threads = [threading.Thread(target=_client, args=(server.port, mix, slow_share, until, seed + i,
                                                      per_client[i], outcome.failures, timeout + 30),
                                daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    time.sleep(duration / 2)
    outcome.memory["middle"] = memory(server.proc.pid)
    for t in threads:
        t.join(duration + timeout + 60)
    outcome.memory["end"] = memory(server.proc.pid)
    outcome.samples = [s for samples in per_client for s in samples]
    return outcome


def _first_meeting(port: int) -> str:
    import json

    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    q = "SELECT ?m WHERE { ?m a itukg:Meeting } ORDER BY ?m LIMIT 1"
    conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": q}),
                 headers={"Accept": "application/sparql-results+json"})
    data = json.loads(conn.getresponse().read())
    conn.close()
    rows = data["results"]["bindings"]
    return rows[0]["m"]["value"] if rows else DEFAULT_BASE_IRI + "none"


# --- the figures ----------------------------------------------------------------------------------------

def _pct(values: list[float], p: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


def summarize(outcome: Outcome, duration: float, timeout: float) -> dict:
    fast = [s for s in outcome.samples if s.kind == "fast"]
    slow = [s for s in outcome.samples if s.kind == "slow"]
    unexpected = [s for s in fast if not 200 <= s.status < 300] + [s for s in slow if s.status not in (429, 503)]
    fast_t = [s.seconds for s in fast]
    slow_t = [s.seconds for s in slow]
    statuses: dict[str, int] = {}
    for s in outcome.samples:
        key = f"{s.kind} {s.status or 'transport error'}"
        statuses[key] = statuses.get(key, 0) + 1
    per_query = {}
    for name in sorted({s.name for s in outcome.samples}):
        ts = [s.seconds for s in outcome.samples if s.name == name]
        per_query[name] = {"n": len(ts), "p50_ms": _ms(_pct(ts, 50)), "max_ms": _ms(max(ts))}
    return {
        "requests": len(outcome.samples),
        "throughput_rps": round(len(outcome.samples) / duration, 1),
        "fast": len(fast),
        "slow": len(slow),
        "unexpected_errors": len(unexpected),
        "unexpected_examples": [f"{s.kind} {s.name} -> {s.status}" for s in unexpected[:10]],
        "transport_failures": outcome.failures[:10],
        "statuses": dict(sorted(statuses.items())),
        "fast_p50_ms": _ms(_pct(fast_t, 50)),
        "fast_p95_ms": _ms(_pct(fast_t, 95)),
        "fast_p99_ms": _ms(_pct(fast_t, 99)),
        "fast_max_ms": _ms(max(fast_t, default=None)),
        "fast_over_timeout": sum(1 for t in fast_t if t > timeout),
        "slow_p50_ms": _ms(_pct(slow_t, 50)),
        "slow_max_ms": _ms(max(slow_t, default=None)),
        "all_p50_ms": _ms(_pct(fast_t + slow_t, 50)),
        "all_p95_ms": _ms(_pct(fast_t + slow_t, 95)),
        "all_p99_ms": _ms(_pct(fast_t + slow_t, 99)),
        "per_query": per_query,
        "memory": outcome.memory,
    }


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def markdown(summary: dict, config: dict) -> str:
    m = summary["memory"]
    lines = [
        f"### {config['clients']} clients, {config['duration']:.0f} s, query timeout {config['timeout']:g} s, "
        f"{config['workers']} query workers, slow share {config['slow_share']:.0%}",
        "",
        f"- requests: {summary['requests']} ({summary['throughput_rps']} /s); fast {summary['fast']}, "
        f"slow {summary['slow']}",
        f"- unexpected errors: **{summary['unexpected_errors']}** "
        + (f"({'; '.join(summary['unexpected_examples'])})" if summary["unexpected_examples"] else ""),
        f"- statuses: {', '.join(f'{k}: {v}' for k, v in summary['statuses'].items())}",
        f"- fast queries: p50 {summary['fast_p50_ms']} ms, p95 {summary['fast_p95_ms']} ms, "
        f"p99 {summary['fast_p99_ms']} ms, max {summary['fast_max_ms']} ms; "
        f"slower than the timeout: **{summary['fast_over_timeout']}**",
        f"- slow queries (503 or 429 expected): p50 {summary['slow_p50_ms']} ms, max {summary['slow_max_ms']} ms",
        f"- all requests: p50 {summary['all_p50_ms']} ms, p95 {summary['all_p95_ms']} ms, "
        f"p99 {summary['all_p99_ms']} ms",
        "",
        "| memory (MB) | server VmRSS | workers | workers VmRSS (sum) | largest worker | total VmRSS | total PSS |",
        "|---|---|---|---|---|---|---|",
    ]
    for when in ("start", "middle", "end"):
        x = m.get(when, {})
        lines.append(f"| {when} | {x.get('server_rss_mb')} | {x.get('workers')} | {x.get('workers_rss_mb')} | "
                     f"{x.get('max_worker_rss_mb')} | {x.get('total_rss_mb')} | {x.get('total_pss_mb')} |")
    lines += ["", "| query | requests | p50 ms | max ms |", "|---|---|---|---|"]
    for name, q in summary["per_query"].items():
        lines.append(f"| {name} | {q['n']} | {q['p50_ms']} | {q['max_ms']} |")
    return "\n".join(lines) + "\n"


# --- hostile clients (issue 16) -------------------------------------------------------------------------

def _post_query(conn_box: list, port: int, query: str, source: str, request_timeout: float) -> int:
    """POST `query` on a kept-alive connection from `source`; the status (0: a transport failure)."""
    body = urllib.parse.urlencode({"query": query}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}
    try:
        if conn_box[0] is None:
            conn_box[0] = http.client.HTTPConnection(HOST, port, timeout=request_timeout, source_address=(source, 0))
        conn = conn_box[0]
        conn.request("POST", "/sparql", body=body, headers=headers)
        resp = conn.getresponse()
        resp.read()
        if resp.getheader("Connection", "").lower() == "close":
            conn.close()
            conn_box[0] = None
        return resp.status
    except (OSError, http.client.HTTPException):
        if conn_box[0] is not None:
            conn_box[0].close()
        conn_box[0] = None
        return 0


def _attackers(port: int, clients: int, until: float, timeout: float, sources: int, conn) -> None:
    """In a process of their own (so their interpreter lock does not slow the poller's clock): `clients`
    threads loop on HOSTILE_QUERY until `until`, never honouring Retry-After; the outcomes go back on `conn`."""
    hostile: list[tuple[int, float]] = []

    def attacker(i: int) -> None:
        box: list = [None]
        source = "127.0.0.1" if sources <= 1 else f"127.0.1.{1 + i % sources}"
        while time.monotonic() < until:
            started = time.monotonic()
            status = _post_query(box, port, HOSTILE_QUERY, source, timeout + 30)
            hostile.append((status, time.monotonic() - started))

    threads = [threading.Thread(target=attacker, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(until - time.monotonic() + timeout + 60)
    conn.send(list(hostile))
    conn.close()


def run_hostile(server: Server, clients: int, duration: float, timeout: float, poll: float = 0.05,
                sources: int = 1) -> dict:
    """`clients` hostile clients (threads of a separate process) loop on HOSTILE_QUERY while this process
    polls CHEAP_QUERY from 127.0.0.2; returns {"ask": [(status, seconds)], "hostile": [(status, seconds)]}."""
    import multiprocessing

    until = time.monotonic() + duration  # CLOCK_MONOTONIC is the same clock in the forked child
    asks: list[tuple[int, float]] = []
    ask_at: list[float] = []
    begin = time.monotonic()
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    attackers = ctx.Process(target=_attackers, args=(server.port, clients, until, timeout, sources, send),
                            daemon=True)
    attackers.start()
    send.close()
    box: list = [None]
    time.sleep(min(2.0, duration / 10))  # the attackers are all in
    while time.monotonic() < until:
        started = time.monotonic()
        status = _post_query(box, server.port, CHEAP_QUERY, "127.0.0.2", timeout + 30)
        asks.append((status, time.monotonic() - started))
        ask_at.append(started - begin)
        time.sleep(poll)
    if box[0] is not None:
        box[0].close()
    hostile = receive.recv() if receive.poll(timeout + 90) else []
    attackers.join(10)
    if attackers.is_alive():
        attackers.kill()
    return {"ask": asks, "ask_at": ask_at, "hostile": hostile}


def summarize_hostile(raw: dict, duration: float) -> dict:
    ask_t = [s for _, s in raw["ask"]]
    statuses = lambda pairs: dict(sorted(collections.Counter(  # noqa: E731
        str(st or "transport error") for st, _ in pairs).items()))
    return {
        "ask_count": len(raw["ask"]),
        "ask_statuses": statuses(raw["ask"]),
        "ask_p50_ms": _ms(_pct(ask_t, 50)),
        "ask_p95_ms": _ms(_pct(ask_t, 95)),
        "ask_max_ms": _ms(max(ask_t, default=None)),
        "ask_slowest_ms": [_ms(t) for t in sorted(ask_t)[-5:]],
        "ask_slowest_at_s": [round(at, 1) for at, t in sorted(zip(raw.get("ask_at", []), [s for _, s in raw["ask"]]),
                                                              key=lambda x: x[1])[-5:]],
        "hostile_count": len(raw["hostile"]),
        "hostile_rps": round(len(raw["hostile"]) / duration, 1),
        "hostile_statuses": statuses(raw["hostile"]),
        "hostile_p50_ms": _ms(_pct([s for _, s in raw["hostile"]], 50)),
    }


def markdown_hostile(summary: dict, config: dict) -> str:
    return "\n".join([
        f"### hostile: {config['clients']} clients on the cartesian COUNT from {config['sources']} address(es), "
        f"1 ASK poller, {config['duration']:.0f} s, query timeout {config['timeout']:g} s ({config['code']})",
        "",
        f"- ASK: {summary['ask_count']} answered, statuses {summary['ask_statuses']}; p50 "
        f"{summary['ask_p50_ms']} ms, **p95 {summary['ask_p95_ms']} ms**, max {summary['ask_max_ms']} ms "
        f"(target p95 < {config['target_ms']:g} ms); slowest {summary['ask_slowest_ms']} ms, at "
        f"{summary['ask_slowest_at_s']} s into the run",
        f"- slow queries: {summary['hostile_count']} ({summary['hostile_rps']} /s), statuses "
        f"{summary['hostile_statuses']}, p50 {summary['hostile_p50_ms']} ms",
        f"- load average before the run: {config['load_before']}, after: {config['load_after']}",
    ]) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--duration", type=float, default=60.0)
    p.add_argument("--timeout", type=float, default=2.0, help="the server's query timeout (s)")
    p.add_argument("--slow-share", type=float, default=0.05)
    p.add_argument("--workers", type=int, default=None, help="query workers (default: the server's default, 8)")
    p.add_argument("--threads", type=int, default=None, help="waitress threads (default: the server's, 8)")
    p.add_argument("--data-dir", type=Path, help="a built data directory (default: build the bundled corpus)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--report", type=Path, help="append the Markdown section to this file")
    p.add_argument("--hostile", action="store_true",
                   help="fair-sharing test: --clients clients loop on a slow query while one polls an ASK")
    p.add_argument("--poll", type=float, default=0.05, help="--hostile: seconds between two ASKs")
    p.add_argument("--hostile-sources", type=int, default=1,
                   help="--hostile: loopback addresses the hostile clients come from (1: all from 127.0.0.1)")
    p.add_argument("--target-ms", type=float, default=100.0, help="--hostile: the ASK's p95 must stay below it")
    p.add_argument("--server-pythonpath", type=Path,
                   help="run the server from this directory's `itukg` package (e.g. an older checkout)")
    args = p.parse_args(argv)
    if args.hostile and "--clients" not in " ".join(argv if argv is not None else sys.argv):
        args.clients = 20

    data_dir = args.data_dir
    if data_dir is None:
        from itukg.graph.build import build

        data_dir = Path(tempfile.mkdtemp(prefix="itukg-loadtest-"))
        print(f"building the bundled corpus into {data_dir}", file=sys.stderr)
        build(None, data_dir)
    if args.hostile:
        return _main_hostile(args, data_dir)
    with itukg_server(data_dir, args.timeout, args.workers, args.threads) as server:
        print(f"server pid {server.proc.pid} on {server.url}; {args.clients} clients for {args.duration:g} s",
              file=sys.stderr)
        outcome = run_load(server, args.clients, args.duration, args.slow_share, args.timeout, args.seed)
        alive = server.proc.poll() is None
    from itukg.server.settings import Settings

    config = {"clients": args.clients, "duration": args.duration, "timeout": args.timeout,
              "slow_share": args.slow_share, "workers": args.workers or Settings.query_workers}
    summary = summarize(outcome, args.duration, args.timeout)
    _say(markdown(summary, config), alive, args.report)
    return 0 if alive and summary["unexpected_errors"] == 0 and summary["fast_over_timeout"] == 0 else 1


def _say(text: str, alive: bool, report: str | None) -> None:
    """Print a run's figures (and append them to the report file, if any), saying when the server died."""
    if not alive:
        text += "\n**The server process exited during the run.**\n"
    print(text)
    if report:
        with open(report, "a", encoding="utf-8") as f:
            f.write(text + "\n")


def _main_hostile(args, data_dir: Path) -> int:
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with itukg_server(data_dir, args.timeout, args.workers, args.threads,
                      pythonpath=args.server_pythonpath) as server:
        code = _server_code(server)
        print(f"server pid {server.proc.pid} on {server.url} ({code}); {args.clients} hostile clients and one "
              f"ASK poller for {args.duration:g} s", file=sys.stderr)
        raw = run_hostile(server, args.clients, args.duration, args.timeout, args.poll, args.hostile_sources)
        alive = server.proc.poll() is None
    summary = summarize_hostile(raw, args.duration)
    config = {"clients": args.clients, "duration": args.duration, "timeout": args.timeout,
              "sources": args.hostile_sources, "target_ms": args.target_ms, "code": code,
              "load_before": load_before, "load_after": " ".join(f"{x:.2f}" for x in os.getloadavg())}
    _say(markdown_hostile(summary, config), alive, args.report)
    ok = (alive and summary["ask_count"] > 0 and summary["ask_statuses"] == {"200": summary["ask_count"]}
          and summary["ask_p95_ms"] is not None and summary["ask_p95_ms"] < args.target_ms)
    return 0 if ok else 1


def _server_code(server: Server) -> str:
    """Which code the server runs: its /status limits say whether it has lanes (fast_query_seconds)."""
    import json

    try:
        conn = http.client.HTTPConnection(HOST, server.port, timeout=10)
        conn.request("GET", "/status")
        limits = json.loads(conn.getresponse().read()).get("limits", {})
        conn.close()
    except (OSError, ValueError, http.client.HTTPException):
        return "status unreadable"
    if "fast_query_seconds" in limits:
        return (f"lanes: fast_query_seconds {limits['fast_query_seconds']:g}, slow_workers "
                f"{limits['slow_workers']}, slow_queue {limits['slow_queue']}, client_slow_queries "
                f"{limits['client_slow_queries']}")
    return "no lanes (code before issue 16)"


if __name__ == "__main__":
    sys.exit(main())
