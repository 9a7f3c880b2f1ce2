//! Where the PDF library runs: a thread of its own with a large, bounded stack, its panics caught there without
//! reaching the panic hook.
//!
//! A stack overflow cannot be caught: it ends the process. So the input is checked first (see
//! [`super::check`]: page tree, form nesting, sizes) so that no recursion of the library can go deep, and the
//! thread's stack is far larger than what the checked depths need, whatever stack the caller's thread has (a
//! Python thread's, a worker's).
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::model::error::Error;
use crate::read::input::decode_error;

/// The PDF thread's stack: room for the library's recursion at the depths [`super::check`] allows, with a
/// wide margin. Reserved address space; only the pages touched are memory.
const STACK: usize = 64 << 20;

/// Run `f` on the PDF thread and wait for it; a panic in it is a decode error ("a damaged PDF").
pub(super) fn run<T: Send>(f: impl FnOnce() -> Result<T, Error> + Send) -> Result<T, Error> {
    std::thread::scope(|s| {
        let thread = std::thread::Builder::new()
            .name("vanban-pdf".into())
            .stack_size(STACK)
            .spawn_scoped(s, || quietly(|| catch_unwind(AssertUnwindSafe(f))));
        match thread {
            Err(e) => Err(decode_error(format!("the PDF reader could not start: {e}"))),
            Ok(handle) => match handle.join() {
                Ok(Ok(result)) => result,
                Ok(Err(_)) | Err(_) => Err(decode_error("a damaged PDF: the text layer could not be read")),
            },
        }
    })
}

thread_local! {
    /// Set while this thread runs the PDF library, whose panics on damaged files are caught and reported.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f` with the panic hook silenced for this thread only: a panic the PDF library raises on a damaged file
/// is caught (see [`run`]) and becomes a `DecodeError`, so it must neither print a backtrace nor reach a hook
/// that aborts (libFuzzer's does). Other threads' panics, and ours outside `f`, go to the hook as before.
fn quietly<T>(f: impl FnOnce() -> T) -> T {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            QUIET.with(|q| q.set(false));
        }
    }
    let _reset = Reset;
    f()
}
