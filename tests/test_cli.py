"""The `itukg` command as users run it: options, help, errors in one line, the numbers it prints.

Everything runs through the installed entry point (`python -m itukg.cli`, a subprocess) or `main()`;
servers listen on 127.0.0.1 only.
"""
from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from itukg import cli
from itukg.graph.dataset import current


def itukg(*args: str, timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "itukg", *args], capture_output=True, text=True,
                          timeout=timeout, **kwargs)


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def busy_port():
    """A port something else is listening on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


BUILD_OUTPUT: dict[Path, subprocess.CompletedProcess] = {}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A data directory with the bundled corpus built through the CLI; its output kept for the tests."""
    data = tmp_path_factory.mktemp("cli-data")
    proc = itukg("build", "--data-dir", str(data))
    assert proc.returncode == 0, proc.stderr
    BUILD_OUTPUT[data] = proc
    return data


# --- serve ---------------------------------------------------------------------------------------------------

def test_a_port_in_use_is_one_line_and_exit_2(busy_port, tmp_path):
    proc = itukg("serve", "--port", str(busy_port), "--data-dir", str(tmp_path / "none"), timeout=60)
    assert proc.returncode == 2
    line = _one_error_line(proc.stderr)
    assert line.startswith("itukg: error: ") and f"port {busy_port}" in line and "in use" in line
    assert "--port" in line  # how to choose another
    assert "serving on" not in proc.stderr
    assert current(tmp_path / "none") is None  # refused before building anything


def test_the_short_port_option_and_the_default_command(busy_port, tmp_path):
    proc = itukg("-p", str(busy_port), "--data-dir", str(tmp_path / "none"), timeout=60)
    assert proc.returncode == 2 and f"port {busy_port}" in _one_error_line(proc.stderr)


def test_a_port_taken_between_the_check_and_the_bind_is_the_same_error(busy_port):
    from itukg.graph.errors import ConfigError
    from itukg.server.app import build_server
    from itukg.server.settings import Settings

    with pytest.raises(ConfigError, match=f"port {busy_port} on 127.0.0.1 is already in use.*--port"):
        build_server(Settings(host="127.0.0.1", port=busy_port), app=lambda environ, start: [])


def test_an_unknown_host_is_one_line(tmp_path):
    proc = itukg("serve", "--host", "no-such-host.invalid", "--data-dir", str(tmp_path / "none"), timeout=60)
    assert proc.returncode == 2 and "no-such-host.invalid" in _one_error_line(proc.stderr)


def test_open_opens_the_served_address_once_bound(tmp_path, monkeypatch, capsys):
    ttl = tmp_path / "x.ttl"
    ttl.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    opened, served = [], []

    def fake_serve(settings, snapshot=None, on_ready=None):
        served.append((settings.host, settings.port))
        on_ready(f"http://{settings.host}:4321/")

    monkeypatch.setattr("itukg.server.app.serve", fake_serve)
    monkeypatch.setattr(cli, "open_browser", opened.append)
    assert cli.main(["serve", str(ttl), "-o", "-p", "0", "--data-dir", str(tmp_path / "d")]) == 0
    assert served == [("127.0.0.1", 0)]
    assert opened == ["http://127.0.0.1:4321/"]
    assert "serving" in capsys.readouterr().err
    # without -o nothing is opened
    assert cli.main(["serve", str(ttl), "--port", "0", "--data-dir", str(tmp_path / "d")]) == 0
    assert opened == ["http://127.0.0.1:4321/"]


def test_serve_help_shows_each_default_and_an_example():
    proc = itukg("serve", "--help", timeout=60)
    assert proc.returncode == 0
    out = " ".join(proc.stdout.split())
    for text in ("-p PORT, --port PORT", "(default: 5000)", "--host HOST", "(default: 127.0.0.1", "-o, --open",
                 "(default: 30)", "examples:", "itukg serve -p 8080"):
        assert text in out, text


