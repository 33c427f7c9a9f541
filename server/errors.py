"""HTTP-level errors: what a client did wrong (4xx) or a limit it hit (413, 503), with a message for humans."""
from __future__ import annotations


class ClientError(Exception):
    """Answered as `status` with `message` as text/plain (never a stack trace)."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class QueryTimeout(ClientError):
    def __init__(self, seconds: float):
        super().__init__(
            503,
            f"The query was stopped after the time limit of {seconds:g} s. Make it more selective "
            "(fewer unbound patterns, a LIMIT, no large cartesian products) and try again.",
            {"Retry-After": "5"},
        )


class ServerBusy(ClientError):
    def __init__(self, seconds: float):
        super().__init__(503, f"All query workers stayed busy for {seconds:g} s; try again shortly.",
                         {"Retry-After": "5"})
