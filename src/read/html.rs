//! HTML to the plain text the parser reads: Word "Save as Web Page" files and other HTML pages.
//!
//! The bytes are read in the charset the page declares (a `<meta charset>` or `content="text/html;
//! charset=..."`, a BOM first), UTF-8 when it declares none. A small tag scanner walks the *source bytes*
//! (tags and entities are ASCII in every ASCII-compatible encoding), so each line of the extracted text keeps
//! the byte offset in the source where it starts.
//!
//! What the text looks like, the way the parser reads the other corpus forms:
//! - a paragraph per `<p>`, `<h1>`–`<h6>`, `<div>`, `<li>` ... with a blank line between paragraphs; `<br>` is
//!   a line break; white space inside a paragraph (the source wraps lines anywhere) folds to one space;
//! - a table as the legal portal's markdown pages lay it out: a line `|` opens a row and ends each cell, the
//!   cell's paragraphs and line breaks are lines of their own between the bars (`|` / `HỘI ĐỒNG NHÂN DÂN` /
//!   `TỈNH QUẢNG NINH` / `|` / `CỘNG HÒA ...` / `|`); the header block, the signature and the recipients of a
//!   Word document are such tables. A table inside a table cell gives lines, not bars;
//! - `<head>`, `<style>`, `<script>`, `<title>`, `<xml>` data islands, comments (and so Word's conditional
//!   comments `<!--[if gte mso 9]>...<![endif]-->`) and elements styled `display:none` are dropped; the markers
//!   of Word's downlevel-revealed blocks `<![if !supportLists]>` ... `<![endif]>` go, their content (a list
//!   item's number) stays; `<o:p>` and other unknown tags are dropped, their text kept;
//! - entities decoded: numeric (`&#7843;`, `&#x1EA3;`, `&#150;` as windows-1252 like browsers do) and named
//!   (`&nbsp;` `&amp;` `&ndash;` ...; the Latin-1 set and the common typographic ones); no-break spaces fold
//!   like other white space; an unknown `&name;` stays as written.
//! - list items of `<ul>` get `- `, those of `<ol>` their number (`1. `), as browsers show them.
use super::input::{decode_error, looks_binary, Input};
use crate::model::error::Error;
use crate::model::source::{Encoding as SourceEncoding, Format, Origin, Source};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// Text extracted from an HTML page, with the way back to the source bytes.
#[derive(Clone, Debug)]
pub struct HtmlText {
    /// The plain text (see the module docs for its layout). Not normalized: the parser applies NFC.
    pub text: String,
    /// For each line of `text` (a paragraph, a line of one, a table bar): `(offset in text, byte offset in the
    /// source)` of its first character, ascending in both. A bar's source offset is that of the tag that
    /// made it (`<td>`, `</td>`). For UTF-16 input the source offsets count bytes of the UTF-16 file.
    pub source_offsets: Vec<(usize, usize)>,
    /// The encoding the page was read in.
    pub encoding: &'static Encoding,
}

impl HtmlText {
    /// The source byte offset of the start of the line holding `text_offset` (None before the first line,
    /// e.g. for an empty text).
    pub fn source_offset(&self, text_offset: usize) -> Option<usize> {
        let i = self.source_offsets.partition_point(|&(t, _)| t <= text_offset);
        (i > 0).then(|| self.source_offsets[i - 1].1)
    }
}

// ------------------------------------------------------------------------------------------------------------
// Detection

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The first bytes of a UTF-16 text (with a BOM) as ASCII, other characters as `?`, for sniffing.
fn utf16_head(bytes: &[u8], limit: usize) -> Option<Vec<u8>> {
    let le = match bytes.get(..2)? {
        [0xFF, 0xFE] => true,
        [0xFE, 0xFF] => false,
        _ => return None,
    };
    Some(
        bytes[2..]
            .chunks_exact(2)
            .take(limit)
            .map(|c| {
                let u = if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) };
                if u < 0x80 {
                    u as u8
                } else {
                    b'?'
                }
            })
            .collect(),
    )
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Whether the bytes are an HTML page, judged from content: after an optional BOM and white space the text
/// opens with `<`, and its first 2 KiB hold `<html`, `<!doctype html`, `<head`, `<body` or Word's
/// `xmlns:w=`. (A fragment such as `<p>...</p>` alone is not taken for a page.)
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let owned;
    let head: &[u8] = match utf16_head(bytes, 2048) {
        Some(h) => {
            owned = h;
            &owned
        }
        None => {
            let b = strip_bom(bytes);
            &b[..b.len().min(2048)]
        }
    };
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    if head.get(start) != Some(&b'<') {
        return false;
    }
    [&b"<html"[..], b"<!doctype html", b"<head", b"<body", b"xmlns:w="].iter().any(|n| find_ci(&head[start..], n).is_some())
}

