//! `Metadata`: the document's own metadata.
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

use super::convert::{py_date, snippet, symbol_parts};
use super::inner::{document_object, Inner, PyDocument};
use super::view::view_methods;

pub(super) fn metadata_dict<'py>(py: Python<'py>, m: &crate::Metadata) -> PyResult<Bound<'py, PyDict>> {
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

/// The document's own metadata.
#[pyclass(frozen, module = "vanban._vanban", name = "Metadata")]
pub(super) struct PyMetadata {
    pub(super) inner: Arc<Inner>,
}

impl PyMetadata {
    fn m(&self) -> &crate::Metadata {
        &self.inner.doc.metadata
    }
}

view_methods! {
    class = PyMetadata, view = "metadata", html = "Jupyter's rich view: a card of the fields (self-contained HTML).";

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
    /// The issuing body: the top-left block of the header, its lines joined by spaces.
    #[getter]
    fn issuer(&self) -> Option<String> {
        self.m().issuer.clone()
    }
    /// The place of issue, from the header's place and date line (`Lạng Sơn`).
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
    /// Who signs on whose behalf (`TM. BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`), as printed.
    #[getter]
    fn signing_authority(&self) -> Option<String> {
        self.m().signing_authority.clone()
    }
    /// The signer's title (`PHÓ CHỦ TỊCH`), as printed.
    #[getter]
    fn signer_title(&self) -> Option<String> {
        self.m().signer_title.clone()
    }
    /// The signer's name, as printed.
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

    /// Pickle support: the document it belongs to.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyDocument>,))> {
        let doc = document_object(slf.py(), &slf.get().inner, None)?;
        Ok((slf.get_type().getattr("_restore")?, (doc,)))
    }

    /// The inverse of `__reduce__`.
    #[classmethod]
    fn _restore(_cls: &Bound<'_, PyType>, doc: &Bound<'_, PyDocument>) -> Self {
        PyMetadata { inner: doc.get().inner.clone() }
    }

    /// Equal when the fields are.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.downcast::<Self>() {
            Ok(o) => self.m() == o.get().m(),
            Err(_) => false,
        }
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        metadata_dict(py, self.m())?.str()?.hash()
    }
}
