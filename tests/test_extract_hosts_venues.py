"""Hosts, venues and dates in further forms of the family (texts written for these tests).

Who hosted a meeting ('at the invitation of', a 'Host:' line, an acronym alone, a ministry with the country's
official name), where it was ('St. Petersburg, Florida', a resort town named before its region), when ('the
week of 3 June'), and the next meeting as a field line or block, or 'at the same venue'.
"""
from __future__ import annotations

from datetime import date

import pytest
from extract_fixtures import facts_of, only_dated

from itukg.graph.extract.dates import find_dates

# -- hosts ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, host", [
    ("The TSAG meeting was held in Oslo on 3-5 June 2022 at the invitation of Nordic Example Networks.",
     "Nordic Example Networks"),
    ("At the kind invitation of Example Telecom, the CTO meeting took place in Lima on 9 March 2021.",
     "Example Telecom"),
    ("At the invitation of the Example Regulatory Authority, experts gathered for the CTO consultation "
     "held in Accra on 2 February 2020.", "Example Regulatory Authority"),
])
def test_who_invited_the_meeting_hosted_it(text, host):
    m = only_dated(text + "\n")
    assert m.host is not None and m.host.label == host


@pytest.mark.parametrize("text", [
    "The CTO meeting took place in Lima on 9 March 2021 at the invitation of the Peruvian host, the Example Ministry "
    "of Transport (EMT), which also organized the exhibition.",
    "The CTO meeting took place in Lima on 9 March 2021. The TSB Director thanked our Peruvian host, the Example "
    "Ministry of Transport, for its warm hospitality.",
])
def test_a_host_named_after_its_countrys_adjective_is_the_body_named_next(text):
    m = only_dated(text + "\n")
    assert m.host is not None and m.host.label == "Example Ministry of Transport"


def test_an_invitation_from_a_person_names_no_host():
    m = only_dated("At the invitation of the Chairman, the CTO meeting held in Geneva on 12 October 2017 discussed AI.\n")
    assert m.host is None


@pytest.mark.parametrize("line, host", [
    ("Host: Swisscom", "organization/swisscom"),
    ("Hosted by: Swisscom", "organization/swisscom"),
    ("Host organization: Example Digital Agency", "organization/example-digital-agency"),
])
def test_a_host_field_line_under_the_meeting(line, host):
    m = only_dated(f"The CTO meeting was held in Geneva on 12 October 2017.\n{line}\n")
    assert m.host is not None and m.host.iri.endswith(host)


def test_a_host_country_line_is_no_host():
    m = only_dated("The CTO meeting was held in Geneva on 12 October 2017.\nHost country: Switzerland\n")
    assert m.host is None


@pytest.mark.parametrize("acronym, iri", [("CAICT", "organization/caict"), ("ETRI", "organization/etri"),
                                          ("TTA", "organization/tta")])
def test_a_host_named_by_its_acronym_alone(acronym, iri):
    m = only_dated(f"The CxO meeting was held in Seoul on 12 October 2017, kindly hosted by {acronym}.\n")
    assert m.host is not None and m.host.iri.endswith(iri)


def test_an_unknown_acronym_alone_hosts_as_written():
    m = only_dated("The CTO meeting was held in Seoul on 12 October 2017, hosted by KXIA.\n")
    assert m.host is not None and m.host.label == "KXIA"


@pytest.mark.parametrize("country", ["Socialist Republic of Viet Nam", "Republic of Viet Nam",
                                     "Republic of Indonesia", "Kingdom of Bahrain"])
def test_a_ministry_keeps_the_official_name_of_its_country(country):
    name = f"Ministry of Information and Communications of the {country}"
    m = only_dated(f"The CxO meeting was held in Hanoi on 3 May 2023, hosted by the {name}. Twelve CTOs attended.\n")
    assert m.host is not None and m.host.label == name


def test_a_ministry_that_invited_keeps_its_whole_name():
    name = "Ministry of Posts and Telecommunications of the Federal Democratic Republic of Nepal"
    m = only_dated(f"The CTO meeting took place in Kathmandu on 5 May 2019 at the invitation of the {name}.\n")
    assert m.host is not None and m.host.label == name


