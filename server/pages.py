"""Linked Data: every IRI under the base (id/...) resolves at /id/... as Turtle, JSON-LD, N-Triples or HTML.

`describe(store, iri)` gathers what a page shows into plain data (no Flask), so the web UI can reuse it; the
`pages` blueprint only negotiates and renders server/templates/entity.html. A richer HTML renderer takes over
browsers' requests when the app passes one: `register(app, render_entity=fn)` with fn(snapshot, iri) ->
Response | None (None falls back to the minimal page), and `render_not_found=fn(message, iri, status)` for the
404 page; RDF answers are unaffected.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from ..graph.errors import BadRequest, NotFound
from ..graph.namespaces import ITUKG, base_iri, prefixes
from . import data
from .http import rdf_response, runtime, settings, wanted
from .negotiation import media_type

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LABEL_PROPERTIES = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "https://schema.org/name",
    "http://xmlns.com/foaf/0.1/name",
    "http://purl.org/dc/terms/title",
)
#: Properties whose values are links out of the dataset, listed apart on the page.
EXTERNAL_LINK_PROPERTIES = (
    "http://www.w3.org/2004/02/skos/core#exactMatch",
    "http://www.w3.org/2004/02/skos/core#closeMatch",
    "http://www.w3.org/2002/07/owl#sameAs",
    "https://schema.org/sameAs",
    "http://xmlns.com/foaf/0.1/page",
    str(ITUKG.webPage),
    str(ITUKG.communique),
)


@lru_cache(maxsize=4)
def _curies(base: str) -> list[tuple[str, str]]:
    """(namespace, prefix), longest namespace first, with id: under `base`."""
    return sorted(((str(ns), p) for p, ns in prefixes().items()), key=lambda x: -len(x[0]))


def curie(iri: str) -> str | None:
    """`iri` as a prefixed name (id: under the current base: the server's, in a request), or None."""
    for ns, prefix in _curies(base_iri()):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return None


def label_of(source, node, inferred: bool = True) -> str | None:
    """The best label: no language tag first, then English, then any."""
    best, best_rank = None, 9
    for prop in LABEL_PROPERTIES:
        for t in data.matching(source, node, ox.NamedNode(prop), None, inferred):
            if not isinstance(t.object, ox.Literal):
                continue
            lang = t.object.language or ""
            rank = 0 if not lang else 1 if lang.startswith("en") else 2
            if rank < best_rank or (rank == best_rank and best is not None and t.object.value < best):
                best, best_rank = t.object.value, rank
        if best is not None:
            return best
    return None


def local_name(iri: str) -> str:
    """The last segment of an IRI, the label of last resort."""
    tail = iri.rstrip("/#")
    for sep in ("#", "/"):
        if sep in tail:
            tail = tail.rsplit(sep, 1)[-1]
    return tail or iri


def term(source, node, base_iri: str, page_prefix: str, inferred: bool = True) -> dict:
    """A term as the page shows it: value, label, and a link (a local page for IRIs under the base)."""
    if isinstance(node, ox.NamedNode):
        iri = node.value
        local = iri.startswith(base_iri) and len(iri) > len(base_iri)
        return {"kind": "iri", "value": iri, "curie": curie(iri), "local": local,
                "label": label_of(source, node, inferred) or curie(iri) or local_name(iri),
                "href": page_prefix + iri[len(base_iri):] if local else iri}
    if isinstance(node, ox.Literal):
        datatype = node.datatype.value
        return {"kind": "literal", "value": node.value, "label": node.value, "lang": node.language,
                "datatype": None if datatype == XSD_STRING or node.language else datatype,
                "datatype_curie": curie(datatype), "href": None, "local": False}
    return {"kind": "bnode", "value": str(node), "label": str(node), "href": None, "local": False}


def describe(store, iri: str, base_iri: str | None = None, page_prefix: str = "/id/",
             inferred: bool = True) -> dict | None:
    """Everything a page about `iri` shows, as plain data; None when the dataset says nothing about it.

    Keys: iri, label, curie, types, properties [{predicate, values}], external_links [{predicate, target}],
    incoming [{subject, predicate}], incoming_truncated, graphs (named graphs stating something about it).
    """
    base_iri = base_iri or str(prefixes()["id"])
    node = ox.NamedNode(iri)
    out_triples = data.outgoing(store, node, inferred)
    in_triples = data.incoming(store, node, inferred, data.INCOMING_LIMIT + 1)
    if not out_triples and not in_triples:
        return None

    def t(x):
        return term(store, x, base_iri, page_prefix, inferred)

    types: list[dict] = []
    grouped: dict[str, list] = {}  # predicate IRI -> its objects
    links: list[dict] = []
    for triple in out_triples:
        if triple.subject != node:
            continue  # blank-node details: in the RDF, not in the table
        predicate = triple.predicate.value
        if predicate == RDF_TYPE:
            types.append(t(triple.object))
        elif predicate in EXTERNAL_LINK_PROPERTIES and isinstance(triple.object, ox.NamedNode):
            links.append({"predicate": t(triple.predicate), "target": t(triple.object)})
        else:
            grouped.setdefault(predicate, []).append(triple.object)
    properties = []
    for predicate, values in grouped.items():
        rendered = sorted((t(v) for v in values), key=lambda x: (x["label"].lower(), x["value"]))
        properties.append({"predicate": t(ox.NamedNode(predicate)), "values": rendered})
    properties.sort(key=lambda p: (p["predicate"]["label"].lower(), p["predicate"]["value"]))
    incoming = [{"subject": t(x.subject), "predicate": t(x.predicate)} for x in in_triples[:data.INCOMING_LIMIT]]
    incoming.sort(key=lambda x: (x["predicate"]["label"].lower(), x["subject"]["label"].lower()))
    return {
        "iri": iri,
        "label": label_of(store, node, inferred) or local_name(iri),
        "curie": curie(iri),
        "types": sorted(types, key=lambda x: x["label"].lower()),
        "properties": properties,
        "external_links": sorted(links, key=lambda x: x["target"]["value"]),
        "incoming": incoming,
        "incoming_truncated": len(in_triples) > data.INCOMING_LIMIT,
        "graphs": [g.value for g in data.graphs_mentioning(store, iri)],
    }


def _not_found(iri: str, fmt: str, render_not_found: Callable | None) -> Response:
    message = (f"This dataset has no description of <{iri}>. Check the spelling of the path, or look the "
               "entity up with a SPARQL query at /sparql.")
    if fmt == "html" and render_not_found is not None:
        return render_not_found(message, iri, 404)
    if fmt == "html":
        return Response(render_template("not_found.html", iri=iri, message=message), status=404,
                        content_type=media_type("html"), headers={"Vary": "Accept"})
    raise NotFound(message, headers={"Vary": "Accept"})


def entity(rest: str, render_entity: Callable | None = None, render_not_found: Callable | None = None):
    """/id/<rest>: RDF, or HTML for browsers: `render_entity(snapshot, iri)`'s page when it gives one, else the
    minimal page; a missing entity gets `render_not_found(message, iri, status)` when given."""
    fmt = wanted("graph", extra=("html",))
    iri = settings().base_iri + rest
    snapshot = runtime().snapshot
    try:
        ox.NamedNode(iri)
    except ValueError:
        raise BadRequest(f"/id/{rest} does not name a valid IRI") from None
    if fmt == "html":
        response = render_entity(snapshot, iri) if render_entity is not None else None
        if response is not None:
            return response
        page = describe(snapshot, iri, settings().base_iri, "/id/")
        if page is None:
            return _not_found(iri, fmt, render_not_found)
        alternates = [(media_type(f).split(";")[0], f"{request.base_url}?format={f}")
                      for f in ("turtle", "jsonld", "nt")]
        return Response(render_template("entity.html", entity=page, alternates=alternates),
                        content_type=media_type("html"), headers={"Vary": "Accept"})
    triples = data.entity_triples(snapshot, iri)
    if not triples:
        return _not_found(iri, fmt, render_not_found)
    return rdf_response(triples, fmt)


def blueprint(render_entity: Callable | None = None, render_not_found: Callable | None = None) -> Blueprint:
    """The `pages` blueprint, its /id/... route holding the HTML renderers given (see `entity`)."""
    bp = Blueprint("pages", __name__, template_folder="templates")
    bp.add_url_rule("/id/<path:rest>", "entity", partial(entity, render_entity=render_entity,
                                                         render_not_found=render_not_found), methods=["GET"])
    return bp


def register(app, render_entity: Callable | None = None, render_not_found: Callable | None = None) -> None:
    """Serve the Linked Data pages on `app`, with the HTML renderers given (see `blueprint`)."""
    app.register_blueprint(blueprint(render_entity, render_not_found))
