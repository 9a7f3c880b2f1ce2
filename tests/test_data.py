"""Results as data: pickling, deep copies, JSON round trips, frames (pandas, Arrow, polars), Parquet export,
progress callbacks and the length of parse_many's results."""
import copy
import datetime
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import vanban

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "seed-kh-langson-2022.txt"
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "docs"
DECREE = CORPUS / "tnt_ND_308-2025-ND-CP_54c3026b.md"
INDEX_DOCS = ROOT / "tests" / "fixtures" / "index"
DOCX = ROOT / "tests" / "fixtures" / "readers"


@pytest.fixture(scope="module")
def sample():
    return vanban.parse_file(SAMPLE)


@pytest.fixture
def index_docs(tmp_path):
    """The four synthetic documents that cite each other (tests/test_corpus.py's fixture)."""
    import shutil

    d = tmp_path / "docs"
    d.mkdir()
    for name in ("kh-12.md", "kh-20.md", "luat-dat-dai-2024.md", "nq-66.md"):
        shutil.copy(INDEX_DOCS / name, d / name)
    return d


@pytest.fixture(scope="module")
def decree():
    return vanban.parse_file(DECREE)


# ---------------------------------------------------------------------------------------------------------
# Pickling and copies


@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_a_pickled_document_comes_back_equal_with_its_path_and_origins(sample, protocol):
    back = pickle.loads(pickle.dumps(sample, protocol=protocol))
    assert back == sample and back is not sample
    assert back.to_json() == sample.to_json()
    assert back.path == sample.path and back.input_format == sample.input_format
    assert back.encoding == sample.encoding and back.encoding_confidence == sample.encoding_confidence
    assert [back.origin(i) for i in (0, 500, 9000)] == [sample.origin(i) for i in (0, 500, 9000)]


def test_every_result_type_pickles(sample):
    objs = [sample.metadata, sample.root, sample.outline()[5], sample.references[0], sample.assignments[0]]
    back = pickle.loads(pickle.dumps(objs))
    assert back == objs
    assert [type(o) for o in back] == [type(o) for o in objs]
    assert back[3].symbol == objs[3].symbol and back[4].agency == objs[4].agency
    assert back[2].text == objs[2].text


def test_views_of_one_document_pickle_it_once(sample):
    items = sample.outline()
    one = len(pickle.dumps(items[:1]))
    all_ = len(pickle.dumps(items))
    assert all_ < one + 40 * len(items), (one, all_)
    back = pickle.loads(pickle.dumps(items))
    assert all(b.document is back[0].document for b in back)


def test_a_pickled_document_is_smaller_than_its_text(decree):
    # the text once (compressed), spans as byte offsets, no node text: not the text twice
    size = len(pickle.dumps(decree))
    assert size < len(decree.text.encode("utf-8")), size


def test_a_parse_failure_pickles_with_its_exception(tmp_path):
    [f] = list(vanban.parse_many([tmp_path / "missing.md"], progress=False))
    back = pickle.loads(pickle.dumps(f))
    assert back == f
    assert back.error_type == "ReadError" and isinstance(back.error, vanban.ReadError)
    assert back.error.errno == f.error.errno == 2 and back.error.path == f.error.path
    with pytest.raises(vanban.ReadError):
        back.raise_()


def test_deepcopy_of_immutable_results_is_the_object_itself(sample):
    for obj in (sample, sample.metadata, sample.root, sample.references[0], sample.assignments[0]):
        assert copy.deepcopy(obj) is obj and copy.copy(obj) is obj


def test_deepcopy_of_a_parse_failure_is_equal(tmp_path):
    [f] = list(vanban.parse_many([tmp_path / "missing.md"], progress=False))
    assert copy.deepcopy(f) == f


def test_results_pickle_through_a_process_pool():
    from concurrent.futures import ProcessPoolExecutor

    files = sorted(CORPUS.glob("*.md"))[:4]
    with ProcessPoolExecutor(2) as pool:
        docs = list(pool.map(vanban.parse_file, files))
    assert [d.annotation_json(str(f)) for d, f in zip(docs, files)] == [
        vanban.parse_file(f).annotation_json(str(f)) for f in files
    ]


def test_a_state_of_another_kind_is_a_value_error():
    with pytest.raises(Exception):
        vanban.Document._from_state(b"not zlib")


