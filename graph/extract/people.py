"""People and their posts, whichever order the text uses.

Recognised forms (posts come from the reference data, or are read as written: a title head from
ontology/reference/person-words.csv with Vice-/Co-/Deputy ..., an acronym of its body, and 'of/for X'):
  'ITU Secretary-General Houlin Zhao'                 post, name
  'ACMA Director General Lt Col Jane Roe'             body acronym + post, stacked styles, name
  'Chaesub Lee, the Director of the TSB'              name, post
  'Dr Jane Roe, Chief Technology Officer, Acme'       style, name, post, affiliation
  'Her Excellency Ms Ana PEREIRA (Acme, France)'      styles, family name in capitals, affiliation and country
  'vice-chairmen A of Canada, B of Japan and C ...'   one post shared by a list, each with a country
  "Acme's Jane Roe", "Freedonia's Minister of X Y Z"  the owner is an affiliation or a country
A later short mention ('Secretary-General Zhao') resolves to the person with that post and surname.
"""
from __future__ import annotations

import csv
import dataclasses
import re
from functools import lru_cache

from ..facts import PersonMention, Ref, Span
from ..gazetteer import continent_names, gazetteer
from ..reference import Reference, fold
from ..resources import reference_dir
from .dates import is_calendar_word
from .legalforms import (
    abbreviation_end,
    dot_of_legal_form,
    has_legal_form,
    is_legal_word,
    legal_after_comma,
    strip_legal_form,
)
from .organizations import country_owner, looks_like_organization, organization_words, split_unit
from .places import demonym_before
from .tables import ColumnRow, column_rows, entry_parts, table_rows
from .text import LOWER, UPPER, clean, line_end, sentence_at, slugify


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    """Honorifics, title heads, name particles and never-name words: ontology/reference/person-words.csv."""
    path = reference_dir() / "person-words.csv"
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    out: dict[str, list[str]] = {}
    for row in csv.DictReader(rows):
        out.setdefault(row["kind"], []).append(row["word"].strip())
    return {k: tuple(v) for k, v in out.items()}


def honorific_words() -> frozenset[str]:
    """The styles written before a person's name, lower case without their dot ('mr', 'h.e', 'lt col')."""
    return frozenset(w.rstrip(".").lower() for w in _words()["honorific"])


def _alternation(words, flexible_dots: bool = False) -> str:
    """Longest first; spaces and hyphens inside a phrase may be either; 'H.E.' may be written 'H. E.' or 'H.E'."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        x = re.escape(w.rstrip("."))
        x = x.replace(r"\ ", r"[ \t]+").replace(r"\-", "[- ]?")
        if flexible_dots:
            x = x.replace(r"\.", r"\.[ \t]?")
        parts.append(x)
    return "|".join(parts)


#: One style before a name, its dot optional ('Dr', 'Dr.', 'Lt Col', 'His Excellency'); stacked they are one
#: group, and a dot may glue the next word to it ('Hon.Jane Doe').
_HON_UNIT = rf"(?:{_alternation(_words()['honorific'], True)})(?:\.|\b)"
_HON_STACK = rf"(?:{_HON_UNIT}(?:[ \t]+|(?<=\.)))+"
_HONORIFIC = rf"(?:{_HON_UNIT})"
_PARTICLES = frozenset(_words()["particle"])
_NOT_NAME = frozenset(_words()["notname"]) | {w for t in _words()["title"] for w in re.split(r"[ -]", t)
                                              if w[:1].isupper() and len(w) > 3}
_UP, _LOW = UPPER, LOWER
#: the prefixes of a family name that keep their case when the rest is in capitals ('McALLISTER' -> 'McAllister')
_MC = "Mc|Mac"
#: One word of a name: an initial, a capitalised word ('Jean-Jacques', "O'Neil", 'McKay', 'DeVries') or a word
#: in capitals ('PEREIRA', 'AL-FALASI': family names are often so written).
_NAME_TOKEN = re.compile(rf"(?<![\w&])(?:(?:[{_UP}]\.){{2,3}}(?![{_UP}])|[{_UP}]\.|(?:{_MC})[{_UP}]{{2,}}(?![\w'’-])|(?:{_MC}|De|Di|Le|La|[ODL]['’])?[{_UP}][{_LOW}]+(?:(?:-|['’](?!s\b))[{_UP}]?[{_LOW}]+)*"
                         rf"|[{_UP}][{_LOW}]*[{_UP}][{_LOW}]+|[{_UP}]{{2,}}(?:[-'’][{_UP}]{{2,}})*|(?:al|el)-[{_UP}][{_LOW}]+)"
                         rf"(?![\w])")
#: what a person's name may be followed by in prose: '(CTO, Pampa Redes, Argentina)'
_POST_IN_BRACKETS = re.compile(r"[ \t]*\((?P<inside>[^()\n]{3,140})\)")
#: up to four capitalised words right before such brackets, the last word of the text before them
_NAME_BEFORE_BRACKET = re.compile(rf"(?<![\w'’.-])((?:[{_UP}][\w'’.-]*[ \t]+(?:(?:de|da|del|van|von|der|di|du|la|le|bin|al|el)[ \t]+)*){{1,3}}"
                                  rf"[{_UP}][\w'’-]*)[ \t]*\Z")
_PARTICLES_RUN = re.compile(rf"(?:(?:{'|'.join(sorted(_PARTICLES, key=len, reverse=True))})[ \t]+){{1,3}}")


_MODS = (r"(?:(?:Vice|Co|Deputy|Acting|Assistant|Associate|Senior|Executive|Interim|Lead|Additional|Joint|Principal|Special)"
         r"(?:[- ]?|[ \t]+to[ \t]+the[ \t]+))*")  # ('Deputy to the Director of TSB')
_HEADS = re.sub(r"man(?=\||$)", "m[ae]n", _alternation(_words()["title"]))
_CONN = r"(?:of|the|and|for|on|in|at|with|to|&)"
#: A word of the phrase after 'Minister of ...': capitalised or a number, never a style ('Mr' starts the name).
_PTOK = rf"(?!{_HON_UNIT})(?:[A-Z0-9][\w’'&./-]*|\([A-Z][\w-]*\))"
#: Lower-case words that end a post's domain even before a connective: 'the Minister of X Jane Roe and by the ...'
_NOT_DOMAIN_WORD = r"(?:by|as|was|were|is|are|has|had|have|will|would|who|which|said|says|also|from|than|then)\b"
#: 'Information and Communications', 'the RCC Working Group on work with the ITU': lower-case words only where
#: a connective follows them, so a verb ('said the ...') ends the phrase.
_PHRASE = (rf"{_PTOK}(?:[ \t]+(?:{_CONN}[ \t]+)*(?:(?!{_NOT_DOMAIN_WORD})[a-z][\w-]*[ \t]+(?={_CONN}[ \t])(?:{_CONN}[ \t]+)+)?"
           rf"{_PTOK})*")
#: A post as written: an optional acronym of its body ('ACMA Director General', 'TSAG Vice-Chairman'), the
#: title (heads from person-words.csv with Vice-/Co-/Deputy ..., or 'Chief ... Officer'), and its domain.
#: a word a narrow column broke with a hyphen at a line's end: 'Tech-' / 'nology'
_HYPHENATED = r"[A-Z][a-z]+-[ \t]*\n[ \t]*[a-z][\w-]*"
_LINE_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])")
#: a lower-case word that is no word of a post's field ('chief among them was the officer')
_NOT_POST_WORD = r"(?!(?:among|the|a|an|was|were|is|are|be|to|in|of|for|on|at|by|with|who|which|that|its|their)\b)"
_TITLE = re.compile(
    rf"(?<![\w-])(?:(?P<org>[A-Z][A-Za-z0-9]*[A-Z0-9](?:[-/][A-Za-z0-9]+)*)[ \t]+)?"
    # ('Chief' and its words may be on two lines: 'Mr A, Chief' / 'Technology Officer' in a narrow column)
    # (or one of its words broken by a hyphen at the line's end: 'Chief Tech-' / 'nology Officer')
    rf"(?P<title>(?i:{_MODS})(?:[Cc]hief(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:{_HYPHENATED}|[A-Z][\w-]*|&|and)){{1,5}}?(?:[ \t]+|[ \t]*\n[ \t]*)"
    rf"(?:Officers?|Strategists?|Architects?|Evangelists?|Technologists?)|"
    # in lower case as the press writes it: 'chief standards officer' (not 'chief among them was the officer')
    rf"chief(?:[ \t]+(?:{_NOT_POST_WORD}[a-z][\w-]*|&|and)){{1,3}}?[ \t]+officers?|(?i:(?:{_HEADS})s?))(?![\w]))"
    rf"(?P<domain>[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?{_PHRASE})?")
#: A plural title introduces a list of people sharing the post ('vice-chairmen A of X, B of Y and C of Z').
_PLURAL = re.compile(r"(?:men|[^s]s)$", re.IGNORECASE)


#: Where a post's clause ends: punctuation (not the dot of an initial, 'V. M. Roe'), or a dangling connective.
_CLAUSE_END = re.compile(r"(?:(?<!\b[A-Z])\.|\.(?=\s+(?:The|This|These|Its|It|In|On|At|During|A|An|He|She|They)(?:\s|$))|[;,!?])(?:\s|$)|"
                         r"\s+(?:and|the|of|for|on)$")  # ('Chair of PCC.I. In his remarks ...': a sentence ends; 'V. M.', 'U.S.' not)


def _is_acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and not re.fullmatch(_HONORIFIC, word)


def _caps(word: str) -> bool:
    """A word in capitals ('PEREIRA', 'ITU'), not an initial ('V.')."""
    return len(word) > 1 and word.isupper() and not word.endswith(".")


def _name_like(word: str) -> bool:
    return bool(_NAME_TOKEN.fullmatch(word)) and word not in _NOT_NAME and not _caps(word)


def _is_plural_title(label: str) -> bool:
    """'vice-chairmen', 'Co-chairs': a title without its domain, in the plural (not 'Vice President, Standards')."""
    if not _PLURAL.search(label) or label.endswith("ss") or re.search(r"\s(?:of|for|on)\s", label):
        return False
    last = re.split(r"[ -]", label)[-1].lower()
    return (last[:-3] + "man" if last.endswith("men") else last[:-1]) in _TITLE_ENDS


#: the last word of every title, lower-cased: what a plural title ends with, made singular
_TITLE_ENDS = frozenset(re.split(r"[ -]", t)[-1].lower() for t in _words()["title"])


def _shared_by_a_list(label: str) -> bool:
    """A post in the plural, with or without its domain ('Vice-Chairmen of TSAG, A (X), B (Y) and C (Z)'): every
    name of the list after it holds the post."""
    return _is_plural_title(re.split(r"\s(?:of|for|on)\s", label, maxsplit=1)[0])


def _post_ref(ref: Reference, text: str, s: int, e: int) -> Ref:
    said = _LINE_HYPHEN.sub("", text[s:e])  # ('Chief Tech-' / 'nology Officer' is 'Chief Technology Officer')
    entry = ref.lookup(said, {"Post"}) or ref.lookup(re.sub(r"['’]s\b", "", said), {"Post"})
    if entry:
        return Ref("Post", entry.label, Span.of(text, s, e), entry.iri)
    label = re.sub(r"\s+", " ", said).strip()
    if _is_plural_title(label):  # 'vice-chairmen' -> one 'Vice-Chairman'
        label = re.sub(r"men$", "man", label) if label.endswith("men") else label[:-1]
        entry = ref.lookup(label, {"Post"})
        if entry:
            return Ref("Post", entry.label, Span.of(text, s, e), entry.iri)
    if label[:1].islower():  # 'vice-chair' -> 'Vice-Chair'; its domain as written ('Head of standards')
        domain = re.search(r"\s(?:of|for|on)\s", label)
        cut = domain.start() if domain else len(label)
        label = re.sub(r"(?:^|(?<=[- ]))(?!and\b)([a-z])", lambda m: m.group(1).upper(), label[:cut]) + label[cut:]
    body = _body_of_post(ref, text, s, e)
    if body is None:
        lead = _group_before_title(ref, text, s, e)
        if lead is not None:
            return lead
    return _post_in(ref, text, s, e, label, body)


def _group_before_title(ref: Reference, text: str, s: int, e: int) -> Ref | None:
    """'TSAG Vice-Chairman', 'WP2/TSAG Vice-chairman', 'SG17 Chair': a generic post written after its group's
    notation is that group's post, as 'Vice-Chair of TSAG' would be."""
    from .groups import find_groups
    g = next((g for g in find_groups(ref, text, s, e) if g.span.start == s), None)
    if g is None or g.span.end >= e or not text[g.span.end:g.span.end + 1].isspace():
        return None
    notation = _notation(ref, g)
    generic = _generic_post(ref, text[g.span.end:e]) if notation else None
    if generic is None:
        return None
    label = f"{generic.label} of {notation}"
    known = ref.lookup(label, {"Post"})
    if known is not None:
        return Ref("Post", known.label, Span.of(text, s, e), known.iri)
    return Ref("Post", label, Span.of(text, s, e), part_of=g)


def _generic_post(ref: Reference, title: str):
    """The reference post a title names when that post is in no one group ('Vice-Chair', 'Rapporteur'), else None."""
    title = re.sub(r"\s+", " ", title).strip()
    entry = ref.lookup(title, {"Post"})
    if entry is None and _is_plural_title(title):
        entry = ref.lookup(re.sub(r"men$", "man", title) if title.endswith("men") else title[:-1], {"Post"})
    if entry is None or not ref.is_reference(entry.iri):
        return None
    from rdflib import URIRef

    from ..namespaces import ITUKG
    return entry if ref.base.graph.value(URIRef(entry.iri), ITUKG.postIn) is None else None


def _notation(ref: Reference, group: Ref) -> str | None:
    """A group's notation as the text or the reference data gives it ('SG13', 'WP2/TSAG', 'TSAG')."""
    if group.notation:
        return group.notation
    if group.iri is None:
        return None
    from rdflib import URIRef
    from rdflib.namespace import SKOS
    value = ref.base.graph.value(URIRef(group.iri), SKOS.notation)
    return str(value) if value is not None else None


def _post_in(ref: Reference, text: str, s: int, e: int, label: str, body: Ref | None) -> Ref:
    """A post written with the ITU-T group it is in: a generic post ('Vice-Chair', 'Chairman', 'Rapporteur') of
    that group is the group's own post, one IRI however it is spelt ('Vice-Chair of SG 13', 'Vice-Chairman of
    Study Group 13': 'Vice-Chair of SG13', in SG13), or the reference post of that group ('Chairman of the TSAG':
    'TSAG Chair')."""
    notation = _notation(ref, body) if body is not None and body.kind in ref.group_kinds else None
    of = re.search(r"\s(?:of|for|in)\s", text[s:e]) if notation else None
    generic = _generic_post(ref, text[s:s + of.start()]) if of else None
    if generic is None:
        return Ref("Post", label, Span.of(text, s, e), part_of=body)
    label = f"{generic.label} of {notation}"
    known = ref.lookup(label, {"Post"})
    if known is not None:
        return Ref("Post", known.label, Span.of(text, s, e), known.iri)
    return Ref("Post", label, Span.of(text, s, e), part_of=body)


def _country_of_post(ref: Reference, text: str, post: Ref | None) -> Ref | None:
    """'Minister of Technology and Science of Zambia': the country a post is of, its holder's."""
    of = re.search(r"\s(?:of|for)\s+(?:the\s+)?([A-Z](?:(?!\s(?:of|for)\s)[\w'’ -])*)\Z", post.span.quote) \
        if post is not None else None
    if post is None or of is None:
        return None
    return _place_ref(ref, text, post.span.start + of.start(1), post.span.end)


def _body_of_post(ref: Reference, text: str, s: int, e: int) -> Ref | None:
    """The ITU-T group or the known organization a post written with its domain is in: 'Vice-Chair of SG13',
    'Rapporteur for Question 2/13', 'Chairman of ITU-T Study Group 17', 'CTO of Example Telecom' (a known one)."""
    from .groups import find_groups  # groups is imported by the extractors after this module
    of = re.search(r"\s(?:of|for|in)\s", text[s:e])
    if of is None:
        return None
    groups = [g for g in find_groups(ref, text, s + of.end(), e) if g.span.start == s + of.end()
              or text[s + of.end():g.span.start].strip().lower() in ("the", "itu-t", "the itu-t", "its")]
    if groups:
        return groups[0]
    orgs = [x for x in ref.find(text, {"Organization"}, s + of.end(), e) if x.end == e]
    if orgs:
        x = orgs[0]
        return Ref("Organization", x.entry.label, Span.of(text, x.start, x.end), x.entry.iri)
    domain = re.sub(r"\s+", " ", text[s + of.end():e]).strip()
    owner = re.match(r"(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s", domain)
    if owner:  # "CTO of Vodafone's mobile unit": the unit's owner is the body
        at = text.find(owner.group(1), s + of.end(), e)
        known = ref.lookup(owner.group(1), {"Organization"})
        if known is not None:
            return Ref("Organization", known.label, Span.of(text, at, at + len(owner.group(1))), known.iri)
        if _EXECUTIVE.fullmatch(text[s:s + of.start()].strip()) and ref.lookup(owner.group(1), ref.place_kinds) is None:
            return Ref("Organization", owner.group(1), Span.of(text, at, at + len(owner.group(1))))
        return None
    if domain[:1].isupper() and has_legal_form(domain):  # 'CTO of Example Networks AG': a company by its legal form
        return Ref("Organization", domain, Span.of(text, e - len(text[s + of.end():e].lstrip()), e))
    if _EXECUTIVE.fullmatch(text[s:s + of.start()].strip()) and _names_a_company(ref, domain):
        # 'CTO of Nordic Example Networks': what a company's officer is of is a company
        return Ref("Organization", domain, Span.of(text, e - len(text[s + of.end():e].lstrip()), e))
    return _company_of_officer(ref, text, s, e)


def _names_a_company(ref: Reference, domain: str) -> bool:
    """What an officer's title is 'of' names a company: capitalised words, no place, field or year ('Nordic Example
    Networks'; not 'the Republic of Kenya', 'Standards and Innovation', 'Year of Innovation')."""
    bare = domain.removeprefix("the ")
    words = re.findall(r"[A-Z][\w'’.&-]*", bare)
    return bool(_CAPITALISED_NAME.fullmatch(domain)) and ref.lookup(bare, ref.place_kinds) is None \
        and not set(words) <= _FIELD_WORDS and not any(ref.lookup(w, ref.place_kinds) for w in words) \
        and not re.search(r"\d|\bYear\b", bare)


def _capitalised(title: str) -> str:
    """'executive vice-president and CTO' as a heading writes it: 'Executive Vice-President and CTO'."""
    return " ".join(w if w in ("and", "of", "for", "&") else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
                    for w in title.split())


