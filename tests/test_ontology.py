"""The ontology (ontology/itukg.ttl): it parses, it holds every term of docs/model.md
documented and typed as the contract says, and after an OWL RL closure (owlrl) a graph
written in itukg terms answers queries written only in schema.org / ORG / SKOS / FOAF /
DCTERMS / PROV terms."""
from __future__ import annotations

import owlrl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS

from itukg.graph.resources import ontology_file

ITUKG = Namespace("https://w3id.org/itukg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
VANN = Namespace("http://purl.org/vocab/vann/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest trips over rdflib's DefinedNamespace XSD
ID = Namespace("https://w3id.org/itukg/id/")
ONTOLOGY = URIRef("https://w3id.org/itukg/ontology")

# The terms docs/model.md names; the ontology must define each, with this kind.
CLASSES = """
    Event Meeting CTOMeeting CTOConsultation LeadershipAssembly TSAGMeeting StudyGroupMeeting
    Conference Symposium PreparatoryMeeting WorkingPartyMeeting RapporteurGroupMeeting RegionalGroupMeeting FocusGroupMeeting
    JCAMeeting Workshop MeetingSeries Topic ITUTGroup StudyGroup FocusGroup AdvisoryGroup RapporteurGroup
    Bureau RegionalGroup WorkingParty Question JointCoordinationActivity Sector Organization Person Post Place City Region Country Document Participation
    DiscussionItem GroupAction StatedCount Evidence
""".split()
OBJECT_PROPERTIES = """
    inSeries location attendanceMode coLocatedWith host hasParticipation participationIn participant
    participatedIn groupRepresented mentionsGroup mentionsOrganization mentionsPerson topic
    hasDiscussionItem discussionItemOf nextMeeting mentionsEvent hasGroupAction statedCount
    webPage communique describedIn reportsOn organization onBehalfOf actor actionTopic
    holdsPost postIn partOf responsibleGroup basedIn inCountry inDocument evidenceSubject
    evidencePredicate mentions affiliation nationality
""".split()
DATATYPE_PROPERTIES = """
    startDate endDate ordinal participantCount participantCountQualifier studyPeriod actionKind
    actionText countValue countOf itemText position name honorific groupNumber officialTitle
    established isoAlpha2 isoAlpha3 sha256 fileName content start end quote published keyphrase
""".split()
# evidenceObject may hold a resource or a literal, so it is a plain rdf:Property.
PLAIN_PROPERTIES = ["evidenceObject"]

MEETING_KINDS = """CTOMeeting CTOConsultation LeadershipAssembly TSAGMeeting StudyGroupMeeting Workshop Conference
    Symposium PreparatoryMeeting WorkingPartyMeeting RapporteurGroupMeeting RegionalGroupMeeting FocusGroupMeeting
    JCAMeeting""".split()

SUBCLASS_AXIOMS = [
    ("Meeting", ITUKG.Event),
    ("Event", SCHEMA.Event),
    ("MeetingSeries", SCHEMA.EventSeries),
    ("Organization", ORG.Organization),
    ("Organization", SCHEMA.Organization),
    ("Organization", FOAF.Organization),
    ("ITUTGroup", ORG.OrganizationalUnit),
    ("Sector", ORG.OrganizationalUnit),
    ("Topic", SKOS.Concept),
    ("Person", SCHEMA.Person),
    ("Person", FOAF.Person),
    ("Post", ORG.Post),
    ("Place", SCHEMA.Place),
    ("City", SCHEMA.City),
    ("Region", SCHEMA.AdministrativeArea),
    ("Country", SCHEMA.Country),
    ("Document", FOAF.Document),
    ("Document", PROV.Entity),
    ("Evidence", PROV.Entity),
] + [(kind, ITUKG.Meeting) for kind in MEETING_KINDS] + [
    (group, ITUKG.ITUTGroup) for group in
    "StudyGroup FocusGroup AdvisoryGroup RapporteurGroup Bureau RegionalGroup WorkingParty Question JointCoordinationActivity".split()
] + [(place, ITUKG.Place) for place in "City Region Country".split()]

SUBPROPERTY_AXIOMS = [
    ("startDate", SCHEMA.startDate),
    ("endDate", SCHEMA.endDate),
    ("location", SCHEMA.location),
    ("attendanceMode", SCHEMA.eventAttendanceMode),
    ("participant", SCHEMA.attendee),
    ("topic", SCHEMA.about),
    ("topic", DCTERMS.subject),
    ("coLocatedWith", SCHEMA.superEvent),
    ("host", SCHEMA.sponsor),
    ("partOf", ORG.subOrganizationOf),
    ("holdsPost", ORG.holds),
    ("postIn", ORG.postIn),
    ("inDocument", PROV.wasDerivedFrom),
    ("describedIn", DCTERMS.source),
    ("name", SCHEMA.name),
    ("name", FOAF.name),
    ("hasDiscussionItem", DCTERMS.hasPart),
    ("inSeries", DCTERMS.isPartOf),
    ("inCountry", SCHEMA.containedInPlace),
    ("mentionsPerson", SCHEMA.mentions),
    ("mentions", SCHEMA.mentions),
    ("affiliation", SCHEMA.affiliation),
    ("nationality", SCHEMA.nationality),
    ("mentionsOrganization", SCHEMA.mentions),
    ("mentionsGroup", SCHEMA.mentions),
    ("webPage", FOAF.page),
    ("communique", FOAF.page),
]

INVERSES = [
    ("hasParticipation", "participationIn"),
    ("participant", "participatedIn"),
    ("hasDiscussionItem", "discussionItemOf"),
    ("describedIn", "reportsOn"),
]
FUNCTIONAL = ["startDate", "endDate", "ordinal", "participationIn", "organization"]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


def itukg_terms(graph: Graph) -> set[URIRef]:
    """Every itukg: IRI the ontology defines (as subject of an rdf:type)."""
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(ITUKG))}


