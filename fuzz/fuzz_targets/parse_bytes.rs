//! `vanban::parse_bytes` over arbitrary bytes: every reader behind it (format and encoding detection, HTML,
//! UTF-16, Windows-1258) and the whole parser. Beyond "no panic, no hang", it checks what must hold for any
//! input that parses (see `common.rs`): the leaves tile the text (lossless), and the annotation JSON can be made.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = vanban::parse_bytes(data) {
        common::check(&doc);
    }
});
