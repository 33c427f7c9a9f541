"""What a running server holds: the current snapshot and the worker pools forked from it, swapped together.

Two pools: the sandboxed query workers (no sockets, no files) for every query, and, only when
`service_allowlist` is set, a small pool of workers that may use the network, for queries whose every SERVICE
names an allowed endpoint (checked in sparql.check_service before they get here).

Requests read the pair once and keep it, so a reload (new generation) or an update (a new snapshot built on a
copy) never changes the data under a request that already started.
"""
from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from typing import Protocol

import pyoxigraph as ox

from ..graph.errors import PoolClosed, QueryError, QueryTimeout, ResourceLimit
from ..graph.namespaces import PREFIXES
from .execute import run_job
from .settings import Settings
from .store import DatasetWatcher, Snapshot, build_snapshot, copy_store, load_snapshot, with_union_store
from .syntax import syntax_error
from .workers import WorkerPool

log = logging.getLogger("itukg.server")

#: Workers of the federation pool (at most query_workers): federated queries mostly wait on the network.
SERVICE_WORKERS = 2


class QueryPool(Protocol):
    """What the runtime needs of a pool of query runners: workers.WorkerPool (sandboxed worker processes forked
    from the snapshot) or remote.RemotePool (one HTTP request to the external store, in the caller's thread)."""

    def run(self, job: dict, timeout: float | None = None, deadline: float | None = None) -> dict: ...

    def close(self) -> None: ...

    def kill_all(self) -> None: ...


class Runtime:
    def __init__(self, settings: Settings, snapshot: Snapshot | None = None):
        self.settings = settings
        self.started = time.time()
        self.closed = False
        # Serve as soon as the data is in; the compact union store (a speed-up) is added in the background.
        snapshot = snapshot or load_snapshot(settings, compact_union=False)
        self._lock = threading.Lock()  # one swap or update at a time
        self._state = (snapshot, self._make_pool(snapshot), self._make_service_pool(snapshot))
        if snapshot.union_store is None and isinstance(snapshot.store, ox.Store):  # (not an external store)
            threading.Thread(target=self._add_union_store, args=(snapshot,), name="itukg-union-store",
                             daemon=True).start()
        self.watcher: DatasetWatcher | None = None
        if not settings.files and settings.reload_interval > 0 and snapshot.signature is not None:
            self.watcher = DatasetWatcher(settings.data_dir, snapshot, self.install, settings.reload_interval)
            self.watcher.start()

    def _make_pool(self, snapshot: Snapshot) -> QueryPool:
        s = self.settings
        return WorkerPool(_job_runner(snapshot), s.query_workers, s.query_timeout, s.worker_memory_mb)

    def _make_service_pool(self, snapshot: Snapshot) -> QueryPool | None:
        """The unsandboxed pool for allowed SERVICE queries; None without an allow-list."""
        s = self.settings
        if not s.service_allowlist:
            return None
        return WorkerPool(_job_runner(snapshot), min(SERVICE_WORKERS, s.query_workers),
                          s.query_timeout, s.worker_memory_mb, sandbox=False)

    @property
    def snapshot(self) -> Snapshot:
        return self._state[0]

    def install(self, snapshot: Snapshot) -> None:
        """Make `snapshot` current: fork its pool first, then swap, then retire the old pool."""
        with self._lock:
            self._install_locked(snapshot)

    def _install_locked(self, snapshot: Snapshot) -> None:
        pool = self._make_pool(snapshot)
        service_pool = self._make_service_pool(snapshot)
        old = self._state
        self._state = (snapshot, pool, service_pool)
        for retired in old[1:]:
            if retired is not None:
                retired.close()

    def _add_union_store(self, snapshot: Snapshot) -> None:
        try:
            compact = with_union_store(snapshot)
        except Exception:  # the server works without it, only slower
            log.exception("could not build the compact union store")
            return
        with self._lock:
            if self._state[0] is snapshot and not self.closed:  # not if a reload or an update came first
                self._install_locked(compact)
                assert compact.union_store is not None  # with_union_store made it
                log.info("compact union store ready (%d triples)", len(compact.union_store))

    def run_query(self, make_job: Callable[[Snapshot], dict], federated: bool = False) -> tuple[Snapshot, dict]:
        """Run the job built for the current snapshot; returns (snapshot, reply). Raises an Unavailable error
        (QueryTimeout, ServerBusy, WorkerDied, PoolClosed) on limits.

        `federated` jobs (allowed SERVICE) go to the networked pool, every other job to the sandboxed one.
        """
        timeout = self.settings.query_timeout
        deadline = time.monotonic() + timeout
        for _ in range(5):
            snapshot, pool, service_pool = self._state
            if federated:
                if service_pool is None:
                    raise QueryError("SERVICE is not available on this server (no service_allowlist, or "
                                     "the data comes from an external store)")
                pool = service_pool
            job = make_job(snapshot)
            try:
                return snapshot, pool.run(job, timeout=timeout, deadline=deadline)
            except PoolClosed:
                continue  # a reload happened between reading the state and getting a worker
        raise PoolClosed()

    def apply_update(self, update: str, base_iri: str | None) -> Snapshot:
        """Apply a SPARQL Update to a copy of the data and install the result (all or nothing).

        The update is evaluated in a forked child under query_timeout and worker_memory_mb (a heavy
        INSERT ... WHERE is killed at the deadline: 503), over the union default graph queries see
        (update_delta); only its effect, the quads added and removed, comes back to be applied here."""
        with self._lock:
            current = self._state[0]
            added, removed, graphs = self._evaluate_update(current, update, base_iri)
            store = copy_store(current)
            for quad in removed:
                store.remove(quad)
            store.bulk_extend(added)
            for g in graphs:
                if not store.contains_named_graph(g):
                    store.add_graph(g)
            for g in list(store.named_graphs()):
                if g not in graphs:
                    store.remove_graph(g)
            snapshot = build_snapshot(store, source=current.source, generation=current.generation,
                                      manifest=current.manifest, signature=current.signature)
            self._install_locked(snapshot)
            return snapshot

    def _evaluate_update(self, current: Snapshot, update: str, base_iri: str | None
                         ) -> tuple[list[ox.Quad], list[ox.Quad], list[ox.NamedNode | ox.BlankNode]]:
        from ..graph.isolate import run_each

        s = self.settings
        job = (current, update, base_iri, self._prefixes())
        [(_, kind, value)] = list(run_each(update_delta, [job], timeout=s.query_timeout,
                                           memory_mb=s.worker_memory_mb))
        if kind == "timeout":
            raise QueryTimeout(s.query_timeout, "nothing was changed. Make its WHERE more selective.", what="update")
        if kind == "memory" or kind == "died":
            raise ResourceLimit("The update needed more memory than a worker may use; nothing was changed.")
        assert isinstance(value, tuple)  # "error": (exception type name, message); "ok": what update_delta returned
        if kind == "error":
            raise RuntimeError(f"update evaluation failed: {value[0]}: {value[1]}")
        if value[0] == "error":
            raise value[1]
        _, added, removed, graphs = value
        fmt = ox.RdfFormat.N_QUADS
        return (list(ox.parse(added, format=fmt)) if added else [],
                list(ox.parse(removed, format=fmt)) if removed else [],
                [ox.NamedNode(g) if not g.startswith("_:") else ox.BlankNode(g[2:]) for g in graphs])

    def _prefixes(self) -> dict[str, str]:
        return {p: str(ns) for p, ns in PREFIXES.items()} | {"id": self.settings.base_iri}

    def close(self) -> None:
        self.closed = True
        if self.watcher is not None:
            self.watcher.stop()
        for pool in self._state[1:]:
            if pool is not None:
                pool.kill_all()

    @property
    def reload_error(self) -> str | None:
        return self.watcher.last_error if self.watcher else None


