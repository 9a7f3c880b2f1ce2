//! Python bindings (PyO3): the extension module `vanban._vanban`.
//!
//! Thin glue only: every answer comes from the Rust model ([`crate::Document`]). The one thing added here is
//! the translation of byte spans into code-point offsets, so that in Python `doc.text[n.start:n.end] == n.text`.
use std::path::PathBuf;
use std::sync::Arc;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyImportError, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyIterator, PyList, PyString, PyTuple, PyType};

use crate::model::Assignment;
use crate::index::batch::{BatchOptions, Expand, Pipeline, Progress};
use crate::model::{MarkerStyle, NodeKind, Symbol, SymbolForm};
use crate::model::Reference;
use crate::model::Span;

mod args;
mod corpus;

create_exception!(vanban, VanbanError, PyException, "Base class of the errors raised by vanban.");
create_exception!(vanban, DecodeError, VanbanError, "The input is not text in an encoding vanban reads.");
create_exception!(vanban, EmptyDocumentError, VanbanError, "The input is readable but holds no text.");
create_exception!(vanban, InternalError, VanbanError, "vanban failed on this input (a bug): only batches report it.");

static READ_ERROR: GILOnceCell<Py<PyType>> = GILOnceCell::new();

/// `ReadError(VanbanError, OSError)`: a file could not be read. Made with `type()` because an exception
/// class made by `create_exception!` has a single base.
fn read_error_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    let ty = READ_ERROR.get_or_try_init(py, || -> PyResult<Py<PyType>> {
        let bases = PyTuple::new(py, [py.get_type::<VanbanError>(), py.get_type::<PyOSError>()])?;
        let ns = PyDict::new(py);
        ns.set_item("__module__", "vanban")?;
        ns.set_item("__doc__", "A file could not be read (missing, a directory, no permission).")?;
        let ty = py.import("builtins")?.getattr("type")?.call1(("ReadError", bases, ns))?;
        Ok(ty.downcast_into::<PyType>()?.unbind())
    })?;
    Ok(ty.bind(py))
}

/// A `vanban::Error` as a Python exception, with `.path` (str or None) and `.reason` (the message without the
/// path) set; a `ReadError` also carries `.errno`.
fn to_pyerr(py: Python<'_>, e: crate::Error) -> PyErr {
    let msg = e.to_string();
    let path: Option<PathBuf> = match &e {
        crate::Error::Io { path, .. } => Some(path.clone()),
        crate::Error::Decode { path, .. } | crate::Error::Empty { path } | crate::Error::Internal { path, .. } => {
            path.clone()
        }
    };
    let reason = match &path {
        Some(p) => msg.strip_prefix(&format!("{}: ", p.display())).unwrap_or(&msg).to_string(),
        None => msg.clone(),
    };
    let (err, errno) = match &e {
        crate::Error::Io { source, .. } => match read_error_type(py) {
            Ok(ty) => (PyErr::from_type(ty.clone(), msg), source.raw_os_error()),
            Err(err) => return err,
        },
        crate::Error::Decode { .. } => (DecodeError::new_err(msg), None),
        crate::Error::Empty { .. } => (EmptyDocumentError::new_err(msg), None),
        crate::Error::Internal { .. } => (InternalError::new_err(msg), None),
    };
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("path", path.as_ref().map(|p| p.as_os_str()))?;
        value.setattr("reason", reason)?;
        if let Some(n) = errno {
            value.setattr("errno", n)?;
        }
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(other) => other,
    }
}

/// Byte offset to code-point offset.
enum Offsets {
    /// ASCII text: offsets agree.
    Ascii,
    /// `table[b]` = index of the char holding byte `b`; `table[len]` = number of chars.
    Table(Vec<u32>),
}

