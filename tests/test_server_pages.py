"""Linked Data pages: /id/... by Accept, with the data gathered by describe() for the future web UI."""
from __future__ import annotations

import json

import rdflib
import requests
from flask import Flask, Response
from server_fixtures import ERICSSON, MEETING, live, snapshot  # noqa: F401

from itukg.server import pages
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


def pages_client(live, **renderers):
    """A test client of an app serving only the Linked Data pages over the live server's data, with the HTML
    renderers given (pages.register's arguments)."""
    app = Flask(__name__)
    app.extensions["itukg"] = live.app.extensions["itukg"]
    pages.register(app, **renderers)
    return app.test_client()


def test_html_for_browsers(live):
    """The plain Linked Data page (no web UI renderer given), with literals escaped."""
    r = pages_client(live).get(PAGE, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    html = r.get_data(as_text=True)
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


def test_html_renderer_is_passed_when_registering(live):
    calls = []

    def render(snapshot, iri):
        calls.append(iri)
        return Response("<p>custom</p>", content_type="text/html; charset=utf-8") if "ericsson" in iri else None

    client = pages_client(live, render_entity=render)
    assert client.get(PAGE, headers={"Accept": "text/html"}).get_data(as_text=True) == "<p>custom</p>"
    other = client.get("/id/country/SE", headers={"Accept": "text/html"})
    assert "<h1>Sweden</h1>" in other.get_data(as_text=True)  # None: the built-in page
    turtle = client.get(PAGE, headers={"Accept": "text/turtle"})
    assert turtle.headers["Content-Type"].startswith("text/turtle")
    assert calls == [str(ERICSSON), "https://w3id.org/itukg/id/country/SE"]
    missing = pages_client(live, render_not_found=lambda message, iri, status: Response(f"gone: {iri}", status))
    r = missing.get("/id/organization/nobody", headers={"Accept": "text/html"})
    assert r.status_code == 404 and r.get_data(as_text=True) == "gone: https://w3id.org/itukg/id/organization/nobody"
