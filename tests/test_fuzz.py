"""Property-based fuzzing with hypothesis of the two entry points that take outside input.

* The query endpoint of a live `itukg serve` subprocess (random strings, mutations of the named queries, random
  Accept headers and format parameters, random form bodies): never a 5xx other than a timeout 503, never
  longer than the timeout plus a margin.
* The document pipeline (graph.read.read_document -> graph.extract.meetings.extract -> graph.mapping.to_graph)
  on random bytes and random text: DocumentError or a graph, never another exception, never a hang.

Example counts are small on purpose: the whole file runs in well under a minute.
"""
from __future__ import annotations

import signal
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, settings, strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import loadtest  # noqa: E402
from itukg.graph.errors import DocumentError  # noqa: E402
from itukg.graph.extract.meetings import extract  # noqa: E402
from itukg.graph.mapping import to_graph  # noqa: E402
from itukg.graph.read import read_document  # noqa: E402
from itukg.graph.reference import load_reference  # noqa: E402
from itukg.server import named_queries as nq  # noqa: E402

TIMEOUT = 2.0
MARGIN = 3.0
NAMED = [nq.bind(q, {p: "https://w3id.org/itukg/id/topic/security" for p in q.params})
         for q in nq.named_queries().values()]
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])


@pytest.fixture(scope="module")
def srv(built_corpus, tmp_path_factory):
    with loadtest.itukg_server(built_corpus, TIMEOUT, workers=2, log_dir=tmp_path_factory.mktemp("log")) as s:
        yield s


def _check(srv, response_or_exc, started):
    elapsed = time.monotonic() - started
    assert elapsed < TIMEOUT + MARGIN, elapsed
    r = response_or_exc
    if r.status_code >= 500:
        assert r.status_code == 503 and "time limit" in r.text, (r.status_code, r.text[:500])
    assert srv.proc.poll() is None, srv.log.read_text()[-3000:]


def _send(srv, method="POST", **kwargs):
    started = time.monotonic()
    r = requests.request(method, srv.url + "/sparql", timeout=TIMEOUT + MARGIN + 5, **kwargs)
    _check(srv, r, started)
    return r


# --- the query endpoint -------------------------------------------------------------------------------------

SPARQL_BITS = st.sampled_from(["SELECT", "*", "WHERE", "{", "}", "(", ")", "[", "]", "?s", "?p", "?o", ".", ";",
                               ",", "FILTER", "OPTIONAL", "UNION", "GRAPH", "SERVICE", "BIND", "AS", "VALUES",
                               "ASK", "CONSTRUCT", "DESCRIBE", "LIMIT", "1", "\"x\"", "<http://x/>", "a",
                               "itukg:Meeting", "REGEX", "COUNT", "GROUP BY", "ORDER BY", "#", "\n", "'", "\\",
                               "INSERT", "DELETE", "LOAD", "FROM", "NAMED", "PREFIX", ":", "^^", "@en", "!", "|",
                               "/", "+", "*", "<", ">", "=", "&&"])


@FUZZ
@given(text=st.text(max_size=300))
def test_random_strings(srv, text):
    _send(srv, data={"query": text})


@FUZZ
@given(tokens=st.lists(SPARQL_BITS, max_size=60))
def test_random_token_soup(srv, tokens):
    _send(srv, data=" ".join(tokens).encode(), headers={"Content-Type": "application/sparql-query"})


@st.composite
def mutated_named_query(draw):
    text = draw(st.sampled_from(NAMED))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "insert", "replace", "swap", "truncate"]))
        i = draw(st.integers(0, max(len(text) - 1, 0)))
        j = min(len(text), i + draw(st.integers(1, 20)))
        piece = draw(st.one_of(SPARQL_BITS, st.text(max_size=5)))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "insert":
            text = text[:i] + piece + text[i:]
        elif op == "replace":
            text = text[:i] + piece + text[j:]
        elif op == "swap":
            text = text[i:j] + text[:i] + text[j:]
        else:
            text = text[:i]
    return text


@FUZZ
@given(query=mutated_named_query())
def test_mutated_named_queries(srv, query):
    _send(srv, data={"query": query})


