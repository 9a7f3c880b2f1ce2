//! Numbered citations: `Kế hoạch số 58-KH/BTCTW, ngày 28/02/2022 của Ban Tổ chức Trung ương`, in Party and
//! state forms, with their date and issuer (after `của`, or before the citation: `Ngày …, X đã ban hành Công
//! văn số …`, `đề nghị của X tại Tờ trình số …`); lists that cite several (`số 19-NQ/TW, số 20-NQ/TW và số
//! 21-NQ/TW`); a type word right before a symbol without `số` (`Quy định 366-QĐ/TW`); standards (`TCVN
//! 14423:2025`).
use super::dates::{date_at, dated};
use crate::lex::class::SPACE;
use super::resolve::NameForm;
use super::vocab::{bare_number_len, is_a, more_at, number_len, standards, starts_with_decree_verb, bare_number_cue, ISSUER, ISSUER_BEFORE_CHARS, ISSUED_BY, ISSUER_BEFORE_TAI, issuer_end_len, ISSUER_END_FIRST, NAME_BEFORE_NUMBER, TYPE_WINDOW, TYPE_WORD_PARTS};
use super::zone::{clause_start, collapse, floor_boundary};
use super::{Ctx, Refs};
use crate::lex::letters::lower;
use crate::lex::lexicon::{Lexicon, Tag};
use crate::lex::symbol::parse_symbol;
use crate::lex::text::holds_numeric;
use crate::lex::words::is_word_char;
use crate::model::{Date, DocType, Symbol};
use crate::lex::literals::Literals;
use std::sync::LazyLock;

/// A type word that names a law (`Luật`, `Bộ luật`, `Pháp lệnh`): only a law is cited with its name between
/// the type word and `số`.
fn is_law(word: &str) -> bool {
    Lexicon::global().get(word).and_then(|e| e.value(Tag::Named)) == Some("law")
}

