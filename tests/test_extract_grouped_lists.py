"""Lists of who took part grouped by country ('China: A, B and C; Japan: D'), counted lists ('executives from 18
companies, including A (X), B (Y)'), posts named in the plural before their holders ('Vice-Chairmen present included
A and B'), and a meeting a regulator's news item dates in its prose under a date line of its own (texts written for
these tests)."""
from __future__ import annotations

import pytest
from extract_fixtures import facts_of, only_dated

OPENING = "The CTO meeting was held in Geneva on 3 May 2023. "


def _participants(m):
    return {p.organization.label: (p.country.label if p.country else None) for p in m.participations}


@pytest.mark.parametrize("text", [
    OPENING + "Participants came from Kenya: Apex Mobile, Beta Wireless and Gamma Labs; Japan: Delta Systems; and "
              "the United States: Epsilon Networks and Zeta Research.\n",
    OPENING + "\nParticipants:\nKenya: Apex Mobile, Beta Wireless, Gamma Labs\nJapan: Delta Systems\n"
              "United States: Epsilon Networks, Zeta Research\n",
])
def test_a_country_heads_the_organizations_of_that_country(text):
    assert _participants(only_dated(text)) == {
        "Apex Mobile": "Kenya", "Beta Wireless": "Kenya", "Gamma Labs": "Kenya", "Delta Systems": "Japan",
        "Epsilon Networks": "United States", "Zeta Research": "United States"}


def test_a_label_that_is_no_country_heads_no_group():
    m = only_dated(OPENING + "\nParticipants:\nApex Mobile\nBeta Wireless\n\nChair: Ms Ana Costa\n")
    assert set(_participants(m)) == {"Apex Mobile", "Beta Wireless"}


@pytest.mark.parametrize("sentence", [
    "Executives from 18 companies, including Apex Mobile (Kenya), Beta Wireless (Japan) and Gamma Labs (France), agreed "
    "on priorities.",
    "CTOs from more than twenty companies, such as Apex Mobile (Kenya), Beta Wireless (Japan) and Gamma Labs (France), "
    "took part.",
])
def test_a_counted_list_of_companies_names_its_participants(sentence):
    assert _participants(only_dated(OPENING + sentence + "\n")) == {
        "Apex Mobile": "Kenya", "Beta Wireless": "Japan", "Gamma Labs": "France"}


def test_people_of_a_body_are_not_the_body():
    m = only_dated(OPENING + "It was attended by 300 participants, including Working Party leaders, Rapporteurs, and "
                             "representatives of Apex Mobile and Beta Wireless.\n")
    assert set(_participants(m)) == {"Apex Mobile", "Beta Wireless"}


def test_a_plural_post_before_its_holders():
    m = only_dated(OPENING + "Vice-Chairmen present included Ms. Ana Costa (Apex Mobile, Kenya) and Mr. Ken Sato "
                             "(Japan).\n")
    posts = {p.name: p.post.label for p in m.people if p.post}
    assert posts == {"Ana Costa": "Vice-Chair", "Ken Sato": "Vice-Chair"}


def test_a_board_member_of_the_organization_before_the_post():
    m = only_dated(OPENING + "Apex Mobile's Board member, Dr. Ana Costa, presented its plans.\n")
    (p,) = [p for p in m.people if p.name == "Ana Costa"]
    assert (p.post.label, p.affiliation.label) == ("Board member", "Apex Mobile")


@pytest.mark.parametrize("date_line", ["28.03.2014", "28 March 2014"])
def test_a_date_line_under_a_headline_is_not_the_date_the_prose_gives(date_line):
    text = ("Examcom takes part in meeting of ITU-T CTOs\n\n" + date_line + "\n\n"
            "Examcom's Board member, Dr. Ana Costa, represented the Authority at the meeting of Chief Technology "
            "Officers organised by the TSB in Tokyo, Japan, on 24 and 25 March 2014.\n")
    (m,) = facts_of(text).meetings
    assert (str(m.start), str(m.end), m.place.label) == ("2014-03-24", "2014-03-25", "Tokyo")