/// The encoding an HTML page declares in its first 8 KiB (before `<body`): `<meta charset=...>`,
/// `<meta http-equiv=Content-Type content="text/html; charset=...">` or an XML declaration's `encoding=`.
/// The label is resolved as browsers do (`latin1` and `iso-8859-1` are windows-1252; a UTF-16 label in an
/// ASCII page means UTF-8). `None` for no declaration or a label no browser knows.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let b = strip_bom(bytes);
    let mut head = &b[..b.len().min(8192)];
    if let Some(body) = find_ci(head, b"<body") {
        head = &head[..body];
    }
    let mut pos = 0;
    while let Some(i) = head[pos..].iter().position(|&c| c == b'<') {
        let at = pos + i;
        let rest = &head[at..];
        let is_meta = rest.len() > 5 && rest[1..5].eq_ignore_ascii_case(b"meta") && !rest[5].is_ascii_alphanumeric();
        let is_xml = rest.starts_with(b"<?xml");
        if is_meta || is_xml {
            let end = rest.iter().position(|&c| c == b'>').unwrap_or(rest.len());
            let tag = &rest[..end];
            let key: &[u8] = if is_meta { b"charset" } else { b"encoding" };
            if let Some(label) = attr_after(tag, key) {
                if let Some(enc) = Encoding::for_label(label) {
                    if enc != encoding_rs::REPLACEMENT {
                        return Some(enc.output_encoding());
                    }
                }
            }
            pos = at + end.max(1);
        } else {
            pos = at + 1;
        }
    }
    None
}

/// The value after `key` `=` inside a tag (quotes and spaces around it skipped): the charset label.
fn attr_after<'a>(tag: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let mut from = 0;
    while let Some(i) = find_ci(&tag[from..], key) {
        let mut j = from + i + key.len();
        from = j;
        while tag.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
            j += 1;
        }
        if tag.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while tag.get(j).is_some_and(|c| c.is_ascii_whitespace() || *c == b'"' || *c == b'\'') {
            j += 1;
        }
        let len = tag[j..].iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.')).count();
        if len > 0 {
            return Some(&tag[j..j + len]);
        }
    }
    None
}

// ------------------------------------------------------------------------------------------------------------
// Entities

/// Named entities: the HTML 4 Latin-1 set and the common symbols and typographic ones.
const NAMED: &[(&str, char)] = &[
    ("nbsp", '\u{A0}'), ("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"'), ("apos", '\''),
    ("ndash", '–'), ("mdash", '—'), ("hellip", '…'), ("lsquo", '‘'), ("rsquo", '’'), ("sbquo", '‚'),
    ("ldquo", '“'), ("rdquo", '”'), ("bdquo", '„'), ("laquo", '«'), ("raquo", '»'), ("lsaquo", '‹'),
    ("rsaquo", '›'), ("bull", '•'), ("middot", '·'), ("dagger", '†'), ("Dagger", '‡'), ("permil", '‰'),
    ("prime", '′'), ("Prime", '″'), ("trade", '™'), ("copy", '©'), ("reg", '®'), ("deg", '°'), ("plusmn", '±'),
    ("times", '×'), ("divide", '÷'), ("minus", '−'), ("le", '≤'), ("ge", '≥'), ("ne", '≠'), ("asymp", '≈'),
    ("infin", '∞'), ("larr", '←'), ("rarr", '→'), ("uarr", '↑'), ("darr", '↓'), ("harr", '↔'), ("rArr", '⇒'),
    ("euro", '€'), ("cent", '¢'), ("pound", '£'), ("yen", '¥'), ("curren", '¤'), ("sect", '§'), ("para", '¶'),
    ("iexcl", '¡'), ("iquest", '¿'), ("brvbar", '¦'), ("uml", '¨'), ("ordf", 'ª'), ("ordm", 'º'), ("not", '¬'),
    ("shy", '\u{AD}'), ("macr", '¯'), ("sup1", '¹'), ("sup2", '²'), ("sup3", '³'), ("acute", '´'), ("micro", 'µ'),
    ("cedil", '¸'), ("frac14", '¼'), ("frac12", '½'), ("frac34", '¾'), ("ensp", '\u{2002}'), ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'), ("zwnj", '\u{200C}'), ("zwj", '\u{200D}'), ("lrm", '\u{200E}'), ("rlm", '\u{200F}'),
    ("circ", 'ˆ'), ("tilde", '˜'), ("fnof", 'ƒ'), ("oline", '‾'), ("frasl", '⁄'), ("loz", '◊'), ("spades", '♠'),
    ("clubs", '♣'), ("hearts", '♥'), ("diams", '♦'), ("alpha", 'α'), ("beta", 'β'), ("gamma", 'γ'), ("delta", 'δ'),
    ("pi", 'π'), ("sigma", 'σ'), ("mu", 'μ'), ("Omega", 'Ω'), ("sum", '∑'), ("radic", '√'),
    ("Agrave", 'À'), ("Aacute", 'Á'), ("Acirc", 'Â'), ("Atilde", 'Ã'), ("Auml", 'Ä'), ("Aring", 'Å'), ("AElig", 'Æ'),
    ("Ccedil", 'Ç'), ("Egrave", 'È'), ("Eacute", 'É'), ("Ecirc", 'Ê'), ("Euml", 'Ë'), ("Igrave", 'Ì'), ("Iacute", 'Í'),
    ("Icirc", 'Î'), ("Iuml", 'Ï'), ("ETH", 'Ð'), ("Ntilde", 'Ñ'), ("Ograve", 'Ò'), ("Oacute", 'Ó'), ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'), ("Ouml", 'Ö'), ("Oslash", 'Ø'), ("Ugrave", 'Ù'), ("Uacute", 'Ú'), ("Ucirc", 'Û'), ("Uuml", 'Ü'),
    ("Yacute", 'Ý'), ("THORN", 'Þ'), ("szlig", 'ß'), ("agrave", 'à'), ("aacute", 'á'), ("acirc", 'â'), ("atilde", 'ã'),
    ("auml", 'ä'), ("aring", 'å'), ("aelig", 'æ'), ("ccedil", 'ç'), ("egrave", 'è'), ("eacute", 'é'), ("ecirc", 'ê'),
    ("euml", 'ë'), ("igrave", 'ì'), ("iacute", 'í'), ("icirc", 'î'), ("iuml", 'ï'), ("eth", 'ð'), ("ntilde", 'ñ'),
    ("ograve", 'ò'), ("oacute", 'ó'), ("ocirc", 'ô'), ("otilde", 'õ'), ("ouml", 'ö'), ("oslash", 'ø'), ("ugrave", 'ù'),
    ("uacute", 'ú'), ("ucirc", 'û'), ("uuml", 'ü'), ("yacute", 'ý'), ("thorn", 'þ'), ("yuml", 'ÿ'), ("Yuml", 'Ÿ'),
    ("OElig", 'Œ'), ("oelig", 'œ'), ("Scaron", 'Š'), ("scaron", 'š'),
];

