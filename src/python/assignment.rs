//! `Assignment`: who must act.
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use super::convert::{py_date, quote, snippet};
use super::inner::Inner;
use super::node::PyNode;
use super::view::view_methods;
use crate::model::Assignment;

/// The kind of an assignment's deadline (`quarter`, `recurring`, ...).
pub(super) fn deadline_kind(a: &Assignment) -> Option<&'static str> {
    a.deadline.as_ref().map(|d| d.kind.as_str())
}

/// `Assignment.to_dict()`: section, agency, agency_key, role, deadline, deadline_date (ISO), deadline_kind,
/// deadline_info, counterparts (`[agency, role]` lists), start, end, agency_start, agency_end, text.
pub(super) fn assignment_dict<'py>(py: Python<'py>, inner: &Inner, i: usize) -> PyResult<Bound<'py, PyDict>> {
    let a = &inner.doc.assignments[i];
    let (start, end) = inner.cp_span(a.span);
    let d = PyDict::new(py);
    d.set_item("section", a.section.as_str())?;
    d.set_item("agency", a.agency.as_str())?;
    d.set_item("agency_key", a.agency_key.as_str())?;
    d.set_item("role", a.role.as_str())?;
    d.set_item("deadline", a.deadline.as_ref().map(|d| d.phrase.as_str()))?;
    d.set_item("deadline_date", a.deadline.as_ref().and_then(|d| d.date).map(|d| d.iso()))?;
    d.set_item("deadline_kind", deadline_kind(a))?;
    d.set_item("deadline_info", deadline_info(py, a)?)?;
    let counterparts = counterparts(inner, i).into_iter().map(|(agency, role)| [agency, role]);
    d.set_item("counterparts", PyList::new(py, counterparts)?)?;
    d.set_item("start", start)?;
    d.set_item("end", end)?;
    let (agency_start, agency_end) = inner.cp_span(a.agency_span);
    d.set_item("agency_start", agency_start)?;
    d.set_item("agency_end", agency_end)?;
    d.set_item("text", a.span.slice(&inner.doc.text))?;
    Ok(d)
}

/// `{kind, phrase, date, year, part, every}` of the deadline, or None.
fn deadline_info<'py>(py: Python<'py>, a: &Assignment) -> PyResult<Option<Bound<'py, PyDict>>> {
    let Some(d) = &a.deadline else { return Ok(None) };
    let out = PyDict::new(py);
    out.set_item("kind", deadline_kind(a))?;
    out.set_item("phrase", d.phrase.as_str())?;
    out.set_item("date", d.date.map(|x| x.iso()))?;
    out.set_item("year", d.year)?;
    out.set_item("part", d.part)?;
    out.set_item("every", d.every.map(|p| p.as_str()))?;
    Ok(Some(out))
}

/// `(agency, role)` of the other records of assignment `i`'s task (same paragraph and section).
fn counterparts(inner: &Inner, i: usize) -> Vec<(&str, &'static str)> {
    let all = &inner.doc.assignments;
    let a = &all[i];
    all.iter()
        .enumerate()
        .filter(|(j, b)| *j != i && b.span == a.span && b.section == a.section && b.agency_key != a.agency_key)
        .map(|(_, b)| (b.agency.as_str(), b.role.as_str()))
        .collect()
}

/// One (section, agency, role) record: who must act, where the text says so, by when.
#[pyclass(frozen, module = "vanban._vanban", name = "Assignment")]
pub(super) struct PyAssignment {
    pub(super) inner: Arc<Inner>,
    pub(super) i: usize,
}

impl PyAssignment {
    fn a(&self) -> &Assignment {
        &self.inner.doc.assignments[self.i]
    }
}

