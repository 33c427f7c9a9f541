"""An external SPARQL 1.1 store as the place the dataset lives: settings, an HTTP client, and the push.

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
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import ConfigError, StoreError, StoreHTTPError, StoreTimeout
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
from .settings_file import read_settings_table

GRAPH_PREFIX = str(GRAPH)

#: Paths of each store type, relative to the --store URL (see docs/external-stores.md). `None`: no GSP.
PRESETS: dict[str, dict[str, str | None]] = {
    "oxigraph": {"query": "/query", "update": "/update", "gsp": "/store"},
    "fuseki": {"query": "/query", "update": "/update", "gsp": "/data"},  # URL = http://host:3030/DATASET
    "virtuoso": {"query": "/sparql", "update": "/sparql-auth", "gsp": "/sparql-graph-crud-auth"},
    "graphdb": {"query": "", "update": "/statements", "gsp": "/rdf-graphs/service"},  # URL = .../repositories/R
    "neptune": {"query": "/sparql", "update": "/sparql", "gsp": "/sparql/gsp/"},
    "generic": {"query": "", "update": "", "gsp": None},  # URL = the SPARQL endpoint itself
}
#: Virtuoso without credentials: the anonymous endpoints (the SPARQL user then needs the SPARQL_UPDATE role).
_VIRTUOSO_ANONYMOUS = {"update": "/sparql", "gsp": "/sparql-graph-crud"}
_KEYS = ("url", "type", "query", "update", "gsp", "timeout", "chunk")


@dataclass
class StoreConfig:
    """Where the store is. `url` plus `type` gives the three endpoints; `query`/`update`/`gsp` override them."""

    url: str
    type: str = "oxigraph"
    query: str | None = None
    update: str | None = None
    gsp: str | None = None
    timeout: float = 300.0  # seconds per HTTP request while pushing
    chunk: int = 5000  # triples per INSERT DATA request when there is no GSP
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.type = (self.type or "oxigraph").lower()
        if self.type not in PRESETS:
            raise ConfigError(f"store type {self.type!r} is not one of {', '.join(PRESETS)}")
        for name in ("url", "query", "update", "gsp"):
            value = getattr(self, name)
            if value in (None, ""):
                continue
            parts = urllib.parse.urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ConfigError(f"store {name} must be an http(s) URL, not {_safe(value)!r}")
            if parts.username or parts.password:
                raise ConfigError(f"store {name}: put no credentials in the URL; set ITUKG_STORE_USER and "
                                  "ITUKG_STORE_PASSWORD instead")
        if not self.url:
            raise ConfigError("the store needs a URL")
        base = self.url.rstrip("/")
        preset = dict(PRESETS[self.type])
        if self.type == "virtuoso" and not self.user:
            preset.update(_VIRTUOSO_ANONYMOUS)
        self.query = self.query or base + preset["query"]
        self.update = self.update or base + preset["update"]
        if self.gsp is None and preset["gsp"] is not None:
            self.gsp = base + preset["gsp"]
        if self.gsp in ("", "none"):
            self.gsp = None
        self.timeout = float(self.timeout)
        self.chunk = int(self.chunk)

    @property
    def name(self) -> str:
        """How messages name the store (never with credentials)."""
        return _safe(self.url)


def _safe(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def store_config(file: str | os.PathLike | None = None, env: Mapping[str, str] | None = None,
                 **overrides: Any) -> StoreConfig | None:
    """The store settings: a `[store]` table of the TOML/JSON settings file < ITUKG_STORE_* variables <
    `overrides` (the CLI flags; None skipped). None when no URL is given anywhere (the local store is used).
    Credentials come only from ITUKG_STORE_USER / ITUKG_STORE_PASSWORD."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    if file is not None:
        values.update(read_settings_table(Path(file), "store"))
    for key in _KEYS:
        if env.get(f"ITUKG_STORE_{key.upper()}"):
            values[key] = env[f"ITUKG_STORE_{key.upper()}"]
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(values) - set(_KEYS)
    if unknown:
        raise ConfigError(f"unknown store setting {sorted(unknown)[0]!r}; known: {', '.join(_KEYS)}")
    if not values.get("url"):
        if len(values) > 0 and any(values.get(k) for k in ("query", "update", "gsp")):
            raise ConfigError("store query/update/gsp URLs need the store URL too (--store URL)")
        return None
    try:
        return StoreConfig(**values, user=env.get("ITUKG_STORE_USER") or None,
                           password=env.get("ITUKG_STORE_PASSWORD") or None)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"store settings: {exc}") from None


