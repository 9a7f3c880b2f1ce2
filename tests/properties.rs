//! Property tests: `vanban::parse` never panics and always gives a lossless tree (leaves tile the text, spans on
//! char boundaries, children tile their parent), for arbitrary strings, document-like text built from fragments
//! (Vietnamese words, decomposed letters, outline markers, markdown, invisible characters, CRLF), very long lines
//! and deep nesting.
mod common;

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::FileFailurePersistence;

/// Cases per property; `PROPTEST_CASES=N` runs more (e.g. a long hunt with `cargo test --release`).
const CASES: u32 = 256;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(CASES),
        // integration tests have no lib.rs beside them for the default `SourceParallel`; shrunk failures go here
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("tests/properties.proptest-regressions"))),
        ..ProptestConfig::default()
    }
}

/// Text fragments document-like input is built from.
const FRAGMENTS: &[&str] = &[
    // Vietnamese words, precomposed
    "Kế hoạch", "KẾ HOẠCH", "Quyết định", "QUYẾT ĐỊNH", "Ủy ban", "nhân dân", "tỉnh", "Lạng Sơn", "Đảng", "đảng viên",
    "thực hiện", "nhiệm vụ", "Căn cứ", "Thực hiện", "về việc", "V/v", "Số: 45/KH-UBND", "58-KH/BTCTW",
    "30/2020/NĐ-CP", "ngày 28 tháng 02 năm 2022", "Hà Nội,", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "MỤC ĐÍCH, YÊU CẦU", "Phụ lục", "PHỤ LỤC", "khoản 2 Điều 5", "điểm a",
    // decomposed (NFD) sequences and lone combining marks
    "e\u{0323}\u{0302}", "Vie\u{0323}\u{0302}t", "o\u{031B}\u{0301}", "a\u{0306}\u{0300}", "\u{0301}", "\u{0323}\u{0302}",
    "D\u{0323}", "u\u{031B}\u{0303}",
    // outline markers
    "I.", "II-", "IV/", "1.", "2)", "(3)", "1/", "1-", "1.1.", "2.3", "1.1.1.", "a)", "đ)", "b.", "A.", "B-",
    "- ", "+ ", "* ", "• ", "**", "*", "__", "|", "| a | b |", "-----", "** **", "Điều 5.", "Điều 12",
    "Chương II", "CHƯƠNG I", "Mục 1", "Tiểu mục 2", "Phần thứ nhất", "Phần I", "Nơi nhận:", "- Như trên;",
    "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A", "QUYẾT ĐỊNH:",
    "ĐỀ CƯƠNG", "#", "## ", "> ", "[", "](", ")", "`",
    // whitespace, line breaks and invisible characters
    " ", "  ", "\t", "\n", "\n", "\n", "\n\n", "\r\n", "\r", "\u{000C}", "\u{00A0}", "\u{200B}", "\u{FEFF}",
    "\u{00AD}", "\u{2060}", "\u{202F}", "\u{2028}",
    // Đ lookalikes
    "Ð", "ð", "Ɖ", "ɖ", "Ðiều 5.",
    // other scripts, astral characters
    "😀", "中文", "𝔸",
];

/// Document-like text: fragments, with line starts frequent so markers land where markers are read.
fn doc_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => select(FRAGMENTS).prop_map(str::to_string),
        2 => select(FRAGMENTS).prop_map(|f| format!("\n{f} ")),
        1 => "[a-zA-Zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ ]{0,30}",
        1 => (0usize..6, select(&["1.", "a)", "- ", "+ ", "I.", "1.1."][..]))
            .prop_map(|(indent, m)| format!("\n{}{m} nội dung", "  ".repeat(indent))),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

/// Lines of dotted markers of random depth.
fn dotted_lines() -> impl Strategy<Value = String> {
    prop::collection::vec((1usize..12, 1u32..20, any::<bool>()), 0..80).prop_map(|v| {
        v.into_iter()
            .map(|(depth, n, dot)| {
                let marker = vec![n.to_string(); depth].join(".");
                format!("{marker}{} Nội dung mục\n", if dot { "." } else { "" })
            })
            .collect()
    })
}

