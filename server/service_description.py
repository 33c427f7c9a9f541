"""The SPARQL 1.1 Service Description returned by GET /sparql without a query."""
from __future__ import annotations

import pyoxigraph as ox

from .store import INFERRED, Snapshot

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
DCTERMS_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")

RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads")


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def service_description(snapshot: Snapshot, endpoint: str, asserted_param: str,
                        federation: bool = False) -> list[ox.Triple]:
    """sd:Service for `endpoint`, its features, result formats and the default dataset with graph sizes."""
    service = ox.NamedNode(endpoint)
    dataset = ox.BlankNode("dataset")
    default_graph = ox.BlankNode("defaultGraph")
    t = ox.Triple
    out = [
        t(service, RDF_TYPE, _sd("Service")),
        t(service, _sd("endpoint"), service),
        t(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        t(service, _sd("feature"), _sd("UnionDefaultGraph")),
        t(service, DCTERMS_TITLE, ox.Literal("itukg: a knowledge graph of ITU-T meetings")),
        t(service, RDFS_COMMENT, ox.Literal(
            "Read-only. The default graph is the union of all named graphs; add "
            f"{asserted_param}=true to leave out the inferred graph <{INFERRED.value}>. "
            "default-graph-uri and named-graph-uri select among the graphs listed here (nothing is fetched). "
            + ("SERVICE is limited to the endpoints of the server's allow-list. " if federation
               else "SERVICE is disabled. ")
            + "Queries have a time limit and a maximum number of results.")),
        t(service, _sd("defaultDataset"), dataset),
        t(dataset, RDF_TYPE, _sd("Dataset")),
        t(dataset, _sd("defaultGraph"), default_graph),
        t(default_graph, RDF_TYPE, _sd("Graph")),
        t(default_graph, ox.NamedNode(VOID + "triples"), _int(snapshot.triples)),
    ]
    for name in RESULT_FORMATS:
        out.append(t(service, _sd("resultFormat"), ox.NamedNode(FORMATS + name)))
    for i, graph in enumerate(snapshot.graphs):
        named = ox.BlankNode(f"named{i}")
        graph_node = ox.BlankNode(f"graph{i}")
        out += [
            t(dataset, _sd("namedGraph"), named),
            t(named, RDF_TYPE, _sd("NamedGraph")),
            t(named, _sd("name"), graph),
            t(named, _sd("graph"), graph_node),
            t(graph_node, RDF_TYPE, _sd("Graph")),
            t(graph_node, ox.NamedNode(VOID + "triples"), _int(snapshot.graph_sizes.get(graph.value, 0))),
        ]
    return out
