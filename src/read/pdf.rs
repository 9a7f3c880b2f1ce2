//! PDF with a text layer to the plain text the parser reads, through `pdf-extract` (pure Rust, on `lopdf`).
//!
//! Each page's text comes as lines; a line keeps where it comes from ([`Origin::Pdf`]: page from 1, line from
//! 0 on the page). Blank lines the extractor leaves between blocks are kept (one at most), and pages are
//! separated by a blank line. A PDF with (almost) no text is a scan: an error says it has no text layer.
use crate::model::error::Error;
use super::input::{decode_error, Input};
use crate::model::source::{Format, Origin, Source};

/// Fewer letters and digits than this per page on average: no text layer (a page number or a stamp is not one).
const MIN_CHARS_PER_PAGE: usize = 10;

pub fn read(bytes: &[u8]) -> Result<Input, Error> {
    // pdf-extract may panic on damaged files; one bad file must not take the process (or a batch) down
    let pages = quietly(|| std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes)))
        .map_err(|_| decode_error("a damaged PDF: the text layer could not be read"))?
        .map_err(|e| decode_error(format!("a PDF that cannot be read: {e}")))?;
    let chars: usize = pages.iter().map(|p| p.chars().filter(|c| c.is_alphanumeric()).count()).sum();
    if pages.is_empty() || chars < MIN_CHARS_PER_PAGE * pages.len() {
        return Err(decode_error("PDF without a text layer (scanned?): nothing to read without OCR"));
    }
    let (text, lines) = lay_out(&pages);
    Ok(Input { text, source: Source { format: Format::Pdf, encoding: None, confidence: 1.0, lines, header: None, footer: None } })
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

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(matches!(read(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"), Err(Error::Decode { .. })));
    }
}

thread_local! {
    /// Set while this thread runs the PDF library, whose panics on damaged files are caught and reported.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f` with the panic hook silenced for this thread only: a panic the PDF library raises on a damaged file
/// is caught (see [`read`]) and becomes a `DecodeError`, so it must neither print a backtrace nor reach a hook
/// that aborts (libFuzzer's does). Other threads' panics, and ours outside `f`, go to the hook as before.
fn quietly<T>(f: impl FnOnce() -> T) -> T {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            QUIET.with(|q| q.set(false));
        }
    }
    let _reset = Reset;
    f()
}
