//! Word `.docx` (Office Open XML) to the plain text the parser reads.
//!
//! The text is laid out the way the HTML reader lays out a Word page (see [`super::html`]):
//! - a paragraph per `w:p`, a blank line between paragraphs; `w:br`/`w:cr` are line breaks; white space folds
//!   to one space; tabs are spaces;
//! - Word's automatic numbering is materialized at the start of the paragraph, as Word shows it (`I.`, `1.`,
//!   `a)`): the number is usually not in the text at all. Levels, formats, `%1`..`%9` templates, start values,
//!   `startOverride` and restarts come from `numbering.xml`; a paragraph gets its numbering directly or through
//!   its style (`styles.xml`, the `basedOn` chain). Letters count in the Vietnamese order of điểm
//!   (a b c d đ e g h i k l m n o p q r s t u v x y, grammar §4), bullets become `-` (or `+` when Word's bullet
//!   is `+`, or one level down under another bullet);
//! - a table as the legal portal's markdown pages have it: a line `|` opens a row and ends each cell, a cell's
//!   paragraphs are lines between the bars; a table inside a cell gives lines, not bars;
//! - text boxes (`w:txbxContent`) are paragraphs of their own, after the paragraph that anchors them; the VML
//!   fallback copy of a drawing (`mc:Fallback`), deleted text (`w:del`, `w:moveFrom`), field instructions and
//!   content-control properties are dropped;
//! - page headers and footers are read apart ([`Source::header`](crate::model::source::Source::header)/`footer`), not into the text.
//!
//! Limits keep a hostile file from exhausting memory: at most [`MAX_ENTRIES`] zip entries, [`MAX_TOTAL`] bytes
//! inflated over all parts read, an entry may not inflate more than [`MAX_RATIO`] times its compressed size
//! (past 1 MiB), and XML may nest at most [`MAX_DEPTH`] elements. Any of these gives a decode error.
use crate::model::error::Error;
use super::input::{decode_error, Input};
use crate::model::source::{Cell, Format, Origin, Source};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::Read;

/// Most zip entries a `.docx` may have.
pub const MAX_ENTRIES: usize = 10_000;
/// Most bytes inflated over all the parts read (64 MiB: the XML of a long report is a few MB; images are never
/// inflated).
pub const MAX_TOTAL: u64 = 64 << 20;
/// Most an entry may inflate relative to its compressed size (entries under 1 MiB are not held to it).
pub const MAX_RATIO: u64 = 200;
/// Deepest XML element nesting read.
pub const MAX_DEPTH: usize = 256;

const RELS_OFFICE_DOCUMENT: &str = "/officeDocument";

/// Read a `.docx` into text with its line map, headers and footers.
pub fn read(bytes: &[u8]) -> Result<Input, Error> {
    let mut zip = Zip::open(bytes)?;
    let main = zip.main_part()?;
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let join = |name: &str| if dir.is_empty() { name.to_string() } else { format!("{dir}/{name}") };
    let document = zip.part(&main)?.ok_or_else(|| decode_error("a zip archive that is not a .docx (no word/document.xml)"))?;
    let styles = match zip.part(&join("styles.xml"))? {
        Some(x) => Styles::parse(&x)?,
        None => Styles::default(),
    };
    let numbering = match zip.part(&join("numbering.xml"))? {
        Some(x) => Numbering::parse(&x)?,
        None => Numbering::default(),
    };
    let mut counters = Counters::default();
    let body = walk(&document, &styles, &numbering, &mut counters)?;
    let mut extra = |prefix: &str| -> Result<Option<String>, Error> {
        let mut names: Vec<String> = zip
            .names()
            .into_iter()
            .filter(|n| n.strip_prefix(&join(prefix)).is_some_and(|rest| rest.ends_with(".xml") && !rest.contains('/')))
            .collect();
        names.sort_by_key(|n| (n.len(), n.clone()));
        let mut text = String::new();
        for n in names {
            if let Some(xml) = zip.part(&n)? {
                let t = walk(&xml, &styles, &numbering, &mut Counters::default())?.text;
                if !t.is_empty() {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&t);
                }
            }
        }
        Ok((!text.is_empty()).then_some(text))
    };
    let header = extra("header")?;
    let footer = extra("footer")?;
    Ok(Input {
        text: body.text,
        source: Source { format: Format::Docx, encoding: None, confidence: 1.0, lines: body.lines, header, footer },
    })
}

