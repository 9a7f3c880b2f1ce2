//! Whether a word is a well-formed Vietnamese syllable: an onset, a vowel group, a coda, and at most one tone
//! mark, on a vowel. Encoding detection asks this of thousands of words per file, so the common case (NFC
//! letters) is a table lookup per character and no allocation; a word with combining marks is composed first.
use rustc_hash::FxHashSet;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const TILDE: char = '\u{303}';
const HOOK: char = '\u{309}';
const DOT: char = '\u{323}';
const TONES: [char; 5] = [GRAVE, ACUTE, TILDE, HOOK, DOT];

/// The vowel groups of Vietnamese rhymes, without tone.
const NUCLEI: &[&str] = &[
    "iêu", "oai", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu", "ai", "ao", "au", "ay", "âu",
    "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ",
    "uy", "ưa", "ưi", "ươ", "ưu", "yê", "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
];
const ONSETS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n",
    "p", "q", "r", "s", "t", "v", "x",
];
const CODAS: &[&str] = &["ch", "ng", "nh", "c", "m", "n", "p", "t"];

/// The longest syllable in letters (`nghiêng`, `khuyếch`).
const MAX_LETTERS: usize = 8;

/// A letter read for the syllable test: lower case, tone removed, whether it carried a tone, and its code.
#[derive(Clone, Copy)]
struct Letter {
    base: char,
    toned: bool,
    /// The base's position in [`alphabet`] plus one; 0 for a letter no part is written with.
    code: u8,
}

/// The letters the onsets, nuclei and codas are written with: fewer than 64, so a code takes `CODE_BITS`.
fn alphabet() -> Vec<char> {
    let mut letters: Vec<char> = ONSETS.iter().chain(NUCLEI).chain(CODAS).flat_map(|p| p.chars()).collect();
    letters.sort_unstable();
    letters.dedup();
    letters
}

const CODE_BITS: u32 = 6;

fn code(alphabet: &[char], c: char) -> u8 {
    alphabet.iter().position(|&a| a == c).map_or(0, |i| i as u8 + 1)
}

/// The Vietnamese ranges of precomposed letters: Latin-1 and Latin Extended-A/B, Latin Extended Additional.
const RANGES: [std::ops::RangeInclusive<char>; 2] = ['\u{C0}'..='\u{1B0}', '\u{1EA0}'..='\u{1EF9}'];

/// The ASCII letters and the precomposed letters of `RANGES`, indexed by code point below 0x80, then by their
/// offset in the first range then the second, mapped to their lower-case toneless form, whether they carry a
/// tone and their code; `None` for anything else. An array rather than a search: every character of every
/// sampled word is looked up.
static LETTERS: LazyLock<Vec<Option<Letter>>> = LazyLock::new(|| {
    let alphabet = alphabet();
    assert!(alphabet.len() < 1 << CODE_BITS);
    let ascii = (0..0x80u8).map(|b| b as char).map(|c| {
        c.is_ascii_alphabetic().then(|| Letter { base: c.to_ascii_lowercase(), toned: false, code: code(&alphabet, c.to_ascii_lowercase()) })
    });
    let precomposed = RANGES.into_iter().flatten().map(|c| {
        let d: Vec<char> = c.to_lowercase().flat_map(|l| l.nfd()).collect();
        let tones = d.iter().filter(|m| TONES.contains(m)).count();
        let rest: String = d.iter().filter(|m| !TONES.contains(m)).collect::<String>().nfc().collect();
        let mut it = rest.chars();
        match (it.next(), it.next()) {
            (Some(base), None) if base.is_alphabetic() && tones <= 1 => Some(Letter { base, toned: tones == 1, code: code(&alphabet, base) }),
            _ => None,
        }
    });
    ascii.chain(precomposed).collect()
});

fn letter(c: char) -> Option<Letter> {
    letter_in(&LETTERS, c)
}

/// [`letter`] in the table given: a word's letters are read with one check that the lazy table is built.
#[inline]
fn letter_in(letters: &[Option<Letter>], c: char) -> Option<Letter> {
    let [latin, additional] = &RANGES;
    let (c, latin_start, additional_start) = (c as usize, *latin.start() as usize, *additional.start() as usize);
    let latin_len = *latin.end() as usize + 1 - latin_start;
    let i = match c {
        _ if c < 0x80 => c,
        _ if c < latin_start => return None,
        _ if c < latin_start + latin_len => 0x80 + c - latin_start,
        _ if c >= additional_start && c <= *additional.end() as usize => 0x80 + latin_len + c - additional_start,
        _ => return None,
    };
    letters[i]
}

/// Whether `c` is a letter of the syllable test's table: an ASCII letter or a precomposed letter of `RANGES`
/// with at most one tone. Every such character is alphabetic.
pub(super) fn is_table_letter(c: char) -> bool {
    letter(c).is_some()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y')
}

/// The key of a word of at most `MAX_LETTERS` letters, all with a code: their codes, first letter highest.
/// Codes are never 0, so distinct words have distinct keys (the length shows too).
fn push_code(key: u64, code: u8) -> u64 {
    key << CODE_BITS | u64::from(code)
}

