"""The `vanban` command.

    vanban annotate PATH...   annotation JSON (one object; JSON Lines for several files or a directory),
                              parsed in parallel (--jobs N), a progress line on stderr when it is a terminal
    vanban tree FILE...       metadata summary and the outline, one item per line
    vanban json FILE          the whole tree as JSON (Document.to_json(indent=2))

A file that cannot be read or parsed gives one line on stderr, `vanban: PATH: REASON`; the other files are still
processed and the exit status is 1. `-` reads standard input.
"""
import argparse
import itertools
import os
import sys
from typing import Callable, List, Optional

from . import Document, ParseFailure, VanbanError, __version__, parse_bytes, parse_file, parse_many

PROG = "vanban"
SNIPPET = 60


def _load(path: str) -> Document:
    if path == "-":
        return parse_bytes(sys.stdin.buffer.read())
    return parse_file(path)


def _one_line(s: str) -> str:
    return " ".join(str(s).split())


def _report(path: str, exc: BaseException) -> None:
    if isinstance(exc, VanbanError):
        reason = getattr(exc, "reason", None) or str(exc)
    elif isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
    else:
        reason = f"internal error: {type(exc).__name__}: {exc}"
    sys.stderr.write(f"{PROG}: {path}: {_one_line(reason)}\n")
    sys.stderr.flush()


def _each(paths: List[str], emit: Callable[[str, Document], None]) -> int:
    """Parse each file and hand it to `emit`; report failures and carry on. Returns the exit status."""
    status = 0
    for path in paths:
        try:
            doc = _load(path)
        except Exception as exc:  # one bad file must not stop the others, nor print a traceback
            _report(path, exc)
            status = 1
            continue
        emit(path, doc)
    return status


def _annotate(args: argparse.Namespace) -> int:
    def emit(path: str, doc: Document) -> None:
        sys.stdout.write(doc.annotation_json(path) + "\n")
        sys.stdout.flush()

    status = 0
    # Files and directories go to parse_many (parallel, in order); `-` (standard input) is read where it stands.
    for stdin, group in itertools.groupby(args.files, key=lambda f: f == "-"):
        if stdin:
            status |= _each(list(group), emit)
            continue
        for r in parse_many(list(group), workers=args.jobs, progress=args.progress):
            if isinstance(r, ParseFailure):
                sys.stderr.write(f"{PROG}: {r.path}: {_one_line(r.reason)}\n")
                sys.stderr.flush()
                status = 1
            else:
                sys.stdout.write(r.annotation_json(r.path) + "\n")
    sys.stdout.flush()
    return status


def _jobs(s: str) -> int:
    n = int(s)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


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

    return _each(args.files, emit)


def _json(args: argparse.Namespace) -> int:
    def emit(path: str, doc: Document) -> None:
        sys.stdout.write(doc.to_json(indent=2) + "\n")
        sys.stdout.flush()

    return _each([args.file], emit)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog=PROG,
        description="Parse Vietnamese administrative documents (.md, .txt): outline, metadata, annotations.",
    )
    ap.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("annotate", help="print the annotation JSON (JSON Lines for several files)")
    p.add_argument("files", nargs="+", metavar="PATH",
                   help="document files, or directories (their .txt .md .htm .html .docx .pdf files, recursively); "
                        "- reads standard input")
    p.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                   help="parse N files at a time (default: one per core)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress line on stderr (default: when stderr is a terminal)")
    p.set_defaults(run=_annotate)
    p = sub.add_parser("tree", help="print a metadata summary and the outline")
    p.add_argument("files", nargs="+", metavar="FILE", help="document files; - reads standard input")
    p.set_defaults(run=_tree)
    p = sub.add_parser("json", help="print the whole tree as JSON")
    p.add_argument("file", metavar="FILE", help="a document file; - reads standard input")
    p.set_defaults(run=_json)
    return ap


def _utf8_streams() -> None:
    # JSON and Vietnamese text go out as UTF-8 whatever the locale says.
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
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


if __name__ == "__main__":
    sys.exit(main())
