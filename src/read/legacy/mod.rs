//! The legacy Vietnamese font encodings of the 1990s and 2000s, still met in old files: TCVN3 (ABC), VNI and
//! VISCII (`vn-document-format.md` §9), and telling them apart from UTF-8 and Windows-1258.
//!
//! Tables:
//! - TCVN3: TCVN 5712:1993 as glibc's `TCVN5712-1` converter has it, bytes 0x80–0xFF. The ABC fonts
//!   (`.VnTime`) use its lower half only: toned capitals are written with the lower-case codes (and a capital
//!   font), so **their case is lost**: `Uû ban` reads `Uỷ ban`, `ñy ban` in a capital font reads `ủy ban`.
//!   C0 bytes stay controls (only the VN1 form puts capitals there).
//! - VISCII: RFC 1456 as glibc's `VISCII` converter has it, the six letters in the C0 range included (so control
//!   characters must not be stripped before decoding).
//! - VNI Windows: ASCII base letters followed by a byte carrying the marks (`a` + `ø` = `à`, `a` + `ù` = `á`,
//!   `e` + `â` = `ê`, `e` + `á` = `ế`), a few letters on a byte of their own (`ñ` = `đ`, `ô` = `ơ`, `ö` = `ư`,
//!   `ì í æ ó ò` = `ì í ỉ ĩ ị`, `î` = `ỵ`); capital forms 0x20 lower; other bytes as in Windows-1252.
//!
//! Detection scores each candidate reading by the share of words, among those holding a byte outside ASCII,
//! that are well-formed Vietnamese syllables (an onset, one to three vowels, a coda, at most one tone mark and
//! that on a vowel). The decoded text is in NFC.
use super::input::Input;
use crate::model::source::{Encoding, Origin};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

mod syllable;
pub use syllable::is_syllable;

/// A legacy Vietnamese font encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Legacy {
    Tcvn3,
    Vni,
    Viscii,
}

impl Legacy {
    pub const ALL: [Legacy; 3] = [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii];
    pub fn encoding(self) -> Encoding {
        match self {
            Legacy::Tcvn3 => Encoding::Tcvn3,
            Legacy::Vni => Encoding::Vni,
            Legacy::Viscii => Encoding::Viscii,
        }
    }
    /// The legacy font encoding `e` is, if it is one.
    pub fn of(e: Encoding) -> Option<Legacy> {
        match e {
            Encoding::Tcvn3 => Some(Legacy::Tcvn3),
            Encoding::Vni => Some(Legacy::Vni),
            Encoding::Viscii => Some(Legacy::Viscii),
            _ => None,
        }
    }
}

include!("tables.rs");

/// VNI: bytes that are letters of their own (lower-case forms; the capitals are 0x20 lower).
const VNI_LETTERS: &[(u8, char, char)] = &[
    (0xEC, 'ì', 'Ì'),
    (0xED, 'í', 'Í'),
    (0xE6, 'ỉ', 'Ỉ'),
    (0xF3, 'ĩ', 'Ĩ'),
    (0xF2, 'ị', 'Ị'),
    (0xEE, 'ỵ', 'Ỵ'),
    (0xF4, 'ơ', 'Ơ'),
    (0xF6, 'ư', 'Ư'),
    (0xF1, 'đ', 'Đ'),
];

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const TILDE: char = '\u{303}';
const HOOK: char = '\u{309}';
const DOT: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';

/// VNI: bytes that carry marks for the letter before them (lower-case forms; the capitals are 0x20 lower).
const VNI_MARKS: &[(u8, &[char])] = &[
    (0xE2, &[CIRCUMFLEX]),
    (0xE0, &[CIRCUMFLEX, GRAVE]),
    (0xE1, &[CIRCUMFLEX, ACUTE]),
    (0xE5, &[CIRCUMFLEX, HOOK]),
    (0xE3, &[CIRCUMFLEX, TILDE]),
    (0xE4, &[CIRCUMFLEX, DOT]),
    (0xEA, &[BREVE]),
    (0xE8, &[BREVE, GRAVE]),
    (0xE9, &[BREVE, ACUTE]),
    (0xFA, &[BREVE, HOOK]),
    (0xFC, &[BREVE, TILDE]),
    (0xEB, &[BREVE, DOT]),
    (0xF8, &[GRAVE]),
    (0xF9, &[ACUTE]),
    (0xFB, &[HOOK]),
    (0xF5, &[TILDE]),
    (0xEF, &[DOT]),
];

