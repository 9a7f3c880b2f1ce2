//! Paragraphs classified into the parts of a document: portal chrome, header, title, preamble, body,
//! closing (recipients and signature), appendices, trailing chrome.
use crate::model::DocType;
use crate::lex::class::{word_ends_at, word_starts_at, DIGIT, SPACE};
use crate::lex::fold;
use crate::lex::lexicon::{Lexicon, Tag};
use crate::lex::lines::Para;
use crate::model::MarkerStyle;
use crate::lex::text;
pub use crate::lex::heads::{is_authority, is_recipients_head};
use crate::lex::literals::Literals;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    Chrome,
    Header,
    Title,
    Preamble,
    Body,
    Closing,
    Appendix,
}

/// The operative line that ends a preamble (`QUYẾT ĐỊNH:`): the spec of [`is_operative`] (compiling it cost
/// ~0.6 M instructions per process).
#[cfg(test)]
static OPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|CHỈ THỊ|BAN HÀNH|QUY ĐỊNH|KẾT LUẬN)\s*:$").unwrap()
});
const OPERATIVE_WORDS: [&str; 7] = ["QUYẾT ĐỊNH", "QUYẾT NGHỊ", "NGHỊ QUYẾT", "CHỈ THỊ", "BAN HÀNH", "QUY ĐỊNH", "KẾT LUẬN"];

/// Whether a paragraph is the operative line: one of the words, white space, and the colon that ends it (the words
/// end with a letter, so the white space before the colon is all of it).
fn is_operative(c: &str) -> bool {
    c.strip_suffix(':').is_some_and(|w| OPERATIVE_WORDS.contains(&w.trim_end_matches(|ch| SPACE.contains(ch))))
}
static SUMMARY_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Lu}\p{Ll}+(?: \p{L}+){0,3} \d+[/-]").unwrap());

/// Whether a chrome footer's phrase opens `c` (a portal's `Văn bản liên quan` after the document).
fn opens_footer(c: &str) -> bool {
    Lexicon::global().opening(c, Tag::ChromeFooter).is_some()
}

/// The parts found, as a zone per paragraph, and where the title is.
pub struct Layout {
    pub zones: Vec<Zone>,
    pub doc_type: Option<DocType>,
    /// Paragraph of the type name (`KẾ HOẠCH`) and the title's text.
    pub type_para: Option<usize>,
    pub title: Option<String>,
    /// Documents issued with this one and printed after its signature (`KẾ HOẠCH` / its title / `(Kèm theo
    /// Quyết định số ...)`), besides the numbered `PHỤ LỤC`s.
    pub attachments: Vec<Attachment>,
}

/// A document issued with the one parsed, printed after its signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// Its first paragraph (the type name, or its title).
    pub para: usize,
    /// Its type when a type name opens it (`KẾ HOẠCH`, `QUY CHẾ`).
    pub doc_type: Option<DocType>,
    /// Its title, without the type name (`TRIỂN KHAI THI HÀNH LUẬT BẢO VỆ DỮ LIỆU CÁ NHÂN`).
    pub title: Option<String>,
}

/// Whether a paragraph opens with a preamble's cue (the lexicon's `preamble_cue`, or `preamble_first` for the
/// paragraph right after the type name), written as a sentence opens: a title in capitals (`THỰC HIỆN NGHỊ
/// QUYẾT ...`) is none.
fn opens_preamble(clean: &str, tag: Tag) -> bool {
    Lexicon::global().opening(clean, tag).is_some_and(|(_, end)| {
        let words = &clean[..end];
        words.chars().next().is_some_and(char::is_uppercase) && words.chars().filter(|c| c.is_uppercase()).count() == 1
    })
}

/// A type name standing as a title (`KẾ HOẠCH`, `QUYẾT ĐỊNH`, `CÔNG ĐIỆN VỀ VIỆC ...`): returns the type and
/// the byte length of the type word in the cleaned text.
fn type_heading(clean: &str) -> Option<(DocType, usize)> {
    if clean.ends_with(':') {
        return None;
    }
    // the type word must be in capitals, and every type word has two letters or more: a paragraph whose first
    // two characters hold a lower-case one (nearly every paragraph: `Thực hiện`) has none, and is not searched
    if clean.chars().take(2).any(char::is_lowercase) {
        return None;
    }
    let (t, len) = DocType::from_word_prefix(clean)?;
    if !text::is_upper(&clean[..len]) {
        return None;
    }
    let rest = clean[len..].trim();
    if rest.is_empty() || text::upper_ratio(rest) > 0.8 || rest.starts_with("về") || rest.starts_with("Về") {
        return Some((t, len));
    }
    None
}

fn is_header_like(p: &Para) -> bool {
    let c = &p.clean;
    // 3 in 4: a legacy font's toned capitals decode in lower case (`ủY BAN NHÂN DÂN THàNH PHố Hà NộI`)
    text::upper_ratio(c) >= 0.75
        || is_motto(c)
        || c.starts_with("Số")
        || c.starts_with("V/v")
        || c.starts_with("Về việc")
        || c.contains("ngày") && c.contains("tháng") && c.contains("năm") && c.len() < 120
        || c.starts_with("Độc lập")
}

/// A công văn's summary printed under its number without `V/v` (`Số: 5155/SGDĐT-GDTXNNĐH` / `Về hướng dẫn ...`).
fn is_summary_under_number(paras: &[Para], i: usize) -> bool {
    i > 0 && paras[i].clean.starts_with("Về ") && paras[i - 1].clean.starts_with("Số")
}

