# Type stubs for the extension module (src/python.rs). Keep in sync with it.
import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, NoReturn, Optional, Tuple, Union

__version__: str

class VanbanError(Exception):
    """Base class of the errors raised by vanban."""

    path: Optional[str]
    """The file the error is about (None for `parse_bytes`)."""
    reason: str
    """The message without the path."""

class ReadError(VanbanError, OSError):
    """A file could not be read (missing, a directory, no permission)."""

class DecodeError(VanbanError):
    """The input is not text in an encoding vanban reads."""

class EmptyDocumentError(VanbanError):
    """The input is readable but holds no text."""

class CorpusError(VanbanError):
    """The index could not be opened, written or queried (not a vanban index, another schema version, a
    document asked for that the index does not hold, a closed index)."""
class InternalError(VanbanError):
    """vanban failed on this input (a bug, please report it). Only `parse_many` reports it, as a ParseFailure:
    a panic in one file's parse is caught there so that the other files go on."""

def parse(text: str) -> Document:
    """Parse a document from its text. Never fails: lone surrogates are read as U+FFFD (one for one, so
    offsets still match). Warns (UserWarning) when the whole text is the path of an existing file."""

def parse_bytes(data: Union[bytes, bytearray, memoryview, Any], format: Optional[str] = None, encoding: Optional[str] = None) -> Document:
    """Parse a document from bytes: a .docx, a PDF with a text layer, an HTML page or text (UTF-8 with or
    without BOM, UTF-16 with BOM, Windows-1258, TCVN3, VNI, VISCII).

    The format and the encoding are detected from content; `format` ("text", "html", "docx", "pdf") and
    `encoding` ("utf-8", "windows-1258", "tcvn3", "vni", "viscii", or any WHATWG label) override them (an
    unknown name is a ValueError). For a .docx or PDF, `encoding` names the legacy font its text is in.
    Raises DecodeError or EmptyDocumentError.
    """

def parse_file(path: Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"], format: Optional[str] = None, encoding: Optional[str] = None) -> Document:
    """Parse a document from a file; `format` and `encoding` as for `parse_bytes`.

    Raises ReadError, DecodeError or EmptyDocumentError.
    """

_Path = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]

def parse_many(
    paths: Union[_Path, Iterable[_Path]],
    workers: Optional[int] = None,
    progress: Optional[bool] = None,
    format: Optional[str] = None,
    encoding: Optional[str] = None,
) -> ParseMany:
    """Parse many files in parallel: an iterator of one `Document` or `ParseFailure` per file, in input order.

    `paths` is a file or directory, or an iterable of them (a generator is fine: it is consumed lazily, as the
    workers need more files). A directory stands for the files below it with a document extension (.txt .md
    .htm .html .docx .pdf), recursively, in sorted order; hidden entries are skipped; a directory with no
    document is a failure. `workers` threads parse (None, or more than the cores: one per core; all batches
    share one pool, so no call leaves threads behind); at most 8 x workers files are in flight, so memory stays flat however many files there are. The GIL is released while parsing.
    `progress`: a progress line on stderr (None: when stderr is a terminal). A bad file never stops the batch:
    it gives a `ParseFailure` naming it. `format` and `encoding`: as for `parse_bytes`, for every file. Raises
    ValueError for workers < 1 or an unknown format/encoding, TypeError for a path that is not a str, bytes
    or os.PathLike (when the iterator reaches it).
    """

class ParseMany(Iterator[Union["Document", "ParseFailure"]]):
    """The iterator `parse_many` returns."""

    def __iter__(self) -> ParseMany: ...
    def __next__(self) -> Union[Document, ParseFailure]: ...

