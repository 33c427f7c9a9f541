"""The UI's SPARQL: every query is a file in queries/ beside this module, run by name on a snapshot.

A query's parameters are `$name` variables (plain SPARQL: the file parses as it is). `bind` fills them:

* `VALUES $name {}` (an empty block, so the file parses) receives a list of terms; `$name` stays the variable
  it binds. An empty list binds NOTHING, an IRI no statement holds, so the group holding it matches nothing
  (a branch of a UNION left out). An empty block would say the same, but Virtuoso 7 refuses some queries
  holding one ("estimated execution time 0 (sec) exceeds the limit").
* Anywhere else `$name` is replaced by one term, a constant as the store sees it (a transitive path keeps a
  constant end, which Virtuoso requires).

Terms are written by pyoxigraph (an IRI is checked by `check_iri` first), never by string formatting, so a
value cannot change the query around it. Queries run with the project's prefixes predefined, as on /sparql.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import overload

import pyoxigraph as ox

from ...graph.namespaces import EMPTY_GRAPH_IRI, prefixes
from ..scan import query_shape
from ..store import HIDDEN_GRAPHS

QUERIES_DIR = Path(__file__).resolve().parent / "queries"


def query_prefixes() -> dict[str, str]:
    """The project's prefixes for the UI's queries, `id:` under the base the current request runs under."""
    return {p: str(ns) for p, ns in prefixes().items()}
#: What an empty list binds: the project's IRI of nothing (never a graph, a subject or an object).
NOTHING = EMPTY_GRAPH_IRI

_PARAM = re.compile(r"\$(\w+)")
_EMPTY_VALUES = re.compile(r"VALUES\s+\$(\w+)\s*\{\s*\}", re.IGNORECASE)
#: Either form, so one pass binds them all (a bound term is never read again, whatever characters it holds).
_EITHER = re.compile(_EMPTY_VALUES.pattern + r"|\$(\w+)", re.IGNORECASE)
_IRI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def check_iri(iri: str) -> str:
    """`iri` if it is an absolute IRI pyoxigraph accepts (so it can be written <iri> in a query), else ValueError."""
    if not iri or not _IRI_SCHEME.match(iri):
        raise ValueError(f"not an absolute IRI: {iri!r}")
    ox.NamedNode(iri)
    return iri


def sparql_term(value) -> str:
    """A value as a SPARQL term: a str is an IRI (checked); pyoxigraph terms are written as they are."""
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return str(value)
    if isinstance(value, str):
        return str(ox.NamedNode(check_iri(value)))
    raise TypeError(f"not a SPARQL term: {value!r}")


@cache
def text(name: str) -> str:
    """The query queries/<name>.rq, without its leading comment lines (what it is for)."""
    lines = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8").splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines).strip()


def parameters(query: str) -> tuple[set[str], set[str]]:
    """(the list parameters, the single-term parameters) of a query text."""
    lists = set(_EMPTY_VALUES.findall(query))
    return lists, set(_PARAM.findall(query)) - lists


def bind(query: str, params: dict) -> str:
    """`query` with every `$name` bound from `params` (see the module docstring); a parameter missing or unknown
    is a ValueError. List parameters end as ordinary ?variables."""
    lists, singles = parameters(query)
    missing, unknown = (lists | singles) - set(params), set(params) - lists - singles
    if missing:
        raise ValueError(f"query parameters missing: {', '.join(sorted(missing))}")
    if unknown:
        raise ValueError(f"unknown query parameters: {', '.join(sorted(unknown))}")
    params = dict(params)
    for name in lists:
        if isinstance(params[name], (str, ox.NamedNode, ox.Literal)) or not isinstance(params[name], Iterable):
            raise ValueError(f"query parameter ${name} takes a list of terms")
        params[name] = tuple(params[name]) or (NOTHING,)

    def put(m: re.Match) -> str:
        if m.group(1):
            return f"VALUES ?{m.group(1)} {{ {' '.join(sparql_term(v) for v in params[m.group(1)])} }}"
        name = m.group(2)
        return f"?{name}" if name in lists else sparql_term(params[name])

    return _EITHER.sub(put, query)


def run(snap, query: str) -> list[dict]:
    """Rows of a SELECT over the snapshot's union (the default graph the endpoint exposes).

    Only a query with a GRAPH pattern is given the named graphs: naming every document's graph to the store
    makes the same query some 30 times slower on 10,000 documents (bench/RESULTS.md, the web UI section). A
    query without one runs on the compact union store when the snapshot has it, as Snapshot.query does. A query
    with a GRAPH pattern must select its graph variable (the rows of the hidden union graphs are dropped by it)."""
    shape = query_shape(query)
    union_store = getattr(snap, "union_store", None)
    if union_store is not None and shape.reads_union_only():
        result = union_store.query(query, prefixes=query_prefixes())
    elif shape.uses_graph and isinstance(snap.store, ox.Store) and "" not in snap.graph_sizes:
        # Every graph of the store, the hidden unions' rows dropped below: the same rows (each triple of a
        # hidden union is in a real graph too, the default graph being empty), without naming 10,000 graphs.
        solutions = snap.store.query(query, default_graph=[snap.default_graph], prefixes=query_prefixes())
        assert isinstance(solutions, ox.QuerySolutions), "the UI's queries are SELECT queries"
        names = [v.value for v in solutions.variables]
        hidden = {n.value for n in HIDDEN_GRAPHS}
        return [row
                for row in [{n: sol[n] for n in names} for sol in solutions]
                if not any(isinstance(t, ox.NamedNode) and t.value in hidden for t in row.values())]
    else:
        result = snap.store.query(query, default_graph=[snap.default_graph],
                                  named_graphs=list(snap.graphs) if shape.uses_graph else [],
                                  prefixes=query_prefixes())
    names = [v.value for v in result.variables]
    return [{n: sol[n] for n in names} for sol in result]


def select(snap, name: str, **params) -> list[dict]:
    """Rows of the query queries/<name>.rq with `params` bound."""
    return run(snap, bind(text(name), params))


def val(term) -> str | None:
    return None if term is None else term.value


@overload
def as_int(term, default: int) -> int: ...


@overload
def as_int(term, default: None = None) -> int | None: ...


def as_int(term, default: int | None = None) -> int | None:
    try:
        return int(term.value)
    except (AttributeError, TypeError, ValueError):
        return default


def column(rows: list[dict], name: str) -> list[str]:
    """The values of one variable in `rows`."""
    return [r[name].value for r in rows]
