"""Where the shipped data files are, found through importlib.resources so no source tree is needed.

Every reader of the ontology and the reference files goes through `ontology_dir()`, so one replacement of it
(a test's copy of the folder) moves them all.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def ontology_dir() -> Path:
    """The folder of ontology/itukg.ttl and ontology/reference/."""
    return _package_dir("itukg.ontology")


def ontology_file() -> Path:
    return ontology_dir() / "itukg.ttl"


def reference_dir() -> Path:
    return ontology_dir() / "reference"


def reference_files() -> list[Path]:
    return sorted(reference_dir().glob("*.ttl"))


def shapes_file() -> Path:
    return _package_dir("itukg.shapes") / "itukg-shapes.ttl"


def queries_dir() -> Path:
    return _package_dir("itukg.queries")


def corpus_dir() -> Path:
    return _package_dir("itukg.graph.corpus")
