"""Extraction on the forms real documents of the family take (issue 12), on documents written for these tests.

Every text here is invented: fictional organizations, people and places where the form does not need a real one.
Each test states the facts a form must yield and the traps it must not fall into.
"""
from __future__ import annotations

import re
from datetime import date

import pytest
from extract_fixtures import facts_of

from itukg.graph.extract.dates import find_dates, find_partial_dates
from itukg.graph.extract.keyphrases import find_keyphrases
from itukg.graph.extract.organizations import find_organizations
from itukg.graph.mapping import to_graph
from itukg.graph.namespaces import ID, ITUKG
from itukg.graph.read import Text
from itukg.graph.reference import load_reference


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def by_kind(facts, kind):
    found = [m for m in facts.meetings if m.kind == kind]
    assert len(found) == 1, [(m.kind, m.name, m.start) for m in facts.meetings]
    return found[0]


# -- a document is never empty -------------------------------------------------------------------------------

SPEECH = """Opening address

Excellencies, colleagues,
I thank the Ministry of Digital Affairs of Ghana and the Northwind Spectrum Authority (NSA) for their support.
The Northwind Spectrum Authority has asked ITU-T Study Group 5 to look again at e-waste and at the energy
efficiency of data centres. Marlow Cable Systems Ltd. and the Brightwater Institute of Technology joined the call.
"""


def test_a_document_without_a_meeting_keeps_what_it_names():
    facts = facts_of(SPEECH)
    assert facts.meetings == []
    orgs = {o.label: o for o in facts.organizations}
    assert {"Northwind Spectrum Authority", "Marlow Cable Systems Ltd.", "Brightwater Institute of Technology"} <= set(orgs)
    assert orgs["Northwind Spectrum Authority"].alt == "NSA"
    assert any(o.label.startswith("Ministry of Digital Affairs") and o.country.iri == ID + "country/GH"
               for o in facts.organizations)
    assert ID + "group/sg5" in {g.iri for g in facts.groups}
    topics = {t.iri for t in facts.topics}
    assert ID + "topic/e-waste" in topics
    # ITU itself is not an outside organization
    assert not any(o.iri == ID + "organization/itu" for o in facts.organizations)


def test_the_graph_of_a_document_without_a_meeting_says_what_it_names():
    facts = facts_of(SPEECH)
    g = to_graph(facts)
    doc = ID + "document/" + facts.sha256
    mentioned = set(g.objects(predicate=ITUKG.mentions))
    assert ID + "group/sg5" in {str(x) for x in mentioned}
    nsa = next(o for o in mentioned if (o, None, None) in g and str(g.value(o, ITUKG.name) or "") == ""
               and "northwind" in str(o))
    assert str(g.value(nsa, __import__("rdflib").namespace.SKOS.altLabel)) == "NSA"
    assert any(str(s) == doc for s in g.subjects(ITUKG.mentions, nsa))


# -- organizations beyond the reference list -----------------------------------------------------------------

def test_an_acronym_defined_once_names_the_same_organization_later(ref):
    text = ("The Eastland Communications Regulatory Commission (ECRC) hosted the forum. Later the ECRC chair spoke.\n"
            "The meeting was attended by representatives of ECRC, Ericsson and Solano Networks Inc.\n")
    facts = facts_of(text)
    ecrc = [o for o in facts.organizations if o.alt == "ECRC"]
    assert len(ecrc) == 1 and ecrc[0].label == "Eastland Communications Regulatory Commission"


def test_organizations_from_head_nouns_legal_forms_and_governments(ref):
    text = ("The government of Tunisia, Kestrel Telecom Group, the University of Lowmoor, Pelham Devices GmbH and the "
            "Communications Administration of the Republic of Azerbaijan took part.")
    labels = {o.label for o in find_organizations(ref, text)}
    assert {"Government of Tunisia", "Kestrel Telecom Group", "University of Lowmoor", "Pelham Devices GmbH",
            "Communications Administration of the Republic of Azerbaijan"} <= labels


