//! Words: a text cut into tokens (words of letters and digits, single punctuation marks), each with the id of
//! its folded form among the words the lexicon's phrases use ([`Words`]). Below both the lexicon, which interns
//! its phrases' words here and matches phrases over tokens, and [`super::tokens`], which tokenizes paragraphs
//! for the extractors.
use super::fold;
pub use super::letters::is_word_char;
use super::letters::{char_at, Class, FoldMarks, Letters, Moves};
use rustc_hash::FxHashMap as HashMap;

/// Id of a folded word (or punctuation character) that some phrase of the lexicon uses.
pub type WordId = u32;
/// A word no phrase uses.
pub const NO_WORD: WordId = u32::MAX;

/// The folded words and punctuation characters that phrases use, each with its id.
#[derive(Default)]
pub struct Words {
    words: WordTable,
    punct: HashMap<char, WordId>,
    /// The ids of the ASCII characters among them, by character ([`NO_WORD`] for the others; empty until one is
    /// interned): most punctuation tokens are ASCII, and read here without hashing.
    ascii_punct: Vec<WordId>,
    longest_word: usize,
}

impl Words {
    /// Give an id to each word and punctuation character of `phrase` that has none yet.
    pub fn intern(&mut self, phrase: &str) {
        for w in phrase.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()) {
            let f = fold::fold(w);
            self.longest_word = self.longest_word.max(w.len()).max(f.len());
            self.words.intern(&f);
        }
        for c in phrase.chars().filter(|c| !c.is_whitespace() && !is_word_char(*c)) {
            let id = (self.words.len() + self.punct.len()) as WordId + (1 << 24);
            let id = *self.punct.entry(c).or_insert(id);
            if c.is_ascii() {
                if self.ascii_punct.is_empty() {
                    self.ascii_punct = vec![NO_WORD; 128];
                }
                self.ascii_punct[c as usize] = id;
            }
        }
    }

    /// The id of a folded word ([`NO_WORD`] if no phrase uses it).
    #[inline]
    pub fn word_id(&self, folded: &str) -> WordId {
        self.words.get(folded.as_bytes())
    }

    /// The id of the word `first` then `rest` (folded) if it is short enough to be put together on the stack:
    /// a capitalized word's fold, whose first letter alone the fold changes (`Sở`, `Giao`).
    #[inline]
    fn word_id_of(&self, first: char, rest: &[u8]) -> Option<WordId> {
        let mut buf = [0u8; 32];
        let n = first.len_utf8();
        let word = buf.get_mut(..n + rest.len())?;
        first.encode_utf8(word);
        word[n..].copy_from_slice(rest);
        Some(self.words.get(word))
    }

    #[inline]
    pub fn punct_id(&self, c: char) -> WordId {
        match self.ascii_punct.get(c as usize) {
            Some(&id) => id,
            None => self.punct.get(&c).copied().unwrap_or(NO_WORD),
        }
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

/// The folded words, each with its id (its rank among them), in a hash table of their own: every word of every
/// paragraph is looked up here, and a general map hashed all of its bytes, then probed and compared through
/// calls. Open addressing with linear probing, at most half full. A word is read as its [`Key`], which for a
/// word of up to sixteen bytes holds all of them: a probe compares keys, and bytes only for a longer word.
#[derive(Default)]
struct WordTable {
    /// A power of two long; an empty slot has the id [`NO_WORD`].
    slots: Vec<Slot>,
    /// The words' bytes one after another: word `id` ends at `ends[id]` and starts where the one before ends.
    bytes: Vec<u8>,
    ends: Vec<u32>,
}

#[derive(Clone, Copy)]
struct Slot {
    key: Key,
    id: WordId,
}

const EMPTY: Slot = Slot { key: Key { a: 0, b: 0, len: 0 }, id: NO_WORD };

/// A word's length and two words of its bytes: its first and last eight (overlapping in a word of eight to
/// sixteen bytes), its first and last four (four to seven bytes), or its first, middle and last byte (one to
/// three). Every byte of a word of up to sixteen bytes is in one of them, so two such words are equal exactly
/// when their keys are.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    a: u64,
    b: u64,
    len: usize,
}

/// The longest word a [`Key`] holds whole.
const WHOLE: usize = 16;

