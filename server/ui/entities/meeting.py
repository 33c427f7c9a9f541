"""A meeting's page: when and where, who took part (and for which country), the people, topics, discussion
items, group actions and stated counts, with the evidence of the meeting and of its parts."""
from __future__ import annotations

from collections import defaultdict

from ....graph.namespaces import ITUKG, document_graph
from ..evidence import evidence
from ..index import label, ref, sorted_refs
from ..sparql import as_int, column, select, val
from ..tables import meeting_summary, meetings, participations_of, topics_of
from ..text import fold
from .common import common, group_actions, subjects


def _participants(snap, iri: str) -> list[dict]:
    parts = sorted(participations_of(snap, iri),
                   key=lambda r: fold(label(snap, r["organization"])))
    return [{"organization": ref(snap, r["organization"]), "country": r["country"] and ref(snap, r["country"]),
             "source": r["source"]} for r in parts]


def _people(snap, iri: str, described_in: list[str]) -> list[dict]:
    """The people the meeting mentions with their posts. A post the meeting's documents give is shown as theirs;
    one only the reference data gives is apart: the reference records that the person held it at some time,
    with no dates (ontology/reference/itu.ttl)."""
    people: dict[str, dict] = {}
    own_graphs = sorted({str(document_graph(d.rsplit("/", 1)[-1])) for d in described_in})
    for r in select(snap, "meeting-people", meeting=iri):
        p = people.setdefault(r["person"].value, {"person": ref(snap, r["person"].value), "posts": {}})
        if r["post"] is not None:
            p["posts"].setdefault(r["post"].value, {**ref(snap, r["post"].value), "stated": False})
    if people and own_graphs:  # the posts the meeting's own documents state (the rest: the reference's)
        for r in select(snap, "posts-stated-in", g=own_graphs, person=sorted(people)):
            post = people[r["person"].value]["posts"].get(r["post"].value)
            if post is not None:
                post["stated"] = True

    def posts(p: dict, stated: bool) -> list[dict]:
        return sorted((x for x in p["posts"].values() if x["stated"] == stated), key=lambda x: x["label"])

    return sorted(({"person": p["person"], "posts": posts(p, True), "other_posts": posts(p, False)}
                   for p in people.values()), key=lambda x: fold(x["person"]["label"]))


def _discussion_items(snap, iri: str) -> list[dict]:
    items: dict[str, dict] = {}
    for r in select(snap, "meeting-items", meeting=iri):
        it = items.setdefault(r["i"].value, {**ref(snap, r["i"].value), "position": as_int(r["pos"], 0),
                                             "text": val(r["text"]) or "", "topics": set()})
        if r["t"] is not None:
            it["topics"].add(r["t"].value)
    return sorted(({**it, "topics": sorted_refs(snap, it["topics"])} for it in items.values()),
                  key=lambda x: (x["position"], x["label"]))


def _mentions(snap, iri: str) -> dict:
    mentioned = defaultdict(set)
    for r in select(snap, "meeting-mentions", meeting=iri):
        mentioned[r["p"].value[len(ITUKG):]].add(r["o"].value)
    return {"groups_represented": sorted_refs(snap, mentioned["groupRepresented"]),
            "groups_mentioned": sorted_refs(snap, mentioned["mentionsGroup"] - mentioned["groupRepresented"]),
            "organizations_mentioned": sorted_refs(snap, mentioned["mentionsOrganization"]),
            "events_mentioned": sorted_refs(snap, mentioned["mentionsEvent"])}


def meeting_page(snap, iri: str) -> dict:
    page = common(snap, iri)
    m = meetings(snap).get(iri, {})
    page["meeting"] = m
    page["when"] = m.get("when", "")
    page["place"] = m.get("place") and ref(snap, m["place"])
    page["country"] = m.get("country") and ref(snap, m["country"])
    page["event"] = [ref(snap, e) for e in m.get("coLocatedWith", [])]
    page["host"] = [ref(snap, h) for h in m.get("host", [])]
    page["series"] = ref(snap, m["inSeries"][0]) if m.get("inSeries") else None
    page["ordinal"] = m["ordinal"][0] if m.get("ordinal") else None
    count = m.get("participantCount")
    qualifier = m.get("participantCountQualifier")
    page["participant_count"] = (f"{qualifier[0]} {count[0]}" if qualifier and qualifier[0] != "exactly"
                                 else count[0]) if count else None
    page["study_period"] = ", ".join(m.get("studyPeriod", []))
    page["next"] = [meeting_summary(snap, n) for n in m.get("nextMeeting", [])]
    page["previous"] = [meeting_summary(snap, p) for p in subjects(snap, ITUKG.nextMeeting, iri)]
    page["web_pages"] = m.get("webPage", []) + m.get("communique", [])
    page["source_documents"] = sorted_refs(snap, m.get("describedIn", []))
    page["participants"] = _participants(snap, iri)
    page["people"] = _people(snap, iri, m.get("describedIn", []))
    page["topics"] = sorted_refs(snap, topics_of(snap, iri))
    page["discussion_items"] = _discussion_items(snap, iri)
    page["actions"] = group_actions(snap, meeting=iri)
    page.update(_mentions(snap, iri))
    page["counts"] = [{"value": as_int(r["v"]), "of": val(r["of"])} for r in select(snap, "meeting-counts", meeting=iri)]
    page["evidence"] = evidence(snap, subjects=[iri] + column(select(snap, "meeting-parts", meeting=iri), "x"))
    return page
