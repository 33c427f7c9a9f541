#!/usr/bin/env python3
"""Reproduce server/ui/static/vendor/ from the npm registry at pinned versions.

    python server/ui/static/vendor/fetch_vendor.py            # fetch, verify, copy, write VERSIONS.md
    python server/ui/static/vendor/fetch_vendor.py --check    # verify the committed files match the registry

Each package is fetched with `npm pack <name>@<version>` (the ordinary npm client, so the npm configuration,
proxy and cache apply), its tarball is checked against the pinned sha512 integrity, and only the prebuilt
files the web UI loads (plus the licence) are copied. Nothing is built and no dependency tree is installed.

To upgrade a library: change its version here, run the script, update the `integrity` it reports, and check the
web UI (tests/test_ui_browser.py) still passes.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAX_BYTES = 2 * 1024 * 1024  # no committed file over 2 MB


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    licence: str
    integrity: str
    folder: str  # under server/ui/static/vendor/
    files: dict  # path in the tarball (under package/) -> path under folder
    purpose: str


PACKAGES = [
    Package(
        "codemirror", "5.65.21", "MIT",
        "sha512-6teYk0bA0nR3QP0ihGMoxuKzpl5W80FpnHpBJpgy66NK3cZv5b/d/HY8PnRvfSsCG1MTfr92u2WUl+wT0E40mQ==",
        "codemirror",
        {"lib/codemirror.js": "codemirror.js", "lib/codemirror.css": "codemirror.css",
         "mode/sparql/sparql.js": "mode/sparql.js", "addon/hint/show-hint.js": "addon/show-hint.js",
         "addon/hint/show-hint.css": "addon/show-hint.css", "addon/edit/matchbrackets.js": "addon/matchbrackets.js",
         "LICENSE": "LICENSE"},
        "the query editor (SPARQL mode, bracket matching, completion popup)",
    ),
    Package(
        "chart.js", "4.5.1", "MIT",
        "sha512-GIjfiT9dbmHRiYi6Nl2yFCq7kkwdkp1W/lp2J99rX0yo9tgJGn3lKQATztIjb5tVtevcBtIdICNWqlq5+E8/Pw==",
        "chartjs",
        {"dist/chart.umd.min.js": "chart.umd.min.js", "LICENSE.md": "LICENSE.md"},
        "charts (bars, timelines)",
    ),
    Package(
        "chartjs-chart-matrix", "3.1.0", "MIT",
        "sha512-pdo8DnhFXOisjbLDgfkzZH1w0xmjGqiaAMgkQSHCEMzxQENsXTgkXImIyweDiO7SqlE5PuzjhklyBCiorQhRmw==",
        "chartjs-chart-matrix",
        {"dist/chartjs-chart-matrix.min.js": "chartjs-chart-matrix.min.js", "LICENSE": "LICENSE"},
        "the topics-by-year heat map (a Chart.js matrix controller)",
    ),
    Package(
        "chartjs-chart-graph", "4.3.5", "MIT",
        "sha512-ep6YEpEaQ2e1qetCl8ui9p3ZPZaFZNY17v/DQSH14dVqbqd9U0wRQlpZscEQ6d6zA54mZgaxULKO5Bs7gcfuMQ==",
        "chartjs-chart-graph",
        {"build/index.umd.min.js": "index.umd.min.js", "LICENSE": "LICENSE"},
        "the neighbourhood graph (a Chart.js force-directed graph controller; bundles d3-force and friends)",
    ),
    # The UMD build of chartjs-chart-graph bundles these d3 modules: only their licences are copied.
    Package("d3-force", "3.0.0", "ISC",
            "sha512-zxV/SsA+U4yte8051P4ECydjD/S+qeYtnaIyAs9tgHCqfguma/aAQDjo85A9Z6EKhBirHRJHXIgJUlffT4wdLg==",
            "chartjs-chart-graph", {"LICENSE": "LICENSE-d3-force"}, "bundled in chartjs-chart-graph"),
    Package("d3-dispatch", "3.0.1", "ISC",
            "sha512-rzUyPU/S7rwUflMyLc1ETDeBj0NRuHKKAcvukozwhshr6g6c5d8zh4c2gQjY2bZ0dXeGLWc1PF174P2tVvKhfg==",
            "chartjs-chart-graph", {"LICENSE": "LICENSE-d3-dispatch"}, "bundled in chartjs-chart-graph"),
    Package("d3-quadtree", "3.0.1", "ISC",
            "sha512-04xDrxQTDTCFwP5H6hRhsRcb9xxv2RzkcsygFzmkSIOJy3PeRJP7sNk3VRIbKXcog561P9oU0/rVH6vDROAgUw==",
            "chartjs-chart-graph", {"LICENSE": "LICENSE-d3-quadtree"}, "bundled in chartjs-chart-graph"),
    Package("d3-timer", "3.0.1", "ISC",
            "sha512-ndfJ/JxxMd3nw31uyKoY2naivF+r29V+Lc0svZxe1JvvIRmi8hUsrMvdOwgS1o6uBHmiz91geQ0ylPP0aj1VUA==",
            "chartjs-chart-graph", {"LICENSE": "LICENSE-d3-timer"}, "bundled in chartjs-chart-graph"),
    Package("d3-hierarchy", "3.1.2", "ISC",
            "sha512-FX/9frcub54beBdugHjDCdikxThEqjnR93Qt7PvQTOHxyiNCAlvMrHhclk3cD5VeAaq9fxmfRp+CnWw9rEMBuA==",
            "chartjs-chart-graph", {"LICENSE": "LICENSE-d3-hierarchy"}, "bundled in chartjs-chart-graph"),
]


def integrity_of(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def npm_pack(pkg: Package, dest: Path) -> Path:
    """Download the tarball with the npm client; returns its path."""
    spec = f"{pkg.name}@{pkg.version}"
    try:
        out = subprocess.run(["npm", "pack", spec, "--json", "--pack-destination", str(dest)],
                             check=True, capture_output=True, text=True).stdout
    except FileNotFoundError:
        sys.exit("fetch_vendor: npm is not installed")
    except subprocess.CalledProcessError as exc:
        sys.exit(f"fetch_vendor: npm pack {spec} failed:\n{exc.stderr}")
    info = json.loads(out)[0]
    return dest / info["filename"]


def extract(pkg: Package, tarball: Path) -> dict[str, bytes]:
    data = tarball.read_bytes()
    got = integrity_of(data)
    if got != pkg.integrity:
        sys.exit(f"fetch_vendor: {pkg.name}@{pkg.version}: integrity {got} is not the pinned {pkg.integrity}")
    out = {}
    with tarfile.open(tarball, "r:gz") as tar:
        for src, target in pkg.files.items():
            member = tar.getmember(f"package/{src}")
            blob = tar.extractfile(member).read()
            if len(blob) > MAX_BYTES:
                sys.exit(f"fetch_vendor: {pkg.name}/{src} is {len(blob)} bytes, over the 2 MB limit")
            out[f"{pkg.folder}/{target}"] = blob
    return out


def versions_md() -> str:
    lines = [
        "# Vendored front-end libraries",
        "",
        "Served from /static/vendor/ so the web UI works offline (no CDN). Reproduce with",
        "`python server/ui/static/vendor/fetch_vendor.py` (npm registry, pinned versions, sha512-checked);",
        "`--check` verifies the committed files.",
        "",
        "| name | version | licence | npm source | files | used for |",
        "|---|---|---|---|---|---|",
    ]
    for p in PACKAGES:
        source = f"https://registry.npmjs.org/{p.name}/-/{p.name.split('/')[-1]}-{p.version}.tgz"
        files = ", ".join(f"`{p.folder}/{t}`" for t in p.files.values())
        lines.append(f"| {p.name} | {p.version} | {p.licence} | {source} | {files} | {p.purpose} |")
    lines.append("")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare the committed files with the registry's")
    args = ap.parse_args(argv)
    wanted: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="itukg-vendor-") as tmp:
        for pkg in PACKAGES:
            wanted.update(extract(pkg, npm_pack(pkg, Path(tmp))))
    wanted["VERSIONS.md"] = versions_md().encode()
    if args.check:
        bad = [rel for rel, blob in wanted.items()
               if not (HERE / rel).is_file() or (HERE / rel).read_bytes() != blob]
        for rel in bad:
            print(f"differs or missing: {rel}", file=sys.stderr)
        print("vendored files match the registry" if not bad else f"{len(bad)} file(s) differ")
        return 1 if bad else 0
    for rel, blob in sorted(wanted.items()):
        target = HERE / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob)
        print(f"{len(blob):>9}  {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
