//! vanban: a lossless parser for Vietnamese administrative documents.
//!
//! ```
//! let doc = vanban::parse("KẾ HOẠCH\n\nVề việc thử\n\nI. MỤC ĐÍCH\n\n1. Nội dung\n");
//! assert_eq!(doc.find("I/1").map(|id| doc.node(id).label.clone().unwrap()), Some("1".to_string()));
//! ```
pub mod annotation;
pub mod assignments;
pub mod batch;
pub mod blocks;
#[cfg(feature = "index")]
pub mod corpus;
pub mod date;
pub mod docx;
pub mod doctype;
pub mod error;
pub mod html;
pub mod input;
pub mod legacy;
pub mod lines;
pub mod metadata;
pub mod markers;
pub mod model;
pub mod normalize;
pub mod outline;
pub mod pdf;
pub mod references;
pub mod span;
pub mod text;
#[cfg(feature = "python")]
mod python;

pub use date::Date;
pub use doctype::DocType;
pub use error::Error;
pub use input::{Encoding, Format, Origin, ReadOptions, Source};
pub use model::{Document, MarkerStyle, Metadata, Node, NodeId, NodeKind, Symbol, SymbolForm};
pub use span::Span;

/// Parse a document from its text. Never fails: any string gives a lossless tree.
pub fn parse(text: &str) -> Document {
    outline::build(text)
}

/// Parse a document from bytes: a `.docx`, a PDF with a text layer, an HTML page (Word "Save as Web Page"
/// included) or plain text (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1258, TCVN3, VNI, VISCII), the
/// format and encoding told apart by content (see [`input`]). The document's text is the text read; its
/// [`Document::source`] says what it was read from and maps each line back.
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, Error> {
    parse_bytes_with(bytes, &ReadOptions::default())
}

/// [`parse_bytes`] with the format and/or the encoding given instead of detected.
pub fn parse_bytes_with(bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    parse_input(input::read_with(bytes, opts)?)
}

/// Parse text that was read ([`input::read`]); an empty text is an error.
pub fn parse_input(input: input::Input) -> Result<Document, Error> {
    if input.text.chars().all(|c| c.is_whitespace() || normalize::substitute(c) == Some("")) {
        return Err(Error::Empty { path: None });
    }
    let mut doc = parse(&input.text);
    doc.source = Some(input.source);
    Ok(doc)
}

/// Parse a document from a file.
pub fn parse_file(path: impl AsRef<std::path::Path>) -> Result<Document, Error> {
    parse_file_with(path, &ReadOptions::default())
}

/// [`parse_file`] with the format and/or the encoding given instead of detected.
pub fn parse_file_with(path: impl AsRef<std::path::Path>, opts: &ReadOptions) -> Result<Document, Error> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    parse_bytes_with(&bytes, opts).map_err(|e| e.with_path(path))
}

/// Paragraphs and their zones, for development tools.
#[doc(hidden)]
pub fn debug_layout(text: &str) -> (Vec<lines::Para>, blocks::Layout) {
    let norm = normalize::normalize(text);
    let lines = lines::split_lines(&norm.text);
    let mut paras = lines::paragraphs(&norm.text, &lines);
    lines::rejoin_page_breaks(&mut paras);
    let layout = blocks::layout(&paras);
    (paras, layout)
}
