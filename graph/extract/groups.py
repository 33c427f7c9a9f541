"""ITU-T groups in all their spellings, linked to the reference data, and what the text says of them.

Groups are read by their form, not from a list of names: a study group is 'Study Group' or 'SG' with a
number, a Question 'Q<n>/<sg>', a working party 'WP<n>/<parent>', a regional group 'SG<n>RG-<region>', a
focus group, rapporteur group or JCA an 'FG-', 'RG-' or 'JCA-' acronym or '... Group on <Name>'. A group the
reference data knows (ontology/reference/itu.ttl) gets its reference IRI; any other is minted from its
notation (graph/iris.py), with the group it is part of. Region codes and names are data
(ontology/reference/itu-regions.csv).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from rdflib import URIRef

from ..facts import GroupAction, Ref, Span
from ..namespaces import ITUKG
from ..reference import Reference, fold
from ..resources import reference_dir
from .text import sentences


@lru_cache(maxsize=1)
def regions() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(code, name, other names) of the regions of ITU-T regional groups."""
    path = reference_dir() / "itu-regions.csv"
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if r.strip() and not r.startswith("#")]
    return tuple((r["code"].strip(), r["name"].strip(), tuple(a.strip() for a in (r["aliases"] or "").split("|") if a.strip()))
                 for r in csv.DictReader(rows))


@lru_cache(maxsize=1)
def _region_by_name() -> dict[str, tuple[str, str]]:
    """Region codes and names by folded name (made once, like _rules(): every find_groups call asked for it)."""
    out = {}
    for code, name, aliases in regions():
        for alias in (name, *aliases):
            out[fold(re.sub(r"^the\s+", "", alias, flags=re.I))] = (code, name)
    return out


#: 'ITU-T ', 'ITU ', 'ITU-Telecommunication ' before a group name (part of the mention).
_ITU = r"(?:ITU-T\s+|ITU[-\s]+Telecommunications?(?:\s+Standardi[sz]ation(?:\s+Sector)?)?\s+|ITU\s+)?"


def _sg(name: str) -> str:
    """A study group with its number in group `name`: 'SG13', 'SG 13', 'Study Group 13', 'study group-3'."""
    return rf"{_ITU}(?:(?i:study\s+group)\s*-?\s*|SG\s?-?\s?)(?P<{name}>\d{{1,2}})(?!\d)"


_TSAG = r"(?:ITU-T\s+)?(?:TSAG|(?i:Telecommunications?\s+Standardi[sz]ation\s+Advisory\s+Group))"
_LIST = r"\d{1,2}(?!\d)(?:\s*(?:,\s*and|,|and|&)\s*\d{1,2}(?!\d))+"
#: A proper name after 'Focus Group on', 'Rapporteur Group on': capitalised words and the small words between
#: them, stopping before another group ('... on AI for Health and ITU-T Study Group 16').
_STOP = r"(?!ITU\b|ITU-|Study\s+Groups?\b|SGs?\b|SG\d|TSAG\b|TSB\b|Focus\s+Groups?\b|Working\s+Part|Question\b|WP\d|Q\d+/)"
_WORD = rf"{_STOP}[A-Z0-9][\w&+.-]*(?<![.-])"
_NAME = rf"{_WORD}(?:\s+(?:(?:and|for|of|the|in|on|to|with|including|&)\s+)*{_WORD})*"
_ACR_IN_BRACKETS = r"\s*\(\s*(?:FG|RG|JCA)[-\s]"
#: A name that lists with commas ('Work Programme, Restructuring and Collaboration'): only when the group's acronym
#: in brackets follows, which tells where the name ends (elsewhere a comma may as well end it).
_LISTED_NAME = rf"{_NAME}(?:,\s+{_NAME}(?=(?:,\s+{_NAME})*{_ACR_IN_BRACKETS}))*"
#: An acronym after 'FG-', 'RG-', 'JCA-': 'AI4H', 'IMT-2020', 'StdsStrat'.
_ACR = r"[A-Z][A-Za-z0-9&]*(?:-[A-Za-z0-9]+)*(?<!-)"
#: A name in words of any case when the group's acronym in brackets ends it ('Focus Group on AI-native networks
#: (FG-AINN)'), never over another group's name.
_BRACKETED_NAME = rf"(?:(?!ITU-T\b|Study\s+Groups?\b|Focus\s+Groups?\b)[^()\n.;]){{3,80}}?(?=\s*\(\s*(?:FG|RG|JCA)[-\s]{_ACR}\s*\))"


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern]:
    names = sorted({a for _, n, al in regions() for a in (n, *al)}, key=len, reverse=True)
    region = "(?i:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in names) + ")"
    return {
        # 'SG3RG-AFR', 'SG 12 RG-LAC'
        "regional_notation": re.compile(r"(?<![\w-])SG\s?(?P<n>\d{1,2})\s?RG[-\s]?(?P<code>[A-Z]{2,6})(?![\w-])"),
        # 'ITU-T SG 3 Regional Group for Africa (SG3RG-AFR)', 'Study Group-3 regional group for Africa'
        "regional_name": re.compile(
            _sg("n") + rf"\s+(?i:regional\s+group)\s+(?:for|of|in)\s+(?:the\s+)?(?P<region>{region})\b"
            r"(?:\s*\(\s*SG\s?\d{1,2}\s?RG[-\s]?[A-Z]{2,6}\s*\))?"),
        # 'the Regional Group for Africa of Study Group 3'
        "regional_after": re.compile(
            rf"(?i:regional\s+group)\s+(?:for|of)\s+(?:the\s+)?(?P<region>{region})\s+(?:of|for)\s+(?:the\s+)?" + _sg("n")),
        # 'WP2/TSAG', 'WP 2/13', 'Working Party 3/12', 'Working Party 2 of TSAG', 'TSAG Working Party 2'
        "wp_slash": re.compile(r"(?<![\w-])(?:WP\s?|(?i:working\s+party)\s+)(?P<wp>\d{1,2})\s?/\s?(?P<parent>TSAG|\d{1,2})(?![\d/\w])"),
        "wp_of": re.compile(rf"(?i:working\s+party)\s+(?P<wp>\d{{1,2}})(?![\w/])\s+of\s+(?:the\s+)?(?:(?P<tsag>{_TSAG})|{_sg('n')})"),
        "wp_after": re.compile(rf"(?:(?P<tsag>{_TSAG})|{_sg('n')})\s+(?:(?i:working\s+party)\s+|WP\s?)(?P<wp>\d{{1,2}})(?![\w/])"),
        # 'Questions 1/13 and 2/13', 'Q10/13', 'Question 6/17' (not 'Q4/2023', a quarter)
        "questions": re.compile(r"(?i:questions)\s+(?P<list>\d{1,2}\s?/\s?\d{1,2}(?:\s*(?:,\s*and|,|and|&)\s*\d{1,2}\s?/\s?\d{1,2})+)(?![\d/])"),
        "question": re.compile(r"(?<![\w.-])(?:Q|(?i:question)\s*)(?P<q>\d{1,2})\s?/\s?(?P<n>\d{1,2})(?![\d/])"),
        # 'Study Groups 12, 13 and 16', 'SGs 2 and 3'
        "coordinated": re.compile(rf"{_ITU}(?:(?i:study\s+groups?)|SGs?)\s*(?P<list>{_LIST})"),
        "single": re.compile(r"(?<![\w-])" + _sg("n")),
        # 'Focus Group on X (FG-X)', 'Rapporteur Group on X (RG-X)', 'Joint Coordination Activity on X (JCA-X)'
        "named": re.compile(
            r"(?:ITU(?:-T|-WHO)?\s+)?(?P<what>(?i:focus\s+group|rapporteur\s+group|joint\s+coordination\s+activity))"
            rf"\s+(?:on|for)\s+(?P<name>{_BRACKETED_NAME}|{_LISTED_NAME})(?:\s*\(\s*(?P<acr>(?:FG|RG|JCA)[-\s]{_ACR})\s*\))?"),
        # 'FG-IMT-2020', 'FG IMT-2020', 'RG-IEM', 'JCA-AHF'
        "acronym": re.compile(rf"(?<![\w-])(?P<what>FG|RG|JCA)(?:-|\s(?=[A-Z]{{2}}))(?P<acr>{_ACR})(?![\w-])"),
    }


