//! What the Criterion benches share (`mod common;`): the vendored corpus and the quick configuration.
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The vendored corpus documents (.md, .txt; .htm is not read yet), sorted by name, each with what `read`
/// makes of its file.
pub fn corpus<T>(read: impl Fn(&Path) -> T) -> Vec<(PathBuf, T)> {
    let dir = root().join("tests/fixtures/corpus/docs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .collect();
    files.sort();
    files.into_iter().map(|p| { let t = read(&p); (p, t) }).collect()
}

/// Small samples and short times (`measurement` per bench), so that a whole run takes a minute or two.
pub fn quick(measurement: Duration) -> Criterion {
    Criterion::default().sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(measurement)
}
