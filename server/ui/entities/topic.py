"""A topic's page: its place in the topic scheme, the groups responsible, and the meetings that discussed it or
a narrower topic, by year."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ....graph.namespaces import ITUKG, SKOS
from ..evidence import evidence
from ..index import index_of, label, ref, sorted_refs
from ..sparql import column, select
from ..tables import meeting_summary, meeting_topics, meetings
from .common import common, group_actions, objects, subjects, year_counts


class _Discussed(Sequence):
    """A topic's meetings, by year then date: each row summarised (meeting_summary, its "via" topics) only when
    the page that shows it is read (a broad topic has thousands; a page shows 50)."""

    def __init__(self, snap, iri: str, rows: list[dict], narrower: set[str]):
        self.snap, self.iri, self.rows = snap, iri, rows
        self.ordered = sorted_refs(snap, narrower - {iri})  # each row's "via" in this order (as sorted_refs gives)

    def __len__(self) -> int:
        return len(self.rows)

    def _full(self, row: dict) -> dict:
        return {**meeting_summary(self.snap, row["iri"]), "via": [r for r in self.ordered if r["iri"] in row["ts"]],
                "direct": self.iri in row["ts"]}

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._full(r) for r in self.rows[i]]
        return self._full(self.rows[i])


def _meetings(snap, iri: str) -> _Discussed:
    """Meetings that discussed the topic or a narrower one (as the topic-meetings named query does), by year
    ("undated" last) then date: the topic's narrower topics first (a few), then the cached meeting-topic table,
    since a join starting from every meeting's topics is slow on a large graph."""
    narrower = set(column(select(snap, "narrower-topics", topic=iri), "t"))
    kinds = index_of(snap).kinds
    via: dict[str, set] = defaultdict(set)
    for m, t in meeting_topics(snap):
        if t in narrower and kinds.get(m) == "meeting":
            via[m].add(t)
    table = meetings(snap)
    rows = []
    for m, ts in via.items():
        info = table.get(m)
        start, name = (info["start"], info["label"]) if info else (None, label(snap, m))
        year = info["year"] if info else None
        rows.append({"iri": m, "start": start, "label": name, "year": year, "ts": ts})
    rows.sort(key=lambda x: (x["start"] or "", x["label"]))
    rows.sort(key=lambda x: str(x["year"] or "undated"))  # stable: by date within a year
    return _Discussed(snap, iri, rows, narrower)


def topic_page(snap, iri: str) -> dict:
    page = common(snap, iri)
    page["broader"] = sorted_refs(snap, objects(snap, iri, SKOS.broader))
    page["narrower"] = sorted_refs(snap, set(objects(snap, iri, SKOS.narrower)) | set(subjects(snap, SKOS.broader, iri)))
    page["related"] = sorted_refs(snap, set(objects(snap, iri, SKOS.related)) | set(subjects(snap, SKOS.related, iri)))
    page["schemes"] = sorted_refs(snap, objects(snap, iri, SKOS.inScheme))
    page["responsible"] = sorted_refs(snap, objects(snap, iri, ITUKG.responsibleGroup))
    discussed = _meetings(snap, iri)
    # By year, as the page lists them a page at a time (entity.PAGED): each page's rows under their years.
    page["meetings"] = discussed
    page["year_sizes"] = dict(Counter(row["year"] or "undated" for row in discussed.rows))
    page["by_year"] = year_counts(discussed.rows)
    items = [{**ref(snap, r["i"].value), "meeting": meeting_summary(snap, r["m"].value)}
             for r in select(snap, "topic-items", topic=iri)]
    page["discussion_items"] = sorted(items, key=lambda x: (x["meeting"]["start"] or "", x["label"]))
    page["actions"] = group_actions(snap, topic=iri)
    page["evidence"] = evidence(snap, objects=[iri])
    return page
