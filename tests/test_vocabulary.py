"""One place for each concern: the kinds of things come from the ontology and ontology/reference/kinds.csv
(graph/vocabulary.py), instance IRIs from graph/iris.py under the configured base (graph/namespaces.py)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from itukg.graph import iris, resources, validate
from itukg.graph.build import process
from itukg.graph.extract.meetings import extract, meeting_kinds
from itukg.graph.mapping import to_graph
from itukg.graph.namespaces import DEFAULT_BASE_IRI, ITUKG, base_iri
from itukg.graph.read import Text
from itukg.graph.reference import load_reference
from itukg.graph.vocabulary import vocabulary

ROOT = Path(__file__).resolve().parent.parent

#: The meeting slugs are part of published IRIs: they must not change.
SLUGS = {
    "Meeting": "meeting", "CTOMeeting": "cto-meeting", "CTOConsultation": "cto-consultation",
    "LeadershipAssembly": "sgla", "TSAGMeeting": "tsag-meeting", "StudyGroupMeeting": "sg-meeting",
    "Workshop": "workshop", "Conference": "conference", "Symposium": "symposium",
    "PreparatoryMeeting": "preparatory-meeting", "WorkingPartyMeeting": "wp-meeting",
    "RapporteurGroupMeeting": "rg-meeting", "RegionalGroupMeeting": "regional-group-meeting",
    "FocusGroupMeeting": "fg-meeting", "JCAMeeting": "jca-meeting",
}
GROUPS = {"ITUTGroup", "StudyGroup", "FocusGroup", "AdvisoryGroup", "RapporteurGroup", "Bureau", "RegionalGroup",
          "WorkingParty", "Question", "JointCoordinationActivity"}


def test_kinds_are_the_ontology_classes():
    voc = vocabulary()
    ref = load_reference()
    assert voc.meeting_kinds == set(SLUGS)
    assert {k: voc.meeting_slug(k) for k in voc.meeting_kinds} == SLUGS
    assert voc.group_kinds == GROUPS == ref.group_kinds
    assert ref.place_kinds == {"Place", "City", "Region", "Country"}
    assert {voc.path(k) for k in GROUPS} == {"group"} and voc.path("Sector") == "organization"
    assert {k: voc.path(k) for k in ("City", "Region", "Place", "Country", "Organization", "Post", "Topic",
                                     "Person", "MeetingSeries", "Event", "CTOMeeting")} == {
        "City": "place", "Region": "place", "Place": "place", "Country": "country", "Organization": "organization",
        "Post": "post", "Topic": "topic", "Person": "person", "MeetingSeries": "series", "Event": "event",
        "CTOMeeting": "meeting"}
    # most specific first: a group typed StudyGroup and ITUTGroup is a StudyGroup
    kinds = ref.alias_kinds
    assert kinds.index("StudyGroup") < kinds.index("ITUTGroup") and kinds.index("City") < kinds.index("Place")
    assert voc.meeting_label("LeadershipAssembly") == "Study Group Leadership Assembly"
    assert voc.meeting_label("Meeting") == "meeting"


def test_every_meeting_kind_row_names_a_meeting_class():
    assert {k.cls for k in meeting_kinds()} <= vocabulary().meeting_kinds


def test_ui_kinds_follow_the_ontology():
    from itukg.server.ui.kinds import kind_roots

    roots = dict((iri, kind) for kind, iri in reversed(kind_roots()))
    for cls in SLUGS:
        assert roots[str(ITUKG[cls])] == "meeting", cls
    for cls in GROUPS:
        assert roots[str(ITUKG[cls])] == "group", cls
    assert roots[str(ITUKG.Country)] == "country" and roots[str(ITUKG.City)] == "place"


def test_tail_of_instance_iris():
    base = base_iri()
    assert iris._tail(base + "meeting/cto-meeting-2018-09-09-durban") == "cto-meeting-2018-09-09-durban"
    assert iris._tail(base + "organization/a/b") == "a-b"


# -- a new kind of meeting is Turtle + CSV ----------------------------------------------------------------------

HACKATHON_TTL = """
itukg:Hackathon
    a owl:Class ;
    rdfs:subClassOf itukg:Meeting ;
    rdfs:label "hackathon"@en ;
    skos:definition "A hackathon organized by ITU."@en .
"""

DOCUMENT = """ITU hackathon on AI for good

