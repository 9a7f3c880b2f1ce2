//! The cross-reference index: many documents parsed into one SQLite database (documents, outline nodes,
//! references and their mentions, assignments, per-file errors), with the references resolved to the
//! documents of the archive and the queries that read it back.
//!
//! Indexing is incremental and crash-safe:
//! - a file whose (size, mtime) and parser version are unchanged is not read; one whose mtime changed is read
//!   and hashed (XXH3-128), and re-parsed only when its content changed;
//! - files are parsed on a rayon pool and written by one thread (SQLite has a single writer) through a bounded
//!   channel, in short transactions that each hold whole documents: after a `kill -9` at any moment a document
//!   is either fully in the index or absent, and the next run picks up the rest;
//! - a file that cannot be read or parsed is recorded in `errors` (and not retried until it changes).
//!
//! Resolution runs after the writes: a numbered citation resolves by its symbol key (number, type code,
//! issuer code; the year of issue must agree when both sides know it), a citation by name by its name key
//! (type and name, folded). Conservative: two different candidates make a reference unresolved, unless the
//! citation's issuer names exactly one of them.
use crate::extract::assignments::agency_key;
use crate::lex::symbol::parse_symbol;
use crate::model::doctype::{DocType, DOC_TYPES};
use crate::model::Date;
use crate::model::{Document, NodeKind, Symbol};
use rayon::prelude::*;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::LazyLock;
use std::time::{Duration, Instant, UNIX_EPOCH};

/// The schema's version, kept in SQLite's `user_version`. An index made by another version is refused with
/// [`CorpusError::Schema`] (rebuild it: delete the file and index again).
pub const SCHEMA_VERSION: i32 = 2;

/// The parser's version, stored with every document: a document indexed by another version is re-parsed.
pub const PARSER_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The resolution rules' version, kept in `meta`: an index resolved by other rules is resolved again on the
/// next run, changed files or not.
const RESOLVER_VERSION: &str = "1";

/// File name extensions indexed when a directory is walked (lower case). Files named on the command line are
/// indexed whatever their name.
pub const DOC_EXTENSIONS: &[&str] = &["md", "txt", "htm", "html", "markdown"];

/// Most documents written in one transaction (each document is always whole in one).
const CHUNK_DOCS: usize = 64;
/// Longest a transaction stays open while parsed documents keep coming.
const CHUNK_TIME: Duration = Duration::from_millis(250);
/// Parsed documents waiting for the writer: bounds memory when parsing outruns writing.
const CHANNEL_CAP: usize = 64;
/// An assignment's task text is cut to this many chars (the full paragraph is at its byte span in the file).
const TASK_CHARS: usize = 300;

const SCHEMA: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    parser_version TEXT NOT NULL,
    indexed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    doc_type TEXT,
    doc_type_name TEXT,
    symbol TEXT,
    number TEXT,
    year INTEGER,
    type_code TEXT,
    issuer_code TEXT,
    symbol_form TEXT,
    symbol_key TEXT,
    issuer TEXT,
    issuer_key TEXT,
    place TEXT,
    date TEXT,
    title TEXT,
    name_key TEXT,
    signer TEXT,
    chars INTEGER NOT NULL,
    items INTEGER NOT NULL
);
CREATE INDEX documents_symbol_key ON documents(symbol_key);
CREATE INDEX documents_name_key ON documents(name_key);
CREATE INDEX documents_hash ON documents(hash);
CREATE TABLE nodes (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    parent_ord INTEGER,
    depth INTEGER NOT NULL,
    path TEXT,
    label TEXT,
    style TEXT,
    heading TEXT,
    byte_start INTEGER NOT NULL,
    byte_end INTEGER NOT NULL,
    PRIMARY KEY (doc_id, ord)
) WITHOUT ROWID;
CREATE TABLE refs (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    key TEXT NOT NULL,
    symbol_key TEXT,
    name_key TEXT,
    doc_type TEXT,
    symbol TEXT,
    number TEXT,
    year INTEGER,
    type_code TEXT,
    issuer_code TEXT,
    symbol_form TEXT,
    date TEXT,
    issuer TEXT,
    issuer_key TEXT,
    name TEXT,
    attached INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    resolved_doc_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    resolved_by TEXT,
    UNIQUE (doc_id, ord)
);
CREATE INDEX refs_key ON refs(key);
CREATE INDEX refs_symbol_key ON refs(symbol_key);
CREATE INDEX refs_name_key ON refs(name_key);
CREATE INDEX refs_resolved ON refs(resolved_doc_id);
CREATE TABLE mentions (
    ref_id INTEGER NOT NULL REFERENCES refs(id) ON DELETE CASCADE,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    byte_start INTEGER NOT NULL,
    byte_end INTEGER NOT NULL,
    node_ord INTEGER,
    node_path TEXT,
    -- the pinpoint printed before the mention (`điểm a khoản 2 Điều 5 ...`), when there is one
    article TEXT,
    clause TEXT,
    point TEXT
);
CREATE INDEX mentions_ref ON mentions(ref_id);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE TABLE assignments (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    section TEXT NOT NULL,
    agency TEXT NOT NULL,
    agency_key TEXT NOT NULL,
    role TEXT NOT NULL,
    deadline TEXT,
    deadline_date TEXT,
    -- date, quarter, month, year, range, recurring, ongoing, other; the year and the quarter or month
    deadline_kind TEXT,
    deadline_year INTEGER,
    deadline_part INTEGER,
    byte_start INTEGER NOT NULL,
    byte_end INTEGER NOT NULL,
    task TEXT NOT NULL,
    PRIMARY KEY (doc_id, ord)
) WITHOUT ROWID;
CREATE INDEX assignments_agency ON assignments(agency_key);
CREATE TABLE errors (
    path TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    size INTEGER,
    mtime_ns INTEGER,
    hash TEXT,
    parser_version TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID;
"#;

/// Why the index could not be opened, written or queried. Per-file problems are not errors: they are recorded
/// in the index (see [`Corpus::errors`]).
#[derive(Debug)]
pub enum CorpusError {
    /// SQLite failed (the file is not a database, the disk is full, ...).
    Sqlite { path: PathBuf, source: rusqlite::Error },
    /// The database was made by another version of the schema.
    Schema { path: PathBuf, found: i32 },
    /// No document of the index matches what was asked for.
    NoSuchDocument(String),
    /// Indexing was interrupted (the index holds what was written before).
    Interrupted,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Sqlite { path, source } => write!(f, "{}: index database error: {}", path.display(), source),
            CorpusError::Schema { path, found } => write!(
                f,
                "{}: index schema version {} (this vanban reads version {}): delete it and index again",
                path.display(),
                found,
                SCHEMA_VERSION
            ),
            CorpusError::NoSuchDocument(q) => write!(f, "no document in the index matches {q:?}"),
            CorpusError::Interrupted => write!(f, "indexing interrupted"),
        }
    }
}

impl std::error::Error for CorpusError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CorpusError::Sqlite { source, .. } => Some(source),
            _ => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, CorpusError>;

/// A cell of a query result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => Ok(()),
            Value::Int(i) => write!(f, "{i}"),
            Value::Real(x) => write!(f, "{x}"),
            Value::Text(s) => f.write_str(s),
        }
    }
}

/// A query result: named columns, rows of values.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn len(&self) -> usize {
        self.rows.len()
    }
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
    /// The index of a column by name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
    /// One column's values.
    pub fn get<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a Value> + 'a {
        let i = self.column(name);
        self.rows.iter().filter_map(move |r| i.map(|i| &r[i]))
    }
}

/// How to index.
#[derive(Clone, Debug, Default)]
pub struct IndexOptions {
    /// Parse threads; `None`: one per core.
    pub workers: Option<usize>,
    /// Draw a progress bar on stderr (only when stderr is a terminal).
    pub progress: bool,
    /// Remove documents and errors whose file no longer exists.
    pub prune: bool,
    /// Re-parse every file, changed or not.
    pub force: bool,
}

/// What an indexing run did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct IndexSummary {
    /// Files considered (directories walked, explicit files).
    pub files: usize,
    /// Files parsed and written this run.
    pub indexed: usize,
    /// Files left as they were: unchanged (size and mtime, or content hash) since the last run, including
    /// files that failed then and have not changed.
    pub skipped: usize,
    /// Of `skipped`: files whose mtime changed but whose content did not (read and hashed, not parsed).
    pub rehashed: usize,
    /// Files that failed this run (recorded in the index's errors).
    pub failed: usize,
    /// Documents and errors removed because their file is gone (`prune`).
    pub pruned: usize,
    /// Documents in the index after the run.
    pub documents: usize,
    /// Errors recorded in the index after the run.
    pub errors: usize,
    /// References in the index, and how many resolve to a document of the index.
    pub references: usize,
    pub resolved: usize,
    pub seconds: f64,
    /// The files that failed this run.
    pub failures: Vec<FileError>,
}

