//! A parsed document as the rows the index stores: the document, its outline items, its references with
//! their mentions, its assignments.
use std::collections::HashMap;

use super::path::PathKey;
use super::keys::{name_key, symbol_key};
use crate::extract::assignments::agency_key;
use crate::model::{Date, Document, NodeKind, Symbol};

/// An assignment's task text is cut to this many chars (the full paragraph is at its byte span in the file).
const TASK_CHARS: usize = 300;

pub(super) struct Parsed {
    pub path: PathKey,
    pub hash: String,
    pub size: i64,
    pub mtime: i64,
    pub doc: DocRow,
    pub nodes: Vec<NodeRow>,
    pub refs: Vec<RefRow>,
    pub assignments: Vec<AssignmentRow>,
}

#[derive(Default)]
pub(super) struct SymbolCols {
    pub raw: Option<String>,
    pub number: Option<String>,
    pub year: Option<i64>,
    pub type_code: Option<String>,
    pub issuer_code: Option<String>,
    pub form: Option<&'static str>,
    pub key: Option<String>,
}

impl SymbolCols {
    /// The symbol's columns; `year` is the year of issue: the symbol's, else the date's.
    fn new(s: Option<&Symbol>, date: Option<Date>) -> SymbolCols {
        let year = s.and_then(|s| s.year).or(date.map(|d| d.year)).map(i64::from);
        let Some(s) = s else { return SymbolCols { year, ..Default::default() } };
        SymbolCols {
            raw: Some(s.raw.clone()),
            number: s.number.clone(),
            year,
            type_code: s.type_code.clone(),
            issuer_code: s.issuer_code.clone(),
            form: s.form.map(|f| match f {
                crate::model::SymbolForm::Party => "party",
                crate::model::SymbolForm::State => "state",
                crate::model::SymbolForm::Law => "law",
            }),
            key: Some(symbol_key(s)),
        }
    }
}

pub(super) struct DocRow {
    pub doc_type: Option<String>,
    pub doc_type_name: Option<String>,
    pub sym: SymbolCols,
    pub issuer: Option<String>,
    pub issuer_key: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub name_key: Option<String>,
    pub signer: Option<String>,
    pub chars: i64,
    pub items: i64,
}

pub(super) struct NodeRow {
    pub ord: i64,
    pub parent_ord: Option<i64>,
    pub depth: i64,
    pub path: Option<String>,
    pub label: Option<String>,
    pub style: Option<String>,
    pub heading: Option<String>,
    pub start: i64,
    pub end: i64,
}

pub(super) struct MentionRow {
    pub start: i64,
    pub end: i64,
    pub node_ord: Option<i64>,
    pub node_path: Option<String>,
    pub article: Option<String>,
    pub clause: Option<String>,
    pub point: Option<String>,
}

pub(super) struct RefRow {
    pub key: String,
    pub sym: SymbolCols,
    pub name_key: Option<String>,
    pub doc_type: Option<String>,
    pub date: Option<String>,
    pub issuer: Option<String>,
    pub issuer_key: Option<String>,
    pub name: Option<String>,
    pub attached: bool,
    pub mentions: Vec<MentionRow>,
}

pub(super) struct AssignmentRow {
    pub section: String,
    pub agency: String,
    pub agency_key: String,
    pub role: &'static str,
    pub deadline: Option<String>,
    pub deadline_date: Option<String>,
    pub deadline_kind: Option<String>,
    pub deadline_year: Option<i64>,
    pub deadline_part: Option<i64>,
    pub start: i64,
    pub end: i64,
    pub task: String,
}

