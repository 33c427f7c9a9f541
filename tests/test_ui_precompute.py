"""The web UI's whole-graph tables precomputed by the build (server/ui/precompute.py, issue 15): equal to the
tables the UI computes, read by the server at load, and a dataset without them still served as before.

Through real servers on 127.0.0.1 (ui_fixtures.start_live) over the bundled corpus as the pipeline builds it.
"""
from __future__ import annotations

import gzip
import shutil
import urllib.request
from pathlib import Path

import pytest
from ui_fixtures import start_live

from itukg.graph.dataset import UI_TABLES_FILE, require_current
from itukg.server.store import load_dataset, load_files
from itukg.server.ui import precompute
from itukg.server.ui.home import home

#: The tables the home page reads.
HOME_TABLES = ("index", "meetings", "participations", "meeting-topics", "in-documents", "in-reference", "home")


def _canonical(value):
    """A table with its lists in a fixed order: two loads of one dataset may list rows in other orders."""
    if isinstance(value, precompute._index.Index):
        return _canonical(precompute._encode_index(value))
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        items = [_canonical(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, list) else tuple(items)
    return value


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as r:
        assert r.status == 200
        return r.read().decode("utf-8")


def _copy_without_tables(built_corpus: Path, root: Path) -> Path:
    """A copy of the built data directory whose generation has no precomputed tables (an older dataset)."""
    data_dir = root / "data"
    shutil.copytree(built_corpus, data_dir, symlinks=True)
    (require_current(data_dir).path / UI_TABLES_FILE).unlink()
    return data_dir


def test_the_build_writes_the_tables_and_they_equal_the_computed_ones(built_corpus):
    generation = require_current(built_corpus)
    assert generation.ui_tables_file.is_file()
    stored = precompute.read_tables(generation.ui_tables_file)
    assert set(stored) == set(precompute.TABLES)
    fresh = load_files([generation.dataset_file])  # loaded from the files: nothing precomputed
    assert not fresh.precomputed
    computed = precompute.compute_tables(fresh)
    for name, value in computed.items():
        decoded = stored[name]
        assert type(decoded) is type(value), name
        assert _canonical(decoded) == _canonical(value), name
    assert computed["meetings"] and computed["participations"] and computed["index"].entries


def test_a_served_dataset_with_the_tables_answers_the_home_page_without_computing(built_corpus, monkeypatch):
    def refuse(*_):
        raise AssertionError("a precomputed table was computed")

    for name in HOME_TABLES + ("ontology",):  # computing any table fails the page
        monkeypatch.setitem(precompute.TABLES, name, precompute.TABLES[name].__class__(
            refuse, precompute.TABLES[name].encode, precompute.TABLES[name].decode))
    monkeypatch.setattr("itukg.server.ui.index.build_index", refuse)
    monkeypatch.setattr("itukg.server.ui.tables._meeting_table", refuse)
    monkeypatch.setattr("itukg.server.ui.tables._participation_table", refuse)
    monkeypatch.setattr("itukg.server.ui.tables._meeting_topics", refuse)
    monkeypatch.setattr("itukg.server.ui.tables._in_documents", refuse)
    monkeypatch.setattr("itukg.server.ui.tables._in_reference", refuse)
    monkeypatch.setattr("itukg.server.ui.ontology._ontology_doc", refuse)
    monkeypatch.setattr("itukg.server.ui.home._summary", refuse)
    snapshot = load_dataset(built_corpus)
    assert set(snapshot.precomputed) == set(precompute.TABLES)
    live = start_live(built_corpus, snapshot)
    try:
        body = _get(live.url + "/")
        assert 'data-count="meetings"' in body
        assert "Study Group Leadership Assembly" in body
        for path in ("/ontology", "/ui/list/meetings", "/ui/list/organizations", "/ui/api/search?q=itu", "/query"):
            _get(live.url + path)
        served = live.app.extensions["itukg"].snapshot
        used = [name for name in precompute.TABLES if ("ui", name) in served.cache]
        assert {"home", "index", "ontology"} <= set(used)
        for name in used:
            assert served.cache.get(("ui-source", name)) == "file", name
    finally:
        live.stop()


def test_a_dataset_without_the_tables_computes_them_and_serves_the_same_pages(built_corpus, tmp_path):
    plain_dir = _copy_without_tables(built_corpus, tmp_path)
    plain = load_dataset(plain_dir)
    assert not plain.precomputed
    with_file, without = start_live(built_corpus, load_dataset(built_corpus)), start_live(plain_dir, plain)
    try:
        for path in ("/", "/ontology", "/ui/list/meetings", "/ui/list/topics?in=documents", "/ui/api/search?q=cto"):
            assert _get(with_file.url + path) == _get(without.url + path), path
        served = without.app.extensions["itukg"].snapshot
        assert served.cache.get(("ui-source", "index")) is None and ("ui", "index") in served.cache
    finally:
        with_file.stop()
        without.stop()
    assert home(plain)["counts"] == home(load_dataset(built_corpus))["counts"]


@pytest.mark.parametrize("content", [b"not json", b"[1, 2]", b'{"format": 999, "tables": {}}',
                                     b'{"format": 1, "tables": []}', b'{"format": 1, "tables": {"index": 3}}'])
@pytest.mark.parametrize("zipped", [True, False])
def test_an_unreadable_or_foreign_file_is_ignored(tmp_path, content, zipped):
    path = tmp_path / UI_TABLES_FILE
    path.write_bytes(gzip.compress(content) if zipped else content)
    assert precompute.read_tables(path) == {}
    assert precompute.read_tables(tmp_path / "absent.json") == {}


def test_a_failure_to_precompute_does_not_stop_the_build(tmp_path):
    (tmp_path / "dataset.nq").write_text("this is not N-Quads\n", encoding="utf-8")
    assert precompute.write_tables(tmp_path) is None
    assert not (tmp_path / UI_TABLES_FILE).exists()


def test_data_of_updates_on_top_of_the_build_makes_the_ui_compute_its_tables(built_corpus, tmp_path):
    # the tables written with the build know nothing of what updates added: a load with updates computes them
    data_dir = tmp_path / "data"
    shutil.copytree(built_corpus, data_dir, symlinks=True)
    assert load_dataset(data_dir).precomputed
    (data_dir / "updates.nq").write_text(
        '<https://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" <https://example.org/g> .\n')
    snap = load_dataset(data_dir)
    assert not snap.precomputed
    assert any(q.subject.value == "https://example.org/x" for q in snap.store.quads_for_pattern(None, None, None))
