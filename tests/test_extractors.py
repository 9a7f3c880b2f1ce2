"""The Python view of the extractors: Document.references, Document.assignments and their DataFrames.

The extractors are being improved, so these tests check what must hold (fields, spans, links to the tree),
not how many records there are."""
import ast
import datetime
import json
import sys
import unicodedata
from pathlib import Path

import pytest

import vanban
from vanban import _vanban
from helpers import SAMPLE

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")

REFERENCE_KEYS = [
    "doc_type", "doc_type_name", "symbol", "symbol_parts", "date", "issuer", "name", "key", "attached", "mentions",
    "pinpoints",
]
ASSIGNMENT_KEYS = [
    "section", "agency", "agency_key", "role", "deadline", "deadline_date", "deadline_kind", "deadline_info",
    "counterparts", "start", "end", "agency_start", "agency_end", "text",
]
ROLES = {"responsible", "lead", "coordinate", "directed", "monitor", "report_to"}


@pytest.fixture(scope="module")
def sample():
    return vanban.parse_file(SAMPLE)


@pytest.fixture(scope="module", params=["sample", "sample-nfd", "sample-crlf"])
def variant(request):
    text = {
        "sample": SAMPLE_TEXT,
        "sample-nfd": unicodedata.normalize("NFD", SAMPLE_TEXT),
        "sample-crlf": SAMPLE_TEXT.replace("\n", "\r\n"),
    }[request.param]
    return vanban.parse(text)


def by_symbol(doc, symbol):
    found = [r for r in doc.references if r.symbol == symbol]
    assert found, f"no reference {symbol}: {doc.references}"
    return found[0]


def test_types_are_exported(sample):
    assert vanban.Reference is _vanban.Reference and vanban.Assignment is _vanban.Assignment
    assert {"Reference", "Assignment"} <= set(vanban.__all__)
    assert isinstance(sample.references, list) and isinstance(sample.assignments, list)
    assert all(isinstance(r, vanban.Reference) for r in sample.references)
    assert all(isinstance(a, vanban.Assignment) for a in sample.assignments)


def test_reference_58_kh_btctw(sample):
    r = by_symbol(sample, "58-KH/BTCTW")
    assert r.date == datetime.date(2022, 2, 28)
    assert r.issuer == "Ban Tổ chức Trung ương"
    assert r.doc_type == "KH" and r.doc_type_name == "Kế hoạch"
    assert r.symbol_parts["number"] == "58" and r.symbol_parts["issuer_code"] == "BTCTW"
    assert r.key == "58-KH/BTCTW"
    assert r.attached is False
    assert r.mentions
    for start, end in r.mentions:
        assert "58-KH/BTCTW" in sample.text[start:end]
    assert "58-KH/BTCTW" in repr(r)


@pytest.mark.parametrize("symbol", ["58-KH/BTCTW"])
def test_reference_spans_are_code_points(variant, symbol):
    r = by_symbol(variant, symbol)
    for start, end in r.mentions:
        assert unicodedata.normalize("NFC", variant.text[start:end]).find(symbol) >= 0


def test_references_fields(variant):
    doc = variant
    assert doc.references
    for r in doc.references:
        assert isinstance(r.key, str) and r.key
        assert isinstance(r.attached, bool)
        assert r.symbol is not None or r.name is not None
        assert (r.symbol_parts is None) == (r.symbol is None)
        assert r.date is None or isinstance(r.date, datetime.date)
        assert r.mentions
        for start, end in r.mentions:
            assert 0 <= start < end <= len(doc.text)
        nodes = r.nodes
        assert len(nodes) == len(r.mentions)
        for (start, _), node in zip(r.mentions, nodes):
            assert node == doc.item_at(start)
            if node is not None:
                assert node.kind == "item" and node.start <= start < node.end


def test_reference_to_dict(sample):
    for r in sample.references:
        d = r.to_dict()
        assert list(d) == REFERENCE_KEYS
        assert d["symbol"] == r.symbol and d["name"] == r.name and d["key"] == r.key
        assert d["date"] == (r.date.isoformat() if r.date else None)
        assert d["mentions"] == [list(m) for m in r.mentions]
        assert d["symbol_parts"] == r.symbol_parts
        assert d["attached"] is r.attached


def test_assignment_iv_2_lead(sample):
    triples = {(a.section, a.agency, a.role) for a in sample.assignments}
    assert ("IV/2", "Ban Tuyên giáo Tỉnh ủy", "lead") in triples


def test_assignments_fields(variant):
    doc = variant
    assert doc.assignments
    for a in doc.assignments:
        assert a.role in ROLES
        assert a.agency and a.agency_key
        assert 0 <= a.start < a.end <= len(doc.text)
        assert doc.text[a.start:a.end] == a.text
        assert (a.deadline_date is None) or (a.deadline is not None and isinstance(a.deadline_date, datetime.date))
        if a.section:
            assert a.node is not None and a.node.path == a.section
        else:
            assert a.node is None


def test_assignment_to_dict(sample):
    for a in sample.assignments:
        d = a.to_dict()
        assert list(d) == ASSIGNMENT_KEYS
        assert (d["section"], d["agency"], d["agency_key"], d["role"]) == (a.section, a.agency, a.agency_key, a.role)
        assert (d["start"], d["end"], d["text"], d["deadline"]) == (a.start, a.end, a.text, a.deadline)
        assert d["deadline_date"] == (a.deadline_date.isoformat() if a.deadline_date else None)
        assert a.role in repr(a)


