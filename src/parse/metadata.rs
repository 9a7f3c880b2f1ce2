//! The document's own metadata: type, number and symbol, issuer, place and date (header), title, signature
//! and recipients (closing).
use super::flat;
use super::layout::{self, is_motto, Layout, Zone};
use crate::lex::symbol::parse_symbol;
use crate::model::{Date, DocType};
use crate::lex::lines::{Line, LineKind, Para};
use crate::model::{Metadata, SymbolForm};
use crate::lex::class::{word_ends_at, DIGIT, LETTER, SPACE};
use crate::lex::text;
#[cfg(test)]
use regex::Regex;
#[cfg(test)]
use std::sync::LazyLock;

/// `Số:` and a number inside a table cell: the spec of [`so_inside`] (compiling it cost ~0.6 M per process).
#[cfg(test)]
static SO_INSIDE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bSố\s*:?\s*\d").unwrap());

/// Where the first [`SO_INSIDE`] starts: a `Số` after no word character, then white space, a colon or not, white
/// space and a digit (the colon is taken only when a digit can follow; a digit never is one).
fn so_inside(c: &str) -> Option<usize> {
    c.match_indices("Số").map(|(i, _)| i).find(|&i| {
        let r = SPACE.skip(&c[i + "Số".len()..]);
        let r = r.strip_prefix(':').map_or(r, |r| SPACE.skip(r));
        !word_ends_at(c, i) && r.chars().next().is_some_and(|ch| DIGIT.contains(ch))
    })
}
/// The place and date line (`Hà Nội, ngày 05 tháng 3 năm 2024`, `Huế, ngày 5/3/2024`), as [`place_date`] reads it:
/// the pattern is its specification, and the tests' (compiled, its `\p{L}` and `\d` cost ~8 M in every process).
#[cfg(test)]
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)([\p{L}.][\p{L}. \-]*?)\s*,\s*(?i:ngày)\s*(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}))").unwrap()
});

/// A place and date line's parts: where the place is, the day, month and year as written, and where the year
/// ends.
#[derive(Debug, PartialEq)]
struct PlaceDate<'a> {
    place: std::ops::Range<usize>,
    day: &'a str,
    month: &'a str,
    year: &'a str,
    end: usize,
}

