//! Many files at once: read and parsed in parallel on a pool of worker threads, the results handed back one at
//! a time, **in input order**.
//!
//! ```no_run
//! use vanban::batch::{parse_many, BatchOptions};
//! for r in parse_many(["docs/", "extra/x.md"], BatchOptions { workers: Some(2), ..Default::default() })? {
//!     match r.result {
//!         Ok(doc) => println!("{}", doc.annotation_json(Some(&r.path.to_string_lossy()))),
//!         Err(e) => eprintln!("vanban: {e}"), // the message names the file
//!     }
//! }
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Memory stays bounded however many files there are: at most `window` files (8 × workers by default) are
//! read, parsed or waiting to be taken at any time; the next file is only started when a result is taken.
//! Input order (not completion order) keeps output deterministic, so JSON Lines from one run diff cleanly
//! against another; the cost is that a slow file holds back the results behind it, which the window absorbs.
//!
//! Directories are expanded ([`Expand`]): the files with a [`DOCUMENT_EXTENSIONS`] extension below them,
//! recursively, in sorted order. A file named explicitly is parsed whatever its extension.
//!
//! One file never stops the batch: a file that cannot be read or parsed gives an `Err` naming it, and a panic
//! while parsing it is caught and becomes [`Error::Internal`] for that file.
use std::collections::VecDeque;
use std::ffi::OsString;
use std::fs;
use std::io::{self, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::model::{Document, Error};
use crate::read::ReadOptions;

/// The extensions (lower case) of the files a directory contributes to a batch: the formats
/// [`crate::pipeline::parse_bytes`] reads or names in its errors.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["txt", "md", "htm", "html", "docx", "pdf"];

/// Files whose extension marks a document, compared case-insensitively (`QD.TXT`).
pub fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENT_EXTENSIONS.iter().any(|d| d.eq_ignore_ascii_case(e)))
}

/// The default window per worker. Results come in order, so a large file at the head holds back the others'
/// results; the window lets the other workers run on meanwhile. Simulated over the bench archive's file sizes
/// (median 7.6 KB, 1% over 130 KB, up to 809 KB), two workers taken from at once reach 1.73x one worker with a
/// window of 2 per worker, 1.89x with 4, 1.98x with 8; the memory cost is a few more documents in flight.
const WINDOW_PER_WORKER: usize = 8;

/// How a batch runs.
#[derive(Clone, Debug, Default)]
pub struct BatchOptions {
    /// Worker threads; `None`: one per core. More than the machine's cores is taken as one per core (parsing
    /// is CPU-bound: more threads only cost memory); `Some(0)` is refused by [`Pipeline::new`].
    pub workers: Option<usize>,
    /// The most files in flight (being read or parsed, or parsed and waiting to be taken); `None`: 8 × workers.
    /// Bounds memory, and how far a slow file can be overtaken.
    pub window: Option<usize>,
    /// How [`parse_many`] reads each file: the format and/or encoding given instead of detected.
    pub read: ReadOptions,
}

/// The machine's cores: the most workers a batch runs.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

impl BatchOptions {
    /// The worker threads this batch runs: `workers` clamped to [1, cores], one per core by default.
    pub fn workers(&self) -> usize {
        self.workers.unwrap_or(usize::MAX).clamp(1, cores())
    }
    pub fn window(&self) -> usize {
        self.window.unwrap_or(WINDOW_PER_WORKER * self.workers()).max(1)
    }
    /// `Some(0)` workers: an error saying so (a caller's mistake, not a request for a default).
    fn check(&self) -> io::Result<()> {
        match self.workers {
            Some(0) => Err(io::Error::new(io::ErrorKind::InvalidInput, "workers must be at least 1, not 0")),
            _ => Ok(()),
        }
    }
}

/// One file's outcome.
#[derive(Debug)]
pub struct BatchResult<T = Document> {
    /// The file, as given or as found under a directory given.
    pub path: PathBuf,
    /// How many bytes were read from it (0 when it could not be read).
    pub bytes: u64,
    /// The document, or why there is none; an error always names `path`.
    pub result: Result<T, Error>,
}

