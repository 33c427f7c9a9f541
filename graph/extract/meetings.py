"""From a document's text to its meetings: the entry point of extraction.

1. Anchors: a phrase naming a kind of meeting (ontology/reference/meeting-kinds.csv) with a date in the same
   sentence, or on the next line when the phrase is a heading. Anchors with the same kind and date are one
   meeting; 'the next CTO meeting scheduled for ...' names another meeting without opening its text.
2. Regions: the text from an opening anchor to the next opening anchor of another meeting belongs to the
   meeting; participants, people, groups, topics and sections are read from its regions.
3. Everything found keeps its span; nothing here knows about RDF.
"""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

if sys.version_info >= (3, 11):  # the parser of Python's own regular expressions (sre_parse before 3.11)
    from re import _parser as _sre_parse
else:
    import sre_parse as _sre_parse

from .. import iris
from ..facts import DocumentFacts, EventMention, Link, Meeting, MeetingRef, Ref, Span, StatedCount, spans_moved
from ..read import Text
from ..reference import Reference, fold, load_reference
from ..resources import reference_dir
from ..vocabulary import vocabulary
from .agenda import find_agenda_topics
from .dates import MONTH_NAMES, DateMention, find_dates, find_partial_dates, infer_year, month_range
from .groups import find_group_actions, find_groups
from .keyphrases import find_keyphrases, word_list
from .organizations import find_organizations
from .participants import find_hosts, find_participant_lists, organization_ref, region_names
from .people import find_people, person_key
from .places import attendance, find_place, place_in_name
from .sections import find_items
from .tables import Row, meeting_table_rows
from .text import (
    CARDINAL_PATTERN,
    FIELD_NAMES,
    ORDINAL_PATTERN,
    cardinal,
    compose,
    dehang,
    fields_on_one_line,
    line_end,
    ordinal,
    sentence_at,
    sentences,
    two_space_columns,
    unwrap,
)


@dataclass(frozen=True)
class MeetingKind:
    cls: str
    series: str
    pattern: re.Pattern
    name: str = ""  # display name when the phrase is not itself a meeting's name ('CTOs met ...')
    rank: int = 0  # row order: the lower, the more specific

    @property
    def generic(self) -> bool:
        """Its phrase names no particular meeting ('CTOs met'): a display name of its own, with no part of the
        phrase in it ('ITU-T Study Group {sg} meeting' names that group's)."""
        return bool(self.name) and "{" not in self.name

    @property
    def group(self) -> str:
        """Anchors of one group with the same date are one meeting ('CTO meeting' + 'regional CTO meeting')."""
        return self.series or self.cls


@lru_cache(maxsize=1)
def meeting_kinds() -> tuple[MeetingKind, ...]:
    """The rows of meeting-kinds.csv; each class must be a kind of meeting in the ontology (graph/vocabulary.py)."""
    path = reference_dir() / "meeting-kinds.csv"
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    kinds = tuple(MeetingKind(r["class"], r["series"], re.compile(r["pattern"], re.IGNORECASE), (r.get("name") or "").strip(), i)
                  for i, r in enumerate(csv.DictReader(rows)))
    unknown = sorted({k.cls for k in kinds} - vocabulary().meeting_kinds)
    if unknown:
        raise ValueError(f"meeting-kinds.csv: not a subclass of itukg:Meeting in the ontology: {', '.join(unknown)}")
    return kinds


def _required_literals(seq) -> list[frozenset[str]]:
    """Sets of lower-case ASCII strings such that any match of a parsed pattern (`seq`, from sre_parse) holds one
    string of each set: a run of literal characters, or one of a group's alternatives. A text that lacks one cannot
    match, so the pattern need not run over it. Conservative: whatever is not a literal ASCII character (a class, a
    lookaround, an optional part) requires nothing, and only breaks a run."""
    def best(sets: list[frozenset[str]]) -> frozenset[str] | None:  # the set whose shortest string is longest
        return max(sets, key=lambda s: (min(len(w) for w in s), -len(s)), default=None)
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*seq, (None, None)]:  # (None, None): the end, which closes the last run
        if op is _sre_parse.LITERAL and av < 128:
            run.append(chr(av))
            continue
        if run:
            out.append(frozenset(["".join(run).lower()]))
            run = []
        if op is _sre_parse.SUBPATTERN:
            b = best(_required_literals(av[-1]))
            out += [b] if b else []
        elif op is _sre_parse.BRANCH:
            bs = [best(_required_literals(alt)) for alt in av[1]]
            out += [frozenset().union(*bs)] if all(bs) else []  # type: ignore[arg-type]
        elif op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT) and av[0] >= 1:
            b = best(_required_literals(av[2]))
            out += [b] if b else []
    return out


@lru_cache(maxsize=1024)
def _pattern_literals(pattern: re.Pattern) -> tuple[frozenset[str], ...]:
    """The literals a pattern cannot match without (_required_literals); by pattern, so meeting_kinds() read again
    (meeting_kinds.cache_clear()) is seen."""
    return tuple(_required_literals(_sre_parse.parse(pattern.pattern, pattern.flags)))


@lru_cache(maxsize=4096)
def _ascii_twin(ch: str) -> str | None:
    """The lower-case ASCII character a non-ASCII one matches under re.IGNORECASE (the Kelvin sign: 'k'), as the
    regular expression engine itself says; U+FFFD when it matches none; None when it matches two different ones."""
    twins = {c.lower() for c in map(chr, range(128)) if re.fullmatch(re.escape(c), ch, re.IGNORECASE)}
    return "\ufffd" if not twins else twins.pop() if len(twins) == 1 else None


def _literal_view(text: str) -> str | None:
    """The text as _required_literals' strings are looked for in it: each character as the lower-case ASCII one it
    matches case-insensitively (U+FFFD for any other), so a pattern's literal run matches the text only where its
    lower-case form is in this view. None when that cannot be said (then every pattern runs)."""
    if text.isascii():
        return text.lower()
    table = {}
    for c in set(text):
        if not c.isascii():
            twin = _ascii_twin(c)
            if twin is None:
                return None
            table[ord(c)] = twin
    return text.translate(table).lower()


def _key(a: Anchor) -> tuple:
    assert a.date is not None  # only a dated anchor names a meeting by its date
    return (a.kind.group, a.date.start)


def _meeting_key(m: Meeting) -> tuple:
    group = next((k.group for k in meeting_kinds() if k.cls == m.kind), m.kind)
    return (group, m.start)


@dataclass
class Anchor:
    kind: MeetingKind
    name_span: tuple[int, int]
    window: tuple[int, int]  # the sentence (or heading + next line) around the phrase
    date: DateMention | None
    opening: bool  # starts the meeting's own text
    is_next: bool  # 'the next ... meeting'
    is_past: bool = False  # 'past CTO meetings', 'the previous meeting'
    heading: bool = False  # the phrase is a heading line (its date may be on the lines below)
    meeting_key: tuple | None = None  # the meeting it was found to speak of (set while grouping)
    said: tuple[int, int] = (0, 0)  # the words of its kind's phrase alone ('CxO meeting')
    default_name: str = ""  # its kind's display name, filled in from the phrase ('Study Group {sg} meeting')
    row: Row | None = None  # the row of a table of meetings it was read from: its cells say where, who hosted, which


#: 'the next CTO meeting', 'the next Assembly, WTSA-24,'
_NEXT = re.compile(r"\b(?:next|following|upcoming|forthcoming|future|follow-up(?!\s+(?:of|to|on)\b))\s+(?:(?:[\w-]+\s+){0,3}|(?:\w+\s+){0,2}(?:assembly|"
                   r"conference|meeting|session|edition|symposium|consultation),\s+)$", re.IGNORECASE)
_PAST = re.compile(r"\b(?:previous|past|last|earlier|prior)\s+(?:year['’]s\s+)?(?:[\w-]+\s+){0,3}$"  # ('the last ITU-T ')
                   # 'Building on the CTO meeting held in Busan in 2014', 'as agreed at the CTO meeting': a meeting
                   # before the one reported
                   r"|\b(?:building\s+(?:on|upon)|as\s+(?:agreed|decided|requested|proposed)\s+(?:at|by|during))\s+"
                   r"(?:the\s+|an?\s+)?(?:\w+\s+){0,2}$",
                   re.IGNORECASE)
