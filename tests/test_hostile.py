"""Hostile and broken input: each gets a clear error, loses nothing, and lets nobody reach anything.

Documents go through `itukg build` on a folder that also holds good documents (tests/test_read.py covers the
same files at the reader level; here it is the whole pipeline and the CLI). Queries go to a live `itukg serve`
subprocess, so a crash of the server would show as a dead process rather than take pytest down. RDF files are
given to `itukg serve FILE` with entities and contexts pointing at a local listener and a local secret.

The 50 MB decision: the reader refuses files over DEFAULT_MAX_BYTES (50,000,000 bytes) before reading a byte
(from fstat), with "file too large: 52.4 MB, more than 50 MB (max_bytes)". 50 MiB of text is therefore rejected with that reason,
the other documents of the build still go in, and the build process does not grow by the file's size.
"""
from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import docx
import pytest
import requests
from pypdf import PdfWriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server_fixtures import ConnectionRecorder, recorder  # noqa: E402,F401

from bench import loadtest  # noqa: E402
from itukg.graph.dataset import require_current  # noqa: E402
from itukg.graph.resources import corpus_dir  # noqa: E402
from itukg.server import scan  # noqa: E402
from itukg.server.settings import Settings  # noqa: E402

GOOD = ("The CTO meeting took place on 3 May 2020 in Geneva, Switzerland. "
        "Participating companies included Nokia and Ericsson.\n")
SCRIPT_MARKER = "EVILSCRIPTMARKER"
SECRET = "TOPSECRET-itukg-4711"


def _build_measured(args: list[str], timeout: float = 300) -> tuple[int, str, str, int]:
    """`itukg build ...` with its own peak RSS (KB), read with wait4 on its pid."""
    proc = subprocess.Popen([sys.executable, "-m", "itukg", "build", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out_chunks, err_chunks = [], []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read()), daemon=True)
               for s, b in ((proc.stdout, out_chunks), (proc.stderr, err_chunks))]
    for t in readers:
        t.start()
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("itukg build hung")
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    for t in readers:
        t.join(10)
    return (proc.returncode, b"".join(out_chunks).decode(), b"".join(err_chunks).decode(), usage.ru_maxrss)


# --- documents --------------------------------------------------------------------------------------------

def _docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A .docx-looking zip whose document.xml inflates 20 MB of zeros from ~20 KB (ratio ~1000)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", bytes(20_000_000))
    return buffer.getvalue()


def _image_only_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


HOSTILE = {
    # name: (bytes, the reason the build must give, or None when the file must be accepted)
    "empty.txt": (b"", "empty file"),
    "spaces.md": (b" \n\t\n  ", "no text"),
    "random.txt": (random.Random(7).randbytes(20_000), "binary content"),
    "utf16-without-bom.txt": (GOOD.encode("utf-16-le"), "binary content"),
    "utf32-broken.txt": (b"\xff\xfe\x00\x00" + b"\x00\xd8\x00\x00" * 5, "invalid utf-32-le text"),
    "truncated.docx": (None, "not a readable .docx"),
    "bomb.docx": (None, "possible zip bomb"),
    "scan.pdf": (None, "PDF has no text layer"),
    "garbage.pdf": (b"%PDF-1.7\n" + random.Random(3).randbytes(5000), "not a readable PDF"),
    "huge.txt": (None, "file too large: 52.4 MB, more than 50 MB (max_bytes)"),  # a limit: "rejected"
    # accepted:
    "latin1.txt": (GOOD.replace("3 May", "4 June").replace("Nokia", "Nokia (Société anonyme)").encode("latin-1"),
                   None),
    "scripts.html": ((f"<html><head><script>var x = '{SCRIPT_MARKER} head';</script></head><body>"
                      f"<script type='text/javascript'>document.write('{SCRIPT_MARKER}');</script>"
                      f"<p>{GOOD.replace('3 May', '5 July')}</p>"
                      f"<noscript>{SCRIPT_MARKER} noscript</noscript><style>p{{content:'{SCRIPT_MARKER}'}}</style>"
                      f"<p onclick=\"alert('{SCRIPT_MARKER}')\">Thank you.</p></body></html>").encode(), None),
    "no-meeting.txt": (b"Some general thoughts on standardization strategy, with no date and no gathering.\n", None),
}