/// What a worker does with one file: read it (or not) and make a `T`, saying how many bytes it read.
type Work<T> = dyn Fn(&Path) -> (u64, Result<T, Error>) + Send + Sync;

/// A file queued for the workers, and where its result goes.
type Job<T> = (PathBuf, SyncSender<BatchResult<T>>);

enum Slot<T> {
    Running(PathBuf, Receiver<BatchResult<T>>),
    Ready(BatchResult<T>),
}

/// What a pipeline's runners share: its queue of files not started, how many runners are out, the work.
struct Shared<T> {
    queue: Mutex<Queue<T>>,
    work: Box<Work<T>>,
    /// The most runners at once: the batch's workers.
    limit: usize,
}

struct Queue<T> {
    jobs: VecDeque<Job<T>>,
    runners: usize,
}

/// The engine under [`parse_many`] and the index, for callers that produce paths themselves (the Python
/// binding pulls them from a Python iterator between results): [`submit`](Pipeline::submit) files while it is
/// not [`full`](Pipeline::is_full), take results with [`next_result`](Pipeline::next_result), in submission
/// order. The work (a file to `T`) runs on the process's worker pool, at most `workers` files at a time.
pub struct Pipeline<T> {
    shared: Arc<Shared<T>>,
    pending: VecDeque<Slot<T>>,
    window: usize,
}

/// What [`Pipeline::next_result_within`] found.
pub enum Next<T> {
    /// The oldest file's result.
    Ready(BatchResult<T>),
    /// The oldest file is not done yet.
    Waiting,
    /// Nothing is pending.
    Empty,
}

impl<T: Send + 'static> Pipeline<T> {
    /// `work` run on each file's bytes (the file read by the pipeline, see [`crate::read::file`]) by
    /// `options.workers()` threads at a time. Fails when `workers` is `Some(0)` or the threads cannot be started.
    pub fn new(
        options: &BatchOptions,
        work: impl Fn(&[u8]) -> Result<T, Error> + Send + Sync + 'static,
    ) -> io::Result<Pipeline<T>> {
        Pipeline::on_paths(options, move |path: &Path| match crate::read::file::read_file(path) {
            Ok(bytes) => (bytes.len() as u64, work(&bytes).map_err(|e| e.with_path(path))),
            Err(e) => (0, Err(e)),
        })
    }

    /// `work` run on each file's path: for work that decides itself whether and how to read the file (the
    /// index skips unchanged files unread). `work` reports how many bytes it read; its errors should name the
    /// file. A panic in it is caught, as for [`Pipeline::new`].
    pub fn on_paths(
        options: &BatchOptions,
        work: impl Fn(&Path) -> (u64, Result<T, Error>) + Send + Sync + 'static,
    ) -> io::Result<Pipeline<T>> {
        options.check()?;
        pool()?;
        let queue = Mutex::new(Queue { jobs: VecDeque::new(), runners: 0 });
        let shared = Arc::new(Shared { queue, work: Box::new(work), limit: options.workers() });
        Ok(Pipeline { shared, pending: VecDeque::new(), window: options.window() })
    }

    /// Whether the window is full: take a result before submitting more (submitting anyway works, but memory
    /// is then no longer bounded by the window).
    pub fn is_full(&self) -> bool {
        self.pending.len() >= self.window
    }

    /// Files submitted and not yet taken.
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Queue a file: it is read and worked on the pool.
    pub fn submit(&mut self, path: PathBuf) {
        // One channel per file: its result waits there until its turn, so order costs no reorder buffer.
        let (tx, rx) = sync_channel(1);
        self.pending.push_back(Slot::Running(path.clone(), rx));
        let start = {
            let mut q = self.shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
            q.jobs.push_back((path, tx));
            let start = q.runners < self.shared.limit;
            q.runners += start as usize;
            start
        };
        if start {
            spawn_runner(Arc::clone(&self.shared));
        }
    }

    /// Queue an outcome known already (a directory that cannot be listed), to come out in its turn.
    pub fn push_failed(&mut self, path: PathBuf, error: Error) {
        self.pending.push_back(Slot::Ready(BatchResult { path, bytes: 0, result: Err(error) }));
    }

    /// The oldest file's result, waiting for it if need be; `None` when nothing is pending.
    pub fn next_result(&mut self) -> Option<BatchResult<T>> {
        loop {
            match self.next_result_within(Duration::from_secs(3600)) {
                Next::Ready(r) => return Some(r),
                Next::Empty => return None,
                Next::Waiting => {}
            }
        }
    }

    /// The oldest file's result if it comes within `timeout`: lets a caller do other things (commit, look
    /// for Ctrl-C) while a slow file is worked.
    pub fn next_result_within(&mut self, timeout: Duration) -> Next<T> {
        let Some(slot) = self.pending.pop_front() else { return Next::Empty };
        match slot {
            Slot::Ready(r) => Next::Ready(r),
            Slot::Running(path, rx) => match rx.recv_timeout(timeout) {
                Ok(r) => Next::Ready(r),
                Err(RecvTimeoutError::Timeout) => {
                    self.pending.push_front(Slot::Running(path, rx));
                    Next::Waiting
                }
                Err(RecvTimeoutError::Disconnected) => {
                    // The job ended without sending: cannot happen while `run` catches panics; still, no hang.
                    let error = Error::Internal { path: Some(path.clone()), message: "the worker stopped".into() };
                    Next::Ready(BatchResult { path, bytes: 0, result: Err(error) })
                }
            },
        }
    }
}

