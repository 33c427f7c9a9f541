"""Organizations that took part: participant lists in their several forms, hosts, 'organizations including'.

A list is cut into items (on ';' when present, else on ',' and 'and'); an item is 'Name, Country',
'Name (Country)' or 'Name'; items naming chairs of ITU-T groups become represented groups.
Names are linked to the reference organizations by alias; unknown names stay as written.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..facts import Participation, Ref, Span
from ..reference import Reference
from ..resources import reference_dir
from .dates import find_dates
from .groups import find_groups
from .keyphrases import stopwords
from .legalforms import abbreviation_end, legal_after_comma, strip_legal_form
from .organizations import find_organizations, looks_like_organization, organization_words, split_unit
from .people import (
    _PARTICLES_RUN,
    BESIDE,
    BODY_BEFORE_PERSON,
    BODY_OVER_PERSON,
    column_entry,
    comma_entry,
    comma_parts,
    find_people,
    is_field_phrase,
    is_post_title,
    listed_person,
    read_name,
    starts_with_styles,
    starts_with_title,
)
from .places import demonym_country_before
from .tables import column_rows, is_table_heading as _is_table_heading, table_rows
from .text import CARDINAL_PATTERN, clean, line_end, sentence_at

#: Phrases that introduce a list of participating organizations (the list follows, possibly on the next line).
_LIST_TRIGGER = re.compile(
    r"(?:(?:the\s+)?(?:participating|participant|attending)\s+(?:organi[sz]ations|companies|entities|members|institutions)"
    r"(?:[ \t]*\((?:in\s+)?[a-z][^()\n]{2,40}\))?"  # '(in alphabetical order)'
    r"(?:\s+(?:were|are|included|includes|was))?[ \t]*:?"
    r"|(?:participants|attendees|participating organi[sz]ations|(?:the\s+)?delegations)\s+(?:included|were|came\s+from|"
    r"represented)\s*:?"
    r"|(?m:^\s*(?:\d{1,2}\.\s*|[■□▪◆◇●#]+[ \t]*)?(?:(?:main|key|other)[ \t]+)?(?:participants|participating\s+"
    r"(?:organi[sz]ations|companies|entities)|attendees|"
    r"list\s+of\s+(?:participants|attendees)|in\s+attendance|(?:those\s+)?present|observers|delegations|"
    r"who\s+(?:was|were)\s+in\s+the\s+room|who\s+(?:attended|took\s+part|participated)|"
    r"(?:companies|organi[sz]ations|entities)\s+represented)(?:[ \t]*\([^()\n]{1,60}\))?\s*(?::|$))"  # '■ Main participants (excerpt)'
    # the same label after another sentence of its paragraph: '... met online. Participants: A (X), B (Y).'
    r"|(?<=[.!?][ \t])(?:participants|attendees|participating\s+(?:organi[sz]ations|companies|entities))[ \t]*:"
    # the end of a heading line over the list: 'CTO Meeting, Hong Kong, 2 December 2019 – List of participants'
    r"|(?m:(?<=[–—-][ \t])(?:list\s+of\s+(?:participants|attendees)|participants|attendees)[ \t]*:?[ \t]*$)"
    # a table's heading row with no title over it: 'Company | Country', 'Organization<TAB>Country'
    r"|(?m:^[ \t]*(?:company|companies|organi[sz]ations?|entity|entities|participants?)[ \t]*(?:\t|\|| {3,})[ \t]*"
    r"(?:country|countries|country\s*/\s*region)[ \t]*$)"
    r"|(?:companies|organi[sz]ations|entities|institutions|operators|CTOs|CxOs|executives)\s+(?:represented|present|attending)"
    r"(?:\s+(?:at|in)\s+the\s+(?:meeting|round\s?table|consultation|event|session|forum|workshop))?"
    # the names follow ('... were invited to contribute' is no list)
    r"(?:\s+(?:were|included|are|was)(?=\s*:|\s+(?:the\s+)?(?:following\b|(?-i:[A-Z0-9])))\s*:?|\s*:)"
    r"|\b(?:attended|participated|took\s+part|were\s+represented)\s*:"
    # a heading line of its own over a bulleted list, saying who attended: 'Attending CTOs and their companies:'
    r"|(?m:^[ \t]*(?=[^\n]{0,60}\b(?:attend\w*|particip\w*|represent\w*|took\s+part|present)\b)"
    r"(?=[^\n]{0,60}\b(?:companies|organi[sz]ations|operators|entities|institutions)\b)[^\n:]{3,80}:[ \t]*$"
    r"(?=\n[ \t]*[•·▪◦*-]))"
    # a short label of its own at a line's start: 'Companies participating:', 'Represented companies:', 'Participating CTOs:'
    # (its words only those: not 'Participating CTOs called for:', 'Key messages from participating CTOs:')
    r"|(?m:^[ \t]*(?=[^\n:]{0,60}\b(?:attend\w*|particip\w*|represent\w*)\b)"
    r"(?=[^\n:]{0,60}\b(?:companies|organi[sz]ations|operators|entities|institutions|CTOs|CxOs|executives|members)\b)"
    r"(?:(?:companies|organi[sz]ations|operators|entities|institutions|CTOs|CxOs|executives|participating|represented|"
    r"attending|present|in|attendance|(?:sector|affiliate|associate)?[ \t]*members)[ \t]*){2,3}:)"
    rf"|{CARDINAL_PATTERN}\s+participating\s+(?:organi[sz]ations|companies|entities)\s*(?:were|included)?\s*:"
    r"|(?:the\s+)?(?:following|list\s+of)\s+(?:participating\s+)?(?:organi[sz]ations|companies|participants|executives|"
    r"CTOs|CxOs|representatives|delegates)"
    r"(?:\s+(?:took\s+part|participated|attended|were\s+represented|were\s+present)"
    r"(?:\s+(?:in|at)\s+the\s+(?:meeting|consultation|round\s?table|event|session))?)?\s*:)",
    re.IGNORECASE,
)
#: Inline lists inside a sentence: 'companies including A, B and C', 'organizations such as A and B'.
_INLINE_TRIGGER = re.compile(
    r"(?:\b(?:companies|organi[sz]ations|firms|operators|vendors|manufacturers|participants|members|bodies|CTOs|CxOs|executives|"
    r"representatives|leaders)\s*(?:\([^)]*\)\s*)?(?:including|such\s+as|like|from|,\s*from(?=\s+(?:the\s+)?[A-Z]))"
    # '... from 18 companies, including A (X), B (Y)': bodies, then a comma
    r"|\b(?:companies|organi[sz]ations|firms|operators|vendors|manufacturers)\s*,\s*(?:including|such\s+as)"
    r"|\b(?:took\s+part|participated|attended|were\s+represented)\s*,?\s*(?:including|among\s+them|such\s+as|notably|"
    r"together\s+with|along\s+with|as\s+did)"
    r"|\battended\s+by(?:\s+(?:CTOs|executives|representatives|leaders)\s+(?:of|from))?"
    # '... experts from Examplian companies and institutes (A, B and C)': the list in brackets
    r"|\b(?:companies|organi[sz]ations|firms|operators|vendors|manufacturers|institutes|institutions|entities|universities)"
    r"(?:\s+(?:and|&)\s+[a-z]+)?\s*(?=\())"
    r"\s*(?:,?\s*for\s+example,?|,?\s*e\.g\.,?)?(?:\s+|\((?=[A-Z]))",
    re.IGNORECASE,
)
#: 'Host: Example Telecom' as a line of its own under a meeting's name ('Host country:' names no organization)
_HOST_FIELD = r"(?m:^[ \t]*(?:[-*•|][ \t]*)?(?:hosts?|hosted[ \t]+by|host[ \t]+(?:organi[sz]ation|institution|administration))[ \t]*:[ \t]*(?:\|[ \t]*)?(?:the[ \t]+)?)"
_HOST = re.compile(r"\b(?:kindly\s+|graciously\s+|generously\s+)?(?:hosted|sponsored|organi[sz]ed|convened)\s+by\s+(?:the\s+)?"
                   r"|\b(?:our|the)\s+(?:(?-i:[A-Z])[\w'’-]*\s+)?hosts?\s*,\s*(?:the\s+)?"  # ('the Thai host, the Ministry')
                   r"|\b(?-i:The)\s+hosts?\s+(?:was|were|is|will\s+be)\s+(?:the\s+)?(?=[A-Z])"  # ('The host was Carpatia S.A.')
                   # 'at the kind invitation of the Ministry of ...': who invited the meeting to its premises hosted it
                   r"|\b(?:at|on|upon)\s+the\s+(?:kind\s+|generous\s+|gracious\s+)?invitation\s+of\s+(?:the\s+)?"
                   r"(?:(?:(?-i:[A-Z])[\w'’-]*\s+)?hosts?\s*,\s*(?:the\s+)?)?"
                   # a field line of a meeting's header: 'Host: Example Telecom', 'Hosted by: ...'
                   rf"|{_HOST_FIELD}", re.IGNORECASE)
#: Lists whose very wording says the organizations took part, so no other sign is needed: 'in collaboration with A,
#: B and C', 'represented by representatives of A and B', 'participation from 12 companies: A, B, ...',
#: 'the 9-person Examplian contingent comprised A, B and C'.
_ROLE_TRIGGER = re.compile(
    r"\b(?:in\s+(?:collaboration|partnership|cooperation)\s+with|with\s+the\s+(?:collaboration|support|participation)\s+of|"
    r"jointly\s+(?:organi[sz]ed\s+)?(?:by|with)|co-organi[sz]ed\s+(?:by|with)|(?:supported|sponsored)\s+by|"
    r"(?:was|were)\s+represented\s+by(?:\s+(?:representatives|delegates)\s+(?:of|from))?|"
    rf"participation\s+(?:from|of)\s+(?:(?:more\s+than|over|some|about)\s+)?(?:{CARDINAL_PATTERN}\s+)?"
    r"(?:companies|organi[sz]ations|operators|vendors|entities)\s*(?::|,?\s+(?:including|namely|such\s+as))|"
    r"contingent\s+(?:comprised|included|consisted\s+of)|"
    # 'Contributions were received from A, B and C': contributors to the meeting
    # ('Contributions from A (X) and B (Y) proposed ...', '... received from Member States and from Sector Members,
    # including A (X) and B (Y).')
    r"(?:contributions?|proposals?|input\s+documents?)\s+(?:(?:were|was)\s+(?:also\s+)?(?:received|submitted)\s+)?(?:from|by)\s+"
    r"(?:[^.;\n]{0,60}?,?\s+including\s+)?|"
    r"(?:representatives|delegates|delegations|executives|CTOs|CxOs|experts|officials|engineers|researchers|colleagues|peers|"
    r"(?:chief\s+)?(?:technology|executive|information)\s+officers)\s+(?:of|from|representing|who\s+represented)\s+"
    r"(?=(?:the\s+)?[A-Z])|"
    r"delegations?\b[^.;\n]{0,60}?\b(?:was|were)\s+(?:led|headed)\s+by\s+(?=(?:the\s+)?[A-Z])|"
    r"delegations?\s+(?:from|of)\s+(?=[A-Z]))\s*(?:the\s+)?",
    re.IGNORECASE,
)
#: a group's work said before 'in cooperation with', 'jointly with': the partners are the group's, not the meeting's
_A_GROUPS_WORK = re.compile(r"\b(?:Study\s+Group|SG\s?\d|Focus\s+Group|FG[- ]|Rapporteur\s+Group|RG-|JCA-)[^.;\n]*?\b(?:"
                            r"established|set\s+up|creat(?:ed|e)|study|studies|consider|develop|work(?:s|ing)?\s+on|"
                            r"coordinat\w*|review|address|lead)\b[^.;\n]*\Z", re.IGNORECASE)
_CHAIRS = re.compile(
    r"^(?:the\s+)?(?:chairm[ae]n|chairs?|chairpersons?|vice-chairm[ae]n|vice-chairs?|leaders|leadership|convenors?|"
    r"rapporteurs?|representatives?|heads?|directors?)\b",
    re.IGNORECASE,
)
#: Between the cells of a table row as a reader writes it out: tabs, ' | ', or three spaces or more.
_CELL_SEP = re.compile(r"\t+|\s+\|\s+| {3,}")


@dataclass
class ParticipantList:
    span: Span
    participations: list[Participation] = field(default_factory=list)
    groups: list[Ref] = field(default_factory=list)


def _list_end(text: str, start: int, inline: bool) -> int:
    """Where a list ends: a blank line or a new line for block lists, the sentence end for inline ones."""
    if inline:
        # a sentence end, a line end, or a verb that starts another clause ('from Examplia was led by ...')
        m = re.search(r"\.(?=\s+[A-Z]|\s*$)|\n|"
                      # '... and C (Spain) – it was good to see ...': a remark after it (not an aside between dashes)
                      r"[ \t]+[–—][ \t]+(?=[a-z])(?![^.\n]*[ \t][–—][ \t])|"
                      r"\s(?=(?:and\s+)?(?:also\s+|all\s+|then\s+)?(?:was|were|is|are|has|have|had|will|would|included|comprised|consisted|"
                      r"attended|participated|took\s+part|joined|gathered|met|(?:co-)?(?:sponsored|supported|organi[sz]ed|hosted|"
                      r"funded))\b)|"
                      # a verb in lower case after an item's bracket: '... and Safaricom (Kenya) shared their views on 5G'
                      # (not when another item follows: 'Orange (France) in person, and Huawei (China) remotely')
                      r"(?<=\))[ \t]+(?=(?!(?:and|or|as|plus|along|together|with|among|including|respectively|of|from)\b)"
                      r"[a-z][a-z-]+\b)(?![^.;\n]*?(?:,|\band\b)[ \t]+(?:the[ \t]+)?[A-Z][^.;\n(]{0,60}\()",
                      text[start:])
        end = start + m.start() if m else len(text)
        # do not stop at the full stop of 'Inc.' or 'Co.'
        # nor at that of a style or an initial ('Mr. Abdurahman M. Al Hassan')
        while m and (re.search(r"\b(?:e\.g|i\.e|Mr|Mrs|Ms|Dr|Prof|St|[A-Z])$", text[start:end])
                     or abbreviation_end().search(text[start:end + 1])):
            after = text[end + 1:end + 40].lstrip()
            first = re.match(r"[A-Za-z]+", after)
            if abbreviation_end().search(text[start:end + 1]) and (
                    starts_with_styles(after) or (first is not None and first.group().lower() in stopwords())):
                break  # 'Telefónica S.A. Ms Ana Costa spoke', '... Acme Inc. The CTOs agreed': the name ends the sentence
            nxt = re.search(r"\.(?=\s+[A-Z]|\s*$)|\n", text[end + 1:])
            if not nxt:
                return len(text)
            end = end + 1 + nxt.start()
        return end
    nl = text.find("\n", start)
    return len(text) if nl < 0 else nl


#: a sentence that opens with a phrase before its subject: 'Organized by ITU in collaboration with A, the forum ...'
_INTRODUCTORY = re.compile(r"(?:[A-Z][a-z]+ed|(?:Jointly|Kindly)\s+[a-z]+ed|In|With|Under|Together)\b")


def _before_main_clause(text: str, trigger: int, body: int, stop: int) -> int:
    """A list in a sentence's opening phrase ends at the comma before the sentence's subject, when a verb ended it:
    'Organized by ITU in collaboration with A (X), the forum gathered ...' lists A alone."""
    s, _ = sentence_at(text, trigger)
    if not _INTRODUCTORY.match(text, s, trigger) or not re.match(r"\s+[a-z]", text[stop:stop + 3]):
        return stop
    depth, comma = 0, -1
    for i in range(body, stop):
        if text[i] in "([":
            depth += 1
        elif text[i] in ")]":
            depth = max(0, depth - 1)
        elif text[i] == "," and depth == 0:
            comma = i
    return comma if comma > body else stop


def _closing_bracket(text: str, start: int, end: int) -> int:
    """Where the bracket opened before `start` closes ('(A, B (Examplia))': the outer one), or -1."""
    depth = 1
    for i in range(start, end):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _items(text: str, start: int, end: int, known: Sequence[tuple[int, int]] = (),
           line_item: bool = False) -> list[tuple[int, int]]:
    """Item offsets of a list; ';' separates items when present, else ',' and a final 'and' (never inside a name
    the reference data knows, in `known`: 'Ministry of Science and ICT' is one item). `line_item`: the text is one
    line of a list written one item a line, where 'and' after 'of'/'for' goes on with the name ('King Example City
    for Science and Technology')."""
    body = text[start:end]
    depth = 0
    seps: list[tuple[int, int]] = []
    use_semicolons = ";" in body
    for i, ch in enumerate(body):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ((use_semicolons and ch == ";") or (not use_semicolons and ch == ",")):
            if ch == "," and legal_after_comma().match(body, i + 1):
                continue  # 'Huawei Technologies Co., Ltd.' is one name
            if any(a < start + i and start + i + 1 < b for a, b in known):
                continue  # nor is 'Ministry of Posts, Telecommunications and Digital Economy' cut at its comma
            seps.append((i, i + 1))
    if not use_semicolons:
        # before a name that opens with particles too: '... and von Braun Karl (Examplenet)'
        for m in re.finditer(rf",?\s+(?:and|&amp;|as\s+well\s+as)\s+(?=the\s|[A-Z0-9]|{_PARTICLES_RUN.pattern}[A-Z])", body):
            # 'Rohde & Schwarz' keeps its '&'; only the word 'and' separates; 'Study Groups 13 and 15' is one item
            if m.start() > 0 and body[m.start() - 1].isdigit() and body[m.end():m.end() + 1].isdigit():
                continue
            if line_item and "," not in body and re.search(r"\s(?:of|for|on)\s", body[:m.start()]):
                continue
            if body.count("(", 0, m.start()) > body.count(")", 0, m.start()):
                continue  # 'companies (A, B and C)': the list in brackets is one item's
            if not any(s <= m.start() < e for s, e in seps) and \
                    not any(a < start + m.start() and start + m.end() < b for a, b in known):
                seps.append((m.start(), m.end()))
        seps.sort()
    else:
        # '...; Telefónica; Verizon and ZTE': the last item's 'and' joins two names when what stands on either side
        # of it is one name the reference data knows whole
        last = seps[-1][1] if seps else 0
        item_start = start + last + len(body[last:]) - len(body[last:].lstrip())
        item_end = start + len(body.rstrip(" .\n"))
        pair = re.fullmatch(r"(.+?)\s+(?:and|&amp;)\s+([A-Z0-9].*?)[ .\n]*", body[last:], re.S)
        if pair and ":" not in body[last:] and ((item_start, start + last + pair.end(1)) in known
                     or (start + last + pair.start(2), item_end) in known):
            seps.append((last + pair.end(1), last + pair.start(2)))
    out, pos = [], 0
    for s, e in seps:
        out.append((start + pos, start + s))
        pos = e
    out.append((start + pos, end))
    return [(s, e) for s, e in out if text[s:e].strip(" .;,\n")]


#: a city this large may stand for its country after an organization's name ('Apex Networks, Shenzhen'); smaller
#: ones are too often other words
_LOCATION_CITY = 100_000


def _country_ref(ref: Reference, text: str, s: int, e: int, towns: bool = True) -> Ref | None:
    """The country text[s:e] names: a country, a reference place, or (with `towns`) a gazetteer region or large city
    (a state, province or city after an organization's name: 'Example University, Texas' is in the United States)."""
    name = clean(text[s:e])
    entry = ref.lookup(name, ref.place_kinds)
    if entry is not None:
        iri = ref.country_of(entry.iri) or entry.iri
        return Ref("Country", ref.labels.get(iri, name), Span.of(text, s, e), iri)
    if not towns or not name[:1].isupper():
        return None
    from ..gazetteer import gazetteer
    for c in gazetteer(ref).lookup(name):
        p = c.place
        if c.primary and not p.common and (p.kind == "Region" or p.population >= _LOCATION_CITY):
            return Ref("Country", ref.labels.get(p.country, p.country), Span.of(text, s, e), p.country)
    return None


def organization_ref(ref: Reference, text: str, s: int, e: int) -> Ref | None:
    """An organization named by text[s:e], linked to the reference data when an alias matches."""
    while s < e and text[s] in " \t\n,;:(":
        s += 1
    acr = re.search(r"\s*\(\s*[A-Z][\w&./-]{1,11}(?:[ \t]+[A-Z][\w&./-]*){0,5}\s*\)[\s.,;]*$", text[s:e])
    other = None
    if acr and acr.start() > 0:
        # 'the Ministry of Posts (MoP)', 'BlackBerry (Research In Motion)': the acronym or the other name in brackets
        # names the same organization
        e = s + acr.start()
        inner = re.search(r"\(\s*(.*?)\s*\)", acr.group())
        other = (e + inner.start(1), e + inner.end(1)) if inner else None
    while e > s and text[e - 1] in " \t\n,;:.)" and not abbreviation_end().search(text[s:e]):
        e -= 1
    cut = re.search(r"(?:\s+(?:and|of|for|the|de|des|du|la|le|&))+\s*$", text[s:e])
    if cut:  # 'Ministry of Internal Affairs and' of a cell whose words go on on the next line: the words before
        e = s + cut.start()
    name = re.sub(r"\s+", " ", text[s:e])
    name = re.sub(r"^(?:the|and)\s+", "", name, flags=re.IGNORECASE)
    if name.count("(") != name.count(")"):
        return None  # 'Ana Example (Apex' of 'Ana Example (Apex, Spain)' cut at its comma: no name of a body
    if not name or len(name) > 120 or starts_with_styles(name) or starts_with_styles(re.sub(r"^(?:the|and)\s+", "", text[s:s + 60])):
        # 'Mr. Abdurahman M. Al Hassan': a person, named in a list of participants ('Eng.' read with the name after it)
        return None
    if (is_post_title(name) or starts_with_title(name) and not looks_like_organization(name)) \
            and ref.lookup(name, {"Organization"}) is None:
        # 'Mr. John Smith, CTO, Apex Mobile', '..., Vice President Technology, Apex Mobile': the post between the
        # person and the organization
        return None
    if _COUNTED.match(name) and ref.lookup(name, {"Organization"}) is None:
        return None  # '150 participants from 30 Member States, 25 Sector Members and 5 Associates': how many, of a kind
    if is_field_phrase(name) and ref.lookup(name, {"Organization"}) is None:
        return None  # 'Regulation' of '... the superintendent of Planning and Regulation': the field of a post
    if name in organization_words().get("head", frozenset()) and ref.lookup(name, {"Organization"}) is None \
            and (re.match(r"(?:the|its|their|our)\s", text[s:e], re.IGNORECASE)
                 or re.search(r"\b(?:the|its|their|our)\s+\Z", text[max(0, s - 8):s], re.IGNORECASE)):
        return None  # 'officials of the Ministry': a kind of body, no name of one ('hosted by Telecom' names one)
    owned = re.match(r"(?:the\s+)?([A-Z][\w .'’-]{1,40}?)['’]s\s+(?=[A-Z])", text[s:e])
    if owned and ref.lookup(clean(owned.group(1)), {"Country"}) is not None:
        # "Hungary's Ministry of Innovation and Technology": the ministry, of that country
        body = organization_ref(ref, text, s + owned.end(), e)
        if body is not None and body.country is None and (body.iri is None or not ref.is_reference(body.iri)):
            return replace(body, country=_country_ref(ref, text, s + owned.start(1), s + owned.end(1)))
        return body
    unit, owner = split_unit(text[s:e])
    if unit:  # 'the Network Planning Department of Apex Mobile': Apex Mobile; 'the Policy Department': none
        return organization_ref(ref, text, s + owner, e) if owner is not None else None
    entry = ref.lookup(name, {"Organization"}) or ref.lookup(strip_legal_form(name), {"Organization"})
    if entry is None and all((known := ref.lookup(part.strip())) is not None and ref.part_of_itu(known.iri)
                             for part in name.split("/")):
        return None  # 'convened by ITU-T', 'TSB', 'ITU/TSB': ITU, a sector or bureau of it, is no organization here
    if not (name[0].isupper() or name[0].isdigit()) and (entry is None or entry.alias != name):
        # a lower-case name only as the reference data writes it ('e&'); 'du (Emirates Integrated
        # Telecommunications Company)': the name in brackets then
        return organization_ref(ref, text, *other) if other and len(text[other[0]:other[1]].split()) > 1 else None
    if entry is not None:
        # a reference organization by its label; one this document defined keeps the name as written here
        return Ref("Organization", entry.label if ref.is_reference(entry.iri) else name, Span.of(text, s, e), entry.iri)
    if not _name_like(name):
        # 'Example Agency of Freedonia contributed to ...': the list's last item runs into the sentence
        head = re.match(r"[A-Z0-9][\w&'’.-]*(?:\s+(?:(?:of|and|for|the|de|du|des|la|le|in|on|&)\s+)*[A-Z0-9][\w&'’.-]*)*"
                        r"(?=\s+[a-z])", name)
        if head is None or not _name_like(head.group()) or _PEOPLE_WORD.match(name, head.end()) or (
                len(head.group().split()) < 2 and ref.lookup(head.group(), {"Organization"}) is None):
            return None  # 'Academia', 'the ICT regulated operators': a kind of participant, not an organization
        offset = text.find(head.group(), s, e)
        return organization_ref(ref, text, offset, offset + len(head.group())) if offset >= 0 else None
    return Ref("Organization", name, Span.of(text, s, e))


#: 'Working Party leaders', 'Study Group experts': the people of a body, named after it
_PEOPLE_WORD = re.compile(r"\s+(?:leaders|chairs|chairm[ae]n|representatives|experts|delegates|officials)\b")


#: a number, then plural words: a count of bodies of a kind ('30 Member States', 'twelve Operators')
_COUNTED = re.compile(rf"(?i:{CARDINAL_PATTERN})\s+(?:[\w&'’.-]+\s+)*[\w'’-]*[^\Ws]s$")


def _name_like(name: str) -> bool:
    """An unknown organization's name is capitalised word by word (connectors aside) and is no category word."""
    from .organizations import organization_words
    words = re.findall(r"[\w&'’.-]+", name)
    generic = organization_words().get("generic", frozenset())
    if not words or words[0] in generic or name in generic:
        return False
    if words[0] in organization_words().get("lead", frozenset()) and len(words) <= 10 and not any(
            re.fullmatch(r"[a-z]+(?:ed|ing)|to|with|by|was|were|is|are|has|have|will|its|their|from|at", w) for w in words):
        return True  # 'Agence nationale de réglementation des télécommunications': a name written head first, as
        # French, Spanish and Portuguese write it, its adjectives in lower case
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS or w.lower() == "field"
               or re.match(r"[a-z]+[A-Z0-9]|[dl]['’][A-ZÀ-Ý]", w) for w in words)  # 'iPhone', "Côte d'Ivoire"


