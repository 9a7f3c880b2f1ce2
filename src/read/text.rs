//! Plain text: UTF-8 (with or without BOM), UTF-16 with a BOM, Windows-1258, the legacy font encodings; each
//! line mapped back to its byte offset in the file.
use super::input::{decode_error, looks_binary, Input};
use super::legacy;
use crate::model::error::Error;
use crate::model::source::{Encoding, Format, Origin, Source};

/// `(text offset, source byte offset)` of each line start, given the width in source bytes of each character.
pub(crate) fn byte_lines(text: &str, base: usize, width: impl Fn(char) -> usize) -> Vec<(usize, Origin)> {
    let mut lines = vec![(0, Origin::Byte(base))];
    let mut src = base;
    for (i, c) in text.char_indices() {
        src += width(c);
        if c == '\n' && i + 1 < text.len() {
            lines.push((i + 1, Origin::Byte(src)));
        }
    }
    lines
}

fn text_input(text: String, encoding: Encoding, confidence: f32, lines: Vec<(usize, Origin)>) -> Input {
    Input { text, source: Source::new(Format::Text, Some(encoding), confidence, lines) }
}

pub(crate) fn read_text(bytes: &[u8], encoding: Option<Encoding>) -> Result<Input, Error> {
    if let Some(e) = encoding {
        return read_text_as(bytes, e);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest, 3, 1.0);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes, Encoding::Utf16Be);
    }
    // valid UTF-8 is UTF-8 (legacy bytes are almost never valid UTF-8): validated once, judged on a sample
    if let Ok(s) = str_of(bytes) {
        if looks_binary(bytes) {
            return Err(decode_error("binary data, not a text document"));
        }
        return Ok(utf8_text(s, 0, legacy::unicode_confidence(s).max(0.5)));
    }
    // VISCII puts letters on C0 controls: judge binary-ness only after a legacy reading was tried
    let detected = legacy::detect(bytes);
    match detected {
        Some(d) if d.encoding == Encoding::Utf8 => {
            if looks_binary(bytes) {
                return Err(decode_error("binary data, not a text document"));
            }
            utf8(bytes, 0, d.confidence)
        }
        Some(d) => {
            let mut input = read_text_as(bytes, d.encoding)?;
            input.source.confidence = d.confidence;
            Ok(input)
        }
        None => {
            if looks_binary(bytes) {
                return Err(decode_error("binary data, not a text document"));
            }
            let valid_up_to = std::str::from_utf8(bytes).err().map_or(bytes.len(), |e| e.valid_up_to());
            Err(decode_error(format!(
                "invalid UTF-8 at byte {valid_up_to}, and not Vietnamese in Windows-1258, TCVN3, VNI or VISCII either"
            )))
        }
    }
}

/// Text bytes read in a given encoding.
fn read_text_as(bytes: &[u8], e: Encoding) -> Result<Input, Error> {
    if let Some(legacy) = legacy::Legacy::of(e) {
        if legacy != legacy::Legacy::Viscii && looks_binary(bytes) {
            return Err(decode_error("binary data, not a text document"));
        }
        let (text, lines) = legacy::decode_lines(bytes, legacy);
        let lines = lines.into_iter().map(|(t, b)| (t, Origin::Byte(b))).collect();
        return Ok(text_input(text, e, 1.0, lines));
    }
    match e {
        Encoding::Utf8 => {
            let (rest, base) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
                Some(r) => (r, 3),
                None => (bytes, 0),
            };
            if looks_binary(rest) {
                return Err(decode_error("binary data, not a text document"));
            }
            match str_of(rest) {
                Ok(_) => utf8(rest, base, 1.0),
                Err(err) => Err(decode_error(format!("invalid UTF-8 at byte {}", base + err.valid_up_to()))),
            }
        }
        Encoding::Utf16Le => utf16(bytes.strip_prefix(&[0xFF, 0xFE]).unwrap_or(bytes), u16::from_le_bytes, e),
        Encoding::Utf16Be => utf16(bytes.strip_prefix(&[0xFE, 0xFF]).unwrap_or(bytes), u16::from_be_bytes, e),
        _ => {
            if looks_binary(bytes) {
                return Err(decode_error("binary data, not a text document"));
            }
            let web = e.web().unwrap_or(encoding_rs::WINDOWS_1258);
            let (text, _) = web.decode_without_bom_handling(bytes);
            let text = text.into_owned();
            let lines = if web.is_single_byte() {
                byte_lines(&text, 0, |_| 1)
            } else {
                byte_lines(&text, 0, |c| web.encode(c.encode_utf8(&mut [0; 4])).0.len())
            };
            Ok(text_input(text, e, 1.0, lines))
        }
    }
}

