//! The key a file is stored under: its path as the system gave it, bytes and all.
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

/// The path a file is stored under: absolute, symbolic links resolved when they lead to a regular file, kept
/// as the bytes the system gave (a file name that is not UTF-8 is neither mangled nor merged with another).
/// Stored as TEXT when it is UTF-8, else as a BLOB of its bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PathKey(Vec<u8>);

impl PathKey {
    /// The key of a file: canonical when it exists and is a regular file, else absolute (a link to `/dev/zero`
    /// keeps its own name, so that its error row names what was given).
    pub fn of(p: &Path) -> PathKey {
        let abs = match std::fs::canonicalize(p) {
            Ok(c) if std::fs::metadata(&c).is_ok_and(|m| m.is_file()) => c,
            _ => std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()),
        };
        PathKey::from_path(&abs)
    }

    /// A path taken as it is, as a key.
    pub fn from_path(p: &Path) -> PathKey {
        PathKey(os_bytes(p.as_os_str()))
    }

    /// A key from its stored bytes.
    pub fn from_bytes(b: &[u8]) -> PathKey {
        PathKey(b.to_vec())
    }

    /// The path again.
    pub fn to_path(&self) -> PathBuf {
        path_of_bytes(&self.0)
    }

    /// For messages: the path, with `�` for bytes that are not UTF-8.
    pub fn display(&self) -> String {
        String::from_utf8_lossy(&self.0).into_owned()
    }
}

#[cfg(unix)]
fn os_bytes(s: &OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    s.as_bytes().to_vec()
}

#[cfg(unix)]
fn path_of_bytes(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(OsStr::from_bytes(b))
}

// Elsewhere a path is Unicode (Windows: UTF-16, whose unpaired surrogates are too rare to carry).
#[cfg(not(unix))]
fn os_bytes(s: &OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_of_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

impl ToSql for PathKey {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match std::str::from_utf8(&self.0) {
            Ok(s) => ValueRef::Text(s.as_bytes()),
            Err(_) => ValueRef::Blob(&self.0),
        }))
    }
}

impl FromSql for PathKey {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Text(b) | ValueRef::Blob(b) => Ok(PathKey(b.to_vec())),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}
