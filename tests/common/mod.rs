//! Invariant checks of the lossless tree, shared by `tests/lossless.rs` and `tests/properties.rs`.
//!
//! Each check panics with a message naming the node and offsets that broke the invariant.
#![allow(dead_code)]

use std::collections::HashMap;
use vanban::{Document, NodeKind};

/// The leaves' spans are contiguous, tile `[0, text.len())` exactly, and their slices concatenate to the text.
pub fn check_leaves_tile(doc: &Document) {
    let text = &doc.text;
    let mut pos = 0usize;
    let mut joined = String::with_capacity(text.len());
    let mut count = 0usize;
    for id in doc.leaves() {
        let n = doc.node(id);
        assert!(n.kind.is_leaf(), "leaves() yielded non-leaf node {id}: {:?}", n.kind);
        assert!(n.children.is_empty(), "leaf {id} ({:?}) has children {:?}", n.kind, n.children);
        assert_eq!(
            n.span.start, pos,
            "gap or overlap before leaf {id} ({:?}): previous leaf ended at {pos}, this one starts at {}",
            n.kind, n.span.start
        );
        assert!(n.span.end >= n.span.start, "leaf {id} has a reversed span {:?}", n.span);
        assert!(n.span.end <= text.len(), "leaf {id} ends at {} past the text ({})", n.span.end, text.len());
        joined.push_str(&text[n.span.start..n.span.end]);
        pos = n.span.end;
        count += 1;
    }
    assert_eq!(pos, text.len(), "the leaves stop at {pos}, the text is {} bytes", text.len());
    assert!(count > 0 || text.is_empty(), "a non-empty text has no leaves");
    assert!(joined == *text, "the leaves' slices do not concatenate to the text");
}

/// Root spans the text; every span is on char boundaries and inside its parent; the children of an inner node
/// are in order, do not overlap and tile its span; parent links agree with child lists; every node is reachable.
pub fn check_tree(doc: &Document) {
    let text = &doc.text;
    assert!(!doc.nodes.is_empty(), "no root node");
    let root = doc.root();
    assert_eq!(root.kind, NodeKind::Document, "nodes[0] is not the document root");
    assert_eq!(root.parent, None, "the root has a parent");
    assert_eq!((root.span.start, root.span.end), (0, text.len()), "the root does not span the text");

    for (id, n) in doc.nodes.iter().enumerate() {
        let s = n.span;
        assert!(s.start <= s.end && s.end <= text.len(), "node {id} ({:?}) has span {s:?} outside the text (len {})", n.kind, text.len());
        assert!(text.is_char_boundary(s.start), "node {id} ({:?}) starts inside a char at {}", n.kind, s.start);
        assert!(text.is_char_boundary(s.end), "node {id} ({:?}) ends inside a char at {}", n.kind, s.end);
        if let Some(m) = n.marker {
            assert!(
                s.start <= m.start && m.start <= m.end && m.end <= s.end,
                "item {id}: marker {m:?} is not inside its span {s:?}"
            );
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "item {id}: marker {m:?} splits a char");
        }
        if let Some(p) = n.parent {
            assert!(p < doc.nodes.len(), "node {id} has parent {p} out of range");
            let ps = doc.nodes[p].span;
            assert!(
                ps.start <= s.start && s.end <= ps.end,
                "node {id} ({:?}) span {s:?} is not within its parent {p} ({:?}) span {ps:?}",
                n.kind, doc.nodes[p].kind
            );
        } else {
            assert_eq!(id, 0, "node {id} ({:?}) has no parent but is not the root", n.kind);
        }
        if n.kind.is_leaf() {
            assert!(n.children.is_empty(), "leaf {id} ({:?}) has children", n.kind);
            continue;
        }
        if n.children.is_empty() {
            assert!(s.is_empty(), "inner node {id} ({:?}) spans {s:?} but has no children", n.kind);
            continue;
        }
        let mut pos = s.start;
        for (k, &c) in n.children.iter().enumerate() {
            assert!(c < doc.nodes.len(), "node {id} has child {c} out of range");
            let cn = &doc.nodes[c];
            assert_eq!(cn.parent, Some(id), "child {c} of node {id} names parent {:?}", cn.parent);
            assert_eq!(
                cn.span.start, pos,
                "children of node {id} ({:?}, {s:?}) do not tile it: child #{k} (node {c}, {:?}) starts at {}, expected {pos}",
                n.kind, cn.kind, cn.span.start
            );
            pos = cn.span.end;
        }
        assert_eq!(pos, s.end, "children of node {id} ({:?}, {s:?}) stop at {pos}", n.kind);
    }

    // every node is reachable from the root exactly once (with the parent check above: its parent lists it)
    let mut seen = vec![false; doc.nodes.len()];
    for id in doc.preorder() {
        assert!(!seen[id], "node {id} is reached twice from the root");
        seen[id] = true;
    }
    if let Some(orphan) = seen.iter().position(|&v| !v) {
        panic!("node {orphan} ({:?}) is not reachable from the root", doc.nodes[orphan].kind);
    }
}

/// Every outline item has a label and a path, and `doc.find(path)` finds the first item with that path.
/// Returns the number of items.
pub fn check_outline(doc: &Document) -> usize {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut count = 0;
    for id in doc.outline() {
        let n = doc.node(id);
        assert_eq!(n.kind, NodeKind::Item);
        let label = n.label.as_deref().unwrap_or_else(|| panic!("item {id} at {:?} has no label", n.span));
        assert!(!label.is_empty(), "item {id} at {:?} has an empty label", n.span);
        let path = n.path.as_deref().unwrap_or_else(|| panic!("item {id} (label {label:?}) has no path"));
        assert!(!path.is_empty(), "item {id} (label {label:?}) has an empty path");
        first.entry(path).or_insert(id);
        count += 1;
    }
    for (path, &id) in &first {
        assert_eq!(doc.find(path), Some(id), "doc.find({path:?}) does not give its first item {id}");
    }
    count
}

/// All the structural checks (not the outline ones, which assume a document-like text).
pub fn check_lossless(doc: &Document) {
    check_tree(doc);
    check_leaves_tile(doc);
}
