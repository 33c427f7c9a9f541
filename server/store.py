"""Loading the data the server answers from, and noticing when a rebuild replaced it.

A `Snapshot` is one immutable, fully loaded pyoxigraph Store plus what we know about it. The server swaps
whole snapshots (never mutates one in place), so a request that started on the old data finishes on it.

Two choices worth knowing:

* The default graph of a query is the union of all graphs. pyoxigraph's own union mode does not deduplicate a
  triple stated in several graphs (oxigraph issue #1919, fixed after 0.5), which would repeat labels once per
  document and inflate COUNTs. So at load time the union is materialised, as a set, into the hidden graph
  UNION_GRAPH, and the asserted-only union (everything but ig:inferred) into ASSERTED_GRAPH. They are never listed
  as named graphs, exported, or visible to `GRAPH ?g`.
* Queries that read only the default graph (no GRAPH, no FROM, no asserted-only; nearly all of them) run
  against `union_store`, a second store holding nothing but the union in its default graph. Oxigraph's memory
  store answers a default-graph pattern 1.3-2x slower when the same store also holds named graphs (the bench
  measured it: `bench/RESULTS.md`), so the compact copy buys speed for memory. Setting `union_store = false`
  leaves it out; under load that costs memory rather than saving it (bench/RESULTS.md, "Memory (issue 15)"):
  reading Oxigraph's memory store makes each forked worker copy the pages it reads, and a union query on the
  full store reads pages shared with every named graph and both hidden unions.
* `load_files`: a file in a triples format (Turtle, N-Triples, RDF/XML) goes into a named graph named after the
  file's `file:` IRI, so `GRAPH ?g` still says where a triple came from; a dataset format (TriG, N-Quads, JSON-LD)
  keeps its own graphs, and its default-graph triples stay in the store's default graph.

Parsers never fetch: pyoxigraph's JSON-LD parser refuses remote contexts (no document loader is set) and its
RDF/XML parser does not resolve external entities (tests/test_server_store.py proves both against a local port).
"""
from __future__ import annotations

import dataclasses
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeAlias

import pyoxigraph as ox

from ..graph import dataset as ds
from ..graph.errors import DatasetError
from ..graph.namespaces import ASSERTED_GRAPH_IRI, INFERRED_GRAPH, PREFIXES, UNION_GRAPH_IRI

log = logging.getLogger("itukg.server.store")

UNION_GRAPH = ox.NamedNode(UNION_GRAPH_IRI)
ASSERTED_GRAPH = ox.NamedNode(ASSERTED_GRAPH_IRI)
HIDDEN_GRAPHS = frozenset({UNION_GRAPH, ASSERTED_GRAPH})
INFERRED = ox.NamedNode(str(INFERRED_GRAPH))

_EXTENSIONS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
_DATASET_FORMATS = {ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG, ox.RdfFormat.JSON_LD}

#: What a query answers: pyoxigraph's results, or (remote.RemoteStore, CONSTRUCT/DESCRIBE) the triples as a list.
QueryResult: TypeAlias = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | list[ox.Triple]


class Queryable(Protocol):
    """Anything execute.run_job can evaluate a job on: a pyoxigraph Store, a RemoteStore, or remote._Answered."""

    def query(self, query: str, *, base_iri: str | None = ..., prefixes: dict[str, str] | None = ...,
              default_graph: Any = ..., named_graphs: Any = ...) -> QueryResult: ...


class QueryStore(Queryable, Protocol):
    """The read side of a store that a Snapshot serves: pyoxigraph's Store, or remote.RemoteStore for an
    external SPARQL store (which implements just these calls)."""

    def quads_for_pattern(self, subject: Any, predicate: Any, object: Any,
                          graph_name: Any = ...) -> Iterable[ox.Quad]: ...

    def contains_named_graph(self, graph_name: Any, /) -> bool: ...

    def named_graphs(self) -> Iterable[ox.NamedNode | ox.BlankNode]: ...

    def __iter__(self) -> Iterator[ox.Quad]: ...


def as_solutions(result: QueryResult) -> ox.QuerySolutions:
    """The answer of a SELECT query, which is always a table of solutions."""
    assert isinstance(result, ox.QuerySolutions), "a SELECT query answers with solutions"
    return result


