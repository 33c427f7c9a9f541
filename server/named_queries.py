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

from itukg.graph.errors import QueryError
from itukg.graph.resources import queries_dir


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
