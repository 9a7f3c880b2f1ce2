"""Issue 13, "Hostile files and careless hands": the files of `tests/hostile/make_hostile.py` (made here, none
kept in git) and the careless calls, each pinned: no crash, hang, unbounded memory or thread, traceback or
silently lost document, but one error line (or row, or exception) naming what is wrong."""
import array
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import vanban
from helpers import CORPUS_DOCS, FIXTURES, SAMPLE, TESTS, run_vanban, vanban_argv

sys.path.insert(0, str(TESTS / "hostile"))
import make_hostile  # noqa: E402

GOOD_NAMES = sorted(make_hostile.GOOD)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    make_hostile.make(str(d))
    return d


def run_bytes(*args, timeout=300):
    """`vanban ARGS` with stdout and stderr as bytes (file names that are not UTF-8 print as their bytes)."""
    argv = vanban_argv() + [os.fsencode(a) if isinstance(a, (str, Path)) else a for a in args]
    return subprocess.run(argv, capture_output=True, stdin=subprocess.DEVNULL, timeout=timeout)


def error_lines(stderr: bytes):
    return [line for line in stderr.decode("utf-8", "backslashreplace").splitlines() if line.startswith("vanban: ")]


def peak_child_rss_mb():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# --- items 1, 2, 3: no input crashes, bombs are refused before they inflate, only regular files are read --------


def test_annotate_gives_one_error_line_per_hostile_file_and_parses_the_good_ones(hostile):
    r = run_bytes("annotate", hostile, "--jobs", "2", timeout=120)
    assert r.returncode == 1, r.stderr
    errors = error_lines(r.stderr)
    named = sorted(line.split(": ")[1] for line in errors)
    assert named == sorted(str(hostile / n) for n in make_hostile.HOSTILE), r.stderr.decode(errors="replace")
    assert not any(b"Traceback" in line for line in r.stderr.splitlines())
    sources = [os.fsencode(json.loads(line)["source"]) for line in r.stdout.decode("utf-8").splitlines()]
    assert sources == [os.path.join(os.fsencode(hostile), n) for n in GOOD_NAMES]
    # 256 MiB bombs, a 300 MB file, /dev/zero: none of it was held
    assert peak_child_rss_mb() < 1024


@pytest.mark.parametrize("name, error, says", [
    ("pdf-parent-loop.md", vanban.DecodeError, "page tree loops"),
    ("pdf-kids-loop.pdf", vanban.DecodeError, "page tree loops"),
    ("pdf-form-loop.pdf", vanban.DecodeError, "a form that draws itself"),
    ("pdf-form-fanout.pdf", vanban.DecodeError, "drawn again and again"),
    ("pdf-flate-bomb.md", vanban.DecodeError, "zip bomb"),
    ("pdf-big-content.pdf", vanban.DecodeError, "more than 16 MiB"),
    ("pdf-objstm-bomb.pdf", vanban.DecodeError, "zip bomb"),
    ("docx-bomb.docx", vanban.DecodeError, "zip bomb"),
    ("fifo.md", vanban.ReadError, "a named pipe (FIFO), not a regular file"),
    ("zero.md", vanban.ReadError, "a device, not a regular file"),
    ("dangling.md", vanban.ReadError, "No such file"),
    ("sparse-300mb.txt", vanban.ReadError, "larger than 256 MiB"),
])
def test_parse_file_raises_one_typed_error_per_hostile_file(hostile, name, error, says):
    with pytest.raises(error) as e:
        vanban.parse_file(hostile / name)
    assert says in str(e.value) and str(hostile / name) in str(e.value)
    assert "\n" not in str(e.value)


def test_parse_many_gives_a_failure_per_hostile_file_in_order(hostile):
    paths = [hostile / n for n in make_hostile.HOSTILE] + [SAMPLE]
    results = list(vanban.parse_many(paths, workers=2, progress=False))
    assert [r.path for r in results] == [str(p) for p in paths]
    assert all(isinstance(r, vanban.ParseFailure) for r in results[:-1])
    assert isinstance(results[-1], vanban.Document)