/// A file that could not be indexed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileError {
    pub path: String,
    /// `read`, `decode`, `empty` or `panic`.
    pub kind: &'static str,
    /// One line that names the file.
    pub message: String,
}

/// A cross-reference index in one SQLite file.
pub struct Corpus {
    conn: Connection,
    path: PathBuf,
}

fn sql_err(path: &Path) -> impl Fn(rusqlite::Error) -> CorpusError + '_ {
    move |source| CorpusError::Sqlite { path: path.to_path_buf(), source }
}

impl Corpus {
    /// Open an index, creating it when the file does not exist.
    pub fn open(path: impl AsRef<Path>) -> Result<Corpus> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path).map_err(sql_err(&path))?;
        let c = Corpus { conn, path };
        c.setup()?;
        Ok(c)
    }

    /// Where the index lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn e(&self) -> impl Fn(rusqlite::Error) -> CorpusError + '_ {
        sql_err(&self.path)
    }

    fn setup(&self) -> Result<()> {
        let c = &self.conn;
        c.busy_timeout(Duration::from_secs(10)).map_err(self.e())?;
        // WAL: readers do not block the writer, and a commit is one append (kill -9 safe).
        c.pragma_update(None, "journal_mode", "WAL").map_err(self.e())?;
        // NORMAL in WAL mode: a crash of the process never loses a commit; only a power cut may drop the last.
        c.pragma_update(None, "synchronous", "NORMAL").map_err(self.e())?;
        c.pragma_update(None, "foreign_keys", true).map_err(self.e())?;
        c.set_prepared_statement_cache_capacity(64);
        let version: i32 = c.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(self.e())?;
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        let tables: i64 = c
            .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))
            .map_err(self.e())?;
        if version != 0 || tables > 0 {
            return Err(CorpusError::Schema { path: self.path.clone(), found: version });
        }
        let tx = self.conn.unchecked_transaction().map_err(self.e())?;
        tx.execute_batch(SCHEMA).map_err(self.e())?;
        tx.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?1)", [SCHEMA_VERSION.to_string()])
            .map_err(self.e())?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(self.e())?;
        tx.commit().map_err(self.e())
    }

    /// Index files and directories (walked recursively for [`DOC_EXTENSIONS`], hidden entries skipped).
    pub fn index<P: AsRef<Path>>(&mut self, paths: &[P], opts: &IndexOptions) -> Result<IndexSummary> {
        self.index_with(paths, opts, &|| false)
    }

    /// [`Corpus::index`], stopping early (with [`CorpusError::Interrupted`]) once `stop` returns true; `stop`
    /// is called from the writing thread a few times a second. What was committed stays.
    pub fn index_with<P: AsRef<Path>>(
        &mut self,
        paths: &[P],
        opts: &IndexOptions,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Result<IndexSummary> {
        self.index_observed(paths, opts, stop, &|_, _, _| {})
    }

    /// [`Corpus::index_with`], telling `observe(done, total, path)` after each file (from the writing thread;
    /// `path` is None for a file skipped as unchanged): for progress bars other than the one on stderr.
    pub fn index_observed<P: AsRef<Path>>(
        &mut self,
        paths: &[P],
        opts: &IndexOptions,
        stop: &(dyn Fn() -> bool + Sync),
        observe: &(dyn Fn(usize, usize, Option<&str>) + Sync),
    ) -> Result<IndexSummary> {
        let t0 = Instant::now();
        let files = collect_files(paths);
        let prev = self.load_previous()?;
        let mut sum = IndexSummary { files: files.len(), ..Default::default() };
        let bar = progress_bar(opts.progress, files.len() as u64);
        let workers = opts.workers.unwrap_or(0);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(workers).build().expect("a thread pool");
        let (tx, rx) = std::sync::mpsc::sync_channel::<Outcome>(CHANNEL_CAP);
        let cancelled = AtomicBool::new(false);
        let force = opts.force;
        let mut wrote_any = false;
        let mut done = 0;
        let path = self.path.clone();
        let conn = &mut self.conn;
        let written: Result<()> = std::thread::scope(|s| {
            let prev = &prev;
            let files = &files;
            let cancelled = &cancelled;
            s.spawn(move || {
                pool.install(|| {
                    files.par_iter().for_each_with(tx, |tx, f| {
                        if cancelled.load(Ordering::Relaxed) {
                            return;
                        }
                        let out = process(f, prev.get(&f.key), force);
                        // the writer hung up: stop quietly
                        if tx.send(out).is_err() {
                            cancelled.store(true, Ordering::Relaxed);
                        }
                    })
                })
            });
            let mut w = Writer { conn, path: &path, pending: 0, started: None, last_check: Instant::now() };
            let r = (|| -> Result<()> {
                loop {
                    let msg = match rx.try_recv() {
                        Ok(m) => Some(m),
                        Err(std::sync::mpsc::TryRecvError::Empty) => {
                            // nothing waiting: commit what is pending before blocking
                            w.commit()?;
                            match rx.recv_timeout(Duration::from_millis(200)) {
                                Ok(m) => Some(m),
                                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => None,
                                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
                            }
                        }
                        Err(std::sync::mpsc::TryRecvError::Disconnected) => break,
                    };
                    if w.last_check.elapsed() > Duration::from_millis(200) {
                        w.last_check = Instant::now();
                        if stop() {
                            cancelled.store(true, Ordering::Relaxed);
                            w.commit()?;
                            return Err(CorpusError::Interrupted);
                        }
                    }
                    let Some(msg) = msg else { continue };
                    bar.inc(1);
                    done += 1;
                    observe(done, files.len(), msg.path());
                    match &msg {
                        Outcome::Skipped => sum.skipped += 1,
                        Outcome::Touched { .. } => {
                            sum.skipped += 1;
                            sum.rehashed += 1;
                        }
                        Outcome::Parsed(_) => sum.indexed += 1,
                        Outcome::Failed(f) => {
                            sum.failed += 1;
                            sum.failures.push(FileError { path: f.path.clone(), kind: f.kind, message: f.message.clone() });
                        }
                    }
                    if !matches!(msg, Outcome::Skipped) {
                        if !wrote_any {
                            w.mark_unresolved()?;
                            wrote_any = true;
                        }
                        w.write(msg)?;
                        if w.pending >= CHUNK_DOCS || w.started.is_some_and(|t| t.elapsed() > CHUNK_TIME) {
                            w.commit()?;
                        }
                    }
                }
                w.commit()
            })();
            if r.is_err() {
                cancelled.store(true, Ordering::Relaxed);
                // drain so the parse threads are not blocked on a full channel
                while rx.recv().is_ok() {}
            }
            r
        });
        bar.finish_and_clear();
        written?;
        if opts.prune {
            sum.pruned = self.prune()?;
        }
        let meta = |key: &str| -> Result<Option<String>> {
            self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional().map_err(self.e())
        };
        let stale = meta("resolve_pending")?.as_deref() == Some("1") || meta("resolver")?.as_deref() != Some(RESOLVER_VERSION);
        if wrote_any || sum.pruned > 0 || stale {
            self.resolve()?;
        }
        let count = |sql: &str| -> Result<usize> { self.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|n| n as usize).map_err(self.e()) };
        sum.documents = count("SELECT count(*) FROM documents")?;
        sum.errors = count("SELECT count(*) FROM errors")?;
        sum.references = count("SELECT count(*) FROM refs WHERE attached = 0")?;
        sum.resolved = count("SELECT count(*) FROM refs WHERE resolved_doc_id IS NOT NULL")?;
        sum.seconds = t0.elapsed().as_secs_f64();
        Ok(sum)
    }

    /// What the index knows of each path: documents and errors.
    fn load_previous(&self) -> Result<HashMap<String, Prev>> {
        let mut out = HashMap::new();
        // an error row is newer than a document row of the same path (a file that parsed, then broke)
        for (table, failed) in [("documents", false), ("errors", true)] {
            let mut st = self
                .conn
                .prepare(&format!("SELECT path, size, mtime_ns, hash, parser_version FROM {table}"))
                .map_err(self.e())?;
            let rows = st
                .query_map([], |r| {
                    Ok((r.get::<_, String>(0)?, Prev { size: r.get(1)?, mtime: r.get(2)?, hash: r.get(3)?, parser: r.get(4)?, failed }))
                })
                .map_err(self.e())?;
            for row in rows {
                let (p, v) = row.map_err(self.e())?;
                out.insert(p, v);
            }
        }
        Ok(out)
    }

    /// Remove documents and errors whose file is gone.
    fn prune(&mut self) -> Result<usize> {
        let gone = |sql: &str| -> Result<Vec<String>> {
            let mut st = self.conn.prepare(sql).map_err(self.e())?;
            let paths = st.query_map([], |r| r.get::<_, String>(0)).map_err(self.e())?;
            let mut out = Vec::new();
            for p in paths {
                let p = p.map_err(self.e())?;
                if !Path::new(&p).exists() {
                    out.push(p);
                }
            }
            Ok(out)
        };
        let docs = gone("SELECT path FROM documents")?;
        let errs = gone("SELECT path FROM errors")?;
        let path = self.path.clone();
        let e = sql_err(&path);
        let tx = self.conn.transaction().map_err(&e)?;
        tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('resolve_pending', '1')", []).map_err(&e)?;
        for p in &docs {
            delete_document(&tx, p).map_err(&e)?;
        }
        for p in &errs {
            tx.execute("DELETE FROM errors WHERE path = ?1", [p]).map_err(&e)?;
        }
        tx.commit().map_err(&e)?;
        Ok(docs.len() + errs.len())
    }

    /// Resolve every reference to a document of the index (see the module documentation). Returns how many
    /// resolve.
    pub fn resolve(&mut self) -> Result<usize> {
        let path = self.path.clone();
        let e = sql_err(&path);
        let tx = self.conn.transaction().map_err(&e)?;
        let mut docs: Vec<Candidate> = Vec::new();
        {
            let mut st = tx
                .prepare("SELECT id, symbol_key, name_key, year, date, issuer_key, hash FROM documents")
                .map_err(&e)?;
            let rows = st
                .query_map([], |r| {
                    Ok(Candidate {
                        id: r.get(0)?,
                        symbol_key: r.get(1)?,
                        name_key: r.get(2)?,
                        year: r.get(3)?,
                        date: r.get(4)?,
                        issuer_key: r.get(5)?,
                        hash: r.get(6)?,
                    })
                })
                .map_err(&e)?;
            for row in rows {
                docs.push(row.map_err(&e)?);
            }
        }
        let mut by_symbol: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            if let Some(k) = &d.symbol_key {
                by_symbol.entry(k).or_default().push(i);
            }
            if let Some(k) = &d.name_key {
                by_name.entry(k).or_default().push(i);
            }
        }
        let mut changes: Vec<(i64, Option<i64>, Option<&'static str>)> = Vec::new();
        let mut resolved = 0;
        {
            let mut st = tx
                .prepare(
                    "SELECT r.id, r.doc_id, r.symbol_key, r.name_key, r.year, r.date, r.issuer_key, r.attached, r.resolved_doc_id,
                            r.resolved_by, d.date
                     FROM refs r JOIN documents d ON d.id = r.doc_id",
                )
                .map_err(&e)?;
            let mut rows = st.query([]).map_err(&e)?;
            while let Some(r) = rows.next().map_err(&e)? {
                let id: i64 = r.get(0).map_err(&e)?;
                let citing: i64 = r.get(1).map_err(&e)?;
                let symbol_key: Option<String> = r.get(2).map_err(&e)?;
                let name_key: Option<String> = r.get(3).map_err(&e)?;
                let year: Option<i64> = r.get(4).map_err(&e)?;
                let date: Option<String> = r.get(5).map_err(&e)?;
                let issuer_key: Option<String> = r.get(6).map_err(&e)?;
                let attached: bool = r.get(7).map_err(&e)?;
                let old: (Option<i64>, Option<String>) = (r.get(8).map_err(&e)?, r.get(9).map_err(&e)?);
                let citing_date: Option<String> = r.get(10).map_err(&e)?;
                let want = RefKeys { citing, citing_date: citing_date.as_deref(), by_name: symbol_key.is_none(), year, date: date.as_deref(), issuer_key: issuer_key.as_deref() };
                let new: (Option<i64>, Option<&'static str>) = if attached {
                    (None, None)
                } else if let Some(k) = &symbol_key {
                    (pick(&docs, by_symbol.get(k.as_str()), &want), Some("symbol"))
                } else if let Some(k) = &name_key {
                    (pick(&docs, by_name.get(k.as_str()), &want), Some("name"))
                } else {
                    (None, None)
                };
                let new = if new.0.is_some() { new } else { (None, None) };
                if new.0.is_some() {
                    resolved += 1;
                }
                if old.0 != new.0 || old.1.as_deref() != new.1 {
                    changes.push((id, new.0, new.1));
                }
            }
        }
        {
            let mut st = tx.prepare("UPDATE refs SET resolved_doc_id = ?2, resolved_by = ?3 WHERE id = ?1").map_err(&e)?;
            for (id, doc, by) in &changes {
                st.execute(params![id, doc, by]).map_err(&e)?;
            }
        }
        tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('resolve_pending', '0')", []).map_err(&e)?;
        tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('resolver', ?1)", [RESOLVER_VERSION]).map_err(&e)?;
        tx.commit().map_err(&e)?;
        Ok(resolved)
    }

    /// Run a query and collect its rows.
    pub fn query(&self, sql: &str, params: impl rusqlite::Params) -> Result<Table> {
        let mut st = self.conn.prepare_cached(sql).map_err(self.e())?;
        let columns: Vec<String> = st.column_names().map(|c| c.to_string()).collect();
        let n = columns.len();
        let mut rows = st.query(params).map_err(self.e())?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(self.e())? {
            let mut row = Vec::with_capacity(n);
            for i in 0..n {
                use rusqlite::types::ValueRef;
                row.push(match r.get_ref(i).map_err(self.e())? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(x) => Value::Int(x),
                    ValueRef::Real(x) => Value::Real(x),
                    ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Value::Text(format!("<{} bytes>", b.len())),
                });
            }
            out.push(row);
        }
        Ok(Table { columns, rows: out })
    }

    /// The documents of the index, by path: what they are, how many references they make and how many
    /// documents of the index cite them.
    pub fn documents(&self) -> Result<Table> {
        self.query(
            "SELECT d.id, d.path, d.doc_type, d.symbol, d.issuer, d.date, d.title, d.items,
                    (SELECT count(*) FROM refs r WHERE r.doc_id = d.id AND r.attached = 0) AS refs,
                    (SELECT count(DISTINCT r.doc_id) FROM refs r WHERE r.resolved_doc_id = d.id) AS cited_by,
                    d.size, d.hash, d.indexed_at
             FROM documents d ORDER BY d.path",
            [],
        )
    }

    /// The document a user names: its id, its path (as given, absolute, or a unique file name) or a symbol
    /// that only one document has.
    pub fn find_document(&self, q: &str) -> Result<i64> {
        let q = q.trim();
        let one = |sql: &str, p: &str| -> Result<Option<i64>> {
            let mut st = self.conn.prepare_cached(sql).map_err(self.e())?;
            let ids: Vec<i64> = st.query_map([p], |r| r.get(0)).map_err(self.e())?.collect::<std::result::Result<_, _>>().map_err(self.e())?;
            Ok((ids.len() == 1).then(|| ids[0]))
        };
        if let Ok(id) = q.parse::<i64>() {
            if let Some(id) = one("SELECT id FROM documents WHERE id = ?1", &id.to_string())? {
                return Ok(id);
            }
        }
        if let Some(id) = one("SELECT id FROM documents WHERE path = ?1", &path_key(Path::new(q)))? {
            return Ok(id);
        }
        if let Some(id) = one("SELECT id FROM documents WHERE path = ?1", q)? {
            return Ok(id);
        }
        let tail = format!("/{}", q.trim_start_matches("./"));
        if let Some(id) = one("SELECT id FROM documents WHERE substr(path, -length(?1)) = ?1", &tail)? {
            return Ok(id);
        }
        if let Some((key, year)) = query_symbol(q) {
            let mut st = self
                .conn
                .prepare_cached("SELECT id, year FROM documents WHERE symbol_key = ?1")
                .map_err(self.e())?;
            let ids: Vec<(i64, Option<i64>)> =
                st.query_map([&key], |r| Ok((r.get(0)?, r.get(1)?))).map_err(self.e())?.collect::<std::result::Result<_, _>>().map_err(self.e())?;
            let ids: Vec<i64> = ids.into_iter().filter(|(_, y)| years_agree(year, *y)).map(|(id, _)| id).collect();
            if ids.len() == 1 {
                return Ok(ids[0]);
            }
        }
        Err(CorpusError::NoSuchDocument(q.to_string()))
    }

    /// What a document cites: one row per reference, in order of first mention, with the document each
    /// resolves to.
    pub fn cites(&self, doc: &str) -> Result<Table> {
        let id = self.find_document(doc)?;
        self.query(
            "SELECT r.ord, r.key, r.doc_type, r.symbol, r.name, r.date, r.issuer, r.attached, r.mentions,
                    r.resolved_doc_id, t.path AS resolved_path, r.resolved_by
             FROM refs r LEFT JOIN documents t ON t.id = r.resolved_doc_id
             WHERE r.doc_id = ?1 ORDER BY r.ord",
            [id],
        )
    }

    /// The references to a document, given as a symbol as users type it (`66-NQ/TW` or `66/NQ-TW`, `số`,
    /// spaces and case do not matter, `NĐ` may be `ND`, a year may follow: `66-NQ/TW 2025`), as a reference
    /// key (`L:luật đất đai`) or as a name (`Luật Đất đai`). References resolved to a document that has that
    /// symbol or name are included; with a year, a reference of another year (its own, or its target's) is
    /// not.
    pub fn cited_by(&self, q: &str) -> Result<Table> {
        const COLUMNS: &str = "SELECT r.doc_id AS citing_id, d.path AS citing_path, d.symbol AS citing_symbol,
                    r.key, r.doc_type, r.symbol, r.name, r.date, r.issuer, r.mentions,
                    r.resolved_doc_id, t.path AS resolved_path
             FROM refs r JOIN documents d ON d.id = r.doc_id LEFT JOIN documents t ON t.id = r.resolved_doc_id";
        if let Some((key, year)) = query_symbol(q) {
            let sql = format!(
                "{COLUMNS} WHERE (r.symbol_key = ?1 AND (?2 IS NULL OR COALESCE(r.year, t.year) IS NULL OR COALESCE(r.year, t.year) = ?2))
                    OR r.resolved_doc_id IN (SELECT id FROM documents WHERE symbol_key = ?1 AND (?2 IS NULL OR year IS NULL OR year = ?2))
                 ORDER BY d.path, r.ord"
            );
            return self.query(&sql, params![key, year]);
        }
        // a year in the name (`Luật Đất đai năm 2024`) leaves out the references of another year
        let sql = format!(
            "{COLUMNS} WHERE r.key = ?1
                OR (r.name_key = ?2 OR r.resolved_doc_id IN (SELECT id FROM documents WHERE name_key = ?2))
                   AND (?3 IS NULL OR COALESCE(r.year, t.year) IS NULL OR COALESCE(r.year, t.year) = ?3)
             ORDER BY d.path, r.ord"
        );
        let (name, year) = name_key_of_query(q).unzip();
        self.query(&sql, params![q.trim(), name, year.flatten()])
    }

    /// References resolved to a document of the index, and how.
    pub fn resolved(&self) -> Result<Table> {
        self.query(
            "SELECT r.doc_id AS citing_id, d.path AS citing_path, r.key, r.symbol, r.name, r.resolved_by,
                    r.resolved_doc_id AS target_id, t.path AS target_path, t.symbol AS target_symbol, t.title AS target_title
             FROM refs r JOIN documents d ON d.id = r.doc_id JOIN documents t ON t.id = r.resolved_doc_id
             ORDER BY d.path, r.ord",
            [],
        )
    }

    /// References to documents outside the index (attachments of the citing document itself left out).
    pub fn unresolved(&self) -> Result<Table> {
        self.query(
            "SELECT r.doc_id AS citing_id, d.path AS citing_path, r.key, r.doc_type, r.symbol, r.name, r.date, r.issuer, r.mentions
             FROM refs r JOIN documents d ON d.id = r.doc_id
             WHERE r.resolved_doc_id IS NULL AND r.attached = 0
             ORDER BY d.path, r.ord",
            [],
        )
    }

    /// The `n` most cited documents, by how many documents of the index cite them: a resolved target is one
    /// document; unresolved ones are grouped by symbol key, else by name and year.
    pub fn most_cited(&self, n: usize) -> Result<Table> {
        let sql = format!(
            "SELECT COALESCE(t.symbol, max(r.symbol), max(r.name)) AS target, {TARGET_KEY} AS target_key,
                    max(r.doc_type) AS doc_type,
                    count(DISTINCT r.doc_id) AS citing_docs, sum(r.mentions) AS mentions,
                    r.resolved_doc_id AS target_id, t.path AS target_path, t.title AS target_title
             FROM refs r LEFT JOIN documents t ON t.id = r.resolved_doc_id
             WHERE r.attached = 0
             GROUP BY {TARGET_GROUP}
             ORDER BY citing_docs DESC, mentions DESC, target_key
             LIMIT ?1"
        );
        self.query(&sql, [n as i64])
    }

    /// The citation graph as an edge list: `source` (the citing document's path) → `target` (the cited
    /// document's path when resolved, else its key), with the number of mentions; one row per pair.
    /// `networkx.from_pandas_edgelist(df, "source", "target", edge_attr="count", create_using=nx.DiGraph)`.
    pub fn edges(&self) -> Result<Table> {
        let sql = format!(
            "SELECT d.path AS source, COALESCE(t.path, {TARGET_KEY}) AS target, sum(r.mentions) AS count,
                    r.doc_id AS source_id, r.resolved_doc_id AS target_id,
                    {TARGET_KEY} AS target_key, COALESCE(max(r.symbol), max(r.name)) AS target_label
             FROM refs r JOIN documents d ON d.id = r.doc_id LEFT JOIN documents t ON t.id = r.resolved_doc_id
             WHERE r.attached = 0
             GROUP BY r.doc_id, {TARGET_GROUP}
             ORDER BY d.path, min(r.ord)"
        );
        self.query(&sql, [])
    }

    /// Agency × document: how many assignments of each role each agency has in each document.
    pub fn responsibility_matrix(&self) -> Result<Table> {
        let roles: String = ROLES.iter().map(|r| format!("sum(a.role = '{r}') AS {r}, ")).collect();
        let sql = format!(
            "SELECT a.agency_key, min(a.agency) AS agency, a.doc_id, d.path, d.symbol, {roles}count(*) AS total
             FROM assignments a JOIN documents d ON d.id = a.doc_id
             GROUP BY a.agency_key, a.doc_id ORDER BY a.agency_key, d.path"
        );
        self.query(&sql, [])
    }

    /// Every assignment with a deadline, the dated ones first in date order.
    pub fn deadlines(&self) -> Result<Table> {
        self.query(
            "SELECT a.deadline_date, a.deadline, a.deadline_kind, a.deadline_year, a.deadline_part, a.agency,
                    a.agency_key, a.role, a.task, a.section, a.doc_id, d.path, d.symbol
             FROM assignments a JOIN documents d ON d.id = a.doc_id
             WHERE a.deadline IS NOT NULL
             ORDER BY a.deadline_date IS NULL, a.deadline_date, a.deadline_year IS NULL, a.deadline_year,
                      a.deadline_part, d.path, a.ord",
            [],
        )
    }

    /// Files that could not be indexed: path, kind (`read`, `decode`, `empty`, `panic`) and message.
    pub fn errors(&self) -> Result<Table> {
        self.query("SELECT path, kind, message, size, at FROM errors ORDER BY path", [])
    }

    /// Counts: documents, outline nodes, references (resolved, by symbol, by name), mentions, assignments,
    /// errors.
    pub fn stats(&self) -> Result<Table> {
        self.query(
            "SELECT (SELECT count(*) FROM documents) AS documents,
                    (SELECT count(*) FROM nodes) AS nodes,
                    (SELECT count(*) FROM refs WHERE attached = 0) AS refs,
                    (SELECT count(*) FROM refs WHERE resolved_doc_id IS NOT NULL) AS resolved,
                    (SELECT count(*) FROM refs WHERE resolved_by = 'symbol') AS resolved_by_symbol,
                    (SELECT count(*) FROM refs WHERE resolved_by = 'name') AS resolved_by_name,
                    (SELECT count(*) FROM mentions) AS mentions,
                    (SELECT count(*) FROM assignments) AS assignments,
                    (SELECT count(*) FROM errors) AS errors",
            [],
        )
    }
}

