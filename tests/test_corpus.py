"""The cross-reference index from Python (`vanban.Corpus`) and the command line (`vanban index`, `vanban refs`),
and the crash test: `kill -9` in the middle of `vanban index`, run again, and the index is whole."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import vanban
from helpers import CORPUS_DOCS, FIXTURES, run_vanban, vanban_argv

INDEX_FIXTURES = FIXTURES / "index"
SYNTHETIC = ["kh-12.md", "kh-20.md", "nq-66.md", "luat-dat-dai-2024.md"]


@pytest.fixture
def docs(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    for name in SYNTHETIC:
        shutil.copy(INDEX_FIXTURES / name, d / name)
    return d


def names(rows, key):
    return [None if r[key] is None else Path(r[key]).name for r in rows]


def test_index_then_query_as_lists(docs, tmp_path):
    with vanban.Corpus(tmp_path / "x.sqlite") as c:
        s = c.index(docs, workers=2, progress=False)
        assert (s["files"], s["indexed"], s["failed"], s["documents"]) == (4, 4, 0, 4)
        assert (s["references"], s["resolved"]) == (5, 5)
        assert s["failures"] == []
        again = c.index([str(docs)], progress=False)
        assert (again["indexed"], again["skipped"]) == (0, 4)

        rows = c.cited_by("66/nq-tw", as_frame=False)
        assert names(rows, "citing_path") == ["kh-12.md", "kh-20.md"]
        assert names(rows, "resolved_path") == ["nq-66.md", "nq-66.md"]
        cites = c.cites("kh-20.md", as_frame=False)
        assert [r["symbol"] or r["name"] for r in cites] == ["12/KH-UBND", "Luật Đất đai", "66/NQ-TW"]
        assert [r["resolved_by"] for r in cites] == ["symbol", "name", "symbol"]
        top = c.most_cited(2, as_frame=False)
        # a tie, broken by key
        assert [(t["target"], t["citing_docs"]) for t in top] == [("31/2024/QH15", 2), ("66-NQ/TW", 2)]
        assert c.unresolved(as_frame=False) == []
        assert len(c.resolved(as_frame=False)) == 5
        assert c.stats()["resolved_by_name"] == 2
        deadlines = c.deadlines(as_frame=False)
        assert [d["deadline_date"] for d in deadlines] == ["2025-06-30", "2025-06-30", "2025-06-30", "2025-11-30", "2025-11-30"]
        with pytest.raises(vanban.CorpusError, match="no document in the index matches"):
            c.cites("nothing.md")
    with pytest.raises(vanban.CorpusError, match="closed"):
        c.documents()


def test_frames_are_pandas_dataframes(docs, tmp_path):
    pd = pytest.importorskip("pandas")
    c = vanban.Corpus(tmp_path / "x.sqlite")
    c.index(docs, progress=False)
    edges = c.edges()
    assert isinstance(edges, pd.DataFrame)
    assert list(edges.columns[:3]) == ["source", "target", "count"]
    assert len(edges) == 5
    m = c.responsibility_matrix()
    assert {"agency_key", "agency", "path", "lead", "coordinate", "responsible", "total"} <= set(m.columns)
    assert int(m["total"].sum()) == 5
    assert list(c.errors().columns) == ["path", "kind", "message", "size", "at"]
    assert len(c.documents()) == 4


def test_query_frames_without_pandas_name_the_extra(docs, tmp_path, monkeypatch):
    c = vanban.Corpus(tmp_path / "x.sqlite")
    c.index(docs, progress=False)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"vanban: edges\(\) needs pandas"):
        c.edges()
    assert len(c.edges(as_frame=False)) == 5


def test_a_file_that_is_no_index_is_refused(tmp_path):
    bad = tmp_path / "notes.sqlite"
    conn = sqlite3.connect(bad)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(vanban.CorpusError, match="schema version 0"):
        vanban.Corpus(bad)
    assert issubclass(vanban.CorpusError, vanban.VanbanError)


def test_cli_index_lists_bad_files_and_exits_0(docs, tmp_path):
    (docs / "binary.md").write_bytes(b"PK\x03\x04\x00\x00zip")
    db = tmp_path / "x.sqlite"
    r = run_vanban("index", docs, "--db", db, "--jobs", "2")
    assert r.returncode == 0, r.stderr
    lines = r.stderr.splitlines()
    assert lines[0].startswith(f"vanban: {(docs / 'binary.md').resolve()}: cannot decode: a damaged zip (.docx)")
    assert lines[-1].startswith("vanban: 5 files: 4 indexed, 0 unchanged, 1 failed in ")
    assert "5 references (5 resolved), 1 errors" in lines[-1]
    again = run_vanban("index", docs, "--db", db)
    assert "5 files: 0 indexed, 5 unchanged, 0 failed" in again.stderr

    r = run_vanban("refs", "--db", db, "errors")
    header, row = r.stdout.splitlines()
    assert header.split("\t") == ["path", "kind", "message", "size", "at"]
    assert row.split("\t")[:2] == [str((docs / "binary.md").resolve()), "decode"]


def test_cli_refs_prints_tsv_json_lines_and_csv(docs, tmp_path):
    db = tmp_path / "x.sqlite"
    run_vanban("index", docs, "--db", db, "-q")
    r = run_vanban("refs", "--db", db, "cited-by", "66-NQ/TW 2025")
    assert r.returncode == 0, r.stderr
    rows = r.stdout.splitlines()
    assert rows[0].startswith("citing_id\tciting_path\tciting_symbol\tkey\t")
    assert len(rows) == 3
    # --db and --json after the query's name too
    r = run_vanban("refs", "most-cited", "-n", "2", "--db", db, "--json")
    top = [json.loads(line) for line in r.stdout.splitlines()]
    assert [t["target"] for t in top] == ["31/2024/QH15", "66-NQ/TW"]
    r = run_vanban("refs", "--db", db, "edges", "--csv")
    assert r.stdout.splitlines()[0] == "source,target,count,source_id,target_id,target_key,target_label"
    for q in ("documents", "resolved", "unresolved", "matrix", "deadlines", "stats"):
        r = run_vanban("refs", "--db", db, q)
        assert r.returncode == 0 and r.stdout, (q, r.stderr)
    r = run_vanban("refs", "--db", db, "cites", "nothing.md")
    assert (r.returncode, r.stderr) == (1, 'vanban: no document in the index matches "nothing.md"\n')
    r = run_vanban("refs", "--db", tmp_path / "none.sqlite", "documents")
    assert r.returncode == 1 and "no index there" in r.stderr
    assert not (tmp_path / "none.sqlite").exists()


# --- kill -9 -------------------------------------------------------------------------------------------------

COPIES = 6


def make_archive(root: Path) -> int:
    """The dev documents COPIES times, each copy with its own trailing blank lines (so every file hashes
    differently), plus two files that fail. Returns the number of files."""
    sources = sorted(p for p in CORPUS_DOCS.iterdir() if p.suffix in (".md", ".txt", ".htm"))
    for k in range(COPIES):
        d = root / f"copy{k}"
        d.mkdir(parents=True)
        for p in sources:
            (d / p.name).write_bytes(p.read_bytes() + b"\n" * (k + 1))
    (root / "bad.md").write_bytes(b"\x00\x01binary")
    (root / "empty.txt").write_bytes(b"")
    return COPIES * len(sources) + 2


def counts(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        q = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": q("SELECT count(*) FROM documents"),
            "distinct_paths": q("SELECT count(DISTINCT path) FROM documents"),
            "errors": q("SELECT count(*) FROM errors"),
            "nodes": q("SELECT count(*) FROM nodes"),
            "refs": q("SELECT count(*) FROM refs"),
            "mentions": q("SELECT count(*) FROM mentions"),
            "assignments": q("SELECT count(*) FROM assignments"),
            "resolved": q("SELECT count(*) FROM refs WHERE resolved_doc_id IS NOT NULL"),
            "orphan_refs": q("SELECT count(*) FROM refs WHERE doc_id NOT IN (SELECT id FROM documents)"),
            "orphan_mentions": q("SELECT count(*) FROM mentions WHERE ref_id NOT IN (SELECT id FROM refs)"
                                 " OR doc_id NOT IN (SELECT id FROM documents)"),
            "orphan_nodes": q("SELECT count(*) FROM nodes WHERE doc_id NOT IN (SELECT id FROM documents)"),
            "orphan_assignments": q("SELECT count(*) FROM assignments WHERE doc_id NOT IN (SELECT id FROM documents)"),
            # a document whose references and mentions disagree was written in part
            "torn": q("SELECT count(*) FROM refs r WHERE r.mentions != (SELECT count(*) FROM mentions m WHERE m.ref_id = r.id)"),
            "pending": q("SELECT value FROM meta WHERE key = 'resolve_pending'"),
            "integrity": q("PRAGMA integrity_check"),
            "fk_violations": len(conn.execute("PRAGMA foreign_key_check").fetchall()),
        }
    finally:
        conn.close()


def committed(db: Path, table: str = "documents") -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # the schema is not there yet


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_kill_9_mid_run_then_a_second_run_leaves_a_whole_index(tmp_path):
    archive = tmp_path / "archive"
    total = make_archive(archive)
    db = tmp_path / "killed.sqlite"
    argv = vanban_argv() + ["index", str(archive), "--db", str(db), "--jobs", "2", "-q"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        # kill once some documents are committed, well before all are
        while committed(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "killed, not finished"
    partial, partial_errors = committed(db), committed(db, "errors")
    assert 0 < partial < total - 2, f"killed mid-run: {partial} of {total} committed"

    # what a kill leaves is consistent already: whole documents only
    mid = counts(db)
    assert mid["integrity"] == "ok" and mid["fk_violations"] == 0 and mid["torn"] == 0
    assert mid["orphan_refs"] == mid["orphan_mentions"] == mid["orphan_nodes"] == mid["orphan_assignments"] == 0

    r = run_vanban("index", archive, "--db", db, "--jobs", "2")
    assert r.returncode == 0, r.stderr
    done = partial + partial_errors
    assert f"{total} files: {total - 2 - partial} indexed, {done} unchanged, {2 - partial_errors} failed" in r.stderr

    clean_db = tmp_path / "clean.sqlite"
    r = run_vanban("index", archive, "--db", clean_db, "--jobs", "2")
    assert r.returncode == 0, r.stderr
    resumed, clean = counts(db), counts(clean_db)
    assert resumed == clean
    assert resumed["documents"] == resumed["distinct_paths"] == total - 2
    assert (resumed["errors"], resumed["pending"], resumed["integrity"]) == (2, "0", "ok")

    # and a third run re-parses nothing
    r = run_vanban("index", archive, "--db", db)
    assert f"{total} files: 0 indexed, {total} unchanged, 0 failed" in r.stderr