#: the words in lower case that go on a name written after 'a focus group on' in lower case ('... on AI watermarking'),
#: up to a word that starts another clause
_LOWER_TAIL = re.compile(r"(?:[ \t]+(?!(?:and|or|to|that|which|who|in|at|by|for|with|was|were|is|are|will|should|"
                         r"would|under|within|from|as|of|the|a|an)\b)[a-z][\w-]*){1,4}(?=[ \t]*(?:[.,;:()\n]|$)|[ \t]+"
                         r"(?:and|or|to|that|which|in|at|by|for|with|under|within|from|as)\b)")

#: 'set up a focus group on quantum sensing networks': a new group asked for, named in plain lower-case words
_PLAIN_FOCUS_GROUP = re.compile(r"\b(?:a|an|new)\s+(?P<fg>focus\s+group\s+(?:on|for))(?P<name>" + _LOWER_TAIL.pattern + ")")

#: the words 'focus group(s)' before names in quotes: 'two new focus groups: "X (XY)" and "Z"', 'Focus Group "X"'
_QUOTED_AFTER = re.compile(r"(?i:focus\s+groups?)(?:\s+(?:on|for))?\s*[:,]?\s*(?=[“\"])")
_QUOTED_NAME = re.compile(r"(?:\s*(?:,|and|&)\s*)*[“\"](?P<name>[A-Z][^”\"\n]{2,80}?(?:\s*\((?P<acr>[A-Z][A-Za-z0-9&-]{1,15})\))?)[”\"]")

_KIND_OF = {"fg": "FocusGroup", "focus group": "FocusGroup", "rg": "RapporteurGroup",
            "rapporteur group": "RapporteurGroup", "jca": "JointCoordinationActivity",
            "joint coordination activity": "JointCoordinationActivity"}
_LONG = {"FocusGroup": "Focus Group", "RapporteurGroup": "Rapporteur Group",
         "JointCoordinationActivity": "Joint Coordination Activity"}

#: 'the ITU-R Study Group 5', 'ITU-D Study Groups 1 and 2': another sector's groups, not ITU-T's.
_OTHER_SECTOR = re.compile(r"(?:ITU-[RD]|Radiocommunication|Development)\s*$")
#: A bare two- or three-letter acronym of another sector's body ('BR', 'RAG') counts only in an ITU context.
_ITU_CONTEXT = re.compile(r"\bITU\b|ITU-[TRD]|\bTSB\b|\bTSAG\b|Bureau|Radiocommunication|Development|Director")
#: 'the new ITU-T Focus Group established in July 2018'
_ESTABLISHED = re.compile(
    r"\b(?:ITU-T\s+)?(Focus\s+Group|Study\s+Group|Rapporteur\s+Group)\s+(?:was\s+)?(?:established|created|set\s+up|launched)"
    r"\s+(?:in\s+)?(?:(January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(\d{4})"
)
_PART_OF, _GROUP_NUMBER = ITUKG.partOf, ITUKG.groupNumber
_iri = URIRef
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]