/// A web page's title line for the document it shows: the type in running text, then its number, year or
/// issuer (`Công văn 627/BYT-BH năm 2021 về ... do Bộ Y tế ban hành.`, `Thông tư 21/2025/TT-BGDĐT.`).
fn is_portal_title(c: &str) -> bool {
    let typed = match DocType::from_word_prefix(c) {
        // `Nghị quyết số: 101/2025/UBTVQH15`, `Luật số: ...`: the document's own number line
        Some((_, len)) => !text::is_upper(&c[..len]) && !c[len..].trim_start().to_lowercase().starts_with("số"),
        None => c.starts_with("Văn bản "),
    };
    // in running text: mostly lower case, the symbol aside; the words are gathered last, for a typed line that
    // passes the other tests (the paragraphs looked at are mostly long and untyped)
    let lower = || {
        let words: String = c.split(' ').filter(|w| !w.contains(|ch: char| ch.is_ascii_digit())).collect::<Vec<_>>().join(" ");
        text::upper_ratio(&words) < 0.5
    };
    typed && c.chars().count() < 400 && has_number_or_year(c) && lower()
}

/// The spec of [`has_number_or_year`] (compiling its Unicode classes and boundaries cost ~1.6 M per process).
#[cfg(test)]
static NUMBER_OR_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\S+(?: \S+){0,3} \d+[/-]|\bnăm \d{4}\b|ban hành\.?$").unwrap());

/// A number after the type's first words (`Công văn 627/BYT-BH`), a year (`năm 2021`), or `ban hành` at the end:
/// [`NUMBER_OR_YEAR`] matches.
fn has_number_or_year(c: &str) -> bool {
    number_within_five_words(c) || year_at(c) || c.strip_suffix('.').unwrap_or(c).ends_with("ban hành")
}

/// `^\S+(?: \S+){0,3} \d+[/-]`: the words between single spaces are fixed by them, so each of the first four that
/// holds no white space is tried as the last before the number.
fn number_within_five_words(c: &str) -> bool {
    let mut rest = c;
    for _ in 0..4 {
        let Some((word, after)) = rest.split_once(' ') else { return false };
        if word.is_empty() || word.chars().any(|ch| SPACE.contains(ch)) {
            return false;
        }
        let digits = DIGIT.run_len(after);
        if digits > 0 && matches!(after.as_bytes().get(digits), Some(b'/' | b'-')) {
            return true;
        }
        rest = after;
    }
    false
}

/// `\bnăm \d{4}\b`: `năm ` after no word character, then four digits and no word character.
fn year_at(c: &str) -> bool {
    c.match_indices("năm ").any(|(i, m)| {
        let after = &c[i + m.len()..];
        let mut chars = after.char_indices();
        let four = (0..4).all(|_| chars.next().is_some_and(|(_, ch)| DIGIT.contains(ch)));
        four && !word_ends_at(c, i) && !word_starts_at(after, chars.offset())
    })
}

/// The start of a place name broken off its date (`Thành phố Hồ Chí` / `Minh, ngày 28 tháng 11 năm 2025`).
fn is_place_start(paras: &[Para], i: usize) -> bool {
    let c = &paras[i].clean;
    c.chars().count() < 40
        && c.starts_with(char::is_uppercase)
        && !text::ends_terminal(c)
        && paras.get(i + 1).is_some_and(|n| n.clean.contains("ngày") && n.clean.contains("tháng") && n.clean.chars().count() < 80)
}


fn is_appendix_start(clean: &str) -> bool {
    let upper_start = |w: &str| clean.starts_with(w) && text::upper_ratio(clean) > 0.7;
    upper_start("PHỤ LỤC") || upper_start("ĐỀ CƯƠNG") || clean == "Phụ lục" || {
        clean.starts_with("Phụ lục ") && clean.len() < 20
    }
}

/// A title in capitals from paragraph `i` over a note `(Ban hành kèm theo Quyết định số ...)` (within a few
/// paragraphs, all in capitals between): the note's paragraph.
fn attach_note(paras: &[Para], i: usize, end: usize) -> Option<usize> {
    let caps = |p: &Para| !p.table_row && !p.in_table && p.marker.is_none() && text::mostly_upper(&p.clean, 0) && p.clean.chars().count() < 300;
    if !caps(&paras[i]) || is_motto(&paras[i].clean) {
        return None;
    }
    let mut j = i + 1;
    while j < end.min(i + 5) {
        let c = &paras[j].clean;
        if c.starts_with('(') && c.to_lowercase().contains("kèm theo") {
            return Some(j);
        }
        if !caps(&paras[j]) || is_appendix_start(c) {
            return None;
        }
        j += 1;
    }
    None
}

/// The documents printed after the signature: the first paragraph of the appendix zone when a type name or a
/// noted title opens it, and later ones that carry a `(kèm theo ...)` note; `PHỤ LỤC`s are the outline's
/// business.
fn find_attachments(paras: &[Para], from: usize, end: usize) -> Vec<Attachment> {
    let mut out = Vec::new();
    let mut i = from;
    while i < end {
        let c = &paras[i].clean;
        if is_appendix_start(c) {
            // a numbered appendix's own title and note (`PHỤ LỤC I` / `DANH MỤC ...` / `(Kèm theo ...)`)
            i += 1;
            while i < end && text::mostly_upper(&paras[i].clean, 0) && paras[i].marker.is_none() {
                i += 1;
            }
            continue;
        }
        if paras[i].marker.is_some() || paras[i].table_row || paras[i].in_table {
            i += 1;
            continue;
        }
        // the first paragraph after the signature, or later a type name over its note (a form of an appendix,
        // `Mẫu số 45` / `DANH MỤC ...` / `(Kèm theo ...)`, is none)
        let typed = type_heading(c);
        let note = attach_note(paras, i, end);
        let form = i > 0 && paras[i - 1].clean.starts_with("Mẫu");
        if form || !(i == from && (note.is_some() || typed.is_some()) || typed.is_some() && note.is_some()) {
            i += 1;
            continue;
        }
        // the title: after the type name, and the capitals down to the note
        let mut parts: Vec<&str> = Vec::new();
        let rest = typed.as_ref().map_or(c.as_str(), |(_, len)| c[*len..].trim());
        if !rest.is_empty() {
            parts.push(rest);
        }
        let last = note.unwrap_or(i + 4).min(end);
        let mut j = i + 1;
        while j < last && text::mostly_upper(&paras[j].clean, 0) && paras[j].marker.is_none() {
            if !paras[j].clean.starts_with('(') {
                parts.push(&paras[j].clean);
            }
            j += 1;
        }
        let title = (!parts.is_empty()).then(|| parts.join(" "));
        out.push(Attachment { para: i, doc_type: typed.map(|(t, _)| t), title });
        i = j.max(i + 1);
    }
    out
}

