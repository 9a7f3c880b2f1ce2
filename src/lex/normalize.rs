//! Unicode normalization with an offset map back to the text the user gave.
//!
//! The parser works on a normalized copy: NFC (some sources carry decomposed letters), the Đ lookalikes
//! (Ð U+00D0, ð U+00F0, Ɖ U+0189, ɖ U+0256) mapped to Đ/đ, no-break spaces to spaces, zero-width characters
//! dropped. Every byte offset in the copy maps back to an offset in the original, so spans found in the copy
//! point into the user's text.
use super::bytes16::block_skipper;
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use super::bytes16::Bytes16;
use std::borrow::Cow;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A normalized text and the way back to the original.
pub struct Normalized<'a> {
    /// The original itself when it was already normal (most texts: no copy is made).
    pub text: Cow<'a, str>,
    /// `map[i]` = original byte offset of normalized byte `i` (len + 1 entries); `None` when the text was
    /// already normal and offsets are the identity.
    map: Option<Vec<u32>>,
}

impl Normalized<'_> {
    /// The original offset of a normalized byte offset (a char boundary of the copy).
    #[inline]
    pub fn to_original(&self, offset: usize) -> usize {
        match &self.map {
            None => offset,
            Some(m) => m[offset] as usize,
        }
    }
    pub fn is_identity(&self) -> bool {
        self.map.is_none()
    }
}

/// What a single character becomes, when it is not itself.
#[inline]
pub(crate) fn substitute(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00D0}' | '\u{0189}' => "Đ",
        '\u{00F0}' | '\u{0256}' => "đ",
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => " ",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => "",
        _ => return None,
    })
}

/// Whether `text` needs no change. One pass; the NFC tables are consulted only when a character outside the
/// ranges that are always NFC in Vietnamese text shows up (Latin up to U+02FF, precomposed Vietnamese letters
/// U+1E00–U+1EFF, punctuation U+2010–U+206F).
fn already_normal(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // blocks whose leads all stay as they are, sixteen bytes at a time where the vector unit is there
        i = skip_normal_blocks(b, i);
        if i == b.len() {
            break;
        }
        // only a lead byte (0xC0 and up: both top bits set) starts a character that may need a change; ASCII and
        // continuation bytes are skipped eight at a time, and so are the leads of the word whose characters stay
        // as they are (told from two bytes, which valid UTF-8 has after a lead), up to the first that may not
        if i + 8 <= b.len() {
            let w = u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
            let mut leads = w & (w << 1) & 0x8080_8080_8080_8080;
            while leads != 0 {
                let at = i + (leads.trailing_zeros() / 8) as usize;
                if !stays_as_is(b[at], b[at + 1]) {
                    break;
                }
                leads &= leads - 1;
            }
            if leads == 0 {
                i += 8;
                continue;
            }
            i += (leads.trailing_zeros() / 8) as usize;
        } else if b[i] < 0xC0 {
            i += 1;
            continue;
        }
        // a lead byte is followed by a continuation byte: the text is valid UTF-8
        if stays_as_is(b[i], b[i + 1]) {
            i += 2;
            continue;
        }
        let c = text[i..].chars().next().unwrap();
        if substitute(c).is_some() {
            return false;
        }
        if always_nfc(c) {
            i += c.len_utf8();
            continue;
        }
        // the run of characters outside the always-NFC ranges from here: the NFC quick check restarts at the
        // starter that ends it (its state is the last combining class, and a starter sets that to 0), so the run
        // is judged alone as it would be within the whole text
        let start = i;
        for c in text[start..].chars() {
            if c.is_ascii() || always_nfc(c) {
                break;
            }
            if substitute(c).is_some() {
                return false;
            }
            i += c.len_utf8();
        }
        if is_nfc_quick(text[start..i].chars()) != IsNormalized::Yes {
            return false;
        }
    }
    true
}

block_skipper! {
    /// The first byte from `i` that is a lead byte whose char may not stay as it is ([`stays_as_is`] says no), past
    /// blocks of sixteen bytes with none, each told at once with the vector unit; for the last bytes (a block and the
    /// byte after it, which a lead at its end is read with), `i` itself. What [`already_normal`] reads past, a lead at a
    /// time, a block passed over holds nothing it would stop at: ASCII and continuation bytes, and leads that stay.
    fn skip_normal_blocks, after 1, kernel leads_to_look_at
}

