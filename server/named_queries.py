"""The named queries (queries/*.rq): the questions users ask, with a title, description and parameters each.

A header comment holds the metadata:
    # title: Meetings on a topic
    # description: ...
    # param: topic: the IRI of the topic
Parameters are SPARQL variables of the same name, bound by a VALUES block whose terms are checked and escaped
here (pyoxigraph's substitutions would require the variable in the SELECT projection).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..graph.errors import QueryError
from ..graph.resources import queries_dir


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: dict[str, str]
    text: str


def _parse(name: str, text: str) -> NamedQuery:
    meta: dict[str, str] = {}
    params: dict[str, str] = {}
    for line in text.splitlines():
        m = re.match(r"#\s*(title|description|param)\s*:\s*(.*)$", line)
        if not m:
            if line.strip() and not line.startswith("#"):
                break
            continue
        if m.group(1) == "param":
            pname, _, pdesc = m.group(2).partition(":")
            params[pname.strip()] = pdesc.strip()
        else:
            meta[m.group(1)] = m.group(2).strip()
    return NamedQuery(name, meta.get("title", name), meta.get("description", ""), params, text)


@lru_cache(maxsize=1)
def named_queries() -> dict[str, NamedQuery]:
    return {p.stem: _parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(queries_dir().glob("*.rq"))}


def get(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r} (known: {', '.join(sorted(queries))})")
    return queries[name]


def parse_params(query: NamedQuery, pairs: list[str] | dict[str, str]) -> dict[str, str]:
    """'name=value' pairs checked against the query's declared parameters; all must be given."""
    values = dict(pairs) if isinstance(pairs, dict) else {}
    if not isinstance(pairs, dict):
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep:
                raise QueryError(f"parameter {pair!r} is not name=value")
            values[key.strip()] = value.strip()
    unknown = set(values) - set(query.params)
    if unknown:
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(sorted(unknown))}"
                         f" (parameters: {', '.join(query.params) or 'none'})")
    missing = set(query.params) - set(values)
    if missing:
        raise QueryError(f"query {query.name!r} needs parameter {', '.join(sorted(missing))}")
    return values


