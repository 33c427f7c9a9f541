"""People and their posts, whichever order the text uses.

Recognised forms (posts come from the reference data, or a generic 'President/Director/Minister of X'):
  'ITU Secretary-General Houlin Zhao'            post, name
  'Chaesub Lee, the Director of the TSB'          name, post
  'the President of China, H.E. Xi Jinping'       post, honorific, name
  'Dr Hamadoun I. Touré, Secretary-General, ITU'  honorific, name, post
A later short mention ('Secretary-General Zhao') resolves to the person with that post and surname.
"""
from __future__ import annotations

import re

from ..facts import PersonMention, Ref, Span
from ..reference import Reference
from .text import slugify

_HONORIFIC = r"(?:H\.\s?E\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Professor|Sir|Dame|Ambassador|Hon\.?|Eng\.?)"
_NAME_TOKEN = r"(?:[A-Z]\.|[A-Z][a-zà-öø-ÿ]+(?:[-'’][A-Z]?[a-zà-öø-ÿ]+)*|Mc[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+)"
#: Name tokens are separated by spaces on one line, never by a line break ('... ZTE.\nMr Malcolm Johnson'), and a
#: name does not start inside a word or right after a full stop ('ZTE.' gives no initial 'E.').
_NAME = rf"(?<![\w.&])(?P<name>{_NAME_TOKEN}(?:[ \t]+(?:(?:al|el|bin|ibn|van|von|der|de|da|dos|du|la|le)[ \t]+)?{_NAME_TOKEN}){{1,3}})"
_NAME_RE = re.compile(rf"(?:(?P<hon>{_HONORIFIC})[ \t]+)?{_NAME}")
#: Posts not in the reference data: 'President of the People's Republic of China', 'Minister of ICT of Kenya'.
_GENERIC_POST = re.compile(
    r"\b(?:(?:the|its)\s+)?(?P<post>(?:Vice-|Deputy\s+)?(?:President|Prime\s+Minister|Minister|Director(?:-General)?|"
    r"Secretary-General|Chairman|Chairwoman|Chair|Chief\s+Executive\s+Officer|Chief\s+Technology\s+Officer|CEO|CTO|"
    r"Head|Chief|Governor|Mayor)\s+of\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of|the|and|for|[A-Z0-9][\w’'&.-]*))*)"
)
#: Words that start capitalised phrases but are never given names.
_NOT_NAMES = {"The", "This", "These", "ITU", "CTOs", "CTO", "Study", "Focus", "Group", "Meeting", "Director", "Chairman",
              "Secretary", "President", "Minister", "Rapporteur", "Representatives", "Chairmen", "Opening", "Network",
              "Participants", "Digitalization", "Standards", "Greater", "Public", "Quantum", "Recognizing", "Cities",
              "Smart", "Industry", "New", "Next", "Having", "If", "End", "Programmable", "Transport", "Meeting"}


def _post_ref(ref: Reference, text: str, s: int, e: int) -> Ref:
    entry = ref.lookup(text[s:e], {"Post"})
    if entry:
        return Ref("Post", entry.label, Span.of(text, s, e), entry.iri)
    label = re.sub(r"\s+", " ", text[s:e]).strip()
    return Ref("Post", label, Span.of(text, s, e))


#: Nouns that make a capitalised phrase the name of a body or a document, not of a person.
_INSTITUTION_WORDS = {"Party", "Group", "Groups", "Working", "Assembly", "Union", "Conference", "Committee", "Bureau",
                      "Sector", "Forum", "Council", "Commission", "Meeting", "Summit", "Initiative", "Report",
                      "Standard", "Recommendation", "Agenda", "Session", "Sessions", "Programme", "Institute",
                      "Organization", "Organisation", "Telecom", "Telecommunication", "Telecommunications",
                      "Standardization", "Network", "Networks", "Cities", "Nations", "Republic", "Kingdom", "States"}


def _valid_name(name: str) -> bool:
    words = name.split()
    return (words[0] not in _NOT_NAMES and not name.isupper() and len(name) <= 60
            and not any(w in _INSTITUTION_WORDS for w in words))


def _posts(ref: Reference, text: str, start: int, end: int) -> list[tuple[int, int, Ref]]:
    found = [(m.start, m.end, Ref("Post", m.entry.label, Span.of(text, m.start, m.end), m.entry.iri))
             for m in ref.find(text, {"Post"}, start, end)]
    for m in _GENERIC_POST.finditer(text, start, end):
        s, e = m.start("post"), m.end("post")
        cut = re.search(r"[.;,!?](?:\s|$)|\s+(?:and|the|of|for)$", text[s:e])
        while cut:  # a post ends with its sentence or clause: 'CTO of Example Telecom. The meeting ...'
            e = s + cut.start()
            cut = re.search(r"[.;,!?](?:\s|$)|\s+(?:and|the|of|for)$", text[s:e])
        e = s + len(text[s:e].rstrip(" .,"))
        if not re.search(r"\bof\s+(?:the\s+)?[A-Z]", text[s:e]):
            continue
        overlap = [i for i, (a, b, _) in enumerate(found) if a <= s < b or s <= a < e]
        if not overlap:
            found.append((s, e, _post_ref(ref, text, s, e)))
        elif len(overlap) == 1 and found[overlap[0]][0] == s and found[overlap[0]][1] < e \
                and re.match(r"\s+of\s", text[found[overlap[0]][1]:e]) and re.match(r"\s*[,(]", text[e:e + 2]):
            # 'The Chairman of ITU-T Study Group 17, Heung Youl Youm': the known post, written with its group
            a, b, post = found[overlap[0]]
            found[overlap[0]] = (a, e, post)
    return sorted(found, key=lambda x: x[0])


