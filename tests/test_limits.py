"""Bounded ingestion (issue 16): a document over a limit of config.py [build] is rejected, alone, and says which.

The limits: max_bytes (the file, and a .docx's uncompressed body), max_text_chars, max_pages (counted before any
text is extracted), document_seconds and document_memory_mb (enforced in the worker processes that read, extract
and validate each document: SIGALRM then SIGKILL, RLIMIT_AS). Every file here is real, made in tmp_path; the
limits are set small so each test stays fast.
"""
from __future__ import annotations

import io
import random
import signal
import time
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from itukg import cli
from itukg.config import BuildSettings, load
from itukg.graph import build as build_module
from itukg.graph.build import build, check
from itukg.graph.dataset import require_current
from itukg.graph.errors import ConfigError, LimitExceeded
from itukg.graph.isolate import Workers
from itukg.graph.read import read_document

TEMPLATE = ("The CTO meeting took place on {day} May 2020 in Geneva, Switzerland. "
            "Participating companies included Nokia and Ericsson. Note {n}.\n")


def _good_docs(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"good-{i:02d}.txt").write_text(TEMPLATE.format(day=i % 28 + 1, n=i), encoding="utf-8")


def _settings(**limits) -> BuildSettings:
    return BuildSettings(cache_dir=None, **limits)


def _only_rejection(result, name: str) -> str:
    """The one rejected document's reason, checked to be `name`'s; the others went in."""
    assert not result.unreadable, [str(e) for e in result.unreadable]
    [rejected] = result.rejected
    assert Path(rejected.source).name == name, rejected.source
    return rejected.error


def _rejected_lines(err: str, name: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("itukg: rejected ") and f"/{name}:" in line]


# --- files that make them ----------------------------------------------------------------------------------

def _shared_stream_pdf(pages: int, lines: int = 1000) -> bytes:
    """A small PDF whose `pages` pages all draw one content stream of `lines` lines of text."""
    writer = PdfWriter()
    line = "The CTO meeting took place on 3 May 2020 in Geneva, Switzerland."
    content = StreamObject()
    content.set_data("".join(f"BT /F1 10 Tf 20 {700 - (i % 60) * 10} Td ({line}) Tj ET\n"
                             for i in range(lines)).encode("latin-1"))
    shared = writer._add_object(content)
    font = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                                NameObject("/Subtype"): NameObject("/Type1"),
                                                NameObject("/BaseFont"): NameObject("/Helvetica")}))
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Contents")] = shared
        page[NameObject("/Resources")] = resources
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


WORDS = ("meeting", "Geneva", "standardization", "study", "group", "security", "Nokia", "network", "chairman",
         "quantum", "assembly", "Budapest", "report", "question", "work", "item", "liaison", "vision")


def _huge_body_docx(body_bytes: int) -> bytes:
    """A real .docx (python-docx's own parts) whose word/document.xml is about `body_bytes` long: paragraphs of
    random words, so it compresses only a few times (no zip-bomb ratio). Written in pieces, so this process
    never holds the body (freed memory it kept would make room for a worker's allocations)."""
    rnd = random.Random(16)
    pool = ["<w:p><w:r><w:t>" + " ".join(rnd.choice(WORDS) + str(rnd.randrange(1000)) for _ in range(40))
            + "</w:t></w:r></w:p>" for _ in range(500)]
    base = io.BytesIO()
    docx.Document().save(base)
    out = io.BytesIO()
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for member in src.infolist():
            if member.filename != "word/document.xml":
                dst.writestr(member.filename, src.read(member))
                continue
            with dst.open("word/document.xml", "w", force_zip64=True) as body:
                body.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://'
                           b'schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
                written = 0
                while written < body_bytes:
                    piece = "".join(rnd.choice(pool) for _ in range(100)).encode("utf-8")
                    body.write(piece)
                    written += len(piece)
                body.write(b"</w:body></w:document>")
    return out.getvalue()


