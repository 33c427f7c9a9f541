"""Small helpers shared by the blueprints: the runtime of the current app, RDF and text responses."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import Response, current_app, request

from ..graph.errors import BadRequest
from ..graph.namespaces import PREFIXES
from . import negotiation
from .execute import write_graph
from .runtime import Runtime

#: Prefixes used when writing RDF: the project's, plus the service vocabularies.
OUTPUT_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()} | {
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "void": "http://rdfs.org/ns/void#",
    "formats": "http://www.w3.org/ns/formats/",
    "dcat": "http://www.w3.org/ns/dcat#",
}


def query_prefixes() -> dict[str, str]:
    """Prefixes predefined for queries: the project's, with id: following the configured base IRI."""
    return {p: str(ns) for p, ns in PREFIXES.items()} | {"id": settings().base_iri}


def output_prefixes() -> dict[str, str]:
    return OUTPUT_PREFIXES | {"id": settings().base_iri}


@dataclass(frozen=True)
class BrowserPages:
    """The pages a browser gets where a protocol client gets data or text: the web UI's (ui.register returns
    them) or, when a field is None, the plain built-in templates. One typed object in
    app.extensions["itukg.pages"] rather than loose app.config keys."""

    sparql: Callable[..., Response] | None = None
    not_found: Callable[..., Response] | None = None
    error: Callable[..., Response] | None = None


def browser_pages() -> BrowserPages:
    return current_app.extensions.get("itukg.pages") or BrowserPages()


def runtime() -> Runtime:
    return current_app.extensions["itukg"]


def settings():
    return runtime().settings


def wanted(kind: str, extra: tuple[str, ...] = ()) -> str:
    """Negotiate the current request (Accept, overridden by `format`); NotAcceptable (406) if impossible."""
    return negotiation.negotiate(kind, request.headers.get("Accept"), request.args.getlist("format"), extra)


def flag(name: str, value: str | None, default: bool) -> bool:
    """A true/false parameter; a bare `?asserted` means true, a value that is neither is a 400."""
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in ("true", "1", "yes", "on", ""):
        return True
    if lowered in ("false", "0", "no", "off"):
        return False
    raise BadRequest(f"{name} must be true or false, not {value!r}")


def rdf_response(triples: list, fmt: str, status: int = 200, headers: dict | None = None) -> Response:
    body = write_graph(triples, fmt, output_prefixes())
    response = Response(body, status=status, content_type=negotiation.media_type(fmt))
    response.headers["Vary"] = "Accept"
    for k, v in (headers or {}).items():
        response.headers[k] = v
    return response


def text_response(message: str, status: int = 200, headers: dict | None = None) -> Response:
    response = Response(message.rstrip("\n") + "\n", status=status, content_type="text/plain; charset=utf-8")
    for k, v in (headers or {}).items():
        response.headers[k] = v
    return response


def endpoint_url(path: str) -> str:
    """Absolute URL of `path` on this server, as the client reached it."""
    return request.host_url.rstrip("/") + path
