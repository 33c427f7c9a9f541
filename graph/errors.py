"""Every error a user can cause or fix, in one hierarchy: each says what went wrong in one line and carries
both answers, `exit_code` for the CLI (cli.main prints `itukg: error: <message>` and exits with it) and `status`
for the server (server/app.py answers it with the message, and `headers`).

Exit codes: 1 documents did not conform or were left out of a build, 2 every other error. Statuses follow
RFC 9110; a 500 is a problem of the server itself (its settings or a bug): the client gets a generic sentence,
the log gets the message."""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping


def printable(text: str) -> str:
    """`text` for a one-line message: control characters (newlines, tabs, ESC, DEL, C1), format characters
    (bidirectional overrides, zero-width), line and paragraph separators and unpaired surrogates (undecodable
    bytes of a file name) written as \\n, \\t, \\xNN or \\uNNNN, so a hostile file name cannot split a line,
    fake another one or reorder it on a terminal."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch == " " or (ch.isprintable() and unicodedata.category(ch) not in ("Cf", "Zl", "Zp")):
            out.append(ch)
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return "".join(out)


class ItukgError(Exception):
    """Base of every error a user can cause or fix. Its message is one line, shown as is; `detail` (optional,
    several lines) is what an HTTP answer adds below it, e.g. the query line and a caret under the error."""

    exit_code: int = 2
    status: int = 500
    headers: Mapping[str, str] = {}

    def __init__(self, message: str, *, headers: Mapping[str, str] | None = None, detail: str | None = None):
        super().__init__(message)
        if headers:
            self.headers = {**type(self).headers, **headers}
        self.detail = detail

    @property
    def message(self) -> str:
        return str(self)

    @property
    def for_client(self) -> bool:
        """False for the server's own problems (500: its settings, a bug): the log gets their message, the
        client a generic sentence."""
        return self.status != 500

    def text(self) -> str:
        """The message with the detail below it: what an HTTP answer shows."""
        return self.message + (f"\n{self.detail}" if self.detail else "")

    def __reduce__(self):
        """Errors cross the query workers' pipes as pickles; subclasses with their own constructor arguments
        (DocumentError, QueryTimeout, ...) are rebuilt from the message and attributes, not re-constructed."""
        return _restore, (type(self), self.args), self.__dict__


def _restore(cls: type, args: tuple) -> ItukgError:
    return cls.__new__(cls, *args)


# --- documents and builds (the CLI) ----------------------------------------------------------------------

class DocumentError(ItukgError):
    """A document cannot be read (binary, empty, encrypted, broken archive, too large)."""

    status = 422

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class SkippedFile(DocumentError):
    """An entry of a folder that is not read: not a regular file (named pipe, device, socket), or a symbolic link
    not followed. Reported, but not an error of the build."""


class ProcessingError(DocumentError):
    """A document was read but could not be processed (an extractor or mapping failed on it: a bug)."""

    status = 500


class LimitExceeded(DocumentError):
    """A document is over one of the build's limits (config.py [build]: max_bytes, max_text_chars, max_pages,
    document_seconds, document_memory_mb). It is rejected, alone: the build goes on. `reason` ends with the
    setting's name in parentheses, e.g. "more than 2000 pages (max_pages)"."""

    status = 413

    def __init__(self, source: str, reason: str, setting: str):
        self.setting = setting
        super().__init__(source, f"{reason} ({setting})")


class ValidationFailed(ItukgError):
    """Documents did not conform to the SHACL shapes or could not be read: `validate` and `build` end with it
    once every document has been reported, so the exit status says so (1)."""

    exit_code = 1
    status = 422


class DatasetError(ItukgError):
    """The data directory holds no built dataset, or it is locked by another build: nothing to answer from."""

    status = 503


class NotFound(DatasetError):
    """The dataset holds no such graph or entity."""

    status = 404


class ConfigError(ItukgError):
    """A setting has a value that cannot be used: the server's own problem (500), never the client's."""


class UnsupportedShapes(ConfigError):
    """The SHACL shapes use a feature the compiled engine does not implement (validate.py then uses pyshacl)."""


