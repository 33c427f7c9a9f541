"""itukg on an external SPARQL store, live: Oxigraph server and Virtuoso 7, each started here on 127.0.0.1 with
a throw-away database (docs/external-stores.md).

For each store: build the bundled corpus into it, check the named queries answer as on the local store, that an
unchanged rebuild sends nothing, that a failed push leaves the store as it was, that serving from the store
answers /sparql, Linked Data pages and exports, and that a changed document replaces its old graph whole.
A store whose server binary is not installed is skipped, saying so.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from itukg.config import StoreSettings
from itukg.graph.namespaces import GRAPH
from itukg.graph.resources import corpus_dir
from itukg.graph.store_client import SparqlClient, StoreError
from itukg.graph.store_push import ASSERTED, META, STAGING_PREFIX, UNION, build_into_store, push, read_meta
from itukg.server import named_queries as nq
from itukg.server.app import build_server, close_app, create_app
from itukg.server.remote import RemoteSnapshot, open_remote
from itukg.server.settings import Settings
from itukg.server.store import HIDDEN_GRAPHS, load_dataset

SAMPLE_PARAMS = {"topic": "https://w3id.org/itukg/id/topic/security",
                 "entity": "https://w3id.org/itukg/id/organization/ericsson"}


#: Named queries a store's own SPARQL engine answers differently (its bugs, not itukg's); docs/external-stores.md.
KNOWN_DEVIATIONS: dict[str, dict[str, str]] = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the store exited with {proc.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the store did not come up at {url} within {seconds} s")


def _oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def _start_oxigraph(tmp: Path):
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the Oxigraph server binary is not installed (pip install 'oxigraph>=0.5,<0.6')")
    port = _free_port()
    log = tmp / "oxigraph.log"
    with open(log, "wb") as out:  # the child keeps its own copy of the descriptor
        proc = subprocess.Popen([binary, "serve", "--location", str(tmp / "db"), "--bind", f"127.0.0.1:{port}"],
                                stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    _wait(url + "/query?query=ASK%7B%7D", proc, 30, log)
    return proc, StoreSettings(url, type="oxigraph")


_VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {d}
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
"""


def _start_virtuoso(tmp: Path):
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("Virtuoso 7 is not installed (apt-get install virtuoso-opensource-7; .ci/run does it)")
    http, sql = _free_port(), _free_port()
    (tmp / "virtuoso.ini").write_text(_VIRTUOSO_INI.format(d=tmp, http=http, sql=sql))
    log = tmp / "virtuoso.out"
    with open(log, "wb") as out:  # the child keeps its own copy of the descriptor
        proc = subprocess.Popen([binary, "+foreground", "+configfile", str(tmp / "virtuoso.ini")],
                                stdout=out, stderr=subprocess.STDOUT, cwd=tmp)
    url = f"http://127.0.0.1:{http}"
    _wait(url + "/sparql?query=ASK%7B%7D", proc, 120, log)
    # Writes go to the digest-authenticated endpoints as dba (the fresh database's default password);
    # reads go to the anonymous, read-only /sparql.
    return proc, StoreSettings(url, type="virtuoso", user="dba", password="dba")


STARTERS = {"oxigraph": _start_oxigraph, "virtuoso": _start_virtuoso}


class Store:
    def __init__(self, kind: str, config: StoreSettings, root: Path):
        self.kind, self.config, self.root = kind, config, root
        self.data_dir = root / "data"
        self.client = SparqlClient(config)

    @property
    def reader(self) -> StoreSettings:
        """What `serve` uses: no credentials."""
        return StoreSettings(self.config.url, type=self.config.type)

    def graph_triples(self, graph: str) -> set:
        rows = self.client.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        return {_plain(ox.Triple(r["s"], r["p"], r["o"])) for r in rows}

    def graphs(self) -> set[str]:
        rows = self.client.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return {r["g"].value for r in rows if r["g"].value.startswith((str(GRAPH), "urn:x-itukg:"))}


