"""More extraction rules on our own varied texts of the same family (none is a real ITU document).

Each text exercises a general rule: other ways a communiqué says that CTOs met, press datelines, TD header
blocks, headings with the place and date on their own lines (html, docx), one-per-line participant lists,
regional consultations, several meetings in one sentence or one document, people introduced by 'chaired by'.
"""
from __future__ import annotations

from datetime import date

from itukg.graph.extract.meetings import extract
from itukg.graph.read import Text
from itukg.graph.reference import load_reference

ID = "https://w3id.org/itukg/id/"


def doc(text: str, name: str = "example.txt") -> Text:
    return Text(source=name, name=name, sha256="0" * 64, text=text, media_type="text/plain", encoding="utf-8")


def meetings(text: str):
    return extract(doc(text)).meetings


def only_meeting(text: str):
    ms = meetings(text)
    assert len(ms) == 1, [(m.kind, m.start) for m in ms]
    return ms[0]


def iris(refs) -> set[str]:
    return {r.iri for r in refs if r.iri}


# -- 'CTOs met', press datelines, dateless mentions of the meeting ---------------------------------------

PRESS_TITLE_CASE = """Geneva, 25 January 2017 – Chief Technology Officers (CTOs) from 13 companies met at ITU headquarters in Geneva on 24 January 2017 to discuss standardization priorities for 5G, artificial intelligence and the Internet of Things.
The ITU CTO meeting, held in conjunction with the Global Standards Symposium, was chaired by Ulrich Dietz, Chief Technology Officer of Example Systems.
ITU Secretary-General Houlin Zhao opened the meeting. TSB Director Chaesub Lee thanked the participants.
CTOs called on ITU-T SG13 and SG 17 to give priority to network slicing and quantum key distribution. The meeting also welcomed the work of FG-AI4H, the Focus Group on AI for Health, and of Study Groups 9, 12 and 16.
Participants: Huawei (China), Nokia (Finland), Orange (France), China Mobile (China), Verizon (United States), KDDI (Japan)
"""


def test_ctos_met_opens_a_meeting_and_title_case_dateline_is_not_its_date():
    m = only_meeting(PRESS_TITLE_CASE)
    assert m.kind == "CTOMeeting"
    assert (m.start, m.end) == (date(2017, 1, 24), date(2017, 1, 24))
    assert m.name == "ITU CTO meeting"  # the written name wins over the default one
    assert m.place.iri == ID + "place/geneva"
    assert m.participant_count[:2] == (13, "exactly")  # 'CTOs from 13 companies'


def test_undated_mention_of_the_only_meeting_gives_its_co_located_event():
    m = only_meeting(PRESS_TITLE_CASE)
    assert m.co_located is not None and m.co_located.series.iri == ID + "series/gss"


def test_groups_in_every_spelling_and_people_with_generic_post():
    m = only_meeting(PRESS_TITLE_CASE)
    assert {ID + f"group/sg{n}" for n in (9, 12, 13, 16, 17)} <= iris(m.groups_mentioned)
    assert ID + "group/fg-ai4h" in iris(m.groups_mentioned)
    people = {p.name: p for p in m.people}
    # the chair of the meeting holds the post the text gives him at his company too
    assert "Chief Technology Officer of Example Systems" in {p.post.label for p in m.people if p.name == "Ulrich Dietz"}
    assert people["Houlin Zhao"].iri == ID + "person/houlin-zhao"
    assert people["Chaesub Lee"].post.iri == ID + "post/tsb-director"
    parts = {(p.organization.iri, p.country.iri) for p in m.participations}
    assert (ID + "organization/kddi", ID + "country/JP") in parts and len(parts) == 6


def test_met_today_under_a_dateline_and_dateline_place_only_as_fallback():
    text = ("BUDAPEST, 9 September 2019 – Chief Technology Officers from 12 leading ICT companies met today at the "
            "ITU CTO meeting, held on the eve of ITU Telecom World 2019.\n")
    m = only_meeting(text)
    assert m.start == date(2019, 9, 9)
    assert m.place.iri == ID + "place/budapest"
    assert m.co_located.series.iri == ID + "series/itu-telecom-world" and m.co_located.year == 2019
    assert m.participant_count[:2] == (12, "exactly")
    text = ("GENEVA, 12 October 2015 – Chief Technology Officers met yesterday in Budapest, Hungary, "
            "at the ITU CTO meeting.\n")
    m = only_meeting(text)
    assert m.start == date(2015, 10, 11)
    assert m.place.iri == ID + "place/budapest"


