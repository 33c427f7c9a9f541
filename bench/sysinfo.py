"""Machine and software versions, for bench/RESULTS.md."""
from __future__ import annotations

import importlib.metadata
import os
import platform
import subprocess

from . import servers


def _cpu() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram() -> str:
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _oxigraph_binary() -> str:
    exe = servers.tool("oxigraph")
    if not exe:
        return "not installed"
    try:
        r = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=10)
        return r.stdout.strip() or r.stderr.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


def _git() -> str:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                              timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return f"{head or 'unknown'}{' with uncommitted changes' if dirty else ''}"


def collect() -> dict:
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "CPU": _cpu(),
        "cores": f"{os.cpu_count()} logical ({affinity} usable by this process)",
        "RAM": _ram(),
        "OS": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "itukg": f"{_version('itukg')} (git {_git()})",
        "rdflib": _version("rdflib"),
        "pyoxigraph": _version("pyoxigraph"),
        "owlrl": _version("owlrl"),
        "pyshacl": _version("pyshacl"),
        "oxigraph (server)": _oxigraph_binary(),
        "rdflib-endpoint": _version("rdflib-endpoint"),
        "uvicorn": _version("uvicorn"),
        "flask / waitress": f"{_version('flask')} / {_version('waitress')}",
    }
