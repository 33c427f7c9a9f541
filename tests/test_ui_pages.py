"""The web UI without a browser: every page through Flask's test client, the search API, the data functions.

Runs over the bundled corpus as the real pipeline builds it (conftest.py's `built_corpus`).
"""
from __future__ import annotations

import html
import re
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from ui_fixtures import BASE, DURBAN, ERICSSON, TD_DOCUMENT, client, topic_and_its_names, ui_app, ui_snapshot  # noqa: F401

from itukg.graph.errors import QueryError
from itukg.server import named_queries as nq, ui
from itukg.server.ui import entities, evidence, home, index, lists, ontology, query, search, sparql, tables, web
from itukg.server.ui.kinds import SEARCH_FIRST_KINDS
from itukg.server.ui.report import build_report
from itukg.server.ui.text import fold

SERVER = Path(__file__).resolve().parent.parent / "server"
VENDOR = SERVER / "ui" / "static" / "vendor"
CALIFORNIA = BASE + "meeting/cto-consultation-2018-05-09-california"
BUDAPEST = BASE + "meeting/sgla-2019-09-09-budapest"


def entity(client, iri: str, **params):
    extra = "".join(f"&{k}={v}" for k, v in params.items())
    return client.get(f"/ui/entity?iri={quote(iri, safe='')}{extra}")


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


# --- home, search ---------------------------------------------------------------------------------------

def test_home_shows_counts_latest_meetings_search_and_links(client, ui_snapshot):
    r = client.get("/")
    assert r.status_code == 200 and r.mimetype == "text/html"
    body = text_of(r)
    counts = {c["key"]: c["count"] for c in home.counts(ui_snapshot)}
    assert counts["meetings"] == 3 and counts["documents"] == 2
    # what the documents give, not the reference list: the organizations that took part are among them
    took_part = {r["organization"] for r in tables.participations(ui_snapshot)}
    assert len(took_part) <= counts["organizations"] < 50 and counts["people"] == 3
    assert counts["topics"] == len({t for _, t in tables.meeting_topics(ui_snapshot)})
    reference = {c["key"]: c["count"] for c in home.reference_counts(ui_snapshot)}
    assert reference["organizations"] > 100 and reference["topics"] > 200
    assert 'id="reference-counts"' in body and "/ui/list/organizations?in=documents" in body
    for key in ("meetings", "organizations", "people", "topics", "groups", "documents", "triples"):
        assert f'data-count="{key}"' in body
    assert counts["triples"] == ui_snapshot.triples
    # newest first
    assert body.index("Study Group Leadership Assembly") < body.index("North-American CTO consultation meeting")
    assert 'id="home-search"' in body and 'role="combobox"' in body
    for link in ('href="/sparql"', 'href="/export?format=trig"', 'href="/ontology"', 'href="/report"', 'href="/query"'):
        assert link in body
    assert 'data-chart="heatmap"' in body and 'data-chart="bar"' in body


def test_search_api_ranks_exact_prefix_substring(client):
    r = client.get("/ui/api/search?q=Ericsson")
    assert r.status_code == 200 and r.is_json
    results = r.get_json()["results"]
    assert results[0]["iri"] == ERICSSON and results[0]["kind"] == "organization"
    assert results[0]["rank"] == "exact" and results[0]["href"] == "/id/organization/ericsson"
    ranks = [h["rank"] for h in client.get("/ui/api/search?q=am").get_json()["results"]]
    order = {"exact": 0, "prefix": 1, "word": 2}
    assert ranks == sorted(ranks, key=order.get) and "prefix" in ranks and "word" in ranks


