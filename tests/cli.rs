//! End-to-end tests: run the built binary on the example story, on the seed story in
//! ../shared when it is present, and on every error case. Snapshots live in `snapshots/`.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");
const EXAMPLE: &str = "examples/iran-russia";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the binary from the crate root; return exit code, stdout, stderr.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(root())
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// Exit code, stdout and stderr together, as one snapshot.
fn transcript(args: &[&str], redact: Option<&Path>) -> String {
    let (code, out, err) = run(args);
    let mut s = format!(
        "$ crosscheck {}\nexit: {code}\n--- stdout\n{out}--- stderr\n{err}",
        args.join(" ")
    );
    if let Some(p) = redact {
        s = s.replace(&p.display().to_string(), "[TMP]");
    }
    s
}

macro_rules! snap {
    ($name:expr, $value:expr) => {{
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!($name, $value));
    }};
}

#[test]
fn check_example_table() {
    snap!("check_example_table", transcript(&["check", EXAMPLE], None));
}

/// The v1 contract, byte for byte (`--schema v1`, kept for one release).
#[test]
fn check_example_json() {
    let (code, out, err) = run(&["check", EXAMPLE, "--format", "json", "--schema", "v1"]);
    assert_eq!(code, 0, "{err}");
    snap!("check_example_json", out);
}

