"""Organizations a document names, known to the reference data or not.

Three signs make a capitalised phrase an organization without any list of names (the words are data:
ontology/reference/organization-words.csv):
  * an acronym in brackets after it that it spells or that names a kind of body: 'Example Regulatory
    Authority (ERA)', 'League of Example States (LES)';
  * a head noun that names a kind of organization: 'Example Utilities Regulatory Authority', 'Example
    University', 'the Ministry of Digital Affairs of Examplia', 'Communications Administration of <country>';
  * a legal form or group suffix: 'Example Networks Inc.', 'Example Telecom Group' (not 'Study Group').
'The government of <country>' is that country's government. Phrases that the reference data knows as
something else (an ITU-T group, a meeting series, a topic, a place) are not organizations. A new
organization keeps its name as written and its acronym as an alternative name; iris.py mints its IRI.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from ..facts import Ref, Span
from ..reference import Reference, fold
from ..resources import reference_dir
from .legalforms import abbreviation_end, dot_of_legal_form, has_legal_form, legal_after, legal_forms, strip_legal_form
from .text import UPPER

_NON_ORG_ROOTS = frozenset({"MeetingSeries", "Topic", "Post", "Person"})
#: Lower-case words that may stand inside an organization's name.
_CONNECTORS = {"of", "for", "the", "and", "in", "on", "de", "du", "des", "la", "le", "et", "y", "field", "&", "d'"}


@lru_cache(maxsize=1)
def organization_words() -> dict[str, frozenset[str]]:
    """The word lists of organization-words.csv by kind (head, legal, generic, notgroup)."""
    rows = [r for r in (reference_dir() / "organization-words.csv").read_text(encoding="utf-8").splitlines()
            if r and not r.startswith("#")]
    out: dict[str, set[str]] = {}
    for row in csv.DictReader(rows):
        out.setdefault(row["kind"], set()).add(row["word"])
    for form in legal_forms():  # the legal forms of one word ('Inc.', 'GmbH'): legal-forms.txt
        if " " not in form and len(form.rstrip(".")) > 1:
            out.setdefault("legal", set()).update({form, form.rstrip(".")})
    return {k: frozenset(v) for k, v in out.items()}


_WORD = r"(?:[A-Z][\w’'&.-]*|[A-Z0-9][A-Z0-9&.-]+)"
_ACRONYM_DEF = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z0-9&./-]{1,11}?)\s*\)")
_GOVERNMENT = re.compile(r"\b(?:the\s+)?(?P<head>[Gg]overnment|Ministry|Administration)\s+of\s+(?:the\s+)?",)


def _words_before(text: str, end: int, start: int) -> int:
    """Start of the capitalised phrase (with inner connectors) that ends at `end`."""
    pos = end
    first = end
    for m in reversed(list(re.finditer(r"[^\s()\[\],;:“”\"]+", text[max(start, end - 160):end]))):
        word = m.group()
        abs_start = max(start, end - 160) + m.start()
        gap = text[abs_start + len(word):pos]
        if gap.strip() or gap.count("\n") > 1 or (re.search(r"[.;:!?]$", word) and pos != end):
            break  # a comma, bracket or sentence end between the words: another phrase
        if "\t" in gap or "   " in gap:
            break  # 'Name         Organization': the cells of a table's row, not one name
        if word[0].isupper() or word[0].isdigit():
            first = abs_start
        elif word.lower() not in _CONNECTORS:
            break
        elif word.lower() == "the":
            prev = re.search(r"(\S+)\s+$", text[max(start, abs_start - 20):abs_start])
            if not prev or prev.group(1).lower() not in ("of", "in", "for", "on", "to"):
                break  # 'X and the Example Authority': 'the' opens this name
        pos = abs_start
    return first


#: 'Ministry of Science, Technology, ' before the last fields of a name: a head noun, 'of', fields and commas
_HEAD_OF_FIELDS = re.compile(r"(?:(?:[A-Z][\w’'-]*)\s+){0,2}(?P<head>[A-Z][\w’'-]*)\s+(?:of|for)\s+(?P<fields>(?:[A-Z][\w’'-]*"
                             r"(?:\s+[A-Z][\w’'-]*)?,\s+)+)\Z")


def _fields_before(text: str, ns: int, start: int) -> int:
    """Where a name starts whose first fields come before a comma: 'Ministry of Science, Technology, Innovations and
    Communications (MCTIC)' read back from 'Innovations and Communications' (the fields all portfolio words)."""
    words = organization_words()
    m = _HEAD_OF_FIELDS.search(text, max(start, ns - 120), ns)
    if m is None or m.group("head") not in words.get("head", ()) or not all(
            w in words.get("portfolio", ()) for w in re.findall(r"[A-Z][\w’'-]*", m.group("fields") + text[ns:ns + 60].split(" (")[0])):
        return _fields_listed_before(text, ns, start)
    return m.start()


