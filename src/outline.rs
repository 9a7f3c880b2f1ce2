//! (in progress) placeholder tree: root with a single paragraph leaf.
use crate::model::{Document, Metadata, Node, NodeKind};
use crate::span::Span;

pub fn build(text: &str) -> Document {
    let mut root = Node::new(NodeKind::Document, Span::new(0, text.len()));
    let mut nodes = vec![];
    let mut leaf = Node::new(NodeKind::Paragraph, Span::new(0, text.len()));
    leaf.parent = Some(0);
    root.children.push(1);
    nodes.push(root);
    nodes.push(leaf);
    Document { text: text.to_string(), nodes, metadata: Metadata::default() }
}
