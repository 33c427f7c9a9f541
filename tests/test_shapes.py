"""The SHACL shapes (shapes/itukg-shapes.ttl), with real pyshacl.

tests/data/shapes/valid.ttl is a small graph that conforms without a single warning.
Each case below breaks it in one way (a SPARQL Update) and expects pyshacl to report
exactly that: the named shape, its message, its severity and the focus node, and no
other shape. Validation is called the way the build calls it (see VALIDATE_OPTIONS
and the comment at the top of the shapes file)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from itukg.graph.resources import ontology_file, reference_files, shapes_file

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = Namespace("https://w3id.org/itukg/shapes#")
ITUKG = Namespace("https://w3id.org/itukg/ontology#")
ID = "https://w3id.org/itukg/id/"
DATA = Path(__file__).parent / "data" / "shapes"

#: How itukg validates: ontology as ont_graph (its subclass axioms are mixed in),
#: no inference, warnings reported but not fatal.
VALIDATE_OPTIONS = dict(inference="none", allow_warnings=True)

# Short names for the nodes of valid.ttl the cases touch (expanded to <IRI>).
NODES = {
    "@CTO": "meeting/cto-meeting-2018-09-09-durban",
    "@SGLA": "meeting/leadership-assembly-2019-09-09-budapest",
    "@CONSULT": "meeting/cto-consultation-2018-05-09-california",
    "@SGM": "meeting/study-group-meeting-2019-01-22-geneva",
    "@TSAGM": "meeting/tsag-meeting-2019-02-11-geneva",
    "@ACTION": "meeting/cto-meeting-2018-09-09-durban-action-1",
    "@COUNT": "meeting/cto-meeting-2018-09-09-durban-count-1",
    "@P_ERICSSON": "participation/cto-meeting-2018-09-09-durban/ericsson",
    "@P_NOKIA": "participation/cto-meeting-2018-09-09-durban/nokia",
    "@ITEM": "item/cto-meeting-2018-09-09-durban/1",
    "@DOC": "document/86a890ab9bc313e226b55fad8d474c06281ff84c18272358e19bf82c093e38c5",
    "@EV1": "evidence/86a890ab9bc313e2/1",
    "@SERIES": "series/cto-meeting",
    "@WORLD": "event/itu-telecom-world-2018",
    "@PP18": "event/pp-18",
    "@ITU": "organization/itu",
    "@ITUR": "organization/itu-r",
    "@ERICSSON": "organization/ericsson",
    "@NOKIA": "organization/nokia",
    "@SYMANTEC": "organization/symantec",
    "@TSB": "group/tsb",
    "@TSAG": "group/tsag",
    "@RG": "group/rg-stdsstrat",
    "@SG17": "group/sg17",
    "@FG": "group/fg-net-2030",
    "@SECURITY": "topic/security",
    "@QSC": "topic/quantum-safe-cryptography",
    "@ZHAO": "person/houlin-zhao",
    "@SG_POST": "post/itu-secretary-general",
    "@DIR_POST": "post/tsb-director",
    "@DURBAN": "place/durban",
    "@BUDAPEST": "place/budapest",
    "@CALIFORNIA": "place/california",
    "@ZA": "country/ZA",
    "@SE": "country/SE",
    "@FI": "country/FI",
    "@HU": "country/HU",
    "@US": "country/US",
}

PREFIXES = """
PREFIX itukg: <https://w3id.org/itukg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""


def expand(text: str) -> str:
    # longest names first, so @P_ERICSSON is not read as @P_... + ERICSSON
    for short in sorted(NODES, key=len, reverse=True):
        text = text.replace(short, f"<{ID}{NODES[short]}>")
    return text


def node(short: str) -> URIRef:
    return URIRef(ID + NODES[short])


def replace(subject: str, prop: str, new: str) -> str:
    """A SPARQL Update replacing every value of subject's prop by new."""
    return f"DELETE {{ {subject} {prop} ?old }} INSERT {{ {subject} {prop} {new} }} WHERE {{ {subject} {prop} ?old }}"


def remove(subject: str, prop: str) -> str:
    """A SPARQL Update deleting every value of subject's prop."""
    return f"DELETE {{ {subject} {prop} ?old }} WHERE {{ {subject} {prop} ?old }}"


@dataclass(frozen=True)
class Case:
    id: str
    update: str
    shape: str  # local name in itukgsh:
    message: str  # a fragment of the expected sh:resultMessage
    focus: str | tuple[str, ...]  # short node name(s) of the expected focus node(s)
    warning: bool = False
    also: frozenset[str] = field(default_factory=frozenset)  # other shapes the break trips


V, W = False, True

