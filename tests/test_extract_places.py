"""Places of meetings (graph/extract/places.py, graph/gazetteer.py) on documents written for these tests.

Each case states the place a meeting must get, and the traps: names of cities that are also words or people's
names ('Nice', 'Mobile', 'Split', 'Lee'), a press dateline city that is not the venue, a country and a US
state with one name, a meeting held online.
"""
from __future__ import annotations

import time

import pytest
from extract_fixtures import only_dated
from rdflib import URIRef
from rdflib.namespace import RDF, RDFS

from itukg.graph.extract.meetings import extract
from itukg.graph.extract.places import attendance, find_place
from itukg.graph.gazetteer import gazetteer
from itukg.graph.mapping import to_graph
from itukg.graph.namespaces import ITUKG
from itukg.graph.read import Text
from itukg.graph.reference import load_reference
from itukg.graph.validate import validate_graph

ID = "https://w3id.org/itukg/id/"
SCHEMA = "https://schema.org/"


def doc(text: str) -> Text:
    return Text(source="places.txt", name="places.txt", sha256="1" * 64, text=text, media_type="text/plain",
                encoding="utf-8")


def only_meeting(text: str):
    facts = extract(doc(text))
    assert len(facts.meetings) == 1, [(m.kind, m.start) for m in facts.meetings]
    return facts.meetings[0]


def place_of(sentence: str):
    ref = load_reference()
    found = find_place(ref, sentence, 0, len(sentence))
    return None if found is None else (found[0].label, found[0].kind, found[1].iri.rsplit("/", 1)[-1] if found[1] else None)


# -- the gazetteer ----------------------------------------------------------------------------------

def test_gazetteer_holds_cities_and_regions_with_their_countries():
    gaz = gazetteer(load_reference())
    assert len(gaz.places) > 30000
    nice = [c.place for c in gaz.lookup("Nice") if c.place.kind == "City"]
    assert nice and nice[0].country == ID + "country/FR" and nice[0].common
    georgia = [c.place for c in gaz.lookup("Georgia") if c.place.kind == "Region"]
    assert any(p.country == ID + "country/US" and p.admin1 == "GA" for p in georgia)


def test_hand_listed_places_win_over_the_gazetteer():
    ref = load_reference()
    gaz = gazetteer(ref)
    # Geneva (Switzerland) is hand-listed: the gazetteer keeps only the other Genevas, under other IRIs
    assert all(c.place.country != ID + "country/CH" for c in gaz.lookup("Geneva"))
    assert all(c.place.iri != ID + "place/geneva" for c in gaz.lookup("Geneva"))
    assert place_of("The meeting was held in Geneva.") == ("Geneva", "City", "CH")


def test_gazetteer_iris_are_slugs_disambiguated_only_when_needed():
    gaz = gazetteer(load_reference())
    hyderabads = sorted(c.place.iri for c in gaz.lookup("Hyderabad"))
    assert ID + "place/hyderabad" in hyderabads and len(hyderabads) >= 2
    assert all(iri == ID + "place/hyderabad" or iri.startswith(ID + "place/hyderabad-") for iri in hyderabads)
    assert len(set(gaz.places)) == len(gaz.places)


def test_loading_the_gazetteer_is_quick_enough():
    from itukg.graph.gazetteer import Gazetteer

    ref = load_reference()
    t = time.perf_counter()
    Gazetteer(ref)
    assert time.perf_counter() - t < 10  # about 1 s on a laptop; generous for loaded CI machines


