"""The `vanban` command.

    vanban annotate PATH...   annotation JSON (one object; JSON Lines for several files or a directory),
                              parsed in parallel (--jobs N), a progress line on stderr when it is a terminal
    vanban tree FILE...       metadata summary and the outline, one item per line
    vanban json FILE          the whole tree as JSON (Document.to_json(indent=2))
    vanban index PATH... --db FILE     build or update a cross-reference index (SQLite)
    vanban refs --db FILE QUERY ...    query it: documents, cites, cited-by, resolved, unresolved,
                                       most-cited, edges, matrix, deadlines, errors, stats
    vanban export --db FILE DIR [--as parquet|csv]   write its tables (documents, outline, references,
                                       mentions, assignments, edges, errors) as Parquet or CSV files

A file that cannot be read or parsed gives one line on stderr, `vanban: PATH: REASON`; the other files are still
processed and the exit status is 1. `-` reads standard input. Formats (.docx, PDF, HTML, text) and encodings
(UTF-8, UTF-16, Windows-1258, TCVN3, VNI, VISCII) are detected from content; `--format` and `--encoding`
override them.

`vanban index` records such files in the index instead and exits 0 once the index is built (the summary line
counts them; `vanban refs --db FILE errors` lists them); it exits 1 only when the index itself cannot be opened
or written, and 130 when interrupted (what was written stays; run it again to finish).

A usage error (a bad option value, an argument that is not text) is one line on stderr and exit status 2;
nothing prints a traceback. File names that are not UTF-8 keep their bytes: printed as they are in text and
TSV output, as `\\udcXX` escapes in JSON (which `json.loads` and `os.fsencode` turn back into the bytes).
"""
import argparse
import csv
import json
import itertools
import os
import sys
from typing import Any, Callable, Dict, List, NoReturn, Optional, Tuple

from . import Corpus, CorpusError, Document, ParseFailure, VanbanError, __version__, parse_bytes, parse_file, parse_many

PROG = "vanban"
SNIPPET = 60


# The most read from standard input, as from a file (src/read/file.rs): `vanban annotate - < /dev/zero` ends.
STDIN_LIMIT = 256 << 20


def _load(path: str, format: Optional[str] = None, encoding: Optional[str] = None) -> Document:
    if path == "-":
        data = sys.stdin.buffer.read(STDIN_LIMIT + 1)
        if len(data) > STDIN_LIMIT:
            raise OSError(f"larger than {STDIN_LIMIT >> 20} MiB: not read")
        return parse_bytes(data, format=format, encoding=encoding)
    return parse_file(path, format=format, encoding=encoding)


def _one_line(s: object) -> str:
    return " ".join(str(s).split())


def _json_line(obj: Any) -> str:
    """JSON text that is always valid UTF-8: a string with surrogate escapes (a file name that is not UTF-8)
    is written as \\udcXX escapes rather than as bytes no UTF-8 reader accepts."""
    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
        return line
    except UnicodeEncodeError:
        return json.dumps(obj)


def _annotation_line(doc: Document, path: Optional[str]) -> str:
    try:
        return doc.annotation_json(path)
    except UnicodeEncodeError:
        # the file name is not UTF-8 (surrogate escapes): the annotation is made without it, then given it as
        # a JSON escape; `source` follows `schema`, the first field, in the annotation JSON
        line = doc.annotation_json(None)
        return line.replace('"source":null', '"source":' + json.dumps(path), 1)


def _report(path: str, exc: BaseException) -> None:
    if isinstance(exc, VanbanError):
        reason = getattr(exc, "reason", None) or str(exc)
    elif isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
    else:
        reason = f"internal error: {type(exc).__name__}: {exc}"
    sys.stderr.write(f"{PROG}: {path}: {_one_line(reason)}\n")
    sys.stderr.flush()


def _each(paths: List[str], emit: Callable[[str, Document], None], args: Optional[argparse.Namespace] = None) -> int:
    """Parse each file and hand it to `emit`; report failures and carry on. Returns the exit status."""
    status = 0
    format = getattr(args, "format", None)
    encoding = getattr(args, "encoding", None)
    for path in paths:
        try:
            doc = _load(path, format, encoding)
        except Exception as exc:  # one bad file must not stop the others, nor print a traceback
            _report(path, exc)
            status = 1
            continue
        emit(path, doc)
    return status


