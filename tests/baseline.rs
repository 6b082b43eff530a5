//! The baseline flow end to end, on a copy of the example story: record the reviewed
//! conflicts, check against them (passes), add an article that makes a new conflict (exit 1,
//! marked new), change its value (changed), take it away again (passes); and claim ids that
//! stay put when an unrelated article is added or edited.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/iran-russia")
}

/// A copy of the example story in a temporary folder named `story`.
fn copy_example() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let story = tmp.path().join("story");
    std::fs::create_dir(&story).unwrap();
    for entry in std::fs::read_dir(example()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), story.join(entry.file_name())).unwrap();
    }
    (tmp, story)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `check --baseline FILE --fail-on new-conflict --format json`: exit code and report.
fn check_against(story: &Path, baseline: &Path) -> (i32, Value) {
    let (code, out, err) = run(&[
        "check",
        s(story),
        "--baseline",
        s(baseline),
        "--fail-on",
        "new-conflict",
        "--format",
        "json",
    ]);
    assert!(code == 0 || code == 1, "{err}");
    (code, serde_json::from_str(&out).expect("JSON report"))
}

/// Conflict id -> baseline status.
fn statuses(report: &Value) -> Vec<(String, String)> {
    report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["verdict"] == "conflict")
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["baseline"]
                    .as_str()
                    .expect("a conflict has a status")
                    .to_string(),
            )
        })
        .collect()
}

const VISIT: &str = "visit/vladimir-putin/tehran/2022-07";

#[test]
fn baseline_then_pass_then_a_new_conflict_fails_and_is_marked_new() {
    let (tmp, story) = copy_example();
    let baseline = tmp.path().join("baseline.toml");
    let (code, _, err) = run(&["baseline", s(&story), "--output", s(&baseline)]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&baseline).unwrap();
    assert!(
        text.contains("id = \"talks-stalled/negotiations\""),
        "{text}"
    );

    // Nothing changed: every conflict reviewed, exit 0.
    let (code, report) = check_against(&story, &baseline);
    assert_eq!(code, 0);
    let reviewed = statuses(&report);
    assert_eq!(reviewed.len(), 2);
    assert!(
        reviewed.iter().all(|(_, st)| st == "reviewed"),
        "{reviewed:?}"
    );
    assert_eq!(report["resolved"], Value::Array(vec![]));
    // --fail-on conflict still fails on the reviewed ones.
    let (code, _, _) = run(&["check", s(&story), "--fail-on", "conflict"]);
    assert_eq!(code, 1);

    // A wire story dates Putin's visit a day later: a new conflict.
    let wire = story.join("05-wire-en.txt");
    std::fs::write(
        &wire,
        "Putin arrives in Tehran\n\nVladimir Putin arrived in Tehran on 20 July 2022 for \
         talks with Ebrahim Raisi.\n",
    )
    .unwrap();
    let (code, report) = check_against(&story, &baseline);
    assert_eq!(code, 1, "a new conflict fails the check");
    let now = statuses(&report);
    assert!(
        now.contains(&(VISIT.to_string(), "new".to_string())),
        "{now:?}"
    );
    assert_eq!(now.iter().filter(|(_, st)| st == "reviewed").count(), 2);
    let (_, table, _) = run(&["check", s(&story), "--baseline", s(&baseline)]);
    assert!(
        table.contains("(new)") && table.contains("(reviewed)"),
        "{table}"
    );

    // Reviewed with the wire story in: passes; then its date changes (to the other day
    // next to the visit's, still one event told two ways): changed, exit 1.
    run(&["baseline", s(&story), "--output", s(&baseline)]);
    assert_eq!(check_against(&story, &baseline).0, 0);
    let edited = std::fs::read_to_string(&wire)
        .unwrap()
        .replace("20 July", "18 July");
    std::fs::write(&wire, edited).unwrap();
    let (code, report) = check_against(&story, &baseline);
    assert_eq!(code, 1);
    assert!(statuses(&report).contains(&(VISIT.to_string(), "changed".to_string())));

    // The wire story withdrawn: its conflict is resolved, and the check passes.
    std::fs::remove_file(&wire).unwrap();
    let (code, report) = check_against(&story, &baseline);
    assert_eq!(code, 0);
    let resolved = report["resolved"].as_array().unwrap();
    assert_eq!(resolved.len(), 1);
    assert_eq!(resolved[0]["id"], VISIT);

    // SARIF carries the states: a reviewed conflict is a warning.
    let (_, sarif, _) = run(&[
        "check",
        s(&story),
        "--baseline",
        s(&baseline),
        "--format",
        "sarif",
    ]);
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    let first = &sarif["runs"][0]["results"][0];
    assert_eq!(first["baselineState"], "unchanged");
    assert_eq!(first["level"], "warning");
}

fn ids(story: &Path) -> Vec<String> {
    let (code, out, err) = run(&["check", s(story), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let mut ids: Vec<String> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn claim_ids_stay_when_an_unrelated_article_is_added_or_edited() {
    let (_tmp, story) = copy_example();
    let before = ids(&story);
    assert!(before.contains(&VISIT.to_string()));

    // An article sorted first (it shifts every position after it) on another matter.
    std::fs::write(
        story.join("00-almanac-en.txt"),
        "Harvest report\n\nFarmers in Kenya harvested 3 million tonnes of maize in 2020, \
         the ministry said.\n\nThe rains came early this year.\n",
    )
    .unwrap();
    let added = ids(&story);
    let kept: Vec<&String> = before.iter().filter(|id| !added.contains(id)).collect();
    assert!(
        kept.is_empty(),
        "ids lost when an article was added: {kept:?}"
    );
    assert!(
        added.len() > before.len(),
        "the new article adds claims of its own"
    );

    // An unrelated paragraph put at the top of an existing article (every line moves).
    let path = story.join("01-ledger-en.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("Editor's note: this article was updated with a new photograph.\n\n{text}"),
    )
    .unwrap();
    let edited = ids(&story);
    assert_eq!(
        edited, added,
        "ids changed when an article was edited elsewhere"
    );
}
