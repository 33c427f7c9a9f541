"""Tests of the reference data in ontology/reference/ (itu.ttl, organizations.ttl, places.ttl,
countries.ttl and its generator make_countries.py)."""
from __future__ import annotations

import csv
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from itukg.graph.resources import reference_files

ITUKG = Namespace("https://w3id.org/itukg/ontology#")
ID = "https://w3id.org/itukg/id/"
WD = "http://www.wikidata.org/entity/"
WIKIPEDIA = "https://en.wikipedia.org/wiki/"

MY_FILES = ("itu.ttl", "organizations.ttl", "places.ttl", "countries.ttl")
EXTERNAL_LINKS = Path(__file__).parent / "data" / "external-links.csv"

#: The only Wikidata QIDs the reference data may assert (verified=yes in external-links.csv).
ALLOWED_QIDS = {
    # countries
    "Q258", "Q28", "Q30", "Q851", "Q34", "Q148", "Q39", "Q17", "Q33", "Q183", "Q884", "Q948",
    "Q16", "Q846",
    # places
    "Q5468", "Q1781", "Q99", "Q3861", "Q71",
    # organizations
    "Q376150", "Q52618", "Q160120", "Q669561", "Q219203", "Q6973676", "Q1418", "Q493145",
    "Q312", "Q677085", "Q899383", "Q131566",
    # people
    "Q15031",
}

#: Study groups of the 2017-2020 and 2022-2024 study periods.
STUDY_GROUPS = (2, 3, 5, 9, 11, 12, 13, 15, 16, 17, 20)

GROUP_CLASSES = {ITUKG[c] for c in
                 ("ITUTGroup", "StudyGroup", "FocusGroup", "AdvisoryGroup", "RapporteurGroup", "Bureau", "RegionalGroup",
                  "WorkingParty", "Question", "JointCoordinationActivity")}
KIND_OF_CLASS = {
    ITUKG.Country: "country",
    ITUKG.City: "place",
    ITUKG.Region: "place",
    ITUKG.Organization: "organization",
    ITUKG.Sector: "organization",  # the sectors keep their id:organization/ IRIs
    ITUKG.Post: "post",
    ITUKG.Person: "person",
    ITUKG.MeetingSeries: "series",
    **{c: "group" for c in GROUP_CLASSES},
}
LABEL_PROPERTIES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)

#: Words that must never be a label: the extractor would match them everywhere.
COMMON_WORDS = {
    "security", "multimedia", "operational aspects", "economic and policy issues", "the",
    "world", "forum", "network", "networks", "group", "union", "assembly", "meeting", "summit",
    "conference", "standard", "standards", "sector", "bureau", "director", "president",
    "focus group", "study group", "cloud", "data", "health", "internet", "mobile", "telecom",
}


# ----------------------------------------------------------------------------- fixtures

def _files() -> dict[str, Path]:
    return {p.name: p for p in reference_files()}


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    files = _files()
    out = {}
    for name in MY_FILES:
        g = Graph()
        g.parse(files[name], format="turtle")
        out[name] = g
    return out


@pytest.fixture(scope="module")
def graph(graphs) -> Graph:
    g = Graph()
    for part in graphs.values():
        g += part
    return g


def kinds(g: Graph, s) -> set[str]:
    return {KIND_OF_CLASS[t] for t in g.objects(s, RDF.type) if t in KIND_OF_CLASS}


def entities(g: Graph):
    return sorted({s for s, t in g.subject_objects(RDF.type) if t in KIND_OF_CLASS})


def labels(g: Graph, s) -> set[str]:
    return {str(o) for p in LABEL_PROPERTIES for o in g.objects(s, p)}


@pytest.fixture(scope="module")
def index(graph) -> dict[str, set]:
    """Lower-cased label -> entities, as the extractor's case-insensitive lookup."""
    idx: dict[str, set] = defaultdict(set)
    for s in entities(graph):
        for label in labels(graph, s):
            idx[label.casefold()].add(s)
    return idx


def lookup(graph, index, text: str, kind: str | None = None) -> set:
    found = index.get(text.casefold(), set())
    return {s for s in found if kind is None or kind in kinds(graph, s)}


