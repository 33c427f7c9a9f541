"""python -m bench: run the itukg benchmarks, print one table, write bench/RESULTS.md.

    python -m bench                 # default: ingest 100 and 1,000 documents; graphs of 100k and 1M triples
    python -m bench --quick         # CI smoke run: tiny sizes, itukg server only, a few seconds per section
    python -m bench --full          # also 10,000 documents
    python -m bench --graph-5m      # also the 5M-triple graph

    python -m bench extraction GOLD.json TEXT_DIR   # extraction recall per category on a document set
    python -m bench variants "" ITUKG_QUERY_WORKERS=4   # itukg settings side by side with Oxigraph (issue 15)
    python -m bench engines --triples 100000           # in process: an on-disk store, and two threads (issue 15)

See bench/README.md for what each figure means.
"""
from __future__ import annotations

import argparse
import json
import os
import selectors
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import generate_docs, generate_graph, queries as Q, servers as S, sysinfo, uipages

HERE = Path(__file__).resolve().parent


# -- configuration ---------------------------------------------------------------------------------------------

@dataclass
class Config:
    quick: bool
    doc_sizes: list[int]
    graph_sizes: list[int]
    duration: float
    clients: int
    reps: int
    query_budget: float
    query_timeout: float
    rdflib_max_triples: int
    sample_docs: int
    whole_graph_timeout: float
    compare_servers: bool
    work: Path
    seed: int
    sections: set[str]
    notes: list[str] = field(default_factory=list)
    ui_meetings: int = 10_000  # the web UI section's graph


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, Config]:
    p = argparse.ArgumentParser(prog="python -m bench", description="itukg benchmarks (see bench/README.md)")
    p.add_argument("--quick", action="store_true", help="CI smoke run: tiny sizes, no comparison servers")
    p.add_argument("--full", action="store_true", help="also ingest 10,000 documents")
    p.add_argument("--graph-5m", action="store_true", help="also generate and query a 5M-triple graph")
    p.add_argument("--graphs", help="comma-separated graph sizes in triples instead of 100k and 1M "
                                    "(e.g. 5000000 to run only the 5M graph)")
    p.add_argument("--duration", type=float, help="seconds of the concurrent HTTP load (default 30, quick 3)")
    p.add_argument("--clients", type=int, default=8, help="concurrent HTTP clients (default 8)")
    p.add_argument("--no-compare", action="store_true", help="skip the Oxigraph and rdflib-endpoint servers")
    p.add_argument("--only", help="comma-separated sections: ingest,query,http,reason,startup,ui")
    p.add_argument("--ui-meetings", type=int, help="meetings of the web UI section's graph (default 10,000, "
                                                    "quick 200)")
    p.add_argument("--work-dir", type=Path, help="where data goes (default: a temporary directory, removed)")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    p.add_argument("--results", type=Path, help="Markdown results file (default bench/RESULTS.md; "
                                                 "--quick writes none unless given)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--whole-graph-timeout", type=float, help="seconds allowed for owlrl / pyshacl on a whole "
                                                              "graph (default 300, quick 8)")
    a = p.parse_args(argv)
    sections = set((a.only or "ingest,query,http,reason,startup,ui").split(","))
    if a.quick:
        cfg = Config(True, [4, 8], [20_000], a.duration or 3.0, a.clients, 3, 1.0, 20.0, 100_000, 2,
                     a.whole_graph_timeout or 8.0, False, Path(), a.seed, sections)
    else:
        docs = [100, 1_000] + ([10_000] if a.full else [])
        graphs = [100_000, 1_000_000] + ([5_000_000] if a.graph_5m else [])
        if a.graphs:
            graphs = [int(n.replace("_", "")) for n in a.graphs.split(",")]
        cfg = Config(False, docs, graphs, a.duration or 30.0, a.clients, 20, 5.0, 120.0, 150_000, 20,
                     a.whole_graph_timeout or 300.0, not a.no_compare, Path(), a.seed, sections)
    if a.no_compare:
        cfg.compare_servers = False
    cfg.ui_meetings = a.ui_meetings or (200 if a.quick else 10_000)
    return a, cfg


