"""Who took part, in the forms news items and journal reports use (texts written for these tests): a list before
its verb ('A, B and C were represented'), bodies introduced by their kind ('operator Vivo', 'Japanese companies (A,
B and C)') and the country a demonym gives them, a meeting a news item reports without dating it, and posts held
'as' ('served as vice-chair')."""
from __future__ import annotations

import pytest
from extract_fixtures import facts_of, only_dated, posts_of

OPENING = "The CTO meeting was held in Geneva on 3 May 2023. "


def _participants(m):
    return {p.organization.label: (p.country.label if p.country else None) for p in m.participations}


@pytest.mark.parametrize("sentence, names", [
    ("Apex Mobile, Beta Telecom, Orange and Gamma Wireless were represented at the meeting.",
     {"Apex Mobile", "Beta Telecom", "Orange", "Gamma Wireless"}),
    ("The CTOs of Apex Mobile, Beta Telecom and Gamma Wireless attended.", {"Apex Mobile", "Beta Telecom", "Gamma Wireless"}),
    ("Representatives of Apex Mobile and Beta Labs Inc. also took part.", {"Apex Mobile", "Beta Labs Inc."}),
])
def test_a_list_of_organizations_before_its_verb_took_part(sentence, names):
    m = only_dated(OPENING + sentence + "\n")
    assert set(_participants(m)) == names
    assert not any(p.name in names for p in m.people)  # 'The CTOs of Apex Mobile' names no person 'Apex Mobile'


@pytest.mark.parametrize("sentence", [
    "Ms Ana Costa and Mr John Smith attended the dinner.",  # people, not organizations
    "Energy efficiency, open interfaces and security were discussed.",  # no verb of taking part
    "The delegates attended.",  # no list
])
def test_what_is_no_list_of_participants(sentence):
    assert _participants(only_dated(OPENING + sentence + "\n")) == {}


@pytest.mark.parametrize("sentence, expected", [
    ("Kenyan mobile operators Apex Mobile and Beta Wireless took part.",
     {"Apex Mobile": "Kenya", "Beta Wireless": "Kenya"}),
    ("The Japanese delegation included representatives of Japanese companies and organizations (Apex Labs, Beta "
     "Systems and Gamma Research).", {"Apex Labs": "Japan", "Beta Systems": "Japan", "Gamma Research": "Japan"}),
    ("Korean companies such as Apex Telecom, Beta Uplus and Gamma Networks attended.",
     {"Apex Telecom": "Republic of Korea", "Beta Uplus": "Republic of Korea", "Gamma Networks": "Republic of Korea"}),
    # a country the text gives an organization itself wins over the demonym
    ("Japanese companies (Apex Labs, Beta Systems (Viet Nam)) attended.", {"Apex Labs": "Japan", "Beta Systems": "Vietnam"}),
])
def test_a_demonym_gives_the_organizations_after_it_their_country(sentence, expected):
    assert _participants(only_dated(OPENING + sentence + "\n")) == expected


def test_a_demonym_inside_a_longer_name_gives_no_country():
    m = only_dated(OPENING + "Latin American operators Apex Mobile and Beta Wireless took part.\n")
    assert _participants(m) == {"Apex Mobile": None, "Beta Wireless": None}


@pytest.mark.parametrize("sentence, name", [
    ("The executives thanked Brazilian operator Vexa for its support.", "Vexa"),
    ("The regulator Examcom presented its plans.", "Examcom"),
    ("Among the speakers was the Kenyan regulator, the Example Authority of Kenya.", "Example Authority of Kenya"),
    ("The company Apex Labs. The next speaker was Ms Ana Costa.", "Apex Labs"),
])
def test_an_organization_introduced_by_its_kind(sentence, name):
    facts = facts_of(OPENING + sentence + "\n")
    assert name in {o.label for o in facts.meetings[0].organizations_mentioned}


def test_a_list_of_kinds_is_no_organization():
    facts = facts_of(OPENING + "The platform serves network operators, SMEs and service providers.\n")
    assert "SMEs" not in {o.label for o in facts.meetings[0].organizations_mentioned}


def test_a_demonym_makes_no_key_phrase():
    facts = facts_of(OPENING + "The Examplian delegation and the Japanese delegation presented spectrum plans.\n")
    labels = {t.label for m in facts.meetings for t in m.topics} | {k for k, _ in getattr(facts, "keyphrases", [])}
    assert not any("japanese" in label.lower() for label in labels)


