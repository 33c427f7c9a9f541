"""Agenda-item topics (graph/extract/agenda.py): what a report says was discussed, in its own words.

Every text here is invented (fictional organizations, people and places); the cues come from
ontology/reference/agenda-cues.csv. Each test states the items a form must yield and the traps it must avoid.
"""
from __future__ import annotations

import pytest
from extract_fixtures import facts_of

from itukg.graph.extract.agenda import cues, find_agenda_topics
from itukg.graph.mapping import to_graph
from itukg.graph.namespaces import ITUKG
from itukg.graph.read import Text
from itukg.graph.reference import load_reference


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def topics(ref, text: str) -> list[str]:
    return [p for p, _ in find_agenda_topics(ref, text)]


# -- the cues are data ----------------------------------------------------------------------------------------

def test_cues_are_read_from_the_reference_file():
    c = cues()
    assert c.lead.search("The council debated it") and c.lead.search("they exchanged views on it")
    assert c.lead.search("called to thoroughly examine it")  # an adverb before the verb
    assert not c.lead.search("the discussant spoke")  # a word boundary, not a prefix
    assert "participants" in c.person and "issues" in c.vague


# -- coordinated items ----------------------------------------------------------------------------------------

def test_items_after_a_verb_are_split_at_commas_and_conjunctions(ref):
    text = ("The Orvania Spectrum Council met in Valdora on 3 May 2031. The members discussed interoperability "
            "testing frameworks, quantum-resistant key exchange and the future of rural backhaul networks.")
    found = topics(ref, text)
    assert "interoperability testing frameworks" in found
    assert "quantum-resistant key exchange" in found
    assert "future of rural backhaul networks" in found


def test_as_well_as_and_semicolons_separate_items(ref):
    text = ("Delegates reviewed the draft charter for municipal sensor networks; the budget for shared test beds; "
            "as well as the long-term archive of meeting records.")
    found = topics(ref, text)
    assert {"draft charter for municipal sensor networks", "budget for shared test beds",
            "long-term archive of meeting records"} <= set(found)


def test_coordinated_modifiers_share_their_noun(ref):
    text = "The forum was convened to discuss legal, commercial and ethical questions of satellite broadband."
    assert topics(ref, text) == ["legal, commercial and ethical questions of satellite broadband"]
    text = "The panel explored evolving technical and business models of community mesh networks."
    assert topics(ref, text) == ["evolving technical and business models of community mesh networks"]


def test_paired_participles_share_their_noun(ref):
    text = "Speakers discussed the needs of developed and developing regions and the cost of lunar relay links."
    assert topics(ref, text) == ["needs of developed and developing regions", "cost of lunar relay links"]


def test_an_adverbial_before_the_object_is_skipped(ref):
    text = "The meeting debated at length the future of maritime numbering."
    assert topics(ref, text) == ["future of maritime numbering"]


def test_items_after_a_colon_when_a_count_announces_them(ref):
    text = "In her keynote, the Director focused on three priorities: harbour sensor grids, civic outreach and stable funding."
    assert topics(ref, text) == ["harbour sensor grids", "civic outreach", "stable funding"]


def test_common_adjectives_share_their_noun(ref):
    text = "Participants exchanged views on the funding of test labs by small and medium enterprises."
    assert topics(ref, text) == ["funding of test labs by small and medium enterprises"]


def test_an_object_cut_by_the_next_verb_loses_its_dangling_and(ref):
    text = "The council reviewed the progress of the drafting team and welcomed the publication of the tariff handbook."
    assert topics(ref, text) == ["progress of the drafting team", "publication of the tariff handbook"]


def test_between_keeps_both_sides(ref):
    text = "Experts examined the interplay between tower operators and municipal planners."
    assert topics(ref, text) == ["interplay between tower operators and municipal planners"]


def test_a_name_spelt_out_is_written_as_its_acronym(ref):
    text = ("Ministers agreed to address the shifting mandate of the Northern Frequency Board (NFB) that meets "
            "next week.")
    assert topics(ref, text) == ["shifting mandate of the NFB"]


def test_an_itu_group_named_in_full_inside_an_item_stays_in_it(ref):
    text = ("The following topics were considered:\n"
            "1. Highlights of the outcomes of the ITU-T Study Groups and the ITU-T Telecommunication Standardization "
            "Advisory Group.\n")
    found = topics(ref, text)
    assert len(found) == 1 and found[0].startswith("outcomes of the ITU-T Study Groups and") \
        and found[0].endswith("TSAG")


# -- lists under a lead-in ------------------------------------------------------------------------------------

