//! The document's own metadata: type, number and symbol, issuer, place and date (header), title, signature
//! and recipients (closing).
use super::layout::{self, is_motto, Layout, Zone};
use crate::lex::symbol::parse_symbol;
use crate::model::{Date, DocType};
use crate::lex::lines::{Line, LineKind, Para};
use crate::model::{Metadata, SymbolForm};
use crate::lex::text;
use regex::Regex;
use std::sync::LazyLock;

static SO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định)\s+)?(?i:số)\s*:?\s*(\d{0,5}\s*[/\-–]\s*[\p{L}\d.&]+(?:\s*[/\-–.]\s*[\p{L}\d.&]+)*)").unwrap()
});
static SO_INSIDE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bSố\s*:?\s*\d").unwrap());
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)([\p{L}.][\p{L}. \-]*?)\s*,\s*(?i:ngày)\s*(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}))").unwrap()
});
/// A line's cleaned text, by index.
fn line_clean(t: &str, l: &Line) -> String {
    text::clean(&t[l.start..l.end])
}

/// Lines of the paragraphs in a zone, cleaned, in order, with the raw text.
fn zone_lines<'a>(t: &'a str, lines: &[Line], paras: &[Para], layout: &Layout, zone: Zone) -> Vec<(String, &'a str)> {
    let mut out = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        if layout.zones[i] != zone {
            continue;
        }
        for l in &lines[p.first..=p.last] {
            let raw = &t[l.start..l.end];
            if l.kind == LineKind::Text && !(zone == Zone::Header && raw.contains('|')) {
                let c = line_clean(t, l);
                if !c.is_empty() {
                    out.push((c, raw));
                }
            } else if l.kind == LineKind::TableRow || l.kind == LineKind::Text {
                // a header squeezed into one table row: its cells, and `Số:` apart from the body before it
                for cell in raw.split('|') {
                    let c = text::clean(cell);
                    match SO_INSIDE.find(&c) {
                        Some(m) if m.start() > 0 => {
                            out.push((c[..m.start()].trim().to_string(), cell));
                            out.push((c[m.start()..].trim().to_string(), cell));
                        }
                        _ if !c.is_empty() => out.push((c, cell)),
                        _ => {}
                    }
                }
            }
        }
    }
    out
}

pub fn extract(t: &str, lines: &[Line], paras: &[Para], layout: &Layout) -> Metadata {
    let mut m = Metadata { doc_type: layout.doc_type.clone(), title: layout.title.clone(), ..Default::default() };
    header(&mut m, t, lines, paras, layout);
    closing(&mut m, t, lines, paras, layout);
    if m.doc_type.is_none() {
        m.doc_type = m.symbol.as_ref().and_then(|s| match &s.type_code {
            Some(c) => DocType::from_code(c),
            None if s.form == Some(SymbolForm::State) => Some(DocType::CongVan),
            None => None,
        });
    }
    m
}

