//! Lines and paragraphs: the text cut into lines, lines classified, and hard-wrapped or page-broken lines
//! joined back into paragraphs.
use super::heads;
use super::lexicon::{Lexicon, Tag};
use super::markers::{self, Marker};
use super::offsets::OffsetMap;
use super::text;
use std::cell::OnceCell;

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
    // the three breaks found by memchr, many bytes at a time; a `\n` right after a `\r` is the same break
    for i in memchr::memchr3_iter(b'\n', b'\r', 0x0C, bytes) {
        if i < start {
            continue;
        }
        let next = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
        // (a form feed is a page break)
        lines.push(make_line(text, start, i, next));
        start = next;
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

/// The last number seen of each numbering (style, punctuation, and for `1.2.` its parent `1`), to tell the next
/// item of a list from a number that a line happens to start with.
#[derive(Default)]
struct Numbering {
    last: std::collections::HashMap<(crate::model::MarkerStyle, markers::Punct, String), u32>,
}

impl Numbering {
    fn key(m: &Marker) -> (crate::model::MarkerStyle, markers::Punct, String) {
        let parent = m.label.rsplit_once('.').map_or(String::new(), |(p, _)| p.to_string());
        (m.style, m.punct, parent)
    }
    fn saw(&mut self, m: &Marker) {
        if m.ordinal > 0 {
            self.last.insert(Self::key(m), m.ordinal);
        }
    }
    /// Whether `m` is the number after the last one seen of its numbering.
    fn continues(&self, m: &Marker) -> bool {
        m.ordinal > 1 && self.last.get(&Self::key(m)) == Some(&(m.ordinal - 1))
    }
}

/// A text line, cleaned once, with its marker.
struct TextLine {
    clean: String,
    /// The way back from `clean` to the text (taken by the paragraph the line goes to).
    map: OffsetMap,
    marker: Option<Marker>,
    /// Nothing but a marker (`**1.**`, `2.2.`): the text follows on the next line.
    marker_alone: bool,
    /// [`is_caps`] and [`ends_open`] of `clean`, found when first asked: the rules ask them of a line as the
    /// lower line of one pair and again as the upper of the next, often several times each.
    caps: OnceCell<bool>,
    open: OnceCell<bool>,
}

impl TextLine {
    fn new(raw: &str, start: usize) -> TextLine {
        let (clean, map) = cleaned(raw, start, false);
        let marker = marker_of(raw, &clean);
        let marker_alone = marker.as_ref().is_some_and(|m| m.len >= clean.len());
        TextLine { clean, map, marker, marker_alone, caps: OnceCell::new(), open: OnceCell::new() }
    }
    fn is_caps(&self) -> bool {
        *self.caps.get_or_init(|| is_caps(&self.clean))
    }
    fn ends_open(&self) -> bool {
        *self.open.get_or_init(|| ends_open(&self.clean))
    }
    /// Starts in lower case without a marker: plainly the rest of the sentence above.
    fn continues(&self) -> bool {
        self.marker.is_none() && text::starts_lower(&self.clean)
    }
}

/// How a document's lines were broken, measured on the document itself: hard-wrapped (a portal's pages,
/// plain-text exports), or one paragraph per line (text copied out of Word, the published codes). A text line
/// that runs on in lower case on the next line was wrapped: when such lines are common, the text is
/// hard-wrapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wrap {
    /// Each line break ends a paragraph unless the next line plainly continues the sentence.
    None,
    /// Hard-wrapped: a line whose length plus a space plus the next line's first word stays under `fit`
    /// characters was ended on purpose (the next word would have fit). With `ragged_first`, the first line of a
    /// paragraph is often cut short (a portal's hanging indent), so its length says nothing.
    Fit { fit: usize, ragged_first: bool, even: bool },
}

/// Share of adjacent text lines, in per cent, that must run on in lower case for a text to count as
/// hard-wrapped (one-paragraph-per-line texts stay under 10%, wrapped ones are over 15%).
const WRAPPED_SHARE: usize = 12;