def test_a_dateline_of_several_days_dates_the_meeting_not_the_release():
    (m,) = facts_of("Geneva, 5th-6th of December 2012 — The CTO meeting convened at ITU headquarters to review "
                    "progress on e-waste.\n").meetings
    assert (str(m.start), str(m.end)) == ("2012-12-05", "2012-12-06")


def test_a_dateline_of_one_day_is_still_the_release():
    facts = facts_of("Geneva, 7 December 2012 — The CTO meeting convened at ITU headquarters on 5 December 2012.\n")
    assert str(facts.published) == "2012-12-07" and [str(m.start) for m in facts.meetings] == ["2012-12-05"]


@pytest.mark.parametrize("sentence", [
    "On June 15, 2021, the CTO meeting took place in the video conference format.",
    "The CTO meeting was held on 15 June 2021 as a videoconference meeting.",
])
def test_a_meeting_by_video_conference_is_online(sentence):
    m = only_dated(sentence + "\n")
    assert m.attendance[0] == "online" and m.place is None


def test_a_list_of_the_bodies_the_ctos_represented():
    m = only_dated(OPENING + "\n\nThe CTOs represented: Apex Mobile; Beta Wireless; Gamma Labs and Orange.\n")
    assert set(_participants(m)) == {"Apex Mobile", "Beta Wireless", "Gamma Labs", "Orange"}


def test_a_country_in_brackets_after_a_post_is_its_holders():
    m = only_dated(OPENING + "The region was represented by Mr. Ivan Petrov, Vice-Chairman of ITU-T SG11 (Russian "
                             "Federation), and Ms. Olga Ivanova, Rapporteur for Question 5/13 (Belarus).\n")
    got = {p.name: (p.post.label, p.country.label if p.country else None) for p in m.people}
    assert got == {"Ivan Petrov": ("Vice-Chair of SG11", "Russian Federation"),
                   "Olga Ivanova": ("Rapporteur of Q5/13", "Belarus")}


@pytest.mark.parametrize("sentence, expected", [
    ("The Examplian Communications Commission (ECC) was represented at the meeting by Mr. Sam Poe, Director.",
     {"Examplian Communications Commission"}),
    ("Orange also took part.", {"Orange"}),
    # an organization the text neither defines nor the reference data knows is no subject to trust alone
    ("The Ministry was represented at the meeting.", set()),
])
def test_one_organization_before_its_verb_took_part(sentence, expected):
    assert set(_participants(only_dated(OPENING + sentence + "\n"))) == expected


def test_counts_of_members_are_no_organizations():
    m = only_dated(OPENING + "The meeting was attended by 150 participants from 30 Member States, 25 Sector Members "
                             "and 5 Associates.\n")
    assert _participants(m) == {}


def test_a_post_with_its_field_is_no_organization_of_a_list():
    m = only_dated(OPENING + "\n\nThe following executives attended:\n"
                             "- Dr. Ana Costa, Chief Technology Officer, Apex Mobile, Kenya\n"
                             "- Ms. Lena Berg, Vice President Technology, Beta Wireless, Sweden\n")
    assert _participants(m) == {"Apex Mobile": "Kenya", "Beta Wireless": "Sweden"}


def test_a_meeting_the_day_before_the_opening_of_another_keeps_its_own_text():
    facts = facts_of("The SGLA convened on 22 October 2016 in Hammamet, Tunisia, the day before the opening of WTSA-16. "
                     "Organized by TSB and hosted by the Examplian Ministry of Communication, the assembly gathered the "
                     "leadership of the study groups.\n\nDr Ana Costa, the TSAG Chairman, opened the session.\n")
    (m,) = [m for m in facts.meetings if m.start]
    assert m.kind == "LeadershipAssembly" and str(m.start) == "2016-10-22"
    assert m.host.label == "Examplian Ministry of Communication"
    assert [p.name for p in m.people] == ["Ana Costa"]
    assert all(o.start is None for o in facts.meetings if o is not m)  # WTSA-16 is only named