@pytest.fixture(scope="module", params=sorted(STARTERS))
def store(request):
    root = Path(tempfile.mkdtemp(prefix=f"itukg-{request.param}-"))
    proc, config = STARTERS[request.param](root)
    try:
        yield Store(request.param, config, root)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def built(store):
    """The bundled corpus built into the store (and, as always, into the local data dir)."""
    result, pushed = build_into_store(store.config, None, store.data_dir)
    assert result.ok and pushed.changed
    return result


@pytest.fixture(scope="module")
def local(built, store):
    return load_dataset(store.data_dir)


def _plain(term):
    """Terms comparable across stores: blank nodes all alike (their labels are the store's business)."""
    if isinstance(term, ox.BlankNode):
        return "_:b"
    if isinstance(term, ox.Triple):
        return tuple(_plain(t) for t in term)
    return str(term)


def _rows(result) -> set:
    if isinstance(result, ox.QueryBoolean):
        return {bool(result)}
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return {tuple(_plain(s[n]) if s[n] is not None else None for n in names) for s in result}
    return {_plain(t) for t in result}


# --- building into the store ------------------------------------------------------------------------------

def test_named_queries_answer_as_on_the_local_store(store, local):
    remote = open_remote(store.reader)
    assert isinstance(remote, RemoteSnapshot)
    assert remote.triples == local.triples
    assert {g.value for g in remote.graphs} == {g.value for g in local.graphs}
    assert remote.graph_sizes == local.graph_sizes
    compared = 0
    for q in nq.named_queries().values():
        if q.name in KNOWN_DEVIATIONS.get(store.kind, {}):
            continue
        compared += 1
        text = nq.bind(q, {p: SAMPLE_PARAMS[p] for p in q.params})
        for asserted in (False, True):
            expected = _rows(local.query(text, asserted=asserted))
            assert _rows(remote.query(text, asserted=asserted)) == expected, (q.name, asserted)
    assert compared >= 6
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # the union is a set on the store too
    assert _rows(remote.query(count)) == _rows(local.query(count))
    assert _rows(remote.query(count, asserted=True)) == _rows(local.query(count, asserted=True))


def test_the_store_holds_each_graph_as_built(store, local):
    gen = local.source
    for path in sorted(Path(gen, "documents").glob("*.nq")):
        graph = f"{GRAPH}document/{path.stem}"
        expected = {_plain(q.triple) for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)}
        assert store.graph_triples(graph) == expected
    assert store.graphs() == {g.value for g in local.graphs} | {UNION, ASSERTED, META}


def test_an_unchanged_rebuild_sends_nothing(store, built):
    before = read_meta(store.client)
    result, pushed = build_into_store(store.config, None, store.data_dir)
    assert len(result.reused) == 2 and not result.accepted
    assert not pushed.changed and pushed.requests == 1  # one read of the store's metadata, no update
    assert read_meta(store.client) == before