# --- HTTP ----------------------------------------------------------------------------------------------

class SparqlClient:
    """The three protocols over urllib: query, update, GSP PUT/GET. Errors become StoreError with the store's
    own message (shortened), never with credentials."""

    def __init__(self, config: StoreConfig):
        self.config = config
        handlers: list = []
        self._digest = None
        if config.user:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {config.query, config.update, config.gsp} - {None}:
                passwords.add_password(None, url, config.user, config.password or "")
            self._digest = urllib.request.HTTPDigestAuthHandler(passwords)
            handlers += [urllib.request.HTTPBasicAuthHandler(passwords), self._digest]
        self._opener = urllib.request.build_opener(*handlers)

    def _authorize(self, req: urllib.request.Request, timeout: float) -> None:
        """Answer the store's challenge before sending a body: a store that refuses an unauthenticated request
        may close the connection while the body is still being sent (Virtuoso's digest endpoints do), which
        urllib's retry-on-401 cannot recover from. So: probe with a bodiless GET, then authorize the request."""
        probe = urllib.request.Request(req.full_url, method="GET", headers={"User-Agent": "itukg"})
        try:
            with urllib.request.urlopen(probe, timeout=timeout) as resp:
                resp.read()
            return
        except urllib.error.HTTPError as exc:
            challenge = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
            exc.close()
        except OSError:
            return  # the real request will report it
        scheme, _, rest = challenge.partition(" ")
        if scheme.lower() == "digest" and self._digest is not None:
            chal = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
            auth = self._digest.get_authorization(req, chal)
            if auth:
                req.add_unredirected_header("Authorization", "Digest " + auth)
        elif scheme.lower() == "basic":
            token = base64.b64encode(f"{self.config.user}:{self.config.password or ''}".encode()).decode()
            req.add_unredirected_header("Authorization", "Basic " + token)

    def request(self, method: str, url: str, *, params: list[tuple[str, str]] | None = None,
                body: bytes | None = None, content_type: str | None = None, accept: str | None = None,
                timeout: float | None = None, what: str = "request"):
        """The open response (caller reads and closes it)."""
        if params and body is None and method == "POST":
            body = urllib.parse.urlencode(params).encode("utf-8")
            content_type = "application/x-www-form-urlencoded"
        elif params:
            url = url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        req = urllib.request.Request(url, data=body, method=method)
        if content_type:
            req.add_header("Content-Type", content_type)
        if accept:
            req.add_header("Accept", accept)
        req.add_header("User-Agent", "itukg")
        try:
            if body and self.config.user:
                self._authorize(req, timeout or self.config.timeout)
            return self._opener.open(req, timeout=timeout or self.config.timeout)
        except urllib.error.HTTPError as exc:
            detail = _error_text(exc)
            exc.close()
            raise StoreHTTPError(exc.code, f"{self.config.name}: {what} failed with HTTP {exc.code}"
                                           + (f": {detail}" if detail else "")) from None
        except (TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                raise StoreTimeout(f"{self.config.name}: {what} timed out") from None
            raise StoreError(f"{self.config.name}: {what} failed: {reason}") from None

    def update(self, text: str, what: str = "update") -> None:
        with self.request("POST", self.config.update, params=[("update", text)], what=what) as resp:
            resp.read()

    def select(self, text: str, params: list[tuple[str, str]] | None = None) -> list[dict]:
        """Rows of a SELECT as {var: pyoxigraph term}."""
        with self.request("POST", self.config.query, params=[("query", text), *(params or [])],
                          accept="application/sparql-results+json", what="query") as resp:
            data = json.loads(resp.read())
        return [{k: json_term(v) for k, v in b.items()} for b in data.get("results", {}).get("bindings", [])]

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """GSP PUT: replace `graph` with the triples (N-Triples is Turtle, which every store accepts)."""
        with self.request("PUT", self.config.gsp, params=[("graph", graph)], body=ntriples,
                          content_type="text/turtle; charset=utf-8", what=f"upload of <{graph}>") as resp:
            resp.read()


def _error_text(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read(2000).decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - the status alone is still a useful message
        return ""
    text = " ".join(text.split())
    return text[:500]


def json_term(value: dict):
    """A SPARQL JSON results term as a pyoxigraph term (Virtuoso's `typed-literal` and `nodeID://` bnodes too)."""
    kind = value.get("type")
    text = value.get("value", "")
    if kind == "uri":
        return ox.NamedNode(text)
    if kind == "bnode":
        return ox.BlankNode(bnode_id(text))
    if kind == "triple":  # RDF-star
        v = value["value"]
        return ox.Triple(json_term(v["subject"]), json_term(v["predicate"]), json_term(v["object"]))
    lang = value.get("xml:lang")
    if lang:
        return ox.Literal(text, language=lang)
    datatype = value.get("datatype")
    if datatype:
        return ox.Literal(text, datatype=ox.NamedNode(datatype))
    return ox.Literal(text)


def bnode_id(text: str) -> str:
    """A valid blank node id for a store's label (Virtuoso says `nodeID://b1234`)."""
    clean = "".join(c if c.isalnum() else "_" for c in text)
    return clean if clean and clean[0].isalpha() else "b" + clean


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


def push(config: StoreConfig, data_dir: Path) -> PushResult:
    """Make the store hold the data directory's current generation (the caller holds the build lock)."""
    from .dataset import require_current

    gen = require_current(data_dir)
    client = SparqlClient(config)
    result = PushResult(config.name)
    docs = {e["sha256"]: e for e in gen.manifest.get("documents", {}).values()}
    inferred = _ntriples([*(gen.inferred_file(sha) for sha in sorted(docs)), gen.reference_inferred_file])
    want = {"documents": sorted(docs), "inferred_sha256": _digest(inferred),
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
        _record(data_dir, config, gen, want, pushed=False)
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
    _record(data_dir, config, gen, want, pushed=True)
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


def _commit_text(staged: list[tuple[str, str]], drops: list[str], state: dict, gen) -> str:
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


def _record(data_dir: Path, config: StoreConfig, gen, state: dict, pushed: bool) -> None:
    """store-sync.json: which generation (documents, hashes) the store holds, for people and scripts."""
    path = Path(data_dir) / "store-sync.json"
    record = {"store": config.name, "type": config.type, "generation": gen.path.name, **state,
              "checked": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "pushed": pushed}
    tmp = path.with_suffix(f".tmp-{os.getpid()}")
    tmp.write_text(json.dumps(record, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def build_into_store(config: StoreConfig, paths=None, data_dir: Path | None = None, fresh: bool = False,
                     progress=None, follow_symlinks: bool = False):
    """`itukg build --store`: the local build (generation + manifest), then the push. Returns (BuildResult,
    PushResult)."""
    from . import dataset as ds
    from .build import build

    data_dir = Path(data_dir) if data_dir else ds.default_data_dir()
    result = build(paths, data_dir, fresh=fresh, progress=progress, follow_symlinks=follow_symlinks)
    with ds.build_lock(data_dir):
        pushed = push(config, data_dir)
    return result, pushed