def test_a_news_item_dated_on_its_first_line_and_placed_in_its_headline():
    (m,) = facts_of("3 September 2015\n\nITU's group of technology chiefs meets in Tokyo\n\nMore than 20 CTOs met on "
                    "Wednesday at the invitation of Apex Mobile to discuss the future of standardization.\n").meetings
    assert (str(m.start), m.place.label) == ("2015-09-02", "Tokyo")  # 3 September 2015 was a Thursday



def test_a_date_on_the_first_line_with_no_day_counted_from_it_is_no_release_date():
    facts = facts_of("3 September 2015\nCTO meeting\nTokyo, Japan\n\nThe CTOs discussed the future of standardization.\n")
    assert facts.published is None


def test_a_list_of_people_with_posts_stops_each_post_at_the_next_style():
    m = only_dated(OPENING + "Statements were made by H.E. Mr. Omar Haddad, Ambassador of Examplia, Ms. Lena Berg (Apex "
                             "Mobile), Mr. Tomas Silva, Chairman of the Board of Directors of Beta Wireless, and Eng. Sami "
                             "Nasser (Gamma Labs, Jordan).\n")
    got = {p.name: (p.post.label if p.post else None, p.affiliation.label if p.affiliation else None) for p in m.people}
    assert got == {"Omar Haddad": ("Ambassador of Examplia", None), "Lena Berg": (None, "Apex Mobile"),
                   "Tomas Silva": ("Chairman of the Board of Directors of Beta Wireless", None),
                   "Sami Nasser": (None, "Gamma Labs")}


def test_a_secretary_of_a_department_holds_a_post():
    m = only_dated(OPENING + "It was chaired by H.E. Dr Ravi Menon, Secretary, Department of Telecommunications, "
                             "Government of Examplia.\n")
    posts = {p.post.label for p in m.people if p.name == "Ravi Menon"}
    assert posts == {"Secretary", "Chair"}


_TD = ("INTERNATIONAL TELECOMMUNICATION UNION\nTELECOMMUNICATION STANDARDIZATION SECTOR\nSTUDY PERIOD 2022-2024\n"
       "{number}\nOriginal: English\nQuestion(s):\tN/A\tGeneva, 30 May - 2 June 2023\nTD\n"
       "Source:\tRapporteur, TSAG Rapporteur Group on Working Methods\nTitle:\tReport of the meeting\n\n"
       "1 Introduction\nThe TSAG Rapporteur Group on Working Methods (RG-WM) met on 31 May 2023 under the "
       "chairmanship of Ms Ana Costa (Apex Mobile, Kenya).\n")


@pytest.mark.parametrize("number, kind, name", [
    ("TSAG-TD245", "TSAGMeeting", "TSAG meeting"),
    ("T22-TSAG-230530-TD-GEN-0245", "TSAGMeeting", "TSAG meeting"),
    ("SG13-TD123", "StudyGroupMeeting", "ITU-T Study Group 13 meeting"),
])
def test_the_meeting_a_td_was_issued_for(number, kind, name):
    meetings = {m.kind: m for m in facts_of(_TD.format(number=number)).meetings}
    assert str(meetings["RapporteurGroupMeeting"].start) == "2023-05-31"
    m = meetings[kind]
    assert (m.name, str(m.start), str(m.end), m.place.label) == (name, "2023-05-30", "2023-06-02", "Geneva")


def test_a_td_of_the_meeting_it_reports_adds_no_second_one():
    text = _TD.format(number="TSAG-TD245").replace(
        "The TSAG Rapporteur Group on Working Methods (RG-WM) met on 31 May 2023",
        "The TSAG meeting was held from 30 May to 2 June 2023")
    assert [m.kind for m in facts_of(text).meetings] == ["TSAGMeeting"]