class ParseFailure:
    """A file `parse_many` could not parse (not an exception: `raise_()` raises it)."""

    @property
    def path(self) -> str:
        """The file, as given or as found under a directory given."""
    @property
    def error(self) -> VanbanError:
        """The exception `parse_file` would have raised (ReadError, DecodeError, EmptyDocumentError) or an
        InternalError (the parser panicked: a bug)."""
    @property
    def error_type(self) -> str:
        """The exception's class name: "ReadError", "DecodeError", "EmptyDocumentError" or "InternalError"."""
    @property
    def reason(self) -> str:
        """Why, without the path (`error.reason`)."""
    @property
    def message(self) -> str:
        """One line naming the file and the reason (`str(error)`)."""
    def raise_(self) -> NoReturn:
        """Raise `error`."""

class Document:
    """A parsed document: the text as given, a lossless tree over it, and its metadata."""

    @property
    def path(self) -> Optional[str]:
        """The file it was read from (`parse_file`, `parse_many`); None for `parse` and `parse_bytes`."""

    @property
    def text(self) -> str: ...
    @property
    def input_format(self) -> Optional[str]:
        """What the text was read as: "text", "html", "docx" or "pdf" (None for `parse(str)`)."""
    @property
    def encoding(self) -> Optional[str]:
        """The encoding the text was decoded from ("utf-8", "tcvn3", ...); None for `parse(str)` and for a
        .docx or PDF whose text is Unicode."""
    @property
    def encoding_confidence(self) -> Optional[float]:
        """How sure the encoding guess is, 0..1 (1 for a BOM, a declared charset or an explicit encoding)."""
    @property
    def page_header(self) -> Optional[str]:
        """A .docx's page header text (not part of `text`), or None."""
    @property
    def page_footer(self) -> Optional[str]:
        """A .docx's page footer text (not part of `text`), or None."""
    def origin(self, offset: int) -> Optional[Dict[str, int]]:
        """Where the code point at `offset` comes from: {"byte": n} (text, HTML), {"paragraph": n} plus
        "table", "row", "cell" inside a table (.docx), {"page": p, "line": l} (PDF); None for `parse(str)`."""
    @property
    def metadata(self) -> Metadata: ...
    @property
    def root(self) -> Node: ...
    def outline(self) -> List[Node]:
        """Outline items (kind "item") in document order."""
    def find(self, path: str) -> Optional[Node]:
        """The first outline item with this path ("IV/2"), or None."""
    def nodes(self) -> List[Node]:
        """All nodes in pre-order, the root first."""
    def leaves(self) -> List[Node]:
        """The leaves in document order; their texts concatenate to `text`."""
    def item_at(self, offset: int) -> Optional[Node]:
        """The innermost outline item holding the code point at `offset`."""
    @property
    def references(self) -> List[Reference]:
        """The documents the text cites, one entry each, in order of first mention."""
    @property
    def assignments(self) -> List[Assignment]:
        """Who must act: one record per (section, agency, role)."""
    def references_frame(self) -> Any:
        """`references` as a pandas DataFrame (columns: the keys of `Reference.to_dict()`).

        Raises ImportError when pandas is missing (`pip install 'vanban[pandas]'`)."""
    def assignments_frame(self) -> Any:
        """`assignments` as a pandas DataFrame (columns: the keys of `Assignment.to_dict()`).

        Raises ImportError when pandas is missing (`pip install 'vanban[pandas]'`)."""
    def to_dict(self) -> Dict[str, Any]:
        """{"text", "metadata", "root", "references", "assignments"}; each node: kind, label, heading, path,
        style, start, end, marker ([start, end] or None), text (leaves only), children; references and
        assignments as their `to_dict()`."""
    def to_json(self, indent: Optional[int] = None) -> str:
        """`to_dict()` as JSON (not ASCII-escaped)."""
    def annotation(self, source: Optional[str] = None) -> Dict[str, Any]:
        """The `vanban-annotation/1` projection as a dict."""
    def annotation_json(self, source: Optional[str] = None) -> str:
        """The annotation as one line of JSON."""

