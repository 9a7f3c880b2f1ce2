//! The cross-reference index: many documents parsed into one SQLite database (documents, outline nodes,
//! references and their mentions, assignments, per-file errors), with the references resolved to the
//! documents of the archive and the queries that read it back.
//!
//! Indexing runs on the batch engine ([`crate::index::batch`]): the same directory walk and file kinds as
//! `vanban annotate`, the same bounded worker pool, panic handling and progress line. It is incremental and
//! crash-safe:
//! - a file whose (size, mtime) and parser version are unchanged is not read; one whose mtime changed is read
//!   and hashed (XXH3-128), and re-parsed only when its content changed;
//! - files are worked on the pool and their results written, in walk order (so document ids do not depend on
//!   which worker finished first), by one thread (SQLite has a single writer), in short transactions that
//!   each hold whole documents: after a `kill -9` at any moment a document is either fully in the index or
//!   absent, and the next run picks up the rest;
//! - a file that cannot be read or parsed is recorded in `errors` (and not retried until it changes).
//!
//! A file that is not a vanban index is refused after a read-only look, never written to; one indexing run
//! at a time holds the index's writer lock, and a second is refused at once with a message saying so.
//!
//! The concerns live apart: [`schema`] (tables, opening), [`path`] (the key a file is stored under), [`files`] (the per-file work), [`rows`]
//! (a document as rows), [`writer`] (transactions, pruning), [`keys`] and [`resolve`] (resolution),
//! [`queries`] (reading it back).
mod files;
mod keys;
mod path;
mod queries;
mod resolve;
mod rows;
mod schema;
mod writer;

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::index::batch::{BatchOptions, Expand, Next, Pipeline, Progress};
pub use path::PathKey;
use files::{Failure, Outcome};
pub use keys::{name_key, query_symbol, symbol_key};
pub use queries::{Table, Value};
pub use schema::SCHEMA_VERSION;
use writer::Writer;

/// The parser's version, stored with every document: a document indexed by another version is re-parsed.
pub const PARSER_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The resolution rules' version, kept in `meta`: an index resolved by other rules is resolved again on the
/// next run, changed files or not.
const RESOLVER_VERSION: &str = "1";

/// Most documents written in one transaction (each document is always whole in one).
const CHUNK_DOCS: usize = 64;
/// Longest a transaction stays open while parsed documents keep coming.
const CHUNK_TIME: Duration = Duration::from_millis(250);
/// How often the writer asks whether to stop (Ctrl-C) while files are worked.
const STOP_CHECK: Duration = Duration::from_millis(200);

/// Why the index could not be opened, written or queried. Per-file problems are not errors: they are recorded
/// in the index (see [`Corpus::errors`]).
#[derive(Debug)]
pub enum CorpusError {
    /// SQLite failed (the disk is full, the directory cannot be written, ...).
    Sqlite { path: PathBuf, source: rusqlite::Error },
    /// The file given as the index could not be looked at.
    Io { path: PathBuf, source: std::io::Error },
    /// The file is not a vanban index (another application's database, not a database at all): it was only
    /// read, never written to.
    NotAnIndex { path: PathBuf, reason: String },
    /// A vanban index of another version of the schema, left untouched.
    Schema { path: PathBuf, found: i32 },
    /// Another indexing run holds the index's writer lock.
    Busy { path: PathBuf },
    /// The worker threads could not be started, or their number is not a number of threads.
    Workers(std::io::Error),
    /// No document of the index matches what was asked for.
    NoSuchDocument(String),
    /// Indexing was interrupted (the index holds what was written before).
    Interrupted,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Sqlite { path, source } => write!(f, "{}: index database error: {}", path.display(), source),
            CorpusError::Io { path, source } => write!(f, "{}: cannot open the index: {}", path.display(), source),
            CorpusError::NotAnIndex { path, reason } => {
                write!(f, "{}: not a vanban index ({reason}); left untouched: give another --db file", path.display())
            }
            CorpusError::Schema { path, found } => write!(
                f,
                "{}: a vanban index of schema version {found}, this vanban reads version {SCHEMA_VERSION}; left untouched: \
                 index into another --db file",
                path.display(),
            ),
            CorpusError::Busy { path } => write!(
                f,
                "{}: another `vanban index` run is writing to this index; wait for it to finish, then run again",
                path.display()
            ),
            CorpusError::Workers(e) => write!(f, "worker threads: {e}"),
            CorpusError::NoSuchDocument(q) => write!(f, "no document in the index matches {q:?}"),
            CorpusError::Interrupted => write!(f, "indexing interrupted"),
        }
    }
}

