"""ITU groups in every spelling, read by their form (graph/extract/groups.py), on texts we wrote ourselves.

Each test states the groups a sentence must yield (kind, notation or reference IRI, parent) and the traps
that must yield none: study periods, 'Question(s): N/A', a company called '... Group', the generic 'ITU-T
study groups', quarters written 'Q4/2023', the groups of ITU-R and ITU-D, 'RAG' meaning retrieval.
"""
from __future__ import annotations

import pytest
from extract_fixtures import facts_of
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from itukg.graph import iris
from itukg.graph.build import build
from itukg.graph.dataset import require_current
from itukg.graph.extract.groups import find_groups
from itukg.graph.extract.meetings import extract
from itukg.graph.mapping import to_graph
from itukg.graph.namespaces import ITUKG
from itukg.graph.read import Text
from itukg.graph.reference import load_reference
from itukg.graph.resources import queries_dir
from itukg.graph.validate import validate_graph

ID = "https://w3id.org/itukg/id/"


def groups(text: str):
    return find_groups(load_reference(), text, 0, len(text))


def keys(text: str) -> list[tuple[str, str]]:
    """(kind, IRI of the group) of every mention, the IRI minted the way the graph mints it."""
    return [(g.kind, str(iris.entity(g)).removeprefix(ID)) for g in groups(text)]


def key_set(text: str) -> set[tuple[str, str]]:
    return set(keys(text))


# -- study groups -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The meeting heard a report from SG13 on network slicing.",
    "The meeting heard a report from SG 13 on network slicing.",
    "The meeting heard a report from Study Group 13 on network slicing.",
    "The meeting heard a report from ITU-T SG 13 on network slicing.",
    "The meeting heard a report from ITU-T Study Group 13 on network slicing.",
    "The meeting heard a report from study group-13 on network slicing.",
    "The meeting heard a report from Study Group-13 on network slicing.",
    "The meeting heard a report from ITU-Telecommunication study Group-13 on network slicing.",
])
def test_one_study_group_in_any_spelling(text):
    assert keys(text) == [("StudyGroup", "group/sg13")]


@pytest.mark.parametrize("text, numbers", [
    ("Chairs of Study Groups 12, 13 and 16 reported on their work.", [12, 13, 16]),
    ("The workshop was organized by SGs 2 and 3 together.", [2, 3]),
    ("The experts of ITU-T Study Groups 9, 11 & 20 met in Lisbon.", [9, 11, 20]),
    ("Study groups 5 and 15 will hold a joint session.", [5, 15]),
])
def test_coordinated_study_groups(text, numbers):
    assert keys(text) == [("StudyGroup", f"group/sg{n}") for n in numbers]


def test_a_study_group_the_reference_lacks_is_minted_with_its_number():
    (g,) = groups("The new ITU-T Study Group 21 held its first meeting.")
    assert (g.kind, g.notation, g.iri, str(iris.entity(g))) == ("StudyGroup", "SG21", None, ID + "group/sg21")
    assert g.part_of.iri == ID + "organization/itu-t"


@pytest.mark.parametrize("text", [
    "ITU-T study groups will review their mandates during the study period 2022-2024.",
    "The study period 2025-2028 starts after the assembly.",
    "The Example Group and the Sample Holding Group sent their CTOs.",
    "Question(s): N/A",
    "Revenue grew in Q4/2023 and again in Q1/2024.",
    "ITU-R Study Group 5 and ITU-D Study Groups 1 and 2 were informed.",
    "The experts of ITU-R SG 1 discussed spectrum management.",
    "Many companies use RAG pipelines with large language models.",
    "The regional groups of the study groups met online.",
])
def test_traps_yield_no_group(text):
    assert keys(text) == []