#: 'Continuing the dialogue started at the CTO meeting in Busan, ...': the meeting a sentence's subject goes on from
_CONTINUED = re.compile(r"\b(?:continuing|pursuing|following\s+up(?:\s+on)?|taking\s+forward)\s+[^.;,]{0,50}?\b(?:started|begun|began|"
                        r"launched|initiated|held)\s+(?:at|during)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)
_OCCURRED = re.compile(r"\b(?:took\s+place|met|was\s+held|were\s+held|held|convened|gathered|brought\s+together|"
                       r"opened|started|began|commenced|kicked\s+off|closed|concluded|ended|wrapped\s+up|hosted|participated|"
                       r"attended|joined|took\s+part|represented|organi[sz]ed|"
                       # 'I went to Budapest to take part in the CTO meeting'
                       r"to\s+(?:take\s+part|attend|participate))\b",
                       re.IGNORECASE)
#: 'delegates at the first Global Standards Symposium (GSS) agreed on Monday': people at a meeting who did something
#: there, so it took place
_PEOPLE_AT = re.compile(r"\b(?:delegates|participants|attendees|speakers|panellists|panelists|CTOs|CxOs|executives|"
                        r"leaders|ministers|experts)\s+(?:at|attending)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)
_PAST_VERB = re.compile(r"(?:\s*\([^()\n]{1,40}\))?\s+(?:(?:also|all|unanimously)\s+)?(?!(?:need|red|shed|bed)\b)[a-z]{3,}ed\b")
#: 'the TSB Director led a regional consultation of CTOs', 'Ms A chaired the ninth CTO meeting': whoever led or
#: chaired the meeting named right after the verb, it took place
_LED_IT = re.compile(r"(?<!will\s)\b(?:led|chaired|co-chaired|presided\s+over|moderated)\s+(?:the\s+|an?\s+)?"
                     r"(?:[\w-]+\s+){0,3}\Z", re.IGNORECASE)
#: a date a meeting was planned for before it was moved: 'originally scheduled for', 'initially planned to take place'
_PLANNED_BEFORE = re.compile(r"\b(?:originally|initially|first|previously)\s+(?:been\s+)?(?:scheduled|planned|set|foreseen|"
                             r"due|expected)\b", re.IGNORECASE)
#: where such an aside ends: 'but', a verb of holding, or the comma before the sentence's own verb
_PLAN_END = re.compile(r"\b(?:but|and\s+was|then|until|took\s+place|was\s+held)\b|;|,\s*(?=(?:and\s+)?(?:was|were|took|is|has|had|it)\b)",
                       re.IGNORECASE)
def _planned(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The asides of text[s:e] that say what a meeting was first planned for ('originally scheduled for Hyderabad in
    November 2020', up to 'but', a verb of holding or the comma before the sentence's verb)."""
    out = []
    for plan in _PLANNED_BEFORE.finditer(text, s, e):
        end = _PLAN_END.search(text, plan.end(), e)
        out.append((plan.start(), end.start() if end else e))
    return out


#: the words that make a verb of _OCCURRED say what is to come: 'will be held', 'is to be hosted'
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|to)\s+(?:be\s+)?\Z", re.IGNORECASE)
#: a sentence that opens on the meeting it reports ('At its meeting in Geneva from 6 to 17 June, SG15 agreed', 'Meeting in
#: Geneva from 6 to 17 June, SG15 consented'), or announces it ('BOCRA ... will host the meeting of SG3RG-AFR from 16 to
#: 18 June'): the meeting's text starts there when the sentence dates it by its days and no meeting opened before it
_OPENS_ON_IT = re.compile(r"(?-i:(?<=[^\n.:;]\n)(?:(?:At|During)\s+its\s+(?:[\w-]+\s+){0,3}(?:meeting|session)|Meeting\s+(?:in|at)))\b"
                          r"|(?P<future>\bwill\s+(?:host|be\s+held|take\s+place|convene)\b)", re.IGNORECASE)
#: 'the', 'a two-day', 'the one-day': between a word of co-location and the other meeting's name
_ARTICLE_AND_LENGTH = (r"(?:(?:the|a|an)\s+)?(?:(?:opening|start|beginning|close|closing|end|first\s+day|last\s+day)\s+of\s+"
                        r"(?:the\s+)?)?(?:(?:one|two|three|four|five|half|full|\d+)[- ]days?\s+)?$")
_CO_LOCATION_WORDS = (r"alongside|in\s+conjunction\s+with|during|at|on\s+the\s+(?:margins|sidelines|eve|occasion)\s+of|"
                      r"back-to-back\s+with|co-located\s+with|collocated\s+with|as\s+part\s+of|ahead\s+of|in\s+advance\s+of|"
                      r"(?:with)?in\s+the\s+framework\s+of|on\s+the\s+(?:first|second|third|fourth|fifth|opening|last|final|closing)\s+"
                      r"day\s+of|"
                      r"(?:held|co-?located|collocated)\s+(?:with|event)\s*:")  # ('Held with: GSS-24', a field line)
_CO_LOCATION = re.compile(rf"\b(?:{_CO_LOCATION_WORDS})\s+{_ARTICLE_AND_LENGTH}", re.IGNORECASE)
#: a meeting named as held beside another, before or after it ('held alongside the GSS', 'during WTSA', 'ahead of')
_BESIDE = re.compile(rf"\b(?:(?!at\b)(?:{_CO_LOCATION_WORDS})|following|after|before|preceding|prior\s+to)\s+"
                     rf"{_ARTICLE_AND_LENGTH.removesuffix('$')}\Z", re.IGNORECASE)
#: another meeting named as held with this one, or before or after it ('following a two-day workshop'): named in
#: passing, it takes neither the sentence's date nor the text after it (but is no co-located event)
_IN_PASSING = re.compile(rf"\b(?:{_CO_LOCATION_WORDS}|following|after|before|preceding|prior\s+to)\s+{_ARTICLE_AND_LENGTH}"
                         # '... on the eve of ITU Telecom World 2016 and the opening of the GSS': the second of two
                         r"|\b(?:on\s+the\s+(?:margins|sidelines|eve|occasion)\s+of|ahead\s+of|alongside|in\s+conjunction\s+with)"
                         rf"\s+[^,.;\n]{{1,60}}?\s+(?:and|&)\s+{_ARTICLE_AND_LENGTH}",
                         re.IGNORECASE)
#: 'represented the Authority at the meeting of CTOs ... on 24 March': a meeting named after 'at' is in passing only
#: when its sentence names another meeting too
_AT = re.compile(rf"\bat\s+{_ARTICLE_AND_LENGTH}", re.IGNORECASE)
#: the meeting another one prepares: 'preparation for WTSA-20', 'towards WTSA-24', 'the APT Preparatory Group for WTSA-24'
_PREPARED_FOR = re.compile(rf"\b(?:(?:preparations?|preparatory\s+(?:work|process|activities|group|committee)|preparing|"
                           # 'agreed its common proposals for WTSA-24', 'the APT Preparatory Group meeting for WTSA-24'
                           rf"run-up|road)\s+(?:for|to|towards)|preparations?\s+of|(?:proposals?|contributions?|inputs?|positions?|meeting)\s+"
                           rf"(?:for|towards)|towards)\s+{_ARTICLE_AND_LENGTH}", re.IGNORECASE)
#: the sentence's verb right after a name (and its brackets): the name ends the sentence's subject
_SUBJECTS_VERB = re.compile(r"(?:[ \t]*\([^()\n]*\))?[ \t]+(?:was|were|is|are|will|took|met|convened|opened)\b")
#: 'alongside', 'ahead of', 'on the eve of' another meeting: one held at its own time (and maybe its own place)
_ALONGSIDE = re.compile(r"\b(?:alongside|in\s+conjunction\s+with|on\s+the\s+(?:margins|sidelines|eve)\s+of|back-to-back\s+with|"
                        r"co-located\s+with|collocated\s+with|ahead\s+of|prior\s+to|following|after|preceding)\s+" + _ARTICLE_AND_LENGTH,
                        re.IGNORECASE)
_COUNT = re.compile(
    rf"\b(?:(?P<q>more\s+than|over|at\s+least|about|around|approximately|nearly|almost|some|close\s+to|up\s+to)\s+)?"
    rf"(?P<n>{CARDINAL_PATTERN})\s+(?:[\w-]+\s+){{0,2}}?(?P<who>participants|ICT\s+leaders|industry\s+leaders|leaders|CTOs|"
    rf"CxOs|CEOs|executives|delegates|attendees|experts|representatives|chairs|chairmen|chairpersons|officials)\b"
    # 'CTOs from 13 companies', 'executives of 20 organizations': one per organization
    rf"|\b(?:CTOs|CxOs|CEOs|Chief\s+Technology\s+Officers|executives|leaders|representatives|participants)\s+"
    rf"(?:\([^)]{{1,10}}\)\s+)?(?:from|of|representing)\s+"
    rf"(?:(?P<q2>more\s+than|over|at\s+least|about|around|approximately|nearly|almost|some|close\s+to)\s+)?"
    rf"(?P<n2>{CARDINAL_PATTERN})\s+(?:[\w-]+\s+){{0,3}}?(?:companies|organi[sz]ations|firms|operators|vendors|enterprises|"
    rf"entities|institutions)\b",
    re.IGNORECASE,
)
_QUALIFIER = {"more than": "more than", "over": "more than", "up to": "about", "at least": "at least", "nearly": "about",
              "almost": "about", "about": "about", "around": "about", "approximately": "about", "some": "about",
              "close to": "about"}
_STATED_COUNT = re.compile(
    rf"\b(?P<n>{CARDINAL_PATTERN})\s+(?P<of>(?:new\s+)?(?:ITU-T\s+)?(?:study\s+groups|focus\s+groups|sector\s+members|"
    rf"associates|academia\s+members|thematic\s+sessions|sessions|organi[sz]ations|companies|member\s+states|"
    rf"countries|recommendations|workshops|areas|priorities|members))\b",
    re.IGNORECASE,
)
#: a URL in prose ends at white space, quotes, brackets, a Markdown code span's backtick or a control character;
#: characters an IRI cannot hold that remain ('|', '{', '^', U+FFFE, ...) are percent-encoded by iris.web()
_URL = re.compile(r"https?://[^\s<>\"')`\x00-\x1f\x7f-\x9f]+[^\s<>\"').,;`\x00-\x1f\x7f-\x9f]")
_STUDY_PERIOD = re.compile(r"\b((?:19|20)\d\d)-((?:19|20)\d\d)\b")


def extract(doc: Text, reference: Reference | None = None) -> DocumentFacts:
    """Read every meeting in a document, and everything the document names whether or not it is a meeting's."""
    base = reference or load_reference()
    dehung, where = dehang(doc.text)  # a report's hanging indents joined: facts are moved back at the end
    dehung, fielded = fields_on_one_line(dehung)  # 'Venue' over 'Geneva': 'Venue: Geneva' (moved back too)
    where = compose(where, fielded)
    # hard-wrapped lines joined (same offsets): a sentence may run over a PDF's lines; first, the cells of a list in
    # columns two spaces apart set apart (same offsets: 'Ana Example  Apex Mobile  CTO (Kenya)'), a line of cells no wrap
    text = unwrap(two_space_columns(dehung), doc.text)
    facts = DocumentFacts(doc.name, doc.sha256, dehung, doc.media_type)
    # organizations the document defines ('Example Authority (EA)') resolve like reference ones from here on
    organizations = [o if o.iri else replace(o, iri=str(iris.entity(o))) for o in find_organizations(base, text)]
    ref = base.overlay(organizations)
    year = infer_year(text)
    all_dates = find_dates(text, default_year=year)
    datelines = [d for d in all_dates if _is_dateline(ref, text, d)] or _lone_first_date(text, all_dates)
    if datelines:
        facts.published = datelines[0].start
        facts.published_span = Span.of(text, datelines[0].span_start, datelines[0].span_end)
        if year != facts.published.year and not all(d.year_inferred for d in datelines):
            # a date without a year takes the year of the document's own date
            year = facts.published.year
            all_dates = find_dates(text, default_year=year)
            datelines = [d for d in all_dates if _is_dateline(ref, text, d)]
    dates = [_year_said_before(text, d, all_dates) or _nearest_year(text, d, facts.published)
             for d in all_dates if d not in datelines] + _relative_dates(text, datelines)
    written = [d for d in all_dates if not d.year_inferred and d not in datelines]
    reference_day = facts.published or (written[0].start if written else None)
    dates += [_month_side(text, d, reference_day) for d in find_partial_dates(text, all_dates, year)
              if not any(x.span_start <= d.span_start < x.span_end for x in datelines)]
    dates.sort(key=lambda d: d.span_start)
    anchors = _outside_furniture(text, _anchors(text, dates))
    _announced_in_the_title(text, anchors, dates)
    _date_generic_mentions(text, anchors, dates)
    avoid = tuple((text.rfind("\n", 0, d.span_start) + 1, d.span_end) for d in datelines)
    meetings = _group_meetings(ref, text, anchors, avoid)
    _read_rows(ref, text, meetings, anchors)
    _merge_undated_twins(ref, text, meetings, anchors)
    _drop_dated_by_a_shared_heading(ref, text, meetings, anchors)
    _fold_month_into_days(meetings, anchors)
    regions: dict[tuple, list[tuple[int, int]]] = {}
    if meetings:
        regions = _regions(text, anchors, meetings)
        for key, meeting in meetings.items():
            _end_from_until(ref, text, meeting, regions.get(key, []), dates, anchors)
            _range_said_again(text, key, meeting, regions.get(key, []), dates, anchors)
            _days_from_duration(text, meeting, regions.get(key, []))
        header_spans = [a.window for a in anchors if a.opening]
        for key, meeting in meetings.items():
            _read_region(ref, text, meeting, regions.get(key, []), header_spans, avoid)
        _next_meetings(ref, text, meetings, regions, dates, anchors)
        for key, past in _past_meetings(ref, text, meetings, regions, dates, anchors):
            meetings.setdefault(key, past)
        for key, other in _numbered_editions(ref, text, meetings, regions, dates, anchors):
            meetings.setdefault(key, other)
        _place_from_outer(list(meetings.values()))
        _place_from_same_venue(ref, text, meetings, anchors)
        _place_from_headline(ref, text, list(meetings.values()), avoid)
        _city_from_dateline(ref, text, list(meetings.values()), datelines, dates)
        facts.meetings = list(meetings.values())
        _document_study_period(text, facts.meetings)
    else:
        facts.warnings.append("no meeting found: the document names no kind of meeting; what it names is kept "
                              "on the document")
    issued_for = _meeting_a_td_is_for(ref, text, facts.meetings, dates)
    if issued_for is not None:
        facts.meetings.append(issued_for)
        facts.warnings = [w for w in facts.warnings if not w.startswith("no meeting found")]
    _document_mentions(ref, text, facts, organizations, [r for rs in regions.values() for r in rs],
                       [a.said for a in anchors])
    if where is not None:
        facts = spans_moved(facts, where, doc.text)
        facts.text = doc.text
    return facts


#: the nouns a text may call a meeting of each kind by, besides its name ('The Assembly was hosted by ...' of WTSA-16)
_KIND_NOUNS = {"Conference": ("assembly", "conference"), "LeadershipAssembly": ("assembly",),
               "PreparatoryMeeting": ("assembly", "consultation"), "Workshop": ("workshop", "seminar", "webinar"),
               "Symposium": ("forum", "symposium", "summit", "dialogue", "conference"),
               "CTOMeeting": ("roundtable", "round table", "summit", "forum", "dialogue", "consultation"),
               "CTOConsultation": ("consultation", "roundtable", "round table")}


def _year_said_before(text: str, d: DateMention, dates: list[DateMention]) -> DateMention | None:
    """'WTSA-24 will be held from 15 to 24 October 2024, preceded by GSS-24 on 14 October': a day written without its
    year, after one written with it in the same sentence, is of that year when that puts the two within two months
    of each other; None when the sentence says no such year."""
    if not d.year_inferred or d.precision != "day":
        return None
    s, _ = sentence_at(text, d.span_start)
    said = [x for x in dates if s <= x.span_start < d.span_start and not x.year_inferred and x.precision == "day"]
    if not said or said[-1].end.year == d.start.year:
        return None
    shift = said[-1].end.year - d.start.year
    try:
        moved = replace(d, start=d.start.replace(year=d.start.year + shift), end=d.end.replace(year=d.end.year + shift))
    except ValueError:  # 29 February
        return None
    return moved if abs((moved.start - said[-1].end).days) <= 62 else None


def _nearest_year(text: str, d: DateMention, published: date | None) -> DateMention:
    """A day written without its year, in a text dated by its release, on the side of the release the verb that
    governs it says: 'Geneva, 10 January 2023 - The consultation held on 14 December ...' is of December 2022;
    'Geneva, 20 December 2023 - The consultation will be held on 14 January' is of January 2024."""
    if published is None or not d.year_inferred or d.precision != "day":
        return d
    # the verb that governs the date, right before it in its clause ('held on 14 December', 'will take place in Seoul
    # on 12 June'; not 'the workshop that took place in March will be presented to the meeting on 12 June')
    s, _ = sentence_at(text, d.span_start)
    said = text[max(s, text.rfind(",", s, d.span_start) + 1, d.span_start - 60):d.span_start]
    verbs = list(_TO_COME.finditer(said)) + list(_DONE.finditer(said))
    last = max(verbs, key=lambda v: v.start(), default=None)
    if last is None or re.search(r"\b(?:will|shall|would|that|which|who|and|but|to)\b", said[last.end():]):
        return d
    future = last.re is _TO_COME
    shift = 1 if future and d.end < published - timedelta(days=7) else \
        -1 if not future and d.start > published + timedelta(days=7) else 0
    if not shift:
        return d
    try:
        return replace(d, start=d.start.replace(year=d.start.year + shift), end=d.end.replace(year=d.end.year + shift))
    except ValueError:  # 29 February
        return d


def _month_side(text: str, d: DateMention, reference_day: date | None) -> DateMention:
    """A month written without its year ('the next TSAG meeting in Geneva in February') in the year that puts it
    on the side of the document's own date (its release, else its first written day) that its sentence says: to
    come after 'next', 'upcoming', 'will be held'; past after 'was held', 'last', 'previous'."""
    if reference_day is None or not d.year_inferred or d.precision != "month":
        return d
    s, _ = sentence_at(text, d.span_start)
    said = text[max(s, d.span_start - 120):d.span_start]
    future = bool(_TO_COME.search(said) or re.search(r"\b(?:next|upcoming|forthcoming|following|will)\b", said, re.I))
    past = bool(_DONE.search(said) or re.search(r"\b(?:last|previous|earlier|prior)\b", said, re.I))
    shift = 1 if future and not past and d.end < reference_day else \
        -1 if past and not future and d.start > reference_day else 0
    if not shift:
        return d
    start, end = month_range(d.start.year + shift, d.start.month)
    return replace(d, start=start, end=end)


#: the verbs that put a day written without its year in the future or in the past of the release
_TO_COME = re.compile(r"\b(?:will\s+(?:be\s+held|take\s+place|meet|convene|hold|host|be\s+hosted|be\s+convened|be\s+organi[sz]ed)|"
                      r"to\s+be\s+held|(?:is|are)\s+scheduled)\b", re.I)
_DONE = re.compile(r"\b(?:(?:was|were)\s+held|(?<!be\s)held|took\s+place|met|gathered|concluded)\b", re.I)


def _fold_month_into_days(meetings: dict[tuple, Meeting], anchors: list[Anchor]) -> None:
    """'Report on the TSAG meeting held in January 2026' over 'TSAG met in Geneva from 26 to 30 January 2026': the
    meeting a month dates is the one meeting of its series the text dates by days within that month. So is the
    meeting a year dates in the same place ('2034 | Muscat, Oman | Majan Digital' in a table of the series' meetings,
    over 'the ninth meeting took place on 21 and 22 June 2034 in Muscat')."""
    for key, m in list(meetings.items()):
        # a series, or the same name, tells its meetings apart by date ('the SG17 meeting in March' is not SG13's)
        if m.precision not in ("month", "year") or m.start is None or m.precision == "year" and m.place is None:
            continue
        days = [k for k, d in meetings.items() if d.precision == "day" and d.start is not None and d.kind == m.kind
                and (d.series.iri == m.series.iri if d.series is not None and m.series is not None
                     else d.series is None and m.series is None and d.name.lower() == m.name.lower())
                and (d.start.year, d.start.month if m.precision == "month" else 0) ==
                    (m.start.year, m.start.month if m.precision == "month" else 0)
                and (m.place is None or d.place is None or m.place.iri == d.place.iri)
                and (m.precision == "month" or d.place is not None and (
                    m.host is None or d.host is None or m.host.label == d.host.label))]
        if len(days) != 1:
            continue
        for a in anchors:
            if a.meeting_key == key:
                a.meeting_key = days[0]
        del meetings[key]


def _drop_dated_by_a_shared_heading(ref: Reference, text: str, meetings: dict[tuple, Meeting],
                                    anchors: list[Anchor]) -> None:
    """'Regional Forum for Africa and meeting of SG5RG-AFR' over one date line, then 'the forum was followed by
    the meeting of SG5RG-AFR on 20-21 March': the heading's days are the first meeting's; the one the text dates
    itself is that group's meeting, and the heading's reading of it goes."""
    def group_of(a: Anchor) -> str | None:
        return next((g.iri or _entity_key(g) for g in find_groups(ref, text, *a.name_span)), None)

    for key in list(meetings):
        own = [a for a in anchors if a.meeting_key == key]
        if not own or not all(a.heading and any(b.meeting_key not in (key, None) and b.window == a.window
                                                for b in anchors) for a in own):
            continue
        group = group_of(own[0])
        if group is not None and any(
                a.meeting_key not in (key, None) and a.meeting_key[0] == key[0] and not a.heading and group_of(a) == group
                for a in anchors):
            del meetings[key]


def _entity_key(r: Ref) -> str:
    return r.iri or str(iris.entity(r))


def _document_mentions(ref: Reference, text: str, facts: DocumentFacts, organizations: list[Ref], regions,
                       meeting_names: list[tuple[int, int]]) -> None:
    """What the document names outside its meetings, each entity once (its first mention), ITU itself left out:
    a document is never empty, and nothing its meetings already say is said twice. The text the meetings own
    is not read again (extraction cost stays flat)."""
    def once(refs, taken, key=_entity_key):
        seen, out = set(taken), []
        for r in refs:
            k = key(r)
            if k and k not in seen:
                seen.add(k)
                out.append(r)
        return out

    gaps, pos = [], 0
    for s, e in sorted(regions):
        if s > pos:
            gaps.append((pos, s))
        pos = max(pos, e)
    if pos < len(text):
        gaps.append((pos, len(text)))
    ms = facts.meetings
    people = [p for s, e in gaps for p in find_people(ref, text, s, e)]
    everyone = people + [p for m in ms for p in m.people]
    facts.people = once(sorted(people, key=lambda p: (p.post is None, p.span.start)),
                        {person_key(p) for m in ms for p in m.people}, key=person_key)
    listed = [p.organization.span for m in ms for p in m.participations]
    # 'Cobalt Systems and Example Telecom' read as one name where a list gives two organizations: the list wins
    organizations = [o for o in organizations if ref.is_reference(o.iri) or not any(
        o.span.start <= s.start and s.end <= o.span.end and (s.start, s.end) != (o.span.start, o.span.end)
        for s in listed)]
    named = organizations + [p.affiliation for p in everyone if p.affiliation is not None]
    took_part = {_entity_key(p.organization) for m in ms for p in m.participations}
    facts.organizations = once((o for o in named if o.iri is None or not ref.part_of_itu(o.iri)), took_part)
    facts.groups = once((g for s, e in gaps for g in find_groups(ref, text, s, e)),
                        {_entity_key(g) for m in ms for g in m.groups_mentioned + m.groups_represented +
                         [a.group for a in m.group_actions]})
    # find() keeps only the entries of the kinds asked for: a match's first entry is its first Topic
    topics = [Ref("Topic", x.entry.label, Span.of(text, x.start, x.end), x.entry.iri)
              for s, e in gaps for x in ref.find(text, {"Topic"}, s, e)]
    facts.topics = once(topics, {t.iri for m in ms for t in m.topics})
    names = [r.span for r in organizations + facts.groups] + [p.span for p in everyone] + \
        [g.span for m in ms for g in m.groups_mentioned] + [m.name_span for m in ms] + \
        [m.place.span for m in ms if m.place]
    # a phrase that only names a kind of meeting ('CxO meeting': inside an anchor's phrase) is no subject; one that
    # speaks of a meeting is ('outcome of the preparatory meeting')
    keyphrases = [(p, sp) for p, sp in find_keyphrases(ref, text, skip=[(s.start, s.end) for s in names])
                  if not any(a <= sp.start and sp.end <= b for a, b in meeting_names)]
    # agenda items first: a key phrase inside one says less than the item it is part of
    agenda = find_agenda_topics(ref, text, skip=[(s.start, s.end) for s in names] + list(meeting_names))
    facts.keyphrases = agenda + [(p, sp) for p, sp in keyphrases if not any(
        a.start <= sp.start and sp.end <= a.end or fold(p) == fold(q) for q, a in agenda)]


# -- anchors and meetings ------------------------------------------------------------------------

_PRESS_DATELINE = re.compile(r"^\s*(?:[A-Z][\w.'’-]*(?:(?:[ ,]+|[ \t]*/[ \t]*)\(?[A-Z][\w.'’-]*\)?){0,4})\s*[,(]\s*"  # ('GENEVA / NEW YORK, ')
                             # 'Riyadh, Friday 17 Rabi' al-Awwal 1446 AH corresponding to 20 September 2024 –'
                             r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
                             r"(?:[^\n–—]{0,60}?\b(?:corresponding\s+to|equivalent\s+to)\s+)?$")
_PUBLICATION = re.compile(r"(?:(?:published|issued|posted|updated|released|edited|modified|revised|circulated|distributed)"
                          r"(?:\s+on)?|date|(?:date\s+of\s+)?(?:issue|circulation|publication))\s*:?\s*$", re.IGNORECASE)


_RELATIVE = re.compile(r"\b(?:(?P<today>today|this\s+week)|(?P<yesterday>yesterday)|(?P<tomorrow>tomorrow)|"
                       r"(?P<lastweek>last\s+week)|(?P<lastmonth>last\s+month)|(?P<thismonth>(?<!\bof\s)this\s+month)|"
                       rf"(?P<nextmonth>next\s+month)|(?P<side>last|next)\s+(?P<named>{'|'.join(MONTH_NAMES)})(?!\s+(?:19|20)\d\d)|"
                       r"(?:on\s+|last\s+)(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\s*,?\s*\d))\b")
_WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


#: a verb of the release itself after 'today': 'X today announced that ...'
_REPORTED_TODAY = re.compile(r"[ \t]+(?:announced|said|reported|released|published|unveiled|confirmed|stated|revealed)\b"
                             r"|\b(?:announced|said|reported|released|published|unveiled|confirmed|stated|revealed)[ \t]+\Z")


def _relative_dates(text: str, datelines: list[DateMention]) -> list[DateMention]:
    """'met today', 'met yesterday', 'met on Monday' under a press dateline: days counted from the dateline."""
    from datetime import timedelta
    out = []
    for i, dl in enumerate(datelines):
        stop = datelines[i + 1].span_start if i + 1 < len(datelines) else len(text)
        for m in _RELATIVE.finditer(text, dl.span_end, min(stop, dl.span_end + 3000)):
            if m.group("lastweek") or m.group("lastmonth") or m.group("thismonth") or m.group("nextmonth") or m.group("named"):
                # a week or a month before the dateline, its own month or the next, or the last or next month of a name
                # ('last October' in February 2025: October 2024): known to the month only
                when = dl.start - timedelta(days=7) if m.group("lastweek") else dl.start if m.group("thismonth") else \
                    (dl.start.replace(day=28) + timedelta(days=4)) if m.group("nextmonth") else \
                    _named_month(dl.start, m.group("named"), m.group("side")) if m.group("named") else \
                    dl.start.replace(day=1) - timedelta(days=1)
                first, last = month_range(when.year, when.month)
                out.append(DateMention(first, last, m.start(), m.end(), m.group(), True, "month"))
                continue
            if m.group("today"):
                if _REPORTED_TODAY.match(text, m.end()) or _REPORTED_TODAY.search(text, max(0, m.start() - 16), m.start()):
                    continue  # 'X today announced (announced today) that its CTO took part in ...': the release's day
                day = dl.start
            elif m.group("yesterday"):
                day = dl.start - timedelta(days=1)
            elif m.group("tomorrow"):
                day = dl.start + timedelta(days=1)
            else:
                back = (dl.start.weekday() - _WEEKDAY_NAMES.index(m.group("weekday").lower())) % 7
                day = dl.start - timedelta(days=back)
            out.append(DateMention(day, day, m.start(), m.end(), m.group(), True))
    return out


def _named_month(day: date, name: str, side: str) -> date:
    """The first day of the month called `name` last (or next) before (or after) `day`'s month."""
    month = MONTH_NAMES.index(name.capitalize()) + 1
    if side.lower() == "last":
        return date(day.year if month < day.month else day.year - 1, month, 1)
    return date(day.year if month > day.month else day.year + 1, month, 1)


def _lone_first_date(text: str, dates: list[DateMention]) -> list[DateMention]:
    """'3 September 2015' alone on a news item's first line, with 'met on Wednesday' below it: the day the item was
    published, from which its prose counts days (a meeting's heading would name the meeting, not a weekday)."""
    first = dates[0] if dates else None
    if first is None or first.start != first.end or text[:first.span_start].strip():
        return []
    line_end = text.find("\n", first.span_end)
    if line_end < 0 or text[first.span_end:line_end].strip(" .,") or not _RELATIVE.search(text, line_end):
        return []
    return [first]


def _publication_line(ref: Reference, text: str, line_start: int, before: str, d: DateMention) -> bool:
    """'Example News, 20 November 2017' as the document's first line: who published it and when."""
    if text[:line_start].strip() or text[d.span_end:text.find("\n", d.span_end) if "\n" in text[d.span_end:] else None].strip(" .,"):
        return False
    m = re.fullmatch(r"\s*([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s*[,:|–-]\s*", before)
    if not m:
        return False
    return find_place(ref, m.group(1), 0, len(m.group(1))) is None


def _is_dateline(ref: Reference, text: str, d: DateMention) -> bool:
    """A press dateline ('GENEVA, 9 May 2018 –', 'Geneva, 25 January 2017 —') or a publication date is not a
    meeting date. A place and date on a line of their own stay: under a heading they are the meeting's."""
    line_start = text.rfind("\n", 0, d.span_start) + 1
    before = text[line_start:d.span_start]
    if _FIELD.fullmatch(before) and _in_meeting_fields(text, line_start):
        return False  # 'Date: 14 March 2018' among 'Venue:' and 'Host:' lines under a meeting's name: its date
    if _PUBLICATION.search(before) or _BYLINE_BEFORE.fullmatch(before):
        return True  # ('Posted on 23.01.2012', 'By Jane Roe | October 15, 2024')
    if d.end == d.start and re.fullmatch(r"[ \t]*(?:[A-Z][a-z]+day,?[ \t]+)?", before) and _BYLINE_AFTER.match(text, d.span_end):
        return True  # '3 November 2016 | by ITU News': when and by whom the item was published
    if d.end == d.start and _DATE_ALONE.fullmatch(text, line_start, line_end(text, d.span_start)):
        above = text[:line_start].rstrip("\n").rsplit("\n", 1)[-1]
        if _HEADLINE_NOW.search(above) and not above.rstrip().endswith((".", ":")):
            return True  # 'ITU-T holds first meeting of CTOs' over 'Thursday, 30 October 2008': the item's date
        if re.match(r"[ \t]*[Bb]y[ \t]+[A-Z][^\n.]{1,80}$", above):
            return True  # 'By Jane ROE, Johannesburg' over '21 October 2008': when the byline's author wrote it
        if d.span_start < 400 and _MASTHEAD_LINE.fullmatch(above.strip()):
            return True  # 'News | ITU-T' over '14 February 2025': a page's masthead, the day it was published
    if d.end != d.start:
        return False  # 'Geneva, 5-6 December 2012 – The group met ...': a text is published on one day, a meeting runs over several
    if d.span_start < 400 and _MASTHEAD.fullmatch(before) and not text[d.span_end:line_end(text, d.span_end)].strip() \
            and not _MEETING_LINE.search(before):
        return True  # 'TechPulse Africa | Interviews | 24 September 2018': a page's masthead, the day it was published
    if _publication_line(ref, text, line_start, before, d):
        return True
    if _MEETING_LINE.search(before):
        return False  # 'CTO Meeting, Hong Kong, 2 December 2019 – List of participants': the meeting's own line
    # 'GENEVA, 9 May 2018 –', 'GENEVA, Oct 12, 2023 (Reuters) -' ('Seoul, 12 June 2024: ...' is the meeting's place and
    # day in the communiqués of the family)
    if d.end == d.start and _PLACE_DASH.fullmatch(before) and _DESK_AFTER.match(text, d.span_end) and \
            find_place(ref, before, 0, len(before)) is not None:
        return True  # 'Accra, Ghana - 16 May 2033 | Public Relations Unit': where, when and by which office it was issued
    return bool(_PRESS_DATELINE.match(before)) and _AFTER_DATELINE.match(text, d.span_end) is not None


#: a place and a dash before a date: 'Accra, Ghana - '
_PLACE_DASH = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,4}[ \t]+[-–—][ \t]+")
#: the office that issued an item, after its date on the dateline: ' | Public Relations Unit'
_DESK_AFTER = re.compile(r"[ \t]*[|·][ \t]*[A-Z][^\n|·]{1,60}$", re.MULTILINE)


#: a page's masthead on a line of its own: 'News | ITU-T', 'ITU Newsroom · Press releases'
_MASTHEAD_LINE = re.compile(r"[^\n|·.]{1,40}?(?:[ \t]*[|·][ \t]*[^\n|·.]{1,40}?)+")
#: the fields of a page's masthead before its date: 'TechPulse Africa | Interviews | '
_MASTHEAD = re.compile(r"[ \t]*[^\n|·]{1,60}?(?:[ \t]*[|·][ \t]*[^\n|·]{1,60}?)*[ \t]*[|·][ \t]*")
#: a byline before a publication date on its line: 'By Jane Roe | ', 'By Jane Roe, ITU News · '
_BYLINE_BEFORE = re.compile(r"[ \t]*[Bb]y[ \t]+[A-Z][^\n|·]{1,60}?[ \t]*[|·–—][ \t]*")
#: a byline after a publication date on its line: '| by ITU News', '· By Jane Roe', '– by the Editor'; or how long
#: the item takes to read: '· 5 min read'
_BYLINE_AFTER = re.compile(r"[ \t]*(?:[|·–—-][ \t]*)?(?:[Bb]y[ \t]+(?:the[ \t]+)?[A-Z]|\d{1,2}[ \t]*min(?:ute)?s?[ \t]+read\b)")
#: what follows a press dateline's date: a dash (or '--'), after the agency's name in brackets ('(Reuters)') or between
#: slashes ('/PRNewswire/') if any
_AFTER_DATELINE = re.compile(r"[ \t]*(?:\([A-Z][\w .&/-]{1,30}\)[ \t]*|/[A-Z][^/\n]{1,40}/[ \t]*)?"
                             r"(?:--(?=\s)|[–—‒-](?=\s)|(?<=\d)[–—‒-])")
#: a field line of a meeting's header block: 'Date: ...', 'Venue: ...', 'Host: ...'
_FIELD = re.compile(rf"[ \t]*(?:[-*•○●◦▪■□][ \t]*)?(?:(?:meeting\s+)?(?P<field>{FIELD_NAMES}))[ \t]*:[ \t]*", re.IGNORECASE)
#: the fields that say where a meeting is, who hosts it and how it is held: a block with one describes a meeting
_WHERE_FIELDS = ("venue", "place", "location", "city", "host", "format", "mode", "where", "held")
#: a line that names a meeting (a heading over its field lines: 'ITU-T CTO meeting', 'Next meeting')
_MEETING_LINE = re.compile(r"\b(?:meeting|session|assembly|consultation|workshop|forum|symposium|summit|edition)s?\b",
                           re.IGNORECASE)


def _block_lines(text: str, line_start: int) -> list[tuple[int, int]]:
    """The lines of the block (no blank line between them) around the line starting at line_start."""
    s = line_start
    while s > 0:
        p = text.rfind("\n", 0, s - 1) + 1
        if not text[p:s - 1].strip():
            break
        s = p
    out, pos = [], s
    while pos < len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        if not text[pos:nl].strip():
            if pos > line_start:
                break
        else:
            out.append((pos, nl))
        pos = nl + 1
    return out


def _date_field(text: str, d: DateMention) -> bool:
    """Whether d is the value of a date field line ('When: 12-13 October', 'Dates: ...'): under a heading, the
    heading's meeting's days, whatever other meeting the block names ('Held with: GSS-24')."""
    line_start = text.rfind("\n", 0, d.span_start) + 1
    f = _FIELD.fullmatch(text, line_start, d.span_start)
    return f is not None and f.group("field").lower().startswith(("date", "when"))


def _in_meeting_fields(text: str, line_start: int) -> bool:
    """Whether a field line is part of a block that describes a meeting: with a place or host field beside it, or
    under a line naming a meeting (the heading may stand one blank line above: 'CTO MEETING / (blank) / Date: ...');
    'Meeting date: ...' says it itself."""
    if re.match(r"[ \t]*(?:[-*•○●◦▪■□][ \t]*)?meeting\b", text[line_start:line_start + 40], re.IGNORECASE):
        return True
    lines = _block_lines(text, line_start)
    for a, b in lines:
        f = _FIELD.match(text, a, b)
        if f and a != line_start and f.group("field").lower().startswith(_WHERE_FIELDS):
            return True
    heads = [(a, b) for a, b in lines if a < line_start and not _FIELD.match(text, a, b)]
    above = text[:lines[0][0]] if lines else ""
    if not heads and re.search(r"\S[ \t]*\n[ \t]*\n[ \t]*\Z", above):  # one blank line between
        head_end = len(above.rstrip())
        heads = [(text.rfind("\n", 0, head_end) + 1, head_end)]
    return bool(heads) and bool(_MEETING_LINE.search(text, *heads[-1]))


#: ', which took place in Dubai from 3 to 14 December': a relative clause that dates the meeting just named
_OWN_CLAUSE = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:(?:which|that)\s+(?:\w+\s+){0,2}?(?:took\s+place|(?:was|is|will\s+be|"
                         r"is\s+being)\s+held|(?:is\s+)?taking\s+place|will\s+take\s+place|runs?|ran|will\s+run|"
                         r"opens?|opened|starts?|started|beg[ia]ns?|closes?|closed|ends?|ended|met|meets|will\s+meet|"
                         r"convened|convenes|will\s+convene)|"
                         # 'WTSA-20, now rescheduled to take place in Geneva from 1 to 9 March 2022', ', to be held in'
                         r"(?<=,)\s*(?:now\s+|since\s+)?(?:(?:re)?scheduled\s+(?:to\s+take\s+place|to\s+be\s+held|for)|"
                         r"to\s+be\s+held|to\s+take\s+place|due\s+to\s+take\s+place))\b"
                         # to the clause's end: not past a comma before the sentence's own verb ('WTSA-24, which will be
                         # held in New Delhi, took place ...' is not dated by the main clause)
                         r"(?:[^.;,]|,(?!\s*(?:took|was|were|is|are|has|had|will|met|opened|closed|began|ended)\b))*",
                         re.IGNORECASE)


#: a participle after a meeting's name, up to a date: '... Meeting for WTSA-16 for the Arab States, held in Cairo on'
#: (the rest of its name before the comma)
_HELD_AFTER = re.compile(r"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?,?\s*held\s+(?:in|at|on|from)\b"
                         r"[^.;()]*")


def _held_after(text: str, name_start: int, name_end: int, d: DateMention) -> bool:
    """Whether d is in a participle right after the meeting named at text[name_start:name_end] ('..., held in Cairo on
    1-3 February 2016'); not after a conference a meeting prepares for ('the Regional Consultation on the preparation
    for WTSA-20, held on 5 and 6 August': the consultation's days)."""
    return d.span_start >= name_end and _HELD_AFTER.fullmatch(text, name_end, d.span_start) is not None and \
        not _PREPARED_FOR.search(text, max(0, name_start - 60), name_start)


def _dated_by_own_clause(text: str, name_end: int, d: DateMention) -> bool:
    """Whether date d is in the relative clause right after a meeting's name ('WTSA-24, which runs from 15 to
    24 October'): that meeting's date, whatever else the sentence names."""
    return d.span_start >= name_end and _OWN_CLAUSE.fullmatch(text, name_end, d.span_start) is not None


#: words that put something before a meeting to come: what a date before them dates is not that meeting
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|before|prior\s+to|in\s+advance\s+of|in\s+preparation\s+for|in\s+the\s+run-up\s+to)"
                       # right before the name: 'ahead of the next African Telecommunications Union (ATU) <name>'
                       r"\s+(?:(?:the|a|an|next|upcoming|forthcoming|its|their)\s+)*(?:(?-i:[A-Z][\w&'’-]*|\([A-Z][\w&-]*\))\s+){0,6}\Z",
                       re.IGNORECASE)
#: a clause of a meeting's own right after its name: 'WTSA-24, which will be held in ...', 'WTSA-24 (New Delhi, ...)',
#: 'WTSA-24, to be held in ...', 'WTSA-24, scheduled for ...'
_ITS_OWN_CLAUSE = re.compile(r"\s*(?:\([^()]*\)|,?\s*(?:which|that|to\s+be|will\s+be|is\s+to\s+be|scheduled|planned|set|due|"
                             r"held|taking\s+place|to\s+take\s+place)\b)", re.IGNORECASE)
#: a meeting's name as its sentence's subject, then its verb of being held, up to a date: 'WTSA-20 will be held in
#: Geneva from 1 to 9 March 2022, preceded by the GSS on 28 February'
_SUBJECT_HELD = re.compile(r"(?:[ \t]*\([^()\n]*\))?\s+(?:(?:was|is|were|are|will\s+be|has\s+been)\s+(?:being\s+)?held|"
                           r"(?:will\s+)?take\s+place|takes\s+place|took\s+place|met|meets|will\s+meet|convened|"
                           r"(?:will\s+)?(?:run|open)|runs|ran|opened)\b[^.;,\n]*", re.IGNORECASE)


def _dated_as_subject(text: str, s: int, name_start: int, name_end: int, d: DateMention, comma: bool = False) -> bool:
    """Whether date d is in the main clause of the sentence whose subject the meeting's name is ('WTSA-20 will be
    held in Geneva from 1 to 9 March 2022, preceded by ...'): that meeting's date, whatever else the sentence names.
    With `comma`, also after the place's comma ('The XIV Meeting will be held in Mexico City, December 2-5, 2008')."""
    if d.span_start < name_end or re.fullmatch(r"\s*(?:[-•*·]\s*)?(?:(?:The|the)\s+)?", text[s:name_start]) is None:
        return False
    held = _SUBJECT_HELD.match(text, name_end, d.span_start)
    return held is not None and (held.end() == d.span_start or comma and _PLACE_COMMA.fullmatch(
        text, held.end(), d.span_start) is not None)


#: between the place of a subject's verb and its date: ', ' or ', India, ' (not ', preceded by the GSS on ')
_PLACE_COMMA = re.compile(r",[ \t]*(?:[A-Z][^.;,\n]{0,30},[ \t]*)?")


#: 'called on ITU-T to organize a workshop on ...', 'proposed that TSB hold a ...': a meeting asked for, not one held
_REQUESTED = re.compile(r"\b(?:call(?:ed|s)?\s+(?:on|upon)|ask(?:ed|s)?|invit(?:ed|es?)|request(?:ed|s)?|propos(?:ed|es?)|"
                        r"suggest(?:ed|s)?|recommend(?:ed|s)?|urg(?:ed|es?)|encourag(?:ed|es?))\b[^.;\n]{0,100}?"
                        r"\b(?:to\s+|that\s+[^.;\n]{1,40}?\s+)(?:organi[sz]e|hold|convene|host|arrange|plan)\s+"
                        r"(?:(?:a|an|another|the|one|more|further|regular|joint)\s+)*(?:[\w-]+\s+){0,2}$", re.IGNORECASE)

#: 'the same venue as', 'the same format as': what follows is named to compare with
_COMPARED = re.compile(r"\bsame\s+(?:[\w-]+\s+){0,2}as\s+(?:the\s+|for\s+(?:the\s+)?)?$", re.IGNORECASE)


#: between a meeting's name and a date that is another's: 'WTSA-08 was preceded on (20 October by the GSS)'
_PRECEDED_ON = re.compile(r"\s+(?:was|were|is|are|will\s+be)\s+(?:immediately\s+)?(?:preceded|followed)\s+(?:on|in)\s+",
                          re.IGNORECASE)


#: a headline announcing a meeting to come, which the item's date goes under: 'Kigali to host 2025 CTO meeting' (the
#: meeting after the verb), 'GSS-24 to be held in New Delhi' (before it)
_HOSTS_TO_COME = re.compile(r"\b(?:to|will|set\s+to)\s+(?:host|co-host|hold|convene|organi[sz]e|welcome)\b", re.IGNORECASE)
_HELD_TO_COME = re.compile(r"\b(?:to|will)\s+(?:be\s+held|take\s+place|be\s+hosted)\b", re.IGNORECASE)
#: a news headline telling of a meeting in the present ('ITU-T holds first meeting of CTOs', 'GSS opens'): the date
#: alone under it is the item's
_HEADLINE_NOW = re.compile(r"\b(?:holds|hosts|convenes|organi[sz]es|welcomes)\b(?=[^\n]*\b(?:meeting|consultation|"
                           r"round\s?table|workshop|forum|symposium|summit|assembly)s?\b)", re.IGNORECASE)  # (its object)
#: a line that is a date alone, the day a news item went out: 'Thursday, 30 October 2008'
_DATE_ALONE = re.compile(r"[ \t]*(?:[A-Z][a-z]+day,?[ \t]+)?(?:\d{1,2}[ \t]+[A-Z][a-z]+|[A-Z][a-z]+[ \t]+\d{1,2},?)[ \t]+\d{4}[ \t]*")


def _announced_in_headline(line: str, name_at: int, name_end: int) -> bool:
    """Whether a headline announces the meeting named at line[name_at:name_end] as one to come."""
    return any(v.end() <= name_at for v in _HOSTS_TO_COME.finditer(line)) or any(
        v.start() >= name_end for v in _HELD_TO_COME.finditer(line))


#: between a meeting's name and the date in brackets right after it: ' (', ' (Geneva, '
_BRACKETED_AFTER = re.compile(r"[ \t]*\((?:[^()\n]{0,40}?,[ \t]*)?")
#: 'GSS-12 in Dubai, United Arab Emirates (2012)': a name, its place, and its year or days in brackets after them
_PLACED_THEN_BRACKETED = re.compile(r"[ \t]+in[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}"
                                    r"(?:,[ \t]*[A-Z][\w'’.-]*(?:[ \t]+(?:(?:of|and|the)[ \t]+)*[A-Z][\w'’.-]*){0,3})?"
                                    r"[ \t]*\(")
#: an aside between two dashes in a sentence: ' - four years after the first GSS, held in Johannesburg in 2008 - '
_DASH_ASIDE = re.compile(r"[ \t][-–—][ \t](?=[a-z])[^-–—\n.;]{5,200}?[ \t][-–—][ \t]")


def _asides(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The asides between dashes in text[s:e]."""
    return [x.span() for x in _DASH_ASIDE.finditer(text, s, e)]


def _aside_at(asides: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The aside `pos` is in, if any."""
    return next(((a, b) for a, b in asides if a <= pos < b), None)


#: the kinds of meeting named after the group that holds them ('TSAG ... at its next meeting')
_GROUPS_MEETINGS = frozenset({"TSAGMeeting", "StudyGroupMeeting", "WorkingPartyMeeting", "RapporteurGroupMeeting",
                              "RegionalGroupMeeting", "FocusGroupMeeting"})
#: 'TSAG ... at its next meeting': a group's meeting to come, named after the group
_AT_ITS_NEXT = re.compile(r"(?:(?!\b(?:TSAG|Advisory\s+Group|Study\s+Group|SG\s?\d)\b)[^.;\n]){0,80}?\b(?:at|during)\s+its\s+"
                          r"(?:next|upcoming|forthcoming|following)\b")


_CAPS_LINE = re.compile(r"(?m)^(?=[^\n]*[A-Z]{3,}[^\n]*[A-Z]{3,})(?![^\n]*[a-z])[^\n]+$")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'’]{4,}\b|\b(?:OF|THE|AND|FOR|ON|IN|AT|TO|WITH|BY|FROM)\b|(?<=\d)(?:ST|ND|RD|TH)\b")


def _capitals_as_titles(text: str) -> str:
    """A line written in capitals ('MINUTES OF THE 4TH MEETING OF THE NATIONAL PREPARATORY COMMITTEE FOR ...') as a
    title would write it ('... 4th Meeting of the National Preparatory Committee for ...'), so the kinds' patterns,
    whose proper names are capitalised words joined by small ones, read it. Short words in capitals stay: they are
    acronyms ('ITU-T CTO', 'WTSA-24')."""
    def title(line: re.Match) -> str:
        return _CAPS_WORD.sub(lambda w: w.group().lower() if w.group().lower() in _SMALL_WORDS or w.group()[:1] in "SNRT"
                              and w.start() > 0 and line.group()[w.start() - 1].isdigit() else
                              w.group()[0] + w.group()[1:].lower(), line.group())
    return _CAPS_LINE.sub(title, text)


_SINCE = re.compile(r"\b(?i:since|ever\s+since)[ \t]+\Z")
#: a noun after a meeting's name that it qualifies: the format, series or concept of such meetings, not one of them
_NOUN_AFTER = re.compile(r"[ \t]+(?:format|formula|series|concept|model|tradition|mechanism)s?\b", re.IGNORECASE)


def _anchors(text: str, dates: list[DateMention]) -> list[Anchor]:
    found: list[Anchor] = []
    announced: list[Anchor] = []  # opened by 'will host / will be held / will take place' alone
    taken: list[tuple[int, int]] = []
    titled = _capitals_as_titles(text)  # (the same length: a match's offsets are the text's)
    # each pattern runs once, and only over a text that has the literals it cannot match without (most kinds' are
    # not in a given text: running all of them was an eighth of extraction's time)
    view = _literal_view(titled)
    matches = [(kind, list(kind.pattern.finditer(titled)) if view is None or all(
                    any(w in view for w in words) for words in _pattern_literals(kind.pattern)) else [])
               for kind in meeting_kinds()]
    series_names = _editions_of_titled_series(text, titled, matches)
    phrases = [m.span() for _, hits in matches for m in hits]
    generic_phrases = {m.span(): kind.group for kind, hits in matches if kind.generic for m in hits}  # ('Experts met ...')
    for phrase_kind, hits in matches:
        for m in hits:
            kind, groups = _kind_on_one_line(phrase_kind, m)
            if _NOUN_AFTER.match(text, m.end()):
                continue  # 'since the CTO meeting format was refreshed in 2026': a name that qualifies a noun
            if text[m.start() - 1:m.start()] == "/" == text[m.end():m.end() + 1] and m.start() > 0:
                continue  # 'ATU/WTSA-32/PM3/REP': a document's symbol, not a mention of the assembly
            if any(s < m.end() and m.start() < e and not (m.start() < s and e <= m.end() and _PREPARED_FOR.search(
                    text, m.start(), s)) for s, e in taken):
                # a more specific kind already named these words; but 'the meeting of the Example Preparatory Group
                # for WTSA-28' is a meeting of its own, with the one it prepares inside its name
                continue
            taken.append((m.start(), m.end()))
            s, e = sentence_at(text, m.start())
            line_s = text.rfind("\n", 0, m.start()) + 1
            line_e = text.find("\n", m.end())
            line = text[line_s:len(text) if line_e < 0 else line_e].strip()
            # (a document's 'Title:' field may run long, and over the indented lines under it)
            # (a title in capitals may run long: 'REPORT OF THE THIRD ... PREPARATORY MEETING FOR THE WORLD ...')
            heading = (len(line) < 100 or len(line) < 160 and line.isupper() or len(line) < 300 and
                       line[:6].lower() == "title:") \
                and not line.endswith((".", ";", ":", ",")) and not _OCCURRED.search(line) \
                and not _FIELD.match(line) \
                and not _announced_in_headline(text[line_s:len(text) if line_e < 0 else line_e], m.start() - line_s,
                                               m.end() - line_s)  # 'Kigali to host 2025 CTO meeting': not dated below
            if heading:
                e = _heading_block_end(text, e, dates)
            # ('ITU-T has convened CTO meetings since 2009': when a series began, no meeting's date)
            ds = [d for d in dates if s <= d.span_start < e and not _SINCE.search(text, max(0, d.span_start - 12),
                                                                                     d.span_start)]
            # 'The second GSS - four years after the first GSS, held in Johannesburg in 2008 - took place on 19 November
            # 2012': an aside between dashes has its own dates; the rest of the sentence has the others
            asides = _asides(text, s, e)
            inside = _aside_at(asides, m.start())
            ds = [d for d in ds if (inside[0] <= d.span_start < inside[1] if inside else
                                    not any(a <= d.span_start < b for a, b in asides))]
            before = text[max(0, m.start() - 40):m.start()]
            is_next = bool(_NEXT.search(before) or kind.cls in _GROUPS_MEETINGS and _AT_ITS_NEXT.match(text, m.end(), e))
            is_past = bool(_PAST.search(before)) or _plural(text, m.end()) or bool(_CONTINUED.search(text, max(s, m.start() - 100), m.start()))
            name_start = _name_start(text, m.start())
            # 'GSS-24 opened today ahead of WTSA-24, which runs from 15 to 24 October': another meeting's date
            # ('held on the margins of the SG13 meeting (2-13 March)': the date in brackets after it is the other's)
            ds = [d for d in ds if not any(m.end() <= a and b <= d.span_start and (
                _dated_by_own_clause(text, b, d) or re.fullmatch(r"[ \t]*\([ \t]*", text[b:d.span_start])
                or _held_after(text, a, b, d)) for a, b in phrases if _aside_at(asides, a) == inside)]
            # 'After WTSA-24 (2024.10.15~24, New Delhi) appointed ..., TSB organized the SGLA': the days in brackets
            # right after another meeting's name are that one's, wherever this one is named
            ds = [d for d in ds if not any((a, b) != m.span() and b <= d.span_start and
                                           re.fullmatch(r"[ \t]*\([ \t]*", text[b:d.span_start]) for a, b in phrases)]
            # 'WTSA-08 was preceded on 20 October by the GSS': the date of the one after 'by'
            ds = [d for d in ds if not (d.span_start > m.end() and _PRECEDED_ON.fullmatch(text, m.end(), d.span_start)
                                        and re.match(r"\s+by\s", text[d.span_end:d.span_end + 4]))]
            # 'WTSA-24, which runs until 24 October': the day it ends, not the day it was held; no date of its own
            ds = [d for d in ds if not (d.span_start > m.end() and d.start == d.end
                                        and _UNTIL.search(text[max(0, d.span_start - 40):d.span_start]))]
            if _REQUESTED.search(text[max(s, name_start - 160):name_start]) and not is_next:
                # 'called on ITU-T to organize a workshop on X in 2024': asked for, not held ('asked TSB to convene
                # the next CTO meeting on 5 May 2025' still dates the next meeting)
                ds = []
            if _COMPARED.search(text[max(s, name_start - 40):name_start]):
                ds = []  # 'at the same venue as WTSA-20': named in passing, the sentence's date is another meeting's
            for plan_start, plan_end in _planned(text, m.end(), e):  # 'originally scheduled for Hyderabad in
                ds = [d for d in ds if not plan_start <= d.span_start < plan_end]  # November 2020 but was postponed
            others = [(a, b) for a, b in phrases if a < e and s <= a and (a, b) != m.span()
                      and not (a <= m.start() < b or m.start() <= a < m.end())
                      and _aside_at(asides, a) == inside  # (not across an aside)
                      # ('CTOs gathered in Bangkok on Monday, 18 November, for the annual CTO meeting': one meeting)
                      and (generic_phrases.get((a, b)) != kind.group or is_past or is_next)]
            shared = bool(others)
            # 'The next CTO meeting will take place in Geneva in conjunction with GSS-26 in November 2026': a next
            # meeting held beside another shares its date
            beside = shared and is_next and all(a > m.end() and _IN_PASSING.search(text, max(s, a - 60), a) for a, _ in others)
            said_before = text[max(s, name_start - 60):name_start]  # the words that say how the sentence names it
            if _PREPARED_FOR.search(said_before):
                # 'the working group on preparation for WTSA-20 met on 14 September': the sentence's date is not the one
                # prepared for's; only its own clause or brackets date it ('for WTSA-20 (Geneva, 1-9 March 2022)')
                ds = [d for d in ds if re.fullmatch(r"\s*\([^()]*", text[m.end():d.span_start])
                      or _dated_by_own_clause(text, m.end(), d)]
            elif _IN_PASSING.search(said_before) and (shared or not _AT.search(said_before)):
                # 'held alongside the Example Conference 2014': the sentence's date is the other meeting's; only a
                # date right after the phrase is the event's own ('at Example World, 10-13 September', 'WCIT-12,
                # which took place in Dubai from 3 to 14 December')
                ds = [d for d in ds if 0 <= d.span_start - m.end() <= 30 or _dated_by_own_clause(text, m.end(), d)
                      or _held_after(text, name_start, m.end(), d)
                      or _PLACED_THEN_BRACKETED.fullmatch(text, m.end(), d.span_start)]  # ('at GSS-12 in Dubai (2012)')
            if shared:
                # '... to TSAG at its next meeting (Geneva, 8-11 February), and to SG13 at its next meeting in 2033': a date
                # written after another meeting's name and before this one's is the other's
                ds = [d for d in ds if d.span_start > m.end() or not any(b <= d.span_start for a, b in others)
                      or not re.search(r"[;,]\s*(?:and|while|whereas|but)?\b", text[d.span_end:name_start])]
            if shared:  # a date of its own clause is its own whatever year its name says ('WTSA-20, which opened on 1 March 2022')
                named_year = _in_named_year(m.group(), ds)
                ds = [d for d in ds if d in named_year or _dated_by_own_clause(text, m.end(), d) or beside
                      or _BRACKETED_AFTER.fullmatch(text, m.end(), d.span_start)  # 'WTSA-20 (Geneva, 1-9 March 2022)'
                      or _PLACED_THEN_BRACKETED.fullmatch(text, m.end(), d.span_start)  # 'GSS-12 in Dubai, UAE (2012)'
                      or _held_after(text, name_start, m.end(), d)
                      or _dated_as_subject(text, s, name_start, m.end(), d) or heading and _date_field(text, d)]
                # 'The XIV Meeting of PCC.I will be held in Mexico City, December 2-5, 2008, to review the results of
                # WTSA-08': the days of the sentence's subject are not those of a meeting named after them
                ds = [d for d in ds if _dated_as_subject(text, s, name_start, m.end(), d) or not any(
                    _dated_as_subject(text, s, _name_start(text, a), b, d, comma=True) for a, b in others
                    if (a, b) not in generic_phrases)]
            # 'a forum in Nairobi on 25 March, ahead of the next ATU preparatory meeting': the forum's day
            ds = [d for d in ds if d.span_start > name_start or not _AHEAD_OF.search(text, d.span_end, name_start)]
            date = _meeting_date(text, m.end(), ds, s) or (ds[-1] if beside and ds else None)
            beside_day = _day_beside(text, m.end(), e, phrases, dates)
            if beside_day is not None and (date is None or (date.start, date.end) != (beside_day.start, beside_day.end)):
                date = beside_day  # (the day written, when it is that day: its words are the evidence)
            # 'will be held' opens a meeting to come only when it is the sentence's own, dated by its days ('The 2025 CTO
            # meeting will be held in Seoul on 12 June 2025'), not 'WTSA-20, which will be held in Hyderabad in November'
            held = list(_OCCURRED.finditer(text, s, e))
            to_come = [x for x in held if _FUTURE_BEFORE.search(text, max(s, x.start() - 20), x.start())]
            occurred = len(to_come) < len(held) or bool(_LED_IT.search(text, max(s, name_start - 40), name_start)) \
                or bool(_PEOPLE_AT.search(text, max(s, name_start - 40), name_start)
                        and _PAST_VERB.match(text, m.end(), e))
            announces = not occurred and date is not None and date.precision == "day" and any(
                not re.search(r"\b(?:which|that|where)\s+(?:will|shall|is|are)\b[^,;]{0,12}\Z", text[max(s, x.start() - 30):x.start()])
                for x in to_come)
            said = _OPENS_ON_IT.search(text, s, e) if not occurred and date is not None and date.precision == "day" else None
            opens = said is not None and not re.search(r"\bhad\s+\w+ed\b", text[s:e])  # 'At its meeting ..., TSAG had invited'
            opening = not is_next and not is_past and date is not None and (heading or occurred or opens or announces) \
                and inside is None  # (a meeting named in an aside between dashes is named in passing)
            anchor = Anchor(kind, (name_start, m.end()), (s, e), date, opening, is_next, is_past, heading,
                            said=m.span(), default_name=series_names.get(m.span()) or kind.name.format_map(groups))
            if date is None and occurred and not (heading or is_next or is_past) and _edition(text, anchor) \
                    and not _plural(text, m.end()) and not _IN_PASSING.search(said_before) \
                    and not _PREPARED_FOR.search(said_before):
                anchor.opening = True  # 'met at the ninth annual CTO meeting': its text starts here, undated
            found.append(anchor)
            if opening and not heading and (announces or opens and said is not None and said.group("future")) and \
                    (text[line_s:s].strip() or _REPORTED_THAT.search(text, s, name_start)):
                # 'SG17 noted that a workshop ... will be held on 28 August' inside a report, or a paragraph of its
                # own that reports it ('6.1 TSAG noted that WTSA-12 will be held ...'): said in passing (a paragraph of
                # its own, 'The 2025 CTO meeting will be held in Seoul on 12 June 2025.', is its own)
                announced.append(anchor)
    found.sort(key=lambda a: a.name_span[0])
    for a in announced:  # a meeting announced after one the text reports is said in passing
        if any(o.opening and o.name_span[0] < a.name_span[0] for o in found if o not in announced):
            a.opening = False
    for a in found:  # a sentence that dates one meeting is about that one, not about an edition it also names
        if a.opening and a.date is None and any(o.date is not None and o.window == a.window for o in found):
            a.opening = False
    _check_heading_dates(found)
    _check_generic_anchors(found)
    _check_prepared_for(found, text)
    found += _table_anchors(text, dates, found)
    found.sort(key=lambda a: a.name_span[0])
    return found


def _row_date(text: str, row: Row, dates: list[DateMention]) -> DateMention | None:
    """The day, days or year in a row's date cell ('10 Sep 2018', '27-31 Jan 2025', '2010')."""
    if "date" not in row.cells:
        return None
    s, e = row.cells["date"]
    d = next((d for d in dates if s <= d.span_start < e and d.precision == "day"), None) or \
        next((d for d in dates if s <= d.span_start < e), None)
    year = re.fullmatch(r"((?:19|20)\d\d)\b.{0,3}", text[s:e]) if d is None else None
    if year:
        y = int(year.group(1))
        d = DateMention(date(y, 1, 1), date(y, 12, 31), s + year.start(1), s + year.end(1), year.group(1), False, "year")
    return d


#: a venue, not a body that hosts: 'ITU headquarters', 'the Bharat Mandapam convention centre'
_VENUE_WORDS = re.compile(r"\b(?i:headquarters|HQ|cent(?:re|er)|hall|hotel|palace|campus|building|venue|premises)\b")


#: a venue cell that says how the meeting was held, not where: 'Online', 'Virtual', 'Hybrid (Geneva)'
_HELD_ONLINE = re.compile(r"(?i:online|virtual(?:ly)?|remote(?:ly)?|e-meeting|video\s*conference|(?P<mixed>hybrid)\b.*)")


def _read_rows(ref: Reference, text: str, meetings: dict[tuple, Meeting], anchors: list[Anchor]) -> None:
    """What the cells of a table of meetings say of each row's meeting, where the text has not said it: where it
    was held (or that it was held online), its number, who hosted it, and what it was held alongside ('Host /
    occasion': 'Gulfwave Telecom; ITU Telecom World 2012')."""
    for a in anchors:
        m = meetings.get(a.meeting_key) if a.row is not None and a.meeting_key is not None else None
        if m is None or a.row is None:
            continue
        cells = a.row.cells
        if "place" in cells and m.place is None:
            mode = _HELD_ONLINE.fullmatch(text, *cells["place"])
            place = find_place(ref, text, *cells["place"]) if mode is None else None
            if place is None and "country" in cells:
                place = find_place(ref, text, *cells["country"])
            if mode is not None and m.attendance is None:
                m.attendance = ("mixed" if mode.group("mixed") else "online", Span.of(text, mode.start(), mode.end()))
            elif place is not None:
                m.place, m.country, m.country_from_reference = place
        if "number" in cells and m.ordinal is None:
            s, e = cells["number"]
            n = re.fullmatch(rf"(\d{{1,3}})(?:st|nd|rd|th)?\.?|({ORDINAL_PATTERN})", text[s:e], re.IGNORECASE)
            value = (int(n.group(1)) if n.group(1) else ordinal(n.group(2).lower())) if n else None
            if value is not None:
                m.ordinal = (value, Span.of(text, s, e))
        for role in ("event", "host"):
            if role not in cells:
                continue
            s, e = cells[role]
            for part in re.finditer(r"[^;]+", text[s:e]):
                ps, pe = s + part.start(), s + part.end()
                events = _events(ref, text, ps, pe)
                if events and m.co_located is None:
                    m.co_located = events[0]
                elif not events and role == "host" and m.host is None and not _VENUE_WORDS.search(text, ps, pe):
                    m.host = organization_ref(ref, text, ps, pe)


def _table_anchors(text: str, dates: list[DateMention], found: list[Anchor]) -> list[Anchor]:
    """A table whose rows are meetings ('Meeting | Date | Location', 'No. | Date | City | Host'): each row names a
    meeting dated by its date cell. Its meeting cell names it: a phrase of a kind already found there takes the
    row's date; a group alone ('TSAG', 'Study Group 5') names that group's meeting. A table with no such column
    lists meetings of the kind its caption or the document's title names in the plural ('ITU-T CTO meetings').
    Returns the anchors of the rows their phrases did not already make; a row names a meeting in passing."""
    out: list[Anchor] = []
    for row in meeting_table_rows(text):
        d = _row_date(text, row, dates)
        if d is None:
            continue
        cell = row.cells.get("meeting") or row.cells.get("group")
        inside = [a for a in found if cell and cell[0] <= a.said[0] < cell[1]]
        for a in inside:
            a.date, a.window, a.row, a.heading, a.opening, a.is_next, a.is_past = \
                d, (row.start, row.end), row, True, False, False, False
        if inside:
            continue
        if cell:
            said = re.sub(r"\s+", " ", text[cell[0]:cell[1]])
            kind, match = next(((k, x) for k in meeting_kinds() if (x := k.pattern.fullmatch(said + " meeting"))),
                               (None, None))
            if kind is None or match is None:
                continue
            name_span, name = cell, kind.name.format_map(match.groupdict()) or match.group()
        else:
            table_start = min(a for a, _ in row.headings.values()) if row.headings else row.start
            caption = text.rfind("\n\n", 0, table_start)
            titles = [a for a in found if a.row is None and a.name_span[1] <= table_start and a.heading
                      and (a.name_span[0] > caption or _plural(text, a.said[1]))]
            if not titles:
                continue
            kind, name_span = titles[-1].kind, row.cells.get("number", row.cells["date"])
            name = titles[-1].default_name or text[titles[-1].name_span[0]:titles[-1].name_span[1]]
        out.append(Anchor(kind, name_span, (row.start, row.end), d, False, False, False, True, said=name_span,
                          default_name=_display_name(name), row=row))
    return out


#: a report of what a body heard or said: 'TSAG noted that', 'the meeting was informed that'
_REPORTED_THAT = re.compile(r"\b(?:noted|recalled|was\s+informed|were\s+informed|learned|heard|announced|agreed)\s+that\b",
                            re.IGNORECASE)
#: between a meeting's name and another's: 'was held the day before the', ', held on the eve of'
_DAY_BESIDE = re.compile(r"[^.;()]{0,60}?\b(?:on\s+)?the\s+(?:(?P<before>day\s+before|eve\s+of|day\s+preceding)|"
                         r"day\s+(?:after|following)|(?P<nth>opening|first|second|third|fourth|fifth|last|final|closing)"
                         r"\s+day\s+of)\s+(?:the\s+)?(?:(?:opening|start|beginning)\s+of\s+(?:the\s+)?)?\Z", re.IGNORECASE)


def _day_beside(text: str, name_end: int, e: int, phrases: list[tuple[int, int]],
                dates: list[DateMention]) -> DateMention | None:
    """'The SGLA was held the day before the TSAG meeting (Geneva, 30 May-2 June 2023)', 'the GSS, held on the eve of
    WTSA-16, which took place from 25 October': the day before (or after) the days the sentence gives the other
    meeting, in its brackets or its own clause. None when the sentence says no such thing."""
    # (not its own acronym in brackets: 'the Study Group Leadership Assembly (SGLA), held the day before ...')
    other, rel = next((((a, b), x) for a, b in sorted(phrases) if name_end <= a < e
                       and (x := _DAY_BESIDE.search(text, name_end, a)) is not None), ((0, 0), None))
    d = next((d for d in dates if other[1] <= d.span_start < e and d.precision == "day"), None) if rel else None
    if rel is None or d is None or not (re.fullmatch(r"[^.;()]{0,60}\(?[^()]*", text[other[1]:d.span_start])
                                        or _dated_by_own_clause(text, other[1], d)):
        return None  # (its days in its brackets, its own clause, or its words: 'the TSAG meeting opened (30 May ...)')
    nth = (rel.group("nth") or "").lower()
    if nth in ("last", "final", "closing"):
        if d.end == d.start:
            return None  # ('on the last day of X, which opened on 8 July': its last day is not written)
        day = d.end
    elif nth:  # 'held on the second day of the Example Summit, which opened on Tuesday 8 July': 9 July
        day = d.start + timedelta(days=(ordinal(nth) or 1) - 1)
    else:
        day = d.start - timedelta(days=1) if rel.group("before") else d.end + timedelta(days=1)
    return DateMention(day, day, d.span_start, d.span_end, d.quote, d.year_inferred)


def _kind_on_one_line(kind: MeetingKind, m: re.Match) -> tuple[MeetingKind, dict]:
    """A phrase wrapped over an indented line ('the Global Standards' / '    Symposium (GSS-24)', joined with the
    indent's spaces) is of the kind it would be written on one line: a more specific row may name it. The kind and
    the groups of its match."""
    if not re.search(r"\s\s", m.group()):
        return kind, m.groupdict()
    one_line = re.sub(r"\s+", " ", m.group())
    for k in meeting_kinds()[:kind.rank]:
        if (x := k.pattern.fullmatch(one_line)) is not None:
            return k, x.groupdict()
    return kind, m.groupdict()


#: 'The thirteenth meeting was held in New Delhi', 'its first edition': one of the meetings a page's title names
_NTH_OF_SERIES = re.compile(rf"\b(?i:the|its)\s+(?i:{ORDINAL_PATTERN})\s+(?P<noun>(?i:meeting|edition|session))\b"
                            r"(?!\s+(?:of|for|on|in\s+the\s+series\s+of)\b)")  # ('in the series' is the title's)


def _editions_of_titled_series(text: str, titled: str, matches: list) -> dict[tuple[int, int], str]:
    """A page whose title names a series of meetings in the plural ('ITU-T CTO meetings', an encyclopedia's article):
    'the thirteenth meeting' in its text is one of them. Adds those phrases (their noun) to the title kind's
    matches; returns the name each such meeting goes by (the title's phrase), by the noun's span."""
    first = re.match(r"\s*([^\n]+)", text)
    if first is None or len(first.group(1)) > 100:
        return {}
    title = next(((kind, m) for kind, hits in matches for m in hits
                  if first.start(1) <= m.start() < first.end(1) and _plural(text, m.end())), None)
    if title is None:
        return {}
    kind, m = title
    name = _display_name(kind.name.format_map(m.groupdict()) or m.group())
    nouns = [re.compile(r"\w+").match(titled, x.start("noun")) for x in _NTH_OF_SERIES.finditer(titled, first.end())]
    for kind_, hits in matches:
        if kind_ is kind:
            hits.extend(n for n in nouns if n is not None)
    return {n.span(): name for n in nouns if n is not None}


def _said_before(text: str, a: Anchor) -> str:
    """The words of its sentence right before a meeting's name, which say how the sentence names it ('held
    alongside the', 'in preparation for')."""
    return text[max(a.window[0], a.name_span[0] - 60):a.name_span[0]]


def _check_prepared_for(anchors: list[Anchor], text: str) -> None:
    """'WTSA-24 preparatory process: ASMG holds its fourth preparatory meeting / Cairo, 12-14 May 2024': a
    conference named beside a preparatory meeting with the same days is the one prepared for, not held then. So is
    one named anywhere with a preparatory meeting's first day ('Regional preparatory meeting for WTSA-24' over
    'delegates met in Brasilia on 8-9 April to coordinate proposals for WTSA-24'): no conference opens the day its
    own preparatory meeting does."""
    for a in anchors:
        if a.kind.cls == "Conference" and a.date is not None and any(
                (o.kind.cls == "PreparatoryMeeting" or o.kind.cls == "Meeting" and re.search(
                    r"\bprepar", text[o.name_span[0]:o.name_span[1]], re.IGNORECASE))  # ('meeting of the national
                and o.date is not None and o.date.start == a.date.start for o in anchors):  # preparatory committee')
            a.date, a.opening = None, False


#: the year a meeting's name says: 'WTSA-24', 'PP-22' (two digits after a hyphen), '2014 Example Conference'
_NAMED_YEAR = re.compile(r"(?<![\w-])(?:19|20)(\d\d)(?![\w-])|-(\d\d)\b")


def _in_named_year(name: str, ds: list[DateMention]) -> list[DateMention]:
    """The dates a meeting whose name says its year can take when its sentence names another meeting too: 'appointed
    by WTSA-24 in Geneva on 20 January 2025' dates the other one. Alone in its sentence, a meeting takes a date of
    another year: an edition held late keeps its name ('GSS-20 was held on 23 February 2022')."""
    # 'the Inter-regional Meeting for WTSA-20': the year after 'for' is the other meeting's
    m = _NAMED_YEAR.search(re.split(r"\s+(?:for|on|towards|ahead\s+of)\s+", name, maxsplit=1)[0])
    if not m:
        return ds
    year = 2000 + int(m.group(2)) if m.group(2) else int(m.group(0))
    return [d for d in ds if year in (d.start.year, d.end.year)]


def _check_generic_anchors(anchors: list[Anchor]) -> None:
    """'CTOs met ... on <date>' opens a meeting only when no phrase naming a meeting of that kind gives another
    date: in a communiqué of a named meeting, 'CTOs met again on 10 September' is a session of it, not a new one."""
    named = {_key(a) for a in anchors if a.date and not a.kind.generic and not a.is_next and not a.is_past}
    groups = {k[0] for k in named}
    # 'officials met ...' names no kind: it is the meeting another phrase of its sentence or of its day names
    for a in anchors:
        if a.kind.cls == "Meeting" and a.kind.name and a.date and any(
                o is not a and o.kind.cls != "Meeting" and (o.window == a.window or (o.date and o.date.start == a.date.start))
                for o in anchors):
            a.date, a.opening = None, False
        # 'Regional preparatory meeting for WTSA-24' over 'The 4th meeting of the APT Preparatory Group for WTSA-24
        # was held from 22 to 25 July': the meeting of a named body is the one of a kind held the same days
        elif a.kind.cls == "Meeting" and a.date and (same := next((
                o for o in anchors if o is not a and o.kind.cls not in ("Meeting", "Conference") and o.date
                and (o.date.start, o.date.end) == (a.date.start, a.date.end)), None)) is not None:
            a.kind = same.kind  # one meeting: the phrases of both anchors are its
    # a month or a year that names the meeting ('Report on the TSAG meeting held in January 2022') does not make
    # 'TSAG held its meeting from 10 to 17 January 2022' another one: the days are that month's meeting's
    vague = [(a.kind.group, a.date) for a in anchors if a.date and not a.kind.generic and a.date.precision != "day"]
    for a in anchors:
        if a.kind.generic and a.date and not a.is_next and a.kind.group in groups and _key(a) not in named and not any(
                g == a.kind.group and d.start <= a.date.start and a.date.end <= d.end for g, d in vague):
            a.date, a.opening = None, False


def _check_heading_dates(anchors: list[Anchor]) -> None:
    """A date under a heading ('ITU-T Workshop on X / Geneva, 5 May 2019') is the meeting's only if the prose
    under that heading does not say the meeting of that kind took place on another day: otherwise it is the
    date the text was published, and the heading names the meeting the prose dates."""
    heads = [i for i, a in enumerate(anchors) if a.opening and a.heading]
    for n, i in enumerate(heads):
        h = anchors[i]
        assert h.date is not None  # an undated anchor opens a meeting only outside a heading (_anchors)
        stop = anchors[heads[n + 1]].name_span[0] if n + 1 < len(heads) else None
        # (a meeting of the kind months away is another one: 'a CTO consultation in June' under 'CTO Meeting /
        # When: 12-13 October')
        prose = [a.date for a in anchors[i + 1:] if (stop is None or a.name_span[0] < stop) and a.opening and a.date
                 and not a.heading and a.kind.group == h.kind.group and abs((a.date.start - h.date.start).days) <= 62]
        if prose and all(d.start != h.date.start for d in prose):
            h.date, h.opening = None, False


def _plural(text: str, end: int) -> bool:
    """'topics discussed at CTO meetings' ('THE CTO MEETINGS' in a heading): the phrase names the series, not one
    meeting."""
    return (text[end:end + 1] == "s" or text[end - 1:end + 1] == text[end - 1:end + 1].upper() == text[end - 1] + "S") \
        and not text[end + 1:end + 2].isalpha()


def _heading_block_end(text: str, e: int, dates: list[DateMention]) -> int:
    """A heading's block: the heading and the short lines under it (place, date, 'Communiqué'), up to the date.

    'CTO meeting / Geneva, Switzerland / Wednesday, 14 March 2018 / Communiqué' (html and docx put each on its line).
    """
    pos, seen = e, 0
    while seen < 3:
        nl = text.find("\n", pos)
        if nl < 0:
            break
        nxt = text.find("\n", nl + 1)
        nxt = len(text) if nxt < 0 else nxt
        line = text[nl + 1:nxt].strip()
        if not line:
            pos = nxt if nxt > nl else nl + 1
            if nxt >= len(text):
                break
            continue
        if seen and (len(line) > 100 or line.endswith((".", ";")) or _OCCURRED.search(line)):
            break
        pos, seen = nxt, seen + 1
        # (a year alone in a line that is no date field names no day: 'Panel: "The network of 2040"')
        if any(nl < d.span_start < nxt and (d.precision != "year" or _FIELD.match(text, nl + 1, nxt)) for d in dates):
            # 'Date: ...' may be followed by the block's other fields ('Venue: ...', 'Host: ...')
            if _FIELD.match(text, nl + 1, nxt):
                while nxt < len(text):
                    following = text.find("\n", nxt + 1)
                    following = len(text) if following < 0 else following
                    if not _FIELD.match(text, nxt + 1, following):
                        break
                    pos = nxt = following
            break
    return pos


def _name_start(text: str, start: int) -> int:
    """Extend a meeting phrase left over its capitalised qualifiers: 'TSB Director's North-American CTO ...'."""
    pos = start
    while True:
        m = re.search(r"([A-Z][\w-]*(?:[’']s)?|regional)[ \n]+$", text[max(0, pos - 40):pos])  # (not over a tab: a cell)
        if not m or m.group(1) in ("The", "At", "In", "During", "Opening", "A", "An", "This", "That", "After", "Before",
                                   "Following", "Since", "Until", "Ahead") or "\n" in m.group(0) \
                or m.group(1).lower() in _SMALL_WORDS or m.group(1)[:1].isdigit():
            return pos  # (a line in capitals: 'MINUTES OF THE 4TH MEETING OF THE ... ASSEMBLY' stops at 'THE')
        pos = pos - len(m.group(0))


def _meeting_date(text: str, after: int, ds: list[DateMention], sentence_start: int = 0) -> DateMention | None:
    """The meeting's own date among the sentence's dates: not one that belongs to a co-located event.

    A month or a year alone ('in 2008', '(Antalya, 2006)') dates the meeting only when it follows the phrase
    closely, in the same clause, or when it opens the sentence ('In September 2018, the CTO meeting was
    held ...'): elsewhere in the sentence it dates something else."""
    days = [d for d in ds if d.precision == "day"]
    written = [d for d in days if any(c.isdigit() for c in d.quote)]
    if written and len(written) < len(days):
        days = written  # 'closed today after a meeting held from 15 to 24 October': the written range is its date
    if not days:
        near = [d for d in ds if 0 <= d.span_start - after <= 60 and not re.search(r"[;\n]|\band\b", text[after:d.span_start])]
        opening = [d for d in ds if d.precision in ("month", "year") and d.span_end <= after
                   and _MONTH_OPENS.fullmatch(text, sentence_start, d.span_start)]
        return near[0] if near else opening[0] if opening else None
    ds = days
    own = [d for d in ds if not _belongs_to_event(text, d)]
    if own:
        later = [d for d in own if d.span_start >= after]
        return later[0] if later else own[-1]
    return ds[0] if len(ds) == 1 else None


#: 'In September 2018, ...': the words before a month that opens a sentence
_MONTH_OPENS = re.compile(r"(?:In|During)\s+(?:early\s+|mid-?\s*|late\s+)?", re.IGNORECASE)


def _belongs_to_event(text: str, d: DateMention) -> bool:
    """'held in conjunction with ITU Telecom World, 10-13 September 2018': the date directly follows an event name."""
    before = text[max(0, d.span_start - 60):d.span_start]
    return bool(re.search(r"(?:with|alongside|during|at)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,5}(?:\d{4}\s*)?,?\s*\(?$", before))


def _group_meetings(ref: Reference, text: str, anchors: list[Anchor], avoid=()) -> dict[tuple, Meeting]:
    meetings: dict[tuple, Meeting] = {}
    generic: set[tuple] = set()  # meetings whose name is still a kind's default name
    rank: dict[tuple, int] = {}
    for a in anchors:
        if a.is_next and a.date is None:
            a.date = _year_of_event_beside(ref, text, a)
    for a in anchors:
        if a.date is None or a.is_next:
            continue  # 'the last CTO meeting, held on 5 May' is a meeting too: the text gives its date
        key = a.meeting_key = _key(a)
        name = a.default_name or text[a.name_span[0]:a.name_span[1]]
        m = meetings.get(key)
        if m is not None and m.precision != "day" and a.date.precision == "day":
            # 'Report on the SG13 meeting (March 2027)' over 'SG13 held its meeting from 1 to 12 March 2027': the
            # days (here starting on the month's first) say more than the month
            m.start, m.end, m.precision = a.date.start, a.date.end, "day"
            m.date_span = Span.of(text, a.date.span_start, a.date.span_end)
        if m is None:
            m = meetings[key] = Meeting(kind=a.kind.cls, name=_display_name(name), name_span=Span.of(text, *a.name_span),
                                        start=a.date.start, end=a.date.end,
                                        date_span=Span.of(text, a.date.span_start, a.date.span_end),
                                        precision=a.date.precision)
            rank[key] = a.kind.rank
            if a.kind.name:
                generic.add(key)
            if a.kind.series:
                iri = str(iris.series(a.kind.series))
                m.series = Ref("MeetingSeries", ref.labels.get(iri, a.kind.series), Span.of(text, *a.name_span), iri)
        else:
            if a.kind.rank < rank[key]:  # 'regional CTO meeting' makes a 'meeting of the CTO group' a consultation
                rank[key] = a.kind.rank
                m.kind = a.kind.cls
            _rename(text, m, a, key, generic)
        _read_anchor(ref, text, a, m, avoid, anchors)
    _sole_undated_meeting(ref, text, anchors, meetings, rank, avoid)
    # a phrase without a date ('The ITU CTO meeting, held in conjunction with ...') speaks of the only meeting
    # of its kind the document reports
    for a in anchors:
        if a.date is not None or a.is_next:
            continue
        same = [k for k in meetings if k[0] == a.kind.group]
        target = _same_edition(text, a, [(k, meetings[k]) for k in same], anchors)
        distinct = target == ("distinct",)  # names another edition than the meetings found so far
        if distinct:
            target = None
        if target is None and not distinct and _own_edition(ref, text, a, [(k, meetings[k]) for k in same], anchors):
            target = same[0]  # 'ITU Example Forum / Geneva, 3 May 2019 / The 5th edition of the ITU Example Forum ...'
        if target is None and _edition(text, a) and not _plural(text, a.name_span[1]):
            # 'WTSA-20', 'the 2nd preparatory meeting', 'the 2016 session of Council': one meeting, undated
            target = a.meeting_key = (a.kind.group, "undated", _edition(text, a))
            if target not in meetings:
                meetings[target] = Meeting(kind=a.kind.cls, name=_display_name(a.default_name or text[a.name_span[0]:a.name_span[1]]),
                                           name_span=Span.of(text, *a.name_span), start=None)
                rank[target] = a.kind.rank
                if a.kind.series:
                    iri = str(iris.series(a.kind.series))
                    meetings[target].series = Ref("MeetingSeries", ref.labels.get(iri, a.kind.series),
                                                  Span.of(text, *a.name_span), iri)
                _read_anchor(ref, text, a, meetings[target], avoid, anchors)
                _date_from_co_located(meetings[target])
                continue
        here = False
        if target is None and not distinct and len(same) > 1 and _demonstrative(text, a):
            # 'This GSS will ...' after 'the first GSS was held in ...': the document's own meeting, and its
            # text resumes here
            target, here = _principal(same, anchors), True
        if target is not None:
            same = [target]
        if len(same) == 1 and not distinct and (target is not None or _owns_undated(a, same[0], anchors)):
            a.meeting_key = same[0]
            a.opening = a.opening or here
            m = meetings[same[0]]
            if a.kind.rank < rank[same[0]] and a.kind.cls != m.kind and not a.kind.name:
                rank[same[0]] = a.kind.rank
                m.kind = a.kind.cls
            _rename(text, m, a, same[0], generic)
            _read_anchor(ref, text, a, m, avoid, anchors)
    announced: set[int] = set()  # the anchors read as a meeting's next one
    for a in anchors:
        if a.is_next and a.date:
            for key, m in meetings.items():
                s, e = a.window
                # 'the next TSAG meeting' is a TSAG meeting's next, not that of the SG13 meeting it is written after
                # ... and of the last one of that kind before it: a session of another kind reported in between
                # ('the RG-WPR met on 23 January') does not own 'Next TSAG meeting: ...'
                if m.next_meeting is None and _meeting_key(m) != _key(a) and key[0] == a.kind.group \
                        and _owns(key, a, [x for x in anchors if x.kind.group == a.kind.group]) \
                        and not _names_another_group(ref, text, *a.name_span, m):  # 'the next meeting of SG17' of SG13
                    said = _display_name(a.default_name or text[a.name_span[0]:a.name_span[1]])
                    m.next_meeting = _announced(a.kind.cls, a.date, _next_place(ref, text, m, a.name_span[1], e),
                                                Span.of(text, s, e), _series_name(said))
                    announced.add(id(a))
    for a in anchors:
        if a.is_next and a.date and not a.heading and id(a) not in announced and (
                a.date.precision in ("day", "month") or a.name_span[1] < a.date.span_start
                and find_place(ref, text, a.name_span[1], a.date.span_start) is not None):
            # (a year alone with the place before it: 'to TSAG at its next meeting in Geneva in early 2018')
            # 'RG-WP will next meet during the TSAG meeting (virtual, 31 May - 4 June 2021)' in the report of an
            # RG-WP meeting: a meeting to come no meeting of its kind announces, dated by its days, is one it names
            key = (a.kind.group, "next", a.date.start)
            if key not in meetings and not any(k[0] == a.kind.group and m.start == a.date.start
                                               for k, m in meetings.items()):
                name = _display_name(a.default_name or text[a.name_span[0]:a.name_span[1]])
                meetings[key] = Meeting(kind=a.kind.cls, name=_series_name(name) or name,
                                        name_span=Span.of(text, *a.name_span), start=a.date.start, end=a.date.end,
                                        date_span=Span.of(text, a.date.span_start, a.date.span_end))
                a.meeting_key = key
                _read_anchor(ref, text, a, meetings[key], avoid, anchors)
    return meetings


def _title_line(text: str, at: int) -> bool:
    """The line around `at` is a title: short, and no sentence (no full stop at its end)."""
    s, e = text.rfind("\n", 0, at) + 1, line_end(text, at)
    line = text[s:e].strip()
    return len(line) <= 160 and not line.endswith((".", ";", ":"))


def _year_of_event_beside(ref: Reference, text: str, a: Anchor) -> DateMention | None:
    """'The next CTO meeting will take place in Doha, alongside ITU Telecom World 2014': a next meeting the text dates
    by no day is held in the year of the event it is to be held with (its year as written in the event's name)."""
    for ev in _events(ref, text, a.name_span[1], a.window[1]):
        cue = _CO_LOCATION.search(text[max(a.name_span[1], ev.span.start - 40):ev.span.start])
        if cue is not None and ev.year is not None and re.fullmatch(r"[^.;]*", text[a.name_span[1]:ev.span.start]):
            first, last = date(ev.year, 1, 1), date(ev.year, 12, 31)
            return DateMention(first, last, ev.span.start, ev.span.end, ev.span.quote, False, "year")
    return None


def _within(start: date | None, end: date | None, outer_start: date | None, outer_end: date | None) -> bool:
    """Days start..end lie within outer_start..outer_end (all known)."""
    if start is None or end is None or outer_start is None or outer_end is None:
        return False
    return outer_start <= start and end <= outer_end


#: a field line of the meeting's block naming the event it is held with: 'Co-located event: ITU Kaleidoscope 2033'
#: the words that make a numbered meeting the one just told of: 'This was the', 'It was also the'
_IT_WAS_THE = re.compile(r"(?<![\w-])(?i:this|it)[ \t]+(?i:was|is|marked|marks)[ \t]+(?:(?i:also)[ \t]+)?(?i:the)[ \t]+\Z")


def _short_name(name: str) -> str:
    """A meeting's name as compared with another's: folded, each name spelt out before its acronym in brackets
    written as the acronym ('... for the World Telecommunication Standardization Assembly (WTSA-32)' is '... for
    WTSA-32')."""
    from .people import spells  # people is the finer reader of names

    def short(m: re.Match) -> str:
        words = m.group("words").split()
        for i in range(len(words)):  # the longest run of words before the brackets that the acronym spells
            if spells(m.group("acr").split("-")[0], " ".join(words[i:])):
                kept = words[:i - 1] if i and words[i - 1].lower() == "the" else words[:i]
                return " ".join(kept + [m.group("acr")])
        return m.group()

    return re.sub(r"(?P<words>(?:[^\s()]+\s+){1,8}?)\((?P<acr>[A-Z][A-Za-z]*[A-Z](?:-\d+)?)\)", short,
                  re.sub(r"\s+", " ", name)).casefold()


def _placed_apart(ref: Reference, text: str, one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two passages name two different places ('Nairobi, 12 May 2015' and '... the first Forum in Accra')."""
    a, b = find_place(ref, text, *one), find_place(ref, text, *other)
    return a is not None and b is not None and a[0].iri != b[0].iri and a[0].label != b[0].label


def _co_located_field(text: str, s: int, e: int) -> bool:
    """text[s:e] is a field line's name naming the event a meeting is held with: 'Co-located event: (the) '."""
    f = _FIELD.match(text, s, e)
    return f is not None and re.match(r"(?i)held|co", f.group("field")) is not None and \
        re.fullmatch(r"(?i:the[ \t]+)?", text[f.end():e]) is not None


def _headed_by(ref: Reference, text: str, key: tuple, m: Meeting, said: list[Anchor], meetings: dict[tuple, Meeting],
               anchors: list[Anchor]) -> list[tuple]:
    """The dated meetings of m's kind and name, unnumbered, whose only phrases are headings before m's first one, with
    no other meeting named between and no other place said: the heading's meeting the numbered mention opens on."""
    out = []
    for k, o in meetings.items():
        if o is m or o.start is None or o.kind != m.kind or o.ordinal is not None or _short_name(o.name) != _short_name(m.name):
            continue
        heads = [a for a in anchors if a.meeting_key == k]
        if heads and all(a.heading and a.name_span[0] < said[0].name_span[0] for a in heads) \
                and not any(a.meeting_key not in (k, key, None) and heads[0].name_span[0] < a.name_span[0]
                            < said[0].name_span[0] for a in anchors) \
                and not _placed_apart(ref, text, heads[0].window, said[0].window):
            out.append(k)
    return out


def _merge_undated_twins(ref: Reference, text: str, meetings: dict[tuple, Meeting], anchors: list[Anchor]) -> None:
    """'REPORT of the fourth meeting of the RCC Working Group ...' over '1.1 The fourth meeting of the RCC Working
    Group ... was held on 15-17 April 2024': a heading that names, undated, the meeting the text dates is that meeting
    (same kind, same name), not another one."""
    for key, m in list(meetings.items()):
        said = [a for a in anchors if a.meeting_key == key]
        # a headline naming the edition ('First meeting of CTOs convened by ITU-T' over 'The meeting, held on 5 October
        # ...'): a title line before anything the text dates of that kind
        headline = bool(said) and all(_title_line(text, a.name_span[0]) for a in said) and any(
            re.search(rf"(?i)\b(?:{ORDINAL_PATTERN})\b", text[slice(*a.name_span)]) for a in said)
        # (a headline's meeting may be dated by the year of the event it names: 'on the opening day of X 2031')
        vague = headline and m.start is not None and m.precision != "day"
        # 'This was the fifth ITU-T CxO meeting.': the number of the meeting the text told of
        described = m.start is None and m.ordinal is not None and _IT_WAS_THE.search(
            text, max(0, m.ordinal[1].start - 30), m.ordinal[1].start) is not None
        # 'ITU-T CxO Meeting 2029 — Communiqué' / 'Mexico City, 12 June 2029' over '... met in Mexico City for the
        # third ITU-T CxO meeting': the numbered meeting the text opens with is the one its heading dates
        headed = _headed_by(ref, text, key, m, said, meetings, anchors) if m.start is None and m.ordinal is not None \
            and said else []
        if len(headed) == 1:
            twins = headed
        elif m.start is not None and not vague or not (re.search(rf"(?i)\b(?:{ORDINAL_PATTERN})\b", m.name)
                                                       or headline or described):
            continue  # (the name says which edition: 'the first GSS' and 'this GSS' are two)
        else:
            twins = []
        twins = twins or [k for k, o in meetings.items() if o.start is not None and o.kind == m.kind and o is not m
                          and (not vague or o.precision == "day" and _within(o.start, o.end, m.start, m.end))
                          and (o.ordinal is None or m.ordinal is None or o.ordinal[0] == m.ordinal[0])]
        named = [k for k in twins if _short_name(meetings[k].name) == _short_name(m.name)]
        if named:
            twins = named  # (same kind, same name)
        elif not twins or not headline or len(twins) > 1 or any(
                a.name_span[0] < max(b.name_span[0] for b in said) for a in anchors if a.meeting_key == twins[0]):
            continue  # a headline's meeting is the one meeting of its kind the text dates after it
        twin = twins[0]
        if meetings[twin].ordinal is None and m.ordinal is not None:
            meetings[twin].ordinal = m.ordinal
        if meetings[twin].name_span.quote.isupper() and not m.name_span.quote.isupper():
            meetings[twin].name = m.name  # (as the text writes it, not as a heading in capitals does)
        for a in anchors:
            if a.meeting_key == key:
                a.meeting_key = twin
        del meetings[key]


def _sole_undated_meeting(ref: Reference, text: str, anchors: list[Anchor], meetings: dict[tuple, Meeting],
                          rank: dict[tuple, int], avoid=()) -> None:
    """A news item that dates nothing but its own release ('Busan, 14 March 2024 - Executives met in Busan at
    an ITU CxO roundtable') still reports a meeting: when the text dates no meeting and names meetings of one kind
    only, a sentence saying that one took place makes it a meeting, undated (a dateline is no meeting date)."""
    if meetings:
        return
    named = [a for a in anchors if a.date is None and not (a.is_next or a.is_past or _plural(text, a.name_span[1]))]
    # 'executives met ... at an ITU CxO roundtable': the kind the text names outranks 'a meeting'
    named = [a for a in named if a.kind.cls != "Meeting"] or named
    if not named or any(a.is_next and a.date for a in anchors):
        return
    # 'the working group on preparation for WTSA-20 was held': what took place is not the meeting named in passing;
    # nor is one held beside it ('The next one will be held during WTSA', 'CTOs met ..., held alongside the GSS')
    occurred = [a for a in named if not a.heading and _OCCURRED.search(text, *a.window)
                and not _PREPARED_FOR.search(_said_before(text, a))
                and not _BESIDE.search(text, max(a.window[0], a.name_span[0] - 60), a.name_span[0])]
    if len({a.kind.group for a in occurred}) != 1:
        return
    a = occurred[0]
    key = a.meeting_key = (a.kind.group, "undated", _edition(text, a))
    a.opening = True
    m = meetings[key] = Meeting(kind=a.kind.cls, name=_display_name(a.default_name or text[a.name_span[0]:a.name_span[1]]),
                                name_span=Span.of(text, *a.name_span), start=None)
    rank[key] = a.kind.rank
    if a.kind.series:
        iri = str(iris.series(a.kind.series))
        m.series = Ref("MeetingSeries", ref.labels.get(iri, a.kind.series), Span.of(text, *a.name_span), iri)
    _read_anchor(ref, text, a, m, avoid, anchors)


#: 'at the same venue', 'in the same city': where the meeting just reported was held ('the same venue as WTSA-24'
#: is another meeting's, which the text does not place)
_SAME_PLACE = re.compile(r"\b(?:at|in)\s+the\s+same\s+(?P<what>venue|place|location|city|town|premises|site|hotel|"
                         r"conference\s+cent(?:re|er))\b(?P<as>\s+as\b)?", re.IGNORECASE)


def _next_place(ref: Reference, text: str, m: Meeting, s: int, e: int) -> Ref | None:
    """Where the next meeting of meeting m will be, as text[s:e] says: a place, or m's own place 'at the same venue'."""
    same = _SAME_PLACE.search(text, s, e)
    if same:
        return None if same.group("as") else m.place
    place = find_place(ref, text, s, e)
    return place[0] if place else None


#: 'Next meeting: 12-14 March 2025, Geneva', 'the next meeting is planned for ...', a 'Next meeting' heading over
#: 'Date:' and 'Venue:' lines: the meeting of the same kind that follows the one reported
_NEXT_MEETING = re.compile(r"\b(?:(?:next|upcoming|forthcoming|following|follow-up(?!\s+(?:of|to|on)\b)|"
                           # 'offered to host a second regional consultation in Ottawa in 2025', 'proposed to host the third'
                           rf"(?:(?<=\bhost\sa\s)|(?<=\bhost\sthe\s))(?:{ORDINAL_PATTERN})(?:\s+regional)?)\s*,?\s+(?:(?:joint|annual|plenary|interim|"
                           rf"{ORDINAL_PATTERN}|"
                           r"high-level|physical|virtual|face-to-face|in-person|hybrid|full|(?-i:CTO|CxO|TSAG|SG ?\d{1,2}|WP ?\d{1,2}(?:/\w+)?|"
                           r"(?:RG|FG|JCA)-[\w-]+))\s+){0,2}(?P<noun>meeting|session|edition|gathering|consultation|"
                           r"round\s?table|forum|summit|symposium|workshop|assembly|dialogue|one(?=\s+will\b))|"
                           r"will\s+(?:next\s+meet|meet\s+next|meet\s+again)|next\s+meets|"
                           r"(?:agreed|decided|plan|plans|planned)\s+to\s+meet\s+(?:again|next))\b"
                           # not 'the next meeting of SG17', but 'the next meeting of the Focus Group': the group's own
                           # (nor 'the next meeting of the Working Group / the Committee / the CTOs': the body reported)
                           r"(?!\s+of\b(?!\s+(?:the|this|our|its)\s+(?:focus\s+group|group|study\s+group|rapporteur\s+group|"
                           r"working\s+party|working\s+group|WG|advisory\s+group|committee|CTOs|CxOs|participants|members)\b"
                           r"(?!\s+(?:on|for|of|\d))))", re.IGNORECASE)


#: the kinds of meeting a next roundtable, forum, workshop ... follows (a next meeting, session or edition follows any)
_NEXT_OF_KIND = {"roundtable": {"CTOMeeting", "CTOConsultation"}, "forum": {"Symposium", "Meeting"},
                 "summit": {"Symposium"}, "symposium": {"Symposium"}, "workshop": {"Workshop"},
                 "assembly": {"Conference", "LeadershipAssembly"}, "dialogue": {"Symposium", "Meeting"}}


def _next_meetings(ref: Reference, text: str, meetings: dict[tuple, Meeting], regions: dict[tuple, list[tuple[int, int]]],
                   dates: list[DateMention], anchors: list[Anchor]) -> None:
    """'Next meeting' without a kind of meeting: the next meeting of the kind of the one whose text says it, dated
    after it ends (a 'following session' within the meeting is one of its parts). Another group's next meeting said
    with its days ('will present this communiqué to TSAG at its next meeting (Geneva, 8-11 February 2010)') is a
    meeting of that group the text names, and so is one named by its month ('to TSAG at its January 2030 meeting')."""
    theirs: list[tuple[Ref, DateMention, tuple[int, int]]] = []  # (group, its days, where its place may be said)
    for key, m in meetings.items():
        if m.next_meeting is not None or m.end is None:
            continue
        for rs, re_ in regions.get(key, []):
            for x in _NEXT_MEETING.finditer(text, rs, re_):
                noun = re.sub(r"\s", "", (x.group("noun") or "meeting").lower())
                if noun in _NEXT_OF_KIND and m.kind not in _NEXT_OF_KIND[noun]:
                    continue  # 'delegates will attend the upcoming regional workshop': no next SG13 meeting
                s, e = sentence_at(text, x.start())
                if any(a.is_next and a.date is not None and a.window[0] <= x.start() < a.window[1] for a in anchors):
                    continue  # 'the next CTO meeting ...' names its kind: read with the anchors
                e = _fields_end(text, e)
                # a year alone ('Next meeting: Geneva, 2025 (dates to be confirmed)') only when it is a later year
                d = next((d for d in dates if x.end() <= d.span_start < e and (d.precision in ("day", "month") or
                          d.precision == "year" and d.start.year > m.end.year)), None)
                if d is None or d.start <= m.end:
                    continue
                if _DEADLINE.search(text, x.end(), d.span_start):
                    continue  # 'contributions for the next meeting must reach TSB by 17 November': a deadline
                if re.search(r",?\s+(?:which|that)\s", text[x.end():d.span_start]):
                    continue  # '... to meet again to review the roadmap, which will be published on 30 September
                holds = _HOLDS_ITS.search(text, s, x.start())  # 'TSAG will hold its next meeting ...'
                verb = x.start() if re.match(r"(?i)will\s|next\s+meets\b|\w+\s+to\s+meet\b", x.group()) else \
                    holds.start() if holds else None
                if verb is not None and _another_subject(ref, text, s, verb, m):
                    continue  # 'Study Group 17 will next meet ...' in a report of SG13: the next meeting of another body
                if re.search(r"\b(?:its|their)\s+\Z", text[max(s, x.start() - 12):x.start()]) \
                        and _names_another_group(ref, text, max(s, x.start() - 80), x.start(), m):
                    # 'will present this communiqué to TSAG at its next meeting' of a CTO meeting: TSAG's
                    group = _group_whose_meeting(ref, text, max(s, x.start() - 80), x.start())
                    if group is not None and d.precision == "day":
                        theirs.append((group, d, (x.end(), e)))
                    continue
                m.next_meeting = _announced(m.kind, d, _next_place(ref, text, m, x.end(), e), Span.of(text, s, e),
                                            _series_name(m.name, m.ordinal))
                break
            if m.next_meeting is not None:
                break
    # 'the communiqué will be presented to TSAG at its January 2030 meeting': that group's meeting, dated so
    for x in _AT_ITS_DATED_MEETING.finditer(text):
        d = next((d for d in dates if d.span_start == x.end("its") and d.precision in ("day", "month")
                  and re.fullmatch(r"[ \t]+meeting", text[d.span_end:x.end()])), None)
        group = _group_whose_meeting(ref, text, max(0, x.start() - 80), x.start()) if d else None
        if d is not None and group is not None:
            theirs.append((group, d, (x.end(), sentence_at(text, x.end())[1])))
    for group, d, (ps, pe) in theirs:
        slug = (group.iri or "").rsplit("/", 1)[-1]  # the group's reference IRI: .../group/tsag, .../group/sg13
        sg = re.fullmatch(r"sg(\d{1,2})", slug)
        kind = "TSAGMeeting" if slug == "tsag" else "StudyGroupMeeting" if sg else None
        if kind is None or any(o.kind == kind and o.start == d.start for o in meetings.values()):
            continue  # (a meeting of that group on those days is already the text's)
        # its kind's display name as meeting-kinds.csv writes it ('TSAG meeting', 'ITU-T Study Group {sg} meeting')
        named = next(k for k in meeting_kinds() if k.cls == kind and k.name and ("{sg}" in k.name) == bool(sg))
        name = named.name.format(sg=sg.group(1)) if sg else named.name
        place = find_place(ref, text, ps, pe)
        met = Meeting(kind=kind, name=name, name_span=group.span, start=d.start, end=d.end,
                      date_span=Span.of(text, d.span_start, d.span_end), precision=d.precision)
        if place is not None:
            met.place, met.country, met.country_from_reference = place
        if named.series:
            iri = str(iris.series(named.series))
            met.series = Ref("MeetingSeries", ref.labels.get(iri, named.series), group.span, iri)
        meetings[(slug, "next", d.start)] = met


#: 'to TSAG at its January 2030 meeting': a group's meeting named by its month or days
_AT_ITS_DATED_MEETING = re.compile(r"(?P<its>\bat[ \t]+its[ \t]+)[^\n.;]{3,30}?[ \t]+meeting\b")
#: a body that says it will hold its next meeting: the subject before it is whose meeting that is
_HOLDS_ITS = re.compile(r"\s(?:will|shall|is\s+to|plans\s+to|is\s+due\s+to)\s+(?:hold|convene|have)\s+(?:its|their)\s+\Z",
                        re.IGNORECASE)


#: a date something must happen by, not when a meeting is: 'by 17 November', 'before 1 October', 'no later than'
_DEADLINE = re.compile(r"\b(?:(?<!hosted\s)(?<!chaired\s)(?<!convened\s)(?<!organized\s)(?<!organised\s)(?<!sponsored\s)by|"
                       r"before|until|no\s+later\s+than|deadline|due)\b", re.IGNORECASE)  # (not 'to be hosted by Viettel')


def _another_subject(ref: Reference, text: str, s: int, verb: int, m: Meeting) -> bool:
    """Whether the subject of 'will next meet' (text[s:verb]) is another body than the one whose meeting m is: an ITU-T
    group m's name does not name ('SG17 will next meet' in a report of SG13), or a capitalised name of another body
    ('The Council Working Group on WSIS will next meet'); 'The group', 'It', 'TSAG' of a TSAG meeting are m's own."""
    subject = text[s:verb].strip()
    other = _names_another_group(ref, text, s, verb, m)
    if other is not None:
        return other
    words = re.findall(r"\b[A-Z][\w-]*", subject)
    return any(w not in ("The", "It", "They", "This", "Its") and w not in m.name and w.rstrip("s") not in m.name
               for w in words)  # 'The CTOs will hold their next meeting' of a CTO meeting


def _group_whose_meeting(ref: Reference, text: str, s: int, e: int) -> Ref | None:
    """The ITU-T group named last in text[s:e], whose meeting 'its next meeting' after it is."""
    from .groups import find_groups  # groups is imported by the extractors after this module

    groups = find_groups(ref, text, s, e)
    return groups[-1] if groups else None


def _names_another_group(ref: Reference, text: str, s: int, e: int, m: Meeting) -> bool | None:
    """Whether text[s:e] names ITU-T groups none of which m's name names ('Study Group 17' of an SG13 meeting); None
    when it names no group."""
    from .groups import find_groups  # groups is imported by the extractors after this module

    groups = find_groups(ref, text, s, e)
    if not groups:
        return None
    said = {g.notation for g in groups if g.notation} | {g.label for g in groups} | {g.span.quote for g in groups}
    return not any(x and (x in m.name or re.sub(r"\bSG\s*(?=\d)", "Study Group ", x) in m.name) for x in said)


def _series_name(name: str, ordinal: tuple | None = None) -> str:
    """The name when it names the series, not one edition ('ITU-T Study Group 17 meeting', not 'WTSA-16' or 'the
    third CTO meeting'): the name the next meeting goes by; '' otherwise."""
    if ordinal or _edition_in(name) or re.search(rf"(?i)\b(?:{ORDINAL_PATTERN})\b", name):
        return ""
    return name


def _announced(kind: str, d: DateMention, place: Ref | None, span: Span, name: str) -> MeetingRef:
    """The next meeting as a text announces it: its date, and its last day when the text gives days."""
    return MeetingRef(kind, d.start, place, span, d.precision, name=name, end=d.end if d.precision == "day" else None)


#: 'the last meeting, held in New Delhi in October 2024', 'the previous session (Seoul, 5 May 2025)': the meeting of
#: the same kind before the one reported
_PAST_SAME = re.compile(r"(?<!['’]s )(?<!\bits )\b(?i:the|our)\s+(?:last|previous|preceding|prior|inaugural)\s+"
                        r"(?:(?:CTO|CxO|annual|regional|plenary)\s+)?"
                        r"(?:meeting|session|edition|consultation|round\s?table|(?i:assembly|symposium|forum))\b(?!\s+(?:of|on)\b)"
                        r"|\bwe\s+(?:last\s+met|met\s+last(?:\s+(?:year|time))?)\b",  # (a speech: 'When we last met - on 10 May ...')
                        re.IGNORECASE)
#: "SG13's previous meeting": a group's meeting before the one reported
_GROUPS_PAST = re.compile(r"(?P<owner>\b[A-Z][\w/-]*(?:[ \t]+[\w/-]+){0,3}?)['’]s[ \t]+(?:last|previous|preceding|prior)[ \t]+"
                          r"(?:meeting|session)\b")
#: between 'the last meeting' and its date: 'held in New Delhi in', ' (Seoul, ', ' in' (not 'reviewed progress since')
_PAST_DATED = re.compile(_BRACKETED_AFTER.pattern + r"|,?[ \t]+(?:(?:(?:which|that)[ \t]+)?was[ \t]+)?(?:held|took[ \t]+place|"
                         r"convened|hosted)\b[^.;()]{0,60}?[ \t](?:in|on|from)[ \t]+|[ \t]+(?:in|on)[ \t]+|[ \t]*[-–—][ \t]*(?:in|on)[ \t]+"
                         r"|[ \t]+in[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2},?[ \t]+(?:in|on)[ \t]+")


def _past_meetings(ref: Reference, text: str, meetings: dict[tuple, Meeting], regions: dict[tuple, list[tuple[int, int]]],
                   dates: list[DateMention], anchors: list[Anchor]) -> list[tuple[tuple, Meeting]]:
    """'the last meeting, held in New Delhi in October 2024' in the text of a CxO meeting: the CxO meeting before
    it, dated (and placed) as its sentence says; a phrase that names its kind is read with the anchors."""
    found: list[tuple[tuple, Meeting]] = []
    for key, m in list(meetings.items()):
        if m.start is None:
            continue
        for rs, re_ in regions.get(key, []):
            # ("SG13's previous meeting" in the report of an SG13 meeting: its own group's, as 'the previous meeting')
            own = [x for x in _GROUPS_PAST.finditer(text, rs, re_)
                   if _names_another_group(ref, text, x.start(), x.end("owner"), m) is False]
            for x in sorted([*_PAST_SAME.finditer(text, rs, re_), *own], key=lambda x: x.start()):
                if _said_by_an_anchor(anchors, x.start(), x.end()):
                    continue
                # 'the previous regional consultation for Africa': its region goes with it ('the last meeting for the
                # Example Group' is another body's)
                region = re.match(r"\s+for\s+(?:the\s+)?([A-Z][\w-]*(?:\s+(?:and\s+(?:the\s+)?)?[A-Z][\w-]*){0,3})",
                                  text[x.end():x.end() + 60])
                if region is not None and region.group(1) not in region_names():
                    continue
                x_end = x.end() + (region.end() if region else 0)
                noun = re.sub(r"\s", "", x.group().split()[-1].lower())
                noun = "meeting" if noun in ("met", "last", "year", "time") else noun  # 'we last met', 'we met last year'
                if noun not in ("meeting", "session", "edition") and noun not in re.sub(r"\s", "", m.name.lower()):
                    continue  # 'the previous roundtable' in a TSAG text: another kind of meeting
                e = min(line_end(text, x_end), x_end + 100)  # its clause: a sentence may end at ';'
                stop = re.search(r"\.\s", text[x_end:e])
                e = x_end + stop.start() if stop else e
                d = next((d for d in dates if x_end <= d.span_start < e
                          and _PAST_DATED.fullmatch(text, x_end, d.span_start)), None)
                if d is None or d.end >= m.start or m.series is None and m.kind not in _GROUPS_MEETINGS or re.search(
                        r"\b(?:of|for)\s+(?:the\s+)?[A-Z]", text[x_end:d.span_end]) or any(
                        a.name_span[0] < d.span_start and x.end() < a.name_span[1] for a in anchors if a.meeting_key != key):
                    # no date, one not before the meeting reported, a meeting of no series, another body's ('the last
                    # meeting in March of the Focus Group on X'), or another meeting named in between
                    continue
                past = Meeting(kind=m.kind, name=m.name, name_span=Span.of(text, x.start(), x.end()), start=d.start,
                               end=d.end, date_span=Span.of(text, d.span_start, d.span_end), series=m.series,
                               precision=d.precision)
                # ('... on 10 May 2018 in Durban', 'our last meeting in Durban in May')
                where = _IN_PLACE.search(text, x_end, d.span_end + 60) or _IN_NAME.match(text, d.span_end) \
                    or _IN_NAME.match(text, x_end)

                bracket = re.match(r"[ \t]*\([^()\n]{3,80}\)", text[x.end():e])  # 'the previous meeting (Seoul, 5 May)'
                place = find_place(ref, text, where.end(), min(e, where.end() + 60)) if where else \
                    find_place(ref, text, x.end(), x.end() + bracket.end()) if bracket else None
                if place is not None:
                    past.place, past.country, past.country_from_reference = place
                found.append(((key[0], "past", d.start), past))
                break
    return found


#: 'the 3rd meeting', 'The 5th meeting', 'their eleventh meeting', 'the twelfth edition', 'the first one' said alone in
#: a meeting's text: another meeting of the same body, by its number
_NUMBERED_EDITION = re.compile(rf"\b(?i:the|its|our|their)\s+(?P<n>(?i:{ORDINAL_PATTERN}))\s+(?i:meeting|session|edition|one)\b"
                               r"(?!\s+(?:of|for|on)\b)")
#: between 'the 19th meeting' and its month or day, its place: ', held in Santiago, Chile, in ', ', in Kuala Lumpur in ',
#: ', which was held at Abidjan (Côte d'Ivoire) the ', ', hosted by Hanbit Telecom in Seoul, Republic of Korea, on '
_EDITION_PLACED = re.compile(r",?[ \t]+(?:(?:which|that)[ \t]+)?(?:(?:was|had[ \t]+been)[ \t]+)?(?:held[ \t]+|convened[ \t]+|"
                             r"took[ \t]+place[ \t]+)?"
                             r"(?:hosted[ \t]+by[ \t]+[^.;:()\n]{2,60}?[ \t]+)?(?:in|at)[ \t]+[A-Z][^.;:()\n]{1,50}?(?:[ \t]*\([^()\n]{2,40}\))?,?[ \t]+(?:(?:in|on)[ \t]+)?(?:the[ \t]+)?")
#: between 'the 5th meeting' and its day: ' held on ', ' will be held on ', ' (', ' on '
_EDITION_DATED = re.compile(_BRACKETED_AFTER.pattern + r"|,?[ \t]+(?:(?:which|that)[ \t]+)?(?:(?:was|is|will[ \t]+be|has[ \t]+been)[ \t]+)?"
                            r"(?:held|convened|scheduled|took[ \t]+place)?[ \t]*(?:for|on|in)[ \t]+(?:(?:Monday|Tuesday|Wednesday|Thursday|"
                            r"Friday|Saturday|Sunday),?[ \t]+)?")


def _numbered_editions(ref: Reference, text: str, meetings: dict[tuple, Meeting], regions: dict[tuple, list[tuple[int, int]]],
                       dates: list[DateMention], anchors: list[Anchor]) -> list[tuple[tuple, Meeting]]:
    """'The minutes of the 3rd meeting held on 08/02/2024 were confirmed', 'The 5th meeting will be held on
    11/04/2024' in the minutes of a committee's 4th meeting: that committee's other meetings, by their number and
    day. Only the document's own meeting (the one whose text comes first) has them; not 'the 5th meeting of SG13',
    another body's, nor one named by a phrase of its own."""
    if not regions:
        return []
    key = min(regions, key=lambda k: min((a for a, _ in regions[k]), default=len(text)))
    m = meetings.get(key)
    if m is None:
        return []
    taken = [r for rs in regions.values() for r in rs]
    found: list[tuple[tuple, Meeting]] = []
    for x in _NUMBERED_EDITION.finditer(text):
        n = ordinal(x.group("n").lower())
        # in its text, or in what no meeting's text holds ('DATE OF NEXT MEETING' at the end of minutes), or in the
        # text of another numbered edition of its series ('the first meeting was held in Dubai ... The second meeting
        # took place in Lisbon'): not in another meeting's own text
        owner = next((meetings.get(k) for k, rs in regions.items() if k != key and any(a <= x.start() < b for a, b in rs)),
                     None)
        edition_text = owner is not None and owner.series is not None and m.series is not None and \
            owner.series.iri == m.series.iri and owner.ordinal is not None and owner.ordinal[0] != n
        if not any(a <= x.start() < b for a, b in regions[key]) and any(a <= x.start() < b for a, b in taken) \
                and not edition_text:
            continue
        if n is None or (m.ordinal is not None and m.ordinal[0] == n) or _said_by_an_anchor(anchors, x.start(), x.end()):
            continue
        d = next((d for d in dates if d.precision == "day" and x.end() <= d.span_start < x.end() + 60
                  and _EDITION_DATED.fullmatch(text, x.end(), d.span_start)), None)
        placed = None
        if d is None:  # 'The nineteenth meeting, held in Santiago, Chile, in March 2031': its place, then its month
            d = next((d for d in dates if d.precision in ("day", "month") and x.end() <= d.span_start < x.end() + 80
                      and _EDITION_PLACED.fullmatch(text, x.end(), d.span_start)), None)
            placed = find_place(ref, text, x.end(), d.span_start) if d is not None else None
            if placed is None:
                continue
        if d is None or d.start == m.start or x.group().lower().endswith("session") and m.start is not None \
                and m.end is not None and m.start - timedelta(days=1) <= d.start <= m.end + timedelta(days=1):
            continue  # ('The second session was held on 6 May' of a meeting held on 5 May: a session of that one)
        same = next((o for o in meetings.values() if o is not m and o.kind == m.kind and o.start == d.start), None)
        if same is not None:  # ('the first meeting was held in Dubai on 7 November 2027', a meeting read already)
            if same.ordinal is None:
                same.ordinal = (n, Span.of(text, x.start("n"), x.end("n")))
            continue
        name = re.sub(rf"^(?i:{ORDINAL_PATTERN})\s+", "", m.name)  # (not the number of the meeting reported)
        other = Meeting(kind=m.kind, name=name[:1].upper() + name[1:], name_span=Span.of(text, x.start(), x.end()),
                        start=d.start, end=d.end, date_span=Span.of(text, d.span_start, d.span_end), series=m.series,
                        ordinal=(n, Span.of(text, x.start("n"), x.end("n"))), precision=d.precision)
        # 'the third meeting (Geneva, 13-16 July': the place in its brackets
        place = placed or (find_place(ref, text, x.end(), d.span_start) if "(" in text[x.end():d.span_start] else None)
        if place is not None:
            other.place, other.country, other.country_from_reference = place
        elif _SAME_PLACE.search(text, d.span_end, min(len(text), d.span_end + 80)):  # 'at the same venue'
            other.place, other.country, other.country_from_reference = m.place, m.country, m.country_from_reference
        found.append(((key[0], "edition", n), other))
    return found


def _said_by_an_anchor(anchors: list[Anchor], s: int, e: int) -> bool:
    """Words s..e overlap a phrase an anchor was read from: that phrase names its meeting itself."""
    return any(a.said[0] <= s < a.said[1] or s <= a.said[0] < e for a in anchors)


def _fields_end(text: str, e: int) -> int:
    """The end of the field lines ('Date: ...', 'Venue: ...') right under the line that ends at e, else e."""
    while e < len(text) and text[e] == "\n":
        nxt = text.find("\n", e + 1)
        nxt = len(text) if nxt < 0 else nxt
        if not _FIELD.match(text, e + 1, nxt):
            break
        e = nxt
    return e


#: 'the third ', 'the 9th annual ', 'the 5th edition of the ': the ordinal of the meeting named next
_ORDINAL_BEFORE = re.compile(rf"\b({ORDINAL_PATTERN})(?:\s+annual)?(?:\s+(?:edition|iteration|instal?ment)\s+of(?:\s+the)?)?\s+$",
                             re.IGNORECASE)
_EDITION_SUFFIX = re.compile(r"[-–‑ ]?(\d{2})\b|\b((?:19|20)\d\d)\b")
_EDITION_WORD = r"(?:edition|iteration|instal?ment)"
#: the ordinal written after the name: 'Example Forum (5th edition)', 'Example Forum (the fifth edition)'
_ORDINAL_BRACKETED = re.compile(rf"[ \t]*\((?:the[ \t]+)?({ORDINAL_PATTERN})(?:[ \t]+annual)?[ \t]+{_EDITION_WORD}\)",
                                re.IGNORECASE)
#: '..., now in its 5th edition, ...', 'which is in its fifth edition': said of the meeting named before it
_ORDINAL_IN_ITS = re.compile(rf"\b(?:now[ \t]+)?in[ \t]+its[ \t]+({ORDINAL_PATTERN})(?:[ \t]+annual)?[ \t]+{_EDITION_WORD}\b",
                             re.IGNORECASE)


#: 'held its 5th meeting': the ordinal inside a name written as a clause
_ORDINAL_ITS = re.compile(rf"\bits[ \t]+({ORDINAL_PATTERN})[ \t]+(?:[\w-]+[ \t]+){{0,2}}(?:meeting|session)\b", re.IGNORECASE)


def _ordinal_after(text: str, name_end: int, end: int) -> re.Match | None:
    """The ordinal a sentence gives a meeting after its name: in brackets right after it ('Example Forum (5th
    edition)'), or 'in its 5th edition' later in the part of the sentence about it."""
    return _ORDINAL_BRACKETED.match(text, name_end, end) or _ORDINAL_IN_ITS.search(text, name_end, end)


def _edition(text: str, a: Anchor) -> str:
    """What makes the phrase name one meeting, not the series: an edition ('WTSA-20', 'GSS 2012', 'the 2016
    session'), or an ordinal before it ('the third preparatory meeting'); '' when it names the series."""
    before = text[max(0, a.name_span[0] - 40):a.name_span[0]]
    raw = text[a.name_span[0]:a.name_span[1]]
    om = _ORDINAL_BEFORE.search(before) or \
        re.match(rf"(?:the\s+)?({ORDINAL_PATTERN})(?:\s+annual)?\s+", raw, re.IGNORECASE)  # 'Fifth Meeting of ...'
    if om is None:  # 'the Example Forum (5th edition)'
        om = _ORDINAL_BRACKETED.match(text, a.name_span[1], min(len(text), a.name_span[1] + 40))
    if om and ordinal(om.group(1)):  # 'the 2nd preparatory meeting for WTSA-20': the ordinal tells them apart
        return f"n{ordinal(om.group(1))}"
    return _edition_in(raw)


def _edition_in(raw: str) -> str:
    """The edition a meeting's name says ('WTSA-20', 'GSS 2012': '20', '12'), or ''."""
    # a group's number is no edition: 'meeting of Study Group 13', 'Question 2/13', 'WP 3'
    raw = re.sub(r"(?i)\b(?:study\s+groups?|SG|questions?|Q|working\s+part(?:y|ies)|WP)\s*\d{1,2}(?:\s*/\s*\d{1,2})?", "", raw)
    m = re.search(r"(?:[-‑]|\s)(\d{2})(?:\s?\)|\b)|\b((?:19|20)\d\d)\b", raw)
    if m:
        return m.group(1) or m.group(2)[2:]
    return ""


def _same_edition(text: str, a: Anchor, candidates: list, anchors: list[Anchor]):
    """The meeting an undated phrase speaks of when the phrase tells which: the same ordinal ('the third
    preparatory meeting' of a text reporting the second and the third), or the same edition ('WTSA-16' of
    the assembly held in 2016). None when it cannot tell, or when the phrase names another edition."""
    ed = _edition(text, a)
    if not ed:
        return None
    hits = []
    for k, m in candidates:
        if ed.startswith("n"):
            if m.ordinal and m.ordinal[0] == int(ed[1:]):
                hits.append(k)
        elif (m.start and m.start.year % 100 == int(ed)) or (not m.start and k[-1] == ed) or _edition_in(m.name) == ed:
            hits.append(k)  # ('GSS-20' of 'the Global Standards Symposium (GSS-20)' held in February 2022 too)
    if len(hits) == 1:
        return hits[0]
    if ed.startswith("n") or not candidates:
        return None
    return ("distinct",) if not hits else None


def _own_edition(ref: Reference, text: str, a: Anchor, candidates: list, anchors: list[Anchor]) -> bool:
    """Whether an undated phrase with an ordinal ('the 5th edition of the Example Forum') gives the number of the one
    meeting of its kind the document reports, which the text numbers nowhere else: said within that meeting's own
    text, not of a past edition, and not placed elsewhere."""
    ed = _edition(text, a)
    if len(candidates) != 1 or not ed.startswith("n") or a.is_past:
        return False
    key, m = candidates[0]
    if m.ordinal is not None or m.start is None or not _owns_undated(a, key, anchors):
        return False
    if not any(x.opening and x.meeting_key == key and x.name_span[0] <= a.name_span[0] for x in anchors):
        return False
    place = find_place(ref, text, *a.window)
    if place is None or m.place is None or place[0].iri == m.place.iri:
        return True
    # 'hosted by the Communications Regulatory Authority of Qatar' of a meeting in Doha: Qatar names the host, not
    # another venue ('after the fifth roundtable in the Republic of Korea' does)
    return place[0].kind == "Country" and m.country is not None and place[0].iri == m.country.iri \
        and re.search(r"\bof[ \t]+(?:the[ \t]+)?\Z", text[max(0, place[0].span.start - 10):place[0].span.start]) is not None


def _date_from_co_located(m: Meeting) -> None:
    """'the ninth CTO meeting, at ITU Telecom World 2017': held during the event, so in its year."""
    ev = m.co_located
    if m.start is None and ev is not None and ev.year:
        m.start = ev.start or date(ev.year, 1, 1)
        m.end = ev.end or date(ev.year, 12, 31)
        m.precision = "day" if ev.start else "year"
        m.date_span = ev.span


#: 'the meeting', 'this four-day forum', 'the event': a phrase that names no kind of meeting but speaks of one.
_GENERIC_MENTION = re.compile(r"\b(?:the|this|that|a)\s+(?:[\w-]+\s+){0,3}?(?:meeting|forum|event|gathering|symposium|"
                              r"session|conference|workshop|assembly|summit|consultation|round\s?table|dialogue)\b",
                              re.IGNORECASE)


#: 'Today is the 10th of June 2030.', 'Today, 4 May 2029, we open ...', '... and again today, Wednesday the 6th of
#: March 2030, when we approved ...': a speech saying the day it is given
_TODAY_IS = re.compile(r"(?:^|(?<=\n)|(?<=[.!?]\s))[ \t]*Today(?:\s+is|,)\s+(?:the\s+)?|\btoday,[ \t]+(?=\w[^,.;\n]*\d)")
#: '- Held **Tuesday 14 October 2031**, Kuala Lumpur': a note's line about the meeting it is headed by, its day first
_HELD_LINE = re.compile(r"(?m)^[ \t]*(?:[-•*][ \t]+)?(?:Held|Took[ \t]+place|Convened)(?:[ \t]+on)?[ \t]+(?:\*\*|__)?")


def _date_generic_mentions(text: str, anchors: list[Anchor], dates: list[DateMention]) -> None:
    """'African Example Forum opens in Kigali ... The four-day meeting is taking place from 5 to 8 February':
    a dated sentence about 'the meeting' dates the one meeting the text names before it without a date; so does a
    speech's 'Today is 10 June 2030' after it ('welcome you to the eighteenth CTO meeting'), or a note's line 'Held
    14 October 2031, ...' under its heading."""
    named = [a for a in anchors if not a.is_next and not a.is_past and not _plural(text, a.name_span[1])]
    today = _TODAY_IS.search(text) or _HELD_LINE.search(text)
    if today is not None:  # the day of the one meeting named before it, all of whose mentions are undated
        before = [a for a in named if a.name_span[0] < today.start()]
        d = next((d for d in dates if today.end() <= d.span_start <= today.end() + 4 and d.precision == "day"), None)
        if d is not None and before and all(a.date is None for a in before) and len({a.kind.group for a in before}) == 1:
            for a in before:
                a.date = d
            before[0].opening = True
            return
    if any(a.date is not None and a.date.precision == "day" for a in named):
        return  # the text dates its meetings itself
    # (or dates it by a month or a week only: 'addressed the Consultation last week' is refined by 'The Consultation,
    # held on Thursday 12 May')
    every_undated = [a for a in named if a.date is None or a.date.precision != "day"]
    for g in _GENERIC_MENTION.finditer(text):
        # the meetings it may speak of: all undated ones when they are of one kind, else those its noun names ('The
        # Consultation, held on 12 May' of a consultation held beside a forum)
        undated = every_undated
        if len({a.kind.group for a in undated}) != 1:
            noun = g.group().split()[-1].lower()
            undated = [a for a in every_undated if noun in text[a.name_span[0]:a.name_span[1]].lower()]
            if len({a.kind.group for a in undated}) != 1:
                continue
        if g.start() < undated[0].name_span[0]:
            continue
        if any((a.is_next or a.is_past) and a.name_span[0] < g.end() and g.start() < a.name_span[1] for a in anchors):
            continue  # 'The next TSAG meeting will take place on ...' dates another meeting
        if _NUMBERED_EDITION.match(text, g.start()):
            continue  # 'the seventh meeting, held in Rabat in April 2030': another edition (_numbered_editions)
        s, e = sentence_at(text, g.start())
        if not _OCCURRED.search(text, s, e) and not re.search(r"\b(?:taking\s+place|takes\s+place|will\s+take\s+place)\b",
                                                              text[s:e]):
            continue
        d = next((d for d in dates if s <= d.span_start < e and d.precision == "day"), None)
        if d is None or any(a.date is not None and not a.date.start <= d.start <= a.date.end for a in undated):
            continue
        for a in undated:
            a.date = d
        undated[0].opening = True
        return


#: a sentence that goes on about the meeting announced: 'The meeting will take place ...', 'It will be held ...'
_IT_WILL_BE = re.compile(r"[ \t\n]*(?:The|This|It)(?:[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:meeting|consultation|event|session|assembly))?"
                         r"[ \t]+will[ \t]+(?:take[ \t]+place|be[ \t]+held|be[ \t]+hosted|be[ \t]+convened|run)\b")


def _announced_in_the_title(text: str, anchors: list[Anchor], dates: list[DateMention]) -> None:
    """'Andalira to host the next ITU-T CTO meeting in Santiago' as a release's title: the meeting to come is the one the
    text reports, not the next one of another. Its mentions as 'the next ...' are its own, dated by their sentence or
    by the one after that goes on about it ('The meeting will take place ... on 17 and 18 March 2032')."""
    first = min(anchors, key=lambda a: a.name_span[0], default=None)
    if first is None or not first.is_next or not _title_line(text, first.name_span[0]):
        return
    for a in anchors:
        if not a.is_next or a.kind.group != first.kind.group:
            continue
        a.is_next = False
        if a.date is None and a is not first:
            s, e = a.window
            after = sentence_at(text, min(len(text) - 1, e + 1)) if e < len(text) else (e, e)
            days = [d for d in dates if s <= d.span_start < e and d.precision == "day"] or (
                [d for d in dates if after[0] <= d.span_start < after[1] and d.precision == "day"]
                if _IT_WILL_BE.match(text, after[0]) else [])
            if days:
                a.date, a.opening = days[0], True


def _rename(text: str, m: Meeting, a: Anchor, key: tuple, generic: set) -> None:
    """Keep the most telling name: a written phrase over a default one, mixed case over capitals, longer over shorter."""
    if a.kind.name:
        return
    name = _display_name(text[a.name_span[0]:a.name_span[1]])
    raw = text[a.name_span[0]:a.name_span[1]]
    if key in generic:
        generic.discard(key)
        m.name, m.name_span = name, Span.of(text, *a.name_span)
    elif raw.isupper() is False and m.name.isupper():
        m.name = name
    elif len(name) > len(m.name) and not raw.isupper():
        m.name = name


#: 'this GSS', 'the present meeting', "today's forum", "this year's assembly": the meeting the document reports
_THIS = r"\b(?:this|the\s+present|today['’]s)\s+(?:year['’]s\s+)?"
_THIS_BEFORE, _THIS_START = re.compile(_THIS + r"\Z", re.IGNORECASE), re.compile(_THIS, re.IGNORECASE)


def _demonstrative(text: str, a: Anchor) -> bool:
    s = a.name_span[0]
    return bool(_THIS_BEFORE.search(text[max(0, s - 25):s]) or _THIS_START.match(text, s, a.name_span[1]))


def _principal(keys: list[tuple], anchors: list[Anchor]) -> tuple:
    """Of several meetings of one kind, the one the document reports: the first to open in its text."""
    first = {k: min((x.name_span[0] for x in anchors if x.opening and x.meeting_key == k), default=1 << 62)
             for k in keys}
    return min(keys, key=lambda k: first[k])


#: 'The forum runs until 13 September', 'the meeting will continue through Friday, 8 March': its last day
_UNTIL = re.compile(r"\b(?:runs?|running|continues?|continuing|lasts?|will\s+(?:run|continue|last|end|close)|ends?|closes?)"
                    r"\s+(?:until|till|through|to|on)\s+$", re.IGNORECASE)


def _range_said_again(text: str, key: tuple, m: Meeting, regions: list[tuple[int, int]], dates: list[DateMention],
                      anchors: list[Anchor]) -> None:
    """A meeting dated by one day ('concluded its meeting today') whose text then says the days it was held ('The
    two-week meeting, held from 17 to 28 July') takes those days, when they hold its day (not the days of another
    meeting's anchor: 'held on the sidelines of the Example Summit (8-11 July)' are the summit's)."""
    if m.start is None or m.end != m.start or m.precision != "day":
        return
    others = [a.date for a in anchors if a.date is not None and a.meeting_key != key]
    for d in dates:
        if any(d is o for o in others):
            continue
        if d.precision != "day" or not (d.start < d.end and d.start <= m.start <= d.end) or (d.end - d.start).days > 31 \
                or not any(a <= d.span_start < b for a, b in regions):
            continue
        if _BRACKETS_OF_A_NAME.search(text, max(0, d.span_start - 60), d.span_start):
            continue  # 'held on the opening day of ITU Telecom World 2013 (19-22 November)': the days of that event
        s, _ = sentence_at(text, d.span_start)
        if _SAID_OF_IT.match(text, s) or _THE_MEETING_HELD.match(text, s):
            m.start, m.end = d.start, d.end
            return


#: the opening bracket right after a name or its year: 'ITU Telecom World 2013 (', 'the Example Summit ('
_BRACKETS_OF_A_NAME = re.compile(r"(?:\b(?-i:[A-Z])[\w-]*|\b(?:19|20)\d\d)[\"”’']?[ \t]*\([ \t]*\Z")  # ('"... Week 2033" (')
#: 'The two-week meeting, held from ...', 'The 10-day session took place ...': a sentence about the meeting itself
_THE_MEETING_HELD = re.compile(r"(?:The|This|Its)\s+(?:[\w-]+\s+){0,2}(?i:meeting|session|event|assembly|conference|"
                               r"consultation|symposium|forum|summit|workshop)\b"
                               r"[^.;\n]{0,20}?\b(?:held|took\s+place|ran|running|lasted|lasting)\b")


def _end_from_until(ref: Reference, text: str, m: Meeting, regions: list[tuple[int, int]], dates: list[DateMention],
                    anchors: list[Anchor]) -> None:
    """A meeting dated by one day whose text later says until when it runs gets that day as its end; not when the
    meeting named last before that day in its sentence is another ('ahead of WTSA-24, which runs until 24 October'),
    nor when an event is ('ITU Telecom World 2009 runs until 9 October')."""
    if m.start is None or m.end != m.start or m.precision != "day":
        return
    group = _meeting_key(m)[0]
    for d in dates:
        if d.precision != "day" or d.start != d.end or not any(a <= d.span_start < b for a, b in regions):
            continue
        s, _ = sentence_at(text, d.span_start)
        last = max((a for a in anchors if s <= a.name_span[0] < d.span_start), key=lambda a: a.name_span[0], default=None)
        if last is not None and last.kind.group != group or last is None and _events(ref, text, s, d.span_start):
            continue
        if _UNTIL.search(text[max(0, d.span_start - 40):d.span_start]) and 0 < (d.start - m.start).days <= 31:
            m.end = d.start
            return


#: how many days a meeting lasts: 'the two-day forum', 'a 3-day meeting', 'after ten days of deliberations',
#: 'lasting four days'
_DURATION = re.compile(
    rf"\b(?:(?P<n1>{CARDINAL_PATTERN})[- ]days?(?:[- ]long)?\s+(?:[\w-]+\s+){{0,2}}?(?:meeting|forum|event|workshop|session|"
    r"assembly|conference|symposium|consultation|summit|gathering|roundtable|dialogue)s?\b"
    rf"|\b(?:after|following|over|lasting|lasts?|for)\s+(?:the\s+next\s+)?(?P<n2>{CARDINAL_PATTERN})\s+days\b"
    rf"|\b(?:end|close|conclusion)\s+of\s+(?:(?:the|these|our)\s+)?(?P<n3>{CARDINAL_PATTERN})\s+(?:[\w-]+\s+){{0,2}}?days\b)",
    re.IGNORECASE)  # (n3: 'We have come to the end of two intense days': the day it is said is the last)
#: the day a sentence dates is the meeting's last: 'concluded today', 'closed on 24 October'
_CLOSING = re.compile(r"\b(?:clos(?:ed|es|ing)|conclud(?:ed|es|ing)|end(?:ed|s)|wrapped\s+up|came\s+to\s+(?:a|an)\s+"
                      r"(?:close|end))\b", re.IGNORECASE)


def _days_from_duration(text: str, m: Meeting, regions: list[tuple[int, int]]) -> None:
    """A meeting dated by one day whose text says how many days it lasts: 'opened today ... the two-day forum' ends a
    day later, 'concluded today after ten days of deliberations' began nine days before."""
    if m.start is None or m.end != m.start or m.precision != "day" or m.date_span is None or not regions:
        return
    s, e = regions[0]
    for d in _DURATION.finditer(text, s, e):
        n = cardinal(d.group("n1") or d.group("n2") or d.group("n3"))
        if n is None or not 2 <= n <= 14 or (d.group("n1") and _IN_PASSING.search(text[max(s, d.start() - 40):d.start()])):
            continue  # 'following a two-day workshop': another meeting's length
        ss, se = sentence_at(text, m.date_span.start)
        if d.group("n3") or _CLOSING.search(text, ss, se):
            m.start = m.end - timedelta(days=n - 1)
        else:
            m.end = m.start + timedelta(days=n - 1)
        return


def _owns_undated(a: Anchor, key: tuple, anchors: list[Anchor]) -> bool:
    """An undated phrase speaks of a meeting when that meeting opens before it or no meeting opens before it."""
    prev = [x for x in anchors if x.opening and x.meeting_key and x.name_span[0] <= a.name_span[0]]
    return not prev or prev[-1].meeting_key == key


def _owns(key: tuple, a: Anchor, anchors: list[Anchor]) -> bool:
    """Whether the meeting of `key` is the one whose opening anchor most recently precedes anchor a."""
    prev = [x for x in anchors if x.opening and x.meeting_key and x.name_span[0] < a.name_span[0]]
    return bool(prev) and prev[-1].meeting_key == key


def _display_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    # 'CTO MEETING' as a heading, not acronyms alone ('WTSA-20', 'ITU-T SG20')
    if name.isupper() and " " in name and any(w.isalpha() and len(w) > 4 for w in name.split()):
        # short words in capitals are acronyms ('ITU-T CTO MEETING' -> 'ITU-T CTO meeting'), the rest lower case
        words = [w if (len(w.replace("-", "")) <= 4 and w.lower() not in _SMALL_WORDS) or any(c.isdigit() for c in w)
                 else w.lower() for w in name.split(" ")]
        name = " ".join(words)
        name = name[0].upper() + name[1:]
    return name


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "with", "a", "an", "by", "from", "its"})


def _read_anchor(ref: Reference, text: str, a: Anchor, m: Meeting, avoid=(), anchors=()) -> None:
    """Facts of the anchor sentence: ordinal, place, co-located event.

    When the sentence names other meetings too ('the CTO meeting held in Geneva on 2 October and the regional
    consultation held in Seoul on 9 November'), each reads only its own part of it.
    """
    s, e = a.window
    next_name: tuple[int, int] | None = None  # the other meeting named right after this one's part
    others_asides = [(x, y) for x, y in _asides(text, s, e) if not x <= a.name_span[0] < y]
    for o in anchors:
        if o is a or not (s <= o.name_span[0] < e) or o.date is None or (o.date and a.date and _key(o) == _key(a)):
            continue
        if _aside_at(others_asides, o.name_span[0]):
            continue  # named in an aside between dashes: the sentence goes on about this one after it
        if o.heading and a.heading and o.window == a.window:
            continue  # a heading that names two meetings over lines that say where and when: each reads those lines
        if o.name_span[0] > a.name_span[1]:
            e = min(e, o.name_span[0])
            next_name = o.name_span if e == o.name_span[0] else next_name
        elif o.name_span[1] <= a.name_span[0]:
            part_end = _part_end(text, o)  # (not past this one's name: 'The next GSS will be held in conjunction with
            part_end = o.name_span[1] if part_end > a.name_span[0] else part_end  # WTSA-24 in New Delhi in October')
            s = max(s, o.window[0] if o.window[0] > s else part_end)
    before = text[max(s, a.name_span[0] - 40):a.name_span[0]]
    om = _ORDINAL_BEFORE.search(before)
    if om and m.ordinal is None:
        value = ordinal(om.group(1))
        if value is not None:  # 'zeroth' is recorded as read; the SHACL gate decides
            off = a.name_span[0] - len(before)
            m.ordinal = (value, Span.of(text, off + om.start(1), off + om.end(1)))
    if m.ordinal is None:  # 'TSAG held its 5th meeting', 'SG13 convened its third session'
        om = _ORDINAL_ITS.search(text, a.name_span[0], min(e, a.name_span[1] + 60))
        if om and om.start() <= a.name_span[1] + 25 and (value := ordinal(om.group(1))) is not None:
            m.ordinal = (value, Span.of(text, om.start(1), om.end(1)))
    om = _ordinal_after(text, a.name_span[1], e) if m.ordinal is None else None
    if om and any(a.name_span[1] <= o.name_span[0] < om.start() for o in anchors if o is not a):
        om = None  # 'the CTO meeting, held alongside the Example Summit, now in its 5th edition': the summit's
    if om and (value := ordinal(om.group(1))) is not None:
        m.ordinal = (value, Span.of(text, om.start(1), om.end(1)))
    # the events the sentence names besides this meeting (never the meeting's own phrase)
    events = [ev for ev in _events(ref, text, s, e)
              if not (ev.span.start < a.name_span[1] and a.name_span[0] < ev.span.end)]
    if next_name:  # 'held on the eve of WTSA-16, which took place ...': the other meeting is the co-located event
        events += [ev for ev in _events(ref, text, next_name[0], next_name[1]) if ev.span.start == next_name[0]]
    co = next((ev for ev in events if _CO_LOCATION.search(text[max(s, ev.span.start - 40):ev.span.start])
               and not (m.series is not None and ev.series.iri == m.series.iri)), None)  # (no GSS is held at a GSS)
    if co and (m.co_located is None or (m.co_located.start is None and co.start is not None)):
        year = co.year or (m.start.year if m.start else None)
        m.co_located = EventMention(co.series, year, co.span, co.start, co.end)
    mode = attendance(text, s, e)
    if mode and (m.attendance is None or (m.attendance[0], mode[0]) == ("online", "mixed")):
        m.attendance = (mode[0], Span.of(text, mode[1], mode[2]))
    if m.attendance and m.attendance[0] == "online":
        # a meeting held online has no venue: a city in its sentence is where someone spoke from or the news
        # was released
        m.place = m.country = None
        m.country_from_reference = False
        return
    if m.place is None:
        exclude = [(ev.span.start, ev.span.end) for ev in events]
        # another meeting named later in the window, not as this one's co-located event: what its sentence says from
        # its name on is about it ('reviewed the preparations for WTSA-20, which was postponed to March in Geneva')
        # (a heading that names two meetings: only its own line is the other's, the lines under it say both's place)
        asides = _asides(text, s, e)
        exclude += [(o.name_span[0], line_end(text, o.name_span[1]) if o.heading and a.heading and o.window == a.window
                     else (_aside_at(asides, o.name_span[0]) or (0, sentence_at(text, o.name_span[0])[1]))[1])
                    for o in anchors
                    if o is not a and s <= o.name_span[0] < e and o.name_span[0] >= a.name_span[1]
                    and (o.kind.cls != a.kind.cls or o.is_next or o.is_past)
                    # ('... for the World Telecommunication Standardization Assembly 2024 (WTSA-24) held in Nairobi': the
                    # acronym in brackets restates the name before it, read as that one is)
                    and not any(p.name_span[1] <= o.name_span[0] and re.fullmatch(
                        r"[ \t]*(?:(?:19|20)\d\d[ \t]*)?\([ \t]*", text[p.name_span[1]:o.name_span[0]]) for p in anchors)
                    and not _CO_LOCATION.search(text[max(s, o.name_span[0] - 60):o.name_span[0]])
                    # ('GSS-28 and WTSA-28 in Kuala Lumpur': two meetings named together share what follows them)
                    and not re.fullmatch(r"[ \t]+and[ \t]+", text[a.name_span[1]:o.name_span[0]])
                    # 'the working group on preparation for WTSA-20 was held in Minsk': WTSA-20 is within our name;
                    # 'the 4th meeting of the APT Preparatory Group for WTSA-24 was held in Bangkok' under our heading:
                    # the meeting prepared for holds no place of the sentence
                    and not (_PREPARED_FOR.search(text[max(a.name_span[0], s, o.name_span[0] - 60):o.name_span[0]])
                             and (_SUBJECTS_VERB.match(text, o.name_span[1], e)
                                  # '... of the Arab Team for the preparation of WTSA-24 in Riyadh from ...': ours,
                                  # unless a clause of its own goes on ('WTSA-24, which will be held in New Delhi')
                                  or not _ITS_OWN_CLAUSE.match(text, o.name_span[1], e)))]
        exclude += _planned(text, s, e)  # 'originally planned for November 2020 in Hyderabad': no place it was held in
        # ' - four years after the first GSS, held in Johannesburg in 2008 - ': an aside that names another meeting
        exclude += [(x, y) for x, y in asides if not x <= a.name_span[0] < y
                    and any(_aside_at([(x, y)], o.name_span[0]) for o in anchors if o is not a)]
        # a country in a body's name ('hosted by the Rwanda Utilities Regulatory Agency') is no venue when the
        # sentence names one ('gathered in Kigali, Rwanda'); alone, it still says the country (read last)
        in_names = [(o.span.start, o.span.end) for o in find_organizations(ref, text, s, e)
                    if ref.lookup(o.label, ref.place_kinds) is None]
        # the place of a press dateline ('GENEVA, 9 May 2018 –') is where the news was released, not the venue;
        # a place written after the phrase is its own ('... WTSA, held in X'), one before it only when the
        # sentence is about this meeting ('In X, the CTOs met ...'), not when it merely names it
        # ('held ahead of WTSA-24' names a meeting held elsewhere or later: the place before it is the other's)
        alongside = _ALONGSIDE.search(text[max(s, a.name_span[0] - 60):a.name_span[0]])
        starts = (max(s, a.name_span[0]), s) if (a.opening or a.heading) and not alongside else (max(s, a.name_span[0]),)
        if not a.opening and _PREPARED_FOR.search(_said_before(text, a)):
            # 'the working group on preparation for WTSA-20 was held in Minsk': the verb is the subject's; the
            # meeting prepared for is placed only by a clause or brackets of its own ('for WTSA-20 (Geneva, 2022)')
            own = re.match(r"\s*(?:\([^()]*\)|,[^,;.]*(?:,|$))", text[a.name_span[1]:a.window[1]])
            starts, e = (a.name_span[1],), a.name_span[1] + (own.end() if own else 0)
        place = None
        if a.heading:  # 'ITU-T CTO Meeting, Geneva, 5 March 2024' over the text: the heading's own place first, before
            # the towns of a list under it ('- Apex Mobile, Nairobi, Kenya')
            place = find_place(ref, text, a.name_span[0], min(e, line_end(text, a.name_span[1])), exclude + list(avoid))
            if place is not None and place[0].kind == "Country":
                place = None  # a town only: 'CTO Meeting on lessons from Korea's 5G rollout' names no venue
        for start in starts if place is None else ():
            place = find_place(ref, text, start, e, exclude + in_names + list(avoid)) or \
                find_place(ref, text, start, e, exclude + in_names)
            if place:
                break
        for start in starts if place is None else ():
            place = find_place(ref, text, start, e, exclude + list(avoid))
            if place is None:
                place = find_place(ref, text, start, e, exclude)
            if place:
                break
        core = a.kind.pattern.search(text, a.name_span[0], a.name_span[1]) if place is None else None
        if core:  # the words before the kind's own: 'the Antalya Plenipotentiary Conference'
            place = place_in_name(ref, text, a.name_span[0], core.start())
        if place:
            m.place, m.country, m.country_from_reference = place


def _part_end(text: str, o: Anchor) -> int:
    """Where the part of a sentence about anchor o ends: after its date."""
    return o.date.span_end if o.date and o.date.span_end > o.name_span[1] else o.name_span[1]


def _events(ref: Reference, text: str, s: int, e: int) -> list[EventMention]:
    """Named events of a series ('ITU Telecom World 2018', 'WTSA-20', 'Plenipotentiary Conference 2018')."""
    out: list[EventMention] = []
    for x in ref.find(text, {"MeetingSeries"}, s, e):
        entry = x.entry  # find() keeps only the entries of the kinds asked for: of_kind({"MeetingSeries"})
        if entry.iri.endswith(("/cto-meeting", "/sgla", "/tsag-meeting")):
            continue
        end = x.end
        year = None
        if out and out[-1].span.start <= x.start < out[-1].span.end:
            continue  # the 'PP-18' of 'Plenipotentiary Conference 2018 (PP-18)'
        ym = re.match(r"(?:\s+|-)((?:19|20)\d\d)\b|-(\d\d)\b", text[end:end + 6])
        if ym:
            year = int(ym.group(1)) if ym.group(1) else 2000 + int(ym.group(2))
            end += ym.end()
        # 'Global Standards Symposium (GSS-20)': the year of the acronym in brackets
        am = re.match(r"\s*\(([A-Z][\w-]*?)[- ]?((?:19|20)?\d\d)\)", text[end:end + 30])
        if am:
            inner = ref.lookup(am.group(1), {"MeetingSeries"})
            if inner is not None and inner.iri == entry.iri:
                y = int(am.group(2))
                year = year or (y if y > 1900 else 2000 + y)
                end += am.end()
        start_date = end_date = None
        dm = re.match(r",?\s*\(?", text[end:end + 3])
        # 'ITU Telecom World 2017 (Busan, Republic of Korea, 25-28 September 2017)': the days in its brackets
        bracket = re.match(r"\s*\(([^()\n]{0,80}?)\)", text[end:end + 90])
        for d in find_dates(text[end:end + 60] if bracket is None else bracket.group(1)):
            if bracket is not None or d.span_start <= (dm.end() if dm else 0) + 1:
                start_date, end_date = d.start, d.end
                year = year or d.start.year
            break
        out.append(EventMention(Ref("MeetingSeries", entry.label, Span.of(text, x.start, x.end), entry.iri),
                                year, Span.of(text, x.start, end), start_date, end_date))
    return out


# -- regions ------------------------------------------------------------------------------------------

class _Bound(NamedTuple):
    """Where a meeting's text starts: at the line of the sentence that opens it, or where its name is in a
    sentence that opens more than one meeting."""

    key: tuple
    start: int
    window: tuple[int, int]  # the opening sentence
    part_end: int | None = None  # in a sentence that opens more than one meeting: where this one's part ends


#: the meeting told of so far, said again, is preceded or followed by another: 'The meeting will be preceded by an '
_PRECEDED_BY = re.compile(r"\s*(?:(?:The|This|It)\b[^.;\n]{0,300}?\b(?:preceded|followed)|(?-i:[A-Z]{2,6}-\d{2})\b[^.;\n]{0,60}?"
                          r"\bpreceded)\s+(?:(?:on|in)\s+[^.;\n]{3,30}?\s+)?by\s+(?:an?\s+|the\s+)?"
                          r"(?:(?:first|second|third|\d{1,2}(?:st|nd|rd|th))\s+)?\Z")


#: a meeting whose outcome the one told of considers: 'TSAG considered the outcomes of the Regional Consultation for
#: Africa, held in Nairobi on 3 March': its words are its own, the text goes on about TSAG's meeting
_REPORTED_ON = re.compile(r"\b(?:outcomes?|results?|reports?|conclusions?|outputs?|findings|summary|communiqu[ée]s?|"
                          rf"declarations?|minutes)\s+of\s+(?:the\s+)?(?:(?:{ORDINAL_PATTERN})\s+)?\Z", re.IGNORECASE)


#: a document header's field: 'Source: TSB', 'Contact: Mr A', 'Tel: +41 ...'
_HEADER_FIELD = re.compile(r"(?im)^[ \t]*(?:source|contact|tel(?:ephone)?|fax|e-?mail|title|purpose|question\(s\))[ \t]*:")


def _told_in_passing(text: str, a: Anchor, last: _Bound, anchors: list[Anchor]) -> bool:
    """'This GSS comes at a time of change. Yesterday, our CTOs met here and asked ...': a meeting told of inside a
    paragraph about the one a heading opened (not at the paragraph's start, nor with a heading of its own) is said in
    passing; its sentence is its own, the text goes on about the other."""
    paragraph = text.rfind("\n", 0, a.window[0]) + 1
    opened_by_heading = any(o.heading and o.opening and o.meeting_key == last.key for o in anchors)
    # ('The text builds on drafting carried out at an interim rapporteur group meeting in Seoul, 10-12 April': the
    # meeting where something else was done, told inside a paragraph about other things)
    where_done = _AT_A_MEETING.search(text, a.window[0], a.name_span[0]) is not None and a.window[0] < a.name_span[0] - 30
    # (not when the next sentence goes on about it: '... was held in New Delhi on 14 October. It was chaired by ...')
    return (opened_by_heading or where_done) and not a.heading and bool(text[paragraph:a.window[0]].strip()) \
        and paragraph > last.window[1] and not _SAID_AGAIN.match(text, a.window[1])


#: a meeting named as where something was done: '... carried out at an interim meeting', 'agreed during the'
_AT_A_MEETING = re.compile(r"[ \t]\b(?:at|during)[ \t]+(?:an?|the)[ \t]+(?:[\w-]+[ \t]+){0,3}\Z")


def _named_beside(text: str, said: list[Anchor]) -> bool:
    """Whether a meeting is named only as what precedes or follows another ('The meeting will be preceded by a
    workshop on 8 September')."""
    return bool(said) and all(_PRECEDED_BY.match(text, a.window[0], a.name_span[0]) for a in said)


#: a paragraph's number before its first sentence: '1.3 ', '(b) ' (or nothing)
_NUMBERED_START = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.?|\(?[a-z]\))?[ \t]*")