def external_links() -> list[dict[str, str]]:
    with EXTERNAL_LINKS.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# ----------------------------------------------------------------------------- files

@pytest.mark.parametrize("name", MY_FILES)
def test_file_exists_and_parses(name):
    files = _files()
    assert name in files, f"{name} not among reference_files()"
    g = Graph()
    g.parse(files[name], format="turtle")
    assert len(g) > 0


def test_every_reference_file_parses():
    for path in reference_files():
        Graph().parse(path, format="turtle")


@pytest.mark.parametrize("name", MY_FILES)
def test_header_comment(name):
    head = _files()[name].read_text(encoding="utf-8").split("\n\n")[0]
    assert head.startswith("# "), "file must start with a header comment"
    for needle in ("Version", "CC BY 4.0", "Sources", "add"):
        assert needle in head, f"header of {name} lacks {needle!r}"


def test_instance_iris_follow_the_model(graph):
    patterns = {
        "country": "country/", "place": "place/", "organization": "organization/",
        "group": "group/", "post": "post/", "person": "person/", "series": "series/",
    }
    for s in entities(graph):
        assert str(s).startswith(ID), s
        ks = kinds(graph, s)
        assert len(ks) == 1, f"{s} has kinds {ks}"
        assert str(s)[len(ID):].startswith(patterns[ks.pop()]), s


# ----------------------------------------------------------------------------- labels

def test_every_entity_has_plain_label_and_english_pref_label(graph):
    for s in entities(graph):
        rdfs_labels = list(graph.objects(s, RDFS.label))
        assert len(rdfs_labels) == 1, f"{s}: {rdfs_labels}"
        label = rdfs_labels[0]
        assert isinstance(label, Literal) and label.language is None and label.datatype is None, s
        assert str(label).strip() == str(label) and str(label)
        prefs = list(graph.objects(s, SKOS.prefLabel))
        assert prefs == [Literal(str(label), lang="en")], f"{s}: prefLabel {prefs}"
        for alt in graph.objects(s, SKOS.altLabel):
            assert isinstance(alt, Literal) and alt.language == "en", f"{s}: {alt!r}"
            assert str(alt).strip() == str(alt) and str(alt), f"{s}: {alt!r}"
            # SKOS S13: prefLabel and altLabel are disjoint
            assert str(alt) != str(label), f"{s}: altLabel repeats the prefLabel {alt}"


def test_no_label_is_a_common_word(graph):
    for s in entities(graph):
        for label in labels(graph, s):
            assert label.casefold() not in COMMON_WORDS, f"{s}: {label!r} is a common word"


def test_no_alias_names_two_entities_of_the_same_kind(graph, index):
    for text, subjects in index.items():
        by_kind = defaultdict(set)
        for s in subjects:
            for k in kinds(graph, s):
                by_kind[k].add(s)
        for k, same in by_kind.items():
            assert len(same) == 1, f"{text!r} names several {k} entities: {sorted(same)}"


def test_country_aliases_are_shared_with_nothing(graph, index):
    for text, subjects in index.items():
        if any("country" in kinds(graph, s) for s in subjects):
            assert len(subjects) == 1, f"country alias {text!r} also names {sorted(subjects)}"


# ----------------------------------------------------------------------------- countries

def test_every_iso_country_has_a_node(graph):
    for country in pycountry.countries:
        node = URIRef(f"{ID}country/{country.alpha_2}")
        assert (node, RDF.type, ITUKG.Country) in graph, country.alpha_2
        assert graph.value(node, ITUKG.isoAlpha2) == Literal(country.alpha_2)
        assert graph.value(node, ITUKG.isoAlpha3) == Literal(country.alpha_3)
        assert graph.value(node, SKOS.notation) == Literal(country.alpha_2)
        assert graph.value(node, RDFS.label), country.alpha_2
    assert len(set(graph.subjects(RDF.type, ITUKG.Country))) == len(pycountry.countries)


