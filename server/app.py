"""The Flask application and its waitress server.

`create_app(settings)` loads the data, forks the query workers and wires the blueprints (sparql, export,
pages); `serve(settings)` runs it under waitress until interrupted. Cross-cutting concerns live here: request
ids (X-Request-Id, in every log line), CORS on the read-only endpoints, one handler for every ItukgError (its
status, message and headers: text/plain for clients, a page of the site for browsers), and a catch-all that logs
a real bug with its request id and answers 500 without a stack trace.
"""
from __future__ import annotations

import atexit
import errno
import importlib.metadata
import logging
import re
import signal
import socket
import threading
import time
import uuid
import weakref

from flask import Flask, Response, g, jsonify, render_template, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from ..graph.errors import ConfigError, ItukgError
from ..graph.namespaces import using_base_iri
from . import export, negotiation, pages, sparql, ui
from .http import browser_pages, runtime, text_response
from .runtime import Runtime
from .settings import Settings
from .store import Snapshot

log = logging.getLogger("itukg.server")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_NOT_CORS = ("/update",)


def _version() -> str:
    try:
        return importlib.metadata.version("itukg")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def create_app(settings: Settings, snapshot: Snapshot | None = None) -> Flask:
    """A ready app: data loaded (or `snapshot` used), workers forked, reload watcher started.

    Raises DatasetError when there is no data to serve and ConfigError for unusable settings.
    Call `app.extensions["itukg"].close()` (or `close_app(app)`) to stop the workers.
    """
    settings.validate()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    assert isinstance(app.json, DefaultJSONProvider)  # Flask's own provider (json_provider_class is not changed)
    app.json.sort_keys = False
    rt = _runtime_for(snapshot)(settings, snapshot)
    app.extensions["itukg"] = rt
    atexit.register(_close_at_exit, weakref.ref(rt))  # no orphan workers, without keeping rt alive
    app.register_blueprint(sparql.bp)
    app.register_blueprint(export.bp)
    pages.register(app, render_entity=ui.entity_response, render_not_found=ui.not_found_page)
    app.extensions["itukg.pages"] = ui.register(app)  # before the ops routes: '/' is the UI's home page
    _install_hooks(app, settings)
    _install_error_handlers(app)
    _install_ops_routes(app)
    return app


def _runtime_for(snapshot: Snapshot | None) -> type:
    """An external store's snapshot (server/remote.py) runs without worker processes."""
    from .remote import RemoteRuntime, RemoteSnapshot

    return RemoteRuntime if isinstance(snapshot, RemoteSnapshot) else Runtime


def _close_at_exit(ref) -> None:
    rt = ref()
    if rt is not None:
        rt.close()


def close_app(app: Flask) -> None:
    app.extensions["itukg"].close()


def _install_hooks(app: Flask, settings: Settings) -> None:
    @app.before_request
    def start():
        incoming = request.headers.get("X-Request-Id", "")
        g.request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex[:16]
        g.started = time.perf_counter()
        # the request reads instance IRIs (id: prefixes, links to /id/...) under this server's configured base
        g.base_iri = using_base_iri(settings.base_iri)
        g.base_iri.__enter__()

    @app.teardown_request
    def end(exc):
        if "base_iri" in g:
            g.pop("base_iri").__exit__(None, None, None)

    @app.after_request
    def finish(response: Response):
        rid = getattr(g, "request_id", "-")
        response.headers["X-Request-Id"] = rid
        # every answer, the text/plain errors that echo client input included: browsers must not sniff it as HTML
        response.headers["X-Content-Type-Options"] = "nosniff"
        if settings.cors and not request.path.startswith(_NOT_CORS):
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            response.headers["Access-Control-Expose-Headers"] = (
                "X-Request-Id, Content-Disposition, X-Itukg-Truncated, X-Itukg-Generation")
            response.headers["Access-Control-Max-Age"] = "86400"
        elapsed = (time.perf_counter() - getattr(g, "started", time.perf_counter())) * 1000
        log.info("%s %s %s %d %.1fms", rid, request.method, request.path, response.status_code, elapsed)
        return response