# -- helpers -------------------------------------------------------------------------------------------------

def pct(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0-100) of the samples."""
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-q * len(s) // 100)) - 1))
    return s[k]


def ms(v: float | None) -> str:
    if v is None:
        return "-"
    v *= 1000
    return f"{v:.1f}" if v < 100 else f"{v:.0f}"


def fmt(v, digits: int = 1) -> str:
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    return f"{v:,.{digits}f}"


def human(n: int) -> str:
    return f"{n / 1e6:g}M" if n >= 1_000_000 else f"{n / 1e3:g}k" if n >= 1000 else str(n)


def table(headers: list[str], rows: list[list], right: set[int] | None = None) -> str:
    right = right if right is not None else set(range(1, len(headers)))
    cells = [[str(c) for c in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(r):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths)))

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths)] + [line(r) for r in cells[1:]])


def run_worker(args: list[str], timeout: float, on_line=None) -> tuple[dict | None, str, dict]:
    """Run `python -m bench.worker ARGS`; (final JSON, "ok" | "timeout" | "error: ...", last progress JSON)."""
    cmd = [sys.executable, "-m", "bench.worker", *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=HERE.parent,
                            start_new_session=True, text=True)
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    last, progress = None, {}
    err_chunks: list[str] = []
    t = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True)
    t.start()
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                _kill(proc)
                return None, "timeout", progress
            if not sel.select(timeout=min(left, 1.0)):
                continue
            line = proc.stdout.readline()
            if not line:
                break
            obj = json.loads(line)
            if "progress" in obj:
                progress = obj
            else:
                last = obj
            if on_line:
                on_line(obj)
        proc.wait(timeout=30)
        t.join(timeout=5)
        if proc.returncode != 0 or last is None:
            tail = "".join(err_chunks).strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
            return last, f"error: {tail[0][:200]}", progress
        return last, "ok", progress
    finally:
        sel.close()
        if proc.poll() is None:
            _kill(proc)


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


class Engine:
    """An in-process engine in a worker subprocess; a query past its timeout kills it (restarted lazily)."""

    def __init__(self, kind: str, data_dir: Path, load_timeout: float):
        self.kind, self.data_dir, self.load_timeout = kind, data_dir, load_timeout
        self.proc: subprocess.Popen | None = None
        self.loaded: dict = {}
        self.peak_mb = 0.0

    def _start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "bench.worker", "engine", self.kind, str(self.data_dir)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     cwd=HERE.parent, text=True, start_new_session=True)
        line = self._read(self.load_timeout)
        if line is None:
            self.close()
            raise RuntimeError(f"{self.kind}: loading took more than {self.load_timeout:.0f} s or failed")
        self.loaded = self.loaded or json.loads(line)

    def _read(self, timeout: float) -> str | None:
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        try:
            if not sel.select(timeout=timeout):
                return None
            return self.proc.stdout.readline() or None
        finally:
            sel.close()

    def run(self, name: str, text: str, reps: int, budget: float, timeout: float) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        self.proc.stdin.write(json.dumps({"name": name, "query": text, "reps": reps, "budget_s": budget}) + "\n")
        self.proc.stdin.flush()
        line = self._read(timeout)
        if line is None:
            self.close()
            return {"name": name, "times": [], "error": f"timeout (> {timeout:.0f} s)"}
        out = json.loads(line)
        self.peak_mb = max(self.peak_mb, out.get("peak_mb", 0.0))
        return out

    def close(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                _kill(self.proc)
            self.proc = None


# -- sections --------------------------------------------------------------------------------------------------

def section_ingest(cfg: Config, out: dict) -> None:
    base = cfg.work / "ingest-base"
    res, status, _ = run_worker(["prepare-base", str(base)], 600)
    out["ingest_base"] = {"status": status, **(res or {})}
    rows = []
    for n in cfg.doc_sizes:
        docs = cfg.work / f"docs-{n}"
        if not docs.exists():
            generate_docs.generate(docs, n, seed=cfg.seed, html_share=0.1)
        timeout = 60 + n * 10.0
        res, status, _ = run_worker(["ingest", str(docs), str(cfg.work / f"ingest-{n}"), str(base)], timeout)
        shutil.rmtree(cfg.work / f"ingest-{n}", ignore_errors=True)
        rows.append({"size": n, "status": status, **(res or {})})
        print(f"  ingest {n}: {status} {fmt((res or {}).get('total_s'))} s", file=sys.stderr, flush=True)
    out["ingest"] = rows


def _stats(times: list[float]) -> dict:
    return {"median": statistics.median(times) if times else None, "p95": pct(times, 95), "n": len(times)}


def section_query_inprocess(cfg: Config, size: int, data_dir: Path, mix: list[Q.Query], out: dict) -> None:
    engines = [("pyoxigraph", "oxigraph")]
    if size <= cfg.rdflib_max_triples:
        engines.append(("rdflib", "rdflib"))
    res = {}
    for label, kind in engines:
        eng = Engine(kind, data_dir, load_timeout=900)
        per = {}
        try:
            for q in mix:
                r = eng.run(q.name, q.text, cfg.reps, cfg.query_budget if kind == "oxigraph" else cfg.query_budget * 2,
                            cfg.query_timeout)
                per[q.name] = {**_stats(r.get("times", [])), "error": r.get("error"), "bytes": r.get("bytes")}
        except RuntimeError as exc:
            per = {"_error": str(exc)}
        finally:
            eng.close()
        res[label] = {"queries": per, "load_s": eng.loaded.get("loaded_s"), "peak_mb": eng.peak_mb}
        print(f"  in-process {label} at {human(size)}: loaded in {fmt(eng.loaded.get('loaded_s'))} s",
              file=sys.stderr, flush=True)
    out.setdefault("inprocess", {})[size] = res


def http_sequential(server: S.Server, mix: list[Q.Query], reps: int, budget: float, timeout: float) -> dict:
    client = server.client(timeout=timeout)
    per = {}
    for q in mix:
        times, error, size = [], None, 0
        deadline = time.monotonic() + budget
        try:
            status, body = client.query(q.text, q.form)
            size = len(body)
            if status != 200:
                error = f"HTTP {status}: {body[:120].decode(errors='replace')}"
            else:
                for _ in range(reps):
                    t = time.perf_counter()
                    status, body = client.query(q.text, q.form)
                    times.append(time.perf_counter() - t)
                    if status != 200:
                        error = f"HTTP {status}"
                        break
                    if time.monotonic() > deadline:
                        break
        except OSError as exc:
            error = f"{type(exc).__name__}: {exc}"
            client.close()
        per[q.name] = {**_stats(times), "error": error, "bytes": size}
    client.close()
    return per


def http_load(server: S.Server, mix: list[Q.Query], clients: int, duration: float, timeout: float) -> dict:
    """`clients` threads, each on its own keep-alive connection, cycling through the mix (each from its own
    offset) until `duration` has passed; a request in flight then is finished (bounded by `timeout`)."""
    stop = time.monotonic() + duration
    lat: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients

    def worker(i: int) -> None:
        c = server.client(timeout=timeout)
        k = i
        while time.monotonic() < stop:
            q = mix[k % len(mix)]
            k += 1
            t = time.perf_counter()
            try:
                status, _ = c.query(q.text, q.form)
            except OSError:
                errors[i] += 1
                continue
            if status == 200:
                lat[i].append(time.perf_counter() - t)
            else:
                errors[i] += 1
        c.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=duration + timeout + 5)
    elapsed = time.monotonic() - started
    all_lat = [x for one in lat for x in one]
    return {"requests": len(all_lat), "errors": sum(errors), "elapsed": elapsed,
            "throughput": len(all_lat) / elapsed if elapsed else 0, **_stats(all_lat)}


#: rdflib-endpoint is compared up to this size: at 1M it already takes 45 s to load and up to 19 s a query,
#: and a 5M run would spend most of an hour on it.
RDFLIB_ENDPOINT_MAX_TRIPLES = 1_000_000


def section_http(cfg: Config, size: int, data_dir: Path, mix: list[Q.Query], out: dict) -> None:
    from itukg.graph.dataset import require_current

    dataset = require_current(data_dir).dataset_file
    starters = [("itukg", lambda: S.start_itukg(data_dir, cfg.work))]
    if cfg.compare_servers:
        starters += [("oxigraph (memory)", lambda: S.start_oxigraph_memory(dataset, cfg.work)),
                     ("oxigraph (disk)", lambda: S.start_oxigraph_disk(dataset, cfg.work))]
        if size <= RDFLIB_ENDPOINT_MAX_TRIPLES:
            starters.append(("rdflib-endpoint", lambda: S.start_rdflib_endpoint(dataset, cfg.work)))
    res = {}
    for name, start in starters:
        try:
            server = start()
        except Exception as exc:  # noqa: BLE001 - a server that cannot start is reported, not fatal
            res[name] = {"error": str(exc)[:300]}
            print(f"  {name} at {human(size)}: not started: {str(exc)[:200]}", file=sys.stderr, flush=True)
            continue
        try:
            seq = http_sequential(server, mix, cfg.reps, cfg.query_budget, cfg.query_timeout)
            load = http_load(server, mix, cfg.clients, cfg.duration, cfg.query_timeout)
            res[name] = {"startup_s": server.startup_s, "load_s": server.load_s, "queries": seq, "load": load,
                         "memory": server.memory_mb()}
            print(f"  {name} at {human(size)}: {load['throughput']:.1f} req/s under {cfg.clients} clients",
                  file=sys.stderr, flush=True)
        finally:
            server.stop()
    print(f"  {human(size)}: {memory_ratio(res)}", file=sys.stderr, flush=True)
    out.setdefault("http", {})[size] = res


def section_reason(cfg: Config, size: int, data_dir: Path, out: dict) -> None:
    res = {}
    for key, args, timeout in (
            ("infer_docs", ["reason", str(data_dir), str(cfg.sample_docs)], 600),
            ("infer_all", ["infer-all", str(data_dir)], cfg.whole_graph_timeout),
            ("closure", ["closure", str(data_dir)], cfg.whole_graph_timeout),
            ("shacl_docs", ["shacl-docs", str(data_dir), str(cfg.sample_docs)], 600),
            ("shacl_docs_pyshacl", ["shacl-docs", str(data_dir), str(cfg.sample_docs), "pyshacl"], 900),
            ("shacl_all", ["shacl-all", str(data_dir)], cfg.whole_graph_timeout)):
        r, status, progress = run_worker(args, timeout)
        res[key] = {"status": status, **(r or {}), "progress": progress}
        print(f"  {key} at {human(size)}: {status}", file=sys.stderr, flush=True)
    out.setdefault("reason", {})[size] = res


def section_ui(cfg: Config, out: dict) -> None:
    """Every page kind of the web UI on the first request after a load of a graph of cfg.ui_meetings meetings
    (bench/uipages.py)."""
    data_dir = cfg.work / f"ui-{cfg.ui_meetings}"
    t = time.perf_counter()
    stats = generate_graph.generate(data_dir, 0, seed=cfg.seed, cache_dir=cfg.work / "cache",
                                    meetings=cfg.ui_meetings, evidence=False, ui_tables=True)
    generated_s = time.perf_counter() - t
    try:
        res = uipages.run(data_dir, cfg.work, warm=1 if cfg.quick else 3)
    except Exception as exc:  # noqa: BLE001
        res = {"error": str(exc)[:300]}
    out["ui"] = {"meetings": cfg.ui_meetings, "quads": stats["quads"], "generated_s": generated_s, **res}
    print(f"  ui at {cfg.ui_meetings} meetings: {'error' if 'error' in res else 'ok'}", file=sys.stderr, flush=True)
    shutil.rmtree(data_dir, ignore_errors=True)


def section_startup(cfg: Config, size: int, data_dir: Path, out: dict) -> None:
    try:
        server = S.start_itukg(data_dir, cfg.work)
    except Exception as exc:  # noqa: BLE001
        out["startup"] = {"size": size, "error": str(exc)[:300]}
        return
    mem = server.memory_mb()
    server.stop()
    out["startup"] = {"size": size, "startup_s": server.startup_s, "memory": mem}


# -- report ----------------------------------------------------------------------------------------------------

def render(cfg: Config, out: dict, mix_names: list[str]) -> str:
    parts = []
    if "ingest" in out:
        rows = []
        base = None
        for r in out["ingest"]:
            if r["status"] != "ok":
                rows.append([f"ingest {r['size']}", r["status"]] + ["-"] * 13)
                continue
            per_doc = r["total_s"] / max(1, r["documents"])
            base = base or per_doc
            rows.append([f"ingest {r['size']}", f"{r['accepted']}/{r['documents']}",
                         fmt(r["documents"] / r["total_s"], 2), ms(per_doc),
                         *(fmt(r[k], 2) for k in ("read", "extract", "rdf", "shacl", "reason", "serialize",
                                                   "other", "store", "total_s")),
                         fmt(r["peak_mb"], 0), f"{per_doc / base:.2f}x"])
        parts.append("## Ingestion (itukg.graph.build.build, seconds per stage)\n\n" + table(
            ["row", "accepted", "docs/s", "ms/doc", "read", "extract", "rdf", "shacl", "reason", "serialize",
             "other", "store", "total", "peak MB", "ms/doc vs first"], rows))
    for size in cfg.graph_sizes:
        graph = out.get("graphs", {}).get(size)
        if not graph:
            continue
        head = (f"## Graph {human(size)}: {graph['quads']:,} quads in dataset.nq, {graph['documents']:,} synthetic "
                f"documents (generated in {graph['seconds']:.1f} s)")
        parts.append(head)
        inproc = out.get("inprocess", {}).get(size, {})
        http = out.get("http", {}).get(size, {})
        servers = [n for n in ("itukg", "oxigraph (memory)", "oxigraph (disk)", "rdflib-endpoint")
                   if n in http and "queries" in http[n]]
        if inproc or servers:
            headers = ["query"]
            for label in inproc:
                headers += [f"{label} med", "p95"]
            for n in servers:
                headers += [f"{n} med", "p95"]
            rows = []
            for name in mix_names:
                row = [f"query {name}"]
                for r in inproc.values():
                    qr = r["queries"].get(name, {})
                    failed = qr.get("error") and not qr.get("n")
                    row += ["ERR" if failed else ms(qr.get("median")), ms(qr.get("p95"))]
                for n in servers:
                    qr = http[n]["queries"].get(name, {})
                    row += ["ERR" if qr.get("error") and not qr.get("n") else ms(qr.get("median")), ms(qr.get("p95"))]
                rows.append(row)
            parts.append("Latency per query, milliseconds (median and p95; in-process engines first, then HTTP):\n\n"
                         + table(headers, rows))
            errs = [f"- {label} {name}: {qr['error']}" for label, r in inproc.items()
                    for name, qr in r["queries"].items() if qr.get("error")]
            errs += [f"- {n} {name}: {qr['error']}" for n in servers for name, qr in http[n]["queries"].items()
                     if qr.get("error")]
            if errs:
                parts.append("Query errors and timeouts:\n" + "\n".join(errs))
            loads = [f"{label} load {fmt(r.get('load_s'), 2)} s, peak {fmt(r.get('peak_mb'), 0)} MB"
                     for label, r in inproc.items()]
            if loads:
                parts.append("In-process: " + "; ".join(loads) + ".")
        if http:
            rows = []
            for n, r in http.items():
                if "load" not in r:
                    rows.append([f"load {n}", "not run"] + ["-"] * 7)
                    continue
                ld = r["load"]
                mem = r.get("memory", {})
                rows.append([f"load {n}", fmt(ld["throughput"], 1), str(ld["requests"]), str(ld["errors"]),
                             ms(ld["median"]), ms(ld["p95"]), fmt(r.get("startup_s"), 2),
                             fmt(r.get("load_s"), 2), f"{fmt(mem.get('pss_mb'), 0)} / {fmt(mem.get('rss_mb'), 0)}"])
            parts.append(f"HTTP under {cfg.clients} concurrent clients for {cfg.duration:g} s (the whole mix, round "
                         f"robin):\n\n" + table(["row", "req/s", "requests", "errors", "median ms", "p95 ms",
                                                 "ready s", "data load s", "PSS / RSS MB"], rows, right=set(range(1, 9))))
            parts.append(ratios(http, mix_names))
        rs = out.get("reason", {}).get(size)
        if rs:
            rows = []
            d, c, sd, sa = rs["infer_docs"], rs["closure"], rs["shacl_docs"], rs["shacl_all"]
            ia, sp = rs.get("infer_all", {"status": "not run"}), rs.get("shacl_docs_pyshacl", {})

            def whole(x, key):
                if x["status"] == "ok":
                    return fmt(x[key], 1)
                parsed = x.get("progress", {})
                extra = f" (parsed {parsed.get('asserted', 0):,} triples)" if parsed else ""
                return f"{x['status']}{extra}"

            rows.append(["reason infer() per document", ms(d.get("per_doc_s")), fmt(d.get("total_est_s"), 1),
                         f"{d.get('sample', 0)}/{d.get('documents', 0)}", fmt(d.get("peak_mb"), 0)])
            rows.append(["reason infer(), whole graph", "-", whole(ia, "infer_s"), "all",
                         fmt(ia.get("peak_mb") or ia.get("progress", {}).get("peak_mb"), 0)])
            rows.append(["reason owlrl closure, whole graph", "-", whole(c, "closure_s"), "all",
                         fmt(c.get("peak_mb") or c.get("progress", {}).get("peak_mb"), 0)])
            rows.append(["shacl validate_graph() per document", ms(sd.get("per_doc_s")), fmt(sd.get("total_est_s"), 1),
                         f"{sd.get('sample', 0)}/{sd.get('documents', 0)}", fmt(sd.get("peak_mb"), 0)])
            rows.append(["shacl validate_graph(engine=pyshacl) per document", ms(sp.get("per_doc_s")),
                         fmt(sp.get("total_est_s"), 1), f"{sp.get('sample', 0)}/{sp.get('documents', 0)}",
                         fmt(sp.get("peak_mb"), 0)])
            rows.append(["shacl validate_graph(), whole graph", "-", whole(sa, "validate_s"), "all",
                         fmt(sa.get("peak_mb") or sa.get("progress", {}).get("peak_mb"), 0)])
            parts.append("Reasoning and SHACL (per-document figures measured on a sample and extrapolated to all "
                         "documents; whole-graph runs cut at " + f"{cfg.whole_graph_timeout:g} s):\n\n"
                         + table(["row", "ms/doc", "total s", "docs", "peak MB"], rows))
    ui = out.get("ui")
    if ui:
        if "error" in ui:
            parts.append(f"## Web UI\n\nui {ui['meetings']:,} meetings: not run: {ui['error']}")
        else:
            parts.append(uipages.render(ui, ui["meetings"], ui["quads"]) + f"\n\n(graph generated, with the UI's "
                         f"tables precomputed, in {ui['generated_s']:.1f} s)")
    st = out.get("startup")
    if st:
        if "error" in st:
            parts.append(f"## Startup\n\nstartup itukg {human(st['size'])}: not run: {st['error']}")
        else:
            parts.append("## Startup\n\n" + table(["row", "graph", "seconds to first answer", "PSS MB"], [[
                "startup itukg serve", human(st["size"]), fmt(st["startup_s"], 2),
                fmt(st["memory"].get("pss_mb"), 0)]]))
    return "\n\n".join(parts)


def ratios(http: dict, mix_names: list[str]) -> str:
    import math

    def geo(a: str, b: str) -> float | None:
        xs = []
        for n in mix_names:
            x = http.get(a, {}).get("queries", {}).get(n, {}).get("median")
            y = http.get(b, {}).get("queries", {}).get(n, {}).get("median")
            if x and y:
                xs.append(math.log(x / y))
        return math.exp(sum(xs) / len(xs)) if xs else None

    def thr(a: str, b: str) -> float | None:
        x = http.get(a, {}).get("load", {}).get("throughput")
        y = http.get(b, {}).get("load", {}).get("throughput")
        return x / y if x and y else None

    lines = []
    for other in ("oxigraph (memory)", "oxigraph (disk)", "rdflib-endpoint"):
        lat, tp = geo("itukg", other), thr("itukg", other)
        if lat is None and tp is None:
            why = http.get(other, {}).get("error", "not run")
            lines.append(f"ratio itukg/{other}: n/a ({why[:120]})")
        else:
            lines.append(f"ratio itukg/{other}: median latency x{fmt(lat, 2)} (geometric mean over the mix), "
                         f"throughput x{fmt(tp, 2)}")
    lines.append(memory_ratio(http))
    return "\n".join(lines)


#: Issue 15: the serving processes together (server and every worker, PSS) at most this times Oxigraph's.
MEMORY_TARGET = 2.0


def memory_ratio(http: dict) -> str:
    """itukg's PSS (server and workers, after the load) over Oxigraph's (in memory), against the target."""
    mine = http.get("itukg", {}).get("memory", {}).get("pss_mb")
    theirs = http.get("oxigraph (memory)", {}).get("memory", {}).get("pss_mb")
    if not mine or not theirs:
        return f"memory itukg/oxigraph (memory): n/a (target {MEMORY_TARGET:g}x)"
    ratio = mine / theirs
    verdict = "met" if ratio <= MEMORY_TARGET else "NOT met"
    return (f"memory itukg/oxigraph (memory): PSS {mine:.0f} / {theirs:.0f} MB = x{ratio:.2f} "
            f"(target {MEMORY_TARGET:g}x: {verdict})")


def write_results(path: Path, cfg: Config, argv: list[str], body: str, info: dict, started: float,
                  out: dict) -> None:
    cmd = "python -m bench" + ("" if not argv else " " + " ".join(shlex.quote(a) for a in argv))
    notes = list(cfg.notes)
    ing = [r for r in out.get("ingest", []) if r.get("status") == "ok"]
    if len(ing) >= 2:
        first, last = ing[0], ing[-1]
        ratio = (last["total_s"] / last["documents"]) / (first["total_s"] / first["documents"])
        verdict = "met" if ratio <= 1.3 else f"NOT met (over by {(ratio / 1.3 - 1) * 100:.0f}%)"
        notes.insert(0, f"Per-document ingestion cost at {last['size']:,} documents is {ratio:.2f}x the cost at "
                        f"{first['size']:,} (target: within 1.3x): {verdict}.")
    text = [
        "# itukg benchmark results",
        "",
        f"Generated by `{cmd}` (run from the project root with /work/venv/bin/python) on {time.strftime('%Y-%m-%d %H:%M', time.localtime(started))}, "
        f"taking {(time.time() - started) / 60:.1f} minutes. See bench/README.md for what each figure means.",
        "",
        "## Machine and versions",
        "",
        *[f"- {k}: {v}" for k, v in info.items()],
        "",
        "## Figures",
        "",
        "```",
        body,
        "```",
        "",
        "## Notes",
        "",
        *[f"- {n}" for n in notes],
        "",
    ]
    path.write_text("\n".join(text), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["extraction"]:
        from . import extraction
        return extraction.main(argv[1:])
    if argv[:1] == ["variants"]:
        from . import variants
        return variants.main(argv[1:])
    if argv[:1] == ["engines"]:
        from . import engines
        return engines.main(argv[1:])
    args, cfg = parse_args(argv)
    started = time.time()
    tmp = None
    if args.work_dir:
        cfg.work = args.work_dir.resolve()
        cfg.work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix="itukg-bench-")
        cfg.work = Path(tmp)
    out: dict = {}
    info = sysinfo.collect()
    if cfg.quick:
        cfg.notes.append("--quick: tiny sizes (documents "
                         + ", ".join(map(str, cfg.doc_sizes)) + f"; graph {human(cfg.graph_sizes[0])} triples), "
                         "few repetitions; Oxigraph and rdflib-endpoint servers skipped; not representative.")
    if not cfg.compare_servers and not cfg.quick:
        cfg.notes.append("Oxigraph and rdflib-endpoint servers skipped (--no-compare).")
    if cfg.compare_servers and not S.tool("oxigraph"):
        cfg.notes.append("The oxigraph server binary is missing: its comparison is skipped.")
    if cfg.compare_servers and S.rdflib_endpoint_missing():
        cfg.notes.append(f"rdflib-endpoint not compared: {S.rdflib_endpoint_missing()} (install the project's "
                         "bench extra: pip install '.[bench]').")
    if cfg.compare_servers and any(s > RDFLIB_ENDPOINT_MAX_TRIPLES for s in cfg.graph_sizes):
        cfg.notes.append(f"rdflib-endpoint compared on graphs up to {human(RDFLIB_ENDPOINT_MAX_TRIPLES)} triples.")
    if 10_000 not in cfg.doc_sizes and not cfg.quick:
        cfg.notes.append("Ingestion of 10,000 documents not run (needs --full).")
    if 5_000_000 not in cfg.graph_sizes and not cfg.quick:
        cfg.notes.append("The 5M-triple graph not run (needs --graph-5m).")
    try:
        if "ingest" in cfg.sections:
            print("ingestion ...", file=sys.stderr, flush=True)
            section_ingest(cfg, out)
        mix = None
        for size in cfg.graph_sizes:
            if not cfg.sections & {"query", "http", "reason", "startup"}:
                break
            data_dir = cfg.work / f"graph-{human(size)}"
            print(f"graph {human(size)} ...", file=sys.stderr, flush=True)
            t = time.perf_counter()
            stats = generate_graph.generate(data_dir, size, seed=cfg.seed, cache_dir=cfg.work / "cache")
            out.setdefault("graphs", {})[size] = {**stats, "seconds": time.perf_counter() - t}
            meeting = uipages.a_meeting(data_dir)
            mix = Q.mix(meeting)
            if "query" in cfg.sections:
                section_query_inprocess(cfg, size, data_dir, mix, out)
            if "http" in cfg.sections:
                section_http(cfg, size, data_dir, mix, out)
            if "reason" in cfg.sections:
                section_reason(cfg, size, data_dir, out)
            if "startup" in cfg.sections and size == _startup_size(cfg):
                section_startup(cfg, size, data_dir, out)
            if size >= 1_000_000 and not args.keep:
                shutil.rmtree(data_dir, ignore_errors=True)
        if "ui" in cfg.sections:
            print(f"web UI at {cfg.ui_meetings:,} meetings ...", file=sys.stderr, flush=True)
            section_ui(cfg, out)
        if any(s > cfg.rdflib_max_triples for s in cfg.graph_sizes) and "query" in cfg.sections:
            cfg.notes.append(f"rdflib in process only on graphs up to {human(cfg.rdflib_max_triples)} triples.")
        body = render(cfg, out, Q.names())
        print(body)
        (cfg.work / "results.json").write_text(json.dumps(out, indent=1, default=str))
        results = args.results or (None if cfg.quick else HERE / "RESULTS.md")
        if results:
            write_results(results, cfg, argv, body, info, started, out)
            print(f"\nwrote {results}", file=sys.stderr)
        return 0
    finally:
        if tmp and not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def _startup_size(cfg: Config) -> int:
    return 1_000_000 if 1_000_000 in cfg.graph_sizes else max(cfg.graph_sizes)


if __name__ == "__main__":
    sys.exit(main())
