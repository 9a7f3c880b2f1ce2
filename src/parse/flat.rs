//! Header and signature blocks read whatever their line breaks: flattened onto one line (`THỦ TƯỚNG CHÍNH PHỦ
//! ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 05/2025/QĐ-TTg Hà Nội, ngày ...`;
//! `KT. TỔNG GIÁM ĐỐC PHÓ TỔNG GIÁM ĐỐC Phạm Văn A`), one part per line, or wrapped anywhere in between. The
//! parts are recognised inside a line by what they are, as a reader does: the motto, `Số:` and its symbol, the
//! place before `, ngày`, a signing authority's prefix, a title, a name.
use crate::lex::class::{DIGIT, LETTER, SPACE};
use crate::lex::heads;
use crate::lex::lexicon::{Lexicon, Tag};
use crate::lex::text;
use regex::Regex;
use std::sync::LazyLock;

/// Where a part of a header starts inside a line: the motto (in capitals), `Độc lập - ...`, `Số:` and a number,
/// the summary of a công văn.
static HEADER_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|(?i:độc\s+lập\s*[-–])|\bSố\s*:?\s*(?:\d|/)|\bV/v\b|\bVề việc\b")
        .unwrap()
});
/// `Số: 45/KH-UBND`, `Số 36-HD/VPTW`, `Luật số: 64/2025/QH15`: the number and symbol (group 1), as [`so_symbol`]
/// reads it (the pattern is its specification and the tests'; compiled, its classes cost ~4 M in every process).
#[cfg(test)]
static SO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định)\s+)?(?i:số)\s*:?\s*(\d{0,5}\s*[/\-–]\s*[\p{L}\d.&]+(?:\s*[/\-–.]\s*[\p{L}\d.&]+)*)").unwrap()
});
/// A rule drawn under a header part (`-------`, `_____`), or a table bar left inside a line: the spec of
/// [`rule_pieces`] (compiling it cost ~0.5 M instructions in every process).
#[cfg(test)]
static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[-–_=*]{3,}|\s\|\s|\|").unwrap());

/// The pieces of `clean` between its rules and bars, as `RULE.split` gives them.
fn rule_pieces(clean: &str) -> impl Iterator<Item = &str> {
    let mut at = Some(0);
    std::iter::from_fn(move || {
        let from = at?;
        let (piece, next) = match next_rule(clean, from) {
            Some((start, end)) => (&clean[from..start], Some(end)),
            None => (&clean[from..], None),
        };
        at = next;
        Some(piece)
    })
}

/// The first [`RULE`] match from byte `from` on: the whole run of three or more of `-–_=*`, a `|` with the white
/// space char on each side, or a lone `|`. The three open with different chars, so the first that can open at a
/// char is the match there; within a shorter run no char opens one.
fn next_rule(s: &str, from: usize) -> Option<(usize, usize)> {
    let is_rule = |c: char| matches!(c, '-' | '–' | '_' | '=' | '*');
    let mut it = s[from..].char_indices().map(|(i, c)| (from + i, c)).peekable();
    while let Some((i, c)) = it.next() {
        if is_rule(c) {
            let (mut end, mut n) = (i + c.len_utf8(), 1);
            while let Some((j, d)) = it.next_if(|&(_, d)| is_rule(d)) {
                (end, n) = (j + d.len_utf8(), n + 1);
            }
            if n >= 3 {
                return Some((i, end));
            }
        } else if c == '|' {
            return Some((i, i + 1));
        } else if c.is_whitespace() {
            let mut rest = s[i + c.len_utf8()..].chars();
            if rest.next() == Some('|') {
                if let Some(w) = rest.next().filter(|w| w.is_whitespace()) {
                    return Some((i, i + c.len_utf8() + 1 + w.len_utf8()));
                }
            }
        }
    }
    None
}
/// `, ngày 28 tháng 11 năm 2025`, `, ngày 28/11/2025`: the date after a place, as [`date_after_comma`] reads it
/// (the pattern is its specification and the tests'; compiled, its `\d`s and `\s`s cost ~2 M in every process).
#[cfg(test)]
static DATE_AFTER_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",\s*(?i:ngày)\s*\d{1,2}\s*(?:tháng\s*\d{1,2}\s*năm\s*\d{4}|[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})").unwrap()
});

