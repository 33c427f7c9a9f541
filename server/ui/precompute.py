"""The UI's whole-graph tables computed once, when a generation is written, and read back when it is loaded.

On a graph of 10,000 meetings, computing the index, the meeting, participation and meeting-topic tables, what
the documents and the reference data name, the people list's columns, search's sorted word starts and the
ontology page takes about two minutes; read from a file it takes a few seconds, during the load (before the new snapshot serves anything). So a build (graph/build.py)
calls `write_tables` on the generation it is about to publish, the server's loader (server/store.py) reads the
file into `Snapshot.precomputed`, and `cache.cached` takes a table from there instead of computing it. A
generation without the file (built before it existed, or loaded from files) computes as before.

The file (graph/dataset.py UI_TABLES_FILE) is gzipped JSON: {"format": FORMAT, "tables": {name: encoded
table}}, each table encoded as plain JSON values (sets as sorted lists, tuples as lists) and decoded, by the
loader, back to exactly what the computing function returns (tests/test_ui_precompute.py compares them on the
bundled corpus). A table that names a blank node is left out: blank node labels change at every load.
"""
from __future__ import annotations

import gzip
import json
import logging
import os
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...graph import dataset as ds
from . import (
    home as _home,
    index as _index,
    lists as _lists,
    ontology as _ontology,
    search as _search,
    tables as _tables,
)
from .sparql import select

log = logging.getLogger(__name__)

#: The version of the file's layout; a file of another version is ignored (the tables are then computed).
FORMAT = 1


@dataclass(frozen=True)
class Table:
    compute: Callable  # snapshot -> the table, as the UI computes it
    encode: Callable  # table -> JSON value
    decode: Callable  # JSON value -> table (equal to what compute returns)
    #: whether the table may hold a blank node's label (the index, the ontology page and the sets of what the
    #: documents and the reference name keep IRIs only)
    blank_nodes: bool = False


def _same(value):
    return value


def _encode_index(ix: _index.Index) -> dict:
    return {"labels": ix.labels, "types": {s: sorted(t) for s, t in ix.types.items()}, "kinds": ix.kinds,
            "entries": ix.entries, "by_kind": ix.by_kind}


def _decode_index(value: dict) -> _index.Index:
    return _index.Index(labels=value["labels"], types={s: set(t) for s, t in value["types"].items()},
                        kinds=value["kinds"], entries=[tuple(e) for e in value["entries"]],
                        by_kind=value["by_kind"])


def _encode_search_keys(keys: _search.SearchKeys) -> dict:
    return {"keys": keys.keys.tolist(), "entries": keys.entries, "complete": keys.complete}


def _decode_search_keys(value: dict) -> _search.SearchKeys:
    return _search.SearchKeys(array("q", value["keys"]), int(value["entries"]), bool(value["complete"]))


#: Every precomputed table by its cache name (cache.cached's `name`), in the order they are computed.
TABLES: dict[str, Table] = {
    "index": Table(_index.build_index, _encode_index, _decode_index),
    "meetings": Table(_tables._meeting_table, _same, _same, blank_nodes=True),
    "participations": Table(_tables._participation_table, _same, _same, blank_nodes=True),
    "meeting-topics": Table(_tables._meeting_topics, _same, lambda v: [tuple(x) for x in v], blank_nodes=True),
    "in-documents": Table(_tables._in_documents, sorted, set),
    "in-reference": Table(_tables._in_reference, sorted, set),
    "ontology": Table(_ontology._ontology_doc, _same, _same),
    "home": Table(_home._summary, _same, _same, blank_nodes=True),  # from the tables above
    "people": Table(_lists._people_table, _same, _same, blank_nodes=True),
    "search-keys": Table(_search.build_search_keys, _encode_search_keys, _decode_search_keys),  # from "index"
}


def compute_tables(snap) -> dict:
    """Every table of TABLES for `snap`, computed (through the snapshot's cache, so each is computed once)."""
    from .cache import cached

    return {name: cached(snap, name, lambda t=t: t.compute(snap), precomputed=False) for name, t in TABLES.items()}


def _blank_labels(snap) -> set[str]:
    return {row["b"].value for row in select(snap, "blank-nodes")}


def _strings(value):
    """Every string in a table (keys and values, however nested)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _strings(v)


def encode_tables(snap) -> bytes:
    """The file's bytes for `snap`. A table that names a blank node is left out (a blank node's label changes
    at every load, so the server computes that table)."""
    computed = compute_tables(snap)
    blank = _blank_labels(snap) if any(TABLES[name].blank_nodes for name in computed) else set()
    tables = {name: TABLES[name].encode(value) for name, value in computed.items()
              if not (blank and TABLES[name].blank_nodes and any(s in blank for s in _strings(value)))}
    text = json.dumps({"format": FORMAT, "tables": tables}, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode(), compresslevel=1, mtime=0)


def load_generation(generation_dir: os.PathLike | str):
    """The generation being written in `generation_dir` (its dataset file) loaded as the tables need it: no
    compact union store, no asserted-only union (no table reads either)."""
    from ..store import load_files

    return load_files([Path(generation_dir) / ds.DATASET_FILE], compact_union=False, asserted_union=False)


def write_tables(generation_dir: os.PathLike | str, snap=None) -> Path | None:
    """Compute the UI's tables of the generation being written in `generation_dir` (`snap`: that generation as
    load_generation loaded it, else loaded here) and write them next to it; returns the file, or None when that
    failed (logged: the server then computes them)."""
    directory = Path(generation_dir)
    started = time.monotonic()
    try:
        snap = snap if snap is not None else load_generation(directory)
        data = encode_tables(snap)
        out = directory / ds.UI_TABLES_FILE
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, out)
    except Exception:  # noqa: BLE001 - the tables are an optimisation: a build never fails for them
        log.warning("the UI's tables were not precomputed for %s", directory, exc_info=True)
        return None
    log.info("UI tables precomputed for %s in %.1f s (%d bytes)", directory.name, time.monotonic() - started,
             len(data))
    return out


def read_tables(path: os.PathLike | str) -> dict:
    """The tables of a file, decoded (name -> table as the UI computes it), or {} when it is absent, unreadable
    or of another format (then the UI computes its tables)."""
    try:
        with gzip.open(path, "rb") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, EOFError) as exc:
        log.warning("%s not read (%s): the UI computes its tables", path, exc)
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("tables"), dict):
        log.warning("%s is not of format %d: the UI computes its tables", path, FORMAT)
        return {}
    try:
        return {name: TABLES[name].decode(value) for name, value in data["tables"].items() if name in TABLES}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        log.warning("%s not read (%s): the UI computes its tables", path, exc)
        return {}