def _company_of_officer(ref: Reference, text: str, s: int, e: int) -> Ref | None:
    """'CTO of Hoshimura Networks of Japan', 'Vice-President for Technology of Andina Móvil', 'Chief Architect of
    Example Optical Systems': an officer's company after the title's last 'of', without the country written after
    it. Not 'Vice President of Standards and Innovation' (a field), nor 'President of the Republic of Kenya'."""
    for of in reversed(list(re.finditer(r"\s(?:of|at)\s", text[s:e]))):
        title = text[s:s + of.start()].strip()
        if not (_OFFICER.fullmatch(title) or _OFFICER.fullmatch(_capitalised(title))):  # 'executive vice-president and CTO'
            continue
        a, b = s + of.end(), e
        country = _OF_COUNTRY.search(text, a, b)
        if country is not None and ref.lookup(country.group("place"), ref.place_kinds) is not None:
            b = country.start()
        domain = re.sub(r"\s+", " ", text[a:b]).strip()
        if domain and not domain.startswith("the ") and _names_a_company(ref, domain):
            return Ref("Organization", domain, Span.of(text, a, a + len(text[a:b].rstrip())))
        return None
    return None


#: the words of a field a post is of ('Standards', 'Innovation'): what they name is no company
_FIELD_WORDS = frozenset(_words().get("field", ()))


def is_field_phrase(name: str) -> bool:
    """'Regulation', 'Planning and Regulation', 'Standards and Innovation': the field of a post, no body's name."""
    words = [w for w in name.split() if w.lower() not in ("and", "&", "of", "the")]
    return bool(words) and all(w in _FIELD_WORDS - {"Group", "Government"} for w in words)
#: a company officer's title: what it is 'of' is a company ('Chief Technology Officer of ...', 'CTO of ...')
_EXECUTIVE = re.compile(r"(?:(?:Senior|Executive|Group|Deputy)[ \t]+)*(?:C[A-Z]O|CxO|Chief[ \t]+(?:(?:[A-Z][\w&-]*|and|&)[ \t]+){1,5}Officer|"
                        r"(?:(?:Vice[- ])?President[ \t]+(?:and|&)[ \t]+)?C[A-Z]O|Founder|Co-?[Ff]ounder|Managing[ \t]+Director)")
#: a name in capitals, with its connectors: 'Nordic Example Networks', 'Bank of Example'
_CAPITALISED_NAME = re.compile(r"(?:the )?[A-Z][\w&'’.-]*(?: (?:(?:of|and|for|de|&) )?[A-Z0-9][\w&'’.-]*){0,6}")
#: a company officer's title with its field ('Vice-President for Technology', 'Chief Architect'): what follows its
#: last 'of' is a company
_OFFICER = re.compile(rf"(?:{_EXECUTIVE.pattern}|(?:(?:Senior|Executive|Group)[ \t]+)*Chief[ \t]+[A-Z][a-z]+|"
                      r"(?:(?:Senior|Executive|Group)[ \t]+)*(?:Vice[- ])?President(?:[ \t]+(?:for|of)[ \t]+[A-Z][a-z]+"
                      r"(?:[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+)?)?)")
#: 'of Japan', 'in Nigeria' after a company's name: its country, not part of the name
_OF_COUNTRY = re.compile(r"[ \t]+(?:of|in|from)[ \t]+(?:the[ \t]+)?(?P<place>[A-Z][\w'’.-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’.-]*){0,3})\Z")


def _split_domain(text: str, s: int, e: int, ref: Reference | None = None) -> tuple[int, int | None]:
    """Where a post written straight before a name ends: 'Minister of Communications Jane Roe' ends after
    'Communications'. Returns (post end, name start or None)."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[s:e])]
    i = len(words)
    while i > 0 and (_name_like(text[s + words[i - 1][0]:s + words[i - 1][1]])
                     or text[s + words[i - 1][0]:s + words[i - 1][1]] in _PARTICLES):
        i -= 1
    run = [text[s + a:s + b] for a, b in words[i:]]
    if run and (has_legal_form(" ".join(run)) or any(is_legal_word(w) for w in run)):
        return e, None  # 'CTO of Acme Inc': a company's name ends the domain, no person's
    if ref is not None and run:
        if ref.lookup(" ".join(run), ref.place_kinds | {"Organization"}) is not None:
            return e, None  # 'Minister of Communications of Saudi Arabia': a country's name ends the domain, no person's
        for j in range(len(run) - 2, 0, -1):  # 'Minister of X of Saudi Arabia Jane Roe': the country, then the name
            if ref.lookup(" ".join(run[:j]), ref.place_kinds | {"Organization"}) is not None:
                return s + words[i + j - 1][1], s + words[i + j][0]
    k = sum(1 for w in run if w not in _PARTICLES)
    if i > 0 and k == 3 and run[0] in _FIELD_WORDS and not any(w in _FIELD_WORDS for w in run[1:]):
        # 'Secretary of State for Digitalization Jane Roe', 'Minister of Communication and Digitalisation Jane Roe': a
        # field, then a name (not 'of Connectivity Programmes Maria Costa')
        return s + words[i][1], s + words[i + 1][0]
    if i > 0 and all(text[s + a:s + b].lower() in {"of", "for", "at", "from", "the"} for a, b in words[:i]):
        return e, None  # 'CTOs of Apex Mobile': the words after 'of' are the domain; no domain is left for a name
    if i > 0 and 2 <= k <= 4 and run[0] not in _PARTICLES:
        return s + words[i - 1][1], s + words[i][0]
    if i == 0 and k >= 4:  # 'of Acme Jane Mary Roe': the first word is the body's
        return s + words[1][0] - 1, s + words[1][0]
    return e, None


_CAPS_RUN = r"(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+(?:(?:of|for|the)[ \t]+)*[A-Z][\w-]*)*"
#: ', Electronics and Information Technology': the rest of a domain written as a list.
_DOMAIN_LIST = re.compile(rf"(?:,[ \t]+{_CAPS_RUN})*,?[ \t]+and[ \t]+{_CAPS_RUN}(?=[ \t]*(?:[,.;)]|\n|$))")


def _domain_list_end(ref: Reference, text: str, e: int, end: int) -> int:
    """'Minister of Railways, Electronics and Information Technology': a domain goes on over a list of fields, none
    of them a country, an organization or a person (then the comma starts an affiliation or the next name)."""
    if text[e:e + 1] != ",":
        return e
    m = _DOMAIN_LIST.match(text, e, end)
    if m is None:
        return e
    for piece in re.finditer(r"(?:(?!,|[ \t]and[ \t]).)+", m.group()):
        lead = re.match(r"[ \t]*(?:(?:and|&)[ \t]+)?(?:the[ \t]+)?", piece.group())
        at = e + piece.start() + (lead.end() if lead else 0)
        part = text[at:e + piece.end()].strip()
        name = read_name(ref, part, 0, len(part))
        # 'Mukhamedova N.A., Deputy ...': a name with its initials runs past the list's pattern, to its comma
        initialled = read_name(ref, text, at, min(end, at + 80))
        # a style is read with what follows it: in ', and Eng. Jane Roe' the list stops before 'Eng.'
        if part and (starts_with_styles(text[at:at + 60]) or ref.lookup(part, ref.place_kinds | {"Organization"}) is not None
                     or (name is not None and name[1] == len(part))
                     or (initialled is not None and re.match(r"[ \t]*,", text[initialled[1]:end]) is not None
                         and initialled[1] > e + piece.end())):
            return e  # a style opens the next person; a country, an organization or a name is no field
    return m.end()


_OF_GROUP = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:ITU-T[ \t]+)?")


def _posts_with_their_group(ref: Reference, text: str, found: list, end: int) -> list:
    """A post title followed by 'of' and a group whose name holds post words ('Chair of the Rapporteur Group on
    Standardization Strategy (RG-StdsStrat)'): the post runs to the group's end and is in it; the title words
    inside the group's name are no posts of their own."""
    from .groups import find_groups  # groups is imported by the extractors after this module
    out: list = []
    skip_to = -1
    for a, b, post in found:
        if a < skip_to:
            continue
        of = _OF_GROUP.match(text, b, end)
        if of and not re.search(r"\s(?:of|for|in)\s", text[a:b]):
            g = next((g for g in find_groups(ref, text, of.end(), min(end, of.end() + 120))
                      if g.span.start == of.end()), None)
            if g is not None and any(of.end() <= x < g.span.end for x, _, _ in found):
                title = text[a:b]
                generic = _generic_post(ref, title)
                label = generic.label if generic else re.sub(r"\s+", " ", title).strip()
                out.append((a, g.span.end, _post_in(ref, text, a, g.span.end, f"{label} of {g.label}", g)))
                skip_to = g.span.end
                continue
        out.append((a, b, post))
    return out


#: a post's domain in lower-case words, followed by its body or a comma: 'head of standards at Apex Mobile'
_LOWER_DOMAIN = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:[a-z][\w-]*[ \t]+(?:and[ \t]+|&[ \t]+)?){0,2}[a-z][\w-]*"
                           r"(?=[ \t]+(?:at|with)[ \t]+(?:the[ \t]+)?[A-Z]|[ \t]*,)")


#: the lower-case words after a domain's possessive, to a comma or the clause's end: "of the ITU's standardization
#: bureau"
_OWNED_DOMAIN = re.compile(rf"(?:[ \t]+(?!{_NOT_DOMAIN_WORD}|and\b|or\b)[a-z][\w-]*){{1,3}}(?=[ \t]*[,;)]|[ \t]+(?:{_NOT_DOMAIN_WORD}|and\b|or\b))")


def _posts(ref: Reference, text: str, start: int, end: int) -> list[tuple[int, int, Ref]]:
    found = [(m.start, m.end, Ref("Post", m.entry.label, Span.of(text, m.start, m.end), m.entry.iri))
             for m in ref.find(text, {"Post"}, start, end)]
    pos = start
    while (m := _TITLE.search(text, pos, end)) is not None:
        s, e = m.start(), m.end()
        pos = e
        if m.group("org") and not _is_acronym(m.group("org")):
            s = m.start("title")
        lower = _LOWER_DOMAIN.match(text, e, end) if not m.group("domain") else \
            _OWNED_DOMAIN.match(text, e, end) if re.search(r"['’]s\Z", m.group("domain")) else None
        if lower:  # 'head of standards at Apex Mobile': a domain in lower case, before its body; "director of the
            e = lower.end()  # ITU's standardization bureau": what the owner's is
        elif m.group("domain") and re.search(r"['’]s\Z", m.group("domain")):
            e -= 2  # "CTO of Acme's mobile unit opened ...": the post is Acme's
        if m.group("domain"):
            for other in re.finditer(r"[ \t]+and[ \t]+", text[m.start("domain"):e]):
                # 'Minister of ICT Jane Roe and Examplian Director Tom Poe': another post starts another person
                if re.match(rf"(?:the[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){{0,3}}?(?i:{_MODS})(?:{_HEADS})s?\b",
                            text[m.start("domain") + other.end():e]):
                    e = pos = m.start("domain") + other.start()  # the other post is read next
                    break
            cut = _CLAUSE_END.search(text[s:e])
            while cut:  # a post ends with its sentence or clause: 'CTO of Example Telecom. The meeting ...'
                e = s + cut.start()
                cut = _CLAUSE_END.search(text[s:e])
            e = s + len(text[s:e].rstrip(" .,"))
            bracket = re.search(r"[ \t]*\(([^()]+)\)\Z", text[s:e])
            if bracket and (_place_ref(ref, text, s + bracket.start(1), s + bracket.end(1)) is not None or (
                    re.fullmatch(r"[A-Z][\w&./-]{1,11}", bracket.group(1)) and sum(c.isupper() for c in bracket.group(1)) > 1)):
                # 'Rapporteur for Question 5/13 (Belarus)': the holder's country, not the post's; 'Director General of
                # the Nigerian Communications Commission (NCC)': the body's acronym
                e = s + bracket.start()
            e, name_start = _split_domain(text, m.start("domain"), e, ref)
            e = max(e, m.end("title"))
            if name_start is None:
                e = _domain_list_end(ref, text, e, end)
        overlap = [i for i, (a, b, _) in enumerate(found) if a < e and s < b]
        if not overlap:
            found.append((s, e, _post_ref(ref, text, s, e)))
        elif len(overlap) == 1 and found[overlap[0]][0] >= s and found[overlap[0]][1] <= e:
            a, b, post = found[overlap[0]]
            if (a, b) == (s, e):
                continue
            if post.iri and a == s and re.match(r"\s+of\s", text[b:e]) and re.match(r"\s*[,(]", text[e:e + 2]) \
                    and any(x.start <= b + 5 and x.end >= e for x in ref.find(text, ref.group_kinds, b, e)):
                # 'The Chairman of ITU-T Study Group 17, Heung Youl Youm': the known post, written with its group
                # (read from the words as written: its span, and the group it names, part_of)
                found[overlap[0]] = (a, e, _post_in(ref, text, a, e, post.label, _body_of_post(ref, text, a, e)))
            else:  # 'TSAG Vice-Chairman', 'Chairman of the Example Authority': the post as written
                found[overlap[0]] = (s, e, _post_ref(ref, text, s, e))
    found.sort(key=lambda x: x[0])
    found = _posts_with_their_group(ref, text, found, end)
    # 'Senior Vice President and CTO of KDDI', 'Chairman and CEO': two posts one person holds, as one role
    merged: list[tuple[int, int, Ref]] = []
    for a, b, post in found:
        if merged and re.fullmatch(r"[ \t]+(?:and|&)[ \t]+", text[merged[-1][1]:a]):
            pa, pb, first = merged[-1]
            label = text[pa:pb]
            if not re.search(r"\s(?:of|for|on)\s", label) and not _shared_by_a_list(label) \
                    and not _shared_by_a_list(text[a:b]):
                merged[-1] = (pa, b, _post_ref(ref, text, pa, b))
                continue
        merged.append((a, b, post))
    return merged


def read_name(ref: Reference, text: str, pos: int, end: int, anchored: bool = False) -> tuple[int, int, str] | None:
    """The person's name starting at `pos`: two to five words (particles aside), in normal case or with the family
    name in capitals ('Ana PEREIRA' -> 'Ana Pereira'). `anchored` (a style or a post comes right before) lets the
    name go on over one line break after its first word ('Ms Marie\nDupont-Laurent')."""
    toks: list[tuple[int, int]] = []
    i = pos
    lead = _PARTICLES_RUN.match(text, pos, end)  # 'de la Cruz Maria', 'van der Berg': a name may open with particles
    if lead and (pos == 0 or not text[pos - 1].isalnum()) and _NAME_TOKEN.match(text, lead.end(), end):
        toks.extend((x.start(), x.end()) for x in re.finditer(r"\S+", text[:lead.end()]) if x.start() >= pos)
        i = lead.end()
    opened = len(toks)
    while len(toks) < 7 + opened:
        m = _NAME_TOKEN.match(text, i, end)
        if not m:
            break
        toks.append((m.start(), m.end()))
        sep = re.compile(r" {1,2}(?! )").match(text, m.end(), end)  # a tab or wide gap separates cells, not a name
        if sep:
            i = sep.end()
        elif anchored and len(toks) == 1 and (brk := re.compile(r"[ \t]*\n[ \t]*").match(text, m.end(), end)):
            i = brk.end()
            nxt = _NAME_TOKEN.match(text, i, end)
            if not nxt or nxt.group() in _NOT_NAME or nxt.group() in _PARTICLES:
                break
        else:
            break
        p = _PARTICLES_RUN.match(text, i, end)  # 'de', 'bin', 'van der' before the next word of the name
        if p and _NAME_TOKEN.match(text, p.end(), end):
            toks.extend((x.start(), x.end()) for x in re.finditer(r"\S+", text[:p.end()]) if x.start() >= i)
            i = p.end()
    words = [text[a:b] for a, b in toks]

    def never(w: str) -> bool:
        # 'ITU', 'TSB'; 'Vice-Chair' ('elected Ms Jane Roe Vice-Chair': the post after the name)
        return w in _NOT_NAME or (_caps(w) and ref.lookup(w) is not None) or ("-" in w and is_post_title(w))

    # a style or a title written as a style before the name ('Hon. Minister Jane Roe')
    while words and (never(words[0]) or (words[0] in _PARTICLES and not opened) or re.fullmatch(_HONORIFIC, words[0])):
        words, toks = words[1:], toks[1:]
    # a name stops before such a word, or before a style ('Welcoming Ms Jane Roe': the name is after the style)
    cut = next((n for n, w in enumerate(words) if never(w) or (0 < n < len(words) - 2 and re.fullmatch(_HONORIFIC, w))),
               len(words))  # (a style with a name after it: 'Goh Seow Eng' ends with a name)
    words, toks = words[:cut], toks[:cut]
    while words and words[-1] in _PARTICLES:
        words, toks = words[:-1], toks[:-1]
    core = [w for w in words if w not in _PARTICLES]
    if words and (any(is_legal_word(w) for w in words[1:]) or has_legal_form(text[toks[0][0]:toks[-1][1]])):
        return None  # 'Acme Inc', 'Bar GmbH', 'Baz S.A.': a company, by its legal form (legal-forms.txt)
    if not 2 <= len(core) <= 5 or all(w.endswith(".") for w in core):
        return None
    if not any(w[:1].isupper() and not w.isupper() for w in core):
        return None  # capitals alone make no name: a family name in capitals goes with a given name in normal case
    if any(_caps(w) for w in core) and not anchored and not core[0][1:].islower():
        return None
    name = _given_name_first(" ".join(_normal_case(w) for w in words))
    known = ref.lookup(name)
    if known is not None and known.kind != "Person":
        return None  # 'Viet Nam', 'Example Telecom': a place or a body, not a person
    return toks[0][0], toks[-1][1], name


#: a patronymic ('Nikolaevich', 'Sergeevna'): the middle of a Russian, Ukrainian or Belarusian name
_PATRONYMIC = re.compile(r"[A-Z][a-z]+(?:ovich|evich|yevich|ovna|evna|yevna|ichna|inichna)")
#: initials ('A.V.', 'D.'): a name said surname first, initials after ('Petrov A.V.')
_INITIALS = re.compile(r"(?:[A-Z]\.[ ]?){1,3}")


def _given_name_first(name: str) -> str:
    """A name in the order English writes it: 'Karpovich Andrei Nikolaevich' (the surname, the given name, the
    patronymic, as official lists write them) -> 'Andrei Nikolaevich Karpovich'; 'Petrov A.V.' -> 'A.V. Petrov'."""
    words = name.split()
    if len(words) == 3 and _PATRONYMIC.fullmatch(words[2]) and not _PATRONYMIC.fullmatch(words[1]):
        return f"{words[1]} {words[2]} {words[0]}"
    if len(words) == 2 and _INITIALS.fullmatch(words[1]) and not _INITIALS.fullmatch(words[0]):
        return f"{words[1]} {words[0]}"
    return name


def _normal_case(word: str) -> str:
    """'PEREIRA' -> 'Pereira', 'AL-FALASI' -> 'Al-Falasi', 'McALLISTER' -> 'McAllister'; initials and normal words
    unchanged."""
    mc = re.fullmatch(rf"({_MC})([A-Z]{{2,}})", word)
    if mc:
        return mc.group(1) + mc.group(2).capitalize()
    if len(word) > 1 and word.isupper() and not word.endswith("."):
        return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word)
    return word