@pytest.mark.parametrize("sentence, host", [
    ("hosted by the Ministry for Development of Information Technologies and Communications of the Republic of "
     "Uzbekistan", "Ministry for Development of Information Technologies and Communications of the Republic of Uzbekistan"),
    ("upon the invitation of the Ministry of Posts and Telecommunications of the Republic of Cameroon",
     "Ministry of Posts and Telecommunications of the Republic of Cameroon"),
])
def test_a_long_ministry_name_is_not_cut(sentence, host):
    m = only_dated(f"The CTO meeting was held in Tashkent on 5 May 2019, {sentence}.\n")
    assert m.host is not None and m.host.label == host


def test_a_known_ministry_named_with_its_country_is_the_known_one():
    m = only_dated("The CTO meeting was held in Seoul on 5 May 2019 at the invitation of the Ministry of Science and ICT of "
             "the Republic of Korea.\n")
    assert m.host is not None and m.host.iri.endswith("organization/msit")


# -- dates ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end", [
    ("The meeting is planned for the week of 3 June 2024.", date(2024, 6, 3), date(2024, 6, 9)),
    ("It will meet during the week of 5 June 2024.", date(2024, 6, 3), date(2024, 6, 9)),  # a Wednesday
    ("It convenes the week beginning Wednesday, 11 September 2019.", date(2019, 9, 11), date(2019, 9, 17)),
    ("Experts meet in the week starting 2 March 2020 in Geneva.", date(2020, 3, 2), date(2020, 3, 8)),
])
def test_the_week_of_a_day_is_that_week(text, start, end):
    (d,) = find_dates(text)
    assert (d.start, d.end) == (start, end) and d.quote.lower().startswith(("the week", "week"))


def test_a_meeting_held_the_week_of_a_day_is_not_a_one_day_meeting():
    m = only_dated("The TSAG meeting will be held the week of 3 June 2024 in Geneva.\n")
    assert (m.start, m.end, m.place.label) == (date(2024, 6, 3), date(2024, 6, 9), "Geneva")


# -- places -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("where", ["St. Petersburg, Florida", "Saint Petersburg, Florida", "St Petersburg, FL"])
def test_a_city_with_a_us_state_is_the_american_one(where):
    m = only_dated(f"The CTO meeting was held in {where}, on 4 May 2019.\n")
    assert m.country.iri.endswith("country/US") and "Petersburg" in m.place.label


@pytest.mark.parametrize("where", ["St. Petersburg", "St. Petersburg, Russian Federation", "Saint Petersburg, Russia"])
def test_saint_petersburg_alone_or_with_its_country_stays_in_russia(where):
    m = only_dated(f"The CTO meeting was held in {where} on 4 May 2019.\n")
    assert m.country.iri.endswith("country/RU")


@pytest.mark.parametrize("text, town, country", [
    ("The CTO meeting was held in Nusa Dua, Bali, Indonesia, on 4 May 2019.", "Nusa Dua", "Indonesia"),
    ("The CTO meeting took place in Nusa Dua, Bali on 4 May 2019.", "Nusa Dua", "Indonesia"),
    ("The CTO meeting took place in Exampleton Bay, Queensland, Australia on 4 May 2019.", "Exampleton Bay",
     "Australia"),
])
def test_a_town_too_small_for_the_gazetteer_named_before_its_region(text, town, country):
    m = only_dated(text + "\n")
    assert (m.place.label, m.country.label) == (town, country)


def test_a_venue_before_a_region_is_no_town():
    m = only_dated("The CTO meeting took place at Example University, California on 4 May 2019.\n")
    assert m.place.label == "California"


# -- field blocks and the next meeting --------------------------------------------------------------------

@pytest.mark.parametrize("block, start, end, city", [
    ("ITU-T CTO meeting\nDate: 14 March 2018\nVenue: Beijing, China\n", date(2018, 3, 14), date(2018, 3, 14), "Beijing"),
    ("TSAG meeting\nDates: 10-14 January 2022\nPlace: Geneva, Switzerland\n", date(2022, 1, 10), date(2022, 1, 14),
     "Geneva"),
    ("Regional CTO consultation\nVenue: Nairobi, Kenya\nDate: 2 February 2023\n", date(2023, 2, 2), date(2023, 2, 2),
     "Nairobi"),
])
def test_a_field_block_under_a_meeting_name_dates_and_places_it(block, start, end, city):
    m = only_dated(block + "\nThe participants discussed artificial intelligence and quantum computing.\n")
    assert (m.start, m.end, m.place.label) == (start, end, city)


