//! A document as data and back: the pickle state (the Rust model's own serde form, byte offsets, the text
//! once, plus where it was read from) and `Document.from_json`, which reads the schema of `to_dict()` (code-point
//! offsets, nodes nested) back into the model.
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::inner::Offsets;
use crate::model::{
    Assignment, Cell, Date, Deadline, DeadlineKind, DocType, Encoding, Format, MarkerStyle, Metadata, Node, NodeKind,
    Origin, Period, Pinpoint, Reference, Role, Source, Span, Symbol, SymbolForm,
};

/// Bumped when the pickle layout changes; a state of another version is refused with a clear error.
const PICKLE_VERSION: u32 = 1;

/// Where a line of the text comes from ([`Origin`]), in serde form.
#[derive(Serialize, Deserialize)]
enum OriginState {
    B(usize),
    D(usize, Option<(usize, usize, usize)>),
    P(usize, usize),
}

/// [`Source`] in serde form: formats and encodings by name.
#[derive(Serialize, Deserialize)]
struct SourceState {
    format: String,
    encoding: Option<String>,
    confidence: f32,
    lines: Vec<(usize, OriginState)>,
    header: Option<String>,
    footer: Option<String>,
}

impl SourceState {
    fn of(s: &Source) -> SourceState {
        let lines = s
            .lines
            .iter()
            .map(|&(at, o)| {
                let o = match o {
                    Origin::Byte(b) => OriginState::B(b),
                    Origin::Docx { paragraph, cell } => OriginState::D(paragraph, cell.map(|c| (c.table, c.row, c.cell))),
                    Origin::Pdf { page, line } => OriginState::P(page, line),
                };
                (at, o)
            })
            .collect();
        SourceState {
            format: s.format.as_str().to_string(),
            encoding: s.encoding.map(|e| e.name().to_string()),
            confidence: s.confidence,
            lines,
            header: s.header.clone(),
            footer: s.footer.clone(),
        }
    }

    fn into_source(self) -> Result<Source, String> {
        let format = Format::from_name(&self.format).ok_or_else(|| format!("unknown format {:?}", self.format))?;
        let encoding = match self.encoding {
            Some(e) => Some(Encoding::from_label(&e).ok_or_else(|| format!("unknown encoding {e:?}"))?),
            None => None,
        };
        let lines = self
            .lines
            .into_iter()
            .map(|(at, o)| {
                let o = match o {
                    OriginState::B(b) => Origin::Byte(b),
                    OriginState::D(paragraph, cell) => {
                        Origin::Docx { paragraph, cell: cell.map(|(table, row, cell)| Cell { table, row, cell }) }
                    }
                    OriginState::P(page, line) => Origin::Pdf { page, line },
                };
                (at, o)
            })
            .collect();
        let mut s = Source::new(format, encoding, self.confidence, lines);
        s.header = self.header;
        s.footer = self.footer;
        Ok(s)
    }
}

#[derive(Serialize)]
struct PickleOut<'a> {
    v: u32,
    doc: &'a crate::Document,
    path: Option<&'a str>,
    source: Option<SourceState>,
}

#[derive(Deserialize)]
struct PickleIn {
    v: u32,
    doc: crate::Document,
    path: Option<String>,
    source: Option<SourceState>,
}

/// The pickle state of a document: compact JSON of the model (the text once, spans as byte offsets, no node
/// text), its path and its source.
pub(super) fn pickle_state(doc: &crate::Document, path: Option<&std::path::Path>) -> Vec<u8> {
    let path = path.map(|p| p.to_string_lossy());
    let out = PickleOut { v: PICKLE_VERSION, doc, path: path.as_deref(), source: doc.source.as_ref().map(SourceState::of) };
    serde_json::to_vec(&out).expect("a document serializes")
}

/// A document back from [`pickle_state`].
pub(super) fn from_pickle_state(state: &[u8]) -> Result<(crate::Document, Option<PathBuf>), String> {
    let s: PickleIn = serde_json::from_slice(state).map_err(|e| format!("not a pickled vanban Document: {e}"))?;
    if s.v != PICKLE_VERSION {
        return Err(format!("a Document pickled by another vanban version (state {}, this one reads {PICKLE_VERSION})", s.v));
    }
    let mut doc = s.doc;
    check_spans(&doc)?;
    doc.source = s.source.map(SourceState::into_source).transpose()?;
    Ok((doc, s.path.map(PathBuf::from)))
}