def _fields_listed_before(text: str, ns: int, start: int) -> int:
    """'Communications, Space and Technology Commission (CST)' read back from 'Space and Technology Commission': fields
    listed with commas before the fields and head noun at ns, all portfolio words."""
    words = organization_words()
    lead = re.search(r"(?:[A-Z][\w’'-]*[ \t]*,[ \t]*)+\Z", text[max(start, ns - 80):ns])
    said = re.findall(r"[A-Z][\w’'-]*", text[ns:ns + 80])
    head = next((i for i, w in enumerate(said) if w in words.get("head", ())), None)
    if lead is None or head is None or not head or not all(
            w in words.get("portfolio", ()) for w in re.findall(r"[A-Z][\w’'-]*", lead.group()) + said[:head]):
        return ns
    return max(start, ns - 80) + lead.start()


#: A person's title before an organization's name: 'Chairman of the Example Authority' names the authority.
_TITLE_LEAD = re.compile(
    r"(?:(?:Vice|Deputy|Co|Acting|Former|Permanent|Principal|Senior|Assistant|Executive)[- ])?(?:Chairman|Chairwoman|Chairperson|Chair|Director(?:[- ]General)?|"
    r"Minister|President|Secretary(?:[- ]General)?|Head|CEO|CTO|Member|Governor|Commissioner|Chief(?:\s+\w+\s+Officer)?|"
    r"Representative|Ambassador|Executive|Manager|Officer|Dean|Rector|Professor|Chancellor)\s+(?:of|at|for)\s+")


#: "Examplia's": a possessive before a name, a country's when the words name one
_COUNTRYS_OWN = re.compile(r"((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)['’]s\s+(?=[A-Z])")


def country_owner(ref: Reference, text: str, ns: int, ne: int) -> tuple[int, Ref | None]:
    """"Examplia's National Agency": where the name starts after a country's possessive, and that country."""
    owner = _COUNTRYS_OWN.match(text, ns, ne)
    entry = ref.lookup(re.sub(r"\s+", " ", owner.group(1)), {"Country"}) if owner else None
    if owner is None or entry is None:
        return ns, None
    return owner.end(), Ref("Country", entry.label, Span.of(text, owner.start(1), owner.end(1)), entry.iri)


def _trim_connectors(text: str, s: int, e: int) -> tuple[int, int]:
    """No title or connector at either end: 'Chairman of the Example Authority of' -> 'Example Authority', 'To the
    Director of the Example Bureau' (a circular's addressee) -> 'Example Bureau'."""
    while True:  # 'The Chief Technology Officer of Acme Inc': the article, then the title
        m = _TITLE_LEAD.match(text, s, e) or re.compile(r"(?:the|and|of|for|in|on|to|&)\s+", re.IGNORECASE).match(text, s, e)
        if not m:
            break
        s = m.end()
    while True:
        m = re.search(r"\s+(?:the|and|of|for|in|on|&)$", text[s:e], re.IGNORECASE)
        if not m:
            break
        e = s + m.start()
    return s, e


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w’'-]*", name) if w[0].isupper()).upper()


def _known_as_other(ref: Reference, *names: str) -> bool:
    """The reference data or a kind of meeting names it as something else: an ITU-T group, a place, an event."""
    from .meetings import meeting_kinds  # meetings imports this module
    other_kinds = ref.group_kinds | ref.place_kinds | _NON_ORG_ROOTS
    for n in names:
        if not n:
            continue
        if ref.lookup(n, other_kinds) is not None and ref.lookup(n, {"Organization"}) is None:
            return True
        if re.match(r"ITU\b", n) or any(k.pattern.fullmatch(n) for k in meeting_kinds()):
            return True
    return False


