"""Smoke test of the benchmark package (bench/): the generators are deterministic and produce what itukg reads,
and `python -m bench --quick` runs end to end and prints every row of its table.

The quick run needs neither the Oxigraph server nor rdflib-endpoint: it skips those comparisons by design.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import generate_docs, generate_graph, queries  # noqa: E402


def test_generated_documents_are_deterministic_and_in_style(tmp_path):
    a = generate_docs.generate(tmp_path / "a", 12, seed=3, html_share=0.2)
    b = generate_docs.generate(tmp_path / "b", 12, seed=3, html_share=0.2)
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b))
    texts = [p.read_text(encoding="utf-8") for p in a]
    joined = "\n".join(texts)
    assert "The participating organizations were:" in joined or "Participants included:" in joined
    assert "Study Group Leadership Assembly" in joined or "CTO" in joined
    assert any(p.suffix == ".html" for p in a) and any(p.suffix == ".txt" for p in a)
    # a date line "9 September 2018, City, Country" (or its month-first / ISO variants) under a CTO heading
    assert re.search(r"^(?:\d{1,2} \w+ \d{4}|\w+ \d{1,2}, \d{4}|\d{4}-\d\d-\d\d), [A-Z]", joined, re.M)


def test_generated_documents_go_through_the_real_pipeline(tmp_path):
    from itukg.graph.build import build

    docs = generate_docs.generate(tmp_path / "docs", 3, seed=11)
    result = build([tmp_path / "docs"], tmp_path / "data", fresh=True)
    assert len(result.accepted) + len(result.rejected) == len(docs)
    assert result.accepted, [r.report.violations[:3] for r in result.rejected]
    assert result.stats["meetings"] >= len(result.accepted)
    assert {"extract", "rdf", "shacl", "reason", "documents", "store"} <= set(result.timings)


def test_generated_graph_is_a_servable_dataset(tmp_path):
    from itukg.server.store import UNION_GRAPH, load_dataset

    stats = generate_graph.generate(tmp_path / "g", 15_000, seed=5, cache_dir=tmp_path / "cache")
    assert stats["quads"] >= 15_000 and stats["documents"] >= 1
    snapshot = load_dataset(tmp_path / "g")
    store = snapshot.store
    meeting = next(iter(store.query(queries.FIND_MEETING, default_graph=[UNION_GRAPH])))["m"].value
    for q in queries.mix(meeting):
        result = store.query(q.text, default_graph=[UNION_GRAPH])
        rows = list(result)
        if q.name in ("meetings", "participants", "topics", "a-construct-meeting", "a-optional-listing"):
            assert rows, q.name


@pytest.mark.slow
def test_quick_benchmark_prints_the_table(tmp_path):
    results = ROOT / "bench" / "RESULTS.md"
    before = results.stat().st_mtime_ns if results.exists() else None
    proc = subprocess.run([sys.executable, "-m", "bench", "--quick", "--work-dir", str(tmp_path / "work")],
                          cwd=ROOT, capture_output=True, text=True, timeout=150)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    for row in ("ingest 4", "ingest 8", "load itukg", "reason infer() per document",
                "reason owlrl closure, whole graph", "shacl validate_graph() per document",
                "shacl validate_graph(), whole graph", "startup itukg serve", "ui home", "ui a meeting",
                "ui search as you type", "ui query page"):
        assert re.search(rf"^{re.escape(row)}\s", out, re.M), f"row {row!r} missing:\n{out}"
    for name in queries.names():
        assert re.search(rf"^query {re.escape(name)}\s", out, re.M), f"query row {name!r} missing:\n{out}"
    ingest = re.search(r"^ingest 8\s+(\d+)/(\d+)", out, re.M)
    assert ingest and int(ingest.group(1)) > 0, out
    load = re.search(r"^load itukg\s+([\d,.]+)\s+(\d+)", out, re.M)
    assert load and float(load.group(1).replace(",", "")) > 0, out
    # comparisons are skipped cleanly in quick mode
    assert "ratio itukg/oxigraph (memory): n/a" in out
    # a quick run never overwrites the recorded results
    assert (results.stat().st_mtime_ns if results.exists() else None) == before


SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_extraction.py"


@pytest.mark.skipif(not SCORER.is_file(), reason=f"the shared scorer is not at {SCORER}")
def test_bench_extraction_recovers_every_gold_fact_of_the_bundled_corpus(tmp_path):
    """`python -m bench extraction` prints the scorer's figures; on the bundled corpus every gold fact is found."""
    root = ROOT
    proc = subprocess.run([sys.executable, "-m", "bench", "extraction", "--seed-facts", str(root / "tests/data/seed-facts.json"),
                           str(root / "graph/corpus"), "--scorer", str(SCORER), "--work-dir", str(tmp_path)],
                          cwd=root, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    musts = [line for line in proc.stdout.splitlines() if ": must " in line]
    assert len(musts) == 2 and all("missing" not in line for line in musts), proc.stdout
    assert "s a document" in proc.stdout


@pytest.mark.slow
def test_variants_serve_each_setting_beside_oxigraph_and_print_the_ratios(tmp_path):
    """`python -m bench variants` runs Oxigraph and each itukg variant on one graph and prints a row for each,
    with the memory of the server and of its workers apart; a variant's settings reach its server (one worker
    is one process besides the server)."""
    from bench import servers

    if servers.tool("oxigraph") is None:
        pytest.skip("the oxigraph server (test extra) is not installed")
    proc = subprocess.run([sys.executable, "-m", "bench", "variants", "--triples", "3000", "--duration", "1",
                           "--reps", "2", "--clients", "2", "--work-dir", str(tmp_path), "", "ITUKG_QUERY_WORKERS=1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = {line.split("  ")[0]: line for line in proc.stdout.splitlines()}
    assert {"oxigraph (memory)", "defaults", "ITUKG_QUERY_WORKERS=1"} <= set(rows), proc.stdout
    for name in ("defaults", "ITUKG_QUERY_WORKERS=1"):
        total, server, workers = map(float, re.findall(r"([\d.]+) = +([\d.]+) \+ +([\d.]+)", rows[name])[0])
        assert server > 0 and workers > 0 and abs(total - server - workers) <= 1.5, rows[name]
        assert len(re.findall(r"\d+\.\d+", rows[name].split("+", 1)[1])) >= 6, rows[name]  # req/s, latency, 4 ratios
    processes = {name: int(re.search(r"\[(\d+) processes\]", rows[name]).group(1))
                 for name in ("defaults", "ITUKG_QUERY_WORKERS=1")}
    assert processes["ITUKG_QUERY_WORKERS=1"] < processes["defaults"], processes


def test_engines_compare_the_on_disk_store_and_two_threads_for_every_query_of_the_mix(tmp_path):
    """`python -m bench engines` runs every query of the mix on the in-memory union store and on a read-only
    RocksDB copy of it, and on one thread and two: a row a query with its ratios, then their geometric means."""
    proc = subprocess.run([sys.executable, "-m", "bench", "engines", "--triples", "3000", "--reps", "1", "--runs", "2",
                           "--work-dir", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = {line.split()[0]: line.split()[1:] for line in proc.stdout.splitlines()[2:] if line.strip()}
    assert set(queries.names()) <= set(rows), proc.stdout
    assert all(len(cells) == 4 and all(float(c) > 0 for c in cells) for name, cells in rows.items()
               if name != "geometric"), proc.stdout
    assert (tmp_path / "rocksdb-3000").is_dir()  # the on-disk copy, kept in the work directory