// ------------------------------------------------------------------------------------------------------------
// The zip, within limits

struct Zip<'a> {
    archive: zip::ZipArchive<std::io::Cursor<&'a [u8]>>,
    inflated: u64,
}

impl<'a> Zip<'a> {
    fn open(bytes: &'a [u8]) -> Result<Zip<'a>, Error> {
        let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| decode_error(format!("a damaged zip (.docx): {e}")))?;
        if archive.len() > MAX_ENTRIES {
            return Err(decode_error(format!("a zip with {} entries (more than {MAX_ENTRIES}): not read", archive.len())));
        }
        Ok(Zip { archive, inflated: 0 })
    }

    fn names(&self) -> Vec<String> {
        self.archive.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect()
    }

    /// The main document part named by `_rels/.rels`, else `word/document.xml`.
    fn main_part(&mut self) -> Result<String, Error> {
        if let Some(rels) = self.part("_rels/.rels")? {
            let mut found = None;
            each_element(&rels, |e| {
                if e.local_name().into_inner().as_bytes() == b"Relationship" && attr(e, b"Type").is_some_and(|t| t.ends_with(RELS_OFFICE_DOCUMENT)) {
                    found = attr(e, b"Target").map(|t| t.trim_start_matches('/').to_string());
                }
            })?;
            if let Some(t) = found {
                return Ok(t);
            }
        }
        Ok("word/document.xml".to_string())
    }

    /// A part's XML as text; `None` when the archive has no such entry.
    fn part(&mut self, name: &str) -> Result<Option<String>, Error> {
        let mut f = match self.archive.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(decode_error(format!("cannot read {name} in the .docx: {e}"))),
        };
        if f.encrypted() {
            return Err(decode_error("an encrypted .docx: not read"));
        }
        let left = MAX_TOTAL - self.inflated;
        let cap = left.min(f.compressed_size().saturating_mul(MAX_RATIO).max(1 << 20));
        let mut buf = Vec::new();
        (&mut f).take(cap + 1).read_to_end(&mut buf).map_err(|e| decode_error(format!("cannot inflate {name} in the .docx: {e}")))?;
        if buf.len() as u64 > cap {
            return Err(decode_error(if cap == left {
                format!("the .docx inflates past {} MiB: not read (a zip bomb?)", MAX_TOTAL >> 20)
            } else {
                format!("{name} in the .docx inflates more than {MAX_RATIO} times its size: not read (a zip bomb?)")
            }));
        }
        self.inflated += buf.len() as u64;
        xml_text(buf).map(Some).map_err(|why| decode_error(format!("{name} in the .docx: {why}")))
    }
}

/// XML bytes as a string: UTF-8 (BOM skipped) or UTF-16 with a BOM.
fn xml_text(buf: Vec<u8>) -> Result<String, String> {
    if buf.starts_with(&[0xFF, 0xFE]) || buf.starts_with(&[0xFE, 0xFF]) {
        let (enc, _) = encoding_rs::Encoding::for_bom(&buf).unwrap_or((encoding_rs::UTF_16LE, 2));
        let (s, bad) = enc.decode_with_bom_removal(&buf);
        return if bad { Err("invalid UTF-16".into()) } else { Ok(s.into_owned()) };
    }
    let start = if buf.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    match String::from_utf8(buf) {
        Ok(mut s) => {
            s.drain(..start);
            Ok(s)
        }
        Err(e) => Err(format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())),
    }
}

// ------------------------------------------------------------------------------------------------------------
// XML events, within limits

