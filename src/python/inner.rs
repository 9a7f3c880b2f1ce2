//! What a Python `Document` and its views (`Node`, `Reference`, ...) share: the Rust document, the
//! translation of its byte spans into code-point offsets, and the `Document` class's struct. The struct stands
//! here and its methods in `document.rs` so that the files import one way: `document.rs` makes the views, and
//! a view names its document (`.document`, pickling) through this file, not through `document.rs`.
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use pyo3::prelude::*;
use pyo3::types::{PyString, PyWeakrefMethods, PyWeakrefReference};

use super::errors::to_pyerr;
use crate::model::Span;

/// Byte offset to code-point offset.
pub(super) enum Offsets {
    /// ASCII text: offsets agree.
    Ascii,
    /// `table[b]` = index of the char holding byte `b`; `table[len]` = number of chars.
    Table(Vec<u32>),
}

impl Offsets {
    pub(super) fn new(text: &str) -> Offsets {
        if text.is_ascii() {
            return Offsets::Ascii;
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut n = 0u32;
        for c in text.chars() {
            table.extend(std::iter::repeat_n(n, c.len_utf8()));
            n += 1;
        }
        table.push(n);
        Offsets::Table(table)
    }
    pub(super) fn cp(&self, byte: usize) -> usize {
        match self {
            Offsets::Ascii => byte,
            Offsets::Table(t) => t[byte] as usize,
        }
    }
    /// Code-point offset to byte offset; `None` past the end.
    pub(super) fn byte(&self, cp: usize, len: usize) -> Option<usize> {
        match self {
            Offsets::Ascii => (cp <= len).then_some(cp),
            Offsets::Table(t) => {
                if cp > *t.last()? as usize {
                    return None;
                }
                Some(t.partition_point(|&c| (c as usize) < cp))
            }
        }
    }
}

// Its `#[pymethods]` are in document.rs (see above why apart).
/// A parsed document.
#[pyclass(frozen, weakref, module = "vanban._vanban", name = "Document")]
pub(super) struct PyDocument {
    pub(super) inner: Arc<Inner>,
}

/// What a Python `Document` and its `Node`s share.
pub(super) struct Inner {
    pub(super) doc: crate::Document,
    /// The file it was read from (`parse_file`, `parse_many`).
    pub(super) path: Option<PathBuf>,
    pub(super) offsets: Offsets,
    /// `doc.text` as a Python string, made once (`doc.text` is read often).
    pub(super) text: Py<PyString>,
    /// The Python `Document` object last seen for this document (weakly): the views pickle it, so that a
    /// list of nodes of one document pickles the document once (pickle memoizes by object).
    object: Mutex<Option<Py<PyWeakrefReference>>>,
}

impl Inner {
    pub(super) fn new(py: Python<'_>, doc: crate::Document, offsets: Offsets, path: Option<PathBuf>) -> Arc<Inner> {
        let text = PyString::new(py, &doc.text).unbind();
        Arc::new(Inner { doc, path, offsets, text, object: Mutex::new(None) })
    }
    pub(super) fn cp_span(&self, s: Span) -> (usize, usize) {
        (self.offsets.cp(s.start), self.offsets.cp(s.end))
    }
}

pub(super) fn parsed(
    py: Python<'_>,
    result: Result<(crate::Document, Offsets), crate::Error>,
    path: Option<PathBuf>,
) -> PyResult<PyDocument> {
    match result {
        Ok((doc, offsets)) => Ok(PyDocument { inner: Inner::new(py, doc, offsets, path) }),
        Err(e) => Err(to_pyerr(py, e)),
    }
}

pub(super) fn with_offsets(doc: crate::Document) -> (crate::Document, Offsets) {
    let offsets = Offsets::new(&doc.text);
    (doc, offsets)
}


/// Whether two views look at the same document: the same object, or documents with equal text and parse.
pub(super) fn same_document(a: &Arc<Inner>, b: &Arc<Inner>) -> bool {
    Arc::ptr_eq(a, b) || a.doc == b.doc
}

/// A hash that agrees with [`same_document`]: the hash of the text (Python caches it), mixed with `i`.
pub(super) fn view_hash(py: Python<'_>, inner: &Inner, i: usize) -> PyResult<u64> {
    let h = inner.text.bind(py).hash()? as u64;
    Ok(h.rotate_left(17) ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// The Python `Document` of `inner`: `seen` (which becomes the one remembered) or the one remembered while it
/// is alive, else a new one.
pub(super) fn document_object<'py>(
    py: Python<'py>,
    inner: &Arc<Inner>,
    seen: Option<&Bound<'py, PyDocument>>,
) -> PyResult<Bound<'py, PyDocument>> {
    let mut cached = inner.object.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(w) = cached.as_ref() {
        if let Some(obj) = w.bind(py).upgrade() {
            if let Ok(doc) = obj.downcast_into::<PyDocument>() {
                return Ok(doc);
            }
        }
    }
    let doc = match seen {
        Some(d) => d.clone(),
        None => Bound::new(py, PyDocument { inner: inner.clone() })?,
    };
    *cached = Some(PyWeakrefReference::new(&doc)?.unbind());
    Ok(doc)
}