#: Column headings of participant tables ('Organization; Country'), never organizations themselves.
_TABLE_HEADINGS = re.compile(
    r"^(?:no\.?|#|name|names|organi[sz]ations?|company|companies|entity|entities|country|countries|member\s+states?|"
    r"participants?|members?|affiliations?|institutions?|titles?|representatives?|sector\s+members?|type|role|"
    r"country\s*/\s*region)$",
    re.IGNORECASE,
)


#: 'Acme Networks – France': a spaced dash before the last words, which may name a country.
_DASH_COUNTRY = re.compile(r"[ \t]+[–—-][ \t]+([^–—\n]+?)[ \t]*\.?[ \t]*$")


#: the words that start the names after a count: 'among them', 'among others', 'notably', 'including'
_AMONG = re.compile(r"(?:among\s+(?:them|others|whom|which)|notably|including|such\s+as|e\.g\.)\s*[,:]?\s+(?=[A-Z])",
                    re.IGNORECASE)
#: the people an item of a list names before the organization they came from
_PEOPLE_OF = re.compile(r"(?:and\s+)?(?:the\s+)?(?:(?:senior|high-level|top|technical|other)\s+)?(?:representatives|executives|"
                        r"delegates|delegations|experts|CTOs|CxOs|officials|leaders)\s+(?:of|from)\s+(?:the\s+)?(?=[A-Z])",
                        re.IGNORECASE)