impl Offsets {
    fn new(text: &str) -> Offsets {
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
    fn cp(&self, byte: usize) -> usize {
        match self {
            Offsets::Ascii => byte,
            Offsets::Table(t) => t[byte] as usize,
        }
    }
    /// Code-point offset to byte offset; `None` past the end.
    fn byte(&self, cp: usize, len: usize) -> Option<usize> {
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

/// What a Python `Document` and its `Node`s share.
struct Inner {
    doc: crate::Document,
    /// The file it was read from (`parse_file`, `parse_many`).
    path: Option<PathBuf>,
    offsets: Offsets,
    /// `doc.text` as a Python string, made once (`doc.text` is read often).
    text: Py<PyString>,
}

impl Inner {
    fn new(py: Python<'_>, doc: crate::Document, offsets: Offsets, path: Option<PathBuf>) -> Arc<Inner> {
        let text = PyString::new(py, &doc.text).unbind();
        Arc::new(Inner { doc, path, offsets, text })
    }
    fn cp_span(&self, s: Span) -> (usize, usize) {
        (self.offsets.cp(s.start), self.offsets.cp(s.end))
    }
}

fn parsed(
    py: Python<'_>,
    result: Result<(crate::Document, Offsets), crate::Error>,
    path: Option<PathBuf>,
) -> PyResult<PyDocument> {
    match result {
        Ok((doc, offsets)) => Ok(PyDocument { inner: Inner::new(py, doc, offsets, path) }),
        Err(e) => Err(to_pyerr(py, e)),
    }
}

fn with_offsets(doc: crate::Document) -> (crate::Document, Offsets) {
    let offsets = Offsets::new(&doc.text);
    (doc, offsets)
}

/// Parse a document from its text. Never fails (lone surrogates are read as U+FFFD). Warns when the whole
/// text is the path of an existing file: `parse_file` was likely meant.
#[pyfunction]
fn parse(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<PyDocument> {
    let text = args::text(text)?;
    args::warn_if_path(py, &text)?;
    let r = py.allow_threads(|| Ok(with_offsets(crate::parse(&text))));
    parsed(py, r, None)
}

/// `format=` and `encoding=` keyword arguments as read options; a name vanban does not know is a ValueError.
fn read_options(format: Option<&str>, encoding: Option<&str>) -> PyResult<crate::ReadOptions> {
    let format = match format {
        None => None,
        Some(f) => Some(crate::Format::from_name(f).ok_or_else(|| {
            PyValueError::new_err(format!("unknown format {f:?}: use \"text\", \"html\", \"docx\" or \"pdf\""))
        })?),
    };
    let encoding = match encoding {
        None => None,
        Some(e) => Some(crate::Encoding::from_label(e).ok_or_else(|| {
            PyValueError::new_err(format!("unknown encoding {e:?}: use e.g. \"utf-8\", \"windows-1258\", \"tcvn3\", \"vni\", \"viscii\""))
        })?),
    };
    Ok(crate::ReadOptions { format, encoding })
}

/// Parse a document from bytes: .docx, PDF, HTML or text (UTF-8, UTF-16 with BOM, Windows-1258, TCVN3, VNI,
/// VISCII), format and encoding detected from content unless given.
#[pyfunction]
#[pyo3(signature = (data, format=None, encoding=None))]
fn parse_bytes(py: Python<'_>, data: &Bound<'_, PyAny>, format: Option<&str>, encoding: Option<&str>) -> PyResult<PyDocument> {
    let opts = read_options(format, encoding)?;
    let data: PyBackedBytes = args::buffer(data)?;
    let r = py.allow_threads(|| crate::parse_bytes_with(&data, &opts).map(with_offsets));
    parsed(py, r, None)
}

/// Parse a document from a file (`str` or `os.PathLike`); format and encoding as for `parse_bytes`.
#[pyfunction]
#[pyo3(signature = (path, format=None, encoding=None))]
fn parse_file(py: Python<'_>, path: &Bound<'_, PyAny>, format: Option<&str>, encoding: Option<&str>) -> PyResult<PyDocument> {
    let opts = read_options(format, encoding)?;
    let path = args::path(path)?;
    let r = py.allow_threads(|| crate::parse_file_with(&path, &opts).map(with_offsets));
    parsed(py, r, Some(path))
}

/// The Python name of the exception a `vanban::Error` becomes.
fn error_type_name(e: &crate::Error) -> &'static str {
    match e {
        crate::Error::Io { .. } => "ReadError",
        crate::Error::Decode { .. } => "DecodeError",
        crate::Error::Empty { .. } => "EmptyDocumentError",
        crate::Error::Internal { .. } => "InternalError",
    }
}

/// Parse many files in parallel; see the stub for the contract. Paths are pulled from `paths` only as the
/// window has room, and the GIL is released while waiting for a result.
#[pyfunction]
#[pyo3(signature = (paths, workers=None, progress=None, format=None, encoding=None))]
fn parse_many(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    workers: Option<&Bound<'_, PyAny>>,
    progress: Option<bool>,
    format: Option<&str>,
    encoding: Option<&str>,
) -> PyResult<PyParseMany> {
    let workers = args::workers(workers)?;
    let read = read_options(format, encoding)?;
    // One path (str, bytes or os.PathLike) or an iterable of them; a str must not be iterated char by char.
    let single = paths.is_instance_of::<PyString>() || paths.is_instance_of::<pyo3::types::PyBytes>() || paths.hasattr("__fspath__")?;
    let input = if single { PyTuple::new(py, [paths])?.into_any().try_iter()? } else { paths.try_iter()? };
    let show = progress.unwrap_or_else(|| std::io::IsTerminal::is_terminal(&std::io::stderr()));
    let progress = if show {
        // The bar needs a total: known without consuming anything when the paths are a list or a tuple
        // (directories in it are walked once to count their files).
        let listed = if single {
            Some(vec![args::path(paths)?])
        } else if paths.is_instance_of::<PyList>() || paths.is_instance_of::<PyTuple>() {
            paths.try_iter()?.map(|p| args::path(&p?)).collect::<PyResult<Vec<_>>>().ok()
        } else {
            None
        };
        let total = listed.map(|l| py.allow_threads(|| Expand::count(l)));
        Some(Progress::new(total))
    } else {
        None
    };
    let options = BatchOptions { workers, read, ..Default::default() };
    let pipeline = Pipeline::new(&options, move |bytes: &[u8]| crate::parse_bytes_with(bytes, &read).map(with_offsets))
        .map_err(|e| PyOSError::new_err(format!("vanban: cannot start the worker threads: {e}")))?;
    let state = BatchState { input: Some(input.unbind()), expand: Expand::default(), pipeline, progress };
    Ok(PyParseMany { state: std::sync::Mutex::new(state) })
}

/// The iterator `parse_many` returns: a `Document` or a `ParseFailure` per file, in input order.
#[pyclass(module = "vanban._vanban", name = "ParseMany")]
struct PyParseMany {
    /// Behind a mutex only because a pyclass must be Sync (the result channels are not); `__next__` borrows the
    /// object mutably, so it reaches the state with `get_mut`, never locking.
    state: std::sync::Mutex<BatchState>,
}

struct BatchState {
    /// The paths not pulled yet; None once exhausted.
    input: Option<Py<PyIterator>>,
    expand: Expand,
    pipeline: Pipeline<(crate::Document, Offsets)>,
    progress: Option<Progress>,
}

#[pymethods]
impl PyParseMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(mut slf: PyRefMut<'_, Self>, py: Python<'_>) -> PyResult<Option<PyObject>> {
        let this = slf.state.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
        while !this.pipeline.is_full() {
            let expand = &mut this.expand;
            match py.allow_threads(|| expand.next()) {
                Some(Ok(path)) => this.pipeline.submit(path),
                Some(Err(e)) => this.pipeline.push_failed(e.path().map(PathBuf::from).unwrap_or_default(), e),
                None => {
                    let Some(input) = &this.input else { break };
                    let mut input = input.bind(py).clone();
                    match input.next() {
                        Some(item) => this.expand.push(args::path(&item?)?),
                        None => this.input = None,
                    }
                }
            }
        }
        let pipeline = &mut this.pipeline;
        let Some(r) = py.allow_threads(|| pipeline.next_result()) else {
            if let Some(p) = &mut this.progress {
                p.finish();
            }
            return Ok(None);
        };
        if let Some(p) = &mut this.progress {
            p.record(&r);
        }
        // Ctrl-C while the workers run: raise KeyboardInterrupt now rather than at the end of the batch.
        py.check_signals()?;
        match r.result {
            Ok((doc, offsets)) => {
                let doc = PyDocument { inner: Inner::new(py, doc, offsets, Some(r.path)) };
                Ok(Some(doc.into_pyobject(py)?.into_any().unbind()))
            }
            Err(e) => {
                // The caller will likely print the failure: give it a clean line.
                if let Some(p) = &mut this.progress {
                    p.clear();
                }
                let error_type = error_type_name(&e);
                let err = to_pyerr(py, e);
                let value = err.value(py);
                let reason: String = value.getattr("reason")?.extract()?;
                let message = value.str()?.to_string();
                let failure = PyParseFailure { path: r.path, error: value.clone().into_any().unbind(), error_type, reason, message };
                Ok(Some(failure.into_pyobject(py)?.into_any().unbind()))
            }
        }
    }
}

/// A file `parse_many` could not parse: which, and the exception `parse_file` would have raised.
#[pyclass(frozen, module = "vanban._vanban", name = "ParseFailure")]
struct PyParseFailure {
    path: PathBuf,
    error: Py<PyAny>,
    error_type: &'static str,
    reason: String,
    message: String,
}

#[pymethods]
impl PyParseFailure {
    /// The file.
    #[getter]
    fn path(&self) -> &std::ffi::OsStr {
        self.path.as_os_str()
    }
    /// The exception (a `VanbanError` subclass, with `.path` and `.reason`), not raised.
    #[getter]
    fn error(&self, py: Python<'_>) -> Py<PyAny> {
        self.error.clone_ref(py)
    }
    /// The exception's class name: `ReadError`, `DecodeError`, `EmptyDocumentError` or `InternalError`.
    #[getter]
    fn error_type(&self) -> &'static str {
        self.error_type
    }
    /// Why, without the path.
    #[getter]
    fn reason(&self) -> &str {
        &self.reason
    }
    /// One line naming the file and the reason (`str(error)`).
    #[getter]
    fn message(&self) -> &str {
        &self.message
    }
    /// Raise `error`.
    fn raise_(&self, py: Python<'_>) -> PyResult<()> {
        Err(PyErr::from_value(self.error.bind(py).clone()))
    }
    fn __str__(&self) -> &str {
        &self.message
    }
    fn __repr__(&self) -> String {
        format!("<ParseFailure {} '{}': {}>", self.error_type, quote(&self.path.to_string_lossy()), self.reason)
    }
}

/// Where a line comes from, as a dict: `{"byte": n}`, `{"paragraph": n, "table": t, "row": r, "cell": c}`
/// (table keys only inside a table), `{"page": p, "line": l}`.
fn origin_dict<'py>(py: Python<'py>, o: crate::Origin) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    match o {
        crate::Origin::Byte(b) => d.set_item("byte", b)?,
        crate::Origin::Docx { paragraph, cell } => {
            d.set_item("paragraph", paragraph)?;
            if let Some(c) = cell {
                d.set_item("table", c.table)?;
                d.set_item("row", c.row)?;
                d.set_item("cell", c.cell)?;
            }
        }
        crate::Origin::Pdf { page, line } => {
            d.set_item("page", page)?;
            d.set_item("line", line)?;
        }
    }
    Ok(d)
}

