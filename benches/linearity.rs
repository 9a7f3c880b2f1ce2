//! `cargo bench --bench linearity`: parse time against input size on text dense with citations (1, 4 and 16 MB),
//! printing the time per MB of each size and the largest over the smallest. Every stage must be linear: a
//! quadratic step (say, de-duplicating references by a scan of those found so far) shows as a per-MB time that
//! grows with the size. The text is a decision whose body cites a new numbered document every ~80 bytes, by
//! type, number, date and issuer, in paragraphs of a few citations under dash items.
use std::hint::black_box;
use std::time::{Duration, Instant};

const TYPES: &[(&str, &str, &str)] = &[
    ("Nghị định", "NĐ-CP", "Chính phủ"),
    ("Quyết định", "QĐ-UBND", "Ủy ban nhân dân tỉnh"),
    ("Thông tư", "TT-BTC", "Bộ Tài chính"),
    ("Nghị quyết", "NQ-HĐND", "Hội đồng nhân dân tỉnh"),
];

/// About `size` bytes of a document citing a distinct document (type, number, year) in every clause. A number has
/// at most five digits, as in the grammar (`Số: 45/KH-UBND`): numbers cycle below 100,000, and the year (cycling
/// over 25) keeps every citation distinct for millions of them (99,999 and 25 are coprime).
fn dense_citations(size: usize) -> String {
    let mut t = String::with_capacity(size + 1024);
    t.push_str("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n\nQUYẾT ĐỊNH\n\nVề việc thi hành các văn bản\n\n");
    t.push_str("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Thi hành các văn bản sau:\n\n");
    let mut n = 0usize;
    while t.len() < size {
        t.push_str("- Thực hiện ");
        for k in 0..4 {
            let (name, code, issuer) = TYPES[(n + k) % TYPES.len()];
            let year = 2000 + (n % 25);
            t.push_str(&format!("{name} số {}/{year}/{code} ngày {:02}/{:02}/{year} của {issuer}", n % 99_999 + 1, n % 28 + 1, n % 12 + 1));
            t.push_str(if k < 3 { ", " } else { ";\n" });
            n += 1;
        }
    }
    t
}

/// The best of `runs` timings of a full parse with its annotation JSON.
fn best_time(text: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(vanban::parse(black_box(text)).annotation_json(None));
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not used here
    let mut per_mb = Vec::new();
    for mb in [1usize, 4, 16] {
        let text = dense_citations(mb << 20);
        let refs = vanban::parse(&text).references.len();
        let t = best_time(&text, if mb < 16 { 5 } else { 3 });
        let ms_per_mb = t.as_secs_f64() * 1e3 / (text.len() as f64 / (1 << 20) as f64);
        println!("linearity/{mb:>2} MB: {:8.1} ms, {ms_per_mb:6.1} ms per MB, {:6.1} MB/s, {refs} references", t.as_secs_f64() * 1e3, 1e3 / ms_per_mb);
        per_mb.push(ms_per_mb);
    }
    let (lo, hi) = per_mb.iter().fold((f64::MAX, 0f64), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    println!("linearity: per-MB time, largest / smallest = {:.2} (linear: within 1.5)", hi / lo);
}