def _valid_name(name: str) -> bool:
    words = name.split()
    return (len(words) >= 2 and words[0] not in _NOT_NAME and not name.isupper() and len(name) <= 60
            and not any(w in _NOT_NAME for w in words))


_STYLES = re.compile(rf"(?P<hon>{_HON_STACK})")
#: 'the delegation of the Republic of Korea was headed by', 'The Chinese delegation was led by': the words before the name
#: of who heads a country's delegation
_DELEGATION_HEADED = re.compile(r"(?P<delegation>\bdelegation)(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?P<country>[A-Z][^.;\n]{1,120}?))?[ \t]+"
                                r"(?P<verb>(?:was|is|will[ \t]+be|has[ \t]+been)[ \t]+(?:headed|led)[ \t]+by)[ \t]+(?:the[ \t]+)?",
                                re.IGNORECASE)
_CHAIRED_BY = re.compile(r"\b(?:(?:[Cc]o-)?[Cc]haired\s+by|[Uu]nder\s+the\s+chairmanship\s+of|[Pp]resided\s+(?:over\s+)?by|"
                         # 'Chairing the meeting, Mr A, CTO of Ericsson, urged ...': the participle before its subject
                         r"(?<![\w-])(?:[Cc]o-)?[Cc]hairing\s+the\s+(?:[\w-]+\s+){0,2}?(?:meeting|session|consultation|"
                         r"round\s?table|assembly|forum|dialogue|discussion)s?\s*,|"
                         r"(?P<moderated>[Mm]oderated|[Ff]acilitated)\s+by|(?P<convened>(?<=,\s)convened)\s+by|"
                         # 'WG1 - Structure and working methods, coordinated by Mr A (Ghana)'
                         r"(?P<coordinated>(?<=,\s)coordinated)\s+by|"
                         # 'The Q6/13 rapporteur group, led by Ms A of Apex (Sweden)': a group's leader
                         r"(?P<led>(?<=,\s)(?:[Cc]o-)?led)\s+by)\s+(?:the\s+)?")  # 'Chaired by Ms A, the ...' too
#: the words that name another meeting beside the one reported ('alongside the ITU workshop on X, which ...')
BESIDE = (r"\b(?:alongside|on\s+the\s+(?:sidelines|margins|eve)\s+of|in\s+conjunction\s+with|back-to-back\s+with|"
          r"ahead\s+of|in\s+advance\s+of|before|after|following|"
          # (not 'During the meeting, which was hosted by KT': the meeting itself)
          r"during(?!\s+(?:the|this)\s+(?:meeting|event|session|consultation|round\s?table|assembly|workshop|forum)\b))\s+")
#: another meeting named beside the one reported, then a relative clause about it: whoever chaired is that one's
_CHAIRED_BESIDE = re.compile(rf"{BESIDE}[^.;]{{3,120}}?,?\s+which\b[^.;]*\Z", re.IGNORECASE)
#: capitalised words of a field right after a title, before the comma of the body or 'at' it: 'Vice President
#: Standardization, '
_FIELD_AFTER_TITLE = re.compile(r"[ \t]+([A-Z][a-z][\w&-]*(?:[ \t]+(?:(?:and|&)[ \t]+)?[A-Z][a-z][\w&-]*){0,2})"
                                r"(?=[ \t]*,|[ \t]+at[ \t]+(?:the[ \t]+)?[A-Z])")  # ('VP Technology at Laurentide Networks')
#: a bracket after a name, with one bracket inside it: '(Egypt)', '(Korea (Rep. of))', '(KT, Korea (Republic of))'
_BRACKET_PART = r"(?:[^()\n]|\([^()\n]{1,30}\))"
_BRACKET = rf"\({_BRACKET_PART}{{0,100}}\)"
#: from a name to the next of a pair: ' and ', ' (Acme, France) and ', ', Director of TSB, and '
_AND_NEXT_NAME = re.compile(rf"(?:[ \t]*{_BRACKET}|,[ \t]*[^,;()\n]{{1,60}},)?,?[ \t]+and[ \t]+")
#: between two names of a list: ', ', '; ', ', and ', ' and '
_NAME_SEP = re.compile(r"[ \t]*(?:[,;][ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)")
#: 'appointed A and B as <post>', 'elected ... as the new <post>': the verb before the names, the post after 'as'
_NAMED_AS = re.compile(r"\b(?:(?:re-?)?appointed|(?:re-?)?elected|named|designated|nominated|confirmed|with(?=\s+[A-Z]))\s+"
                       r"(?=[^;\n]*\bas\s+(?:(?:the|its|a|an|new)\s+)*\Z)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?<![\w.])(?P<owner>[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3})['’]s[ \t]+")


def starts_with_styles(text: str) -> bool:
    """'Mr. Jane Roe', 'H.E. Dr ...': the text starts with a person's style, so it names a person."""
    m = _STYLES.match(text)
    return m is not None and m.end() < len(text)


def starts_with_title(text: str) -> bool:
    """'the Chairman', 'Minister of ICT of Examplia': the text names a post (so a person), not an organization."""
    return _TITLE.match(re.sub(r"^(?:the|its|their|our)\s+", "", text.strip(), flags=re.IGNORECASE)) is not None


def is_post_title(text: str) -> bool:
    """'CTO', 'Vice President', 'Head of Research': the whole text is a post, with nothing after it."""
    return _TITLE.fullmatch(text.strip()) is not None


def _styles_at(text: str, pos: int, end: int) -> tuple[str | None, int]:
    """Honorifics written at `pos` ('His Excellency Mr', 'Hon.'), and where the name after them starts."""
    m = _STYLES.match(text, pos, end)
    if not m:
        return None, pos
    return re.sub(r"\s+", " ", m.group("hon")).strip(), m.end()


def _place_ref(ref: Reference, text: str, s: int, e: int) -> Ref | None:
    entry = ref.lookup(text[s:e], {"Country"})
    return Ref("Country", entry.label, Span.of(text, s, e), entry.iri) if entry else None


def _org_ref(ref: Reference, text: str, s: int, e: int) -> Ref | None:
    label = re.sub(r"\s+", " ", text[s:e]).strip(" ,;")
    if label.endswith(".") and not abbreviation_end().search(label):
        label, e = label[:-1], e - 1  # the sentence's full stop, not the name's ('Acme Inc.' keeps its own)
    if not label or not label[0].isupper() or len(label) > 80 or re.search(r"\d{4}|@", label):
        return None
    if ref.lookup(label, ref.group_kinds - {"Bureau"}) is not None:
        return None  # '... Rapporteur for Q6/13 at the ITU-T Study Group 13 meeting': an ITU-T group is nobody's employer
    if ref.lookup(label, {"Organization"}) is None and (is_field_phrase(label) or all(
            w in organization_words().get("portfolio", ()) or w in ("and", "&") for w in label.split())):
        return None  # 'Vice-President, Technology', 'Director, Licensing': the post's field
    unit, owner = split_unit(text[s:e])
    if unit:  # '(Network Planning Department, Apex Mobile)': the organization is Apex Mobile's, not the unit's
        return _org_ref(ref, text, s + owner, e) if owner is not None else None
    entry = ref.lookup(label, {"Organization"})
    return Ref("Organization", entry.label if entry else label, Span.of(text, s, e), entry.iri if entry else None)


def _affiliation_after(ref: Reference, text: str, e: int, end: int):
    """'(Acme, France)', '(France)', '(Acme)' or 'of [the] Canada' right after a name: (organization, country,
    end of what was read). A country in brackets is never an organization."""
    m = _BRACKETS_AFTER.match(text, e, end)
    if m:
        org = country = None
        for ps_, pe_ in comma_parts(m.group(1)):
            part = m.group(1)[ps_:pe_]
            a = ps_ + m.start(1) + len(part) - len(part.lstrip())
            b = pe_ + m.start(1) - (len(part) - len(part.rstrip()))
            c = _place_ref(ref, text, a, b)
            if c is not None:
                country = country or c
            elif not (org is not None and org.iri is not None and ref.is_reference(org.iri)) and \
                    not (is_post_title(text[a:b]) and ref.lookup(text[a:b], {"Organization"}) is None):
                # '(CTO, Apex Mobile)': the post is no organization; '(Senior Vice President, Technology Strategy,
                # Ericsson)': the last part names the body, the ones before it the post and its field
                org = _org_ref(ref, text, a, b) or org
        return org, country, m.end()
    m = re.compile(r"[ \t]*,[ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z(][\w'’.)-]*){0,3})(?=[ \t]*(?:[),;.\n]|$))").match(text, e, end)
    if m and ref.lookup(clean(m.group(1)), {"Country"}) is not None:  # 'Ms Ana Lopez, Spain': a country alone
        c = _place_ref(ref, text, m.start(1), m.end(1))
        if c is not None:
            return None, c, m.end(1)
    # '- Ms Priya Example, Tata Consultancy Services, India': an entry of a list ends with the body, then its country
    m = _BODY_THEN_COUNTRY.match(text, e, end)
    if m and (c := _place_ref(ref, text, *m.span("country"))) is not None and c.kind == "Country":
        body = clean(m.group("body"))
        if ref.lookup(body, ref.place_kinds) is not None or gazetteer(ref).lookup(body):
            return None, c, m.end("country")  # 'Ms Jo Example, Geneva, Switzerland': her town, then its country
        if body[:1].isupper() and not starts_with_title(body) and not _TITLE.match(body) and \
                not starts_with_styles(body):
            org = _org_ref(ref, text, *m.span("body"))
            if org is not None:
                return org, c, m.end("country")
    # 'Prof. Raj Sample, National University of Example': a body the reference data knows, or one by its name's signs
    m = _COMMA_BODY.match(text, e, end)
    if m:
        name = re.sub(r"\s+", " ", m.group(1)).removeprefix("the ")
        if (ref.lookup(name, {"Organization"}) is not None or looks_like_organization(name)) \
                and not starts_with_title(name) and not _TITLE.match(name):  # not 'Director of the Bureau'
            org = _org_ref(ref, text, m.start(1), m.end(1))
            if org is not None:
                return org, None, m.end(1)
    # the words of a name never go on past a sentence's full stop ('... of Munich. More than ...')
    m = re.compile(r"[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?((?:[A-Z][\w'’.-]*)(?:(?<![a-z]{3}\.)[ \t]+(?:[A-Z][\w'’.-]*|and|of|the)){0,5})").match(text, e, end)
    if m:
        words = list(re.finditer(r"\S+", m.group(1)))
        nxt = next((i for i, w in enumerate(words) if w.group() == "and" and i + 1 < len(words)
                    and (starts_with_styles(text[m.start(1) + words[i + 1].start():m.start(1) + words[i + 1].start() + 40])
                         or re.search(r"['’]s$", words[i + 1].group()))), None)
        words = words[:nxt] if nxt is not None else words  # 'of X and Ms Jane Roe': the next person
        place = None
        for k in range(len(words), 0, -1):  # the longest country name: 'United Arab Emirates'
            a, b = m.start(1), m.start(1) + words[k - 1].end()
            place = _place_ref(ref, text, a, len(text[:b].rstrip(".,")))
            if place is not None:
                break
        for k in range(len(words), 0, -1):  # 'Dr Ken Ito of Kyoto University': an organization by its name's signs
            a, b = m.start(1), m.start(1) + words[k - 1].end()
            b = len(text[:b].rstrip(".,"))
            if place is not None and b <= place.span.end:
                break  # 'of China' and no longer name: the country ('of China Mobile' names the company)
            name = re.sub(r"\s+", " ", text[a:b])
            if ref.lookup(name, {"Organization"}) is not None or looks_like_organization(name):
                # 'of Nokia Siemens Networks': a known name going on is another organization's
                org = _longer_name(ref, text, b, m.end(1), a) or _org_ref(ref, text, a, b)
                if org is None:
                    return None, None, b
                tail = _COUNTRY_IN_BRACKETS.match(text, org.span.end, end)
                country = _place_ref(ref, text, *tail.span(1)) if tail is not None else None
                if tail is not None and country is not None:
                    return org, country, tail.end()
                return org, None, org.span.end
        tail = _COUNTRY_IN_BRACKETS.match(text, m.start(1) + words[-1].end(), end) if words and place is None else None
        country = _place_ref(ref, text, *tail.span(1)) if tail is not None else None
        if tail is not None and country is not None:  # 'Dr Ravi Example of Semenanjung Broadband (Malaysia)': a body,
            org = _org_ref(ref, text, m.start(1), m.start(1) + words[-1].end())  # then its country
            if org is not None:
                return org, country, tail.end()
        if place is not None:
            return None, place, place.span.end
    return None, None, e


#: '(Malaysia)' after a body's name: a bracket short enough to be its country
_COUNTRY_IN_BRACKETS = re.compile(r"[ \t]*\(([^()\n]{2,40})\)")
#: '(Acme, France)' after a name (what _BRACKET matches), its words in group 1
_BRACKETS_AFTER = re.compile(rf"[ \t]*\(({_BRACKET_PART}{{1,100}})\)")
#: ', Example Body, Country' closing a person's entry: its line, its item of a list, or before a bracket
_BODY_THEN_COUNTRY = re.compile(r"[ \t]*,[ \t]*(?P<body>[^,;()\n]{2,80}?)[ \t]*,[ \t]*(?P<country>[A-Z][^,;()\n]{1,40}?)"
                                r"[ \t]*(?=\(|;|\n|$)")
#: ', National University of Example' after a name: a capitalised name with its connectors, up to the clause's end
_COMMA_BODY = re.compile(r"[ \t]*,[ \t]*(?![\w .&-]*['’]s[ \t])((?:the[ \t]+)?[A-Z][\w'’.&-]*(?:[ \t]+(?:(?:of|for|and|the|&)[ \t]+)*[A-Z][\w'’.&-]*){0,6})"
                         r"(?=[ \t]*(?:[),;\n]|\.(?:\s|$)|$))")


def _organization_before(ref: Reference, text: str, ps: int, start: int) -> Ref | None:
    """The organization named right before a post ('Ericsson CTO Jane Roe', 'Vexa Corp CTO ...'): one the reference
    data knows, or a name with a legal form."""
    lo = max(start, ps - 80)
    for x in ref.find(text, {"Organization"}, lo, ps):
        if x.end < ps and not text[x.end:ps].strip() and "\n" not in text[x.end:ps] \
                and not re.search(r"[\w&][-/]\Z", text[max(start, x.start - 2):x.start]):  # (not 'ITU' of 'Com-ITU')
            return Ref("Organization", x.entry.label, Span.of(text, x.start, x.end), x.entry.iri)
    run = re.search(r"(?<![\w.&'’-])((?:[A-Z][\w&'’.-]*[ \t]+){1,4})\Z", text[lo:ps])
    if run and has_legal_form(run.group(1).strip()):
        a = lo + run.start(1)
        return _org_ref(ref, text, a, a + len(run.group(1).rstrip()))
    return None


#: a line that says whose posts the lines under it list, group by group: '... appointed the chairs of ITU-T study
#: groups for 2025-2028:', 'Vice-chairmen of the study groups:', 'The study group chairs elected are:', 'Working party chairs:'
_POSTS_BY_GROUP = re.compile(r"(?im)^(?![^\n:]*\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}chair)[^\n:]*?"  # (not '... appointed by the chairs:')
                             r"\b(?P<title>(?:vice[- ]?)?chair(?:men|persons|s))\b(?:\s+and\s+vice[- ]?chair\w*)?"
                             r"(?:\s+of\b[^\n:]{0,60}?\b(?:groups|parties)\b[^\n:]{0,60}|"
                             r"(?:\s+(?:elected|appointed|designated|confirmed|nominated))?(?:\s+(?:are|were|is|include[sd]?))?"
                             r"(?:\s+(?:for|of)\s+[^\n:]{1,30})?)(?::[ \t]*\n?|"
                             # a heading line over the groups' lines, no colon: 'Study group chairs who presented'
                             r"[^\n:]{0,80}\n(?=\s*(?:[-•*·][ \t]*)?(?:ITU-T[ \t]+)?(?:Study[ \t]+Group|SG)[ \t]?\d{1,2}[ \t]*[:–—-]))")
#: 'Study Group 2: Mr Ali Example (Egypt)', '- SG13 – Ms Ana Example' lines, or '...: WP1/TSAG, Ms A (Examplia); WP2/TSAG,
#: Mr B' in a sentence: a group, then its post holder
_GROUP_LINE = re.compile(r"[ \t]*(?:[-•*·][ \t]*)?(?:and[ \t]+)?(?P<group>(?:ITU-T[ \t]+)?(?:Study[ \t]+Group|SG)[ \t]?\d{1,2}|"
                         r"TSAG|(?:Working[ \t]+Party|WP)[ \t]?\d{1,2}/(?:TSAG|\d{1,2})|(?:RG|JCA)-[\w-]+|"
                         r"(?:ITU-T[ \t]+)?Focus[ \t]+Group[^:\n;,]{1,80}|FG-[\w-]+)[ \t]*(?:[:–—-]|,(?![ \t]*and\b))[ \t]*"
                         r"(?P<name>[^\n;]+)(?:;|\n|\Z)")

#: 'of Japan', 'from the Ministry of Science and ICT' after a name, before its post: whom the person is with
_OF_BODY = (r"[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?[A-Z][\w&'’.-]*"  # (not 'from Acme and Mr B, the CTO of ...')
            rf"(?:[ \t]+(?:(?:of|and|for|the|&)[ \t]+)*(?!{_HON_UNIT})[A-Z][\w&'’.-]*){{0,5}}")
#: between a styled name and the post it keeps: ' (Acme, Examplia) continues as ', ' remains ' ('serves as' is
#: _SERVED_AS's, read with the other verbs that give a post)
_KEEPS_POST = re.compile(rf"(?:[ \t]*{_BRACKET})?[ \t]+(?:continues|remains|stays|"
                         r"will[ \t]+(?:continue|remain|stay))[ \t]+(?:on[ \t]+)?(?:as[ \t]+)?"
                         r"(?:the[ \t]+|its[ \t]+)?\Z")
#: what may follow a post a name keeps: the end of the clause (not "the TSB Director's envoy", "Chair until 2020")
_KEPT_POST_END = re.compile(r"[ \t]*(?:[.,;:)]|\n|$)(?![^.;\n]{0,40}\buntil\b)")
#: ', who chairs SG13': a verb that says which group's post its subject holds
_WHO_HOLDS = re.compile(r"[ \t]*,[ \t]*(?P<who>who)[ \t]+(?:also[ \t]+|currently[ \t]+)?"
                        r"(?P<verb>chairs|chaired|co-chairs|co-chaired|convenes|convened)[ \t]+(?:the[ \t]+)?")
#: 'who chaired the (first) meeting / panel': the gathering itself, no group
_THE_MEETING = re.compile(r"(?:[\w-]+[ \t]+){0,2}?(?:meeting|session|forum|event|workshop|consultation|assembly|panel|"
                          r"discussion|dialogue|roundtable)s?\b", re.IGNORECASE)
