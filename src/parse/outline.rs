//! The outline: paragraphs nested into items by numbering style and sequence, and the lossless tree built
//! over the text.
//!
//! Nesting rules (`vn-document-format.md` §4–5): a style already open closes the levels opened after it
//! (`II.` after `I./1./a)` is a sibling of `I.`); a new style nests under the open item (`1.` after `I.`);
//! numbered items never nest under bullets; legal levels (`Phần > Chương > Mục > Điều`) close everything below
//! them; a single `C.`/`D.`/`I.`/`V.`/`X.`/`L.` is a letter or a Roman numeral according to the open siblings.
use super::layout::{Layout, Zone};
use crate::lex::lexicon::{Lexicon, Tag};
use crate::lex::lines::{Line, LineKind, Para};
use crate::lex::markers::{self, letter_ordinal, Punct};
use crate::lex::text;
use crate::model::{MarkerStyle, Node, NodeId, NodeKind, Span};

/// What decides that two items are siblings: the style, its punctuation family, and for dotted numbers
/// the depth (`1.1` vs `1.1.1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct StyleKey {
    style: MarkerStyle,
    punct: Punct,
    depth: u8,
}

struct Open {
    node: NodeId,
    key: StyleKey,
    ordinal: u32,
    /// Styles of the items already placed directly under this one.
    child_keys: Vec<StyleKey>,
}

fn is_legal(s: MarkerStyle) -> bool {
    matches!(s, MarkerStyle::Part | MarkerStyle::Chapter | MarkerStyle::LegalSection | MarkerStyle::Subsection | MarkerStyle::Article)
}

fn legal_rank(s: MarkerStyle) -> u8 {
    match s {
        MarkerStyle::Part => 0,
        MarkerStyle::Chapter => 1,
        MarkerStyle::LegalSection => 2,
        MarkerStyle::Subsection => 3,
        MarkerStyle::Article => 4,
        MarkerStyle::Appendix => 0,
        _ => 5,
    }
}

fn is_minor(s: MarkerStyle) -> bool {
    matches!(s, MarkerStyle::Arabic | MarkerStyle::Dotted | MarkerStyle::Point | MarkerStyle::Bullet)
}

/// Styles whose items are headings of sections: they always carry a heading.
fn is_section(s: MarkerStyle) -> bool {
    matches!(
        s,
        MarkerStyle::Roman | MarkerStyle::Letter | MarkerStyle::Part | MarkerStyle::Chapter | MarkerStyle::LegalSection | MarkerStyle::Subsection | MarkerStyle::Appendix
    )
}

/// Unmarked paragraphs that close the body (`Trên đây là ...`): they stand outside every item.
fn is_closing_paragraph(clean: &str) -> bool {
    opens_capitalized(clean, Tag::ClosingCue) || clean.trim_end_matches(['*', ' ']).ends_with("./.")
}

/// Whether `clean` opens with a lexicon phrase with `tag` whose first letter is a capital, as a paragraph's
/// first word is (in lower case, the words run on from a sentence).
fn opens_capitalized(clean: &str, tag: Tag) -> bool {
    Lexicon::global().opening(clean, tag).is_some_and(|_| clean.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase))
}

/// Text quoted from another document (`“6. Ủy ban bầu cử ...”`, an amending law's new wording, a letter that
/// quotes the article it applies: `"Điều 60. ...` ... `... phân cấp."`) runs from a paragraph that opens a
/// quotation mark to the one that closes it: its numbered lines are not this document's items. Real texts mix
/// the marks (`"Điều 106 ...` closed by `”`, `”5. Sửa đổi ...` opening), so any of `“ ” "` opens or closes: a
/// paragraph that starts with one and leaves an odd number of them opens a quotation, the next paragraph with
/// an odd number closes it.
#[derive(Default)]
struct Quotes {
    open: bool,
}

const QUOTE_MARKS: [char; 3] = ['“', '”', '"'];

