//! Lines that open a part of the document whatever the line before them says: the recipients' head (`Nơi
//! nhận:`), a signing authority (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `T/M BAN THƯỜNG VỤ`), the authority that
//! enacts under a title (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`). The layout finds the closing and the end of the title by
//! them, and the paragraphs are cut before them.
use regex::Regex;
use std::sync::LazyLock;

use super::class::SPACE;
use super::lexicon::{Lexicon, Tag};

/// Signature authority lines, both systems: `TM.`, `KT.`, `TL.`, `TUQ.`, `Q.`, `T/M`, `K/T`, `T/L`. The spec of
/// [`authority_at_start`] (compiling it cost ~1.1 M instructions per process).
#[cfg(test)]
static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:TM|KT|TL|TUQ|TƯQ|Q|PP)\s*\.\s*\S|(?:T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\s*/\s*UQ|Q\s*/\s*)\.?\s+\S)").unwrap()
});
static RECIPIENTS_HEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?i:nơi\s+nhận|nơi\s+gửi)\s*:?").unwrap());

/// A signing authority at the start of a cleaned line or paragraph.
pub fn is_authority(clean: &str) -> bool {
    // every form of the pattern opens with T, K, Q or P, and it is case-sensitive: a line opening with any other
    // byte has no match (most lines; the layout asks this of each paragraph down to the closing). After it comes
    // M, L, U, T or P (`TM`, `TL`, `TUQ`, `KT`, `PP`), `Ư`, white space, `.` or `/`: of the ASCII letters, only these
    // five (`Trên`, `Phó`, `Quy`, `THỦ` have no match)
    let b = clean.as_bytes();
    matches!(b.first(), Some(b'T' | b'K' | b'Q' | b'P'))
        && b.get(1).is_none_or(|b| !b.is_ascii_alphabetic() || matches!(b, b'M' | b'L' | b'U' | b'T' | b'P'))
        && authority_at_start(clean)
}

/// The prefixes written with a dot (`TM. `), and those written with a slash (`T/M`), as their two sides.
const DOTTED: [&str; 7] = ["TM", "KT", "TL", "TUQ", "TƯQ", "Q", "PP"];
const SLASHED: [(&str, &str); 5] = [("T", "M"), ("K", "T"), ("T", "L"), ("T", "UQ"), ("Q", "")];

/// [`AUTHORITY`] read by hand: a prefix, white space as the pattern allows it, and a character after.
fn authority_at_start(clean: &str) -> bool {
    // `\s*\.\s*\S`: the dot, and anything but white space after the white space that follows it
    let dotted = DOTTED.iter().any(|p| {
        clean.strip_prefix(p).and_then(|r| SPACE.skip(r).strip_prefix('.')).is_some_and(|r| !SPACE.skip(r).is_empty())
    });
    dotted
        || SLASHED.iter().any(|(a, b)| {
            let Some(r) = clean.strip_prefix(a).and_then(|r| SPACE.skip(r).strip_prefix('/')) else { return false };
            // `Q\s*/\s*` ends with white space the `\s+` after it may take: there only a dot needs none before it
            let r = if b.is_empty() { r } else { match SPACE.skip(r).strip_prefix(b) { Some(r) => r, None => return false } };
            let lead = if b.is_empty() { SPACE.skip(r) } else { r };
            // `\.?\s+\S`: white space then a character, with or without a dot before them
            spaced_char(r) || lead.strip_prefix('.').is_some_and(spaced_char)
        })
}

/// Whether `r` opens with white space and has a character after it (`\s+\S`).
fn spaced_char(r: &str) -> bool {
    let n = SPACE.run_len(r);
    n > 0 && n < r.len()
}

/// `Nơi nhận:` (`Nơi gửi:`) at the start of a cleaned line or paragraph.
pub fn is_recipients_head(clean: &str) -> bool {
    // both forms open with `nơ`, whose letters' simple case folding (what `(?i)` matches) pairs each with its
    // capital only: `n` or `N`, then `ơ` or `Ơ`, both led by the byte 0xC6; a line opening otherwise has no match
    let b = clean.as_bytes();
    matches!(b.first(), Some(b'n' | b'N')) && b.get(1) == Some(&0xC6) && RECIPIENTS_HEAD.is_match(clean)
}

/// The line naming who enacts, under a title in capitals (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`, `BỘ TRƯỞNG BỘ NỘI VỤ`,
/// `TRƯỞNG BAN CHỈ ĐẠO ...`): its opening words are the lexicon's `enacting` phrases, printed in capitals.
pub fn is_enacting_authority(clean: &str) -> bool {
    opens_in_capitals(clean, Tag::Enacting)
}

