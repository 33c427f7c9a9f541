"""The `itukg` command: a thin layer over the functions the tests call. With no command it serves.

Exit codes: 0 success, 1 invalid documents (validation or rejected in a build: ValidationFailed), 2 usage or
user errors. Every user-facing error is an ItukgError (graph/errors.py), caught once in `main` and shown as one
line on stderr, `itukg: error: <message>`, with the error's exit code.

Settings (config.py) are loaded once per command, from the defaults, `--config FILE`, the ITUKG_* environment
and the flags, and passed down to what the command calls; the command runs under the configured base IRI
(`namespaces.using_base_iri`), so what it mints, abbreviates or resolves as `id:` is under that base.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import webbrowser
from pathlib import Path

from .graph.errors import ItukgError, ValidationFailed, printable

COMMANDS = ("serve", "build", "validate", "query", "export", "ontology", "settings")

_FORMAT_BY_SUFFIX = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "jsonld", ".json": "jsonld"}
_SUFFIXES_HELP = ", ".join(f"{suffix} ({fmt})" for suffix, fmt in _FORMAT_BY_SUFFIX.items())


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Each option's default in its help line (as datasette does), the examples of the epilog as written."""

    def _get_help_string(self, action):
        text = action.help or ""
        if "default" in text or action.default in (None, False, [], argparse.SUPPRESS):
            return text
        if action.option_strings or action.nargs in (argparse.OPTIONAL, argparse.ZERO_OR_MORE):
            text += " (default: %(default)s)"
        return text


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def _setting_help(key: str, text: str | None = None) -> str:
    """A flag's help: what its setting (config.py) says, or `text`, and the setting's default."""
    from .config import declared

    s = next(s for s in declared() if s.key == key)
    return f"{text or s.help} (default: {s.default})"