#: a country said once for the whole list, after its last item: '... and China Mobile (all China)', '(both from Japan)'
_ALL_OF_COUNTRY = re.compile(r"[ \t]*\((?P<all>all|both)[ \t]+(?:(?:from|of|in)[ \t]+)?(?:the[ \t]+)?(?P<country>[^()\n]{2,40}?)"
                             r"[ \t]*\)[ \t.]*\Z")
#: the words that go on with a list after another part of it: '..., as well as X', 'along with X'
_LIST_GOES_ON_WORDS = r"as\s+well\s+as|along\s+with|together\s+with|plus"
#: what ends one part of a list and starts another: '..., as well as', '; ', 'along with'
_LIST_BREAK = re.compile(rf"\b(?:{_LIST_GOES_ON_WORDS})\b|;", re.IGNORECASE)
#: an item's lead word that only says the list goes on: '..., and Ian Example (BT, ...)', '..., as well as Huawei'
_LIST_GOES_ON = re.compile(rf"(?:and|{_LIST_GOES_ON_WORDS})\s+(?=[A-Z])")
#: 'Example Networks from Japan', 'Example Labs based in Kenya': the country after the name
_FROM_COUNTRY = re.compile(r"\s+(?:from|based\s+in)\s+(?:the\s+)?([^,;()]+?)\s*\.?\s*$")
#: "Korea's Example Telecom": the country before the name
_COUNTRYS = re.compile(r"(?:the\s+)?([^,;()]+?)['’]s\s+")


def _country_before(ref: Reference, text: str, s: int, e: int) -> tuple[Ref | None, int]:
    """"Korea's Example Telecom" in text[s:e]: the country written before the name, and where the name starts
    (s and None when no country's possessive opens it)."""
    owner = _COUNTRYS.match(text, s, e)
    country = _country_ref(ref, text, owner.start(1), owner.end(1)) if owner else None
    return (country, owner.end()) if owner and country else (None, s)


def _country_beside(ref: Reference, text: str, s: int, e: int) -> tuple[Ref, int, int] | None:
    """The country written beside an organization's name in a list item text[s:e], and where the name is."""
    after = _FROM_COUNTRY.search(text[s:e])
    if after and (country := _country_ref(ref, text, s + after.start(1), s + after.end(1))):
        return country, s, s + after.start()
    country, name_start = _country_before(ref, text, s, e)
    if country is not None:
        return country, name_start, e
    # 'Etisalat UAE', 'Vodafone Germany': an organization the reference data knows, then the country it works in
    words = list(re.finditer(r"\S+", text[s:e]))
    for k in range(1, min(3, len(words) - 1) + 1):
        a, b = s + words[-k].start(), s + words[-1].end()  # the last k words: 'Vodafone United Kingdom' too
        name_end = s + words[-k - 1].end()
        said = clean(text[a:b]).rstrip(".")
        if ref.lookup(said, {"Country"}) is not None and ref.lookup(clean(text[s:name_end]), {"Organization"}) is not None \
                and ref.lookup(clean(text[s:e]).rstrip("."), {"Organization"}) is None:
            country = _country_ref(ref, text, a, b)
            if country is not None:
                return country, s, name_end
    return None


def _parse_item(ref: Reference, text: str, s: int, e: int, result: ParticipantList) -> None:
    item = text[s:e]
    bullet = _BULLET.match(item)  # '•', '-', '1.', '(a)': a list's mark, not the name's
    lead = bullet.end() if bullet and not re.match(r"\s*\d+\.\d", item) else len(item) - len(item.lstrip(" \n\t·•-*"))
    s += lead
    joined = _LIST_GOES_ON.match(text, s, e)
    if joined:  # '..., as well as Huawei, ZTE and China Mobile', '..., and Ian Example (BT, United Kingdom)': the list goes on
        s = joined.end()
    who = _PEOPLE_OF.match(text, s, e)  # 'senior representatives of China Mobile': the organization they came from
    if who:
        s = who.end()
    among = _AMONG.match(text, s, e)  # '25 companies from 15 countries, among them Apex, Beta and Gamma'
    if among:
        s = among.end()
    kinds_said = _INLINE_TRIGGER.search(text, s, e)  # 'CTOs of operators and vendors such as Apex, ...': after the kinds
    if kinds_said and re.fullmatch(r"[a-z][a-z\s-]*", text[s:kinds_said.start()]):
        s = kinds_said.end()
    marked = _HOST_MARK.search(text, s, e)  # 'Example Telecom (Examplia), host': the mark is no part of the item
    if marked:
        e = marked.start()
    shared = _ALL_OF_COUNTRY.search(text, s, e)  # 'Huawei, ZTE and China Mobile (all China)': the list's country
    # (a country's name: not '(all in Geneva)')
    country = _country_ref(ref, text, *shared.span("country")) if shared and ref.lookup(
        clean(shared.group("country")), {"Country"}) is not None else None
    if shared and country is not None:
        before = len(result.participations)
        _parse_item(ref, text, s, shared.start(), result)
        # the items it speaks for: 'both' the last two; 'all' those back to one with its own country or to a break
        # ('..., NTT, as well as Huawei, ZTE and China Mobile (all China)')
        run = 1 if shared.group("all").lower() == "both" else len(result.participations)
        for i in range(before - 1, max(-1, before - 1 - run), -1):
            p = result.participations[i]
            if p.country is not None or _LIST_BREAK.search(text, p.span.end, s):
                break
            result.participations[i] = Participation(p.organization, p.span, country)
        result.participations[before:] = [Participation(p.organization, p.span, p.country or country)
                                          for p in result.participations[before:]]
        return
    clause = _CLAUSE_AFTER.search(text, s, e)  # 'and Vodafone (UK) to discuss trust in AI': the list's last item ends
    if clause:
        e = clause.start() + 1
    item = text[s:e]
    if _TABLE_HEADINGS.match(clean(item)):
        return
    if _CELL_SEP.search(item.strip()):  # a table row: the organization's cell, and a country in another cell
        cells = [(s + c.start() + len(c.group()) - len(c.group().lstrip()), s + c.start() + len(c.group().rstrip()))
                 for c in re.finditer(r"[^\t|]+?(?=\t|\s+\|\s+| {3,}|\s*$)", item) if c.group().strip()]
        # ('Dr. Sung-min Baek <TAB> Hanul Networks <TAB> CTO (Korea)': a styled name in a cell of its own, read below)
        styled_cell = len(cells) >= 3 and starts_with_styles(text[slice(*cells[0])])
        if not styled_cell and _styled_entry(ref, text, s, e, result):
            return  # a person's row ('Jane Roe     CTO, Apex'), read as a person's entry
        if all(_TABLE_HEADINGS.match(clean(text[a:b])) for a, b in cells):
            return
        # 'Takeda Haruki <TAB> Aozora Telecom Corporation <TAB> CTO (Japan)': a person's name first, the body after
        body_at = 0
        if len(cells) >= 3 and not looks_like_organization(text[slice(*cells[0])]) and \
                ref.lookup(text[slice(*cells[0])], {"Organization"}) is None:
            named = read_name(ref, text, cells[0][0], cells[0][1], True)
            body_at = next((i for i, (a, b) in enumerate(cells[:-1]) if i and (
                looks_like_organization(text[a:b]) or ref.lookup(text[a:b], {"Organization"}) is not None)),
                1 if styled_cell or named is not None and named[1] == cells[0][1] else 0)
        org = organization_ref(ref, text, *cells[body_at]) if cells else None
        country = next((c for c in (_country_ref(ref, text, a, b) for a, b in cells[body_at + 1:]) if c), None)
        if country is None and body_at and (bracket := re.search(r"\(([^()]+)\)[ \t]*$", text[slice(*cells[-1])])):
            country = _country_ref(ref, text, cells[-1][0] + bracket.start(1), cells[-1][0] + bracket.end(1))
        if org:
            result.participations.append(Participation(org, Span.of(text, s, e), country))
        return
    if _styled_entry(ref, text, s, e, result):
        return
    # 'the six regional telecommunication organizations: APT, ...': what kind of bodies the list names, then the first
    kind_said = _KIND_THEN_COLON.match(text, s, e)
    if kind_said:
        s = kind_said.end()
        item = text[s:e]
    # 'China: China Mobile, Huawei and ZTE': the names after a country, of that country; after a comma or 'and'
    # ('from Ghana, Kenya and Senegal: MTN, Safaricom') the country ends a list of countries and labels the list after
    group = _country_group(ref, text, s, e)
    if group is not None and re.search(r"(?:,|\band)[ \t]*\Z", text[max(0, s - 6):s]) and \
            (head := _COUNTRY_HEAD.match(text, s, e)) is not None:
        s, group = head.end(), None
        item = text[s:e]
    if group is not None:
        country, a, b = group
        listed = ParticipantList(result.span)
        for x, y in _items(text, a, b, _known_names(ref, text, a, b)):
            _parse_item(ref, text, x, y, listed)
        _give_country(listed, country)
        result.participations += listed.participations
        result.groups += listed.groups
        return
    nested = _kind_then_list().fullmatch(item)
    if nested:  # 'Japanese companies and organizations (A, B and C)': the names in brackets, of that country
        a, b = s + nested.start("list"), s + nested.end("list")
        listed = ParticipantList(result.span)
        for x, y in _items(text, a, b, _known_names(ref, text, a, b)):
            _parse_item(ref, text, x, y, listed)
        _give_country(listed, demonym_country_before(ref, text, s + nested.start("kind"), s))
        result.participations += listed.participations
        result.groups += listed.groups
        return
    if _CHAIRS.match(item.strip()) or ref.lookup(clean(item), ref.group_kinds):
        result.groups.extend(find_groups(ref, text, s, e))
        return
    # 'Name (Country)'
    paren = re.search(r"\(((?:[^()]|\([^()]*\))+)\)\s*\.?\s*$", item)  # 'KT (Korea (Rep. of))' too
    if paren:
        xe = s + len(item[:paren.start()].rstrip())
        if listed_person(ref, text, s, xe, s + paren.start(1), s + paren.end(1)) is not None:
            # 'Van der Berg Pieter (Examplenet)': a person, and the organization in brackets took part
            inner = text[s + paren.start(1):s + paren.end(1)]
            parts = comma_parts(inner)
            a, b = s + paren.start(1) + parts[0][0], s + paren.start(1) + parts[0][1]
            org = organization_ref(ref, text, a, b)
            country = next((c for c in (_country_ref(ref, text, s + paren.start(1) + x, s + paren.start(1) + y)
                                        for x, y in parts[1:]) if c), None)
            if org:
                result.participations.append(Participation(org, Span.of(text, s, e), country))
            return
        country = _country_ref(ref, text, s + paren.start(1), s + paren.end(1))
        if country:
            org = organization_ref(ref, text, s, s + paren.start())
            if org and not _ends_the_name_before(ref, text, org, s, result, country):
                result.participations.append(Participation(org, Span.of(text, s, e), country))
            return
    # 'Name – Country', 'Name - Country': a dash between the organization and its country
    dash = _DASH_COUNTRY.search(item)
    if dash:
        country = _country_ref(ref, text, s + dash.start(1), s + dash.end(1))
        if country:
            org = organization_ref(ref, text, s, s + dash.start())
            if org:
                result.participations.append(Participation(org, Span.of(text, s, e), country))
            return
    # 'Name, Country'
    comma = item.rfind(",")
    if comma > 0:
        country = _country_ref(ref, text, s + comma + 1, e)
        if country:
            org = organization_ref(ref, text, s, s + comma)
            if org:
                result.participations.append(Participation(org, Span.of(text, s, e), country))
            return
    # a lone country right after an organization: 'Ericsson, Sweden, Nokia, Finland' (a city that stands for its
    # country never hides an organization the reference data knows by that name: 'NEC and Hitachi')
    country = _country_ref(ref, text, s, e)
    said = clean(item).rstrip(". ")
    if country is not None and ref.lookup(said, {"Country"}) is None and ref.lookup(said, {"Organization"}) is not None:
        country = None
    if country and result.participations and result.participations[-1].country is None:
        last = result.participations.pop()
        result.participations.append(Participation(last.organization, Span.of(text, last.span.start, e), country))
        return
    if country:
        return
    beside = _country_beside(ref, text, s, e)
    if beside is not None:
        country, name_start, name_end = beside
        org = organization_ref(ref, text, name_start, name_end)
        if org:
            result.participations.append(Participation(org, Span.of(text, s, e), country))
        return
    # 'Example Institute (EI) of Mexico': the acronym after the name, the country after both
    of_country = re.search(r"\s+of\s+(?:the\s+)?((?:(?!\sof\s)[^,;()])+?)(?:\s*\(\s*[A-Z][\w&./-]{1,11}\s*\))?\s*\.?\s*$", item)
    # ('University of Surrey': a town after 'of' is part of the name, and the gazetteer's town of that name may be
    # another country's)
    country = _country_ref(ref, text, s + of_country.start(1), s + of_country.end(1), towns=False) if of_country else None
    if country is not None and of_country is not None:
        acronym = re.search(r"\s*\(\s*[A-Z][\w&./-]{1,11}\s*\)$", item[:of_country.start()])
        org = organization_ref(ref, text, s, s + acronym.end() if acronym else e)
        if org:
            if country.label not in org.label and acronym is None and org.iri and ref.is_reference(org.iri):
                country = None  # a reference organization's name alone: 'of X' was the text's, not its country
            result.participations.append(Participation(org, Span.of(text, s, e), country))
        return
    org = organization_ref(ref, text, s, e)
    if org and not _ends_the_name_before(ref, text, org, s, result):
        result.participations.append(Participation(org, Span.of(text, s, e)))


#: a post and the body it is of or at, in one part of a person's entry: 'President & CEO of Examplecom Inc.'
_POST_OF_BODY = re.compile(r"[ \t]*([^,()]+?)[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?(?=[A-Z])")


