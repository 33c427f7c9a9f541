"""Search: the box that suggests as you type (/ui/api/search), the page without JavaScript (/ui/search), and
the labels the query editor shows next to IRIs (/ui/api/labels)."""
from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass

from flask import jsonify, request

from .cache import cached
from .index import Index, index_of, ref
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


#: A word start is stored as entry number << _SHIFT | position in the entry's folded text.
_SHIFT = 20
_MASK = (1 << _SHIFT) - 1


@dataclass
class SearchKeys:
    """Every word start of the index's search entries (those of non-internal kinds), ordered by the folded text
    from there on: the entries whose words start with a needle are one run of `keys`, found by bisection.

    `entries` is how many entries the index had (a table of another index is not used); `complete` is False
    when an entry was too long to be stored (then search scans, as it did before)."""
    keys: array
    entries: int
    complete: bool = True


def _word_starts(folded: str):
    """The positions where a needle beginning with a letter or digit can match at a word start (as _word_start
    reads it: after a non-letter-or-digit, or digits right after letters), the text's first one included."""
    prev = " "
    for pos, ch in enumerate(folded):
        if ch.isalnum() and (not prev.isalnum() or (prev.isalpha() and ch.isdigit())):
            yield pos
        prev = ch


def build_search_keys(snap) -> SearchKeys:
    index = index_of(snap)
    internal = {iri for iri, kind in index.kinds.items() if kind in INTERNAL_KINDS}
    codes: list[int] = []
    complete = True
    for n, (folded, _text, iri, _rank) in enumerate(index.entries):
        if iri in internal:
            continue
        if len(folded) > _MASK:
            complete = False
            continue
        codes.extend(n << _SHIFT | pos for pos in _word_starts(folded))
    entries = index.entries
    codes.sort(key=lambda c: (entries[c >> _SHIFT][0][c & _MASK:], c))
    return SearchKeys(array("q", codes), len(entries), complete)


def search_keys(snap) -> SearchKeys:
    return cached(snap, "search-keys", lambda: build_search_keys(snap))


def _candidates(index: Index, keys: SearchKeys, needle: str) -> list[int] | None:
    """The numbers of the entries with a word starting with `needle` (in index order), or None when the keys
    cannot say (a needle beginning with neither letter nor digit, keys of another index)."""
    if not needle[0].isalnum() or not keys.complete or keys.entries != len(index.entries):
        return None
    entries = index.entries

    def suffix(code: int) -> str:
        return entries[code >> _SHIFT][0][code & _MASK:]

    found = set()
    codes = keys.keys
    i = bisect_left(codes, needle, key=suffix)
    while i < len(codes) and suffix(codes[i]).startswith(needle):
        found.add(codes[i] >> _SHIFT)
        i += 1
    return sorted(found)


def search(snap, q: str, limit: int = SEARCH_LIMIT) -> list[dict]:
    """Entities whose label, alias or notation matches `q` at a word start (case- and accent-insensitive).

    Ranked: exact match, then prefix of the whole name, then a later word; among equals the kinds people look
    for (organizations, people, meetings, groups, topics) first, then labels before aliases, then shorter
    names. Internal nodes (participations, evidence, group actions, stated counts, discussion items) are left
    out: they are reached through the entities they link.

    The entries are found through the word starts' sorted keys (search_keys); `linear=True` scans every entry
    instead (what the keys replace: both give the same results, tests/test_ui_large.py).
    """
    return _search(snap, q, limit, linear=False)


def search_linear(snap, q: str, limit: int = SEARCH_LIMIT) -> list[dict]:
    """search() by scanning every index entry (the reference the keys are checked against)."""
    return _search(snap, q, limit, linear=True)


def _search(snap, q: str, limit: int, linear: bool) -> list[dict]:
    needle = fold(q or "")
    if not needle:
        return []
    index = index_of(snap)
    numbers = None if linear else _candidates(index, search_keys(snap), needle)
    entries = index.entries if numbers is None else [index.entries[n] for n in numbers]
    best: dict[str, tuple] = {}
    for folded, text, iri, prop_rank in entries:
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
