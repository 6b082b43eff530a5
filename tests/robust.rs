//! No input crashes the pipeline: every prefix of every rule example (cut at each character,
//! so multi-byte letters sit at every offset), and a file of hostile text.

use crosscheck::extract::Extractor;
use crosscheck::rules;
use crosscheck::time::PartialDate;
use std::process::Command;

#[test]
fn every_prefix_of_every_example_extracts_without_panic() {
    let set = rules::load(&rules::default_sources()).expect("rules");
    let ex = Extractor::new(&set);
    let anchor = PartialDate::parse("2023-06-04");
    let mut texts: Vec<(String, String)> = Vec::new();
    for (code, lang) in &set.langs {
        texts.extend(lang.examples.iter().map(|e| (code.clone(), e.text.clone())));
    }
    for f in &set.frames {
        texts.extend(
            f.examples
                .iter()
                .map(|e| (e.language.clone(), e.text.clone())),
        );
    }
    let mut runs = 0;
    for (lang, text) in &texts {
        for (i, _) in text.char_indices() {
            let mentions = ex.text(&text[..i], lang, anchor);
            for m in &mentions {
                assert!(
                    m.start <= m.end && m.end <= i,
                    "mention range out of the text"
                );
            }
            runs += 1;
        }
    }
    assert!(runs > 10_000, "only {runs} prefixes tried");
}

#[test]
fn hostile_text_is_checked_without_panic() {
    let dir = tempfile::tempdir().unwrap();
    let long_line = "Über 40 Tote – “zitat” ’s 19. Juli. ".repeat(3000);
    let texts = [
        "\u{feff}BOM first line.\r\nCRLF line, 12 killed on Monday.\r\n",
        "👍🏽 emoji 12 killed; עברית 12 מתים; العربية ٣ قتلى; 漢字 12人死亡.",
        "...!!!???\n\n\n,,,---———\n",
        "e\u{301}\u{301}\u{301} combining marks 1.000.000,5 € and $ 4..5 bn",
        &long_line,
        "no newline at all and a number 7",
    ];
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), t).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["check", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["sources"].as_array().unwrap().len(), texts.len());
}

#[test]
fn every_labelled_article_cut_anywhere_extracts_without_panic() {
    // Real articles in four languages and three scripts, cut every 89 characters, so the
    // cut falls inside words, numbers, dates and quotations.
    let set = rules::load(&rules::default_sources()).expect("rules");
    let ex = Extractor::new(&set);
    let anchor = PartialDate::parse("2023-06-04");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut runs = 0;
    for group in ["tests/stories", "tests/holdout"] {
        let mut dirs: Vec<_> = std::fs::read_dir(root.join(group))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            for file in files {
                let text = std::fs::read_to_string(&file).unwrap();
                // The files are named "NN-outlet-LANG.txt".
                let stem = file.file_stem().unwrap().to_str().unwrap();
                let lang = stem.rsplit('-').next().unwrap();
                assert!(set.langs.contains_key(lang), "{}: no pack", file.display());
                for (i, _) in text.char_indices().step_by(89) {
                    // The 300 characters before the cut: the cut is what matters, and a
                    // window keeps the test linear in the text (a prefix would be quadratic).
                    let from = text[..i]
                        .char_indices()
                        .rev()
                        .nth(600)
                        .map_or(0, |(j, _)| j);
                    let piece = &text[from..i];
                    for m in ex.text(piece, lang, anchor) {
                        assert!(
                            m.start <= m.end && m.end <= piece.len(),
                            "{}",
                            file.display()
                        );
                    }
                    runs += 1;
                }
            }
        }
    }
    assert!(runs > 500, "only {runs} cuts tried");
}

#[test]
fn a_huge_amount_prints_as_written_and_ordinary_figures_as_before() {
    // Issue 13: as a float, this bill was 99999999999999991433150857216 USD.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The bill was 99999999999999999999999999999 dollars.\n\
         The firm paid $1.75 billion for 3,250 homes and 12.5 million tonnes.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["claims", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let values: Vec<&str> = v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["value"].as_str())
        .collect();
    for want in [
        "99999999999999999999999999999 USD",
        "1750000000 USD",
        "3250",
        // A scale word before a unit is read with it (since the nineteenth stop).
        "12500000 t",
    ] {
        assert!(values.contains(&want), "{want} not in {values:?}");
    }
}

/// Every mention's span slices its file on character boundaries and is the mention's text,
/// in every tuned and held-out folder (all UTF-8 `.txt`): evidence points at what it quotes.
#[test]
fn every_mention_span_quotes_its_text() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for group in ["examples", "tests/stories", "tests/holdout"] {
        let mut dirs: Vec<_> = std::fs::read_dir(root.join(group))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
                .args(["claims", "--format", "json"])
                .arg(&dir)
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", dir.display());
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            for m in json["mentions"].as_array().unwrap() {
                let file = std::fs::read(dir.join(m["file"].as_str().unwrap())).unwrap();
                let (start, end) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                let span = std::str::from_utf8(&file[start..end])
                    .unwrap_or_else(|e| panic!("{}: {start}..{end}: {e}", dir.display()));
                assert_eq!(span, m["text"].as_str().unwrap(), "{}", dir.display());
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} mentions checked");
}

/// Inputs the fuzzer (fuzz/, target `story`) once crashed on, each a story folder under
/// tests/fixtures/fuzz-regressions: each is checked with exit 0 and no panic.
#[test]
fn fuzz_regressions_are_checked_without_panic() {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    for dir in dirs {
        let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .arg("check")
            .arg(&dir)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && !stderr.contains("panicked"),
            "{}: {stderr}",
            dir.display()
        );
    }
}