/// What a VNI byte is.
enum VniByte {
    Char(char),
    Marks(&'static [char]),
}

static VNI: LazyLock<Vec<VniByte>> = LazyLock::new(|| {
    (0..=255u8)
        .map(|b| {
            if b < 0x80 {
                return VniByte::Char(b as char);
            }
            let (lower, upper) = if b >= 0xE0 { (b, false) } else { (b.wrapping_add(0x20), true) };
            if b >= 0xC0 {
                if let Some(&(_, l, u)) = VNI_LETTERS.iter().find(|(x, _, _)| *x == lower) {
                    return VniByte::Char(if upper { u } else { l });
                }
                if let Some(&(_, marks)) = VNI_MARKS.iter().find(|(x, _)| *x == lower) {
                    return VniByte::Marks(marks);
                }
            }
            let byte = [b];
            let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            VniByte::Char(s.chars().next().unwrap_or('\u{FFFD}'))
        })
        .collect()
});

/// Append the reading of one byte; the caller applies NFC.
#[inline]
fn push_byte(out: &mut String, b: u8, legacy: Legacy) {
    match legacy {
        Legacy::Tcvn3 => out.push(if b < 0x80 { b as char } else { TCVN3_HIGH[(b - 0x80) as usize] }),
        Legacy::Viscii => {
            let c = if b >= 0x80 {
                VISCII_HIGH[(b - 0x80) as usize]
            } else {
                VISCII_C0.iter().find(|(x, _)| *x == b).map_or(b as char, |&(_, c)| c)
            };
            out.push(c)
        }
        Legacy::Vni => match &VNI[b as usize] {
            VniByte::Char(c) => out.push(*c),
            VniByte::Marks(m) => out.extend(m.iter()),
        },
    }
}

/// Bytes in a legacy encoding as NFC text.
pub fn decode(bytes: &[u8], legacy: Legacy) -> String {
    decode_lines(bytes, legacy).0
}

/// Bytes in a legacy encoding as NFC text, with `(text offset, source byte offset)` of each line start.
pub fn decode_lines(bytes: &[u8], legacy: Legacy) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut lines = Vec::new();
    let mut raw = String::new();
    let mut at = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        raw.clear();
        for &b in line {
            push_byte(&mut raw, b, legacy);
        }
        lines.push((text.len(), at));
        text.extend(raw.nfc());
        at += line.len();
    }
    if lines.is_empty() {
        lines.push((0, 0));
    }
    (text, lines)
}

/// The characters of a Unicode text as the bytes of a legacy font: text typed in `.VnTime` or VNI-Times and
/// stored as Unicode holds the font's byte values as Latin-1 / Windows-1252 characters. `None` when a
/// character has no such byte (the text is real Unicode).
fn font_bytes(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let u = c as u32;
        if u < 0x80 || (0xA0..=0xFF).contains(&u) {
            out.push(u as u8);
        } else {
            let mut buf = [0u8; 4];
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
            if unmappable || bytes.len() != 1 {
                return None;
            }
            out.push(bytes[0]);
        }
    }
    Some(out)
}

/// Re-read an input's text (Unicode holding a legacy font's codes) in that encoding, line by line so that the
/// line map stays right. Lines that are real Unicode stay as they are.
pub fn redecode_input(input: &mut Input, legacy: Legacy) {
    let src = &input.source.lines;
    let text = &input.text;
    let mut out = String::with_capacity(text.len());
    let mut lines: Vec<(usize, Origin)> = Vec::with_capacity(src.len());
    let mut raw = String::new();
    let bounds: Vec<usize> = src.iter().map(|&(t, _)| t).chain(std::iter::once(text.len())).collect();
    if bounds.first().is_some_and(|&b| b > 0) {
        out.push_str(&text[..bounds[0]]);
    }
    for (i, &(start, origin)) in src.iter().enumerate() {
        let end = bounds[i + 1].max(start);
        let seg = &text[start..end];
        lines.push((out.len(), origin));
        match font_bytes(seg) {
            Some(bytes) => {
                raw.clear();
                for b in bytes {
                    push_byte(&mut raw, b, legacy);
                }
                out.extend(raw.nfc());
            }
            None => out.push_str(seg),
        }
    }
    input.text = out;
    input.source.lines = lines;
    input.source.encoding = Some(legacy.encoding());
    input.source.confidence = 1.0;
}

// ------------------------------------------------------------------------------------------------------------
// Detection

