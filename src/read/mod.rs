//! Bytes to text. The format is judged from content, never from a file name (an explicit
//! [`ReadOptions::format`] overrides it):
//! - a `.docx` (a zip holding `word/document.xml`): its paragraphs, numbering and tables (see [`docx`]);
//! - a PDF with a text layer (see [`pdf`]);
//! - an HTML page (Word "Save as Web Page" included): its text, read in the charset it declares (see
//!   [`html`]);
//! - plain text: UTF-8 (with or without BOM), UTF-16 with a BOM, Windows-1258, or one of the legacy Vietnamese
//!   font encodings TCVN3 (ABC), VNI and VISCII, told apart by how Vietnamese each reading is (see
//!   [`legacy`]); an explicit [`ReadOptions::encoding`] overrides the guess.
//!
//! Whatever the format, the text comes with a map from each of its lines back to the source ([`Origin`]):
//! a byte offset for text and HTML, a paragraph (and table cell) for a `.docx`, a page and line for a PDF.
pub mod charset;
pub mod docx;
pub mod file;
pub mod html;
pub mod input;
pub mod legacy;
pub mod pdf;
pub mod sniff;
pub mod text;

pub use input::{Input, ReadOptions};
pub use sniff::sniff;

use crate::model::error::Error;
use crate::model::source::{Encoding, Format};

/// Decode document bytes to the text the parser reads.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    read(bytes).map(Input::into_text)
}

/// Read document bytes: detect the format and the encoding from content.
pub fn read(bytes: &[u8]) -> Result<Input, Error> {
    read_with(bytes, &ReadOptions::default())
}

/// The most bytes of plain text or HTML read as one document (16 MiB): an administrative document is a few
/// hundred KB at most (the bench archive's largest is 809 KB), and parsing costs memory in proportion (about
/// 13 bytes per byte of text: 142 MB for 11 MB), so a larger text is refused rather than left to take the
/// machine's memory. Containers (`.docx`, PDF) bound what they inflate, and the text they give, on their own.
pub const MAX_TEXT_BYTES: usize = 16 << 20;

/// Read document bytes with a format and/or encoding given (the rest detected).
pub fn read_with(bytes: &[u8], opts: &ReadOptions) -> Result<Input, Error> {
    let format = match opts.format {
        Some(f) => f,
        None => sniff(bytes)?,
    };
    if matches!(format, Format::Html | Format::Text) && bytes.len() > MAX_TEXT_BYTES {
        return Err(input::decode_error(format!(
            "a text of {} MiB (more than {} MiB): not read as one document",
            bytes.len() >> 20,
            MAX_TEXT_BYTES >> 20
        )));
    }
    let mut input = match format {
        Format::Docx => docx::read(bytes)?,
        Format::Pdf => pdf::read(bytes)?,
        Format::Html => html::read(bytes, opts.encoding)?,
        Format::Text => text::read_text(bytes, opts.encoding)?,
    };
    if input.text.len() > MAX_TEXT_BYTES {
        return Err(input::decode_error(format!(
            "a document whose text is more than {} MiB: not read as one document",
            MAX_TEXT_BYTES >> 20
        )));
    }
    // Text typed in a legacy font and stored as Unicode (a .docx in .VnTime, a TCVN3 page declared as Latin-1,
    // a TCVN3 file converted to UTF-8 as if it were Latin-1): read its characters back as the font's bytes.
    let unicode = matches!(format, Format::Docx | Format::Pdf)
        || matches!(input.source.encoding, Some(Encoding::Utf8 | Encoding::Utf16Le | Encoding::Utf16Be | Encoding::Web(_)));
    match opts.encoding {
        Some(e) if matches!(format, Format::Docx | Format::Pdf) => {
            if let Some(legacy) = legacy::Legacy::of(e) {
                legacy::redecode_input(&mut input, legacy);
                input.source.confidence = 1.0;
            }
        }
        // plain UTF-8 without a BOM was judged by how Vietnamese it reads already: above 0.8 it is no font text
        None if unicode && !(format == Format::Text && input.source.encoding == Some(Encoding::Utf8) && !bytes.starts_with(b"\xEF\xBB\xBF") && input.source.confidence > 0.8) => {
            if let Some((legacy, confidence)) = legacy::detect_in_unicode(&input.text) {
                legacy::redecode_input(&mut input, legacy);
                input.source.confidence = confidence;
            }
        }
        _ => {}
    }
    Ok(input)
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
    fn names_docx_pdf_and_binary_kinds() {
        assert!(reason(decode(b"PK\x03\x04\x14\x00\x06\x00")).starts_with("a damaged zip (.docx)"));
        assert!(reason(decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")).contains("PDF"));
        assert!(reason(decode(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00")).contains("97-2003 .doc"));
        assert_eq!(reason(decode(b"\x89PNG\r\n\x1a\n")), "a PNG image, not a document");
    }
    #[test]
    fn reads_windows_1258() {
        // "Kế hoạch số" in Windows-1258: ê + combining acute (0xEC), a + combining dot below (0xF2), ô + acute;
        // NFC composes them later, in the parser
        let text = decode(b"K\xea\xec hoa\xf2ch s\xf4\xec 12").unwrap();
        assert_eq!(text, "Kê\u{301} hoa\u{323}ch sô\u{301} 12");
        assert!(read(b"K\xca\xec HOA\xf2CH\n").unwrap().text.starts_with('K'));
        assert_eq!(read(b"\xd0i\xea\xccu 1").unwrap().encoding(), Some(Encoding::Windows1258));
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
    /// Issue 13, item 3: every reader caps what it reads; a text past the cap is refused before it is decoded.
    #[test]
    fn a_text_past_the_cap_is_refused_unread() {
        let big = vec![b'a'; MAX_TEXT_BYTES + 1];
        assert!(reason(decode(&big)).contains("more than 16 MiB"));
        assert!(decode(&big[..1000]).is_ok());
    }
    #[test]
    fn html_is_detected_from_content() {
        let page = b"<html><head><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"></head>\
                     <body><p>Qu&#7843;ng Ninh, ng\xe0y 16</p></body></html>";
        let input = read(page).unwrap();
        assert_eq!(input.format(), Format::Html);
        assert_eq!(input.text(), "Quảng Ninh, ngày 16");
        assert_eq!(input.encoding(), Some(Encoding::Web(encoding_rs::WINDOWS_1252)));
        // a text that mentions a tag is not a page
        assert_eq!(decode(b"Xem <html> trong ph\xe1\xba\xa7n 2").unwrap(), "Xem <html> trong phần 2");
        // HTML with NUL bytes is still binary
        assert!(decode(b"<html>\x00\x00<body>").is_err());
    }
}