def test_a_mistyped_option_shows_the_command_usage_and_the_nearest_option():
    proc = itukg("serve", "--prot", "8080", timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("usage: itukg serve ")
    assert "itukg serve: error: unrecognized arguments: --prot" in proc.stderr and "--port?" in proc.stderr


# --- build, validate, ontology options -----------------------------------------------------------------------

def test_an_unknown_output_extension_is_refused_before_building(tmp_path):
    proc = itukg("build", "--data-dir", str(tmp_path / "d"), "-o", str(tmp_path / "out.xml"), timeout=60)
    assert proc.returncode == 2
    line = _one_error_line(proc.stderr)
    assert "out.xml" in line and ".trig" in line and ".jsonld" in line
    assert current(tmp_path / "d") is None and not (tmp_path / "out.xml").exists()


def test_build_help_lists_every_accepted_output_format():
    out = " ".join(itukg("build", "--help", timeout=60).stdout.split())
    for suffix in cli._FORMAT_BY_SUFFIX:
        assert suffix in out, suffix


@pytest.mark.parametrize("command", ["serve", "build", "query", "export"])
def test_the_commands_that_read_or_write_data_take_the_store_options(command):
    """docs/external-stores.md: build, serve, query and export work on an external store alike."""
    out = " ".join(itukg(command, "--help", timeout=60).stdout.split())
    for text in ("--store URL", "--store-type {oxigraph,", "--store-query URL", "--store-update URL",
                 "--store-gsp URL", "$ITUKG_STORE_USER, $ITUKG_STORE_PASSWORD"):
        assert text in out, (command, text)


@pytest.mark.parametrize("command", cli.COMMANDS)
def test_every_command_takes_data_dir(command):
    out = itukg(command, "--help", timeout=60).stdout
    assert "--data-dir DIR" in out


def test_validate_and_ontology_accept_data_dir(tmp_path):
    from itukg.graph.resources import corpus_dir

    doc = next(corpus_dir().glob("*.txt"))
    proc = itukg("validate", str(doc), "--data-dir", str(tmp_path / "d"), timeout=120)
    assert proc.returncode == 0 and "conforms" in proc.stdout, proc.stderr
    proc = itukg("ontology", "--data-dir", str(tmp_path / "d"), timeout=120)
    assert proc.returncode == 0 and "classes" in proc.stdout, proc.stderr


def test_the_tour_outputs_are_ignored_by_git():
    ignored = (Path(__file__).resolve().parents[1] / ".gitignore").read_text().split()
    assert "itukg.ttl" in ignored and "asserted.trig" in ignored


# --- named-query parameters ----------------------------------------------------------------------------------

SECURITY = "https://w3id.org/itukg/id/topic/security"


def _json_rows(proc) -> list:
    import json

    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["results"]["bindings"]


@pytest.mark.parametrize("value", [SECURITY, f"<{SECURITY}>", "id:topic/security", "security", "Security",
                                   "ICT security"])
def test_a_topic_parameter_is_an_iri_prefixed_name_slug_or_label(built, value):
    rows = _json_rows(itukg("query", "--named", "topic-meetings", "--param", f"topic={value}", "--format", "json",
                            "--data-dir", str(built)))
    assert len(rows) > 1
    assert rows == _json_rows(itukg("query", "--named", "topic-meetings", "--param", f"topic={SECURITY}",
                                    "--format", "json", "--data-dir", str(built)))


@pytest.mark.parametrize("value", ["securty", "id:topic/securty"])
def test_an_unknown_parameter_value_is_one_line_with_close_matches(built, value):
    proc = itukg("query", "--named", "topic-meetings", "--param", f"topic={value}", "--data-dir", str(built))
    assert proc.returncode == 2 and proc.stdout == ""
    line = _one_error_line(proc.stderr)
    assert line.startswith("itukg: error: topic ") and value in line
    assert "close matches: id:topic/security" in line


def test_parameter_resolution_works_on_a_served_snapshot(built):
    """The function the web UI can call: any source with .query (here the snapshot the server serves)."""
    from itukg.graph.errors import QueryError
    from itukg.server.named_queries import resolve_param
    from itukg.server.store import load_dataset

    snap = load_dataset(built)
    assert resolve_param(snap, "topic", "network slicing") == "https://w3id.org/itukg/id/topic/network-slicing"
    assert resolve_param(snap, "entity", "ericsson") == "https://w3id.org/itukg/id/organization/ericsson"
    assert resolve_param(snap, "entity", "Ericsson AB") == "https://w3id.org/itukg/id/organization/ericsson"
    assert resolve_param(snap, "entity", "itukg:Meeting") == "https://w3id.org/itukg/ontology#Meeting"
    with pytest.raises(QueryError, match="close matches: id:organization/ericsson"):
        resolve_param(snap, "entity", "Ericson")


# --- the result table ----------------------------------------------------------------------------------------

def test_the_table_shows_prefixed_names_whole_and_one_row(built):
    proc = itukg("query", f"SELECT ?t ?l WHERE {{ <{SECURITY}> a ?t ; skos:prefLabel ?l FILTER(?t = itukg:Topic) }}",
                 "--data-dir", str(built))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[2].split() == ["itukg:Topic", "security"]
    assert proc.stderr.strip() == "(1 row)"
    proc = itukg("query", "--named", "evidence", "--param", "entity=ericsson", "--data-dir", str(built))
    assert "…" not in proc.stdout and "id:organization/ericsson" in proc.stdout  # not a terminal: nothing cut
    assert "https://w3id.org" not in proc.stdout
    assert proc.stderr.strip().endswith(" rows)")


def test_on_a_terminal_long_texts_give_way_but_iris_stay_whole(built, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli.main(["query", "--named", "evidence", "--param", "entity=ericsson", "--data-dir", str(built)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "…" in "".join(lines)
    assert all("id:organization/ericsson" in line or "ericsson" not in line.lower() for line in lines[2:])
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli.main(["query", "--named", "evidence", "--param", "entity=ericsson", "--wide",
                     "--data-dir", str(built)]) == 0
    assert "…" not in capsys.readouterr().out


def test_column_widths_fit_the_limit_without_cutting_iris():
    rows = [[("id:organization/ericsson", False), ("x" * 200, True), ("short", True)]]
    widths = cli._column_widths(["a", "b", "c"], rows, 80)
    assert widths[0] == len("id:organization/ericsson") and sum(widths) + 4 <= 80 and widths[2] == 5
    assert cli._column_widths(["a", "b", "c"], rows, None) == [24, 200, 5]


# --- one definition of each number ---------------------------------------------------------------------------

def _number(text: str) -> int:
    return int(text.replace(",", ""))


@pytest.fixture(scope="module")
def served(built):
    from itukg.server.app import close_app, create_app
    from itukg.server.settings import load_settings

    app = create_app(load_settings(None, data_dir=built, files=[]))
    try:
        yield app.test_client()
    finally:
        close_app(app)


def test_triples_and_quads_are_the_same_numbers_in_the_build_summary_status_pages_and_count(built, served):
    import re

    m = re.search(r"([\d,]+) triples \(([\d,]+) quads in (\d+) graphs\) in ", BUILD_OUTPUT[built].stdout)
    assert m, BUILD_OUTPUT[built].stdout
    triples, quads, graphs = map(_number, m.groups())
    status = served.get("/status").get_json()
    assert (status["triples"], status["quads"], status["graphs"]) == (triples, quads, graphs)
    count = _json_rows(itukg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json",
                             "--data-dir", str(built)))
    assert int(count[0]["n"]["value"]) == triples
    quad_count = _json_rows(itukg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                  "--format", "json", "--data-dir", str(built)))
    assert int(quad_count[0]["n"]["value"]) == quads
    assert triples < quads  # the reference and inferred graphs share triples: the two are different numbers
    phrase = m.group(0)[: -len(" in ")]
    assert phrase in served.get("/sparql", headers={"Accept": "text/html"}).get_data(as_text=True)
    home = served.get("/").get_data(as_text=True)
    card = re.search(r'data-count="triples".*?<span class="n">([\d,\u202f\u00a0 ]+)</span>', home, re.S)
    assert card and _number(re.sub(r"\D", "", card.group(1))) == triples


def test_the_ontology_counts_are_the_same_in_the_cli_and_on_the_ontology_page(built, served):
    import re

    for args in ((), ("--data-dir", str(built))):
        proc = itukg("ontology", *args, timeout=120)
        assert proc.returncode == 0, proc.stderr
        cli_terms = re.search(r"^ontology \(.*?\): (.*)$", proc.stdout, re.M).group(1)
        page = served.get("/ontology").get_data(as_text=True)
        assert f"<dt>Terms</dt><dd>{cli_terms}</dd>" in page
        classes = int(re.search(r"(\d+) classes", cli_terms).group(1))
        assert re.search(rf'id="classes-h">Classes <span class="muted small">\({classes}\)', page)


# --- progress ------------------------------------------------------------------------------------------------

def test_build_progress_counts_against_the_total_and_ends_with_a_summary(tmp_path):
    import re
    import shutil as sh

    from itukg.graph.resources import corpus_dir

    docs = tmp_path / "docs"
    sh.copytree(corpus_dir(), docs, ignore=sh.ignore_patterns("__init__.py", "__pycache__"))
    (docs / "empty.txt").write_bytes(b"")
    proc = itukg("build", str(docs), "--data-dir", str(tmp_path / "d"))
    assert proc.returncode == 1  # empty.txt is unreadable
    lines = proc.stderr.splitlines()
    counted = [line for line in lines if re.match(r"^\d+/3 \(\d+%\)", line)]
    assert [line.split()[0] for line in counted] == ["1/3", "2/3", "3/3"], proc.stderr  # plain lines: no \r
    assert "\r" not in proc.stderr and "documents/s" in counted[-1]
    assert re.search(r"^itukg: processed 3 documents in [\d.]+ s", proc.stderr, re.M)
    assert "itukg: cannot read" in proc.stderr and "empty.txt" in proc.stderr
    quiet = itukg("build", str(docs), "--data-dir", str(tmp_path / "d"), "-q")
    assert "processed" not in quiet.stderr and "/3" not in quiet.stderr


def test_progress_on_a_terminal_redraws_one_line_with_rate_and_time_left():
    import io

    from itukg.server.progress import Progress

    now = [0.0]
    out = io.StringIO()
    meter = Progress(100, stream=out, clock=lambda: now[0], tty=True)
    for n in range(1, 101):
        now[0] += 0.5
        meter.update(n, f"doc{n}.txt")
        if n == 20:
            assert out.getvalue().rsplit("\r", 1)[1].startswith("20/100 (20%), 2.0 documents/s, 0:40 left: doc20")
    assert "\n" not in out.getvalue()
    assert meter.finish() == "processed 100 documents in 50.0 s (2.0 documents/s)"
    assert out.getvalue().endswith("\r")


def test_progress_without_a_terminal_writes_about_ten_lines():
    import io

    from itukg.server.progress import Progress

    out = io.StringIO()
    meter = Progress(1000, stream=out, tty=False)
    for n in range(1, 1001):
        meter.update(n)
    lines = out.getvalue().splitlines()
    assert 10 <= len(lines) <= 12 and lines[-1].startswith("1000/1000 (100%)")


def test_a_named_query_given_as_the_query_text_says_how_to_run_it(capsys):
    code = cli.main(["query", "topics"])
    assert code == 2
    assert capsys.readouterr().err == "itukg: error: 'topics' is a named query: run it with `itukg query --named topics`\n"
