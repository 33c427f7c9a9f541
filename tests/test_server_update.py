"""SPARQL Update: refused unless enabled, on its own path, with a bearer token; applied all or nothing."""
from __future__ import annotations

import pytest
import requests

from server_fixtures import ERICSSON, live, shared_server  # noqa: F401

TOKEN = "s3cret-token"
INSERT = 'INSERT DATA { GRAPH <http://example.org/added> { <http://example.org/x> <http://example.org/p> "new" } }'


@pytest.fixture(scope="module")
def writable():
    return shared_server("writable", allow_update=True, update_token=TOKEN)


def auth(token=TOKEN):
    return {"Authorization": f"Bearer {token}"}


def ask(server, query, **params):
    return requests.get(server.sparql, params={"query": query, **params}, timeout=10).json()["boolean"]


def test_update_is_off_by_default(live):
    r = requests.post(live.url + "/update", data={"update": INSERT}, headers=auth(), timeout=10)
    assert r.status_code == 403 and "disabled" in r.text
    r = requests.post(live.sparql, data={"update": INSERT}, timeout=10)
    assert r.status_code == 400 and "read-only" in r.text


def test_token_is_required(writable):
    r = requests.post(writable.url + "/update", data={"update": INSERT}, timeout=10)
    assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
    r = requests.post(writable.url + "/update", data={"update": INSERT}, headers=auth("wrong"), timeout=10)
    assert r.status_code == 403
    r = requests.get(writable.url + "/update", params={"update": INSERT}, headers=auth(), timeout=10)
    assert r.status_code == 405
    assert not ask(writable, "ASK { <http://example.org/x> ?p ?o }")


def test_update_applies_and_is_visible(writable):
    r = requests.post(writable.url + "/update", data=INSERT.encode(),
                      headers={**auth(), "Content-Type": "application/sparql-update"}, timeout=10)
    assert r.status_code == 200, r.text
    assert ask(writable, 'ASK { <http://example.org/x> <http://example.org/p> "new" }')  # via the union
    assert ask(writable, 'ASK { GRAPH <http://example.org/added> { ?s ?p "new" } }')
    r = requests.post(writable.url + "/update", data={"update": "DROP GRAPH <http://example.org/added>"},
                      headers=auth(), timeout=10)
    assert r.status_code == 200
    assert not ask(writable, "ASK { <http://example.org/x> ?p ?o }")
    assert ask(writable, f"ASK {{ <{ERICSSON}> ?p ?o }}")


def test_update_errors_are_4xx(writable):
    r = requests.post(writable.url + "/update", data={"update": "CLEAR XYZ"}, headers=auth(), timeout=10)
    assert r.status_code == 400 and "syntax error" in r.text
    r = requests.post(writable.url + "/update", data={"update": "INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> "
                                                                "{ ?s ?p ?o } }"}, headers=auth(), timeout=10)
    assert r.status_code == 400 and "SERVICE" in r.text
    r = requests.post(writable.url + "/update", data={"query": "ASK {}"}, headers=auth(), timeout=10)
    assert r.status_code == 400
    r = requests.post(writable.url + "/update?using-graph-uri=http://example.org/g",
                      data={"update": "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"},
                      headers=auth(), timeout=10)
    assert r.status_code == 400 and "USING or WITH" in r.text
