//! Parse files repeatedly (profiling aid): `parse_many N FILE...`.
fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let texts: Vec<String> = args.map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let mut items = 0;
    for _ in 0..n {
        for t in &texts {
            items += vanban::parse(t).outline().count();
        }
    }
    println!("{items}");
}