def _regions(text: str, anchors: list[Anchor], meetings: dict[tuple, Meeting]) -> dict[tuple, list[tuple[int, int]]]:
    """Text ranges owned by each meeting: from an opening anchor to the next opening anchor of another meeting."""
    opening = [a for a in anchors if a.opening and a.meeting_key in meetings]
    regions: dict[tuple, list[tuple[int, int]]] = {}
    if not opening:
        # one meeting without an opening sentence: the whole text is its region; so too the one meeting dated by its
        # days among others named with a year at most ('... which will be held in Hyderabad in November 2020')
        days = [k for k, m in meetings.items() if m.start is not None and m.precision == "day" and not _named_beside(
            text, [a for a in anchors if a.meeting_key == k])]
        # (not 'The meeting will be preceded by a workshop on 8 September': named beside the one announced)
        if len(meetings) == 1 or len(days) == 1:
            regions[next(iter(meetings)) if len(meetings) == 1 else days[0]] = [(0, len(text))]
        return _before_page_furniture(text, regions, anchors)
    bounds: list[_Bound] = []  # where each meeting's text starts
    inner: list[tuple[int, int]] = []  # the sentences of sessions held during another meeting: theirs alone
    last_window = None  # the sentence of the last opening anchor
    for a in opening:
        key = a.meeting_key
        assert key is not None  # `opening` holds anchors of the meetings found
        start = _heading_over(text, text.rfind("\n", 0, a.window[0]) + 1)
        if bounds and start < bounds[-1].window[1] <= a.window[0]:
            start = a.window[0]  # a second meeting opened in the paragraph of the first: its text starts with its sentence
        if bounds and _PREPARED_FOR.search(_said_before(text, a)):
            start = a.name_span[0]  # '... discussed X, in preparation for WTSA-20, which opened ...': what comes before is not its
        # named in passing in the sentence that opened the last meeting, or in one whose subject is that meeting
        # said again ('The workshop was held back-to-back with the meeting of FG-X, 8-10 June')
        again = _SAID_AGAIN_NAMED.match(text, a.window[0], a.name_span[0]) if bounds else None
        alongside = (a.window == last_window or (bounds and _SAID_AGAIN.match(text, a.window[0], a.name_span[0]))
                     or (again is not None and all(w in meetings[bounds[-1].key].name.lower().split()
                                                   for w in again.group("what").lower().split()))) \
            and _IN_PASSING.search(_said_before(text, a))
        last_window = a.window
        if bounds and bounds[-1].key == key:
            continue
        if alongside:
            continue  # 'held on the eve of WTSA-16, which took place ...': named in passing, the text goes on about this one
        if bounds and (_held_within(meetings[key], meetings[bounds[-1].key]) or _told_in_passing(text, a, bounds[-1], anchors)):
            # 'TSAG RG-StdsStrat met on 13 January' in the report of the TSAG meeting of 13-17 January: a session of
            # the week reported; its sentence is its own, the text goes on about the meeting reported
            regions.setdefault(key, []).append(a.window)
            inner.append(a.window)
            continue
        # ('1.3 The meeting built on the outcomes of the Second Preparatory Meeting (Abuja, ...) and prepared proposals
        # for WTSA-32, to be held in ...': a sentence whose subject is the meeting told of names others in passing)
        numbered = _NUMBERED_START.match(text, a.window[0])
        about_it = _THE_MEETING_SUBJECT.match(text, numbered.end() if numbered else a.window[0], a.name_span[0])
        if bounds and (_PRECEDED_BY.match(text, a.window[0], a.name_span[0])
                       or _REPORTED_ON.search(text, a.window[0], a.name_span[0])
                       and not any(o is not a and o.window == a.window for o in opening) or about_it):
            # 'The meeting will be preceded by an ITU Workshop on X on 15 June': the words from the workshop's name
            # on are its own, the text goes on about the meeting it precedes
            # (up to the next meeting its sentence names: '..., and was followed by a CTO roundtable on 17 August')
            part_end = min([o.name_span[0] for o in anchors if a.name_span[1] <= o.name_span[0] < a.window[1]] + [a.window[1]])
            regions.setdefault(key, []).append((a.name_span[0], part_end))
            inner.append((a.name_span[0], part_end))
            continue
        if bounds and _placed_beside(text, a, anchors, bounds[-1].key):
            # 'The Inter-regional Meeting was also held on 6 January before the TSAG meeting' in TSAG's report: a
            # meeting dated by the one reported; its sentence is its own, the text goes on about the meeting reported
            regions.setdefault(key, []).append(a.window)
            continue
        if bounds and bounds[-1].window == a.window and a.heading and bounds[-1].part_end is None:
            # a heading that names two meetings ('Regional Forum for Africa and meeting of SG5RG-AFR') over the
            # text about the first: the second owns its words of the heading, the text goes on about the first
            regions.setdefault(key, []).append((a.name_span[0], a.name_span[1]))
            inner.append((a.name_span[0], a.name_span[1]))
            continue
        if bounds and bounds[-1].window == a.window:
            # two (or more) meetings opened in one sentence ('reviewed the CTO meeting held ... and the
            # consultation held ...'): each owns its part of the sentence, and the text after it belongs to none
            prev = bounds[-1]
            bounds[-1] = prev._replace(part_end=a.name_span[0])
            bounds.append(_Bound(key, a.name_span[0], a.window, prev.window[1]))
            continue
        bounds.append(_Bound(key, start, a.window))
    for i, b in enumerate(bounds):
        end = bounds[i + 1].start if i + 1 < len(bounds) else len(text)
        if b.part_end is not None:
            end = min(end, b.part_end) if i + 1 < len(bounds) and bounds[i + 1].part_end is not None \
                and bounds[i + 1].window == b.window else b.part_end
        # the first meeting's text starts with the document when nothing before it names a meeting (a speech's title
        # lines: 'Opening remarks' over 'Mr A, Director, TSB' over the symposium's heading)
        # ('This is how the ITU's CTO meetings tend to work': the series in the plural names no meeting before it)
        first = i == 0 and (len(meetings) == 1 or not any(o.name_span[0] < b.start and not _plural(text, o.name_span[1])
                                                          for o in anchors)
                            and not _HEADER_FIELD.search(text, 0, b.start))  # (not a TD's 'Contact: Mr A, TSB' lines)
        spans = [(0 if first else b.start, end)]
        for ws, we in inner:  # 'On the margins, a CTO roundtable on 5 December brought together A and B': not the outer's
            if (ws, we) == b.window:
                continue  # the sentence that opens this meeting too stays its own
            spans = [part for a, z in spans for part in ((a, min(z, ws)), (max(a, we), z)) if part[0] < part[1]]
        regions.setdefault(b.key, []).extend(spans)
    return _before_page_furniture(text, _annex_of_participants(text, regions), anchors)


