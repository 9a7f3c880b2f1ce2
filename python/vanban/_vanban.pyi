# Type stubs for the extension module (src/python/*.rs). Keep in sync with it: `python -m mypy.stubtest vanban`
# (run by tests/test_stubs.py) compares them with the module.
import datetime
import os
from typing import Any, Callable, Dict, Iterable, Iterator, List, NoReturn, Optional, Tuple, Union

from typing_extensions import Self, final

__all__ = [
    "__version__", "parse", "parse_bytes", "parse_file", "parse_many", "ParseMany", "ParseFailure", "Document",
    "Node", "Metadata", "Reference", "Assignment", "Corpus", "VanbanError", "DecodeError", "EmptyDocumentError",
    "InternalError", "ReadError", "CorpusError",
]

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

_Progress = Union[bool, Callable[[int, Optional[int], Optional[str]], Any], Any, None]

def parse_many(
    paths: Union[_Path, Iterable[_Path]],
    workers: Optional[int] = None,
    progress: _Progress = None,
    format: Optional[str] = None,
    encoding: Optional[str] = None,
) -> ParseMany:
    """Parse many files in parallel: an iterator of one `Document` or `ParseFailure` per file, in input order.

    `paths` is a file or directory, or an iterable of them (a generator is fine: it is consumed lazily, as the
    workers need more files). A directory stands for the files below it with a document extension (.txt .md
    .htm .html .docx .pdf), recursively, in sorted order; hidden entries are skipped; a directory with no
    document is a failure. `workers` threads parse (None, or more than the cores: one per core; all batches
    share one pool, so no call leaves threads behind); at most 8 x workers files are in flight, so memory stays
    flat however many files there are. The GIL is released while parsing.
    `progress`: None for a bar where one can be seen (a line on stderr when it is a terminal, tqdm.auto's
    widget in a notebook), True for a bar anyway (tqdm.auto's, or lines on stderr without tqdm, when stderr is
    not a terminal), False for none, a callable `(done, total, path)` or a tqdm bar (advanced, not closed).
    The results know their `len()` when `paths` is a list, a tuple or one path. A bad file never stops the batch:
    it gives a `ParseFailure` naming it. `format` and `encoding`: as for `parse_bytes`, for every file. Raises
    ValueError for workers < 1 or an unknown format/encoding, TypeError for a path that is not a str, bytes
    or os.PathLike (when the iterator reaches it).
    """

@final
class ParseMany(Iterator[Union["Document", "ParseFailure"]]):
    """The iterator `parse_many` returns."""

    def __iter__(self) -> ParseMany:
        """The iterator itself."""
    def __next__(self) -> Union[Document, ParseFailure]:
        """The next file's Document or ParseFailure, in input order."""
    def __len__(self) -> int:
        """The number of results when the paths were a list, a tuple or one path (directories counted by their
        files); TypeError otherwise. It does not change as results are taken."""
    def __bool__(self) -> bool:
        """Always True, as iterators are."""
    def _repr_html_(self) -> str: ...

