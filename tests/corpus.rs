//! The cross-reference index: schema, incremental runs, per-file errors, resolution and queries.
//! Synthetic documents in tests/fixtures/index make a guaranteed resolution pair (and an ambiguous name).
#![cfg(feature = "index")]
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use vanban::corpus::{Corpus, CorpusError, IndexOptions, Table, Value};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/index");
const CORPUS_DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus/docs");

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vanban-corpus-test-{}-{}", name, std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

/// The four synthetic documents (not `old/`) copied into `dir/docs`.
fn copy_fixtures(dir: &Path) -> PathBuf {
    let docs = dir.join("docs");
    fs::create_dir_all(&docs).unwrap();
    for name in ["kh-12.md", "kh-20.md", "nq-66.md", "luat-dat-dai-2024.md"] {
        fs::copy(Path::new(FIXTURES).join(name), docs.join(name)).unwrap();
    }
    docs
}

fn opts() -> IndexOptions {
    IndexOptions { workers: Some(2), ..Default::default() }
}

fn text<'a>(t: &'a Table, row: usize, col: &str) -> Option<&'a str> {
    t.rows[row][t.column(col).unwrap()].as_str()
}

fn file_name(p: Option<&str>) -> Option<&str> {
    p.map(|p| Path::new(p).file_name().unwrap().to_str().unwrap())
}

/// (citing file, symbol or name, resolved file) for every reference.
fn resolutions(c: &Corpus) -> Vec<(String, String, Option<String>)> {
    let t = c
        .query(
            "SELECT d.path, COALESCE(r.symbol, r.name), t.path FROM refs r JOIN documents d ON d.id = r.doc_id
             LEFT JOIN documents t ON t.id = r.resolved_doc_id ORDER BY d.path, r.ord",
            [],
        )
        .unwrap();
    t.rows
        .iter()
        .map(|r| {
            let f = |v: &Value| file_name(v.as_str()).map(String::from);
            (f(&r[0]).unwrap(), r[1].as_str().unwrap().to_string(), f(&r[2]))
        })
        .collect()
}

fn res(citing: &str, what: &str, target: Option<&str>) -> (String, String, Option<String>) {
    (citing.into(), what.into(), target.map(String::from))
}

#[test]
fn citations_resolve_by_symbol_in_either_form_and_by_name() {
    let dir = scratch("resolve");
    let docs = copy_fixtures(&dir);
    let mut c = Corpus::open(dir.join("x.sqlite")).unwrap();
    let s = c.index(&[&docs], &opts()).unwrap();
    assert_eq!((s.files, s.indexed, s.failed, s.documents), (4, 4, 0, 4));
    assert_eq!(
        resolutions(&c),
        vec![
            res("kh-12.md", "66-NQ/TW", Some("nq-66.md")),
            res("kh-12.md", "Luật Đất đai năm 2024", Some("luat-dat-dai-2024.md")),
            res("kh-20.md", "12/KH-UBND", Some("kh-12.md")),
            res("kh-20.md", "Luật Đất đai", Some("luat-dat-dai-2024.md")),
            // the party symbol typed in the state form
            res("kh-20.md", "66/NQ-TW", Some("nq-66.md")),
        ]
    );
    assert_eq!((s.references, s.resolved), (5, 5));
}

#[test]
fn cited_by_accepts_symbols_as_users_type_them_and_names() {
    let dir = scratch("cited-by");
    let docs = copy_fixtures(&dir);
    let mut c = Corpus::open(dir.join("x.sqlite")).unwrap();
    c.index(&[&docs], &opts()).unwrap();
    for q in ["66-NQ/TW", "66/NQ-TW", " 66 - nq / tw ", "Số 66-NQ/TW", "66-NQ/TW 2025", "66-NQ/TW (2025)"] {
        let t = c.cited_by(q).unwrap();
        let citing: Vec<_> = t.get("citing_path").map(|v| file_name(v.as_str()).unwrap()).collect();
        assert_eq!(citing, ["kh-12.md", "kh-20.md"], "{q}");
    }
    assert!(c.cited_by("66-NQ/TW 2019").unwrap().is_empty());
    let t = c.cited_by("Luật Đất đai").unwrap();
    assert_eq!(t.len(), 2);
    assert_eq!(c.cited_by("Luật Đất đai năm 2024").unwrap().len(), 2, "the unyeared citation resolved to the 2024 law");
    assert!(c.cited_by("Luật Đất đai 2013").unwrap().is_empty());
    // by number, the law is found through the references resolved to it by name
    assert_eq!(c.cited_by("31/2024/QH15").unwrap().len(), 2);
    assert!(c.cited_by("99/KH-UBND").unwrap().is_empty());
}

