"""`itukg build` as users run it: incremental, atomic, and a bad document never costs the good ones."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, URIRef

from itukg.graph import build as build_module
from itukg.graph.build import build, processing_fingerprint
from itukg.graph.dataset import require_current
from itukg.graph.resources import corpus_dir

GOOD = "The CTO meeting took place on 3 May 2020 in Geneva, Switzerland. Participating companies included Nokia and Ericsson.\n"
INVALID = "The zeroth CTO meeting took place on 4 May 2020 in Geneva, Switzerland.\n"  # ordinal 0 breaks a shape


def itukg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "itukg", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_bundled_corpus_builds_and_is_summarized(tmp_path):
    proc = itukg("build", "--data-dir", str(tmp_path / "d"), "-q")
    assert proc.returncode == 0, proc.stderr
    assert "2 documents accepted" in proc.stdout and "3 meetings" in proc.stdout


def test_rebuilding_the_same_files_changes_nothing(tmp_path):
    data = tmp_path / "d"
    build(None, data)
    first = require_current(data).dataset_file.read_bytes()
    again = build(None, data)
    assert len(again.reused) == 2 and not again.accepted
    assert require_current(data).dataset_file.read_bytes() == first


def test_a_changed_file_replaces_its_old_graph(tmp_path):
    data, docs = tmp_path / "d", tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(GOOD)
    build([docs], data)
    old = {e.sha256 for e in require_current(data).documents.values()}
    (docs / "a.txt").write_text(GOOD.replace("Nokia", "Huawei"))
    build([docs], data)
    gen = require_current(data)
    new = {e.sha256 for e in gen.documents.values()}
    assert len(new) == 1 and new != old
    text = gen.dataset_file.read_text()
    assert f"document/{old.pop()}" not in text
    assert "organization/huawei" in text


def test_bad_documents_are_reported_and_the_good_ones_go_in(tmp_path):
    data, docs = tmp_path / "d", tmp_path / "docs"
    shutil.copytree(corpus_dir(), docs, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    build([docs], data)
    before = require_current(data).dataset_file.read_bytes()

    (docs / "new.txt").write_text(GOOD)
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (docs / "invalid.txt").write_text(INVALID)
    proc = itukg("build", str(docs), "--data-dir", str(data), "-q")
    assert proc.returncode == 1
    for name in ("empty.txt", "binary.txt", "broken.docx"):
        assert name in proc.stderr
    assert "rejected" in proc.stderr and "invalid.txt" in proc.stderr and "ordinal" in proc.stderr
    gen = require_current(data)
    names = {e.name for e in gen.documents.values()}
    assert names == {"sgla-2019-budapest.txt", "td-cto-communiques-2018.txt", "new.txt"}
    # what was there before is still there, byte for byte
    for line in before.decode().splitlines()[:500]:
        assert line in gen.dataset_file.read_text()


def test_validate_exit_codes(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(GOOD)
    bad.write_text(INVALID)
    assert itukg("validate", str(good)).returncode == 0
    proc = itukg("validate", str(bad))
    assert proc.returncode == 1 and "ordinal" in proc.stdout
    proc = itukg("validate", str(tmp_path / "missing.txt"))
    assert proc.returncode == 2 and "missing.txt" in proc.stderr


def test_validate_with_the_reference_engine_says_the_same(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(INVALID)
    compiled = itukg("validate", str(bad), "--warnings")
    reference = itukg("validate", str(bad), "--warnings", "--engine", "pyshacl")
    assert compiled.returncode == reference.returncode == 1
    assert compiled.stdout == reference.stdout


def test_a_second_build_at_the_same_time_fails_clearly(tmp_path):
    from itukg.graph.dataset import build_lock
    from itukg.graph.errors import DatasetError

    with build_lock(tmp_path):
        with pytest.raises(DatasetError, match="another build is running"):
            build(None, tmp_path)
        proc = itukg("build", "--data-dir", str(tmp_path), "-q")
        assert proc.returncode == 2 and "another build is running" in proc.stderr


def test_killed_build_leaves_the_previous_dataset(tmp_path):
    """kill -9 in the middle of a build: `current` still names the last complete generation."""
    import os
    import signal
    import time

    data = tmp_path / "d"
    build(None, data)
    before = require_current(data).dataset_file.read_bytes()
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(30):
        (docs / f"m{i}.txt").write_text(GOOD.replace("3 May", f"{i % 27 + 1} June") + f"Item {i}.\n")
    for delay in (0.5, 1.5, 3.0):
        proc = subprocess.Popen([sys.executable, "-m", "itukg", "build", str(docs), "--data-dir", str(data), "-q"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        gen = require_current(data)
        assert gen.dataset_file.read_bytes() == before or len(gen.documents) == 32
    result = build([docs], data)
    assert len(require_current(data).documents) == 32 and not result.rejected


def test_export_file_by_extension(tmp_path):
    out = tmp_path / "all.trig"
    proc = itukg("build", "--data-dir", str(tmp_path / "d"), "-q", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    d = Dataset()
    d.parse(out, format="trig")
    assert len(list(d.graphs())) >= 4


def test_query_command_named_and_formats(built_corpus):
    proc = itukg("query", "--data-dir", str(built_corpus), "--named", "meetings", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].split(",")[:3] == ["meeting", "name", "startDate"]
    assert len(proc.stdout.strip().splitlines()) == 4
    proc = itukg("query", "--data-dir", str(built_corpus), "--named", "evidence", "--param", "entity=x:y", "--format", "json")
    assert proc.returncode == 2 and "x:y" in proc.stderr and proc.stderr.count("\n") == 1  # in no triple: said so
    proc = itukg("query", "--data-dir", str(built_corpus), "SELECT * WHERE { ?s ?p }")
    assert proc.returncode == 2 and "syntax" in proc.stderr.lower() and proc.stderr.count("\n") == 1
    proc = itukg("query", "--data-dir", str(built_corpus), "--named", "topic-meetings")
    assert proc.returncode == 2 and "needs parameter topic" in proc.stderr


def test_announced_meeting_and_one_organization_for_two_countries_are_accepted(tmp_path):
    """Real communiqués announce a next meeting no document describes, and list a company twice."""
    doc = tmp_path / "next.txt"
    doc.write_text("The CTO meeting took place on 3 May 2021 in Geneva, Switzerland.\n"
                   "The participating organizations were:\n"
                   "Acme Ltd., China; Acme AG, Germany; Nokia, Finland; Nokia, Finland.\n"
                   "The next CTO meeting is scheduled for 9 September 2021 in Busan, Republic of Korea.\n")
    result = build([doc], tmp_path / "d")
    assert result.ok and len(result.accepted) == 1
    d = Dataset(default_union=True)
    d.parse(require_current(tmp_path / "d").dataset_file, format="nquads")
    q = """PREFIX itukg: <https://w3id.org/itukg/ontology#>
    SELECT ?org ?country WHERE { ?p itukg:organization ?org ; itukg:onBehalfOf ?country }"""
    rows = {(str(r.org).rsplit("/", 1)[-1], str(r.country).rsplit("/", 1)[-1]) for r in d.query(q)}
    assert rows == {("acme", "CN"), ("acme", "DE"), ("nokia", "FI")}
    assert (URIRef("https://w3id.org/itukg/id/meeting/cto-meeting-2021-09-09-busan"), RDF.type,
            URIRef("https://w3id.org/itukg/ontology#CTOMeeting")) in d


def test_the_same_bytes_under_two_names_are_one_document(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(GOOD)
    (docs / "b.txt").write_text(GOOD)
    first = build([docs], tmp_path / "d")
    assert len(first.accepted) == 1 and len(require_current(tmp_path / "d").documents) == 1
    again = build([docs], tmp_path / "d")
    assert not again.accepted and len(require_current(tmp_path / "d").documents) == 1


def test_an_upgraded_extractor_reads_unchanged_files_again(tmp_path, monkeypatch):
    data = tmp_path / "d"
    build(None, data)
    assert {e.processed_by for e in require_current(data).documents.values()} == {processing_fingerprint()}
    # the same files under other code or reference data (an upgrade): processed again, not reused as they were
    monkeypatch.setattr(build_module, "processing_fingerprint", lambda: "another-extractor")
    again = build(None, data)
    assert len(again.accepted) == 2 and not again.reused
    assert len(require_current(data).documents) == 2
    assert {e.processed_by for e in require_current(data).documents.values()} == {"another-extractor"}
    assert len(build(None, data).reused) == 2


def _serve_says(data: Path) -> str:
    """What `itukg serve` prints before it answers (stderr, up to the line saying where it serves); then it is stopped."""
    proc = subprocess.Popen([sys.executable, "-m", "itukg", "serve", "--data-dir", str(data), "-p", "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
            if "itukg: serving" in line:
                break
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        if proc.stderr is not None:
            proc.stderr.close()
    return "".join(lines)


def test_serving_a_dataset_read_by_another_extractor_says_to_build_again(tmp_path):
    data = tmp_path / "d"
    build(None, data)
    assert "another version of the extractor" not in _serve_says(data)
    manifest_file = require_current(data).path / "manifest.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    for entry in manifest["documents"].values():
        entry["processed_by"] = "an-older-extractor"
    manifest_file.write_text(json.dumps(manifest), encoding="utf-8")
    said = _serve_says(data)
    assert "2 of 2 documents" in said and "run `itukg build` to read them again" in said, said