/// A runner takes one file off its pipeline's queue and works it on the pool, then goes to the back of the
/// pool's queue for the next one (so that batches running at once share the threads), or retires when its
/// queue is empty. A pipeline has at most `workers` runners out: that is its parallelism.
fn spawn_runner<T: Send + 'static>(shared: Arc<Shared<T>>) {
    // `pool()` succeeded when the pipeline was made, and the pool is never dropped.
    let Ok(pool) = pool() else { return };
    pool.spawn_fifo(move || {
        let job = {
            let mut q = shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
            let job = q.jobs.pop_front();
            if job.is_none() {
                q.runners -= 1;
            }
            job
        };
        let Some((path, tx)) = job else { return };
        // Fails only when the pipeline was dropped meanwhile: nobody wants the result.
        let _ = tx.send(run(path, &*shared.work));
        spawn_runner(shared);
    });
}

/// The process's worker pool: one thread per core, made on first use and kept, shared by every batch (a
/// batch's `workers` bounds how many of its files run at once, not how many threads exist). Kept because the
/// parser's per-thread state stays with a fixed set of threads: each regex keeps a match cache per thread that
/// used it, and a fresh pool per batch gave fresh threads that filled another slot each time (+8 MB of caches
/// per batch, up to eight batches). Shared, so that many batches with many worker counts never make more
/// threads than cores.
fn pool() -> io::Result<&'static rayon::ThreadPool> {
    static POOL: Mutex<Option<&'static rayon::ThreadPool>> = Mutex::new(None);
    let mut pool = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(p) = *pool {
        return Ok(p);
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(cores())
        .thread_name(|i| format!("vanban-worker-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let p: &'static rayon::ThreadPool = Box::leak(Box::new(p));
    *pool = Some(p);
    Ok(p)
}

impl<T> Drop for Pipeline<T> {
    /// Files queued and not started are dropped, not worked for nobody (the pool is shared with later batches).
    fn drop(&mut self) {
        self.shared.queue.lock().unwrap_or_else(PoisonError::into_inner).jobs.clear();
    }
}

/// Work one file on a worker thread; a panic becomes [`Error::Internal`] naming the file.
fn run<T>(path: PathBuf, work: &Work<T>) -> BatchResult<T> {
    match catch_unwind(AssertUnwindSafe(|| work(&path))) {
        Ok((bytes, result)) => BatchResult { path, bytes, result },
        Err(payload) => {
            let error = Error::Internal { path: Some(path.clone()), message: panic_message(&*payload) };
            BatchResult { path, bytes: 0, result: Err(error) }
        }
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        format!("panic: {s}")
    } else if let Some(s) = payload.downcast_ref::<String>() {
        format!("panic: {s}")
    } else {
        "panic".to_string()
    }
}

/// Paths to files: a file as given, a directory as the document files below it.
///
/// [`push`](Expand::push) a path, then take [`next`](Iterator::next) until `None`. A directory is walked
/// depth first, each directory's entries sorted by name (as bytes: a name that is not UTF-8 is kept as it
/// is); only entries with a [`DOCUMENT_EXTENSIONS`] extension are kept; hidden entries (`.git`, `._x.md`) and
/// symbolic links to directories (loops) are skipped. A directory that cannot be listed, or that holds no document at all, gives an `Err` naming it.
/// Memory: the listings of the directories on the current path, never the whole tree.
#[derive(Default)]
pub struct Expand {
    /// The directory given and whether it gave a file yet.
    root: Option<(PathBuf, bool)>,
    /// Listings being walked, innermost last.
    stack: Vec<std::vec::IntoIter<(PathBuf, bool)>>,
    /// A path given that is not a directory: the next to come out.
    file: Option<PathBuf>,
}

impl Expand {
    /// Start on a new path; call once the previous one is drained.
    pub fn push(&mut self, path: PathBuf) {
        debug_assert!(self.root.is_none() && self.file.is_none(), "push() before the previous path was drained");
        // A directory named on purpose is followed even when it is a link.
        if path.is_dir() {
            self.stack.push(vec![(path.clone(), true)].into_iter());
            self.root = Some((path, false));
        } else {
            self.file = Some(path);
        }
    }

    /// How many files `paths` expand to (errors not counted), walking without keeping the files.
    pub fn count<P: Into<PathBuf>>(paths: impl IntoIterator<Item = P>) -> u64 {
        let mut n = 0;
        let mut expand = Expand::default();
        for p in paths {
            expand.push(p.into());
            n += expand.by_ref().filter(Result::is_ok).count() as u64;
        }
        n
    }
}

impl Iterator for Expand {
    type Item = Result<PathBuf, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(p) = self.file.take() {
            return Some(Ok(p));
        }
        loop {
            let Some(top) = self.stack.last_mut() else {
                let (root, found) = self.root.take()?;
                if found {
                    return None;
                }
                let source = io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("no document files (.{}) in this directory", DOCUMENT_EXTENSIONS.join(", .")),
                );
                return Some(Err(Error::Io { path: root, source }));
            };
            match top.next() {
                None => {
                    self.stack.pop();
                }
                Some((dir, true)) => match list(&dir) {
                    Ok(entries) => self.stack.push(entries.into_iter()),
                    Err(source) => {
                        // Reported: the tree does not also need a "no documents" error.
                        if let Some((_, reported)) = &mut self.root {
                            *reported = true;
                        }
                        return Some(Err(Error::Io { path: dir, source }));
                    }
                },
                Some((file, false)) => {
                    if let Some((_, found)) = &mut self.root {
                        *found = true;
                    }
                    return Some(Ok(file));
                }
            }
        }
    }
}

