"""itukg's settings, each declared once here: its section, type, default, one-line help, environment variable
and command-line flag. `itukg settings` prints them; docs/settings.md is the same table (a test keeps the two
equal).

One precedence rule for every setting, lowest first: the default declared here < the settings file (TOML or
JSON, `--config FILE`) < the `ITUKG_*` environment < the command line. `load()` applies it and is the only
place in the package that reads the environment; the CLI calls it once per command and passes the sections
down (`build(settings=config.build)`, `serve(config.server)`, `push(config.store, ...)`). Library functions
called without a config use the defaults declared here, never the environment.

Sections: [build] (documents into the dataset), [server] (serving it) and [store] (an external SPARQL store
instead of the local one). `data_dir` and `base_iri` are shared (class `Shared`): one value, written in [build]
or [server], used by the build, the server and the push alike, so a base IRI set in a file moves both the IRIs
the build mints and the routes the server answers.

The settings file holds `[build]`, `[server]` and `[store]` tables; keys outside any table are read as [server]
(the format `serve --config` has always taken).
"""
from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import typing
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field
from pathlib import Path
from typing import Any

from .graph.errors import ConfigError
from .graph.namespaces import DEFAULT_BASE_IRI, check_base_iri

ENV_PREFIX = "ITUKG_"


def default_data_dir() -> Path:
    """$XDG_DATA_HOME/itukg, else ~/.local/share/itukg (the XDG base directory rule)."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "itukg"


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/itukg, else ~/.cache/itukg."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "itukg"


def setting(default: Any = MISSING, *, help: str, env: str, flag: str | None = None,
            factory: Callable[[], Any] | None = None, shown: str | None = None, in_file: bool = True,
            secret: bool = False, empty_is_value: bool = False, check: Callable[[Any], Any] | None = None) -> Any:
    """A dataclass field that is a setting.

    `shown`: the default as the table writes it, when it depends on the machine; `in_file=False`: never read from
    a settings file (credentials); `secret`: never printed; `empty_is_value`: an empty variable is a value (else
    it counts as unset); `check`: raises ValueError(reason) for an unusable value.
    """
    meta = {"help": help, "env": env, "flag": flag, "shown": shown, "in_file": in_file, "secret": secret,
            "empty_is_value": empty_is_value, "check": check}
    if factory is not None:
        return field(default_factory=factory, metadata=meta, repr=not secret)
    return field(default=default, metadata=meta, repr=not secret)


def _positive(value: float) -> None:
    if value <= 0:
        raise ValueError(f"must be positive, not {value!r}")


def _not_negative(value: float) -> None:
    if value < 0:
        raise ValueError(f"cannot be negative (0: no limit), not {value!r}")


def _base_iri_check(value: str) -> None:
    try:
        check_base_iri(value)
    except ConfigError:
        raise ValueError(f"must be an http(s) IRI ending in / or #, not {value!r}") from None


# --- the sections --------------------------------------------------------------------------------------------

@dataclass
class Shared:
    """Settings with one value for the build, the server and the push."""

    data_dir: Path = setting(
        factory=default_data_dir, shown="$XDG_DATA_HOME/itukg, else ~/.local/share/itukg",
        env="ITUKG_DATA_DIR", flag="--data-dir",
        help="where the dataset lives: its generations, manifest and store-sync.json")
    base_iri: str = setting(
        DEFAULT_BASE_IRI, env="ITUKG_BASE_IRI", flag="--base-iri", check=_base_iri_check,
        help="base of instance IRIs: the build mints under it, the server answers for it at /id/...")

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir).expanduser()


@dataclass
class BuildSettings(Shared):
    """How documents become the dataset (graph/build.py)."""

    cache_dir: Path | None = setting(
        factory=default_cache_dir, shown="$XDG_CACHE_HOME/itukg, else ~/.cache/itukg", env="ITUKG_CACHE_DIR",
        empty_is_value=True,
        help="where the gazetteer's tables are cached between builds; empty: no cache")
    # The limits on one document (README "Limits"): a document over one is rejected, alone, and the build goes on.
    max_bytes: int = setting(
        50_000_000, env="ITUKG_MAX_BYTES", check=_positive,
        help="largest document in bytes, and largest uncompressed body (word/document.xml) of a .docx; "
             "a larger one is rejected before it is read or parsed")
    max_text_chars: int = setting(
        2_000_000, env="ITUKG_MAX_TEXT_CHARS", check=_positive,
        help="most characters of text one document may give; a PDF or .docx stops being read past it")
    max_pages: int = setting(
        2000, env="ITUKG_MAX_PAGES", check=_positive,
        help="most pages of a PDF, counted before any text is extracted")
    document_seconds: float = setting(
        60.0, env="ITUKG_DOCUMENT_SECONDS", flag="--document-seconds", check=_not_negative,
        help="seconds one document may take to be read, extracted and validated in its worker process (0: no limit)")
    document_memory_mb: int = setting(
        1024, env="ITUKG_DOCUMENT_MEMORY_MB", flag="--document-memory-mb", check=_not_negative,
        help="MiB of address space one document may add to its worker process (0: no limit)")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.cache_dir is not None:
            self.cache_dir = Path(self.cache_dir).expanduser()

    def validate(self) -> BuildSettings:
        """Raise ConfigError naming the first unusable value; return self so calls can chain."""
        check_base_iri(self.base_iri)
        for name in ("max_bytes", "max_text_chars", "max_pages"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive, not {getattr(self, name)}")
        for name in ("document_seconds", "document_memory_mb"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} cannot be negative (0: no limit), not {getattr(self, name)}")
        return self


@dataclass
class ServerSettings(Shared):
    """Everything the server needs; server/README.md says what each setting protects."""

    host: str = setting("127.0.0.1", env="ITUKG_HOST", flag="--host",
                        help="interface to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface)")
    port: int = setting(5000, env="ITUKG_PORT", flag="-p/--port", help="port to listen on; 0 picks a free one")
    files: list[Path] = setting(
        factory=list, shown="none: the built dataset", env="ITUKG_FILES", flag="FILE arguments of serve",
        help="RDF files to serve as they are instead of the built dataset (in ITUKG_FILES: separated by ':')")
    query_timeout: float = setting(
        30.0, env="ITUKG_QUERY_TIMEOUT", flag="--timeout",
        help="seconds a query may run before its worker process is killed and the client gets a 503")
    max_results: int = setting(
        100_000, env="ITUKG_MAX_RESULTS",
        help="rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned at most; larger results are truncated")
    max_request_bytes: int = setting(
        1_000_000, env="ITUKG_MAX_REQUEST_BYTES",
        help="largest accepted request (body or query string) in bytes; larger requests get a 413")
    allow_update: bool = setting(False, env="ITUKG_ALLOW_UPDATE",
                                 help="accept SPARQL Update on /update (needs update_token)")
    update_token: str | None = setting(None, env="ITUKG_UPDATE_TOKEN", secret=True,
                                       help="the bearer token /update requires: updates are never anonymous")
    service_allowlist: tuple[str, ...] = setting(
        (), env="ITUKG_SERVICE_ALLOWLIST",
        help="SPARQL endpoints a query may call with SERVICE (commas or spaces between them); empty: SERVICE refused")
    asserted_param: str = setting(
        "asserted", env="ITUKG_ASSERTED_PARAM",
        help="name of the query parameter that restricts the default graph to asserted facts")
    cors: bool = setting(True, env="ITUKG_CORS", help="allow cross-origin requests on the read-only endpoints")
    threads: int = setting(
        8, env="ITUKG_THREADS",
        help="waitress threads for fast requests; the server adds one per request the slow lane and the update "
             "queue can hold (slow_workers + slow_queue + 1 + update_queue)")
    query_workers: int = setting(8, env="ITUKG_QUERY_WORKERS",
                                 help="query worker processes of the fast lane: concurrent fast SPARQL evaluations")
    fast_query_seconds: float = setting(
        0.5, env="ITUKG_FAST_QUERY_SECONDS",
        help="seconds a query may run in the fast lane; past it, it is stopped and run again in the slow lane "
             "(within query_timeout). 0: one lane for every query")
    slow_workers: int = setting(2, env="ITUKG_SLOW_WORKERS",
                                help="worker processes of the slow lane (reniced): slow queries and exports at once")
    slow_queue: int = setting(
        4, env="ITUKG_SLOW_QUEUE",
        help="slow queries that may wait for a slow worker; more get a 503 with Retry-After at once")
    client_slow_queries: int = setting(
        2, env="ITUKG_CLIENT_SLOW_QUERIES",
        help="slow queries one client (remote address) may have running or waiting; more get a 429 with Retry-After")
    update_queue: int = setting(
        2, env="ITUKG_UPDATE_QUEUE",
        help="updates that may wait while one runs; more get a 503 with Retry-After at once")
    worker_memory_mb: int | None = setting(
        None, env="ITUKG_WORKER_MEMORY_MB",
        shown="the machine's memory shared by query_workers + slow_workers, at most 4096",
        help="address-space limit per query worker in MiB above what the loaded store needs (0: none); by "
             "default all workers together stay within the machine's memory")
    worker_private_mb: int = setting(
        256, env="ITUKG_WORKER_PRIVATE_MB",
        help="a query worker that came to own more than this many MiB of private memory (pages of the store it "
             "copied: reading Oxigraph's in-memory store writes to the pages it reads) is replaced by a fresh "
             "fork after its query (0: never)")
    union_store: bool = setting(
        True, env="ITUKG_UNION_STORE",
        help="keep a second, compact store holding only the union of the graphs, for faster default-graph "
             "queries (costs memory: about a third of the main store)")
    reload_interval: float = setting(
        1.0, env="ITUKG_RELOAD_INTERVAL",
        help="seconds between two checks of the data directory for a new build (0: never reload)")

    def __post_init__(self) -> None:
        super().__post_init__()
        self.files = [Path(f).expanduser() for f in self.files]
        self.service_allowlist = tuple(self.service_allowlist)

    def worker_memory_limit(self) -> int:
        """worker_memory_mb, or by default the machine's memory shared by every query worker (fast and slow) at
        most 4096 MiB each, so that the workers' limits together never exceed what the machine has."""
        if self.worker_memory_mb is not None:
            return self.worker_memory_mb
        try:
            total_mb = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // (1 << 20)
        except (ValueError, OSError, AttributeError):
            return 4096
        return max(256, min(4096, total_mb // (self.query_workers + self.slow_workers)))

    def validate(self) -> ServerSettings:
        """Raise ConfigError naming the first unusable value; return self so calls can chain."""
        if not (0 <= self.port <= 65535):
            raise ConfigError(f"port must be between 0 and 65535, not {self.port}")
        check_base_iri(self.base_iri)
        for name in ("query_timeout", "max_results", "max_request_bytes", "threads", "query_workers"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive, not {getattr(self, name)}")
        if self.reload_interval < 0 or (self.worker_memory_mb or 0) < 0 or self.worker_private_mb < 0:
            raise ConfigError("reload_interval, worker_memory_mb and worker_private_mb cannot be negative")
        for name in ("fast_query_seconds", "slow_queue", "update_queue"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} cannot be negative, not {getattr(self, name)}")
        for name in ("slow_workers", "client_slow_queries"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive, not {getattr(self, name)}")
        if self.allow_update and not self.update_token:
            raise ConfigError("allow_update needs update_token (ITUKG_UPDATE_TOKEN): updates are never anonymous")
        endpoints: list[str] = []
        for iri in self.service_allowlist:
            try:
                endpoint = normalise_endpoint(iri)
            except ValueError:
                raise ConfigError(f"service_allowlist: {iri!r} is not an absolute http(s) IRI of a SPARQL "
                                  "endpoint (no user or password in it)") from None
            if endpoint not in endpoints:
                endpoints.append(endpoint)
        self.service_allowlist = tuple(endpoints)
        if not self.asserted_param.isidentifier():
            raise ConfigError(f"asserted_param must be a plain parameter name, not {self.asserted_param!r}")
        return self


#: Paths of each store type, relative to the store URL (see docs/external-stores.md). `None`: no GSP.
STORE_PRESETS: dict[str, dict[str, str | None]] = {
    "oxigraph": {"query": "/query", "update": "/update", "gsp": "/store"},
    "fuseki": {"query": "/query", "update": "/update", "gsp": "/data"},  # URL = http://host:3030/DATASET
    "virtuoso": {"query": "/sparql", "update": "/sparql-auth", "gsp": "/sparql-graph-crud-auth"},
    "graphdb": {"query": "", "update": "/statements", "gsp": "/rdf-graphs/service"},  # URL = .../repositories/R
    "neptune": {"query": "/sparql", "update": "/sparql", "gsp": "/sparql/gsp/"},
    "generic": {"query": "", "update": "", "gsp": None},  # URL = the SPARQL endpoint itself
}
#: Virtuoso without credentials: the anonymous endpoints (the SPARQL user then needs the SPARQL_UPDATE role).
_VIRTUOSO_ANONYMOUS = {"update": "/sparql", "gsp": "/sparql-graph-crud"}
_FROM_TYPE = "the URL + the type's path"


@dataclass
class StoreSettings:
    """Where the external store is (docs/external-stores.md). `url` plus `type` gives the three endpoints;
    `query`/`update`/`gsp` override them. Without a URL there is no store section: the local store is used."""

    url: str = setting(env="ITUKG_STORE_URL", flag="--store", shown="none: the local store",
                       help="the SPARQL 1.1 store to build into, serve from, query and export")
    type: str = setting("oxigraph", env="ITUKG_STORE_TYPE", flag="--store-type",
                        help="which endpoint paths to derive from the URL: " + ", ".join(STORE_PRESETS))
    query: str | None = setting(None, env="ITUKG_STORE_QUERY", flag="--store-query", shown=_FROM_TYPE,
                                help="the query endpoint")
    update: str | None = setting(None, env="ITUKG_STORE_UPDATE", flag="--store-update", shown=_FROM_TYPE,
                                 help="the update endpoint")
    gsp: str | None = setting(None, env="ITUKG_STORE_GSP", flag="--store-gsp", shown=_FROM_TYPE,
                              help="the Graph Store Protocol endpoint; none: no GSP, upload with INSERT DATA")
    timeout: float = setting(300.0, env="ITUKG_STORE_TIMEOUT", help="seconds per HTTP request to the store (push, query, export)")
    chunk: int = setting(5000, env="ITUKG_STORE_CHUNK",
                         help="triples per INSERT DATA request when the store has no Graph Store endpoint")
    user: str | None = setting(None, env="ITUKG_STORE_USER", in_file=False,
                               help="user for HTTP Basic or Digest authentication; from the environment only")
    password: str | None = setting(None, env="ITUKG_STORE_PASSWORD", in_file=False, secret=True,
                                   help="password for the store; from the environment only, never printed")

    def __post_init__(self) -> None:
        self.type = (self.type or "oxigraph").lower()
        if self.type not in STORE_PRESETS:
            raise ConfigError(f"store type {self.type!r} is not one of {', '.join(STORE_PRESETS)}")
        for name in ("url", "query", "update", "gsp"):
            value = getattr(self, name)
            if value in (None, "") or (name == "gsp" and value == "none"):
                continue
            parts = urllib.parse.urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ConfigError(f"store {name} must be an http(s) URL, not {safe_url(value)!r}")
            if parts.username or parts.password:
                raise ConfigError(f"store {name}: put no credentials in the URL; set ITUKG_STORE_USER and "
                                  "ITUKG_STORE_PASSWORD instead")
        if not self.url:
            raise ConfigError("the store needs a URL")
        base = self.url.rstrip("/")
        preset = dict(STORE_PRESETS[self.type])
        if self.type == "virtuoso" and not self.user:
            preset.update(_VIRTUOSO_ANONYMOUS)
        self.query = self.query or base + (preset["query"] or "")
        self.update = self.update or base + (preset["update"] or "")
        if self.gsp is None and preset["gsp"] is not None:
            self.gsp = base + preset["gsp"]
        if self.gsp in ("", "none"):
            self.gsp = None
        self.timeout = float(self.timeout)
        self.chunk = int(self.chunk)

    @property
    def name(self) -> str:
        """How messages name the store (never with credentials)."""
        return safe_url(self.url)


def safe_url(url: str) -> str:
    """`url` without user information, query or fragment: fit for a message or a log line."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20\x7f]')


def normalise_endpoint(iri: str) -> str:
    """The form SERVICE IRIs and allow-list entries are compared in (exactly, once both are normalised).

    Scheme and host in lower case, the default port (80 for http, 443 for https) left out, an empty path
    written `/`; path, query and fragment are kept as they are. ValueError unless `iri` is an absolute http(s)
    IRI with a host and without user information.
    """
    if not isinstance(iri, str) or _IRI_FORBIDDEN.search(iri):
        raise ValueError(iri)
    parts = urllib.parse.urlsplit(iri)
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in ("http", "https") or not host or "@" in parts.netloc:
        raise ValueError(iri)
    port = parts.port  # ValueError when not a number in range
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None or port == {"http": 80, "https": 443}[scheme] else f"{host}:{port}"
    return urllib.parse.urlunsplit((scheme, netloc, parts.path or "/", parts.query, parts.fragment))


# --- the declarations, as a table ------------------------------------------------------------------------

SECTIONS: dict[str, type] = {"build": BuildSettings, "server": ServerSettings, "store": StoreSettings}
SHARED = tuple(f.name for f in dataclasses.fields(Shared))


@dataclass(frozen=True)
class Setting:
    """One declared setting, as `itukg settings` and docs/settings.md show it."""

    section: str  #: its table in the settings file; the shared ones: "build, server"
    name: str
    kind: str  #: its type in words
    default: str  #: as the table writes it
    env: str
    flag: str | None
    help: str
    in_file: bool
    secret: bool
    empty_is_value: bool
    check: Callable[[Any], Any] | None
    hint: Any  #: its type, for converting text

    @property
    def key(self) -> str:
        return f"{self.section.split(',')[0]}.{self.name}"


@functools.lru_cache(maxsize=1)
def declared() -> tuple[Setting, ...]:
    """Every setting, in table order: the shared ones, then each section's own."""
    out = []
    for section, cls in SECTIONS.items():
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            if f.name in SHARED and section != "build":
                continue  # listed once, with the build's
            where = "build, server" if f.name in SHARED and section != "store" else section
            out.append(Setting(where, f.name, _kind(hints[f.name]), _default_text(f), f.metadata["env"],
                               f.metadata["flag"], f.metadata["help"], f.metadata["in_file"],
                               f.metadata["secret"], f.metadata["empty_is_value"], f.metadata["check"],
                               hints[f.name]))
    return tuple(out)


def _kind(hint: Any) -> str:
    args = typing.get_args(hint)
    if type(None) in args:
        return _kind(next(a for a in args if a is not type(None))) + " or empty"
    if typing.get_origin(hint) in (list, tuple):
        return "list of " + {Path: "paths", str: "texts"}[args[0]]
    return {Path: "path", str: "text", int: "integer", float: "number", bool: "true/false"}[hint]


def _default_text(f: dataclasses.Field) -> str:
    if f.metadata["shown"]:
        return f.metadata["shown"]
    value = f.default
    if value is None or value == ():
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def markdown_table() -> str:
    """The table of docs/settings.md."""
    rows = ["| setting | section | default | environment | flag | what it is |", "|---|---|---|---|---|---|"]
    for s in declared():
        rows.append(f"| `{s.name}` | {s.section} | {_md(s.default)} | `{s.env}` | "
                    f"{_md(s.flag) if s.flag else ''} | {s.help} |")
    return "\n".join(rows) + "\n"


def _md(text: str) -> str:
    """A value or option as code; prose ("none: the local store", "FILE arguments of serve") as it is."""
    prose = text == "none" or ": " in text or text.startswith("the ") or " of " in text
    return text if prose else f"`{text}`"


# --- loading --------------------------------------------------------------------------------------------

@dataclass
class Config:
    """The three sections, loaded once; `origins` says where each value came from (`itukg settings --values`)."""

    build: BuildSettings = field(default_factory=BuildSettings)
    server: ServerSettings = field(default_factory=ServerSettings)
    store: StoreSettings | None = None
    origins: dict[str, str] = field(default_factory=dict)  #: Setting.key -> "default", a file, a variable, a flag

    def value(self, s: Setting) -> Any:
        """The value in effect for one declared setting (None for the store's when there is no store)."""
        section = {"store": self.store, "server": self.server}.get(s.section, self.build)
        return None if section is None else getattr(section, s.name)


def _bucket(section: str, name: str) -> str:
    """Where a value of `name` written in `section` goes: the shared settings have one value for all sections."""
    return "shared" if name in SHARED and section != "store" else section


def load(file: str | os.PathLike | None = None, env: Mapping[str, str] | None = None,
         flags: Mapping[str, Mapping[str, Any]] | None = None) -> Config:
    """Every section from its defaults < `file` (TOML/JSON) < the ITUKG_* variables of `env` (default: this
    process's environment) < `flags` ({section: {setting: value}}, None values skipped).

    Values are converted and checked one by one, so a bad one is a ConfigError saying where it came from; the
    rules that tie settings together are each section's validate(), run by whoever uses the section (a build
    does not fail on a server setting). Raises ConfigError with a one-line message.
    """
    env = os.environ if env is None else env
    table = {(_bucket(s.section.split(",")[0], s.name), s.name): s for s in declared()}
    chosen: dict[str, dict[str, Any]] = {"shared": {}, "build": {}, "server": {}, "store": {}}
    origins: dict[str, str] = {}

    def put(section: str, name: str, raw: Any, origin: str) -> None:
        s = table.get((_bucket(section, name), name))
        if s is None:
            known = ", ".join(f.name for f in dataclasses.fields(SECTIONS[section]))
            raise ConfigError(f"unknown setting {name!r} in [{section}] ({origin}); known: {known}")
        chosen[_bucket(section, name)][name] = _convert(s, raw, origin)
        origins[s.key] = origin

    if file is not None:
        for section, name, raw, origin in _file_values(Path(file), table):
            put(section, name, raw, origin)
    for s in table.values():
        raw = env.get(s.env)
        if raw is not None and (raw != "" or s.empty_is_value):
            put(s.key.split(".")[0], s.name, raw, s.env)
    for section, values in (flags or {}).items():
        for name, raw in values.items():
            flagged = table.get((_bucket(section, name), name))
            if raw is not None:
                put(section, name, raw, flagged.flag if flagged is not None and flagged.flag else "the arguments")

    store = None
    if chosen["store"].get("url"):
        store = StoreSettings(**chosen["store"])
    elif any(chosen["store"].get(k) for k in ("query", "update", "gsp")):
        raise ConfigError("store query/update/gsp URLs need the store URL too (--store URL)")
    for s in table.values():
        origins.setdefault(s.key, "default")
    return Config(BuildSettings(**chosen["shared"], **chosen["build"]),
                  ServerSettings(**chosen["shared"], **chosen["server"]), store, origins)


def _file_values(path: Path, table: dict) -> list[tuple[str, str, Any, str]]:
    """(section, setting, value, origin) for every key of a settings file; keys outside the tables are [server]'s.
    A setting written twice (a shared one in [build] and [server], a key at the top and in [server]) must say
    the same both times: it has one value."""
    out: list[tuple[str, str, Any, str]] = []
    seen: dict[tuple[str, str], tuple[Any, str]] = {}
    for key, value in read_settings_file(path).items():
        if key in SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: [{key}] must be a table")
            items = [(key, name, raw, f"[{key}]") for name, raw in value.items()]
        else:
            items = [("server", key, value, "the top level")]
        for section, name, raw, where in items:
            s = table.get((_bucket(section, name), name))
            if s is not None and not s.in_file:
                raise ConfigError(f"{path}: {name} is read from {s.env} only, never from a file")
            previous = seen.get((_bucket(section, name), name))
            if previous is not None and previous[0] != raw:
                raise ConfigError(f"{path}: {name} is set twice ({previous[1]} and {where}) with two values")
            seen[(_bucket(section, name), name)] = (raw, where)
            out.append((section, name, raw, f"{path} [{section}]"))
    return out


def read_settings_file(path: Path) -> dict[str, Any]:
    """A settings file as a mapping: TOML, or JSON when it ends in .json."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read settings file {path}: {exc.strerror}") from None
    kind = "JSON" if path.suffix.lower() == ".json" else "TOML"
    try:
        if kind == "JSON":
            data = json.loads(raw)
        else:
            try:
                import tomllib
            except ModuleNotFoundError:  # Python 3.10
                raise ConfigError("TOML settings need Python 3.11+; use a .json file") from None
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid {kind}: {' '.join(str(exc).split())}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a table of settings")
    return data


def _convert(s: Setting, raw: Any, origin: str) -> Any:
    """A file, variable or flag value as the setting's type; a bad value is a one-line ConfigError naming where
    it came from, never a traceback."""
    try:
        value = _as(s.hint, raw)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {s.name} from {origin}: cannot use {raw!r} ({s.kind})") from None
    if s.check is not None and value is not None:
        try:
            s.check(value)
        except ValueError as exc:
            raise ConfigError(f"setting {s.name} from {origin}: {exc}") from None
    return value


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


def _as(hint: Any, raw: Any) -> Any:
    """`raw` (text from a variable or flag, or a TOML/JSON value) as a value of type `hint`; ValueError if not."""
    args = typing.get_args(hint)
    if type(None) in args:
        return None if raw is None or raw == "" else _as(next(a for a in args if a is not type(None)), raw)
    origin = typing.get_origin(hint)
    if origin is list:
        items = raw.split(os.pathsep) if isinstance(raw, str) else list(raw)
        return [_as(args[0], i) for i in items if str(i).strip()]
    if origin is tuple:
        items = raw.replace(",", " ").split() if isinstance(raw, str) else list(raw)
        return tuple(_as(args[0], i) for i in items)
    if hint is bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        raise ValueError(raw)
    if hint is int:
        if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
            raise ValueError(raw)
        return int(raw.replace("_", "")) if isinstance(raw, str) else int(raw)
    if hint is float:
        if isinstance(raw, bool):
            raise ValueError(raw)
        return float(raw)
    if hint is Path:
        if not isinstance(raw, (str, os.PathLike)) or str(raw) == "":
            raise ValueError(raw)
        return Path(raw).expanduser()
    if isinstance(raw, (dict, list)):
        raise ValueError(raw)
    return str(raw)
