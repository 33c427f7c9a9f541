"""What every entity page shows, and the small look-ups the kinds' pages share."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ....graph.namespaces import ITUKG, PROV, RDFS, SKOS
from ...pages import EXTERNAL_LINK_PROPERTIES, curie
from ..evidence import evidence
from ..index import index_of, label, predicate_ref, ref, sorted_refs
from ..neighbourhood import neighbourhood
from ..sparql import column, select, val
from ..tables import meeting_summary
from ..text import fold, site_name


def objects(snap, iri: str, prop) -> list[str]:
    """The values of `prop` on `iri`."""
    return column(select(snap, "objects", subject=iri, property=str(prop)), "o")


def literals(snap, iri: str, prop) -> list[str]:
    """The plain or English literal values of `prop` on `iri`, sorted."""
    values = [r["o"] for r in select(snap, "literals", subject=iri, property=str(prop))]
    return sorted({v.value for v in values if not v.language or v.language.startswith("en")}, key=fold)


def joined(snap, iri: str, prop) -> str:
    """The literal values of `prop` on `iri`, as one line."""
    return ", ".join(literals(snap, iri, prop))


def subjects(snap, prop, iri: str) -> list[str]:
    """What has `iri` as its value of `prop`."""
    return column(select(snap, "subjects", property=str(prop), object=iri), "s")


def common(snap, iri: str) -> dict:
    """What every entity page shows: label, kind, types, aliases, definition, external links, documents."""
    index = index_of(snap)
    types = sorted((t for t in index.types.get(iri, ()) if t.startswith(ITUKG)), key=lambda t: fold(label(snap, t)))
    aliases = [a for a in literals(snap, iri, SKOS.altLabel) if a != label(snap, iri)]
    links = [{"predicate": predicate_ref(snap, r["property"].value), "iri": r["o"].value,
              "site": site_name(r["o"].value)}
             for r in select(snap, "external-links", entity=iri, property=EXTERNAL_LINK_PROPERTIES)]
    links.sort(key=lambda x: (x["predicate"]["label"], x["iri"]))
    return {
        **ref(snap, iri),
        "curie": curie(iri),
        "types": [ref(snap, t) for t in types],
        "aliases": aliases,
        "definition": next(iter(literals(snap, iri, SKOS.definition) or literals(snap, iri, RDFS.comment)), None),
        "links": links,
        "documents": sorted_refs(snap, [d for d in objects(snap, iri, PROV.wasDerivedFrom)
                                        if index.kinds.get(d) == "document"]),
        "graph": neighbourhood(snap, iri),
    }


def with_evidence(page: dict, snap, iri: str) -> dict:
    """`page` with the evidence of the facts whose subject or object is `iri`."""
    page["evidence"] = evidence(snap, subjects=[iri], objects=[iri])
    return page


def generic_page(snap, iri: str) -> dict:
    """The page of a kind without one of its own: what every page shows, and the evidence."""
    return with_evidence(common(snap, iri), snap, iri)


def group_actions(snap, meeting: str | None = None, group: str | None = None,
                  topic: str | None = None) -> list[dict]:
    """GroupAction nodes (what a meeting asks of or says about a group) of a meeting, by a group or on a topic."""
    rows: dict[str, dict] = {}
    nodes = column(select(snap, "group-action-nodes", meeting=[meeting] if meeting else [],
                          group=[group] if group else [], topic=[topic] if topic else []), "a")
    for r in select(snap, "group-actions", a=nodes) if nodes else ():
        a = rows.setdefault(r["a"].value, {"iri": r["a"].value, "meeting": None, "group": None, "kind": None,
                                           "text": "", "topics": set()})
        if r["m"] is not None:
            a["meeting"] = meeting_summary(snap, r["m"].value)
        if r["g"] is not None:
            a["group"] = ref(snap, r["g"].value)
        a["kind"] = val(r["kind"]) or a["kind"]
        a["text"] = val(r["text"]) or a["text"]
        if r["t"] is not None:
            a["topics"].add(r["t"].value)
    out = [{**a, "topics": sorted_refs(snap, a["topics"])} for a in rows.values()]
    out.sort(key=lambda a: ((a["meeting"] or {}).get("start") or "", a["iri"]))
    return out


def year_counts(rows: Iterable[dict]) -> list[dict]:
    """[{year, count}] for every year from the first to the last of `rows` (years without rows count 0)."""
    per = Counter(r["year"] for r in rows if r.get("year"))
    if not per:
        return []
    return [{"year": y, "count": per.get(y, 0)} for y in range(min(per), max(per) + 1)]


def posts_in(snap, unit: str) -> list[dict]:
    """The posts in an organization or group, with their holders."""
    posts: dict[str, dict] = {}
    for r in select(snap, "posts-in", unit=unit):
        p = posts.setdefault(r["post"].value, {"post": ref(snap, r["post"].value), "holders": set()})
        if r["person"] is not None:
            p["holders"].add(r["person"].value)
    return sorted(({"post": p["post"], "holders": sorted_refs(snap, p["holders"])} for p in posts.values()),
                  key=lambda x: fold(x["post"]["label"]))