def test_groups_meeting_series_and_categories_are_not_organizations(ref):
    text = ("Study Group 13 and the Focus Group on Autonomous Networks (FG-AN) reported to the World Telecommunication "
            "Standardization Assembly (WTSA). Participants include Academia, Member States and Sector Members. "
            "The Chairman of the Example Standards Body spoke; apps such as WhatsApp and Skype were cited.")
    labels = {o.label for o in find_organizations(ref, text)}
    assert not labels & {"Study Group 13", "Focus Group on Autonomous Networks",
                         "World Telecommunication Standardization Assembly", "Academia", "Member States"}
    assert "Chairman of the Example Standards Body" not in labels
    assert not {"WhatsApp", "Skype"} & labels


def test_participants_in_collaboration_and_representation_lists():
    text = ("The Example Forum took place in Nairobi on 3 March 2021, organized by the Kenyan Example Authority in "
            "collaboration with Tallis Networks, Orbis Labs Ltd. and Verran Telecom.\n"
            "The delegation was represented by representatives of the Ministry of Posts of Kenya, QWERTNET and the "
            "leadership of the Example Council.\n")
    facts = facts_of(text)
    m = facts.meetings[0]
    names = {p.organization.label for p in m.participations}
    assert {"Tallis Networks", "Orbis Labs Ltd.", "Verran Telecom", "QWERTNET"} <= names
    assert not any("leadership" in n for n in names)
    assert m.host is not None and m.host.label == "Kenyan Example Authority"


# -- meetings without an exact date are meetings --------------------------------------------------------------

def test_a_meeting_dated_by_a_generic_phrase_after_its_title():
    text = ("Eastern Region Standardization Forum opens in Kigali\n\n"
            "Regulators and operators gathered to discuss the standardization gap.\n"
            "The three-day meeting is taking place from 14th  to 16th  March, 2022, with experts from the region.\n")
    m = facts_of(text).meetings[0]
    assert m.kind == "Symposium" and m.name == "Eastern Region Standardization Forum"
    assert (m.start, m.end) == (date(2022, 3, 14), date(2022, 3, 16))
    assert m.place.iri == ID + "place/kigali"


def test_a_day_and_month_without_year_take_the_press_date_year():
    text = ("Geneva, 2 June 2017 – The Telecommunication Standardization Advisory Group (TSAG) met last 1-4 May in "
            "Geneva to review working methods.\n")
    facts = facts_of(text)
    assert facts.published == date(2017, 6, 2)
    m = by_kind(facts, "TSAGMeeting")
    assert (m.start, m.end) == (date(2017, 5, 1), date(2017, 5, 4))


def test_a_press_dateline_is_a_publication_date_never_a_meeting_date():
    text = ("Geneva, 30 May 2016 – The 2016 World Telecommunication Standardization Assembly (WTSA-16) will be held "
            "from 25 October to 3 November in Yasmine Hammamet, Tunisia.\n")
    facts = facts_of(text)
    m = by_kind(facts, "Conference")
    assert (m.start, m.end) == (date(2016, 10, 25), date(2016, 11, 3))
    assert m.place.label != "Geneva" and m.country.iri == ID + "country/TN"
    assert facts.published == date(2016, 5, 30)


def test_a_year_or_month_alone_dates_a_named_edition_to_that_precision():
    text = ("The first Global Standards Symposium (GSS) in 2008 set the tone. Resolution 99 of the Plenipotentiary "
            "Conference (Marrakesh, 2002) is cited, and the Council session in July 2019 agreed.\n")
    facts = facts_of(text)
    gss = by_kind(facts, "Symposium")
    assert (gss.start, gss.precision, gss.ordinal[0]) == (date(2008, 1, 1), "year", 1)
    pp = [m for m in facts.meetings if m.series and m.series.iri == ID + "series/pp"]
    assert pp and pp[0].start == date(2002, 1, 1) and pp[0].precision == "year"


def test_dates_of_partial_precision_are_typed_as_such_in_the_graph():
    text = "The first Global Standards Symposium (GSS) in 2008 set the tone.\n"
    g = to_graph(facts_of(text))
    values = {(str(v), str(v.datatype)) for v in g.objects(predicate=ITUKG.startDate)}
    assert ("2008", "http://www.w3.org/2001/XMLSchema#gYear") in values