class _Parser(argparse.ArgumentParser):
    """The top-level parser; it keeps each command's own parser, for errors in that command's own usage."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.commands: dict[str, argparse.ArgumentParser] = {}  # name -> its parser


def _parser() -> _Parser:
    p = _Parser(
        prog="itukg",
        description="A knowledge graph of ITU-T standardization strategy: build it from meeting documents, "
                    "query it with SPARQL, serve it. With no command, `itukg` serves the built graph "
                    "(building the bundled corpus first if nothing is built).",
        formatter_class=_HelpFormatter,
        epilog=_examples("itukg                          # serve on http://127.0.0.1:5000/",
                         "itukg -p 8080 -o               # serve on port 8080 and open a browser",
                         "itukg build docs/              # add the documents of a folder",
                         "itukg query --named topic-meetings --param topic=security",
                         "itukg COMMAND --help           # a command's options and examples",
                         "itukg settings                 # every setting: file key, ITUKG_* variable, flag"),
    )
    p.add_argument("--version", action="version", version=f"itukg {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=argparse.ArgumentParser)

    def command(name, help, *examples):
        sp = sub.add_parser(name, help=help, description=help[:1].upper() + help[1:] + ".",
                            formatter_class=_HelpFormatter, epilog=_examples(*examples) if examples else None)
        p.commands[name] = sp
        return sp

    def common(sp, what=None):
        """The settings every command takes (config.py): where the dataset lives, the base IRI, a settings file."""
        sp.add_argument("--data-dir", metavar="DIR", help=_setting_help("build.data_dir", what))
        sp.add_argument("--base-iri", metavar="IRI", help=_setting_help("build.base_iri"))
        sp.add_argument("--config", type=Path, metavar="FILE",
                        help="settings file (TOML or JSON) with [build], [server] and [store] tables; ITUKG_* "
                             "variables and flags override it (`itukg settings` lists every setting)")

    def limits(sp):
        """The per-document limits enforced in the worker processes (README "Limits"); the others are settings."""
        sp.add_argument("--document-seconds", type=float, metavar="SECONDS",
                        help=_setting_help("build.document_seconds"))
        sp.add_argument("--document-memory-mb", type=int, metavar="MIB",
                        help=_setting_help("build.document_memory_mb"))

    def store_options(sp):  # docs/external-stores.md
        from .config import STORE_PRESETS

        g = sp.add_argument_group("external SPARQL store (credentials: $ITUKG_STORE_USER, $ITUKG_STORE_PASSWORD)")
        g.add_argument("--store", metavar="URL",
                       help=_setting_help("store.url", "use this SPARQL 1.1 store instead of the local one"))
        g.add_argument("--store-type", choices=tuple(STORE_PRESETS),
                       help=_setting_help("store.type", "which endpoint paths to derive from the URL"))
        g.add_argument("--store-query", metavar="URL", help=_setting_help("store.query"))
        g.add_argument("--store-update", metavar="URL", help=_setting_help("store.update"))
        g.add_argument("--store-gsp", metavar="URL", help=_setting_help("store.gsp"))

    s = command("serve", "serve the SPARQL endpoint, exports, Linked Data pages and the web UI",
                "itukg serve                    # http://127.0.0.1:5000/",
                "itukg serve -p 8080 -o         # another port, and open it in a browser",
                "itukg serve -p 0               # any free port (the address is printed)",
                "itukg serve --host 0.0.0.0     # reachable from other machines",
                "itukg serve data.ttl more.trig # serve RDF files as they are")
    s.add_argument("files", nargs="*", type=Path, metavar="FILE",
                   help="RDF files to serve as they are, instead of the built dataset")
    s.add_argument("--host", default=None, help=_setting_help("server.host"))
    s.add_argument("-p", "--port", type=int, default=None, help=_setting_help("server.port"))
    s.add_argument("-o", "--open", action="store_true", help="open the web UI in a browser once serving")
    s.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help=_setting_help("server.query_timeout", "query timeout in seconds"))
    common(s)
    store_options(s)

    b = command("build", "extract, validate and reason over documents, and store the result",
                "itukg build                    # the bundled corpus",
                "itukg build docs/ notes.pdf    # add or replace these documents",
                "itukg build --fresh docs/ -o graph.trig")
    b.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="documents or folders (default: the bundled corpus)")
    b.add_argument("--fresh", action="store_true", help="start from an empty dataset instead of adding to it")
    b.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="also write the whole dataset to FILE; the format follows the extension: "
                        + _SUFFIXES_HELP)
    b.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    b.add_argument("--follow-symlinks", action="store_true",
                   help="follow symbolic links inside the folders given, to targets inside the same folder")
    limits(b)
    common(b)
    store_options(b)

    v = command("validate", "the SHACL report of documents alone (exit 0 conforms, 1 not, 2 error)",
                "itukg validate docs/ --warnings")
    v.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="documents or folders")
    v.add_argument("--warnings", action="store_true", help="also list warnings")
    v.add_argument("--follow-symlinks", action="store_true",
                   help="follow symbolic links inside the folders given, to targets inside the same folder")
    v.add_argument("--engine", choices=("compiled", "pyshacl"), default="compiled",
                   help="compiled shapes (what build uses) or pyshacl, the reference implementation")
    limits(v)
    common(v, "accepted like every command's; nothing is read from or stored in it")

    q = command("query", "run SPARQL on the built dataset, or on an external store with --store",
                "itukg query --list",
                "itukg query --named participants --format csv",
                "itukg query --named topic-meetings --param topic=security   # a slug, label, id:topic/... or IRI",
                "itukg query 'SELECT ?m WHERE { ?m a itukg:Meeting }'        # the project's prefixes are predefined",
                "itukg query --store http://127.0.0.1:7878 --named participants  # what a store holds (build --store)")
    q.add_argument("query", nargs="?", help="the SPARQL query text")
    q.add_argument("--file", type=Path, help="read the query from a file")
    q.add_argument("--named", help="run a named query (see --list)")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a named query's parameter; the value is an IRI, a prefixed name (id:topic/security), "
                        "a slug (security) or a label (\"network slicing\")")
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table: IRIs as prefixed names (id:topic/security), long texts cut to fit the terminal; "
                        "csv and json: full IRIs")
    q.add_argument("--wide", action="store_true", help="never cut a table cell, whatever the terminal's width")
    q.add_argument("--asserted", action="store_true", help="asserted facts only (no inferred graph)")
    common(q)
    store_options(q)

    e = command("export", "write the dataset (or the itukg graphs of an external store, with --store) as Turtle, "
                          "TriG, N-Triples, N-Quads or JSON-LD",
                "itukg export --format trig -o graph.trig",
                "itukg export --no-inferred > asserted.ttl",
                "itukg export --store http://127.0.0.1:7878 --format nquads -o store.nq")
    e.add_argument("--format", choices=("turtle", "trig", "nt", "nquads", "jsonld"), default="turtle")
    e.add_argument("--inferred", dest="inferred", action="store_true", default=True, help="include inferences (default)")
    e.add_argument("--no-inferred", dest="inferred", action="store_false", help="asserted and reference graphs only")
    e.add_argument("--graph", help="one named graph (IRI) only")
    e.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    common(e)
    store_options(e)

    o = command("ontology", "summarize the ontology and the reference data",
                "itukg ontology --data-dir /srv/itukg   # what a built dataset holds")
    common(o, "summarize the ontology and reference data of the dataset built here, if any, instead of the "
              "installed ones")

    st = command("settings", "list every setting: its section, default, ITUKG_* variable, flag and meaning",
                 "itukg settings",
                 "itukg settings --values --config itukg.toml   # what is in effect, and where it comes from",
                 "itukg settings --markdown                      # the table of docs/settings.md")
    st.add_argument("--values", action="store_true",
                    help="the values in effect (defaults < --config FILE < ITUKG_* variables < flags), each with "
                         "where it comes from; secrets are not shown")
    st.add_argument("--markdown", action="store_true", help="the table of docs/settings.md")
    common(st, "the data directory to show with --values")
    return p


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("itukg")
    except Exception:  # noqa: BLE001 - running from a source tree without metadata
        return "dev"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv = ["serve", *argv]
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # in the command's own usage, with the nearest option (argparse would show the top-level one)
        import difflib

        own = parser.commands.get(args.command, parser)
        known = [o for a in own._actions for o in a.option_strings]
        hints = [m for x in extra if x.startswith("-") for m in difflib.get_close_matches(x.split("=")[0], known, 1)]
        own.error(f"unrecognized arguments: {' '.join(extra)}" + (f" (did you mean {', '.join(hints)}?)" if hints else ""))
    level = logging.INFO if args.command == "serve" else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        from .graph.namespaces import using_base_iri

        config = _load_config(args)
        command = {
            "serve": cmd_serve, "build": cmd_build, "validate": cmd_validate, "query": cmd_query,
            "export": cmd_export, "ontology": cmd_ontology, "settings": cmd_settings,
        }[args.command]
        with using_base_iri(config.build.base_iri):
            return command(args, config)
    except ItukgError as exc:
        print(printable(f"itukg: error: {exc}"), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


# -- settings ---------------------------------------------------------------------------------------------

def _load_config(args):
    """The settings of this command (config.py): defaults < --config FILE < ITUKG_* environment < its flags.
    Flags not given are None, so they override nothing."""
    from . import config

    def flag(name: str):
        return getattr(args, name, None)

    files = flag("files")
    flags = {
        "build": {"data_dir": flag("data_dir"), "base_iri": flag("base_iri"),
                  "document_seconds": flag("document_seconds"), "document_memory_mb": flag("document_memory_mb")},
        "server": {"host": flag("host"), "port": flag("port"), "query_timeout": flag("timeout"),
                   "files": list(files) if files else None},
        "store": {"url": flag("store"), "type": flag("store_type"), "query": flag("store_query"),
                  "update": flag("store_update"), "gsp": flag("store_gsp")},
    }
    return config.load(flag("config"), None, flags)  # None: config.load reads this process's environment


def cmd_settings(args, config) -> int:
    """The settings table (as datasette's --help-settings), grouped by the file table each is written in."""
    from .config import declared, markdown_table

    if args.markdown:
        print(markdown_table(), end="")
        return 0
    settings = declared()
    width = max(len(s.name) for s in settings)
    section = None
    for s in settings:
        if s.section != section:
            section = s.section
            print(" and ".join(f"[{name.strip()}]" for name in section.split(",")))
        if args.values:
            value = config.value(s)
            shown = ("(set)" if value else "(not set)") if s.secret else _setting_text(value)
            print(printable(f"  {s.name:<{width}}  {shown}  (from {config.origins[s.key]})"))
        else:
            flag = f", {s.flag}" if s.flag else ""
            print(f"  {s.name:<{width}}  {s.env}{flag}\n  {'':<{width}}  {s.help} (default: {s.default})")
    return 0


def _setting_text(value) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value)) or "none"
    return str(value)