class _Finder:
    """One pass over text[start:end]: each rule takes the spans no earlier rule took."""

    def __init__(self, ref: Reference, text: str, start: int, end: int):
        self.ref, self.text, self.start, self.end = ref, text, start, end
        self.out: list[Ref] = []
        self.covered: list[tuple[int, int]] = []

    def free(self, s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in self.covered)

    def add(self, s: int, e: int, refs) -> None:
        self.out.extend(r for r in refs if r is not None)
        self.covered.append((s, e))

    def span(self, s: int, e: int) -> Span:
        return Span.of(self.text, s, e)

    def other_sector(self, s: int) -> bool:
        return bool(_OTHER_SECTOR.search(self.text, max(0, s - 20), s))

    # -- the groups a mention names --------------------------------------------------------------
    def known(self, name: str, s: int, e: int, kinds=None) -> Ref | None:
        entry = self.ref.lookup(name, kinds or self.ref.group_kinds)
        return Ref(entry.kind, entry.label, self.span(s, e), entry.iri) if entry else None

    def study_group(self, n: int, s: int, e: int, explicit: bool = True) -> Ref | None:
        """SG n: the reference group, or a minted one for a number the reference data lacks (a later study
        period's group) when the mention says ITU-T or the number is above the known ones."""
        iri = self.ref.group_by_number(n)
        if iri:
            return Ref(self.ref.kinds[iri], self.ref.labels[iri], self.span(s, e), iri)
        highest = max((int(str(v)) for v in self.ref.graph.objects(None, _GROUP_NUMBER)), default=0)
        if 1 <= n <= 24 and (explicit or n > highest):
            return Ref("StudyGroup", f"ITU-T Study Group {n}", self.span(s, e), None, notation=f"SG{n}",
                       part_of=self.itu_t(s, e))
        return None

    def itu_t(self, s: int, e: int) -> Ref | None:
        return self.known("ITU-T", s, e, {"Sector"})

    def tsag(self, s: int, e: int) -> Ref | None:
        return self.known("TSAG", s, e)

    def minted(self, kind: str, label: str, notation: str | None, s: int, e: int, parent: Ref | None) -> Ref:
        """A group from its notation: the reference group when the data knows the notation, else a new one."""
        if notation:
            known = self.known(notation, s, e, {kind})
            if known:
                return known
        return Ref(kind, label, self.span(s, e), None, notation=notation, part_of=parent)

    # -- rules -----------------------------------------------------------------------------------
    def regional(self) -> None:
        by_code = {code: name for code, name, _ in regions()}
        by_name = _region_by_name()
        for rule in ("regional_name", "regional_after", "regional_notation"):
            for m in _rules()[rule].finditer(self.text, self.start, self.end):
                s, e = m.span()
                if not self.free(s, e) or self.other_sector(s):
                    continue
                n = int(m.group("n"))
                if "code" in m.groupdict():
                    code = m.group("code")
                    name = by_code.get(code)
                else:
                    code, name = by_name.get(fold(re.sub(r"\s+", " ", m.group("region"))), (None, None))
                    if code is None:
                        continue
                sg = self.study_group(n, s, e)
                if sg is None:
                    continue
                label = f"ITU-T Study Group {n} Regional Group for {name}" if name else f"ITU-T Study Group {n} Regional Group {code}"
                self.add(s, e, [self.minted("RegionalGroup", label, f"SG{n}RG-{code}", s, e, sg)])

    def working_parties(self) -> None:
        for rule in ("wp_slash", "wp_of", "wp_after"):
            for m in _rules()[rule].finditer(self.text, self.start, self.end):
                s, e = m.span()
                if not self.free(s, e):
                    continue
                d = m.groupdict()
                wp = int(d["wp"])
                if d.get("tsag") or d.get("parent") == "TSAG":
                    parent, short, of = self.tsag(s, e), "TSAG", "TSAG"
                else:
                    number = d.get("n") or d.get("parent")
                    assert number is not None  # each rule names TSAG or a study group's number
                    n = int(number)
                    parent, short, of = self.study_group(n, s, e), str(n), f"ITU-T Study Group {n}"
                if parent is None:
                    continue
                self.add(s, e, [self.minted("WorkingParty", f"Working Party {wp} of {of}", f"WP{wp}/{short}", s, e, parent)])

    def questions(self) -> None:
        rules = _rules()
        for m in rules["questions"].finditer(self.text, self.start, self.end):
            s, e = m.span()
            if self.free(s, e) and not self.other_sector(s):
                pairs = re.findall(r"(\d{1,2})\s?/\s?(\d{1,2})", m.group("list"))
                self.add(s, e, [self.question(int(q), int(n), s, e) for q, n in pairs])
        for m in rules["question"].finditer(self.text, self.start, self.end):
            s, e = m.span()
            if self.free(s, e) and not self.other_sector(s):
                q = self.question(int(m.group("q")), int(m.group("n")), s, e)
                if q:
                    self.add(s, e, [q])

    def question(self, q: int, n: int, s: int, e: int) -> Ref | None:
        # only a study group the reference data knows: 'Q1/24' or 'Q4/20' may be a quarter of a year
        iri = self.ref.group_by_number(n)
        if not iri or q < 1:
            return None
        sg = Ref(self.ref.kinds[iri], self.ref.labels[iri], self.span(s, e), iri)
        return self.minted("Question", f"Question {q}/{n}", f"Q{q}/{n}", s, e, sg)

    def coordinated(self) -> None:
        for m in _rules()["coordinated"].finditer(self.text, self.start, self.end):
            s, e = m.span()
            if self.free(s, e) and not self.other_sector(s):
                explicit = m.group().startswith("ITU")
                self.add(s, e, [self.study_group(int(n), s, e, explicit) for n in re.findall(r"\d{1,2}", m.group("list"))])

    def reference(self) -> None:
        for m in self.ref.find(self.text, self.ref.group_kinds, self.start, self.end):
            if not self.free(m.start, m.end):
                continue
            e = m.entry
            surface = self.text[m.start:m.end]
            if e.kind == "StudyGroup" and self.other_sector(m.start):
                continue
            if self._foreign_acronym(e, surface, m.start, m.end):
                continue
            self.add(m.start, m.end, [Ref(e.kind, e.label, self.span(m.start, m.end), e.iri)])

    def _foreign_acronym(self, entry, surface: str, s: int, e: int) -> bool:
        """'BR', 'RAG' (another sector's body) outside any ITU context: 'RAG' is also retrieval-augmented generation."""
        if not (surface.isupper() and len(surface) <= 3):
            return False
        parent = self.ref.graph.value(_iri(entry.iri), _PART_OF)
        if parent is None or str(parent).endswith("/itu-t") or self.ref.kinds.get(str(parent)) in self.ref.group_kinds:
            return False
        a, b = next(((a, b) for a, b in sentences(self.text, max(0, s - 400), min(len(self.text), e + 400))
                     if a <= s < b), (s, e))
        return not _ITU_CONTEXT.search(self.text[a:s] + " " + self.text[e:b])

    def defined(self) -> None:
        """'Rapporteur Group on Work Programme, Restructuring and Collaboration (RG-WPR)': a name the text defines
        with its acronym is read whole before the reference names, one of which may be its first words."""
        self.named(defined_only=True)

    def named(self, defined_only: bool = False) -> None:
        defs = _definitions(self.text)
        for m in _rules()["named"].finditer(self.text, self.start, self.end):
            s, e = m.span()
            if not self.free(s, e) or (defined_only and not m.group("acr")):
                continue
            kind = _KIND_OF[re.sub(r"\s+", " ", m.group("what").lower())]
            name = re.sub(r"\s+", " ", m.group("name"))
            asked_for = m.group("what").islower() or re.search(r"\b(?:a|an|new)\s+\Z", self.text[max(0, s - 8):s])
            tail = _LOWER_TAIL.match(self.text, e, self.end) if asked_for and not m.group("acr") else None
            if tail:  # 'set up a focus group on AI watermarking', 'a new Focus Group on AI agents': a group asked for
                name, e = name + re.sub(r"\s+", " ", tail.group()), tail.end()
            label = f"{_LONG[kind]} on {name}"
            acr = _notation(m.group("acr")) if m.group("acr") else defs.get((kind, fold(label)))
            known = self.known(label, s, e, {kind}) or (self.known(acr, s, e, {kind}) if acr else None)
            self.add(s, e, [known or Ref(kind, label, self.span(s, e), None, notation=acr,
                                                 part_of=self.parent_of(kind, s))])
        if defined_only:
            return
        for m in _PLAIN_FOCUS_GROUP.finditer(self.text, self.start, self.end):
            s, e = m.start("fg"), m.end()
            if not self.free(s, e):
                continue
            label = "Focus Group on " + re.sub(r"\s+", " ", m.group("name")).strip()
            self.add(s, e, [self.known(label, s, e, {"FocusGroup"})
                            or self.minted("FocusGroup", label, None, s, e, self.parent_of("FocusGroup", s))])
        for m in _rules()["acronym"].finditer(self.text, self.start, self.end):
            s, e = m.span()
            if not self.free(s, e):
                continue
            kind = _KIND_OF[m.group("what").lower()]
            acr = m.group("acr")
            item = re.search(r"-\d{1,2}$", acr)  # 'RG-XYZ-4:' is item 4 of RG-XYZ's list ('FG-IMT-2020' keeps its year)
            if item:
                acr, e = acr[:item.start()], e - len(item.group())
            if kind == "RapporteurGroup" and (acr in {c for c, _, _ in regions()} or sum(c.isupper() for c in acr) < 2):
                continue  # 'RG-AFR' is a regional group's tail, not a rapporteur group
            notation = _notation(m.group("what") + "-" + acr)
            label = defs.get((kind, notation)) or notation
            # 'Rapporteur Group on X (RG-Y)': the text's own acronym for a group the reference data knows by name
            known = self.known(label, s, e, {kind}) if label != notation else None
            self.add(s, e, [known or self.minted(kind, label, notation, s, e, self.parent_of(kind, s))])

    def quoted(self) -> None:
        """'two new focus groups: "Example Networks (EXN)" and "Data Example"': the names in quotes after the words
        'focus group(s)', each a focus group (its acronym in brackets gives its notation, FG-EXN)."""
        for m in _QUOTED_AFTER.finditer(self.text, self.start, self.end):
            pos = m.end()
            while (q := _QUOTED_NAME.match(self.text, pos, self.end)) is not None:
                s, e = q.span("name")
                pos = q.end()
                if not self.free(s, e):
                    continue
                acr = q.group("acr")
                name = re.sub(r"\s+", " ", self.text[s:q.start("acr") if acr else e]).strip(" (")
                label, notation = f"Focus Group on {name}", _notation(f"FG-{acr}") if acr else None
                known = self.known(label, s, e, {"FocusGroup"})
                self.add(s, e, [known or self.minted("FocusGroup", label, notation, s, e, self.parent_of("FocusGroup", s))])

    def parent_of(self, kind: str, s: int) -> Ref | None:
        """A rapporteur group belongs to the study group written just before it, else to TSAG."""
        if kind == "FocusGroup" or kind == "JointCoordinationActivity":
            return self.itu_t(s, s)
        before = re.search(r"(?:SG\s?|Study\s+Group\s+)(\d{1,2})\s+$", self.text[max(0, s - 20):s])
        if before:
            sg = self.study_group(int(before.group(1)), s, s)
            if sg:
                return sg
        return self.tsag(s, s)

    def singles(self) -> None:
        for m in _rules()["single"].finditer(self.text, self.start, self.end):
            s, e = m.span()
            if self.free(s, e) and not self.other_sector(s):
                sg = self.study_group(int(m.group("n")), s, e, m.group().startswith("ITU"))
                if sg:
                    self.add(s, e, [sg])

    def established(self) -> None:
        for m in _ESTABLISHED.finditer(self.text, self.start, self.end):
            month = _MONTHS.index(m.group(2).lower()) + 1 if m.group(2) else None
            kind = m.group(1).split()[0] + "Group"
            for iri in self.ref.groups_established(int(m.group(3)), month):
                if self.ref.kinds.get(iri) == kind:
                    self.out.append(Ref(kind, self.ref.labels[iri], self.span(m.start(), m.end()), iri))