/// A directory's documents and subdirectories, sorted by name; `true` marks a directory.
fn list(dir: &Path) -> io::Result<Vec<(PathBuf, bool)>> {
    let mut entries: Vec<(OsString, PathBuf, bool)> = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        let ty = entry.file_type()?;
        let is_dir = ty.is_dir();
        // A link to a directory is not followed (it could loop). Anything else with a document's name is kept,
        // whatever it is: a link to a file counts as the file, and a FIFO, a device or a dangling link named
        // `x.md` is refused when read, an error line rather than a file silently left out.
        if is_dir || (is_document(&path) && !(ty.is_symlink() && path.is_dir())) {
            entries.push((name, path, is_dir));
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(entries.into_iter().map(|(_, p, d)| (p, d)).collect())
}

/// Parse many files in parallel: see the [module docs](self). `paths` may name files and directories and is
/// consumed lazily (a path is taken only when the window has room). Fails only when the worker threads
/// cannot be started.
pub fn parse_many<I>(paths: I, options: BatchOptions) -> io::Result<ParseMany<I::IntoIter>>
where
    I: IntoIterator,
    I::Item: Into<PathBuf>,
{
    let read = options.read;
    let pipeline = Pipeline::new(&options, move |bytes: &[u8]| crate::pipeline::parse_bytes_with(bytes, &read))?;
    Ok(ParseMany { input: paths.into_iter(), expand: Expand::default(), pipeline })
}

/// The iterator [`parse_many`] returns.
pub struct ParseMany<I> {
    input: I,
    expand: Expand,
    pipeline: Pipeline<Document>,
}

impl<I> Iterator for ParseMany<I>
where
    I: Iterator,
    I::Item: Into<PathBuf>,
{
    type Item = BatchResult<Document>;

    fn next(&mut self) -> Option<BatchResult<Document>> {
        while !self.pipeline.is_full() {
            match self.expand.next() {
                Some(Ok(path)) => self.pipeline.submit(path),
                Some(Err(e)) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_default();
                    self.pipeline.push_failed(path, e);
                }
                None => match self.input.next() {
                    Some(p) => self.expand.push(p.into()),
                    None => break,
                },
            }
        }
        self.pipeline.next_result()
    }
}

