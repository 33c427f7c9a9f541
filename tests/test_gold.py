"""The bundled corpus, built by the real pipeline, holds the facts of tests/data/seed-facts.json.

Facts are checked through the named queries (what users run), on the serving engine (pyoxigraph).
Names are compared with every label and alias of an entity, since the gold file uses the names a user
would search for ("CITC", "TTC"), not necessarily the preferred labels.
"""
from __future__ import annotations

import difflib
import re

import pyoxigraph as ox
import pytest

from itukg.server import named_queries as nq

LABELS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?label WHERE { <%s> rdfs:label|skos:prefLabel|skos:altLabel|skos:hiddenLabel|skos:notation ?label }
"""


def _value(term):
    if term is None:
        return None
    return term.value


def run(store, name, **params):
    q = nq.get(name)
    res = store.query(nq.bind(q, nq.parse_params(q, params)), use_default_graph_as_union=True)
    names = [v.value for v in res.variables]
    return [{n: _value(sol[n]) for n in names} for sol in res]


def names_of(store, iri: str) -> set[str]:
    res = store.query(LABELS % iri, use_default_graph_as_union=True)
    return {sol["label"].value.casefold() for sol in res}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'")).strip().casefold()


def known_as(store, iri: str, gold_name: str) -> bool:
    """Gold 'ITU-T Study Group 12' or 'TTC' or 'Focus Group on Network 2030 (FG NET-2030, ...)' names the entity."""
    names = {_norm(n) for n in names_of(store, iri)}
    candidates = {_norm(gold_name)}
    candidates |= {_norm(p) for p in re.split(r"\s*[()/,]\s*", gold_name) if len(p) > 1}
    return bool(names & candidates)


@pytest.fixture(scope="module")
def meetings(corpus_store):
    rows = run(corpus_store, "meetings")
    return {r["startDate"]: r for r in rows}


MEETING_IDS = {"sgla-2019": "2019-09-09", "cto-2018-durban": "2018-09-09", "cto-2018-california": "2018-05-09"}


def gold_meetings(gold):
    for doc in gold["documents"].values():
        yield from doc["meetings"]


def test_three_meetings_with_dates_and_places(meetings, gold):
    assert set(meetings) == set(MEETING_IDS.values())
    for g in gold_meetings(gold):
        row = meetings[g["start_date"]]
        assert row["endDate"] == g["end_date"]
        assert row["country"] == g["country"]
        if "city" in g:
            assert row["city"] == g["city"]
        assert _norm(g["name"]) in _norm(row["name"]) or _norm(row["name"]) in _norm(g["name"])


def test_co_located_events_and_host(meetings, gold):
    for g in gold_meetings(gold):
        row = meetings[g["start_date"]]
        if "co_located_event" in g:
            assert row["coLocatedEvent"] and g["co_located_event"].startswith(row["coLocatedEvent"])
        if "host" in g:
            assert row["host"] == g["host"]


def test_meeting_details(corpus_store, meetings):
    """Ordinals, participant count, next meeting: read through SPARQL on the meeting nodes."""
    q = """PREFIX itukg: <https://w3id.org/itukg/ontology#>
    SELECT ?m ?ordinal ?count ?qualifier ?next WHERE {
      ?m itukg:startDate ?d . OPTIONAL { ?m itukg:ordinal ?ordinal } OPTIONAL { ?m itukg:participantCount ?count ;
      itukg:participantCountQualifier ?qualifier } OPTIONAL { ?m itukg:nextMeeting ?next } }"""
    rows = {r["m"].value: r for r in corpus_store.query(q, use_default_graph_as_union=True)}
    by_date = {v["startDate"]: rows[v["meeting"]] for v in meetings.values()}
    assert by_date["2019-09-09"]["ordinal"].value == "2"
    assert by_date["2019-09-09"]["count"].value == "50"
    assert by_date["2019-09-09"]["qualifier"].value == "more than"
    assert by_date["2018-09-09"]["ordinal"].value == "10"
    assert by_date["2018-05-09"]["next"].value == meetings["2018-09-09"]["meeting"]


def test_participants_with_their_countries(corpus_store, meetings, gold):
    rows = run(corpus_store, "participants")
    for g in gold_meetings(gold):
        if "participants" not in g:
            continue
        meeting = meetings[g["start_date"]]["meeting"]
        mine = [r for r in rows if r["meeting"] == meeting]
        assert len(mine) == len(g["participants"]), sorted(r["organizationName"] for r in mine)
        for p in g["participants"]:
            match = [r for r in mine if known_as(corpus_store, r["organization"], p["organization"])]
            assert len(match) == 1, p
            expected = p["country"]
            if expected == "Republic of Korea":
                assert match[0]["country"] in ("Republic of Korea", "Korea, Republic of", "South Korea")
            else:
                assert match[0]["country"] == expected, (p, match[0])


def test_same_organization_across_meetings(corpus_store, gold):
    rows = run(corpus_store, "repeat-participants")
    repeated = {r["organization"] for r in rows}
    for name in gold["across_documents"]["same_organization_in_both_cto_meetings"]:
        assert any(known_as(corpus_store, iri, name) for iri in repeated), name
    participants = run(corpus_store, "participants")
    ericsson = {r["country"] for r in participants if known_as(corpus_store, r["organization"], "Ericsson")}
    assert ericsson == {"Sweden", "Canada"}


def test_country_with_most_participating_organizations(corpus_store):
    rows = run(corpus_store, "participants")
    counts: dict[str, int] = {}
    for r in rows:
        if r["country"]:
            counts[r["country"]] = counts.get(r["country"], 0) + 1
    top = max(counts, key=counts.get)
    assert (top, counts[top]) == ("United States", 6)


def _topic_names(store, meeting_rows):
    names = set()
    for r in meeting_rows:
        names |= {_norm(n) for n in names_of(store, r["topic"])}
    return names


def _topic_found(gold_topic: str, names: set[str]) -> bool:
    parts = [gold_topic] + [p for p in re.split(r"\s*/\s*", gold_topic) if p]
    return any(_norm(p) in names for p in parts)


def test_must_topics(corpus_store, meetings, gold):
    rows = run(corpus_store, "topics")
    for g in gold_meetings(gold):
        mine = [r for r in rows if r["meeting"] == meetings[g["start_date"]]["meeting"]]
        names = _topic_names(corpus_store, mine)
        missing = [t for t in g["topics"]["must"] if not _topic_found(t, names)]
        assert not missing, (g["id"], missing)


def test_most_should_topics(corpus_store, meetings, gold):
    rows = run(corpus_store, "topics")
    for g in gold_meetings(gold):
        mine = [r for r in rows if r["meeting"] == meetings[g["start_date"]]["meeting"]]
        names = _topic_names(corpus_store, mine)
        found = [t for t in g["topics"]["should"] if _topic_found(t, names)]
        assert len(found) >= 0.8 * len(g["topics"]["should"]), (g["id"], set(g["topics"]["should"]) - set(found))


def test_topics_in_all_three_meetings(corpus_store, gold):
    rows = [r for r in run(corpus_store, "topics") if r["topic"]]  # key phrases have no topic IRI
    for topic in gold["across_documents"]["topic_in_all_three_meetings"]:
        meetings_with = {r["meeting"] for r in rows if _topic_found(topic, {_norm(n) for n in names_of(corpus_store, r["topic"])})}
        assert len(meetings_with) == 3, topic


def test_people_and_roles(corpus_store, meetings, gold):
    rows = run(corpus_store, "people")
    for g in gold_meetings(gold):
        meeting = meetings[g["start_date"]]["meeting"]
        for p in g.get("people", []):
            match = [r for r in rows if r["meeting"] == meeting and _norm(r["name"]) == _norm(p["name"])]
            assert match, p
            roles = set()
            for r in match:
                if r["role"]:
                    roles.add(_norm(r["role"]))
            assert _norm(p["role"]) in roles or any(_norm(p["role"]) in x or x in _norm(p["role"]) for x in roles), (p, roles)
    chaesub = {r["meeting"] for r in rows if r["name"] == "Chaesub Lee"}
    assert len(chaesub) == 2


def test_groups(corpus_store, meetings, gold):
    rows = run(corpus_store, "groups")
    for g in gold_meetings(gold):
        meeting = meetings[g["start_date"]]["meeting"]
        mine = {r["group"] for r in rows if r["meeting"] == meeting}
        expected = list(g.get("participating_groups_via_chairs", []))
        groups = g.get("groups") or g.get("other_groups") or {}
        expected += groups.get("must", [])
        expected += [x["group"] for x in g.get("study_group_roles", [])]
        for name in expected:
            assert any(known_as(corpus_store, iri, name) for iri in mine), (g["id"], name)


def test_other_organizations_mentioned(corpus_store, meetings, gold):
    q = """PREFIX itukg: <https://w3id.org/itukg/ontology#>
    SELECT ?m ?x WHERE { ?m itukg:mentionsOrganization|itukg:mentionsGroup ?x }"""
    rows = [(r["m"].value, r["x"].value) for r in corpus_store.query(q, use_default_graph_as_union=True)]
    durban = meetings["2018-09-09"]["meeting"]
    mentioned = {x for m, x in rows if m == durban}
    for name in ["oneM2M", "U4SSC", "ITU", "TSB"]:
        assert any(known_as(corpus_store, iri, name) for iri in mentioned), name


def test_discussion_sections(corpus_store, meetings, gold):
    q = """PREFIX itukg: <https://w3id.org/itukg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?m ?label ?pos WHERE { ?m itukg:hasDiscussionItem ?i . ?i rdfs:label ?label ; itukg:position ?pos }"""
    rows = [(r["m"].value, r["label"].value, int(r["pos"].value)) for r in corpus_store.query(q, use_default_graph_as_union=True)]
    for g in gold_meetings(gold):
        if "discussion_sections" not in g:
            continue
        meeting = meetings[g["start_date"]]["meeting"]
        headings = [label for m, label, _ in sorted(rows, key=lambda r: r[2]) if m == meeting]
        assert len(headings) == len(g["discussion_sections"]), headings
        for expected, got in zip(g["discussion_sections"], headings):
            ratio = difflib.SequenceMatcher(None, _norm(expected), _norm(got.split(":")[0])).ratio()
            assert ratio > 0.6 or _norm(expected) in _norm(got), (expected, got)