def _notation(acronym: str) -> str:
    """'FG IMT-2020' -> 'FG-IMT-2020': one spelling, so every spelling mints one IRI."""
    return re.sub(r"^(FG|RG|JCA)[-\s]+", r"\1-", acronym.strip())


@lru_cache(maxsize=8)
def _definitions(text: str) -> dict:
    """What a document defines once and abbreviates after: 'Focus Group on X (FG-X)' gives FG-X its name and X its
    acronym, for the mentions elsewhere in the document."""
    out: dict = {}
    for m in _rules()["named"].finditer(text):
        if m.group("acr"):
            kind = _KIND_OF[re.sub(r"\s+", " ", m.group("what").lower())]
            label = _LONG[kind] + " on " + re.sub(r"\s+", " ", m.group("name"))
            acr = _notation(m.group("acr"))
            out.setdefault((kind, acr), label)
            out.setdefault((kind, fold(label)), acr)
    return out


def find_groups(ref: Reference, text: str, start: int, end: int) -> list[Ref]:
    """Every ITU group mentioned in text[start:end], in order (a coordinated form gives several)."""
    f = _Finder(ref, text, start, end)
    f.regional()
    f.working_parties()
    f.questions()
    f.coordinated()
    f.defined()
    f.reference()
    f.named()
    f.quoted()
    f.singles()
    f.established()
    f.out.sort(key=lambda r: r.span.start)
    return f.out


