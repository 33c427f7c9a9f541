"""News pages and newsletters of national bodies: when they were published ('Posted on', a byline), meetings
'started' on a day, field blocks with their own bullets, another meeting's days in brackets, and the city of a
dateline for a meeting the text places only by its country.

Every text here is written for the test, in the forms of the family (regulators' news pages, ministries' press
releases, standards bodies' newsletters).
"""
from __future__ import annotations

from datetime import date

from extract_fixtures import facts_of, only_dated, posts_of


def test_a_posted_on_line_under_the_headline_dates_no_meeting():
    facts = facts_of("Regulator takes part in TSAG meeting in Geneva\nPosted on 03.02.2031 | Category: International\n\n"
                     "The Authority took part in the meeting of the Telecommunication Standardization Advisory Group "
                     "(TSAG), which took place in Geneva from 20 till 24 January.\n")
    assert facts.published == date(2031, 2, 3)
    (m,) = [m for m in facts.meetings if m.start]
    assert (m.kind, m.start, m.end) == ("TSAGMeeting", date(2031, 1, 20), date(2031, 1, 24))


def test_a_byline_before_the_date_makes_it_the_publication_date():
    facts = facts_of("Leaders call for faster AI standards at the Global Standards Symposium\n\nBy Jane Roe | March 9, "
                     "2032\n\nLISBON — Officials used the Global Standards Symposium (GSS-32) on Monday, held March 8 at "
                     "the congress centre, to call for faster work.\n")
    assert facts.published == date(2032, 3, 9)
    gss = [m for m in facts.meetings if m.kind == "Symposium" and m.start]
    assert [(m.start, m.end) for m in gss] == [(date(2032, 3, 8), date(2032, 3, 8))]


_PRESS_RELEASE = """Ministry of Communications
Republic of Examplia

PRESS RELEASE

Examplia hosts the ITU Regional Consultation of CTOs for Africa

Kigali, 8 May 2030

The works of the ITU-T Regional Consultation of Chief Technology Officers (CTOs) for Africa were started on Tuesday 7th
of May at the Rwanda Convention Centre and continued for two days.
"""


def test_a_meeting_that_started_on_a_day_is_dated_by_it_not_by_the_line_under_the_headline():
    m = only_dated(_PRESS_RELEASE)
    assert (m.start, m.end) == (date(2030, 5, 7), date(2030, 5, 8))


def test_a_meeting_placed_by_its_country_was_held_in_the_dateline_s_city_there():
    # 'the Rwanda Convention Centre' says the country; the dateline says the city
    m = only_dated(_PRESS_RELEASE)
    assert m.place is not None and m.place.label == "Kigali"
    assert m.country is not None and m.country.label == "Rwanda"


_NEWSLETTER = """STANDARDS NEWSLETTER | Vol. 12

Study group leaders gather at the ITU-T Study Group Leadership Assembly

□ Overview
 ○ Meeting : ITU-T Study Group Leadership Assembly (SGLA)
 ○ Date : 2029.01.22(Mon) ~ 01.23(Tue)
 ○ Venue : ITU Headquarters, Geneva, Switzerland

□ Background
 ○ After WTSA-28 (2028.10.10~19, Seoul, Republic of Korea) appointed the new leaders, TSB organized the SGLA to give them
   a common understanding of the working methods.
"""


def test_a_field_block_with_round_bullets_dates_and_places_its_meeting():
    facts = facts_of(_NEWSLETTER)
    sgla = [m for m in facts.meetings if m.kind == "LeadershipAssembly"]
    assert [(m.start, m.end) for m in sgla] == [(date(2029, 1, 22), date(2029, 1, 23))]
    assert sgla[0].place is not None and sgla[0].place.label == "Geneva"


def test_days_in_brackets_after_another_meeting_s_name_are_that_one_s():
    facts = facts_of(_NEWSLETTER)
    wtsa = [m for m in facts.meetings if m.kind == "Conference"]
    assert [(m.name, m.start, m.end) for m in wtsa] == [("WTSA-28", date(2028, 10, 10), date(2028, 10, 19))]
    # no SGLA on the Assembly's days
    assert all(m.start != date(2028, 10, 10) for m in facts.meetings if m.kind == "LeadershipAssembly")


