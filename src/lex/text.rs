//! Small text helpers shared by the parsers: markdown emphasis and table markup removed from extracted
//! strings, case tests, sentence ends.
use super::letters::Letters;
use super::offsets::OffsetMap;

/// The text of a line or paragraph without formatting: markdown emphasis (`**`, `*`, `__`), heading hashes,
/// table bars at the ends; runs of white space folded to one space; trimmed.
pub fn clean(s: &str) -> String {
    // read as `clean_into` reads a line, a run of plain text at a time, with no offsets kept
    let mut out = String::with_capacity(s.len());
    clean_runs(s, false, &mut out, |_, _| {});
    out
}

/// [`clean`] appended to `out`, each run of it mapped back to its source byte (`base` + the offset in `s`) in
/// `map`. With `bars`, a table bar `|` stands apart from its neighbours as in `clean(&s.replace('|', " | "))`.
/// The cleaned text is the same as `clean`'s; nothing is appended for a line with no content.
pub fn clean_into(s: &str, base: usize, bars: bool, out: &mut String, map: &mut OffsetMap) {
    clean_runs(s, bars, out, |to, from| map.copy_from(to, base + from));
    map.truncate(out.len());
}

/// [`clean_into`]'s reading: `s` cleaned appended to `out`, each run of it told to `mark` (its start in `out`,
/// its source byte in `s`).
#[inline(always)]
fn clean_runs(s: &str, bars: bool, out: &mut String, mut mark: impl FnMut(usize, usize)) {
    let start = out.len();
    let b = s.as_bytes();
    let mut pending_space: Option<usize> = None;
    let mut prev_underscore = false;
    let mut i = 0;
    while i < b.len() {
        // most of a line is plain text: copied as one run, one map entry
        let run = plain_run(s, i);
        if run > i {
            if let Some(sp) = pending_space.take() {
                mark(out.len(), sp);
                out.push(' ');
            }
            mark(out.len(), i);
            out.push_str(&s[i..run]);
            prev_underscore = false;
            i = run;
            continue;
        }
        let c = s[i..].chars().next().unwrap();
        let at = i;
        i += c.len_utf8();
        if c == '_' && (prev_underscore || b.get(i) == Some(&b'_')) {
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        if c == '*' {
            continue;
        }
        let bar = bars && c == '|';
        if c.is_whitespace() || bar {
            if out.len() > start {
                pending_space.get_or_insert(at);
            }
            if !bar {
                continue;
            }
        }
        if out.len() == start && (c == '|' || c == '#') {
            continue; // leading table bars and heading hashes are trimmed
        }
        if let Some(sp) = pending_space.take() {
            mark(out.len(), sp);
            out.push(' ');
        }
        mark(out.len(), at);
        out.push(c);
        if bar {
            pending_space = Some(i);
        }
    }
    // trailing bars, hashes and spaces are trimmed
    let kept = out[start..].trim_end_matches(['|', '#', ' ']).len();
    out.truncate(start + kept);
}

/// How [`plain_run`] reads each byte: plain, the end of a run, or the lead byte of a character that may be
/// white space (U+0085, U+00A0, U+1680, U+2000-U+205F, U+3000).
const PLAIN: u8 = 0;
const SPECIAL: u8 = 1;
const MAYBE_SPACE: u8 = 2;
static BYTE_CLASS: [u8; 256] = {
    let mut t = [PLAIN; 256];
    let specials = [b' ', b'\t', b'\n', b'\r', 0x0B, 0x0C, b'*', b'_', b'|', b'#'];
    let mut k = 0;
    while k < specials.len() {
        t[specials[k] as usize] = SPECIAL;
        k += 1;
    }
    t[0xC2] = MAYBE_SPACE;
    t[0xE1] = MAYBE_SPACE;
    t[0xE2] = MAYBE_SPACE;
    t[0xE3] = MAYBE_SPACE;
    t
};

/// The end of the run of plain characters from byte `i` of `s`: none of white space, `*`, `_`, `|`, `#`, but
/// for single spaces between plain characters, which `clean_into` would copy as they are (one run for a line of
/// words rather than one per word).
#[inline]
fn plain_run(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    let start = i;
    while i < b.len() {
        match BYTE_CLASS[b[i] as usize] {
            PLAIN => i += 1,
            SPECIAL if b[i] == b' ' && i > start && starts_plain(s, i + 1) => i += 1,
            SPECIAL => break,
            _ => {
                if is_space_at(s, i) {
                    break;
                }
                // (a `MAYBE_SPACE` lead byte starts two bytes if it is 0xC2, else three)
                i += if b[i] < 0xE0 { 2 } else { 3 };
            }
        }
    }
    i
}

/// Whether the character at byte `i` of `s`, whose lead byte is a `MAYBE_SPACE` one, is white space. The
/// precomposed Vietnamese letters (U+1E00–U+1EFF) lead with 0xE1 like one white space only, U+1680 (E1 9A 80):
/// most of them are told apart by their second byte, not decoded and looked up.
#[inline]
fn is_space_at(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    if b[i] == 0xE1 && b[i + 1] != 0x9A {
        return false;
    }
    s[i..].chars().next().unwrap().is_whitespace()
}

/// Whether a plain character (as [`plain_run`] reads it) starts at byte `i` of `s`.
#[inline]
fn starts_plain(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i).map(|&x| BYTE_CLASS[x as usize]) {
        Some(PLAIN) => true,
        Some(MAYBE_SPACE) => !is_space_at(s, i),
        _ => false,
    }
}

