"""User-facing errors: each says what went wrong in one line; the CLI maps them to exit codes."""
from __future__ import annotations


class ItukgError(Exception):
    """Base of every error a user can cause or fix. Its message is shown as is."""

    exit_code = 2


class DocumentError(ItukgError):
    """A document cannot be read (binary, empty, encrypted, broken archive, too large)."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class SkippedFile(DocumentError):
    """An entry of a folder that is not read: not a regular file (named pipe, device, socket), or a symbolic link
    not followed. Reported, but not an error of the build."""


class ProcessingError(DocumentError):
    """A document was read but could not be processed (an extractor or mapping failed on it: a bug)."""


class ValidationFailed(ItukgError):
    """At least one document did not conform to the SHACL shapes."""

    exit_code = 1


class DatasetError(ItukgError):
    """The data directory holds no built dataset, or it is locked by another build."""


class QueryError(ItukgError):
    """A SPARQL query is malformed or refers to an unknown named query or parameter."""


class ConfigError(ItukgError):
    """A setting has a value that cannot be used."""