/// What a reference cites, for grouping: the document it resolves to, else its symbol key, else its name key
/// and year (`Luật Đất đai năm 2024` and `Luật Đất đai 2024` are one), else its key.
const TARGET_GROUP: &str =
    "COALESCE('#' || r.resolved_doc_id, r.symbol_key, r.name_key || COALESCE(' ' || r.year, ''), r.key)";
/// The key shown for a target: the resolved document's, else as [`TARGET_GROUP`].
const TARGET_KEY: &str =
    "COALESCE(t.symbol_key, t.name_key, r.symbol_key, r.name_key || COALESCE(' ' || r.year, ''), r.key)";

/// The assignment roles, in the order of the responsibility matrix's columns.
const ROLES: &[&str] = &["responsible", "lead", "coordinate", "directed", "monitor", "report_to"];

/// The single writer: opens a transaction on the first write, commits in chunks.
struct Writer<'a> {
    conn: &'a mut Connection,
    path: &'a Path,
    pending: usize,
    started: Option<Instant>,
    last_check: Instant,
}

impl Writer<'_> {
    fn begin(&mut self) -> Result<()> {
        if self.started.is_none() {
            self.conn.execute_batch("BEGIN IMMEDIATE").map_err(sql_err(self.path))?;
            self.started = Some(Instant::now());
        }
        Ok(())
    }
    fn commit(&mut self) -> Result<()> {
        if self.started.take().is_some() {
            self.conn.execute_batch("COMMIT").map_err(sql_err(self.path))?;
        }
        self.pending = 0;
        Ok(())
    }
    /// Resolution is stale from the first write until [`Corpus::resolve`] runs (even across a crash).
    fn mark_unresolved(&mut self) -> Result<()> {
        self.begin()?;
        self.conn
            .execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('resolve_pending', '1')", [])
            .map_err(sql_err(self.path))?;
        Ok(())
    }
    fn write(&mut self, out: Outcome) -> Result<()> {
        self.begin()?;
        let c = &*self.conn;
        let e = sql_err(self.path);
        match out {
            Outcome::Skipped => {}
            Outcome::Touched { path, size, mtime, failed } => {
                let sql = if failed {
                    "UPDATE errors SET size = ?2, mtime_ns = ?3 WHERE path = ?1"
                } else {
                    "UPDATE documents SET size = ?2, mtime_ns = ?3 WHERE path = ?1"
                };
                c.prepare_cached(sql).map_err(&e)?.execute(params![path, size, mtime]).map_err(&e)?;
            }
            Outcome::Failed(f) => {
                delete_document(c, &f.path).map_err(&e)?;
                c.prepare_cached(
                    "INSERT OR REPLACE INTO errors (path, kind, message, size, mtime_ns, hash, parser_version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(&e)?
                .execute(params![f.path, f.kind, f.message, f.size, f.mtime, f.hash, PARSER_VERSION])
                .map_err(&e)?;
            }
            Outcome::Parsed(p) => write_parsed(c, &p).map_err(&e)?,
        }
        self.pending += 1;
        Ok(())
    }
}