# -- place contexts and traps --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The workshop was held in Nice, France, last spring.", ("Nice", "City", "FR")),
    ("Delegates gathered at Split for three days.", ("Split", "City", "HR")),
    ("The forum took place in Mobile, Alabama.", ("Mobile", "City", "US")),
    ("The consultation took place in Atlanta, Georgia.", ("Atlanta", "City", "US")),
    ("The consultation took place in Tbilisi, Georgia.", ("Tbilisi", "City", "GE")),
    ("The experts met in Hyderabad, Pakistan.", ("Hyderabad", "City", "PK")),
    ("The experts met in Hyderabad, India.", ("Hyderabad", "City", "IN")),
    ("The experts met in the city of Kraków to review the draft.", ("Kraków", "City", "PL")),
    ("The session was hosted in Yasmine Hammamet, Tunisia.", ("Hammamet", "City", "TN")),
    ("Participants were welcomed in Ouagadougou.", ("Ouagadougou", "City", "BF")),
    ("Operators from Mumbai presented their results.", ("Mumbai", "City", "IN")),  # a large city, capitalised
    ("A regional consultation was organized in California.", ("California", "Region", "US")),
    ("A regional consultation was organized in Texas.", ("Texas", "Region", "US")),
    ("The meeting was held in South Korea.", ("Republic of Korea", "Country", "KR")),
    ("The meeting was held in the UAE.", ("United Arab Emirates", "Country", "AE")),
    ("The meeting was held in Viet Nam.", ("Vietnam", "Country", "VN")),
    ("The meeting was held in Türkiye.", ("Türkiye", "Country", "TR")),
    # an abbreviation's dot inside a city's name does not end the sentence
    ("The forum was held in St. Petersburg, Russian Federation.", ("Saint Petersburg", "City", "RU")),
    ("The consultation took place in St. Louis, Missouri.", ("St. Louis", "City", "US")),
    # a country's name inside a longer city's or region's name is part of it
    ("The consultation took place in Port of Spain, Trinidad and Tobago.", ("Port of Spain", "City", "TT")),
    ("The meeting was held in Mexico City on 3 May.", ("Mexico City", "City", "MX")),
    # ITU's headquarters are in Geneva: a meeting held there is held in Geneva
    ("The CTO meeting was held at ITU Headquarters on 3 May 2019.", ("Geneva", "City", "CH")),
])
def test_places_in_context(sentence, expected):
    assert place_of(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Chaesub Lee opened the session and thanked the members.",  # a family name
    "Mr Bello presented the report of the group.",  # a title before the name
    "Nice results were reported by the rapporteurs.",  # a word at the start of a sentence
    "Mobile operators asked for a roadmap.",
    "The Mobile World Congress was mentioned twice.",  # part of a longer name
    "Split of the work between groups was agreed.",  # 'X of'
    "Lee's proposal was accepted.",  # a possessive
    "Phoenix is the name of the new project.",  # a large city with a common name: only in a place context
    "The police of the city attended.",  # lower case
    "The changes are listed in Annex 2 of the report.",  # a document's word with a number
    "The group will meet again in March 2023.",  # a month
    "Operators in the North asked for more spectrum.",  # a point of the compass
    "The study was published in Nice Reports.",  # part of a longer name
    "Comments in Victoria were positive.",  # a common name needs a firm context ('held in')
])
def test_names_that_are_not_places(sentence):
    assert place_of(sentence) is None


def test_a_person_named_like_a_city_next_to_the_real_venue():
    assert place_of("Houlin Zhao and Chaesub Lee spoke in Busan.") == ("Busan", "City", "KR")
    assert place_of("Ms Victoria Charlotte welcomed delegates in Lyon.") == ("Lyon", "City", "FR")


# -- meetings --------------------------------------------------------------------------------------------

def test_a_meeting_in_a_gazetteer_city_gets_it_with_its_country():
    m = only_meeting("The CTO meeting was held in Split, Croatia, on 12 April 2022.\n")
    assert m.place.label == "Split" and m.place.iri == ID + "place/split" and m.place.gazetteer
    assert m.country.iri == ID + "country/HR" and not m.country_from_reference


def test_a_region_is_the_place_of_a_consultation():
    m = only_meeting("The regional CTO consultation took place in Texas on 3 March 2022.\n")
    assert (m.place.label, m.place.kind) == ("Texas", "Region")
    assert m.country.iri == ID + "country/US" and m.country_from_reference


def test_a_press_dateline_city_is_not_the_venue():
    text = ("GENEVA, 9 May 2019 – ITU news\n"
            "The CTO meeting took place in Mobile, Alabama, on 2 May 2019 and reviewed the work on 5G.\n")
    m = only_meeting(text)
    assert m.place.label == "Mobile" and m.country.iri == ID + "country/US"


def test_a_dateline_city_only_when_the_meeting_sentence_names_no_place():
    text = "NICE, 9 May 2019 – The CTO meeting took place on 8 May 2019 and reviewed the work on 5G.\n"
    m = only_meeting(text)
    assert m.place is not None and m.place.label == "Nice"


def test_a_header_line_with_city_country_and_date():
    text = ("CTO meeting\nSplit, Croatia, 12 April 2022\nCommuniqué\n"
            "Leaders of the industry met to discuss the roadmap of the group.\n")
    m = only_meeting(text)
    assert m.place.label == "Split" and m.country.iri == ID + "country/HR"


@pytest.mark.parametrize("phrase", [
    "held virtually", "held via videoconference", "held as a fully virtual meeting", "held online",
    "held by Zoom", "held as an e-meeting", "held in a virtual format",
])
def test_virtual_meetings_get_no_place(phrase):
    m = only_meeting(f"GENEVA, 9 June 2020 – The CTO meeting was {phrase} on 8 June 2020 with 30 leaders.\n")
    assert m.place is None and m.country is None
    assert m.attendance and m.attendance[0] == "online"


