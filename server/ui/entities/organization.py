"""An organization's page: where it is based, the meetings it took part in (for which country), mentions,
hosting, posts and units."""
from __future__ import annotations

from ....graph.namespaces import ITUKG
from ..index import ref, sorted_refs
from ..tables import by_date, meeting_summary, participations
from .common import common, objects, posts_in, subjects, with_evidence, year_counts


def organization_page(snap, iri: str) -> dict:
    page = common(snap, iri)
    page["based_in"] = sorted_refs(snap, objects(snap, iri, ITUKG.basedIn))
    took_part = [{**meeting_summary(snap, r["meeting"]), "for_country": r["country"] and ref(snap, r["country"]),
                  "source": r["source"]} for r in participations(snap) if r["organization"] == iri]
    took_part.sort(key=lambda x: (x["start"] or "", x["label"]))
    page["participations"] = took_part
    page["by_year"] = year_counts(took_part)
    page["countries"] = sorted_refs(snap, [p["for_country"]["iri"] for p in took_part if p["for_country"]])
    page["mentioned_at"] = by_date(snap, subjects(snap, ITUKG.mentionsOrganization, iri))
    page["hosted"] = by_date(snap, subjects(snap, ITUKG.host, iri))
    page["posts"] = posts_in(snap, iri)
    page["units"] = sorted_refs(snap, subjects(snap, ITUKG.partOf, iri))
    return with_evidence(page, snap, iri)
