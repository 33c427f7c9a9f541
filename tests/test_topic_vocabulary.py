"""The topic vocabulary (ontology/reference/topics.ttl) as the extractor matches it in running text.

Every sentence here is written for these tests. They check that the subjects of ITU-T strategy and
process documents, and the acronyms, plurals and British/American spellings documents use for them, are
tagged with the right concept, and that common words, places and group names are not tagged at all.
"""
from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib.namespace import SKOS

from itukg.graph.reference import fold, load_reference, tokens

TOPIC = "https://w3id.org/itukg/id/topic/"


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def topics(ref, text: str) -> list[str]:
    """Slugs of the topics found in text, left to right (as `ref.find(text, {"Topic"})` sees them)."""
    return [m.entry.iri[len(TOPIC):] for m in ref.find(text, {"Topic"})]


def tagged(ref, text: str) -> list[str]:
    """Slugs of the topics the meeting extractor tags: longest match over all kinds, then the Topic entry."""
    out = []
    for m in ref.find(text, None):
        e = m.of_kind({"Topic"})
        if e is not None:
            out.append(e.iri[len(TOPIC):])
    return out


# ------------------------------------------------------------------ subjects of strategy and process documents

FOUND = [
    # approval procedures
    ("Most of the draft texts will follow the alternative approval process.", "alternative-approval-process"),
    ("Three texts were consented under AAP at this meeting.", "alternative-approval-process"),
    ("The draft was determined for approval under the traditional approval process.", "traditional-approval-process"),
    ("Texts with regulatory implications use TAP.", "traditional-approval-process"),
    ("Members asked for a fast-track procedure for urgent texts.", "fast-track-approval"),
    ("A fast track approval was requested by the editors.", "fast-track-approval"),
    ("TSAG reviewed the approval procedures of ITU-T.", "recommendation-approval"),
    ("The group proposed changes to the approval of Recommendations.", "recommendation-approval"),
    # electronic working, languages, publications
    ("Delegates praised the electronic working methods used during the pandemic.", "electronic-working-methods"),
    ("The secretariat will improve its tools for e-meetings.", "electronic-working-methods"),
    ("Remote participation was offered for all sessions.", "electronic-working-methods"),
    ("The group discussed the equal treatment of the six official languages.", "multilingualism"),
    ("Multilingualism remains a priority for the membership.", "multilingualism"),
    ("The publication policy for Recommendations was revised.", "itu-t-publications"),
    ("A report on the publications policy was presented.", "itu-t-publications"),
    # structure, leadership, work programme, planning
    ("The meeting considered proposals on study group restructuring.", "study-group-structure"),
    ("Several members proposed a new structure of the study groups.", "study-group-structure"),
    ("The mandates of the study groups and lead study group roles were reviewed.", "study-group-structure"),
    ("WTSA completed the appointment of study group chairmen and vice-chairmen.", "study-group-leadership"),
    ("TSAG reviewed the work programme of each group.", "work-programme"),
    ("The ITU-T work program was updated.", "work-programme"),
    ("The secretariat presented the operational plan for next year.", "strategic-planning"),
    ("Input to the ITU strategic plan was discussed.", "strategic-planning"),
    # WTSA
    ("Regional preparatory meetings were held in all six regions.", "wtsa-preparations"),
    ("The regional organizations presented their common proposals.", "wtsa-preparations"),
    ("Preparations for WTSA were the main item on the agenda.", "wtsa-preparations"),
    ("The revision of WTSA Resolutions was coordinated by TSAG.", "wtsa-resolutions"),
    ("The host country agreement was signed by the Minister.", "host-country-agreements"),
    # participation, capacity building, users of standards
    ("The standardization gap between developed and developing countries persists.", "bridging-the-standardization-gap"),
    ("Efforts to narrow the standardisation gap were welcomed.", "bridging-the-standardization-gap"),
    ("The BSG programme supports national standardization secretariats.", "bridging-the-standardization-gap"),
    ("Speakers called for more participation of developing countries in standardization.", "bridging-the-standardization-gap"),
    ("Standards must serve developed and developing countries alike.", "developing-countries-needs"),
    ("The needs of developing countries were stressed by several speakers.", "developing-countries-needs"),
    ("Capacity building was requested by several administrations.", "capacity-building"),
    ("New capacity-building workshops are planned.", "capacity-building"),
    ("Standards users in many sectors asked for simpler texts.", "standards-users-needs"),
    ("The adoption of standards by small operators is slow.", "standards-adoption"),
    ("Industry engagement in ITU-T was the theme of the session.", "industry-engagement"),
    ("Private sector participation should grow.", "industry-engagement"),
    # collaboration
    ("Several liaison statements were sent to other groups.", "liaison-statements"),
    ("An incoming LS on numbering was noted.", "liaison-statements"),
    ("Inter-Sector coordination with ITU-R and ITU-D was strengthened.", "inter-sector-coordination"),
    ("Collaboration with other SDOs remains essential.", "standards-collaboration"),
    ("Harmonisation of standards across regions was discussed.", "standards-collaboration"),
    ("TSAG discussed the focus group process and the creation of focus groups.", "focus-groups"),
    # strategy
    ("The ITU-T standardisation strategy was discussed.", "standardization-strategy"),
    ("Participants debated the strategic direction of the Sector.", "standardization-strategy"),
    ("Executives identified emerging technologies that need standards.", "emerging-technologies"),
    ("Women in standardization were celebrated at a side event.", "gender-equality"),
    ("Africa's role in ICT standard setting was stressed.", "standardization-process"),
    ("The standardisation process must stay open and transparent.", "standardization-process"),
    # policy and economics
    ("Speakers discussed regulatory and policy trends in the region.", "telecommunication-regulation"),
    ("Digital transformation is accelerating in every industry.", "digital-transformation"),
    ("The digitalisation of public services was discussed.", "digital-transformation"),
    ("The building of an inclusive information society was recalled.", "information-society"),
    ("Internet governance was not on the agenda.", "internet-governance"),
    ("Consumer protection rules differ from country to country.", "consumer-protection"),
    ("Over-the-top services such as messaging apps were discussed.", "ott-services"),
    ("OTT players were invited to the session.", "ott-services"),
    ("Digital financial inclusion depends on trust.", "digital-financial-services"),
    ("Fintech companies joined the discussion.", "digital-financial-services"),
    ("Governments are building digital public infrastructure.", "digital-public-infrastructure"),
    ("Digital government services need interoperable identity.", "e-government"),
    # technologies
    ("Open RAN trials are under way in several countries.", "open-ran"),
    ("Low Earth orbit satellites will complement terrestrial networks.", "satellite-communications"),
    ("Non-terrestrial networks were discussed.", "satellite-communications"),
    ("SMART cables can help tsunami warning.", "smart-cables"),
    ("Sensors on smart subsea cables measure temperature.", "smart-cables"),
    ("A liaison on unmanned aircraft systems was received.", "unmanned-aerial-vehicles"),
    ("Experts discussed UAS traffic management.", "unmanned-aerial-vehicles"),
    ("A single drone can carry a base station.", "unmanned-aerial-vehicles"),
    ("Smart cities are growing fast.", "smart-cities"),
    ("A smart city needs open platforms.", "smart-cities"),
    ("IoT is everywhere.", "internet-of-things"),
    ("The internet of things keeps growing.", "internet-of-things"),
    ("AI is changing networks.", "artificial-intelligence"),
    ("Use of AI/ML in networks was discussed.", "artificial-intelligence"),
    ("Large language models raise new questions.", "artificial-intelligence"),
    ("ML models need data.", "machine-learning"),
    ("SDN and NFV change how networks are built.", "network-softwarization"),
    ("Operators rely on SDN.", "software-defined-networking"),
    ("NFV brings flexibility.", "network-function-virtualization"),
    ("Cloud computing and cloud platforms were discussed.", "cloud-computing"),
    ("Blockchain can support supply chains.", "distributed-ledger-technology"),
    ("DLT applications were presented.", "distributed-ledger-technology"),
    ("Quantum technologies may change cryptography.", "quantum-information-technology"),
    ("Quantum networks were demonstrated.", "quantum-information-technology"),
    ("QoS is measured by regulators.", "quality-of-service"),
    ("QoE depends on the user.", "quality-of-experience"),
    ("E-waste is a growing problem.", "e-waste"),
    ("Electronic waste must be recycled.", "e-waste"),
    ("Open-source communities were invited.", "open-source"),
    ("Open source was discussed.", "open-source"),
    ("Accessibility must be built in from the start.", "accessibility"),
    ("Climate was the theme of the day.", "climate-change"),
    ("Conformance to Recommendations matters.", "conformance-and-interoperability-testing"),
    ("Interoperability between vendors is essential.", "conformance-and-interoperability-testing"),
    ("5G is being deployed.", "imt-2020"),
    ("IMT-2020 systems are deployed.", "imt-2020"),
    ("Research on 6G has started.", "imt-2030"),
    ("Video services dominate traffic.", "video-services"),
    ("Cybersecurity threats and cyber attacks are rising.", "cybersecurity"),
    ("Emergency communications saved lives.", "emergency-telecommunications"),
    ("Digital health is expanding.", "e-health"),
    ("The metaverse and virtual worlds were discussed.", "metaverse"),
    ("Fibre networks and fiber networks were compared.", "optical-fibres-and-cables"),
    ("Data centres and data centers use much energy.", "data-centres"),
    ("Detecting deepfakes needs AI watermarking.", "multimedia-authenticity"),
    ("Users expect privacy online.", "personal-data-protection"),
    # subjects CTOs have raised since 2025
    ("Operators are designing AI-native networks for 2030.", "ai-native-networks"),
    ("An AI agent from one network must talk to an AI agent from another.", "ai-agents"),
    ("Agentic AI raises questions of identity and trust.", "ai-agents"),
    ("SG17 will table a work plan on quantum-safe migration.", "quantum-safe-cryptography"),
    ("Engineers need to know why: explainability matters.", "trustworthy-ai"),
    ("The skills gap in standards work keeps growing.", "capacity-building"),
]


