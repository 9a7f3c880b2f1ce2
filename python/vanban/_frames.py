"""Tables of parsed documents: pandas DataFrames, Arrow tables, polars DataFrames.

One set of tables, typed once (:data:`SCHEMAS`), built from the objects of the extension and handed to the
backend asked for: dates become ``datetime64`` (pandas) or ``date32`` (Arrow, Parquet) or ``Date`` (polars),
nested fields become columns (``symbol_parts`` -> ``symbol_number``, ...) or typed lists (``mentions``,
``pinpoints``, ``counterparts``). Every table has the document's file in ``path``. pandas, pyarrow and polars
are optional and imported only when asked for; a missing one is an ImportError naming the extra to install.
"""
import datetime
import importlib
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Tuple

# Column types: "str", "int", "float", "bool", "date", "timestamp", "list[str]", "list[span]" ([start, end]
# pairs), "list[pinpoint]", "list[counterpart]".
_PINPOINT = (("mention", "int"), ("article", "str"), ("clause", "str"), ("point", "str"), ("start", "int"), ("end", "int"))
_COUNTERPART = (("agency", "str"), ("role", "str"))

_SYMBOL = [
    ("symbol", "str"),
    ("symbol_number", "str"),
    ("symbol_year", "int"),
    ("symbol_type_code", "str"),
    ("symbol_issuer_code", "str"),
    ("symbol_form", "str"),
]

SCHEMAS: Dict[str, List[Tuple[str, str]]] = {
    "documents": [("path", "str"), ("doc_type", "str"), ("doc_type_name", "str")] + _SYMBOL + [
        ("issuer", "str"),
        ("place", "str"),
        ("date", "date"),
        ("title", "str"),
        ("signing_authority", "str"),
        ("signer_title", "str"),
        ("signer", "str"),
        ("recipients", "list[str]"),
        ("input_format", "str"),
        ("encoding", "str"),
        ("encoding_confidence", "float"),
        ("chars", "int"),
        ("items", "int"),
        ("references", "int"),
        ("assignments", "int"),
    ],
    "outline": [
        ("path", "str"),
        ("id", "int"),
        ("section", "str"),
        ("label", "str"),
        ("style", "str"),
        ("depth", "int"),
        ("parent", "str"),
        ("heading", "str"),
        ("start", "int"),
        ("end", "int"),
    ],
    "references": [("path", "str"), ("ord", "int"), ("doc_type", "str"), ("doc_type_name", "str")] + _SYMBOL + [
        ("date", "date"),
        ("issuer", "str"),
        ("name", "str"),
        ("key", "str"),
        ("attached", "bool"),
        ("mentions", "list[span]"),
        ("sections", "list[str]"),
        ("pinpoints", "list[pinpoint]"),
    ],
    "assignments": [
        ("path", "str"),
        ("ord", "int"),
        ("section", "str"),
        ("agency", "str"),
        ("agency_key", "str"),
        ("role", "str"),
        ("deadline", "str"),
        ("deadline_date", "date"),
        ("deadline_kind", "str"),
        ("deadline_year", "int"),
        ("deadline_part", "int"),
        ("deadline_every", "str"),
        ("counterparts", "list[counterpart]"),
        ("start", "int"),
        ("end", "int"),
        ("agency_start", "int"),
        ("agency_end", "int"),
        ("text", "str"),
    ],
    "failures": [("path", "str"), ("error_type", "str"), ("reason", "str")],
}

_EXTRA = {"pandas": "pandas", "pyarrow": "arrow", "polars": "polars"}


