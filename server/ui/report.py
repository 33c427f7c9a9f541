"""The build report (/report): the SHACL outcome of the build that made the served generation (manifest.json),
with paths shown as the user gave them."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ...graph import namespaces
from .web import base_iri, bp, current_snapshot, render


def short_paths(paths: Iterable[str]) -> Callable[[str | None], str | None]:
    """A function showing a path (or a message naming it) relative to the folder the build's documents share,
    as the user gave them, rather than where they lie (a site-packages folder for the bundled corpus)."""
    folders = [os.path.dirname(p) for p in paths if p and os.path.isabs(p)]
    root = os.path.commonpath(folders) if folders else ""
    if root in ("", os.sep):
        return lambda text: text
    prefix = root.rstrip(os.sep) + os.sep

    def short(text: str | None) -> str | None:
        return text.replace(prefix, "") if isinstance(text, str) else text

    return short


def build_report(snap, base: str | None = None) -> dict:
    """The SHACL outcome of the build that made the current generation (manifest.json); `base`: that of the
    dataset's instance IRIs (by default the one in effect)."""
    base = base or namespaces.base_iri()
    manifest = snap.manifest or {}
    sources = [str((d if isinstance(d, dict) else {}).get("source") or k)
               for k, d in (manifest.get("documents") or {}).items()]
    sources += [str(r.get("source")) for r in manifest.get("rejected") or [] if isinstance(r, dict)]
    short = short_paths(sources)
    documents: list[dict[str, Any]] = []
    for key, doc in sorted((manifest.get("documents") or {}).items()):
        doc = doc if isinstance(doc, dict) else {}
        sha = doc.get("sha256") or ""
        documents.append({
            "source": short(doc.get("source") or key), "name": doc.get("name") or Path(str(key)).name,
            "sha256": sha, "triples": doc.get("triples"), "meetings": doc.get("meetings"),
            "media_type": doc.get("media_type"), "warnings": list(doc.get("warnings") or []),
            "iri": f"{base}document/{sha}" if sha else None,
        })
    rejected = []
    for r in manifest.get("rejected") or []:
        if isinstance(r, dict):
            rejected.append({"source": short(r.get("source")), "problems": [short(x) for x in r.get("problems") or []]})
        else:
            rejected.append({"source": short(str(r)), "problems": []})
    return {
        "present": bool(manifest),
        "built": manifest.get("built"),
        "version": manifest.get("version"),
        "generation": snap.generation,
        "stats": manifest.get("stats") or {},
        "documents": documents,
        "rejected": rejected,
        "unreadable": [short(str(u)) for u in manifest.get("unreadable") or []],
        "warnings": sum(len(d["warnings"]) for d in documents),
        "reference_sha256": manifest.get("reference_sha256"),
    }


@bp.get("/report")
def report():
    return render("ui/report.html", report=build_report(current_snapshot(), base_iri()), active="report")
