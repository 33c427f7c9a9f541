"""The SPARQL 1.1 Protocol: /sparql (read-only queries, service description) and /update (token only).

One small function per concern: read the parameters (`read_params`), decide what the request is
(`read_query_request`, `read_update_request`), choose the dataset (`dataset_for`), run, answer. Every client
mistake becomes an ItukgError (graph/errors.py) with a sentence that says what to change.

Dataset rules (documented in the service description): without default-graph-uri / named-graph-uri and without
FROM in the query, the default graph is the union of all graphs and every named graph is available;
`asserted=true` (the name is a setting) leaves out ig:inferred from both. default-graph-uri / named-graph-uri
select among graphs the server holds; an unknown graph is a 400, never a fetch.
"""
from __future__ import annotations

import hmac
import urllib.parse
from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from ..graph.errors import (
    BadRequest,
    Forbidden,
    ItukgError,
    PayloadTooLarge,
    QueryError,
    Unauthorized,
    UnsupportedMediaType,
)
from . import negotiation, scan
from .execute import SERVICE_DISABLED, check_reply
from .http import (
    browser_pages,
    flag,
    output_prefixes,
    query_prefixes,
    rdf_response,
    runtime,
    settings,
    text_response,
)
from .service_description import service_description
from .settings import normalise_endpoint
from .store import HIDDEN_GRAPHS, INFERRED, Snapshot

bp = Blueprint("sparql", __name__)

_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_READ_ONLY = ("This endpoint is read-only: SPARQL Update is not accepted on /sparql. "
              "Updates go to POST /update with a bearer token, when the server allows them.")


@dataclass
class Params:
    """The request's parameters (query string and form body together) and its direct body, if any."""

    pairs: list[tuple[str, str]] = field(default_factory=list)
    body: str | None = None  # the text of a direct POST (application/sparql-query or -update)
    body_type: str | None = None

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.pairs if k == name]

    def one(self, name: str) -> str | None:
        values = self.all(name)
        if len(values) > 1:
            raise BadRequest(f"the parameter {name!r} was given {len(values)} times; give it once")
        return values[0] if values else None

    def has(self, name: str) -> bool:
        return any(k == name for k, _ in self.pairs)


def _decode_pairs(raw: bytes, where: str) -> list[tuple[str, str]]:
    """application/x-www-form-urlencoded bytes -> pairs, strictly UTF-8 (Werkzeug would replace bad bytes)."""
    out: list[tuple[str, str]] = []
    try:
        for item in raw.split(b"&"):
            if not item:
                continue
            key, _, value = item.partition(b"=")
            name, text = (urllib.parse.unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
                          for part in (key, value))
            out.append((name, text))
        return out
    except UnicodeDecodeError:
        raise BadRequest(f"the {where} is not valid UTF-8 once percent-decoded") from None


def _read_body(limit: int) -> bytes:
    length = request.content_length
    if length is not None and length > limit:
        raise PayloadTooLarge(f"the request body has {length} bytes; the limit is {limit}")
    data = request.stream.read(limit + 1)
    if len(data) > limit:
        raise PayloadTooLarge(f"the request body is larger than the limit of {limit} bytes")
    return data


def _charset_is_utf8() -> bool:
    charset = request.mimetype_params.get("charset")
    return charset is None or charset.lower().replace("_", "-") in ("utf-8", "utf8")


