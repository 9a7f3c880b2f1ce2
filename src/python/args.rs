//! Python arguments as careless hands give them: paths as `str`, `bytes` or `os.PathLike` (a file name that is
//! not UTF-8 arrives as bytes or with surrogate escapes, and keeps its bytes), text with lone surrogates, data
//! in any buffer (`bytes`, `bytearray`, `memoryview`, `array`, a NumPy array).
use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyMemoryView, PyString};

/// A path: `str` (surrogate escapes are the file name's bytes, as `os.fsencode` reads them), `bytes`, or an
/// `os.PathLike` giving either.
pub(super) fn path(obj: &Bound<'_, PyAny>) -> PyResult<PathBuf> {
    let fspath = obj.py().import("os")?.getattr("fspath")?;
    let p = fspath.call1((obj,)).map_err(|_| {
        PyTypeError::new_err(format!("expected a path (str, bytes or os.PathLike), not {}", type_name(obj)))
    })?;
    if let Ok(b) = p.downcast::<PyBytes>() {
        return Ok(path_of_bytes(b.as_bytes()));
    }
    p.extract::<PathBuf>()
}

#[cfg(unix)]
fn path_of_bytes(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
fn path_of_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

/// A `str` as UTF-8. Lone surrogates (which no UTF-8 can hold) become U+FFFD, one for one, so that code-point
/// offsets into the result are offsets into the string given.
pub(super) fn text(s: &Bound<'_, PyString>) -> PyResult<String> {
    if let Ok(t) = s.to_cow() {
        return Ok(t.into_owned());
    }
    // UTF-32 keeps one unit per code point, paired surrogates included, so the replacement is one for one
    let units = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let units = units.downcast::<PyBytes>()?.as_bytes();
    Ok(units
        .chunks_exact(4)
        .map(|u| char::from_u32(u32::from_le_bytes([u[0], u[1], u[2], u[3]])).unwrap_or('\u{FFFD}'))
        .collect())
}

/// The bytes of any object with the buffer protocol, copied once (`bytes` itself is borrowed, not copied).
pub(super) fn buffer(obj: &Bound<'_, PyAny>) -> PyResult<PyBackedBytes> {
    if let Ok(b) = obj.extract::<PyBackedBytes>() {
        return Ok(b);
    }
    let view = PyMemoryView::from(obj).map_err(|_| {
        PyTypeError::new_err(format!("expected bytes or a buffer (bytearray, memoryview, ...), not {}", type_name(obj)))
    })?;
    view.call_method0("tobytes")?.extract()
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// `workers=`: None (one per core) or a positive int; more than the cores is taken as one per core (see
/// `BatchOptions::workers`). 0, a negative number or a non-int is a ValueError (a TypeError for a non-int).
pub(super) fn workers(w: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(w) = w.filter(|w| !w.is_none()) else { return Ok(None) };
    let n: i64 = match w.extract::<i64>() {
        Ok(n) => n,
        // an int past i64: far past the cores (taken as one per core), or far below 1
        Err(_) if w.is_instance_of::<pyo3::types::PyInt>() => if w.gt(0)? { i64::MAX } else { i64::MIN },
        Err(e) => return Err(e),
    };
    if n < 1 {
        return Err(PyValueError::new_err(format!("workers must be at least 1, not {n}")));
    }
    Ok(Some(usize::try_from(n).unwrap_or(usize::MAX)))
}

/// Warn when the whole text given to `parse()` is the path of an existing file: `parse_file` was likely meant.
pub(super) fn warn_if_path(py: Python<'_>, text: &str) -> PyResult<()> {
    if text.len() < 4096 && !text.contains('\n') && !text.trim().is_empty() && std::path::Path::new(text).is_file() {
        let msg = format!(
            "vanban.parse() was given {text:?}, the path of a file: it parses the string itself; use parse_file() to read the file"
        );
        PyErr::warn(py, &py.get_type::<PyUserWarning>(), &std::ffi::CString::new(msg)?, 1)?;
    }
    Ok(())
}