#: the heading of a report's annex of participants: 'Annex A - List of participants', 'ANNEX 2: PARTICIPANTS'
_PARTICIPANTS_ANNEX = re.compile(r"(?im)^[ \t]*(?:annex|appendix|attachment)\b[^\n]{0,12}?[ \t]*[-–—:.]?[ \t]*"
                                 r"(?:list\s+of\s+)?(?:participants|attendees|delegates)\b[^\n]{0,60}$")


def _annex_of_participants(text: str, regions: dict[tuple, list[tuple[int, int]]]) -> dict[tuple, list[tuple[int, int]]]:
    """A report's annex of participants lists who took part in the meeting reported (the one whose text before it is
    the longest), not in the next meeting its last section announces ('6 Future meetings' over the annex)."""
    annex = _PARTICIPANTS_ANNEX.search(text)
    if annex is None or len(regions) < 2:
        return regions
    a = annex.start()
    before = {k: sum(min(z, a) - s for s, z in spans if s < a) for k, spans in regions.items()}
    principal = max(before, key=lambda k: before[k])
    end = next((s for k, spans in regions.items() if k != principal for s, z in spans if s > a), len(text))
    out: dict[tuple, list[tuple[int, int]]] = {}
    for k, spans in regions.items():
        parts = [part for s, z in spans for part in ((s, min(z, a)), (max(s, end), z)) if part[0] < part[1]]
        if k == principal:
            parts.append((a, end))
        if parts:
            out[k] = sorted(parts)
    return out


