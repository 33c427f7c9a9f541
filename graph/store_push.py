"""An external SPARQL 1.1 store as the place the dataset lives: the push, and `itukg build --store`.

`itukg build --store URL` builds as usual (the local data directory keeps the generation and its manifest, so
unchanged documents are reused without re-extraction) and then makes the store hold exactly that generation,
through the SPARQL 1.1 Protocol, Update and (when available) the Graph Store Protocol. docs/external-stores.md
is the user's guide; the design in short:

* **Every graph is replaced whole, all graphs at once.** Each graph to write (a changed document, the inferred
  graph, the ontology and reference graphs) is first uploaded into a *staging* graph `urn:x-itukg:staging:...`
  (GSP PUT, or chunked INSERT DATA when the store has no GSP). Nothing a reader sees has changed yet. Then ONE
  SPARQL Update request does `DROP` (removed documents), `MOVE staging TO target` (replaced graphs), recomputes
  the two materialised unions and replaces the metadata graph. A single update request is one transaction in
  Oxigraph, Fuseki/TDB2, GraphDB, Virtuoso and Neptune, so readers see the old dataset or the new one, never a
  mix, and a crash leaves at most stray staging graphs (dropped by the next push). Why not
  `DROP GRAPH g; INSERT DATA { GRAPH g {...} }` in one request: it carries the whole dataset in one SPARQL text,
  which Virtuoso cannot compile past a few thousand triples ("SQL text exceeded 10000 lines") and other
  stores parse slowly; the request that switches graphs here is a few hundred bytes per changed graph.
* **The union default graph, as a set.** Like the local server (server/store.py), the store holds the union
  of all itukg graphs, deduplicated, in `urn:x-itukg:union` and the asserted-only union in
  `urn:x-itukg:asserted`, recomputed inside the same commit. Queries get them as `default-graph-uri`, so answers
  (COUNTs included) are the same as on the local store, whatever the store's own default-graph semantics.
* **What the store holds** is recorded in the store itself (graph `urn:x-itukg:meta`: the document hashes, the
  hashes of the inferred and reference content, the build manifest), written in the same commit. A push
  compares it with the local generation and sends nothing when nothing changed. The data directory also keeps
  `store-sync.json`, the record of the last push (store URL, generation, document hashes).
* **Credentials** come from ITUKG_STORE_USER / ITUKG_STORE_PASSWORD only (HTTP Basic or Digest, whichever the
  store asks for), are never part of a URL, a log line or an error message.

Where the store is: config.py's [store] section (`StoreSettings`); the HTTP client: graph/store_client.py.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

import pyoxigraph as ox

from ..config import BuildSettings, StoreSettings
from .namespaces import (
    ASSERTED_GRAPH_IRI as ASSERTED,
    GRAPH,
    INFERRED_GRAPH,
    META_DATASET as _DATASET,
    META_GENERATION as _GENERATION,
    META_GRAPH_IRI as META,
    META_MANIFEST as _MANIFEST,
    META_STATE as _STATE,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    STAGING_PREFIX,
    UNION_GRAPH_IRI as UNION,
)
from .store_client import SparqlClient, StoreError

GRAPH_PREFIX = str(GRAPH)


# --- what the store holds ----------------------------------------------------------------------------

def read_meta(client: SparqlClient) -> dict:
    """The store's metadata graph: {"state": {...}, "manifest": {...}, "generation": str} ({} when empty)."""
    rows = client.select(f"SELECT ?k ?v WHERE {{ GRAPH <{META}> {{ <{_DATASET}> ?k ?v }} }}")
    out: dict = {}
    for row in rows:
        key, value = row["k"].value, row["v"].value
        if key == _STATE:
            out["state"] = json.loads(value)
        elif key == _MANIFEST:
            out["manifest"] = json.loads(value)
        elif key == _GENERATION:
            out["generation"] = value
    return out


def _lit(text: str) -> str:
    return str(ox.Literal(text))


class PushState(TypedDict):
    """What the store holds, as its metadata graph records it (`read_meta(...)["state"]`)."""

    documents: list[str]  # sha256 of every document
    inferred_sha256: str
    reference_sha256: str | None


@dataclass
class PushResult:
    store: str
    written: list[str] = field(default_factory=list)  # graph IRIs replaced
    dropped: list[str] = field(default_factory=list)  # graph IRIs removed
    requests: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.written or self.dropped)