#: the meeting a name with its post between commas chaired: 'Mr A, CTO of Ericsson, chaired the meeting' (not 'the panel')
_THE_MEETING_ITSELF = re.compile(r"(?:[\w-]+[ \t]+){0,2}?(?:meeting|consultation|assembly|round\s?table|summit|forum)\b",
                                 re.IGNORECASE)
_VERB_TITLE = {"chair": "Chair", "chairs": "Chair", "chaired": "Chair", "co-chair": "Co-Chair", "co-chairs": "Co-Chair",
               "co-chaired": "Co-Chair",
               "convenes": "Convener", "convened": "Convener", "moderated": "Moderator", "moderates": "Moderator"}
#: 'Mr A (Examplia) chaired the meeting', 'Ms B moderated the first session': the name, then the verb
_NAME_HOLDS = re.compile(rf"(?P<gap>(?:{_OF_BODY})?(?:[ \t]*{_BRACKET})?(?:[ \t]*,[ \t]*[^,;()\n]{{2,80}},)?[ \t]+)"
                         r"(?:will[ \t]+|is[ \t]+to[ \t]+)?(?P<verb>chaired|co-chaired|moderated|(?<=will )chair|(?<=will )co-chair|"
                         r"(?<=to )chair|(?<=to )co-chair)[ \t]+(?:the[ \t]+)?")


#: the end of a line after an entry: its punctuation, then the newline
_LINE_BREAK = re.compile(r"[ \t.;,]*\n")


def _under_the_value(text: str, value: int, pos: int, end: int) -> int | None:
    """Where the next line's entry starts when the line at `pos` ends there and the next line is indented to the
    column of a label's value ('Vice-chairs:  Li Wenjing (China)' over '              Ivan Example (Russia)': one
    list in the value's column, as a PDF lays it out); else None."""
    brk = _LINE_BREAK.match(text, pos, end)
    if brk is None:
        return None
    column = value - (text.rfind("\n", 0, value) + 1)
    at = brk.end()
    while at < end and text[at] in " \t":
        at += 1
    return at if column >= 4 and at - brk.end() == column and at < end and not text[at].isspace() else None


def _post_by_verb(ref: Reference, text: str, m: re.Match, end: int) -> Ref | None:
    """The post 'who chairs SG13' names: that group's Chair, as 'Chair of SG13' would be written."""
    from .groups import find_groups  # groups is imported by the extractors after this module
    group = next((g for g in find_groups(ref, text, m.end(), min(end, m.end() + 120)) if g.span.start == m.end()), None)
    title = _VERB_TITLE[m.group("verb").lower()]
    if group is None:  # 'who chaired the meeting': the meeting's chair, as 'chaired by' says
        said = _THE_MEETING.match(text, m.end(), end)
        if said and re.match(r"[ \t]+(?:of|for|at)[ \t]+(?:the[ \t]+)?[A-Z]", text[said.end():end]):
            return None  # 'chaired the meeting of the Board of Vexa Corp': another body's meeting
        known = ref.lookup(title, {"Post"}) if said else None
        return Ref("Post", known.label if known else title, Span.of(text, m.start("verb"), said.end()),
                   known.iri if known else None) if said else None
    return _post_of_group(ref, text, title, group, m.start("verb"))


def _group_chaired(ref: Reference, text: str, at: int, start: int) -> Ref | None:
    """The ITU-T group written right before ', chaired by' or ' is chaired by' ('Working Party 1/TSAG, chaired by Ms A'):
    the one chaired, not the meeting. None when the words before name a meeting or anything else."""
    from .groups import find_groups  # groups is imported by the extractors after this module

    # ', chaired by', or ' is chaired by' with the group as the clause's subject ('Working Party 1/17 is chaired by')
    lead = re.search(r"(?:,|[ \t]+(?:is|was|will[ \t]+be|has[ \t]+been)(?:[ \t]+(?:now|also|again))?)[ \t]*$",
                     text[max(start, at - 24):at])
    if lead is None:
        return None
    before = max(start, at - 24) + lead.start()
    # ('The Question 6/13 rapporteur group, led by': the Question named before the words for its group)
    words = re.search(r"[ \t]+(?i:rapporteur[ \t]+group)\Z", text[max(start, before - 24):before])
    named_end = before - len(words.group()) if words else before
    groups = [g for g in find_groups(ref, text, max(start, before - 120), before) if g.span.end in (before, named_end)]
    if not groups or groups[-1].kind not in ref.group_kinds:
        return None
    if not lead.group().lstrip().startswith(","):
        # 'Working Party 1/17 is chaired by': the group opens its clause ('The closing plenary of SG17 was chaired by',
        # 'The session on Question 2/17 is chaired by' name something else that is chaired)
        clause = max(sentence_at(text, groups[-1].span.start)[0], text.rfind(";", 0, groups[-1].span.start) + 1)
        if not re.fullmatch(r"\s*(?:(?:The|the|ITU-T)\s+)*", text[clause:groups[-1].span.start]) \
                or groups[-1].kind == "Question":
            return None
    return groups[-1]


def _post_of_group(ref: Reference, text: str, title: str, group: Ref, start: int, end: int = 0) -> Ref:
    """The post a title holds in a group ('Chair' in SG13): 'Chair of SG13', as 'Chair of SG13' would be written.
    The title is written at `start` (to `end`), before the group or after it ('TSAG, chaired by')."""
    generic = _generic_post(ref, title)
    label = f"{generic.label if generic else title} of {_notation(ref, group) or group.label}"
    known = ref.lookup(label, {"Post"})
    span = Span.of(text, min(start, group.span.start), max(end, group.span.end))
    return Ref("Post", known.label, span, known.iri) if known else Ref("Post", label, span, part_of=group)


def _group_before_bracket(ref: Reference, text: str, bracket: int) -> Ref | None:
    """'RG-WM (Rapporteur: ...)': the ITU-T group named right before a bracket."""
    from .groups import find_groups  # groups is imported by the extractors after this module
    lo = max(0, bracket - 100)
    return next((g for g in find_groups(ref, text, lo, bracket) if not text[g.span.end:bracket].strip()), None)


#: the kinds of ITU-T group a post can be held in
_GROUPS_WITH_POSTS = ("StudyGroup", "FocusGroup", "RapporteurGroup", "AdvisoryGroup", "WorkingParty", "Question",
                      "JointCoordinationActivity")


def _group_in_bracket(ref: Reference, text: str, ne: int, end: int) -> Ref | None:
    """'Mr A (SG2)': the ITU-T group alone in the bracket right after a name, or None."""
    from .groups import find_groups  # groups is imported by the extractors after this module
    bracket = re.compile(r"[ \t]*\([ \t]*").match(text, ne, end)
    if bracket is None:
        return None
    close = text.find(")", bracket.end(), min(end, bracket.end() + 60))
    if close < 0:
        return None
    return next((g for g in find_groups(ref, text, bracket.end(), close) if g.span.start == bracket.end()
                 and not text[g.span.end:close].strip() and g.kind in _GROUPS_WITH_POSTS), None)


def _group_after_post(ref: Reference, text: str, pe: int, end: int) -> Ref | None:
    """'Jane Roe, Chair, ITU-T SG5': the ITU-T group written after a post and a comma, as its own part."""
    from .groups import find_groups  # groups is imported by the extractors after this module
    lead = re.compile(r"[ \t]*,[ \t]*(?:the[ \t]+)?").match(text, pe, end)
    if lead is None:
        return None
    group = next((g for g in find_groups(ref, text, lead.end(), min(end, lead.end() + 80)) if g.span.start == lead.end()
                  and g.kind in _GROUPS_WITH_POSTS), None)
    # (its mandate in brackets may follow: 'Chair, ITU-T Study Group 13 (Future networks)')
    if group is None or not re.compile(r"[ \t]*(?:\([^()\n]{2,80}\)[ \t]*)?(?:[,;.)]|\n|$)").match(text, group.span.end, end):
        return None
    return group


def _post_in_brackets(ref: Reference, text: str, e: int, end: int) -> Ref | None:
    """'Jane Roe (CTO, Apex Mobile)', 'Tom Poe (Director of Standards, Beta)': a post first in the brackets after a
    name."""
    m = re.compile(r"[ \t]*\([ \t]*([^(),\n]{1,80}?)[ \t]*[,)]").match(text, e, end)
    if m is None or not is_post_title(m.group(1)) or ref.lookup(m.group(1), {"Organization"}) is not None:
        return None
    return _post_ref(ref, text, *m.span(1))


#: between two parts of an entry: a comma, or a column gap within a line
_PART_SEPARATOR = re.compile(r",|(?<=[^\s,])(?: {2,}|[ \t]*\t[ \t]*)(?=[^\s,])")


def comma_parts(s: str) -> list[tuple[int, int]]:
    """The parts of 'Qux Co., Ltd., Examplia' between commas, a legal form after a comma staying with its name; a
    table's column gap inside a line (a run of spaces or a tab: 'Jane Roe     CTO, Apex') parts them too."""
    out, pos = [], 0
    for m in _PART_SEPARATOR.finditer(s):
        if m.group() == "," and legal_after_comma().match(s, m.end()):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(s)))
    return [(a, b) for a, b in out if s[a:b].strip()]


def _after_post(ref: Reference, text: str, pe: int, end: int):
    """'Name, Title, Acme' / '..., UAE': the body or the country written after a post (organization, country)."""
    if re.compile(r"[ \t]*\(").match(text, pe, end):
        # 'Vice-Chairman of SG11 (Russian Federation)', '... (Apex Mobile, Kenya)': a country, or an organization the
        # reference data knows, in brackets ('Chair of FG-MV (Focus Group on Metaverse)' names no affiliation)
        org, country, _ = _affiliation_after(ref, text, pe, end)
        org = org if org is not None and org.iri is not None and ref.is_reference(org.iri) else None
        if org is not None or country is not None:
            return org, country
    m = re.compile(r"(?:,(?:[ \t]+at)?|[ \t]+at)[ \t]+((?:the[ \t]+)?[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|&|and|of|the)){0,5}?)"
                   r"(?=[ \t]*(?:[,;.)]|\(|\n|$|[ \t]+(?:who|which|for|and|has|had|is|was|said|will|in)\b))").match(text, pe, end)
    if not m:
        return None, None
    a, b = m.start(1), m.end(1)
    if starts_with_styles(text[a:a + 60]):
        return None, None  # 'Ambassador of Examplia, Ms. Jane Roe (...)': the next person of a list
    name_start, country = country_owner(ref, text, a, b)
    if country is not None:  # "at Sweden's Ericsson": the company, its country
        body = _org_ref(ref, text, name_start, b)
        if body is not None:
            return body, country
    at_the = a + 4 if text[a:a + 4].lower() == "the " else a
    whole = next((x for x in ref.find(text, {"Organization"}, at_the, min(end, at_the + 160))
                  if x.start == at_the and x.end > b), None)
    if whole is not None:  # 'at the Ministry of Industry and Information Technology': a known name goes on past 'and'
        return Ref("Organization", whole.entry.label, Span.of(text, whole.start, whole.end), whole.entry.iri), None
    c = _place_ref(ref, text, a, b)
    if c is not None:
        return None, c
    if split_unit(text[a:b]) == (True, None):  # ', Research Section, Vega Networks': the organization after its unit
        return _after_post(ref, text, b, end)
    wrapped = re.compile(r"[ \t]*\n[ \t]*([A-Z][^,;()\n]{0,60}?)(?=[ \t]*,)").match(text, b, end)
    if wrapped and split_unit(f"{text[a:b]} {wrapped.group(1)}") == (True, None):
        return _after_post(ref, text, wrapped.end(1), end)  # ', Study\nGroups Department, TSB': a unit over two lines
    field = re.compile(r"[^,;()\n]*(?=,)").match(text, a, end)
    if field and is_field_phrase(field.group()):  # ', Technology, Acme', ', Standards and Industry Development, at Acme':
        return _after_post(ref, text, field.end(), end)  # the body after the post's field
    # ', Apex Mobile, Kenya', ', Apex Mobile (Kenya)': a body with its country, whatever its words look like
    # ('CTO at Apex Mobile in Kenya': its country after 'in')
    where = re.compile(r"[ \t]*(?:,[ \t]*|\([ \t]*|[ \t]+in[ \t]+)([A-Z][^,;()\n]{1,60}?)[ \t]*\)?(?=[ \t]*(?:[,;.)]|\n|$))").match(text, b, end)
    country = _place_ref(ref, text, where.start(1), where.end(1)) if where else None
    stop = re.search(r"\.\s", text[a:b])  # 'at Apex Mobile. Mr Sam Poe, ...': the sentence ends the name
    if stop and not dot_of_legal_form(text, a + stop.start()):
        b = a + stop.start()
    at = not text[pe:a].lstrip().startswith(",")  # 'CTO at Apex Mobile': what follows 'at' is never a person
    if a < b and text[a:a + 4].lower() == "the ":
        a += 4
    named = read_name(ref, text, a, b)
    if not at and named is not None and len(named[2].split()) > 1 and re.match(r"[ \t]+(?:of|from)[ \t]+[A-Z]", text[named[1]:b]) \
            and not any(ref.lookup(w, ref.place_kinds) is not None for w in named[2].split()):  # (not 'Tigo Guatemala of')
        return None, None  # ', Enrique Example of Telefónica': the next person of a list, with their body
    if country is None and not at and (named is not None and named[1] >= len(text[:b].rstrip()) or _TITLE.match(text, a, b)):
        return None, None  # the next person of a list, or a second post (not 'Nordic Example' of 'Nordic Example Networks')
    if country is None and not at:
        known = _known_body_later(ref, text, b, end)
        if known is not None:  # 'Director, Technical Standards and Network Integrity, Telefonica (Spain)': a unit, then its body
            return known
    return _org_ref(ref, text, a, b), country


#: the rest of one person's entry: up to the end of its line or the next ';'
_ENTRY_REST = re.compile(r"[^;\n]*")


#: capitalised words going on after a name ('Nokia' of 'Nokia Siemens Networks')
_NAME_GOES_ON = re.compile(rf"(?:[ \t]+(?:&[ \t]+)?[{_UP}][\w&'’-]*){{1,4}}")


def _longer_name(ref: Reference, text: str, e: int, end: int, s: int) -> Ref | None:
    """When a known organization's name at text[s:e] is only the start of a longer name ('of Nokia Siemens Networks'),
    the longer name as an organization of its own; None when the words after it are a place, a legal form or a post
    ('Huawei Technologies Sweden', 'Acme AG', 'Orange Chief Executive')."""
    run = _NAME_GOES_ON.match(text, e, end)
    if run is None:
        return None
    first = run.group().split()[0]
    if first == "&" or is_legal_word(first) or is_post_title(first) or first in _NOT_NAME or \
            ref.lookup(first, ref.place_kinds) is not None or is_calendar_word(first):
        return None
    return _org_ref(ref, text, s, run.end())


def _known_body_later(ref: Reference, text: str, b: int, end: int) -> tuple[Ref, Ref | None] | None:
    """When the words after a post name no body the reference data knows or that looks like one (a unit or a field),
    a known organization later in the same entry, with the country after it: (organization, country) or None."""
    first = re.sub(r"\s+", " ", text[text.rfind(",", 0, b) + 1:b]).strip()
    if ref.lookup(first, {"Organization"}) is not None or looks_like_organization(first):
        return None
    rest = _ENTRY_REST.match(text, b, end)
    stop = min(rest.end(), sentence_at(text, b)[1]) if rest else b  # the entry never runs into the next sentence
    for x in re.finditer(r",[ \t]*([^,()]+?)[ \t]*(?:\(([^()]{1,40})\))?[ \t]*(?=,|$)", text[b:stop]):
        xs, xe = b + x.start(1), b + x.end(1)
        if starts_with_styles(text[xs:xs + 60]) or read_name(ref, text, xs, xe) is not None:
            return None  # the next person
        if text[xs:xs + 1].islower():
            return None  # the sentence goes on: ', NTT America, brought together CTOs from AT&T (USA), ...'
        if ref.lookup(clean(text[xs:xe]), {"Organization"}) is not None:
            country = _place_ref(ref, text, b + x.start(2), b + x.end(2)) if x.group(2) else None
            org = _org_ref(ref, text, xs, xe)
            return (org, country) if org is not None else None
    return None


#: 'Vice-Chairmen present included A (X) and B (Y)': a plural post, then who held it
#: what makes a post a label of the names after it: 'Vice-Chairmen present:', 'Rapporteur elected:', 'The TSAG
#: vice-chairs present were:'
_POST_LABEL = re.compile(r"(?:[ \t]+(?:present|elected|appointed|designated|confirmed))?"
                         r"(?P<verb>[ \t]+(?:are|were|took[ \t]+part|attended|participated))?[ \t]*:[ \t]*")
_POSTS_INCLUDED = re.compile(r"[ \t]+(?:(?:present|attending|in[ \t]+attendance)[ \t]+)?(?:also[ \t]+)?(?:included|include|were|are)[ \t]+"
                             r"(?=[A-Z])")


#: a rank before a post: 'First Vice-Chair', '2nd Vice-Chairman'
_RANK = re.compile(r"^(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)[ \t]*$", re.IGNORECASE)