# -- regional groups ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The SG3RG-AFR meeting took place in Kigali.",
    "The SG3 RG-AFR meeting took place in Kigali.",
    "The meeting of the SG3 Regional Group for Africa took place in Kigali.",
    "The meeting of the ITU-T SG 3 Regional Group for Africa (SG3RG-AFR) took place in Kigali.",
    "The meeting of Study Group 3 regional group for Africa took place in Kigali.",
    "The meeting of the ITU-Telecommunication study Group-3 regional group for Africa took place in Kigali.",
    "The meeting of the Regional Group for Africa of Study Group 3 took place in Kigali.",
])
def test_regional_group_in_any_spelling_is_one_group(text):
    (g,) = groups(text)
    assert (g.kind, g.notation, str(iris.entity(g))) == ("RegionalGroup", "SG3RG-AFR", ID + "group/sg3rg-afr")
    assert g.label == "ITU-T Study Group 3 Regional Group for Africa"
    assert g.part_of.iri == ID + "group/sg3"


@pytest.mark.parametrize("text, notation, sg", [
    ("Delegates of SG3RG-ARB met in Cairo.", "SG3RG-ARB", 3),
    ("Delegates of SG5RG-LAC met in Lima.", "SG5RG-LAC", 5),
    ("Delegates of SG12RG-AFR met in Abuja.", "SG12RG-AFR", 12),
    ("Delegates of SG20RG-EECAT met in Tashkent.", "SG20RG-EECAT", 20),
    ("The Study Group 5 Regional Group for Latin America met in Lima.", "SG5RG-LAC", 5),
    ("The SG 20 Regional Group for the Arab States met in Tunis.", "SG20RG-ARB", 20),
])
def test_regional_groups_of_other_study_groups_and_regions(text, notation, sg):
    (g,) = groups(text)
    assert (g.kind, g.notation, g.part_of.iri) == ("RegionalGroup", notation, ID + f"group/sg{sg}")


def test_a_region_code_alone_is_not_a_rapporteur_group():
    assert keys("Members of RG-AFR were invited.") == []


# -- working parties and Questions --------------------------------------------------------------------------

@pytest.mark.parametrize("text, notation, parent", [
    ("The report of WP2/TSAG was approved.", "WP2/TSAG", "group/tsag"),
    ("The report of WP 2/TSAG was approved.", "WP2/TSAG", "group/tsag"),
    ("The report of Working Party 2 of TSAG was approved.", "WP2/TSAG", "group/tsag"),
    ("The report of TSAG Working Party 2 was approved.", "WP2/TSAG", "group/tsag"),
    ("The report of Working Party 2 of the Telecommunication Standardisation Advisory Group was approved.",
     "WP2/TSAG", "group/tsag"),
    ("The report of WP 2/13 was approved.", "WP2/13", "group/sg13"),
    ("The report of WP1/17 was approved.", "WP1/17", "group/sg17"),
    ("The report of Working Party 3/12 was approved.", "WP3/12", "group/sg12"),
    ("The report of Working Party 1 of Study Group 15 was approved.", "WP1/15", "group/sg15"),
    ("The report of SG16 Working Party 3 was approved.", "WP3/16", "group/sg16"),
])
def test_working_parties(text, notation, parent):
    (g,) = groups(text)
    assert (g.kind, g.notation, g.part_of.iri) == ("WorkingParty", notation, ID + parent)


def test_working_party_spellings_mint_one_iri():
    a = {str(iris.entity(g)) for g in groups("WP2/TSAG met. Then Working Party 2 of TSAG met. TSAG WP2 closed.")}
    assert a == {ID + "group/wp2-tsag"}


@pytest.mark.parametrize("text, notations", [
    ("A liaison was sent to Q10/13 on the matter.", ["Q10/13"]),
    ("A liaison was sent to Question 6/17 on the matter.", ["Q6/17"]),
    ("A liaison was sent to Questions 1/13 and 2/13 on the matter.", ["Q1/13", "Q2/13"]),
    ("Liaisons went to Q4/17, Q11/17 and Question 2/20.", ["Q4/17", "Q11/17", "Q2/20"]),
])
def test_questions(text, notations):
    gs = groups(text)
    assert [(g.kind, g.notation) for g in gs] == [("Question", n) for n in notations]
    for g in gs:
        assert g.part_of.iri == ID + f"group/sg{g.notation.split('/')[1]}"


def test_question_iri_and_label():
    (g,) = groups("Question 10/13 agreed a new work item.")
    assert (g.label, str(iris.entity(g))) == ("Question 10/13", ID + "group/q10-13")


# -- rapporteur groups, focus groups, JCAs ------------------------------------------------------------------

