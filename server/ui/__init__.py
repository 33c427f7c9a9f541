"""The web UI: home, search, entity pages per kind, lists, the query editor, the ontology, the build report,
and /sparql and 404 pages for browsers.

Layout (one module per page kind, shared helpers apart):

* web.py: the `ui` blueprint and what every view shares (current snapshot, entity URLs, rendering, pagers,
  Jinja filters); text.py: folding, dates, numbers; cache.py: per-snapshot tables and the optional warm-up.
* sparql.py: the loader of queries/*.rq, the UI's every SPARQL query, with safely bound `$parameters`.
* kinds.py: the kinds of things, derived from the ontology (graph/vocabulary.py); index.py: labels, types and
  kinds of every IRI, and the entity references pages show; tables.py: whole-graph tables pages share.
* Pages: home.py, search.py, lists.py, entity.py (rendering, /ui/entity, the Linked Data pages' HTML) with
  entities/ (the data of each kind's page), evidence.py and neighbourhood.py (parts of entity pages),
  query.py (editor, named queries and their parameters), ontology.py, report.py, endpoint.py (/sparql).
* templates/ui/*.html and static/ (ui/ and the vendored libraries under vendor/).

Data functions take a loaded Snapshot and return plain dicts (tests call them without Flask). Registering
starts nothing in the background: `start_warm_up(app)` does, when a server wants the home page's tables
ready before the first visitor (app.serve calls it).
"""
from __future__ import annotations

from ..http import BrowserPages
from . import cache, endpoint, entity, home, index, lists, ontology, query, report, search, tables  # noqa: F401 - routes join bp
from .endpoint import sparql_page
from .entity import entity_response, render_entity
from .web import bp, error_page, not_found_page


def register(app) -> BrowserPages:
    """Add the UI's routes to `app` and return the pages the endpoint and the app's error handlers give
    browsers in the site's layout (the app keeps them: server/http.py `browser_pages`). Entity pages reach the
    Linked Data route when the app passes `entity_response` to pages.register.
    `ITUKG_UI_ID_PAGES = False` in the app's config links entities to /ui/entity instead of /id/...; a value
    set before registering is kept."""
    app.register_blueprint(bp)
    app.config.setdefault("ITUKG_UI_ID_PAGES", True)
    return BrowserPages(sparql=sparql_page, not_found=not_found_page, error=error_page)


def start_warm_up(app):
    """Compute the home page's tables and the search index for each new snapshot `app` serves (or take them from
    the generation's precomputed tables), in a daemon thread (returned)."""
    return cache.start_warm_up(app, _warm)


def _warm(snap) -> None:
    home.home(snap)
    index.index_of(snap)
    search.search_keys(snap)
    # what a meeting's page looks up in the whole-graph tables, grouped once
    tables.participations_of(snap, "")
    tables.participation_rows(snap)
    tables.topics_of(snap, "")
    lists.meeting_order(snap)


__all__ = ["bp", "entity_response", "error_page", "not_found_page", "register", "render_entity", "sparql_page", "start_warm_up"]
