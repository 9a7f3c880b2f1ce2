//! `vanban::parse_bytes` over arbitrary bytes: every reader behind it (format and encoding detection, HTML,
//! UTF-16, Windows-1258) and the whole parser. Beyond "no panic, no hang", it checks what must hold for any
//! input that parses: the leaves tile the text (lossless), and the annotation JSON can be made.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = vanban::parse_bytes(data) else { return };
    let mut end = 0;
    for id in doc.leaves() {
        let span = doc.node(id).span;
        assert_eq!(span.start, end, "leaves leave a gap or overlap");
        end = span.end;
    }
    assert_eq!(end, doc.text.len(), "leaves do not reach the end of the text");
    let json = doc.annotation_json(Some("fuzz"));
    assert!(json.starts_with('{'));
});