/// Whether a closing-zone paragraph still belongs to the signature and recipients.
fn closing_like(p: &Para) -> bool {
    let c = &p.clean;
    if p.marker.as_ref().is_some_and(|m| m.style == MarkerStyle::Bullet) {
        return true;
    }
    is_recipients_head(c)
        || is_authority(c)
        || text::mostly_upper(c, 0) && c.chars().count() < 80
        || c.starts_with("Lưu")
        || c.starts_with("(Đã ký")
        || c.starts_with("Đã ký")
        || c.starts_with("(Ký")
        || looks_like_name(c)
        || c.chars().count() < 100
}

/// A person's name: 2–6 capitalized words, no digits or punctuation.
pub fn looks_like_name(c: &str) -> bool {
    // the words counted up to 7 first, nothing collected: most paragraphs asked are long sentences
    (2..=6).contains(&c.split_whitespace().take(7).count())
        && c.split_whitespace().all(|w| w.chars().next().is_some_and(|ch| ch.is_uppercase()) && w.chars().all(|ch| ch.is_alphabetic()))
        && !text::is_upper(c)
}

/// A title in capitals followed by a person's name, at the end of `paras[from..end]`: where it starts.
fn trailing_signature(paras: &[Para], from: usize, end: usize) -> Option<usize> {
    if end == 0 || end <= from {
        return None;
    }
    let last = &paras[end - 1].clean;
    // the capitals, then the name's words, at most 7 taken (a name has 6): a long last paragraph is not collected
    let mut words = last.split_whitespace().peekable();
    let mut caps = 0;
    while words.next_if(|w| text::is_upper(w)).is_some() {
        caps += 1;
    }
    if caps >= 1 && looks_like_name(&words.take(7).collect::<Vec<_>>().join(" ")) {
        return Some(end - 1);
    }
    // the title and the name as two paragraphs
    if end >= 2 && end - 2 >= from && looks_like_name(last) {
        let prev = &paras[end - 2].clean;
        if text::is_upper(prev) && prev.chars().count() < 60 && paras[end - 2].marker.is_none() {
            return Some(end - 2);
        }
    }
    None
}

/// A portal's field box (`Số hiệu`, `Loại văn bản`, ...) is looked for in this many first paragraphs.
const FIELD_BOX_WITHIN: usize = 150;

