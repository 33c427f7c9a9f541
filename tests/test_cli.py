"""The `itukg` command as users run it: options, help, errors in one line, the numbers it prints.

Everything runs through the installed entry point (`python -m itukg.server.cli`, a subprocess) or `main()`;
servers listen on 127.0.0.1 only.
"""
from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from itukg.graph.dataset import current
from itukg.server import cli


def itukg(*args: str, timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "itukg.server.cli", *args], capture_output=True, text=True,
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


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A data directory with the bundled corpus built through the CLI; its output kept for the tests."""
    data = tmp_path_factory.mktemp("cli-data")
    proc = itukg("build", "--data-dir", str(data))
    assert proc.returncode == 0, proc.stderr
    built.proc = proc
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
