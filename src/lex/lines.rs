//! Lines and paragraphs: the text cut into lines, lines classified, and hard-wrapped or page-broken lines
//! joined back into paragraphs.
use super::markers::{self, Marker};
use super::offsets::OffsetMap;
use super::text;

/// One line of the (normalized) text.
#[derive(Clone, Debug)]
pub struct Line {
    /// Start of the line.
    pub start: usize,
    /// End of its content (before the line break).
    pub end: usize,
    /// Start of the next line (after the line break).
    pub next: usize,
    pub kind: LineKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Nothing but white space.
    Blank,
    /// Layout only: a table bar `|`, a rule `-----`, an empty emphasis `** **`, a lone `*`.
    Layout,
    /// A markdown table row `| a | b |`.
    TableRow,
    Text,
}

pub fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(text.len() / 40 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(make_line(text, start, i, i + 1));
                i += 1;
                start = i;
            }
            b'\r' => {
                let next = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                lines.push(make_line(text, start, i, next));
                i = next;
                start = i;
            }
            0x0C => {
                // form feed: a page break
                lines.push(make_line(text, start, i, i + 1));
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < text.len() {
        lines.push(make_line(text, start, text.len(), text.len()));
    }
    lines
}

fn make_line(text: &str, start: usize, end: usize, next: usize) -> Line {
    Line { start, end, next, kind: classify(&text[start..end]) }
}

fn classify(s: &str) -> LineKind {
    let t = s.trim();
    if t.is_empty() {
        return LineKind::Blank;
    }
    if t.chars().all(|c| matches!(c, '|' | '*' | '-' | '–' | '—' | '_' | '=' | '#' | '~' | '.' | ':' | '+') || c.is_whitespace()) {
        return LineKind::Layout;
    }
    if t.starts_with('|') && t.len() > 1 && t[1..].contains('|') {
        return LineKind::TableRow;
    }
    LineKind::Text
}

/// A paragraph: consecutive lines of one sentence flow (or one table row).
#[derive(Clone, Debug)]
pub struct Para {
    /// Index of its first and last line in the line list.
    pub first: usize,
    pub last: usize,
    /// Byte range of its content: from its first line's start to its last line's end.
    pub start: usize,
    pub end: usize,
    /// The text without emphasis or table markup, lines joined by single spaces.
    pub clean: String,
    /// The way back from `clean` to the text.
    pub map: OffsetMap,
    pub marker: Option<Marker>,
    pub table_row: bool,
    /// Separated from the previous paragraph by a blank or layout line (not just a line break).
    pub gap_before: bool,
    /// A table cell boundary (`|`) lies between it and the previous paragraph.
    pub cell_before: bool,
    /// A table cell boundary (`|`) follows it.
    pub bar_after: bool,
    /// Cell boundaries on both sides: a table cell (of a portal page's table), never an outline item.
    pub in_table: bool,
}

impl Para {
    /// The text after the marker.
    pub fn body(&self) -> &str {
        match &self.marker {
            Some(m) => &self.clean[m.len..],
            None => &self.clean,
        }
    }
}

/// Detect the marker of a paragraph's cleaned text; a `*` bullet is taken from the raw text (emphasis
/// also uses `*`).
fn marker_of(raw_first_line: &str, clean: &str) -> Option<Marker> {
    let raw = raw_first_line.trim_start();
    if let Some(rest) = raw.strip_prefix("* ") {
        if !rest.contains('*') && rest.trim_start().starts_with(|c: char| c.is_uppercase()) {
            // in the cleaned text the `*` is gone: the marker is empty there
            return Some(Marker {
                style: crate::model::MarkerStyle::Bullet,
                punct: markers::Punct::Bullet('*'),
                label: "*".into(),
                ordinal: 0,
                len: 0,
                roman_or_letter: false,
            });
        }
    }
    markers::detect(clean)
}

/// Typical width of a hard-wrapped line (chars), or `usize::MAX` when the text is not hard-wrapped.
fn wrap_width(text: &str, lines: &[Line]) -> usize {
    let mut lens: Vec<usize> = lines
        .windows(2)
        .filter(|w| w[0].kind == LineKind::Text && w[1].kind == LineKind::Text)
        .map(|w| text[w[0].start..w[0].end].trim().chars().count())
        .collect();
    if lens.len() < 8 {
        return usize::MAX;
    }
    lens.sort_unstable();
    lens[lens.len() * 4 / 5]
}

