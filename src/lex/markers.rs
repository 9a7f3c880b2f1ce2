//! Item markers at the start of a paragraph: `I.`, `A.`, `1.`, `1.1.`, `a)`, `-`, `Điều 5.`, `Chương II` ...
//! (`vn-document-format.md` §4–5). Recognition only; nesting is the outline's business.
use super::class::{DIGIT, SPACE};
use super::fold;
use crate::model::{DocType, MarkerStyle};
use regex::Regex;
use std::sync::LazyLock;

/// The punctuation family of a marker: `1.`/`1-`/`1/` are one family, `1)` another, `(1)` a third.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Punct {
    Dot,
    Paren,
    Enclosed,
    None,
    /// A bullet, by its character.
    Bullet(char),
}

/// A recognized marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    pub style: MarkerStyle,
    pub punct: Punct,
    /// The label as the annotation prints it (`IV`, `1.1`, `đ`, `Điều 5`, `Chương II`, `-`).
    pub label: String,
    /// Ordinal within its style (I=1, b=2, 3=3; 0 for bullets and unnumbered).
    pub ordinal: u32,
    /// Byte length of the marker (with its punctuation and following spaces) in the cleaned text.
    pub len: usize,
    /// A single `C`, `D`, `I`, `V`, `X`, `L`: Roman or letter, settled by the siblings.
    pub roman_or_letter: bool,
}

static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(phần)\s+(thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|[IVXLC]+|\d{1,2})|(chương)\s+([IVXLC]+|\d{1,3})|(tiểu\s+mục)\s+(\d{1,2})|(mục)\s+(\d{1,2}|[IVXLC]{1,6})|(điều)\s+(\d{1,3}[a-zđ]?))(?:\s*[.:\-–]\s*|\s+|$)",
    )
    .unwrap()
});
/// The bullet characters: a bullet marker is one of them and the white space after it ([`bullet_at`]).
const BULLETS: &str = "-–—+•▪·●○◦➢❖✓";

/// Điểm letters in their order: the Vietnamese alphabet without f j w z, đ after d.
pub const POINT_LETTERS: &str = "abcdđeghiklmnopqrstuvxy";