def _annotate(args: argparse.Namespace) -> int:
    def emit(path: str, doc: Document) -> None:
        sys.stdout.write(_annotation_line(doc, path) + "\n")
        sys.stdout.flush()

    status = 0
    # Files and directories go to parse_many (parallel, in order); `-` (standard input) is read where it stands.
    for stdin, group in itertools.groupby(args.files, key=lambda f: f == "-"):
        if stdin:
            status |= _each(list(group), emit, args)
            continue
        batch = parse_many(list(group), workers=args.jobs, progress=args.progress, format=args.format, encoding=args.encoding)
        for r in batch:
            if isinstance(r, ParseFailure):
                sys.stderr.write(f"{PROG}: {r.path}: {_one_line(r.reason)}\n")
                sys.stderr.flush()
                status = 1
            else:
                sys.stdout.write(_annotation_line(r, r.path) + "\n")
    sys.stdout.flush()
    return status


def _whole(minimum: int, most: Optional[int] = None) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `minimum`; past `most`, `most`."""
    def parse(s: str) -> int:
        try:
            n = int(s)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, not {s!r}") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {n}")
        return n if most is None else min(n, most)
    return parse


# --jobs: more than the cores is taken as one per core (by vanban itself); -n: past any index's rows, all rows
_jobs = _whole(1)
_count = _whole(0, most=2**62)


def _depth(node) -> int:
    depth, p = 0, node.parent
    while p is not None:
        if p.kind == "item":
            depth += 1
        p = p.parent
    return depth


def _item_line(doc: Document, item) -> str:
    if item.heading is not None:
        text = item.heading
    else:
        start = item.marker[1] if item.marker else item.start
        text = doc.text[start:item.end].replace("*", "")
        text = _one_line(text).lstrip(" .:)-/").strip()
        if len(text) > SNIPPET:
            text = text[:SNIPPET].rstrip() + "…"
    return f"{'  ' * _depth(item)}{item.path or item.label or '?'}  {text}"


def _tree_text(doc: Document) -> str:
    m = doc.metadata
    dash = lambda v: "-" if v is None else v  # noqa: E731
    doc_type = "-" if m.doc_type is None else f"{m.doc_type} ({m.doc_type_name})"
    outline = doc.outline()
    lines = [
        f"type:    {doc_type}",
        f"symbol:  {dash(m.symbol)}",
        f"issuer:  {dash(m.issuer)}",
        f"date:    {dash(m.date.isoformat() if m.date else None)}",
        f"title:   {dash(m.title)}",
        f"items:   {len(outline)}",
        "",
    ]
    lines += [_item_line(doc, item) for item in outline] or ["(no outline items)"]
    return "\n".join(lines) + "\n"


def _tree(args: argparse.Namespace) -> int:
    several = len(args.files) > 1
    first = [True]

    def emit(path: str, doc: Document) -> None:
        if several:
            sys.stdout.write(("" if first[0] else "\n") + f"==> {path} <==\n")
            first[0] = False
        sys.stdout.write(_tree_text(doc))
        sys.stdout.flush()

    return _each(args.files, emit, args)


def _json(args: argparse.Namespace) -> int:
    def emit(path: str, doc: Document) -> None:
        sys.stdout.write(doc.to_json(indent=2) + "\n")
        sys.stdout.flush()

    return _each([args.file], emit, args)


def _index(args: argparse.Namespace) -> int:
    try:
        corpus = Corpus(args.db)
    except CorpusError as exc:
        sys.stderr.write(f"{PROG}: {_one_line(str(exc))}\n")
        return 1
    with corpus:
        try:
            s = corpus.index(args.paths, workers=args.jobs, progress=False if args.quiet else None, prune=args.prune, force=args.force)
        except KeyboardInterrupt:
            sys.stderr.write(f"{PROG}: interrupted; the index keeps what was written, run again to finish\n")
            return 130
        except CorpusError as exc:
            sys.stderr.write(f"{PROG}: {_one_line(str(exc))}\n")
            return 1
    for f in s["failures"]:
        sys.stderr.write(f"{PROG}: {_one_line(f['message'])}\n")
    pruned = f", {s['pruned']} pruned" if s["pruned"] else ""
    rate = s["files"] / s["seconds"] if s["seconds"] > 0 else 0.0
    sys.stderr.write(
        f"{PROG}: {s['files']} files: {s['indexed']} indexed, {s['skipped']} unchanged, {s['failed']} failed{pruned}"
        f" in {s['seconds']:.1f}s ({rate:.0f} files/s); index {args.db}: {s['documents']} documents,"
        f" {s['references']} references ({s['resolved']} resolved), {s['errors']} errors\n"
    )
    sys.stderr.flush()
    return 0


def _cell(v: Any) -> str:
    if v is None:
        return ""
    return " ".join(str(v).split()) if isinstance(v, str) else str(v)


def _print_rows(rows: List[tuple], columns: List[str], fmt: str) -> None:
    out = sys.stdout
    if fmt == "json":
        for r in rows:
            out.write(_json_line(dict(zip(columns, r))) + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
    else:
        out.write("\t".join(columns) + "\n")
        for r in rows:
            out.write("\t".join(_cell(v) for v in r) + "\n")
    out.flush()


# (subcommand, Corpus method, help, extra arguments: (name, kwargs))
_REFS: List[Tuple[str, str, str, List[Tuple[str, Dict[str, Any]]]]] = [
    ("documents", "documents", "the documents of the index", []),
    ("cites", "cites", "what a document cites (by id, path, file name or symbol)", [("doc", dict(metavar="DOC"))]),
    ("cited-by", "cited_by", "what cites a symbol (66-NQ/TW, 66/NQ-TW, '66-NQ/TW 2025') or a name",
     [("symbol", dict(metavar="SYMBOL"))]),
    ("resolved", "resolved", "references resolved to a document of the index", []),
    ("unresolved", "unresolved", "references to documents outside the index", []),
    ("most-cited", "most_cited", "the most cited documents", [("-n", dict(type=_count, default=20, dest="n"))]),
    ("edges", "edges", "the citation graph as an edge list (source, target, count, ...)", []),
    ("matrix", "responsibility_matrix", "agency x document: assignments by role", []),
    ("deadlines", "deadlines", "assignments with a deadline, by date", []),
    ("errors", "errors", "files that could not be indexed", []),
    ("stats", "stats", "counts", []),
]


def _refs(args: argparse.Namespace) -> int:
    if not args.db:
        sys.stderr.write(f"{PROG} refs: --db FILE is required\n")
        return 2
    if not os.path.exists(args.db):
        sys.stderr.write(f"{PROG}: {args.db}: no index there (make one with `vanban index PATH... --db {args.db}`)\n")
        return 1
    arg = getattr(args, "doc", None) or getattr(args, "symbol", None)
    if arg is not None:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            sys.stderr.write(f"{PROG} refs: {arg!r} is not UTF-8 text; name a document by its id (see `refs documents`)\n")
            return 2
    try:
        # read-only: queries never write, and an index in a read-only directory can be read
        with Corpus(args.db, read_only=True) as corpus:
            columns, rows = corpus._rows(args.method, arg, getattr(args, "n", 20))
    except CorpusError as exc:
        sys.stderr.write(f"{PROG}: {_one_line(str(exc))}\n")
        return 1
    fmt = "json" if args.json else "csv" if getattr(args, "csv", False) else "tsv"
    _print_rows(rows, columns, fmt)
    return 0


def _export(args: argparse.Namespace) -> int:
    if not os.path.exists(args.db):
        sys.stderr.write(f"{PROG}: {args.db}: no index there (make one with `vanban index PATH... --db {args.db}`)\n")
        return 1
    try:
        with Corpus(args.db, read_only=True) as corpus:
            written = corpus.export(args.directory, format=args.table_format)
    except CorpusError as exc:
        sys.stderr.write(f"{PROG}: {_one_line(str(exc))}\n")
        return 1
    except ImportError as exc:
        sys.stderr.write(f"{PROG}: {_one_line(str(exc))}\n")
        return 1
    except OSError as exc:
        sys.stderr.write(f"{PROG}: {args.directory}: {_one_line(exc.strerror or str(exc))}\n")
        return 1
    for table, path in written.items():
        sys.stdout.write(f"{table}\t{path}\n")
    sys.stdout.flush()
    return 0


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line (argparse prints the whole usage first), exit status 2."""

    def error(self, message: str) -> "NoReturn":  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: {_one_line(message)} (see --help)\n")
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(
        prog=PROG,
        description="Parse Vietnamese administrative documents (.docx, .pdf, .htm, .md, .txt): outline, metadata, annotations.",
    )
    reading = _Parser(add_help=False)
    reading.add_argument("--format", choices=["text", "html", "docx", "pdf"], help="read every file as this format (default: detected)")
    reading.add_argument(
        "--encoding",
        metavar="NAME",
        help="text encoding (utf-8, utf-16le, windows-1258, tcvn3, vni, viscii, ...; for .docx/PDF the legacy font); default: detected",
    )
    ap.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("annotate", parents=[reading], help="print the annotation JSON (JSON Lines for several files)")
    p.add_argument("files", nargs="+", metavar="PATH",
                   help="document files, or directories (their .txt .md .htm .html .docx .pdf files, recursively); "
                        "- reads standard input")
    p.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                   help="parse N files at a time (default and most: one per core)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress line on stderr (default: when stderr is a terminal)")
    p.set_defaults(run=_annotate)
    p = sub.add_parser("tree", parents=[reading], help="print a metadata summary and the outline")
    p.add_argument("files", nargs="+", metavar="FILE", help="document files; - reads standard input")
    p.set_defaults(run=_tree)
    p = sub.add_parser("json", parents=[reading], help="print the whole tree as JSON")
    p.add_argument("file", metavar="FILE", help="a document file; - reads standard input")
    p.set_defaults(run=_json)

    p = sub.add_parser("index", help="build or update a cross-reference index of documents (SQLite)")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, or directories (their .txt .md .htm .html .docx .pdf files, recursively)")
    p.add_argument("--db", required=True, metavar="FILE", help="the index database (created when missing)")
    p.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                   help="parse threads (default and most: one per core)")
    p.add_argument("--prune", action="store_true", help="drop documents whose file is gone")
    p.add_argument("--force", action="store_true", help="re-parse every file, changed or not")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=_index)

    # --db and --json are accepted before or after the query's name
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS, help="the index database")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="JSON Lines instead of TSV")
    p = sub.add_parser("refs", help="query a cross-reference index (TSV with a header, or JSON Lines)")
    p.add_argument("--db", metavar="FILE", default=None, help="the index database")
    p.add_argument("--json", action="store_true", default=False, help="JSON Lines instead of TSV")
    p.set_defaults(run=_refs)
    queries = p.add_subparsers(dest="query", metavar="QUERY", required=True)
    for name, method, help_, extra in _REFS:
        q = queries.add_parser(name, help=help_, parents=[common])
        for arg, kw in extra:
            q.add_argument(arg, **kw)
        if name == "edges":
            q.add_argument("--csv", action="store_true", help="CSV instead of TSV")
        q.set_defaults(method=method)

    p = sub.add_parser("export", help="write the tables of an index as Parquet (or CSV) files, one per table")
    p.add_argument("directory", metavar="DIR", help="where to write documents.parquet, outline.parquet, ...")
    p.add_argument("--db", required=True, metavar="FILE", help="the index database")
    # `--format` names the input format elsewhere: the output's is `--as`
    p.add_argument("--as", dest="table_format", choices=["parquet", "csv"], default="parquet",
                   help="file format (default: parquet, needs pyarrow: pip install 'vanban[arrow]')")
    p.set_defaults(run=_export)
    return ap


