//! Python bindings (PyO3): the extension module `vanban._vanban`.
//!
//! Thin glue only, one file per class: every answer comes from the Rust model ([`crate::Document`]). The one
//! thing added here is the translation of byte spans into code-point offsets ([`inner`]), so that in Python
//! `doc.text[n.start:n.end] == n.text`. What is Python's business (HTML views, frames, progress bars) lives in
//! the package `python/vanban/`, which the methods here call.
use pyo3::prelude::*;

mod args;
mod assignment;
mod batch;
mod convert;
mod corpus;
mod document;
mod errors;
mod failure;
mod frames;
mod inner;
mod metadata;
mod node;
mod parse;
mod reference;
mod state;
mod view;

#[pymodule]
fn _vanban(m: &Bound<'_, PyModule>) -> PyResult<()> {
    crate::tune_allocator();
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(parse::parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(batch::parse_many, m)?)?;
    m.add_class::<batch::PyParseMany>()?;
    m.add_class::<failure::PyParseFailure>()?;
    m.add_class::<inner::PyDocument>()?;
    m.add_class::<node::PyNode>()?;
    m.add_class::<metadata::PyMetadata>()?;
    m.add_class::<reference::PyReference>()?;
    m.add_class::<assignment::PyAssignment>()?;
    m.add_class::<corpus::PyCorpus>()?;
    m.add("VanbanError", py.get_type::<errors::VanbanError>())?;
    m.add("DecodeError", py.get_type::<errors::DecodeError>())?;
    m.add("EmptyDocumentError", py.get_type::<errors::EmptyDocumentError>())?;
    m.add("InternalError", py.get_type::<errors::InternalError>())?;
    m.add("ReadError", errors::read_error_type(py)?)?;
    m.add("CorpusError", py.get_type::<corpus::CorpusError>())?;
    Ok(())
}