fn header(m: &mut Metadata, t: &str, lines: &[Line], paras: &[Para], layout: &Layout) {
    let hl = zone_lines(t, lines, paras, layout, Zone::Header);
    let mut issuer: Vec<String> = Vec::new();
    let mut issuer_done = false;
    let mut prev_motto = false;
    let mut i = 0;
    while i < hl.len() {
        let c = hl[i].0.clone();
        let motto = is_motto(&c) || prev_motto && c == "VIỆT NAM";
        prev_motto = motto && (c.ends_with("CỘNG SẢN") || c.ends_with("XÃ HỘI"));
        if m.symbol.is_none() && (c == "Số:" || c == "Số") && i + 1 < hl.len() {
            // `Số:` / `7360/KH-UBND` in two cells
            if let Some(cap) = SO.captures(&format!("Số: {}", hl[i + 1].0)) {
                m.symbol = Some(parse_symbol(cap[1].trim().trim_end_matches(['.', ','])));
                issuer_done |= !issuer.is_empty();
                i += 2;
                continue;
            }
        }
        if m.title.is_none() && (c.starts_with("V/v") || c.starts_with("Về việc")) {
            // a công văn's summary (`V/v ...`) is its title; it may wrap over the next lines of its cell
            let mut title = c.trim_start_matches("V/v").trim_start_matches("Về việc").trim_start_matches([':', ' ']).trim().to_string();
            while i + 1 < hl.len() && hl[i + 1].1.as_ptr() > hl[i].1.as_ptr() && text::starts_lower(&hl[i + 1].0) {
                i += 1;
                title.push(' ');
                title.push_str(&hl[i].0);
            }
            m.title = Some(title);
            if m.doc_type.is_none() {
                m.doc_type = Some(DocType::CongVan);
            }
            i += 1;
            continue;
        }
        if m.symbol.is_none() {
            if let Some(cap) = SO.captures(&c) {
                let raw = cap[1].trim().trim_end_matches(['.', ',']).to_string();
                m.symbol = Some(parse_symbol(&raw));
                issuer_done |= !issuer.is_empty();
                i += 1;
                continue;
            }
        }
        if m.date.is_none() && c.contains("ngày") {
            // a date may wrap over two lines of its cell
            let joined = if i + 1 < hl.len() { format!("{} {}", c, hl[i + 1].0) } else { c.clone() };
            for cand in [&c, &joined] {
                if let Some(cap) = PLACE_DATE.captures(cand) {
                    let (d, mo, y) = match cap.get(3) {
                        Some(mo) => (&cap[2], mo.as_str(), &cap[4]),
                        None => (&cap[2], &cap[5], &cap[6]),
                    };
                    if let (Ok(d), Ok(mo), Ok(y)) = (d.parse(), mo.parse(), y.parse()) {
                        m.date = Date::new(y, mo, d);
                        let mut place = cap[1].trim().to_string();
                        // `Thành phố Hồ Chí` / `Minh, ngày 28 ...`: a place wrapped in its cell
                        if i > 0 && cap.get(1).unwrap().start() <= 1 {
                            let (pc, praw) = (&hl[i - 1].0, hl[i - 1].1);
                            let (_, craw) = &hl[i];
                            let adjacent = (craw.as_ptr() as usize).saturating_sub(praw.as_ptr() as usize + praw.len()) <= 2;
                            if adjacent && !is_motto(pc) && !pc.starts_with("Số") && !pc.contains("ngày") && !text::ends_terminal(pc) && text::upper_ratio(pc) < 0.8 {
                                place = format!("{pc} {place}");
                            }
                        }
                        m.place = (!place.is_empty()).then_some(place);
                        issuer_done |= !issuer.is_empty();
                        if cand == &joined && cap.get(0).unwrap().end() > c.len() {
                            i += 1;
                        }
                        break;
                    }
                }
            }
            if m.date.is_some() {
                i += 1;
                continue;
            }
        }
        if motto {
            issuer_done |= !issuer.is_empty();
        } else if !issuer_done && text::upper_ratio(&c) > 0.8 && !c.starts_with("V/V") && !c.starts_with("SỐ") {
            issuer.push(c.trim_matches(|ch: char| !ch.is_alphanumeric()).to_string());
        }
        i += 1;
    }
    issuer.retain(|s| !s.is_empty());
    if !issuer.is_empty() {
        m.issuer = Some(issuer.join(" "));
    }
}

/// Words that open a signer's title: a line starting with one is never the wrapped end of an authority line.
const TITLE_WORDS: &[&str] = &[
    "CHỦ TỊCH", "PHÓ", "BÍ THƯ", "GIÁM ĐỐC", "TRƯỞNG", "BỘ TRƯỞNG", "THỦ TƯỚNG", "CHÁNH", "TỔNG", "CỤC TRƯỞNG",
    "VIỆN TRƯỞNG", "HIỆU TRƯỞNG", "THỨ TRƯỞNG", "ỦY VIÊN", "UỶ VIÊN", "KT.", "TM.", "TL.", "K/T", "T/M", "T/L", "Q.",
    "CHỦ NHIỆM", "TUQ.",
];

