"""python -m bench extraction GOLD.json TEXT_DIR: how much of a document set the extractor recovers, per category.

Each text TEXT_DIR/NN.txt (NN: its two-digit index in GOLD.json) is built into a fresh dataset of its own with
`itukg build`; the named queries meetings, participants, people, groups and topics are written as CSV (the columns
the scorer reads, see queries/*.rq); the scorer then compares them with the gold facts. The scorer is the shared
one (`--scorer`, default ../shared/tools/score_extraction.py beside the checkout), loaded as a module so that the
figures are exactly those it prints: recall per category (dates, places, orgs, people, roles, groups, topics) and
meeting precision, per document and in total, plus the build time per document.

    python -m bench extraction ../shared/devset/gold.json "$TMPDIR/itukg-devset"
    python -m bench extraction --seed-facts ../shared/gold/seed-facts.json graph/corpus
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAMED = ("meetings", "participants", "topics", "people", "groups")
LABELS = """SELECT DISTINCT ?s ?label WHERE {
  ?s ?p ?label .
  FILTER(isLiteral(?label) && (STRENDS(STR(?p), "label") || STRENDS(STR(?p), "Label") || STRENDS(STR(?p), "name")))
}"""


def _itukg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "itukg", *args], capture_output=True, text=True)


def run_named(source: Path, out: Path) -> float:
    """Build `source` into its own dataset under `out` and write the named queries' CSV answers there."""
    out.mkdir(parents=True, exist_ok=True)
    data = out / "data"
    t0 = time.perf_counter()
    build = _itukg("build", "--data-dir", str(data), "--fresh", str(source))
    seconds = time.perf_counter() - t0
    (out / "build.log").write_text(build.stdout + build.stderr)
    for name in NAMED:
        q = _itukg("query", "--data-dir", str(data), "--named", name, "--format", "csv")
        (out / f"{name}.csv").write_text(q.stdout)
    # every label, for the facts no named query covers (organizations a meeting only names)
    q = _itukg("query", "--data-dir", str(data), "--format", "csv", LABELS)
    (out / "labels.csv").write_text(q.stdout)
    return seconds


def load_scorer(path: Path):
    if not path.is_file():
        raise SystemExit(f"bench extraction: no scorer at {path} (give --scorer PATH)")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench extraction", description=__doc__.splitlines()[0])
    p.add_argument("gold", type=Path, help="gold facts: a document set (gold.json) or, with --seed-facts, seed-facts.json")
    p.add_argument("texts", type=Path, help="folder of NN.txt texts (or of the bundled documents with --seed-facts)")
    p.add_argument("--seed-facts", action="store_true", help="score the bundled corpus meeting by meeting")
    p.add_argument("--scorer", type=Path, default=HERE.parent.parent / "shared" / "tools" / "score_extraction.py")
    p.add_argument("--work-dir", type=Path, help="keep the built datasets and CSV answers here")
    p.add_argument("--min-recall", type=float, default=0.85)
    a = p.parse_args(argv)
    scorer = load_scorer(a.scorer)
    work = a.work_dir or Path(tempfile.mkdtemp(prefix="itukg-extraction-"))
    outs, times = [], []
    if a.seed_facts:
        documents = json.loads(a.gold.read_text())["documents"]
        for name in documents:
            out = work / Path(name).stem
            times.append(run_named(a.texts / name, out))
            result, line = scorer.score_seed(argparse.Namespace(seed_facts=str(a.gold), document=name,
                                                                results=str(out), must_only=True))
            print(line)
            (out.with_suffix(".json")).write_text(json.dumps(result, default=sorted))
            outs.append(out.with_suffix(".json"))
        ok = all(json.loads(o.read_text())["all_must_found"] for o in outs)
    else:
        gold = json.loads(a.gold.read_text())
        for index in range(len(gold)):
            text = a.texts / f"{index:02d}.txt"
            if not text.is_file():
                print(f"doc {index}: no text at {text}")
                continue
            out = work / f"doc-{index:02d}"
            times.append(run_named(text, out))
            result, line = scorer.score_document_set(argparse.Namespace(gold=str(a.gold), index=index,
                                                                         results=str(out)))
            (out.with_suffix(".json")).write_text(json.dumps(result, default=sorted))
            outs.append(out.with_suffix(".json"))
            print(line)
        if not outs:
            print("bench extraction: no document scored")
            return 1
        ok, line = scorer.aggregate([str(o) for o in outs], a.min_recall)
        print(line)
    if times:
        print(f"build: {len(times)} documents, {sum(times) / len(times):.2f} s a document (one fresh dataset each, "
              f"process start included)")
    if not a.work_dir:
        print(f"(answers in {work})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
