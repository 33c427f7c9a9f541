"""The reference knowledge (ontology + ontology/reference/*.ttl) loaded once, as graphs and as lookup tables.

Extractors link text to IRIs through this module only, so adding a study group, a topic, a city or an
organization alias is an edit to a Turtle file, never to Python.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from . import iris
from .namespaces import ITUKG, base_iri
from .resources import reference_files
from .vocabulary import vocabulary

#: Label properties whose values are aliases an extractor may match in text.
_ALIAS_PROPERTIES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, SKOS.notation)

#: The classes an alias can point to are these and their subclasses (graph/vocabulary.py), most specific first
#: (an entity typed twice keeps the first).
_ALIAS_ROOTS = ("ITUTGroup", "Sector", "MeetingSeries", "Post", "Person", "Place", "Topic", "Organization")
#: Kinds whose names are proper nouns besides every group and place: a lower-case word in text never matches
#: them ("orange" is not Orange).
_PROPER_ROOTS = frozenset({"Sector", "Organization", "Person", "MeetingSeries"})

_TOKEN = re.compile(r"[^\W_]+(?:&[^\W_]*)*", re.UNICODE)  # "AT&T" and "e&" are one word each
_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+")  # 'ITU-T' inside a link is not a mention


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form used for matching ("Bogotá" ~ "bogota")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


#: Spelling variants folded together when matching names: British '-isation' ('Standardisation'), and the
#: plural 'Telecommunications' that documents write for the singular of ITU names.
_VARIANTS = ((re.compile(r"isation(s?)$"), r"ization\1"), (re.compile(r"^telecommunications$"), "telecommunication"))


@lru_cache(maxsize=65536)
def key_token(token: str) -> str:
    """The matching key of one word: folded, with spelling variants made one."""
    k = fold(token)
    for pattern, repl in _VARIANTS:
        k = pattern.sub(repl, k)
    return k


@lru_cache(maxsize=65536)
def _alias_key(text: str) -> tuple[str, ...]:
    """The matching key of a whole name: its words' keys. Cached: extractors look the same names up many times."""
    return tuple(key_token(t) for t, _, _ in tokens(text))


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens with their character offsets; punctuation and spaces are separators."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


_SENTENCE_BREAK = re.compile(r"[.;!?]\s")
_TOKENIZED: list = [None, None]  # the last text tokenized and its tables: extractors ask about one text many times


def _tokenized(text: str) -> tuple[list[tuple[str, int, int]], list[str], list[int]]:
    """A text's word tokens (outside links: 'ITU-T' inside a URL is no mention), their keys and start offsets."""
    if _TOKENIZED[0] is not text:
        urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
        toks = tokens(text)
        if urls:
            toks = [t for t in toks if not any(a <= t[1] < b for a, b in urls)]
        _TOKENIZED[:] = [text, (toks, [key_token(t) for t, _, _ in toks], [t[1] for t in toks])]
    return _TOKENIZED[1]


def _short_form(r) -> str | None:
    """An organization's name without its legal form, as later mentions write it ('Zeta Systems' for 'Zeta
    Systems Corporation'); only when at least two words are left, so no common word becomes a name."""
    if r.kind != "Organization":
        return None
    from .extract.legalforms import strip_legal_form  # the extractors import this module
    short = strip_legal_form(r.label)
    return short if short != r.label and len(short.split()) >= 2 else None


def inflections(label: str) -> list[str]:
    """The other number of a lower-case label's last word: 'smart city' <-> 'smart cities', 'testbed' ->
    'testbeds'. Acronyms and capitalised names are left as they are ('IoT', 'H.264 / AVC')."""
    m = re.search(r"([a-z][a-z-]*[a-z])$", label)
    if not m or label.lower() != label or len(m.group(1)) < 4:
        return []
    head, word = label[:m.start(1)], m.group(1)
    if word.endswith(("ing", "ics", "data", "ware", "health", "ism")):
        return []  # uncountable: 'cloud computing', 'analytics', 'big data', 'e-health'
    if word.endswith("ies"):
        other = word[:-3] + "y"
    elif word.endswith(("sses", "ches", "shes", "xes")):
        other = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        other = word[:-1]
    elif word.endswith("y") and word[-2] not in "aeiou":
        other = word[:-1] + "ies"
    elif word.endswith(("s", "x", "ch", "sh")):
        other = word + "es"
    else:
        other = word + "s"
    return [head + other]


