//! Bytes to text. The format is judged from content, never from a file name (an explicit
//! [`ReadOptions::format`] overrides it):
//! - a `.docx` (a zip holding `word/document.xml`): its paragraphs, numbering and tables (see [`crate::docx`]);
//! - a PDF with a text layer (see [`crate::pdf`]);
//! - an HTML page (Word "Save as Web Page" included): its text, read in the charset it declares (see
//!   [`crate::html`]);
//! - plain text: UTF-8 (with or without BOM), UTF-16 with a BOM, Windows-1258, or one of the legacy Vietnamese
//!   font encodings TCVN3 (ABC), VNI and VISCII, told apart by how Vietnamese each reading is (see
//!   [`crate::legacy`]); an explicit [`ReadOptions::encoding`] overrides the guess.
//!
//! Whatever the format, the text comes with a map from each of its lines back to the source ([`Origin`]):
//! a byte offset for text and HTML, a paragraph (and table cell) for a `.docx`, a page and line for a PDF.
use crate::error::Error;
use crate::html::{self, HtmlText};

/// The kind of file a document came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text or markdown.
    Text,
    /// An HTML page.
    Html,
    /// A Word `.docx` (Office Open XML).
    Docx,
    /// A PDF with a text layer.
    Pdf,
}

/// Names accepted for each format (the first is the canonical one).
const FORMAT_NAMES: &[(Format, &[&str])] = &[
    (Format::Text, &["text", "txt", "md", "markdown", "plain"]),
    (Format::Html, &["html", "htm"]),
    (Format::Docx, &["docx"]),
    (Format::Pdf, &["pdf"]),
];

impl Format {
    pub fn as_str(self) -> &'static str {
        FORMAT_NAMES.iter().find(|(f, _)| *f == self).map(|(_, n)| n[0]).unwrap_or("text")
    }
    /// The format named (`"docx"`, `"pdf"`, `"html"`, `"text"`, also `txt`/`md`/`htm`), case-insensitive.
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.trim().trim_start_matches('.').to_ascii_lowercase();
        FORMAT_NAMES.iter().find(|(_, names)| names.contains(&name.as_str())).map(|(f, _)| *f)
    }
}

/// A character encoding a text was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1258,
    /// TCVN 5712 in its 8-bit font form (ABC, `.VnTime`): `Uû ban nh©n d©n`.
    Tcvn3,
    /// VNI Windows fonts: a base letter followed by a byte for its marks (`Xin chaøo`).
    Vni,
    /// VISCII (RFC 1456), with letters in the C0 control range.
    Viscii,
    /// Any other WHATWG encoding an HTML page declares (windows-1252, ...).
    Web(&'static encoding_rs::Encoding),
}

/// Names accepted for the encodings vanban itself tells apart (the first is the canonical one); other labels
/// go to the WHATWG registry.
const ENCODING_NAMES: &[(Encoding, &[&str])] = &[
    (Encoding::Utf8, &["utf-8", "utf8"]),
    (Encoding::Utf16Le, &["utf-16le", "utf16le", "utf-16", "utf16"]),
    (Encoding::Utf16Be, &["utf-16be", "utf16be"]),
    (Encoding::Windows1258, &["windows-1258", "cp1258", "cp-1258", "win1258"]),
    (Encoding::Tcvn3, &["tcvn3", "tcvn", "abc", "tcvn5712", "tcvn-5712", "vn3", ".vntime"]),
    (Encoding::Vni, &["vni", "vni-windows", "vni windows"]),
    (Encoding::Viscii, &["viscii", "csviscii"]),
];

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Web(e) => e.name(),
            _ => ENCODING_NAMES.iter().find(|(e, _)| *e == self).map(|(_, n)| n[0]).unwrap_or("utf-8"),
        }
    }
    /// The encoding named by `label` (`"tcvn3"`, `"vni"`, `"viscii"`, `"utf-8"`, `"windows-1258"`, or any
    /// WHATWG label such as `"windows-1252"`), case-insensitive.
    pub fn from_label(label: &str) -> Option<Encoding> {
        let l = label.trim().to_ascii_lowercase();
        if let Some((e, _)) = ENCODING_NAMES.iter().find(|(_, names)| names.contains(&l.as_str())) {
            return Some(*e);
        }
        let web = encoding_rs::Encoding::for_label(l.as_bytes())?;
        Some(Encoding::from_web(web))
    }
    pub(crate) fn from_web(e: &'static encoding_rs::Encoding) -> Encoding {
        if e == encoding_rs::UTF_8 {
            Encoding::Utf8
        } else if e == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else if e == encoding_rs::UTF_16BE {
            Encoding::Utf16Be
        } else if e == encoding_rs::WINDOWS_1258 {
            Encoding::Windows1258
        } else {
            Encoding::Web(e)
        }
    }
    /// The legacy Vietnamese font encoding this is, if it is one.
    pub fn legacy(self) -> Option<crate::legacy::Legacy> {
        use crate::legacy::Legacy;
        match self {
            Encoding::Tcvn3 => Some(Legacy::Tcvn3),
            Encoding::Vni => Some(Legacy::Vni),
            Encoding::Viscii => Some(Legacy::Viscii),
            _ => None,
        }
    }
    /// The WHATWG decoder for this encoding (`None` for the legacy font encodings).
    pub fn web(self) -> Option<&'static encoding_rs::Encoding> {
        match self {
            Encoding::Utf8 => Some(encoding_rs::UTF_8),
            Encoding::Utf16Le => Some(encoding_rs::UTF_16LE),
            Encoding::Utf16Be => Some(encoding_rs::UTF_16BE),
            Encoding::Windows1258 => Some(encoding_rs::WINDOWS_1258),
            Encoding::Web(e) => Some(e),
            Encoding::Tcvn3 | Encoding::Vni | Encoding::Viscii => None,
        }
    }
}