fn utf8(bytes: &[u8], base: usize, confidence: f32) -> Result<Input, Error> {
    if looks_binary(bytes) {
        return Err(decode_error("binary data, not a text document"));
    }
    match str_of(bytes) {
        Ok(s) => Ok(utf8_text(s, base, confidence)),
        Err(e) => Err(decode_error(format!("invalid UTF-8 at byte {}", base + e.valid_up_to()))),
    }
}

/// `bytes` as UTF-8 text, or std's error (its position goes into messages). simdutf8 checks many bytes at once
/// (std's validator spent some ten instructions a byte on dense Vietnamese); it accepts exactly the valid UTF-8
/// std accepts, and only a failure, rare, is checked again by std for the position.
pub(crate) fn str_of(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// Text read as UTF-8 from byte `base` of the file: a line's source offset is its text offset plus `base`.
fn utf8_text(s: &str, base: usize, confidence: f32) -> Input {
    // room for lines of 64 bytes (archive lines, a paragraph each, average some hundred): the list seldom grows,
    // each doubling a copy of it
    let mut lines = Vec::with_capacity(s.len() / 64 + 1);
    lines.push((0, Origin::Byte(base)));
    each_line_start(s.as_bytes(), |n| {
        if n < s.len() {
            lines.push((n, Origin::Byte(base + n)));
        }
    });
    text_input(s.to_owned(), Encoding::Utf8, confidence, lines)
}

/// `f` of the offset after each `\n` of `bytes`, in order: memchr looks at many bytes at once with the CPU's vector
/// unit (the eight-bytes-at-a-time loop it replaces cost some two instructions a byte; the char searcher before it
/// ~240 a line).
fn each_line_start(bytes: &[u8], mut f: impl FnMut(usize)) {
    for i in memchr::memchr_iter(b'\n', bytes) {
        f(i + 1);
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16, encoding: Encoding) -> Result<Input, Error> {
    if !bytes.len().is_multiple_of(2) {
        return Err(decode_error("UTF-16 with an odd number of bytes"));
    }
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let text = char::decode_utf16(units).collect::<Result<String, _>>().map_err(|e| decode_error(format!("invalid UTF-16: {e}")))?;
    if text.contains('\0') {
        return Err(decode_error("binary data, not a text document"));
    }
    let lines = byte_lines(&text, 2, |c| 2 * c.len_utf16());
    Ok(text_input(text, encoding, 1.0, lines))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_starts(bytes: &[u8]) -> Vec<usize> {
        let mut starts = Vec::new();
        each_line_start(bytes, |n| starts.push(n));
        starts
    }

    #[test]
    fn line_starts_are_found_at_every_byte_position_and_value() {
        // each byte value at each position of an eight-byte word and in the tail, among letters and line breaks
        let one_by_one = |b: &[u8]| b.iter().enumerate().filter(|(_, &c)| c == b'\n').map(|(i, _)| i + 1).collect::<Vec<_>>();
        for b in 0..=255u8 {
            for at in 0..19 {
                let mut text = b"abc\ndefghij\r\nklm\x0bop".to_vec();
                text[at] = b;
                assert_eq!(line_starts(&text), one_by_one(&text), "{b:#x} at {at}");
            }
        }
        let text = "Điều 1.\n\nỦy ban\n".repeat(1000);
        assert_eq!(line_starts(text.as_bytes()), one_by_one(text.as_bytes()));
        assert!(line_starts(b"").is_empty());
    }

    #[test]
    fn utf8_check_agrees_with_std_and_gives_its_error_position() {
        // valid Vietnamese, long enough for the vector loop, and each way it can break (a stray continuation,
        // a cut sequence, an overlong, a surrogate) at each position around a block's edges
        let good = "Điều 1. Ủy ban nhân dân tỉnh Quảng Ngãi — “ghi chú” 😀\n".repeat(8);
        assert_eq!(str_of(good.as_bytes()), Ok(good.as_str()));
        for bad in [&b"\x80"[..], b"\xE1\xBB", b"\xC0\xAF", b"\xED\xA0\x80", b"\xF4\x90\x80\x80", b"\xFF"] {
            for at in 0..good.len().min(140) {
                if !good.is_char_boundary(at) {
                    continue;
                }
                let mut text = good.as_bytes()[..at].to_vec();
                text.extend_from_slice(bad);
                text.extend_from_slice(&good.as_bytes()[at..]);
                assert_eq!(str_of(&text), std::str::from_utf8(&text), "{bad:x?} at {at}");
            }
        }
        // the last emoji cut short: the error is at its first byte
        let cut = &good.as_bytes()[..good.len() - 2];
        assert_eq!(str_of(cut).unwrap_err().valid_up_to(), good.len() - 5);
    }
}