#[test]
fn a_second_law_of_the_same_name_leaves_an_unyeared_citation_unresolved() {
    let dir = scratch("ambiguous");
    let docs = copy_fixtures(&dir);
    fs::copy(Path::new(FIXTURES).join("old/luat-dat-dai-2013.md"), docs.join("luat-dat-dai-2013.md")).unwrap();
    let mut c = Corpus::open(dir.join("x.sqlite")).unwrap();
    c.index(&[&docs], &opts()).unwrap();
    let r = resolutions(&c);
    assert!(r.contains(&res("kh-12.md", "Luật Đất đai năm 2024", Some("luat-dat-dai-2024.md"))));
    assert!(r.contains(&res("kh-20.md", "Luật Đất đai", None)));
    let un = c.unresolved().unwrap();
    assert_eq!(un.get("name").filter_map(|v| v.as_str()).collect::<Vec<_>>(), ["Luật Đất đai"]);
}

fn set_mtime(p: &Path, t: SystemTime) {
    fs::File::options().write(true).open(p).unwrap().set_modified(t).unwrap();
}

#[test]
fn a_second_run_reparses_nothing_and_a_changed_file_only_is_reparsed() {
    let dir = scratch("incremental");
    let docs = copy_fixtures(&dir);
    let db = dir.join("x.sqlite");
    let mut c = Corpus::open(&db).unwrap();
    let first = c.index(&[&docs], &opts()).unwrap();
    assert_eq!((first.indexed, first.skipped), (4, 0));
    let again = c.index(&[&docs], &opts()).unwrap();
    assert_eq!((again.indexed, again.skipped, again.rehashed, again.failed), (0, 4, 0, 0));
    // reopened from disk: the same
    drop(c);
    let mut c = Corpus::open(&db).unwrap();
    assert_eq!(c.index(&[&docs], &opts()).unwrap().indexed, 0);

    // a new mtime, the same content: hashed, not parsed
    let kh12 = docs.join("kh-12.md");
    set_mtime(&kh12, SystemTime::now() + Duration::from_secs(5));
    let touched = c.index(&[&docs], &opts()).unwrap();
    assert_eq!((touched.indexed, touched.skipped, touched.rehashed), (0, 4, 1));
    assert_eq!(c.index(&[&docs], &opts()).unwrap().rehashed, 0);

    // new content: that file only, under the same id, and references to it still resolve
    let id_before = c.find_document("kh-12.md").unwrap();
    let changed = fs::read_to_string(&kh12).unwrap().replace("Sở Tài chính", "Sở Xây dựng");
    fs::write(&kh12, changed).unwrap();
    set_mtime(&kh12, SystemTime::now() + Duration::from_secs(10));
    let s = c.index(&[&docs], &opts()).unwrap();
    assert_eq!((s.indexed, s.skipped), (1, 3));
    assert_eq!(c.find_document("kh-12.md").unwrap(), id_before);
    assert!(resolutions(&c).contains(&res("kh-20.md", "12/KH-UBND", Some("kh-12.md"))));
    let agencies = c.query("SELECT agency FROM assignments WHERE doc_id = ?1 ORDER BY ord", [id_before]).unwrap();
    // the subject of `chủ trì` in an item leads and is responsible for the item's work
    assert_eq!(agencies.get("agency").filter_map(|v| v.as_str()).collect::<Vec<_>>(), ["Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông", "Sở Xây dựng"]);

    // a removed file stays until pruned; its citations then no longer resolve
    fs::remove_file(&kh12).unwrap();
    let kept = c.index(&[&docs], &opts()).unwrap();
    assert_eq!((kept.documents, kept.pruned), (4, 0));
    let pruned = c.index(&[&docs], &IndexOptions { prune: true, ..opts() }).unwrap();
    assert_eq!((pruned.documents, pruned.pruned), (3, 1));
    assert!(resolutions(&c).contains(&res("kh-20.md", "12/KH-UBND", None)));
    let orphans = c.query("SELECT count(*) AS n FROM mentions WHERE ref_id NOT IN (SELECT id FROM refs)", []).unwrap();
    assert_eq!(orphans.rows[0][0], Value::Int(0));
}

#[test]
fn bad_files_are_recorded_with_their_error_and_the_rest_is_indexed() {
    let dir = scratch("errors");
    let docs = copy_fixtures(&dir);
    fs::write(docs.join("binary.md"), b"PK\x03\x04\x00\x00binary").unwrap();
    fs::write(docs.join("empty.txt"), b"  \n\n").unwrap();
    let missing = dir.join("missing.md");
    let mut c = Corpus::open(dir.join("x.sqlite")).unwrap();
    let s = c.index(&[docs.clone(), missing.clone()], &opts()).unwrap();
    assert_eq!((s.files, s.indexed, s.failed, s.documents, s.errors), (7, 4, 3, 4, 3));
    let e = c.errors().unwrap();
    let kinds: Vec<(&str, &str)> =
        (0..e.len()).map(|i| (file_name(text(&e, i, "path")).unwrap(), text(&e, i, "kind").unwrap())).collect();
    assert_eq!(kinds, [("binary.md", "decode"), ("empty.txt", "empty"), ("missing.md", "read")]);
    assert!(text(&e, 0, "message").unwrap().contains("binary.md"), "the message names the file");

    // unchanged bad files are not retried
    let again = c.index(&[&docs], &opts()).unwrap();
    assert_eq!((again.indexed, again.failed, again.skipped), (0, 0, 6));

    // a repaired file leaves the errors and joins the documents
    fs::copy(Path::new(FIXTURES).join("old/luat-dat-dai-2013.md"), docs.join("empty.txt")).unwrap();
    set_mtime(&docs.join("empty.txt"), SystemTime::now() + Duration::from_secs(5));
    let fixed = c.index(&[docs], &opts()).unwrap();
    assert_eq!((fixed.indexed, fixed.documents, fixed.errors), (1, 5, 2));
}