/// The type word that ends `window` (which ends in white space), possibly followed by a name of one to
/// sixteen words starting with a capital (`Luật Lưu trữ `): its offset, the word, and the name. The leftmost
/// such type word wins, and of words at one offset the first listed (`Nghị quyết liên tịch` before `Nghị
/// quyết`). A name holds no capitalized type word (`Luật Đất đai và Nghị định ` is a Nghị định), though it
/// may hold other words that name documents (`Luật Quy hoạch đô thị và nông thôn `).
pub(super) fn type_before(window: &str) -> Option<(usize, &'static str, &str)> {
    if !window.ends_with(char::is_whitespace) {
        return None;
    }
    // the words of the window and their offsets (an opening bracket or quote stands apart: `(Thông báo số`)
    let mut ws: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in window.char_indices() {
        if c.is_whitespace() || matches!(c, '(' | '[' | '“' | '"') {
            if let Some(s) = start.take() {
                ws.push((s, &window[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    let n = ws.len();
    let mut best = None;
    // k: the number of name words between the type word and the number
    for k in 0..=NAME_BEFORE_NUMBER.min(n) {
        if k > 0 {
            let w = ws[n - k].1;
            let bare = w.trim_end_matches(',');
            if !(w == "-" || !bare.is_empty() && bare.chars().all(char::is_alphabetic)) {
                break;
            }
        }
        let first_cap = k == 0 || ws[n - k].1.starts_with(char::is_uppercase);
        // `Báo cáo tiếp thu số …`, `Báo cáo thẩm tra số …`: a lower-case qualifier of the type, not a name
        let qualified = k > 0 && {
            let q = window[ws[n - k].0..].trim();
            is_a(q, Tag::TypeQualifier)
        };
        let found = TYPE_WORD_PARTS.iter().find(|(_, parts)| {
            let m = parts.len();
            n - k >= m
                && ws[n - k - m..n - k].iter().enumerate().all(|(j, w)| {
                    // `Nghị quyết: số …`
                    let w = if k == 0 && j == m - 1 { w.1.trim_end_matches(':') } else { w.1 };
                    w == parts[j]
                })
        });
        if let Some((word, parts)) = found {
            if qualified && !is_law(word) {
                best = Some((ws[n - k - parts.len()].0, *word, ""));
            } else if first_cap || is_law(word) && k <= 4 {
                // a law's name before its number may be written in lower case (`Bộ luật dân sự số 33/2005/QH11`)
                best = Some((ws[n - k - parts.len()].0, *word, if k == 0 { "" } else { window[ws[n - k].0..].trim() }));
            }
            // a name holds no capitalized type word
            if word.starts_with(char::is_uppercase) {
                break;
            }
        }
    }
    best
}

fn tidy_issuer(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_matches(|ch: char| ch == ',' || ch == '*' || ch.is_whitespace()).to_string();
    (!s.is_empty() && s.chars().count() < 120).then_some(s)
}

/// The issuer after `của` at the start of `rest`, and where it ends in `rest`.
fn issuer_at(rest: &str) -> Option<(String, usize)> {
    let c = ISSUER.find(rest)?;
    // an issuer is shorter than this: the rest of a long paragraph is not searched
    let tail = &rest[c.end()..floor_boundary(rest, c.end() + 400)];
    // a type word inside an agency's name does not end it (`Bộ Kế hoạch và Đầu tư`, `Phòng Tài chính - Kế hoạch`)
    let inside_name = |&(start, end): &(usize, usize)| {
        let word = tail[start..end].trim_start();
        word.starts_with(char::is_uppercase) && {
            let before = tail[..start].trim_end();
            before.ends_with('-') || before.rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_uppercase) && is_a(w, Tag::IssuerWord))
        }
    };
    let end = issuer_ends(tail).find(|m| !inside_name(m)).map_or_else(|| floor_boundary(tail, 120), |(start, _)| start);
    tidy_issuer(&tail[..end]).map(|i| (i, c.end() + end))
}

/// The matches of `vocab::issuer_end_pattern` in `tail` as `find_iter` would give them unanchored (start, end): the
/// pattern is read at each blank or [`ISSUER_END_FIRST`] character, where all its matches start. Reading at
/// `k` looks only after `k` (its `\b` and `$` too), so reading `tail[k..]` is matching at `k`.
fn issuer_ends(tail: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let starts = tail[from..].char_indices().filter(|&(_, ch)| ch.is_whitespace() || ISSUER_END_FIRST.contains(ch));
        let m = starts.map(|(i, _)| from + i).find_map(|k| issuer_end_len(&tail[k..]).map(|n| (k, k + n)))?;
        from = m.1;
        Some(m)
    })
}

/// What a numbered citation is about, when it reads as the name of a document of its type (`Nghị định số
/// 200/2025/NĐ-CP … quy định chi tiết một số điều của Luật Phòng thủ dân sự`): the subject up to the clause
/// end, without `về` / `về việc`.
fn subject_at(rest: &str) -> Option<&str> {
    let rest = rest.trim_start_matches([' ', ',']);
    let rest = rest.strip_prefix("về việc ").or_else(|| rest.strip_prefix("về ")).unwrap_or(rest);
    if !starts_with_decree_verb(rest) {
        return None;
    }
    let end = rest.find([';', '(', ')', ':', '\n', '|', '“', '”']).unwrap_or(rest.len());
    let end = rest[..end].find(". ").unwrap_or(end);
    let s = rest[..floor_boundary(rest, end.min(300))].trim_end_matches([' ', ',', '.']);
    (s.split_whitespace().count() >= 3).then_some(s)
}

/// The first match of the anchored `re` at one of `starts` (in order) whose issuer `i` is at most
/// ISSUER_BEFORE_CHARS characters long: as if `i` were a counted repetition. The issuer of a match is the
/// shortest one from its start, so a match whose issuer is too long has no shorter one there.
fn leftmost_short_issuer<'h>(re: &regex::Regex, s: &'h str, mut starts: impl Iterator<Item = usize>) -> Option<regex::Captures<'h>> {
    starts.find_map(|k| re.captures(&s[k..]).filter(|c| c["i"].chars().count() <= ISSUER_BEFORE_CHARS))
}