/// The serde name of a unit enum variant (`legal_section`, `party`).
fn serde_name<T: serde::Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

fn style_name(s: MarkerStyle) -> Option<String> {
    serde_name(&s)
}

fn form_name(f: SymbolForm) -> Option<String> {
    serde_name(&f)
}

/// First `n` chars of `s` with whitespace runs folded to one space, `…` when cut.
fn snippet(s: &str, n: usize) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = folded.chars().take(n).collect();
    if folded.chars().count() > n {
        out.push('…');
    }
    out
}

fn py_date<'py>(py: Python<'py>, d: crate::Date) -> PyResult<Bound<'py, PyAny>> {
    py.import("datetime")?.getattr("date")?.call1((d.year, d.month, d.day))
}

/// A parsed document.
#[pyclass(frozen, module = "vanban._vanban", name = "Document")]
struct PyDocument {
    inner: Arc<Inner>,
}

impl PyDocument {
    fn node(&self, id: usize) -> PyNode {
        PyNode { inner: self.inner.clone(), id }
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

    /// `references` as a pandas DataFrame, one row per reference, the columns the keys of
    /// `Reference.to_dict()`. Needs pandas (`pip install 'vanban[pandas]'`); raises ImportError without it.
    fn references_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = (0..self.inner.doc.references.len())
            .map(|i| reference_dict(py, &self.inner, i))
            .collect::<PyResult<Vec<_>>>()?;
        data_frame(py, "references_frame", REFERENCE_KEYS, rows)
    }

