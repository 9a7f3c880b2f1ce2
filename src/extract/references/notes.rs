//! Footnotes: `các công điện[1]` in the text and `[1] Các công điện: số 217/CĐ-TTg ngày 16/11/2025; số
//! 218/CĐ-TTg ...` below it. The note's citations are references like any other; a citation in a note that
//! has no type word before it takes the one of the note or of its call (`công điện`), and, with no issuer of
//! its own, the one the calling sentence names (`Thủ tướng Chính phủ đã ban hành nhiều văn bản, công điện[1]`).
use super::numbered::issuer_before;
use super::vocab::TYPE_WORD_FORMS;
use super::zone::clause_start;
use crate::lex::class::{DIGIT, LETTER, SPACE};
use crate::lex::letters::lower;
use crate::lex::lines::Para;
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// What the call of a note says of the documents the note lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Call {
    /// The type word before the call or at the head of the note, as the type words are printed.
    pub type_word: Option<&'static str>,
    pub issuer: Option<String>,
}

/// `công điện[1]`, `văn bản[12]`: a call, the words right before it. Read by [`call_at`].
#[cfg(test)]
const CALL: &str = r"(?P<w>\p{L}+(?:\s+\p{L}+){0,3})\s*\[(?P<n>\d{1,3})\]";

/// A call read at the start of a text.
struct CallAt<'a> {
    /// The words before the bracket.
    words: &'a str,
    number: &'a str,
}

/// [`CALL`] at the start of `s`, read with its classes (compiled, its counted repetition copied the letter
/// class four times, ~7.7 M in every process): each word's letters and the blanks after it are taken whole,
/// as a shorter take leaves a letter or a blank where `[` or a letter must come; so does the number's digits.
fn call_at(s: &str) -> Option<CallAt<'_>> {
    let mut end = LETTER.run_len(s);
    if end == 0 {
        return None;
    }
    for _ in 0..3 {
        let blank = SPACE.run_len(&s[end..]);
        let word = LETTER.run_len(&s[end + blank..]);
        if blank == 0 || word == 0 {
            break;
        }
        end += blank + word;
    }
    let rest = &s[end..];
    let rest = rest[SPACE.run_len(rest)..].strip_prefix('[')?;
    let digits = DIGIT.run_len(rest);
    let closed = (1..=3).contains(&rest[..digits].chars().count()) && rest[digits..].starts_with(']');
    closed.then(|| CallAt { words: &s[..end], number: &rest[..digits] })
}
/// `[1] Các công điện: ...`: a note, its number.
static NOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\[(?P<n>\d{1,3})\]\s*").unwrap());

/// The number of the note a paragraph is, and where its text starts.
pub fn note_number(clean: &str) -> Option<(u32, usize)> {
    // the pattern is anchored on `[`: a paragraph that opens otherwise (nearly all) is no note
    if !clean.starts_with('[') {
        return None;
    }
    let c = NOTE.captures(clean)?;
    Some((c["n"].parse().ok()?, c.get(0)?.end()))
}

/// The type word among the last words of `words` (`nhiều văn bản, công điện` → `Công điện`), as printed in
/// the type word list.
fn type_word_in(words: &str) -> Option<&'static str> {
    // the forms in lower case, once
    static LOWER: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| TYPE_WORD_FORMS.iter().map(|f| (lower(f), f.as_str())).collect());
    let words = lower(words);
    LOWER.iter().filter(|(l, _)| words.ends_with(l.as_str())).max_by_key(|(_, f)| f.len()).map(|&(_, f)| f)
}

/// The matches of [`CALL`] in `zone`, as `captures_iter` gives them (leftmost first, one after the other),
/// found from each `[` instead. A call ends in `[`, one to three digits (numeric chars) and `]`, and its
/// words and the spaces between them are letters (alphabetic) and white space: so the call of a `[` starts
/// no earlier than four alphabetic runs back ([`call_reach`]). The anchored regex, tried from there char by
/// char up to the `[` ([`call_at`]), decides each match, and its first success is the leftmost match.
fn call_matches(zone: &str) -> impl Iterator<Item = (usize, CallAt<'_>)> {
    let mut done = 0;
    zone.match_indices('[').filter_map(move |(b, _)| {
        let digits = zone[b + 1..].char_indices().take_while(|&(k, c)| k < 12 && c.is_numeric()).last().map(|(k, c)| b + 1 + k + c.len_utf8())?;
        let end = digits + zone[digits..].starts_with(']').then_some(1)?;
        let from = call_reach(zone, b).max(done);
        let (at, c) = zone[from..b]
            .char_indices()
            .filter(|&(k, _)| k == 0 || !zone[..from + k].chars().next_back().is_some_and(is_letter))
            .find_map(|(k, _)| Some((from + k, call_at(&zone[from + k..end])?)))?;
        done = end;
        Some((at, c))
    })
}

/// Whether `c` is a letter (`\p{L}`, as the call's words are). A match of [`CALL`] that starts right after a
/// letter also starts at that letter (its first `\p{L}+` takes it too), so the leftmost one starts after a
/// non-letter or where the search does: only there is the anchored regex tried. Tried at every char, a long
/// run of letters that ends in no call (`aaa…aⅫ[1]`) cost the square of its length.
fn is_letter(c: char) -> bool {
    LETTER.contains(c)
}

