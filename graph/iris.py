"""Instance IRIs, minted here and nowhere else, from stable keys (docs/model.md).

The same entity read from two documents gets the same IRI: an organization by its reference IRI or the slug
of its name without legal form; a meeting by kind, start date and place.
"""
from __future__ import annotations

import re

from rdflib import URIRef

from .extract.participants import strip_legal_form
from .extract.text import slugify
from .facts import EventMention, MeetingRef, Ref
from .namespaces import ID
from .reference import GROUP_KINDS

_KIND_SLUG = {
    "CTOMeeting": "cto-meeting",
    "CTOConsultation": "cto-consultation",
    "LeadershipAssembly": "sgla",
    "TSAGMeeting": "tsag-meeting",
    "StudyGroupMeeting": "sg-meeting",
    "Workshop": "workshop",
    "Conference": "conference",
    "Symposium": "symposium",
    "PreparatoryMeeting": "preparatory-meeting",
    "WorkingPartyMeeting": "wp-meeting",
    "RapporteurGroupMeeting": "rg-meeting",
    "RegionalGroupMeeting": "regional-group-meeting",
    "Meeting": "meeting",
}
_PATH_BY_KIND = {
    "Organization": "organization",
    "Post": "post",
    "City": "place",
    "Region": "place",
    "Place": "place",
    "Country": "country",
    "Topic": "topic",
    "Person": "person",
}


def meeting_key(ref: MeetingRef) -> str:
    place = slugify(ref.place.label) if ref.place else "unknown-place"
    if ref.start is None:  # undated: the name tells it from other undated meetings of its kind
        day = "undated-" + slugify(ref.name)[:60] if ref.name else "undated"
    else:
        day = ref.start.isoformat()[:{"year": 4, "month": 7}.get(ref.precision, 10)]
    return f"{_KIND_SLUG.get(ref.kind, slugify(ref.kind))}-{day}-{place}"


def meeting(ref: MeetingRef) -> URIRef:
    return URIRef(ID[f"meeting/{meeting_key(ref)}"])


def entity(ref: Ref) -> URIRef:
    """The reference IRI when the text was linked to the reference data, else one minted from the label
    (a group with a notation: from the notation, so every spelling of it gets the same IRI)."""
    if ref.iri:
        return URIRef(ref.iri)
    if ref.kind in GROUP_KINDS:
        return URIRef(ID[f"group/{slugify(ref.notation or ref.label)}"])
    label = strip_legal_form(ref.label) if ref.kind == "Organization" else ref.label
    return URIRef(ID[f"{_PATH_BY_KIND.get(ref.kind, slugify(ref.kind))}/{slugify(label)}"])


def person(key: str) -> URIRef:
    return URIRef(key) if key.startswith("http") else URIRef(ID[f"person/{key}"])


def event(ev: EventMention) -> URIRef:
    series = ev.series.iri.rsplit("/", 1)[-1] if ev.series.iri else slugify(ev.series.label)
    return URIRef(ID[f"event/{series}-{ev.year}" if ev.year else f"event/{series}"])


def participation(meeting_iri: URIRef, org_iri: URIRef, country_iri: URIRef | None = None) -> URIRef:
    """An organization's participation in a meeting; the country is part of the key only when the same
    organization took part for a second country."""
    key = f"{_tail(meeting_iri)}/{_tail(org_iri)}" + (f"-{_tail(country_iri)}" if country_iri else "")
    return URIRef(ID[f"participation/{key}"])


def item(meeting_iri: URIRef, position: int) -> URIRef:
    return URIRef(ID[f"item/{_tail(meeting_iri)}/{position}"])


def group_action(meeting_iri: URIRef, n: int) -> URIRef:
    return URIRef(ID[f"action/{_tail(meeting_iri)}/{n}"])


def stated_count(meeting_iri: URIRef, n: int) -> URIRef:
    return URIRef(ID[f"count/{_tail(meeting_iri)}/{n}"])


def document(sha256: str) -> URIRef:
    return URIRef(ID[f"document/{sha256}"])


def evidence(sha256: str, n: int) -> URIRef:
    return URIRef(ID[f"evidence/{sha256[:16]}/{n}"])


def _tail(iri: str) -> str:
    return re.sub(r"^.*?/id/[^/]+/", "", str(iri)).replace("/", "-")