fn measure_wrap(info: &[Option<TextLine>]) -> Wrap {
    let mut pairs = 0;
    let mut wrapped = 0;
    // wrap points inside a paragraph (the line itself runs on from the one above): the line's length plus
    // the word that did not fit; a paragraph's first line may be short and is measured apart
    let mut fits: Vec<usize> = Vec::new();
    let mut first_fits: Vec<usize> = Vec::new();
    let chars = |t: &TextLine| t.clean.chars().count();
    for i in 1..info.len() {
        let (Some(p), Some(l)) = (&info[i - 1], &info[i]) else { continue };
        if p.clean.is_empty() || l.clean.is_empty() {
            continue;
        }
        pairs += 1;
        if l.continues() {
            wrapped += 1;
            let fit = chars(p) + 1 + first_word_len(&l.clean);
            if p.continues() {
                fits.push(fit);
            } else if p.marker.is_some() {
                first_fits.push(fit);
            }
        }
    }
    // (a snippet of a few lines: one that runs on is enough when it is a good share of them)
    if wrapped == 0 || wrapped * 100 < pairs * if wrapped == 1 { 3 * WRAPPED_SHARE } else { WRAPPED_SHARE } {
        return Wrap::None;
    }
    // the lowest decile of the wrap points: a greedy wrap at width W gives W + 1 exactly; a portal's ragged
    // wrap a little less than its usual width
    // too few wrap points to measure (a snippet, a text of blank-separated paragraphs): every line counts as
    // ended early, so the punctuation and the markers decide
    if fits.len() < 5 {
        return Wrap::Fit { fit: usize::MAX / 2, ragged_first: false, even: false };
    }
    fits.sort_unstable();
    let fit = fits[fits.len() / 10];
    // first lines wrapped well before the others: most of them would have had room for the next word (too few
    // to tell: as if they were)
    let short_firsts = first_fits.iter().filter(|&&f| f < fit).count();
    let ragged_first = first_fits.len() < 3 || short_firsts * 2 > first_fits.len();
    Wrap::Fit { fit, ragged_first, even: !ragged_first }
}

fn first_word_len(clean: &str) -> usize {
    clean.split(' ').next().map_or(0, |w| w.chars().count())
}

fn ends_with_emphasis(raw: &str) -> bool {
    let t = raw.trim_end();
    t.ends_with('*') && !t.ends_with(" *")
}

/// A line ended in the middle of a phrase: on a joining mark, or on a word the lexicon tags `open_end`.
fn ends_open(clean_line: &str) -> bool {
    ends_open_mark(clean_line) || last_word_entry(clean_line).is_some_and(|e| e.has(Tag::OpenEnd))
}

/// Whether line `p` holds its sentence open before line `l`: as [`ends_open`], except that a word waiting for a
/// number or label (`số`, `năm`, `Điều`) holds nothing open before a line that opens with another word.
fn holds_open(p: &str, l: &str) -> bool {
    ends_open_mark(p) || last_word_entry(p).is_some_and(|e| e.has(Tag::OpenEnd) && !(e.has(Tag::AwaitsNumber) && opens_with_word(l)))
}

/// A line ending on a mark that cannot end a sentence (`,`, `-`, `(`, `/`, `&`).
fn ends_open_mark(clean_line: &str) -> bool {
    matches!(text::last_meaningful(clean_line), Some(',' | '-' | '–' | '(' | '/' | '&'))
}

/// The lexicon's entry of a line's last word (in capitals too: a title wrapped after `SỐ` or `CỦA`).
fn last_word_entry(clean_line: &str) -> Option<&'static super::lexicon::Entry> {
    clean_line.rsplit(' ').next().and_then(|w| Lexicon::global().get(w))
}

/// Whether a line opens with a word rather than a number or a label (`2025`, `XV`, `a)`, `I.`).
fn opens_with_word(clean_line: &str) -> bool {
    let first: &str = clean_line.trim_start_matches(['*', '_', ' ']).split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let roman = first.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'));
    first.chars().count() > 1 && !first.starts_with(|c: char| c.is_ascii_digit()) && !roman
}

/// Capitals (`I. MỤC ĐÍCH, YÊU CẦU`, a title's last line, a signer's title, `THỦ` of a heading cut by its
/// emphasis).
fn is_caps(clean: &str) -> bool {
    text::mostly_upper(clean, 2)
}

/// A second enclosed number or letter further on a line (`... ; (2) Bộ ...`, `... ; (ii) Định danh ...`).
static INLINE_ENUMERATION: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"[;,.:]\s*\**\((?:\d{1,2}|[ivx]{1,4}|[a-zđ])\)").unwrap());

/// A word that opens a legal heading and wants its number (`Điều`, `Chương`, `Mục`, `Phần`).
fn is_legal_word(clean: &str) -> bool {
    Lexicon::global().is(clean, Tag::LegalWord)
}

/// Ordinary text: letters, mostly lower case.
fn is_mixed_case(clean: &str) -> bool {
    clean.chars().any(char::is_lowercase) && text::upper_ratio(clean) < 0.5
}