MEDIA = st.sampled_from(["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                         "text/tab-separated-values", "text/turtle", "application/n-triples", "application/ld+json",
                         "application/rdf+xml", "application/trig", "application/n-quads", "text/html", "*/*",
                         "text/*", "application/*", "image/png", "", ";", "*/*;q=", "a/b;q=nan", "x;q=1e9999"])
PRINTABLE = st.characters(min_codepoint=32, max_codepoint=126)
ACCEPT = st.one_of(
    st.lists(st.tuples(MEDIA, st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True),
                                        st.text(alphabet=PRINTABLE, max_size=4))),
             max_size=6).map(lambda items: ", ".join(m if q is None else f"{m};q={q}" for m, q in items)),
    st.text(alphabet=PRINTABLE, max_size=200),
).map(str.strip)  # header values as a client can send them (no leading or trailing blanks)
FORMAT = st.one_of(st.sampled_from(["json", "xml", "csv", "tsv", "turtle", "nt", "jsonld", "rdfxml", "trig",
                                    "nquads", "html", "text/turtle", "application/json", "", "JSON", "yaml"]),
                   st.text(max_size=20))


@FUZZ
@given(query=st.sampled_from(NAMED + ["ASK {}", "CONSTRUCT WHERE { ?s a itukg:Meeting }",
                                      "DESCRIBE ?m WHERE { ?m a itukg:Meeting } LIMIT 1"]),
       accept=ACCEPT, formats=st.lists(FORMAT, max_size=3), method=st.sampled_from(["GET", "POST"]))
def test_random_accept_headers_and_formats(srv, query, accept, formats, method):
    params = [("query", query)] + [("format", f) for f in formats]
    headers = {"Accept": accept}
    if method == "GET":
        r = _send(srv, "GET", params=params, headers=headers)
    else:
        r = _send(srv, data=params, headers=headers)
    assert r.status_code in (200, 400, 406) or r.status_code == 503, (r.status_code, r.text[:300])


FORM_KEYS = st.sampled_from(["query", "update", "format", "default-graph-uri", "named-graph-uri", "asserted",
                             "using-graph-uri", "", "q", "query[]"])


@FUZZ
@given(pairs=st.lists(st.tuples(FORM_KEYS, st.text(max_size=40)), max_size=6),
       raw=st.binary(max_size=200), content_type=st.sampled_from(
           ["application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update",
            "application/x-www-form-urlencoded; charset=latin-1", "multipart/form-data", "text/plain", "",
            "application/sparql-query; charset=utf-8"]),
       use_raw=st.booleans())
def test_random_form_bodies(srv, pairs, raw, content_type, use_raw):
    body = raw if use_raw else urllib.parse.urlencode(pairs).encode()
    r = _send(srv, data=body, headers={"Content-Type": content_type} if content_type else {})
    assert r.status_code < 500 or r.status_code == 503


# --- the document pipeline -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ref():
    return load_reference()


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang()


def _pipeline(path: Path, ref) -> None:
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(20)
    try:
        try:
            text = read_document(path)
        except DocumentError:
            return
        graph = to_graph(extract(text, ref))
        assert len(graph) > 0  # at least the Document node
    except _Hang:
        raise AssertionError(f"the pipeline hung on {path.name}") from None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


SUFFIX = st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf"])
MEETINGISH = st.lists(st.sampled_from(
    ["The", "CTO", "meeting", "took place", "on", "3 May 2020", "9-10 September 2018", "in", "Geneva,",
     "Switzerland.", "Study Group 17", "Study Groups 12, 13 and 16", "Focus Group", "TSAG", "participants",
     "Ericsson", "Huawei", "Nokia", "Secretary-General", "Director of TSB", "\n", "\n\n", ":", ";", "-",
     "1st", "2nd", "twentieth", "Budapest, Hungary", "hosted by", "next meeting", "COMMUNIQUÉ", "•", "—",
     "security", "network slicing", "(", ")", "2019", "from", "to"]), max_size=80).map(" ".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=SUFFIX)
def test_random_bytes_through_the_pipeline(tmp_path, ref, data, suffix):
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    _pipeline(path, ref)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=2000), MEETINGISH), suffix=st.sampled_from([".txt", ".md", ".html"]),
       encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252"]))
def test_random_text_through_the_pipeline(tmp_path, ref, text, suffix, encoding):
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(text.encode(encoding, errors="replace"))
    _pipeline(path, ref)