# -- build and validate --------------------------------------------------------------------------------

def cmd_build(args, config) -> int:
    from .graph.build import build
    from .graph.summary import size_phrase

    if args.output:
        _format_for(args.output)  # an unknown extension is refused before anything is built

    from .graph.read import count_documents
    from .graph.resources import corpus_dir
    from .server.progress import Progress

    meter = None if args.quiet else Progress(count_documents(args.paths or [corpus_dir()],
                                                                        follow_symlinks=args.follow_symlinks))

    hook = None
    if meter is not None:
        def progress(n: int, source: str) -> None:
            meter.update(n, printable(Path(source).name))
        hook = progress

    store = config.store
    if store is None:
        result = build(args.paths or None, fresh=args.fresh, progress=hook, follow_symlinks=args.follow_symlinks,
                       settings=config.build)
    else:
        from .graph.store_push import build_into_store

        result, pushed = build_into_store(store, args.paths or None, fresh=args.fresh, progress=hook,
                                          follow_symlinks=args.follow_symlinks, settings=config.build)
    if meter:
        print(f"itukg: {meter.finish()}", file=sys.stderr)
    if store is not None:
        print(f"the store at {pushed.store}: " + (f"{len(pushed.written)} graphs replaced, {len(pushed.dropped)} "
              "dropped, in one update" if pushed.changed else "already up to date, nothing sent"))
    for skipped in result.skipped:
        print(printable(f"itukg: skipped {skipped}"), file=sys.stderr)
    for err in result.unreadable:
        print(printable(f"itukg: cannot read {err}"), file=sys.stderr)
    for rej in result.rejected:
        if rej.error:
            print(printable(f"itukg: rejected {rej.source}: {rej.error}"), file=sys.stderr)
            continue
        print(printable(f"itukg: rejected {rej.source}: does not conform to the shapes"), file=sys.stderr)
        for problem in rej.report.violations[:50]:
            print("  " + printable(problem.line()), file=sys.stderr)
    st = result.stats
    print(f"{len(result.accepted)} documents accepted, {len(result.reused)} unchanged, {len(result.rejected)} rejected, "
          f"{len(result.unreadable)} unreadable; the dataset holds {st.get('documents', 0)} documents, "
          f"{st.get('meetings', 0)} meetings, "
          f"{size_phrase(st.get('triples', 0), st.get('quads', 0), st.get('graphs', 0))} in {printable(str(result.data_dir))}")
    for w in result.warnings:
        print(printable(f"itukg: warning: {w}"), file=sys.stderr)
    if args.output:
        _write_export(args.output, _format_for(args.output), _open_store(result.data_dir), inferred=True, graph=None)
        print(printable(f"wrote {args.output}"))
    left_out = len(result.rejected) + len(result.unreadable)
    if left_out:
        raise ValidationFailed(f"{_count(left_out, 'document')} left out of the dataset ({len(result.rejected)} "
                               f"rejected, {len(result.unreadable)} unreadable): see the lines above")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def cmd_validate(args, config) -> int:
    """Each document's report. Documents that could not be read or processed are said so one line each and
    end the command with 2; otherwise documents that do not conform end it with ValidationFailed (1)."""
    from .graph.build import check
    from .graph.errors import LimitExceeded, ProcessingError, SkippedFile

    failed = not_read = checked = 0
    for outcome in check(args.paths, engine=args.engine, follow_symlinks=args.follow_symlinks,
                         settings=config.build):
        if isinstance(outcome.error, SkippedFile):
            print(printable(f"itukg: skipped {outcome.error}"), file=sys.stderr)
            continue
        if outcome.error is not None:
            verb = ("rejected" if isinstance(outcome.error, LimitExceeded) else
                    "cannot process" if isinstance(outcome.error, ProcessingError) else "cannot read")
            print(printable(f"itukg: {verb} {outcome.error}"), file=sys.stderr)
            not_read += 1
            continue
        report = outcome.report
        assert report is not None  # a document processed without an error has its report
        checked += 1
        if report.conforms:
            print(printable(f"{outcome.source}: conforms ({len(report.warnings)} warnings)"))
        else:
            print(printable(f"{outcome.source}: does not conform ({len(report.violations)} violations)"))
            failed += 1
        for problem in report.problems if args.warnings else report.violations:
            print("  " + printable(problem.line()))
    if not_read:
        return 2  # each was said above, in its own line
    if failed:
        raise ValidationFailed(f"{_count(failed, 'document')} of {checked} {'does' if failed == 1 else 'do'} not "
                               "conform to the shapes")
    return 0