def read_params(direct_types: tuple[str, ...]) -> Params:
    """Parameters of a GET or POST, checking size, media type and UTF-8 (the Protocol's rules, 2.1 and 2.2)."""
    limit = settings().max_request_bytes
    raw_query = request.query_string
    if len(raw_query) > limit:
        raise PayloadTooLarge(f"the query string has {len(raw_query)} bytes; the limit is {limit}")
    params = Params(_decode_pairs(raw_query, "query string"))
    if request.method != "POST":
        return params
    mimetype = request.mimetype
    if not mimetype:
        raise UnsupportedMediaType("a POST needs a Content-Type: application/x-www-form-urlencoded (query=... in the "
                                   f"body) or {' or '.join(direct_types)} (the text as the body)")
    if not _charset_is_utf8():
        raise UnsupportedMediaType(f"only UTF-8 is accepted, not charset={request.mimetype_params.get('charset')}")
    body = _read_body(limit)
    if mimetype == _FORM:
        params.pairs += _decode_pairs(body, "form body")
        return params
    if mimetype in (_QUERY, _UPDATE):
        try:
            params.body = body.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest("the request body is not valid UTF-8") from None
        params.body_type = mimetype
        return params
    raise UnsupportedMediaType(f"unsupported Content-Type {mimetype}; use {_FORM} or {' or '.join(direct_types)}")


def _iri_list(params: Params, name: str) -> list[str]:
    values = params.all(name)
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise BadRequest(f"{name}={value!r} is not an absolute IRI") from None
    return values


def _flag(params: Params, name: str) -> bool:
    return flag(name, params.one(name), False)


@dataclass
class QueryRequest:
    query: str
    default_graphs: list[str]
    named_graphs: list[str]
    asserted: bool
    formats: list[str]
    shape: scan.QueryShape
    federated: bool = False  # uses SERVICE, every endpoint in the allow-list: runs in a networked worker


def read_query_request(params: Params) -> QueryRequest | None:
    """The query of a /sparql request, or None when it asks for the service description."""
    if params.has("update") or params.body_type == _UPDATE:
        raise QueryError(_READ_ONLY)
    queries = params.all("query") + ([params.body] if params.body is not None else [])
    if len(queries) > 1:
        raise BadRequest("the request holds more than one query (a query parameter given twice, or both "
                         "in the URL and the body); send exactly one")
    if not queries:
        if request.method in ("GET", "HEAD") and not (params.has("default-graph-uri")
                                                      or params.has("named-graph-uri")):
            return None
        raise BadRequest("no query: pass it as the query parameter (GET or form POST) or as the body of a "
                         "POST with Content-Type application/sparql-query")
    query = queries[0]
    if not query.strip():
        raise QueryError("the query is empty")
    scan.check_nesting(query, "query")
    shape = scan.query_shape(query)
    if shape.looks_like_update:
        raise QueryError(_READ_ONLY)
    federated = shape.uses_service and check_service(query)
    return QueryRequest(
        query=query,
        default_graphs=_iri_list(params, "default-graph-uri"),
        named_graphs=_iri_list(params, "named-graph-uri"),
        asserted=_flag(params, settings().asserted_param),
        formats=params.all("format"),
        shape=shape,
        federated=federated,
    )


def check_service(query: str) -> bool:
    """True when every SERVICE of `query` names an endpoint of service_allowlist; else a 400 naming one.

    Without an allow-list SERVICE is refused outright. Queries the keyword scanner sees no SERVICE in are
    never routed here: they run in the sandboxed workers, where a hidden SERVICE cannot open a socket.
    """
    allowed = settings().service_allowlist
    if not allowed:
        raise QueryError(SERVICE_DISABLED)
    endpoints = scan.service_endpoints(query)  # a SERVICE it cannot check is a QueryError
    allowed_set = {normalise_endpoint(e) for e in allowed}
    for endpoint in endpoints:
        try:
            normalised = normalise_endpoint(endpoint)
        except ValueError:
            normalised = None
        if normalised not in allowed_set:
            raise QueryError(f"SERVICE <{endpoint}> is refused: this endpoint is not in the server's "
                             "service_allowlist (endpoints must be written as absolute IRIs)")
    return True