#: What a sentence says a group does, in priority order (the first that matches is recorded).
ACTION_PATTERNS = (
    ("prioritize", re.compile(r"\b(?:assign|give|accord|attach)\w*\s+(?:\w+\s+)?priority|\bprioriti[sz]\w*", re.I)),
    ("lead", re.compile(r"\blead(?:s|ing)?\b|\bleadership\b(?!\s+assembl)|\bled\s+by\b", re.I)),
    # 'asked SG20 to update the IoT roadmap', 'to revise Recommendation X': existing work looked at again
    # ('approved the revised text of ...': an adjective of what was approved)
    ("review", re.compile(r"\breview(?:s|ed|ing)?\b|\brestructur\w*|\b(?:updat|revis)(?:e|es|ing)\b|"
                          r"(?<!\bthe )(?<!\ban )(?<!\ba )(?<!\bits )\b(?:updat|revis)ed\b", re.I)),
    ("establish", re.compile(r"\bestablish\w*|\bset\s+up\b|\bcreat(?:e|ed|ion)\s+of\b|\b(?:creat|launch)(?:e|es|ed)?(?=\s+"
                             r"(?:a\s+|an\s+|the\s+)?(?:new\s+)?(?:ITU-T\s+)?(?:Focus\s+Group\s+on|Rapporteur\s+Group\s+on|"
                             r"Joint\s+Coordination\s+Activity|FG-|JCA-)|\s+(?:a\s+)?new\s+(?:ITU-T\s+)?Study\s+Group\b)", re.I)),
    ("study", re.compile(r"\bunder\s+(?:discussion|study|consideration)\b|\bstud(?:y|ies|ying)\b(?!\s+(?:groups?|period)\b)|\binvestigat\w*"
                         r"|\b(?:consider|examine|explore|look\s+into|address)(?:s|d|ed|ing)?\b|\btak(?:e|es|ing)\s+into\s+account\b", re.I)),
    ("coordinate", re.compile(r"\bcoordinat\w*|\bcollaborat\w*|\bcooperat\w*|\bliais\w*|\b(?:work|working|worked|works)\s+"
                              r"(?:together|jointly|closely|hand\s+in\s+hand)\b|\bjoin\s+forces\b|"
                              r"\b(?:hold|holds|held|holding|organi[sz]e|organi[sz]ed)\s+(?:a\s+)?joint\s+(?:meetings?|sessions?|workshops?)\b",
                              re.I)),
    # 'called on SG11 to develop standards on ...', 'urged SG17 to accelerate its work on ...'
    ("develop", re.compile(r"\bdevelop(?:s|ed|ing|ment)?\b(?!\s+(?:and\s+developing\s+)?(?:countries|economies|nations|world)\b)"
                           r"|\bwork(?:s|ed|ing)?\s+on\b|\baccelerat\w*|\btake\s+up\b|\bpursu(?:e|es|ed|ing)\b|"
                           r"\badvanc(?:e|es|ed|ing)\s+(?:the\s+|its\s+|their\s+)?work\b", re.I)),
)


#: Between a verb and the group it acts on: 'establish a new Focus Group', 'review the structure of SG17'.
_OBJECT_GAP = re.compile(r"\s+(?:(?:a|an|the|new|its|their|of|structure|work|mandate)\s+)*(?:ITU-T\s+)?", re.I)

def _verb_of_another(text: str, groups: list[Ref], g: Ref, verb: tuple[int, int, str]) -> bool:
    """Another group stands between the verb and g, and g is not listed with it ('in SG2 and SG3' share the verb)."""
    between = [h for h in groups if verb[1] <= h.span.start and h.span.end <= g.span.start and h.iri != g.iri]
    if not between:
        return False
    last = max(between, key=lambda h: h.span.end)
    return not _LISTED_WITH.fullmatch(text, last.span.end, g.span.start)


#: what stands between two groups of one list: 'SG13 and SG20', 'SG2, SG3', 'FG-X (Focus Group on X) and the ...'
_LISTED_WITH = re.compile(r"\)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(?:to|with|in|for|by)\s+)?(?:the\s+)?(?:ITU-T\s+)?", re.I)

