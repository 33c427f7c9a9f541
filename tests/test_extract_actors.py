"""Participating organizations, people and their roles in further forms of the family (our own texts).

Each test names the form a real communiqué or report uses and what a careful reader takes from it.
"""
from __future__ import annotations

import pytest

from itukg.graph.extract.meetings import extract
from itukg.graph.extract.people import find_people
from itukg.graph.read import Text
from itukg.graph.reference import load_reference


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def _facts(text: str):
    return extract(Text(source="a.txt", name="a.txt", sha256="5" * 64, text=text, media_type="text/plain",
                        encoding="utf-8"))


def _participants(text: str) -> dict[str, str | None]:
    """Organization label -> country label of the first meeting's participants."""
    m = _facts(text).meetings[0]
    return {p.organization.label: (p.country.label if p.country else None) for p in m.participations}


def _roles(ref, text: str) -> dict[str, str]:
    return {p.name: (p.post.label if p.post else "") for p in find_people(ref, text, 0, len(text))}


def test_an_inline_list_ends_at_the_verb_that_says_its_members_attended():
    got = _participants("The CTO meeting was held in Geneva on 13 October 2014. CTOs from Apex Mobile (France), "
                        "Brio Networks and Cobalt Systems Inc. attended the meeting, together with representatives "
                        "of the Ministry of Posts, Japan.\n")
    assert got["Brio Networks"] is None and got["Cobalt Systems Inc."] is None
    assert got["Apex Mobile"] == "France" and got["Ministry of Posts"] == "Japan"