def _styled_entry(ref: Reference, text: str, s: int, e: int, result: ParticipantList) -> bool:
    """'Ms Ana Ruiz, CTO, Apex Mobile (Spain)': a person's entry in a list of participants; the body after the name
    and post took part, with the country after it. True when text[s:e] is such an entry (read or not)."""
    lead = re.match(r"(?:and|&)[ \t]+", text[s:e])
    a = s + (lead.end() if lead else 0)
    parts = [(a + x, a + y) for x, y in comma_parts(text[a:e])]
    entry = comma_entry(ref, text, a, e)
    if entry is not None:  # 'Yamada Haruto, Toshiba Corporation, Japan': a person without a style, then where from
        org = organization_ref(ref, text, *entry.body)
        if org is not None:
            result.participations.append(Participation(org, Span.of(text, s, e), entry.country))
        return True
    if not starts_with_styles(text[a:e]) and not (len(parts) > 2 and _a_name_then_a_post(ref, text, parts)):
        return False
    if len(parts) < 2 or re.match(r"[^,(]*\(", text[a:e]):
        return False  # 'Ms Ana Ruiz (Apex Mobile, Spain)': a name and its brackets, read as such below
    last = _country_ref(ref, text, *parts[-1]) if len(parts) > 2 else None  # '..., Apex Mobile, Spain'
    if last is not None:
        parts = parts[:-1]
    for ps, pe in reversed(parts[1:]):
        bracket = re.search(r"[ \t]*\(([^()]{1,40})\)[ \t.]*$", text[ps:pe])
        name_end = ps + bracket.start() if bracket else pe
        country = _country_ref(ref, text, ps + bracket.start(1), ps + bracket.end(1)) if bracket else None
        post_of = _POST_OF_BODY.match(text, ps, name_end)
        of_post = bool(post_of and starts_with_title(clean(post_of.group(1))))
        if of_post and post_of is not None:
            ps = post_of.end()  # 'President & CEO of Examplecom Inc.': the body the post is of
        words = clean(text[ps:name_end]).strip(" .")
        if not words or ref.lookup(words, ref.place_kinds) is not None or \
                (is_post_title(words) and ref.lookup(words, {"Organization"}) is None):
            continue
        if ref.lookup(words, {"Organization"}) is None and not looks_like_organization(words) and \
                ((country or last) is None or of_post):
            return True  # a field or a unit ('Head of Research, Seoul'): no body this entry names for sure
        org = organization_ref(ref, text, ps + len(text[ps:name_end]) - len(text[ps:name_end].lstrip()), name_end)
        if org is not None:
            result.participations.append(Participation(org, Span.of(text, s, e), country or last))
        return True
    return True


def _person_line(ref: Reference, text: str, ls: int, le: int) -> bool:
    """A line of a list that is one person's entry: a name, a post, then the body ('• Ana Example, CTO, Apex')."""
    bullet = _BULLET.match(text[ls:le])
    a = ls + (bullet.end() if bullet else len(text[ls:le]) - len(text[ls:le].lstrip()))
    parts = [(a + x, a + y) for x, y in comma_parts(text[a:le])]
    return (len(parts) > 2 and _a_name_then_a_post(ref, text, parts)) or comma_entry(ref, text, a, le) is not None


def _a_name_then_a_post(ref: Reference, text: str, parts: list[tuple[int, int]]) -> bool:
    """'Ahmed Example, Chief Technology Officer, ...': a person's name without a style, then a post."""
    (a, b), (c, d) = parts[0], parts[1]
    name = read_name(ref, text, a, b, True)
    return name is not None and name[1] >= len(text[:b].rstrip()) and starts_with_title(clean(text[c:d]))


#: the words that say what kind of bodies a list names, before its first item: 'the six regional organizations: '
_KIND_THEN_COLON = re.compile(r"[^:\n]{0,80}?\b(?:(?:organi[sz]ations|companies|operators|vendors|members|entities|bodies|"
                              r"institutions|regulators|administrations)|(?:CTOs|CxOs|executives|representatives|"
                              r"participants|delegates|experts)[ \t]+(?:from|of))[ \t]*:[ \t]+(?=[A-Z0-9])", re.IGNORECASE)


#: the sentence going on after a list's last item and its bracket: ') to discuss ...', ') who agreed ...'
_CLAUSE_AFTER = re.compile(r"\)[ \t]+(?=(?:to|who|which|that|for|in|at|on|agreed|discussed|met|gathered)[ \t]+[a-z])")


#: 'Japan: NTT and KDDI', 'and the United States: A, B': a country, a colon, and the names of that country
_COUNTRY_HEAD = re.compile(r"(?:and[ \t]+)?(?:the[ \t]+)?(?P<country>[A-Z][^:\n]{1,40}?)[ \t]*:[ \t]+(?=\S)")


#: 'China (China Mobile, Huawei and ZTE)': a country, and the names of that country in brackets; the country's own
#: name may hold a bracket ('Korea (Rep. of) (SK Telecom)')
_COUNTRY_BRACKETED = re.compile(r"(?:and[ \t]+)?(?:the[ \t]+)?(?P<country>[A-Z][^()\n]{1,40}?(?:[ \t]*\([^()\n]{1,24}\))?)[ \t]*\(")


def _country_group(ref: Reference, text: str, s: int, e: int) -> tuple[Ref, int, int] | None:
    """The country heading a list item of its own names (text[s:e] = 'China: A, B and C' or 'China (A, B and C)'),
    and where the names start and end."""
    head = _COUNTRY_HEAD.match(text, s, e)
    stop = e
    if head is None:
        head = _COUNTRY_BRACKETED.match(text, s, e)
        close = _closing_bracket(text, head.end(), e) if head else -1
        if head is None or close < 0 or text[close + 1:e].strip(" .;,\n") or \
                ref.lookup(clean(text[head.start("country"):close + 1]), ref.place_kinds) is not None:
            return None  # 'Korea (Republic of)': one country's name
        stop = close
    country = _country_ref(ref, text, *head.span("country"))
    if country is None or ref.lookup(clean(head.group("country")), {"Country"}) is None:
        return None  # only a country: 'Geneva: ...' or 'Chair: ...' heads no names of a country
    return country, head.end(), stop


@lru_cache(maxsize=1)
def _kinds_of_bodies() -> str:
    """'companies|operators|...': the plural words of kind `category` in organization-words.csv, as an alternation."""
    from .organizations import organization_words
    plural = sorted((w for w in organization_words().get("category", ()) if w.endswith("s")), key=len, reverse=True)
    return "|".join(re.escape(w) for w in plural)


@lru_cache(maxsize=1)
def _kind_then_list() -> re.Pattern:
    """Bodies of a kind, with their names in brackets after it: 'Examplian companies and organizations (A, B and C)'."""
    return re.compile(rf"(?:the[ \t]+)?(?:[A-Z][\w-]*[ \t]+)?(?:[a-z][\w-]*[ \t]+){{0,2}}(?P<kind>{_kinds_of_bodies()})"
                      r"(?:[ \t]+(?:and|&)[ \t]+[a-z]+)?[ \t]*\((?P<list>(?:[^()]|\([^()]*\))+)\)[ \t]*\.?[ \t]*")


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """World regions as ontology/reference/itu-regions.csv names them, whole and in parts ('Africa', 'Asia',
    'Latin America', 'the Caribbean')."""
    rows = [r for r in (reference_dir() / "itu-regions.csv").read_text(encoding="utf-8").splitlines()
            if r and not r.startswith("#")]
    names: set[str] = set()
    for row in csv.DictReader(rows):
        for name in [row["name"], *row["aliases"].split("|")]:
            names.add(name)
            names.update(p.strip() for p in re.split(r",|\band\b|&", name) if p.strip())
    from ..gazetteer import continent_names  # ('experts from Asia, Europe and the Americas': continents too)

    names |= continent_names()
    return frozenset(n for n in names if n)


def _ends_the_name_before(ref: Reference, text: str, org: Ref, s: int, result: ParticipantList,
                          country: Ref | None = None) -> bool:
    """'Orange Middle East and Africa (France)': a region read as an item after 'and' ends the name before it;
    the two become one participation (with the country written after them)."""
    if org.iri is not None or not result.participations or (
            ref.lookup(org.label, ref.place_kinds) is None and org.label not in region_names()):
        return False
    last = result.participations[-1]
    if not re.fullmatch(r",?\s+and\s+", text[last.span.end:s]) or last.country is not None:
        return False
    whole = organization_ref(ref, text, last.span.start, org.span.end)
    if whole is None:
        return False
    result.participations[-1] = Participation(whole, Span.of(text, last.span.start, org.span.end), country)
    return True


_PARTICIPATION_CONTEXT = re.compile(r"participa(?:t\w*|nts?\b)|attend\w*|t(?:ook|aking|akes?)\s+part|represented|present\s+were|joined\s+by|"
                                    # 'joined the meeting, representing companies including ...'
                                    r"joined\s+(?:the|this|today['’]s)\s+(?:[\w-]+\s+){0,2}(?:meeting|consultation|call|session|"
                                    r"discussions?|round\s?table|event|dialogue)\b|representing\s+(?:[\w-]+\s+){0,2}(?:companies|"
                                    r"organi[sz]ations|operators|vendors|manufacturers|firms)\b|"
                                    r"brought\s+together|gathered|convened|delegat\w*|accompanied|"
                                    # 'Executives from 18 companies, including A (X), B (Y), agreed ...'
                                    r"\b(?:CTOs|CxOs|executives|representatives|delegates|leaders)\s+(?:of|from)\b", re.I)
_OTHER_CONTEXT = re.compile(r"coordinat\w*|collaborat\w*|activities|work\s+of|standards?\s+bodies", re.I)


#: how many bodies a list's lead counts: 'executives from more than 18 companies, including ...'
_COUNT = re.compile(rf"(?:(?:more\s+than|over|some|about|nearly|almost)\s+)?(?:{CARDINAL_PATTERN}\s+)?", re.I)


def _after_count(text: str, pos: int) -> int:
    """Where the words after a count start ('more than 18 companies': at 'companies'); pos when there is none."""
    m = _COUNT.match(text, pos)
    return m.end() if m else pos


def _about_participation(text: str, at: int, trigger_end: int | None = None) -> bool:
    """An inline list names participants only if its clause (or its trigger) speaks of taking part, not of other work."""
    clause_start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at), text.rfind(";", 0, at), at - 100) + 1
    clause = text[clause_start:at]
    said = text[clause_start:trigger_end or at]
    if _OTHER_CONTEXT.search(clause):
        return False
    if _PARTICIPATION_CONTEXT.search(said):
        return True
    # 'Examplian companies such as A and B attended': the verb of taking part after the list
    end = sentence_at(text, at)[1]
    return trigger_end is not None and _PARTICIPATED.search(text, trigger_end, end) is not None


_CONNECTORS = {"of", "and", "for", "the", "de", "du", "des", "la", "le", "del", "und", "y", "et", "&", "on", "in", "&amp;"}
_BULLET = re.compile(r"^\s*(?:[·•\-*–▪◦・]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s*")
#: a post after a dash at the end of a list's line: ' – Chair', ' — Rapporteur'
_DASHED_POST = re.compile(r"[ \t]+[–—-][ \t]+([A-Z][^\n–—,;()]{1,40}?)[ \t]*$")


def _item_line(ref: Reference, line: str, next_line: str = "") -> bool:
    """A line of a one-per-line list: a bullet, a table row, 'Name, Country', 'Name (Country)', a known
    organization, chairs of groups, or a capitalised name; not a heading ('Discussion' over prose) or a sentence."""
    body = _BULLET.sub("", line).strip().rstrip(".;,")
    if not body or len(body) > (400 if _country_group(ref, body, 0, len(body)) is not None else 150):
        return False  # (a country's line may name many bodies: 'Kenya: Ministry of ...; Authority ...; ...')
    if _BULLET.match(line) or ";" in body:
        return True
    dashed = _DASHED_POST.search(body)
    if dashed is not None and starts_with_title(dashed.group(1)):
        body = body[:dashed.start()]  # '..., Apex Telecom S.A. (Turkey) – Chair': the entry before its post
    cells = _CELL_SEP.split(body)
    if 2 <= len(cells) <= 6 and not any(re.search(r"[!?:]\s|[a-z]{3,}\.\s+[A-Z]", c) or len(c) > 80 for c in cells):
        return True  # a table row: 'Acme<TAB>France', 'Acme | France', a heading row 'Company<TAB>Country'

    if _CHAIRS.match(body) or ref.lookup(body, {"Organization"}) or ref.lookup(strip_legal_form(body), {"Organization"}):
        return True
    if _country_group(ref, body, 0, len(body)) is not None:
        return True  # 'Japan: NTT, KDDI'
    for m in (re.search(r"\(([^()]+)\)$", body), re.search(r",\s*([^,]+)$", body), _DASH_COUNTRY.search(body)):
        if m and ref.lookup(m.group(1).strip(), ref.place_kinds):
            return True
    if re.search(r"[.!?:]\s", body) or re.search(r"\b(?:19|20)\d\d\b", body):
        return False
    named = re.fullmatch(r"(.+?)[ \t]*\(([^()]+)\)", body)
    if named and listed_person(ref, body, 0, named.end(1), named.start(2), named.end(2)) is not None:
        return True  # 'de la Cruz Maria (Examplenet)': a person and the organization they came from
    words = re.findall(r"[\w&'’.-]+", body)
    if next_line and (len(next_line) > 100 or next_line.rstrip().endswith(".") and len(next_line.split()) > 6):
        return False  # a heading over prose
    return bool(words) and len(words) <= 10 and all(w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS for w in words)


def _block_lines(ref: Reference, text: str, body: int, end: int) -> list[tuple[int, int]]:
    """The lines of a list written one item per line (html and docx lists and tables), from `body` on."""
    out: list[tuple[int, int]] = []
    pos = body
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        s, e = pos, line_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            if out:
                break  # a blank line ends the list
        elif out and _continues_cell(text, out[-1], pos, s):
            out[-1] = (out[-1][0], e)  # a cell that wraps onto the next line, under its column: the same entry
        else:
            line = text[s:e]
            nxt_end = text.find("\n", line_end + 1, end)
            next_line = text[line_end + 1:end if nxt_end < 0 else nxt_end].strip() if line_end < end else ""
            if not _item_line(ref, line, next_line):
                break
            out.append((s, e))
            if line.endswith(".") and not abbreviation_end().search(line):
                break  # the list sentence ends
        pos = line_end + 1
    return out


