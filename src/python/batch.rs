//! `parse_many`: many files in parallel, through the batch engine ([`crate::index::batch`]).
use std::path::PathBuf;

use pyo3::exceptions::{PyOSError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyIterator, PyList, PyString, PyTuple};

use super::args;
use super::parse::read_options;
use super::errors::{error_type_name, to_pyerr};
use super::failure::PyParseFailure;
use super::frames::call;
use super::inner::{with_offsets, Inner, Offsets, PyDocument};
use crate::index::batch::{BatchOptions, Expand, Pipeline, Progress};

/// Parse many files in parallel; see the stub for the contract. Paths are pulled from `paths` only as the
/// window has room, and the GIL is released while waiting for a result.
#[pyfunction]
#[pyo3(signature = (paths, workers=None, progress=None, format=None, encoding=None))]
pub(super) fn parse_many(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    workers: Option<&Bound<'_, PyAny>>,
    progress: Option<&Bound<'_, PyAny>>,
    format: Option<&str>,
    encoding: Option<&str>,
) -> PyResult<PyParseMany> {
    let workers = args::workers(workers)?;
    let read = read_options(format, encoding)?;
    // One path (str, bytes or os.PathLike) or an iterable of them; a str must not be iterated char by char.
    let single =
        paths.is_instance_of::<PyString>() || paths.is_instance_of::<PyBytes>() || paths.hasattr("__fspath__")?;
    let input = if single { PyTuple::new(py, [paths])?.into_any().try_iter()? } else { paths.try_iter()? };
    // The number of results is known without consuming anything when the paths are a list or a tuple
    // (directories in it are walked to count their files); counted when first asked for.
    let listed = if single {
        Some(PyTuple::new(py, [paths])?.into_any().unbind())
    } else if paths.is_instance_of::<PyList>() || paths.is_instance_of::<PyTuple>() {
        Some(paths.clone().unbind())
    } else {
        None
    };
    let options = BatchOptions { workers, read, ..Default::default() };
    let pipeline = Pipeline::new(&options, move |bytes: &[u8]| crate::parse_bytes_with(bytes, &read).map(with_offsets))
        .map_err(|e| PyOSError::new_err(format!("vanban: cannot start the worker threads: {e}")))?;
    let mut state =
        BatchState { input: Some(input.unbind()), listed, total: None, expand: Expand::default(), pipeline, progress: Bar::Off };
    state.progress = Bar::new(py, progress, &mut state)?;
    Ok(PyParseMany { state: std::sync::Mutex::new(state) })
}

/// Who draws the progress of `progress=`.
pub(super) enum Sink {
    Off,
    /// The Rust engine's (a line on stderr: live on a terminal, a summary at the end elsewhere).
    Rust,
    /// A sink of `vanban._progress` (tqdm.auto's widget in a notebook, the caller's callable or tqdm bar).
    Python,
}

/// `progress`: None (a bar where one can be seen: stderr a terminal, or a notebook), True (a bar anyway),
/// False, a callable or a tqdm bar.
pub(super) fn choose(py: Python<'_>, progress: Option<&Bound<'_, PyAny>>) -> PyResult<Sink> {
    let flag = match progress {
        None => None,
        Some(p) if p.is_instance_of::<PyBool>() => Some(p.is_truthy()?),
        Some(_) => return Ok(Sink::Python),
    };
    if flag == Some(false) {
        return Ok(Sink::Off);
    }
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return Ok(Sink::Rust);
    }
    if call(py, "_progress", "in_notebook", ())?.is_truthy()? {
        return Ok(Sink::Python);
    }
    Ok(if flag == Some(true) { Sink::Rust } else { Sink::Off })
}

/// Where progress goes.
enum Bar {
    Off,
    /// The batch engine's line on stderr (a terminal).
    Terminal(Progress),
    /// A Python object made by `vanban._progress.sink`: `step(path, ok)` per result, `close()` at the end
    /// (a tqdm bar in a notebook, the user's callable or tqdm object).
    Python(Py<PyAny>),
}