@pytest.mark.parametrize("text, iri", [
    ("RG-StdsStrat presented its report.", "group/rg-stdsstrat"),
    ("The Rapporteur Group on Standardization Strategy presented its report.", "group/rg-stdsstrat"),
    ("The Rapporteur Group on Standardisation Strategy presented its report.", "group/rg-stdsstrat"),
    ("RG-WM presented its report.", "group/rg-wm"),
    ("RG-WP presented its report.", "group/rg-wp"),
])
def test_known_rapporteur_groups(text, iri):
    assert keys(text) == [("RapporteurGroup", iri)]


def test_unknown_rapporteur_groups_are_minted_under_tsag():
    gs = groups("RG-IEM and RG-WPR presented their reports to TSAG.")
    assert [(g.kind, g.notation, g.part_of.iri) for g in gs if g.kind == "RapporteurGroup"] == [
        ("RapporteurGroup", "RG-IEM", ID + "group/tsag"), ("RapporteurGroup", "RG-WPR", ID + "group/tsag")]


def test_a_rapporteur_group_defined_once_keeps_its_name_for_its_acronym():
    text = ("TSAG set up the Rapporteur Group on Digital Shelters (RG-DS). Later, RG-DS met twice.")
    gs = [g for g in groups(text) if g.kind == "RapporteurGroup"]
    assert {(g.label, g.notation, str(iris.entity(g))) for g in gs} == {
        ("Rapporteur Group on Digital Shelters", "RG-DS", ID + "group/rg-ds")}


def test_a_name_listed_with_commas_is_read_whole_when_its_acronym_follows():
    # the reference knows 'Rapporteur Group on Work Programme' (RG-WP): the first words of this one's name
    text = "The Rapporteur Group on Work Programme, Restructuring and Collaboration (RG-WPR) met on 8 January."
    assert [(g.label, g.notation) for g in groups(text)] == [
        ("Rapporteur Group on Work Programme, Restructuring and Collaboration", "RG-WPR")]
    # without the acronym a comma may as well end the name
    assert [g.label for g in groups("It thanked the Focus Group on Machine Learning, the chairs and TSB.")
            if g.kind == "FocusGroup"] == [
        "Focus Group on Machine Learning"]


@pytest.mark.parametrize("text", [
    "The FG-IMT-2020 deliverables were transferred.",
    "The FG IMT-2020 deliverables were transferred.",
    "The deliverables of the Focus Group on IMT-2020 were transferred.",
])
def test_known_focus_group(text):
    assert keys(text) == [("FocusGroup", "group/fg-imt-2020")]


def test_unknown_focus_group_is_minted_with_notation_and_name():
    text = "ITU-T established the ITU-T Focus Group on Underwater Networks (FG-UWN). FG UWN meets monthly."
    gs = [g for g in groups(text) if g.kind == "FocusGroup"]
    assert len(gs) == 2
    assert {(g.label, g.notation, str(iris.entity(g)), g.part_of.iri) for g in gs} == {
        ("Focus Group on Underwater Networks", "FG-UWN", ID + "group/fg-uwn", ID + "organization/itu-t")}


def test_a_focus_group_name_stops_before_the_next_group():
    text = "The Focus Group on Robot Gardens and ITU-T Study Group 16 agreed to cooperate."
    assert [(g.kind, g.label) for g in groups(text)] == [
        ("FocusGroup", "Focus Group on Robot Gardens"), ("StudyGroup", "ITU-T Study Group 16")]


@pytest.mark.parametrize("text, iri", [
    ("JCA-AHF reviewed the accessibility checklist.", "group/jca-ahf"),
    ("The Joint Coordination Activity on Accessibility and Human Factors reviewed the checklist.", "group/jca-ahf"),
    ("JCA-IoT and SC&C reviewed the roadmap.", "group/jca-iot-and-sc-c"),
    ("The JCA-XYZ reviewed the roadmap.", "group/jca-xyz"),
    ("The Joint Coordination Activity on Tidal Energy reviewed the roadmap.",
     "group/joint-coordination-activity-on-tidal-energy"),
])
def test_joint_coordination_activities(text, iri):
    assert keys(text) == [("JointCoordinationActivity", iri)]