pub fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    // reject non-canonical spellings such as IIII or VX
    (to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const T: &[(u32, &str)] =
        &[(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut s = String::new();
    for &(v, r) in T {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Ordinal of a Vietnamese letter (A=1, B=2, C=3, D=4, Đ=5, E=6, G=7 ...).
pub fn letter_ordinal(c: char) -> Option<u32> {
    let lower = c.to_lowercase().next()?;
    POINT_LETTERS.chars().position(|x| x == lower).map(|p| p as u32 + 1)
}

fn vn_ordinal_word(w: &str) -> u32 {
    match w {
        "nhất" => 1,
        "hai" => 2,
        "ba" => 3,
        "tư" => 4,
        "năm" => 5,
        "sáu" => 6,
        "bảy" => 7,
        "tám" => 8,
        "chín" => 9,
        "mười" => 10,
        _ => 0,
    }
}

/// Whether `text` may match [`LEGAL`], by its first two characters: each head word's first two letters
/// (`ph`ần, `ch`ương, `ti`ểu, `mụ`c, `đi`ều) under the regex's `(?i)`, whose simple case folding pairs each of
/// these letters with its capital only (a test checks every char). Most lines fail here (`Theo`, `Căn`, `Các`),
/// so the regex does not run for them.
fn may_open_legal(text: &str) -> bool {
    let mut cs = text.chars();
    matches!(
        (cs.next(), cs.next()),
        (Some('P' | 'p' | 'C' | 'c'), Some('h' | 'H')) | (Some('T' | 't' | 'Đ' | 'đ'), Some('i' | 'I')) | (Some('M' | 'm'), Some('ụ' | 'Ụ'))
    )
}

// The markers but the legal headings are read by hand, each as the pattern that the tests keep for it matches
// (`ROMAN`, `LETTER`, `DOTTED`, `ARABIC`, `POINT`; compiling them cost ~5 M instructions in every process, ten
// copies of `\d` for `DOTTED` alone), with the regex crate's `\d` and `\s` classes. Each greedy part is taken
// whole, as nothing after it can fail: a shorter count leaves a numeral, letter or digit where a mark or white
// space must come. A test checks each against its pattern over every string of the characters that matter.

/// The byte length of the `\d{1,max}` (greedy) at the start of `s`, 0 if none.
fn digits(s: &str, max: usize) -> usize {
    s.chars().take(max).take_while(|&c| DIGIT.contains(c)).map(char::len_utf8).sum()
}

/// The byte length of the `\s*` at the start of `s`.
fn spaces(s: &str) -> usize {
    SPACE.run_len(s)
}

/// The mark among `marks` that `s` opens with after white space, and the byte length of both.
fn mark_after_spaces(s: &str, marks: &[char]) -> Option<(char, usize)> {
    let k = spaces(s);
    let p = s[k..].chars().next().filter(|p| marks.contains(p))?;
    Some((p, k + p.len_utf8()))
}

/// The Roman marker (`IV.`, `II -`, `V/`) at the start of `text`: the byte lengths of its numerals and of the
/// match of `^([IVXLC]{1,7})\s*(?:[.\-–—)]|/(?:\s|$|[^vV\d]))\s*` (after a slash: the end, or one more
/// character, white space or any other but `v`, `V` and a digit).
fn roman_at(text: &str) -> Option<(usize, usize)> {
    let r = text.len() - text.trim_start_matches(['I', 'V', 'X', 'L', 'C']).len();
    if r == 0 || r > 7 {
        return None;
    }
    let (mark, k) = mark_after_spaces(&text[r..], &['.', '-', '–', '—', ')', '/'])?;
    let mut end = r + k;
    if mark == '/' {
        match text[end..].chars().next() {
            Some('v' | 'V') => return None,
            Some(c) if DIGIT.contains(c) => return None,
            Some(c) => end += c.len_utf8(),
            None => {}
        }
    }
    Some((r, end + spaces(&text[end..])))
}

/// The letter marker (`A.`, `B)`) at the start of `text`: its letter and the byte length of the match of
/// `^([A-ZĐ])\s*[.\-–)]\s*`.
fn letter_at(text: &str) -> Option<(char, usize)> {
    let l = text.chars().next().filter(|&c| c.is_ascii_uppercase() || c == 'Đ')?;
    let (_, k) = mark_after_spaces(&text[l.len_utf8()..], &['.', '-', '–', ')'])?;
    let end = l.len_utf8() + k;
    Some((l, end + spaces(&text[end..])))
}

/// The dotted marker (`1.2.`, `2.1.3)`) at the start of `text`, as the pattern `DOTTED` of the tests matches
/// (which cost ~2.3 M instructions to compile in every process: ten copies of `\d`): the byte lengths of its
/// label (the pattern's group 1) and of the whole match. Each greedy part is taken whole, as nothing after it can fail: what follows the number is
/// optional, and a shorter count of digits leaves a digit where a dot must come.
fn dotted_at(text: &str) -> Option<(usize, usize)> {
    let mut label = digits(text, 2);
    if label == 0 {
        return None;
    }
    let mut parts = 0;
    while parts < 4 {
        let n = text[label..].strip_prefix('.').map_or(0, |r| digits(r, 2));
        if n == 0 {
            break;
        }
        label += 1 + n;
        parts += 1;
    }
    if parts == 0 {
        return None;
    }
    // the optional `\.` or `\s*[)\-–]` (white space alone is not it), then `\s*`
    let mut end = label;
    if text[end..].starts_with('.') {
        end += 1;
    } else {
        let k = end + spaces(&text[end..]);
        if let Some(p) = text[k..].chars().next().filter(|p| matches!(p, ')' | '-' | '–')) {
            end = k + p.len_utf8();
        }
    }
    Some((label, end + spaces(&text[end..])))
}

/// The arabic marker (`1.`, `2)`, `(3)`) at the start of `text`, as the pattern `ARABIC` of the tests matches
/// (~1.2 M instructions to compile): its number, its mark (the pattern's groups 1 or 3, and 2: none for an
/// enclosed `(1)`) and the byte length of the match.
fn arabic_at(text: &str) -> Option<(&str, Option<char>, usize)> {
    let (num, mark, end) = if let Some(rest) = text.strip_prefix('(') {
        let n = digits(rest, 2);
        if n == 0 || !rest[n..].starts_with(')') {
            return None;
        }
        (&rest[..n], None, n + 2)
    } else {
        let n = digits(text, 2);
        if n == 0 {
            return None;
        }
        let k = n + spaces(&text[n..]);
        let p = text[k..].chars().next().filter(|p| matches!(p, '.' | ')' | '/' | '-' | '–'))?;
        (&text[..n], Some(p), k + p.len_utf8())
    };
    Some((num, mark, end + spaces(&text[end..])))
}

/// The point marker (`a)`, `đ.`, `(b)`) at the start of `text`: its letter, its punctuation and the byte length
/// of the match of `^(?:([a-zđ])\s*([).\-–])|\(([a-zđ])\))\s+` (white space after it, at least one).
fn point_at(text: &str) -> Option<(char, Punct, usize)> {
    let point = |c: char| c.is_ascii_lowercase() || c == 'đ';
    let (l, punct, end) = if let Some(rest) = text.strip_prefix('(') {
        let l = rest.chars().next().filter(|&c| point(c))?;
        if !rest[l.len_utf8()..].starts_with(')') {
            return None;
        }
        (l, Punct::Enclosed, l.len_utf8() + 2)
    } else {
        let l = text.chars().next().filter(|&c| point(c))?;
        let (mark, k) = mark_after_spaces(&text[l.len_utf8()..], &[')', '.', '-', '–'])?;
        (l, if mark == ')' { Punct::Paren } else { Punct::Dot }, l.len_utf8() + k)
    };
    let sp = spaces(&text[end..]);
    (sp > 0).then_some((l, punct, end + sp))
}

/// The bullet that opens `text`, and the byte length of it with the white space after it.
fn bullet_at(text: &str) -> Option<(char, usize)> {
    let c = text.chars().next().filter(|&c| BULLETS.contains(c))?;
    let rest = text[c.len_utf8()..].trim_start();
    Some((c, text.len() - rest.len()))
}

/// Recognize the marker at the start of a cleaned paragraph (emphasis already removed).
pub fn detect(text: &str) -> Option<Marker> {
    let rest_ok = |len: usize| text[len..].chars().next().is_some_and(|c| !c.is_whitespace());
    // Every line of a document passes here: the legal pattern runs only when the first characters can open a
    // legal heading (a cheap test that changes no result); the other markers are read by hand.
    let c0 = text.chars().next()?;
    let legal_start = may_open_legal(text);
    if let Some(c) = (legal_start).then(|| LEGAL.captures(text)).flatten() {
        let len = c.get(0).unwrap().end();
        let mk = |style, label: String, ordinal| Some(Marker { style, punct: Punct::None, label, ordinal, len, roman_or_letter: false });
        // `Điều 39 Luật Di sản văn hóa ...`, `Chương V của Luật ...`, `Mục 3 Chương V`: a citation run on from the
        // line above, not a heading (a heading's number is followed by its punctuation, its title or nothing)
        let rest = &text[len..];
        let unpunctuated = !c.get(0).unwrap().as_str().trim_end().ends_with(['.', ':', '-', '–']);
        let cited = rest.starts_with(char::is_lowercase)
            || DocType::from_word_prefix(rest).is_some_and(|(_, l)| !crate::lex::text::is_upper(&rest[..l]))
            || (may_open_legal(rest) && LEGAL.captures(rest).is_some_and(|r| !crate::lex::text::is_upper(r.get(0).unwrap().as_str())));
        if unpunctuated && !rest.is_empty() && cited {
            return None;
        }
        if let Some(n) = c.get(2) {
            let n = n.as_str();
            let lower = n.to_lowercase();
            let ordinal = if let Some(w) = lower.strip_prefix("thứ") {
                vn_ordinal_word(w.trim())
            } else {
                roman_value(&n.to_uppercase()).or_else(|| n.parse().ok()).unwrap_or(0)
            };
            let label = if lower.starts_with("thứ") { format!("Phần {}", fold_ws(&lower)) } else { format!("Phần {}", n.to_uppercase()) };
            return mk(MarkerStyle::Part, label, ordinal);
        }
        if let Some(n) = c.get(4) {
            let n = n.as_str().to_uppercase();
            let ord = roman_value(&n).or_else(|| n.parse().ok()).unwrap_or(0);
            return mk(MarkerStyle::Chapter, format!("Chương {n}"), ord);
        }
        if let Some(n) = c.get(6) {
            return mk(MarkerStyle::Subsection, format!("Tiểu mục {}", n.as_str()), n.as_str().parse().unwrap_or(0));
        }
        if let Some(n) = c.get(8) {
            let n = n.as_str().to_uppercase();
            let ord = roman_value(&n).or_else(|| n.parse().ok()).unwrap_or(0);
            // `Mục tiêu`, `Mục đích` never match: a number is required.
            return mk(MarkerStyle::LegalSection, format!("Mục {n}"), ord);
        }
        if let Some(n) = c.get(10) {
            let head = fold::capitalized(&c.get(9).unwrap().as_str().to_lowercase());
            return mk(MarkerStyle::Article, format!("{head} {}", n.as_str()), n.as_str().trim_end_matches(char::is_alphabetic).parse().unwrap_or(0));
        }
    }
    if let Some((r, len)) = roman_at(text) {
        let r = &text[..r];
        if let Some(v) = roman_value(r) {
            // `C/O giấy`: an abbreviation, not `C/` and a heading (a heading after a bare slash is in capitals)
            let abbreviation = text[r.len()..len].find('/').is_some_and(|k| crate::lex::text::upper_ratio(&text[r.len() + k + 1..]) < 0.8);
            if !abbreviation && (rest_ok(len) || len == text.len() && !r.is_empty() && text.trim_end().ends_with(['.', '-', ')', '/'])) && !text[len..].starts_with(|ch: char| ch.is_ascii_digit()) {
                return Some(Marker {
                    style: MarkerStyle::Roman,
                    punct: Punct::Dot,
                    label: r.to_string(),
                    ordinal: v,
                    len,
                    roman_or_letter: r.len() == 1,
                });
            }
        }
    }
    if let Some((l, len)) = letter_at(text) {
        let next = text[len..].chars().next();
        if next.is_some_and(|ch| ch.is_uppercase()) {
            if let Some(ord) = letter_ordinal(l) {
                return Some(Marker { style: MarkerStyle::Letter, punct: Punct::Dot, label: l.to_string(), ordinal: ord, len, roman_or_letter: false });
            }
        }
    }
    // (a numbered marker opens with an ASCII digit or `(`: a line opening with another script's digit has none)
    let digit_or_paren = c0.is_ascii_digit() || c0 == '(';
    if let Some((label, len)) = c0.is_ascii_digit().then(|| dotted_at(text)).flatten() {
        let label = &text[..label];
        let spaced = len > 0 && text[..len].ends_with(|ch: char| ch.is_whitespace() || ch == '.');
        // `2.11.` alone on its line, its text on the next
        let alone = len == text.len() && text.ends_with('.');
        if alone || rest_ok(len) && (spaced || text[len..].starts_with(char::is_alphabetic)) && !text[len..].starts_with(|ch: char| ch.is_ascii_digit() || ch == '%' || ch == ',') {
            let last = label.rsplit('.').next().unwrap().parse().unwrap_or(0);
            return Some(Marker { style: MarkerStyle::Dotted, punct: Punct::Dot, label: label.to_string(), ordinal: last, len, roman_or_letter: false });
        }
    }
    if let Some((num, mark, len)) = digit_or_paren.then(|| arabic_at(text)).flatten() {
        let punct = match mark {
            Some(')') => Punct::Paren,
            Some(_) => Punct::Dot,
            None => Punct::Enclosed,
        };
        let next = text[len..].chars().next();
        let spaced = text[..len].ends_with(char::is_whitespace) && punct != Punct::Dot || text[..len].ends_with(". ") || text[..len].ends_with(") ");
        let next = if spaced && next.is_some_and(|c| c.is_ascii_digit()) { Some('x') } else { next };
        // `10/2025`, `30-5-2019`, `1.000`, `3%` are numbers, not markers; `1.` alone is a marker; `06/QĐ-TTg`,
        // `49/QCPH-UBND` are document symbols (a citation wrapped before its number)
        let symbol = matches!(mark, Some('/' | '-' | '–')) && is_symbol_code(&text[len..]);
        if !symbol && next.is_none_or(|ch| !ch.is_ascii_digit() && ch != '%' && ch != ',') && !(next.is_none() && punct == Punct::Dot && !text.ends_with('.')) {
            return Some(Marker { style: MarkerStyle::Arabic, punct, label: unpadded(num), ordinal: num.parse().unwrap_or(0), len, roman_or_letter: false });
        }
    }
    if let Some((l, punct, len)) = point_at(text) {
        if rest_ok(len) {
            if let Some(ord) = letter_ordinal(l) {
                return Some(Marker { style: MarkerStyle::Point, punct, label: l.to_string(), ordinal: ord, len, roman_or_letter: false });
            }
        }
    }
    if let Some((ch, len)) = bullet_at(text) {
        let rest = &text[len..];
        // a rule of dashes is decoration, not a bullet
        if !rest.is_empty() && !rest.starts_with(['-', '–', '—', '_', '=']) {
            return Some(Marker { style: MarkerStyle::Bullet, punct: Punct::Bullet(ch), label: ch.to_string(), ordinal: 0, len, roman_or_letter: false });
        }
    }
    None
}

/// The code part of a document symbol: capitals (and `Đ`, `&`, `.`) up to a `-` or `/` (`QĐ-TTg`, `KH/TU`).
fn is_symbol_code(s: &str) -> bool {
    let code = s.len() - s.trim_start_matches(|c: char| c.is_uppercase() || matches!(c, '&' | '.')).len();
    code >= 1 && s[code..].starts_with(['-', '/'])
}

fn fold_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `01` prints as `1`; `0` stays `0`.
fn unpadded(num: &str) -> String {
    let t = num.trim_start_matches('0');
    if t.is_empty() { "0".to_string() } else { t.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn label(s: &str) -> Option<(MarkerStyle, String)> {
        detect(s).map(|m| (m.style, m.label))
    }

    /// What [`roman_at`], [`letter_at`], [`dotted_at`], [`arabic_at`] and [`point_at`] read, as patterns.
    const ROMAN: &str = r"^([IVXLC]{1,7})\s*(?:[.\-–—)]|/(?:\s|$|[^vV\d]))\s*";
    const LETTER: &str = r"^([A-ZĐ])\s*[.\-–)]\s*";
    const DOTTED: &str = r"^(\d{1,2}(?:\.\d{1,2}){1,4})(?:\.|\s*[)\-–])?\s*";
    const ARABIC: &str = r"^(?:(\d{1,2})\s*([.)/\-–])|\((\d{1,2})\))\s*";
    const POINT: &str = r"^(?:([a-zđ])\s*([).\-–])|\(([a-zđ])\))\s+";

    #[test]
    fn numbered_markers_are_read_by_hand_as_their_patterns_match() {
        // every string of up to five of the characters the patterns look at (digits of other scripts, which `\d`
        // takes, and a superscript, which it does not; each mark; white space that is not ASCII), and longer ones
        let (dotted, arabic) = (Regex::new(DOTTED).unwrap(), Regex::new(ARABIC).unwrap());
        let alphabet: Vec<char> = "17٣².()-–/ \u{a0}a".chars().collect();
        let mut texts = vec![String::new()];
        let mut k = 0;
        while k < texts.len() {
            if texts[k].chars().count() < 5 {
                let t = texts[k].clone();
                texts.extend(alphabet.iter().map(|&c| format!("{t}{c}")));
            }
            k += 1;
        }
        texts.extend(["1.2.3.4.5.6.7", "12.34.56.78.90.12 x", "1.2.3.4.5. Sở", "123.4", "1.234", "10/2025", "(12) Bộ", "2 \u{3000} – x"].map(String::from));
        for t in &texts {
            let by_regex = dotted.captures(t).map(|c| (c.get(1).unwrap().end(), c.get(0).unwrap().end()));
            assert_eq!(dotted_at(t), by_regex, "{t:?}");
            let by_regex = arabic.captures(t).map(|c| {
                let num = c.get(1).or(c.get(3)).unwrap().as_str();
                (num, c.get(2).map(|m| m.as_str().chars().next().unwrap()), c.get(0).unwrap().end())
            });
            assert_eq!(arabic_at(t), by_regex, "{t:?}");
        }
    }

    #[test]
    fn lettered_markers_and_bullets_are_read_by_hand_as_their_patterns_match() {
        // every string of up to four of the characters the patterns look at (numerals, letters in and out of
        // the classes, each mark, a digit of another script, white space that is not ASCII), and longer ones
        let (roman, letter, point) = (Regex::new(ROMAN).unwrap(), Regex::new(LETTER).unwrap(), Regex::new(POINT).unwrap());
        let bullet = Regex::new(r"^([-–—+•▪·●○◦➢❖✓])\s*").unwrap();
        let alphabet: Vec<char> = "1٣(). -–—/IVCvđĐaAz\u{a0}\u{3000}•".chars().collect();
        let mut texts = vec![String::new()];
        let mut k = 0;
        while k < texts.len() {
            if texts[k].chars().count() < 4 {
                let t = texts[k].clone();
                texts.extend(alphabet.iter().map(|&c| format!("{t}{c}")));
            }
            k += 1;
        }
        texts.extend(["IV. MỤC", "XXXVIII.", "XXXVII.", "C/O giấy", "V/v", "I/\n", "Căn cứ", "a) Sở", "(đ) x", "- Sở", "✓\tX"].map(String::from));
        for t in &texts {
            assert_eq!(roman_at(t), roman.captures(t).map(|c| (c[1].len(), c.get(0).unwrap().end())), "{t:?}");
            assert_eq!(letter_at(t), letter.captures(t).map(|c| (c[1].chars().next().unwrap(), c.get(0).unwrap().end())), "{t:?}");
            let by_regex = point.captures(t).map(|c| {
                let l = c.get(1).or(c.get(3)).unwrap().as_str().chars().next().unwrap();
                let punct = match c.get(2).map(|m| m.as_str()) {
                    Some(")") => Punct::Paren,
                    Some(_) => Punct::Dot,
                    None => Punct::Enclosed,
                };
                (l, punct, c.get(0).unwrap().end())
            });
            assert_eq!(point_at(t), by_regex, "{t:?}");
            let by_regex = bullet.captures(t).map(|c| (c[1].chars().next().unwrap(), c.get(0).unwrap().end()));
            assert_eq!(bullet_at(t), by_regex, "{t:?}");
        }
        assert!(BULLETS.chars().all(|c| !c.is_alphanumeric()));
    }

    #[test]
    fn the_legal_prefilter_lets_through_every_char_the_regex_folds_together() {
        // `(?i)` under regex-syntax's simple case folding: each letter the prefilter names matches exactly the
        // chars it lists for it, and no other char anywhere in Unicode
        for (letter, listed) in [("p", "Pp"), ("c", "Cc"), ("t", "Tt"), ("đ", "Đđ"), ("m", "Mm"), ("h", "hH"), ("i", "iI"), ("ụ", "ụỤ")] {
            let re = Regex::new(&format!("^(?i:{letter})$")).unwrap();
            let folded: String = (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| re.is_match(c.encode_utf8(&mut [0; 4]))).collect();
            let mut listed: Vec<char> = listed.chars().collect();
            listed.sort();
            assert_eq!(folded, listed.into_iter().collect::<String>(), "{letter}");
        }
    }

    #[test]
    fn legal_headings_in_any_case_pass_the_prefilter() {
        for (t, l) in [("PHẦN THỨ HAI", "Phần thứ hai"), ("Chương II", "Chương II"), ("TIỂU MỤC 2", "Tiểu mục 2"), ("MỤC 3", "Mục 3"), ("mục 4.", "Mục 4"), ("ĐIỀU 5.", "Điều 5"), ("Điều 12a. Sửa đổi", "Điều 12a")] {
            assert_eq!(label(t).map(|(_, l)| l), Some(l.to_string()), "{t}");
        }
        assert!(!may_open_legal("Theo đề nghị") && !may_open_legal("Căn cứ") && !may_open_legal("P"));
    }
    #[test]
    fn recognizes_every_numbering_style() {
        use MarkerStyle::*;
        assert_eq!(label("I- MỤC ĐÍCH, YÊU CẦU"), Some((Roman, "I".into())));
        assert_eq!(label("IV.TỔ CHỨC"), Some((Roman, "IV".into())));
        assert_eq!(label("A. NỘI DUNG KIỂM ĐIỂM"), Some((Letter, "A".into())));
        assert_eq!(label("1. Ban Tổ chức"), Some((Arabic, "1".into())));
        assert_eq!(label("1) Ban"), Some((Arabic, "1".into())));
        assert_eq!(label("(1) Tổ chức"), Some((Arabic, "1".into())));
        assert_eq!(label("1.1. Việc thực hiện"), Some((Dotted, "1.1".into())));
        assert_eq!(label("2.10. Việc"), Some((Dotted, "2.10".into())));
        assert_eq!(label("2.3 Tổ chức"), Some((Dotted, "2.3".into())));
        assert_eq!(label("đ) Quản lý"), Some((Point, "đ".into())));
        assert_eq!(label("- Phối hợp"), Some((Bullet, "-".into())));
        assert_eq!(label("+ Đồng chí"), Some((Bullet, "+".into())));
        assert_eq!(label("Điều 5. Phạm vi"), Some((Article, "Điều 5".into())));
        assert_eq!(label("Chương II"), Some((Chapter, "Chương II".into())));
        assert_eq!(label("CHƯƠNG II QUY ĐỊNH"), Some((Chapter, "Chương II".into())));
        assert_eq!(label("Mục 1. Quy định chung"), Some((LegalSection, "Mục 1".into())));
        assert_eq!(label("Phần thứ nhất"), Some((Part, "Phần thứ nhất".into())));
    }
    #[test]
    fn numbers_and_dates_are_not_markers() {
        assert_eq!(label("10/2025 là"), None);
        assert_eq!(label("30-5-2019 ngày"), None);
        assert_eq!(label("2025. Năm"), None);
        assert_eq!(label("V/v triển khai"), None);
        assert_eq!(label("Mục tiêu chung"), None);
        assert_eq!(label("-----"), None);
        assert_eq!(label("1.000 người"), None);
        // a citation wrapped before `Điều` (tnt_ND_308-2025-ND-CP_54c3026b.md)
        assert_eq!(label("Điều 39 Luật Di sản văn hóa đối với từng dự án cụ thể."), None);
        assert_eq!(label("Điều 4 Nghị định này;"), None);
        assert_eq!(label("Điều 4 của Luật"), None);
        // lmx_NQ_101_2025_UBTVQH15_678562.htm re-wrapped: `... tại Mục 2 và Mục 3` / `Chương V của Luật ...`
        assert_eq!(label("Chương V của Luật Bầu cử đại biểu Quốc hội"), None);
        assert_eq!(label("Mục 3 Chương V của Luật"), None);
        assert_eq!(label("CHƯƠNG II QUY ĐỊNH CHUNG"), Some((MarkerStyle::Chapter, "Chương II".into())));
        // a number alone on its line (tnt_KH_182-KH-UBND_f069c23c.md: `*2.11.` / `Đề nghị Ủy ban ...`)
        assert_eq!(label("2.11."), Some((MarkerStyle::Dotted, "2.11".into())));
        assert_eq!(label("2.11"), None);
        // a symbol wrapped before its number (tnt_QD_2820-QD-UBND_001c610b.md)
        assert_eq!(label("06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025"), None);
        assert_eq!(label("49/QCPH-UBND-UBMT-HCTĐ ngày 24/01/2025"), None);
        // tnt_QD_3361-QD-BCT_266dbea1.md: `- Ký cấp phép trực tiếp` / `C/O giấy ...`
        assert_eq!(label("C/O giấy (tiếp tục thực hiện Bước 5 và Bước 6)."), None);
        assert_eq!(label("IV/TỔ CHỨC THỰC HIỆN"), Some((MarkerStyle::Roman, "IV".into())));
    }
}
