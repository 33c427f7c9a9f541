"""Extraction rules on our own varied documents (other layouts, date styles, list styles, role orders).

None of these texts is a real ITU document: they are written to exercise each rule the way other years'
communiqués, leadership-assembly summaries and TSAG reports word things.
"""
from __future__ import annotations

from datetime import date

import pytest

from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text

ID = "https://w3id.org/itukg/id/"


def doc(text: str, name: str = "example.txt") -> Text:
    return Text(source=name, name=name, sha256="0" * 64, text=text, media_type="text/plain", encoding="utf-8")


def only_meeting(text: str):
    facts = extract(doc(text))
    assert len(facts.meetings) == 1, [(m.kind, m.start) for m in facts.meetings]
    return facts.meetings[0]


CTO_US_STYLE = """CTO Meeting
Busan, Republic of Korea, October 24, 2014
Communiqué
Fifteen ICT leaders met at the sixth annual CTO meeting in Busan, Republic of Korea, on October 24, 2014, held alongside the ITU Plenipotentiary Conference 2014. The meeting was kindly hosted by KT.
Opening remarks
Dr Hamadoun I. Touré, Secretary-General, ITU, opened the meeting and welcomed the executives. Secretary-General Touré stressed the role of standards in the deployment of IMT-2020 and the Internet of Things.
Smart sustainable cities
CTOs called for ITU-T Study Group 20 to give priority to smart cities and to data processing and management.
Participants included: AT&T (United States), Cisco (United States), Huawei Technologies Co., Ltd. (China), KT (Korea) and Orange (France).
"""


def test_cto_communique_in_us_date_style():
    m = only_meeting(CTO_US_STYLE)
    assert m.kind == "CTOMeeting"
    assert (m.start, m.end) == (date(2014, 10, 24), date(2014, 10, 24))
    assert m.ordinal[0] == 6
    assert m.place.iri == ID + "place/busan"
    assert m.country.iri == ID + "country/KR"
    assert m.participant_count[:2] == (15, "exactly")
    assert m.host is not None and m.host.label.startswith("KT")
    assert m.co_located is not None and m.co_located.year == 2014 and "Plenipotentiary" in m.co_located.series.label


def test_participants_in_parentheses_with_legal_forms():
    m = only_meeting(CTO_US_STYLE)
    parts = {(p.organization.iri or p.organization.label, p.country.iri if p.country else None) for p in m.participations}
    assert (ID + "organization/huawei", ID + "country/CN") in parts
    assert (ID + "organization/orange", ID + "country/FR") in parts
    assert len(m.participations) == 5


def test_people_in_name_then_post_order_and_short_mention():
    m = only_meeting(CTO_US_STYLE)
    toure = [p for p in m.people if "Tour" in p.name]
    assert toure and all(p.iri == toure[0].iri for p in toure)
    assert any(p.post is not None for p in toure)
    assert len(toure) >= 2  # 'Secretary-General Touré' resolves to the same person


def test_group_asked_to_give_priority():
    m = only_meeting(CTO_US_STYLE)
    actions = [(a.group.iri, a.action) for a in m.group_actions]
    assert (ID + "group/sg20", "prioritize") in actions
    topics = {t.iri for a in m.group_actions for t in a.topics}
    assert ID + "topic/smart-cities" in topics


TSAG_SUMMARY = """Summary of the TSAG meeting
The Telecommunication Standardization Advisory Group met in Geneva from 26 February – 2 March 2018 under the chairmanship of its Chairman. More than 180 delegates attended.
Work programme
TSAG reviewed the progress of ITU-T Study Groups 13, 15 and 17 and the work of FG ML5G on machine learning for future networks including 5G.
Next meeting
The next TSAG meeting is planned for 14 January 2019 in Geneva.
"""


def test_tsag_meeting_across_months_and_groups_in_coordinated_form():
    m = only_meeting(TSAG_SUMMARY)
    assert m.kind == "TSAGMeeting"
    assert (m.start, m.end) == (date(2018, 2, 26), date(2018, 3, 2))
    assert m.place.iri == ID + "place/geneva" and m.country.iri == ID + "country/CH" and m.country_from_reference
    assert m.participant_count[:2] == (180, "more than")
    groups = {g.iri for g in m.groups_mentioned}
    assert {ID + "group/sg13", ID + "group/sg15", ID + "group/sg17"} <= groups
    assert any("ml5g" in g.iri for g in m.groups_mentioned)
    assert m.next_meeting is not None and m.next_meeting.start == date(2019, 1, 14)


PRESS_RELEASE = """GENEVA, 12 March 2019 – Chief Technology Officers gathered at ITU headquarters.
The seventh CTO meeting took place on 11 March 2019 in Geneva, Switzerland. Participating companies included Nokia, Ericsson and ZTE.
The Director of the ITU Telecommunication Standardization Bureau, Chaesub Lee, thanked the participants.
"""


def test_press_dateline_is_not_the_meeting_date():
    m = only_meeting(PRESS_RELEASE)
    assert m.start == date(2019, 3, 11)
    assert m.ordinal[0] == 7