def test_hostile_documents_through_itukg_build(tmp_path):
    data, docs = tmp_path / "data", tmp_path / "docs"
    shutil.copytree(corpus_dir(), docs, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    code, out, err, baseline_kb = _build_measured([str(docs), "--data-dir", str(data), "-q"])
    assert code == 0, err
    before = require_current(data).dataset_file.read_text(encoding="utf-8")

    (docs / "new.txt").write_text(GOOD, encoding="utf-8")
    for name, (content, _) in HOSTILE.items():
        if content is not None:
            (docs / name).write_bytes(content)
    whole = _docx_bytes(GOOD * 20)
    (docs / "truncated.docx").write_bytes(whole[: len(whole) // 2])
    (docs / "bomb.docx").write_bytes(_zip_bomb())
    (docs / "scan.pdf").write_bytes(_image_only_pdf())
    with open(docs / "huge.txt", "wb") as f:  # really written: 50 MiB of text
        line = b"The meeting discussed standardization of many things at great length.\n"
        for _ in range(50 * 2**20 // len(line)):
            f.write(line)
        f.write(b"x" * (50 * 2**20 - f.tell()))
    assert (docs / "huge.txt").stat().st_size == 50 * 2**20

    started = time.monotonic()
    code, out, err, peak_kb = _build_measured([str(docs), "--data-dir", str(data), "-q"])
    elapsed = time.monotonic() - started
    assert code == 1, (out, err)  # unreadable files make the exit code 1; nothing crashed (that would be 2+)
    assert "Traceback" not in err
    lines = err.splitlines()
    for name, (_, reason) in HOSTILE.items():
        verb = "itukg: rejected" if "(max_bytes)" in (reason or "") else "itukg: cannot read"
        mine = [line for line in lines if f"/{name}:" in line and line.startswith(verb)]
        if reason is None:
            assert not mine, (name, mine)
        else:
            assert len(mine) == 1 and reason in mine[0], (name, reason, mine, err)
    # the document without a meeting is accepted, with a warning that says so
    assert any("no-meeting.txt" in line and "warning" in line and "no meeting found" in line for line in lines), err
    gen = require_current(data)
    names = {e.name for e in gen.documents.values()}
    assert names == {"sgla-2019-budapest.txt", "td-cto-communiques-2018.txt", "new.txt", "latin1.txt",
                     "scripts.html", "no-meeting.txt"}
    dataset = gen.dataset_file.read_text(encoding="utf-8")
    assert SCRIPT_MARKER not in dataset  # script, style, noscript and attributes never reach the graph
    assert "Société" in dataset or "Soci\\u00E9t\\u00E9" in dataset  # latin-1 read as such, not mojibake
    assert "SociÃ©tÃ©" not in dataset
    # nothing that was there is lost
    kept = set(dataset.splitlines())
    assert all(line in kept for line in before.splitlines() if "graph/document/" in line)
    # the 50 MiB file was refused without being read: the build did not grow by anything like its size
    assert peak_kb < baseline_kb + 40 * 1024, (peak_kb, baseline_kb)
    assert elapsed < 120


# --- queries against a live server ------------------------------------------------------------------------

TIMEOUT = 2.0
WORKERS = 2


@pytest.fixture(scope="module")
def srv(built_corpus, tmp_path_factory):
    with loadtest.itukg_server(built_corpus, TIMEOUT, workers=WORKERS, threads=8,
                               log_dir=tmp_path_factory.mktemp("log"),
                               extra_env={"ITUKG_ALLOW_UPDATE": "true", "ITUKG_UPDATE_TOKEN": "s3cret"}) as s:
        yield s


def _post(srv, query: str, path: str = "/sparql", timeout: float = TIMEOUT + 15, **headers) -> requests.Response:
    return requests.post(srv.url + path, data=query.encode("utf-8"), timeout=timeout,
                         headers={"Content-Type": "application/sparql-query",
                                  "Accept": "application/sparql-results+json", **headers})


def _workers(srv) -> set[int]:
    return set(loadtest.children(srv.proc.pid))


def _alive_and_answering(srv) -> None:
    assert srv.proc.poll() is None, srv.log.read_text()[-3000:]
    r = _post(srv, "ASK { ?s ?p ?o }")
    assert r.status_code == 200 and r.json()["boolean"] is True


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ?p ?o",
    "SELEC * WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o } LIMIT -1",
    "SELECT * WHERE { ?s ?p ?o FILTER( }",
    "PREFIX : <http://x/> SELECT * WHERE { :a :b \"unterminated }",
    "SELECT * WHERE { ?s undefinedprefix:p ?o }",
    "SELECT (COUNT(*) AS ?n) ?s WHERE { ?s ?p ?o }",  # ungrouped variable in the projection
    "\x00\x01\x02",
    "}}}}}}}}",
    "SELECT * WHERE { <not an iri> ?p ?o }",
])
def test_malformed_sparql_is_a_400(srv, query):
    r = _post(srv, query)
    assert r.status_code == 400, (r.status_code, r.text)
    assert r.headers["Content-Type"].startswith("text/plain") and "Traceback" not in r.text


def test_request_size_limit_is_exactly_max_request_bytes(srv):
    limit = Settings().max_request_bytes
    assert limit == 1_000_000
    head = "ASK { ?s ?p ?o } #"
    at_limit = (head + "x" * (limit - len(head))).encode()
    assert len(at_limit) == limit
    r = requests.post(srv.url + "/sparql", data=at_limit, timeout=30,
                      headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.json()["boolean"] is True
    r = requests.post(srv.url + "/sparql", data=at_limit + b"x", timeout=30,
                      headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413 and str(limit) in r.text
    # a chunked body (no Content-Length) over the limit too
    r = requests.post(srv.url + "/sparql", data=iter([at_limit, b"xx"]), timeout=30,
                      headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413
    # a 1 MB query string is refused by waitress or by the endpoint, never served or crashed on
    r = requests.get(srv.url + "/sparql?query=" + "x" * (limit + 1), timeout=30)
    assert 400 <= r.status_code < 500
    # a valid ~1 MB query is evaluated within the timeout (or stopped by it)
    values = " ".join(f'"v{i}"' for i in range(110_000))
    big = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?x {{ {values} }} }}"
    assert 900_000 < len(big) < limit
    started = time.monotonic()
    r = _post(srv, big)
    assert r.status_code in (200, 503) and time.monotonic() - started < TIMEOUT + 5
    _alive_and_answering(srv)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE " + "{" * 10_000 + " ?s ?p ?o " + "}" * 10_000,
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 10_000 + "true" + ")" * 10_000 + ") }",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * 10_000 + "true) }",
    "SELECT * WHERE { ?s ?p " + "[ <http://p> " * 10_000 + "?o" + " ]" * 10_000 + " }",
    "SELECT * WHERE " + "{ SELECT * WHERE " * 5_000 + "{ ?s ?p ?o }" + " }" * 5_000,
    "ASK " + "{" * 500_000,
])
def test_deep_nesting_is_a_400_and_kills_no_worker(srv, query):
    before = _workers(srv)
    r = _post(srv, query)
    assert r.status_code == 400 and "nests" in r.text and f"limit is {scan.MAX_NESTING}" in r.text, r.text[:300]
    assert _workers(srv) == before
    _alive_and_answering(srv)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { " + " UNION ".join(["{ ?s a itukg:Meeting }"] * 10_000) + " } LIMIT 1",
    "SELECT * WHERE { ?s ?p ?o " + "FILTER(true) " * 10_000 + "} LIMIT 1",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "+".join(["1"] * 20_000) + " > 0) } LIMIT 1",
    "SELECT * WHERE { ?s ?p ?o " + " ".join(f"BIND({i} AS ?v{i})" for i in range(5_000)) + "} LIMIT 1",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + " && ".join(["true"] * 20_000) + ") } LIMIT 1",
])
def test_long_flat_queries_do_not_crash_a_worker(srv, query):
    """Not nested, but deep for pyoxigraph's recursive parser: on an 8 MB stack each of these was a SIGSEGV."""
    before = _workers(srv)
    r = _post(srv, query)
    assert r.status_code in (200, 503), (r.status_code, r.text[:300])
    if r.status_code == 503:
        assert "time limit" in r.text, r.text  # stopped by the timeout, not a dead worker
    else:
        # no worker died; one may have been replaced all the same: a query past fast_query_seconds finishes in
        # the slow lane on the worker it started on, which a fresh fork replaces in the fast pool
        assert len(_workers(srv)) == len(before)
        assert "stopped while running a query" not in srv.log.read_text()
    _alive_and_answering(srv)


