//! `vanban.Corpus`: the cross-reference index ([`crate::corpus`]) from Python. Indexing releases the GIL
//! (and still answers Ctrl-C); queries give pandas DataFrames, or lists of dicts with `as_frame=False`.
use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::create_exception;
use pyo3::exceptions::{PyKeyboardInterrupt, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList};

use super::args;
use super::errors::VanbanError;
use super::batch::{choose, Sink};
use super::frames::{call, data_frame};
use crate::index::corpus::{Corpus, IndexOptions, Table, Value};

create_exception!(vanban, CorpusError, VanbanError, "The index could not be opened, written or queried.");

fn to_pyerr(e: crate::index::corpus::CorpusError) -> PyErr {
    use crate::index::corpus::CorpusError as E;
    match e {
        E::Interrupted => PyKeyboardInterrupt::new_err("indexing interrupted"),
        E::Workers(e) if e.kind() == std::io::ErrorKind::InvalidInput => PyValueError::new_err(e.to_string()),
        e => CorpusError::new_err(e.to_string()),
    }
}

fn value<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Int(i) => i.into_pyobject(py)?.into_any(),
        Value::Real(x) => x.into_pyobject(py)?.into_any(),
        Value::Text(s) => s.into_pyobject(py)?.into_any(),
        // a file name that is not UTF-8: a str with surrogate escapes, as os.fsdecode gives (os.fsencode: the bytes)
        Value::Bytes(b) => crate::index::corpus::PathKey::from_bytes(b).to_path().into_pyobject(py)?.into_any(),
    })
}

/// A table as a DataFrame (`as_frame`) or a list of dicts.
fn table<'py>(py: Python<'py>, method: &str, t: Table, as_frame: bool) -> PyResult<Bound<'py, PyAny>> {
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let d = PyDict::new(py);
            for (c, v) in t.columns.iter().zip(r) {
                d.set_item(c, value(py, v)?)?;
            }
            Ok(d)
        })
        .collect::<PyResult<Vec<_>>>()?;
    if as_frame {
        let columns: Vec<&str> = t.columns.iter().map(String::as_str).collect();
        data_frame(py, method, &columns, rows)
    } else {
        Ok(PyList::new(py, rows)?.into_any())
    }
}

/// A cross-reference index in a SQLite file, created when missing.
#[pyclass(frozen, module = "vanban._vanban", name = "Corpus")]
pub(super) struct PyCorpus {
    inner: Mutex<Option<Corpus>>,
    path: PathBuf,
}

impl PyCorpus {
    /// Run `f` on the open index, without the GIL.
    fn with<T: Send>(&self, py: Python<'_>, f: impl FnOnce(&mut Corpus) -> crate::index::corpus::Result<T> + Send) -> PyResult<T> {
        py.allow_threads(|| {
            let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
            match guard.as_mut() {
                Some(c) => f(c).map_err(to_pyerr),
                None => Err(CorpusError::new_err(format!("{}: the index is closed", self.path.display()))),
            }
        })
    }

    fn query<'py>(
        &self,
        py: Python<'py>,
        method: &str,
        as_frame: bool,
        f: impl FnOnce(&Corpus) -> crate::index::corpus::Result<Table> + Send,
    ) -> PyResult<Bound<'py, PyAny>> {
        let t = self.with(py, |c| f(c))?;
        table(py, method, t, as_frame)
    }
}

#[pymethods]
impl PyCorpus {
    /// Open the index `db_path` (created when missing); `read_only=True`: an existing index, only to query
    /// (nothing is written, so it works in a directory one cannot write to).
    #[new]
    #[pyo3(signature = (db_path, read_only=false))]
    fn new(py: Python<'_>, db_path: &Bound<'_, PyAny>, read_only: bool) -> PyResult<Self> {
        let db_path = args::path(db_path)?;
        let c = py
            .allow_threads(|| if read_only { Corpus::open_read_only(&db_path) } else { Corpus::open(&db_path) })
            .map_err(to_pyerr)?;
        Ok(PyCorpus { inner: Mutex::new(Some(c)), path: db_path })
    }

