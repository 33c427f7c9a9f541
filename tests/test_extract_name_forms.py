"""Names and posts in further written forms (texts written for these tests): names with an apostrophe ('O'Neil',
'D'Souza'), a possessive after a name ("Ota's successor"), and a post whose domain is followed by the next person
of a list (', and Eng. Jane Roe')."""
from __future__ import annotations

import pytest

from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text

_OPENING = "The TSAG meeting was held in Geneva from 30 May to 2 June 2023.\n\n"


def _people(sentence: str):
    facts = extract(Text(source="p.txt", name="p.txt", sha256="5" * 64, text=_OPENING + sentence + "\n",
                         media_type="text/plain", encoding="utf-8"))
    return [p for m in facts.meetings for p in m.people]


@pytest.mark.parametrize("sentence, names", [
    ("Mr Sean O'Neil spoke.", ["Sean O'Neil"]),
    ("Mr Sean O’Neil and Dr Ana D'Souza spoke.", ["Sean O’Neil", "Ana D'Souza"]),
    ("Ms Hiroshi Example's successor was welcomed.", ["Hiroshi Example"]),
])
def test_names_with_an_apostrophe_and_a_possessive_after_a_name(sentence, names):
    assert [p.name for p in _people(sentence)] == names


def test_a_post_ends_before_the_style_of_the_next_person():
    people = {p.name: p for p in _people("Also attending were Professor Jane Smith, Rapporteur for Question 2/13, "
                                         "and Eng. Fatma Example, Councillor at TSB.")}
    post = people["Jane Smith"].post.label  # the post in its group, named by the group's notation
    assert post.startswith("Rapporteur") and post.endswith(("Q2/13", "Question 2/13")), post
    assert people["Fatma Example"].post is not None and people["Fatma Example"].post.label == "Councillor"


def test_a_domain_written_as_a_list_still_goes_on():
    (p,) = _people("The Minister of Railways, Electronics and Information Technology, Mr Raj Example, spoke.")
    assert p.post.label == "Minister of Railways, Electronics and Information Technology"


def test_a_plural_post_before_a_colon_in_prose_is_held_by_each_person_listed():
    people = _people("The Chairman thanked the vice-chairmen: Ms. Miho Example (Japan), Mr. Olivier Example (France) "
                     "and Mr. Ahmed Example (Egypt).")
    got = {(p.name, p.post.label if p.post else None, p.country.label if p.country else None) for p in people}
    assert {("Miho Example", "Vice-Chair", "Japan"), ("Olivier Example", "Vice-Chair", "France"),
            ("Ahmed Example", "Vice-Chair", "Egypt")} <= got


def test_a_colon_after_words_that_are_no_post_gives_no_post():
    (p,) = _people("He said the following: Ms. Miho Example (Japan) agreed.")
    assert p.post is None


@pytest.mark.parametrize("sentence, name", [
    ("H.E. Eng. Abdullah Example, Minister of Communications and Information Technology of Saudi Arabia, welcomed "
     "participants.", "Abdullah Example"),
    ("Minister of Communications and Information Technology of Saudi Arabia Abdullah Example welcomed participants.",
     "Abdullah Example"),
])
def test_a_country_of_two_words_ends_a_posts_domain(sentence, name):
    (p,) = _people(sentence)
    assert (p.name, p.post.label) == (name, "Minister of Communications and Information Technology of Saudi Arabia")


@pytest.mark.parametrize("sentence", [
    "Ms Jane Example, Chief Technology Officer, Apex Mobile, Kenya, opened the session.",
    "Ms Jane Example, Chief Technology Officer, Apex Mobile (Kenya), opened the session.",
])
def test_the_body_and_its_country_after_a_post(sentence):
    (p,) = _people(sentence)
    assert (p.post.label, p.affiliation.label, p.country.label) == ("Chief Technology Officer", "Apex Mobile", "Kenya")


def test_the_next_person_after_a_post_is_no_body():
    people = _people("Ms Jane Example, Chief Technology Officer, Mr John Roe, Director, and others spoke.")
    assert {p.name for p in people} == {"Jane Example", "John Roe"}
    assert all(p.affiliation is None for p in people if p.name == "Jane Example")


@pytest.mark.parametrize("sentence", [
    "Ms. Miho Example (Japan) and Mr. Olivier Example (France), TSAG Vice-Chairs, reported.",
    "Ms. Miho Example and Mr. Olivier Example, the vice-chairmen of TSAG, reported.",
])
def test_a_plural_post_after_a_list_of_names_is_each_ones(sentence):
    assert {(p.name, p.post.label if p.post else None) for p in _people(sentence)} == {
        ("Miho Example", "Vice-Chair of TSAG"), ("Olivier Example", "Vice-Chair of TSAG")}


def test_a_post_in_the_singular_after_two_names_is_the_last_ones():
    assert {(p.name, p.post.label if p.post else None) for p in _people(
        "Ms. Miho Example and Mr. Olivier Example, Chair of SG13, spoke.")} == {
        ("Miho Example", None), ("Olivier Example", "Chair of SG13")}