/// The keys of every `onset? nucleus coda?`: a word is judged by one lookup rather than by trying each split
/// into parts.
static SYLLABLES: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    assert!(3 + 3 + 2 <= MAX_LETTERS && MAX_LETTERS as u32 * CODE_BITS <= 64);
    let alphabet = alphabet();
    // each part as its key and its length: two words' keys joined are the key of the words joined
    let keyed = |parts: &[&str]| -> Vec<(u64, u32)> {
        parts.iter().map(|p| (p.chars().fold(0, |k, c| push_code(k, code(&alphabet, c))), p.chars().count() as u32)).collect()
    };
    let join = |key: u64, (part, letters): (u64, u32)| key << (CODE_BITS * letters) | part;
    let none = (0, 0);
    let onsets: Vec<_> = std::iter::once(none).chain(keyed(ONSETS)).collect();
    let nuclei = keyed(NUCLEI);
    let codas: Vec<_> = std::iter::once(none).chain(keyed(CODAS)).collect();
    let mut keys = FxHashSet::default();
    keys.reserve(onsets.len() * nuclei.len() * codas.len());
    for &(onset, _) in &onsets {
        for &nucleus in &nuclei {
            let start = join(onset, nucleus);
            keys.extend(codas.iter().map(|&coda| join(start, coda)));
        }
    }
    keys
});

/// Whether `word` (no spaces) is a well-formed Vietnamese syllable: at most one tone mark, on a vowel.
pub fn is_syllable(word: &str) -> bool {
    // letters are never combining marks, so a word of letters only needs no mark check; any other verdict
    // is the one a word with marks gets composed
    let (mut key, mut n, mut tones, mut in_parts) = (0u64, 0, 0, true);
    let letters = &**LETTERS;
    for c in word.chars() {
        let Some(l) = letter_in(letters, c) else { return has_marks_and_composed(word) };
        if n == MAX_LETTERS || (l.toned && !is_vowel(l.base)) {
            return has_marks_and_composed(word);
        }
        tones += usize::from(l.toned);
        in_parts &= l.code != 0;
        key = push_code(key, l.code);
        n += 1;
    }
    // a letter no part is written with (f, j, w, z) makes no syllable
    n > 0 && tones <= 1 && in_parts && SYLLABLES.contains(&key)
}

/// The verdict on a word that is not all letters, or not a syllable as it is: a word with combining marks is
/// judged composed.
fn has_marks_and_composed(word: &str) -> bool {
    word.chars().any(unicode_normalization::char::is_combining_mark) && composed(word)
}

/// A word with combining marks: a tone mark must follow a vowel, and the word composed must be a syllable.
fn composed(word: &str) -> bool {
    let mut last_base = ' ';
    let mut tones = 0;
    for c in word.nfd() {
        if TONES.contains(&c) {
            tones += 1;
            if !"aeiouyAEIOUY".contains(last_base) {
                return false;
            }
        } else if !unicode_normalization::char::is_combining_mark(c) {
            last_base = c;
        }
    }
    if tones > 1 {
        return false;
    }
    let nfc: String = word.nfc().collect();
    !nfc.chars().any(unicode_normalization::char::is_combining_mark) && is_syllable(&nfc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        for w in ["các", "của", "và", "trong", "được", "những", "tỉnh", "thực", "hiện", "nghiêng", "khuyến", "Ủy", "quý", "hoà", "giữ", "ương", "ĐẢNG", "Xã", "a"] {
            assert!(is_syllable(w), "{w}");
        }
        for w in ["Uû", "nh©n", "chaøo", "Straße", "für", "xyz", "ñy", "bŕ", "ĐĐ", "tiếngg", "ả̀", "ḿ", "", "12"] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn letters_at_the_ends_of_the_table_ranges_are_read() {
        // U+00C0, U+01B0 and U+1EF9 are the first and last entries of the letter table
        assert!(is_syllable("Àn") && is_syllable("ưng") && is_syllable("mỹ"));
        assert!(!is_syllable("\u{BF}n") && !is_syllable("\u{1B1}a") && !is_syllable("m\u{1EFA}"));
    }

    /// The parts' definition of a syllable, split by split: the keys must give the same verdict.
    fn split_into_parts(word: &str) -> bool {
        let with_empty = |parts: &[&'static str]| std::iter::once("").chain(parts.iter().copied()).collect::<Vec<_>>();
        let (onsets, codas) = (with_empty(ONSETS), with_empty(CODAS));
        onsets.iter().any(|o| {
            word.strip_prefix(o).is_some_and(|rest| {
                NUCLEI.iter().any(|n| rest.strip_prefix(n).is_some_and(|coda| codas.contains(&coda)))
            })
        })
    }

    #[test]
    fn syllable_keys_agree_with_splitting_into_parts() {
        let alphabet = alphabet();
        let mut words: Vec<String> = alphabet.iter().map(|c| c.to_string()).collect();
        for _ in 0..2 {
            let longer: Vec<String> = words.iter().flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}"))).collect();
            words.extend(longer);
        }
        for o in std::iter::once(&"").chain(ONSETS) {
            for n in NUCLEI {
                for c in std::iter::once(&"").chain(CODAS) {
                    let w = format!("{o}{n}{c}");
                    words.extend(alphabet.iter().map(|x| format!("{w}{x}")));
                    words.extend(alphabet.iter().map(|x| format!("{x}{w}")));
                    words.push(w);
                }
            }
        }
        for w in words.iter().filter(|w| w.chars().count() <= MAX_LETTERS) {
            assert_eq!(is_syllable(w), split_into_parts(w), "{w}");
        }
    }

    #[test]
    fn table_letters_are_alphabetic() {
        // what lets the trimming of a word's core ask the table first
        let all = (0..0x80u8).map(char::from).chain(RANGES.into_iter().flatten());
        for c in all.filter(|&c| is_table_letter(c)) {
            assert!(c.is_alphabetic(), "{c}");
        }
        assert!(!is_table_letter('ª') && !is_table_letter('×') && is_table_letter('ự') && !is_table_letter('1'));
    }

    #[test]
    fn decomposed_words_read_as_their_composed_form() {
        assert!(is_syllable("vie\u{302}\u{323}t"));
        assert!(is_syllable("hoa\u{300}"));
        assert!(!is_syllable("m\u{301}"));
    }
}