/// How to read bytes: `None` fields are detected from content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    pub format: Option<Format>,
    /// For text and HTML: the encoding of the bytes. For a `.docx` or a PDF: the legacy font encoding its text
    /// is in (`Tcvn3`, `Vni`, `Viscii`; a Unicode one means "take the text as it is").
    pub encoding: Option<Encoding>,
}

/// Where a line of the text comes from in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Text and HTML: the byte offset in the source file where the line starts (for HTML, of the tag that made
    /// a table bar).
    Byte(usize),
    /// A `.docx`: the paragraph, counted from 0 over every `w:p` of the main part in document order (table
    /// cells and text boxes included), and the table cell it lies in. A table bar points at the paragraph
    /// that follows it.
    Docx { paragraph: usize, cell: Option<Cell> },
    /// A PDF: the page (from 1) and the line on it (from 0).
    Pdf { page: usize, line: usize },
}

/// A cell of an outermost table of a `.docx`: the table (from 0, in document order), row and cell in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    pub table: usize,
    pub row: usize,
    pub cell: usize,
}

/// What a text was read from: its format, encoding and the way back to the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub format: Format,
    /// The encoding the text was decoded from: for text and HTML the byte encoding; for a `.docx` or a PDF
    /// `None`, unless its text turned out to be in a legacy font encoding (then that one).
    pub encoding: Option<Encoding>,
    /// How sure the encoding guess is, 0..1 (1 for a BOM, a declared charset, an explicit choice or plain
    /// ASCII; see [`crate::legacy::detect`]).
    pub confidence: f32,
    /// For each line of the text (ascending): `(byte offset in the text, where it comes from)`.
    pub lines: Vec<(usize, Origin)>,
    /// A `.docx`'s page headers and footers (not part of the parsed text), one paragraph per line.
    pub header: Option<String>,
    pub footer: Option<String>,
}

impl Source {
    fn new(format: Format, encoding: Option<Encoding>, confidence: f32, lines: Vec<(usize, Origin)>) -> Source {
        Source { format, encoding, confidence, lines, header: None, footer: None }
    }
    /// Where the line holding byte `text_offset` of the text comes from; for text, the exact byte offset
    /// when the encoding allows (UTF-8, UTF-16, single-byte encodings) — see [`Input::origin`].
    pub fn line_origin(&self, text_offset: usize) -> Option<(usize, Origin)> {
        let i = self.lines.partition_point(|&(t, _)| t <= text_offset);
        (i > 0).then(|| self.lines[i - 1])
    }
    /// Where byte `text_offset` of `text` (the text this source was read into) comes from: for plain text the
    /// byte offset of that very character in the source file; otherwise the line's origin.
    pub fn origin(&self, text: &str, text_offset: usize) -> Option<Origin> {
        let (line_start, origin) = self.line_origin(text_offset)?;
        match (origin, self.format, self.encoding) {
            (Origin::Byte(b), Format::Text, Some(enc)) if text.is_char_boundary(text_offset) && text_offset <= text.len() => {
                let within = &text[line_start..text_offset];
                let width: usize = match enc {
                    Encoding::Utf8 => within.len(),
                    Encoding::Utf16Le | Encoding::Utf16Be => within.encode_utf16().count() * 2,
                    Encoding::Vni => return Some(origin),
                    _ => within.chars().count(),
                };
                Some(Origin::Byte(b + width))
            }
            _ => Some(origin),
        }
    }
}

/// A document's text and what it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    /// The text the parser reads (not yet normalized: the parser applies NFC).
    pub text: String,
    pub source: Source,
}

