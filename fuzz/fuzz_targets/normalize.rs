//! The normalizer on any text, in every pack's language: values found lie on character
//! boundaries of the text and never panic.
#![no_main]
use crosscheck::normalize::Grammar;
use crosscheck::rules;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn grammars() -> &'static Vec<Grammar> {
    static G: OnceLock<Vec<Grammar>> = OnceLock::new();
    G.get_or_init(|| {
        let set = rules::load(&rules::default_sources()).expect("default rules");
        set.langs.values().map(Grammar::new).collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let anchor = crosscheck::time::PartialDate::parse("2024-05-02");
    for g in grammars() {
        for f in g.scan(text, anchor) {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            assert!(f.start <= f.end && f.end <= text.len());
        }
    }
});