def test_named_editions_without_a_date_are_undated_meetings_and_ordinals_tell_them_apart():
    text = ("The third Eastern preparatory meeting for WTSA-24 was held on 2-4 April 2024 via videoconference.\n"
            "Item 1: outcome of the 2nd Eastern Preparatory Meeting for WTSA-24.\n"
            "Item 2: proposals of the 3rd Eastern preparatory meeting for WTSA-24 to WTSA-24.\n")
    facts = facts_of(text)
    preps = sorted((m for m in facts.meetings if m.kind == "PreparatoryMeeting"), key=lambda m: m.ordinal[0])
    assert [(m.ordinal[0], m.start) for m in preps] == [(2, None), (3, date(2024, 4, 2))]
    wtsa = by_kind(facts, "Conference")
    assert wtsa.start is None and wtsa.name == "WTSA-24"


def test_a_series_named_without_an_edition_is_no_meeting():
    text = "Study groups follow the WTSA action plan and the resolutions of past assemblies.\n"
    assert facts_of(text).meetings == []


def test_an_event_alongside_a_meeting_does_not_take_the_meeting_date():
    text = ("The CTO meeting took place in Busan on 20 October 2014, alongside the ITU Plenipotentiary Conference "
            "2014.\n")
    facts = facts_of(text)
    cto = by_kind(facts, "CTOMeeting")
    assert cto.start == date(2014, 10, 20)
    assert all(m.start != date(2014, 10, 20) for m in facts.meetings if m.kind == "Conference")


@pytest.mark.parametrize("text, kind", [
    ("The TSAG Rapporteur Group on Working Methods e-meeting was held on 5 May 2021.", "RapporteurGroupMeeting"),
    ("The meeting of WP1/TSAG took place on 10 January 2022 in Geneva.", "WorkingPartyMeeting"),
    ("The SG5RG-LAC meeting took place in Lima on 8 August 2019.", "RegionalGroupMeeting"),
    ("The Regional Preparatory Meeting for WTSA-20 was held on 3 February 2020 in Cairo.", "PreparatoryMeeting"),
    ("ITU Kaleidoscope academic conference took place on 4-6 December 2019 in Atlanta.", "Symposium"),
    ("The Global Standards Symposium was held in Geneva on 28 February 2022.", "Symposium"),
])
def test_every_kind_of_meeting_of_the_family(text, kind):
    m = facts_of(text + "\n").meetings
    assert [x.kind for x in m if x.start] == [kind]


# -- dates in all their forms ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end", [
    ("from 05th  to 08th  February, 2018", date(2018, 2, 5), date(2018, 2, 8)),
    ("between 14 and 16 March 2019", date(2019, 3, 14), date(2019, 3, 16)),
    ("on 1-4 May 2017", date(2017, 5, 1), date(2017, 5, 4)),
    ("from 30 November 2020 to 2 January 2021", date(2020, 11, 30), date(2021, 1, 2)),
    ("on Tuesday, 3 December 2019 (pm)", date(2019, 12, 3), date(2019, 12, 3)),
    ("on 12 – 16 December 2022", date(2022, 12, 12), date(2022, 12, 16)),
])
def test_date_forms(text, start, end):
    found = find_dates(text)
    assert [(d.start, d.end) for d in found] == [(start, end)]


def test_a_year_glued_to_the_next_word_is_still_a_year():
    assert [(d.start, d.end) for d in find_dates("held on 9 September 2018for the first time")] == \
        [(date(2018, 9, 9), date(2018, 9, 9))]


def test_partial_dates_are_months_and_years_that_date_something():
    found = {(d.quote, d.precision) for d in find_partial_dates(
        "established in July 2018; first held in 2008 (Antalya, 2006); study period 2017-2020; Y.2060")}
    assert found == {("July 2018", "month"), ("2008", "year"), ("2006", "year")}


# -- topics in the text's own words ---------------------------------------------------------------------------

def test_key_phrases_name_subjects_outside_the_vocabulary_and_never_names(ref):
    text = ("Members debated a newcomer mentoring scheme and rotating venue arrangements. "
            "Mr John Example of Examplia thanked the Northwind Spectrum Authority. The newcomer mentoring scheme "
            "was referred to the next meeting.")
    names = [(text.index("John Example"), text.index("John Example") + 12)]
    phrases = [p for p, _ in find_keyphrases(ref, text, skip=names, limit=5)]
    assert "newcomer mentoring scheme" in phrases
    assert not any("john" in p or "northwind" in p for p in phrases)



