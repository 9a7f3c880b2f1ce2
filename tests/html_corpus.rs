//! The Word "Save as Web Page" documents of the corpus (`lmx_*.htm`: windows-1252 declared in a meta tag,
//! Vietnamese letters as numeric references, some as windows-1252 bytes) parse: their text is the extracted
//! plain text, the tree over it is lossless, the header, outline and closing are found, and every line of the
//! text traces back to where it starts in the HTML source.
mod common;

use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;
use vanban::read::html;

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus/docs")
}

fn htm(name: &str) -> PathBuf {
    docs_dir().join(name)
}

const NQ_99: &str = "lmx_NQ_99_2025_NQ-HDND_685704.htm";
const LUAT_72: &str = "lmx_LUAT_72_2025_QH15_649675.htm";
const LUAT_83: &str = "lmx_LUAT_83_2025_QH15_663780.htm";
const NQ_101: &str = "lmx_NQ_101_2025_UBTVQH15_678562.htm";

/// Each document and phrases its text must hold (written here in NFC).
const EXPECTED: &[(&str, &[&str])] = &[
    (
        NQ_99,
        &[
            "HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG NINH",
            "Số: 99/2025/NQ-HĐND",
            "Quảng Ninh, ngày 16 tháng 12 năm 2025",
            "NGHỊ QUYẾT",
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
            "Điều 1. Đối tượng áp dụng",
            "Xây dựng văn bản cấp tỉnh: 3.000.000 đồng/văn bản;",
            "- Lưu: VT, HĐ8.",
            "Trịnh Thị Minh Thanh",
        ],
    ),
    (LUAT_72, &["QUỐC HỘI", "Luật số: 72/2025/QH15", "TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG", "Chương I", "Điều 1. Đơn vị hành chính", "Trần Thanh Mẫn"]),
    (LUAT_83, &["Luật số: 83/2025/QH15", "Hà Nội, ngày 24 tháng 6 năm 2025", "Điều 1. Sửa đổi, bổ sung một số điều"]),
    (NQ_101, &["ỦY BAN THƯỜNG VỤ\nQUỐC HỘI", "Nghị quyết số: 101/2025/UBTVQH15", "QUYẾT NGHỊ:", "Họ và tên (3)\n|\nChức vụ công tác"]),
];

#[test]
fn corpus_html_documents_parse_losslessly() {
    let mut found = 0;
    for entry in std::fs::read_dir(docs_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("htm") {
            continue;
        }
        found += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc = vanban::parse_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        common::check_tree(&doc);
        common::check_leaves_tile(&doc);
        assert!(common::check_outline(&doc) > 10, "{name}: hardly any outline");
        // no markup, no undecoded references, no Word styling left in the text
        for junk in ["<p", "</", "&#", "&nbsp;", "mso-", "MsoNormal", "WordSection", "\u{FFFD}"] {
            assert!(!doc.text.contains(junk), "{name}: the text holds {junk:?}");
        }
        // the text is what the HTML reads as, and parsing it again gives the same tree
        let bytes = std::fs::read(&path).unwrap();
        let extracted = html::to_text(&bytes);
        assert_eq!(doc.text, extracted.text, "{name}");
        assert!(vanban::parse(&extracted.text) == doc, "{name}: parse(text) differs from parse_file");
        let phrases = EXPECTED.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("no phrases for {name}")).1;
        let nfc: String = doc.text.nfc().collect();
        for p in phrases {
            assert!(nfc.contains(p), "{name}: the text lacks {p:?}");
        }
        // the annotation is well formed
        let v: serde_json::Value = serde_json::from_str(&doc.annotation_json(Some(&name))).unwrap();
        assert_eq!(v["schema"], "vanban-annotation/1");
    }
    assert_eq!(found, 4, "the four Word HTML documents are vendored in tests/fixtures/corpus/docs");
}

#[test]
fn nq_99_header_outline_and_closing() {
    let doc = vanban::parse_file(htm(NQ_99)).unwrap();
    let m = &doc.metadata;
    assert_eq!(m.doc_type.as_ref().map(|t| t.code()), Some("NQ"));
    assert_eq!(m.symbol.as_ref().map(|s| s.raw.as_str()), Some("99/2025/NQ-HĐND"));
    assert_eq!(m.issuer.as_deref(), Some("HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH"));
    assert_eq!(m.place.as_deref(), Some("Quảng Ninh"));
    assert_eq!(m.date.as_ref().map(|d| d.to_string()).as_deref(), Some("2025-12-16"));
    assert!(m.title.as_deref().is_some_and(|t| t.starts_with("QUY ĐỊNH NỘI DUNG, MỨC CHI")));
    assert_eq!(m.signer.as_deref(), Some("Trịnh Thị Minh Thanh"));
    assert_eq!(m.recipients.len(), 15);
    let paths: Vec<String> = doc.outline().map(|id| doc.node(id).path.clone().unwrap()).collect();
    for p in ["Điều 1", "Điều 2/2", "Điều 3/1/b/-2", "Điều 5/2"] {
        assert!(paths.iter().any(|x| x == p), "no outline item {p}: {paths:?}");
    }
    let refs: Vec<&str> = doc.references.iter().filter_map(|r| r.symbol.as_ref().map(|s| s.raw.as_str())).collect();
    for s in ["72/2025/QH15", "87/2025/TT-BTC", "338/2016/TT-BTC", "329/2021/NQ-HĐND"] {
        assert!(refs.contains(&s), "no reference {s}: {refs:?}");
    }
}

