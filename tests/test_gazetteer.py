"""The agency gazetteer in data/gazetteer/ (mined by scripts/mine_gazetteer.py): the files' invariants, and that
the miner run on the vendored corpus gives names the committed files hold (so the data and the script cannot
drift apart silently)."""
import importlib.util
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "gazetteer"
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "docs"


def _load_miner():
    spec = importlib.util.spec_from_file_location("mine_gazetteer", ROOT / "scripts" / "mine_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


miner = _load_miner()

FILES = {
    "agencies.tsv": (miner.AGENCY_COLUMNS, ("key",)),
    "heads.tsv": (miner.HEAD_COLUMNS, ("type", "key")),
    "abbreviations.tsv": (miner.ABBREV_COLUMNS, ("abbreviation", "expansion_key")),
}


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # UTF-8 or a UnicodeDecodeError
    assert "\r" not in text, f"{path.name}: line ends must be \\n"
    assert text.endswith("\n"), f"{path.name}: the last line must end with \\n"
    lines = text[:-1].split("\n")
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        assert len(cells) == len(header), f"{path.name}:{n}: {len(cells)} cells, header has {len(header)}"
        rows.append(dict(zip(header, cells)))
    return header, rows


@pytest.fixture(scope="module", params=sorted(FILES))
def table(request):
    name = request.param
    header, rows = read_rows(DATA / name)
    return name, header, rows


def test_each_file_has_its_header_and_rows(table):
    name, header, rows = table
    assert header == FILES[name][0]
    assert rows, f"{name} is empty"


def test_cells_are_nfc_without_quotes_or_stray_spaces(table):
    name, _, rows = table
    for r in rows:
        for col, cell in r.items():
            assert unicodedata.normalize("NFC", cell) == cell, f"{name}: {col} not NFC: {cell!r}"
            assert cell == cell.strip() and "  " not in cell, f"{name}: {col} has stray spaces: {cell!r}"
            assert not (cell.startswith('"') and cell.endswith('"') and len(cell) > 1), f"{name}: quoted: {cell!r}"


def test_rows_are_sorted_by_key_without_duplicates(table):
    name, _, rows = table
    keys = [tuple(r[c] for c in FILES[name][1]) for r in rows]
    assert keys == sorted(keys), f"{name} is not sorted by {FILES[name][1]}"
    assert len(set(keys)) == len(keys), f"{name} has duplicate keys"


def test_agency_counts_are_positive_and_add_up():
    _, rows = read_rows(DATA / "agencies.tsv")
    for r in rows:
        docs = int(r["docs"])
        per_source = [int(r[s]) for s in miner.SOURCES]
        assert docs >= 1 and all(c >= 0 for c in per_source), r
        assert max(per_source) <= docs <= sum(per_source), r
        assert r["kind"] in ("body", "office", "class"), r


def test_agency_key_is_the_folded_name_with_canonical_tones():
    _, rows = read_rows(DATA / "agencies.tsv")
    for r in rows:
        assert miner.key_of(miner.tokens(r["name"])) == r["key"], r
        assert miner.canon_tone(r["name"]) == r["name"], f"tone placement not canonical: {r['name']}"
        assert "(" not in r["name"] and not r["name"].startswith("-"), f"a recipient note left in: {r['name']}"


def test_head_and_abbreviation_counts_are_positive():
    _, heads = read_rows(DATA / "heads.tsv")
    for r in heads:
        assert r["type"] in ("head", "qualifier") and int(r["docs"]) >= 1 and int(r["branches"]) >= 1, r
        assert r["role"] in (("body", "office", "class") if r["type"] == "head" else ("-",)), r
    _, abbreviations = read_rows(DATA / "abbreviations.tsv")
    for r in abbreviations:
        assert int(r["defined"]) + int(r["paired"]) >= 1 and int(r["docs"]) >= 0, r


def test_every_agency_head_is_a_listed_head():
    _, agencies = read_rows(DATA / "agencies.tsv")
    _, heads = read_rows(DATA / "heads.tsv")
    listed = {r["key"] for r in heads if r["type"] == "head"}
    for r in agencies:
        assert r["head"] == "" or r["head"] in listed, r


def test_the_vocabulary_holds_what_the_agency_rules_need():
    """The words issue 14 names: a body head, office-holder heads, a class, qualifiers, abbreviations, and a name
    whose comma is its own."""
    _, heads = read_rows(DATA / "heads.tsv")
    role = {(r["type"], r["key"]): r["role"] for r in heads}
    assert role[("head", "sở")] == "body"
    assert role[("head", "ủy ban nhân dân")] == "body"
    for office in ("chủ tịch", "giám đốc", "người đứng đầu"):
        assert role[("head", office)] == "office", office
    assert role[("head", "các")] == "class"
    for q in ("tỉnh", "cấp xã", "có liên quan"):
        assert ("qualifier", q) in role, q
    _, abbreviations = read_rows(DATA / "abbreviations.tsv")
    pairs = {(r["abbreviation"], r["expansion_key"]) for r in abbreviations}
    for pair in [("UBND", "ủy ban nhân dân"), ("HĐND", "hội đồng nhân dân"), ("MTTQ", "mặt trận tổ quốc")]:
        assert pair in pairs, pair
    _, agencies = read_rows(DATA / "agencies.tsv")
    keys = {r["key"] for r in agencies}
    assert "sở văn hóa , thể thao và du lịch" in keys
    assert "sở văn hóa" not in keys  # never cut at its own comma


def test_the_miner_on_the_vendored_corpus_gives_rows_the_committed_files_hold(tmp_path):
    """The corpus is a slice of what the committed files were mined from; with the committed vocabulary (head
    words and qualifiers are learnt from all the data), every name and abbreviation it yields is committed."""
    pytest.importorskip("vanban")
    code = miner.main(["--bench", "none", "--corpus", str(CORPUS), "--out", str(tmp_path), "--vocab", str(DATA / "heads.tsv")])
    assert code == 0
    for name, (_, key_cols) in FILES.items():
        if name == "heads.tsv":
            continue
        _, mined = read_rows(tmp_path / name)
        _, committed = read_rows(DATA / name)
        have = {tuple(r[c] for c in key_cols) for r in committed}
        missing = sorted({tuple(r[c] for c in key_cols) for r in mined} - have)
        assert mined and not missing, f"{name}: the miner now gives rows the committed file lacks: {missing[:10]}"


def test_tone_placement_is_canonicalised_in_open_syllables_only():
    assert miner.canon_tone("Uỷ ban nhân dân tỉnh Thanh Hoá") == "Ủy ban nhân dân tỉnh Thanh Hóa"
    assert miner.canon_tone("HUYỆN UỶ ĐỊNH HOÁ") == "HUYỆN ỦY ĐỊNH HÓA"
    assert miner.canon_tone("quý hoàn thuở hoạch") == "quý hoàn thuở hoạch"


def test_recipient_items_lose_bullets_notes_and_the_archive_line():
    assert miner.strip_item("- Thủ tướng Chính phủ (để b/c);") == ["Thủ tướng Chính phủ"]
    # the members after the colon are not split: `Văn hóa, Thể thao và Du lịch` is one ministry
    assert miner.strip_item("- Các Bộ: Văn hóa, Thể thao và Du lịch, Tài chính;") == ["Các Bộ"]
    assert miner.strip_item("- VPUB: CVP, các PCVP;") == ["VPUB"]
    assert miner.strip_item("- Lưu: VT, TH.") == []
    assert miner.strip_item("- Như Điều 3;") == []
