"""Evidence: the facts read from a document with the text span each came from, as tables on entity pages and
as highlights over a document's text."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ...graph.namespaces import RDF, RDFS, SKOS
from .index import kind_of, predicate_ref, ref, term_ref
from .sparql import as_int, select

#: An evidence span up to this many characters is a mention (linked in the text); longer ones are passages.
MENTION_MAX = 120
#: Facts that name their subject (its label or type), so a span stating one is about the subject.
_NAMING = frozenset(map(str, (RDFS.label, RDF.type, SKOS.prefLabel, SKOS.altLabel)))
#: Kinds an object can have and still not be what a span is about.
_NOT_TARGETS = ("class", "property", "resource", "evidence", "participation", "count")
#: Kinds never shown as a span's target when something else is at hand.
_HELPERS = ("participation", "count", "evidence")


def span_id(start: int, end: int) -> str:
    return f"{start}-{end}"


def evidence(snap, subjects: Iterable[str] = (), objects: Iterable[str] = (),
             document: str | None = None) -> list[dict]:
    """Evidence rows (facts read from a document, with the text span) about the given subjects / objects,
    or every evidence of `document`; ordered by document and offset."""
    subjects, objects = sorted(set(subjects)), sorted(set(objects))
    if not (subjects or objects or document):
        return []
    rows = []
    for r in select(snap, "evidence", subject=subjects, object=objects, document=[document] if document else []):
        start, end = as_int(r["start"], 0), as_int(r["end"], 0)
        rows.append({
            "evidence": r["e"].value, "subject": term_ref(snap, r["s"]),
            "predicate": predicate_ref(snap, r["p"].value), "object": term_ref(snap, r["o"]),
            "document": ref(snap, r["doc"].value), "start": start, "end": end, "quote": r["quote"].value,
            "span": span_id(start, end),
        })
    rows.sort(key=lambda x: (x["document"]["iri"], x["start"], x["end"], x["predicate"]["label"]))
    return rows


def _span_targets(snap, rows: list[dict]) -> list[str]:
    """The entities one text span is about: what it names (label/type facts name the subject), else the
    entity objects of its facts, else their subjects."""
    named, objs, subs = [], [], []
    for r in rows:
        s, o = r["subject"], r["object"]
        if r["predicate"]["iri"] in _NAMING:
            named.append(s.get("iri"))
        elif o.get("iri") and o.get("kind") not in _NOT_TARGETS:
            objs.append(o["iri"])
        elif s.get("iri"):
            subs.append(s["iri"])
    out = []
    for i in named + objs + subs:
        if i and i not in out and kind_of(snap, i) not in _HELPERS:
            out.append(i)
    if not out:  # a participation or count: show what it belongs to
        out = [i for i in dict.fromkeys(subs + objs) if i]
    return out


def _fact_text(row: dict) -> str:
    s, p, o = row["subject"], row["predicate"], row["object"]
    return f"{s.get('label') or s.get('literal')} · {p['label']} · {o.get('label') or o.get('literal')}"


def highlight(snap, content: str, rows: list[dict]) -> dict:
    """Split `content` at every evidence boundary into segments that carry the spans covering them.

    Returns {segments: [{text, spans, mention, target, anchors}], spans: {id: {start, end, quote, mention,
    targets, facts}}}. A segment inside at least one mention (a span up to MENTION_MAX characters) links to the
    innermost mention's main entity; one only inside passages is shaded. Offsets are Python string indexes
    (code points), as the extractor wrote them.
    """
    by_span: dict[tuple, list] = defaultdict(list)
    n = len(content)
    for r in rows:
        if 0 <= r["start"] < r["end"] <= n:
            by_span[(r["start"], r["end"])].append(r)
    spans = {}
    for (start, end), facts in sorted(by_span.items()):
        sid = span_id(start, end)
        targets = _span_targets(snap, facts)
        spans[sid] = {
            "id": sid, "start": start, "end": end, "quote": content[start:end],
            "mention": (end - start) <= MENTION_MAX and "\n" not in content[start:end].strip(),
            "targets": [ref(snap, t) for t in targets],
            "facts": [_fact_text(f) for f in facts],
        }
    bounds = sorted({0, n} | {s["start"] for s in spans.values()} | {s["end"] for s in spans.values()})
    starts: dict[int, list] = defaultdict(list)
    for s in spans.values():
        starts[s["start"]].append(s["id"])
    active: set = set()
    segments = []
    for a, b in zip(bounds, bounds[1:]):
        active = {sid for sid in active if spans[sid]["end"] > a}
        active |= set(starts.get(a, ()))
        ordered = sorted(active, key=lambda sid: (spans[sid]["end"] - spans[sid]["start"], sid))
        mentions = [sid for sid in ordered if spans[sid]["mention"] and spans[sid]["targets"]]
        segments.append({
            "text": content[a:b],
            "spans": ordered,
            "mentions": mentions,
            "target": spans[mentions[0]]["targets"][0] if mentions else None,
            "anchors": sorted(starts.get(a, ()), key=lambda sid: spans[sid]["end"]),
        })
    return {"segments": segments, "spans": spans}
