//! Print the annotation JSON of each file (the Rust twin of `vanban annotate`, for development).
use std::io::Write;

// the allocator of the Python extension (src/lib.rs), so that the benchmarks measure what users run
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    vanban::tune_allocator();
    let mut failed = false;
    // one write per buffer of lines, not per document (stdout is line-buffered)
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for path in std::env::args().skip(1) {
        match vanban::parse_file(&path) {
            Ok(doc) => writeln!(out, "{}", doc.annotation_json(Some(&path))).expect("stdout is writable"),
            Err(e) => {
                out.flush().expect("stdout is writable");
                eprintln!("annotate: {e}");
                failed = true;
            }
        }
    }
    out.flush().expect("stdout is writable");
    std::process::exit(failed as i32);
}