def error_response(message: str, status: int, headers=None) -> Response:
    """An error answer: text/plain for protocol clients; for a browser (text/html preferred in Accept), the
    message on a page in the site's layout (the web UI's, else templates/error.html)."""
    response = _error_page(message, status) if negotiation.prefers_html(request.headers.get("Accept")) else None
    if response is None:
        response = text_response(message, status)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _error_page(message: str, status: int) -> Response | None:
    """The HTML error page, or None when it cannot be rendered (the error is then answered as text: a page
    that fails must not hide the error it was to show)."""
    render = browser_pages().error
    title = HTTP_STATUS_CODES.get(status, "Error")
    try:
        if render is not None:
            response = render(message, status, title)
        else:
            response = Response(render_template("error.html", message=message, title=title), status=status,
                                content_type=negotiation.media_type("html"))
    except Exception:  # noqa: BLE001 - logged; the text answer follows
        log.exception("%s the error page could not be rendered", getattr(g, "request_id", "-"))
        return None
    response.headers["Vary"] = "Accept"
    return response


def _install_error_handlers(app: Flask) -> None:
    @app.errorhandler(ItukgError)
    def itukg_error(exc: ItukgError):
        """Every error a client can cause or fix, and every limit it hits: its status, message and headers."""
        rid = getattr(g, "request_id", "-")
        if not exc.for_client:  # the server's own problem (its settings): logged, not shown
            log.error("%s %s on %s %s", rid, exc.message, request.method, request.path)
            return error_response(f"Internal server error (request id {rid}). It has been logged.", 500)
        if exc.status >= 500:
            log.warning("%s %s", rid, exc.message)
        return error_response(exc.text(), exc.status, exc.headers)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        message = exc.description or exc.name
        if exc.code == 404:
            message = (f"Nothing at {request.path}. Endpoints: /sparql (queries and service description), "
                       "/export, /.well-known/void, /id/... (entities), /status, /healthz.")
        elif exc.code == 405:
            allowed = ", ".join(exc.valid_methods or []) if hasattr(exc, "valid_methods") else ""
            message = f"{request.method} is not allowed on {request.path}" + (f"; use {allowed}" if allowed else "")
        elif exc.code == 413:
            message = f"the request is larger than the limit of {app.config['MAX_CONTENT_LENGTH']} bytes"
        headers = {k: v for k, v in exc.get_headers() if k.lower() == "allow"}
        render = browser_pages().not_found
        if exc.code == 404 and render is not None and negotiation.html_quality(request.headers.get("Accept")) > 0:
            # a browser: the page in the site's layout, with its navigation
            return render(f"Nothing at {request.path}. Use the navigation above, the search box, or the "
                          "SPARQL endpoint.", None, 404)
        return error_response(message, exc.code or 500, headers)

    @app.errorhandler(Exception)
    def bug(exc: Exception):
        """Anything else is a bug of ours: logged with its stack trace, never shown to the client."""
        rid = getattr(g, "request_id", "-")
        log.error("%s internal error on %s %s", rid, request.method, request.path, exc_info=exc)
        return error_response(f"Internal server error (request id {rid}). It has been logged.", 500)


def _install_ops_routes(app: Flask) -> None:
    @app.get("/healthz")
    def healthz():
        return text_response("ok")

    @app.get("/status")
    def status():
        rt = runtime()
        snap = rt.snapshot
        manifest = snap.manifest
        return jsonify({
            "status": "ok",
            "version": _version(),
            "triples": snap.triples,  # distinct triples of the union; quads: as stored (graph/summary.py)
            "quads": snap.quads,
            "graphs": snap.graph_count,
            "documents": len(manifest.get("documents") or {}),
            "built": manifest.get("built"),
            "dataset_version": manifest.get("version"),
            "generation": snap.generation,
            "source": snap.source,
            "loaded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(snap.loaded_at)),
            "uptime_seconds": round(time.time() - rt.started, 1),
            "reload_error": rt.reload_error,
            "limits": {"query_timeout": rt.settings.query_timeout, "max_results": rt.settings.max_results,
                       "max_request_bytes": rt.settings.max_request_bytes,
                       "fast_query_seconds": rt.settings.fast_query_seconds,
                       "slow_workers": rt.settings.slow_workers, "slow_queue": rt.settings.slow_queue,
                       "client_slow_queries": rt.settings.client_slow_queries,
                       "update_queue": rt.settings.update_queue},
            "lanes": rt.lanes_state(),
            "updates_enabled": rt.settings.allow_update,
        })


