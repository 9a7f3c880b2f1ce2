//! Small text helpers shared by the parsers: markdown emphasis and table markup removed from extracted
//! strings, case tests, sentence ends.
use super::bytes16::block_skipper;
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::bytes16::Bytes16;
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
fn plain_run(s: &str, i: usize) -> usize {
    plain_run_past(s, i, skip_plain_blocks)
}

/// [`plain_run`] with the blocks that `skip` passes over (from a byte to the first it must look at) read at once:
/// the tests give a skip that passes over none, the byte-at-a-time reading it must agree with.
#[inline(always)]
fn plain_run_past(s: &str, mut i: usize, skip: impl Fn(&[u8], usize) -> usize) -> usize {
    let b = s.as_bytes();
    let start = i;
    while i < b.len() {
        // past the run's first byte (where a space ends it), whole blocks of plain bytes are passed over at once
        if i > start {
            i = skip(b, i);
            if i == b.len() {
                break;
            }
        }
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

block_skipper! {
    /// The first byte from `i` that [`plain_run`] must look at, past blocks of sixteen bytes at which it would go
    /// on by itself, each told at once with the vector unit (SSE2, which every x86-64 CPU has); elsewhere, or for the
    /// last bytes, `i` itself. A block is passed over when none of its bytes is `SPECIAL` but for spaces, each of
    /// those spaces is followed by a byte that starts a plain char, and none of its bytes leads a char that is white
    /// space. A byte that may need a look is reported conservatively, never missed: a lead byte 0xC2, 0xE2 or 0xE3
    /// whatever follows it, 0xE1 unless the byte after it is in the block and not 0x9A (U+1680, the only white space
    /// it leads, is E1 9A 80; the Vietnamese letters lead with 0xE1 and another byte), and a space unless the byte
    /// after it is in the block and none of these. The loop reads a block as [`plain_run`] would byte by byte,
    /// where a continuation byte (0x80–0xBF) is plain: a block may start or end inside a char, and the byte
    /// returned is an ASCII byte or a lead byte.
    fn skip_plain_blocks, after 0, kernel needs_look
}

/// A bit per byte of `b` that [`plain_run`] may have to look at, as [`skip_plain_blocks`] says.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn needs_look(b: &[u8]) -> u32 {
    let v = Bytes16::load(b);
    // the `SPECIAL` bytes but the space (the controls `\t` to `\r` one range), and the leads 0xC2, 0xE2, 0xE3
    let marks = v.eq(b'*').or(v.eq(b'_')).or(v.eq(b'|')).or(v.eq(b'#')).or(v.within(0x09, 4)).or(v.eq(0xC2)).or(v.within(0xE2, 1));
    // (bit 16: the byte after the block, unknown, taken as the worst)
    let after = 1 << 16;
    let may_space = marks.bits() | v.eq(0xE1).bits() & (v.eq(0x9A).bits() | after) >> 1;
    let space = v.eq(b' ').bits();
    may_space | space & (may_space | space | after) >> 1
}

/// Whether `s` holds a numeric char ([`char::is_numeric`]: every `\d` digit is one). Only ASCII digits and the
/// chars of a few lead bytes can be: none led by 0xC3–0xCF (U+00C0–U+03FF) nor by 0xE1 0xB8–0xBB (U+1E00–U+1EFF,
/// the precomposed Vietnamese letters) is, so the letters of Vietnamese text are passed over by their bytes, a
/// block of sixteen at a time where the vector unit is there, and any other char is decoded and asked.
pub fn holds_numeric(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        i = skip_non_numeric_blocks(b, i);
        let Some(&x) = b.get(i) else { return false };
        let asked = match x {
            b'0'..=b'9' => return true,
            0xC0.. => !(0xC3..=0xCF).contains(&x) && !(x == 0xE1 && b.get(i + 1).is_some_and(|n| (0xB8..=0xBB).contains(n))),
            _ => false,
        };
        if asked && s[i..].chars().next().is_some_and(char::is_numeric) {
            return true;
        }
        i += 1;
    }
    false
}

block_skipper! {
    /// The first byte from `i` that [`holds_numeric`] must look at (an ASCII digit or a lead byte it asks about),
    /// past blocks of sixteen bytes with none; for the last bytes (a block and the byte after it), `i` itself.
    fn skip_non_numeric_blocks, after 1, kernel numeric_to_look_at
}

/// A bit for each of the first sixteen bytes of `b` (seventeen) that [`holds_numeric`] looks at.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn numeric_to_look_at(b: &[u8]) -> u32 {
    let (v, next) = (Bytes16::load(b), Bytes16::load(&b[1..]));
    let letters = v.within(0xC3, 0xCF - 0xC3).or(v.eq(0xE1).and(next.within(0xB8, 3)));
    v.within(b'0', 9).or(v.within(0xC0, 0x3F).and_not(letters)).bits()
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
    let (up, all) = count_upper(s, |_, _, _| false);
    if all == 0 {
        0.0
    } else {
        up as f32 / all as f32
    }
}