def need(module: str, what: str) -> Any:
    """Import an optional dependency, or raise an ImportError naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        extra = _EXTRA.get(module, module)
        raise ImportError(f"vanban: {what} needs {module}: pip install 'vanban[{extra}]'") from exc


# ---------------------------------------------------------------------------------------------------------
# Rows


def _symbol(d: Dict[str, Any]) -> Dict[str, Any]:
    parts = d.get("symbol_parts") or {}
    return {
        "symbol": d.get("symbol"),
        "symbol_number": parts.get("number"),
        "symbol_year": parts.get("year"),
        "symbol_type_code": parts.get("type_code"),
        "symbol_issuer_code": parts.get("issuer_code"),
        "symbol_form": parts.get("form"),
    }


def _document_row(doc: Any) -> Dict[str, Any]:
    m = doc.metadata.to_dict()
    row = {"path": doc.path, "doc_type": m["doc_type"], "doc_type_name": m["doc_type_name"]}
    row.update(_symbol(m))
    for k in ("issuer", "place", "date", "title", "signing_authority", "signer_title", "signer", "recipients"):
        row[k] = m[k]
    row.update(
        input_format=doc.input_format,
        encoding=doc.encoding,
        encoding_confidence=doc.encoding_confidence,
        chars=len(doc.text),
        items=len(doc.outline()),
        references=len(doc.references),
        assignments=len(doc.assignments),
    )
    return row


def _outline_rows(doc: Any) -> Iterable[Dict[str, Any]]:
    for item in doc.outline():
        depth, parent, p = 1, None, item.parent
        while p is not None:
            if p.kind == "item":
                depth += 1
                if parent is None:
                    parent = p.path
            p = p.parent
        yield {
            "path": doc.path,
            "id": item.id,
            "section": item.path,
            "label": item.label,
            "style": item.style,
            "depth": depth,
            "parent": parent,
            "heading": item.heading,
            "start": item.start,
            "end": item.end,
        }


def _reference_rows(doc: Any) -> Iterable[Dict[str, Any]]:
    for i, r in enumerate(doc.references):
        d = r.to_dict()
        row = {"path": doc.path, "ord": i, "doc_type": d["doc_type"], "doc_type_name": d["doc_type_name"]}
        row.update(_symbol(d))
        for k in ("date", "issuer", "name", "key", "attached", "mentions", "pinpoints"):
            row[k] = d[k]
        row["sections"] = [n.path if n is not None else None for n in r.nodes]
        yield row


def _assignment_rows(doc: Any) -> Iterable[Dict[str, Any]]:
    for i, a in enumerate(doc.assignments):
        d = a.to_dict()
        info = d["deadline_info"] or {}
        row = {"path": doc.path, "ord": i}
        for k in ("section", "agency", "agency_key", "role", "deadline", "deadline_date", "deadline_kind"):
            row[k] = d[k]
        row.update(deadline_year=info.get("year"), deadline_part=info.get("part"), deadline_every=info.get("every"))
        row["counterparts"] = [{"agency": ag, "role": role} for ag, role in d["counterparts"]]
        row.update(start=d["start"], end=d["end"], agency_start=d["agency_start"], agency_end=d["agency_end"],
                   text=d["text"])
        yield row


_ROWS = {"outline": _outline_rows, "references": _reference_rows, "assignments": _assignment_rows}


def rows(doc: Any, table: str) -> List[Dict[str, Any]]:
    """The rows of one document's table (``documents``, ``outline``, ``references``, ``assignments``)."""
    if table == "documents":
        return [_document_row(doc)]
    return list(_ROWS[table](doc))


# ---------------------------------------------------------------------------------------------------------
# Backends


def _columns(table: str, rs: List[Dict[str, Any]]) -> Dict[str, List[Any]]:
    return {name: [r.get(name) for r in rs] for name, _ in SCHEMAS[table]}


def _date(v: Any) -> Optional[datetime.date]:
    if v is None or isinstance(v, datetime.date):
        return v
    return datetime.date.fromisoformat(v)


def _pandas(table: str, rs: List[Dict[str, Any]], what: str) -> Any:
    pd = need("pandas", what)
    cols = _columns(table, rs)
    series = {}
    for name, kind in SCHEMAS[table]:
        values = cols[name]
        if kind == "date":
            series[name] = pd.to_datetime(pd.Series(values, dtype="object"), format="ISO8601")
        elif kind == "int":
            series[name] = pd.array(values, dtype="Int64")
        elif kind == "bool":
            series[name] = pd.array(values, dtype="boolean")
        elif kind == "float":
            series[name] = pd.array([float("nan") if v is None else v for v in values], dtype="float64")
        else:
            series[name] = pd.Series(values, dtype="object")
    return pd.DataFrame(series, columns=[n for n, _ in SCHEMAS[table]])


def _arrow_type(pa: Any, kind: str) -> Any:
    scalar = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32(),
              "timestamp": pa.timestamp("s", tz="UTC")}
    if kind in scalar:
        return scalar[kind]
    if kind == "list[str]":
        return pa.list_(pa.string())
    if kind == "list[span]":
        return pa.list_(pa.list_(pa.int64()))
    fields = _PINPOINT if kind == "list[pinpoint]" else _COUNTERPART
    return pa.list_(pa.struct([(n, _arrow_type(pa, k)) for n, k in fields]))


def arrow_schema(table: str) -> Any:
    """The Arrow schema of a table."""
    pa = need("pyarrow", "Arrow tables")
    return pa.schema([(n, _arrow_type(pa, k)) for n, k in SCHEMAS[table]])


