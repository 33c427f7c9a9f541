"""The UI's answers to a large graph, checked on the bundled corpus through a real server on 127.0.0.1: search's
sorted word-start keys give what the linear scan gave, a topic's meetings come a page at a time, the people list
and a meeting's page read what the whole-graph queries they replaced read."""
from __future__ import annotations

import functools
import html
import json
import re
import urllib.request
from collections import Counter
from urllib.parse import quote, unquote

import pytest
from ui_fixtures import BASE, live_ui, ui_snapshot  # noqa: F401

from itukg.graph.namespaces import document_graph
from itukg.server.ui import entity as entity_view, index, lists, search, sparql, web
from itukg.server.ui.entities import meeting as meeting_page, topic as topic_page
from itukg.server.ui.text import fold


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as r:
        assert r.status == 200
        return html.unescape(r.read().decode("utf-8"))


def _queries(snap) -> list[str]:
    """Every prefix (up to 5 characters) of every word of the index's entries, whole entries, and needles the
    keys cannot answer (starting with punctuation or a space) or that match nothing."""
    out: set[str] = set()
    for folded, text, _, _ in index.index_of(snap).entries:
        out.add(text)
        for word in re.split(r"[^\w]+", folded):
            for n in range(1, min(len(word), 5) + 1):
                out.add(word[:n])
        for digits in re.findall(r"\d+", folded):
            out.add(digits[:2])
    return sorted(out) + ["-", " sg", "(", "zzzzqx", "17", "sg1", "ÉTÉ", "itu-t s"]


def test_search_keys_give_the_linear_scan_s_results(ui_snapshot):
    queries = _queries(ui_snapshot)
    assert len(queries) > 200
    for q in queries:
        assert search.search(ui_snapshot, q) == search.search_linear(ui_snapshot, q), q


def test_search_api_over_http_equals_the_linear_scan(live_ui, ui_snapshot):
    for q in ("s", "se", "sec", "secu", "itu", "g", "sg17", "2018", "ericsson", "Durban", "-x"):
        got = json.loads(_get(f"{live_ui.url}/ui/api/search?q={quote(q)}"))["results"]
        want = search.search_linear(ui_snapshot, q)
        assert [(h["iri"], h["rank"], h["match"]) for h in got] == [(h["iri"], h["rank"], h["match"]) for h in want]


def test_search_keys_of_another_index_are_not_used(ui_snapshot):
    ix = index.index_of(ui_snapshot)
    stale = search.SearchKeys(search.search_keys(ui_snapshot).keys, len(ix.entries) + 1)
    assert search._candidates(ix, stale, "sec") is None
    assert search._candidates(ix, search.search_keys(ui_snapshot), "-x") is None
    assert search._candidates(ix, search.search_keys(ui_snapshot), "sec") is not None


def _busiest_topic(snap) -> tuple[str, list[dict]]:
    best = max((t for t in index.index_of(snap).by_kind.get("topic", [])),
               key=lambda t: (len(topic_page._meetings(snap, t)), t))
    return best, topic_page.topic_page(snap, best)["meetings"]


