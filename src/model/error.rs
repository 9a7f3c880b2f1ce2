//! Errors for input that cannot be read as a document.
use std::fmt;
use std::path::PathBuf;

/// Why an input could not be parsed.
#[derive(Debug)]
pub enum Error {
    /// The file could not be read.
    Io { path: PathBuf, source: std::io::Error },
    /// The bytes are not text in an encoding we read (binary, invalid UTF-8 without a known legacy encoding).
    Decode { path: Option<PathBuf>, reason: String },
    /// The input is readable but is not a document (empty, or only whitespace).
    Empty { path: Option<PathBuf> },
    /// The parser panicked on this input: a bug in vanban. Only a batch (the index stage's batch engine) catches panics and
    /// reports them so, one file's bug never stopping the others.
    Internal { path: Option<PathBuf>, message: String },
}

impl Error {
    /// The same error, naming the file it came from.
    pub fn with_path(self, p: impl Into<PathBuf>) -> Error {
        let p = p.into();
        match self {
            Error::Decode { reason, .. } => Error::Decode { path: Some(p), reason },
            Error::Empty { .. } => Error::Empty { path: Some(p) },
            Error::Internal { message, .. } => Error::Internal { path: Some(p), message },
            e @ Error::Io { .. } => e,
        }
    }

    /// The file the error is about, when known.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::Io { path, .. } => Some(path),
            Error::Decode { path, .. } | Error::Empty { path } | Error::Internal { path, .. } => path.as_deref(),
        }
    }
}

fn name(p: &Option<PathBuf>) -> String {
    p.as_ref().map(|p| format!("{}: ", p.display())).unwrap_or_default()
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: cannot read: {}", path.display(), source),
            Error::Decode { path, reason } => write!(f, "{}cannot decode: {}", name(path), reason),
            Error::Empty { path } => write!(f, "{}no text: the input is empty", name(path)),
            Error::Internal { path, message } => {
                write!(f, "{}internal error (a bug in vanban, please report it): {}", name(path), message)
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
