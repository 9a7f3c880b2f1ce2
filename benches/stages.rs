//! `cargo bench --bench stages`: each stage of the pipeline alone over the vendored corpus (.md/.txt), its
//! inputs made beforehand by the stages before it, so that a regression shows in the stage that has it.
//! Stages: read (bytes → text: sniffing, encoding), lex (normalize, lines, paragraphs), layout (zones),
//! outline (the tree), metadata, references, assignments, and annotation (the JSON of a parsed document).
//! Criterion reports MB/s of the corpus's text for each. `cargo bench --bench stages -- lex` runs one.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use vanban::parse::{layout, metadata, outline};
use vanban::pipeline::{lex, references_of, Lexed};

mod common;

/// One document carried through the stages: each stage's input is kept so that the next can be timed alone
/// (the lexical stage's output borrows the text it was read from).
struct Staged<'a> {
    text: &'a str,
    lexed: Lexed<'a>,
    layout: layout::Layout,
    nodes: Vec<vanban::Node>,
    metadata: vanban::Metadata,
    doc: vanban::Document,
}

fn staged(text: &str) -> Staged<'_> {
    let lexed = lex(text);
    let layout = layout::layout(&lexed.paras);
    let t: &str = &lexed.norm.text;
    let nodes = outline::tree(t, &lexed.lines, &lexed.paras, &layout);
    let metadata = metadata::extract(t, &lexed.lines, &lexed.paras, &layout);
    let doc = vanban::parse(text);
    Staged { text, lexed, layout, nodes, metadata, doc }
}

/// Bench `f` over every document, the throughput being the corpus's text bytes.
fn stage<'a, T>(c: &mut Criterion, name: &str, docs: &[Staged<'a>], bytes: u64, f: impl Fn(&Staged<'a>) -> T) {
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function(name, |b| {
        b.iter(|| {
            for d in docs {
                black_box(f(black_box(d)));
            }
        })
    });
    g.finish();
}

fn bench_stages(c: &mut Criterion) {
    let files = common::corpus(|p| std::fs::read(p).unwrap());
    let texts: Vec<String> = files.iter().map(|(_, b)| vanban::read::read(b).expect("a corpus document reads").text).collect();
    let docs: Vec<Staged> = texts.iter().map(|t| staged(t)).collect();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let raw: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(raw));
    g.bench_function("read", |b| {
        b.iter(|| {
            for (_, bytes) in &files {
                black_box(vanban::read::read(black_box(bytes)).unwrap());
            }
        })
    });
    g.finish();
    stage(c, "lex", &docs, bytes, |d| lex(d.text));
    stage(c, "layout", &docs, bytes, |d| layout::layout(&d.lexed.paras));
    stage(c, "outline", &docs, bytes, |d| outline::tree(&d.lexed.norm.text, &d.lexed.lines, &d.lexed.paras, &d.layout));
    stage(c, "metadata", &docs, bytes, |d| metadata::extract(&d.lexed.norm.text, &d.lexed.lines, &d.lexed.paras, &d.layout));
    stage(c, "references", &docs, bytes, |d| {
        references_of(&d.lexed.paras, &d.layout, d.metadata.symbol.as_ref().map(|s| s.raw.as_str()))
    });
    stage(c, "assignments", &docs, bytes, |d| {
        vanban::extract::assignments::tasks::read(&d.lexed.norm.text, &d.nodes, &d.lexed.paras, d.metadata.date.map(|x| x.year))
    });
    stage(c, "annotation", &docs, bytes, |d| d.doc.annotation_json(Some("doc.md")));
    stage(c, "all (parse + annotation)", &docs, bytes, |d| vanban::parse(d.text).annotation_json(Some("doc.md")));
}

criterion_group! {
    name = benches;
    config = common::quick(Duration::from_secs(3));
    targets = bench_stages
}
criterion_main!(benches);
