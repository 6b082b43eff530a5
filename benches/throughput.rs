//! Throughput figures (not a test): `cargo bench --bench throughput`.
//!
//! 1. The normalizer alone, in MB/s, on a generated multi-language text: every normalizer
//!    example of every language pack, repeated to about 8 MB per language.
//! 2. The whole pipeline (`analyze`) on a generated archive: the example story's articles
//!    copied 200 times, in articles per second and MB/s.
//! 3. Archive mode (`check --each`) on the same copies as 200 story folders of 4 articles:
//!    in-process with the rules loaded once (articles/s, and how much longer the one
//!    800-article story takes), then the built binary on 20 of those folders, one
//!    `check --each` against 20 separate `check` runs.

use crosscheck::extract::Extractor;
use crosscheck::ingest::{self, Article, Story};
use crosscheck::{analyze, archive, report, rules};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn copy_story(from: &Path, to: &Path) {
    std::fs::create_dir(to).expect("story folder");
    for entry in std::fs::read_dir(from).expect("example story") {
        let entry = entry.expect("example file");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

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
        copies: Default::default(),
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

    // 3. The same copies as story folders, each the example story with its manifest.
    let corpus = tempfile::tempdir().expect("temporary folder");
    let few = tempfile::tempdir().expect("temporary folder");
    for copy in 0..200 {
        copy_story(&dir, &corpus.path().join(format!("story-{copy:03}")));
        if copy < 20 {
            copy_story(&dir, &few.path().join(format!("story-{copy:03}")));
        }
    }
    let stories = archive::list(corpus.path()).expect("archive");
    let start = Instant::now();
    let mut out_bytes = 0usize;
    let extractors = archive::Extractors::new(&set);
    archive::run(
        &stories,
        |story| {
            let s = ingest::ingest(story, None, &set).expect("story");
            report::report_json_line(&extractors.analyze(s))
        },
        |_, line| {
            out_bytes += line.len();
            std::ops::ControlFlow::Continue(())
        },
    );
    let each = start.elapsed().as_secs_f64();
    println!("archive mode (check --each: ingest, pipeline, JSON Lines), rules loaded once");
    println!(
        "  {} stories, {n} articles in {each:.2} s = {:.0} articles/s ({:.1} MB of JSON Lines); \
         the one {n}-article story above took {:.1}x as long",
        stories.len(),
        n as f64 / each,
        out_bytes as f64 / 1e6,
        secs / each
    );

    // The binary, start-up included: one `check --each` against one `check` per story.
    let bin = env!("CARGO_BIN_EXE_crosscheck");
    let time = |args: &[&Path]| {
        let start = Instant::now();
        let out = Command::new(bin)
            .arg("check")
            .args(args)
            .args(["--format", "json"])
            .output()
            .expect("binary runs");
        assert!(out.status.success());
        start.elapsed().as_secs_f64()
    };
    let one_run = time(&[Path::new("--each"), few.path()]);
    let separate: f64 = archive::list(few.path())
        .expect("archive")
        .iter()
        .map(|s| time(&[s.as_path()]))
        .sum();
    println!("the binary on 20 stories, start-up included");
    println!(
        "  check --each: {one_run:.2} s; 20 separate check runs: {separate:.2} s ({:.1}x)",
        separate / one_run
    );
}