impl Quotes {
    /// Whether the paragraph lies inside a quotation; the state moves past it.
    fn inside(&mut self, clean: &str) -> bool {
        let odd = || clean.matches(QUOTE_MARKS).count() % 2 == 1;
        if self.open {
            self.open = !odd();
            return true;
        }
        // the marks are counted only in a paragraph that starts with one: no other opens a quotation, whatever
        // its count (a pass over every character of every paragraph otherwise)
        self.open = clean.starts_with(QUOTE_MARKS) && odd();
        self.open
    }
}

struct Builder<'a> {
    text: &'a str,
    lines: &'a [Line],
    nodes: Vec<Node>,
    /// The owner (container or item) of the last leaf appended, for placing the trivia before the next one.
    last_owner: NodeId,
    /// End of the last leaf appended.
    pos: usize,
}

impl<'a> Builder<'a> {
    /// Whether an item's last paragraph ends with `:` (it announces what follows).
    fn opens_list(&self, item: NodeId) -> bool {
        let last = self.nodes[item].children.iter().rev().find(|&&c| self.nodes[c].kind == NodeKind::Paragraph);
        last.is_some_and(|&c| {
            let s = self.nodes[c].span;
            text::last_meaningful(&self.text[s.start..s.end]) == Some(':')
        })
    }

    fn add(&mut self, parent: NodeId, node: Node) -> NodeId {
        let id = self.nodes.len();
        let mut node = node;
        node.parent = Some(parent);
        self.nodes.push(node);
        self.nodes[parent].children.push(id);
        id
    }

    /// Whether `id` is `n` or one of its ancestors.
    fn holds(&self, id: NodeId, mut n: NodeId) -> bool {
        loop {
            if n == id {
                return true;
            }
            match self.nodes[n].parent {
                Some(p) => n = p,
                None => return false,
            }
        }
    }

    /// The deepest node containing both `a` and `b`: walked up from `a`, without collecting either chain (called
    /// for every leaf, and an outline is a few levels deep).
    fn common(&self, a: NodeId, b: NodeId) -> NodeId {
        let mut x = Some(a);
        while let Some(id) = x {
            if self.holds(id, b) {
                return id;
            }
            x = self.nodes[id].parent;
        }
        0
    }

    /// Trivia up to `start`, placed in the deepest node holding both its neighbours. Call before creating any
    /// new node that the next leaf opens.
    fn gap_to(&mut self, start: usize, next_parent: NodeId) {
        if start > self.pos {
            let owner = self.common(self.last_owner, next_parent);
            self.add(owner, Node::new(NodeKind::Trivia, Span::new(self.pos, start)));
            self.pos = start;
        }
    }

    fn leaf(&mut self, owner: NodeId, kind: NodeKind, span: Span) -> NodeId {
        self.gap_to(span.start, owner);
        let id = self.add(owner, Node::new(kind, span));
        self.last_owner = owner;
        self.pos = span.end;
        id
    }

    /// A paragraph leaf; in the closing every line is its own paragraph (list entries, signature lines).
    fn para(&mut self, owner: NodeId, p: &Para, per_line: bool) {
        let kind = if p.table_row || p.in_table { NodeKind::TableRow } else { NodeKind::Paragraph };
        if per_line && p.last > p.first {
            for l in &self.lines[p.first..=p.last] {
                if l.kind != LineKind::Blank && l.kind != LineKind::Layout {
                    self.leaf(owner, kind, Span::new(l.start, l.end));
                }
            }
        } else {
            self.leaf(owner, kind, Span::new(p.start, p.end));
        }
    }
}

/// A task line opened by its label (`Đơn vị chủ trì: ...`, `Thời gian thực hiện: ...`, `Kinh phí: ...`).
fn is_labelled_line(clean: &str) -> bool {
    // the colon first: a look at 60 bytes turns most paragraphs away before the lexicon tokenizes their first word
    // (`:` is ASCII, so the first `:` is before byte 60 exactly when one of the first 60 bytes is a colon); memchr
    // looks at them a vector at a time (byte by byte they cost some 2 M instructions on the bench sample)
    memchr::memchr(b':', &clean.as_bytes()[..clean.len().min(60)]).is_some() && opens_capitalized(clean, Tag::LineLabel)
}