def _channel_class():
    """waitress 3.0's HTTP channel, with nosniff on its own error answers too, and one fix: `Expect: 100-continue`
    on a request that is already complete (no body: a GET, Content-Length: 0, or a body refused for its size) is
    answered at once. waitress sends
    "100 Continue" and then marks such a request incomplete, so it waits for a body that never comes until
    channel_timeout closes the connection. RFC 9110 10.1.1 lets a server skip the 100 and send the final answer."""
    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask

    class NosniffErrorTask(ErrorTask):
        """waitress's own error answers (400 for a malformed request, 413, 431, ...) are text/plain that may echo
        the request: nosniff there too, as on every answer of the app."""

        def execute(self):
            self.response_headers.append(("X-Content-Type-Options", "nosniff"))
            super().execute()

    class Channel(HTTPChannel):
        error_task_class = NosniffErrorTask

        def send_continue(self):
            if self.request is not None and self.request.completed:
                self.request.expect_continue = False
                return
            super().send_continue()

    return Channel


def build_server(settings: Settings, app: Flask | None = None):
    """A waitress server bound to settings.host/port (port 0 picks a free one: see `bound_port`).

    An address that cannot be listened on (the port in use, a privileged port, an unknown host) is a
    ConfigError saying which and how to choose another."""
    from waitress import create_server

    app = app or create_app(settings)
    try:
        # an unknown host fails here, before waitress opens sockets it would not close on that error
        socket.getaddrinfo(settings.host, settings.port, type=socket.SOCK_STREAM)
        server = create_server(
            app,
            host=settings.host,
            port=settings.port,
            threads=request_threads(settings),
            ident="itukg",
            max_request_body_size=settings.max_request_bytes + 65536,
            clear_untrusted_proxy_headers=True,
            channel_timeout=max(60, int(settings.query_timeout) + 30),
        )
    except OSError as exc:
        raise listen_error(exc, settings.host, settings.port) from None
    if hasattr(server, "channel_class"):  # one listening socket (a MultiSocketServer holds several)
        server.channel_class = _channel_class()
    return server


def request_threads(settings: Settings) -> int:
    """waitress threads: `threads` for fast requests, plus one for each request that may wait in the slow lane
    (running or queued) or for an update (running or queued), so those never take the fast requests' threads."""
    return settings.threads + settings.slow_workers + settings.slow_queue + 1 + settings.update_queue


def listen_error(exc: OSError, host: str, port: int) -> ConfigError:
    """One line for a failed bind: which address, why, and how to choose another."""
    other = f"choose another port with --port (e.g. --port {port + 1 if 0 < port < 65535 else 8080}), or --port 0 for any free one"
    if exc.errno == errno.EADDRINUSE:
        return ConfigError(f"port {port} on {host} is already in use (another itukg or program is listening "
                           f"there); {other}")
    if exc.errno == errno.EACCES:
        return ConfigError(f"not allowed to listen on port {port} on {host} (ports below 1024 need privileges); "
                           f"{other}")
    if isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL:
        return ConfigError(f"cannot listen on host {host!r}: not an address of this machine "
                           "(use --host 127.0.0.1, or 0.0.0.0 for every interface)")
    return ConfigError(f"cannot listen on {host} port {port}: {exc.strerror or exc}; {other}")


def check_listen(host: str, port: int) -> None:
    """Fail now, with listen_error, if host:port cannot be listened on (before loading or building anything).
    Binds and closes a socket with the options waitress uses; port 0 always works."""
    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM, socket.IPPROTO_TCP, socket.AI_PASSIVE)
    except OSError as exc:
        raise listen_error(exc, host, port) from None
    for family, kind, proto, _, address in infos:
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6 and hasattr(socket, "IPV6_V6ONLY"):
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                sock.bind(address)
            except OSError as exc:
                raise listen_error(exc, host, port) from None


def bound_port(server) -> int:
    """The port a waitress server listens on (a multi-socket server's first)."""
    port = getattr(server, "effective_port", None)
    return port if port is not None else server.effective_listen[0][1]


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def serve(settings: Settings, snapshot: Snapshot | None = None, on_ready=None) -> None:
    """Serve until Ctrl-C or SIGTERM; in-flight work is dropped and every worker process is stopped.
    `snapshot`: what to serve instead of loading it from `settings` (e.g. server.remote.open_remote).
    `on_ready(url)` is called once the port is bound, with the address to browse."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app(settings, snapshot)
    try:
        server = build_server(settings, app)
    except BaseException:
        close_app(app)
        raise
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    port = bound_port(server)
    ui.start_warm_up(app)  # the home page's tables, ready before the first visitor
    log.info("serving %s on http://%s:%s/sparql", app.extensions["itukg"].snapshot.source, settings.host, port)
    try:
        if on_ready is not None:
            browse = "127.0.0.1" if settings.host in ("0.0.0.0", "", "::") else settings.host
            on_ready(f"http://{'[' + browse + ']' if ':' in browse else browse}:{port}/")
        server.run()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        server.close()
        close_app(app)