/// An XML event the readers act on: element start, end (also right after the start of an empty `<x/>`), or text.
enum Ev<'e, 'x> {
    Start(&'e BytesStart<'x>),
    End(&'e [u8]),
    Text(&'e str),
}

/// Walk the XML, calling `f` for each start, end and piece of text (entities resolved), with the nesting
/// depth bounded by [`MAX_DEPTH`].
fn events(xml: &str, mut f: impl FnMut(Ev<'_, '_>)) -> Result<(), Error> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0usize;
    let bad = |e: quick_xml::Error, at: u64| decode_error(format!("malformed XML in the .docx at byte {at}: {e}"));
    loop {
        let at = reader.buffer_position();
        match reader.read_event().map_err(|e| bad(e, at))? {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(decode_error(format!("XML in the .docx nests deeper than {MAX_DEPTH} elements: not read")));
                }
                f(Ev::Start(&e));
            }
            Event::Empty(e) => {
                f(Ev::Start(&e));
                f(Ev::End(e.local_name().into_inner().as_bytes()));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                f(Ev::End(e.local_name().into_inner().as_bytes()));
            }
            Event::Text(t) => f(Ev::Text(&t.xml10_content())),
            Event::CData(t) => f(Ev::Text(&t)),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None, // a DTD's entities are never expanded: no billion laughs
                    },
                };
                if let Some(c) = c {
                    f(Ev::Text(c.encode_utf8(&mut [0; 4])));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// Every element start, for the small parts (`.rels`).
fn each_element(xml: &str, mut f: impl FnMut(&BytesStart<'_>)) -> Result<(), Error> {
    events(xml, |ev| {
        if let Ev::Start(e) = ev {
            f(e)
        }
    })
}

/// An attribute's value by local name (`w:val` → `val`), entities resolved.
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().into_inner().as_bytes() == local).and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

fn attr_num<T: std::str::FromStr>(e: &BytesStart<'_>, local: &[u8]) -> Option<T> {
    attr(e, local).and_then(|v| v.trim().parse().ok())
}

/// `w:val` of an on/off property (`<w:isLgl/>`, `w:val="0"` turns it off).
fn on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off"))
}

// ------------------------------------------------------------------------------------------------------------
// Styles: the numbering a paragraph style gives

#[derive(Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
}

#[derive(Default)]
struct Styles {
    styles: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

impl Styles {
    fn parse(xml: &str) -> Result<Styles, Error> {
        let mut s = Styles::default();
        let mut cur: Option<(String, Style)> = None;
        let mut stack: Vec<Vec<u8>> = Vec::new();
        events(xml, |ev| match ev {
            Ev::Start(e) => {
                let name = e.local_name().into_inner().as_bytes().to_vec();
                match name.as_slice() {
                    b"style" if attr(e, b"type").as_deref().unwrap_or("paragraph") == "paragraph" => {
                        if let Some(id) = attr(e, b"styleId") {
                            if attr(e, b"default").is_some_and(|v| v == "1" || v == "true") {
                                s.default_paragraph = Some(id.clone());
                            }
                            cur = Some((id, Style::default()));
                        }
                    }
                    b"basedOn" => {
                        if let Some((_, st)) = cur.as_mut() {
                            st.based_on = attr(e, b"val");
                        }
                    }
                    // numPr inside the style's own pPr (not a tracked change's old pPr)
                    b"numId" | b"ilvl" if stack.iter().rev().nth(1).is_some_and(|p| p == b"pPr") && !stack.iter().any(|p| p == b"pPrChange") => {
                        if let Some((_, st)) = cur.as_mut() {
                            if name == b"numId" {
                                st.num_id = attr_num(e, b"val");
                            } else {
                                st.ilvl = attr_num(e, b"val");
                            }
                        }
                    }
                    _ => {}
                }
                stack.push(name);
            }
            Ev::End(name) => {
                stack.pop();
                if name == b"style" {
                    if let Some((id, st)) = cur.take() {
                        s.styles.insert(id, st);
                    }
                }
            }
            Ev::Text(_) => {}
        })?;
        Ok(s)
    }

    /// The numbering (numId, level) a paragraph style gives, following `basedOn`.
    fn numbering(&self, style: Option<&str>) -> (Option<u32>, Option<u8>) {
        let mut id = style.or(self.default_paragraph.as_deref());
        let (mut num, mut lvl) = (None, None);
        for _ in 0..32 {
            let Some(st) = id.and_then(|i| self.styles.get(i)) else { break };
            num = num.or(st.num_id);
            lvl = lvl.or(st.ilvl);
            if num.is_some() && lvl.is_some() {
                break;
            }
            id = st.based_on.as_deref();
        }
        (num, lvl)
    }
}

// ------------------------------------------------------------------------------------------------------------
// Numbering

/// Number formats Word writes (`w:numFmt`), by their name; any other counts in decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumFmt {
    Decimal,
    DecimalZero,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    Bullet,
    None,
}

