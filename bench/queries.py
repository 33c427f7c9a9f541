"""The query mix: every named query (queries/*.rq, parameters bound) plus analytic queries.

The same texts go to every engine (pyoxigraph and rdflib in process, itukg, Oxigraph and rdflib-endpoint over
HTTP). Each text declares its prefixes, so no engine depends on server-side prefix defaults. Queries read the
default graph, which every engine is set up to make the union of all graphs.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib.namespace import RDFS, SKOS

from itukg.graph.namespaces import DEFAULT_BASE_IRI, ITUKG
from itukg.server import named_queries as nq

PREFIXES = f"""PREFIX itukg: <{ITUKG}>
PREFIX rdfs: <{RDFS}>
PREFIX skos: <{SKOS}>
"""
ID = DEFAULT_BASE_IRI  # the generated graphs and a default build are under it
#: Parameters of the named queries: an organization present in every generated graph, and a top concept of the
#: topic vocabulary (so the skos:broader* walk in topic-meetings has a subtree to cover).
DEFAULT_ENTITY = ID + "organization/ericsson"
DEFAULT_TOPIC = ID + "topic/security"


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    kind: str  # "named" or "analytic"
    form: str = "SELECT"  # SELECT or CONSTRUCT


ANALYTIC = {
    "a-topic-cooccurrence": """SELECT ?t1 ?t2 (COUNT(DISTINCT ?m) AS ?meetings)
WHERE {
  ?m itukg:topic ?t1 , ?t2 ; itukg:describedIn ?doc .
  FILTER(STR(?t1) < STR(?t2))
}
GROUP BY ?t1 ?t2
ORDER BY DESC(?meetings) ?t1 ?t2
LIMIT 50""",
    "a-orgs-3plus-meetings": """SELECT ?org ?name (COUNT(DISTINCT ?m) AS ?meetings)
WHERE {
  ?p itukg:participationIn ?m ; itukg:organization ?org .
  ?org rdfs:label ?name .
}
GROUP BY ?org ?name
HAVING (COUNT(DISTINCT ?m) >= 3)
ORDER BY DESC(?meetings) ?name""",
    "a-meetings-per-year-country": """SELECT ?year ?country (COUNT(DISTINCT ?m) AS ?meetings)
WHERE {
  ?m itukg:startDate ?d ; itukg:location ?place ; itukg:describedIn ?doc .
  ?place itukg:inCountry ?c .
  ?c rdfs:label ?country .
  BIND(YEAR(?d) AS ?year)
}
GROUP BY ?year ?country
ORDER BY ?year ?country""",
    "a-broader-walk": """SELECT ?ancestor ?ancestorLabel (COUNT(DISTINCT ?m) AS ?meetings)
WHERE {
  ?m itukg:topic ?t ; itukg:describedIn ?doc .
  ?t skos:broader* ?ancestor .
  ?ancestor skos:topConceptOf ?scheme ; rdfs:label ?ancestorLabel .
}
GROUP BY ?ancestor ?ancestorLabel
ORDER BY DESC(?meetings)""",
    "a-label-contains": """SELECT DISTINCT ?s ?label
WHERE {
  ?s rdfs:label ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), "network"))
}
ORDER BY ?label
LIMIT 200""",
    "a-label-regex": """SELECT DISTINCT ?s ?label
WHERE {
  ?s a itukg:Organization ; rdfs:label ?label .
  FILTER(REGEX(STR(?label), "^(Nor|Quant|Astra).*(Labs|Networks)", "i"))
}
ORDER BY ?label""",
    "a-construct-meeting": """CONSTRUCT {
  ?m ?p ?o .
  ?o rdfs:label ?olabel .
}
WHERE {
  VALUES ?m { <MEETING> }
  ?m ?p ?o .
  OPTIONAL { ?o rdfs:label ?olabel }
}""",
    "a-optional-listing": """SELECT ?m ?name ?start ?ordinal ?count ?qualifier ?city ?event ?host ?series ?period
WHERE {
  ?m itukg:describedIn ?doc ; rdfs:label ?name .
  OPTIONAL { ?m itukg:startDate ?start }
  OPTIONAL { ?m itukg:ordinal ?ordinal }
  OPTIONAL { ?m itukg:participantCount ?count }
  OPTIONAL { ?m itukg:participantCountQualifier ?qualifier }
  OPTIONAL { ?m itukg:location/rdfs:label ?city }
  OPTIONAL { ?m itukg:coLocatedWith/rdfs:label ?event }
  OPTIONAL { ?m itukg:host/rdfs:label ?host }
  OPTIONAL { ?m itukg:inSeries/rdfs:label ?series }
  OPTIONAL { ?m itukg:studyPeriod ?period }
}
ORDER BY ?start ?m
LIMIT 1000""",
}

#: Query names in the order tables list them.
FIND_MEETING = PREFIXES + "SELECT ?m WHERE { ?m itukg:describedIn ?doc ; itukg:hasParticipation ?p } ORDER BY ?m LIMIT 1"


def mix(meeting_iri: str, entity: str = DEFAULT_ENTITY, topic: str = DEFAULT_TOPIC) -> list[Query]:
    """The full mix; `meeting_iri` is the meeting the CONSTRUCT describes (one that exists in the data)."""
    out = []
    for name, q in sorted(nq.named_queries().items()):
        params = {}
        if "entity" in q.params:
            params["entity"] = entity
        if "topic" in q.params:
            params["topic"] = topic
        text = nq.bind(q, params) if params else q.text
        out.append(Query(name, text, "named"))
    for name, body in ANALYTIC.items():
        text = PREFIXES + body.replace("<MEETING>", f"<{meeting_iri}>")
        out.append(Query(name, text, "analytic", "CONSTRUCT" if body.startswith("CONSTRUCT") else "SELECT"))
    return out


def names() -> list[str]:
    return sorted(nq.named_queries()) + list(ANALYTIC)
