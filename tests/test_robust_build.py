"""One odd document never costs the others: terms that are not IRIs, bugs, pipes, devices and links.

Each test here reproduces a way a single input used to abort (or hang) a whole `itukg build` or `itukg validate`.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from itukg import cli
from itukg.graph import build as build_module
from itukg.graph.build import build
from itukg.graph.dataset import require_current
from itukg.graph.iris import is_valid_iri, safe_iri

TEMPLATE = ("The CTO meeting took place on {day} May 2020 in Geneva, Switzerland. "
            "Participating companies included Nokia and Ericsson. Note {n}.\n")
#: every kind of character the brief names: | { } \ ^ backtick DEL, a control character, U+FFFE
ODD_URL = "https://www.itu.int/en/a|b{c}d\\e^f`g\x7fh\x01i\ufffej/"
ODD = ("The CTO meeting took place on 3 June 2021 in Geneva, Switzerland. Participating companies included Nokia. "
       "The communiqué is at https://www.itu.int/en/a|b{c}d\\e^f/\ufffe/x and also at "
       "https://www.itu.int/p%zz#one#two and https://www.itu.int:port/x .\n")


def _itukg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "itukg", *args], capture_output=True, text=True,
                          timeout=300)


def _good_docs(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"good-{i:02d}.txt").write_text(TEMPLATE.format(day=i % 28 + 1, n=i), encoding="utf-8")


# --- terms that are not valid IRIs ------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    ODD_URL,
    "https://www.itu.int/a|b", "https://www.itu.int/{x}", "https://www.itu.int/a\\b", "https://www.itu.int/a^b",
    "https://www.itu.int/a`b", "https://www.itu.int/a\x7fb", "https://www.itu.int/a\x00b", "https://www.itu.int/\ufffe",
    "https://www.itu.int/\ue000", "https://www.itu.int/a b", "https://www.itu.int/%zz", "https://www.itu.int/#a#b",
    "https://www.itu.int:port/", "https://[::1/", "https://www.itu.int/\ud800", "not a url at all",
])
def test_safe_iri_always_gives_an_iri_oxigraph_accepts(value):
    iri = safe_iri(value)
    assert is_valid_iri(iri), iri
    ox.NamedNode(iri)


def test_safe_iri_keeps_valid_iris_and_encodes_the_rest():
    for ok in ("https://www.itu.int/en/ITU-T/Pages/default.aspx?a=1&b=2#top", "https://itu.int/fr/événement",
               "https://www.itu.int/a%20b"):
        assert safe_iri(ok) == ok
    assert safe_iri("https://www.itu.int/a|b{c}") == "https://www.itu.int/a%7Cb%7Bc%7D"
    assert safe_iri("https://www.itu.int/\ufffe") == "https://www.itu.int/%EF%BF%BE"
    assert safe_iri("https://www.itu.int/p%zz") == "https://www.itu.int/p%25zz"
    rnd = random.Random(5)
    for _ in range(3000):
        text = "https://" + "".join(chr(rnd.choice((rnd.randrange(0x80), rnd.randrange(0x110000))))
                                    for _ in range(rnd.randrange(12)))
        assert is_valid_iri(safe_iri(text)), repr(text)


def test_one_document_with_odd_urls_among_40_good_ones_all_go_in(tmp_path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 40)
    (docs / "odd.txt").write_text(ODD, encoding="utf-8")
    result = build([docs], data, jobs=2)  # 41 new documents: processed in worker processes
    assert result.ok, ([r.problems() for r in result.rejected], [str(e) for e in result.unreadable])
    assert len(result.accepted) == 41
    gen = require_current(data)
    assert len(gen.documents) == 41
    text = gen.dataset_file.read_text(encoding="utf-8")
    assert "<https://www.itu.int/en/a%7Cb%7Bc%7Dd%5Ce%5Ef/%EF%BF%BE/x>" in text
    assert "<https://www.itu.int/p%25zz#one%23two>" in text
    store = ox.Store()  # what the server does with it: every term parses
    store.bulk_load(path=str(gen.dataset_file), format=ox.RdfFormat.N_QUADS)
    assert len(store) > 0


def test_validate_a_document_with_odd_urls_conforms(tmp_path):
    odd = tmp_path / "odd.txt"
    odd.write_text(ODD, encoding="utf-8")
    proc = _itukg("validate", str(odd))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "conforms" in proc.stdout


# --- a bug on one document --------------------------------------------------------------------------------

def _buggy_extract(real):
    def extract(doc, ref):
        if "BOOM" in doc.text:
            raise RuntimeError("extractor bug\nsecond line")
        return real(doc, ref)
    return extract


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bug_on_one_document_rejects_that_document_only(tmp_path, monkeypatch, jobs):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 12)
    (docs / "boom.txt").write_text(TEMPLATE.format(day=9, n="BOOM"), encoding="utf-8")
    monkeypatch.setattr(build_module, "extract", _buggy_extract(build_module.extract))
    result = build([docs], data, jobs=jobs)  # jobs=2: the forked workers inherit the patched extractor
    assert len(result.accepted) == 12 and not result.ok
    [rejected] = result.rejected
    assert rejected.source.endswith("boom.txt")
    assert rejected.error == "processing failed: RuntimeError: extractor bug"
    gen = require_current(data)
    assert len(gen.documents) == 12
    assert gen.manifest["rejected"] == [{"source": rejected.source, "problems": [rejected.error]}]


def test_the_cli_reports_a_failing_document_in_one_line(tmp_path, monkeypatch, capsys):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 3)
    (docs / "boom.txt").write_text(TEMPLATE.format(day=9, n="BOOM"), encoding="utf-8")
    monkeypatch.setattr(build_module, "extract", _buggy_extract(build_module.extract))
    assert cli.main(["build", str(docs), "--data-dir", str(data), "-q"]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "boom.txt" in line]
    assert lines == [f"itukg: rejected {docs / 'boom.txt'}: processing failed: RuntimeError: extractor bug"], err
    assert "Traceback" not in err

    assert cli.main(["validate", str(docs / "good-00.txt"), str(docs / "boom.txt")]) == 2
    out = capsys.readouterr()
    assert "good-00.txt: conforms" in out.out
    assert f"itukg: cannot process {docs / 'boom.txt'}: processing failed: RuntimeError: extractor bug" in out.err


def test_a_reader_bug_on_one_file_is_an_unreadable_file(tmp_path, monkeypatch):
    from itukg.graph import read

    docs = tmp_path / "docs"
    _good_docs(docs, 2)
    real = read._decode

    def decode(data, source, declared=None):
        if b"Note 1." in data:
            raise KeyError("reader bug")
        return real(data, source, declared)

    monkeypatch.setattr(read, "_decode", decode)
    out = list(read.iter_documents([docs]))
    assert [type(x).__name__ for x in out] == ["Text", "DocumentError"]
    assert "KeyError" in str(out[1]) and "good-01.txt" in str(out[1])


# --- only regular files, only inside the paths given ------------------------------------------------------

SECRET = "TOPSECRET-outside-the-folder-4711"


def _secret_outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(f"The CTO meeting took place on 7 May 2020 in Geneva. {SECRET}\n", encoding="utf-8")
    return secret


def test_a_fifo_socket_and_links_in_the_folder_are_skipped_and_the_build_finishes(tmp_path):
    import os
    import socket

    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs, 3)
    os.mkfifo(docs / "pipe.txt")  # nobody ever writes to it: opening it for reading would block forever
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(docs / "socket.md"))
    secret = _secret_outside(tmp_path)
    (docs / "passwd.txt").symlink_to("/etc/passwd")
    (docs / "secret.txt").symlink_to(secret)
    (docs / "outside-dir").symlink_to(secret.parent, target_is_directory=True)
    (docs / "inside.txt").symlink_to(docs / "good-00.txt")
    try:
        proc = subprocess.run([sys.executable, "-m", "itukg", "build", str(docs), "--data-dir",
                               str(data), "-q"], capture_output=True, text=True, timeout=120)
    finally:
        sock.close()
    assert proc.returncode == 0, proc.stderr  # skipped entries are not errors
    skipped = {Path(line.split(": ")[1].split(":")[0]).name: line for line in proc.stderr.splitlines()
               if line.startswith("itukg: skipped ")}
    assert set(skipped) == {"pipe.txt", "socket.md", "passwd.txt", "secret.txt", "outside-dir", "inside.txt"}, \
        proc.stderr
    assert "named pipe" in skipped["pipe.txt"] and "socket" in skipped["socket.md"]
    assert "symbolic link" in skipped["passwd.txt"]
    gen = require_current(data)
    assert sorted(e.name for e in gen.documents.values()) == ["good-00.txt", "good-01.txt", "good-02.txt"]
    text = gen.dataset_file.read_text(encoding="utf-8")
    assert SECRET not in text and "root:" not in text
    # the lock was released: the next build runs at once
    again = _itukg("build", str(docs), "--data-dir", str(data), "-q")
    assert again.returncode == 0 and "3 unchanged" in again.stdout, again.stderr


def test_follow_symlinks_follows_links_inside_the_folder_only(tmp_path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    _good_docs(docs / "real", 2)
    secret = _secret_outside(tmp_path)
    (docs / "alias").symlink_to(docs / "real", target_is_directory=True)  # inside: followed
    (docs / "extra.txt").symlink_to(docs / "real" / "good-00.txt")  # inside: followed (same bytes: one document)
    (docs / "secret.txt").symlink_to(secret)
    (docs / "outside-dir").symlink_to(secret.parent, target_is_directory=True)
    (docs / "relative.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    (docs / "passwd.txt").symlink_to("/etc/passwd")
    (docs / "dangling.txt").symlink_to(docs / "nowhere.txt")
    proc = _itukg("build", str(docs), "--data-dir", str(data), "-q", "--follow-symlinks")
    assert proc.returncode == 0, proc.stderr
    outside = [line for line in proc.stderr.splitlines() if "outside" in line and line.startswith("itukg: skipped")]
    assert len(outside) == 4, proc.stderr  # secret.txt, outside-dir, relative.txt, passwd.txt
    assert "broken symbolic link" in proc.stderr
    gen = require_current(data)
    assert len(gen.documents) == 2
    text = gen.dataset_file.read_text(encoding="utf-8")
    assert SECRET not in text and "root:" not in text


def test_a_fifo_given_explicitly_is_an_error_not_a_hang(tmp_path):
    import os

    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    proc = _itukg("build", str(pipe), "--data-dir", str(tmp_path / "data"), "-q")
    assert proc.returncode == 1 and "not a regular file (named pipe)" in proc.stderr, proc.stderr
    proc = _itukg("validate", str(pipe))
    assert proc.returncode == 2 and "not a regular file (named pipe)" in proc.stderr, proc.stderr


def test_a_link_swapped_in_after_the_walk_is_not_followed(tmp_path):
    from itukg.graph.errors import DocumentError
    from itukg.graph.read import read_document

    secret = _secret_outside(tmp_path)
    link = tmp_path / "doc.txt"
    link.symlink_to(secret)
    with pytest.raises(DocumentError, match="symbolic link, not followed"):
        read_document(link, follow_symlinks=False)
    assert SECRET in read_document(link).text  # a path given explicitly is what the user named