pub fn layout(paras: &[Para]) -> Layout {
    let n = paras.len();
    let mut zones = vec![Zone::Body; n];
    // --- portal chrome before the document
    let mut start = 0;
    // the field box comes before the document's own header (its motto) or type name
    let is_anchor = |i: usize| is_motto(&paras[i].clean) || type_heading(&paras[i].clean).is_some();
    let is_field = |i: usize| {
        let c = paras[i].clean.trim_end_matches(':').trim();
        c.len() < 40 && Lexicon::global().is(c, Tag::ChromeField)
    };
    // looked for in the first FIELD_BOX_WITHIN paragraphs, else taken as FIELD_BOX_WITHIN: the field box is looked
    // for before the anchor but within them, and without a box a portal's title line in the first 3, both bounded
    // alike by any later anchor; only a box found needs the anchor beyond. Without a field among those paragraphs
    // there is no box before any anchor, and the anchor bounds only the title line's search: it is looked for in
    // the first 3 alone (the search over up to 150, `is_motto` on each, was most of this function's work)
    let within = n.min(FIELD_BOX_WITHIN);
    let anchor_within = if (0..within).any(is_field) { within } else { n.min(3) };
    let mut anchor = (0..anchor_within).find(|&i| is_anchor(i)).unwrap_or(anchor_within);
    if let Some(last_field) = (0..anchor).rev().find(|&i| is_field(i)) {
        if anchor == FIELD_BOX_WITHIN {
            anchor = (FIELD_BOX_WITHIN..n).find(|&i| is_anchor(i)).unwrap_or(n);
        }
        start = (last_field + 2).min(n);
        // a portal's teaser between the box and the header is chrome too: the header is the run of
        // header-like paragraphs just before the anchor
        if anchor < n && anchor > start {
            let mut h = anchor;
            while h > start && is_header_like(&paras[h - 1]) && paras[h - 1].marker.is_none() {
                h -= 1;
            }
            start = h;
        }
    }
    // a web page's own title line before the document (`Công văn 627/BYT-BH năm 2021 về ... do Bộ Y tế ban hành.`)
    if let Some(i) = (start..anchor.min(start + 3)).find(|&i| is_portal_title(&paras[i].clean)) {
        start = i + 1;
    }
    // --- portal chrome after the document
    let mut end = n;
    if let Some(f) = (start..n).find(|&i| opens_footer(&paras[i].clean)) {
        end = f;
        // the type word first: the line's pattern (Unicode classes, costly to build) is built only for a run that
        // meets such a paragraph
        if f > start && DocType::from_word_prefix(&paras[f - 1].clean).is_some() && SUMMARY_LINE.is_match(&paras[f - 1].clean) {
            end = f - 1;
        }
    }
    for (i, z) in zones.iter_mut().enumerate() {
        if i < start || i >= end {
            *z = Zone::Chrome;
        }
    }
    // --- type name and title
    let search_to = end.min(start + 60);
    let type_para = (start..search_to).find(|&i| !paras[i].table_row && type_heading(&paras[i].clean).is_some());
    let mut doc_type = None;
    let mut title = None;
    let mut cursor;
    if let Some(tp) = type_para {
        let (t, len) = type_heading(&paras[tp].clean).unwrap();
        doc_type = Some(t);
        for z in &mut zones[start..tp] {
            *z = Zone::Header;
        }
        zones[tp] = Zone::Title;
        let mut parts: Vec<String> = Vec::new();
        let rest = paras[tp].clean[len..].trim();
        if !rest.is_empty() {
            parts.push(rest.to_string());
        }
        cursor = tp + 1;
        while cursor < end {
            let p = &paras[cursor];
            let c = &p.clean;
            let first = parts.is_empty();
            let so_far_upper = parts.last().is_some_and(|s| text::upper_ratio(s) > 0.8);
            // the first paragraph after the type name is the title unless it opens the preamble proper
            let cue = opens_preamble(c, if first { Tag::PreambleFirst } else { Tag::PreambleCue });
            let takes = !p.table_row
                && p.marker.is_none()
                && !cue
                && !is_operative(c)
                && !is_authority(c)
                && !is_recipients_head(c)
                && (first
                    || text::starts_lower(c)
                    || so_far_upper
                        && text::upper_ratio(c) > 0.8
                        && !crate::lex::heads::is_enacting_authority(c));
            if !takes {
                break;
            }
            // a parenthesized note under the title (`(Ban hành kèm theo ...)`) is part of the title zone but not of
            // the title text
            if !(c.starts_with('(') && c.ends_with(')')) {
                parts.push(c.clone());
            }
            zones[cursor] = Zone::Title;
            cursor += 1;
        }
        if !parts.is_empty() {
            title = Some(parts.join(" "));
        }
    } else {
        // no type name (a công văn, or a header lost): the header is the run of header-like paragraphs
        cursor = start;
        while cursor < end
            && cursor < start + 20
            && (is_header_like(&paras[cursor]) || is_summary_under_number(paras, cursor) || is_place_start(paras, cursor))
            && paras[cursor].marker.is_none()
            && !is_authority(&paras[cursor].clean)
        {
            zones[cursor] = Zone::Header;
            cursor += 1;
        }

    }
    // --- closing: from `Nơi nhận:` or the first authority line
    let closing = (cursor..end).find(|&i| is_recipients_head(&paras[i].clean) || is_authority(&paras[i].clean) && paras[i].clean.chars().count() < 80);
    // no `Nơi nhận:` and no authority line: a signature of a title and a name closing the text (a law's
    // `CHỦ TỊCH QUỐC HỘI` / `Trần Thanh Mẫn`) is the closing
    let closing = closing.or_else(|| trailing_signature(paras, cursor, end));
    let body_end = closing.unwrap_or(end);
    let mut attachments = Vec::new();
    if let Some(c) = closing {
        let mut i = c;
        while i < end {
            // a type name after the closing starts an attachment (`QUY CHẾ` issued with a decision), and so does a
            // title in capitals over `(Ban hành kèm theo ...)`
            if is_appendix_start(&paras[i].clean) || i > c && (type_heading(&paras[i].clean).is_some() || attach_note(paras, i, end).is_some()) {
                break;
            }
            if !closing_like(&paras[i]) {
                break;
            }
            zones[i] = Zone::Closing;
            i += 1;
        }
        for z in &mut zones[i..end] {
            *z = Zone::Appendix;
        }
        attachments = find_attachments(paras, i, end);
    }
    // --- preamble: up to the operative line or the first marked paragraph
    let mut i = cursor;
    let mut after_kinh_gui = false;
    let mut preamble_end = cursor;
    let mut operative = None;
    while i < body_end {
        let p = &paras[i];
        let c = &p.clean;
        if is_operative(c) {
            operative = Some(i);
            break;
        }
        match &p.marker {
            Some(m) if m.style == MarkerStyle::Bullet => {
                let b = p.body();
                if !(after_kinh_gui || opens_preamble(b, Tag::PreambleCue)) {
                    break;
                }
            }
            Some(_) => break,
            None => {
                after_kinh_gui = c.starts_with("Kính gửi");
            }
        }
        i += 1;
        preamble_end = i;
    }
    if let Some(o) = operative {
        preamble_end = o + 1;
    } else if preamble_end == body_end {
        // no marked paragraph at all: only the leading cue paragraphs are preamble
        preamble_end = (cursor..body_end)
            .find(|&k| !(opens_preamble(&paras[k].clean, Tag::PreambleCue) || paras[k].marker.is_some()))
            .unwrap_or(body_end);
    }
    for z in &mut zones[cursor..preamble_end] {
        *z = Zone::Preamble;
    }
    Layout { zones, doc_type, type_para, title, attachments }
}

/// The forms of the motto (`data/lexicon.tsv`, tag `motto`), upper-cased, in both tone placements: looked for
/// anywhere in a paragraph, printed in capitals, alone or inside a flattened header (in running text, a portal's
/// title line `... do Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam ban hành`, the words are in lower case),
/// each with its anchor; the forms a paragraph may start with (any case); the forms it may be.
struct Motto {
    inside: Vec<(String, usize)>,
    opens: Vec<String>,
    whole: Vec<String>,
    /// the most characters in a form
    span: usize,
    /// each form's anchor with the character before it (`CỘN`, `HĨA`, `ĐỘC`; none when the anchor opens the form)
    anchored: Vec<(Option<char>, [char; 2])>,
}

