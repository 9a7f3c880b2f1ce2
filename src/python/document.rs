//! `Document`: a parsed document.
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyType};

use super::assignment::{assignment_dict, PyAssignment};
use super::convert::origin_dict;
use super::frames::call;
use super::inner::{document_object, same_document, view_hash, with_offsets, Inner, PyDocument};
use super::metadata::{metadata_dict, PyMetadata};
use super::node::{node_dict, PyNode};
use super::reference::{reference_dict, PyReference};
use super::state::{from_dict_json, from_pickle_state, pickle_state};

impl PyDocument {
    fn node(&self, id: usize) -> PyNode {
        PyNode { inner: self.inner.clone(), id }
    }

    fn source_dict<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(s) = &self.inner.doc.source else { return Ok(None) };
        let d = PyDict::new(py);
        d.set_item("format", s.format.as_str())?;
        d.set_item("encoding", s.encoding.map(|e| e.name()))?;
        d.set_item("confidence", s.confidence)?;
        d.set_item("page_header", s.header.as_deref())?;
        d.set_item("page_footer", s.footer.as_deref())?;
        Ok(Some(d))
    }
}

#[pymethods]
impl PyDocument {
    /// The text as given; node offsets index into it (code points).
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.inner.text.clone_ref(py)
    }

    /// The file the document was read from (`parse_file`, `parse_many`); None for `parse` and `parse_bytes`.
    #[getter]
    fn path(&self) -> Option<&std::ffi::OsStr> {
        self.inner.path.as_deref().map(|p| p.as_os_str())
    }

    /// What was extracted from the header, title and closing.
    #[getter]
    fn metadata(&self) -> PyMetadata {
        PyMetadata { inner: self.inner.clone() }
    }

    /// The root node (kind `document`), spanning the whole text.
    #[getter]
    fn root(&self) -> PyNode {
        self.node(0)
    }

    /// Outline items (kind `item`) in document order.
    fn outline(&self) -> Vec<PyNode> {
        self.inner.doc.outline().map(|id| self.node(id)).collect()
    }

    /// The first outline item with this path (`IV/2`, `Chương II/Điều 5/1/a`), or None.
    fn find(&self, path: &str) -> Option<PyNode> {
        self.inner.doc.find(path).map(|id| self.node(id))
    }

    /// All nodes in pre-order (document order), the root first.
    fn nodes(&self) -> Vec<PyNode> {
        self.inner.doc.preorder().map(|id| self.node(id)).collect()
    }

    /// The leaves in document order; their texts concatenate to the document text.
    fn leaves(&self) -> Vec<PyNode> {
        self.inner.doc.leaves().map(|id| self.node(id)).collect()
    }

    /// What the text was read as: "text", "html", "docx" or "pdf" (None for `parse(str)`).
    #[getter]
    fn input_format(&self) -> Option<&'static str> {
        self.inner.doc.source.as_ref().map(|s| s.format.as_str())
    }

    /// The encoding the text was decoded from ("utf-8", "windows-1258", "tcvn3", "vni", "viscii", ...); None
    /// for `parse(str)` and for a .docx or PDF whose text is Unicode.
    #[getter]
    fn encoding(&self) -> Option<&'static str> {
        self.inner.doc.source.as_ref()?.encoding.map(|e| e.name())
    }

    /// How sure the encoding guess is, 0..1 (1 for a BOM, a declared charset or an explicit `encoding=`).
    #[getter]
    fn encoding_confidence(&self) -> Option<f32> {
        self.inner.doc.source.as_ref().map(|s| s.confidence)
    }

    /// A .docx's page header text (not part of `text`), or None.
    #[getter]
    fn page_header(&self) -> Option<String> {
        self.inner.doc.source.as_ref()?.header.clone()
    }

    /// A .docx's page footer text (not part of `text`), or None.
    #[getter]
    fn page_footer(&self) -> Option<String> {
        self.inner.doc.source.as_ref()?.footer.clone()
    }

    /// Where the code point at `offset` comes from in the source: `{"byte": n}` for text (that character's
    /// byte offset) and HTML (its line's), `{"paragraph": n}` plus `"table"`, `"row"`, `"cell"` inside a table
    /// for a .docx, `{"page": p, "line": l}` for a PDF; None for `parse(str)` or an offset past the end.
    fn origin<'py>(&self, py: Python<'py>, offset: usize) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(byte) = self.inner.offsets.byte(offset, self.inner.doc.text.len()) else { return Ok(None) };
        match self.inner.doc.origin(byte) {
            Some(o) => origin_dict(py, o).map(Some),
            None => Ok(None),
        }
    }

    /// The innermost outline item holding the code point at `offset`, or None.
    fn item_at(&self, offset: usize) -> Option<PyNode> {
        let byte = self.inner.offsets.byte(offset, self.inner.doc.text.len())?;
        self.inner.doc.item_at(byte).map(|id| self.node(id))
    }

    /// The documents the text cites, one entry each, in order of first mention.
    #[getter]
    fn references(&self) -> Vec<PyReference> {
        (0..self.inner.doc.references.len()).map(|i| PyReference { inner: self.inner.clone(), i }).collect()
    }

    /// Who must act: one record per (section, agency, role).
    #[getter]
    fn assignments(&self) -> Vec<PyAssignment> {
        (0..self.inner.doc.assignments.len()).map(|i| PyAssignment { inner: self.inner.clone(), i }).collect()
    }

    /// `references` as a pandas DataFrame, one row per reference: `path` (the document's file), then the
    /// fields of `Reference.to_dict()` with `symbol_parts` flattened (`symbol_number`, `symbol_year`, ...),
    /// `date` as datetime64, `mentions` and `pinpoints` as lists. Needs pandas (`pip install 'vanban[pandas]'`).
    fn references_frame<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        call(slf.py(), "_frames", "document_frame", (slf, "references"))
    }

    /// `assignments` as a pandas DataFrame, one row per assignment: `path`, then the fields of
    /// `Assignment.to_dict()` with `deadline_info` flattened (`deadline_year`, `deadline_part`,
    /// `deadline_every`), `deadline_date` as datetime64, `counterparts` as a list. Needs pandas.
    fn assignments_frame<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        call(slf.py(), "_frames", "document_frame", (slf, "assignments"))
    }

    /// The outline as a pandas DataFrame, one row per item in document order: `path` (the document's file),
    /// `id`, `section` (the item's path, `IV/2`), `label`, `style`, `depth` (1 for top items), `parent` (the
    /// enclosing item's section), `heading`, `start`, `end`. Needs pandas.
    fn outline_frame<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        call(slf.py(), "_frames", "document_frame", (slf, "outline"))
    }

    /// The whole parse as plain data: `{"text", "path", "source", "metadata", "root", "references",
    /// "assignments"}`; `source` is `{"format", "encoding", "confidence", "page_header", "page_footer"}` (None
    /// for `parse(str)`), nodes nest under `children`, references and assignments are their `to_dict()`.
    /// `Document.from_dict` reads it back.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let inner = &self.inner;
        let d = PyDict::new(py);
        d.set_item("text", inner.text.bind(py))?;
        d.set_item("path", self.path())?;
        d.set_item("source", self.source_dict(py)?)?;
        d.set_item("metadata", metadata_dict(py, &inner.doc.metadata)?)?;
        d.set_item("root", node_dict(py, inner, 0)?)?;
        let references = (0..inner.doc.references.len()).map(|i| reference_dict(py, inner, i));
        d.set_item("references", PyList::new(py, references.collect::<PyResult<Vec<_>>>()?)?)?;
        let assignments = (0..inner.doc.assignments.len()).map(|i| assignment_dict(py, inner, i));
        d.set_item("assignments", PyList::new(py, assignments.collect::<PyResult<Vec<_>>>()?)?)?;
        Ok(d)
    }

    /// A document from the JSON `to_json()` gives: `Document.from_json(doc.to_json()).to_json() ==
    /// doc.to_json()`. What `origin()` needs (the line map) is not in the JSON: pickle keeps it. Raises
    /// ValueError when the JSON is not of that schema or a span lies outside the text.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: &str) -> PyResult<PyDocument> {
        match py.allow_threads(|| from_dict_json(json)) {
            Ok((doc, path, offsets)) => Ok(PyDocument { inner: Inner::new(py, doc, offsets, path) }),
            Err(e) => Err(PyValueError::new_err(format!("Document.from_json: {e}"))),
        }
    }

    /// A document from `to_dict()`'s dict (as `from_json`).
    #[classmethod]
    fn from_dict(cls: &Bound<'_, PyType>, py: Python<'_>, data: &Bound<'_, PyDict>) -> PyResult<PyDocument> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("ensure_ascii", false)?;
        let json: String = py.import("json")?.getattr("dumps")?.call((data,), Some(&kwargs))?.extract()?;
        Self::from_json(cls, py, &json)
    }

    /// Pickle support: the document as JSON of the Rust model (the text once, spans as byte offsets, no node
    /// text) with its path and source, so `origin()` works after unpickling; zlib-compressed.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let this = slf.get();
        let py = slf.py();
        document_object(py, &this.inner, Some(slf))?;
        let state = py.allow_threads(|| pickle_state(&this.inner.doc, this.inner.path.as_deref()));
        // zlib at its fastest level: the state is JSON with many repeated keys, so it shrinks ~5x (an 800 KB
        // decree pickles to ~0.65x its text) for a few ms each way
        let packed = py.import("zlib")?.getattr("compress")?.call1((PyBytes::new(py, &state), 1))?;
        Ok((slf.get_type().getattr("_from_state")?, (packed.downcast_into::<PyBytes>()?,)))
    }

    /// The inverse of `__reduce__`.
    #[classmethod]
    fn _from_state(_cls: &Bound<'_, PyType>, py: Python<'_>, state: &Bound<'_, PyBytes>) -> PyResult<PyDocument> {
        let state = py.import("zlib")?.getattr("decompress")?.call1((state,))?.downcast_into::<PyBytes>()?;
        let state = state.as_bytes();
        match py.allow_threads(|| from_pickle_state(state).map(|(doc, path)| (with_offsets(doc), path))) {
            Ok(((doc, offsets), path)) => Ok(PyDocument { inner: Inner::new(py, doc, offsets, path) }),
            Err(e) => Err(PyValueError::new_err(e)),
        }
    }

    /// A Document is immutable: a copy is the document itself.
    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// A Document is immutable: a deep copy is the document itself.
    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }

    /// Equal when the texts and everything parsed from them are (where they were read from is not compared).
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.downcast::<PyDocument>() {
            Ok(o) => same_document(&self.inner, &o.get().inner),
            Err(_) => false,
        }
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<u64> {
        view_hash(py, &self.inner, 0)
    }

    /// The document as HTML: a metadata card, the outline as a collapsible tree, and the text with the
    /// references and assignment agencies highlighted (hover for their fields). The text shown is cut after
    /// `text_limit` characters (None: all of it), with the rest behind "show more" up to `more_limit`.
    /// Self-contained (no script, no network), escaped. `_repr_html_` is `html()`.
    #[pyo3(signature = (text_limit=20000, more_limit=100000))]
    fn html(slf: &Bound<'_, Self>, text_limit: Option<usize>, more_limit: Option<usize>) -> PyResult<String> {
        call(slf.py(), "_view", "document", (slf, text_limit, more_limit))?.extract()
    }

    /// Jupyter's rich view: `html()`.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        call(slf.py(), "_view", "document", (slf, 20000usize, 100000usize))?.extract()
    }

    /// `to_dict()` as JSON (UTF-8, not ASCII-escaped); compact unless `indent` is given.
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("ensure_ascii", false)?;
        match indent {
            Some(n) => kwargs.set_item("indent", n)?,
            None => kwargs.set_item("separators", (",", ":"))?,
        }
        py.import("json")?.getattr("dumps")?.call((self.to_dict(py)?,), Some(&kwargs))?.extract()
    }

    /// The annotation (`vanban-annotation/1`) as a dict; `source` fills its `source` field.
    #[pyo3(signature = (source=None))]
    fn annotation<'py>(&self, py: Python<'py>, source: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        let json = self.inner.doc.annotation_json(source);
        py.import("json")?.getattr("loads")?.call1((json,))
    }

    /// The annotation as one line of JSON.
    #[pyo3(signature = (source=None))]
    fn annotation_json(&self, source: Option<&str>) -> String {
        self.inner.doc.annotation_json(source)
    }

    fn __repr__(&self) -> String {
        let doc = &self.inner.doc;
        let m = &doc.metadata;
        let mut s = String::from("<Document");
        if let Some(t) = &m.doc_type {
            s.push(' ');
            s.push_str(t.code());
        }
        if let Some(sym) = &m.symbol {
            s.push(' ');
            s.push_str(&sym.raw);
        }
        let chars = self.inner.offsets.cp(doc.text.len());
        s.push_str(&format!(" {} chars, {} nodes, {} items>", chars, doc.nodes.len(), doc.outline().count()));
        s
    }
}

