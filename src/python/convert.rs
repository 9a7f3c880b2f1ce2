//! Small conversions shared by the classes: dates, enum names, symbol parts, origins, snippets for reprs.
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::model::{MarkerStyle, Symbol, SymbolForm};

/// Where a line comes from, as a dict: `{"byte": n}`, `{"paragraph": n, "table": t, "row": r, "cell": c}`
/// (table keys only inside a table), `{"page": p, "line": l}`.
pub(super) fn origin_dict<'py>(py: Python<'py>, o: crate::Origin) -> PyResult<Bound<'py, PyDict>> {
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
pub(super) fn serde_name<T: serde::Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

pub(super) fn style_name(s: MarkerStyle) -> Option<String> {
    serde_name(&s)
}

pub(super) fn form_name(f: SymbolForm) -> Option<String> {
    serde_name(&f)
}

/// First `n` chars of `s` with whitespace runs folded to one space, `…` when cut.
pub(super) fn snippet(s: &str, n: usize) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = folded.chars().take(n).collect();
    if folded.chars().count() > n {
        out.push('…');
    }
    out
}

pub(super) fn py_date<'py>(py: Python<'py>, d: crate::Date) -> PyResult<Bound<'py, PyAny>> {
    py.import("datetime")?.getattr("date")?.call1((d.year, d.month, d.day))
}

pub(super) fn symbol_parts<'py>(py: Python<'py>, symbol: Option<&Symbol>) -> PyResult<Option<Bound<'py, PyDict>>> {
    let Some(s) = symbol else { return Ok(None) };
    let d = PyDict::new(py);
    d.set_item("number", s.number.as_deref())?;
    d.set_item("year", s.year)?;
    d.set_item("type_code", s.type_code.as_deref())?;
    d.set_item("issuer_code", s.issuer_code.as_deref())?;
    d.set_item("form", s.form.and_then(form_name))?;
    Ok(Some(d))
}

/// Escape for a single-quoted repr.
pub(super) fn quote(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\'', "\\'")
}

