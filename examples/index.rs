//! Index files into a SQLite archive and print the summary (the Rust twin of `vanban index`):
//! `index DB PATH...`.
fn main() {
    let mut args = std::env::args().skip(1);
    let Some(db) = args.next() else {
        eprintln!("usage: index DB PATH...");
        std::process::exit(2);
    };
    let paths: Vec<String> = args.collect();
    let opts = vanban::corpus::IndexOptions { progress: true, ..Default::default() };
    let run = vanban::corpus::Corpus::open(&db).and_then(|mut c| c.index(&paths, &opts));
    match run {
        Ok(s) => println!("{}", serde_json::to_string(&s).unwrap()),
        Err(e) => {
            eprintln!("index: {e}");
            std::process::exit(1);
        }
    }
}