/// The date at the start of `s` as `DATE_AFTER_PLACE` matches it there (`, ngày 28/11/2025`): its day, month and
/// year as written, and the byte where it ends. Each blank run and number is taken whole: what the pattern needs
/// after it never starts one, so no shorter take matches.
pub(super) fn date_after_comma(s: &str) -> Option<(&str, &str, &str, usize)> {
    let t = SPACE.skip(s.strip_prefix(',')?);
    let t = SPACE.skip(ngay(t)?);
    let (day, t) = digits(t, 2)?;
    let t = SPACE.skip(t);
    let (month, t) = match t.strip_prefix("tháng") {
        Some(t) => {
            let (month, t) = digits(SPACE.skip(t), 2)?;
            (month, SPACE.skip(SPACE.skip(t).strip_prefix("năm")?))
        }
        None => {
            let (month, t) = digits(SPACE.skip(t.strip_prefix(['/', '.', '-'])?), 2)?;
            (month, SPACE.skip(SPACE.skip(t).strip_prefix(['/', '.', '-'])?))
        }
    };
    let (year, t) = digits(t, 4)?;
    (year.chars().count() == 4).then(|| (day, month, year, s.len() - t.len()))
}

/// Where the dates after a place are in `s`, as `DATE_AFTER_PLACE.find_iter` finds them: each starts at a comma
/// after the date before.
fn dates_after_place(s: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let comma = from + s[from..].find(',')?;
        match date_after_comma(&s[comma..]) {
            Some((.., end)) => {
                from = comma + end;
                return Some(comma..from);
            }
            None => from = comma + 1,
        }
    })
}

/// The act names `Số` may follow at a line's start (`Luật số: 64/2025/QH15`): the alternation of `SO`.
const ACT_BEFORE_SO: [&str; 6] = ["Luật", "Bộ luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định"];

/// Where the number and symbol after `Số:` at the start of `s` are, as `SO` matches them (its group 1, which ends
/// the match). Each blank run, number and run of symbol chars is taken whole: what the pattern needs after it
/// never starts one, so no shorter take matches (the number's `\d{0,5}` fails on a sixth digit whatever it takes).
pub(super) fn so_symbol(s: &str) -> Option<std::ops::Range<usize>> {
    // the act name, when one and its blanks open the line (else `số` must open it, which no act name does)
    let t = ACT_BEFORE_SO.iter().find_map(|w| s.strip_prefix(w)).filter(|t| SPACE.run_len(t) > 0).map_or(s, |t| SPACE.skip(t));
    let t = SPACE.skip(so_word(t)?);
    let t = SPACE.skip(t.strip_prefix(':').unwrap_or(t));
    let start = s.len() - t.len();
    let number = t.chars().take_while(|&c| DIGIT.contains(c)).take(6).map(char::len_utf8).collect::<Vec<_>>();
    if number.len() > 5 {
        return None;
    }
    let t = SPACE.skip(&t[number.iter().sum::<usize>()..]);
    let mut t = symbol_run(SPACE.skip(t.strip_prefix(['/', '-', '–'])?))?;
    // further parts, each after a mark: taken while one follows
    while let Some(next) = SPACE.skip(t).strip_prefix(['/', '-', '–', '.']).and_then(|x| symbol_run(SPACE.skip(x))) {
        t = next;
    }
    Some(start..s.len() - t.len())
}

/// `s` after `số` in any case (`(?i:số)`: `s` folds with `S` and the long `ſ`, `ố` with `Ố`).
fn so_word(s: &str) -> Option<&str> {
    let mut it = s.chars();
    (matches!(it.next(), Some('s' | 'S' | 'ſ')) && matches!(it.next(), Some('ố' | 'Ố'))).then(|| it.as_str())
}

/// `s` after the run of symbol chars (`[\p{L}\d.&]+`) it opens with, when there is one.
fn symbol_run(s: &str) -> Option<&str> {
    let n = s.find(|c: char| !(c == '.' || c == '&' || LETTER.contains(c) || DIGIT.contains(c))).unwrap_or(s.len());
    (n > 0).then(|| &s[n..])
}