/// A decoding that detection settled on, and how sure it is (0..1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detection {
    pub encoding: Encoding,
    pub confidence: f32,
}

/// Words of a valid UTF-8 text scored for its confidence: enough to tell Vietnamese from legacy bytes read as
/// Latin-1 (a share far below 0.8) and cheap on every file.
const UTF8_SAMPLE: usize = 200;

/// Words scored at most (enough to tell the encodings apart; keeps detection cheap on big files).
const MAX_WORDS: usize = 4000;

/// The words of `text` that hold a byte outside ASCII, in order: the words `str::split_whitespace` gives. The
/// bytes up to the next one outside ASCII are ASCII, so their words are passed over eight bytes at a time; the word
/// holding that byte starts after the last white space before it, ASCII there, and is read char by char to its end
/// (a white space char is found at its first byte, so the words are cut at char boundaries).
fn non_ascii_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || loop {
        let k = next_non_ascii(bytes, i)?;
        let n = if MAY_SPACE[bytes[k] as usize] { space_at(text, k) } else { 0 };
        if n > 0 {
            // white space outside ASCII: it ends an ASCII word, if any, and opens none
            i = k + n;
            continue;
        }
        let start = bytes[i..k].iter().rposition(|b| matches!(b, b'\t'..=b'\r' | b' ')).map_or(i, |s| i + s + 1);
        // char by char from byte k (a char's first byte, as every byte after ASCII ones is)
        i = k;
        while i < bytes.len() {
            let n = if MAY_SPACE[bytes[i] as usize] { space_at(text, i) } else { 0 };
            if n > 0 {
                let word = &text[start..i];
                i += n;
                return Some(word);
            }
            i += utf8_len(bytes[i]);
        }
        return Some(&text[start..]);
    })
}

/// The length of the UTF-8 char that opens with byte `b`.
#[inline]
fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The position of the first byte from `from` on that is outside ASCII.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let high = u64::from_le_bytes(chunk.try_into().unwrap()) & HIGH;
        if high != 0 {
            return Some(i + high.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    bytes[i..].iter().position(|&b| b >= 0x80).map(|p| i + p)
}

/// The bytes a white space char (`char::is_whitespace`) may open with: the ASCII ones, and 0xC2 (U+0085, U+00A0),
/// 0xE1 (U+1680), 0xE2 (U+2000–U+205F) and 0xE3 (U+3000).
const MAY_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b as u8, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        b += 1;
    }
    t
};

/// The length of the white space char at byte `i` of `text`, which opens with a byte of [`MAY_SPACE`], or 0. At
/// 0xE1 (most Vietnamese letters with a tone) only U+1680 has 0x9A after it: the others are not decoded.
#[inline]
fn space_at(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    match b[i] {
        b'\t'..=b'\r' | b' ' => 1,
        0xE1 if b.get(i + 1) != Some(&0x9A) => 0,
        _ => text[i..].chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8),
    }
}

/// A word's letters: punctuation and digits around it trimmed.
fn core(word: &str) -> &str {
    // an ASCII byte is a char of its own: a word opening and ending with an ASCII letter (most) has nothing to trim
    let b = word.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphabetic) && b.last().is_some_and(u8::is_ascii_alphabetic) {
        return word;
    }
    word.trim_matches(|c: char| !is_letter_or_mark(c))
}

/// Whether `c` is alphabetic or a combining mark. ASCII (no marks; its letters are the table's) and the syllable
/// test's letters (alphabetic all) are answered without the Unicode tables, which cost hundreds of instructions
/// per character; ASCII first, without the table's lazy check (the punctuation trimmed is ASCII).
fn is_letter_or_mark(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if syllable::is_table_letter(c) {
        return true;
    }
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c)
}

/// For each word, a bit per candidate reading: set when the word reads as Vietnamese syllables in it.
fn validity<F: Fn(&[u8]) -> Option<String>>(words: &[&[u8]], readers: &[F]) -> Vec<u8> {
    words
        .iter()
        .map(|w| {
            let mut mask = 0u8;
            for (i, r) in readers.iter().enumerate() {
                if r(w).is_some_and(|s| reads_vietnamese(&s)) {
                    mask |= 1 << i;
                }
            }
            mask
        })
        .collect()
}