/// Two adjacent text lines, and what is known around them.
#[derive(Clone, Copy)]
struct Pair<'a> {
    /// The paragraph the upper line ends so far, and its text.
    para: &'a Para,
    para_raw: &'a str,
    /// The upper line, its text, and whether it is its paragraph's first.
    p: &'a TextLine,
    p_raw: &'a str,
    p_is_first: bool,
    /// The lower line and its text.
    l: &'a TextLine,
    l_raw: &'a str,
    /// The lower line's marker comes next in a numbering seen before (`1.1.` ... then `1.2.`).
    in_sequence: bool,
}

/// Whether text line `l` begins a new paragraph after text line `p` (no blank line between), judged as a
/// reader would: a marker at the line start, sentence-final punctuation, a line ended before the document's
/// wrap width (the next word would have fit), a heading in capitals above ordinary text.
fn breaks_between(pair: &Pair, wrap: Wrap) -> bool {
    let Pair { para, para_raw, p, p_raw, p_is_first, l, l_raw, in_sequence } = *pair;
    let (pc, lc) = (&p.clean, &l.clean);
    // `... quy định:` / `“Điều 50. ...`, `... như sau:` / `“a) Căn cứ ...`: a quotation opened at the start of a
    // line after a colon (in lower case too: what it quotes may be a point)
    if !p.marker_alone && pc.ends_with(':') && lc.starts_with(['“', '"']) {
        return true;
    }
    // `**1.****` / `**Trên cơ sở ...`, `2.2.` / its text: a marker alone on its line goes with the text after it
    if p.marker_alone || l.continues() {
        return false;
    }
    // `... nhiệm kỳ 2026-2031./.` ends the text; `Nơi nhận:` and `TM. BAN THƯỜNG TRỰC` open the closing; the
    // filing note (`- Lưu: VT, CT.`) ends the recipients
    let filing_note = para.marker.as_ref().is_some_and(|m| m.style == crate::model::MarkerStyle::Bullet) && para.body().starts_with("Lưu");
    if pc.trim_end_matches(['*', ' ']).ends_with("./.") || heads::is_recipients_head(lc) || heads::is_authority(lc) || filing_note && text::ends_terminal(pc) {
        return true;
    }
    if let Some(m) = &l.marker {
        // `(Khoản 1, Điều` / `24)`: inside an open parenthesis (one left open by a typo does not outlast the
        // sentence: `... (quy định tại Điều 22 ... năm 2015 (được sửa đổi ... 2025);`)
        if pc.matches('(').count() > pc.matches(')').count() && !text::ends_terminal(pc) {
            return false;
        }
        // `Trong giai đoạn 2026` / `- 2030 phấn đấu`: a range wrapped at the dash
        if m.style == crate::model::MarkerStyle::Bullet && lc[m.len..].starts_with(|c: char| c.is_ascii_digit()) && pc.ends_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        // `Điều 4. Nguyên tắc tổ chức ... địa phương` / `1. Tuân thủ ...`: a heading's items start under it, however
        // long its line
        use crate::model::MarkerStyle::*;
        let heading = para.marker.as_ref().is_some_and(|pm| matches!(pm.style, Part | Chapter | LegalSection | Subsection | Article | Roman | Letter));
        if heading && matches!(m.style, Arabic | Dotted | Point | Bullet) && !p.ends_open() && !text::ends_terminal(pc) {
            return true;
        }
        // a legal heading (`Điều 8.`, `Chương III`) opens its paragraph wherever the line above ends (a citation
        // run on from it is no marker: `Điều 39 Luật ...`)
        if matches!(m.style, Part | Chapter | LegalSection | Subsection | Article) && !p.ends_open() {
            return true;
        }
        // so does a section's heading in capitals (`**II. LĨNH VỰC TRỒNG TRỌT.**`)
        if matches!(m.style, Roman | Letter) && lc.len() > m.len && l.is_caps() && !p.ends_open() {
            return true;
        }
        // `- Như Điều 3,` / `- Ban Bí thư (để báo cáo),`: a list of bullets, each ended by a comma
        if para.marker.as_ref().is_some_and(|pm| pm.punct == m.punct && pm.style == m.style) && text::last_meaningful(pc) == Some(',') {
            return true;
        }
    }
    let Wrap::Fit { fit, ragged_first, even } = wrap else {
        // one paragraph per line: a line ends its paragraph, unless it stops on a word that cannot end one
        // (`... thực hiện: Các` / `Sở, ngành, đơn vị`, `Hà Nội, ngày` / `29 tháng 11 năm 2025`)
        // or a numbered heading in capitals runs on in capitals (`II. HOÀN` / `THIỆN CƠ CHẾ, CHÍNH SÁCH ...`)
        let heading_runs_on = p.marker.as_ref().is_some_and(|m| m.style != crate::model::MarkerStyle::Bullet)
            && p.is_caps()
            && l.is_caps()
            && !text::ends_terminal(pc);
        return l.marker.is_some() || !(holds_open(pc, lc) || heading_runs_on);
    };
    // the line was ended before the wrap width: the next word would have fit on it
    let ragged = ragged_first && p_is_first;
    let ended_early = !ragged && pc.chars().count() + 1 + first_word_len(lc) < fit;
    // `**Điều` / `3. Lập, thẩm định ...**`: a legal heading's word alone on its line opens the heading as a marker
    // would
    if l.marker.is_some() || is_legal_word(lc) {
        // `... như sau:` / `(1) Thanh tra ...; (2) Bộ ...`, `...; (2) ...;` / `(3) Việc ...`: an enumeration inside
        // the sentence, wrapped at one of its numbers (a full line before it; the enumeration goes on in the line or
        // has begun in the paragraph)
        let inline = l.marker.as_ref().is_some_and(|m| {
            m.punct == markers::Punct::Enclosed && (INLINE_ENUMERATION.is_match(&lc[m.len..]) || INLINE_ENUMERATION.is_match(para.body()))
        });
        if inline && !ended_early && !ragged {
            return false;
        }
        // the next number of a list under way (`1.1. ...` ... `... 689` / `1.2. Trung tâm ...`), or a sentence ended
        if in_sequence && !p.ends_open() || text::ends_terminal(pc) || ends_with_emphasis(p_raw) {
            return true;
        }
        // `từ sản xuất` / `- quản lý - tiêu thụ`: a dash inside a sentence, not a bullet
        if l.marker.as_ref().is_some_and(|m| m.style == crate::model::MarkerStyle::Bullet && text::starts_lower(&lc[m.len..])) {
            return false;
        }
        // a marker after a paragraph's ragged first line: the line's end says nothing, the marker decides
        return (ended_early || ragged) && !p.ends_open();
    }
    // a heading in capitals above ordinary text (a title's last line, then `Căn cứ ...`; `... GIAI ĐOẠN` / `2026 -
    // 2030` / `Căn cứ ...`: a line of figures goes with the capitals above it)
    let caps_above = p.is_caps() || !pc.chars().any(char::is_alphabetic) && is_caps(&para.clean);
    if caps_above && is_mixed_case(lc) && !p.ends_open() {
        return true;
    }
    // a sentence ended, then a bold run opened (`... các cấp.` / `**HƯỚNG DẪN**`)
    let opens_bold = l_raw.trim_start().starts_with("**") && p_raw.matches("**").count() % 2 == 0;
    if text::ends_terminal(pc) && (ended_early || opens_bold) {
        return true;
    }
    // a title in capitals, then the authority that enacts it (`... VỀ DU LỊCH` / `TRƯỞNG BAN CHỈ ĐẠO ...`; `...
    // CHÍNH PHỦ SỐ` / `THỦ TƯỚNG CHÍNH PHỦ`: a `SỐ` that waits for a number does not wait for an authority)
    if p.is_caps() && l.is_caps() && !holds_open(pc, lc) && heads::opens_enacting_line(lc) {
        return true;
    }
    // where the wrap is even (first lines run as long as the others), only a paragraph's end stops a line short
    // (not inside an emphasis left open: `**Lê Tấn` / `Cận**`)
    if ended_early && even && !p.ends_open() && para_raw.matches("**").count() % 2 == 0 {
        return true;
    }
    // a line in bold from end to end after one that is not (`... KHU VỰC MIỀN TRUNG` / `**CHÍNH PHỦ**`)
    if is_whole_bold(l_raw) && opens_bold && !p.ends_open() {
        return true;
    }
    // a heading in capitals ended early, then another (a title, then the authority that issues it): in a
    // portal's page the lines of a centred heading break anywhere, so there only a new bold run tells
    if p.is_caps() && ended_early && !p.ends_open() && (opens_bold || l.is_caps() && !ragged_first) {
        return true;
    }
    if p.ends_open() {
        return false;
    }
    // a change of type at the break: a paragraph in bold from end to end (`**CÔNG ĐIỆN**`, `**Điều` /
    // `1. Phạm vi điều chỉnh**`) is a heading of its own; an emphasis closed at the end of a line and a bold run
    // opened at the start of the next (`... thu hồi đất[1]*` / `**Chương`)
    is_whole_bold(para_raw) || ends_with_emphasis(p_raw) && opens_bold
}

