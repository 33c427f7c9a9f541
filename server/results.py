"""SPARQL result writers (JSON, XML, CSV, TSV) that stop after a maximum number of rows.

pyoxigraph's own result serializers cannot stop early, and the row limit must hold while the rows stream
out of the evaluator. These follow the W3C result formats and RDF 1.1: a plain literal is written without
a datatype (no explicit xsd:string), a language-tagged one with xml:lang only.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _limited(rows: Iterable, limit: int, state: dict) -> Iterator:
    """Yield at most `limit` rows; set state['truncated'] when more were available."""
    count = 0
    for row in rows:
        if count >= limit:
            state["truncated"] = True
            return
        count += 1
        yield row
    state["rows"] = count


# --- JSON -------------------------------------------------------------------------------------------------

def json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
            if getattr(term, "direction", None):
                out["its:dir"] = str(term.direction)
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": json_term(term.subject),
                                            "predicate": json_term(term.predicate),
                                            "object": json_term(term.object)}}
    raise TypeError(f"unexpected term {term!r}")


def solutions_json(variables: list[str], rows: Iterable, limit: int, state: dict) -> bytes:
    out = io.StringIO()
    out.write('{"head":{"vars":' + json.dumps(variables) + '},"results":{"bindings":[')
    first = True
    for row in _limited(rows, limit, state):
        binding = {}
        for name in variables:
            term = row[name]
            if term is not None:
                binding[name] = json_term(term)
        out.write(("" if first else ",\n") + json.dumps(binding, ensure_ascii=False))
        first = False
    out.write("]}}\n")
    return out.getvalue().encode("utf-8")


def boolean_json(value: bool) -> bytes:
    return ('{"head":{},"boolean":' + ("true" if value else "false") + "}\n").encode()


# --- XML --------------------------------------------------------------------------------------------------

_XML_HEAD = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    raise TypeError(f"unexpected term {term!r}")


def solutions_xml(variables: list[str], rows: Iterable, limit: int, state: dict) -> bytes:
    out = io.StringIO()
    out.write(_XML_HEAD + "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in variables) + "</head>\n")
    out.write("<results>\n")
    for row in _limited(rows, limit, state):
        out.write("<result>")
        for name in variables:
            term = row[name]
            if term is not None:
                out.write(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.write("</result>\n")
    out.write("</results>\n</sparql>\n")
    return out.getvalue().encode("utf-8")


def boolean_xml(value: bool) -> bytes:
    return (_XML_HEAD + f"<head/>\n<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n").encode()


# --- CSV / TSV ------------------------------------------------------------------------------------------

def _csv_field(term) -> str:
    if term is None:
        text = ""
    elif isinstance(term, (ox.NamedNode, ox.Literal)):
        text = term.value
    else:
        text = str(term)  # _:b0 and triple terms
    if any(c in text for c in '",\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def solutions_csv(variables: list[str], rows: Iterable, limit: int, state: dict) -> bytes:
    out = io.StringIO()
    out.write(",".join(_csv_field(ox.Literal(v)) for v in variables) + "\r\n")
    for row in _limited(rows, limit, state):
        out.write(",".join(_csv_field(row[v]) for v in variables) + "\r\n")
    return out.getvalue().encode("utf-8")


def _tsv_field(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and not term.language and term.datatype.value == _XSD_STRING:
        text = '"' + term.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        text = str(term)  # N-Triples form
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def solutions_tsv(variables: list[str], rows: Iterable, limit: int, state: dict) -> bytes:
    out = io.StringIO()
    out.write("\t".join("?" + v for v in variables) + "\n")
    for row in _limited(rows, limit, state):
        out.write("\t".join(_tsv_field(row[v]) for v in variables) + "\n")
    return out.getvalue().encode("utf-8")


def boolean_csv(value: bool) -> bytes:
    """Not standardised; like Jena: one column named _askResult."""
    return f"_askResult\r\n{'true' if value else 'false'}\r\n".encode()


def boolean_tsv(value: bool) -> bytes:
    return f"?_askResult\n{'true' if value else 'false'}\n".encode()


SOLUTION_WRITERS = {"json": solutions_json, "xml": solutions_xml, "csv": solutions_csv, "tsv": solutions_tsv}
BOOLEAN_WRITERS = {"json": boolean_json, "xml": boolean_xml, "csv": boolean_csv, "tsv": boolean_tsv}
