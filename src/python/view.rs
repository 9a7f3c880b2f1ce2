//! What every view of a document (`Node`, `Reference`, `Assignment`, `Metadata`) answers alike: the document
//! it belongs to, pickling through that document, copies, equality and hash, Jupyter's HTML view. PyO3 takes
//! one `#[pymethods]` block per class, so [`view_methods!`] writes a view's whole block: the class's own
//! methods, given to it, and these, written once here.

/// The `#[pymethods]` of a view: the methods given after `;`, then the protocol all views share. Names of
/// pyo3's prelude are the caller's (each class file imports it); the rest are spelled out.
///
/// A view of one item of the document, `self.$index` into `doc.$items` (`Node`, `Reference`, `Assignment`):
/// pickled as the document and the index, equal when of equal documents at the same index:
///
/// `view_methods! { class = PyNode, name = "Node", view = "node", items = nodes, index = id, pickled = "the node's id"; ... }`
///
/// A view of the whole document (`Metadata`), which gives its own `__reduce__`, `_restore`, `__eq__` and
/// `__hash__` and the docstring of its `_repr_html_`:
///
/// `view_methods! { class = PyMetadata, view = "metadata", html = "..."; ... }`
///
/// `view` names the function of `vanban._view` that draws the HTML.
macro_rules! view_methods {
    (
        class = $class:ident, name = $name:literal, view = $view:literal, items = $items:ident, index = $index:ident,
        pickled = $pickled:literal;
        $($own:tt)*
    ) => {
        $crate::python::view::view_methods! {
            class = $class, view = $view, html = "Jupyter's rich view (self-contained HTML).";
            $($own)*

            #[doc = concat!("Pickle support: the document (once per pickle, however many of its views are pickled) and ", $pickled, ".")]
            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, $crate::python::inner::PyDocument>, usize))> {
                let this = slf.get();
                let doc = $crate::python::inner::document_object(slf.py(), &this.inner, None)?;
                Ok((slf.get_type().getattr("_restore")?, (doc, this.$index)))
            }

            /// The inverse of `__reduce__`.
            #[classmethod]
            fn _restore(
                _cls: &Bound<'_, ::pyo3::types::PyType>,
                doc: &Bound<'_, $crate::python::inner::PyDocument>,
                $index: usize,
            ) -> PyResult<Self> {
                let inner = doc.get().inner.clone();
                if $index >= inner.doc.$items.len() {
                    return Err(::pyo3::exceptions::PyValueError::new_err(concat!($name, "._restore: index out of range")));
                }
                Ok(Self { inner, $index })
            }

            /// Equal when of equal documents (see `Document.__eq__`) and at the same place in them.
            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                match other.downcast::<Self>() {
                    Ok(o) => {
                        let o = o.get();
                        self.$index == o.$index && $crate::python::inner::same_document(&self.inner, &o.inner)
                    }
                    Err(_) => false,
                }
            }

            fn __hash__(&self, py: Python<'_>) -> PyResult<u64> {
                $crate::python::inner::view_hash(py, &self.inner, self.$index)
            }
        }
    };
    (class = $class:ident, view = $view:literal, html = $html:literal; $($own:tt)*) => {
        #[pymethods]
        impl $class {
            $($own)*

            /// The document this belongs to.
            #[getter]
            fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, $crate::python::inner::PyDocument>> {
                $crate::python::inner::document_object(py, &self.inner, None)
            }

            /// Immutable: a copy is the object itself.
            fn __copy__(slf: Py<Self>) -> Py<Self> {
                slf
            }

            /// Immutable: a deep copy is the object itself.
            fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
                slf
            }

            #[doc = $html]
            fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
                $crate::python::frames::call(slf.py(), "_view", $view, (slf,))?.extract()
            }
        }
    };
}
pub(super) use view_methods;