/// Every span inside the text and on char boundaries, every child id in the arena: what the views rely on.
fn check_spans(doc: &crate::Document) -> Result<(), String> {
    let ok = |s: Span| s.start <= s.end && s.end <= doc.text.len() && doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end);
    let n = doc.nodes.len();
    let nodes = doc.nodes.iter().all(|x| ok(x.span) && x.marker.is_none_or(ok) && x.children.iter().all(|&c| c < n));
    let refs = doc.references.iter().all(|r| r.mentions.iter().all(|&m| ok(m)) && r.pinpoints.iter().all(|p| ok(p.span)));
    // an agency's span is only translated to code points, never used to slice the text: inside it is enough
    let inside = |s: Span| s.start <= s.end && s.end <= doc.text.len();
    let tasks = doc.assignments.iter().all(|a| ok(a.span) && inside(a.agency_span));
    if n == 0 || !(nodes && refs && tasks) {
        return Err("a span lies outside the text".to_string());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// `to_dict()`'s schema, read back

#[derive(Deserialize)]
struct DictParts {
    number: Option<String>,
    year: Option<u16>,
    type_code: Option<String>,
    issuer_code: Option<String>,
    form: Option<SymbolForm>,
}

fn symbol(raw: Option<String>, parts: Option<DictParts>) -> Option<Symbol> {
    let raw = raw?;
    let p = parts.unwrap_or(DictParts { number: None, year: None, type_code: None, issuer_code: None, form: None });
    Some(Symbol { raw, number: p.number, year: p.year, type_code: p.type_code, issuer_code: p.issuer_code, form: p.form })
}

#[derive(Deserialize)]
struct DictMetadata {
    doc_type: Option<DocType>,
    symbol: Option<String>,
    symbol_parts: Option<DictParts>,
    issuer: Option<String>,
    place: Option<String>,
    date: Option<Date>,
    title: Option<String>,
    signing_authority: Option<String>,
    signer_title: Option<String>,
    signer: Option<String>,
    recipients: Vec<String>,
}

#[derive(Deserialize)]
struct DictNode {
    /// The node's index in the arena (`Node.id`); the nodes are numbered in pre-order when any is missing.
    #[serde(default)]
    id: Option<usize>,
    kind: NodeKind,
    label: Option<String>,
    heading: Option<String>,
    path: Option<String>,
    style: Option<MarkerStyle>,
    start: usize,
    end: usize,
    marker: Option<(usize, usize)>,
    children: Vec<DictNode>,
}

#[derive(Deserialize)]
struct DictPinpoint {
    mention: usize,
    article: Option<String>,
    clause: Option<String>,
    point: Option<String>,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct DictReference {
    doc_type: Option<DocType>,
    symbol: Option<String>,
    symbol_parts: Option<DictParts>,
    date: Option<Date>,
    issuer: Option<String>,
    name: Option<String>,
    key: String,
    attached: bool,
    mentions: Vec<(usize, usize)>,
    #[serde(default)]
    pinpoints: Vec<DictPinpoint>,
}

#[derive(Deserialize)]
struct DictDeadline {
    kind: DeadlineKind,
    phrase: String,
    date: Option<Date>,
    year: Option<u16>,
    part: Option<u8>,
    every: Option<Period>,
}

#[derive(Deserialize)]
struct DictAssignment {
    section: String,
    agency: String,
    agency_key: String,
    role: Role,
    start: usize,
    end: usize,
    #[serde(default)]
    agency_start: Option<usize>,
    #[serde(default)]
    agency_end: Option<usize>,
    deadline: Option<String>,
    deadline_date: Option<Date>,
    deadline_kind: Option<DeadlineKind>,
    #[serde(default)]
    deadline_info: Option<DictDeadline>,
}

#[derive(Deserialize)]
struct DictSource {
    format: String,
    encoding: Option<String>,
    confidence: f32,
    page_header: Option<String>,
    page_footer: Option<String>,
}

#[derive(Deserialize)]
struct DictDocument {
    text: String,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    source: Option<DictSource>,
    metadata: DictMetadata,
    root: DictNode,
    references: Vec<DictReference>,
    assignments: Vec<DictAssignment>,
}

/// Code-point spans of one text back to byte spans.
struct Spans<'a> {
    offsets: &'a Offsets,
    len: usize,
}

impl Spans<'_> {
    fn span(&self, start: usize, end: usize) -> Result<Span, String> {
        let s = self.offsets.byte(start, self.len);
        let e = self.offsets.byte(end, self.len);
        match (s, e) {
            (Some(s), Some(e)) if s <= e => Ok(Span::new(s, e)),
            _ => Err(format!("span [{start}, {end}) is not inside the text")),
        }
    }
}

