"""A place's or country's page: the meetings held there; for a country also its cities, the organizations
based in it and the participations for it."""
from __future__ import annotations

from ....graph.namespaces import ITUKG
from ..index import ref, sorted_refs
from ..tables import by_date, meeting_summary, meetings, participations
from ..text import fold
from .common import common, literals, objects, subjects, with_evidence


def place_page(snap, iri: str) -> dict:
    page = common(snap, iri)
    page["in_country"] = sorted_refs(snap, objects(snap, iri, ITUKG.inCountry))
    page["codes"] = literals(snap, iri, ITUKG.isoAlpha2) + literals(snap, iri, ITUKG.isoAlpha3)
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
        page["organizations"] = sorted_refs(snap, subjects(snap, ITUKG.basedIn, iri))
        rows = [{**meeting_summary(snap, r["meeting"]), "organization": ref(snap, r["organization"]),
                 "source": r["source"]} for r in participations(snap) if r["country"] == iri]
        rows.sort(key=lambda x: (x["start"] or "", fold(x["organization"]["label"])))
        page["participations"] = rows
    return with_evidence(page, snap, iri)