def find_people(ref: Reference, text: str, start: int, end: int) -> list[PersonMention]:
    """People mentioned in text[start:end] with their posts; known people are linked to the reference."""
    people: list[PersonMention] = []
    used: list[tuple[int, int]] = []

    def add(name: str, s: int, e: int, post: Ref | None, hon: str | None) -> None:
        if any(a <= s < b for a, b in used) or not _valid_name(name):
            return
        known = ref.lookup(name, {"Person"})
        people.append(PersonMention(known.label if known else name, Span.of(text, s, e), post, hon,
                                    known.iri if known else None))
        used.append((s, e))

    # known people by name (with or without honorific)
    for m in ref.find(text, {"Person"}, start, end):
        post = _adjacent_post(ref, text, m.start, m.end, start, end)
        add(m.entry.label, m.start, m.end, post, None)
    for ps, pe, post in _posts(ref, text, start, end):
        # post then name: 'ITU Secretary-General Houlin Zhao', 'the Director of the TSB, Chaesub Lee,'
        m = re.compile(rf"\s*,?\s*(?:(?P<hon>{_HONORIFIC})\s+)?{_NAME}").match(text, pe, end)
        if m and _valid_name(m.group("name")) and not _is_short_mention(m.group("name")):
            add(m.group("name"), m.start("name"), m.end("name"), post, m.group("hon"))
            continue
        # name then post: 'Chaesub Lee, the Director of ...', 'Dr Hamadoun I. Touré, Secretary-General, ITU'
        before = text[max(start, ps - 80):ps]
        m = re.search(rf"(?:(?P<hon>{_HONORIFIC})\s+)?{_NAME}\s*,\s*(?:the\s+)?$", before)
        if m and _valid_name(m.group("name")):
            offset = ps - len(before)
            add(m.group("name"), offset + m.start("name"), offset + m.end("name"), post, m.group("hon"))
    # 'chaired by Mr Abdurahman M. Al Hassan', 'under the chairmanship of Dr Jane Smith': the meeting's chair
    for m in _CHAIRED_BY.finditer(text, start, end):
        if _valid_name(m.group("name")) and not _is_short_mention(m.group("name")):
            chair = ref.lookup("Chair", {"Post"})
            post = Ref("Post", chair.label, Span.of(text, m.start(), m.start("name")), chair.iri) if chair else None
            add(m.group("name"), m.start("name"), m.end("name"), post, m.group("hon"))
    # 'Mr Kazuhiro Example (NTT Docomo)': an honorific makes a name a person's even without a post
    for m in _HONORED.finditer(text, start, end):
        if _valid_name(m.group("name")) and not _is_short_mention(m.group("name")):
            known = ref.lookup(m.group("name"), {"Person"})
            post = _adjacent_post(ref, text, m.start("name"), m.end("name"), start, end) if known is None else None
            add(m.group("name"), m.start("name"), m.end("name"), post, m.group("hon"))
    _resolve_short_mentions(ref, text, start, end, people)
    people.sort(key=lambda p: p.span.start)
    return people


_HONORED = re.compile(rf"(?<![\w.])(?P<hon>Mr|Mrs|Ms|Dr|Prof|Professor|H\.\s?E\.|Ambassador)\.?[ \t]+{_NAME}")
_CHAIRED_BY = re.compile(rf"\b(?:chaired\s+by|under\s+the\s+chairmanship\s+of|presided\s+(?:over\s+)?by)\s+(?:the\s+)?"
                         rf"(?:(?P<hon>{_HONORIFIC})[ \t]+)?{_NAME}")


def _is_short_mention(name: str) -> bool:
    return len(name.split()) < 2


def _adjacent_post(ref: Reference, text: str, s: int, e: int, start: int, end: int) -> Ref | None:
    """The post written right before or after a known person's name."""
    for ps, pe, post in _posts(ref, text, max(start, s - 90), min(end, e + 120)):
        between = text[pe:s] if pe <= s else text[e:ps]
        if re.fullmatch(r"\s*(?:,\s*)?(?:the\s+)?(?:" + _HONORIFIC + r"\s+)?", between):
            return post
    return None


def _resolve_short_mentions(ref: Reference, text: str, start: int, end: int, people: list[PersonMention]) -> None:
    """'Secretary-General Zhao' names the person already seen (or known) with that post and surname."""
    for ps, pe, post in _posts(ref, text, start, end):
        m = re.compile(r"\s+([A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?)\b(?!\s+[A-Z][a-z])").match(text, pe, end)
        if not m:
            continue
        surname = m.group(1)
        span = Span.of(text, m.start(1), m.end(1))
        if any(p.span.start <= span.start < p.span.end for p in people):
            continue  # part of a full name already read
        earlier = next((p for p in people if p.name.split()[-1] == surname), None)
        if earlier is not None:
            people.append(PersonMention(earlier.name, span, post, None, earlier.iri))
        elif post.iri:
            for iri in ref.holders_of(post.iri):
                if ref.labels[iri].split()[-1] == surname:
                    people.append(PersonMention(ref.labels[iri], span, post, None, iri))
                    break


def person_key(p: PersonMention) -> str:
    """Identity of a person across mentions and documents: the reference IRI or a slug of the name."""
    return p.iri or slugify(p.name)