def test_hybrid_meetings_keep_their_place():
    m = only_meeting("The CTO meeting was held in a hybrid format in Nice, France, on 8 June 2022.\n")
    assert m.attendance[0] == "mixed" and m.place.label == "Nice"


@pytest.mark.parametrize("sentence", [
    "Operators discussed virtual reality and online services.",
    "The group studies remote sensing for smart farming.",
    "TSAG discussed the rules for electronic meetings and online events.",  # plural: a subject, not this meeting
])
def test_words_about_technology_are_not_a_virtual_meeting(sentence):
    assert attendance(sentence, 0, len(sentence)) is None


# -- RDF and the SHACL gate ------------------------------------------------------------------------------

def test_a_gazetteer_place_is_described_in_the_document_and_conforms():
    facts = extract(doc("The CTO meeting was held in Hyderabad, Pakistan, on 12 April 2022.\n"))
    g = to_graph(facts)
    place = URIRef(facts.meetings[0].place.iri)
    assert (place, RDF.type, ITUKG.City) in g
    assert str(g.value(place, RDFS.label)) == "Hyderabad"
    assert g.value(place, ITUKG.inCountry) == URIRef(ID + "country/PK")
    report = validate_graph(g)
    assert report.conforms, [p.line() for p in report.problems]
    assert not [p for p in report.problems if "place" in p.message or "country" in p.message]


def test_a_gazetteer_region_conforms():
    facts = extract(doc("The regional CTO consultation took place in Texas on 3 March 2022.\n"))
    g = to_graph(facts)
    place = URIRef(facts.meetings[0].place.iri)
    assert (place, RDF.type, ITUKG.Region) in g and g.value(place, ITUKG.inCountry) == URIRef(ID + "country/US")
    report = validate_graph(g)
    assert report.conforms and not [p for p in report.problems if "region" in p.message]


def test_an_online_meeting_has_its_attendance_mode_and_conforms():
    facts = extract(doc("The CTO meeting was held virtually on 8 June 2020.\n"))
    g = to_graph(facts)
    mi = next(g.subjects(ITUKG.attendanceMode, None))
    assert g.value(mi, ITUKG.attendanceMode) == URIRef(SCHEMA + "OnlineEventAttendanceMode")
    assert g.value(mi, ITUKG.location) is None
    report = validate_graph(g)
    assert report.conforms, [p.line() for p in report.violations]


def test_the_cache_key_does_not_change_with_the_hash_seed():
    import os
    import subprocess
    import sys

    code = ("from itukg.graph.reference import load_reference; from itukg.graph.gazetteer import _cache_key; "
            "print(_cache_key(load_reference()))")
    keys = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed},
                           capture_output=True, text=True, check=True).stdout for seed in ("1", "2")}
    assert len(keys) == 1


def test_a_country_in_brackets_after_a_chair_s_company_is_not_the_venue():
    text = ("The regional CTO meeting was held on 4 June 2026, chaired by Ms Ana Example, CTO of Examplecom "
            "(Brazil).\n")
    (m,) = extract(doc(text)).meetings
    assert m.place is None and m.country is None
    held = "The regional CTO meeting was held in Lisbon (Portugal) on 4 June 2026.\n"
    (m,) = extract(doc(held)).meetings
    assert (m.place.label, m.country.iri) == ("Lisbon", ID + "country/PT")


@pytest.mark.parametrize("under", [
    "Participating companies:\n- Apex Mobile, Nairobi, Kenya\n- Huawei Technologies, Shenzhen, China\n",
    "The CTOs discussed AI-native networks. They will hold their next meeting in Seoul in November 2025.\n",
])
def test_a_heading_that_names_the_place_places_the_meeting_over_the_towns_said_under_it(under):
    m = only_dated("ITU-T CTO Meeting, Geneva, 20 November 2024\n\n" + under)
    assert (m.place.label, m.country.label) == ("Geneva", "Switzerland")


@pytest.mark.parametrize("heading", ["CTO Consultation — Asia-Pacific | 12 May 2022 | Online",
                                     "CTO Consultation, 12 May 2022, online", "ITU CTO Consultation (virtual), 12 May 2022"])
def test_a_heading_that_says_online_makes_the_meeting_online(heading):
    m = only_dated(heading + "\n\nThe CTOs discussed 6G.\n")
    assert m.attendance is not None and m.attendance[0] == "online" and m.place is None


def test_a_bracket_saying_online_in_a_sentence_is_not_how_the_meeting_was_held():
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2020. Registration (online) is open to members.\n")
    assert m.attendance is None and m.place.label == "Geneva"
