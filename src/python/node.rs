//! `Node`: a node of the tree.
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use super::convert::{snippet, style_name};
use super::inner::Inner;
use super::view::view_methods;
use crate::model::NodeKind;

pub(super) fn node_dict<'py>(py: Python<'py>, inner: &Inner, id: usize) -> PyResult<Bound<'py, PyDict>> {
    let n = inner.doc.node(id);
    let d = PyDict::new(py);
    let (start, end) = inner.cp_span(n.span);
    d.set_item("id", id)?;
    d.set_item("kind", n.kind.as_str())?;
    d.set_item("label", n.label.as_deref())?;
    d.set_item("heading", n.heading.as_deref())?;
    d.set_item("path", n.path.as_deref())?;
    d.set_item("style", n.style.and_then(style_name))?;
    d.set_item("start", start)?;
    d.set_item("end", end)?;
    d.set_item("marker", n.marker.map(|m| {
        let (s, e) = inner.cp_span(m);
        [s, e]
    }))?;
    if n.kind.is_leaf() {
        d.set_item("text", inner.doc.node_text(id))?;
    }
    let children = PyList::empty(py);
    for &c in &n.children {
        children.append(node_dict(py, inner, c)?)?;
    }
    d.set_item("children", children)?;
    Ok(d)
}

/// A node of the tree. Offsets are code points into `Document.text`.
#[pyclass(frozen, module = "vanban._vanban", name = "Node")]
pub(super) struct PyNode {
    pub(super) inner: Arc<Inner>,
    pub(super) id: usize,
}

impl PyNode {
    fn n(&self) -> &crate::Node {
        self.inner.doc.node(self.id)
    }
    fn other(&self, id: usize) -> PyNode {
        PyNode { inner: self.inner.clone(), id }
    }
}

view_methods! {
    class = PyNode, name = "Node", view = "node", items = nodes, index = id, pickled = "the node's id";

    /// Index of the node in the document's arena (the root is 0).
    #[getter]
    fn id(&self) -> usize {
        self.id
    }
    /// `document`, `chrome`, `header`, `title`, `preamble`, `body`, `item`, `closing`, `paragraph`,
    /// `table_row` or `trivia`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.n().kind.as_str()
    }
    /// Whether the node is a leaf (`paragraph`, `table_row`, `trivia`).
    #[getter]
    fn is_leaf(&self) -> bool {
        self.n().kind.is_leaf()
    }
    /// Outline items: the marker without punctuation (`IV`, `1.1`, `đ`, `Điều 5`, `-`).
    #[getter]
    fn label(&self) -> Option<String> {
        self.n().label.clone()
    }
    /// Outline items with children: the text of their first paragraph.
    #[getter]
    fn heading(&self) -> Option<String> {
        self.n().heading.clone()
    }
    /// Outline items: the marker's numbering style (`roman`, `arabic`, `point`, `bullet`, `legal_section`, ...).
    #[getter]
    fn style(&self) -> Option<String> {
        self.n().style.and_then(style_name)
    }
    /// Outline items: labels from the root joined by `/` (`IV/2`, `IV/1/-2`).
    #[getter]
    fn path(&self) -> Option<String> {
        self.n().path.clone()
    }
    /// The text the node covers.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        PyString::new(py, self.inner.doc.node_text(self.id))
    }
    /// Start offset in `Document.text`, in code points.
    #[getter]
    fn start(&self) -> usize {
        self.inner.offsets.cp(self.n().span.start)
    }
    /// End offset (exclusive) in `Document.text`, in code points.
    #[getter]
    fn end(&self) -> usize {
        self.inner.offsets.cp(self.n().span.end)
    }
    /// Start offset in the UTF-8 encoding of the text.
    #[getter]
    fn byte_start(&self) -> usize {
        self.n().span.start
    }
    /// End offset (exclusive) in the UTF-8 encoding of the text.
    #[getter]
    fn byte_end(&self) -> usize {
        self.n().span.end
    }
    /// Outline items: `(start, end)` of the printed marker, in code points.
    #[getter]
    fn marker(&self) -> Option<(usize, usize)> {
        self.n().marker.map(|m| self.inner.cp_span(m))
    }
    /// The child nodes, in text order; they tile this node's span.
    #[getter]
    fn children(&self) -> Vec<PyNode> {
        self.n().children.iter().map(|&c| self.other(c)).collect()
    }
    /// The enclosing node; None for the root.
    #[getter]
    fn parent(&self) -> Option<PyNode> {
        self.n().parent.map(|p| self.other(p))
    }
    /// The outline items among the children.
    fn items(&self) -> Vec<PyNode> {
        self.n()
            .children
            .iter()
            .filter(|&&c| self.inner.doc.node(c).kind == NodeKind::Item)
            .map(|&c| self.other(c))
            .collect()
    }
    /// The node and its subtree as plain data: id, kind, label, heading, path, style, start, end, marker, text
    /// (leaves only), children (nested), as in `Document.to_dict()["root"]`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        node_dict(py, &self.inner, self.id)
    }
    fn __repr__(&self) -> String {
        let n = self.n();
        let mut s = format!("<Node {}", n.kind.as_str());
        if let Some(p) = &n.path {
            s.push(' ');
            s.push_str(p);
        }
        let text = snippet(self.inner.doc.node_text(self.id), 30).replace('\\', "\\\\").replace('\'', "\\'");
        s.push_str(&format!(" '{}'>", text));
        s
    }
}
