"""A topic's page: its place in the topic scheme, the groups responsible, and the meetings that discussed it or
a narrower topic, by year."""
from __future__ import annotations

from collections import defaultdict

from ....graph.namespaces import ITUKG, SKOS
from ..evidence import evidence
from ..index import index_of, ref, sorted_refs
from ..sparql import column, select
from ..tables import meeting_summary, meeting_topics
from .common import common, group_actions, objects, subjects, year_counts


def _meetings(snap, iri: str) -> list[dict]:
    """Meetings that discussed the topic or a narrower one (as the topic-meetings named query does): the topic's
    narrower topics first (a few), then the cached meeting-topic table, since a join starting from every
    meeting's topics is slow on a large graph."""
    narrower = set(column(select(snap, "narrower-topics", topic=iri), "t"))
    kinds = index_of(snap).kinds
    via: dict[str, set] = defaultdict(set)
    for m, t in meeting_topics(snap):
        if t in narrower and kinds.get(m) == "meeting":
            via[m].add(t)
    ordered = sorted_refs(snap, narrower - {iri})  # each row's "via" in this order (as sorted_refs gives it)
    discussed = [{**meeting_summary(snap, m), "via": [r for r in ordered if r["iri"] in ts], "direct": iri in ts}
                 for m, ts in via.items()]
    discussed.sort(key=lambda x: (x["start"] or "", x["label"]))
    return discussed


def topic_page(snap, iri: str) -> dict:
    page = common(snap, iri)
    page["broader"] = sorted_refs(snap, objects(snap, iri, SKOS.broader))
    page["narrower"] = sorted_refs(snap, set(objects(snap, iri, SKOS.narrower)) | set(subjects(snap, SKOS.broader, iri)))
    page["related"] = sorted_refs(snap, set(objects(snap, iri, SKOS.related)) | set(subjects(snap, SKOS.related, iri)))
    page["schemes"] = sorted_refs(snap, objects(snap, iri, SKOS.inScheme))
    page["responsible"] = sorted_refs(snap, objects(snap, iri, ITUKG.responsibleGroup))
    discussed = _meetings(snap, iri)
    years: dict = defaultdict(list)
    for row in discussed:
        years[row["year"] or "undated"].append(row)
    page["meetings_by_year"] = sorted(years.items(), key=lambda kv: str(kv[0]))
    # By year, as the page lists them a page at a time (entity.PAGED): each page's rows under their years.
    page["meetings"] = [row for _, rows in page["meetings_by_year"] for row in rows]
    page["year_sizes"] = {year: len(rows) for year, rows in page["meetings_by_year"]}
    page["by_year"] = year_counts(discussed)
    items = [{**ref(snap, r["i"].value), "meeting": meeting_summary(snap, r["m"].value)}
             for r in select(snap, "topic-items", topic=iri)]
    page["discussion_items"] = sorted(items, key=lambda x: (x["meeting"]["start"] or "", x["label"]))
    page["actions"] = group_actions(snap, topic=iri)
    page["evidence"] = evidence(snap, objects=[iri])
    return page
