"""Reading documents: the first stage of the pipeline.

Every document, whatever its format, becomes one :class:`Text`: a plain-text string plus
the SHA-256 of the file's bytes. Later stages record facts as character offsets into
``Text.text``, so the extraction here must be *reproducible*: the same bytes always give
the same string (no time-, locale- or environment-dependent steps), and the string is
kept as close to the source as the format allows (plain text and Markdown verbatim).

Reading is also the trust boundary: documents come from outside, so every reader is
bounded (file size, uncompressed archive size, compression ratio, pages, characters of
text: :class:`Limits`) and nothing is ever fetched (no network, no external XML entities).
A document over one of the configured limits raises :class:`LimitExceeded`, checked as
early and as cheaply as the format allows (the file size before reading, a PDF's page
count before extracting any text, a .docx's uncompressed body size before parsing it).

A build reads in two steps: :func:`read_raw` (the bytes and their hash, in the build
process: cheap, and enough to reuse what is stored) and :func:`parse` (the text, in a
worker process bounded in time and memory); :func:`read_document` does both.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import io
import os
import re
import stat
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import groupby
from pathlib import Path

from .errors import DocumentError, LimitExceeded, SkippedFile

__all__ = [
    "Text",
    "Raw",
    "Limits",
    "read_document",
    "read_raw",
    "parse",
    "iter_documents",
    "iter_raw",
    "SUPPORTED_SUFFIXES",
    "MEDIA_TYPES",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_UNCOMPRESSED",
    "DEFAULT_MAX_RATIO",
    "DEFAULT_MAX_TEXT_CHARS",
    "DEFAULT_MAX_PAGES",
]

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

#: File suffix (lower case) -> media type recorded in :attr:`Text.media_type`.
MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".docx": DOCX_MEDIA_TYPE,
    ".pdf": "application/pdf",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(MEDIA_TYPES)

#: Largest file read at all (bytes); bigger files are refused before being read. A .docx's
#: uncompressed body (word/document.xml) is held to it too, before it is parsed.
DEFAULT_MAX_BYTES = 50_000_000
#: Most characters of text a document may give (config.py: max_text_chars).
DEFAULT_MAX_TEXT_CHARS = 2_000_000
#: Most pages a PDF may have (config.py: max_pages).
DEFAULT_MAX_PAGES = 2000
#: Largest total uncompressed size of a .docx archive (bytes): protects against zip bombs.
DEFAULT_MAX_UNCOMPRESSED = 200_000_000
#: Largest compression ratio of any .docx member that is big enough to matter.
DEFAULT_MAX_RATIO = 200
#: Members smaller than this cannot hurt whatever their ratio (a few KB of repeated
#: spaces legitimately compresses 500:1), so the ratio check ignores them.
_RATIO_MIN_SIZE = 1_000_000
#: A real .docx has a few dozen parts; tens of thousands means an attack or garbage.
_MAX_MEMBERS = 10_000
#: Share of control characters above which "text" is taken to be binary data.
_MAX_CONTROL_SHARE = 0.30

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 little-endian one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True)
class Text:
    """One document as plain text; every later offset refers to :attr:`text`."""

    source: str  #: the path as given, for messages
    name: str  #: the file name, e.g. "td-cto-communiques-2018.txt"
    sha256: str  #: hex SHA-256 of the file's bytes: the document's identity
    text: str  #: the extracted, NFC-normalised plain text with "\n" newlines
    media_type: str  #: e.g. "text/plain", "application/pdf"
    encoding: str | None = None  #: detected encoding (text formats only)


@dataclass(frozen=True)
class Limits:
    """What a reader accepts at most. ``max_bytes``, ``max_text_chars`` and ``max_pages`` are settings
    (config.py [build]); going over one of them is a :class:`LimitExceeded` naming it. The archive bounds
    are fixed protections against zip bombs (a plain :class:`DocumentError`)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    max_pages: int = DEFAULT_MAX_PAGES
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED
    max_ratio: float = DEFAULT_MAX_RATIO


@dataclass(frozen=True)
class Raw:
    """One document's bytes as read, not yet parsed: its identity (the hash) is known, its text not yet."""

    source: str
    name: str
    sha256: str
    data: bytes
    media_type: str


