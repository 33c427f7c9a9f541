"""The web UI: home, query editor, entity pages per kind, lists, ontology, build report, search API.

Two layers:

* Data functions (`counts`, `search`, `meeting_page`, `document_page`, `ontology_doc`, ...) take a loaded
  `Snapshot` and return plain dicts and lists. They run small SPARQL queries on the snapshot's pyoxigraph store
  (the same store the endpoint serves; default graph = the materialised union) and keep per-snapshot indexes
  in `snapshot.cache`, so a reload brings fresh indexes with the new snapshot. No Flask in them: tests call
  them directly.
* The `ui` blueprint (`bp`) picks the current snapshot (`current_snapshot()`), calls them and renders
  server/templates/ui/*.html. Static files live in server/static/ui/ and server/static/vendor/.

Registering the blueprint also plugs `entity_response` into the Linked Data route (pages.py renders
`app.config["ITUKG_ENTITY_HTML"]` for browsers), so /id/... shows these pages and entity links use /id/...;
`/ui/entity?iri=...` shows any IRI of the dataset (also those outside the base). An app that sets
`ITUKG_UI_ID_PAGES = False` gets links to /ui/entity instead.
"""
from __future__ import annotations

import logging
import math
import os
import re
import threading
import time
import unicodedata
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, jsonify, redirect, render_template, request, url_for

from ..graph import namespaces as ns
from ..graph.namespaces import PREFIXES
from ..graph.reason import transitive_closure
from ..graph.summary import ontology_phrase, term_kind
from ..graph.vocabulary import vocabulary
from .pages import curie, local_name
from .results import json_term
from .store import Snapshot

log = logging.getLogger(__name__)

# --- vocabulary ------------------------------------------------------------------------------------------

ITUKG = str(ns.ITUKG)
ONTOLOGY_IRI = str(ns.ONTOLOGY_IRI)
ONTOLOGY_GRAPH = str(ns.ONTOLOGY_GRAPH)
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCTERMS = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
DEFAULT_BASE_IRI = ns.DEFAULT_BASE_IRI

QUERY_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}
PER_PAGE = 50
SEARCH_LIMIT = 20
#: An evidence span up to this many characters is a mention (linked in the text); longer ones are passages.
MENTION_MAX = 120

#: Label properties, best first (a plain or English literal of an earlier property wins).
LABEL_PROPERTIES = (RDFS + "label", SKOS + "prefLabel", FOAF + "name", SCHEMA + "name", DCTERMS + "title",
                    SKOS + "notation")
#: What the search box looks at, with a rank (labels before aliases).
SEARCH_PROPERTIES = {RDFS + "label": 0, SKOS + "prefLabel": 0, SKOS + "notation": 1, SKOS + "altLabel": 2,
                     SKOS + "hiddenLabel": 3}
EXTERNAL_LINK_PROPERTIES = (SKOS + "exactMatch", SKOS + "closeMatch", OWL + "sameAs", SCHEMA + "sameAs",
                            FOAF + "page", ITUKG + "webPage", ITUKG + "communique")

#: (kind, root class) of what is not a kind of the model's (those come first: graph/vocabulary.py, from the
#: ontology and ontology/reference/kinds.csv); see kind_roots().
_OTHER_KIND_ROOTS = (
    ("scheme", SKOS + "ConceptScheme"),
    ("class", OWL + "Class"),
    ("class", RDFS + "Class"),
    ("property", OWL + "ObjectProperty"),
    ("property", OWL + "DatatypeProperty"),
    ("property", OWL + "AnnotationProperty"),
    ("property", RDF + "Property"),
    ("ontology", OWL + "Ontology"),
)


def kind_roots() -> tuple[tuple[str, str], ...]:
    """(kind, root class); an entity's kind is the first whose root (or a subclass of it) is among its types.
    The model's own subclasses are listed too, so kinds are right even when the ontology graph is not loaded."""
    return vocabulary().kind_roots() + _OTHER_KIND_ROOTS


KIND_LABELS = {
    "meeting": "Meeting", "organization": "Organization", "topic": "Topic", "group": "ITU-T group",
    "person": "Person", "place": "Place", "country": "Country", "document": "Document", "post": "Post",
    "series": "Meeting series", "event": "Event", "participation": "Participation", "item": "Discussion item",
    "action": "Group action", "count": "Stated count", "evidence": "Evidence", "scheme": "Concept scheme",
    "class": "Class", "property": "Property", "ontology": "Ontology", "resource": "Resource",
}
#: Order of kinds among equally good search hits.
KIND_ORDER = {k: i for i, k in enumerate((
    "organization", "person", "meeting", "group", "topic", "country", "place", "event", "series", "post",
    "document", "item", "action", "participation", "count", "scheme", "class", "property", "ontology",
    "resource"))}
#: The lists reachable from the home page: URL name -> (kind, title).
LISTS = {
    "meetings": ("meeting", "Meetings"),
    "organizations": ("organization", "Organizations"),
    "people": ("person", "People"),
    "topics": ("topic", "Topics"),
    "groups": ("group", "ITU-T groups"),
    "documents": ("document", "Documents"),
    "places": ("place", "Cities and regions"),
    "countries": ("country", "Countries"),
    "events": ("event", "Events"),
    "series": ("series", "Meeting series"),
    "posts": ("post", "Posts"),
}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


# --- terms and queries -----------------------------------------------------------------------------------

def check_iri(iri: str) -> str:
    """`iri` if it is an absolute IRI pyoxigraph accepts (so it can be written <iri> in a query), else ValueError."""
    if not iri or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", iri):
        raise ValueError(f"not an absolute IRI: {iri!r}")
    ox.NamedNode(iri)
    return iri


