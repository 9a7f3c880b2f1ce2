//! The document's own metadata: type, number and symbol, issuer, place and date (header), title, signature
//! and recipients (closing).
use super::flat::{self, SO};
use super::layout::{self, is_motto, Layout, Zone};
use crate::lex::symbol::parse_symbol;
use crate::model::{Date, DocType};
use crate::lex::lines::{Line, LineKind, Para};
use crate::model::{Metadata, SymbolForm};
use crate::lex::text;
use regex::Regex;
use std::sync::LazyLock;

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
        // a paragraph whole: its lines wrapped inside a cell (`**ĐẢNG` / `CỘNG SẢN VIỆT NAM**`, `*Nơi` / `nhận:*`)
        // read as one
        let raw = &t[p.start..p.end];
        if !p.table_row && !raw.contains('|') {
            if !p.clean.is_empty() {
                out.push((p.clean.clone(), raw));
            }
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
    // `Số:     /HD-MTTQ-BTT`: a form waiting for its number. The document has no number yet, so no symbol
    // (its type was read from it above); the index must not key unrelated documents by the bare form.
    if m.symbol.as_ref().is_some_and(|s| !has_number(&s.raw)) {
        m.symbol = None;
    }
    m
}

/// Whether a symbol as printed holds a number before its first slash (`45/KH-UBND`, `58-KH/BTCTW`, and the
/// misprinted `308KH-UBND`), not just the form (`/KH-UBND`).
fn has_number(raw: &str) -> bool {
    raw.split('/').next().is_some_and(|head| head.chars().any(|c| c.is_ascii_digit()))
}

fn header(m: &mut Metadata, t: &str, lines: &[Line], paras: &[Para], layout: &Layout) {
    // each line cut into its parts: a header flattened onto one line reads as one part per line
    // (with whether it is a part of its line after the first: such a part was never wrapped from the one before)
    let hl: Vec<(String, &str, bool)> = zone_lines(t, lines, paras, layout, Zone::Header)
        .into_iter()
        .flat_map(|(c, raw)| flat::header_parts(&c).into_iter().enumerate().map(move |(k, part)| (part, raw, k > 0)))
        .collect();
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
        // `Đồng Tháp,` / `ngày 01 tháng 12 năm 2025`: a date wrapped after its place
        let date_next = c.ends_with(',') && hl.get(i + 1).is_some_and(|n| n.0.to_lowercase().starts_with("ngày"));
        if m.date.is_none() && (c.contains("ngày") || date_next) {
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
                            let (_, craw, cut) = &hl[i];
                            let adjacent = !cut && (craw.as_ptr() as usize).saturating_sub(praw.as_ptr() as usize + praw.len()) <= 2;
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
        if layout::is_authority(c)
            || is_signature_line(c)
            || layout::looks_like_name(c) && !c.starts_with(['-', '+', '•']) && items.last().is_some_and(|l| l.starts_with("Lưu"))
        {
            in_list = false;
            list_done = true;
            continue;
        }
        let bullet = c.starts_with(['-', '+', '•', '–']);
        let body = c.trim_start_matches(['-', '+', '•', '–']).trim();
        if body.is_empty() {
            continue;
        }
        // the filing note (`Lưu: VT, ...`) is the last recipient: what follows it without a bullet is not one
        if !bullet && items.last().is_some_and(|l| l.starts_with("Lưu")) {
            in_list = false;
            list_done = true;
            continue;
        }
        if bullet || items.is_empty() || items.last().is_some_and(|l| text::ends_terminal(l) && !l.ends_with(',')) {
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
                if starts_item || !(text::is_upper(&l.0) || is_signature_line(&l.0)) {
                    continue;
                }
                in_list = false;
            }
            v.push(l);
        }
        v
    };
    let lines: Vec<&str> = sig.iter().map(|l| l.0.as_str()).collect();
    let parts = flat::signature(&lines);
    if !parts.authorities.is_empty() {
        m.signing_authority = Some(parts.authorities.join(" / "));
    }
    m.signer_title = parts.title;
    m.signer = parts.signer;
}

/// A signature flattened onto one line (`CHỦ TỊCH Phùng Thị Hồng Hà`): a title in capitals, then a name.
fn is_signature_line(c: &str) -> bool {
    !c.starts_with(['-', '+', '•', '–']) && {
        let s = flat::signature(&[c]);
        s.signer.is_some() && (s.title.is_some() || !s.authorities.is_empty())
    }
}
