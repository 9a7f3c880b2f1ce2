//! The exceptions vanban raises, and how a `vanban::Error` becomes one.
use std::path::PathBuf;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyOSError};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyTuple, PyType};

create_exception!(vanban, VanbanError, PyException, "Base class of the errors raised by vanban.");
create_exception!(vanban, DecodeError, VanbanError, "The input is not text in an encoding vanban reads.");
create_exception!(vanban, EmptyDocumentError, VanbanError, "The input is readable but holds no text.");
create_exception!(vanban, InternalError, VanbanError, "vanban failed on this input (a bug): only batches report it.");

pub(super) static READ_ERROR: GILOnceCell<Py<PyType>> = GILOnceCell::new();

/// `ReadError(VanbanError, OSError)`: a file could not be read. Made with `type()` because an exception
/// class made by `create_exception!` has a single base.
pub(super) fn read_error_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
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
pub(super) fn to_pyerr(py: Python<'_>, e: crate::Error) -> PyErr {
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

/// The Python name of the exception a `vanban::Error` becomes.
pub(super) fn error_type_name(e: &crate::Error) -> &'static str {
    match e {
        crate::Error::Io { .. } => "ReadError",
        crate::Error::Decode { .. } => "DecodeError",
        crate::Error::Empty { .. } => "EmptyDocumentError",
        crate::Error::Internal { .. } => "InternalError",
    }
}

