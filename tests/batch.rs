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

/// The threads of the process now, from /proc (Linux).
fn threads() -> usize {
    std::fs::read_dir("/proc/self/task").map_or(0, |d| d.count())
}

/// Issue 13, item 5: `workers` is clamped to the cores and all batches share one pool, so batches with many
/// different worker counts (and absurd ones) leave no thread behind; 0 is refused.
#[cfg(target_os = "linux")]
#[test]
fn many_worker_counts_leave_no_thread_behind_and_zero_is_refused() {
    let sample = corpus_dir().join("seed-kh-langson-2022.txt");
    let run = |w: usize| {
        let opts = BatchOptions { workers: Some(w), ..Default::default() };
        assert_eq!(parse_many([&sample, &sample], opts).unwrap().filter(|r| r.result.is_ok()).count(), 2);
    };
    run(1);
    let base = threads();
    for w in (1..=10).chain([100, 1000, 1_000_000, usize::MAX]) {
        run(w);
    }
    // other tests of this binary may run batches meanwhile; they share the pool, made by the first batch
    assert!(threads() <= base + 2, "{base} threads before, {} after", threads());
    let zero = BatchOptions { workers: Some(0), ..Default::default() };
    let err = parse_many([&sample], zero).err().expect("0 workers refused");
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert_eq!(BatchOptions { workers: Some(1_000_000), ..Default::default() }.workers(), vanban::batch::cores());
}

/// Issue 13, item 3: a FIFO or a link to /dev/zero named like a document, in a directory, is an error line
/// (it hung or grew for ever), and the files after it are parsed.
#[cfg(unix)]
#[test]
fn special_files_named_like_documents_are_errors_and_the_rest_goes_on() {
    let dir = std::env::temp_dir().join(format!("vanban-batch-special-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("a-zero.md")).unwrap();
    let fifo = std::process::Command::new("mkfifo").arg(dir.join("b-fifo.md")).status().unwrap();
    assert!(fifo.success());
    std::fs::copy(corpus_dir().join("seed-kh-langson-2022.txt"), dir.join("c.txt")).unwrap();
    let results: Vec<_> = parse_many([&dir], BatchOptions { workers: Some(2), ..Default::default() }).unwrap().collect();
    let outcome: Vec<_> = results.iter().map(|r| r.result.as_ref().map(|_| ()).map_err(|e| e.to_string())).collect();
    assert!(outcome[0].as_ref().unwrap_err().contains("a device, not a regular file"), "{outcome:?}");
    assert!(outcome[1].as_ref().unwrap_err().contains("a named pipe (FIFO), not a regular file"), "{outcome:?}");
    assert!(outcome[2].is_ok(), "{outcome:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