def test_document_to_dict_and_json(sample):
    d = sample.to_dict()
    assert d["references"] == [r.to_dict() for r in sample.references]
    assert d["assignments"] == [a.to_dict() for a in sample.assignments]
    j = json.loads(sample.to_json())
    assert j["references"] == d["references"] and j["assignments"] == d["assignments"]


def test_no_extractions_on_plain_text():
    doc = vanban.parse("")
    assert doc.references == [] and doc.assignments == []


def test_frames_with_pandas(sample):
    pd = pytest.importorskip("pandas")
    f = sample.assignments_frame()
    assert isinstance(f, pd.DataFrame)
    assert list(f.columns[:2]) == ["path", "ord"]
    assert set(ASSIGNMENT_KEYS) - {"deadline_info"} <= set(f.columns)
    assert len(f) == len(sample.assignments)
    assert ((f["section"] == "IV/2") & (f["agency"] == "Ban Tuyên giáo Tỉnh ủy") & (f["role"] == "lead")).any()
    g = sample.references_frame()
    assert isinstance(g, pd.DataFrame)
    assert set(REFERENCE_KEYS) - {"symbol_parts"} <= set(g.columns)
    assert len(g) == len(sample.references)
    assert "58-KH/BTCTW" in set(g["symbol"].dropna())
    empty = vanban.parse("").assignments_frame()
    assert list(empty.columns) == list(f.columns) and len(empty) == 0


@pytest.mark.parametrize("method", ["assignments_frame", "references_frame"])
def test_frames_without_pandas(sample, monkeypatch, method):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` raises ImportError
    with pytest.raises(ImportError) as e:
        getattr(sample, method)()
    assert str(e.value) == f"vanban: {method}() needs pandas: pip install 'vanban[pandas]'"


def test_stubs_list_the_new_classes():
    """tests/test_stubs.py checks Document, Node and Metadata; the same check for the new classes."""
    tree = ast.parse(Path(vanban.__file__).with_name("_vanban.pyi").read_text(encoding="utf-8"))
    classes = {n.name: {m.name for m in n.body if isinstance(m, ast.FunctionDef) and not m.name.startswith("_")}
               for n in tree.body if isinstance(n, ast.ClassDef)}
    for name in ("Reference", "Assignment"):
        runtime = {n for n in vars(getattr(_vanban, name)) if not n.startswith("_")}
        assert classes[name] == runtime, name


def test_pinpoints_name_article_clause_and_point():
    # tnt_NQ_73-2025-NQ-HDND_06c6f91f.md, its preamble
    text = "NGHỊ QUYẾT\n\nThử\n\nCăn cứ điểm a khoản 3 Điều 43 Luật Thủ đô năm 2024;\n"
    doc = vanban.parse(text)
    (ref,) = [r for r in doc.references if (r.name or "").startswith("Luật Thủ đô")]
    (pin,) = ref.pinpoints
    assert (pin["point"], pin["clause"], pin["article"], pin["mention"]) == ("a", "3", "43", 0)
    assert doc.text[pin["start"]:pin["end"]] == "điểm a khoản 3 Điều 43 "
    assert doc.text[ref.mentions[0][0]:].startswith("Luật Thủ đô")


def test_deadlines_are_typed_and_counterparts_listed():
    # tnt_KH_141-KH-UBND_09daab28.md, III/1 (labelled lines)
    text = ("KẾ HOẠCH\n\nThử\n\nIII. NHIỆM VỤ\n\n1. Rà soát đội ngũ\n\n- Thường xuyên rà soát, kiện toàn đội ngũ.\n\n"
            "Đơn vị chủ trì thực hiện: Sở Nội vụ.\n\nĐơn vị phối hợp: Sở Tư pháp.\n\nThời gian thực hiện: Quý III/2025.\n")
    doc = vanban.parse(text)
    (lead,) = [a for a in doc.assignments if a.role == "lead"]
    assert lead.agency == "Sở Nội vụ"
    assert lead.deadline == "Quý III/2025" and lead.deadline_kind == "quarter"
    assert lead.deadline_info == {"kind": "quarter", "phrase": "Quý III/2025", "date": None, "year": 2025, "part": 3, "every": None}
    assert lead.deadline_date is None
    assert lead.to_dict()["deadline_kind"] == "quarter"
    assert ("Sở Tư pháp", "coordinate") not in lead.counterparts  # a different line is a different paragraph
    # one paragraph, one task: the lead's partners are its counterparts (seed-kh-langson-2022.txt, IV/2)
    doc = vanban.parse("KẾ HOẠCH\n\nThử\n\nIV- TỔ CHỨC THỰC HIỆN\n\n2. Ban Tuyên giáo Tỉnh ủy: Chủ trì, phối hợp với "
                       "Ban Tổ chức Tỉnh ủy triển khai; báo cáo Ban Thường vụ Tỉnh ủy trước ngày 15/12/2022.\n")
    (lead,) = [a for a in doc.assignments if a.role == "lead"]
    assert ("Ban Tổ chức Tỉnh ủy", "coordinate") in lead.counterparts
    (rep,) = [a for a in doc.assignments if a.role == "report_to"]
    assert rep.deadline_kind == "date" and rep.deadline_date.isoformat() == "2022-12-15"
