//! The bridge to the pure-Python half of the package (`python/vanban/`): frames (pandas, Arrow, polars), HTML
//! views and progress bars are built there, from the objects of this layer.
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

/// `vanban.<module>.<function>(*args)`.
pub(super) fn call<'py>(
    py: Python<'py>,
    module: &str,
    function: &str,
    args: impl IntoPyObject<'py, Target = PyTuple>,
) -> PyResult<Bound<'py, PyAny>> {
    py.import(format!("vanban.{module}"))?.getattr(function)?.call1(args)
}

/// A pandas DataFrame of `rows` (`columns` in order), date columns as datetime64; an ImportError naming the
/// extra when pandas is missing.
pub(super) fn data_frame<'py>(
    py: Python<'py>,
    method: &str,
    columns: &[&str],
    rows: Vec<Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    call(py, "_frames", "rows_frame", (method, PyList::new(py, columns)?, PyList::new(py, rows)?))
}