def test_a_failed_push_leaves_the_store_as_it_was(store, built, tmp_path):
    before = read_meta(store.client)
    sizes = open_remote(store.reader).graph_sizes
    data_dir = tmp_path / "other"
    docs = tmp_path / "docs"
    shutil.copytree(corpus_dir(), docs, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (docs / "extra.txt").write_text((docs / "sgla-2019-budapest.txt").read_text() + "\nA new closing line.\n")
    from itukg.graph.build import build

    build([docs], data_dir)
    broken = StoreSettings(store.config.url, type=store.config.type, user=store.config.user,
                         password=store.config.password, gsp=store.config.url + "/no-such-endpoint")
    with pytest.raises(StoreError):
        push(broken, data_dir)
    assert read_meta(store.client) == before
    assert open_remote(store.reader).graph_sizes == sizes
    assert not any(g.startswith(STAGING_PREFIX) for g in store.graphs())


def test_credentials_never_show(store, built, capsys, monkeypatch):
    from itukg.cli import main

    monkeypatch.setenv("ITUKG_STORE_USER", "someone")
    monkeypatch.setenv("ITUKG_STORE_PASSWORD", "s3cret-pw")
    code = main(["build", "-q", "--data-dir", str(store.data_dir), "--store", store.config.url + "/nowhere",
                 "--store-type", "generic"])
    out = capsys.readouterr()
    assert code == 2 and "s3cret-pw" not in out.out + out.err and "itukg: error:" in out.err
    code = main(["build", "-q", "--data-dir", str(store.data_dir), "--store", "http://u:p@127.0.0.1:1/"])
    assert code == 2 and "ITUKG_STORE_PASSWORD" in capsys.readouterr().err


# --- `itukg query --store` and `itukg export --store` ------------------------------------------------------

#: Named-query parameters as users write them: a slug, a label, a prefixed name (resolved against the store).
USER_PARAMS = [{"topic": "security", "entity": "Ericsson"},
               {"topic": "network slicing", "entity": "id:organization/ericsson"}]


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    from itukg.cli import main

    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _json_rows(text: str) -> set:
    return _rows(ox.parse_query_results(text, format=ox.QueryResultsFormat.JSON))


def _one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("itukg: error: ") and "Traceback" not in err, err
    return lines[0]


def test_cli_query_on_the_store_answers_as_locally(store, built, capsys):
    """Every named query, with parameters as users write them, with and without --asserted: the same rows
    from `itukg query --store` as from `itukg query` on the local dataset the build left."""
    here = ["--data-dir", str(store.data_dir)]
    there = [*here, "--store", store.reader.url, "--store-type", store.reader.type]
    compared = 0
    for q in nq.named_queries().values():
        if q.name in KNOWN_DEVIATIONS.get(store.kind, {}):
            continue
        for params in USER_PARAMS if q.params else [{}]:
            pairs = [x for p in q.params for x in ("--param", f"{p}={params[p]}")]
            for asserted in ([], ["--asserted"]):
                args = ["query", "--named", q.name, *pairs, "--format", "json", *asserted]
                code, expected, err = _cli(capsys, *args, *here)
                assert code == 0, err
                code, answer, err = _cli(capsys, *args, *there)
                assert code == 0, err
                assert _json_rows(answer) == _json_rows(expected), (q.name, params, asserted)
                compared += 1
    assert compared >= 18
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # the union is a set on the store too
    for asserted in ([], ["--asserted"]):
        code, answer, err = _cli(capsys, "query", text, "--format", "csv", *asserted, *there)
        assert code == 0 and answer == _cli(capsys, "query", text, "--format", "csv", *asserted, *here)[1], err
    for fmt in ("table", "csv"):  # the other formats print the same rows (in the order the query leaves open)
        args = ["query", "--named", "topic-meetings", "--param", "topic=security", "--format", fmt, "--wide"]
        local, remote = _cli(capsys, *args, *here), _cli(capsys, *args, *there)
        assert remote[0] == 0 and sorted(remote[1].splitlines()) == sorted(local[1].splitlines()), fmt
    construct = "CONSTRUCT { ?m a itukg:Meeting } WHERE { ?m a itukg:Meeting }"
    code, turtle, err = _cli(capsys, "query", construct, *there)
    assert code == 0, err
    assert ({_plain(t) for t in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)}
            == {_plain(t) for t in ox.parse(_cli(capsys, "query", construct, *here)[1].encode(),
                                            format=ox.RdfFormat.TURTLE)})
    code, answer, err = _cli(capsys, "query", "ASK { ?m a itukg:Meeting }", "--format", "json", *there)
    assert code == 0 and '"boolean": true' in answer, err
    with tempfile.NamedTemporaryFile("w", suffix=".rq", delete=False) as f:
        f.write("SELECT ?m WHERE { ?m a itukg:Meeting }")
    try:
        code, answer, err = _cli(capsys, "query", "--file", f.name, "--format", "json", *there)
    finally:
        os.unlink(f.name)
    assert code == 0 and len(_json_rows(answer)) == 3, err


