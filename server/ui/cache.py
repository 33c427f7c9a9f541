"""Per-snapshot caching of the UI's whole-graph tables, and the optional warm-up that fills it.

Tables live in `snapshot.cache`, so a reload brings fresh ones with the new snapshot and nothing is invalidated
by hand. A table the generation's build precomputed (precompute.py; the loader keeps it in
`snapshot.precomputed`) is decoded from there instead of computed.
"""
from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable

log = logging.getLogger(__name__)


def cached(snap, name: str, make: Callable, precomputed: bool = True):
    """Whole-graph tables are computed once per snapshot; concurrent callers wait for the first one.
    The snapshot's precomputed table of that name, if any, is taken instead (unless `precomputed` is False)."""
    key = ("ui", name)
    value = snap.cache.get(key)
    if value is None:
        with snap.cache.setdefault(("ui-lock", name), threading.Lock()):
            value = snap.cache.get(key)
            if value is None:
                value = from_file(snap, name) if precomputed else None
                if value is None:
                    value = make()
                snap.cache[key] = value
    return value


def from_file(snap, name: str):
    """The snapshot's precomputed table `name` (the loader decoded it), or None."""
    value = (getattr(snap, "precomputed", None) or {}).get(name)
    if value is not None:
        snap.cache[("ui-source", name)] = "file"
    return value


def start_warm_up(app, compute: Callable, interval: float = 2.0) -> threading.Thread:
    """Run `compute(snapshot)` in a daemon thread for each new snapshot the app serves, so that the first visitor
    does not wait for the tables (about a minute for 10,000 meetings; milliseconds on the bundled corpus).
    The thread holds the app weakly and ends when the app is gone or its runtime closed."""
    thread = threading.Thread(target=_warm_up, args=(weakref.ref(app), compute, interval),
                              name="itukg-ui-warm-up", daemon=True)
    thread.start()
    return thread


def _warm_up(app_ref, compute: Callable, interval: float) -> None:
    warmed = None
    while True:
        app = app_ref()
        rt = app.extensions.get("itukg") if app is not None else None
        if rt is None or getattr(rt, "closed", False):
            return
        snap = getattr(rt, "snapshot", None)
        del app, rt
        if snap is not None and snap is not warmed:
            try:
                compute(snap)
            except Exception:  # noqa: BLE001 - a page request will report the same problem properly
                log.debug("UI warm-up failed", exc_info=True)
            warmed = snap
        del snap
        time.sleep(interval)