@pytest.mark.parametrize("text", [
    "Busan, 14 March 2024 - Chief executives met in Busan at an ITU CxO roundtable hosted by Apex Telecom.\n",
    "Executives meet in Busan\n\nChief technology officers of leading companies gathered in Busan, Republic of Korea, "
    "for the ITU CTO summit, hosted by Apex Telecom.\n",
])
def test_a_news_item_that_dates_only_its_release_still_reports_its_meeting(text):
    (m,) = facts_of(text).meetings
    assert m.start is None  # a dateline is no meeting date
    assert m.kind == "CTOMeeting" and m.place is not None and m.place.label == "Busan"
    assert m.host is not None and m.host.label == "Apex Telecom"


def test_a_news_item_naming_other_meetings_beside_its_own_undated_one_still_reports_it():
    # another kind named as held beside it, later, or as something asked for is no second candidate
    for text in ("The CTO meeting was held in Geneva. The next one will be held during the World Telecommunication "
                 "Standardization Assembly.\n",
                 "Geneva, November 28, 2022 - CTOs met at the ITU-T CTO Meeting, held alongside the Global Standards "
                 "Symposium.\n",
                 "CTOs met in Geneva for the ITU-T CTO meeting. The CTOs also asked TSB to organize a workshop on 6G "
                 "standardization later this year.\n"):
        (m,) = [m for m in facts_of(text).meetings if m.kind == "CTOMeeting"]
        assert m.start is None and m.place.label == "Geneva", text


def test_a_meeting_held_in_advance_of_another_keeps_its_own_facts():
    facts = facts_of("Industry leaders gathered in Dubai on 11 November 2012 for the ITU CTO meeting held in advance of "
                     "the World Telecommunication Standardization Assembly (WTSA-12). CTOs from Apex (USA), Fujitsu "
                     "(Japan) and Microsoft (USA) took part.\n")
    (m,) = [m for m in facts.meetings if m.start is not None]
    assert m.kind == "CTOMeeting" and {p.organization.label for p in m.participations} == {"Apex", "Fujitsu", "Microsoft"}


@pytest.mark.parametrize("text", [
    "CTO meetings are held every year. The ITU CTO meeting gives executives a voice.\n",  # no meeting took place
    "The next CTO meeting will be held in Busan.\n",  # a future one
])
def test_no_undated_meeting_where_none_took_place(text):
    assert facts_of(text).meetings == []


def test_an_undated_meeting_only_when_the_text_dates_none():
    facts = facts_of("The ITU CTO meeting was held in Geneva on 3 May 2023. Executives also met in Busan at a "
                     "workshop on AI.\n")
    assert [m.start for m in facts.meetings if m.start is None] == []


@pytest.mark.parametrize("sentence, name, post", [
    # a post held 'as'
    ("Mr Kenji Sato (Apex, Japan) served as vice-chair.", "Kenji Sato", "Vice-Chair"),
    ("Ms Ana Costa (Apex, Brazil) acted as rapporteur.", "Ana Costa", "Rapporteur"),
    ("Mr Li Wei took over as Chair of SG13.", "Li Wei", "Chair of SG13"),
    # the post a relative clause gives
    ("Ana Lima, who chairs SG13, presented the results.", "Ana Lima", "Chair of SG13"),
    ("Ms Mia Lund, who co-chairs Study Group 17, closed the session.", "Mia Lund", "Co-Chair of SG17"),
    ("Mr Bo Li, who chaired the meeting, thanked the participants.", "Bo Li", "Chair"),
])
def test_a_post_a_verb_gives(sentence, name, post):
    m = only_dated(OPENING + sentence + "\n")
    assert (name, post) in {(p.name, p.post.label if p.post else None) for p in m.people}


def test_a_post_domain_ends_before_the_next_clause():
    m = only_dated(OPENING + "It was opened by the Minister of Communications Jane Roe and by the Director of the "
                   "Example Bureau, John Poe.\n")
    posts = posts_of(m)
    assert posts.get("Jane Roe") == "Minister of Communications"


def test_a_known_company_named_like_a_city_stays_a_company():
    m = only_dated(OPENING + "Representatives of Japanese companies (NEC and Hitachi) took part.\n")
    assert _participants(m) == {"NEC": "Japan", "Hitachi": "Japan"}


@pytest.mark.parametrize("sentence", [
    "The Ministry of Internal Affairs and Communications headed the delegation of Japan.",
    "The Ministry of Internal Affairs and Communications led the Japanese delegation.",
])
def test_who_headed_a_delegation_took_part(sentence):
    assert "Ministry of Internal Affairs and Communications" in _participants(only_dated(OPENING + sentence + "\n"))