def test_a_host_field_in_the_block_hosts_the_meeting():
    m = only_dated("ITU-T CTO meeting\nDate: 14 March 2018\nVenue: Beijing, China\n"
             "Host: China Academy of Information and Communications Technology (CAICT)\n\nCTOs discussed 5G.\n")
    assert m.host is not None and m.host.iri.endswith("organization/caict")


def test_a_date_field_alone_is_still_the_publication_date():
    facts = facts_of("Date: 3 February 2018\n\nThe CTO meeting was held in Geneva on 4 January 2018.\n")
    assert facts.published == date(2018, 2, 3)
    assert [m.start for m in facts.meetings] == [date(2018, 1, 4)]


@pytest.mark.parametrize("after, start, city", [
    ("Next meeting: 12-14 March 2025, Geneva", date(2025, 3, 12), "Geneva"),
    ("Upcoming meeting – 3 June 2025, Seoul, Republic of Korea", date(2025, 6, 3), "Seoul"),
    ("\nNext meeting\nDate: 12-14 March 2025\nVenue: Seoul, Republic of Korea", date(2025, 3, 12), "Seoul"),
    ("The next meeting is planned for 9 September 2025 in Nairobi, Kenya.", date(2025, 9, 9), "Nairobi"),
])
def test_the_next_meeting_as_a_field_line_block_or_sentence(after, start, city):
    m = only_dated(f"The CTO meeting was held in Busan on 4 May 2024. Twelve CTOs attended.\n{after}\n")
    nxt = m.next_meeting
    assert nxt is not None and (nxt.kind, nxt.start, nxt.place.label) == ("CTOMeeting", start, city)


def test_a_following_session_within_the_meeting_is_no_next_meeting():
    m = only_dated("The CTO meeting was held in Busan on 4-5 May 2024. The following session on 5 May 2024 dealt with AI.\n")
    assert m.next_meeting is None


@pytest.mark.parametrize("sentence", [
    "The next CTO meeting will take place the week of 3 June 2025 at the same venue.",
    "The next meeting is planned for 3 June 2025 in the same city.",
])
def test_the_next_meeting_at_the_same_venue_is_where_this_one_was(sentence):
    m = only_dated(f"The CTO meeting was held in Busan on 4 May 2024. {sentence}\n")
    assert m.next_meeting is not None and m.next_meeting.start == date(2025, 6, 2 if "week" in sentence else 3)
    assert m.next_meeting.place is not None and m.next_meeting.place.label == "Busan"


def test_the_same_venue_as_another_meeting_is_no_place_and_no_date_for_that_meeting():
    ms = facts_of("The CTO meeting was held in Busan on 4 May 2024. The next CTO meeting will be held on 3 June 2025 at "
                "the same venue as WTSA-24.\n").meetings
    (m,) = [m for m in ms if m.start]
    assert m.next_meeting.start == date(2025, 6, 3) and m.next_meeting.place is None


# -- editions without a date ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, ordinal, city", [
    ("The 5th edition of the Global Standards Symposium was held in Hammamet.", 5, "Hammamet"),
    ("The fourth edition of the ITU Kaleidoscope conference took place in Cape Town.", 4, "Cape Town"),
    ("Annual report 2021. The third edition of the CTO meeting took place in Busan.", 3, "Busan"),
])
def test_an_undated_edition_is_an_undated_meeting_with_its_number(text, ordinal, city):
    (m,) = facts_of(text + "\n").meetings
    assert (m.start, m.end, m.ordinal[0], m.place.label) == (None, None, ordinal, city)


def test_the_edition_number_of_the_meeting_a_heading_dates():
    ms = facts_of("ITU Example Forum\nGeneva, 3 May 2019\n\nThe 5th edition of the ITU Example Forum brought together "
                "200 experts.\n").meetings
    assert [(m.start, m.ordinal[0] if m.ordinal else None) for m in ms] == [(date(2019, 5, 3), 5)]