# --- max_text_chars ----------------------------------------------------------------------------------------

def test_repeated_text_past_max_text_chars_is_rejected_and_the_others_go_in(tmp_path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 3)
    (docs / "repeated.txt").write_text(TEMPLATE.format(day=5, n="again") * 400, encoding="utf-8")  # ~50,000 chars
    result = build([docs], data, jobs=1, settings=_settings(max_text_chars=20_000))
    assert _only_rejection(result, "repeated.txt") == "more than 20,000 characters of text (max_text_chars)"
    assert len(result.accepted) == 3
    gen = require_current(data)
    assert sorted(e.name for e in gen.documents.values()) == ["good-00.txt", "good-01.txt", "good-02.txt"]
    assert gen.manifest["rejected"] == [{"source": str(docs / "repeated.txt"),
                                         "problems": ["more than 20,000 characters of text (max_text_chars)"]}]


def test_the_cli_says_which_limit_in_one_line_and_exits_1(tmp_path, monkeypatch, capsys):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 2)
    (docs / "repeated.txt").write_text(TEMPLATE.format(day=5, n="again") * 400, encoding="utf-8")
    monkeypatch.setenv("ITUKG_MAX_TEXT_CHARS", "20000")
    monkeypatch.setenv("ITUKG_CACHE_DIR", "")
    assert cli.main(["build", str(docs), "--data-dir", str(data), "-q"]) == 1
    out, err = capsys.readouterr()
    assert _rejected_lines(err, "repeated.txt") == [
        f"itukg: rejected {docs / 'repeated.txt'}: more than 20,000 characters of text (max_text_chars)"], err
    assert "2 documents accepted" in out and "1 rejected" in out and "Traceback" not in err

    assert cli.main(["validate", str(docs)]) == 2  # validate reads within the same limits
    out, err = capsys.readouterr()
    assert "good-00.txt: conforms" in out
    assert _rejected_lines(err, "repeated.txt"), err


def test_a_pdf_stops_being_read_once_its_text_is_over_max_text_chars(tmp_path, monkeypatch):
    import pypdf

    calls = []
    real = pypdf.PageObject.extract_text

    def counted(self, *args, **kwargs):
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pypdf.PageObject, "extract_text", counted)
    path = tmp_path / "shared.pdf"
    path.write_bytes(_shared_stream_pdf(200))  # ~66,000 characters a page, 200 times
    with pytest.raises(LimitExceeded, match=r"more than 100,000 characters of text \(max_text_chars\)"):
        read_document(path, max_text_chars=100_000)
    assert len(calls) == 2


# --- max_pages ---------------------------------------------------------------------------------------------

def test_a_pdf_of_many_pages_sharing_one_content_stream_is_rejected_by_max_pages(tmp_path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 3)
    pdf = _shared_stream_pdf(200)
    assert len(pdf) < 200_000  # small on disk: every page draws the same stream
    (docs / "big.pdf").write_bytes(pdf)
    result = build([docs], data, jobs=2, settings=_settings(max_pages=50))
    assert _only_rejection(result, "big.pdf") == "more than 50 pages (max_pages)"
    assert len(result.accepted) == 3


def test_max_pages_is_checked_before_any_text_is_extracted(tmp_path, monkeypatch):
    import pypdf

    def no_text(self, *args, **kwargs):
        raise AssertionError("text extracted before the page count was checked")

    monkeypatch.setattr(pypdf.PageObject, "extract_text", no_text)
    path = tmp_path / "big.pdf"
    path.write_bytes(_shared_stream_pdf(200))
    with pytest.raises(LimitExceeded) as caught:
        read_document(path, max_pages=50)
    assert caught.value.reason == "more than 50 pages (max_pages)" and caught.value.setting == "max_pages"