def test_a_named_working_group_meeting_and_the_assembly_it_prepares_for():
    facts = facts_of("On 14-15 September 2021, the meeting of the Examplian Working Group on ITU-T preparation for "
                     "WTSA-20 was held in Minsk, Republic of Belarus.\n\nThe participants discussed artificial "
                     "intelligence.\n")
    (m,) = [m for m in facts.meetings if m.start]
    assert (m.kind, str(m.start), str(m.end), m.place.label) == ("Meeting", "2021-09-14", "2021-09-15", "Minsk")
    assert m.name.startswith("meeting of the Examplian Working Group")
    # WTSA-20 is named, not held then nor there
    assert all(o.start is None and o.place is None for o in facts.meetings if o is not m)


def test_an_assembly_named_with_its_own_place_keeps_it():
    facts = facts_of("On 14 September 2021, the meeting of the Examplian Working Group on preparation for WTSA-20 "
                     "(Geneva, Switzerland) was held in Minsk, Belarus.\n")
    (w,) = [m for m in facts.meetings if m.kind == "Conference"]
    assert w.place is not None and w.place.label == "Geneva"


def test_the_companies_represented_were_a_list_without_a_colon():
    m = only_dated(OPENING + "Among the companies represented were Apex Mobile (Kenya), Beta Wireless (Japan) and Gamma "
                             "Labs (France).\n")
    assert _participants(m) == {"Apex Mobile": "Kenya", "Beta Wireless": "Japan", "Gamma Labs": "France"}


@pytest.mark.parametrize("text, host", [
    ("The Examplian Regulatory Authority (ERA), in collaboration with the Ministry of ICT, hosted the meeting of the "
     "ITU-T Study Group 20 Regional Group for Africa from 18 to 19 March 2019 in Kigali.", "Examplian Regulatory Authority"),
    ("Apex Mobile kindly hosted this year's CTO meeting in Nairobi on 3 May 2022.", "Apex Mobile"),
    ("The CTO meeting was held on 3 May 2022 in Nairobi. Kenya hosted the CTO meeting for the first time.", None),
])
def test_an_organization_that_hosted_the_meeting(text, host):
    m = only_dated(text + "\n")
    assert (m.host.label if m.host else None) == host


def test_people_with_their_bodies_written_around_their_posts():
    m = only_dated(OPENING + "Speakers included Mr. Ken Sato, NTT Chief Standardization Strategist; Ms. Lena Berg "
                             "(Senior Vice President, Technology Strategy, Ericsson); Sam Poe, Telecom Italia Head of "
                             "Standards; Professor Omar Haddad from Cairo University; and Ms. Ana Costa, Head of "
                             "Innovation at Apex Telecom AG.\n")
    got = {p.name: (p.post.label if p.post else None, p.affiliation.label if p.affiliation else None) for p in m.people}
    assert got == {"Ken Sato": ("Chief Standardization Strategist", "Nippon Telegraph and Telephone Corporation"),
                   "Lena Berg": ("Senior Vice President", "Ericsson"),
                   "Sam Poe": ("Head of Standards", "Telecom Italia"),
                   "Omar Haddad": (None, "Cairo University"),
                   "Ana Costa": ("Head of Innovation", "Apex Telecom AG")}


def test_a_panel_a_person_a_line_with_their_group_posts():
    text = ("ITU-T Study Group Leadership Assembly\nGeneva, 28 February 2022\n\nSession 1: Strategic directions of the "
            "standardization work programme\nModerator: Mr Sam Poe, Deputy Director, Examplia Telecom\nPanellists:\n"
            "- Ms Heidi Berg, Chair, ITU-T SG5\n- Mr Ahmed Said, Vice-Chair, ITU-T SG13\n- Dr Li Wei, Chair, FG-AI4A\n\n"
            "The panel discussed the alignment of study group work with the Sustainable Development Goals and the "
            "role of standards in the digital transformation of economies and societies around the world.\n"
            "The session also reviewed the update of the A-series Recommendations and the use of new tools.\n")
    (m,) = facts_of(text).meetings
    posts: dict[str, set] = {}
    for p in m.people:
        posts.setdefault(p.name, set()).add(p.post.label if p.post else None)
    assert posts == {"Sam Poe": {"Deputy Director", "Moderator"},
                     "Heidi Berg": {"Chair of SG5", "Panellist"}, "Ahmed Said": {"Vice-Chair of SG13", "Panellist"},
                     "Li Wei": {"Chair of FG-AI4A", "Panellist"}}