static MOTTO: LazyLock<Motto> = LazyLock::new(|| {
    let mut m = Motto { inside: Vec::new(), opens: Vec::new(), whole: Vec::new(), span: 0, anchored: Vec::new() };
    for e in Lexicon::global().phrases(Tag::Motto) {
        let form = e.phrase.to_uppercase();
        let forms = [Some(form.clone()), fold::other_tone_placement(&form)];
        for f in forms.into_iter().flatten() {
            match e.value(Tag::Motto) {
                Some("opens") => m.opens.push(f),
                Some("whole") => m.whole.push(f),
                _ => {
                    let at = anchor_of(&f);
                    m.inside.push((f, at));
                }
            }
        }
    }
    m.span = m.inside.iter().map(|(f, _)| f).chain(&m.opens).chain(&m.whole).map(|f| f.chars().count()).max().unwrap_or(0);
    for f in m.inside.iter().map(|(f, _)| f).chain(&m.opens).chain(&m.whole) {
        let (chars, at) = (f.chars().collect::<Vec<_>>(), anchor_of(f));
        let before = at.checked_sub(1).map(|i| chars[i]);
        if !m.anchored.contains(&(before, [chars[at], chars[at + 1]])) {
            m.anchored.push((before, [chars[at], chars[at + 1]]));
        }
    }
    // `is_motto` marks the forms it has seen in the bits of a u64
    assert!(m.inside.len() <= 64, "more motto forms than bits");
    m
});

/// The anchors of `c`: where its upper-cased text holds `ỘC`, `ỘN` or `ĨA`, as every motto form does (`ĐỘC
/// LẬP`, `CỘNG`, `NGHĨA`). `Ộ`/`Ĩ` come only from `ộ Ộ`/`ĩ Ĩ`, and an upper-cased letter starts with C, N or A only
/// when it is `c C`, `n N` or `a A ẚ`. Found without upper-casing the paragraph: `is_motto` runs on every
/// paragraph until a header is found, and most have no motto in them (`một`, `bộ`, `hội` have no anchor).
fn motto_anchors(c: &str) -> impl Iterator<Item = usize> + '_ {
    // the anchors themselves, searched for at once by a vectorized search (Teddy: decoding every character of every
    // paragraph cost more than the rest of `is_motto`, and the automaton's own prefilter skips to the lead bytes of
    // `ộ`/`ĩ`, as frequent in Vietnamese as `ệ`/`ă`); two anchors cannot overlap, as none starts with a letter
    // that may follow `Ộ` or `Ĩ`, so the matches found one after the other are all of them
    static ANCHORS: LazyLock<Literals> = LazyLock::new(|| {
        let pairs: [(&[char], &[char]); 2] = [(&['ộ', 'Ộ'], &['c', 'C', 'n', 'N']), (&['ĩ', 'Ĩ'], &['a', 'A', 'ẚ'])];
        let anchors = pairs.iter().flat_map(|(first, next)| first.iter().flat_map(|f| next.iter().map(move |n| format!("{f}{n}"))));
        Literals::new(anchors)
    });
    ANCHORS.find_iter(c).map(|m| m.start())
}

/// The anchors of `c` that may be a form's anchor upper-cased: the character before it upper-cases to one that ends
/// with the character before that form's anchor. Most anchors are in words no form holds (`động`, `Hội đồng`),
/// and are spared the comparison of every form around them. It cannot drop a form's anchor: the character before
/// an anchor in the upper-cased text is the last of the upper-cased character before it (`Ộ`/`Ĩ` come from one
/// character of their own), and the anchor's own characters upper-case to the anchor as `motto_anchors` finds it.
fn form_anchors(c: &str) -> impl Iterator<Item = usize> + '_ {
    let m = &*MOTTO;
    motto_anchors(c).filter(move |&at| {
        let mut pair = c[at..].chars().map(|ch| ch.to_uppercase().next());
        let pair = [pair.next().flatten(), pair.next().flatten()];
        let before = c[..at].chars().next_back().and_then(|ch| ch.to_uppercase().last());
        m.anchored.iter().any(|&(b, [x, y])| pair == [Some(x), Some(y)] && (b.is_none() || b == before))
    })
}

/// The character offset of a form's anchor (the first `ỘC`, `ỘN` or `ĨA` in it).
fn anchor_of(form: &str) -> usize {
    let chars: Vec<char> = form.chars().collect();
    chars.windows(2).position(|w| matches!(w, ['Ộ', 'C' | 'N'] | ['Ĩ', 'A'])).expect("every motto form has an anchor")
}

/// Whether `ch` upper-cases to exactly one character (then upper-casing keeps character offsets). Answered by
/// ranges for the scripts of Vietnamese text (ß, ŉ, ǰ and ẖ-ẚ are the exceptions there).
fn upper_is_one_char(ch: char) -> bool {
    match ch {
        '\0'..='\u{7F}' => true,
        '\u{DF}' | '\u{149}' | '\u{1F0}' | '\u{1E96}'..='\u{1E9A}' => false,
        '\u{80}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2000}'..='\u{206F}' => true,
        _ => ch.to_uppercase().len() == 1,
    }
}

/// The end of `form` in `c` from byte `start`, compared upper-cased character by character.
fn upper_match_at(c: &str, start: usize, form: &str) -> Option<usize> {
    let mut it = c[start..].char_indices();
    for f in form.chars() {
        let (_, ch) = it.next()?;
        if ch.to_uppercase().next() != Some(f) {
            return None;
        }
    }
    Some(it.next().map_or(c.len(), |(i, _)| start + i))
}