def _is_acronym(surface: str) -> bool:
    """Short aliases with inner capitals ("ENUM", "IoT", "QoS", "5G", "TTC") must match case-sensitively."""
    letters = [c for c in surface if c.isalpha()]
    if not letters or len(surface) > 8:
        return False
    uppers = sum(c.isupper() for c in letters)
    return uppers >= 2 or (uppers == 1 and any(c.isdigit() for c in surface))


@dataclass(frozen=True)
class Entry:
    iri: str
    kind: str
    label: str  # the entity's rdfs:label
    alias: str  # the alias as written in the reference data
    case_sensitive: bool
    proper: bool


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entries: tuple[Entry, ...]

    @property
    def entry(self) -> Entry:
        return self.entries[0]

    def of_kind(self, kinds) -> Entry | None:
        for e in self.entries:
            if e.kind in kinds:
                return e
        return None


class Reference:
    """Graphs and alias tables of the reference data."""

    MAX_ALIAS_TOKENS = 16  # an organization with its country: 13 words and more
    #: on an overlay only (see overlay()): the alias keys whose bucket it has copied from its base
    _copied: set[tuple[str, ...]]

    def __init__(self, ontology: Graph, reference: Graph):
        self.ontology = ontology
        self.graph = reference
        self.labels: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self._aliases: dict[tuple[str, ...], list[Entry]] = {}
        self._longest: dict[str, int] = {}  # first folded token -> most tokens of an alias starting with it
        self._edits = 0  # changes to the alias tables (add_alias): what find()'s tables of a text were made from
        self.base: Reference = self  # the reference data itself, under any per-document overlay
        # The kinds come from the ontology as it is when the reference data is loaded (graph/vocabulary.py), not
        # when this module was imported: a new kind in the ontology is seen by the next load.
        vocab = vocabulary()
        self.alias_kinds = vocab.most_specific_first(_ALIAS_ROOTS)
        self.group_kinds = vocab.group_kinds
        self.place_kinds = vocab.place_kinds
        self.proper_kinds = self.place_kinds | self.group_kinds | _PROPER_ROOTS
        self._index()

    # -- building the tables -------------------------------------------------------------------
    def _kind_of(self, s: URIRef) -> str | None:
        types = {str(t) for t in self.graph.objects(s, RDF.type)}
        for kind in self.alias_kinds:
            if str(ITUKG[kind]) in types:
                return kind
        return None

    def _index(self) -> None:
        g = self.graph
        for s in set(g.subjects(RDF.type, None)):
            if not isinstance(s, URIRef):
                continue
            kind = self._kind_of(s)
            if kind is None:
                continue
            iri = str(s)
            label = g.value(s, RDFS.label) or g.value(s, SKOS.prefLabel)
            self.labels[iri] = str(label) if label is not None else iri.rsplit("/", 1)[-1]
            self.kinds[iri] = kind
            for prop in _ALIAS_PROPERTIES:
                if prop == SKOS.notation and kind not in self.group_kinds:
                    continue  # 'AI' is a country code (Anguilla) but in text it means artificial intelligence
                for alias in g.objects(s, prop):
                    if isinstance(alias, Literal) and alias.language not in (None, "en"):
                        continue
                    self.add_alias(str(alias), iri, kind)
                    if kind == "Topic" and prop != SKOS.notation:
                        for form in inflections(str(alias)):  # 'smart city' is also 'smart cities'
                            self.add_alias(form, iri, kind)

    def add_alias(self, alias: str, iri: str, kind: str) -> None:
        key = tuple(key_token(t) for t, _, _ in tokens(alias))
        if not key or len(key) > self.MAX_ALIAS_TOKENS or sum(len(k) for k in key) < 2:
            return  # one letter ('e&' -> 'e') would match initials everywhere
        entry = Entry(iri, kind, self.labels.get(iri, alias), alias, _is_acronym(alias), kind in self.proper_kinds)
        self._edits += 1
        self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
        copied = self.__dict__.get("_copied")
        if copied is not None and key not in copied:  # an overlay: copy the base's bucket before adding to it
            copied.add(key)
            self._aliases[key] = list(self._aliases.get(key, []))
        bucket = self._aliases.setdefault(key, [])
        if all(e.iri != iri or e.alias != alias for e in bucket):
            bucket.append(entry)

    # -- matching ---------------------------------------------------------------------------------
    def _heads(self, text: str) -> tuple[list[int], list[list[tuple[int, list[Entry]]]]]:
        """The indices of the text's tokens (_tokenized) where an alias starts, and at each the aliases found there
        (their length in tokens, longest first, and entries), none of them over a line break. find() is asked about
        one text many times, over many ranges, and trying every length at every token was most of its time: these
        are made once per text, and made again when the alias tables change (a new overlay, add_alias)."""
        cached = self.__dict__.get("_heads_of")
        if cached is not None and cached[0] is text and cached[1] is self._aliases and cached[2] == self._edits:
            return cached[3]
        toks, folded, _ = _tokenized(text)
        heads: list[int] = []
        found: list[list[tuple[int, list[Entry]]]] = []
        for i, first in enumerate(folded):
            here = []
            for n in range(min(self._longest.get(first, 0), len(toks) - i), 0, -1):
                entries = self._aliases.get(tuple(folded[i:i + n]))
                if entries and "\n" not in text[toks[i][1]:toks[i + n - 1][2]]:
                    here.append((n, entries))
            if here:
                heads.append(i)
                found.append(here)
        self._heads_of = (text, self._aliases, self._edits, (heads, found))
        return heads, found

    def find(self, text: str, kinds=None, start: int = 0, end: int | None = None) -> list[Match]:
        """Longest, non-overlapping alias matches in text[start:end], left to right.

        Matches never span a sentence end or a line break, honour case for acronyms and proper nouns,
        and are restricted to `kinds` when given.
        """
        end = len(text) if end is None else end
        toks, _, starts = _tokenized(text)
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        while hi > lo and toks[hi - 1][2] > end:
            hi -= 1  # a word cut by the end of the range is not in it
        heads, found_at = self._heads(text)
        out: list[Match] = []
        h = bisect.bisect_left(heads, lo)  # tokens where no alias starts are passed over
        while h < len(heads) and heads[h] < hi:
            i = heads[h]
            found = None
            for n, entries in found_at[h]:
                if n > hi - i:
                    continue  # runs past the range
                s, e = toks[i][1], toks[i + n - 1][2]
                surface = text[s:e]
                # a full stop inside the match ends a sentence, unless the name itself is written with it
                # ('St. Petersburg')
                breaks = _SENTENCE_BREAK.findall(surface) if n > 1 else []
                ok = [x for x in entries if (kinds is None or x.kind in kinds) and self._case_ok(x, surface)
                      and (not breaks or _SENTENCE_BREAK.findall(x.alias) == breaks)]
                if ok:
                    found = Match(s, e, tuple(ok))
                    break
            if found:
                out.append(found)
                h = bisect.bisect_left(heads, i + n, h + 1)  # the next word after the match
            else:
                h += 1
        return out

    @staticmethod
    def _case_ok(entry: Entry, surface: str) -> bool:
        if entry.case_sensitive:
            return [c for c in surface if c.isalnum()] == [c for c in entry.alias if c.isalnum()]
        if entry.proper:  # a proper name is capitalised, unless written exactly as the name is ('e&', 'eBay')
            return surface[:1].isupper() or surface[:1].isdigit() or surface == entry.alias
        return True

    def aliases_of(self, iri: str) -> list[tuple[str, ...]]:
        """The folded alias keys of one entity (built once, on first use)."""
        if not hasattr(self, "_keys_by_iri"):
            keys: dict[str, list[tuple[str, ...]]] = {}
            for key, entries in self._aliases.items():
                for e in entries:
                    keys.setdefault(e.iri, []).append(key)
            self._keys_by_iri = keys
        return self._keys_by_iri.get(iri, [])

    def lookup(self, name: str, kinds=None) -> Entry | None:
        """The entity a whole string names (e.g. one item of a participant list), or None."""
        key = _alias_key(name)
        for e in self._aliases.get(key, []):
            if (kinds is None or e.kind in kinds) and self._case_ok(e, name.strip()):
                return e
        return None

    # -- facts about reference entities -------------------------------------------------------------
    def country_of(self, place_iri: str) -> str | None:
        """The country of a city or region (from itukg:inCountry), or the place itself if it is a country."""
        if self.kinds.get(place_iri) == "Country":
            return place_iri
        c = self.graph.value(URIRef(place_iri), ITUKG.inCountry)
        return str(c) if c is not None else None

    def group_by_number(self, number: int) -> str | None:
        for s in self.graph.subjects(ITUKG.groupNumber, Literal(number)):
            if self.kinds.get(str(s)) == "StudyGroup":
                return str(s)
        iri = str(iris.group(f"sg{number}"))
        return iri if iri in self.kinds else None

    def groups_established(self, year: int, month: int | None) -> list[str]:
        """Groups whose itukg:established falls in that month (or year): resolves 'the Focus Group established in July 2018'."""
        out = []
        for s, v in self.graph.subject_objects(ITUKG.established):
            text = str(v)
            if text.startswith(f"{year:04d}") and (month is None or text[5:7] == f"{month:02d}"):
                out.append(str(s))
        return sorted(out)

    def overlay(self, refs) -> Reference:
        """A view of this reference that also knows the entities one document defines ('Example Regulatory
        Authority (ERA)' makes a later 'ERA' the same organization), so every extractor resolves them alike.

        `refs` are Refs with an IRI already minted; their label and alternative name become aliases.
        Copies only the alias tables (milliseconds), never the graphs.
        """
        refs = list(refs)
        new = [r for r in refs if r.iri is not None and r.iri not in self.kinds]
        # a known entity the document abbreviates its own way ('Communications, Space and Technology Commission
        # (CST)'): that acronym names it in this document too
        abbreviated = [r for r in refs if r.iri is not None and r.iri in self.kinds and r.alt
                       and self.lookup(r.alt) is None]
        if not new and not abbreviated:
            return self
        view = object.__new__(Reference)
        view.__dict__.update(self.__dict__)
        view.labels, view.kinds = dict(self.labels), dict(self.kinds)
        view._aliases = dict(self._aliases)  # buckets are replaced, never changed in place, from here on
        view._longest = dict(self._longest)
        view._copied = set()
        view.base = self.base
        for r in new:
            view.labels[r.iri] = r.label
            view.kinds[r.iri] = r.kind
            # the name as the document wrote it, too ('Government of the Republic of Examplia' for 'Government of
            # Examplia')
            written = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", r.span.quote).strip(), flags=re.IGNORECASE) \
                if r.span is not None and "(" not in r.span.quote else None
            for alias in (r.label, r.alt, _short_form(r), written):
                if alias:
                    view.add_alias(alias, r.iri, r.kind)
        for r in abbreviated:
            view.add_alias(r.alt, r.iri, self.kinds[r.iri])
        return view

    def is_reference(self, iri: str | None) -> bool:
        """Whether an IRI is described by the reference data (not minted from a document); None (an entity
        without an IRI yet) is not."""
        return iri in self.base.kinds

    def part_of_itu(self, iri: str) -> bool:
        """ITU itself or one of its parts (itukg:partOf, transitively): not an outside organization."""
        cache = self.base.__dict__.setdefault("_itu_parts", {})
        if iri not in cache:
            cache[iri] = self._part_of_itu(iri)
        return cache[iri]

    def _part_of_itu(self, iri: str) -> bool:
        itu = str(iris.organization("itu"))
        seen, todo = set(), [iri]
        while todo:
            node = todo.pop()
            if node == itu:
                return True
            seen.add(node)
            todo.extend(str(o) for o in self.base.graph.objects(URIRef(node), ITUKG.partOf) if str(o) not in seen)
        return False

    def holders_of(self, post_iri: str) -> list[str]:
        return sorted(str(s) for s in self.graph.subjects(ITUKG.holdsPost, URIRef(post_iri)))


def load_reference() -> Reference:
    """The ontology and the reference data, with the reference data's IRIs under the current base
    (namespaces.base_iri()): parsed once per process and base."""
    return _reference_under(base_iri())


@lru_cache(maxsize=2)
def _reference_under(base: str) -> Reference:
    reference = Graph()
    for path in reference_files():
        reference.parse(path, format="turtle")
    return Reference(vocabulary().ontology, iris.rebase(reference, base))


#: `load_reference.cache_clear()` reads the files again (as for the other cached loaders).
load_reference.cache_clear = _reference_under.cache_clear  # type: ignore[attr-defined]