def test_the_cto_group_met():
    m = only_dated("The ITU-T CTO group met in Los Angeles, California, on 24 October 2019 ahead of the ITU Telecom World "
                   "2019 event in Budapest. Apex Mobile hosted the meeting at its headquarters.\n")
    assert (m.kind, m.place.label, m.host.label) == ("CTOMeeting", "Los Angeles", "Apex Mobile")


def test_a_pages_furniture_after_the_article_is_no_part_of_the_meeting():
    text = ("Home | About Us | Media | Contact\nShare on Facebook\n\nAuthority participates in ITU CTO Meeting\n\n"
            "The Examplian Regulatory Authority (ERA) participated in the ITU-T CTO meeting held on 16 October 2017 "
            "in Busan, Korea, to discuss smart cities.\n\nShare on Facebook Share on Twitter\nRelated Articles\n"
            "- ERA launches e-government forum\n- ERA opens 5G consultation\n")
    (m,) = facts_of(text).meetings
    assert {t.label for t in m.topics} == {"smart cities"}
    assert [p.organization.label for p in m.participations] == ["Examplian Regulatory Authority"]


def test_the_conference_a_preparatory_meeting_prepares_is_not_held_on_its_days():
    facts = facts_of("WTSA-24 preparatory process: the Group holds its fourth preparatory meeting\n\nCairo, Egypt, "
                     "12-14 May 2024\n\nThe Examplian Group held its fourth preparatory meeting for WTSA-24 in Cairo from "
                     "12 to 14 May 2024. WTSA-24 will take place in New Delhi, India, from 15 to 24 October 2024.\n")
    got = sorted((m.kind, str(m.start), m.place.label if m.place else None) for m in facts.meetings)
    assert got == [("Conference", "2024-10-15", "New Delhi"), ("PreparatoryMeeting", "2024-05-12", "Cairo")]


def test_a_thai_public_company_is_one_organization_with_or_without_its_form():
    from itukg.graph.extract.legalforms import strip_legal_form
    assert strip_legal_form("Example Telecom Public Company Limited") == "Example Telecom"
    assert strip_legal_form("Example Info Service PCL") == "Example Info Service"


def test_a_roundtable_on_the_margins_of_a_longer_meeting_owns_its_sentence():
    facts = facts_of("The ITU Kaleidoscope academic conference took place from 4 to 6 December 2023 at ITU headquarters, Geneva. "
                     "On the margins, a CTO roundtable on 5 December 2023 brought together executives from Apex Mobile, "
                     "Beta Wireless and Gamma Labs under the chairmanship of Mr Seizo Onoe.\n")
    meetings = {m.kind: m for m in facts.meetings}
    inner, outer = meetings["CTOMeeting"], meetings["Symposium"]
    assert {p.organization.label for p in inner.participations} == {"Apex Mobile", "Beta Wireless", "Gamma Labs"}
    assert [(p.name, p.post.label) for p in inner.people] == [("Seizo Onoe", "Chair")]  # a known person, styled
    assert outer.participations == [] and outer.people == []


def test_a_known_person_who_co_chaired_keeps_the_post_written_after_the_name():
    m = only_dated("The CTO meeting took place in Seoul on 2 June 2022. It was co-chaired by Mr Seizo Onoe, Director of "
                   "TSB, and Dr Hyun-Ok Example, CTO of Apex Telecom. A keynote was given by Prof. Maria Rossi of "
                   "Politecnico di Milano.\n")
    posts = {p.post.label for p in m.people if p.name == "Seizo Onoe"}
    assert posts == {"Director of the ITU Telecommunication Standardization Bureau", "Co-Chair"}
    (rossi,) = [p for p in m.people if p.name == "Maria Rossi"]
    assert rossi.affiliation.label == "Politecnico di Milano"


