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
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    controls * 20 > head.len().max(1)
}