def split_unit(name: str) -> tuple[bool, int | None]:
    """A part of an organization, named head last ('the Standardization Policy Department', 'TSB Study Groups
    Department', 'Network Planning Division of Apex Mobile'; the unit words are organization-words.csv's 'unit'):
    (whether `name` names one, and where the organization it belongs to starts in `name` when it says so). Not
    'Department of Telecommunications': the head first names a body of its own."""
    units = organization_words().get("unit", frozenset())
    for m in re.finditer(r"\S+", name):
        if m.group().rstrip(",.") not in units:
            continue
        before = name[:m.start()].split()
        if before and before[0].lower() == "the":
            before = before[1:]
        if not before or not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _CONNECTORS for w in before) \
                or not before[-1][:1].isupper() and not before[-1][:1].isdigit():
            continue
        rest = name[m.end():]
        owner = re.match(r"[ \t,]+(?:of|at|in|within)[ \t]+(?:the[ \t]+)?(?=[A-Z0-9])", rest) or \
            re.match(r"[ \t]*,[ \t]*(?=[A-Z0-9])", rest)
        if owner:
            return True, m.end() + owner.end()
        if not rest.strip(" .,;"):
            return True, None
    return False, None


def _after_person(ref: Reference, text: str, ns: int, ms: int) -> int:
    """'Ms Anna Lopez of Acme Inc', 'Paul Smith from Rigel Ltd': a person's name and 'of' before an organization's
    name are no part of it; where the organization's name starts."""
    from .people import read_name, starts_with_styles  # people is the finer reader of names
    for link in reversed(list(re.finditer(r"[ \t]+(?:of|from|at)[ \t]+(?:the[ \t]+)?", text[ns:ms]))):
        a, b = ns, ns + link.start()
        joined = list(re.finditer(r"[ \t]+and[ \t]+", text[a:b]))
        if joined:  # 'Acme Inc and Mr Li Wei of ...': the person after 'and'
            a += joined[-1].end()
        got = read_name(ref, text, a, b)
        if starts_with_styles(text[a:b]) or (got is not None and got[1] == b):
            return ns + link.end()
    return ns


def looks_like_organization(name: str, acronym: str | None = None) -> bool:
    """A name with a head noun ('Authority'), a legal form or group suffix, or spelt by its acronym."""
    return _looks_like_organization(name, acronym)


def _looks_like_organization(name: str, acronym: str | None = None) -> bool:
    words = organization_words()
    toks = name.split()
    if not toks or len(toks) > 16:
        return False
    if toks[0] in words.get("generic", ()) or name in words.get("generic", ()):
        return False
    if any(t in words.get("head", ()) for t in toks):
        return True
    if toks[-1] in words.get("legal", ()) and len(toks) >= 2:
        return not (toks[-1] == "Group" and toks[-2] in words.get("notgroup", ()))
    if acronym and len(toks) >= 2 and not any(t in words.get("notgroup", ()) or t in ("Group", "Party", "Question")
                                             for t in toks):
        # the acronym spells the name: 'Example Standards Body (ESB)'
        return re.sub(r"[^A-Z]", "", acronym.upper()) == _initials(name)
    return False


