"""The built dataset on disk: generations written whole, then published by swapping one symlink.

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


@dataclass
class Generation:
    """A complete, published dataset directory."""

    path: Path
    manifest: dict

    @property
    def documents(self) -> dict[str, DocumentEntry]:
        return {k: DocumentEntry(**v) for k, v in self.manifest.get("documents", {}).items()}

    def document_file(self, sha256: str) -> Path:
        return self.path / "documents" / f"{sha256}.nq"

    def inferred_file(self, sha256: str) -> Path:
        return self.path / "inferred" / f"{sha256}.nq"

    @property
    def dataset_file(self) -> Path:
        return self.path / "dataset.nq"


def current(data_dir: Path) -> Generation | None:
    """The published generation, or None when nothing was built yet."""
    link = data_dir / "current"
    if not link.exists():
        return None
    path = link.resolve()
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{path}: the dataset manifest cannot be read ({exc}); rebuild with `itukg build --fresh`") from None
    return Generation(path, manifest)


def require_current(data_dir: Path) -> Generation:
    gen = current(data_dir)
    if gen is None:
        raise DatasetError(f"nothing is built in {data_dir}; run `itukg build` first")
    return gen


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
        gens = data_dir / "generations"
        gens.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"-{time.time_ns() % 1_000_000_000:09d}"
        self.final = gens / stamp
        self.tmp = gens / f".tmp-{stamp}-{os.getpid()}"
        (self.tmp / "documents").mkdir(parents=True)
        (self.tmp / "inferred").mkdir()

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
        """dataset.nq: every part in order, what the server bulk-loads."""
        out = self.tmp / relative
        with open(out, "wb") as fh:
            for part in parts:
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, fh, 1 << 20)
        return out

    def publish(self, manifest: dict) -> Generation:
        manifest = {"version": FORMAT_VERSION, **manifest}
        self.write("manifest.json", json.dumps(manifest, indent=2, sort_keys=True).encode())
        for root, _, files in os.walk(self.tmp):
            for name in files:
                with open(Path(root) / name, "rb") as fh:
                    os.fsync(fh.fileno())
        os.rename(self.tmp, self.final)
        link_tmp = self.data_dir / f".current-{os.getpid()}"
        if link_tmp.is_symlink() or link_tmp.exists():
            link_tmp.unlink()
        os.symlink(Path("generations") / self.final.name, link_tmp)
        os.replace(link_tmp, self.data_dir / "current")
        _fsync_dir(self.data_dir)
        self._prune()
        return Generation(self.final, manifest)

    def abandon(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _prune(self) -> None:
        gens = sorted(p for p in (self.data_dir / "generations").iterdir() if not p.name.startswith("."))
        for old in gens[:-KEEP_GENERATIONS]:
            shutil.rmtree(old, ignore_errors=True)
        for stale in (self.data_dir / "generations").glob(".tmp-*"):
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