/// Flatten a nested node into the arena, in pre-order; `ids` gets each node's `id` field.
fn push_node(
    nodes: &mut Vec<Node>,
    ids: &mut Vec<Option<usize>>,
    d: DictNode,
    parent: Option<usize>,
    spans: &Spans<'_>,
) -> Result<usize, String> {
    let id = nodes.len();
    ids.push(d.id);
    let mut n = Node::new(d.kind, spans.span(d.start, d.end)?);
    n.parent = parent;
    n.style = d.style;
    n.label = d.label;
    n.heading = d.heading;
    n.path = d.path;
    n.marker = d.marker.map(|(s, e)| spans.span(s, e)).transpose()?;
    nodes.push(n);
    for c in d.children {
        let cid = push_node(nodes, ids, c, Some(id), spans)?;
        nodes[id].children.push(cid);
    }
    Ok(id)
}

/// The nodes (in pre-order) at the ids the dict gave them, when those are a numbering of them with the root
/// first; else as they are.
fn renumber(nodes: Vec<Node>, ids: &[Option<usize>]) -> Vec<Node> {
    let n = nodes.len();
    let mut seen = vec![false; n];
    let valid = ids.first() == Some(&Some(0))
        && ids.iter().all(|id| matches!(id, Some(i) if *i < n && !std::mem::replace(&mut seen[*i], true)));
    if !valid {
        return nodes;
    }
    let to = |i: usize| ids[i].unwrap_or(i);
    let mut out: Vec<Option<Node>> = (0..n).map(|_| None).collect();
    for (i, mut node) in nodes.into_iter().enumerate() {
        node.parent = node.parent.map(to);
        node.children = node.children.iter().map(|&c| to(c)).collect();
        out[to(i)] = Some(node);
    }
    out.into_iter().map(|x| x.expect("a numbering of the nodes")).collect()
}

/// A document from the JSON of `Document.to_json()`; the path it names, if any.
pub(super) fn from_dict_json(json: &str) -> Result<(crate::Document, Option<PathBuf>, Offsets), String> {
    let d: DictDocument = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let offsets = Offsets::new(&d.text);
    let spans = Spans { offsets: &offsets, len: d.text.len() };
    let mut nodes = Vec::new();
    let mut ids = Vec::new();
    push_node(&mut nodes, &mut ids, d.root, None, &spans)?;
    let nodes = renumber(nodes, &ids);
    let m = d.metadata;
    let metadata = Metadata {
        doc_type: m.doc_type,
        symbol: symbol(m.symbol, m.symbol_parts),
        issuer: m.issuer,
        place: m.place,
        date: m.date,
        title: m.title,
        signing_authority: m.signing_authority,
        signer_title: m.signer_title,
        signer: m.signer,
        recipients: m.recipients,
    };
    let references = d
        .references
        .into_iter()
        .map(|r| {
            let mentions = r.mentions.iter().map(|&(s, e)| spans.span(s, e)).collect::<Result<Vec<_>, _>>()?;
            let pinpoints = r
                .pinpoints
                .into_iter()
                .map(|p| {
                    let span = spans.span(p.start, p.end)?;
                    Ok(Pinpoint { mention: p.mention, article: p.article, clause: p.clause, point: p.point, span })
                })
                .collect::<Result<Vec<_>, String>>()?;
            Ok(Reference {
                doc_type: r.doc_type,
                symbol: symbol(r.symbol, r.symbol_parts),
                date: r.date,
                issuer: r.issuer,
                name: r.name,
                key: r.key,
                mentions,
                attached: r.attached,
                pinpoints,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let assignments = d
        .assignments
        .into_iter()
        .map(|a| {
            let deadline = match (a.deadline_info, a.deadline) {
                (Some(i), _) => Some(Deadline { phrase: i.phrase, date: i.date, kind: i.kind, year: i.year, part: i.part, every: i.every }),
                // a dict without deadline_info (made by hand, or by vanban before it had one)
                (None, Some(phrase)) => Some(Deadline {
                    phrase,
                    date: a.deadline_date,
                    kind: a.deadline_kind.unwrap_or(DeadlineKind::Other),
                    year: None,
                    part: None,
                    every: None,
                }),
                (None, None) => None,
            };
            Ok(Assignment {
                section: a.section,
                agency: a.agency,
                agency_key: a.agency_key,
                role: a.role,
                deadline,
                span: spans.span(a.start, a.end)?,
                agency_span: match (a.agency_start, a.agency_end) {
                    (Some(s), Some(e)) => spans.span(s, e)?,
                    _ => Span::default(),
                },
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let source = match d.source {
        None => None,
        Some(s) => {
            let state = SourceState {
                format: s.format,
                encoding: s.encoding,
                confidence: s.confidence,
                lines: Vec::new(),
                header: s.page_header,
                footer: s.page_footer,
            };
            Some(state.into_source()?)
        }
    };
    let doc = crate::Document { text: d.text, nodes, metadata, references, assignments, source };
    Ok((doc, d.path.map(PathBuf::from), offsets))
}
