"""The `ui` blueprint and what every view shares: the current snapshot, where an entity's page is, rendering
in the site's layout, pagers and the Jinja filters. Each page kind adds its routes to `bp` in its own module;
the package's __init__ imports them all."""
from __future__ import annotations

import math
from urllib.parse import quote

from flask import Blueprint, Response, current_app, render_template, request, url_for

from ...graph import namespaces
from ...graph.namespaces import ITUKG, ONTOLOGY_IRI
from .text import format_date, format_number

PER_PAGE = 50

bp = Blueprint("ui", __name__, template_folder="templates", static_folder="static", static_url_path="/ui/static")


def current_snapshot():
    """The snapshot of the running app: `app.config["ITUKG_UI_SNAPSHOT"]()` if set, else the runtime's."""
    getter = current_app.config.get("ITUKG_UI_SNAPSHOT")
    if getter is not None:
        return getter()
    return current_app.extensions["itukg"].snapshot


def base_iri() -> str:
    rt = current_app.extensions.get("itukg")
    return getattr(getattr(rt, "settings", None), "base_iri", None) or namespaces.base_iri()


@bp.app_template_filter("ui_url")
@bp.app_template_global("ui_url")
def entity_url(iri: str) -> str:
    """Where the UI shows `iri`: ontology terms on /ontology, entities on their page."""
    if iri.startswith(ITUKG) and len(iri) > len(ITUKG):
        return url_for("ui.ontology") + "#" + iri[len(ITUKG):]
    if iri == str(ONTOLOGY_IRI):
        return url_for("ui.ontology")
    base = base_iri()
    if current_app.config.get("ITUKG_UI_ID_PAGES") and iri.startswith(base) and len(iri) > len(base):
        return "/id/" + iri[len(base):]
    return url_for("ui.entity", iri=iri)


def quoted(text: str) -> str:
    """`text` as one URL query component."""
    return quote(text, safe="")


@bp.app_template_global("ui_page_url")
def page_url(param: str, number: int, anchor: str = "") -> str:
    """This page with `param`=number (other parameters kept), for pagers."""
    args = request.args.to_dict()
    args[param] = str(number)
    if number == 1:
        args.pop(param)
    query = "&".join(f"{quoted(k)}={quoted(v)}" for k, v in args.items())
    return request.path + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


bp.add_app_template_filter(format_date, "ui_date")
bp.add_app_template_filter(format_number, "ui_number")


def page_arg(name: str) -> int:
    """The page number the request asks for in `name` (1 when absent or not a number)."""
    try:
        return max(1, int(request.args.get(name, 1)))
    except ValueError:
        return 1


def paginate(items: list, page: int | str | None = 1, per_page: int = PER_PAGE) -> dict:
    """One page of `items`: {rows, page, pages, total, first, last} (page numbers from 1, clamped)."""
    try:
        page = int(page or 1)
    except (TypeError, ValueError):
        page = 1
    total = len(items)
    pages = max(1, math.ceil(total / per_page))
    page = min(max(page, 1), pages)
    start = (page - 1) * per_page
    chunk = items[start:start + per_page]
    return {"rows": chunk, "page": page, "pages": pages, "total": total, "first": start + 1 if chunk else 0,
            "last": start + len(chunk), "per_page": per_page}


def ui_config() -> dict:
    """What the page scripts need to know about this server (base.html writes it as JSON)."""
    return {"baseIri": base_iri(), "idPages": bool(current_app.config.get("ITUKG_UI_ID_PAGES")),
            "ontologyNs": str(ITUKG), "entityUrl": url_for("ui.entity"), "ontologyUrl": url_for("ui.ontology"),
            "searchUrl": url_for("ui.api_search"), "labelsUrl": url_for("ui.api_labels"),
            "namedQueryUrl": url_for("ui.api_named_query"), "sparqlUrl": "/sparql"}


def html(template: str, **context) -> str:
    """A template of the site, with the scripts' configuration."""
    return render_template(template, ui_config=ui_config(), **context)


def render(template: str, status: int = 200, **context) -> Response:
    return Response(html(template, **context), status=status, content_type="text/html; charset=utf-8")


def not_found_page(message: str, iri: str | None = None, status: int = 404) -> Response:
    """A 404 (or other) page in the site's layout, for browsers."""
    response = render("ui/not_found.html", status=status, iri=iri, message=message)
    response.headers["Vary"] = "Accept"
    return response


def error_page(message: str, status: int, title: str) -> Response:
    """A request the server refused (a bad parameter, a limit), in the site's layout, for browsers."""
    return render("ui/error.html", status=status, title=title, message=message)