    /// The database file.
    #[getter]
    fn path(&self) -> PathBuf {
        self.path.clone()
    }

    /// Index files and directories (walked for .txt .md .htm .html .docx .pdf, as parse_many walks them).
    /// Unchanged files are skipped, files that fail are recorded (see `errors()`). `workers`: parse threads
    /// (default and most: one per core; 0 or less is a ValueError); `progress`: None for a bar where one can
    /// be seen (stderr a terminal, or a notebook: tqdm.auto's widget), True for a bar anyway, False for none,
    /// a callable `(done, total, path)` (path None for a file skipped as unchanged) or a tqdm bar (failed
    /// files counted in its postfix); `prune`: drop documents whose file is gone; `force`: re-parse
    /// everything. Returns the counts: files, indexed, skipped, rehashed, failed, pruned, documents, errors,
    /// references, resolved, seconds; and `failures`, this run's failed files as dicts (path, kind, message).
    #[pyo3(signature = (paths, workers=None, progress=None, prune=false, force=false))]
    fn index<'py>(
        &self,
        py: Python<'py>,
        paths: &Bound<'py, PyAny>,
        workers: Option<&Bound<'py, PyAny>>,
        progress: Option<&Bound<'py, PyAny>>,
        prune: bool,
        force: bool,
    ) -> PyResult<Bound<'py, PyDict>> {
        let workers = args::workers(workers)?;
        let paths: Vec<PathBuf> = match args::path(paths) {
            Ok(p) => vec![p],
            Err(_) => paths.try_iter()?.map(|p| args::path(&p?)).collect::<PyResult<_>>()?,
        };
        let (rust_bar, sink) = match choose(py, progress)? {
            Sink::Off => (false, None),
            Sink::Rust => (true, None),
            Sink::Python => {
                let progress = progress.map(|p| p.clone()).unwrap_or_else(|| PyBool::new(py, true).to_owned().into_any());
                (false, Some(call(py, "_progress", "sink", (progress, py.None(), "index"))?.unbind()))
            }
        };
        let opts = IndexOptions { workers, progress: rust_bar, prune, force };
        let sink_error: Mutex<Option<PyErr>> = Mutex::new(None);
        let observe = |done: usize, total: usize, path: Option<&str>, ok: bool| {
            let Some(sink) = &sink else { return };
            Python::with_gil(|py| {
                let sink = sink.bind(py);
                let r = (|| -> PyResult<()> {
                    if done == 1 {
                        sink.call_method1("start", (total,))?;
                    }
                    sink.call_method1("step", (path, ok)).map(drop)
                })();
                if let Err(e) = r {
                    sink_error.lock().unwrap_or_else(|p| p.into_inner()).get_or_insert(e);
                }
            })
        };
        let interrupt: Mutex<Option<PyErr>> = Mutex::new(None);
        // Ctrl-C: the signal is seen when the writing thread takes the GIL for a moment
        let stop = || {
            Python::with_gil(|py| match py.check_signals() {
                Ok(()) => false,
                Err(e) => {
                    *interrupt.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
                    true
                }
            })
        };
        let result = self.with(py, |c| c.index_observed(&paths, &opts, &stop, &observe));
        if let Some(sink) = &sink {
            sink.bind(py).call_method0("close")?;
        }
        if let Some(e) = interrupt.lock().unwrap_or_else(|p| p.into_inner()).take() {
            return Err(e);
        }
        if let Some(e) = sink_error.lock().unwrap_or_else(|p| p.into_inner()).take() {
            return Err(e);
        }
        let s = result?;
        let d = PyDict::new(py);
        d.set_item("files", s.files)?;
        d.set_item("indexed", s.indexed)?;
        d.set_item("skipped", s.skipped)?;
        d.set_item("rehashed", s.rehashed)?;
        d.set_item("failed", s.failed)?;
        d.set_item("pruned", s.pruned)?;
        d.set_item("documents", s.documents)?;
        d.set_item("errors", s.errors)?;
        d.set_item("references", s.references)?;
        d.set_item("resolved", s.resolved)?;
        d.set_item("seconds", s.seconds)?;
        let failures = s.failures.iter().map(|f| {
            let e = PyDict::new(py);
            e.set_item("path", f.path.as_os_str())?;
            e.set_item("kind", f.kind)?;
            e.set_item("message", &f.message)?;
            Ok(e)
        });
        d.set_item("failures", PyList::new(py, failures.collect::<PyResult<Vec<_>>>()?)?)?;
        Ok(d)
    }

    /// The documents: id, path, doc_type, symbol, issuer, date, title, items, refs, cited_by, size, hash,
    /// indexed_at.
    #[pyo3(signature = (as_frame=true))]
    fn documents<'py>(&self, py: Python<'py>, as_frame: bool) -> PyResult<Bound<'py, PyAny>> {
        self.query(py, "documents", as_frame, |c| c.documents())
    }

    /// What a document cites (the document by id, path, file name or symbol): one row per reference with
    /// the document of the index it resolves to.
    #[pyo3(signature = (doc, as_frame=true))]
    fn cites<'py>(&self, py: Python<'py>, doc: &str, as_frame: bool) -> PyResult<Bound<'py, PyAny>> {
        self.query(py, "cites", as_frame, |c| c.cites(doc))
    }

    /// The references to a symbol as typed (`"66-NQ/TW"`, `"66/nq-tw"`, `"30/2020/ND-CP"`, `"66-NQ/TW 2025"`),
    /// a reference key or a name (`"Luật Đất đai"`).
    #[pyo3(signature = (symbol, as_frame=true))]
    fn cited_by<'py>(&self, py: Python<'py>, symbol: &str, as_frame: bool) -> PyResult<Bound<'py, PyAny>> {
        self.query(py, "cited_by", as_frame, |c| c.cited_by(symbol))
    }

    /// References resolved to a document of the index, with how (`symbol` or `name`).
    #[pyo3(signature = (as_frame=true))]
    fn resolved<'py>(&self, py: Python<'py>, as_frame: bool) -> PyResult<Bound<'py, PyAny>> {
        self.query(py, "resolved", as_frame, |c| c.resolved())
    }

    /// References to documents outside the index.
    #[pyo3(signature = (as_frame=true))]
    fn unresolved<'py>(&self, py: Python<'py>, as_frame: bool) -> PyResult<Bound<'py, PyAny>> {
        self.query(py, "unresolved", as_frame, |c| c.unresolved())
    }

    /// The `n` most cited documents, by number of citing documents.
    #[pyo3(signature = (n=20, as_frame=true))]
    fn most_cited<'py>(&self, py: Python<'py>, n: i64, as_frame: bool) -> PyResult<Bound<'py, PyAny>> {
        let n = usize::try_from(n).map_err(|_| PyValueError::new_err(format!("n must be at least 0, not {n}")))?;
        self.query(py, "most_cited", as_frame, |c| c.most_cited(n))
    }

    /// The citation graph, one row per (citing, cited) pair: source, target, count, source_id, target_id,
    /// target_key, target_label. `networkx.from_pandas_edgelist(df, "source", "target", edge_attr="count",
    /// create_using=networkx.DiGraph)`.
    #[pyo3(signature = (as_frame=true))]
    fn edges<'py>(&self, py: Python<'py>, as_frame: bool) -> PyResult<Bound<'py, PyAny>> {
        self.query(py, "edges", as_frame, |c| c.edges())
    }

    /// Agency × document: counts of assignments by role (responsible, lead, coordinate, directed, monitor,
    /// report_to) and in total.
    #[pyo3(signature = (as_frame=true))]
    fn responsibility_matrix<'py>(&self, py: Python<'py>, as_frame: bool) -> PyResult<Bound<'py, PyAny>> {
        self.query(py, "responsibility_matrix", as_frame, |c| c.responsibility_matrix())
    }

    /// Assignments with a deadline (ISO `deadline_date` when the text gives a day), dated ones first.
    #[pyo3(signature = (as_frame=true))]
    fn deadlines<'py>(&self, py: Python<'py>, as_frame: bool) -> PyResult<Bound<'py, PyAny>> {
        self.query(py, "deadlines", as_frame, |c| c.deadlines())
    }

    /// Files that could not be indexed: path, kind (read, decode, empty, panic), message, size, at.
    #[pyo3(signature = (as_frame=true))]
    fn errors<'py>(&self, py: Python<'py>, as_frame: bool) -> PyResult<Bound<'py, PyAny>> {
        self.query(py, "errors", as_frame, |c| c.errors())
    }

    /// Counts as a dict: documents, nodes, refs, resolved (by symbol, by name), mentions, assignments, errors.
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.query(py, "stats", false, |c| c.stats())?;
        rows.get_item(0)
    }

    /// A query by its method name, as `(columns, rows)` with each row a tuple: what the command line prints
    /// (the columns even when there is no row). `arg`: the document or symbol of `cites`/`cited_by`, `n` of
    /// `most_cited`.
    #[pyo3(signature = (method, arg=None, n=20))]
    fn _rows<'py>(&self, py: Python<'py>, method: &str, arg: Option<&str>, n: usize) -> PyResult<(Vec<String>, Bound<'py, PyList>)> {
        let arg = arg.unwrap_or_default();
        let t = self.with(py, |c| match method {
            "documents" => c.documents(),
            "cites" => c.cites(arg),
            "cited_by" => c.cited_by(arg),
            "resolved" => c.resolved(),
            "unresolved" => c.unresolved(),
            "most_cited" => c.most_cited(n),
            "edges" => c.edges(),
            "responsibility_matrix" => c.responsibility_matrix(),
            "deadlines" => c.deadlines(),
            "errors" => c.errors(),
            "stats" => c.stats(),
            other => Err(crate::index::corpus::CorpusError::NoSuchDocument(format!("no query named {other}"))),
        })?;
        let rows = t
            .rows
            .iter()
            .map(|r| Ok(pyo3::types::PyTuple::new(py, r.iter().map(|v| value(py, v)).collect::<PyResult<Vec<_>>>()?)?))
            .collect::<PyResult<Vec<_>>>()?;
        Ok((t.columns, PyList::new(py, rows)?))
    }

    /// Close the database; later calls raise CorpusError.
    fn close(&self, py: Python<'_>) {
        py.allow_threads(|| self.inner.lock().unwrap_or_else(|p| p.into_inner()).take());
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __exit__(&self, py: Python<'_>, _exc_type: PyObject, _exc: PyObject, _tb: PyObject) -> bool {
        self.close(py);
        false
    }

    fn __repr__(&self) -> String {
        format!("<Corpus {}>", self.path.display())
    }

    /// Write the index's tables (documents, outline, references, mentions, assignments, edges, errors) to
    /// `directory` (created when missing), one file per table: `format="parquet"` (needs pyarrow: `pip install
    /// 'vanban[arrow]'`) or `"csv"`. Returns `{table: file path}`.
    #[pyo3(signature = (directory, format="parquet"))]
    fn export<'py>(slf: &Bound<'py, Self>, directory: PathBuf, format: &str) -> PyResult<Bound<'py, PyAny>> {
        call(slf.py(), "_export", "export_corpus", (slf, directory, format))
    }

    /// Jupyter's rich view: the counts and the most cited documents (self-contained HTML).
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        call(slf.py(), "_view", "corpus", (slf,))?.extract()
    }
}