@pytest.mark.parametrize("text,slug", FOUND)
def test_subject_is_tagged(ref, text, slug):
    assert slug in topics(ref, text), (text, topics(ref, text))
    assert slug in tagged(ref, text), (text, tagged(ref, text))


# ------------------------------------------------------------------ variants name one concept

VARIANTS = [
    ("bridging-the-standardization-gap",
     ["standardization gap", "standardisation gap", "standardization gaps", "standardisation gaps", "BSG",
      "bridging the standardization gap", "bridging the standardisation gap"]),
    ("developing-countries-needs",
     ["standardization needs of developing countries", "standardisation needs of developing countries",
      "developing countries' standardization needs", "needs of developing countries", "developing countries"]),
    ("standardization-strategy", ["standardization strategy", "standardisation strategy", "standardisation strategies"]),
    ("standardization-process", ["standardization process", "standardisation process", "standardisation work",
                                 "standard setting", "standards-setting", "ICT standardisation"]),
    ("work-programme", ["work programme", "work program", "work programmes", "work programs", "programme of work"]),
    ("electronic-working-methods", ["electronic working methods", "e-meetings", "e-meeting", "electronic meetings",
                                    "remote participation", "EWM"]),
    ("multilingualism", ["multilingualism", "official languages", "official language"]),
    ("smart-cities", ["smart city", "smart cities", "smart sustainable city", "smart sustainable cities"]),
    ("artificial-intelligence", ["AI", "artificial intelligence", "AI and ML", "AI/ML",
                                 "artificial intelligence and machine learning"]),
    ("network-softwarization", ["SDN and NFV", "SDN/NFV", "NFV and SDN"]),
    ("unmanned-aerial-vehicles", ["UAV", "UAVs", "UAS", "drone", "drones", "unmanned aerial vehicle",
                                  "unmanned aircraft system", "unmanned aircraft systems"]),
    ("smart-cables", ["SMART cables", "smart cable", "SMART subsea cables", "smart submarine cables"]),
    ("open-ran", ["open RAN", "Open RAN", "O-RAN", "OpenRAN", "open radio access networks"]),
    ("digital-transformation", ["digital transformation", "digitalization", "digitalisation", "digitisation"]),
    ("optical-fibres-and-cables", ["optical fibre", "optical fiber", "fibre optics", "fiber optics"]),
    ("fibre-to-the-x", ["fibre to the home", "fiber to the home", "fibre-to-the-home", "FTTH", "fibre broadband",
                        "fiber broadband"]),
    ("data-centres", ["data centre", "data center", "data centres", "data centers"]),
    ("network-function-virtualization", ["network function virtualization", "network function virtualisation",
                                         "network functions virtualisation"]),
    ("conformance-and-interoperability-testing", ["conformance and interoperability programme",
                                                  "conformance and interoperability program", "C&I programme"]),
    ("e-waste", ["e-waste", "e waste", "ewaste", "electronic waste", "WEEE"]),
    ("open-source", ["open source", "open-source", "open source software", "open-source software"]),
    ("digital-financial-services", ["digital financial services", "digital financial inclusion", "fintech", "DFS"]),
    ("liaison-statements", ["liaison statement", "liaison statements", "LS", "LSs", "liaisons"]),
    ("capacity-building", ["capacity building", "capacity-building", "training programmes", "training programs"]),
    ("quality-of-service", ["QoS", "quality of service", "quality-of-service"]),
    ("quality-of-experience", ["QoE", "quality of experience"]),
    ("imt-2020", ["5G", "IMT-2020", "IMT 2020", "IMT2020", "fifth generation"]),
    ("imt-2030", ["6G", "IMT-2030", "IMT2030", "beyond 5G"]),
]