@final
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
    def __eq__(self, other: object, /) -> bool:
        """Equal when the file, the error type and the message are."""
    def __hash__(self) -> int: ...
    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle support (the exception travels with its errno)."""
    def _repr_html_(self) -> str: ...

@final
class Document:
    """A parsed document: the text as given, a lossless tree over it, and its metadata."""

    @property
    def path(self) -> Optional[str]:
        """The file it was read from (`parse_file`, `parse_many`); None for `parse` and `parse_bytes`."""

    @property
    def text(self) -> str:
        """The text as given; offsets of nodes, references and assignments index into it (code points)."""
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
    def metadata(self) -> Metadata:
        """What was extracted from the header, title and closing."""
    @property
    def root(self) -> Node:
        """The root node (kind "document"), spanning the whole text."""
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
        """`references` as a pandas DataFrame: `path` (the document's file), `ord`, the fields of
        `Reference.to_dict()` with `symbol_parts` flattened (symbol_number, symbol_year, symbol_type_code,
        symbol_issuer_code, symbol_form), `date` as datetime64, `mentions` ([start, end] pairs), `sections` (the
        item of each mention) and `pinpoints` as lists.

        Raises ImportError when pandas is missing (`pip install 'vanban[pandas]'`)."""
    def assignments_frame(self) -> Any:
        """`assignments` as a pandas DataFrame: `path`, `ord`, the fields of `Assignment.to_dict()` with
        `deadline_info` flattened (deadline_year, deadline_part, deadline_every), `deadline_date` as
        datetime64, `counterparts` as a list of {agency, role}.

        Raises ImportError when pandas is missing (`pip install 'vanban[pandas]'`)."""
    def outline_frame(self) -> Any:
        """The outline as a pandas DataFrame, one row per item: path (the document's file), id, section (the
        item's path, "IV/2"), label, style, depth (1 for top items), parent (the enclosing item's section),
        heading, start, end.

        Raises ImportError when pandas is missing (`pip install 'vanban[pandas]'`)."""
    def to_dict(self) -> Dict[str, Any]:
        """{"text", "path", "source", "metadata", "root", "references", "assignments"}; source: format,
        encoding, confidence, page_header, page_footer (None for `parse(str)`); each node: id, kind, label, heading,
        path, style, start, end, marker ([start, end] or None), text (leaves only), children; references and
        assignments as their `to_dict()`. `Document.from_dict` reads it back."""
    def to_json(self, indent: Optional[int] = None) -> str:
        """`to_dict()` as JSON (not ASCII-escaped)."""
    @classmethod
    def from_json(cls, json: str) -> Document:
        """A document from `to_json()`'s JSON: `Document.from_json(d.to_json()).to_json() == d.to_json()`.
        The line map behind `origin()` is not in the JSON (pickling keeps it). ValueError for JSON of another
        schema or a span outside the text."""
    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> Document:
        """A document from `to_dict()`'s dict (as `from_json`)."""
    def html(self, text_limit: Optional[int] = 20000, more_limit: Optional[int] = 100000) -> str:
        """The rich view as HTML: a metadata card, the outline as a collapsible tree, tables of references and
        assignments, and the text with references and assignment agencies highlighted by kind (hover for their
        fields). The text is cut after `text_limit` characters, the next `more_limit` behind "show more"
        (None: no limit). Self-contained (no script, nothing fetched) and escaped."""
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle support: compact (the text once, spans as byte offsets), path and source kept."""
    def __copy__(self) -> Self:
        """Immutable: the document itself."""
    def __deepcopy__(self, memo: Any) -> Self:
        """Immutable: the document itself."""
    def __eq__(self, other: object, /) -> bool:
        """Equal when the texts and everything parsed from them are (not where they were read from)."""
    def __hash__(self) -> int: ...
    def annotation(self, source: Optional[str] = None) -> Dict[str, Any]:
        """The `vanban-annotation/1` projection as a dict."""
    def annotation_json(self, source: Optional[str] = None) -> str:
        """The annotation as one line of JSON."""

@final
class Node:
    """A node of the tree; offsets are code points into `Document.text`."""

    @property
    def id(self) -> int:
        """Index of the node in the document's arena (the root is 0)."""
    @property
    def kind(self) -> str:
        """document, chrome, header, title, preamble, body, item, closing, paragraph, table_row, trivia."""
    @property
    def is_leaf(self) -> bool:
        """Whether the node is a leaf (paragraph, table_row, trivia)."""
    @property
    def label(self) -> Optional[str]:
        """Outline items: the marker without punctuation ("IV", "1.1", "đ", "Điều 5", "-")."""
    @property
    def heading(self) -> Optional[str]:
        """Outline items with children: the text of their first paragraph."""
    @property
    def style(self) -> Optional[str]:
        """part, chapter, legal_section, subsection, article, roman, letter, arabic, dotted, point, bullet,
        appendix."""
    @property
    def path(self) -> Optional[str]:
        """Outline items: labels from the root joined by "/" ("IV/2", "IV/1/-2")."""
    @property
    def text(self) -> str:
        """The text the node covers: `document.text[start:end]`."""
    @property
    def start(self) -> int:
        """Start offset in `Document.text`, in code points."""
    @property
    def end(self) -> int:
        """End offset (exclusive) in `Document.text`, in code points."""
    @property
    def byte_start(self) -> int:
        """Start offset in the UTF-8 encoding of the text."""
    @property
    def byte_end(self) -> int:
        """End offset (exclusive) in the UTF-8 encoding of the text."""
    @property
    def marker(self) -> Optional[Tuple[int, int]]:
        """Outline items: (start, end) of the printed marker, in code points."""
    @property
    def children(self) -> List[Node]:
        """The child nodes, in text order; they tile this node's span."""
    @property
    def parent(self) -> Optional[Node]:
        """The enclosing node; None for the root."""
    def items(self) -> List[Node]:
        """The outline items among the children."""
    def to_dict(self) -> Dict[str, Any]:
        """The node and its subtree as plain data (id, kind, label, heading, path, style, start, end, marker, text
        for leaves, children), as in `Document.to_dict()["root"]`."""
    @property
    def document(self) -> Document:
        """The document this belongs to."""
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle support: the document (once per pickle) and the place in it."""
    def __copy__(self) -> Self:
        """Immutable: the object itself."""
    def __deepcopy__(self, memo: Any) -> Self:
        """Immutable: the object itself."""
    def __eq__(self, other: object, /) -> bool:
        """Equal when of equal documents and at the same place in them."""
    def __hash__(self) -> int: ...

@final
class Metadata:
    """The document's own metadata, from its header, title and closing."""

    @property
    def doc_type(self) -> Optional[str]:
        """The type code ("KH", "QĐ", "CV"), or the type word for a type outside the table."""
    @property
    def doc_type_name(self) -> Optional[str]:
        """The type's Vietnamese name ("Kế hoạch")."""
    @property
    def symbol(self) -> Optional[str]:
        """The number and symbol as printed ("45/KH-UBND")."""
    @property
    def symbol_parts(self) -> Optional[Dict[str, Any]]:
        """number, year, type_code, issuer_code, form ("party", "state", "law")."""
    @property
    def issuer(self) -> Optional[str]:
        """The issuing body: the top-left block of the header, its lines joined by spaces."""
    @property
    def place(self) -> Optional[str]:
        """The place of issue ("Lạng Sơn")."""
    @property
    def date(self) -> Optional[datetime.date]:
        """The date of issue."""
    @property
    def title(self) -> Optional[str]:
        """The trích yếu."""
    @property
    def signing_authority(self) -> Optional[str]:
        """Who signs on whose behalf ("TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"), as printed."""
    @property
    def signer_title(self) -> Optional[str]:
        """The signer's title ("PHÓ CHỦ TỊCH"), as printed."""
    @property
    def signer(self) -> Optional[str]:
        """The signer's name, as printed."""
    @property
    def recipients(self) -> List[str]:
        """The items under "Nơi nhận:"."""
    def to_dict(self) -> Dict[str, Any]:
        """All fields; the date as an ISO string."""
    @property
    def document(self) -> Document:
        """The document this belongs to."""
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle support: the document it belongs to."""
    def __copy__(self) -> Self:
        """Immutable: the object itself."""
    def __deepcopy__(self, memo: Any) -> Self:
        """Immutable: the object itself."""
    def __eq__(self, other: object, /) -> bool:
        """Equal when the fields are."""
    def __hash__(self) -> int: ...

@final
class Reference:
    """One document the text cites, with where it is mentioned; offsets are code points into `Document.text`."""

    @property
    def doc_type(self) -> Optional[str]:
        """The type code ("KH", "NQ"), or the type word for a type outside the table."""
    @property
    def doc_type_name(self) -> Optional[str]:
        """The type's Vietnamese name ("Kế hoạch")."""
    @property
    def symbol(self) -> Optional[str]:
        """The number and symbol as printed ("58-KH/BTCTW"); None for a citation by name."""
    @property
    def symbol_parts(self) -> Optional[Dict[str, Any]]:
        """number, year, type_code, issuer_code, form ("party", "state", "law")."""
    @property
    def date(self) -> Optional[datetime.date]:
        """The date of issue."""
    @property
    def issuer(self) -> Optional[str]:
        """The issuer as printed ("Ban Tổ chức Trung ương")."""
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
        mentions ([start, end] lists), pinpoints."""
    @property
    def document(self) -> Document:
        """The document this belongs to."""
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle support: the document (once per pickle) and the place in it."""
    def __copy__(self) -> Self:
        """Immutable: the object itself."""
    def __deepcopy__(self, memo: Any) -> Self:
        """Immutable: the object itself."""
    def __eq__(self, other: object, /) -> bool:
        """Equal when of equal documents and at the same place in them."""
    def __hash__(self) -> int: ...

@final
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
    def agency_start(self) -> int:
        """Start of the agency's name as printed (`doc.text[a.agency_start:a.agency_end]`); for an agency named
        in a table cell, the row's."""
    @property
    def agency_end(self) -> int:
        """End (exclusive) of the agency's name as printed."""
    @property
    def text(self) -> str:
        """The assigning paragraph: `doc.text[a.start:a.end]`."""
    @property
    def node(self) -> Optional[Node]:
        """The outline item `section` names (`doc.find(section)`); None when `section` is ""."""
    def to_dict(self) -> Dict[str, Any]:
        """section, agency, agency_key, role, deadline, deadline_date (ISO string), deadline_kind, deadline_info,
        counterparts ([agency, role] lists), start, end, agency_start, agency_end, text."""
    @property
    def document(self) -> Document:
        """The document this belongs to."""
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickle support: the document (once per pickle) and the place in it."""
    def __copy__(self) -> Self:
        """Immutable: the object itself."""
    def __deepcopy__(self, memo: Any) -> Self:
        """Immutable: the object itself."""
    def __eq__(self, other: object, /) -> bool:
        """Equal when of equal documents and at the same place in them."""
    def __hash__(self) -> int: ...

_Paths = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]

@final
class Corpus:
    """A cross-reference index of many documents in a SQLite file (created when missing).

    Query methods return pandas DataFrames (needs pandas), or lists of dicts with ``as_frame=False``.
    Dates are ISO strings; offsets (``byte_start``/``byte_end`` in the tables) are UTF-8 byte offsets.
    """

    def __new__(cls, db_path: _Path, read_only: bool = False) -> Corpus:
        """Open the index (created when missing; a file that is not a vanban index is refused untouched).
        `read_only=True`: an existing index, to query only (works in a directory one cannot write to)."""
    @property
    def path(self) -> str:
        """The database file."""
    def index(
        self,
        paths: _Paths,
        workers: Optional[int] = None,
        progress: _Progress = None,
        prune: bool = False,
        force: bool = False,
    ) -> Dict[str, Any]:
        """Index files and directories (walked as parse_many walks them); unchanged files are skipped,
        failures recorded. `workers`: as for parse_many (ValueError below 1). Releases the GIL; Ctrl-C raises
        KeyboardInterrupt and keeps what was written. `progress`: None for a bar where one can be seen (stderr
        a terminal, or a notebook), True for a bar anyway, False for none, a callable `(done, total, path)`
        (path None for a file skipped as unchanged) or a tqdm bar (failed files counted in its postfix).

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
    def export(self, directory: Union[str, "os.PathLike[str]"], format: str = "parquet") -> Dict[str, str]:
        """Write the tables (documents, outline, references, mentions, assignments, edges, errors) to
        `directory`, one file each, `path` (the document's file) in each: `format="parquet"` (needs pyarrow:
        `pip install 'vanban[arrow]'`; dates as date32) or "csv". Returns {table: file}."""
    def _rows(self, method: str, arg: Optional[str] = None, n: int = 20) -> Tuple[List[str], List[Any]]:
        """The rows of a query method as (columns, rows of values): what `vanban refs` prints."""
    def close(self) -> None:
        """Close the database; later calls raise CorpusError."""
    def __enter__(self) -> "Corpus":
        """The corpus itself."""
    def __exit__(self, _exc_type: Any, _exc: Any, _tb: Any) -> bool:
        """Close it."""
    def _repr_html_(self) -> str: ...
