//! `Reference`: a document the text cites.
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use super::convert::{py_date, quote, snippet, symbol_parts};
use super::inner::Inner;
use super::node::PyNode;
use super::view::view_methods;
use crate::model::Reference;

/// `Reference.to_dict()`: doc_type, doc_type_name, symbol, symbol_parts, date (ISO), issuer, name, key,
/// attached, mentions (`[start, end]` lists), pinpoints.
pub(super) fn reference_dict<'py>(py: Python<'py>, inner: &Inner, i: usize) -> PyResult<Bound<'py, PyDict>> {
    let r = &inner.doc.references[i];
    let mentions = r.mentions.iter().map(|&m| {
        let (s, e) = inner.cp_span(m);
        [s, e]
    });
    let d = PyDict::new(py);
    d.set_item("doc_type", r.doc_type.as_ref().map(|t| t.code()))?;
    d.set_item("doc_type_name", r.doc_type.as_ref().map(|t| t.name()))?;
    d.set_item("symbol", r.symbol.as_ref().map(|s| s.raw.as_str()))?;
    d.set_item("symbol_parts", symbol_parts(py, r.symbol.as_ref())?)?;
    d.set_item("date", r.date.map(|d| d.iso()))?;
    d.set_item("issuer", r.issuer.as_deref())?;
    d.set_item("name", r.name.as_deref())?;
    d.set_item("key", r.key.as_str())?;
    d.set_item("attached", r.attached)?;
    d.set_item("mentions", PyList::new(py, mentions)?)?;
    d.set_item("pinpoints", pinpoints(py, inner, i)?)?;
    Ok(d)
}

/// A dict per pinpoint: mention, article, clause, point, start, end (code points).
fn pinpoints<'py>(py: Python<'py>, inner: &Inner, i: usize) -> PyResult<Vec<Bound<'py, PyDict>>> {
    inner.doc.references[i]
        .pinpoints
        .iter()
        .map(|p| {
            let d = PyDict::new(py);
            let (start, end) = inner.cp_span(p.span);
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

/// One document the text cites, with where it is mentioned. Offsets are code points into `Document.text`.
#[pyclass(frozen, module = "vanban._vanban", name = "Reference")]
pub(super) struct PyReference {
    pub(super) inner: Arc<Inner>,
    pub(super) i: usize,
}

impl PyReference {
    fn r(&self) -> &Reference {
        &self.inner.doc.references[self.i]
    }
}

view_methods! {
    class = PyReference, name = "Reference", view = "reference", items = references, index = i,
    pickled = "the reference's index";

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
        pinpoints(py, &self.inner, self.i)
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