#: an active 'establish' with its object after it: 'to establish a', 'will set up the', 'established two new'
_SETS_UP = re.compile(r"\b(?:to|will|shall|would|should|could|may)\s+\w+(?:\s+up)?\s+(?:a|an|the|new|its|their|two|three|several)\b"
                      r"|\w+(?:\s+up)?\s+(?:a|an|new|two|three|several)\s", re.I)

#: a group named as the partner of a coordination: '... with SG13', '... with the ITU-T Focus Group on X'
_WITH_PARTNER = re.compile(r"\bwith\s+(?:the\s+)?(?:ITU-T\s+)?\Z")

#: a group's part in what the sentence is about: '..., with SG13 as its parent group'
_AS_ITS_ROLE = re.compile(r"[ \t]+as[ \t]+(?:(?:its|the|their)[ \t]+)?(?:parent|host)"
                          r"[ \t]+(?:study[ \t]+)?group\b", re.IGNORECASE)

#: the group where the work a verb before it asks for is done: '... in ITU-T Study Group 16', '... by SG13'
_WHERE_DONE = re.compile(r"\b(\w+)\s+(?:in|within|by)\s+(?:the\s+)?(?:ITU-T\s+)?\Z")
#: the words before 'by SG13' / 'in SG13' that make the group the source of something, not where work is done
_FROM_A_GROUP = frozenset({"contribution", "contributions", "input", "inputs", "report", "reports", "proposal",
                           "proposals", "topic", "subject", "document", "documents", "statement", "already"})


def _said_by(m: re.Match) -> bool:
    """'as proposed by SG13', 'a contribution by SG20', 'a topic already raised in SG13': the group is where
    something came from, asked nothing by the verb before it (not 'prioritize V2X in SG16', where work is done)."""
    return m.group(1).lower().endswith("ed") or m.group(1).lower() in _FROM_A_GROUP

#: a verb asked of its subject: 'SG13 should establish FG-X', 'SG13 to establish'
_ASKED_TO = re.compile(r"\b(?:to|should|will|shall|would|could|may|must|can)\s+\Z", re.I)

#: a group that ends: 'the closure of FG-AN', 'dissolved the JCA on X', 'the conclusion of the Focus Group on Y'
_CLOSED = re.compile(r"\b(?:clos(?:ure|ed|ing|e)|dissol(?:ution|ved?|ving)|disband(?:ed|ing)?|terminat(?:ion|ed|e|ing)|"
                     r"conclu(?:sion|ded|de)|wound\s+up|end(?:ed)?)\s+(?:of\s+)?(?:the\s+)?(?:ITU-T\s+)?\Z", re.I)

#: 'between' before a group (and the groups listed with it): 'between SG20 and ', 'among SG2, SG3 and '
_BETWEEN_GROUPS = re.compile(r"\b(?:between|among)\s+(?:the\s+)?(?:ITU-T\s+)?(?:[\w/-]+(?:\s+\d+)?(?:\s*,\s*|\s+and\s+)"
                             r"(?:the\s+)?(?:ITU-T\s+)?){0,3}\Z", re.I)
#: the groups a coordination is between, after its noun: 'coordination of work between SG20 and SG13'
_BETWEEN_OTHERS = re.compile(r"\w*(?:[ \t]+(?:of|on)[ \t]+[\w-]+(?:[ \t]+[\w-]+)?)?[ \t]+(?:between|among)[ \t]", re.I)

#: the rest of a body's name after a verb written with a capital: 'Review Committee', 'Coordination Activity' (not
#: 'Liaison Statement', a document)
_IN_A_NAME = re.compile(r"(?:[ \t]+[A-Z][\w-]*){0,2}[ \t]+(?:Committee|Activity|Group|Board|Council|Commission|Team|"
                        r"Initiative|Programme|Program|Forum|Centre|Center|Office|Unit|Partnership|Alliance)\b")

#: a group something is reported or sent to: '... will report to TSAG', 'submitted its output to SG13'
_SENT_TO = re.compile(r"\b(?:report|submit|send|sent|forward|present|transmit)\w*(?:\s+[\w-]+){0,4}?\s+to\s+(?:the\s+)?"
                      r"(?:ITU-T\s+)?\Z", re.I)

#: a new ask between a verb and the group after it: the verb is not about that group
#: the verbs by which one asks another to act
_ASK_VERB = (r"(?:ask(?:ed|s)|invit(?:ed|es)|instruct(?:ed|s)|request(?:ed|s)|encourag(?:ed|es)|urg(?:ed|es)|"
             r"call(?:ed|s)\s+(?:on|upon)|task(?:ed|s))\b")
_ASKED_BEFORE = re.compile(rf"\b{_ASK_VERB}", re.IGNORECASE)

#: 'Study Group 20, established in June 2015, should lead ...': when a group was set up describes the group;
#: it is not what the meeting asks of it.
_WHEN_ESTABLISHED = re.compile(r"\s+(?:in|on)\s+(?:\w+\s+){0,2}(?:19|20)\d\d\b")


_POST_OF = re.compile(r"[ \t]+(?:of|for|in)[ \t]+(?:the[ \t]+)?(?:ITU-T[ \t]+)?$")


def _in_a_post(ref: Reference, text: str, s: int, e: int, g: Ref) -> bool:
    """Whether a group is named as part of someone's post ('Vice-Chair of SG 5, was elected to coordinate ...',
    'the FG-MV Chairman'): the group a person serves in, not a group the sentence asks to act."""
    for x in ref.find(text, {"Post"}, max(s, g.span.start - 40), g.span.start):
        if _POST_OF.fullmatch(text, x.end, g.span.start):
            return True
    return any(x.start == g.span.end + 1 and text[g.span.end].isspace()
               for x in ref.find(text, {"Post"}, g.span.end, min(e, g.span.end + 30)))