def test_a_topic_s_meetings_come_a_page_at_a_time(live_ui, ui_snapshot, monkeypatch):
    topic, meetings = _busiest_topic(ui_snapshot)
    assert len(meetings) >= 3
    per_page = 2
    monkeypatch.setattr(entity_view, "paginate", functools.partial(web.paginate, per_page=per_page))
    pages = -(-len(meetings) // per_page)
    seen: list[str] = []
    years = Counter(str(m["year"] or "undated") for m in meetings)
    for n in range(1, pages + 1):
        body = _get(f"{live_ui.url}/ui/entity?iri={quote(topic, safe='')}&meetings_page={n}")
        section = body.split('<section id="meetings"', 1)[1].split("</section>", 1)[0]
        seen += re.findall(r'<li><a [^>]*href="[^"]*?(meeting(?:/|%2F)[^"&?]+)"', section)
        assert f"{(n - 1) * per_page + 1}–{min(n * per_page, len(meetings))} of {len(meetings)}" in section
        for year in re.findall(r"<h3>(\w+) <span", section):  # each year heading counts all its meetings
            assert f"<h3>{year} <span class=\"muted small\">({years[year]})</span></h3>" in section
        assert section.count("<ul") == section.count("</ul>")
    assert [BASE + unquote(m) for m in seen] == [m["iri"] for m in meetings]
    # by year, then by date, as the page listed them before pagination
    assert [str(m["year"] or "undated") for m in meetings] == sorted(str(m["year"] or "undated") for m in meetings)


def test_the_people_list_counts_as_the_whole_graph_queries_did(ui_snapshot):
    posts: dict[str, set] = {}
    for r in sparql.select(ui_snapshot, "person-posts"):
        posts.setdefault(r["p"].value, set()).add(r["post"].value)
    counts = Counter(r["p"].value for r in sparql.select(ui_snapshot, "person-meetings"))
    rows = lists.entity_list(ui_snapshot, "people")["rows"]
    assert rows and any(r["meetings"] for r in rows) and any(r["posts"] for r in rows)
    for row in rows:
        assert [p["iri"] for p in row["posts"]] == [p["iri"] for p in index.sorted_refs(ui_snapshot, posts.get(row["iri"], []))]
        assert row["meetings"] == counts.get(row["iri"], 0)


def test_a_meeting_s_people_and_actions_are_what_the_graph_queries_said(live_ui, ui_snapshot):
    from itukg.server.ui.tables import meetings

    checked = 0
    for iri, m in meetings(ui_snapshot).items():
        page = meeting_page.meeting_page(ui_snapshot, iri)
        own = {str(document_graph(d.rsplit("/", 1)[-1])) for d in m["describedIn"]}
        rows = sparql.run(ui_snapshot, sparql.bind(
            "SELECT ?person ?post ?g WHERE { $meeting itukg:mentionsPerson ?person . "
            "OPTIONAL { GRAPH ?g { ?person itukg:holdsPost ?post } } }", {"meeting": iri}))
        want: dict[str, dict[str, bool]] = {}
        for r in rows:
            posts = want.setdefault(r["person"].value, {})
            if r["post"] is not None:
                posts[r["post"].value] = posts.get(r["post"].value, False) or r["g"].value in own
        got = {p["person"]["iri"]: {**{x["iri"]: True for x in p["posts"]}, **{x["iri"]: False for x in p["other_posts"]}}
               for p in page["people"]}
        assert got == want, iri
        checked += bool(want)
    assert checked
    body = _get(f"{live_ui.url}/ui/entity?iri={quote(BASE + 'meeting/cto-meeting-2018-09-09-durban', safe='')}")
    assert "People and roles" in body


@pytest.mark.parametrize("kind", ["meeting", "group", "topic"])
def test_group_actions_by_meeting_group_or_topic_are_the_single_query_s(ui_snapshot, kind):
    from itukg.server.ui.entities.common import group_actions

    one = """SELECT ?a WHERE {
      { VALUES $meeting {} $meeting itukg:hasGroupAction ?a } UNION { VALUES $group {} ?a itukg:actor $group }
      UNION { VALUES $topic {} ?a itukg:actionTopic $topic } ?a a itukg:GroupAction }"""
    iris = index.index_of(ui_snapshot).by_kind.get(kind, [])
    assert iris
    found = 0
    for iri in iris:
        args = {"meeting": [], "group": [], "topic": []}
        args[kind] = [iri]
        want = {r["a"].value for r in sparql.run(ui_snapshot, sparql.bind(one, args))}
        got = group_actions(ui_snapshot, **{kind: iri})
        assert {a["iri"] for a in got} == want, iri
        found += len(got)
    assert found or kind == "topic"


def test_fold_is_what_search_keys_fold_with():
    assert fold("  ITU-T  Study Group 17 ") == "itu-t study group 17"


def test_the_meetings_list_summarises_a_page_and_orders_as_by_date(live_ui, ui_snapshot):
    from itukg.server.ui.tables import by_date

    data = lists.entity_list(ui_snapshot, "meetings")
    rows = data["rows"]
    want = by_date(ui_snapshot, index.index_of(ui_snapshot).by_kind["meeting"], newest_first=True)
    assert len(rows) == len(want) >= 3
    assert [(r["start"], fold(r["label"])) for r in rows[:]] == [(r["start"], fold(r["label"])) for r in want]
    assert sorted(map(repr, rows[:])) == sorted(map(repr, want))
    assert rows[0] == rows[:1][0]
    page = web.paginate(rows, 2, per_page=2)
    assert page["rows"] == rows[2:4] and page["total"] == len(want)
    body = _get(f"{live_ui.url}/ui/list/meetings")
    assert want[0]["label"] in body and f"({len(want)})" in body
