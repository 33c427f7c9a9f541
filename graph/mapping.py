"""Facts to RDF: one graph per document, every statement paired with an Evidence node pointing at its span.

Small and boring on purpose: every decision about what a fact is was made by the extractors, and every IRI
comes from graph/iris.py.
"""
from __future__ import annotations

import re
from datetime import date
from typing import cast

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS, PROV as _PROV, RDF as _RDF, RDFS as _RDFS, SKOS as _SKOS, XSD as _XSD

from . import iris
from .extract.people import person_key
from .facts import DocumentFacts, EventMention, Meeting, PersonMention, Ref, Span
from .namespaces import ITUKG as _ITUKG, SCHEMA, TermCache, bind_prefixes
from .reference import load_reference
from .vocabulary import vocabulary

# rdflib's DCTERMS, RDF, ... are DefinedNamespace classes, indexed like a Namespace (all TermCache asks of one)
ITUKG, DCTERMS, PROV, RDF, RDFS, SKOS, XSD = (TermCache(cast(Namespace, ns))
                                             for ns in (_ITUKG, _DCTERMS, _PROV, _RDF, _RDFS, _SKOS, _XSD))


class _Writer:
    """Adds triples to one document graph and records where each came from."""

    def __init__(self, facts: DocumentFacts):
        self.g = Graph(store="SimpleMemory")  # no named graphs here: half the cost of rdflib's default store
        bind_prefixes(self.g)
        self.facts = facts
        self.doc = iris.document(facts.sha256)
        self._n = 0
        self._typed: set[URIRef] = set()
        self.reference = load_reference()

    def add(self, s, p, o, span: Span | None = None) -> None:
        self.g.add((s, p, o))
        if span is not None:
            self._n += 1
            ev = iris.evidence(self.facts.sha256, self._n)
            g = self.g
            g.add((ev, RDF.type, ITUKG.Evidence))
            g.add((ev, ITUKG.inDocument, self.doc))
            g.add((ev, ITUKG.evidenceSubject, s))
            g.add((ev, ITUKG.evidencePredicate, p))
            g.add((ev, ITUKG.evidenceObject, o))
            g.add((ev, ITUKG.start, Literal(span.start)))
            g.add((ev, ITUKG.end, Literal(span.end)))
            # as the document writes it (extraction reads hard-wrapped lines joined: the same offsets, other spaces)
            g.add((ev, ITUKG.quote, Literal(self.facts.text[span.start:span.end])))

    def entity(self, ref: Ref) -> URIRef:
        """The IRI of a mentioned entity; entities the reference data does not describe get their type, label,
        alternative name and country here."""
        iri = iris.entity(ref)
        if iri not in self._typed:
            self._typed.add(iri)
            if ref.iri is None or ref.gazetteer or not self.reference.is_reference(ref.iri):
                # a minted entity, or a gazetteer place (not in the reference graph): the document describes it
                self.g.add((iri, RDF.type, ITUKG[ref.kind]))
                self.g.add((iri, RDFS.label, Literal(ref.label)))
                if ref.notation:
                    self.g.add((iri, SKOS.notation, Literal(ref.notation)))
                    number = re.fullmatch(r"SG(\d+)", ref.notation)
                    if ref.kind == "StudyGroup" and number:
                        self.g.add((iri, ITUKG.groupNumber, Literal(int(number.group(1)))))
                if ref.part_of is not None:  # a post is in its group or organization, a group part of another
                    prop = ITUKG.postIn if ref.kind == "Post" else ITUKG.partOf
                    self.g.add((iri, prop, self.entity(ref.part_of)))
            if ref.gazetteer and ref.in_country:
                self.g.add((iri, ITUKG.inCountry, URIRef(ref.in_country)))
            self.g.add((iri, PROV.wasDerivedFrom, self.doc))
        if ref.alt and (ref.iri is None or not self.reference.is_reference(ref.iri)):
            self.g.add((iri, SKOS.altLabel, Literal(ref.alt)))
        if ref.country is not None and ref.kind == "Organization" and not self.reference.is_reference(str(iri)):
            self.add(iri, ITUKG.basedIn, self.entity(ref.country), ref.country.span)
        return iri

    def person(self, person: PersonMention) -> URIRef:
        """A person's IRI; a person the reference data does not know gets type, label and name here."""
        pi = iris.person(person_key(person))
        if person.iri is None and pi not in self._typed:
            self._typed.add(pi)
            self.g.add((pi, RDF.type, ITUKG.Person))
            self.g.add((pi, RDFS.label, Literal(person.name)))
            self.g.add((pi, ITUKG.name, Literal(person.name)))
            self.g.add((pi, PROV.wasDerivedFrom, self.doc))
        if person.post:
            self.add(pi, ITUKG.holdsPost, self.entity(person.post), person.post.span)
        if person.honorific:
            self.g.add((pi, ITUKG.honorific, Literal(person.honorific)))
        if person.affiliation:
            self.add(pi, ITUKG.affiliation, self.entity(person.affiliation), person.affiliation.span)
        if person.country:
            self.add(pi, ITUKG.nationality, self.entity(person.country), person.country.span)
        return pi

    def event(self, ev: EventMention) -> URIRef:
        iri = iris.event(ev)
        if iri not in self._typed:
            self._typed.add(iri)
            self.g.add((iri, RDF.type, ITUKG.Event))
            self.g.add((iri, RDFS.label, Literal(ev.label)))
            if ev.series.iri:
                self.g.add((iri, ITUKG.inSeries, URIRef(ev.series.iri)))
            self.g.add((iri, PROV.wasDerivedFrom, self.doc))
        if ev.start:
            self.add(iri, ITUKG.startDate, _date(ev.start), ev.span)
            self.add(iri, ITUKG.endDate, _date(ev.end or ev.start), ev.span)
        return iri


