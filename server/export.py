"""Exports of the dataset, of one graph or of one entity, and its VoID description.

`export_dataset` and `export_entity` are pure functions over a Snapshot or a plain pyoxigraph Store (the CLI's
`itukg export` calls them); the same data always gives the same bytes (see server/rdfwrite.py). The
blueprint serves them at /export and the VoID description at /.well-known/void.
"""
from __future__ import annotations

import hashlib
import re
import threading
import urllib.parse

import pyoxigraph as ox
from flask import Blueprint, Response, request

from ..graph.errors import BadRequest, ConfigError, NotFound, QueryTimeout, ResourceLimit
from ..graph.namespaces import prefixes as project_prefixes, using_base_iri
from . import data, negotiation, rdfwrite
from .execute import check_reply, failure
from .http import endpoint_url, flag, rdf_response, runtime, settings, wanted
from .store import INFERRED, Snapshot, as_solutions

EXPORT_FORMATS = ("turtle", "trig", "nquads", "nt", "jsonld")
EXTENSIONS = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "nt": "nt", "jsonld": "jsonld", "rdfxml": "rdf"}


def _prefixes() -> dict[str, str]:
    """The project's prefixes, id: under the current base (the server's in a request, the CLI's configured one)."""
    return {p: str(ns) for p, ns in project_prefixes().items()}


def export_dataset(store, fmt: str, inferred: bool = True, graph=None) -> bytes:
    """The dataset (or one graph) as bytes in turtle|trig|nquads|nt|jsonld.

    Quad formats (trig, nquads, jsonld) keep the named graphs; triple formats (turtle, nt) give the union as
    a query's default graph sees it (or the one graph). inferred=False leaves ig:inferred out. IRIs are
    abbreviated with the project's prefixes, id: under the current base.
    """
    prefixes = _prefixes()
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of: {', '.join(EXPORT_FORMATS)}")
    if fmt in ("turtle", "nt"):
        if graph is None:
            triples = data.union_triples(store, inferred)
        else:
            triples = [q.triple for q in data.stored_quads(store, inferred, graph)]
        return rdfwrite.turtle(triples, prefixes) if fmt == "turtle" else rdfwrite.ntriples(triples)
    quads = data.stored_quads(store, inferred, graph)
    if fmt == "trig":
        return rdfwrite.trig(quads, prefixes)
    if fmt == "nquads":
        return rdfwrite.nquads(quads)
    return rdfwrite.jsonld(quads, prefixes)


def export_entity(store, iri: str, fmt: str = "turtle", inferred: bool = True) -> bytes:
    """One entity's description (outgoing triples with their blank nodes, and incoming links)."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of: {', '.join(EXPORT_FORMATS)}")
    triples = data.entity_triples(store, iri, inferred)
    if not triples:
        raise NotFound(f"the dataset says nothing about <{iri}>")
    from .execute import write_graph
    return write_graph(triples, fmt, _prefixes())


# --- VoID ----------------------------------------------------------------------------------------------

VOID = "http://rdfs.org/ns/void#"
DCTERMS = "http://purl.org/dc/terms/"
SD = "http://www.w3.org/ns/sparql-service-description#"
FOAF = "http://xmlns.com/foaf/0.1/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_stats_lock = threading.Lock()
#: Namespaces that are data, not vocabulary.
_NOT_VOCABULARIES = {"id", "ig", "wd"}


def void_stats(snapshot: Snapshot, base_iri: str) -> dict:
    """Counts VoID needs, computed once per snapshot (they scan the whole union)."""
    with _stats_lock:
        key = ("void", base_iri)
        if key in snapshot.cache:
            return snapshot.cache[key]
        union = snapshot.default_graph.value
        row = next(iter(as_solutions(snapshot.store.query(
            f"""SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
                       (COUNT(DISTINCT ?o) AS ?objects)
                WHERE {{ GRAPH <{union}> {{ ?s ?p ?o }} }}"""))))
        base = base_iri.replace("\\", "\\\\").replace('"', '\\"')
        entities = next(iter(as_solutions(snapshot.store.query(
            f"""SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{union}> {{ ?s ?p ?o }}
                FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{base}")) }}"""))))["n"]
        classes = [r["c"].value for r in as_solutions(snapshot.store.query(
            f"SELECT DISTINCT ?c WHERE {{ GRAPH <{union}> {{ ?s a ?c }} FILTER(isIRI(?c)) }}"))]
        predicates = [r["p"].value for r in as_solutions(snapshot.store.query(
            f"SELECT DISTINCT ?p WHERE {{ GRAPH <{union}> {{ ?s ?p ?o }} }}"))]
        used = classes + predicates
        vocabularies = sorted({str(ns) for prefix, ns in project_prefixes().items() if prefix not in _NOT_VOCABULARIES
                               and any(iri.startswith(str(ns)) for iri in used)})
        stats = {"subjects": int(row["subjects"].value), "properties": int(row["properties"].value),
                 "objects": int(row["objects"].value), "entities": int(entities.value),
                 "classes": len(classes), "vocabularies": vocabularies}
        snapshot.cache[key] = stats
        return stats