fn closing(m: &mut Metadata, t: &str, lines: &[Line], paras: &[Para], layout: &Layout) {
    let cl = zone_lines(t, lines, paras, layout, Zone::Closing);
    // --- recipients
    let mut in_list = false;
    let mut items: Vec<String> = Vec::new();
    let mut list_done = false;
    for (c, _raw) in &cl {
        if layout::is_recipients_head(c) {
            in_list = !list_done;
            let rest = c.splitn(2, ':').nth(1).unwrap_or("").trim();
            if !rest.is_empty() && c.contains(':') {
                items.push(rest.to_string());
            }
            continue;
        }
        if !in_list {
            continue;
        }
        if layout::is_authority(c) || layout::looks_like_name(c) && !c.starts_with(['-', '+', '•']) && items.last().is_some_and(|l| l.starts_with("Lưu")) {
            in_list = false;
            list_done = true;
            continue;
        }
        let bullet = c.starts_with(['-', '+', '•', '–']);
        let body = c.trim_start_matches(['-', '+', '•', '–']).trim();
        if body.is_empty() {
            continue;
        }
        if bullet || items.is_empty() || items.last().is_some_and(|l| text::ends_terminal(l) && !l.ends_with(',')) {
            if items.last().is_some_and(|l| l.starts_with("Lưu")) && !bullet {
                in_list = false;
                list_done = true;
                continue;
            }
            items.push(body.to_string());
        } else {
            let last = items.last_mut().unwrap();
            last.push(' ');
            last.push_str(body);
        }
    }
    m.recipients = items
        .into_iter()
        .map(|s| {
            let s = s.trim().trim_end_matches("./.");
            s.trim_end_matches([',', ';', '.', ' ']).trim().to_string()
        })
        .filter(|s| !s.is_empty())
        .collect();

    // --- signature
    let sig: Vec<&(String, &str)> = {
        // the signature block: lines outside the recipients list
        let mut v = Vec::new();
        let mut in_list = false;
        for l in &cl {
            if layout::is_recipients_head(&l.0) {
                in_list = true;
                continue;
            }
            if layout::is_authority(&l.0) {
                in_list = false;
            }
            if in_list {
                let starts_item = l.0.starts_with(['-', '+', '•', '–']);
                if starts_item || !text::is_upper(&l.0) {
                    continue;
                }
                in_list = false;
            }
            v.push(l);
        }
        v
    };
    let mut auth: Vec<String> = Vec::new();
    let mut k = 0;
    while k < sig.len() {
        let (c, raw) = sig[k];
        if layout::is_authority(c) {
            let mut line = c.clone();
            // `**TM. ỦY BAN NHÂN` / `DÂN**`: an authority wrapped inside its emphasis
            let open_bold = raw.trim_start().starts_with("**") && !raw.trim_end().ends_with("**");
            if open_bold && k + 1 < sig.len() {
                let next = &sig[k + 1].0;
                if text::is_upper(next) && !TITLE_WORDS.iter().any(|w| next.starts_with(w)) && next.split_whitespace().count() <= 2 {
                    line.push(' ');
                    line.push_str(next);
                    k += 1;
                }
            }
            auth.push(line);
            k += 1;
            continue;
        }
        if !auth.is_empty() {
            break;
        }
        k += 1;
    }
    if !auth.is_empty() {
        m.signing_authority = Some(auth.join(" / "));
    }
    // title and name after the authority lines (or, with none, at the end of the closing)
    let rest: Vec<&String> = if auth.is_empty() {
        sig.iter().map(|l| &l.0).collect()
    } else {
        sig[k..].iter().map(|l| &l.0).collect()
    };
    let is_note = |s: &str| s.starts_with('(') || s.starts_with("Đã ký") || s.to_lowercase().contains("đã ký");
    let name_at = rest.iter().position(|s| layout::looks_like_name(s) || is_upper_name(s) && !auth.is_empty() && rest.iter().take_while(|x| *x != s).any(|x| text::is_upper(x)));
    if let Some(ni) = name_at {
        m.signer = Some(rest[ni].to_string());
        let titles: Vec<&str> = rest[..ni]
            .iter()
            .filter(|s| !is_note(s) && text::upper_ratio(s) > 0.8 && !layout::is_authority(s) && !layout::is_recipients_head(s))
            .map(|s| s.as_str())
            .collect();
        if auth.is_empty() {
            m.signer_title = titles.last().map(|s| s.to_string());
        } else if !titles.is_empty() {
            m.signer_title = Some(titles.join(" "));
        }
    } else if !auth.is_empty() {
        m.signer_title = rest.iter().find(|s| text::upper_ratio(s) > 0.8 && !is_note(s)).map(|s| s.to_string());
    }
}

/// A name printed in capitals (`NGUYỄN VĂN A`): 2–5 words, letters only, a Vietnamese surname first.
fn is_upper_name(s: &str) -> bool {
    const SURNAMES: &[&str] = &[
        "NGUYỄN", "TRẦN", "LÊ", "PHẠM", "HOÀNG", "HUỲNH", "PHAN", "VŨ", "VÕ", "ĐẶNG", "BÙI", "ĐỖ", "HỒ", "NGÔ", "DƯƠNG",
        "LÝ", "ĐINH", "ĐÀO", "LƯƠNG", "TRỊNH", "MAI", "TRƯƠNG", "LÂM", "HÀ", "TÔ", "TẠ", "VƯƠNG", "CAO", "LƯU", "LA",
        "LAN", "THÁI", "QUÁCH", "TRIỆU", "NÔNG", "ÔNG", "CHU", "KIỀU", "DOÃN", "TỐNG", "LỤC", "MẠC", "PHÙNG", "VI",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len()) && text::is_upper(s) && SURNAMES.contains(&words[0]) && words.iter().all(|w| w.chars().all(char::is_alphabetic))
}