# --------------------------------------------------------------------------- public API


def read_document(
    path: Path | str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED,
    max_ratio: float = DEFAULT_MAX_RATIO,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    max_pages: int = DEFAULT_MAX_PAGES,
    follow_symlinks: bool = True,
    source: str | None = None,
) -> Text:
    """Read one document and return its plain text.

    The file is read once, into memory: the hash and the text come from the same bytes,
    so a file changing underneath cannot give a text that does not match its hash.
    Only regular files are read: a named pipe, device or socket is refused without
    blocking on it. With ``follow_symlinks=False`` a symbolic link is refused too
    (opened with O_NOFOLLOW, so a link swapped in after a check is not followed either).
    ``source`` is the name used in messages (default: ``path``).
    Raises :class:`DocumentError` (naming the file, with a short reason) for anything
    that cannot be read, :class:`LimitExceeded` for a document over one of the limits.
    """
    limits = Limits(max_bytes, max_text_chars, max_pages, max_uncompressed, max_ratio)
    return parse(read_raw(path, max_bytes=max_bytes, follow_symlinks=follow_symlinks, source=source), limits)


def read_raw(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, follow_symlinks: bool = True,
             source: str | None = None) -> Raw:
    """The first half of :func:`read_document`: the file's bytes and their hash, nothing parsed.

    Refuses an unsupported suffix, anything but a regular file, an empty file and (before reading a byte) a
    file larger than ``max_bytes``."""
    path = Path(path)
    source = str(path) if source is None else source
    suffix = Path(source).suffix.lower()  # the name the user sees decides the format (a link's, not its target's)
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(no extension)"
        raise DocumentError(
            source, f"unsupported file type {shown} (supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})"
        )
    data = _read_bytes(path, source, max_bytes, follow_symlinks)
    if not data:
        raise DocumentError(source, "empty file")
    return Raw(source, Path(source).name, hashlib.sha256(data).hexdigest(), data, MEDIA_TYPES[suffix])


def parse(raw: Raw, limits: Limits = Limits()) -> Text:
    """The second half of :func:`read_document`: the text of bytes :func:`read_raw` read.

    Raises :class:`DocumentError` or, over ``limits``, :class:`LimitExceeded`."""
    source, data, media_type = raw.source, raw.data, raw.media_type
    encoding: str | None = None
    if media_type in ("text/plain", "text/markdown"):
        if len(data) > 4 * limits.max_text_chars:  # no encoding takes more than 4 bytes a character
            raise _too_much_text(source, limits.max_text_chars)
        # Kept verbatim (Markdown markup included) so offsets map straight to the source.
        text, encoding = _decode(data, source)
    elif media_type == "text/html":
        decoded, encoding = _decode(data, source, declared=_declared_html_charset(data))
        text = _html_to_text(decoded, source)
    elif media_type == DOCX_MEDIA_TYPE:
        text = _docx_to_text(data, source, limits)
    else:
        text = _pdf_to_text(data, source, limits)

    text = _normalise(text)
    if len(text) > limits.max_text_chars:
        raise _too_much_text(source, limits.max_text_chars)
    if not text.strip():
        raise DocumentError(source, "no text")
    return Text(source=source, name=raw.name, sha256=raw.sha256, text=text, media_type=media_type,
                encoding=encoding)


def _too_much_text(source: str, limit: int) -> LimitExceeded:
    return LimitExceeded(source, f"more than {limit:,} characters of text", "max_text_chars")


def _capped(parts: Iterable[str], sep: str, source: str, limit: int) -> list[str]:
    """The parts (lines, pages) a reader yields, stopped as soon as joined by `sep` they pass `limit` characters
    (max_text_chars): a document is never read whole before it is found too long."""
    out: list[str] = []
    size = 0
    for part in parts:
        size += len(part) + len(sep)
        if size > limit + len(sep):
            raise _too_much_text(source, limit)
        out.append(part)
    return out