fn delete_children(c: &Connection, id: i64) -> rusqlite::Result<()> {
    for sql in [
        "DELETE FROM mentions WHERE doc_id = ?1",
        "DELETE FROM refs WHERE doc_id = ?1",
        "DELETE FROM nodes WHERE doc_id = ?1",
        "DELETE FROM assignments WHERE doc_id = ?1",
    ] {
        c.prepare_cached(sql)?.execute([id])?;
    }
    Ok(())
}

fn delete_document(c: &Connection, path: &str) -> rusqlite::Result<()> {
    let id: Option<i64> = c.prepare_cached("SELECT id FROM documents WHERE path = ?1")?.query_row([path], |r| r.get(0)).optional()?;
    if let Some(id) = id {
        delete_children(c, id)?;
        c.prepare_cached("DELETE FROM documents WHERE id = ?1")?.execute([id])?;
    }
    Ok(())
}

fn write_parsed(c: &Connection, p: &Parsed) -> rusqlite::Result<()> {
    let d = &p.doc;
    // an update keeps the document's id, so references resolved to it stay valid
    let id: i64 = c
        .prepare_cached(
            "INSERT INTO documents (path, hash, size, mtime_ns, parser_version, doc_type, doc_type_name, symbol, number, year,
                 type_code, issuer_code, symbol_form, symbol_key, issuer, issuer_key, place, date, title, name_key, signer, chars, items)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)
             ON CONFLICT(path) DO UPDATE SET hash = excluded.hash, size = excluded.size, mtime_ns = excluded.mtime_ns,
                 parser_version = excluded.parser_version, indexed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
                 doc_type = excluded.doc_type, doc_type_name = excluded.doc_type_name, symbol = excluded.symbol,
                 number = excluded.number, year = excluded.year, type_code = excluded.type_code,
                 issuer_code = excluded.issuer_code, symbol_form = excluded.symbol_form, symbol_key = excluded.symbol_key,
                 issuer = excluded.issuer, issuer_key = excluded.issuer_key, place = excluded.place, date = excluded.date,
                 title = excluded.title, name_key = excluded.name_key, signer = excluded.signer, chars = excluded.chars,
                 items = excluded.items
             RETURNING id",
        )?
        .query_row(
            params![
                p.path, p.hash, p.size, p.mtime, PARSER_VERSION, d.doc_type, d.doc_type_name, d.sym.raw, d.sym.number, d.sym.year,
                d.sym.type_code, d.sym.issuer_code, d.sym.form, d.sym.key, d.issuer, d.issuer_key, d.place, d.date, d.title,
                d.name_key, d.signer, d.chars, d.items
            ],
            |r| r.get(0),
        )?;
    delete_children(c, id)?;
    c.prepare_cached("DELETE FROM errors WHERE path = ?1")?.execute([&p.path])?;
    let mut st = c.prepare_cached(
        "INSERT INTO nodes (doc_id, ord, parent_ord, depth, path, label, style, heading, byte_start, byte_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for n in &p.nodes {
        st.execute(params![id, n.ord, n.parent_ord, n.depth, n.path, n.label, n.style, n.heading, n.start, n.end])?;
    }
    let mut st = c.prepare_cached(
        "INSERT INTO refs (doc_id, ord, key, symbol_key, name_key, doc_type, symbol, number, year, type_code, issuer_code,
             symbol_form, date, issuer, issuer_key, name, attached, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
         RETURNING id",
    )?;
    let mut ment = c.prepare_cached(
        "INSERT INTO mentions (ref_id, doc_id, byte_start, byte_end, node_ord, node_path, article, clause, point)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (ord, r) in p.refs.iter().enumerate() {
        let ref_id: i64 = st.query_row(
            params![
                id, ord as i64, r.key, r.sym.key, r.name_key, r.doc_type, r.sym.raw, r.sym.number, r.sym.year, r.sym.type_code,
                r.sym.issuer_code, r.sym.form, r.date, r.issuer, r.issuer_key, r.name, r.attached, r.mentions.len() as i64
            ],
            |row| row.get(0),
        )?;
        for m in &r.mentions {
            ment.execute(params![ref_id, id, m.start, m.end, m.node_ord, m.node_path, m.article, m.clause, m.point])?;
        }
    }
    let mut st = c.prepare_cached(
        "INSERT INTO assignments (doc_id, ord, section, agency, agency_key, role, deadline, deadline_date, deadline_kind,
                                  deadline_year, deadline_part, byte_start, byte_end, task)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (ord, a) in p.assignments.iter().enumerate() {
        st.execute(params![
            id, ord as i64, a.section, a.agency, a.agency_key, a.role, a.deadline, a.deadline_date, a.deadline_kind,
            a.deadline_year, a.deadline_part, a.start, a.end, a.task
        ])?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// Files and their outcomes

/// A file to index: where it is, and the path stored for it (absolute, symlinks resolved).
struct FileTask {
    path: PathBuf,
    key: String,
}

/// The path stored for a file: canonical when the file exists, else absolute.
pub fn path_key(p: &Path) -> String {
    let abs = std::fs::canonicalize(p).or_else(|_| std::path::absolute(p)).unwrap_or_else(|_| p.to_path_buf());
    abs.to_string_lossy().into_owned()
}

fn has_doc_extension(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| DOC_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // an unreadable directory: its path is reported as a failed file
        out.push(dir.to_path_buf());
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let p = e.path();
        // symlinked directories are not followed (no loops); symlinked files are
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&p, out),
            _ if has_doc_extension(&p) => out.push(p),
            _ => {}
        }
    }
}