# ---------------------------------------------------------------- parsing and header


def test_ontology_file_parses_and_is_not_trivial(ontology):
    assert ontology_file().is_file()
    assert len(ontology) > 500


def test_header(ontology):
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY, OWL.versionIRI) == URIRef("https://w3id.org/itukg/ontology/0.1.0")
    assert ontology.value(ONTOLOGY, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY, DCTERMS.license) == URIRef("https://www.apache.org/licenses/LICENSE-2.0")
    for prop in (DCTERMS.title, DCTERMS.description):
        value = ontology.value(ONTOLOGY, prop)
        assert isinstance(value, Literal) and value.language == "en" and len(value) > 10, prop
    for prop in (DCTERMS.created, DCTERMS.modified):
        assert ontology.value(ONTOLOGY, prop).datatype == XSD.date, prop
    assert ontology.value(ONTOLOGY, VANN.preferredNamespacePrefix) == Literal("itukg")
    assert str(ontology.value(ONTOLOGY, VANN.preferredNamespaceUri)) == str(ITUKG)


def test_file_opens_with_an_explanatory_comment():
    head = ontology_file().read_text(encoding="utf-8").splitlines()[:40]
    comments = [line for line in head if line.startswith("#")]
    assert len(comments) > 15
    text = "\n".join(comments).lower()
    for section in ("header", "external", "classes", "object properties", "datatype properties", "evidence"):
        assert section in text, section


# ---------------------------------------------------------------- the contract's terms


def test_every_class_of_the_contract_is_an_owl_class(ontology):
    missing = [c for c in CLASSES if (ITUKG[c], RDF.type, OWL.Class) not in ontology]
    assert not missing