#: a web page's furniture after its article: 'Related Articles', 'Share on Facebook', 'Copyright © 2017', 'Tags:'
_FURNITURE = re.compile(r"(?mi)^[ \t]*(?:related\s+(?:articles|news|posts|stories|content|links|items)|read\s+more\b|"
                        r"see\s+also\b|you\s+may\s+also\s+like|more\s+news\b|other\s+news\b|share\s+(?:this|on|button)\b|"
                        r"tags?\s*:|copyright\b|©|back\s+to\s+top\b|previous\s+(?:article|post)\b|next\s+(?:article|post)\b|"
                        # a press release's closing blocks: whom to call, what ITU is ('About ITU')
                        # (whom to call as a block: 'contact:' over its lines, or a last paragraph; a contact line
                        # amid the story does not end it)
                        r"(?:for\s+(?:more|further)\s+information\b(?:[^\n]{0,40}?\bcontact|[ \t]*:[ \t]*$(?=\s*(?:(?:Mr|Ms|Mrs|Dr)\.?[ \t]|[A-Z][\w'’-]+[ \t]+[A-Z][\w'’-]+,|[^\n]*(?:Tel|Phone|E-?mail|@|\+\d))))|"
                        r"(?:press|media)\s+contacts?\b)"
                        r"(?=[^\n]*:[ \t]*\n|[ \t]*\n|[^\n]*\s*\Z)|"
                        r"about\s+(?:ITU|the\s+International\s+Telecommunication\s+Union)[ \t]*$)")


