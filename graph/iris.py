"""Instance IRIs, minted here and nowhere else, from stable keys (docs/model.md), under the current base
(graph/namespaces.py `base_iri()`: the configured one inside a build, a CLI command or a server request).

The same entity read from two documents gets the same IRI: an organization by its reference IRI or the slug
of its name without legal form; a meeting by kind, start date and place. The reference data is written under
the default base; `rebase` moves it under the configured one.
"""
from __future__ import annotations

import re

from rdflib import Graph, URIRef

from .extract.text import slugify
from .facts import EventMention, MeetingRef, Ref
from .namespaces import DEFAULT_BASE_IRI, base_iri
from .vocabulary import vocabulary


def _id(path: str) -> URIRef:
    return URIRef(base_iri() + path)


def meeting_key(ref: MeetingRef) -> str:
    place = slugify(ref.place.label) if ref.place else "online" if ref.online else "unknown-place"
    if ref.start is None:  # undated: the name tells it from other undated meetings of its kind
        day = "undated-" + slugify(ref.name)[:60] if ref.name else "undated"
    else:
        day = ref.start.isoformat()[:{"year": 4, "month": 7}.get(ref.precision, 10)]
    return f"{vocabulary().meeting_slug(ref.kind)}-{day}-{place}"


def meeting(ref: MeetingRef) -> URIRef:
    return _id(f"meeting/{meeting_key(ref)}")


def entity(ref: Ref) -> URIRef:
    """The reference IRI when the text was linked to the reference data, else one minted from the label
    (a group with a notation: from the notation, so every spelling of it gets the same IRI)."""
    if ref.iri:
        return URIRef(ref.iri)
    voc = vocabulary()
    if ref.kind in voc.group_kinds:
        return group(slugify(ref.notation or ref.label))
    if ref.kind == "Organization":
        from .extract.legalforms import strip_legal_form  # the extractors import this module

        label = strip_legal_form(ref.label)
    else:
        label = ref.label
    return _id(f"{voc.path(ref.kind) or slugify(ref.kind)}/{slugify(label)}")


def group(slug: str) -> URIRef:
    return _id(f"group/{slug}")


def organization(slug: str) -> URIRef:
    return _id(f"organization/{slug}")


def series(slug: str) -> URIRef:
    return _id(f"series/{slug}")


def country(alpha2: str) -> URIRef:
    return _id(f"country/{alpha2}")


def place(slug: str) -> URIRef:
    return _id(f"place/{slug}")


def person(key: str) -> URIRef:
    return URIRef(key) if key.startswith("http") else _id(f"person/{key}")


def event(ev: EventMention) -> URIRef:
    name = ev.series.iri.rsplit("/", 1)[-1] if ev.series.iri else slugify(ev.series.label)
    return _id(f"event/{name}-{ev.year}" if ev.year else f"event/{name}")


def participation(meeting_iri: URIRef, org_iri: URIRef, country_iri: URIRef | None = None) -> URIRef:
    """An organization's participation in a meeting; the country is part of the key only when the same
    organization took part for a second country."""
    key = f"{_tail(meeting_iri)}/{_tail(org_iri)}" + (f"-{_tail(country_iri)}" if country_iri else "")
    return _id(f"participation/{key}")


def item(meeting_iri: URIRef, position: int) -> URIRef:
    return _id(f"item/{_tail(meeting_iri)}/{position}")


def group_action(meeting_iri: URIRef, n: int) -> URIRef:
    return _id(f"action/{_tail(meeting_iri)}/{n}")


def stated_count(meeting_iri: URIRef, n: int) -> URIRef:
    return _id(f"count/{_tail(meeting_iri)}/{n}")


def document(sha256: str) -> URIRef:
    return _id(f"document/{sha256}")


def evidence(sha256: str, n: int) -> URIRef:
    return _id(f"evidence/{sha256[:16]}/{n}")