const NUM_FORMATS: &[(&str, NumFmt)] = &[
    ("decimal", NumFmt::Decimal),
    ("decimalZero", NumFmt::DecimalZero),
    ("upperRoman", NumFmt::UpperRoman),
    ("lowerRoman", NumFmt::LowerRoman),
    ("upperLetter", NumFmt::UpperLetter),
    ("lowerLetter", NumFmt::LowerLetter),
    ("bullet", NumFmt::Bullet),
    ("none", NumFmt::None),
];

/// Điểm letters in Vietnamese order (grammar §4): Word's own `lowerLetter` would give f, j, w, z and no đ.
const VIETNAMESE_LETTERS: [&str; 23] =
    ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"];

#[derive(Clone, Debug)]
struct Level {
    start: u32,
    fmt: NumFmt,
    text: String,
    /// `w:lvlRestart`: restart after this level (1-based) is used; 0 never; `None` after any higher level.
    restart: Option<u8>,
    /// A space after the number (`w:suff` tab or space) or nothing.
    space: bool,
    legal: bool,
}

impl Default for Level {
    fn default() -> Level {
        Level { start: 1, fmt: NumFmt::Decimal, text: String::new(), restart: None, space: true, legal: false }
    }
}

type Levels = [Option<Level>; 9];

#[derive(Default)]
struct Num {
    abstract_id: u32,
    start_overrides: [Option<u32>; 9],
    level_overrides: Levels,
}

#[derive(Default)]
struct Numbering {
    abstracts: HashMap<u32, Levels>,
    nums: HashMap<u32, Num>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Numbering, Error> {
        let mut n = Numbering::default();
        let mut abs: Option<(u32, Levels)> = None;
        let mut num: Option<(u32, Num)> = None;
        let mut lvl: Option<(usize, Level)> = None;
        let mut override_lvl: Option<usize> = None;
        events(xml, |ev| match ev {
            Ev::Start(e) => match e.local_name().into_inner().as_bytes() {
                b"abstractNum" => abs = attr_num(e, b"abstractNumId").map(|id| (id, Levels::default())),
                b"num" => num = attr_num(e, b"numId").map(|id| (id, Num::default())),
                b"abstractNumId" => {
                    if let (Some((_, nm)), Some(v)) = (num.as_mut(), attr_num(e, b"val")) {
                        nm.abstract_id = v;
                    }
                }
                b"lvlOverride" => override_lvl = attr_num::<usize>(e, b"ilvl").filter(|&i| i < 9),
                b"startOverride" => {
                    if let (Some((_, nm)), Some(i)) = (num.as_mut(), override_lvl) {
                        nm.start_overrides[i] = attr_num(e, b"val");
                    }
                }
                b"lvl" => lvl = attr_num::<usize>(e, b"ilvl").filter(|&i| i < 9).map(|i| (i, Level::default())),
                name => {
                    if let Some((_, l)) = lvl.as_mut() {
                        match name {
                            b"start" => l.start = attr_num(e, b"val").unwrap_or(1),
                            b"numFmt" => {
                                let v = attr(e, b"val").unwrap_or_default();
                                l.fmt = NUM_FORMATS.iter().find(|(k, _)| *k == v).map_or(NumFmt::Decimal, |&(_, f)| f);
                            }
                            b"lvlText" => l.text = attr(e, b"val").unwrap_or_default(),
                            b"lvlRestart" => l.restart = attr_num(e, b"val"),
                            b"suff" => l.space = attr(e, b"val").as_deref() != Some("nothing"),
                            b"isLgl" => l.legal = on(e),
                            _ => {}
                        }
                    }
                }
            },
            Ev::End(name) => match name {
                b"lvl" => {
                    if let Some((i, l)) = lvl.take() {
                        if let Some((_, nm)) = num.as_mut().filter(|_| override_lvl.is_some()) {
                            nm.level_overrides[i] = Some(l);
                        } else if let Some((_, levels)) = abs.as_mut() {
                            levels[i] = Some(l);
                        }
                    }
                }
                b"lvlOverride" => override_lvl = None,
                b"abstractNum" => {
                    if let Some((id, levels)) = abs.take() {
                        n.abstracts.insert(id, levels);
                    }
                }
                b"num" => {
                    if let Some((id, nm)) = num.take() {
                        n.nums.insert(id, nm);
                    }
                }
                _ => {}
            },
            Ev::Text(_) => {}
        })?;
        Ok(n)
    }

