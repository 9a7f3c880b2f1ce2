//! vanban: a lossless parser for Vietnamese administrative documents.
//!
//! ```
//! let doc = vanban::parse("KẾ HOẠCH\n\nVề việc thử\n\nI. MỤC ĐÍCH\n\n1. Nội dung\n");
//! assert_eq!(doc.find("I/1").map(|id| doc.node(id).label.clone().unwrap()), Some("1".to_string()));
//! ```
//!
//! The crate's folders are its stages, and imports run one way, from a later stage to an earlier one or to the
//! [`model`] that every stage produces:
//!
//! - [`read`]: bytes to text (format and encoding sniffed, `.docx`, HTML, PDF, legacy encodings), each line
//!   traced back to the source;
//! - [`lex`]: the text normalized, cut into lines and paragraphs, markers and symbols recognised;
//! - [`parse`]: layout zones, the outline tree, the document's metadata;
//! - [`extract`]: references and assignments;
//! - [`pipeline`]: the stages in order;
//! - [`index`]: many documents: batches in parallel and the SQLite cross-reference index.
pub mod extract;
pub mod index;
pub mod lex;
pub mod model;
pub mod parse;
pub mod pipeline;
pub mod read;
#[cfg(feature = "python")]
mod python;
#[cfg(test)]
mod testing;

// The Python extension allocates through mimalloc: the pipeline makes many small, short-lived allocations
// (Cargo.toml says what it saves). A Rust program that uses the crate keeps its own allocator.
#[cfg(feature = "python")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(feature = "index")]
pub use index::corpus;
pub use index::batch;
pub use model::{
    Assignment, Date, DocType, Document, Encoding, Error, Format, MarkerStyle, Metadata, Node, NodeId, NodeKind, Origin,
    Reference, Source, Span, Symbol, SymbolForm,
};
pub use pipeline::{debug_layout, parse, parse_bytes, parse_bytes_with, parse_file, parse_file_with, parse_input};
pub use read::{Input, ReadOptions};