/// The default JSON report, `crosscheck.report.v2` (docs/report-v2.md).
#[test]
fn check_example_json_v2() {
    let (code, out, err) = run(&["check", EXAMPLE, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    snap!("check_example_json_v2", out);
}

#[test]
fn check_example_markdown() {
    let (code, out, err) = run(&["check", EXAMPLE, "--format", "markdown"]);
    assert_eq!(code, 0, "{err}");
    snap!("check_example_markdown", out);
}

#[test]
fn claims_example_table() {
    snap!(
        "claims_example_table",
        transcript(&["claims", EXAMPLE], None)
    );
}

#[test]
fn json_is_v1_and_identical_across_runs() {
    let (_, a, _) = run(&["check", EXAMPLE, "--format", "json", "--schema", "v1"]);
    let (_, b, _) = run(&["check", EXAMPLE, "--format", "json", "--schema", "v1"]);
    assert_eq!(a, b, "two runs differ");
    let v: serde_json::Value = serde_json::from_str(&a).expect("valid JSON");
    assert_eq!(v["schema"], "crosscheck.report.v1");
    assert_eq!(v["story"], "iran-russia");
    let sources = v["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), 4);
    for s in sources {
        assert!(s["file"].is_string() && s["language"].is_string());
        assert!(s["published"].is_string() || s["published"].is_null());
    }
    let claims = v["claims"].as_array().expect("claims");
    let rank = |verdict: &str| {
        ["conflict", "agreement", "single-source"]
            .iter()
            .position(|x| *x == verdict)
    };
    let mut last = (0, String::new());
    for c in claims {
        for key in ["id", "rule", "kind", "summary", "verdict", "reason"] {
            assert!(c[key].is_string(), "claim field {key} missing in {c}");
        }
        assert!(["event", "quantity", "statement"].contains(&c["kind"].as_str().unwrap()));
        assert!(c["independent_origins"].as_u64().unwrap() >= 1);
        let here = (
            rank(c["verdict"].as_str().unwrap()).expect("known verdict"),
            c["id"].as_str().unwrap().to_string(),
        );
        assert!(here >= last, "claims out of order at {}", here.1);
        last = here;
        for m in c["mentions"].as_array().unwrap() {
            for key in ["file", "text", "polarity", "value"] {
                assert!(m[key].is_string(), "mention field {key} missing");
            }
            for key in ["line", "column", "start", "end"] {
                assert!(m[key].as_u64().is_some(), "mention field {key} missing");
            }
            assert!(m["speaker"].is_string() || m["speaker"].is_null());
            // The byte range points at exactly the quoted text.
            let file = root().join(EXAMPLE).join(m["file"].as_str().unwrap());
            let text = std::fs::read_to_string(file).unwrap();
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], m["text"].as_str().unwrap());
        }
    }
}

#[test]
fn claims_json_has_rule_kind_and_key() {
    let (code, out, _) = run(&["claims", EXAMPLE, "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "crosscheck.claims.v1");
    let ms = v["mentions"].as_array().unwrap();
    assert!(ms.len() > 10);
    assert!(
        ms.iter()
            .all(|m| m["rule"].is_string() && m["kind"].is_string() && m["key"].is_array())
    );
    let order: Vec<(String, u64)> = ms
        .iter()
        .map(|m| {
            (
                m["file"].as_str().unwrap().to_string(),
                m["start"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "mentions are in file and position order");
}

#[test]
fn output_file_matches_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let (code, out, _) = run(&[
        "check",
        EXAMPLE,
        "--format",
        "json",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, "", "nothing on stdout when --output is given");
    let (_, direct, _) = run(&["check", EXAMPLE, "--format", "json"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), direct);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

#[test]
fn fail_on_conflict_exits_1() {
    let (code, _, _) = run(&["check", EXAMPLE, "--fail-on", "conflict"]);
    assert_eq!(code, 1);
    let (code, _, _) = run(&["check", EXAMPLE, "--fail-on", "none"]);
    assert_eq!(code, 0);
}

#[test]
fn empty_folder_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let t = transcript(&["check", dir.path().to_str().unwrap()], Some(dir.path()));
    snap!("empty_folder", t);
}

#[test]
fn missing_folder_is_exit_2() {
    snap!(
        "missing_folder",
        transcript(&["check", "no/such/story"], None)
    );
}

#[test]
fn broken_rule_file_is_exit_2_with_location() {
    snap!(
        "broken_rule_file",
        transcript(
            &["check", EXAMPLE, "--rules", "tests/fixtures/bad-rules"],
            None
        )
    );
}

#[test]
fn bad_rule_meaning_reports_every_error() {
    snap!(
        "bad_rule_meaning",
        transcript(
            &["rules", "test", "--rules", "tests/fixtures/bad-regex"],
            None
        )
    );
}

#[test]
fn unreadable_files_warn_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join(EXAMPLE).join("04-courier-2024-en.txt");
    std::fs::copy(&src, dir.path().join("a-good.txt")).unwrap();
    std::fs::write(
        dir.path().join("b-binary.txt"),
        [0x50, 0x4b, 0x03, 0x04, 0x00, 0x01],
    )
    .unwrap();
    std::fs::write(dir.path().join("c-image.png"), [0x89, 0x50, 0x4e, 0x47]).unwrap();
    std::fs::write(dir.path().join("d-empty.md"), "").unwrap();
    let t = transcript(&["check", dir.path().to_str().unwrap()], Some(dir.path()));
    snap!("unreadable_files", t);
}

#[test]
fn bad_manifest_is_exit_2_with_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join(EXAMPLE).join("01-ledger-en.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("story.toml"),
        "[[source]]\nfile = \"a.txt\"\npublished = \"20 July\"\n",
    )
    .unwrap();
    let t = transcript(&["check", dir.path().to_str().unwrap()], Some(dir.path()));
    snap!("bad_manifest", t);
}

#[test]
fn help_lists_commands() {
    snap!("help", transcript(&["--help"], None));
    snap!("help_check", transcript(&["check", "--help"], None));
}

#[test]
fn usage_error_is_exit_2() {
    let (code, _, err) = run(&["check", EXAMPLE, "--format", "yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'yaml'"), "{err}");
}

#[test]
fn rule_catalogue() {
    snap!("rules_list", transcript(&["rules", "list"], None));
}

/// `rules doc` prints the reference that `docs/rules.md` holds (tests/rules.rs checks that
/// the file is current); with a bad rule pack it stops with exit 2.
#[test]
fn rule_reference_command() {
    let (code, out, err) = run(&["rules", "doc"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# Rule reference\n"), "{out}");
    assert!(err.is_empty(), "{err}");
    let (code, out, err) = run(&["rules", "doc", "--rules", "tests/fixtures/bad-regex"]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("bad regex"), "{err}");
}

/// The seed story of ../shared, read in place (never copied into the repo).
#[test]
fn seed_story_from_shared() {
    let story = root().join("../shared/stories/iran-russia");
    if !story.is_dir() {
        eprintln!(
            "SKIPPED seed_story_from_shared: {} is absent",
            story.display()
        );
        return;
    }
    let (code, out, err) = run(&[
        "check",
        story.to_str().unwrap(),
        "--manifest",
        "tests/fixtures/iran-russia.story.toml",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let claims = v["claims"].as_array().unwrap();
    let find = |pred: &dyn Fn(&serde_json::Value) -> bool| {
        claims.iter().filter(|c| pred(c)).collect::<Vec<_>>()
    };
    let files = |c: &serde_json::Value| {
        let mut f: Vec<String> = c["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["file"].as_str().unwrap()[..3].to_string())
            .collect();
        f.dedup();
        f
    };
    // The 19 July visit: 000 (id, 19 Juli 2022) and 001 (en, July) agree; 2017 stays apart.
    let visit = find(&|c| {
        c["id"]
            .as_str()
            .unwrap()
            .starts_with("visit/vladimir-putin/tehran/2022-07")
    });
    assert_eq!(visit.len(), 1);
    assert_eq!(visit[0]["verdict"], "agreement");
    assert_eq!(files(visit[0]), ["000", "001"]);
    assert_eq!(
        visit[0]["independent_origins"], 1,
        "000 rewrites 001: one origin"
    );
    let old = find(&|c| {
        c["id"]
            .as_str()
            .unwrap()
            .starts_with("visit/vladimir-putin/tehran/2017")
    });
    assert_eq!(old.len(), 1);
    assert_eq!(files(old[0]), ["002"]);
    // The $4bn 2021 trade figure is single-source.
    let trade = find(&|c| {
        c["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["value"] == "4000000000 USD")
    });
    assert_eq!(trade.len(), 1);
    assert_eq!(trade[0]["verdict"], "single-source");
    // Kabulov vs Jalali: a conflict inside one article.
    let talks = find(&|c| c["reason"].as_str().unwrap().contains("Kabulov"));
    assert_eq!(talks.len(), 1);
    assert_eq!(talks[0]["verdict"], "conflict");
    assert_eq!(
        talks[0]["reason"],
        "Zamir Kabulov asserts, Kazem Jalali denies"
    );
    // No claim from the figure-free blog 003, and no furniture lines.
    assert!(
        claims
            .iter()
            .all(|c| !files(c).contains(&"003".to_string()))
    );
    assert!(!out.contains("Baca juga"));
}

#[test]
fn json_is_identical_whatever_the_thread_count() {
    let json = |threads: &str, story: &str| {
        let out = Command::new(BIN)
            .args(["check", story, "--format", "json"])
            .env("RAYON_NUM_THREADS", threads)
            .current_dir(root())
            .output()
            .expect("binary runs");
        assert_eq!(out.status.code(), Some(0));
        out.stdout
    };
    for story in [
        EXAMPLE,
        "tests/stories/train-collision",
        "tests/stories/company-results",
    ] {
        assert_eq!(json("1", story), json("4", story), "{story}");
    }
}

/// 02 is a Reuters story and 04 rewrites it "according to Reuters": four reports of the
/// death toll come from three independent origins.
#[test]
fn wire_copies_count_as_one_origin() {
    let (code, out, _) = run(&["check", "tests/stories/train-collision", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let dead = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["rule"] == "casualties"
                && c["mentions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|m| m["value"] == "275")
        })
        .expect("a death-toll claim");
    let files: std::collections::BTreeSet<&str> = dead["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["file"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 4);
    assert_eq!(dead["independent_origins"], 3);
}

/// A story folder of one article, `a.txt`, holding `text`.
fn one_article(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    dir
}

#[test]
fn hedged_values_are_marked_in_the_table() {
    let dir = one_article("Russia reportedly launched a satellite for Iran on 9 August 2022.\n");
    let (code, out, err) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2022-08-09 (hedged)"), "{out}");
}

#[test]
fn a_dateline_dates_the_article() {
    let dir = one_article(
        "Banjir di Jakarta\n\nJAKARTA, 20 Agustus 2022 - Banjir merendam ribuan rumah. Pekan lalu, sedikitnya 12 orang tewas dalam banjir di Bekasi.\n",
    );
    let (code, out, err) = run(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["sources"][0]["published"], "2022-08-20");
    let dead = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "casualties")
        .expect("casualties");
    assert_eq!(
        dead["summary"], "Number of dead in Bekasi (2022-W32)",
        "'pekan lalu' resolved against the dateline"
    );
}

/// A story folder of several articles, each `(file, text)`, with a manifest dating them.
fn story(articles: &[(&str, &str)], published: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut manifest = String::from("title = \"test\"\n");
    for (file, text) in articles {
        std::fs::write(dir.path().join(file), text).unwrap();
        manifest.push_str(&format!(
            "[[source]]\nfile = \"{file}\"\nlanguage = \"en\"\npublished = \"{published}\"\n"
        ));
    }
    std::fs::write(dir.path().join("story.toml"), manifest).unwrap();
    dir
}

/// (verdict, values) of each claim of `rule`, sorted.
fn verdicts(dir: &std::path::Path, rule: &str) -> Vec<(String, Vec<String>)> {
    let (code, out, err) = run(&["check", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut got: Vec<(String, Vec<String>)> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["rule"] == rule)
        .map(|c| {
            let values = c["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["value"].as_str().unwrap().to_string())
                .collect();
            (c["verdict"].as_str().unwrap().to_string(), values)
        })
        .collect();
    got.sort();
    got
}

#[test]
fn tolls_of_two_places_stay_apart_where_an_article_gives_both() {
    let dir = story(
        &[
            (
                "a.txt",
                "Flood toll rises\n\nIn Ahrweiler 134 people died in the flood. In Sinzig 12 people died.\n",
            ),
            (
                "b.txt",
                "Flood toll\n\nIn Ahrweiler 93 people died in the flood.\n",
            ),
        ],
        "2021-07-20",
    );
    assert_eq!(
        verdicts(dir.path(), "casualties"),
        [
            (
                "conflict".to_string(),
                vec!["134".to_string(), "93".to_string()]
            ),
            ("single-source".to_string(), vec!["12".to_string()]),
        ]
    );
}

#[test]
fn tolls_within_a_hundredth_agree_and_further_apart_conflict() {
    // 1,000 and 1,006 are one toll told to the nearest thousand; 1,000 and 1,040 are two.
    let close = story(
        &[
            ("a.txt", "Floods\n\nThe floods killed 1,006 people.\n"),
            ("b.txt", "Floods\n\nThe floods killed 1,000 people.\n"),
        ],
        "2024-08-02",
    );
    let apart = story(
        &[
            ("a.txt", "Floods\n\nThe floods killed 1,040 people.\n"),
            ("b.txt", "Floods\n\nThe floods killed 1,000 people.\n"),
        ],
        "2024-08-02",
    );
    let verdict = |dir: &tempfile::TempDir| {
        let got = verdicts(dir.path(), "casualties");
        assert_eq!(got.len(), 1, "{got:?}");
        got[0].0.clone()
    };
    assert_eq!(verdict(&close), "agreement");
    assert_eq!(verdict(&apart), "conflict");
}

#[test]
fn a_model_number_and_a_breakdown_are_no_toll() {
    // "An-24" names the aircraft, and after the colon come parts of the 48: the toll is 48
    // in both, not 24 in one and 42 in the other.
    let dir = story(
        &[
            (
                "a.txt",
                "Crash\n\nOfficials lowered the death toll from the crash of the Antonov An-24 to 48.\n",
            ),
            (
                "b.txt",
                "Crash\n\nAll 48 people on board lost their lives: 42 passengers and six crew.\n",
            ),
        ],
        "2025-07-25",
    );
    assert_eq!(
        verdicts(dir.path(), "casualties"),
        [(
            "agreement".to_string(),
            vec!["48".to_string(), "48".to_string()]
        )]
    );
}

#[test]
fn a_total_in_an_article_of_several_places_is_no_one_place_s() {
    // Ashford is named most, but not more than Bexley and Canterbury together: the
    // agency's 20 for the region is the story's toll, as in the other article.
    let dir = story(
        &[
            (
                "a.txt",
                "Floods\n\nIn Ashford 3 people died on Friday. In Ashford 2 people were injured. \
                 In Bexley 4 people died. In Canterbury 5 people were injured.\n\n\
                 The National Disaster Agency (NDA) said 20 people died across the region.\n",
            ),
            (
                "b.txt",
                "Floods\n\nThe floods killed 20 people, the National Disaster Agency said.\n",
            ),
        ],
        "2025-11-30",
    );
    let got = verdicts(dir.path(), "casualties");
    assert!(
        got.contains(&(
            "agreement".to_string(),
            vec!["20".to_string(), "20".to_string()]
        )),
        "{got:?}"
    );
}

#[test]
fn a_figure_after_a_list_of_countries_is_none_of_theirs() {
    // The sentence before names three countries: the inflation rate that follows is not
    // France's for being named first.
    let dir = story(
        &[(
            "a.txt",
            "Prices\n\nPrices rose in France, Germany and Italy last year. Inflation reached \
             2.5% in March, the statistics office said.\n",
        )],
        "2025-04-10",
    );
    let (code, out, err) = run(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["rule"] == "inflation")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["inflation/none/2025-03"]);
}

#[test]
fn a_groups_count_is_no_total() {
    // "15 civilians" counts a group within the toll: the 40 dead agree, and the 15 stand
    // apart instead of contradicting them.
    let dir = story(
        &[
            (
                "a.txt",
                "Clash\n\nThe shelling killed 15 civilians on Thursday.\n\n\
                 In all, 40 people died in the fighting, officials said.\n",
            ),
            (
                "b.txt",
                "Clash\n\nForty people died in the fighting, officials said.\n",
            ),
        ],
        "2025-07-26",
    );
    assert_eq!(
        verdicts(dir.path(), "casualties"),
        [
            (
                "agreement".to_string(),
                vec!["40".to_string(), "40".to_string()]
            ),
            ("single-source".to_string(), vec!["15".to_string()]),
        ]
    );
}

#[test]
fn a_group_named_after_a_comma_is_not_the_tolls() {
    // "… killing 30 people, police sources said": the police tell the toll, they are no
    // group within it, so the 30 meets the other article's 32.
    let dir = story(
        &[
            (
                "a.txt",
                "Raid\n\nGunmen opened fire on the market, killing 30 people, police sources said.\n",
            ),
            (
                "b.txt",
                "Raid\n\nThe gunmen killed 32 people at the market.\n",
            ),
        ],
        "2025-04-23",
    );
    assert_eq!(
        verdicts(dir.path(), "casualties"),
        [(
            "conflict".to_string(),
            vec!["30".to_string(), "32".to_string()]
        )]
    );
}

#[test]
fn places_at_different_scales_are_one_toll() {
    let dir = story(
        &[
            (
                "a.txt",
                "Crash\n\nAt least 288 people were killed near Bahanaga.\n",
            ),
            (
                "b.txt",
                "Crash\n\nThe toll was revised to 275 people killed in Odisha.\n",
            ),
        ],
        "2023-06-04",
    );
    assert_eq!(
        verdicts(dir.path(), "casualties"),
        [(
            "conflict".to_string(),
            vec!["288".to_string(), "275".to_string()]
        )]
    );
}

#[test]
fn each_statement_joins_the_dispute_it_is_closest_to() {
    // Two disputes share the words "gas" and "tear": each denial must meet its own claim.
    let dir = story(
        &[
            (
                "a.txt",
                "Stadium crush\n\nPolice chief Nico Afinta denied that officers fired tear gas into the stands. Lawyer Budi Santoso said tear gas was the main cause of the deaths.\n",
            ),
            (
                "b.txt",
                "Stadium crush\n\nFan witness Rudi Hartono said officers fired tear gas straight into the south stands. Spokesman Dedi Prasetyo denied that tear gas was the cause of the deaths.\n",
            ),
        ],
        "2022-10-03",
    );
    let got = verdicts(dir.path(), "statement");
    assert_eq!(
        got,
        [
            (
                "conflict".to_string(),
                vec!["asserts".to_string(), "denies".to_string()]
            ),
            (
                "conflict".to_string(),
                vec!["denies".to_string(), "asserts".to_string()]
            ),
        ]
    );
}