fn zone_kind(z: Zone) -> NodeKind {
    match z {
        Zone::Chrome => NodeKind::Chrome,
        Zone::Header => NodeKind::Header,
        Zone::Title => NodeKind::Title,
        Zone::Preamble => NodeKind::Preamble,
        Zone::Body | Zone::Appendix => NodeKind::Body,
        Zone::Closing => NodeKind::Closing,
    }
}

/// The tree over the normalized text `t`: zone containers, outline items nested by style and sequence,
/// paragraphs, table rows and trivia, with paths and headings. Spans are in `t`.
pub fn tree(t: &str, lines: &[Line], paras: &[Para], layout: &Layout) -> Vec<Node> {
    // room for what a paragraph makes (its leaf, the trivia before it, an item) and a few containers: growing the
    // nodes by doubling copied each tree several times over
    let mut nodes = Vec::with_capacity(3 * paras.len() + 4);
    nodes.push(Node::new(NodeKind::Document, Span::new(0, t.len())));
    let mut b = Builder { text: t, lines, nodes, last_owner: 0, pos: 0 };
    let mut container: Option<(Zone, NodeId)> = None;
    let mut stack: Vec<Open> = Vec::new();
    let mut closed_body = false;
    let mut quotes = Quotes::default();
    // attachments' items and their titles, for headings
    let mut attachment_headings: Vec<(NodeId, Option<String>)> = Vec::new();
    // item id -> its marker paragraph's leaf id, for headings
    let mut first_leaf: Vec<(NodeId, NodeId, usize)> = Vec::new();

    for (pi, p) in paras.iter().enumerate() {
        let zone = layout.zones[pi];
        // a quotation may open in the preamble (`Căn cứ ... quy định:` / `“Điều 49. ...`) and run into the body
        let quoted = zone != Zone::Closing && quotes.inside(&p.clean);
        let cont = match container {
            Some((z, id)) if z == zone => id,
            _ => {
                b.gap_to(p.start, 0);
                let id = b.add(0, Node::new(zone_kind(zone), Span::new(p.start, p.start)));
                container = Some((zone, id));
                stack.clear();
                closed_body = false;
                id
            }
        };
        match zone {
            Zone::Body | Zone::Appendix => {}
            Zone::Closing => {
                b.para(cont, p, true);
                continue;
            }
            _ => {
                b.para(cont, p, false);
                continue;
            }
        }
        // --- an appendix opens a depth-1 item
        // an appendix (after the signature, or in a text that lost its closing) opens a depth-1 item
        let appendix_label = if p.in_table || p.table_row { None } else { appendix_label(&p.clean) }
            .filter(|_| zone == Zone::Appendix || text::upper_ratio(&p.clean) > 0.7 && p.clean.chars().count() < 40);
        // a document issued with this one (`KẾ HOẠCH` / its title / `(Kèm theo Quyết định ...)`): its items form
        // their own subtree under one `Phụ lục`, headed by its title
        let attachment = if zone == Zone::Appendix { layout.attachments.iter().find(|a| a.para == pi) } else { None };
        let appendix_label = appendix_label.or_else(|| attachment.map(|_| "Phụ lục".to_string()));
        let marker = if p.table_row || p.in_table || quoted { None } else { p.marker.clone() };
        if let Some(label) = appendix_label {
            stack.clear();
            let mut item = Node::new(NodeKind::Item, Span::new(p.start, p.start));
            item.style = Some(MarkerStyle::Appendix);
            item.label = Some(label);
            b.gap_to(p.start, cont);
            let id = b.add(cont, item);
            let leaf = b.leaf(id, NodeKind::Paragraph, Span::new(p.start, p.end));
            match attachment {
                Some(a) => attachment_headings.push((id, a.title.clone())),
                None => first_leaf.push((id, leaf, pi)),
            }
            stack.push(Open { node: id, key: StyleKey { style: MarkerStyle::Appendix, punct: Punct::None, depth: 0 }, ordinal: 0, child_keys: Vec::new() });
            continue;
        }
        let Some(m) = marker else {
            if closed_body || (is_closing_paragraph(&p.clean) && zone == Zone::Body) {
                closed_body = true;
                stack.clear();
                b.para(cont, p, false);
            } else {
                // After a bullet, a paragraph belongs to it only when the bullet announces it (`...như sau:`) or
                // it is an example (`Ví dụ:`); labelled lines (`Đơn vị chủ trì: ...`) always belong to the item.
                let labelled = is_labelled_line(&p.clean);
                let example = p.clean.starts_with("Ví dụ");
                while !example && stack.last().is_some_and(|o| {
                    o.key.style == MarkerStyle::Bullet && (labelled || !b.opens_list(o.node))
                }) {
                    stack.pop();
                }
                let owner = stack.last().map_or(cont, |o| o.node);
                b.para(owner, p, false);
            }
            continue;
        };
        // --- settle a single-letter Roman/letter marker by its open siblings
        let mut style = m.style;
        let mut ordinal = m.ordinal;
        if m.roman_or_letter {
            let ch = m.label.chars().next().unwrap();
            let as_letter = letter_ordinal(ch).unwrap_or(0);
            let letter_open = stack.iter().rev().find(|o| o.key.style == MarkerStyle::Letter);
            let roman_open = stack.iter().rev().find(|o| o.key.style == MarkerStyle::Roman);
            let letter_fits = letter_open.is_some_and(|o| o.ordinal + 1 == as_letter);
            let roman_fits = roman_open.is_some_and(|o| o.ordinal + 1 == m.ordinal);
            let letter = if letter_fits != roman_fits { letter_fits } else { matches!(ch, 'C' | 'D' | 'L') && roman_open.is_none() };
            if letter && text::upper_ratio(&p.clean) > 0.0 {
                style = MarkerStyle::Letter;
                ordinal = as_letter;
            }
        }
        let depth = if style == MarkerStyle::Dotted { m.label.matches('.').count() as u8 } else { 0 };
        let key = StyleKey { style, punct: m.punct, depth };
        // --- find the parent
        if is_legal(style) {
            while let Some(top) = stack.last() {
                let ts = top.key.style;
                let pop = is_minor(ts)
                    || is_legal(ts) && legal_rank(ts) >= legal_rank(style)
                    || matches!(style, MarkerStyle::Part | MarkerStyle::Chapter) && matches!(ts, MarkerStyle::Roman | MarkerStyle::Letter) && !stack.iter().any(|o| is_legal(o.key.style));
                if pop {
                    stack.pop();
                } else {
                    break;
                }
            }
        } else if let Some(k) = stack.iter().rposition(|o| o.key == key) {
            stack.truncate(k);
        } else if let Some(k) = stack.iter().rposition(|o| o.child_keys.contains(&key)) {
            // the style was used for the children of an open item: back to that level
            stack.truncate(k + 1);
        } else {
            if style != MarkerStyle::Bullet {
                while stack.last().is_some_and(|o| o.key.style == MarkerStyle::Bullet) {
                    stack.pop();
                }
            }
            if matches!(style, MarkerStyle::Roman | MarkerStyle::Letter) {
                while stack.last().is_some_and(|o| is_minor(o.key.style) || o.key.style == MarkerStyle::Article) {
                    stack.pop();
                }
            }
        }
        closed_body = false;
        let parent = stack.last().map_or(cont, |o| o.node);
        let mut item = Node::new(NodeKind::Item, Span::new(p.start, p.start));
        item.style = Some(style);
        item.label = Some(m.label.clone());
        b.gap_to(p.start, parent);
        let id = b.add(parent, item);
        let leaf = b.leaf(id, NodeKind::Paragraph, Span::new(p.start, p.end));
        // the marker's own span, in the raw text: from the first non-format character
        let raw = &t[p.start..p.end];
        b.nodes[id].marker = Some(marker_span(raw, p.start, &m.label));
        first_leaf.push((id, leaf, pi));
        if let Some(top) = stack.last_mut() {
            top.child_keys.push(key);
        }
        stack.push(Open { node: id, key, ordinal, child_keys: Vec::new() });
    }
    b.gap_to(t.len(), 0);

    let mut nodes = b.nodes;
    compute_spans(&mut nodes, 0);
    nodes[0].span = Span::new(0, t.len());
    compute_paths(&mut nodes, 0, "");
    compute_headings(&mut nodes, paras, &first_leaf);
    for (id, title) in attachment_headings {
        nodes[id].heading = title.map(|t| text::strip_trailing_punct(&t).to_string());
    }

    nodes
}

