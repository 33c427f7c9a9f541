"""The web UI on a large graph: every page kind timed on the first request after a load (issue 15).

`itukg serve --data-dir DIR` is started on a graph of N generated meetings (bench.generate_graph without Evidence
nodes, with the UI's tables precomputed as a build writes them); as soon as it answers its first query, each
page kind is requested once (the first request after the load: nothing was computed for it yet), then a few
times more (warm). Target: every first request under 0.5 s.

    python -m bench.uipages DATA_DIR [--meetings 10000] [--python PY --pythonpath DIR]   # alone
    python -m bench --only ui                                                            # as a bench section

`--python`/`--pythonpath` serve with another checkout (the figures before a change).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from itukg.graph.namespaces import DEFAULT_BASE_IRI, ITUKG

from . import servers as S

TARGET_S = 0.5
#: The broadest topic of the vocabulary (its narrower topics are many): the slowest topic page.
TOPIC = DEFAULT_BASE_IRI + "topic/security"
#: What search-as-you-type asks while "security" is typed.
TYPED = ("s", "se", "sec", "secu")


def pages(meeting: str, topic: str = TOPIC) -> list[tuple[str, list[str]]]:
    """(page kind, the paths one visit of it requests) in the order they are measured."""
    return [
        ("home", ["/"]),
        ("meetings list", ["/ui/list/meetings"]),
        ("a meeting", [f"/ui/entity?iri={quote(meeting, safe='')}"]),
        ("organizations list", ["/ui/list/organizations"]),
        ("people list", ["/ui/list/people"]),
        ("topics list", ["/ui/list/topics"]),
        ("a topic", [f"/ui/entity?iri={quote(topic, safe='')}"]),
        ("search as you type", [f"/ui/api/search?q={q}" for q in TYPED]),
        ("ontology", ["/ontology"]),
        ("query page", ["/query"]),
    ]


def _get(port: int, path: str, timeout: float) -> tuple[float, int, int]:
    """(seconds, status, body bytes) of one GET on a fresh connection, the whole body read."""
    conn = http.client.HTTPConnection(S.HOST, port, timeout=timeout)
    t = time.perf_counter()
    try:
        conn.request("GET", path, headers={"Accept": "text/html,application/json"})
        resp = conn.getresponse()
        body = resp.read()
        return time.perf_counter() - t, resp.status, len(body)
    finally:
        conn.close()


def measure(port: int, meeting: str, warm: int = 3, timeout: float = 600) -> list[dict]:
    """Each page kind: the first visit (the slowest of its requests: search-as-you-type is one a keystroke),
    then `warm` more visits (their median)."""
    out = []
    for kind, paths in pages(meeting):
        first = [_get(port, p, timeout) for p in paths]
        again = [max(_get(port, p, timeout)[0] for p in paths) for _ in range(warm)]
        out.append({"page": kind, "first_s": max(t for t, _, _ in first),
                    "warm_s": statistics.median(again) if again else None,
                    "status": sorted({s for _, s, _ in first}), "bytes": max(b for _, _, b in first)})
    return out


def start(data_dir: Path, work: Path, python: str | None = None, pythonpath: str | None = None) -> S.Server:
    """`itukg serve` on data_dir; with `python`, `python -m itukg serve` (PYTHONPATH `pythonpath`)."""
    if python is None:
        return S.start_itukg(data_dir, work)
    port = S.free_port()
    server = S.Server("itukg", port, log=work / f"itukg-ui-{port}.log")
    env = dict(os.environ)
    env.pop("ITUKG_DATA_DIR", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    cmd = [python, "-m", "itukg", "serve", "--data-dir", str(data_dir), "--port", str(port), "--host", S.HOST]
    return S._launch(server, cmd, 900, env)


def a_meeting(data_dir: Path) -> str:
    """A meeting with participations, found by streaming dataset.nq (no store needed)."""
    from itukg.graph.dataset import require_current

    needle = f"<{ITUKG.hasParticipation}>"
    with open(require_current(data_dir).dataset_file, encoding="utf-8") as fh:
        for line in fh:
            if needle in line and line.startswith(f"<{DEFAULT_BASE_IRI}meeting/"):
                return line.split(" ", 1)[0][1:-1]
    return DEFAULT_BASE_IRI + "meeting/none"


def run(data_dir: Path, work: Path, python: str | None = None, pythonpath: str | None = None,
        warm: int = 3) -> dict:
    """Start a server on data_dir, time every page kind, stop it."""
    meeting = a_meeting(data_dir)
    server = start(data_dir, work, python, pythonpath)
    try:
        rows = measure(server.port, meeting, warm)
        memory = server.memory_mb()
    finally:
        server.stop()
    return {"ready_s": server.startup_s, "pages": rows, "memory": memory}


def render(res: dict, meetings: int, quads: int | None) -> str:
    from .__main__ import table

    rows = []
    for r in res["pages"]:
        ratio = r["first_s"] / TARGET_S
        rows.append([f"ui {r['page']}", f"{r['first_s']:.3f}", f"{r['warm_s']:.3f}" if r["warm_s"] is not None else "-",
                     f"{TARGET_S:g}", f"{ratio:.2f}x", "met" if ratio <= 1 else "NOT met",
                     ",".join(map(str, r["status"])), f"{r['bytes']:,}"])
    size = f"{meetings:,} meetings" + (f", {quads:,} quads in dataset.nq" if quads else "")
    return (f"## Web UI: every page kind on the first request after a load ({size})\n\n"
            f"Server ready (first query answered) after {res['ready_s']:.1f} s; seconds per page, first request "
            f"and median of the next ones:\n\n"
            + table(["page", "first s", "warm s", "target s", "first/target", "status", "HTTP", "bytes"], rows))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.uipages", description=__doc__.split("\n\n")[0])
    p.add_argument("data_dir", type=Path, help="a dataset directory (generated when it holds none)")
    p.add_argument("--meetings", type=int, default=10_000)
    p.add_argument("--python", help="serve with this interpreter (python -m itukg serve)")
    p.add_argument("--pythonpath", help="... with this PYTHONPATH (another checkout)")
    p.add_argument("--warm", type=int, default=3)
    p.add_argument("--json", type=Path, help="also write the figures as JSON")
    a = p.parse_args(argv)
    from . import generate_graph

    if not (a.data_dir / "current").exists():
        generate_graph.generate(a.data_dir, 0, meetings=a.meetings, evidence=False, ui_tables=True)
    with tempfile.TemporaryDirectory(prefix="itukg-bench-ui-") as work:
        res = run(a.data_dir, Path(work), a.python, a.pythonpath, a.warm)
    if a.json:
        a.json.write_text(json.dumps(res, indent=1))
    print(render(res, a.meetings, None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