REPORT = ("Report on the Ninth Meeting of TSAG\n\n"
          "From 10 to 17 January 2022, the ninth meeting of TSAG was held online with 210 participants. "
          "The 4th Inter-regional Meeting for WTSA-20 was also held on 6 January before the TSAG meeting.\n\n"
          "Main results\n\nThe plenary was led by TSAG Chair Jane Roe (Apex, Canada). TSAG established the Focus Group "
          "on Autonomous Networks (FG-AN).\n")


def test_a_meeting_placed_before_the_one_reported_owns_only_its_sentence():
    facts = facts_of(REPORT)
    by_kind = {m.kind: m for m in facts.meetings}
    assert set(by_kind) == {"TSAGMeeting", "PreparatoryMeeting"}
    prep, tsag = by_kind["PreparatoryMeeting"], by_kind["TSAGMeeting"]
    assert (prep.start.isoformat(), tsag.start.isoformat()) == ("2022-01-06", "2022-01-10")  # 'for WTSA-20' is no 2020
    assert "Jane Roe" in {p.name for p in tsag.people} and not prep.people
    assert "Focus Group on Autonomous Networks" in {g.label for g in tsag.groups_mentioned}


def test_in_a_chain_of_names_and_posts_each_post_is_its_own_holders():
    m = only_dated(OPENING + "The session was moderated by Ms Ana Costa, Chair, Mr John Poe, Vice-Chair, and Dr Li Wei, "
                   "Rapporteur.\n")
    held = {(p.name, p.post.label) for p in m.people if p.post}
    assert ("John Poe", "Vice-Chair") in held and ("John Poe", "Chair") not in held
    assert ("Ana Costa", "Chair") in held and ("Li Wei", "Rapporteur") in held


def test_a_post_with_a_lower_case_domain_and_its_body():
    m = only_dated(OPENING + "Ms Ana Costa, head of standards at Apex Mobile, opened the session.\n")
    (p,) = m.people
    assert (p.post.label, p.affiliation.label) == ("Head of standards", "Apex Mobile")


ATTENDANCE = ("ITU CxO Meeting\nCommuniqué\nGeneva, Switzerland, 10 October 2023\n\n"
              "1. Industry executives gathered in Geneva on 10 October 2023 for the ITU CxO meeting.\n\n"
              "2. In attendance:\n"
              "Mr. John Smith, CTO, Apex Mobile (Kenya)\n"
              "Dr. Jane Roe – Chief Technology Officer, Beta Telecom (Ghana)\n"
              "Ms. Mei Lin, Vice President, Gamma Networks, China\n")


def test_an_in_attendance_list_of_people_with_posts_and_organizations():
    (m,) = facts_of(ATTENDANCE).meetings
    assert _participants(m) == {"Apex Mobile": "Kenya", "Beta Telecom": "Ghana", "Gamma Networks": "China"}
    posts = {p.name: (p.post.label if p.post else None, p.affiliation.label if p.affiliation else None) for p in m.people}
    assert posts == {"John Smith": ("CTO", "Apex Mobile"), "Jane Roe": ("Chief Technology Officer", "Beta Telecom"),
                     "Mei Lin": ("Vice President", "Gamma Networks")}


@pytest.mark.parametrize("sentence, name, post, body", [
    ("Speakers included Ms Jane Roe (CTO, Apex Mobile).", "Jane Roe", "CTO", "Apex Mobile"),
    ("Mr Tom Poe (Director of Standards, Beta Telecom) spoke.", "Tom Poe", "Director of Standards", "Beta Telecom"),
    ("Mr Kenji Sato (Apex Labs, Japan) spoke.", "Kenji Sato", None, "Apex Labs"),
])
def test_a_post_first_in_the_brackets_after_a_name(sentence, name, post, body):
    m = only_dated(OPENING + sentence + "\n")
    assert [(p.name, p.post.label if p.post else None, p.affiliation.label if p.affiliation else None)
            for p in m.people] == [(name, post, body)]


@pytest.mark.parametrize("sentence, expected", [
    ("The meeting was opened by Kenyan Minister of ICT Jane Roe and Examplian Director Tom Poe.",
     {"Jane Roe": ("Minister of ICT", "Kenya"), "Tom Poe": ("Director", None)}),
    ("It was opened by the Minister of Information and Communications Technology Jane Roe and the Chair of the Board "
     "of Directors of Apex, Tom Poe.",
     {"Jane Roe": ("Minister of Information and Communications Technology", None),
      "Tom Poe": ("Chair of the Board of Directors of Apex", None)}),
])
def test_two_posts_joined_by_and_are_two_people(sentence, expected):
    m = only_dated(OPENING + sentence + "\n")
    assert {p.name: (p.post.label if p.post else None, p.country.label if p.country else None) for p in m.people} \
        == expected