#: a group written as the one that asks another to act: 'TSAG invited SG17 to ...', 'TSAG agreed that SG13 should ...',
#: 'TSAG agreed to establish a new Focus Group on ...', 'TSAG approved the creation of a new Focus Group on ...',
#: 'TSAG established the Focus Group on ...'
_ASKS = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:also\s+|further\s+)?(?:(?:(?:establish|creat|launch|form)(?:ed|es|e|s)?|sets?\s+up)"
                   r"(?=\s+(?:a\s+|an\s+|the\s+|two\s+|three\s+)?(?:new\s+)?(?:ITU-T\s+)?(?:Focus|Study|Rapporteur|Joint|"
                   r"Working|FG-|JCA|RG-))|ask(?:ed|s)|invit(?:ed|es)|instruct(?:ed|s)|request(?:ed|s)|"
                   r"encourag(?:ed|es)|urg(?:ed|es)|call(?:ed|s)\s+(?:on|upon)|task(?:ed|s)|designat(?:ed|es)|"
                   r"(?:agree[ds]?|decided?s?|"
                   r"recommend(?:ed|s)?|noted|notes)\s+that|(?:agree[ds]?|decided?s?|resolved?s?)\s+to|"
                   r"(?:approv|agree|decid|endors)(?:ed|es|e)?\s+(?:on\s+)?(?:the\s+)?(?:creation|establishment|setting\s+up)\s+of)\b",
                   re.IGNORECASE)


#: a verb after a group's name by which it asks others: it does not do what it asks
_ASKS_OTHERS = re.compile(rf"\s*(?:\([^()]*\)\s*)?(?:also\s+|further\s+)?{_ASK_VERB}", re.I)
#: the verb by which a group that asked others goes on with its own action: '..., and agreed to lead', 'and will lead'
_OWN_VERB_AGAIN = re.compile(r"\b(?:and|while)\s+(?:also\s+)?(?:agreed|decided|resolved|will|continues|continued|is|was|has|"
                             r"itself)\b", re.I)
#: 'established by', 'set up by' right before a group: the group that set another up
_SET_UP_BY = re.compile(r"\b(?:established|created|set\s+up|launched|formed)\s+by\s+(?:the\s+)?(?:ITU-T\s+)?\Z", re.I)
#: the title of a Resolution or Recommendation in brackets before a group: 'Resolution 22 (Authorization for TSAG'
_TITLE_OF = re.compile(r"\b(?:Resolution|Recommendation|Opinion|Decision)\s+(?:ITU-T\s+)?[\w.]+(?:\s+\([^()]*\))?\s*\([^()]*\Z")
#: 'the outcome of', 'the report of' right before a group: its work is what the sentence acts on
_WORK_OF = re.compile(r"\b(?:outcomes?|results?|reports?|outputs?|deliverables?)\s+of\s+(?:the\s+)?(?:ITU-T\s+)?\Z", re.I)
#: 'a new focus group, to be hosted by Study Group 13': the group a new one is placed in is asked nothing
_HOSTS_A_GROUP = re.compile(r"\b(?:hosted|housed|placed)[ \t]+(?:by|in|within|under)[ \t]+(?:the[ \t]+)?(?:ITU-T[ \t]+)?$")


