"""The `vanban` command: annotate, tree, json; errors on stderr, one line per bad file."""
import json
import subprocess
import sys

import pytest

from helpers import CORPUS_DOCS, SAMPLE, run_vanban, vanban_argv

SECOND = CORPUS_DOCS / "tnt_KH_141-KH-UBND_09daab28.md"

ANNOTATION_KEYS = {"schema", "source", "metadata", "outline", "references", "assignments"}
METADATA_KEYS = {"doc_type", "symbol", "issuer", "place", "date", "title", "signing_authority", "signer_title",
                 "signer", "recipients"}


def check_annotation(a, source):
    assert a["schema"] == "vanban-annotation/1"
    assert set(a) == ANNOTATION_KEYS
    assert a["source"] == source
    assert set(a["metadata"]) == METADATA_KEYS
    assert isinstance(a["metadata"]["recipients"], list)
    for key in ("outline", "references", "assignments"):
        assert isinstance(a[key], list)
    for o in a["outline"]:
        assert set(o) >= {"path", "label", "heading"}


def test_annotate_one_file_prints_one_object():
    r = run_vanban("annotate", SAMPLE)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    check_annotation(json.loads(r.stdout), str(SAMPLE))


def test_annotate_source_is_the_path_as_given():
    r = run_vanban("annotate", SAMPLE.name, cwd=SAMPLE.parent)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["source"] == SAMPLE.name


def test_annotate_two_files_prints_json_lines():
    r = run_vanban("annotate", SAMPLE, SECOND)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 2
    for line, src in zip(lines, (SAMPLE, SECOND)):
        check_annotation(json.loads(line), str(src))


def test_annotate_keeps_going_past_a_missing_file(tmp_path):
    missing = tmp_path / "missing.txt"
    r = run_vanban("annotate", SAMPLE, missing, SECOND)
    assert r.returncode != 0
    lines = r.stdout.splitlines()
    assert [json.loads(x)["source"] for x in lines] == [str(SAMPLE), str(SECOND)]
    err = r.stderr.splitlines()
    assert len(err) == 1, r.stderr
    assert err[0].startswith(f"vanban: {missing}: "), err[0]
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "name,data",
    [("binary.docx", b"PK\x03\x04\x14\x00\x00\x00" + bytes(range(256)) * 4), ("empty.txt", b""),
     ("blank.txt", b" \n\n"), ("latin1.txt", "Ủy ban".encode("utf-8") + b" \xe9t\xe9\n")],
    ids=["binary", "empty", "blank", "undecodable"],
)
def test_bad_files_give_one_line_each(tmp_path, name, data):
    bad = tmp_path / name
    bad.write_bytes(data)
    directory = tmp_path / "a-directory"
    directory.mkdir()
    r = run_vanban("annotate", bad, SAMPLE, directory)
    assert r.returncode == 1
    assert len(r.stdout.splitlines()) == 1
    err = r.stderr.splitlines()
    assert len(err) == 2, r.stderr
    assert err[0].startswith(f"vanban: {bad}: ")
    assert err[1].startswith(f"vanban: {directory}: ")
    assert "Traceback" not in r.stderr


def test_stdin():
    r = run_vanban("annotate", "-", input=SAMPLE.read_text(encoding="utf-8"))
    assert r.returncode == 0, r.stderr
    check_annotation(json.loads(r.stdout), "-")


def test_tree():
    r = run_vanban("tree", SAMPLE)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    for key in ("type:", "symbol:", "issuer:", "date:", "title:"):
        assert key in out
    import vanban

    doc = vanban.parse_file(SAMPLE)
    lines = out.splitlines()
    body = lines[lines.index("") + 1:]
    if doc.outline():
        assert len(body) == len(doc.outline())
        for line, item in zip(body, doc.outline()):
            assert line.strip().startswith(item.path)
    else:
        assert body == ["(no outline items)"]


def test_tree_several_files():
    r = run_vanban("tree", SAMPLE, SECOND)
    assert r.returncode == 0, r.stderr
    assert f"==> {SAMPLE} <==" in r.stdout and f"==> {SECOND} <==" in r.stdout


def test_json():
    r = run_vanban("json", SAMPLE)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert set(d) == {"text", "path", "source", "metadata", "root", "references", "assignments"}
    assert d["text"] == SAMPLE.read_text(encoding="utf-8")
    assert d["root"]["kind"] == "document"
    assert r.stdout.startswith("{\n  ")


def test_json_missing_file(tmp_path):
    r = run_vanban("json", tmp_path / "nope.md")
    assert r.returncode == 1
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and "nope.md" in r.stderr


def test_version_and_usage():
    r = run_vanban("--version")
    assert r.returncode == 0 and r.stdout.startswith("vanban ")
    r = run_vanban()
    assert r.returncode == 2 and "annotate" in r.stderr
    r = run_vanban("frobnicate")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_python_dash_m():
    r = subprocess.run([sys.executable, "-m", "vanban", "annotate", str(SAMPLE)], capture_output=True,
                       stdin=subprocess.DEVNULL, text=True, encoding="utf-8", timeout=120)
    assert r.returncode == 0, r.stderr
    check_annotation(json.loads(r.stdout), str(SAMPLE))


def test_broken_pipe_is_quiet():
    # the reader closes the pipe after the first line
    files = [str(SAMPLE)] * 1000  # more output than a pipe buffer holds
    p = subprocess.Popen(vanban_argv() + ["annotate"] + files, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL)
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode("utf-8", "replace")
    p.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