# -- TSAG, bureaux, other sectors ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "TSAG met in Geneva.",
    "The Telecommunication Standardization Advisory Group met in Geneva.",
    "The ITU-T Telecommunication Standardization Advisory Group met in Geneva.",
    "The Telecommunication Standardisation Advisory Group met in Geneva.",
    "The ITU Telecommunications Standardisation Advisory Group met in Geneva.",
])
def test_tsag_in_any_spelling(text):
    assert keys(text) == [("AdvisoryGroup", "group/tsag")]


@pytest.mark.parametrize("text, expected", [
    ("The Directors of TSB, BR and BDT opened the session of ITU.",
     [("Bureau", "group/tsb"), ("Bureau", "group/br"), ("Bureau", "group/bdt")]),
    ("The Telecommunication Standardization Bureau, the Radiocommunication Bureau and the Telecommunication "
     "Development Bureau issued a joint circular.",
     [("Bureau", "group/tsb"), ("Bureau", "group/br"), ("Bureau", "group/bdt")]),
    ("TSAG, RAG and TDAG met jointly at ITU.",
     [("AdvisoryGroup", "group/tsag"), ("AdvisoryGroup", "group/rag"), ("AdvisoryGroup", "group/tdag")]),
])
def test_bureaux_and_advisory_groups_of_all_sectors(text, expected):
    assert keys(text) == expected


def test_bureaux_and_other_sectors_are_not_organizations():
    ref = load_reference()
    for name in ("BR", "BDT", "Radiocommunication Bureau", "TDAG", "RAG", "Telecommunication Development Bureau"):
        assert ref.lookup(name, {"Organization"}) is None, name
        assert ref.lookup(name) is not None, name


# -- into the graph: shapes and the groups named query ------------------------------------------------------

MEETING = """The TSAG meeting took place on 14 March 2031 in Geneva, Switzerland.
TSAG Working Party 2 (WP2/TSAG) reviewed the reports of RG-IEM and of the Rapporteur Group on Digital Shelters (RG-DS).
A liaison statement was sent to Q10/13 and to the SG3 Regional Group for Africa (SG3RG-AFR).
The new ITU-T Study Group 21 and the Focus Group on Underwater Networks (FG-UWN) reported, as did JCA-XYZ.
"""


def test_minted_groups_conform_and_carry_notation_and_parent():
    doc = Text(source="g.txt", name="g.txt", sha256="1" * 64, text=MEETING, media_type="text/plain", encoding="utf-8")
    facts = extract(doc, load_reference())
    assert len(facts.meetings) == 1
    g = to_graph(facts)
    report = validate_graph(g)
    assert report.conforms, [p.message for p in report.violations]
    expected = {
        "group/wp2-tsag": ("WorkingParty", "WP2/TSAG", "group/tsag"),
        "group/rg-iem": ("RapporteurGroup", "RG-IEM", "group/tsag"),
        "group/rg-ds": ("RapporteurGroup", "RG-DS", "group/tsag"),
        "group/q10-13": ("Question", "Q10/13", "group/sg13"),
        "group/sg3rg-afr": ("RegionalGroup", "SG3RG-AFR", "group/sg3"),
        "group/sg21": ("StudyGroup", "SG21", "organization/itu-t"),
        "group/fg-uwn": ("FocusGroup", "FG-UWN", "organization/itu-t"),
        "group/jca-xyz": ("JointCoordinationActivity", "JCA-XYZ", "organization/itu-t"),
    }
    meeting = next(g.subjects(RDF.type, ITUKG.TSAGMeeting))
    for path, (kind, notation, parent) in expected.items():
        iri = URIRef(ID + path)
        assert (meeting, ITUKG.mentionsGroup, iri) in g, path
        assert (iri, RDF.type, ITUKG[kind]) in g, path
        assert (iri, SKOS.notation, Literal(notation)) in g, path
        assert (iri, ITUKG.partOf, URIRef(ID + parent)) in g, path
        assert g.value(iri, RDFS.label), path
    assert (URIRef(ID + "group/sg21"), ITUKG.groupNumber, Literal(21)) in g