CASES = [
    # ------------------------------------------------------------------ events and meetings
    Case("event-without-label", "DELETE DATA { @WORLD rdfs:label \"ITU Telecom World 2018\" }",
         "Event-label", "needs an rdfs:label", "@WORLD"),
    Case("meeting-label-with-language-tag", replace("@CTO", "rdfs:label", '"CTO meeting"@en'),
         "Event-label", "plain string without a language tag", "@CTO"),
    Case("start-date-as-string", replace("@SGLA", "itukg:startDate", '"2019-09-09"'),
         "Event-startDate", "must be an xsd:date", "@SGLA", also=frozenset({"Event-dateOrder"})),
    Case("two-start-dates", 'INSERT DATA { @SGLA itukg:startDate "2019-09-08"^^xsd:date }',
         "Event-startDate", "at most one start date", "@SGLA"),
    Case("two-end-dates", 'INSERT DATA { @SGLA itukg:endDate "2019-09-11"^^xsd:date }',
         "Event-endDate", "at most one end date", "@SGLA"),
    Case("end-before-start", replace("@SGLA", "itukg:endDate", '"2019-09-08"^^xsd:date'),
         "Event-dateOrder", "ends (itukg:endDate) before it starts", "@SGLA"),
    Case("ordinal-zero", "INSERT DATA { @SGLA itukg:ordinal 0 }",
         "Event-ordinal", "positive xsd:integer", "@SGLA"),
    Case("location-not-a-place", "INSERT DATA { @SGLA itukg:location @ITU }",
         "Event-location", "must be an itukg:Place", "@SGLA"),
    Case("host-not-an-organization", "INSERT DATA { @SGLA itukg:host @HU }",
         "Event-host", "must be an itukg:Organization", "@SGLA"),
    Case("series-not-a-series", "INSERT DATA { @SGLA itukg:inSeries @PP18 }",
         "Event-inSeries", "itukg:MeetingSeries", "@SGLA"),
    Case("web-page-as-string", 'INSERT DATA { @WORLD itukg:webPage "https://www.itu.int/world2018" }',
         "Event-webPage", "must be an IRI", "@WORLD"),
    Case("meeting-without-start-date", remove("@SGLA", "itukg:startDate"),
         "Meeting-startDate", "has no date", "@SGLA", W),
    Case("start-date-as-a-day-and-month", replace("@SGLA", "itukg:startDate", '"--09-09"^^xsd:gMonthDay'),
         "Event-startDate", "xsd:gYearMonth or xsd:gYear", "@SGLA", also=frozenset({"Event-dateOrder"})),
    Case("document-mentions-a-string", 'INSERT DATA { @DOC itukg:mentions "Ericsson" }',
         "Document-mentions", "named by an IRI", "@DOC"),
    Case("document-mentions-a-meeting", 'INSERT DATA { @DOC itukg:mentions @SGLA }',
         "Document-mentions", "organization, person, ITU-T group, topic or place", "@DOC"),
    Case("document-keyphrase-as-iri", 'INSERT DATA { @DOC itukg:keyphrase @SECURITY }',
         "Document-keyphrase", "plain string", "@DOC"),
    Case("document-published-as-string", 'INSERT DATA { @DOC itukg:published "30 May 2016" }',
         "Document-published", "an xsd:date", "@DOC"),
    Case("meeting-without-place", "DELETE DATA { @SGLA itukg:location @BUDAPEST }",
         "Meeting-location", "has no place", "@SGLA", W),
    Case("attendance-mode-not-a-mode", "INSERT DATA { @SGLA itukg:attendanceMode @BUDAPEST }",
         "Meeting-attendanceMode", "attendance mode", "@SGLA"),
    Case("two-attendance-modes", "INSERT DATA { @SGLA itukg:attendanceMode <https://schema.org/OnlineEventAttendanceMode> , "
         "<https://schema.org/MixedEventAttendanceMode> }", "Meeting-attendanceMode", "attendance mode", "@SGLA"),
    Case("meeting-of-two-kinds", "INSERT DATA { @SGLA a itukg:TSAGMeeting }",
         "MeetingKindShape", "more than one kind of meeting", "@SGLA", W),
    Case("co-located-with-a-place", "INSERT DATA { @SGLA itukg:coLocatedWith @BUDAPEST }",
         "Meeting-coLocatedWith", "only with an itukg:Event", "@SGLA"),
    Case("participant-count-negative", replace("@SGLA", "itukg:participantCount", "-5"),
         "Meeting-participantCount", "non-negative xsd:integer", "@SGLA"),
    Case("participant-count-as-text", replace("@SGLA", "itukg:participantCount", '"more than 50"'),
         "Meeting-participantCount", "non-negative xsd:integer", "@SGLA"),
    Case("participant-count-qualifier-unknown", replace("@SGLA", "itukg:participantCountQualifier", '"over"'),
         "Meeting-participantCountQualifier", 'one of "exactly", "more than", "at least" or "about"', "@SGLA"),
    Case("has-participation-not-a-participation", "INSERT DATA { @SGLA itukg:hasParticipation @NOKIA }",
         "Meeting-hasParticipation", "must be an itukg:Participation", "@SGLA"),
    Case("participant-is-a-group", "INSERT DATA { @SGLA itukg:participant @TSB }",
         "Meeting-participant", "must be an itukg:Organization", "@SGLA"),
    Case("group-represented-is-an-organization", "INSERT DATA { @SGLA itukg:groupRepresented @ITU }",
         "Meeting-groupRepresented", "must be an itukg:ITUTGroup", "@SGLA"),
    Case("mentions-group-organization", "INSERT DATA { @SGLA itukg:mentionsGroup @ITU }",
         "Meeting-mentionsGroup", "must be an itukg:ITUTGroup", "@SGLA"),
    Case("mentions-organization-group", "INSERT DATA { @SGLA itukg:mentionsOrganization @TSB }",
         "Meeting-mentionsOrganization", "must be an itukg:Organization", "@SGLA"),
    Case("mentions-person-post", "INSERT DATA { @SGLA itukg:mentionsPerson @DIR_POST }",
         "Meeting-mentionsPerson", "must be an itukg:Person", "@SGLA"),
    Case("mentions-event-string", 'INSERT DATA { @SGLA itukg:mentionsEvent "WTSA-20" }',
         "Meeting-mentionsEvent", "must be an itukg:Event", "@SGLA"),
    Case("topic-untyped", f"INSERT DATA {{ @SGLA itukg:topic <{ID}topic/network-slicing> }}",
         "Meeting-topic", "must be an itukg:Topic", "@SGLA"),
    Case("discussion-item-not-an-item", "INSERT DATA { @SGLA itukg:hasDiscussionItem @SECURITY }",
         "Meeting-hasDiscussionItem", "must be an itukg:DiscussionItem", "@SGLA"),
    Case("next-meeting-not-a-meeting", "INSERT DATA { @SGLA itukg:nextMeeting @PP18 }",
         "Meeting-nextMeeting", "must be an itukg:Meeting", "@SGLA"),
    Case("group-action-not-an-action", "INSERT DATA { @SGLA itukg:hasGroupAction @COUNT }",
         "Meeting-hasGroupAction", "must be an itukg:GroupAction", "@SGLA"),
    Case("stated-count-not-a-count", "INSERT DATA { @SGLA itukg:statedCount @ACTION }",
         "Meeting-statedCount", "must be an itukg:StatedCount", "@SGLA"),
    Case("communique-as-string", 'INSERT DATA { @SGLA itukg:communique "https://www.itu.int/c.pdf" }',
         "Meeting-communique", "must be an IRI", "@SGLA"),
    Case("described-in-not-a-document", "INSERT DATA { @SGLA itukg:describedIn @BUDAPEST }",
         "Meeting-describedIn", "itukg:Document only", "@SGLA"),
    Case("meeting-study-period-malformed", 'INSERT DATA { @SGLA itukg:studyPeriod "2017/2020" }',
         "Meeting-studyPeriod", 'such as "2017-2020"', "@SGLA"),
    Case("cto-consultation-without-participants", "DELETE DATA { @CONSULT itukg:participant @SYMANTEC }",
         "CTOMeeting-participants", "lists no participating organization", "@CONSULT", W),
    Case("leadership-assembly-without-groups", "DELETE DATA { @SGLA itukg:groupRepresented @TSAG , @SG17 }",
         "LeadershipAssembly-groups", "names no ITU-T group", "@SGLA", W),
    Case("study-group-meeting-of-no-study-group",
         "DELETE DATA { @SGM itukg:groupRepresented @SG17 } ; INSERT DATA { @SGM itukg:groupRepresented @TSAG }",
         "StudyGroupMeeting-group", "does not name its study group", "@SGM", W),
    Case("tsag-meeting-without-tsag", "DELETE DATA { @TSAGM itukg:mentionsGroup @TSAG }",
         "TSAGMeeting-group", "does not name TSAG", "@TSAGM", W),
    Case("tsag-meeting-naming-only-a-rapporteur-group",
         "DELETE DATA { @TSAGM itukg:mentionsGroup @TSAG } ; INSERT DATA { @TSAGM itukg:groupRepresented @RG }",
         "TSAGMeeting-group", "does not name TSAG", "@TSAGM", W),
    Case("series-without-label", 'DELETE DATA { @SERIES rdfs:label "CTO meetings" }',
         "MeetingSeries-label", "needs an rdfs:label", "@SERIES"),
    # ------------------------------------------------------------------ participation
    Case("participation-without-meeting", "DELETE DATA { @P_ERICSSON itukg:participationIn @CTO }",
         "Participation-meeting", "exactly one itukg:Meeting", "@P_ERICSSON"),
    Case("participation-in-two-meetings", "INSERT DATA { @P_ERICSSON itukg:participationIn @SGLA }",
         "Participation-meeting", "exactly one itukg:Meeting", "@P_ERICSSON"),
    Case("participation-in-an-event",
         "DELETE DATA { @CTO itukg:hasParticipation @P_NOKIA } ; INSERT DATA { @P_NOKIA itukg:participationIn @PP18 }",
         "Participation-meeting", "exactly one itukg:Meeting", "@P_NOKIA"),
    Case("participation-without-organization", "DELETE DATA { @P_ERICSSON itukg:organization @ERICSSON }",
         "Participation-organization", "exactly one itukg:Organization", "@P_ERICSSON"),
    Case("participation-with-two-organizations", "INSERT DATA { @P_ERICSSON itukg:organization @NOKIA }",
         "Participation-organization", "exactly one itukg:Organization", "@P_ERICSSON"),
    Case("participation-on-behalf-of-a-city", replace("@P_ERICSSON", "itukg:onBehalfOf", "@DURBAN"),
         "Participation-onBehalfOf", "at most one itukg:Country", "@P_ERICSSON"),
    Case("participation-without-any-country",
         "DELETE DATA { @P_ERICSSON itukg:onBehalfOf @SE . @ERICSSON itukg:basedIn @SE }",
         "Participation-country", "No country is known", "@P_ERICSSON", W),
    # ------------------------------------------------------------------ discussion items
    Case("item-without-heading", remove("@ITEM", "rdfs:label"),
         "DiscussionItem-label", "heading as rdfs:label", "@ITEM"),
    Case("item-without-meeting",
         "DELETE DATA { @ITEM itukg:discussionItemOf @CTO . @CTO itukg:hasDiscussionItem @ITEM }",
         "DiscussionItem-meeting", "exactly one itukg:Meeting", "@ITEM"),
    Case("item-with-two-texts", 'INSERT DATA { @ITEM itukg:itemText "More text." }',
         "DiscussionItem-itemText", "at most one text", "@ITEM"),
    Case("item-position-as-word", replace("@ITEM", "itukg:position", '"first"'),
         "DiscussionItem-position", "non-negative xsd:integer", "@ITEM"),
    Case("item-topic-not-a-topic", "INSERT DATA { @ITEM itukg:topic @SG17 }",
         "DiscussionItem-topic", "must be an itukg:Topic", "@ITEM"),
    # ------------------------------------------------------------------ group actions, stated counts
    Case("action-without-meeting", "DELETE DATA { @CTO itukg:hasGroupAction @ACTION }",
         "GroupAction-meeting", "must belong to a meeting", "@ACTION"),
    Case("action-without-actor", "DELETE DATA { @ACTION itukg:actor @SG17 }",
         "GroupAction-actor", "exactly one itukg:ITUTGroup", "@ACTION"),
    Case("action-by-an-organization", replace("@ACTION", "itukg:actor", "@ITU"),
         "GroupAction-actor", "exactly one itukg:ITUTGroup", "@ACTION"),
    Case("action-kind-unknown", replace("@ACTION", "itukg:actionKind", '"urge"'),
         "GroupAction-actionKind", '"prioritize", "lead", "study", "review", "coordinate", "develop" or "establish"', "@ACTION"),
    Case("action-topic-not-a-topic", "INSERT DATA { @ACTION itukg:actionTopic @ITU }",
         "GroupAction-actionTopic", "must be an itukg:Topic", "@ACTION"),
    Case("action-with-two-texts", 'INSERT DATA { @ACTION itukg:actionText "Another sentence." }',
         "GroupAction-actionText", "at most one text", "@ACTION"),
    Case("count-without-meeting", "DELETE DATA { @CTO itukg:statedCount @COUNT }",
         "StatedCount-meeting", "must belong to a meeting", "@COUNT"),
    Case("count-value-as-string", replace("@COUNT", "itukg:countValue", '"24"'),
         "StatedCount-countValue", "exactly one value", "@COUNT"),
    Case("count-of-nothing", 'DELETE DATA { @COUNT itukg:countOf "new Associates" }',
         "StatedCount-countOf", "saying what it counts", "@COUNT"),
    # ------------------------------------------------------------------ organizations
    Case("organization-without-label", 'DELETE DATA { @NOKIA rdfs:label "Nokia" }',
         "Organization-label", "needs an rdfs:label", "@NOKIA"),
    Case("organization-label-with-language-tag", replace("@SYMANTEC", "rdfs:label", '"Symantec"@en'),
         "Organization-label", "without a language tag", "@SYMANTEC"),
    Case("group-typed-as-organization", "INSERT DATA { @SG17 a itukg:Organization }",
         "OrganizationShape", "must not also be typed itukg:Organization", "@SG17"),
    Case("organization-with-two-english-preflabels", 'INSERT DATA { @ITU skos:prefLabel "The ITU"@en }',
         "Organization-prefLabel", "at most one skos:prefLabel per language", "@ITU"),
    Case("organization-alias-iri", "INSERT DATA { @ITU skos:altLabel <https://www.itu.int/> }",
         "Organization-altLabel", "must be a literal", "@ITU"),
    Case("organization-based-in-a-city", replace("@NOKIA", "itukg:basedIn", "@DURBAN"),
         "Organization-basedIn", "at most one itukg:Country", "@NOKIA"),
    Case("organization-participated-in-an-event", "INSERT DATA { @ERICSSON itukg:participatedIn @PP18 }",
         "Organization-participatedIn", "itukg:Meeting instances only", "@ERICSSON"),
    Case("organization-exact-match-as-string", 'INSERT DATA { @ERICSSON skos:exactMatch "Q52601" }',
         "Organization-match", "must be an IRI", "@ERICSSON"),
    Case("same-as", "INSERT DATA { @ERICSSON owl:sameAs <http://www.wikidata.org/entity/Q52601> }",
         "NoSameAs-sameAs", "owl:sameAs is not allowed", "@ERICSSON"),
    # ------------------------------------------------------------------ ITU-T groups
    Case("group-without-label", 'DELETE DATA { @TSB rdfs:label "TSB" }',
         "ITUTGroup-label", "needs an rdfs:label", "@TSB"),
    Case("group-notation-iri", "INSERT DATA { @TSB skos:notation <urn:x-notation:tsb> }",
         "ITUTGroup-notation", "must be a literal", "@TSB"),
    Case("group-number-as-string", replace("@SG17", "itukg:groupNumber", '"17"'),
         "ITUTGroup-groupNumber", "positive xsd:integer", "@SG17"),
    Case("group-title-with-language-tag", replace("@SG17", "itukg:officialTitle", '"Security"@en'),
         "ITUTGroup-officialTitle", "plain string without a language tag", "@SG17"),
    Case("group-study-period-with-en-dash", replace("@SG17", "itukg:studyPeriod", '"2017\u20132020"'),
         "ITUTGroup-studyPeriod", 'such as "2017-2020"', "@SG17"),
    Case("group-part-of-a-topic", "INSERT DATA { @TSB itukg:partOf @SECURITY }",
         "ITUTGroup-partOf", "an itukg:Sector or an itukg:Organization only", "@TSB"),
    Case("group-established-as-text", replace("@FG", "itukg:established", '"July 2018"'),
         "ITUTGroup-established", "xsd:date, xsd:gYearMonth or xsd:gYear", "@FG"),
    Case("group-part-of-cycle", "INSERT DATA { @TSAG itukg:partOf @RG }",
         "ITUTGroupShape", "part of itself through a cycle", ("@TSAG", "@RG")),
    Case("sector-as-organization", 'INSERT DATA { @ITUR a itukg:Sector , itukg:Organization ; rdfs:label "ITU-R" }',
         "SectorShape", "must not also be typed itukg:Organization", "@ITUR"),
    Case("sector-without-label", "INSERT DATA { @ITUR a itukg:Sector }",
         "Sector-label", "needs an rdfs:label", "@ITUR"),
    Case("study-group-without-number", "DELETE DATA { @SG17 itukg:groupNumber 17 }",
         "StudyGroup-groupNumber", "has no number", "@SG17", W),
    # ------------------------------------------------------------------ people and posts
    Case("person-without-label", 'DELETE DATA { @ZHAO rdfs:label "Houlin Zhao" }',
         "Person-label", "needs an rdfs:label", "@ZHAO"),
    Case("person-with-two-names", 'INSERT DATA { @ZHAO itukg:name "Zhao Houlin" }',
         "Person-name", "at most one name", "@ZHAO"),
    Case("honorific-with-language-tag", replace("@ZHAO", "itukg:honorific", '"Mr"@en'),
         "Person-honorific", "must be a plain string", "@ZHAO"),
    Case("holds-post-organization", "INSERT DATA { @ZHAO itukg:holdsPost @ITU }",
         "Person-holdsPost", "must be an itukg:Post", "@ZHAO"),
    Case("affiliation-a-country", "INSERT DATA { @ZHAO itukg:affiliation @DURBAN }",
         "Person-affiliation", "must be an itukg:Organization", "@ZHAO"),
    Case("nationality-an-organization", "INSERT DATA { @ZHAO itukg:nationality @ITU }",
         "Person-nationality", "must be an itukg:Country", "@ZHAO"),
    Case("post-without-label", 'DELETE DATA { @DIR_POST rdfs:label "Director of TSB" }',
         "Post-label", "needs an rdfs:label", "@DIR_POST"),
    Case("post-in-a-person", replace("@DIR_POST", "itukg:postIn", "@ZHAO"),
         "Post-postIn", "itukg:Organization or itukg:ITUTGroup", "@DIR_POST"),
    # ------------------------------------------------------------------ places
    Case("city-without-label", 'DELETE DATA { @BUDAPEST rdfs:label "Budapest" }',
         "Place-label", "needs an rdfs:label", "@BUDAPEST"),
    Case("country-without-label", 'DELETE DATA { @HU rdfs:label "Hungary" }',
         "Place-label", "needs an rdfs:label", "@HU"),
    Case("place-alt-label-iri", "INSERT DATA { @DURBAN skos:altLabel <urn:x-label:ethekwini> }",
         "Place-altLabel", "must be a literal", "@DURBAN"),
    Case("place-in-a-city", replace("@DURBAN", "itukg:inCountry", "@BUDAPEST"),
         "Place-inCountry", "at most one itukg:Country", "@DURBAN"),
    Case("city-without-country", "DELETE DATA { @DURBAN itukg:inCountry @ZA }",
         "City-inCountry", "The city has no country", "@DURBAN", W),
    Case("region-without-country", "DELETE DATA { @CALIFORNIA itukg:inCountry @US }",
         "Region-inCountry", "The region has no country", "@CALIFORNIA", W),
    Case("country-without-code", 'DELETE DATA { @FI itukg:isoAlpha2 "FI" }',
         "Country-isoAlpha2", "exactly one ISO 3166-1 alpha-2 code", "@FI"),
    Case("country-code-lower-case", replace("@SE", "itukg:isoAlpha2", '"se"'),
         "Country-isoAlpha2", "two upper-case letters", "@SE"),
    Case("country-alpha3-of-two-letters", replace("@ZA", "itukg:isoAlpha3", '"ZA"'),
         "Country-isoAlpha3", "three upper-case letters", "@ZA"),
    # ------------------------------------------------------------------ topics
    Case("topic-without-english-preflabel", replace("@SECURITY", "skos:prefLabel", '"s\u00e9curit\u00e9"@fr'),
         "Topic-prefLabelEn", "English skos:prefLabel", "@SECURITY"),
    Case("topic-preflabel-without-language", replace("@SECURITY", "skos:prefLabel", '"security"'),
         "Topic-prefLabelEn", "English skos:prefLabel", "@SECURITY"),
    Case("topic-with-two-english-preflabels", 'INSERT DATA { @SECURITY skos:prefLabel "security"@en }',
         "Topic-prefLabelUnique", "at most one skos:prefLabel per language", "@SECURITY"),
    Case("topic-preflabel-also-altlabel", 'INSERT DATA { @QSC skos:altLabel "quantum-safe cryptography"@en }',
         "Topic-prefAltDisjoint", "both the skos:prefLabel and a skos:altLabel", "@QSC", W),
    Case("topic-without-definition", 'DELETE { @SECURITY skos:definition ?d } WHERE { @SECURITY skos:definition ?d }',
         "Topic-definition", "has no skos:definition", "@SECURITY", W),
    Case("topic-rdfs-label-with-language-tag", replace("@QSC", "rdfs:label", '"quantum-safe cryptography"@en'),
         "Topic-label", "without a language tag", "@QSC"),
    Case("topic-broader-not-a-concept", "INSERT DATA { @SECURITY skos:broader @SG17 }",
         "Topic-related", "must be a skos:Concept", "@SECURITY"),
    Case("topic-in-scheme-literal", 'INSERT DATA { @SECURITY skos:inScheme "topics" }',
         "Topic-inScheme", "must be an IRI", "@SECURITY"),
    Case("topic-responsible-organization", "INSERT DATA { @SECURITY itukg:responsibleGroup @ITU }",
         "Topic-responsibleGroup", "must be an itukg:ITUTGroup", "@SECURITY"),
    Case("topic-exact-match-as-string", 'INSERT DATA { @QSC skos:closeMatch "Post-quantum cryptography" }',
         "Topic-match", "must be an IRI", "@QSC"),
    # ------------------------------------------------------------------ documents
    Case("document-without-digest", remove("@DOC", "itukg:sha256"),
         "Document-sha256", "exactly one SHA-256 digest", "@DOC"),
    Case("document-digest-upper-case",
         "DELETE { @DOC itukg:sha256 ?d } INSERT { @DOC itukg:sha256 ?u } WHERE { @DOC itukg:sha256 ?d BIND (UCASE(?d) AS ?u) }",
         "Document-sha256", "64 lower-case hexadecimal digits", "@DOC"),
    Case("document-without-content", remove("@DOC", "itukg:content"),
         "Document-content", "exactly one full text", "@DOC"),
    Case("document-with-two-file-names", 'INSERT DATA { @DOC itukg:fileName "copy.txt" }',
         "Document-fileName", "at most one file name", "@DOC"),
    Case("document-with-two-titles", 'INSERT DATA { @DOC dcterms:title "Another title" }',
         "Document-title", "at most one title", "@DOC"),
    Case("document-format-iri", replace("@DOC", "dcterms:format", "<https://www.iana.org/assignments/media-types/text/plain>"),
         "Document-format", "a literal such as a media type", "@DOC"),
    Case("document-reports-on-a-place", "INSERT DATA { @DOC itukg:reportsOn @DURBAN }",
         "Document-reportsOn", "itukg:Meeting instances only", "@DOC"),
    Case("evidence-beyond-the-text", replace("@EV1", "itukg:end", "300"),
         "Document-evidenceSpan", "ends at offset 300, beyond the end of the document's text (252 characters)", "@DOC"),
    Case("evidence-quote-not-the-text", replace("@EV1", "itukg:quote", '"Durban, South Africa"'),
         "Document-evidenceSpan", 'between offsets 30 and 36, which reads "Durban"', "@DOC"),
    Case("evidence-fact-not-in-graph", replace("@EV1", "itukg:evidenceObject", "@BUDAPEST"),
         "Document-evidenceFact", "is not in the graph", "@DOC", W),
    # ------------------------------------------------------------------ evidence
    Case("evidence-without-document", "DELETE DATA { @EV1 itukg:inDocument @DOC }",
         "Evidence-inDocument", "exactly one itukg:Document", "@EV1"),
    Case("evidence-in-a-meeting", replace("@EV1", "itukg:inDocument", "@CTO"),
         "Evidence-inDocument", "exactly one itukg:Document", "@EV1"),
    Case("evidence-without-subject", "DELETE DATA { @EV1 itukg:evidenceSubject @CTO }",
         "Evidence-subject", "exactly one subject", "@EV1"),
    Case("evidence-predicate-as-string", replace("@EV1", "itukg:evidencePredicate", '"location"'),
         "Evidence-predicate", "the IRI of a property", "@EV1", also=frozenset({"Document-evidenceFact"})),
    Case("evidence-without-object", "DELETE DATA { @EV1 itukg:evidenceObject @DURBAN }",
         "Evidence-object", "exactly one object", "@EV1"),
    Case("evidence-start-as-string", replace("@EV1", "itukg:start", '"30"'),
         "Evidence-start", "non-negative xsd:integer", "@EV1", also=frozenset({"Evidence-offsetOrder"})),
    Case("evidence-negative-start", replace("@EV1", "itukg:start", "-1"),
         "Evidence-start", "non-negative xsd:integer", "@EV1"),
    Case("evidence-without-end", "DELETE DATA { @EV1 itukg:end 36 }",
         "Evidence-end", "exactly one end offset", "@EV1"),
    Case("evidence-end-before-start",
         replace("@EV1", "itukg:start", "36") + " ; " + replace("@EV1", "itukg:end", "30"),
         "Evidence-offsetOrder", "is not before its end offset", "@EV1"),
    Case("evidence-empty-span", replace("@EV1", "itukg:end", "30"),
         "Evidence-offsetOrder", "is not before its end offset", "@EV1"),
    Case("evidence-without-quote", 'DELETE DATA { @EV1 itukg:quote "Durban" }',
         "Evidence-quote", "exactly one quote", "@EV1"),
]


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_file(), format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