def _ntriples(paths: Iterable[Path]) -> bytes:
    """The triples of N-Quads files, as sorted, deduplicated N-Triples."""
    triples = set()
    for path in paths:
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            triples.add(quad.triple)
    lines = sorted(str(t) + " .\n" for t in triples)
    return "".join(lines).encode("utf-8")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def push(store: StoreSettings, data_dir: Path) -> PushResult:
    """Make the store hold the data directory's current generation (the caller holds the build lock)."""
    from .dataset import require_current

    gen = require_current(data_dir)
    client = SparqlClient(store)
    result = PushResult(store.name)
    docs = {e["sha256"]: e for e in gen.manifest.get("documents", {}).values()}
    inferred = _ntriples([*(gen.inferred_file(sha) for sha in sorted(docs)), gen.reference_inferred_file])
    want: PushState = {"documents": sorted(docs), "inferred_sha256": _digest(inferred),
            "reference_sha256": gen.manifest.get("reference_sha256")}
    have = read_meta(client).get("state") or {}
    result.requests += 1

    writes: list[tuple[str, Any]] = []  # (target graph, bytes or a callable giving them)
    for sha in sorted(set(want["documents"]) - set(have.get("documents") or [])):
        writes.append((f"{GRAPH_PREFIX}document/{sha}", functools.partial(_ntriples, [gen.document_file(sha)])))
    if want["inferred_sha256"] != have.get("inferred_sha256"):
        writes.append((str(INFERRED_GRAPH), inferred))
    if want["reference_sha256"] != have.get("reference_sha256") or not want["reference_sha256"]:
        ref = gen.reference_file
        for name in (ONTOLOGY_GRAPH, REFERENCE_GRAPH):
            writes.append((str(name), lambda n=str(name): _graph_from(ref, n)))
    drops = [f"{GRAPH_PREFIX}document/{sha}" for sha in sorted(set(have.get("documents") or []) - set(docs))]
    if not writes and not drops:
        _record(data_dir, store, gen, want, pushed=False)
        return result

    _drop_stale_staging(client)
    token = uuid.uuid4().hex[:12]
    staged = [(f"{STAGING_PREFIX}{token}:{n}", target) for n, (target, _) in enumerate(writes)]
    try:
        for (staging, _), (_, data) in zip(staged, writes):
            result.requests += _stage(client, staging, data() if callable(data) else data)
        client.update(_commit_text(staged, drops, want, gen), what="commit")
        result.requests += 1
    except BaseException:
        try:  # the store still holds the previous dataset; leave no staging graph behind
            client.update(" ;\n".join(f"DROP SILENT GRAPH <{s}>" for s, _ in staged), what="cleanup")
        except StoreError:
            pass
        raise
    result.written = [t for _, t in staged]
    result.dropped = drops
    _record(data_dir, store, gen, want, pushed=True)
    return result


def _graph_from(nquads: Path, graph: str) -> bytes:
    triples = {q.triple for q in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)
               if getattr(q.graph_name, "value", None) == graph}
    return "".join(sorted(str(t) + " .\n" for t in triples)).encode("utf-8")


def _stage(client: SparqlClient, staging: str, ntriples: bytes) -> int:
    """Upload into the staging graph; returns the number of requests made."""
    if client.config.gsp:
        client.put_graph(staging, ntriples)
        return 1
    lines = ntriples.decode("utf-8").splitlines()
    # Blank nodes are scoped to one request: every triple with a blank node goes in the first chunk.
    with_bnodes = [line for line in lines if "_:" in line]
    others = [line for line in lines if "_:" not in line]
    chunks = [with_bnodes + others[: client.config.chunk]] + [
        others[i: i + client.config.chunk] for i in range(client.config.chunk, len(others), client.config.chunk)]
    client.update(f"DROP SILENT GRAPH <{staging}>", what="staging")
    for chunk in chunks:
        if chunk:
            client.update(f"INSERT DATA {{ GRAPH <{staging}> {{\n" + "\n".join(chunk) + "\n} }", what="staging")
    return 1 + len(chunks)


def _commit_text(staged: list[tuple[str, str]], drops: list[str], state: PushState, gen) -> str:
    """The one update request that switches the store to the new generation."""
    ops = [f"DROP SILENT GRAPH <{g}>" for g in drops]
    ops += [f"MOVE SILENT GRAPH <{s}> TO GRAPH <{t}>" for s, t in staged]
    in_itukg = f'STRSTARTS(STR(?g), "{GRAPH_PREFIX}")'
    ops += [
        f"DROP SILENT GRAPH <{UNION}>",
        f"INSERT {{ GRAPH <{UNION}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({in_itukg}) }}",
        f"DROP SILENT GRAPH <{ASSERTED}>",
        f"INSERT {{ GRAPH <{ASSERTED}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER({in_itukg} && ?g != <{INFERRED_GRAPH}>) }}",
        f"DROP SILENT GRAPH <{META}>",
        f"INSERT DATA {{ GRAPH <{META}> {{ <{_DATASET}> <{_STATE}> {_lit(json.dumps(state, sort_keys=True))} ; "
        f"<{_MANIFEST}> {_lit(json.dumps(gen.manifest, sort_keys=True))} ; "
        f"<{_GENERATION}> {_lit(gen.path.name)} }} }}",
    ]
    return " ;\n".join(ops)


def _drop_stale_staging(client: SparqlClient) -> None:
    """Staging graphs left by a push that died before its commit."""
    rows = client.select(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                         f'FILTER(STRSTARTS(STR(?g), "{STAGING_PREFIX}")) }}')
    if rows:
        client.update(" ;\n".join(f"DROP SILENT GRAPH <{r['g'].value}>" for r in rows), what="cleanup")


def _record(data_dir: Path, store: StoreSettings, gen, state: PushState, pushed: bool) -> None:
    """store-sync.json: which generation (documents, hashes) the store holds, for people and scripts."""
    path = Path(data_dir) / "store-sync.json"
    record = {"store": store.name, "type": store.type, "generation": gen.path.name, **state,
              "checked": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "pushed": pushed}
    tmp = path.with_suffix(f".tmp-{os.getpid()}")
    tmp.write_text(json.dumps(record, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def build_into_store(store: StoreSettings, paths=None, data_dir: Path | None = None, fresh: bool = False,
                     progress=None, follow_symlinks: bool = False, settings: BuildSettings | None = None):
    """`itukg build --store`: the local build (generation + manifest), then the push. Returns (BuildResult,
    PushResult). `settings`: as for build()."""
    from . import dataset as ds
    from .build import build

    data_dir = Path(data_dir) if data_dir else (settings or BuildSettings()).data_dir
    result = build(paths, data_dir, fresh=fresh, progress=progress, follow_symlinks=follow_symlinks, settings=settings)
    with ds.build_lock(data_dir):
        pushed = push(store, data_dir)
    return result, pushed