# -- TD header blocks -------------------------------------------------------------------------------------

TD_HEADER = """INTERNATIONAL TELECOMMUNICATION UNION
TELECOMMUNICATION STANDARDIZATION SECTOR
STUDY PERIOD 2017-2020
TSAG-TD123
Original: English
Geneva, 10-14 February 2020
Source: Director, TSB
Title: Communiqué of the CTO meeting held on 14 and 15 March 2019

This TD transmits the communiqué of the eleventh CTO meeting, which took place in Geneva, Switzerland, on 14 and 15 March 2019, kindly hosted by Swisscom at its headquarters in Bern.
The meeting was attended by 25 industry leaders.
Companies represented: AT&T, BT, Deutsche Telekom, NTT, Telefonica, Vodafone and ZTE.
Mr Malcolm Johnson, ITU Deputy Secretary-General, addressed the CTOs.
Artificial intelligence and machine learning
CTOs discussed the use of machine learning in networks and encouraged ITU-T Study Group 13 to coordinate with FG-ML5G.
The next CTO meeting will take place on 20 October 2019 in Budapest, Hungary, alongside ITU Telecom World 2019.
"""


def test_td_header_is_not_a_meeting_and_gives_the_study_period():
    m = only_meeting(TD_HEADER)
    assert m.kind == "CTOMeeting" and (m.start, m.end) == (date(2019, 3, 14), date(2019, 3, 15))
    assert m.ordinal[0] == 11 and m.place.iri == ID + "place/geneva"
    assert m.host.iri == ID + "organization/swisscom"
    assert m.participant_count[:2] == (25, "exactly")
    assert m.study_period[0] == "2017-2020"
    assert [i.heading for i in m.items] == ["Artificial intelligence and machine learning"]  # not 'Source: ...'
    assert m.next_meeting.start == date(2019, 10, 20)


def test_companies_represented_list_and_people_across_lines():
    m = only_meeting(TD_HEADER)
    assert {ID + "organization/att", ID + "organization/bt", ID + "organization/zte",
            ID + "organization/ntt"} <= iris(p.organization for p in m.participations)
    assert len(m.participations) == 7
    assert [(p.name, p.post.iri) for p in m.people] == [("Malcolm Johnson", ID + "post/itu-deputy-secretary-general")]


TD_TWO_REPORTED = """INTERNATIONAL TELECOMMUNICATION UNION
TELECOMMUNICATION STANDARDIZATION SECTOR
STUDY PERIOD 2022-2024
TSAG-TD 210
Original: English
Geneva, 30 May - 2 June 2023
Source: TSAG Chair
Title: Report of the Rapporteur Group on Standardization Strategy

The Rapporteur Group on Standardization Strategy (RG-StdsStrat) met virtually on 15 March 2023 under the chairmanship of Mr John Example (United Kingdom).
It reviewed the outcomes of the CTO meeting held in Geneva on 2 October 2022 and the regional CTO consultation held in Seoul on 9 November 2022.
The group recommended that ITU-T Study Group 13 prioritize work on computing power networks.
"""


def test_two_meetings_in_one_sentence_keep_their_own_place_and_nothing_else():
    ms = {m.kind: m for m in meetings(TD_TWO_REPORTED)}
    # the rapporteur group 'met virtually on 15 March 2023': a meeting of its own, held online
    rg = ms.pop("RapporteurGroupMeeting")
    assert (rg.start, rg.place, rg.attendance[0]) == (date(2023, 3, 15), None, "online")
    assert set(ms) == {"CTOMeeting", "CTOConsultation"}
    assert ms["CTOMeeting"].place.iri == ID + "place/geneva"
    assert ms["CTOConsultation"].place.iri == ID + "place/seoul"
    assert ms["CTOConsultation"].country.iri == ID + "country/KR"
    for m in ms.values():  # the rapporteur group's own recommendations are not the meetings' facts
        assert not m.group_actions and not m.topics
        assert m.study_period[0] == "2022-2024"


# -- headings with place and date on lines of their own (html, docx) --------------------------------------