/// Named entities that browsers also read without the `;` (the HTML 4 core ones).
const LEGACY_NO_SEMICOLON: &[&str] = &["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"];

/// What browsers make of `&#128;`–`&#159;`: the windows-1252 characters at those bytes.
fn c1_as_windows_1252(n: u32) -> Option<char> {
    const T: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    (0x80..=0x9F).contains(&n).then(|| T[(n - 0x80) as usize])
}

/// The character of the entity at the start of `s` (which begins with `&`) and the entity's length in bytes;
/// `None` when it is not one (a lone `&`, an unknown name).
pub fn entity_at(s: &[u8]) -> Option<(char, usize)> {
    debug_assert_eq!(s.first(), Some(&b'&'));
    if s.get(1) == Some(&b'#') {
        let (hex, digits_from) = match s.get(2) {
            Some(b'x' | b'X') => (true, 3),
            _ => (false, 2),
        };
        // the number read as its digits go (a number past u32 is u32::MAX, no char), rather than parsed from a
        // slice: Word's HTML writes most Vietnamese letters so
        let radix = if hex { 16 } else { 10 };
        let (mut n, mut digits) = (0u32, 0);
        for d in s[digits_from.min(s.len())..].iter().map_while(|&c| (c as char).to_digit(radix)) {
            n = n.checked_mul(radix).and_then(|n| n.checked_add(d)).unwrap_or(u32::MAX);
            digits += 1;
        }
        if digits == 0 {
            return None;
        }
        let mut len = digits_from + digits;
        if s.get(len) == Some(&b';') {
            len += 1;
        }
        let c = if n == 0 {
            '\u{FFFD}'
        } else {
            c1_as_windows_1252(n).or_else(|| char::from_u32(n)).unwrap_or('\u{FFFD}')
        };
        return Some((c, len));
    }
    let name_len = s[1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if name_len == 0 {
        return None;
    }
    let name = std::str::from_utf8(&s[1..1 + name_len]).ok()?;
    let c = NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)?;
    if s.get(1 + name_len) == Some(&b';') {
        Some((c, name_len + 2))
    } else if LEGACY_NO_SEMICOLON.contains(&name) {
        Some((c, name_len + 1))
    } else {
        None
    }
}