/// A progress line on stderr for a batch: files done (of how many, when known), files/s, MB/s, failures, and
/// the time left. On a terminal one line is redrawn in place (at most 10 times a second); otherwise (a log
/// file) a plain line every 10 seconds. [`finish`](Progress::finish) prints the summary.
pub struct Progress {
    total: Option<u64>,
    done: u64,
    failed: u64,
    bytes: u64,
    start: Instant,
    last: Option<Instant>,
    tty: bool,
    /// A partial line is on the terminal.
    shown: bool,
    finished: bool,
}

impl Progress {
    /// Progress over `total` files (`None`: unknown, no bar nor time left).
    pub fn new(total: Option<u64>) -> Progress {
        let tty = io::stderr().is_terminal();
        Progress { total, done: 0, failed: 0, bytes: 0, start: Instant::now(), last: None, tty, shown: false, finished: false }
    }

    pub fn done(&self) -> u64 {
        self.done
    }
    pub fn failed(&self) -> u64 {
        self.failed
    }
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Count one file's result and redraw if it is time.
    pub fn record<T>(&mut self, r: &BatchResult<T>) {
        self.tally(r.bytes, r.result.is_err());
    }

    /// Count one file (`bytes` read; whether it failed) and redraw if it is time.
    pub fn tally(&mut self, bytes: u64, failed: bool) {
        self.done += 1;
        self.bytes += bytes;
        self.failed += failed as u64;
        let every = Duration::from_millis(if self.tty { 100 } else { 10_000 });
        let due = match self.last {
            // A terminal shows the line at once; a log gets its first line after `every`, not one per file.
            None => self.tty || self.start.elapsed() >= every,
            // Redrawn at once after a clear().
            Some(t) => t.elapsed() >= every || (self.tty && !self.shown),
        };
        if due {
            self.draw();
        }
    }

    /// Erase the line, so that what comes next on stderr starts a clean line; it is redrawn at the next record.
    pub fn clear(&mut self) {
        if self.tty && self.shown {
            let _ = write!(io::stderr().lock(), "\r\x1b[K");
            self.shown = false;
        }
    }

    /// The summary line (once).
    pub fn finish(&mut self) {
        if self.finished {
            return;
        }
        self.finished = true;
        self.clear();
        let secs = self.start.elapsed().as_secs_f64();
        let line = format!(
            "vanban: {} files ({:.1} MB) in {:.1} s: {:.0} files/s, {:.1} MB/s; {} failed\n",
            self.done,
            self.bytes as f64 / 1e6,
            secs,
            self.done as f64 / secs.max(1e-9),
            self.bytes as f64 / 1e6 / secs.max(1e-9),
            self.failed
        );
        let _ = io::stderr().lock().write_all(line.as_bytes());
    }

