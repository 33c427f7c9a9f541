"""Linked Data pages: /id/... by Accept, with the data gathered by describe() for the future web UI."""
from __future__ import annotations

import json

import rdflib
import requests
from server_fixtures import ERICSSON, MEETING, live, snapshot  # noqa: F401

from itukg.server.pages import describe

PAGE = "/id/organization/ericsson"


def test_describe_gathers_what_a_page_shows(snapshot):
    page = describe(snapshot, str(ERICSSON))
    assert page["label"] == "Ericsson"
    assert {t["label"] for t in page["types"]} == {"Organization", "org:Organization"}
    props = {p["predicate"]["curie"]: p["values"] for p in page["properties"]}
    assert [v["label"] for v in props["itukg:basedIn"]] == ["Sweden"]
    assert props["itukg:basedIn"][0]["href"] == "/id/country/SE" and props["itukg:basedIn"][0]["local"]
    assert {v["value"] for v in props["skos:altLabel"]} >= {"LM Ericsson"}
    assert [link["target"]["value"] for link in page["external_links"]] == ["http://www.wikidata.org/entity/Q52601"]
    assert {i["subject"]["value"] for i in page["incoming"]} == {str(MEETING),
                                                                  "https://w3id.org/itukg/id/meeting/cto-meeting-2019-10-27-budapest"}
    assert "https://w3id.org/itukg/graph/reference" in page["graphs"]
    assert describe(snapshot, "https://w3id.org/itukg/id/organization/nobody") is None


def test_turtle_jsonld_ntriples_by_accept(live):
    for accept, fmt in (("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                        ("application/n-triples", "nt")):
        r = requests.get(live.url + PAGE, headers={"Accept": accept}, timeout=10)
        assert r.status_code == 200 and r.headers["Content-Type"].startswith(accept)
        assert r.headers["Vary"] == "Accept"
        g = rdflib.Graph().parse(data=r.content, format=fmt)
        assert (rdflib.URIRef(str(ERICSSON)), rdflib.RDFS.label, rdflib.Literal("Ericsson")) in g
        assert (rdflib.URIRef(str(MEETING)), rdflib.URIRef("https://w3id.org/itukg/ontology#participant"),
                rdflib.URIRef(str(ERICSSON))) in g  # incoming links too
    r = requests.get(live.url + PAGE, params={"format": "jsonld"}, headers={"Accept": "text/html"}, timeout=10)
    assert "@context" in json.loads(r.content)


def test_html_for_browsers(live):
    """The plain Linked Data page (the web UI's richer page is switched off here), with literals escaped."""
    saved = live.app.config.pop("ITUKG_ENTITY_HTML", None)
    try:
        r = requests.get(live.url + PAGE, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}, timeout=10)
    finally:
        if saved is not None:
            live.app.config["ITUKG_ENTITY_HTML"] = saved
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    html = r.text
    assert "<h1>Ericsson</h1>" in html
    assert 'href="/id/country/SE"' in html  # links to other entity pages
    assert 'href="http://www.wikidata.org/entity/Q52601" rel="external"' in html  # external links as links
    assert 'href="/id/meeting/cto-meeting-2018-09-09-durban"' in html  # incoming
    assert '<link rel="alternate" type="text/turtle"' in html
    assert "Line one" in html and "<script" not in html


def test_unknown_entity_is_a_helpful_404(live):
    r = requests.get(live.url + "/id/organization/nobody", headers={"Accept": "text/turtle"}, timeout=10)
    assert r.status_code == 404 and "no description of <https://w3id.org/itukg/id/organization/nobody>" in r.text
    r = requests.get(live.url + "/id/organization/nobody", headers={"Accept": "text/html"}, timeout=10)
    assert r.status_code == 404 and r.headers["Content-Type"].startswith("text/html") and "/sparql" in r.text


def test_html_escapes_data(live):
    page = requests.get(live.url + PAGE, headers={"Accept": "text/html"}, timeout=10).text
    assert 'line &#34;two&#34;' in page and 'line "two"' not in page


def test_html_renderer_can_be_plugged_in(live):
    from flask import Response

    calls = []

    def render(snapshot, iri):
        calls.append(iri)
        return Response("<p>custom</p>", content_type="text/html; charset=utf-8") if "ericsson" in iri else None

    live.app.config["ITUKG_ENTITY_HTML"] = render
    try:
        assert requests.get(live.url + PAGE, headers={"Accept": "text/html"}, timeout=10).text == "<p>custom</p>"
        other = requests.get(live.url + "/id/country/SE", headers={"Accept": "text/html"}, timeout=10)
        assert "<h1>Sweden</h1>" in other.text  # None: the built-in page
        turtle = requests.get(live.url + PAGE, headers={"Accept": "text/turtle"}, timeout=10)
        assert turtle.headers["Content-Type"].startswith("text/turtle")
    finally:
        del live.app.config["ITUKG_ENTITY_HTML"]
    assert calls == [str(ERICSSON), "https://w3id.org/itukg/id/country/SE"]