/// A bit for each of the first sixteen bytes of `b` (seventeen: the byte after a lead is read with it) that is a
/// lead byte for which [`stays_as_is`] says no, as [`stays_as_is_by_bytes`] lays the answer out.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn leads_to_look_at(b: &[u8]) -> u32 {
    let (v, next) = (Bytes16::load(b), Bytes16::load(&b[1..]));
    let stays = v
        .within(0xC4, 1)
        .or(v.within(0xC7, 1))
        .or(v.within(0xCA, 1))
        .or(v.eq(0xC2).and_not(next.eq(0xA0).or(next.eq(0xAD))))
        .or(v.eq(0xC3).and_not(next.eq(0x90).or(next.eq(0xB0))))
        .or(v.eq(0xC6).and_not(next.eq(0x89)))
        .or(v.eq(0xC9).and_not(next.eq(0x96)))
        .or(v.eq(0xE1).and(next.within(0xB8, 3)));
    v.within(0xC0, 0x3F).and_not(stays).bits()
}

/// The ranges of characters that are NFC wherever they stand, starters all (Latin up to U+02FF, precomposed
/// Vietnamese letters U+1E00–U+1EFF, punctuation U+2010–U+206F).
#[inline]
fn always_nfc(c: char) -> bool {
    c < '\u{0300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c) || ('\u{2010}'..='\u{206F}').contains(&c)
}

/// Whether the character whose UTF-8 starts with `lead`, `next` is one of the letters of Vietnamese text that
/// are NFC and no [`substitute`]'s, told from those two bytes alone: U+0080–U+02FF but the substitutes there
/// (U+00A0 `C2 A0`, U+00AD `C2 AD`, U+00D0 `C3 90`, U+00F0 `C3 B0`, U+0189 `C6 89`, U+0256 `C9 96`), and
/// U+1E00–U+1EFF (`E1 B8`–`E1 BB`). Anything else is decoded and judged in full.
#[inline]
fn stays_as_is(lead: u8, next: u8) -> bool {
    // (a lead byte is 0xC0 and up, a continuation byte 0x80 to 0xBF: their low six bits tell them apart)
    STAYS[(lead & 0x3F) as usize] >> (next & 0x3F) & 1 != 0
}

/// [`stays_as_is_by_bytes`] as a table, one lookup rather than a branch on the lead: bit `n & 0x3F` of entry
/// `l & 0x3F` says whether the character led by `l`, `n` stays as it is.
static STAYS: [u64; 64] = {
    let mut t = [0u64; 64];
    let mut l = 0;
    while l < 64 {
        let mut n = 0;
        while n < 64 {
            if stays_as_is_by_bytes(0xC0 | l as u8, 0x80 | n as u8) {
                t[l] |= 1 << n;
            }
            n += 1;
        }
        l += 1;
    }
    t
};

/// [`stays_as_is`] read from the bytes as the UTF-8 encoding lays them out.
const fn stays_as_is_by_bytes(lead: u8, next: u8) -> bool {
    match lead {
        0xC2 => next != 0xA0 && next != 0xAD,
        0xC3 => next != 0x90 && next != 0xB0,
        0xC4 | 0xC5 | 0xC7 | 0xC8 | 0xCA | 0xCB => true,
        0xC6 => next != 0x89,
        0xC9 => next != 0x96,
        0xE1 => next >= 0xB8 && next <= 0xBB,
        _ => false,
    }
}

/// The end of the run of characters from `i` that stay as they are ([`stays_as_is`], ASCII among them), less
/// its last character: the character after the run may be a combining mark that composes with that one, so it is
/// read with the segment logic. Each character of the run is a segment of its own (all are starters), copied as
/// it is.
#[inline]
fn stay_run(b: &[u8], i: usize) -> usize {
    let mut k = skip_normal_blocks(b, i);
    while k < b.len() && !(b[k] >= 0xC0 && !stays_as_is(b[k], b[k + 1])) {
        k += 1;
    }
    // back to the start of the run's last character
    if k == i {
        return i;
    }
    k -= 1;
    while k > i && b[k] & 0xC0 == 0x80 {
        k -= 1;
    }
    k
}

/// Each byte of `b[from..to]` (whole characters) mapped to the start of its character, as a one-character
/// segment maps: an ASCII byte to itself, a multi-byte character's bytes to its first.
#[inline]
fn map_run(b: &[u8], from: usize, to: usize, map: &mut Vec<u32>) {
    let mut lead = from;
    map.extend((from..to).map(|j| {
        if b[j] & 0xC0 != 0x80 {
            lead = j;
        }
        lead as u32
    }));
}

