"""Measurements that run in a subprocess of their own, so peak memory (ru_maxrss) is theirs alone and a
measurement that runs too long can be killed. Each prints one JSON object per line on stdout.

    python -m bench.worker ingest DOCS_DIR DATA_DIR BASE_DIR
    python -m bench.worker engine oxigraph|rdflib DATA_DIR      (then one JSON job per stdin line)
    python -m bench.worker reason DATA_DIR SAMPLE                (per-document infer() on a sample)
    python -m bench.worker closure DATA_DIR                      (owlrl closure of the whole asserted graph)
    python -m bench.worker shacl-docs DATA_DIR SAMPLE [ENGINE]   (per-document validate_graph() on a sample;
                                                                 ENGINE compiled (default) or pyshacl)
    python -m bench.worker infer-all DATA_DIR                    (compiled infer() on the whole asserted graph)
    python -m bench.worker shacl-all DATA_DIR                    (one validation of the whole asserted graph)
"""
from __future__ import annotations

import json
import random
import resource
import shutil
import sys
import time
from pathlib import Path


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


# -- ingestion ------------------------------------------------------------------------------------------------

def prepare_base(base_dir: Path) -> float:
    """A data directory holding a generation with the reference graphs and no document (what a fresh install
    builds once); ingestion runs start from copies of it so the one-time reference reasoning is not charged
    to the documents. Returns the seconds it took."""
    from itukg.graph.build import build

    t = time.perf_counter()
    empty = base_dir.parent / (base_dir.name + "-empty")
    empty.mkdir(parents=True, exist_ok=True)
    build([empty], base_dir, fresh=True)
    return time.perf_counter() - t


def ingest(docs_dir: Path, data_dir: Path, base_dir: Path) -> dict:
    import itukg.graph.build as b

    if data_dir.exists():
        shutil.rmtree(data_dir)
    shutil.copytree(base_dir, data_dir, symlinks=True)
    stages = {"read": 0.0}  # the build process's part of reading (bytes and hash); workers parse ("read" timing)
    real_iter = b.iter_raw

    def timed_iter(paths, **kw):
        it = real_iter(paths, **kw)
        while True:
            t = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                stages["read"] += time.perf_counter() - t
                return
            stages["read"] += time.perf_counter() - t
            yield item

    b.iter_raw = timed_iter
    try:
        t = time.perf_counter()
        result = b.build([docs_dir], data_dir, fresh=False)
        total = time.perf_counter() - t
    finally:
        b.iter_raw = real_iter
    tm = dict(result.timings)
    stages["read"] += tm.get("read", 0.0)
    # build() times the reference files' reuse inside "store"; the stages (parsing included in "read") are CPU
    # time summed over the build's worker processes, so "other" (wall time minus stages) is then 0
    other = tm.get("documents", 0.0) - stages["read"] - sum(
        tm.get(k, 0.0) for k in ("extract", "rdf", "shacl", "reason", "serialize"))
    return {
        "documents": len(result.accepted) + len(result.rejected) + len(result.unreadable),
        "accepted": len(result.accepted), "rejected": len(result.rejected), "unreadable": len(result.unreadable),
        "meetings": result.stats.get("meetings", 0), "quads": result.stats.get("quads", 0),
        "total_s": total, "read": stages["read"], "extract": tm.get("extract", 0.0), "rdf": tm.get("rdf", 0.0),
        "shacl": tm.get("shacl", 0.0), "reason": tm.get("reason", 0.0), "serialize": tm.get("serialize", 0.0),
        "other": max(0.0, other), "store": tm.get("store", 0.0), "peak_mb": peak_mb(),
        "rejections": [f"{r.source}: {r.report.violations[0].line() if r.report.violations else ''}"
                       for r in result.rejected[:5]],
    }


# -- in-process query engines -----------------------------------------------------------------------------------

class OxigraphEngine:
    """itukg's own engine: the server's loader (union graph materialised), queried in process."""

    def __init__(self, data_dir: Path):
        from itukg.server.store import load_dataset

        self.snapshot = load_dataset(data_dir)

    def run(self, text: str) -> int:
        import pyoxigraph as ox

        result = self.snapshot.query(text)  # as the server runs it: the union store for a query without GRAPH
        if isinstance(result, ox.QueryTriples):
            body = result.serialize(format=ox.RdfFormat.N_TRIPLES)
        else:
            body = result.serialize(format=ox.QueryResultsFormat.JSON)
        return len(body)


class RdflibEngine:
    def __init__(self, data_dir: Path):
        from rdflib import Dataset

        from itukg.graph.dataset import require_current

        self.ds = Dataset(default_union=True)
        self.ds.parse(str(require_current(Path(data_dir)).dataset_file), format="nquads")

    def run(self, text: str) -> int:
        result = self.ds.query(text)
        if result.type == "CONSTRUCT":
            return len(result.graph.serialize(format="nt"))
        return len(result.serialize(format="json"))


def engine_loop(kind: str, data_dir: Path) -> None:
    t = time.perf_counter()
    engine = OxigraphEngine(data_dir) if kind == "oxigraph" else RdflibEngine(data_dir)
    emit({"loaded_s": time.perf_counter() - t, "peak_mb": peak_mb()})
    for line in sys.stdin:
        job = json.loads(line)
        times, size, error = [], 0, None
        deadline = time.perf_counter() + job.get("budget_s", 10.0)
        try:
            size = engine.run(job["query"])  # warm-up (and the answer's size)
            for _ in range(job.get("reps", 10)):
                t = time.perf_counter()
                engine.run(job["query"])
                times.append(time.perf_counter() - t)
                if time.perf_counter() > deadline:
                    break
        except Exception as exc:  # noqa: BLE001 - reported in the table, not fatal
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
        emit({"name": job["name"], "times": times, "bytes": size, "error": error, "peak_mb": peak_mb()})