impl Bar {
    /// `progress`: None (a line on stderr when it is a terminal), a bool, a callable or a tqdm object.
    fn new(py: Python<'_>, progress: Option<&Bound<'_, PyAny>>, state: &mut BatchState) -> PyResult<Bar> {
        Ok(match choose(py, progress)? {
            Sink::Off => Bar::Off,
            Sink::Rust => Bar::Terminal(Progress::new(state.total(py)?)),
            Sink::Python => {
                let total = state.total(py)?;
                let progress = progress.map(|p| p.clone()).unwrap_or_else(|| PyBool::new(py, true).to_owned().into_any());
                Bar::Python(call(py, "_progress", "sink", (progress, total, "parse_many"))?.unbind())
            }
        })
    }

    fn record<T>(&mut self, py: Python<'_>, r: &crate::index::batch::BatchResult<T>) -> PyResult<()> {
        match self {
            Bar::Off => Ok(()),
            Bar::Terminal(p) => {
                p.record(r);
                if r.result.is_err() {
                    // The caller will likely print the failure: give it a clean line.
                    p.clear();
                }
                Ok(())
            }
            Bar::Python(sink) => sink.bind(py).call_method1("step", (r.path.as_os_str(), r.result.is_ok())).map(drop),
        }
    }

    fn finish(&mut self, py: Python<'_>) -> PyResult<()> {
        match std::mem::replace(self, Bar::Off) {
            Bar::Off => Ok(()),
            Bar::Terminal(mut p) => {
                p.finish();
                Ok(())
            }
            Bar::Python(sink) => sink.bind(py).call_method0("close").map(drop),
        }
    }
}

/// The iterator `parse_many` returns: a `Document` or a `ParseFailure` per file, in input order.
#[pyclass(module = "vanban._vanban", name = "ParseMany")]
pub(super) struct PyParseMany {
    /// Behind a mutex only because a pyclass must be Sync (the result channels are not); `__next__` borrows the
    /// object mutably, so it reaches the state with `get_mut`, never locking.
    state: std::sync::Mutex<BatchState>,
}

pub(super) struct BatchState {
    /// The paths not pulled yet; None once exhausted.
    input: Option<Py<PyIterator>>,
    /// The paths when given as a list or tuple (or one path): their files can be counted.
    listed: Option<Py<PyAny>>,
    /// The number of results, once counted.
    total: Option<u64>,
    expand: Expand,
    pipeline: Pipeline<(crate::Document, Offsets)>,
    progress: Bar,
}

impl BatchState {
    /// How many results there will be: the files the listed paths expand to, plus one failure per path that
    /// cannot be expanded (missing, a directory without documents). None for other iterables.
    fn total(&mut self, py: Python<'_>) -> PyResult<Option<u64>> {
        if self.total.is_none() {
            if let Some(listed) = &self.listed {
                let paths = listed.bind(py).try_iter()?.map(|p| args::path(&p?)).collect::<PyResult<Vec<_>>>()?;
                let n = py.allow_threads(|| {
                    let mut expand = Expand::default();
                    paths.into_iter().map(|p| {
                        expand.push(p);
                        expand.by_ref().count() as u64
                    }).sum::<u64>()
                });
                self.total = Some(n);
            }
        }
        Ok(self.total)
    }
}

#[pymethods]
impl PyParseMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The number of results (files, and failures for paths that cannot be walked) when the paths were given
    /// as a list, a tuple or one path; TypeError for a generator or other iterable. It does not change as
    /// results are taken.
    fn __len__(mut slf: PyRefMut<'_, Self>, py: Python<'_>) -> PyResult<usize> {
        let this = slf.state.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
        match this.total(py)? {
            Some(n) => Ok(n as usize),
            None => Err(PyTypeError::new_err("len() of parse_many() is known only when the paths are a list or a tuple")),
        }
    }

    /// Always true, as iterators are (even when `len()` is 0 or unknown).
    fn __bool__(&self) -> bool {
        true
    }

    /// Jupyter's rich view: how many files, and how far the iteration is (self-contained HTML).
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        call(slf.py(), "_view", "parse_many", (slf,))?.extract()
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
            this.progress.finish(py)?;
            return Ok(None);
        };
        this.progress.record(py, &r)?;
        // Ctrl-C while the workers run: raise KeyboardInterrupt now rather than at the end of the batch.
        py.check_signals()?;
        match r.result {
            Ok((doc, offsets)) => {
                let doc = PyDocument { inner: Inner::new(py, doc, offsets, Some(r.path)) };
                Ok(Some(doc.into_pyobject(py)?.into_any().unbind()))
            }
            Err(e) => {
                let error_type = error_type_name(&e).to_string();
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

