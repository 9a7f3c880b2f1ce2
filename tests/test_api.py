"""The Python API: types, code-point spans, the lossless tree, errors, serialization."""
import datetime
import errno
import json
import os
import re
import threading
import unicodedata
from pathlib import Path

import pytest

import vanban
from helpers import ROOT, SAMPLE, check_leaves_tile, check_tree

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")

SMALL = (
    "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n\nSố: 45/KH-UBND\n\nLạng Sơn, ngày 28 tháng 02 năm 2022\n\n"
    "KẾ HOẠCH\n\nVề việc thử nghiệm\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\na) Nâng cao nhận thức.\n\n- Gạch đầu dòng một.\n"
    "- Gạch đầu dòng hai.\n\n2. Yêu cầu: bảo đảm tiến độ.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n\nGiao Sở Nội vụ chủ trì.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n"
)

TEXTS = {
    "sample": SAMPLE_TEXT,
    "sample-nfd": unicodedata.normalize("NFD", SAMPLE_TEXT),
    "sample-crlf": SAMPLE_TEXT.replace("\n", "\r\n"),
    "small": SMALL,
    "small-nfd": unicodedata.normalize("NFD", SMALL),
    "multibyte": "Ký hiệu “45/KH-UBND” — Đ ð ₫ € 𝔘𝔫𝔦 😀 中文\n\nI. MỤC ĐÍCH 😀\n1. Nội dung\t…\n",
    "no-final-newline": "KẾ HOẠCH\nVề việc thử\nI. MỤC ĐÍCH\n1. Nội dung",
    "ascii": "PLAN\n\nI. PURPOSE\n\n1. Content\n",
    "one-char": "Đ",
    "whitespace": " \n\n\t\n",
    "empty": "",
}


@pytest.fixture(scope="module")
def sample():
    return vanban.parse_file(SAMPLE)


@pytest.mark.parametrize("name", list(TEXTS), ids=list(TEXTS))
def test_parse_is_lossless(name):
    text = TEXTS[name]
    doc = vanban.parse(text)
    assert isinstance(doc, vanban.Document)
    assert doc.text == text
    check_tree(doc)


@pytest.mark.parametrize("name", ["sample-nfd", "multibyte", "small-nfd"])
def test_spans_are_code_points_not_bytes(name):
    text = TEXTS[name]
    doc = vanban.parse(text)
    assert len(text) != len(text.encode("utf-8"))
    assert doc.root.end == len(text)
    assert doc.root.byte_end == len(text.encode("utf-8"))
    for n in doc.nodes():
        assert text[n.start:n.end] == n.text
        assert text.encode("utf-8")[n.byte_start:n.byte_end].decode("utf-8") == n.text
    check_leaves_tile(doc)


def test_parse_file_and_bytes_agree_with_parse(sample):
    assert sample.text == SAMPLE_TEXT
    from_bytes = vanban.parse_bytes(SAMPLE.read_bytes())
    from_str = vanban.parse(SAMPLE_TEXT)
    parsed = {k: v for k, v in sample.to_dict().items() if k not in ("path", "source")}
    for d in (from_bytes, from_str):
        assert {k: v for k, v in d.to_dict().items() if k not in ("path", "source")} == parsed
        assert d == sample
        assert d.annotation() == sample.annotation()


def test_parse_file_accepts_str_and_pathlike():
    a = vanban.parse_file(str(SAMPLE))
    b = vanban.parse_file(Path(SAMPLE))
    assert a.to_json() == b.to_json()


def test_parse_bytes_reads_bom_and_utf16():
    text = "KẾ HOẠCH\n\nI. MỤC ĐÍCH\n"
    for data in (
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        b"\xff\xfe" + text.encode("utf-16-le"),
        b"\xfe\xff" + text.encode("utf-16-be"),
    ):
        assert vanban.parse_bytes(data).text == text
    assert vanban.parse_bytes(bytearray(text.encode())).text == text


