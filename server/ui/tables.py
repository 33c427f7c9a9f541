"""Whole-graph tables several pages share (meetings, participations, meeting topics, what the documents name),
computed once per snapshot (cache.py)."""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from ...graph.namespaces import GRAPH, ITUKG, REFERENCE_GRAPH
from .cache import cached
from .index import index_of, label, ref
from .sparql import select
from .text import fold, format_range

#: The meeting properties the meeting table reads (local names in the itukg namespace).
MEETING_PROPS = ("startDate", "endDate", "location", "coLocatedWith", "host", "participantCount",
                 "participantCountQualifier", "inSeries", "ordinal", "describedIn", "studyPeriod", "nextMeeting",
                 "webPage", "communique")


def _meeting_table(snap) -> dict:
    index = index_of(snap)
    meetings = {m: {"iri": m, "label": label(snap, m), **{p: [] for p in MEETING_PROPS}}
                for m in index.by_kind.get("meeting", [])}
    if not meetings:
        return {}
    for row in select(snap, "meeting-facts", property=[str(ITUKG[p]) for p in MEETING_PROPS]):
        m = meetings.get(row["m"].value)
        if m is not None:
            m[row["property"].value[len(ITUKG):]].append(row["o"].value)
    in_country = {r["p"].value: r["c"].value for r in select(snap, "place-countries")}
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


def meetings(snap) -> dict:
    """iri -> the meeting's main facts (dates, place, country, event, host, documents...), cached."""
    return cached(snap, "meetings", lambda: _meeting_table(snap))


def meeting_summary(snap, iri: str) -> dict:
    m = meetings(snap).get(iri)
    if m is None:
        return {**ref(snap, iri), "when": "", "where": "", "start": None, "year": None}
    return {**ref(snap, iri), "when": m["when"], "where": m["where"], "start": m["start"], "year": m["year"],
            "title": m["title"], "place": m["place"] and ref(snap, m["place"]),
            "country": m["country"] and ref(snap, m["country"])}


def by_date(snap, iris: Iterable[str], newest_first: bool = False) -> list[dict]:
    rows = [meeting_summary(snap, i) for i in set(iris)]
    rows.sort(key=lambda r: (r["start"] or "", fold(r["label"])), reverse=newest_first)
    return rows


def based_in(snap) -> dict[str, list[str]]:
    """organization -> the countries it is based in."""
    out: dict[str, list[str]] = {}
    for r in select(snap, "organization-countries"):
        out.setdefault(r["o"].value, []).append(r["c"].value)
    return out


def _participation_table(snap) -> list[dict]:
    """One row per (meeting, organization): the country it took part for (or is based in)."""
    based = {o: countries[-1] for o, countries in based_in(snap).items()}
    rows: dict[tuple, dict] = {}

    def row_of(meeting: str, organization: str, participation: str | None) -> dict:
        return rows.setdefault((meeting, organization), {
            "meeting": meeting, "organization": organization, "country": None, "source": None,
            "participation": participation})

    for r in select(snap, "participations"):
        row = row_of(r["m"].value, r["org"].value, r["part"].value)
        if r["country"] is not None:
            row["country"], row["source"] = r["country"].value, "on behalf of"
    for r in select(snap, "participants"):
        row_of(r["m"].value, r["org"].value, None)
    for row in rows.values():
        if row["country"] is None and row["organization"] in based:
            row["country"], row["source"] = based[row["organization"]], "based in"
    return list(rows.values())


def participations(snap) -> list[dict]:
    return cached(snap, "participations", lambda: _participation_table(snap))


def participations_of(snap, meeting: str) -> list[dict]:
    """The participation table's rows of one meeting (the table grouped by meeting once per snapshot)."""
    def grouped() -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        for row in participations(snap):
            out.setdefault(row["meeting"], []).append(row)
        return out

    return cached(snap, "participations-by-meeting", grouped).get(meeting, [])


def participation_rows(snap) -> dict[str, dict]:
    """participation node -> its row of the participation table, cached."""
    return cached(snap, "participations-by-node",
                  lambda: {row["participation"]: row for row in participations(snap) if row["participation"]})


def topics_of(snap, meeting: str) -> list[str]:
    """The topics one meeting discussed (the meeting-topic table grouped by meeting once per snapshot)."""
    def grouped() -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for m, t in meeting_topics(snap):
            out.setdefault(m, []).append(t)
        return out

    return cached(snap, "meeting-topics-by-meeting", grouped).get(meeting, [])


def _meeting_topics(snap) -> list[tuple[str, str]]:
    kinds = index_of(snap).kinds
    return [(r["m"].value, r["t"].value) for r in select(snap, "meeting-topics")
            if kinds.get(r["m"].value) == "meeting"]


def meeting_topics(snap) -> list[tuple[str, str]]:
    """(meeting, topic) for every topic a meeting discussed, cached."""
    return cached(snap, "meeting-topics", lambda: _meeting_topics(snap))


def _in_documents(snap) -> set[str]:
    prefix = str(GRAPH) + "document/"
    out: set[str] = set()
    for g in (g for g in snap.graphs if g.value.startswith(prefix)):
        for q in snap.store.quads_for_pattern(None, None, None, g):
            if isinstance(q.subject, ox.NamedNode):
                out.add(q.subject.value)
            if isinstance(q.object, ox.NamedNode):
                out.add(q.object.value)
    return out


def in_documents(snap) -> set[str]:
    """IRIs the documents' own graphs name (as subject or object): what the documents give, apart from the
    reference data (organizations, groups, topics and people known beforehand) and the inferences."""
    return cached(snap, "in-documents", lambda: _in_documents(snap))


def _in_reference(snap) -> set[str]:
    graph = ox.NamedNode(str(REFERENCE_GRAPH))
    return {q.subject.value for q in snap.store.quads_for_pattern(None, None, None, graph)
            if isinstance(q.subject, ox.NamedNode)}


def in_reference(snap) -> set[str]:
    """IRIs the reference data (ontology/reference/) describes."""
    return cached(snap, "in-reference", lambda: _in_reference(snap))