def _values(name: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{name} {{ {' '.join(f'<{check_iri(i)}>' for i in iris)} }}"


def select(snap: Snapshot, query: str) -> list[dict]:
    """Rows of a SELECT over the snapshot's union (the default graph the endpoint exposes)."""
    result = snap.store.query(query, default_graph=[snap.default_graph], named_graphs=list(snap.graphs),
                              prefixes=QUERY_PREFIXES)
    names = [v.value for v in result.variables]
    return [{n: sol[n] for n in names} for sol in result]


def val(term) -> str | None:
    return None if term is None else term.value


def as_int(term, default: int | None = None) -> int | None:
    try:
        return int(term.value)
    except (AttributeError, TypeError, ValueError):
        return default


def _cached(snap: Snapshot, name: str, make: Callable):
    """Whole-graph tables are computed once per snapshot; concurrent callers wait for the first one."""
    key = ("ui", name)
    value = snap.cache.get(key)
    if value is None:
        with snap.cache.setdefault(("ui-lock", name), threading.Lock()):
            value = snap.cache.get(key)
            if value is None:
                value = make()
                snap.cache[key] = value
    return value


def _warm_up(app_ref) -> None:
    """Compute the home page's tables for each new snapshot in the background, so that the first visitor
    does not wait for them (about a minute for 10,000 meetings; milliseconds on the bundled corpus)."""
    warmed = None
    while True:
        app = app_ref()
        rt = app.extensions.get("itukg") if app is not None else None
        if rt is None or getattr(rt, "closed", False):
            return
        snap = getattr(rt, "snapshot", None)
        del app, rt
        if snap is not None and snap is not warmed:
            try:
                home(snap)
            except Exception:  # noqa: BLE001 - a page request will report the same problem properly
                log.debug("UI warm-up failed", exc_info=True)
            warmed = snap
        del snap
        time.sleep(2.0)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of `text` for matching."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


# --- the per-snapshot index: labels, types, kinds, search entries ------------------------------------------

@dataclass
class Index:
    labels: dict = field(default_factory=dict)  # iri -> best label
    types: dict = field(default_factory=dict)  # iri -> set of type IRIs
    kinds: dict = field(default_factory=dict)  # iri -> kind
    entries: list = field(default_factory=list)  # (folded text, text, iri, property rank)
    by_kind: dict = field(default_factory=dict)  # kind -> [iri]


def _rank_literal(lit: ox.Literal) -> int:
    lang = lit.language or ""
    return 0 if not lang else 1 if lang.startswith("en") else 2


def build_index(snap: Snapshot) -> Index:
    index = Index()
    props = set(LABEL_PROPERTIES) | set(SEARCH_PROPERTIES)
    best: dict[str, tuple] = {}
    seen = set()
    for row in select(snap, "SELECT ?s ?p ?o WHERE { " + _values("p", sorted(props))
                      + " ?s ?p ?o FILTER(isIRI(?s) && isLiteral(?o)) }"):
        s, p, o = row["s"].value, row["p"].value, row["o"]
        if p in LABEL_PROPERTIES:
            rank = (LABEL_PROPERTIES.index(p), _rank_literal(o), o.value)
            if s not in best or rank < best[s]:
                best[s] = rank
        if p in SEARCH_PROPERTIES and (s, o.value) not in seen:
            seen.add((s, o.value))
            index.entries.append((fold(o.value), o.value, s, SEARCH_PROPERTIES[p]))
    index.labels = {s: r[2] for s, r in best.items()}
    for row in select(snap, "SELECT ?s ?t WHERE { ?s a ?t FILTER(isIRI(?s) && isIRI(?t)) }"):
        index.types.setdefault(row["s"].value, set()).add(row["t"].value)
    kinds = kind_roots()
    roots = sorted({r for _, r in kinds})
    # The class hierarchy is closed here rather than with rdfs:subClassOf* (Virtuoso refuses a transitive
    # path whose start is not a constant).
    supers: dict[str, set] = defaultdict(set)
    for row in select(snap, "SELECT ?c ?d WHERE { ?c rdfs:subClassOf ?d FILTER(isIRI(?c) && isIRI(?d)) }"):
        supers[row["c"].value].add(row["d"].value)
    above = transitive_closure(supers)
    class_roots: dict[str, set] = defaultdict(set)
    for c in set(supers) | set(roots):
        class_roots[c] = ({c} | above.get(c, set())) & set(roots)
    for s, types in index.types.items():
        reached = set()
        for t in types:
            reached |= class_roots.get(t, set())
        index.kinds[s] = next((k for k, r in kinds if r in reached), "resource")
    for s, k in index.kinds.items():
        index.by_kind.setdefault(k, []).append(s)
    for k in index.by_kind:
        index.by_kind[k].sort(key=lambda i: (fold(index.labels.get(i, local_name(i))), i))
    return index


def index_of(snap: Snapshot) -> Index:
    return _cached(snap, "index", lambda: build_index(snap))


def label(snap: Snapshot, iri: str) -> str:
    return index_of(snap).labels.get(iri) or curie(iri) or local_name(iri)


def kind_of(snap: Snapshot, iri: str) -> str:
    return index_of(snap).kinds.get(iri, "resource")


def ref(snap: Snapshot, iri: str) -> dict:
    """An entity as the templates link it: iri, label, kind."""
    kind = kind_of(snap, iri)
    return {"iri": iri, "label": label(snap, iri), "kind": kind, "kind_label": KIND_LABELS.get(kind, kind)}


def term_ref(snap: Snapshot, term) -> dict:
    """A term (IRI or literal) for display: an entity reference or {'literal': text, 'datatype'}."""
    if isinstance(term, ox.NamedNode):
        return ref(snap, term.value)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else None
        return {"literal": term.value, "datatype": None if dt == XSD + "string" else curie(dt or "") or dt,
                "lang": term.language}
    return {"literal": str(term)}


def predicate_ref(snap: Snapshot, iri: str) -> dict:
    own = index_of(snap).labels.get(iri)
    return {"iri": iri, "label": own or curie(iri) or local_name(iri), "curie": curie(iri)}


def sorted_refs(snap: Snapshot, iris: Iterable[str]) -> list[dict]:
    return sorted((ref(snap, i) for i in set(iris)), key=lambda r: (fold(r["label"]), r["iri"]))


# --- dates and pages -------------------------------------------------------------------------------------

def format_date(value: str | None) -> str:
    """'2018-09-09' -> '9 September 2018'; other shapes (gYearMonth, years) are returned as they are."""
    if not value:
        return ""
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", value)
    if m:
        return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    m = re.match(r"^(\d{4})-(\d{2})$", value)
    if m:
        return f"{_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    return value


def format_range(start: str | None, end: str | None) -> str:
    if not start:
        return format_date(end)
    if not end or end == start:
        return format_date(start)
    a, b = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", start), re.match(r"^(\d{4})-(\d{2})-(\d{2})$", end)
    if a and b and a.group(1, 2) == b.group(1, 2):
        return f"{int(a.group(3))}–{int(b.group(3))} {_MONTHS[int(a.group(2)) - 1]} {a.group(1)}"
    return f"{format_date(start)} – {format_date(end)}"


def paginate(items: list, page: int | str | None = 1, per_page: int = PER_PAGE) -> dict:
    """One page of `items`: {rows, page, pages, total, first, last} (page numbers from 1, clamped)."""
    try:
        page = int(page or 1)
    except (TypeError, ValueError):
        page = 1
    total = len(items)
    pages = max(1, math.ceil(total / per_page))
    page = min(max(page, 1), pages)
    start = (page - 1) * per_page
    chunk = items[start:start + per_page]
    return {"rows": chunk, "page": page, "pages": pages, "total": total, "first": start + 1 if chunk else 0,
            "last": start + len(chunk), "per_page": per_page}


# --- meetings and participations (cached tables) ---------------------------------------------------------

MEETING_PROPS = ("startDate", "endDate", "location", "coLocatedWith", "host", "participantCount",
                 "participantCountQualifier", "inSeries", "ordinal", "describedIn", "studyPeriod", "nextMeeting",
                 "webPage", "communique")


def _meeting_table(snap: Snapshot) -> dict:
    index = index_of(snap)
    meetings = {m: {"iri": m, "label": label(snap, m), **{p: [] for p in MEETING_PROPS}}
                for m in index.by_kind.get("meeting", [])}
    if not meetings:
        return {}
    rows = select(snap, "SELECT ?m ?p ?o WHERE { " + _values("p", [ITUKG + p for p in MEETING_PROPS])
                  + " ?m ?p ?o }")
    for row in rows:
        m = meetings.get(row["m"].value)
        if m is not None:
            m[row["p"].value[len(ITUKG):]].append(row["o"].value)
    in_country = {r["p"].value: r["c"].value for r in select(snap, "SELECT ?p ?c WHERE { ?p itukg:inCountry ?c }")}
    for m in meetings.values():
        for p in MEETING_PROPS:
            m[p] = sorted(set(m[p]))
        m["start"] = m["startDate"][0] if m["startDate"] else None
        m["end"] = m["endDate"][0] if m["endDate"] else None
        m["year"] = int(m["start"][:4]) if m["start"] and m["start"][:4].isdigit() else None
        m["when"] = format_range(m["start"], m["end"])
        places = m["location"]
        city = next((p for p in places if index.kinds.get(p) == "place"), None)
        country = next((p for p in places if index.kinds.get(p) == "country"), None)
        if country is None and city is not None:
            country = in_country.get(city)
        m["place"] = city
        m["country"] = country
        where = ", ".join(label(snap, p) for p in (city, country) if p)
        m["where"] = where
        m["title"] = ", ".join(x for x in (m["label"], where, m["when"]) if x)
    return meetings


def meetings(snap: Snapshot) -> dict:
    """iri -> the meeting's main facts (dates, place, country, event, host, documents...), cached."""
    return _cached(snap, "meetings", lambda: _meeting_table(snap))


def meeting_summary(snap: Snapshot, iri: str) -> dict:
    m = meetings(snap).get(iri)
    if m is None:
        return {**ref(snap, iri), "when": "", "where": "", "start": None, "year": None}
    return {**ref(snap, iri), "when": m["when"], "where": m["where"], "start": m["start"], "year": m["year"],
            "title": m["title"], "place": m["place"] and ref(snap, m["place"]),
            "country": m["country"] and ref(snap, m["country"])}


def by_date(snap: Snapshot, iris: Iterable[str], newest_first: bool = False) -> list[dict]:
    rows = [meeting_summary(snap, i) for i in set(iris)]
    rows.sort(key=lambda r: (r["start"] or "", fold(r["label"])), reverse=newest_first)
    return rows


def _participation_table(snap: Snapshot) -> list[dict]:
    """One row per (meeting, organization): the country it took part for (or is based in), cached."""
    based = {r["o"].value: r["c"].value for r in select(snap, "SELECT ?o ?c WHERE { ?o itukg:basedIn ?c }")}
    rows: dict[tuple, dict] = {}
    for r in select(snap, """SELECT ?part ?m ?org ?country WHERE {
            ?part a itukg:Participation ; itukg:participationIn ?m ; itukg:organization ?org .
            OPTIONAL { ?part itukg:onBehalfOf ?country } }"""):
        key = (r["m"].value, r["org"].value)
        row = rows.setdefault(key, {"meeting": key[0], "organization": key[1], "country": None, "source": None,
                                    "participation": r["part"].value})
        if r["country"] is not None:
            row["country"], row["source"] = r["country"].value, "on behalf of"
    for r in select(snap, "SELECT ?m ?org WHERE { ?m itukg:participant ?org }"):
        key = (r["m"].value, r["org"].value)
        rows.setdefault(key, {"meeting": key[0], "organization": key[1], "country": None, "source": None,
                              "participation": None})
    for row in rows.values():
        if row["country"] is None and row["organization"] in based:
            row["country"], row["source"] = based[row["organization"]], "based in"
    return list(rows.values())


def participations(snap: Snapshot) -> list[dict]:
    return _cached(snap, "participations", lambda: _participation_table(snap))


def _meeting_topics(snap: Snapshot) -> list[tuple[str, str]]:
    kinds = index_of(snap).kinds
    return [(r["m"].value, r["t"].value)
            for r in select(snap, "SELECT DISTINCT ?m ?t WHERE { ?m itukg:topic ?t }")
            if kinds.get(r["m"].value) == "meeting"]


def meeting_topics(snap: Snapshot) -> list[tuple[str, str]]:
    return _cached(snap, "meeting-topics", lambda: _meeting_topics(snap))


# --- home -------------------------------------------------------------------------------------------------

def _in_documents(snap: Snapshot) -> set[str]:
    """IRIs the documents' own graphs name (as subject or object): what the documents give, apart from the
    reference data (organizations, groups, topics and people known beforehand) and the inferences."""
    prefix = str(ns.GRAPH) + "document/"
    graphs = [g for g in snap.graphs if g.value.startswith(prefix)]
    out: set[str] = set()
    for g in graphs:
        for q in snap.store.quads_for_pattern(None, None, None, g):
            if isinstance(q.subject, ox.NamedNode):
                out.add(q.subject.value)
            if isinstance(q.object, ox.NamedNode):
                out.add(q.object.value)
    return out


def in_documents(snap: Snapshot) -> set[str]:
    return _cached(snap, "in-documents", lambda: _in_documents(snap))


def _in_reference(snap: Snapshot) -> set[str]:
    graph = ox.NamedNode(str(ns.GRAPH) + "reference")
    return {q.subject.value for q in snap.store.quads_for_pattern(None, None, None, graph)
            if isinstance(q.subject, ox.NamedNode)}


#: The home page's counts of what the documents give: (list name, card label, kind).
DOCUMENT_COUNTS = (("meetings", "Meetings", "meeting"), ("organizations", "Organizations that took part or are named", "organization"),
                   ("people", "People named", "person"), ("topics", "Topics discussed", "topic"),
                   ("groups", "ITU-T groups named", "group"), ("documents", "Documents", "document"))


def counts(snap: Snapshot) -> list[dict]:
    """What the documents give, for the home page: [{key, label, count, list, scope}]: organizations that
    took part or that a document names, people named, topics discussed, groups named; the reference data is
    counted apart (reference_counts)."""
    by_kind = index_of(snap).by_kind
    named = in_documents(snap)
    out = []
    for name, title, kind in DOCUMENT_COUNTS:
        iris = by_kind.get(kind, [])
        scoped = kind not in ("meeting", "document")
        n = sum(1 for i in iris if i in named) if scoped else len(iris)
        out.append({"key": name, "label": title, "count": n, "list": name, "scope": "documents" if scoped else None})
    out.append({"key": "triples", "label": "Triples", "count": snap.triples, "list": None, "scope": None})
    return out


def reference_counts(snap: Snapshot) -> list[dict]:
    """What the reference data (ontology/reference/) describes, whether or not a document names it."""
    by_kind = index_of(snap).by_kind
    reference = _cached(snap, "in-reference", lambda: _in_reference(snap))
    out = []
    for name, words in (("organizations", "organizations"), ("people", "people"), ("topics", "topics"),
                        ("groups", "ITU-T groups"), ("countries", "countries")):
        kind, _ = LISTS[name]
        n = sum(1 for i in by_kind.get(kind, []) if i in reference)
        if n:
            out.append({"key": name, "label": words, "count": n, "list": name})
    return out


def latest_meetings(snap: Snapshot, limit: int = 10) -> list[dict]:
    return by_date(snap, meetings(snap), newest_first=True)[:limit]


def topics_by_year(snap: Snapshot, limit: int = 30) -> dict:
    """The heat map data: the `limit` topics discussed at most meetings, by year of the meeting."""
    table = meetings(snap)
    cells: Counter = Counter()
    totals: Counter = Counter()
    years = set()
    for m, t in meeting_topics(snap):
        year = table.get(m, {}).get("year")
        if year is None:
            continue
        cells[(t, year)] += 1
        totals[t] += 1
        years.add(year)
    top = sorted(totals, key=lambda t: (-totals[t], fold(label(snap, t))))[:limit]
    years_sorted = list(range(min(years), max(years) + 1)) if years else []
    return {
        "years": years_sorted,
        "topics": [{**ref(snap, t), "total": totals[t], "by_year": [cells[(t, y)] for y in years_sorted]}
                   for t in top],
        "max": max(cells.values(), default=0),
    }


def participation_by_country(snap: Snapshot, limit: int = 25) -> list[dict]:
    """Participations (meeting, organization) per country the organization took part for (or is based in)."""
    per: Counter = Counter()
    orgs: dict[str, set] = defaultdict(set)
    for row in participations(snap):
        if row["country"]:
            per[row["country"]] += 1
            orgs[row["country"]].add(row["organization"])
    top = sorted(per, key=lambda c: (-per[c], fold(label(snap, c))))[:limit]
    return [{**ref(snap, c), "participations": per[c], "organizations": len(orgs[c])} for c in top]


def home(snap: Snapshot) -> dict:
    return {"counts": counts(snap), "reference": reference_counts(snap), "latest": latest_meetings(snap), "heatmap": topics_by_year(snap),
            "countries": participation_by_country(snap), "generation": snap.generation, "built": snap.built}


# --- search -----------------------------------------------------------------------------------------------

#: What the search box never offers: the model's internal nodes, reached through the entities they link.
SEARCH_SKIP_KINDS = frozenset({"participation", "evidence", "action", "count", "item"})
#: The kinds people look for, offered before the others among equally good matches.
SEARCH_FIRST_KINDS = ("organization", "person", "meeting", "group", "topic")


def _word_start(folded: str, needle: str) -> int:
    """The first position where `needle` starts a word of `folded` (after a non-letter, or digits after
    letters as in SG17), or -1."""
    pos = folded.find(needle)
    while pos >= 0:
        before = folded[pos - 1] if pos else " "
        if not before.isalnum() or (before.isalpha() and needle[0].isdigit()):
            return pos
        pos = folded.find(needle, pos + 1)
    return -1


def search(snap: Snapshot, q: str, limit: int = SEARCH_LIMIT) -> list[dict]:
    """Entities whose label, alias or notation matches `q` at a word start (case- and accent-insensitive).

    Ranked: exact match, then prefix of the whole name, then a later word; among equals the kinds people look
    for (organizations, people, meetings, groups, topics) first, then labels before aliases, then shorter
    names. Internal nodes (participations, evidence, group actions, stated counts, discussion items) are left
    out: they are reached through the entities they link.
    """
    needle = fold(q or "")
    if not needle:
        return []
    index = index_of(snap)
    best: dict[str, tuple] = {}
    for folded, text, iri, prop_rank in index.entries:
        if folded == needle:
            rank = 0
        elif folded.startswith(needle):
            rank = 1
        elif _word_start(folded, needle) > 0:
            rank = 2
        else:
            continue
        kind = index.kinds.get(iri, "resource")
        if kind in SEARCH_SKIP_KINDS:
            continue
        tier = 0 if kind in SEARCH_FIRST_KINDS else 1
        key = (rank, tier, prop_rank, KIND_ORDER.get(kind, 99), len(text), folded, iri)
        if iri not in best or key < best[iri][0]:
            best[iri] = (key, text)
    hits = sorted(best.items(), key=lambda kv: kv[1][0])[:limit]
    out = []
    for iri, (key, text) in hits:
        r = ref(snap, iri)
        r["match"] = text if text != r["label"] else None
        r["rank"] = ("exact", "prefix", "word")[key[0]]
        out.append(r)
    return out


# --- evidence ---------------------------------------------------------------------------------------------

def span_id(start: int, end: int) -> str:
    return f"{start}-{end}"


def evidence(snap: Snapshot, subjects: Iterable[str] = (), objects: Iterable[str] = (),
             document: str | None = None) -> list[dict]:
    """Evidence rows (facts read from a document, with the text span) about the given subjects / objects,
    or every evidence of `document`; ordered by document and offset."""
    subjects, objects = sorted(set(subjects)), sorted(set(objects))
    parts = []
    if subjects:
        parts.append("{ " + _values("x", subjects) + " ?e itukg:evidenceSubject ?x }")
    if objects:
        parts.append("{ " + _values("y", objects) + " ?e itukg:evidenceObject ?y }")
    if document:
        parts.append(f"{{ ?e itukg:inDocument <{check_iri(document)}> }}")
    if not parts:
        return []
    query = ("SELECT DISTINCT ?e ?s ?p ?o ?doc ?start ?end ?quote WHERE { " + " UNION ".join(parts) + """
        ?e itukg:evidenceSubject ?s ; itukg:evidencePredicate ?p ; itukg:evidenceObject ?o ;
           itukg:inDocument ?doc ; itukg:start ?start ; itukg:end ?end ; itukg:quote ?quote . }""")
    rows = []
    for r in select(snap, query):
        start, end = as_int(r["start"], 0), as_int(r["end"], 0)
        rows.append({
            "evidence": r["e"].value, "subject": term_ref(snap, r["s"]),
            "predicate": predicate_ref(snap, r["p"].value), "object": term_ref(snap, r["o"]),
            "document": ref(snap, r["doc"].value), "start": start, "end": end, "quote": r["quote"].value,
            "span": span_id(start, end),
        })
    rows.sort(key=lambda x: (x["document"]["iri"], x["start"], x["end"], x["predicate"]["label"]))
    return rows


# --- neighbourhood graph ------------------------------------------------------------------------------------

_GRAPH_SKIP_KINDS = {"evidence", "class", "property", "ontology", "count", "scheme", "resource"}
_GRAPH_SKIP_PREDICATES = {RDF + "type", PROV + "wasDerivedFrom", SKOS + "inScheme", RDFS + "isDefinedBy"}


def neighbourhood(snap: Snapshot, iri: str, limit: int = 36, per_predicate: int = 10) -> dict:
    """A small graph around `iri`: {nodes: [{id, iri, label, kind}], edges: [{source, target, label}]}.

    Only the model's own properties (itukg:, skos: broader/narrower/related) are followed, once each way;
    participations are collapsed into the meeting or organization on their other side.
    """
    check_iri(iri)
    index = index_of(snap)
    edges: list[tuple[str, str, str]] = []  # (source, target, predicate)
    wanted = f"(STRSTARTS(STR(?p), \"{ITUKG}\") || ?p IN (skos:broader, skos:narrower, skos:related))"
    for r in select(snap, f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o FILTER(isIRI(?o) && {wanted}) }}"):
        edges.append((iri, r["o"].value, r["p"].value))
    for r in select(snap, f"SELECT ?s ?p WHERE {{ ?s ?p <{iri}> FILTER(isIRI(?s) && {wanted}) }} LIMIT 3000"):
        edges.append((r["s"].value, iri, r["p"].value))
    # collapse participations: meeting -hasParticipation-> part -organization-> org
    parts = [e for e in edges if index.kinds.get(e[0] if e[1] == iri else e[1]) == "participation"]
    if parts:
        hop = {row["participation"]: row for row in participations(snap) if row["participation"]}
        for s, o, _ in parts:
            other = s if o == iri else o
            row = hop.get(other)
            if row:
                if row["meeting"] == iri:
                    edges.append((iri, row["organization"], ITUKG + "participant"))
                elif row["organization"] == iri:
                    edges.append((row["meeting"], iri, ITUKG + "participant"))
    nodes = {iri: 0}
    out_edges, per_pred, seen = [], Counter(), set()
    for s, o, p in edges:
        other = o if s == iri else s
        if p in _GRAPH_SKIP_PREDICATES or other == iri or index.kinds.get(other, "resource") in (
                _GRAPH_SKIP_KINDS | {"participation", "item", "action"}):
            continue
        if (s, o) in seen or (o, s) in seen:
            continue
        if per_pred[p] >= per_predicate:
            continue
        if other not in nodes:
            if len(nodes) >= limit:
                continue
            nodes[other] = len(nodes)
        per_pred[p] += 1
        seen.add((s, o))
        out_edges.append({"source": nodes[s], "target": nodes[o], "label": predicate_ref(snap, p)["label"]})
    truncated = len(edges) > len(out_edges)
    others = [n for n in nodes if n != iri]
    if 1 < len(others):  # links among the neighbours make it a graph rather than a star
        for r in select(snap, "SELECT DISTINCT ?s ?p ?o WHERE { " + _values("s", others) + " " + _values("o", others)
                        + f" ?s ?p ?o FILTER(?s != ?o && {wanted}) }} LIMIT 200"):
            s, o, p = r["s"].value, r["o"].value, r["p"].value
            if p in _GRAPH_SKIP_PREDICATES or (s, o) in seen or (o, s) in seen:
                continue
            seen.add((s, o))
            out_edges.append({"source": nodes[s], "target": nodes[o], "label": predicate_ref(snap, p)["label"]})
    return {"nodes": [{"id": i, **ref(snap, n)} for n, i in sorted(nodes.items(), key=lambda x: x[1])],
            "edges": out_edges, "truncated": truncated}


