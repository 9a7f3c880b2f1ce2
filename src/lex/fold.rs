//! Folding words for comparison: lower case, `Ð` as `Đ`, and one tone placement. Vietnamese prints the tone of
//! an open `oa`/`oe`/`uy` syllable on either vowel (`hoà`/`hòa`, `uỷ`/`ủy`; `vn-document-format.md` §9.3); the
//! fold puts it on the first (`quý`, after `q`, keeps it on `y`). Vocabulary is compared folded, so a word list
//! never needs both spellings.

use super::letters::{fold_char, Letters, MOVES};

/// Whether `word` is already in folded form (then no allocation is needed to compare it).
#[inline]
pub fn is_folded(word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || !b.is_ascii_alphabetic() && b < 0x80) {
        return true;
    }
    let letters = Letters::get();
    let mut prev = ' ';
    for c in word.chars() {
        if letters.class(c).unfolded_after(prev) {
            return false;
        }
        prev = c;
    }
    true
}

/// `word` folded into `out` (cleared first).
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    // an ASCII word folds to its ASCII lower case: that is what `fold_char` gives for each of its chars, and no
    // tone moves in it (the second vowel of every pair in `MOVES` is not ASCII)
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    let letters = Letters::get();
    for c in word.chars() {
        match letters.fold(c) {
            Some(f) => out.push(f),
            None => out.extend(fold_char(c)),
        }
    }
    if let Some(moved) = move_tones(out) {
        *out = moved;
    }
}

/// `word` folded.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// A lower-case string with the tones of open `oa`/`oe`/`uy` syllables moved to the first vowel, if any moves.
fn move_tones(s: &str) -> Option<String> {
    // most words hold no `oa`/`oe`/`uy` pair with the tone on its second vowel: nothing can move, and nothing is
    // collected (the loop below looks at exactly these pairs). Each pair is an ASCII `o` or `u` then a toned
    // vowel, which is not ASCII: a word with no such two bytes has none, and is let go without decoding it
    if !s.as_bytes().windows(2).any(|w| matches!(w[0], b'o' | b'u') && w[1] >= 0x80) {
        return None;
    }
    if !s.chars().zip(s.chars().skip(1)).any(|(a, b)| MOVES.iter().any(|m| m.0 == a && m.1 == b)) {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out: Option<Vec<char>> = None;
    for i in 1..chars.len() {
        let Some(&(_, _, first, second)) = MOVES.iter().find(|m| m.0 == chars[i - 1] && m.1 == chars[i]) else { continue };
        // an open syllable: nothing alphabetic follows; `quý` keeps its tone on y
        let open = chars.get(i + 1).is_none_or(|c| !c.is_alphabetic());
        let after_q = i >= 2 && chars[i - 2] == 'q';
        if open && !after_q {
            let o = out.get_or_insert_with(|| chars.clone());
            o[i - 1] = first;
            o[i] = second;
        }
    }
    out.map(|v| v.into_iter().collect())
}

/// `p` with its first letter in upper case.
pub fn capitalized(p: &str) -> String {
    let mut c = p.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// `ủy` as `uỷ`, `hòa` as `hoà`: the other placement of the tone of an open `oa`/`oe`/`uy` syllable.
pub fn other_tone_placement(p: &str) -> Option<String> {
    const PAIRS: [(&str, &str); 15] = [
        ("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"), ("òe", "oè"), ("óe", "oé"), ("ỏe", "oẻ"),
        ("õe", "oẽ"), ("ọe", "oẹ"), ("ùy", "uỳ"), ("úy", "uý"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ"),
    ];
    let mut out = p.to_string();
    for (a, b) in PAIRS {
        out = out.replace(a, b).replace(&a.to_uppercase(), &b.to_uppercase()).replace(&capitalized(a), &capitalized(b));
    }
    (out != p).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_tone_placements_fold_alike() {
        assert_eq!(fold("Uỷ"), fold("Ủy"));
        assert_eq!(fold("HOÀ"), "hòa");
        assert_eq!(fold("khoá"), fold("khóa"));
        assert_eq!(fold("quý"), "quý");
        assert_eq!(fold("hoàn"), "hoàn");
        assert_eq!(fold("ÐẢNG"), "đảng");
        // a pair that moves at the word's end, after another vowel pair, and one that does not (closed syllable)
        assert_eq!(fold("KHOẺ"), "khỏe");
        assert_eq!(fold("Thuỷ"), "thủy");
        assert_eq!(fold("hoàng"), "hoàng");
    }

    #[test]
    fn an_ascii_word_folds_to_its_lower_case_char_by_char() {
        let all: String = (0..0x80u8).map(char::from).collect();
        let slow: String = all.chars().flat_map(fold_char).collect();
        assert_eq!(fold(&all), slow);
        assert_eq!((fold("UBND"), fold("KH-BTCTW"), fold("Giao")), ("ubnd".into(), "kh-btctw".into(), "giao".into()));
    }

    #[test]
    fn a_tone_moves_only_after_an_o_or_u_byte_then_a_non_ascii_one() {
        // the precheck of `move_tones`: every pair it moves starts so
        assert!(MOVES.iter().all(|m| matches!(m.0, 'o' | 'u') && !m.1.is_ascii()));
        assert_eq!(fold("HOÀ"), "hòa");
        assert_eq!(fold("XOÈ"), "xòe");
        assert_eq!(fold("uỵ"), "ụy");
        assert_eq!(fold("HOANG"), "hoang");
    }

    #[test]
    fn the_other_tone_placement_is_spelled_in_every_case() {
        assert_eq!(other_tone_placement("CỘNG HÒA").as_deref(), Some("CỘNG HOÀ"));
        assert_eq!(other_tone_placement("Ủy ban").as_deref(), Some("Uỷ ban"));
        assert_eq!(other_tone_placement("hoàn"), None);
    }

    #[test]
    fn folded_words_are_recognised() {
        for w in ["các", "sở", "ủy", "hòa", "2024", "-"] {
            assert!(is_folded(w) && fold(w) == w, "{w}");
        }
        // `is_folded` looks for a move only after `o` or `u`
        assert!(MOVES.iter().all(|m| matches!(m.0, 'o' | 'u')));
        for w in ["Sở", "uỷ", "hoà", "ÐẢNG", "xoè", "Ab"] {
            assert!(!is_folded(w), "{w}");
        }
    }
}
