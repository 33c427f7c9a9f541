"""Writes itukg-shaped RDF directly (no extraction), as a dataset directory `itukg serve --data-dir` can serve.

Each synthetic "document" gives one meeting with what the pipeline would have read from it: the document node,
the meeting (kind, dates, place, series, ordinal, co-located event, host, participant count), participations
(organization + country), organizations (reference and invented), people with posts, ITU-T groups mentioned and
represented, group actions, vocabulary topics, discussion items, stated counts, and one Evidence node (8 triples)
per fact with offsets and a quote, as graph/mapping.py writes them. Its inferences go to ig:inferred, computed
from the ontology's class and property hierarchy, inverses, domains and ranges (the kind of triples owlrl adds).

The reference graphs (ontology, reference data and their inferences) come from a real `build()` of no document,
done once and cached. The layout is the one of docs/model.md, written with graph/dataset.py's GenerationWriter:

    DIR/current -> generations/<stamp>/{manifest.json, documents/*.nq, inferred/*.nq, reference.nq,
                                        reference-inferred.nq, dataset.nq}

    python -m bench.generate_graph DIR --triples 1000000 [--seed 7]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
import tempfile
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from itukg.graph import dataset as ds, namespaces
from itukg.graph.extract.legalforms import strip_legal_form
from itukg.graph.extract.text import slugify
from itukg.graph.resources import ontology_file, reference_files

from .generate_docs import FIRST_NAMES, LAST_NAMES, STUDY_GROUPS, Generator

ITUKG = str(namespaces.ITUKG)
ID = namespaces.DEFAULT_BASE_IRI  # what `itukg build` mints under by default, and the reference data is written under
IG = str(namespaces.GRAPH)
RDF_TYPE = str(RDF.type)
RDFS_LABEL = str(RDFS.label)
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
DCT_FORMAT = "http://purl.org/dc/terms/format"
XSD = "http://www.w3.org/2001/XMLSchema#"
INFERRED = IG + "inferred"
KIND_SLUG = {"CTOMeeting": "cto-meeting", "CTOConsultation": "cto-consultation", "LeadershipAssembly": "sgla"}
SERIES = {"CTOMeeting": "cto-meeting", "CTOConsultation": "cto-meeting", "LeadershipAssembly": "sgla"}
ACTIONS = ("prioritize", "lead", "study", "review", "coordinate", "develop", "establish")
POSTS = ("chair", "vice-chair", "rapporteur", "working-party-chair", "editor")
EVENTS = ("itu-telecom-world", "gss", "ai-for-good", "wsis-forum")


def _lit(value) -> str:
    if isinstance(value, bool):
        raise TypeError("no booleans in this model")
    if isinstance(value, int):
        return f'"{value}"^^<{XSD}integer>'
    if isinstance(value, date):
        return f'"{value.isoformat()}"^^<{XSD}date>'
    s = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{s}"'


def _term(value) -> str:
    if isinstance(value, URIRef):
        return f"<{value}>"
    return _lit(value)


class Hierarchy:
    """What OWL RL adds for one asserted triple, read from the ontology (transitively closed)."""

    def __init__(self, onto: Graph):
        def closure(pred) -> dict[str, set[str]]:
            direct: dict[str, set[str]] = defaultdict(set)
            for s, o in onto.subject_objects(pred):
                if isinstance(s, URIRef) and isinstance(o, URIRef):
                    direct[str(s)].add(str(o))
            out = {}
            for s in list(direct):
                seen, todo = set(), [s]
                while todo:
                    for o in direct.get(todo.pop(), ()):
                        if o not in seen:
                            seen.add(o)
                            todo.append(o)
                out[s] = seen - {s}
            return out

        self.supers = closure(RDFS.subClassOf)
        self.superprops = closure(RDFS.subPropertyOf)
        self.inverse: dict[str, str] = {}
        for s, o in onto.subject_objects(OWL.inverseOf):
            self.inverse[str(s)], self.inverse[str(o)] = str(o), str(s)
        self.domain = {str(s): str(o) for s, o in onto.subject_objects(RDFS.domain) if isinstance(o, URIRef)}
        self.range = {str(s): str(o) for s, o in onto.subject_objects(RDFS.range) if isinstance(o, URIRef)}

    def types(self, cls: str) -> set[str]:
        return {cls} | self.supers.get(cls, set())

    def infer(self, triples: list[tuple]) -> set[tuple]:
        out: set[tuple] = set()
        for s, p, o in triples:
            if p == RDF_TYPE:
                for c in self.supers.get(str(o), ()):
                    out.add((s, RDF_TYPE, URIRef(c)))
                continue
            for sp in self.superprops.get(p, ()):
                out.add((s, sp, o))
            inv = self.inverse.get(p)
            if inv and isinstance(o, URIRef):
                out.add((o, inv, s))
            if p in self.domain:
                for c in self.types(self.domain[p]):
                    out.add((s, RDF_TYPE, URIRef(c)))
            if p in self.range and isinstance(o, URIRef) and not self.range[p].startswith(XSD):
                for c in self.types(self.range[p]):
                    out.add((o, RDF_TYPE, URIRef(c)))
        return out - set(triples)


@lru_cache(maxsize=1)
def hierarchy() -> Hierarchy:
    g = Graph()
    g.parse(ontology_file(), format="turtle")
    return Hierarchy(g)


def reference_hash() -> str:
    h = hashlib.sha256()
    for path in [ontology_file(), *reference_files()]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def reference_parts(cache_dir: Path) -> tuple[Path, Path]:
    """reference.nq and reference-inferred.nq of a real build of no document (cached per reference data)."""
    cache = Path(cache_dir) / f"reference-{reference_hash()}"
    ref, inf = cache / "reference.nq", cache / "reference-inferred.nq"
    if ref.exists() and inf.exists():
        return ref, inf
    from itukg.graph.build import build

    with tempfile.TemporaryDirectory(prefix="itukg-bench-ref-") as tmp:
        empty = Path(tmp) / "empty"
        empty.mkdir()
        build([empty], Path(tmp) / "data", fresh=True)
        gen = ds.require_current(Path(tmp) / "data")
        cache.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(gen.reference_file, ref)
        shutil.copyfile(gen.reference_inferred_file, inf)
    return ref, inf


class GraphGenerator:
    def __init__(self, seed: int = 7, expected_docs: int = 1000, evidence: bool = True):
        self.evidence = evidence  # False: no Evidence nodes (a leaner graph: about 320 quads a meeting)
        self.g = Generator(seed, expected_docs)  # shares the documents' vocabulary and name pools
        self.rng = random.Random(seed * 7919 + 1)
        self.h = hierarchy()
        v = self.g.v
        self.org_iri: dict[str, URIRef] = {}
        for o in v.organizations:
            self.org_iri[o.label] = URIRef(o.iri)
        self.country_iri = {c.label: URIRef(c.iri) for c in v.countries.values()}
        self.topic_iris = [URIRef(t.iri) for t in v.topics]
        self.topic_labels = {URIRef(t.iri): t.label for t in v.topics}

    def document(self, n: int) -> tuple[str, str, list[tuple], set[tuple]]:
        """(sha256, name, asserted triples, inferred triples) of synthetic document number n."""
        r, g = self.rng, self.g
        kind = r.choices(("CTOMeeting", "CTOConsultation", "LeadershipAssembly"), (6, 2, 2))[0]
        city = r.choice(g.cities)
        d = g.meeting_date(kind, city.label)
        name = f"doc-{n:07d}-{kind.lower()}-{d.isoformat()}.txt"
        topics = r.sample(self.topic_iris, r.randint(8, 30))
        parts = g.participants(r.randint(8, 24))
        content = (f"{kind} {d.isoformat()}, {city.label}. " + " ".join(self.topic_labels[t] for t in topics)
                   + ". " + "; ".join(p[0] for p in parts)) * 3
        sha = hashlib.sha256(f"{n}\n{content}".encode()).hexdigest()
        doc = URIRef(f"{ID}document/{sha}")
        meeting_key = f"{KIND_SLUG[kind]}-{d.isoformat()}-{slugify(city.label)}"
        m = URIRef(f"{ID}meeting/{meeting_key}")
        label = {"CTOMeeting": "CTO Meeting", "CTOConsultation": "TSB Director’s CTO consultation meeting",
                 "LeadershipAssembly": "Study Group Leadership Assembly"}[kind]
        triples: list[tuple] = []
        pos = [0]
        ev_n = [0]
        derived: set[URIRef] = set()

        def t(s, p, o):
            triples.append((s, p, o))

        def fact(s, p, o, quote: str):
            t(s, p, o)
            if not self.evidence:
                return
            ev_n[0] += 1
            ev = URIRef(f"{ID}evidence/{sha[:16]}/{ev_n[0]}")
            start = pos[0]
            pos[0] += len(quote) + r.randint(1, 40)
            for pp, oo in ((RDF_TYPE, URIRef(ITUKG + "Evidence")), (ITUKG + "inDocument", doc),
                           (ITUKG + "evidenceSubject", s), (ITUKG + "evidencePredicate", URIRef(p)),
                           (ITUKG + "evidenceObject", o), (ITUKG + "start", start),
                           (ITUKG + "end", start + len(quote)), (ITUKG + "quote", quote)):
                t(ev, pp, oo)

        def entity(iri: URIRef, cls: str | None = None, lab: str | None = None) -> URIRef:
            if iri not in derived:
                derived.add(iri)
                if cls:
                    t(iri, RDF_TYPE, URIRef(ITUKG + cls))
                    t(iri, RDFS_LABEL, lab)
                t(iri, PROV_DERIVED, doc)
            return iri

        t(doc, RDF_TYPE, URIRef(ITUKG + "Document"))
        t(doc, RDFS_LABEL, name)
        t(doc, ITUKG + "fileName", name)
        t(doc, ITUKG + "sha256", sha)
        t(doc, DCT_FORMAT, "text/plain")
        t(doc, ITUKG + "content", content)
        fact(m, RDF_TYPE, URIRef(ITUKG + kind), label)
        fact(m, RDFS_LABEL, label, label)
        t(m, ITUKG + "describedIn", doc)
        t(doc, ITUKG + "reportsOn", m)
        t(m, PROV_DERIVED, doc)
        end = d + timedelta(days=1 if kind == "LeadershipAssembly" else 0)
        fact(m, ITUKG + "startDate", d, d.isoformat())
        fact(m, ITUKG + "endDate", end, end.isoformat())
        fact(m, ITUKG + "inSeries", entity(URIRef(f"{ID}series/{SERIES[kind]}")), label)
        if r.random() < 0.7:
            fact(m, ITUKG + "ordinal", r.randint(1, 20), "tenth")
        fact(m, ITUKG + "location", entity(URIRef(city.iri)), city.label)
        if r.random() < 0.6:
            series = r.choice(EVENTS)
            ev = URIRef(f"{ID}event/{series}-{d.year}")
            if ev not in derived:
                derived.add(ev)
                t(ev, RDF_TYPE, URIRef(ITUKG + "Event"))
                t(ev, RDFS_LABEL, f"{g.v.series[series].label} {d.year}")
                t(ev, ITUKG + "inSeries", URIRef(f"{ID}series/{series}"))
                t(ev, PROV_DERIVED, doc)
            fact(m, ITUKG + "coLocatedWith", ev, g.v.series[series].label)
        if kind == "CTOConsultation":
            host = parts[0][0]
            fact(m, ITUKG + "host", self._org(entity, host), f"kindly hosted by {host}")
        fact(m, ITUKG + "participantCount", r.randint(12, 100), "more than 50 participants")
        fact(m, ITUKG + "participantCountQualifier", r.choice(("exactly", "more than", "about")), "more than")
        for org_name, country in parts:
            org = self._org(entity, org_name)
            p = URIRef(f"{ID}participation/{meeting_key}/{str(org).rsplit('/', 1)[-1]}")
            t(p, RDF_TYPE, URIRef(ITUKG + "Participation"))
            t(p, RDFS_LABEL, f"{org_name} at {label}" + (f" for {country}" if country else ""))
            quote = f"{org_name}, {country}" if country else org_name
            fact(m, ITUKG + "hasParticipation", p, quote)
            fact(p, ITUKG + "participationIn", m, quote)
            fact(p, ITUKG + "organization", org, org_name)
            fact(m, ITUKG + "participant", org, quote)
            fact(org, ITUKG + "participatedIn", m, quote)
            if country and country in self.country_iri:
                fact(p, ITUKG + "onBehalfOf", entity(self.country_iri[country]), country)
        groups = [URIRef(f"{ID}group/sg{n}") for n in r.sample(STUDY_GROUPS, r.randint(2, 5))]
        for grp in groups[:2]:
            fact(m, ITUKG + "groupRepresented", entity(grp), "Chairmen of ITU-T Study Groups")
        for grp in groups:
            fact(m, ITUKG + "mentionsGroup", entity(grp), "ITU-T Study Group")
        for _ in range(r.randint(1, 4)):
            org_name = g.participants(1)[0][0]
            fact(m, ITUKG + "mentionsOrganization", self._org(entity, org_name), org_name)
        sg, tsb = g.leaders(d.year)
        people = [(sg[0], "itu-secretary-general"), (tsb[0], "tsb-director")]
        people += [(f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}", r.choice(POSTS)) for _ in range(r.randint(0, 3))]
        for person_name, post in people:
            slug = slugify(person_name)
            pi = URIRef(f"{ID}person/{slug}")
            if slug not in g.v.people and pi not in derived:
                entity(pi, "Person", person_name)
                t(pi, ITUKG + "name", person_name)
            fact(m, ITUKG + "mentionsPerson", pi, person_name)
            fact(pi, ITUKG + "holdsPost", entity(URIRef(f"{ID}post/{post}")), post)
        for topic in topics:
            fact(m, ITUKG + "topic", topic, self.topic_labels[topic])
        for i in range(1, r.randint(3, 7)):
            item = URIRef(f"{ID}item/{meeting_key}/{i}")
            heading = f"{self.topic_labels[r.choice(topics)].capitalize()} and {self.topic_labels[r.choice(topics)]}"
            t(item, RDF_TYPE, URIRef(ITUKG + "DiscussionItem"))
            fact(item, RDFS_LABEL, heading, heading)
            t(item, ITUKG + "position", i)
            t(item, ITUKG + "itemText", f"CTOs discussed {heading.lower()}. " * r.randint(2, 6))
            fact(m, ITUKG + "hasDiscussionItem", item, heading)
            t(item, ITUKG + "discussionItemOf", m)
            for topic in r.sample(topics, min(len(topics), r.randint(1, 4))):
                fact(item, ITUKG + "topic", topic, self.topic_labels[topic])
        for i in range(1, r.randint(2, 6)):
            grp = r.choice(groups)
            kind_of = r.choice(ACTIONS)
            a = URIRef(f"{ID}action/{meeting_key}/{i}")
            text = f"CTOs called for {str(grp).rsplit('/', 1)[-1].upper()} to {kind_of} its work."
            t(a, RDF_TYPE, URIRef(ITUKG + "GroupAction"))
            t(a, RDFS_LABEL, f"{str(grp).rsplit('/', 1)[-1].upper()}: {kind_of}")
            fact(m, ITUKG + "hasGroupAction", a, text)
            fact(a, ITUKG + "actor", grp, "ITU-T Study Group")
            fact(a, ITUKG + "actionKind", kind_of, text)
            t(a, ITUKG + "actionText", text)
            for topic in r.sample(topics, min(len(topics), r.randint(0, 2))):
                fact(a, ITUKG + "actionTopic", topic, self.topic_labels[topic])
        if r.random() < 0.3:
            c = URIRef(f"{ID}count/{meeting_key}/1")
            value = r.randint(5, 30)
            t(c, RDF_TYPE, URIRef(ITUKG + "StatedCount"))
            t(c, RDFS_LABEL, f"{value} new Associates")
            fact(m, ITUKG + "statedCount", c, f"{value} new Associates")
            fact(c, ITUKG + "countValue", value, str(value))
            fact(c, ITUKG + "countOf", "new Associates", "new Associates")
        triples = list(dict.fromkeys(triples))  # a fact read twice is one triple (as in build.nquads)
        return sha, name, triples, self.h.infer(triples)

    def _org(self, entity, name: str) -> URIRef:
        iri = self.org_iri.get(name)
        if iri is not None:
            return entity(iri)
        iri = URIRef(f"{ID}organization/{slugify(strip_legal_form(name))}")
        return entity(iri, "Organization", name)


def _nquads(triples, graph: str) -> bytes:
    g = f"<{graph}>"
    return "".join(f"<{s}> <{p}> {_term(o)} {g} .\n" for s, p, o in triples).encode("utf-8")


def generate(data_dir: Path, triples: int, seed: int = 7, cache_dir: Path | None = None,
             progress=None, meetings: int | None = None, evidence: bool = True, ui_tables: bool = False) -> dict:
    """Write a dataset generation of about `triples` quads into data_dir (replacing what it holds); with
    `meetings`, that many meetings (one a document) whatever the size. `evidence=False` leaves out the
    Evidence nodes (8 triples a fact): 10,000 meetings are then about 4.3M distinct quads. `ui_tables`: also
    the web UI's precomputed tables, as a build writes them (server/ui/precompute.py)."""
    data_dir = Path(data_dir)
    cache_dir = Path(cache_dir) if cache_dir else data_dir.parent / ".bench-cache"
    ref, ref_inf = reference_parts(cache_dir)
    with open(ref, "rb") as a, open(ref_inf, "rb") as b:
        total = sum(1 for _ in a) + sum(1 for _ in b)
    if data_dir.exists():
        shutil.rmtree(data_dir)
    wanted = meetings
    gen = GraphGenerator(seed, expected_docs=wanted or max(10, triples // 2500), evidence=evidence)
    docs: dict[str, dict] = {}
    with ds.build_lock(data_dir):
        writer = ds.GenerationWriter(data_dir)
        writer.copy_from(ref, ds.REFERENCE_FILE)
        writer.copy_from(ref_inf, ds.REFERENCE_INFERRED_FILE)
        parts = [writer.tmp / ds.REFERENCE_FILE, writer.tmp / ds.REFERENCE_INFERRED_FILE]
        n = 0
        meetings = 0
        while (n < wanted) if wanted else (total < triples):
            n += 1
            sha, name, asserted, inferred = gen.document(n)
            parts.append(writer.write(ds.document_name(sha), _nquads(asserted, f"{IG}document/{sha}")))
            parts.append(writer.write(ds.inferred_name(sha), _nquads(sorted(inferred), INFERRED)))
            total += len(asserted) + len(inferred)
            meetings += 1
            docs[f"synthetic/{name}"] = ds.DocumentEntry(f"synthetic/{name}", name, sha, "text/plain", 1,
                                                         len(asserted), []).__dict__
            if progress and n % 200 == 0:
                progress(n, total)
        writer.concatenate(ds.DATASET_FILE, parts)
        if ui_tables:
            from itukg.server.ui.precompute import write_tables

            write_tables(writer.tmp)
        stats = {"documents": n, "meetings": meetings, "quads": total}
        writer.publish({"built": datetime.now(timezone.utc).isoformat(timespec="seconds"), "documents": docs,
                        "stats": stats, "rejected": [], "unreadable": [], "synthetic": True, "seed": seed})
    return stats


def graph_in(work: Path | None, triples: int, seed: int = 7, prefix: str = "itukg-bench-") -> tuple[Path, Path]:
    """(the work directory, a generated graph of `triples` in it): made once, kept for the next run with the same
    work directory (a fresh temporary directory when `work` is None)."""
    work = work or Path(tempfile.mkdtemp(prefix=prefix))
    data = work / f"graph-{triples}"
    if not (data / "current").exists():
        generate(data, triples, seed=seed, cache_dir=work / "cache")
    return work, data


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.generate_graph", description=__doc__.split("\n\n")[0])
    p.add_argument("data_dir", type=Path)
    p.add_argument("--triples", type=int, default=100_000)
    p.add_argument("--meetings", type=int, help="that many meetings (one a document) instead of --triples")
    p.add_argument("--no-evidence", action="store_true", help="leave out the Evidence nodes (8 triples a fact)")
    p.add_argument("--ui-tables", action="store_true", help="also precompute the web UI's tables, as a build does")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--cache-dir", type=Path, help="where the reference graphs of an empty build are cached")
    args = p.parse_args(argv)
    stats = generate(args.data_dir, args.triples, args.seed, args.cache_dir,
                     progress=lambda n, t: print(f"\r{n} documents, {t} quads", end="", file=sys.stderr),
                     meetings=args.meetings, evidence=not args.no_evidence, ui_tables=args.ui_tables)
    print(f"\nwrote {stats['quads']} quads ({stats['documents']} documents) to {args.data_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