# --- entity pages ---------------------------------------------------------------------------------------------

def _objects(snap: Snapshot, iri: str, prop: str) -> list[str]:
    return [r["o"].value for r in select(snap, f"SELECT DISTINCT ?o WHERE {{ <{iri}> <{prop}> ?o }}")]


def _literals(snap: Snapshot, iri: str, prop: str) -> list[str]:
    vals = [r["o"] for r in select(snap, f"SELECT DISTINCT ?o WHERE {{ <{iri}> <{prop}> ?o FILTER isLiteral(?o) }}")]
    return sorted({v.value for v in vals if not v.language or v.language.startswith("en")}, key=fold)


def _subjects(snap: Snapshot, prop: str, iri: str) -> list[str]:
    return [r["s"].value for r in select(snap, f"SELECT DISTINCT ?s WHERE {{ ?s <{prop}> <{iri}> }}")]


def exists(snap: Snapshot, iri: str) -> bool:
    check_iri(iri)
    node = ox.NamedNode(iri)
    graph = snap.default_graph
    return (next(iter(snap.store.quads_for_pattern(node, None, None, graph)), None) is not None
            or next(iter(snap.store.quads_for_pattern(None, None, node, graph)), None) is not None)


def common(snap: Snapshot, iri: str) -> dict:
    """What every entity page shows: label, kind, types, aliases, definition, external links, documents."""
    index = index_of(snap)
    types = sorted((t for t in index.types.get(iri, ()) if t.startswith(ITUKG)),
                   key=lambda t: fold(label(snap, t)))
    aliases = [a for a in _literals(snap, iri, SKOS + "altLabel") if a != label(snap, iri)]
    links = []
    for r in select(snap, f"SELECT ?p ?o WHERE {{ {_values('p', EXTERNAL_LINK_PROPERTIES)} <{iri}> ?p ?o "
                          "FILTER isIRI(?o) }"):
        links.append({"predicate": predicate_ref(snap, r["p"].value), "iri": r["o"].value,
                      "site": _site_name(r["o"].value)})
    links.sort(key=lambda x: (x["predicate"]["label"], x["iri"]))
    return {
        **ref(snap, iri),
        "curie": curie(iri),
        "types": [ref(snap, t) for t in types],
        "aliases": aliases,
        "definition": (_literals(snap, iri, SKOS + "definition") or _literals(snap, iri, RDFS + "comment")
                       or [None])[0],
        "links": links,
        "documents": sorted_refs(snap, [d for d in _objects(snap, iri, PROV + "wasDerivedFrom")
                                        if index.kinds.get(d) == "document"]),
        "graph": neighbourhood(snap, iri),
    }