def _subset_node(void_url: str, graph) -> ox.NamedNode:
    digest = hashlib.sha1(str(graph).encode()).hexdigest()[:12]
    return ox.NamedNode(f"{void_url}#graph-{digest}")


def void_description(snapshot: Snapshot, root: str, base_iri: str) -> list[ox.Triple]:
    """VoID for the whole dataset, with a void:subset per named graph; `root` is the server's URL."""
    void_url = f"{root}/.well-known/void"
    ds = ox.NamedNode(f"{void_url}#itukg")
    doc = ox.NamedNode(void_url)
    stats = void_stats(snapshot, base_iri)
    t, v, d = ox.Triple, (lambda n: ox.NamedNode(VOID + n)), (lambda n: ox.NamedNode(DCTERMS + n))

    def integer(n: int) -> ox.Literal:
        return ox.Literal(str(n), datatype=ox.NamedNode(_XSD + "integer"))

    out = [
        t(doc, _RDF_TYPE, v("DatasetDescription")),
        t(doc, ox.NamedNode(FOAF + "primaryTopic"), ds),
        t(ds, _RDF_TYPE, v("Dataset")),
        t(ds, d("title"), ox.Literal("itukg: a knowledge graph of ITU-T meetings")),
        t(ds, d("description"), ox.Literal(
            "Meetings, organizations, people, groups and topics read from ITU-T meeting documents, "
            "with the evidence for every fact.")),
        t(ds, v("sparqlEndpoint"), ox.NamedNode(f"{root}/sparql")),
        t(ds, v("uriSpace"), ox.Literal(base_iri)),
        t(ds, v("triples"), integer(snapshot.triples)),
        t(ds, v("entities"), integer(stats["entities"])),
        t(ds, v("classes"), integer(stats["classes"])),
        t(ds, v("properties"), integer(stats["properties"])),
        t(ds, v("distinctSubjects"), integer(stats["subjects"])),
        t(ds, v("distinctObjects"), integer(stats["objects"])),
    ]
    for fmt in ("nquads", "trig", "turtle"):
        out.append(t(ds, v("dataDump"), ox.NamedNode(f"{root}/export?format={fmt}")))
    for name in ("Turtle", "TriG", "N-Quads", "N-Triples", "JSON-LD"):
        out.append(t(ds, v("feature"), ox.NamedNode(f"http://www.w3.org/ns/formats/{name}")))
    for ns in stats["vocabularies"]:
        out.append(t(ds, v("vocabulary"), ox.NamedNode(ns)))
    if snapshot.built:
        out.append(t(ds, d("modified"), ox.Literal(str(snapshot.built))))
    for graph in snapshot.graphs:
        sub = _subset_node(void_url, graph)
        quoted = urllib.parse.quote(graph.value, safe="")
        out += [
            t(ds, v("subset"), sub),
            t(sub, _RDF_TYPE, v("Dataset")),
            t(sub, ox.NamedNode(SD + "name"), graph),
            t(sub, v("triples"), integer(snapshot.graph_sizes.get(graph.value, 0))),
            t(sub, v("dataDump"), ox.NamedNode(f"{root}/export?format=nquads&graph={quoted}")),
        ]
        if graph == INFERRED:
            out.append(t(sub, d("description"), ox.Literal("OWL RL inferences over the asserted graphs")))
    return out