def find_people(ref: Reference, text: str, start: int, end: int) -> list[PersonMention]:
    """People mentioned in text[start:end] with their posts; known people are linked to the reference."""
    people: list[PersonMention] = []
    used: list[tuple[int, int]] = []

    def add(name: str, s: int, e: int, post: Ref | None, hon: str | None, affiliation: Ref | None = None,
            country: Ref | None = None, whole_post: bool = False) -> bool:
        if any(a <= s < b or s <= a < e for a, b in used) or not _valid_name(name):
            if whole_post and post is not None:  # a table's post cell ('VP Technology') over the post read before in it
                for i, p in enumerate(people):
                    if (p.span.start, p.span.end) == (s, e) and p.post is not None and p.post.iri is None and \
                            len(p.post.label) < len(post.label) and post.label.lower().startswith(p.post.label.lower()):
                        people[i] = dataclasses.replace(p, post=post)
            # 'chaired by Mr X, CTO of Acme': the same name read again with another post holds that post too
            # (or the known person read with the style before it: 'Mr Seizo Onoe' over 'Seizo Onoe')
            same = next((p for p in people if (p.span.start, p.span.end) == (s, e)), None) or next(
                (p for p in people if p.iri is not None and (p.span.start <= s < p.span.end or s <= p.span.start < e)), None)
            held = [p.post.label for p in people if p.span.start == (same.span.start if same else s) and p.post is not None]
            # 'CTO' and 'CTO of Acme' are one post; 'Vice-Chair' and 'Chair' are two
            if same is not None and post is not None and held and \
                    not any(a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)
                            for a, b in ((post.label.lower(), label.lower()) for label in held)):  # 'NTT CTO' and 'CTO' too
                people.append(PersonMention(same.name, same.span, post, same.honorific, same.iri, same.affiliation,
                                            same.country))
            elif same is not None and post is not None and not held:  # read before without a post: it has this one
                people[people.index(same)] = dataclasses.replace(
                    same, post=post, country=same.country or _country_of_post(ref, text, post))
            if same is not None and same.affiliation is None and same.country is None and (affiliation or country):
                # read before with nothing about where the person came from ('Ms A' over a table row saying it)
                for i, p in enumerate(people):
                    if (p.span.start, p.span.end) == (s, e):
                        people[i] = dataclasses.replace(p, affiliation=affiliation, country=country)
            elif same is not None and same.country is None and country is not None and (
                    affiliation is None or same.affiliation is None or same.affiliation.label == affiliation.label):
                # 'Eng. A, NTRA, Egypt – Chairman': read by its style first, the entry says the country
                for i, p in enumerate(people):
                    if (p.span.start, p.span.end) == (s, e) and p.country is None:
                        people[i] = dataclasses.replace(p, country=country, affiliation=p.affiliation or affiliation)
            return False
        if affiliation is None and country is None:
            affiliation, country, _ = _affiliation_after(ref, text, e, end)
        elif country is None and re.match(r"[ \t]*\(", text[e:e + 3]):  # 'The Com-ITU Chairman, Mr A (Germany)'
            country = _affiliation_after(ref, text, e, end)[1]
        post = post or _post_in_brackets(ref, text, e, end)
        country = country or _country_of_post(ref, text, post)
        body = post.part_of if post is not None else None
        if affiliation is None and body is not None and body.kind == "Organization" and \
                not (body.iri is not None and ref.part_of_itu(body.iri)):
            affiliation = body  # 'Ms A, Chief Technology Officer of Apex Mobile': the body of the post is hers
        known = ref.lookup(name, {"Person"})
        # 'Vice-Minister Gutiérrez Londoño' after 'Mr Andrés Felipe Gutiérrez Londoño': his family names, said again
        again = next((p for p in people if known is None and hon is None and len(name.split()) >= 2
                      and p.name.endswith(" " + name) and len(p.name.split()) > len(name.split())), None)
        if again is not None:
            held = [p.post.label for p in people if p.name == again.name and p.post is not None]
            if post is None or any(h.startswith(post.label) or post.label.startswith(h) for h in held):
                used.append((s, e))
                return False  # nothing new about him ('Vice-Minister' of 'Vice-Minister of Connectivity')
            name, known = again.name, None
            affiliation, country = affiliation or again.affiliation, country or again.country
        people.append(PersonMention(known.label if known else name, Span.of(text, s, e), post, hon,
                                    known.iri if known else (again.iri if again else None), affiliation, country))
        used.append((s, e))
        return True

    def name_at(pos: int, anchored: bool):
        hon, at = _styles_at(text, pos, end)
        got = read_name(ref, text, at, end, anchored or hon is not None)
        return (hon, *got) if got else None

    rows = table_rows(text, start, end)  # (read again below for the people they list)

    def across_rows(a: int, b: int) -> bool:
        """Whether offsets a and b lie in two rows of a table (or one in a row and one outside it)."""
        return next((r for r in rows if r.start <= a <= r.end), None) is not next(
            (r for r in rows if r.start <= b <= r.end), None)

    # known people by name (with or without honorific)
    for hit in ref.find(text, {"Person"}, start, end):
        post = _adjacent_post(ref, text, hit.start, hit.end, start, end)
        add(hit.entry.label, hit.start, hit.end, post, None)
    posts = _posts(ref, text, start, end)
    holders: dict[tuple[int, int], tuple] = {}  # a post written after its holder's name -> the name
    for ps, pe, post in posts:
        # post then name: 'ITU Secretary-General Houlin Zhao', 'the Director of the TSB, Chaesub Lee,',
        # 'Minister of Communications Jane Roe', 'ACMA Director General Lt Col Jane Roe'
        lead = re.compile(r"[ \t]*(?:\([A-Z][\w&./-]{1,11}\)[ \t]*)?,?[ \t]*").match(text, pe, end)  # '(NCA), Dr A'
        assert lead is not None  # the pattern matches the empty string, and a post ends by `end`
        got = name_at(lead.end(), True)
        if got and (re.search(r"\t| {3}", text[pe:got[1]]) or across_rows(ps, got[1])):
            got = None  # 'CTO<TAB>Apex Mobile': the next cell of a table row (or the next row), not the post's holder
        if got and "," in lead.group() and re.search(r"\bas[ \t]+(?:(?:the|its|a|an|new)[ \t]+)*\Z", text[max(start, ps - 20):ps]) \
                and re.match(rf"(?:[ \t]*{_BRACKET})?[ \t]+as[ \t]", text[got[2]:end]):
            got = None  # 'elected Mr A (Egypt) as chairman, Mr B (Russia) as vice-chairman': the post is A's, not B's
        if got and got[0] is None and any(w in _FIELD_WORDS for w in got[3].split()):
            got = None  # 'Head of Network Architecture Design': the post's field goes on, no one is named
        if got and re.search(r"\([ \t]*\Z", text[max(start, ps - 3):ps]) and "," in lead.group():
            got = None  # 'Jane Roe (CTO, Apex Mobile)': the post of the name before the bracket, then its body
        before = _holder_before(ref, text, ps, start, name_at) if got else (None, None, None)
        if got and before[0] and (before[2] is None or "," in lead.group()):
            # ('Speakers included A, Rwanda's Minister of ICT B.': the owner's post is B's, the name after it)
            if "," in lead.group():
                got = None  # 'Jane Roe, Director, Acme Mobile': the name before holds the post, the words after are its body
            elif re.match(r"[ \t]*(?:[.,;)]|$)", text[got[2]:got[2] + 2]) and not text[ps].islower():
                # (a title in lower case is a news agency's, written before its holder: 'A, Maxis chief technology
                # officer Wong Kah Leong, B')
                # 'Jane Roe, CTO of Apex Mobile.': the words after 'of' end the post's domain, not start a name
                pe, got = got[2], None
                post = _post_ref(ref, text, ps, pe)
        if got and not any(a <= got[1] < b for a, b, _ in posts):
            hon, s, e, name = got
            org = country = None
            body = _body_before_title(ref, text, ps, pe)
            owner = _owner_before(text, ps, start)
            if body is not None:  # 'KT Chief Technology Officer Lee Jong-sik', 'ZICTA Director General Jane Roe'
                org, post = body[0], _title_after_body(ref, text, body, pe, post)
            elif owner:  # "Tunisia's Minister for ...", "Acme's CTO ...", "Kenya's ICT Cabinet Secretary ..."
                org, country, post = _owned_post(ref, text, owner, pe, post)
            elif (its := _its_subject(ref, text, ps, start)) is not None:
                org = its  # 'Acme Networks, Inc. today announced that its Chief Technology Officer, Dr Jane Smith, ...'
            elif (said := demonym_before(ref, text, ps, start)) is not None:  # 'Kenyan Minister of ICT Jane Roe'
                country = said[0]
            else:
                org = _organization_before(ref, text, ps, start)  # 'Ericsson CTO Erik Example'
            if add(name, s, e, post, hon, org, country) and _shared_by_a_list(text[ps:pe]):
                _list_after(ref, text, people[-1], end, add, name_at)
            continue
        # name then post: 'Chaesub Lee, the Director of ...', 'Dr Hamadoun I. Touré, Secretary-General, ITU'
        found, field_start, owner = _holder_before(ref, text, ps, start, name_at)
        if _plural_title_at(text, ps, end) and found is not None and not re.search(
                r"\band[ \t]+(?:\S+[ \t]+){0,4}\Z", text[max(start, found[1] - 40):found[1]]):
            continue  # 'the TSB Director, Chaesub Lee, Chief Technology Officers from 21 companies met': one name, no
            # list ('Ms A and Mr B, Vice-Chairs of SG13' share it), holds no plural post
        if found and field_start is not None:
            ps, post = field_start, _post_ref(ref, text, field_start, pe)
        if found is None:
            # 'Jane Roe, Vice-Chair of SG13, was elected Chair of SG11': the holder of the post before holds this too
            found = next((h for (a, b), h in holders.items() if b <= ps and _THEN_POST.fullmatch(text[b:ps])), None)
        if found:
            hon, s, e, name = found
            group = _group_after_post(ref, text, pe, end) if not re.search(r"\s(?:of|for)\s", text[ps:pe]) else None
            if group is not None:  # 'Jane Roe, Chair, ITU-T SG5': the Chair of SG5, no organization
                post, pe = _post_of_group(ref, text, text[ps:pe], group, ps), group.span.end
            field = _FIELD_AFTER_TITLE.match(text, pe, end) if group is None else None
            if field and _place_ref(ref, text, field.start(1), field.end(1)) is None and not ref.find(
                    text, {"Organization"}, field.start(1), field.end(1)) and _after_post(ref, text, field.end(), end)[0]:
                # 'Peter Example, Vice President Standardization, Ericsson': the field written after the title
                pe = field.end()
                post = _post_ref(ref, text, ps, pe)
            org, country = _after_post(ref, text, pe, end)
            if owner is not None and org is None and country is None:  # "Erik Roe, Ericsson's Group CTO, ..."
                org, country, _ = _owned_post(ref, text, owner, pe, post)
            body = _body_before_title(ref, text, ps, pe)
            at = re.search(r"[ \t]+at[ \t]+(?:the[ \t]+)?(?=[A-Z])", text[ps:pe])
            if at and org is None and (org := _org_ref(ref, text, ps + at.end(), pe)) is not None:
                # 'Jane Roe, Head of Innovation at Apex Telecom AG': the body after 'at' ends the post
                post = _post_ref(ref, text, ps, ps + at.start())
            if body is not None:  # 'Jane Roe, Telecom Italia Head of Standards': the body written before the title
                post = _title_after_body(ref, text, body, pe, post)
                org = org or body[0]
            if org is None and country is None and owner is None:  # ("Jane Roe, Geneva's Mayor": no body, no country)
                org, country, _ = _affiliation_after(ref, text, e, ps)
            add(name, s, e, post, hon, org, country)
            holders[(ps, pe)] = found
            if _shared_by_a_list(text[ps:pe]):
                _list_before(text, s, start, post, add, name_at)
    def holder_at(pos: int, limit: int, post: Ref) -> int | None:
        """Add the person named at pos as holding `post`; where the name (and its affiliation) ends, or None."""
        got = name_at(pos, True)
        if not got:
            return None
        hon, ns, ne, name = got
        group = _group_in_bracket(ref, text, ne, limit) \
            if post.part_of is None and _GROUP_POST.search(post.label) and " of " not in post.label else None
        if group is not None:  # 'study group chairs took part: Mr A (SG2), Dr B (SG3)': each the Chair of that group
            add(name, ns, ne, _post_of_group(ref, text, post.label, group, ns, ne), hon)
            return text.index(")", group.span.end) + 1
        add(name, ns, ne, post, hon)
        return _affiliation_after(ref, text, ne, limit)[2]

    # 'appointed Ms A (Acme, France) and Mr B (Beta, Japan) as Rapporteurs of ...', 'chaired by X, with Ms A (Senegal)
    # and Mr B (Kenya) as Vice-Chairs': each named holds the post
    for ps, _pe, post in posts:
        verbs = list(_NAMED_AS.finditer(text[max(start, ps - 400):ps]))
        if not verbs:
            continue
        verb = verbs[-1]  # the nearest
        pos = max(start, ps - 400) + verb.end()
        if verb.group().lower().startswith("with") and not _shared_by_a_list(text[ps:_pe]) \
                and not re.search(r",[ \t]*\Z", text[max(start, ps - 400):pos - len(verb.group())]):
            # 'with A and B as Vice-Chairs' gives a plural post, ', with Ms A (Egypt) as Vice-Chair' a clause of its
            # own; 'met with Mr A as ...' is no appointment
            continue
        as_word = re.search(r"\s*\bas\s+(?:(?:the|its|a|an|new)\s+)*$", text[pos:ps])
        if as_word is None:  # the verb's lookahead found it; kept for the type checker
            continue
        clause_end = ps - len(as_word.group())
        for ops, ope, _ in posts:  # 'elected Mr A as chairman and Mr B and Ms C as vice-chairmen': B and C only
            if pos < ops < clause_end and re.search(r"\bas[ \t]+(?:(?:the|its|a|an|new)[ \t]+)*\Z", text[pos:ops]):
                after_it = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+|while[ \t]+)?|[ \t]+(?:and|while|with)[ \t]+)").match(
                    text, ope, clause_end)
                if after_it:
                    pos = after_it.end()
        while pos < clause_end:
            after = holder_at(pos, clause_end, post)
            sep = _NAME_SEP.match(text, after, clause_end) if after is not None else None
            if not sep:
                break
            pos = sep.end()
    # 'Chairman: Mr A (Examplia)', 'Vice-Chairmen:' over one name a line: a post as a label, its holders after it
    next_line = re.compile(r"[ \t.;,]*\n[ \t]*(?:[-•*·▪–—][ \t]*)?(?=\S)")  # to the next line's first word
    for ps, pe, post in posts:
        label = _POST_LABEL.match(text, pe, end)
        colon = label or (
            _POSTS_INCLUDED.match(text, pe, end) if _shared_by_a_list(text[ps:pe]) else None)
        if label is not None and label.group("verb") and not _GROUP_POST.search(text[ps:pe]):
            continue  # 'Participating CTOs were: Ms A, Research Director, ...' describes, it gives no post
        bracketed = text[ps - 1:ps] == "(" and colon is not None  # 'RG-WM (Rapporteur: Ms A, Spain)'
        # ('First Vice-Chair: Ms A (Kenya)': a rank before the post at the line's start)
        line_head = _RANK.sub("", text[text.rfind("\n", 0, ps) + 1:ps].strip(" \t-•*"))
        # 'a) TSAG RG-WM (Working methods), Rapporteur: Mr A (Senegal)': the group the line names, then its post
        grouped = None
        if colon is not None and line_head.endswith(",") and not re.search(r"\s(?:of|for)\s", text[ps:pe]):
            from .groups import find_groups  # groups is imported by the extractors after this module
            grouped = next(iter(find_groups(ref, text, text.rfind("\n", 0, ps) + 1, ps)[-1:]), None)
        if colon is None or (line_head and not _shared_by_a_list(text[ps:pe]) and not bracketed and grouped is None):
            continue  # not a label at the start of its line, nor a plural post in prose ('thanked the vice-chairs: A, B')
        if grouped is not None:
            post = _post_of_group(ref, text, text[ps:pe], grouped, ps)
        if bracketed and not re.search(r"\s(?:of|for)\s", text[ps:pe]):
            group = _group_before_bracket(ref, text, ps - 1)
            post = _post_of_group(ref, text, text[ps:pe], group, ps) if group is not None else post
        one_line = colon.end() < end and text[colon.end()] != "\n"
        pos = colon.end()
        while pos < end:
            if not one_line:
                step = next_line.match(text, pos, end)
                if step is None:
                    break  # a blank line (or the end): the list is over
                pos = step.end()
            after = holder_at(pos, end, post)
            if after is None:
                break
            pos = after
            if one_line:
                sep = _NAME_SEP.match(text, pos, end)
                if not sep:
                    under = _under_the_value(text, colon.end(), pos, end)
                    if under is None:
                        break
                    pos = under  # 'Vice-chairs:  Li Wenjing (China)' over '              Ivan Example (Russia)'
                    continue
                pos = sep.end()
            elif not re.compile(r"[ \t.;,]*(?:\n|\Z)").match(text, pos, end):
                if not re.compile(r"[ \t]*(?:,|\(|[–—-][ \t])").match(text, pos, end):
                    break  # more on the line than a name: prose, not a list
                line_end = text.find("\n", pos, end)  # '- Ms A, Chair, SG5': the holder's own post and body
                pos = end if line_end < 0 else line_end
    # 'chaired by Mr Abdurahman M. Al Hassan', 'under the chairmanship of Dr Jane Smith': the meeting's chair;
    # 'moderated by Ms Jane Roe (Acme)': the session's moderator
    # 'The delegation of Japan was headed by Mr A', 'The Chinese delegation was led by Ms B of MIIT': who heads a
    # country's delegation holds that post, for that country
    for m in _DELEGATION_HEADED.finditer(text, start, end):
        got = name_at(m.end(), True)
        post_said = _TITLE.match(text, m.end(), end) if got is None else None
        if post_said is not None:  # 'headed by Deputy Minister TURSUNOV Bakhodir': the name after the post
            rest = text[post_said.end():end]
            got = name_at(post_said.end() + len(rest) - len(rest.lstrip(" \t")), True)
        if got is None:
            continue
        # the country the delegation is of: 'of Japan', 'of the Ministry of ... of the Republic of Uzbekistan' (its last
        # country), or the demonym before 'delegation' ('The Chinese delegation')
        country = next((_place_ref(ref, text, x.start, x.end) for x in reversed(ref.find(text, {"Country"}, *m.span("country")))),
                       None) if m.group("country") else \
            (said[0] if (said := demonym_before(ref, text, m.start("delegation"), start)) else None)
        if country is None or country.kind != "Country":
            continue
        known = ref.lookup("Head of Delegation", {"Post"})
        post = Ref("Post", known.label if known else "Head of Delegation", Span.of(text, m.start("delegation"), m.end("verb")),
                   known.iri if known else None)
        # '(KT)', 'of the Ministry of X' after the name; not 'Mr A, Director, Licensing, ...' (the post goes on)
        affiliation = _affiliation_after(ref, text, got[2], end)[0] if re.match(r"[ \t]*(?:\(|of[ \t])", text[got[2]:end]) \
            else None
        add(got[3], got[1], got[2], post, got[0], affiliation, country)
    for m in _CHAIRED_BY.finditer(text, start, end):
        if _CHAIRED_BESIDE.search(text, max(start, sentence_at(text, m.start())[0]), m.start()):
            continue  # 'It was held before the SG13 meeting, which convened in Geneva and was chaired by Ms A': the other's
        got = name_at(m.end(), True)
        if got is None:  # 'chaired by the TSB Director, Mr A': the chair named after the post he holds
            lead = re.compile(r"(?:the[ \t]+|its[ \t]+)?").match(text, m.end(), end)
            held = next((pe for ps, pe, _ in posts if lead is not None and ps == lead.end()
                         and "chair" not in text[ps:pe].lower()), None)  # ('by the WP3 chairman, Ms A': that post)
            comma = re.compile(r"[ \t]*,[ \t]*").match(text, held, end) if held is not None else None
            got = name_at(comma.end(), True) if comma else None
        co = m.group().lower().startswith("co-")
        while got:
            title = "Moderator" if m.group("moderated") else "Convener" if m.group("convened") else \
                "Coordinator" if m.group("coordinated") else "Co-Chair" if co else "Chair"
            group = _group_chaired(ref, text, m.start(), start) if title in ("Chair", "Co-Chair", "Convener") else None
            if m.group("convened") and (group is None or group.kind != "RapporteurGroup"):
                break  # ', convened by Ms A' of a rapporteur group only ('the meeting, convened by ITU', 'a side event
                # with SG13, convened by Mr B' name no one's post)
            if m.group("led"):
                if group is None:
                    break  # ', led by Ms A' of a group only (not 'a delegation, led by')
                if group.kind in ("Question", "RapporteurGroup") and group.notation and "/" in group.notation:
                    title = "Co-Rapporteur" if co else "Rapporteur"  # a Question's group is led by its Rapporteur
            if group is not None:  # 'Working Party 1/TSAG, chaired by Ms A': the Chair of WP1/TSAG
                post = _post_of_group(ref, text, title, group, m.start(), m.end())
            else:
                known = ref.lookup(title, {"Post"})
                post = Ref("Post", known.label if known else title, Span.of(text, m.start(), m.end()),
                           known.iri if known else None)
            add(got[3], got[1], got[2], post, got[0])
            # 'co-chaired by Ms A (Acme) and Mr B (Beta)': each name of the pair; 'chaired by Ms A and Mr B' needs
            # the styles that make both names people's
            more = _AND_NEXT_NAME.match(text, got[2], end)
            nxt = name_at(more.end(), True) if more else None
            own_post = re.match(r",[ \t]*([^;()\n]{2,120}?)[ \t]*(?:[.;:](?:\s|$)|\n|$)", text[nxt[2]:end]) if nxt else None
            # (', consented ...': the apposition 'X, co-led by A and B,' ends before its subject's verb)
            if nxt and not re.match(rf"(?:[ \t]*{_BRACKET})?[ \t]*(?:[.;:]|\n|$|,[ \t]+(?:who\b|respectively\b|"
                                    r"(?!(?:and|but|who|which)\b)[a-z]+ed\b))", text[nxt[2]:end]) and not (own_post and starts_with_title(own_post.group(1))
                                                               and not re.search(r"\b[a-z]+ed\b", own_post.group(1))):
                # ('..., and Ms B, Vice President of X.': her post, to the sentence's end)
                nxt = None  # 'chaired by Ms A (Acme) and Mr B (Beta) gave the keynote', '..., and Ms B, Deputy Director
                # of TSB, delivered ...': B is the subject of another verb
            # a style on the first name asks one of the second ('co-chaired by Mr A and Siemens Energy' names no one)
            got = nxt if nxt and ((co and (nxt[0] or not got[0])) or (got[0] and nxt[0])) else None
    # 'Mr Kazuhiro Example (NTT Docomo)': an honorific makes a name a person's even without a post
    for m in _STYLES.finditer(text, start, end):
        if m.start() > start and (text[m.start() - 1].isalnum() or text[m.start() - 1] in ".&"):
            continue
        got = name_at(m.start(), True)
        if got:
            hon, s, e, name = got
            known = ref.lookup(name, {"Person"})
            post = _adjacent_post(ref, text, s, e, start, end) if known is None else None
            add(name, s, e, post, hon)
    # "Acme's Jane Roe": the owner is the person's organization (or country)
    for m in _POSSESSIVE.finditer(text, start, end):
        got = name_at(m.end(), False)
        if got and not _TITLE.match(text, m.end(), end):
            a, b = m.span("owner")
            country = _place_ref(ref, text, a, b)
            add(got[3], got[1], got[2], None, got[0], None if country else _org_ref(ref, text, a, b), country)
    # 'Jean-Marie Example of Orange', 'Jane Roe (Ericsson)': a name before a known organization's, no style needed
    for x in ref.find(text, {"Organization"}, start, end):
        link = re.search(r"(?:[ \t]*\(|[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?)\Z", text[max(start, x.start - 12):x.start])
        if link is None or (link.group().strip() == "(" and text[x.end:x.end + 1] not in ",)"):
            continue
        name_end = x.start - len(link.group())
        for cand in re.finditer(rf"(?<![\w.&'’-])(?:[{_UP}]|{_PARTICLES_RUN.pattern}[{_UP}])",
                                text[max(start, name_end - 60):name_end]):
            got = read_name(ref, text, max(start, name_end - 60) + cand.start(), name_end)
            before = re.search(r"(\S+)[ \t]+\Z", text[max(start, got[0] - 30):got[0]]) if got else None
            if got and got[1] == name_end and not (before and before.group(1)[0].isupper()
                                                   and not re.search(r"[.:;,]$", before.group(1))):
                # not the end of a longer capitalised phrase ('Apex Mobile Networks (Ericsson)')
                org = _longer_name(ref, text, x.end, end, x.start) or \
                    Ref("Organization", x.entry.label, Span.of(text, x.start, x.end), x.entry.iri)
                add(got[2], got[0], got[1], None, None, None if "(" in link.group() else org)  # '(Acme, Examplia)' is read whole
                break
    # 'Jane Roe, who chairs SG13, ...': the post a verb gives with its group
    for m in _WHO_HOLDS.finditer(text, start, end):
        found = _name_before(ref, text, m.start("who"), max(start, m.start() - 200), name_at)
        post = _post_by_verb(ref, text, m, end)
        if found and post is not None:
            add(found[3], found[1], found[2], post, found[0])
    for m in _NAME_HOLDS.finditer(text, start, end):
        post = _post_by_verb(ref, text, m, end)
        if post is not None and post.part_of is None and m.group("verb").lower() in ("chair", "co-chair"):
            continue  # 'Ms A will chair the upcoming CTO meeting': a meeting to come, not this one ('will chair FG-X': a group)
        if post is None or post.part_of is None and (
                re.search(r"(?:19|20)\d\d", text[max(start, sentence_at(text, m.start())[0]):m.start()])
                or re.match(r"[^.;\n]{0,60}?\b(?:(?:19|20)\d\d|previous|last|past|next)\b", text[m.end():end])):
            continue  # 'In 2019 Ms A chaired the meeting', 'Mr B chaired the first CTO meeting in 2009': another's chair
        between = re.search(r",[ \t]*(?:(?:the|former|then|now)[ \t]+)?([^,]+),", m.group("gap"))
        if between and (not starts_with_title(between.group(1)) or "chair" not in m.group("verb")
                        or not _THE_MEETING_ITSELF.match(text, m.end(), end)):
            continue  # 'Nordic Star, a start-up, moderated': what comes between the commas is no post ('Ms A, Chief
            # of X, moderated the session': a session's moderator, named with her post, keeps that post alone)
        for c in re.finditer(rf"(?<![\w.&])(?:{_HON_STACK}|[{_UP}])", text[max(start, m.start() - 80):m.start()]):
            got = name_at(max(start, m.start() - 80) + c.start(), False)
            if got and got[2] == m.start() and (got[0] is not None or "(" in m.group("gap") or between):
                # a style, a bracket or a post between commas ('Ulf Example, CTO of Ericsson, chaired'): 'Nordic Star
                # moderated' is no one
                add(got[3], got[1], got[2], post, got[0])
                break
    # 'Ms A (Acme, Examplia) continues as Chairman', 'Mr B remains Vice-Chair of SG5': the post the name keeps
    for ps, pe, post in posts:
        keeps = _KEEPS_POST.search(text, max(start, ps - 110), ps)
        if keeps is None or _plural_title_at(text, ps, end) or not _KEPT_POST_END.match(text, pe, end):
            continue
        for c in re.finditer(rf"(?<![\w.&])(?:{_HON_STACK}|[{_UP}])", text[max(start, keeps.start() - 80):keeps.start()]):
            got = name_at(max(start, keeps.start() - 80) + c.start(), False)
            if got and got[2] == keeps.start() and got[0] is not None:
                add(got[3], got[1], got[2], post, got[0])
                break
    # 'the chairs of the study groups:' over 'Study Group 2: Mr Ali Example (Egypt)' lines: each the Chair of that group
    for intro in _POSTS_BY_GROUP.finditer(text, start, end):
        if re.search(r"(?i)\b(?:conveners?|rapporteurs?|editors?|coordinators?|secretar\w+|liaison)\b", intro.group()):
            continue  # '... chairs of its working parties and the conveners of its rapporteur groups:': two posts, which is whose?
        title = "Vice-Chair" if re.search(r"vice", intro.group("title"), re.I) else "Chair"
        pos = intro.end() + len(text[intro.end():end]) - len(text[intro.end():end].lstrip("\n"))
        while (line := _GROUP_LINE.match(text, pos, end)) is not None:
            from .groups import find_groups  # groups is imported by the extractors after this module
            group = next((g for g in find_groups(ref, text, *line.span("group")) if g.span.start == line.start("group")), None)
            got = name_at(line.start("name"), True)
            if got is not None and re.match(rf"[ \t]*(?:{_BRACKET})?[ \t]*,[ \t]*[A-Za-z]", text[got[2]:line.end()]):
                got = None  # 'SG2: Mr Ali Example, Rapporteur for Question 1/2': the post is written with the name
            if group is not None and got is not None:
                add(got[3], got[1], got[2], _post_of_group(ref, text, title, group, line.start("group")), got[0])
            pos = line.end()
    # 'Ana Costa | CTO | Apex Mobile | Kenya': a table of participants (graph/extract/tables.py)
    for row in rows:
        if "holder" in row.cells:  # 'SG2 | Mr Karim Example | Egypt' under 'Study Group | Chairman | Country'
            got = name_at(row.cells["holder"][0], True)
            if got is None or got[2] > row.cells["holder"][1]:
                continue
            title = text[slice(*row.headings["holder"])]
            group = None
            if "group" in row.cells:
                from .groups import find_groups  # groups is imported by the extractors after this module
                group = next(iter(find_groups(ref, text, *row.cells["group"])), None)
                if group is None:  # 'Working methods | RG-WM | Ms A': the group's title, its acronym in another cell
                    group = next((g for g in find_groups(ref, text, row.start, row.end)
                                  if not row.cells["holder"][0] <= g.span.start < row.cells["holder"][1]), None)
            post = _post_of_group(ref, text, title, group, group.span.start) if group is not None \
                else _post_ref(ref, text, *row.headings["holder"])
            country = _place_ref(ref, text, *row.cells["country"]) if "country" in row.cells else None
            org = _org_ref(ref, text, *row.cells["organization"]) if "organization" in row.cells else None
            add(got[3], got[1], got[2], post, got[0], org, country)
            continue
        if "person" not in row.cells:
            continue
        a, b = row.cells["person"]
        got = name_at(a, True)
        if got is None or got[2] > b:
            continue
        post = _post_ref(ref, text, *row.cells["post"]) if "post" in row.cells and re.search(
            r"[A-Za-z]{2}", text[slice(*row.cells["post"])]) else None
        own = re.compile(r"[ \t]*,[ \t]*(?=[A-Za-z]{2})").match(text, got[2], b) if "post" not in row.cells else None
        if own is not None:  # 'Represented by: Ms A, Chief Technology Officer': the post after the name, in its cell
            post = _post_ref(ref, text, own.end(), b)
        if post is not None and "group" in row.cells:  # 'Ms A | Chairman | SG3 | Nigeria': the Chair of SG3
            from .groups import find_groups  # groups is imported by the extractors after this module
            group = next(iter(find_groups(ref, text, *row.cells["group"])), None)
            if group is not None:
                post = _post_of_group(ref, text, text[slice(*row.cells["post"])], group, group.span.start)
        org = _org_ref(ref, text, *row.cells["organization"]) if "organization" in row.cells else None
        country = _place_ref(ref, text, *row.cells["country"]) if "country" in row.cells else None
        add(got[3], got[1], got[2], post, got[0], org, country, whole_post=True)
    # 'Ana Example        Apex Mobile (Kenya) - Rapporteur Q8/17': a list in columns with no heading row, a person's
    # name first, then the body they came from, its country in brackets (or a third column) and their post after a dash
    for columns in column_rows(text, start, end):
        got = name_at(columns.cells[0][0], True)
        read = column_entry(ref, text, columns) if got is not None and got[2] >= columns.cells[0][1] else None
        if read is not None:
            held_at, country, post_at = read
            add(got[3], got[1], got[2], _post_ref(ref, text, *post_at) if post_at else None, got[0],
                _org_ref(ref, text, *held_at), country)
    # 'Diego Example (CTO, Pampa Redes, Argentina)' in prose: a name with no style before it, its post, body and
    # country in brackets after it (the post in first place says it is a person's)
    for bracket in _POST_IN_BRACKETS.finditer(text, start, end):
        inside = bracket.start("inside")
        parts = [(inside + x, inside + y) for x, y in comma_parts(bracket.group("inside"))]
        if not 2 <= len(parts) <= 3 or not starts_with_title(clean(text[slice(*parts[0])])):
            continue
        country = _place_ref(ref, text, *parts[2]) if len(parts) == 3 else None
        if len(parts) == 3 and country is None:
            continue
        before = _NAME_BEFORE_BRACKET.search(text, max(start, bracket.start() - 80), bracket.start())
        got = name_at(before.start(1), True) if before else None
        if got is None or before is None or got[2] != before.end(1) or looks_like_organization(got[3]) \
                or ref.lookup(got[3], {"Organization"}) is not None:
            continue
        add(got[3], got[1], got[2], _post_ref(ref, text, *parts[0]), got[0], _org_ref(ref, text, *parts[1]), country)
    # 'Van der Berg Pieter (Examplenet)', 'de la Cruz Maria (Qux Co., Ltd.)' as items of a list: a name, family name
    # first or not, with an organization in brackets the reference data may not know
    # 'Priya Example of Tanjong Digital (Malaysia) made the case ...': a bare name, the body, its country in brackets
    for m in _NAME_OF_BODY.finditer(text, start, end):
        got = _bare_name(ref, text, *m.span("x"))
        country = _place_ref(ref, text, *m.span("c")) if got else None
        org = _org_ref(ref, text, *m.span("y")) if country is not None and country.kind == "Country" else None
        if got is not None and org is not None:
            add(got[2], got[0], got[1], None, None, org, country)
    for m in _LISTED.finditer(text, start, end):
        got = listed_person(ref, text, m.start("x"), m.end("x"), m.start("y"), m.end("y"))
        if got is not None:
            add(got[2], got[0], got[1], None, None)
    # 'Yamada Haruto, Toshiba Corporation, Japan (Chair)' as a line of a list: a name without a style, then where from
    for entry in _comma_entries(ref, text, start, end):
        s, e, name = entry.name
        add(name, s, e, _post_ref(ref, text, *entry.post) if entry.post else None, None,
            _org_ref(ref, text, *entry.body), entry.country)
    # 'Yours faithfully, / (signed) / Jane Example / Director of the Telecommunication / Standardization Bureau': who
    # signed a letter or a circular, with the post written under the name
    for m in _SIGNATURE.finditer(text, start, end):
        hon, signer_at = _styles_at(text, m.start("name"), m.end("name"))
        got = read_name(ref, text, signer_at, m.end("name"), True)
        if got is None or got[1] < len(text[:m.end("name")].rstrip()):
            continue
        if is_post_title(m.group("post").split("\n")[0]):
            add(got[2], got[0], got[1], _post_ref(ref, text, *m.span("post")), hon)
            continue
        # 'Jane Example / Head of Standards | Apex Mobile', '... / Chief Technology Officer, Apex Mobile': the post, then
        # the body it is held in
        first = m.start("post") + len(m.group("post").split("\n")[0])
        cut = re.search(r"[ \t]*(?:\||,)[ \t]*", text[m.start("post"):first])
        if cut and is_post_title(text[m.start("post"):m.start("post") + cut.start()]):
            body_text = text[m.start("post") + cut.end():first].strip()
            # (the body only when it names one: 'Counsellor, CTO and Industry Engagement' goes on with the post's unit)
            org = _org_ref(ref, text, m.start("post") + cut.end(), first) if looks_like_organization(body_text) or \
                ref.lookup(body_text, {"Organization"}) is not None else None
            add(got[2], got[0], got[1], _post_ref(ref, text, m.start("post"), m.start("post") + cut.start()), hon, org)
    _resolve_short_mentions(ref, text, start, end, people)
    _posts_under_a_group_heading(ref, text, start, people)
    _delegation_heads(ref, text, start, people)
    _country_then_name(ref, text, end, people)
    _body_above(ref, text, people)
    people.sort(key=lambda p: p.span.start)
    return people


