//! Print each paragraph with its zone and marker (development aid).
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    // the text the parser sees (HTML extracted, legacy encodings decoded)
    let text = vanban::read::decode(&std::fs::read(&path).unwrap()).unwrap();
    let (paras, layout) = vanban::debug_layout(&text);
    for (i, p) in paras.iter().enumerate() {
        let c: String = p.clean.chars().take(90).collect();
        println!("{i:4} {:?} {:?} {} {c}", layout.zones[i], p.marker.as_ref().map(|m| m.label.clone()), if p.in_table { "T" } else { "" });
    }
}
