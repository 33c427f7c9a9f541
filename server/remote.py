"""Serving from an external SPARQL store (`itukg serve --store URL`): the same Snapshot, a remote store behind it.

`RemoteStore` implements the part of pyoxigraph's Store that the server uses (query with default/named graphs,
prefixes and base IRI, quads_for_pattern, contains_named_graph, named_graphs, iteration) by sending SPARQL 1.1
Protocol requests to the store's query endpoint; answers come back as real pyoxigraph terms and results, so
the endpoint, exports, Linked Data pages and the UI run unchanged on a `RemoteSnapshot`. The store holds the
materialised unions `urn:x-itukg:union` / `urn:x-itukg:asserted` (graph/store_push.py writes them), so the default
graph is the same deduplicated union as on the local store.

What replaces the worker processes (`RemoteRuntime`): a query is one HTTP request; it runs in the request's
thread, at most `query_workers` at a time (ServerBusy otherwise), with the HTTP timeout set to what is left of
`query_timeout` (503 when it passes). Stopping the evaluation inside the store is the store's business: set
its own timeout (docs/external-stores.md). The endpoint's other protections hold as they are (sparql.py runs
before this module): result limits, the read-only rule, SERVICE refused; in addition every query sent to the
store must start with SELECT/CONSTRUCT/DESCRIBE/ASK and must not use SERVICE even written with \\u escapes,
because some stores (Virtuoso) execute updates and SERVICE sent as `query=`.

New data: a watcher polls the store's metadata graph every `reload_interval` (at least 1 s) and installs a new
snapshot when another build was pushed.
"""
from __future__ import annotations

import json
import logging
import re
import threading
import time
from dataclasses import dataclass

import pyoxigraph as ox

from ..config import StoreSettings
from ..graph.errors import (
    DatasetError,
    Forbidden,
    QueryError,
    QueryTimeout,
    ServerBusy,
    StoreError,
    StoreHTTPError,
    StoreTimeout,
)
from ..graph.namespaces import ASSERTED_GRAPH_IRI as ASSERTED, EMPTY_GRAPH_IRI as EMPTY, GRAPH, UNION_GRAPH_IRI as UNION
from ..graph.store_client import SparqlClient, bnode_id, json_term
from ..graph.store_push import read_meta
from . import scan
from .execute import SERVICE_DISABLED, run_job
from .runtime import Runtime
from .store import INFERRED, DatasetWatcher, Snapshot

log = logging.getLogger("itukg.server.remote")

_ERROR_AT = re.compile(r"error at (\d+):(?=\d)")  # Oxigraph's positions, counted from our one-line prologue
_SOLUTIONS = "application/sparql-results+json"
_TRIPLES = "application/n-triples, text/turtle;q=0.9"