/// The byte offset `n` characters before byte `at` of `c`.
fn chars_back(c: &str, at: usize, n: usize) -> Option<usize> {
    if n == 0 {
        return Some(at);
    }
    c[..at].char_indices().rev().nth(n - 1).map(|(i, _)| i)
}

/// The national motto or the Party's name at the top right of a header (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
/// `Độc lập - Tự do - Hạnh phúc`, `ĐẢNG CỘNG SẢN VIỆT NAM`).
pub fn is_motto(c: &str) -> bool {
    let mut anchors = form_anchors(c).peekable();
    if anchors.peek().is_none() || !form_may_match(c, anchors) {
        return false;
    }
    if !c.chars().all(upper_is_one_char) {
        return is_motto_upper_cased(c);
    }
    // upper-casing keeps offsets here: each form is compared where an anchor of the paragraph can be its anchor,
    // the paragraph itself never upper-cased
    let m = &*MOTTO;
    if m.opens.iter().any(|f| upper_match_at(c, 0, f).is_some()) || m.whole.iter().any(|f| upper_match_at(c, 0, f) == Some(c.len())) {
        return true;
    }
    let mut seen = 0u64;
    for at in form_anchors(c) {
        for (k, (form, anchor)) in m.inside.iter().enumerate() {
            if seen & 1 << k != 0 {
                continue;
            }
            let Some(start) = chars_back(c, at, *anchor) else { continue };
            let Some(end) = upper_match_at(c, start, form) else { continue };
            // the first occurrence of each form decides, as in `is_motto_upper_cased`: mostly capitals as written (a
            // legacy font decodes toned capitals in lower case)
            seen |= 1 << k;
            if text::upper_ratio(&c[start..end]) >= 0.6 {
                return true;
            }
        }
    }
    false
}

/// Whether a motto form may be in `c` upper-cased: one compares equal character by character at its start or at an
/// anchor, or a character there upper-cases to more than one. Most paragraphs with an anchor (`động`) have no
/// form, and this spares them a pass over every character. It cannot miss one: every form holds an anchor, and an
/// upper-cased form's anchor comes only from one `form_anchors` finds (no letter upper-cases to `Ộ` or `Ĩ` after its
/// first character, nor to a first `C`, `N` or `A` but these and `ẚ`); where the characters within a form's length
/// of it all upper-case to one, the upper-cased paragraph there is the comparison character by character.
fn form_may_match(c: &str, mut anchors: impl Iterator<Item = usize>) -> bool {
    let m = &*MOTTO;
    let clean = |from: usize| !c[from..].chars().take(2 * m.span + 1).any(|ch| !upper_is_one_char(ch));
    if !clean(0) || m.opens.iter().chain(&m.whole).any(|f| upper_match_at(c, 0, f).is_some()) {
        return true;
    }
    anchors.any(|at| {
        !clean(chars_back(c, at, m.span).unwrap_or(0))
            || m.inside.iter().any(|(form, anchor)| chars_back(c, at, *anchor).is_some_and(|start| upper_match_at(c, start, form).is_some()))
    })
}