impl Input {
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn into_text(self) -> String {
        self.text
    }
    pub fn format(&self) -> Format {
        self.source.format
    }
    pub fn encoding(&self) -> Option<Encoding> {
        self.source.encoding
    }
    /// Where byte `text_offset` of the text comes from (see [`Source::origin`]).
    pub fn origin(&self, text_offset: usize) -> Option<Origin> {
        self.source.origin(&self.text, text_offset)
    }
}

pub(crate) fn decode_error(reason: impl Into<String>) -> Error {
    Error::Decode { path: None, reason: reason.into() }
}

/// Decode document bytes to the text the parser reads.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    read(bytes).map(Input::into_text)
}

/// Read document bytes: detect the format and the encoding from content.
pub fn read(bytes: &[u8]) -> Result<Input, Error> {
    read_with(bytes, &ReadOptions::default())
}

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
    Ok(if html::looks_like_html(bytes) { Format::Html } else { Format::Text })
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

/// Read document bytes with a format and/or encoding given (the rest detected).
pub fn read_with(bytes: &[u8], opts: &ReadOptions) -> Result<Input, Error> {
    let format = match opts.format {
        Some(f) => f,
        None => sniff(bytes)?,
    };
    let mut input = match format {
        Format::Docx => crate::docx::read(bytes)?,
        Format::Pdf => crate::pdf::read(bytes)?,
        Format::Html => read_html(bytes, opts.encoding)?,
        Format::Text => read_text(bytes, opts.encoding)?,
    };
    // Text typed in a legacy font and stored as Unicode (a .docx in .VnTime, a TCVN3 page declared as Latin-1,
    // a TCVN3 file converted to UTF-8 as if it were Latin-1): read its characters back as the font's bytes.
    let unicode = matches!(format, Format::Docx | Format::Pdf)
        || matches!(input.source.encoding, Some(Encoding::Utf8 | Encoding::Utf16Le | Encoding::Utf16Be | Encoding::Web(_)));
    match opts.encoding {
        Some(e) if matches!(format, Format::Docx | Format::Pdf) => {
            if let Some(legacy) = e.legacy() {
                crate::legacy::redecode_input(&mut input, legacy);
                input.source.confidence = 1.0;
            }
        }
        None if unicode => {
            if let Some((legacy, confidence)) = crate::legacy::detect_in_unicode(&input.text) {
                crate::legacy::redecode_input(&mut input, legacy);
                input.source.confidence = confidence;
            }
        }
        _ => {}
    }
    Ok(input)
}

fn read_html(bytes: &[u8], encoding: Option<Encoding>) -> Result<Input, Error> {
    let wide = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !wide && looks_binary(bytes) {
        return Err(decode_error("binary data, not a text document"));
    }
    if wide && !bytes.len().is_multiple_of(2) {
        return Err(decode_error("UTF-16 with an odd number of bytes"));
    }
    let h: HtmlText = match encoding {
        None => html::to_text(bytes),
        Some(e) => match e.web() {
            Some(web) if web.is_ascii_compatible() => html::to_text_in(bytes, web),
            _ => return Err(decode_error(format!("an HTML page cannot be read as {}", e.name()))),
        },
    };
    let declared = encoding.is_some() || html::declared_charset(bytes).is_some() || wide || bytes.starts_with(b"\xEF\xBB\xBF");
    let lines = h.source_offsets.iter().map(|&(t, b)| (t, Origin::Byte(b))).collect();
    let confidence = if declared { 1.0 } else { crate::legacy::unicode_confidence(&h.text) };
    Ok(Input { text: h.text, source: Source::new(Format::Html, Some(Encoding::from_web(h.encoding)), confidence, lines) })
}

/// `(text offset, source byte offset)` of each line start, given the width in source bytes of each character.
fn byte_lines(text: &str, base: usize, width: impl Fn(char) -> usize) -> Vec<(usize, Origin)> {
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

fn read_text(bytes: &[u8], encoding: Option<Encoding>) -> Result<Input, Error> {
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
    // VISCII puts letters on C0 controls: judge binary-ness only after a legacy reading was tried
    let detected = crate::legacy::detect(bytes);
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
    if let Some(legacy) = e.legacy() {
        if legacy != crate::legacy::Legacy::Viscii && looks_binary(bytes) {
            return Err(decode_error("binary data, not a text document"));
        }
        let (text, lines) = crate::legacy::decode_lines(bytes, legacy);
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
            match std::str::from_utf8(rest) {
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
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(text_input(s.to_owned(), Encoding::Utf8, confidence, byte_lines(s, base, char::len_utf8))),
        Err(e) => Err(decode_error(format!("invalid UTF-8 at byte {}", base + e.valid_up_to()))),
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

/// NUL bytes or many C0 controls in the first 8 KiB: binary (zip, image, PDF stream), not text.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    controls * 20 > head.len().max(1)
}

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
        let doc = crate::parse_bytes(b"K\xca\xec HOA\xf2CH\n").unwrap();
        assert!(doc.text.starts_with('K'));
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