_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|^`\\]*$", re.I)


def term(value: str) -> str:
    """A parameter value as a SPARQL term: an absolute IRI stays an IRI, anything else is a plain literal."""
    if _IRI.match(value):
        return f"<{value}>"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def bind(query: NamedQuery, values: dict[str, str]) -> str:
    """The query text with its parameters bound by a VALUES block opening its WHERE clause (Virtuoso cannot
    compile a trailing VALUES clause; an inline one works on every store)."""
    if not values:
        return query.text
    names = sorted(values)
    head = " ".join(f"?{n}" for n in names)
    row = " ".join(term(values[n]) for n in names)
    where = re.search(r"\bWHERE\s*\{", query.text, re.IGNORECASE)
    if where is None:
        raise QueryError(f"named query {query.name!r} has no WHERE clause to bind its parameters in")
    return f"{query.text[:where.end()]}\n  VALUES ({head}) {{ ({row}) }}{query.text[where.end():]}"


# --- parameter values as users write them ------------------------------------------------------------------

#: The class a parameter of this name usually refers to: matches of that class win over others.
_PARAM_CLASSES = {
    "topic": "https://w3id.org/itukg/ontology#Topic",
    "meeting": "https://w3id.org/itukg/ontology#Meeting",
    "organization": "https://w3id.org/itukg/ontology#Organization",
    "person": "https://w3id.org/itukg/ontology#Person",
    "country": "https://w3id.org/itukg/ontology#Country",
}
_LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
           "http://www.w3.org/2004/02/skos/core#altLabel")
_PREFIXED = re.compile(r"^([A-Za-z][\w.-]*):(\S*)$")


def _prefixes() -> dict[str, str]:
    from ..graph.namespaces import PREFIXES

    return {p: str(ns) for p, ns in PREFIXES.items()}


def short_name(iri: str) -> str:
    """An IRI as the project's prefixed name (id:topic/security), or the IRI itself when no prefix fits."""
    best = max((ns for ns in _prefixes().values() if iri.startswith(ns) and len(iri) > len(ns)), key=len,
               default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in _prefixes().items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def _slug(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1].lower()


def _select(source, text: str) -> list:
    return list(source.query(text))


def _labelled(source, cls: str | None) -> dict[str, set[str]]:
    """IRI -> its labels (rdfs:label, skos:prefLabel, skos:altLabel), of the class `cls` when given."""
    typed = f"?s a <{cls}> ." if cls else ""
    rows = _select(source, "SELECT DISTINCT ?s ?l WHERE { " + typed + " ?s ?p ?l . VALUES ?p { "
                   + " ".join(f"<{p}>" for p in _LABELS) + " } FILTER(isIRI(?s) && isLiteral(?l)) }")
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(row["s"].value, set()).add(row["l"].value)
    return out


def _exists(source, iri: str) -> bool:
    escaped = iri.replace(">", "%3E")
    return bool(source.query(f"ASK {{ {{ <{escaped}> ?p ?o }} UNION {{ ?s ?p <{escaped}> }} }}"))


def resolve_param(source, name: str, value: str) -> str:
    """The IRI a named-query parameter value means, resolved against the dataset `source` (a Snapshot, or
    anything with `.query(sparql)`): an IRI (<...> or bare), a prefixed name with the project's prefixes
    (id:topic/security, itukg:Meeting), a slug (security: the last segment of an IRI) or a label (rdfs:label,
    skos:prefLabel or skos:altLabel, case-insensitive). Entities of the class the parameter's name suggests
    (topic -> itukg:Topic) win over others. Anything else is a QueryError of one line naming the close matches.
    """
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    if not text:
        raise QueryError(f"parameter {name!r} is empty: give an IRI, a prefixed name, a slug or a label")
    iri = None
    m = _PREFIXED.match(text)
    if m and m.group(1) in _prefixes():
        iri = _prefixes()[m.group(1)] + m.group(2)
    elif _IRI.match(text) and ("://" in text or text.lower().startswith(("urn:", "mailto:"))):
        iri = text
    cls = _PARAM_CLASSES.get(name)
    if iri is not None:
        if _exists(source, iri):
            return iri
        return _no_match(source, name, value, cls, _slug(iri), f"{name} {value!r}: nothing in the dataset is <{iri}>")

    wanted = text.lower()
    slug = re.sub(r"[^\w]+", "-", wanted).strip("-")
    pools = [_labelled(source, cls)] if cls else []
    pools.append(_labelled(source, None))
    for pool in pools:
        by_slug = sorted(s for s in pool if _slug(s) in (wanted, slug))
        if len(by_slug) == 1:
            return by_slug[0]
        by_label = sorted(s for s, labels in pool.items() if any(label.strip().lower() == wanted for label in labels))
        if len(by_label) == 1:
            return by_label[0]
        several = by_slug or by_label
        if several:
            shown = ", ".join(short_name(s) for s in several[:8]) + (", ..." if len(several) > 8 else "")
            raise QueryError(f"{name} {value!r} is ambiguous: it could be {shown}; give one of these")
    return _no_match(source, name, value, cls, wanted, f"{name} {value!r} matches nothing in the dataset")


def _no_match(source, name: str, value: str, cls: str | None, wanted: str, why: str):
    import difflib

    from ..graph.namespaces import ID

    pool = (_labelled(source, cls) if cls else {}) or _labelled(source, None)
    pool = {s: labels for s, labels in pool.items() if s.startswith(str(ID))} or pool  # entities, not terms
    keys: dict[str, str] = {}  # lower-cased label or slug -> IRI
    for iri, labels in sorted(pool.items()):
        keys.setdefault(_slug(iri), iri)
        for label in labels:
            keys.setdefault(label.strip().lower(), iri)
    close = difflib.get_close_matches(wanted, list(keys), n=8, cutoff=0.6)
    seen, shown = set(), []
    for key in close:
        if keys[key] not in seen:
            seen.add(keys[key])
            shown.append(f"{key} ({short_name(keys[key])})" if key != _slug(keys[key]) else short_name(keys[key]))
    hint = f"; close matches: {', '.join(shown[:5])}" if shown else (
        "; give an IRI, a prefixed name such as id:topic/security, a slug or a label")
    raise QueryError(why + hint)


def resolve_params(source, query: NamedQuery, values: dict[str, str]) -> dict[str, str]:
    """Every parameter of `query` resolved by resolve_param (the named queries' parameters are entities)."""
    return {name: resolve_param(source, name, value) for name, value in values.items()}