    /// `assignments` as a pandas DataFrame, one row per assignment, the columns the keys of
    /// `Assignment.to_dict()`. Needs pandas (`pip install 'vanban[pandas]'`); raises ImportError without it.
    fn assignments_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = (0..self.inner.doc.assignments.len())
            .map(|i| assignment_dict(py, &self.inner, i))
            .collect::<PyResult<Vec<_>>>()?;
        data_frame(py, "assignments_frame", ASSIGNMENT_KEYS, rows)
    }

    /// The whole parse as plain data: `{"text", "metadata", "root", "references", "assignments"}`, nodes
    /// nested under `children`, references and assignments as their `to_dict()`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let inner = &self.inner;
        let d = PyDict::new(py);
        d.set_item("text", inner.text.bind(py))?;
        d.set_item("metadata", metadata_dict(py, &inner.doc.metadata)?)?;
        d.set_item("root", node_dict(py, inner, 0)?)?;
        let references = (0..inner.doc.references.len()).map(|i| reference_dict(py, inner, i));
        d.set_item("references", PyList::new(py, references.collect::<PyResult<Vec<_>>>()?)?)?;
        let assignments = (0..inner.doc.assignments.len()).map(|i| assignment_dict(py, inner, i));
        d.set_item("assignments", PyList::new(py, assignments.collect::<PyResult<Vec<_>>>()?)?)?;
        Ok(d)
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

fn node_dict<'py>(py: Python<'py>, inner: &Inner, id: usize) -> PyResult<Bound<'py, PyDict>> {
    let n = inner.doc.node(id);
    let d = PyDict::new(py);
    let (start, end) = inner.cp_span(n.span);
    d.set_item("kind", n.kind.as_str())?;
    d.set_item("label", n.label.as_deref())?;
    d.set_item("heading", n.heading.as_deref())?;
    d.set_item("path", n.path.as_deref())?;
    d.set_item("style", n.style.and_then(style_name))?;
    d.set_item("start", start)?;
    d.set_item("end", end)?;
    d.set_item("marker", n.marker.map(|m| {
        let (s, e) = inner.cp_span(m);
        [s, e]
    }))?;
    if n.kind.is_leaf() {
        d.set_item("text", inner.doc.node_text(id))?;
    }
    let children = PyList::empty(py);
    for &c in &n.children {
        children.append(node_dict(py, inner, c)?)?;
    }
    d.set_item("children", children)?;
    Ok(d)
}

fn symbol_parts<'py>(py: Python<'py>, symbol: Option<&Symbol>) -> PyResult<Option<Bound<'py, PyDict>>> {
    let Some(s) = symbol else { return Ok(None) };
    let d = PyDict::new(py);
    d.set_item("number", s.number.as_deref())?;
    d.set_item("year", s.year)?;
    d.set_item("type_code", s.type_code.as_deref())?;
    d.set_item("issuer_code", s.issuer_code.as_deref())?;
    d.set_item("form", s.form.and_then(form_name))?;
    Ok(Some(d))
}

fn metadata_dict<'py>(py: Python<'py>, m: &crate::Metadata) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("doc_type", m.doc_type.as_ref().map(|t| t.code()))?;
    d.set_item("doc_type_name", m.doc_type.as_ref().map(|t| t.name()))?;
    d.set_item("symbol", m.symbol.as_ref().map(|s| s.raw.as_str()))?;
    d.set_item("symbol_parts", symbol_parts(py, m.symbol.as_ref())?)?;
    d.set_item("issuer", m.issuer.as_deref())?;
    d.set_item("place", m.place.as_deref())?;
    d.set_item("date", m.date.map(|d| d.iso()))?;
    d.set_item("title", m.title.as_deref())?;
    d.set_item("signing_authority", m.signing_authority.as_deref())?;
    d.set_item("signer_title", m.signer_title.as_deref())?;
    d.set_item("signer", m.signer.as_deref())?;
    d.set_item("recipients", &m.recipients)?;
    Ok(d)
}