def test_a_rapporteur_in_brackets_after_the_group_and_a_country_after_a_comma():
    m = only_dated("The TSAG meeting was held in Geneva from 22 to 26 January 2024. The following rapporteur groups met "
                   "during the meeting: RG-WM (Rapporteur: Ms Ana Lopez, Spain) and RG-SS (Rapporteur: Mr Ken Sato, "
                   "Japan).\n")
    got = {p.name: (p.post.label if p.post else None, p.country.label if p.country else None) for p in m.people}
    assert got == {"Ana Lopez": ("Rapporteur of RG-WM", "Spain"), "Ken Sato": ("Rapporteur of RG-SS", "Japan")}


def test_supply_chain_security_and_collaboration_among_sdos_are_topics():
    m = only_dated(OPENING + "The CTOs highlighted close collaboration among standards development organizations and the "
                             "challenges of securing the supply chain of network equipment.\n")
    labels = {t.label for t in m.topics}
    assert {"collaboration with other SDOs", "supply chain security"} <= labels


@pytest.mark.parametrize("sentence, start, place", [
    ("The interim meeting of Question 6/17 was held in Seoul from 3 to 5 April 2023.", "2023-04-03", "Seoul"),
    ("The Q6/17 interim rapporteur meeting was held in Seoul on 3 April 2023.", "2023-04-03", "Seoul"),
    ("A joint rapporteur meeting of Q1/13 and Q4/13 took place in Tokyo on 12 May 2022.", "2022-05-12", "Tokyo"),
])
def test_a_meeting_of_a_question_is_a_rapporteur_group_meeting(sentence, start, place):
    m = only_dated(sentence + "\n")
    assert (m.kind, str(m.start), m.place.label) == ("RapporteurGroupMeeting", start, place)


@pytest.mark.parametrize("sentence, name, place", [
    ("The Review Committee met in Geneva on 1 February 2023.", "Review Committee", "Geneva"),
    ("The Arab Standardization Group (ASG) met in Amman on 3 March 2021.", "Arab Standardization Group", "Amman"),
])
def test_a_named_body_that_met(sentence, name, place):
    m = only_dated(sentence + "\n")
    assert (m.kind, m.name, m.place.label) == ("Meeting", name, place)


@pytest.mark.parametrize("sentence, expected", [
    ("Participants came from Kenya (Apex Mobile, Beta Wireless and Gamma Labs), Japan (Delta Systems and Epsilon "
     "Networks) and France (Orange).",
     {"Apex Mobile": "Kenya", "Beta Wireless": "Kenya", "Gamma Labs": "Kenya", "Delta Systems": "Japan",
      "Epsilon Networks": "Japan", "Orange": "France"}),
    ("It was attended by CTOs of Apex Mobile (Kenya), Beta Wireless (Japan) as well as Gamma Labs (France).",
     {"Apex Mobile": "Kenya", "Beta Wireless": "Japan", "Gamma Labs": "France"}),
    ("Participants: Apex Mobile (Korea (Rep. of)), Orange (France).",
     {"Apex Mobile": "Republic of Korea", "Orange": "France"}),
])
def test_countries_with_their_organizations_in_brackets_and_lists_joined_by_as_well_as(sentence, expected):
    assert _participants(only_dated(OPENING + sentence + "\n")) == expected


def test_who_invited_the_ctos_who_gathered_hosted_them():
    m = only_dated("ITU-T Newsletter, November 2017\n\nCTOs meet in Busan\n\nCTOs from 20 companies gathered in Busan on "
                   "24 September at the invitation of Apex Telecom. They discussed 5G.\n")
    assert (str(m.start), m.host.label) == ("2017-09-24", "Apex Telecom")