def _country_after(ref: Reference, text: str, e: int) -> tuple[Ref | None, int]:
    """'... of the United Arab Emirates', '... of Examplia', '... of the Socialist Republic of Viet Nam', '... of the
    Republic of Examplia': the country an organization belongs to, with the form of state written before it."""
    m = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:(?:of|the)\s+){0,2}[A-Z][\w’'-]*){0,6})", text[e:e + 120])
    if not m:
        return None, e
    name = m.group(1)
    words = name.split()
    for n in range(len(words), 0, -1):
        cand = " ".join(words[:n])
        entry = ref.lookup(cand, {"Country"})
        if entry is None:
            # 'Republic of Viet Nam': a form of state that countries' official names have, before a country's name
            form = _state_form(ref, cand)
            entry = ref.lookup(cand[form:], {"Country"}) if form else None
        if entry is not None:
            s = e + m.start(1)
            return Ref("Country", entry.label, Span.of(text, s, s + len(cand)), entry.iri), s + len(cand)
    return None, e


def _known_with_country(ref: Reference, text: str, ns: int, country: Ref | None):
    """'Ministry of Science and ICT of the Republic of Korea': a reference organization of that country, named with
    its country after it."""
    if country is None:
        return None
    of = list(re.finditer(r"\s+of\s+(?:the\s+)?", text[ns:country.span.start]))
    if not of:
        return None
    known = ref.lookup(text[ns:ns + of[-1].start()], {"Organization"})
    if known is None or not ref.is_reference(known.iri):
        return None
    from rdflib import URIRef

    from ..namespaces import ITUKG
    based = ref.graph.value(URIRef(known.iri), ITUKG.basedIn)
    return known if based is not None and str(based) == country.iri else None


@lru_cache(maxsize=4)
def _state_forms(base: Reference) -> tuple[tuple[str, ...], ...]:
    """The forms of state the countries' names are written with ('republic of', 'socialist republic of',
    'kingdom of'): what an official name adds before another name of the same country (countries.ttl)."""
    forms: set[tuple[str, ...]] = set()
    for iri, kind in base.kinds.items():
        if kind != "Country":
            continue
        keys = base.aliases_of(iri)
        for a in keys:
            for b in keys:
                if len(a) > len(b) + 1 and a[-len(b):] == b and a[-len(b) - 1] in ("of", "the"):
                    form = a[:-len(b)]
                    if "of" in form:
                        forms.add(form)
    return tuple(sorted(forms, key=len, reverse=True))


def _state_form(ref: Reference, name: str) -> int:
    """The length of the form of state that opens `name` ('Republic of ' in 'Republic of Viet Nam'), else 0."""
    from ..reference import key_token, tokens
    toks = tokens(name)
    keys = tuple(key_token(t) for t, _, _ in toks)
    for form in _state_forms(ref.base):
        if len(keys) > len(form) and keys[:len(form)] == form:
            return toks[len(form)][1]
    return 0


#: more fields after a head noun's first ones, with commas: ', Telecommunications and Innovation'
_FIELDS_AFTER = re.compile(r"(?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)+,?\s+(?:and|&)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?"
                           r"(?![\w’'-]|\s+[A-Z])")
#: What follows a head noun in its name: 'of Digital Affairs', 'for Development of Information Technologies and
#: Communications' (capitalised words and the small words between them)
_HEAD_TAIL = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:(?:and|of|for|the|&)\s+){0,2}[A-Z][\w’'-]*){0,8}")
#: The rest of a name written head first: capitalised words, with the connectives of the Romance languages.
_LEAD_TAIL = (r"[ \t]+(?:(?:de|del|della|di|des|du|da|do|das|dos|la|le|les|los|las|et|e|y|für|und|d['’])[ \t]*)*"
              rf"[{UPPER}][\w’'-]*")


def _words_of(ref: Reference, name: str, iri: str) -> bool:
    """Whether every word of `name` (but its small words) opens a word of one of the entity's names: 'National Telecom
    Regulatory Authority' is the known 'National Telecommunication Regulatory Authority'; 'Ministry of Information and
    Communications' is not the 'Ministry of Internal Affairs and Communications' whose acronym it shares."""
    words = [fold(w)[:5] for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w.lower() not in _CONNECTORS]
    return any(all(any(k.startswith(w) for k in key) for w in words) for key in ref.aliases_of(iri))


def find_organizations(ref: Reference, text: str, start: int = 0, end: int | None = None) -> list[Ref]:
    """Every organization named in text[start:end], in order; unknown ones as written (iri None)."""
    from .people import starts_with_styles  # people is the finer reader of names

    end = len(text) if end is None else end
    out: list[Ref] = []
    taken: list[tuple[int, int]] = []

    def add(r: Ref) -> None:
        if any(a < r.span.end and r.span.start < b for a, b in taken):
            return
        out.append(r)
        taken.append((r.span.start, r.span.end))

    # 'The government of Examplia', 'the Ministry of Digital Affairs of Examplia' (head + of + country)
    for m in _GOVERNMENT.finditer(text, start, end):
        country, stop = _country_after(ref, text, m.end("head"))
        if country is not None:
            s = m.start("head")
            if m.group("head").lower() == "government":
                name = "Government of " + country.label
            else:  # 'Communications Administration of <country>': the words before belong to the name
                s = _trim_connectors(text, _words_before(text, s, start), stop)[0]
                name = re.sub(r"\s+", " ", text[s:stop])
            add(Ref("Organization", name, Span.of(text, s, stop), country=country))
    # 'Name (ACR)': the name spelt before an acronym in brackets
    for m in _ACRONYM_DEF.finditer(text, start, end):
        acr = m.group("acr").rstrip(".")
        if sum(c.isupper() for c in acr) < 2:
            continue
        ns = _fields_before(text, _words_before(text, m.start(), start), start)
        ns, ne = _trim_connectors(text, ns, len(text[:m.start()].rstrip()))
        ns, possessor = country_owner(ref, text, ns, ne)
        if ne <= ns:
            continue
        name = re.sub(r"\s+", " ", text[ns:ne])
        whole = next((x for x in ref.find(text, {"Organization"}, max(start, m.start() - 160), m.start())
                      if x.end == ne and ref.is_reference(x.entry.iri)), None)  # a known name with a comma in it
        known = whole.entry if whole else ref.lookup(name, {"Organization"}) or ref.lookup(acr, {"Organization"})
        if known is not None and whole is None and ref.lookup(name, {"Organization"}) is None and \
                _looks_like_organization(name, acr) and not _words_of(ref, name, known.iri):
            known = None  # 'the Ministry of Information and Communications (MIC)' of Viet Nam is not Japan's MIC
        if known is not None:
            from .people import spells  # people is the finer reader of names
            ks = min(whole.start, ns) if whole else ns
            # the acronym is its own only when it spells the name ('Nokia (EMEA)' says a region of Nokia's)
            add(Ref("Organization", known.label, Span.of(text, ks, m.end()), known.iri,
                    alt=acr if spells(acr, text[ks:ne]) else None))
            continue
        if _known_as_other(ref, name, acr) or not _looks_like_organization(name, acr) or split_unit(name)[0]:
            continue
        country = _country_after(ref, text, m.end())[0] or possessor
        add(Ref("Organization", name, Span.of(text, ns, ne), alt=acr, country=country))
    # names written head first: 'Universidad Politécnica de Madrid', 'Instituto Federal de Telecomunicações'
    words = organization_words()
    lead = "|".join(re.escape(w) for w in sorted(words.get("lead", ()), key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w-])(?:{lead})(?:{_LEAD_TAIL})+", text[start:end]) if lead else ():
        ns, ne = start + m.start(), start + m.end()
        name = re.sub(r"\s+", " ", m.group())
        known = ref.lookup(name, {"Organization"})
        if known is not None:
            add(Ref("Organization", known.label, Span.of(text, ns, ne), known.iri))
        elif not _known_as_other(ref, name):
            add(Ref("Organization", name, Span.of(text, ns, ne)))
    # head nouns and legal suffixes without an acronym
    marker = "|".join(re.escape(w) for w in sorted(words["head"] | words["legal"], key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w-])(?:{marker})(?![\w-])", text[start:end]):
        ms, me = start + m.start(), start + m.end()
        if any(a <= ms < b for a, b in taken):
            continue
        ns = _words_before(text, ms, start)
        ns = _fields_listed_before(text, ns, start) if ns < ms else ns
        joined = list(re.finditer(r"\s+and\s+", text[ns:ms]))
        if joined and (has_legal_form(text[ns:ns + joined[-1].start()]) or starts_with_styles(text[ns:ms]) or any(
                ref.is_reference(x.entry.iri) for x in ref.find(text, {"Organization"}, ns, ns + joined[-1].start()))):
            # 'Ericsson LM and Orange S.A.', 'Bar GmbH and Qux Co., Ltd.': a known name, or one with its legal form,
            # before 'and' is another organization
            ns += joined[-1].end()
        ne = me
        country = None
        if m.group() in words["head"]:
            # 'Communications Administration of <country>', 'University of Example'
            country, stop = _country_after(ref, text, me)
            if country is not None:
                ne = stop
            else:
                tail = _HEAD_TAIL.match(text, me, end)
                if tail and len(text[_trim_connectors(text, ns, ms)[0]:ms].split()) <= 2:  # 'University of X', 'Example Institute of Technology'
                    ne = tail.end()
                    fields = _FIELDS_AFTER.match(text, ne, end)  # 'Ministry of Digital Economy, Telecommunications and
                    if fields and all(w in words.get("portfolio", ()) for w in re.findall(r"[A-Z][\w’'-]*", fields.group())):
                        ne = fields.end()  # Innovation': the fields it is for, listed with commas
                    # 'University of Examplia and the Example Institute of Technology': two names
                    other = re.search(rf"\s+and\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){{0,3}}(?:{marker})\s+(?:of|for)\s",
                                      text[me:ne])
                    if other is None:  # 'University of Examplia and Vodafone': a name the reference data knows
                        other = next((a for a in re.finditer(r"\s+and\s+", text[me:ne]) if any(
                            x.start == me + a.end() and ref.is_reference(x.entry.iri)
                            for x in ref.find(text, {"Organization"}, me + a.end(), ne))), None)
                    if other is None:  # 'Ministry of Transport and Communications and Omantel': a second 'and'
                        other = next(iter(list(re.finditer(r"\s+and\s+", text[me:ne]))[1:]), None)  # joins two names
                        if other is not None and all(w in words.get("portfolio", ()) for w in text[me + other.end():ne].split()):
                            other = None  # '... Communications Technology Planning and Evaluation': a field of its own
                    if other:
                        ne = me + other.start()
                    # 'Ministry of Digital Affairs of Examplia', 'Ministry for Development of Information Technologies
                    # and Communications of the Republic of Examplia': the name ends with the country it belongs to
                    for of in re.finditer(r"\s+of\s", text[me + 4:tail.end()]):
                        country, stop = _country_after(ref, text, me + 4 + of.start())
                        if country is not None:
                            ne = stop
                            break
                    else:
                        country, stop = _country_after(ref, text, ne)
                        if country is not None:
                            ne = stop
        more = legal_after().match(text, ne, end) if m.group() in words["legal"] else None
        if more:  # 'Qux Co., Ltd.', 'Cobalt Systems GmbH & Co. KG': the legal form goes on
            ne = more.end()
        if re.match(r"[ \t]+(?:&[ \t]+)?[A-Z]", text[ne:ne + 3]):
            continue  # the phrase goes on ('Chief Government Relations Officer'): the word is not its end
        ns, ne = _trim_connectors(text, ns, ne)
        ns, possessor = country_owner(ref, text, ns, ne)
        country = country or possessor
        ns = _after_person(ref, text, ns, ms)
        while re.match(r"(?:19|20)\d\d\s", text[ns:ne]):  # '2018 Example Union': the year is not the name
            ns += 5
        dated = re.match(r"\d[^\n]*?\s(?:in|at|on)\s+(?=[A-Z])", text[ns:ne])
        if dated:  # 'held on 8 May 2019 in Kigali Convention Centre': the date and its preposition are no name
            ns += dated.end()
        name = re.sub(r"\s+", " ", text[ns:ne]).strip()
        unit, owner = split_unit(text[ns:ne])
        if unit:  # 'the Network Planning Department of Apex Mobile' names Apex Mobile, 'the Policy Department' none
            if owner is None:
                continue
            ns += owner
            if text[ne:ne + 1] == "." and abbreviation_end().search(text[ns:ne + 1]):
                ne += 1  # 'of Vega Networks Inc.': the dot is the name's
            name = re.sub(r"\s+", " ", text[ns:ne]).strip()
        if len(name.split()) < 2 or "\n" in text[ns:ne].strip():
            continue
        if text[ns:ne].strip().endswith(m.group()) and ns == ms:
            continue  # the word alone
        known = (ref.lookup(name, {"Organization"}) or ref.lookup(strip_legal_form(name), {"Organization"})
                 or _known_with_country(ref, text, ns, country))
        if known is not None:  # 'Huawei Technologies Co., Ltd.' is Huawei, with or without its legal form
            add(Ref("Organization", known.label, Span.of(text, ns, ne), known.iri))
            continue
        if _known_as_other(ref, name) or not _looks_like_organization(name):
            continue
        add(Ref("Organization", name, Span.of(text, ns, ne), country=country))
    # reference organizations by alias
    for x in ref.find(text, {"Organization"}, start, end):
        e = x.entry  # find() keeps only the entries of the kinds asked for: of_kind({"Organization"}) is the first
        add(Ref("Organization", e.label, Span.of(text, x.start, x.end), e.iri))
    for r in _named_after_category(ref, text, start, end):
        add(r)
    out.sort(key=lambda r: r.span.start)
    # "Kenya's Communications Authority" where the text also writes 'Communications Authority of Kenya': that one
    full = {o.label for o in out}
    out = [o for o in out if not (o.iri is None and o.country is not None and f"{o.label} of {o.country.label}" in full)]
    return _split_pairs(ref, text, out)


#: a name after a word of its kind: capitalised words (and '&'), not a style or a sentence's next word
_NAME_AFTER = re.compile(r"(?:the[ \t]+)?(?P<name>[A-Z0-9][\w&'’.-]*(?:[ \t]+(?:[A-Z0-9][\w&'’.-]*|&)){0,4})")
_BETWEEN_NAMES = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)")