/// A node of the tree. Offsets are code points into `Document.text`.
#[pyclass(frozen, module = "vanban._vanban", name = "Node")]
struct PyNode {
    inner: Arc<Inner>,
    id: usize,
}

impl PyNode {
    fn n(&self) -> &crate::Node {
        self.inner.doc.node(self.id)
    }
    fn other(&self, id: usize) -> PyNode {
        PyNode { inner: self.inner.clone(), id }
    }
}

#[pymethods]
impl PyNode {
    /// Index of the node in the document's arena (the root is 0).
    #[getter]
    fn id(&self) -> usize {
        self.id
    }
    /// `document`, `chrome`, `header`, `title`, `preamble`, `body`, `item`, `closing`, `paragraph`,
    /// `table_row` or `trivia`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.n().kind.as_str()
    }
    /// Whether the node is a leaf (`paragraph`, `table_row`, `trivia`).
    #[getter]
    fn is_leaf(&self) -> bool {
        self.n().kind.is_leaf()
    }
    /// Outline items: the marker without punctuation (`IV`, `1.1`, `đ`, `Điều 5`, `-`).
    #[getter]
    fn label(&self) -> Option<String> {
        self.n().label.clone()
    }
    /// Outline items with children: the text of their first paragraph.
    #[getter]
    fn heading(&self) -> Option<String> {
        self.n().heading.clone()
    }
    /// Outline items: the marker's numbering style (`roman`, `arabic`, `point`, `bullet`, `legal_section`, ...).
    #[getter]
    fn style(&self) -> Option<String> {
        self.n().style.and_then(style_name)
    }
    /// Outline items: labels from the root joined by `/` (`IV/2`, `IV/1/-2`).
    #[getter]
    fn path(&self) -> Option<String> {
        self.n().path.clone()
    }
    /// The text the node covers.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        PyString::new(py, self.inner.doc.node_text(self.id))
    }
    /// Start offset in `Document.text`, in code points.
    #[getter]
    fn start(&self) -> usize {
        self.inner.offsets.cp(self.n().span.start)
    }
    /// End offset (exclusive) in `Document.text`, in code points.
    #[getter]
    fn end(&self) -> usize {
        self.inner.offsets.cp(self.n().span.end)
    }
    /// Start offset in the UTF-8 encoding of the text.
    #[getter]
    fn byte_start(&self) -> usize {
        self.n().span.start
    }
    /// End offset (exclusive) in the UTF-8 encoding of the text.
    #[getter]
    fn byte_end(&self) -> usize {
        self.n().span.end
    }
    /// Outline items: `(start, end)` of the printed marker, in code points.
    #[getter]
    fn marker(&self) -> Option<(usize, usize)> {
        self.n().marker.map(|m| self.inner.cp_span(m))
    }
    #[getter]
    fn children(&self) -> Vec<PyNode> {
        self.n().children.iter().map(|&c| self.other(c)).collect()
    }
    /// The enclosing node; None for the root.
    #[getter]
    fn parent(&self) -> Option<PyNode> {
        self.n().parent.map(|p| self.other(p))
    }
    /// The outline items among the children.
    fn items(&self) -> Vec<PyNode> {
        self.n()
            .children
            .iter()
            .filter(|&&c| self.inner.doc.node(c).kind == NodeKind::Item)
            .map(|&c| self.other(c))
            .collect()
    }
    fn __repr__(&self) -> String {
        let n = self.n();
        let mut s = format!("<Node {}", n.kind.as_str());
        if let Some(p) = &n.path {
            s.push(' ');
            s.push_str(p);
        }
        let text = snippet(self.inner.doc.node_text(self.id), 30).replace('\\', "\\\\").replace('\'', "\\'");
        s.push_str(&format!(" '{}'>", text));
        s
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.downcast::<PyNode>() {
            Ok(o) => {
                let o = o.get();
                Arc::ptr_eq(&self.inner, &o.inner) && self.id == o.id
            }
            Err(_) => false,
        }
    }
    fn __hash__(&self) -> u64 {
        let p = Arc::as_ptr(&self.inner) as usize as u64;
        p.rotate_left(17) ^ (self.id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// The document's own metadata.
#[pyclass(frozen, module = "vanban._vanban", name = "Metadata")]
struct PyMetadata {
    inner: Arc<Inner>,
}

impl PyMetadata {
    fn m(&self) -> &crate::Metadata {
        &self.inner.doc.metadata
    }
}

#[pymethods]
impl PyMetadata {
    /// The type code (`KH`, `QĐ`, `CV`), or the type word for a type outside the table.
    #[getter]
    fn doc_type(&self) -> Option<String> {
        self.m().doc_type.as_ref().map(|t| t.code().to_string())
    }
    /// The type's Vietnamese name (`Kế hoạch`).
    #[getter]
    fn doc_type_name(&self) -> Option<String> {
        self.m().doc_type.as_ref().map(|t| t.name())
    }
    /// The number and symbol as printed (`45/KH-UBND`).
    #[getter]
    fn symbol(&self) -> Option<String> {
        self.m().symbol.as_ref().map(|s| s.raw.clone())
    }
    /// The symbol's parts: `number`, `year`, `type_code`, `issuer_code`, `form` (`party`, `state`, `law`).
    #[getter]
    fn symbol_parts<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        symbol_parts(py, self.m().symbol.as_ref())
    }
    #[getter]
    fn issuer(&self) -> Option<String> {
        self.m().issuer.clone()
    }
    #[getter]
    fn place(&self) -> Option<String> {
        self.m().place.clone()
    }
    /// The date of issue as a `datetime.date`.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.m().date.map(|d| py_date(py, d)).transpose()
    }
    /// The *trích yếu*.
    #[getter]
    fn title(&self) -> Option<String> {
        self.m().title.clone()
    }
    #[getter]
    fn signing_authority(&self) -> Option<String> {
        self.m().signing_authority.clone()
    }
    #[getter]
    fn signer_title(&self) -> Option<String> {
        self.m().signer_title.clone()
    }
    #[getter]
    fn signer(&self) -> Option<String> {
        self.m().signer.clone()
    }
    /// The items under `Nơi nhận:`.
    #[getter]
    fn recipients(&self) -> Vec<String> {
        self.m().recipients.clone()
    }
    /// All fields as a dict (the date as an ISO string).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        metadata_dict(py, self.m())
    }
    fn __repr__(&self) -> String {
        let m = self.m();
        let mut parts = vec![];
        if let Some(t) = &m.doc_type {
            parts.push(t.code().to_string());
        }
        if let Some(s) = &m.symbol {
            parts.push(s.raw.clone());
        }
        if let Some(d) = m.date {
            parts.push(d.iso());
        }
        if let Some(t) = &m.title {
            parts.push(format!("'{}'", snippet(t, 40).replace('\\', "\\\\").replace('\'', "\\'")));
        }
        if parts.is_empty() {
            "<Metadata (empty)>".to_string()
        } else {
            format!("<Metadata {}>", parts.join(" "))
        }
    }
}

