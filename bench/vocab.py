"""The reference vocabulary the generators draw from: topics, places, organizations, countries, people, events.

Read from the shipped reference Turtle (ontology/reference/*.ttl) so synthetic documents name the same things
real ones do and the extractors can link them; invented names (organizations, people) are added on top.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from itukg.graph.namespaces import DEFAULT_BASE_IRI, ITUKG
from itukg.graph.resources import reference_files

# Countries used for invented organizations and as a fallback: common names present in countries.ttl.
COMMON_COUNTRIES = (
    "Argentina", "Australia", "Austria", "Belgium", "Brazil", "Canada", "Chile", "China", "Colombia", "Denmark",
    "Egypt", "Finland", "France", "Germany", "Ghana", "Greece", "India", "Indonesia", "Ireland", "Israel", "Italy",
    "Japan", "Kenya", "Malaysia", "Mexico", "Morocco", "Netherlands", "Nigeria", "Norway", "Poland", "Portugal",
    "Rwanda", "Saudi Arabia", "Senegal", "Singapore", "South Africa", "Spain", "Sweden", "Switzerland", "Thailand",
    "Tunisia", "Türkiye", "Uganda", "United Arab Emirates", "United Kingdom", "United States", "Viet Nam",
)


@dataclass(frozen=True)
class Named:
    iri: str
    label: str
    aliases: tuple[str, ...] = ()
    country: str | None = None  # IRI of the country (places: inCountry, organizations: basedIn)


@dataclass
class Vocabulary:
    topics: list[Named] = field(default_factory=list)
    broader: dict[str, list[str]] = field(default_factory=dict)
    cities: list[Named] = field(default_factory=list)
    regions: list[Named] = field(default_factory=list)
    countries: dict[str, Named] = field(default_factory=dict)  # IRI -> country
    organizations: list[Named] = field(default_factory=list)
    people: dict[str, Named] = field(default_factory=dict)  # slug -> person
    series: dict[str, Named] = field(default_factory=dict)  # slug -> meeting series

    def country_label(self, iri: str | None) -> str | None:
        return self.countries[iri].label if iri in self.countries else None

    def country_by_label(self, label: str) -> Named | None:
        for c in self.countries.values():
            if c.label == label:
                return c
        return None


def _en(values) -> list[str]:
    return [str(v) for v in values if isinstance(v, Literal) and v.language in (None, "en")]


@lru_cache(maxsize=1)
def load() -> Vocabulary:
    g = Graph()
    for path in reference_files():
        g.parse(path, format="turtle")
    v = Vocabulary()

    def label(s) -> str:
        return str(g.value(s, RDFS.label) or g.value(s, SKOS.prefLabel))

    for s in sorted(set(g.subjects(RDF.type, ITUKG.Topic)), key=str):
        aliases = tuple(a for a in _en(g.objects(s, SKOS.altLabel)) if 3 <= len(a) <= 60)
        v.topics.append(Named(str(s), label(s), aliases))
        v.broader[str(s)] = sorted(str(b) for b in g.objects(s, SKOS.broader))
    for s in sorted(set(g.subjects(RDF.type, ITUKG.Country)), key=str):
        v.countries[str(s)] = Named(str(s), label(s))
    for cls, target in ((ITUKG.City, v.cities), (ITUKG.Region, v.regions)):
        for s in sorted(set(g.subjects(RDF.type, cls)), key=str):
            c = g.value(s, ITUKG.inCountry)
            lab = label(s)
            # a place whose country label has a comma or parenthesis would not read as "City, Country"
            if c is not None and re.fullmatch(r"[^,()]+", v.country_label(str(c)) or ","):
                target.append(Named(str(s), lab, (), str(c)))
    for s in sorted(set(g.subjects(RDF.type, ITUKG.Organization)), key=str):
        lab = label(s)
        if not re.fullmatch(r"[^;\n]+", lab):
            continue
        based = g.value(s, ITUKG.basedIn)
        v.organizations.append(Named(str(s), lab, tuple(_en(g.objects(s, SKOS.altLabel))),
                                     str(based) if based is not None else None))
    for s in sorted(set(g.subjects(RDF.type, ITUKG.Person)), key=str):
        v.people[str(s).rsplit("/", 1)[-1]] = Named(str(s), label(s))
    for s in sorted(set(g.subjects(RDF.type, ITUKG.MeetingSeries)), key=str):
        v.series[str(s).rsplit("/", 1)[-1]] = Named(str(s), label(s), tuple(_en(g.objects(s, SKOS.altLabel))))
    return v


def common_countries(v: Vocabulary) -> list[Named]:
    out = [c for c in (v.country_by_label(n) for n in COMMON_COUNTRIES) if c is not None]
    return out or [c for c in v.countries.values() if re.fullmatch(r"[A-Z][a-z]+", c.label)][:40]


def topic_iri(slug: str) -> URIRef:
    return URIRef(f"{DEFAULT_BASE_IRI}topic/{slug}")