def test_days_after_a_meeting_s_name_and_held_are_that_meeting_s_not_the_conference_before_it():
    facts = facts_of("Delegates agreed common proposals (CPs) for the World Telecommunication Standardization Assembly "
                     "(WTSA-28) at the ITU Regional Preparatory Meeting for WTSA-28 for the Americas, held in Lima on "
                     "May 4-6, 2028.\n")
    dated = {(m.kind, m.start, m.end) for m in facts.meetings if m.start}
    assert dated == {("PreparatoryMeeting", date(2028, 5, 4), date(2028, 5, 6))}


def test_a_heading_of_group_chairs_without_a_colon_gives_each_line_s_chair():
    m = only_dated("The Study Group Leadership Assembly met in Geneva on 3 and 4 March 2031.\n\n"
                   "Study group chairs who presented (as listed in the programme)\n\n"
                   "- SG2 – Ms Ana Example (Chile)\n- SG13 – Mr Bo Sample (Sweden)\n\nMain themes\n")
    posts = posts_of(m)
    assert posts == {"Ana Example": "Chair of SG2", "Bo Sample": "Chair of SG13"}


def test_a_next_meeting_held_with_an_event_takes_the_event_s_year_and_its_place():
    m = only_dated("CTO meeting\n\nThe CTO meeting took place in Lima, Peru, on 18 November 2033.\n\nThe next CTO "
                   "meeting will take place in Quito, Ecuador, alongside ITU Telecom World 2034.\n")
    nxt = m.next_meeting
    assert nxt is not None and (nxt.start, nxt.precision) == (date(2034, 1, 1), "year")
    assert nxt.place is not None and nxt.place.label == "Quito"
    # with no event named, no year is made up
    m = only_dated("CTO meeting\n\nThe CTO meeting took place in Lima, Peru, on 18 November 2033.\n\nThe next CTO "
                   "meeting will take place in Quito, Ecuador.\n")
    assert m.next_meeting is None


_BLOG = """Engineering Blog

What thirty CTOs agreed on in Lisbon

16 May 2033 · Dr. Ana Example, Chief Technology Officer

Last Monday, 9 May, I left our Porto lab for a meeting room at the congress centre in Lisbon to take part in the \
ITU-T CTO Meeting. This year's edition was hosted by Portugal's Ministry of Infrastructure and ran alongside ITU \
Telecom World 2033, which meant the corridors were busy.
"""


def test_a_place_before_going_to_take_part_in_the_meeting_is_its_place():
    m = only_dated(_BLOG)
    assert m.start == date(2033, 5, 9)
    assert m.place is not None and m.place.label == "Lisbon"


def test_this_year_s_edition_names_its_event_and_its_host_with_the_host_s_country():
    m = only_dated(_BLOG)
    assert m.co_located is not None and m.co_located.year == 2033
    assert m.host is not None and m.host.label == "Ministry of Infrastructure"
    assert m.host.country is not None and m.host.country.label == "Portugal"


def test_the_days_of_the_sentence_s_subject_are_not_those_of_a_meeting_named_after_them():
    facts = facts_of("Report of the XIII Meeting of PCC.I\n\nThe XIII Meeting of PCC.I was held in Lima, Peru, on "
                     "May 3-6, 2032.\n\n- The XIV Meeting of PCC.I will be held in Quito, December 2–5, 2032, to "
                     "review the results of WTSA-32.\n")
    dated = sorted((m.name, m.start) for m in facts.meetings if m.start)
    assert dated == [("XIII Meeting of PCC.I", date(2032, 5, 3)), ("XIV Meeting of PCC.I", date(2032, 12, 2))]


def test_a_table_s_label_cell_is_no_part_of_the_meeting_s_name():
    facts = facts_of("Second Study Group Leadership Assembly held in Tokyo\n\nThe second ITU-T Study Group Leadership "
                     "Assembly was held in Tokyo on 20 and 21 January 2033.\n\nMeeting\tSecond ITU-T Study Group "
                     "Leadership Assembly\nVenue\tTokyo, Japan\n")
    assert [m.name for m in facts.meetings if m.start] == ["Second ITU-T Study Group Leadership Assembly"]


