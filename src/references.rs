//! Citations of other documents (`vn-document-format.md` §3, §7): numbered citations in Party and state
//! forms, with their date and issuer, lists that cite several (`số 19-NQ/TW, số 20-NQ/TW và số 21-NQ/TW`),
//! resolved to one entry per distinct document.
//!
//! Not yet covered: citations by name without a number (congress resolutions, laws by name), aliases,
//! pinpoints (`khoản 2 Điều 5`), attachments.
use crate::date::Date;
use crate::doctype::DocType;
use crate::metadata::parse_symbol;
use crate::model::Symbol;
use crate::span::Span;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// One cited document, with every place it is mentioned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub doc_type: Option<DocType>,
    pub symbol: Option<Symbol>,
    pub date: Option<Date>,
    /// As printed after `của`, up to where the clause ends.
    pub issuer: Option<String>,
    /// A citation by name (no number).
    pub name: Option<String>,
    /// Canonical key: the symbol without spaces, upper-cased, `Ð` folded.
    pub key: String,
    /// Byte spans of its mentions in the text.
    pub mentions: Vec<Span>,
}

const TYPE_WORDS: &str = "Nghị quyết liên tịch|Nghị quyết|Nghị định|Quyết định|Quy định|Quy chế|Chỉ thị|Kết luận|Thông tri|Thông tư liên tịch|Thông tư|Thông báo|Hướng dẫn|Kế hoạch liên tịch|Kế hoạch|Chương trình hành động|Chương trình|Báo cáo|Tờ trình|Công văn|Công điện|Đề án|Bộ luật|Luật|Pháp lệnh|văn bản|Văn bản";

/// `số 58-KH/BTCTW`: where a numbered citation is; the type word is then looked for just before it. Scanning
/// for the number first keeps the expensive part (type word and name) to a short window.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:số|Số)\s*:?\s*(?P<sym>\d{1,5}(?:\s*[/\-–]\s*(?:\d{4}|[\p{Lu}Đ][\p{L}\d.&]*(?:\s*-\s*[\p{Lu}Đ][\p{L}\d.&]*)*))+)").unwrap()
});
/// How far before `số` the type word may start (bytes): a type word and a law's name of up to nine words.
const TYPE_WINDOW: usize = 160;
static MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*|\s+và\s+)(?:số\s+)(?P<sym>\d{1,5}(?:\s*[/\-–]\s*(?:\d{4}|[\p{Lu}Đ][\p{L}\d.&]*))+)").unwrap()
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,?\s*(?:được\s+)?(?:ban hành\s+|ký\s+)?(?:ngày|Ngày)\s*(?:(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))").unwrap()
});
static ISSUER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*,?\s*của\s+").unwrap());
/// Where an issuer ends: a verb or preposition opening the rest of the clause, or punctuation.
static ISSUER_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\s+(?:về|ban hành|quy định|hướng dẫn|phê duyệt|triển khai|thực hiện|sửa đổi|tại|đã|trên|nhằm|đối với|để|theo|có|số|ngày|giai đoạn|năm\s+\d)\b|[;:()\n“”\x22]|\.\s|\.$|,\s*(?:{TYPE_WORDS}|số|ngày|\p{{Ll}})|\s+và\s+(?:{TYPE_WORDS}|các)"
    ))
    .unwrap()
});

