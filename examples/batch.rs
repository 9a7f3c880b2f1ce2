//! Batch throughput without Python: `cargo run --release --example batch -- DIR [WORKERS...]` parses every
//! document under DIR with `vanban::batch::parse_many` once per worker count (default 1 and 2) and prints
//! files/s, MB/s, CPU use (CPU seconds / wall seconds), the failures by kind, and the peak RSS (VmHWM).
use std::collections::BTreeMap;
use std::time::Instant;

use vanban::batch::{parse_many, BatchOptions};

/// User + system CPU seconds of this process (Linux: /proc/self/stat, in clock ticks of 1/100 s).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start at state, field 3; utime, stime are 14, 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest.split_whitespace().filter_map(|x| x.parse().ok()).collect();
    f.get(10).zip(f.get(11)).map_or(f64::NAN, |(u, s)| (u + s) / 100.0)
}

/// A memory figure of this process from /proc/self/status (`VmHWM`: peak RSS; `VmRSS`: RSS now), in MB.
fn status_mb(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: batch DIR [WORKERS...]");
        std::process::exit(2);
    };
    let mut counts: Vec<usize> = args.filter_map(|a| a.parse().ok()).collect();
    if counts.is_empty() {
        counts = vec![1, 2];
    }
    let mut base = None;
    for workers in counts {
        let opts = BatchOptions { workers: Some(workers), ..Default::default() };
        let (t0, c0) = (Instant::now(), cpu_seconds());
        let (mut files, mut bytes, mut items) = (0u64, 0u64, 0usize);
        let mut failures: BTreeMap<&'static str, u64> = BTreeMap::new();
        for r in parse_many([&dir], opts).expect("worker threads") {
            files += 1;
            bytes += r.bytes;
            match r.result {
                Ok(doc) => items += doc.outline().count(),
                Err(e) => {
                    let kind = match e {
                        vanban::Error::Io { .. } => "io",
                        vanban::Error::Decode { .. } => "decode",
                        vanban::Error::Empty { .. } => "empty",
                        vanban::Error::Internal { .. } => "internal",
                    };
                    *failures.entry(kind).or_default() += 1;
                }
            }
        }
        let secs = t0.elapsed().as_secs_f64();
        let rate = files as f64 / secs;
        let speed = *base.get_or_insert(rate);
        println!(
            "workers={workers}: {files} files, {:.1} MB in {secs:.2} s: {rate:.0} files/s, {:.2} MB/s, {:.2}x of the first, \
             CPU use {:.2}x, {items} outline items, failures {failures:?}, RSS {:.0} MB, peak so far {:.0} MB",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / secs,
            rate / speed,
            (cpu_seconds() - c0) / secs,
            status_mb("VmRSS:"),
            status_mb("VmHWM:")
        );
    }
}
