//! The index's tables, and how a file is judged and opened: a file that is not a vanban index is refused
//! after a read-only look, never written to; a new index gets its schema in one immediate transaction, so that
//! two runs starting on one new file do not both create it.
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::{sql_err, CorpusError, Result};

/// The schema's version, kept in SQLite's `user_version`. An index made by another version is refused with
/// [`CorpusError::Schema`], untouched.
pub const SCHEMA_VERSION: i32 = 2;

/// How long a connection waits for another one's lock (a reader's checkpoint, a query) before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

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

/// What a file given as an index is, judged read-only.
#[derive(Debug, PartialEq)]
pub(super) enum Found {
    /// No file (or an empty one): a new index.
    Nothing,
    /// A vanban index of this schema version.
    Index,
}

/// Look at `path` without writing to it: nothing there, an index of ours, or an error saying what it is.
pub(super) fn inspect(path: &Path) -> Result<Found> {
    let not_index = |reason: &str| CorpusError::NotAnIndex { path: path.to_path_buf(), reason: reason.to_string() };
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(source) => return Err(CorpusError::Io { path: path.to_path_buf(), source }),
        Ok(m) if !m.is_file() => return Err(not_index("not a regular file")),
        Ok(m) if m.len() == 0 => return Ok(Found::Nothing),
        Ok(_) => {}
    }
    let mut conn = connect_read_only(path).map_err(sql_err(path))?;
    // one read transaction: the version and the tables of one snapshot, even while another run creates them
    let conn = conn.transaction().map_err(sql_err(path))?;
    let version: i32 = match conn.pragma_query_value(None, "user_version", |r| r.get(0)) {
        Ok(v) => v,
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::NotADatabase => {
            return Err(not_index("not a SQLite database"));
        }
        Err(e) => return Err(sql_err(path)(e)),
    };
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .map_err(sql_err(path))?;
    if tables.is_empty() && version == 0 {
        return Ok(Found::Nothing);
    }
    let ours = tables.iter().any(|t| t == "meta")
        && conn
            .query_row("SELECT count(*) FROM meta WHERE key = 'schema_version'", [], |r| r.get::<_, i64>(0))
            .is_ok_and(|n| n == 1);
    match (ours, version) {
        (true, SCHEMA_VERSION) => Ok(Found::Index),
        (true, found) => Err(CorpusError::Schema { path: path.to_path_buf(), found }),
        (false, _) => Err(not_index("a SQLite database of another application")),
    }
}

/// Open `path` to write, once [`inspect`] found nothing or an index there: WAL, the schema created if missing.
pub(super) fn open_writable(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path).map_err(sql_err(path))?;
    let e = sql_err(path);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(&e)?;
    // WAL: readers do not block the writer, and a commit is one append (kill -9 safe).
    use_wal(&conn).map_err(&e)?;
    // NORMAL in WAL mode: a crash of the process never loses a commit; only a power cut may drop the last.
    conn.pragma_update(None, "synchronous", "NORMAL").map_err(&e)?;
    conn.pragma_update(None, "foreign_keys", true).map_err(&e)?;
    conn.set_prepared_statement_cache_capacity(64);
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(&e)?;
    if version != SCHEMA_VERSION {
        create(&conn, path)?;
    }
    Ok(conn)
}

/// Switch to WAL unless already in it. SQLite does not wait on its busy handler for a change of journal mode:
/// two runs opening a new index at once (one switching while the other reads the header) got `database is
/// locked`, so a busy switch is retried until the busy timeout.
fn use_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        let r = conn
            .pragma_query_value(None, "journal_mode", |r| r.get::<_, String>(0))
            .and_then(|mode| if mode.eq_ignore_ascii_case("wal") { Ok(()) } else { conn.pragma_update(None, "journal_mode", "WAL") });
        match r {
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::DatabaseBusy && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            r => return r,
        }
    }
}

/// Open an index to read only: `vanban refs`, and an index in a directory one cannot write to.
pub(super) fn open_read_only(path: &Path) -> Result<Connection> {
    if inspect(path)? != Found::Index {
        return Err(CorpusError::NotAnIndex { path: path.to_path_buf(), reason: "no index there".into() });
    }
    let conn = connect_read_only(path).map_err(sql_err(path))?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

/// A read-only connection. A WAL index needs its `-shm` file, which SQLite cannot create in a directory one
/// may not write to: there the file is opened as immutable instead, which is sound because nobody can be
/// writing to it (a writer needs the same directory for its `-wal` file).
fn connect_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match conn.pragma_query_value(None, "schema_version", |r| r.get::<_, i64>(0)) {
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::CannotOpen => {
            Connection::open_with_flags(immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)
        }
        _ => Ok(conn),
    }
}

/// `file:PATH?immutable=1`, the path percent-encoded where a URI needs it (and wherever it is not ASCII).
fn immutable_uri(path: &Path) -> std::path::PathBuf {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut uri = String::from("file:");
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri.into()
}

/// The schema, in one immediate transaction: a second run that raced us here waits for our commit, then
/// finds the schema made (and so does nothing), or finds another application's tables (and refuses).
fn create(conn: &Connection, path: &Path) -> Result<()> {
    let e = sql_err(path);
    let tx = match rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        // Busy past the timeout: the run that raced us made the schema and is now writing documents (it
        // holds its writer lock, which refuses us next with a plain message). Readers never wait in WAL.
        Err(busy) => {
            let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(&e)?;
            return if version == SCHEMA_VERSION { Ok(()) } else { Err(e(busy)) };
        }
    };
    let version: i32 = tx.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(&e)?;
    let tables: i64 =
        tx.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0)).map_err(&e)?;
    if version == SCHEMA_VERSION {
        return tx.commit().map_err(&e);
    }
    if version != 0 || tables > 0 {
        // Written meanwhile by something else: leave it as it is.
        drop(tx);
        return Err(CorpusError::NotAnIndex { path: path.to_path_buf(), reason: "a SQLite database of another application".into() });
    }
    tx.execute_batch(SCHEMA).map_err(&e)?;
    tx.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?1)", [SCHEMA_VERSION.to_string()]).map_err(&e)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(&e)?;
    tx.commit().map_err(&e)
}
