//! Print the annotation JSON of each file (the Rust twin of `vanban annotate`, for development).

// the allocator of the Python extension (src/lib.rs), so that the benchmarks measure what users run
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        match vanban::parse_file(&path) {
            Ok(doc) => println!("{}", doc.annotation_json(Some(&path))),
            Err(e) => {
                eprintln!("annotate: {e}");
                failed = true;
            }
        }
    }
    std::process::exit(failed as i32);
}
