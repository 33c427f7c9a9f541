"""Entity pages as HTML: /ui/entity?iri=... for any IRI of the dataset, and the Linked Data route's answer to
browsers (/id/...), which server/pages.py gets as `render_entity` when the app registers it."""
from __future__ import annotations

from collections.abc import Sequence

from flask import Response, request

from .. import pages
from .entities import PAGES, entity_page, template_of
from .index import exists
from .sparql import check_iri
from .web import base_iri, bp, current_snapshot, entity_url, html, page_arg, paginate, render

#: The lists of an entity page shown a page at a time (`<key>_page` chooses the page).
PAGED = ("evidence", "participants", "participations", "meetings", "organizations", "mentioned_at",
         "discussion_items", "actions")


def render_entity(snap, iri: str) -> str | None:
    """The HTML page about `iri` (needs a request context), or None when the dataset says nothing about it."""
    page = entity_page(snap, iri)
    if page is None:
        return None
    pagers = {key: paginate(page[key], page_arg(f"{key}_page")) for key in PAGED
              if isinstance(page.get(key), Sequence) and not isinstance(page[key], str)}
    statements = _statements(snap, iri) if page["kind"] not in PAGES else None
    spans_json = None
    if page["kind"] == "document":
        spans_json = {sid: {"quote": s["quote"][:300], "facts": s["facts"][:12],
                            "targets": [{**t, "href": entity_url(t["iri"])} for t in s["targets"]]}
                      for sid, s in page["spans"].items()}
    graph_json = {"nodes": [{**n, "href": entity_url(n["iri"])} for n in page["graph"]["nodes"]],
                  "edges": page["graph"]["edges"]}
    return html(template_of(page["kind"]), page=page, pagers=pagers, statements=statements, spans_json=spans_json,
                graph_json=graph_json, active="entity")


def _statements(snap, iri: str) -> dict | None:
    """The Linked Data page's describe() (every statement), for kinds without a page of their own, with links
    to the UI's pages where the dataset describes the IRI."""
    data = pages.describe(snap, iri, base_iri(), "/id/")
    if data is None:
        return None

    def link(t):
        if t.get("kind") == "iri":
            t["href"] = entity_url(t["value"]) if (t.get("local") or exists(snap, t["value"])) else t["value"]

    for t in data["types"]:
        link(t)
    for p in data["properties"]:
        link(p["predicate"])
        for v in p["values"]:
            link(v)
    for i in data["incoming"]:
        link(i["subject"])
        link(i["predicate"])
    return data


def entity_response(snap, iri: str) -> Response | None:
    """For the Linked Data route: the UI page about `iri` as a Response, or None (let the caller fall back)."""
    try:
        page = render_entity(snap, iri)
    except ValueError:
        return None
    if page is None:
        return None
    return Response(page, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})


@bp.get("/ui/entity")
def entity():
    iri = request.args.get("iri", "").strip()
    try:
        check_iri(iri)
    except ValueError:
        return render("ui/not_found.html", status=400, iri=iri,
                      message="Give the entity as ?iri= followed by an absolute IRI.")
    page = render_entity(current_snapshot(), iri)
    if page is None:
        return render("ui/not_found.html", status=404, iri=iri, message="This dataset says nothing about this IRI.")
    return Response(page, content_type="text/html; charset=utf-8")
