"""The data of the entity pages, one module per kind with a page of its own; other kinds get the generic page.

Each builder takes a snapshot and an IRI and returns a plain dict (no Flask), which ui/entity.py renders with
templates/ui/entity_<template>.html.
"""
from __future__ import annotations

from ..index import exists, kind_of
from ..sparql import check_iri
from .common import common, generic_page, group_actions
from .document import document_page
from .group import group_page
from .meeting import meeting_page
from .organization import organization_page
from .person import person_page
from .place import place_page
from .topic import topic_page

#: kind -> (the builder of its page's data, its template: templates/ui/entity_<template>.html).
PAGES = {
    "meeting": (meeting_page, "meeting"),
    "organization": (organization_page, "organization"),
    "topic": (topic_page, "topic"),
    "group": (group_page, "group"),
    "person": (person_page, "person"),
    "place": (place_page, "place"),
    "country": (place_page, "place"),
    "document": (document_page, "document"),
}
GENERIC = (generic_page, "generic")


def entity_page(snap, iri: str) -> dict | None:
    """The data of the page about `iri` (dispatching on its kind), or None when the dataset has nothing on it."""
    check_iri(iri)
    if not exists(snap, iri):
        return None
    build, _ = PAGES.get(kind_of(snap, iri), GENERIC)
    return build(snap, iri)


def template_of(kind: str) -> str:
    """The template of a kind's page."""
    return f"ui/entity_{PAGES.get(kind, GENERIC)[1]}.html"


__all__ = ["PAGES", "common", "document_page", "entity_page", "generic_page", "group_actions", "group_page",
           "meeting_page", "organization_page", "person_page", "place_page", "template_of", "topic_page"]
