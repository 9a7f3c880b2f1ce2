//! The stages in order, in one place: normalize the text, cut it into lines and paragraphs, lay out the
//! zones, build the outline tree, read the metadata, extract references and assignments, and map every span
//! back to the text the caller gave (once, here).
use crate::extract::{assignments, references};
use crate::lex::lines;
use crate::lex::normalize::{normalize, Normalized};
use crate::model::{Assignment, Document, Error, Node, NodeKind, Reference, Span};
use crate::read::{Input, ReadOptions};
use crate::parse::layout::Zone;
use crate::parse::{layout, metadata, outline};
use std::borrow::Cow;

/// Parse a document from its text. Never fails: any string gives a lossless tree.
pub fn parse(text: &str) -> Document {
    build(Cow::Borrowed(text))
}

/// Parse a document from bytes: a `.docx`, a PDF with a text layer, an HTML page (Word "Save as Web Page"
/// included) or plain text (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1258, TCVN3, VNI, VISCII), the
/// format and encoding told apart by content (see [`crate::read`]). The document's text is the text read; its
/// [`Document::source`] says what it was read from and maps each line back.
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, Error> {
    parse_bytes_with(bytes, &ReadOptions::default())
}

/// [`parse_bytes`] with the format and/or the encoding given instead of detected.
pub fn parse_bytes_with(bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    parse_input(crate::read::read_with(bytes, opts)?)
}

/// Parse text that was read ([`crate::read::read`]); an empty text is an error.
pub fn parse_input(input: Input) -> Result<Document, Error> {
    if input.text.chars().all(|c| c.is_whitespace() || crate::lex::normalize::substitute(c) == Some("")) {
        return Err(Error::Empty { path: None });
    }
    // the text read becomes the document's: not copied
    let mut doc = build(Cow::Owned(input.text));
    doc.source = Some(input.source);
    Ok(doc)
}

/// Parse a document from a file.
pub fn parse_file(path: impl AsRef<std::path::Path>) -> Result<Document, Error> {
    parse_file_with(path, &ReadOptions::default())
}

/// [`parse_file`] with the format and/or the encoding given instead of detected.
pub fn parse_file_with(path: impl AsRef<std::path::Path>, opts: &ReadOptions) -> Result<Document, Error> {
    let path = path.as_ref();
    let bytes = crate::read::file::read_file(path)?;
    parse_bytes_with(&bytes, opts).map_err(|e| e.with_path(path))
}

/// Paragraphs and their zones, for development tools.
#[doc(hidden)]
pub fn debug_layout(text: &str) -> (Vec<lines::Para>, layout::Layout) {
    let lexed = lex(text);
    let layout = layout::layout(&lexed.paras);
    (lexed.paras, layout)
}

/// The lexical stage's output: the normalized text, its lines and its paragraphs.
#[doc(hidden)]
pub struct Lexed<'a> {
    pub norm: Normalized<'a>,
    pub lines: Vec<lines::Line>,
    pub paras: Vec<lines::Para>,
}

/// The lexical stage alone (normalize, lines, paragraphs), for the stage benchmarks and development tools.
#[doc(hidden)]
pub fn lex(text: &str) -> Lexed<'_> {
    let norm = normalize(text);
    let lines = lines::split_lines(&norm.text);
    let mut paras = lines::paragraphs(&norm.text, &lines);
    lines::rejoin_page_breaks(&mut paras);
    Lexed { norm, lines, paras }
}

/// The references stage alone: what the title, preamble, body and appendices cite (the header and closing do
/// not cite), the documents attached after the signature marked. Public for the stage benchmarks.
#[doc(hidden)]
pub fn references_of(paras: &[lines::Para], layout: &layout::Layout, own_symbol: Option<&str>) -> Vec<Reference> {
    let citing: Vec<&lines::Para> =
        paras.iter().zip(&layout.zones).filter(|(_, z)| matches!(z, Zone::Title | Zone::Preamble | Zone::Body | Zone::Appendix)).map(|(p, _)| p).collect();
    let mut references = references::extract(&citing, own_symbol);
    // the documents issued with this one, printed after its signature
    let attached: Vec<references::Attached> = layout
        .attachments
        .iter()
        .filter_map(|a| Some(references::Attached { doc_type: a.doc_type.clone()?, title: a.title.as_deref()?, opening: &paras[a.para] }))
        .collect();
    references::mark_attached(&citing, &attached, &mut references);
    references
}

/// Parse `text` into a [`Document`]: the stages in order. The document keeps `text`, copied only when borrowed.
fn build(text: Cow<'_, str>) -> Document {
    let Lexed { norm, lines, paras } = lex(&text);
    let t: &str = &norm.text;
    if t.is_empty() {
        return blank(text.into_owned());
    }
    let layout = layout::layout(&paras);

    let mut nodes = outline::tree(t, &lines, &paras, &layout);
    let metadata = metadata::extract(t, &lines, &paras, &layout);
    let mut references = references_of(&paras, &layout, metadata.symbol.as_ref().map(|s| s.raw.as_str()));
    let mut assignments = assignments::tasks::read(t, &nodes, &paras, metadata.date.map(|d| d.year));

    if !norm.is_identity() {
        to_original(&norm, &mut nodes, &mut references, &mut assignments);
    }
    Document { text: text.into_owned(), nodes, metadata, references, assignments, source: None }
}

/// A text of nothing but zero-width characters (or nothing): one trivia leaf keeps the tree lossless.
fn blank(text: String) -> Document {
    let mut nodes = vec![Node::new(NodeKind::Document, Span::new(0, text.len()))];
    if !text.is_empty() {
        nodes[0].children.push(1);
        let mut leaf = Node::new(NodeKind::Trivia, Span::new(0, text.len()));
        leaf.parent = Some(0);
        nodes.push(leaf);
    }
    Document { text, nodes, metadata: Default::default(), references: Vec::new(), assignments: Vec::new(), source: None }
}

/// Every span, from the normalized text back to the text the caller gave.
fn to_original(norm: &Normalized, nodes: &mut [Node], references: &mut [Reference], assignments: &mut [Assignment]) {
    let back = |s: Span| Span::new(norm.to_original(s.start), norm.to_original(s.end));
    for n in nodes {
        n.span = back(n.span);
        if let Some(m) = n.marker.as_mut() {
            *m = back(*m);
        }
    }
    for a in assignments {
        a.span = back(a.span);
        a.agency_span = back(a.agency_span);
    }
    for r in references {
        for m in &mut r.mentions {
            *m = back(*m);
        }
        for p in &mut r.pinpoints {
            p.span = back(p.span);
        }
    }
}