/// Where a match of [`ISSUER_BEFORE_ISSUED`] may start in `s`: at its start, or at a `,`, `;`, `.` (then
/// white space) or a white space char before `N`, `n` or a capital (which the issuer or `Ngày` opens with).
fn issued_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    let opens = |r: &str| r.starts_with(|c: char| c.is_uppercase() || c == 'n');
    let lead = move |(k, c): (usize, char)| {
        let rest = &s[k + c.len_utf8()..];
        (matches!(c, ',' | ';' | '.') && opens(rest.trim_start()) || c.is_whitespace() && opens(rest)).then_some(k)
    };
    std::iter::once(0).chain(s.char_indices().skip(1).filter_map(lead))
}

/// The issuer (and date) named before a citation, in the clause that leads to its type word.
pub(super) fn issuer_before(before: &str) -> Option<(String, Option<Date>)> {
    // both patterns end the clause (`… tại`, `… ban hành`, then white space): checked as literals first
    let last = before.trim_end();
    if last.ends_with("tại") {
        if let Some(c) = leftmost_short_issuer(&ISSUER_BEFORE_TAI, before, before.match_indices("của").map(|(k, _)| k)) {
            return tidy_issuer(&c["i"]).map(|i| (i, None));
        }
    }
    if !last.ends_with("ban hành") {
        return None;
    }
    let (i, date) = issued_starts(before).find_map(|k| issued_at(&before[k..]).filter(|(i, _)| i.chars().count() <= ISSUER_BEFORE_CHARS))?;
    // `Sau khi Thủ tướng Chính phủ ban hành …`: the issuer follows the conjunction
    let i = i.rsplit_once(" khi ").map_or(i, |(_, b)| b);
    let issuer = tidy_issuer(i)?;
    // a clause, not a run of lower-case text: the issuer starts with a capital and holds a few words
    (issuer.split_whitespace().count() <= 14).then(|| (issuer, date))
}

/// The issuer and date of the match of `ISSUER_BEFORE_ISSUED` at the start of `s`, read in the pattern's order:
/// its lead (a mark and the blanks after it, or one blank: either way what follows starts with no blank, so
/// there is one way to take it), then with the date (`Ngày …, `) if there and [`ISSUED_BY`] matches after it,
/// else [`ISSUED_BY`] right after the lead.
fn issued_at(s: &str) -> Option<(&str, Option<Date>)> {
    let rest = match s.strip_prefix([',', ';', '.']) {
        Some(r) => SPACE.skip(r),
        None => s.strip_prefix(char::is_whitespace).unwrap_or(s),
    };
    let issuer = |t| ISSUED_BY.captures(t).map(|c| c.name("i").expect("the issuer group").as_str());
    let with_date = dated(rest).and_then(|(date, t)| Some((date, SPACE.skip(SPACE.skip(t).strip_prefix(',')?))));
    with_date.and_then(|(date, t)| Some((issuer(t)?, date))).or_else(|| Some((issuer(rest)?, None)))
}

fn type_of(word: &str, symbol: &Symbol) -> Option<DocType> {
    let lower = lower(word);
    if lower == "văn bản" {
        return Some(symbol.type_code.as_deref().and_then(DocType::from_code).unwrap_or(DocType::CongVan));
    }
    DocType::from_word_prefix(word).map(|(t, _)| t)
}

/// The numbered citations of a paragraph, added to `refs`: `(start, end, reference)` of
/// each, in the zone.
/// Where the symbol of a [`number_len`] or [`bare_number_len`] match starts: at its first digit, since neither `số` nor a
/// type word holds one (found so, the matches need no capture groups: the slower engine is never run).
fn symbol_start(zone: &str, start: usize, end: usize) -> usize {
    start + zone[start..end].find(char::is_numeric).expect("a symbol starts with a digit")
}