def _continues_cell(text: str, entry: tuple[int, int], line_start: int, s: int) -> bool:
    """Whether the line indented to `s` goes on with the entry before it: indented under one of that entry's cells
    past the first (a PDF's column, 'Jane Roe     Vice President, Apex Research Institute,' then '      Examplia'), or
    indented after an entry ending with a comma."""
    indent = s - line_start
    if indent < 2 or "\t" in text[line_start:s]:
        return False
    previous = text[entry[0]:entry[1]]
    if previous.endswith(","):
        return True
    first = text.rfind("\n", 0, entry[0]) + 1
    wrapped = text.rfind("\n", entry[0], entry[1])  # (an entry that wrapped already: its last line)
    last_line = wrapped + 1 if wrapped >= 0 else first
    columns = {m.end() - last_line for m in re.finditer(r"(?<=\S) {2,}(?=\S)", text[last_line:entry[1]])}
    columns |= {m.end() - first for m in re.finditer(r"(?<=\S) {2,}(?=\S)", text[first:entry[1]].split("\n")[0])}
    return indent >= 4 and indent in columns


def _known_names(ref: Reference, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Names a list must not be cut inside: reference organizations ('Ministry of Science and ICT'), and names the
    document defines with an acronym or whose 'and' follows their head noun ('Ministry of Information and
    Communications Technologies of Colombia'); not a name the document's own lists made up ('Apex and Brio Institute')."""
    from .organizations import organization_words
    heads = organization_words().get("head", frozenset())
    out = []
    for x in ref.find(text, {"Organization"}, start, end):
        words = text[x.start:x.end].split()
        head = next((i for i, w in enumerate(words) if w in heads), None)
        defined = re.match(r"\s*\(\s*[A-Z][\w&./-]{1,11}\s*\)", text[x.end:x.end + 16])  # 'Name (ACR)'
        if ref.is_reference(x.entry.iri) or defined or (head is not None and "and" in words[head + 1:]):
            out.append((x.start, x.end))
    return out


def find_participant_lists(ref: Reference, text: str, start: int, end: int) -> list[ParticipantList]:
    """Every participant list in text[start:end]."""
    taken: list[tuple[int, int]] = []
    # tables whose heading row says what each column holds first: a list's trigger over one reads no row again
    found: list[ParticipantList] = _table_participants(ref, text, start, end, taken)
    tables = list(taken)
    found += _administrations_of(ref, text, start, end, taken)  # before 'representatives of' reads the same words
    found += _bodies_over_people(ref, text, start, end, taken)
    for trigger, inline in ((_LIST_TRIGGER, False), (_ROLE_TRIGGER, True), (_INLINE_TRIGGER, True)):
        for m in trigger.finditer(text, start, end):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if inline and trigger is _INLINE_TRIGGER and not _about_participation(text, m.start(), m.end()):
                continue
            if trigger is _ROLE_TRIGGER and re.match(r"(?i)in\s+(?:collaboration|partnership|cooperation)\s+with|jointly\s+with",
                                                     m.group()) \
                    and _A_GROUPS_WORK.search(text, sentence_at(text, m.start())[0], m.start()):
                continue  # 'FG-AI4H, established jointly with WHO', 'SG17 to study X in cooperation with FG DLT': a group's work
            body = m.end()
            while body < end and text[body] in " \t\n:":
                body += 1
            again = _INLINE_TRIGGER.match(text, _after_count(text, body))
            while again and again.end() > body:  # 'executives from (18) companies including A, B': one list
                body = again.end()
                again = _INLINE_TRIGGER.match(text, _after_count(text, body))
            if not inline and "\n" not in text[m.end():body] and (text[m.end() - 1] != ":" or body < line_end(text, body)):
                # 'the participating organizations were A, B', 'Participants: A (X), B (Y). The CTOs ...': inline
                inline_here = True
            else:
                inline_here = inline
            block = [] if inline_here or "\n" not in text[m.end():body] else _block_lines(ref, text, body, end)
            read_above: list[tuple[int, int]] = []  # lines of the block a table or a list in columns read above
            if len(block) > 1:
                stop = block[-1][1]
                result = ParticipantList(Span.of(text, m.start(), stop))
                for ls, le in block:
                    row = next(((a, b) for a, b in tables if a < le and ls < b), None)
                    if row is not None:
                        read_above.append(row)
                    if row is not None or _is_table_heading(text, ls, le):
                        continue  # a row (or the heading) of a table read above
                    dashed = _DASHED_POST.search(text, ls, le)
                    if dashed is not None and starts_with_title(dashed.group(1)):
                        le = dashed.start()  # '..., Apex Telecom A.S. (Turkey) – Chair': the person's post, no item
                    # a table row's cells are not list items, nor are the names after a country ('Japan: A, B')
                    one_row = bool(_CELL_SEP.search(text[ls:le].strip())) or _country_group(
                        ref, text, ls + len(text[ls:le]) - len(text[ls:le].lstrip()), le) is not None \
                        or _person_line(ref, text, ls, le)  # 'Ana Example, CTO, Apex Mobile, Spain': one entry
                    for s, e in ([(ls, le)] if one_row else _items(text, ls, le, _known_names(ref, text, ls, le), True)):
                        _parse_item(ref, text, s, e, result)
            else:
                if text[m.end() - 1] == "(":  # a list in brackets ends at its closing bracket
                    stop = _closing_bracket(text, body, end)
                    if stop < 0 or "\n" in text[body:stop]:
                        continue
                else:
                    stop = min(_list_end(text, body, inline_here), end)
                    stop = _before_main_clause(text, m.start(), body, stop)
                if stop <= body:
                    continue
                if trigger is _ROLE_TRIGGER and _RECEIVED_FROM.match(m.group()) and not _only_contributors(text, m.start(), stop):
                    continue
                result = ParticipantList(Span.of(text, m.start(), stop))
                known = _known_names(ref, text, body, stop)
                for s, e in _items(text, body, stop, known):
                    _parse_item(ref, text, s, e, result)
            if trigger is _INLINE_TRIGGER and not result.groups \
                    and not any(p.organization.iri or p.country for p in result.participations) and len(result.participations) < 2:
                continue  # 'members such as ...' prose, not a list of organizations ('X (Kenya)' is one, alone too)
            if any(a < stop and body < b and (a, b) not in read_above for a, b in taken):
                continue  # 'attended by CTOs of the following companies: A, B': the list another trigger read
            if result.participations or result.groups:
                _give_country(result, demonym_country_before(ref, text, m.start(), start))  # 'Japanese companies including'
                found.append(result)
                taken.append((m.start(), stop))
    found += _lists_before_verb(ref, text, start, end, taken)
    # 'the Ministry of X acted as head of delegation': the organization that led a delegation took part
    for m in _HEAD_OF_DELEGATION.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in taken):
            continue
        org = organization_ref(ref, text, *m.span("org"))
        if org is not None and org.iri is not None:
            result = ParticipantList(Span.of(text, m.start(), m.end()))
            result.participations.append(Participation(org, Span.of(text, *m.span("org"))))
            found.append(result)
    for r in found:  # ITU and its units (a regional office, a sector) organize; they are not outside participants
        r.participations = [p for p in r.participations if p.organization.iri is None
                            or not ref.part_of_itu(p.organization.iri)]
        # 'experts from Africa and Europe': regions and places, not organizations
        r.participations = [p for p in r.participations if p.organization.iri is not None or not all(
            part in region_names() or ref.lookup(part, ref.place_kinds) is not None  # 'the UK and the USA' too
            for part in re.split(r"\s*,\s*|\s+and\s+(?:the\s+)?", p.organization.label) if part)]
    found.sort(key=lambda r: r.span.start)
    return found


def _give_country(result: ParticipantList, country: Ref | None) -> None:
    """Every organization of the list whose own country the text does not say is of `country`."""
    if country is not None:
        result.participations = [p if p.country else Participation(p.organization, p.span, country)
                                 for p in result.participations]


#: a table's row of sums: 'Total', 'Grand total', 'Subtotal'
_TOTAL = re.compile(r"(?i)(?:grand[ \t]+|sub-?)?totals?:?")


def _table_participants(ref: Reference, text: str, start: int, end: int,
                        taken: list[tuple[int, int]]) -> list[ParticipantList]:
    """'Name | Title | Company | Country' over one row a participant (graph/extract/tables.py): the company and
    its country of each row no list read before."""
    found: list[ParticipantList] = []
    for row in table_rows(text, start, end):
        if "organization" not in row.cells or any(a <= row.start < b for a, b in taken):
            continue
        org, country = organization_ref(ref, text, *row.cells["organization"]), None
        heading = text[slice(*row.headings["organization"])] if "organization" in row.headings else ""
        written = clean(text[slice(*row.cells["organization"])])
        if re.fullmatch(r"(?i)administrations?", heading.strip()) and ref.lookup(written, {"Country"}) is not None:
            # 'Administration' over 'Australia': that country's administration, for its country
            country = _country_ref(ref, text, *row.cells["organization"])
            the = "the " if _WITH_ARTICLE.search(re.sub(r"\(.*?\)", "", written)) else ""  # (not 'Iran (Islamic Republic of)')
            org = Ref("Organization", f"Administration of {the}{written}", Span.of(text, *row.cells["organization"]))
        if org is None or (org.iri is not None and ref.part_of_itu(org.iri)) or _TOTAL.fullmatch(written):
            continue  # ('Total' over the sum of a column)
        if "country" in row.cells:
            country = _country_ref(ref, text, *row.cells["country"])
        result = ParticipantList(Span.of(text, row.start, row.end))
        result.participations.append(Participation(org, Span.of(text, row.start, row.end), country))
        found.append(result)
        taken.append((row.start, row.end))
    # 'Ana Example        Apex Mobile (Kenya)': a list in columns with no heading row, a person's name first, then the
    # body they came from (its country in brackets, or in a third column)
    for line in column_rows(text, start, end):
        (a, b) = line.cells[0]
        name = read_name(ref, text, a, b, True)
        read = column_entry(ref, text, line) if name is not None and name[1] >= b else None
        if read is None or any(x <= line.start < y for x, y in taken):
            continue
        org = organization_ref(ref, text, *read[0])
        if org is None or (org.iri is not None and ref.part_of_itu(org.iri)):
            taken.append((line.start, line.end))  # 'Mary Roe      TSB': read, no participant (ITU's own)
            continue
        result = ParticipantList(Span.of(text, line.start, line.end))
        result.participations.append(Participation(org, Span.of(text, line.start, line.end), read[1]))
        found.append(result)
        taken.append((line.start, line.end))
    return found


#: a verb of taking part after its subject: 'A, B and C were represented', 'A and B also took part'
_PARTICIPATED = re.compile(r"[ \t]+(?:(?:were|was)[ \t]+(?:also[ \t]+|all[ \t]+)?represented|(?:also[ \t]+|all[ \t]+)?"
                           r"(?:took[ \t]+part|participated|attended|joined[ \t]+(?:the|in))|(?:were|was)[ \t]+(?:also[ \t]+)?"
                           r"(?:among[ \t]+the[ \t]+)?(?:participants|present|in[ \t]+attendance)|"
                           # 'A, B and C submitted 60 contributions': contributors to the meeting
                           r"(?:also[ \t]+|jointly[ \t]+)?(?:submitted|contributed|presented|tabled)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
                           r"(?:contributions?|proposals?|input[ \t]+documents?)|"
                           # 'Orange, Huawei and NTT also contributed to the discussions.'
                           r"(?:also[ \t]+)?contributed(?=[ \t]+to[ \t]+the[ \t]+(?:meeting|discussions?|work[ \t]+of[ \t]+the[ \t]+"
                           r"meeting)\b))\b"
                           # (not 'submitted proposals to the European Commission last year')
                           r"(?![ \t]+(?:to|at)[ \t]+(?:the[ \t]+)?(?!(?:this|the)[ \t]+meeting)[A-Z0-9]|[^.;\n]{0,40}\b(?:(?:19|20)\d\d|last[ \t]+year)\b)")
#: 'Orange took part in the ITU CTO meeting on 3 March 2021': a verb of taking part in a meeting named right after it
#: (its date may follow: the year guard of _PARTICIPATED is for contributions)
_TOOK_PART_IN = re.compile(r"[ \t]+(?:also[ \t]+)?(?:took[ \t]+part|participated)(?=[ \t]+in[ \t]+(?:the[ \t]+|an?[ \t]+)?"
                           r"(?:[\w-]+[ \t]+){0,4}(?:meeting|consultation|round\s?table|assembly|workshop|forum|summit|session)\b)")


@lru_cache(maxsize=1)
def _list_lead() -> re.Pattern:
    """Who stands before the list ('The CTOs of A, B and C attended'), and the kind of the bodies listed ('Examplian
    mobile operators A and B took part'), whose demonym gives their country."""
    return re.compile(r"(?:also[ \t]*,?[ \t]+|in[ \t]+addition[ \t]*,?[ \t]+)?(?:(?:the[ \t]+)?(?:(?:senior|other)[ \t]+)?"
                      r"(?:CTOs|CxOs|executives|representatives|delegates|delegations|experts|leaders)[ \t]+(?:of|from)[ \t]+)?"
                      r"(?:(?:the[ \t]+)?(?:[A-Z][\w-]*[ \t]+){0,2}(?:[a-z][\w-]*[ \t]+){0,2}"
                      rf"(?P<kind>{_kinds_of_bodies()})(?:[ \t]*,)?[ \t]+(?=[A-Z0-9]))?")
#: a subject that lists names: capitalised items, separated by commas and a final 'and'
_LISTED_NAME = (r"(?:the[ \t]+)?[A-Z0-9][\w&'’.-]*(?:[ \t]+(?:(?:of|for|the|de|du|la|and|&)[ \t]+)*[A-Z0-9][\w&'’.-]*)*"
                r"(?:[ \t]*\([^()\n]*\))?")
_ONE_NAME = re.compile(_LISTED_NAME)
_NAME_LIST = re.compile(rf"{_LISTED_NAME}(?:,[ \t]*{_LISTED_NAME})*,?[ \t]+(?:and|&)[ \t]+{_LISTED_NAME}")


def _lists_before_verb(ref: Reference, text: str, start: int, end: int,
                       taken: list[tuple[int, int]]) -> list[ParticipantList]:
    """'China Example, Apex Telecom and Example Mobile were represented at the meeting': the list that is the
    subject of a verb of taking part, read from the sentence's start (two items at least: 'The CTOs attended' and
    'Ms A attended' name no organizations)."""
    found: list[ParticipantList] = []
    verbs = sorted([*_PARTICIPATED.finditer(text, start, end), *_TOOK_PART_IN.finditer(text, start, end)],
                   key=lambda v: v.start())
    for v in verbs:
        s, _ = sentence_at(text, v.start())
        s = max(s, start)
        s += len(text[s:v.start()]) - len(text[s:v.start()].lstrip())
        lead = _list_lead().match(text, s, v.start())
        body = lead.end() if lead else s
        if any(a <= body < b or a < v.start() <= b for a, b in taken):
            continue
        result = ParticipantList(Span.of(text, s, v.end()))
        if _NAME_LIST.fullmatch(text, body, v.start()):
            for a, b in _items(text, body, v.start(), _known_names(ref, text, body, v.start())):
                _parse_item(ref, text, a, b, result)
            if lead and lead.group("kind"):
                _give_country(result, demonym_country_before(ref, text, lead.start("kind"), s))
        if len(result.participations) + len(result.groups) < 2:
            # 'The Ministry of Posts and Telecommunications (MPT) participated in ...': one organization the reference
            # data or the document knows ('and' inside its name), never a lone unknown name
            result = ParticipantList(Span.of(text, s, v.end()))
            name_start = _after_dateline(text, body, v.start(), dated=False)
            # "Examplia's National Telecommunications Agency (ENTA) took part": the country, then the name
            country, name_start = _country_before(ref, text, name_start, v.start())
            org = _one_organization(ref, text, name_start, v.start())
            if org is None:
                continue
            result.participations.append(Participation(org, Span.of(text, body, v.start()), country))
        found.append(result)
        taken.append((s, v.end()))
    return found


#: the role trigger of contributors: 'Contributions were received from A, B and C'
_RECEIVED_FROM = re.compile(r"(?i)(?:contributions?|proposals?|input)\b")


#: what a contribution did, after the list of its authors: 'Contributions from A and B proposed ...'
_WHAT_IT_PROPOSED = re.compile(r"[ \t]+(?:also[ \t]+|jointly[ \t]+)?(?:proposed|suggested|called[ \t]+for|requested|"
                               r"described|presented|addressed|sought|recommended|introduced)\b")


def _only_contributors(text: str, trigger: int, stop: int) -> bool:
    """Whether 'Contributions were received from A, B and C.' names contributors to the meeting: the sentence opens
    with it and the list ends it (or says what they proposed), and it is not about late papers, liaison statements or
    the officers of groups."""
    s, e = sentence_at(text, trigger)
    if re.search(r",|\b(?:for|in|to|on)\b", text[s:trigger], re.IGNORECASE):
        return False  # 'For the next meeting of FG-X, proposals were received from ...': for something else
    proposed = _WHAT_IT_PROPOSED.match(text, stop, e)
    return bool(re.fullmatch(r"[\s.;]*", text[stop:e]) or proposed) \
        and not re.search(r"(?i)\b(?:late|liaisons?|not\s+(?:be\s+)?considered)\b", text[s:e]) \
        and not re.search(r"(?i)\b(?:chairs?|chairm[ae]n|directors?|study\s+groups?)\b", text[s:stop if proposed else e])


def _after_dateline(text: str, s: int, e: int, dated: bool = True) -> int:
    """Where a sentence's subject starts after the dateline that opens it ('Doha – 28 November 2023: The X Authority
    (XA) ...', 'Manama, 12 April 2023: The TRA hosted ...'): past the last ':' or dash, s if none. `dated`: only a
    dateline that opens its line with a capitalised place or a day and holds a date ('On 8 May 2025 – the eve of
    the event – Etisalat hosted ...' has none)."""
    seps = list(re.finditer(r"(?::|[ \t][–—-]{1,2})[ \t]+(?=[A-Z])", text[s:e]))
    if dated:
        line_start = s == 0 or text[s - 1] == "\n"
        seps = [m for m in seps if line_start and re.search(r"\d", text[s:s + m.start()])
                and re.match(r"(?:\d|(?!(?:On|In|At|By|From|Since|After|Before)\b)[A-Z])", text[s:s + m.start()])]
    return s + seps[-1].end() if seps else s


def _one_organization(ref: Reference, text: str, s: int, e: int) -> Ref | None:
    """The one organization text[s:e] names, when the reference data or the document knows it and it is not ITU's;
    'Representatives of X' names X."""
    who = _PEOPLE_OF.match(text, s, e)  # 'Representatives of Government attended'
    name_start = who.end() if who else s
    org = organization_ref(ref, text, name_start, e) if _ONE_NAME.fullmatch(text, name_start, e) else None
    if org is None or org.iri is None or ref.part_of_itu(org.iri):
        return None
    return org if ref.is_reference(org.iri) or looks_like_organization(org.label) else None


def body_over_person(ref: Reference, text: str, m: re.Match) -> tuple[Ref, Ref] | None:
    """The body and its country of a match of BODY_OVER_PERSON ('Kestrel Semiconductors Inc. (United States)'), or
    None when the brackets name no country or the line names no body from outside ITU."""
    country = _country_ref(ref, text, *m.span("country"), towns=False)
    body = organization_ref(ref, text, *m.span("body")) if country is not None else None
    if body is None or country is None or (body.iri is not None and ref.part_of_itu(body.iri)):
        return None
    return body, country


def _bodies_over_people(ref: Reference, text: str, start: int, end: int,
                        taken: list[tuple[int, int]]) -> list[ParticipantList]:
    """A participants annex that gives each body with its country on a line, its people on the lines under it
    (the first line under it must open with a person's style), or opening each person's line before a dash: each
    body took part, for its country."""
    found: list[ParticipantList] = []

    def took_part(m: re.Match) -> bool:
        read = body_over_person(ref, text, m)
        if read is None:
            return False
        result = ParticipantList(Span.of(text, m.start("body"), m.end("country") + 1))
        result.participations.append(Participation(read[0], result.span, read[1]))
        found.append(result)
        taken.append((m.start("body"), m.end()))
        return True

    pos = start
    while (m := BODY_OVER_PERSON.search(text, pos, end)) is not None:
        pos = m.start() + 1  # (a match that is no entry may hide one on its second line: 'Mr A, CTO' / 'Beta (Chile)')
        if any(a <= m.start() < b for a, b in taken) or not starts_with_styles(text[m.end():m.end() + 40]):
            continue
        if took_part(m):
            pos = m.end()
    # 'Jangsu Networks (Republic of Korea) — Seo Yeon-woo, Executive Vice President': the body opens its person's line
    for m in BODY_BEFORE_PERSON.finditer(text, start, end):
        name = read_name(ref, text, m.end(), line_end(text, m.end()), True)
        if not any(a <= m.start() < b for a, b in taken) and (starts_with_styles(text[m.end():m.end() + 40])
                                                               or name is not None and name[0] == m.end()):
            took_part(m)
    return found


#: the words after the bodies a field names that say they took part: 'Administrations represented:'
_PRESENT = r"(?:[ \t]+(?:represented|present|participating|attending|taking[ \t]+part))?"
#: 'the communications administrations of Brazil, Argentina and Mexico': the administrations of a list of countries
_ADMINISTRATIONS_OF = re.compile(r"\b(?:(?:tele)?communications?[ \t]+|national[ \t]+|ICT[ \t]+)?administrations"
                                 # 'the Communications Administrations (CA): the Republic of Azerbaijan, ...'
                                 # 'Administrations represented: Algeria, Bahrain, ...'
                                 rf"(?:[ \t]+of|(?:[ \t]*\([A-Z]{{1,5}}\))?{_PRESENT}[ \t]*:)[ \t]+(?:the[ \t]+)?(?=[A-Z])",
                                 re.IGNORECASE)


#: country names said with 'the': 'the United States', 'the Republic of Korea', 'the Netherlands', 'the Philippines'
_WITH_ARTICLE = re.compile(r"^(?:United|Republic|Russian|Netherlands|Philippines|Gambia|Bahamas|Maldives|Comoros)\b|"
                           r"\b(?:Republic|Kingdom|States|Islands|Emirates|Federation)\b")


def _administrations_of(ref: Reference, text: str, start: int, end: int,
                        taken: list[tuple[int, int]]) -> list[ParticipantList]:
    """'Representatives of the communications administrations of Brazil, Argentina and Mexico took part': each
    country's administration ('Administration of Brazil', as written of one) took part, for its country. Only in a
    sentence about taking part, and only as far as the list names countries."""
    found: list[ParticipantList] = []
    for m in _ADMINISTRATIONS_OF.finditer(text, start, end):
        s, e = sentence_at(text, m.start())
        if any(a <= m.start() < b for a, b in taken) or not (
                _PARTICIPATED.search(text, m.end(), min(e, end)) or _about_participation(text, m.start())
                or _PARTICIPATION_CONTEXT.search(m.group())):  # ('Administrations represented: ...')
            continue
        stop = min(_list_end(text, m.end(), True), e, end)
        result = ParticipantList(Span.of(text, m.start(), stop))
        # each one's name as the words say it of one: 'communications administrations of' -> 'Communications
        # Administration of Brazil'
        head = " ".join(w[:1].upper() + w[1:] for w in re.sub(rf"(?i)administrations(?:\s+of|\s*(?:\([A-Z]+\))?{_PRESENT}\s*:)(?:\s+the)?\s*$",
                                                                "administration", m.group()).split())
        for a, b in _items(text, m.end(), stop):
            said = re.match(r"\s*(?:(?:and|&)\s+)?(?:the\s+)?(.*?)[\s.]*$", text[a:b])  # 'and the United States.'
            cs, ce = (a + said.start(1), a + said.end(1)) if said else (a, b)
            if ref.lookup(clean(text[cs:ce]), {"Country"}) is None or (country := _country_ref(ref, text, cs, ce)) is None:
                break
            written = clean(text[cs:ce])  # the country as the list writes it ('the Azerbaijan Republic')
            the = "the " if _WITH_ARTICLE.search(written) else ""  # 'Administration of the United States'
            result.participations.append(Participation(
                Ref("Organization", f"{head} of {the}{written}", Span.of(text, a, b)), Span.of(text, a, b), country))
        if result.participations:
            found.append(result)
            taken.append((m.start(), stop))
    return found


_HEAD_OF_DELEGATION = re.compile(r"(?P<org>\b[A-Z][\w&'’.-]*(?:[ \t]+(?:of|and|for|the|[A-Z][\w&'’.-]*)){0,8})[ \t]+"
                                 r"(?:(?:acted|served|was)[ \t]+as[ \t]+(?:the[ \t]+)?head[ \t]+of|headed|led)[ \t]+"
                                 r"(?:the[ \t]+|its[ \t]+)?(?:[A-Z][\w-]*[ \t]+)?delegation")


#: what takes place beside a meeting: its host is not the meeting's
_SIDE_EVENT = re.compile(r"\b(?:dinner|lunch(?:eon)?|reception|cocktail|gala|banquet|breakfast|demonstrations?|demos?|"
                         r"exhibitions?|stands?|tours?|visits?|side[- ]events?|excursions?)\b", re.IGNORECASE)
_MEETING_WORDS = re.compile(r"\b(?:meeting|assembly|consultation|workshop|event|summit|session|forum|gathering|"
                            r"roundtable|round[ \t]+table|conference|symposium|seminar|webinar|dialogue|(?-i:SGLA|TSAG)|"
                            r"(?<=year['’]s[ \t])edition|"  # ('This year's edition was hosted by ...')
                            # 'CTOs gathered in Busan on 24 September at the invitation of KT'; 'ITU Kaleidoscope 2025
                            # took place in Geneva, hosted by ...': what took place is an event
                            r"met|gathered|convened|took[ \t]+place|(?:was|were)[ \t]+held)\b",
                            re.I)


def find_host(ref: Reference, text: str, start: int, end: int) -> Ref | None:
    """'kindly hosted by Symantec' -> Symantec, in a sentence about the meeting (not 'the initiative hosted by');
    'hosted by' before 'organized' or 'convened by' (the convener is often ITU's own official)."""
    hosts = find_hosts(ref, text, start, end)
    return hosts[0] if hosts else None


#: a plan given up, before its host: 'The meeting was originally planned to take place in Vilnius, at the invitation of'
_PLANNED_HOST = re.compile(r"\b(?:originally|initially|first|previously)\s+(?:been\s+)?(?:scheduled|planned|set|foreseen|"
                           r"due)\b(?:(?!\b(?:but|however|instead|took\s+place|was\s+held|were\s+held|met|convened)\b)"
                           r"[^.;])*\Z", re.IGNORECASE)
#: the plan given up, after its host: '..., but had to be moved online', 'but was postponed'
_GIVEN_UP = re.compile(r"\b(?:moved|postponed|cancel+ed|relocated|(?:took\s+place|held|met)\s+(?:online|virtually))\b",
                       re.IGNORECASE)


def find_hosts(ref: Reference, text: str, start: int, end: int, year: int | None = None, name: str = "") -> list[Ref]:
    """The host (find_host) and the organizations named with it: 'co-hosted by A and B', 'jointly organized by A,
    B and C' -> [A, B, C]. With the meeting's `year`: not the host of an edition of another year that is to come
    ('The 2020 CTO meeting will be hosted by Viettel' after the 2019 one's report); with its `name`: not the host
    of another kind of meeting said again ('The Assembly was hosted by ...' in a CTO meeting's text)."""
    about_meeting = []
    for m in _HOST.finditer(text, start, end):
        clause_start = max(text.rfind(".", start, m.start()), text.rfind("\n", start, m.start()), start)
        subject = _OTHER_KIND_SUBJECT.match(text, clause_start + (text[clause_start] in ".\n"), m.start()) if name else None
        if subject is not None and subject.group("noun").lower() not in name.lower():
            continue
        if year is not None and re.search(r"\b(?:will|shall|is\s+to|are\s+to)\s+be\s+\w*\s*\Z", text[clause_start:m.start()]) and \
                any(int(y) != year for y in _EDITION_YEAR.findall(text, clause_start, m.start())):
            continue  # 'The 2020 CTO meeting will be hosted by Viettel' (not 'the IMT-2030 roadmap', 'first held in 2009')
        if _HOSTED_BESIDE.search(text, clause_start, m.start()):
            continue  # 'It took place alongside the ITU workshop on X, which was hosted by Toshiba': the other's host
        if _PLANNED_HOST.search(text, clause_start, m.start()) and \
                _GIVEN_UP.search(text, m.end(), sentence_at(text, min(end - 1, sentence_at(text, m.start())[1] + 1))[1]):
            continue  # 'originally planned to take place in Vilnius at the invitation of X, but moved online': not held
        if any(not _in_brackets(text, x.start(), clause_start) for x in _ANOTHER_EDITION.finditer(text, clause_start, m.start())):
            # (not a group's title: 'ITU-T Study Group 13 (Future networks) met in Seoul, hosted by ...')
            continue  # 'The previous roundtable in 2022, organized by Orbitel Networks, ...': another meeting's host
        words = [w.group().lower() for w in _MEETING_WORDS.finditer(text, clause_start, m.start())]
        if words and all(re.match(r"took|was|were", w) for w in words) and _SIDE_EVENT.search(text, clause_start, m.start()):
            continue  # 'A welcome dinner was held on 19 November, hosted by Swisscom': a side event's host
        if _MEETING_WORDS.search(text, clause_start, m.start()) or _MEETINGS_SAID_BEFORE.match(text, clause_start, m.start()) \
                or _HOST_FIELD_LINE.match(m.group()) or _VENUE_FIELD.fullmatch(text, clause_start, m.start()):
            about_meeting.append(m)
        elif re.match(r"The\s+hosts?\s", m.group()) and _MEETING_WORDS.search(
                text, sentence_at(text, max(start, clause_start - 1))[0], m.start()):
            about_meeting.append(m)  # 'The sixteenth meeting took place in Bucharest on ... The host was Carpatia S.A.'
        elif "invitation" in m.group().lower() or not _INVITED_BY.sub("", text[clause_start:m.start()]).strip(" \t\n.,;:") \
                or any(re.fullmatch(r"[^,;.\n]{1,80}?,?[ \t]+and[ \t]+", text[o.end():m.start()]) for o in about_meeting):
            # 'At the invitation of Example Telecom, the meeting was held in ...', 'Hosted by Example Telecom, the
            # meeting took place ...': the meeting is named after it (and after a second phrase: 'Organized by TSB
            # and hosted by the Ministry of X, the assembly ...')
            s, e = sentence_at(text, m.start())
            # ('ITU-T Regional CTO Consultation ...' / 'Bangkok, 18/03/2027' / 'Hosted by Example PCL': the lines of a
            # heading's block, the meeting named at most four lines above, with no blank line between)
            block = max(start, text.rfind("\n\n", start, clause_start + 1))  # the lines of its block before it
            heading = text[clause_start] == "\n" and text.count("\n", block, clause_start) <= 4 and \
                _MEETING_WORDS.search(text, block, clause_start) is not None
            if _MEETING_WORDS.search(text, m.end(), min(e, end)) or _MEETING_WORDS.search(text, s, m.start()) or heading:
                about_meeting.append(m)
    itu_hosts: list[Ref] = []
    for m in sorted(about_meeting, key=lambda m: not _HOSTED.search(m.group())):  # stable: text order within each
        host = _host_at(ref, text, m, end)
        if host is not None:
            where = re.match(r"[ \t]*,[ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})(?=[ \t]*(?:[,.;)]|$))",
                             text[host.span.end:end])
            country = _country_ref(ref, text, host.span.end + where.start(1), host.span.end + where.end(1)) if where else None
            if country is not None:  # 'hosted by Example University, California': where the host is
                if host.country is None and not ref.is_reference(host.iri):
                    host = replace(host, country=country)
                return [host]
            hosts = [host] + _co_hosts(ref, text, host, end)
            # 'hosted by A and co-organized by B', 'hosted by A in cooperation with B': B hosts with A
            at = hosts[-1].span.end + (text[hosts[-1].span.end:hosts[-1].span.end + 1] == ")")
            acronym = re.compile(rf"[ \t]*{_ACRONYM_IN_BRACKETS}").match(text, at, end)  # 'A (MSIT) and co-hosted by B'
            co = _CO_ORGANIZER.match(text, acronym.end() if acronym else at, end)
            other = _host_at(ref, text, co, end) if co else None
            if other is not None:
                hosts += [other] + _co_hosts(ref, text, other, end)
            if _of_itu(ref, hosts[0]) and len(hosts) == 1:
                # 'at the invitation of ITU's TSB, hosted by Example Telecom': ITU convenes, the other one hosts
                itu_hosts = itu_hosts or hosts
                continue
            return hosts
    if itu_hosts:
        return itu_hosts  # only ITU named as host ('organized by ITU-T'): as the text says
    # 'The Example Authority (EA), in collaboration with the Ministry, hosted the meeting': the subject hosts
    for m in _HOSTED_THE.finditer(text, start, end):
        s, _ = sentence_at(text, m.start())
        s = _after_dateline(text, max(s, start), m.start())
        subject = _SUBJECT_THEN.fullmatch(text, s, m.start())
        # the object: 'the meeting', 'this year's CTO meeting', 'ITU workshop' ('a live demonstration during the
        # meeting' is no meeting hosted)
        said = re.match(r"(?:[\w'’&-]+[ \t]+){0,4}?(?:meeting|session|consultation|round\s?table|workshop|forum|summit|"
                        r"event|symposium|conference|assembly|dialogue)s?\b", text[m.end():end], re.IGNORECASE)
        one_body = None
        if subject is None and said is not None:
            # 'The Communications, Space and Technology Commission (CST) hosted ...': one body whose name has commas
            one_body = next((o for o in find_organizations(ref, text, s, m.start())
                             if re.fullmatch(r"[ \t]*", text[o.span.end:m.start()])
                             and re.fullmatch(r"[ \t]*(?:the[ \t]+)?", text[s:o.span.start], re.IGNORECASE)), None)
        if (subject is None and one_body is None) or said is None or _NOT_THIS_ONE.search(said.group()):
            continue  # 'will host the next meeting', 'organized a side event': not the meeting reported
        if re.match(r"[ \t]+(?:speakers|participants|delegates|delegations|guests|attendees|members|experts|"
                    r"organi[sz]ers|chairs)\b", text[m.end() + said.end():end], re.IGNORECASE):
            continue  # 'hosted the workshop speakers at a reception': people of the meeting, not the meeting
        rest = text[m.end():sentence_at(text, m.end())[1]]
        if ("host" not in m.group() or "co" in m.group().lower()) and not re.search(r"(?:the|this)[ \t]+\Z", m.group()) and (
                _NOT_THIS_ONE.search(rest) or not any(d.precision == "day" for d in find_dates(rest))):
            # 'co-organized a workshop on slicing in Helsinki last year': something an organizer did, not this
            # meeting ('ITU and ETSI convened a joint workshop ... on 2 September 2025' is the one reported)
            continue
        if one_body is not None:
            return [one_body]
        assert subject is not None
        if _country_ref(ref, text, *subject.span("org")) is not None:
            continue  # 'Kenya hosted the CTO meeting': a country, no organization
        hosts = _subjects(ref, text, *subject.span("org"))
        if "host" not in m.group():  # 'organized', 'convened': said of more than organizations ('The CTOs organized')
            hosts = [h for h in hosts if h.iri and ref.is_reference(h.iri) or looks_like_organization(h.label)]
        if hosts:
            return hosts
    # 'at the headquarters of the Example Authority (EXA), which hosted the event': the body the relative clause is of
    for m in _WHICH_HOSTED.finditer(text, start, end):
        known = next((x for x in ref.find(text, {"Organization"}, max(start, m.start() - 160), m.start())
                      if re.fullmatch(rf"[ \t]*(?:{_ACRONYM_IN_BRACKETS})?", text[x.end:m.start()])), None)
        if known is not None and (ref.is_reference(known.entry.iri) or not _VENUE_OR_GROUP.search(known.entry.label)):
            return [Ref("Organization", known.entry.label, Span.of(text, known.start, known.end), known.entry.iri)]
        # a body the reference data does not know, named with its acronym: 'the Ente Nacional de Comunicaciones (ENACOM)'
        acronymed = re.search(r"(?:the[ \t]+)?((?-i:[A-Z][\w'’&.-]*)(?:[ \t]+(?:(?:de|del|des|di|du|la|of|for|the|and|y|e|et)[ \t]+)*"
                          rf"(?-i:[A-Z][\w'’&.-]*)){{1,7}})[ \t]*{_ACRONYM_IN_BRACKETS}\Z",
                          text[max(start, m.start() - 160):m.start()])
        if acronymed is not None:
            off = max(start, m.start() - 160)
            org = organization_ref(ref, text, off + acronymed.start(1), off + acronymed.end(1))
            if org is not None and _country_ref(ref, text, off + acronymed.start(1), off + acronymed.end(1)) is None \
                    and not _VENUE_OR_GROUP.search(org.label):
                return [org]
    # 'The CTOs thanked the Example Association (EA) for hosting the meeting', 'We thank A and B for their hospitality'
    for m in _THANKED_FOR_HOSTING.finditer(text, start, end):
        named = read_name(ref, text, m.start("org"), m.end("org"), True)
        if re.search(r"\bfor\s+its\s", m.group()):
            named = None  # 'our host, Lusitel Comunicações, for its hospitality': 'its' says a body, not a person
        if (named is not None and named[1] >= m.end("org")) or any(
                starts_with_styles(part) for part in re.split(r"\s+and\s+", m.group("org"))):
            continue  # 'thanked John Smith for hosting', '... Vega Mobile and Ms Ana Example': a person among them
        hosts = _subjects(ref, text, *m.span("org"))
        if hosts and _country_ref(ref, text, *m.span("org")) is None:
            return hosts
    # 'Example Telecom (Examplia), host' as a line of a participants list: the host marked among them
    for pattern in (_MARKED_HOST, _MARKED_HOST_INLINE):  # a line of its own, or an item of a list in a sentence
        for m in pattern.finditer(text, start, end):
            host = organization_ref(ref, text, *m.span("org"))
            if host is not None:
                return [host]
    return []


#: an active host: '... hosted the meeting of ...', '... kindly hosted this year's CTO meeting', 'ITU and Example
#: Institute convened a joint workshop', 'BOCRA is pleased to announce that it will host the meeting of ...'
_HOSTED_THE = re.compile(r"[ \t]+(?:(?:is|are)[ \t]+(?:pleased|delighted|honou?red|proud|happy)[ \t]+to[ \t]+announce[ \t]+that[ \t]+"
                         r"(?:it|they)[ \t]+)?(?:kindly[ \t]+|graciously[ \t]+|jointly[ \t]+)?(?:(?:co-?)?hosted|(?:co-?)?hosts|"
                         r"will[ \t]+(?:co-?)?host|(?:co-)?organi[sz]ed|convened)(?:[ \t]*,[ \t]*(?:in[ \t]+(?:a[ \t]+)?(?:hybrid|virtual|online|"
                         r"physical|in-person)[ \t]+(?:format|mode|form)|virtually|online|in[ \t]+person)[ \t]*,)?"
                         # 'hosted in Riyadh, during the period 17-19 September 2024, the third meeting of ...'
                         r"(?:[ \t]+(?:in|at)[ \t]+[A-Z][^,;.\n]{0,40}?,(?:[ \t]*(?:during|from|on|between)\b[^;.\n]{0,120}?,)?)?"
                         r"[ \t]+(?:(?:the|this|a|an)[ \t]+)?"
                         r"(?=[A-Za-z])")
#: the words that make a hosted or organized event another one than the meeting reported
_NOT_THIS_ONE = re.compile(r"\b(?:next|previous|last|past|side|panel|parallel|dinner|reception|future|ago|earlier|"
                           r"previously|breakout|series|webinars?|demonstrations?|demos?|exhibitions?|stands?)\b", re.IGNORECASE)
#: a meeting said before 'hosted by' that is another edition than the one reported ('held last week' is this one)
_ANOTHER_EDITION = re.compile(r"\b(?:previous|past|next|future|earlier|last\s+(?:[\w-]+\s+)?(?:meeting|session|"
                              r"edition|round\s?table|consultation|forum|summit|workshop|year['’]s))\b", re.IGNORECASE)
#: the year an edition is named by: 'The 2020 CTO meeting', 'the 2025 edition'
_EDITION_YEAR = re.compile(r"(?<![\w-])((?:19|20)\d\d)(?![\w-])(?=\s+(?:[\w-]+\s+){0,3}?(?:meeting|edition|consultation|session|"
                           r"round\s?table|summit|forum|assembly)\b)", re.IGNORECASE)
#: another meeting named beside this one, then the relative clause of who hosted it
_HOSTED_BESIDE = re.compile(rf"{BESIDE}[^,;]{{3,120}},?\s+which\s+(?:was|is|will\s+be)\s+(?:kindly\s+)?\Z", re.IGNORECASE)


#: a clause whose subject is a kind of meeting said again: 'The Assembly was hosted by ...'
_OTHER_KIND_SUBJECT = re.compile(r"\s*(?:The|This)\s+(?P<noun>assembly|workshop|forum|symposium|summit|conference|consultation|"
                                 r"round\s?table|seminar|webinar|dialogue)\b", re.IGNORECASE)


def _in_brackets(text: str, at: int, start: int) -> bool:
    """Whether text[at] is inside brackets opened after `start` and not yet closed."""
    return text.rfind("(", start, at) > text.rfind(")", start, at)


#: an acronym in brackets after a name: 'the Example Authority (EXA)'
_ACRONYM_IN_BRACKETS = r"\([ \t]*[A-Z][\w&./-]{1,11}[ \t]*\)"
#: a venue or an ITU-T group named before ', which hosted the event': no host organization
_VENUE_OR_GROUP = re.compile(r"\b(?:Cent(?:re|er)|Hotel|Hall|Palace|Venue|Arena|Group|Committee|Activity)\b")
#: a relative clause after a body saying it hosted the meeting: ', which kindly hosted the event'
_WHICH_HOSTED = re.compile(r",[ \t]+(?:which|who)[ \t]+(?:also[ \t]+)?(?:kindly[ \t]+|graciously[ \t]+|generously[ \t]+)?"
                           r"hosted[ \t]+the[ \t]+(?:meeting|event|consultation|round\s?table|workshop|forum|session)\b"
                           # not another edition: '... which hosted the event last year in Buenos Aires', '... in 2019'
                           r"(?![ \t]+(?:of|on|last|previously|before|for|twice|again|in[ \t]+(?:the[ \t]+past|(?:19|20)\d\d)|"
                           r"in[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?[ \t]+in[ \t]+(?:19|20)\d\d)\b)")
#: who is thanked for hosting: 'thanked the Example Association (EA) for hosting', 'gratitude to A for its hospitality'
_THANKED_FOR_HOSTING = re.compile(
    r"\b(?:thank(?:s|ed|ing)?|(?:grateful|gratitude|appreciation|thanks)\s+(?:to|for)|appreciat(?:e|ed|es|ing))\s+"
    r"(?:(?:our|the)\s+(?:kind\s+|generous\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+)?hosts?\s*,\s*(?=[^,;.\n]{1,150},\s+for\s))?(?:the\s+)?(?P<org>[A-Z][^,;.\n]{1,150}?),?\s+for\s+"
    r"(?:(?:kindly|generously|graciously|warmly)\s+)?"
    r"(?:(?:co-?)?hosting(?=\s*(?:[.,;]|$|(?:us|them|the\s+(?:meeting|event|consultation|round\s?table|workshop|forum|"
    r"session|symposium|assembly|summit)|this\s+(?:year['’]s\s+)?(?:[\w-]+\s+)?(?:meeting|event|consultation|"
    r"symposium|assembly|summit|forum|workshop))\s*(?:[.,;]|$|and\b)))|"
    r"(?:its|their|the)\s+(?:warm\s+|kind\s+|generous\s+)?hospitality)\b")
#: the subject before the verb: names (each with its acronym in brackets) joined by 'and', and a clause between
#: commas ('in collaboration with X')
_SUBJECT_NAME = (r"[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|of|and|for|the|de|&)){0,8}(?:[ \t]*\([A-Z][\w&-]{1,12}\)"
                 # 'the National Telecommunications Commission (NTC) of the Philippines'
                 r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})?)?")
_SUBJECT_THEN = re.compile(rf"[ \t]*(?:the[ \t]+)?(?P<org>{_SUBJECT_NAME}(?:[ \t]+and[ \t]+(?:the[ \t]+)?{_SUBJECT_NAME})?)"
                           r"(?:[ \t]*,[^,.;\n]{1,100},)?")


#: a subject's acronym, then the country it is of: '... Commission (EC) of the Philippines'
_ACRONYM_OF_COUNTRY = re.compile(r"\)[ \t]+of[ \t]+(?:the[ \t]+)?(?P<c>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})[ \t]*\Z")


def _subjects(ref: Reference, text: str, s: int, e: int) -> list[Ref]:
    """The organizations other than ITU a subject names: "Examplia's Ministry of Posts (MoP) and ITU" -> the Ministry
    (of Examplia); 'and' parts two names after an acronym in brackets, a head noun or before a name the reference
    data knows, and is otherwise the name's own ('Ministry of Science and ICT'). A head noun alone ('the
    Secretariat') names no organization."""
    heads = organization_words().get("head", frozenset()) | organization_words().get("legal", frozenset())
    cuts = [a for a in re.finditer(r"[ \t]+and[ \t]+(?:the[ \t]+)?", text[s:e])
            if text[s:s + a.start()].endswith(")") or text[s:s + a.start()].split()[-1] in heads
            or _ACRONYM_OF_COUNTRY.search(text[s:s + a.start()]) or any(
                x.start == s + a.end() and ref.is_reference(x.entry.iri) for x in ref.find(text, {"Organization"}, s + a.end(), e))]
    bounds = [s] + [b for a in cuts for b in (s + a.start(), s + a.end())] + [e]
    found = []
    for a, b in zip(bounds[::2], bounds[1::2]):
        country, name_start = _country_before(ref, text, a, b)
        of = _ACRONYM_OF_COUNTRY.search(text[a:b])
        if of and country is None and (said := _country_ref(ref, text, a + of.start("c"), a + of.end("c"), towns=False)):
            country, b = said, a + of.start() + 1  # 'the Example Commission (EC) of the Philippines': its country
        org = organization_ref(ref, text, name_start, b)
        if org is not None and country is not None and not (org.iri and ref.is_reference(org.iri)):
            # "Kenya's Communications Authority": the 'Communications Authority of Kenya' named elsewhere
            known = ref.lookup(f"{org.label} of {country.label}", {"Organization"})
            if known is not None:
                org = Ref("Organization", known.label, org.span, known.iri)
        if org is not None and not _of_itu(ref, org) and org.label not in heads:  # not ITU, not 'the Secretariat'
            found.append(replace(org, country=country) if country and not (org.iri and ref.is_reference(org.iri)) else org)
    return found
#: the mark after an item of a list that says it is the host: ', host', ' – host', ' (host)'
_HOST_MARK = re.compile(r"[ \t]*(?:(?:,|–|—|-)[ \t]*(?:the[ \t]+)?host(?:[ \t]+(?:company|organi[sz]ation))?|"
                        r"\((?:the[ \t]+)?host(?:[ \t]+(?:company|organi[sz]ation))?\))[ \t]*\.?[ \t]*$", re.IGNORECASE)
#: a line of a list that marks its organization as the host: '- Example Telecom (Examplia), host', 'X – host', 'X (host)'
_MARKED_HOST = re.compile(r"(?m)^[ \t]*(?:[-•*·▪][ \t]*)?(?P<org>[A-Z0-9][^\n,()–]*?)(?:[ \t]*\([^()\n]*\))?[ \t]*"
                          r"(?:,|–|—|-|\()[ \t]*(?:the[ \t]+)?(?:host|host[ \t]+(?:company|organi[sz]ation))\)?[ \t]*\.?[ \t]*$",
                          re.IGNORECASE)
#: '...; Telenor; Example Telekom (host); ...': the host marked in a list written inline
_MARKED_HOST_INLINE = re.compile(r"(?:^|[;,:][ \t]*)(?:and[ \t]+)?(?P<org>[A-Z0-9][^;,:\n()]{1,60}?)[ \t]*"
                                 r"\((?:the[ \t]+)?host(?:[ \t]+(?:company|organi[sz]ation))?\)", re.MULTILINE)
#: 'At the invitation of the Director of ITU-T, and kindly hosted by X, a workshop was held': who invited, before
#: the host named ahead of the meeting
_INVITED_BY = re.compile(r"^\s*(?:at|on|upon)\s+the\s+(?:kind\s+|generous\s+|gracious\s+)?invitation\s+of\s+[^,;.]*,"
                         r"\s*(?:and\s+)?", re.IGNORECASE)
_CO_ORGANIZER = re.compile(r"[ \t]*,?[ \t]*(?:and[ \t]+)?(?:(?:co-?organi[sz]ed|co-?hosted|co-?sponsored|jointly[ \t]+"
                           r"organi[sz]ed)[ \t]+by|in[ \t]+(?:cooperation|collaboration|partnership)[ \t]+with)[ \t]+"
                           r"(?:the[ \t]+)?", re.IGNORECASE)


#: ', B', ' and B', ', and B', ' & B' after a host: the next name of a list of hosts
_AND_NEXT = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)(?:the[ \t]+)?(?=[A-Z0-9])")
#: where a name in a list of hosts ends
_HOST_NAME_END = re.compile(r"[,.;:()\n]|\s+(?:and|&|in|at|on|from|during|which|who|with|to|for|under|was|were|is|"
                            r"are|took|held|met|brought|gathered)\b")


