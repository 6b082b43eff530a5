//! A rule file from bytes: the loader checks it and reports errors with their place; it
//! never panics, whatever the TOML.
#![no_main]
use crosscheck::rules::{self, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = Source {
        path: "fuzz.toml".to_string(),
        text: text.to_string(),
        trusted: false,
    };
    let _ = rules::load(&[source]);
});
