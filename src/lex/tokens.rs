//! Tokens of a cleaned paragraph: words (letters and digits) and punctuation, each with its span and, for
//! vocabulary lookups, the id of its folded form in the [`Lexicon`]. Made once per paragraph and shared by the
//! extractors.
use super::fold;
use super::lexicon::{Lexicon, WordId, NO_WORD};

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
    /// The folded word's id in the lexicon ([`NO_WORD`] when no entry of the lexicon uses it).
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

/// A phrase the grammar names in its code (`phối hợp`, `báo cáo`), its words looked up in the lexicon once so
/// that matching it at a token compares ids, not strings. Made with [`phrase!`].
pub struct Phrase {
    /// Each word's id, and its folded text for a word no lexicon phrase uses.
    words: Vec<(WordId, String)>,
}

impl Phrase {
    pub fn new(phrase: &str) -> Phrase {
        let lexicon = Lexicon::global();
        let words = phrase
            .split(' ')
            .map(|w| {
                let f = fold::fold(w);
                (lexicon.word_id(&f), f)
            })
            .collect();
        Phrase { words }
    }
    /// Its length in tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }
}

/// A [`Phrase`] made once, where it is used: `lx.has(i, phrase!("phối hợp"))`.
macro_rules! phrase {
    ($s:literal) => {{
        static P: std::sync::LazyLock<$crate::lex::tokens::Phrase> = std::sync::LazyLock::new(|| $crate::lex::tokens::Phrase::new($s));
        &*P
    }};
}
pub(crate) use phrase;

/// A paragraph's text and its tokens: what the extractors read.
pub struct Lexed<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    lexicon: &'static Lexicon,
}

impl<'a> Lexed<'a> {
    pub fn new(text: &'a str) -> Lexed<'a> {
        let lexicon = Lexicon::global();
        Lexed { text, toks: tokenize(text, lexicon), lexicon }
    }
    pub fn lexicon(&self) -> &'static Lexicon {
        self.lexicon
    }
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
    pub fn get(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }
    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start as usize..t.end as usize]
    }
    /// Whether token `i` is the word `w` (written folded: lower case), whatever its case or tone placement.
    pub fn is(&self, i: usize, w: &str) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        if !t.is_word() {
            return false;
        }
        let s = &self.text[t.start as usize..t.end as usize];
        if s == w {
            return true;
        }
        // most comparisons fail at the first letter (compared without case; `w` is folded)
        let (Some(a), Some(b)) = (s.chars().next(), w.chars().next()) else { return false };
        if a != b && !a.to_lowercase().eq(std::iter::once(b)) && !matches!(a, 'Ð' | 'ð' | 'Ɖ' | 'ɖ') {
            return false;
        }
        if t.word != NO_WORD {
            return self.lexicon.word_id(w) == t.word;
        }
        s.chars().flat_map(char::to_lowercase).eq(w.chars())
    }
    /// Whether the words from token `i` are `p`.
    #[inline]
    pub fn has(&self, i: usize, p: &Phrase) -> bool {
        p.words.iter().enumerate().all(|(k, (id, w))| match self.toks.get(i + k) {
            Some(t) if t.is_word() => {
                if *id != NO_WORD {
                    t.word == *id
                } else {
                    self.is(i + k, w)
                }
            }
            _ => false,
        })
    }
    /// Whether the words from token `i` spell `phrase` (folded words separated by single spaces).
    pub fn phrase_at(&self, i: usize, phrase: &str) -> bool {
        phrase.split(' ').enumerate().all(|(k, w)| self.is(i + k, w))
    }
    /// The index of the first token that starts at or after byte `at`.
    pub fn at_or_after(&self, at: usize) -> usize {
        self.toks.partition_point(|t| (t.start as usize) < at)
    }
    /// The longest lexicon phrase with any of `tags` that starts at token `i`.
    pub fn entry(&self, i: usize, tags: impl Into<super::lexicon::Tags>) -> Option<&'static super::lexicon::Entry> {
        self.lexicon.longest(&self.toks, i, tags)
    }
    /// Whether a lexicon phrase with any of `tags` starts at token `i`.
    pub fn starts(&self, i: usize, tags: impl Into<super::lexicon::Tags>) -> bool {
        self.lexicon.starts(&self.toks, i, tags)
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
pub fn tokenize(text: &str, lexicon: &Lexicon) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    out.extend(Tokens::new(text, lexicon));
    out
}

/// The tokens of a text one at a time, so that a lookup at a line's start reads no further than its phrase
/// can reach (most lines' first word opens no phrase at all).
pub struct Tokens<'a> {
    text: &'a str,
    lexicon: &'a Lexicon,
    i: usize,
    scratch: String,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str, lexicon: &'a Lexicon) -> Tokens<'a> {
        Tokens { text, lexicon, i: 0, scratch: String::new() }
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
                let word = word_id(w, self.lexicon, &mut self.scratch);
                return Some(Token { start: start as u32, end: self.i as u32, kind: Kind::Word, word, shape: shape(w) });
            } else if !ch.is_whitespace() {
                return Some(Token { start: start as u32, end: self.i as u32, kind: Kind::Punct(ch), word: self.lexicon.punct_id(ch), shape: 0 });
            }
        }
        None
    }
}

fn word_id(w: &str, lexicon: &Lexicon, scratch: &mut String) -> WordId {
    if w.len() > lexicon.longest_word() {
        return NO_WORD;
    }
    if fold::is_folded(w) {
        return lexicon.word_id(w);
    }
    fold::fold_into(w, scratch);
    lexicon.word_id(scratch)
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

    #[test]
    fn words_and_punctuation_with_their_spans() {
        let lx = Lexicon::global();
        let t = "Giao Sở Nội vụ (UBND) số 58-KH/BTCTW.";
        let toks = tokenize(t, lx);
        let texts: Vec<&str> = toks.iter().map(|k| &t[k.start as usize..k.end as usize]).collect();
        assert_eq!(texts, ["Giao", "Sở", "Nội", "vụ", "(", "UBND", ")", "số", "58", "-", "KH", "/", "BTCTW", "."]);
        assert!(toks[0].is_cap() && !toks[0].is_upper());
        assert!(toks[5].is_upper() && toks[8].is_number());
        assert!(toks[4].is_punct('('));
    }

    #[test]
    fn a_word_is_found_in_the_lexicon_whatever_its_case_and_tone_placement() {
        let lx = Lexicon::global();
        let a = tokenize("Uỷ ban", lx);
        let b = tokenize("ỦY BAN", lx);
        assert_ne!(a[0].word, NO_WORD);
        assert_eq!(a[0].word, b[0].word);
        assert_eq!(a[1].word, b[1].word);
    }
}
