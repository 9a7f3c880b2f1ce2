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

/// mimalloc's settings for a program that parses many documents (the Python extension, `examples/annotate`), made
/// before it parses: no large OS pages. With them, mimalloc asks the kernel for 2 MiB pages, zeroed whole when
/// first touched; as it gives freed memory back and takes fresh memory again, `vanban annotate` over the corpus
/// spent some 40% of its time zeroing pages (a batch frees each document on another thread than the one that
/// made it).
#[doc(hidden)]
pub fn tune_allocator() {
    // SAFETY: sets an option of the allocator, which reads it when it next asks the OS for memory
    unsafe { libmimalloc_sys::mi_option_set(libmimalloc_sys::mi_option_large_os_pages, 0) }
}

#[cfg(feature = "index")]
pub use index::corpus;
pub use index::batch;
pub use model::{
    Assignment, Date, DocType, Document, Encoding, Error, Format, MarkerStyle, Metadata, Node, NodeId, NodeKind, Origin,
    Reference, Source, Span, Symbol, SymbolForm,
};
pub use pipeline::{debug_layout, parse, parse_bytes, parse_bytes_with, parse_file, parse_file_with, parse_input};
pub use read::{Input, ReadOptions};

