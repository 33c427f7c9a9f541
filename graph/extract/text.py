"""Generic English text helpers the extractors share: sentences, lines, numbers written as words, slugs."""
from __future__ import annotations

import re
import unicodedata

#: Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "inc", "co", "ltd", "corp", "dr", "mr", "mrs", "ms", "prof", "st", "no", "nos", "vol", "e.g", "i.e", "etc",
    "vs", "h.e", "jr", "sr", "s.a", "u.s", "p.r", "rep", "dept", "approx", "fig", "al", "ca", "sept", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
}

_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)(?=\s+[\"'“‘(\[]?[A-Z0-9•·])|\n")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence boundaries (start, end) in text[start:end]; line breaks always end a sentence."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    s = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group() != "\n":
            word = re.search(r"([\w.-]+)\.?$", text[max(s, m.start() - 12):m.start()])  # 'ITU-T.' is no initial
            if word and (word.group(1).lower().rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
                continue
        e = m.end() if m.group() != "\n" else m.start()
        if text[s:e].strip():
            out.append(_trim(text, s, e))
        s = m.end()
    if text[s:end].strip():
        out.append(_trim(text, s, end))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as trimmed (start, end) offsets."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = _trim(text, pos, pos + len(line))
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


_CELLS = re.compile(r"\t|\s\|\s| {3,}|^\s*\|")  # a table row written out (or its rule, '|---|---|'): never a wrapped line
#: a paragraph's number with the spaces after it ('6.1     TSAG noted ...'): no cells of a table
_PARAGRAPH_NUMBER = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.?|\(?[a-z]\))[ \t]+")
_LIST_START = re.compile(r"\s*(?:[-•*·▪–○●◦■□※・]|\(?\d{1,2}[.)]|\(?[a-z][.)]|[A-Z][\w ]{0,30}:)(?:\s|$)")  # 'Panellists:' alone too


#: a line of a list of entries: 'Ana Example, Apex Mobile, Kenya', 'Jun Sample, KT Corporation, Republic of Korea (Chair)'
_ENTRY = re.compile(r"\s*(?:[-•*·▪–]\s*)?[A-Z][^,.;:\n]{1,60}(?:,[ \t]*[A-Z][^,;:\n]{1,60}){2,3}\s*")


#: a line of a list whose fields spaced dashes part: 'Rostelecom — Russian Federation — Mr Ivan Example'
_DASHED_ENTRY = re.compile(r"\S[ \t]+[–—][ \t]+\S[^\n]*?\S[ \t]+[–—][ \t]+\S")
#: 'Jangsu Networks (Republic of Korea) — Seo Yeon-woo, Executive Vice President and' over an indented 'Head of ...':
#: a body, its country, a dash, then a person whose post may go on over the line under it
_BODY_DASH_ENTRY = re.compile(r"[ \t]*[A-Z][^\n]{1,100}?\)[ \t]+[–—][ \t]+[A-Z]")


def _a_title(line: str) -> bool:
    """'Global Standards Symposium (GSS-20)' under a speaker's line ('Mr A, Director, TSB'): a heading in title case, a
    line of its own (a wrapped sentence's next line has lower-case words, or ends it)."""
    if line.count(",") >= 2 or line.lstrip().startswith("("):
        return False  # 'Ngong Hills' ending a line of a list's items, '(China), Sakuragawa ...' going on with one
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    long = [w for w in words if len(w) >= 4]
    from .people import starts_with_styles  # people reads sentences with this module
    return 2 <= len(words) <= 12 and bool(long) and all(w[0].isupper() for w in long) \
        and words[-1][0].isupper() and not any(starts_with_styles(w) for w in words[1:]) \
        and line.rstrip()[-1:] not in ".,;:" and not re.search(r"\b(?:and|or|the|of)\s*$", line.rstrip())


def _wrap_width(text: str) -> tuple[int, list[int]]:
    """The width a hard-wrapped text runs to (its lines' 90th percentile length; 0 under four lines) and the lengths
    of its lines that are not blank, sorted."""
    lengths = sorted(len(x.rstrip()) for x in text.split("\n") if x.strip())
    return (lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 4 else 0), lengths


def dehang(text: str) -> tuple[str, list[int] | None]:
    """Text laid out with hanging indents (a PDF's report: '1.1         The meeting was held in' over lines
    indented to where 'The' starts) with each such wrap, and the indent after it, turned into one space; and where
    each character of the result stands in `text` (None, with `text` itself, when nothing was joined).

    A line is joined to the next one when the next is indented exactly to where the line's text starts after its label
    column ('1.1', 'Abstract:', '-'), the line was wrapped (the next line's first word would not have fitted on it, at
    the width `unwrap` measures) and does not end a sentence or a label. An indented line without a label is joined
    only when it goes on a paragraph so joined or opens a sentence after one that ended in the same column. A line of
    cells (runs of spaces in its text), an entry of a list aligned under a label's value and a next line that opens an
    item are never joined. Unlike `unwrap` this changes the length, so the facts read from the result are moved back
    to the original's offsets (facts.spans_moved)."""
    lines = text.split("\n")
    width, _ = _wrap_width(text)
    if not 50 <= width <= 120:
        return text, None
    joins: list[tuple[int, int]] = []  # (start, end) in text of what becomes one space
    pos = 0
    joined = False  # the line is itself the continuation of a join
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        indent = len(nxt) - len(nxt.lstrip(" "))
        stripped = line.rstrip()
        # (lines aligned under a label's value that were not joined to it are the entries of a list: 'Vice-chairs:  A
        # (China)' over '              B (Brazil)')
        prev = lines[i - 1] if i else ""
        after_a_sentence = len(prev) > indent and prev[indent - 1] == " " != prev[indent] and prev.rstrip()[-1:] in ".!?"
        joined = indent >= 4 and nxt.strip() != "" and indent < len(stripped) and line[indent - 1] == " " != line[indent] \
            and ((joined or after_a_sentence) if not line[:indent].strip() else bool(_LABEL_COLUMN.fullmatch(line[:indent]))) \
            and len(stripped) + 1 + len(nxt.split()[0]) > 0.9 * width and stripped[-1] not in ".:;!?" \
            and not _CELLS.search(stripped[indent:]) and not _LIST_START.match(nxt[indent:])
        if joined:
            joins.append((pos + len(stripped), pos + len(line) + 1 + indent))
        pos += len(line) + 1
    if not joins:
        return text, None
    out: list[str] = []
    where: list[int] = []
    last = 0
    for start, end in joins:
        out.append(text[last:start] + " ")
        where.extend(range(last, start + 1))
        last = end
    out.append(text[last:])
    where.extend(range(last, len(text) + 1))  # and one past the end
    return "".join(out), where


#: the field names of a meeting's block ('Venue', 'Dates', 'Host'), as a line says them (extract.meetings reads the
#: fields with the same names)
FIELD_NAMES = (r"dates?|venue|place|location|city|host(?:ed[ \t]+by|[ \t]+organi[sz]ation)?|time|format|mode|when|where|"
               r"held[ \t]+with|co(?:-|l)?located[ \t]+(?:with|event)")
_FIELD_NAME = rf"(?:meeting[ \t]+)?(?:{FIELD_NAMES})"
#: a field's name alone on its line, its value on the next ('Venue' over 'Palais des Nations, Geneva'), the name
#: maybe given first in another language ('Lieu / Venue')
_FIELD_NAME_LINE = re.compile(rf"(?P<lead>[ \t]*(?:[-*•▪][ \t]*)?)(?:(?P<other>[^\W\d_][^\n/:]{{0,30}}?)[ \t]*/[ \t]*)?"
                              rf"(?P<name>{_FIELD_NAME})(?:[ \t]*/[ \t]*(?P<after>[^\W\d_][^\n/:]{{0,30}}?)(?=[ \t]*(?::|$)))?[ \t]*(?P<colon>:)?"
                              r"(?P<rest>[ \t]*\S[^\n]*)?", re.IGNORECASE)


#: a verb of a sentence: a line saying one is prose under a heading ('Venue' / 'The meeting was held at ...'), no value
_CLAUSE = re.compile(r"\b(?:is|was|were|are|will|has|have|had|be|been)\b", re.IGNORECASE)


def fields_on_one_line(text: str) -> tuple[str, list[int] | None]:
    """Text whose meeting fields are each written as a name line over a value line ('Venue' / 'Palais des Nations,
    Geneva', as a two-column table or a definition list becomes text), or named in two languages ('Lieu / Venue:'),
    with each field on one line in English: 'Venue: Palais des Nations, Geneva'. Returns it with where each of its
    characters stands in `text` (None, with `text` itself, when nothing changed): as for `dehang`, the facts read
    from it are moved back (facts.spans_moved). One blank line may part the name from its value."""
    lines = text.split("\n")
    out: list[str] = []
    where: list[int] = []
    pos = 0
    changed = False
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _FIELD_NAME_LINE.fullmatch(line)
        other = m and (m.group("other") or m.group("after"))
        if m and other and other.strip().lower() != m.group("name").lower() and \
                re.fullmatch(_FIELD_NAME, other.strip(), re.IGNORECASE):
            m = None  # 'Date / Time': two fields, not one in two languages ('Dates / Dates' is one)
        value = None
        stacked = i and (above := _FIELD_NAME_LINE.fullmatch(lines[i - 1])) is not None and not above.group("rest")
        if m and not m.group("rest") and not stacked:  # (names stacked one a line head a table's columns)
            j = i + 1 + (i + 2 < len(lines) and not lines[i + 1].strip())
            nxt = lines[j] if j < len(lines) else ""
            if nxt.strip() and len(nxt) <= 160 and not _FIELD_NAME_LINE.fullmatch(nxt) and not _CLAUSE.search(nxt):
                value = j
        if m is None or (value is None and not (other and m.group("colon"))):
            out.append(line)
            where.extend(range(pos, pos + len(line) + 1))
            pos += len(line) + 1
            i += 1
            continue
        changed = True
        out.append(m.group("lead") + m.group("name") + ":")
        where.extend(range(pos, pos + len(m.group("lead"))))
        where.extend(range(pos + m.start("name"), pos + m.end("name")))
        where.append(pos + (m.start("colon") if m.group("colon") else m.end("name")))
        if value is None:  # 'Lieu / Venue: Palais ...' on one line
            rest = line[m.end("colon"):]
            out[-1] += rest
            where.extend(range(pos + m.end("colon"), pos + len(line) + 1))
            pos += len(line) + 1
            i += 1
            continue
        gap_end = pos + sum(len(x) + 1 for x in lines[i:value])  # where the value's line starts
        nxt = lines[value]
        lead = len(nxt) - len(nxt.lstrip(" \t"))
        out[-1] += " " + nxt.lstrip(" \t")
        where.append(gap_end - 1)  # the space stands for the line break before the value
        where.extend(range(gap_end + lead, gap_end + len(nxt) + 1))
        pos = gap_end + len(nxt) + 1
        i = value + 1
    if not changed:
        return text, None
    return "\n".join(out), where  # (each line's characters and the break after it: one past the end, last)


def compose(first: list[int] | None, then: list[int] | None) -> list[int] | None:
    """Where each character stands in the original after two rewritings (dehang, then fields_on_one_line): `then`
    maps into the text `first` maps into the original."""
    if then is None:
        return first
    if first is None:
        return then
    return [first[i] for i in then]


#: the label column of a line laid out with a hanging indent: '1.1         ', 'Abstract:   ', '    -   '
_LABEL_COLUMN = re.compile(r" *\S.{0,24}?\S? {2,}")


#: a gap of exactly two spaces between two cells of a line ('Takeda Haruki  Aozora Telecom  CTO (Japan)')
_TWO_SPACE_GAP = re.compile(r"(?<=[^\s!?:;,.]) {2}(?=\S)|(?<=\.) {2}(?=\S)")
#: a list's mark before a line's first cell
_LINE_MARK = re.compile(r"[ \t]*(?:[-•*·▪–○●◦・]|\(?\d{1,2}[.)])?[ \t]*")


def two_space_columns(text: str) -> str:
    """Text whose lists set out in columns two spaces apart (three lines or more in a row, each of the same three
    cells or more, none longer than 80 characters) have each such gap written ' <TAB>': the same length, so every
    offset still points into the original, and the readers of tables and lists in columns see the cells."""
    from .legalforms import abbreviation_end  # (legal forms are reference data read on first use)

    lines = text.split("\n")
    cuts: list[list[int]] = []
    for line in lines:
        mark = _LINE_MARK.match(line)
        body = mark.end() if mark else 0
        # (after a full stop only when it ends an abbreviation: 'Example Co., Ltd.  CTO', not 'It opened.  Then')
        gaps = [m.start() for m in _TWO_SPACE_GAP.finditer(line, body)
                if line[m.start() - 1] != "." or abbreviation_end().search(line, 0, m.start())]
        bounds = [body] + [g + 2 for g in gaps] + [len(line)]
        cells_ok = len(gaps) >= 2 and "   " not in line and "\t" not in line and all(
            0 < b - a <= 82 for a, b in zip(bounds, bounds[1:]))
        cuts.append(gaps if cells_ok else [])
    out = list(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and cuts[j] and len(cuts[j]) == len(cuts[i]):
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                chars = list(lines[k])
                for g in cuts[k]:
                    chars[g + 1] = "\t"
                out[k] = "".join(chars)
        i = max(j, i + 1)
    return "\n".join(out)


def unwrap(text: str, measured: str | None = None) -> str:
    """Hard-wrapped prose (a PDF's lines, a text wrapped at 72 columns) with each wrap turned into a space: the same
    length, so every offset still points into the original text.

    A line is a wrap, not an end, when the text is hard-wrapped (most of its lines run close to one width of at
    most 120 characters), the line is long (at least 60% of that width), does not end a sentence or a label
    ('.', ':', ';', '!', '?') and the next line carries on (not blank, no bullet, number or 'Label:' starting
    it). Short lines (headings, one-item-per-line lists), lines that each open with a style ('Mr', 'Dr': one person a
    line) or are each an entry ('Name, Body, Country', 'Body — Country — Name'), rows of a table (cells between tabs,
    bars, runs of spaces, or as many '; ' as the next row has) and paragraphs written on one line are never joined.
    The width is measured on `measured` when given: the original of a text whose hanging indents `dehang` joined."""
    lines = text.split("\n")
    width, lengths = _wrap_width(measured or text)
    if not 50 <= width <= 120 or sum(n >= 0.6 * width for n in lengths) < 0.4 * len(lengths):
        return text
    from .people import starts_with_styles  # people reads sentences with this module
    styled = [starts_with_styles(x.lstrip()) or bool(_ENTRY.fullmatch(x)) or bool(_DASHED_ENTRY.search(x)) for x in lines]
    entries = [a or bool(_BODY_DASH_ENTRY.match(x)) for a, x in zip(styled, lines)]
    out = list(text)
    pos = 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        stripped = line.rstrip()
        nxt = lines[i + 1]
        if len(stripped) >= 0.6 * width and stripped[-1:] not in ".:;!?" and nxt.strip() \
                and not _LIST_START.match(nxt) and not stripped.endswith("-") and not _CELLS.search(stripped, _after_number(stripped, nxt)) \
                and not 2 <= stripped.count("; ") == nxt.count("; ") \
                and not (styled[i] and _a_title(nxt)) \
                and not (entries[i] and entries[i + 1] and stripped.count("(") <= stripped.count(")")
                         and not (i and out[pos - len(line) - 1] == " ")):
            # 'Mr A, CTO, Apex' over 'Dr B, ...': a list of people (or of entries: 'A, Apex Mobile, Kenya' over 'B, Beta,
            # Japan'); an entry whose bracket is still open goes on ('..., Lac Telecom (Viet' over 'Nam), ...'), and so
            # does a line that a wrap joined to the one before (an inline list wrapped over lines)
            out[pos] = " "
        pos += 1  # the newline
    return "".join(out)


def _after_number(line: str, nxt: str) -> int:
    """Where a numbered paragraph's text starts ('6.1     TSAG noted'), when its next line goes on flush left (joined,
    it makes no run of spaces inside a name: an indented next line stays a line of its own); else 0."""
    number = _PARAGRAPH_NUMBER.match(line)
    return number.end() if number and not nxt[:2].isspace() else 0


def line_end(text: str, pos: int) -> int:
    """Where the line holding pos ends (its newline, or the text's end)."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence that contains `offset`."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    for s, e in sentences(text, line_start, line_end):
        if s <= offset < e:
            return s, e
    return _trim(text, line_start, line_end)


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_UNITS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth"]
_ORDINAL_TENS = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
                 "ninetieth"]

CARDINALS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
ORDINALS: dict[str, int] = {w: i for i, w in enumerate(_ORDINAL_UNITS)}
for _t in range(2, 10):
    CARDINALS[_TENS[_t]] = _t * 10
    ORDINALS[_ORDINAL_TENS[_t]] = _t * 10
    for _u in range(1, 10):
        for _sep in ("-", " "):
            CARDINALS[f"{_TENS[_t]}{_sep}{_UNITS[_u]}"] = _t * 10 + _u
            ORDINALS[f"{_TENS[_t]}{_sep}{_ORDINAL_UNITS[_u]}"] = _t * 10 + _u
CARDINALS["a hundred"] = CARDINALS["one hundred"] = 100
CARDINALS["a dozen"] = 12

def _letter_class(test) -> str:
    """The Latin letters (Latin-1, Latin Extended-A and -B, Latin Extended Additional) that pass `test`, as the
    inside of a regular-expression class of ranges: names are written with 'ł', 'ı', 'ő', 'ș' and 'ạ' too."""
    codes = [c for c in (*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00))
             if test(chr(c))]
    ranges: list[list[int]] = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


#: the capital and the small Latin letters, for a class: f"[{UPPER}][{LOWER}]+" is a capitalised word in any of them
UPPER, LOWER = _letter_class(str.isupper), _letter_class(str.islower)


def _trie(words) -> str:
    """One regex for a set of words, as a trie: at each position the engine follows one branch instead of trying
    every word ('twenty-one' and 'twenty' share 'twenty'), and the longest word still wins."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(tree) + ")"


CARDINAL_PATTERN = rf"(?:\d{{1,5}}(?:,\d{{3}})*|{_trie(CARDINALS)})"
ORDINAL_PATTERN = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|first-ever|{_trie(ORDINALS)})"


def cardinal(word: str) -> int | None:
    """'Fifteen' -> 15, '1,200' -> 1200."""
    w = word.strip().lower()
    if re.fullmatch(r"\d{1,5}(?:,\d{3})*", w):
        return int(w.replace(",", ""))
    return CARDINALS.get(w)


def ordinal(word: str) -> int | None:
    """'tenth' -> 10, '7th' -> 7, 'first-ever' -> 1."""
    w = word.strip().lower()
    if w == "first-ever":
        return 1
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", w)
    if m:
        return int(m.group(1))
    return ORDINALS.get(w)


def slugify(text: str) -> str:
    """A stable, readable IRI segment: 'Rohde & Schwarz' -> 'rohde-schwarz'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


def clean(text: str) -> str:
    """Collapse whitespace and strip surrounding punctuation a list item or heading may carry."""
    return re.sub(r"\s+", " ", text).strip(" \t\n,;:.")