@pytest.fixture(scope="module")
def valid() -> Graph:
    return Graph().parse(DATA / "valid.ttl", format="turtle")


def validate(data: Graph, shapes: Graph, ontology: Graph, **options):
    kwargs = {**VALIDATE_OPTIONS, **options}
    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, **kwargs)
    return conforms, report, text


@dataclass(frozen=True)
class Result:
    shape: URIRef
    focus: URIRef
    severity: URIRef
    messages: tuple[str, ...]


def results(report: Graph) -> list[Result]:
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        out.append(
            Result(
                shape=report.value(r, SH.sourceShape),
                focus=report.value(r, SH.focusNode),
                severity=report.value(r, SH.resultSeverity),
                messages=tuple(str(m) for m in report.objects(r, SH.resultMessage)),
            )
        )
    return out


def shape_name(iri) -> str:
    return str(iri).removeprefix(str(SHAPES)) if isinstance(iri, URIRef) else f"(blank {iri})"


# ---------------------------------------------------------------- the shapes graph itself


def test_shapes_pass_meta_shacl(shapes):
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True, inference="none")
    assert conforms, text


def test_shapes_header(shapes):
    header = URIRef("https://w3id.org/itukg/shapes")
    assert (header, RDF.type, OWL.Ontology) in shapes
    assert shapes.value(header, OWL.versionInfo) == Literal("0.1.0")
    assert shapes.value(header, URIRef("http://purl.org/dc/terms/license")) == URIRef(
        "https://www.apache.org/licenses/LICENSE-2.0"
    )
    assert shapes.value(header, RDFS.comment) is not None
    text = shapes_file().read_text(encoding="utf-8")
    assert 'inference="none"' in text and "ont_graph" in text