@pytest.mark.parametrize("alias, code", [
    ("Korea", "KR"), ("Republic of Korea", "KR"), ("Korea (Rep. of)", "KR"),
    ("USA", "US"), ("US", "US"), ("United States", "US"), ("United States of America", "US"),
    ("UK", "GB"), ("United Kingdom", "GB"),
    ("China", "CN"), ("People's Republic of China", "CN"), ("People’s Republic of China", "CN"),
    ("Russian Federation", "RU"), ("Russia", "RU"), ("Iran", "IR"), ("Turkey", "TR"),
    ("Türkiye", "TR"), ("Viet Nam", "VN"), ("Vietnam", "VN"), ("Tanzania", "TZ"),
    ("Côte d'Ivoire", "CI"), ("Cote d'Ivoire", "CI"), ("Congo", "CG"),
    ("Democratic Republic of the Congo", "CD"), ("DPRK", "KP"), ("UAE", "AE"),
    ("Czech Republic", "CZ"), ("Czechia", "CZ"), ("South Africa", "ZA"), ("Sweden", "SE"),
    ("Switzerland", "CH"), ("Saudi Arabia", "SA"), ("Tunisia", "TN"), ("Japan", "JP"),
])
def test_country_aliases(graph, index, alias, code):
    assert lookup(graph, index, alias, "country") == {URIRef(f"{ID}country/{code}")}
    # case-insensitive lookup
    assert lookup(graph, index, alias.upper(), "country") == {URIRef(f"{ID}country/{code}")}


def test_make_countries_reproduces_countries_ttl(tmp_path):
    # the generator is a maintenance script of the source tree (not shipped), so it is run from there
    source = Path(__file__).resolve().parents[1] / "ontology" / "reference"
    committed, script = source / "countries.ttl", source / "make_countries.py"
    import re
    from importlib.metadata import version

    recorded = re.search(r"\(pycountry ([^)]+)\)", committed.read_text(encoding="utf-8"))
    if recorded and recorded.group(1) != version("pycountry"):
        pytest.skip(f"countries.ttl was generated with pycountry {recorded.group(1)}, "
                    f"{version('pycountry')} is installed: rerun make_countries.py")
    out = tmp_path / "countries.ttl"
    subprocess.run([sys.executable, str(script), "-o", str(out)], check=True)
    expected, actual = Graph(), Graph()
    expected.parse(committed, format="turtle")
    actual.parse(out, format="turtle")
    assert isomorphic(expected, actual)
    assert out.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- places

def test_every_place_has_exactly_one_existing_country(graph):
    places = set(graph.subjects(RDF.type, ITUKG.City)) | set(graph.subjects(RDF.type, ITUKG.Region))
    assert len(places) > 100
    for place in places:
        countries = list(graph.objects(place, ITUKG.inCountry))
        assert len(countries) == 1, f"{place}: {countries}"
        assert (countries[0], RDF.type, ITUKG.Country) in graph, f"{place}: {countries[0]}"


@pytest.mark.parametrize("name, slug, code", [
    ("Durban", "durban", "ZA"), ("Budapest", "budapest", "HU"), ("Geneva", "geneva", "CH"),
    ("Doha", "doha", "QA"), ("California", "california", "US"), ("Bogota", "bogota", "CO"),
    ("Sao Paulo", "sao-paulo", "BR"), ("St. Petersburg", "saint-petersburg", "RU"),
    ("Washington, DC", "washington-d-c", "US"), ("Bangalore", "bengaluru", "IN"),
])
def test_place_aliases(graph, index, name, slug, code):
    place = URIRef(f"{ID}place/{slug}")
    assert lookup(graph, index, name, "place") == {place}
    assert graph.value(place, ITUKG.inCountry) == URIRef(f"{ID}country/{code}")


def test_california_is_a_region(graph):
    assert (URIRef(f"{ID}place/california"), RDF.type, ITUKG.Region) in graph


# ----------------------------------------------------------------------------- ITU structure

@pytest.mark.parametrize("number", STUDY_GROUPS)
def test_study_groups_of_both_periods(graph, index, number):
    sg = URIRef(f"{ID}group/sg{number}")
    assert (sg, RDF.type, ITUKG.StudyGroup) in graph
    assert graph.value(sg, SKOS.notation) == Literal(f"SG{number}")
    assert int(graph.value(sg, ITUKG.groupNumber)) == number
    assert {str(p) for p in graph.objects(sg, ITUKG.studyPeriod)} >= {"2017-2020", "2022-2024"}
    assert list(graph.objects(sg, ITUKG.officialTitle))
    assert graph.value(sg, ITUKG.partOf) == URIRef(f"{ID}organization/itu-t")
    assert str(graph.value(sg, RDFS.label)) == f"ITU-T Study Group {number}"
    for alias in (f"Study Group {number}", f"SG{number}", f"SG {number}", f"ITU-T SG{number}",
                  f"ITU-T SG {number}", f"ITU-T Study Group {number}"):
        assert lookup(graph, index, alias, "group") == {sg}, alias