/// The capitals and the letters of `s`, counted until `enough(capitals, letters, bytes left)` says so. Each
/// char's class (`is_alphabetic`, `is_uppercase`) is read from the letters' table by its bytes, not decoded.
#[inline]
fn count_upper(s: &str, enough: impl Fn(u32, u32, usize) -> bool) -> (u32, u32) {
    let letters = Letters::get();
    let (mut up, mut all) = (0u32, 0u32);
    let mut i = 0;
    while i < s.len() {
        let (k, n) = letters.class_at(s, i);
        all += k.is_alpha() as u32;
        up += (k.is_alpha() && k.is_upper()) as u32;
        i += n;
        if enough(up, all, s.len() - i) {
            break;
        }
    }
    (up, all)
}

/// Whether more than four in five of the letters of `s` are capitals (`upper_ratio(s) > 0.8`) and it holds at
/// least `least` letters: a heading in capitals. Read only until the lower-case letters settle it: with `up`
/// capitals among `all` letters so far and `left` bytes to go, the share can pass 0.8 no more once
/// `5 * up + left <= 4 * all` (every byte left a capital would not lift it), which ordinary text reaches within
/// its first fifth.
pub fn mostly_upper(s: &str, least: u32) -> bool {
    // (where the count stops early the share so far is at most 0.8, so the answer is no, as the full count's)
    let (up, all) = count_upper(s, |up, all, left| 5 * up as u64 + left as u64 <= 4 * all as u64);
    all >= least.max(1) && up as f32 / all as f32 > 0.8
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

    /// [`plain_run`] as it reads without the blocks passed over at once: a byte at a time.
    fn plain_run_by_bytes(s: &str, i: usize) -> usize {
        plain_run_past(s, i, |_, i| i)
    }

    #[test]
    fn a_plain_run_passed_over_by_blocks_ends_where_the_byte_at_a_time_reading_ends_it() {
        // long mixes (blocks are sixteen bytes; a space or 0xE1 at a block's end is left to the byte-at-a-time
        // reading) of plain chars of one to three bytes, the Vietnamese letters that lead with 0xE1 like U+1680, the
        // other white space, marks and the leads 0xC2/0xE2/0xE3 of chars that are no white space, from every char
        let parts = [
            "a", "Sở", " ", " ", "  ", "*", "_", "|", "#", "\t", "\n", "ạ", "ở", "ư", "\u{1680}", "\u{a0}", "\u{85}", "«", "\u{2003}",
            "“", "…", "\u{3000}", "\u{3001}", "\u{2028}", "\u{205f}", "ớ", "1.", ",",
        ];
        let mut draws = crate::testing::Draws::new(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3000 {
            let mut s = String::new();
            // mostly plain, so that whole blocks are passed over before a mark
            while s.len() < 70 {
                let r = draws.next().expect("draws never end");
                s.push_str(if r % 3 == 0 { parts[(r >> 8) as usize % parts.len()] } else { ["a", "Sở", " ", "ạ", "ư"][(r >> 8) as usize % 5] });
            }
            for (i, _) in s.char_indices() {
                assert_eq!(plain_run(&s, i), plain_run_by_bytes(&s, i), "{s:?} from {i}");
            }
        }
    }

    #[test]
    fn a_numeric_char_is_found_wherever_it_stands_as_by_asking_each_char() {
        let pad = "Ủy ban nhân dân tỉnh Quảng Ngãi “Kế hoạch” — ";
        for c in (0..0x3000u32).chain((0x3000..0x11_0000).step_by(61)).chain([0xFF10, 0x1D7CE, 0x10107]).filter_map(char::from_u32) {
            for at in [0, 1, 7, 15, 16, 17, 30] {
                let cut = pad.char_indices().map(|(i, _)| i).find(|&i| i >= at).unwrap_or(pad.len());
                let t = format!("{}{c}{}", &pad[..cut], &pad[cut..]);
                assert_eq!(holds_numeric(&t), t.chars().any(char::is_numeric), "{c:?} at {at}");
            }
        }
        assert!(!holds_numeric(&pad.repeat(4)) && !holds_numeric(""));
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

    /// A share of capitals over 0.8 is told as `upper_ratio` tells it, wherever the lower-case letters that settle it
    /// stand, with the least count of letters on top.
    #[test]
    fn mostly_upper_is_upper_ratio_over_four_fifths() {
        let pieces = ["Ủ", "y", "B", "A", "N", "ân", " ", "1", "-", "Đ", "ạ", "Ω", "ω", "年", "(", "KẾ HOẠCH", "kế hoạch"];
        for s in crate::testing::phrases(&pieces, 20_000, 12) {
            let letters = s.chars().filter(|c| c.is_alphabetic()).count() as u32;
            for least in [0, 2] {
                assert_eq!(mostly_upper(&s, least), upper_ratio(&s) > 0.8 && letters >= least, "{s:?} {least}");
            }
        }
    }
}