#[test]
fn the_schema_version_is_recorded_and_other_databases_are_refused() {
    let dir = scratch("schema");
    let db = dir.join("x.sqlite");
    drop(Corpus::open(&db).unwrap());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let v: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, vanban::corpus::SCHEMA_VERSION);
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    assert!(matches!(Corpus::open(&db), Err(CorpusError::Schema { found: 99, .. })));

    let other = dir.join("other.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    assert!(matches!(Corpus::open(&other), Err(CorpusError::Schema { found: 0, .. })));
    let not_db = dir.join("notes.txt");
    fs::write(&not_db, "not a database at all, just some text that is long enough to be a header").unwrap();
    assert!(matches!(Corpus::open(&not_db), Err(CorpusError::Sqlite { .. })));
}

#[test]
fn queries_give_documents_cites_edges_matrix_and_deadlines() {
    let dir = scratch("queries");
    let docs = copy_fixtures(&dir);
    let mut c = Corpus::open(dir.join("x.sqlite")).unwrap();
    c.index(&[&docs], &opts()).unwrap();

    let d = c.documents().unwrap();
    assert_eq!(d.len(), 4);
    let nq = (0..d.len()).find(|&i| text(&d, i, "symbol") == Some("66-NQ/TW")).unwrap();
    assert_eq!(d.rows[nq][d.column("cited_by").unwrap()], Value::Int(2));

    let cites = c.cites("kh-20.md").unwrap();
    assert_eq!(cites.get("symbol").map(|v| v.as_str()).collect::<Vec<_>>(), [Some("12/KH-UBND"), None, Some("66/NQ-TW")]);
    assert_eq!(c.cites("20/KH-UBND").unwrap(), cites, "a document named by its symbol");
    assert!(matches!(c.cites("nothing.md"), Err(CorpusError::NoSuchDocument(_))));

    let top = c.most_cited(2).unwrap();
    // a tie, broken by key
    assert_eq!(top.get("target").map(|v| v.as_str().unwrap()).collect::<Vec<_>>(), ["31/2024/QH15", "66-NQ/TW"]);
    assert_eq!(top.get("citing_docs").cloned().collect::<Vec<_>>(), [Value::Int(2), Value::Int(2)]);

    // one edge per (citing, cited) pair: both citations of the law from kh-20 are one edge
    let e = c.edges().unwrap();
    assert_eq!(e.len(), 5);
    assert!(e.get("target").all(|t| t.as_str().unwrap().ends_with(".md")), "every target resolved to a path");

    let m = c.responsibility_matrix().unwrap();
    let row = (0..m.len()).find(|&i| text(&m, i, "agency") == Some("Sở Tài chính")).unwrap();
    assert_eq!(m.rows[row][m.column("coordinate").unwrap()], Value::Int(1));
    assert_eq!(m.rows[row][m.column("lead").unwrap()], Value::Int(0));

    let dl = c.deadlines().unwrap();
    let dates: Vec<_> = dl.get("deadline_date").map(|v| v.as_str().unwrap()).collect();
    assert_eq!(dates, ["2025-06-30", "2025-06-30", "2025-06-30", "2025-11-30", "2025-11-30"]);
    let stats = c.stats().unwrap();
    assert_eq!(stats.rows[0][stats.column("resolved").unwrap()], Value::Int(5));
}

#[test]
fn the_dev_corpus_indexes_whole_and_its_laws_are_cited_by_number_and_name() {
    let dir = scratch("dev");
    let mut c = Corpus::open(dir.join("x.sqlite")).unwrap();
    let s = c.index(&[CORPUS_DOCS], &opts()).unwrap();
    assert_eq!((s.files, s.indexed, s.failed), (130, 130, 0));
    assert!(s.references > 1000, "{s:?}");
    let by = c.cited_by("72/2025/QH15").unwrap();
    let names: Vec<_> = by.get("name").filter_map(|v| v.as_str()).collect();
    assert!(by.len() >= 20 && !names.is_empty(), "cited by number and by name: {} rows, {names:?}", by.len());
    assert!(by.get("resolved_path").all(|p| p.as_str().is_some_and(|p| p.ends_with("lmx_LUAT_72_2025_QH15_649675.htm"))));
}