/// One to `most` digits (`\d`) at the start of `s`, as many as there are, and the rest.
fn digits(s: &str, most: usize) -> Option<(&str, &str)> {
    let n = s.char_indices().take(most).take_while(|&(_, c)| DIGIT.contains(c)).last().map(|(i, c)| i + c.len_utf8())?;
    Some(s.split_at(n))
}

/// `s` after `ngày` in any case (`(?i:ngày)`: each of its letters folds with its capital only).
fn ngay(s: &str) -> Option<&str> {
    let mut it = s.chars();
    let ok = matches!(it.next(), Some('n' | 'N')) && matches!(it.next(), Some('g' | 'G')) && matches!(it.next(), Some('à' | 'À')) && matches!(it.next(), Some('y' | 'Y'));
    ok.then(|| it.as_str())
}

/// A header line cut into its parts, in order; a line that holds one part comes back whole.
pub fn header_parts(clean: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in rule_pieces(clean) {
        // the parts' starts, searched for once (a second search gave the loop below the same matches)
        let starts: Vec<usize> = HEADER_PART.find_iter(piece).map(|m| m.start()).collect();
        let mut cuts = starts.clone();
        // the motto's first line ends at `VIỆT NAM`; the number at the end of its symbol
        for &start in &starts {
            let rest = &piece[start..];
            if rest.starts_with("CỘNG") || rest.starts_with("ĐẢNG") {
                if let Some(k) = rest.find("VIỆT NAM") {
                    cuts.push(start + k + "VIỆT NAM".len());
                }
            } else if rest.starts_with("Số") {
                cuts.push(start + symbol_end(rest));
            }
        }
        // the motto's second line ends at `Hạnh phúc`
        if let Some(k) = piece.find("Hạnh phúc").or_else(|| piece.find("HẠNH PHÚC")) {
            cuts.push(k + "Hạnh phúc".len());
        }
        // the place before `, ngày ...` (after the parts found so far), and the end of the date
        for d in dates_after_place(piece) {
            let from = cuts.iter().copied().filter(|&c| c <= d.start).max().unwrap_or(0);
            let p = from + place_start(&piece[from..d.start]);
            // (`phố Hồ Chí Minh, ngày ...`: the rest of a place wrapped in its cell stays whole)
            if piece[..p].contains(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == ':') {
                cuts.push(p);
            }
            cuts.push(d.end);
        }
        cuts.push(0);
        cuts.push(piece.len());
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let part = piece[w[0]..w[1]].trim().trim_matches(|c: char| c == '|' || c.is_whitespace());
            if !part.is_empty() {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// Byte length of `Số: 2623/QĐ-TTg` at the start of `s`: the word, its colon and the symbol.
fn symbol_end(s: &str) -> usize {
    // no symbol the grammar reads (`Số: 308KH-UBND`): the word alone, two characters (`ố` is three bytes)
    so_symbol(s).map_or_else(|| s.char_indices().nth(2).map_or(s.len(), |(i, _)| i), |sym| sym.end)
}

/// Where a place name starts, given the text before `, ngày`: the run of capitalized words at its end (`Thành
/// phố Hồ Chí Minh`: a lower-case word inside a capitalized run belongs to it).
fn place_start(before: &str) -> usize {
    let words: Vec<(usize, &str)> = before
        .split(' ')
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    // (an acronym in capitals before the place ends it: `... thuế GTGT Tây Ninh`)
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase()) && !(w.chars().count() >= 2 && text::is_upper(w));
    let mut k = words.len();
    while k > 0 {
        let w = words[k - 1].1;
        let inside = k >= 2 && capital(words[k - 2].1) && k < words.len() && w.chars().all(char::is_lowercase);
        if !(capital(w) || inside) || w.contains(|c: char| c.is_ascii_digit() || c == ':') {
            break;
        }
        k -= 1;
    }
    words.get(k).map_or(before.len(), |(s, _)| *s)
}

/// A signature block read from its lines (or one flattened line): the signing authorities, the signer's title,
/// the signer.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Signature {
    /// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`: as printed, in order.
    pub authorities: Vec<String>,
    pub title: Option<String>,
    pub signer: Option<String>,
}

/// A word or phrase of the lexicon with `tag` (signature words are looked up in capitals as printed).
fn tagged(w: &str, tag: Tag) -> bool {
    Lexicon::global().is(w, tag)
}

/// Notes in a signature block that are none of its parts: `(Đã ký)`, `(Ký, đóng dấu)`.
fn is_note(w: &str) -> bool {
    let l = w.to_lowercase();
    l.starts_with('(') || l.contains("đã ký") || matches!(l.as_str(), "đã" | "ký" | "ký)" | "[daky]")
}

/// Read a signature block from its lines (authority lines, titles, the name, in any line breaks).
pub fn signature(lines: &[&str]) -> Signature {
    // words in order with their line, notes left out
    let mut words: Vec<(usize, &str)> = Vec::new();
    let cleaned: Vec<String> = lines.iter().map(|l| without_notes(l)).collect();
    for (li, l) in cleaned.iter().enumerate() {
        words.extend(l.split_whitespace().filter(|w| !is_note(w)).map(|w| (li, w)));
    }
    let rest_text = |k: usize| words[k..].iter().map(|w| w.1).collect::<Vec<_>>().join(" ");
    let Some(first) = (0..words.len()).find(|&k| PREFIX.is_match(words[k].1) && heads::is_authority(&rest_text(k))) else {
        return untitled(&words);
    };
    // a line of capitals belongs to the block whole (a legacy font decodes toned capitals in lower case:
    // `T/M BAN THƯờNG Vụ`)
    let caps_line: Vec<bool> = cleaned.iter().map(|l| is_caps_line(l)).collect();
    let mut caps_end = first;
    while caps_end < words.len() && (is_caps_word(words[caps_end].1) || is_joiner(words[caps_end].1) || caps_line[words[caps_end].0]) {
        caps_end += 1;
    }
    let mut caps: Vec<&str> = words[first..caps_end].iter().map(|w| w.1).collect();
    let mut signer = name_at(&words[caps_end..]);
    // a name printed in capitals (`NGUYỄN VĂN A`) closes the capitals
    if signer.is_none() {
        if let Some(k) = (1..caps.len()).rev().find(|&k| tagged(caps[k], Tag::Surname) && (2..=5).contains(&(caps.len() - k))) {
            signer = Some(caps[k..].join(" "));
            caps.truncate(k);
        }
    }
    let mut sig = Signature { signer, ..Default::default() };
    // cut the capitals at each authority prefix
    let text = caps.join(" ");
    let starts: Vec<usize> = PREFIX
        .find_iter(&text)
        .map(|m| m.start() + (m.as_str().len() - m.as_str().trim_start().len()))
        .filter(|&s| heads::is_authority(&text[s..]))
        .collect();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(text.len());
        let seg = text[s..e].trim();
        if k + 1 < starts.len() {
            sig.authorities.push(seg.to_string());
        } else {
            let (authority, title) = split_last_authority(seg);
            sig.authorities.push(authority);
            sig.title = title;
        }
    }
    sig
}

