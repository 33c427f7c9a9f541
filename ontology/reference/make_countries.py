#!/usr/bin/env python3
"""(Re)write countries.ttl: one itukg:Country per ISO 3166-1 country, from pycountry.

    python ontology/reference/make_countries.py            # rewrites countries.ttl beside this script
    python ontology/reference/make_countries.py -o FILE    # writes FILE instead ("-" for stdout)

Inputs (all beside this script):
  * pycountry (ISO 3166-1): alpha-2, alpha-3, name, common_name, official_name;
  * country-aliases.csv (alpha2,alias,label): extra spellings documents use; a row with
    label=yes gives the rdfs:label / skos:prefLabel instead of pycountry's name;
  * country-wikidata.csv (alpha2,wikidata,wikipedia_title): the only verified external ids
    (skos:exactMatch wd:Q..., skos:closeMatch en.wikipedia). Add a row only with evidence.

The committed countries.ttl is this script's output: edit the CSV files, never countries.ttl.
The output is deterministic (sorted), so a rerun with the same pycountry reproduces it.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from urllib.parse import quote

import pycountry

HERE = Path(__file__).resolve().parent
ALIASES_CSV = HERE / "country-aliases.csv"
WIKIDATA_CSV = HERE / "country-wikidata.csv"
DEFAULT_OUT = HERE / "countries.ttl"
VERSION = "1.0.0"

HEADER = """\
# countries.ttl: every ISO 3166-1 country as itukg:Country (id:country/{{ISO alpha-2}}).
# Version {version} (pycountry {pycountry_version}). Licence: CC BY 4.0
# (https://creativecommons.org/licenses/by/4.0/), part of the itukg reference data.
#
# GENERATED FILE: do not edit by hand. It is written by ontology/reference/make_countries.py.
# Sources: ISO 3166-1 as packaged by pycountry (codes, names, official names, common names);
# ontology/reference/country-aliases.csv (extra spellings used in ITU documents, e.g. "Korea",
# "USA", "UK", "Korea (Rep. of)"); ontology/reference/country-wikidata.csv (Wikidata QIDs and
# English Wikipedia titles, only those verified in shared/reference/external-links.csv).
#
# To add an alias: add a row "alpha2,alias," to country-aliases.csv and rerun the script.
# An alias must not be a common English word and must not name any other entity
# (city, organization, ...). Matching is case-insensitive, except for all-caps acronyms.
"""

PREFIXES = """\
# Instance IRIs are written relative to @base (= id:), e.g. <country/ZA> is id:country/ZA:
# Turtle prefixed names cannot contain "/".
@base <https://w3id.org/itukg/id/> .
@prefix itukg: <https://w3id.org/itukg/ontology#> .
@prefix id: <https://w3id.org/itukg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix wd: <http://www.wikidata.org/entity/> .
"""


def turtle_string(value: str) -> str:
    """A Turtle short string literal (double quotes), escaped."""
    escaped = (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"'


def wikipedia_iri(title: str) -> str:
    """https://en.wikipedia.org/wiki/Title with spaces as underscores, IRI-safe."""
    return "https://en.wikipedia.org/wiki/" + quote(title.replace(" ", "_"), safe="_(),.'-:!")


def read_aliases(path: Path = ALIASES_CSV) -> tuple[dict[str, list[str]], dict[str, str]]:
    aliases: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = row["alpha2"].strip().upper()
            alias = row["alias"].strip()
            if not code or not alias:
                continue
            if (row.get("label") or "").strip().lower() == "yes":
                if code in labels:
                    raise ValueError(f"{path.name}: two label rows for {code}")
                labels[code] = alias
            else:
                aliases.setdefault(code, []).append(alias)
    return aliases, labels


def read_wikidata(path: Path = WIKIDATA_CSV) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out[row["alpha2"].strip().upper()] = (
                row["wikidata"].strip(),
                row["wikipedia_title"].strip(),
            )
    return out


def _with_typographic_apostrophe(names: list[str]) -> list[str]:
    """Add the ’ spelling of every name with an ASCII apostrophe (documents use both)."""
    out = list(names)
    for name in names:
        if "'" in name:
            out.append(name.replace("'", "\u2019"))
    return out


def country_block(country, aliases: dict[str, list[str]], labels: dict[str, str],
                  wikidata: dict[str, tuple[str, str]]) -> str:
    code = country.alpha_2
    name = country.name
    common = getattr(country, "common_name", None)
    official = getattr(country, "official_name", None)
    label = labels.get(code) or common or name
    candidates = [name, common, official, *aliases.get(code, [])]
    if code in labels:
        candidates.append(labels[code])
    seen = {label}
    alt: list[str] = []
    for candidate in _with_typographic_apostrophe([c for c in candidates if c]):
        if candidate not in seen:
            seen.add(candidate)
            alt.append(candidate)
    lines = [
        f"<country/{code}> a itukg:Country ;",
        f"    rdfs:label {turtle_string(label)} ;",
        f"    skos:prefLabel {turtle_string(label)}@en ;",
    ]
    if alt:
        joined = " ,\n        ".join(f"{turtle_string(a)}@en" for a in sorted(alt))
        lines.append(f"    skos:altLabel {joined} ;")
    lines += [
        f"    skos:notation {turtle_string(code)} ;",
        f"    itukg:isoAlpha2 {turtle_string(code)} ;",
        f"    itukg:isoAlpha3 {turtle_string(country.alpha_3)} ;",
    ]
    if code in wikidata:
        qid, title = wikidata[code]
        if qid:
            lines.append(f"    skos:exactMatch wd:{qid} ;")
        if title:
            lines.append(f"    skos:closeMatch <{wikipedia_iri(title)}> ;")
    lines[-1] = lines[-1][: -len(" ;")] + " ."
    return "\n".join(lines)


def render() -> str:
    aliases, labels = read_aliases()
    wikidata = read_wikidata()
    codes = {c.alpha_2 for c in pycountry.countries}
    unknown = (set(aliases) | set(labels) | set(wikidata)) - codes
    if unknown:
        raise ValueError(f"codes not in ISO 3166-1: {sorted(unknown)}")
    version = getattr(pycountry, "__version__", None)
    if version is None:
        from importlib.metadata import version as _v

        version = _v("pycountry")
    parts = [HEADER.format(version=VERSION, pycountry_version=version), PREFIXES]
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        parts.append(country_block(country, aliases, labels, wikidata))
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", default=str(DEFAULT_OUT),
                        help="output file ('-' for stdout); default: countries.ttl beside this script")
    args = parser.parse_args(argv)
    text = render()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