pub fn normalize(text: &str) -> Normalized<'_> {
    if already_normal(text) {
        return Normalized { text: Cow::Borrowed(text), map: None };
    }
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<u32> = Vec::with_capacity(text.len() + 1);
    // Segments run from a starter (combining class 0) to the next: NFC composes only within them.
    let b = text.as_bytes();
    let mut seg_start = 0usize;
    let mut i = 0usize;
    let mut buf = String::new();
    while i < b.len() {
        // a character that stays as it is followed by another is a segment of its own that stays: the run of
        // them is copied at once
        if seg_start == i {
            let run = stay_run(b, i);
            out.push_str(&text[i..run]);
            map_run(b, i, run, &mut map);
            i = run;
            seg_start = run;
            if i == b.len() {
                break;
            }
        }
        let c = text[i..].chars().next().unwrap();
        i += c.len_utf8();
        let next_is_starter = text[i..].chars().next().is_none_or(|n| canonical_combining_class(n) == 0);
        if !next_is_starter {
            continue;
        }
        let seg = &text[seg_start..i];
        let emit = |s: &str, out: &mut String, map: &mut Vec<u32>| {
            for _ in 0..s.len() {
                map.push(seg_start as u32);
            }
            out.push_str(s);
        };
        if seg.len() == c.len_utf8() {
            // a single character
            match substitute(c) {
                Some(s) => emit(s, &mut out, &mut map),
                None => emit(seg, &mut out, &mut map),
            }
        } else {
            buf.clear();
            buf.extend(seg.chars().nfc().flat_map(|ch| match substitute(ch) {
                Some(s) => s.chars().collect::<Vec<_>>(),
                None => vec![ch],
            }));
            let b = std::mem::take(&mut buf);
            emit(&b, &mut out, &mut map);
            buf = b;
        }
        seg_start = i;
    }
    map.push(text.len() as u32);
    if let Some(first) = map.first_mut() {
        *first = 0; // text dropped at the very start still belongs to the first leaf
    }
    Normalized { text: Cow::Owned(out), map: Some(map) }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn composes_decomposed_letters_and_maps_offsets_back() {
        let orig = "Vie\u{0323}\u{0302}t Nam"; // "Việt" decomposed
        let n = normalize(orig);
        assert_eq!(n.text, "Việt Nam");
        let nam = n.text.find("Nam").unwrap();
        assert_eq!(&orig[n.to_original(nam)..n.to_original(n.text.len())], "Nam");
    }
    #[test]
    fn maps_d_lookalikes_and_drops_zero_width() {
        let n = normalize("\u{00D0}ảng\u{200B} \u{00A0}x");
        assert_eq!(n.text, "Đảng  x");
    }
    #[test]
    fn ascii_runs_map_to_themselves_and_their_last_letter_still_composes() {
        let orig = "ab\u{00A0}cd e\u{0301}f\u{200B}gh";
        let n = normalize(orig);
        assert_eq!(n.text, "ab cd éfgh");
        for (k, ch) in n.text.char_indices().filter(|(_, c)| c.is_ascii_alphabetic()) {
            assert_eq!(orig[n.to_original(k)..].chars().next(), Some(ch), "{k}");
        }
        assert_eq!(n.to_original(n.text.find('é').unwrap()), orig.find('e').unwrap());
    }
    /// The two-byte test of `already_normal` decides as decoding each character would, for every character.
    #[test]
    fn the_lead_byte_shortcut_judges_every_char_as_decoding_would() {
        let decoded = |c: char| {
            substitute(c).is_none()
                && (c < '\u{0300}'
                    || ('\u{1E00}'..='\u{1EFF}').contains(&c)
                    || ('\u{2010}'..='\u{206F}').contains(&c)
                    || is_nfc_quick(format!("ab{c}cd").chars()) == IsNormalized::Yes)
        };
        for c in (0..=0x2FFFFu32).filter_map(char::from_u32) {
            // the character at each position of the eight-byte window, after leads that stay, and in the tail
            for pad in ["", "x", "xyzxyzx", "Việt Nam ", "ởđ", "ơ", "ởờ"] {
                let t = format!("{pad}ab{c}cd");
                assert_eq!(already_normal(&t), decoded(c), "{c:?} after {pad:?}");
            }
        }
        assert!(!already_normal("Ủy ban nhân dân tỉnh\u{00A0}"), "a no-break space in the tail");
        // combining marks out of order, and in order, around characters that are always NFC
        assert!(!already_normal("Việt a\u{0323}\u{0302}\u{0316}t"));
        assert!(already_normal("Việt a\u{0316}\u{0323}\u{0302}t") == (is_nfc_quick("a\u{0316}\u{0323}\u{0302}".chars()) == IsNormalized::Yes));
        assert!(!already_normal("x\u{0301}ổ"), "a combining mark after ASCII");
        assert!(!already_normal("Việt Nam \u{0256}"));
    }

    #[test]
    fn the_stays_table_answers_as_the_bytes_do_for_every_lead_and_continuation() {
        for lead in 0xC0..=0xFFu8 {
            for next in 0x80..=0xBFu8 {
                assert_eq!(stays_as_is(lead, next), stays_as_is_by_bytes(lead, next), "{lead:X} {next:X}");
            }
        }
    }

    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    #[test]
    fn a_block_marks_exactly_the_leads_the_stays_table_turns_away() {
        for lead in 0xC0..=0xFFu8 {
            for next in 0x80..=0xBFu8 {
                // the pair at each place of a block of plain letters (the last with its continuation after it)
                for at in 0..16 {
                    let mut b = [b'a'; 17];
                    (b[at], b[at + 1]) = (lead, next);
                    // SAFETY: compiled only where SSE2 is enabled at build time
                    let look = unsafe { leads_to_look_at(&b) };
                    assert_eq!(look, u32::from(!stays_as_is(lead, next)) << at, "{lead:X} {next:X} at {at}");
                }
            }
        }
    }

    #[test]
    fn long_text_is_judged_normal_or_not_wherever_its_one_odd_char_stands() {
        let base = "Ủy ban nhân dân tỉnh Quảng Ngãi — “Kế hoạch” số 58 ";
        for odd in ["\u{00A0}", "Ð", "\u{0256}", "a\u{0301}", "\u{200B}", "\u{FEFF}", "\u{2009}", "\u{202F}"] {
            for at in base.char_indices().map(|(i, _)| i) {
                let t = format!("{}{odd}{}{base}", &base[..at], &base[at..]);
                assert!(!already_normal(&t), "{t:?}");
            }
        }
        assert!(already_normal(&base.repeat(5)));
    }

    /// What lets `already_normal` judge a run apart: the always-NFC characters are starters that pass the quick
    /// check.
    #[test]
    fn always_nfc_characters_are_starters_that_pass_the_quick_check() {
        for c in (0..=0x2FFFFu32).filter_map(char::from_u32).filter(|&c| always_nfc(c)) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

    #[test]
    fn normal_text_is_identity() {
        assert!(normalize("Kế hoạch số 58-KH/BTCTW").is_identity());
    }

    /// The segment logic alone, one character at a time past ASCII runs: what [`normalize`] did before runs of
    /// characters that stay were copied at once, kept as the specification of its text and map.
    fn normalize_by_segments(text: &str) -> (String, Vec<u32>) {
        let (mut out, mut map, b) = (String::new(), Vec::new(), text.as_bytes());
        let (mut seg_start, mut i) = (0, 0);
        while i < b.len() {
            if seg_start == i {
                while i + 1 < b.len() && b[i] < 0x80 && b[i + 1] < 0x80 {
                    out.push(b[i] as char);
                    map.push(i as u32);
                    i += 1;
                }
                seg_start = i;
            }
            let c = text[i..].chars().next().unwrap();
            i += c.len_utf8();
            if !text[i..].chars().next().is_none_or(|n| canonical_combining_class(n) == 0) {
                continue;
            }
            let seg: String = text[seg_start..i].nfc().map(|ch| substitute(ch).map_or(ch.to_string(), str::to_string)).collect();
            map.extend(std::iter::repeat_n(seg_start as u32, seg.len()));
            out.push_str(&seg);
            seg_start = i;
        }
        map.push(text.len() as u32);
        if let Some(first) = map.first_mut() {
            *first = 0;
        }
        (out, map)
    }

    /// Runs of characters that stay are copied at once, and the text and the map come out as the segment logic
    /// gives them, over strings mixing those characters with every kind the segment logic treats apart.
    #[test]
    fn runs_that_stay_are_copied_as_the_segment_logic_would() {
        let alphabet: Vec<&str> = vec![
            "a", "E", " ", ".", "ả", "Ệ", "đ", "ư", "é", "\u{0301}", "\u{0323}", "\u{0309}", "\u{00D0}", "\u{00A0}",
            "\u{200B}", "\u{00AD}", "\u{2013}", "“", "年", "２", "\u{1100}", "\u{1161}", "\u{0B47}", "\u{0B3E}",
            "Ǻ", "\u{0256}",
        ];
        for text in crate::testing::phrases(&alphabet, 20_000, 12) {
            let (want, want_map) = normalize_by_segments(&text);
            let n = normalize(&text);
            assert_eq!(n.text, want, "{text:?}");
            if let Some(map) = &n.map {
                assert_eq!(map, &want_map, "{text:?}");
            } else {
                assert_eq!(want, text, "{text:?}");
            }
        }
    }
}
