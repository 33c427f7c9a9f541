"""A client for an external SPARQL 1.1 store: query, update and Graph Store Protocol requests over urllib, the
store's errors, and its SPARQL JSON results decoded into pyoxigraph terms.

Used by the push (graph/store_push.py) and by serving from a store (server/remote.py); where the store is and
how to reach it is config.py's [store] section (`StoreSettings`). Credentials (ITUKG_STORE_USER /
ITUKG_STORE_PASSWORD, HTTP Basic or Digest, whichever the store asks for) are never part of a URL, a log line or
an error message.
"""
from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from ..config import StoreSettings
from .errors import StoreError, StoreHTTPError, StoreTimeout

__all__ = ["SparqlClient", "StoreError", "StoreHTTPError", "StoreTimeout"]  # the errors live in graph/errors.py


# --- HTTP ----------------------------------------------------------------------------------------------

class SparqlClient:
    """The three protocols over urllib: query, update, GSP PUT/GET. Errors become StoreError with the store's
    own message (shortened), never with credentials."""

    def __init__(self, config: StoreSettings):
        self.config = config
        handlers: list = []
        self._digest = None
        if config.user:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {u for u in (config.query, config.update, config.gsp) if u is not None}:
                passwords.add_password(None, url, config.user, config.password or "")
            self._digest = urllib.request.HTTPDigestAuthHandler(passwords)
            handlers += [urllib.request.HTTPBasicAuthHandler(passwords), self._digest]
        self._opener = urllib.request.build_opener(*handlers)

    @property
    def query_url(self) -> str:
        assert self.config.query is not None  # StoreSettings.__post_init__ derives it from the URL
        return self.config.query

    @property
    def update_url(self) -> str:
        assert self.config.update is not None  # StoreSettings.__post_init__ derives it from the URL
        return self.config.update

    @property
    def gsp_url(self) -> str:
        """The Graph Store Protocol endpoint; only for a store that has one (callers check `config.gsp`)."""
        assert self.config.gsp is not None
        return self.config.gsp

    def _authorize(self, req: urllib.request.Request, timeout: float) -> None:
        """Answer the store's challenge before sending a body: a store that refuses an unauthenticated request
        may close the connection while the body is still being sent (Virtuoso's digest endpoints do), which
        urllib's retry-on-401 cannot recover from. So: probe with a bodiless GET, then authorize the request."""
        probe = urllib.request.Request(req.full_url, method="GET", headers={"User-Agent": "itukg"})
        try:
            with urllib.request.urlopen(probe, timeout=timeout) as resp:
                resp.read()
            return
        except urllib.error.HTTPError as exc:
            challenge = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
            exc.close()
        except OSError:
            return  # the real request will report it
        scheme, _, rest = challenge.partition(" ")
        if scheme.lower() == "digest" and self._digest is not None:
            chal = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
            auth = self._digest.get_authorization(req, chal)
            if auth:
                req.add_unredirected_header("Authorization", "Digest " + auth)
        elif scheme.lower() == "basic":
            token = base64.b64encode(f"{self.config.user}:{self.config.password or ''}".encode()).decode()
            req.add_unredirected_header("Authorization", "Basic " + token)

    def request(self, method: str, url: str, *, params: list[tuple[str, str]] | None = None,
                body: bytes | None = None, content_type: str | None = None, accept: str | None = None,
                timeout: float | None = None, what: str = "request"):
        """The open response (caller reads and closes it)."""
        if params and body is None and method == "POST":
            body = urllib.parse.urlencode(params).encode("utf-8")
            content_type = "application/x-www-form-urlencoded"
        elif params:
            url = url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        req = urllib.request.Request(url, data=body, method=method)
        if content_type:
            req.add_header("Content-Type", content_type)
        if accept:
            req.add_header("Accept", accept)
        req.add_header("User-Agent", "itukg")
        try:
            if body and self.config.user:
                self._authorize(req, timeout or self.config.timeout)
            return self._opener.open(req, timeout=timeout or self.config.timeout)
        except urllib.error.HTTPError as exc:
            detail = _error_text(exc)
            exc.close()
            raise StoreHTTPError(exc.code, f"{self.config.name}: {what} failed with HTTP {exc.code}"
                                           + (f": {detail}" if detail else "")) from None
        except (TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                raise StoreTimeout(f"{self.config.name}: {what} timed out") from None
            raise StoreError(f"{self.config.name}: {what} failed: {reason}") from None

    def update(self, text: str, what: str = "update") -> None:
        with self.request("POST", self.update_url, params=[("update", text)], what=what) as resp:
            resp.read()

    def select(self, text: str, params: list[tuple[str, str]] | None = None) -> list[dict]:
        """Rows of a SELECT as {var: pyoxigraph term}."""
        with self.request("POST", self.query_url, params=[("query", text), *(params or [])],
                          accept="application/sparql-results+json", what="query") as resp:
            data = json.loads(resp.read())
        return [{k: json_term(v) for k, v in b.items()} for b in data.get("results", {}).get("bindings", [])]

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """GSP PUT: replace `graph` with the triples (N-Triples is Turtle, which every store accepts)."""
        with self.request("PUT", self.gsp_url, params=[("graph", graph)], body=ntriples,
                          content_type="text/turtle; charset=utf-8", what=f"upload of <{graph}>") as resp:
            resp.read()


def _error_text(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read(2000).decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - the status alone is still a useful message
        return ""
    text = " ".join(text.split())
    return text[:500]


def json_term(value: dict):
    """A SPARQL JSON results term as a pyoxigraph term (Virtuoso's `typed-literal` and `nodeID://` bnodes too)."""
    kind = value.get("type")
    text = value.get("value", "")
    if kind == "uri":
        return ox.NamedNode(text)
    if kind == "bnode":
        return ox.BlankNode(bnode_id(text))
    if kind == "triple":  # RDF-star
        v = value["value"]
        return ox.Triple(json_term(v["subject"]), json_term(v["predicate"]), json_term(v["object"]))
    lang = value.get("xml:lang")
    if lang:
        return ox.Literal(text, language=lang)
    datatype = value.get("datatype")
    if datatype:
        return ox.Literal(text, datatype=ox.NamedNode(datatype))
    return ox.Literal(text)


def bnode_id(text: str) -> str:
    """A valid blank node id for a store's label (Virtuoso says `nodeID://b1234`)."""
    clean = "".join(c if c.isalnum() else "_" for c in text)
    return clean if clean and clean[0].isalpha() else "b" + clean
