//! Helpers over a paragraph's cleaned text (a "zone"): clause starts, char boundaries, tidy names.
use crate::lex::letters::lower;

/// `at` or the char boundary before it, within `s`.
pub(super) fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The start of the clause that contains byte `at` of `zone`: after the last `;`, `.`+space or table bar, at
/// most `max` bytes back.
pub(super) fn clause_start(zone: &str, at: usize, max: usize) -> usize {
    let mut from = at.saturating_sub(max);
    while !zone.is_char_boundary(from) {
        from += 1;
    }
    let b = zone.as_bytes();
    let mut i = at;
    while i > from {
        i -= 1;
        match b[i] {
            b';' | b'\n' | b'|' => return i + 1,
            b'.' if b.get(i + 1).is_some_and(|c| c.is_ascii_whitespace()) => return i + 1,
            _ => {}
        }
    }
    from
}

/// White space folded to single spaces, no space before a comma or full stop.
pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace(" ,", ",").replace(" .", ".")
}

/// A symbol's key: no spaces, `Ð` folded, en dash as hyphen, upper case.
pub(super) fn fold_key(symbol: &str) -> String {
    symbol.split_whitespace().collect::<String>().replace('Ð', "Đ").replace('–', "-").to_uppercase()
}

/// A name as compared: white space folded, lower case.
pub(super) fn fold_name(s: &str) -> String {
    lower(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}