def test_search_matches_word_starts_and_leaves_out_internal_nodes(client):
    results = client.get("/ui/api/search?q=eric").get_json()["results"]
    assert [h["label"] for h in results] == ["Ericsson"]  # not American Samoa, not North-American meetings
    for q in ("eric", "at", "cto", "a"):
        kinds = [h["kind"] for h in client.get(f"/ui/api/search?q={q}").get_json()["results"]]
        assert not set(kinds) & {"participation", "evidence", "action", "count", "item"}, (q, kinds)
    # among word matches, the kinds people look for come first
    for q in ("american", "a", "tele"):
        hits = client.get(f"/ui/api/search?q={q}").get_json()["results"]
        for rank in ("exact", "prefix", "word"):
            wanted = [h["kind"] in SEARCH_FIRST_KINDS for h in hits if h["rank"] == rank]
            assert wanted == sorted(wanted, reverse=True), (q, rank, [(h["label"], h["kind"]) for h in hits])
    assert client.get("/ui/api/search?q=17").get_json()["results"][0]["iri"] == BASE + "group/sg17"


@pytest.mark.parametrize("q, iri, field", [
    ("sg17", BASE + "group/sg17", "notation"),  # skos:notation, case-insensitive
    ("LM Ericsson", ERICSSON, "alias"),  # skos:altLabel
    ("zhao houlin", BASE + "person/houlin-zhao", "alias"),
    ("durban", BASE + "place/durban", "label"),
    ("NET-2030", BASE + "topic/network-2030", "alias"),
])
def test_search_finds_labels_aliases_notations(client, q, iri, field):
    results = client.get(f"/ui/api/search?q={quote(q)}").get_json()["results"]
    assert results and results[0]["iri"] == iri, [h["label"] for h in results]
    if field != "label":
        assert results[0]["match"]


def test_search_api_limits_and_empty_queries(client):
    assert client.get("/ui/api/search?q=").get_json()["results"] == []
    assert client.get("/ui/api/search?q=%20%20").get_json()["results"] == []
    assert len(client.get("/ui/api/search?q=a").get_json()["results"]) == 20
    assert len(client.get("/ui/api/search?q=a&limit=5").get_json()["results"]) == 5
    assert client.get("/ui/api/search?q=zzzqqq").get_json()["results"] == []


def test_search_is_accent_insensitive(ui_snapshot):
    assert fold("Zürich  Côte") == "zurich cote"
    assert [h["iri"] for h in search.search(ui_snapshot, "RÖHDE")][:1] == [BASE + "organization/rohde-schwarz"]


def test_search_page_works_without_javascript(client):
    body = text_of(client.get("/ui/search?q=SG17"))
    assert "ITU-T Study Group 17" in body and 'id="search-results"' in body


# --- query editor ------------------------------------------------------------------------------------------

def test_query_page_has_editor_examples_and_keeps_the_query(client):
    from itukg.server.named_queries import named_queries

    r = client.get("/query?query=" + quote("ASK { ?s ?p ?o }"))
    assert r.status_code == 200
    body = text_of(r)
    assert "vendor/codemirror/codemirror.js" in body and "vendor/codemirror/mode/sparql.js" in body
    assert ">ASK { ?s ?p ?o }</textarea>" in body
    for q in named_queries().values():
        assert f'data-example="{q.name}"' in body and q.title in body
    assert "https://w3id.org/itukg/ontology#" in body  # the predefined prefixes are listed


def test_example_queries_bind_parameters_and_run(ui_snapshot):
    examples = {e["name"]: e for e in query.example_queries(ui_snapshot)}
    assert examples["evidence"]["values"]["entity"].startswith("https://")
    assert "VALUES" in examples["evidence"]["text"] and "VALUES" in examples["topic-meetings"]["text"]
    for name, e in examples.items():
        rows = sparql.run(ui_snapshot, e["text"])
        assert rows, f"example {name} returns no rows over the corpus"


