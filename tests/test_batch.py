"""vanban.parse_many and `vanban annotate PATH... --jobs N`: in order, errors named, directories, lazy input."""
import json
from pathlib import Path

import pytest

import vanban
from helpers import CORPUS_DOCS, FIXTURES, SAMPLE, corpus_docs, run_vanban

SECOND = CORPUS_DOCS / "tnt_KH_141-KH-UBND_09daab28.md"
DOC = "QUYẾT ĐỊNH\n\nVề việc thử\n\nĐiều 1. Nội dung\n"


@pytest.fixture
def tree(tmp_path):
    """A directory of documents: nested, with a file that is no document and hidden entries to skip."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text(DOC, encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "c.TXT").write_text(DOC, encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.md").write_text(DOC, encoding="utf-8")
    return tmp_path


def test_results_come_in_input_order_and_equal_parse_file():
    paths = [SECOND, SAMPLE] + corpus_docs()[:6] + [SAMPLE]
    results = list(vanban.parse_many(paths, workers=2, progress=False))
    assert [r.path for r in results] == [str(p) for p in paths]
    for r, p in zip(results, paths):
        assert isinstance(r, vanban.Document)
        assert r.annotation_json() == vanban.parse_file(p).annotation_json()


@pytest.mark.parametrize("workers", [1, 2])
def test_one_and_two_workers_give_the_same_results(workers):
    paths = corpus_docs()[:10]
    got = [r.annotation_json() for r in vanban.parse_many(paths, workers=workers, progress=False)]
    assert got == [vanban.parse_file(p).annotation_json() for p in paths]


def test_bad_files_are_failures_naming_the_file_and_the_rest_go_on(tmp_path):
    binary, empty, missing = tmp_path / "x.docx", tmp_path / "empty.txt", tmp_path / "missing.txt"
    binary.write_bytes(b"PK\x03\x04\x14\x00" + bytes(range(256)))
    empty.write_bytes(b"  \n")
    paths = [SAMPLE, binary, empty, missing, SECOND]
    results = list(vanban.parse_many(paths, workers=2, progress=False))
    assert [r.path for r in results] == [str(p) for p in paths]
    assert isinstance(results[0], vanban.Document) and isinstance(results[4], vanban.Document)
    expected = [(binary, vanban.DecodeError), (empty, vanban.EmptyDocumentError), (missing, vanban.ReadError)]
    for f, (path, cls) in zip(results[1:4], expected):
        assert isinstance(f, vanban.ParseFailure)
        assert isinstance(f.error, cls) and f.error_type == cls.__name__
        assert f.error.path == str(path) and f.reason == f.error.reason
        assert f.message == str(f.error) and f.message.startswith(f"{path}: ")
        assert str(path) in repr(f)
        with pytest.raises(cls):
            f.raise_()
    assert results[3].error.errno == 2


def test_a_directory_gives_its_documents_sorted_depth_first(tree):
    results = list(vanban.parse_many(tree, workers=2, progress=False))
    assert [Path(r.path).relative_to(tree).as_posix() for r in results] == ["a.txt", "b/z.md", "c.TXT"]
    assert all(isinstance(r, vanban.Document) and r.metadata.doc_type == "QĐ" for r in results)


def test_a_directory_without_documents_is_a_failure_naming_it(tmp_path):
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    [f] = list(vanban.parse_many([str(tmp_path)], progress=False))
    assert isinstance(f, vanban.ParseFailure) and isinstance(f.error, vanban.ReadError)
    assert f.path == str(tmp_path) and "no document files" in f.reason


def test_one_path_as_str_or_path_is_one_file_not_its_characters():
    for p in (str(SAMPLE), SAMPLE):
        [doc] = list(vanban.parse_many(p, progress=False))
        assert doc.path == str(SAMPLE)


def test_paths_are_pulled_lazily_as_the_workers_need_them():
    pulled = []

    def paths():
        for i in range(50):
            pulled.append(i)
            yield SAMPLE

    it = vanban.parse_many(paths(), workers=1, progress=False)
    assert pulled == []  # nothing is taken before the first result is asked for
    first = next(it)
    assert isinstance(first, vanban.Document)
    assert 1 <= len(pulled) <= 9  # the window: 8 x workers
    assert sum(1 for _ in it) == 49
    assert len(pulled) == 50


def test_document_path_is_set_by_files_only():
    assert vanban.parse_file(SAMPLE).path == str(SAMPLE)
    assert vanban.parse(DOC).path is None
    assert vanban.parse_bytes(DOC.encode()).path is None


def test_bad_arguments_raise():
    with pytest.raises(ValueError):
        vanban.parse_many([SAMPLE], workers=0)
    with pytest.raises(TypeError):
        list(vanban.parse_many([SAMPLE, 42], progress=False))


def test_progress_goes_to_stderr_only_when_asked(capfd, tree):
    list(vanban.parse_many(tree, progress=False))
    assert capfd.readouterr().err == ""
    list(vanban.parse_many([tree, tree / "missing.md"], progress=True))
    err = capfd.readouterr().err
    assert err.startswith("vanban: 4 files") and "1 failed" in err, err


def test_cli_annotate_directory_with_jobs_prints_json_lines_and_error_lines(tree):
    (tree / "bad.txt").write_bytes(b"\x00\x01binary")
    r = run_vanban("annotate", tree, tree / "missing.md", "--jobs", "2")
    assert r.returncode == 1
    sources = [json.loads(line)["source"] for line in r.stdout.splitlines()]
    assert sources == [str(tree / n) for n in ("a.txt", "b/z.md", "c.TXT")]
    err = r.stderr.splitlines()
    assert len(err) == 2, r.stderr
    assert err[0].startswith(f"vanban: {tree / 'bad.txt'}: cannot decode")
    assert err[1].startswith(f"vanban: {tree / 'missing.md'}: cannot read")


def test_cli_annotate_all_good_exits_zero_without_stderr(tree):
    r = run_vanban("annotate", "-j", "1", tree)
    assert r.returncode == 0 and r.stderr == ""
    assert len(r.stdout.splitlines()) == 3


def test_cli_jobs_must_be_positive():
    r = run_vanban("annotate", "--jobs", "0", SAMPLE)
    assert r.returncode == 2 and "at least 1" in r.stderr


def test_parse_many_reads_every_file_with_the_format_and_encoding_given():
    readers = FIXTURES / "readers"
    files = [readers / "seed.tcvn3.txt", readers / "kh308.tcvn3.txt"]
    got = list(vanban.parse_many(files, workers=2, progress=False, encoding="tcvn3"))
    assert [d.text for d in got] == [vanban.parse_file(f, encoding="tcvn3").text for f in files]
    assert all(d.encoding == "tcvn3" for d in got)
    failed = list(vanban.parse_many(files[:1], progress=False, format="docx"))
    assert isinstance(failed[0], vanban.ParseFailure) and failed[0].error_type == "DecodeError"
    with pytest.raises(ValueError, match="klingon"):
        vanban.parse_many(files, encoding="klingon")
