//! Whether a word is a well-formed Vietnamese syllable: an onset, a vowel group, a coda, and at most one tone
//! mark, on a vowel. Encoding detection asks this of thousands of words per file, so the common case (NFC
//! letters) is a table lookup per character and no allocation; a word with combining marks is composed first.
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

/// A letter read for the syllable test: lower case, tone removed, and whether it carried a tone.
#[derive(Clone, Copy)]
struct Letter {
    base: char,
    toned: bool,
}

/// The Vietnamese ranges of precomposed letters: Latin-1 and Latin Extended-A/B, Latin Extended Additional.
const RANGES: [std::ops::RangeInclusive<char>; 2] = ['\u{C0}'..='\u{1B0}', '\u{1EA0}'..='\u{1EF9}'];

/// The precomposed letters of `RANGES`, indexed by their offset in the first range then the second, mapped to
/// their lower-case toneless form and whether they carry a tone; `None` for anything else. An array rather than
/// a search: every non-ASCII character of every sampled word is looked up.
static LETTERS: LazyLock<Vec<Option<Letter>>> = LazyLock::new(|| {
    let mut v = Vec::new();
    for c in RANGES.into_iter().flatten() {
        let d: Vec<char> = c.to_lowercase().flat_map(|l| l.nfd()).collect();
        let tones = d.iter().filter(|m| TONES.contains(m)).count();
        let rest: String = d.iter().filter(|m| !TONES.contains(m)).collect::<String>().nfc().collect();
        let mut it = rest.chars();
        v.push(match (it.next(), it.next()) {
            (Some(base), None) if base.is_alphabetic() && tones <= 1 => Some(Letter { base, toned: tones == 1 }),
            _ => None,
        });
    }
    v
});

fn letter(c: char) -> Option<Letter> {
    if c.is_ascii_alphabetic() {
        return Some(Letter { base: c.to_ascii_lowercase(), toned: false });
    }
    let [latin, additional] = &RANGES;
    let (c, latin_start, additional_start) = (c as usize, *latin.start() as usize, *additional.start() as usize);
    let latin_len = *latin.end() as usize + 1 - latin_start;
    let i = match c {
        _ if c < latin_start => return None,
        _ if c < latin_start + latin_len => c - latin_start,
        _ if c >= additional_start && c <= *additional.end() as usize => latin_len + c - additional_start,
        _ => return None,
    };
    LETTERS[i]
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y')
}

/// The onsets, nuclei and codas as char sequences, grouped by their first letter: a syllable is tested against
/// the few parts that can start where it is.
struct Parts {
    onsets: Vec<(char, Vec<Vec<char>>)>,
    nuclei: Vec<(char, Vec<Vec<char>>)>,
    codas: Vec<Vec<char>>,
}

fn grouped(parts: &[&str]) -> Vec<(char, Vec<Vec<char>>)> {
    let mut out: Vec<(char, Vec<Vec<char>>)> = Vec::new();
    for p in parts {
        let cs: Vec<char> = p.chars().collect();
        match out.iter_mut().find(|(c, _)| *c == cs[0]) {
            Some((_, v)) => v.push(cs),
            None => out.push((cs[0], vec![cs])),
        }
    }
    out
}

static PARTS: LazyLock<Parts> =
    LazyLock::new(|| Parts { onsets: grouped(ONSETS), nuclei: grouped(NUCLEI), codas: CODAS.iter().map(|c| c.chars().collect()).collect() });

/// The parts of `table` that `s` starts with: their lengths.
fn prefixes<'a>(table: &'a [(char, Vec<Vec<char>>)], s: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    let group = s.first().and_then(|f| table.iter().find(|(c, _)| c == f)).map(|(_, v)| v.as_slice()).unwrap_or(&[]);
    group.iter().filter(move |p| s.starts_with(p)).map(|p| p.len())
}

/// Whether `letters` (lower case, toneless) is `onset? nucleus coda?` for some split.
fn well_formed(letters: &[char]) -> bool {
    let parts = &*PARTS;
    let rhyme = |r: &[char]| prefixes(&parts.nuclei, r).any(|k| r.len() == k || parts.codas.iter().any(|c| &r[k..] == c.as_slice()));
    rhyme(letters) || prefixes(&parts.onsets, letters).any(|k| rhyme(&letters[k..]))
}

/// Whether `word` (no spaces) is a well-formed Vietnamese syllable: at most one tone mark, on a vowel.
pub fn is_syllable(word: &str) -> bool {
    // letters are never combining marks, so a word of letters only needs no mark check; any other verdict
    // is the one a word with marks gets composed
    let mut buf = ['\0'; MAX_LETTERS];
    let mut n = 0;
    let mut tones = 0;
    for c in word.chars() {
        let Some(l) = letter(c) else { return has_marks_and_composed(word) };
        if n == MAX_LETTERS || (l.toned && !is_vowel(l.base)) {
            return has_marks_and_composed(word);
        }
        tones += usize::from(l.toned);
        buf[n] = l.base;
        n += 1;
    }
    n > 0 && tones <= 1 && well_formed(&buf[..n])
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

    #[test]
    fn decomposed_words_read_as_their_composed_form() {
        assert!(is_syllable("vie\u{302}\u{323}t"));
        assert!(is_syllable("hoa\u{300}"));
        assert!(!is_syllable("m\u{301}"));
    }
}
