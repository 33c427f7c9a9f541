"""Reading documents: real files of every supported format, built in tmp_path (no mocks)."""
from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from pypdf import PdfReader, PdfWriter

from itukg.graph.errors import DocumentError, SkippedFile
from itukg.graph.read import (
    DOCX_MEDIA_TYPE,
    SUPPORTED_SUFFIXES,
    Text,
    iter_documents,
    read_document,
)

SAMPLE = "ITU-T “Study Group 17” – security\nRapporteur: José Müller, Genève\r\nsecond line\rthird line\n"
EXPECTED = "ITU-T “Study Group 17” – security\nRapporteur: José Müller, Genève\nsecond line\nthird line\n"


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def reason_of(path: Path, **limits) -> str:
    with pytest.raises(DocumentError) as caught:
        read_document(path, **limits)
    error = caught.value
    assert error.source == str(path)
    assert path.name in str(error)  # the message names the file
    return error.reason


def make_pdf(pages: list[str]) -> bytes:
    """A minimal hand-written PDF with one Helvetica text stream per page (correct xref offsets)."""
    count = len(pages)
    font = 3 + 2 * count
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(count))}] /Count {count} >>",
    ]
    for i, text in enumerate(pages):
        content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {4 + 2 * i} 0 R >>"
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("SG17 meeting report", level=1)
    document.add_paragraph("The meeting was held in Genève.")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Question", "Rapporteur", "Status"), ("Q4/17", "A. Smith", "active"), ("Q6/17", "", "closed")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "spanning"
    merged.cell(0, 2).text = "last"
    document.add_paragraph("Next meeting: 2019.")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def rewrite_zip_member(path: Path, member: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, content in items:
            target.writestr(info.filename, data if info.filename == member else content)


# --------------------------------------------------------------------------- plain text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_each_encoding_decodes_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    data = SAMPLE.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # with an explicit BOM
        data = "\ufeff".encode(encoding) + data
    path = write(tmp_path / f"doc-{encoding}.txt", data)
    result = read_document(path)
    assert isinstance(result, Text)
    assert result.text == EXPECTED
    assert "\ufeff" not in result.text and "\r" not in result.text
    assert result.media_type == "text/plain"
    assert result.name == path.name
    assert result.source == str(path)
    assert result.encoding is not None


def test_detected_encodings_are_reported(tmp_path: Path) -> None:
    assert read_document(write(tmp_path / "a.txt", SAMPLE.encode("utf-8"))).encoding == "utf-8"
    assert read_document(write(tmp_path / "b.txt", SAMPLE.encode("utf-8-sig"))).encoding == "utf-8-sig"
    assert read_document(write(tmp_path / "c.txt", SAMPLE.encode("utf-16"))).encoding.startswith("utf-16")
    assert read_document(write(tmp_path / "d.txt", SAMPLE.encode("cp1252"))).encoding == "windows-1252"


@pytest.mark.parametrize(
    "text",
    [
        "é",
        "Résumé of the meeting in Genève – décisions",
        "Zürich Straße naïve façade déjà vu",
        "¿Dónde está la reunión? Señor Muñoz",
    ],
)
def test_short_latin1_and_cp1252_text_is_read_as_windows_1252(tmp_path: Path, text: str) -> None:
    # charset-normalizer alone guesses cp1250 or EBCDIC for such short texts.
    for encoding in ("latin-1", "cp1252"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        path = write(tmp_path / f"{encoding}.txt", data)
        assert read_document(path).text == text


def test_non_latin_8bit_text_uses_the_detector(tmp_path: Path) -> None:
    text = "Исследовательская комиссия МСЭ-Т по вопросам безопасности провела собрание в Женеве.\n"
    result = read_document(write(tmp_path / "ru.txt", text.encode("cp1251")))
    assert result.text == text


def test_undefined_cp1252_bytes_still_decode(tmp_path: Path) -> None:
    # 0x81 is undefined in windows-1252: it is kept as U+0081 (as Latin-1 does), not lost.
    result = read_document(write(tmp_path / "odd.txt", b"caf\xe9 \x81 \x93quoted\x94 na\xefve"))
    assert result.text == "café \x81 “quoted” naïve"
    assert result.encoding == "windows-1252"


def test_sha256_is_of_the_bytes_and_stable(tmp_path: Path) -> None:
    data = SAMPLE.encode("utf-8")
    path = write(tmp_path / "doc.txt", data)
    first, second = read_document(path), read_document(path)
    assert first.sha256 == hashlib.sha256(data).hexdigest()
    assert first == second


def test_same_content_in_other_encodings_same_text_different_sha(tmp_path: Path) -> None:
    results = [
        read_document(write(tmp_path / f"{encoding}.txt", SAMPLE.encode(encoding)))
        for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1252")
    ]
    assert len({result.text for result in results}) == 1
    assert len({result.sha256 for result in results}) == 4


def test_text_is_nfc_normalised(tmp_path: Path) -> None:
    decomposed = "Gene\u0300ve"
    result = read_document(write(tmp_path / "nfd.txt", decomposed.encode("utf-8")))
    assert result.text == "Genève" == unicodedata.normalize("NFC", decomposed)


def test_markdown_is_kept_verbatim(tmp_path: Path) -> None:
    source = "# SG17\n\n* **Q4/17**: [security](http://example.org) _note_\n"
    result = read_document(write(tmp_path / "notes.md", source.encode()))
    assert result.text == source
    assert result.media_type == "text/markdown"
    assert read_document(write(tmp_path / "notes.markdown", source.encode())).text == source


def test_upper_case_suffix_is_supported(tmp_path: Path) -> None:
    assert read_document(write(tmp_path / "LOUD.TXT", b"hello")).text == "hello"


# --------------------------------------------------------------------------- HTML


def test_html_text_without_scripts_styles_head_and_comments(tmp_path: Path) -> None:
    html = """<!DOCTYPE html>
<html><head><title>Page title</title><meta charset="utf-8">
<style>body { color: red }</style><script>var secret = "from head";</script></head>
<body>
  <h1>SG17   report</h1>
  <!-- a hidden comment -->
  <p>AT&amp;T and ITU&#8209;T &lt;tags&gt; &eacute;t&eacute; &#x2013; done</p>
  <script type="text/javascript">document.write("injected");</script>
  <div>first<br>second<br/>third</div>
  <ul><li>one</li><li>two</li></ul>
  <table><tr><th>Question</th><th>Status</th></tr><tr><td>Q4/17</td><td>active</td></tr></table>
  <p>non&nbsp;breaking</p>
</body></html>"""
    result = read_document(write(tmp_path / "page.html", html.encode("utf-8")))
    assert result.media_type == "text/html"
    assert result.text == (
        "SG17 report\n"
        "AT&T and ITU\u2011T <tags> été – done\n"
        "first\nsecond\nthird\n"
        "one\ntwo\n"
        "Question; Status\nQ4/17; active\n"
        "non breaking"
    )
    for hidden in ("secret", "injected", "color", "Page title", "hidden comment"):
        assert hidden not in result.text


def test_html_site_navigation_and_page_footer_are_not_read(tmp_path: Path) -> None:
    html = ("<html><body><nav><ul><li>Home</li><li>Contact us</li></ul></nav><main><article><h1>CTOs meet</h1>"
            "<p>The CTO meeting took place in Geneva.</p><footer>By Jane Example</footer></article>"
            "<aside>Related: other news</aside></main><aside>Most read</aside>"
            "<footer><p>Privacy notice. Terms of use.</p><nav>Sitemap</nav></footer><p>Last line</p></body></html>")
    text = read_document(write(tmp_path / "news.html", html.encode("utf-8"))).text
    assert text.splitlines() == ["CTOs meet", "The CTO meeting took place in Geneva.", "By Jane Example",
                                 "Related: other news", "Last line"]


def test_html_declared_charset_and_htm_suffix(tmp_path: Path) -> None:
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
    html += "<body><p>“Genève” – été</p></body></html>"
    result = read_document(write(tmp_path / "old.htm", html.encode("cp1252")))
    assert result.text == "“Genève” – été"
    assert result.encoding == "windows-1252"


def test_html_unclosed_head_ends_at_the_first_block(tmp_path: Path) -> None:
    html = "<html><head><title>T</title><style>p {}</style><p>body text</p><pre>  keep\n   spacing</pre>"
    assert read_document(write(tmp_path / "loose.html", html.encode())).text == "body text\n  keep\n   spacing"


def test_html_never_fetches_external_resources(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", b"TOP-SECRET")
    html = f"""<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>
<html><body><p>before &xxe; after</p><img src="http://127.0.0.1:9/x.png"><iframe src="file://{secret}"></iframe></body></html>"""
    result = read_document(write(tmp_path / "xxe.html", html.encode()))
    assert "TOP-SECRET" not in result.text
    assert "before" in result.text and "after" in result.text


# --------------------------------------------------------------------------- DOCX


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    result = read_document(make_docx(tmp_path / "report.docx"))
    assert result.media_type == DOCX_MEDIA_TYPE
    assert result.encoding is None
    assert result.text == (
        "SG17 meeting report\n"
        "The meeting was held in Genève.\n"
        "Question; Rapporteur; Status\n"
        "Q4/17; A. Smith; active\n"
        "Q6/17; ; closed\n"
        "spanning; last\n"
        "Next meeting: 2019."
    )
    assert result.sha256 == hashlib.sha256((tmp_path / "report.docx").read_bytes()).hexdigest()


def test_docx_tracked_changes_and_content_controls(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "revised.docx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    revised = (
        '<w:p><w:r><w:t xml:space="preserve">kept </w:t></w:r>'
        '<w:ins w:id="1" w:author="ed" w:date="2019-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="ed" w:date="2019-01-01T00:00:00Z"><w:r><w:delText>deleted </w:delText></w:r></w:del>'
        '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t xml:space="preserve">inline control </w:t></w:r></w:sdtContent></w:sdt>'
        "<w:r><w:t>end</w:t></w:r></w:p>"
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>block control</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    xml, count = re.subn(r"<w:p>(?:(?!</w:p>).)*?The meeting was held in Genève\.</w:t></w:r></w:p>", revised, xml)
    assert count == 1
    rewrite_zip_member(path, "word/document.xml", xml.encode("utf-8"))
    lines = read_document(path).text.split("\n")
    assert lines[1:3] == ["kept inserted inline control end", "block control"]


def test_docx_external_entities_are_not_resolved(tmp_path: Path) -> None:
    # python-docx parses with lxml resolve_entities=False: an XXE must not leak the file.
    secret = write(tmp_path / "secret.txt", b"TOP-SECRET")
    path = make_docx(tmp_path / "xxe.docx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    head, body = xml.split("?>", 1)
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    body = body.replace("The meeting was held in Genève.", "leak: &xxe; end", 1)
    rewrite_zip_member(path, "word/document.xml", (head + "?>" + doctype + body).encode("utf-8"))
    try:
        text = read_document(path).text
    except DocumentError as error:  # refusing the document is fine too
        text = str(error)
    assert "TOP-SECRET" not in text


def test_docx_entity_expansion_bomb_is_contained(tmp_path: Path) -> None:
    # "Billion laughs": libxml2's amplification limit stops it; either way no 10^9 "lol"s.
    path = make_docx(tmp_path / "lol.docx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    head, body = xml.split("?>", 1)
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    body = body.replace("The meeting was held in Genève.", "x &lol9; y", 1)
    rewrite_zip_member(path, "word/document.xml", f"{head}?><!DOCTYPE w:document [{entities}]>{body}".encode())
    try:
        text = read_document(path).text
    except DocumentError as error:
        text = error.reason
        assert text.startswith("not a readable .docx")
    assert len(text) < 10_000


def test_truncated_docx(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "full.docx").read_bytes()
    path = write(tmp_path / "truncated.docx", data[: len(data) // 2])
    assert reason_of(path).startswith("not a readable .docx")


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    assert reason_of(write(tmp_path / "fake.docx", b"just some text")).startswith("not a readable .docx")


def test_zip_without_word_document(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert "word/document.xml" in reason_of(path)


def test_zip_with_word_document_but_broken_package(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
    assert reason_of(path).startswith("not a readable .docx")


def test_zip_bomb_disguised_as_docx_is_refused(tmp_path: Path) -> None:
    """300 MB of zeros compresses to ~300 KB: refused from the headers, never inflated."""
    path = tmp_path / "bomb.docx"
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(chunk)
    assert path.stat().st_size < 5_000_000
    assert reason_of(path) == "archive too large when uncompressed (possible zip bomb)"


def test_high_ratio_member_is_refused(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "ratio.docx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", bytes(5_000_000))  # ratio ~1000
    assert "possible zip bomb" in reason_of(path)
    # A lower total limit refuses an ordinary document too.
    assert "possible zip bomb" in reason_of(make_docx(tmp_path / "small.docx"), max_uncompressed=1000)
    # A generous ratio lets the same file through (its total is still under 200 MB).
    assert "Genève" in read_document(path, max_ratio=10_000).text


# --------------------------------------------------------------------------- PDF


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = write(tmp_path / "doc.pdf", make_pdf(["Hello ITU-T world", "Second page SG17"]))
    result = read_document(path)
    assert result.text == "Hello ITU-T world\n\nSecond page SG17"
    assert result.media_type == "application/pdf"
    assert result.encoding is None
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_pdf_encrypted_with_password_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["confidential"]))))
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert reason_of(write(tmp_path / "locked.pdf", buffer.getvalue())) == "encrypted PDF"


def test_pdf_encrypted_with_empty_user_password_opens(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["permissions only"]))))
    writer.encrypt(user_password="", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert read_document(write(tmp_path / "open.pdf", buffer.getvalue())).text == "permissions only"


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert reason_of(write(tmp_path / "scan.pdf", buffer.getvalue())) == "PDF has no text layer (scanned?)"


@pytest.mark.parametrize("data", [b"%PDF-1.4\ngarbage\n", make_pdf(["Hello"])[:150], b"not a pdf at all"])
def test_broken_pdf(tmp_path: Path, data: bytes) -> None:
    assert reason_of(write(tmp_path / "broken.pdf", data)).startswith("not a readable PDF: ")


# --------------------------------------------------------------------------- errors


def test_missing_file(tmp_path: Path) -> None:
    assert reason_of(tmp_path / "missing.txt") == "file not found"


def test_folder_given_to_read_document(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    assert reason_of(tmp_path / "folder.txt") == "is a folder, not a file"


def test_empty_file(tmp_path: Path) -> None:
    assert reason_of(write(tmp_path / "empty.txt", b"")) == "empty file"


@pytest.mark.parametrize("data", [b"   \n\t\r\n  ", "\ufeff \n".encode("utf-8"), " \r\n".encode("utf-16")])
def test_whitespace_only(tmp_path: Path, data: bytes) -> None:
    assert reason_of(write(tmp_path / "blank.txt", data)) == "no text"


def test_whitespace_only_html(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.html", b"<html><head><title>t</title></head><body> <p> </p></body></html>")
    assert reason_of(path) == "no text"


def test_empty_docx(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    assert reason_of(path) == "no text"


@pytest.mark.parametrize(
    "data",
    [
        b"text\x00with a NUL",
        bytes(range(1, 32)) * 10 + b"some text",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ],
)
def test_binary_content_in_txt(tmp_path: Path, data: bytes) -> None:
    assert reason_of(write(tmp_path / "binary.txt", data)) == "binary content, not text"


def test_binary_content_behind_utf16_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "nul16.txt", "\ufeffab\x00cd".encode("utf-16-le"))
    assert reason_of(path) == "binary content, not text"


def test_file_too_large(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"x" * 3000)
    assert reason_of(path, max_bytes=1000) == "file too large: 0.003 MB, more than 0.001 MB (max_bytes)"
    assert reason_of(path, max_bytes=2999) == "file too large: 3000 bytes, more than 2999 bytes (max_bytes)"
    assert read_document(path, max_bytes=3000).text == "x" * 3000


def test_default_size_limit_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: no 60 MB actually written
        handle.truncate(60_000_000)
    assert reason_of(path) == "file too large: 60 MB, more than 50 MB (max_bytes)"


def test_unsupported_suffix(tmp_path: Path) -> None:
    reason = reason_of(write(tmp_path / "sheet.xyz", b"a,b"))
    assert reason.startswith("unsupported file type .xyz (supported: ")
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in reason
    assert reason_of(write(tmp_path / "README", b"x")).startswith("unsupported file type (no extension)")


# --------------------------------------------------------------------------- iter_documents


def test_iter_documents_recursive_sorted_skipping_hidden(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", b"bee")
    write(root / "a.md", b"# ay")
    write(root / "sub" / "c.html", b"<p>see</p>")
    write(root / "sub" / "deeper" / "d.txt", b"")  # bad: empty
    write(root / "sub" / "e.pdf", b"%PDF-1.4 broken")  # bad: broken
    make_docx(root / "sub" / "f.docx")
    write(root / "sub" / "notes.csv", b"not,a,document")  # skipped: suffix
    write(root / ".hidden.txt", b"hidden")  # skipped: hidden file
    write(root / ".git" / "x.txt", b"hidden folder")  # skipped: hidden folder
    write(root / "sub" / "~$f.docx", b"lock file")  # skipped: Office lock file

    results = list(iter_documents([root]))
    names = [r.name if isinstance(r, Text) else Path(r.source).name for r in results]
    assert names == ["a.md", "b.txt", "c.html", "d.txt", "e.pdf", "f.docx"]  # sub/deeper/ sorts as "deeper"
    kinds = [isinstance(r, Text) for r in results]
    assert kinds == [True, True, True, False, False, True]
    errors = [r for r in results if isinstance(r, DocumentError)]
    assert [e.reason for e in errors][0] == "empty file"
    assert errors[1].reason.startswith("not a readable PDF")
    assert errors[0].source == str(root / "sub" / "deeper" / "d.txt")
    assert results[0].source == str(root / "a.md")


def test_iter_documents_explicit_files_and_missing_paths(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", b"good")
    odd = write(tmp_path / "odd.xyz", b"odd")
    results = list(iter_documents([good, tmp_path / "missing.txt", odd]))
    assert isinstance(results[0], Text) and results[0].text == "good"
    assert isinstance(results[1], DocumentError) and results[1].reason == "file not found"
    assert isinstance(results[2], DocumentError) and results[2].reason.startswith("unsupported file type .xyz")
    # a single path (not a list) is accepted too
    assert [r.text for r in iter_documents(good)] == ["good"]


def test_iter_documents_passes_limits(tmp_path: Path) -> None:
    write(tmp_path / "big.txt", b"x" * 3000)
    (result,) = iter_documents([tmp_path], max_bytes=1000)
    assert isinstance(result, DocumentError) and result.reason.startswith("file too large")


def test_iter_documents_survives_symlink_cycles(tmp_path: Path) -> None:
    write(tmp_path / "root" / "a.txt", b"a")
    (tmp_path / "root" / "loop").symlink_to(tmp_path / "root", target_is_directory=True)
    results = list(iter_documents([tmp_path / "root"], follow_symlinks=True))
    assert [r.text for r in results] == ["a"]
    # not followed by default: the link is reported as skipped
    results = list(iter_documents([tmp_path / "root"]))
    assert [r.text for r in results if isinstance(r, Text)] == ["a"]
    assert [Path(r.source).name for r in results if isinstance(r, SkippedFile)] == ["loop"]


# --------------------------------------------------------------------------- property


def _expected(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")


printable = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cc", "Cs")),
        st.sampled_from("\n\r\t "),
    ),
    max_size=200,
).filter(lambda s: s.strip() and not s.startswith("\ufeff"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=printable)
def test_property_unicode_roundtrips_through_utf_encodings(tmp_path: Path, text: str) -> None:
    results = []
    for encoding in ("utf-8", "utf-8-sig", "utf-16"):
        path = write(tmp_path / f"prop-{encoding}.txt", text.encode(encoding))
        results.append(read_document(path).text)
    assert results[0] == results[1] == results[2] == _expected(text)