/// `clean` without the emphasis removal: keeps `*` (used where a `*` bullet must be seen).
pub fn fold_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the letters of `s` are all upper case (and there are some).
pub fn is_upper(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            letters += 1;
        }
    }
    letters > 0
}

/// Share of upper-case letters among letters.
pub fn upper_ratio(s: &str) -> f32 {
    // each char's class (`is_alphabetic`, `is_uppercase`) read from the letters' table by its bytes, not decoded
    let letters = Letters::get();
    let (mut up, mut all) = (0u32, 0u32);
    let mut i = 0;
    while i < s.len() {
        let (k, n) = letters.class_at(s, i);
        all += k.is_alpha() as u32;
        up += (k.is_alpha() && k.is_upper()) as u32;
        i += n;
    }
    if all == 0 {
        0.0
    } else {
        up as f32 / all as f32
    }
}

pub fn starts_lower(s: &str) -> bool {
    s.chars().find(|c| !matches!(c, '*' | '_' | ' ' | '"' | '“' | '(')).is_some_and(|c| c.is_lowercase())
}

/// The last character that is not formatting, closing quote or bracket.
pub fn last_meaningful(s: &str) -> Option<char> {
    s.chars().rev().find(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '"' | '”' | '’' | '|'))
}

/// Ends a sentence or a list entry: `.`, `;`, `:`, `!`, `?`, `…`.
pub fn ends_terminal(s: &str) -> bool {
    last_meaningful(s).is_some_and(|c| matches!(c, '.' | ';' | ':' | '!' | '?' | '…'))
}

/// Strip a trailing `:` or `.` (and `./.`, `;`) for headings.
pub fn strip_trailing_punct(s: &str) -> &str {
    let mut t = s.trim_end();
    loop {
        let n = t.trim_end_matches(['.', ':', ';', '/', ',']).trim_end();
        if n.len() == t.len() {
            return t;
        }
        t = n;
    }
}

/// Byte length of the leading formatting (spaces, `*`, `_`, `#`, `>`, `|`) of a line.
pub fn leading_format_len(s: &str) -> usize {
    s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#' | '>' | '|')).len()
}

#[cfg(test)]
mod tests {
    use super::*;
    /// [`clean`] as it was written before it read runs as `clean_into` does: a char at a time.
    fn clean_by_chars(s: &str) -> String {
        // most lines carry no formatting and no extra space: copy them as they are
        let plain = !s.bytes().any(|b| matches!(b, b'*' | b'_' | b'|' | b'#' | b'\t' | b'\r' | b'\n'))
            && !s.contains("  ")
            && !s.starts_with(char::is_whitespace)
            && !s.ends_with(char::is_whitespace)
            && !s.chars().any(|c| c.is_whitespace() && c != ' ');
        if plain {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        let mut pending_space = false;
        let mut prev_underscore = false;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            // `__x__` is emphasis too; a lone `_` is kept
            if c == '_' && (prev_underscore || chars.peek() == Some(&'_')) {
                prev_underscore = true;
                continue;
            }
            prev_underscore = false;
            match c {
                '*' => continue,
                c if c.is_whitespace() => pending_space = !out.is_empty(),
                c => {
                    if pending_space {
                        out.push(' ');
                        pending_space = false;
                    }
                    out.push(c);
                }
            }
        }
        let t = out.trim_matches(|c: char| c == '|' || c == '#' || c.is_whitespace());
        if t.len() == out.len() {
            out
        } else {
            t.to_string()
        }
    }

