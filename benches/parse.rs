//! `cargo bench --bench parse`: throughput of `vanban::parse` (text already in memory; no I/O) on
//! (a) the seed sample, (b) every vendored corpus .md/.txt document in turn, (c) the largest corpus document.
//! Criterion reports MB/s from `Throughput::Bytes`. Sample size and times are kept small so the whole run takes
//! well under two minutes.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

mod common;
use common::{corpus, root};

/// A document's text as `parse_file` reads it (UTF-8, BOM stripped).
fn read_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn bench_parse(c: &mut Criterion) {
    let seed = read_text(&root().join("samples/seed-kh-langson-2022.txt"));
    let docs = corpus(read_text);
    let total: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let (largest_path, largest) = docs.iter().max_by_key(|(_, t)| t.len()).expect("a non-empty corpus");
    let largest_name = largest_path.file_name().unwrap().to_string_lossy().into_owned();

    let mut g = c.benchmark_group("seed");
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function(format!("seed-kh-langson-2022.txt ({} B)", seed.len()), |b| b.iter(|| vanban::parse(black_box(&seed))));
    g.finish();

    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function(format!("{} docs ({} B)", docs.len(), total), |b| {
        b.iter(|| {
            for (_, text) in &docs {
                black_box(vanban::parse(black_box(text)));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("largest");
    g.throughput(Throughput::Bytes(largest.len() as u64));
    g.bench_function(format!("{largest_name} ({} B)", largest.len()), |b| b.iter(|| vanban::parse(black_box(largest))));
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::quick(Duration::from_secs(4));
    targets = bench_parse
}
criterion_main!(benches);
