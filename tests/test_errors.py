"""One error hierarchy, two answers: every ItukgError has an exit code (the CLI) and an HTTP status (the server),
a one-line message, and is answered the same way wherever it is raised.

Data-driven over every subclass, so a new class is checked without a new test: its shape, its pickling (errors
cross the query workers' pipes), the HTTP answer of the real app and the CLI's one line.
"""
from __future__ import annotations

import html
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from itukg import cli
from itukg.graph import errors
from itukg.graph.errors import ItukgError
from itukg.server.app import close_app, create_app
from itukg.server.settings import Settings


def _all_classes(root: type = ItukgError) -> list[type]:
    out = [root]
    for sub in root.__subclasses__():
        out += [c for c in _all_classes(sub) if c not in out]
    return out


CLASSES = _all_classes()

#: Classes whose constructor is not (message): how to make one.
MAKE = {
    errors.DocumentError: lambda c: c("docs/a.txt", "empty file"),
    errors.SkippedFile: lambda c: c("docs/pipe", "not a regular file (named pipe)"),
    errors.ProcessingError: lambda c: c("docs/b.txt", "processing failed: RuntimeError: a bug"),
    errors.LimitExceeded: lambda c: c("docs/big.pdf", "more than 2000 pages", "max_pages"),
    errors.StoreHTTPError: lambda c: c(400, "http://store/: query failed with HTTP 400: bad query"),
    errors.QueryTimeout: lambda c: c(2.5),
    errors.ServerBusy: lambda c: c(3),
    errors.PoolClosed: lambda c: c(),
    errors.WorkerDied: lambda c: c(),
}


def make(cls: type) -> ItukgError:
    return MAKE.get(cls, lambda c: c(f"a {c.__name__} happened, say what to change"))(cls)


def test_every_class_lives_in_the_one_module():
    assert len(CLASSES) > 20
    assert all(c.__module__ == "itukg.graph.errors" for c in CLASSES), [c for c in CLASSES
                                                                       if c.__module__ != "itukg.graph.errors"]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_shape_of_every_error(cls):
    assert cls.exit_code in (1, 2)
    assert 400 <= cls.status < 600
    exc = make(cls)
    assert exc.message == str(exc) and exc.message.strip() and "\n" not in exc.message
    assert exc.for_client is (cls.status != 500)
    again = pickle.loads(pickle.dumps(exc))
    assert type(again) is cls and again.message == exc.message and dict(again.headers) == dict(exc.headers)
    assert again.__dict__ == exc.__dict__


def test_limits_say_when_to_come_back():
    for cls in (errors.QueryTimeout, errors.ServerBusy):
        assert make(cls).headers["Retry-After"] == "5"
    extra = errors.NotFound("gone", headers={"Vary": "Accept"})
    assert extra.headers == {"Vary": "Accept"} and errors.NotFound.headers == {}


# --- the server: one handler -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data = tmp_path_factory.mktemp("errors") / "data.ttl"
    data.write_text("<http://example.org/s> <http://example.org/p> 'o' .\n", encoding="utf-8")
    app = create_app(Settings(files=[data], query_workers=1, reload_interval=0))
    by_name = {c.__name__: c for c in CLASSES}

    @app.get("/test-raise/<name>")
    def raise_it(name):
        if name == "bug":
            raise RuntimeError("secret detail of a bug")
        raise make(by_name[name])

    yield app
    close_app(app)


PLAIN = {"Accept": "application/sparql-results+json"}
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_http_answer_of_every_error(app, cls):
    exc = make(cls)
    client = app.test_client()
    r = client.get(f"/test-raise/{cls.__name__}", headers=PLAIN)
    assert r.status_code == cls.status
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.mimetype == "text/plain"
    text = r.get_data(as_text=True)
    if exc.for_client:
        assert text == exc.message + "\n"
        for key, value in exc.headers.items():
            assert r.headers[key] == value
    else:  # the server's own problem: logged, never shown
        assert exc.message not in text and "Internal server error" in text
    page = client.get(f"/test-raise/{cls.__name__}", headers=BROWSER)
    assert page.status_code == cls.status and page.mimetype == "text/html"
    assert page.headers["X-Content-Type-Options"] == "nosniff" and "Accept" in page.headers["Vary"]
    body = page.get_data(as_text=True)
    assert "<nav" in body  # the site's layout
    if exc.for_client:
        assert html.escape(exc.message, quote=False) in body


def test_a_bug_is_a_500_without_its_details(app):
    for headers in (PLAIN, BROWSER):
        r = app.test_client().get("/test-raise/bug", headers=headers)
        text = r.get_data(as_text=True)
        assert r.status_code == 500 and "secret detail" not in text and "Traceback" not in text
        assert "Internal server error" in text and r.headers["X-Content-Type-Options"] == "nosniff"