/// How far back from the `[` at `b` a call may start: over white space and up to four alphabetic runs
/// (`\p{L}` is alphabetic, so a run of letters lies inside one).
fn call_reach(zone: &str, b: usize) -> usize {
    let before = &zone[..b];
    let mut at = before.trim_end_matches(char::is_whitespace).len();
    for _ in 0..4 {
        at = before[..at].trim_end_matches(char::is_alphabetic).len();
        let spaced = before[..at].trim_end_matches(char::is_whitespace).len();
        if spaced == at || !before[..spaced].ends_with(char::is_alphabetic) {
            break;
        }
        at = spaced;
    }
    at
}

/// The calls of the notes in `paras` (the first call of each number).
pub fn calls(paras: &[&Para]) -> HashMap<u32, Call> {
    let mut out: HashMap<u32, Call> = HashMap::default();
    for p in paras {
        // a call's number is ASCII digits (it is parsed so): a paragraph without `[` and a digit has none, and
        // most `[` of a page are links (`[text](url)`) that the regex would search letter by letter
        let b = p.clean.as_bytes();
        if !memchr::memchr_iter(b'[', b).any(|k| b.get(k + 1).is_some_and(u8::is_ascii_digit)) || note_number(&p.clean).is_some() {
            continue;
        }
        for (at, c) in call_matches(&p.clean) {
            let Ok(n) = c.number.parse::<u32>() else { continue };
            let start = clause_start(&p.clean, at, 400);
            let before = &p.clean[start..at + c.words.len()];
            // the issuer of `X (đã) ban hành ...` in the calling clause
            let issuer = before.rfind("ban hành").and_then(|k| issuer_before(&before[..k + "ban hành".len()])).map(|(i, _)| i);
            out.entry(n).or_insert(Call { type_word: type_word_in(c.words), issuer });
        }
    }
    out
}

/// A note's own head (`Các công điện:`) names the type of what it lists.
pub fn head_type(note: &str) -> Option<&'static str> {
    let head = &note[..note.find(':')?];
    (head.split_whitespace().count() <= 4).then(|| type_word_in(head)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_gives_its_type_and_the_issuer_of_its_sentence() {
        let t = "Chính phủ, Thủ tướng Chính phủ đã ban hành nhiều văn bản, công điện[1] chỉ đạo tập trung ứng phó.";
        let ls = crate::lex::lines::split_lines(t);
        let ps = crate::lex::lines::paragraphs(t, &ls);
        let refs: Vec<&Para> = ps.iter().collect();
        let c = calls(&refs);
        assert_eq!(c[&1], Call { type_word: Some("Công điện"), issuer: Some("Thủ tướng Chính phủ".into()) });
        assert_eq!(note_number("[12] Các công điện: số 1"), Some((12, 5)));
        assert_eq!((note_number("[3]Các văn bản"), note_number(" [3] Các văn bản")), (Some((3, 3)), None));
        assert_eq!(head_type("Các công điện: số 217/CĐ-TTg"), Some("Công điện"));
    }

    #[test]
    fn calls_are_the_matches_of_the_regex_over_the_whole_paragraph() {
        // a call ends with the `]` after its number
        let end = |z: &str, c: &CallAt| c.number.as_ptr() as usize - z.as_ptr() as usize + c.number.len() + 1;
        let spans = |z: &str| call_matches(z).map(|(at, c)| (at..end(z, &c), c.words.to_string(), c.number.to_string())).collect::<Vec<_>>();
        let call = Regex::new(CALL).unwrap();
        let whole = |z: &str| call.captures_iter(z).map(|c| (c.get(0).unwrap().range(), c["w"].to_string(), c["n"].to_string())).collect::<Vec<_>>();
        for z in [
            "Chính phủ, Thủ tướng Chính phủ đã ban hành nhiều văn bản, công điện[1] chỉ đạo tập trung ứng phó.",
            // more than four words before the call; two calls glued; a word glued after a call
            "các bộ, ngành đã ban hành rất nhiều văn bản hướng dẫn [2][3]và công điện [4] [12] số[5]",
            // not calls: four digits, a link, no words before
            "xem [1234] và [văn bản](http://x) ; [7] ,[8]",
            // letters that are no `\p{L}` (Ⅻ is alphabetic, a number letter) inside and at the end of a word
            "văn bảnⅫ[1] và côngⅫđiện [2], văn bản Ⅻ [3]",
            // blanks of other kinds, digits of another script, a fifth word, a word glued to a mark
            "một hai\u{a0}ba\tbốn năm [٣] và sáu, bảy [1]\n[2] tám [ 1] chín [12a]",
        ] {
            assert_eq!(spans(z), whole(z), "{z}");
        }
        assert_eq!(spans("nhiều văn bản hướng dẫn [2][3]")[0].1, "văn bản hướng dẫn");
    }

    #[test]
    fn a_long_run_of_letters_before_a_bracket_is_tried_once_not_at_each_letter() {
        // a fuzzing-style input: tried at every char of the run, the anchored regex read the rest of the run
        // each time (200,000 letters took 34 s in a release build); tried at the run's start, it reads it once
        let z = format!("Theo văn bản {}Ⅻ[1] và công điện [2].", "a".repeat(200_000));
        let found: Vec<String> = call_matches(&z).map(|(_, c)| c.words.to_string()).collect();
        assert_eq!(found, ["và công điện"]);
    }
}