def test_an_edition_held_elsewhere_is_another_meeting_without_a_date():
    ms = facts_of("ITU Example Forum\nGeneva, 3 May 2019\n\nThe forum opened in Geneva. The 4th edition of the ITU "
                "Example Forum was held in Seoul.\n").meetings
    assert sorted((m.start is None, m.place.label if m.place else None) for m in ms) == [(False, "Geneva"), (True, "Seoul")]


def test_a_list_of_editions_without_a_kind_makes_no_dated_meeting():
    ms = facts_of("Previous editions of the CTO meeting:\n- 1st edition: Geneva\n- 2nd edition: Seoul\n"
                "- 3rd edition: Busan\n").meetings
    assert all(m.start is None for m in ms)


@pytest.mark.parametrize("host_phrase, host, co_hosts", [
    ("the Ministry of Transport and Communications and Omantel", "Ministry of Transport and Communications", ["Omantel"]),
    ("the Municipal Commission of Economy and Informatization and the China Academy of Information and Communications "
     "Technology", "Municipal Commission of Economy and Informatization",
     ["China Academy of Information and Communications Technology"]),
    ("the Ministry of Transport and Communications of Finland", "Ministry of Transport and Communications of Finland", []),
])
def test_a_ministry_whose_field_has_an_and_hosts_with_the_body_after_a_second_and(host_phrase, host, co_hosts):
    m = only_dated(f"The CTO meeting was held in Muscat on 3 May 2012, hosted by {host_phrase}.")
    assert (m.host.label, [c.label for c in m.co_hosts]) == (host, co_hosts)


def test_a_ministry_whose_fields_are_listed_with_commas_is_one_host_and_one_participant():
    m = only_dated("The CTO meeting was held in Abidjan on 26 September 2023, hosted by the Ministry of Digital Economy, "
                   "Telecommunications and Innovation.")
    assert (m.host.label, m.co_hosts) == ("Ministry of Digital Economy, Telecommunications and Innovation", [])
    m = only_dated("The CTO meeting was held in Yaounde on 26 September 2023. Participants included the Ministry of "
                   "Posts, Telecommunications and Digital Economy of Cameroon, Orange and MTN.")
    assert [p.organization.label for p in m.participations] == [
        "Ministry of Posts, Telecommunications and Digital Economy of Cameroon", "Orange", "MTN Group"]
    m = only_dated("The CTO meeting was held in Abidjan on 26 September 2023, hosted by the Ministry of ICT, Orange "
                   "and MTN.")  # companies after the comma: hosts of their own
    assert (m.host.label, [c.label for c in m.co_hosts]) == ("Ministry of ICT", ["Orange", "MTN Group"])


def test_a_ministry_named_with_an_acronym_another_body_has_is_not_that_body():
    m = only_dated("The CTO meeting was hosted by the Ministry of Information and Communications (MIC) in Hanoi on "
                   "March 14, 2019.")
    assert m.host.label == "Ministry of Information and Communications" and m.host.iri != \
        "https://w3id.org/itukg/id/organization/mic-japan"


def test_the_host_of_a_meeting_to_come_is_not_the_reported_ones():
    ms = facts_of("The first meeting of FG-AN was held in Geneva on 14 and 15 December 2020, hosted by Huawei. The second "
                  "meeting of FG-AN will be held in Beijing from 7 to 9 March 2021.\n").meetings
    assert [(m.start.year, m.host.label if m.host else None) for m in ms] == [(2020, "Huawei"), (2021, None)]
    m = only_dated("The ITU CTO meeting was held in Budapest on 9 September 2019. The 2020 CTO meeting will be hosted "
                   "by Viettel in Hanoi.\n")
    assert m.host is None


def test_a_ministry_with_its_fields_and_an_acronym_is_one_name():
    m = only_dated("The CTO meeting was held in Brasilia on 3 May 2019 with the participation of the Ministry of "
                   "Science, Technology, Innovations and Communications (MCTIC) and Anatel.\n")
    assert "Ministry of Science, Technology, Innovations and Communications" in {
        p.organization.label for p in m.participations}


def test_the_field_of_a_post_in_a_list_of_representatives_is_no_organization():
    m = only_dated("The CTO meeting was held in Brasilia on 3 May 2019. Anatel was represented by the superintendent "
                   "of Planning and Regulation, Mr. Nilo Example, and by Mr. Vicente Example.\n")
    assert "Regulation" not in {p.organization.label for p in m.participations}