/// An enacting authority that is an office-holder (`CHỦ TỊCH ...`, `BỘ TRƯỞNG ...`, `TRƯỞNG BAN ...`): unlike a
/// body's name (`QUỐC HỘI`, `ỦY BAN ...`), it does not go on inside a title in capitals.
pub fn opens_enacting_line(clean: &str) -> bool {
    opens_in_capitals(clean, Tag::Officer)
}

/// Whether `clean` opens with a phrase of the lexicon with `tag`, printed in capitals.
fn opens_in_capitals(clean: &str, tag: Tag) -> bool {
    Lexicon::global().opening(clean, tag).is_some_and(|(_, end)| !clean[..end].chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chars the first-byte checks are tried with: all below U+3000, every char upper- or lower-casing to
    /// another, and one of each 4,096 beyond (every first byte a char may have). The others are like the
    /// thousands below U+3000 that neither case changes, and all chars took twenty seconds in a debug build.
    fn chars() -> impl Iterator<Item = char> {
        let cased = |c: &char| c.to_uppercase().ne(std::iter::once(*c)) || c.to_lowercase().ne(std::iter::once(*c));
        let beyond = (0x3000..=char::MAX as u32).filter_map(char::from_u32);
        (0..0x3000).filter_map(char::from_u32).chain(beyond.filter(move |c| cased(c) || *c as u32 % 4096 == 0))
    }

    /// The first-byte checks let through every line the patterns match: each pattern is tried with every kind of
    /// char (see [`chars`]) before each of its forms' tails.
    #[test]
    fn the_first_byte_checks_miss_no_head() {
        let authority_tails = ["M. Ủy", "T. Chủ", "L. Giám", "UQ. Bộ", "ƯQ. Bộ", ". Bộ", "P. Bộ", "/M Ủy", "/T Chủ", "/L X", "/UQ X", "/ X", "/M. Ủy"];
        let head_tails = ["ơi nhận:", "ơi gửi:", "Ơi NHẬN", "ƠI GỬI:"];
        let mut buf = String::new();
        for c in chars() {
            for tail in authority_tails {
                buf.clear();
                buf.push(c);
                buf.push_str(tail);
                assert_eq!(is_authority(&buf), AUTHORITY.is_match(&buf), "{buf:?}");
            }
            for tail in head_tails {
                buf.clear();
                buf.push(c);
                buf.push_str(tail);
                assert_eq!(is_recipients_head(&buf), RECIPIENTS_HEAD.is_match(&buf), "{buf:?}");
            }
        }
        // and every char second, after each first byte
        for c in chars() {
            for first in ["T", "K", "Q", "P"] {
                for tail in [". Bộ", "Q. Bộ", "/M X"] {
                    buf.clear();
                    buf.push_str(first);
                    buf.push(c);
                    buf.push_str(tail);
                    assert_eq!(is_authority(&buf), AUTHORITY.is_match(&buf), "{buf:?}");
                }
            }
            for tail in ["i nhận:", "I GỬI"] {
                buf.clear();
                buf.push('N');
                buf.push(c);
                buf.push_str(tail);
                assert_eq!(is_recipients_head(&buf), RECIPIENTS_HEAD.is_match(&buf), "{buf:?}");
            }
        }
        assert!(is_authority("TM. ỦY BAN NHÂN DÂN") && is_authority("K/T CHỦ TỊCH") && is_authority("PP. GIÁM ĐỐC"));
        // the hand reader on every short string of the pattern's pieces
        // (five pieces: six made five million cases, half a minute in a debug build; the longer forms are listed)
        let pieces = ["T", "K", "Q", "P", "M", "L", "UQ", "Ư", "/", ".", " ", "\u{A0}", "X"];
        let mut cases: Vec<String> = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = cases.iter().flat_map(|w| pieces.iter().map(move |c| format!("{w}{c}"))).collect();
            cases.extend(longer);
        }
        for long in ["T / UQ . X", "T / UQ X", "T/UQ.X", "T / M . X", "K / T  X", "T /L\u{A0}X", "Q / . X", "Q /  X", "Q/.X", "TƯQ . X", "TUQ .  X", "PP .\u{A0}X"] {
            for cut in 0..=long.chars().count() {
                cases.push(long.chars().take(cut).collect());
            }
        }
        for c in &cases {
            assert_eq!(authority_at_start(c), AUTHORITY.is_match(c), "{c:?}");
        }
        assert!(is_recipients_head("Nơi nhận:") && is_recipients_head("NƠI GỬI:") && is_recipients_head("nơi nhận"));
    }
}
