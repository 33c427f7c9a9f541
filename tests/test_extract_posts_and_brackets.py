"""Posts and countries of people in the forms of ITU-T reports: the ITU's country names with a bracket inside a
bracket ('Korea (Rep. of)'), posts keyed by group, a country said with 'of'.

Every text here is written for the test, in the forms of the family (TSAG, SGLA and WTSA reports).
"""
from __future__ import annotations

from extract_fixtures import only_dated, posts_of

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


def test_lines_group_then_name_under_a_line_saying_the_chairs_give_each_the_chair_of_that_group():
    text = ("WTSA-16 was held in Hammamet, Tunisia, from 25 October to 3 November 2016. The study group chairs elected "
            "are:\n* SG2: Mr Phil Example (United Kingdom)\n* SG3: Mr Seiichi Example (Japan)\n")
    assert _people(text) == {"Phil Example": ("Chair of SG2", "United Kingdom"), "Seiichi Example": ("Chair of SG3", "Japan")}
    text = ("The SG16 meeting was held in Geneva from 13 to 22 September 2021.\nWorking party chairs:\n"
            "WP1/16 – Ms Park Jiyoung (Japan)\nWP2/16 – Mr Zhang Wei (China)\n")
    assert _people(text) == {"Park Jiyoung": ("Chair of WP1/16", "Japan"), "Zhang Wei": ("Chair of WP2/16", "China")}


def test_a_country_or_body_said_with_of_between_a_name_and_its_post():
    assert _people("The SG13 meeting was held in Geneva from 4 to 13 July 2023. Mr Kazunori Example of Japan, Chair of "
                   "SG13, opened the meeting.") == {"Kazunori Example": ("Chair of SG13", "Japan")}
    assert _people("WTSA-20 was held in Geneva from 1 to 9 March 2022. Mr Abdurahman Example of Saudi Arabia was "
                   "appointed Chair of TSAG.") == {"Abdurahman Example": ("TSAG Chair", "Saudi Arabia")}


def test_the_body_after_from_ends_before_the_next_styled_name_whose_post_it_is():
    people = _people("The CTO meeting was held in Budapest on 9 September 2019. My neighbours were Dr Sun Example from "
                     "China Unicom and Mr Kenneth Example, the CTO of Glo Mobile in Nigeria.")
    assert people["Sun Example"][0] is None


def test_a_name_with_its_post_between_commas_then_chaired_holds_both_posts():
    for text in ("The ITU CTO meeting was held in Bangkok on 13 November 2018. Mr Ulf Example, CTO of Ericsson, chaired "
                 "the meeting.",
                 "The ITU CTO meeting was held in Bangkok on 13 November 2018. Chairing the meeting, Mr Ulf Example, CTO "
                 "of Ericsson, urged industry to invest in AI."):
        posts = {p.post.label for p in only_dated(text).people if p.name == "Ulf Example"}
        assert posts == {"CTO of Ericsson", "Chair"}, text


def test_a_company_that_moderated_is_no_person():
    assert only_dated("The ITU CTO meeting was held in Bangkok on 13 November 2018. Nordic Star, a start-up, "
                      "moderated the panel.").people == []


def test_the_body_after_a_post_is_never_read_in_the_next_sentence():
    m = only_dated("The ITU CTO meeting took place in Dubai on 11 November 2012. It was chaired by Ms Jane Example, Chief "
                   "Technology Officer, Acme Networks. CTOs from AT&T (USA), Orange (France), Telstra (Australia) and "
                   "Etisalat (UAE) took part.")
    assert {(p.affiliation.label if p.affiliation else None, p.country) for p in m.people} == {("Acme Networks", None)}


def test_the_name_after_a_post_in_a_list_is_the_next_person_not_a_body():
    m = only_dated("The ITU CTO meeting took place in Dubai on 11 November 2012. Panellists were Bruno Example, CTO of "
                   "Orange, Enrique Example of Telefónica, and Dr Katsu Example, Senior Vice President of NTT.")
    people = {p.name: p.affiliation.label if p.affiliation else None for p in m.people}
    assert people["Bruno Example"] == "Orange" and people["Enrique Example"] == "Telefónica"


