"""Lists of participants whose entries name a person without a style: 'Yamada Haruto, Toshiba Corporation, Japan'.

Every text here is written for the test, in the forms of the family (CTO communiqués, meeting reports).
"""
from __future__ import annotations

from extract_fixtures import only_dated

_CTO = "ITU-T CTO Meeting, Geneva, 5 March 2024\n\n"


def _people(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    m = only_dated(text)
    return {p.name: (p.affiliation.label if p.affiliation else None, p.country.label if p.country else None,
                     p.post.label if p.post else None) for p in m.people}


def _orgs(text: str) -> dict[str, str | None]:
    return {p.organization.label: p.country.label if p.country else None for p in only_dated(text).participations}


_ENTRIES = (_CTO + "The following executives took part:\n- Yamada Haruto, Toshiba Corporation, Japan\n"
            "- Jon Example, Ericsson, Sweden (Chair)\n- Marta Gil Sanz, Telefónica, Spain\n")


def test_a_name_then_a_body_then_a_country_is_a_person_of_that_body():
    assert _people(_ENTRIES) == {"Yamada Haruto": ("Toshiba Corporation", "Japan", None),
                                 "Jon Example": ("Ericsson", "Sweden", "Chair"),
                                 "Marta Gil Sanz": ("Telefónica", "Spain", None)}


def test_the_body_of_such_an_entry_took_part_for_its_country_and_the_name_is_no_organization():
    assert _orgs(_ENTRIES) == {"Toshiba Corporation": "Japan", "Ericsson": "Sweden", "Telefónica": "Spain"}


def test_lines_without_bullets_are_entries_when_two_or_more_follow_each_other():
    text = _CTO + "Speakers:\nYamada Haruto, Toshiba Corporation, Japan\nJon Example, Ericsson, Sweden\n"
    assert set(_people(text)) == {"Yamada Haruto", "Jon Example"}


def test_unstyled_names_are_people_only_in_a_list_of_people():
    # a styled entry among them says the list names people; a heading that names no one leaves companies companies
    text = _CTO + "Participants:\n- Ms Ana Example, Apex Mobile, Spain\n- Yamada Haruto, Toshiba Corporation, Japan\n"
    assert set(_people(text)) == {"Ana Example", "Yamada Haruto"}
    text = _CTO + "The following took part:\n- Jio Platforms, Reliance Industries, India\n- Vodafone Idea, Aditya Birla " \
                  "Group, India\n"
    assert _people(text) == {} and {"Jio Platforms", "Vodafone Idea"} <= set(_orgs(text))


def test_a_body_a_town_or_a_unit_first_is_no_person():
    text = (_CTO + "Participating companies:\n- Apex Mobile, Nairobi, Kenya\n- Nokia Bell Labs, Nokia, Finland\n"
            "- Rakuten Symphony, Rakuten, Japan\n- Orange Labs, Orange, France\n- Huawei Technologies, Shenzhen, China\n")
    m = only_dated(text)
    assert m.people == []
    assert _orgs(text)["Nokia"] == "Finland" and _orgs(text)["Rakuten"] == "Japan"


def test_one_unmarked_line_in_prose_is_no_entry():
    text = _CTO + "Jon Example, Ericsson, Sweden\n\nThe CTOs discussed quantum networks."
    assert "Jon Example" not in _people(text)


def test_a_styled_entry_takes_the_post_in_brackets_after_its_country_and_its_body_the_country():
    text = (_CTO + "The following executives took part:\n- Mr Jon Example, Ericsson, Sweden (Chair)\n"
            "- Ms Ana Ruiz, Apex Mobile, Spain (Vice-Chair)\n")
    assert _people(text) == {"Jon Example": ("Ericsson", "Sweden", "Chair"),
                             "Ana Ruiz": ("Apex Mobile", "Spain", "Vice-Chair")}
    assert _orgs(text) == {"Ericsson": "Sweden", "Apex Mobile": "Spain"}