@dataclass
class Snapshot:
    """One loaded, read-only dataset. `store` must not be modified once the snapshot is built."""

    store: QueryStore  # an ox.Store, except for remote.RemoteSnapshot
    graphs: tuple  # real named graphs (NamedNode/BlankNode), sorted by IRI
    graph_sizes: dict  # str(graph) -> quads in it; "" for the default graph when it is not empty
    triples: int  # distinct triples in the union
    has_inferred: bool
    source: str
    generation: str | None = None
    manifest: dict = field(default_factory=dict)
    loaded_at: float = field(default_factory=time.time)
    signature: tuple | None = None
    union_store: ox.Store | None = None  # the union alone, as its default graph (see the module docstring)
    #: Graphs the build owns (updates may not touch them; ox.DefaultGraph() among them when the build wrote
    #: to the default graph); None when nothing is protected (files given explicitly, an external store).
    build_graphs: frozenset | None = None
    updates_signature: tuple | None = None  # updates.nq as it was when its quads were added (see updates_file)
    cache: dict = field(default_factory=dict, repr=False)  # lazily computed statistics, see export.void_stats
    #: the web UI's tables as the build precomputed them (name -> encoded table; server/ui/precompute.py)
    precomputed: dict = field(default_factory=dict, repr=False)

    @property
    def quads(self) -> int:
        """Distinct quads as stored, in every graph (graph/summary.py)."""
        return sum(self.graph_sizes.values())

    @property
    def graph_count(self) -> int:
        """The graphs holding them: the named graphs, and the default graph when it holds any."""
        return len(self.graph_sizes)

    @property
    def size(self) -> str:
        """'N triples (Q quads in G graphs)', said as everywhere else (graph/summary.size_phrase)."""
        from ..graph.summary import size_phrase

        return size_phrase(self.triples, self.quads, self.graph_count)

    @property
    def default_graph(self) -> ox.NamedNode:
        """The hidden graph holding the union every query sees as its default graph."""
        return UNION_GRAPH

    def asserted_graph(self) -> ox.NamedNode:
        return ASSERTED_GRAPH if self.has_inferred else UNION_GRAPH

    def graph_names(self, inferred: bool = True) -> list:
        return [g for g in self.graphs if inferred or g != INFERRED]

    @property
    def built(self) -> str | None:
        return self.manifest.get("built")

    def named_graphs(self) -> list:
        """The real named graphs (like pyoxigraph's Store.named_graphs, without the hidden unions)."""
        return list(self.graphs)

    def query(self, query: str, *, asserted: bool = False, use_default_graph_as_union: bool | None = None,
              default_graph=None, named_graphs=None, **kwargs):
        """pyoxigraph's Store.query with the server's dataset: the default graph is the deduplicated union
        (asserted-only when `asserted`), every real named graph is available, a query's own FROM /
        FROM NAMED is respected, and the project's prefixes (itukg:, schema:, ...) are predefined.
        `use_default_graph_as_union` is accepted for compatibility: it is what happens anyway. Explicit
        `default_graph` / `named_graphs` are passed through. A query that sees only the union runs on the
        compact union store when there is one."""
        from .scan import query_shape

        if kwargs.get("prefixes") is None:  # the endpoint predefines the project's prefixes; so does this
            kwargs["prefixes"] = {p: str(ns) for p, ns in PREFIXES.items()}
        if default_graph is None and named_graphs is None:
            shape = query_shape(query)
            if self.union_store is not None and shape.reads_union_only(asserted):
                return self.union_store.query(query, **kwargs)
            if not shape.has_dataset:
                default_graph = self.asserted_graph() if asserted else UNION_GRAPH
                named_graphs = self.graph_names(not asserted) if shape.uses_graph else []
        elif named_graphs is None:
            named_graphs = self.graph_names(not asserted)
        elif default_graph is None:
            default_graph = []
        if default_graph is not None:
            kwargs["default_graph"] = default_graph
        if named_graphs is not None:
            kwargs["named_graphs"] = named_graphs
        return self.store.query(query, **kwargs)


def rdf_format_for(path: Path) -> ox.RdfFormat:
    fmt = _EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise DatasetError(
            f"{path}: unknown RDF file extension {path.suffix!r}; use one of {', '.join(sorted(_EXTENSIONS))}"
        )
    return fmt


def load_files(paths: Iterable[os.PathLike | str], compact_union: bool = True, asserted_union: bool = True) -> Snapshot:
    """Load the given RDF files into a fresh snapshot (see the module docstring for where triples go).
    `asserted_union=False` (build_snapshot) only for a snapshot that never answers an asserted-only query."""
    files = [Path(p).expanduser().resolve() for p in paths]
    if not files:
        raise DatasetError("no RDF files given")
    store = ox.Store()
    for path in files:
        fmt = rdf_format_for(path)
        if fmt == ox.RdfFormat.RDF_XML:
            _refuse_dangerous_entities(path)
        iri = path.as_uri()
        to_graph = None if fmt in _DATASET_FORMATS else ox.NamedNode(iri)
        _bulk_load(store, path, fmt, base_iri=iri, to_graph=to_graph)
    return build_snapshot(store, source=", ".join(str(p) for p in files), compact_union=compact_union,
                          asserted_union=asserted_union)