def test_a_clause_after_a_chairs_body_names_no_other_body_of_theirs():
    m = only_dated("The ITU CTO meeting took place in Dubai on 11 November 2012. The meeting, chaired by Dr. Kazuhiro "
                   "Example, Chief Technology Officer, NTT America, brought together CTOs from AT&T (USA), Alcatel-Lucent "
                   "(France) and Fujitsu (Japan).")
    assert {(p.affiliation.label, p.country) for p in m.people} == {("NTT America", None)}


def test_the_acronym_after_a_posts_body_is_no_part_of_the_post_and_the_body_is_the_affiliation():
    m = only_dated("The CTO meeting was held in Lagos on 14 March 2019. Prof. Umar Example, Director General of the "
                   "Nigerian Communications Commission (NCC), delivered the keynote.")
    (p,) = m.people
    assert (p.post.label, p.affiliation.label) == ("Director General of the Nigerian Communications Commission",
                                                   "Nigerian Communications Commission")
    m = only_dated("The CTO meeting was held in Accra on 14 March 2019. The Minister was accompanied by the "
                   "Director-General of the National Communications Authority (NCA), Dr Joe Example.")
    assert [(p.name, p.post.label) for p in m.people if p.name == "Joe Example"] == [
        ("Joe Example", "Director-General of the National Communications Authority")]


def test_a_post_said_in_a_who_is_clause_and_a_counsellors_style():
    m = only_dated("The SGLA was held in Geneva on 13 January 2020. Counsellor Vicente Example, who is also "
                   "vice-chairman of ITU-T Study Group 3, presented the proposal.")
    assert {p.name for p in m.people} == {"Vicente Example"}
    assert "Vice-Chair of SG3" in {p.post.label for p in m.people}


def test_a_line_saying_who_appointed_by_the_chairs_lists_no_chairs():
    m = only_dated("The SG13 meeting was held in Geneva from 4 to 13 July 2023. New Rapporteurs were appointed by the "
                   "study group chairs:\nSG13: Ms Kim Example (Korea (Rep. of)), Rapporteur for Question 6/13\n")
    assert [p.post.label for p in m.people] == ["Rapporteur of Q6/13"]


def test_a_name_with_its_post_between_commas_chairs_the_meeting_not_the_panel():
    m = only_dated("The ITU CTO meeting took place in Geneva on 5 May 2024. Mr Ulf Example, CTO of Ericsson, chaired the "
                   "panel on 6G, while Ms Ana Example, Director of TSB, chaired the meeting.")
    chairs = {p.name for p in m.people if p.post.label == "Chair"}
    assert chairs == {"Ana Example"}


def test_a_company_line_with_its_unit_is_no_person():
    m = only_dated("ITU-T CTO Meeting, Geneva, 20 November 2024\n\nParticipants:\n- Airtel Kenya, Technology Office, "
                   "Kenya\n- Blue Harbor, Network Division, Canada\n")
    assert m.people == []


def test_a_posts_field_in_a_table_cell_is_no_name():
    m = only_dated("ITU Workshop on Quantum Networks\nDate: 5 June 2019\nVenue: Shanghai, China\n\nName | Title | "
                   "Organization | Country\nMs. Ayesha Example | Head of Network Architecture Design | BT | United "
                   "Kingdom\n")
    assert [p.name for p in m.people] == ["Ayesha Example"]


_CHAIRS_BY_GROUP = """Study Group Leadership Assembly

The Study Group Leadership Assembly was held in Nairobi, Kenya, on 9 February 2032.

The following study group chairs took part: Ms Ilka Varga-Sund (SG9), Mr Tomasz Orlik (SG16) and Dr Amara
Okafor-Lind (SG20). Vice-chairs present: Mr Jun Arakawa (SG13), Ms Leila Haddadi (SG17).
"""


def test_a_plural_post_over_names_each_with_a_group_in_brackets_gives_each_the_post_in_that_group():
    posts = posts_of(only_dated(_CHAIRS_BY_GROUP))
    assert posts["Ilka Varga-Sund"] == "Chair of SG9"
    assert posts["Tomasz Orlik"] == "Chair of SG16"
    assert posts["Amara Okafor-Lind"] == "Chair of SG20"
    assert posts["Jun Arakawa"] == "Vice-Chair of SG13"
    assert posts["Leila Haddadi"] == "Vice-Chair of SG17"
