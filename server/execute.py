"""Evaluating one SPARQL query against a store and writing the answer: the work a query worker does.

Pure function of (store, job) -> reply dict, so it runs the same in a worker process and in a unit test.
Replies carry either the serialized body or the ItukgError the job ended with (it pickles across the worker's
pipe; `check_reply` raises it on the server's side); never a traceback for the client.
"""
from __future__ import annotations

import json
import traceback
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..graph.errors import ItukgError, NotAcceptable, QueryError, ResourceLimit, UpstreamError
from . import rdfwrite
from .results import BOOLEAN_WRITERS, SOLUTION_WRITERS
from .syntax import syntax_error

if TYPE_CHECKING:
    from .store import Queryable

SERVICE_DISABLED = ("SERVICE is disabled on this endpoint: federated queries are not allowed "
                    "(the query workers have no network access).")


def run_job(store: Queryable, job: dict, union_store: Queryable | None = None) -> dict:
    """Run `job` (see sparql.build_job); return {'ok': True, body, format, ...} or {'ok': False, status, message}.

    A job on the plain union (no GRAPH, no FROM) runs on `union_store` when there is one (store.Snapshot)."""
    try:
        dataset = job.get("dataset")
        kwargs = {}
        if dataset is not None and dataset.get("union_only") and union_store is not None:
            store = union_store
        elif dataset is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in dataset["default"]]
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in dataset["named"]]

        def evaluate():
            return store.query(job["query"], base_iri=job.get("base_iri"), prefixes=job.get("prefixes") or None,
                               **kwargs)
        return _write(job, evaluate)
    except SyntaxError as exc:
        return failure(syntax_error(job["query"], exc))
    except (OSError, ValueError, RuntimeError) as exc:
        if job.get("federated"):  # the remote failed, refused, or answered what is not SPARQL solutions
            return failure(UpstreamError(service_failure(exc, job.get("services") or [])))
        if isinstance(exc, OSError) and _is_network_refusal(exc):
            return failure(QueryError(SERVICE_DISABLED))  # a sandboxed worker cannot open sockets: a hidden SERVICE
        return failure(QueryError(f"The query could not be evaluated: {' '.join(str(exc).split())}"))
    except MemoryError:
        return failure(ResourceLimit("The query needed more memory than a worker may use."))
    except ItukgError as exc:
        return failure(exc)
    except Exception as exc:  # a bug of ours: the caller logs `detail` with the request id
        return {"ok": False, "status": 500, "message": "internal error", "detail": traceback.format_exc(),
                "error": type(exc).__name__}


def failure(exc: ItukgError) -> dict:
    """The reply of a job that ended with `exc`: the error itself, its status and message for readers."""
    return {"ok": False, "status": exc.status, "message": exc.message, "error": exc}


def check_reply(reply: dict) -> dict:
    """`reply` when the job succeeded; else its ItukgError raised (the app answers it), or, for a bug in the
    worker, a RuntimeError with the worker's traceback for the log (the client gets a plain 500)."""
    if reply["ok"]:
        return reply
    error = reply.get("error")
    if isinstance(error, ItukgError):
        raise error
    raise RuntimeError(f"query worker error {error}: {reply.get('detail')}")


def service_failure(exc: BaseException, services: list[str]) -> str:
    """The 502 message of a federated query whose SERVICE failed. pyoxigraph 0.5 says 'No valid SPARQL solutions
    returned by {service_name}' with the placeholder unfilled: the endpoints the query names are put in."""
    named = ", ".join(f"<{s}>" for s in dict.fromkeys(services)) or "the SERVICE endpoint"
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = text.replace("{service_name}", named)
    return f"A SERVICE request failed ({named}): {text}"


def _is_network_refusal(exc: OSError) -> bool:
    text = str(exc)
    return exc.errno == 24 or "Too many open files" in text or "lookup address" in text


#: Bytes of JSON results the native writer may produce before the row-limited Python writer takes over.
NATIVE_JSON_BUDGET = 64 << 20


class _Overflow(Exception):
    pass


class _BoundedSink:
    """A file-like target for pyoxigraph's serializer that gives up past `budget` bytes."""

    def __init__(self, budget: int):
        self.parts: list[bytes] = []
        self.size, self.budget = 0, budget

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.budget:
            raise _Overflow
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _native_json(result, limit: int) -> bytes | None:
    """SPARQL JSON results written by pyoxigraph (2x faster than the Python writer on large answers), or None
    when the answer has more than `limit` rows or more than NATIVE_JSON_BUDGET bytes: the caller then
    evaluates again with the writer that stops at `limit` rows."""
    sink = _BoundedSink(NATIVE_JSON_BUDGET)
    try:
        result.serialize(sink, format=ox.QueryResultsFormat.JSON)
    except (_Overflow, OSError):
        return None
    body = b"".join(sink.parts)
    if len(json.loads(body)["results"]["bindings"]) > limit:
        return None
    return body


def _write(job: dict, evaluate) -> dict:
    """The reply for the answer of `evaluate()` (called again only when a JSON answer is over the row limit)."""
    result = evaluate()
    formats = job["formats"]
    limit = job["max_results"]
    state: dict = {"truncated": False}
    if isinstance(result, ox.QueryBoolean):
        kind = "boolean"
    elif isinstance(result, ox.QuerySolutions):
        kind = "tabular"
    else:
        kind = "graph"
    fmt = formats.get(kind)
    if fmt is None:
        raise NotAcceptable(f"the Accept header allows no format for this {kind} answer")
    if kind == "boolean":
        body = BOOLEAN_WRITERS[fmt](bool(result))
    elif kind == "tabular":
        variables = [v.value for v in result.variables]
        native = _native_json(result, limit) if fmt == "json" else None
        if native is not None:
            body = native
        else:
            if fmt == "json":
                result = evaluate()  # the native writer used up the first answer
            body = SOLUTION_WRITERS[fmt](variables, result, limit, state)
    else:
        triples: list[ox.Triple] = []
        for triple in result:
            if len(triples) >= limit:
                state["truncated"] = True
                break
            triples.append(triple)
        body = write_graph(triples, fmt, job.get("out_prefixes") or {})
    return {"ok": True, "kind": kind, "format": fmt, "body": body, "truncated": state["truncated"]}


def write_graph(triples: list, fmt: str, prefixes: dict) -> bytes:
    """Triples in a graph format key (turtle, nt, jsonld, rdfxml, trig, nquads)."""
    if fmt == "turtle":
        return rdfwrite.turtle(triples, prefixes)
    if fmt == "trig":
        return rdfwrite.trig(rdfwrite.as_quads(triples), prefixes)
    if fmt == "nt":
        return rdfwrite.ntriples(triples)
    if fmt == "nquads":
        return rdfwrite.nquads(rdfwrite.as_quads(triples))
    if fmt == "jsonld":
        return rdfwrite.jsonld(rdfwrite.as_quads(triples), prefixes)
    if fmt == "rdfxml":
        body = ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=prefixes)
        assert body is not None  # no output given: serialize returns the bytes
        return body
    raise ValueError(f"not a graph format: {fmt}")
