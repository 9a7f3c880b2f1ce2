//! The plain-text reader on arbitrary bytes: the first byte picks detection (UTF-8, UTF-16, Windows-1258 and
//! the legacy font encodings told apart by content) or one encoding forced (TCVN3, VNI, VISCII, Windows-1258,
//! UTF-16), the rest is the text. Then the parser on what was read; see `common.rs`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vanban::Encoding;

#[path = "common.rs"]
mod common;

const CHOICES: [Option<Encoding>; 7] = [
    None,
    Some(Encoding::Tcvn3),
    Some(Encoding::Vni),
    Some(Encoding::Viscii),
    Some(Encoding::Windows1258),
    Some(Encoding::Utf16Le),
    Some(Encoding::Utf8),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else { return };
    // detection gets half the inputs: it is the hard part
    let encoding = if pick < 128 { None } else { CHOICES[pick as usize % CHOICES.len()] };
    common::read_and_parse(text, vanban::Format::Text, encoding);
});