def _site_name(iri: str) -> str:
    if "wikidata.org" in iri:
        return "Wikidata"
    if "wikipedia.org" in iri:
        return "Wikipedia"
    m = re.match(r"^https?://([^/]+)", iri)
    return m.group(1) if m else iri


def meeting_page(snap: Snapshot, iri: str) -> dict:
    page = common(snap, iri)
    m = meetings(snap).get(iri, {})
    page["meeting"] = m
    page["when"] = m.get("when", "")
    one = lambda key: ref(snap, m[key][0]) if m.get(key) else None  # noqa: E731
    page["place"] = m.get("place") and ref(snap, m["place"])
    page["country"] = m.get("country") and ref(snap, m["country"])
    page["event"] = [ref(snap, e) for e in m.get("coLocatedWith", [])]
    page["host"] = [ref(snap, h) for h in m.get("host", [])]
    page["series"] = one("inSeries")
    page["ordinal"] = m.get("ordinal", [None])[0] if m.get("ordinal") else None
    count = m.get("participantCount")
    qualifier = m.get("participantCountQualifier")
    page["participant_count"] = (f"{qualifier[0]} {count[0]}" if qualifier and qualifier[0] != "exactly"
                                 else count[0]) if count else None
    page["study_period"] = ", ".join(m.get("studyPeriod", []))
    page["next"] = [meeting_summary(snap, n) for n in m.get("nextMeeting", [])]
    page["previous"] = [meeting_summary(snap, p) for p in _subjects(snap, ITUKG + "nextMeeting", iri)]
    page["web_pages"] = m.get("webPage", []) + m.get("communique", [])
    page["source_documents"] = sorted_refs(snap, m.get("describedIn", []))

    parts = sorted((r for r in participations(snap) if r["meeting"] == iri),
                   key=lambda r: fold(label(snap, r["organization"])))
    page["participants"] = [{"organization": ref(snap, r["organization"]),
                             "country": r["country"] and ref(snap, r["country"]), "source": r["source"]}
                            for r in parts]
    people: dict[str, dict] = {}
    own_graphs = {str(ns.document_graph(d.rsplit("/", 1)[-1])) for d in m.get("describedIn", [])}
    for r in select(snap, f"""SELECT ?person ?post ?g WHERE {{ <{iri}> itukg:mentionsPerson ?person .
            OPTIONAL {{ GRAPH ?g {{ ?person itukg:holdsPost ?post }} }} }}"""):
        p = people.setdefault(r["person"].value, {"person": ref(snap, r["person"].value), "posts": {}})
        if r["post"] is not None:
            post = p["posts"].setdefault(r["post"].value, {**ref(snap, r["post"].value), "stated": False})
            post["stated"] = post["stated"] or r["g"].value in own_graphs
    # A post the meeting's documents give is shown as theirs; one only the reference data gives is marked: the
    # reference records that the person held it at some time, with no dates (ontology/reference/itu.ttl).
    page["people"] = sorted(({"person": p["person"],
                              "posts": sorted((x for x in p["posts"].values() if x["stated"]), key=lambda x: x["label"]),
                              "other_posts": sorted((x for x in p["posts"].values() if not x["stated"]),
                                                    key=lambda x: x["label"])}
                             for p in people.values()), key=lambda x: fold(x["person"]["label"]))
    page["topics"] = sorted_refs(snap, [t for mm, t in meeting_topics(snap) if mm == iri])

    items: dict[str, dict] = {}
    for r in select(snap, f"""SELECT ?i ?pos ?text ?t WHERE {{ <{iri}> itukg:hasDiscussionItem ?i .
            OPTIONAL {{ ?i itukg:position ?pos }} OPTIONAL {{ ?i itukg:itemText ?text }}
            OPTIONAL {{ ?i itukg:topic ?t }} }}"""):
        it = items.setdefault(r["i"].value, {**ref(snap, r["i"].value), "position": as_int(r["pos"], 0),
                                             "text": val(r["text"]) or "", "topics": set()})
        if r["t"] is not None:
            it["topics"].add(r["t"].value)
    page["discussion_items"] = sorted(({**it, "topics": sorted_refs(snap, it["topics"])} for it in items.values()),
                           key=lambda x: (x["position"], x["label"]))
    page["actions"] = group_actions(snap, meeting=iri)
    mentioned = defaultdict(set)
    for r in select(snap, f"""SELECT ?p ?o WHERE {{ VALUES ?p {{ itukg:mentionsGroup itukg:groupRepresented
            itukg:mentionsOrganization itukg:mentionsEvent }} <{iri}> ?p ?o }}"""):
        mentioned[r["p"].value[len(ITUKG):]].add(r["o"].value)
    page["groups_represented"] = sorted_refs(snap, mentioned["groupRepresented"])
    page["groups_mentioned"] = sorted_refs(snap, mentioned["mentionsGroup"] - mentioned["groupRepresented"])
    page["organizations_mentioned"] = sorted_refs(snap, mentioned["mentionsOrganization"])
    page["events_mentioned"] = sorted_refs(snap, mentioned["mentionsEvent"])
    page["counts"] = [{"value": as_int(r["v"]), "of": val(r["of"])} for r in select(snap, f"""
        SELECT ?v ?of WHERE {{ <{iri}> itukg:statedCount ?c . ?c itukg:countValue ?v . OPTIONAL {{ ?c itukg:countOf ?of }} }}
        ORDER BY DESC(?v)""")]
    parts_of = [iri] + [r["x"].value for r in select(snap, f"""SELECT DISTINCT ?x WHERE {{ VALUES ?p {{
        itukg:hasParticipation itukg:hasDiscussionItem itukg:hasGroupAction itukg:statedCount }} <{iri}> ?p ?x }}""")]
    page["evidence"] = evidence(snap, subjects=parts_of)
    return page


def group_actions(snap: Snapshot, meeting: str | None = None, group: str | None = None,
                  topic: str | None = None) -> list[dict]:
    """GroupAction nodes (what a meeting asks of or says about a group), filtered by meeting, actor or topic."""
    where = []
    if meeting:
        where.append(f"<{check_iri(meeting)}> itukg:hasGroupAction ?a .")
    if group:
        where.append(f"?a itukg:actor <{check_iri(group)}> .")
    if topic:
        where.append(f"?a itukg:actionTopic <{check_iri(topic)}> .")
    rows: dict[str, dict] = {}
    for r in select(snap, "SELECT ?a ?m ?g ?kind ?text ?t WHERE { ?a a itukg:GroupAction . " + " ".join(where) + """
            OPTIONAL { ?m itukg:hasGroupAction ?a } OPTIONAL { ?a itukg:actor ?g }
            OPTIONAL { ?a itukg:actionKind ?kind } OPTIONAL { ?a itukg:actionText ?text }
            OPTIONAL { ?a itukg:actionTopic ?t } }"""):
        a = rows.setdefault(r["a"].value, {"iri": r["a"].value, "meeting": None, "group": None, "kind": None,
                                           "text": "", "topics": set()})
        if r["m"] is not None:
            a["meeting"] = meeting_summary(snap, r["m"].value)
        if r["g"] is not None:
            a["group"] = ref(snap, r["g"].value)
        a["kind"] = val(r["kind"]) or a["kind"]
        a["text"] = val(r["text"]) or a["text"]
        if r["t"] is not None:
            a["topics"].add(r["t"].value)
    out = [{**a, "topics": sorted_refs(snap, a["topics"])} for a in rows.values()]
    out.sort(key=lambda a: ((a["meeting"] or {}).get("start") or "", a["iri"]))
    return out


def _year_counts(rows: list[dict]) -> list[dict]:
    per = Counter(r["year"] for r in rows if r.get("year"))
    if not per:
        return []
    return [{"year": y, "count": per.get(y, 0)} for y in range(min(per), max(per) + 1)]


def organization_page(snap: Snapshot, iri: str) -> dict:
    page = common(snap, iri)
    page["based_in"] = sorted_refs(snap, _objects(snap, iri, ITUKG + "basedIn"))
    took_part = []
    for r in participations(snap):
        if r["organization"] == iri:
            took_part.append({**meeting_summary(snap, r["meeting"]),
                              "for_country": r["country"] and ref(snap, r["country"]), "source": r["source"]})
    took_part.sort(key=lambda x: (x["start"] or "", x["label"]))
    page["participations"] = took_part
    page["by_year"] = _year_counts(took_part)
    page["countries"] = sorted_refs(snap, [p["for_country"]["iri"] for p in took_part if p["for_country"]])
    page["mentioned_at"] = by_date(snap, _subjects(snap, ITUKG + "mentionsOrganization", iri))
    page["hosted"] = by_date(snap, _subjects(snap, ITUKG + "host", iri))
    page["posts"] = _posts_in(snap, iri)
    page["units"] = sorted_refs(snap, _subjects(snap, ITUKG + "partOf", iri))
    page["evidence"] = evidence(snap, subjects=[iri], objects=[iri])
    return page


