//! Every vendored corpus document (.md, .txt) parses into a lossless tree: the leaves tile the text, every node
//! lies within its parent, children are in order and tile their parent, spans are on char boundaries, and every
//! outline item has a label and a path that `Document::find` resolves. (The .htm files, Word HTML whose text is
//! extracted before parsing, are checked in `tests/html_corpus.rs`.)
mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus/docs")
}

fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("the vendored corpus is in tests/fixtures/corpus/docs")
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .collect();
    files.sort();
    files
}

fn panic_message(e: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = e.downcast_ref::<String>() {
        s.clone()
    } else if let Some(s) = e.downcast_ref::<&str>() {
        s.to_string()
    } else {
        "panic with a non-string payload".into()
    }
}

/// Runs `check` on every corpus document; panics at the end listing every file that failed and why.
fn for_each_doc(mut check: impl FnMut(&Path, &vanban::Document)) -> usize {
    let files = corpus_files();
    assert!(files.len() >= 100, "expected the vendored corpus (>= 100 .md/.txt files), found {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let r = catch_unwind(AssertUnwindSafe(|| {
            let doc = vanban::parse_file(path).unwrap_or_else(|e| panic!("parse_file failed: {e}"));
            check(path, &doc);
        }));
        if let Err(e) = r {
            failures.push(format!("{name}: {}", panic_message(e)));
        }
    }
    assert!(failures.is_empty(), "{} of {} corpus files failed:\n{}", failures.len(), files.len(), failures.join("\n"));
    files.len()
}

#[test]
fn corpus_trees_are_lossless() {
    let mut total_items = 0usize;
    for_each_doc(|path, doc| {
        let bytes = std::fs::read(path).unwrap();
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let original = std::str::from_utf8(bytes).expect("corpus .md/.txt files are UTF-8");
        assert!(doc.text == original, "doc.text differs from the file's text");
        common::check_tree(doc);
        common::check_leaves_tile(doc);
        total_items += common::check_outline(doc);
        // parse of the text (not the file) gives the same tree
        assert!(vanban::parse(original) == *doc, "parse(text) differs from parse_file(path)");
    });
    assert!(total_items > 1000, "only {total_items} outline items across the corpus");
}

#[test]
fn corpus_annotations_are_valid_json() {
    for_each_doc(|path, doc| {
        let name = path.file_name().unwrap().to_string_lossy();
        let json = doc.annotation_json(Some(&name));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("invalid annotation JSON: {e}"));
        assert_eq!(v["schema"], "vanban-annotation/1");
        assert_eq!(v["source"], serde_json::Value::String(name.to_string()));
        assert!(v["metadata"].is_object(), "metadata is not an object");
        let outline = v["outline"].as_array().expect("outline is an array");
        assert!(v["references"].is_array() && v["assignments"].is_array());
        let paths: Vec<&str> = outline.iter().map(|o| o["path"].as_str().expect("outline path is a string")).collect();
        let expected: Vec<String> = doc.outline().map(|id| doc.node(id).path.clone().unwrap_or_default()).collect();
        assert_eq!(paths, expected, "the annotation outline is not the tree's outline");
        // without a source, `source` is null
        let v2: serde_json::Value = serde_json::from_str(&doc.annotation_json(None)).unwrap();
        assert!(v2["source"].is_null());
    });
}

#[test]
fn every_paragraphs_clean_text_maps_back_to_its_characters() {
    // The extractors read a paragraph's cleaned text and report spans through its map: each cleaned character
    // must map to that very character of the text (a space may stand for a line break, a tab or a table bar).
    for path in corpus_files() {
        let text = vanban::read::decode(&std::fs::read(&path).unwrap()).unwrap();
        let norm = vanban::lex::normalize::normalize(&text);
        let (paras, _) = vanban::debug_layout(&text);
        for p in &paras {
            for (i, c) in p.clean.char_indices() {
                let at = p.map.to_source(i);
                let sc = norm.text[at..].chars().next().unwrap();
                assert!(
                    sc == c || c == ' ' && (sc.is_whitespace() || sc == '|'),
                    "{}: {:?}: clean char {c:?} at {i} maps to {sc:?} at {at}",
                    path.display(),
                    p.clean
                );
            }
            assert!(p.map.to_source(p.clean.len()) <= p.end);
        }
    }
}

#[test]
fn agency_spans_point_at_the_agency_as_printed() {
    // an assignment's agency_span is where its name is printed: on char boundaries, and (but for a table row,
    // which gives the row) its text, cleaned, is the name
    for_each_doc(|path, doc| {
        for a in &doc.assignments {
            let (s, e) = (a.agency_span.start, a.agency_span.end);
            assert!(doc.text.is_char_boundary(s) && doc.text.is_char_boundary(e), "{}: {:?} for {:?}", path.display(), a.agency_span, a.agency);
            let printed = vanban::lex::normalize::normalize(&vanban::lex::text::clean(&doc.text[s..e])).text.into_owned();
            assert!(a.agency_span == a.span || printed == a.agency, "{}: {:?} reads {printed:?}, not {:?}", path.display(), a.agency_span, a.agency);
        }
    });
}