def dataset_for(req: QueryRequest, snapshot: Snapshot) -> dict | None:
    """The job's dataset: explicit graphs, the query's own FROM (None), or the (asserted) union."""
    asserted_name = settings().asserted_param
    if req.default_graphs or req.named_graphs:
        known = {g.value for g in snapshot.graphs} | {g.value for g in HIDDEN_GRAPHS}
        for iri in req.default_graphs + req.named_graphs:
            if iri not in known:
                raise BadRequest(f"this server holds no graph <{iri}>; GET /sparql lists the graphs it "
                                 "holds (graphs are never fetched from the web)")
            if req.asserted and iri == INFERRED.value:
                raise BadRequest(f"{asserted_name}=true excludes <{iri}>, which the request also names")
        return {"default": req.default_graphs, "named": req.named_graphs}
    if req.shape.has_dataset:
        if req.asserted:
            raise BadRequest(f"{asserted_name}=true applies to the default dataset, but this query names "
                             "its own with FROM / FROM NAMED")
        return None
    default = snapshot.asserted_graph() if req.asserted else snapshot.default_graph
    if not req.shape.uses_graph:  # named graphs are reachable only through GRAPH
        return {"default": [default.value], "named": [], "union_only": req.shape.reads_union_only(req.asserted)}
    return {"default": [default.value], "named": [g.value for g in snapshot.graph_names(not req.asserted)]}