#: the close of a letter, the signatory's name on a line and the post on the one or two under it
_SIGNATURE = re.compile(r"(?im)^[ \t]*(?:yours[ \t]+(?:faithfully|sincerely|truly)|(?:(?:with[ \t]+)?(?:best|kind|warm)[ \t]+)?"
                        r"regards|sincerely|best[ \t]+wishes|respectfully)[ \t]*,?[ \t]*\n(?:[ \t]*(?:[(\[]signed[)\]])?[ \t]*\n)*"
                        r"[ \t]*(?P<name>[^\n]{3,60}?)[ \t]*\n[ \t]*(?P<post>[A-Z][^\n]{2,80}(?:\n[ \t]*[A-Z][^\n]{2,60})?)[ \t]*$")
#: a body and its country in brackets on a line of its own (or wrapped over two), over a line that opens with a
#: person's style: an entry of a participants annex ('Kestrel Semiconductors Inc. (United States)' / 'Ms Ana ROE, CTO')
BODY_OVER_PERSON = re.compile(r"(?m)^[ \t]*(?P<body>[A-Z][^\n()]{1,80}?(?:\n[ \t]*[^\n()]{1,60}?)?)[ \t]*"
                              r"\((?P<country>[^()\n]{2,40}(?:\n[ \t]*[^()\n]{1,30})?)\)[ \t]*\n[ \t]*(?=\S)")


#: a body and its country in brackets opening the line of a person's entry, then a dash: 'Jangsu Networks (Republic of
#: Korea) — Seo Yeon-woo, Executive Vice President'
BODY_BEFORE_PERSON = re.compile(r"(?m)^[ \t]*(?:[-•*·▪][ \t]*)?(?P<body>[A-Z][^\n()]{1,80}?(?:[ \t]*\([^()\n]{1,15}\))?)[ \t]*"
                                r"\((?P<country>[^()\n]{2,40})\)[ \t]+[–—-][ \t]+(?=\S)")


def column_entry(ref: Reference, text: str, row: ColumnRow
                 ) -> tuple[tuple[int, int], Ref | None, tuple[int, int] | None] | None:
    """The second cell of a line of a list in columns ('Ana Example      Apex Mobile (Kenya) - Rapporteur Q8/17'), as the
    body the person of the first cell came from: the body's words (its acronym in brackets kept), its country (its last
    brackets, or a third column) and the post written after a dash. None when the cell is a post, a body and a country
    between commas ('CTO, Apex Mobile, Kenya'): the entry readers read that."""
    c, d = row.cells[1]
    body, last, post = entry_parts(text, c, d)
    # (a comma before a legal form is the name's: 'Kisaragi Electric Co., Ltd.')
    said = re.sub(r"\([^()]*\)", "", text[slice(*body)])
    if any(ch == "," and not legal_after_comma().match(said, i + 1) for i, ch in enumerate(said)):
        return None
    country = _place_ref(ref, text, *last) if last else None
    if last is not None and country is None:
        body = (c, last[1] + 1)  # 'National Cyber Agency (BSSN)': the body's acronym
    if len(row.cells) == 3 and country is None:
        country = _place_ref(ref, text, *row.cells[2])
        third = re.fullmatch(r"(?P<post>[^()\n]+?)[ \t]*\((?P<country>[^()\n]+)\)[ \t]*", text[slice(*row.cells[2])])
        if country is None and post is None and third is not None and starts_with_title(third.group("post")):
            # 'Takeda Haruki  Aozora Telecom  Executive Officer CTO (Japan)': the post, and the country in brackets
            at = row.cells[2][0]
            post = (at + third.start("post"), at + third.end("post"))
            country = _place_ref(ref, text, at + third.start("country"), at + third.end("country"))
    return body, country, post


