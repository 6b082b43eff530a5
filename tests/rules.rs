//! Every rule pack loads, and every example and counter-example in it passes.

use crosscheck::{ruledoc, rules, ruletest};

/// The rules of `sources`, or a panic that lists every load error.
fn load_or_panic(sources: &[rules::Source]) -> rules::RuleSet {
    rules::load(sources).unwrap_or_else(|errs| {
        panic!(
            "rules do not load:\n{}",
            errs.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

#[test]
fn default_pack_examples_pass() {
    let set = load_or_panic(&rules::default_sources());
    let run = ruletest::run(&set);
    assert!(
        run.failures.is_empty(),
        "failing rule examples:\n{}",
        run.failures.join("\n")
    );
    // Every frame carries examples, and so does every language pack.
    for f in &set.frames {
        assert!(!f.examples.is_empty(), "frame {} has no examples", f.id);
        // A catch-all needs no trigger: it takes the values no other frame took.
        assert!(
            f.catch_all || !f.triggers.is_empty() || !f.words.is_empty(),
            "frame {} has neither triggers nor words",
            f.id
        );
    }
    // Every concept has words in every language of the default pack (but the values-only
    // pack for languages without one, `und`, which has no words at all).
    for c in set.concepts.values() {
        for code in set.langs.keys().filter(|c| *c != "und") {
            assert!(
                c.words.get(code).is_some_and(|w| !w.is_empty()),
                "concept {} has no words in {code}",
                c.id
            );
        }
    }
    for (code, lang) in &set.langs {
        assert!(
            lang.examples.len() >= 8,
            "language {code} has only {} examples",
            lang.examples.len()
        );
    }
}

#[test]
fn built_in_regexes_parse_when_checked() {
    // The built-in rules skip the regex syntax check at start-up (they are trusted); here
    // they are loaded as a user's rules would be, with every regex parsed, and compiled.
    let mut sources = rules::default_sources();
    for s in &mut sources {
        s.trusted = false;
    }
    let set = load_or_panic(&sources);
    for f in &set.frames {
        for (lang, res) in &f.triggers {
            for re in res {
                assert!(
                    regex::RegexBuilder::new(re.as_str())
                        .case_insensitive(true)
                        .build()
                        .is_ok(),
                    "frame {} ({lang}): {}",
                    f.id,
                    re.as_str()
                );
            }
        }
    }
}

/// The default rules and one more file, checked as a user's `--rules` folder is.
fn default_and(path: &str, text: &str) -> Vec<rules::Source> {
    let mut sources = rules::default_sources();
    sources.push(rules::Source {
        trusted: false,
        path: path.into(),
        text: text.into(),
    });
    sources
}

#[test]
fn a_wrong_expectation_is_reported_with_its_location() {
    let sources = default_and(
        "extra/wrong.toml",
        "[language]\ncode = \"en\"\n[[language.example]]\ntext = \"in July 2021\"\nexpect = [\"2020-07\"]\n",
    );
    let set = rules::load(&sources).expect("loads");
    let run = ruletest::run(&set);
    assert_eq!(run.failures.len(), 1, "{:?}", run.failures);
    assert!(
        run.failures[0].starts_with("extra/wrong.toml:4:8:"),
        "{}",
        run.failures[0]
    );
    assert!(
        run.failures[0].contains("got [\"2021-07\"]"),
        "{}",
        run.failures[0]
    );
}

#[test]
fn a_demonym_of_no_country_is_reported_where_it_stands() {
    let sources = default_and(
        "extra/demonyms.toml",
        "[[demonym]]\ncountry = \"Atlantis\"\nwords = { en = [\"Atlantean\"] }\n",
    );
    let errors = rules::load(&sources).expect_err("an unknown country");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = errors[0].to_string();
    assert!(e.starts_with("extra/demonyms.toml:2:11:"), "{e}");
    assert!(e.contains("'Atlantis' is not a country entity"), "{e}");
}

#[test]
fn name_spellings_are_checked_where_they_stand() {
    // A spelling rewrites the ASCII letters a name is transliterated to; "ß" never is one.
    let sources = default_and(
        "extra/spell.toml",
        "[names.spellings]\nss = \"s\"\n\"ß\" = \"ss\"\n",
    );
    let errs = rules::load(&sources).expect_err("a non-ASCII spelling is refused");
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].at.to_string(), "extra/spell.toml:3:7", "{errs:?}");
    // A pair that should be one name and is not fails `rules test`, with its place.
    let sources = default_and(
        "extra/spell.toml",
        "[names.spellings]\nss = \"s\"\n[[names.example]]\nnames = [\"Ross\", \"Roth\"]\n",
    );
    let set = rules::load(&sources).expect("loads");
    let run = ruletest::run(&set);
    assert_eq!(run.failures.len(), 1, "{:?}", run.failures);
    assert!(
        run.failures[0].starts_with("extra/spell.toml:4:9:"),
        "{}",
        run.failures[0]
    );
}

/// `docs/rules.md` is the reference of the default pack, as `crosscheck rules doc` prints it.
#[test]
fn rule_reference_is_current() {
    let set = rules::load(&rules::default_sources()).expect("default rules load");
    let want = ruledoc::render(&set);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let have = std::fs::read_to_string(path).unwrap_or_default();
    if have != want {
        let line = have
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| have.lines().count().min(want.lines().count()))
            + 1;
        panic!(
            "docs/rules.md is out of date with the rules (first difference at line {line}); \
             regenerate it with `{}`",
            ruledoc::REGENERATE
        );
    }
}

/// A concept's `opposite` names another concept; an unknown one is a located error.
#[test]
fn an_unknown_opposite_is_reported_with_its_location() {
    let sources = default_and(
        "extra/opposite.toml",
        "[[concept]]\nid = \"hold-out\"\nopposite = [\"no-such-concept\"]\n[concept.words]\nen = [\"=held =out\"]\n[[concept.example]]\nlanguage = \"en\"\ntext = \"The union held out.\"\n",
    );
    let errs = rules::load(&sources).expect_err("an error");
    let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    assert!(
        text.iter()
            .any(|e| e.starts_with("extra/opposite.toml:3:13") && e.contains("no-such-concept")),
        "{text:?}"
    );
}

/// Opposites hold both ways: "agree" names "refuse" as its opposite though only "refuse"
/// lists it.
#[test]
fn opposites_hold_both_ways() {
    let set = load_or_panic(&rules::default_sources());
    let refuse = &set.concepts["refuse"];
    assert!(refuse.opposite.iter().any(|o| o == "agree"));
    assert!(set.concepts["agree"].opposite.iter().any(|o| o == "refuse"));
}

#[test]
fn the_lean_pack_is_the_whole_pack_without_its_examples() {
    // `check` loads the default pack without the examples only `rules test` reads; every
    // rule, word and line number must be the same as in the whole pack.
    let lean = load_or_panic(&rules::lean_sources());
    let mut whole = load_or_panic(&rules::default_sources());
    let whole_examples: usize = whole.concepts.values().map(|c| c.examples.len()).sum();
    assert!(
        whole_examples > 1000,
        "the whole pack has its concept examples"
    );
    for c in whole.concepts.values_mut() {
        c.examples.clear();
        c.counters.clear();
    }
    for lang in whole.langs.values_mut() {
        lang.examples.clear();
    }
    for f in &mut whole.frames {
        f.counters.clear();
    }
    whole.spellings.examples.clear();
    whole.spellings.counters.clear();
    assert!(
        lean.frames.iter().all(|f| !f.examples.is_empty()),
        "frames keep their examples (the SARIF report quotes them)"
    );
    let (lean, whole) = (format!("{lean:#?}"), format!("{whole:#?}"));
    if lean != whole {
        let at = lean
            .lines()
            .zip(whole.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "the lean pack differs from the whole one at line {at} of their dumps:\n  lean:  {:?}\n  whole: {:?}",
            lean.lines().nth(at),
            whole.lines().nth(at)
        );
    }
}

#[test]
fn office_terms_are_checked_where_they_stand() {
    // A date that is no date, a term that ends before it starts, a surname alone.
    let sources = default_and(
        "extra/offices.toml",
        "[[office]]\nperson = \"Ana Ruiz\"\nrole = \"President of Freedonia\"\nfrom = \"2019-13-01\"\n\n[[office]]\nperson = \"Ana Ruiz\"\nrole = \"President of Freedonia\"\nfrom = \"2019-03-01\"\nto = \"2018-03-01\"\n\n[[office]]\nperson = \"Ruiz\"\nrole = \"President of Freedonia\"\nfrom = \"2019-03-01\"\n",
    );
    let errs = rules::load(&sources).expect_err("bad terms are refused");
    let at: Vec<String> = errs.iter().map(|e| e.at.to_string()).collect();
    assert_eq!(
        at,
        [
            "extra/offices.toml:4:8",
            "extra/offices.toml:10:6",
            "extra/offices.toml:13:10"
        ],
        "{errs:?}"
    );
}

/// `told_once` names concepts of a fallback frame; anything else is a located error.
#[test]
fn told_once_is_checked_where_it_stands() {
    let frame = |fallback: &str, told: &str| {
        format!(
            "[[frame]]\nid = \"probe-depth\"\nkind = \"quantity\"\nsummary = \"{{dimension}}\"\nkey = [\"dimension\"]\n{fallback}concepts = [\"depth\"]\ntold_once = [\"{told}\"]\nvalue = {{ type = \"measure\" }}\nslots.dimension = {{ type = \"topic\", group = \"dimension\" }}\n"
        )
    };
    let error_of = |text: String| {
        let errs = rules::load(&default_and("extra/probe.toml", &text)).expect_err("an error");
        errs.iter().map(|e| e.to_string()).collect::<Vec<_>>()
    };
    for (fallback, told, at, message) in [
        (
            "fallback = true\n",
            "distance",
            "extra/probe.toml:8:14",
            "told_once 'distance' is not one of this frame's concepts",
        ),
        (
            "",
            "depth",
            "extra/probe.toml:7:14",
            "told_once applies to fallback frames only",
        ),
    ] {
        let errs = error_of(frame(fallback, told));
        assert!(
            errs.iter()
                .any(|e| e.starts_with(at) && e.contains(message)),
            "{errs:?}"
        );
    }
    // The built-in measurement frame tells one depth per story.
    let set = load_or_panic(&rules::default_sources());
    let measurement = set
        .frames
        .iter()
        .find(|f| f.id == "measurement")
        .expect("frame");
    assert_eq!(measurement.told_once, ["depth"]);
}

#[test]
fn a_varying_unit_no_pack_reads_is_reported_where_it_stands() {
    let sources = default_and(
        "extra/settings.toml",
        "[settings]\nvarying_units = [\"°C\", \"°K\"]\n",
    );
    let errors = rules::load(&sources).expect_err("an unknown unit");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = errors[0].to_string();
    assert!(e.starts_with("extra/settings.toml:2:24:"), "{e}");
    assert!(e.contains("'°K' is no unit a pack reads"), "{e}");
}
