//! Assignments: who must do what, with whom, by when (`vn-document-format.md` §7b–7c, `annotation-schema.md`
//! "assignments"), read over the tokens of the lexical layer with the lexicon's words:
//!
//! - [`agency`]: where an agency's name starts and ends, and how a list of them splits;
//! - [`agents`]: the agencies a clause names as records take them, and a list of known end split into names;
//! - [`clause`]: the clauses of a paragraph;
//! - [`read`]: the roles a clause gives (opener, subject and cue, `phối hợp với`, `báo cáo về`, an item's
//!   implied subject);
//! - [`labels`], [`tables`], [`passive`]: labelled task lines, task tables, passive duties;
//! - [`deadline`]: the time a task is due;
//! - [`key`]: one key per agency across spellings;
//! - [`tasks`]: the paragraphs and table rows of the tree to read.
pub mod agency;
pub mod agents;
pub mod clause;
pub mod deadline;
pub mod key;
pub mod labels;
pub mod lx;
pub mod passive;
pub mod prefilter;
pub mod read;
pub mod tables;
pub mod tasks;

pub use deadline::parse as parse_deadline;
pub use key::agency_key;

use crate::lex::offsets::OffsetMap;
use lx::Lx;
use crate::model::{Assignment, Deadline, MarkerStyle, Node, NodeId, NodeKind, Role, Span};
use agents::Agent;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A paragraph to read: its cleaned text, where reading starts (after the item's marker), its section and the
/// items it belongs to.
pub struct Task<'a> {
    pub text: &'a str,
    pub map: &'a OffsetMap,
    /// Byte offset in `text` where reading starts.
    pub from: usize,
    /// The paragraph in the text.
    pub span: Span,
    pub section: &'a str,
    /// The non-bullet item whose paragraph this is (its first paragraph when `first_of_item` is set).
    pub item: Option<NodeId>,
    /// The tree `item` is a node of (empty when `item` is `None`).
    pub nodes: &'a [Node],
    pub first_of_item: bool,
}

impl Task<'_> {
    /// The enclosing non-bullet items, nearest first (`item` and its ancestors): an item addressed to an agency
    /// lends it to the clauses of its sub-items (`5. Sở Xây dựng` / `a) Chủ trì, ...`). Walked up when asked,
    /// which few paragraphs are, not kept per paragraph.
    pub fn items(&self) -> impl Iterator<Item = NodeId> + '_ {
        let nodes = self.nodes;
        std::iter::successors(self.item, move |&id| nodes[id].parent).filter(move |&id| nodes[id].kind == NodeKind::Item && nodes[id].style != Some(MarkerStyle::Bullet))
    }
}

/// A table row: its cells' text, the span it covers and the section it sits in.
pub struct Row {
    pub cells: Vec<String>,
    pub span: Span,
    pub section: String,
}

/// The records read so far, one per (section, agency, role).
pub struct Out {
    records: Vec<Assignment>,
    seen: HashSet<(String, String, Role)>,
}

impl Out {
    fn new() -> Out {
        Out { records: Vec::new(), seen: HashSet::default() }
    }

    fn len(&self) -> usize {
        self.records.len()
    }

    /// A record for an agency named in the paragraph of `t`.
    fn push(&mut self, t: &Task, a: &Agent, role: Role) {
        self.add(t.section, &a.name, role, t.span, a.at);
    }

    /// A record for an agency named in a table cell (the row is its span).
    fn push_plain(&mut self, section: &str, agency: &str, role: Role, span: Span) {
        self.add(section, agency, role, span, span);
    }

    fn add(&mut self, section: &str, agency: &str, role: Role, span: Span, agency_span: Span) {
        let agency = agency.trim().trim_end_matches([',', ';', '.', ':', ' ']);
        if agency.chars().count() < 2 {
            return;
        }
        let key = agency_key(agency);
        if !self.seen.insert((section.to_string(), key.clone(), role)) {
            return;
        }
        self.records.push(Assignment { section: section.to_string(), agency: agency.to_string(), agency_key: key, role, deadline: None, span, agency_span });
    }

    /// Give `d` to the records of `range` that have no deadline yet.
    fn fill_deadline(&mut self, range: std::ops::Range<usize>, d: &Deadline) {
        for r in &mut self.records[range] {
            r.deadline.get_or_insert_with(|| d.clone());
        }
    }
}

/// Read every task paragraph and table row.
pub fn extract(tasks: &[Task], rows: &[Row], doc_year: Option<u16>) -> Vec<Assignment> {
    let mut out = Out::new();
    let mut cx = read::Context::default();
    // deadlines given by labelled lines, by section (the first one given)
    let mut deadlines: HashMap<String, Deadline> = HashMap::default();
    for t in tasks {
        if t.from >= t.text.len() || !prefilter::may_assign(&t.text[t.from..]) {
            continue;
        }
        let lx = Lx::new(t.text);
        let from = lx.at_or_after(t.from);
        match labels::read(&lx, from, t, &mut out, doc_year) {
            labels::Labelled::Roles => continue,
            labels::Labelled::Deadline(d) => {
                if let Some(d) = d {
                    deadlines.entry(t.section.to_string()).or_insert(d);
                }
                continue;
            }
            labels::Labelled::No => {}
        }
        read::clauses(&lx, from, t, &mut cx, &mut out, doc_year);
    }
    tables::read(rows, doc_year, &mut out);
    // deadlines from labelled lines apply to their section's records (a clause's own deadline comes first)
    for r in &mut out.records {
        if let Some(d) = deadlines.get(&r.section) {
            r.deadline.get_or_insert_with(|| d.clone());
        }
    }
    out.records
}

/// The section of a node: the path of its nearest enclosing item that is not a bullet.
pub fn section_of(nodes: &[Node], mut id: NodeId) -> (&str, Option<NodeId>) {
    loop {
        let n = &nodes[id];
        if n.kind == NodeKind::Item && n.style != Some(MarkerStyle::Bullet) {
            return (n.path.as_deref().unwrap_or_default(), Some(id));
        }
        match n.parent {
            Some(p) => id = p,
            None => return ("", None),
        }
    }
}