/// Whether a word (punctuation around it trimmed) is one or more syllables joined by `-`, `/` or `.`.
fn reads_vietnamese(word: &str) -> bool {
    let c = core(word);
    // most words are one syllable: the split's char-by-char search only for those with a joiner
    if !c.bytes().any(|b| matches!(b, b'-' | b'/' | b'.')) {
        return is_syllable(c);
    }
    c.split(['-', '/', '.']).all(is_syllable)
}

/// How sure the choice of reading `best` over the others is: its share of the words, times the share of
/// the words telling it from the runner-up (valid in one of the two only) that speak for it.
fn judge(masks: &[u8], best: usize, others: impl Iterator<Item = usize>) -> f32 {
    let n = masks.len().max(1) as f32;
    let share = masks.iter().filter(|&&m| m & (1 << best) != 0).count() as f32 / n;
    let mut worst = 1.0f32;
    for o in others {
        let (mut wins, mut losses) = (0usize, 0usize);
        for &m in masks {
            match (m & (1 << best) != 0, m & (1 << o) != 0) {
                (true, false) => wins += 1,
                (false, true) => losses += 1,
                _ => {}
            }
        }
        if wins + losses > 0 {
            worst = worst.min(wins as f32 / (wins + losses) as f32);
        }
    }
    (share * worst).clamp(0.0, 1.0)
}

fn is_discriminating(w: &[u8]) -> bool {
    w.iter().any(|&b| b >= 0x80 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)))
}

/// Candidate readings of bytes, in order of preference on a tie.
const CANDIDATES: [Encoding; 5] = [Encoding::Utf8, Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni, Encoding::Viscii];

fn read_word(e: Encoding, w: &[u8]) -> Option<String> {
    match e {
        Encoding::Utf8 => std::str::from_utf8(w).ok().map(str::to_owned),
        Encoding::Windows1258 => {
            let (s, bad) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(w);
            (!bad).then(|| s.nfc().collect())
        }
        _ => Legacy::of(e).map(|l| decode(w, l)),
    }
}

/// Detect the encoding of text bytes without a BOM among UTF-8, Windows-1258, TCVN3, VNI and VISCII. `None`
/// when no reading looks like Vietnamese text (binary data, another language's legacy encoding, too little
/// to judge). Valid UTF-8 is UTF-8 (legacy bytes are almost never valid UTF-8), with the confidence of
/// [`unicode_confidence`] (at least 0.5; 1 for pure ASCII).
///
/// Otherwise the confidence is the share of the words holding a non-ASCII byte that read as Vietnamese in the
/// chosen encoding, times the share, among the words that tell it from each other candidate, that speak for it
/// (the lowest over the candidates).
pub fn detect(bytes: &[u8]) -> Option<Detection> {
    // valid UTF-8 is UTF-8: checked first and cheaply, since nearly every file is
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(Detection { encoding: Encoding::Utf8, confidence: unicode_confidence(text).max(0.5) });
    }
    let words: Vec<&[u8]> =
        bytes.split(|b| b.is_ascii_whitespace()).filter(|w| is_discriminating(w)).take(MAX_WORDS).collect();
    if words.is_empty() {
        return None;
    }
    let readers: Vec<_> = CANDIDATES.iter().map(|&e| move |w: &[u8]| read_word(e, w)).collect();
    let masks = validity(&words, &readers);
    // a Windows-1258 reading must also pass its own checks (no undefined bytes, letters Vietnamese)
    let allowed: Vec<usize> =
        (1..CANDIDATES.len()).filter(|&i| CANDIDATES[i] != Encoding::Windows1258 || super::charset::windows_1258(bytes).is_some()).collect();
    let count = |i: usize| masks.iter().filter(|&&m| m & (1 << i) != 0).count();
    let best = *allowed.iter().max_by_key(|&&i| (count(i), std::cmp::Reverse(i)))?;
    // enough evidence: the words read as Vietnamese hold at least two non-ASCII bytes
    let evidence: usize = words.iter().zip(&masks).filter(|(_, &m)| m & (1 << best) != 0).map(|(w, _)| w.iter().filter(|&&b| b >= 0x80 || b < 0x20).count()).sum();
    let share = count(best) as f32 / words.len() as f32;
    if share < 0.6 || evidence < 2 {
        return None;
    }
    let confidence = judge(&masks, best, allowed.iter().copied().filter(|&i| i != best));
    Some(Detection { encoding: CANDIDATES[best], confidence })
}