fn ends_with_emphasis(raw: &str) -> bool {
    let t = raw.trim_end();
    t.ends_with('*') && !t.ends_with(" *")
}

/// Words that end a line in the middle of a phrase.
fn ends_open(clean_line: &str) -> bool {
    let last = text::last_meaningful(clean_line);
    matches!(last, Some(',' | '-' | '–' | '(' | '/' | '&'))
        || clean_line
            .rsplit(' ')
            .next()
            .is_some_and(|w| matches!(w, "và" | "của" | "các" | "với" | "về" | "cho" | "tại" | "theo" | "số" | "ngày" | "năm" | "tháng" | "trong" | "để" | "Điều" | "điều" | "khoản" | "Khoản" | "điểm" | "Điểm" | "Mục" | "mục" | "Phụ"))
}

/// Whether line `l` begins a new paragraph after line `p` with no blank line between.
fn breaks_between(p_raw: &str, p_clean: &str, p_marker_alone: bool, l_clean: &str, l_marker: Option<&Marker>, wrap: usize, p_is_first: bool) -> bool {
    // `**1.****` / `**Trên cơ sở ...`: a marker alone on its line goes with the text after it
    if p_marker_alone {
        return false;
    }
    let p_len = p_clean.chars().count();
    let short = wrap == usize::MAX || p_len * 100 < wrap * 80;
    if let Some(m) = l_marker {
        // `(Khoản 1, Điều` / `24)`: inside an open parenthesis
        if p_clean.matches('(').count() > p_clean.matches(')').count() {
            return false;
        }
        // `Trong giai đoạn 2026` / `- 2030 phấn đấu`: a range wrapped at the dash
        if m.style == crate::model::MarkerStyle::Bullet
            && l_clean[m.len..].starts_with(|c: char| c.is_ascii_digit())
            && p_clean.ends_with(|c: char| c.is_ascii_digit())
        {
            return false;
        }
        if text::ends_terminal(p_clean) || ends_with_emphasis(p_raw) {
            return true;
        }
        if ends_open(p_clean) {
            return false;
        }
        // A short line that is not the first of its paragraph ends it.
        return short && !p_is_first || wrap == usize::MAX;
    }
    if text::starts_lower(l_clean) {
        return false;
    }
    if text::ends_terminal(p_clean) && short {
        return true;
    }
    // a bold heading line closed by its emphasis, followed by ordinary text
    ends_with_emphasis(p_raw) && p_raw.trim_start().starts_with("**") && !ends_open(p_clean) && short
}

/// A line's cleaned text and its map back to the text.
fn cleaned(raw: &str, start: usize, bars: bool) -> (String, OffsetMap) {
    let mut clean = String::with_capacity(raw.len());
    let mut map = OffsetMap::default();
    text::clean_into(raw, start, bars, &mut clean, &mut map);
    map.finish(clean.len(), start + raw.len());
    (clean, map)
}

/// Append a line's (or paragraph's) cleaned text to a paragraph, a space between them standing for the line
/// break at `gap`.
fn join(p: &mut Para, clean: &str, map: &OffsetMap, gap: usize) {
    if !p.clean.is_empty() && !clean.is_empty() {
        p.map.copy_from(p.clean.len(), gap);
        p.clean.push(' ');
    }
    let at = p.clean.len();
    p.clean.push_str(clean);
    p.map.append(map, at);
}