/// The matches of `number_pattern` in `zone` (start, end), as `find_iter` would give them. Each starts at a
/// `số` / `Số` followed, after white space and a colon, by a digit (a numeric char, as any `\d` is one), so
/// a match ([`number_len`]) is tried only there, leftmost first, each after the end of the one before.
fn numbers(zone: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    so_before_digit(zone).filter_map(move |at| {
        let len = (at >= pos).then(|| number_len(&zone[at..])).flatten()?;
        pos = at + len;
        Some((at, pos))
    })
}

/// The matches of `bare_number_pattern` in `zone` (start, end), as `find_iter` would give them. A match
/// starts where [`bare_number_cue`] (its own beginning) does: each such start, leftmost first, is tried with
/// [`bare_number_len`]; after a failure the cue is looked for again from the next char, as a match
/// may start inside a failed cue's type word.
fn bare_numbers(zone: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        let at = bare_number_cue(zone, pos)?;
        match bare_number_len(&zone[at..]) {
            Some(len) => {
                pos = at + len;
                return Some((at, pos));
            }
            None => pos = at + zone[at..].chars().next().map_or(1, char::len_utf8),
        }
    })
}

/// Where each `số` / `Số` followed (after white space and a colon) by a numeric char starts.
fn so_before_digit(zone: &str) -> impl Iterator<Item = usize> + '_ {
    // both words, searched for at once with the SIMD searcher: a search for `ố` alone stopped at each of
    // its last byte, which `đ` shares (a match never overlaps the next: `s`/`S` is in neither word but at its start)
    static SO: LazyLock<Literals> = LazyLock::new(|| Literals::new(["số", "Số"]));
    SO.find_iter(zone).filter_map(move |m| {
        let at = m.start();
        let rest = zone[m.end()..].trim_start();
        let rest = rest.strip_prefix(':').map_or(rest, str::trim_start);
        rest.starts_with(char::is_numeric).then_some(at)
    })
}