def test_no_other_study_groups(graph):
    numbers = {int(graph.value(s, ITUKG.groupNumber)) for s in graph.subjects(RDF.type, ITUKG.StudyGroup)}
    assert numbers == set(STUDY_GROUPS)


@pytest.mark.parametrize("alias, iri", [
    ("ITU", "organization/itu"), ("International Telecommunication Union", "organization/itu"),
    ("ITU-T", "organization/itu-t"), ("ITU-R", "organization/itu-r"), ("ITU-D", "organization/itu-d"),
    ("TSB", "group/tsb"), ("ITU Telecommunication Standardization Bureau", "group/tsb"),
    ("TSAG", "group/tsag"), ("ITU Telecommunications Standardization Advisory Group", "group/tsag"),
    ("RG-StdsStrat", "group/rg-stdsstrat"),
    ("Rapporteur Group on ITU-T Standardization Strategy", "group/rg-stdsstrat"),
    ("FG NET-2030", "group/fg-net-2030"), ("FG-NET-2030", "group/fg-net-2030"),
    ("Focus Group on Data Processing and Management", "group/fg-dpm"),
    ("FG-ML5G", "group/fg-ml5g"), ("FG-AI4H", "group/fg-ai4h"), ("FG-AI4AD", "group/fg-ai4ad"),
    ("FG-QIT4N", "group/fg-qit4n"), ("FG-DLT", "group/fg-dlt"),
    ("ITU Telecom World", "series/itu-telecom-world"),
    ("WTSA", "series/wtsa"), ("World Telecommunication Standardization Assembly", "series/wtsa"),
    ("ITU Plenipotentiary Conference", "series/pp"), ("Plenipotentiary Conference", "series/pp"),
    ("CTO meeting", "series/cto-meeting"), ("Study Group Leadership Assembly", "series/sgla"),
    ("ITU Secretary-General", "post/itu-secretary-general"),
    ("Secretary-General", "post/itu-secretary-general"),
    ("Director of the ITU Telecommunication Standardization Bureau", "post/tsb-director"),
    ("TSB Director", "post/tsb-director"), ("Chairman", "post/chair"), ("Vice-Chairmen", "post/vice-chair"),
    ("Working Party leaders", "post/working-party-chair"), ("Rapporteurs", "post/rapporteur"),
    ("Houlin Zhao", "person/houlin-zhao"), ("Chaesub Lee", "person/chaesub-lee"),
    ("Dr Hamadoun I. Touré", "person/hamadoun-i-toure"), ("Xi Jinping", "person/xi-jinping"),
    ("President of the People’s Republic of China", "post/president-of-china"),
])
def test_itu_aliases(graph, index, alias, iri):
    assert lookup(graph, index, alias) == {URIRef(ID + iri)}


def test_itu_structure(graph):
    i = lambda path: URIRef(ID + path)  # noqa: E731
    for sector in ("itu-t", "itu-r", "itu-d"):
        assert graph.value(i(f"organization/{sector}"), ITUKG.partOf) == i("organization/itu")
    assert (i("group/tsb"), RDF.type, ITUKG.Bureau) in graph
    assert (i("group/tsag"), RDF.type, ITUKG.AdvisoryGroup) in graph
    assert graph.value(i("group/rg-stdsstrat"), ITUKG.partOf) == i("group/tsag")
    assert (i("group/rg-stdsstrat"), RDF.type, ITUKG.RapporteurGroup) in graph
    assert graph.value(i("post/tsb-director"), ITUKG.postIn) == i("group/tsb")
    assert (i("person/houlin-zhao"), ITUKG.holdsPost, i("post/itu-secretary-general")) in graph
    assert (i("person/chaesub-lee"), ITUKG.holdsPost, i("post/tsb-director")) in graph
    assert (i("person/xi-jinping"), ITUKG.holdsPost, i("post/president-of-china")) in graph
    for fg in graph.subjects(RDF.type, ITUKG.FocusGroup):
        assert graph.value(fg, SKOS.notation), fg
        assert graph.value(fg, ITUKG.partOf), fg
    for person in graph.subjects(RDF.type, ITUKG.Person):
        assert graph.value(person, ITUKG.name), person
        assert list(graph.objects(person, ITUKG.holdsPost)), person