def property_shapes(shapes: Graph) -> set[URIRef]:
    return set(shapes.objects(None, SH.property))


def sparql_constraints(shapes: Graph) -> set:
    return set(shapes.objects(None, SH.sparql))


NODE_LEVEL_CONSTRAINTS = [SH["not"], SH["or"], SH["and"], SH.xone, SH["class"], SH.closed, SH["in"]]


def test_every_constraint_has_a_message(shapes):
    missing = [p for p in property_shapes(shapes) if shapes.value(p, SH.message) is None and shapes.value(p, SH.sparql) is None]
    missing += [c for c in sparql_constraints(shapes) if shapes.value(c, SH.message) is None]
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        if any(shapes.value(shape, c) is not None for c in NODE_LEVEL_CONSTRAINTS):
            if shapes.value(shape, SH.message) is None:
                missing.append(shape)
    assert not missing, missing


def test_every_shape_is_named_and_node_shapes_have_targets(shapes):
    assert all(isinstance(p, URIRef) for p in property_shapes(shapes))
    targets = [SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode]
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert isinstance(shape, URIRef)
        assert any(shapes.value(shape, t) is not None for t in targets), shape


def test_every_class_of_the_ontology_is_covered(shapes, ontology):
    """Each itukg class is the target of a shape, or a subclass of one that is."""
    targeted = set(shapes.objects(None, SH.targetClass))
    uncovered = []
    for cls in ontology.subjects(RDF.type, OWL.Class):
        if not str(cls).startswith(str(ITUKG)):
            continue
        supers = set(ontology.transitive_objects(cls, RDFS.subClassOf))
        if not supers & targeted:
            uncovered.append(cls)
    assert not uncovered, uncovered