def iter_documents(
    paths: Iterable[Path | str] | Path | str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED,
    max_ratio: float = DEFAULT_MAX_RATIO,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    max_pages: int = DEFAULT_MAX_PAGES,
    follow_symlinks: bool = False,
) -> Iterator[Text | DocumentError]:
    """Read every document under ``paths``, yielding a :class:`Text` or a :class:`DocumentError` each.

    Errors are yielded, not raised, so one bad file does not stop a corpus build: the
    caller reports it and goes on. Folders are walked recursively in sorted order (so
    the output order does not depend on the file system); inside folders, hidden files
    and folders (".name"), Office lock files ("~$name") and files without a supported
    suffix are skipped. A path given explicitly is always attempted, so a wrong suffix or
    a missing file is reported rather than silently ignored.

    Inside folders only regular files and folders are read: a named pipe, device or
    socket with a document's name is yielded as a :class:`SkippedFile` (never opened,
    so it cannot block the build), and so is a symbolic link, unless ``follow_symlinks``:
    then a link is followed when its target lies inside the folder given (a link to
    /etc/passwd named "notes.txt" is still skipped). The paths given themselves are
    followed if they are links: they are what the user named.
    """
    limits = Limits(max_bytes, max_text_chars, max_pages, max_uncompressed, max_ratio)
    for item in iter_raw(paths, max_bytes=max_bytes, follow_symlinks=follow_symlinks):
        yield item if isinstance(item, DocumentError) else parse_or_error(item, limits)


def iter_raw(paths: Iterable[Path | str] | Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES,
             follow_symlinks: bool = False) -> Iterator[Raw | DocumentError]:
    """:func:`iter_documents` without the parsing: each document's bytes and hash (:func:`read_raw`), for a
    build to parse in its worker processes (:func:`parse_or_error`)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for given in paths:
        given = Path(given)
        if given.is_dir():
            files: Iterator = _walk(given, set(), given.resolve(), follow_symlinks)
        else:
            files = iter([(given, given, True)])
        for item in files:
            if isinstance(item, DocumentError):
                yield item
                continue
            shown, target, follow = item
            try:
                yield read_raw(target, source=str(shown), follow_symlinks=follow, max_bytes=max_bytes)
            except DocumentError as error:
                yield error
            except Exception as error:  # noqa: BLE001 - a reader bug on one file must not stop the others
                yield _reader_bug(str(shown), error)


def parse_or_error(raw: Raw, limits: Limits = Limits()) -> Text | DocumentError:
    """:func:`parse`, with any error returned rather than raised: a reader bug on one file (any exception
    but MemoryError) is a DocumentError of that file."""
    try:
        return parse(raw, limits)
    except DocumentError as error:
        return error
    except MemoryError:
        raise  # the worker's memory limit: its caller says so
    except Exception as error:  # noqa: BLE001 - a reader bug on one file must not stop the others
        return _reader_bug(raw.source, error)


def _reader_bug(source: str, error: Exception) -> DocumentError:
    return DocumentError(source, f"cannot be read: {type(error).__name__}: {_describe(error)}")


def count_documents(paths: Iterable[Path | str] | Path | str, follow_symlinks: bool = False) -> int:
    """How many items :func:`iter_documents` will yield for ``paths`` (documents and errors), without
    reading any: the total of a build's progress."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    total = 0
    for given in paths:
        given = Path(given)
        total += sum(1 for _ in _walk(given, set(), given, follow_symlinks)) if given.is_dir() else 1
    return total


# --------------------------------------------------------------------------- files


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _walk(folder: Path, seen: set[tuple[int, int]], root: Path, follow_symlinks: bool,
          ) -> Iterator[tuple[Path, Path, bool] | DocumentError]:
    """Document files under ``folder``, depth first, each level sorted by name, as (name shown, path to open,
    whether the last component may be a link).

    ``seen`` holds the (device, inode) of every folder entered, so a link cycle cannot loop forever. Entries
    are classified with lstat: nothing but regular files is ever opened.
    """
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return
        seen.add(key)
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield DocumentError(str(folder), f"cannot read folder: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        path = folder / entry.name
        target = path
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError as error:
            yield DocumentError(str(path), f"cannot read: {error.strerror or error}")
            continue
        if stat.S_ISLNK(mode):
            try:
                target = path.resolve(strict=True)
                mode = target.stat().st_mode
            except (OSError, RuntimeError):
                if Path(entry.name).suffix.lower() in SUPPORTED_SUFFIXES:
                    yield SkippedFile(str(path), "broken symbolic link, not followed")
                continue
            if not stat.S_ISDIR(mode) and Path(entry.name).suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if not follow_symlinks:
                yield SkippedFile(str(path), "symbolic link, not followed (--follow-symlinks follows links "
                                             "that stay inside the folder given)")
                continue
            if target != root and root not in target.parents:
                yield SkippedFile(str(path), f"symbolic link to {target}, outside {root}: not followed")
                continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, seen, root, follow_symlinks)
        elif Path(entry.name).suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        elif not stat.S_ISREG(mode):
            yield SkippedFile(str(path), f"not a regular file ({_file_kind(mode)}), not read")
        else:
            yield path, target, False  # a link's resolved target: its last component is no link (O_NOFOLLOW)