/// A string with its character references decoded (`Qu&#7843;ng` → `Quảng`, `&amp;` → `&`).
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(k) = s[i..].find('&') {
        out.push_str(&s[i..i + k]);
        i += k;
        match entity_at(&b[i..]) {
            Some((c, len)) => {
                out.push(c);
                i += len;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
    }
    out.push_str(&s[i..]);
    Cow::Owned(out)
}

// ------------------------------------------------------------------------------------------------------------
// Extraction

/// Read an HTML page (any bytes: never fails) into text. The encoding: a BOM, else the declared charset,
/// else UTF-8 when the bytes are valid UTF-8, else windows-1258 when they read as Vietnamese in it, else

/// An HTML page as a document's text, in the charset it declares (or `encoding`).
pub(crate) fn read(bytes: &[u8], encoding: Option<SourceEncoding>) -> Result<Input, Error> {
    let wide = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !wide && looks_binary(bytes) {
        return Err(decode_error("binary data, not a text document"));
    }
    if wide && !bytes.len().is_multiple_of(2) {
        return Err(decode_error("UTF-16 with an odd number of bytes"));
    }
    let h: HtmlText = match encoding {
        None => to_text(bytes),
        Some(e) => match e.web() {
            Some(web) if web.is_ascii_compatible() => to_text_in(bytes, web),
            _ => return Err(decode_error(format!("an HTML page cannot be read as {}", e.name()))),
        },
    };
    let declared = encoding.is_some() || declared_charset(bytes).is_some() || wide || bytes.starts_with(b"\xEF\xBB\xBF");
    let lines = h.source_offsets.iter().map(|&(t, b)| (t, Origin::Byte(b))).collect();
    let confidence = if declared { 1.0 } else { super::legacy::unicode_confidence(&h.text) };
    Ok(Input { text: h.text, source: Source::new(Format::Html, Some(SourceEncoding::from_web(h.encoding)), confidence, lines) })
}

/// windows-1252 (the browsers' default).
pub fn to_text(bytes: &[u8]) -> HtmlText {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return scan(rest, UTF_8, 3);
    }
    for (bom, enc) in [(&[0xFF, 0xFE], UTF_16LE), (&[0xFE, 0xFF], UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (decoded, _) = enc.decode_without_bom_handling(rest);
            let mut h = scan(decoded.as_bytes(), UTF_8, 0);
            // offsets in the decoded UTF-8 back to bytes of the UTF-16 file
            let mut units = 0usize;
            let mut at = 0usize;
            for (_, src) in h.source_offsets.iter_mut() {
                units += decoded[at..*src].encode_utf16().count();
                at = *src;
                *src = 2 + 2 * units;
            }
            h.encoding = enc;
            return h;
        }
    }
    let enc = declared_charset(bytes).unwrap_or_else(|| undeclared_charset(bytes));
    if enc.is_ascii_compatible() {
        scan(bytes, enc, 0)
    } else {
        // (ISO-2022-JP: tags are not plain ASCII bytes; offsets then count bytes of the decoded text)
        let (decoded, _) = enc.decode_without_bom_handling(bytes);
        let mut h = scan(decoded.as_bytes(), UTF_8, 0);
        h.encoding = enc;
        h
    }
}

/// Read an HTML page in a given ASCII-compatible encoding, whatever it declares (a UTF-8 BOM is skipped).
pub fn to_text_in(bytes: &[u8], enc: &'static Encoding) -> HtmlText {
    match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => scan(rest, enc, 3),
        None => scan(bytes, enc, 0),
    }
}

fn undeclared_charset(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else if super::charset::windows_1258(bytes).is_some() {
        encoding_rs::WINDOWS_1258
    } else {
        WINDOWS_1252
    }
}

const BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "address", "center", "section", "article",
    "header", "footer", "nav", "aside", "main", "figure", "figcaption", "form", "fieldset", "legend", "dl", "dt",
    "dd", "caption", "body", "html", "details", "summary", "hr", "listing", "plaintext", "menu", "dir",
];
/// Elements whose content is never shown and may hold `<` freely: skipped to their end tag.
const SKIPPED_RAW: &[&str] = &["style", "script", "title", "xml", "template", "textarea", "xmp", "noembed", "noframes"];
const VOID: &[&str] = &[
    "br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "param", "source", "track", "wbr",
    "basefont", "frame", "isindex", "keygen",
];

fn is(name: &[u8], set: &[&str]) -> bool {
    set.iter().any(|s| name.eq_ignore_ascii_case(s.as_bytes()))
}

/// A table being read: bars are drawn only for the outermost one.
struct TableCtx {
    cell_open: bool,
    row_open: bool,
}

struct Out {
    text: String,
    offsets: Vec<(usize, usize)>,
    /// The line being built, folded, and the source offset of its first character.
    line: String,
    line_src: usize,
    space: bool,
    /// Break owed before the next line: 0 none, 1 line break, 2 blank line.
    owed: u8,
}

impl Out {
    fn push_char(&mut self, c: char, src: impl FnOnce() -> usize) {
        if c.is_whitespace() {
            self.space = !self.line.is_empty();
            return;
        }
        if self.line.is_empty() {
            self.line_src = src();
        } else if self.space {
            self.line.push(' ');
        }
        self.space = false;
        self.line.push(c);
    }
    fn start_line(&mut self, src: usize) {
        if !self.text.is_empty() {
            self.text.push_str(if self.owed >= 2 { "\n\n" } else { "\n" });
        }
        self.owed = 0;
        self.offsets.push((self.text.len(), src));
    }
    /// End the line being built, owing `n` before the next.
    fn brk(&mut self, n: u8) {
        if !self.line.is_empty() {
            self.start_line(self.line_src);
            let line = std::mem::take(&mut self.line);
            self.text.push_str(&line);
            self.line = line;
            self.line.clear();
        }
        self.space = false;
        self.owed = self.owed.max(n);
    }
    /// A table bar line.
    fn bar(&mut self, src: usize) {
        self.brk(1);
        self.start_line(src);
        self.text.push('|');
        self.owed = 1;
    }
}