/// The files to index, each once, in a stable order.
fn collect_files<P: AsRef<Path>>(paths: &[P]) -> Vec<FileTask> {
    let mut found = Vec::new();
    for p in paths {
        let p = p.as_ref();
        if p.is_dir() {
            walk(p, &mut found);
        } else {
            found.push(p.to_path_buf());
        }
    }
    let mut seen = std::collections::HashSet::new();
    found
        .into_iter()
        .filter_map(|path| {
            let key = path_key(&path);
            seen.insert(key.clone()).then_some(FileTask { path, key })
        })
        .collect()
}

/// What the index held for a path before this run.
struct Prev {
    size: Option<i64>,
    mtime: Option<i64>,
    hash: Option<String>,
    parser: String,
    failed: bool,
}

enum Outcome {
    /// Size and mtime unchanged: nothing to do.
    Skipped,
    /// The content hash is unchanged: only the stored size and mtime change.
    Touched { path: String, size: i64, mtime: i64, failed: bool },
    Parsed(Box<Parsed>),
    Failed(Failure),
}

impl Outcome {
    /// The file, when it was read.
    fn path(&self) -> Option<&str> {
        match self {
            Outcome::Skipped => None,
            Outcome::Touched { path, .. } => Some(path),
            Outcome::Parsed(p) => Some(&p.path),
            Outcome::Failed(f) => Some(&f.path),
        }
    }
}

