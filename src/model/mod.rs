//! The document model: a lossless tree of nodes over the text, plus what the extractors found. Every stage
//! produces types of this module and none of them is defined in a stage, so the stages import the model and
//! never each other backwards.
pub mod annotation;
pub mod assignment;
pub mod date;
pub mod doctype;
pub mod error;
pub mod metadata;
pub mod reference;
pub mod source;
pub mod span;

pub use assignment::{Assignment, Deadline, DeadlineKind, Period, Role};
pub use date::Date;
pub use doctype::DocType;
pub use error::Error;
pub use metadata::{Metadata, Symbol, SymbolForm};
pub use reference::{Pinpoint, Reference};
pub use source::{Cell, Encoding, Format, Origin, Source};
pub use span::Span;

use serde::{Deserialize, Serialize};

/// Index of a node in [`Document::nodes`].
pub type NodeId = usize;

/// What a node is. Leaves are [`NodeKind::Paragraph`] and [`NodeKind::Trivia`]; every byte of the text lies in
/// exactly one leaf.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// The root; spans the whole text.
    Document,
    /// A web portal's banner and field box before the document proper.
    Chrome,
    /// National motto, issuing body, number, place and date.
    Header,
    /// The type name and the *trích yếu*.
    Title,
    /// `Căn cứ ...`, `Thực hiện ...`, `QUYẾT ĐỊNH:`.
    Preamble,
    /// The body: outline items and unmarked paragraphs.
    Body,
    /// An outline item: section, numbered item, điểm, bullet, legal level or appendix.
    Item,
    /// `Nơi nhận:`, recipients and the signature block.
    Closing,
    /// A paragraph of text (one or more hard-wrapped lines). A leaf.
    Paragraph,
    /// A table row (`| a | b |`) or a run of table cells. A leaf.
    TableRow,
    /// Blank lines, line breaks and pure layout (`|`, `-----`, `** **`). A leaf.
    Trivia,
}

impl NodeKind {
    pub fn is_leaf(self) -> bool {
        matches!(self, NodeKind::Paragraph | NodeKind::Trivia | NodeKind::TableRow)
    }
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Document => "document",
            NodeKind::Chrome => "chrome",
            NodeKind::Header => "header",
            NodeKind::Title => "title",
            NodeKind::Preamble => "preamble",
            NodeKind::Body => "body",
            NodeKind::Item => "item",
            NodeKind::Closing => "closing",
            NodeKind::Paragraph => "paragraph",
            NodeKind::TableRow => "table_row",
            NodeKind::Trivia => "trivia",
        }
    }
}

/// The numbering style of an outline item's marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerStyle {
    /// `Phần thứ nhất`, `Phần I`
    Part,
    /// `Chương II`
    Chapter,
    /// `Mục 1`
    LegalSection,
    /// `Tiểu mục 1`
    Subsection,
    /// `Điều 5.`
    Article,
    /// `I.`, `II-`, `IV/`
    Roman,
    /// `A.`, `B-`
    Letter,
    /// `1.`, `1)`, `1/`, `1-`, `(1)`
    Arabic,
    /// `1.1.`, `2.3`, `1.1.1.`
    Dotted,
    /// Điểm: `a)`, `đ)`, `a.`
    Point,
    /// `-`, `+`, `*`, `•`
    Bullet,
    /// `PHỤ LỤC`, `ĐỀ CƯƠNG` issued with the document.
    Appendix,
}

/// One node of the tree. Children are in text order and tile the node's span.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub parent: Option<NodeId>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub children: Vec<NodeId>,
    /// Outline items: the marker's style.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub style: Option<MarkerStyle>,
    /// Outline items: the marker without punctuation (`IV`, `1.1`, `đ`, `Điều 5`, `-`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub label: Option<String>,
    /// Outline items: where the marker is printed.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub marker: Option<Span>,
    /// Outline items with children: the text of the first paragraph after the marker (annotation rule).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub heading: Option<String>,
    /// Outline items: labels from the root joined by `/`; bullets as `-2` (their position).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub path: Option<String>,
}

impl Node {
    pub fn new(kind: NodeKind, span: Span) -> Node {
        Node { kind, span, parent: None, children: Vec::new(), style: None, label: None, marker: None, heading: None, path: None }
    }
}


/// A parsed document: the text as given, the tree over it, and what was extracted.
///
/// Two documents are equal when their text and everything parsed from it are: where the text was read from
/// ([`Document::source`]) is not compared, so `parse(text) == parse_file(path)` when the file reads as `text`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Document {
    /// The text as given (spans point into it).
    pub text: String,
    /// The tree, as an arena; `nodes[0]` is the root.
    pub nodes: Vec<Node>,
    pub metadata: Metadata,
    /// Documents the text cites, one entry each, in order of first mention.
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Who must act, one record per (section, agency, role).
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    /// What the text was read from (format, encoding, the way back to the source); `None` for a text parsed as given (`vanban::parse`).
    #[serde(skip)]
    pub source: Option<Source>,
}

impl PartialEq for Document {
    fn eq(&self, o: &Document) -> bool {
        self.text == o.text && self.nodes == o.nodes && self.metadata == o.metadata && self.references == o.references && self.assignments == o.assignments
    }
}

impl Document {
    pub fn root(&self) -> &Node {
        &self.nodes[0]
    }
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }
    /// The text a node covers.
    pub fn node_text(&self, id: NodeId) -> &str {
        self.nodes[id].span.slice(&self.text)
    }
    /// Outline items in document order.
    pub fn outline(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.preorder().filter(|&id| self.nodes[id].kind == NodeKind::Item)
    }
    /// All node ids in pre-order (document order).
    pub fn preorder(&self) -> impl Iterator<Item = NodeId> + '_ {
        let mut stack = vec![0usize];
        std::iter::from_fn(move || {
            let id = stack.pop()?;
            stack.extend(self.nodes[id].children.iter().rev().copied());
            Some(id)
        })
    }
    /// Leaves in document order; their spans tile the text.
    pub fn leaves(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.preorder().filter(|&id| self.nodes[id].kind.is_leaf())
    }
    /// The first outline item with this path (`IV/2`, `Chương II/Điều 5/1/a`).
    pub fn find(&self, path: &str) -> Option<NodeId> {
        self.outline().find(|&id| self.nodes[id].path.as_deref() == Some(path))
    }
    /// Where byte `offset` of the text comes from in the source file: a byte offset (text, HTML), a paragraph
    /// and table cell (`.docx`), a page and line (PDF). `None` for a document parsed from a string.
    pub fn origin(&self, offset: usize) -> Option<Origin> {
        self.source.as_ref()?.origin(&self.text, offset)
    }
    /// The nearest enclosing outline item of a byte offset.
    pub fn item_at(&self, offset: usize) -> Option<NodeId> {
        let mut cur = 0;
        let mut found = None;
        'down: loop {
            for &c in &self.nodes[cur].children {
                let s = self.nodes[c].span;
                if s.start <= offset && offset < s.end {
                    if self.nodes[c].kind == NodeKind::Item {
                        found = Some(c);
                    }
                    cur = c;
                    continue 'down;
                }
            }
            return found;
        }
    }
}
