"""A person's page: name, posts (those a document names, and those only the reference data gives) and the
meetings that mention them."""
from __future__ import annotations

from collections import defaultdict

from ....graph.namespaces import ITUKG, document_graph
from ..index import index_of, ref, sorted_refs
from ..sparql import select
from ..tables import by_date
from ..text import fold
from .common import common, joined, objects, subjects, with_evidence


def person_page(snap, iri: str) -> dict:
    page = common(snap, iri)
    page["name"] = joined(snap, iri, ITUKG.name)
    page["honorific"] = joined(snap, iri, ITUKG.honorific)
    sources: dict[str, set] = defaultdict(set)
    for r in select(snap, "person-post-graphs", person=iri):
        sources[r["post"].value].add(r["g"].value)
    documents = {str(document_graph(d.rsplit("/", 1)[-1])): d for d in index_of(snap).by_kind.get("document", [])}
    posts = []
    for post in sorted(set(objects(snap, iri, ITUKG.holdsPost))):
        named_in = sorted_refs(snap, [documents[g] for g in sources.get(post, ()) if g in documents])
        posts.append({"post": ref(snap, post), "in": sorted_refs(snap, objects(snap, post, ITUKG.postIn)),
                      "documents": named_in, "reference_only": not named_in})
    page["posts"] = sorted(posts, key=lambda p: fold(p["post"]["label"]))
    page["meetings"] = by_date(snap, subjects(snap, ITUKG.mentionsPerson, iri))
    return with_evidence(page, snap, iri)