# --- HTTP ----------------------------------------------------------------------------------------------

bp = Blueprint("export", __name__)
_CACHE_LIMIT = 8


def _bool_param(name: str, default: bool) -> bool:
    return flag(name, request.args.get(name), default)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[-60:] or "graph"


def run_export_job(snapshot: Snapshot, spec: dict) -> dict:
    """In a query worker: export_dataset as a reply dict (the worker's deadline and memory limit apply)."""
    try:
        with using_base_iri(spec.get("base_iri")):
            body = export_dataset(snapshot, spec["format"], inferred=spec["inferred"], graph=spec["graph"])
    except NotFound as exc:
        return failure(exc)
    except MemoryError:
        return failure(ResourceLimit("The export needed more memory than a worker may use."))
    return {"ok": True, "body": body}


def _cached_export(snapshot: Snapshot, fmt: str, inferred: bool, graph: str | None) -> tuple[Snapshot, bytes]:
    """Whole-dataset exports are kept per snapshot: they cost a sort of everything. An export not in the cache is
    made in a query worker, under query_timeout (a 503 past it), never in the server process: serializing holds
    the interpreter lock, and four exports at once made every other request 40 times slower."""
    key = ("export", fmt, inferred, graph)
    body = snapshot.cache.get(key)
    if body is not None:
        return snapshot, body
    if not isinstance(snapshot.store, ox.Store):  # an external store: no worker processes, the store does the work
        return snapshot, export_dataset(snapshot, fmt, inferred=inferred, graph=graph)
    # the worker process does not run in this request: it is told the server's base, for the id: prefix
    spec = {"format": fmt, "inferred": inferred, "graph": graph, "base_iri": settings().base_iri}
    try:
        snapshot, reply = runtime().run_query(lambda _snapshot: {"export": spec}, client=request.remote_addr)
    except QueryTimeout:
        raise QueryTimeout(settings().query_timeout, "ask for one graph (graph=) or run `itukg export` where the "
                                                     "data is.", what="export") from None
    body = check_reply(reply)["body"]
    key = ("export", fmt, inferred, graph)
    if body is not None and sum(1 for k in snapshot.cache if k[0] == "export") < _CACHE_LIMIT:
        snapshot.cache[key] = body
    return snapshot, body


@bp.route("/export", methods=["GET"])
def export():
    snapshot = runtime().snapshot
    inferred = _bool_param("inferred", True)
    entity = request.args.get("entity")
    if entity is not None:
        fmt = wanted("graph")
        try:
            triples = data.entity_triples(snapshot, entity, inferred)
        except ValueError:
            raise BadRequest(f"entity={entity!r} is not an absolute IRI") from None
        if not triples:
            raise NotFound(f"the dataset says nothing about <{entity}>")
        name = _slug(entity.rsplit("/", 1)[-1]) + "." + EXTENSIONS[fmt]
        return rdf_response(triples, fmt, headers={"Content-Disposition": f'attachment; filename="{name}"'})
    fmt = wanted("dataset", extra=("turtle", "nt"))
    graph = request.args.get("graph") or None
    try:
        snapshot, body = _cached_export(snapshot, fmt, inferred, graph)
    except NotFound as exc:
        raise NotFound(f"{exc}; the service description (GET /sparql) lists the graphs") from None
    parts = ["itukg", snapshot.generation or "dataset"]
    if not inferred:
        parts.append("asserted")
    if graph:
        parts.append(_slug(graph))
    filename = "-".join(parts) + "." + EXTENSIONS[fmt]
    response = Response(body, content_type=negotiation.media_type(fmt))
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Vary"] = "Accept"
    return response


@bp.route("/.well-known/void", methods=["GET"])
def void():
    fmt = wanted("graph")
    root = endpoint_url("")
    return rdf_response(void_description(runtime().snapshot, root, settings().base_iri), fmt)


__all__ = ["export_dataset", "export_entity", "void_description", "void_stats", "EXPORT_FORMATS", "bp"]
