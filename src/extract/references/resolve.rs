//! Resolving names to documents: aliases defined in the text (`(sau đây viết tắt là …)`), later short forms
//! (`Nghị quyết Đại hội XIII`, `Luật MTTQ Việt Nam`), a law cited by name and by number, and a document named
//! as what a cited document approves are one document.
use super::named::{named_kind, Named};
use super::vocab::ALIAS_CHARS;
use super::zone::{clause_start, collapse, fold_name};
use crate::lex::class::{SPACE, UPPER};
use crate::lex::letters::lower;
use crate::lex::lexicon::{Lexicon, Tag};
use crate::lex::words::is_word_char;
use crate::model::{DocType, Reference};
use crate::lex::literals::Literals;
use std::ops::Range;
use std::sync::LazyLock;

/// A name as compared: its words (lower case, but all-capital abbreviations kept), the years it names set
/// apart, `năm`/`giai đoạn`/`đến` dropped.
#[derive(Debug, PartialEq)]
pub(super) struct NameForm {
    words: Vec<String>,
    years: Option<(u16, u16)>,
}

impl NameForm {
    pub(super) fn new(name: &str) -> Self {
        let (words, years) = name_words(name);
        NameForm { words, years }
    }
    /// The first word after the `type_words` words of the type, in lower case: two names of one document
    /// share it, unless one is an abbreviation ([`NameForm::head_is_abbreviation`]).
    pub(super) fn head(&self, type_words: usize) -> Option<String> {
        self.words.get(type_words).map(|w| lower(w))
    }
    /// Whether the first word after the type is an abbreviation (`MTTQ`), which may stand for other words.
    pub(super) fn head_is_abbreviation(&self, type_words: usize) -> bool {
        self.words.get(type_words).is_some_and(|w| !w.is_empty() && w.chars().all(char::is_uppercase))
    }
}

fn name_words(name: &str) -> (Vec<String>, Option<(u16, u16)>) {
    let mut words = Vec::new();
    let mut years: Option<(u16, u16)> = None;
    for w in name.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()) {
        let mut l = lower(w);
        // `ð` typed for `đ` is rare: the word is copied again only when it holds one
        if l.contains('ð') {
            l = l.replace('ð', "đ");
        }
        if let Ok(y) = l.parse::<u16>() {
            if l.len() == 4 && (1900..2100).contains(&y) {
                years = Some(years.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
                continue;
            }
        }
        if Lexicon::global().is(&l, Tag::TimeWord) {
            continue;
        }
        words.push(if w.chars().all(|c| c.is_uppercase()) && w.chars().count() >= 2 { w.to_string() } else { l });
    }
    (words, years)
}

/// Whether the words `short` appear in order in `long`, an all-capitals word of `short` standing for the
/// initials of several words of `long` (`MTTQ` = `Mặt trận Tổ quốc`).
fn subsequence(short: &[String], long: &[String]) -> bool {
    let mut j = 0;
    'outer: for w in short {
        // what is asked of `w` at every word of `long`, asked once
        let (w_lower, letters) = (lower(w), w.chars().count());
        let initials_of = letters >= 2 && w.chars().all(char::is_uppercase);
        while j < long.len() {
            if lower(&long[j]) == w_lower {
                j += 1;
                continue 'outer;
            }
            if initials_of && j + letters <= long.len() {
                let initials: String = long[j..j + letters].iter().filter_map(|x| x.chars().next()).flat_map(char::to_uppercase).collect();
                if initials == w.as_str() {
                    j += letters;
                    continue 'outer;
                }
            }
            j += 1;
        }
        return false;
    }
    true
}

/// Whether two names of one type name the same document: the same first word after the type word, one's
/// words in order among the other's (a short form), and overlapping years when both have years (`Luật Đất
/// đai năm 2013` is not `Luật Đất đai năm 2024`; `… năm 2025` is within `… giai đoạn 2021 - 2025`).
pub(super) fn same_document(a: &NameForm, b: &NameForm, type_words: usize) -> bool {
    let (wa, wb) = (&a.words, &b.words);
    if let (Some((a0, a1)), Some((b0, b1))) = (a.years, b.years) {
        if a1 < b0 || b1 < a0 {
            return false;
        }
    }
    let (ha, hb) = (wa.get(type_words), wb.get(type_words));
    match (ha, hb) {
        (None, None) => return true,
        (Some(x), Some(y))
            if lower(x) == lower(y)
                || subsequence(std::slice::from_ref(x), &wb[type_words..]) && x.chars().all(char::is_uppercase)
                || subsequence(std::slice::from_ref(y), &wa[type_words..]) && y.chars().all(char::is_uppercase) => {}
        _ => return false,
    }
    let (s, l) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    subsequence(&s[type_words..], &l[type_words..])
}