fn check(text: &str) {
    let doc = vanban::parse(text);
    assert!(doc.text == text, "doc.text is not the input");
    common::check_lossless(&doc);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_strings_are_lossless(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn printable_and_newlines_are_lossless(s in "[\\PC\n\r\t ]{0,400}") {
        check(&s);
    }

    #[test]
    fn document_like_text_is_lossless(s in doc_like()) {
        check(&s);
    }

    #[test]
    fn document_like_text_has_labelled_outline(s in doc_like()) {
        let doc = vanban::parse(&s);
        common::check_outline(&doc);
    }

    #[test]
    fn dotted_markers_are_lossless(s in dotted_lines()) {
        check(&s);
    }

    #[test]
    fn fragments_between_corpus_lines_are_lossless(s in doc_like(), at in 0usize..400) {
        // a real document with generated text spliced in at a line start
        let seed = include_str!("../samples/seed-kh-langson-2022.txt");
        let lines: Vec<&str> = seed.split_inclusive('\n').collect();
        let at = at % (lines.len() + 1);
        let text = format!("{}{}{}", lines[..at].concat(), s, lines[at..].concat());
        check(&text);
    }
}

// ---- fixed shapes: long lines and deep nesting ----

#[test]
fn empty_and_tiny_inputs() {
    for s in ["", " ", "\n", "\r\n", "\u{FEFF}", "\u{200B}", " \u{FEFF}", "\u{200B}\n", "\u{0301}", "\u{00A0}", "Ð", "1.", "- ", "|", "**", "a)"] {
        check(s);
    }
}

// Regression: a text made only of characters normalization drops (zero-width, BOM, soft hyphen, word joiner)
// once gave a root spanning (0, 0) and no leaves (fixed in d81a6f4).
#[test]
fn text_of_only_dropped_characters_is_lossless() {
    for s in ["\u{200B}", "\u{FEFF}", "\u{200C}", "\u{200D}", "\u{00AD}", "\u{2060}\u{00AD}"] {
        check(s);
    }
    check(&"\u{200B}".repeat(20_000));
}

#[test]
fn long_lines() {
    let words = "thực hiện nhiệm vụ của Ủy ban nhân dân tỉnh ";
    let mut line = String::new();
    while line.chars().count() < 20_000 {
        line.push_str(words);
    }
    check(&line);
    check(&format!("1. {line}\n2. {line}\n- {line}\n"));
    check(&"x".repeat(20_000));
    check(&"1.".repeat(10_000));
    check(&"- ".repeat(10_000));
    check(&"e\u{0323}\u{0302}".repeat(7_000)); // decomposed, 20k code points
    check(&"\u{200B}".repeat(20_000));
    check(&"\u{200B}x".repeat(10_000));
    check(&format!("| {} |", "a | ".repeat(5_000)));
}

#[test]
fn repeated_dotted_markers_at_line_starts() {
    let text = "1.1.1.1.1.1 Nội dung\n".repeat(2_000);
    check(&text);
}

#[test]
fn dotted_depth_increasing_to_1000() {
    let mut text = String::new();
    for depth in 1..=1000 {
        text.push_str(&vec!["1"; depth].join("."));
        text.push_str(". Nội dung\n");
    }
    check(&text);
}

#[test]
fn nested_bullets_500_deep() {
    // indented: each level two spaces deeper, "-" and "+" alternating
    let mut indented = String::new();
    let mut flat = String::new();
    for i in 0..500 {
        let m = if i % 2 == 0 { "- " } else { "+ " };
        indented.push_str(&format!("{}{m}mục {i}\n", "  ".repeat(i)));
        flat.push_str(&format!("{m}mục {i}\n"));
    }
    check(&indented);
    check(&flat);
}

#[test]
fn mixed_styles_deep() {
    // every style in turn, so each opens a new level
    let styles = ["Phần I", "Chương I", "Mục 1", "Điều 1.", "I.", "A.", "1.", "1.1.", "a)", "- ", "+ ", "* "];
    let mut text = String::new();
    for i in 0..1200 {
        text.push_str(styles[i % styles.len()]);
        text.push_str(" Nội dung\n\n");
    }
    check(&text);
}

/// ~2 MB pathological inputs must finish (no quadratic blowup); the time is printed (`--nocapture`), the limits
/// are in the benches. Parse time is linear in these shapes; in a debug build the first (one 500k-line
/// paragraph of bullets) takes several seconds, the second (143k outline items) about one.
#[test]
fn two_megabyte_pathological_inputs() {
    let shapes = [
        ("'- a' x 500k lines (one paragraph)", "- a\n".repeat(500_000)),
        ("'1.1.1.1.1. x' + blank line x 143k (143k items)", "1.1.1.1.1. x\n\n".repeat(143_000)),
    ];
    for (name, text) in &shapes {
        let t = std::time::Instant::now();
        let doc = vanban::parse(text);
        let dt = t.elapsed();
        eprintln!("{name}: {} bytes, {} nodes, {} items, parsed in {dt:.2?}", text.len(), doc.nodes.len(), doc.outline().count());
        common::check_lossless(&doc);
    }
}