view_methods! {
    class = PyAssignment, name = "Assignment", view = "assignment", items = assignments, index = i,
    pickled = "the assignment's index";

    /// Path of the nearest enclosing item that is not a bullet (`IV/2`); `""` outside every item.
    #[getter]
    fn section(&self) -> String {
        self.a().section.clone()
    }
    /// The agency as printed.
    #[getter]
    fn agency(&self) -> String {
        self.a().agency.clone()
    }
    /// The agency normalized: abbreviations expanded, tone placement folded, lower case.
    #[getter]
    fn agency_key(&self) -> String {
        self.a().agency_key.clone()
    }
    /// `responsible`, `lead`, `coordinate`, `directed`, `monitor` or `report_to`.
    #[getter]
    fn role(&self) -> &'static str {
        self.a().role.as_str()
    }
    /// The deadline as printed, or None.
    #[getter]
    fn deadline(&self) -> Option<String> {
        self.a().deadline.as_ref().map(|d| d.phrase.clone())
    }
    /// The deadline as a `datetime.date`, when the text gives a day.
    #[getter]
    fn deadline_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.a().deadline.as_ref().and_then(|d| d.date).map(|d| py_date(py, d)).transpose()
    }
    /// What kind of time the deadline names: `date`, `quarter`, `month`, `year`, `range`, `recurring`,
    /// `ongoing`, `within` (counted from an event: `không quá 15 ngày`) or `other`; None without a deadline.
    #[getter]
    fn deadline_kind(&self) -> Option<&'static str> {
        deadline_kind(self.a())
    }
    /// The deadline's parts: `{"kind", "phrase", "date" (ISO or None), "year", "part" (quarter 1-4 or month
    /// 1-12), "every" (`weekly`, `monthly`, `quarterly`, `half_yearly`, `yearly`)}`; None without a deadline.
    #[getter]
    fn deadline_info<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        deadline_info(py, self.a())
    }
    /// The other records of the same task (same paragraph and section): `(agency, role)` pairs, e.g. the
    /// partners of a lead.
    #[getter]
    fn counterparts(&self) -> Vec<(String, &'static str)> {
        counterparts(&self.inner, self.i).into_iter().map(|(agency, role)| (agency.to_string(), role)).collect()
    }
    /// Start of the assigning paragraph in `Document.text`, in code points.
    #[getter]
    fn start(&self) -> usize {
        self.inner.offsets.cp(self.a().span.start)
    }
    /// End (exclusive) of the assigning paragraph in `Document.text`, in code points.
    #[getter]
    fn end(&self) -> usize {
        self.inner.offsets.cp(self.a().span.end)
    }
    /// Start of the agency's name as printed (`doc.text[a.agency_start:a.agency_end]`), in code points; for an
    /// agency named in a table cell, the row's.
    #[getter]
    fn agency_start(&self) -> usize {
        self.inner.offsets.cp(self.a().agency_span.start)
    }
    /// End (exclusive) of the agency's name as printed, in code points.
    #[getter]
    fn agency_end(&self) -> usize {
        self.inner.offsets.cp(self.a().agency_span.end)
    }
    /// The assigning paragraph's text: `doc.text[a.start:a.end]`.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        PyString::new(py, self.a().span.slice(&self.inner.doc.text))
    }
    /// The outline item `section` names (`doc.find(a.section)`); None when the section is `""`.
    #[getter]
    fn node(&self) -> Option<PyNode> {
        let section = &self.a().section;
        if section.is_empty() {
            return None;
        }
        self.inner.doc.find(section).map(|id| PyNode { inner: self.inner.clone(), id })
    }
    /// All fields as a dict: the deadline's date as an ISO string, `text` the assigning paragraph.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        assignment_dict(py, &self.inner, self.i)
    }
    fn __repr__(&self) -> String {
        let a = self.a();
        let section = if a.section.is_empty() { "-" } else { a.section.as_str() };
        let mut s = format!("<Assignment {} {} '{}'", section, a.role.as_str(), quote(&snippet(&a.agency, 40)));
        if let Some(d) = &a.deadline {
            s.push_str(&format!(" by '{}'", quote(&snippet(&d.phrase, 30))));
        }
        s.push('>');
        s
    }
}