def _read_bytes(path: Path, source: str, max_bytes: int, follow_symlinks: bool = True) -> bytes:
    """All bytes of the regular file ``path``, refusing before reading if it is larger than ``max_bytes``.

    A named pipe, device or socket is refused without being opened (stat first) and, should one be swapped in
    after the check, without blocking on it (O_NONBLOCK, then fstat)."""
    try:
        info = os.stat(path, follow_symlinks=follow_symlinks)
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(source, "is a folder, not a file")
        if stat.S_ISLNK(info.st_mode):
            raise DocumentError(source, "symbolic link, not followed")
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(source, f"not a regular file ({_file_kind(info.st_mode)})")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
        if not follow_symlinks:
            flags |= getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags)
        with open(fd, "rb") as handle:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise DocumentError(source, "is a folder, not a file")
            if not stat.S_ISREG(info.st_mode):
                raise DocumentError(source, f"not a regular file ({_file_kind(info.st_mode)})")
            os.set_blocking(fd, True)
            if info.st_size > max_bytes:
                raise LimitExceeded(source, _too_large(info.st_size, max_bytes), "max_bytes")
            # Read one byte more than allowed: catches files that grow.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentError(source, "file not found") from None
    except IsADirectoryError:
        raise DocumentError(source, "is a folder, not a file") from None
    except PermissionError:
        raise DocumentError(source, "cannot read file: permission denied") from None
    except OSError as error:
        if error.errno == errno.ELOOP and not follow_symlinks:
            raise DocumentError(source, "symbolic link, not followed") from None
        raise DocumentError(source, f"cannot read file: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise LimitExceeded(source, _too_large(len(data), max_bytes), "max_bytes")
    return data


def _too_large(size: int, limit: int, what: str = "file too large: ") -> str:
    """E.g. "file too large: 60 MB, more than 50 MB"."""
    shown, shown_limit = _mb(size), _mb(limit)
    if shown == shown_limit:  # e.g. one byte over: show bytes rather than "50 MB, more than 50 MB"
        return f"{what}{size} bytes, more than {limit} bytes"
    return f"{what}{shown} MB, more than {shown_limit} MB"


def _mb(n: int) -> str:
    value = n / 1_000_000
    return f"{value:.0f}" if value >= 100 else f"{value:.3g}"


# --------------------------------------------------------------------------- text


def _normalise(text: str) -> str:
    """NFC, with every CRLF and lone CR turned into LF.

    NFC makes visually equal texts equal (é typed as one or two code points), so the
    same words match in later stages; newline normalisation makes a file saved on
    Windows and on Unix give the same text. Both are pure functions of the string.
    """
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Bytes of a text format -> (text without BOM, encoding name).

    Order: a byte-order mark is authoritative; then strict UTF-8 (the common case, and
    invalid UTF-8 is practically never other text that happens to validate); then the
    charset an HTML page declares; then charset-normalizer; then windows-1252, the
    de-facto encoding of 8-bit Western office text. Every step is deterministic.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding.replace("-sig", ""))
            except UnicodeDecodeError as error:
                raise DocumentError(source, f"invalid {encoding} text at byte {error.start + len(bom)}") from None
            _check_not_binary(text, source)
            return text, encoding
    if b"\x00" in data:
        # Text files never contain NUL; UTF-16/32 without a BOM is not supported.
        raise DocumentError(source, "binary content, not text")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_declared(data, declared) or _decode_8bit(data)
    _check_not_binary(text, source)
    return text, encoding