/// The type word that ends `window` (which ends in white space), possibly followed by a name of one to nine
/// words starting with a capital (`Luật Lưu trữ `): its offset, the word, and the name. The leftmost such
/// type word wins, and of words at one offset the first listed (`Nghị quyết liên tịch` before `Nghị quyết`).
fn type_before(window: &str) -> Option<(usize, &'static str, &str)> {
    if !window.ends_with(char::is_whitespace) {
        return None;
    }
    let mut best: Option<(usize, usize, &'static str)> = None;
    for (order, word) in TYPE_WORDS.split('|').enumerate() {
        for (at, _) in window.match_indices(word) {
            let rest = &window[at + word.len()..];
            let name = rest.trim();
            let fits = if name.is_empty() {
                true
            } else {
                let words: Vec<&str> = name.split_whitespace().collect();
                rest.starts_with(char::is_whitespace)
                    && words.len() <= 9
                    && words[0].starts_with(|c: char| c.is_uppercase())
                    && words.iter().all(|w| w.chars().all(char::is_alphabetic))
            };
            if fits && best.is_none_or(|(a, o, _)| (at, order) < (a, o)) {
                best = Some((at, order, word));
            }
        }
    }
    best.map(|(at, _, word)| (at, word, window[at + word.len()..].trim()))
}

fn fold_key(symbol: &str) -> String {
    symbol.split_whitespace().collect::<String>().replace('Ð', "Đ").replace('–', "-").to_uppercase()
}

fn date_at(rest: &str) -> (Option<Date>, usize) {
    match DATE.captures(rest) {
        Some(c) => {
            let (d, m, y) = if c.get(1).is_some() { (&c[1], &c[2], &c[3]) } else { (&c[4], &c[5], &c[6]) };
            let date = match (d.parse(), m.parse(), y.parse()) {
                (Ok(d), Ok(m), Ok(y)) => Date::new(y, m, d),
                _ => None,
            };
            (date, c.get(0).unwrap().end())
        }
        None => (None, 0),
    }
}

fn issuer_at(rest: &str) -> Option<String> {
    let c = ISSUER.find(rest)?;
    let tail = &rest[c.end()..];
    let end = ISSUER_END.find(tail).map_or(tail.len().min(120), |m| m.start());
    let s = tail[..end].split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_matches(|ch: char| ch == ',' || ch == '*' || ch.is_whitespace()).to_string();
    (!s.is_empty() && s.chars().count() < 120).then_some(s)
}

fn type_of(word: &str, symbol: &Symbol) -> Option<DocType> {
    let lower = word.to_lowercase();
    if lower == "văn bản" {
        return Some(symbol.type_code.as_deref().and_then(DocType::from_code).unwrap_or(DocType::CongVan));
    }
    DocType::from_word_prefix(word).map(|(t, _)| t)
}

/// Extract the references of `text` within `ranges` (byte ranges of the zones that cite: title, preamble,
/// body), skipping the document's own symbol.
pub fn extract(text: &str, ranges: &[Span], own_symbol: Option<&str>) -> Vec<Reference> {
    let own = own_symbol.map(fold_key);
    let mut refs: Vec<Reference> = Vec::new();
    let add = |refs: &mut Vec<Reference>, doc_type: Option<DocType>, sym: &str, date: Option<Date>, issuer: Option<String>, span: Span| {
        let raw: String = sym.split_whitespace().collect::<String>().trim_end_matches(['.', '-']).to_string();
        let key = fold_key(&raw);
        if own.as_deref() == Some(key.as_str()) {
            return;
        }
        if let Some(r) = refs.iter_mut().find(|r| r.key == key) {
            r.mentions.push(span);
            if r.date.is_none() {
                r.date = date;
            }
            if r.issuer.is_none() {
                r.issuer = issuer;
            }
            return;
        }
        refs.push(Reference { doc_type, symbol: Some(parse_symbol(&raw)), date, issuer, name: None, key, mentions: vec![span] });
    };
    for r in ranges {
        // hard line breaks and emphasis are layout: blank them out (same length, so offsets hold); a blank
        // line still ends a clause
        let bytes = text[r.start..r.end].as_bytes();
        let flat: Vec<u8> = bytes
            .iter()
            .enumerate()
            .map(|(i, &b)| match b {
                b'\n' | b'\r' if !(bytes.get(i + 1).is_some_and(|&n| n == b'\n' || n == b'\r') || i > 0 && bytes[i - 1] == b'\n') => b' ',
                b'*' | b'_' | b'|' => b' ',
                _ => b,
            })
            .collect();
        let zone_owned = String::from_utf8(flat).expect("ASCII substitutions keep UTF-8");
        let zone = zone_owned.as_str();
        let mut consumed = 0;
        for c in NUMBER.captures_iter(zone) {
            let at = c.get(0).unwrap().start();
            if at < consumed {
                continue;
            }
            let mut from = at.saturating_sub(TYPE_WINDOW);
            while !zone.is_char_boundary(from) {
                from += 1;
            }
            let Some((t_at, word, name)) = type_before(&zone[from..at]) else { continue };
            // a name between the type word and `số` only for laws (`Luật Lưu trữ số 33/2024/QH15`)
            if !name.is_empty() && !matches!(word, "Luật" | "Bộ luật" | "Pháp lệnh") {
                continue;
            }
            let sym_m = c.name("sym").unwrap();
            let sym = sym_m.as_str();
            let mut pos = sym_m.end();
            let start = from + t_at;
            let mut syms = vec![(sym.to_string(), Span::new(r.start + start, r.start + sym_m.end()))];
            // `số 19-NQ/TW, số 20-NQ/TW và số 21-NQ/TW`
            while let Some(m) = MORE.captures(&zone[pos..]) {
                let s = m.name("sym").unwrap();
                syms.push((s.as_str().to_string(), Span::new(r.start + pos + s.start(), r.start + pos + s.end())));
                pos += m.get(0).unwrap().end();
            }
            consumed = pos;
            let (date, used) = date_at(&zone[pos..]);
            let issuer = issuer_at(&zone[pos + used..]);
            let single = syms.len() == 1;
            for (s, span) in syms {
                let symbol = parse_symbol(&s);
                let t = type_of(word, &symbol);
                add(&mut refs, t, &s, if single { date } else { None }, issuer.clone(), span);
            }
        }
    }
    refs
}

#[cfg(test)]
mod tests {
    use super::*;
    fn refs(t: &str) -> Vec<(String, Option<String>, Option<String>)> {
        extract(t, &[Span::new(0, t.len())], None)
            .into_iter()
            .map(|r| (r.symbol.unwrap().raw, r.date.map(|d| d.iso()), r.issuer))
            .collect()
    }
    #[test]
    fn party_citation_with_comma_date_and_issuer() {
        // seed-kh-langson-2022.txt
        let t = "Thực hiện Kế hoạch số 58-KH/BTCTW, ngày 28/02/2022 của Ban Tổ chức Trung ương về thông tin";
        assert_eq!(refs(t), vec![("58-KH/BTCTW".into(), Some("2022-02-28".into()), Some("Ban Tổ chức Trung ương".into()))]);
    }
    #[test]
    fn broken_symbol_and_long_date() {
        // tnt_KH_141-KH-UBND_09daab28.md
        let t = "quán triệt Nghị quyết số 27/NQ- TW ngày 09/11/2022 của Ban Chấp hành\nTrung ương đảng khóa XIII về tiếp tục; Nghị quyết số 66-NQ/TW ngày 30\ntháng 4 năm 2025 của Bộ Chính trị về đổi mới";
        let r = refs(t);
        assert_eq!(r[0], ("27/NQ-TW".into(), Some("2022-11-09".into()), Some("Ban Chấp hành Trung ương đảng khóa XIII".into())));
        assert_eq!(r[1], ("66-NQ/TW".into(), Some("2025-04-30".into()), Some("Bộ Chính trị".into())));
    }
    #[test]
    fn a_list_cites_several_and_repeats_resolve_to_one() {
        let t = "các Nghị quyết số 19-NQ/TW, số 20-NQ/TW và số 21-NQ/TW của Hội nghị; thực hiện Nghị quyết số 20-NQ/TW.";
        let r = refs(t);
        assert_eq!(r.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), ["19-NQ/TW", "20-NQ/TW", "21-NQ/TW"]);
    }
    #[test]
    fn law_named_before_its_number() {
        // tnt_QD_383-QD-TW_056a116c.md
        let t = "- Căn cứ Luật Lưu trữ số 33/2024/QH15, ngày\n21/6/2024 của Quốc hội khoá XV;";
        assert_eq!(refs(t), vec![("33/2024/QH15".into(), Some("2024-06-21".into()), Some("Quốc hội khoá XV".into()))]);
    }
}
