//! What a reader gives the parser: the text and its [`Source`], and how to ask for a format or encoding.
use crate::model::error::Error;
use crate::model::source::{Encoding, Format, Origin, Source};

/// How to read bytes: `None` fields are detected from content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    pub format: Option<Format>,
    /// For text and HTML: the encoding of the bytes. For a `.docx` or a PDF: the legacy font encoding its text
    /// is in (`Tcvn3`, `Vni`, `Viscii`; a Unicode one means "take the text as it is").
    pub encoding: Option<Encoding>,
}

/// A document's text and what it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    /// The text the parser reads (not yet normalized: the parser applies NFC).
    pub text: String,
    pub source: Source,
}

impl Input {
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn into_text(self) -> String {
        self.text
    }
    pub fn format(&self) -> Format {
        self.source.format
    }
    pub fn encoding(&self) -> Option<Encoding> {
        self.source.encoding
    }
    /// Where byte `text_offset` of the text comes from (see [`Source::origin`]).
    pub fn origin(&self, text_offset: usize) -> Option<Origin> {
        self.source.origin(&self.text, text_offset)
    }
}

pub(crate) fn decode_error(reason: impl Into<String>) -> Error {
    Error::Decode { path: None, reason: reason.into() }
}

/// NUL bytes or many C0 controls in the first 8 KiB: binary (zip, image, PDF stream), not text.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    // counted into a byte per block of 240 and without a branch per byte: the compiler turns the loop into vector
    // compares and adds (the eight-bytes-at-a-time loop it replaces looked at each line break's word byte by byte);
    // 240, a multiple of the vector widths, leaves no block a tail to count byte by byte (255 left 15 of each), and a
    // block's count still fits the byte
    let controls: usize = head
        .chunks(240)
        .map(|block| block.iter().fold(0u8, |n, &b| n + u8::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))))
        .map(usize::from)
        .sum();
    controls * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The count byte by byte, as it was written first.
    fn controls_one_by_one(head: &[u8]) -> usize {
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count()
    }

    #[test]
    fn controls_are_counted_in_every_byte_position_and_value() {
        // each byte value at each position of an eight-byte word and in the tail, among letters and line breaks
        for b in 0..=255u8 {
            for at in 0..19 {
                let mut head = b"abc\ndefghij\r\nklmnop".to_vec();
                head[at] = b;
                let ones = controls_one_by_one(&head);
                assert_eq!(looks_binary(&head), b == 0 || ones * 20 > head.len(), "{b:#x} at {at}");
            }
        }
        // the threshold: one control in 20 bytes is not binary, one in 19 is
        let mut text = vec![b'a'; 40];
        text[3] = 0x01;
        text[30] = 0x1F;
        assert!(!looks_binary(&text) && looks_binary(&text[..39]));
        // only the first 8 KiB are read
        let mut late = vec![b'a'; 9000];
        late[8500] = 0;
        assert!(!looks_binary(&late));
    }
}
