//! What every target checks on an input that reads: parsing the text read gives a lossless tree (the leaves
//! tile the text) and an annotation. Included by each target with `#[path]`.
#![allow(dead_code)] // each target uses part of it
use vanban::{Document, Format, ReadOptions};

/// The leaves tile the text, and the annotation JSON can be made.
pub fn check(doc: &Document) {
    let mut end = 0;
    for id in doc.leaves() {
        let span = doc.node(id).span;
        assert_eq!(span.start, end, "leaves leave a gap or overlap");
        end = span.end;
    }
    assert_eq!(end, doc.text.len(), "leaves do not reach the end of the text");
    assert!(doc.annotation_json(Some("fuzz")).starts_with('{'));
}

/// Read `data` as `format` (the encoding as given), then parse what was read and [`check`] it.
pub fn read_and_parse(data: &[u8], format: Format, encoding: Option<vanban::Encoding>) {
    let Ok(input) = vanban::read::read_with(data, &ReadOptions { format: Some(format), encoding }) else { return };
    assert_eq!(input.format(), format, "a reader answered for another format");
    if let Ok(doc) = vanban::parse_input(input) {
        check(&doc);
    }
}
