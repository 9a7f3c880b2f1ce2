//! `ParseFailure`: a file `parse_many` could not parse.
use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyType;

use super::convert::quote;
use super::frames::call;

/// A file `parse_many` could not parse: which, and the exception `parse_file` would have raised.
#[pyclass(frozen, module = "vanban._vanban", name = "ParseFailure")]
pub(super) struct PyParseFailure {
    pub(super) path: PathBuf,
    pub(super) error: Py<PyAny>,
    pub(super) error_type: String,
    pub(super) reason: String,
    pub(super) message: String,
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
    fn error_type(&self) -> &str {
        &self.error_type
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

    /// Pickle support: the fields, the exception (pickled as Python pickles exceptions) and its `errno`.
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (PathBuf, Py<PyAny>, String, String, String, Option<Bound<'py, PyAny>>))> {
        let this = slf.get();
        let py = slf.py();
        let errno = this.error.bind(py).getattr("errno").ok().filter(|e| !e.is_none());
        let args = (this.path.clone(), this.error.clone_ref(py), this.error_type.clone(), this.reason.clone(), this.message.clone(), errno);
        Ok((slf.get_type().getattr("_restore")?, args))
    }

    /// The inverse of `__reduce__`.
    #[classmethod]
    #[pyo3(signature = (path, error, error_type, reason, message, errno=None))]
    fn _restore(
        _cls: &Bound<'_, PyType>,
        path: PathBuf,
        error: Bound<'_, PyAny>,
        error_type: String,
        reason: String,
        message: String,
        errno: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        if let Some(n) = errno {
            error.setattr("errno", n)?;
        }
        Ok(PyParseFailure { path, error: error.unbind(), error_type, reason, message })
    }

    /// Equal when the file, the error type and the message are.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.downcast::<Self>() {
            Ok(o) => {
                let o = o.get();
                self.path == o.path && self.error_type == o.error_type && self.message == o.message
            }
            Err(_) => false,
        }
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.message.as_str().into_pyobject(py)?.hash()
    }

    /// Jupyter's rich view (self-contained HTML).
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        call(slf.py(), "_view", "failure", (slf,))?.extract()
    }
}