# -- query and export -----------------------------------------------------------------------------------

def _open_store(data_dir: Path):
    from .server.store import load_dataset

    return load_dataset(data_dir)


def _open_source(config):
    """What `query` and `export` read: the external store when one is configured (--store, ITUKG_STORE_URL or
    the [store] table; server/remote.py's RemoteSnapshot, every request an HTTP request to it), else the
    dataset built in the data directory. Either is a Snapshot: the same queries, the same default graph (the
    deduplicated union, materialised in the store by the push), the same exports."""
    if config.store is None:
        return _open_store(config.build.data_dir)
    from .server.remote import open_remote

    return open_remote(config.store)


def _check_asserted(source) -> None:
    """--asserted on a store: the asserted-only union the push writes (urn:x-itukg:asserted) must be there,
    or the answer would silently be empty."""
    from .graph.errors import DatasetError
    from .graph.namespaces import ASSERTED_GRAPH_IRI
    from .server.remote import RemoteSnapshot

    if not isinstance(source, RemoteSnapshot) or not source.has_inferred:
        return  # locally the union is materialised at load; without inferences asserted is the union itself
    if not bool(source.store.query(f"ASK {{ GRAPH <{ASSERTED_GRAPH_IRI}> {{ ?s ?p ?o }} }}")):
        raise DatasetError(f"the store at {source.source} has no asserted-only union graph <{ASSERTED_GRAPH_IRI}>, "
                           f"so --asserted cannot be answered; run `itukg build --store {source.source}` to "
                           "write it")