# --- requests (the server) ---------------------------------------------------------------------------------

class BadRequest(ItukgError):
    """A request the server cannot act on as sent: a parameter malformed, missing, repeated or in conflict."""

    status = 400


class QueryError(BadRequest):
    """A SPARQL query is malformed or refers to an unknown named query or parameter."""


class QuerySyntaxError(QueryError):
    """The SPARQL engine could not parse the query or update (server/syntax.py writes the sentence)."""


class Unauthorized(ItukgError):
    """No usable credentials for what needs them (updates need the bearer token)."""

    status = 401


class Forbidden(ItukgError):
    """Not allowed on this server, whoever asks (updates disabled, a wrong token, an external store)."""

    status = 403


class NotAcceptable(ItukgError):
    """None of the formats the client accepts can be produced for this answer."""

    status = 406


class Conflict(ItukgError):
    """The request would change what is not its to change (an update touching the graphs a build owns)."""

    status = 409


class TooManyRequests(ItukgError):
    """One client holds as many slow queries as it may (client_slow_queries); `Retry-After` says when to retry."""

    status = 429

    def __init__(self, message: str, retry_after: float = 5):
        super().__init__(message, headers={"Retry-After": str(max(1, int(retry_after + 0.999)))})


class PayloadTooLarge(ItukgError):
    """The request (query string or body) is larger than max_request_bytes."""

    status = 413


class UnsupportedMediaType(ItukgError):
    """A POST body in a media type or charset the SPARQL Protocol does not define."""

    status = 415


# --- what the server depends on ----------------------------------------------------------------------------

class UpstreamError(ItukgError):
    """A SPARQL endpoint this server called failed (a SERVICE endpoint, an external store): a bad gateway."""

    status = 502


class StoreError(UpstreamError):
    """The external store refused a request or cannot be reached."""


class StoreTimeout(StoreError):
    """The store did not answer in time."""

    status = 504


class StoreHTTPError(StoreError):
    """The store answered with an HTTP error; `upstream_status` is its status (ours stays 502)."""

    def __init__(self, upstream_status: int, message: str):
        super().__init__(message)
        self.upstream_status = upstream_status


# --- limits -------------------------------------------------------------------------------------------------

class Unavailable(ItukgError):
    """The server cannot answer this now: a limit was hit or a worker was lost."""

    status = 503


class QueryTimeout(Unavailable):
    """A query (or export, or update) ran past query_timeout; its worker was killed."""

    headers = {"Retry-After": "5"}

    def __init__(self, seconds: float, advice: str = "make it more selective (fewer unbound patterns, a LIMIT, "
                                                     "no large cartesian products) and try again.",
                 what: str = "query"):
        self.seconds = seconds
        super().__init__(f"The {what} was stopped after the time limit of {seconds:g} s (query_timeout); {advice}")


class ServerBusy(Unavailable):
    """Every query worker stayed busy until the request's deadline."""

    headers = {"Retry-After": "5"}

    def __init__(self, seconds: float):
        super().__init__(f"All query workers stayed busy for {seconds:g} s; try again shortly.")


class LaneFull(Unavailable):
    """A bounded queue is full (the slow lane's slow_queue, or update_queue): refused at once, with Retry-After."""

    def __init__(self, message: str, retry_after: float = 5):
        super().__init__(message, headers={"Retry-After": str(max(1, int(retry_after + 0.999)))})


class PoolClosed(Unavailable):
    """The worker pool was retired (a new dataset generation came in): the job runs again on the current one,
    and only a request that keeps missing it gets this answer."""

    def __init__(self, message: str = "The dataset is being reloaded; try again."):
        super().__init__(message)


class ResourceLimit(Unavailable):
    """A query, export or update needed more memory than a worker may use."""


class WorkerDied(ResourceLimit):
    """The worker process ended while running a job (it ran out of memory or crashed)."""

    def __init__(self, message: str = "The query worker stopped while evaluating this query (it ran out of memory "
                                      "or crashed). Make the query more selective."):
        super().__init__(message)
