"""The web UI package's structure: its SPARQL lives in .rq files that parse and bind safely, its Python holds no
query text, its code does not repeat itself, its kinds come from the ontology, and registering it starts
nothing in the background. Each checker is also shown to catch what it is for, so none passes vacuously."""
from __future__ import annotations

import ast
import re
import threading
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask
from rdflib.plugins.sparql import prepareQuery
from ui_fixtures import ui_snapshot  # noqa: F401

from itukg.graph.namespaces import PREFIXES
from itukg.graph.vocabulary import vocabulary
from itukg.server import ui
from itukg.server.ui import kinds, lists, sparql

UI = Path(ui.__file__).resolve().parent
QUERY_FILES = sorted((UI / "queries").glob("*.rq"))
PY_FILES = sorted(p for p in UI.rglob("*.py") if "vendor" not in p.parts)


# --- no SPARQL in Python ---------------------------------------------------------------------------------------

#: What marks text as SPARQL; three different marks (or a query form with a variable) make a query string.
SPARQL_MARKS = {
    "form": re.compile(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b"),
    "prefix": re.compile(r"\bPREFIX\s+[\w-]*:"),
    "where": re.compile(r"\bWHERE\s*\{"),
    "pattern keyword": re.compile(r"\b(OPTIONAL|FILTER|UNION|MINUS|GRAPH|BIND)\b"),
    "function": re.compile(r"\b(STRSTARTS|STR|isIRI|isLiteral|REGEX|LANG|CONTAINS|COUNT)\s*\("),
    "variable": re.compile(r"[?$][A-Za-z_]\w*"),
    "prefixed name": re.compile(r"\b(" + "|".join(PREFIXES) + r"):[A-Za-z]"),
    "spliced IRI": re.compile(r"<\x00>"),
    "braces": re.compile(r"\{.*\}", re.S),
}


def _strings(tree: ast.AST):
    """Every string constant of a module but its docstrings; an f-string's literal parts joined by \\x00
    where a value goes."""
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    inside_fstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for v in node.values:
                inside_fstrings.add(id(v))
                parts.append(v.value if isinstance(v, ast.Constant) else "\x00")
            yield node.lineno, "".join(parts)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                and id(node) not in inside_fstrings):
            yield node.lineno, node.value


def sparql_strings(source: str) -> list[tuple[int, str]]:
    """(line, text) of the strings in `source` that are SPARQL queries or pieces of one."""
    found = []
    for line, text in _strings(ast.parse(source)):
        marks = {name for name, rx in SPARQL_MARKS.items() if rx.search(text)}
        if len(marks) >= 3 or {"form", "variable"} <= marks:
            found.append((line, text))
    return found


def test_the_checker_finds_queries_and_their_pieces():
    source = '''
"""A docstring may show SELECT ?s WHERE { ?s ?p ?o }."""
def f(snap, iri, document):
    """So may a function's: PREFIX x: <urn:x> SELECT * WHERE { ?s ?p ?o }."""
    whole = "SELECT ?s ?t WHERE { ?s a ?t FILTER(isIRI(?s)) }"
    ask = "ASK { ?s ?p ?o }"
    part = f"{{ ?e itukg:inDocument <{document}> }}"
    triple = f"?a itukg:actor <{iri}> ."
    test = "(STRSTARTS(STR(?p), 'x') || ?p IN (skos:broader, skos:narrower))"
    joined = "SELECT ?m ?p ?o WHERE { " + values + " ?m ?p ?o }"
    prose = "Select the values you want, then press Run"
    path = "/ui/entity?iri=" + iri
'''
    found = [text for _, text in sparql_strings(source)]
    assert len(found) == 6, found
    assert not any("docstring" in t or "function's" in t or "Select the" in t or "/ui/" in t for t in found)


