//! Every text form, one outline (issue 11): each document of the corpus, rewritten into the forms users
//! actually have, gives the outline and the metadata of the original.
//!
//! The forms, made from the original's own lines and paragraphs (as the parser cut them):
//! - `no-blank`: the blank lines removed, every other line as it is;
//! - `rewrapped`: each paragraph re-wrapped at a width of 60–110 columns (seeded by the file name), no blank lines;
//! - `flat-header`: the header block and the signature block each joined onto one line;
//! - `portal-title`: a web page's title line (`Quyết định 2623/QĐ-TTg năm 2025 về ... do ... ban hành.`) before
//!   the document;
//! - `docx`: a `.docx` built from the paragraphs (tables from the `|` blocks), read by the docx reader;
//! - `one-per-line`: one paragraph per line, a blank line after each.
//!
//! The outline paths of each form must agree with the original's (path F1 >= 0.98 per document, >= 0.995
//! over the corpus) and the metadata fields must be equal. `cargo test --test forms -- --nocapture` prints the
//! figures per form.
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use vanban::lex::lines::{split_lines, LineKind};
use vanban::model::annotation::{Annotation, AnnotationMetadata};
use vanban::parse::layout::Zone;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn corpus() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("tests/fixtures/corpus/docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt" | "htm")))
        .collect();
    v.sort();
    v
}

/// A piece of the original, in order: a paragraph (its raw lines) or a line outside every paragraph (a `|`
/// cell boundary, a rule).
#[derive(Clone, Debug)]
enum Block {
    Para { lines: Vec<String>, clean: String, zone: Zone, table_row: bool },
    Layout(String),
}

/// The original document: its text (normalized, as the parser sees it), its blocks and its annotation.
struct Original {
    name: String,
    text: String,
    blocks: Vec<Block>,
    ann: Annotation,
}

fn original(path: &Path) -> Original {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let doc = vanban::parse_file(path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let text = vanban::lex::normalize::normalize(&doc.text).text.into_owned();
    let lines = split_lines(&text);
    let (paras, layout) = vanban::debug_layout(&text);
    let mut blocks = Vec::new();
    let mut li = 0;
    for (pi, p) in paras.iter().enumerate() {
        while li < p.first {
            if lines[li].kind != LineKind::Blank {
                blocks.push(Block::Layout(text[lines[li].start..lines[li].end].trim().to_string()));
            }
            li += 1;
        }
        let raw: Vec<String> = lines[p.first..=p.last]
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Text | LineKind::TableRow))
            .map(|l| text[l.start..l.end].trim().to_string())
            .collect();
        blocks.push(Block::Para { lines: raw, clean: p.clean.clone(), zone: layout.zones[pi], table_row: p.table_row });
        li = p.last + 1;
    }
    for l in &lines[li.min(lines.len())..] {
        if l.kind != LineKind::Blank {
            blocks.push(Block::Layout(text[l.start..l.end].trim().to_string()));
        }
    }
    let ann = doc.annotation(Some(&name));
    Original { name, text, blocks, ann }
}

// ---------------------------------------------------------------------------------------------------------
// The forms

