"""`itukg build`: documents -> extracted facts -> RDF -> SHACL gate -> OWL RL -> a new dataset generation.

Documents already in the store with the same bytes, made by the same code and data (processing_fingerprint), are
reused as they are. A document that cannot be read or does not conform is reported and left out; whatever the store
held for it before stays.

The build process walks the folders and reads each file's bytes (to hash them: a document already stored is
not processed again); worker processes (graph/isolate.Workers) parse, extract, map, validate and reason over
each new document, one at a time, within the limits of config.py [build]: `document_seconds` (SIGALRM, then
SIGKILL) and `document_memory_mb` (RLIMIT_AS), besides the reader's `max_bytes`, `max_text_chars` and
`max_pages`. A document over a limit is rejected alone (LimitExceeded, saying which setting), a worker killed
for it is replaced, and the build goes on.
"""
from __future__ import annotations

import functools
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.plugins.serializers.nquads import _nq_row

from ..config import BuildSettings
from . import dataset as ds
from .errors import ConfigError, DocumentError, LimitExceeded, ProcessingError, SkippedFile
from .extract.meetings import extract
from .gazetteer import gazetteer
from .isolate import Workers, used_most_memory
from .mapping import to_graph
from .namespaces import (
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    base_iri,
    document_graph,
    set_process_base_iri,
    using_base_iri,
)
from .read import Limits, Raw, Text, iter_raw, parse_or_error
from .reason import infer
from .reference import Reference, load_reference
from .resources import corpus_dir, ontology_dir, ontology_file, reference_files, shapes_file
from .summary import nquads_size
from .validate import Report, validate_graph


@dataclass
class Rejected:
    source: str
    report: Report
    error: str | None = None  #: set when processing the document failed (a bug), rather than the SHACL gate

    def problems(self) -> list[str]:
        """What the manifest (and the /report page) records of the rejection."""
        return [self.error] if self.error else [p.line() for p in self.report.violations]


@dataclass(frozen=True)
class Processed:
    """One document through the pipeline, in memory: its graph, what the reasoner added, the gate's report."""

    graph: Graph
    inferred: Graph
    report: Report
    warnings: list[str]
    meetings: int


@dataclass(frozen=True)
class DocumentOutcome:
    """What became of one document in `build` or `check`: its SHACL report, or the error that stopped it.

    It crosses the build's worker processes, so its fields are plain and picklable: the graphs of a conforming
    document as sorted N-Quads bytes, ready to be written."""

    source: str
    report: Report | None = None  #: None when the document could not be read or processed
    error: DocumentError | None = None  #: DocumentError (not read), ProcessingError (an extractor bug),
    #: LimitExceeded (over a limit of config.py [build])
    document_nq: bytes | None = None  #: set in a build when the document conforms
    inferred_nq: bytes | None = None
    warnings: tuple[str, ...] = ()
    meetings: int = 0
    triples: int = 0
    timings: dict = field(default_factory=dict, compare=False)

    @property
    def conforms(self) -> bool:
        return self.error is None and self.report is not None and self.report.conforms


