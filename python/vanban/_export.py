"""``Corpus.export``: the index's tables as Parquet (or CSV) files, for DuckDB, Spark, Polars, pandas.

The tables are read straight from the index's SQLite file (its schema is public: see the README), read-only,
each joined with the document's ``path``. Column types come from the schema's declared types, so a column that
is empty in one index has the same type as in another; ``date`` columns become Arrow ``date32`` and the
``indexed_at``/``at`` times UTC timestamps.
"""
import csv
import datetime
import os
import sqlite3
from pathlib import Path
from typing import Any, Dict, List, Tuple

from ._frames import need

# (table file name, SQL). Every table has the document's file in `path`.
TABLES: List[Tuple[str, str]] = [
    ("documents", "SELECT * FROM documents ORDER BY path"),
    (
        "outline",
        "SELECT d.path, n.doc_id, n.ord, n.parent_ord, n.depth, n.path AS section, n.label, n.style, n.heading,"
        " n.byte_start, n.byte_end FROM nodes n JOIN documents d ON d.id = n.doc_id ORDER BY d.path, n.ord",
    ),
    (
        "references",
        "SELECT d.path, r.*, t.path AS resolved_path FROM refs r JOIN documents d ON d.id = r.doc_id"
        " LEFT JOIN documents t ON t.id = r.resolved_doc_id ORDER BY d.path, r.ord",
    ),
    (
        "mentions",
        "SELECT d.path, r.key, r.ord AS ref_ord, m.* FROM mentions m JOIN refs r ON r.id = m.ref_id"
        " JOIN documents d ON d.id = m.doc_id ORDER BY d.path, r.ord, m.byte_start",
    ),
    (
        "assignments",
        "SELECT d.path, a.* FROM assignments a JOIN documents d ON d.id = a.doc_id ORDER BY d.path, a.ord",
    ),
    ("errors", "SELECT * FROM errors ORDER BY path"),
]

_DATES = {"date", "deadline_date"}
_TIMES = {"indexed_at", "at"}
# Columns made by the queries above (not declared in a table).
_DECLARED_EXTRA = {"resolved_path": "TEXT", "section": "TEXT", "ref_ord": "INTEGER", "source": "TEXT",
                   "target": "TEXT", "count": "INTEGER", "source_id": "INTEGER", "target_id": "INTEGER",
                   "target_key": "TEXT", "target_label": "TEXT"}


def _declared(conn: sqlite3.Connection) -> Dict[str, str]:
    types: Dict[str, str] = dict(_DECLARED_EXTRA)
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in conn.execute(f"PRAGMA table_info({table})"):
            types.setdefault(row[1], (row[2] or "TEXT").upper())
    return types


def _arrow_table(pa: Any, columns: List[str], rows: List[Tuple[Any, ...]], types: Dict[str, str]) -> Any:
    arrays, fields = [], []
    for i, name in enumerate(columns):
        values = [r[i] for r in rows]
        if name in _DATES:
            t = pa.date32()
            values = [None if v is None else datetime.date.fromisoformat(v) for v in values]
        elif name in _TIMES:
            t = pa.timestamp("s", tz="UTC")
            values = [None if v is None else datetime.datetime.fromisoformat(v.replace("Z", "+00:00")) for v in values]
        else:
            decl = types.get(name, "TEXT")
            t = pa.int64() if "INT" in decl else pa.float64() if "REAL" in decl else pa.string()
        arrays.append(pa.array(values, type=t))
        fields.append(pa.field(name, t))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def export_corpus(corpus: Any, directory: "os.PathLike[str] | str", format: str = "parquet") -> Dict[str, str]:
    """Write the index's tables to ``directory``; returns ``{table: file}``."""
    if format not in ("parquet", "csv"):
        raise ValueError(f"unknown export format {format!r}: use 'parquet' or 'csv'")
    if format == "parquet":
        pa = need("pyarrow", "Corpus.export(format='parquet')")
        import pyarrow.parquet as pq
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    edges = corpus.edges(as_frame=False)  # raises CorpusError on a closed index, before any file is written
    conn = sqlite3.connect(f"file:{Path(corpus.path).resolve()}?mode=ro", uri=True)
    written: Dict[str, str] = {}
    try:
        types = _declared(conn)
        tables: List[Tuple[str, List[str], List[Tuple[Any, ...]]]] = []
        for name, sql in TABLES:
            cur = conn.execute(sql)
            tables.append((name, [d[0] for d in cur.description], cur.fetchall()))
        edge_columns = ["source", "target", "count", "source_id", "target_id", "target_key", "target_label"]
        tables.append(("edges", edge_columns, [tuple(e[c] for c in edge_columns) for e in edges]))
    finally:
        conn.close()
    for name, columns, rows in tables:
        path = out / f"{name}.{format}"
        if format == "parquet":
            pq.write_table(_arrow_table(pa, columns, rows, types), path)
        else:
            with open(path, "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(columns)
                w.writerows(rows)
        written[name] = str(path)
    return written
