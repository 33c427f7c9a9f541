"""python -m bench engines: two designs issue 15 weighs for serving with less memory, measured in process.

    python -m bench engines --triples 100000

Both start from the store the server answers union queries from (`server/store.py`: the compact union store, an
in-memory pyoxigraph Store) and run the bench's query mix on one generated graph:

* **on disk, read-only.** The same union written to a RocksDB store and opened with `Store.read_only`, as each
  query worker could open it instead of sharing the server's memory copy-on-write (reading Oxigraph's in-memory
  store writes to the pages it reads, so every forked worker comes to own a copy: bench/RESULTS.md, "Memory").
  Printed: each query's median on both stores and the ratio, and the geometric mean of the ratios.
* **threads instead of processes.** Whether pyoxigraph evaluates a query without holding the GIL, so that the
  queries of one process can run on several cores: each query run `--runs` times on one thread, then the same
  number of runs split over two threads; printed: the speed-up (2.0 is both cores busy, 1.0 none).

Nothing here goes through HTTP; the figures say which design can meet the latency target before building it.
"""
from __future__ import annotations

import argparse
import math
import statistics
import threading
import time
from pathlib import Path

import pyoxigraph as ox

from . import generate_graph, queries as Q, uipages


def _run(store: ox.Store, text: str) -> int:
    """Evaluate to the last row (pyoxigraph is lazy: the work is done while the rows are read)."""
    return sum(1 for _ in store.query(text))


def _median_ms(store: ox.Store, text: str, reps: int, budget: float) -> float:
    times: list[float] = []
    for _ in range(reps):
        t = time.perf_counter()
        _run(store, text)
        times.append(time.perf_counter() - t)
        if sum(times) > budget:
            break
    return 1000 * statistics.median(times)


def _speed_up(store: ox.Store, text: str, runs: int) -> float:
    """Wall time of `runs` evaluations on one thread over the same split across two threads."""
    t = time.perf_counter()
    for _ in range(runs):
        _run(store, text)
    one = time.perf_counter() - t
    half = [runs // 2, runs - runs // 2]
    threads = [threading.Thread(target=lambda n=n: [_run(store, text) for _ in range(n)]) for n in half]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return one / (time.perf_counter() - t)


def _geo(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench engines", description=__doc__.split("\n")[0])
    p.add_argument("--triples", type=int, default=100_000)
    p.add_argument("--reps", type=int, default=5, help="runs a query on each store (the median is printed)")
    p.add_argument("--runs", type=int, default=8, help="runs a query for the two-thread speed-up")
    p.add_argument("--budget", type=float, default=20.0, help="seconds a query may take over its runs on one store")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--work-dir", type=Path, help="keep the generated graph here (default: a temporary directory)")
    a = p.parse_args(argv)
    from itukg.server.store import UNION_GRAPH, load_dataset

    work, data = generate_graph.graph_in(a.work_dir, a.triples, a.seed, prefix="itukg-engines-")
    snapshot = load_dataset(data)
    memory = snapshot.union_store
    assert memory is not None, "the compact union store is on by default"
    disk_dir = work / f"rocksdb-{a.triples}"
    if not disk_dir.exists():
        disk = ox.Store(str(disk_dir))
        disk.bulk_load(input=snapshot.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=UNION_GRAPH),
                       format=ox.RdfFormat.N_TRIPLES)
        disk.flush()
        del disk
    disk = ox.Store.read_only(str(disk_dir))
    mix = Q.mix(uipages.a_meeting(data))
    print(f"graph: {snapshot.triples:,} triples in the union; medians of up to {a.reps} runs; speed-up over {a.runs} runs")
    print(f"{'query':30} {'memory ms':>10} {'on disk ms':>11} {'x disk':>7} {'2 threads':>10}")
    ratios, speedups = [], []
    for q in mix:
        mem_ms = _median_ms(memory, q.text, a.reps, a.budget)
        disk_ms = _median_ms(disk, q.text, a.reps, a.budget)
        speed = _speed_up(memory, q.text, a.runs)
        ratios.append(disk_ms / mem_ms)
        speedups.append(speed)
        print(f"{q.name:30} {mem_ms:10.1f} {disk_ms:11.1f} {disk_ms / mem_ms:7.2f} {speed:10.2f}")
    print(f"{'geometric mean':30} {'':10} {'':11} {_geo(ratios):7.2f} {_geo(speedups):10.2f}")
    return 0