_DASHED_LIST = """CTO meeting report

The CTO meeting was held in Dubai, United Arab Emirates, on 18 November
2032 at the invitation of the regulator. Chief technology officers of
operators and vendors discussed standardization priorities for 2033.

Participants (organization — country — representative):
Examplecom — Russian Federation — Mr. Sergei Nikolaevich Example
Beta Networks — Sweden — Mr. Magnus Example
Gamma Telecom Holdings — Japan — Dr. YOSHIDA Example

Next steps were agreed by all participants of the meeting in Dubai.
"""


def test_lines_of_a_dashed_list_are_entries_not_a_wrapped_paragraph():
    names = {p.name for p in only_dated(_DASHED_LIST).people}
    assert {"Sergei Nikolaevich Example", "Magnus Example", "Yoshida Example"} <= names
    assert not any("Beta" in n or "Gamma" in n for n in names)


def test_spanish_styles_before_a_name():
    m = only_dated("Meeting of PCC.I\n\nThe XX Meeting of PCC.I was held in Lima on 3 May 2032.\n\nParticipants:\n"
                   "- Lic. Ana Beatriz Example Sample (Ministry of Transport, Peru)\n- Ing. Jorge Example (ASEP, Panama)\n")
    assert {"Ana Beatriz Example Sample", "Jorge Example"} <= {p.name for p in m.people}


def test_posts_the_press_writes_in_lower_case():
    m = only_dated("GSS\n\nThe Global Standards Symposium was held in Lisbon on 14 October 2032.\n\nTunde Example, chief "
                   "standards officer at Example Mobile Group, said operators buy equipment today. Rakesh Example, "
                   "additional secretary at the Ministry of Communications, pitched open platforms. Chief among them "
                   "was the officer who spoke last.\n")
    posts = posts_of(m)
    assert posts["Tunde Example"] == "Chief Standards Officer"
    assert posts["Rakesh Example"] == "Additional Secretary"
    assert not any("among" in (label or "") for label in posts.values())


def test_another_group_s_next_meeting_said_with_its_days_is_a_meeting_of_that_group():
    facts = facts_of("CTO meeting\n\nThe CTO meeting took place in Lima, Peru, on 5 October 2032.\n\nThe Director of TSB "
                     "will present this communiqué to TSAG at its next meeting (Geneva, 8-11 February 2033), and to "
                     "ITU-T Study Group 13 at its next meeting in early 2033.\n")
    cto = next(m for m in facts.meetings if m.kind == "CTOMeeting")
    assert cto.next_meeting is None  # TSAG's next meeting is not the CTO meeting's
    others = [(m.kind, m.name, m.start, m.end, m.place.label if m.place else None) for m in facts.meetings
              if m.kind != "CTOMeeting"]
    # a day range makes TSAG's a meeting; a season alone ('early 2033') makes none for SG13
    assert others == [("TSAGMeeting", "TSAG meeting", date(2033, 2, 8), date(2033, 2, 11), "Geneva")]


def test_posts_said_after_a_body_and_its_country_by_a_verb_a_newly_given_post_and_a_coordinator():
    m = only_dated("The Study Group Leadership Assembly met in Geneva on 3 and 4 March 2031.\n\nDr Ana EXAMPLE of the "
                   "Example and Digital Government Regulatory Authority (United Arab Emirates), who chairs ITU-T Study "
                   "Group 17, called for a map of AI security work. \"Leadership is too concentrated,\" said Ms Bea "
                   "SAMPLE (Eswatini), a newly appointed SG5 vice-chair.\n\nTwo working groups were set up:\n"
                   "   - WG1 - Structure and working methods, coordinated by Mr Kofi EXAMPLE (Ghana);\n")
    posts = posts_of(m)
    assert posts["Ana Example"] == "Chair of SG17"
    assert posts["Bea Sample"] == "Vice-Chair of SG5"
    assert posts["Kofi Example"] == "Coordinator"


