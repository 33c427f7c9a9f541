"""Serving edge cases: settings files, HEAD, nosniff, Expect: 100-continue, failing SERVICE endpoints, and CLI
lines that hostile file names cannot split. Real servers on 127.0.0.1 only."""
from __future__ import annotations

import http.server
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from server_fixtures import _TEMP_ROOT, live, make_data_dir, start_server  # noqa: F401

from itukg import cli
from itukg.graph.errors import printable
from itukg.server.settings import Settings

HERE = Path(__file__).parent


# --- 3. data_dir in the serve --config file --------------------------------------------------------------

@pytest.mark.parametrize("kind", ["toml", "json"])
def test_serve_takes_data_dir_from_the_config_file(tmp_path, monkeypatch, kind):
    monkeypatch.delenv("ITUKG_DATA_DIR", raising=False)
    monkeypatch.delenv("ITUKG_FILES", raising=False)
    wanted = tmp_path / "from-config"
    config = tmp_path / f"itukg.{kind}"
    if kind == "toml":
        config.write_text(f'[server]\ndata_dir = "{wanted}"\nport = 5999\n', encoding="utf-8")
    else:
        config.write_text(json.dumps({"data_dir": str(wanted), "port": 5999}), encoding="utf-8")
    args = cli._parser().parse_args(["serve", "--config", str(config)])
    settings = cli._serve_settings(args)
    assert settings.data_dir == wanted and settings.port == 5999
    # the command line still wins over the file, and the environment over the file
    args = cli._parser().parse_args(["serve", "--config", str(config), "--data-dir", str(tmp_path / "flag")])
    assert cli._serve_settings(args).data_dir == tmp_path / "flag"
    monkeypatch.setenv("ITUKG_DATA_DIR", str(tmp_path / "env"))
    args = cli._parser().parse_args(["serve", "--config", str(config)])
    assert cli._serve_settings(args).data_dir == tmp_path / "env"


def test_serve_takes_files_from_the_config_file(tmp_path, monkeypatch):
    monkeypatch.delenv("ITUKG_FILES", raising=False)
    rdf = tmp_path / "one.ttl"
    rdf.write_text("<http://a.example/s> <http://a.example/p> 1 .\n", encoding="utf-8")
    config = tmp_path / "itukg.toml"
    config.write_text(f'[server]\nfiles = ["{rdf}"]\n', encoding="utf-8")
    assert cli._serve_settings(cli._parser().parse_args(["serve", "--config", str(config)])).files == [rdf]


def test_itukg_serve_serves_the_config_files_data_dir(tmp_path):
    """End to end: no --data-dir, no $ITUKG_DATA_DIR, HOME elsewhere: the dataset of the file's data_dir."""
    data = make_data_dir(tmp_path / "data")
    home = tmp_path / "home"
    home.mkdir()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = tmp_path / "itukg.toml"
    config.write_text(f'[server]\ndata_dir = "{data}"\nport = {port}\nquery_workers = 1\nreload_interval = 0\n',
                      encoding="utf-8")
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("ITUKG_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
    proc = subprocess.Popen([sys.executable, "-m", "itukg", "serve", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status = requests.get(f"http://127.0.0.1:{port}/status", timeout=2).json()
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        assert status is not None, proc.stdout.read().decode() if proc.poll() is not None else "no answer"
        assert status["documents"] == 2  # the fixture dataset (make_data_dir), not the bundled corpus
        assert not (home / ".local" / "share" / "itukg").exists()
    finally:
        proc.terminate()
        proc.wait(15)


# --- 4. HEAD, nosniff -----------------------------------------------------------------------------------

def test_head_sparql_mirrors_get(live):
    for params, accept in (({}, "text/turtle"), ({}, "text/html"),
                           ({"query": "ASK { ?s ?p ?o }"}, "application/sparql-results+json")):
        get = requests.get(live.sparql, params=params, headers={"Accept": accept}, timeout=10)
        head = requests.head(live.sparql, params=params, headers={"Accept": accept}, timeout=10)
        assert get.status_code == head.status_code == 200, (head.status_code, head.headers)
        assert head.headers["Content-Type"] == get.headers["Content-Type"]
        assert head.content == b""
    bad = {"query": "SELECT"}
    assert requests.head(live.sparql, params=bad, timeout=10).status_code == 400
    assert requests.get(live.sparql, params=bad, timeout=10).status_code == 400


@pytest.mark.parametrize("path", ["/sparql?query=%3Cscript%3Ealert(1)%3C/script%3E", "/no/such/<b>page</b>",
                                  "/sparql?query=ASK%7B%7D", "/healthz", "/status", "/"])
def test_every_answer_says_nosniff(live, path):
    r = requests.get(live.url + path, timeout=10)
    assert r.headers.get("X-Content-Type-Options") == "nosniff", (r.status_code, r.headers)


def test_waitress_error_answers_say_nosniff_too(live):
    host, port = live.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nonsense\r\n\r\n")
        answer = _read_all(s)
    assert answer.startswith(b"HTTP/1.1 400") and b"X-Content-Type-Options: nosniff" in answer, answer


def _read_all(s: socket.socket, limit: float = 10) -> bytes:
    s.settimeout(limit)
    out = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
    except TimeoutError:
        pass
    return out


# --- 4. Expect: 100-continue ----------------------------------------------------------------------------

@pytest.mark.parametrize("request_bytes, status", [
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n", b"200"),
    (b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
     b"200"),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: application/sparql-query\r\n"
     b"Content-Length: 0\r\nConnection: close\r\n\r\n", b"400"),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: application/sparql-query\r\n"
     b"Content-Length: 999999999\r\nConnection: close\r\n\r\n", b"413"),
])
def test_expect_100_continue_without_a_body_is_answered_at_once(live, request_bytes, status):
    host, port = live.url.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(request_bytes)
        answer = _read_all(s, limit=8)
    assert time.monotonic() - started < 5, answer
    assert answer.startswith(b"HTTP/1.1 " + status), answer
    assert b"100 Continue" not in answer


def test_expect_100_continue_with_a_body_still_gets_the_100_first(live):
    host, port = live.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: "
                  b"application/sparql-query\r\nAccept: application/sparql-results+json\r\nContent-Length: 5\r\n"
                  b"Connection: close\r\n\r\n")
        s.settimeout(5)
        first = s.recv(65536)
        assert first.startswith(b"HTTP/1.1 100 Continue"), first
        s.sendall(b"ASK{}")
        answer = first + _read_all(s)
    assert b"HTTP/1.1 200" in answer and b'"boolean":true' in answer.replace(b" ", b""), answer