def test_a_collaboration_hosted_by_an_initiative_is_no_host_of_the_meeting():
    m = only_dated(OPENING + "CTOs affirmed their support for the collaboration hosted by the Example Cities Initiative.\n")
    assert m.host is None


def test_a_late_edition_named_again_and_the_assembly_it_prepared_for():
    text = ("Riyadh, 25 February 2022\n\nThe Examplian Ministry of Posts and Telecommunications (EMPT) participated in "
            "the Global Standards Symposium (GSS-20), held virtually on 23 February 2022. The Kingdom was represented by "
            "Eng. Omar Haddad, Vice Minister.\n\nGSS-20 discussed digital financial services and e-health, in "
            "preparation for WTSA-20 which opened on 1 March 2022 in Geneva.\n")
    meetings = {m.kind: m for m in facts_of(text).meetings}
    assert set(meetings) == {"Symposium", "Conference"}  # GSS-20 is one meeting, held in 2022
    gss, wtsa = meetings["Symposium"], meetings["Conference"]
    assert {t.label for t in gss.topics} >= {"digital financial services", "e-health"} and not wtsa.topics
    assert [p.organization.label for p in gss.participations] == ["Examplian Ministry of Posts and Telecommunications"]
    assert (str(wtsa.start), wtsa.place.label) == ("2022-03-01", "Geneva")


def test_a_post_right_after_a_name_is_no_part_of_it():
    m = only_dated("TSAG met from 30 September to 4 October 2019 in Geneva. It elected Ms Jane Roe Vice-Chair and "
                   "appointed Mr Ken Sato as Rapporteur.\n")
    assert {(p.name, p.post.label) for p in m.people} == {("Jane Roe", "Vice-Chair"), ("Ken Sato", "Rapporteur")}


def test_a_list_of_countries_then_a_colon_then_the_organizations():
    m = only_dated(OPENING + "It was attended by 35 participants from Ghana, Kenya and Senegal: Apex Mobile, Beta "
                             "Wireless and Gamma Labs.\n")
    assert _participants(m) == {"Apex Mobile": None, "Beta Wireless": None, "Gamma Labs": None}


def test_the_last_item_of_a_list_ends_at_its_bracket_when_the_sentence_goes_on():
    m = only_dated(OPENING + "The roundtable gathered executives of companies such as Apex Mobile (Kenya), Beta Wireless "
                             "(Japan) and Gamma Labs (France) to discuss trust in AI-generated content.\n")
    assert _participants(m) == {"Apex Mobile": "Kenya", "Beta Wireless": "Japan", "Gamma Labs": "France"}


def test_the_host_marked_in_an_inline_list():
    m = only_dated(OPENING + "\n\nAttending companies: Apex Mobile; Beta Wireless; Gamma Telekom (host); Delta Systems.\n")
    assert m.host is not None and m.host.label == "Gamma Telekom"
    assert "Gamma Telekom" in _participants(m)


def test_a_workshop_with_a_quoted_title_and_the_meeting_held_back_to_back_with_it():
    text = ('ITU-T Workshop on "Quantum Information Technology for Networks", Shanghai, China, 5-7 June 2019\n\n'
            "The workshop was organized in collaboration with the Examplian Academy of Information and Communications "
            "Technology (EAICT) and was held back-to-back with the meeting of the ITU-T Focus Group on Quantum "
            "Information Technology for Networks (FG-QIT4N), 8-10 June 2019. More than 100 experts from China, "
            "Japan, the UK and the USA attended.\n")
    meetings = {m.kind: m for m in facts_of(text).meetings}
    ws, fg = meetings["Workshop"], meetings["FocusGroupMeeting"]
    assert (str(ws.start), ws.place.label, str(fg.start)) == ("2019-06-05", "Shanghai", "2019-06-08")
    assert [p.organization.label for p in ws.participations] == [
        "Examplian Academy of Information and Communications Technology"]
    assert fg.participations == []
