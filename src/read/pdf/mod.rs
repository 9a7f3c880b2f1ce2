//! PDF with a text layer to the plain text the parser reads, through `pdf-extract` (pure Rust, on `lopdf`).
//!
//! Each page's text comes as lines; a line keeps where it comes from ([`Origin::Pdf`]: page from 1, line from
//! 0 on the page). Blank lines the extractor leaves between blocks are kept (one at most), and pages are
//! separated by a blank line. A PDF with (almost) no text is a scan: an error says it has no text layer.
//!
//! The PDF library was not written for hostile files: it recurses along `/Parent` and into forms without
//! bounds (a stack overflow ends the process, it cannot be caught), inflates streams without bounds, and
//! panics on damaged files. So the file is loaded with its streams decoded within limits ([`inflate`]),
//! checked ([`check`]) so that no recursion can go deep and no work can grow without bound, and only then
//! handed to the extractor, on a thread of its own with a large stack where its panics are caught ([`guard`]).
//! Any of these refusals is a decode error naming what was wrong.
mod check;
mod guard;
mod inflate;

use std::cell::RefCell;
use std::rc::Rc;

use super::input::{decode_error, Input};
use crate::model::error::Error;
use crate::model::source::{Format, Origin, Source};
pub use check::{max_work, MAX_DEPTH, MAX_PAGE, MAX_WORK};
pub use inflate::{MAX_INFLATED, MAX_RATIO, MAX_STREAM};

/// Fewer letters and digits than this per page on average: no text layer (a page number or a stamp is not one).
const MIN_CHARS_PER_PAGE: usize = 10;

/// The most text a PDF may give (as for a text file): a font map can make one code many letters.
const MAX_TEXT: usize = super::MAX_TEXT_BYTES;

pub fn read(bytes: &[u8]) -> Result<Input, Error> {
    let pages = guard::run(|| pages(bytes))?;
    let chars: usize = pages.iter().map(|p| p.chars().filter(|c| c.is_alphanumeric()).count()).sum();
    if pages.is_empty() || chars < MIN_CHARS_PER_PAGE * pages.len() {
        return Err(decode_error("PDF without a text layer (scanned?): nothing to read without OCR"));
    }
    let (text, lines) = lay_out(&pages);
    Ok(Input { text, source: Source { format: Format::Pdf, encoding: None, confidence: 1.0, lines, header: None, footer: None } })
}

/// Each page's text: loaded and checked within limits, then extracted. On the PDF thread.
fn pages(bytes: &[u8]) -> Result<Vec<String>, Error> {
    if inflate::encrypted_with_object_streams(bytes) {
        return Err(decode_error(
            "an encrypted PDF with compressed object streams: not read (their size cannot be bounded before they are decrypted)",
        ));
    }
    let (mut doc, budget) = inflate::load(bytes).map_err(decode_error)?;
    check::check(&mut doc, budget, bytes.len()).map_err(decode_error)?;
    let mut sink = PageSink::default();
    let result = pdf_extract::output_doc(&doc, &mut sink);
    if sink.too_long {
        return Err(decode_error(format!("a PDF whose text is more than {} MiB: not read", MAX_TEXT >> 20)));
    }
    // As page by page extraction did: the pages before a page that fails are kept.
    match result {
        Err(e) if sink.pages.is_empty() => Err(decode_error(format!("a PDF that cannot be read: {e}"))),
        _ => Ok(sink.pages),
    }
}

/// The extractor's plain-text output, a fresh one per page (as page by page extraction had), each page's text
/// taken at its end; stops the extractor once the text is longer than [`MAX_TEXT`].
#[derive(Default)]
struct PageSink {
    page: Option<pdf_extract::PlainTextOutput<PageText>>,
    text: PageText,
    pages: Vec<String>,
    total: usize,
    too_long: bool,
}

/// Where the plain-text output writes: a page's text, shared with the [`PageSink`] that takes it.
#[derive(Clone, Default)]
struct PageText(Rc<RefCell<String>>);

impl std::fmt::Write for PageText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.borrow_mut().push_str(s);
        Ok(())
    }
}

impl pdf_extract::ConvertToFmt for PageText {
    type Writer = PageText;
    fn convert(self) -> PageText {
        self
    }
}

type OutputResult = Result<(), pdf_extract::OutputError>;

impl PageSink {
    fn page(&mut self) -> &mut pdf_extract::PlainTextOutput<PageText> {
        let text = &self.text;
        self.page.get_or_insert_with(|| pdf_extract::PlainTextOutput::new(text.clone()))
    }
}

