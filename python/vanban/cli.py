"""The `vanban` command.

    vanban annotate FILE...   annotation JSON (one object; JSON Lines for several files)
    vanban tree FILE...       metadata summary and the outline, one item per line
    vanban json FILE          the whole tree as JSON (Document.to_json(indent=2))

A file that cannot be read or parsed gives one line on stderr, `vanban: PATH: REASON`; the other files are still
processed and the exit status is 1. `-` reads standard input. Formats (.docx, PDF, HTML, text) and encodings
(UTF-8, UTF-16, Windows-1258, TCVN3, VNI, VISCII) are detected from content; `--format` and `--encoding`
override them.
"""
import argparse
import os
import sys
from typing import Callable, List, Optional

from . import Document, VanbanError, __version__, parse_bytes, parse_file

PROG = "vanban"
SNIPPET = 60


def _load(path: str, format: Optional[str] = None, encoding: Optional[str] = None) -> Document:
    if path == "-":
        return parse_bytes(sys.stdin.buffer.read(), format=format, encoding=encoding)
    return parse_file(path, format=format, encoding=encoding)


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
        sys.stdout.write(doc.annotation_json(path) + "\n")
        sys.stdout.flush()

    return _each(args.files, emit, args)


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


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog=PROG,
        description="Parse Vietnamese administrative documents (.docx, .pdf, .htm, .md, .txt): outline, metadata, annotations.",
    )
    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument("--format", choices=["text", "html", "docx", "pdf"], help="read every file as this format (default: detected)")
    reading.add_argument(
        "--encoding",
        metavar="NAME",
        help="text encoding (utf-8, utf-16le, windows-1258, tcvn3, vni, viscii, ...; for .docx/PDF the legacy font); default: detected",
    )
    ap.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("annotate", parents=[reading], help="print the annotation JSON (JSON Lines for several files)")
    p.add_argument("files", nargs="+", metavar="FILE", help="document files; - reads standard input")
    p.set_defaults(run=_annotate)
    p = sub.add_parser("tree", parents=[reading], help="print a metadata summary and the outline")
    p.add_argument("files", nargs="+", metavar="FILE", help="document files; - reads standard input")
    p.set_defaults(run=_tree)
    p = sub.add_parser("json", parents=[reading], help="print the whole tree as JSON")
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
    if getattr(args, "encoding", None):
        try:  # an unknown encoding name is a usage error, said once, not once per file
            parse_bytes(b"x", format="text", encoding=args.encoding)
        except ValueError as exc:
            ap.error(str(exc))
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


if __name__ == "__main__":
    sys.exit(main())