def update_delta(job: tuple) -> tuple:
    """In a forked child: apply the update to a copy of the data and return what changed, as N-Quads bytes
    (added, removed) and the named graphs after it, or ("error", the QueryError to answer).

    The WHERE of every DELETE/INSERT operation that names no dataset itself (USING, WITH, using-graph-uri)
    sees the union default graph queries see (the hidden union graph, USING) and every named graph
    (USING NAMED); the templates write to the real default and named graphs, as before."""
    from . import scan
    from .store import HIDDEN_GRAPHS, UNION_GRAPH

    current, update, base_iri, prefixes = job
    store = copy_store(current)
    hidden_union = [q for q in current.store.quads_for_pattern(None, None, None, UNION_GRAPH)]
    store.bulk_extend(hidden_union)
    text = update
    if not scan.update_has_dataset_clause(update):
        text = scan.add_using(update, [UNION_GRAPH.value], [g.value for g in current.graphs
                                                             if isinstance(g, ox.NamedNode)])
    try:
        store.update(text, base_iri=base_iri, prefixes=prefixes)
    except SyntaxError as exc:
        return ("error", syntax_error(update, exc, "SPARQL Update"))
    except (OSError, ValueError, RuntimeError) as exc:
        return ("error", QueryError(f"The update could not be applied: {' '.join(str(exc).split())}"))
    added = [q for q in store if q.graph_name not in HIDDEN_GRAPHS and q not in current.store]
    removed = [q for q in current.store if q.graph_name not in HIDDEN_GRAPHS and q not in store]
    graphs = [str(g) if isinstance(g, ox.BlankNode) else g.value for g in store.named_graphs()
              if g not in HIDDEN_GRAPHS]
    fmt = ox.RdfFormat.N_QUADS
    return ("ok", ox.serialize(added, format=fmt) if added else b"",
            ox.serialize(removed, format=fmt) if removed else b"", graphs)


def _job_runner(snapshot: Snapshot):
    """What a query worker runs: execute.run_job on the snapshot's stores, or an export (export.run_export_job)
    for a job with an "export" key."""
    query = functools.partial(run_job, snapshot.store, union_store=snapshot.union_store)

    def handle(job: dict) -> dict:
        if "export" in job:
            from .export import run_export_job

            return run_export_job(snapshot, job["export"])
        return query(job)
    return handle