def _before_page_furniture(text: str, regions: dict[tuple, list[tuple[int, int]]],
                           anchors: list[Anchor]) -> dict[tuple, list[tuple[int, int]]]:
    """Each region ends where the page's furniture after the article starts (after the meeting is first named: a
    menu may come before it): the headlines of related articles name other events' topics and bodies."""
    out: dict[tuple, list[tuple[int, int]]] = {}
    for key, spans in regions.items():
        named = min((a.name_span[1] for a in anchors if a.meeting_key == key), default=0)
        kept = []
        for s, e in spans:
            f = _furniture_at(text, max(s, named), e)
            kept.append((s, f) if f is not None and f > s else (s, e))
        out[key] = kept
    return out


def _outside_furniture(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """The meetings named before the page's furniture after the article: a 'Related stories' list names other
    items' meetings ('Seoul to host ITU-T SG13 meeting (12 Sep 2016)'), none of this text's."""
    if not anchors:
        return anchors
    first = min(a.name_span[1] for a in anchors)
    cut = _RELATED_LIST.search(text, first)
    return anchors if cut is None else [a for a in anchors if a.name_span[0] < cut.start()]


#: a heading over a list of other items of the site: 'Related stories', 'You may also like', 'More news'
_RELATED_LIST = re.compile(r"(?mi)^[ \t]*(?:related(?:\s+(?:articles|news|posts|stories|content|links|items|events))?|you\s+may\s+"
                           r"also\s+like|(?:more|other|latest|recent)\s+(?:news|stories|posts|articles)|noticias\s+relacionadas)"
                           r"[ \t]*:?[ \t]*$")


#: a share bar ('Share on: Facebook Twitter', 'Share this article'): furniture wherever it is, and the story may go on
_SHARE_BAR = re.compile(r"(?i)share\s+(?:this|on|button)\b")
#: prose: a line of a paragraph, with a sentence's end in it
_PROSE_LINE = re.compile(r"(?m)^[^\n]{40,}?[.!?](?:\s|$)")


def _furniture_at(text: str, start: int, end: int) -> int | None:
    """Where the page's furniture after the article starts in text[start:end], or None. A share bar under the byline
    (before any prose since the meeting's first naming, at `start`) ends nothing when the story's prose follows it."""
    pos = start
    while (f := _FURNITURE.search(text, pos, end)) is not None:
        if _SHARE_BAR.match(text, f.start() + len(f.group()) - len(f.group().lstrip())) and not _PROSE_LINE.search(text, start, f.start()) \
                and _PROSE_LINE.search(text, f.end(), min(end, f.end() + 800)):  # (a share bar over the story, not after it)
            pos = f.end()
            continue
        return f.start()
    return None


#: a sentence whose subject is the meeting just reported, said again: 'The workshop was ...', 'It was ...'
_SAID_AGAIN = re.compile(r"\s*(?:The|This|It)\b(?:[ \t]+[a-z][\w-]*)?[ \t]+(?:was|were|is|has|had|will|took|takes)\b")
#: 'The CxO meeting, held on the sidelines of the Example Summit (...), brought together ...': the last meeting named
#: again by the words of its name (not 'The regional economic forum, held on the sidelines of ...')
_SAID_AGAIN_NAMED = re.compile(r"\s*(?:The|This)[ \t]+(?:(?:one|two|three|four|five|half|full|\d+)-day[ \t]+)?"  # ('The one-day symposium')
                               r"(?P<what>(?:[\w-]+[ \t]+){0,2}?(?:meeting|round\s?table|consultation|session|assembly|"
                               r"symposium|forum|summit|workshop)),[ \t]+(?:held|which|convened|organi[sz]ed|hosted)\b")


def _heading_over(text: str, line_start: int) -> int:
    """Where a paragraph's text starts, with the heading line right over it ('SG13 concludes meeting in Geneva' over
    'ITU-T Study Group 13 met ...'): a short line without a full stop, after a blank line or the text's start."""
    if line_start < 2 or text[line_start - 2] == "\n":
        return line_start  # the paragraph's first line has no heading right over it
    prev = text.rfind("\n", 0, line_start - 1) + 1
    heading = text[prev:line_start - 1].strip()
    if heading and len(heading) < 100 and heading[-1] not in ".:;,!?" and (prev < 2 or text[prev - 2] == "\n"):
        return prev
    return line_start


def _placed_beside(text: str, a: Anchor, anchors: list[Anchor], key: tuple) -> bool:
    """Whether a's sentence names the meeting of `key` in passing ('before the TSAG meeting', 'on the eve of the
    assembly'): a's meeting is told by its relation to that one."""
    return any(x is not a and x.window == a.window and not x.opening
               and (x.meeting_key == key or (x.meeting_key is None and x.kind.group == key[0]))
               and _IN_PASSING.search(_said_before(text, x)) for x in anchors)


def _place_from_outer(meetings: list[Meeting]) -> None:
    """A session held during a longer meeting the text reports ('TSAG RG-StdsStrat met on 13 January' in the report of
    TSAG in Geneva, 13-17 January) was held where that meeting was, unless the text places it itself."""
    for inner in meetings:
        if inner.place is not None or inner.country is not None or inner.attendance is not None:
            continue
        outer = next((o for o in meetings if o is not inner and _held_within(inner, o) and o.place is not None), None)
        if outer is not None:
            inner.place, inner.country, inner.country_from_reference = outer.place, outer.country, outer.country_from_reference


def _place_from_same_venue(ref: Reference, text: str, meetings: dict[tuple, Meeting], anchors: list[Anchor]) -> None:
    """A meeting its sentence says was held 'at the same venue' (not 'the same venue as WTSA-24', which the text
    does not place) was held where the meeting its paragraph named before it was, else the one the text reports
    (the first it opens): 'On the eve of the meeting, the forum was organised at the same venue'."""
    opened = sorted((a.name_span[0], a.meeting_key) for a in anchors if a.opening and a.meeting_key in meetings)
    for a in anchors:
        m = meetings.get(a.meeting_key) if a.meeting_key else None
        if m is None or (m.place is not None and m.place.kind != "Country") or m.attendance is not None:
            continue  # (a country alone, as 'the Ministry ... of the Republic of Korea' gives, says less than the venue)
        same = _SAME_PLACE.search(text, *a.window)
        if same is None or same.group("as"):
            continue
        # the meeting its paragraph named before it ('The forum was followed by a meeting of SG3RG-AFR at the same
        # venue'), else the one the text reports, unless the paragraph placed something else before it
        para = max(text.rfind("\n\n", 0, a.name_span[0]) + 2, 0)
        here = [meetings[k] for at, k in opened if para <= at < a.name_span[0] and k != a.meeting_key and meetings[k].place]
        there = here[-1] if here else next((meetings[k] for _, k in opened if k != a.meeting_key and meetings[k].place), None)
        said = find_place(ref, text, para, a.name_span[0]) if not here and there is not None else None
        if said is not None and there is not None and there.place is not None and said[0].iri != there.place.iri \
                and (there.country is None or said[0].iri != there.country.iri):
            continue  # ('... gathered in Kigali for the forum. It was followed by a meeting at the same venue')
        if there is not None and (m.country is None or there.country is None or there.country.iri == m.country.iri):
            m.place, m.country, m.country_from_reference = there.place, there.country, there.country_from_reference


#: a headline's place: 'CTOs group meets in Tokyo', 'Examcom at ITU meeting in Busan'
_HEADLINE_PLACE = re.compile(r"\b(?:in|at)\s+(?=[A-Z])")


def _city_from_dateline(ref: Reference, text: str, meetings: list[Meeting], datelines: list[DateMention],
                        dates: list[DateMention]) -> None:
    """A meeting placed only by its country ('at the Oman Convention and Exhibition Centre') was held in the city the
    item's dateline names in that country ('Muscat, 8 March 2023'), when it is the text's one dated meeting there and
    the dateline's day is near its days."""
    # the dateline, or a line that is a place and a day alone under the headline ('Muscat, 8 March 2023')
    lines = [d for d in datelines + [d for d in dates if d.span_start < 800 and d.start == d.end]
             if _PRESS_DATELINE.match(text[text.rfind("\n", 0, d.span_start) + 1:d.span_start])
             and re.match(r"[ \t]*(?:$|\n|[–—-])", text[d.span_end:])]
    if not lines:
        return
    d = lines[0]
    found = find_place(ref, text, text.rfind("\n", 0, d.span_start) + 1, d.span_start)
    if found is None:
        return
    city, country, from_reference = found
    if city.kind == "Country" or country is None:
        return
    in_country = [m for m in meetings if m.start is not None and m.place is not None and m.place.kind == "Country"
                  and m.place.iri == country.iri]
    if len(in_country) == 1 and (start := in_country[0].start) is not None and abs((start - d.start).days) <= 31:
        m = in_country[0]  # (a dateline of its days)
        if m.country is None:
            m.country, m.country_from_reference = country, from_reference
        m.place = city


def _place_from_headline(ref: Reference, text: str, meetings: list[Meeting], avoid=()) -> None:
    """A news item whose one dated meeting its prose does not place ('More than 20 CTOs met on Wednesday') was held
    where its headline says ('ITU's CTO group meets in Tokyo'): the first line that is no sentence."""
    dated = [m for m in meetings if m.start is not None]
    if len(dated) != 1 or dated[0].place or dated[0].country or dated[0].attendance:
        return
    for line in re.finditer(r"[^\n]+", text[:600]):
        s, e = line.span()
        if any(a <= s < b for a, b in avoid):
            continue  # the dateline
        said = line.group().strip()
        if said.endswith((".", ";", ":")) or len(said) > 120 or not _HEADLINE_PLACE.search(said):
            return  # the first line of prose: no headline over it
        at = _HEADLINE_PLACE.search(text, s, e)
        place = find_place(ref, text, at.end(), e) if at else None
        if place is not None:
            dated[0].place, dated[0].country, dated[0].country_from_reference = place
        return


#: a TD's number names the body it was issued to: 'TSAG-TD245', 'SG13-TD123', 'T22-TSAG-221212-TD-GEN-0011'
_TD_NUMBER = re.compile(r"(?m)^[ \t]*(?:T\d{2}-)?(?P<body>TSAG|SG ?(?P<sg>\d{1,2}))-(?:\d{6}-)?TD(?=\d|\b)[-\w/. ]*$")
#: the place before a TD header's dates: 'Geneva, 30 May - 2 June 2023' (after other fields on its line, tab-separated)
_HEADER_PLACE = re.compile(r"(?:^|\t|\s{3,})[ \t]*(?P<place>[A-Z][\w .'’-]{1,40}?)[ \t]*,[ \t]*$")


def _meeting_a_td_is_for(ref: Reference, text: str, meetings: list[Meeting], dates: list[DateMention]) -> Meeting | None:
    """The meeting a TD was issued for: its number names the body ('TSAG-TD245'), its header the place and days
    ('Geneva, 30 May - 2 June 2023'). A report of a rapporteur group that met on one of those days is a TD of that
    TSAG meeting, which the text names nowhere else; kept unless a meeting of that kind already starts that day."""
    number = _TD_NUMBER.search(text, 0, 1500)
    if number is None:
        return None
    for d in dates:
        if d.span_start > number.end() + 1500:
            return None
        line_start = text.rfind("\n", 0, d.span_start) + 1
        said = _HEADER_PLACE.search(text, line_start, d.span_start)
        if said is None or d.precision != "day":
            continue
        place = find_place(ref, text, *said.span("place"))
        if place is None:
            continue
        sg = number.group("sg")
        kind = "StudyGroupMeeting" if sg else "TSAGMeeting"
        if any(m.kind == kind and m.start == d.start for m in meetings):
            return None
        m = Meeting(kind=kind, name=f"ITU-T Study Group {int(sg)} meeting" if sg else "TSAG meeting",
                    name_span=Span.of(text, *number.span("body")), start=d.start, end=d.end,
                    date_span=Span.of(text, d.span_start, d.span_end))
        m.place, m.country, m.country_from_reference = place
        if not sg:
            iri = str(iris.series("tsag-meeting"))
            m.series = Ref("MeetingSeries", ref.labels.get(iri, "tsag-meeting"), Span.of(text, *number.span("body")), iri)
        return m
    return None


def _held_within(inner: Meeting, outer: Meeting) -> bool:
    """A meeting of another kind held on days of a longer meeting already reported (a rapporteur group during TSAG)."""
    if inner.kind == outer.kind or None in (inner.start, outer.start, outer.end) or outer.start == outer.end:
        return False
    assert inner.start is not None and outer.start is not None and outer.end is not None
    return outer.start <= inner.start and (inner.end or inner.start) <= outer.end and (inner.start, inner.end) != (
        outer.start, outer.end)


#: a sentence whose subject is the meeting itself: 'The meeting, held on ...', "This year's edition was ..."
_THE_MEETING_SUBJECT = re.compile(r"[ \t\n]*(?:The|This|This[ \t]+year['’]s)[ \t]+(?:meeting|session|event|consultation|"
                                  r"workshop|assembly|round\s?table|forum|gathering|edition)\b")
#: a sentence about the meeting a region is of: 'The meeting was held ...', 'It took place ...', 'The session was ...'
_SAID_OF_IT = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\d\s))(?:The|This)\s+(?:meeting|session|event|consultation|"
                         r"workshop|assembly|roundtable|forum)\s+(?:was|were|is)\b|(?:(?<=[.!?]\s)|(?<=\n))It\s+was\s+"
                         r"(?:held|conducted|organi[sz]ed)\b", re.MULTILINE)