_ENTITY = re.compile(rb"<!ENTITY\s+(%\s+)?[^\s>]+\s+(SYSTEM|PUBLIC|\"[^\"]*\"|'[^']*')", re.IGNORECASE)


def _refuse_dangerous_entities(path: Path) -> None:
    """RDF/XML may declare entities; pyoxigraph expands each at declaration (a 1 KB 'billion laughs' file asks
    for gigabytes). Plain string entities, as ontology editors write them, are fine; external (SYSTEM/PUBLIC),
    parameter entities and entities built from other entities are refused before parsing."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 20)
    doctype = head.find(b"<!DOCTYPE")
    if doctype < 0:
        return
    for m in _ENTITY.finditer(head, doctype):
        value = m.group(2)
        if m.group(1) or value.upper() in (b"SYSTEM", b"PUBLIC") or b"&" in value or b"%" in value:
            raise DatasetError(f"{path}: refusing an RDF/XML entity declaration that is external, a parameter "
                               "entity or built from other entities (possible XXE or entity-expansion attack)")


def load_dataset(data_dir: os.PathLike | str, compact_union: bool = True) -> Snapshot:
    """Load the published generation of `data_dir` (graph/dataset.py knows where its files are) with its
    manifest, then the data of updates (updates_file) on top. The signature is taken first: a generation
    published while this one loads is seen by the watcher."""
    data_dir = Path(data_dir).expanduser()
    signature = ds.signature(data_dir)
    generation = ds.require_loadable(data_dir)
    store = ox.Store()
    _bulk_load(store, generation.dataset_file, ox.RdfFormat.N_QUADS, base_iri=None, to_graph=None)
    from .ui.precompute import read_tables

    owned: set = set(store.named_graphs())
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        owned.add(ox.DefaultGraph())
    updates_signature = add_updates(store, data_dir, frozenset(owned))
    # the UI's tables written with the build describe the build alone: with data of updates on top, computed
    precomputed = read_tables(generation.ui_tables_file) if updates_signature is None else {}
    return build_snapshot(
        store, source=str(generation.path), generation=generation.path.name, manifest=generation.manifest,
        signature=signature, compact_union=compact_union, build_graphs=frozenset(owned),
        updates_signature=updates_signature, precomputed=precomputed,
    )


# --- what updates changed, kept next to the build ------------------------------------------------------------

UPDATES_FILE = "updates.nq"


def updates_file(data_dir: os.PathLike | str) -> Path:
    """`<data_dir>/updates.nq`: every quad SPARQL Update added to the graphs updates own (every graph but the
    build's). Written by the server after each update, read on every load; a rebuild never touches it."""
    return Path(data_dir).expanduser() / UPDATES_FILE


def file_signature(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def add_updates(store: ox.Store, data_dir: Path, build_graphs: frozenset) -> tuple | None:
    """Add the quads of updates_file to `store`; a quad in a graph the build now owns is left out (the build
    wins, with a warning). Returns the file's signature (None when there is none)."""
    path = updates_file(data_dir)
    signature = file_signature(path)
    if signature is None:
        return None
    try:
        quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    except (SyntaxError, OSError, ValueError) as exc:
        raise DatasetError(f"{path}: cannot load the data of updates: {exc}") from None
    kept = [q for q in quads if q.graph_name not in build_graphs]
    if len(kept) < len(quads):
        clashing = sorted({str(q.graph_name) for q in quads if q.graph_name in build_graphs})
        log.warning("%s: %d quads in graphs the build now owns were left out: %s", path, len(quads) - len(kept),
                    ", ".join(clashing[:5]))
    store.bulk_extend(kept)
    return signature


def write_updates(data_dir: Path, quads: Iterable[ox.Quad]) -> tuple | None:
    """Replace updates_file with `quads` (atomically: a new file renamed over the old); remove it when there
    are none. Returns its new signature."""
    path = updates_file(data_dir)
    quads = list(quads)
    if not quads:
        path.unlink(missing_ok=True)
        return None
    tmp = path.with_name(f".{UPDATES_FILE}.{os.getpid()}-{threading.get_ident()}.tmp")
    with open(tmp, "wb") as out:
        ox.serialize(quads, out, format=ox.RdfFormat.N_QUADS)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    return file_signature(path)


def load_snapshot(settings, compact_union: bool = True) -> Snapshot:
    """What `Settings` asks for: the explicit files if any, else the dataset directory."""
    if settings.files:
        return load_files(settings.files, compact_union)
    return load_dataset(settings.data_dir, compact_union)


def _bulk_load(store: ox.Store, path: Path, fmt, base_iri, to_graph) -> None:
    try:
        store.bulk_load(path=str(path), format=fmt, base_iri=base_iri, to_graph=to_graph)
    except SyntaxError as exc:
        raise DatasetError(f"{path}: {exc.msg if hasattr(exc, 'msg') else exc}") from None
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{path}: cannot load: {exc}") from None


def build_snapshot(store: ox.Store, source: str, compact_union: bool = True, asserted_union: bool = True,
                   **meta) -> Snapshot:
    """Materialise the hidden union graphs into `store` (which must hold no hidden graph yet) and count.

    `compact_union=False` leaves out the union store (`with_union_store` adds it later). `asserted_union=False`
    leaves out the asserted-only union, for a snapshot no asserted-only query reads (the build's computing of the
    web UI's tables): it costs as much to make as the union."""
    has_inferred = store.contains_named_graph(INFERRED)
    store.update(
        f"INSERT {{ GRAPH <{UNION_GRAPH.value}> {{ ?s ?p ?o }} }} "
        "WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    )
    if has_inferred and asserted_union:
        store.update(
            f"INSERT {{ GRAPH <{ASSERTED_GRAPH.value}> {{ ?s ?p ?o }} }} WHERE {{ {{ ?s ?p ?o }} UNION "
            f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN (<{INFERRED.value}>, <{UNION_GRAPH.value}>)) }} }}"
        )
    sizes: dict[str, int] = {}
    for row in as_solutions(store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")):
        sizes[row["g"].value] = int(row["n"].value)
    default_size = int(next(iter(as_solutions(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))))["n"].value)
    triples = sizes.pop(UNION_GRAPH.value, 0)
    sizes.pop(ASSERTED_GRAPH.value, None)
    if default_size:
        sizes[""] = default_size
    graphs = tuple(sorted((g for g in store.named_graphs() if g not in HIDDEN_GRAPHS), key=lambda g: str(g)))
    for g in graphs:  # empty named graphs still exist
        sizes.setdefault(g.value, 0)
    snapshot = Snapshot(store=store, graphs=graphs, graph_sizes=sizes, triples=triples,
                        has_inferred=has_inferred, source=source, **meta)
    return with_union_store(snapshot) if compact_union else snapshot