class Node:
    """A node of the tree; offsets are code points into `Document.text`."""

    @property
    def id(self) -> int: ...
    @property
    def kind(self) -> str:
        """document, chrome, header, title, preamble, body, item, closing, paragraph, table_row, trivia."""
    @property
    def is_leaf(self) -> bool: ...
    @property
    def label(self) -> Optional[str]: ...
    @property
    def heading(self) -> Optional[str]: ...
    @property
    def style(self) -> Optional[str]:
        """part, chapter, legal_section, subsection, article, roman, letter, arabic, dotted, point, bullet,
        appendix."""
    @property
    def path(self) -> Optional[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def marker(self) -> Optional[Tuple[int, int]]: ...
    @property
    def children(self) -> List[Node]: ...
    @property
    def parent(self) -> Optional[Node]: ...
    def items(self) -> List[Node]:
        """The outline items among the children."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Metadata:
    """The document's own metadata, from its header, title and closing."""

    @property
    def doc_type(self) -> Optional[str]: ...
    @property
    def doc_type_name(self) -> Optional[str]: ...
    @property
    def symbol(self) -> Optional[str]: ...
    @property
    def symbol_parts(self) -> Optional[Dict[str, Any]]:
        """number, year, type_code, issuer_code, form ("party", "state", "law")."""
    @property
    def issuer(self) -> Optional[str]: ...
    @property
    def place(self) -> Optional[str]: ...
    @property
    def date(self) -> Optional[datetime.date]: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def signing_authority(self) -> Optional[str]: ...
    @property
    def signer_title(self) -> Optional[str]: ...
    @property
    def signer(self) -> Optional[str]: ...
    @property
    def recipients(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]:
        """All fields; the date as an ISO string."""

class Reference:
    """One document the text cites, with where it is mentioned; offsets are code points into `Document.text`."""

    @property
    def doc_type(self) -> Optional[str]:
        """The type code ("KH", "NQ"), or the type word for a type outside the table."""
    @property
    def doc_type_name(self) -> Optional[str]: ...
    @property
    def symbol(self) -> Optional[str]:
        """The number and symbol as printed ("58-KH/BTCTW"); None for a citation by name."""
    @property
    def symbol_parts(self) -> Optional[Dict[str, Any]]:
        """number, year, type_code, issuer_code, form ("party", "state", "law")."""
    @property
    def date(self) -> Optional[datetime.date]: ...
    @property
    def issuer(self) -> Optional[str]: ...
    @property
    def name(self) -> Optional[str]:
        """A citation by name (no number): its fullest form in the text."""
    @property
    def key(self) -> str:
        """Canonical key: the symbol normalized, or the type code, ":" and the name in lower case."""
    @property
    def attached(self) -> bool:
        """An attachment issued with the document itself ("Phụ lục 2A")."""
    @property
    def mentions(self) -> List[Tuple[int, int]]:
        """(start, end) of each mention, in code points."""
    @property
    def pinpoints(self) -> List[Dict[str, Any]]:
        """What mentions point at ("khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP"): mention (index into mentions),
        article, clause, point (str or None), start, end of the pinpoint phrase (code points)."""
    @property
    def nodes(self) -> List[Optional[Node]]:
        """For each mention, the innermost outline item it sits in (None outside every item)."""
    def to_dict(self) -> Dict[str, Any]:
        """doc_type, doc_type_name, symbol, symbol_parts, date (ISO string), issuer, name, key, attached,
        mentions ([start, end] lists)."""

class Assignment:
    """One (section, agency, role) record; offsets are code points into `Document.text`."""

    @property
    def section(self) -> str:
        """Path of the nearest enclosing item that is not a bullet ("IV/2"); "" outside every item."""
    @property
    def agency(self) -> str:
        """The agency as printed."""
    @property
    def agency_key(self) -> str:
        """The agency normalized: abbreviations expanded, tone placement folded, lower case."""
    @property
    def role(self) -> str:
        """responsible, lead, coordinate, directed, monitor or report_to."""
    @property
    def deadline(self) -> Optional[str]:
        """The deadline as printed."""
    @property
    def deadline_date(self) -> Optional[datetime.date]:
        """The deadline's day, when the text gives one."""
    @property
    def deadline_kind(self) -> Optional[str]:
        """date, quarter, month, year, range, recurring, ongoing, within (counted from an event) or other;
        None without a deadline."""
    @property
    def deadline_info(self) -> Optional[Dict[str, Any]]:
        """kind, phrase, date (ISO), year, part (quarter 1-4 or month 1-12), every (weekly ... yearly)."""
    @property
    def counterparts(self) -> List[Tuple[str, str]]:
        """(agency, role) of the other records of the same task (same paragraph and section)."""
    @property
    def start(self) -> int:
        """Start of the assigning paragraph."""
    @property
    def end(self) -> int:
        """End (exclusive) of the assigning paragraph."""
    @property
    def text(self) -> str:
        """The assigning paragraph: `doc.text[a.start:a.end]`."""
    @property
    def node(self) -> Optional[Node]:
        """The outline item `section` names (`doc.find(section)`); None when `section` is ""."""
    def to_dict(self) -> Dict[str, Any]:
        """section, agency, agency_key, role, deadline, deadline_date (ISO string), deadline_kind, start, end, text."""

_Paths = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]

