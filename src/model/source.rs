//! What a text was read from: the format, the encoding and the way back from each line to the source file.
//! The readers (the read stage) fill it; a [`super::Document`] keeps it.

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
    pub fn from_web(e: &'static encoding_rs::Encoding) -> Encoding {
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
    /// ASCII; see `vanban::read::legacy::detect`).
    pub confidence: f32,
    /// For each line of the text (ascending): `(byte offset in the text, where it comes from)`.
    pub lines: Vec<(usize, Origin)>,
    /// A `.docx`'s page headers and footers (not part of the parsed text), one paragraph per line.
    pub header: Option<String>,
    pub footer: Option<String>,
}

impl Source {
    pub fn new(format: Format, encoding: Option<Encoding>, confidence: f32, lines: Vec<(usize, Origin)>) -> Source {
        Source { format, encoding, confidence, lines, header: None, footer: None }
    }
    /// Where the line holding byte `text_offset` of the text comes from; for text, the exact byte offset
    /// when the encoding allows (UTF-8, UTF-16, single-byte encodings) .
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