def _posts_in(snap: Snapshot, unit: str) -> list[dict]:
    posts: dict[str, dict] = {}
    for r in select(snap, f"""SELECT ?post ?person WHERE {{ ?post itukg:postIn <{unit}> .
            OPTIONAL {{ ?person itukg:holdsPost ?post }} }}"""):
        p = posts.setdefault(r["post"].value, {"post": ref(snap, r["post"].value), "holders": set()})
        if r["person"] is not None:
            p["holders"].add(r["person"].value)
    return sorted(({"post": p["post"], "holders": sorted_refs(snap, p["holders"])} for p in posts.values()),
                  key=lambda x: fold(x["post"]["label"]))


def topic_page(snap: Snapshot, iri: str) -> dict:
    page = common(snap, iri)
    page["broader"] = sorted_refs(snap, _objects(snap, iri, SKOS + "broader"))
    page["narrower"] = sorted_refs(snap, set(_objects(snap, iri, SKOS + "narrower"))
                                   | set(_subjects(snap, SKOS + "broader", iri)))
    page["related"] = sorted_refs(snap, set(_objects(snap, iri, SKOS + "related"))
                                  | set(_subjects(snap, SKOS + "related", iri)))
    page["schemes"] = sorted_refs(snap, _objects(snap, iri, SKOS + "inScheme"))
    page["responsible"] = sorted_refs(snap, _objects(snap, iri, ITUKG + "responsibleGroup"))
    # meetings that discussed the topic or a narrower one (as the topic-meetings named query does)
    via: dict[str, set] = defaultdict(set)
    kinds = index_of(snap).kinds
    # the topic and its narrower topics first (a few), then the cached meeting-topic table: a join starting
    # from every meeting's topics is slow on a large graph
    narrower = {r["t"].value for r in select(snap, f"SELECT DISTINCT ?t WHERE {{ ?t skos:broader* <{iri}> }}")}
    for m, t in meeting_topics(snap):
        if t in narrower and kinds.get(m) == "meeting":
            via[m].add(t)
    discussed = []
    for m, ts in via.items():
        row = meeting_summary(snap, m)
        row["via"] = sorted_refs(snap, ts - {iri})
        row["direct"] = iri in ts
        discussed.append(row)
    discussed.sort(key=lambda x: (x["start"] or "", x["label"]))
    page["meetings"] = discussed
    years: dict = defaultdict(list)
    for row in discussed:
        years[row["year"] or "undated"].append(row)
    page["meetings_by_year"] = sorted(years.items(), key=lambda kv: str(kv[0]))
    page["by_year"] = _year_counts(discussed)
    page["discussion_items"] = [{**ref(snap, r["i"].value), "meeting": meeting_summary(snap, r["m"].value)}
                     for r in select(snap, f"""SELECT DISTINCT ?i ?m WHERE {{ ?i itukg:topic <{iri}> ;
                        a itukg:DiscussionItem ; itukg:discussionItemOf ?m }}""")]
    page["discussion_items"].sort(key=lambda x: (x["meeting"]["start"] or "", x["label"]))
    page["actions"] = group_actions(snap, topic=iri)
    page["evidence"] = evidence(snap, objects=[iri])
    return page


def group_page(snap: Snapshot, iri: str) -> dict:
    page = common(snap, iri)
    page["notation"] = ", ".join(_literals(snap, iri, SKOS + "notation"))
    page["official_title"] = ", ".join(_literals(snap, iri, ITUKG + "officialTitle"))
    page["study_periods"] = _literals(snap, iri, ITUKG + "studyPeriod")
    page["established"] = ", ".join(format_date(x) for x in _literals(snap, iri, ITUKG + "established"))
    page["group_number"] = ", ".join(_literals(snap, iri, ITUKG + "groupNumber"))
    page["part_of"] = sorted_refs(snap, _objects(snap, iri, ITUKG + "partOf"))
    page["parts"] = sorted_refs(snap, _subjects(snap, ITUKG + "partOf", iri))
    page["actions"] = group_actions(snap, group=iri)
    mention: dict[str, set] = defaultdict(set)
    for r in select(snap, f"""SELECT ?m ?p WHERE {{ VALUES ?p {{ itukg:mentionsGroup itukg:groupRepresented }}
            ?m ?p <{iri}> }}"""):
        mention[r["m"].value].add(local_name(r["p"].value))
    for a in page["actions"]:
        if a["meeting"]:
            mention[a["meeting"]["iri"]].add("hasGroupAction")
    words = {"mentionsGroup": "mentioned", "groupRepresented": "leaders present", "hasGroupAction": "asked to act"}
    rows = by_date(snap, mention)
    for row in rows:
        row["how"] = sorted(words[w] for w in mention[row["iri"]])
    page["meetings"] = rows
    page["responsible_for"] = sorted_refs(snap, _subjects(snap, ITUKG + "responsibleGroup", iri))
    page["action_topics"] = sorted_refs(snap, {t["iri"] for a in page["actions"] for t in a["topics"]})
    page["posts"] = _posts_in(snap, iri)
    page["evidence"] = evidence(snap, subjects=[iri], objects=[iri])
    return page


def person_page(snap: Snapshot, iri: str) -> dict:
    page = common(snap, iri)
    page["name"] = ", ".join(_literals(snap, iri, ITUKG + "name"))
    page["honorific"] = ", ".join(_literals(snap, iri, ITUKG + "honorific"))
    posts = []
    sources: dict[str, set] = defaultdict(set)
    for r in select(snap, f"SELECT ?post ?g WHERE {{ GRAPH ?g {{ <{iri}> itukg:holdsPost ?post }} }}"):
        sources[r["post"].value].add(r["g"].value)
    documents = {str(ns.document_graph(d.rsplit("/", 1)[-1])): d for d in index_of(snap).by_kind.get("document", [])}
    for post in sorted(set(_objects(snap, iri, ITUKG + "holdsPost"))):
        named_in = sorted_refs(snap, [documents[g] for g in sources.get(post, ()) if g in documents])
        posts.append({"post": ref(snap, post), "in": sorted_refs(snap, _objects(snap, post, ITUKG + "postIn")),
                      "documents": named_in, "reference_only": not named_in})
    page["posts"] = sorted(posts, key=lambda p: fold(p["post"]["label"]))
    page["meetings"] = by_date(snap, _subjects(snap, ITUKG + "mentionsPerson", iri))
    page["evidence"] = evidence(snap, subjects=[iri], objects=[iri])
    return page


def place_page(snap: Snapshot, iri: str) -> dict:
    page = common(snap, iri)
    page["in_country"] = sorted_refs(snap, _objects(snap, iri, ITUKG + "inCountry"))
    page["codes"] = [c for c in (_literals(snap, iri, ITUKG + "isoAlpha2") + _literals(snap, iri, ITUKG + "isoAlpha3"))]
    table = meetings(snap)
    held = [m for m, info in table.items() if iri in info["location"] or info.get("country") == iri
            or info.get("place") == iri]
    page["meetings"] = by_date(snap, held)
    page["is_country"] = page["kind"] == "country"
    page["places"] = []
    page["organizations"] = []
    page["participations"] = []
    if page["is_country"]:
        cities = {info["place"] for info in table.values() if info.get("country") == iri and info.get("place")}
        page["places"] = sorted_refs(snap, cities)
        page["organizations"] = sorted_refs(snap, _subjects(snap, ITUKG + "basedIn", iri))
        rows = [{**meeting_summary(snap, r["meeting"]), "organization": ref(snap, r["organization"]),
                 "source": r["source"]} for r in participations(snap) if r["country"] == iri]
        rows.sort(key=lambda x: (x["start"] or "", fold(x["organization"]["label"])))
        page["participations"] = rows
    page["evidence"] = evidence(snap, subjects=[iri], objects=[iri])
    return page


def document_page(snap: Snapshot, iri: str) -> dict:
    page = common(snap, iri)
    content = ""
    for r in select(snap, f"SELECT ?c WHERE {{ <{iri}> itukg:content ?c }} LIMIT 1"):
        content = r["c"].value
    page["file_name"] = ", ".join(_literals(snap, iri, ITUKG + "fileName"))
    page["format"] = ", ".join(_literals(snap, iri, DCTERMS + "format"))
    page["sha256"] = ", ".join(_literals(snap, iri, ITUKG + "sha256"))
    page["title"] = ", ".join(_literals(snap, iri, DCTERMS + "title"))
    page["reports_on"] = by_date(snap, _objects(snap, iri, ITUKG + "reportsOn"))
    page["graph_iri"] = (str(ns.document_graph(page["sha256"]))
                         if re.fullmatch(r"[0-9a-f]{64}", page["sha256"] or "") else None)
    rows = evidence(snap, document=iri)
    page["evidence"] = rows
    page["length"] = len(content)
    page.update(highlight(snap, content, rows))
    mentioned = Counter()
    for span in page["spans"].values():
        for t in span["targets"]:
            mentioned[t["iri"]] += 1
    page["mentioned"] = sorted(({**ref(snap, i), "times": n} for i, n in mentioned.items()),
                               key=lambda x: (KIND_ORDER.get(x["kind"], 99), fold(x["label"])))
    return page


_NOT_TARGETS = ("class", "property", "resource", "evidence", "participation", "count")


def _span_targets(snap: Snapshot, rows: list[dict]) -> list[str]:
    """The entities one text span is about: what it names (label/type facts name the subject), else the
    entity objects of its facts, else their subjects."""
    named, objs, subs = [], [], []
    for r in rows:
        s, o = r["subject"], r["object"]
        if r["predicate"]["iri"] in (RDFS + "label", RDF + "type", SKOS + "prefLabel", SKOS + "altLabel"):
            named.append(s.get("iri"))
        elif o.get("iri") and o.get("kind") not in _NOT_TARGETS:
            objs.append(o["iri"])
        elif s.get("iri"):
            subs.append(s["iri"])
    out = []
    for i in named + objs + subs:
        if i and i not in out and kind_of(snap, i) not in ("participation", "count", "evidence"):
            out.append(i)
    if not out:  # a participation or count: show what it belongs to
        out = [i for i in dict.fromkeys(subs + objs) if i]
    return out