pub(super) fn type_word_count(t: &DocType) -> usize {
    t.name().split_whitespace().count()
}

/// An alias defined in the text and what it stands for.
pub(super) enum AliasTarget {
    /// A name found in the same paragraph (index into the names of the whole text).
    Named(usize),
    Numbered(usize),
    /// The document itself or something not cited (`(sau đây gọi tắt là Kế hoạch)`).
    Nothing,
}

pub(super) struct Alias {
    /// Where it is defined: a byte offset in the text.
    pub at: usize,
    pub fold: String,
    pub target: AliasTarget,
}

/// The aliases defined in a paragraph's cleaned text `zone`: each stands for the last citation before it in its
/// clause. `named` are the paragraph's names (spans in `zone`), the first being number `first` of the text;
/// `numbered` its numbered citations; `at` maps a zone offset to the text.
pub(super) fn aliases_in(
    zone: &str,
    named: &[Named],
    first: usize,
    numbered: &[(usize, usize, usize)],
    refs: &[Reference],
    at: impl Fn(usize) -> usize,
    out: &mut Vec<Alias>,
) {
    // every alias has `gọi` or `viết tắt` in lower case (a cheap look that spares most paragraphs the regex):
    // the SIMD searcher of both words reads the zone once, where two `contains` read it twice
    static CUE: LazyLock<Literals> = LazyLock::new(|| Literals::new(["gọi", "viết tắt"]));
    if CUE.find(zone).is_none() {
        return;
    }
    let mut pos = 0;
    while let Some(AliasMatch { open, alias: a, end }) = next_alias(zone, pos) {
        let a = &zone[a];
        // the shortest alias from this bracket is too long: so is every other from it; the search goes on
        // from the next character, as a bounded pattern would have
        if a.chars().count() > ALIAS_CHARS {
            pos = open + 1;
            continue;
        }
        pos = end;
        let alias = collapse(a);
        let from = clause_start(zone, open, 600);
        let last_named = named.iter().enumerate().rev().find(|(_, n)| n.span.0 >= from && n.span.0 < open);
        let last_numbered = numbered.iter().rev().find(|&&(s, _, _)| s >= from && s < open);
        let alias_type = DocType::from_word_prefix(&alias).map(|(t, _)| t);
        let target = match (last_named, last_numbered) {
            (Some((i, n)), num) if num.is_none_or(|&(s, _, _)| s < n.span.0) => {
                if alias_type.is_none() || alias_type == Some(n.doc_type.clone()) || named_kind(alias.split(' ').next().unwrap_or("")).1 == n.doc_type {
                    AliasTarget::Named(first + i)
                } else {
                    AliasTarget::Nothing
                }
            }
            (_, Some(&(_, _, r))) if alias_type.is_none() || alias_type == refs[r].doc_type => AliasTarget::Numbered(r),
            _ => AliasTarget::Nothing,
        };
        out.push(Alias { at: at(open), fold: fold_name(&alias), target });
    }
}

/// A match of [`ALIAS_PATTERN`](super::vocab::ALIAS_PATTERN): its `(`, the alias (group `a`) and its end.
struct AliasMatch {
    open: usize,
    alias: Range<usize>,
    end: usize,
}

/// The first alias match from `pos` on: every match starts at a `(`, so each `(` is tried in turn, as the
/// pattern's unanchored search would (each try reads at most to the next `(`, which the alias cannot hold).
fn next_alias(zone: &str, pos: usize) -> Option<AliasMatch> {
    let mut from = pos;
    loop {
        let open = from + zone[from..].find('(')?;
        if let Some(m) = alias_at(zone, open) {
            return Some(m);
        }
        from = open + 1;
    }
}

/// The match of the alias pattern starting at `open`, read part by part. Up to the alias, each part has one way
/// to match: no part starts with a blank or a mark its blank run takes, so each run is taken whole; an optional
/// word (`sau đây`, `được`, `là`) is taken where it is written, as without it the next part would have to start
/// there, and it does not; `gọi tắt` / `gọi chung` are taken before `gọi`, after which `tắt` / `chung` would
/// have to be a capital. The alias runs lazily from its capital: it ends at the first place from which the
/// closing marks `[\s“”"'.]*` reach a `)`, before any of `()“”"` (which it cannot hold).
fn alias_at(zone: &str, open: usize) -> Option<AliasMatch> {
    let s = SPACE.skip(zone[open..].strip_prefix('(')?);
    let s = ["sau đây", "Sau đây", "dưới đây", "Dưới đây"].iter().find_map(|w| s.strip_prefix(w)).unwrap_or(s);
    let s = after_word(SPACE.skip(s), "được");
    let s = ["viết tắt", "gọi tắt", "gọi chung", "gọi"].iter().find_map(|w| s.strip_prefix(w))?;
    if SPACE.run_len(s) == 0 {
        return None;
    }
    let s = after_word(SPACE.skip(s), "là");
    let s = s.trim_start_matches(|c| c == ':' || is_quote(c) || SPACE.contains(c));
    // `[\p{Lu}]`: UPPER adds only `Đ`, which is a `\p{Lu}` letter already
    let capital = s.chars().next().filter(|&c| UPPER.contains(c))?;
    let start = zone.len() - s.len();
    let body = start + capital.len_utf8();
    let stop = zone[body..].find(['(', ')', '“', '”', '"']).map_or(zone.len(), |k| body + k);
    // the alias may end anywhere in the closing marks before `stop` (none of them is a `)`), or at `stop`
    let close = |c: char| c == '.' || is_quote(c) || SPACE.contains(c);
    let alias_end = body + zone[body..stop].trim_end_matches(close).len();
    let end = stop + zone[stop..].find(|c| !close(c)).unwrap_or(zone.len() - stop);
    zone[end..].starts_with(')').then(|| AliasMatch { open, alias: start..alias_end, end: end + 1 })
}