# ---------------------------------------------------------------------------------------------------------
# JSON


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir())[:40:7] + ["tnt_ND_308-2025-ND-CP_54c3026b.md"])
def test_from_json_round_trips_to_json_exactly(name):
    doc = vanban.parse_file(CORPUS / name)
    j = doc.to_json()
    back = vanban.Document.from_json(j)
    assert back.to_json() == j
    assert [n.id for n in back.nodes()] == [n.id for n in doc.nodes()]
    assert vanban.Document.from_dict(json.loads(j)).to_json() == j
    assert back.to_json(indent=2) == doc.to_json(indent=2)


def test_a_document_read_back_from_json_equals_the_one_written(sample, decree):
    for doc in (sample, decree):
        assert vanban.Document.from_json(doc.to_json()) == doc


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir()))
def test_every_corpus_document_pickles(name):
    doc = vanban.parse_file(CORPUS / name)
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back.annotation_json() == doc.annotation_json()


def test_from_json_of_a_docx_keeps_its_source_fields():
    doc = vanban.parse_file(next(DOCX.glob("*.docx")))
    back = vanban.Document.from_json(doc.to_json())
    assert (back.input_format, back.encoding, back.path) == (doc.input_format, doc.encoding, doc.path)
    assert back.page_header == doc.page_header


def test_to_dict_holds_counterparts_deadline_info_and_pinpoints(sample):
    d = sample.to_dict()
    a = d["assignments"]
    assert all({"counterparts", "deadline_info"} <= set(x) for x in a)
    leads = [x for x in a if x["role"] == "lead" and x["counterparts"]]
    assert leads and all(isinstance(c, list) and len(c) == 2 for c in leads[0]["counterparts"])
    assert all("pinpoints" in r for r in d["references"])
    assert d["path"] == str(SAMPLE) and d["source"]["format"] == "text"


def test_from_json_refuses_other_json_with_a_clear_error():
    with pytest.raises(ValueError, match=r"Document.from_json: missing field `recipients`"):
        vanban.Document.from_json('{"text": "x", "metadata": {}, "references": [], "assignments": []}')
    j = json.loads(vanban.parse("I. Một\nII. Hai").to_json())
    del j["root"]
    with pytest.raises(ValueError, match=r"Document.from_json: missing field `root`"):
        vanban.Document.from_dict(j)
    j = json.loads(vanban.parse("I. Một\nII. Hai").to_json())
    j["root"]["end"] = 999
    with pytest.raises(ValueError, match="not inside the text"):
        vanban.Document.from_dict(j)


# ---------------------------------------------------------------------------------------------------------
# Frames


def test_document_frames_have_the_path_and_datetime_dates(sample):
    pd = pytest.importorskip("pandas")
    refs = sample.references_frame()
    assert list(refs.columns[:2]) == ["path", "ord"] and set(refs["path"]) == {str(SAMPLE)}
    assert str(refs["date"].dtype).startswith("datetime64")
    assert {"symbol_number", "symbol_year", "mentions", "sections", "pinpoints"} <= set(refs.columns)
    tasks = sample.assignments_frame()
    assert str(tasks["deadline_date"].dtype).startswith("datetime64")
    assert {"deadline_year", "deadline_part", "deadline_every", "counterparts"} <= set(tasks.columns)
    out = sample.outline_frame()
    assert len(out) == len(sample.outline())
    row = out[out["section"] == "IV/2"].iloc[0]
    assert row["depth"] == 2 and row["parent"] == "IV" and row["label"] == "2"
    assert isinstance(out, pd.DataFrame)


def test_frames_of_many_documents_in_three_backends(tmp_path):
    pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    files = sorted(CORPUS.glob("*.md"))[:6] + [tmp_path / "missing.md"]
    results = list(vanban.parse_many(files, progress=False))
    docs = [r for r in results if isinstance(r, vanban.Document)]
    f = vanban.frames(results)
    assert len(f.documents) == len(docs) and len(f.failures) == 1
    assert len(f.outline) == sum(len(d.outline()) for d in docs)
    assert len(f.references) == sum(len(d.references) for d in docs)
    assert len(f.assignments) == sum(len(d.assignments) for d in docs)
    a = vanban.frames(results, backend="arrow")
    assert isinstance(a.documents, pa.Table) and a.documents.schema.field("date").type == pa.date32()
    assert a.references.schema.field("pinpoints").type.value_type.num_fields == 6
    assert a.assignments.num_rows == len(f.assignments)
    p = vanban.frames(results, backend="polars")
    assert isinstance(p.outline, pl.DataFrame) and p.documents.schema["date"] == pl.Date
    assert p.assignments.height == len(f.assignments)


def test_frames_without_pyarrow_name_the_extra(sample, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"needs pyarrow: pip install 'vanban\[arrow\]'"):
        vanban.frames(sample, backend="arrow")


