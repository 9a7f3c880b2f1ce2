//! The docx reader on arbitrary bytes (format forced, so every input reaches it), then the parser on what it
//! read. No panic, hang or unbounded memory; see `common.rs` for what is checked.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::read_and_parse(data, vanban::Format::Docx, None));