def test_errors_before_a_query_runs_are_pages_for_browsers_and_text_for_clients(app):
    client = app.test_client()
    for headers, mimetype in ((BROWSER, "text/html"), (PLAIN, "text/plain"), ({}, "text/plain"),
                              ({"Accept": "*/*"}, "text/plain")):
        r = client.get("/sparql?query=SELECT%20*%20{}&default-graph-uri=not%20an%20iri", headers=headers)
        assert r.status_code == 400 and r.mimetype == mimetype, headers
        assert "is not an absolute IRI" in r.get_data(as_text=True)
        r = client.post("/sparql", data=b"SELECT * {}", headers={**headers, "Content-Type": "text/plain"})
        assert r.status_code == 415 and r.mimetype == mimetype, headers


def test_syntax_errors_read_as_sentences(app):
    r = app.test_client().get("/sparql", query_string={"query": "SELECT ?s\nWHERE { ?s ?p ?o . FILTER( }"},
                              headers=PLAIN)
    text = r.get_data(as_text=True)
    assert r.status_code == 400
    first, line, caret, engine = text.splitlines()
    assert first.startswith("SPARQL syntax error at line 2, column 28 (near `}`): expected one of ABS, AVG")
    assert "[_]" not in first and line == "WHERE { ?s ?p ?o . FILTER( }" and caret == " " * 27 + "^"
    assert engine.startswith("(the engine said: error at 2:29")


@pytest.mark.parametrize("query, sentence", [
    ("SELECT * WHERE { ?s ?p ?o ", "at line 1, column 27 (at the end of the query): the query ends too early; "
                                   "expected one of `,`, `.`, `;`, `{`, `{|`, `}` or `~`"),
    ("SELECT * WHERE { ?s foo:bar ?o }", "at line 1, column 28 (near `foo:bar ?o`): prefix not found"),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT -1", "(near `-1`): expected one of HAVING, OFFSET, OPTIONAL, VALUES or "
                                             "a number"),
    ("SELEC * WHERE {}", "(near `WHERE {}`)"),
])
def test_syntax_sentences(query, sentence):
    import pyoxigraph as ox

    from itukg.server.syntax import syntax_error

    with pytest.raises(SyntaxError) as info:
        ox.Store().query(query)
    exc = syntax_error(query, info.value)
    assert isinstance(exc, errors.QuerySyntaxError) and sentence in exc.message and "\n" not in exc.message


# --- the CLI: one handler ----------------------------------------------------------------------------------

@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_cli_answer_of_every_error(cls, monkeypatch, capsys):
    exc = make(cls)

    def command(args, config):
        raise exc

    monkeypatch.setattr(cli, "cmd_ontology", command)
    assert cli.main(["ontology"]) == cls.exit_code
    err = capsys.readouterr().err
    assert err == f"itukg: error: {exc.message}\n"


def itukg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "itukg", *args], capture_output=True, text=True, timeout=300)


def _one_line(proc: subprocess.CompletedProcess) -> str:
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def test_the_real_cli_says_each_error_in_one_line(tmp_path):
    empty = tmp_path / "nothing-here"
    proc = itukg("query", "--data-dir", str(empty), "SELECT * {}")
    assert proc.returncode == errors.DatasetError.exit_code
    assert _one_line(proc).startswith("itukg: error: ") and "run `itukg build` first" in _one_line(proc)
    proc = itukg("query", "--data-dir", str(empty))
    assert proc.returncode == errors.QueryError.exit_code and "give a query" in _one_line(proc)
    proc = itukg("export", "--data-dir", str(empty))
    assert proc.returncode == 2 and "run `itukg build` first" in _one_line(proc)
    proc = itukg("build", "--data-dir", str(empty), "-q", "-o", str(tmp_path / "out.xyz"))
    assert proc.returncode == errors.ConfigError.exit_code and "unknown export format" in _one_line(proc)


def test_the_real_cli_on_a_query_with_a_syntax_error(built_corpus):
    proc = itukg("query", "--data-dir", str(built_corpus), "SELECT * WHERE {\n  ?s ?p\n}")
    assert proc.returncode == errors.QuerySyntaxError.exit_code
    assert _one_line(proc).startswith("itukg: error: SPARQL syntax error at line 3, column 1 (near `}`): expected")


def test_the_real_cli_ends_validate_with_validation_failed(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("The zeroth CTO meeting took place on 4 May 2020 in Geneva, Switzerland.\n")  # ordinal 0
    proc = itukg("validate", str(bad))
    assert proc.returncode == errors.ValidationFailed.exit_code == 1
    assert "does not conform" in proc.stdout
    assert _one_line(proc) == "itukg: error: 1 document of 1 does not conform to the shapes"