def test_every_property_of_the_contract_has_its_kind(ontology):
    wrong = [p for p in OBJECT_PROPERTIES if (ITUKG[p], RDF.type, OWL.ObjectProperty) not in ontology]
    wrong += [p for p in DATATYPE_PROPERTIES if (ITUKG[p], RDF.type, OWL.DatatypeProperty) not in ontology]
    wrong += [p for p in PLAIN_PROPERTIES if (ITUKG[p], RDF.type, RDF.Property) not in ontology]
    assert not wrong


def test_no_itukg_term_beyond_the_contract(ontology):
    """A term added to the ontology must be added to docs/model.md (and to the lists above)."""
    known = {ITUKG[t] for t in CLASSES + OBJECT_PROPERTIES + DATATYPE_PROPERTIES + PLAIN_PROPERTIES}
    assert itukg_terms(ontology) == known


def test_every_itukg_iri_used_is_defined(ontology):
    """Catches typos such as itukg:Particpation in a domain or range."""
    defined = itukg_terms(ontology)
    used = {
        node
        for triple in ontology
        for node in triple
        if isinstance(node, URIRef) and node.startswith(str(ITUKG))
    }
    assert used <= defined, sorted(used - defined)


def test_every_itukg_term_is_documented(ontology):
    problems = []
    for term in sorted(itukg_terms(ontology)):
        labels = [lab for lab in ontology.objects(term, RDFS.label) if isinstance(lab, Literal) and lab.language == "en"]
        definitions = [
            d for d in ontology.objects(term, SKOS.definition) if isinstance(d, Literal) and d.language == "en"
        ]
        if len(labels) != 1:
            problems.append(f"{term}: {len(labels)} rdfs:label@en")
        if len(definitions) != 1 or len(definitions[0]) < 10:
            problems.append(f"{term}: skos:definition@en missing or too short")
        if ontology.value(term, RDFS.isDefinedBy) != ONTOLOGY:
            problems.append(f"{term}: rdfs:isDefinedBy")
    assert not problems, "\n".join(problems)


def test_object_and_datatype_properties_have_fitting_ranges(ontology):
    for p in DATATYPE_PROPERTIES:
        for rng in ontology.objects(ITUKG[p], RDFS.range):
            assert str(rng).startswith(str(XSD)) or rng == RDFS.Literal, (p, rng)
    for p in OBJECT_PROPERTIES:
        for rng in ontology.objects(ITUKG[p], RDFS.range):
            assert not str(rng).startswith(str(XSD)), (p, rng)
    # a day, a month or a year, as precisely as the text says (the shapes name the three datatypes)
    assert ontology.value(ITUKG.startDate, RDFS.range) == RDFS.Literal
    assert ontology.value(ITUKG.endDate, RDFS.range) == RDFS.Literal
    for p in ("ordinal", "participantCount", "countValue", "position", "groupNumber", "start", "end"):
        assert ontology.value(ITUKG[p], RDFS.range) == XSD.integer, p


def test_shared_properties_have_no_domain_or_range_that_would_mistype(ontology):
    # itukg:topic is on meetings and discussion items; postIn and partOf point to
    # organizations or groups: a single rdfs:domain / rdfs:range would mistype under OWL RL.
    assert ontology.value(ITUKG.topic, RDFS.domain) is None
    assert ontology.value(ITUKG.postIn, RDFS.range) is None
    assert ontology.value(ITUKG.partOf, RDFS.domain) is None
    assert ontology.value(ITUKG.partOf, RDFS.range) is None
    assert ontology.value(ITUKG.studyPeriod, RDFS.domain) is None
    # and no domain or range anywhere is a blank node (a union would make OWL RL
    # type instances with anonymous classes)
    for prop in (RDFS.domain, RDFS.range):
        for s, o in ontology.subject_objects(prop):
            if s.startswith(str(ITUKG)):
                assert isinstance(o, URIRef), (s, prop)