def test_key_phrases_leave_out_courtesies_and_talk_about_the_document(ref):
    # a speech thanks and welcomes, a journal report speaks of itself: none of that is a subject
    text = ("Thank you for your kind welcoming words and my sincere gratitude to our hosts. This article reports "
            "the main results of the plenary sessions. Chief technology and innovation officers debated rotating "
            "venue arrangements, and the rotating venue arrangements were kept for the next meeting.")
    phrases = [p for p, _ in find_keyphrases(ref, text, limit=6)]
    assert "rotating venue arrangements" in phrases
    assert not any(w in p for p in phrases for w in ("kind", "gratitude", "article", "main", "plenary", "chief"))

def test_a_city_that_qualifies_a_meeting_name_is_its_place():
    text = "Resolution 7 of the Marrakesh Plenipotentiary Conference in 2002 still applies.\n"
    pp = facts_of(text).meetings[0]
    assert (pp.kind, pp.start.year, pp.country.iri) == ("Conference", 2002, ID + "country/MA")
    assert pp.place.label in ("Marrakesh", "Marrakech")  # the gazetteer's spelling of the city the text names


def test_people_who_met_yesterday_under_a_dateline_are_a_meeting_of_that_day():
    text = ("DUBAI, 6 December 2023 – Senior officials from industry met yesterday in Dubai to discuss e-waste. "
            "The event was organized by the Emirates Example Authority (EEA).\n")
    m = facts_of(text).meetings[0]
    assert (m.start, m.place.label) == (date(2023, 12, 5), "Dubai")
    assert m.host.label == "Emirates Example Authority"


def test_a_written_range_wins_over_today_and_a_city_beside_its_country_over_a_venue():
    text = ("Lisbon, 24 May 2025 – The Example Standards Forum closed today after a five-day meeting held from 20 to "
            "24 May at Example Congress Hall, Porto, Portugal.\n")
    m = by_kind(facts_of(text), "Symposium")
    assert (m.start, m.end) == (date(2025, 5, 20), date(2025, 5, 24))
    assert (m.place.label, m.country.iri) == ("Porto", ID + "country/PT")


def test_a_cxo_roundtable_under_its_heading():
    text = ("ITU CxO Roundtable\nSeoul, Republic of Korea, 16 October 2023\nCommuniqué\n"
            "CxOs from 14 companies met in Seoul on 16 October 2023.\n"
            "Participating organizations: Acme Networks Inc. (United States); Borealis Telecom Oy (Finland).\n")
    facts = facts_of(text)
    m = by_kind(facts, "CTOMeeting")
    assert m.name == "ITU CxO Roundtable" and m.start == date(2023, 10, 16)
    assert {p.organization.label for p in m.participations} == {"Acme Networks Inc.", "Borealis Telecom Oy"}
    assert not any("Roundtable" in p.name for p in facts.people)


def test_participants_named_inside_a_sentence_and_a_last_item_running_into_it():
    text = ("Study Group 17 meeting concludes in Geneva\n\nITU-T Study Group 17 met in Geneva from 29 August to "
            "8 September 2023. Participants from Huawei, Orange and the National Cyber Agency of Freedonia contributed "
            "to work on zero trust. Participants included the ICT regulated operators and Academia.\n")
    m = facts_of(text).meetings[0]
    assert {p.organization.label for p in m.participations} == {"Huawei", "Orange", "National Cyber Agency of Freedonia"}


def test_a_contingent_representatives_and_speakers_with_their_affiliations():
    text = ("The 5th Global Standards Symposium (GSS) was held on 14 October 2030 in Lima, Peru. The 12-person "
            "Ruritanian contingent comprised the Ministry of Posts (MoP), Ruritel and Zeta Systems Corporation.\n"
            "Speakers included Dr. Maria Lopez (Ruritel) and Prof. Chen Wei, Dean of the Ruritania Institute of "
            "Technology.\nRepresentatives of Kappa Labs, Delta Networks and Sigma Mobile also took part.\n")
    facts = facts_of(text)
    m = by_kind(facts, "Symposium")
    assert m.ordinal[0] == 5 and (m.start, m.place.label) == (date(2030, 10, 14), "Lima")
    names = {p.organization.label for p in m.participations}
    assert {"Ministry of Posts", "Ruritel", "Zeta Systems Corporation", "Kappa Labs", "Delta Networks",
            "Sigma Mobile"} <= names
    people = {p.name: p for p in m.people}
    assert people["Maria Lopez"].affiliation.label == "Ruritel"
    assert people["Chen Wei"].post.label.startswith("Dean of the Ruritania Institute")
    assert not any("person" in k for k, _ in facts.keyphrases)