/// `pandas.DataFrame(rows, columns=columns)`; an ImportError naming the extra when pandas is missing.
fn data_frame<'py>(
    py: Python<'py>,
    method: &str,
    columns: &[&str],
    rows: Vec<Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let pandas = match py.import("pandas") {
        Ok(m) => m,
        Err(e) if e.is_instance_of::<PyImportError>(py) => {
            let err = PyImportError::new_err(format!("vanban: {method}() needs pandas: pip install 'vanban[pandas]'"));
            err.set_cause(py, Some(e));
            return Err(err);
        }
        Err(e) => return Err(e),
    };
    let kwargs = PyDict::new(py);
    kwargs.set_item("columns", PyList::new(py, columns)?)?;
    pandas.getattr("DataFrame")?.call((PyList::new(py, rows)?,), Some(&kwargs))
}

/// The keys of `Reference.to_dict()`, in order (the columns of `Document.references_frame()`).
const REFERENCE_KEYS: &[&str] =
    &["doc_type", "doc_type_name", "symbol", "symbol_parts", "date", "issuer", "name", "key", "attached", "mentions"];

fn reference_dict<'py>(py: Python<'py>, inner: &Inner, i: usize) -> PyResult<Bound<'py, PyDict>> {
    let r = &inner.doc.references[i];
    let mentions = r.mentions.iter().map(|&m| {
        let (s, e) = inner.cp_span(m);
        [s, e]
    });
    let values: [Bound<'py, PyAny>; 10] = [
        r.doc_type.as_ref().map(|t| t.code()).into_pyobject(py)?,
        r.doc_type.as_ref().map(|t| t.name()).into_pyobject(py)?,
        r.symbol.as_ref().map(|s| s.raw.as_str()).into_pyobject(py)?,
        symbol_parts(py, r.symbol.as_ref())?.into_pyobject(py)?,
        r.date.map(|d| d.iso()).into_pyobject(py)?,
        r.issuer.as_deref().into_pyobject(py)?,
        r.name.as_deref().into_pyobject(py)?,
        r.key.as_str().into_pyobject(py)?.into_any(),
        r.attached.into_pyobject(py)?.to_owned().into_any(),
        PyList::new(py, mentions)?.into_any(),
    ];
    let d = PyDict::new(py);
    for (k, v) in REFERENCE_KEYS.iter().zip(values) {
        d.set_item(k, v)?;
    }
    Ok(d)
}

/// One document the text cites, with where it is mentioned. Offsets are code points into `Document.text`.
#[pyclass(frozen, module = "vanban._vanban", name = "Reference")]
struct PyReference {
    inner: Arc<Inner>,
    i: usize,
}

impl PyReference {
    fn r(&self) -> &Reference {
        &self.inner.doc.references[self.i]
    }
}