def test_inverses_functional_and_transitive(ontology):
    for a, b in INVERSES:
        assert (ITUKG[a], OWL.inverseOf, ITUKG[b]) in ontology or (ITUKG[b], OWL.inverseOf, ITUKG[a]) in ontology
    for p in FUNCTIONAL:
        assert (ITUKG[p], RDF.type, OWL.FunctionalProperty) in ontology, p
    assert (ITUKG.partOf, RDF.type, OWL.TransitiveProperty) in ontology


@pytest.mark.parametrize("sub, sup", SUBCLASS_AXIOMS, ids=[f"{a}-{b}" for a, b in SUBCLASS_AXIOMS])
def test_subclass_alignment(ontology, sub, sup):
    assert (ITUKG[sub], RDFS.subClassOf, sup) in ontology


@pytest.mark.parametrize("sub, sup", SUBPROPERTY_AXIOMS, ids=[f"{a}-{b}" for a, b in SUBPROPERTY_AXIOMS])
def test_subproperty_alignment(ontology, sub, sup):
    assert (ITUKG[sub], RDFS.subPropertyOf, sup) in ontology


def test_group_is_not_an_organization(ontology):
    assert (ITUKG.ITUTGroup, RDFS.subClassOf, ITUKG.Organization) not in ontology


def test_external_terms_are_declared(ontology):
    """Every class or property aligned to is typed, so OWL RL knows what it is."""
    for _, sup in SUBCLASS_AXIOMS:
        if not sup.startswith(str(ITUKG)):
            assert (sup, RDF.type, OWL.Class) in ontology, sup
    for _, sup in SUBPROPERTY_AXIOMS:
        kinds = set(ontology.objects(sup, RDF.type))
        assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, sup


def test_no_same_as_and_https_schema_only(ontology):
    nodes = {node for triple in ontology for node in triple}
    assert OWL.sameAs not in nodes
    assert not [n for n in nodes if isinstance(n, URIRef) and n.startswith("http://schema.org")]


# ---------------------------------------------------------------- OWL RL closure

INSTANCES = """
@prefix itukg: <https://w3id.org/itukg/ontology#> .
@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .
@prefix m:     <https://w3id.org/itukg/id/meeting/> .
@prefix o:     <https://w3id.org/itukg/id/organization/> .
@prefix g:     <https://w3id.org/itukg/id/group/> .
@prefix t:     <https://w3id.org/itukg/id/topic/> .
@prefix pl:    <https://w3id.org/itukg/id/place/> .
@prefix c:     <https://w3id.org/itukg/id/country/> .
@prefix d:     <https://w3id.org/itukg/id/document/> .
@prefix e:     <https://w3id.org/itukg/id/evidence/> .
@prefix pa:    <https://w3id.org/itukg/id/participation/> .
@prefix it:    <https://w3id.org/itukg/id/item/> .
@prefix pe:    <https://w3id.org/itukg/id/person/> .
@prefix po:    <https://w3id.org/itukg/id/post/> .

m:cto-meeting-2018-09-09-durban a itukg:CTOMeeting ;
    rdfs:label "CTO meeting, Durban, 2018" ;
    itukg:startDate "2018-09-09"^^xsd:date ;
    itukg:endDate "2018-09-09"^^xsd:date ;
    itukg:location pl:durban ;
    itukg:topic t:quantum-safe-cryptography ;
    itukg:hasDiscussionItem it:cto-1 ;
    itukg:describedIn d:abc .

# stated from the organization's side only (inverse of itukg:participant)
o:ericsson a itukg:Organization ; rdfs:label "Ericsson" ;
    itukg:participatedIn m:cto-meeting-2018-09-09-durban .
# stated only as a participation record (property chain)
o:nokia a itukg:Organization ; rdfs:label "Nokia" .
pa:nokia a itukg:Participation ;
    itukg:participationIn m:cto-meeting-2018-09-09-durban ;
    itukg:organization o:nokia .

pl:durban a itukg:City ; rdfs:label "Durban" ; itukg:inCountry c:ZA .
c:ZA a itukg:Country ; rdfs:label "South Africa" ; itukg:isoAlpha2 "ZA" .

t:quantum-safe-cryptography a itukg:Topic ; skos:prefLabel "quantum-safe cryptography"@en .
t:security a itukg:Topic ; skos:prefLabel "security"@en .
it:cto-1 a itukg:DiscussionItem ; rdfs:label "Application security" ; itukg:topic t:security .

o:itu a itukg:Organization ; rdfs:label "ITU" .
g:tsag a itukg:AdvisoryGroup ; rdfs:label "TSAG" ; itukg:partOf o:itu .
g:rg-stdsstrat a itukg:RapporteurGroup ; rdfs:label "RG-StdsStrat" ; itukg:partOf g:tsag .

pe:houlin-zhao a itukg:Person ; rdfs:label "Houlin Zhao" ; itukg:name "Houlin Zhao" ;
    itukg:holdsPost po:itu-secretary-general .
po:itu-secretary-general a itukg:Post ; rdfs:label "ITU Secretary-General" ; itukg:postIn o:itu .
po:tsb-director a itukg:Post ; rdfs:label "Director of TSB" ; itukg:postIn g:tsag .

d:abc a itukg:Document ; itukg:sha256 "abc" .
e:abc-1 a itukg:Evidence ;
    itukg:inDocument d:abc ;
    itukg:evidenceSubject m:cto-meeting-2018-09-09-durban ;
    itukg:evidencePredicate itukg:location ;
    itukg:evidenceObject pl:durban ;
    itukg:start 30 ; itukg:end 36 ; itukg:quote "Durban" .
"""