def test_update_nesting_is_refused_before_the_server_process_parses_it(srv):
    """Updates run in the server process itself: a SIGSEGV there would take the whole server down."""
    update = "INSERT DATA { GRAPH <http://x/g> {" + "[ <http://x/p> " * 20_000 + "1" + " ]" * 20_000 + " } }"
    r = _post(srv, update, path="/update", Authorization="Bearer s3cret",
              **{"Content-Type": "application/sparql-update"})
    assert r.status_code == 400 and "nests" in r.text
    _alive_and_answering(srv)


def test_cartesian_product_times_out_with_a_503(srv):
    started = time.monotonic()
    r = _post(srv, loadtest.SLOW_QUERY)
    elapsed = time.monotonic() - started
    assert r.status_code == 503 and "time limit" in r.text
    assert TIMEOUT <= elapsed < TIMEOUT + 3
    _alive_and_answering(srv)


@pytest.mark.parametrize("query", [
    # a 40,000-character "aaaa...!" tested against a backtracking-catastrophic pattern
    'SELECT * WHERE { BIND("' + "a" * 40_000 + '!" AS ?s) FILTER(REGEX(?s, "(a+)+$")) }',
    'SELECT * WHERE { BIND("' + "a" * 40_000 + '!" AS ?s) FILTER(REGEX(?s, "^(a|a)*$")) }',
    'SELECT * WHERE { BIND("' + "a" * 40_000 + '!" AS ?s) FILTER(REGEX(?s, "(a|aa)+$")) }',
    'SELECT (COUNT(*) AS ?n) WHERE { ?x ?p ?s FILTER(REGEX(STR(?s), "(.*a){20}$")) }',
    'SELECT * WHERE { BIND("' + "a" * 40_000 + '" AS ?s) FILTER(REGEX(?s, "(a{1000}){1000}")) }',
])
def test_catastrophic_regex_does_not_hang(srv, query):
    started = time.monotonic()
    r = _post(srv, query)
    assert r.status_code in (200, 400, 503), (r.status_code, r.text[:300])
    assert time.monotonic() - started < TIMEOUT + 3
    _alive_and_answering(srv)