def _decode_declared(data: bytes, declared: str | None) -> tuple[str, str] | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return _decode_cp1252(data)  # as browsers do (WHATWG Encoding Standard)
    if name.startswith(("utf-16", "utf-32")):
        return None  # without a BOM such a declaration is wrong: the bytes held no NUL
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        return None


def _decode_8bit(data: bytes) -> tuple[str, str]:
    """Non-UTF-8 bytes: charset-normalizer, but windows-1252 for any Latin-script guess.

    On short Western texts charset-normalizer often guesses a neighbour (cp1250 for
    "café – “quoted”", even EBCDIC for a lone "é"). Its guess is trusted only when it
    reads the bytes mostly as another script (Cyrillic, Greek, CJK, ...); when most of
    its non-ASCII letters are Latin anyway, windows-1252 -- a superset of Latin-1's
    printable characters -- is by far the likelier encoding of an ITU document.
    charset-normalizer gives the same answer for the same bytes (its version is pinned
    to 3.x in pyproject.toml).
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        guess = str(best)
        if _mostly_non_latin(guess):
            return guess, best.encoding
    return _decode_cp1252(data)


def _mostly_non_latin(text: str) -> bool:
    """True if most non-ASCII letters of ``text`` are not Latin (é and ß are, Ж and 日 are not)."""
    latin = other = 0
    for ch, count in Counter(text).items():
        if ord(ch) > 0x7F and ch.isalpha():
            if unicodedata.name(ch, "").startswith("LATIN"):
                latin += count
            else:
                other += count
    return other > latin


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    # windows-1252 leaves five bytes (0x81 0x8D 0x8F 0x90 0x9D) undefined; map them as
    # Latin-1 does, so every byte string decodes and nothing is lost.
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("itukg-latin1-fallback", _latin1_for_undefined)


def _decode_cp1252(data: bytes) -> tuple[str, str]:
    return data.decode("cp1252", errors="itukg-latin1-fallback"), "windows-1252"


def _check_not_binary(text: str, source: str) -> None:
    """Refuse decoded "text" that is really binary data (NUL, or mostly control characters)."""
    if "\x00" in text:
        raise DocumentError(source, "binary content, not text")
    if not text:
        return
    controls = sum(
        count for ch, count in Counter(text).items() if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise DocumentError(source, "binary content, not text")


# --------------------------------------------------------------------------- HTML

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 2 KB, if any."""
    match = _META_CHARSET.search(data[:2048])
    return match.group(1).decode("ascii") if match else None


