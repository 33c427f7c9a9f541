"""The records extraction produces: plain Python, no RDF, each carrying the text span it was read from.

Tests compare these records directly; `graph/mapping.py` turns them into triples (and Evidence) in one place.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Span:
    """Where a fact was read: character offsets into the document text (end exclusive) and the quote."""

    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Ref:
    """A mention of an entity: its reference IRI when the reference data knows it, else None (minted later).

    `kind` is the entity's class local name in the ontology (Organization, City, Country, Topic, StudyGroup, ...).
    A group the reference data does not know carries what it is minted from: its notation ('Q10/13',
    'SG3RG-AFR') and the group it is part of.
    """

    kind: str
    label: str
    span: Span
    iri: str | None = None
    alt: str | None = None  # another name the text gives it (an acronym: 'Rwanda Example Authority (REA)')
    country: Ref | None = None  # where the text says it is based ('the Government of Tunisia')
    #: a gazetteer place (graph/gazetteer.py): not in the reference graph, so the document describes it
    gazetteer: bool = False
    in_country: str | None = None  # a gazetteer place's country IRI
    notation: str | None = None
    part_of: Ref | None = None


@dataclass(frozen=True)
class Participation:
    organization: Ref
    span: Span
    country: Ref | None = None


@dataclass(frozen=True)
class PersonMention:
    """A named person; `affiliation` (an Organization) and `country` come from '(Acme, France)', 'of Canada',
    'Name, Title, Acme' or "Acme's Name" next to the name."""

    name: str
    span: Span
    post: Ref | None = None
    honorific: str | None = None
    iri: str | None = None
    affiliation: Ref | None = None
    country: Ref | None = None


@dataclass(frozen=True)
class EventMention:
    """Another event named in the text: a co-located event (ITU Telecom World 2018) or a later one (WTSA-20)."""

    series: Ref
    year: int | None
    span: Span
    start: date | None = None
    end: date | None = None

    @property
    def label(self) -> str:
        return f"{self.series.label} {self.year}" if self.year else self.series.label


@dataclass(frozen=True)
class GroupAction:
    """What a meeting asks of, or says about, an ITU-T group (prioritize a topic, lead a field of work, ...)."""

    group: Ref
    action: str
    text: str
    span: Span
    topics: tuple[Ref, ...] = ()
    organizations: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class StatedCount:
    value: int
    of: str
    span: Span


@dataclass(frozen=True)
class Link:
    url: str
    role: str  # "communique" or "webPage"
    span: Span


@dataclass
class DiscussionItem:
    heading: str
    position: int
    span: Span  # the heading line
    text: str
    topics: list[Ref] = field(default_factory=list)
    keyphrases: list[tuple[str, Span]] = field(default_factory=list)  # subjects in the text's own words


@dataclass(frozen=True)
class MeetingRef:
    """A meeting named by kind, date and place (used for 'the next meeting')."""

    kind: str
    start: date | None
    place: Ref | None
    span: Span
    precision: str = "day"
    name: str = ""  # tells undated meetings apart ('WTSA-20', 'the 2nd preparatory meeting')
    online: bool = False  # held online with no venue: its IRI says 'online' where a place would be
    end: date | None = None  # last day, when the text gives days ('the next meeting, 18-22 January')


@dataclass
class Meeting:
    kind: str  # ontology class local name: CTOMeeting, CTOConsultation, LeadershipAssembly, ...
    name: str
    name_span: Span
    start: date | None = None
    end: date | None = None
    date_span: Span | None = None
    series: Ref | None = None
    ordinal: tuple[int, Span] | None = None
    place: Ref | None = None
    country: Ref | None = None
    country_from_reference: bool = False
    #: 'online' (held virtually) or 'mixed' (in a room and online), with the words that say so
    attendance: tuple[str, Span] | None = None
    co_located: EventMention | None = None
    host: Ref | None = None
    co_hosts: list[Ref] = field(default_factory=list)  # 'co-hosted by A and B': B (and any after it)
    participant_count: tuple[int, str, Span] | None = None
    participations: list[Participation] = field(default_factory=list)
    groups_represented: list[Ref] = field(default_factory=list)
    groups_mentioned: list[Ref] = field(default_factory=list)
    organizations_mentioned: list[Ref] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    topics: list[Ref] = field(default_factory=list)
    items: list[DiscussionItem] = field(default_factory=list)
    group_actions: list[GroupAction] = field(default_factory=list)
    counts: list[StatedCount] = field(default_factory=list)
    next_meeting: MeetingRef | None = None
    events_mentioned: list[EventMention] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    study_period: tuple[str, Span] | None = None
    precision: str = "day"  # of start and end: "day", "month" or "year" (the text says no more)

    @property
    def ref(self) -> MeetingRef:
        online = self.place is None and self.attendance is not None and self.attendance[0] == "online"
        return MeetingRef(self.kind, self.start, self.place, self.name_span, self.precision, self.name, online)


@dataclass
class DocumentFacts:
    """Everything read from one document."""

    name: str
    sha256: str
    text: str
    media_type: str
    meetings: list[Meeting] = field(default_factory=list)
    #: named where the document reports no meeting (and, with the lists below, what the document names anywhere)
    people: list[PersonMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    published: date | None = None  # from a press dateline or a publication line
    published_span: Span | None = None
    #: What the document names anywhere, meeting or not: a document is never empty.
    organizations: list[Ref] = field(default_factory=list)
    groups: list[Ref] = field(default_factory=list)
    topics: list[Ref] = field(default_factory=list)
    #: subjects in the text's own words, with where they are read (graph/extract/keyphrases.py)
    keyphrases: list[tuple[str, Span]] = field(default_factory=list)


def spans_moved(record, where: list[int], original: str):
    """`record` (any record above, or lists, tuples and dicts of them) with every Span moved from the text it was
    read from to the `original` text, where character i of the former stands at where[i] (extract.text.dehang,
    fields_on_one_line). The quote stays what was read when it has the original's words, as for a wrap that `unwrap`
    joined; else ('Venue: Geneva' read from 'Venue' over 'Geneva') it is the original's."""
    if isinstance(record, Span):
        start = where[record.start]
        end = where[record.end - 1] + 1 if record.end > record.start else start
        same = record.quote.split() == original[start:end].split()
        return Span(start, end, record.quote if same else original[start:end])
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        changes = {f.name: spans_moved(getattr(record, f.name), where, original) for f in dataclasses.fields(record)}
        return dataclasses.replace(record, **changes)
    if isinstance(record, list):
        return [spans_moved(x, where, original) for x in record]
    if isinstance(record, tuple):
        return tuple(spans_moved(x, where, original) for x in record)
    if isinstance(record, dict):
        return {k: spans_moved(v, where, original) for k, v in record.items()}
    return record