@lru_cache(maxsize=1)
def _category_pattern() -> re.Pattern | None:
    """A word of kind `category` (organization-words.csv) before the name it introduces ('operator Vivo', 'the
    Examplian regulator, the X Authority'), or None when the list has none."""
    words = organization_words().get("category", frozenset())
    if not words:
        return None
    return re.compile(rf"(?<![\w-])(?P<cat>{'|'.join(sorted(map(re.escape, words), key=len, reverse=True))})"
                      r"(?:[ \t]+(?=(?:the[ \t]+)?[A-Z0-9])|(?<!s)[ \t]*,[ \t]+(?=the[ \t]+[A-Z]))")


def _named_after_category(ref: Reference, text: str, start: int, end: int) -> list[Ref]:
    """'operator Vivo', 'the Examplian regulator, the Example Authority', 'vendors Acme and Beta Networks': names
    a lower-case word of their kind introduces (organization-words.csv, kind category); a demonym before that word
    ('Brazilian operator', 'Kenyan mobile operators') gives their country (country-demonyms.csv)."""
    from .keyphrases import stopwords
    from .people import starts_with_styles
    from .places import demonym_country_before
    pattern = _category_pattern()
    if pattern is None:
        return []
    out: list[Ref] = []
    for m in pattern.finditer(text, start, end):
        country = demonym_country_before(ref, text, m.start(), start)
        pos, plural = m.end(), m.group("cat").endswith("s")
        while pos < end:
            n = _NAME_AFTER.match(text, pos, end)
            if n is None:
                break
            ns, ne = n.span("name")
            stop = re.search(r"\.[ \t]", text[ns:ne])  # 'the company Apex Labs. The ...': the sentence ends the name
            if stop and not dot_of_legal_form(text, ns + stop.start()):
                ne = ns + stop.start()
            name = re.sub(r"\s+", " ", text[ns:ne]).rstrip(".")
            ne = ns + len(name)
            first = name.split()[0]
            if first.lower() in stopwords() or starts_with_styles(text[ns:ne]) or ref.lookup(first, {"Post"}) is not None \
                    or _known_as_other(ref, name) or ref.lookup(name, {"Country"}) is not None:
                break
            known = ref.lookup(name, {"Organization"}) or ref.lookup(strip_legal_form(name), {"Organization"})
            out.append(Ref("Organization", known.label if known else name, Span.of(text, ns, ne),
                           known.iri if known else None, country=country))
            sep = _BETWEEN_NAMES.match(text, ne, end) if plural else None
            if sep is None:
                break
            pos = sep.end()
    return out


def _split_pairs(ref: Reference, text: str, found: list[Ref]) -> list[Ref]:
    """'Acme Networks and Zeta Systems Corp' read as one name where the text names 'Acme Networks Inc.' elsewhere: two
    organizations, the one the text knows and the one after 'and'."""
    names = {strip_legal_form(r.label).lower() for r in found if " and " not in r.label}
    out: list[Ref] = []
    for r in found:
        joined = list(re.finditer(r"\s+and\s+", r.span.quote)) if r.iri is None else []
        split = None
        for j in joined:
            left, right = r.span.quote[:j.start()], r.span.quote[j.end():]
            if strip_legal_form(left).lower() in names and _looks_like_organization(right):
                split = j
                break
        if split is None:
            out.append(r)
            continue
        s0, e0 = r.span.start, r.span.end
        a, b = s0 + split.start(), s0 + split.end()
        for ns, ne in ((s0, a), (b, e0)):
            name = re.sub(r"\s+", " ", text[ns:ne])
            known = ref.lookup(name, {"Organization"}) or ref.lookup(strip_legal_form(name), {"Organization"})
            out.append(Ref("Organization", known.label if known else name, Span.of(text, ns, ne),
                           known.iri if known else None))
    return out