def test_the_cli_rejects_a_pdf_over_max_pages(tmp_path, monkeypatch, capsys):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 1)
    (docs / "big.pdf").write_bytes(_shared_stream_pdf(200))
    monkeypatch.setenv("ITUKG_MAX_PAGES", "50")
    monkeypatch.setenv("ITUKG_CACHE_DIR", "")
    assert cli.main(["build", str(docs), "--data-dir", str(data), "-q"]) == 1
    err = capsys.readouterr().err
    assert _rejected_lines(err, "big.pdf") == [f"itukg: rejected {docs / 'big.pdf'}: more than 50 pages (max_pages)"]


# --- max_bytes ---------------------------------------------------------------------------------------------

def test_a_docx_whose_body_is_huge_is_rejected_by_max_bytes_before_it_is_parsed(tmp_path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 3)
    big = _huge_body_docx(3_000_000)
    assert len(big) < 2_000_000  # the file itself is under the limit: its body is not
    (docs / "huge.docx").write_bytes(big)
    result = build([docs], data, jobs=1, settings=_settings(max_bytes=2_000_000))
    reason = _only_rejection(result, "huge.docx")
    assert reason.startswith("word/document.xml too large when uncompressed: 3") and \
        reason.endswith("MB, more than 2 MB (max_bytes)"), reason
    assert len(result.accepted) == 3


def test_a_file_over_max_bytes_is_rejected_unread(tmp_path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 2)
    with open(docs / "sparse.txt", "wb") as handle:  # 3 MB that were never written: it must not be read
        handle.truncate(3_000_000)
    result = build([docs], data, jobs=1, settings=_settings(max_bytes=1_000_000))
    assert _only_rejection(result, "sparse.txt") == "file too large: 3 MB, more than 1 MB (max_bytes)"


# --- document_memory_mb ------------------------------------------------------------------------------------

def test_a_docx_whose_body_needs_more_memory_than_allowed_is_rejected_by_memory(tmp_path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 3)
    (docs / "huge.docx").write_bytes(_huge_body_docx(30_000_000))  # a 6.5 MB file; lxml needs far more than 64 MiB
    settings = _settings(max_bytes=100_000_000, max_text_chars=100_000_000, document_memory_mb=64)
    result = build([docs], data, jobs=1, settings=settings)
    assert _only_rejection(result, "huge.docx") == "needed more than 64 MiB of memory (document_memory_mb)"
    assert len(result.accepted) == 3


def _hog(real, swallow: bool):
    def extract(doc, ref):
        if "HOG" in doc.text:
            if not swallow:
                return bytearray(400 * 2**20)
            chunks = []
            try:
                while len(chunks) < 400:
                    chunks.append(bytearray(2**20))
            except Exception:  # an extractor that hides the MemoryError behind an error of its own
                raise ValueError("could not parse") from None
        return real(doc, ref)
    return extract


@pytest.mark.parametrize("swallow", [False, True], ids=["MemoryError", "hidden"])
def test_an_extractor_allocating_past_document_memory_mb_rejects_that_document_only(tmp_path, monkeypatch, swallow):
    docs, data = tmp_path / "docs", tmp_path / "data"
    docs.mkdir()
    (docs / "a-hog.txt").write_text(TEMPLATE.format(day=9, n="HOG"), encoding="utf-8")  # first: its worker dies
    _good_docs(docs, 3)
    monkeypatch.setattr(build_module, "extract", _hog(build_module.extract, swallow))
    result = build([docs], data, jobs=1, settings=_settings(document_memory_mb=100))
    assert _only_rejection(result, "a-hog.txt") == "needed more than 100 MiB of memory (document_memory_mb)"
    assert len(result.accepted) == 3


# --- document_seconds --------------------------------------------------------------------------------------

def _hang(real, deaf: bool):
    def extract(doc, ref):
        if "HANG" in doc.text:
            if deaf:  # as if stuck in C code: the alarm is never seen, only SIGKILL ends it
                signal.signal(signal.SIGALRM, signal.SIG_IGN)
            time.sleep(60)
        return real(doc, ref)
    return extract