def test_references_resolve(graph):
    """Every object of a structural property is an entity of the right kind."""
    expected = {
        ITUKG.partOf: {"group", "organization"},
        ITUKG.postIn: {"group", "organization"},
        ITUKG.holdsPost: {"post"},
        ITUKG.basedIn: {"country"},
        ITUKG.inCountry: {"country"},
    }
    for prop, allowed in expected.items():
        for s, o in graph.subject_objects(prop):
            assert kinds(graph, o) & allowed, f"{s} {prop} {o}: not a {allowed}"


# ----------------------------------------------------------------------------- organizations

def test_every_csv_organization_is_findable(graph, index):
    rows = [r for r in external_links() if r["kind"] == "organization"]
    assert rows
    for row in rows:
        short = row["label"].split(" (")[0].strip()
        assert lookup(graph, index, short), f"{short!r} (from {row['label']!r}) not found"


@pytest.mark.parametrize("alias, slug, code", [
    ("Aeris Communications Inc.", "aeris-communications", "US"), ("Apple Inc.", "apple", "US"),
    ("Nokia Corporation", "nokia", "FI"), ("Huawei Technologies", "huawei", "CN"),
    ("Huawei Technologies Co., Ltd.", "huawei", "CN"), ("NEC Corporation", "nec", "JP"),
    ("Knowles Corporation", "knowles", "US"), ("Dolby Laboratories, Inc.", "dolby-laboratories", "US"),
    ("CITC", "citc", "SA"), ("TTC", "ttc", "JP"), ("Telecommunication Technology Committee", "ttc", "JP"),
    ("Metro Ethernet Forum", "mef", None), ("MEF Forum", "mef", None),
    ("Open Networking Foundation", "onf", "US"), ("NGMN", "ngmn", None),
    ("Next Generation Mobile Networks", "ngmn", None), ("TMF", "tm-forum", None),
    ("ETSI ZSM", "etsi-zsm", None), ("ETSI", "etsi", "FR"), ("U4SSC", "u4ssc", None),
    ("Ericsson", "ericsson", "SE"), ("SK Telecom", "sk-telecom", "KR"), ("Symantec", "symantec", "US"),
])
def test_organization_aliases(graph, index, alias, slug, code):
    org = URIRef(f"{ID}organization/{slug}")
    assert lookup(graph, index, alias, "organization") == {org}
    if code:
        assert graph.value(org, ITUKG.basedIn) == URIRef(f"{ID}country/{code}")


# ----------------------------------------------------------------------------- external ids

def test_wikidata_ids_are_verified(graph):
    verified = {r["wikidata_qid"] for r in external_links() if r["verified"] == "yes" and r["wikidata_qid"]}
    assert ALLOWED_QIDS <= verified, ALLOWED_QIDS - verified
    for s, o in graph.subject_objects(SKOS.exactMatch):
        assert str(o).startswith(WD), f"{s}: exactMatch {o} is not a Wikidata entity"
        assert str(o)[len(WD):] in ALLOWED_QIDS, f"{s}: {o} is not a verified QID"


def test_every_verified_qid_is_used(graph):
    used = {str(o)[len(WD):] for o in graph.objects(None, SKOS.exactMatch)}
    assert used == ALLOWED_QIDS


def test_wikipedia_links_are_confirmed_titles(graph):
    from urllib.parse import unquote

    titles = {r["wikipedia_title"].replace(" ", "_") for r in external_links() if r["wikipedia_title"]}
    for s, o in graph.subject_objects(SKOS.closeMatch):
        assert str(o).startswith(WIKIPEDIA), f"{s}: closeMatch {o}"
        title = unquote(str(o)[len(WIKIPEDIA):])
        assert title in titles, f"{s}: {o} is not a confirmed Wikipedia title"