def test_parse_rejects_wrong_types():
    with pytest.raises(TypeError):
        vanban.parse(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        vanban.parse_bytes("text")  # type: ignore[arg-type]


def test_find(sample):
    assert sample.find("no/such/path") is None
    assert sample.find("") is None
    items = sample.outline()
    for it in items:
        first = next(x for x in items if x.path == it.path)
        assert sample.find(it.path) == first


def test_outline_items_and_items_method(sample):
    items = sample.outline()
    assert all(n.kind == "item" for n in items)
    for n in sample.nodes():
        assert n.items() == [c for c in n.children if c.kind == "item"]
    for it in items:
        assert it.label is not None
        assert it.style is None or re.fullmatch(r"[a-z_]+", it.style)


def test_root_parent_and_children_parent(sample):
    root = sample.root
    assert root.parent is None
    assert root.kind == "document"
    for n in sample.nodes():
        for c in n.children:
            assert c.parent == n


def test_node_identity_eq_hash(sample):
    assert sample.root == sample.root
    assert hash(sample.root) == hash(sample.root)
    assert len({sample.root, sample.root, *sample.nodes()}) == len(sample.nodes())
    # nodes compare by value: the same place in equal documents (as after pickling, or parsing the text again)
    other = vanban.parse(SAMPLE_TEXT)
    assert other.root == sample.root and hash(other.root) == hash(sample.root)
    assert other.root != vanban.parse(SAMPLE_TEXT + "\n").root
    assert sample.root != sample.nodes()[1]
    assert sample.root != "root"
    assert sample.root != None  # noqa: E711


def test_item_at(sample):
    assert sample.item_at(len(sample.text) + 10) is None
    for it in sample.outline():
        inner = sample.item_at(it.start)
        assert inner is not None and inner.start <= it.start < inner.end
        assert inner == it or it.start <= inner.start  # the innermost item holding the offset


def test_reprs(sample):
    assert repr(sample).startswith("<Document")
    assert repr(sample.root).startswith("<Node document")
    assert repr(sample.metadata).startswith("<Metadata")
    for n in sample.nodes()[:50]:
        r = repr(n)
        assert r.startswith("<Node " + n.kind) and "\n" not in r


def test_to_json_round_trips(sample):
    d = sample.to_dict()
    assert set(d) == {"text", "path", "source", "metadata", "root", "references", "assignments"}
    assert d["text"] == sample.text
    assert json.loads(sample.to_json()) == d
    assert json.loads(sample.to_json(indent=2)) == d
    assert "\n  " in sample.to_json(indent=2)
    assert "\n" not in sample.to_json()
    assert "Đ" in sample.to_json()  # not ASCII-escaped

    def walk(nd, node):
        assert nd["kind"] == node.kind
        assert (nd["start"], nd["end"]) == (node.start, node.end)
        for k in ("label", "heading", "path", "style"):
            assert nd[k] == getattr(node, k)
        assert nd["marker"] == (list(node.marker) if node.marker else None)
        if node.is_leaf:
            assert nd["text"] == node.text
        else:
            assert "text" not in nd
        assert len(nd["children"]) == len(node.children)
        for cd, c in zip(nd["children"], node.children):
            walk(cd, c)

    walk(d["root"], sample.root)


METADATA_KEYS = {
    "doc_type", "doc_type_name", "symbol", "symbol_parts", "issuer", "place", "date", "title",
    "signing_authority", "signer_title", "signer", "recipients",
}


@pytest.mark.parametrize("name", ["sample", "small"])
def test_metadata(name):
    doc = vanban.parse(TEXTS[name])
    m = doc.metadata
    d = m.to_dict()
    assert set(d) == METADATA_KEYS
    assert doc.to_dict()["metadata"] == d
    for k in METADATA_KEYS - {"date"}:
        assert d[k] == getattr(m, k), k
    assert m.date is None or isinstance(m.date, datetime.date)
    assert d["date"] == (m.date.isoformat() if m.date else None)
    assert isinstance(m.recipients, list) and all(isinstance(r, str) for r in m.recipients)
    if m.symbol_parts is not None:
        assert set(m.symbol_parts) == {"number", "year", "type_code", "issuer_code", "form"}
    assert (m.doc_type is None) == (m.doc_type_name is None)


def test_annotation(sample):
    a = sample.annotation()
    assert a["schema"] == "vanban-annotation/1"
    assert a["source"] is None
    assert set(a) == {"schema", "source", "metadata", "outline", "references", "assignments"}
    assert sample.annotation(source="x.txt")["source"] == "x.txt"
    assert json.loads(sample.annotation_json("x.txt")) == sample.annotation("x.txt")
    assert "\n" not in sample.annotation_json()
    assert [o["path"] for o in a["outline"]] == [n.path for n in sample.outline()]
    m = sample.metadata
    assert a["metadata"]["doc_type"] == m.doc_type
    assert a["metadata"]["recipients"] == m.recipients


# --- errors -----------------------------------------------------------------------------------------------


def test_exception_hierarchy():
    for e in (vanban.ReadError, vanban.DecodeError, vanban.EmptyDocumentError):
        assert issubclass(e, vanban.VanbanError)
    assert issubclass(vanban.VanbanError, Exception)
    assert issubclass(vanban.ReadError, OSError)


def _one_line_naming(exc, path):
    msg = str(exc)
    assert "\n" not in msg
    assert str(path) in msg
    assert exc.path == str(path)
    assert exc.reason and str(path) not in exc.reason


def test_missing_file_raises_read_error(tmp_path):
    missing = tmp_path / "không-có.txt"
    with pytest.raises(vanban.VanbanError) as ei:
        vanban.parse_file(missing)
    assert isinstance(ei.value, vanban.ReadError)
    assert isinstance(ei.value, OSError)
    assert ei.value.errno == errno.ENOENT
    _one_line_naming(ei.value, missing)
    with pytest.raises(OSError):
        vanban.parse_file(str(missing))


def test_directory_raises_read_error(tmp_path):
    with pytest.raises(vanban.ReadError) as ei:
        vanban.parse_file(tmp_path)
    _one_line_naming(ei.value, tmp_path)


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)), b"%PDF-1.4\n\x00\x01\x02\x03binary", b"abc \xff\xfe\xfd def"],
    ids=["zip", "pdf", "invalid-utf8"],
)
def test_binary_raises_decode_error(tmp_path, data):
    with pytest.raises(vanban.DecodeError) as ei:
        vanban.parse_bytes(data)
    assert ei.value.path is None
    f = tmp_path / "x.bin"
    f.write_bytes(data)
    with pytest.raises(vanban.DecodeError) as ei:
        vanban.parse_file(f)
    _one_line_naming(ei.value, f)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t", b"\xef\xbb\xbf"], ids=["empty", "whitespace", "bom-only"])
def test_empty_raises_empty_document_error(tmp_path, data):
    with pytest.raises(vanban.EmptyDocumentError):
        vanban.parse_bytes(data)
    f = tmp_path / "empty.txt"
    f.write_bytes(data)
    with pytest.raises(vanban.EmptyDocumentError) as ei:
        vanban.parse_file(f)
    _one_line_naming(ei.value, f)


def test_parse_never_fails_on_odd_text():
    for text in ["\x00", "\ufeffKẾ HOẠCH", "\r", "|", "- ", "I.", "1.\n2.\n3.", "*" * 1000, "\u0301" * 10]:
        check_tree(vanban.parse(text))


# --- threads, version -------------------------------------------------------------------------------------


def test_parallel_parses_agree():
    expected = vanban.parse(SAMPLE_TEXT).to_json()
    results = []

    def work():
        for _ in range(5):
            results.append(vanban.parse(SAMPLE_TEXT).to_json())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 20 and all(r == expected for r in results)


def test_version_is_the_crates():
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    version = re.search(r'^version\s*=\s*"([^"]+)"', cargo, re.M).group(1)
    assert vanban.__version__ == version
    assert os.path.basename(vanban._vanban.__file__).startswith("_vanban")
