"""The lists reachable from the home page (/ui/list/<name>): every entity of a kind, with the columns that kind
needs, filtered by name and, optionally, kept to what the documents name."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from flask import abort, request

from .cache import cached
from .index import index_of, label, ref, sorted_refs
from .sparql import select
from .tables import based_in, by_date, in_documents, meeting_summary, meeting_topics, meetings, participations
from .text import fold
from .web import bp, current_snapshot, page_arg, paginate, render

#: The lists: URL name -> (kind, title), in the order the lists' navigation shows them.
LISTS = {
    "meetings": ("meeting", "Meetings"),
    "organizations": ("organization", "Organizations"),
    "people": ("person", "People"),
    "topics": ("topic", "Topics"),
    "groups": ("group", "ITU-T groups"),
    "documents": ("document", "Documents"),
    "countries": ("country", "Countries"),
    "places": ("place", "Cities and regions"),
    "events": ("event", "Events"),
    "series": ("series", "Meeting series"),
    "posts": ("post", "Posts"),
}


def _counted(rows: list[dict], pairs) -> None:
    """rows[i]["meetings"] = how many (meeting, iri) pairs name the row's IRI."""
    per = Counter(iri for _, iri in pairs)
    for row in rows:
        row["meetings"] = per.get(row["iri"], 0)


def _listed(snap, rows: list[dict], key: str, values: dict) -> None:
    """rows[i][key] = the references of values[row's IRI], sorted."""
    for row in rows:
        row[key] = sorted_refs(snap, values.get(row["iri"], []))


def _grouped(rows: list[dict], left: str, right: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        out[r[left].value].append(r[right].value)
    return out


def _organizations(snap, rows: list[dict]) -> list[str]:
    _listed(snap, rows, "based_in", based_in(snap))
    _counted(rows, ((r["meeting"], r["organization"]) for r in participations(snap)))
    return ["Name", "Based in", "Meetings"]


def _topics(snap, rows: list[dict]) -> list[str]:
    _listed(snap, rows, "broader", _grouped(select(snap, "topic-broader"), "t", "b"))
    _counted(rows, meeting_topics(snap))
    return ["Topic", "Broader", "Meetings"]


def _groups(snap, rows: list[dict]) -> list[str]:
    notation = {r["g"].value: r["n"].value for r in select(snap, "group-notations")}
    for row in rows:
        row["notation"] = notation.get(row["iri"], "")
    _counted(rows, ((r["m"].value, r["g"].value) for r in select(snap, "group-meetings")))
    return ["Notation", "Group", "Meetings"]


def _people_table(snap) -> dict:
    """{"posts": person -> the posts they hold (sorted), "meetings": person -> how many meetings mention them}."""
    posts = {p: sorted(set(v)) for p, v in _grouped(select(snap, "person-posts"), "p", "post").items()}
    return {"posts": posts, "meetings": dict(Counter(r["p"].value for r in select(snap, "person-meetings")))}


def people_table(snap) -> dict:
    """The people list's columns for every person, cached (and precomputed with the generation)."""
    return cached(snap, "people", lambda: _people_table(snap))


def _people(snap, rows: list[dict]) -> list[str]:
    table = people_table(snap)
    _listed(snap, rows, "posts", table["posts"])
    for row in rows:
        row["meetings"] = table["meetings"].get(row["iri"], 0)
    return ["Name", "Posts", "Meetings"]


def _documents(snap, rows: list[dict]) -> list[str]:
    reports = _grouped(select(snap, "document-meetings"), "d", "m")
    for row in rows:
        row["reports_on"] = by_date(snap, reports.get(row["iri"], []))
    return ["Document", "Reports on"]


def _places(snap, rows: list[dict]) -> list[str]:
    held = [(m, p) for m, info in meetings(snap).items() for p in {info.get("place"), info.get("country")} - {None}]
    _counted(rows, held)
    rows.sort(key=lambda r: (-r["meetings"], fold(r["label"])))
    return ["Name", "Meetings held"]


class MeetingRows(Sequence):
    """The meetings list's rows, newest first (as by_date orders them), each summarised only when the page that
    shows it is read: a page of 50 of 10,000 meetings does not summarise the 9,950 others."""

    def __init__(self, snap, iris: Iterable[str]):
        order = meeting_order(snap)
        self.snap = snap
        self.iris = sorted(set(iris), key=lambda i: order.get(i) or ("", fold(label(snap, i))), reverse=True)

    def __len__(self) -> int:
        return len(self.iris)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [meeting_summary(self.snap, m) for m in self.iris[i]]
        return meeting_summary(self.snap, self.iris[i])


def meeting_order(snap) -> dict[str, tuple[str, str]]:
    """meeting -> its sort key in by_date (start, folded label), cached."""
    return cached(snap, "meeting-order", lambda: {m: (info["start"] or "", fold(info["label"]))
                                                  for m, info in meetings(snap).items()})


#: The columns of a kind's list beyond its name: kind -> fn(snapshot, rows) adding them, returning the headers.
COLUMNS = {"organization": _organizations, "topic": _topics, "group": _groups, "person": _people,
           "document": _documents, "place": _places, "country": _places}


def entity_list(snap, name: str, q: str = "", scope: str = "") -> dict:
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
    rows: Sequence[dict]
    if kind == "meeting":
        rows, columns = MeetingRows(snap, iris), ["Date", "Meeting", "Place"]
    else:
        refs = [ref(snap, i) for i in iris]
        columns = COLUMNS[kind](snap, refs) if kind in COLUMNS else ["Name"]
        rows = refs
    return {"name": name, "kind": kind, "title": title, "rows": rows, "columns": columns, "q": q, "scope": scope}


@bp.get("/ui/list/<name>")
def list_page(name: str):
    if name not in LISTS:
        abort(404)
    data = entity_list(current_snapshot(), name, request.args.get("q", "")[:200], request.args.get("in", ""))
    return render("ui/list.html", data=data, lists=LISTS, pager=paginate(data["rows"], page_arg("page")),
                  active="lists")