struct Scanner<'a> {
    src: &'a [u8],
    enc: &'static Encoding,
    base: usize,
    out: Out,
    tables: Vec<TableCtx>,
    /// `None` for `<ul>`, the next number for `<ol>`.
    lists: Vec<Option<u32>>,
    in_head: bool,
    pre: usize,
    /// An element styled `display:none` being skipped: its name and nesting depth.
    hidden: Option<(Vec<u8>, usize)>,
}

/// Extract the text of HTML `src` read in `enc` (ASCII-compatible); source offsets are shifted by `base`.
fn scan(src: &[u8], enc: &'static Encoding, base: usize) -> HtmlText {
    let mut s = Scanner {
        src,
        enc,
        base,
        out: Out { text: String::with_capacity(src.len() / 3), offsets: Vec::new(), line: String::new(), line_src: 0, space: false, owed: 0 },
        tables: Vec::new(),
        lists: Vec::new(),
        in_head: false,
        pre: 0,
        hidden: None,
    };
    s.run();
    s.out.brk(0);
    HtmlText { text: s.out.text, source_offsets: s.out.offsets, encoding: enc }
}

impl Scanner<'_> {
    fn max_break(&self) -> u8 {
        if self.tables.is_empty() {
            2
        } else {
            1
        }
    }

    fn run(&mut self) {
        let src = self.src;
        let mut pos = 0;
        let mut text_from = 0;
        while pos < src.len() {
            let Some(k) = src[pos..].iter().position(|&b| b == b'<') else { break };
            let lt = pos + k;
            let Some(end) = self.markup(lt) else {
                // a `<` that opens no markup is text
                pos = lt + 1;
                continue;
            };
            self.text_run(text_from, lt);
            pos = self.tag(lt, end);
            text_from = pos;
        }
        self.text_run(text_from, src.len());
    }

    /// The end (exclusive) of the markup at `lt`, or `None` when `<` starts no markup.
    fn markup(&self, lt: usize) -> Option<usize> {
        let s = self.src;
        let rest = &s[lt..];
        let find = |from: usize, pat: &[u8]| -> Option<usize> { rest[from..].windows(pat.len()).position(|w| w == pat).map(|i| lt + from + i + pat.len()) };
        if rest.starts_with(b"<!--") {
            // comments, Word's conditional comments included; an unclosed one runs to the end
            return Some(find(4, b"-->").unwrap_or(s.len()));
        }
        match rest.get(1) {
            Some(b'!' | b'?') => Some(find(1, b">").unwrap_or(s.len())),
            Some(b'/') if rest.get(2).is_some_and(|c| c.is_ascii_alphabetic()) => Some(self.tag_end(lt + 2)),
            Some(c) if c.is_ascii_alphabetic() => Some(self.tag_end(lt + 1)),
            _ => None,
        }
    }

    /// The end of a tag whose name starts at `from`: past the `>` that is not inside a quoted attribute value.
    fn tag_end(&self, from: usize) -> usize {
        let s = self.src;
        let mut i = from;
        let mut after_eq = false;
        while i < s.len() {
            match s[i] {
                b'>' => return i + 1,
                b'=' => after_eq = true,
                q @ (b'"' | b'\'') if after_eq => match s[i + 1..].iter().position(|&c| c == q) {
                    Some(j) => {
                        i += j + 1;
                        after_eq = false;
                    }
                    None => return s.len(),
                },
                c if c.is_ascii_whitespace() => {}
                _ => after_eq = false,
            }
            i += 1;
        }
        s.len()
    }

    fn text_run(&mut self, from: usize, to: usize) {
        if from >= to || self.in_head || self.hidden.is_some() {
            return;
        }
        let raw = &self.src[from..to];
        let mut i = 0;
        while i < raw.len() {
            let amp = raw[i..].iter().position(|&b| b == b'&').map_or(raw.len(), |k| i + k);
            if amp > i {
                self.segment(&raw[i..amp], from + i);
            }
            if amp >= raw.len() {
                break;
            }
            let src = self.base + from + amp;
            match entity_at(&raw[amp..]) {
                Some((c, len)) => {
                    self.out.push_char(c, || src);
                    i = amp + len;
                }
                None => {
                    self.out.push_char('&', || src);
                    i = amp + 1;
                }
            }
        }
    }

    /// Text without entities at source offset `at`.
    fn segment(&mut self, raw: &[u8], at: usize) {
        // ASCII reads as itself in an ASCII-compatible encoding (all the web's but UTF-16): most segments between
        // Word's entities are a few ASCII letters, which need no decoder
        let decoded = if raw.is_ascii() && self.enc.is_ascii_compatible() {
            std::borrow::Cow::Borrowed(std::str::from_utf8(raw).expect("ASCII is UTF-8"))
        } else {
            self.enc.decode_without_bom_handling(raw).0
        };
        let base = self.base + at;
        let enc = self.enc;
        for (ci, c) in decoded.char_indices() {
            if self.pre > 0 && c == '\n' {
                self.out.brk(1);
                continue;
            }
            self.out.push_char(c, || base + raw_len(enc, &decoded[..ci]));
        }
    }

    /// Act on the markup `lt..end`; returns where reading goes on (past a skipped element's end tag).
    fn tag(&mut self, lt: usize, end: usize) -> usize {
        let s = self.src;
        let closing = s.get(lt + 1) == Some(&b'/');
        let name_from = lt + 1 + closing as usize;
        if !s.get(name_from).is_some_and(|c| c.is_ascii_alphabetic()) {
            return end; // comment, doctype, `<![if ...]>` marker, processing instruction
        }
        let name_len = s[name_from..end].iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'-' | b'_' | b'.')).count();
        let name = &s[name_from..name_from + name_len];
        let attrs = &s[name_from + name_len..end];
        let src = self.base + lt;

        if let Some((hname, depth)) = &mut self.hidden {
            if name.eq_ignore_ascii_case(hname) && !is(name, VOID) {
                if closing {
                    *depth -= 1;
                    if *depth == 0 {
                        self.hidden = None;
                    }
                } else if !attrs.ends_with(b"/>") {
                    *depth += 1;
                }
            }
            return end;
        }
        if !closing && is(name, SKIPPED_RAW) {
            if attrs.ends_with(b"/>") {
                return end;
            }
            // raw text up to `</name`: its content is not markup
            let mut close = Vec::with_capacity(name.len() + 2);
            close.extend_from_slice(b"</");
            close.extend_from_slice(name);
            return match find_ci(&s[end..], &close) {
                Some(i) => self.tag_end(end + i + 2),
                None => s.len(),
            };
        }
        let lname = name.to_ascii_lowercase();
        match (closing, lname.as_slice()) {
            (false, b"head") => self.in_head = true,
            (true, b"head") | (false, b"body") => self.in_head = false,
            _ => {}
        }
        if self.in_head {
            return end;
        }
        if !closing && !is(name, VOID) && hides(attrs) && !attrs.ends_with(b"/>") {
            self.hidden = Some((name.to_vec(), 1));
            return end;
        }
        let max = self.max_break();
        match (closing, lname.as_slice()) {
            (_, b"br") => self.out.brk(1),
            (false, b"table") => {
                self.out.brk(max);
                self.tables.push(TableCtx { cell_open: false, row_open: false });
            }
            (true, b"table") => {
                if self.tables.len() == 1 {
                    self.close_cell(src);
                }
                if self.tables.pop().is_some() {
                    let m = self.max_break();
                    self.out.brk(m);
                }
            }
            (false, b"td" | b"th") if self.tables.len() == 1 => {
                self.close_cell(src);
                let t = self.tables.last_mut().unwrap();
                let open_row = !t.row_open;
                t.row_open = true;
                t.cell_open = true;
                if open_row {
                    self.out.bar(src);
                }
            }
            (true, b"td" | b"th") if self.tables.len() == 1 => self.close_cell(src),
            (_, b"tr") if self.tables.len() == 1 => {
                self.close_cell(src);
                self.tables.last_mut().unwrap().row_open = false;
            }
            (_, b"td" | b"th" | b"tr" | b"caption" | b"thead" | b"tbody" | b"tfoot") => self.out.brk(1),
            (false, b"ul") => {
                self.out.brk(max);
                self.lists.push(None);
            }
            (false, b"ol") => {
                self.out.brk(max);
                self.lists.push(Some(ol_start(attrs)));
            }
            (true, b"ul" | b"ol") => {
                self.out.brk(max);
                self.lists.pop();
            }
            (false, b"li") => {
                self.out.brk(max);
                let mark = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_string(),
                };
                for c in mark.chars() {
                    self.out.push_char(c, || src);
                }
            }
            (true, b"li") => self.out.brk(max),
            (false, b"pre") => {
                self.out.brk(max);
                self.pre += 1;
            }
            (true, b"pre") => {
                self.out.brk(max);
                self.pre = self.pre.saturating_sub(1);
            }
            (_, n) if is(n, BLOCKS) => self.out.brk(max),
            _ => {} // inline: a, b, i, span, font, sup, o:p ...
        }
        end
    }

    fn close_cell(&mut self, src: usize) {
        if let Some(t) = self.tables.last_mut() {
            if t.cell_open {
                t.cell_open = false;
                self.out.bar(src);
            }
        }
    }
}

