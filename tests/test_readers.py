"""The readers from Python: format and encoding detected or given, what was detected, origins, CLI flags."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import vanban

HERE = Path(__file__).parent
READERS = HERE / "fixtures" / "readers"
DOCS = HERE / "fixtures" / "corpus" / "docs"


def test_docx_reports_its_format_header_footer_and_paragraph_origins():
    doc = vanban.parse_file(READERS / "kh617.docx")
    assert doc.input_format == "docx"
    assert doc.encoding is None
    assert doc.page_header.startswith("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP")
    assert doc.page_footer == "Trang 1"
    assert "Trang 1" not in doc.text
    item = doc.find("II/1/đ")
    assert item is not None and item.text.startswith("đ) Đến hết năm 2045")
    origin = doc.origin(item.start)
    assert set(origin) == {"paragraph"}
    cell = doc.origin(doc.text.index("Cơ quan chủ trì"))
    assert {"paragraph", "table", "row", "cell"} <= set(cell) and cell["row"] == 0


@pytest.mark.parametrize("enc", ["tcvn3", "vni", "viscii"])
def test_legacy_encodings_are_detected_with_confidence(enc):
    doc = vanban.parse_file(READERS / f"kh308.{enc}.txt")
    assert doc.input_format == "text"
    assert doc.encoding == enc
    assert 0.8 < doc.encoding_confidence <= 1.0
    twin = vanban.parse_file(DOCS / "tnt_KH_308-KH-UBND_8e9a425d.md")
    assert [i.path for i in doc.outline()] == [i.path for i in twin.outline()]


def test_encoding_and_format_can_be_given():
    data = (READERS / "seed.vni.txt").read_bytes()
    doc = vanban.parse_bytes(data, encoding="vni")
    assert doc.encoding == "vni" and doc.encoding_confidence == 1.0
    assert vanban.parse_bytes(data, encoding="windows-1252").text != doc.text
    with pytest.raises(ValueError):
        vanban.parse_bytes(data, encoding="klingon")
    with pytest.raises(ValueError):
        vanban.parse_bytes(data, format="odt")
    html = (DOCS / "lmx_NQ_99_2025_NQ-HDND_685704.htm").read_bytes()
    assert vanban.parse_bytes(html).input_format == "html"
    assert vanban.parse_bytes(html, format="text", encoding="windows-1252").input_format == "text"


def test_text_origin_is_the_byte_offset_of_the_character():
    data = "KẾ HOẠCH\n\nI. MỤC ĐÍCH\n".encode("utf-8")
    doc = vanban.parse_bytes(data)
    at = doc.text.index("MỤC")
    assert doc.origin(at) == {"byte": data.index("MỤC".encode("utf-8"))}
    assert vanban.parse(doc.text).origin(0) is None


def test_pdf_reads_and_a_scan_is_named():
    doc = vanban.parse_file(READERS / "kh308.pdf")
    assert doc.input_format == "pdf"
    assert doc.origin(doc.find("II").start)["page"] >= 1
    with pytest.raises(vanban.DecodeError):
        vanban.parse_bytes(b"%PDF-1.4\n%%EOF\n")


def test_cli_format_and_encoding_flags(tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "vanban", *a], capture_output=True, text=True)  # noqa: E731
    r = run("annotate", "--encoding", "tcvn3", str(READERS / "seed.tcvn3.txt"), str(READERS / "kh617.docx"))
    assert r.returncode == 0, r.stderr
    assert len([json.loads(l) for l in r.stdout.splitlines()]) == 2
    r = run("tree", "--encoding", "klingon", str(READERS / "seed.tcvn3.txt"))
    assert r.returncode == 2 and "klingon" in r.stderr
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"PK\x03\x04junk")
    r = run("annotate", "--format", "docx", str(bad), str(READERS / "kh617.docx"))
    assert r.returncode == 1
    assert r.stderr.startswith(f"vanban: {bad}: cannot decode: a damaged zip")
    assert len(r.stdout.splitlines()) == 1