/// A block without an authority (`THỦ TƯỚNG` / `Phạm Minh Chính`): the first name after a title in capitals,
/// the title being the capitals on the line before the name (or before it on its line).
fn untitled(words: &[(usize, &str)]) -> Signature {
    for n in 1..words.len() {
        if !is_caps_word(words[n - 1].1) {
            continue;
        }
        let Some(signer) = name_at(&words[n..]) else { continue };
        let line = words[n - 1].0;
        let from = (0..n).rev().take_while(|&k| words[k].0 == line && (is_caps_word(words[k].1) || is_joiner(words[k].1))).last().unwrap_or(n);
        let title: Vec<&str> = words[from..n].iter().map(|w| w.1).collect();
        return Signature { authorities: Vec::new(), title: some(&title.join(" ")), signer: Some(signer) };
    }
    Signature::default()
}

/// A note in a signature block: `(Đã ký)`, `[daky]`. The spec of [`without_notes`] (compiling its counted classes
/// cost ~2.5 M instructions per process).
#[cfg(test)]
static NOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\((?:[^()]{0,40})\)|\[[^\]]{0,20}\]").unwrap());

/// `l` with each [`NOTE`] replaced by a space, leftmost first: a `(` with at most 40 characters, none a bracket,
/// before its `)`, or a `[` with at most 20, none a `]`, before its `]`. Each bracket looks at most 41 characters
/// ahead: linear.
fn without_notes(l: &str) -> String {
    let (mut out, mut copied, mut i) = (String::with_capacity(l.len()), 0, 0);
    while i < l.len() {
        let end = match l.as_bytes()[i] {
            b'(' => closed_within(&l[i + 1..], ')', 40, |c| c == '('),
            b'[' => closed_within(&l[i + 1..], ']', 20, |_| false),
            _ => None,
        };
        match end {
            Some(n) => {
                out.push_str(&l[copied..i]);
                out.push(' ');
                i += 1 + n;
                copied = i;
            }
            None => i += 1,
        }
    }
    out.push_str(&l[copied..]);
    out
}