def test_a_date_alone_under_a_byline_is_when_the_item_was_written():
    facts = facts_of("STANDARDS REVIEW\n\nSymposium urges action on climate change\n\nBy Jane EXAMPLE, Lisbon\n"
                     "21 October 2031\n\nDelegates at the Global Standards Symposium (GSS) agreed on Monday in Lisbon "
                     "that climate change comes first.\n")
    assert facts.published == date(2031, 10, 21)
    assert [(m.kind, m.start) for m in facts.meetings] == [("Symposium", date(2031, 10, 20))]


def test_people_at_a_meeting_who_did_something_there_say_it_took_place_and_its_sentence_is_its_own():
    facts = facts_of("STANDARDS REVIEW\n\nBy Jane EXAMPLE, Lisbon\n21 October 2031\n\nDelegates at the first Global "
                     "Standards Symposium (GSS) agreed on Monday in Lisbon that climate change comes first.\n\nThe "
                     "one-day symposium, held on 20 October at the congress centre and hosted by Portugal's Ministry of "
                     "Infrastructure, met on the eve of the World Telecommunication Standardization Assembly (WTSA-32), "
                     "which runs in the same venue from 21 to 30 October.\n")
    kinds = {m.kind: m for m in facts.meetings}
    assert kinds["Symposium"].start == date(2031, 10, 20)
    assert kinds["Symposium"].host is not None and kinds["Symposium"].host.label == "Ministry of Infrastructure"
    assert kinds["Conference"].host is None  # the Assembly named in passing is not hosted by the symposium's host


_INTERVIEW = """Example Tech Weekly | Interviews | 24 September 2031

"Standards are a board-level matter"

Jane Example, Chief Technology Officer of Kalahari Example Telecom, was in the room when ITU-T convened its annual CTO meeting in Durban this month. We spoke to her in Johannesburg.

Q: Where were you on September the 10th?

A: At the convention centre. Mr. Kenji Example, executive vice-president and CTO of Yamato Example Networks in Tokyo, chaired the day.
"""


def test_a_masthead_s_date_is_the_page_s_and_this_month_is_its_month():
    facts = facts_of(_INTERVIEW)
    assert facts.published == date(2031, 9, 24)
    (m,) = [m for m in facts.meetings if m.start]
    assert (m.kind, m.start, m.end, m.place.label) == ("CTOMeeting", date(2031, 9, 1), date(2031, 9, 30), "Durban")


def test_an_officer_s_title_in_lower_case_still_names_the_company():
    (m,) = [m for m in facts_of(_INTERVIEW).meetings if m.start]
    assert {p.name: p.affiliation.label if p.affiliation else None for p in m.people}["Kenji Example"] == \
        "Yamato Example Networks"


def test_a_joint_dateline_of_two_cities_dates_the_release_not_a_meeting():
    facts = facts_of("Example Alliance and ITU sign a memorandum\n\nGENEVA / SINGAPORE, February 12th, 2032 — The "
                     "Example Alliance met ITU-T leaders on the margins of the meeting of the Telecommunication "
                     "Standardization Advisory Group (TSAG), which runs from 9 to 13 February 2032.\n")
    assert facts.published == date(2032, 2, 12)
    assert [(m.kind, m.start) for m in facts.meetings if m.start] == [("TSAGMeeting", date(2032, 2, 9))]


def test_chief_technology_officers_who_gathered_for_the_cto_meeting_name_that_one_meeting_dated_by_their_day():
    # the day written without its year, before the meeting's own name, in a sentence that also names the CTOs;
    # another CTO meeting dated elsewhere in the text must not take the date away
    text = ("Example Newsroom\n\nCTOs ask for faster work on network APIs\nLima, 20 November 2019\n\n"
            "Chief Technology Officers of leading operators gathered in Lima on Tuesday, 19 November, for the annual "
            "ITU-T CTO meeting. They asked SG13 to speed up its work on network APIs.\n\n"
            "Last year's CTO meeting was held in Durban on 10 September 2018.\n")
    ms = {m.start: m for m in facts_of(text).meetings}
    assert set(ms) == {date(2019, 11, 19), date(2018, 9, 10)}
    assert ms[date(2019, 11, 19)].place.label == "Lima" and ms[date(2018, 9, 10)].place.label == "Durban"


