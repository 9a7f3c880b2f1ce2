//! Documents issued with the one parsed and printed after its signature (`KẾ HOẠCH` / its title / `(Kèm theo
//! Quyết định số ...)`): each is a reference with `attached: true`, named as the text names it where it issues it
//! (`Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân`).
use super::zone::fold_name;
use crate::lex::fold::capitalized;
use crate::lex::lines::Para;
use crate::model::{DocType, Reference, Span};

/// An attached document: its type, its title (as printed, often in capitals) and the paragraph that opens it.
pub struct Attached<'a> {
    pub doc_type: DocType,
    pub title: &'a str,
    pub opening: &'a Para,
}

/// Mark or add the references of the attached documents.
pub fn mark(citing: &[&Para], attached: &[Attached], list: &mut Vec<Reference>) {
    for a in attached {
        let phrase: Vec<char> = format!("{} {}", a.doc_type.name(), a.title).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ").chars().collect();
        // the name where the text issues it (in running text rather than in a title in capitals), else the type and
        // the title
        let found: Vec<(String, Span)> = citing.iter().filter_map(|p| find(p, &phrase)).collect();
        let running = found.iter().position(|(n, _)| n.chars().any(char::is_lowercase)).unwrap_or(0);
        let (name, span) = found.into_iter().nth(running).map(|(n, s)| (capitalized(&n), s)).unwrap_or_else(|| {
            // the title in running text: its words in lower case, a symbol (`06/QĐ-TTg`) as printed
            let words: Vec<String> = a.title.split_whitespace().map(|w| if w.contains(|c: char| c.is_ascii_digit()) { w.to_string() } else { w.to_lowercase() }).collect();
            (format!("{} {}", a.doc_type.name(), words.join(" ")), Span::new(a.opening.start, a.opening.end))
        });
        let key = format!("{}:{}", a.doc_type.code(), fold_name(&name));
        match list.iter_mut().find(|r| r.key == key) {
            Some(r) => r.attached = true,
            None => {
                let at = list.iter().position(|r| r.mentions.first().is_some_and(|m| m.start > span.start)).unwrap_or(list.len());
                let reference = Reference {
                    doc_type: Some(a.doc_type.clone()),
                    symbol: None,
                    date: None,
                    issuer: None,
                    name: Some(name),
                    key,
                    mentions: vec![span],
                    attached: true,
                    pinpoints: Vec::new(),
                };
                list.insert(at, reference);
            }
        }
    }
}

/// The phrase (lower case, single spaces) in a paragraph's cleaned text, compared case-insensitively: the words as
/// printed and their span in the text.
fn find(p: &Para, phrase: &[char]) -> Option<(String, Span)> {
    // characters of the cleaned text with their byte offsets, white space folded
    let chars: Vec<(usize, char)> = p.clean.char_indices().collect();
    let lower: Vec<char> = chars.iter().map(|&(_, c)| c.to_lowercase().next().unwrap_or(c)).collect();
    if phrase.is_empty() || lower.len() < phrase.len() {
        return None;
    }
    let at = (0..=lower.len() - phrase.len()).find(|&i| lower[i..i + phrase.len()] == *phrase && (i == 0 || !lower[i - 1].is_alphanumeric()))?;
    let end_char = at + phrase.len();
    let (s, e) = (chars[at].0, chars.get(end_char).map_or(p.clean.len(), |&(b, _)| b));
    let (a, b) = p.map.span_to_source(s, e);
    Some((p.clean[s..e].to_string(), Span::new(a, b)))
}