def _utf8_streams() -> None:
    # JSON and Vietnamese text go out as UTF-8 whatever the locale says; a file name that is not UTF-8 goes out
    # as its bytes (surrogateescape) on stdout, escaped on stderr (never an error while reporting one).
    for stream, errors in ((sys.stdout, "surrogateescape"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors=errors)
            except (ValueError, OSError):
                pass


def main(argv: Optional[List[str]] = None) -> int:
    _utf8_streams()
    ap = build_parser()
    args = ap.parse_args(argv)
    if not getattr(args, "run", None):
        ap.print_help(sys.stderr)
        return 2
    if getattr(args, "encoding", None):
        try:  # an unknown encoding name is a usage error, said once, not once per file
            parse_bytes(b"x", format="text", encoding=args.encoding)
        except UnicodeError:
            return _usage(f"--encoding {args.encoding!r} is not UTF-8 text")
        except ValueError as exc:
            return _usage(str(exc))
        except VanbanError:
            pass
    try:
        return args.run(args)
    except BrokenPipeError:
        # The reader went away (`vanban tree x | head`): stop quietly. Point stdout at devnull so that the
        # interpreter's final flush does not complain again.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 141
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        sys.stderr.write(f"{PROG}: internal error (a bug in vanban, please report it): {type(exc).__name__}: {_one_line(exc)}\n")
        return 1


def _usage(message: str) -> int:
    sys.stderr.write(f"{PROG}: {_one_line(message)}\n")
    return 2


if __name__ == "__main__":
    sys.exit(main())
