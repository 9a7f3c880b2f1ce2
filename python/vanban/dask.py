"""vanban on Dask: an archive too big for one machine, parsed where the workers are.

    >>> import vanban.dask
    >>> from dask.distributed import Client
    >>> client = Client("tcp://scheduler:8786")      # or Client() for processes on this machine
    >>> anns = vanban.dask.annotations("/shared/archive/**/*.md")   # a dask Bag of annotation dicts
    >>> t = vanban.dask.frames("s3://bucket/archive/*.txt")        # dask DataFrames, lazily
    >>> t.assignments.groupby("agency_key").size().nlargest(20).compute()

``paths`` is a glob (``*``, ``**``), a directory (its documents, recursively, as ``parse_many`` walks it), a file,
a URL that fsspec reads (``s3://``, ``gs://``, ``abfs://``, ``https://``: the matching fsspec package must be
installed on the client and the workers) or a list of these. The files are cut into partitions of
``files_per_partition`` files; each partition is read and parsed on a worker (``vanban`` must be installed
there), so only the small result records travel. Nothing runs until ``.compute()`` (or ``.to_parquet(...)``).
Needs ``pip install 'vanban[dask]'``; dask is imported when a function here is called.
"""
import glob as _glob
import os
from typing import Any, Dict, Iterable, List, Sequence, Union

from . import _frames
from ._frames import Frames, need
from ._vanban import Document, ParseFailure, parse_bytes, parse_file

Paths = Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]]

#: What a directory stands for (as ``parse_many`` walks it).
EXTENSIONS = (".txt", ".md", ".htm", ".html", ".docx", ".pdf")


def _walk(directory: str) -> List[str]:
    out = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out += [os.path.join(root, f) for f in sorted(files) if not f.startswith(".") and f.lower().endswith(EXTENSIONS)]
    return out


def files(paths: Paths) -> List[str]:
    """The files ``paths`` stands for, in order (globs and directories expanded, sorted)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: List[str] = []
    for p in paths:
        p = os.fspath(p)
        if "://" in p:
            fsspec = need("fsspec", "vanban.dask with URLs")
            fs, _, found = fsspec.get_fs_token_paths(p)
            protocol = fs.protocol[0] if isinstance(fs.protocol, (tuple, list)) else fs.protocol
            out += sorted(f if "://" in f else f"{protocol}://{f}" for f in found)
        elif _glob.has_magic(p):
            out += sorted(f for f in _glob.glob(p, recursive=True) if os.path.isfile(f))
        elif os.path.isdir(p):
            out += _walk(p)
        else:
            out.append(p)
    return out


def _parse(path: str) -> Union[Document, ParseFailure, Dict[str, str]]:
    """Parse one file on a worker: a Document, or a failure record."""
    from ._vanban import VanbanError

    try:
        if "://" in path:
            import fsspec

            with fsspec.open(path, "rb") as f:
                doc = parse_bytes(f.read())
            return doc
        return parse_file(path)
    except VanbanError as exc:
        return {"path": path, "error_type": type(exc).__name__, "reason": getattr(exc, "reason", str(exc))}
    except OSError as exc:
        return {"path": path, "error_type": "ReadError", "reason": exc.strerror or str(exc)}


def _chunks(items: List[str], size: int) -> List[List[str]]:
    if size < 1:
        raise ValueError(f"files_per_partition must be at least 1, not {size}")
    return [items[i : i + size] for i in range(0, len(items), size)]


def _annotations(chunk: List[str]) -> List[Dict[str, Any]]:
    out = []
    for path in chunk:
        r = _parse(path)
        if isinstance(r, Document):
            out.append(r.annotation(source=path))
    return out


def _failures(chunk: List[str]) -> List[Dict[str, Any]]:
    return [r for r in map(_parse, chunk) if isinstance(r, dict)]


def _documents(chunk: List[str]) -> List[Document]:
    return [r for r in map(_parse, chunk) if isinstance(r, Document)]


def _bag(fn: Any, paths: Paths, files_per_partition: int) -> Any:
    db = need("dask.bag", "vanban.dask")
    chunks = _chunks(files(paths), files_per_partition)
    return db.from_sequence(chunks, npartitions=max(1, len(chunks))).map_partitions(
        lambda part: [x for chunk in part for x in fn(chunk)]
    )


def annotations(paths: Paths, files_per_partition: int = 16) -> Any:
    """A dask Bag of the annotation dicts (``vanban-annotation/1``, ``source`` = the file) of the files that
    parse, in file order; :func:`failures` lists the others."""
    return _bag(_annotations, paths, files_per_partition)


def failures(paths: Paths, files_per_partition: int = 16) -> Any:
    """A dask Bag of ``{"path", "error_type", "reason"}`` for the files that cannot be read or parsed."""
    return _bag(_failures, paths, files_per_partition)


def documents(paths: Paths, files_per_partition: int = 16) -> Any:
    """A dask Bag of the parsed Documents themselves (they pickle); heavier to move than the tables."""
    return _bag(_documents, paths, files_per_partition)


def _tables(chunk: List[str]) -> Dict[str, Any]:
    """All the tables of one partition (each file parsed once)."""
    acc: Dict[str, List[Dict[str, Any]]] = {t: [] for t in Frames._fields}
    for r in map(_parse, chunk):
        if isinstance(r, dict):
            acc["failures"].append(r)
            continue
        for t in ("documents", "outline", "references", "assignments"):
            acc[t].extend(_frames.rows(r, t))
    return {t: _frames.build(t, rows, "pandas", "vanban.dask.frames()") for t, rows in acc.items()}


def frames(paths: Paths, files_per_partition: int = 16) -> Frames:
    """The tables of ``vanban.frames`` as dask DataFrames (one partition per ``files_per_partition`` files,
    each file parsed once for all the tables it appears in): ``documents``, ``outline``, ``references``,
    ``assignments``, ``failures``; ``path`` in each."""
    dd = need("dask.dataframe", "vanban.dask.frames()")
    from dask import delayed

    chunks = _chunks(files(paths), files_per_partition) or [[]]
    parts = [delayed(_tables)(chunk) for chunk in chunks]
    out = {}
    for table in Frames._fields:
        meta = _frames.build(table, [], "pandas", "vanban.dask.frames()")
        out[table] = dd.from_delayed([p[table] for p in parts], meta=meta, verify_meta=False)
    return Frames(**out)


def outline(paths: Paths, files_per_partition: int = 16) -> Any:
    """``frames(paths).outline``: one row per outline item."""
    return frames(paths, files_per_partition).outline


def references(paths: Paths, files_per_partition: int = 16) -> Any:
    """``frames(paths).references``: one row per cited document."""
    return frames(paths, files_per_partition).references


def assignments(paths: Paths, files_per_partition: int = 16) -> Any:
    """``frames(paths).assignments``: one row per (section, agency, role)."""
    return frames(paths, files_per_partition).assignments