/// The printed marker: from its first character up to the end of the label's last character and its
/// punctuation.
fn marker_span(raw: &str, para_start: usize, label: &str) -> Span {
    let lead = raw.len() - raw.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#' | '>' | '|')).len();
    let body = &raw[lead..];
    let mut want = label.chars().filter(|c| !c.is_whitespace()).peekable();
    let mut end = 0;
    for (i, c) in body.char_indices() {
        if want.peek().is_none() {
            // take the punctuation right after the label
            if matches!(c, '.' | ')' | '-' | '–' | '/' | ':') {
                end = i + c.len_utf8();
            }
            break;
        }
        if c == '*' || c.is_whitespace() || c == '(' {
            continue;
        }
        if Some(&c) == want.peek() || c.to_lowercase().eq(want.peek().unwrap().to_lowercase()) {
            want.next();
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    Span::new(para_start + lead, para_start + lead + end)
}

/// The title part of an appendix's first paragraph: what follows `PHỤ LỤC` and its number.
fn appendix_title(clean: &str) -> &str {
    for head in ["PHỤ LỤC", "Phụ lục"] {
        if let Some(rest) = clean.strip_prefix(head) {
            let rest = rest.trim_start();
            let rest = rest.strip_prefix("SỐ").or_else(|| rest.strip_prefix("số")).map(str::trim_start).unwrap_or(rest);
            let num_len = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
            let num = &rest[..num_len];
            let numbered = !num.is_empty() && (markers::roman_value(num).is_some() || num.starts_with(|c: char| c.is_ascii_digit()));
            let rest = if numbered { &rest[num_len..] } else { rest };
            return rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '-' | '–'));
        }
    }
    clean
}