/// [`is_motto`] by upper-casing the paragraph: for text where upper-casing changes character offsets.
fn is_motto_upper_cased(c: &str) -> bool {
    let u = c.to_uppercase();
    let m = &*MOTTO;
    if m.opens.iter().any(|f| u.starts_with(f.as_str())) || m.whole.iter().any(|f| u == *f) {
        return true;
    }
    let chars: Vec<char> = c.chars().collect();
    let upper: Vec<char> = u.chars().collect();
    m.inside.iter().map(|(f, _)| f).any(|m| {
        let Some(at) = u.find(m) else { return false };
        if chars.len() != upper.len() {
            return true;
        }
        // the same words in the line as written: mostly capitals (a legacy font decodes toned capitals in lower case)
        let from = u[..at].chars().count();
        let words: String = chars[from..from + m.chars().count()].iter().collect();
        text::upper_ratio(&words) >= 0.6
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_or_year_is_found_as_the_pattern_finds_it() {
        let mut cases: Vec<String> = [
            "Công văn 627/BYT-BH năm 2021 về việc do Bộ Y tế ban hành.", "Thông tư 21/2025/TT-BGDĐT.", "a b c d 1/", "a b c d e 1/",
            "a  b 1/", " a 1/", "a\tb 1/", "a b 1", "a b 12-", "a ١٢/", "Quyết định năm 2021", "năm 20210", "Xnăm 2021", "ănăm 2021",
            "(năm 2021)", "năm 2021a", "năm 202", "năm ٢٠٢١.", "do Bộ ban hành", "ban hành.", "ban hành..", "ban hành ", "", "năm ",
        ]
        .iter()
        .map(|c| c.to_string())
        .collect();
        let alphabet = ["a", "ộ", " ", "\t", "1", "/", "-", "năm ", "2021", "ban hành", ".", "_"];
        let mut seeds: Vec<String> = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = seeds.iter().flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}"))).collect();
            seeds.extend(longer);
        }
        cases.extend(seeds);
        for c in &cases {
            assert_eq!(has_number_or_year(c), NUMBER_OR_YEAR.is_match(c), "{c:?}");
        }
        // thousands of the cue: each looks a bounded way ahead
        assert!(!has_number_or_year(&"năm năm ".repeat(50_000)));
    }

    #[test]
    fn the_footer_is_found_in_any_case() {
        assert!(opens_footer("Văn bản liên quan") && opens_footer("VĂN BẢN LIÊN QUAN") && !opens_footer("Xem văn bản liên quan"));
    }

    #[test]
    fn a_paragraph_of_anchors_costs_its_length_times_a_form() {
        // every anchor is compared within a window of a form's length: thousands of anchors, and a character
        // upper-cased to two at the end, stay linear (a square of these lengths would not finish; the time
        // itself is the benches' business)
        for c in ["ộc".repeat(100_000), "cộng đồng ".repeat(20_000), format!("{}ß", "nghĩa ".repeat(30_000))] {
            assert!(!is_motto(&c));
        }
    }

    #[test]
    fn a_type_heading_is_found_in_capitals_only() {
        assert_eq!(type_heading("KẾ HOẠCH"), Some((DocType::KeHoach, "KẾ HOẠCH".len())));
        assert_eq!(type_heading("QUYẾT ĐỊNH VỀ VIỆC GIAO CHỈ TIÊU").map(|(t, _)| t), Some(DocType::QuyetDinh));
        assert_eq!(type_heading("LUẬT").map(|(t, _)| t), Some(DocType::Luat));
        // a lower-case letter among the first two characters: never a heading
        for c in ["Kế hoạch", "kẾ HOẠCH", "KếHOẠCH", "Luật", "Thực hiện kế hoạch"] {
            assert_eq!(type_heading(c), None, "{c}");
        }
        // its other letters in lower case are turned away later, by the same rule
        assert_eq!(type_heading("KẾ hoạch"), None);
    }

    #[test]
    fn motto_found_by_anchors_as_by_upper_casing_the_paragraph() {
        let cases = [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP",
            "Cộng", "cộng", "Cộng đồng", "ĐẢNG CỘNG SẢN VIỆT NAM", "UBND TỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ủY BAN CộNG HòA Xã HộI CHủ NGHĩA",
            "do Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam ban hành", "nghĩa vụ của cộng đồng và ĐẢNG CỘNG SẢN", "Một bộ hồ sơ gửi Hội đồng",
            "ĐẢNG CỘNG sản việt nam", "CỘNG HOÀ", "nghĩa vụ, nghĩa vụ, CHỦ NGHĨA VIỆT NAM", "xã hội chủ nghĩẚ", "",
        ];
        for c in cases {
            assert_eq!(is_motto(c), is_motto_upper_cased(c), "{c}");
            let odd = format!("ß {c}"); // ß upper-cases to two letters: the slow path
            assert_eq!(is_motto(&odd), is_motto_upper_cased(&odd), "{odd}");
            let far = format!("ß{} {c}", " ".repeat(40)); // past a form's length of every anchor
            assert_eq!(is_motto(&far), is_motto_upper_cased(&far), "{far}");
        }
        assert!(is_motto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && is_motto("Độc lập - Tự do - Hạnh phúc"));
        assert!(!is_motto("do Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam ban hành"));
        assert!(motto_anchors("Một bộ hồ sơ gửi Hội đồng nhân dân").next().is_none());
    }

    #[test]
    fn any_character_before_an_anchor_is_judged_as_upper_casing_judges_it() {
        // the character before a form's anchor, each char in turn: only those upper-casing to one that ends like the
        // form's (`c`, `C`, `h`, `H`, `đ`, `Đ`) keep the anchor, and the paragraph upper-cased agrees
        let forms = [("ĐẢNG ", "ỘNG SẢN"), ("XÃ HỘI CHỦ NG", "ĨA"), ("", "ỘC LẬP - TỰ DO"), ("", "ộng"), ("chủ ng", "ĩẚ việt nam")];
        let mut buf = String::new();
        // the chars below U+3000 and every char upper-casing to another: beyond, a char upper-cases to itself, as
        // those below do by the thousand (all chars made 5.5 million cases, seventeen seconds in a debug build)
        let changed = |c: &char| c.to_uppercase().ne(std::iter::once(*c));
        let chars = (0..0x3000).filter_map(char::from_u32).chain((0x3000..=char::MAX as u32).filter_map(char::from_u32).filter(changed));
        for ch in chars {
            for (head, tail) in forms {
                buf.clear();
                buf.push_str(head);
                buf.push(ch);
                buf.push_str(tail);
                assert_eq!(is_motto(&buf), is_motto_upper_cased(&buf), "{buf:?}");
            }
        }
        assert!(form_anchors("hoạt động của Hội đồng, lao động").next().is_none());
        assert_eq!(form_anchors("Cộng đồng, nghĩa vụ").count(), 2);
    }

    #[test]
    fn anchors_searched_for_are_those_of_a_scan_of_every_character() {
        let scan = |c: &str| -> Vec<usize> {
            let chars: Vec<(usize, char)> = c.char_indices().collect();
            chars.windows(2).filter(|w| matches!((w[0].1, w[1].1), ('ộ' | 'Ộ', 'c' | 'C' | 'n' | 'N') | ('ĩ' | 'Ĩ', 'a' | 'A' | 'ẚ'))).map(|w| w[0].0).collect()
        };
        let cases = [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "hoạt động của Hội đồng, nghĩa vụ", "ĐỘc ĐỘC ộcộn",
            "NGHĨẚ nghĩA ĩ ộ Ộ", "Một bộ hồ sơ gửi Hội đồng", "chức năng, ứng dụng, kỹ thuật", "ộ", "",
        ];
        for c in cases {
            assert_eq!(motto_anchors(c).collect::<Vec<_>>(), scan(c), "{c}");
            let long = c.repeat(9); // past the vectorized search's shortest haystack
            assert_eq!(motto_anchors(&long).collect::<Vec<_>>(), scan(&long), "{long}");
        }
    }

    fn paras_of(text: &str) -> Vec<Para> {
        crate::lex::lines::paragraphs(text, &crate::lex::lines::split_lines(text))
    }

    #[test]
    fn anchor_past_the_first_150_paragraphs_ends_a_field_box_chrome() {
        // a field box, a long teaser, then the document's header: the teaser is chrome up to the motto
        let mut text = String::from("Số hiệu:\n45/KH-UBND\n\n");
        for k in 0..200 {
            text.push_str(&format!("đoạn giới thiệu thứ {k} của trang.\n\n"));
        }
        text.push_str("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nKẾ HOẠCH\n\nvề việc thử\n\n1. Nội dung.\n");
        let paras = paras_of(&text);
        let motto = paras.iter().position(|p| p.clean.starts_with("CỘNG HÒA")).unwrap();
        assert!(motto > FIELD_BOX_WITHIN);
        let l = layout(&paras);
        assert!(l.zones[..motto].iter().all(|z| *z == Zone::Chrome) && l.zones[motto] != Zone::Chrome);
        assert_eq!(l.doc_type, Some(DocType::KeHoach));
    }

    #[test]
    fn a_trailing_signature_is_capitals_then_a_name_of_up_to_six_words() {
        let at = |last: &str| trailing_signature(&paras_of(&format!("Điều 1. Nội dung.\n\n{last}\n")), 0, 2);
        assert_eq!(at("CHỦ TỊCH QUỐC HỘI Trần Thanh Mẫn"), Some(1));
        assert_eq!(at("CHỦ TỊCH Bờ Cờ Dờ Ê Gờ Hờ"), Some(1));
        assert_eq!(at("CHỦ TỊCH Bờ Cờ Dờ Ê Gờ Hờ Kờ"), None);
        assert_eq!(at("Trần Thanh Mẫn"), None);
        assert_eq!(at(&format!("CHỦ TỊCH {}", "Trần Thanh ".repeat(50_000))), None);
    }

    #[test]
    fn a_name_is_two_to_six_capitalized_words() {
        assert!(looks_like_name("Trần Thanh Mẫn") && looks_like_name("Lê Văn") && looks_like_name("A Bờ Cờ Dờ Ê Gờ"));
        assert!(!looks_like_name("Trần") && !looks_like_name("A Bờ Cờ Dờ Ê Gờ Hờ") && !looks_like_name("TRẦN THANH MẪN"));
        assert!(!looks_like_name(&"Trần Thanh ".repeat(50_000)) && !looks_like_name("Trần thanh Mẫn"));
    }

    #[test]
    fn a_portal_title_is_typed_numbered_and_mostly_lower_case() {
        assert!(is_portal_title("Công văn 627/BYT-BH năm 2021 về việc thử do Bộ Y tế ban hành."));
        assert!(!is_portal_title("Công văn 627/BYT-BH NĂM 2021 VỀ VIỆC THỬ DO BỘ Y TẾ BAN HÀNH."));
        assert!(!is_portal_title("Công văn về việc thử do Bộ Y tế gửi các sở"));
        assert!(!is_portal_title(&format!("Công văn 627/BYT-BH năm 2021 {}", "về việc thử ".repeat(40))));
    }

    #[test]
    fn without_a_field_box_only_an_anchor_in_the_first_three_paragraphs_bounds_the_portal_title() {
        // the anchor is looked for in the first 3 paragraphs only when no field box is there: a title line before
        // the motto is chrome, after it (the motto first, at 0) it is the document's
        let title = "Công văn 627/BYT-BH năm 2021 về việc thử do Bộ Y tế ban hành.";
        let motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        for (text, chrome) in [(format!("{title}\n\n{motto}\n\nKẾ HOẠCH\n\nvề việc thử\n"), true), (format!("{motto}\n\n{title}\n\nKẾ HOẠCH\n"), false)] {
            let paras = paras_of(&text);
            let at = paras.iter().position(|p| p.clean == title).unwrap();
            assert_eq!(layout(&paras).zones[at] == Zone::Chrome, chrome, "{text}");
        }
    }

    #[test]
    fn a_typed_summary_line_over_a_portal_footer_is_chrome() {
        let text = "KẾ HOẠCH\n\nvề việc thử\n\n1. Nội dung.\n\nQuyết định 45/QĐ-UBND năm 2025\n\nVăn bản liên quan\n\nmục khác\n";
        let paras = paras_of(text);
        let l = layout(&paras);
        let summary = paras.iter().position(|p| p.clean.starts_with("Quyết định 45")).unwrap();
        assert_eq!(l.zones[summary], Zone::Chrome);
        assert_ne!(l.zones[summary - 1], Zone::Chrome);
    }

    #[test]
    fn operative_line_ends_with_its_colon() {
        assert!(is_operative("QUYẾT ĐỊNH:") && is_operative("QUYẾT NGHỊ :") && is_operative("CHỈ THỊ:"));
        for w in OPERATIVE_WORDS.iter().chain(&["", "QUYẾT", "ĐỊNH", "QUYẾT ĐỊNHH", "XQUYẾT ĐỊNH"]) {
            for tail in ["", ":", " :", "\u{A0}\t:", "::", ": ", ":\n", "\n:", ". :"] {
                for head in ["", " ", "\n"] {
                    let c = format!("{head}{w}{tail}");
                    assert_eq!(is_operative(&c), OPERATIVE.is_match(&c), "{c:?}");
                }
            }
        }
        assert!(!is_operative("QUYẾT ĐỊNH: Điều 1") && !is_operative("QUYẾT ĐỊNH") && !is_operative("Quyết định:"));
    }

    #[test]
    fn every_motto_form_has_an_anchor() {
        let m = &*MOTTO;
        for f in m.inside.iter().map(|(f, _)| f).chain(&m.opens).chain(&m.whole) {
            anchor_of(f);
        }
        assert!(m.inside.iter().any(|(f, _)| f == "CỘNG HOÀ") && m.opens == ["ĐỘC LẬP"] && m.whole == ["CỘNG"]);
    }
}