/// `style="display:none"` (Word's hidden text).
fn hides(attrs: &[u8]) -> bool {
    let Some(i) = find_ci(attrs, b"display") else { return false };
    let rest: Vec<u8> = attrs[i + 7..].iter().filter(|c| !c.is_ascii_whitespace()).take(5).map(|c| c.to_ascii_lowercase()).collect();
    rest == b":none"
}

fn ol_start(attrs: &[u8]) -> u32 {
    attr_after(attrs, b"start").and_then(|v| std::str::from_utf8(v).ok()?.parse().ok()).unwrap_or(1)
}

/// Bytes that `prefix` (decoded from `enc`) took in the source.
fn raw_len(enc: &'static Encoding, prefix: &str) -> usize {
    if prefix.is_empty() {
        0
    } else if enc == UTF_8 || prefix.is_ascii() {
        prefix.len()
    } else if enc.is_single_byte() {
        prefix.chars().count()
    } else {
        enc.encode(prefix).0.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_and_named_entities() {
        assert_eq!(decode_entities("Qu&#7843;ng Ninh"), "Quảng Ninh");
        assert_eq!(decode_entities("&#x1EA3;&#X1ea3;"), "ảả");
        assert_eq!(decode_entities("a&nbsp;b &amp; c &lt;d&gt; &quot;e&quot; &apos;"), "a\u{A0}b & c <d> \"e\" '");
        assert_eq!(decode_entities("2026&ndash;2031&mdash;x&hellip;"), "2026–2031—x…");
        assert_eq!(decode_entities("&#150; &#8211;"), "– –"); // C1 references read as windows-1252
        assert_eq!(decode_entities("&#0; &#xD800; &#99999999999;"), "\u{FFFD} \u{FFFD} \u{FFFD}");
        assert_eq!(decode_entities("&#273"), "đ"); // no `;`
        assert_eq!(decode_entities("&nbsp&amp"), "\u{A0}&");
        assert_eq!(decode_entities("R&D &unknown; & &# &x;"), "R&D &unknown; & &# &x;");
        assert_eq!(decode_entities("&Agrave;&eacute;&ETH;"), "ÀéÐ");
    }

    #[test]
    fn detects_html_from_content() {
        assert!(looks_like_html(b"<html xmlns:v=\"urn:schemas-microsoft-com:vml\">"));
        assert!(looks_like_html(b"\xEF\xBB\xBF\r\n  <!DOCTYPE HTML PUBLIC>\n<HTML>"));
        assert!(looks_like_html(b"<!-- saved -->\n<body><p>x</p></body>"));
        assert!(looks_like_html(b"<?xml version=\"1.0\"?><HTML>"));
        assert!(looks_like_html(&[0xFF, 0xFE, b'<', 0, b'h', 0, b't', 0, b'm', 0, b'l', 0, b'>', 0]));
        assert!(!looks_like_html(b"K\xe1\xba\xbe HO\xe1\xba\xa0CH <html>"));
        assert!(!looks_like_html(b"<p>only a fragment</p>"));
        assert!(!looks_like_html(b"| a | b |\n<html>"));
        assert!(!looks_like_html(b""));
    }

    #[test]
    fn reads_declared_charset() {
        let word = b"<html><head>\n<meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\">";
        assert_eq!(declared_charset(word), Some(WINDOWS_1252));
        assert_eq!(declared_charset(b"<html><head><META CHARSET='Windows-1258'>"), Some(encoding_rs::WINDOWS_1258));
        assert_eq!(declared_charset(b"<meta charset=\"utf-8\" />"), Some(UTF_8));
        assert_eq!(declared_charset(b"<meta charset=iso-8859-1>"), Some(WINDOWS_1252)); // as browsers do
        assert_eq!(declared_charset(b"<meta charset=utf-16>"), Some(UTF_8)); // an ASCII page cannot be UTF-16
        assert_eq!(declared_charset(b"<?xml version=\"1.0\" encoding=\"windows-1258\"?><html>"), Some(encoding_rs::WINDOWS_1258));
        assert_eq!(declared_charset(b"<html><meta charset=klingon>"), None);
        assert_eq!(declared_charset(b"<html><head><title>x</title></head>"), None);
        assert_eq!(declared_charset(b"<html><body><p>charset=windows-1252</p><meta charset=koi8-r>"), None);
        assert_eq!(declared_charset(b"<metadata charset=koi8-r>"), None);
    }

    fn text(html: &str) -> String {
        to_text(html.as_bytes()).text
    }

    #[test]
    fn paragraphs_line_breaks_and_white_space() {
        let h = "<html><head><title>T</title><style>p {x:<y>}</style></head><body>\n<p class=MsoNormal>C&#259;n\nc&#7913;   Lu&#7853;t;</p>\n<p>a<br>\n b<br/>c</p><h2>Đi&#7873;u 1</h2><div>x&nbsp;&nbsp;y</div></body></html>";
        assert_eq!(text(h), "Căn cứ Luật;\n\na\nb\nc\n\nĐiều 1\n\nx y");
    }

    #[test]
    fn comments_conditionals_and_hidden_text_are_dropped() {
        let h = "<html><body><!--[if gte mso 9]><xml><w:Word>junk</w:Word></xml><![endif]-->\
                 <p><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp; </span></span><![endif]>M&#7909;c</p>\
                 <p>a<o:p></o:p><span style='display: none'>hidden <span>x</span> more</span>b</p>\
                 <script>if (a<b) document.write('<p>no</p>')</script><p>c &lt; d & e</p><p>2 < 3</p></body>";
        assert_eq!(text(h), "1. Mục\n\nab\n\nc < d & e\n\n2 < 3");
    }

    #[test]
    fn tables_as_bars_and_cell_lines() {
        let h = "<html><body><table><tr><td><p>H&#7896;I &#272;&#7890;NG<br>T&#7880;NH</p></td><td><p>C&#7896;NG HÒA</p></td></tr>\
                 <tr><td>S&#7889;: 99</td><td></td></tr></table><p>NGH&#7882; QUY&#7870;T</p></body>";
        assert_eq!(text(h), "|\nHỘI ĐỒNG\nTỈNH\n|\nCỘNG HÒA\n|\n|\nSố: 99\n|\n|\n\nNGHỊ QUYẾT");
    }

    #[test]
    fn nested_tables_and_lists() {
        let h = "<html><body><table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td></tr></table>\
                 <ul><li>x</li><li>y</ul><ol start=3><li>z<li>w</ol></body>";
        assert_eq!(text(h), "|\na\nb\nc\n|\n\n- x\n\n- y\n\n3. z\n\n4. w");
    }

    #[test]
    fn windows_1252_bytes_and_entities_mix() {
        // Word writes letters of windows-1252 as bytes and the others as references
        let h = b"<html><head><meta charset=windows-1252></head><body><p>ng\xe0y 16 th\xe1ng 12 n&#259;m 2025</p></body>";
        let t = to_text(h);
        assert_eq!(t.text, "ngày 16 tháng 12 năm 2025");
        assert_eq!(t.encoding, WINDOWS_1252);
    }

    #[test]
    fn undeclared_charset_falls_back() {
        assert_eq!(to_text("<html><p>Hà Nội</p>".as_bytes()).encoding, UTF_8);
        // windows-1258: "Hà N" + o + circumflex... as bytes: ô = 0xF4, dot below = 0xF2
        let t = to_text(b"<html><p>H\xe0 N\xf4\xf2i</p>");
        assert_eq!(t.encoding, encoding_rs::WINDOWS_1258);
        assert_eq!(t.text, "Hà Nô\u{323}i");
        assert_eq!(to_text(b"<html><p>Gr\xfc\xdfe</p>").encoding, WINDOWS_1252);
    }

    #[test]
    fn source_offsets_point_at_each_line() {
        let h = b"<html><body>\n<p>  ng\xe0y</p><p>\xe0&#7843; x<br>  y</p><table><tr><td>c</td></tr></table></body>";
        let t = to_text(h);
        assert_eq!(t.text, "ngày\n\nàả x\ny\n\n|\nc\n|");
        let src = |needle: &str| {
            let at = t.text.find(needle).unwrap();
            t.source_offset(at).unwrap()
        };
        assert_eq!(src("ngày"), 18);
        assert!(h[18..].starts_with(b"ng\xe0y"));
        let a = src("àả");
        assert!(h[a..].starts_with(b"\xe0&#7843;"));
        let y = src("y\n\n|");
        assert!(h[y..].starts_with(b"y</p>"));
        let c = src("c\n|");
        assert!(h[c..].starts_with(b"c</td>"));
        let bar = t.text.rfind('|').unwrap();
        assert!(h[t.source_offset(bar).unwrap()..].starts_with(b"</td>"));
        // ascending in both
        assert!(t.source_offsets.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1));
        assert_eq!(t.source_offset(0), Some(18));
    }

    #[test]
    fn offsets_in_utf8_with_bom_and_utf16() {
        let t = to_text("\u{FEFF}<html><p>Đi\u{1EC1}u</p>".as_bytes());
        assert_eq!(t.text, "Điều");
        assert_eq!(t.source_offsets, vec![(0, 3 + 9)]);
        let mut b = vec![0xFF, 0xFE];
        for u in "<html><p>Đi\u{1EC1}u</p><p>x</p>".encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        let t = to_text(&b);
        assert_eq!(t.text, "Điều\n\nx");
        assert_eq!(t.encoding, UTF_16LE);
        assert_eq!(t.source_offsets, vec![(0, 2 + 2 * 9), (t.text.len() - 1, 2 + 2 * 20)]);
    }

    #[test]
    fn never_panics_on_broken_markup() {
        for h in ["<html><", "<html><p", "<html><!--", "<html><p a='x>", "<html>&", "<html>&#", "<html>&#x", "<html></", "<html><td></tr></table></td>", "<html><![if", "<html><style>x"] {
            let _ = to_text(h.as_bytes());
        }
        assert_eq!(text("<html><p>a</p></td></table><p>b"), "a\n\nb");
    }
}