fn appendix_label(clean: &str) -> Option<String> {
    if !(clean.starts_with("PHỤ LỤC") || clean.starts_with("Phụ lục") || clean.starts_with("ĐỀ CƯƠNG")) {
        return None;
    }
    let upper = text::upper_ratio(clean) > 0.7;
    for head in ["PHỤ LỤC", "Phụ lục"] {
        if let Some(rest) = clean.strip_prefix(head) {
            if head == "PHỤ LỤC" && !upper {
                continue;
            }
            let rest = rest.trim_start();
            let rest = rest.strip_prefix("SỐ").or_else(|| rest.strip_prefix("số")).map(str::trim_start).unwrap_or(rest);
            let num: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            let numbered = !num.is_empty()
                && (markers::roman_value(&num).is_some() || num.chars().next().unwrap().is_ascii_digit())
                && rest[num.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            return Some(if numbered { format!("Phụ lục {num}") } else { "Phụ lục".to_string() });
        }
    }
    if clean.starts_with("ĐỀ CƯƠNG") && upper {
        return Some("Phụ lục".to_string());
    }
    None
}

/// A node spans from its first child's start to its last child's end.
fn compute_spans(nodes: &mut Vec<Node>, id: NodeId) {
    let children = nodes[id].children.clone();
    for &c in &children {
        compute_spans(nodes, c);
    }
    if let (Some(&f), Some(&l)) = (children.first(), children.last()) {
        nodes[id].span = Span::new(nodes[f].span.start, nodes[l].span.end);
    }
}

fn compute_paths(nodes: &mut Vec<Node>, id: NodeId, prefix: &str) {
    let mut bullet_counts: Vec<(String, usize)> = Vec::new();
    // by index, not over a copy of the list: only the paths below change
    for k in 0..nodes[id].children.len() {
        let c = nodes[id].children[k];
        if nodes[c].kind == NodeKind::Item {
            let label = nodes[c].label.clone().unwrap_or_default();
            let seg = if nodes[c].style == Some(MarkerStyle::Bullet) {
                let n = match bullet_counts.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        bullet_counts.push((label.clone(), 1));
                        1
                    }
                };
                // by hand, as the path below: the formatting machinery cost more than the copy
                [label.as_str(), &n.to_string()].concat()
            } else {
                label
            };
            // joined by hand: the formatting machinery cost more than the copy, once per item
            let path = if prefix.is_empty() { seg } else { [prefix, "/", &seg].concat() };
            compute_paths(nodes, c, &path);
            nodes[c].path = Some(path);
        } else if !nodes[c].children.is_empty() {
            // most nodes are leaves and trivia: nothing below them to number, and no call for each
            compute_paths(nodes, c, prefix);
        }
    }
}