pub(super) fn scan(cx: &Ctx, refs: &mut Refs) -> Vec<(usize, usize, usize)> {
    let zone = cx.zone;
    // every match of `numbers` and `bare_numbers` holds a numeric char after its cue, and a standard's number a
    // `\d` digit (a numeric char too): a zone with none cites nothing here, and is not searched for the cues
    if !holds_numeric(zone) {
        return Vec::new();
    }
    let mut numbered: Vec<(usize, usize, usize)> = Vec::new();
    // for lists sharing one issuer (`Nghị định số A ngày …, Nghị định số B ngày … của Chính phủ`):
    // (reference, start, end of its date, issuer)
    let mut chain: Vec<(Option<usize>, usize, usize, Option<String>)> = Vec::new();
    let mut consumed = 0;
    // (where the type word may end, the symbol, whether `số` comes first), in text order
    let mut found: Vec<(usize, usize, usize, bool)> = numbers(zone).map(|(s, e)| (s, symbol_start(zone, s, e), e, true)).collect();
    found.extend(bare_numbers(zone).map(|(s, e)| {
        let sym = symbol_start(zone, s, e);
        (sym, sym, e, false)
    }));
    found.sort_by_key(|f| f.0);
    for (at, sym_start, sym_end, with_so) in found {
        if at < consumed {
            continue;
        }
        // `… /UBTVQH15.` ends a sentence: a dash after the full stop opens the next line, not a symbol part
        let sym = &zone[sym_start..sym_end];
        let sym = match sym.find('.').filter(|&d| sym[d + 1..].trim_start().starts_with('-')) {
            Some(d) => &sym[..d],
            None => sym,
        };
        // `70-TB/TWngày 15/3/2024`: a grammar word glued to the symbol is not part of it
        let sym = unglue(sym);
        let sym_end = sym_start + sym.len();
        if !with_so {
            // a symbol right after a type word: it must hold letters (`366-QĐ/TW`, not a date) and stand
            // alone (not the tail of `QH15/…`)
            if !sym.contains(|c: char| c.is_uppercase()) || zone[..at].ends_with(|c: char| is_word_char(c) || "/-.".contains(c)) {
                continue;
            }
        }
        let mut from = at.saturating_sub(TYPE_WINDOW);
        while !zone.is_char_boundary(from) {
            from += 1;
        }
        // in a note, a citation without a type word before it takes the note's (`số 218/CĐ-TTg` in `[1] Các công
        // điện: số 217/CĐ-TTg; số 218/CĐ-TTg`)
        let found = type_before(&zone[from..at]).or_else(|| cx.note.and_then(|n| n.type_word).filter(|_| with_so).map(|w| (at - from, w, "")));
        let Some((t_at, word, name)) = found else { continue };
        let law = is_law(word);
        // a name between the type word and `số` only for laws (`Luật Lưu trữ số 33/2024/QH15`)
        if !name.is_empty() && !(law && with_so) {
            continue;
        }
        let mut pos = sym_end;
        let start = from + t_at;
        let mut syms = vec![(sym.to_string(), start, sym_end)];
        // `số 19-NQ/TW, số 20-NQ/TW và số 21-NQ/TW`
        while let Some((s_start, s_end)) = more_at(&zone[pos..]) {
            syms.push((zone[pos + s_start..pos + s_end].to_string(), pos + s_start, pos + s_end));
            pos += s_end;
        }
        consumed = pos;
        let (mut date, used) = date_at(&zone[pos..]);
        let after = issuer_at(&zone[pos + used..]);
        let subject = subject_at(&zone[pos + used + after.as_ref().map_or(0, |a| a.1)..]);
        let mut issuer = after.map(|a| a.0);
        let single = syms.len() == 1;
        if issuer.is_none() && single {
            let cs = clause_start(zone, start, 240);
            if let Some((i, d)) = issuer_before(&zone[cs..start]) {
                issuer = Some(i);
                date = date.or(d);
            }
        }
        // in a note, the issuer the calling sentence names
        if issuer.is_none() {
            issuer = cx.note.and_then(|n| n.issuer.clone());
        }
        let mut last = None;
        for (s, s_start, s_end) in syms {
            let raw: String = s.split_whitespace().collect::<String>().trim_end_matches(['.', '-']).to_string();
            let symbol = parse_symbol(&raw);
            let t = type_of(word, &symbol);
            if let Some(i) = refs.add(cx, t, symbol, if single { date } else { None }, issuer.clone(), (s_start, s_end)) {
                numbered.push((start, pos, i));
                let t = type_of(word, refs.list[i].symbol.as_ref().unwrap()).unwrap_or(DocType::Luat);
                if law && !name.is_empty() {
                    refs.known_as(i, t.clone(), NameForm::new(&format!("{word} {name}")));
                }
                // `Nghị định số … quy định chi tiết …`, later `Nghị định quy định chi tiết …`
                if let Some(subject) = subject.filter(|_| single) {
                    refs.known_as(i, t, NameForm::new(&format!("{word} {subject}")));
                }
                last = Some(i);
            }
        }
        chain.push((if single { last } else { None }, start, pos + used, issuer));
    }
    share_issuers(zone, &mut chain, refs);
    // a standard's code holds `TCVN` or `QCVN`: a zone without `CVN` has none, and is not searched (by the SIMD
    // searcher, cheaper than `contains`'s two-way search on short zones)
    static CVN: LazyLock<Literals> = LazyLock::new(|| Literals::new(["CVN"]));
    for c in CVN.find(zone).is_some().then(|| standards(zone)).into_iter().flatten() {
        let (start, end) = c.span;
        let raw = collapse(&zone[start..end]);
        let symbol = Symbol {
            raw: raw.clone(),
            number: Some(c.n.split([':', '-', '/']).next().unwrap_or("").trim().to_string()),
            year: None,
            type_code: Some(c.t.to_string()),
            issuer_code: None,
            form: None,
        };
        if let Some(i) = refs.add(cx, Some(DocType::Other(c.t.to_string())), symbol, None, None, (start, end)) {
            numbered.push((start, end, i));
        }
    }
    numbered.sort_unstable();
    numbered
}