    fn level(&self, num_id: u32, ilvl: usize) -> Option<Level> {
        let num = self.nums.get(&num_id)?;
        let mut l = num.level_overrides[ilvl].clone().or_else(|| self.abstracts.get(&num.abstract_id)?[ilvl].clone())?;
        if let Some(s) = num.start_overrides[ilvl] {
            l.start = s;
        }
        Some(l)
    }
}

/// The counters of each list: lists with a `startOverride` count on their own, the others share their
/// abstract numbering's counters (as Word does: two `w:num` of one `w:abstractNum` continue one list).
#[derive(Default)]
struct Counters {
    lists: HashMap<(bool, u32), [Option<u32>; 9]>,
}

impl Counters {
    /// The number text of the next paragraph of list `num_id` at level `ilvl` (`None` when the list is unknown
    /// or numbering is off).
    fn next(&mut self, numbering: &Numbering, num_id: u32, ilvl: u8) -> Option<String> {
        let ilvl = (ilvl as usize).min(8);
        let num = numbering.nums.get(&num_id)?;
        let level = numbering.level(num_id, ilvl)?;
        let own = num.start_overrides.iter().any(Option::is_some);
        let key = if own { (true, num_id) } else { (false, num.abstract_id) };
        let counts = self.lists.entry(key).or_default();
        counts[ilvl] = Some(counts[ilvl].map_or(level.start, |c| c + 1));
        for (k, count) in counts.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = numbering.level(num_id, k).and_then(|l| l.restart);
            // default: restart after any higher level; lvlRestart n: after level n (1-based); 0: never
            if restart.is_none_or(|r| r != 0 && (r as usize) > ilvl) {
                *count = None;
            }
        }
        let counts = *counts;
        let text = match level.fmt {
            NumFmt::Bullet => bullet(&level.text, ilvl),
            NumFmt::None => return Some(String::new()),
            _ => {
                let mut out = String::new();
                let mut chars = level.text.chars().peekable();
                while let Some(c) = chars.next() {
                    match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                        ('%', Some(d @ 1..=9)) => {
                            chars.next();
                            let k = d as usize - 1;
                            let lk = numbering.level(num_id, k).unwrap_or_default();
                            let n = counts[k].unwrap_or(lk.start);
                            let fmt = if level.legal && k != ilvl { NumFmt::Decimal } else { lk.fmt };
                            out.push_str(&format_number(n, fmt));
                        }
                        _ => out.push(c),
                    }
                }
                out
            }
        };
        Some(if level.space && !text.is_empty() { text + " " } else { text })
    }
}

/// A bullet as the outline parser reads bullets: `-`, or `+` (Word's `+`, or any bullet below a first level).
fn bullet(glyph: &str, ilvl: usize) -> String {
    match glyph.trim() {
        "+" => "+".into(),
        "-" | "–" | "—" => "-".into(),
        _ if ilvl % 2 == 1 => "+".into(),
        _ => "-".into(),
    }
}

fn format_number(n: u32, fmt: NumFmt) -> String {
    match fmt {
        NumFmt::Decimal | NumFmt::Bullet | NumFmt::None => n.to_string(),
        NumFmt::DecimalZero => format!("{n:02}"),
        NumFmt::UpperRoman => roman(n),
        NumFmt::LowerRoman => roman(n).to_lowercase(),
        NumFmt::LowerLetter => letter(n),
        NumFmt::UpperLetter => letter(n).to_uppercase(),
    }
}