struct Failure {
    path: String,
    kind: &'static str,
    message: String,
    size: Option<i64>,
    mtime: Option<i64>,
    hash: Option<String>,
}

fn hash_hex(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

fn mtime_ns(m: &std::fs::Metadata) -> i64 {
    m.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos() as i64)
}

fn io_message(path: &Path, source: std::io::Error) -> String {
    crate::model::Error::Io { path: path.to_path_buf(), source }.to_string()
}

fn process(f: &FileTask, prev: Option<&Prev>, force: bool) -> Outcome {
    let fail = |kind, message: String, size, mtime, hash| Outcome::Failed(Failure { path: f.key.clone(), kind, message, size, mtime, hash });
    let meta = match std::fs::metadata(&f.path) {
        Ok(m) => m,
        Err(e) => return fail("read", io_message(&f.path, e), None, None, None),
    };
    let (size, mtime) = (meta.len() as i64, mtime_ns(&meta));
    let current = |p: &&Prev| p.parser == PARSER_VERSION && !force;
    if let Some(p) = prev.filter(current) {
        if p.size == Some(size) && p.mtime == Some(mtime) {
            return Outcome::Skipped;
        }
    }
    if meta.is_dir() {
        return fail("read", format!("{}: cannot read: a directory", f.path.display()), None, None, None);
    }
    let bytes = match std::fs::read(&f.path) {
        Ok(b) => b,
        Err(e) => return fail("read", io_message(&f.path, e), Some(size), Some(mtime), None),
    };
    let hash = hash_hex(&bytes);
    if let Some(p) = prev.filter(current) {
        if p.hash.as_deref() == Some(hash.as_str()) {
            return Outcome::Touched { path: f.key.clone(), size, mtime, failed: p.failed };
        }
    }
    // a parser bug must cost one file, not the run
    let parsed = std::panic::catch_unwind(|| crate::pipeline::parse_bytes(&bytes).map(|doc| rows(&doc)));
    match parsed {
        Ok(Ok((doc, nodes, refs, assignments))) => {
            Outcome::Parsed(Box::new(Parsed { path: f.key.clone(), hash, size, mtime, doc, nodes, refs, assignments }))
        }
        Ok(Err(e)) => {
            let kind = match e {
                crate::model::Error::Io { .. } => "read",
                crate::model::Error::Decode { .. } => "decode",
                crate::model::Error::Empty { .. } => "empty",
                crate::model::Error::Internal { .. } => "panic",
            };
            fail(kind, e.with_path(&f.path).to_string(), Some(size), Some(mtime), Some(hash))
        }
        Err(panic) => {
            let msg = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned());
            fail("panic", format!("parser panicked: {}", msg.unwrap_or_default()), Some(size), Some(mtime), Some(hash))
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Rows

struct Parsed {
    path: String,
    hash: String,
    size: i64,
    mtime: i64,
    doc: DocRow,
    nodes: Vec<NodeRow>,
    refs: Vec<RefRow>,
    assignments: Vec<AssignmentRow>,
}

#[derive(Default)]
struct SymbolCols {
    raw: Option<String>,
    number: Option<String>,
    year: Option<i64>,
    type_code: Option<String>,
    issuer_code: Option<String>,
    form: Option<&'static str>,
    key: Option<String>,
}

impl SymbolCols {
    /// The symbol's columns; `year` is the year of issue: the symbol's, else the date's.
    fn new(s: Option<&Symbol>, date: Option<Date>) -> SymbolCols {
        let year = s.and_then(|s| s.year).or(date.map(|d| d.year)).map(i64::from);
        let Some(s) = s else { return SymbolCols { year, ..Default::default() } };
        SymbolCols {
            raw: Some(s.raw.clone()),
            number: s.number.clone(),
            year,
            type_code: s.type_code.clone(),
            issuer_code: s.issuer_code.clone(),
            form: s.form.map(|f| match f {
                crate::model::SymbolForm::Party => "party",
                crate::model::SymbolForm::State => "state",
                crate::model::SymbolForm::Law => "law",
            }),
            key: Some(symbol_key(s)),
        }
    }
}

struct DocRow {
    doc_type: Option<String>,
    doc_type_name: Option<String>,
    sym: SymbolCols,
    issuer: Option<String>,
    issuer_key: Option<String>,
    place: Option<String>,
    date: Option<String>,
    title: Option<String>,
    name_key: Option<String>,
    signer: Option<String>,
    chars: i64,
    items: i64,
}

struct NodeRow {
    ord: i64,
    parent_ord: Option<i64>,
    depth: i64,
    path: Option<String>,
    label: Option<String>,
    style: Option<String>,
    heading: Option<String>,
    start: i64,
    end: i64,
}

struct MentionRow {
    start: i64,
    end: i64,
    node_ord: Option<i64>,
    node_path: Option<String>,
    article: Option<String>,
    clause: Option<String>,
    point: Option<String>,
}

struct RefRow {
    key: String,
    sym: SymbolCols,
    name_key: Option<String>,
    doc_type: Option<String>,
    date: Option<String>,
    issuer: Option<String>,
    issuer_key: Option<String>,
    name: Option<String>,
    attached: bool,
    mentions: Vec<MentionRow>,
}

struct AssignmentRow {
    section: String,
    agency: String,
    agency_key: String,
    role: &'static str,
    deadline: Option<String>,
    deadline_date: Option<String>,
    deadline_kind: Option<String>,
    deadline_year: Option<i64>,
    deadline_part: Option<i64>,
    start: i64,
    end: i64,
    task: String,
}

fn rows(doc: &Document) -> (DocRow, Vec<NodeRow>, Vec<RefRow>, Vec<AssignmentRow>) {
    let m = &doc.metadata;
    let mut ord_of: HashMap<usize, i64> = HashMap::new();
    let mut nodes = Vec::new();
    for id in doc.outline() {
        let n = doc.node(id);
        let ord = nodes.len() as i64;
        ord_of.insert(id, ord);
        let mut depth = 0;
        let mut parent_ord = None;
        let mut p = n.parent;
        while let Some(pid) = p {
            if doc.node(pid).kind == NodeKind::Item {
                depth += 1;
                if parent_ord.is_none() {
                    parent_ord = ord_of.get(&pid).copied();
                }
            }
            p = doc.node(pid).parent;
        }
        nodes.push(NodeRow {
            ord,
            parent_ord,
            depth,
            path: n.path.clone(),
            label: n.label.clone(),
            style: n.style.and_then(|s| match serde_json::to_value(s) {
                Ok(serde_json::Value::String(s)) => Some(s),
                _ => None,
            }),
            heading: n.heading.clone(),
            start: n.span.start as i64,
            end: n.span.end as i64,
        });
    }
    let doc_name_key = match (&m.doc_type, &m.title) {
        (Some(t), Some(title)) => name_key(&format!("{} {}", t.name(), title), t).map(|(k, _)| k),
        _ => None,
    };
    let d = DocRow {
        doc_type: m.doc_type.as_ref().map(|t| t.code().to_string()),
        doc_type_name: m.doc_type.as_ref().map(|t| t.name()),
        sym: SymbolCols::new(m.symbol.as_ref(), m.date),
        issuer: m.issuer.clone(),
        issuer_key: m.issuer.as_deref().map(agency_key),
        place: m.place.clone(),
        date: m.date.map(|d| d.iso()),
        title: m.title.clone(),
        name_key: doc_name_key,
        signer: m.signer.clone(),
        chars: doc.text.chars().count() as i64,
        items: nodes.len() as i64,
    };
    let refs = doc
        .references
        .iter()
        .map(|r| {
            let (name_key, name_year) = match (&r.symbol, &r.name, &r.doc_type) {
                (None, Some(n), Some(t)) => match name_key(n, t) {
                    Some((k, y)) => (Some(k), y),
                    None => (None, None),
                },
                _ => (None, None),
            };
            let mut sym = SymbolCols::new(r.symbol.as_ref(), r.date);
            if sym.year.is_none() {
                sym.year = name_year.map(i64::from);
            }
            RefRow {
                key: r.key.clone(),
                sym,
                name_key,
                doc_type: r.doc_type.as_ref().map(|t| t.code().to_string()),
                date: r.date.map(|d| d.iso()),
                issuer: r.issuer.clone(),
                issuer_key: r.issuer.as_deref().map(agency_key),
                name: r.name.clone(),
                attached: r.attached,
                mentions: r
                    .mentions
                    .iter()
                    .enumerate()
                    .map(|(k, s)| {
                        let item = doc.item_at(s.start);
                        let pin = r.pinpoints.iter().find(|p| p.mention == k);
                        MentionRow {
                            start: s.start as i64,
                            end: s.end as i64,
                            node_ord: item.and_then(|i| ord_of.get(&i).copied()),
                            node_path: item.and_then(|i| doc.node(i).path.clone()),
                            article: pin.and_then(|p| p.article.clone()),
                            clause: pin.and_then(|p| p.clause.clone()),
                            point: pin.and_then(|p| p.point.clone()),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let assignments = doc
        .assignments
        .iter()
        .map(|a| AssignmentRow {
            section: a.section.clone(),
            agency: a.agency.clone(),
            agency_key: a.agency_key.clone(),
            role: a.role.as_str(),
            deadline: a.deadline.as_ref().map(|d| d.phrase.clone()),
            deadline_date: a.deadline.as_ref().and_then(|d| d.date).map(|d| d.iso()),
            deadline_kind: a.deadline.as_ref().map(|d| d.kind.as_str().to_string()),
            deadline_year: a.deadline.as_ref().and_then(|d| d.year).map(i64::from),
            deadline_part: a.deadline.as_ref().and_then(|d| d.part).map(i64::from),
            start: a.span.start as i64,
            end: a.span.end as i64,
            task: snippet(a.span.slice(&doc.text), TASK_CHARS),
        })
        .collect();
    (d, nodes, refs, assignments)
}

/// Whitespace folded, cut to `n` chars with `…`.
fn snippet(s: &str, n: usize) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &folded[..i]),
        None => folded,
    }
}

// ---------------------------------------------------------------------------------------------------------
// Keys

/// A symbol code folded for comparison: upper case, `Đ` as `D` (users type `ND-CP` for `NĐ-CP`), `.` and
/// `–` as `-`, no spaces.
fn fold_code(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'Đ' | 'đ' | 'Ð' => 'D',
            '.' | '–' | '—' => '-',
            c => c,
        })
        .collect::<String>()
        .to_uppercase()
}

/// The type codes as folded by [`fold_code`], with the spellings only symbols use.
static TYPE_CODES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = DOC_TYPES.iter().map(|(_, c, _)| fold_code(c)).collect();
    v.extend(["KHLT", "QDI", "TTLT", "CTR", "TTRI", "HD", "L"].map(String::from));
    v
});

/// The key a citation and the document it cites share: `number|type code|issuer code`, number without
/// leading zeros, codes folded (`66-NQ/TW` and `66/NQ-TW` → `66|NQ|TW`; `30/2020/NĐ-CP` → `30|ND|CP`, the
/// year kept apart; `4240/UBND-VX` → `4240||UBND-VX`). A symbol that does not parse keys as its folded text
/// after `~`.
pub fn symbol_key(s: &Symbol) -> String {
    let Some(number) = s.number.as_deref().filter(|n| !n.is_empty()) else {
        return format!("~{}", fold_code(&s.raw));
    };
    let number = match number.trim_start_matches('0') {
        "" => "0",
        n => n,
    };
    let issuer = s.issuer_code.as_deref().map(fold_code).unwrap_or_default();
    let (t, issuer) = match s.type_code.as_deref() {
        Some(t) => (fold_code(t), issuer),
        // `66/nq-tw` typed in lower case, or a type code the symbol parser did not know
        None => match issuer.split_once('-') {
            Some((t, rest)) if TYPE_CODES.iter().any(|c| c == t) => (t.to_string(), rest.to_string()),
            _ => (String::new(), issuer),
        },
    };
    format!("{number}|{t}|{issuer}")
}

/// A symbol as a user types it: `số 66-NQ/TW`, `66/nq-tw`, `30/2020/ND-CP`, `66-NQ/TW 2025`, `66-NQ/TW
/// (2025)`. Returns the key and the year when one is given.
pub fn query_symbol(q: &str) -> Option<(String, Option<i64>)> {
    static YEAR_AFTER: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"[\s,(]+(?:năm\s+)?((?:19|20)\d\d)\)?\s*$").unwrap());
    static SO: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"^(?i:số|so)\s*:?\s*").unwrap());
    let q = q.trim();
    let (q, year) = match YEAR_AFTER.captures(q) {
        Some(c) => (&q[..c.get(0).unwrap().start()], c[1].parse::<i64>().ok()),
        None => (q, None),
    };
    let q = SO.replace(q, "");
    if !q.chars().next().is_some_and(|c| c.is_ascii_digit()) || !q.contains(['/', '-']) {
        return None;
    }
    let s = parse_symbol(&q);
    s.number.as_ref()?;
    Some((symbol_key(&s), year.or(s.year.map(i64::from))))
}