def _co_hosts(ref: Reference, text: str, host: Ref, end: int) -> list[Ref]:
    """The organizations named after a host with 'and' or commas ('hosted by A and B', 'co-hosted by A, B and C'):
    each an organization's name (known, or capitalised word by word), not a person ('and Mr X') and not the next
    clause ('and the meeting ...' is lower case after 'the'; 'and opened by' is no name)."""
    out: list[Ref] = []
    at = host.span.end
    while len(out) < 5:
        if text[at:at + 1] == ")":  # 'A (ACR) and B'
            at += 1
        comma = re.compile(r"[ \t]*,").match(text, at, end)
        form = legal_after_comma().match(text, comma.end(), end) if comma else None
        if form:  # 'hosted by Atlântica Comunicações, S.A. and ...': the host's legal form, no other host
            at = form.end()
        bracket = re.match(rf"[ \t]*{_ACRONYM_IN_BRACKETS}", text[at:min(end, at + 20)])
        if bracket:  # the host's acronym, left out of its name: 'A (ACR) and B' ('A (ACR), B' may say what A is part of)
            at += bracket.end()
        nxt = _AND_NEXT.match(text, at, end)
        if bracket and nxt and "and" not in nxt.group() and "&" not in nxt.group():
            break
        if nxt is None:
            break
        s = nxt.end()
        stop = _HOST_NAME_END.search(text, s, end)
        e = stop.start() if stop else end
        e = max([e] + [b for a, b in _known_names(ref, text, s, min(end, s + 160)) if a == s])
        acr = re.match(rf"[ \t]*{_ACRONYM_IN_BRACKETS}", text[e:e + 20])
        if acr:
            e += acr.end()
        if starts_with_styles(text[s:e]) or starts_with_title(text[s:e]) or find_people(ref, text, s, e):
            break
        org = organization_ref(ref, text, s, e)
        if org is None or (org.iri is None and not _name_like(org.label)) or _country_ref(ref, text, s, e):
            break  # 'hosted by A and Rwanda', 'A, Texas': a place, not a second host
        if "," in nxt.group() and "and" not in nxt.group() and re.match(r"(?:Government|Republic|Kingdom|State)[ \t]+of\b", text[s:e]):
            at = org.span.end  # 'hosted by the Department of Telecommunications, Government of India': whose department
            continue  # it is, no co-host ('..., the Government of Rwanda and Smart Africa' lists one)
        out.append(org)
        at = org.span.end
    return out


