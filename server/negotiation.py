"""Choosing a response format: the Accept header with q-values, overridden by a `format` parameter.

Formats are named by short keys (json, xml, csv, tsv, turtle, nt, jsonld, rdfxml, trig, nquads, html). What a
request can get depends on the kind of answer: "tabular" (SELECT), "boolean" (ASK), "graph" (CONSTRUCT,
DESCRIBE, Linked Data, exports) or "dataset" (named graphs kept).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..graph.errors import BadRequest, NotAcceptable

MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "html": "text/html; charset=utf-8",
}

#: What each kind of answer can be written as, best first (the first is the default).
CHOICES = {
    "tabular": ("json", "xml", "csv", "tsv"),
    "boolean": ("json", "xml", "csv", "tsv"),
    "graph": ("turtle", "nt", "jsonld", "rdfxml", "trig", "nquads"),
    "dataset": ("trig", "nquads", "jsonld"),
}

#: Media types (lower case, no parameters) understood in Accept, per format key.
_ACCEPT_ALIASES = {
    "json": ("application/sparql-results+json", "application/json", "text/javascript", "application/javascript"),
    "xml": ("application/sparql-results+xml", "application/xml", "text/xml"),
    "csv": ("text/csv",),
    "tsv": ("text/tab-separated-values",),
    "turtle": ("text/turtle", "application/turtle", "application/x-turtle", "text/n3", "text/rdf+n3",
               "application/n3"),
    "nt": ("application/n-triples", "text/plain"),
    "jsonld": ("application/ld+json", "application/x-json+ld", "application/json"),
    "rdfxml": ("application/rdf+xml", "application/xml", "text/xml"),
    "trig": ("application/trig",),
    "nquads": ("application/n-quads",),
    "html": ("text/html", "application/xhtml+xml"),
}

#: Values of the `format` parameter; a dict maps per kind (json means JSON-LD for a graph).
_FORMAT_PARAM: dict[str, str | dict[str, str]] = {  # a name, or per kind of answer
    "json": {"tabular": "json", "boolean": "json", "graph": "jsonld", "dataset": "jsonld"},
    "xml": {"tabular": "xml", "boolean": "xml", "graph": "rdfxml"},
    "csv": "csv", "tsv": "tsv",
    "turtle": "turtle", "ttl": "turtle", "n3": "turtle",
    "nt": "nt", "ntriples": "nt", "n-triples": "nt",
    "jsonld": "jsonld", "json-ld": "jsonld",
    "rdfxml": "rdfxml", "rdf+xml": "rdfxml", "rdf": "rdfxml", "owl": "rdfxml",
    "trig": "trig", "nquads": "nquads", "nq": "nquads", "n-quads": "nquads",
    "html": "html",
}


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """-1 when this range does not match `media_type`, else 0 (*/*), 1 (type/*) or 2 (exact)."""
        t, _, s = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != t:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == s else -1


def parse_accept(header: str | None) -> list[MediaRange]:
    """Parse an Accept header; a malformed entry is skipped rather than failing the request."""
    ranges = []
    for item in (header or "").split(","):
        parts = [p.strip() for p in item.split(";")]
        media = parts[0].lower()
        if "/" not in media:
            continue
        t, _, s = media.partition("/")
        q = 1.0
        for param in parts[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(t.strip(), s.strip(), q))
    return ranges


def _quality(ranges: list[MediaRange], key: str) -> float:
    """The q of the most specific range matching any media type of the format."""
    best_spec, best_q = -1, 0.0
    for media_type in _ACCEPT_ALIASES[key]:
        for r in ranges:
            spec = r.specificity(media_type)
            if spec > best_spec or (spec == best_spec and spec >= 0 and r.q > best_q):
                best_spec, best_q = spec, r.q
    return best_q if best_spec >= 0 else 0.0


def from_accept(accept: str | None, choices: tuple[str, ...]) -> str | None:
    """The best format among `choices` for this Accept header (None: nothing acceptable)."""
    ranges = parse_accept(accept)
    if not ranges:
        return choices[0]
    best, best_q = None, 0.0
    for key in choices:  # ties go to the earlier (server-preferred) format
        q = _quality(ranges, key)
        if q > best_q:
            best, best_q = key, q
    return best


def from_param(values: list[str], kind: str, choices: tuple[str, ...]) -> str | None:
    """The format named by `format` parameters (repeats must agree; empty values are ignored)."""
    picked: set[str | None] = set()
    for raw in values:
        value = raw.strip().lower()
        if not value:
            continue
        mapped = _FORMAT_PARAM.get(value)
        if mapped is None:  # a media type works too (SPARQLWrapper sends both)
            mapped = next((k for k, aliases in _ACCEPT_ALIASES.items() if value.split(";")[0].strip() in aliases
                           and k in choices), None)
        if isinstance(mapped, dict):
            mapped = mapped.get(kind)
        if mapped is None and value not in _FORMAT_PARAM:
            raise BadRequest(f"unknown format {raw!r}; use one of: {', '.join(sorted(_FORMAT_PARAM))}")
        picked.add(mapped)
    if not picked:
        return None
    if len(picked) > 1:
        raise BadRequest(f"the format parameters disagree: {', '.join(v for v in values if v)}")
    return picked.pop()


def negotiate(kind: str, accept: str | None, format_values: list[str] | None = None,
              extra: tuple[str, ...] = ()) -> str:
    """The format key for an answer of `kind`, or NotAcceptable (406) saying what is available."""
    choices = CHOICES[kind] + extra
    if format_values:
        chosen = from_param(format_values, kind, choices)
        if chosen is not None:
            if chosen not in choices:
                raise NotAcceptable(f"format {chosen} is not available for a {kind} answer; "
                                    f"use one of: {', '.join(choices)}")
            return chosen
    chosen = from_accept(accept, choices)
    if chosen is None:
        offered = ", ".join(MEDIA_TYPES[c].split(";")[0] for c in choices)
        raise NotAcceptable(f"none of the media types in Accept ({accept}) can be produced for a {kind} "
                            f"answer; available: {offered}")
    return chosen


def media_type(key: str) -> str:
    return MEDIA_TYPES[key]


_HTML_TYPES = (("text", "html"), ("application", "xhtml+xml"))


def html_quality(accept: str | None) -> float:
    """The q Accept gives text/html (or XHTML) by name; wildcards do not count (0 when not named)."""
    return max((r.q for r in parse_accept(accept) if (r.type, r.subtype) in _HTML_TYPES), default=0.0)


def prefers_html(accept: str | None, kind: str = "tabular", others: tuple[str, ...] = ()) -> bool:
    """True when a browser asks for HTML: text/html named in Accept with a q > 0 at least as high as that of
    the best format of `kind` (and of the media types `others`). `*/*` alone never selects HTML, so protocol
    clients keep the protocol's defaults."""
    html_q = html_quality(accept)
    if html_q <= 0:
        return False
    ranges = parse_accept(accept)
    best = max((_quality(ranges, key) for key in CHOICES.get(kind, ())), default=0.0)
    for media in others:
        for r in ranges:
            if r.specificity(media) >= 0:
                best = max(best, r.q) if r.specificity(media) == 2 else best
    return html_q >= best