@pytest.mark.parametrize("sentence, names", [
    ("It was organized in partnership with Vexalink and sponsored by Orbitel.", {"Vexalink", "Orbitel"}),
    ("Representatives from Nuvacom joined online.", {"Nuvacom"}),
    ("Experts from Mobilix, Teleqo and Strata Networks contributed.", {"Mobilix", "Teleqo", "Strata Networks"}),
    ("Experts from Africa and Europe spoke. Representatives of Government attended.", set()),
])
def test_organizations_a_phrase_of_taking_part_names_one_word_names_too(sentence, names):
    assert set(_participants(only_dated(OPENING + sentence + "\n"))) == names


@pytest.mark.parametrize("sentence, name, body, country", [
    ("Dr. Ken Ito of Kyoto University spoke.", "Ken Ito", "Kyoto University", None),
    ("Mr Bo Li of the Example Regulatory Authority attended.", "Bo Li", "Example Regulatory Authority", None),
    ("Ms Ana Lima of Brazil chaired the session.", "Ana Lima", None, "Brazil"),
    ("Mr Tom Poe of Example spoke.", "Tom Poe", None, None),  # a word with no sign of a body is no affiliation
])
def test_of_and_an_organization_after_a_name(sentence, name, body, country):
    m = only_dated(OPENING + sentence + "\n")
    assert [(p.name, p.affiliation.label if p.affiliation else None, p.country.label if p.country else None)
            for p in m.people] == [(name, body, country)]


def test_who_came_and_how_long_make_no_key_phrase_but_a_count_of_subjects_may():
    facts = facts_of(OPENING + "The two-day forum brought together industry leaders and four rapporteurs. They "
                     "highlighted cloud computing and smart grids as priority areas, and the equivalent use of the "
                     "six languages.\n")
    phrases = {p for p, _ in facts.keyphrases}
    assert not any(w in p for p in phrases for w in ("two-day", "leaders", "rapporteurs", "as priority areas"))
    assert any("six languages" in p for p in phrases)


def test_a_list_of_people_with_their_organizations_in_brackets():
    m = only_dated(OPENING + "The meeting brought together CTOs including Jane Roe (Apex Mobile), Tom Poe (Beta "
                   "Telecom, Ghana) and Li Wei (Gamma Networks).\n")
    assert _participants(m) == {"Apex Mobile": None, "Beta Telecom": "Ghana", "Gamma Networks": None}
    assert {p.name: p.affiliation.label for p in m.people} == {
        "Jane Roe": "Apex Mobile", "Tom Poe": "Beta Telecom", "Li Wei": "Gamma Networks"}


@pytest.mark.parametrize("sentence", [
    "Among the participants were the CTOs of Apex Mobile (Kenya), Beta Telecom (Ghana) and Gamma Networks (China).",
    "Participants included Apex Mobile (Kenya), Beta Telecom (Ghana) and Gamma Networks (China).",
])
def test_a_list_of_organizations_with_their_countries_is_no_list_of_people(sentence):
    m = only_dated(OPENING + sentence + "\n")
    assert _participants(m) == {"Apex Mobile": "Kenya", "Beta Telecom": "Ghana", "Gamma Networks": "China"}
    assert m.people == []


@pytest.mark.parametrize("sentence, name, body", [
    ("Ericsson CTO Erik Example opened the debate.", "Erik Example", "Ericsson"),
    ("Vexa Corp CTO Mia Lund followed.", "Mia Lund", "Vexa Corp"),
    ("The Chief Technology Officer Paul Example closed.", "Paul Example", None),
])
def test_the_organization_named_right_before_a_post(sentence, name, body):
    m = only_dated(OPENING + sentence + "\n")
    assert [(p.name, p.affiliation.label if p.affiliation else None) for p in m.people] == [(name, body)]


@pytest.mark.parametrize("closing", [
    "For more information, please contact:\nToby Example, Senior Communications Officer, ITU\nTel: +41 22 730 0000\n",
    "Media contact: Ms Jane Example, Head of Media Relations, Apex Telecom\n",
    "About ITU\nITU is the United Nations specialized agency for ICTs. Its members include Ericsson (Sweden) and "
    "Huawei (China), and Ms Ana Example chairs its Council.\n",
])
def test_the_closing_blocks_of_a_press_release_name_no_one_at_the_meeting(closing):
    m = only_dated("The ITU CTO meeting was held in Geneva on 3 November 2019. CTOs from Nokia (Finland) and KDDI "
                   "(Japan) took part.\n\n" + closing)
    assert m.people == [] and {p.organization.label for p in m.participations} == {"Nokia", "KDDI Corporation"}