fn years_agree(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Words of a name that say when, not what (`Luật Đất đai năm 2024`, `giai đoạn 2021 - 2025`).
const NAME_TIME_WORDS: &[&str] = &["năm", "giai", "đoạn", "đến", "thời", "kỳ"];

/// The key a citation by name and the document it names share: the type code, `:`, the name's words folded
/// (lower case, abbreviations expanded, tone placement folded), years and time words left out; plus the
/// years the name gives. `None` for a name of no words.
pub fn name_key(name: &str, doc_type: &DocType) -> Option<(String, Option<u16>)> {
    let folded = agency_key(name);
    let mut words = Vec::new();
    let mut year = None;
    for w in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if w.len() == 4 {
            if let Ok(y) = w.parse::<u16>() {
                if (1900..2100).contains(&y) {
                    year = year.or(Some(y));
                    continue;
                }
            }
        }
        if NAME_TIME_WORDS.contains(&w) {
            continue;
        }
        words.push(w);
    }
    let type_words = doc_type.name().split_whitespace().count();
    (words.len() > type_words).then(|| (format!("{}:{}", doc_type.code(), words.join(" ")), year))
}

/// A name as a user types it (`Luật Đất đai`): its key, the type read from its first words.
fn name_key_of_query(q: &str) -> Option<(String, Option<u16>)> {
    let (t, _) = DocType::from_word_prefix(q.trim())
        .or_else(|| ["Hiến pháp", "Điều lệ"].iter().find(|w| q.trim().starts_with(*w)).map(|w| (named_type(w), w.len())))?;
    name_key(q, &t)
}

fn named_type(word: &str) -> DocType {
    match word {
        "Hiến pháp" => DocType::HienPhap,
        w => DocType::Other(w.to_string()),
    }
}

/// A document of the index, as resolution sees it.
struct Candidate {
    id: i64,
    symbol_key: Option<String>,
    name_key: Option<String>,
    year: Option<i64>,
    date: Option<String>,
    issuer_key: Option<String>,
    hash: String,
}

struct RefKeys<'a> {
    citing: i64,
    /// The citing document's date: nothing issued after it can be what it cites.
    citing_date: Option<&'a str>,
    /// A citation by name (not by symbol).
    by_name: bool,
    year: Option<i64>,
    date: Option<&'a str>,
    issuer_key: Option<&'a str>,
}

/// Words before a place's name in an issuer (`Ủy ban nhân dân tỉnh Đồng Nai`), longest first.
const PLACE_WORDS: &[&str] = &[" thành phố ", " thị xã ", " thị trấn ", " tỉnh ", " huyện ", " quận ", " phường ", " xã "];

/// The place an issuer (as folded by `agency_key`) names: what follows its last place word.
fn place_of(issuer: &str) -> Option<&str> {
    let padded_at = |w: &str| issuer.rfind(w.trim_start()).filter(|&i| i > 0 && issuer[..i].ends_with(' '));
    let (at, w) = PLACE_WORDS.iter().filter_map(|w| padded_at(w).map(|i| (i, w.trim_start()))).max_by_key(|(i, _)| *i)?;
    let rest = issuer[at + w.len()..].trim();
    (!rest.is_empty()).then_some(rest)
}

/// Whether two issuers (folded) are the same body: `Some(true)` when one holds the other (`Cục Thuế` and `Bộ
/// Tài chính Cục Thuế`), `Some(false)` when they name different places (`… tỉnh Bình Định`, `… tỉnh Đồng
/// Nai`) or one names a place and the other shares no word with it (`Hải Phòng`), else `None` (`Bộ Chính
/// trị` and `Ban Chấp hành Trung ương` may well be).
fn issuers_agree(a: &str, b: &str) -> Option<bool> {
    if a.contains(b) || b.contains(a) {
        return Some(true);
    }
    match (place_of(a), place_of(b)) {
        (Some(x), Some(y)) if !x.starts_with(y) && !y.starts_with(x) => Some(false),
        (Some(_), None) | (None, Some(_)) if !a.split(' ').any(|w| b.split(' ').any(|v| v == w)) => Some(false),
        _ => None,
    }
}

