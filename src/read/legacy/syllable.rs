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

/// Precomposed letters of the Vietnamese ranges (Latin-1, Latin Extended-A/B, Latin Extended Additional) mapped
/// to their lower-case toneless form and whether they carry a tone; `None` for anything else.
static LETTERS: LazyLock<Vec<(char, Letter)>> = LazyLock::new(|| {
    let ranges = ['\u{C0}'..='\u{1B0}', '\u{1EA0}'..='\u{1EF9}'];
    let mut v = Vec::new();
    for c in ranges.into_iter().flatten() {
        let d: Vec<char> = c.to_lowercase().flat_map(|l| l.nfd()).collect();
        let tones = d.iter().filter(|m| TONES.contains(m)).count();
        let rest: String = d.iter().filter(|m| !TONES.contains(m)).collect::<String>().nfc().collect();
        let mut it = rest.chars();
        if let (Some(base), None) = (it.next(), it.next()) {
            if base.is_alphabetic() && tones <= 1 {
                v.push((c, Letter { base, toned: tones == 1 }));
            }
        }
    }
    v.sort_by_key(|(c, _)| *c);
    v
});

fn letter(c: char) -> Option<Letter> {
    if c.is_ascii_alphabetic() {
        return Some(Letter { base: c.to_ascii_lowercase(), toned: false });
    }
    let t = &*LETTERS;
    t.binary_search_by_key(&c, |(k, _)| *k).ok().map(|i| t[i].1)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y')
}

/// Whether `letters` (lower case, toneless) is `onset? nucleus coda?` for some split.
fn well_formed(letters: &[char]) -> bool {
    let starts = |s: &[char], p: &str| {
        let mut n = 0;
        for (i, c) in p.chars().enumerate() {
            if s.get(i) != Some(&c) {
                return None;
            }
            n += 1;
        }
        Some(n)
    };
    let rhyme = |r: &[char]| {
        NUCLEI.iter().filter_map(|n| starts(r, n)).any(|k| {
            let coda = &r[k..];
            coda.is_empty() || CODAS.iter().any(|c| starts(coda, c) == Some(coda.len()))
        })
    };
    rhyme(letters) || ONSETS.iter().filter_map(|o| starts(letters, o)).any(|k| rhyme(&letters[k..]))
}

/// Whether `word` (no spaces) is a well-formed Vietnamese syllable: at most one tone mark, on a vowel.
pub fn is_syllable(word: &str) -> bool {
    if word.chars().any(unicode_normalization::char::is_combining_mark) {
        return composed(word);
    }
    let mut buf = ['\0'; MAX_LETTERS];
    let mut n = 0;
    let mut tones = 0;
    for c in word.chars() {
        let Some(l) = letter(c) else { return false };
        if n == MAX_LETTERS {
            return false;
        }
        if l.toned {
            if !is_vowel(l.base) {
                return false;
            }
            tones += 1;
        }
        buf[n] = l.base;
        n += 1;
    }
    n > 0 && tones <= 1 && well_formed(&buf[..n])
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
    fn decomposed_words_read_as_their_composed_form() {
        assert!(is_syllable("vie\u{302}\u{323}t"));
        assert!(is_syllable("hoa\u{300}"));
        assert!(!is_syllable("m\u{301}"));
    }
}