def test_every_shape_with_constraints_has_a_failing_case(shapes):
    """The cases below exercise every named property shape and every node shape
    with constraints of its own."""
    exercised = {c.shape for c in CASES} | {s for c in CASES for s in c.also}
    wanted = {shape_name(p) for p in property_shapes(shapes)}
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        if shapes.value(shape, SH.sparql) is not None or any(
            shapes.value(shape, c) is not None for c in NODE_LEVEL_CONSTRAINTS
        ):
            wanted.add(shape_name(shape))
    assert wanted - exercised == set()
    assert exercised - wanted == set()


def test_case_ids_are_unique():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))


# ---------------------------------------------------------------- the data


def test_valid_graph_conforms_without_any_warning(valid, shapes, ontology):
    conforms, report, text = validate(valid, shapes, ontology, allow_warnings=False)
    assert conforms, text
    assert results(report) == []


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_graph_is_reported(case: Case, valid, shapes, ontology):
    data = Graph()
    for triple in valid:
        data.add(triple)
    data.update(PREFIXES + expand(case.update))
    assert data.isomorphic(valid) is False, "the update changed nothing"

    conforms, report, text = validate(data, shapes, ontology)
    found = results(report)

    expected_shape = SHAPES[case.shape]
    focus = {node(f) for f in ((case.focus,) if isinstance(case.focus, str) else case.focus)}
    matching = [r for r in found if r.shape == expected_shape]
    assert matching, f"{case.shape} did not report:\n{text}"
    assert {r.focus for r in matching} == focus, text
    severity = SH.Warning if case.warning else SH.Violation
    assert {r.severity for r in matching} == {severity}, text
    assert all(any(case.message in m for m in r.messages) for r in matching), [r.messages for r in matching]

    # nothing else broke
    assert {shape_name(r.shape) for r in found} == {case.shape} | set(case.also), text
    # warnings do not make the graph non-conforming, violations do
    all_warnings = all(r.severity == SH.Warning for r in found)
    assert conforms == all_warnings


