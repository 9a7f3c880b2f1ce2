//! `parse`, `parse_bytes`, `parse_file`: one document.
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyString;

use super::args;

use super::inner::{parsed, with_offsets, PyDocument};

/// Parse a document from its text. Never fails (lone surrogates are read as U+FFFD). Warns when the whole
/// text is the path of an existing file: `parse_file` was likely meant.
#[pyfunction]
pub(super) fn parse(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<PyDocument> {
    let text = args::text(text)?;
    args::warn_if_path(py, &text)?;
    let r = py.allow_threads(|| Ok(with_offsets(crate::parse(&text))));
    parsed(py, r, None)
}

/// `format=` and `encoding=` keyword arguments as read options; a name vanban does not know is a ValueError.
pub(super) fn read_options(format: Option<&str>, encoding: Option<&str>) -> PyResult<crate::ReadOptions> {
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
pub(super) fn parse_bytes(py: Python<'_>, data: &Bound<'_, PyAny>, format: Option<&str>, encoding: Option<&str>) -> PyResult<PyDocument> {
    let opts = read_options(format, encoding)?;
    let data: PyBackedBytes = args::buffer(data)?;
    let r = py.allow_threads(|| crate::parse_bytes_with(&data, &opts).map(with_offsets));
    parsed(py, r, None)
}

/// Parse a document from a file (`str`, `bytes` or `os.PathLike`); format and encoding as for `parse_bytes`.
#[pyfunction]
#[pyo3(signature = (path, format=None, encoding=None))]
pub(super) fn parse_file(py: Python<'_>, path: &Bound<'_, PyAny>, format: Option<&str>, encoding: Option<&str>) -> PyResult<PyDocument> {
    let opts = read_options(format, encoding)?;
    let path = args::path(path)?;
    let r = py.allow_threads(|| crate::parse_file_with(&path, &opts).map(with_offsets));
    parsed(py, r, Some(path))
}