def test_inline_company_list_and_post_before_name():
    m = only_meeting(PRESS_RELEASE)
    names = {p.organization.iri for p in m.participations}
    assert {ID + "organization/nokia", ID + "organization/ericsson", ID + "organization/zte"} <= names
    lee = [p for p in m.people if p.name == "Chaesub Lee"]
    assert lee and lee[0].post is not None and "Director" in lee[0].post.label


SGLA_ABROAD = """The first-ever Study Group Leadership Assembly was held in Hammamet, 24 October 2016, ahead of the World Telecommunication Standardization Assembly (WTSA-16).
It brought together some 40 participants, including the chairmen of the ten ITU-T study groups.
"""


def test_first_ever_assembly_with_city_only_and_later_event():
    facts = extract(doc(SGLA_ABROAD))
    # the assembly named in passing is a meeting of its own, without the SGLA's date or place
    m, wtsa = sorted(facts.meetings, key=lambda x: x.kind != "LeadershipAssembly")
    assert (wtsa.kind, wtsa.start, wtsa.place) == ("Conference", None, None) and "WTSA-16" in wtsa.name
    assert m.kind == "LeadershipAssembly"
    assert m.ordinal[0] == 1
    assert m.place.iri == ID + "place/hammamet" and m.country.iri == ID + "country/TN"
    assert m.participant_count[:2] == (40, "about")
    assert any(c.value == 10 and "study groups" in c.of for c in m.counts)


def test_unknown_city_before_a_known_country():
    # a town too small for the gazetteer: minted from its name, in the country the text names
    m = only_meeting("The CTO meeting took place on 3 June 2021 in Koudougouville, Burkina Faso.\n")
    assert m.place.label == "Koudougouville" and m.place.iri is None
    assert m.country.iri == ID + "country/BF"


def test_gazetteer_city_before_a_known_country():
    m = only_meeting("The CTO meeting took place on 3 June 2021 in Ouagadougou, Burkina Faso.\n")
    assert m.place.label == "Ouagadougou" and m.place.iri == ID + "place/ouagadougou" and m.place.gazetteer
    assert m.country.iri == ID + "country/BF"


def test_semicolon_list_with_unknown_organizations_and_chairs():
    text = ("The CTO meeting took place 5 May 2020, Geneva, Switzerland.\n"
            "The participating organizations were:\n"
            "Acme Networks Co., Ltd., China; Example Telecom, Kenya; Chairs of ITU-T Study Groups 2 and 3; TSB.\n")
    m = only_meeting(text)
    labels = {(p.organization.label, p.country.iri) for p in m.participations}
    assert ("Acme Networks Co., Ltd.", ID + "country/CN") in labels
    assert ("Example Telecom", ID + "country/KE") in labels
    assert {g.iri for g in m.groups_represented} == {ID + "group/sg2", ID + "group/sg3", ID + "group/tsb"}


def test_document_with_no_meeting_is_reported_not_invented():
    facts = extract(doc("ITU-T publishes Recommendations on many topics, including network slicing.\n"))
    assert facts.meetings == []
    assert facts.warnings and "no meeting" in facts.warnings[0]


def test_every_span_quotes_the_text():
    for text in (CTO_US_STYLE, TSAG_SUMMARY, PRESS_RELEASE, SGLA_ABROAD):
        for m in extract(doc(text)).meetings:
            refs = [m.place, m.country, m.host, *m.topics, *m.groups_mentioned, *m.organizations_mentioned]
            for r in refs:
                if r is not None:
                    assert text[r.span.start:r.span.end] == r.span.quote
            for p in m.participations:
                assert text[p.span.start:p.span.end] == p.span.quote


@pytest.mark.parametrize("sentence,expected", [
    ("The CTO meeting took place on 9-10 September 2019 in Budapest.", (date(2019, 9, 9), date(2019, 9, 10))),
    ("The CTO meeting took place on September 9, 2019 in Budapest.", (date(2019, 9, 9), date(2019, 9, 9))),
    ("The CTO meeting was held 1–4 May 2017 in Geneva.", (date(2017, 5, 1), date(2017, 5, 4))),
    ("The CTO meeting was held in Geneva on Monday, 3rd December 2018.", (date(2018, 12, 3), date(2018, 12, 3))),
])
def test_meeting_dates_in_several_styles(sentence, expected):
    m = only_meeting(sentence + "\n")
    assert (m.start, m.end) == expected


def test_co_located_event_dates_are_not_the_meeting_dates():
    text = ("The tenth annual CTO meeting took place in Durban, South Africa, 9 September 2018, "
            "held in conjunction with ITU Telecom World, 10-13 September 2018.\n")
    m = only_meeting(text)
    assert (m.start, m.end) == (date(2018, 9, 9), date(2018, 9, 9))
    assert m.co_located.start == date(2018, 9, 10) and m.co_located.end == date(2018, 9, 13)


OTHER_WORDINGS = """Geneva, 25 January 2017
The ninth meeting of the CTO Group took place in Geneva on 24 January 2017. The meeting was attended by CTOs from Intel, Microsoft and China Mobile.
Participants:
Intel (United States); Microsoft (United States); China Mobile (China)
"""