def test_service_to_loopback_and_link_local_makes_no_connection(srv, recorder):
    local = f"http://127.0.0.1:{recorder.port}/sparql"
    for target in (local, "http://169.254.169.254/latest/meta-data/", "http://[::1]:1/", f"http://localhost:{recorder.port}/"):
        for query in (f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ BIND(<{target}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}"):
            started = time.monotonic()
            r = _post(srv, query)
            assert r.status_code == 400 and "SERVICE is disabled" in r.text, r.text
            assert time.monotonic() - started < 2  # refused, not a connect attempt timing out
    # hidden from the server's keyword scanner: the worker sandbox has no sockets, SILENT or not
    for silent in ("", "SILENT "):
        r = _post(srv, f"SELECT * WHERE {{ FILTER(1<?b)SERVICE#>\n{silent}<{local}> {{ ?s ?p ?o }} }}")
        assert r.status_code < 500
    time.sleep(0.3)
    assert recorder.connections == []


def test_updates_and_load_on_the_read_only_endpoint(srv, recorder):
    source = f"http://127.0.0.1:{recorder.port}/data.ttl"
    for update in (f"LOAD <{source}>", f"LOAD SILENT <{source}> INTO GRAPH <http://x/g>",
                   "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
                   "DELETE WHERE { ?s ?p ?o }", "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
                   "CLEAR ALL", "DROP ALL", "PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }"):
        r = requests.post(srv.url + "/sparql", data={"query": update}, timeout=10)
        assert r.status_code == 400 and "read-only" in r.text, (update, r.text)
        r = requests.post(srv.url + "/sparql", data={"update": update}, timeout=10)
        assert r.status_code == 400 and "read-only" in r.text
        r = requests.post(srv.url + "/update", data={"update": update}, timeout=10)  # no token
        assert r.status_code == 401
        r = requests.post(srv.url + "/update", data={"update": update}, timeout=10,
                          headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 403
    # even with the token, nothing fetches: updates run in the server process (no worker sandbox), so LOAD and
    # SERVICE are refused wherever the words appear, also when hidden from the keyword scanner
    local = f"http://127.0.0.1:{recorder.port}/sparql"
    for update in (f"LOAD <{source}>", f"LOAD SILENT <{source}>",
                   "INSERT { GRAPH <http://x/g> { ?s ?p ?o } } WHERE { FILTER(1<?b)SERVICE#>\n"
                   f"SILENT <{local}> {{ ?s ?p ?o }} }}",
                   "INSERT { GRAPH <http://x/g> { ?s ?p ?o } } WHERE { FILTER(1<?b)LOAD#>\n"
                   f"<{source}> }}"):
        r = requests.post(srv.url + "/update", data={"update": update}, timeout=20,
                          headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 400 and "not allowed in updates" in r.text, (update, r.status_code, r.text)
    time.sleep(0.3)
    assert recorder.connections == []
    r = _post(srv, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(r.json()["results"]["bindings"][0]["n"]["value"]) > 1000  # nothing was cleared


def test_non_utf8_bodies_and_query_strings_are_400(srv):
    for body, ctype in ((b"query=SELECT%20*%20WHERE%20%7B%20?s%20?p%20%22\xe9%22%20%7D", "application/x-www-form-urlencoded"),
                        ("ASK { ?s ?p \"é\" }".encode("latin-1"), "application/sparql-query"),
                        ("ASK { ?s ?p \"é\" }".encode("utf-16"), "application/sparql-query"),
                        (b"ASK { ?s ?p \"\xc3\x28\" }", "application/sparql-query"),
                        (b"\xed\xa0\x80", "application/sparql-query")):  # a UTF-8-encoded surrogate
        r = requests.post(srv.url + "/sparql", data=body, headers={"Content-Type": ctype}, timeout=10)
        assert r.status_code == 400 and "UTF-8" in r.text, (body, r.status_code, r.text)
    r = requests.get(srv.url + "/sparql?query=ASK%20%7B%7D%23%FF", timeout=10)
    assert r.status_code == 400 and "UTF-8" in r.text
    _alive_and_answering(srv)


@pytest.mark.parametrize("accept", [
    "application/sparql-results+json;q=0.1, " * 4000,  # ~150 KB
    "text/html," + "x" * 100_000,
    ",".join(f"application/x-{i};q=0.{i % 10}" for i in range(6000)),
    "*/*;" + ";".join(f"p{i}=v" for i in range(10_000)),
])
def test_huge_accept_headers(srv, accept):
    started = time.monotonic()
    try:
        r = requests.get(srv.url + "/sparql", params={"query": "ASK {}"}, headers={"Accept": accept}, timeout=15)
        status = r.status_code
    except requests.ConnectionError:  # waitress may close on an oversized header: acceptable, not a 5xx
        status = 431
    assert status < 500 and time.monotonic() - started < 5
    _alive_and_answering(srv)


def test_oversized_headers_are_refused_by_waitress(srv):
    r = requests.get(srv.url + "/sparql", params={"query": "ASK {}"}, headers={"X-Big": "x" * 300_000}, timeout=15)
    assert 400 <= r.status_code < 500
    _alive_and_answering(srv)


# --- RDF from outside: itukg serve FILE --------------------------------------------------------------------

def _serve_files(files: list[Path], tmp_path: Path) -> tuple[int | None, str, int]:
    """Start `itukg serve FILES`; (exit code or None if it served, its output, port)."""
    port = loadtest.free_port()
    log = tmp_path / f"serve-{port}.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "itukg", "serve", *map(str, files),
                                 "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(tmp_path / "none")],
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        if proc.poll() is not None:
            return proc.returncode, log.read_text(), port
        r = requests.get(f"http://127.0.0.1:{port}/export", params={"format": "nquads"}, timeout=10)
        return None, r.text, port
    finally:
        loadtest._stop(proc)


def test_served_rdf_files_never_resolve_entities_or_contexts(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    rec = ConnectionRecorder()
    try:
        base = f"http://127.0.0.1:{rec.port}"
        rdf = ('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n'
               f'  <!ENTITY file SYSTEM "{secret.as_uri()}">\n  <!ENTITY net SYSTEM "{base}/entity.txt">\n'
               f'  <!ENTITY % dtd SYSTEM "{base}/evil.dtd"> %dtd;\n]>\n'
               '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
               '<rdf:Description rdf:about="http://example.org/y"><ex:p>&file;</ex:p><ex:q>&net;</ex:q>'
               '</rdf:Description></rdf:RDF>')
        files = {
            "xxe.rdf": rdf,
            "remote-context.jsonld": json.dumps({"@context": f"{base}/context.jsonld",
                                                 "@id": "http://example.org/x", "name": "x"}),
            "file-context.jsonld": json.dumps({"@context": secret.as_uri(), "@id": "http://example.org/x",
                                               "name": "x"}),
            "nested-context.jsonld": json.dumps({"@context": [{"ex": "http://example.org/"}, f"{base}/c2"],
                                                 "@id": "ex:x", "ex:p": {"@context": f"{base}/c3", "@value": "v"}}),
        }
        for name, text in files.items():
            path = tmp_path / name
            path.write_text(text, encoding="utf-8")
            code, output, _ = _serve_files([path], tmp_path)
            assert SECRET not in output, name
            if code is not None:  # refused: one clear line, no traceback
                assert code == 2 and "itukg: error:" in output and name in output and "Traceback" not in output, \
                    (name, output[-2000:])
        time.sleep(0.3)
        assert rec.connections == []
    finally:
        rec.close()


LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY a "aaaaaaaaaa">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
          + ']>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
          'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/z">'
          '<ex:p>&b;</ex:p></rdf:Description></rdf:RDF>')


def _cap_memory():  # runs in the child: 2 GB of address space, so the bomb cannot take the machine
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def test_entity_expansion_bomb_in_served_rdfxml_is_refused(tmp_path):
    path = tmp_path / "laughs.rdf"
    path.write_text(LAUGHS, encoding="utf-8")
    port = loadtest.free_port()
    proc = subprocess.run([sys.executable, "-m", "itukg", "serve", str(path), "--port", str(port),
                           "--data-dir", str(tmp_path / "none")], capture_output=True, text=True, timeout=120,
                          preexec_fn=_cap_memory)
    assert proc.returncode == 2 and "itukg: error:" in proc.stderr and "laughs.rdf" in proc.stderr, \
        (proc.returncode, proc.stderr[-1500:])
