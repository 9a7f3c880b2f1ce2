//! The annotation of every corpus document and reader fixture, pinned: a refactoring must leave each one
//! unchanged, and a change that fixes something shows, document by document, what it changed.
//!
//! The snapshots live in `tests/fixtures/snapshots/` (one file per document, one outline entry, reference or
//! assignment per line, so that `git diff` reads as a review). After a deliberate change, rewrite them with
//!
//! ```sh
//! VANBAN_BLESS=1 cargo test --test snapshot
//! ```
//!
//! and read the diff before committing it.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn inputs() -> Vec<PathBuf> {
    let mut v = Vec::new();
    for dir in ["tests/fixtures/corpus/docs", "tests/fixtures/readers"] {
        for e in std::fs::read_dir(Path::new(ROOT).join(dir)).unwrap() {
            let p = e.unwrap().path();
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(ext, "md" | "txt" | "htm" | "html" | "docx" | "pdf") {
                v.push(p);
            }
        }
    }
    v.sort();
    v
}

/// The annotation as JSON with each array element on its own line.
fn render(doc: &vanban::Document, source: &str) -> String {
    let a = serde_json::to_value(doc.annotation(Some(source))).unwrap();
    let mut out = String::new();
    writeln!(out, "{{\"schema\": {},", a["schema"]).unwrap();
    writeln!(out, " \"source\": {},", a["source"]).unwrap();
    writeln!(out, " \"metadata\": {},", a["metadata"]).unwrap();
    for (i, key) in ["outline", "references", "assignments"].into_iter().enumerate() {
        let items = a[key].as_array().unwrap();
        let end = if i == 2 { "}" } else { "," };
        if items.is_empty() {
            writeln!(out, " \"{key}\": []{end}").unwrap();
            continue;
        }
        writeln!(out, " \"{key}\": [").unwrap();
        for (j, item) in items.iter().enumerate() {
            let sep = if j + 1 == items.len() { "" } else { "," };
            writeln!(out, "  {item}{sep}").unwrap();
        }
        writeln!(out, " ]{end}").unwrap();
    }
    out
}

#[test]
fn every_corpus_document_keeps_its_annotation() {
    let dir = Path::new(ROOT).join("tests/fixtures/snapshots");
    let bless = std::env::var_os("VANBAN_BLESS").is_some();
    std::fs::create_dir_all(&dir).unwrap();
    let mut changed = Vec::new();
    let mut names = Vec::new();
    for path in inputs() {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let doc = vanban::parse_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got = render(&doc, &name);
        let snap = dir.join(format!("{name}.json"));
        let want = std::fs::read_to_string(&snap).unwrap_or_default();
        if got != want {
            if bless {
                std::fs::write(&snap, &got).unwrap();
            } else {
                let first = got.lines().zip(want.lines()).position(|(a, b)| a != b).unwrap_or(got.lines().count().min(want.lines().count()));
                changed.push(format!(
                    "{name}: line {}\n  was: {}\n  now: {}",
                    first + 1,
                    want.lines().nth(first).unwrap_or("(end)"),
                    got.lines().nth(first).unwrap_or("(end)")
                ));
            }
        }
        names.push(format!("{name}.json"));
    }
    // a snapshot whose document is gone is stale
    for e in std::fs::read_dir(&dir).unwrap() {
        let f = e.unwrap().file_name().to_string_lossy().to_string();
        if f.ends_with(".json") && !names.contains(&f) {
            if bless {
                std::fs::remove_file(dir.join(&f)).unwrap();
            } else {
                changed.push(format!("{f}: a snapshot without its document"));
            }
        }
    }
    assert!(
        changed.is_empty(),
        "{} of {} annotations differ from tests/fixtures/snapshots (rewrite them with VANBAN_BLESS=1 cargo test --test snapshot, then review the git diff):\n{}",
        changed.len(),
        names.len(),
        changed.join("\n")
    );
}
