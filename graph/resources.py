"""Where the shipped data files are: beside the code, in the package's own folders.

The package keeps the repository's layout when installed (graph/, ontology/, shapes/, queries/ are siblings
in both), so one path relative to this file serves a checkout and an installation alike.

Every reader of the ontology and the reference files goes through `ontology_dir()`, so one replacement of it
(a test's copy of the folder) moves them all.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def ontology_dir() -> Path:
    """The folder of ontology/itukg.ttl and ontology/reference/."""
    return _PACKAGE_ROOT / "ontology"


def ontology_file() -> Path:
    return ontology_dir() / "itukg.ttl"


def reference_dir() -> Path:
    return ontology_dir() / "reference"


def reference_files() -> list[Path]:
    return sorted(reference_dir().glob("*.ttl"))


def shapes_file() -> Path:
    return _PACKAGE_ROOT / "shapes" / "itukg-shapes.ttl"


def queries_dir() -> Path:
    return _PACKAGE_ROOT / "queries"


def corpus_dir() -> Path:
    return _PACKAGE_ROOT / "graph" / "corpus"
