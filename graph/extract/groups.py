"""ITU-T groups in all their spellings, linked to the reference data, and what the text says of them."""
from __future__ import annotations

import re

from ..facts import GroupAction, Ref, Span
from ..reference import GROUP_KINDS, Reference
from .text import sentences

#: 'Study Groups 12, 13 and 16', 'SGs 2 and 3', 'ITU-T Study Groups 9, 12 & 16'.
_COORDINATED = re.compile(
    r"\b(?:ITU-T\s+)?(?:Study\s+Groups|SGs)\s+(\d{1,2}(?:\s*(?:,|and|&|,\s*and)\s*\d{1,2})+)\b"
)
#: 'Study Group 17', 'SG17', 'SG 17' when the reference data lacks that spelling.
_SINGLE = re.compile(r"\b(?:ITU-T\s+)?(?:Study\s+Group|SG)\s?(\d{1,2})\b(?!\s*(?:,|and)\s*\d)")
#: 'the new ITU-T Focus Group established in July 2018'
_ESTABLISHED = re.compile(
    r"\b(?:ITU-T\s+)?(Focus\s+Group|Study\s+Group|Rapporteur\s+Group)\s+(?:was\s+)?(?:established|created|set\s+up|launched)"
    r"\s+(?:in\s+)?(?:(January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(\d{4})"
)
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]

#: What a sentence says a group does, in priority order (the first that matches is recorded).
ACTION_PATTERNS = (
    ("prioritize", re.compile(r"\b(?:assign|give|accord|attach)\w*\s+(?:\w+\s+)?priority|\bprioriti[sz]\w*", re.I)),
    ("lead", re.compile(r"\blead(?:s|ing)?\b|\bleadership\b(?!\s+assembl)|\bled\s+by\b", re.I)),
    ("review", re.compile(r"\breview(?:s|ed|ing)?\b|\brestructur\w*", re.I)),
    ("establish", re.compile(r"\bestablish\w*|\bset\s+up\b|\bcreat(?:e|ed|ion)\s+of\b", re.I)),
    ("study", re.compile(r"\bunder\s+(?:discussion|study|consideration)\b|\bstud(?:y|ies|ying)\b(?!\s+(?:groups?|period)\b)|\binvestigat\w*", re.I)),
    ("coordinate", re.compile(r"\bcoordinat\w*|\bcollaborat\w*|\bcooperat\w*", re.I)),
)


#: Between a verb and the group it acts on: 'establish a new Focus Group', 'review the structure of SG17'.
_OBJECT_GAP = re.compile(r"\s+(?:(?:a|an|the|new|its|their|of|structure|work|mandate)\s+)*(?:ITU-T\s+)?", re.I)

#: 'Study Group 20, established in June 2015, should lead ...': when a group was set up describes the group;
#: it is not what the meeting asks of it.
_WHEN_ESTABLISHED = re.compile(r"\s+(?:in|on)\s+(?:\w+\s+){0,2}(?:19|20)\d\d\b")


def find_groups(ref: Reference, text: str, start: int, end: int) -> list[Ref]:
    """Every ITU-T group mentioned in text[start:end], in order (a coordinated form gives several)."""
    out: list[Ref] = []
    covered: list[tuple[int, int]] = []
    for m in _COORDINATED.finditer(text, start, end):
        for n in re.finditer(r"\d{1,2}", m.group(1)):
            iri = ref.group_by_number(int(n.group()))
            if iri:
                out.append(Ref(ref.kinds[iri], ref.labels[iri], Span.of(text, m.start(), m.end()), iri))
        covered.append((m.start(), m.end()))
    for m in ref.find(text, GROUP_KINDS, start, end):
        if any(s <= m.start < e for s, e in covered):
            continue
        e = m.entry
        out.append(Ref(e.kind, e.label, Span.of(text, m.start, m.end), e.iri))
        covered.append((m.start, m.end))
    for m in _SINGLE.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in covered):
            continue
        iri = ref.group_by_number(int(m.group(1)))
        if iri:
            out.append(Ref(ref.kinds[iri], ref.labels[iri], Span.of(text, m.start(), m.end()), iri))
            covered.append((m.start(), m.end()))
    for m in _ESTABLISHED.finditer(text, start, end):
        month = _MONTHS.index(m.group(2).lower()) + 1 if m.group(2) else None
        kind = m.group(1).split()[0] + "Group"
        for iri in ref.groups_established(int(m.group(3)), month):
            if ref.kinds.get(iri) == kind:
                out.append(Ref(kind, ref.labels[iri], Span.of(text, m.start(), m.end()), iri))
    out.sort(key=lambda r: r.span.start)
    return out


def find_group_actions(ref: Reference, text: str, start: int, end: int, topics_in) -> list[GroupAction]:
    """What each sentence asks of, or says about, the groups it names.

    A group takes the first action word written after it ('asked SG13 and SG20 to coordinate ..., and invited
    SG17 to lead ...': SG13 and SG20 coordinate, SG17 leads); a group with no action word after it takes the
    last one before it ('under discussion in ITU-T Study Group 2'). The topics are those from the group to the
    next group that is asked something else. `topics_in(s, e)` returns the topic Refs in a span (passed in so
    topic matching happens in one place).
    """
    actions: list[GroupAction] = []
    for s, e in sentences(text, start, end):
        groups = [g for g in find_groups(ref, text, s, e)
                  if g.kind in ("StudyGroup", "FocusGroup", "RapporteurGroup", "AdvisoryGroup")]
        if not groups:
            continue
        verbs = sorted((m.start(), m.end(), kind) for kind, pattern in ACTION_PATTERNS
                       for m in pattern.finditer(text, s, e)
                       if not (kind == "establish" and _WHEN_ESTABLISHED.match(text, m.end())))
        if not verbs:
            continue
        chosen = []
        for g in groups:
            if g.iri in {c[0].iri for c in chosen}:
                continue
            before = [v for v in verbs if v[1] <= g.span.start]
            after = [v for v in verbs if v[0] >= g.span.end]
            if before and _OBJECT_GAP.fullmatch(text, before[-1][1], g.span.start):
                verb = before[-1]  # 'agreed to establish a new Focus Group': the group is what is acted on
            else:
                verb = after[0] if after else before[-1]
            chosen.append((g, verb))
        for i, (g, verb) in enumerate(chosen):
            # the topics up to the next group that is asked something else
            nxt = next((h.span.start for h, v in chosen[i + 1:] if v != verb), e)
            # an action written before the group ('a subject under discussion in SG2') is about what precedes it
            first = g.span.start if verb[0] >= g.span.end else s
            topics = tuple(topics_in(first, max(nxt, verb[1])))
            actions.append(GroupAction(g, verb[2], text[s:e], Span.of(text, s, e), topics))
    return actions