_HOST_FIELD_LINE = re.compile(_HOST_FIELD, re.IGNORECASE)
#: a meeting's venue field before who hosted it: 'Venue: Hosted by Example Networks AG, Munich'
_VENUE_FIELD = re.compile(r"\n?[ \t]*(?:[-*•][ \t]*)?(?:venue|location|place|where)[ \t]*:[ \t]*", re.IGNORECASE)
#: the words that say who hosted, before those that say who organized or convened
_HOSTED = re.compile(r"host|invitation", re.IGNORECASE)
#: 'Both were hosted by ...', 'It was hosted by ...': the subject is the meeting just named.
_MEETINGS_SAID_BEFORE = re.compile(r"\W*(?:both|it|they|the\s+two|each)\s+(?:was|were|is|are)\b", re.I)


def _of_itu(ref: Reference, org: Ref) -> bool:
    """ITU or one of its parts ('TSB', "ITU's Telecommunication Standardization Bureau", 'ITU-T')."""
    if org.iri is not None:
        return ref.part_of_itu(org.iri)
    known = ref.lookup(org.label)  # 'TSB', 'ITU-T': a bureau or sector the reference data knows by another kind
    return known is not None and ref.part_of_itu(known.iri) or re.match(r"ITU(?:-[TRD])?(?:['’]s)?\b", org.label) is not None