def test_cli_query_on_the_store_resolves_parameters_and_says_what_matches_nothing(store, built, capsys):
    there = ["--data-dir", str(store.data_dir), "--store", store.reader.url, "--store-type", store.reader.type]
    code, _, err = _cli(capsys, "query", "--named", "topic-meetings", "--param", "topic=securty", *there)
    line = _one_line_error(err)
    assert code == 2 and "matches nothing" in line and "id:topic/security" in line
    code, _, err = _cli(capsys, "query", "--named", "topic-meetings", "--param",
                        "topic=https://w3id.org/itukg/id/topic/no-such-topic", *there)
    assert code == 2 and "nothing in the dataset is" in _one_line_error(err)


def _canonical(nquads: bytes) -> set:
    dataset = ox.Dataset(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def test_cli_export_from_the_store_is_the_local_export(store, built, capsys, tmp_path):
    """`itukg export --store` writes what the local export of the same build writes: the same RDF dataset
    (canonicalized, blank nodes included), and in fact the same bytes, in every format and selection."""
    here = ["--data-dir", str(store.data_dir)]
    there = [*here, "--store", store.reader.url, "--store-type", store.reader.type]
    cases = [[f] for f in ("nquads", "trig", "turtle", "nt", "jsonld")]
    cases += [["nquads", "--no-inferred"], ["turtle", "--no-inferred"],
              ["nquads", "--graph", f"{GRAPH}inferred"], ["turtle", "--graph", f"{GRAPH}ontology"],
              ["nt", "--graph", f"{GRAPH}inferred", "--no-inferred"]]
    for n, (fmt, *more) in enumerate(cases):
        local, remote = tmp_path / f"local-{n}", tmp_path / f"store-{n}"
        code, _, err = _cli(capsys, "export", "--format", fmt, *more, "-o", str(local), *here)
        assert code == 0, err
        code, _, err = _cli(capsys, "export", "--format", fmt, *more, "-o", str(remote), *there)
        assert code == 0, err
        if fmt == "nquads":
            assert _canonical(remote.read_bytes()) == _canonical(local.read_bytes()), more
        assert remote.read_bytes() == local.read_bytes(), (fmt, more)
    whole = _canonical((tmp_path / "store-0").read_bytes())
    assert {q.graph_name.value for q in whole} == {g for g in store.graphs()
                                                   if g.startswith(str(GRAPH))}  # no urn:x-itukg:* graph
    assert len(whole) == sum(open_remote(store.reader).graph_sizes.values())


def test_cli_query_and_export_errors_from_the_store_are_one_line(store, built, capsys):
    there = ["--data-dir", str(store.data_dir), "--store", store.reader.url, "--store-type", store.reader.type]
    code, _, err = _cli(capsys, "query", "SELECT ?s WHERE { ?s ?p }", *there)  # the store's parser refuses it
    line = _one_line_error(err)
    assert code == 2 and "the store refused the query" in line
    if store.kind == "oxigraph":  # positions in the text as given, not after the prefixes sent before it
        assert "error at 1:" in line
    code, _, err = _cli(capsys, "export", "--graph", "urn:x-itukg:meta", *there)
    line = _one_line_error(err)
    assert code == 2 and "holds no itukg graph <urn:x-itukg:meta>" in line and f"{GRAPH}inferred" in line
    code, _, err = _cli(capsys, "query", "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }", *there)
    assert code == 2 and "only SELECT, CONSTRUCT, DESCRIBE and ASK" in _one_line_error(err)
    assert store.client.select("SELECT ?g WHERE { GRAPH ?g { <urn:x:a> ?p ?o } }") == []
    wrong = [*there, "--store-query", store.reader.url + "/no-such-endpoint"]
    for args in (["query", "ASK {}"], ["export", "--format", "nquads"]):
        code, out, err = _cli(capsys, *args, *wrong)
        line = _one_line_error(err)
        assert code == 2 and "failed with HTTP 4" in line and not out, line


def test_cli_query_and_export_when_the_store_cannot_be_reached(capsys, monkeypatch, tmp_path):
    data = ["--data-dir", str(tmp_path / "data")]
    closed = _free_port()  # nothing listens there
    for args in (["query", "ASK {}"], ["export"]):
        code, out, err = _cli(capsys, *args, *data, "--store", f"http://127.0.0.1:{closed}")
        line = _one_line_error(err)
        assert code == 2 and f"127.0.0.1:{closed}" in line and "failed" in line and not out
    with socket.socket() as silent:  # accepts connections (the backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        monkeypatch.setenv("ITUKG_STORE_TIMEOUT", "1")
        for args in (["query", "--named", "topic-meetings", "--param", "topic=security"], ["export"]):
            started = time.monotonic()
            code, out, err = _cli(capsys, *args, *data, "--store", f"http://127.0.0.1:{silent.getsockname()[1]}")
            assert code == 2 and _one_line_error(err).endswith("query timed out") and not out
            assert time.monotonic() - started < 20


def test_cli_query_on_a_store_without_itukg_or_its_asserted_union(capsys, tmp_path):
    """A store holding no itukg dataset, or one whose asserted-only union is gone: one line each, exit 2."""
    proc, config = _start_oxigraph(tmp_path)
    try:
        there = ["--data-dir", str(tmp_path / "data"), "--store", config.url]
        for args in (["query", "ASK {}"], ["export"]):
            code, out, err = _cli(capsys, *args, *there)
            line = _one_line_error(err)
            assert code == 2 and "holds no itukg dataset" in line and "itukg build --store" in line and not out
        code, _, err = _cli(capsys, "build", "-q", *there)
        assert code == 0, err
        SparqlClient(config).update(f"DROP GRAPH <{ASSERTED}>")
        code, answer, err = _cli(capsys, "query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--format", "json", *there)
        assert code == 0 and len(_json_rows(answer)) == 1, err
        code, out, err = _cli(capsys, "query", "--asserted", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", *there)
        line = _one_line_error(err)
        assert code == 2 and "--asserted" in line and ASSERTED in line and not out
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# --- serving from the store ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(store, built):
    settings = Settings(host="127.0.0.1", port=0, data_dir=store.data_dir, reload_interval=1.0,
                        query_timeout=20.0, max_results=50)
    app = create_app(settings, open_remote(store.reader))
    srv = build_server(settings, app)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{srv.effective_port}"
    yield url
    srv.close()
    thread.join(timeout=5)
    close_app(app)


def test_serve_answers_sparql_from_the_store(server, local):
    r = requests.post(server + "/sparql", data={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                      headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert r.status_code == 200
    assert int(r.json()["results"]["bindings"][0]["n"]["value"]) == local.triples
    r = requests.get(server + "/sparql", params={"query": "ASK { ?m a itukg:Meeting }"},
                     headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert r.json()["boolean"] is True
    r = requests.get(server + "/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o }"}, timeout=30,
                     headers={"Accept": "text/csv"})
    assert r.headers.get("X-Itukg-Truncated") and len(r.text.splitlines()) == 51  # max_results still applies
    r = requests.get(server + "/sparql", params={"query": "CONSTRUCT { ?m a itukg:Meeting } WHERE { ?m a "
                                                          "itukg:Meeting }"}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and "itukg:Meeting" in r.text


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "INSERT { <urn:x:a> <urn:x:b> <urn:x:c> } WHERE { { SELECT * WHERE { ?s ?p ?o } LIMIT 1 } }",
    "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
    "DROP ALL",
])
def test_serve_keeps_the_store_read_only_and_refuses_service(server, store, query):
    r = requests.post(server + "/sparql", data={"query": query}, timeout=30)
    assert r.status_code == 400, r.text
    rows = store.client.select("SELECT ?g WHERE { GRAPH ?g { <urn:x:a> ?p ?o } }")
    assert rows == []


def test_serve_linked_data_pages_and_exports(server, local):
    r = requests.get(server + "/id/organization/ericsson", headers={"Accept": "text/turtle"}, timeout=30)
    assert r.status_code == 200 and "Ericsson" in r.text
    r = requests.get(server + "/id/organization/ericsson", headers={"Accept": "text/html"}, timeout=30)
    assert r.status_code == 200 and "Ericsson" in r.text
    r = requests.get(server + "/export", params={"format": "nquads"}, timeout=60)
    assert r.status_code == 200
    exported = {(_plain(q.triple), q.graph_name.value) for q in ox.parse(r.content, format=ox.RdfFormat.N_QUADS)}
    expected = {(_plain(q.triple), q.graph_name.value) for q in local.store if q.graph_name not in HIDDEN_GRAPHS}
    assert exported == expected
    status = requests.get(server + "/status", timeout=30).json()
    assert status["triples"] == local.triples and status["documents"] == 2


def test_a_changed_document_replaces_its_graph_whole_and_serve_follows(store, built, server, tmp_path):
    docs = tmp_path / "corpus"
    shutil.copytree(corpus_dir(), docs, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    target = docs / "td-cto-communiques-2018.txt"
    old_doc = {f"{GRAPH}document/{e['sha256']}" for e in built_manifest(store).values()}
    target.write_text(target.read_text(encoding="utf-8") + "\nThe participants thanked the host.\n",
                      encoding="utf-8")
    result, pushed = build_into_store(store.config, [docs], store.data_dir, fresh=True)
    assert len(result.accepted) == 2  # --fresh: both re-read (sources moved), one of them with new bytes
    new_doc = {f"{GRAPH}document/{e['sha256']}" for e in built_manifest(store).values()}
    gone, came = old_doc - new_doc, new_doc - old_doc
    assert len(gone) == 1 and len(came) == 1
    assert pushed.dropped == sorted(gone) and set(came) <= set(pushed.written)
    graphs = store.graphs()
    assert not gone & graphs and came <= graphs
    local = load_dataset(store.data_dir)
    sha = next(iter(came)).rsplit("/", 1)[1]
    expected = {_plain(q.triple) for q in ox.parse(path=str(Path(local.source, "documents", sha + ".nq")),
                                                   format=ox.RdfFormat.N_QUADS)}
    assert store.graph_triples(next(iter(came))) == expected
    remote = open_remote(store.reader)
    assert remote.graph_sizes == local.graph_sizes and remote.triples == local.triples
    assert not any(g.startswith(STAGING_PREFIX) for g in graphs)
    deadline = time.monotonic() + 15  # the server notices the new build in the store
    while time.monotonic() < deadline:
        status = requests.get(server + "/status", timeout=30).json()
        if status["generation"] == remote.generation:
            break
        time.sleep(0.3)
    assert status["generation"] == remote.generation and status["triples"] == local.triples


def built_manifest(store) -> dict:
    return read_meta(store.client)["manifest"]["documents"]


def test_an_answer_from_the_store_over_the_row_limit_is_truncated_not_emptied():
    """The store's answer is written like a local one; over max_results the row-limited writer takes over
    and must still see the rows (the native writer has read them once already)."""
    import json

    from itukg.server.execute import run_job
    from itukg.server.remote import _Answered

    rows = [{"s": {"type": "uri", "value": f"http://example.org/{i}"}} for i in range(30)]
    answer = ox.parse_query_results(json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": rows}}),
                                    format=ox.QueryResultsFormat.JSON)
    job = {"query": "SELECT ?s WHERE { ?s ?p ?o }", "dataset": None, "formats": {"tabular": "json"},
           "max_results": 12}
    reply = run_job(_Answered(answer), job)
    assert reply["truncated"]
    assert len(json.loads(reply["body"])["results"]["bindings"]) == 12