/// The first place and date in `s`, as `PLACE_DATE` matches it. The place starts at the text's start or after white
/// space, with a letter or `.`, and runs over letters, `.`, ` ` and `-`: the date must follow the first char
/// outside that run (`\s*,` after it), so every start inside one run meets the same comma and the same date,
/// and a run is read once whatever its starts (no square on a long run). The lazy place ends before the blanks
/// that lead to the comma.
fn place_date(s: &str) -> Option<PlaceDate<'_>> {
    let starts = std::iter::once(0).chain(s.char_indices().filter(|(_, c)| SPACE.contains(*c)).map(|(i, c)| i + c.len_utf8()));
    let mut decided = 0;
    for p in starts {
        let Some(first) = s[p..].chars().next().filter(|&c| p >= decided && (c == '.' || LETTER.contains(c))) else { continue };
        let body = p + first.len_utf8();
        let run = body + s[body..].find(|c: char| !(c == '.' || c == ' ' || c == '-' || LETTER.contains(c))).unwrap_or(s.len() - body);
        decided = run;
        let blank = SPACE.run_len(&s[run..]);
        if let Some((day, month, year, end)) = flat::date_after_comma(&s[run + blank..]) {
            let place = p..p + s[p..run].trim_end_matches(' ').len();
            return Some(PlaceDate { place, day, month, year, end: run + blank + end });
        }
    }
    None
}

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
                    match so_inside(&c) {
                        Some(at) if at > 0 => {
                            out.push((c[..at].trim().to_string(), cell));
                            out.push((c[at..].trim().to_string(), cell));
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
            let joined = format!("Số: {}", hl[i + 1].0);
            if let Some(sym) = flat::so_symbol(&joined) {
                m.symbol = Some(parse_symbol(joined[sym].trim().trim_end_matches(['.', ','])));
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
            if let Some(sym) = flat::so_symbol(&c) {
                let raw = c[sym].trim().trim_end_matches(['.', ',']).to_string();
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
                if let Some(pd) = place_date(cand) {
                    if let (Ok(d), Ok(mo), Ok(y)) = (pd.day.parse(), pd.month.parse(), pd.year.parse()) {
                        m.date = Date::new(y, mo, d);
                        let mut place = cand[pd.place.clone()].trim().to_string();
                        // `Thành phố Hồ Chí` / `Minh, ngày 28 ...`: a place wrapped in its cell
                        if i > 0 && pd.place.start <= 1 {
                            let (pc, praw) = (&hl[i - 1].0, hl[i - 1].1);
                            let (_, craw, cut) = &hl[i];
                            let adjacent = !cut && (craw.as_ptr() as usize).saturating_sub(praw.as_ptr() as usize + praw.len()) <= 2;
                            if adjacent && !is_motto(pc) && !pc.starts_with("Số") && !pc.contains("ngày") && !text::ends_terminal(pc) && text::upper_ratio(pc) < 0.8 {
                                place = format!("{pc} {place}");
                            }
                        }
                        m.place = (!place.is_empty()).then_some(place);
                        issuer_done |= !issuer.is_empty();
                        if cand == &joined && pd.end > c.len() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_in_a_cell_is_found_where_the_pattern_finds_it() {
        let pieces = ["Số", "số", "S", "ố", " ", "\u{A0}", ":", "1", "١", "a", "_", "-"];
        let mut cases: Vec<String> = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = cases.iter().flat_map(|w| pieces.iter().map(move |c| format!("{w}{c}"))).collect();
            cases.extend(longer);
        }
        cases.push("UBND TỈNH Số: 45/KH-UBND".into());
        for c in &cases {
            assert_eq!(so_inside(c), SO_INSIDE.find(c).map(|m| m.start()), "{c:?}");
        }
        // the cue thousands of times with no number: each looks a bounded way ahead but for white space
        assert_eq!(so_inside(&"Số: ".repeat(50_000)), None);
    }

    /// What `PLACE_DATE` captures in `s`, in [`PlaceDate`]'s terms.
    fn by_pattern(s: &str) -> Option<PlaceDate<'_>> {
        let cap = PLACE_DATE.captures(s)?;
        let (day, month, year) = match cap.get(3) {
            Some(mo) => (cap.get(2)?.as_str(), mo.as_str(), cap.get(4)?.as_str()),
            None => (cap.get(2)?.as_str(), cap.get(5)?.as_str(), cap.get(6)?.as_str()),
        };
        Some(PlaceDate { place: cap.get(1)?.range(), day, month, year, end: cap.get(0)?.end() })
    }

    #[test]
    fn place_and_date_are_read_as_the_pattern_matches_them() {
        for s in [
            "Hà Nội, ngày 05 tháng 3 năm 2024",
            "TP. Hồ Chí Minh, ngày 5/3/2024",
            "Huế , Ngày 5 - 03 - 2024 (kèm)",
            "  Đà Nẵng,ngày 15 tháng 12 năm 20245",
            "Số: 12/QĐ-UBND Hà Nội, NGÀY 1.2.2024",
            "Cà Mau,  ngày  7  tháng  8  năm  2023, Cà Mau, ngày 9 tháng 9 năm 2023",
            "Hà Nội, ngày 123 tháng 3 năm 2024 Huế, ngày 1 tháng 2 năm 2024",
            "Hà Nội, ngày 12 tháng 3 năm 202",
            "Hà Nội, ngày 12 tháng 3 nam 2024",
            "Hà Nội, ngày 12 Tháng 3 năm 2024",
            "Hà Nội\t, ngày 1/2/2024",
            "Hà\u{a0}Nội, ngày 1/2/2024",
            "Hà-Nội -, ngày 1/2/2024",
            "-Hà Nội, ngày 1/2/2024",
            ".Hà Nội, ngày 1/2/2024",
            "x,y Hà Nội, ngày 1/2/2024",
            "Hà Nội, ngày ٠١ tháng ٠٢ năm ٢٠٢٤",
            "Hà Nội, ngày 1 tháng 2 năm 2024 và Huế, ngày 3/4/2025",
            "Hà Nội, ngày 1, Huế, ngày 3/4/2025",
            "Hà Nội 2, ngày 1/2/2024",
            "Hà Nội, ngàY 1/2/2024",
            "ngày 1/2/2024",
            ", ngày 1/2/2024",
            "Hà Nội,",
            "",
        ] {
            assert_eq!(place_date(s), by_pattern(s), "{s:?}");
        }
    }

    #[test]
    fn place_and_date_are_read_as_the_pattern_reads_every_corpus_line() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus/docs");
        let mut dated = 0;
        for f in std::fs::read_dir(dir).unwrap() {
            let text = String::from_utf8_lossy(&std::fs::read(f.unwrap().path()).unwrap()).into_owned();
            for line in text.lines() {
                let c = text::clean(line);
                assert_eq!(place_date(&c), by_pattern(&c), "{c:?}");
                dated += usize::from(place_date(&c).is_some());
            }
        }
        assert!(dated > 50, "{dated}");
    }

    #[test]
    fn a_long_place_without_its_date_is_read_once() {
        // every word of a run is a start the pattern tries: read once per run, these stay linear
        for s in ["Hà Nội ".repeat(40_000), format!("{}, ngày 1", "a-b.c ".repeat(40_000)), ", ".repeat(100_000), "\t".repeat(200_000)] {
            assert_eq!(place_date(&s), None);
        }
    }
}
