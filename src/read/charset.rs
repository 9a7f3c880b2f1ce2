//! Character-level tests shared by the text, HTML and legacy readers.

/// A letter of the Vietnamese alphabet outside ASCII (precomposed, NFC).
pub(crate) fn is_vietnamese_letter(c: char) -> bool {
    matches!(c,
        'à' | 'á' | 'â' | 'ã' | 'è' | 'é' | 'ê' | 'ì' | 'í' | 'ò' | 'ó' | 'ô' | 'õ' | 'ù' | 'ú' | 'ý'
        | 'À' | 'Á' | 'Â' | 'Ã' | 'È' | 'É' | 'Ê' | 'Ì' | 'Í' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ù' | 'Ú' | 'Ý'
        | 'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
        | '\u{1EA0}'..='\u{1EF9}')
}

/// The bytes as Windows-1258 text, when they read as Vietnamese in it: `None` for bytes that hold a
/// Vietnamese letter in UTF-8 (a file of mixed encodings), a byte that Windows-1258 leaves undefined or a
/// control character, or letters that are mostly not Vietnamese once NFC has composed the tone marks
/// (a Windows-1252 text in French or German, random bytes). At least one Vietnamese letter is required.
pub(crate) fn windows_1258(bytes: &[u8]) -> Option<String> {
    if utf8_vietnamese_letter(bytes) {
        return None;
    }
    let (text, had_errors) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    if had_errors {
        return None;
    }
    use unicode_normalization::UnicodeNormalization;
    let (mut vietnamese, mut other) = (0usize, 0usize);
    for c in text.nfc() {
        if c.is_ascii() {
            if c.is_ascii_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0C') {
                return None;
            }
        } else if ('\u{80}'..='\u{9F}').contains(&c) {
            return None; // a byte Windows-1258 does not define
        } else if is_vietnamese_letter(c) {
            vietnamese += 1;
        } else if c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c) {
            other += 1; // ß, ü, ÿ ... or a tone mark left on a consonant
        }
    }
    (vietnamese > 0 && other * 20 <= vietnamese).then(|| text.into_owned())
}

/// Whether the bytes hold a well-formed UTF-8 sequence for a Vietnamese letter.
fn utf8_vietnamese_letter(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        if let Some(seq) = bytes.get(i..i + len) {
            if let Ok(s) = std::str::from_utf8(seq) {
                if s.chars().next().is_some_and(is_vietnamese_letter) {
                    return true;
                }
            }
        }
        i += 1;
    }
    false
}