impl Key {
    #[inline]
    fn of(w: &[u8]) -> Key {
        let n = w.len();
        let (a, b) = if n >= 8 {
            (u64::from_le_bytes(w[..8].try_into().unwrap()), u64::from_le_bytes(w[n - 8..].try_into().unwrap()))
        } else if n >= 4 {
            (u32::from_le_bytes(w[..4].try_into().unwrap()) as u64, u32::from_le_bytes(w[n - 4..].try_into().unwrap()) as u64)
        } else if n > 0 {
            ((w[0] as u64) << 16 | (w[n / 2] as u64) << 8 | w[n - 1] as u64, 0)
        } else {
            (0, 0)
        };
        Key { a, b, len: n }
    }
    /// Its hash: the two words mixed by a full multiplication.
    #[inline]
    fn hash(self) -> usize {
        let m = (self.a ^ 0x243F_6A88_85A3_08D3) as u128 * (self.b ^ 0x1319_8A2E_0370_7344 ^ self.len as u64) as u128;
        ((m as u64) ^ (m >> 64) as u64) as usize
    }
}

impl WordTable {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn word(&self, id: WordId) -> &[u8] {
        let start = if id == 0 { 0 } else { self.ends[id as usize - 1] as usize };
        &self.bytes[start..self.ends[id as usize] as usize]
    }

    /// The id of `word`, or [`NO_WORD`].
    #[inline(never)]
    fn get(&self, word: &[u8]) -> WordId {
        if word.len() > WHOLE {
            return self.get_long(word);
        }
        // the key holds the word whole: a slot with the same key holds the same word
        self.probe(Key::of(word), |_| true)
    }

    /// [`WordTable::get`] for a word too long for its key, compared byte by byte where the keys agree: none of a
    /// lexicon's Vietnamese words is that long, so this is a call of its own, and the lookup of the others calls
    /// nothing and saves no registers.
    #[cold]
    #[inline(never)]
    fn get_long(&self, word: &[u8]) -> WordId {
        self.probe(Key::of(word), |id| self.word(id) == word)
    }

    /// The id in the slot of `key` whose word is `same`, or [`NO_WORD`].
    #[inline(always)]
    fn probe(&self, key: Key, same: impl Fn(WordId) -> bool) -> WordId {
        if self.slots.is_empty() {
            return NO_WORD;
        }
        let mask = self.slots.len() - 1;
        let mut i = key.hash() & mask;
        loop {
            let s = self.slots[i];
            if s.id == NO_WORD || s.key == key && same(s.id) {
                return s.id;
            }
            i = (i + 1) & mask;
        }
    }

    /// Give `word` the next id if it has none yet.
    fn intern(&mut self, word: &str) {
        if self.get(word.as_bytes()) != NO_WORD {
            return;
        }
        self.bytes.extend_from_slice(word.as_bytes());
        self.ends.push(self.bytes.len() as u32);
        if self.len() * 2 > self.slots.len() {
            self.slots = vec![EMPTY; (self.len() * 2).next_power_of_two().max(16)];
            for id in 0..self.len() as WordId {
                self.place(id);
            }
        } else {
            self.place(self.len() as WordId - 1);
        }
    }