def _dated_columns(table: str, rs: List[Dict[str, Any]]) -> Dict[str, List[Any]]:
    """The table's columns with its dates as `datetime.date` (what Arrow and polars take)."""
    cols = _columns(table, rs)
    for name, kind in SCHEMAS[table]:
        if kind == "date":
            cols[name] = [_date(v) for v in cols[name]]
    return cols


def _arrow(table: str, rs: List[Dict[str, Any]], what: str) -> Any:
    pa = need("pyarrow", what)
    return pa.table(_dated_columns(table, rs), schema=arrow_schema(table))


def _polars_type(pl: Any, kind: str) -> Any:
    scalar = {"str": pl.Utf8, "int": pl.Int64, "float": pl.Float64, "bool": pl.Boolean, "date": pl.Date,
              "timestamp": pl.Datetime("us", "UTC")}
    if kind in scalar:
        return scalar[kind]
    if kind == "list[str]":
        return pl.List(pl.Utf8)
    if kind == "list[span]":
        return pl.List(pl.List(pl.Int64))
    fields = _PINPOINT if kind == "list[pinpoint]" else _COUNTERPART
    return pl.List(pl.Struct({n: _polars_type(pl, k) for n, k in fields}))


def _polars(table: str, rs: List[Dict[str, Any]], what: str) -> Any:
    pl = need("polars", what)
    schema = {n: _polars_type(pl, k) for n, k in SCHEMAS[table]}
    return pl.DataFrame(_dated_columns(table, rs), schema=schema)


_BACKENDS = {"pandas": _pandas, "arrow": _arrow, "polars": _polars}


def build(table: str, rs: List[Dict[str, Any]], backend: str = "pandas", what: str = "frames()") -> Any:
    """A table of ``rs`` in ``backend`` (``pandas``, ``arrow`` or ``polars``)."""
    try:
        make = _BACKENDS[backend]
    except KeyError:
        raise ValueError(f"unknown backend {backend!r}: use 'pandas', 'arrow' or 'polars'") from None
    return make(table, rs, what)


def document_frame(doc: Any, table: str) -> Any:
    """``Document.outline_frame()``, ``references_frame()``, ``assignments_frame()``: pandas."""
    return build(table, rows(doc, table), "pandas", f"{table}_frame()")


class Frames(NamedTuple):
    """The tables of many documents (``vanban.frames``): one row per document, outline item, reference,
    assignment, and file that failed; the document's file in ``path`` everywhere."""

    documents: Any
    outline: Any
    references: Any
    assignments: Any
    failures: Any


def frames(results: Any, backend: str = "pandas") -> Frames:
    """The ``documents``, ``outline``, ``references``, ``assignments`` and ``failures`` tables of many parsed
    documents: ``results`` is one Document, or any iterable of Documents and ParseFailures (``parse_many``'s
    results, consumed once). ``backend``: ``"pandas"`` (DataFrames, dates as datetime64), ``"arrow"``
    (pyarrow Tables, dates as date32; for Parquet, DuckDB, Spark) or ``"polars"``."""
    from ._vanban import Document, ParseFailure

    if backend not in _BACKENDS:
        raise ValueError(f"unknown backend {backend!r}: use 'pandas', 'arrow' or 'polars'")
    if isinstance(results, Document):
        results = [results]
    acc: Dict[str, List[Dict[str, Any]]] = {t: [] for t in SCHEMAS}
    for r in results:
        if isinstance(r, ParseFailure):
            acc["failures"].append({"path": r.path, "error_type": r.error_type, "reason": r.reason})
            continue
        if not isinstance(r, Document):
            raise TypeError(f"frames() takes Documents and ParseFailures, not {type(r).__name__}")
        acc["documents"].append(_document_row(r))
        for t, make in _ROWS.items():
            acc[t].extend(make(r))
    return Frames(**{t: build(t, rs, backend, f"frames(backend={backend!r})") for t, rs in acc.items()})


# ---------------------------------------------------------------------------------------------------------
# The index's query results (Corpus)

_DATE_COLUMNS = {"date", "deadline_date", "target_date", "citing_date"}
_TIME_COLUMNS = {"indexed_at", "at"}


def rows_frame(method: str, columns: List[str], rs: List[Dict[str, Any]]) -> Any:
    """A pandas DataFrame of a Corpus query; its date columns as datetime64."""
    pd = need("pandas", f"{method}()")
    df = pd.DataFrame(rs, columns=columns)
    for c in columns:
        if c in _DATE_COLUMNS:
            df[c] = pd.to_datetime(df[c], format="ISO8601")
        elif c in _TIME_COLUMNS:
            df[c] = pd.to_datetime(df[c], format="ISO8601", utc=True)
    return df