def _body_above(ref: Reference, text: str, people: list[PersonMention]) -> None:
    """A person without an affiliation whose entry opens the line under 'Body (Country)' belongs to that body, in
    that country (a participants annex)."""
    from .participants import body_over_person  # participants imports this module

    for i, p in enumerate(people):
        if p.affiliation is not None:
            continue
        line = text.rfind("\n", 0, p.span.start)
        same = BODY_BEFORE_PERSON.match(text, line + 1)
        if same is not None and same.end() <= p.span.start and (starts_with_styles(text[same.end():p.span.start + 1])
                                                                 or same.end() == p.span.start):
            read = body_over_person(ref, text, same)  # 'Jangsu Networks (Korea) — Seo Yeon-woo, ...': on its line
            if read is not None:
                people[i] = dataclasses.replace(p, affiliation=read[0], country=p.country or read[1])
            continue
        if line <= 0:
            continue
        # the entry's body on one line or two after a blank line, else on the line right above the person's
        blank = text.rfind("\n\n", 0, line)
        entry = blank + 2 if blank >= 0 and text.count("\n", blank + 2, line) <= 1 else text.rfind("\n", 0, line) + 1
        m = BODY_OVER_PERSON.match(text, entry)
        if m is None or m.end() > p.span.start or "\n" in text[m.end():p.span.start] \
                or not starts_with_styles(text[m.end():p.span.start + 1]):
            continue
        read = body_over_person(ref, text, m)
        if read is not None:
            people[i] = dataclasses.replace(p, affiliation=read[0], country=p.country or read[1])


#: An item of a list written 'Name (Organization)': at a line's start (after a bullet), or after a list's separator.
_LISTED = re.compile(r"(?m)(?:^[ \t]*(?:[-•*·▪–][ \t]*|\(?\d{1,2}[.)][ \t]*)?|[,;:][ \t]+|[ \t]and[ \t]+|"
                     r"\b(?:included|including|were|are|namely)[ \t]+)"
                     r"(?P<x>[^\W\d_][^\n(),;:]{2,60}?)[ \t]*\((?P<y>[^()\n]{2,100})\)")


#: 'Priya Example of Tanjong Digital (Malaysia)': a name without style or post, 'of' its body, the body's country
_NAME_OF_BODY = re.compile(r"(?<![\w'’.-])(?P<x>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]*){1,3})[ \t]+of[ \t]+"
                           r"(?P<y>[A-Z][^()\n,;]{1,60}?)[ \t]*\([ \t]*(?P<c>[A-Z][^()\n,;]{1,40}?)[ \t]*\)")


def _bare_name(ref: Reference, text: str, xs: int, xe: int, anchored: bool = False) -> tuple[int, int, str] | None:
    """text[xs:xe] as a person's name written with no post before it (start, end, name as read): the whole of it read
    as a name, and no word of it an organization's or a place's. `anchored`: a style came before it."""
    x = clean(text[xs:xe])
    got = read_name(ref, text, xs, xe, anchored=anchored or _FAMILY_NAME_FIRST.fullmatch(x) is not None)
    if got is None or (got[0], got[1]) != (xs, xe) or not 2 <= len(x.split()) <= 4:
        return None
    if ref.lookup(x, {"Organization"}) is not None or ref.lookup(x, ref.place_kinds) is not None or \
            looks_like_organization(x) or gazetteer(ref).lookup(x):
        return None
    words = organization_words()
    if any(w in words.get(kind, ()) for kind in ("head", "lead", "legal", "unit", "generic") for w in x.split()) or \
            any(ref.lookup(w, ref.place_kinds) is not None for w in x.split()):
        return None
    return got


#: 'The CRA delegation was headed by Eng. A', 'Examplia's delegation, led by Mr B': the body the delegation was of
_DELEGATION_OF = re.compile(r"(?:\b[Tt]he[ \t]+)?(?P<org>[A-Z][\w&-]*(?:\.[\w&-]+)*(?:[ \t]+(?:of|and|for|[A-Z][\w&-]*"
                            r"(?:\.[\w&-]+)*)){0,6}?)(?:(?:['’]s)?[ \t]+delegation(?:[ \t]+(?:to|at)[ \t]+[^,;.\n]{1,40}?)?[ \t]*,?[ \t]+"
                            r"(?:was[ \t]+)?(?:headed|led)|"
                            # 'Kenya was represented at the meeting by Eng. A'
                            r"[ \t]+was[ \t]+(?:also[ \t]+)?represented(?:[ \t]+(?:at|in)[ \t]+[^,.;\n]{1,60}?)?)"
                            r"[ \t]+by[ \t]+\S*(?:[ \t]+\S+){0,2}?[ \t]*$")


#: the posts a group has: 'Chairman', 'Vice-chairmen', 'Rapporteurs', 'Convener'
_GROUP_POST = re.compile(r"(?i)(?:(?:vice|co|deputy)[- ]?)?(?:chair(?:m[ae]n|persons?|s)?|rapporteurs?|associate rapporteurs?|"
                         r"conven[eo]rs?|secretar(?:y|ies)|editors?)")
#: a field line that gives a post: 'Chairman: Mr A (Egypt)', 'Vice-chairmen: Mr B (X), Ms C (Y)'
_POST_FIELD = re.compile(r"[ \t]*(?:[-•*][ \t]*)?(?P<title>[A-Za-z][\w -]{1,40}?)[ \t]*:")


def _posts_under_a_group_heading(ref: Reference, text: str, start: int, people: list[PersonMention]) -> None:
    """'Study Group 2 (Operational aspects)' over 'Chairman: Mr A (Egypt)': a post given by a field line of a block
    whose heading line names one ITU-T group is that group's post."""
    from .groups import find_groups  # groups is imported by the extractors after this module

    for i, p in enumerate(people):
        if p.post is None or p.post.part_of is not None or p.post.iri is not None and " of " in p.post.label:
            continue
        line = text.rfind("\n", 0, p.span.start) + 1
        field = _POST_FIELD.match(text, line, p.span.start)
        if field is None or not _GROUP_POST.fullmatch(field.group("title").strip()):
            continue  # 'Director:', 'Minister:' under a group's heading are no posts of the group
        block = text.rfind("\n\n", start, line)
        if block < 0:
            continue
        head_start = block + 2
        head_end = line_end(text, head_start)
        heading = text[head_start:head_end].strip()
        if not heading or len(heading) > 120 or heading.endswith((".", ":", ";")):
            continue
        groups = find_groups(ref, text, head_start, head_end)
        if len({g.iri for g in groups}) == 1 and not text[head_start:groups[0].span.start].strip() and \
                re.fullmatch(r"\s*(?:\([^()\n]*\))?\s*", text[groups[0].span.end:head_end]):
            post = _post_of_group(ref, text, p.post.label, groups[0], groups[0].span.start)
            people[i] = dataclasses.replace(p, post=dataclasses.replace(post, span=p.post.span))


def _delegation_heads(ref: Reference, text: str, start: int, people: list[PersonMention]) -> None:
    """Who headed a body's delegation is of that body: 'The CRA delegation was headed by Eng. Ahmad Example' gives
    him the CRA as affiliation (a country's delegation gives its country)."""
    from .participants import organization_ref  # participants imports this module

    for i, p in enumerate(people):
        if p.country is not None:
            continue
        lo = max(start, p.span.start - 160)
        m = _DELEGATION_OF.search(text, lo, p.span.start)
        if m is None:
            continue
        name = clean(m.group("org"))
        entry = ref.lookup(name, {"Country"})  # "Japan's delegation"
        demonym = demonym_before(ref, text, m.end("org") + 1, m.start("org"))  # 'The Kenyan delegation'
        country = Ref("Country", entry.label, Span.of(text, *m.span("org")), entry.iri) if entry is not None \
            else demonym[0] if demonym is not None else None
        if country is not None:
            people[i] = dataclasses.replace(p, country=country)
            continue
        if p.affiliation is not None:
            continue
        known = ref.lookup(name, {"Organization"})  # 'CRA' after 'Communications Regulatory Authority (CRA)' too
        org = Ref("Organization", known.label, Span.of(text, *m.span("org")), known.iri) if known is not None \
            else organization_ref(ref, text, *m.span("org")) if looks_like_organization(name) else None
        if org is not None:
            people[i] = dataclasses.replace(p, affiliation=org)


#: a list line's country before its person: 'Argentina – Ms Valeria Example, ENACOM', 'Japan: Mr A (NTT)'
_COUNTRY_THEN = re.compile(rf"[ \t]*(?:[-•*·▪][ \t]*)?(?P<country>[A-Z][^\n–—:,()]{{1,40}}?)[ \t]*(?:[–—:]|[ \t]-)[ \t]*"
                           rf"(?:{_HON_STACK})?")


def _country_then_name(ref: Reference, text: str, end: int, people: list[PersonMention]) -> None:
    """A person listed after their country on a line of its own ('Argentina – Ms Valeria Example, ENACOM') is of that
    country, and of the body after the name."""
    for i, p in enumerate(people):
        if p.country is not None:
            continue
        line_start = text.rfind("\n", 0, p.span.start) + 1
        m = _COUNTRY_THEN.fullmatch(text, line_start, p.span.start)
        country = _place_ref(ref, text, *m.span("country")) if m else None
        if country is None or country.kind != "Country":
            continue
        body = p.affiliation or _affiliation_after(ref, text, p.span.end, min(end, line_end(text, p.span.end)))[0]
        acronym = re.compile(r"[ \t]*,[ \t]*([A-Z][A-Za-z]*[A-Z][A-Za-z&-]{0,10})[ \t]*[.;]?[ \t]*$").match(
            text, p.span.end, min(end, line_end(text, p.span.end))) if body is None else None
        if acronym and not is_post_title(acronym.group(1)) and not _EXECUTIVE.fullmatch(acronym.group(1)):
            # '..., ENACOM': the body by its acronym, on the person's own line (not '..., CEO')
            body = _org_ref(ref, text, *acronym.span(1))
        people[i] = dataclasses.replace(p, country=country, affiliation=body)


def spells(acronym: str, name: str) -> bool:
    """'FTEL' spells 'Fundación de Telecomunicaciones': an acronym in capitals whose first letter opens the name and
    whose letters all come in the name's order."""
    letters = re.sub(r"[^A-Za-z]", "", acronym)
    if not letters or not letters.isupper() or len(letters) < 2 or fold(name)[:1] != letters[0].lower():
        return False
    rest = fold(name)
    for c in letters.lower():
        i = rest.find(c)
        if i < 0:
            return False
        rest = rest[i + 1:]
    return True


def listed_person(ref: Reference, text: str, xs: int, xe: int, ys: int, ye: int) -> tuple[int, int, str] | None:
    """'Van der Berg Pieter (Examplenet)': text[xs:xe] a person's name, text[ys:ye] (in the brackets) the
    organization; the name (start, end, as read) or None. Not 'Apex Mobile (France)' (a country in brackets), not
    'Example Telecom (ETEL)' nor 'BlackBerry (Research In Motion)' (another name of the same organization), not
    'Acme Inc (Acme)' (a legal form or an organization's head noun)."""
    style, xs = _styles_at(text, xs, xe)  # 'Ms Ana Ruiz (Apex Mobile, Spain)': the style is no part of the name
    x = re.sub(r"\s+", " ", text[xs:xe]).strip()
    # 'KIM Hyung-Joon (KT, Korea)': the family name first, in capitals, is a person's without a style in a list
    got = read_name(ref, text, xs, xe, anchored=_FAMILY_NAME_FIRST.fullmatch(x) is not None)
    if got is None or got[1] != xe or got[0] != xs or ref.lookup(x, {"Organization"}) is not None:
        return None
    words = organization_words()
    if any(w in words.get(kind, ()) for kind in ("head", "lead", "legal", "unit", "generic") for w in x.split()):
        return None
    org = re.split(r",", text[ys:ye])[0].strip()
    if not org or ref.lookup(org, ref.place_kinds) is not None:
        return None
    if style is not None:
        return got  # a styled name is a person's, whatever the brackets' words look like
    if spells(org, x):
        return None  # the name's own acronym: 'Fundación de Telecomunicaciones (FTEL)'
    known = ref.lookup(org, {"Organization"}) or ref.lookup(strip_legal_form(org), {"Organization"})
    acronym = re.fullmatch(r"[A-Z][A-Za-z0-9&-]*[A-Z0-9][A-Za-z0-9&-]*", org) is not None and len(org) <= 10
    particle = any(w in _PARTICLES for w in x.split())  # 'Van der Berg Pieter': only a person's name is so written
    parts = [p.strip() for p in text[ys:ye].split(",")]
    # 'Priya Example (Indus Networks, India)': an organization and the country it is in, after a name
    with_country = len(parts) == 2 and ref.lookup(parts[1], ref.place_kinds) is not None and \
        re.fullmatch(rf"[{_UP}0-9][\w&.'’-]*(?:[ \t]+[\w&.'’-]+){{0,5}}", org) is not None
    if known is None and not acronym and not has_legal_form(org) and not looks_like_organization(org) and \
            not (particle and org[:1].isupper()) and not with_country and not (org[:1].isupper() and _people_listed(text, xs)):
        return None
    return got[0], got[1], got[2]


@dataclasses.dataclass(frozen=True)
class CommaEntry:
    """One person's entry of a list written 'Name, Body, Country' ('Yamada Haruto, Toshiba Corporation, Japan'), with
    a post in brackets at its end ('(Chair)') when there is one."""
    name: tuple[int, int, str]
    body: tuple[int, int]
    country: Ref
    post: tuple[int, int] | None


#: the shape of such an entry, the line's bullet aside: three parts, a post in brackets after the last
_COMMA_ENTRY = re.compile(r"(?P<x>[^\W\d_][^\n(),;:]{2,60}?)[ \t]*,[ \t]*(?P<body>[^\W\d_][^\n(),;:]{1,80}?)[ \t]*,[ \t]*"
                          r"(?P<country>[A-Z][^\n(),;:–—]{1,40}?)(?:[ \t]*\((?P<post>[^()\n]{2,40})\)|"
                          r"[ \t]+[–—-][ \t]+(?P<dashed>[^\n(),;:]{2,40}?))?[ \t]*[.;]?[ \t]*")
#: the same entry with the country in brackets: 'Jane Roe, Safaricom (Kenya)'
_BRACKETED_ENTRY = re.compile(r"(?P<x>[^\W\d_][^\n(),;:]{2,60}?)[ \t]*,[ \t]*(?P<body>[^\W\d_][^\n(),;:]{1,80}?)[ \t]*"
                              r"\([ \t]*(?P<country>[A-Z][^\n(),;:]{1,40}?)[ \t]*\)(?P<post>)"
                              r"(?:[ \t]+[–—-][ \t]+(?P<dashed>[^\n(),;:]{2,40}?))?[ \t]*[.;]?[ \t]*")
_ENTRY_BULLET = re.compile(r"[ \t]*(?:[-•*·▪–][ \t]*|\(?\d{1,2}[.)][ \t]*)?")


def comma_entry(ref: Reference, text: str, a: int, e: int) -> CommaEntry | None:
    """text[a:e] (a line of a list, its bullet aside) as 'Yamada Haruto, Toshiba Corporation, Japan': a person's name
    (a style is not needed: 'Mr Jon Example, ...'), then the body they came from and its country, and a post in
    brackets ('(Chair)'). Not 'Apex Mobile, Nairobi, Kenya' (a town), not 'Nokia Bell Labs, Nokia, Finland' nor
    'Rakuten Symphony, Rakuten, Japan' (a body's unit, sharing its name)."""
    m = _COMMA_ENTRY.fullmatch(text, a, e) or _BRACKETED_ENTRY.fullmatch(text, a, e)
    if m is None:
        return None
    heading, items = _list_lines(text, a)
    if _LIST_OF_BODIES.search(heading):
        return None  # (not 'Jio Platforms, Reliance Industries, India' under 'Participating organizations:')
    if not starts_with_styles(m.group("x")) and not _a_list_of_people(heading, items):
        return None  # an unstyled name is a person's only in a list of people: 'Jio Platforms, Reliance, India' is not
    country = _place_ref(ref, text, *m.span("country"))
    if country is None or country.kind != "Country":
        return None
    style, xs = _styles_at(text, *m.span("x"))  # 'Mr Jon Example, Ericsson, Sweden (Chair)': the style is no part
    x, body = clean(text[xs:m.end("x")]), clean(m.group("body"))
    got = _bare_name(ref, text, xs, m.end("x"), anchored=style is not None)
    if got is None:
        return None
    if (ref.lookup(body, ref.place_kinds) is not None or gazetteer(ref).lookup(body)) and \
            ref.lookup(body, {"Organization"}) is None or is_post_title(body) or \
            fold(body.split()[0]) in {fold(w) for w in x.split()}:  # ('Orange' is a town too, and a known operator)
        return None
    if split_unit(body)[0] or is_field_phrase(body) or starts_with_title(body):
        return None  # 'Airtel Kenya, Technology Office, Kenya': a company in a country, then its unit
    said = "post" if m.group("post") else "dashed"  # '(Chair)', or '– Chairman' after the country
    post = m.span(said) if m.group(said) and is_post_title(clean(m.group(said))) else None
    return CommaEntry(got, m.span("body"), country, post)


def _comma_entries(ref: Reference, text: str, start: int, end: int) -> list[CommaEntry]:
    """The entries 'Name, Body, Country' of text[start:end], one a line: a line with a bullet, or one of two or
    more such lines in a row (a single unmarked line might be a byline or a sentence's start)."""
    lines = []
    pos = start
    while pos < end:
        le = text.find("\n", pos, end)
        le = end if le < 0 else le
        bullet = _ENTRY_BULLET.match(text, pos, le)
        a = bullet.end() if bullet else pos
        b = len(text[:le].rstrip())
        lines.append((comma_entry(ref, text, a, b) if a < b else None, bool(bullet and bullet.group().strip())))
        pos = le + 1
    out = []
    for i, (entry, marked) in enumerate(lines):
        if entry is not None and (marked or any(0 <= j < len(lines) and lines[j][0] is not None for j in (i - 1, i + 1))):
            out.append(entry)
    return out