/// The byte length of `rest` through its first `close`, when at most `max` characters come before it and none
/// of them is `stop`.
fn closed_within(rest: &str, close: char, max: usize, stop: impl Fn(char) -> bool) -> Option<usize> {
    for (k, (j, c)) in rest.char_indices().enumerate() {
        if c == close {
            return Some(j + c.len_utf8());
        }
        if k == max || stop(c) {
            return None;
        }
    }
    None
}
/// The prefix of a signing authority anywhere in a line (checked with [`heads::is_authority`]).
static PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(?:(?:TM|KT|TL|TUQ|TƯQ|Q|PP)\s*\.|(?:T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\s*/\s*UQ)\b)").unwrap());

/// A word of an authority or title: capitals (a legacy font's toned capitals in lower case count, `CHủ TịCH`).
fn is_caps_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters > 0 && text::upper_ratio(w) >= 0.5 && !(letters >= 2 && w.chars().skip(1).all(|c| c.is_lowercase()))
        || heads::is_authority(w)
}

/// A line of capitals with no name on it.
fn is_caps_line(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    text::upper_ratio(l) >= 0.5 && !words.windows(2).any(|w| is_name_word(w[0]) && is_name_word(w[1]))
}

/// Punctuation between the words of a title (`BỘ TRƯỞNG, CHỦ NHIỆM`, `KT.BỘ TRƯỞNG`).
fn is_joiner(w: &str) -> bool {
    w.chars().all(|c| matches!(c, ',' | '-' | '–' | '.' | '/' | '&'))
}

/// The signer's name at the start of `words`: 2 to 6 capitalized words (or a name in capitals).
/// A name is written on one line (a surname alone on its line goes on with the next: `**Dương` / `Đức Tuấn**`).
fn name_at(words: &[(usize, &str)]) -> Option<String> {
    let line = words.first()?.0;
    let on_line = words.iter().take_while(|w| w.0 == line).count();
    let lines = if on_line == 1 { 2 } else { 1 };
    let words: Vec<&str> = words.iter().take_while(|w| w.0 < line + lines).map(|w| w.1).collect();
    let mut n = words.iter().take_while(|w| is_name_word(w)).count().min(6);
    // `Phạm Văn A`: a one-letter given name
    if n >= 2 && n < 6 && words.get(n).is_some_and(|w| w.chars().count() == 1 && w.starts_with(char::is_uppercase)) {
        n += 1;
    }
    (n >= 2).then(|| words[..n].join(" "))
}

/// A capitalized word: a capital, then lower case only.
fn is_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && w.chars().count() >= 2 && cs.all(char::is_lowercase)
}