def test_standard_input_is_read_within_the_limit():
    with open("/dev/zero", "rb") as zero:
        r = subprocess.run(vanban_argv() + ["annotate", "-"], stdin=zero, capture_output=True, timeout=120)
    assert r.returncode == 1 and r.stderr.decode() == "vanban: -: larger than 256 MiB: not read\n", r.stderr


def test_a_pdf_named_md_in_a_folder_cannot_stop_the_index(hostile, tmp_path):
    """Item 1's worst case: the looping PDF named `.md` killed every `vanban index` of its folder, for ever."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(hostile / "pdf-parent-loop.md", docs / "note.md")
    shutil.copy(SAMPLE, docs / "plan.txt")
    db = tmp_path / "x.sqlite"
    r = run_vanban("index", docs, "--db", db, "-q")
    assert r.returncode == 0, r.stderr
    assert "2 files: 1 indexed, 0 unchanged, 1 failed" in r.stderr


# --- the whole folder in the index: one error row per hostile file; item 6: names that are not UTF-8 ---------


def test_the_index_holds_one_error_row_per_hostile_file_and_both_non_utf8_names(hostile, tmp_path):
    db = tmp_path / "x.sqlite"
    r = run_bytes("index", hostile, "--db", db, "-q", "--jobs", "2", timeout=120)
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(db) as conn:
        errors = sorted(os.fsdecode(p if isinstance(p, bytes) else p.encode()) for (p,) in conn.execute("SELECT path FROM errors"))
        docs = sorted(p if isinstance(p, bytes) else p.encode() for (p,) in conn.execute("SELECT path FROM documents"))
    assert errors == sorted(str(hostile / n) for n in make_hostile.HOSTILE)
    # a\xfe.md and a\xff.md: two documents, each under its own bytes (once folded into one key by to_string_lossy)
    assert docs == [os.path.join(os.fsencode(hostile), n) for n in GOOD_NAMES]
    again = run_bytes("index", hostile, "--db", db, "-q", "--prune")
    assert b"0 indexed" in again.stderr and b"pruned" not in again.stderr, again.stderr
    listed = run_bytes("refs", "--db", db, "documents")
    assert listed.returncode == 0
    rows = listed.stdout.splitlines()[1:]
    assert sorted(r.split(b"\t")[1] for r in rows) == docs  # TSV: the names' own bytes
    as_json = run_bytes("refs", "--db", db, "documents", "--json")
    paths = sorted(os.fsencode(json.loads(line)["path"]) for line in as_json.stdout.decode("utf-8").splitlines())
    assert paths == docs
    with vanban.Corpus(db, read_only=True) as c:
        assert sorted(os.fsencode(d["path"]) for d in c.documents(as_frame=False)) == docs


def test_file_names_that_are_not_utf8_are_read_by_bytes_or_surrogate_escapes(hostile):
    raw = os.path.join(os.fsencode(hostile), b"a\xfe.md")
    by_bytes = vanban.parse_file(raw)
    by_str = vanban.parse_file(os.fsdecode(raw))
    assert by_bytes.text == by_str.text
    assert os.fsencode(by_str.path) == raw


# --- item 5: threads bounded and released ----------------------------------------------------------------------


THREAD_CHECK = r"""
import os, sys, vanban
def threads():
    return len(os.listdir("/proc/self/task"))
sample = sys.argv[1]
list(vanban.parse_many([sample], workers=1, progress=False))
base = threads()
for w in list(range(1, 11)) + [100, 1000, 10**30]:
    assert [r.path for r in vanban.parse_many([sample] * 3, workers=w, progress=False)] == [sample] * 3
c = vanban.Corpus(sys.argv[2])
for w in (1, 2, 1000, 10**6):
    c.index([sample], workers=w, progress=False, force=True)