/// The one document a reference names among those sharing its key: not the citing document, nor one issued
/// after it, nor one of another place's issuer; the year (and the day, when both sides give one) must
/// agree. Several left resolve only when they are copies of one document (same content, or same date and
/// issuer) or when the citation's issuer agrees with exactly one. A name without a year (`Luật Việc làm`)
/// resolves only from a dated citing document: laws are replaced by laws of the same name.
fn pick(docs: &[Candidate], among: Option<&Vec<usize>>, r: &RefKeys) -> Option<i64> {
    if r.by_name && r.year.is_none() && r.citing_date.is_none() {
        return None;
    }
    let fits: Vec<&Candidate> = among?
        .iter()
        .map(|&i| &docs[i])
        .filter(|d| d.id != r.citing)
        .filter(|d| match (r.citing_date, d.date.as_deref()) {
            (Some(c), Some(t)) => t <= c,
            _ => true,
        })
        .filter(|d| years_agree(r.year, d.year))
        .filter(|d| match (r.date, d.date.as_deref()) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        })
        .filter(|d| match (r.issuer_key, d.issuer_key.as_deref()) {
            (Some(a), Some(b)) => issuers_agree(a, b) != Some(false),
            _ => true,
        })
        .collect();
    match fits.as_slice() {
        [] => None,
        [one] => Some(one.id),
        [first, rest @ ..] => {
            let copies = rest.iter().all(|d| d.hash == first.hash)
                || first.date.is_some()
                    && first.issuer_key.is_some()
                    && rest.iter().all(|d| d.date == first.date && d.issuer_key == first.issuer_key);
            if copies {
                return fits.iter().map(|d| d.id).min();
            }
            let issuer = r.issuer_key?;
            let named: Vec<&&Candidate> =
                fits.iter().filter(|d| d.issuer_key.as_deref().and_then(|k| issuers_agree(issuer, k)) == Some(true)).collect();
            (named.len() == 1).then(|| named[0].id)
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Progress

fn progress_bar(show: bool, total: u64) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    // stderr, and only when it is a terminal (indicatif hides itself otherwise)
    let bar = indicatif::ProgressBar::with_draw_target(Some(total), indicatif::ProgressDrawTarget::stderr());
    let style = indicatif::ProgressStyle::with_template("{spinner} indexing [{bar:30}] {pos}/{len} files ({percent}%)  {elapsed} elapsed, eta {eta}")
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_and_state_forms_of_a_symbol_share_a_key() {
        let k = |s: &str| symbol_key(&parse_symbol(s));
        assert_eq!(k("66-NQ/TW"), "66|NQ|TW");
        assert_eq!(k("66/NQ-TW"), "66|NQ|TW");
        assert_eq!(k("30/2020/NĐ-CP"), "30|ND|CP");
        assert_eq!(k("30/2020/ND-CP"), "30|ND|CP");
        assert_eq!(k("0124/KH-UBND"), "124|KH|UBND");
        assert_eq!(k("4240/UBND-VX"), "4240||UBND-VX");
        assert_eq!(k("80/2015/QH13"), "80|L|QH13");
    }

    #[test]
    fn user_typed_symbols_parse_with_or_without_year() {
        assert_eq!(query_symbol("66-NQ/TW"), Some(("66|NQ|TW".into(), None)));
        assert_eq!(query_symbol(" 66 / nq - tw "), Some(("66|NQ|TW".into(), None)));
        assert_eq!(query_symbol("Số 66-NQ/TW (2025)"), Some(("66|NQ|TW".into(), Some(2025))));
        assert_eq!(query_symbol("66-NQ/TW 2025"), Some(("66|NQ|TW".into(), Some(2025))));
        assert_eq!(query_symbol("30/2020/nđ-cp"), Some(("30|ND|CP".into(), Some(2020))));
        assert_eq!(query_symbol("Luật Đất đai"), None);
    }

    #[test]
    fn names_fold_case_tone_placement_and_years() {
        let (k, y) = name_key("Luật Đất đai năm 2024", &DocType::Luat).unwrap();
        assert_eq!((k.as_str(), y), ("L:luật đất đai", Some(2024)));
        let (k2, _) = name_key("LUẬT ĐẤT ĐAI", &DocType::Luat).unwrap();
        assert_eq!(k, k2);
        let (a, _) = name_key("Luật Hoà giải", &DocType::Luat).unwrap();
        let (b, _) = name_key("Luật Hòa giải", &DocType::Luat).unwrap();
        assert_eq!(a, b);
        assert_eq!(name_key("Luật", &DocType::Luat), None);
        assert_eq!(name_key_of_query("Luật đất đai"), Some(("L:luật đất đai".into(), None)));
    }

    fn cand(id: i64, year: Option<i64>, date: Option<&str>, issuer: Option<&str>, hash: &str) -> Candidate {
        Candidate {
            id,
            symbol_key: None,
            name_key: None,
            year,
            date: date.map(String::from),
            issuer_key: issuer.map(String::from),
            hash: hash.into(),
        }
    }

    #[test]
    fn issuers_of_different_places_disagree() {
        assert_eq!(issuers_agree("ủy ban nhân dân tỉnh bình định", "ủy ban nhân dân tỉnh đồng nai"), Some(false));
        assert_eq!(issuers_agree("ủy ban nhân dân tỉnh", "ủy ban nhân dân tỉnh đồng nai"), Some(true));
        assert_eq!(issuers_agree("cục thuế", "bộ tài chính cục thuế"), Some(true));
        assert_eq!(issuers_agree("bộ chính trị", "ban chấp hành trung ương"), None);
        assert_eq!(issuers_agree("hải phòng", "ủy ban nhân dân tỉnh bắc ninh"), Some(false));
        assert_eq!(issuers_agree("thủ tướng chính phủ", "chính phủ"), Some(true));
        assert_eq!(issuers_agree("hội đồng nhân dân thành phố hà nội", "ủy ban nhân dân thành phố hà nội"), None);
        assert_eq!(place_of("ủy ban nhân dân thành phố hồ chí minh"), Some("hồ chí minh"));
        assert_eq!(place_of("ủy ban nhân dân xã tân phú"), Some("tân phú"));
    }

    #[test]
    fn resolution_is_conservative() {
        let docs = vec![
            cand(1, Some(2022), Some("2022-03-01"), Some("ủy ban nhân dân tỉnh a"), "h1"),
            cand(2, Some(2022), Some("2022-05-01"), Some("ủy ban nhân dân tỉnh b"), "h2"),
            cand(3, Some(2020), None, None, "h3"),
        ];
        let all = vec![0, 1, 2];
        let r = |year, date, issuer| RefKeys { citing: 99, citing_date: None, by_name: false, year, date, issuer_key: issuer };
        // two of 2022 and no way to tell them apart: not resolved
        assert_eq!(pick(&docs, Some(&all), &r(Some(2022), None, None)), None);
        // the day tells
        assert_eq!(pick(&docs, Some(&all), &r(Some(2022), Some("2022-05-01"), None)), Some(2));
        // the issuer tells
        assert_eq!(pick(&docs, Some(&all), &r(Some(2022), None, Some("ủy ban nhân dân tỉnh a"))), Some(1));
        // the year tells
        assert_eq!(pick(&docs, Some(&all), &r(Some(2020), None, None)), Some(3));
        // a date that no candidate has
        assert_eq!(pick(&docs, Some(&[0].to_vec()), &r(Some(2022), Some("2022-04-01"), None)), None);
        // never the citing document itself
        assert_eq!(pick(&docs, Some(&[2].to_vec()), &RefKeys { citing: 3, citing_date: None, by_name: false, year: None, date: None, issuer_key: None }), None);
        // nor one issued after the citing document
        let later = RefKeys { citing: 99, citing_date: Some("2022-04-01"), by_name: false, year: Some(2022), date: None, issuer_key: None };
        assert_eq!(pick(&docs, Some(&all), &later), Some(1));
        // nor one of another province
        assert_eq!(pick(&docs, Some(&[0].to_vec()), &r(Some(2022), None, Some("ủy ban nhân dân tỉnh c"))), None);
        assert_eq!(pick(&docs, Some(&[0].to_vec()), &r(Some(2022), None, Some("ủy ban nhân dân tỉnh"))), Some(1));
        // an undated name from an undated document: which version of the law is meant?
        let undated = RefKeys { citing: 99, citing_date: None, by_name: true, year: None, date: None, issuer_key: None };
        assert_eq!(pick(&docs, Some(&[2].to_vec()), &undated), None);
        assert_eq!(pick(&docs, Some(&[2].to_vec()), &RefKeys { citing_date: Some("2024-01-01"), ..undated }), Some(3));
        // copies of one document resolve to the first
        let copies = vec![cand(5, None, None, None, "same"), cand(4, None, None, None, "same")];
        assert_eq!(pick(&copies, Some(&vec![0, 1]), &r(None, None, None)), Some(4));
    }
}