    #[test]
    fn clean_into_gives_clean_and_maps_each_char_to_itself() {
        let cases = [
            "  **1. Sở Nội vụ:**  chủ trì ", "| a | b |", "# PHẦN I", "__x__ y_z", "a\tb\r\n", "*", "  ", "Điều 5.*  *",
            "| | x", "x |#", "**Sở** Nội  vụ", "a #", "ab | |",
        ];
        for s in cases {
            for bars in [false, true] {
                let mut out = String::from("prefix");
                let mut map = OffsetMap::default();
                clean_into(s, 100, bars, &mut out, &mut map);
                let want = if bars { clean_by_chars(&s.replace('|', " | ")) } else { clean_by_chars(s) };
                assert_eq!(&out["prefix".len()..], want, "{s:?} bars={bars}");
                // a line joined after this one goes on from the trimmed end
                let mut joined = map.clone();
                joined.copy_from(out.len(), 1000);
                map.finish(out.len(), 100 + s.len());
                for (i, c) in out.char_indices().skip_while(|&(i, _)| i < "prefix".len()) {
                    let src = map.to_source(i) - 100;
                    let sc = s[src..].chars().next().unwrap();
                    assert!(sc == c || c == ' ' && (sc.is_whitespace() || sc == '|'), "{s:?}: {c:?} at {i} maps to {sc:?}");
                }
            }
        }
    }
    #[test]
    fn clean_is_the_char_at_a_time_reading_on_every_short_mix_of_spaces_marks_and_letters() {
        // single and double spaces between letters (ASCII or not), white space that is not ASCII, emphasis, bars
        // and hashes at the ends and inside
        let parts = ["a", " ", "*", "_", "|", "#", "ở", "\u{a0}", "\u{1680}", "\t", "ă"];
        let mut s = String::new();
        for n in 0..parts.len().pow(5) {
            s.clear();
            let mut k = n;
            for _ in 0..5 {
                s.push_str(parts[k % parts.len()]);
                k /= parts.len();
            }
            assert_eq!(clean(&s), clean_by_chars(&s), "{s:?}");
        }
    }
    #[test]
    fn clean_removes_emphasis_and_folds_space() {
        assert_eq!(clean("**1**. **Mục   đích**"), "1. Mục đích");
        assert_eq!(clean("| *Bắc Ninh, ngày 20* |"), "Bắc Ninh, ngày 20");
        assert_eq!(clean("__Nơi nhận: __"), "Nơi nhận:");
    }
    #[test]
    fn terminal_punctuation_ignores_emphasis() {
        assert!(ends_terminal("như sau:**"));
        assert!(!ends_terminal("vừa phòng, chống"));
    }
    #[test]
    fn trailing_punct_is_stripped_for_headings() {
        assert_eq!(strip_trailing_punct("Ban Tổ chức Tỉnh ủy:"), "Ban Tổ chức Tỉnh ủy");
        assert_eq!(strip_trailing_punct("thực hiện./."), "thực hiện");
    }

    #[test]
    fn a_maybe_space_lead_byte_is_read_as_white_space_exactly_where_the_char_is() {
        let lead = |c: char| c.to_string().as_bytes()[0];
        for c in (0x80..=0x3FFFu32).filter_map(char::from_u32).filter(|&c| BYTE_CLASS[lead(c) as usize] == MAYBE_SPACE) {
            let s = format!("a{c}b");
            assert_eq!(is_space_at(&s, 1), c.is_whitespace(), "{c:?}");
            assert_eq!(plain_run(&s, 0), if c.is_whitespace() { 1 } else { s.len() }, "{c:?}");
        }
        // every white space character's lead byte is one of them (or ASCII)
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.is_whitespace() && !c.is_ascii()) {
            assert_eq!(BYTE_CLASS[lead(c) as usize], MAYBE_SPACE, "{c:?}");
        }
    }

    #[test]
    fn upper_ratio_counts_letters_and_capitals_as_the_standard_library_does() {
        let slowly = |s: &str| {
            let all = s.chars().filter(|c| c.is_alphabetic()).count();
            let up = s.chars().filter(|c| c.is_alphabetic() && c.is_uppercase()).count();
            if all == 0 { 0.0 } else { up as f32 / all as f32 }
        };
        let chars: Vec<char> = (0..0x800).chain(0x1D00..0x2200).chain([0x3000, 0x4E00, 0x1F600]).filter_map(char::from_u32).collect();
        for w in chars.chunks(7) {
            let s: String = w.iter().chain(['Ủ', 'y', ' ', 'B', 'A', 'N'].iter()).collect();
            assert_eq!(upper_ratio(&s), slowly(&s), "{s:?}");
        }
        assert_eq!(upper_ratio("ỦY BAN nhân dân"), 5.0 / 12.0);
        assert_eq!(upper_ratio("2024 - 12"), 0.0);
    }
}