def test_no_python_module_of_the_ui_holds_a_query():
    assert len(PY_FILES) > 15  # the whole package is scanned
    offenders = {str(p.relative_to(UI)): sparql_strings(p.read_text(encoding="utf-8")) for p in PY_FILES}
    assert not {k: v for k, v in offenders.items() if v}, offenders


# --- the .rq files ------------------------------------------------------------------------------------------------

def _sample(name: str, lists_: set[str]):
    iri = f"https://example.org/{name}"
    return [iri, iri + "/2"] if name in lists_ else iri


def check_query_file(path: Path) -> None:
    """The file parses as it is (rdflib, with the project's prefixes), and bound with sample values it parses
    and runs on pyoxigraph (an empty store): SyntaxError otherwise."""
    raw = path.read_text(encoding="utf-8")
    prepareQuery(raw, initNs={p: str(ns) for p, ns in PREFIXES.items()})
    text = raw if path.parent != UI / "queries" else sparql.text(path.stem)
    list_params, single_params = sparql.parameters(text)
    bound = sparql.bind(text, {n: _sample(n, list_params) for n in list_params | single_params})
    assert "$" not in bound
    ox.Store().query(bound, prefixes=sparql.query_prefixes())


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_every_query_file_parses_and_binds(path):
    check_query_file(path)


def test_the_parse_check_fails_on_a_broken_query(tmp_path):
    assert len(QUERY_FILES) > 30
    broken = tmp_path / "broken.rq"
    broken.write_text("SELECT ?s WHERE { ?s itukg:startDate }\n", encoding="utf-8")
    with pytest.raises(Exception, match="(?i)expected|syntax|error"):
        check_query_file(broken)
    unknown_prefix = tmp_path / "unknown.rq"
    unknown_prefix.write_text("SELECT ?s WHERE { ?s nowhere:p ?o }\n", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - each parser words it its own way
        check_query_file(unknown_prefix)


def test_every_query_file_is_used_and_every_name_used_exists():
    used = set()
    for path in PY_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None))
                    in ("select", "text") and len(node.args) >= 1):
                names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                used.update(names)
    files = {p.stem for p in QUERY_FILES}
    assert used - files == set(), "queries named in code without a file"
    assert files - used == set(), "query files no module uses"


# --- binding parameters -------------------------------------------------------------------------------------------

def test_bind_fills_lists_substitutes_terms_and_escapes():
    query = "SELECT ?o WHERE { VALUES $property {} $subject $property ?o FILTER(?o != $text) }"
    bound = sparql.bind(query, {"property": ["urn:x:a", ox.NamedNode("urn:x:b")], "subject": "urn:x:s",
                                "text": ox.Literal('say "hi"\n$subject')})
    assert bound == ('SELECT ?o WHERE { VALUES ?property { <urn:x:a> <urn:x:b> } <urn:x:s> ?property ?o '
                     'FILTER(?o != "say \\"hi\\"\\n$subject") }')
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:b"), ox.Literal("v")))
    assert [r["o"].value for r in store.query(bound)] == ["v"]
    nothing = sparql.bind(query, {"property": [], "subject": "urn:x:s", "text": ox.Literal("")})
    assert f"VALUES ?property {{ <{sparql.NOTHING}> }}" in nothing and not list(store.query(nothing))


@pytest.mark.parametrize("params, message", [
    ({"subject": "urn:x:s"}, "missing"),
    ({"property": [], "subject": "urn:x:s", "other": "urn:x:o"}, "unknown"),
    ({"property": "urn:x:p", "subject": "urn:x:s"}, "list"),
    ({"property": [], "subject": "urn:x:s> . ?s ?p ?o . <urn:x:t"}, "(?i)IRI|invalid|character"),
    ({"property": [], "subject": "not an iri"}, "IRI"),
    ({"property": ["urn:x:a", "javascript"], "subject": "urn:x:s"}, "IRI"),
])
def test_bind_refuses_what_would_change_the_query(params, message):
    with pytest.raises(ValueError, match=message):
        sparql.bind("SELECT ?o WHERE { VALUES $property {} $subject $property ?o }", params)