# --- 4. a transfer coding the server does not implement ----------------------------------------------------

def test_a_gzip_transfer_coding_is_a_501_and_chunked_works(live):
    # RFC 9112 section 6.1: a server that receives a transfer coding it does not understand answers 501 (Not
    # Implemented). That is the protocol's answer, kept on purpose; chunked, which every client uses, works.
    host, port = live.url.removeprefix("http://").split(":")
    head = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Accept: application/sparql-results+json\r\nConnection: close\r\n")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(head + b"Transfer-Encoding: gzip, chunked\r\n\r\n5\r\nASK{}\r\n0\r\n\r\n")
        answer = _read_all(s, limit=8)
    assert answer.startswith(b"HTTP/1.1 501"), answer
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(head + b"Transfer-Encoding: chunked\r\n\r\n5\r\nASK{}\r\n0\r\n\r\n")
        answer = _read_all(s, limit=8)
    assert answer.startswith(b"HTTP/1.1 200") and b'"boolean":true' in answer.replace(b" ", b""), answer


# --- 4. a failing allow-listed SERVICE is a 502 naming it -------------------------------------------------

class _Remote(http.server.BaseHTTPRequestHandler):
    ANSWERS = {
        "boolean": (200, "application/sparql-results+json", b'{"head":{},"boolean":true}'),
        "error": (500, "text/plain", b"remote broke"),
        "garbage": (200, "application/sparql-results+json", b"{not json"),
        "html": (200, "text/html", b"<html>hello</html>"),
    }

    def do_GET(self):
        self._answer()

    def do_POST(self):
        self._answer()

    def _answer(self):
        status, media_type, body = self.ANSWERS[self.path.split("/")[1].split("?")[0]]
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def failing_remote():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Remote)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def federating_to_failures(failing_remote):
    local = _TEMP_ROOT / "robust-federating.ttl"
    local.write_text('<http://local.example/a> <http://local.example/p> "local" .\n', encoding="utf-8")
    allow = tuple(f"{failing_remote}/{name}" for name in _Remote.ANSWERS)
    server = start_server(Settings(files=[local], query_timeout=5.0, query_workers=2, reload_interval=0,
                                   service_allowlist=allow))
    yield server
    server.stop()


@pytest.mark.parametrize("name", sorted(_Remote.ANSWERS))
def test_a_failing_allowed_service_is_a_502_naming_the_endpoint(federating_to_failures, failing_remote, name):
    endpoint = f"{failing_remote}/{name}"
    r = requests.post(federating_to_failures.sparql, timeout=30,
                      data={"query": f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"})
    assert r.status_code == 502, (r.status_code, r.text)
    assert f"<{endpoint}>" in r.text and "{service_name}" not in r.text, r.text
    assert r.headers["Content-Type"].startswith("text/plain")


# --- 4. file names with control characters in CLI lines --------------------------------------------------

def test_printable_escapes_what_could_split_or_fake_a_line():
    assert printable("plain name é 日本.txt") == "plain name é 日本.txt"
    assert printable("a\nitukg: fake line.txt") == "a\\nitukg: fake line.txt"
    assert printable("x\r\t\x1b[31m\x7f\x85") == "x\\r\\t\\x1b[31m\\x7f\\x85"
    assert printable("evil\u202etxt.exe\u2028") == "evil\\u202etxt.exe\\u2028"
    assert printable("bad-\udcff-byte") == "bad-\\udcff-byte"


def test_a_newline_in_a_file_name_does_not_split_the_cli_line(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "empty\nitukg: all good.txt").write_bytes(b"")
    (folder / "odd\x1b[2Jname.txt").write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "itukg", "build", str(folder), "--data-dir",
                           str(tmp_path / "data"), "-q"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert [line for line in lines if "/empty" in line] == [
        f"itukg: cannot read {folder}/empty\\nitukg: all good.txt: empty file"], proc.stderr
    assert [line for line in lines if "/odd" in line] == [
        f"itukg: cannot read {folder}/odd\\x1b[2Jname.txt: empty file"], proc.stderr
    assert "\x1b" not in proc.stderr
    assert not any(line.startswith("itukg: all good") for line in lines)
    proc = subprocess.run([sys.executable, "-m", "itukg", "validate", str(folder / "empty\nx.txt")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "empty\\nx.txt" in proc.stderr, proc.stderr