def test_the_endpoint_reports_syntax_errors_with_line_and_column(client):
    r = client.post("/sparql", data={"query": "SELECT ?s WHERE {\n  ?s ?p \n}"},
                    headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 400
    assert re.search(r"line \d+, column \d+", r.get_data(as_text=True))


# --- entity pages ----------------------------------------------------------------------------------------------

def test_meeting_page(client):
    r = entity(client, DURBAN)
    assert r.status_code == 200
    body = text_of(r)
    assert "<h1>CTO meeting</h1>" in body and "9 September 2018" in body
    for text in ("Durban", "South Africa", "ITU Telecom World 2018", "Ericsson", "Sweden", "Houlin Zhao",
                 "ITU Secretary-General", "Network 2030", "td-cto-communiques-2018.txt", "Focus Group on Technologies"):
        assert text in body, text
    assert 'id="participants"' in body and 'id="items"' in body and 'id="actions"' in body
    assert 'id="evidence"' in body and "#s-125-131" in body  # "Durban" at 125-131 in the document
    assert 'data-chart="graph"' in body
    assert 'rel="prev"' not in body and 'evidence_page=2#evidence' in body  # paginated, 50 per page


def test_long_lists_are_paginated(client, ui_snapshot):
    page = entities.meeting_page(ui_snapshot, DURBAN)
    assert len(page["evidence"]) > 100
    first = text_of(entity(client, DURBAN))
    second = text_of(entity(client, DURBAN, evidence_page=2))
    beyond = text_of(entity(client, DURBAN, evidence_page=999))
    assert 'aria-current="page">2<' in second and "51–100 of" in second
    assert "1–50 of" in first
    assert 'rel="next"' not in beyond  # clamped to the last page
    p = web.paginate(list(range(120)), 3)
    assert p["rows"] == list(range(100, 120)) and p["pages"] == 3 and p["first"] == 101
    assert web.paginate([], "x")["pages"] == 1


def test_organization_page(client):
    body = text_of(entity(client, ERICSSON))
    assert "<h1>Ericsson</h1>" in body and "LM Ericsson" in body
    assert "http://www.wikidata.org/entity/Q52618" in body and "Wikipedia" in body
    assert "CTO meeting" in body and "North-American CTO consultation meeting" in body
    assert "Sweden" in body and "Canada" in body  # took part for different countries
    assert body.index("9 May 2018") < body.index("9 September 2018")  # over time


def test_topic_page(client):
    body = text_of(entity(client, BASE + "topic/network-2030"))
    assert "<h1>Network 2030</h1>" in body
    assert "future networks" in body and "holographic" in body and "ITU-T Study Group 13" in body
    assert "2018" in body and "CTO meeting" in body
    broad = text_of(entity(client, BASE + "topic/future-networks"))
    assert "via" in broad and "Network 2030" in broad  # meetings through narrower topics


def test_group_page(client):
    body = text_of(entity(client, BASE + "group/fg-net-2030"))
    assert "Focus Group on Technologies for Network 2030" in body
    assert "What the documents ask of it" in body and ">lead<" in body
    assert "CTO meeting" in body
    sg17 = text_of(entity(client, BASE + "group/sg17"))
    assert "SG17" in sg17 and "Security" in sg17 and "Topics it is responsible for" in sg17


def test_person_place_country_pages(client):
    person = text_of(entity(client, BASE + "person/houlin-zhao"))
    assert "ITU Secretary-General" in person and "CTO meeting" in person
    place = text_of(entity(client, BASE + "place/durban"))
    assert "South Africa" in place and "CTO meeting" in place and "Meetings held here" in place
    country = text_of(entity(client, BASE + "country/US"))
    assert "United States" in country and "Participation for United States" in country and "Apple" in country


def test_document_page_highlights_evidence(client, ui_snapshot):
    r = entity(client, TD_DOCUMENT)
    assert r.status_code == 200
    body = r.get_data(as_text=True)
    assert 'id="doc-text"' in body and 'id="doc-spans"' in body
    marks = re.findall(r'<a class="ev k-(\w+)" href="([^"]+)" data-s="([^"]*)" data-m="([^"]*)">([^<]*)</a>', body)
    assert len(marks) > 100
    durban = [m for m in marks if m[4] == "Durban"]
    assert durban and durban[0][1] == "/id/place/durban"
    # the rendered text is the document's text, unchanged
    text = re.search(r'<div class="doc-text" id="doc-text"[^>]*>(.*?)</div>', body, re.S).group(1)
    plain = html.unescape(re.sub(r"<[^>]+>", "", text))
    content = next(iter(sparql.run(ui_snapshot, f"SELECT ?c WHERE {{ <{TD_DOCUMENT}> itukg:content ?c }}")))["c"].value
    assert plain == content


def test_highlight_segments_cover_the_text_once():
    content = "ABCDEFGHIJ"

    def row(s, e, subj, pred="https://w3id.org/itukg/ontology#location", obj=None):
        return {"start": s, "end": e, "subject": {"iri": subj, "label": subj, "kind": "meeting"},
                "predicate": {"iri": pred, "label": "p"},
                "object": obj or {"literal": "x"}, "quote": content[s:e]}

    class Snap:  # highlight only needs labels/kinds for the targets
        cache = {("ui", "index"): index.Index(kinds={"m": "meeting", "o": "organization"})}

    rows = [row(0, 10, "m"), row(2, 4, "m", obj={"iri": "o", "label": "o", "kind": "organization"}), row(3, 6, "m")]
    out = evidence.highlight(Snap(), content, rows)
    assert "".join(s["text"] for s in out["segments"]) == content
    seg_c = next(s for s in out["segments"] if s["text"] == "C")
    assert seg_c["target"]["iri"] == "o" and seg_c["spans"][0] == "2-4"
    assert all(s["spans"] for s in out["segments"])  # 0-10 covers everything


def test_other_kinds_render_generic_pages(client):
    for iri in (BASE + "event/itu-telecom-world-2018", BASE + "series/cto-meeting",
                BASE + "post/itu-secretary-general", BASE + "item/cto-meeting-2018-09-09-durban/1"):
        r = entity(client, iri)
        assert r.status_code == 200, iri
        assert 'id="properties"' in r.get_data(as_text=True)


def test_unknown_and_invalid_iris(client):
    r = entity(client, "https://example.org/nothing")
    assert r.status_code == 404 and "says nothing" in r.get_data(as_text=True)
    assert client.get("/ui/entity?iri=not%20an%20iri").status_code == 400
    assert client.get("/ui/entity").status_code == 400
    assert entity(client, BASE + "meeting/x>y").status_code == 400


# --- lists, ontology, report ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(lists.LISTS))
def test_lists(client, name):
    r = client.get(f"/ui/list/{name}")
    assert r.status_code == 200
    assert "<table" in r.get_data(as_text=True) or "Nothing" in r.get_data(as_text=True)


def test_list_pagination_and_filter(client):
    first = text_of(client.get("/ui/list/topics"))
    assert "1–50 of" in first and 'rel="next"' in first
    filtered = text_of(client.get("/ui/list/organizations?q=eric"))
    assert "Ericsson" in filtered and "Huawei" not in filtered


def test_ontology_page(client, ui_snapshot):
    body = text_of(client.get("/ontology"))
    doc = ontology.ontology_doc(ui_snapshot)
    assert len(doc["classes"]) >= 25 and len(doc["object_properties"]) >= 20
    assert 'id="Meeting"' in body and 'id="participant"' in body and 'id="startDate"' in body
    assert "schema:Event" in body and "subClassOf" in body
    meeting = next(c for c in doc["classes"] if c["anchor"] == "Meeting")
    assert meeting["definition"] and meeting["instances"] == 3
    assert any(a["target"]["curie"] == "schema:Event" for a in doc["alignments"])


def test_report_page(client, ui_snapshot):
    body = text_of(client.get("/report"))
    report = build_report(ui_snapshot)
    assert report["present"] and len(report["documents"]) == 2 and report["rejected"] == []
    assert "td-cto-communiques-2018.txt" in body and "sgla-2019-budapest.txt" in body
    assert "Every document conformed" in body
    for d in report["documents"]:
        for w in d["warnings"]:
            assert w in body


def test_report_lists_rejected_documents(ui_snapshot):
    from dataclasses import replace

    snap = replace(ui_snapshot, manifest={"built": "x", "documents": {}, "rejected": [
        {"source": "bad.txt", "problems": ["Violation: no date"]}]}, cache={})
    report = build_report(snap)
    assert report["rejected"] == [{"source": "bad.txt", "problems": ["Violation: no date"]}]


# --- offline, vendored, fast ---------------------------------------------------------------------------------

def test_pages_load_nothing_from_other_sites(client):
    for path in ("/", "/query", "/ontology", "/report", f"/ui/entity?iri={quote(DURBAN, safe='')}"):
        body = client.get(path).get_data(as_text=True)
        for url in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', body):
            assert url.startswith(("/", "data:")), f"{path} loads {url}"
        assert "fonts.googleapis" not in body and "cdn" not in body.lower()


def test_static_files_and_vendored_libraries_are_served(client):
    for path in ("ui/ui.css", "ui/ui.js", "ui/charts.js", "ui/query.js", "vendor/codemirror/codemirror.js",
                 "vendor/codemirror/mode/sparql.js", "vendor/chartjs/chart.umd.min.js",
                 "vendor/chartjs-chart-matrix/chartjs-chart-matrix.min.js",
                 "vendor/chartjs-chart-graph/index.umd.min.js"):
        r = client.get(f"/ui/static/{path}")
        assert r.status_code == 200, path
        r.close()


def test_vendored_files_have_licences_versions_and_reasonable_sizes():
    versions = (VENDOR / "VERSIONS.md").read_text()
    for name in ("codemirror", "chart.js", "chartjs-chart-matrix", "chartjs-chart-graph"):
        assert f"| {name} |" in versions
    for folder in (p for p in VENDOR.iterdir() if p.is_dir()):
        assert any(f.name.startswith("LICENSE") for f in folder.iterdir()), folder
    for f in VENDOR.rglob("*"):
        if f.is_file():
            assert f.stat().st_size < 2 * 1024 * 1024, f
    assert (VENDOR / "fetch_vendor.py").is_file()


def test_pages_are_fast(client):
    paths = ["/", "/query", "/ontology", "/report", "/ui/list/topics",
             f"/ui/entity?iri={quote(DURBAN, safe='')}", f"/ui/entity?iri={quote(TD_DOCUMENT, safe='')}"]
    for path in paths:
        started = time.perf_counter()
        assert client.get(path).status_code == 200
        assert time.perf_counter() - started < 1.5, path


def test_entity_links_follow_the_configured_route(ui_app):
    assert "ITUKG_ENTITY_HTML" not in ui_app.config  # the renderer reaches pages.py as an argument, not config
    with ui_app.test_request_context("/"):
        assert web.entity_url(DURBAN) == "/id/meeting/cto-meeting-2018-09-09-durban"
        assert web.entity_url("https://w3id.org/itukg/ontology#Meeting") == "/ontology#Meeting"
        assert web.entity_url("http://www.wikidata.org/entity/Q52618").startswith("/ui/entity?iri=http")
        ui_app.config["ITUKG_UI_ID_PAGES"] = False
        try:
            assert web.entity_url(DURBAN).startswith("/ui/entity?iri=https")
        finally:
            ui_app.config["ITUKG_UI_ID_PAGES"] = True


def test_linked_data_route_renders_the_ui_page_for_browsers(client):
    r = client.get("/id/meeting/cto-meeting-2018-09-09-durban", headers={"Accept": "text/html"})
    assert r.status_code == 200 and 'class="entity entity-meeting"' in r.get_data(as_text=True)
    assert "evidence_page=2#evidence" in r.get_data(as_text=True)
    turtle = client.get("/id/meeting/cto-meeting-2018-09-09-durban", headers={"Accept": "text/turtle"})
    assert turtle.mimetype == "text/turtle"
    missing = client.get("/id/meeting/none", headers={"Accept": "text/html"})
    assert missing.status_code == 404


def test_entity_response_hook_for_linked_data_pages(ui_app, ui_snapshot):
    with ui_app.test_request_context("/id/meeting/cto-meeting-2018-09-09-durban"):
        r = ui.entity_response(ui_snapshot, DURBAN)
        assert r is not None and r.status_code == 200 and "CTO meeting" in r.get_data(as_text=True)
        assert ui.entity_response(ui_snapshot, "https://example.org/none") is None
        assert ui.entity_response(ui_snapshot, "bad iri") is None


def test_pages_are_well_formed_enough(client):
    """One h1, one main, unique ids, labelled form fields, every img/canvas described."""
    paths = ["/", "/query", "/ontology", "/report", "/ui/list/organizations", "/ui/search?q=itu"]
    paths += [f"/ui/entity?iri={quote(i, safe='')}" for i in (DURBAN, ERICSSON, TD_DOCUMENT, BASE + "group/sg17",
                                                                BASE + "topic/network-2030", BASE + "country/ZA")]
    for path in paths:
        body = client.get(path).get_data(as_text=True)
        assert body.count("<h1") == 1 and body.count("<main") == 1, path
        ids = re.findall(r'\sid="([^"]+)"', body)
        dupes = {i for i in ids if ids.count(i) > 1}
        assert not dupes, f"{path}: duplicate ids {dupes}"
        for field_id in re.findall(r'<(?:input|textarea|select)[^>]*\sid="([^"]+)"', body):
            assert f'for="{field_id}"' in body or "aria-label" in body, f"{path}: unlabelled #{field_id}"
        for canvas in re.findall(r"<canvas[^>]*>", body):
            assert 'aria-label="' in canvas and 'role="img"' in canvas, path


# --- the endpoint in a browser, 404 pages, favicon -----------------------------------------------------------

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
MEETINGS_Q = "SELECT ?m ?label WHERE { ?m itukg:describedIn ?d ; rdfs:label ?label }"


@pytest.mark.parametrize("accept", [BROWSER_ACCEPT, "text/html"])
def test_endpoint_answers_a_browser_with_a_table_in_the_site_layout(client, accept):
    r = client.get("/sparql?query=" + quote(MEETINGS_Q), headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == "text/html" and r.headers["Vary"] == "Accept"
    body = text_of(r)
    assert 'aria-label="Main"' in body and 'id="sparql-table"' in body and "<th scope=\"col\">?label</th>" in body
    assert 'href="/id/meeting/cto-meeting-2018-09-09-durban"' in body and "CTO meeting" in body
    assert "id:meeting/cto-meeting-2018-09-09-durban" in body  # the prefixed name next to the label


@pytest.mark.parametrize("accept, media", [
    ("*/*", "application/sparql-results+json"), (None, "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/sparql-results+json, text/html;q=0.5", "application/sparql-results+json"),
    ("text/html;q=0.5, */*;q=0.9", "application/sparql-results+json"),
])
def test_endpoint_keeps_the_protocol_for_clients(client, accept, media):
    headers = {"Accept": accept} if accept else {}
    r = client.get("/sparql?query=" + quote(MEETINGS_Q), headers=headers)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(media)
    assert client.get("/sparql?query=" + quote(MEETINGS_Q) + "&format=csv",
                      headers={"Accept": BROWSER_ACCEPT}).mimetype == "text/csv"


def test_endpoint_html_for_ask_construct_and_errors(client):
    ask = client.get("/sparql?query=" + quote("ASK { ?s ?p ?o }"), headers={"Accept": BROWSER_ACCEPT})
    assert ask.status_code == 200 and 'id="sparql-boolean"' in text_of(ask) and "true" in text_of(ask)
    construct = client.get("/sparql?query=" + quote("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"),
                           headers={"Accept": BROWSER_ACCEPT})
    assert construct.status_code == 200 and "<th scope=\"col\">subject</th>" in text_of(construct)
    bad = client.get("/sparql?query=" + quote("SELEC ?x"), headers={"Accept": BROWSER_ACCEPT})
    assert bad.status_code == 400 and bad.mimetype == "text/html" and 'id="sparql-error"' in text_of(bad)
    form = client.get("/sparql", headers={"Accept": BROWSER_ACCEPT})
    assert 'aria-label="Main"' in text_of(form) and '<option value="html">' in text_of(form)


def test_not_found_pages_have_the_navigation_and_clients_get_text(client):
    page = client.get("/no/such/page", headers={"Accept": BROWSER_ACCEPT})
    assert page.status_code == 404 and page.mimetype == "text/html" and 'aria-label="Main"' in text_of(page)
    assert client.get("/no/such/page", headers={"Accept": "*/*"}).mimetype == "text/plain"
    entity_404 = client.get("/id/organization/nobody", headers={"Accept": BROWSER_ACCEPT})
    assert entity_404.status_code == 404 and 'aria-label="Main"' in text_of(entity_404)


def test_favicon_ico_answers(client):
    r = client.get("/favicon.ico")
    assert r.status_code in (301, 302) and r.headers["Location"].endswith("/ui/static/ui/favicon.svg")
    with client.get(r.headers["Location"]) as icon:  # a static file: closed with its response
        assert icon.status_code == 200


def test_report_shows_paths_relative_to_the_documents_folder(client, ui_snapshot):
    from dataclasses import replace

    body = text_of(client.get("/report"))
    assert "site-packages" not in body and str(Path(__file__).resolve().parent.parent) not in body
    assert "<code class=\"iri small\">td-cto-communiques-2018.txt</code>" in body
    snap = replace(ui_snapshot, cache={}, manifest={"built": "x", "documents": {
        "/usr/lib/python3/site-packages/itukg/corpus/a.txt": {"source": "/usr/lib/python3/site-packages/itukg/corpus/a.txt"},
        "/usr/lib/python3/site-packages/itukg/corpus/sub/b.txt": {"source": "/usr/lib/python3/site-packages/itukg/corpus/sub/b.txt"}},
        "rejected": [{"source": "/usr/lib/python3/site-packages/itukg/corpus/c.txt", "problems": ["x"]}],
        "unreadable": ["/usr/lib/python3/site-packages/itukg/corpus/d.pdf: encrypted"]})
    report = build_report(snap)
    assert sorted(d["source"] for d in report["documents"]) == ["a.txt", "sub/b.txt"]
    assert report["rejected"][0]["source"] == "c.txt" and report["unreadable"] == ["d.pdf: encrypted"]


def test_posts_are_not_claimed_for_the_meeting_date(client, ui_snapshot):
    page = entities.meeting_page(ui_snapshot, DURBAN)
    zhao = next(r for r in page["people"] if r["person"]["label"] == "Houlin Zhao")
    assert [p["label"] for p in zhao["posts"]] == ["ITU Secretary-General"]  # as the document gives it
    assert {p["iri"].rsplit("/", 1)[-1] for p in zhao["other_posts"]} == {"tsb-director", "itu-deputy-secretary-general"}
    body = text_of(entity(client, DURBAN))
    assert "at some time" in body and "not when" in body
    person = text_of(client.get("/id/person/houlin-zhao", headers={"Accept": "text/html"}))
    assert "at some time (reference data)" in person and "gives no dates for posts" in person


def test_lists_can_keep_to_what_the_documents_name(client, ui_snapshot):
    scoped = lists.entity_list(ui_snapshot, "organizations", scope="documents")
    everything = lists.entity_list(ui_snapshot, "organizations")
    counts = {c["key"]: c["count"] for c in home.counts(ui_snapshot)}
    assert len(scoped["rows"]) == counts["organizations"] < len(everything["rows"])
    body = text_of(client.get("/ui/list/organizations?in=documents"))
    assert f"({counts['organizations']})" in body and "all, reference data included" in body


def test_labels_api_for_the_query_editor(client):
    r = client.post("/ui/api/labels", json={"iris": [DURBAN, ERICSSON, "http://example.org/unknown", 5]})
    assert r.status_code == 200 and r.get_json()["labels"] == {DURBAN: "CTO meeting", ERICSSON: "Ericsson"}
    assert client.post("/ui/api/labels", data="nonsense").get_json() == {"labels": {}}


# --- named queries' parameters, read as the CLI reads them ------------------------------------------------------

TOPIC_QUERY = "topic-meetings"


def test_named_query_parameters_resolve_as_in_the_cli(client, ui_snapshot):
    iri, names = topic_and_its_names(ui_snapshot)
    bound = nq.bind(nq.get(TOPIC_QUERY), {"topic": iri})
    for form, value in names.items():
        r = client.get("/ui/api/named-query", query_string={"name": TOPIC_QUERY, "param.topic": value})
        assert r.status_code == 200, (form, r.get_json())
        assert r.get_json()["resolved"] == {"topic": iri} and r.get_json()["text"] == bound, form
    page = client.get("/query", query_string={"named": TOPIC_QUERY, "param.topic": names["label"]})
    body = text_of(page)
    assert page.status_code == 200 and bound in body and 'data-autorun="true"' in body
    assert f'id="named-{TOPIC_QUERY}"' in body and f'value="{names["label"]}"' in body


def test_an_unresolvable_parameter_is_shown_with_its_close_matches(client, ui_snapshot):
    _, names = topic_and_its_names(ui_snapshot)
    typo = names["slug"][:2] + names["slug"][3:]
    with pytest.raises(QueryError) as expected:
        nq.resolve_param(ui_snapshot, "topic", typo)
    assert "close matches" in str(expected.value)
    r = client.get("/ui/api/named-query", query_string={"name": TOPIC_QUERY, "param.topic": typo})
    assert r.status_code == 400 and r.get_json()["errors"] == {"topic": str(expected.value)}
    assert r.get_json()["text"] is None
    page = client.get("/query", query_string={"named": TOPIC_QUERY, "param.topic": typo})
    body = text_of(page)
    assert page.status_code == 400 and str(expected.value) in body and 'aria-invalid="true"' in body
    assert 'data-autorun' not in body


@pytest.mark.parametrize("args, words", [
    ({"name": "no-such-query"}, "no named query"),
    ({"name": TOPIC_QUERY}, "needs parameter"),
    ({"name": TOPIC_QUERY, "param.topic": "x", "param.colour": "red"}, "has no parameter"),
])
def test_named_query_mistakes_are_the_cli_s(client, args, words):
    r = client.get("/ui/api/named-query", query_string=args)
    assert r.status_code == 400 and words in r.get_json()["error"]


def test_choosing_a_named_query_shows_its_form_with_sample_values(client, ui_snapshot):
    examples = {e["name"]: e for e in query.example_queries(ui_snapshot)}
    r = client.get("/query", query_string={"named": TOPIC_QUERY})
    body = text_of(r)
    assert r.status_code == 200 and 'aria-invalid' not in body
    form = re.search(rf'<form class="named-form" id="named-{TOPIC_QUERY}"[^>]*>', body).group(0)
    assert "hidden" not in form
    assert f'value="{examples[TOPIC_QUERY]["fields"]["topic"]}"' in body
    assert f'href="/query?named={TOPIC_QUERY}"' in text_of(client.get("/query"))  # the way there without scripts
    for name, e in examples.items():  # the others' forms stay hidden; queries without parameters have none
        found = re.search(rf'<form class="named-form" id="named-{name}"[^>]*>', body)
        assert (found is not None) == bool(e["params"])
        assert found is None or name == TOPIC_QUERY or "hidden" in found.group(0)


def test_a_named_query_without_parameters_opens_in_the_editor(client):
    plain = next(q for q in nq.named_queries().values() if not q.params)
    r = client.get("/query", query_string={"named": plain.name})
    body = text_of(r)
    assert r.status_code == 200 and f">{plain.text}</textarea>" in body and 'data-autorun="true"' in body
