"""SPARQL syntax errors as sentences: where (line, column, the text there) and what was expected, in words.

pyoxigraph (0.5, a rust-peg parser) raises SyntaxError("error at L:C: expected one of A, B, ..."), where the
expected set mixes keywords (SELECT), quoted tokens ("{"), character classes (['0'..='9'], [_] for "any
character") and the parser's own messages ("Prefix not found"). A reader wants the position in words, the text
found there and a short list; the engine's text is kept below the sentence for those who know it.
"""
from __future__ import annotations

import re

from ..graph.errors import QuerySyntaxError

_POSITION = re.compile(r"error at (\d+):(\d+)")
_KEYWORD = re.compile(r"^[A-Z][A-Z0-9_]*$")
#: Most items listed; the rest are counted.
LIST_LIMIT = 12


def syntax_error(text: str, exc: SyntaxError, what: str = "SPARQL", line_offset: int = 0) -> QuerySyntaxError:
    """The QuerySyntaxError for `exc`, raised by the engine on `text`. `line_offset`: lines the engine saw before
    `text` (a prologue the caller added)."""
    engine = str(exc.msg if getattr(exc, "msg", None) else exc)
    m = _POSITION.search(engine)
    if not m:
        return QuerySyntaxError(f"{what} syntax error: {' '.join(engine.split())}")
    line_no, col = int(m.group(1)) - line_offset, int(m.group(2))
    if line_no > 1:  # pyoxigraph 0.5 counts the newline into the column on every line but the first
        col -= 1
    lines = text.splitlines() or [""]
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    rest = line[max(col - 1, 0):]
    at_end = not rest.strip() and line_no >= len(lines)
    noun = "update" if "update" in what.lower() else "query"
    where = (f"at line {line_no}, column {col} "
             + (f"(at the end of the {noun})" if at_end else f"(near `{_snippet(line, col)}`)" if rest.strip()
                else "(at the end of the line)"))
    problem = describe_expected(engine[m.end():].lstrip(": "), noun if at_end else None)
    caret = " " * max(col - 1, 0) + "^"
    return QuerySyntaxError(f"{what} syntax error {where}: {problem}",
                            detail=f"{line}\n{caret}\n(the engine said: {' '.join(engine.split())})")


def _snippet(line: str, col: int) -> str:
    """The text at the error: two words from the start of the word the column falls in or ends, at most 24
    characters (the parser may stop inside a name or after it: `SELEC * WHERE` fails at the H, an unknown prefix
    after `foo:bar`)."""
    start = max(col - 1, 0)
    while 0 < start <= len(line) and (line[start - 1].isalnum() or line[start - 1] in "_:-?$"):
        start -= 1
    words = " ".join(line[start:].split()[:2])
    return words if len(words) <= 24 else words[:23] + "…"


def describe_expected(detail: str, ended: str | None = None) -> str:
    """'expected one of ...' as words: the parser's own message if it gave one, else the tokens it expected.
    `ended`: "query" or "update" when the error is at the end of the text."""
    if not detail.startswith("expected"):
        return " ".join(detail.split()) or "not valid here"
    tokens, messages = [], []
    for item in split_items(detail[len("expected"):].strip().removeprefix("one of").strip()):
        if item.startswith('"') and item.endswith('"') and len(item) >= 2:
            tokens.append(f"`{_unquote(item[1:-1])}`")
        elif _KEYWORD.match(item):
            tokens.append("the end" if item == "EOF" else item)
        elif item.startswith("["):
            name = _character_class(item)
            if name and name not in tokens:
                tokens.append(name)
        elif item:
            messages.append(" ".join(item.split()))
    if messages:
        return "; ".join(_sentence_case(m) for m in messages)
    if not tokens:
        return f"the {ended} ends too early" if ended else "this is not valid here"
    prefix = f"the {ended} ends too early; expected " if ended else "expected "
    if len(tokens) == 1:
        return prefix + tokens[0]
    shown = tokens[:LIST_LIMIT]
    more = len(tokens) - len(shown)
    listed = ", ".join(shown[:-1]) + (f", {shown[-1]} or {more} more" if more else f" or {shown[-1]}")
    return prefix + "one of " + listed


def split_items(text: str) -> list[str]:
    """The comma-separated items of an expected set; commas inside quotes or brackets do not separate."""
    items, current, depth, quote, escaped = [], [], 0, "", False
    for ch in text:
        if quote:
            current.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == quote:
                quote = ""
            continue
        if ch in "\"'":
            quote = ch
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(depth - 1, 0)
        elif ch == "," and depth == 0:
            items.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    items.append("".join(current).strip())
    return [i for i in items if i]


def _unquote(token: str) -> str:
    return re.sub(r"\\(.)", r"\1", token)


def _character_class(item: str) -> str | None:
    """A name for a rust-peg character class, or None for those that say nothing to a reader ([_]: any)."""
    if "'A'" in item or "'a'" in item:
        return "a name"
    if "'0'" in item:
        return "a number"
    return None


def _sentence_case(text: str) -> str:
    """'Prefix not found' -> 'prefix not found' (but 'IRI parsing failed' stays)."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text