/// Each line of the extracted text starts where its source offset says: the HTML there is the line's first
/// character (as a windows-1252 byte or a character reference), or, for a table bar, a cell tag.
#[test]
fn source_offsets_trace_lines_back_to_the_html() {
    for name in [NQ_99, LUAT_72, LUAT_83, NQ_101] {
        let bytes = std::fs::read(htm(name)).unwrap();
        let h = html::to_text(&bytes);
        assert_eq!(h.encoding, encoding_rs::WINDOWS_1252, "{name}");
        assert_eq!(h.source_offsets.len(), h.text.lines().filter(|l| !l.is_empty()).count(), "{name}: an offset per line");
        assert!(h.source_offsets.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1), "{name}: offsets ascend");
        for &(t, s) in &h.source_offsets {
            assert!(t == 0 || h.text.as_bytes()[t - 1] == b'\n', "{name}: offset {t} is not a line start");
            let first = h.text[t..].chars().next().unwrap();
            let src = &bytes[s..];
            let ok = if first == '|' && h.text[t..].starts_with("|\n") || &h.text[t..] == "|" {
                src.starts_with(b"<td") || src.starts_with(b"</td") || src.starts_with(b"<tr") || src.starts_with(b"</tr") || src.starts_with(b"</table")
            } else if src.starts_with(b"&") {
                html::entity_at(src).map(|(c, _)| c) == Some(first)
            } else {
                let (c, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&src[..1]);
                c.starts_with(first)
            };
            assert!(ok, "{name}: the line at {t} ({:?}) does not start at source {s} ({:?})", &h.text[t..(t + 20).min(h.text.len())], String::from_utf8_lossy(&src[..src.len().min(30)]));
        }
        // a node traces back: `Điều 1` of NQ 99 starts at its bold tag's text
        if name == NQ_99 {
            let doc = vanban::parse(&h.text);
            let id = doc.find("Điều 1").unwrap();
            let at = h.source_offset(doc.node(id).span.start).unwrap();
            assert!(bytes[at..].starts_with(b"&#272;i&#7873;u 1."), "{:?}", String::from_utf8_lossy(&bytes[at..at + 30]));
        }
    }
}

#[test]
fn parse_bytes_reads_html_from_content_not_name() {
    let bytes = std::fs::read(htm(NQ_99)).unwrap();
    let dir = std::env::temp_dir().join(format!("vanban-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let renamed = dir.join("nq99.txt");
    std::fs::write(&renamed, &bytes).unwrap();
    let a = vanban::parse_bytes(&bytes).unwrap();
    let b = vanban::parse_file(&renamed).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(a == b);
    assert!(a.text.starts_with("|\nHỘI ĐỒNG NHÂN DÂN"));
}

#[test]
fn typed_errors_for_containers_and_empty_pages() {
    let reason = |r: Result<vanban::Document, vanban::Error>| match r {
        Err(vanban::Error::Decode { reason, .. }) => reason,
        Err(e) => panic!("expected a decode error, got {e}"),
        Ok(_) => panic!("expected a decode error, got a document"),
    };
    assert!(reason(vanban::parse_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00")).starts_with("a damaged zip (.docx)"));
    assert!(reason(vanban::parse_bytes(b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj")).contains("PDF"));
    assert!(reason(vanban::parse_bytes(b"<html>\x00\x01\x02</html>")).contains("binary"));
    // a page with no text is empty
    let empty = b"<html><head><title>x</title><style>p{}</style></head><body><p>&nbsp;</p><p><o:p></o:p></p></body></html>";
    assert!(matches!(vanban::parse_bytes(empty), Err(vanban::Error::Empty { .. })));
}

/// The legal items of a parse (Phần, Chương, Mục, Tiểu mục, Điều, khoản, điểm), by path, as the annotation
/// gives them (quoted articles of an amended law are not this law's items).
fn legal_items(doc: &vanban::Document) -> Vec<String> {
    let bullet = |seg: &str| seg.starts_with('-') || seg.starts_with('+') || seg.starts_with('*');
    doc.annotation(None).outline.into_iter().map(|o| o.path).filter(|p| !p.split('/').any(bullet)).collect()
}

#[test]
fn word_html_laws_read_as_one_paragraph_per_line_keep_every_legal_item() {
    // the published texts of the codes: one paragraph per line, no blank line between (issue 11)
    for name in [LUAT_72, LUAT_83, NQ_101, NQ_99] {
        let doc = vanban::parse_file(htm(name)).unwrap();
        let text = vanban::lex::normalize::normalize(&doc.text).text;
        let lines = vanban::lex::lines::split_lines(&text);
        let (paras, _) = vanban::debug_layout(&text);
        let mut flat: Vec<String> = Vec::new();
        let mut li = 0;
        for p in &paras {
            // layout lines (table bars) as they are, each paragraph's lines joined
            flat.extend(lines[li..p.first].iter().filter(|l| l.kind == vanban::lex::lines::LineKind::Layout).map(|l| text[l.start..l.end].trim().to_string()));
            let joined: Vec<&str> = lines[p.first..=p.last].iter().map(|l| text[l.start..l.end].trim()).filter(|l| !l.is_empty()).collect();
            flat.push(joined.join(" "));
            li = p.last + 1;
        }
        let one_per_line = vanban::parse(&flat.join("\n"));
        let (want, got) = (legal_items(&doc), legal_items(&one_per_line));
        assert!(want.len() > 20, "{name}: {} legal items in the HTML parse", want.len());
        assert_eq!(got, want, "{name}");
        // and the HTML parse itself has every article: Điều 1 to Điều N, in order
        let articles: Vec<u32> = doc
            .outline()
            .filter(|&id| doc.node(id).style == Some(vanban::MarkerStyle::Article))
            .map(|id| doc.node(id).label.as_deref().unwrap().trim_start_matches("Điều ").parse().unwrap())
            .collect();
        assert_eq!(articles, (1..=articles.len() as u32).collect::<Vec<_>>(), "{name}");
    }
}
