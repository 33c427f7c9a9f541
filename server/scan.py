"""A small SPARQL tokenizer: enough to read a request's shape before a worker runs it.

It answers: which query form (for content negotiation before evaluating), does the query carry its own
dataset (FROM / FROM NAMED), does it use SERVICE, is it really an update, and it adds USING clauses for the
protocol's using-graph-uri parameters. It is not the parser: pyoxigraph still parses and reports syntax
errors. The SERVICE check only gives a clear message early; what makes SERVICE harmless is that query workers
cannot open a socket at all (server/workers.py).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..graph.errors import QueryError

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)
      | \"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$)
      | '(?:[^'\\\n\r]|\\.)*'?
      | "(?:[^"\\\n\r]|\\.)*"?)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<word>[\w\-.:%\\\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

# The fast path for query_shape, which runs on every query in the server's own process: regular expressions
# only (no Python loop per token), so a 1 MB adversarial query costs milliseconds, not seconds.
_OPAQUE = re.compile(
    r"""\#[^\n\r]*
      | '''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)
      | \"\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|$)
      | '(?:[^'\\\n\r]|\\.)*'?
      | "(?:[^"\\\n\r]|\\.)*"?
      | <[^<>"{}|^`\\\x00-\x20]*>""",
    re.VERBOSE | re.DOTALL,
)
_KEYWORDS = QUERY_FORMS + UPDATE_KEYWORDS + ("FROM", "SERVICE", "BASE", "PREFIX", "GRAPH")
_INTERESTING = re.compile(  # the leading class makes most positions fail at once
    r"(?=[" + "".join(sorted({k[0] for k in _KEYWORDS})) + r"])(?<![\w?$@:%\\\-])(?<!\w\.)("
    + "|".join(_KEYWORDS) + r")(?![\w:%\\\-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # keyword, pname, var, iri, string, langtag, punct
    text: str
    start: int
    depth: int  # nesting of { } and ( ) before this token


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    depth = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        assert kind is not None  # every alternative of _TOKEN is a named group
        value = m.group()
        if kind in ("ws", "comment"):
            continue
        if kind == "word":
            tokens.extend(_split_word(value, m.start(), depth))
            continue
        if kind == "punct":
            if value in "{(":
                tokens.append(Token("punct", value, m.start(), depth))
                depth += 1
                continue
            if value in "})":
                depth = max(depth - 1, 0)
        tokens.append(Token(kind, value, m.start(), depth))
    return tokens


def _split_word(value: str, start: int, depth: int) -> list[Token]:
    """A word with a colon is a prefixed name or blank node; without one, dots separate keywords/numbers."""
    if ":" in value:
        return [Token("pname", value.rstrip("."), start, depth)]
    out = []
    offset = 0
    for part in value.split("."):
        if part:
            out.append(Token("keyword", part, start + offset, depth))
        offset += len(part) + 1
    return out


def _keywords(tokens: list[Token]) -> list[str]:
    return [t.text.upper() for t in tokens if t.kind == "keyword"]


#: Deepest nesting of { } ( ) [ ] (and runs of unary !) a query or update may have. pyoxigraph parses and
#: evaluates recursively: ~3,000 nested groups overflow the stack and kill the process with SIGSEGV (no Python
#: exception to catch), so deeper text is refused before it reaches pyoxigraph. Real queries nest a few levels.
MAX_NESTING = 128
_BRACKETS = re.compile(r"[^{}()\[\]]+")
_STEP = {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}
_NOTS = re.compile(r"(?:!(?!=)[\s({\[]*){2,}")


def nesting_depth(text: str) -> int:
    """The deepest nesting of brackets outside comments, strings and IRIs (regexes and C loops: fast on 1 MB)."""
    stripped = _OPAQUE.sub(" ", text)
    brackets = _BRACKETS.sub("", stripped)
    depth = max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)
    nots = max((m.group().count("!") for m in _NOTS.finditer(stripped)), default=0)
    return max(depth, 0) + nots


def check_nesting(text: str, what: str = "query") -> None:
    """Raise QueryError if `text` nests deeper than MAX_NESTING: pyoxigraph's recursive parser would overflow
    its stack (a SIGSEGV, in the server process for updates)."""
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise QueryError(f"the {what} nests groups, brackets or ! operators {depth} levels deep; the limit is "
                         f"{MAX_NESTING}")


@dataclass(frozen=True)
class QueryShape:
    form: str | None  # SELECT / CONSTRUCT / DESCRIBE / ASK, None when not recognised
    has_dataset: bool  # FROM or FROM NAMED present
    uses_service: bool
    looks_like_update: bool
    uses_graph: bool = True  # a GRAPH pattern: only then do the named graphs matter to the answer

    def reads_union_only(self, asserted: bool = False) -> bool:
        """Sees nothing but the default union (no GRAPH, no FROM, not asserted-only): such a query may run on
        the compact union store (server/store.py)."""
        return not (asserted or self.has_dataset or self.uses_graph)


def _interesting_keywords(text: str) -> list[str]:
    """The keywords that matter here, in order, outside comments, strings and IRIs."""
    return [k.upper() for k in _INTERESTING.findall(_OPAQUE.sub(" ", text))]


def query_shape(text: str) -> QueryShape:
    keywords = _interesting_keywords(text)
    form = next((k for k in keywords if k in QUERY_FORMS), None)
    first = next((k for k in keywords if k not in ("BASE", "PREFIX")), None)
    return QueryShape(
        form=form,
        has_dataset="FROM" in keywords,
        uses_service="SERVICE" in keywords,
        looks_like_update=form is None and first in UPDATE_KEYWORDS,
        uses_graph="GRAPH" in keywords or "\\u" in text or "\\U" in text,  # (a keyword may hide in \u escapes)
    )


_FETCHING = re.compile(r"(?<![\w$?])(SERVICE|LOAD)(?![\w])", re.IGNORECASE)


def fetching_keyword(text: str) -> str | None:
    """SERVICE or LOAD anywhere in `text`, strings, IRIs and comments included (upper case), else None.

    For updates, which pyoxigraph runs in the server process itself, without the worker sandbox: both make it
    open connections. The text scanner can be fooled (`FILTER(1<?b)SERVICE#>` reads as an IRI to a lexer but as
    `1 < ?b` to the parser), so updates get this blunt check instead: the word anywhere refuses the update.
    """
    m = _FETCHING.search(text)
    return m.group(1).upper() if m else None


def uses_service(text: str) -> bool:
    return "SERVICE" in _interesting_keywords(text)


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape_codepoints(text: str) -> str:
    """`text` with SPARQL's \\uXXXX and \\UXXXXXXXX escapes undone, as the parser sees it."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


_SERVICE_WORD = re.compile("SERVICE", re.IGNORECASE)
_SERVICE_IRI = re.compile(r"\s*(?:SILENT\s*)?<([^<>\"{}|^`\\\x00-\x20]*)>", re.IGNORECASE)
_SERVICE_VAR = re.compile(r"\s*(?:SILENT\s*)?([?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)", re.IGNORECASE)


def service_endpoints(text: str) -> list[str]:
    """The endpoint IRI written after every occurrence of SERVICE in `text`, as written (not resolved).

    Blunt on purpose, because what it allows runs in a worker with network access: every occurrence of the
    letters SERVICE (any case, inside names, strings, IRIs and comments too, before and after undoing \\u
    escapes) must read `SERVICE [SILENT] <absolute IRI>`; anything else (a variable endpoint, a prefixed name,
    a comment in between, the word in a literal) raises a QueryError saying which. A text scanner can be fooled about
    where tokens start (`FILTER(1<?b)SERVICE#>`), but not into missing a substring.
    """
    unescaped = unescape_codepoints(text)
    found: list[str] = []
    for source in dict.fromkeys((text, unescaped)):
        for word in _SERVICE_WORD.finditer(source):
            iri = _SERVICE_IRI.match(source, word.end())
            if iri:
                found.append(iri.group(1))
                continue
            var = _SERVICE_VAR.match(source, word.end())
            if var:
                raise QueryError(f"SERVICE {var.group(1)} is refused: a SERVICE endpoint must be an IRI written "
                                 "in the query, not a variable")
            after = source[word.end():word.end() + 40].strip().split()
            shown = after[0] if after else ""
            raise QueryError(
                f"SERVICE refused: the word {word.group()!r} at character {word.start() + 1} is not followed by an "
                f"endpoint IRI (found {shown!r}): in a query that uses SERVICE, the word may only appear as "
                "SERVICE [SILENT] <endpoint IRI> (not in names, strings or comments), so that every endpoint "
                "can be checked")
    return list(dict.fromkeys(found))


def update_has_dataset_clause(text: str) -> bool:
    """USING or WITH: the update names its own dataset (conflicts with using-graph-uri)."""
    keywords = _keywords(tokenize(text))
    return "USING" in keywords or "WITH" in keywords


def add_using(text: str, using: list[str], using_named: list[str]) -> str:
    """Insert `USING <g>` / `USING NAMED <g>` before the WHERE of every DELETE/INSERT operation.

    That is what the protocol's using-graph-uri / using-named-graph-uri mean (SPARQL 1.1 Protocol 2.2.3);
    pyoxigraph has no parameter for it. DELETE WHERE and the DATA forms take no USING and are left alone.
    """
    if not using and not using_named:
        return text
    clause = " " + " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named]) + " "
    tokens = tokenize(text)
    inserts: list[int] = []
    op_start = True
    previous = None
    modify = False
    for tok in tokens:
        if tok.depth != 0:
            continue
        word = tok.text.upper()
        if tok.kind == "punct" and word == ";":
            op_start, modify, previous = True, False, None
            continue
        if tok.kind == "keyword":
            if op_start and word not in ("BASE", "PREFIX"):
                modify = word in ("DELETE", "INSERT")
                op_start = False
            elif word == "WHERE" and modify and previous != "DELETE":
                inserts.append(tok.start)
        previous = word
    for pos in reversed(inserts):
        text = text[:pos] + clause + text[pos:]
    return text


def limit_drop_all(text: str, graphs: list[str], clear_default: bool) -> str:
    """`DROP|CLEAR [SILENT] ALL|NAMED` made to mean only the graphs listed (the ones updates own) and, for ALL,
    the default graph when `clear_default`: each such operation becomes one `DROP|CLEAR SILENT GRAPH <g>` per
    graph (and `CLEAR SILENT DEFAULT`). An operation left with nothing to act on becomes a no-op
    (`CLEAR SILENT GRAPH` of a graph nobody holds). Every other operation is left as it is."""
    tokens = [t for t in tokenize(text) if t.depth == 0]
    edits: list[tuple[int, int, str]] = []
    op_start = True
    for i, tok in enumerate(tokens):
        word = tok.text.upper()
        if tok.kind == "punct" and word == ";":
            op_start = True
            continue
        if tok.kind != "keyword":  # a prefix name or IRI of the prologue keeps the operation's start ahead
            op_start = op_start and tok.kind in ("pname", "iri")
            continue
        if op_start and word in ("DROP", "CLEAR"):
            j = i + 1
            if j < len(tokens) and tokens[j].kind == "keyword" and tokens[j].text.upper() == "SILENT":
                j += 1
            if j < len(tokens) and tokens[j].kind == "keyword" and tokens[j].text.upper() in ("ALL", "NAMED"):
                target = tokens[j]
                ops = [f"{word} SILENT GRAPH <{g}>" for g in graphs]
                if target.text.upper() == "ALL" and clear_default:
                    ops.append("CLEAR SILENT DEFAULT")
                if not ops:
                    ops = ["CLEAR SILENT GRAPH <urn:itukg:no-graph>"]
                edits.append((tok.start, target.start + len(target.text), " ; ".join(ops)))
        op_start = word in ("BASE", "PREFIX") and op_start
    for start, end, replacement in reversed(edits):
        text = text[:start] + replacement + text[end:]
    return text