#[pymethods]
impl PyReference {
    /// The type code (`KH`, `NQ`, `Luật`...), or the type word for a type outside the table.
    #[getter]
    fn doc_type(&self) -> Option<String> {
        self.r().doc_type.as_ref().map(|t| t.code().to_string())
    }
    /// The type's Vietnamese name (`Kế hoạch`).
    #[getter]
    fn doc_type_name(&self) -> Option<String> {
        self.r().doc_type.as_ref().map(|t| t.name())
    }
    /// The number and symbol as printed (`58-KH/BTCTW`); None for a citation by name.
    #[getter]
    fn symbol(&self) -> Option<String> {
        self.r().symbol.as_ref().map(|s| s.raw.clone())
    }
    /// The symbol's parts: `number`, `year`, `type_code`, `issuer_code`, `form` (`party`, `state`, `law`).
    #[getter]
    fn symbol_parts<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        symbol_parts(py, self.r().symbol.as_ref())
    }
    /// The date of issue as a `datetime.date`.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.r().date.map(|d| py_date(py, d)).transpose()
    }
    /// The issuer as printed (`Ban Tổ chức Trung ương`).
    #[getter]
    fn issuer(&self) -> Option<String> {
        self.r().issuer.clone()
    }
    /// A citation by name (no number): its fullest form in the text.
    #[getter]
    fn name(&self) -> Option<String> {
        self.r().name.clone()
    }
    /// Canonical key: the symbol without spaces, upper-cased; for a citation by name, the type code, `:` and
    /// the name in lower case.
    #[getter]
    fn key(&self) -> String {
        self.r().key.clone()
    }
    /// Whether it is an attachment issued with the document itself (`Phụ lục 2A`).
    #[getter]
    fn attached(&self) -> bool {
        self.r().attached
    }
    /// `(start, end)` of each mention, in code points.
    #[getter]
    fn mentions(&self) -> Vec<(usize, usize)> {
        self.r().mentions.iter().map(|&m| self.inner.cp_span(m)).collect()
    }
    /// The parts of the cited document that mentions point at (`khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP`): a
    /// dict per pinpoint with `mention` (index into `mentions`), `article`, `clause`, `point` (str or None) and
    /// `start`, `end` of the pinpoint phrase in code points.
    #[getter]
    fn pinpoints<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.r()
            .pinpoints
            .iter()
            .map(|p| {
                let d = PyDict::new(py);
                let (start, end) = self.inner.cp_span(p.span);
                d.set_item("mention", p.mention)?;
                d.set_item("article", p.article.as_deref())?;
                d.set_item("clause", p.clause.as_deref())?;
                d.set_item("point", p.point.as_deref())?;
                d.set_item("start", start)?;
                d.set_item("end", end)?;
                Ok(d)
            })
            .collect()
    }
    /// For each mention, the innermost outline item it sits in (None outside every item).
    #[getter]
    fn nodes(&self) -> Vec<Option<PyNode>> {
        let doc = &self.inner.doc;
        self.r()
            .mentions
            .iter()
            .map(|m| doc.item_at(m.start).map(|id| PyNode { inner: self.inner.clone(), id }))
            .collect()
    }
    /// All fields as a dict: the date as an ISO string, mentions as `[start, end]` lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        reference_dict(py, &self.inner, self.i)
    }
    fn __repr__(&self) -> String {
        let r = self.r();
        let mut s = String::from("<Reference");
        if let Some(t) = &r.doc_type {
            s.push(' ');
            s.push_str(t.code());
        }
        match (&r.symbol, &r.name) {
            (Some(sym), _) => {
                s.push(' ');
                s.push_str(&sym.raw);
            }
            (None, Some(name)) => s.push_str(&format!(" '{}'", quote(&snippet(name, 40)))),
            (None, None) => {}
        }
        if let Some(d) = r.date {
            s.push(' ');
            s.push_str(&d.iso());
        }
        if r.attached {
            s.push_str(" attached");
        }
        let n = r.mentions.len();
        s.push_str(&format!(", {} mention{}>", n, if n == 1 { "" } else { "s" }));
        s
    }
}

/// The keys of `Assignment.to_dict()`, in order (the columns of `Document.assignments_frame()`).
const ASSIGNMENT_KEYS: &[&str] =
    &["section", "agency", "agency_key", "role", "deadline", "deadline_date", "deadline_kind", "start", "end", "text"];

/// The kind of an assignment's deadline (`quarter`, `recurring`, ...).
fn deadline_kind(a: &Assignment) -> Option<&'static str> {
    a.deadline.as_ref().map(|d| d.kind.as_str())
}

fn assignment_dict<'py>(py: Python<'py>, inner: &Inner, i: usize) -> PyResult<Bound<'py, PyDict>> {
    let a = &inner.doc.assignments[i];
    let (start, end) = inner.cp_span(a.span);
    let values: [Bound<'py, PyAny>; 10] = [
        a.section.as_str().into_pyobject(py)?.into_any(),
        a.agency.as_str().into_pyobject(py)?.into_any(),
        a.agency_key.as_str().into_pyobject(py)?.into_any(),
        a.role.as_str().into_pyobject(py)?.into_any(),
        a.deadline.as_ref().map(|d| d.phrase.as_str()).into_pyobject(py)?,
        a.deadline.as_ref().and_then(|d| d.date).map(|d| d.iso()).into_pyobject(py)?,
        deadline_kind(a).into_pyobject(py)?,
        start.into_pyobject(py)?.into_any(),
        end.into_pyobject(py)?.into_any(),
        a.span.slice(&inner.doc.text).into_pyobject(py)?.into_any(),
    ];
    let d = PyDict::new(py);
    for (k, v) in ASSIGNMENT_KEYS.iter().zip(values) {
        d.set_item(k, v)?;
    }
    Ok(d)
}

/// One (section, agency, role) record: who must act, where the text says so, by when.
#[pyclass(frozen, module = "vanban._vanban", name = "Assignment")]
struct PyAssignment {
    inner: Arc<Inner>,
    i: usize,
}

