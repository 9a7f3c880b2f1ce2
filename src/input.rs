//! Bytes to text. The format is judged from content, never from a file name:
//! - a zip (`.docx`) or a PDF: a clear error, they are not read yet;
//! - an HTML page (Word "Save as Web Page" included): its text, read in the charset it declares (see
//!   [`crate::html`]);
//! - plain text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1258 when the bytes read as
//!   Vietnamese in it (the parser applies NFC afterwards, which composes its separate tone marks).
//!
//! TCVN3 (ABC), VNI and VISCII are not detected yet.
use crate::error::Error;
use crate::html::{self, HtmlText};
use encoding_rs::Encoding;

/// What the bytes were read as.
#[derive(Clone, Debug)]
pub enum Input {
    /// Plain text, in this encoding.
    Text { text: String, encoding: &'static Encoding },
    /// An HTML page's extracted text and the way back to its source bytes.
    Html(HtmlText),
}

impl Input {
    pub fn text(&self) -> &str {
        match self {
            Input::Text { text, .. } => text,
            Input::Html(h) => &h.text,
        }
    }
    pub fn into_text(self) -> String {
        match self {
            Input::Text { text, .. } => text,
            Input::Html(h) => h.text,
        }
    }
    pub fn encoding(&self) -> &'static Encoding {
        match self {
            Input::Text { encoding, .. } => encoding,
            Input::Html(h) => h.encoding,
        }
    }
}

fn decode_error(reason: impl Into<String>) -> Error {
    Error::Decode { path: None, reason: reason.into() }
}

/// Decode document bytes to the text the parser reads.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    read(bytes).map(Input::into_text)
}

/// Read document bytes: detect the format and the encoding from content.
pub fn read(bytes: &[u8]) -> Result<Input, Error> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(decode_error("a .docx (zip) file: not read yet"));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(decode_error("a PDF file: not read yet"));
    }
    let wide = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if html::looks_like_html(bytes) {
        if !wide && looks_binary(bytes) {
            return Err(decode_error("binary data, not a text document"));
        }
        if wide && !bytes.len().is_multiple_of(2) {
            return Err(decode_error("UTF-16 with an odd number of bytes"));
        }
        return Ok(Input::Html(html::to_text(bytes)));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes, encoding_rs::UTF_16LE);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes, encoding_rs::UTF_16BE);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<Input, Error> {
    if looks_binary(bytes) {
        return Err(decode_error("binary data, not a text document"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Input::Text { text: s.to_owned(), encoding: encoding_rs::UTF_8 }),
        Err(e) => match windows_1258(bytes) {
            Some(text) => Ok(Input::Text { text, encoding: encoding_rs::WINDOWS_1258 }),
            None => Err(decode_error(format!(
                "invalid UTF-8 at byte {}, and not Vietnamese in Windows-1258 either (TCVN3, VNI and other legacy encodings are not read yet)",
                e.valid_up_to()
            ))),
        },
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16, encoding: &'static Encoding) -> Result<Input, Error> {
    if !bytes.len().is_multiple_of(2) {
        return Err(decode_error("UTF-16 with an odd number of bytes"));
    }
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map(|text| Input::Text { text, encoding })
        .map_err(|e| decode_error(format!("invalid UTF-16: {e}")))
}

/// NUL bytes or many C0 controls in the first 8 KiB: binary (zip, image, PDF stream), not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    controls * 20 > head.len().max(1)
}

/// A letter of the Vietnamese alphabet outside ASCII (precomposed, NFC).
fn is_vietnamese_letter(c: char) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    fn reason(r: Result<String, Error>) -> String {
        match r {
            Err(Error::Decode { reason, .. }) => reason,
            other => panic!("expected a decode error, got {other:?}"),
        }
    }
    #[test]
    fn strips_utf8_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFK").unwrap(), "K");
    }
    #[test]
    fn reads_utf16le_with_bom() {
        assert_eq!(decode(&[0xFF, 0xFE, b'S', 0, 0xD5, 0x1E]).unwrap(), "Sổ");
    }
    #[test]
    fn rejects_binary() {
        assert!(matches!(decode(b"PK\x03\x04\x00\x00"), Err(Error::Decode { .. })));
        assert!(matches!(decode(b"abc\x00def"), Err(Error::Decode { .. })));
    }
    #[test]
    fn names_docx_and_pdf() {
        assert_eq!(reason(decode(b"PK\x03\x04\x14\x00\x06\x00")), "a .docx (zip) file: not read yet");
        assert_eq!(reason(decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")), "a PDF file: not read yet");
    }
    #[test]
    fn reads_windows_1258() {
        // "Kế hoạch số" in Windows-1258: ê + combining acute (0xEC), a + combining dot below (0xF2), ô + acute;
        // NFC composes them later, in the parser
        let text = decode(b"K\xea\xec hoa\xf2ch s\xf4\xec 12").unwrap();
        assert_eq!(text, "Kê\u{301} hoa\u{323}ch sô\u{301} 12");
        let doc = crate::parse_bytes(b"K\xca\xec HOA\xf2CH\n").unwrap();
        assert!(doc.text.starts_with('K'));
        assert!(matches!(read(b"\xd0i\xea\xccu 1").unwrap(), Input::Text { encoding, .. } if encoding == encoding_rs::WINDOWS_1258));
    }
    #[test]
    fn rejects_what_is_not_windows_1258_vietnamese() {
        // random high bytes: ÿ is no Vietnamese letter
        assert!(reason(decode(b"abc \xff\xfe\xfd def")).starts_with("invalid UTF-8 at byte 4"));
        // UTF-8 Vietnamese with a Latin-1 word: mixed encodings
        let mut mixed = "Ủy ban".as_bytes().to_vec();
        mixed.extend(b" \xe9t\xe9\n");
        assert!(decode(&mixed).is_err());
        // German in Windows-1252
        assert!(decode(b"Stra\xdfe f\xfcr \xc4rzte").is_err());
        // a byte Windows-1258 leaves undefined
        assert!(decode(b"vi\xea\xf2t \x8a").is_err());
        // no Vietnamese letter at all
        assert!(decode(b"price \x80 5").is_err());
    }
    #[test]
    fn html_is_detected_from_content() {
        let page = b"<html><head><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"></head>\
                     <body><p>Qu&#7843;ng Ninh, ng\xe0y 16</p></body></html>";
        let input = read(page).unwrap();
        assert!(matches!(&input, Input::Html(_)));
        assert_eq!(input.text(), "Quảng Ninh, ngày 16");
        assert_eq!(input.encoding(), encoding_rs::WINDOWS_1252);
        // a text that mentions a tag is not a page
        assert_eq!(decode(b"Xem <html> trong ph\xe1\xba\xa7n 2").unwrap(), "Xem <html> trong phần 2");
        // HTML with NUL bytes is still binary
        assert!(decode(b"<html>\x00\x00<body>").is_err());
    }
}