_ATTENDANCE = {"online": SCHEMA.OnlineEventAttendanceMode, "mixed": SCHEMA.MixedEventAttendanceMode}


def _date(d: date, precision: str = "day") -> Literal:
    """A day, or only its month or year when the text says no more (xsd:gYearMonth, xsd:gYear)."""
    if precision == "year":
        return Literal(f"{d.year:04d}", datatype=XSD.gYear)
    if precision == "month":
        return Literal(f"{d.year:04d}-{d.month:02d}", datatype=XSD.gYearMonth)
    return Literal(d.isoformat(), datatype=XSD.date)


def _known(ref: Ref) -> URIRef:
    """The IRI of an entity that only the reference data supplies (a topic): never minted from a document."""
    assert ref.iri is not None, ref
    return URIRef(ref.iri)


def to_graph(facts: DocumentFacts) -> Graph:
    """The asserted graph of one document."""
    w = _Writer(facts)
    g, doc = w.g, w.doc
    g.add((doc, RDF.type, ITUKG.Document))
    g.add((doc, RDFS.label, Literal(facts.name)))
    g.add((doc, ITUKG.fileName, Literal(facts.name)))
    g.add((doc, ITUKG.sha256, Literal(facts.sha256)))
    g.add((doc, DCTERMS.format, Literal(facts.media_type)))
    g.add((doc, ITUKG.content, Literal(facts.text)))
    if facts.published:
        w.add(doc, ITUKG.published, _date(facts.published), facts.published_span)
    meeting_iris = {iris.meeting(m.ref) for m in facts.meetings}
    for m in facts.meetings:
        _meeting(w, m, meeting_iris)
    for ref in facts.organizations + facts.groups:
        w.add(doc, ITUKG.mentions, w.entity(ref), ref.span)
    for person in facts.people:
        w.add(doc, ITUKG.mentions, w.person(person), person.span)
    for topic in facts.topics:
        w.add(doc, ITUKG.mentions, _known(topic), topic.span)
    for phrase, span in facts.keyphrases:
        w.add(doc, ITUKG.keyphrase, Literal(phrase), span)
    return g


