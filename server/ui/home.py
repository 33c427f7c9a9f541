"""The home page: what the documents give (counts, the reference data apart), the latest meetings, the topics
by year and the participation by country."""
from __future__ import annotations

from collections import Counter, defaultdict

from flask import redirect, url_for

from .cache import cached
from .index import index_of, label, ref
from .lists import LISTS
from .tables import by_date, in_documents, in_reference, meeting_topics, meetings, participations
from .text import fold
from .web import bp, current_snapshot, render

#: The home page's counts of what the documents give: (list name, card label, kind).
DOCUMENT_COUNTS = (("meetings", "Meetings", "meeting"),
                   ("organizations", "Organizations that took part or are named", "organization"),
                   ("people", "People named", "person"), ("topics", "Topics discussed", "topic"),
                   ("groups", "ITU-T groups named", "group"), ("documents", "Documents", "document"))
#: The reference data's counts: (list name, words).
REFERENCE_COUNTS = (("organizations", "organizations"), ("people", "people"), ("topics", "topics"),
                    ("groups", "ITU-T groups"), ("countries", "countries"))


def counts(snap) -> list[dict]:
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


def reference_counts(snap) -> list[dict]:
    """What the reference data (ontology/reference/) describes, whether or not a document names it."""
    by_kind = index_of(snap).by_kind
    reference = in_reference(snap)
    out = []
    for name, words in REFERENCE_COUNTS:
        kind, _ = LISTS[name]
        n = sum(1 for i in by_kind.get(kind, []) if i in reference)
        if n:
            out.append({"key": name, "label": words, "count": n, "list": name})
    return out


def latest_meetings(snap, limit: int = 10) -> list[dict]:
    return by_date(snap, meetings(snap), newest_first=True)[:limit]


def topics_by_year(snap, limit: int = 30) -> dict:
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


def participation_by_country(snap, limit: int = 25) -> list[dict]:
    """Participations (meeting, organization) per country the organization took part for (or is based in)."""
    per: Counter = Counter()
    orgs: dict[str, set] = defaultdict(set)
    for row in participations(snap):
        if row["country"]:
            per[row["country"]] += 1
            orgs[row["country"]].add(row["organization"])
    top = sorted(per, key=lambda c: (-per[c], fold(label(snap, c))))[:limit]
    return [{**ref(snap, c), "participations": per[c], "organizations": len(orgs[c])} for c in top]


def summary(snap) -> dict:
    """The home page's figures and tables: computed once per snapshot, or precomputed (precompute.py)."""
    return cached(snap, "home", lambda: _summary(snap))


def _summary(snap) -> dict:
    return {"counts": counts(snap), "reference": reference_counts(snap), "latest": latest_meetings(snap),
            "heatmap": topics_by_year(snap), "countries": participation_by_country(snap)}


def home(snap) -> dict:
    """Everything the home page shows (also what the warm-up computes ahead of the first visitor)."""
    return {**summary(snap), "generation": snap.generation, "built": snap.built}


@bp.get("/")
def home_page():
    return render("ui/home.html", home=home(current_snapshot()), active="home")


@bp.get("/favicon.ico")
def favicon():
    return redirect(url_for("ui.static", filename="ui/favicon.svg"), code=301)