@pytest.mark.parametrize("slug,forms", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variants_name_one_concept(ref, slug, forms):
    for form in forms:
        text = f"The report covers {form} in detail."
        found = ref.find(text, {"Topic"})
        assert found, form
        m = found[0]
        assert m.entry.iri == TOPIC + slug, (form, m.entry.iri)
        assert text[m.start:m.end] == form, (form, text[m.start:m.end])


# ------------------------------------------------------------------ traps: nothing to tag

TRAPS = [
    "The work plan of the meeting was adopted.",
    "The meeting was held in Geneva.",
    "Geneva",
    "The group will study the process at its next meeting.",
    "The network and the standard were presented to the group.",
    "A series of workshops followed the plenary.",
    "The text was found in conformity with the rules.",
    "A video message was shown at the opening.",
    "This is a quantum leap for the region.",
    "Delegates will tap into its experience.",
    "The chairman thanked the delegates and closed the session.",
    "The data were presented in a table.",
    "TSAG met in Geneva and WTSA will meet in New Delhi.",
    "ITU-T Study Group 13 and TSB prepared the documents.",
    "Chairs of the study groups and of the focus groups attended.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_trap_tags_nothing(ref, text):
    assert topics(ref, text) == [], (text, topics(ref, text))
    assert tagged(ref, text) == [], (text, tagged(ref, text))


@pytest.mark.parametrize("text", [
    "its members", "the tap", "ls -l", "aap", "Ls", "ai", "ml", "ewm", "uas", "ntn",
])
def test_short_acronyms_are_case_sensitive(ref, text):
    assert topics(ref, text) == [], text


def test_alias_does_not_cross_a_line_break_or_sentence_end(ref):
    assert "electronic-working-methods" not in topics(ref, "Remote\nparticipation was low.")
    assert "work-programme" not in topics(ref, "We did the work. Programme items follow.")
    assert "capacity-building" not in topics(ref, "Grow capacity.\nBuilding work continues.")


def test_topic_alias_does_not_hide_a_meeting_series_or_a_group(ref):
    # the extractor looks up meeting series and groups with their own kind filter
    text = "Preparations for WTSA were reviewed by TSAG and the Rapporteur Group on Work Programme."
    assert "wtsa-preparations" in tagged(ref, text)
    series = [m.of_kind({"MeetingSeries"}) for m in ref.find(text, {"MeetingSeries"})]
    assert any(e is not None and e.iri.endswith("/wtsa") for e in series)
    groups = [m.entry.iri for m in ref.find(text, {"AdvisoryGroup", "RapporteurGroup"})]
    assert any(g.endswith("/tsag") for g in groups) and any(g.endswith("/rg-wp") for g in groups)


def test_focus_group_names_are_groups_not_the_process_topic(ref):
    text = "The Focus Group on Autonomous Networks presented its deliverables."
    assert "focus-groups" not in topics(ref, text)


# ------------------------------------------------------------------ integrity of the labels as matched

def _topic_labels(ref):
    g = ref.graph
    for iri, kind in ref.kinds.items():
        if kind != "Topic":
            continue
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for lab in g.objects(ref_iri(iri), prop):
                yield iri, str(lab)


def ref_iri(iri):
    from rdflib import URIRef
    return URIRef(iri)


def test_every_topic_label_is_found_as_its_concept(ref):
    """Every label, put in a sentence, is matched whole (up to its last letter or digit) as its own concept."""
    bad = []
    for iri, lab in _topic_labels(ref):
        if ". " in lab:
            continue  # 'Signalling System No. 7': a match never spans '. ' (the No.7 form is also a label)
        text = f"Delegates discussed {lab} at length"
        start = len("Delegates discussed ")
        last = max(i for i, c in enumerate(lab) if c.isalnum()) + 1
        found = ref.find(text, {"Topic"})
        if not (found and found[0].start == start and found[0].end == start + last and found[0].entry.iri == iri):
            bad.append((iri[len(TOPIC):], lab))
    assert not bad, bad


def test_no_two_topics_share_a_matching_key(ref):
    """Labels that differ only in case, hyphens or punctuation match the same text: they must name one concept."""
    keys: dict[tuple, set] = defaultdict(set)
    for iri, lab in _topic_labels(ref):
        keys[tuple(fold(t) for t, _, _ in tokens(lab))].add(iri)
    shared = {" ".join(k): sorted(v) for k, v in keys.items() if len(v) > 1}
    assert not shared, shared


def test_no_topic_label_is_an_alias_of_another_kind(ref):
    """A topic label that is also an organization, group, meeting series, person or place name would make the
    extractor's longest match ambiguous."""
    clashes = {}
    for key, entries in ref._aliases.items():
        kinds = {e.kind for e in entries}
        if "Topic" in kinds and len({e.iri for e in entries}) > 1:
            clashes[" ".join(key)] = sorted({e.iri for e in entries})
    assert not clashes, clashes


def test_no_topic_label_is_a_common_word(ref):
    common = {"work", "plan", "work plan", "process", "meeting", "meetings", "group", "groups", "study", "standard",
              "standards", "network", "networks", "video", "quantum", "regulation", "regulators", "development",
              "sustainability", "membership", "liaison", "approval", "structure", "restructuring", "programme",
              "program", "training", "languages", "focus group", "study group", "satellite", "cloud", "data",
              "conformity", "certification", "preparations", "proposals", "resolutions", "strategy"}
    found = sorted({lab for _, lab in _topic_labels(ref) if lab.casefold() in common})
    assert not found, found
