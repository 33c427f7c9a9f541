"""An ITU-T group's page: notation, title, study periods, structure, the meetings that mention it or ask it to
act, the topics it is responsible for and its posts."""
from __future__ import annotations

from collections import defaultdict

from ....graph.namespaces import ITUKG, SKOS
from ...pages import local_name
from ..index import sorted_refs
from ..sparql import select
from ..tables import by_date
from ..text import format_date
from .common import common, group_actions, joined, literals, objects, posts_in, subjects, with_evidence

#: How a meeting relates to the group, in words.
_HOW = {"mentionsGroup": "mentioned", "groupRepresented": "leaders present", "hasGroupAction": "asked to act"}


def group_page(snap, iri: str) -> dict:
    page = common(snap, iri)
    page["notation"] = joined(snap, iri, SKOS.notation)
    page["official_title"] = joined(snap, iri, ITUKG.officialTitle)
    page["study_periods"] = literals(snap, iri, ITUKG.studyPeriod)
    page["established"] = ", ".join(format_date(x) for x in literals(snap, iri, ITUKG.established))
    page["group_number"] = joined(snap, iri, ITUKG.groupNumber)
    page["part_of"] = sorted_refs(snap, objects(snap, iri, ITUKG.partOf))
    page["parts"] = sorted_refs(snap, subjects(snap, ITUKG.partOf, iri))
    page["actions"] = group_actions(snap, group=iri)
    mention: dict[str, set] = defaultdict(set)
    for r in select(snap, "group-mentions", group=iri):
        mention[r["m"].value].add(local_name(r["p"].value))
    for a in page["actions"]:
        if a["meeting"]:
            mention[a["meeting"]["iri"]].add("hasGroupAction")
    rows = by_date(snap, mention)
    for row in rows:
        row["how"] = sorted(_HOW[w] for w in mention[row["iri"]])
    page["meetings"] = rows
    page["responsible_for"] = sorted_refs(snap, subjects(snap, ITUKG.responsibleGroup, iri))
    page["action_topics"] = sorted_refs(snap, {t["iri"] for a in page["actions"] for t in a["topics"]})
    page["posts"] = posts_in(snap, iri)
    return with_evidence(page, snap, iri)