HTML_LAYOUT = """Chief Technology Officers meeting

Geneva, Switzerland
Wednesday, 14 March 2018

Communiqué

Opening
The CTO meeting, held at ITU headquarters, was opened by Mr Houlin Zhao, Secretary-General of ITU.

Artificial intelligence
CTOs encouraged the new ITU-T Focus Group on Machine Learning for Future Networks including 5G to consider the implications of AI for network management.

Participants
Cisco (United States)
Fujitsu (Japan)
Huawei Technologies (China)
Telefónica (Spain)
Chairmen of ITU-T Study Groups 13 and 15

Next steps
The next CTO meeting will be held on 9 September 2018 in Durban, South Africa.
"""


def test_heading_block_with_place_and_weekday_date_on_their_own_lines():
    m = only_meeting(HTML_LAYOUT)
    assert m.kind == "CTOMeeting" and m.start == date(2018, 3, 14)
    assert m.place.iri == ID + "place/geneva"
    assert m.next_meeting.start == date(2018, 9, 9) and m.next_meeting.place.iri == ID + "place/durban"


def test_one_item_per_line_list_under_a_heading_without_colon():
    m = only_meeting(HTML_LAYOUT)
    parts = {(p.organization.iri, p.country.iri) for p in m.participations}
    assert parts == {(ID + "organization/cisco", ID + "country/US"), (ID + "organization/fujitsu", ID + "country/JP"),
                     (ID + "organization/huawei", ID + "country/CN"), (ID + "organization/telefonica", ID + "country/ES")}
    assert iris(m.groups_represented) == {ID + "group/sg13", ID + "group/sg15"}
    assert "Next steps" in [i.heading for i in m.items]


def test_one_per_line_list_stops_at_a_heading_over_prose():
    text = ("Latin American CTO consultation meeting\nMexico City, Mexico\nThursday 7 December 2017\n"
            "Mr Chaesub Lee convened the Latin American CTO consultation meeting in Mexico City on 7 December 2017.\n"
            "Participating organizations\nAmérica Movil (Mexico)\nTelefónica (Spain)\nNokia (Finland)\nDiscussion\n"
            "CTOs called on ITU-T SG12 and SG 3 to study international mobile roaming and QoS regulation.\n")
    m = only_meeting(text)
    assert m.kind == "CTOConsultation" and m.name == "Latin American CTO consultation meeting"
    assert m.place.iri == ID + "place/mexico-city"
    labels = [p.organization.label for p in m.participations]
    assert len(labels) == 3 and "Discussion" not in labels
    assert labels[0] == "América Movil" and m.participations[0].country.iri == ID + "country/MX"


def test_tables_as_rows_of_cells():
    text = ("CTO meeting\n3 October 2023, Geneva, Switzerland\nCommuniqué\n"
            "The CTO meeting took place at ITU headquarters.\n"
            "Participants:\nOrganization; Country\nOoredoo; Qatar\nKT; Republic of Korea\n")
    m = only_meeting(text)
    parts = {(p.organization.iri, p.country.iri if p.country else None) for p in m.participations}
    assert (ID + "organization/ooredoo", ID + "country/QA") in parts
    assert (ID + "organization/kt", ID + "country/KR") in parts
    assert len(parts) == 2  # the heading row 'Organization; Country' names no organization


# -- regional consultations ----------------------------------------------------------------------------------

def test_regional_cto_meeting_is_a_consultation_and_merges_with_its_other_wording():
    text = ("Asia-Pacific regional CTO meeting\nBangkok, Thailand, March 14–15, 2018\nCommuniqué\n"
            "The 5th meeting of the CTO Group in the Asia-Pacific region was held in Bangkok, Thailand on March 14–15, 2018, "
            "hosted by CAT Telecom.\n"
            "CTOs from 12 companies in the region took part, including Telstra, Singtel, KDDI and Telkom Indonesia.\n")
    m = only_meeting(text)
    assert m.kind == "CTOConsultation" and m.name == "Asia-Pacific regional CTO meeting"
    assert (m.start, m.end) == (date(2018, 3, 14), date(2018, 3, 15))
    assert m.ordinal[0] == 5 and m.place.iri == ID + "place/bangkok"
    assert m.host.label == "CAT Telecom" and not load_reference().is_reference(m.host.iri)  # minted, as written
    assert m.participant_count[:2] == (12, "exactly")
    assert {ID + "organization/telstra", ID + "organization/singtel", ID + "organization/kddi",
            ID + "organization/telkom-indonesia"} == iris(p.organization for p in m.participations)


