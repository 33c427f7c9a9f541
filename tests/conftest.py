"""Shared fixtures: the bundled corpus built once per test session into a throw-away data directory."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset

from itukg.graph.build import build
from itukg.graph.dataset import require_current

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((DATA / "seed-facts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory) -> Path:
    """A data directory holding the bundled corpus, built by the real pipeline."""
    data_dir = tmp_path_factory.mktemp("itukg-data")
    result = build(None, data_dir)
    assert result.ok, [p.line() for r in result.rejected for p in r.report.violations]
    return data_dir


@pytest.fixture(scope="session")
def corpus_store(built_corpus):
    """The built corpus as the server loads it (pyoxigraph, default graph = the deduplicated union)."""
    from itukg.server.store import load_dataset

    return load_dataset(built_corpus)


@pytest.fixture(scope="session")
def corpus_rdflib(built_corpus) -> Dataset:
    """The built corpus in rdflib, with the default graph as the union of all graphs."""
    d = Dataset(default_union=True)
    d.parse(require_current(built_corpus).dataset_file, format="nquads")
    return d
