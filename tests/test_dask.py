"""vanban.dask on a LocalCluster of 2 processes gives exactly the single-process annotations and tables."""
from pathlib import Path

import pytest

import vanban

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "docs"

distributed = pytest.importorskip("dask.distributed")
pytest.importorskip("dask.dataframe")
import vanban.dask as vd  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def single_process(files):
    out = []
    for r in vanban.parse_many(files, progress=False):
        if isinstance(r, vanban.Document):
            out.append(r.annotation(source=r.path))
    return out


def test_annotations_on_two_processes_equal_the_single_process_run(client):
    files = vd.files(CORPUS)
    assert len(files) == len(list(CORPUS.iterdir()))
    bag = vd.annotations(CORPUS, files_per_partition=8)
    assert bag.npartitions == -(-len(files) // 8)
    got = bag.compute()
    assert got == single_process(files)
    workers = {w["id"] for w in client.scheduler_info()["workers"].values()}
    assert len(workers) == 2


def test_tables_on_two_processes_equal_vanban_frames(client):
    pd = pytest.importorskip("pandas")
    import dask

    glob = str(CORPUS / "*.md")
    # dask would turn object columns into Arrow strings (None into <NA>): compare the frames as vanban makes them
    with dask.config.set({"dataframe.convert-string": False}):
        t = vd.frames(glob, files_per_partition=10)
        got = {n: getattr(t, n).compute().reset_index(drop=True) for n in ("documents", "assignments", "outline")}
    want = vanban.frames(vanban.parse_many(vd.files(glob), progress=False))
    for name, df in got.items():
        pd.testing.assert_frame_equal(df, getattr(want, name).reset_index(drop=True), check_dtype=False)
    assert vd.failures(CORPUS).compute() == []


def test_files_expands_globs_directories_and_lists(tmp_path):
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "b.pdf").write_text("x")
    (tmp_path / ".hidden.md").write_text("x")
    (tmp_path / "c.png").write_text("x")
    assert vd.files(tmp_path) == [str(tmp_path / "a.md"), str(tmp_path / "b.pdf")]
    assert vd.files(str(tmp_path / "*.md")) == [str(tmp_path / "a.md")]
    assert vd.files([tmp_path / "a.md", tmp_path / "zz.md"]) == [str(tmp_path / "a.md"), str(tmp_path / "zz.md")]
    with pytest.raises(ValueError):
        vd.annotations(tmp_path, files_per_partition=0)