def test_two_communiques_one_virtual_one_regional():
    text = ("This TD provides the communiqués of the CTO meetings of 2021.\n"
            "CTO meeting\n22 June 2021, virtual\nCommuniqué\n"
            "The twelfth ITU CTO meeting was held virtually on 22 June 2021, chaired by TSB Director Chaesub Lee.\n"
            "CTOs asked ITU-T Study Group 13 to lead work on autonomous networks.\n"
            "The participating organizations were:\nEricsson, Sweden; Huawei, China; NTT, Japan.\n"
            "Asia-Pacific regional CTO consultation meeting\nTokyo, Japan, 14–15 October 2021\nCommuniqué\n"
            "The Asia-Pacific regional CTO consultation meeting took place in Tokyo, Japan, 14–15 October 2021, "
            "kindly hosted by NTT.\nExecutives discussed quantum key distribution.\n"
            "The participating organizations were:\nKDDI, Japan; SoftBank, Japan; Telstra, Australia.\n")
    ms = {m.kind: m for m in meetings(text)}
    assert set(ms) == {"CTOMeeting", "CTOConsultation"}
    cto, cons = ms["CTOMeeting"], ms["CTOConsultation"]
    assert cto.place is None and cto.ordinal[0] == 12  # held virtually: no place invented
    assert cons.name == "Asia-Pacific regional CTO consultation meeting"
    assert cons.place.iri == ID + "place/tokyo" and cons.host.iri == ID + "organization/ntt"
    assert ID + "topic/autonomous-networks" in iris(cto.topics)
    assert ID + "topic/autonomous-networks" not in iris(cons.topics)
    assert ID + "topic/quantum-key-distribution" not in iris(cto.topics)
    assert iris(p.organization for p in cons.participations) == {
        ID + "organization/kddi", ID + "organization/softbank", ID + "organization/telstra"}


# -- TSAG and SGLA ---------------------------------------------------------------------------------------------

def test_tsag_held_its_meeting_chaired_by_and_working_party_is_no_person():
    text = ("Summary of the 8th TSAG meeting\n"
            "TSAG held its eighth meeting in Geneva from 10 to 14 January 2022, chaired by Mr Abdurahman M. Al Hassan "
            "(Saudi Arabia).\nThe meeting was attended by over 250 participants from 60 Member States.\n"
            "TSAG rapporteur groups RG-WM and RG-WP met during the week. Working Party 1 discussed the work programme.\n")
    m = only_meeting(text)
    assert m.kind == "TSAGMeeting" and m.name == "TSAG meeting"
    assert (m.start, m.end) == (date(2022, 1, 10), date(2022, 1, 14)) and m.ordinal[0] == 8
    assert m.participant_count[:2] == (250, "more than")
    assert [(p.name, p.post.iri) for p in m.people] == [("Abdurahman M. Al Hassan", ID + "post/chair")]
    assert {ID + "group/rg-wm", ID + "group/rg-wp"} <= iris(m.groups_mentioned)


def test_tsag_met():
    m = only_meeting("The Telecommunication Standardization Advisory Group (TSAG) met in Geneva on 30 May - 2 June 2023.\n")
    assert m.kind == "TSAGMeeting" and (m.start, m.end) == (date(2023, 5, 30), date(2023, 6, 2))


def test_virtual_sgla_with_range_across_months_and_chairs_counted():
    text = ("ITU-T Study Group Leadership Assembly\n"
            "The third Study Group Leadership Assembly was held virtually from 30 November to 1 December 2020.\n"
            "It brought together around 80 study group chairs and vice-chairs.\n")
    m = only_meeting(text)
    assert m.kind == "LeadershipAssembly" and m.ordinal[0] == 3
    assert (m.start, m.end) == (date(2020, 11, 30), date(2020, 12, 1))
    assert m.place is None
    assert m.participant_count[:2] == (80, "about")


def test_chairs_of_study_groups_listed_inline():
    text = ("The fourth ITU-T Study Group Leadership Assembly (SGLA) took place in Geneva on 28 February 2022.\n"
            "Some 60 leaders participated, including the chairs of SG2, SG3, SG5 and SG20.\n")
    m = only_meeting(text)
    assert iris(m.groups_represented) == {ID + f"group/sg{n}" for n in (2, 3, 5, 20)}
    assert m.participations == []


# -- other events, workshops, past meetings ---------------------------------------------------------------------

