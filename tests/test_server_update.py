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


# --- updates run under the query timeout, over the union default graph ----------------------------------

@pytest.fixture(scope="module")
def writable_fast():
    return shared_server("writable-fast", allow_update=True, update_token=TOKEN, query_timeout=1.0)


#: Six-way cartesian product of every triple: hours of work before the first quad is inserted.
HEAVY = ('INSERT { GRAPH <http://example.org/heavy> { ?a <http://example.org/p> ?o } } WHERE { '
         'GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f } GRAPH ?g3 { ?g ?h ?i } GRAPH ?g4 { ?j ?k ?l } '
         'GRAPH ?g5 { ?m ?n ?o } GRAPH ?g6 { ?p ?q ?r } }')


def test_a_heavy_update_is_stopped_at_the_query_timeout_and_changes_nothing(writable_fast):
    import time

    started = time.monotonic()
    r = requests.post(writable_fast.url + "/update", data={"update": HEAVY}, headers=auth(), timeout=60)
    elapsed = time.monotonic() - started
    assert r.status_code == 503, r.text
    assert "update was stopped after the time limit of 1 s" in r.text and "nothing was changed" in r.text
    assert elapsed < 1.0 + 4.0
    assert not ask(writable_fast, "ASK { GRAPH <http://example.org/heavy> { ?s ?p ?o } }")
    assert ask(writable_fast, f"ASK {{ <{ERICSSON}> ?p ?o }}")  # still serving


def test_an_update_where_sees_the_union_default_graph_queries_see(writable_fast):
    update = (f'INSERT {{ GRAPH <http://example.org/seen> {{ ?s <http://example.org/labelled> "yes" }} }} '
              f'WHERE {{ ?s rdfs:label ?label FILTER(?s = <{ERICSSON}>) }}')
    r = requests.post(writable_fast.url + "/update", data={"update": update}, headers=auth(), timeout=30)
    assert r.status_code == 200, r.text
    assert ask(writable_fast, f'ASK {{ GRAPH <http://example.org/seen> {{ <{ERICSSON}> ?p "yes" }} }}')
    # GRAPH ?g still reaches the named graphs; DELETE removes from where the triples are.
    delete = ('DELETE { GRAPH ?g { ?s <http://example.org/labelled> ?o } } '
              'WHERE { GRAPH ?g { ?s <http://example.org/labelled> ?o } }')
    r = requests.post(writable_fast.url + "/update", data={"update": delete}, headers=auth(), timeout=30)
    assert r.status_code == 200, r.text
    assert not ask(writable_fast, "ASK { ?s <http://example.org/labelled> ?o }")
    r = requests.post(writable_fast.url + "/update", data={"update": "CLEAR XYZ"}, headers=auth(), timeout=10)
    assert r.status_code == 400 and "syntax error" in r.text