    fn draw(&mut self) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let rate = self.done as f64 / secs;
        let mut line = String::from("vanban: ");
        match self.total {
            Some(total) if total > 0 => {
                let frac = (self.done as f64 / total as f64).min(1.0);
                let filled = (frac * 24.0).round() as usize;
                let left = total.saturating_sub(self.done) as f64 / rate.max(1e-9);
                line += &format!(
                    "[{}{}] {}/{} files {:3.0}% | ",
                    "#".repeat(filled),
                    ".".repeat(24 - filled),
                    self.done,
                    total,
                    frac * 100.0
                );
                line += &format!("{rate:.0} files/s, {:.1} MB/s | {} failed | ", self.bytes as f64 / 1e6 / secs, self.failed);
                line += &format!("{} left", clock(left));
            }
            _ => {
                line += &format!(
                    "{} files | {rate:.0} files/s, {:.1} MB/s | {} failed | {}",
                    self.done,
                    self.bytes as f64 / 1e6 / secs,
                    self.failed,
                    clock(secs)
                );
            }
        }
        let mut err = io::stderr().lock();
        let _ = if self.tty { write!(err, "\r\x1b[K{line}") } else { writeln!(err, "{line}") };
        let _ = err.flush();
        self.shown = self.tty;
        self.last = Some(Instant::now());
    }
}

impl Drop for Progress {
    /// A batch dropped half way leaves no half line behind.
    fn drop(&mut self) {
        self.clear();
    }
}

