//! Character classes exactly as the regex crate matches them (`\p{L}`, `\d`, `\s`, `\w`), read from the tables
//! a pattern is compiled from (regex-syntax): a hand-written matcher that replaces a pattern tests the same
//! characters. Reading a class costs ~30k instructions; compiling one into a regex's automata costs ~2 M each
//! time it appears in a pattern (a counted repetition copies it).
use regex_syntax::hir::{Class, HirKind};
use std::sync::LazyLock;

/// A set of characters: the ranges of a regex class, ASCII as a bit set.
pub struct CharClass {
    ascii: u128,
    /// Sorted and disjoint, as regex-syntax gives them.
    ranges: Vec<(char, char)>,
}

impl CharClass {
    /// The class `pattern` (`\p{L}`, `[\p{Lu}Đ]`) as the regex crate reads it, Unicode on.
    pub fn of(pattern: &str) -> CharClass {
        let hir = regex_syntax::Parser::new().parse(pattern).expect("a class pattern");
        let HirKind::Class(Class::Unicode(class)) = hir.kind() else { panic!("{pattern} is not a Unicode class") };
        let ranges: Vec<(char, char)> = class.ranges().iter().map(|r| (r.start(), r.end())).collect();
        let ascii = (0u8..128).filter(|&b| in_ranges(&ranges, b as char)).fold(0, |bits, b| bits | 1u128 << b);
        CharClass { ascii, ranges }
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            self.ascii >> c as u32 & 1 == 1
        } else {
            in_ranges(&self.ranges, c)
        }
    }

    /// The byte length of the longest prefix of `s` in the class (what `[class]*` matches at its start).
    pub fn run_len(&self, s: &str) -> usize {
        s.find(|c| !self.contains(c)).unwrap_or(s.len())
    }

    /// `s` after that prefix.
    #[inline]
    pub fn skip<'s>(&self, s: &'s str) -> &'s str {
        &s[self.run_len(s)..]
    }
}

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    let k = ranges.partition_point(|&(_, end)| end < c);
    ranges.get(k).is_some_and(|&(start, _)| start <= c)
}

/// `\p{L}`: letters.
pub static LETTER: LazyLock<CharClass> = LazyLock::new(|| CharClass::of(r"\p{L}"));
/// `[\p{Lu}Đ]`: capitals, as the symbol patterns write them.
pub static UPPER: LazyLock<CharClass> = LazyLock::new(|| CharClass::of(r"[\p{Lu}Đ]"));
/// `\d`: decimal digits of any script.
pub static DIGIT: LazyLock<CharClass> = LazyLock::new(|| CharClass::of(r"\d"));
/// `\s`: white space.
pub static SPACE: LazyLock<CharClass> = LazyLock::new(|| CharClass::of(r"\s"));
/// `\w`: word characters, as the regex crate's Unicode `\b` sees them.
pub static WORD: LazyLock<CharClass> = LazyLock::new(|| CharClass::of(r"\w"));

/// Whether a word character (`\w`) ends at byte `at` of `s` (a char boundary): the char before it is one.
#[inline]
pub fn word_ends_at(s: &str, at: usize) -> bool {
    s[..at].chars().next_back().is_some_and(|c| WORD.contains(c))
}

/// Whether a word character (`\w`) starts at byte `at` of `s` (a char boundary).
#[inline]
pub fn word_starts_at(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_some_and(|c| WORD.contains(c))
}

/// `\b` at byte `at` of `s`, as the regex crate's Unicode mode reads it: a word character on one side only.
#[inline]
pub fn word_boundary(s: &str, at: usize) -> bool {
    word_ends_at(s, at) != word_starts_at(s, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_class_holds_every_char_its_regex_matches_and_no_other() {
        let mut buf = [0; 4];
        for (class, pattern) in [(&*LETTER, r"\p{L}"), (&*UPPER, r"[\p{Lu}Đ]"), (&*DIGIT, r"\d"), (&*SPACE, r"\s"), (&*WORD, r"\w")] {
            let re = regex::Regex::new(&format!("^{pattern}$")).unwrap();
            for c in char::MIN..=char::MAX {
                assert_eq!(class.contains(c), re.is_match(c.encode_utf8(&mut buf)), "{pattern} {c:?}");
            }
        }
    }

    #[test]
    fn white_space_is_the_same_for_the_regex_and_the_standard_library() {
        // text split by `char::is_whitespace` holds nothing a `\s*` of a pattern could match
        assert!((char::MIN..=char::MAX).all(|c| SPACE.contains(c) == c.is_whitespace()));
    }
}
