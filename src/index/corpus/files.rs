//! The files of an indexing run: the key each is stored under, what the index held for it before, and what a
//! worker makes of it (skipped unread, touched, parsed or failed).
use std::collections::HashMap;
use std::fs::Metadata;
use std::path::Path;
use std::time::UNIX_EPOCH;

use super::path::PathKey;
use super::rows::{rows, Parsed};
use super::{sql_err, Corpus, Result, PARSER_VERSION};
use crate::model::Error;

/// What the index held for a path before this run.
pub(super) struct Prev {
    size: Option<i64>,
    mtime: Option<i64>,
    hash: Option<String>,
    parser: String,
    failed: bool,
}

impl Corpus {
    /// What the index knows of each path: documents and errors.
    pub(super) fn load_previous(&self) -> Result<HashMap<PathKey, Prev>> {
        let mut out = HashMap::new();
        // an error row is newer than a document row of the same path (a file that parsed, then broke)
        for (table, failed) in [("documents", false), ("errors", true)] {
            let mut st = self
                .conn
                .prepare(&format!("SELECT path, size, mtime_ns, hash, parser_version FROM {table}"))
                .map_err(sql_err(&self.path))?;
            let rows = st
                .query_map([], |r| {
                    let prev = Prev { size: r.get(1)?, mtime: r.get(2)?, hash: r.get(3)?, parser: r.get(4)?, failed };
                    Ok((r.get::<_, PathKey>(0)?, prev))
                })
                .map_err(sql_err(&self.path))?;
            for row in rows {
                let (p, v) = row.map_err(sql_err(&self.path))?;
                out.insert(p, v);
            }
        }
        Ok(out)
    }
}

/// What a worker made of a file.
pub(super) enum Outcome {
    /// Size and mtime unchanged: nothing to do.
    Skipped,
    /// The content hash is unchanged: only the stored size and mtime change.
    Touched { path: PathKey, size: i64, mtime: i64, failed: bool },
    Parsed(Box<Parsed>),
    Failed(Failure),
}

/// A file that could not be indexed, as its error row.
pub(super) struct Failure {
    pub path: PathKey,
    /// `read`, `decode`, `empty` or `panic`.
    pub kind: &'static str,
    /// One line that names the file.
    pub message: String,
    pub size: Option<i64>,
    pub mtime: Option<i64>,
    pub hash: Option<String>,
}

impl Failure {
    /// The row of an error; size, mtime and hash when known, so that an unchanged bad file is not retried.
    pub fn of(path: PathKey, e: &Error, seen: Option<(i64, i64, Option<String>)>) -> Failure {
        let kind = match e {
            Error::Io { .. } => "read",
            Error::Decode { .. } => "decode",
            Error::Empty { .. } => "empty",
            Error::Internal { .. } => "panic",
        };
        let (size, mtime, hash) = match seen {
            Some((s, m, h)) => (Some(s), Some(m), h),
            None => (None, None, None),
        };
        Failure { path, kind, message: e.to_string(), size, mtime, hash }
    }
}

fn hash_hex(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

fn mtime_ns(m: &Metadata) -> i64 {
    m.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos() as i64)
}

/// A worker's job on one file (its path is its key): skip it unread when its size and mtime are unchanged,
/// else read it (within [`crate::read::file`]'s limits) and hash it, touch it when its content is unchanged,
/// else parse it. Returns the bytes read. Panics are the batch's to catch.
pub(super) fn process(path: &Path, prev: &HashMap<PathKey, Prev>, force: bool) -> (u64, std::result::Result<Outcome, Error>) {
    let key = PathKey::from_path(path);
    let prev = prev.get(&key).filter(|p| p.parser == PARSER_VERSION && !force);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(source) => return (0, Ok(Outcome::Failed(Failure::of(key, &Error::Io { path: path.into(), source }, None)))),
    };
    let (size, mtime) = (meta.len() as i64, mtime_ns(&meta));
    if prev.is_some_and(|p| p.size == Some(size) && p.mtime == Some(mtime)) {
        return (0, Ok(Outcome::Skipped));
    }
    let bytes = match crate::read::file::read_file(path) {
        Ok(b) => b,
        Err(e) => return (0, Ok(Outcome::Failed(Failure::of(key, &e, Some((size, mtime, None)))))),
    };
    let read = bytes.len() as u64;
    let hash = hash_hex(&bytes);
    if let Some(p) = prev.filter(|p| p.hash.as_deref() == Some(hash.as_str())) {
        return (read, Ok(Outcome::Touched { path: key, size, mtime, failed: p.failed }));
    }
    let outcome = match crate::pipeline::parse_bytes(&bytes) {
        Ok(doc) => {
            drop(bytes);
            let (doc, nodes, refs, assignments) = rows(&doc);
            Outcome::Parsed(Box::new(Parsed { path: key, hash, size, mtime, doc, nodes, refs, assignments }))
        }
        Err(e) => Outcome::Failed(Failure::of(key, &e.with_path(path), Some((size, mtime, Some(hash))))),
    };
    (read, Ok(outcome))
}