def with_union_store(snapshot: Snapshot) -> Snapshot:
    """The same snapshot with its compact union store (see the module docstring)."""
    assert isinstance(snapshot.store, ox.Store), "only a local store has a compact union store"
    union_store = ox.Store()
    union_store.bulk_load(input=snapshot.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=UNION_GRAPH),
                          format=ox.RdfFormat.N_TRIPLES)
    return dataclasses.replace(snapshot, union_store=union_store)


def stored_quads(snapshot: Snapshot) -> Iterable[ox.Quad]:
    """Every quad of the data as loaded (default graph and named graphs), without the hidden unions."""
    for quad in snapshot.store:
        if quad.graph_name not in HIDDEN_GRAPHS:
            yield quad


def copy_store(snapshot: Snapshot) -> ox.Store:
    """A fresh store with the snapshot's data and no hidden graphs: what an update is applied to."""
    store = ox.Store()
    store.bulk_extend(stored_quads(snapshot))
    for g in snapshot.graphs:
        store.add_graph(g)
    return store


class DatasetWatcher:
    """Polls the data directory (at most once per `interval`) and hands a newly loaded snapshot to `on_load`.

    Loading happens in this thread, on the side; the caller swaps its reference when `on_load` runs, so
    requests never see a half-loaded store. A generation whose target changed is loaded at once; a file
    rewritten in place must look the same on two checks before it is loaded. A load that fails is logged and
    not retried until the directory changes again; the old snapshot keeps serving.
    """

    def __init__(self, data_dir: Path, current: Snapshot, on_load: Callable[[Snapshot], None],
                 interval: float = 1.0, compact_union: bool = True):
        self.data_dir = Path(data_dir)
        self.compact_union = compact_union
        self.on_load = on_load
        self.interval = max(interval, 0.05)
        self._seen = current.signature
        self._pending: tuple | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_error: str | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="itukg-dataset-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check()
            except Exception:  # a watcher that dies silently would freeze the data: log and go on
                log.exception("dataset watcher failed")

    def check(self) -> bool:
        """One poll; True when a new snapshot was loaded and handed over."""
        sig = ds.signature(self.data_dir)
        if sig is None or sig == self._seen:
            self._pending = None
            return False
        target_changed = self._seen is None or sig[0] != self._seen[0]
        if not target_changed and sig != self._pending:
            self._pending = sig  # rewritten in place: wait until it stops changing
            return False
        self._seen = sig
        self._pending = None
        started = time.monotonic()
        try:
            snapshot = load_dataset(self.data_dir, self.compact_union)
        except DatasetError as exc:
            self.last_error = str(exc)
            log.error("new dataset generation not loaded, still serving the previous one: %s", exc)
            return False
        self.last_error = None
        log.info("loaded generation %s (%d triples) in %.2f s", snapshot.generation, snapshot.triples,
                 time.monotonic() - started)
        self.on_load(snapshot)
        return True