class RemoteStore:
    """The read side of an external store, shaped like the pyoxigraph Store calls the server makes."""

    def __init__(self, client: SparqlClient, graphs: frozenset[str], deadline: float | None = None):
        self.client = client
        self.graphs = graphs  # every graph the server may name (real ones and the two unions)
        self.deadline = deadline

    def with_deadline(self, deadline: float | None) -> RemoteStore:
        return RemoteStore(self.client, self.graphs, deadline)

    # -- the Store interface -------------------------------------------------------------------------

    def query(self, query: str, *, base_iri: str | None = None, prefixes: dict | None = None,
              default_graph=None, named_graphs=None, use_default_graph_as_union: bool = False, **_ignored):
        form = _check_query(query)
        prologue = "".join(f"PREFIX {p}: <{iri}> " for p, iri in (prefixes or {}).items())
        if base_iri:
            prologue = f"BASE <{base_iri}> " + prologue
        prologue = prologue + "\n" if prologue else ""  # one line: error positions shift by exactly one
        params: list[tuple[str, str]] = [("query", prologue + query)]
        if default_graph is not None or named_graphs is not None:
            defaults = _names(default_graph) if default_graph is not None else []
            params += [("default-graph-uri", g) for g in defaults or [EMPTY]]
            if named_graphs is not None:
                params += [("named-graph-uri", g) for g in _names(named_graphs) or [EMPTY]]
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        with self._open(params, _TRIPLES if graph_form else _SOLUTIONS) as resp:
            content_type = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
            body = self._read(resp)
        if graph_form:
            fmt = ox.RdfFormat.TURTLE if "turtle" in content_type else ox.RdfFormat.N_TRIPLES
            try:
                return list(ox.parse(body, format=fmt))
            except (SyntaxError, ValueError) as exc:
                raise StoreError(f"{self.client.config.name}: unreadable answer: {exc}") from None
        return _solutions(body, form)

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> list[ox.Quad]:
        if any(isinstance(t, ox.BlankNode) for t in (subject, predicate, object, graph_name)):
            return []  # a store's blank node labels cannot be sent back in a query
        graph = graph_name.value if isinstance(graph_name, ox.NamedNode) else None
        if graph is not None and graph not in self.graphs:
            return []
        if graph is not None and subject is None and predicate is None and object is None and self.client.config.gsp:
            return [ox.Quad(t.subject, t.predicate, t.object, graph_name) for t in self._get_graph(graph)]
        terms = [str(t) if t is not None else f"?{v}" for t, v in ((subject, "s"), (predicate, "p"), (object, "o"))]
        where = f"GRAPH {'<' + graph + '>' if graph else '?g'} {{ {' '.join(terms)} }}"
        if graph is None:
            where += (f' FILTER(STRSTARTS(STR(?g), "{GRAPH}") || ?g = <{UNION}> || ?g = <{ASSERTED}>)')
        with self._open([("query", f"SELECT * WHERE {{ {where} }}")], _SOLUTIONS) as resp:
            data = json.loads(self._read(resp))
        out = []
        for b in data.get("results", {}).get("bindings", []):
            row = {k: json_term(v) for k, v in b.items()}
            out.append(ox.Quad(subject or row["s"], predicate or row["p"], object or row["o"],
                               graph_name if graph else row["g"]))
        return out

    def contains_named_graph(self, graph) -> bool:
        return getattr(graph, "value", None) in self.graphs

    def named_graphs(self) -> list:
        return [ox.NamedNode(g) for g in sorted(self.graphs)]

    def __iter__(self):
        for g in sorted(self.graphs - {UNION, ASSERTED}):
            yield from self.quads_for_pattern(None, None, None, ox.NamedNode(g))

    # -- HTTP ----------------------------------------------------------------------------------------

    def _timeout(self) -> float | None:
        if self.deadline is None:
            return None
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise StoreTimeout(f"{self.client.config.name}: query timed out")
        return left

    def _open(self, params, accept: str):
        return self.client.request("POST", self.client.query_url, params=params, accept=accept,
                                   timeout=self._timeout(), what="query")

    def _read(self, resp) -> bytes:
        chunks: list[bytes] = []
        while True:
            self._timeout()  # raises once the deadline passed, even if the store keeps trickling bytes
            chunk = resp.read(1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def _get_graph(self, graph: str) -> list[ox.Triple]:
        with self.client.request("GET", self.client.gsp_url, params=[("graph", graph)],
                                 accept=_TRIPLES, timeout=self._timeout(), what=f"download of <{graph}>") as resp:
            content_type = resp.headers.get("Content-Type", "").lower()
            body = self._read(resp)
        fmt = ox.RdfFormat.TURTLE if "turtle" in content_type else ox.RdfFormat.N_TRIPLES
        return list(ox.parse(body, format=fmt))


def _names(graphs) -> list[str]:
    if isinstance(graphs, (ox.NamedNode, str)):
        graphs = [graphs]
    return [g.value if hasattr(g, "value") else str(g) for g in graphs if not isinstance(g, ox.DefaultGraph)]


def _check_query(query: str) -> str | None:
    """Only queries go to the store, never an update or SERVICE (also hidden behind \\u escapes)."""
    for text in {query, scan.unescape_codepoints(query)}:
        keywords = scan._interesting_keywords(text)
        first = next((k for k in keywords if k not in ("BASE", "PREFIX")), None)
        if first not in scan.QUERY_FORMS:
            raise QueryError("only SELECT, CONSTRUCT, DESCRIBE and ASK queries are accepted (this endpoint is "
                             "read-only)")
        if "SERVICE" in keywords:
            raise QueryError(SERVICE_DISABLED)
    return scan.query_shape(query).form


def _solutions(body: bytes, form: str | None):
    """SPARQL JSON results as pyoxigraph QuerySolutions / QueryBoolean (Virtuoso's quirks smoothed)."""
    data = json.loads(body)
    if "boolean" in data:
        return ox.parse_query_results(json.dumps({"head": {}, "boolean": bool(data["boolean"])}),
                                      format=ox.QueryResultsFormat.JSON)
    bindings = data.get("results", {}).get("bindings", [])
    variables = data.get("head", {}).get("vars", [])
    if form == "ASK":  # Virtuoso 7 answers ASK as a one-column table (__ASK_RETVAL), empty when false
        value = bool(bindings) and all(str(v.get("value")) not in ("0", "false") for v in bindings[0].values())
        return ox.parse_query_results(json.dumps({"head": {}, "boolean": value}), format=ox.QueryResultsFormat.JSON)
    clean = []
    for b in bindings:
        row = {}
        for name, term in b.items():
            term = dict(term)
            if term.get("type") == "typed-literal":
                term["type"] = "literal"
            elif term.get("type") == "bnode":
                term["value"] = bnode_id(term.get("value", ""))
            row[name] = term
        clean.append(row)
    return ox.parse_query_results(json.dumps({"head": {"vars": variables}, "results": {"bindings": clean}}),
                                  format=ox.QueryResultsFormat.JSON)


# --- the snapshot ----------------------------------------------------------------------------------------

@dataclass
class RemoteSnapshot(Snapshot):
    """A Snapshot whose `store` is a RemoteStore (everything else as for a loaded dataset)."""

    config: StoreSettings | None = None


def open_remote(config: StoreSettings, timeout: float = 60.0) -> RemoteSnapshot:
    """What the store holds now: its metadata, graphs and their sizes (DatasetError when it holds no itukg,
    StoreError when it cannot be read)."""
    client = SparqlClient(config)
    meta = read_meta(client)
    if not meta.get("state"):
        raise DatasetError(f"the store at {config.name} holds no itukg dataset; run "
                           f"`itukg build --store {config.name}` first")
    rows = client.select(
        f'SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPH}") '
        f"|| ?g = <{UNION}>) }} GROUP BY ?g")
    sizes = {r["g"].value: int(r["n"].value) for r in rows}
    triples = sizes.pop(UNION, 0)
    graphs = tuple(ox.NamedNode(g) for g in sorted(sizes))
    has_inferred = INFERRED.value in sizes
    known = frozenset(sizes) | {UNION} | ({ASSERTED} if has_inferred else set())
    store = RemoteStore(client, known)
    return RemoteSnapshot(store=store, graphs=graphs, graph_sizes=sizes, triples=triples, has_inferred=has_inferred,
                          source=config.name, generation=meta.get("generation"), manifest=meta.get("manifest") or {},
                          config=config)


# --- the runtime -----------------------------------------------------------------------------------------

class RemotePool:
    """Stands in for the WorkerPool: runs a job as one HTTP request in the caller's thread."""

    def __init__(self, store: RemoteStore, size: int, timeout: float):
        self.store = store
        self.timeout = timeout
        self._slots = threading.BoundedSemaphore(size)

    def run(self, job: dict, timeout: float | None = None, deadline: float | None = None) -> dict:
        timeout = timeout or self.timeout
        deadline = deadline or time.monotonic() + timeout
        if not self._slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise ServerBusy(timeout)
        try:
            return self._run(job, timeout, deadline)
        finally:
            self._slots.release()

    def _run(self, job: dict, timeout: float, deadline: float) -> dict:
        store = self.store.with_deadline(deadline)
        dataset = job.get("dataset")
        kwargs = {} if dataset is None else {"default_graph": dataset["default"], "named_graphs": dataset["named"]}
        try:
            result = store.query(job["query"], base_iri=job.get("base_iri"), prefixes=job.get("prefixes"), **kwargs)
        except StoreTimeout:
            raise QueryTimeout(timeout) from None
        except StoreError as exc:
            status = exc.upstream_status if isinstance(exc, StoreHTTPError) else 0
            if 400 <= status < 500 and status not in (401, 403, 407):  # the store's parser refused it
                message = _ERROR_AT.sub(lambda m: f"error at {int(m.group(1)) - 1}:", exc.message)
                raise QueryError(f"The store refused the query: {message}") from None
            raise StoreError(f"The SPARQL store did not answer the query: {exc}") from None
        return run_job(_Answered(result), job)  # limits and formats exactly as for the local store

    def close(self) -> None:
        pass

    def kill_all(self) -> None:
        pass


class _Answered:
    """A 'store' whose query returns an answer already fetched (so run_job writes it). run_job may read a
    table of solutions twice (native writer, then the row-limited one), so each query gives a fresh copy."""

    def __init__(self, result):
        self.result = result
        self.table = None
        if isinstance(result, ox.QuerySolutions):
            self.table = result.serialize(format=ox.QueryResultsFormat.JSON)

    def query(self, *args, **kwargs):
        if self.table is None:
            return self.result
        return ox.parse_query_results(self.table, format=ox.QueryResultsFormat.JSON)


class RemoteRuntime(Runtime):
    """Runtime over a RemoteSnapshot: no worker processes, no local watcher; polls the store for new builds."""

    def __init__(self, settings, snapshot: RemoteSnapshot):
        super().__init__(settings, snapshot)
        if settings.reload_interval > 0:
            self.watcher = StoreWatcher(snapshot, self.install, max(settings.reload_interval, 1.0))
            self.watcher.start()

    def _lanes_enabled(self) -> bool:
        return False  # the store does the work: one lane, at most query_workers requests to it at once

    def _make_pool(self, snapshot: Snapshot) -> RemotePool:
        assert isinstance(snapshot.store, RemoteStore)  # a RemoteRuntime only ever installs RemoteSnapshots
        return RemotePool(snapshot.store, self.settings.query_workers, self.settings.query_timeout)

    def _make_service_pool(self, snapshot: Snapshot) -> None:
        return None  # SERVICE is never sent to the external store (_check_query), allow-list or not

    def apply_update(self, update: str, base_iri: str | None) -> Snapshot:
        raise Forbidden("this server answers from an external SPARQL store and does not change it; "
                        "update the store directly or run `itukg build --store URL`")


class StoreWatcher(DatasetWatcher):
    """Installs a new RemoteSnapshot when the store's metadata names another generation."""

    def __init__(self, current: RemoteSnapshot, on_load, interval: float):
        self.on_load = on_load
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_error: str | None = None
        assert current.config is not None  # open_remote sets it
        self.config: StoreSettings = current.config
        self._generation = current.generation

    def check(self) -> bool:
        try:
            generation = read_meta(SparqlClient(self.config)).get("generation")
            if generation is None or generation == self._generation:
                return False
            snapshot = open_remote(self.config)
        except (StoreError, DatasetError) as exc:
            if self.last_error != str(exc):
                log.error("cannot check the store for a new build, still serving the previous one: %s", exc)
            self.last_error = str(exc)
            return False
        self.last_error = None
        self._generation = snapshot.generation
        log.info("the store holds generation %s (%d triples): serving it", snapshot.generation, snapshot.triples)
        self.on_load(snapshot)
        return True