/// `s` after `word` and the blanks after it, when a blank follows it (`được\s+`); else `s`.
fn after_word<'s>(s: &'s str, word: &str) -> &'s str {
    s.strip_prefix(word).filter(|r| SPACE.run_len(r) > 0).map_or(s, |r| SPACE.skip(r))
}

/// The quotes the alias pattern takes around an alias: `“”"'`.
fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_of_more_than_its_longest_is_skipped_and_the_search_goes_on() {
        let long = format!("Văn bản{}", " rất dài".repeat(20));
        let zone = format!("Nghị quyết A (sau đây gọi tắt là {long}), Nghị quyết B (sau đây gọi tắt là Nghị quyết Đại hội XIII).");
        let mut out = Vec::new();
        aliases_in(&zone, &[], 0, &[], &[], |o| o, &mut out);
        let folds: Vec<&str> = out.iter().map(|a| a.fold.as_str()).collect();
        assert_eq!(folds, [fold_name("Nghị quyết Đại hội XIII")]);
        assert_eq!(out[0].at, zone.rfind('(').unwrap());
        // an alias of exactly the longest length is one
        let edge = format!("X{}", "y".repeat(ALIAS_CHARS - 1));
        let mut out = Vec::new();
        aliases_in(&format!("(gọi tắt là {edge})"), &[], 0, &[], &[], |o| o, &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn an_alias_is_read_as_its_pattern_matches() {
        let pattern = regex::Regex::new(super::super::vocab::ALIAS_PATTERN).unwrap();
        // brackets that are no alias before one; each optional part, blanks of other scripts, `được` glued;
        // closing marks inside and after the alias, quotes that end it, `gọi tắt` / `gọi` without a capital
        let texts = [
            "Nghị quyết (x) (sau đây) (được) (Sau đây  được gọi tắt là Nghị quyết Đại hội XIII)",
            "Luật (\u{a0}dưới đây\tđược\u{3000}viết tắt là “Luật MTTQ”.) và (gọi chung là Các Luật)",
            "(đượcgọi là X) ((Dưới đâygọi là Y) (viết tắt: Z)",
            "(gọi là x) (sau đây gọi là (Nghị quyết)",
            "(gọi là “Quy chế”, “Điều lệ”) (gọi tắt là Luật. Mới ' .) (gọi chung là A “B”) (gọi là C “ ”) D)",
            "(gọi tắtlà X) (gọi\u{a0}tắt là Y) (gọi chung Z) (gọilà A) (gọi là: “'Ê'”) (gọi là Ư ) (gọi là Ⅳ)",
            "(gọi là A.\n) (viết tắt là B\") (viết tắt là C “ “ ”) (viết tắt là D “ x)” (gọi là E",
        ];
        let mut found = 0;
        for t in texts {
            let mut pos = 0;
            loop {
                let want = pattern.captures_at(t, pos).map(|c| (c.get(0).unwrap().range(), c.name("a").unwrap().range()));
                let got = next_alias(t, pos).map(|m| (m.open..m.end, m.alias));
                assert_eq!(got, want, "{t} from {pos}");
                let Some((m, _)) = want else { break };
                found += 1;
                pos = m.start + 1;
            }
        }
        assert_eq!(found, 11);
    }

    #[test]
    fn an_alias_search_stays_linear_on_unclosed_brackets_and_long_marks() {
        let texts = [
            "(gọi là A".repeat(20_000),
            format!("(gọi là A{}", " “".repeat(100_000)),
            format!("(gọi là A{}x", " ".repeat(200_000)).repeat(3),
            "(".repeat(200_000),
        ];
        for t in &texts {
            let started = std::time::Instant::now();
            assert!(next_alias(t, 0).is_none());
            assert!(started.elapsed().as_secs() < 2, "{} bytes", t.len());
        }
    }
}