@pytest.mark.parametrize("verb", ["shared their views on 5G, AI and the IoT", "discussed 5G", "called for new standards",
                                  "presented proposals on AI"])
def test_an_inline_list_ends_at_the_verb_after_its_last_bracket(verb):
    m = only_dated("The ITU CTO meeting was held in Geneva on 25 June 2019. CTOs from Google (United States), Tencent "
                   f"(China) and Safaricom (Kenya) {verb}.\n")
    assert {p.organization.label: p.country.label for p in m.participations} == {
        "Google": "United States", "Tencent": "China", "Safaricom": "Kenya"}


def test_an_inline_list_goes_on_past_a_lower_case_word_when_another_item_follows():
    m = only_dated("The ITU CTO meeting took place in Geneva on 5 May 2024. Participants included AT&T (USA), Orange "
                   "(France) in person, and Huawei (China) and KDDI (Japan) remotely.\n")
    assert [p.organization.label for p in m.participations] == ["AT&T", "Orange", "Huawei", "KDDI Corporation"]


def test_a_contact_line_amid_the_story_does_not_end_it():
    m = only_dated("Geneva, 2 April 2025 - The ITU CTO meeting will be held in Geneva on 5 May 2025, hosted by Swisscom.\n"
                   "For more information, please contact tsbcto@itu.int.\nCTOs from AT&T (USA) and Orange (France) have "
                   "confirmed their participation.\n")
    assert len(m.participations) == 2


@pytest.mark.parametrize("label", ["Participating CTOs called for:", "Key messages from participating CTOs:"])
def test_a_label_with_a_verb_or_other_words_opens_no_list_of_bodies(label):
    m = only_dated("The ITU CTO meeting took place in Geneva on 5 May 2024.\n\n" + label + "\n- Standards for AI-native "
                   "networks\n- Quantum-safe cryptography\n")
    assert m.participations == []


def test_lines_name_body_country_under_a_heading_of_organizations_are_organizations():
    m = only_dated("ITU-T CTO Meeting, Geneva, 20 November 2024\n\nParticipating organizations:\n- Jio Platforms, Reliance "
                   "Industries, India\n- Vodafone Idea, Aditya Birla Group, India\n")
    assert m.people == [] and {"Jio Platforms", "Vodafone Idea"} <= {p.organization.label for p in m.participations}


def test_a_contact_paragraph_amid_the_story_does_not_end_it():
    m = only_dated("TSAG met in Geneva from 22 to 26 July 2024.\n\nFor more information on the new focus group, contact "
                   "tsbfgai@itu.int.\n\nDelegates from Huawei (China) and NTT (Japan) took part.\n")
    assert len(m.participations) == 2


def test_a_name_with_an_elided_french_particle_is_read_whole():
    m = only_dated("The SG3 Regional Group for Africa met in Dakar from 12 to 14 March 2019.\n\nOrganization\tCountry\n"
                   "Orange Côte d'Ivoire\tCôte d'Ivoire\nMTN Group\tSouth Africa\n")
    assert [p.organization.label for p in m.participations] == ["Orange Côte d'Ivoire", "MTN Group"]


def test_a_body_that_took_part_in_the_meeting_named_after_it_whatever_date_follows():
    m = only_dated("Orange took part in the ITU CTO meeting on 3 March 2021.\n")
    assert [p.organization.label for p in m.participations] == ["Orange"]


def test_organizations_listed_under_observers_took_part_too():
    text = ("COMMUNIQUÉ\n\nThe ITU-T CTO meeting was held in Lagos, Nigeria, on 2 October 2030.\n\nParticipants\n\n"
            "Niger Delta Example Telecom Plc, Nigeria\nSahel Example Networks SA, Mali\n\nObservers\n\n"
            "Example University of Ibadan, Nigeria\nWest African Example Institute, Ghana\n\nIssued at Lagos\n")
    m = only_dated(text)
    countries = {p.organization.label: p.country.label if p.country else None for p in m.participations}
    assert countries == {"Niger Delta Example Telecom Plc": "Nigeria", "Sahel Example Networks SA": "Mali",
                         "Example University of Ibadan": "Nigeria", "West African Example Institute": "Ghana"}