/// Group lines into paragraphs.
pub fn paragraphs(text: &str, lines: &[Line]) -> Vec<Para> {
    let wrap = wrap_width(text, lines);
    let mut paras: Vec<Para> = Vec::new();
    let mut open = false;
    let mut gap = false;
    let mut cell = false;
    let mut prev_line: Option<usize> = None;
    // the previous text line, cleaned, and whether it is nothing but a marker (computed once per line)
    let mut prev_clean = String::new();
    let mut prev_marker_alone = false;
    for (i, line) in lines.iter().enumerate() {
        let raw = &text[line.start..line.end];
        match line.kind {
            LineKind::Blank => {
                open = false;
                gap = true;
                continue;
            }
            LineKind::Layout => {
                open = false;
                gap = true;
                if raw.contains('|') {
                    cell = true;
                    if let Some(p) = paras.last_mut() {
                        p.bar_after = true;
                    }
                }
                continue;
            }
            LineKind::TableRow => {
                let (clean, map) = cleaned(raw, line.start, true);
                paras.push(Para {
                    first: i,
                    last: i,
                    start: line.start,
                    end: line.end,
                    clean,
                    map,
                    marker: None,
                    table_row: true,
                    gap_before: gap,
                    cell_before: cell,
                    bar_after: false,
                    in_table: false,
                });
                open = false;
                gap = false;
                cell = false;
                prev_line = Some(i);
                continue;
            }
            LineKind::Text => {}
        }
        let (clean, map) = cleaned(raw, line.start, false);
        let marker = marker_of(raw, &clean);
        let was_open = open;
        let p_marker_alone = std::mem::replace(&mut prev_marker_alone, marker.as_ref().is_some_and(|m| m.len >= clean.len()));
        let p_clean = std::mem::replace(&mut prev_clean, clean.clone());
        if was_open {
            let p = paras.last_mut().unwrap();
            let pl = &lines[prev_line.unwrap()];
            let p_raw = &text[pl.start..pl.end];
            if !breaks_between(p_raw, &p_clean, p_marker_alone, &clean, marker.as_ref(), wrap, p.first == prev_line.unwrap()) {
                p.last = i;
                p.end = line.end;
                join(p, &clean, &map, pl.end);
                prev_line = Some(i);
                continue;
            }
        }
        paras.push(Para {
            first: i,
            last: i,
            start: line.start,
            end: line.end,
            clean,
            map,
            marker,
            table_row: false,
            gap_before: gap,
            cell_before: cell,
            bar_after: false,
            in_table: false,
        });
        open = true;
        gap = false;
        cell = false;
        prev_line = Some(i);
    }
    paras
}

/// Join paragraphs split by a page break: the earlier one does not end a sentence, the later one carries no
/// marker and starts in lower case (`vừa phòng, chống` / blank / `dịch COVID-19`), or with a number after a
/// phrase left open (`ngày 29 tháng` / blank / `4 năm 2025`).
pub fn rejoin_page_breaks(paras: &mut Vec<Para>) {
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    for p in paras.drain(..) {
        if let Some(prev) = out.last_mut() {
            let joinable = p.gap_before
                && !p.cell_before
                && !p.table_row
                && !prev.table_row
                && p.marker.is_none()
                && !text::ends_terminal(&prev.clean)
                && if p.clean.starts_with(|c: char| c.is_ascii_digit()) {
                    // `... ngày 29 tháng` / page break / `4 năm 2025`: a number goes on a phrase left open
                    ends_open(&prev.clean)
                } else {
                    text::starts_lower(&p.clean)
                };
            if joinable {
                let gap = prev.end;
                prev.last = p.last;
                prev.end = p.end;
                prev.bar_after = p.bar_after;
                join(prev, &p.clean, &p.map, gap);
                continue;
            }
        }
        out.push(p);
    }
    *paras = out;
    mark_table_cells(paras);
}

/// A paragraph between two cell boundaries (`|` lines) is a table cell.
fn mark_table_cells(paras: &mut [Para]) {
    for p in paras.iter_mut() {
        p.in_table = p.cell_before && p.bar_after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn paras(t: &str) -> Vec<String> {
        let lines = split_lines(t);
        let mut p = paragraphs(t, &lines);
        rejoin_page_breaks(&mut p);
        p.into_iter().map(|p| p.clean).collect()
    }
    #[test]
    fn page_break_inside_a_sentence_is_rejoined() {
        // seed-kh-langson-2022.txt, I/4
        let t = "4. Tích cực phát hiện, vừa phòng, chống\n\ndịch COVID-19, vừa phục hồi.\n\n5. Đổi mới";
        assert_eq!(paras(t), vec!["4. Tích cực phát hiện, vừa phòng, chống dịch COVID-19, vừa phục hồi.", "5. Đổi mới"]);
    }
    #[test]
    fn wrapped_range_is_not_a_bullet() {
        // tnt_KH_141-KH-UBND_09daab28.md, II/4
        let t = "**4. **Trong giai đoạn 2026\n- 2030 phấn đấu có ít nhất 10% đội ngũ.\n";
        assert_eq!(paras(t).len(), 1);
    }
    #[test]
    fn bold_heading_then_bullets_without_blank_lines() {
        // tnt_CV_4240-UBND-VX_a12a41bb.md
        let t = "**2. Giao Sở Nội vụ**\n- Tiếp tục phối hợp với Trung\ntâm Chuyển đổi số.\n- Hướng dẫn, theo dõi.\n";
        assert_eq!(paras(t), vec!["2. Giao Sở Nội vụ", "- Tiếp tục phối hợp với Trung tâm Chuyển đổi số.", "- Hướng dẫn, theo dõi."]);
    }
}
