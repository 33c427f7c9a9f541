"""Documents of the family in varied styles (invented for these tests: fictional people and companies, real
countries, cities and ITU-T bodies): editions, posts in their groups, hosts and co-hosts, organizations with
their region, small towns, participant lists under a heading."""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated

ID = "https://w3id.org/itukg/id/"


def posts(m) -> dict[str, set[tuple[str, str | None]]]:
    out: dict[str, set] = {}
    for p in m.people:
        if p.post is not None:
            within = p.post.part_of.iri or p.post.part_of.notation if p.post.part_of else None
            out.setdefault(p.name, set()).add((p.post.label, within))
    return out


TSAG = ("TSAG meeting summary\n\n"
        "The Telecommunication Standardization Advisory Group (TSAG) held its 5th meeting of the study period in Geneva, "
        "Switzerland, from 30 November to 2 December 2022. The meeting was chaired by Ms Lena Fischer (Germany), TSAG "
        "Chair, and attended by 180 delegates from 45 Member States.\n\n"
        "Mr Carlos Mendes, Director of TSB, opened the meeting. Mr Kenji Tanaka, TSAG Vice-Chairman, reported on the "
        "work of the Rapporteur Group on Work Methods (RG-WM). Ms Amina Diallo, Chair of SG17, presented the roadmap.\n")


def test_a_tsag_summary():
    m = only_dated(TSAG)
    assert m.kind == "TSAGMeeting" and (m.start, m.end) == (date(2022, 11, 30), date(2022, 12, 2))
    assert m.ordinal[0] == 5 and m.place.iri == ID + "place/geneva"
    p = posts(m)
    assert ("TSAG Chair", None) in p["Lena Fischer"]
    assert ("Director of the ITU Telecommunication Standardization Bureau", None) in p["Carlos Mendes"]
    assert p["Kenji Tanaka"] == {("Vice-Chair of TSAG", ID + "group/tsag")}
    assert p["Amina Diallo"] == {("Chair of SG17", ID + "group/sg17")}


def test_a_virtual_cto_consultation_with_a_participant_list_in_prose():
    m = only_dated("ITU CTO Consultation on Artificial Intelligence\n\nThe virtual CTO consultation took place on 7 July 2020 "
             "(virtual). Participating companies included Nordlys Telecom (Norway), Andes Digital (Peru) and Sahara "
             "Networks (Egypt).\n\nDr Hiroshi Sato, Chief Technology Officer of Nordlys Telecom, chaired the discussion.\n")
    assert m.kind == "CTOConsultation" and m.start == date(2020, 7, 7) and m.attendance[0] == "online"
    assert m.place is None
    assert {(p.organization.label, p.country.iri) for p in m.participations} >= {
        ("Nordlys Telecom", ID + "country/NO"), ("Andes Digital", ID + "country/PE"),
        ("Sahara Networks", ID + "country/EG")}
    assert "Chief Technology Officer of Nordlys Telecom" in {x for x, _ in posts(m)["Hiroshi Sato"]}


def test_a_regional_sgla_hosted_with_a_post_in_its_group_asked_nothing():
    m = only_dated("Regional Study Group Leadership Assembly for Africa\n\nThe regional SGLA for Africa was held in Nairobi, "
             "Kenya on 14-15 March 2021, hosted by the Communications Authority of Kenya.\n\nMr Joseph Otieno, "
             "Vice-Chair of SG 5, was elected to coordinate the regional group.\n")
    assert m.kind == "LeadershipAssembly" and (m.start, m.end) == (date(2021, 3, 14), date(2021, 3, 15))
    assert m.host.label == "Communications Authority of Kenya"
    assert posts(m)["Joseph Otieno"] == {("Vice-Chair of SG5", ID + "group/sg5")}
    assert not m.group_actions  # SG 5 is where he serves, not a group asked to coordinate


def test_a_cto_communique_co_hosted_with_a_bullet_list():
    m = only_dated("Communiqué of the ITU CTO meeting\n\nHeld on March 14–15, 2021 in Seoul, Republic of Korea, the CTO "
             "meeting was co-hosted by Hanbit Telecom and Korea Example Research Institute. The following organizations "
             "participated:\n\n- Hanbit Telecom (Republic of Korea)\n- Andes Digital (Peru)\n- Meridian Systems Inc. "
             "(United States)\n\nCTOs also welcomed participants from Lumen Broadband (Canada) and Fjord Optics "
             "(Finland).\n")
    assert (m.start, m.end) == (date(2021, 3, 14), date(2021, 3, 15)) and m.place.iri == ID + "place/seoul"
    assert m.host.label == "Hanbit Telecom" and [h.label for h in m.co_hosts] == ["Korea Example Research Institute"]
    found = {(p.organization.label, p.country.iri) for p in m.participations}
    assert {("Andes Digital", ID + "country/PE"), ("Meridian Systems Inc.", ID + "country/US"),
            ("Lumen Broadband", ID + "country/CA")} <= found