def test_corpus_export_writes_parquet_tables_with_paths_and_dates(tmp_path, index_docs):
    pq = pytest.importorskip("pyarrow.parquet")
    with vanban.Corpus(tmp_path / "x.sqlite") as c:
        c.index(index_docs, progress=False)
        written = c.export(tmp_path / "out")
        assert set(written) == {"documents", "outline", "references", "mentions", "assignments", "edges", "errors"}
        docs = pq.read_table(written["documents"])
        assert docs.num_rows == 4 and str(docs.schema.field("date").type) == "date32[day]"
        for name in ("outline", "references", "mentions", "assignments"):
            t = pq.read_table(written[name])
            assert "path" in t.column_names and t.num_rows > 0, name
        assert pq.read_table(written["edges"]).num_rows == 5


def test_cli_export_writes_parquet(tmp_path, index_docs):
    pytest.importorskip("pyarrow")
    db = tmp_path / "x.sqlite"
    run = lambda *a: subprocess.run([sys.executable, "-m", "vanban", *map(str, a)], capture_output=True, text=True)  # noqa: E731
    assert run("index", index_docs, "--db", db, "-q").returncode == 0
    r = run("export", tmp_path / "pq", "--db", db)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "pq" / "assignments.parquet").exists()
    assert "assignments\t" in r.stdout
    r = run("export", tmp_path / "csv", "--db", db, "--as", "csv")
    assert r.returncode == 0 and (tmp_path / "csv" / "documents.csv").read_text().startswith("id,path,")
    r = run("export", tmp_path / "pq", "--db", tmp_path / "none.sqlite")
    assert r.returncode == 1 and "no index there" in r.stderr


# ---------------------------------------------------------------------------------------------------------
# Progress and length


def test_parse_many_knows_its_length_for_a_list(tmp_path):
    files = sorted(CORPUS.glob("*.md"))[:5]
    it = vanban.parse_many(files + [tmp_path / "missing.md", CORPUS], progress=False)
    n = len(it)
    assert n == 5 + 1 + len([p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt", ".htm", ".html", ".docx", ".pdf")])
    assert len(list(it)) == n and len(it) == n
    with pytest.raises(TypeError, match="list or a tuple"):
        len(vanban.parse_many(iter(files), progress=False))
    assert bool(vanban.parse_many([], progress=False))


def test_progress_callable_is_told_of_every_file(tmp_path):
    files = sorted(CORPUS.glob("*.md"))[:4] + [tmp_path / "missing.md"]
    seen = []
    list(vanban.parse_many(files, progress=lambda done, total, path: seen.append((done, total, path))))
    assert [s[:2] for s in seen] == [(i, 5) for i in range(1, 6)]
    assert [s[2] for s in seen] == [str(f) for f in files]


def test_progress_tqdm_bar_is_advanced_not_closed(tmp_path):
    tqdm = pytest.importorskip("tqdm")
    bar = tqdm.tqdm(total=None, disable=False, file=open(tmp_path / "bar.txt", "w"))
    list(vanban.parse_many(sorted(CORPUS.glob("*.md"))[:3], progress=bar))
    assert bar.n == 3 and bar.total == 3 and not bar.disable
    bar.close()


def test_corpus_index_reports_progress_to_a_callable(tmp_path, index_docs):
    seen = []
    with vanban.Corpus(tmp_path / "x.sqlite") as c:
        c.index(index_docs, progress=lambda done, total, path: seen.append((done, total, path)))
        assert [s[:2] for s in seen] == [(i, 4) for i in range(1, 5)]
        assert all(s[2] and s[2].endswith(".md") for s in seen)
        seen.clear()
        c.index(index_docs, progress=lambda *a: seen.append(a))  # unchanged: skipped, path None
        assert [s[2] for s in seen] == [None] * 4


def test_a_bad_progress_argument_is_a_type_error():
    with pytest.raises(TypeError, match="progress must be"):
        vanban.parse_many([SAMPLE], progress=3)


def test_progress_errors_raised_by_the_callable_propagate():
    def boom(*_):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        list(vanban.parse_many([SAMPLE], progress=boom))


def test_dates_in_corpus_frames_are_datetime64(tmp_path, index_docs):
    pytest.importorskip("pandas")
    with vanban.Corpus(tmp_path / "x.sqlite") as c:
        c.index(index_docs, progress=False)
        docs = c.documents()
        assert str(docs["date"].dtype).startswith("datetime64")
        assert docs["date"].dropna().iloc[0].date() >= datetime.date(2000, 1, 1)