impl std::error::Error for CorpusError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CorpusError::Sqlite { source, .. } => Some(source),
            CorpusError::Io { source, .. } | CorpusError::Workers(source) => Some(source),
            _ => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, CorpusError>;

/// Told of each file an index run has done: `(done, total, path, ok)`, see [`Corpus::index_observed`].
pub type Observer<'a> = dyn Fn(usize, usize, Option<&str>, bool) + Sync + 'a;

/// How to index.
#[derive(Clone, Debug, Default)]
pub struct IndexOptions {
    /// Parse threads; `None`: one per core; more than the cores is taken as one per core; `Some(0)` is an error.
    pub workers: Option<usize>,
    /// A progress line on stderr (redrawn on a terminal, a line every 10 s otherwise; see
    /// [`crate::index::batch::Progress`]).
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
    /// Files that failed this run (recorded in the index's errors), and directories that could not be
    /// listed or hold no document (reported only).
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
    /// The file (its name may not be UTF-8: serialized with `�` for such bytes).
    #[serde(serialize_with = "lossy")]
    pub path: PathBuf,
    /// `read`, `decode`, `empty` or `panic`.
    pub kind: &'static str,
    /// One line that names the file.
    pub message: String,
}

fn lossy<S: serde::Serializer>(p: &Path, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&p.to_string_lossy())
}

/// A cross-reference index in one SQLite file.
pub struct Corpus {
    // Declared before `lock`: fields drop in order, and the lock's descriptor on the database file must close
    // only after SQLite's (closing any descriptor of a file drops the process's POSIX locks on it).
    conn: Connection,
    /// The database file, held open to take the writer lock on (`None` when read-only).
    lock: Option<std::fs::File>,
    path: PathBuf,
}

fn sql_err(path: &Path) -> impl Fn(rusqlite::Error) -> CorpusError + '_ {
    move |source| CorpusError::Sqlite { path: path.to_path_buf(), source }
}

impl Corpus {
    /// Open an index to read and write, creating it when the file does not exist (or is empty). A file that
    /// is not a vanban index of this schema version is refused untouched.
    pub fn open(path: impl AsRef<Path>) -> Result<Corpus> {
        let path = path.as_ref().to_path_buf();
        schema::inspect(&path)?;
        let conn = schema::open_writable(&path)?;
        let lock = std::fs::File::open(&path).map_err(|source| CorpusError::Io { path: path.clone(), source })?;
        Ok(Corpus { conn, lock: Some(lock), path })
    }