def _host_at(ref: Reference, text: str, m: re.Match, end: int) -> Ref | None:
    """The organization named after 'hosted by' (`m`); none when a person is named there ('convened by TSB Director
    Jane Roe')."""
    stop = re.search(r"[,.;:()\n]|\s+(?:in|at|on|during|and|which|who|with|through)\s", text[m.end():end])
    e = m.end() + (stop.start() if stop else end - m.end())
    # 'hosted by the Ministry of Digital Economy and Society of Thailand': a name known whole runs over 'and'
    # ('the Office of the National Broadcasting and Telecommunications Commission (NBTC)': a name the text defines, begun
    # before the 'and')
    e = max([e] + [b for a, b in _known_names(ref, text, m.end(), min(end, m.end() + 160)) if m.end() <= a < e])
    dotted = re.match(r"(?:\.[A-Za-z]{1,4})+\.?", text[e:end])  # 'Example Telecom S.A.': the dots of its legal form
    if dotted and abbreviation_end().search(text[m.end():e + dotted.end()]):
        e += dotted.end()
    elif text[e:e + 1] == "." and abbreviation_end().search(text[m.end():e + 1]):
        e += 1
    if starts_with_styles(text[m.end():e]) or starts_with_title(text[m.end():e]) or find_people(ref, text, m.end(), e):
        return None
    if re.search(r"\bto\s+be\s+$", text[max(0, m.start() - 12):m.start()]) or \
            any(g.span.start == m.end() for g in find_groups(ref, text, m.end(), e)):
        return None  # 'a new focus group, to be hosted by Study Group 13': an ITU-T group hosts work, not a meeting
    org = organization_ref(ref, text, m.end(), e)
    full = re.match(r"[ \t]*\(([^()\n]{3,80})\)", text[e:end]) if org is None else None
    if full is not None and (ref.lookup(clean(full.group(1)), {"Organization"}) is not None
                             or looks_like_organization(clean(full.group(1)))):
        # 'hosted by du (Emirates Integrated Telecommunications Company)': the name in brackets, known
        org = organization_ref(ref, text, e + full.start(1), e + full.end(1))
    return org
