"""The kinds of things itukg names, in one place: read once per process from the ontology (its classes,
rdfs:subClassOf, rdfs:label) and ontology/reference/kinds.csv (what the ontology does not say: the path of
instance IRIs, a kind of meeting's IRI slug and announcement label).

So a new kind of meeting or of group is a class in ontology/itukg.ttl (and, for a meeting, its phrases in
meeting-kinds.csv, its slug in kinds.csv if its label does not give it); no Python module lists kinds.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS

from .namespaces import ITUKG
from .resources import ontology_file, reference_dir

_PREFIX = str(ITUKG)


@dataclass(frozen=True)
class KindRow:
    cls: str
    path: str
    slug: str
    label: str


def _read_csv(name: str) -> list[dict]:
    text = (reference_dir() / name).read_text(encoding="utf-8")
    return list(csv.DictReader(r for r in text.splitlines() if r and not r.startswith("#")))


class Vocabulary:
    """The ontology's classes (by local name, e.g. "CTOMeeting") with their superclasses and labels, and the
    per-kind columns of kinds.csv."""

    def __init__(self, ontology: Graph, rows: list[KindRow]):
        self.ontology = ontology
        classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(_PREFIX)}
        classes |= {c for c in ontology.subjects(RDFS.subClassOf, None) if str(c).startswith(_PREFIX)}
        local = {c: str(c)[len(_PREFIX):] for c in classes}
        #: class -> rdfs:label (English or plain)
        self.labels: dict[str, str] = {}
        for c, name in local.items():
            labels = [o for o in ontology.objects(c, RDFS.label) if isinstance(o, Literal)]
            best = sorted(labels, key=lambda o: (o.language not in (None, "en"), o.language is not None, str(o)))
            self.labels[name] = str(best[0]) if best else name
        #: class -> itself and every itukg superclass (rdfs:subClassOf, transitively)
        self.supers: dict[str, frozenset[str]] = {
            name: frozenset(local[s] for s in ontology.transitive_objects(c, RDFS.subClassOf) if s in local)
            for c, name in local.items()}
        unknown = [r.cls for r in rows if r.cls not in self.supers]
        if unknown:
            raise ValueError(f"kinds.csv names classes the ontology does not define: {', '.join(unknown)}")
        self.rows = tuple(rows)
        self._row = {r.cls: r for r in rows}
        self._path_rows = [r for r in rows if r.path]
        self.paths: dict[str, str] = {}
        for name, supers in self.supers.items():
            row = next((r for r in self._path_rows if r.cls in supers), None)
            if row is not None:
                self.paths[name] = row.path
        self.meeting_kinds = self.subclasses("Meeting")
        self.group_kinds = self.subclasses("ITUTGroup")
        self.place_kinds = self.subclasses("Place")

    def subclasses(self, root: str) -> frozenset[str]:
        """`root` and every class below it."""
        return frozenset(c for c, supers in self.supers.items() if root in supers)

    def most_specific_first(self, roots) -> tuple[str, ...]:
        """Every class below the given roots (in their order), each root's subclasses before it, deepest first."""
        out: list[str] = []
        for root in roots:
            below = sorted(self.subclasses(root), key=lambda c: (-len(self.supers[c]), c))
            out.extend(c for c in below if c not in out)
        return tuple(out)

    def path(self, cls: str) -> str | None:
        """The path of the IRIs of a class's instances (id:<path>/...), e.g. "group" for StudyGroup."""
        return self.paths.get(cls)

    def meeting_slug(self, cls: str) -> str:
        """A kind of meeting's part of a meeting's IRI: "cto-meeting" for CTOMeeting."""
        row = self._row.get(cls)
        if row and row.slug:
            return row.slug
        from .extract.text import slugify  # not at import: the server reads kinds but never loads the extractors

        return slugify(self.labels.get(cls, cls))

    def meeting_label(self, cls: str) -> str:
        """The label of a meeting of this kind known only from an announcement."""
        row = self._row.get(cls)
        return row.label if row and row.label else self.labels.get(cls, "meeting")

    def kind_roots(self) -> tuple[tuple[str, str], ...]:
        """(path, class IRI) for every class with a path, in kinds.csv's order of precedence: an entity's kind
        (path) is that of the first pair whose class is among its types."""
        out: list[tuple[str, str]] = []
        for row in self._path_rows:
            out.append((row.path, _PREFIX + row.cls))
            for c in sorted(self.subclasses(row.cls) - {row.cls}):
                if next(r for r in self._path_rows if r.cls in self.supers[c]) is row:
                    out.append((row.path, _PREFIX + c))
        return tuple(out)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary, read once per process (`vocabulary.cache_clear()` reads it again)."""
    ontology = Graph()
    ontology.parse(ontology_file(), format="turtle")
    rows = [KindRow(r["class"].strip(), (r.get("path") or "").strip(), (r.get("slug") or "").strip(),
                    (r.get("label") or "").strip()) for r in _read_csv("kinds.csv")]
    return Vocabulary(ontology, rows)