/// A line that is one bold run: `**` at both ends and none open inside.
fn is_whole_bold(raw: &str) -> bool {
    let t = raw.trim();
    t.len() > 4 && t.starts_with("**") && t.ends_with("**") && t[2..t.len() - 2].trim_end_matches(['*', ' ']).matches("**").count() == 0
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
    let mut info: Vec<Option<TextLine>> = lines.iter().map(|l| (l.kind == LineKind::Text).then(|| TextLine::new(&text[l.start..l.end], l.start))).collect();
    let wrap = measure_wrap(&info);
    let mut numbering = Numbering::default();
    let mut paras: Vec<Para> = Vec::new();
    let mut open = false;
    let mut gap = false;
    let mut cell = false;
    let mut prev_line: Option<usize> = None;
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
        if open {
            let pi = prev_line.unwrap();
            let pl = &lines[pi];
            let p_is_first = paras.last().is_some_and(|p| p.first == pi);
            let para = paras.last().unwrap();
            let l = info[i].as_ref().unwrap();
            let pair = Pair {
                para,
                para_raw: &text[para.start..pl.end],
                p: info[pi].as_ref().unwrap(),
                p_raw: &text[pl.start..pl.end],
                p_is_first,
                l,
                l_raw: raw,
                in_sequence: l.marker.as_ref().is_some_and(|m| numbering.continues(m)),
            };
            let joins = !breaks_between(&pair, wrap);
            if joins {
                let t = info[i].as_mut().unwrap();
                let map = std::mem::take(&mut t.map);
                let p = paras.last_mut().unwrap();
                p.last = i;
                p.end = line.end;
                join(p, &t.clean, &map, pl.end);
                if p.marker.is_none() && p.last == p.first + 1 {
                    // `**Chương` / `I**`, `**Điều` / `1. Phạm vi điều chỉnh**`: a marker broken over two lines
                    let first = &lines[p.first];
                    p.marker = marker_of(&text[first.start..first.end], &p.clean);
                    if let Some(m) = &p.marker {
                        numbering.saw(m);
                    }
                }
                prev_line = Some(i);
                continue;
            }
        }
        // in hard-wrapped text most paragraphs take the next line too: room for it, so that joining it does not
        // copy the paragraph's text again (a text of a paragraph per line gets none)
        let next_len = match (wrap, info.get(i + 1)) {
            (Wrap::Fit { .. }, Some(Some(next))) => next.clean.len() + 1,
            _ => 0,
        };
        let t = info[i].as_mut().unwrap();
        if let Some(m) = &t.marker {
            numbering.saw(m);
        }
        let mut clean = String::with_capacity(t.clean.len() + next_len);
        clean.push_str(&t.clean);
        paras.push(Para {
            first: i,
            last: i,
            start: line.start,
            end: line.end,
            clean,
            map: std::mem::take(&mut t.map),
            marker: t.marker.clone(),
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
    fn every_break_is_found_wherever_it_falls_in_a_word_of_eight_bytes() {
        for pad in 0..9 {
            let t = format!("{}ạ\nb\r\nc\rd\u{0C}e\tf{}", "x".repeat(pad), "y".repeat(pad));
            let got: Vec<&str> = split_lines(&t).iter().map(|l| &t[l.start..l.end]).collect();
            assert_eq!(got, [format!("{}ạ", "x".repeat(pad)).as_str(), "b", "c", "d", &format!("e\tf{}", "y".repeat(pad))], "{pad}");
        }
    }
    #[test]
    fn a_carriage_return_before_a_line_feed_is_one_break_and_alone_is_one_too() {
        let cut = |t: &str| split_lines(t).iter().map(|l| (l.start, l.end, l.next)).collect::<Vec<_>>();
        assert_eq!(cut("a\r\r\nb"), [(0, 1, 2), (2, 2, 4), (4, 5, 5)]);
        assert_eq!(cut("a\n\rb\r"), [(0, 1, 2), (2, 2, 3), (3, 4, 5)]);
        assert_eq!(cut("\r\n\u{0C}\r\n"), [(0, 0, 2), (2, 2, 3), (3, 3, 5)]);
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