impl pdf_extract::OutputDev for PageSink {
    fn begin_page(&mut self, n: u32, media_box: &pdf_extract::MediaBox, art_box: Option<(f64, f64, f64, f64)>) -> OutputResult {
        self.page = None;
        self.page().begin_page(n, media_box, art_box)
    }
    fn end_page(&mut self) -> OutputResult {
        self.page().end_page()?;
        self.page = None;
        let text = std::mem::take(&mut *self.text.0.borrow_mut());
        self.total += text.len();
        self.pages.push(text);
        Ok(())
    }
    fn output_character(&mut self, trm: &pdf_extract::Transform, width: f64, spacing: f64, font_size: f64, char: &str) -> OutputResult {
        if self.total + self.text.0.borrow().len() > MAX_TEXT {
            self.too_long = true;
            return Err(pdf_extract::OutputError::FormatError(std::fmt::Error));
        }
        self.page().output_character(trm, width, spacing, font_size, char)
    }
    fn begin_word(&mut self) -> OutputResult {
        self.page().begin_word()
    }
    fn end_word(&mut self) -> OutputResult {
        self.page().end_word()
    }
    fn end_line(&mut self) -> OutputResult {
        self.page().end_line()
    }
}

/// The pages' lines as text: trailing spaces trimmed, runs of blank lines folded to one, a blank line between
/// pages.
fn lay_out(pages: &[String]) -> (String, Vec<(usize, Origin)>) {
    let mut text = String::new();
    let mut lines = Vec::new();
    let mut blank = false;
    for (p, page) in pages.iter().enumerate() {
        blank = !text.is_empty();
        for (i, line) in page.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() {
                blank = !text.is_empty();
                continue;
            }
            if !text.is_empty() {
                text.push_str(if blank { "\n\n" } else { "\n" });
            }
            blank = false;
            lines.push((text.len(), Origin::Pdf { page: p + 1, line: i }));
            text.push_str(line);
        }
    }
    let _ = blank;
    (text, lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_lines_keep_their_origin() {
        let (text, lines) = lay_out(&["\n\nKẾ HOẠCH  \nVề việc\n\n\nI. MỤC ĐÍCH\n".into(), "1. Nội dung\n".into()]);
        assert_eq!(text, "KẾ HOẠCH\nVề việc\n\nI. MỤC ĐÍCH\n\n1. Nội dung");
        assert_eq!(lines[0], (0, Origin::Pdf { page: 1, line: 2 }));
        assert_eq!(lines[3].1, Origin::Pdf { page: 2, line: 0 });
    }

    use lopdf::{dictionary, Object, Stream};

    /// A one-page PDF whose page draws `content`; `tweak` edits the objects (page is 3, pages 2, content 4).
    fn pdf(content: &[u8], tweak: impl FnOnce(&mut lopdf::Document)) -> Vec<u8> {
        let mut doc = lopdf::Document::with_version("1.5");
        let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
        assert_eq!(font, (1, 0));
        doc.objects.insert((4, 0), Object::Stream(Stream::new(dictionary! {}, content.to_vec())));
        doc.objects.insert(
            (3, 0),
            Object::Dictionary(dictionary! {
                "Type" => "Page", "Parent" => (2, 0), "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
                "Contents" => (4, 0), "Resources" => dictionary! { "Font" => dictionary! { "F1" => (1, 0) } },
            }),
        );
        doc.objects.insert((2, 0), Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![(3, 0).into()], "Count" => 1 }));
        doc.objects.insert((5, 0), Object::Dictionary(dictionary! { "Type" => "Catalog", "Pages" => (2, 0) }));
        doc.trailer.set("Root", (5, 0));
        doc.max_id = 10;
        tweak(&mut doc);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    const TEXT: &[u8] = b"BT /F1 12 Tf 72 720 Td (Ke hoach so 12 ve viec thu) Tj ET\n";

    fn reason(r: Result<Input, Error>) -> String {
        match r {
            Err(Error::Decode { reason, .. }) => reason,
            other => panic!("expected a decode error, got {:?}", other.map(|i| i.text)),
        }
    }

    fn page(doc: &mut lopdf::Document) -> &mut lopdf::Dictionary {
        doc.get_object_mut((3, 0)).unwrap().as_dict_mut().unwrap()
    }

    /// Issue 13, item 1: a page whose /Parent is itself overflowed the stack of pdf-extract's inherited
    /// attribute lookup and killed the process. Read here from a thread with a small stack: the reader runs the
    /// library on its own thread, after checking the chain.
    #[test]
    fn a_page_whose_parent_loops_is_a_decode_error_not_a_crash() {
        let bytes = pdf(TEXT, |d| {
            page(d).set("Parent", (3, 0));
            page(d).remove(b"MediaBox");
        });
        let r = std::thread::Builder::new().stack_size(256 << 10).spawn(move || read(&bytes)).unwrap().join().unwrap();
        assert!(reason(r).contains("page tree loops"));
        assert!(read(&pdf(TEXT, |_| {})).unwrap().text.contains("Ke hoach so 12"));
    }

    #[test]
    fn a_page_tree_that_lists_itself_is_refused() {
        let bytes = pdf(TEXT, |d| {
            let pages = d.get_object_mut((2, 0)).unwrap().as_dict_mut().unwrap();
            pages.set("Kids", vec![(3, 0).into(), (2, 0).into()]);
        });
        assert!(reason(read(&bytes)).contains("page tree loops"));
    }

    fn with_form(d: &mut lopdf::Document, form: (u32, u16), body: &[u8], resources: lopdf::Dictionary) {
        let dict = dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()], "Resources" => resources };
        d.objects.insert(form, Object::Stream(Stream::new(dict, body.to_vec())));
    }

    #[test]
    fn a_form_that_draws_itself_is_refused() {
        let bytes = pdf(&[TEXT, b"/X Do\n"].concat(), |d| {
            with_form(d, (6, 0), &[TEXT, b"/X Do\n"].concat(), dictionary! { "XObject" => dictionary! { "X" => (6, 0) } });
            page(d).set("Resources", dictionary! { "Font" => dictionary! { "F1" => (1, 0) }, "XObject" => dictionary! { "X" => (6, 0) } });
        });
        assert!(reason(read(&bytes)).contains("a form that draws itself"));
    }

    /// Forms drawing forms 64 times each, 6 deep: 64^6 draws from a few KB. Refused by the work bound before
    /// anything is drawn; 2 deep is a document.
    #[test]
    fn forms_drawn_within_forms_are_bounded_by_the_work_they_make() {
        let fanout = |depth: u32| {
            pdf(&[TEXT, b"/X Do\n"].concat(), |d| {
                for level in 0..depth {
                    let id = (6 + level, 0);
                    let (body, res) = if level + 1 < depth {
                        let xobjects = dictionary! { "X" => (7 + level, 0) };
                        ([TEXT, &b"/X Do\n".repeat(64)].concat(), dictionary! { "Font" => dictionary! { "F1" => (1, 0) }, "XObject" => xobjects })
                    } else {
                        (TEXT.to_vec(), dictionary! { "Font" => dictionary! { "F1" => (1, 0) } })
                    };
                    with_form(d, id, &body, res);
                }
                page(d).set("Resources", dictionary! { "Font" => dictionary! { "F1" => (1, 0) }, "XObject" => dictionary! { "X" => (6, 0) } });
            })
        };
        assert!(reason(read(&fanout(6))).contains("drawn again and again"));
        let two = read(&fanout(2));
        assert!(two.is_ok(), "{:?}", two.err());
    }

    /// One small stream drawn by many pages is work in proportion to the pages, not to the file: bounded too.
    #[test]
    fn a_content_stream_shared_by_many_pages_is_bounded_by_the_work_it_makes() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&TEXT.repeat((1 << 18) / TEXT.len())).unwrap();
        let content = z.finish().unwrap();
        let shared = |pages: u32| {
            pdf(b"", |d| {
                let s = d.get_object_mut((4, 0)).unwrap().as_stream_mut().unwrap();
                s.dict.set("Filter", "FlateDecode");
                s.set_content(content.clone());
                let page = d.get_object((3, 0)).unwrap().clone();
                let kids: Vec<Object> = (0..pages).map(|i| Object::Reference((100 + i, 0))).collect();
                for i in 0..pages {
                    d.objects.insert((100 + i, 0), page.clone());
                }
                let tree = d.get_object_mut((2, 0)).unwrap().as_dict_mut().unwrap();
                tree.set("Kids", kids);
                tree.set("Count", pages as i64);
            })
        };
        assert!(reason(read(&shared(64))).contains("drawn again and again"));
        assert!(read(&shared(2)).is_ok());
    }

    /// Issue 13, item 2: a content stream that inflates a thousand times is refused before it is inflated.
    #[test]
    fn a_flate_bomb_is_refused_before_it_is_inflated() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&vec![b' '; 4 << 20]).unwrap();
        let bomb = z.finish().unwrap();
        let bytes = pdf(b"", |d| {
            let s = d.get_object_mut((4, 0)).unwrap().as_stream_mut().unwrap();
            s.dict.set("Filter", "FlateDecode");
            s.set_content(bomb);
        });
        assert!(reason(read(&bytes)).contains("zip bomb"));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(matches!(read(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"), Err(Error::Decode { .. })));
    }
}
