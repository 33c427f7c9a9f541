"""Fixtures for the web UI tests: the app over the built corpus, a live server, a headless Chromium.

Imported by tests/test_ui_*.py (session fixtures `built_corpus` come from conftest.py). The live server is the
real app (create_app + waitress) on a free 127.0.0.1 port in a background thread. The browser is Debian's
chromium driven by Playwright; tests that need it are skipped, with the reason, when /usr/bin/chromium is absent.
"""
from __future__ import annotations

import os
import shutil
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from server_fixtures import stop_waitress

from itukg.graph.errors import QueryError
from itukg.server import named_queries as nq, ui
from itukg.server.app import build_server, close_app, create_app
from itukg.server.settings import Settings
from itukg.server.store import load_dataset
from itukg.server.ui.index import label
from itukg.server.ui.tables import meeting_topics

CHROMIUM = os.environ.get("ITUKG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
BASE = "https://w3id.org/itukg/id/"
DURBAN = BASE + "meeting/cto-meeting-2018-09-09-durban"
ERICSSON = BASE + "organization/ericsson"
TD_DOCUMENT = BASE + "document/6c91d73d69ba569c91014de54bbffbd1a3800944abc98cc8294f782595f2708b"


def with_ui(app):
    """The app with the UI blueprint, whether or not create_app registers it already.

    When the app registered its own "/" before the blueprint (create_app without the UI), "/" is pointed at the
    UI's home page so the tests see what a wired app serves.
    """
    if "ui" not in app.blueprints:
        ui.register(app)
        for rule in app.url_map.iter_rules():
            if rule.rule == "/" and rule.endpoint != "ui.home_page":
                app.view_functions[rule.endpoint] = app.view_functions["ui.home_page"]
    return app


def topic_and_its_names(snap) -> tuple[str, dict[str, str]]:
    """A topic meetings discussed, and the ways a user may write it (IRI, prefixed name, slug, label), each of
    which the CLI's resolver reads as that topic."""
    for iri in sorted({t for _, t in meeting_topics(snap)}):
        names = {"iri": iri, "prefixed": nq.short_name(iri), "slug": iri.rstrip("/").rsplit("/", 1)[-1],
                 "label": label(snap, iri)}
        if all(_resolved(snap, "topic", v) == iri for v in names.values()):
            return iri, names
    raise AssertionError("no topic of the corpus resolves from each of its names")


def _resolved(snap, param: str, value: str) -> str | None:
    try:
        return nq.resolve_param(snap, param, value)
    except QueryError:
        return None


def ui_settings(data_dir: Path, **overrides) -> Settings:
    values = dict(data_dir=data_dir, query_workers=2, threads=8, query_timeout=10.0, reload_interval=0)
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="session")
def ui_snapshot(built_corpus):
    """The built corpus loaded as the server loads it (a Snapshot with the union graphs)."""
    return load_dataset(built_corpus)


@pytest.fixture(scope="session")
def ui_app(built_corpus, ui_snapshot):
    app = with_ui(create_app(ui_settings(built_corpus), snapshot=ui_snapshot))
    yield app
    close_app(app)


@pytest.fixture()
def client(ui_app):
    return ui_app.test_client()


@dataclass
class Live:
    url: str
    app: object
    server: object
    thread: threading.Thread

    def stop(self) -> None:
        stop_waitress(self.server, self.thread, self.app)


def start_live(data_dir: Path, snapshot=None) -> Live:
    settings = ui_settings(data_dir, host="127.0.0.1", port=0)
    app = with_ui(create_app(settings, snapshot=snapshot))
    server = build_server(settings, app)
    thread = threading.Thread(target=server.run, name="itukg-ui-test-server", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.effective_port}"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.05)
    return Live(url, app, server, thread)


@pytest.fixture(scope="session")
def live_ui(built_corpus, ui_snapshot):
    live = start_live(built_corpus, ui_snapshot)
    yield live
    live.stop()


def chromium_missing() -> str | None:
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
        return f"{CHROMIUM} is not installed (apt-get install chromium) — the browser tests need it"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = chromium_missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@dataclass
class BrowserPage:
    """A Playwright page on the live server, with what went wrong while it ran."""

    page: object
    base: str
    errors: list
    outside: list

    def goto(self, path: str):
        self.page.goto(self.base + path)
        return self.page


@pytest.fixture()
def bpage(browser, live_ui):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    # Everything must come from our server: any other request breaks the offline promise.
    pg.on("request", lambda req: outside.append(req.url) if not req.url.startswith(live_ui.url)
          and not req.url.startswith(("data:", "blob:", "about:")) else None)
    pg.set_default_timeout(10_000)
    yield BrowserPage(pg, live_ui.url, errors, outside)
    context.close()


def screenshot(pg, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    return path