_KIND_OF_FORM = {"SELECT": "tabular", "ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}


def formats_for(req: QueryRequest) -> dict:
    """A format per kind of answer; the query's own kind must be satisfiable (else 406 before evaluating)."""
    accept = request.headers.get("Accept")
    out: dict[str, str | None] = {}  # None: no acceptable format for that kind (fine unless it is the query's)
    for kind in ("tabular", "boolean", "graph"):
        try:
            out[kind] = negotiation.negotiate(kind, accept, req.formats)
        except ItukgError:  # an unknown or impossible format (400, 406)
            if _KIND_OF_FORM.get(req.shape.form or "") == kind:
                raise
            out[kind] = None
    return out


def answer(reply: dict, snapshot: Snapshot) -> Response:
    check_reply(reply)
    response = Response(reply["body"], content_type=negotiation.media_type(reply["format"]))
    response.headers["Vary"] = "Accept"
    if reply.get("truncated"):
        response.headers["X-Itukg-Truncated"] = f"true; max_results={settings().max_results}"
    if snapshot.generation:
        response.headers["X-Itukg-Generation"] = snapshot.generation
    return response


def run_query(req: QueryRequest, base_iri: str) -> Response:
    snapshot, reply = execute_query(req, base_iri, formats_for(req))
    return answer(reply, snapshot)


def execute_query(req: QueryRequest, base_iri: str, formats: dict) -> tuple[Snapshot, dict]:
    limit = settings().max_results
    prefixes, out_prefixes = query_prefixes(), output_prefixes()

    def make_job(snapshot: Snapshot) -> dict:
        return {"query": req.query, "base_iri": base_iri, "prefixes": prefixes,
                "dataset": dataset_for(req, snapshot), "formats": formats, "max_results": limit,
                "out_prefixes": out_prefixes, "federated": req.federated,
                "services": scan.service_endpoints(req.query) if req.federated else []}

    return runtime().run_query(make_job, federated=req.federated, client=request.remote_addr)


# --- browsers: the endpoint's answers as pages of the site ------------------------------------------------

#: What a query is run as when its answer is shown as an HTML page.
_HTML_FORMATS = {"tabular": "json", "boolean": "json", "graph": "nt"}


def wants_html(req: QueryRequest) -> bool:
    """A browser's request: `format=html`, or no format and text/html named in Accept at least as high as the
    best SPARQL results / RDF type (so a protocol client, which never names text/html, is unaffected)."""
    given = [v.strip().lower() for v in req.formats if v.strip()]
    if given:
        return all(v in ("html", "text/html") for v in given)
    kind = _KIND_OF_FORM.get(req.shape.form or "", "tabular")
    return negotiation.prefers_html(request.headers.get("Accept"), kind)


def html_page(**context) -> Response:
    """The endpoint's page in the site's layout (the web UI renders it; see ui.sparql_page)."""
    render = browser_pages().sparql
    if render is not None:
        return render(**context)
    html = render_template("sparql.html", endpoint=context["endpoint"], snapshot=runtime().snapshot,
                           asserted_param=settings().asserted_param)
    return Response(html, status=context.get("status", 200), content_type=negotiation.media_type("html"),
                    headers={"Vary": "Accept"})


def run_query_html(req: QueryRequest, params: Params, endpoint: str) -> Response:
    """The query's answer as an HTML table in the site's layout; a client mistake is shown on the page."""
    context = {"endpoint": endpoint, "query": req.query if req else params.one("query") or "",
               "asserted": bool(req and req.asserted)}
    try:
        snapshot, reply = execute_query(req, endpoint, dict(_HTML_FORMATS))
        context.update(snapshot=snapshot, reply=check_reply(reply))
    except ItukgError as exc:
        if not exc.for_client:
            raise  # the server's own problem: the app logs it and answers a plain 500
        context.update(error=exc.text(), status=exc.status)
    return html_page(**context)


def describe_service(endpoint: str) -> Response:
    fmt = negotiation.negotiate("graph", request.headers.get("Accept"), request.args.getlist("format"),
                                extra=("html",))
    snapshot = runtime().snapshot
    if fmt == "html":
        return html_page(endpoint=endpoint, query="", asserted=False)
    return rdf_response(service_description(snapshot, endpoint, settings().asserted_param,
                                           federation=bool(settings().service_allowlist)), fmt)


@bp.route("/sparql", methods=["GET", "POST"])
@bp.route("/sparql/", methods=["GET", "POST"])
def sparql():
    endpoint = request.base_url
    params = read_params((_QUERY,))
    req = read_query_request(params)
    if req is None:
        return describe_service(endpoint)
    if wants_html(req):
        return run_query_html(req, params, endpoint)
    return run_query(req, endpoint)


# --- updates --------------------------------------------------------------------------------------------

def check_token() -> None:
    s = settings()
    if not s.allow_update:
        raise Forbidden("updates are disabled on this server (allow_update is off)")
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("updates need a bearer token: Authorization: Bearer <token>",
                           headers={"WWW-Authenticate": 'Bearer realm="itukg-update"'})
    if not hmac.compare_digest(token.strip().encode(), (s.update_token or "").encode()):
        raise Forbidden("the bearer token is not the update token")


def read_update_request(params: Params) -> str:
    if params.has("query") or params.body_type == _QUERY:
        raise BadRequest("/update takes SPARQL Update only; send queries to /sparql")
    updates = params.all("update") + ([params.body] if params.body is not None else [])
    if len(updates) != 1:
        raise BadRequest("send exactly one update: the update parameter of a form POST, or the body of a "
                         "POST with Content-Type application/sparql-update")
    text = updates[0]
    if not text.strip():
        raise QueryError("the update is empty")
    scan.check_nesting(text, "update")
    if scan.uses_service(text):
        raise QueryError(SERVICE_DISABLED)
    fetching = scan.fetching_keyword(text)
    if fetching:
        raise QueryError(f"{fetching} is not allowed in updates: this server never fetches data from "
                         "elsewhere. Updates run in the server process, so the word is refused anywhere in "
                               "the update (in string literals and IRIs too); send the data itself with INSERT DATA.")
    using, using_named = _iri_list(params, "using-graph-uri"), _iri_list(params, "using-named-graph-uri")
    if (using or using_named) and scan.update_has_dataset_clause(text):
        raise BadRequest("using-graph-uri / using-named-graph-uri cannot be combined with USING or WITH "
                         "in the update itself")
    return scan.add_using(text, using, using_named)


@bp.route("/update", methods=["POST"])
@bp.route("/update/", methods=["POST"])
def update():
    check_token()
    text = read_update_request(read_params((_UPDATE,)))
    snapshot = runtime().apply_update(text, base_iri=request.base_url)
    return text_response(f"Update applied: the union graph now holds {snapshot.triples} triples.")