_STORE_ERROR_AT = re.compile(r"error at (\d+):(?=\d)")  # Oxigraph's positions, counted from the prefixes line


def _run_query(source, text: str, asserted: bool):
    """The query's answer from `source`; a query the engine (local) or the store cannot parse is one line."""
    from .graph.errors import QueryError, StoreHTTPError

    try:
        return source.query(text, asserted=asserted)
    except SyntaxError as exc:  # pyoxigraph's: the sentence with its position (the caret lines are for HTTP)
        from .server.syntax import syntax_error

        raise syntax_error(text, exc) from None
    except StoreHTTPError as exc:
        if not 400 <= exc.upstream_status < 500 or exc.upstream_status in (401, 403, 407):
            raise
        # the store's parser refused it: its message, positions counted in the text as given (the prefixes
        # the CLI predefines are sent on one line before it)
        message = _STORE_ERROR_AT.sub(lambda m: f"error at {int(m.group(1)) - 1}:", " ".join(exc.message.split()))
        raise QueryError(f"the store refused the query: {message}") from None


def cmd_query(args, config) -> int:
    from .graph.errors import QueryError
    from .server import named_queries as nq

    if args.list:
        for q in nq.named_queries().values():
            params = f" (params: {', '.join(q.params)})" if q.params else ""
            print(f"{q.name:<22} {q.title}{params}\n{'':<22} {q.description}")
        return 0
    source = None
    if args.named:
        named = nq.get(args.named)
        values = nq.parse_params(named, args.param)
        if values:
            source = _open_source(config)
            values = nq.resolve_params(source, named, values)
        text = nq.bind(named, values)
    elif args.file:
        try:
            text = args.file.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"{args.file}: {exc.strerror or exc}") from None
    elif args.query:
        text = args.query
        if text.strip() in nq.named_queries():  # a bare name is never SPARQL: the user meant the named query
            raise QueryError(f"{text.strip()!r} is a named query: run it with `itukg query --named {text.strip()}`")
    else:
        raise QueryError("give a query, --file Q.rq or --named NAME (see `itukg query --list`)")
    source = source or _open_source(config)
    if args.asserted:
        _check_asserted(source)
    result = _run_query(source, text, args.asserted)
    _print_result(result, args.format, args.wide)
    return 0