print(base, threads(), os.cpu_count())
"""


def test_worker_counts_are_clamped_and_pools_shared_so_no_thread_is_left_behind(tmp_path):
    r = subprocess.run([sys.executable, "-c", THREAD_CHECK, str(SAMPLE), str(tmp_path / "x.sqlite")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    base, after, cores = map(int, r.stdout.split())
    # one shared pool of one thread per core, made by the first batch: nothing more after 17 batch sizes
    assert after <= base, (base, after, cores)


@pytest.mark.parametrize("workers", [0, -3])
def test_zero_or_negative_workers_is_a_value_error(workers, tmp_path):
    with pytest.raises(ValueError, match="at least 1"):
        vanban.parse_many([SAMPLE], workers=workers)
    with pytest.raises(ValueError, match="at least 1"):
        vanban.Corpus(tmp_path / "x.sqlite").index([SAMPLE], workers=workers, progress=False)


def test_cli_jobs_past_the_cores_is_clamped_and_zero_or_negative_is_one_usage_line(tmp_path):
    r = run_vanban("annotate", SAMPLE, "--jobs", "1000000")
    assert r.returncode == 0 and r.stdout.startswith("{"), r.stderr
    for cmd in (["annotate", SAMPLE], ["index", SAMPLE, "--db", tmp_path / "x.sqlite"]):
        for bad in ("-3", "0", "many"):
            r = run_vanban(*cmd, "--jobs", bad)
            assert r.returncode == 2, r.stderr
            assert len(r.stderr.splitlines()) == 1 and "Traceback" not in r.stderr, r.stderr


# --- items 7 and 8: another application's file, two writers, a read-only directory -----------------------------


def test_another_applications_database_is_refused_untouched_and_never_to_be_deleted(tmp_path):
    other = tmp_path / "app.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    before = other.read_bytes()
    with pytest.raises(vanban.CorpusError, match="not a vanban index") as e:
        vanban.Corpus(other)
    assert "delete" not in str(e.value)
    r = run_vanban("index", SAMPLE, "--db", other)
    assert r.returncode == 1 and len(r.stderr.splitlines()) == 1 and "left untouched" in r.stderr, r.stderr
    assert other.read_bytes() == before
    assert not Path(f"{other}-wal").exists()


def test_two_index_runs_on_one_new_database_never_race_on_the_schema(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS_DOCS, docs)
    db = tmp_path / "x.sqlite"
    argv = vanban_argv() + ["index", str(docs), "--db", str(db), "-q", "--jobs", "1"]
    procs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    codes = [p.returncode for p in procs]
    for (_, err), code in zip(outs, codes):
        assert "already exists" not in err and "database is locked" not in err, err
        if code != 0:
            assert code == 1 and "another `vanban index` run is writing to this index" in err, err
    assert 0 in codes
    r = run_vanban("index", docs, "--db", db, "-q")
    assert r.returncode == 0 and " 130 documents" in r.stderr, r.stderr


def test_a_second_writer_is_refused_at_once_and_told_why(tmp_path):
    import fcntl
    db = tmp_path / "x.sqlite"
    assert run_vanban("index", FIXTURES / "index", "--db", db, "-q").returncode == 0
    with open(db, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running `vanban index` holds it
        r = run_vanban("index", FIXTURES / "index", "--db", db, "-q", "--force")
    assert r.returncode == 1, r.stderr
    assert r.stderr.splitlines() == [f"vanban: {db}: another `vanban index` run is writing to this index; "
                                     "wait for it to finish, then run again"]
    assert run_vanban("refs", "--db", db, "stats").returncode == 0  # readers are not held back


def test_refs_reads_an_index_in_a_directory_it_cannot_write(tmp_path):
    d = tmp_path / "ro"
    d.mkdir()
    db = d / "x.sqlite"
    assert run_vanban("index", FIXTURES / "index", "--db", db, "-q").returncode == 0
    before = sorted(os.listdir(d))
    # root writes through permissions: the directory is made immutable instead
    lock = ["chattr", "+i", str(d)] if os.getuid() == 0 else ["chmod", "555", str(d)]
    unlock = ["chattr", "-i", str(d)] if os.getuid() == 0 else ["chmod", "755", str(d)]
    if subprocess.run(lock, capture_output=True).returncode != 0:
        pytest.skip("cannot make a directory read-only here")
    try:
        assert subprocess.run(["touch", str(d / "probe")], capture_output=True).returncode != 0, "still writable"
        r = run_vanban("refs", "--db", db, "stats")
        listed = run_vanban("refs", "--db", db, "documents")
    finally:
        subprocess.run(unlock, check=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].startswith("documents\t") and len(listed.stdout.splitlines()) == 6
    assert sorted(os.listdir(d)) == before


# --- item 9: one-line errors, never tracebacks; the Python API takes what careless hands give ------------------


def test_refs_arguments_out_of_range_or_not_text_are_one_line(tmp_path):
    db = tmp_path / "x.sqlite"
    run_vanban("index", FIXTURES / "index", "--db", db, "-q")
    r = run_vanban("refs", "--db", db, "most-cited", "-n", "-1")
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1 and "at least 0" in r.stderr, r.stderr
    r = run_vanban("refs", "--db", db, "most-cited", "-n", "99999999999999999999")
    assert r.returncode == 0 and r.stdout.startswith("target\t"), r.stderr
    r = run_bytes("refs", "--db", db, "cited-by", b"66-NQ/\xff")
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1 and b"not UTF-8" in r.stderr, r.stderr
    r = run_bytes("annotate", b"/nonexistent/\xff.md")
    assert r.returncode == 1 and len(r.stderr.splitlines()) == 1 and b"Traceback" not in r.stderr, r.stderr


def test_an_empty_result_still_prints_the_header(tmp_path):
    db = tmp_path / "x.sqlite"
    run_vanban("index", FIXTURES / "index", "--db", db, "-q")
    r = run_vanban("refs", "--db", db, "cited-by", "999/KH-NOTHING")
    assert r.returncode == 0
    assert r.stdout.splitlines() == ["citing_id\tciting_path\tciting_symbol\tkey\tdoc_type\tsymbol\tname\tdate\tissuer\t"
                                     "mentions\tresolved_doc_id\tresolved_path"]


def test_parse_never_fails_on_lone_surrogates():
    doc = vanban.parse("Điều 1. a\ud800b")
    assert doc.text == "Điều 1. a\ufffdb"
    assert len(doc.text) == len("Điều 1. a\ud800b")


def test_parse_warns_when_given_the_path_of_a_file():
    with pytest.warns(UserWarning, match="parse_file"):
        vanban.parse(str(SAMPLE))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        vanban.parse("KẾ HOẠCH\n\nI. MỤC ĐÍCH\n")


def test_parse_bytes_takes_any_buffer_and_parse_file_bytes_paths():
    data = SAMPLE.read_bytes()
    expected = vanban.parse_bytes(data).text
    for buf in (bytearray(data), memoryview(data), array.array("B", data), memoryview(data)[0:]):
        assert vanban.parse_bytes(buf).text == expected
    with pytest.raises(TypeError, match="buffer"):
        vanban.parse_bytes(42)
    assert vanban.parse_file(os.fsencode(SAMPLE)).text == expected


def test_document_ids_follow_the_walk_not_the_workers(tmp_path):
    ids = []
    for run in range(2):
        db = tmp_path / f"x{run}.sqlite"
        with vanban.Corpus(db) as c:
            c.index([CORPUS_DOCS], workers=2, progress=False)
            ids.append([(d["id"], Path(d["path"]).name) for d in c.documents(as_frame=False)])
    assert ids[0] == ids[1]
    assert [i for i, _ in sorted(ids[0], key=lambda x: x[1])] == sorted(i for i, _ in ids[0])