@pytest.mark.parametrize("text, host", [
    ("The ITU CTO meeting on the IMT-2030 roadmap will be hosted by Huawei in Shenzhen on 3 June 2025.", "Huawei"),
    ("The ITU CTO meeting, a series first held in 2009, will be hosted by KT in Seoul on 12 June 2025.",
     "KT Corporation"),
    ("The ITU CTO meeting took place in Seoul on 12 June 2024, hosted by the Institute for Information and "
     "Communications Technology Planning and Evaluation.",
     "Institute for Information and Communications Technology Planning and Evaluation"),
])
def test_a_year_that_names_no_other_edition_or_a_field_after_a_second_and_keeps_the_host(text, host):
    m = only_dated(text)
    assert (m.host.label, m.co_hosts) == (host, [])


def test_the_host_of_another_kind_of_meeting_said_again_is_not_the_reported_ones():
    facts = facts_of("The ITU CTO meeting, held in advance of the World Telecommunication Standardization Assembly in New "
                     "Delhi, brought together CTOs from AT&T (USA) and Orange (France). The Assembly was hosted by the "
                     "Government of India.\n")
    (cto,) = [m for m in facts.meetings if m.kind == "CTOMeeting"]
    assert cto.host is None
    m = only_dated("WTSA-16 was held in Hammamet, Tunisia, from 25 October to 3 November 2016. The Assembly was hosted by "
                   "the Government of Tunisia.")
    assert m.host.label == "Government of Tunisia"  # the assembly's own


def test_during_the_meeting_which_was_hosted_by_names_its_own_host_and_chair():
    m = only_dated("The ITU CTO meeting took place in Seoul on 12 June 2024. During the meeting, which was hosted by KT "
                   "and chaired by Mr Kim Young-shik (Republic of Korea), CTOs from AT&T (United States) and Orange "
                   "(France) discussed AI-native networks.")
    assert m.host.label == "KT Corporation" and "Chair" in [p.post.label for p in m.people]


def test_the_host_said_in_a_sentence_of_its_own_after_the_meetings():
    m = only_dated("The ITU-T CTO meeting took place in Bucharest, Romania, on 25 September 2031. The host was Carpatia "
                   "Example S.A. Topics included the metaverse.\n")
    assert m.host is not None and m.host.label == "Carpatia Example S.A."
    m = only_dated("The ITU-T CTO meeting took place in Bucharest on 25 September 2031. The host city is known for its "
                   "parks.\n")
    assert m.host is None


def test_a_host_s_legal_form_after_a_comma_is_no_second_host():
    text = ("The CTO meeting was held on 3 May 2030 in Porto, Portugal, hosted by Douro Example Comunicações, S.A. and "
            "co-located with an industry forum.\n")
    facts = facts_of(text)
    m = next(m for m in facts.meetings if m.start)
    assert m.host is not None and m.host.label == "Douro Example Comunicações"
    assert m.co_hosts == []


_SLIDES = """--- Slide 1 of 8 ---
ITU-T Regional CTO Consultation for Asia and the Pacific
Outcomes and next steps
Hanoi, Viet Nam - 18/03/2029
Hosted by Example Red River Digital JSC

--- Slide 2 of 8 ---
Recap: 1st consultation
- Dhaka, Bangladesh - 03 Sep 2028
- Host: Example Padma Telecom

--- Slide 3 of 8 ---
Who was in the room
- Example Red River Digital JSC (Viet Nam) - host
- Example Tasman Networks Ltd (New Zealand)
- Example Steppe Communications (Mongolia)
"""


def test_a_hosted_by_line_under_a_meetings_heading_names_its_host_and_who_was_in_the_room_took_part():
    m = next(m for m in facts_of(_SLIDES).meetings if m.start is not None and m.start.year == 2029)
    assert m.host is not None and m.host.label == "Example Red River Digital JSC"
    assert {p.organization.label: p.country.label for p in m.participations} == {
        "Example Red River Digital JSC": "Vietnam", "Example Tasman Networks Ltd": "New Zealand",
        "Example Steppe Communications": "Mongolia"}
