"""One configuration (config.py): each setting declared once, one precedence rule (defaults < settings file <
ITUKG_* environment < flags), shared values (base_iri, data_dir) the same for build, server and store, nothing
read from the environment but by config.load, and every setting documented.

Commands run as users run them (`python -m itukg`, a subprocess) or through the CLI's own loader; servers
listen on 127.0.0.1 only.
"""
from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from server_fixtures import MEETING, make_data_dir, start_server

from itukg import cli, config
from itukg.graph.dataset import require_current
from itukg.graph.errors import ConfigError
from itukg.graph.namespaces import DEFAULT_BASE_IRI
from itukg.graph.resources import corpus_dir
from itukg.server.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_FOLDERS = ("graph", "server", "ontology", "shapes", "queries")


def _clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any ITUKG_* variable, plus `extra`."""
    return {**{k: v for k, v in os.environ.items() if not k.startswith("ITUKG_")}, **extra}


def _loaded(argv: list[str]) -> config.Config:
    """The settings the CLI would load for `itukg ARGV` (its own parser and loader)."""
    return cli._load_config(cli._parser().parse_args(argv))


# --- (a) a base IRI in the settings file moves what the build mints and what the server answers ----------------

@pytest.mark.slow
@pytest.mark.parametrize("layout", ["[build] table", "top level (serve's format)"])
def test_a_base_iri_in_the_settings_file_moves_the_minted_iris_and_the_routes(tmp_path, layout):
    base = "https://example.org/kg/"
    data, cache = tmp_path / "data", tmp_path / "cache"
    settings_file = tmp_path / "itukg.toml"
    if layout.startswith("[build]"):
        settings_file.write_text(f'[build]\nbase_iri = "{base}"\ndata_dir = "{data}"\ncache_dir = "{cache}"\n',
                                 encoding="utf-8")
    else:  # the server's keys at the top; the build reads the shared ones from there too
        settings_file.write_text(f'base_iri = "{base}"\ndata_dir = "{data}"\nquery_workers = 1\n'
                                 f'[build]\ncache_dir = "{cache}"\n', encoding="utf-8")
    document = corpus_dir() / "sgla-2019-budapest.txt"
    built = subprocess.run([sys.executable, "-m", "itukg", "build", "-q", "--config", str(settings_file),
                            str(document)], capture_output=True, text=True, env=_clean_env(), timeout=600)
    assert built.returncode == 0, built.stderr + built.stdout

    nquads = require_current(data).dataset_file.read_text(encoding="utf-8")
    minted = set(re.findall(rf"<({re.escape(base)}meeting/[^>]*)>", nquads))
    assert minted, "no meeting minted under the configured base"
    assert DEFAULT_BASE_IRI not in nquads  # the reference data moved too
    assert list(cache.glob("gazetteer-*.pickle")), "the [build] cache_dir was not used"

    settings = cli._serve_settings(cli._parser().parse_args(["serve", "--config", str(settings_file)]))
    assert settings.base_iri == base and settings.data_dir == data
    settings.query_workers, settings.reload_interval = 1, 0
    server = start_server(settings)
    try:
        meeting = sorted(minted)[0]
        path = meeting[len(base):]
        page = requests.get(f"{server.url}/id/{path}", headers={"Accept": "text/turtle"}, timeout=30)
        assert page.status_code == 200 and f"<{meeting}>" in page.text, page.text
    finally:
        server.stop()


def test_a_build_in_worker_processes_mints_under_its_settings_base_and_leaves_the_callers(tmp_path):
    from test_robust_build import _good_docs

    from itukg.graph.build import build
    from itukg.graph.namespaces import base_iri

    base = "https://example.org/kg/"
    docs = tmp_path / "docs"
    _good_docs(docs, 10)  # enough new documents for the pool (graph/build.py _PARALLEL_FROM)
    settings = config.BuildSettings(base_iri=base, data_dir=tmp_path / "data", cache_dir=None)
    result = build([docs], jobs=2, settings=settings)
    assert result.ok and len(result.accepted) == 10 and result.data_dir == settings.data_dir
    nquads = require_current(settings.data_dir).dataset_file.read_text(encoding="utf-8")
    assert f"<{base}meeting/" in nquads and DEFAULT_BASE_IRI not in nquads
    assert base_iri() == DEFAULT_BASE_IRI  # the caller's base is as it was


def test_a_server_abbreviates_under_its_own_base_in_every_answer(tmp_path):
    """Its requests run under its base: an export (made in a query worker) writes id: for that base."""
    data = make_data_dir(tmp_path / "data")  # IRIs under the default base, meetings at id:meeting/...
    base = DEFAULT_BASE_IRI + "meeting/"  # a base under which the meetings' local names need no '/'
    server = start_server(load_settings(None, env={}, data_dir=data, base_iri=base, query_workers=1,
                                        reload_interval=0))
    try:
        meeting = str(MEETING)
        page = requests.get(f"{server.url}/id/{meeting[len(base):]}", headers={"Accept": "text/turtle"}, timeout=30)
        assert page.status_code == 200 and f"@prefix id: <{base}> ." in page.text, page.text
        export = requests.get(server.url + "/export", params={"format": "turtle"}, timeout=120)
        assert export.status_code == 200, export.text
        assert f"@prefix id: <{base}> ." in export.text and f"id:{meeting[len(base):]}" in export.text
    finally:
        server.stop()


# --- (b) defaults < file < environment < flags, for a setting of each section -----------------------------------

PRECEDENCE = [  # (command, [table], setting, variable, flag, three values: file, variable, flag, read back)
    ("build", "build", "base_iri", "ITUKG_BASE_IRI", "--base-iri",
     ("https://file.example/", "https://env.example/", "https://flag.example/"), lambda c: c.build.base_iri),
    ("serve", "server", "port", "ITUKG_PORT", "--port", (7001, 7002, 7003), lambda c: c.server.port),
    ("build", "store", "url", "ITUKG_STORE_URL", "--store",
     ("http://127.0.0.1:7001/", "http://127.0.0.1:7002/", "http://127.0.0.1:7003/"), lambda c: c.store.url),
]


@pytest.mark.parametrize("command, table, name, variable, flag, values, read",
                         PRECEDENCE, ids=[p[2] for p in PRECEDENCE])
def test_a_flag_beats_the_environment_which_beats_the_file(tmp_path, monkeypatch, command, table, name, variable,
                                                           flag, values, read):
    for key in list(os.environ):
        if key.startswith("ITUKG_"):
            monkeypatch.delenv(key)
    in_file, in_env, on_line = values
    settings_file = tmp_path / "itukg.toml"
    settings_file.write_text(f"[{table}]\n{name} = {json.dumps(in_file)}\n", encoding="utf-8")
    args = [command, "--config", str(settings_file)]
    default = _loaded([command])
    assert default.origins[f"{table}.{name}"] == "default"

    assert read(_loaded(args)) == in_file
    monkeypatch.setenv(variable, str(in_env))
    assert read(_loaded(args)) == in_env
    loaded = _loaded([*args, flag, str(on_line)])
    assert read(loaded) == on_line and flag in loaded.origins[f"{table}.{name}"]


def test_a_shared_setting_has_one_value_for_build_and_server(tmp_path, monkeypatch):
    monkeypatch.delenv("ITUKG_BASE_IRI", raising=False)
    monkeypatch.delenv("ITUKG_DATA_DIR", raising=False)
    settings_file = tmp_path / "itukg.toml"
    settings_file.write_text(f'[server]\nbase_iri = "https://example.org/a/"\n[build]\ndata_dir = "{tmp_path}"\n',
                             encoding="utf-8")
    loaded = _loaded(["build", "--config", str(settings_file)])
    assert loaded.build.base_iri == loaded.server.base_iri == "https://example.org/a/"
    assert loaded.build.data_dir == loaded.server.data_dir == tmp_path
    settings_file.write_text('[server]\nbase_iri = "https://example.org/a/"\n[build]\nbase_iri = "https://example.org/b/"\n',
                             encoding="utf-8")
    with pytest.raises(ConfigError, match="base_iri is set twice"):
        config.load(settings_file, env={})


@pytest.mark.parametrize("text, fragment", [
    ('[build]\nbase_iri = "ftp://example.org/"\n', "setting base_iri from .*itukg.toml \\[build\\]: must be an http"),
    ("[server]\nport = \"eighty\"\n", "setting port from .*itukg.toml \\[server\\]: cannot use 'eighty'"),
    ("[store]\npassword = \"x\"\n", "password is read from ITUKG_STORE_PASSWORD only"),
    ("[build]\nprot = 1\n", "unknown setting 'prot' in \\[build\\]"),
    ("build = 1\n", "\\[build\\] must be a table"),
])
def test_an_unusable_settings_file_is_one_line_naming_the_setting_and_where(tmp_path, text, fragment):
    settings_file = tmp_path / "itukg.toml"
    settings_file.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=fragment) as caught:
        config.load(settings_file, env={})
    assert "\n" not in str(caught.value)


def test_an_empty_variable_counts_as_unset_except_where_empty_means_something(tmp_path):
    loaded = config.load(None, env={"ITUKG_PORT": "", "ITUKG_DATA_DIR": "", "ITUKG_CACHE_DIR": ""})
    defaults = config.Config()
    assert loaded.server.port == defaults.server.port and loaded.build.data_dir == defaults.build.data_dir
    assert loaded.build.cache_dir is None  # documented: an empty ITUKG_CACHE_DIR is "no cache"


def test_a_bad_variable_is_one_cli_line_naming_it(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "itukg", "query", "--list"], capture_output=True, text=True,
                          env=_clean_env(ITUKG_BASE_IRI="https://example.org/no-slash"), timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "itukg: error: setting base_iri from ITUKG_BASE_IRI: must be an http(s) IRI ending in / or #, "
        "not 'https://example.org/no-slash'"]


# --- (c) the environment is read when the settings load, by config.py only --------------------------------------

def _package_sources() -> list[Path]:
    files = sorted(ROOT.glob("*.py"))
    for folder in PACKAGE_FOLDERS:
        files += sorted((ROOT / folder).rglob("*.py"))
    return [f for f in files if "static" not in f.parts]


def test_only_config_py_reads_the_environment():
    readers = []
    for path in _package_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
            if name in ("environ", "getenv", "environb", "getenvb") and path.name != "config.py":
                readers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not readers, f"environment read outside config.py: {readers}"


def test_importing_the_package_reads_no_setting(tmp_path):
    """With every variable set, importing changes nothing; the values arrive when config.load runs."""
    base, data = "https://example.org/kg/", tmp_path / "data"
    code = """if True:
        import json
        import itukg.cli, itukg.server.app, itukg.server.http as http, itukg.graph.build
        from itukg.graph import iris, namespaces
        from itukg.server.settings import Settings
        from itukg import config
        before = {"base": namespaces.base_iri(), "minted": str(iris.document("0" * 64)),
                  "output_id": http.OUTPUT_PREFIXES["id"], "server_data_dir": str(Settings().data_dir),
                  "build_cache_dir": str(config.BuildSettings().cache_dir)}
        loaded = config.load()
        after = {"base": loaded.build.base_iri, "server_data_dir": str(loaded.server.data_dir),
                 "build_cache_dir": str(loaded.build.cache_dir)}
        print(json.dumps([before, after]))
    """
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=_clean_env(ITUKG_BASE_IRI=base, ITUKG_DATA_DIR=str(data),
                                         ITUKG_CACHE_DIR=str(tmp_path / "cache")))
    assert proc.returncode == 0, proc.stderr
    before, after = json.loads(proc.stdout)
    assert before["base"] == before["output_id"] == DEFAULT_BASE_IRI
    assert before["minted"].startswith(DEFAULT_BASE_IRI)
    assert before["server_data_dir"] != str(data) and before["build_cache_dir"] != str(tmp_path / "cache")
    assert after == {"base": base, "server_data_dir": str(data), "build_cache_dir": str(tmp_path / "cache")}


# --- (d) every setting documented, every flag real ------------------------------------------------------------

def test_every_declared_setting_is_in_docs_settings_md():
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    rows = config.markdown_table().splitlines()[2:]
    assert len(rows) == len(config.declared())
    missing = [row.split("|")[1].strip() for row in rows if row not in doc]
    assert not missing, f"settings missing or out of date in docs/settings.md (`itukg settings --markdown`): {missing}"
    assert "(docs/settings.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_listed_by_itukg_settings():
    proc = subprocess.run([sys.executable, "-m", "itukg", "settings"], capture_output=True, text=True,
                          env=_clean_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    for s in config.declared():
        assert re.search(rf"^  {s.name} +{s.env}\b", proc.stdout, re.M), s.name
        assert s.help in proc.stdout and f"(default: {s.default})" in proc.stdout


def test_every_setting_has_its_own_variable_and_every_flag_exists():
    settings = config.declared()
    variables = [s.env for s in settings]
    assert len(set(variables)) == len(variables) and all(v.startswith(config.ENV_PREFIX) for v in variables)
    options = {o for sp in cli._parser().commands.values() for a in sp._actions for o in a.option_strings}
    for s in settings:
        if s.flag and s.flag.startswith("-"):
            assert set(s.flag.split("/")) <= options, s.flag


def test_values_show_where_each_comes_from_and_never_a_secret(tmp_path):
    settings_file = tmp_path / "itukg.toml"
    settings_file.write_text('[server]\nport = 7001\nupdate_token = "s3cret"\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "itukg", "settings", "--values", "--config", str(settings_file),
                           "--base-iri", "https://example.org/kg/"], capture_output=True, text=True,
                          env=_clean_env(ITUKG_STORE_URL="http://127.0.0.1:7002/", ITUKG_STORE_PASSWORD="pw-s3cret"),
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert re.search(rf"^  port +7001  \(from {re.escape(str(settings_file))} \[server\]\)$", out, re.M)
    assert re.search(r"^  base_iri +https://example.org/kg/  \(from --base-iri\)$", out, re.M)
    assert re.search(r"^  url +http://127.0.0.1:7002/  \(from ITUKG_STORE_URL\)$", out, re.M)
    assert "s3cret" not in out and re.search(r"^  password +\(set\)", out, re.M)


def test_the_workers_memory_limits_together_fit_the_machine_by_default():
    import os

    from itukg.config import ServerSettings

    total_mb = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // (1 << 20)
    s = ServerSettings(query_workers=8, slow_workers=2)
    assert s.worker_memory_limit() * (8 + 2) <= max(total_mb, 256 * 10)
    assert s.worker_memory_limit() <= 4096
    assert ServerSettings(worker_memory_mb=0).worker_memory_limit() == 0  # 0: none, as written
    assert ServerSettings(worker_memory_mb=1500).worker_memory_limit() == 1500
