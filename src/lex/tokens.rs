//! Tokens of a cleaned paragraph ([`super::words`]: words and punctuation, each with its span and the id of its
//! folded form among the [`Lexicon`]'s words), made once per paragraph and shared by the extractors, and the
//! phrases the grammar names in its code, matched over them.
use super::fold;
use super::lexicon::{Entry, Lexicon, Tags};
use super::words::{tokenize, Token, WordId, NO_WORD};

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
        Lexed { text, toks: tokenize(text, lexicon.words()), lexicon }
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
    pub fn entry(&self, i: usize, tags: impl Into<Tags>) -> Option<&'static Entry> {
        self.lexicon.longest(&self.toks, i, tags)
    }
    /// Whether a lexicon phrase with any of `tags` starts at token `i`.
    pub fn starts(&self, i: usize, tags: impl Into<Tags>) -> bool {
        self.lexicon.starts(&self.toks, i, tags)
    }
    /// Whether a lexicon phrase with any of `tags` ends right before token `i`, starting at token `from` or
    /// after.
    pub fn ends_before(&self, i: usize, from: usize, tags: impl Into<Tags>) -> bool {
        let tags = tags.into();
        (from..i).rev().any(|k| self.lexicon.matches_at(&self.toks, k).any(|e| e.tags.any(tags) && k + e.len == i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_is_tokenized_with_the_lexicon_s_words() {
        let lx = Lexed::new("Giao Sở Nội vụ (UBND) số 58-KH/BTCTW.");
        assert_eq!(lx.len(), 14);
        assert!(lx.get(1).is_some_and(|t| t.word != NO_WORD) && lx.get(5).is_some_and(|t| t.is_upper()));
        assert!(lx.is(1, "sở") && lx.has(2, phrase!("nội vụ")) && !lx.has(1, phrase!("nội vụ")));
    }

    #[test]
    fn a_phrase_ends_before_a_token_only_if_it_starts_inside_the_range() {
        let lx = Lexed::new("Sở gửi văn bản đề nghị Bộ");
        let tag = crate::lex::lexicon::Tag::NotRequestBefore;
        assert!(lx.ends_before(4, 0, tag) && lx.ends_before(4, 2, tag));
        assert!(!lx.ends_before(4, 3, tag) && !lx.ends_before(3, 0, tag));
    }
}
