//! Bytes to text: UTF-8 (with or without BOM) and UTF-16 with a BOM. Legacy encodings and container formats
//! (.docx, HTML) come with the input readers.
use crate::error::Error;

/// Decode document bytes to a `String`.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, Error> {
    if looks_binary(bytes) {
        return Err(Error::Decode { path: None, reason: "binary data, not a text document".into() });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => Err(Error::Decode {
            path: None,
            reason: format!("invalid UTF-8 at byte {} (legacy encodings are not read yet)", e.valid_up_to()),
        }),
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, Error> {
    if bytes.len() % 2 != 0 {
        return Err(Error::Decode { path: None, reason: "UTF-16 with an odd number of bytes".into() });
    }
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|e| Error::Decode { path: None, reason: format!("invalid UTF-16: {e}") })
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

#[cfg(test)]
mod tests {
    use super::*;
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
    }
}