# -- reasoning and SHACL ---------------------------------------------------------------------------------------

def _doc_files(data_dir: Path) -> list[Path]:
    from itukg.graph.dataset import DOCUMENTS_DIR, require_current

    return sorted((require_current(Path(data_dir)).path / DOCUMENTS_DIR).glob("*.nq"))


def _load_doc(path: Path):
    from rdflib import Dataset, Graph

    d = Dataset()
    d.parse(str(path), format="nquads")
    g = Graph()
    for s, p, o, _ in d.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def reason_docs(data_dir: Path, sample: int) -> dict:
    from itukg.graph.reason import infer
    from itukg.graph.reference import load_reference

    ref = load_reference()
    files = _doc_files(data_dir)
    chosen = random.Random(1).sample(files, min(sample, len(files)))
    spent, triples, inferred = 0.0, 0, 0
    for f in chosen:
        g = _load_doc(f)
        t = time.perf_counter()
        inferred += len(infer(g, ref.ontology))
        spent += time.perf_counter() - t
        triples += len(g)
    return {"documents": len(files), "sample": len(chosen), "per_doc_s": spent / max(1, len(chosen)),
            "total_est_s": spent / max(1, len(chosen)) * len(files), "sample_triples": triples,
            "sample_inferred": inferred, "peak_mb": peak_mb()}


def _whole_graph(data_dir: Path):
    from rdflib import Graph

    g = Graph()
    t = time.perf_counter()
    for f in _doc_files(data_dir):
        with open(f, encoding="utf-8") as fh:
            # each document file holds one graph: drop the graph term and parse as N-Triples
            g.parse(data="".join(line.rsplit(" ", 2)[0] + " .\n" for line in fh if line.strip()), format="nt")
    return g, time.perf_counter() - t


def closure(data_dir: Path) -> dict:
    import owlrl

    from itukg.graph.reference import load_reference

    g, parse_s = _whole_graph(data_dir)
    asserted = len(g)
    for t in load_reference().ontology:
        g.add(t)
    emit({"progress": "parsed", "asserted": asserted, "parse_s": parse_s, "peak_mb": peak_mb()})
    t = time.perf_counter()
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(g)
    return {"asserted": asserted, "parse_s": parse_s, "closure_s": time.perf_counter() - t, "after": len(g),
            "peak_mb": peak_mb()}


def infer_all(data_dir: Path) -> dict:
    """The compiled reasoner over the whole asserted graph at once (what a 1M-triple target is about)."""
    from itukg.graph.reason import infer
    from itukg.graph.reference import load_reference

    ontology = load_reference().ontology
    g, parse_s = _whole_graph(data_dir)
    emit({"progress": "parsed", "asserted": len(g), "parse_s": parse_s, "peak_mb": peak_mb()})
    t = time.perf_counter()
    inferred = infer(g, ontology)
    return {"asserted": len(g), "parse_s": parse_s, "infer_s": time.perf_counter() - t, "inferred": len(inferred),
            "peak_mb": peak_mb()}


def shacl_docs(data_dir: Path, sample: int, engine: str = "compiled") -> dict:
    from itukg.graph.reference import load_reference
    from itukg.graph.validate import validate_graph

    ref = load_reference()
    files = _doc_files(data_dir)
    chosen = random.Random(2).sample(files, min(sample, len(files)))
    spent, conforming = 0.0, 0
    for f in chosen:
        g = _load_doc(f)
        t = time.perf_counter()
        conforming += validate_graph(g, ref, engine=engine).conforms
        spent += time.perf_counter() - t
    return {"documents": len(files), "sample": len(chosen), "per_doc_s": spent / max(1, len(chosen)),
            "total_est_s": spent / max(1, len(chosen)) * len(files), "conforming": conforming,
            "peak_mb": peak_mb()}


def shacl_all(data_dir: Path) -> dict:
    from itukg.graph.reference import load_reference
    from itukg.graph.validate import validate_graph

    ref = load_reference()
    g, parse_s = _whole_graph(data_dir)
    emit({"progress": "parsed", "asserted": len(g), "parse_s": parse_s, "peak_mb": peak_mb()})
    t = time.perf_counter()
    report = validate_graph(g, ref)
    return {"asserted": len(g), "parse_s": parse_s, "validate_s": time.perf_counter() - t,
            "conforms": report.conforms, "problems": len(report.problems), "peak_mb": peak_mb()}


def main(argv: list[str]) -> int:
    cmd = argv[0]
    if cmd == "prepare-base":
        emit({"seconds": prepare_base(Path(argv[1])), "peak_mb": peak_mb()})
    elif cmd == "ingest":
        emit(ingest(Path(argv[1]), Path(argv[2]), Path(argv[3])))
    elif cmd == "engine":
        engine_loop(argv[1], Path(argv[2]))
    elif cmd == "reason":
        emit(reason_docs(Path(argv[1]), int(argv[2])))
    elif cmd == "closure":
        emit(closure(Path(argv[1])))
    elif cmd == "shacl-docs":
        emit(shacl_docs(Path(argv[1]), int(argv[2]), *argv[3:4]))
    elif cmd == "infer-all":
        emit(infer_all(Path(argv[1])))
    elif cmd == "shacl-all":
        emit(shacl_all(Path(argv[1])))
    else:
        print(f"unknown command {cmd}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