/// Seconds as `m:ss` (or `h:mm:ss`).
fn clock(secs: f64) -> String {
    let s = secs.round() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &[u8])]) -> tempdir::Dir {
        let dir = tempdir::Dir::new();
        for (name, data) in files {
            let p = dir.0.join(name);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, data).unwrap();
        }
        dir
    }

    /// A throwaway directory under the system temp dir, removed on drop (no crate needed for this).
    mod tempdir {
        use std::path::PathBuf;
        use std::sync::atomic::{AtomicUsize, Ordering};
        pub struct Dir(pub PathBuf);
        impl Dir {
            pub fn new() -> Dir {
                static N: AtomicUsize = AtomicUsize::new(0);
                let n = N.fetch_add(1, Ordering::Relaxed);
                let p = std::env::temp_dir().join(format!("vanban-batch-{}-{n}", std::process::id()));
                let _ = std::fs::remove_dir_all(&p);
                std::fs::create_dir_all(&p).unwrap();
                Dir(p)
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    fn names(dir: &Path, paths: impl Iterator<Item = Result<PathBuf, Error>>) -> Vec<String> {
        paths
            .map(|r| match r {
                Ok(p) => p.strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                Err(e) => format!("error: {e}"),
            })
            .collect()
    }

    #[test]
    fn directories_expand_to_their_documents_sorted_depth_first() {
        let d = tree(&[
            ("b.md", b"x"),
            ("a/z.TXT", b"x"),
            ("a/notes.json", b"x"),
            ("a/sub/y.htm", b"x"),
            ("c.pdf", b"x"),
            (".hidden/x.md", b"x"),
            ("._x.md", b"x"),
        ]);
        let mut e = Expand::default();
        e.push(d.0.clone());
        assert_eq!(names(&d.0, e.by_ref()), ["a/sub/y.htm", "a/z.TXT", "b.md", "c.pdf"]);
        assert_eq!(Expand::count([d.0.clone()]), 4);
    }

    #[test]
    fn a_file_named_is_kept_whatever_its_extension_or_existence() {
        let mut e = Expand::default();
        e.push(PathBuf::from("/nonexistent/notes.json"));
        assert_eq!(e.next().unwrap().unwrap(), PathBuf::from("/nonexistent/notes.json"));
        assert!(e.next().is_none());
    }

    #[test]
    fn a_directory_without_documents_is_an_error_naming_it() {
        let d = tree(&[("notes.json", b"x")]);
        let mut e = Expand::default();
        e.push(d.0.clone());
        let err = e.next().unwrap().unwrap_err();
        assert_eq!(err.path(), Some(d.0.as_path()));
        assert!(err.to_string().contains("no document files"), "{err}");
        assert!(e.next().is_none());
    }

    #[test]
    fn results_come_in_input_order_with_errors_naming_their_file() {
        let d = tree(&[("1.txt", b"QUY\xE1\xBA\xBET \xC4\x90\xE1\xBB\x8ANH\n\n\xC4\x90i\xE1\xBB\x81u 1. A\n"), ("2.txt", b"\0\0bin"), ("3.txt", b"  \n")]);
        let mut paths: Vec<PathBuf> = Vec::new();
        for i in 0..40 {
            paths.push(d.0.join(["1.txt", "2.txt", "3.txt", "missing.txt"][i % 4]));
        }
        let opts = BatchOptions { workers: Some(2), window: Some(3), ..Default::default() };
        let results: Vec<_> = parse_many(paths.clone(), opts).unwrap().collect();
        assert_eq!(results.iter().map(|r| r.path.clone()).collect::<Vec<_>>(), paths);
        for (i, r) in results.iter().enumerate() {
            match (i % 4, &r.result) {
                (0, Ok(doc)) => assert!(doc.text.starts_with("QUYẾT")),
                (1, Err(e @ Error::Decode { .. })) | (2, Err(e @ Error::Empty { .. })) | (3, Err(e @ Error::Io { .. })) => {
                    assert_eq!(e.path(), Some(r.path.as_path()));
                    assert!(e.to_string().starts_with(&r.path.display().to_string()), "{e}");
                }
                (_, other) => panic!("{i}: unexpected {other:?}"),
            }
        }
    }

    #[test]
    fn a_panic_in_one_file_is_an_error_for_that_file_and_the_rest_go_on() {
        let d = tree(&[("a.txt", b"fine"), ("boom.txt", b"boom"), ("c.txt", b"fine too")]);
        let opts = BatchOptions { workers: Some(2), ..Default::default() };
        let mut p = Pipeline::new(&opts, |bytes: &[u8]| {
            assert!(bytes != b"boom", "the parser tripped");
            Ok(bytes.len())
        })
        .unwrap();
        for name in ["a.txt", "boom.txt", "c.txt"] {
            p.submit(d.0.join(name));
        }
        let got: Vec<_> = std::iter::from_fn(|| p.next_result()).collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].result.as_ref().unwrap(), &4);
        match &got[1].result {
            Err(e @ Error::Internal { path, message }) => {
                assert_eq!(path.as_deref(), Some(d.0.join("boom.txt").as_path()));
                assert!(message.contains("the parser tripped"), "{message}");
                assert!(e.to_string().contains("internal error"), "{e}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(got[2].result.as_ref().unwrap(), &8);
    }

    #[test]
    fn files_queued_by_a_dropped_batch_are_not_worked() {
        let d = tree(&[("a.txt", b"x")]);
        let worked = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&worked);
        let opts = BatchOptions { workers: Some(2), window: Some(1000), ..Default::default() };
        let mut p = Pipeline::new(&opts, move |_: &[u8]| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(20));
            Ok(())
        })
        .unwrap();
        for _ in 0..200 {
            p.submit(d.0.join("a.txt"));
        }
        assert!(p.next_result().unwrap().result.is_ok());
        drop(p);
        // Those already started (at most one per worker) finish; the rest are dropped unworked. (Worked, 50
        // more would be done by then: 500 ms / 20 ms x 2 workers, fewer when other tests share the pool.)
        std::thread::sleep(Duration::from_millis(500));
        let n = worked.load(std::sync::atomic::Ordering::SeqCst);
        assert!(n <= 4, "{n} of 200 files worked after the batch was dropped");
    }

    #[test]
    fn paths_are_taken_from_the_input_only_as_the_window_allows() {
        let d = tree(&[("a.txt", b"V\xC4\x83n b\xe1\xba\xa3n\n")]);
        let taken = std::cell::Cell::new(0);
        let input = (0..1000).map(|_| {
            taken.set(taken.get() + 1);
            d.0.join("a.txt")
        });
        let mut it = parse_many(input, BatchOptions { workers: Some(1), window: Some(5), ..Default::default() }).unwrap();
        assert!(it.next().unwrap().result.is_ok());
        assert_eq!(taken.get(), 5);
        assert_eq!(it.count(), 999);
    }
}