def test_a_next_meeting_announced_for_a_year_is_dated_to_the_year():
    text = ("The CxO meeting took place in Busan on 16 October 2023.\n"
            "The next CxO meeting will take place in Geneva in 2024.\n")
    m = by_kind(facts_of(text), "CTOMeeting")
    assert (m.next_meeting.start.year, m.next_meeting.precision) == (2024, "year")
    g = to_graph(facts_of(text))
    assert any(str(v) == "2024" and str(v.datatype).endswith("gYear") for v in g.objects(predicate=ITUKG.startDate))


def test_organizations_named_as_context_are_not_participants():
    text = ("The CTO meeting took place in Geneva on 3 May 2021. Participants included Ericsson and Nokia.\n"
            "ITU-T coordinates its work with organizations such as IETF and 3GPP; apps such as WhatsApp were cited.\n")
    facts = facts_of(text)
    m = by_kind(facts, "CTOMeeting")
    assert {p.organization.iri for p in m.participations} == {ID + "organization/ericsson", ID + "organization/nokia"}
    # the document still names the others, with no meeting they took part in
    assert {ID + "organization/ietf", ID + "organization/3gpp"} <= {o.iri for o in facts.organizations}
    assert not any("WhatsApp" in o.label for o in facts.organizations)


NEWS = """Example Tech News, 20 November 2017

Industry leaders call for faster standards
Chief technology officers from 16 companies met at the ninth annual CTO meeting in Busan, at ITU Telecom World 2017.
Participation from 16 companies: Apex Mobile, Brio Networks, Cobalt Systems and Dune Telecom, among others.
A separate consultation meeting of CTOs was held last week in Dubai, hosted by Falcon Digital.
The regional CTO meeting for Africa will be held on December 5 at the Example Convention Centre in Nairobi.
"""


def test_news_of_meetings_without_exact_dates():
    facts = facts_of(NEWS)
    assert facts.published == date(2017, 11, 20)  # a publication line, not a meeting's date
    by_name = {m.name: m for m in facts.meetings}
    ninth = next(m for m in facts.meetings if m.ordinal and m.ordinal[0] == 9)
    assert (ninth.kind, ninth.start.year, ninth.precision, ninth.place.label) == ("CTOMeeting", 2017, "year", "Busan")
    assert ninth.co_located.year == 2017
    assert {p.organization.label for p in ninth.participations} == {"Apex Mobile", "Brio Networks", "Cobalt Systems",
                                                                    "Dune Telecom"}
    consultation = by_name["consultation meeting of CTOs"]
    assert (consultation.start, consultation.precision) == (date(2017, 11, 1), "month")  # 'last week'
    assert (consultation.place.label, consultation.host.label) == ("Dubai", "Falcon Digital")
    africa = by_name["regional CTO meeting"]
    assert (africa.start, africa.place.label) == (date(2017, 12, 5), "Nairobi")  # the year the document makes clear
    assert not any(" and " in o.label for o in facts.organizations)


def test_a_later_short_form_of_a_new_organization_is_the_same_organization():
    text = ("The CTO meeting took place in Geneva on 3 May 2021, hosted by Zeta Systems Corporation.\n"
            "Later, Zeta Systems presented its roadmap.\n")
    m = by_kind(facts_of(text), "CTOMeeting")
    named = [o for o in m.organizations_mentioned if o.span.quote == "Zeta Systems"]
    assert named and named[0].iri == m.host.iri


def test_a_transcripts_spoken_words_make_no_key_phrases(ref):
    text = ("MODERATOR: Let's start. Is quantum still a science project?\n\n"
            "PANELLIST: Not any more. We’ve run interoperability plugtests for key management layers. Six months later "
            "we still need formal standards, and universities can’t keep up with training. Everyone agrees that "
            "something goes wrong when key management layers differ.\n")
    phrases = [p for p, _ in find_keyphrases(ref, text)]
    assert phrases and "key management layers" in phrases
    assert not [p for p in phrases if re.search(r"\b(?:can['’]t|we['’]ve|still|something|everyone|later)\b", p)], phrases
