"""User-facing errors: each says what went wrong in one line; the CLI maps them to exit codes."""
from __future__ import annotations

import unicodedata


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
