//! Bytes from a file, within limits: the one place a document file is opened.
//!
//! Only regular files are read (a symbolic link counts as what it points to): a FIFO would block the reader
//! for ever, `/dev/zero` or `/dev/urandom` never end, a socket or a directory holds no document. Whatever a
//! file claims, at most [`MAX_FILE_BYTES`] are read; a larger file is an error naming the limit, read no
//! further. The format readers bound what they inflate or decode in their turn (see [`super::docx`],
//! [`super::pdf`], [`super::read_with`]).
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

use crate::model::error::Error;

/// The largest file read (256 MiB): past it a file is refused, not read. A `.docx` or PDF with its images can
/// be large; the text of any administrative document is far smaller (the readers cap text on their own).
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Read a document file: a regular file of at most [`MAX_FILE_BYTES`]. Errors are [`Error::Io`] naming `path`.
pub fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    read_file_within(path, MAX_FILE_BYTES)
}

/// [`read_file`] with another size limit.
pub fn read_file_within(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let io = |source: io::Error| Error::Io { path: path.to_path_buf(), source };
    // Judged before opening: opening a FIFO for reading waits for a writer, for ever if none comes.
    let meta = std::fs::metadata(path).map_err(io)?;
    if let Some(kind) = not_regular(&meta) {
        return Err(io(io::Error::new(io::ErrorKind::InvalidInput, format!("{kind}, not a regular file: not read"))));
    }
    let file = open_nonblocking(path).map_err(io)?;
    // Judged again on what was opened: the name may have been pointed elsewhere in between.
    let meta = file.metadata().map_err(io)?;
    if let Some(kind) = not_regular(&meta) {
        return Err(io(io::Error::new(io::ErrorKind::InvalidInput, format!("{kind}, not a regular file: not read"))));
    }
    if meta.len() > limit {
        return Err(io(too_large(limit)));
    }
    // The size may grow while we read (a log being written): read one byte past the limit to tell.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(io(too_large(limit)));
    }
    Ok(bytes)
}

fn too_large(limit: u64) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("larger than {} MiB: not read", limit >> 20))
}

/// What a file that is not a regular file is, in words; `None` for a regular file.
pub fn not_regular(meta: &Metadata) -> Option<&'static str> {
    let ty = meta.file_type();
    if ty.is_file() {
        return None;
    }
    if ty.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ty.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if ty.is_char_device() || ty.is_block_device() {
            return Some("a device");
        }
        if ty.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: should the name now be a FIFO, opening returns at once (and the check after it refuses it).
    // It changes nothing for a regular file.
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("vanban-file-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn reason(r: Result<Vec<u8>, Error>) -> String {
        match r {
            Err(e @ Error::Io { .. }) => e.to_string(),
            other => panic!("expected an Io error, got {other:?}"),
        }
    }

    #[test]
    fn a_regular_file_is_read_whole() {
        let d = scratch("regular");
        std::fs::write(d.join("a.md"), b"abc").unwrap();
        assert_eq!(read_file(&d.join("a.md")).unwrap(), b"abc");
    }

    #[test]
    fn a_directory_or_a_device_is_refused_unread() {
        let d = scratch("special");
        assert!(reason(read_file(&d)).contains("a directory, not a regular file"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/dev/zero", d.join("zero.md")).unwrap();
            let msg = reason(read_file(&d.join("zero.md")));
            assert!(msg.contains("zero.md") && msg.contains("a device, not a regular file"), "{msg}");
        }
    }

    #[test]
    fn a_file_past_the_limit_is_refused() {
        let d = scratch("large");
        std::fs::write(d.join("big.txt"), vec![b'a'; 3000]).unwrap();
        assert_eq!(read_file_within(&d.join("big.txt"), 3000).unwrap().len(), 3000);
        let msg = reason(read_file_within(&d.join("big.txt"), 2999));
        assert!(msg.contains("larger than 0 MiB: not read"), "{msg}");
    }
}