The ITU AI Hackathon took place in Geneva, Switzerland, on 12 March 2021. Participants from Ericsson and Nokia
worked on network automation.
"""


def _clear_caches() -> None:
    for cached in (vocabulary, load_reference, meeting_kinds, validate._type_closure):
        cached.cache_clear()


@pytest.fixture
def hackathon(request, tmp_path, monkeypatch):
    """A copy of the ontology folder with one more kind of meeting: a class, its phrases in meeting-kinds.csv
    and (unless the test's parameter says not) its slug and label in kinds.csv."""
    folder = tmp_path / "ontology"
    shutil.copytree(resources.ontology_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    with open(folder / "itukg.ttl", "a", encoding="utf-8") as fh:
        fh.write(HACKATHON_TTL)
    kinds = folder / "reference" / "meeting-kinds.csv"
    lines = kinds.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("class,"))
    lines.insert(header + 1, 'Hackathon,,"(?:ITU )?(?:AI )?Hackathon",')
    kinds.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if getattr(request, "param", True):
        with open(folder / "reference" / "kinds.csv", "a", encoding="utf-8") as fh:
            fh.write("Hackathon,,hack,ITU hackathon\n")
    monkeypatch.setattr(resources, "ontology_dir", lambda: folder)
    _clear_caches()
    yield
    monkeypatch.undo()
    _clear_caches()


@pytest.mark.parametrize("hackathon, slug", [(True, "hack"), (False, "hackathon")], indirect=["hackathon"])
def test_a_new_kind_of_meeting_needs_no_python(hackathon, slug):
    """With a kinds.csv row, its slug; without one, the slug of the class's rdfs:label."""
    assert "Hackathon" in vocabulary().meeting_kinds
    doc = Text(source="hack.txt", name="hack.txt", sha256="7" * 64, text=DOCUMENT, media_type="text/plain")
    facts = extract(doc, load_reference())
    [m] = facts.meetings
    assert m.kind == "Hackathon" and str(m.start) == "2021-03-12"
    mi = iris.meeting(m.ref)
    assert str(mi) == base_iri() + f"meeting/{slug}-2021-03-12-geneva"
    g = to_graph(facts)
    assert (mi, RDF.type, ITUKG.Hackathon) in g
    processed = process(doc, load_reference())
    assert processed.report.conforms, processed.report.problems
    assert (mi, RDF.type, ITUKG.Meeting) in processed.inferred  # the reasoner knows the new class


def test_an_announced_meeting_of_a_new_kind_has_its_label(hackathon):
    text = DOCUMENT + "\nThe next ITU Hackathon will take place on 4 May 2022 in Nairobi, Kenya.\n"
    doc = Text(source="hack.txt", name="hack.txt", sha256="8" * 64, text=text, media_type="text/plain")
    g = to_graph(extract(doc, load_reference()))
    announced = g.value(predicate=ITUKG.startDate, object=Literal("2022-05-04", datatype=XSD.date), any=False)
    assert (announced, RDF.type, ITUKG.Hackathon) in g
    assert str(g.value(announced, RDFS.label)) == "ITU Hackathon"  # the series' name as the text writes it


def test_a_meeting_kind_row_without_its_class_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "ontology"
    shutil.copytree(resources.ontology_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    with open(folder / "reference" / "meeting-kinds.csv", "a", encoding="utf-8") as fh:
        fh.write('Hackathon,,"hackathon",\n')
    monkeypatch.setattr(resources, "ontology_dir", lambda: folder)
    _clear_caches()
    try:
        with pytest.raises(ValueError, match="Hackathon"):
            meeting_kinds()
    finally:
        monkeypatch.undo()
        _clear_caches()


# -- the configured base, everywhere --------------------------------------------------------------------------

def _itukg(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "itukg", *args], capture_output=True, text=True,
                          env=env, timeout=600)


def test_the_bundled_corpus_builds_under_another_base(tmp_path):
    base = "https://example.org/kg/"
    env = {**os.environ, "ITUKG_BASE_IRI": base, "ITUKG_DATA_DIR": str(tmp_path / "data")}
    built = _itukg(env, "build", "--data-dir", str(tmp_path / "data"))
    assert built.returncode == 0, built.stderr + built.stdout
    assert re.search(r"\b2 documents accepted\b.*\b0 rejected\b", built.stdout), built.stdout
    exported = _itukg(env, "export", "--format", "nquads", "--data-dir", str(tmp_path / "data"))
    assert exported.returncode == 0, exported.stderr
    nq = exported.stdout
    assert DEFAULT_BASE_IRI not in nq  # nothing left under the default base, reference data included
    assert f"<{base}series/cto-meeting>" in nq and f"<{base}country/ZA>" in nq and f"<{base}topic/security>" in nq
    assert "<https://w3id.org/itukg/ontology#inSeries>" in nq  # the ontology's namespace does not move
    participations = set(re.findall(rf"<({re.escape(base)}participation/[^>]*)>", nq))
    assert participations and all(p.count("https:") == 1 for p in participations), sorted(participations)[:3]
    assert f"<{base}participation/cto-meeting-2018-09-09-durban/" in nq


def test_an_unusable_base_is_refused(tmp_path):
    env = {**os.environ, "ITUKG_BASE_IRI": "ftp://example.org/kg"}
    built = _itukg(env, "build", "--data-dir", str(tmp_path / "data"))
    assert built.returncode != 0 and "ITUKG_BASE_IRI" in built.stderr, built.stderr


def test_rebase_moves_instance_iris_only(monkeypatch):
    from rdflib import Graph

    g = Graph()
    s = URIRef(DEFAULT_BASE_IRI + "organization/x")
    g.add((s, RDF.type, ITUKG.Organization))
    g.add((s, ITUKG.basedIn, URIRef(DEFAULT_BASE_IRI + "country/ZA")))
    g.add((s, RDFS.label, Literal(DEFAULT_BASE_IRI)))  # a literal is text, not an IRI
    monkeypatch.setattr(iris, "base_iri", lambda: DEFAULT_BASE_IRI)
    assert iris.rebase(g) is g
    monkeypatch.setattr(iris, "base_iri", lambda: "https://example.org/kg/")
    moved = set(iris.rebase(g))
    x = URIRef("https://example.org/kg/organization/x")
    assert moved == {(x, RDF.type, ITUKG.Organization), (x, ITUKG.basedIn, URIRef("https://example.org/kg/country/ZA")),
                     (x, RDFS.label, Literal(DEFAULT_BASE_IRI))}
    assert iris._tail("https://example.org/kg/meeting/cto-meeting-2018-09-09-durban") == "cto-meeting-2018-09-09-durban"


def test_the_server_reads_kinds_without_loading_the_extractors():
    code = ("import sys, itukg.server.app, itukg.server.ui.kinds as kinds; kinds.kind_roots(); "
            "print([m for m in sys.modules if m.startswith('itukg.graph.extract')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stderr + out.stdout


# -- a new kind of group is Turtle only -------------------------------------------------------------------------

TASK_FORCE_TTL = """
itukg:TaskForce
    a owl:Class ;
    rdfs:subClassOf itukg:ITUTGroup ;
    rdfs:label "task force"@en ;
    skos:definition "A short-lived ITU-T group set up for one task."@en .
"""

TASK_FORCE_ENTITY = """@prefix itukg: <https://w3id.org/itukg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@base <https://w3id.org/itukg/id/> .

<group/tf-quantum-readiness> a itukg:TaskForce ;
    rdfs:label "Task Force on Quantum Readiness" ;
    skos:altLabel "TF-QR"@en ;
    itukg:partOf <group/tsag> .
"""


def test_a_new_kind_of_group_needs_no_python(tmp_path, monkeypatch):
    """A class under ITUTGroup and one entity of it in the reference data: the extractors treat its members as
    groups (found in text, proper nouns) though every extractor module was imported before the class existed."""
    import itukg.graph.extract.groups as groups_module  # imported before the copy: nothing may be frozen at import

    folder = tmp_path / "ontology"
    shutil.copytree(resources.ontology_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    with open(folder / "itukg.ttl", "a", encoding="utf-8") as fh:
        fh.write(TASK_FORCE_TTL)
    (folder / "reference" / "task-forces.ttl").write_text(TASK_FORCE_ENTITY, encoding="utf-8")
    monkeypatch.setattr(resources, "ontology_dir", lambda: folder)
    _clear_caches()
    try:
        ref = load_reference()
        assert "TaskForce" in ref.group_kinds
        text = "TSAG asked the TF-QR to report on migration plans before its next meeting."
        found = groups_module.find_groups(ref, text, 0, len(text))
        assert any(str(g.iri).endswith("group/tf-quantum-readiness") for g in found), found
    finally:
        monkeypatch.undo()
        _clear_caches()