def web(url: str) -> URIRef:
    """A URL read from a document, as an IRI that every RDF tool accepts (see :func:`safe_iri`)."""
    return URIRef(safe_iri(url))


#: RFC 3987 ucschar: the non-ASCII characters an IRI may hold as they are (private use, noncharacters such as
#: U+FFFE, and U+FFF0-U+FFFD are not among them)
_UCSCHAR = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF),
            *((plane << 16 | (0x1000 if plane == 14 else 0), plane << 16 | 0xFFFD) for plane in range(1, 15)))
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ASCII_KEPT = _UNRESERVED | frozenset(":/?#@!$&'()*+,;=")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_PCT = re.compile(r"%[0-9A-Fa-f]{2}")


def is_valid_iri(value: str) -> bool:
    """True if Oxigraph (strict RFC 3987, what the server loads the dataset with) accepts ``value`` as an IRI."""
    import pyoxigraph as ox

    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return True


def safe_iri(value: str) -> str:
    """``value`` if it is a valid absolute IRI, else the same with every character an IRI cannot hold
    percent-encoded (UTF-8): '|', '{', '}', '\\', '^', '`', spaces and control characters, DEL, noncharacters
    such as U+FFFE, a '%' not followed by two hex digits, '[' and ']', a second '#'. An IRI whose authority is
    still malformed (a port that is not a number) gets its authority encoded too; whatever remains unusable
    becomes ``urn:itukg:invalid-iri:`` + the encoded text. Never raises: text from documents is untrusted."""
    if is_valid_iri(value):
        return value
    scheme = _SCHEME.match(value)
    head, rest = (scheme.group(), value[scheme.end():]) if scheme else ("", value)
    encoded = head + _encode(rest)
    if scheme and is_valid_iri(encoded):
        return encoded
    if scheme and rest.startswith("//"):
        found = re.match(r"//[^/?#]*", rest)
        assert found is not None  # `rest` starts with '//'
        authority = found.group()
        encoded = head + "//" + _encode(authority[2:], keep=_UNRESERVED | frozenset("!$&'()*+,;=")) + _encode(rest[len(authority):])
        if is_valid_iri(encoded):
            return encoded
    return "urn:itukg:invalid-iri:" + _encode(value, keep=_UNRESERVED)


def _encode(text: str, keep: frozenset = _ASCII_KEPT) -> str:
    out = []
    fragment = False
    i = 0
    while i < len(text):
        ch: str | None = text[i]  # None once it is to be percent-encoded
        code = ord(text[i])
        if ch == "%" and _PCT.match(text, i):
            out.append(text[i:i + 3])
            i += 3
            continue
        if ch == "#" and "#" in keep:
            if fragment:
                ch = None  # a second '#' is not allowed
            fragment = True
        if ch is not None and (ch in keep or (code > 0x7F and "/" in keep and
                                               any(lo <= code <= hi for lo, hi in _UCSCHAR))):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in text[i].encode("utf-8", "surrogatepass")))
        i += 1
    return "".join(out)


def _tail(iri: str) -> str:
    """The key of an instance IRI, what follows the base and the kind's path ('meeting/'), with '/' as '-'; an
    IRI outside the base is kept whole."""
    iri, base = str(iri), base_iri()
    key = iri[len(base):].split("/", 1)[-1] if iri.startswith(base) else iri
    return key.replace("/", "-")


def rebase(graph: Graph, base: str | None = None) -> Graph:
    """The graph with every IRI under the default base (as the reference files write them) moved under `base`
    (default: the current one); the graph itself when the two are the same."""
    base = base or base_iri()
    if base == DEFAULT_BASE_IRI:
        return graph
    n = len(DEFAULT_BASE_IRI)

    def move(term):
        return URIRef(base + term[n:]) if isinstance(term, URIRef) and term.startswith(DEFAULT_BASE_IRI) else term

    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, move(URIRef(ns)), override=True, replace=True)
    for s, p, o in graph:
        out.add((move(s), move(p), move(o)))
    return out