@dataclass
class BuildResult:
    data_dir: Path
    accepted: list[ds.DocumentEntry] = field(default_factory=list)
    reused: list[ds.DocumentEntry] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    unreadable: list[DocumentError] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)  #: folder entries not read (pipes, links): not errors
    warnings: list[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.unreadable


def nquads(graph: Graph, name: URIRef) -> bytes:
    """One graph as sorted N-Quads: byte-stable for the same facts (rdflib's own N-Quads row writer)."""
    rows = {_nq_row(t, name) for t in graph}
    return "".join(sorted(rows)).encode("utf-8")


def _reference_hash() -> str:
    h = hashlib.sha256(base_iri().encode())  # the reference data is moved under the configured base
    for path in [ontology_file(), *reference_files()]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def _processing_code_hash() -> str:
    h = hashlib.sha256()
    graph_dir = Path(__file__).resolve().parent
    files = [p for p in sorted(graph_dir.rglob("*.py")) if "__pycache__" not in p.parts]
    files += [p for p in sorted(ontology_dir().rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    for path in [*files, shapes_file()]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def processing_fingerprint() -> str:
    """What a document's graph depends on besides its bytes: the reading, extracting, mapping, validating and
    reasoning code, the ontology, reference data and shapes, and the base IRI. A stored document is reused only when
    it was made under the same fingerprint, so an upgraded extractor re-reads the documents a build is given."""
    return hashlib.sha256((_processing_code_hash() + base_iri()).encode()).hexdigest()[:16]


def process(doc: Text, ref: Reference, timings: dict | None = None) -> Processed:
    """One document through extraction, mapping, validation and reasoning (no I/O)."""
    timings = timings if timings is not None else {}
    t0 = time.perf_counter()
    facts = extract(doc, ref)
    t1 = time.perf_counter()
    graph = to_graph(facts)
    t2 = time.perf_counter()
    report = validate_graph(graph, ref)
    t3 = time.perf_counter()
    inferred = infer(graph, ref.ontology) if report.conforms else Graph()
    t4 = time.perf_counter()
    for k, v in (("extract", t1 - t0), ("rdf", t2 - t1), ("shacl", t3 - t2), ("reason", t4 - t3)):
        timings[k] = timings.get(k, 0.0) + v
    return Processed(graph, inferred, report, facts.warnings, len(facts.meetings))


_CHUNK = 64  # documents read ahead and processed together (bounded memory) ...
_CHUNK_BYTES = 200_000_000  # ... and at most about this many of their bytes
_PARALLEL_FROM = 8  # without limits: below this many new documents in a chunk, one process is faster than workers


def describe_failure(error: BaseException) -> str:
    """One line for a document whose processing failed: the exception type and its first line."""
    first = next(iter(str(error).strip().splitlines()), "")
    return f"processing failed: {type(error).__name__}{': ' if first else ''}{first[:300]}"


def _failed(source: str, error: Exception) -> DocumentOutcome:
    """The outcome of a document whose processing raised `error`: a ProcessingError saying so in one line."""
    return DocumentOutcome(source, error=ProcessingError(source, describe_failure(error)))


def _process_job(raw: Raw, limits: Limits) -> DocumentOutcome:
    """One new document read, processed and serialised (in a worker process), as a DocumentOutcome.

    Any exception (a bug in an extractor, a term no RDF tool accepts, ...) rejects this document alone: its
    outcome carries a ProcessingError instead of a report, and the build goes on. A document that cannot be
    read, or is over a limit, carries its DocumentError. MemoryError (and a failure after most of the memory
    budget was used: lxml, for one, reports a failed allocation as a parse error) goes to the worker, which
    says the document hit document_memory_mb. Its timings: "read" (parsing the bytes), then process()'s."""
    t = time.perf_counter()
    doc = parse_or_error(raw, limits)
    read = time.perf_counter() - t
    if isinstance(doc, DocumentError):
        if used_most_memory():
            raise MemoryError
        return DocumentOutcome(raw.source, error=doc, timings={"read": read})
    try:
        outcome = _process_one(doc)
        outcome.timings["read"] = read
        return outcome
    except (ConfigError, MemoryError):
        raise  # ConfigError: the shapes or settings are unusable: every document would fail the same way
    except Exception as error:  # noqa: BLE001 - per-document isolation: one document never aborts the build
        if used_most_memory():
            raise MemoryError from error
        return _failed(doc.source, error)


def _limits(settings: BuildSettings) -> Limits:
    return Limits(max_bytes=settings.max_bytes, max_text_chars=settings.max_text_chars, max_pages=settings.max_pages)


def _outcomes(todo: list[Raw], job: Callable[[Raw], DocumentOutcome], workers: Workers | None,
              settings: BuildSettings) -> Iterator[DocumentOutcome]:
    """`job(raw)` of each document of `todo`, in order: in `workers` when given, else in this process. A document
    that hit a limit in its worker is a LimitExceeded, one whose worker died a ProcessingError."""
    if workers is None:
        yield from map(job, todo)
        return
    for raw, (_, kind, value) in zip(todo, workers.map(todo)):
        if kind == "ok":
            yield value  # type: ignore[misc]
        elif kind == "timeout":
            yield DocumentOutcome(raw.source, error=LimitExceeded(
                raw.source, f"took more than {settings.document_seconds:g} s", "document_seconds"))
        elif kind == "memory":
            yield DocumentOutcome(raw.source, error=LimitExceeded(
                raw.source, f"needed more than {settings.document_memory_mb} MiB of memory", "document_memory_mb"))
        elif kind == "died":
            yield DocumentOutcome(raw.source, error=ProcessingError(
                raw.source, f"processing failed: its worker process died ({value})"))
        else:
            raise value  # type: ignore[misc]  # fn let it through: ConfigError, a bug of the build itself


def _workers(job: Callable[[Raw], DocumentOutcome], jobs: int, settings: BuildSettings,
             init: Callable[[], None] | None = None) -> Workers:
    return Workers(job, jobs=jobs, timeout=settings.document_seconds, memory_mb=settings.document_memory_mb,
                   init=init)


def _bounded(settings: BuildSettings) -> bool:
    """Whether documents must be processed in worker processes whatever their number: a time or memory limit."""
    return settings.document_seconds > 0 or settings.document_memory_mb > 0


def _process_one(doc: Text) -> DocumentOutcome:
    timings: dict = {}
    p = process(doc, load_reference(), timings)
    doc_nq = inferred_nq = None
    if p.report.conforms:
        t = time.perf_counter()
        doc_nq, inferred_nq = nquads(p.graph, document_graph(doc.sha256)), nquads(p.inferred, INFERRED_GRAPH)
        timings["serialize"] = time.perf_counter() - t
    return DocumentOutcome(doc.source, p.report, document_nq=doc_nq, inferred_nq=inferred_nq,
                           warnings=tuple(p.warnings), meetings=p.meetings, triples=len(p.graph), timings=timings)


def _worker_init(lock_fd: int | None, base: str) -> None:
    """A worker must not keep the build's lock held; it mints under the build's base. (It does not outlive the
    build either: graph/isolate.Workers has the kernel kill it with its parent.)"""
    if lock_fd is not None:
        os.close(lock_fd)
    set_process_base_iri(base)


def _chunks(items, size: int, max_bytes: int = _CHUNK_BYTES):
    chunk, held = [], 0
    for item in items:
        chunk.append(item)
        held += len(item.data) if isinstance(item, Raw) else 0
        if len(chunk) >= size or held >= max_bytes:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def build(paths: Iterable[Path] | None = None, data_dir: Path | None = None, fresh: bool = False,
          progress: Callable[[int, str], None] | None = None, jobs: int | None = None,
          follow_symlinks: bool = False, settings: BuildSettings | None = None) -> BuildResult:
    """Add (or replace) documents in the dataset and publish a new generation.

    Inside the folders given, only regular files are read; symbolic links are followed only with
    `follow_symlinks`, and then only to targets inside the folder (read.iter_documents).

    New documents are read and processed in `jobs` worker processes (default: the CPU count), each within the
    time and memory limits of `settings`; each document's graphs are written to the new generation as soon as
    they are ready.

    `settings` (config.py [build]) gives the base IRI to mint under, the gazetteer's cache folder, the limits on
    one document and, when `data_dir` is not given, the data directory; without it: the current base and the
    declared defaults.
    """
    with using_base_iri(settings.base_iri if settings else None):
        return _build(paths, data_dir, fresh, progress, jobs, follow_symlinks, (settings or BuildSettings()).validate())


def _build(paths, data_dir, fresh, progress, jobs, follow_symlinks, settings: BuildSettings) -> BuildResult:
    data_dir = Path(data_dir) if data_dir else settings.data_dir
    paths = list(paths) if paths else [corpus_dir()]
    jobs = max(1, jobs or os.cpu_count() or 1)
    result = BuildResult(data_dir)
    ref = load_reference()  # loaded before any fork, so workers share it
    timings = result.timings
    workers: Workers | None = None
    job = functools.partial(_process_job, limits=_limits(settings))
    with ds.build_lock(data_dir) as lock:
        previous = None if fresh else ds.current(data_dir)
        docs: dict[str, dict] = dict(previous.manifest.get("documents", {})) if previous else {}
        by_sha = {v["sha256"]: k for k, v in docs.items()}
        made_by = processing_fingerprint()
        writer = ds.GenerationWriter(data_dir)
        written: set[str] = set()
        try:
            t = time.perf_counter()
            seen = 0

            def done(source: str) -> None:  # each item counts once it is done: count_documents() is the total
                nonlocal seen
                seen += 1
                if progress:
                    progress(seen, source)

            items = iter_raw(paths, max_bytes=settings.max_bytes, follow_symlinks=follow_symlinks)
            for chunk in _chunks(items, _CHUNK):
                todo, pending = [], set()
                for item in chunk:
                    if isinstance(item, SkippedFile):
                        result.skipped.append(item)
                        continue
                    if isinstance(item, LimitExceeded):  # max_bytes, known before reading
                        result.rejected.append(Rejected(item.source, Report(False), error=item.reason))
                        done(item.source)
                        continue
                    if isinstance(item, DocumentError):
                        result.unreadable.append(item)
                        done(item.source)
                        continue
                    key = _key(item)
                    if item.sha256 in pending:
                        done(item.source)
                        continue  # the same bytes twice in this build: one document (its identity is its hash)
                    stored = item.sha256 in written or (previous and previous.document_file(item.sha256).exists())
                    if item.sha256 in by_sha and stored and docs[by_sha[item.sha256]].get("processed_by") == made_by:
                        moved = dict(docs.pop(by_sha[item.sha256]))
                        moved["source"] = key
                        docs[key] = moved
                        by_sha[item.sha256] = key
                        result.reused.append(ds.DocumentEntry(**moved))
                        done(item.source)
                    else:
                        todo.append(item)
                        pending.add(item.sha256)
                if todo:
                    gazetteer(ref, settings)  # loaded once (before any fork: shared by the workers), its cache
                isolated = _bounded(settings) or (jobs > 1 and len(todo) >= _PARALLEL_FROM)
                if todo and isolated and workers is None:
                    workers = _workers(job, jobs, settings, functools.partial(_worker_init, lock.fileno(), base_iri()))
                outcomes = _outcomes(todo, job, workers if isolated else None, settings)
                for item, outcome in zip(todo, outcomes):  # in the order of `todo`
                    for k, v in outcome.timings.items():
                        timings[k] = timings.get(k, 0.0) + v
                    done(item.source)
                    if isinstance(outcome.error, (ProcessingError, LimitExceeded)):
                        result.rejected.append(Rejected(item.source, Report(False), error=outcome.error.reason))
                        continue
                    if outcome.error is not None:  # parsed in the worker: not a readable document
                        result.unreadable.append(outcome.error)
                        continue
                    if not outcome.conforms:
                        result.rejected.append(Rejected(item.source, outcome.report or Report(False)))
                        continue
                    assert outcome.report and outcome.document_nq is not None and outcome.inferred_nq is not None
                    writer.write(ds.document_name(item.sha256), outcome.document_nq)
                    writer.write(ds.inferred_name(item.sha256), outcome.inferred_nq)
                    written.add(item.sha256)
                    key = _key(item)
                    warnings = list(outcome.warnings)
                    entry = ds.DocumentEntry(key, item.name, item.sha256, item.media_type, outcome.meetings,
                                             outcome.triples, warnings + [p.line() for p in outcome.report.warnings][:20],
                                             made_by)
                    old = docs.get(key)
                    if old:
                        by_sha.pop(old["sha256"], None)
                    if by_sha.get(item.sha256, key) != key:  # the same bytes stored under another name before
                        docs.pop(by_sha[item.sha256], None)
                    docs[key] = entry.__dict__
                    by_sha[item.sha256] = key
                    result.accepted.append(entry)
                    result.warnings.extend(f"{item.source}: {w}" for w in warnings)
            timings["documents"] = time.perf_counter() - t

            t = time.perf_counter()
            ref_hash = _reference_hash()
            parts = _write_reference(writer, ref, ref_hash, previous)
            for doc in sorted(docs.values(), key=lambda e: e["sha256"]):
                sha = doc["sha256"]
                rel_doc, rel_inf = ds.document_name(sha), ds.inferred_name(sha)
                if sha not in written:
                    assert previous is not None  # a document not written by this build is one of the previous
                    writer.copy_from(previous.document_file(sha), rel_doc)
                    writer.copy_from(previous.inferred_file(sha), rel_inf)
                parts += [writer.tmp / rel_doc, writer.tmp / rel_inf]
            dataset_file = writer.concatenate(ds.DATASET_FILE, parts)
            # the web UI's tables, read at load (issue 15); the generation loaded for them is also counted
            from ..server.ui.precompute import load_generation, write_tables
            try:
                loaded = load_generation(writer.tmp)
            except Exception:  # noqa: BLE001 - write_tables logs it; the build counts the file itself
                loaded = None
            result.stats = _stats(docs, dataset_file, loaded)
            write_tables(writer.tmp, loaded)
            writer.publish({
                "built": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "reference_sha256": ref_hash,
                "documents": docs,
                "stats": result.stats,
                "rejected": [{"source": r.source, "problems": r.problems()} for r in result.rejected],
                "unreadable": [str(e) for e in result.unreadable],
            })
            timings["store"] = time.perf_counter() - t
        except BaseException:
            writer.abandon()
            raise
        finally:
            if workers is not None:
                workers.close()
    return result


def _key(item: Text) -> str:
    """A document's identity in the manifest: its resolved path (a changed file replaces its old graph)."""
    return str(Path(item.source).resolve()) if Path(item.source).exists() else item.source


def _write_reference(writer: ds.GenerationWriter, ref: Reference, ref_hash: str, previous) -> list[Path]:
    """reference.nq (ontology + reference graphs) and reference-inferred.nq, reused while the files are unchanged."""
    if previous and previous.manifest.get("reference_sha256") == ref_hash and previous.reference_file.exists():
        writer.copy_from(previous.reference_file, ds.REFERENCE_FILE)
        writer.copy_from(previous.reference_inferred_file, ds.REFERENCE_INFERRED_FILE)
    else:
        data = nquads(ref.ontology, ONTOLOGY_GRAPH) + nquads(ref.graph, REFERENCE_GRAPH)
        writer.write(ds.REFERENCE_FILE, data)
        writer.write(ds.REFERENCE_INFERRED_FILE, nquads(infer(ref.graph, ref.ontology), INFERRED_GRAPH))
    return [writer.tmp / ds.REFERENCE_FILE, writer.tmp / ds.REFERENCE_INFERRED_FILE]


def _stats(docs: dict, dataset_file: Path, loaded=None) -> dict:
    """The manifest's figures; triples, quads and graphs as graph/summary.py defines them: from the generation as
    the server loads it when it is at hand (`loaded`, a server Snapshot), else counted in the file."""
    if loaded is not None:
        triples, quads, graphs = loaded.triples, loaded.quads, loaded.graph_count
    else:
        triples, quads, graphs = nquads_size(dataset_file)
    return {"documents": len(docs), "meetings": sum(d["meetings"] for d in docs.values()), "triples": triples,
            "quads": quads, "graphs": graphs}



def check(paths: Iterable[Path], engine: str = "compiled", follow_symlinks: bool = False,
          settings: BuildSettings | None = None, jobs: int = 1) -> list[DocumentOutcome]:
    """`itukg validate`: each document's SHACL report, nothing stored (engine: see validate.validate_graph).

    A document that cannot be read, or whose processing fails (a bug), gets its error, and one over a limit of
    `settings` its LimitExceeded; the others are still checked. Documents are read and checked in `jobs` worker
    processes within the time and memory limits, as in a build. `settings`: as for build()."""
    with using_base_iri(settings.base_iri if settings else None):
        return list(_check(paths, engine, follow_symlinks, (settings or BuildSettings()).validate(), jobs))


def _check_job(raw: Raw, limits: Limits, engine: str) -> DocumentOutcome:
    """One document's SHACL report (in a worker process); errors as _process_job has them."""
    doc = parse_or_error(raw, limits)
    if isinstance(doc, DocumentError):
        if used_most_memory():
            raise MemoryError
        return DocumentOutcome(raw.source, error=doc)
    try:
        ref = load_reference()
        return DocumentOutcome(doc.source, validate_graph(to_graph(extract(doc, ref)), ref, engine=engine))
    except (ConfigError, MemoryError):
        raise  # ConfigError: the shapes or settings are unusable: no document can be checked
    except Exception as error:  # noqa: BLE001 - per-document isolation
        if used_most_memory():
            raise MemoryError from error
        return _failed(doc.source, error)


def _check(paths, engine: str, follow_symlinks: bool, settings: BuildSettings, jobs: int) -> Iterator[DocumentOutcome]:
    ref = load_reference()
    gazetteer(ref, settings)
    job = functools.partial(_check_job, limits=_limits(settings), engine=engine)
    workers = _workers(job, jobs, settings, functools.partial(_worker_init, None, base_iri())) \
        if _bounded(settings) else None
    try:
        raws: list[Raw] = []
        for item in iter_raw(list(paths), max_bytes=settings.max_bytes, follow_symlinks=follow_symlinks):
            if isinstance(item, DocumentError):
                yield from _outcomes(raws, job, workers, settings)
                raws = []
                yield DocumentOutcome(item.source, error=item)
                continue
            raws.append(item)
            if len(raws) >= _CHUNK:
                yield from _outcomes(raws, job, workers, settings)
                raws = []
        yield from _outcomes(raws, job, workers, settings)
    finally:
        if workers is not None:
            workers.close()