MEETING = ID["meeting/cto-meeting-2018-09-09-durban"]

# Each query uses only schema.org, ORG, SKOS, FOAF, DCTERMS and PROV terms.
FOREIGN_PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

FOREIGN_QUERIES = {
    "meeting as schema:Event with date and place": (
        """SELECT ?m WHERE { ?m a schema:Event ; schema:startDate "2018-09-09"^^xsd:date ;
                                 schema:endDate ?end ; schema:location ?place .
                            ?place a schema:City , schema:Place ;
                                   schema:containedInPlace ?country . ?country a schema:Country . }""",
        {(MEETING,)},
    ),
    "organizations attending, via inverse and via participation": (
        """SELECT ?o WHERE { ?m a schema:Event ; schema:attendee ?o .
                            ?o a org:Organization , schema:Organization , foaf:Organization . }""",
        {(ID["organization/ericsson"],), (ID["organization/nokia"],)},
    ),
    "topics of the meeting as skos:Concept via schema:about": (
        """SELECT ?t WHERE { ?m a schema:Event ; schema:about ?t . ?t a skos:Concept . }""",
        {(ID["topic/quantum-safe-cryptography"],)},
    ),
    "topics of discussion items via dcterms:subject, items as dcterms:hasPart": (
        """SELECT ?t WHERE { ?m a schema:Event ; dcterms:hasPart ?i . ?i dcterms:subject ?t .
                            ?t a skos:Concept . }""",
        {(ID["topic/security"],)},
    ),
    "groups as org:OrganizationalUnit, org:subOrganizationOf transitively": (
        """SELECT ?unit ?parent WHERE { ?unit a org:OrganizationalUnit ; org:subOrganizationOf ?parent . }""",
        {
            (ID["group/tsag"], ID["organization/itu"]),
            (ID["group/rg-stdsstrat"], ID["group/tsag"]),
            (ID["group/rg-stdsstrat"], ID["organization/itu"]),
        },
    ),
    "document as prov:Entity, evidence derived from it": (
        """SELECT ?e ?d WHERE { ?d a prov:Entity , foaf:Document . ?e a prov:Entity ; prov:wasDerivedFrom ?d . }""",
        {(ID["evidence/abc-1"], ID["document/abc"])},
    ),
    "meeting sourced from its document": (
        """SELECT ?d WHERE { ?m a schema:Event ; dcterms:source ?d . ?d a foaf:Document . }""",
        {(ID["document/abc"],)},
    ),
    "person holding a post in an organization": (
        """SELECT ?name ?org WHERE { ?p a schema:Person , foaf:Person ; schema:name ?name ; foaf:name ?name ;
                                         org:holds ?post . ?post a org:Post ; org:postIn ?org . }""",
        {(Literal("Houlin Zhao"), ID["organization/itu"])},
    ),
}