def _cell(t) -> tuple[str, bool]:
    """A result term as a table cell, and whether it may be shortened: IRIs are shown whole, as the project's
    prefixed names (id:topic/security) where one fits; literals on one line."""
    import pyoxigraph as ox

    from .server.named_queries import short_name

    if t is None:
        return "", True
    if isinstance(t, ox.NamedNode):
        return short_name(t.value), False
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}", False
    return " ".join(t.value.split()) if "\n" in t.value or "\t" in t.value else t.value, True


def _column_widths(names: list[str], rows: list[list[tuple[str, bool]]], limit: int | None) -> list[int]:
    """Each column as wide as its longest cell; when `limit` (the terminal's width) is exceeded, the columns
    with long literals give way, never below their header, their longest IRI or 12 characters."""
    natural = [max([len(n)] + [len(r[i][0]) for r in rows]) for i, n in enumerate(names)]
    if limit is None:
        return natural
    floor = [min(natural[i], max([len(n), 12] + [len(r[i][0]) for r in rows if not r[i][1]]))
             for i, n in enumerate(names)]
    widths = list(natural)
    excess = sum(widths) + 2 * (len(widths) - 1) - limit
    while excess > 0:
        give = [i for i in range(len(widths)) if widths[i] > floor[i]]
        if not give:
            break
        widest = max(give, key=lambda i: widths[i])
        others = [widths[i] for i in give if i != widest]
        step = min(excess, widths[widest] - floor[widest], max(1, widths[widest] - max(others, default=0)))
        widths[widest] -= step
        excess -= step
    return widths


def _print_table(result, wide: bool) -> None:
    import shutil

    names = [v.value for v in result.variables]
    rows = [[_cell(sol[n]) for n in names] for sol in result]
    tty = sys.stdout.isatty()
    limit = None if wide or not tty else shutil.get_terminal_size((100, 24)).columns
    widths = _column_widths(names, rows, limit)

    def fit(cell: tuple[str, bool], w: int) -> str:
        text, shortenable = cell
        if shortenable and len(text) > w:
            text = text[: w - 1] + "…"
        return text.ljust(w)

    print("  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip())
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(fit(c, w) for c, w in zip(r, widths)).rstrip())
    sys.stdout.flush()
    print(f"({len(rows)} row{'' if len(rows) == 1 else 's'})", file=sys.stderr)


