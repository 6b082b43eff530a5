//! Start-up figures (not a test): `cargo bench --bench startup`.
//!
//! 1. Loading and checking the default rule pack (`rules::load`) as `check` loads it (without
//!    the examples only `rules test` reads), the floor of every run; and with its examples.
//! 2. The whole `check` of the README's example story in-process (load, ingest, analyze),
//!    which also compiles the patterns its languages use.
//!
//! Each is run 15 times; the median and the fastest run are printed, in milliseconds.

use crosscheck::{analyze, ingest, rules};
use std::time::Instant;

fn figures(name: &str, mut run: impl FnMut()) {
    let mut ms: Vec<f64> = (0..15)
        .map(|_| {
            let t = Instant::now();
            run();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!(
        "{name:<40} median {:>7.1} ms   fastest {:>7.1} ms",
        ms[7], ms[0]
    );
}

fn main() {
    figures("load the default rules (as check does)", || {
        let set = rules::load(&rules::lean_sources()).expect("rules load");
        assert!(!set.frames.is_empty());
        // The binary never drops its rules (it leaks them for the process's life).
        std::mem::forget(set);
    });
    figures("load them with every example (rules test)", || {
        let set = rules::load(&rules::default_sources()).expect("rules load");
        assert!(!set.frames.is_empty());
        std::mem::forget(set);
    });
    let story = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/iran-russia");
    figures("check examples/iran-russia (in-process)", || {
        let set = rules::load(&rules::lean_sources()).expect("rules load");
        let s = ingest::ingest(std::path::Path::new(story), None, &set).expect("story");
        let a = analyze(s, &set);
        assert!(!a.claims.is_empty());
    });
}