fn compute_headings(nodes: &mut [Node], paras: &[Para], first_leaf: &[(NodeId, NodeId, usize)]) {
    for &(id, leaf, pi) in first_leaf {
        let has_children = nodes[id].children.iter().any(|&c| c != leaf && nodes[c].kind != NodeKind::Trivia);
        let style = nodes[id].style.unwrap_or(MarkerStyle::Arabic);
        if !(has_children || is_section(style)) {
            continue;
        }
        let p = &paras[pi];
        // an appendix's heading is its title: after `PHỤ LỤC I` on the same paragraph, else the next one
        // (`ĐỀ CƯƠNG ...` is itself the title)
        let mut body = if style == MarkerStyle::Appendix { appendix_title(&p.clean).to_string() } else { p.body().to_string() };
        if body.trim().is_empty() {
            // the heading is on the next paragraph (`Chương I` / `QUY ĐỊNH CHUNG`; `PHỤ LỤC` / its title)
            if let Some(next) = paras.get(pi + 1).filter(|n| n.marker.is_none()) {
                body = next.clean.clone();
            }
        }
        let h = text::strip_trailing_punct(body.trim()).trim().to_string();
        nodes[id].heading = (!h.is_empty()).then_some(h);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labelled_line_has_its_colon_in_the_first_60_bytes() {
        assert!(is_labelled_line("Cơ quan chủ trì: Sở Tư pháp"));
        // the colon as byte 59 and as byte 60 (ASCII padding after the label, which the lexicon reads alone)
        let at = |n: usize| format!("Cơ quan chủ trì{}:", " ".repeat(n - "Cơ quan chủ trì".len()));
        assert!(is_labelled_line(&at(59)) && !is_labelled_line(&at(60)));
        assert!(!is_labelled_line("cơ quan chủ trì: Sở") && !is_labelled_line(""));
    }

    #[test]
    fn only_a_paragraph_opening_with_a_mark_opens_a_quotation() {
        let mut q = Quotes::default();
        // an odd count, not at the start: no quotation
        assert!(!q.inside("Sửa đổi cụm từ “Sở Nội vụ thành"));
        assert!(!q.inside("1. Giao Sở Nội vụ."));
        // at the start with an odd count: open until a paragraph with an odd count
        assert!(q.inside("“Điều 49. Trách nhiệm"));
        assert!(q.inside("1. Sở “Nội vụ” chủ trì."));
        assert!(q.inside("2. Sở Tài chính phối hợp.”"));
        assert!(!q.inside("2. Giao Sở Tài chính."));
        // at the start with an even count: closed at once
        assert!(!q.inside("\"Điều 5\" được sửa đổi"));
    }

    #[test]
    fn a_labelled_line_has_its_colon_within_60_bytes() {
        assert!(is_labelled_line("Đơn vị chủ trì: Sở Y tế"));
        assert!(!is_labelled_line("Đơn vị chủ trì Sở Y tế"));
        // the colon at byte 59, then at byte 60 (`í` is two bytes)
        let pad = "x".repeat(59 - "Kinh phí ".len());
        let at59 = format!("Kinh phí {pad}: ngân sách");
        assert_eq!(at59.find(':'), Some(59));
        assert!(is_labelled_line(&at59));
        let at60 = format!("Kinh phí {pad}x: ngân sách");
        assert!(!is_labelled_line(&at60));
        assert!(!is_labelled_line("kinh phí: ngân sách"));
    }
}