#: groups that act in a sentence only as asked: set up, or 'asked X to', 'X was invited to' (their own reports' verbs,
#: 'WP1 reviewed', are the parent group's work)
_ONLY_ASKED = ("JointCoordinationActivity", "WorkingParty", "Question")
_TO_DO = re.compile(rf"\s+(?:(?:was|were|is|are|has\s+been|have\s+been)\s+(?:also\s+)?{_ASK_VERB}\s+)?to\s+", re.IGNORECASE)


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
        named = find_groups(ref, text, s, e)
        groups = [g for g in named
                  if g.kind in ("StudyGroup", "FocusGroup", "RapporteurGroup", "AdvisoryGroup", *_ONLY_ASKED)
                  and not _in_a_post(ref, text, s, e, g) and not _HOSTS_A_GROUP.search(text, max(s, g.span.start - 40),
                                                                                       g.span.start)]
        if not groups:
            continue
        # a word of a group's own name is no action ('Rapporteur Group on Strengthening Collaboration')
        verbs = sorted((m.start(), m.end(), kind) for kind, pattern in ACTION_PATTERNS
                       for m in pattern.finditer(text, s, e)
                       if not (kind == "establish" and _WHEN_ESTABLISHED.match(text, m.end()))
                       and not (m.group().lower().startswith("led") and not any(
                           _OBJECT_GAP.fullmatch(text, m.end(), g.span.start) for g in groups))
                       and not any(g.span.start < m.end() and m.start() < g.span.end for g in named)
                       # a capitalised word inside a sentence belongs to a name ('the Review Committee')
                       and not (text[m.start()].isupper() and m.start() > s and _IN_A_NAME.match(text, m.end())))
        if not verbs:
            continue
        chosen: list[tuple[Ref, tuple[int, int, str]]] = []  # a group and the verb (start, end, action) it goes with
        for g in groups:
            if g.iri in {c[0].iri for c in chosen}:
                continue
            said_end = g.span.end + (text[g.span.start - 1:g.span.start] == "(" and text[g.span.end:g.span.end + 1] == ")")
            if _ASKS.match(text, said_end) and any(h.span.start > g.span.end and h.iri != g.iri for h in groups):
                continue  # 'TSAG agreed that SG13 should coordinate ...', 'TSAG invited SG17 to ...': TSAG asks, SG13 acts
            asks = _ASKS_OTHERS.match(text, said_end)  # 'TSAG invited all study groups to review ...': who asks does
            # not do what is asked, up to its own next verb ('SG13 invited experts to contribute and agreed to lead')
            own_again = _OWN_VERB_AGAIN.search(text, asks.end(), e) if asks else None
            asked_until = (own_again.start() if own_again else e) if asks else said_end
            if _SET_UP_BY.search(text, max(s, g.span.start - 40), g.span.start):
                continue  # 'FG-X has been established by Study Group 20 to explore ...': SG20 set it up, FG-X explores
            if _TITLE_OF.search(text, max(s, g.span.start - 120), g.span.start) and text.find(")", g.span.end, e) >= 0:
                continue  # 'revised Resolution 22 (Authorization for TSAG to act between WTSAs)': a title's words
            if _WORK_OF.search(text, max(s, g.span.start - 40), g.span.start):
                continue  # 'WP2/TSAG reviewed the outcome of RG-SS': RG-SS's work is what is acted on
            before = [v for v in verbs if v[1] <= g.span.start]
            # 'SG5 agreed to establish a new Question': what a group sets up after its name is something else
            # ('FG-X, established by TSAG in 2019' is the group itself)
            after = [v for v in verbs if v[0] >= g.span.end and not said_end <= v[0] < asked_until and not (v[2] == "establish" and (_SETS_UP.search(
                text, max(s, v[0] - 12), min(e, v[1] + 10)) or not _ASKED_TO.search(text, max(s, v[0] - 12), v[0]) and any(
                    # 'SG16 had established FG-DLT': FG-DLT is set up ('SG13 should establish FG-X': SG13 is asked to)
                    h.span.start >= v[1] and _OBJECT_GAP.fullmatch(text, v[1], h.span.start) for h in groups)))]
            where = _WHERE_DONE.search(text, max(s, g.span.start - 40), g.span.start)
            if _CLOSED.search(text, max(s, g.span.start - 40), g.span.start):
                continue  # 'noted the closure of FG-AN': a group that ends is asked nothing (no action kind says it)
            between = _BETWEEN_GROUPS.search(text, s, g.span.start)
            coordination = next((v for v in reversed(before) if v[2] == "coordinate" and between is not None and v[1] <=
                                 between.start() and re.fullmatch(r"[^,.;:]{0,60}", text[v[1]:between.start()])), None)
            if coordination is not None:
                verb = coordination  # 'discussed coordination of work on IoT between SG20 and SG13': both coordinate
            elif before and _OBJECT_GAP.fullmatch(text, before[-1][1], g.span.start):
                verb = before[-1]  # 'agreed to establish a new Focus Group': the group is what is acted on
            elif _AS_ITS_ROLE.match(text, said_end):
                continue  # 'establish FG-X, with SG13 as its parent group': SG13's role in it, not an ask
            elif before and before[-1][2] != "establish" and where is not None and not _said_by(where) \
                    and not _ASKED_BEFORE.search(text, before[-1][1], g.span.start) \
                    and not _verb_of_another(text, groups, g, before[-1]):
                verb = before[-1]  # 'to prioritize work on V2X in SG16 and to examine ...': where it is done
            elif before and _WITH_PARTNER.search(text, max(s, g.span.start - 30), g.span.start) and \
                    (partner := next((v for v in reversed(before) if v[2] == "coordinate"), None)) is not None:
                verb = partner  # 'to coordinate the work on digital twins with SG13': SG13 is a partner
            elif after and _ASKED_BEFORE.search(text, g.span.end, after[0][0]) and any(
                    g.span.end < h.span.start < after[0][0] for h in groups):
                continue  # 'TSAG welcomed the report and asked SG13 to lead ...': SG13 leads, TSAG asks
            elif after and _BETWEEN_OTHERS.match(text, after[0][1]) and any(h.span.start > after[0][1] for h in groups):
                continue  # 'TSAG discussed coordination between SG20 and SG13': the two coordinate, not TSAG
            elif after:
                verb = after[0]
            elif not before:
                continue
            elif before[-1][2] == "establish" and re.search(r"\bby\s+(?:the\s+)?(?:ITU-T\s+)?\Z", text[s:g.span.start]):
                continue  # 'FG-X, established by TSAG in 2023': TSAG set it up, it is not set up
            elif before[-1][2] != "coordinate" and _SENT_TO.search(text, max(s, g.span.start - 60), g.span.start):
                continue  # 'FG-X will study Y and report to TSAG': TSAG hears of it (a liaison sent to it coordinates)
            elif _ASKED_BEFORE.search(text, before[-1][1], g.span.start):
                continue  # '... to study a new review committee, and invited SG13 to ...': that verb is another ask's
            elif _verb_of_another(text, groups, g, before[-1]):
                continue  # 'agreed to establish FG-X and extended the lifetime of FG-Y': FG-X is established
            elif where is not None and _said_by(where):
                continue  # 'agreed to update its working methods, as proposed by SG13': SG13 is asked nothing
            elif re.search(r"\b(?:while|whereas|but)\b|;", text[before[-1][1]:g.span.start]):
                continue  # 'SG13 should take the lead on X, while FG-AI4AD should transfer its deliverables': another clause
            else:
                verb = before[-1]
            if g.kind in _ONLY_ASKED and not (verb[1] <= g.span.start and _OBJECT_GAP.fullmatch(
                    text, verb[1], g.span.start)) and not _TO_DO.fullmatch(text, said_end, verb[0]):
                continue  # a JCA, a working party or a Question is set up, or asked ('asked the JCA-IoT to coordinate',
                # 'Working Party 2 was asked to prepare'), not the subject of others' verbs
            chosen.append((g, verb))
        for i, (g, verb) in enumerate(chosen):
            # the topics up to the next group that is asked something else
            nxt = next((h.span.start for h, v in chosen[i + 1:] if v != verb), e)
            # an action written before the group ('a subject under discussion in SG2') is about what precedes it
            first = g.span.start if verb[0] >= g.span.end else s
            topics = tuple(topics_in(first, max(nxt, verb[1])))
            actions.append(GroupAction(g, verb[2], text[s:e], Span.of(text, s, e), topics))
    return actions