def highlight(snap: Snapshot, content: str, rows: list[dict]) -> dict:
    """Split `content` at every evidence boundary into segments that carry the spans covering them.

    Returns {segments: [{text, spans, mention, target, anchors}], spans: {id: {start, end, quote, mention,
    targets, facts}}}. A segment inside at least one mention (a span up to MENTION_MAX characters) links to the
    innermost mention's main entity; one only inside passages is shaded. Offsets are Python string indexes
    (code points), as the extractor wrote them.
    """
    by_span: dict[tuple, list] = defaultdict(list)
    n = len(content)
    for r in rows:
        if 0 <= r["start"] < r["end"] <= n:
            by_span[(r["start"], r["end"])].append(r)
    spans = {}
    for (start, end), facts in sorted(by_span.items()):
        sid = span_id(start, end)
        targets = _span_targets(snap, facts)
        spans[sid] = {
            "id": sid, "start": start, "end": end, "quote": content[start:end],
            "mention": (end - start) <= MENTION_MAX and "\n" not in content[start:end].strip(),
            "targets": [ref(snap, t) for t in targets],
            "facts": [_fact_text(f) for f in facts],
        }
    bounds = sorted({0, n} | {s["start"] for s in spans.values()} | {s["end"] for s in spans.values()})
    starts: dict[int, list] = defaultdict(list)
    for s in spans.values():
        starts[s["start"]].append(s["id"])
    active: set = set()
    segments = []
    for a, b in zip(bounds, bounds[1:]):
        active = {sid for sid in active if spans[sid]["end"] > a}
        active |= set(starts.get(a, ()))
        ordered = sorted(active, key=lambda sid: (spans[sid]["end"] - spans[sid]["start"], sid))
        mentions = [sid for sid in ordered if spans[sid]["mention"] and spans[sid]["targets"]]
        segments.append({
            "text": content[a:b],
            "spans": ordered,
            "mentions": mentions,
            "target": spans[mentions[0]]["targets"][0] if mentions else None,
            "anchors": sorted(starts.get(a, ()), key=lambda sid: spans[sid]["end"]),
        })
    return {"segments": segments, "spans": spans}


def _fact_text(row: dict) -> str:
    s, p, o = row["subject"], row["predicate"], row["object"]
    return f"{s.get('label') or s.get('literal')} · {p['label']} · {o.get('label') or o.get('literal')}"


def generic_page(snap: Snapshot, iri: str) -> dict:
    page = common(snap, iri)
    page["evidence"] = evidence(snap, subjects=[iri], objects=[iri])
    return page


PAGE_BUILDERS = {
    "meeting": meeting_page, "organization": organization_page, "topic": topic_page, "group": group_page,
    "person": person_page, "place": place_page, "country": place_page, "document": document_page,
}


def entity_page(snap: Snapshot, iri: str) -> dict | None:
    """The data of the page about `iri` (dispatching on its kind), or None when the dataset has nothing on it."""
    check_iri(iri)
    if not exists(snap, iri):
        return None
    kind = kind_of(snap, iri)
    return PAGE_BUILDERS.get(kind, generic_page)(snap, iri)


# --- lists ---------------------------------------------------------------------------------------------------

def entity_list(snap: Snapshot, name: str, q: str = "", scope: str = "") -> dict:
    """The rows of /ui/list/<name> with the columns that kind needs (all rows; the view paginates).
    `scope="documents"`: only what the documents name (not the reference data's other entries)."""
    kind, title = LISTS[name]
    iris = index_of(snap).by_kind.get(kind, [])
    scope = "documents" if scope == "documents" else ""
    if scope:
        named = in_documents(snap)
        iris = [i for i in iris if i in named]
    needle = fold(q)
    if needle:
        iris = [i for i in iris if needle in fold(label(snap, i))]
    rows: list[dict]
    columns: list[str]
    if kind == "meeting":
        rows = by_date(snap, iris, newest_first=True)
        columns = ["Date", "Meeting", "Place"]
    else:
        rows = [ref(snap, i) for i in iris]
        columns = ["Name"]
        if kind == "organization":
            per = Counter(r["organization"] for r in participations(snap))
            based = defaultdict(list)
            for r in select(snap, "SELECT ?o ?c WHERE { ?o itukg:basedIn ?c }"):
                based[r["o"].value].append(r["c"].value)
            for row in rows:
                row["based_in"] = sorted_refs(snap, based.get(row["iri"], []))
                row["meetings"] = per.get(row["iri"], 0)
            columns = ["Name", "Based in", "Meetings"]
        elif kind == "topic":
            per = Counter(t for _, t in meeting_topics(snap))
            broader = defaultdict(list)
            for r in select(snap, "SELECT ?t ?b WHERE { ?t a itukg:Topic ; skos:broader ?b }"):
                broader[r["t"].value].append(r["b"].value)
            for row in rows:
                row["broader"] = sorted_refs(snap, broader.get(row["iri"], []))
                row["meetings"] = per.get(row["iri"], 0)
            columns = ["Topic", "Broader", "Meetings"]
        elif kind == "group":
            notation = {r["g"].value: r["n"].value for r in select(
                snap, "SELECT ?g ?n WHERE { ?g a itukg:ITUTGroup ; skos:notation ?n }")}
            per = Counter(r["g"].value for r in select(snap, """SELECT DISTINCT ?m ?g WHERE {
                ?m (itukg:mentionsGroup|itukg:groupRepresented) ?g }"""))
            for row in rows:
                row["notation"] = notation.get(row["iri"], "")
                row["meetings"] = per.get(row["iri"], 0)
            columns = ["Notation", "Group", "Meetings"]
        elif kind == "person":
            posts = defaultdict(list)
            for r in select(snap, "SELECT ?p ?post WHERE { ?p a itukg:Person ; itukg:holdsPost ?post }"):
                posts[r["p"].value].append(r["post"].value)
            per = Counter(r["p"].value for r in select(
                snap, "SELECT DISTINCT ?m ?p WHERE { ?m itukg:mentionsPerson ?p }"))
            for row in rows:
                row["posts"] = sorted_refs(snap, posts.get(row["iri"], []))
                row["meetings"] = per.get(row["iri"], 0)
            columns = ["Name", "Posts", "Meetings"]
        elif kind == "document":
            reports = defaultdict(list)
            for r in select(snap, "SELECT ?d ?m WHERE { ?d itukg:reportsOn ?m }"):
                reports[r["d"].value].append(r["m"].value)
            for row in rows:
                row["reports_on"] = by_date(snap, reports.get(row["iri"], []))
            columns = ["Document", "Reports on"]
        elif kind in ("place", "country"):
            held = Counter()
            for info in meetings(snap).values():
                for p in {info.get("place"), info.get("country")} - {None}:
                    held[p] += 1
            for row in rows:
                row["meetings"] = held.get(row["iri"], 0)
            rows.sort(key=lambda r: (-r["meetings"], fold(r["label"])))
            columns = ["Name", "Meetings held"]
    return {"name": name, "kind": kind, "title": title, "rows": rows, "columns": columns, "q": q, "scope": scope}


# --- ontology ---------------------------------------------------------------------------------------------

_CHARACTERISTICS = {OWL + "FunctionalProperty": "functional", OWL + "InverseFunctionalProperty": "inverse functional",
                    OWL + "TransitiveProperty": "transitive", OWL + "SymmetricProperty": "symmetric",
                    OWL + "AsymmetricProperty": "asymmetric", OWL + "IrreflexiveProperty": "irreflexive"}


def ontology_doc(snap: Snapshot) -> dict:
    """The ontology graph as documentation: header, classes (with their tree), properties, alignments."""
    return _cached(snap, "ontology", lambda: _ontology_doc(snap))


def _ontology_doc(snap: Snapshot) -> dict:
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    if not snap.store.contains_named_graph(graph):
        return {"present": False, "header": {}, "classes": [], "object_properties": [], "datatype_properties": [],
                "annotation_properties": [], "alignments": [], "tree": []}
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for q in snap.store.quads_for_pattern(None, None, None, graph):
        if isinstance(q.subject, ox.NamedNode):
            props[q.subject.value][q.predicate.value].append(q.object)
    index = index_of(snap)

    def lit(s, p):
        values = [o for o in props[s].get(p, []) if isinstance(o, ox.Literal)]
        values.sort(key=lambda o: _rank_literal(o))
        return values[0].value if values else None

    def iris(s, p):
        return sorted({o.value for o in props[s].get(p, []) if isinstance(o, ox.NamedNode)})

    def term(iri):
        own = iri.startswith(ITUKG)
        lab = lit(iri, RDFS + "label") if iri in props else None
        return {"iri": iri, "curie": curie(iri) or iri, "label": lab or curie(iri) or local_name(iri),
                "anchor": local_name(iri) if own else None}

    header = {}
    if ONTOLOGY_IRI in props:
        header = {
            "iri": ONTOLOGY_IRI,
            "title": lit(ONTOLOGY_IRI, DCTERMS + "title"),
            "description": lit(ONTOLOGY_IRI, DCTERMS + "description"),
            "version": lit(ONTOLOGY_IRI, OWL + "versionInfo"),
            "version_iri": (iris(ONTOLOGY_IRI, OWL + "versionIRI") or [None])[0],
            "license": (iris(ONTOLOGY_IRI, DCTERMS + "license") or [None])[0],
            "created": lit(ONTOLOGY_IRI, DCTERMS + "created"),
            "modified": lit(ONTOLOGY_IRI, DCTERMS + "modified"),
            "prefix": lit(ONTOLOGY_IRI, "http://purl.org/vocab/vann/preferredNamespacePrefix"),
            "namespace": lit(ONTOLOGY_IRI, "http://purl.org/vocab/vann/preferredNamespaceUri"),
        }
    own = sorted((s for s in props if s.startswith(ITUKG)), key=lambda s: local_name(s).lower())
    classes, objprops, dataprops, annprops, alignments = [], [], [], [], []
    instances = Counter()
    for types in index.types.values():
        for t in types:
            if t.startswith(ITUKG):
                instances[t] += 1
    for s in own:
        types = set(iris(s, RDF + "type"))
        entry = {
            **term(s),
            "definition": lit(s, SKOS + "definition") or lit(s, RDFS + "comment"),
            "comment": lit(s, RDFS + "comment") if lit(s, SKOS + "definition") else None,
            "examples": sorted(o.value for o in props[s].get(SKOS + "example", []) if isinstance(o, ox.Literal)),
            "scope_note": lit(s, SKOS + "scopeNote"),
        }
        kind = term_kind(types)  # counted as `itukg ontology` counts (graph/summary.py)
        if kind == "classes":
            entry["super"] = [term(x) for x in iris(s, RDFS + "subClassOf")]
            entry["sub"] = [term(x) for x in sorted(o for o in own if s in iris(o, RDFS + "subClassOf"))]
            entry["equivalent"] = [term(x) for x in iris(s, OWL + "equivalentClass")]
            entry["disjoint"] = [term(x) for x in iris(s, OWL + "disjointWith")]
            entry["instances"] = instances.get(s, 0)
            classes.append(entry)
            for x in entry["super"] + entry["equivalent"]:
                if not x["iri"].startswith(ITUKG):
                    alignments.append({"term": term(s), "relation": "subClassOf" if x in entry["super"]
                                       else "equivalentClass", "target": x})
            continue
        entry["super"] = [term(x) for x in iris(s, RDFS + "subPropertyOf")]
        entry["inverse"] = [term(x) for x in iris(s, OWL + "inverseOf")]
        entry["domain"] = [term(x) for x in iris(s, RDFS + "domain")]
        entry["range"] = [term(x) for x in iris(s, RDFS + "range")]
        entry["domain_includes"] = [term(x) for x in iris(s, SCHEMA + "domainIncludes")]
        entry["range_includes"] = [term(x) for x in iris(s, SCHEMA + "rangeIncludes")]
        entry["characteristics"] = sorted(_CHARACTERISTICS[t] for t in types if t in _CHARACTERISTICS)
        for x in entry["super"] + entry["inverse"]:
            if not x["iri"].startswith(ITUKG):
                alignments.append({"term": term(s), "relation": "subPropertyOf" if x in entry["super"]
                                   else "inverseOf", "target": x})
        if kind == "object properties":
            objprops.append(entry)
        elif kind == "datatype properties":
            dataprops.append(entry)
        elif kind == "annotation properties":
            annprops.append(entry)
    by_iri = {c["iri"]: c for c in classes}

    def tree(c, seen=()):
        return {"term": term(c["iri"]), "children": [tree(by_iri[x["iri"]], seen + (c["iri"],))
                                                      for x in c["sub"] if x["iri"] in by_iri
                                                      and x["iri"] not in seen]}

    roots = [c for c in classes if not any(x["iri"] in by_iri for x in c["super"])]
    alignments.sort(key=lambda a: (a["term"]["curie"], a["relation"], a["target"]["curie"]))
    summary = ontology_phrase({"classes": len(classes), "object properties": len(objprops),
                               "datatype properties": len(dataprops), "annotation properties": len(annprops)})
    return {"present": True, "header": header, "summary": summary, "classes": classes, "object_properties": objprops,
            "datatype_properties": dataprops, "annotation_properties": annprops, "alignments": alignments,
            "tree": [tree(c) for c in roots], "triples": sum(len(v) for p in props.values() for v in p.values())}


