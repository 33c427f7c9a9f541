"""The built dataset on disk: generations written whole, then published by swapping one symlink.

The only module that knows the layout (builds write it, the server and the CLI ask it for paths):

    DATA_DIR/current -> generations/<stamp>      the published generation (a relative symlink)
    DATA_DIR/generations/<stamp>/manifest.json   what was built: documents, hashes, stats, rejections
                                 dataset.nq      everything, what the server bulk-loads
                                 documents/<sha256>.nq, inferred/<sha256>.nq, reference.nq, ...
                                 ui-tables.json.gz  the web UI's whole-graph tables, precomputed (optional:
                                                    server/ui/precompute.py; absent, the server computes them)
    DATA_DIR/build.lock                          held by the one build running

A crash or kill at any point leaves `current` pointing at the previous complete generation. One build at a
time: a second build fails at once with a clear message instead of interleaving writes.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DatasetError

FORMAT_VERSION = 1
KEEP_GENERATIONS = 2
CURRENT = "current"
GENERATIONS = "generations"
MANIFEST_FILE = "manifest.json"
DATASET_FILE = "dataset.nq"
DOCUMENTS_DIR = "documents"
INFERRED_DIR = "inferred"
REFERENCE_FILE = "reference.nq"
REFERENCE_INFERRED_FILE = "reference-inferred.nq"
UI_TABLES_FILE = "ui-tables.json.gz"


def document_name(sha256: str) -> str:
    """A document's asserted graph, relative to its generation."""
    return f"{DOCUMENTS_DIR}/{sha256}.nq"


def inferred_name(sha256: str) -> str:
    """What the reasoner added for a document, relative to its generation."""
    return f"{INFERRED_DIR}/{sha256}.nq"


@dataclass
class DocumentEntry:
    """One accepted document as the manifest records it."""

    source: str
    name: str
    sha256: str
    media_type: str
    meetings: int
    triples: int
    warnings: list[str] = field(default_factory=list)
    processed_by: str = ""  # graph/build.processing_fingerprint() of the code and data that made its graph


@dataclass
class Generation:
    """A complete, published dataset directory."""

    path: Path
    manifest: dict

    @property
    def documents(self) -> dict[str, DocumentEntry]:
        return {k: DocumentEntry(**v) for k, v in self.manifest.get("documents", {}).items()}

    def document_file(self, sha256: str) -> Path:
        return self.path / document_name(sha256)

    def inferred_file(self, sha256: str) -> Path:
        return self.path / inferred_name(sha256)

    @property
    def dataset_file(self) -> Path:
        return self.path / DATASET_FILE

    @property
    def ui_tables_file(self) -> Path:
        """The web UI's precomputed tables (may be absent)."""
        return self.path / UI_TABLES_FILE

    @property
    def reference_file(self) -> Path:
        """The ontology and reference graphs the build used."""
        return self.path / REFERENCE_FILE

    @property
    def reference_inferred_file(self) -> Path:
        return self.path / REFERENCE_INFERRED_FILE


def current(data_dir: Path) -> Generation | None:
    """The published generation, or None when nothing was built yet."""
    link = Path(data_dir) / CURRENT
    if not link.exists():
        return None
    path = link.resolve()
    try:
        manifest = json.loads((path / MANIFEST_FILE).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{path}: the dataset manifest cannot be read ({exc}); rebuild with `itukg build --fresh`") from None
    return Generation(path, manifest)


def require_current(data_dir: Path) -> Generation:
    gen = current(data_dir)
    if gen is None:
        raise DatasetError(f"nothing is built in {data_dir}; run `itukg build` first")
    return gen


def require_loadable(data_dir: Path) -> Generation:
    """The published generation with its dataset file (what `itukg serve` and `itukg query` load)."""
    gen = require_current(data_dir)
    if not gen.dataset_file.is_file():
        raise DatasetError(f"{gen.path} holds no {DATASET_FILE}: the build did not finish")
    return gen


def signature(data_dir: Path) -> tuple | None:
    """What changes when a rebuild lands: the resolved `current` target and the mtimes and sizes of its manifest
    and dataset file (None when nothing is published). The server's watcher compares two of them."""
    try:
        target = (Path(data_dir) / CURRENT).resolve(strict=True)
        parts: list = [str(target)]
        for name in (MANIFEST_FILE, DATASET_FILE):
            try:
                st = (target / name).stat()
                parts.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                parts.append(None)
        return tuple(parts)
    except OSError:
        return None


@contextmanager
def build_lock(data_dir: Path):
    """Hold the data directory's build lock; a second concurrent build fails clearly."""
    data_dir.mkdir(parents=True, exist_ok=True)
    fh = open(data_dir / "build.lock", "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise DatasetError(f"another build is running in {data_dir} ({holder}); wait for it to finish") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        yield fh
    finally:
        fh.close()


class GenerationWriter:
    """Writes a new generation into a hidden temporary directory; `publish()` makes it current atomically."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        gens = data_dir / GENERATIONS
        gens.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"-{time.time_ns() % 1_000_000_000:09d}"
        self.final = gens / stamp
        self.tmp = gens / f".tmp-{stamp}-{os.getpid()}"
        (self.tmp / DOCUMENTS_DIR).mkdir(parents=True)
        (self.tmp / INFERRED_DIR).mkdir()

    def write(self, relative: str, data: bytes) -> Path:
        path = self.tmp / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
        return path

    def copy_from(self, previous: Path, relative: str) -> None:
        target = self.tmp / relative
        try:
            os.link(previous, target)  # generations never modify files, so sharing them is safe
        except OSError:
            shutil.copyfile(previous, target)

    def concatenate(self, relative: str, parts: list[Path]) -> Path:
        """The dataset file: every part in order, what the server bulk-loads."""
        out = self.tmp / relative
        with open(out, "wb") as fh:
            for part in parts:
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, fh, 1 << 20)
        return out

    def publish(self, manifest: dict) -> Generation:
        manifest = {"version": FORMAT_VERSION, **manifest}
        self.write(MANIFEST_FILE, json.dumps(manifest, indent=2, sort_keys=True).encode())
        for root, _, files in os.walk(self.tmp):
            for name in files:
                with open(Path(root) / name, "rb") as fh:
                    os.fsync(fh.fileno())
        os.rename(self.tmp, self.final)
        link_tmp = self.data_dir / f".current-{os.getpid()}"
        if link_tmp.is_symlink() or link_tmp.exists():
            link_tmp.unlink()
        os.symlink(Path(GENERATIONS) / self.final.name, link_tmp)
        os.replace(link_tmp, self.data_dir / CURRENT)
        _fsync_dir(self.data_dir)
        self._prune()
        return Generation(self.final, manifest)

    def abandon(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _prune(self) -> None:
        gens = sorted(p for p in (self.data_dir / GENERATIONS).iterdir() if not p.name.startswith("."))
        for old in gens[:-KEEP_GENERATIONS]:
            shutil.rmtree(old, ignore_errors=True)
        for stale in (self.data_dir / GENERATIONS).glob(".tmp-*"):
            pid = stale.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
