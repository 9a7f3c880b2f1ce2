//! The readers on fixtures made from corpus documents by `tests/fixtures/readers/make_fixtures.py`: a `.docx`
//! with Word automatic numbering and a task table, the same texts in TCVN3, VNI and VISCII, and a PDF.
mod common;

use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;
use vanban::{Document, Encoding, Format, Origin};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readers").join(name)
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus/docs").join(name)
}

fn squash(s: &str) -> String {
    s.replace('*', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The outline as (path, label, style, heading without emphasis or wrapping).
fn outline(doc: &Document) -> Vec<(String, String, String, String)> {
    doc.outline()
        .map(|id| {
            let n = doc.node(id);
            (
                n.path.clone().unwrap_or_default(),
                n.label.clone().unwrap_or_default(),
                format!("{:?}", n.style),
                squash(n.heading.as_deref().unwrap_or("")),
            )
        })
        .collect()
}

#[test]
fn docx_with_automatic_numbering_gives_the_outline_of_its_text_twin() {
    let docx = vanban::parse_file(fixture("kh617.docx")).unwrap();
    let twin = vanban::parse_file(corpus("tnt_KH_617-KH-UBND_8718801c.md")).unwrap();
    common::check_leaves_tile(&docx);
    common::check_tree(&docx);
    let (a, b) = (outline(&docx), outline(&twin));
    assert!(a.len() > 50, "{} items", a.len());
    assert_eq!(a, b);
    // the numbers are not in the XML: they were materialized from numbering.xml
    assert!(docx.text.contains("\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\na) Thúc đẩy"));
    assert!(docx.text.contains("\n\nđ) Đến hết năm 2045"));
    assert!(docx.text.contains("\n\ng) Xây dựng"));
    assert_eq!(docx.metadata.symbol.as_ref().map(|s| s.raw.as_str()), Some("617/KH-UBND"));
    assert_eq!(docx.metadata.date, twin.metadata.date);
    assert_eq!(docx.metadata.signer, twin.metadata.signer);
}

#[test]
fn docx_task_table_gives_the_assignments_of_its_text_twin() {
    let docx = vanban::parse_file(fixture("kh617.docx")).unwrap();
    let twin = vanban::parse_file(corpus("tnt_KH_617-KH-UBND_8718801c.md")).unwrap();
    let key = |d: &Document| {
        let mut v: Vec<_> = d.assignments.iter().map(|a| (a.section.clone(), a.agency.clone(), format!("{:?}", a.role))).collect();
        v.sort();
        v
    };
    assert!(!key(&docx).is_empty());
    assert_eq!(key(&docx), key(&twin));
    assert!(docx.text.contains("|\nSTT\n|\nTên nhiệm vụ\n|\nCơ quan chủ trì\n|"));
}

#[test]
fn docx_header_and_footer_are_kept_apart_and_lines_trace_to_paragraphs() {
    let doc = vanban::parse_file(fixture("kh617.docx")).unwrap();
    let src = doc.source.as_ref().unwrap();
    assert_eq!(src.format, Format::Docx);
    assert_eq!(src.encoding, None);
    assert_eq!(src.header.as_deref(), Some("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP - Kế hoạch 617/KH-UBND"));
    assert_eq!(src.footer.as_deref(), Some("Trang 1"));
    assert!(!doc.text.contains("Trang 1"));
    // an outline item traces back to its paragraph, a table cell to its table, row and cell
    let item = doc.find("II/1/đ").unwrap();
    let Some(Origin::Docx { paragraph, cell: None }) = doc.origin(doc.node(item).span.start) else { panic!() };
    assert!(paragraph > 20);
    let stt = doc.text.find("\nSTT\n").unwrap() + 1;
    let Some(Origin::Docx { cell: Some(cell), .. }) = doc.origin(stt) else { panic!() };
    assert_eq!((cell.row, cell.cell), (0, 0));
    let later = doc.text.find("Triển khai nền tảng đào tạo").unwrap();
    let Some(Origin::Docx { cell: Some(c2), .. }) = doc.origin(later) else { panic!() };
    assert_eq!((c2.table, c2.cell), (cell.table, 1));
    assert!(c2.row >= 2);
}

/// What the fixture script writes for characters a legacy charset lacks.
fn ascii_for(c: char) -> Option<&'static str> {
    Some(match c {
        '“' | '”' => "\"",
        '‘' | '’' => "'",
        '–' | '—' => "-",
        '…' => "...",
        '≥' => ">=",
        _ => return None,
    })
}

#[test]
fn legacy_encodings_decode_to_the_nfc_text_of_their_unicode_originals() {
    for (short, original) in [("seed", "seed-kh-langson-2022.txt"), ("kh308", "tnt_KH_308-KH-UBND_8e9a425d.md")] {
        let text = std::fs::read_to_string(corpus(original)).unwrap();
        let expected: String = text.chars().map(|c| ascii_for(c).map_or(c.to_string(), str::to_string)).collect::<String>().nfc().collect();
        for (enc, encoding) in [("tcvn3", Encoding::Tcvn3), ("vni", Encoding::Vni), ("viscii", Encoding::Viscii)] {
            let name = format!("{short}.{enc}.txt");
            let doc = vanban::parse_file(fixture(&name)).unwrap_or_else(|e| panic!("{e}"));
            let src = doc.source.as_ref().unwrap();
            assert_eq!(src.encoding, Some(encoding), "{name}");
            assert!(src.confidence > 0.8, "{name}: confidence {}", src.confidence);
            let got: String = doc.text.nfc().collect();
            if encoding == Encoding::Tcvn3 {
                // TCVN3 (ABC) has no toned capitals: they were written with the lower-case codes, so compare
                // lower-cased (untoned capitals Ă Â Ê Ô Ơ Ư Đ and ASCII keep their case and are checked below)
                assert_eq!(got.to_lowercase(), expected.to_lowercase(), "{name}");
                assert!(got.contains("KẾ HOẠCH") || got.contains("Kế hoạch") || got.contains("kế hoạch"), "{name}");
            } else {
                assert_eq!(got, expected, "{name}");
            }
            // the same document as its original
            let orig = vanban::parse_file(corpus(original)).unwrap();
            assert_eq!(outline(&doc).len(), outline(&orig).len(), "{name}");
        }
    }
}

#[test]
fn legacy_encoding_can_be_given_explicitly() {
    let bytes = std::fs::read(fixture("seed.vni.txt")).unwrap();
    let opts = vanban::ReadOptions { format: None, encoding: Some(Encoding::Vni) };
    let doc = vanban::parse_bytes_with(&bytes, &opts).unwrap();
    assert_eq!(doc.source.as_ref().unwrap().confidence, 1.0);
    // read as Windows-1258 instead, it is not Vietnamese, but it was asked for
    let opts = vanban::ReadOptions { format: None, encoding: Some(Encoding::Windows1258) };
    let wrong = vanban::parse_bytes_with(&bytes, &opts).unwrap();
    assert_ne!(wrong.text, doc.text);
}

#[test]
fn pdf_with_a_text_layer_gives_the_outline_of_its_text_twin() {
    let pdf = vanban::parse_file(fixture("kh308.pdf")).unwrap();
    let twin = vanban::parse_file(corpus("tnt_KH_308-KH-UBND_8e9a425d.md")).unwrap();
    common::check_leaves_tile(&pdf);
    assert_eq!(pdf.source.as_ref().unwrap().format, Format::Pdf);
    let labels = |d: &Document| d.outline().map(|id| d.node(id).path.clone().unwrap_or_default()).collect::<Vec<_>>();
    let (a, b) = (labels(&pdf), labels(&twin));
    eprintln!("pdf {} items, twin {}", a.len(), b.len());
    assert_eq!(a, b);
    let item = pdf.find("II").unwrap();
    assert!(matches!(pdf.origin(pdf.node(item).span.start), Some(Origin::Pdf { page: 1.., .. })));
}

#[test]
fn pdf_without_text_is_a_scan() {
    // a one-page PDF whose page draws nothing but a rectangle
    let content = b"0 0 100 100 re f";
    let mut pdf = Vec::new();
    let mut offsets = Vec::new();
    pdf.extend_from_slice(b"%PDF-1.4\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{}\nendstream", content.len(), std::str::from_utf8(content).unwrap()),
    ];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    match vanban::parse_bytes(&pdf) {
        Err(vanban::Error::Decode { reason, .. }) => assert!(reason.starts_with("PDF without a text layer (scanned?)"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn format_can_be_forced() {
    let bytes = std::fs::read(corpus("lmx_NQ_99_2025_NQ-HDND_685704.htm")).unwrap();
    let opts = vanban::ReadOptions { format: Some(Format::Text), encoding: Some(Encoding::Web(encoding_rs_windows_1252())) };
    let doc = vanban::parse_bytes_with(&bytes, &opts).unwrap();
    assert!(doc.text.contains("<html") || doc.text.contains("<HTML"));
    assert_eq!(doc.source.as_ref().unwrap().format, Format::Text);
}

fn encoding_rs_windows_1252() -> &'static encoding_rs::Encoding {
    encoding_rs::WINDOWS_1252
}
