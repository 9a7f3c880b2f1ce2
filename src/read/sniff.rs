//! The kind of a file, judged from its bytes (never from its name).
use super::input::decode_error;
use crate::model::error::Error;
use crate::model::source::Format;

/// The format of the bytes, judged from content.
pub fn sniff(bytes: &[u8]) -> Result<Format, Error> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(Format::Docx); // any zip: the docx reader says when it is not a Word document
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(decode_error("a Word 97-2003 .doc (or other OLE) file: not supported; save it as .docx"));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(decode_error("an RTF file: not supported; save it as .docx"));
    }
    // `%PDF` may follow some junk bytes (the spec allows it within the first KiB)
    if bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(decode_error(format!("{kind}, not a document")));
    }
    Ok(if super::html::looks_like_html(bytes) { Format::Html } else { Format::Text })
}

/// Image and archive signatures, to name what a binary file is.
const BINARY_SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1F\x8B", "gzip data"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7FELF", "an executable"),
    (b"MZ", "an executable"),
];

fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    BINARY_SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)).map(|(_, k)| *k)
}
