"""Agenda-item topics: what a report says was discussed, in its own words.

A report names its agenda items after a verb or noun that introduces them ('the meeting discussed X, Y and
Z', 'to address X as well as Y', 'a panel on X', 'the following issues were considered:' over a list). Each
coordinated item becomes a topic phrase, trimmed to its subject: no determiner, no opening 'report on' or
'updates on', no closing clause ('which ...', 'in order to ...') or place ('on the continent'). Coordinated
modifiers stay together ('economic, regulatory and policy trends'), a name coordinated inside a phrase stays
in it ('results of the study groups and TSAG'), a name spelt out before its acronym is written as the acronym.
An item is kept when it is a short noun phrase (two words or more, at most eight content words) that is no
name, no date and no mention of the people present, and that the vocabulary does not already name (its topic
is linked instead). Every cue is data: ontology/reference/agenda-cues.csv.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib import URIRef
from rdflib.namespace import SKOS

from ..facts import Span
from ..reference import Reference, fold
from ..resources import reference_dir
from .people import honorific_words
from .text import sentences

_WORD = re.compile(r"[\w’'][\w’'./-]*[\w’']|\w")
_FUNCTION = frozenset("a an the of on for and or in to at by with from as into about via its their our this these "
                      "those".split())
_MONTHS = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                     r"December)\b")
_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[a-z][.)]|[•·▪○●◦*–-])[ \t]+(?=\S)")
#: a name spelt out before its acronym in brackets: the acronym stands for both
_NAME_ACRONYM = re.compile(r"(?:[A-Z][\w’'-]*\s+(?:(?:of|for|on|and|the|in|de|des|du)\s+)*)*[A-Z][\w’'-]*\s*"
                           r"\(\s*([A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*)\s*\)")
#: a word that describes rather than names: it may be coordinated with another one before a shared noun
_ADJECTIVE = re.compile(r"[a-z-]+(?:ic|al|ive|ous|ary|ory|ful|less|ible|able|ian|ese|ing|ed)$")
_STRICT_ADJECTIVE = re.compile(r"[a-z-]+(?:ic|al|ive|ous|ary|ory|ible|able)$")
#: nouns with an adjective's ending
_NOT_ADJECTIVES = frozenset("proposal proposals approval approvals terminal terminals signal signals portal portals "
                            "potential material materials journal capital arrival renewal removal tutorial manual "
                            "interval rival criminal official officials professional professionals individual "
                            "individuals critic topic logic music public traffic graphic republic clinic "
                            "objective objectives initiative initiatives executive executives directive directives "
                            "representative alternative incentive incentives archive archives detective narrative "
                            "perspective perspectives secretary dictionary glossary summary library territory "
                            "laboratory directory inventory history category memory repository cable table "
                            "variable deliverable deliverables constable bible".split())
#: adjectives without an adjective's ending
_COMMON_ADJECTIVES = frozenset("small medium large big high low new old long short fixed mobile open closed wired "
                               "wireless public private smart green safe secure fast slow local global main key "
                               "major minor".split())
#: what may stand before a vague head and still say nothing of its subject ('the growing interest')
_PLAIN_MODIFIERS = frozenset("new current recent latest main key major future further other certain specific "
                             "important general wider broader various several many two three four five six seven "
                             "eight nine ten".split())
_PREPOSITIONS = frozenset("of on in for about related relating regarding concerning to under as at with between from "
                          "by among across within into over".split())
#: the prepositions that say what a vague head is about
_COMPLEMENTS = frozenset("of on in for about related relating regarding concerning".split())
#: a past tense and its object: a second verb after 'and'
_VERB_PHRASE = re.compile(r"[a-z]{3,}ed\s+(?:the|a|an|that|its|their|his|her|our|to|on|with|it|them|two|three|"
                          r"four|five|several|\d+)\b")
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"\b(?:how|whether|what|why)\b", re.IGNORECASE)
_TOPIC_PREPOSITION = re.compile(r"\s(?:on|about|regarding|concerning)\s", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w-])(?:19|20)\d\d(?![\w-])")
_MAX_CONTENT = 8
_MAX_WORDS = 14


@dataclass(frozen=True)
class _Cues:
    lead: re.Pattern
    strip: re.Pattern
    det: re.Pattern
    end: re.Pattern
    trail: re.Pattern
    not_: re.Pattern
    vague: frozenset[str]
    person: frozenset[str]
    event: frozenset[str]
    document: frozenset[str]
    procedure: re.Pattern


def _phrase(phrase: str) -> str:
    words = phrase.split()
    parts = [r"(?:[\w’'.-]+\s+){0,5}[\w’'.-]+" if w == "*" else re.escape(w) for w in words]
    if len(parts) == 1:
        return parts[0]
    # an adverb may stand before the last word: 'to adequately address'
    return r"\s+".join(parts[:-1]) + r"\s+(?:\w+ly\s+)?" + parts[-1]


def _alternation(phrases) -> str:
    return "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def cues() -> _Cues:
    rows: dict[str, list[str]] = {}
    path = reference_dir() / "agenda-cues.csv"
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines):
        rows.setdefault(row["kind"].strip(), []).append(row["phrase"].strip())

    def words(kind: str, anchor: str) -> re.Pattern:
        # match() anchors at its start position ('^' would only match at the text's start)
        return re.compile(anchor.format(_alternation(rows.get(kind, []))), re.IGNORECASE)

    return _Cues(
        lead=words("lead", r"(?<![\w-])(?:{})(?![\w-])"),
        strip=words("strip", r"(?:{})\s+"),
        det=words("det", r"(?:{})\s+"),
        end=words("end", r"(?<![\w-])(?:{})(?![\w-])"),
        trail=words("trail", r"\s+(?:{})$"),
        not_=words("not", r"(?:{})(?![\w-])"),
        vague=frozenset(p.lower() for p in rows.get("vague", [])),
        person=frozenset(p.lower() for p in rows.get("person", [])),
        event=frozenset(p.lower() for p in rows.get("event", [])),
        document=frozenset(p.lower() for p in rows.get("document", [])),
        procedure=words("procedure", r"(?:{})(?![\w-])"),
    )


def find_agenda_topics(ref: Reference, text: str, skip=(), limit: int = 15) -> list[tuple[str, Span]]:
    """The agenda items a document names, as (topic phrase, span of the item), in text order, once each.

    `skip` holds the spans of names (people, organizations, groups, meetings): an item inside one is none.
    """
    c = cues()
    out: list[tuple[str, Span]] = []
    seen: set[str] = set()
    for s, e in _objects(text, c):
        for a, b in _items(ref, text, s, e, c):
            if any(x <= a and b <= y for x, y in skip):
                continue
            label = _label(ref, text, a, b, c)
            if label is None or fold(label) in seen:
                continue
            seen.add(fold(label))
            out.append((label, Span.of(text, a, b)))
    out.sort(key=lambda p: p[1].start)
    return out[:limit]


# -- where the items are ------------------------------------------------------------------------------

def _objects(text: str, c: _Cues) -> list[tuple[int, int]]:
    """The stretches of text that list discussed items: after a lead-in to its sentence's end, or the list
    lines under a lead-in that ends with a colon."""
    out = []
    for s, e in sentences(text):
        leads = list(c.lead.finditer(text, s, e))
        for i, m in enumerate(leads):
            stop = leads[i + 1].start() if i + 1 < len(leads) else e
            clause = re.split(r"[,;:]", text[s:m.start()])[-1]
            if _RELATIVE.search(clause):
                continue  # 'X, which many considered a barrier': the object is X, before the clause
            rest = text[m.end():stop]
            if re.fullmatch(r"\s*:?\s*", rest):
                if rest.strip() == ":" or text[e - 1:e] == ":":
                    out.extend(_list_under(text, e))
                continue
            a = m.end() + len(rest) - len(rest.lstrip(" \t:"))
            b = stop
            colon = text.find(":", a, b)
            if colon > a and text[a:colon].strip():
                if _vague(" ".join(text[a:colon].split()), c):
                    a = colon + 1  # 'three priorities: A, B and C' - the items follow the colon
                else:
                    b = colon  # 'presentations on X: A, B and C' - what follows the colon says who, not what
            dash = re.search(r"\s[–—-]\s", text[a:b])
            if dash:
                b = a + dash.start()
            out.append((a, b))
    return out


def _list_under(text: str, pos: int) -> list[tuple[int, int]]:
    """The list lines (numbered or bulleted) right under a lead-in."""
    out: list[tuple[int, int]] = []
    nl = text.find("\n", pos)
    while nl != -1:
        line_end = text.find("\n", nl + 1)
        line_end = len(text) if line_end == -1 else line_end
        line = text[nl + 1:line_end]
        if not line.strip():
            if out:
                break
            nl = line_end if line_end < len(text) else -1
            continue
        m = _LIST_ITEM.match(line)
        if not m:
            break
        out.append((nl + 1 + m.end(), line_end))
        nl = line_end if line_end < len(text) else -1
    return out


# -- the items ----------------------------------------------------------------------------------------

def _items(ref: Reference, text: str, s: int, e: int, c: _Cues) -> list[tuple[int, int]]:
    """The coordinated items of one object, as trimmed spans."""
    m = c.end.search(text, s, e)
    if m:
        e = m.start()
    e = _rstrip(text, s, e)
    a0, _ = _trim(text, s, e, c)
    if e <= s or c.not_.match(text, a0, e):
        return []  # 'debated how X could ...', 'topics discussed at ...': a clause, not a list of subjects
    parts = _split(text, s, e)
    for k, (a, b, sep) in enumerate(parts):
        if k and sep == "and" and _VERB_PHRASE.match(text, a, b):
            # 'the meeting and thanked the host', 'X, drafted guidelines and approved two texts': the verbs are
            # coordinated, the object ended before the first of them
            while k > 1 and re.match(r"[a-z]{3,}ed\s", text[parts[k - 1][0]:parts[k - 1][1]]):
                k -= 1
            parts = parts[:k]
            break
    items: list[list[int]] = []
    for k, (a, b, sep) in enumerate(parts):
        a, b = _trim(text, a, b, c)
        words = _content(text[a:b])
        last = k == len(parts) - 1
        if items and items[-1][2] == 1:
            items[-1][1] = b  # a modifier before this one ('regulatory' in 'regulatory and policy trends')
            items[-1][2] = 0 if len(words) > 1 or last or not _modifier(words[0]) else 1
            continue
        if items and sep == "and" and re.search(r"\bbetween\b", text[items[-1][0]:items[-1][1]]) \
                and " and " not in text[items[-1][0]:items[-1][1]]:
            items[-1][1] = b  # 'the relationship between operators and providers'
            continue
        following = [] if last else _content(text[parts[k + 1][0]:parts[k + 1][1]])
        # 'developed and developing countries'; not 'network slicing and emerging technologies' (a known subject)
        paired = bool(following) and _modifier(following[0]) and not any(
            x.end == b for x in ref.find(text, {"Topic"}, a, b))
        if words and not last and (len(words) == 1 and _modifier(words[0])
                                   or _modifier(words[-1], strict=not paired)):
            before = _content(text[items[-1][0]:items[-1][1]]) if items else []
            if before and sep == "," and _modifier(before[-1], strict=len(before) > 1):
                items[-1][1] = b  # 'emerging economic, regulatory and policy trends': one chain of modifiers
                items[-1][2] = 1
            else:
                items.append([a, b, 1])  # 'evolving technical and business dynamics'
            continue
        if items and words and _name(ref, text[a:b]) and _ends_in_name(text[items[-1][0]:items[-1][1]]):
            items[-1][1] = b  # 'results of the study groups and TSAG': the name is inside the phrase
            continue
        items.append([a, b, 0])
    out = []
    for a, b, _ in items:
        out.extend(_narrowed(ref, text, a, b, c))
    return out


def _narrowed(ref: Reference, text: str, a: int, b: int, c: _Cues) -> list[tuple[int, int]]:
    """An item too long to be one subject is read from the preposition that names its subject on."""
    a, b = _trim(text, a, b, c)
    if len(_content(_shortened(ref, text[a:b]))) <= _MAX_CONTENT:
        return [(a, b)]
    m = _TOPIC_PREPOSITION.search(text, a, b)
    if m is None:
        return []
    return [_trim(text, m.end(), b, c)]


def _split(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """The conjuncts of a coordination, outside brackets, with the separator before each ('', ',', 'and')."""
    seps = re.compile(r"\s*;\s*(?:and\s+|as\s+well\s+as\s+)?|\s*,\s*(?:and|or|as\s+well\s+as)\s+|\s*,\s*|"
                      r"\s+(?:and|as\s+well\s+as)\s+", re.IGNORECASE)
    out = []
    depth, pos, prev = 0, s, ""
    i = s
    while i < e:
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0:
            m = seps.match(text, i, e)
            if m and m.end() > i and (m.group().strip() or i > s):
                out.append((pos, i, prev))
                prev = "," if "," in m.group() or ";" in m.group() else "and"
                pos = i = m.end()
                continue
        i += 1
    out.append((pos, e, prev))
    return [(a, b, sep) for a, b, sep in out if text[a:b].strip()]


def _trim(text: str, a: int, b: int, c: _Cues) -> tuple[int, int]:
    """Without opening determiners and 'report on'-like words, closing places, punctuation and quotes."""
    while a < b and not (text[a].isalnum()):
        a += 1
    b = _rstrip(text, a, b)
    changed = True
    while changed and a < b:
        changed = False
        for pat in (c.det, c.strip):
            m = pat.match(text, a, b)
            if m:
                a, changed = m.end(), True
        m = c.trail.search(text, a, b)
        if m:
            b, changed = _rstrip(text, a, m.start()), True
    return a, b


def _rstrip(text: str, a: int, b: int) -> int:
    """The end without closing punctuation or a dangling 'and' (the next verb was cut off)."""
    while True:
        while b > a and not (text[b - 1].isalnum() or text[b - 1] == ")"):
            b -= 1
        m = re.search(r"(?:^|\s)(?:and|or|as\s+well\s+as)$", text[a:b], re.IGNORECASE)
        if not m:
            return b
        b = a + m.start()


def _content(phrase: str) -> list[str]:
    return [w for w in _WORD.findall(phrase) if w.lower() not in _FUNCTION]


def _modifier(word: str, strict: bool = False) -> bool:
    """A word that describes a noun to come: an adjective by its ending (participles too, unless strict:
    'network slicing' ends with a noun), never a noun of such an ending ('approval')."""
    if word.lower() in _NOT_ADJECTIVES or not word.islower():
        return False
    if word in _COMMON_ADJECTIVES:
        return True
    return bool((_STRICT_ADJECTIVE if strict else _ADJECTIVE).fullmatch(word))


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _name(ref: Reference, phrase: str) -> bool:
    """A name (of a group, an organization, a person, a place), not a subject."""
    words = _content(phrase)
    if words and all(_capitalised(w) for w in words):
        return True
    entry = ref.lookup(phrase)
    return entry is not None and entry.kind != "Topic"


def _ends_in_name(phrase: str) -> bool:
    words = _WORD.findall(phrase)
    return bool(words) and _capitalised(words[-1]) and len(_content(phrase)) >= 2


# -- the label ----------------------------------------------------------------------------------------

def _label(ref: Reference, text: str, a: int, b: int, c: _Cues) -> str | None:
    """The item as a topic label, or None when it is no subject."""
    phrase = " ".join(text[a:b].split())
    if not phrase or c.not_.match(phrase) or _CLAUSE.search(phrase) or _honorific(phrase):
        return None  # 'consider how to attract experts', 'Ms X as the new vice-chair'
    if _name(ref, phrase) or _MONTHS.search(phrase) or c.end.match(phrase):
        return None
    if _head(phrase).lower() in c.person | c.event or c.procedure.match(phrase):
        return None  # 'the participants from 20 countries', 'the opening session', 'adoption of the agenda'
    if not [w for w in _content(phrase) if not re.search(r"\d", w) and w.lower() not in c.document | {"and"}]:
        return None  # 'contributions C45 and C46': documents by number
    if ref.lookup(phrase) is not None:
        return None  # a vocabulary topic (linked as such) or a name
    if _YEAR.search(phrase) or _vague(phrase, c):
        return None
    phrase = _shortened(ref, phrase)
    words = _WORD.findall(phrase)
    if len(words) < 2 or len(words) > _MAX_WORDS or not 1 <= len(_content(phrase)) <= _MAX_CONTENT:
        return None
    first = phrase.split()[0]
    rest = phrase.split()[1:]
    if first[:1].isupper() and first[1:].islower() and not (rest and _capitalised(rest[0])) \
            and ref.lookup(first) is None:
        phrase = first.lower() + phrase[len(first):]  # a capital that only opens the item
    return phrase


def _vague(phrase: str, c: _Cues) -> bool:
    """'the growing interest', 'concepts under study': a head that needs a complement to name a subject."""
    words = _WORD.findall(phrase)
    k = next((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS), len(words))
    if not k or words[k - 1].lower() not in c.vague:
        return False
    if k < len(words) and words[k].lower() in _COMPLEMENTS:
        return False  # 'strategic issues in standardization'
    return all(w.lower() in _PLAIN_MODIFIERS or w.lower() in _FUNCTION or _modifier(w) for w in words[:k - 1])


def _honorific(phrase: str) -> bool:
    words = phrase.replace(".", " ").split()
    return any(" ".join(words[:n]).lower() in honorific_words() for n in (1, 2, 3))


def _head(phrase: str) -> str:
    """The noun a phrase is about: its last word before the first preposition."""
    before = re.split(r"\s(?:of|for|from|in|on|at|with|to|about)\s", phrase, maxsplit=1)[0]
    words = _WORD.findall(before)
    return words[-1] if words else ""


def _shortened(ref: Reference, phrase: str) -> str:
    """Names written short: the acronym of a name spelt out before it, an ITU group's notation."""
    return _short_groups(ref, _NAME_ACRONYM.sub(lambda m: m.group(1), phrase))


def _short_groups(ref: Reference, phrase: str) -> str:
    """An ITU group named in full is written with its notation ('TSAG'), as reports shorten it."""
    out, pos = [], 0
    for m in ref.find(phrase, ref.group_kinds):
        notation = ref.graph.value(URIRef(m.entry.iri), SKOS.notation)
        if notation is None or len(phrase[m.start:m.end].split()) < 3:
            continue
        before = phrase[pos:m.start]
        if re.search(r"(?:^|\s)the\s$", before, re.IGNORECASE):
            before = before[:before.lower().rfind("the")]  # 'TSAG', not 'the TSAG'
        out.append(before)
        out.append(str(notation))
        pos = m.end
    out.append(phrase[pos:])
    return "".join(out)