def test_valid_graph_conforms_with_materialized_supertypes_and_focus_nodes(valid, shapes, ontology):
    """graph/validate.py checks a document differently: no ont_graph, but the supertypes of every
    node materialized as rdf:type triples, and pyshacl's focus_nodes option. No false reports
    that way either (a meeting then has several types, only one of them a kind of meeting)."""
    data = Graph()
    for triple in valid:
        data.add(triple)
    for subject, cls in valid.subject_objects(RDF.type):
        for sup in ontology.transitive_objects(cls, RDFS.subClassOf):
            data.add((subject, RDF.type, sup))
    meeting = node("@SGLA")
    assert len(set(data.objects(meeting, RDF.type))) > 2
    own = sorted({s for s in valid.subjects(RDF.type, None) if isinstance(s, URIRef)})
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=False, focus_nodes=own
    )
    assert conforms, text


# pyshacl 0.40 calls rdflib's deprecated Dataset.default_context hundreds of times
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
def test_dataset_is_validated_as_the_union_of_its_graphs(valid, shapes, ontology):
    """Reference data in one named graph, a document's facts in another: the
    document's sh:class checks must see the reference entities' types."""
    dataset = Dataset()
    reference = dataset.graph(URIRef("https://w3id.org/itukg/graph/reference"))
    document = dataset.graph(URIRef("https://w3id.org/itukg/graph/document/86a890ab"))
    reference_kinds = ("country/", "place/", "topic/", "group/", "organization/")
    for triple in valid:
        is_reference = any(str(triple[0]).startswith(ID + kind) for kind in reference_kinds)
        (reference if is_reference else document).add(triple)
    assert len(reference) and len(document)
    conforms, _, text = validate(dataset, shapes, ontology, allow_warnings=False)
    assert conforms, text


def test_warnings_fail_conformance_unless_allowed(valid, shapes, ontology):
    data = Graph()
    for triple in valid:
        data.add(triple)
    data.update(PREFIXES + expand("DELETE DATA { @SGLA itukg:location @BUDAPEST }"))
    assert validate(data, shapes, ontology)[0] is True
    assert validate(data, shapes, ontology, allow_warnings=False)[0] is False


def test_reference_data_conforms(shapes, ontology):
    """ontology/reference/*.ttl (written alongside) must conform on its own."""
    files = reference_files()
    if not files:
        pytest.skip("no reference data yet")
    data = Graph()
    for path in files:
        data.parse(path, format="turtle")
    conforms, report, text = validate(data, shapes, ontology)
    assert conforms, text
