"""python -m bench variants: itukg serve under several settings next to Oxigraph server (in memory), one graph, one run.

    python -m bench variants --triples 100000 "" ITUKG_QUERY_WORKERS=4 ITUKG_QUERY_WORKERS=2,ITUKG_UNION_STORE=false

Each argument is one itukg variant: comma-separated environment settings (ITUKG_* as in `itukg serve --help`),
"" for the defaults. Every server gets the same graph and the same work: the mix one query at a time (median of
`--reps`), then `--clients` concurrent clients for `--duration` seconds. Printed per variant: memory of the server
process and of its workers apart (PSS, MB), throughput and median latency, and each as a ratio to Oxigraph's.
It is how the settings that issue 15 weighs (worker count, private-memory recycling, the compact union store)
were measured; bench/RESULTS.md, "Where the memory goes", has a run.
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path

from . import generate_graph, queries as Q, servers as S, uipages


def _pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _measure(server: S.Server, mix: list[Q.Query], reps: int, clients: int, duration: float) -> dict:
    from .__main__ import http_load, http_sequential

    seq = http_sequential(server, mix, reps, budget=5.0, timeout=60.0)
    load = http_load(server, mix, clients, duration, timeout=60.0)
    assert server.proc is not None
    pids = S._tree(server.proc.pid)
    main = _pss_mb(server.proc.pid)
    return {"seq": {name: r.get("median") for name, r in seq.items()}, "errors": load["errors"],
            "throughput": load["throughput"], "median": load.get("median"), "server_pss": main,
            "workers_pss": sum(_pss_mb(p) for p in pids if p != server.proc.pid), "processes": len(pids)}


def _geo_ratio(a: dict, b: dict) -> float | None:
    logs = [math.log(a[q] / b[q]) for q in a if a.get(q) and b.get(q)]
    return math.exp(sum(logs) / len(logs)) if logs else None


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench variants", description=__doc__.split("\n")[0])
    p.add_argument("variants", nargs="*", default=[""], help='itukg settings, e.g. "ITUKG_QUERY_WORKERS=4" ("" = defaults)')
    p.add_argument("--triples", type=int, default=100_000)
    p.add_argument("--reps", type=int, default=15)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--duration", type=float, default=20.0)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--work-dir", type=Path, help="keep the generated graph here (default: a temporary directory)")
    a = p.parse_args(argv)
    work, data = generate_graph.graph_in(a.work_dir, a.triples, a.seed, prefix="itukg-variants-")
    from itukg.graph.dataset import require_current

    mix = Q.mix(uipages.a_meeting(data))
    results: dict[str, dict] = {}
    runs: list[tuple[str, dict | None]] = [("oxigraph (memory)", None)] + [(v or "defaults", _env(v)) for v in a.variants]
    for name, env in runs:
        saved = {k: os.environ.get(k) for k in (env or {})}
        os.environ.update(env or {})
        try:
            server = (S.start_itukg(data, work) if env is not None
                      else S.start_oxigraph_memory(require_current(data).dataset_file, work))
            try:
                results[name] = _measure(server, mix, a.reps, a.clients, a.duration)
            finally:
                server.stop()
        except Exception as exc:  # noqa: BLE001 - a variant that cannot run is reported, the others go on
            print(f"{name}: not run: {str(exc)[:200]}", file=sys.stderr)
        finally:
            for k, old in saved.items():
                if old is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = old
        time.sleep(1)
    base = results.get("oxigraph (memory)")
    print(f"graph: {a.triples:,} triples; {a.clients} clients for {a.duration:.0f} s; medians of {a.reps} runs a query")
    print(f"{'variant':44} {'PSS MB server + workers':>24} {'req/s':>7} {'load med ms':>11} "
          f"{'x PSS':>6} {'x seq lat':>9} {'x load lat':>10} {'x thr':>6}")
    for name, r in results.items():
        total = r["server_pss"] + r["workers_pss"]
        line = (f"{name:44} {total:8.0f} = {r['server_pss']:5.0f} + {r['workers_pss']:5.0f} "
                f"{r['throughput']:7.1f} {1000 * (r['median'] or 0):11.2f}")
        if base and r is not base:
            seq = _geo_ratio(r["seq"], base["seq"])
            line += (f" {total / (base['server_pss'] + base['workers_pss']):6.1f} {seq or float('nan'):9.2f} "
                     f"{(r['median'] or 0) / (base['median'] or 1):10.2f} {r['throughput'] / (base['throughput'] or 1):6.2f}")
        print(line + f"  [{r['processes']} processes]" + (f"  ({r['errors']} errors)" if r["errors"] else ""))
    return 0


def _env(variant: str) -> dict:
    return dict(kv.split("=", 1) for kv in variant.split(",") if kv.strip())