pub(super) fn rows(doc: &Document) -> (DocRow, Vec<NodeRow>, Vec<RefRow>, Vec<AssignmentRow>) {
    let m = &doc.metadata;
    let mut ord_of: HashMap<usize, i64> = HashMap::new();
    let mut nodes = Vec::new();
    for id in doc.outline() {
        let n = doc.node(id);
        let ord = nodes.len() as i64;
        ord_of.insert(id, ord);
        let mut depth = 0;
        let mut parent_ord = None;
        let mut p = n.parent;
        while let Some(pid) = p {
            if doc.node(pid).kind == NodeKind::Item {
                depth += 1;
                if parent_ord.is_none() {
                    parent_ord = ord_of.get(&pid).copied();
                }
            }
            p = doc.node(pid).parent;
        }
        nodes.push(NodeRow {
            ord,
            parent_ord,
            depth,
            path: n.path.clone(),
            label: n.label.clone(),
            style: n.style.and_then(|s| match serde_json::to_value(s) {
                Ok(serde_json::Value::String(s)) => Some(s),
                _ => None,
            }),
            heading: n.heading.clone(),
            start: n.span.start as i64,
            end: n.span.end as i64,
        });
    }
    let doc_name_key = match (&m.doc_type, &m.title) {
        (Some(t), Some(title)) => name_key(&format!("{} {}", t.name(), title), t).map(|(k, _)| k),
        _ => None,
    };
    let d = DocRow {
        doc_type: m.doc_type.as_ref().map(|t| t.code().to_string()),
        doc_type_name: m.doc_type.as_ref().map(|t| t.name()),
        sym: SymbolCols::new(m.symbol.as_ref(), m.date),
        issuer: m.issuer.clone(),
        issuer_key: m.issuer.as_deref().map(agency_key),
        place: m.place.clone(),
        date: m.date.map(|d| d.iso()),
        title: m.title.clone(),
        name_key: doc_name_key,
        signer: m.signer.clone(),
        chars: doc.text.chars().count() as i64,
        items: nodes.len() as i64,
    };
    let refs = doc
        .references
        .iter()
        .map(|r| {
            let (name_key, name_year) = match (&r.symbol, &r.name, &r.doc_type) {
                (None, Some(n), Some(t)) => match name_key(n, t) {
                    Some((k, y)) => (Some(k), y),
                    None => (None, None),
                },
                _ => (None, None),
            };
            let mut sym = SymbolCols::new(r.symbol.as_ref(), r.date);
            if sym.year.is_none() {
                sym.year = name_year.map(i64::from);
            }
            RefRow {
                key: r.key.clone(),
                sym,
                name_key,
                doc_type: r.doc_type.as_ref().map(|t| t.code().to_string()),
                date: r.date.map(|d| d.iso()),
                issuer: r.issuer.clone(),
                issuer_key: r.issuer.as_deref().map(agency_key),
                name: r.name.clone(),
                attached: r.attached,
                mentions: r
                    .mentions
                    .iter()
                    .enumerate()
                    .map(|(k, s)| {
                        let item = doc.item_at(s.start);
                        let pin = r.pinpoints.iter().find(|p| p.mention == k);
                        MentionRow {
                            start: s.start as i64,
                            end: s.end as i64,
                            node_ord: item.and_then(|i| ord_of.get(&i).copied()),
                            node_path: item.and_then(|i| doc.node(i).path.clone()),
                            article: pin.and_then(|p| p.article.clone()),
                            clause: pin.and_then(|p| p.clause.clone()),
                            point: pin.and_then(|p| p.point.clone()),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let assignments = doc
        .assignments
        .iter()
        .map(|a| AssignmentRow {
            section: a.section.clone(),
            agency: a.agency.clone(),
            agency_key: a.agency_key.clone(),
            role: a.role.as_str(),
            deadline: a.deadline.as_ref().map(|d| d.phrase.clone()),
            deadline_date: a.deadline.as_ref().and_then(|d| d.date).map(|d| d.iso()),
            deadline_kind: a.deadline.as_ref().map(|d| d.kind.as_str().to_string()),
            deadline_year: a.deadline.as_ref().and_then(|d| d.year).map(i64::from),
            deadline_part: a.deadline.as_ref().and_then(|d| d.part).map(i64::from),
            start: a.span.start as i64,
            end: a.span.end as i64,
            task: snippet(a.span.slice(&doc.text), TASK_CHARS),
        })
        .collect();
    (d, nodes, refs, assignments)
}

/// Whitespace folded, cut to `n` chars with `…`.
fn snippet(s: &str, n: usize) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &folded[..i]),
        None => folded,
    }
}
