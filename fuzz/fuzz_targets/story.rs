//! A story folder from bytes: the first byte chooses what the rest is (a text article, a
//! saved page, or a manifest plus an article), then ingest (decoding, HTML, manifest),
//! segmentation, extraction, matching, judging and the JSON report run on it.
#![no_main]
use crosscheck::extract::Extractor;
use crosscheck::rules::{self, RuleSet};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static SET: OnceLock<RuleSet> = OnceLock::new();
    SET.get_or_init(|| rules::load(&rules::default_sources()).expect("default rules"))
}

/// Every pack's patterns compiled once, not once per input.
fn extractor() -> &'static Extractor<'static> {
    static EX: OnceLock<Extractor<'static>> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(rules()))
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    match kind % 4 {
        0 => write("a.txt", rest),
        1 => write("a.html", rest),
        2 => {
            // A manifest and an article, split at the first NUL.
            let at = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            write("story.toml", &rest[..at]);
            write("a.txt", rest.get(at + 1..).unwrap_or_default());
        }
        _ => {
            // Two articles, so that matching has two sides.
            let half = rest.len() / 2;
            write("a.txt", &rest[..half]);
            write("b.md", &rest[half..]);
        }
    }
    let set = rules();
    if let Ok(story) = crosscheck::ingest::ingest(dir.path(), None, set) {
        let analysis = crosscheck::analyze_with(story, set, extractor());
        let _ = crosscheck::report::report(&analysis, crosscheck::report::Format::Json);
    }
});