@pytest.fixture(scope="module")
def closure(ontology) -> Graph:
    graph = Graph()
    for triple in ontology:
        graph.add(triple)
    graph.parse(data=INSTANCES, format="turtle")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return graph


@pytest.mark.parametrize("name", list(FOREIGN_QUERIES))
def test_owl_rl_closure_answers_queries_in_standard_vocabularies(closure, name):
    query, expected = FOREIGN_QUERIES[name]
    assert "itukg" not in query
    rows = {tuple(row) for row in closure.query(FOREIGN_PREFIXES + query)}
    assert rows == expected


def test_owl_rl_closure_infers_no_wrong_types(closure):
    # itukg:topic on a discussion item must not make it a meeting,
    # itukg:partOf must not make the ITU a group, nor groups organizations,
    # itukg:postIn must not make a group an organization or the ITU a group.
    assert (ID["item/cto-1"], RDF.type, ITUKG.Meeting) not in closure
    assert (ID["organization/itu"], RDF.type, ITUKG.ITUTGroup) not in closure
    assert (ID["group/tsag"], RDF.type, ITUKG.Organization) not in closure
    assert (ID["group/rg-stdsstrat"], RDF.type, ITUKG.Organization) not in closure
    # no anonymous classes as types, no owl:sameAs between distinct named individuals
    for s, o in closure.subject_objects(RDF.type):
        if isinstance(s, URIRef) and s.startswith(str(ID)):
            assert isinstance(o, URIRef), (s, o)
    for s, o in closure.subject_objects(OWL.sameAs):
        assert s == o, (s, o)


def test_owl_rl_closure_fills_inverses(closure):
    assert (MEETING, ITUKG.participant, ID["organization/ericsson"]) in closure
    assert (MEETING, ITUKG.participant, ID["organization/nokia"]) in closure
    assert (ID["organization/nokia"], ITUKG.participatedIn, MEETING) in closure
    assert (MEETING, ITUKG.hasParticipation, ID["participation/nokia"]) in closure
    assert (ID["item/cto-1"], ITUKG.discussionItemOf, MEETING) in closure
    assert (ID["document/abc"], ITUKG.reportsOn, MEETING) in closure
    assert (MEETING, RDF.type, ITUKG.Meeting) in closure
    assert (MEETING, RDF.type, ITUKG.Event) in closure


def test_every_kind_of_meeting_is_a_direct_subclass_of_meeting(ontology):
    """queries/meetings.rq reads the kinds of meetings one rdfs:subClassOf step below itukg:Meeting."""
    below = set(ontology.transitive_subjects(RDFS.subClassOf, ITUKG.Meeting)) - {ITUKG.Meeting}
    assert below and below == set(ontology.subjects(RDFS.subClassOf, ITUKG.Meeting))


def test_every_kind_of_group_is_a_direct_subclass_of_itutgroup(ontology):
    """queries/groups.rq reads the kinds of groups one rdfs:subClassOf step below itukg:ITUTGroup."""
    below = set(ontology.transitive_subjects(RDFS.subClassOf, ITUKG.ITUTGroup)) - {ITUKG.ITUTGroup}
    assert below and below == set(ontology.subjects(RDFS.subClassOf, ITUKG.ITUTGroup))