def test_event_year_from_its_acronym_in_brackets_is_read_once():
    text = ("The CTO meeting took place in Dubai on 28 October 2018, on the margins of the "
            "ITU Plenipotentiary Conference (PP-18).\n"
            "The ITU Plenipotentiary Conference 2018 (PP-18) will elect ITU's leadership.\n")
    m, pp = sorted(meetings(text), key=lambda x: x.kind != "CTOMeeting")
    assert m.co_located.series.iri == ID + "series/pp" and m.co_located.year == 2018
    assert m.events_mentioned == []
    # the conference named twice is one meeting, whose date the text does not give (the CTO meeting's is not it)
    assert pp.kind == "Conference" and pp.start is None and pp.series.iri == ID + "series/pp"


def test_workshop_name_stops_at_the_verb_and_heading_date_yields_to_the_prose():
    text = ("ITU-T Workshop on quantum information technology\nGeneva, 5 May 2019\n"
            "The ITU workshop on Quantum Information Technology for Networks took place in Shanghai on 5-7 June 2019, "
            "hosted by China Telecom.\n"
            "As agreed at the last CTO meeting, held on 9 September 2018 in Durban, the workshop addressed quantum key "
            "distribution.\n")
    # the publication date is no meeting's; the past CTO meeting is a meeting with its own date and place
    m, past = sorted(meetings(text), key=lambda x: x.kind != "Workshop")
    assert (past.kind, past.start, past.place.label) == ("CTOMeeting", date(2018, 9, 9), "Durban")
    assert m.kind == "Workshop" and m.name == "ITU workshop on Quantum Information Technology for Networks"
    assert (m.start, m.end) == (date(2019, 6, 5), date(2019, 6, 7))
    assert m.place.iri == ID + "place/shanghai"


def test_generic_post_ends_with_its_sentence():
    text = ("The CTO meeting took place in Geneva on 3 October 2023. The meeting was chaired by Dr Jane Smith, "
            "Chief Technology Officer of Example Telecom. The meeting closed at noon.\n")
    m = only_meeting(text)
    jane = [p for p in m.people if p.name == "Jane Smith"]
    assert jane and jane[0].post.label == "Chief Technology Officer of Example Telecom"
    assert jane[0].honorific == "Dr"


def test_posts_with_their_group_honorifics_and_no_false_people():
    text = ("The CTO meeting took place in Geneva on 5 May 2020.\n"
            "The Chairman of ITU-T Study Group 17, Heung Youl Youm, presented the work on security.\n"
            "Bilel Jamoussi, Chief of the Study Groups Department of TSB, moderated the session.\n"
            "Working Party Chairmen and Rapporteurs of Study Group 16 attended. Machine Learning Focus Group leaders spoke.\n"
            "Presentations were given by Mr Kazuhiro Example (NTT Docomo) and Ms Maria Sample (Orange).\n")
    m = only_meeting(text)
    people = {p.name: p for p in m.people}
    assert set(people) == {"Heung Youl Youm", "Bilel Jamoussi", "Kazuhiro Example", "Maria Sample"}
    youm = people["Heung Youl Youm"].post  # the generic 'Chair', of SG17: SG17's own post, in SG17
    assert (youm.label, youm.iri, youm.part_of.iri) == ("Chair of SG17", None, ID + "group/sg17")
    assert people["Bilel Jamoussi"].post.label == "Chief of the Study Groups Department of TSB"
    assert people["Maria Sample"].honorific == "Ms" and people["Maria Sample"].post is None


def test_topics_inside_a_longer_label_count_unless_the_hierarchy_implies_them():
    m = only_meeting("The CTO meeting took place in Geneva on 5 May 2020. CTOs discussed QoS and QoE.\n")
    assert {ID + "topic/quality-of-service", ID + "topic/quality-of-experience"} <= iris(m.topics)
    m = only_meeting("The CTO meeting took place in Geneva on 5 May 2020. CTOs discussed application security.\n")
    assert iris(m.topics) == {ID + "topic/application-security"}  # 'security' is its broader concept


def test_ctos_met_again_is_a_session_of_the_named_meeting_not_another_meeting():
    text = ("The tenth CTO meeting took place in Durban, South Africa, on 9 September 2018.\n"
            "CTOs met again on 10 September 2018 in a closed session to agree on the communiqué.\n")
    m = only_meeting(text)
    assert m.start == date(2018, 9, 9)