def test_external_links_are_verified_ones(corpus_store):
    rows = run(corpus_store, "links")
    externals = {r["external"] for r in rows}
    assert "http://www.wikidata.org/entity/Q52618" in externals  # Ericsson, verified
    assert not any(e.endswith("/Q52601") for e in externals)


def test_evidence_points_at_the_text(corpus_store, meetings, built_corpus):
    from itukg.graph.dataset import require_current

    gen = require_current(built_corpus)
    texts = {}
    for entry in gen.documents.values():
        q = f"""PREFIX itukg: <https://w3id.org/itukg/ontology#>
        SELECT ?c WHERE {{ ?d itukg:sha256 "{entry.sha256}" ; itukg:content ?c }}"""
        texts["https://w3id.org/itukg/id/document/" + entry.sha256] = next(iter(corpus_store.query(q, use_default_graph_as_union=True)))["c"].value
    rows = run(corpus_store, "evidence", entity="https://w3id.org/itukg/id/organization/ericsson")
    assert len(rows) >= 4
    for r in rows:
        text = texts[r["document"]]
        assert text[int(r["start"]):int(r["end"])] == r["quote"]
        assert "Ericsson" in r["quote"] or r["predicate"].endswith("onBehalfOf") or "Ericsson" in text[int(r["start"]) - 40:int(r["end"]) + 40]


def test_topic_meetings_follows_narrower_topics(corpus_store):
    rows = run(corpus_store, "topic-meetings", topic="https://w3id.org/itukg/id/topic/security")
    assert len({r["meeting"] for r in rows}) == 3
    assert any(r["matchedTopic"] != "https://w3id.org/itukg/id/topic/security" for r in rows)