/// `KT. CHỦ TỊCH PHÓ CHỦ TỊCH`: the authority (`KT. CHỦ TỊCH`) and the signer's title after it (`PHÓ CHỦ
/// TỊCH`). A deputy's title opens with `PHÓ` (or `THỨ TRƯỞNG`); after a collective (`TM.`, `T/M`) the title
/// opens with a title's word; after one who acts for a head (`TL.`, `TUQ.`, `KT.`) the head's title ends at its
/// last word (`BỘ TRƯỞNG`, `CHỦ TỊCH`), a title joined to it by a comma included (`BỘ TRƯỞNG, CHỦ NHIỆM`).
fn split_last_authority(seg: &str) -> (String, Option<String>) {
    let prefix_len = PREFIX.find(seg).filter(|m| m.start() == 0).map_or(0, |m| m.end());
    let words: Vec<(usize, &str)> = seg[prefix_len..]
        .split(' ')
        .scan(prefix_len, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let upper: Vec<String> = words.iter().map(|(_, w)| w.to_uppercase()).collect();
    // whether a phrase with `tag` opens the words from `k`
    let opens = |k: usize, tag: Tag| Lexicon::global().opening(&upper[k..].join(" "), tag).is_some();
    let collective = {
        let p = seg[..prefix_len].to_uppercase();
        p.starts_with("TM") || p.starts_with('T') && p.contains('M')
    };
    let cut = (1..words.len())
        .find(|&k| opens(k, Tag::Deputy))
        // (`T/M BAN BÍ THƯ`, `ĐOÀN CHỦ TỊCH`: bodies named after a title)
        .or_else(|| {
            let body_noun = |k: usize| tagged(&upper[k - 1], Tag::Collective) && opens(k, Tag::CollectiveTitle);
            collective.then(|| (1..words.len()).find(|&k| !body_noun(k) && opens(k, Tag::TitleHead))).flatten()
        })
        .or_else(|| {
            // the head's title ends at its last word; `, CHỦ NHIỆM` goes on with it
            let mut end = (0..words.len()).find(|&k| tagged(upper[k].trim_end_matches(','), Tag::TitleEnd))? + 1;
            while end < words.len() && words[end - 1].1.ends_with(',') {
                end = (end..words.len()).find(|&k| tagged(upper[k].trim_end_matches(','), Tag::TitleEnd))? + 1;
            }
            (end < words.len()).then_some(end)
        });
    match cut {
        Some(k) => (seg[..words[k].0].trim().to_string(), some(&seg[words[k].0..])),
        None => (seg.trim().to_string(), None),
    }
}

fn some(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_and_bars_cut_a_line_as_the_pattern_splits_it() {
        // every short string over rule chars, bars, white space and letters, each white space char in a bar's
        // sides, and a long run and thousands of bars (linear: each char is looked at once or twice)
        let alphabet = ['-', '–', '_', '=', '*', '|', ' ', '\u{A0}', 'a', 'ộ'];
        let mut cases: Vec<String> = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = cases.iter().flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}"))).collect();
            cases.extend(longer);
        }
        cases.extend((0..0x3001u32).chain([0x3000, 0xFEFF, 0x205F, 0x180E]).filter_map(char::from_u32).map(|c| format!("a{c}|{c}b |{c}")));
        cases.extend(["-".repeat(200_000), "a | ".repeat(50_000), "–-_".repeat(1000) + "a=*"]);
        for c in &cases {
            assert_eq!(rule_pieces(c).collect::<Vec<_>>(), RULE.split(c).collect::<Vec<_>>(), "{c:?}");
        }
    }

    #[test]
    fn notes_are_left_out_as_the_pattern_replaces_them() {
        // every short string over brackets, letters and spaces, and random longer ones around the length limits
        let alphabet = ['(', ')', '[', ']', 'a', 'ộ', ' ', '\n'];
        let mut cases: Vec<String> = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = cases.iter().flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}"))).collect();
            cases.extend(longer);
        }
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let len = (seed >> 33) as usize % 100;
            let mut w = String::new();
            for _ in 0..len {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                // mostly letters, so that brackets 20 and 40 characters apart come up
                let k = (seed >> 40) as usize % 40;
                w.push(if k < alphabet.len() { alphabet[k] } else { 'đ' });
            }
            cases.push(w);
        }
        for n in [19, 20, 21, 39, 40, 41] {
            cases.push(format!("TM. ({}) KT. [{}] x", "ộ".repeat(n), "ộ".repeat(n)));
        }
        cases.push("Nguyễn Văn A (Đã ký) [daky] ((x)) [[y]]".into());
        for c in &cases {
            assert_eq!(without_notes(c), NOTE.replace_all(c, " "), "{c:?}");
        }
        // thousands of unclosed brackets: each looks a bounded way ahead
        assert_eq!(without_notes(&"([".repeat(100_000)).len(), 200_000);
    }

    #[test]
    fn the_number_and_symbol_are_read_as_the_pattern_reads_them() {
        for s in [
            "Số: 45/KH-UBND", "Số 36-HD/VPTW", "Luật số: 64/2025/QH15", "Bộ luật  SỐ 12 / 2024 / QH . x", "SỐ:/QĐ-TTg",
            "số: 123456/QĐ", "số: 12345/QĐ", "Số: 12 – A&B.c - d", "Số: 12/ ", "Số: 12/A /", "Số: 12/A / B", "Số: 12/A..B",
            "Số: 12/A .B", "ſố: 1/A", "Luậtsố: 1/A", "Luật số", "Nghị định số 1/ND-CP ngày", "Quyết định\u{a0}số\u{2003}٣/A",
            "Số: 308KH-UBND", "Số: KH/A", "Số : /A", "Số:", "", "Về số: 1/A", "Số: 1/A—B", "Số: 1/Ạ-Ữ/ⅫB",
        ] {
            assert_eq!(so_symbol(s), SO.captures(s).map(|c| c.get(1).unwrap().range()), "{s:?}");
        }
        let long = format!("Số: 1{}", "/A".repeat(100_000));
        assert_eq!(so_symbol(&long), Some("Số: ".len()..long.len()));
    }

    #[test]
    fn so_is_any_case_of_its_letters() {
        let re = Regex::new("^(?i:số)$").unwrap();
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            for w in [format!("{c}ố"), format!("s{c}")] {
                assert_eq!(so_word(&w) == Some(""), re.is_match(&w), "{w:?}");
            }
        }
    }

    #[test]
    fn dates_after_a_place_are_found_as_the_pattern_finds_them() {
        for s in [
            "Hà Nội, ngày 05 tháng 3 năm 2024",
            "Huế, ngày 5/3/2024, ngày 6/3/2024,ngày 7 / 3 / 2024",
            ", Ngày 5 - 03 - 2024 (kèm), , ,NGÀY 1.2.20245",
            "a, ngày 123 tháng 3 năm 2024, ngày 1 tháng 2 năm 2024",
            "a, ngày 12 tháng 3 năm 202, ngày 12 Tháng 3 năm 2024, ngày 1 tháng 2 nam 2024",
            "a,\t\u{a0}ngày\u{2003}٠١ tháng ٠٢ năm ٢٠٢٤",
            "a, ngày 1/2/2024 , ngày 1-2-2024",
            ",,,, ngày",
            "",
        ] {
            let by_pattern: Vec<_> = DATE_AFTER_PLACE.find_iter(s).map(|m| m.range()).collect();
            assert_eq!(dates_after_place(s).collect::<Vec<_>>(), by_pattern, "{s:?}");
        }
        assert_eq!(dates_after_place(&", ngày 1".repeat(50_000)).count(), 0);
    }

    #[test]
    fn ngay_is_any_case_of_its_letters() {
        let re = Regex::new("^(?i:ngày)$").unwrap();
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            for k in 0..4 {
                let w: String = "ngày".chars().enumerate().map(|(j, l)| if j == k { c } else { l }).collect();
                assert_eq!(ngay(&w) == Some(""), re.is_match(&w), "{w:?}");
            }
        }
    }

    #[test]
    fn a_flattened_header_falls_into_its_parts() {
        // the issue's example, and the header of tnt_ND_172-2025-ND-CP_de54f5fa.md as the portal prints it
        assert_eq!(
            header_parts("THỦ TƯỚNG CHÍNH PHỦ ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- Số: 2623/QĐ-TTg Hà Nội, ngày 29 tháng 11 năm 2025"),
            ["THỦ TƯỚNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 2623/QĐ-TTg", "Hà Nội, ngày 29 tháng 11 năm 2025"]
        );
        // tnt_KH_308-KH-UBND_8e9a425d.md as a PDF's text layer lays it out
        assert_eq!(
            header_parts("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ["ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
        );
        assert_eq!(header_parts("Độc lập - Tự do - Hạnh phúc Số: 308/KH-UBND"), ["Độc lập - Tự do - Hạnh phúc", "Số: 308/KH-UBND"]);
        assert_eq!(
            header_parts("CHÍNH PHỦ_______ Số: 172/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập – Tự do – Hạnh phúc____________________"),
            ["CHÍNH PHỦ", "Số: 172/2025/NĐ-CP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc"]
        );
    }
    #[test]
    fn a_cong_van_summary_ends_where_the_place_begins() {
        // tnt_CV_3257-TNI-QLDN1_2249fe89.md
        assert_eq!(
            header_parts("V/v thuế suất thuế GTGT Tây Ninh, ngày 20 tháng 11 năm 2025"),
            ["V/v thuế suất thuế GTGT", "Tây Ninh, ngày 20 tháng 11 năm 2025"]
        );
        // tnt_CV_4240-UBND-VX_a12a41bb.md, its header on one line
        assert_eq!(
            header_parts("Số: 4240/UBND-VX V/v khẩn trương hoàn thành cập nhật, đồng bộ cơ sở dữ liệu cán bộ, công chức, viên chức Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025"),
            ["Số: 4240/UBND-VX", "V/v khẩn trương hoàn thành cập nhật, đồng bộ cơ sở dữ liệu cán bộ, công chức, viên chức", "Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025"]
        );
    }
    #[test]
    fn a_line_of_one_part_comes_back_whole() {
        for l in ["ỦY BAN NHÂN DÂN", "Số: 617/KH-UBND", "Số: /QĐ-MTTQ-BTT", "Hà Nội, ngày 17 tháng 11 năm 2025", "V/v trả lãi tiền vay cho cổ đông"] {
            assert_eq!(header_parts(l), [l]);
        }
    }
    #[test]
    fn a_flattened_signature_falls_into_its_parts() {
        let s = signature(&["TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Huỳnh Minh Tuấn"]);
        assert_eq!(s.authorities, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]);
        assert_eq!((s.title.as_deref(), s.signer.as_deref()), (Some("PHÓ CHỦ TỊCH"), Some("Huỳnh Minh Tuấn")));
        // the issue's example
        let s = signature(&["KT. TỔNG GIÁM ĐỐC PHÓ TỔNG GIÁM ĐỐC Phạm Văn A"]);
        assert_eq!((s.authorities.join(" / "), s.title.as_deref(), s.signer.as_deref()), ("KT. TỔNG GIÁM ĐỐC".into(), Some("PHÓ TỔNG GIÁM ĐỐC"), Some("Phạm Văn A")));
        // tnt_CV_11298-VPCP-KTTH_a8b68052.md: the authority wrapped after its comma
        let s = signature(&["KT. BỘ TRƯỞNG,", "CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Phạm Mạnh Cường"]);
        assert_eq!((s.authorities.join(" / "), s.title.as_deref()), ("KT. BỘ TRƯỞNG, CHỦ NHIỆM".into(), Some("PHÓ CHỦ NHIỆM")));
        let s = signature(&["TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ PHÁP CHẾ (Đã ký) Nguyễn Văn B"]);
        assert_eq!((s.authorities.join(" / "), s.title.as_deref(), s.signer.as_deref()), ("TL. BỘ TRƯỞNG".into(), Some("VỤ TRƯỞNG VỤ PHÁP CHẾ"), Some("Nguyễn Văn B")));
        let s = signature(&["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Lan Thị Vân"]);
        assert_eq!((s.authorities.join(" / "), s.title.as_deref()), ("TM. BAN THƯỜNG TRỰC".into(), Some("CHỦ TỊCH")));
        let s = signature(&["THỦ TƯỚNG", "Phạm Minh Chính"]);
        assert_eq!((s.authorities.len(), s.title.as_deref(), s.signer.as_deref()), (0, Some("THỦ TƯỚNG"), Some("Phạm Minh Chính")));
    }
}