def test_other_wordings_of_a_cto_meeting_and_lists():
    m = only_meeting(OTHER_WORDINGS)
    assert m.kind == "CTOMeeting" and m.start == date(2017, 1, 24) and m.ordinal[0] == 9
    orgs = {p.organization.iri for p in m.participations}
    assert {ID + "organization/intel", ID + "organization/microsoft", ID + "organization/china-mobile"} <= orgs
    with_country = {p.organization.iri: p.country.iri for p in m.participations if p.country}
    assert with_country[ID + "organization/china-mobile"] == ID + "country/CN"


def test_tsag_held_its_meeting():
    m = only_meeting("TSAG held its second meeting of the study period in Geneva, 10-13 January 2022.\n")
    assert m.kind == "TSAGMeeting" and (m.start, m.end) == (date(2022, 1, 10), date(2022, 1, 13))


def test_two_communiques_in_one_document_keep_their_own_facts():
    text = ("CTO meeting\n12 October 2015, Budapest, Hungary\nCommuniqué\n"
            "The CTO meeting discussed network slicing at length.\n"
            "The participating organizations were:\nNokia, Finland; Ericsson, Sweden.\n"
            "Americas CTO consultation meeting\n3 May 2016, California, United States\nCommuniqué\n"
            "Executives discussed quantum key distribution.\n"
            "The participating organizations were:\nApple, United States; Ericsson, Canada.\n")
    meetings = {m.kind: m for m in extract(doc(text)).meetings}
    assert set(meetings) == {"CTOMeeting", "CTOConsultation"}
    cto, cons = meetings["CTOMeeting"], meetings["CTOConsultation"]
    assert cto.place.iri == ID + "place/budapest" and cons.place.iri == ID + "place/california"
    assert {t.iri for t in cto.topics} >= {ID + "topic/network-slicing"}
    assert ID + "topic/network-slicing" not in {t.iri for t in cons.topics}
    assert {(p.organization.iri, p.country.iri) for p in cons.participations} == {
        (ID + "organization/apple", ID + "country/US"), (ID + "organization/ericsson", ID + "country/CA")}
    assert cons.name.startswith("Americas CTO consultation")


def test_each_group_gets_its_own_request_in_one_sentence():
    text = ("The CTO meeting took place on 5 May 2022 in Geneva.\n"
            "Participants asked ITU-T Study Group 13 and Study Group 20 to coordinate their work on digital twin "
            "networks, and invited SG17 to lead studies on quantum-safe cryptography.\n")
    m = only_meeting(text)
    actions = {a.group.iri: (a.action, {t.iri for t in a.topics}) for a in m.group_actions}
    assert actions[ID + "group/sg13"][0] == actions[ID + "group/sg20"][0] == "coordinate"
    assert actions[ID + "group/sg17"] == ("lead", {ID + "topic/quantum-safe-cryptography"})
    assert ID + "topic/quantum-safe-cryptography" not in actions[ID + "group/sg13"][1]


PRESS_STYLE_2015 = """ITU CTO meeting calls for greater collaboration on Internet of Things standards

Geneva, 12 October 2015 – Industry Chief Technology Officers (CTOs) have called on ITU to step up its work.

The seventh meeting of ITU's CTO group, held in Budapest, Hungary, on 11 October 2015 alongside ITU Telecom World 2015, brought together 21 executives from companies including AT&T, China Mobile, Cisco and ZTE.
CTOs agreed that ITU-T Study Group 20, established in June 2015, should lead the development of standards for smart cities.
"""


def test_meeting_of_the_cto_group_with_a_list_after_two_openers():
    m = only_meeting(PRESS_STYLE_2015)
    assert (m.kind, m.start, m.ordinal[0], m.place.iri) == ("CTOMeeting", date(2015, 10, 11), 7, ID + "place/budapest")
    assert m.participant_count[:2] == (21, "exactly")
    assert {p.organization.iri for p in m.participations} == {
        ID + "organization/att", ID + "organization/china-mobile", ID + "organization/cisco", ID + "organization/zte"}
    assert [(a.group.iri, a.action) for a in m.group_actions] == [(ID + "group/sg20", "lead")]


TSAG_E_MEETING = """Summary of the TSAG meeting (Geneva, 10-13 January 2022)

TSAG held its second e-meeting of the study period from 10 to 13 January 2022. Some 300 delegates registered.

Work programme and restructuring
TSAG agreed to establish a new Focus Group on Metaverse under ITU-T Study Group 16 and asked Study Groups 2, 3 and 20 to review their work programmes.
"""


def test_group_acted_on_takes_the_verb_before_it():
    m = only_meeting(TSAG_E_MEETING)
    assert (m.kind, m.start, m.end) == ("TSAGMeeting", date(2022, 1, 10), date(2022, 1, 13))
    actions = {a.group.iri: a.action for a in m.group_actions}
    fg = ID + "group/fg-mv"
    assert actions[fg] == "establish"  # not 'study' from 'study period', not 'review' from later on
    assert actions[ID + "group/sg2"] == actions[ID + "group/sg3"] == actions[ID + "group/sg20"] == "review"
