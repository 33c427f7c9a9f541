"""Server settings: one dataclass, filled from defaults < a TOML/JSON file < ITUKG_* variables < explicit overrides.

Kept apart from the app so the CLI can build, print and validate settings without starting anything.
"""
from __future__ import annotations

import dataclasses
import os
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..graph.errors import ConfigError
from ..graph.namespaces import DEFAULT_BASE_IRI
from ..graph.settings_file import read_settings_table


def default_data_dir() -> Path:
    """The pipeline's choice (graph/dataset.py): $ITUKG_DATA_DIR, $XDG_DATA_HOME/itukg, ~/.local/share/itukg."""
    from ..graph.dataset import default_data_dir as pipeline_default

    return pipeline_default()


@dataclass
class Settings:
    """Everything the server needs; server/README.md says what each setting protects."""

    host: str = "127.0.0.1"
    port: int = 5000
    data_dir: Path = field(default_factory=default_data_dir)
    #: RDF files to serve instead of the built dataset (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML).
    files: list[Path] = field(default_factory=list)
    base_iri: str = DEFAULT_BASE_IRI
    #: Seconds a query may run before its worker process is killed and the client gets a 503.
    query_timeout: float = 30.0
    #: Rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned at most; larger results are truncated.
    max_results: int = 100_000
    #: Largest accepted request (body or query string), in bytes; larger requests get a 413.
    max_request_bytes: int = 1_000_000
    allow_update: bool = False
    update_token: str | None = field(default=None, repr=False)
    #: SPARQL endpoints a query may name in SERVICE (exact match after normalise_endpoint); empty = SERVICE refused.
    #: Such queries run in separate workers that may use the network (server/workers.py); all others stay sandboxed.
    service_allowlist: tuple[str, ...] = ()
    #: Name of the query parameter that restricts the default dataset to asserted facts.
    asserted_param: str = "asserted"
    cors: bool = True
    #: Waitress threads (concurrent HTTP requests).
    threads: int = 8
    #: Query worker processes (concurrent SPARQL evaluations).
    query_workers: int = 8
    #: Address-space limit per query worker in MiB above what the loaded store needs (0 = none).
    worker_memory_mb: int = 4096
    #: Seconds between two checks of the data directory for a new generation (0 = never reload).
    reload_interval: float = 1.0

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir).expanduser()
        self.files = [Path(f).expanduser() for f in self.files]
        self.service_allowlist = tuple(self.service_allowlist)

    def validate(self) -> Settings:
        """Raise ConfigError naming the first unusable value; return self so calls can chain."""
        if not (0 <= self.port <= 65535):
            raise ConfigError(f"port must be between 0 and 65535, not {self.port}")
        if not self.base_iri.startswith(("http://", "https://")) or not self.base_iri.endswith(("/", "#")):
            raise ConfigError(f"base_iri must be an http(s) IRI ending in / or #, not {self.base_iri!r}")
        for name in ("query_timeout", "max_results", "max_request_bytes", "threads", "query_workers"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive, not {getattr(self, name)}")
        if self.reload_interval < 0 or self.worker_memory_mb < 0:
            raise ConfigError("reload_interval and worker_memory_mb cannot be negative")
        if self.allow_update and not self.update_token:
            raise ConfigError("allow_update needs update_token (ITUKG_UPDATE_TOKEN): updates are never anonymous")
        endpoints = []
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

    @classmethod
    def load(
        cls,
        file: str | os.PathLike | None = None,
        env: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Defaults, then `file` (.toml or .json), then ITUKG_* variables of `env`, then `overrides` (None skipped)."""
        values: dict[str, Any] = {}
        if file is not None:
            values.update(read_settings_table(Path(file), "server", top_level=True))
        values.update(_from_env(os.environ if env is None else env))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.from_mapping(values).validate()

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Settings:
        """Build from plain values (strings are converted), rejecting unknown keys."""
        fields = {f.name: f for f in dataclasses.fields(cls)}
        kwargs = {}
        for key, raw in values.items():
            if key not in fields:
                raise ConfigError(f"unknown setting {key!r}; known: {', '.join(sorted(fields))}")
            kwargs[key] = _coerce(key, raw, fields[key].default if fields[key].default is not dataclasses.MISSING else None)
        return cls(**kwargs)


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


_ENV_PREFIX = "ITUKG_"


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(Settings)}
    out: dict[str, Any] = {}
    for key, value in env.items():
        if key.startswith(_ENV_PREFIX) and key[len(_ENV_PREFIX):].lower() in names:
            out[key[len(_ENV_PREFIX):].lower()] = value
    return out


def _coerce(key: str, raw: Any, default: Any) -> Any:
    """Turn an env/file value into the field's type; a bad value is a ConfigError, never a traceback."""
    try:
        if key in ("data_dir",):
            return Path(str(raw))
        if key == "files":
            items = raw.split(os.pathsep) if isinstance(raw, str) else list(raw)
            return [Path(str(i)) for i in items if str(i).strip()]
        if key == "service_allowlist":
            items = raw.replace(",", " ").split() if isinstance(raw, str) else list(raw)
            return tuple(str(i) for i in items)
        if key == "update_token":
            return None if raw in (None, "") else str(raw)
        if isinstance(default, bool):
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off", ""):
                return False
            raise ValueError(raw)
        if isinstance(default, int):
            if isinstance(raw, bool):
                raise ValueError(raw)
            return int(str(raw).replace("_", "")) if isinstance(raw, str) else int(raw)
        if isinstance(default, float):
            return float(raw)
        return str(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {key}: cannot use {raw!r}") from None


def load_settings(file: str | os.PathLike | None = None, env: Mapping[str, str] | None = None,
                  **overrides: Any) -> Settings:
    """Settings from defaults < `file` (TOML/JSON) < ITUKG_* environment < `overrides` (None values skipped).

    Raises ConfigError with a one-line message for an unreadable file, an unknown key or an unusable value.
    """
    return Settings.load(file, env, **overrides)