/// A small deterministic generator (xorshift), seeded by the file name: the same widths on every run.
struct Rng(u64);
impl Rng {
    fn new(seed: &str) -> Rng {
        let mut h: u64 = 0xcbf29ce484222325;
        for b in seed.bytes() {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
        Rng(h | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
}

/// Greedy word wrap at `width` characters of the text as it reads (markdown emphasis counts for nothing, as
/// when the portal's pages were wrapped), the markup kept.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut n = 0;
    for w in s.split_whitespace() {
        let wl = w.chars().filter(|&c| c != '*' && c != '_').count();
        if n > 0 && wl > 0 && n + 1 + wl > width {
            out.push(std::mem::take(&mut cur));
            n = 0;
        }
        if !cur.is_empty() {
            cur.push(' ');
            n += (n > 0) as usize;
        }
        cur.push_str(w);
        n += wl;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn joined(lines: &[String]) -> String {
    lines.join(" ")
}

/// (a) The blank lines removed.
fn no_blank(o: &Original) -> String {
    o.text.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n")
}

/// (b) Each paragraph re-wrapped at one width, no blank lines; table rows and layout lines as they are.
fn rewrapped(o: &Original, width: usize) -> String {
    let mut out = Vec::new();
    for b in &o.blocks {
        match b {
            Block::Para { lines, table_row: true, .. } => out.extend(lines.iter().cloned()),
            Block::Para { lines, .. } => out.extend(wrap(&joined(lines), width)),
            Block::Layout(l) => out.push(l.clone()),
        }
    }
    out.join("\n")
}

/// (c) The header block and the signature block each joined onto one line (rules kept as text, `|` dropped);
/// the rest as it is, a blank line between paragraphs.
fn flat_header(o: &Original) -> String {
    let header: Vec<usize> = (0..o.blocks.len()).filter(|&i| matches!(&o.blocks[i], Block::Para { zone: Zone::Header, .. })).collect();
    let sig = signature_blocks(o);
    let mut out = Vec::new();
    let mut i = 0;
    while i < o.blocks.len() {
        let run = if header.first() == Some(&i) { header.last().copied() } else { sig.filter(|r| r.0 == i).map(|r| r.1) };
        if let Some(end) = run {
            let mut parts = Vec::new();
            for b in &o.blocks[i..=end] {
                match b {
                    Block::Para { clean, .. } => parts.push(clean.clone()),
                    Block::Layout(l) if !l.contains('|') && l.chars().any(|c| c != '*') => parts.push(l.clone()),
                    Block::Layout(_) => {}
                }
            }
            out.push(parts.join(" "));
            out.push(String::new());
            i = end + 1;
            continue;
        }
        match &o.blocks[i] {
            Block::Para { lines, .. } => {
                out.extend(lines.iter().cloned());
                out.push(String::new());
            }
            Block::Layout(l) => out.push(l.clone()),
        }
        i += 1;
    }
    out.join("\n")
}

/// The signature block: from the first closing paragraph that is an authority line or the signer's title to
/// the signer's name.
fn signature_blocks(o: &Original) -> Option<(usize, usize)> {
    let m = &o.ann.metadata;
    let signer = m.signer.as_deref()?;
    let first = m.signing_authority.as_deref().map(|a| a.split(" / ").next().unwrap().to_string()).or_else(|| m.signer_title.clone())?;
    let closing = |i: usize| matches!(&o.blocks[i], Block::Para { zone: Zone::Closing, .. });
    let clean = |i: usize| match &o.blocks[i] {
        Block::Para { clean, .. } => clean.as_str(),
        _ => "",
    };
    let start = (0..o.blocks.len()).find(|&i| closing(i) && first.starts_with(clean(i).split_whitespace().next().unwrap_or("\u{0}")) && first.contains(clean(i).trim()))?;
    let end = (start..o.blocks.len()).find(|&i| closing(i) && clean(i).contains(signer))?;
    Some((start, end))
}

/// (d) A web page's title line before the document, made from its metadata as the portals write it.
fn portal_title(o: &Original) -> String {
    let m = &o.ann.metadata;
    // the type's name (`Quyết định`), a type outside the table as printed (`Điều lệ`)
    let kind = match m.doc_type.as_deref() {
        Some(code) => vanban::DocType::from_code(code).map(|t| t.name()).unwrap_or_else(|| code.to_string()),
        None => "Văn bản".into(),
    };
    let mut line = kind;
    if let Some(s) = &m.symbol {
        write!(line, " {s}").unwrap();
    }
    if let Some(d) = &m.date {
        write!(line, " năm {}", &d[..4]).unwrap();
    }
    if let Some(t) = &m.title {
        let lower = if t.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) { t.to_lowercase() } else { t.clone() };
        let lower = lower.trim_start_matches("về ").trim_start_matches("Về ");
        write!(line, " về {lower}").unwrap();
    }
    if let Some(i) = &m.issuer {
        write!(line, " do {} ban hành", title_case(i)).unwrap();
    }
    line.push('.');
    format!("{line}\n{}", o.text)
}

fn title_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// (f) One paragraph per line, a blank line after each; layout lines as they are.
fn one_per_line(o: &Original) -> String {
    let mut out = Vec::new();
    for b in &o.blocks {
        match b {
            Block::Para { lines, table_row: true, .. } => {
                out.extend(lines.iter().cloned());
                out.push(String::new());
            }
            Block::Para { lines, .. } => {
                out.push(joined(lines));
                out.push(String::new());
            }
            Block::Layout(l) => out.push(l.clone()),
        }
    }
    out.join("\n")
}

// ---------------------------------------------------------------------------------------------------------
// (e) A .docx

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn w_p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", xml_escape(text))
}

/// The document's paragraphs as Word paragraphs, its `|` blocks as tables (a `|` ends a cell; `|` twice ends a
/// row, as the portal's markdown and the docx reader write them), its markdown table rows as table rows.
fn docx(o: &Original) -> Vec<u8> {
    let mut body = String::new();
    let mut i = 0;
    let bar = |b: &Block| matches!(b, Block::Layout(l) if l == "|");
    while i < o.blocks.len() {
        match &o.blocks[i] {
            b if bar(b) => {
                // a table: up to the last `|` of the run
                let mut j = i;
                let mut last_bar = i;
                while j < o.blocks.len() && !matches!(&o.blocks[j], Block::Para { table_row: true, .. }) {
                    if bar(&o.blocks[j]) {
                        last_bar = j;
                    } else if let Block::Para { zone, .. } = &o.blocks[j] {
                        // a table's cells do not run on into the body: a paragraph outside cells ends it
                        let in_cell = o.blocks[..j].iter().rev().take_while(|b| !bar(b)).count() < 64 && o.blocks[j..].iter().any(bar);
                        if !in_cell || (*zone == Zone::Body && j > last_bar + 8) {
                            break;
                        }
                    }
                    j += 1;
                }
                body.push_str(&table(&o.blocks[i..=last_bar]));
                i = last_bar + 1;
            }
            Block::Para { lines, table_row: true, .. } => {
                let mut rows = String::new();
                let mut k = i;
                while let Some(Block::Para { lines, table_row: true, .. }) = o.blocks.get(k) {
                    for l in lines {
                        let cells: Vec<&str> = l.trim().trim_matches('|').split('|').collect();
                        if cells.iter().all(|c| c.trim().chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
                            continue; // the markdown separator row
                        }
                        rows.push_str("<w:tr>");
                        for c in cells {
                            write!(rows, "<w:tc>{}</w:tc>", w_p(&vanban::lex::text::clean(c))).unwrap();
                        }
                        rows.push_str("</w:tr>");
                    }
                    k += 1;
                }
                let _ = lines;
                write!(body, "<w:tbl>{rows}</w:tbl>").unwrap();
                i = k;
            }
            Block::Para { clean, lines, .. } => {
                // a `*` bullet is gone from the cleaned text (emphasis uses `*` too): Word shows it
                let star = lines.first().is_some_and(|l| l.starts_with("* ") && !l[2..].contains('*'));
                body.push_str(&w_p(&if star { format!("* {clean}") } else { clean.clone() }));
                i += 1;
            }
            Block::Layout(_) => i += 1,
        }
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    zip_of(&[("[Content_Types].xml", CONTENT_TYPES.as_bytes()), ("_rels/.rels", RELS.as_bytes()), ("word/document.xml", xml.as_bytes())])
}

/// Rows of cells from a run of blocks between `|` lines.
fn table(blocks: &[Block]) -> String {
    let bar = |b: &Block| matches!(b, Block::Layout(l) if l == "|");
    let mut rows: Vec<Vec<Vec<String>>> = Vec::new();
    let mut row: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<Vec<String>> = None;
    let mut k = 0;
    while k < blocks.len() {
        if bar(&blocks[k]) {
            if let Some(c) = cell.take() {
                row.push(c);
                if k + 1 < blocks.len() && bar(&blocks[k + 1]) {
                    rows.push(std::mem::take(&mut row));
                    k += 1;
                }
            }
            cell = (k + 1 < blocks.len()).then(Vec::new);
        } else if let Block::Para { clean, .. } = &blocks[k] {
            cell.get_or_insert_with(Vec::new).push(clean.clone());
        }
        k += 1;
    }
    if let Some(c) = cell {
        row.push(c);
    }
    if !row.is_empty() {
        rows.push(row);
    }
    let mut out = String::from("<w:tbl>");
    for r in rows {
        out.push_str("<w:tr>");
        for c in r {
            out.push_str("<w:tc>");
            if c.is_empty() {
                out.push_str("<w:p/>");
            }
            for p in c {
                out.push_str(&w_p(&p));
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

// ---------------------------------------------------------------------------------------------------------
// Comparison

const FORMS: &[&str] = &["no-blank", "rewrapped", "flat-header", "portal-title", "docx", "one-per-line"];

/// The annotation of one form of the document.
fn form(o: &Original, which: &str) -> Annotation {
    let doc = match which {
        "no-blank" => vanban::parse(&no_blank(o)),
        "rewrapped" => vanban::parse(&rewrapped(o, Rng::new(&o.name).range(60, 110))),
        "flat-header" => vanban::parse(&flat_header(o)),
        "portal-title" => vanban::parse(&portal_title(o)),
        "docx" => vanban::parse_bytes(&docx(o)).unwrap_or_else(|e| panic!("{}: docx: {e}", o.name)),
        "one-per-line" => vanban::parse(&one_per_line(o)),
        _ => unreachable!(),
    };
    // VANBAN_FORMS_DUMP=DIR writes each form's text there, to look at
    if let Some(dir) = std::env::var_os("VANBAN_FORMS_DUMP") {
        let dir = Path::new(&dir).join(which);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{}.txt", o.name)), &doc.text).unwrap();
    }
    doc.annotation(Some(&o.name))
}

/// True positives, predicted and gold counts of outline paths (as multisets).
fn path_counts(gold: &Annotation, pred: &Annotation) -> (usize, usize, usize) {
    let mut g: HashMap<&str, usize> = HashMap::new();
    for e in &gold.outline {
        *g.entry(e.path.as_str()).or_default() += 1;
    }
    let mut tp = 0;
    for e in &pred.outline {
        if let Some(n) = g.get_mut(e.path.as_str()) {
            if *n > 0 {
                *n -= 1;
                tp += 1;
            }
        }
    }
    (tp, pred.outline.len(), gold.outline.len())
}

fn f1((tp, p, g): (usize, usize, usize)) -> f64 {
    if p + g == 0 {
        1.0
    } else {
        2.0 * tp as f64 / (p + g) as f64
    }
}

/// The metadata fields that differ.
fn metadata_diff(a: &AnnotationMetadata, b: &AnnotationMetadata) -> Vec<String> {
    let mut d = Vec::new();
    let mut cmp = |name: &str, x: &Option<String>, y: &Option<String>| {
        if x != y {
            d.push(format!("{name}: {x:?} -> {y:?}"));
        }
    };
    cmp("doc_type", &a.doc_type, &b.doc_type);
    cmp("symbol", &a.symbol, &b.symbol);
    cmp("issuer", &a.issuer, &b.issuer);
    cmp("place", &a.place, &b.place);
    cmp("date", &a.date, &b.date);
    cmp("title", &a.title, &b.title);
    cmp("signing_authority", &a.signing_authority, &b.signing_authority);
    cmp("signer_title", &a.signer_title, &b.signer_title);
    cmp("signer", &a.signer, &b.signer);
    if a.recipients != b.recipients {
        d.push(format!("recipients: {:?} -> {:?}", a.recipients, b.recipients));
    }
    d
}

struct Outcome {
    name: String,
    form: &'static str,
    counts: (usize, usize, usize),
    metadata: Vec<String>,
    missing: Vec<String>,
    extra: Vec<String>,
}

fn compare(o: &Original, which: &'static str) -> Outcome {
    let a = form(o, which);
    let counts = path_counts(&o.ann, &a);
    let gold: Vec<&str> = o.ann.outline.iter().map(|e| e.path.as_str()).collect();
    let pred: Vec<&str> = a.outline.iter().map(|e| e.path.as_str()).collect();
    let missing = gold.iter().filter(|p| !pred.contains(p)).take(5).map(|s| s.to_string()).collect();
    let extra = pred.iter().filter(|p| !gold.contains(p)).take(5).map(|s| s.to_string()).collect();
    Outcome { name: o.name.clone(), form: which, counts, metadata: metadata_diff(&o.ann.metadata, &a.metadata), missing, extra }
}

#[test]
fn every_form_of_every_document_gives_the_same_outline_and_metadata() {
    let paths = corpus();
    assert_eq!(paths.len(), 130, "the vendored corpus");
    // two workers: the suite runs in CI on two cores
    let chunks: Vec<Vec<PathBuf>> = (0..2).map(|k| paths.iter().skip(k).step_by(2).cloned().collect()).collect();
    let outcomes: Vec<Outcome> = std::thread::scope(|s| {
        let hs: Vec<_> = chunks
            .iter()
            .map(|c| {
                s.spawn(move || {
                    let mut v = Vec::new();
                    for p in c {
                        let o = original(p);
                        for f in FORMS {
                            v.push(compare(&o, f));
                        }
                    }
                    v
                })
            })
            .collect();
        hs.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let mut report = String::new();
    let mut failures = Vec::new();
    for f in FORMS {
        let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.form == *f).collect();
        let total = of.iter().fold((0, 0, 0), |a, o| (a.0 + o.counts.0, a.1 + o.counts.1, a.2 + o.counts.2));
        let below = of.iter().filter(|o| f1(o.counts) < 0.98).count();
        let perfect = of.iter().filter(|o| o.counts.0 == o.counts.1 && o.counts.0 == o.counts.2).count();
        let meta = of.iter().filter(|o| !o.metadata.is_empty()).count();
        writeln!(report, "{f:<13} outline F1 {:.4}  documents identical {perfect}/{}  below 0.98: {below}  metadata differs: {meta}", f1(total), of.len()).unwrap();
        if f1(total) < 0.995 {
            failures.push(format!("{f}: outline F1 {:.4} over the corpus", f1(total)));
        }
        for o in &of {
            if f1(o.counts) < 0.98 {
                failures.push(format!("{} [{f}]: outline F1 {:.3} (missing {:?}, extra {:?})", o.name, f1(o.counts), o.missing, o.extra));
            }
            for d in &o.metadata {
                failures.push(format!("{} [{f}]: {d}", o.name));
            }
        }
    }
    eprintln!("{report}");
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}
