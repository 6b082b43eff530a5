//! Throughput figures (not a test): `cargo bench --bench throughput`.
//!
//! 1. The normalizer alone, in MB/s, on a generated multi-language text: every normalizer
//!    example of every language pack, repeated to about 8 MB per language.
//! 2. The whole pipeline (`analyze`) on a generated archive: the example story's articles
//!    copied 200 times, in articles per second and MB/s.

use crosscheck::extract::Extractor;
use crosscheck::ingest::{self, Article, Story};
use crosscheck::{analyze, rules};
use std::time::Instant;

fn main() {
    let set = rules::load(&rules::default_sources()).expect("rules load");
    let ex = Extractor::new(&set);

    println!("normalizer (Grammar::scan), one sentence at a time");
    let mut total_bytes = 0usize;
    let mut total_secs = 0.0;
    for (code, lang) in &set.langs {
        let g = ex.grammar(code).expect("grammar");
        let sentences: Vec<&str> = lang.examples.iter().map(|e| e.text.as_str()).collect();
        let per_round: usize = sentences.iter().map(|s| s.len()).sum();
        let rounds = (8_000_000 / per_round.max(1)).max(1);
        let start = Instant::now();
        let mut values = 0usize;
        for _ in 0..rounds {
            for s in &sentences {
                values += g.scan(s, None).len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let bytes = per_round * rounds;
        total_bytes += bytes;
        total_secs += secs;
        println!(
            "  {code}: {:>6.1} MB in {secs:>5.2} s = {:>6.1} MB/s ({values} values)",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / secs
        );
    }
    println!(
        "  all: {:.1} MB in {total_secs:.2} s = {:.1} MB/s",
        total_bytes as f64 / 1e6,
        total_bytes as f64 / 1e6 / total_secs
    );

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/iran-russia");
    let story = ingest::ingest(&dir, None, &set).expect("example story");
    let mut articles: Vec<Article> = Vec::new();
    for copy in 0..200 {
        for a in &story.articles {
            let mut a = a.clone();
            a.file = format!("{copy:03}/{}", a.file);
            articles.push(a);
        }
    }
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let n = articles.len();
    let big = Story {
        name: "archive".into(),
        title: None,
        articles,
        warnings: Vec::new(),
        line_maps: Default::default(),
    };
    let start = Instant::now();
    let analysis = analyze(big, &set);
    let secs = start.elapsed().as_secs_f64();
    println!("pipeline (segment, extract, match, judge), all cores");
    println!(
        "  {n} articles, {:.2} MB in {secs:.2} s = {:.0} articles/s, {:.2} MB/s ({} mentions, {} claims)",
        bytes as f64 / 1e6,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs,
        analysis.mentions.len(),
        analysis.claims.len()
    );
}