# --- build report -------------------------------------------------------------------------------------------

def short_paths(paths: Iterable[str]) -> Callable[[str], str]:
    """A function showing a path (or a message naming it) relative to the folder the build's documents share,
    as the user gave them, rather than where they lie (a site-packages folder for the bundled corpus)."""
    folders = [os.path.dirname(p) for p in paths if p and os.path.isabs(p)]
    root = os.path.commonpath(folders) if folders else ""
    if root in ("", os.sep):
        return lambda text: text
    prefix = root.rstrip(os.sep) + os.sep

    def short(text):
        return text.replace(prefix, "") if isinstance(text, str) else text

    return short


def build_report(snap: Snapshot, base: str = DEFAULT_BASE_IRI) -> dict:
    """The SHACL outcome of the build that made the current generation (manifest.json); `base`: that of the
    dataset's instance IRIs."""
    manifest = snap.manifest or {}
    sources = [str((d if isinstance(d, dict) else {}).get("source") or k)
               for k, d in (manifest.get("documents") or {}).items()]
    sources += [str(r.get("source")) for r in manifest.get("rejected") or [] if isinstance(r, dict)]
    short = short_paths(sources)
    documents = []
    for key, doc in sorted((manifest.get("documents") or {}).items()):
        doc = doc if isinstance(doc, dict) else {}
        sha = doc.get("sha256") or ""
        documents.append({
            "source": short(doc.get("source") or key), "name": doc.get("name") or Path(str(key)).name,
            "sha256": sha, "triples": doc.get("triples"), "meetings": doc.get("meetings"),
            "media_type": doc.get("media_type"), "warnings": list(doc.get("warnings") or []),
            "iri": f"{base}document/{sha}" if sha else None,
        })
    rejected = []
    for r in manifest.get("rejected") or []:
        if isinstance(r, dict):
            rejected.append({"source": short(r.get("source")), "problems": [short(x) for x in r.get("problems") or []]})
        else:
            rejected.append({"source": short(str(r)), "problems": []})
    return {
        "present": bool(manifest),
        "built": manifest.get("built"),
        "version": manifest.get("version"),
        "generation": snap.generation,
        "stats": manifest.get("stats") or {},
        "documents": documents,
        "rejected": rejected,
        "unreadable": [short(str(u)) for u in manifest.get("unreadable") or []],
        "warnings": sum(len(d["warnings"]) for d in documents),
        "reference_sha256": manifest.get("reference_sha256"),
    }


# --- the query editor -------------------------------------------------------------------------------------------

def example_queries(snap: Snapshot) -> list[dict]:
    """The named queries (queries/*.rq) as one-click examples; parameters get a sample value from the data."""
    from . import named_queries as nq

    out = []
    for q in nq.named_queries().values():
        values = {name: _sample_value(snap, name, desc) for name, desc in q.params.items()}
        text = nq.bind(q, values) if all(values.values()) else q.text
        out.append({"name": q.name, "title": q.title, "description": q.description, "params": q.params,
                    "values": values, "text": text})
    return out


def _sample_value(snap: Snapshot, name: str, description: str) -> str:
    m = re.search(r"e\.g\.\s*<?(\S+?)>?(?:[\s,;)]|$)", description)
    if m:
        return m.group(1)
    kind = {"topic": "topic", "meeting": "meeting", "organization": "organization", "org": "organization",
            "group": "group", "person": "person", "entity": "organization", "country": "country"}.get(name)
    if kind == "topic":
        per = Counter(t for _, t in meeting_topics(snap))
        parents = {r["b"].value for r in select(snap, "SELECT DISTINCT ?b WHERE { ?t skos:broader ?b }")}
        ranked = sorted(per, key=lambda t: (-(t in parents), -per[t], t))
        if ranked:
            return ranked[0]
    if kind == "meeting":
        latest = latest_meetings(snap, 1)
        if latest:
            return latest[0]["iri"]
    if kind:
        iris = index_of(snap).by_kind.get(kind, [])
        if iris:
            return iris[0]
    return ""


def completion_terms(snap: Snapshot) -> dict:
    """For the editor's completion: the prefixes and the ontology's own terms (local name, label, kind)."""
    doc = ontology_doc(snap)
    terms = [{"name": c["anchor"], "label": c["label"], "kind": "class"} for c in doc["classes"]]
    for group in ("object_properties", "datatype_properties"):
        terms += [{"name": p["anchor"], "label": p["label"], "kind": "property"} for p in doc[group]]
    return {"prefixes": QUERY_PREFIXES, "itukg": sorted(terms, key=lambda t: t["name"].lower())}


# === Flask ==========================================================================================

bp = Blueprint("ui", __name__, template_folder="templates", static_folder="static", static_url_path="/ui/static")


@bp.record_once
def _plug_into_linked_data(state) -> None:
    """Browsers asking /id/... get the UI's page (pages.py calls app.config["ITUKG_ENTITY_HTML"]), so entity
    links can use the canonical /id/... paths. An app that sets either key itself keeps its value."""
    state.app.config.setdefault("ITUKG_ENTITY_HTML", entity_response)
    state.app.config.setdefault("ITUKG_SPARQL_HTML", sparql_page)
    state.app.config.setdefault("ITUKG_NOT_FOUND_HTML", not_found_page)
    state.app.config.setdefault("ITUKG_ERROR_HTML", error_page)
    state.app.config.setdefault("ITUKG_UI_ID_PAGES", True)
    threading.Thread(target=_warm_up, args=(weakref.ref(state.app),), name="itukg-ui-warm-up", daemon=True).start()


def current_snapshot() -> Snapshot:
    """The snapshot of the running app: `app.config["ITUKG_UI_SNAPSHOT"]()` if set, else the runtime's."""
    getter = current_app.config.get("ITUKG_UI_SNAPSHOT")
    if getter is not None:
        return getter()
    return current_app.extensions["itukg"].snapshot


def base_iri() -> str:
    rt = current_app.extensions.get("itukg")
    return getattr(getattr(rt, "settings", None), "base_iri", None) or DEFAULT_BASE_IRI


@bp.app_template_filter("ui_url")
@bp.app_template_global("ui_url")
def entity_url(iri: str) -> str:
    """Where the UI shows `iri`: ontology terms on /ontology, entities on their page."""
    if iri.startswith(ITUKG) and len(iri) > len(ITUKG):
        return url_for("ui.ontology") + "#" + iri[len(ITUKG):]
    if iri == ONTOLOGY_IRI:
        return url_for("ui.ontology")
    base = base_iri()
    if current_app.config.get("ITUKG_UI_ID_PAGES") and iri.startswith(base) and len(iri) > len(base):
        return "/id/" + iri[len(base):]
    return url_for("ui.entity", iri=iri)


@bp.app_template_global("ui_page_url")
def page_url(param: str, number: int, anchor: str = "") -> str:
    """This page with `param`=number (other parameters kept), for pagers."""
    args = request.args.to_dict()
    args[param] = str(number)
    if number == 1:
        args.pop(param)
    query = "&".join(f"{_q(k)}={_q(v)}" for k, v in args.items())
    return request.path + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


def _q(text: str) -> str:
    return quote(text, safe="")


@bp.app_template_filter("ui_date")
def _date_filter(value):
    return format_date(value)


@bp.app_template_filter("ui_number")
def _number_filter(value):
    try:
        return f"{int(value):,}".replace(",", "\u202f")
    except (TypeError, ValueError):
        return value


def _page_arg(name: str) -> int:
    try:
        return max(1, int(request.args.get(name, 1)))
    except ValueError:
        return 1


def _ui_config() -> dict:
    return {"baseIri": base_iri(), "idPages": bool(current_app.config.get("ITUKG_UI_ID_PAGES")),
            "ontologyNs": ITUKG, "entityUrl": url_for("ui.entity"), "ontologyUrl": url_for("ui.ontology"),
            "searchUrl": url_for("ui.api_search"), "labelsUrl": url_for("ui.api_labels"), "sparqlUrl": "/sparql"}