def test_list_lines_under_a_lead_in_with_a_colon(ref):
    text = ("Regional workshop on numbering, Port Selwyn, 12 June 2030\n"
            "During the workshop the following items were discussed:\n"
            "1. Report on the migration plan for legacy signalling gateways.\n"
            "2. Kestrel Telecom updates on the harmonized emergency short codes.\n"
            "3. Information from the Selwyn Numbering Office on number portability databases.\n"
            "The next workshop will take place in 2031.\n")
    found = topics(ref, text)
    assert "migration plan for legacy signalling gateways" in found
    assert "harmonized emergency short codes" in found
    assert "number portability databases" in found
    assert not any("workshop" in t or "2031" in t for t in found)


def test_bulleted_list_ends_at_the_first_line_that_is_no_item(ref):
    text = ("The agenda covered:\n"
            "• pricing of wholesale roaming\n"
            "• spectrum sharing in border areas\n"
            "Closing remarks were given by the chair.\n")
    assert topics(ref, text) == ["pricing of wholesale roaming", "spectrum sharing in border areas"]


# -- trimming -------------------------------------------------------------------------------------------------

def test_items_end_where_a_clause_or_a_place_begins(ref):
    text = ("The seminar focused on affordable handset financing schemes which several operators have piloted, and "
            "participants debated rural tower sharing models on the continent.")
    found = topics(ref, text)
    assert "affordable handset financing schemes" in found
    assert "rural tower sharing models" in found
    assert not any("operators" in t or "continent" in t for t in found)


def test_participle_opening_a_sentence_ends_at_its_comma(ref):
    text = ("Discussing the shifting revenue structure of regional carriers, executives noted that consolidation "
            "continues.")
    assert topics(ref, text) == ["shifting revenue structure of regional carriers"]


def test_the_importance_of_is_dropped(ref):
    text = "Speakers highlighted the importance of open reference designs for low-cost routers."
    assert topics(ref, text) == ["open reference designs for low-cost routers"]


# -- what is no agenda item -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The chair welcomed the participants from 40 countries.",
    "The minister welcomed Dr Ilse Varnhagen and Mr Tomas Quell.",
    "The council debated how regulators could share data with each other.",
    "It was considered that no further action was needed.",
    "Members discussed the plan at length.",
    "The board reviewed the growing interest in the region.",
    "They examined the Valdora Institute of Broadcasting.",
    "Delegates discussed the meeting of 4 March 2031.",
    "The group considered the Global Connectivity Summit 2031.",
    "Numbering, naming, addressing and identification requirements were listed.",
    "The Secretary-General addressed the opening session.",
    "The chair addressed the meeting and thanked the host.",
    "The group considered and approved the report of its last meeting.",
    "Participants welcomed the opportunity to meet in person.",
    "The agenda included opening remarks, adoption of the agenda and approval of the report.",
    "They reviewed document TD-7 and contributions C12 and C13.",
    "The group discussed its budget and its next meeting.",
    "The board discussed tariffs, drafted guidelines and approved two texts.",
    "The workshop discussed network slicing and emerging technologies.",
    "The chairs welcomed Ms Oda Brennvik as the new vice-chair of the council.",
    "Over two days we will address how to attract younger delegates.",
    "The fee, which many considered a barrier to participation, was kept.",
])
def test_no_item(ref, text):
    assert topics(ref, text) == []


def test_a_vocabulary_topic_is_linked_not_repeated(ref):
    text = "The committee discussed smart cities and the financing of fibre in rural schools."
    assert ref.lookup("smart cities", {"Topic"}) is not None
    found = topics(ref, text)
    assert "smart cities" not in found and "financing of fibre in rural schools" in found
    linked = {t.iri for t in facts_of(text).topics}
    assert ref.lookup("smart cities", {"Topic"}).iri in linked


# -- into the graph -------------------------------------------------------------------------------------------

def test_agenda_items_are_key_phrases_of_the_document():
    text = ("Fourth Harbour Forum on connectivity, Lunmouth, 8 October 2032\n\n"
            "The Fourth Harbour Forum was held in Lunmouth on 8 October 2032. Participants exchanged views on "
            "undersea cable repair logistics and port authority data platforms.\n")
    facts = facts_of(text)
    phrases = [p for p, _ in facts.keyphrases]
    assert "undersea cable repair logistics" in phrases and "port authority data platforms" in phrases
    # an agenda item comes once: no shorter key phrase inside it repeats it
    assert not any(p != q and p in q for p in phrases for q in ("undersea cable repair logistics",))
    g = to_graph(facts)
    values = {str(o) for o in g.objects(None, ITUKG.keyphrase)}
    assert "port authority data platforms" in values