@pytest.mark.parametrize("deaf", [False, True], ids=["alarm", "killed"])
def test_a_document_that_hangs_is_rejected_by_time_and_the_others_go_in(tmp_path, monkeypatch, deaf):
    docs, data = tmp_path / "docs", tmp_path / "data"
    docs.mkdir()
    (docs / "a-hang.txt").write_text(TEMPLATE.format(day=9, n="HANG"), encoding="utf-8")
    _good_docs(docs, 3)
    monkeypatch.setattr(build_module, "extract", _hang(build_module.extract, deaf))
    started = time.monotonic()
    result = build([docs], data, jobs=1, settings=_settings(document_seconds=2))  # one worker: it is replaced
    assert time.monotonic() - started < 40
    assert _only_rejection(result, "a-hang.txt") == "took more than 2 s (document_seconds)"
    assert len(result.accepted) == 3
    assert len(require_current(data).documents) == 3


def test_the_cli_rejects_a_hanging_document_with_document_seconds(tmp_path, monkeypatch, capsys):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 2)
    (docs / "hang.txt").write_text(TEMPLATE.format(day=9, n="HANG"), encoding="utf-8")
    monkeypatch.setattr(build_module, "extract", _hang(build_module.extract, False))
    monkeypatch.setenv("ITUKG_CACHE_DIR", "")
    assert cli.main(["build", str(docs), "--data-dir", str(data), "-q", "--document-seconds", "2"]) == 1
    out, err = capsys.readouterr()
    assert _rejected_lines(err, "hang.txt") == [
        f"itukg: rejected {docs / 'hang.txt'}: took more than 2 s (document_seconds)"], err
    assert "2 documents accepted" in out

    outcomes = check([docs], settings=_settings(document_seconds=2))
    assert [o.conforms for o in outcomes] == [True, True, False]
    assert outcomes[2].error.reason == "took more than 2 s (document_seconds)"


# --- settings and workers ----------------------------------------------------------------------------------

def test_the_limits_are_build_settings_with_their_defaults():
    loaded = load(None, {}).build
    assert (loaded.max_bytes, loaded.max_text_chars, loaded.max_pages, loaded.document_seconds,
            loaded.document_memory_mb) == (50_000_000, 2_000_000, 2000, 60.0, 1024)
    env = {"ITUKG_MAX_PAGES": "10", "ITUKG_DOCUMENT_SECONDS": "0", "ITUKG_DOCUMENT_MEMORY_MB": "0"}
    assert load(None, env).build.max_pages == 10
    with pytest.raises(ConfigError, match="setting max_text_chars from ITUKG_MAX_TEXT_CHARS: must be positive"):
        load(None, {"ITUKG_MAX_TEXT_CHARS": "0"})
    with pytest.raises(ConfigError, match="document_seconds from --document-seconds: cannot be negative"):
        cli._load_config(cli._parser().parse_args(["build", "--document-seconds", "-1"]))
    with pytest.raises(ConfigError, match="max_pages must be positive"):
        build([], settings=_settings(max_pages=0))


def _job(item):
    if item == "die":
        import os

        os._exit(3)
    if item == "raise":
        raise KeyError("a bug of the caller")
    return item * 2


def test_workers_answer_in_order_and_replace_a_worker_that_died():
    with Workers(_job, jobs=2, timeout=5, memory_mb=200) as workers:
        answers = list(workers.map([1, "die", 2, "raise", 3] + list(range(4, 40))))
        assert [kind for _, kind, _ in answers[:5]] == ["ok", "died", "ok", "error", "ok"]
        assert answers[1][2] == "exit status 3" and isinstance(answers[3][2], KeyError)
        assert [value for item, kind, value in answers if kind == "ok"] == [2, 4, 6] + [2 * i for i in range(4, 40)]
        assert workers.forks <= 4  # the two that ended were replaced; the others served item after item
