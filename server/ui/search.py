"""Search: the box that suggests as you type (/ui/api/search), the page without JavaScript (/ui/search), and
the labels the query editor shows next to IRIs (/ui/api/labels)."""
from __future__ import annotations

from flask import jsonify, request

from .index import index_of, ref
from .kinds import INTERNAL_KINDS, KIND_ORDER, SEARCH_FIRST_KINDS
from .text import fold
from .web import bp, current_snapshot, entity_url, render

SEARCH_LIMIT = 20
#: The most IRIs one /ui/api/labels request is answered for.
LABELS_LIMIT = 500


def _word_start(folded: str, needle: str) -> int:
    """The first position where `needle` starts a word of `folded` (after a non-letter, or digits after
    letters as in SG17), or -1."""
    pos = folded.find(needle)
    while pos >= 0:
        before = folded[pos - 1] if pos else " "
        if not before.isalnum() or (before.isalpha() and needle[0].isdigit()):
            return pos
        pos = folded.find(needle, pos + 1)
    return -1


def search(snap, q: str, limit: int = SEARCH_LIMIT) -> list[dict]:
    """Entities whose label, alias or notation matches `q` at a word start (case- and accent-insensitive).

    Ranked: exact match, then prefix of the whole name, then a later word; among equals the kinds people look
    for (organizations, people, meetings, groups, topics) first, then labels before aliases, then shorter
    names. Internal nodes (participations, evidence, group actions, stated counts, discussion items) are left
    out: they are reached through the entities they link.
    """
    needle = fold(q or "")
    if not needle:
        return []
    index = index_of(snap)
    best: dict[str, tuple] = {}
    for folded, text, iri, prop_rank in index.entries:
        if folded == needle:
            rank = 0
        elif folded.startswith(needle):
            rank = 1
        elif _word_start(folded, needle) > 0:
            rank = 2
        else:
            continue
        kind = index.kinds.get(iri, "resource")
        if kind in INTERNAL_KINDS:
            continue
        tier = 0 if kind in SEARCH_FIRST_KINDS else 1
        key = (rank, tier, prop_rank, KIND_ORDER.get(kind, 99), len(text), folded, iri)
        if iri not in best or key < best[iri][0]:
            best[iri] = (key, text)
    hits = sorted(best.items(), key=lambda kv: kv[1][0])[:limit]
    out = []
    for iri, (key, text) in hits:
        r = ref(snap, iri)
        r["match"] = text if text != r["label"] else None
        r["rank"] = ("exact", "prefix", "word")[key[0]]
        out.append(r)
    return out


@bp.get("/ui/api/search")
def api_search():
    q = request.args.get("q", "")
    try:
        limit = min(max(int(request.args.get("limit", SEARCH_LIMIT)), 1), SEARCH_LIMIT)
    except ValueError:
        limit = SEARCH_LIMIT
    hits = search(current_snapshot(), q[:200], limit)
    for h in hits:
        h["href"] = entity_url(h["iri"])
    return jsonify({"query": q, "results": hits})


@bp.post("/ui/api/labels")
def api_labels():
    """{"iris": [...]} -> {"labels": {iri: label}} for the IRIs the dataset labels (at most LABELS_LIMIT), so
    the query editor can show labels next to prefixed names."""
    body = request.get_json(silent=True) or {}
    iris = body.get("iris") if isinstance(body, dict) else None
    if not isinstance(iris, list):
        return jsonify({"labels": {}})
    known = index_of(current_snapshot()).labels
    return jsonify({"labels": {i: known[i] for i in iris[:LABELS_LIMIT] if isinstance(i, str) and i in known}})


@bp.get("/ui/search")
def search_page():
    q = request.args.get("q", "")
    hits = search(current_snapshot(), q[:200], SEARCH_LIMIT) if q.strip() else []
    return render("ui/search.html", q=q, hits=hits, active="home")