    /// Open an existing index to read only (queries; nothing is written, so a read-only directory or a file
    /// one may not write does).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Corpus> {
        let path = path.as_ref().to_path_buf();
        let conn = schema::open_read_only(&path)?;
        Ok(Corpus { conn, lock: None, path })
    }

    /// Where the index lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn e(&self) -> impl Fn(rusqlite::Error) -> CorpusError + '_ {
        sql_err(&self.path)
    }

    /// Index files and directories: the walk of [`crate::index::batch::Expand`] (document extensions
    /// `.txt .md .htm .html .docx .pdf`, hidden entries skipped; files named are indexed whatever their name).
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
        self.index_observed(paths, opts, stop, &|_, _, _, _| {})
    }

    /// [`Corpus::index_with`], telling `observe(done, total, path, ok)` after each file (from the writing
    /// thread; `path` is None for a file skipped as unchanged, `ok` false for a file that failed): for
    /// progress bars other than the line on stderr.
    pub fn index_observed<P: AsRef<Path>>(
        &mut self,
        paths: &[P],
        opts: &IndexOptions,
        stop: &(dyn Fn() -> bool + Sync),
        observe: &Observer<'_>,
    ) -> Result<IndexSummary> {
        let locked = self.lock_writer()?;
        let r = self.index_locked(paths, opts, stop, observe);
        if locked {
            self.unlock_writer();
        }
        r
    }

    fn index_locked<P: AsRef<Path>>(
        &mut self,
        paths: &[P],
        opts: &IndexOptions,
        stop: &(dyn Fn() -> bool + Sync),
        observe: &Observer<'_>,
    ) -> Result<IndexSummary> {
        let t0 = Instant::now();
        let batch = BatchOptions { workers: opts.workers, ..Default::default() };
        let (files, walk_errors) = collect_files(paths);
        let total = files.len();
        let mut done = 0;
        let mut sum = IndexSummary { files: files.len(), ..Default::default() };
        for e in walk_errors {
            sum.failed += 1;
            sum.failures.push(FileError { path: e.path().map(Path::to_path_buf).unwrap_or_default(), kind: "read", message: e.to_string() });
        }
        let prev = Arc::new(self.load_previous()?);
        let force = opts.force;
        let mut pipeline = Pipeline::on_paths(&batch, move |path: &Path| files::process(path, &prev, force))
            .map_err(CorpusError::Workers)?;
        let mut progress = opts.progress.then(|| Progress::new(Some(files.len() as u64)));
        let mut wrote_any = false;
        let path = self.path.clone();
        let mut w = Writer { conn: &mut self.conn, path: &path, pending: 0, started: None };
        let mut queue = files.into_iter();
        let mut last_check = Instant::now();
        loop {
            while !pipeline.is_full() {
                let Some(f) = queue.next() else { break };
                pipeline.submit(f.to_path());
            }
            let r = match pipeline.next_result_within(Duration::ZERO) {
                Next::Ready(r) => r,
                Next::Empty => break,
                Next::Waiting => {
                    // nothing ready: commit what is pending before waiting
                    w.commit()?;
                    match pipeline.next_result_within(STOP_CHECK) {
                        Next::Ready(r) => r,
                        Next::Empty => break,
                        Next::Waiting => {
                            if stop() {
                                return Err(CorpusError::Interrupted);
                            }
                            continue;
                        }
                    }
                }
            };
            if last_check.elapsed() > STOP_CHECK {
                last_check = Instant::now();
                if stop() {
                    w.commit()?;
                    return Err(CorpusError::Interrupted);
                }
            }
            let out = match r.result {
                Ok(out) => out,
                Err(e) => Outcome::Failed(Failure::of(PathKey::from_path(&r.path), &e, None)),
            };
            let failed = matches!(out, Outcome::Failed(_));
            if let Some(p) = &mut progress {
                p.tally(r.bytes, failed);
            }
            done += 1;
            let shown = r.path.to_string_lossy();
            observe(done, total, (!matches!(out, Outcome::Skipped)).then_some(&*shown), !failed);
            match &out {
                Outcome::Skipped => sum.skipped += 1,
                Outcome::Touched { .. } => {
                    sum.skipped += 1;
                    sum.rehashed += 1;
                }
                Outcome::Parsed(_) => sum.indexed += 1,
                Outcome::Failed(f) => {
                    sum.failed += 1;
                    sum.failures.push(FileError { path: f.path.to_path(), kind: f.kind, message: f.message.clone() });
                }
            }
            if !matches!(out, Outcome::Skipped) {
                if !wrote_any {
                    w.mark_unresolved()?;
                    wrote_any = true;
                }
                w.write(out)?;
                if w.pending >= CHUNK_DOCS || w.started.is_some_and(|t| t.elapsed() > CHUNK_TIME) {
                    w.commit()?;
                }
            }
        }
        w.commit()?;
        drop(progress);
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

    /// The writer lock: an exclusive advisory lock (`flock`) on the database file for the run. Independent of
    /// SQLite's own locks, which it never disturbs (the descriptor stays open as long as the connection). A
    /// second run is refused at once rather than left to time out on SQLite's lock. Returns whether it locked
    /// (a file system without locks: SQLite's own lock still keeps two writers apart).
    fn lock_writer(&self) -> Result<bool> {
        let Some(file) = &self.lock else {
            let source = rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
                Some("the index was opened read-only".into()),
            );
            return Err(CorpusError::Sqlite { path: self.path.clone(), source });
        };
        match file.try_lock() {
            Ok(()) => Ok(true),
            Err(std::fs::TryLockError::WouldBlock) => Err(CorpusError::Busy { path: self.path.clone() }),
            Err(std::fs::TryLockError::Error(_)) => Ok(false),
        }
    }

    fn unlock_writer(&self) {
        if let Some(f) = &self.lock {
            let _ = f.unlock();
        }
    }
}

/// The files to index, each once (by key), in walk order; and the directories that could not be listed or
/// hold no document.
fn collect_files<P: AsRef<Path>>(paths: &[P]) -> (Vec<PathKey>, Vec<crate::model::Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut expand = Expand::default();
    for p in paths {
        expand.push(p.as_ref().to_path_buf());
        for r in expand.by_ref() {
            match r {
                Ok(path) => {
                    let key = PathKey::of(&path);
                    if seen.insert(key.clone()) {
                        files.push(key);
                    }
                }
                Err(e) => errors.push(e),
            }
        }
    }
    (files, errors)
}