def _meeting(w: _Writer, m: Meeting, meeting_iris: set) -> None:
    g, add = w.g, w.add
    mi = iris.meeting(m.ref)
    add(mi, RDF.type, ITUKG[m.kind], m.name_span)
    add(mi, RDFS.label, Literal(m.name), m.name_span)
    g.add((mi, ITUKG.describedIn, w.doc))
    g.add((w.doc, ITUKG.reportsOn, mi))
    g.add((mi, PROV.wasDerivedFrom, w.doc))
    if m.start:
        add(mi, ITUKG.startDate, _date(m.start, m.precision), m.date_span)
        add(mi, ITUKG.endDate, _date(m.end or m.start, m.precision), m.date_span)
    if m.series:
        add(mi, ITUKG.inSeries, w.entity(m.series), m.series.span)
    if m.ordinal:
        add(mi, ITUKG.ordinal, Literal(m.ordinal[0]), m.ordinal[1])
    if m.place:
        place = w.entity(m.place)
        add(mi, ITUKG.location, place, m.place.span)
        if m.country and m.country.iri != m.place.iri and (m.place.iri is None or not m.country_from_reference):
            add(place, ITUKG.inCountry, w.entity(m.country), m.country.span)
    if m.attendance:
        mode, span = m.attendance
        add(mi, ITUKG.attendanceMode, _ATTENDANCE[mode], span)
    if m.co_located:
        add(mi, ITUKG.coLocatedWith, w.event(m.co_located), m.co_located.span)
    for ev in m.events_mentioned:
        add(mi, ITUKG.mentionsEvent, w.event(ev), ev.span)
    if m.host:
        add(mi, ITUKG.host, w.entity(m.host), m.host.span)
    for h in m.co_hosts:
        add(mi, ITUKG.host, w.entity(h), h.span)
    if m.participant_count:
        value, qualifier, span = m.participant_count
        add(mi, ITUKG.participantCount, Literal(value), span)
        add(mi, ITUKG.participantCountQualifier, Literal(qualifier), span)
    countries_by_org: dict = {}
    for p in m.participations:
        oi = w.entity(p.organization)
        country = w.entity(p.country) if p.country else None
        seen = countries_by_org.setdefault(oi, [])
        if country in seen:
            continue  # the same participation listed twice
        seen.append(country)
        # one organization taking part for two countries is two participations
        pi = iris.participation(mi, oi, country if len(seen) > 1 else None)
        g.add((pi, RDF.type, ITUKG.Participation))
        g.add((pi, RDFS.label, Literal(f"{p.organization.label} at {m.name}" +
                                       (f" for {p.country.label}" if p.country else ""))))
        add(mi, ITUKG.hasParticipation, pi, p.span)
        add(pi, ITUKG.participationIn, mi, p.span)
        add(pi, ITUKG.organization, oi, p.organization.span)
        add(mi, ITUKG.participant, oi, p.span)
        add(oi, ITUKG.participatedIn, mi, p.span)
        if p.country is not None:  # then `country` is its IRI
            add(pi, ITUKG.onBehalfOf, country, p.country.span)
    for grp in m.groups_represented:
        add(mi, ITUKG.groupRepresented, w.entity(grp), grp.span)
    for grp in m.groups_mentioned:
        add(mi, ITUKG.mentionsGroup, w.entity(grp), grp.span)
    for org in m.organizations_mentioned:
        add(mi, ITUKG.mentionsOrganization, w.entity(org), org.span)
    for person in m.people:
        add(mi, ITUKG.mentionsPerson, w.person(person), person.span)
    for topic in m.topics:
        add(mi, ITUKG.topic, _known(topic), topic.span)
    for item in m.items:
        ii = iris.item(mi, item.position)
        g.add((ii, RDF.type, ITUKG.DiscussionItem))
        add(ii, RDFS.label, Literal(item.heading), item.span)
        g.add((ii, ITUKG.position, Literal(item.position)))
        g.add((ii, ITUKG.itemText, Literal(item.text)))
        add(mi, ITUKG.hasDiscussionItem, ii, item.span)
        g.add((ii, ITUKG.discussionItemOf, mi))
        for topic in item.topics:
            add(ii, ITUKG.topic, _known(topic), topic.span)
    for n, action in enumerate(m.group_actions, 1):
        ai = iris.group_action(mi, n)
        g.add((ai, RDF.type, ITUKG.GroupAction))
        g.add((ai, RDFS.label, Literal(f"{action.group.label}: {action.action}")))
        add(mi, ITUKG.hasGroupAction, ai, action.span)
        add(ai, ITUKG.actor, w.entity(action.group), action.group.span)
        add(ai, ITUKG.actionKind, Literal(action.action), action.span)
        g.add((ai, ITUKG.actionText, Literal(action.text)))
        for topic in action.topics:
            add(ai, ITUKG.actionTopic, _known(topic), topic.span)
        for org in action.organizations:
            add(ai, ITUKG.actionOrganization, w.entity(org), org.span)
    for n, count in enumerate(m.counts, 1):
        ci = iris.stated_count(mi, n)
        g.add((ci, RDF.type, ITUKG.StatedCount))
        g.add((ci, RDFS.label, Literal(f"{count.value} {count.of}")))
        add(mi, ITUKG.statedCount, ci, count.span)
        add(ci, ITUKG.countValue, Literal(count.value), count.span)
        add(ci, ITUKG.countOf, Literal(count.of), count.span)
    nxt = m.next_meeting
    if nxt and nxt.start:
        ni = iris.meeting(nxt)
        add(mi, ITUKG.nextMeeting, ni, nxt.span)
        if ni not in meeting_iris:  # announced but not described here: say what the text says of it
            add(ni, RDF.type, ITUKG[nxt.kind], nxt.span)
            if nxt.place:  # dated and placed here: a meeting the document tells of (a date alone tells none apart)
                g.add((ni, ITUKG.describedIn, w.doc))
            g.add((ni, RDFS.label, Literal(nxt.name or vocabulary().meeting_label(nxt.kind))))
            add(ni, ITUKG.startDate, _date(nxt.start, nxt.precision), nxt.span)
            if nxt.end:
                add(ni, ITUKG.endDate, _date(nxt.end, nxt.precision), nxt.span)
            if nxt.place:
                add(ni, ITUKG.location, w.entity(nxt.place), nxt.place.span)
    for link in m.links:
        add(mi, ITUKG[link.role], iris.web(link.url), link.span)
    if m.study_period:
        add(mi, ITUKG.studyPeriod, Literal(m.study_period[0]), m.study_period[1])
