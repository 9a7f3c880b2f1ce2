//! The work to read: the tree's body paragraphs and table rows as [`Task`]s and [`Row`]s, each with its section
//! (the nearest enclosing item that is not a bullet) and the items above it.
use super::{extract, section_of, Row, Task};
use crate::lex::lexicon::Tag;
use crate::lex::lines::Para;
use super::lx::Lx;
use crate::lex::text;
use crate::model::{Assignment, MarkerStyle, Node, NodeId, NodeKind};
use rustc_hash::FxHashMap as HashMap;

/// Assignments from the paragraphs and table rows of the body and the appendices. `paras` are the paragraphs
/// the tree was built from (their cleaned text is what is read).
pub fn read(t: &str, nodes: &[Node], paras: &[Para], doc_year: Option<u16>) -> Vec<Assignment> {
    let by_start: HashMap<usize, &Para> = paras.iter().map(|p| (p.start, p)).collect();
    let sections: Vec<(NodeId, &str, Option<NodeId>)> = (0..nodes.len())
        .filter(|&i| nodes[i].kind == NodeKind::Paragraph && (in_body(nodes, i) || leads_in(t, nodes, i)))
        .map(|i| {
            let (s, item) = section_of(nodes, i);
            (i, s, item)
        })
        .collect();
    let tasks: Vec<Task> = sections
        .iter()
        .filter_map(|(i, section, item)| {
            let p = by_start.get(&nodes[*i].span.start).filter(|p| p.end == nodes[*i].span.end)?;
            let parent = nodes[*i].parent.unwrap_or(0);
            let is_first = nodes[parent].kind == NodeKind::Item && nodes[parent].children.iter().find(|&&c| nodes[c].kind == NodeKind::Paragraph) == Some(i);
            let mut from = 0;
            if is_first {
                if let Some(m) = &p.marker {
                    from = m.len;
                }
                // an article's title (`Điều 4. Cán bộ làm nhiệm vụ lưu trữ`) names its subject, it assigns nothing;
                // `Điều 3. Chánh Văn phòng ... chịu trách nhiệm thi hành Quyết định này./.` is a sentence
                if nodes[parent].style == Some(MarkerStyle::Article) && is_title(&p.clean[from..]) && nodes[parent].children.len() > 1 {
                    from = p.clean.len();
                }
            }
            Some(Task {
                text: &p.clean,
                map: &p.map,
                from,
                span: nodes[*i].span,
                section,
                item: *item,
                nodes,
                first_of_item: is_first && nodes[parent].style != Some(MarkerStyle::Bullet),
            })
        })
        .collect();
    extract(&tasks, &table_rows(t, nodes), doc_year)
}

/// Whether node `i` lies inside a body container.
fn in_body(nodes: &[Node], i: NodeId) -> bool {
    let mut p = nodes[i].parent;
    while let Some(id) = p {
        if nodes[id].kind == NodeKind::Body {
            return true;
        }
        p = nodes[id].parent;
    }
    false
}

/// A paragraph of the preamble that leads into the tasks (`..., Chủ tịch Ủy ban nhân dân thành phố yêu cầu Giám
/// đốc, Thủ trưởng các sở ... thực hiện các nhiệm vụ, cụ thể như sau:`): the request of a directive or a dispatch
/// assigns the work it introduces.
fn leads_in(t: &str, nodes: &[Node], i: NodeId) -> bool {
    let text = &t[nodes[i].span.start..nodes[i].span.end];
    nodes[i].parent.is_some_and(|p| nodes[p].kind == NodeKind::Preamble) && text.trim_end().trim_end_matches('*').ends_with(':') && {
        // a request (`yêu cầu`, `đề nghị`, `giao`) in lower case right after its issuer, the subject of its clause
        // (`..., Thủ tướng Chính phủ yêu cầu ...`); not a plan's `... ban hành Kế hoạch như sau:` nor `Đơn đề nghị`
        let lx = Lx::new(text);
        let mut clause = 0;
        (0..lx.len()).any(|k| {
            if lx.toks[k].is_punct(',') || lx.toks[k].is_punct(';') {
                clause = k + 1;
                return false;
            }
            k > clause && lx.starts(k, Tag::Opener) && !lx.toks[k].is_cap() && super::agency::list_only(&lx, clause, k)
        })
    }
}

/// A short line without a sentence's final stop: a title.
fn is_title(s: &str) -> bool {
    let s = s.trim();
    !s.ends_with(['.', ';', ':']) && s.split_whitespace().count() <= 25 && !s.contains("trách nhiệm")
}

/// Rows of the tables in the body: a markdown row (`| a | b |`) is one leaf; cells laid out between `|` lines
/// are one leaf each, and two `|` lines in a row end a table row.
fn table_rows(t: &str, nodes: &[Node]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut prev_end: Option<usize> = None;
    let mut open = false;
    for id in 0..nodes.len() {
        let n = &nodes[id];
        if n.kind != NodeKind::TableRow {
            continue;
        }
        let raw = n.span.slice(t);
        let section = section_of(nodes, id).0.to_string();
        if raw.trim_start().starts_with('|') && raw[raw.find('|').unwrap() + 1..].contains('|') {
            // trimmed first: `clean` drops the white space at both ends anyway, and a cell without it (most) is
            // copied whole, not char by char
            let cells: Vec<String> = raw.trim().trim_matches('|').split('|').map(|c| text::clean(c.trim())).collect();
            rows.push(Row { cells, span: n.span, section });
            open = false;
            prev_end = Some(n.span.end);
            continue;
        }
        let gap = prev_end.map_or("", |e| if e <= n.span.start { &t[e..n.span.start] } else { "" });
        let new_row = !open || gap.matches('|').count() >= 2 || gap.contains("\n\n\n");
        let cell = text::clean(raw);
        if new_row {
            rows.push(Row { cells: vec![cell], span: n.span, section });
        } else if let Some(r) = rows.last_mut() {
            r.cells.push(cell);
            r.span = r.span.cover(n.span);
        }
        open = true;
        prev_end = Some(n.span.end);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_cleaned_the_same_trimmed_or_not() {
        for c in [" a ", " _a_ ", " __x__ ", "a_ ", " _", "__ ", " ** b ** ", "\t#x# ", "\u{a0}y z\u{3000}", "  ", " Sở  Nội vụ\n"] {
            assert_eq!(text::clean(c.trim()), text::clean(c), "{c:?}");
        }
    }
}
