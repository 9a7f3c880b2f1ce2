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
    // (memmem's vector search: comparing each of the 1,024 windows cost some 10,000 instructions a file)
    if memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_header_counts_only_whole_within_the_first_kib() {
        // junk before `%PDF-`: found when its five bytes end by byte 1,024, as the windows of the first KiB find it
        for junk in [0, 1, 31, 32, 1018, 1019, 1020, 1023, 1024] {
            let mut bytes = vec![b'x'; junk];
            bytes.extend_from_slice(b"%PDF-1.7\n");
            bytes.resize(2000, b'y');
            let pdf = matches!(sniff(&bytes), Ok(Format::Pdf));
            assert_eq!(pdf, junk + 5 <= 1024, "{junk}");
        }
        assert!(matches!(sniff(b"%PDF"), Ok(Format::Text)));
    }
}