class _HTMLText(HTMLParser):
    """Collects the visible text of an HTML page, one line per block.

    html.parser never loads anything: no DTDs, no external entities, no network.
    """

    SKIP = frozenset({"script", "style", "title", "template", "noscript", "iframe", "svg"})
    BLOCK = frozenset(
        "address article aside blockquote body br caption center dd details dialog dir div dl dt "
        "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu "
        "nav ol p pre section summary table tbody tfoot thead tr ul".split()
    )
    CELL = frozenset({"td", "th"})
    #: The site's navigation, and its footer and side boxes outside the page's article or main part: the same on every
    #: page of a site ('Privacy notice', 'Contact us'), never what the document says.
    CHROME = frozenset({"nav"})
    PAGE_CHROME = frozenset({"footer", "aside"})
    CONTENT = frozenset({"article", "main"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple[bool, str]] = []  # (inside <pre>, text)
        self.skip_depth = 0
        self.in_head = False
        self.pre_depth = 0
        self.cell_in_row = False
        self.content_depth = 0
        self.chrome: list[str] = []  # the chrome elements open (their text is skipped)

    def _is_chrome(self, tag: str) -> bool:
        return tag in self.CHROME or (tag in self.PAGE_CHROME and not self.content_depth)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.CONTENT:
            self.content_depth += 1
        if self._is_chrome(tag) or (self.chrome and tag in self.CHROME | self.PAGE_CHROME):
            self.chrome.append(tag)
            self.skip_depth += 1
            return
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False  # an unclosed <head> ends where the body starts
        elif self.in_head and (tag in self.BLOCK or tag in self.CELL):
            self.in_head = False  # ... and so does any block: it cannot be part of a head
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.CELL:
            if self.cell_in_row:
                self._add("; ")
            self.cell_in_row = True
        elif tag in self.BLOCK:
            self._add("\n")
            if tag == "tr":
                self.cell_in_row = False
            elif tag == "pre":
                self.pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCK:  # <br/>, <hr/>
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.CONTENT:
            self.content_depth = max(0, self.content_depth - 1)
        if self.chrome and tag == self.chrome[-1]:
            self.chrome.pop()
            self.skip_depth = max(0, self.skip_depth - 1)
            self._add("\n")
            return
        if tag == "head":
            self.in_head = False
        elif tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCK:
            if tag == "pre":
                self.pre_depth = max(0, self.pre_depth - 1)
            self._add("\n")
            if tag == "tr":
                self.cell_in_row = False

    def handle_data(self, data: str) -> None:
        if self.skip_depth or self.in_head:
            return
        data = data.replace("\u00a0", " ")  # &nbsp; is layout, not content
        if self.pre_depth:
            self.parts.append((True, data.replace("\r\n", "\n").replace("\r", "\n")))
        else:
            self._add(re.sub(r"[ \t\n\r\f]+", " ", data))

    def _add(self, text: str) -> None:
        self.parts.append((False, text))

    def text(self) -> str:
        """One line per block and no blank lines, as for .docx paragraphs: blank lines
        would only reflect how the source happens to be laid out. Runs of spaces collapse
        and lines are trimmed, except inside <pre>, which is kept as written."""
        lines: list[str] = []
        chunks = [(pre, "".join(text for _, text in group)) for pre, group in groupby(self.parts, key=lambda p: p[0])]
        for pre, chunk in chunks:
            for line in chunk.split("\n"):
                line = line.rstrip() if pre else re.sub(r" {2,}", " ", line).strip(" ")
                if line.strip():
                    lines.append(line)
        return "\n".join(lines)


def _html_to_text(html: str, source: str) -> str:
    """Visible text of an HTML page: no head, scripts, styles or comments; blocks on their own lines."""
    parser = _HTMLText()
    try:
        parser.feed(html)
        parser.close()
    except MemoryError:
        raise
    except Exception as error:  # html.parser is lenient; this is a last resort
        raise DocumentError(source, f"not readable HTML: {error}") from None
    return parser.text()


# --------------------------------------------------------------------------- DOCX


def _docx_to_text(data: bytes, source: str, limits: Limits) -> str:
    """Paragraphs and table rows of a .docx body, in document order, one per line.

    The archive is checked before python-docx sees it, because python-docx loads every
    part into memory. Declared sizes can be trusted as bounds: zipfile never returns more
    than a member's declared size. python-docx parses XML with lxml using
    ``resolve_entities=False`` (docx.oxml.parser and docx.opc.oxml), and lxml neither
    loads DTDs nor uses the network by default, so external entities (XXE) are never
    resolved; libxml2's amplification limit stops "billion laughs". tests/test_read.py
    checks both with real documents.

    Headers, footers, footnotes, comments and text boxes are not read: they are page
    furniture or asides, not the body whose statements the graph records.

    The body (word/document.xml) is held to ``limits.max_bytes`` uncompressed before
    it is parsed (lxml needs several times its size in memory), and reading stops as
    soon as the lines hold more than ``limits.max_text_chars`` characters.
    """
    _check_docx_archive(data, source, max_uncompressed=limits.max_uncompressed, max_ratio=limits.max_ratio,
                        max_body=limits.max_bytes)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = _capped(_docx_lines(document.element.body), "\n", source, limits.max_text_chars)
    except DocumentError:
        raise
    except MemoryError:
        raise
    except Exception as error:
        raise DocumentError(source, f"not a readable .docx: {_describe(error)}") from None
    return "\n".join(lines)


def _check_docx_archive(data: bytes, source: str, *, max_uncompressed: int, max_ratio: float,
                        max_body: int | None = None) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise DocumentError(source, f"not a readable .docx: {_describe(error)}") from None
    bomb = "archive too large when uncompressed (possible zip bomb)"
    if len(members) > _MAX_MEMBERS:
        raise DocumentError(source, bomb)
    if sum(member.file_size for member in members) > max_uncompressed:
        raise DocumentError(source, bomb)
    for member in members:
        if member.file_size >= _RATIO_MIN_SIZE and member.file_size > max_ratio * max(member.compress_size, 1):
            raise DocumentError(source, bomb)
    body = next((member for member in members if member.filename == "word/document.xml"), None)
    if body is None:
        raise DocumentError(source, "not a readable .docx: no word/document.xml (not a Word document)")
    if max_body is not None and body.file_size > max_body:
        raise LimitExceeded(source, _too_large(body.file_size, max_body, "word/document.xml too large when "
                                                                          "uncompressed: "), "max_bytes")


#: Runs whose text is visible in the final document: tracked deletions and moved-away
#: text are left out, text boxes (read separately by Word, often twice) too. Runs
#: nested in tracked insertions, content controls, smart tags, fields and hyperlinks
#: are kept -- python-docx's Paragraph.text would drop all but the hyperlinks.
_VISIBLE_RUNS = ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)]"
#: Block-level wrappers whose children are body content (content controls, custom XML,
#: tracked insertions of whole paragraphs).
_BLOCK_WRAPPERS = ("w:sdt", "w:sdtContent", "w:customXml", "w:ins", "w:moveTo")