def _render(template: str, status: int = 200, **context) -> Response:
    html = render_template(template, ui_config=_ui_config(), **context)
    return Response(html, status=status, content_type="text/html; charset=utf-8")


@bp.get("/")
def home_page():
    snap = current_snapshot()
    return _render("ui/home.html", home=home(snap), active="home")


@bp.get("/ui/api/search")
def api_search():
    q = request.args.get("q", "")
    try:
        limit = min(max(int(request.args.get("limit", SEARCH_LIMIT)), 1), SEARCH_LIMIT)
    except ValueError:
        limit = SEARCH_LIMIT
    hits = search(current_snapshot(), q[:200], limit)
    for h in hits:
        h["href"] = entity_url(h["iri"])
    return jsonify({"query": q, "results": hits})


@bp.post("/ui/api/labels")
def api_labels():
    """{"iris": [...]} -> {"labels": {iri: label}} for the IRIs the dataset labels (at most 500), so the query
    editor can show labels next to prefixed names."""
    body = request.get_json(silent=True) or {}
    iris = body.get("iris") if isinstance(body, dict) else None
    if not isinstance(iris, list):
        return jsonify({"labels": {}})
    known = index_of(current_snapshot()).labels
    return jsonify({"labels": {i: known[i] for i in iris[:500] if isinstance(i, str) and i in known}})


@bp.get("/ui/search")
def search_page():
    q = request.args.get("q", "")
    hits = search(current_snapshot(), q[:200], SEARCH_LIMIT) if q.strip() else []
    return _render("ui/search.html", q=q, hits=hits, active="home")


@bp.get("/query")
def query_page():
    snap = current_snapshot()
    completion = completion_terms(snap)
    completion["prefixes"] = {**completion["prefixes"], "id": base_iri()}  # as the endpoint predefines it
    return _render("ui/query.html", examples=example_queries(snap), completion=completion,
                   initial=request.args.get("query", ""), active="query")


@bp.get("/ui/list/<name>")
def list_page(name: str):
    if name not in LISTS:
        abort(404)
    data = entity_list(current_snapshot(), name, request.args.get("q", "")[:200], request.args.get("in", ""))
    return _render("ui/list.html", data=data, pager=paginate(data["rows"], _page_arg("page")), active="lists")


@bp.get("/ontology")
def ontology():
    return _render("ui/ontology.html", doc=ontology_doc(current_snapshot()), active="ontology")


@bp.get("/report")
def report():
    return _render("ui/report.html", report=build_report(current_snapshot(), base_iri()), active="report")


def render_entity(snap: Snapshot, iri: str) -> str | None:
    """The HTML page about `iri` (needs a request context), or None when the dataset says nothing about it."""
    page = entity_page(snap, iri)
    if page is None:
        return None
    kind = page["kind"]
    template = {"meeting": "meeting", "organization": "organization", "topic": "topic", "group": "group",
                "person": "person", "place": "place", "country": "place", "document": "document"}.get(kind, "generic")
    pagers = {}
    for key in ("evidence", "participants", "participations", "meetings", "organizations", "mentioned_at"):
        if isinstance(page.get(key), list):
            pagers[key] = paginate(page[key], _page_arg(f"{key}_page"))
    statements = None
    if template == "generic":
        statements = _statements(snap, iri)
    spans_json = None
    if kind == "document":
        spans_json = {sid: {"quote": s["quote"][:300], "facts": s["facts"][:12],
                            "targets": [{**t, "href": entity_url(t["iri"])} for t in s["targets"]]}
                      for sid, s in page["spans"].items()}
    graph_json = {"nodes": [{**n, "href": entity_url(n["iri"])} for n in page["graph"]["nodes"]],
                  "edges": page["graph"]["edges"]}
    return render_template(f"ui/entity_{template}.html", page=page, pagers=pagers, statements=statements,
                           spans_json=spans_json, graph_json=graph_json, ui_config=_ui_config(),
                           active="entity")


def _statements(snap: Snapshot, iri: str) -> dict | None:
    """The server engineer's describe() (every statement), for kinds without a page of their own."""
    from . import pages

    data = pages.describe(snap, iri, base_iri(), "/id/")
    if data is None:
        return None

    def fix(t):
        if t.get("kind") == "iri":
            t["href"] = entity_url(t["value"]) if (t.get("local") or exists(snap, t["value"])) else t["value"]
        return t

    for t in data["types"]:
        fix(t)
    for p in data["properties"]:
        fix(p["predicate"])
        for v in p["values"]:
            fix(v)
    for i in data["incoming"]:
        fix(i["subject"])
        fix(i["predicate"])
    return data


def entity_response(snap: Snapshot, iri: str) -> Response | None:
    """For the Linked Data route: the UI page about `iri` as a Response, or None (let the caller fall back)."""
    try:
        html = render_entity(snap, iri)
    except ValueError:
        return None
    if html is None:
        return None
    return Response(html, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})


@bp.get("/ui/entity")
def entity():
    iri = request.args.get("iri", "").strip()
    snap = current_snapshot()
    try:
        check_iri(iri)
    except ValueError:
        return _render("ui/not_found.html", status=400, iri=iri,
                       message="Give the entity as ?iri= followed by an absolute IRI.")
    html = render_entity(snap, iri)
    if html is None:
        return _render("ui/not_found.html", status=404, iri=iri,
                       message="This dataset says nothing about this IRI.")
    return Response(html, content_type="text/html; charset=utf-8")


# --- the endpoint in a browser ----------------------------------------------------------------------------

#: Formats offered by the endpoint page's form: (value of `format`, label).
SPARQL_FORMATS = (("html", "HTML table"), ("json", "SPARQL JSON"), ("xml", "SPARQL XML"), ("csv", "CSV"),
                  ("tsv", "TSV"), ("turtle", "Turtle (CONSTRUCT, DESCRIBE)"), ("jsonld", "JSON-LD (CONSTRUCT, DESCRIBE)"))
MAX_HTML_ROWS = 1000


def prefixed(iri: str, base: str = DEFAULT_BASE_IRI) -> str | None:
    """`iri` as a prefixed name (id: for the dataset's base), or None."""
    if iri.startswith(base) and len(iri) > len(base):
        return "id:" + iri[len(base):]
    return curie(iri)


def display_term(snap: Snapshot, term: dict | None, base: str = DEFAULT_BASE_IRI) -> dict | None:
    """A SPARQL JSON term as a cell shows it: an IRI by its label (if any) with the prefixed name and a link
    (to its page when the dataset describes it), a literal with its language or datatype."""
    if term is None:
        return None
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        own = index_of(snap).labels.get(value)
        known = value in index_of(snap).kinds or exists(snap, value)
        return {"iri": value, "label": own, "prefixed": prefixed(value, base),
                "href": entity_url(value) if known else value}
    if kind in ("literal", "typed-literal"):
        dt = term.get("datatype")
        return {"literal": value, "lang": term.get("xml:lang"),
                "datatype": None if not dt or dt == XSD + "string" else prefixed(dt, base) or dt}
    return {"literal": "_:" + value, "bnode": True}


def sparql_results(snap: Snapshot, reply: dict, base: str = DEFAULT_BASE_IRI) -> dict:
    """A worker's reply (SPARQL JSON, or N-Triples for a graph) as {columns, rows, boolean, truncated}."""
    import json

    body = reply["body"]
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    out = {"columns": [], "rows": [], "boolean": None, "truncated": bool(reply.get("truncated")),
           "shown_limit": MAX_HTML_ROWS, "total": 0}
    if reply.get("kind") == "graph" or reply.get("format") == "nt":
        triples = list(ox.parse(body.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)) if body.strip() else []
        out["columns"] = ["subject", "predicate", "object"]
        out["total"] = len(triples)
        out["rows"] = [[display_term(snap, json_term(x), base) for x in (t.subject, t.predicate, t.object)]
                       for t in triples[:MAX_HTML_ROWS]]
        return out
    data = json.loads(body)
    if "boolean" in data:
        out["boolean"] = bool(data["boolean"])
        return out
    out["columns"] = list(data.get("head", {}).get("vars", []))
    bindings = data.get("results", {}).get("bindings", [])
    out["total"] = len(bindings)
    out["rows"] = [[display_term(snap, b.get(v), base) for v in out["columns"]] for b in bindings[:MAX_HTML_ROWS]]
    return out


def sparql_page(endpoint: str, query: str = "", asserted: bool = False, snapshot: Snapshot | None = None,
                reply: dict | None = None, error: str | None = None, status: int = 200) -> Response:
    """/sparql for a browser: the form, and the answer as a table in the site's layout."""
    snap = snapshot or current_snapshot()
    results = sparql_results(snap, reply, base_iri()) if reply else None
    rt = current_app.extensions.get("itukg")
    asserted_param = getattr(getattr(rt, "settings", None), "asserted_param", "asserted")
    response = _render("ui/sparql.html", status=status, endpoint=endpoint, query=query, asserted=asserted,
                       asserted_param=asserted_param, results=results, error=error, formats=SPARQL_FORMATS,
                       size=getattr(snap, "size", ""), default_query=DEFAULT_ENDPOINT_QUERY,
                       query_string=_q(query), active="sparql")
    response.headers["Vary"] = "Accept"
    return response


DEFAULT_ENDPOINT_QUERY = ("SELECT DISTINCT ?meeting ?label ?start WHERE {\n  ?meeting itukg:describedIn ?document ; rdfs:label ?label .\n"
                          "  OPTIONAL { ?meeting itukg:startDate ?start }\n} ORDER BY DESC(?start) LIMIT 20")


def not_found_page(message: str, iri: str | None = None, status: int = 404) -> Response:
    """A 404 (or other) page in the site's layout, for browsers."""
    response = _render("ui/not_found.html", status=status, iri=iri, message=message)
    response.headers["Vary"] = "Accept"
    return response


def error_page(message: str, status: int, title: str) -> Response:
    """A request the server refused (a bad parameter, a limit), in the site's layout, for browsers."""
    return _render("ui/error.html", status=status, title=title, message=message)


@bp.get("/favicon.ico")
def favicon():
    return redirect(url_for("ui.static", filename="ui/favicon.svg"), code=301)


__all__ = ["bp", "current_snapshot", "entity_response", "render_entity", "search", "entity_page", "home",
           "ontology_doc", "build_report", "example_queries", "neighbourhood", "highlight", "paginate"]
