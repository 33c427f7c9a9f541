"""Posts and countries of people in the forms of ITU-T reports: the ITU's country names with a bracket inside a
bracket ('Korea (Rep. of)'), posts keyed by group, a country said with 'of'.

Every text here is written for the test, in the forms of the family (TSAG, SGLA and WTSA reports).
"""
from __future__ import annotations

from extract_fixtures import only_dated

_SGLA = "The SGLA met in Geneva on 11 December 2023. "


def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.post.label if p.post else None, p.country.label if p.country else None)
            for p in only_dated(text).people}


def test_a_country_with_a_bracket_inside_the_bracket_after_a_name_gives_the_country_and_lets_the_post_follow():
    assert _people(_SGLA + "Participants heard from Mr Heung Youl Example (Korea (Rep. of)), Chair of ITU-T Study "
                           "Group 17.") == {"Heung Youl Example": ("Chair of SG17", "Republic of Korea")}


def test_a_pair_chaired_by_each_with_a_bracketed_country_name():
    assert _people(_SGLA + "The session was chaired by Ms Choi Eun-ji (Korea (Republic of)) and Mr Karim Example "
                           "(Iran (Islamic Republic of)).") == {"Choi Eun-ji": ("Chair", "Republic of Korea"),
                                                                "Karim Example": ("Chair", "Iran")}