#: a sentence about how people took part: 'Over 70 participants attended in person and online'
_ATTENDED = re.compile(r"\b(?:attended|participated|took\s+part|joined)\b")


#: 'TSAG, meeting in Geneva under ...', 'SG13, which met in Seoul, ...': the body says where it met
_BODY_MEETING_IN = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<body>[A-Z][\w/-]*(?:[ \t]+[A-Z0-9][\w/-]*){0,3}),\s+"
                              r"(?:which\s+met|meeting|gathered|gathering)\s+(?:\w+\s+)?in\s+(?=[A-Z])")
#: the opening of a sentence that says where the meeting was: 'The meeting was held in', 'This session took place at'
_HELD_OPENING = re.compile(r"(?:The|This|Its)\s+(?:[\w-]+\s+){0,2}?(?P<noun>(?i:meeting|session|event|assembly|conference|"
                           r"consultation|symposium|forum|summit|workshop))(?:\s*,[^,.;\n]{1,80},)?"  # (', organized by X,')
                           r"\s+(?:(?:was|were|is)\s+(?:\w+ly\s+)?"
                           r"(?:held|convened|hosted|organi[sz]ed)|took\s+place|met|convened)"
                           r"(?:\s+on\s+(?:\w+,?\s+){1,4}?\d{4},?)?"  # ('took place on 17 April 2034 in Montréal')
                           r"\s+(?:in|at)\s+(?=(?:the\s+)?[A-Z])")
