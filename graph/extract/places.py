"""Where a meeting was held: the city or region (and its country) a sentence names, and whether the meeting was
held online.

Places come from two sources:
- the reference data (ontology/reference/places.ttl, countries.ttl): hand-listed venues and every country,
  trusted wherever they are written with a capital;
- the gazetteer (graph/gazetteer.py: GeoNames cities of 15,000 people or more, US states, ISO 3166-2 regions),
  whose names are often also words or people's names ('Nice', 'Mobile', 'Split', 'Lee'): a gazetteer name counts
  only in a place context ('held in X', 'at X', 'city of X', 'X, Country', 'X (Country)', a dateline 'X, 9 May')
  or, for a city of a million people or more whose name is not a common word, alone; never when it reads as part
  of a longer name ('Mobile World Congress') or of a person's name ('Mr Lee', 'Chaesub Lee', 'Lee's').

The same name may be several places: the one whose country (or US state) the text names next to it wins
('Geneva, Switzerland' vs Geneva, Illinois; 'Atlanta, Georgia' makes Georgia the US state, 'Tbilisi, Georgia'
the country), else the place's own name over another place's alternate name, else the larger.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .. import iris
from ..facts import Ref, Span
from ..gazetteer import LARGE_CITY, Candidate, Place, gazetteer
from ..reference import Reference
from ..resources import reference_dir
from .organizations import looks_like_organization
from .text import CARDINAL_PATTERN

#: 'held in X', 'at X', 'city of X' (up to two capitalised words may precede the name: 'in Yasmine Hammamet')
_PLACE_BEFORE = re.compile(r"\b(?i:in|at|near|city\s+of|town\s+of|venue\s*:?|location\s*:?|place\s*:|city\s*:)\s+"
                           r"(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,2}$")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sir|Dame|H\.\s?E|Excellency|Minister|Ambassador|Director|"
                           r"Chairman|Chairwoman|Chair|Chairperson|President|Secretary-General|Deputy|Mayor|Governor|"
                           r"Vice-Chair(?:man)?|Counsellor|Rapporteur|Editor|Dean|Senator|Commissioner)\.?\s+"
                           r"(?:[A-Z][\w'’.-]*\s+){0,2}$")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")
#: the place word right before the name ('in', 'at', 'Venue:'), no other word between them
_PLACE_BEFORE_WORD = re.compile(r"\b(?i:in|at|near|of|venue\s*:?|location\s*:?|place\s*:|city\s*:)\s+(?:the\s+)?$")
_PERSON_AFTER = re.compile(r"^(?:['’]s\b|\s+of\b|[ \t]+[A-Z][\w-])")
#: a venue named after its city: 'at the Gaborone International Convention Centre'
_VENUE = r"(?:International[ \t]+)?(?:Convention|Conference|Congress|Exhibition|Expo)[ \t]+(?:Centre|Center|Hall|Complex|Palace)\b"
_VENUE_AFTER = re.compile(rf"^[ \t]+{_VENUE}")
_VENUE_NAME = re.compile(rf"[ \t]{_VENUE}")
#: 'in Annex 2', 'in Part B', 'in March 2020': a document's word with a number, not a place
_NUMBERED = re.compile(r"^[ \t]+(?:\d|[IVX]+\b|[A-Z]\b)")
#: a firm place context, required for names that are also common words ('held in Nice', 'took place at Split')
_FIRM_BEFORE = re.compile(r"\b(?i:(?:held|hosted|took\s+place|convened|organi[sz]ed|gathered|met|meet|meeting|"
                          r"venue|located)\s+(?:\w+\s+){0,2}?(?:in|at)|city\s+of|town\s+of|venue\s*:?)\s+"
                          r"(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,2}$")
_NEXT_TO = re.compile(r"^\s*(?:,|\(|–|-)\s*")
_APART_BEFORE = re.compile(r"\b(?i:outside|beyond|except|excluding)[ \t]+(?:of[ \t]+)?(?:the[ \t]+)?\Z")
_TIME_ZONE_AFTER = re.compile(r"[ \t]+(?:time|local\s+time|standard\s+time|summer\s+time)\b", re.IGNORECASE)
_DATE_AFTER = re.compile(r"^\s*,?\s*(?:\d{1,2}\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")

#: a meeting held online: 'held virtually', 'a virtual meeting', 'via videoconference', 'by Zoom', 'e-meeting',
#: 'Venue: online'
VIRTUAL = re.compile(
    r"\b(?:(?:fully|entirely|all|completely)[-\s]+)?(?:virtual|online|remote|electronic|video\s*-?\s*conference|"
    r"videoconference|web\s*-?\s*conference|teleconference)\s+"
    r"(?:(?:\w+\s+){0,2}?)(?:meeting|session|format|mode|event|consultation|workshop|forum|edition|conference|"
    r"gathering|assembly|symposium|dialogue)\b(?!s)"
    r"|\b(?:fully|entirely|all|completely)[-\s]+(?:virtual|online|remote)\b"
    r"|\b(?:held|took\s+place|met|convened|conducted|organi[sz]ed|hosted|gathered|meeting)\s+(?:\w+,?\s+){0,4}?"
    r"(?:virtually|online|remotely|electronically)\b(?!\s+(?:participation|access|registration|streaming|broadcast))"
    r"|\b(?:via|by|through|over|on)\s+(?:a\s+)?(?:video\s*-?\s*conferenc(?:e|ing)|videoconferenc(?:e|ing)|Zoom|Webex|"
    r"(?:Microsoft|MS)\s+Teams|web\s*conferenc(?:e|ing)|teleconferenc(?:e|ing))\b"
    r"|\be-meetings?\b|\bin\s+(?:a\s+)?virtual\s+(?:format|mode|setting)\b"
    r"|\b(?:venue|location|place|format|mode)[ \t]*:[ \t]*(?:virtual|online|remote)\b"
    # a heading's field: 'CTO Consultation, 12 May 2022, online', '... | 12 May 2022 | Online', '(virtual), 12 May'
    # (on a line with no full stop: not 'Registration (online) is open.')
    r"|(?m:(?<=[^\n.]{3})\((?:virtual|online)\)(?=[^\n.]*$)|(?:,|\||[–—])[ \t]*(?:virtual|online)[ \t]*$)",
    re.IGNORECASE,
)
#: a meeting held in a room and online at once
HYBRID = re.compile(r"\bhybrid\s+(?:\w+\s+)?(?:meeting|format|mode|event|session|consultation|workshop)s?\b|"
                    r"\bin\s+(?:a\s+)?hybrid\b|\b(?:physical(?:ly)?|in[-\s]person)\s+(?:and|&|or|as\s+well\s+as)\s+"
                    r"(?:virtual(?:ly)?|online|remote(?:ly)?)\b|\bwith\s+remote\s+participation\b|\(hybrid\)|"
                    r"\b(?:venue|location|place|format|mode)[ \t]*:[^\n]{0,80}?\bhybrid\b|"
                    # 'Some 250 delegates took part, about a third of them remotely'
                    r"\b(?:participants|delegates|experts|attendees)\b[^.;\n]{0,60}?\b(?:(?:about|around|some|over|nearly|"
                    rf"almost|roughly)[ \t]+)?(?:a[ \t]+(?:third|quarter|half|fifth)|half|{CARDINAL_PATTERN}|many|most|several|some|"
                    r"dozens)[ \t]+"
                    r"of[ \t]+them[ \t]+(?:remotely|online|virtually)\b", re.IGNORECASE)


def attendance(text: str, s: int, e: int) -> tuple[str, int, int] | None:
    """('online' | 'mixed', start, end) when text[s:e] says the meeting was held online (or both ways)."""
    h = HYBRID.search(text, s, e)
    if h:
        return "mixed", h.start(), h.end()
    v = VIRTUAL.search(text, s, e)
    if v:
        return "online", v.start(), v.end()
    return None


@dataclass
class _Found:
    start: int
    end: int
    kind: str  # City, Region, Country
    label: str
    iri: str | None
    country: str | None
    strength: int  # 2: in a place context; 1: accepted without one
    place: Place | None = None  # a gazetteer place


def find_place(ref: Reference, text: str, s: int, e: int, exclude=()) -> tuple[Ref, Ref | None, bool] | None:
    """The city or region (and its country) named in text[s:e], else the country.

    Returns (place, country, country_from_reference): the country is the one named in the text when it is the
    place's, else the place's country from the reference data or gazetteer (country_from_reference True).
    Matches starting inside an `exclude` span are ignored.
    """
    def free(a: int) -> bool:
        return not any(x <= a < y for x, y in exclude)

    ref_places = [x for x in ref.find(text, ref.place_kinds, s, e) if free(x.start)]
    gaz = gazetteer(ref)
    gaz_all = [g for g in gaz.find(text, s, e) if free(g.start)]
    # a country's name inside a longer place name is that place's ('Port of Spain', 'Mexico City', 'New Mexico')
    ref_places = [x for x in ref_places if not (x.of_kind({"Country"}) and any(
        g.start <= x.start and x.end <= g.end and g.end - g.start > x.end - x.start for g in gaz_all))]
    # 'St. Petersburg, Florida': a hand-listed city followed by a region of another country is the gazetteer's
    # city of that name in that region
    ref_places = [x for x in ref_places if not _elsewhere(ref, gaz, text, x, gaz_all)]
    # (a venue named after its city is no body that hides the city: 'the Gaborone International Convention Centre')
    names = [(x.start, x.end) for x in ref.find(text, ref.proper_kinds - ref.place_kinds, s, e)
             if not _VENUE_NAME.search(text, x.start, x.end)]
    # a country inside a company's two-word name is the company's ('China Telecom', 'Telecom Egypt'); a longer
    # official name says where the body is ('the Rwanda Utilities Regulatory Authority', 'Communications Authority of
    # Kenya')
    ref_places = [x for x in ref_places if not any(a <= x.start and x.end <= b and b - a > x.end - x.start
                                                   and len(text[a:b].split()) <= 2 for a, b in names)]
    blocked = names + [(x.start, x.end) for x in ref_places]
    gmatches = [g for g in gaz_all if not any(a < g.end and g.start < b for a, b in blocked)]

    found: list[_Found] = []
    for m in ref_places:
        entry = m.of_kind({"City", "Region", "Country"})
        if entry is None:
            continue
        country_iri = entry.iri if entry.kind == "Country" else ref.country_of(entry.iri)
        before = _before(text, s, m.start)
        strong = bool(_PLACE_BEFORE.search(before))
        if entry.kind != "Country" and not strong and (_PERSON_AFTER.match(text[m.end:m.end + 3])
                                                       or _TITLE_BEFORE.search(before)):
            continue  # 'the Paris Agreement', 'Mr Santiago'
        found.append(_Found(m.start, m.end, entry.kind, entry.label, entry.iri, country_iri, 2 if strong else 1))
    found.sort(key=lambda f: f.start)

    gfound: list[_Found] = []
    for g in gmatches:
        f = _gazetteer_place(ref, text, s, g, found, gaz)
        if f is not None:
            gfound.append(f)
    found = sorted(found + gfound, key=lambda f: f.start)

    # 'hosted by Example University, California': the region after an organization's name is where that
    # organization is, not where the meeting was (unless the meeting was held there: 'held at Example
    # University, California')
    found = [f for f in found if f.kind == "Country" or not _organization_before(text, s, f.start)]
    # '14:00 hours Geneva time', 'Central European Time': a clock's time zone, not where anything was held
    found = [f for f in found if not _TIME_ZONE_AFTER.match(text, f.end)]
    # 'the first meeting held in the region outside the United Arab Emirates': a place set apart, not where
    found = [f for f in found if not _APART_BEFORE.search(text, max(s, f.start - 20), f.start)]
    places = [f for f in found if f.kind in ("City", "Region")]
    countries = [f for f in found if f.kind == "Country"]
    if not places:
        town = _town_held_in(ref, text, s, e, countries, exclude)
        if town is not None:
            return town
    if places:
        def beside_its_country(f: _Found) -> bool:  # 'New Delhi, India' over 'at Example Hall' in one sentence
            return any(c.iri == f.country and 0 <= c.start - f.end <= 3 for c in countries)

        best = max(places, key=lambda f: (beside_its_country(f), f.strength, -f.start))
        if best.kind == "Region" and best.country:
            # 'in Nusa Dua, Bali': a town too small for the gazetteer, named before its region
            small = _town_before(text, s, best.start)
            if small is not None:
                small = _known_town(ref, small, best.country)
                named = next((c for c in countries if c.iri == best.country), None)
                country = Ref("Country", named.label, Span.of(text, named.start, named.end), named.iri) if named else \
                    Ref("Country", ref.labels.get(best.country, best.country), small.span, best.country)
                return small, country, named is None
        place = Ref(best.kind, best.label, Span.of(text, best.start, best.end), best.iri,
                    gazetteer=best.place is not None, in_country=best.country if best.place is not None else None)
        named = next((c for c in countries if c.iri == best.country), None)
        if named:
            return place, Ref("Country", named.label, Span.of(text, named.start, named.end), named.iri), False
        if best.country:
            return place, Ref("Country", ref.labels.get(best.country, best.country), place.span, best.country), True
        return place, None, False
    # 'chaired by Ana Example, CTO of Examplecom (Brazil)': a country in brackets after a name is whom someone
    # speaks for, not where the meeting was
    countries = [c for c in countries if not _whose_country(ref, text, c.start, c.end)]
    if countries:
        x = countries[0]
        country = Ref("Country", x.label, Span.of(text, x.start, x.end), x.iri)
        # 'in Ouagadougou, Burkina Faso': an unknown capitalised name right before the country is its city
        city = _town_before(text, s, x.start)
        if city is not None:
            city = _known_town(ref, city, x.iri)
            return city, country, False
        return country, country, False
    return None


def _whose_country(ref: Reference, text: str, s: int, e: int) -> bool:
    """A country in brackets after a name, alone or after a body ('Ana Example (Brazil)', 'Mr B (Ericsson, Canada)'):
    whom someone speaks for, not where a meeting was ('the meeting (Nusa Dua, Indonesia)' keeps its country)."""
    opened = text.rfind("(", max(0, s - 80), s)
    if opened < 0 or ")" in text[opened:s] or not re.match(r"[ \t]*\)", text[e:e + 4]) or \
            not re.search(r"[A-Za-z][\w.&'’-]*[ \t]*\Z", text[max(0, opened - 40):opened]):
        return False
    before = text[opened + 1:s].strip(" \t,")
    if not before:
        return True
    return re.search(r",[ \t]*\Z", text[opened:s]) is not None and (
        next(iter(ref.find(text, {"Organization"}, opened + 1, s)), None) is not None or looks_like_organization(before))


def _elsewhere(ref: Reference, gaz, text: str, x, gaz_all) -> bool:
    """Whether a hand-listed city is named with a region of another country right after it, where the gazetteer
    has a city of the same name ('St. Petersburg, Florida' is not Saint Petersburg, Russia)."""
    entry = x.of_kind({"City"})
    nxt = _NEXT_TO.match(text[x.end:x.end + 4])
    if entry is None or nxt is None:
        return False
    g = next((g for g in gaz_all if (g.start, g.end) == (x.start, x.end)), None)
    if g is None:
        return False
    own = ref.country_of(entry.iri)
    found = _gazetteer_region_at(gaz, text, x.end + nxt.end(), [c for c in g.candidates if c.place.country != own])
    return found is not None


#: 'held in Nusa Dua', 'took place in Bled, Slovenia': a firm place context and the capitalised name after it
_HELD_IN = re.compile(r"\b(?i:(?:held|hosted|took\s+place|convened|organi[sz]ed|gathered|met|meet|meeting|venue|"
                      r"located)\s+(?:\w+\s+){0,2}?in|venue\s*:?)\s+"
                      r"(?P<name>[A-Z][\w'’.-]*(?:[ \t-]+[A-Z][\w'’.-]*){0,2}?)"
                      r"(?=[ \t]*(?:[,.;:()\n–]|$)|[ \t]+(?:on|from|in|at|during|between|and|to|for|with|under|this|last|"
                      r"next)\b)")


def _town_held_in(ref: Reference, text: str, s: int, e: int, countries: list[_Found], exclude) -> tuple | None:
    """A town too small for the gazetteer where the text says the meeting was held ('held in Nusa Dua', 'took place
    in Bled, Slovenia'): GeoNames' towns of 1,000 people or more (graph/gazetteer.py, Towns), the one in a country
    the sentence names, else the only town of that name. Never a name that is also an organization, a group or a
    person's ('held in Example Hall' names no town; nor does 'in Plenary')."""
    from ..gazetteer import towns

    for m in _HELD_IN.finditer(text, s, e):
        a, b = m.span("name")
        if any(x <= a < y for x, y in exclude) or ref.find(text, ref.proper_kinds, a, b):
            continue
        named = [c for c in countries if c.start >= b]
        cands = towns(ref).lookup(m.group("name"))
        if named:
            cands = tuple(c for c in cands if c.country in {n.iri for n in named})
        if len(cands) != 1:
            continue
        if not named and len(m.group("name").split()) == 1 and not any(
                x.entry.iri == cands[0].country for x in ref.find(text, {"Country"})):
            continue  # one word ('held in Auditorium') names a town only with its country named in the document
        place = cands[0]
        town = Ref("City", place.label, Span.of(text, a, b), place.iri, gazetteer=True, in_country=place.country)
        c = next((n for n in named if n.iri == place.country), None)
        if c is not None:
            return town, Ref("Country", c.label, Span.of(text, c.start, c.end), c.iri), False
        return town, Ref("Country", ref.labels.get(place.country, place.country), town.span, place.country), True
    return None


def _known_town(ref: Reference, town: Ref, country: str | None) -> Ref:
    """The GeoNames town of that name in that country, when there is one ('in Nusa Dua, Bali': id:place/nusa-dua)."""
    from ..gazetteer import towns

    cands = [p for p in towns(ref).lookup(town.label) if p.country == country]
    if len(cands) != 1:
        return town
    return replace(town, iri=cands[0].iri, gazetteer=True, in_country=cands[0].country)


def _town_before(text: str, s: int, pos: int) -> Ref | None:
    """'in Ouagadougou, Burkina Faso', 'in Nusa Dua, Bali': an unknown capitalised name right before a country or
    region is a town of it (not the name of a venue or a body: 'Example University, California')."""
    from .organizations import organization_words

    cm = re.search(r"(?:\bin|,)\s+([A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){0,2}),\s*$", text[max(s, pos - 60):pos])
    if not cm:
        return None
    words = organization_words()
    if any(w in words.get("head", ()) or w in words.get("legal", ()) for w in cm.group(1).split()):
        return None
    off = max(s, pos - 60)
    return Ref("City", cm.group(1), Span.of(text, off + cm.start(1), off + cm.end(1)))


_NAME_BEFORE_COMMA = re.compile(r"((?:[A-Z][\w&'’.-]*|[A-Z0-9][A-Z0-9&.-]+)(?:[ \t]+(?:(?:of|and|for|the|de|&)[ \t]+)*"
                                r"(?:[A-Z][\w&'’.-]*|[A-Z0-9][A-Z0-9&.-]+)){0,8}),[ \t]*$")


def _organization_before(text: str, s: int, pos: int) -> bool:
    """Whether the place at pos follows an organization's name and a comma ('Example University, California',
    'Apex Networks Inc., Texas'), the name not itself where a meeting was held ('at Example University, ...')."""
    from .organizations import organization_words

    before = _before(text, s, pos)
    m = _NAME_BEFORE_COMMA.search(before)
    if m is None:
        return False
    words = organization_words()
    name = m.group(1).split()
    if not any(w.rstrip(".,") in words.get("head", ()) or w.rstrip(".,") in words.get("legal", ()) for w in name):
        return False
    return not _PLACE_BEFORE.search(before[:m.start(1)])


def _before(text: str, s: int, pos: int) -> str:
    """The text before pos on its line (at most 80 characters, not before s)."""
    line = text.rfind("\n", 0, pos) + 1
    return text[max(s, line, pos - 80):pos]


def _gazetteer_place(ref: Reference, text: str, s: int, g, found: list[_Found], gaz) -> _Found | None:
    """A gazetteer match read as a place when its context allows, with the candidate its neighbours point to.

    May turn a country match right after it into the region of the same name ('Atlanta, Georgia')."""
    before, after = _before(text, s, g.start), text[g.end:g.end + 60]
    if (_PERSON_AFTER.match(after) and not _VENUE_AFTER.match(after)) or _TITLE_BEFORE.search(before) \
            or _NUMBERED.match(after):
        return None
    strong = bool(_PLACE_BEFORE.search(before))
    if strong and all(c.place.common for c in g.candidates) and not _FIRM_BEFORE.search(before):
        strong = False  # 'in Nice' may still be firmed up below by 'Nice, France' or a dateline
    if not strong and _CAPITALISED_BEFORE.search(before):
        return None  # 'Chaesub Lee', 'Sophia Antipolis Nice' (a name's last word)
    if strong and _CAPITALISED_BEFORE.search(before) and not _PLACE_BEFORE_WORD.search(before) and \
            all(c.place.population < LARGE_CITY for c in g.candidates):
        return None  # 'at Bharat Mandapam': a small town's name as the last word of a venue's
    cands: list[Candidate] = list(g.candidates)
    nxt = _NEXT_TO.match(after)
    if nxt:
        at = g.end + nxt.end()
        neighbour = next((f for f in found if f.start == at), None)
        if neighbour is not None and neighbour.kind == "Country":
            same = [c for c in cands if c.place.country == neighbour.iri]
            if same:
                cands, strong = same, True
            else:
                # 'Atlanta, Georgia': a region of the city's country with the country's name
                for c in cands:
                    region = _region_named(gaz, text[neighbour.start:neighbour.end], c.place)
                    if region is not None:
                        neighbour.kind, neighbour.label, neighbour.iri, neighbour.place = \
                            "Region", region.label, region.iri, region
                        neighbour.strength = 0  # the city's region, not a second place
                        cands, strong = [c], True
                        break
        elif neighbour is not None and neighbour.kind in ("City", "Region") and neighbour.country:
            same = [c for c in cands if c.place.country == neighbour.country]
            if same:
                cands, strong = same, True
        else:
            in_region = _gazetteer_region_at(gaz, text, at, cands)
            if in_region is not None:
                cands, strong = [in_region], True
    if not strong and (not before.strip() or re.search(r"\S[ \t]*,[ \t]*$", before)) and _DATE_AFTER.match(after):
        # a dateline or header line 'Nice, 9 May 2019', or the place between commas before a date: 'Focus Group on X
        # (FG-X), Zanzibar, 23 June 2025'
        strong = True
    if not strong:
        # named countries elsewhere in the sentence pick among same-named places
        named = {f.iri for f in found if f.kind == "Country"}
        big = [c for c in cands if c.place.kind == "City" and c.primary and c.place.population >= LARGE_CITY
               and not c.place.common]
        if not big:
            return None
        cands = [c for c in big if c.place.country in named] or big
        return _found(text, g, cands[0].place, 1)
    named = {f.iri for f in found if f.kind == "Country"}
    best = next((c for c in cands if c.place.country in named), cands[0])
    return _found(text, g, best.place, 2)


def _found(text: str, g, place: Place, strength: int) -> _Found:
    return _Found(g.start, g.end, place.kind, place.label, place.iri, place.country, strength, place)


def _region_named(gaz, name: str, city: Place) -> Place | None:
    for c in gaz.lookup(name):
        p = c.place
        if p.kind == "Region" and p.country == city.country and (not city.admin1 or p.admin1 == city.admin1):
            return p
    return None


def _gazetteer_region_at(gaz, text: str, at: int, cands: list[Candidate]) -> Candidate | None:
    """'San Mateo, California' / 'Mobile, Alabama': the candidate in the region named right after the city."""
    m = re.match(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}", text[at:at + 40])
    if not m:
        return None
    code = re.match(r"[A-Z]{2}\b(?![.'’-]\w)", m.group())
    if code:  # 'St Petersburg, FL': the code of the city's first-level region
        same = [c for c in cands if c.place.kind == "City" and c.place.admin1 == code.group()]
        if len(same) == 1:
            return same[0]
    words = m.group().split()
    for n in range(len(words), 0, -1):
        for rc in gaz.lookup(" ".join(words[:n])):
            if rc.place.kind != "Region":
                continue
            for c in cands:
                if c.place.kind == "City" and c.place.country == rc.place.country and c.place.admin1 == rc.place.admin1:
                    return c
    return None


def place_in_name(ref: Reference, text: str, s: int, e: int) -> tuple[Ref, Ref | None, bool] | None:
    """A place that qualifies a meeting's name ('the Antalya Plenipotentiary Conference', 'the Busan CTO meeting'):
    the words text[s:e] before the kind's own words read as if the text said 'in <words>'."""
    words = text[s:e].strip()
    if not words or not words[0].isupper():
        return None
    lead = text.index(words, s)
    found = find_place(ref, "in " + words, 3, 3 + len(words))
    if found is None or found[0].kind == "Country":
        return None

    def moved(r: Ref) -> Ref:
        a = lead + r.span.start - 3
        return replace(r, span=Span.of(text, a, a + len(r.span.quote)))

    place, country, from_reference = found
    at = moved(place)
    if country is None:
        return at, None, from_reference
    return at, moved(country) if not from_reference else replace(country, span=at.span), from_reference


@lru_cache(maxsize=1)
def _demonyms() -> tuple[dict[str, str], re.Pattern]:
    """Demonym -> ISO 3166-1 alpha-2 (ontology/reference/country-demonyms.csv), and a pattern that finds them."""
    rows = [r for r in (reference_dir() / "country-demonyms.csv").read_text(encoding="utf-8").splitlines()
            if r and not r.startswith("#")]
    table = {row["demonym"]: row["alpha2"] for row in csv.DictReader(rows)}
    alternation = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return table, re.compile(rf"(?<![\w.-])(?:{alternation})(?![\w-])")


def is_demonym(word: str) -> bool:
    """'Japanese', 'Kenyan': a country's adjective (country-demonyms.csv)."""
    return word in _demonyms()[0]


def demonym_before(ref: Reference, text: str, pos: int, lo: int = 0) -> tuple[Ref, int] | None:
    """The country of a demonym written right before `pos` ('Kenyan ' before 'regulator'), with where it starts;
    None after another capitalised word ('Latin American', 'South Korean' is read whole)."""
    table, pattern = _demonyms()
    for m in pattern.finditer(text, max(lo, pos - 60), pos):
        if text[m.end():pos].strip(" \t") or not text[m.end():pos]:
            continue
        prev = re.search(r"([A-Z][\w'’-]*)[ \t]+$", text[max(lo, m.start() - 40):m.start()])
        if prev and prev.group(1) not in ("The", "A", "An", "Its", "Their", "Our", "This"):
            continue
        iri = str(iris.country(table[m.group()]))
        label = ref.labels.get(iri)
        if label is None:
            return None
        return Ref("Country", label, Span.of(text, m.start(), m.end()), iri), m.start()
    return None


def demonym_country_before(ref: Reference, text: str, pos: int, lo: int = 0) -> Ref | None:
    """The country a demonym gives the words at `pos`: 'Japanese companies', 'Kenyan mobile operators' (up to two
    lower-case words between the demonym and them)."""
    lead = re.search(r"(?<![\w-])(?:[a-z][\w-]*[ \t]+){0,2}$", text[max(lo, pos - 40):pos])
    said = demonym_before(ref, text, pos - len(lead.group()) if lead else pos, lo)
    return said[0] if said else None
