//! Words: a text cut into tokens (words of letters and digits, single punctuation marks), each with the id of
//! its folded form among the words the lexicon's phrases use ([`Words`]). Below both the lexicon, which interns
//! its phrases' words here and matches phrases over tokens, and [`super::tokens`], which tokenizes paragraphs
//! for the extractors.
use super::fold;
use rustc_hash::FxHashMap as HashMap;

/// Id of a folded word (or punctuation character) that some phrase of the lexicon uses.
pub type WordId = u32;
/// A word no phrase uses.
pub const NO_WORD: WordId = u32::MAX;

/// The folded words and punctuation characters that phrases use, each with its id.
#[derive(Default)]
pub struct Words {
    words: HashMap<Box<str>, WordId>,
    punct: HashMap<char, WordId>,
    longest_word: usize,
}

impl Words {
    /// Give an id to each word and punctuation character of `phrase` that has none yet.
    pub fn intern(&mut self, phrase: &str) {
        for w in phrase.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()) {
            let f = fold::fold(w);
            self.longest_word = self.longest_word.max(w.len()).max(f.len());
            let id = self.words.len() as WordId;
            self.words.entry(f.into_boxed_str()).or_insert(id);
        }
        for c in phrase.chars().filter(|c| !c.is_whitespace() && !is_word_char(*c)) {
            let id = (self.words.len() + self.punct.len()) as WordId + (1 << 24);
            self.punct.entry(c).or_insert(id);
        }
    }

    /// The id of a folded word ([`NO_WORD`] if no phrase uses it).
    #[inline]
    pub fn word_id(&self, folded: &str) -> WordId {
        self.words.get(folded).copied().unwrap_or(NO_WORD)
    }

    #[inline]
    pub fn punct_id(&self, c: char) -> WordId {
        self.punct.get(&c).copied().unwrap_or(NO_WORD)
    }

    /// The byte length of the longest word of any phrase: a longer token cannot be one of them.
    pub fn longest_word(&self) -> usize {
        self.longest_word
    }

    /// How many words there are: their ids run from 0 to this (punctuation ids lie beyond).
    pub fn word_count(&self) -> usize {
        self.words.len()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
}

/// One token: its byte span in the text it was made from, its kind, shape and lexicon word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// The folded word's id ([`NO_WORD`] when no phrase of the lexicon uses it).
    pub word: WordId,
    shape: u8,
}

const CAP: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    /// A word that starts with a capital letter.
    pub fn is_cap(&self) -> bool {
        self.shape & CAP != 0
    }
    /// A word of capitals only (two letters or more: `UBND`, `MTTQ`, `ĐẢNG`).
    pub fn is_upper(&self) -> bool {
        self.shape & UPPER != 0
    }
    /// A word that starts with a digit (`2024`, `58`, `2A`).
    pub fn is_number(&self) -> bool {
        self.shape & DIGIT != 0
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// A letter or digit of a word: ASCII alphanumerics, the Vietnamese letters (precomposed or with combining
/// marks) and other alphanumerics.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{300}'..='\u{36F}') && c != '×' && c != '÷' || c.is_alphanumeric()
}

/// The tokens of `text`; white space separates them and makes none.
pub fn tokenize(text: &str, words: &Words) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    out.extend(Tokens::new(text, words));
    out
}

/// The tokens of a text one at a time, so that a lookup at a line's start reads no further than its phrase
/// can reach (most lines' first word opens no phrase at all).
pub struct Tokens<'a> {
    text: &'a str,
    words: &'a Words,
    i: usize,
    scratch: String,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str, words: &'a Words) -> Tokens<'a> {
        Tokens { text, words, i: 0, scratch: String::new() }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;
    fn next(&mut self) -> Option<Token> {
        let (text, b) = (self.text, self.text.as_bytes());
        while self.i < b.len() {
            let c = b[self.i];
            if c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' {
                self.i += 1;
                continue;
            }
            let ch = if c < 0x80 { c as char } else { text[self.i..].chars().next().unwrap() };
            let start = self.i;
            self.i += ch.len_utf8();
            if is_word_char(ch) {
                while self.i < b.len() {
                    let d = if b[self.i] < 0x80 { b[self.i] as char } else { text[self.i..].chars().next().unwrap() };
                    if !is_word_char(d) {
                        break;
                    }
                    self.i += d.len_utf8();
                }
                let w = &text[start..self.i];
                let word = word_id(w, self.words, &mut self.scratch);
                return Some(Token { start: start as u32, end: self.i as u32, kind: Kind::Word, word, shape: shape(w) });
            } else if !ch.is_whitespace() {
                return Some(Token { start: start as u32, end: self.i as u32, kind: Kind::Punct(ch), word: self.words.punct_id(ch), shape: 0 });
            }
        }
        None
    }
}

fn word_id(w: &str, words: &Words, scratch: &mut String) -> WordId {
    if w.len() > words.longest_word() {
        return NO_WORD;
    }
    if fold::is_folded(w) {
        return words.word_id(w);
    }
    fold::fold_into(w, scratch);
    words.word_id(scratch)
}

fn shape(w: &str) -> u8 {
    let mut chars = w.chars();
    let first = chars.next().unwrap_or(' ');
    let mut s = 0;
    if first.is_ascii_digit() {
        s |= DIGIT;
    }
    if first.is_uppercase() {
        s |= CAP;
        let mut letters = 1;
        let mut all_upper = true;
        for c in chars {
            if c.is_lowercase() {
                all_upper = false;
                break;
            }
            letters += c.is_alphabetic() as u32;
        }
        if all_upper && letters >= 2 {
            s |= UPPER;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(phrases: &[&str]) -> Words {
        let mut w = Words::default();
        for p in phrases {
            w.intern(p);
        }
        w
    }

    #[test]
    fn words_and_punctuation_with_their_spans() {
        let w = words(&["ủy ban nhân dân", "sở", "kh/btctw"]);
        let t = "Giao Sở Nội vụ (UBND) số 58-KH/BTCTW.";
        let toks = tokenize(t, &w);
        let texts: Vec<&str> = toks.iter().map(|k| &t[k.start as usize..k.end as usize]).collect();
        assert_eq!(texts, ["Giao", "Sở", "Nội", "vụ", "(", "UBND", ")", "số", "58", "-", "KH", "/", "BTCTW", "."]);
        assert!(toks[0].is_cap() && !toks[0].is_upper());
        assert!(toks[5].is_upper() && toks[8].is_number());
        assert!(toks[4].is_punct('('));
        assert_eq!((toks[0].word, toks[11].word), (NO_WORD, w.punct_id('/')));
        assert_ne!(toks[1].word, NO_WORD);
    }

    #[test]
    fn a_word_is_found_whatever_its_case_and_tone_placement() {
        let w = words(&["ủy ban"]);
        let a = tokenize("Uỷ ban", &w);
        let b = tokenize("ỦY BAN", &w);
        assert_ne!(a[0].word, NO_WORD);
        assert_eq!(a[0].word, b[0].word);
        assert_eq!(a[1].word, b[1].word);
    }
}
