"""What a running server holds: the current snapshot and the worker pools forked from it, swapped together.

Two pools: the sandboxed query workers (no sockets, no files) for every query, and, only when
`service_allowlist` is set, a small pool of workers that may use the network, for queries whose every SERVICE
names an allowed endpoint (checked in sparql.check_service before they get here).

Fair sharing (server/lanes.py): a query that does not finish within fast_query_seconds leaves the fast pool with
its worker (workers.Detached; a fresh fork takes its place) and finishes in the slow lane, paused until
SlowLane admits it, then reniced; updates pass UpdateGate.
Over a built dataset, updates may not change the build's graphs, and what they own is kept in
`<data_dir>/updates.nq` (store.updates_file), re-applied on every load.

Requests read the state once and keep it, so a reload (new generation) or an update (a new snapshot built on a
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

from ..graph.errors import Conflict, PoolClosed, QueryError, QueryTimeout, ResourceLimit
from ..graph.namespaces import PREFIXES
from . import scan
from .execute import run_job
from .lanes import SLOW_NICE, KnownSlow, SlowLane, UpdateGate, query_key
from .settings import Settings
from .store import (
    DatasetWatcher,
    Snapshot,
    build_snapshot,
    copy_store,
    file_signature,
    load_snapshot,
    updates_file,
    write_updates,
)
from .syntax import syntax_error
from .workers import Detached, OverBudget, WorkerPool

log = logging.getLogger("itukg.server")

#: Workers of the federation pool (at most query_workers): federated queries mostly wait on the network.
SERVICE_WORKERS = 2


class QueryPool(Protocol):
    """What the runtime needs of a pool of query runners: workers.WorkerPool (sandboxed worker processes forked
    from the snapshot) or remote.RemotePool (one HTTP request to the external store, in the caller's thread)."""

    def run(self, job: dict, timeout: float | None = None, deadline: float | None = None) -> dict: ...

    def close(self) -> None: ...

    def kill_all(self) -> None: ...


class _Moved(Exception):
    """A fast-lane job past its budget, with the snapshot it runs on and its detached worker."""

    def __init__(self, snapshot: Snapshot, detached: Detached):
        super().__init__("moved to the slow lane")
        self.snapshot = snapshot
        self.detached = detached


class Runtime:
    def __init__(self, settings: Settings, snapshot: Snapshot | None = None):
        self.settings = settings
        self.started = time.time()
        self.closed = False
        # Everything a query needs is built before the first one is served (the compact union store included):
        # work left for the background after a load made the first requests after it 2-3x slower (issue 15).
        snapshot = snapshot or load_snapshot(settings, compact_union=settings.union_store)
        self._lock = threading.Lock()  # one swap or update at a time
        retry = max(1.0, min(settings.query_timeout, 10.0))
        self.slow_lane: SlowLane | None = None
        if self._lanes_enabled():
            self.slow_lane = SlowLane(settings.slow_workers, settings.slow_queue, settings.client_slow_queries,
                                      retry)
        self.known_slow = KnownSlow()
        self.update_gate = UpdateGate(settings.update_queue, retry)
        self._moved: set = set()  # Detached workers running slow queries (killed at close)
        self._moved_lock = threading.Lock()
        self._state: tuple[Snapshot, QueryPool, QueryPool | None] = (
            snapshot, self._make_pool(snapshot), self._make_service_pool(snapshot))
        self.watcher: DatasetWatcher | None = None
        if not settings.files and settings.reload_interval > 0 and snapshot.signature is not None:
            self.watcher = DatasetWatcher(settings.data_dir, snapshot, self.install, settings.reload_interval,
                                          compact_union=settings.union_store)
            self.watcher.start()

    def _lanes_enabled(self) -> bool:
        s = self.settings
        return 0 < s.fast_query_seconds < s.query_timeout

    def _make_pool(self, snapshot: Snapshot) -> QueryPool:
        s = self.settings
        return WorkerPool(_job_runner(snapshot), s.query_workers, s.query_timeout, s.worker_memory_limit(),
                          private_mb=s.worker_private_mb)

    def _make_service_pool(self, snapshot: Snapshot) -> QueryPool | None:
        """The unsandboxed pool for allowed SERVICE queries; None without an allow-list."""
        s = self.settings
        if not s.service_allowlist:
            return None
        return WorkerPool(_job_runner(snapshot), min(SERVICE_WORKERS, s.query_workers),
                          s.query_timeout, s.worker_memory_limit(), sandbox=False, private_mb=s.worker_private_mb)

    @property
    def snapshot(self) -> Snapshot:
        return self._state[0]

    def install(self, snapshot: Snapshot) -> None:
        """Make `snapshot` current: fork its pool first, then swap, then retire the old pool."""
        with self._lock:
            if (snapshot.build_graphs is not None and not self.settings.files
                    and snapshot.updates_signature != file_signature(updates_file(self.settings.data_dir))):
                # an update was written while this generation loaded: load it again, with that update
                log.info("updates changed while generation %s loaded: loading it again", snapshot.generation)
                snapshot = load_snapshot(self.settings, compact_union=self.settings.union_store)
            self._install_locked(snapshot)

    def _install_locked(self, snapshot: Snapshot) -> None:
        old = self._state
        self._state = (snapshot, self._make_pool(snapshot), self._make_service_pool(snapshot))
        for retired in old[1:]:
            if retired is not None:
                retired.close()

    def run_query(self, make_job: Callable[[Snapshot], dict], federated: bool = False, client: str | None = None,
                  lane: str = "auto") -> tuple[Snapshot, dict]:
        """Run the job built for the current snapshot; returns (snapshot, reply). Raises an Unavailable error
        (QueryTimeout, ServerBusy, WorkerDied, PoolClosed, LaneFull) or TooManyRequests on limits.

        `federated` jobs (allowed SERVICE) go to the networked pool. Every other job starts in the fast lane
        with a budget of fast_query_seconds; past it, it moves to the slow lane (server/lanes.py), all within
        query_timeout from now. A job already known to be slow, or `lane="slow"`, goes to the slow lane at
        once. `client` (the remote address) is what client_slow_queries counts by."""
        timeout = self.settings.query_timeout
        deadline = time.monotonic() + timeout
        if federated:
            return self._run_on(2, make_job, timeout, deadline)
        if self.slow_lane is None:
            return self._run_on(1, make_job, timeout, deadline)
        key = query_key(make_job(self._state[0]))
        if lane == "slow" or key in self.known_slow:
            with self.slow_lane.slot(client, deadline, timeout):
                snapshot, moved = self._start_detached(make_job, timeout, deadline)
                return snapshot, self._finish(moved, deadline)
        try:
            return self._run_on(1, make_job, timeout, deadline, budget=self.settings.fast_query_seconds)
        except _Moved as over:
            self.known_slow.add(key)
            snapshot, moved = over.snapshot, over.detached
        self._track(moved)
        try:
            moved.pause()  # no CPU while it waits for its turn
            with self.slow_lane.slot(client, deadline, timeout):
                return snapshot, self._finish(moved, deadline)
        finally:
            self._untrack(moved)

    def _finish(self, moved: Detached, deadline: float) -> dict:
        """Resume a moved worker at the slow lane's priority and collect its answer (it is killed after)."""
        self._track(moved)
        try:
            moved.resume(nice=SLOW_NICE)
            return moved.finish(deadline)
        finally:
            self._untrack(moved)

    def _track(self, moved: Detached) -> None:
        with self._moved_lock:
            self._moved.add(moved)

    def _untrack(self, moved: Detached) -> None:
        moved.kill()
        with self._moved_lock:
            self._moved.discard(moved)

    def moved_pids(self) -> list[int]:
        """Processes of the slow lane now: moved queries running or paused in the queue."""
        with self._moved_lock:
            return [m.pid for m in self._moved if m.worker.alive]

    def _run_on(self, which: int, make_job: Callable[[Snapshot], dict], timeout: float, deadline: float,
                budget: float | None = None) -> tuple[Snapshot, dict]:
        """Run on pool `which` of the state (1 fast, 2 federation), again on the next state if a reload
        retired the pool in between. With a budget, a job past it comes back as _Moved."""
        for _ in range(5):
            snapshot, fast, service = self._state
            pool = fast if which == 1 else service
            if pool is None:
                raise QueryError("SERVICE is not available on this server (no service_allowlist, or "
                                 "the data comes from an external store)")
            job = make_job(snapshot)
            try:
                if budget is None:
                    return snapshot, pool.run(job, timeout=timeout, deadline=deadline)
                assert isinstance(pool, WorkerPool)  # lanes (a budget) only run on local worker processes
                return snapshot, pool.run(job, timeout=timeout, deadline=deadline, budget=budget)
            except PoolClosed:
                continue  # a reload happened between reading the state and getting a worker
            except OverBudget as over:
                raise _Moved(snapshot, over.detached) from None
        raise PoolClosed()

    def _start_detached(self, make_job: Callable[[Snapshot], dict], timeout: float,
                        deadline: float) -> tuple[Snapshot, Detached]:
        for _ in range(5):
            snapshot, pool = self._state[0], self._state[1]
            assert isinstance(pool, WorkerPool)  # the slow lane exists only over local worker processes
            try:
                return snapshot, pool.start_detached(make_job(snapshot), timeout, deadline)
            except PoolClosed:
                continue
        raise PoolClosed()

    def lanes_state(self) -> dict:
        """What /status shows of the lanes."""
        out: dict = {"update_queue": self.update_gate.queue}
        if self.slow_lane is not None:
            out.update(slow=self.slow_lane.state() | {"processes": len(self.moved_pids())},
                       known_slow_queries=len(self.known_slow))
        return out

    def apply_update(self, update: str, base_iri: str | None) -> Snapshot:
        """Apply a SPARQL Update to a copy of the data and install the result (all or nothing).

        At most one update runs and update_queue wait (UpdateGate: a 503 at once beyond that). The update is
        evaluated in a forked child under query_timeout and worker_memory_mb (a heavy INSERT ... WHERE is
        killed at the deadline: 503), over the union default graph queries see (update_delta); only its
        effect, the quads added and removed, comes back to be applied here. Over a built dataset the graphs of
        the build are not the update's to change (409, check_owned); what updates own is written to
        updates_file before the new data is installed, so a rebuild or a restart keeps it."""
        with self.update_gate.enter(), self._lock:
            current = self._state[0]
            owned = current.build_graphs or frozenset()
            if owned:
                update = scan.limit_drop_all(update, [g.value for g in current.graphs
                                                      if g not in owned and isinstance(g, ox.NamedNode)],
                                             clear_default=ox.DefaultGraph() not in owned)
            added, removed, graphs = self._evaluate_update(current, update, base_iri)
            if owned:
                check_owned(owned, added, removed, current.graphs, graphs)
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
            updates_signature = current.updates_signature
            if current.build_graphs is not None and not self.settings.files:
                updates_signature = write_updates(self.settings.data_dir, (
                    q for q in store if q.graph_name not in owned))
            snapshot = build_snapshot(store, source=current.source, generation=current.generation,
                                      manifest=current.manifest, signature=current.signature,
                                      build_graphs=current.build_graphs, updates_signature=updates_signature,
                                      compact_union=self.settings.union_store)
            self._install_locked(snapshot)
            return snapshot

    def _evaluate_update(self, current: Snapshot, update: str, base_iri: str | None
                         ) -> tuple[list[ox.Quad], list[ox.Quad], list[ox.NamedNode | ox.BlankNode]]:
        from ..graph.isolate import run_each

        s = self.settings
        job = (current, update, base_iri, self._prefixes())
        [(_, kind, value)] = list(run_each(update_delta, [job], timeout=s.query_timeout,
                                           memory_mb=s.worker_memory_limit()))
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
        with self._moved_lock:
            moved = list(self._moved)
        for m in moved:
            m.kill()

    @property
    def reload_error(self) -> str | None:
        return self.watcher.last_error if self.watcher else None


def check_owned(owned: frozenset, added: list, removed: list, before, after) -> None:
    """Conflict (409) when an update's effect touches a graph the build owns: adds or removes a quad there,
    or creates or drops such a graph."""
    touched = {q.graph_name for q in added} | {q.graph_name for q in removed}
    touched |= set(before) ^ set(after)
    hit = sorted(_graph_text(g) for g in touched if g in owned)
    if hit:
        raise Conflict(
            f"This update would change {hit[0]}{f' and {len(hit) - 1} more' if len(hit) > 1 else ''}, which the "
            "build owns (document, inferred and reference graphs are rebuilt from the documents, so a change "
            "there would be lost). Nothing was changed. Updates may write to any other graph (e.g. "
            "GRAPH <https://example.org/my-notes> { ... }); DROP ALL and CLEAR ALL remove only what updates "
            "added.")


def _graph_text(g) -> str:
    return "the default graph" if isinstance(g, ox.DefaultGraph) else f"<{g.value}>" if isinstance(
        g, ox.NamedNode) else str(g)


def update_delta(job: tuple) -> tuple:
    """In a forked child: apply the update to a copy of the data and return what changed, as N-Quads bytes
    (added, removed) and the named graphs after it, or ("error", the QueryError to answer).

    The WHERE of every DELETE/INSERT operation that names no dataset itself (USING, WITH, using-graph-uri)
    sees the union default graph queries see (the hidden union graph, USING) and every named graph
    (USING NAMED); the templates write to the real default and named graphs, as before."""
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