@pytest.mark.parametrize("phrase, hosts", [
    ("co-hosted by Example Telecom and Sample Networks", ["Example Telecom", "Sample Networks"]),
    ("jointly organized by Example Telecom, Sample Networks and Apex Mobile", ["Example Telecom", "Sample Networks",
                                                                             "Apex Mobile"]),
    ("convened by Example Telecom", ["Example Telecom"]),
    ("hosted by Example Telecom and opened by the Minister", ["Example Telecom"]),
    ("hosted by Example Telecom and Mr John Roe", ["Example Telecom"]),
])
def test_hosts_and_co_hosts(phrase, hosts):
    m = only_dated(f"The CTO meeting, {phrase}, took place in Lima on 3 May 2022.\n")
    assert [h.label for h in [m.host, *m.co_hosts]] == hosts


def test_a_workshop_in_its_fourth_edition_jointly_organized():
    m = only_dated("The ITU Workshop on Quantum Information Technology for Networks (4th edition) was held in Shanghai, China "
             "from 5 to 7 June 2023. The workshop was jointly organized by ITU and the Shanghai Example Academy of "
             "Sciences. Prof. Wei Zhang, Rapporteur for Question 4/13, moderated the first session.\n")
    assert m.kind == "Workshop" and m.ordinal[0] == 4
    assert m.host.iri == ID + "organization/itu"
    assert [h.label for h in m.co_hosts] == ["Shanghai Example Academy of Sciences"]
    assert posts(m)["Wei Zhang"] == {("Rapporteur of Q4/13", "Q4/13")}


@pytest.mark.parametrize("text", [
    "The CxO Roundtable, now in its third edition, took place in Munich, Germany on 12 September 2022.",
    "The fifth edition of the Example Innovation Summit took place in Accra, Ghana on 3 May 2022.",
    "The Example Innovation Summit (5th edition) took place in Accra, Ghana on 3 May 2022.",
])
def test_an_edition_in_brackets_or_prose(text):
    m = only_dated(text + "\n")
    assert m.ordinal is not None and m.ordinal[0] in (3, 5)


def test_an_edition_said_of_another_event_is_not_the_meetings():
    m = only_dated("The CTO meeting was held in Accra on 3 May 2022 alongside the Example Innovation Summit, now in its 5th "
             "edition.\n")
    assert m.ordinal is None


def test_an_organization_with_its_region_stays_an_organization():
    m = only_dated("The CTO meeting, hosted by Example State University, California, took place on 3 May 2022.\n")
    assert m.place is None  # the university's state, not where the text says the meeting was
    assert m.host.label == "Example State University" and m.host.country.iri == ID + "country/US"
    assert not m.co_hosts
    m = only_dated("The CTO meeting was held in Geneva on 3 May 2022. Participants included Sample Institute of Technology, "
             "Texas; Example University, California; and Apex Networks (Germany).\n")
    assert {(p.organization.label, p.country.iri if p.country else None) for p in m.participations} == {
        ("Sample Institute of Technology", ID + "country/US"), ("Example University", ID + "country/US"),
        ("Apex Networks", ID + "country/DE")}
    m = only_dated("The CTO meeting took place on 3 May 2022 at Example University, California.\n")
    assert m.place.label == "California"  # held there


@pytest.mark.parametrize("text, town, country", [
    ("The CTO meeting was held in Nusa Dua on 3 May 2022.", "place/nusa-dua", "country/ID"),
    ("The CTO meeting took place in Bled, Slovenia on 3 May 2022.", "place/bled", "country/SI"),
    ("The SGLA was held in Nusa Dua, Bali, Indonesia on 3 May 2022.", "place/nusa-dua", "country/ID"),
])
def test_a_small_town_where_the_meeting_was_held(text, town, country):
    m = only_dated(text + "\n")
    assert m.place.iri == ID + town and m.country.iri == ID + country


@pytest.mark.parametrize("text", [
    "The CTO meeting took place in Bled on 3 May 2022.",  # one word, its country named nowhere
    "The CTO meeting was held in Auditorium on 3 May 2022.",
    "The CTO meeting was held in Plenary Hall on 3 May 2022.",
])
def test_a_capitalised_word_after_in_is_no_town_without_support(text):
    assert only_dated(text + "\n").place is None


def test_posts_of_several_people_with_their_groups():
    m = only_dated("The SGLA took place in Kigali on 16 October 2023.\nMr Paolo Rossi, Chairman of ITU-T Study Group 12, and "
             "Ms Yuki Mori, Vice-Chairwoman of SG 16, shared experiences. Ms Clara Novak, Chair of the Rapporteur Group "
             "on Standardization Strategy (RG-StdsStrat), reported.\n")
    p = posts(m)
    assert p["Paolo Rossi"] == {("Chair of SG12", ID + "group/sg12")}
    assert p["Yuki Mori"] == {("Vice-Chair of SG16", ID + "group/sg16")}
    assert p["Clara Novak"] == {("Chair of RG-StdsStrat", ID + "group/rg-stdsstrat")}


def test_a_bulleted_list_under_a_heading_saying_who_attended():
    m = only_dated("Budapest, Hungary, 9 September 2019 – The eleventh meeting of ITU's CTO group took place on 8 September "
             "2019 in Budapest, at the invitation of Magyar Example Telekom.\n\nAttending CTOs and their companies:\n"
             "• Danube Networks, Austria\n• Andes Digital, Peru\n")
    assert m.ordinal[0] == 11 and m.host.label == "Magyar Example Telekom"
    assert {(p.organization.label, p.country.iri) for p in m.participations} == {
        ("Danube Networks", ID + "country/AT"), ("Andes Digital", ID + "country/PE")}