/// Grammar words printed glued to a symbol (`70-TB/TWngày 15/3/2024`): the lexicon's `glued` words.
static GLUED: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| Lexicon::global().phrases(Tag::Glued).map(|e| e.phrase.as_str()).collect());

/// The byte length of a grammar word glued to the end of a symbol (0 when none).
fn glued_len(sym: &str) -> usize {
    let sym = sym.trim_end();
    GLUED.iter().find(|w| sym.len() > w.len() && sym.ends_with(*w) && sym[..sym.len() - w.len()].ends_with(|c: char| c.is_uppercase() || c.is_ascii_digit())).map_or(0, |w| w.len())
}

/// A symbol without a grammar word glued to its end.
pub(super) fn unglue(sym: &str) -> &str {
    &sym[..sym.len() - glued_len(sym)]
}

/// An issuer shared by a list of citations: `A ngày …, B ngày … của Chính phủ`.
fn share_issuers(zone: &str, chain: &mut [(Option<usize>, usize, usize, Option<String>)], refs: &mut Refs) {
    for k in (0..chain.len().saturating_sub(1)).rev() {
        let (next_start, next_issuer) = (chain[k + 1].1, chain[k + 1].3.clone());
        let (this, _, end, issuer) = &chain[k];
        let gap = zone.get(*end..next_start).unwrap_or("").trim();
        // one issuer for both only when their symbols name the same issuer (`… /NĐ-CP, … /NĐ-CP của Chính phủ`)
        let code = |i: &Option<usize>| i.and_then(|i| refs.list[i].symbol.as_ref().and_then(|s| s.issuer_code.clone()));
        let same = code(this).is_some() && code(this) == code(&chain[k + 1].0);
        if issuer.is_none() && same && (gap == "," || gap == "và") {
            chain[k].3 = next_issuer;
        }
    }
    for (i, _, _, issuer) in chain.iter() {
        if let (Some(i), Some(iss)) = (i, issuer) {
            if refs.list[*i].issuer.is_none() {
                refs.list[*i].issuer = Some(iss.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that `found` gives, on each of `texts`, the matches of `pattern` searched for over the whole text.
    fn as_find_iter(pattern: &str, found: impl Fn(&str) -> Vec<(usize, usize)>, texts: &[&str]) {
        let whole = regex::Regex::new(pattern).unwrap();
        for t in texts {
            assert_eq!(found(t), whole.find_iter(t).map(|m| (m.start(), m.end())).collect::<Vec<_>>(), "{t}");
        }
    }

    #[test]
    fn issuer_ends_are_found_at_each_blank_or_mark_as_over_the_whole_tail() {
        // `về` before an accented letter is no end (`\b`), before a blank it is; `, các`, `và các`, `. `
        let texts = ["Bộ Tài chính vềnh về việc, các Sở và  các đơn vị. Theo“Luật”", "UBND tỉnh Đồng Nai (Sở Nội vụ)\tban hành; Nghị quyết số 5 năm  2020 và xã."];
        as_find_iter(&super::super::vocab::issuer_end_pattern(r"\b")[1..], |t| issuer_ends(t).collect(), &texts);
        assert_eq!(issuer_ends("Bộ Tài chính vềnh").count(), 0);
    }

    #[test]
    fn numbers_are_found_at_each_so_before_a_digit_as_over_the_whole_zone() {
        // `Số:` and a glued `số`; `số` before a number that is no symbol, then one that is
        let texts = ["Số: 12/2020/NĐ-CP và số12/QĐ-UBND; một số 5 năm số 20-NQ/TW", "theo Công văn số 58-KH/BTCTW, số 20-NQ/TW và số  ٣/QĐ-TTg; Số\t:\t7/KH-UBND"];
        as_find_iter(&super::super::vocab::number_pattern(), |t| numbers(t).collect(), &texts);
        assert_eq!(numbers("một số 5 năm số 20-NQ/TW").count(), 1);
    }

    #[test]
    fn bare_numbers_are_found_at_each_type_word_before_a_digit_as_over_the_whole_zone() {
        // a type word before a number that is no symbol, then before one; the longest type word; a tab
        let texts = ["Luật 2024 và Quy định 366-QĐ/TW; Nghị quyết liên tịch \t01/2020/NQLT-BTP-VKSNDTC, Kế hoạch 16/KH-MTTQ-BTT", "Thông tư 5 ngày, Thông tư ٣/TT-BTC; Quyết định  12/QĐ-UBND"];
        as_find_iter(&super::super::vocab::bare_number_pattern(), |t| bare_numbers(t).collect(), &texts);
        assert_eq!(bare_numbers("Luật 2024 và Quy định 366-QĐ/TW").count(), 1);
    }

    #[test]
    fn a_standard_is_found_by_its_code() {
        let refs = super::super::extract_text("Áp dụng TCVN 14423:2025 và QCVN 01:2021/BXD.");
        assert_eq!(refs.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["TCVN14423:2025", "QCVN01:2021/BXD"]);
    }

    #[test]
    fn the_issuer_before_ban_hanh_is_read_as_its_pattern_matched_it() {
        use super::super::dates::date_of;
        use super::super::vocab::ISSUER_BEFORE_ISSUED;
        // with a date of each form, a date of no month 13, a date with no comma after it (then no date), a
        // lead mark and blanks, one blank, two blanks, glued words, a three-digit day
        let texts = [
            "Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành", ", ngày 3/2/2025 ,  Sở Tư pháp vừa ký ban hành",
            "ngày 12/13/2020, Bộ Tài chính ban hành ", "Ngày 1/2/2020 Bộ Tài chính ban hành", ";\t Bộ Nội vụ sẽ ban hành", " Bộ Nội vụ ban hành",
            "  Bộ Nội vụ ban hành", "Ngày1/2/2020,Bộ Y tế ban hành", "Ngày 123/2/2020, Bộ Y tế ban hành", "Ngày ٢٨/٠٢/٢٠٢٢, Bộ Y tế tiếp tục ban hành",
            ". Ngày 5 tháng 6 năm 2021, UBND tỉnh ký ban hành", "Bộ Tài chính, Bộ Y tế ban hành", "bộ Y tế ban hành", "Ngày 5, Bộ Y tế ban hành",
        ];
        for t in texts {
            let by_pattern = ISSUER_BEFORE_ISSUED.captures(t).map(|c| (c.name("i").unwrap().as_str(), date_of(&c, 1)));
            assert_eq!(issued_at(t), by_pattern, "{t:?}");
        }
    }

    #[test]
    fn issuer_before_takes_the_leftmost_issuer_short_enough() {
        let (i, _) = issuer_before("theo đề nghị của Giám đốc Sở Nội vụ tại ").unwrap();
        assert_eq!(i, "Giám đốc Sở Nội vụ");
        // a first `của` too far from `tại` (its issuer over 101 characters) gives way to a later one
        let long = format!("của Ban {} và của Sở Tư pháp tại", "x ".repeat(60));
        assert_eq!(issuer_before(&long).unwrap().0, "Sở Tư pháp");
        let (i, d) = issuer_before("Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành").unwrap();
        assert_eq!((i.as_str(), d.map(|d| d.year)), ("Chủ tịch Ủy ban nhân dân Thành phố", Some(2025)));
        let long = format!("Bộ {} ban hành", "x ".repeat(60));
        assert_eq!(issuer_before(&long), None);
        // after a semicolon, after `khi`, and a date after a comma
        assert_eq!(issuer_before("thực hiện;  Bộ Tài chính đã ban hành ").unwrap().0, "Bộ Tài chính");
        assert_eq!(issuer_before("Sau khi Thủ tướng Chính phủ ban hành").unwrap().0, "Thủ tướng Chính phủ");
        let (i, d) = issuer_before("Trước đó, ngày 3/2/2025, Sở Tư pháp vừa ký ban hành").unwrap();
        assert_eq!((i.as_str(), d.map(|d| d.month)), ("Sở Tư pháp", Some(2)));
    }
}