#: a speaker at a meeting saying where it is: 'for us here in Kuala Lumpur'
_HERE_IN = re.compile(r"\bhere\s+in\s+(?=[A-Z])")
#: what makes a sentence about a meeting another one's: 'The next meeting will be held in ...'
_OTHER_MEETING = re.compile(r"\b(?:next|previous|last|past|upcoming|forthcoming|following)\b|\b(?:first|second|third)\s+"
                            r"(?:[\w-]+\s+){0,2}?(?:meeting|session|edition|consultation|assembly|symposium|forum|workshop|"
                            r"gathering|summit|one)s?\b", re.I)  # (not 'on the very first morning')


def _place_said_of_it(ref: Reference, text: str, m: Meeting, start: int, end: int) -> None:
    """A meeting named without its place, then a sentence about it that says where it was: 'The meeting was held in
    Geneva', 'TSAG, meeting in Geneva under the chairmanship of ...', or a speech at it: '... the arrangements they
    have made for us here in Kuala Lumpur'."""
    said = [(x.start(), x.end(), x.group("noun")) for x in _HELD_OPENING.finditer(text, start, end)] + \
           [(x.start(), x.end(), None) for x in _BODY_MEETING_IN.finditer(text, start, end)
            if re.search(rf"(?<![\w/-]){re.escape(x.group('body'))}(?![\w/-])", m.name)] + \
           [(x.start(), x.end(), "meeting") for x in _HERE_IN.finditer(text, start, end)]
    for at, where, noun in sorted(said):
        s, e = sentence_at(text, at)
        if _OTHER_MEETING.search(text, s, min(e, s + 40)) or _NEXT_MEETING.search(text, s, e):
            continue
        years = {int(y) for y in re.findall(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])", text[s:e])}
        if m.start is not None and years - {m.start.year, (m.end or m.start).year}:
            continue  # 'The 2023 meeting was held in Kigali': another edition
        if noun and noun.lower() not in ("meeting", "session") and noun.lower() not in m.name.lower():
            continue  # 'The forum was held in Nairobi' in the text of a CTO meeting: another event
        clause = re.search(r";|\s(?:who|that|which|after|before|while|when|where)\s", text[at:min(e, end)])
        stop = at + clause.start() if clause else min(e, end)
        if where > stop or noun is None and re.search(r"\b(?:again|will|next|later|previous|last)\b", text[at:stop]):
            continue  # 'SG13, meeting in Seoul again in July, will consider ...': another meeting of that body
        # (from the word before the place: 'in Windhoek' says a town is a place, 'Windhoek' alone may not)
        word_before = re.search(r"\S*\s*\Z", text[at:where])
        place = find_place(ref, text, where - len(word_before.group() if word_before else ""), min(stop, where + 80))
        if place is not None:
            m.place, m.country, m.country_from_reference = place
            return


#: the words before where a meeting was: 'was held in', 'took place at', 'meeting in'
#: ' in ' before a capitalised name (a place's)
_IN_NAME = re.compile(r"[ \t]+in[ \t]+(?=[A-Z])")
_IN_PLACE = re.compile(r"\b(?:(?:held|took\s+place|convened|met|gathered|hosted|organi[sz]ed)\s+(?:[\w-]+\s+){0,2}?|"
                       r"meeting\s+)(?:in|at)\s+(?=(?:the\s+)?[A-Z])")


def _read_region(ref: Reference, text: str, m: Meeting, regions: list[tuple[int, int]], headers, datelines=()) -> None:
    """What a meeting's text says of it. `datelines`: the spans of the text's press datelines, whose city placed the
    meeting only for want of a better place ('ACCRA, May 20 -- ... The meeting took place in Lomé' was in Lomé)."""
    topic_cache: dict[tuple[int, int], list[Ref]] = {}

    def topics_in(s: int, e: int) -> list[Ref]:
        if (s, e) not in topic_cache:
            found = []
            for x in ref.find(text, None, s, e):
                if _in_logistics(text, x.start):
                    continue  # 'Remote participation will be available': how to take part, not a subject
                t = x.of_kind({"Topic"})
                if t:
                    found.append(Ref("Topic", t.label, Span.of(text, x.start, x.end), t.iri))
                    found.extend(_nested_topics(ref, text, x.start, x.end, t.iri))
                elif x.of_kind(ref.group_kinds):
                    # 'Focus Group on AI for autonomous and assisted driving': a group's name says what it works on
                    for y in ref.find(text, {"Topic"}, x.start, x.end):
                        found.append(Ref("Topic", y.entry.label, Span.of(text, y.start, y.end), y.entry.iri))
                        found.extend(_nested_topics(ref, text, y.start, y.end, y.entry.iri))
            topic_cache[(s, e)] = found
        return topic_cache[(s, e)]

    for start, end in regions:
        from_dateline = m.place is not None and any(a <= m.place.span.start < b for a, b in datelines)
        if (m.place is None or from_dateline) and (m.attendance is None or m.attendance[0] != "online"):
            _place_said_of_it(ref, text, m, start, end)
        if m.attendance is None:
            # 'The meeting was held fully virtually.' after the sentence that names it: how it was held; 'Over 70
            # chairs attended in person and online': both ways (a place it has stays: 'online' only without one)
            # ('Several delegates attended remotely' says how some took part, not that the meeting was online)
            said = sorted([(x.start(), True) for x in _SAID_OF_IT.finditer(text, start, end)]
                          + [(x.start(), False) for x in _ATTENDED.finditer(text, start, end)])
            for at, of_the_meeting in said:
                sentence_start, sentence_end = sentence_at(text, at)
                mode = attendance(text, sentence_start, min(sentence_end, end))
                wholly = mode is not None and of_the_meeting and mode[0] == "online" and \
                    re.search(r"(?i)\b(?:fully|entirely|completely|wholly)\b", text[mode[1]:mode[2]]) is not None
                if mode is not None and (mode[0] == "mixed" or (m.place is None or wholly) and of_the_meeting):
                    m.attendance = (mode[0], Span.of(text, mode[1], mode[2]))
                    if wholly:  # 'The consultation ... was held entirely online': the town of its first sentence
                        m.place = m.country = None  # is where someone joined from ('from my living room in Campinas')
                        m.country_from_reference = False
                    break
        lists = find_participant_lists(ref, text, start, end)
        for pl in lists:
            m.participations.extend(pl.participations)
            m.groups_represented.extend(pl.groups)
        list_spans = [(pl.span.start, pl.span.end) for pl in lists]
        if m.host is None:
            hosts = find_hosts(ref, text, start, end, m.start.year if m.start else None,
                               m.name + " " + " ".join(_KIND_NOUNS.get(m.kind, ())))
            if hosts:
                m.host, m.co_hosts = hosts[0], hosts[1:]
        m.people.extend(find_people(ref, text, start, end))
        m.groups_mentioned.extend(g for g in find_groups(ref, text, start, end)
                                  if not any(a <= g.span.start < b for a, b in list_spans))
        for x in ref.find(text, {"Organization"}, start, end):
            if not any(a <= x.start < b for a, b in list_spans):
                e = x.entry  # find() keeps only the entries of the kinds asked for: of_kind({"Organization"})
                m.organizations_mentioned.append(Ref("Organization", e.label, Span.of(text, x.start, x.end), e.iri))
        m.topics.extend(topics_in(start, end))
        m.group_actions.extend(find_group_actions(ref, text, start, end, topics_in))
        _counts(text, m, start, end)
        _links(text, m, start, end)
        for ev in _events(ref, text, start, end):
            sentence_start = sentence_at(text, ev.span.start)[0]
            if m.co_located is None and (_THE_MEETING_SUBJECT.match(text, sentence_start, ev.span.start) or
                                         _co_located_field(text, sentence_start, ev.span.start)) and \
                    _CO_LOCATION.search(text[max(sentence_start, ev.span.start - 40):ev.span.start]) and \
                    (ev.year is None or m.start is None or ev.year == m.start.year):
                # 'The meeting, held on 5 October at Palexpo on the opening day of ITU Telecom World 2009, ...'
                m.co_located = EventMention(ev.series, ev.year or (m.start.year if m.start else None), ev.span,
                                            ev.start, ev.end)
                continue
            if ev.year and not (m.co_located and (m.co_located.span.start == ev.span.start or
                                                  (m.co_located.series.iri, m.co_located.year) == (ev.series.iri, ev.year))) and \
                    not any((e.series.iri, e.year) == (ev.series.iri, ev.year) for e in m.events_mentioned):
                m.events_mentioned.append(ev)
        items = find_items(text, start, end, skip=headers)
        for i, item in enumerate(items):
            body_end = items[i + 1].span.start if i + 1 < len(items) else end
            item.topics = _unique(topics_in(item.span.start, body_end))
        m.items.extend(items)
    for position, item in enumerate(m.items, 1):  # one numbering across all of the meeting's regions
        item.position = position
    _coordinating_organizations(ref, text, m)
    m.topics = _unique(m.topics)


@lru_cache(maxsize=1)
def _logistics_cues() -> re.Pattern:
    return re.compile("|".join(f"(?:{x})" for x in sorted(word_list("logistics-cues.txt"))), re.IGNORECASE)


def _in_logistics(text: str, at: int) -> bool:
    """Whether the sentence at `at` says how to take part in a meeting (ontology/reference/logistics-cues.txt)."""
    s, e = sentence_at(text, at)
    return _logistics_cues().search(text, s, e) is not None and _DISCUSSES.search(text, s, e) is None


#: a sentence that says what a meeting is about ('This workshop, which is open to the public, will address X')
_DISCUSSES = re.compile(r"\b(?:address|discuss|focus|cover|examine|consider|explore|review|showcase|debate)\w*\b|"
                        r"\b(?:sessions?|panels?|talks?|presentations?|keynotes?|demos?|demonstrations?)\s+on\b|\b(?:featur|tackl)\w*\b", re.I)


def _nested_topics(ref: Reference, text: str, s: int, e: int, outer: str) -> list[Ref]:
    """Topics named inside a longer topic label that its hierarchy does not already imply:
    '5G network slicing' is also about 5G; 'application security' adds nothing ('security' is broader)."""
    from ..reference import tokens
    toks = tokens(text[s:e])
    if len(toks) < 2:
        return []
    implied = _ancestors(ref, outer)
    out, i = [], 0
    while i < len(toks):
        for j in range(len(toks), i, -1):
            if (i, j) == (0, len(toks)):
                continue
            a, b = s + toks[i][1], s + toks[j - 1][2]
            entry = ref.lookup(text[a:b], {"Topic"})
            if entry is not None:
                if entry.iri != outer and entry.iri not in implied:
                    out.append(Ref("Topic", entry.label, Span.of(text, a, b), entry.iri))
                i = j - 1
                break
        i += 1
    return out


@lru_cache(maxsize=4096)
def _ancestors_cached(ref_id: int, iri: str) -> frozenset:
    from rdflib import URIRef
    from rdflib.namespace import SKOS
    from rdflib.term import Node
    ref = _REFS[ref_id]
    seen: set[str] = set()
    todo: list[Node] = [URIRef(iri)]
    while todo:
        for b in ref.graph.objects(todo.pop(), SKOS.broader):
            if str(b) not in seen:
                seen.add(str(b))
                todo.append(b)
    return frozenset(seen)


_REFS: dict[int, Reference] = {}


def _ancestors(ref: Reference, iri: str) -> frozenset:
    _REFS[id(ref.base)] = ref.base  # per-document overlays share their base's topic hierarchy
    return _ancestors_cached(id(ref.base), iri)


def _unique(refs: list[Ref]) -> list[Ref]:
    seen, out = set(), []
    for r in refs:
        if r.iri not in seen:
            seen.add(r.iri)
            out.append(r)
    return out


def _coordinating_organizations(ref: Reference, text: str, m: Meeting) -> None:
    """'work coordinated with ... organizations including MEF, ONF, 3GPP': attach those to the group action."""
    for i, action in enumerate(m.group_actions):
        mm = re.search(r"(?:organi[sz]ations|bodies|fora|SDOs)\s+(?:including|such\s+as)\s*,?\s*(?:for\s+example\s*,?\s*)?",
                       action.text)
        if not mm:
            continue
        s = action.span.start + mm.end()
        e = action.span.end
        names = re.split(r",\s*(?:and\s+)?|\s+and\s+", text[s:e].rstrip(". "))
        orgs, pos = [], s
        for name in names:
            idx = text.find(name, pos, e)
            if idx < 0 or not name.strip():
                continue
            pos = idx + len(name)
            o = organization_ref(ref, text, idx, idx + len(name))
            if o:
                orgs.append(o)
        if orgs:
            m.group_actions[i] = replace(action, organizations=tuple(orgs))
            m.organizations_mentioned.extend(orgs)


def _counts(text: str, m: Meeting, start: int, end: int) -> None:
    for s, e in sentences(text, start, end):
        if m.participant_count is None:
            for c in _COUNT.finditer(text, s, e):
                n = c.group("n") or c.group("n2")
                count = cardinal(n)
                if count and not re.fullmatch(r"(?:19|20)\d\d", n):
                    q = _QUALIFIER.get(re.sub(r"\s+", " ", (c.group("q") or c.group("q2") or "").lower()), "exactly")
                    m.participant_count = (count, q, Span.of(text, c.start(), c.end()))
                    break
        for c in _STATED_COUNT.finditer(text, s, e):
            value = cardinal(c.group("n"))
            if value is not None and not re.match(r"\d{4}$", c.group("n")):
                m.counts.append(StatedCount(value, re.sub(r"\s+", " ", c.group("of")), Span.of(text, c.start(), c.end())))


def _links(text: str, m: Meeting, start: int, end: int) -> None:
    for u in _URL.finditer(text, start, end):
        before = text[max(start, u.start() - 120):u.start()].lower()
        role = "communique" if "communiqu" in before or "communiqu" in u.group().lower() else "webPage"
        m.links.append(Link(u.group(), role, Span.of(text, u.start(), u.end())))
        if m.study_period is None:
            p = _STUDY_PERIOD.search(u.group())
            if p and 2 <= int(p.group(2)) - int(p.group(1)) <= 4:
                m.study_period = (p.group(), Span.of(text, u.start() + p.start(), u.start() + p.end()))
    if m.study_period is None:
        p = _STUDY_PERIOD_TEXT.search(text, start, end)
        if p:
            m.study_period = _period(text, p)


#: '2017-2020 study period', 'study period 2017–2020', 'STUDY PERIOD 2022-2024' (a TD's header)
_STUDY_PERIOD_TEXT = re.compile(r"\b(?:((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\s+study\s+period|"
                                r"study\s+period\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d))\b", re.IGNORECASE)


def _period(text: str, p: re.Match) -> tuple[str, Span]:
    a, b = (p.group(1), p.group(2)) if p.group(1) else (p.group(3), p.group(4))
    return f"{a}-{b}", Span.of(text, p.start(), p.end())


def _document_study_period(text: str, facts_meetings: list[Meeting]) -> None:
    """A study period the document states once (a TD header) holds for the meetings that fall within it."""
    periods = [p for p in _STUDY_PERIOD_TEXT.finditer(text)]
    for m in facts_meetings:
        if m.study_period is not None or m.start is None:
            continue
        for p in periods:
            value, span = _period(text, p)
            a, b = (int(x) for x in value.split("-"))
            if a <= m.start.year <= b:
                m.study_period = (value, span)
                break