impl PyAssignment {
    fn a(&self) -> &Assignment {
        &self.inner.doc.assignments[self.i]
    }
}

#[pymethods]
impl PyAssignment {
    /// Path of the nearest enclosing item that is not a bullet (`IV/2`); `""` outside every item.
    #[getter]
    fn section(&self) -> String {
        self.a().section.clone()
    }
    /// The agency as printed.
    #[getter]
    fn agency(&self) -> String {
        self.a().agency.clone()
    }
    /// The agency normalized: abbreviations expanded, tone placement folded, lower case.
    #[getter]
    fn agency_key(&self) -> String {
        self.a().agency_key.clone()
    }
    /// `responsible`, `lead`, `coordinate`, `directed`, `monitor` or `report_to`.
    #[getter]
    fn role(&self) -> &'static str {
        self.a().role.as_str()
    }
    /// The deadline as printed, or None.
    #[getter]
    fn deadline(&self) -> Option<String> {
        self.a().deadline.as_ref().map(|d| d.phrase.clone())
    }
    /// The deadline as a `datetime.date`, when the text gives a day.
    #[getter]
    fn deadline_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.a().deadline.as_ref().and_then(|d| d.date).map(|d| py_date(py, d)).transpose()
    }
    /// What kind of time the deadline names: `date`, `quarter`, `month`, `year`, `range`, `recurring`,
    /// `ongoing`, `within` (counted from an event: `không quá 15 ngày`) or `other`; None without a deadline.
    #[getter]
    fn deadline_kind(&self) -> Option<&'static str> {
        deadline_kind(self.a())
    }
    /// The deadline's parts: `{"kind", "phrase", "date" (ISO or None), "year", "part" (quarter 1-4 or month
    /// 1-12), "every" (`weekly`, `monthly`, `quarterly`, `half_yearly`, `yearly`)}`; None without a deadline.
    #[getter]
    fn deadline_info<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let a = self.a();
        let Some(d) = &a.deadline else { return Ok(None) };
        let out = PyDict::new(py);
        out.set_item("kind", deadline_kind(a))?;
        out.set_item("phrase", d.phrase.as_str())?;
        out.set_item("date", d.date.map(|x| x.iso()))?;
        out.set_item("year", d.year)?;
        out.set_item("part", d.part)?;
        out.set_item("every", d.every.map(|p| p.as_str()))?;
        Ok(Some(out))
    }
    /// The other records of the same task (same paragraph and section): `(agency, role)` pairs, e.g. the
    /// partners of a lead.
    #[getter]
    fn counterparts(&self) -> Vec<(String, &'static str)> {
        let a = self.a();
        self.inner
            .doc
            .assignments
            .iter()
            .enumerate()
            .filter(|(j, b)| *j != self.i && b.span == a.span && b.section == a.section && b.agency_key != a.agency_key)
            .map(|(_, b)| (b.agency.clone(), b.role.as_str()))
            .collect()
    }
    /// Start of the assigning paragraph in `Document.text`, in code points.
    #[getter]
    fn start(&self) -> usize {
        self.inner.offsets.cp(self.a().span.start)
    }
    /// End (exclusive) of the assigning paragraph in `Document.text`, in code points.
    #[getter]
    fn end(&self) -> usize {
        self.inner.offsets.cp(self.a().span.end)
    }
    /// The assigning paragraph's text: `doc.text[a.start:a.end]`.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        PyString::new(py, self.a().span.slice(&self.inner.doc.text))
    }
    /// The outline item `section` names (`doc.find(a.section)`); None when the section is `""`.
    #[getter]
    fn node(&self) -> Option<PyNode> {
        let section = &self.a().section;
        if section.is_empty() {
            return None;
        }
        self.inner.doc.find(section).map(|id| PyNode { inner: self.inner.clone(), id })
    }
    /// All fields as a dict: the deadline's date as an ISO string, `text` the assigning paragraph.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        assignment_dict(py, &self.inner, self.i)
    }
    fn __repr__(&self) -> String {
        let a = self.a();
        let section = if a.section.is_empty() { "-" } else { a.section.as_str() };
        let mut s = format!("<Assignment {} {} '{}'", section, a.role.as_str(), quote(&snippet(&a.agency, 40)));
        if let Some(d) = &a.deadline {
            s.push_str(&format!(" by '{}'", quote(&snippet(&d.phrase, 30))));
        }
        s.push('>');
        s
    }
}

/// Escape for a single-quoted repr.
fn quote(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\'', "\\'")
}

#[pymodule]
fn _vanban(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_class::<PyParseMany>()?;
    m.add_class::<PyParseFailure>()?;
    m.add_class::<PyDocument>()?;
    m.add_class::<PyNode>()?;
    m.add_class::<PyMetadata>()?;
    m.add_class::<PyReference>()?;
    m.add_class::<PyAssignment>()?;
    m.add_class::<corpus::PyCorpus>()?;
    m.add("VanbanError", py.get_type::<VanbanError>())?;
    m.add("DecodeError", py.get_type::<DecodeError>())?;
    m.add("EmptyDocumentError", py.get_type::<EmptyDocumentError>())?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    m.add("ReadError", read_error_type(py)?)?;
    m.add("CorpusError", py.get_type::<corpus::CorpusError>())?;
    Ok(())
}
