"""The package's layout: the repository root is the `itukg` package, readable and importable from a checkout.

A reader (or a tool) follows every import inside the package by path, because all of them are relative; and a
checkout named `itukg` on the path imports as the package itself, without being installed.
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_FOLDERS = ("graph", "server", "ontology", "shapes", "queries")


def _package_sources() -> list[Path]:
    files = sorted(ROOT.glob("*.py"))
    for folder in PACKAGE_FOLDERS:
        files += sorted((ROOT / folder).rglob("*.py"))
    return [f for f in files if "static" not in f.parts]


def test_every_import_inside_the_package_is_relative():
    absolute = []
    for path in _package_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "itukg":
                absolute.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            elif isinstance(node, ast.Import) and any(a.name.split(".")[0] == "itukg" for a in node.names):
                absolute.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not absolute, f"absolute imports of the package itself: {absolute}"


def test_a_checkout_imports_as_the_package_without_installation(tmp_path):
    # A clone's default folder name is the repository's: `itukg`. Put it on the path and import from it.
    (tmp_path / "itukg").symlink_to(ROOT, target_is_directory=True)
    code = ("import itukg.cli, itukg.server.app, itukg.graph.build, itukg.graph.resources as r; "
            "print(itukg.server.app.__file__); print(r.ontology_file())")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    app_file, ontology = proc.stdout.split()
    assert Path(app_file).parent == tmp_path / "itukg" / "server"
    assert Path(ontology).is_file()


def test_the_command_runs_as_python_dash_m_itukg():
    proc = subprocess.run([sys.executable, "-m", "itukg", "--version"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("itukg ")