fn roman(mut n: u32) -> String {
    const R: [(u32, &str); 13] =
        [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    let mut s = String::new();
    for (v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// The n-th letter (from 1) in Vietnamese order; past `y` Word doubles the letter (aa, bb ...).
fn letter(n: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    let k = VIETNAMESE_LETTERS.len() as u32;
    VIETNAMESE_LETTERS[((n - 1) % k) as usize].repeat((((n - 1) / k) + 1).min(8) as usize)
}

// ------------------------------------------------------------------------------------------------------------
// The document body

/// Elements whose whole content is dropped.
const DROPPED: &[&[u8]] = &[b"Fallback", b"del", b"moveFrom", b"instrText", b"delText", b"sdtPr", b"pPrChange", b"rPrChange", b"footnoteReference", b"commentReference"];

struct Para {
    index: usize,
    cell: Option<Cell>,
    text: String,
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    /// Paragraphs of text boxes anchored here, emitted after this one.
    boxes: Vec<Done>,
}

/// A finished paragraph: its lines and where it comes from.
struct Done {
    index: usize,
    cell: Option<Cell>,
    text: String,
    /// Text-box paragraphs come after it.
    boxes: Vec<Done>,
}

struct Table {
    index: usize,
    row: usize,
    cell: usize,
    /// Bars are drawn for the outermost table only.
    bars: bool,
}

pub(crate) struct Laid {
    pub text: String,
    pub lines: Vec<(usize, Origin)>,
}

struct Out {
    text: String,
    lines: Vec<(usize, Origin)>,
    /// Break owed before the next line: 1 line break, 2 blank line.
    owed: u8,
}

impl Out {
    fn line(&mut self, s: &str, origin: Origin) {
        if !self.text.is_empty() {
            self.text.push_str(if self.owed >= 2 { "\n\n" } else { "\n" });
        }
        self.lines.push((self.text.len(), origin));
        self.text.push_str(s);
    }
}

fn walk(xml: &str, styles: &Styles, numbering: &Numbering, counters: &mut Counters) -> Result<Laid, Error> {
    let mut out = Out { text: String::new(), lines: Vec::new(), owed: 0 };
    let mut paras: Vec<Para> = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut table_count = 0usize;
    let mut para_count = 0usize;
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut dropped = 0usize; // depth inside a dropped element
    let mut in_t = false;

    fn cell_of(tables: &[Table]) -> Option<Cell> {
        tables.first().map(|t| Cell { table: t.index, row: t.row, cell: t.cell })
    }
    fn emit(out: &mut Out, done: Done, in_table: bool) {
        let origin = Origin::Docx { paragraph: done.index, cell: done.cell };
        for l in done.text.split('\n') {
            let l = l.trim();
            if !l.is_empty() {
                out.line(l, origin);
                out.owed = 1;
            }
        }
        out.owed = if in_table { 1 } else { 2 };
        for b in done.boxes {
            emit(out, b, in_table);
        }
    }

    events(xml, |ev| match ev {
        Ev::Start(e) => {
            let name = e.local_name().into_inner().as_bytes().to_vec();
            // (an empty element's End follows its Start, so both count and stack as any other)
            if dropped > 0 || DROPPED.contains(&name.as_slice()) {
                dropped += 1;
                return;
            }
            let parent: &[u8] = stack.last().map_or(&[], Vec::as_slice);
            match name.as_slice() {
                b"p" => {
                    paras.push(Para { index: para_count, cell: cell_of(&tables), text: String::new(), style: None, num_id: None, ilvl: None, boxes: Vec::new() });
                    para_count += 1;
                }
                b"pStyle" if parent == b"pPr" => {
                    if let Some(p) = paras.last_mut() {
                        p.style = attr(e, b"val");
                    }
                }
                b"numId" if parent == b"numPr" => {
                    if let Some(p) = paras.last_mut() {
                        p.num_id = attr_num(e, b"val");
                    }
                }
                b"ilvl" if parent == b"numPr" => {
                    if let Some(p) = paras.last_mut() {
                        p.ilvl = attr_num(e, b"val");
                    }
                }
                b"t" => in_t = true,
                b"tab" | b"ptab" if parent == b"r" => push(&mut paras, " "),
                b"br" | b"cr" => push(&mut paras, "\n"),
                b"noBreakHyphen" => push(&mut paras, "-"),
                b"tbl" => {
                    let bars = tables.is_empty() && paras.is_empty();
                    if bars {
                        out.owed = out.owed.max(2);
                    }
                    tables.push(Table { index: table_count, row: 0, cell: 0, bars });
                    table_count += 1;
                }
                b"tr" => {
                    if let Some(t) = tables.last_mut() {
                        t.cell = 0;
                    }
                }
                b"tc" => {
                    if let Some(t) = tables.last_mut() {
                        if t.bars && t.cell == 0 {
                            let origin = Origin::Docx { paragraph: para_count, cell: Some(Cell { table: t.index, row: t.row, cell: 0 }) };
                            out.line("|", origin);
                            out.owed = 1;
                        }
                    }
                }
                _ => {}
            }
            stack.push(name);
        }
        Ev::End(name) => {
            if dropped > 0 {
                dropped -= 1;
                return;
            }
            stack.pop();
            match name {
                b"t" => in_t = false,
                b"p" => {
                    if let Some(p) = paras.pop() {
                        let (s_num, s_lvl) = styles.numbering(p.style.as_deref());
                        let num_id = p.num_id.or(s_num).filter(|&n| n != 0);
                        let label = num_id.and_then(|n| counters.next(numbering, n, p.ilvl.or(s_lvl).unwrap_or(0)));
                        let has_text = !p.text.trim().is_empty();
                        let mut text = label.filter(|l| has_text || !l.trim().is_empty()).unwrap_or_default();
                        text.push_str(&fold(&p.text));
                        let done = Done { index: p.index, cell: p.cell, text, boxes: p.boxes };
                        match paras.last_mut() {
                            // a text box's paragraph: after its anchor
                            Some(anchor) => anchor.boxes.push(done),
                            None => emit(&mut out, done, !tables.is_empty()),
                        }
                    }
                }
                b"tc" => {
                    if let Some(t) = tables.last_mut() {
                        if t.bars {
                            let origin = Origin::Docx { paragraph: para_count, cell: Some(Cell { table: t.index, row: t.row, cell: t.cell }) };
                            out.line("|", origin);
                            out.owed = 1;
                        }
                        t.cell += 1;
                    }
                }
                b"tr" => {
                    if let Some(t) = tables.last_mut() {
                        t.row += 1;
                    }
                }
                b"tbl" => {
                    if let Some(t) = tables.pop() {
                        if t.bars {
                            out.owed = 2;
                        }
                    }
                }
                _ => {}
            }
        }
        Ev::Text(t) => {
            if in_t && dropped == 0 {
                push(&mut paras, t);
            }
        }
    })?;
    Ok(Laid { text: out.text, lines: out.lines })
}

fn push(paras: &mut [Para], s: &str) {
    if let Some(p) = paras.last_mut() {
        p.text.push_str(s);
    }
}

/// White space folded to one space per run, line breaks kept, lines trimmed.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut first = true;
        for w in line.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
            if !first {
                out.push(' ');
            }
            out.push_str(w);
            first = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_and_vietnamese_letters() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(letter(5), "đ");
        assert_eq!(letter(6), "e");
        assert_eq!(letter(7), "g");
        assert_eq!(letter(24), "aa");
        assert_eq!(format_number(5, NumFmt::UpperLetter), "Đ");
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
        <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%5."/><w:lvlRestart w:val="0"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    #[test]
    fn numbering_counts_restarts_and_overrides() {
        let n = Numbering::parse(NUMBERING).unwrap();
        let mut c = Counters::default();
        let mut next = |id, l| c.next(&n, id, l).unwrap();
        assert_eq!(next(1, 0), "I. ");
        assert_eq!(next(1, 1), "1. ");
        assert_eq!(next(1, 2), "a) ");
        assert_eq!(next(1, 2), "b) ");
        assert_eq!(next(1, 3), "+ ");
        assert_eq!(next(1, 1), "2. ");
        assert_eq!(next(1, 2), "a) "); // restarted by level 1
        assert_eq!(next(1, 4), "2.1. ");
        assert_eq!(next(1, 0), "II. ");
        assert_eq!(next(1, 1), "1. ");
        assert_eq!(next(1, 4), "1.2. "); // lvlRestart 0: never restarts
        assert_eq!(next(2, 1), "7. "); // a startOverride: its own counters
    }

    fn para(body: &str) -> String {
        let doc = format!(r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#);
        let n = Numbering::parse(NUMBERING).unwrap();
        walk(&doc, &Styles::default(), &n, &mut Counters::default()).unwrap().text
    }

    #[test]
    fn paragraphs_runs_breaks_and_dropped_content() {
        let t = para(
            r#"<w:p><w:r><w:t>Căn cứ</w:t></w:r><w:r><w:t xml:space="preserve">  Luật </w:t></w:r><w:r><w:tab/><w:t>số 1;</w:t></w:r></w:p>
               <w:p/><w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>
               <w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>&amp;c</w:t></w:r></w:p>"#,
        );
        assert_eq!(t, "Căn cứ Luật số 1;\n\na\nb&c");
    }

    #[test]
    fn numbered_paragraphs_get_their_numbers() {
        let np = |id: u32, l: u8, s: &str| format!(r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="{id}"/></w:numPr></w:pPr><w:r><w:t>{s}</w:t></w:r></w:p>"#);
        let t = para(&[np(1, 0, "MỤC ĐÍCH"), np(1, 1, "Mục đích"), np(1, 2, "x"), np(0, 2, "unnumbered"), np(1, 2, "y")].concat());
        assert_eq!(t, "I. MỤC ĐÍCH\n\n1. Mục đích\n\na) x\n\nunnumbered\n\nb) y");
    }

    #[test]
    fn tables_as_bars_and_text_boxes_after_their_anchor() {
        let cell = |s: &str| format!("<w:tc><w:p><w:r><w:t>{s}</w:t></w:r></w:p></w:tc>");
        let t = para(&format!(
            "<w:p><w:r><w:t>before</w:t><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>\
             <w:tbl><w:tr>{}{}</w:tr><w:tr>{}<w:tc><w:tbl><w:tr>{}{}</w:tr></w:tbl></w:tc></w:tr></w:tbl><w:p><w:r><w:t>after</w:t></w:r></w:p>",
            cell("STT"), cell("Nội dung"), cell("1"), cell("x"), cell("y")
        ));
        assert_eq!(t, "before\n\nboxed\n\n|\nSTT\n|\nNội dung\n|\n|\n1\n|\nx\ny\n|\n\nafter");
    }

    fn zip_of(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, data) in entries {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn reason(r: Result<Input, Error>) -> String {
        match r {
            Err(Error::Decode { reason, .. }) => reason,
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn a_minimal_docx_reads() {
        let doc = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p></w:body></w:document>"#;
        let z = zip_of(&[("word/document.xml", doc.as_bytes())], zip::CompressionMethod::Deflated);
        assert_eq!(read(&z).unwrap().text, "KẾ HOẠCH");
        let other = zip_of(&[("mimetype", b"application/epub+zip")], zip::CompressionMethod::Stored);
        assert!(reason(read(&other)).contains("not a .docx"));
    }

    #[test]
    fn zip_bombs_are_refused() {
        // 4 MiB of one repeated byte deflates to a few KiB: far past the allowed ratio
        let mut doc = b"<w:document><w:body><w:p><w:r><w:t>".to_vec();
        doc.resize(4 << 20, b'a');
        let z = zip_of(&[("word/document.xml", &doc)], zip::CompressionMethod::Deflated);
        assert!(z.len() < 64 << 10);
        assert!(reason(read(&z)).contains("zip bomb"));
        // too many entries
        let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("f{i}")).collect();
        let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let z = zip_of(&entries, zip::CompressionMethod::Stored);
        assert!(reason(read(&z)).contains("entries"));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = format!("<a>{}{}</a>", "<b>".repeat(MAX_DEPTH + 5), "</b>".repeat(MAX_DEPTH + 5));
        assert!(matches!(events(&deep, |_| {}), Err(Error::Decode { .. })));
    }
}
