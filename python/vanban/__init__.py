"""vanban: a lossless parser for Vietnamese administrative documents.

    >>> import vanban
    >>> doc = vanban.parse_file("samples/seed-kh-langson-2022.txt")
    >>> for item in doc.outline():
    ...     print(item.path, item.heading)

Every node's ``start``/``end`` are code-point offsets into ``doc.text``, so
``doc.text[node.start:node.end] == node.text``; the leaves tile the text.
``doc.references`` and ``doc.assignments`` list the documents cited and who
must act; ``doc.assignments_frame()`` / ``doc.references_frame()`` give them
as pandas DataFrames (``pip install 'vanban[pandas]'``).
``vanban.Corpus("archive.sqlite").index("docs/")`` builds a cross-reference
index of many documents; its queries (``cited_by("66-NQ/TW")``, ``edges()``,
``responsibility_matrix()``, ...) give DataFrames.

``vanban.parse_many(paths, workers=None)`` parses files and directories in
parallel and yields a ``Document`` or a ``ParseFailure`` per file, in order;
``vanban.frames(results)`` turns them into documents/outline/references/
assignments tables (pandas, Arrow or polars), and ``vanban.dask`` does the same
on a Dask cluster. In Jupyter every object shows a rich HTML view.
"""
from ._vanban import (
    Assignment,
    Corpus,
    CorpusError,
    DecodeError,
    Document,
    EmptyDocumentError,
    InternalError,
    Metadata,
    Node,
    ParseFailure,
    ParseMany,
    ReadError,
    Reference,
    VanbanError,
    __version__,
    parse,
    parse_bytes,
    parse_file,
    parse_many,
)
from ._frames import Frames, frames

__all__ = [
    "parse",
    "parse_file",
    "parse_bytes",
    "parse_many",
    "ParseMany",
    "frames",
    "Frames",
    "ParseFailure",
    "Document",
    "Node",
    "Metadata",
    "Reference",
    "Assignment",
    "Corpus",
    "VanbanError",
    "ReadError",
    "DecodeError",
    "EmptyDocumentError",
    "CorpusError",
    "InternalError",
    "__version__",
]