/// How Vietnamese a Unicode text reads: the share of its non-ASCII words that are syllables (1 when there are
/// none).
pub fn unicode_confidence(text: &str) -> f32 {
    let (mut words, mut vietnamese) = (0usize, 0usize);
    for w in non_ascii_words(text).take(UTF8_SAMPLE) {
        words += 1;
        vietnamese += usize::from(reads_vietnamese(w));
    }
    if words == 0 {
        return 1.0;
    }
    vietnamese as f32 / words as f32
}

/// Whether a Unicode text is really in a legacy font encoding (its characters the font's bytes): the legacy
/// reading and its confidence, when one reads as Vietnamese clearly better than the text as it is.
pub fn detect_in_unicode(text: &str) -> Option<(Legacy, f32)> {
    // most text reads as Vietnamese at once: judged on a sample before anything is collected
    if unicode_confidence(text) > 0.8 {
        return None;
    }
    let words: Vec<&str> = non_ascii_words(text).take(MAX_WORDS).collect();
    if words.is_empty() {
        return None;
    }
    let bytes: Vec<Vec<u8>> = words.iter().filter_map(|w| font_bytes(w)).collect();
    if (bytes.len() as f32) < 0.8 * words.len() as f32 {
        return None; // mostly characters no font byte gives: real Unicode
    }
    let refs: Vec<&[u8]> = bytes.iter().map(Vec::as_slice).collect();
    // reading 0 is the text as it is
    let as_is = |w: &[u8]| Some(w.iter().map(|&b| b as char).collect::<String>());
    let readers: [&dyn Fn(&[u8]) -> Option<String>; 4] =
        [&as_is, &|w| Some(decode(w, Legacy::Tcvn3)), &|w| Some(decode(w, Legacy::Vni)), &|w| Some(decode(w, Legacy::Viscii))];
    let masks = validity(&refs, &readers);
    let count = |i: usize| masks.iter().filter(|&&m| m & (1 << i) != 0).count();
    let best = (1..4).max_by_key(|&i| (count(i), std::cmp::Reverse(i)))?;
    let share = count(best) as f32 / words.len() as f32;
    if share < 0.6 || count(best) < count(0) + words.len() * 3 / 10 {
        return None;
    }
    Some((Legacy::ALL[best - 1], judge(&masks, best, (0..4).filter(|&i| i != best))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_tcvn3_with_case_lost_on_toned_capitals() {
        // "Uỷ ban nhân dân", "Trung ương", "Đảng": the ABC bytes of the grammar doc's examples
        assert_eq!(decode(b"U\xfb ban nh\xa9n d\xa9n", Legacy::Tcvn3), "Uỷ ban nhân dân");
        assert_eq!(decode(b"Trung \xad\xacng \xa7\xb6ng", Legacy::Tcvn3), "Trung ương Đảng");
    }

    #[test]
    fn decodes_vni_base_letter_and_mark_bytes() {
        assert_eq!(decode(b"Xin cha\xf8o ca\xf9c ba\xefn", Legacy::Vni), "Xin chào các bạn");
        assert_eq!(decode(b"Ng\xf6\xf4\xf8i Vie\xe4t \xd1\xf6\xf4\xf8ng U\xdbY BAN", Legacy::Vni), "Người Việt Đường ỦY BAN");
        assert_eq!(decode(b"t\xec", Legacy::Vni), "tì");
    }

    #[test]
    fn decodes_viscii_letters_in_the_c0_range() {
        assert_eq!(decode(b"\x02\x14 Vi\xaet", Legacy::Viscii), "ẲỶ Việt");
    }

    #[test]
    fn tells_the_encodings_apart() {
        let text = "Ủy ban nhân dân tỉnh thực hiện kế hoạch của Ban chấp hành Trung ương Đảng về việc kiểm tra";
        let det = detect(text.as_bytes()).unwrap();
        assert_eq!(det.encoding, Encoding::Utf8);
        assert!(det.confidence > 0.8, "{det:?}");
        let tcvn3 = b"\xf1y ban nh\xa9n d\xa9n t\xd8nh th\xf9c hi\xd6n k\xd5 ho\xb9ch c\xf1a Ban ch\xcap h\xb5nh Trung \xad\xacng \xa7\xb6ng v\xd2 vi\xd6c ki\xd3m tra";
        // the toned capital Ủ comes back lower-case: TCVN3 has no code for it
        assert_eq!(decode(tcvn3, Legacy::Tcvn3), text.replacen('Ủ', "ủ", 1));
        let det = detect(tcvn3).unwrap();
        assert_eq!(det.encoding, Encoding::Tcvn3);
        assert!(det.confidence > 0.7, "{det:?}");
        let vni = b"U\xdby ban nha\xe2n da\xe2n t\xe6nh th\xf6\xefc hie\xe4n ke\xe1 hoa\xefch cu\xfba";
        assert_eq!(detect(vni).unwrap().encoding, Encoding::Vni);
        let mut w1258 = Vec::new();
        for (c, _) in "kê\u{301} hoa\u{323}ch cu\u{309}a tỉnh".chars().zip(0..) {
            let s = c.to_string();
            let (b, _, _) = encoding_rs::WINDOWS_1258.encode(&s);
            w1258.extend_from_slice(&b);
        }
        assert_eq!(detect(&w1258).unwrap().encoding, Encoding::Windows1258);
        assert_eq!(detect(b"plain ascii"), Some(Detection { encoding: Encoding::Utf8, confidence: 1.0 }));
        assert_eq!(detect(b"Stra\xdfe f\xfcr \xc4rzte"), None);
    }

    #[test]
    fn the_byte_splitter_cuts_words_as_split_whitespace() {
        // every char, as a word's neighbour and as the gap between two words, is cut as the standard library cuts
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let text = format!("ủy{c}ban nhân{c}{c}dân {c}");
            let expected: Vec<&str> = text.split_whitespace().filter(|w| !w.is_ascii()).collect();
            assert_eq!(non_ascii_words(&text).collect::<Vec<_>>(), expected, "U+{:04X}", c as u32);
        }
        assert_eq!(non_ascii_words("").count(), 0);
        // ASCII words passed over eight bytes at a time: a non-ASCII word, or white space, at every offset of a
        // chunk, after ASCII words of every length
        for pad in 0..20 {
            for gap in [" ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\u{1680}", "\n\u{85}", "ạ", "x"] {
                for tail in ["ủy", "a\u{A0}ệ b", "ab", "\u{A0}", "ỹ\u{1680}"] {
                    let text = format!("{}{gap}{tail} ả{gap}{}", "a b".repeat(pad), "c".repeat(pad));
                    let expected: Vec<&str> = text.split_whitespace().filter(|w| !w.is_ascii()).collect();
                    assert_eq!(non_ascii_words(&text).collect::<Vec<_>>(), expected, "{text:?}");
                }
            }
        }
        assert_eq!(next_non_ascii(&[b'a'; 200_000], 0), None);
        assert_eq!(non_ascii_words(" \u{1680}a b\u{3000}").count(), 0);
        assert_eq!(non_ascii_words("\u{A0}Việt\u{2028}Nam\u{85}ạ\u{1680}").collect::<Vec<_>>(), ["Việt", "ạ"]);
    }

    #[test]
    fn a_word_between_ascii_letters_keeps_its_core_whole() {
        for w in ["các", "Việt", "nghiêng", "x", "a.b", "t-(x"] {
            assert_eq!(core(w), w.trim_matches(|c: char| !is_letter_or_mark(c)), "{w}");
        }
        assert_eq!(core("(của)"), "của");
        assert_eq!(core("được,"), "được");
        assert_eq!(core("“Ủy"), "Ủy");
        assert_eq!(core("12"), "");
    }

    #[test]
    fn words_joined_by_a_dash_slash_or_dot_read_syllable_by_syllable() {
        // the one-syllable shortcut must not take a joined word for one syllable, nor lose its parts
        for w in ["kinh-tế", "(xã/phường)", "Hồ.Chí", "tỉnh.", "“Ủy"] {
            assert!(reads_vietnamese(w), "{w}");
        }
        for w in ["kinh-Straße", "xã//phường", "tỉnh-", "Việtx", "12-3"] {
            assert_eq!(reads_vietnamese(w), !core(w).is_empty() && core(w).split(['-', '/', '.']).all(is_syllable), "{w}");
        }
        assert!(!reads_vietnamese("xã//phường") && !reads_vietnamese("kinh-Straße"));
    }

    #[test]
    fn legacy_font_text_stored_as_unicode() {
        assert_eq!(detect_in_unicode("Uû ban nh©n d©n tØnh thùc hiÖn kÕ ho¹ch").map(|d| d.0), Some(Legacy::Tcvn3));
        assert_eq!(detect_in_unicode("Ủy ban nhân dân tỉnh thực hiện kế hoạch"), None);
        assert_eq!(detect_in_unicode("Straße für Ärzte"), None);
    }
}