def _print_result(result, fmt: str, wide: bool = False) -> None:
    import pyoxigraph as ox

    out = sys.stdout
    if isinstance(result, ox.QueryBoolean):
        print(json.dumps({"boolean": bool(result)}) if fmt == "json" else str(bool(result)).lower())
        return
    if isinstance(result, ox.QueryTriples):
        turtle = result.serialize(format=ox.RdfFormat.TURTLE)
        assert turtle is not None  # no output given: serialize returns the bytes
        out.write(turtle.decode("utf-8"))
        return
    if isinstance(result, list):  # CONSTRUCT / DESCRIBE answered by an external store: the triples
        turtle = ox.serialize(result, format=ox.RdfFormat.TURTLE)
        assert turtle is not None  # no output given: serialize returns the bytes
        out.write(turtle.decode("utf-8"))
        return
    if fmt == "csv":
        out.write(result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8"))
        return
    if fmt == "json":
        out.write(result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n")
        return
    _print_table(result, wide)


def _format_for(path: Path) -> str:
    from .graph.errors import ConfigError

    fmt = _FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if not fmt:
        raise ConfigError(f"{path}: unknown export format (use one of {', '.join(_FORMAT_BY_SUFFIX)})")
    return fmt


def _write_export(output: Path | None, fmt: str, source, inferred: bool, graph: str | None) -> None:
    """export_dataset of `source` (a loaded dataset, or an external store's RemoteSnapshot) to `output`."""
    from .server.export import export_dataset

    data = export_dataset(source, fmt, inferred=inferred, graph=graph)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)


def cmd_export(args, config) -> int:
    from .graph.errors import NotFound

    source = _open_source(config)
    try:
        _write_export(args.output, args.format, source, args.inferred, args.graph)
    except NotFound:
        if config.store is None:
            raise
        shown = ", ".join(f"<{g.value}>" for g in source.graphs)
        raise NotFound(f"the store at {config.store.name} holds no itukg graph <{args.graph}> (its itukg graphs: "
                       f"{shown})") from None
    return 0


# -- serve and ontology ----------------------------------------------------------------------------------

def _serve_settings(args):
    """The server's settings for `itukg serve` with these arguments (config.py's rule, as _load_config)."""
    return _load_config(args).server


#: How `serve --open` opens the web UI (tests replace it).
open_browser = webbrowser.open


def cmd_serve(args, config) -> int:
    from .graph.dataset import current
    from .server.app import check_listen, serve

    settings = config.server
    data_dir = settings.data_dir
    settings.validate()
    check_listen(settings.host, settings.port)  # a port in use is one line now, not after a build

    def ready(what: str):
        def announce(url: str) -> None:
            print(f"itukg: serving {what} on {url} (SPARQL endpoint at {url}sparql; Ctrl-C to stop)",
                  file=sys.stderr, flush=True)
            if args.open:
                open_browser(url)
        return announce

    store = config.store
    if store is not None:
        from .graph.errors import ConfigError
        from .server.remote import open_remote

        if settings.files or settings.allow_update:
            raise ConfigError("--store serves the store as it is: it cannot be combined with RDF files or "
                              "allow_update")
        snapshot = open_remote(store)
        serve(settings, snapshot, on_ready=ready(f"the store at {store.name}"))
        return 0
    built = current(data_dir) if not settings.files else None
    if not settings.files and built is None:
        print(printable(f"nothing built in {data_dir} yet: building the bundled corpus first"), file=sys.stderr)
        from .graph.build import build

        build(None, settings=config.build)
    elif built is not None:
        _warn_if_built_by_another_version(built, config)
    serve(settings, on_ready=ready(", ".join(map(str, args.files)) if args.files else f"the dataset in {data_dir}"))
    return 0


def _warn_if_built_by_another_version(built, config) -> None:
    """One line when the dataset served was made by other extraction code or data than this installation's (an
    upgrade): its documents are read again only by `itukg build`."""
    from .graph.build import processing_fingerprint
    from .graph.namespaces import using_base_iri

    with using_base_iri(config.build.base_iri):
        now = processing_fingerprint()
    documents = list(built.manifest.get("documents", {}).values())  # as written: other writers add fields of their own
    other = [e for e in documents if e.get("processed_by", "") != now]
    if other:
        print(printable(f"itukg: {len(other)} of {len(documents)} documents in {config.server.data_dir} were read "
                        "by another version of the extractor or its data; run `itukg build` to read them again"),
              file=sys.stderr)


def cmd_ontology(args, config) -> int:
    from rdflib.namespace import RDF, SKOS

    from .graph.dataset import current
    from .graph.namespaces import ITUKG
    from .graph.reference import load_reference
    from .graph.summary import ontology_phrase, ontology_terms

    data_dir = config.build.data_dir
    chosen = config.origins["build.data_dir"] != "default"  # a data directory asked for (flag, file, variable)
    gen = current(data_dir) if chosen else None
    if gen is not None and gen.reference_file.exists():
        ref = _built_reference(gen.reference_file)
        where = f"the dataset in {data_dir}"
    else:
        ref = load_reference()
        where = "the installed files"
    terms = ontology_terms(((str(s), str(p), str(o)) for s, p, o in ref.ontology), str(ITUKG))
    kinds: dict[str, int] = {}
    for kind in ref.kinds.values():
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"ontology ({where}): {ontology_phrase({k: len(v) for k, v in terms.items()})}")
    print(f"reference data: {len(ref.graph):,} triples, "
          f"{len(set(ref.graph.subjects(RDF.type, SKOS.Concept)))} topic concepts")
    for kind in sorted(kinds):
        print(f"  {kind:<26} {kinds[kind]}")
    return 0


def _built_reference(path: Path):
    """The ontology and reference graphs a build stored (reference.nq), as a Reference."""
    from rdflib import Dataset

    from .graph.namespaces import ONTOLOGY_GRAPH, REFERENCE_GRAPH
    from .graph.reference import Reference

    data = Dataset()
    data.parse(path, format="nquads")
    onto, reference = data.graph(ONTOLOGY_GRAPH), data.graph(REFERENCE_GRAPH)
    from rdflib import Graph

    return Reference(Graph() + onto, Graph() + reference)