class Corpus:
    """A cross-reference index of many documents in a SQLite file (created when missing).

    Query methods return pandas DataFrames (needs pandas), or lists of dicts with ``as_frame=False``.
    Dates are ISO strings; offsets (``byte_start``/``byte_end`` in the tables) are UTF-8 byte offsets.
    """

    def __init__(self, db_path: _Path, read_only: bool = False) -> None:
        """Open the index (created when missing; a file that is not a vanban index is refused untouched).
        `read_only=True`: an existing index, to query only (works in a directory one cannot write to)."""
    @property
    def path(self) -> str:
        """The database file."""
    def index(
        self,
        paths: _Paths,
        workers: Optional[int] = None,
        progress: bool = True,
        prune: bool = False,
        force: bool = False,
    ) -> Dict[str, Any]:
        """Index files and directories (walked as parse_many walks them); unchanged files are skipped,
        failures recorded. `workers`: as for parse_many (ValueError below 1). Releases the GIL; Ctrl-C raises KeyboardInterrupt and keeps what was written.

        Returns the counts: files, indexed, skipped, rehashed, failed, pruned, documents, errors,
        references, resolved, seconds; and "failures", this run's failed files as dicts (path, kind,
        message).
        """
    def documents(self, as_frame: bool = True) -> Any:
        """id, path, doc_type, symbol, issuer, date, title, items, refs, cited_by, size, hash, indexed_at."""
    def cites(self, doc: str, as_frame: bool = True) -> Any:
        """What a document (id, path, file name or symbol) cites, with the document each resolves to."""
    def cited_by(self, symbol: str, as_frame: bool = True) -> Any:
        """References to a symbol as typed ("66-NQ/TW", "66/nq-tw", "66-NQ/TW 2025"), a key or a name."""
    def resolved(self, as_frame: bool = True) -> Any:
        """References resolved to a document of the index, and how ("symbol" or "name")."""
    def unresolved(self, as_frame: bool = True) -> Any:
        """References to documents outside the index."""
    def most_cited(self, n: int = 20, as_frame: bool = True) -> Any:
        """The n most cited documents, by number of citing documents."""
    def edges(self, as_frame: bool = True) -> Any:
        """The citation graph: source, target, count, source_id, target_id, target_key, target_label."""
    def responsibility_matrix(self, as_frame: bool = True) -> Any:
        """Agency x document: counts by role (responsible, lead, coordinate, directed, monitor, report_to)."""
    def deadlines(self, as_frame: bool = True) -> Any:
        """Assignments with a deadline, dated ones first."""
    def errors(self, as_frame: bool = True) -> Any:
        """Files that could not be indexed: path, kind, message, size, at."""
    def stats(self) -> Dict[str, int]:
        """Counts: documents, nodes, refs, resolved, resolved_by_symbol, resolved_by_name, mentions,
        assignments, errors."""
    def close(self) -> None:
        """Close the database; later calls raise CorpusError."""
    def __enter__(self) -> "Corpus": ...
    def __exit__(self, *args: Any) -> bool: ...
