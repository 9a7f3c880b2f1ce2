//! `vanban::batch::parse_many` over the vendored corpus: same documents as `parse_file`, in sorted order, a bad
//! file in the middle reported and passed.
use std::path::PathBuf;

use vanban::batch::{parse_many, BatchOptions};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus/docs")
}

#[test]
fn a_directory_parses_to_the_same_documents_as_parse_file_in_sorted_order() {
    let dir = corpus_dir();
    let mut expected: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| vanban::batch::is_document(p))
        .collect();
    expected.sort();
    let opts = BatchOptions { workers: Some(2), ..Default::default() };
    let mut seen = Vec::new();
    for r in parse_many([&dir], opts).unwrap() {
        let doc = r.result.unwrap_or_else(|e| panic!("{e}"));
        let alone = vanban::parse_file(&r.path).unwrap();
        assert_eq!(doc.annotation_json(None), alone.annotation_json(None), "{}", r.path.display());
        assert_eq!(r.bytes, std::fs::metadata(&r.path).unwrap().len());
        seen.push(r.path);
    }
    assert_eq!(seen, expected);
}

#[test]
fn a_bad_file_in_the_middle_is_reported_and_the_rest_are_parsed() {
    let dir = corpus_dir();
    let good: Vec<PathBuf> = ["seed-kh-langson-2022.txt", "tnt_KH_141-KH-UBND_09daab28.md"]
        .iter()
        .map(|n| dir.join(n))
        .filter(|p| p.exists())
        .collect();
    assert!(!good.is_empty());
    let missing = dir.join("no-such-file.txt");
    let paths = [good.clone(), vec![missing.clone(), dir.join("../README.md")], good.clone()].concat();
    let results: Vec<_> = parse_many(paths.clone(), BatchOptions { workers: Some(2), window: Some(2), ..Default::default() })
        .unwrap()
        .collect();
    assert_eq!(results.len(), paths.len());
    for (r, p) in results.iter().zip(&paths) {
        assert_eq!(&r.path, p);
        if *p == missing {
            let e = r.result.as_ref().unwrap_err();
            assert!(matches!(e, vanban::Error::Io { .. }));
            assert!(e.to_string().starts_with(&missing.display().to_string()), "{e}");
        } else {
            assert!(r.result.is_ok(), "{}", p.display());
        }
    }
}