#: a list's heading that says it lists bodies, not people: 'Participating organizations:'
_LIST_OF_BODIES = re.compile(r"\b(?:organi[sz]ations|companies|operators|entities|institutions|bodies)\b[^\n]*:[ \t]*$",
                             re.IGNORECASE)


def _bullet_of(line: str) -> str:
    """The bullet a line of a list opens with ('-', '•', '1.'), or ''."""
    m = _ENTRY_BULLET.match(line)
    return m.group().strip() if m else ""


def _list_lines(text: str, a: int) -> tuple[str, list[str]]:
    """The heading line over the list whose item is the line at `a`, and the list's lines (no blank line between)."""
    items: list[str] = []
    heading = ""
    pos = text.rfind("\n", 0, a)
    while pos > 0:  # upwards to the heading
        start = text.rfind("\n", 0, pos) + 1
        line = text[start:pos].strip()
        if not line:
            if start > 0:  # a heading ending with a colon, a blank line, then the list
                above = text[text.rfind("\n", 0, start - 1) + 1:start - 1].strip()
                heading = above if above.endswith(":") else ""
            break
        if not (_bullet_of(line) or line.count(",") >= 2):
            heading = line
            break
        items.append(line)
        pos = start - 1
    pos = a
    while pos < len(text):  # downwards from the item
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if not line:
            break
        items.append(line)
        pos = end + 1
    return heading, items


#: a list's heading that says it names people: 'The following executives took part:', 'Speakers:'
_PEOPLE_HEADING = re.compile(r"\b(?:executives|CTOs|CxOs|CEOs|speakers|panell?ists|delegates|experts|representatives|"
                             r"leaders|chairs|people|persons|individuals|moderators)\b", re.IGNORECASE)


def _a_list_of_people(heading: str, items: list[str]) -> bool:
    """Whether a list (its heading line and items: _list_lines) names people: its heading says so, or an item is a
    styled name ('- Mr Ahn Jae-won, ETRI, Republic of Korea' over '- Yamada Haruto, Toshiba Corporation, Japan')."""
    return bool(_PEOPLE_HEADING.search(heading)) or any(
        starts_with_styles(_ENTRY_BULLET.sub("", line, count=1)) or _ends_with_a_post(line) for line in items)


def _ends_with_a_post(line: str) -> bool:
    """'Hany Example, NTRA, Egypt – Chairman', '..., Japan (Vice-Chair)': an entry ending with its holder's post."""
    tail = re.search(r"(?:[ \t]+[–—-][ \t]+([^()\n–—]{2,40}?)|\(([^()\n]{2,40})\))[ \t]*[.;]?[ \t]*$", line)
    return tail is not None and is_post_title(clean(tail.group(1) or tail.group(2)))


#: a family name in capitals before the given names ('KIM Hyung-Joon', 'ZHAO Wei Ming'; with a vowel: not 'SK Hynix')
_FAMILY_NAME_FIRST = re.compile(rf"(?=[{_UP}]*[AEIOUY])[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?(?: [{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?){{1,2}}")


#: words that say a list names people: 'CTOs including A (X), B (Y)', 'speakers: A (X)', 'executives such as'
_PEOPLE_LIST_CUE = re.compile(r"\b(?:CTOs|CxOs|CEOs|executives|speakers|panell?ists|moderators|keynote\s+speakers|"
                              r"representatives|leaders|delegates|experts)\b(?:[ \t]+[\w-]+){0,3}?[ \t]*(?:\([^()]*\)[ \t]*)?"
                              r"(?:including|included|such[ \t]+as|like|were|are|:)", re.IGNORECASE)


def _people_listed(text: str, xs: int) -> bool:
    """Whether the list the name at xs is an item of is a list of people ('CTOs including A (Apex Mobile), ...'):
    then 'A (Apex Mobile)' is a person with their organization whatever the organization's name looks like."""
    line_start = text.rfind("\n", 0, xs) + 1
    sentence_start = max(line_start, max(text.rfind(". ", line_start, xs), line_start - 1) + 1)
    return _PEOPLE_LIST_CUE.search(text, sentence_start, xs) is not None


#: 'served as', 'acts as', 'took over as': a verb that gives its subject the post after it
_SERVED_AS = r"(?:(?:also\s+)?(?:served|serves|acted|acts|will\s+(?:serve|act))|took\s+over|takes\s+over)\s+as"
#: between a name and its post: 'Jane Roe, the Director ...', 'Ms Ana PEREIRA (Acme, France), Chair', 'Jane Roe
#: (Examplia) was elected as Vice-Chair', 'Ali Sample was appointed Rapporteur', 'Mr A of Japan, Chair of SG13'
_NAME_THEN_POST = re.compile(rf"(?:{_OF_BODY})?(?:[ \t]*{_BRACKET})?(?:\s*,?\s+(?:who\s+)?(?:was|is|were|are|has\s+been|have\s+been|had\s+been)\s+"
                             r"(?:re-?)?(?:elected|appointed|named|designated|nominated|confirmed)\s+(?:as\s+)?|"
                             # 'Mr A, who is also vice-chairman of ITU-T Study Group 3, ...'
                             r"\s*,\s*who\s+(?:is|was|has\s+been)\s+(?:also\s+|currently\s+|now\s+)?|"
                             rf"\s*,\s*|[ \t]+[–—-][ \t]+|\s+{_SERVED_AS}\s+|(?<=\))[ \t]+|"
                             # 'Jane Roe     Director, Apex': a table's columns, set apart by a run of spaces or a tab
                             r"(?: {2,}|[ \t]*\t[ \t]*))(?:the\s+|its\s+|a\s+|an\s+|new\s+|newly\s+(?:appointed|elected)\s+)*"
                             # 'who was appointed as the new Com-ITU Vice-Chairman': the body's acronym before the title
                             r"(?:(?<=\s)[A-Z][a-z]*-?[A-Z]{2,}[\w/-]*\s+)?")


#: between a post and a second one its holder takes: 'Jane Roe, Vice-Chair of SG13, was elected Chair of SG11'
_THEN_POST = re.compile(r"(?:[ \t]+(?:of|at|in)[ \t]+[^,;.()\n]{1,60}?)?"  # ('head of our Optical Networks Laboratory, has been')
                        r"[ \t]*,?[ \t]*(?:who[ \t]+)?(?:was|is|has[ \t]+been|had[ \t]+been)[ \t]+(?:re-?)?"
                        r"(?:elected|appointed|named|designated|nominated|confirmed)[ \t]+(?:as[ \t]+)?"
                        r"(?:(?:the|its|a|an|new)[ \t]+)*")


#: 'Research', 'Technical', 'Network Planning': capitalised words between a name's comma and a post's title.
_FIELD_BEFORE_TITLE = re.compile(r"(?<=,[ \t])((?:[A-Z][a-z]+[ \t]+){1,2})\Z")
_NOT_FIELD = {"The", "Its", "His", "Her", "Their", "Our", "Former", "Then", "Now", "Also"}


def _holder_before(ref: Reference, text: str, ps: int, start: int, name_at):
    """The name written before the post at `ps`; when words for the post's field come between them ('Anne Roe,
    Research Director'), where the post so starts; and the post's owner written between them ("Erik Roe,
    Ericsson's Group CTO"), a match of _OWNER_BEFORE, or None."""
    found = _name_before(ref, text, ps, max(start, ps - 120), name_at)
    if found:
        return found, None, None
    field = _FIELD_BEFORE_TITLE.search(text, max(start, ps - 40), ps)
    if field and field.group(1).split()[0] not in _NOT_FIELD:
        found = _name_before(ref, text, field.start(1), max(start, ps - 160), name_at)
        if found:
            return found, field.start(1), None
    owner = _owner_before(text, ps, start)
    if owner and re.search(r",[ \t]*\Z", text[max(start, owner.start() - 3):owner.start()]):
        found = _name_before(ref, text, owner.start(), max(start, owner.start() - 120), name_at)
        if found:
            return found, owner.start("mods"), owner
    return None, None, None


#: "Kenya's ICT Cabinet Secretary", "Ericsson's Group CTO": a country or a body owning the post written after it,
#: and up to two words of the post before its title
_OWNER_BEFORE = re.compile(r"(?<![\w.'’])(?:(?-i:The)[ \t]+)?(?P<owner>[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3})['’]s[ \t]+"
                           r"(?P<mods>(?:[A-Z][\w&-]*[ \t]+){0,2})\Z")


def _owner_before(text: str, ps: int, start: int) -> re.Match | None:
    """The owner written right before the post at ps ("Tunisia's Minister", "Acme's Group CTO"), or None."""
    owner = _OWNER_BEFORE.search(text, max(start, ps - 80), ps)
    if owner is None or re.fullmatch(r"(?:The|This|That|Its|His|Her|Their|Our|Today|Tonight|Yesterday|Tomorrow|Last|Next|"
                                     r"Week|Year)\b.*", owner.group("owner")) or starts_with_styles(owner.group("owner")) \
            or is_calendar_word(owner.group("owner").split()[0]):  # (weekdays and months are calendar words)
        return None  # "Today's Chair", "Tuesday's Session Chair", "Mr Poe's Deputy": no body owns the post
    return owner


def _owned_post(ref: Reference, text: str, owner: re.Match, pe: int, post: Ref):
    """(organization, country, post) of a post written after its owner: "Tunisia's Minister for ..." is Tunisia's,
    "Acme's Group CTO" Acme's and reads 'Group CTO', "Kenya's Communications Authority Director" is of that
    authority, in Kenya."""
    from .organizations import looks_like_organization
    from .participants import region_names  # participants imports this module
    a, b = owner.span("owner")
    named = clean(text[a:b])
    place = _place_ref(ref, text, a, b)
    # a place or a region owns posts without being a body ("Geneva's Mayor", "Europe's Digital Commissioner"); a
    # body the data knows is one ("Orange's Africa CEO": the operator, not the town)
    where = ref.lookup(named, {"Organization"}) is None and (
        place is not None or ref.lookup(named, ref.place_kinds) is not None or bool(gazetteer(ref).lookup(named))
        or named in region_names() or named in continent_names())
    country = place if where and place is not None and place.kind == "Country" else None
    org = None if where else _org_ref(ref, text, a, b)
    ms, me = owner.span("mods")
    if ms < me:
        body = next((x for x in ref.find(text, {"Organization"}, ms, me) if x.start == ms
                     and not text[x.end:me].strip()), None)
        mods = clean(text[ms:me])
        if body is not None and country is not None:
            org = Ref("Organization", body.entry.label, Span.of(text, body.start, body.end), body.entry.iri)
        elif body is None and country is not None and looks_like_organization(mods):
            org = Ref("Organization", mods, Span.of(text, ms, ms + len(text[ms:me].rstrip())))  # "Kenya's Acme Networks CEO"
        elif body is None:
            post = _post_ref(ref, text, ms, pe)
    if org is not None and org.iri is not None and ref.part_of_itu(org.iri):
        org = None  # "the ITU's Secretary-General": the post's own body, no affiliation
    return org, country, post


def _name_before(ref: Reference, text: str, ps: int, lo: int, name_at):
    """The name written just before a post: 'Jane Roe, the Director of ...', 'Ms Ana PEREIRA (Acme, France), Chair'."""
    for m in re.finditer(rf"(?<![\w.&])(?:{_HON_STACK}|[{_UP}])", text[lo:ps]):
        got = name_at(lo + m.start(), False)
        if got and _NAME_THEN_POST.fullmatch(text[got[2]:ps]):
            before = re.search(r"[A-Z][\w-]*[ \t]+\Z", text[max(lo, got[1] - 30):got[1]])
            if got[0] is None and before and ref.lookup(clean(text[got[1] - len(before.group()):got[2]]),
                                                        ref.place_kinds) is not None:
                continue  # '..., United Arab Emirates – Vice-Chairman': the end of a country's name, no one's
            return got
    return None


def _list_before(text: str, first_start: int, start: int, post: Ref, add, name_at) -> None:
    """'A (Japan) and B (France), TSAG Vice-Chairs': every name of the list before a plural post holds it."""
    pos = first_start
    while True:
        style = re.search(rf"(?:{_HON_STACK})\Z", text[max(start, pos - 40):pos])  # 'Mr. ' before the name
        pos -= len(style.group()) if style else 0
        sep = re.search(r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)\Z", text[max(start, pos - 12):pos])
        if sep is None:
            return
        name_end = pos - len(sep.group())
        if text[name_end - 1:name_end] == ")":  # '(Japan)': the affiliation after the name
            opening = text.rfind("(", max(start, name_end - 100), name_end)
            if opening < 0:
                return
            name_end = len(text[:opening].rstrip())
        got = next((g for m in re.finditer(rf"(?<![\w.&])(?:{_HON_STACK}|[{_UP}])", text[max(start, name_end - 80):name_end])
                    if (g := name_at(max(start, name_end - 80) + m.start(), False)) and g[2] == name_end), None)
        if got is None:
            return
        hon, s, e, name = got
        add(name, s, e, post, hon)
        pos = s


def _list_after(ref: Reference, text: str, first: PersonMention, end: int, add, name_at) -> None:
    """'vice-chairmen A of X, B of Y and C of Z': every name of the list holds the post."""
    pos = first.span.end
    while True:
        _, _, pos = _affiliation_after(ref, text, pos, end)
        m = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)").match(text, pos, end)
        if not m:
            return
        got = name_at(m.end(), True)
        if not got:
            return
        hon, s, e, name = got
        if not add(name, s, e, first.post, hon):
            return
        pos = e


def _body_before_title(ref: Reference, text: str, ps: int, pe: int) -> tuple[Ref, int] | None:
    """A known organization written at the start of the post text[ps:pe], before its title ('KT Chief Technology
    Officer', 'Telecom Italia Head of Standards'): the organization and where the title starts."""
    x = next((x for x in ref.find(text, {"Organization"}, ps, pe) if x.start == ps and x.end < pe
              and text[x.end:x.end + 1] in " \t" and _TITLE.match(text, x.end + 1, pe)), None)
    if x is None:
        return None
    return Ref("Organization", x.entry.label, Span.of(text, x.start, x.end), x.entry.iri), x.end + 1


def _title_after_body(ref: Reference, text: str, body: tuple[Ref, int], pe: int, post: Ref) -> Ref:
    """The post 'KT Chief Technology Officer' names once its body is read apart: the title after the body, unless
    that title alone is another body's post ('APT Secretary General' is not the ITU's 'Secretary General')."""
    title = _post_ref(ref, text, body[1], pe)
    if title.iri is not None and title.iri != post.iri and _generic_post(ref, title.label) is None \
            and not (body[0].iri is not None and ref.part_of_itu(body[0].iri)):
        return post
    return title


def _plural_title_at(text: str, ps: int, end: int) -> bool:
    """Whether the post written at ps has a plural title ('Chief Technology Officers', 'Vice-Chairs'), read past the
    singular a post may have been found by ('Officer' of 'Officers')."""
    t = _TITLE.match(text, ps, end)
    return bool(t and _PLURAL.search(t.group("title")))


def _its_subject(ref: Reference, text: str, ps: int, start: int) -> Ref | None:
    """The organization 'its' before a post stands for: the known one that opens the sentence and says or announces
    ('Acme Networks, Inc. today announced that its CTO, ...'); None otherwise."""
    if not re.search(r"\bits[ \t]+\Z", text[max(start, ps - 5):ps]):
        return None
    s, _ = sentence_at(text, ps)
    s = max(s, start)
    x = next((x for x in ref.find(text, {"Organization"}, s, ps) if re.fullmatch(r"\s*(?:The\s+)?", text[s:x.start])), None)
    if x is not None and re.match(r"[^.;\n]{0,40}?\b(?:(?:today|also)\s+)?(?:announced|said|reported|confirmed|stated)\s+"
                                  r"(?:today\s+)?that\s+its[ \t]+\Z", text[x.end:ps]):
        return Ref("Organization", x.entry.label, Span.of(text, x.start, x.end), x.entry.iri)
    # a company the data does not know, as a press release names itself: 'Acme Networks, Inc. today announced that its'
    said = _ANNOUNCES_ITS.search(text, s, ps)
    if said is None or said.end() != ps or re.match(r"(?:The|This|It|He|She|They|We|Our)\b", said.group("org")) \
            or _TITLE.search(said.group("org")):
        return None  # 'The Minister said that its Director ...': a person or a pronoun, no company
    return _org_ref(ref, text, *said.span("org"))


#: a company, as a press release names itself, announcing something of its own: 'Acme Networks, Inc. today announced
#: that its'
_ANNOUNCES_ITS = re.compile(r"(?<![\w.])(?P<org>[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,4}(?:,?[ \t]+(?:Inc|Ltd|LLC|Corp|Co|"
                            r"AG|SA|plc|GmbH|Limited|Corporation)\.?)?)[ \t]+(?:today[ \t]+|also[ \t]+)?(?:announced|said|"
                            r"reported|confirmed|stated)[ \t]+(?:today[ \t]+)?that[ \t]+its[ \t]+")


def _adjacent_post(ref: Reference, text: str, s: int, e: int, start: int, end: int) -> Ref | None:
    """The post written right after a person's name, else the one right before it: in 'Ms A, Chair, Mr B,
    Vice-Chair' B is the Vice-Chair; a post after a comma and before one ('A, Chair, Mr B') is A's, not B's."""
    before = None
    for ps, pe, post in _posts(ref, text, max(start, s - 90), min(end, e + 120)):
        between = text[pe:s] if pe <= s else text[e:ps]
        if not re.fullmatch(r"\s*(?:,\s*)?(?:the\s+)?(?:" + _HONORIFIC + r"\s+)?", between):
            continue
        if pe > s:
            if _plural_title_at(text, ps, end):
                continue  # 'Chaesub Lee, Chief Technology Officers from 21 companies met': a plural is not his post
            return post
        if not ("," in between and re.search(r",[ \t]*\Z", text[max(start, ps - 3):ps])):
            before = post
    return before


def _resolve_short_mentions(ref: Reference, text: str, start: int, end: int, people: list[PersonMention]) -> None:
    """'Secretary-General Zhao' names the person already seen (or known) with that post and surname."""
    for _, pe, post in _posts(ref, text, start, end):
        m = re.compile(rf"\s+([A-Z][{_LOW}]+(?:-[A-Z][{_LOW}]+)?)\b(?!\s+[A-Z][a-z])").match(text, pe, end)
        if not m:
            continue
        surname = m.group(1)
        span = Span.of(text, m.start(1), m.end(1))
        if any(p.span.start <= span.start < p.span.end for p in people):
            continue  # part of a full name already read
        earlier = next((p for p in people if p.name.split()[-1] == surname), None)
        if earlier is not None:
            people.append(PersonMention(earlier.name, span, post, None, earlier.iri))
        elif post.iri:
            for iri in ref.holders_of(post.iri):
                if ref.labels[iri].split()[-1] == surname:
                    people.append(PersonMention(ref.labels[iri], span, post, None, iri))
                    break


def person_key(p: PersonMention) -> str:
    """Identity of a person across mentions and documents: the reference IRI or a slug of the name."""
    return p.iri or slugify(p.name)