def test_last_years_meeting_is_named_in_passing_and_the_text_after_it_stays_with_the_meeting_reported():
    text = ("CTO meeting in Lima\nLima, 20 November 2019\n\n"
            "The ITU-T CTO meeting was held in Lima on 19 November 2019. Last year's CTO meeting was held in Durban "
            "on 10 September 2018.\n\n"
            "The TSB Director thanked the Example Ministry of Transport for its hospitality.\n")
    ms = {m.start: m for m in facts_of(text).meetings}
    assert ms[date(2019, 11, 19)].host is not None
    assert ms[date(2019, 11, 19)].host.label == "Example Ministry of Transport"
    assert ms[date(2018, 9, 10)].host is None


def test_the_days_of_an_event_in_brackets_are_not_the_days_of_a_meeting_held_on_its_opening_day():
    text = ("Press release\n\nLIMA, 20 November 2035 – Chief Technology Officers met yesterday in Lima and agreed on "
            "priorities for standardization.\n\nThe meeting, held on the opening day of ITU Telecom World 2035 (19-22 "
            "November), was chaired by the CTO of Example Telecom.\n")
    (m,) = [m for m in facts_of(text).meetings if m.kind == "CTOMeeting"]
    assert (m.start, m.end) == (date(2035, 11, 19), date(2035, 11, 19))


def test_the_previous_meeting_was_held_in_a_city_in_a_month():
    text = ("CTO meeting in Lima\nLima, 20 November 2035\n\nThe ITU-T CTO meeting was held in Lima on 19 November 2035. "
            "The previous meeting was held in Durban in October 2034, alongside ITU Telecom World 2034.\n")
    past = [m for m in facts_of(text).meetings if m.start and m.start.year == 2034]
    assert [(m.kind, m.start, m.end, m.place.label) for m in past] == [
        ("CTOMeeting", date(2034, 10, 1), date(2034, 10, 31), "Durban")]


def test_a_date_under_a_pages_masthead_is_its_publication_day_and_last_october_is_counted_from_it():
    text = ("News | Example Regulator\n14 February 2036\n\nNew leadership for the advisory group\n\n"
            "TSAG met from 10 to 13 February in Geneva. Its new chair was appointed by WTSA-36 in Buenos Aires last "
            "October.\n")
    facts = facts_of(text)
    assert facts.published == date(2036, 2, 14)
    (wtsa,) = [m for m in facts.meetings if m.kind == "Conference"]
    assert (wtsa.start, wtsa.end, wtsa.precision) == (date(2035, 10, 1), date(2035, 10, 31), "month")


def test_a_meeting_held_entirely_online_has_no_place_even_where_a_participant_joined_from_one():
    text = ("Example Telecom blog\n\nBy Ana Example, CTO\n\n"
            "On 16 June 2035 I joined the ITU-T regional CTO consultation for the Americas from my living room in "
            "Campinas.\n\nThe consultation was organized by TSB together with CITEL, and was held entirely online.\n")
    (m,) = [m for m in facts_of(text).meetings if m.start == date(2035, 6, 16)]
    assert m.place is None and m.attendance[0] == "online"


def test_a_wire_release_dateline_and_its_today_announced_neither_date_nor_place_the_meeting():
    text = ("ACCRA, May 20, 2032 /Example Wire/ -- Volta Example Telecom today announced that its CTO represented the "
            "company at the ITU-T CTO meeting. The meeting took place in Lomé, Togo, on 12 May, hosted by a local "
            "operator.\n")
    facts = facts_of(text)
    assert facts.published == date(2032, 5, 20)
    m = only_dated(text)
    assert (m.start, m.end) == (date(2032, 5, 12), date(2032, 5, 12))
    assert m.place is not None and m.place.label == "Lomé"  # where it took place, not the dateline's city