def test_minted_groups_in_the_groups_named_query(tmp_path):
    path = tmp_path / "g.txt"
    path.write_text(MEETING)
    result = build([path], tmp_path / "d")
    assert result.ok and len(result.accepted) == 1
    d = Dataset(default_union=True)
    d.parse(require_current(tmp_path / "d").dataset_file, format="nquads")
    rows = {(str(r.name), str(r.notation) if r.notation else None)
            for r in d.query((queries_dir() / "groups.rq").read_text())}
    for row in [("Working Party 2 of TSAG", "WP2/TSAG"), ("Question 10/13", "Q10/13"),
                ("ITU-T Study Group 3 Regional Group for Africa", "SG3RG-AFR"), ("RG-IEM", "RG-IEM"),
                ("Rapporteur Group on Digital Shelters", "RG-DS"), ("ITU-T Study Group 21", "SG21"),
                ("Focus Group on Underwater Networks", "FG-UWN"), ("JCA-XYZ", "JCA-XYZ"),
                ("Telecommunication Standardization Advisory Group", "TSAG")]:
        assert row in rows, row


def test_an_item_number_after_an_acronym_is_not_part_of_it():
    text = "Actions:\nRG-XYZ-4: send the liaison statement.\nFG-IMT-2020 closed."
    assert [(g.notation or g.label) for g in groups(text)] == ["RG-XYZ", "Focus Group on IMT-2020"]


def test_the_sectors_are_sectors_not_organizations():
    ref = load_reference()
    for name, iri in (("ITU-T", "organization/itu-t"), ("ITU-R", "organization/itu-r"), ("ITU-D", "organization/itu-d"),
                      ("Radiocommunication Sector", "organization/itu-r")):
        assert ref.lookup(name, {"Organization"}) is None, name
        assert ref.lookup(name, {"Sector"}).iri == ID + iri, name


def test_a_known_group_under_the_text_s_own_acronym_is_the_known_group():
    text = ("Ms Jane Sample chairs the Rapporteur Group on Standardization Strategy (RG-SS). "
            "RG-SS will meet again in June.")
    found = groups(text)
    assert {g.iri for g in found} == {ID + "group/rg-stdsstrat"}


def test_a_word_of_a_groups_name_is_not_what_the_sentence_asks_of_it():
    # 'Collaboration' would read as 'coordinate': with no other action word the sentence once failed (IndexError)
    facts = extract(Text(source="rg.txt", name="rg.txt", sha256="3" * 64, media_type="text/plain", encoding="utf-8",
                         text="TSAG met on 8 January 2021.\nThe Rapporteur Group on Strengthening Collaboration "
                              "(RG-SC) was praised.\n"))
    assert [m.kind for m in facts.meetings] == ["TSAGMeeting"]
    assert not facts.meetings[0].group_actions


@pytest.mark.parametrize("sentence, acting", [
    ("TSAG agreed that SG13 should coordinate the work on quantum networks.", {("SG13", "coordinate")}),
    ("TSAG invited SG17 to study AI security and asked SG11 to cooperate on testing.",
     {("SG17", "study"), ("SG11", "coordinate")}),
    ("SG5 will lead the work on the circular economy.", {("SG5", "lead")}),
])
def test_the_group_that_asks_another_to_act_is_not_the_one_acting(sentence, acting):
    (m,) = facts_of("The TSAG meeting was held in Geneva on 3 May 2023. " + sentence + "\n").meetings
    assert {(a.group.label.replace("ITU-T Study Group ", "SG"), a.action) for a in m.group_actions} == acting


def test_focus_groups_named_in_quotes():
    (m,) = facts_of('The TSAG meeting was held in Geneva from 22 to 26 September 2019. TSAG established two new focus '
                    'groups: "Example Networks (EXN)" and \u201cData Example\u201d.\n').meetings
    focus = {(g.label, g.notation) for g in m.groups_mentioned if g.kind == "FocusGroup"}
    assert focus == {("Focus Group on Example Networks", "FG-EXN"), ("Focus Group on Data Example", None)}


def test_words_in_quotes_elsewhere_are_no_focus_group():
    (m,) = facts_of('The TSAG meeting was held in Geneva on 22 September 2019. The focus group process was reviewed '
                    'and a report, "Example Networks", was noted.\n').meetings
    assert not [g for g in m.groups_mentioned if g.kind == "FocusGroup"]