# --- DRY ---------------------------------------------------------------------------------------------------------

BLOCK = 6
#: Lines that only close something (braces, closing tags, Jinja end tags) carry no logic of their own.
CLOSING = re.compile(r"^(?:[\s{}\[\]();,]|</\w+>|\{%-?\s*(?:end\w+|else)\s*-?%\})*$")


def repeated_blocks(files: dict[str, str], size: int = BLOCK) -> dict[tuple, list]:
    """Blocks of `size` consecutive lines (stripped, closing-only lines skipped) found more than once."""
    seen: dict[tuple, list] = defaultdict(list)
    for name, content in files.items():
        lines = [(i + 1, line.strip()) for i, line in enumerate(content.splitlines()) if not CLOSING.match(line)]
        for k in range(len(lines) - size + 1):
            seen[tuple(text for _, text in lines[k:k + size])].append((name, lines[k][0]))
    return {block: where for block, where in seen.items() if len(where) > 1}


def test_the_repetition_check_finds_a_copied_block():
    body = "\n".join(f"x{i} = compute({i})" for i in range(BLOCK))
    assert repeated_blocks({"a.py": body + "\n}\n", "b.py": "y = 1\n" + body.replace("\n", "\n  )\n", 1)})
    assert not repeated_blocks({"a.py": body, "b.py": body.replace("x3", "z3")})


def test_no_block_of_the_ui_code_repeats():
    files = {str(p.relative_to(UI)): p.read_text(encoding="utf-8") for p in sorted(UI.rglob("*"))
             if p.is_file() and "vendor" not in p.parts and p.suffix in (".py", ".rq", ".html", ".js", ".css")}
    assert len(files) > 60
    assert repeated_blocks(files) == {}


# --- kinds --------------------------------------------------------------------------------------------------------

def test_kinds_and_their_labels_come_from_the_ontology():
    vocab = vocabulary()
    model = {row.path for row in vocab.rows if row.path}
    assert model <= kinds.known_kinds()
    for path in model:
        cls = next(row.cls for row in vocab.rows if row.path == path)
        assert kinds.kind_label(path).lower() == vocab.labels[cls].lower()
    assert {k for k, _ in kinds.kind_roots()} - set(kinds.OTHER_KIND_LABELS) == model
    # the UI's own choices name only kinds that exist, and order every one of them
    assert set(kinds.KIND_ORDER) == kinds.known_kinds()
    assert kinds.INTERNAL_KINDS <= model and set(kinds.SEARCH_FIRST_KINDS) <= model
    assert {kind for kind, _ in lists.LISTS.values()} <= model


def test_no_namespace_is_spelled_out_in_the_ui():
    namespaces = {str(ns) for ns in PREFIXES.values()} | {"http://www.w3.org/", "https://w3id.org/itukg"}
    for path in PY_FILES:
        for _, text in _strings(ast.parse(path.read_text(encoding="utf-8"))):
            assert not any(ns in text for ns in namespaces), (path.name, text)


# --- registering, warming up ------------------------------------------------------------------------------------

def _warm_up_threads() -> int:
    return sum(t.name == "itukg-ui-warm-up" for t in threading.enumerate())


def test_registering_starts_nothing_and_the_warm_up_is_explicit(ui_snapshot):
    before = _warm_up_threads()
    app = Flask(__name__)
    ui.register(app)
    assert "ui" in app.blueprints and _warm_up_threads() == before

    class Runtime:
        closed = False
        snapshot = replace(ui_snapshot, cache={})

    rt = app.extensions["itukg"] = Runtime()
    thread = ui.start_warm_up(app)
    deadline = time.monotonic() + 20
    while ("ui", "index") not in rt.snapshot.cache and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ("ui", "home") in rt.snapshot.cache and ("ui", "index") in rt.snapshot.cache
    rt.closed = True
    thread.join(timeout=10)
    assert not thread.is_alive()