def _docx_lines(container) -> Iterator[str]:
    """Lines of a body (or table cell) element: one per paragraph and per table row."""
    from docx.oxml.ns import qn
    from docx.table import Table

    paragraph, table = qn("w:p"), qn("w:tbl")
    wrappers = {qn(tag) for tag in _BLOCK_WRAPPERS}
    for child in container.iterchildren():
        if child.tag == paragraph:
            yield "".join(run.text for run in child.xpath(_VISIBLE_RUNS))
        elif child.tag == table:
            # python-docx wants the table's story part, which only images and styles need: none for its text
            yield from _table_lines(Table(child, None))  # type: ignore[arg-type]
        elif child.tag in wrappers:
            yield from _docx_lines(child)


def _table_lines(table) -> Iterator[str]:
    """One line per row, cells joined by "; "; merged cells counted once, nested tables inlined."""
    seen = set()  # cell elements already output: spanned and vertically merged cells repeat
    for row in table.rows:
        cells = []
        for cell in row.cells:
            element = cell._tc
            if element in seen:
                continue
            seen.add(element)
            cells.append(" ".join(line for line in _docx_lines(element) if line).replace("\n", " "))
        yield "; ".join(cells)


# --------------------------------------------------------------------------- PDF


def _pdf_to_text(data: bytes, source: str, limits: Limits = Limits()) -> str:
    """The text layer of a PDF, pages joined by a blank line.

    A PDF encrypted with an empty user password (common: "owner" permissions only) opens
    like any other; one that needs a password is refused. No text at all means a scan
    or image-only file, which would need OCR. pypdf bounds what it decompresses (75 MB
    per stream by default), which limits "PDF bombs". The page count is checked against
    ``limits.max_pages`` before any text is extracted, and extraction stops as soon as
    the pages hold more than ``limits.max_text_chars`` characters (a small file whose
    pages all share one large content stream gives that stream's text once a page).
    """
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            opened: int  # a PasswordType (an IntEnum): 0 when the empty password does not open it
            try:
                opened = reader.decrypt("")
            except Exception:  # e.g. AES without the optional 'cryptography' package
                opened = 0
            if not opened:
                raise DocumentError(source, "encrypted PDF")
        if len(reader.pages) > limits.max_pages:
            raise LimitExceeded(source, f"more than {limits.max_pages} pages", "max_pages")
        pages = _capped((page.extract_text() or "" for page in reader.pages), "\n\n", source, limits.max_text_chars)
    except DocumentError:
        raise
    except MemoryError:
        raise
    except Exception as error:
        raise DocumentError(source, f"not a readable PDF: {_describe(error)}") from None
    if not any(page.strip() for page in pages):
        raise DocumentError(source, "PDF has no text layer (scanned?)")
    return "\n\n".join(pages)


def _describe(error: BaseException) -> str:
    message = str(error).strip().strip('"')
    return message.splitlines()[0] if message else type(error).__name__