    fn place(&mut self, id: WordId) {
        let key = Key::of(self.word(id));
        let mask = self.slots.len() - 1;
        let mut i = key.hash() & mask;
        while self.slots[i].id != NO_WORD {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot { key, id };
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

/// The tokens of `text`; white space separates them and makes none.
pub fn tokenize(text: &str, words: &Words) -> Vec<Token> {
    // room for a token every four bytes: with one every five, one paragraph in eighteen outgrew it and was copied
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    // the reading loop inlined here, not called through `next`, which saved and reloaded its state at every token
    let letters = Letters::get();
    let mut toks = Tokens::new(text, words);
    while let Some(t) = toks.read(letters) {
        out.push(t);
    }
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

    /// The next token.
    #[inline(always)]
    fn read(&mut self, letters: Letters) -> Option<Token> {
        while self.i < self.text.len() {
            // (the space between two words, the most common character a token does not take, is passed over
            // without asking its class: it is white space)
            if self.text.as_bytes()[self.i] == b' ' {
                self.i += 1;
                continue;
            }
            let start = self.i;
            let (c, n) = char_at(self.text, start);
            let class = letters.class(c);
            if class.is_word() {
                let w = scan_word(self.text, start, c, class, letters);
                self.i = w.end;
                let word = if !w.fits(self.words) {
                    NO_WORD
                } else if w.folded {
                    // (the word's bytes: a word is whole characters, the slice needs no boundary checks)
                    self.words.words.get(&self.text.as_bytes()[start..w.end])
                } else if let Some(id) = w.first_fold.and_then(|f| self.words.word_id_of(f, &self.text.as_bytes()[start + n..w.end])) {
                    id
                } else {
                    self.fold_id(start, w.end)
                };
                return Some(Token { start: start as u32, end: w.end as u32, kind: Kind::Word, word, shape: w.shape });
            }
            self.i += n;
            if !class.is_space() {
                return Some(Token { start: start as u32, end: self.i as u32, kind: Kind::Punct(c), word: self.words.punct_id(c), shape: 0 });
            }
        }
        None
    }

    /// The id of the word from `start` to `end` folded in full (out of the reading loop: few words need it).
    #[inline(never)]
    fn fold_id(&mut self, start: usize, end: usize) -> WordId {
        fold::fold_into(&self.text[start..end], &mut self.scratch);
        self.words.word_id(&self.scratch)
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;
    fn next(&mut self) -> Option<Token> {
        self.read(Letters::get())
    }
}

/// A word read to its end, with what its characters said on the way.
struct Scanned {
    start: usize,
    end: usize,
    /// Whether the fold leaves the word as it is ([`fold::is_folded`]).
    folded: bool,
    /// When the fold writes the rest of the word as it is: the first character as the fold writes it.
    first_fold: Option<char>,
    shape: u8,
}

impl Scanned {
    /// Whether the word is no longer than the longest word of any phrase (a longer one cannot be one of them).
    fn fits(&self, words: &Words) -> bool {
        self.end - self.start <= words.longest_word()
    }
}

/// The word of `text` that starts at byte `start` with `first` (a word character of class `class`): where it
/// ends, whether [`fold::is_folded`] holds for it, whether the fold changes its first character only, and its
/// shape (as [`Token::is_cap`], [`Token::is_upper`] and [`Token::is_number`] say), all read in one pass over its
/// characters, not one pass for each question.
#[inline(always)]
fn scan_word(text: &str, start: usize, first: char, class: Class, letters: Letters) -> Scanned {
    let mut i = start + first.len_utf8();
    // the rest is read after the first character as the fold writes it, which is what a tone move looks at.
    // `is_folded` reads it after the first as printed: the two differ only where the fold makes `o` or `u` of
    // the first, from `O` or `U`, and then the first is itself unfolded, the word too (a test checks every char)
    let first_fold = letters.fold(first);
    let mut moves = Moves::after(first_fold.unwrap_or(first));
    let mut marks = FoldMarks::default();
    // the classes of the rest, gathered: the word is in capitals (the shape's UPPER) when its first is a capital
    // and none of the rest is lower case, and has two letters or more when one of the rest is a letter
    let mut rest = Class::NONE;
    while i < text.len() {
        let (k, n) = letters.class_at(text, i);
        if !k.is_word() {
            break;
        }
        marks |= k.fold_marks_with(moves);
        rest = rest | k;
        moves = k.moves_next();
        i += n;
    }
    let mut shape = if first.is_ascii_digit() { DIGIT } else { 0 };
    if class.is_upper() {
        shape |= CAP;
        if !rest.is_lower() && rest.is_alpha() {
            shape |= UPPER;
        }
    }
    let folded = !class.unfolded_after(' ') && !marks.unfolded();
    Scanned { start, end: i, folded, first_fold: first_fold.filter(|_| marks.kept()), shape }
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
    fn the_word_table_gives_each_word_its_rank_and_nothing_to_others() {
        // the ids a map gave, in order of first interning, for the lexicon's words and their prefixes and
        // suffixes (same hashed bytes but one, same length but other middle bytes: `nghiệp vụ`-like neighbours)
        let lx = crate::lex::lexicon::Lexicon::global();
        let mut table = WordTable::default();
        let mut map: HashMap<String, WordId> = HashMap::default();
        let mut others = Vec::new();
        for e in lx.entries() {
            for w in e.phrase.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()) {
                let f = fold::fold(w);
                let id = map.len() as WordId;
                map.entry(f.clone()).or_insert(id);
                table.intern(&f);
                let cut: Vec<usize> = f.char_indices().map(|(i, _)| i).skip(1).collect();
                others.extend(cut.iter().flat_map(|&i| [f[..i].to_string(), f[i..].to_string()]));
                others.push(format!("{f}{f}{f}"));
            }
        }
        others.extend(["", "a", "zz", "quốc giaa", "ngh\u{1ec7}p", "0123456789abcdefX0123456789abcdef"].map(String::from));
        assert_eq!(table.len(), map.len());
        for (w, &id) in &map {
            assert_eq!(table.get(w.as_bytes()), id, "{w}");
        }
        for w in &others {
            assert_eq!(table.get(w.as_bytes()), map.get(w).copied().unwrap_or(NO_WORD), "{w}");
        }
        let long = "a".repeat(40);
        table.intern(&long);
        assert_eq!(table.get(long.as_bytes()), map.len() as WordId);
        assert_eq!(table.get("a".repeat(41).as_bytes()), NO_WORD);
        assert_eq!(table.get(format!("{}b{}", "a".repeat(20), "a".repeat(19)).as_bytes()), NO_WORD);
    }

    #[test]
    fn only_o_and_u_fold_to_o_and_u() {
        // `scan_word` reads a word's rest after its first character folded where `is_folded` reads it after the
        // first as printed; a tone move looks only at `o` and `u` before it, so the two agree unless the fold
        // makes `o` or `u` of another first, which then is unfolded itself
        let l = Letters::get();
        for c in (0..0x370).chain(0x1E00..0x1F00).filter_map(char::from_u32) {
            if matches!(l.fold(c), Some('o' | 'u')) {
                assert!(matches!(c, 'o' | 'u') || l.class(c).unfolded_after(' '), "{c:?}");
            }
        }
    }

    #[test]
    fn ascii_punctuation_is_read_from_its_table_as_the_map_gives_it() {
        let w = crate::lex::lexicon::Lexicon::global().words();
        for c in (0..0x2100).filter_map(char::from_u32) {
            assert_eq!(w.punct_id(c), w.punct.get(&c).copied().unwrap_or(NO_WORD), "{c:?}");
        }
        assert_ne!(w.punct_id(','), NO_WORD);
        assert_eq!(words(&["a b"]).punct_id(','), NO_WORD);
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

    /// The tokens as they were made before [`scan_word`] (a char at a time, each word then asked whether it is
    /// folded and what its shape is): what the tokenizer must still give.
    fn tokenize_slowly(text: &str, words: &Words) -> Vec<Token> {
        let mut out = Vec::new();
        let mut scratch = String::new();
        let mut i = 0;
        while let Some(ch) = text[i..].chars().next() {
            let start = i;
            i += ch.len_utf8();
            if is_word_char(ch) {
                while let Some(d) = text[i..].chars().next().filter(|&d| is_word_char(d)) {
                    i += d.len_utf8();
                }
                let w = &text[start..i];
                let word = if w.len() > words.longest_word() {
                    NO_WORD
                } else if fold::is_folded(w) {
                    words.word_id(w)
                } else {
                    fold::fold_into(w, &mut scratch);
                    words.word_id(&scratch)
                };
                out.push(Token { start: start as u32, end: i as u32, kind: Kind::Word, word, shape: shape_slowly(w) });
            } else if !ch.is_whitespace() {
                out.push(Token { start: start as u32, end: i as u32, kind: Kind::Punct(ch), word: words.punct_id(ch), shape: 0 });
            }
        }
        out
    }

    fn shape_slowly(w: &str) -> u8 {
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

    #[test]
    fn tokens_ids_and_shapes_are_those_of_the_char_at_a_time_reading() {
        let lx = crate::lex::lexicon::Lexicon::global();
        let w = lx.words();
        let tricky = [
            "Uỷ ban Ủy ban ỦY BAN uỷ UỶ ủy hoà HOÀ Hoà hòa khoẻ KHOẺ quý QUÝ thuỷ Thuỷ hoàng",
            "ĐẢNG ÐẢNG ðảng Ɖảng ɖảng Đ Ð đ ĐĐ 2A 2a A2 5×3 10÷2 x² ½ Ⅻ ⅻ",
            "Nhà̀ nước; nu\u{301}oc ĐIỀU 5. Điều 5 KH/BTCTW, 58-KH (UBND) Ⓐ ǅemal ǅ ǆ Ǆ İstanbul ẞ ß ﬁ",
            "Москва ΑΘΗΝΑ αθήνα 中华人民共和国 日本語 한국어 ١٢٣ ٤ \u{a0}\u{2003}x\u{3000}y\u{b}z\u{c}",
            "o\u{300}a ȮA ǪǬ ǭ ɐ Ɐ K Å Ω",
            "Oà Oá Uỷ Quý Sở Giao Ⱥb Ⱥ ǅa aǅ ɖa aɖ Ɖa Ðoà Ởoà Ὀa",
        ];
        let lexicon_words: String = lx.entries().iter().map(|e| e.phrase.as_str()).flat_map(|p| {
            [p.to_string(), p.to_uppercase(), fold::capitalized(p), fold::other_tone_placement(p).unwrap_or_default()]
        }).collect::<Vec<_>>().join(" | ");
        for t in tricky.into_iter().chain([lexicon_words.as_str()]) {
            assert_eq!(tokenize(t, w), tokenize_slowly(t, w), "{t}");
        }
        let words: Vec<char> = (0..0x370).chain(0x1E00..0x1F00).filter_map(char::from_u32).collect();
        for pair in words.chunks(2) {
            let t: String = pair.iter().copied().chain(['o', 'à', 'u', 'ỷ', 'A', 'Ố']).chain(pair.iter().copied()).collect();
            assert_eq!(tokenize(&t, w), tokenize_slowly(&t, w), "{t:?}");
        }
    }
}
