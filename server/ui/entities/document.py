"""A document's page: its file, the meetings it reports on, and its text with every fact read from it
highlighted at its span."""
from __future__ import annotations

import re
from collections import Counter

from ....graph.namespaces import DCTERMS, ITUKG, document_graph
from ..evidence import evidence, highlight
from ..index import ref
from ..kinds import KIND_ORDER
from ..sparql import column, select
from ..tables import by_date
from ..text import fold
from .common import common, joined, objects


def document_page(snap, iri: str) -> dict:
    page = common(snap, iri)
    content = next(iter(column(select(snap, "document-content", document=iri), "c")), "")
    page["file_name"] = joined(snap, iri, ITUKG.fileName)
    page["format"] = joined(snap, iri, DCTERMS.format)
    page["sha256"] = joined(snap, iri, ITUKG.sha256)
    page["title"] = joined(snap, iri, DCTERMS.title)
    page["reports_on"] = by_date(snap, objects(snap, iri, ITUKG.reportsOn))
    page["graph_iri"] = (str(document_graph(page["sha256"]))
                         if re.fullmatch(r"[0-9a-f]{64}", page["sha256"] or "") else None)
    rows = evidence(snap, document=iri)
    page["evidence"] = rows
    page["length"] = len(content)
    page.update(highlight(snap, content, rows))
    mentioned = Counter(t["iri"] for span in page["spans"].values() for t in span["targets"])
    page["mentioned"] = sorted(({**ref(snap, i), "times": n} for i, n in mentioned.items()),
                               key=lambda x: (KIND_ORDER.get(x["kind"], 99), fold(x["label"])))
    return page
