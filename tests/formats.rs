//! The editors' and CI's formats, end to end on the example story: HTML rendered in headless
//! Chromium (DOM and a screenshot), SARIF validated against the vendored SARIF 2.1.0
//! schema, ClaimReview read as JSON-LD.
//!
//! The browser test needs Chromium (Debian package `chromium`; `.ci/run` installs it). Where
//! it is absent the test fails, unless `CROSSCHECK_SKIP_BROWSER=1`, which skips only the
//! browser part. `CROSSCHECK_CHROMIUM` names another binary.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");
const EXAMPLE: &str = "examples/iran-russia";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the binary from the crate root; exit code and stdout (stderr must be empty of errors).
fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(root())
        .output()
        .expect("binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("error"), "{args:?}: {err}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
    )
}

fn check(format: &str) -> String {
    let (code, out) = run(&["check", EXAMPLE, "--format", format]);
    assert_eq!(code, 0);
    out
}

/// The v1 JSON report of the example story: what the other formats must carry.
fn report() -> Value {
    serde_json::from_str(&check("json")).expect("JSON report")
}

fn strs(report: &Value, pick: impl Fn(&Value) -> Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .flat_map(pick)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Text as a browser serializes it in a text node (`--dump-dom`).
fn dom_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .to_path_buf()
}

// ---------------------------------------------------------------- HTML

/// Chromium's binary, or why there is none.
fn chromium() -> Result<String, String> {
    let names: Vec<String> = match std::env::var("CROSSCHECK_CHROMIUM") {
        Ok(name) => vec![name],
        Err(_) => vec!["chromium".into(), "chromium-browser".into()],
    };
    for name in &names {
        let ok = Command::new(name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Ok(name.clone());
        }
    }
    Err(format!(
        "no Chromium found (tried {}): install the Debian package `chromium` \
         (apt-get install -y chromium), name a binary in CROSSCHECK_CHROMIUM, or set \
         CROSSCHECK_SKIP_BROWSER=1 to skip the browser part of this test",
        names.join(", ")
    ))
}

/// Run headless Chromium on `url` with `args`; its stdout. Gives up after 90 s.
fn headless(chromium: &str, args: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).expect("chromium's output");
        s
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "chromium {args:?} failed: {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium {args:?} took over 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("reader")
}

#[test]
fn html_is_self_contained_escaped_and_deterministic() {
    let html = check("html");
    assert_eq!(html, check("html"), "same input, same bytes");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for fetch in ["<link", "<img", " src=", "@import", "url(", "<iframe"] {
        assert!(!html.contains(fetch), "the page fetches something: {fetch}");
    }
    assert_eq!(html.matches("<script>").count(), 1);
    assert_eq!(html.matches("<style>").count(), 1);
    // Every claim expands (conflicts open), with table semantics.
    let report = report();
    let claims = report["claims"].as_array().expect("claims").len();
    assert_eq!(html.matches("<details").count(), claims);
    assert_eq!(html.matches("<details open>").count(), 2);
    assert!(html.contains("<th scope=\"col\">Claim</th>"));
    assert_eq!(html.matches("<tr class=\"claim-row\">").count(), claims);
    // The reason of the Kabulov–Jalali conflict, as text with the value marked.
    assert!(html.contains("Zamir Kabulov asserts, Kazem Jalali denies"));
    assert!(html.contains("<mark>"));
}

#[test]
fn html_renders_in_chromium_with_every_claim_file_and_reason() {
    let chromium = match chromium() {
        Ok(c) => c,
        Err(why) if std::env::var("CROSSCHECK_SKIP_BROWSER").as_deref() == Ok("1") => {
            eprintln!("SKIPPED (CROSSCHECK_SKIP_BROWSER=1): {why}");
            return;
        }
        Err(why) => panic!("{why}"),
    };
    let dir = target_dir();
    let page = dir.join("html-report-iran-russia.html");
    let (code, _) = run(&[
        "check",
        EXAMPLE,
        "--format",
        "html",
        "--output",
        page.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code, 0);
    let url = format!("file://{}", page.display());

    let dom = headless(&chromium, &["--dump-dom"], &url);
    let report = report();
    let summaries = strs(&report, |c| {
        vec![c["summary"].as_str().unwrap().to_string()]
    });
    let reasons = strs(&report, |c| vec![c["reason"].as_str().unwrap().to_string()]);
    let files = strs(&report, |c| {
        c["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| format!("{}:{}", m["file"].as_str().unwrap(), m["line"]))
            .collect()
    });
    assert!(summaries.len() > 10 && files.len() > 10);
    for s in summaries.iter().chain(&reasons).chain(&files) {
        assert!(dom.contains(&dom_text(s)), "not in the rendered DOM: {s}");
    }
    for source in report["sources"].as_array().unwrap() {
        let file = source["file"].as_str().unwrap();
        assert!(dom.contains(&dom_text(file)), "source {file} missing");
    }
    // The script ran: the filters are shown and count every claim.
    let n = report["claims"].as_array().unwrap().len();
    assert!(
        dom.contains(&format!("Showing {n} of {n} claims.")),
        "filter script did not run"
    );
    assert!(!dom.contains("id=\"filters\" aria-labelledby=\"h-filters\" hidden"));

    // A filter from the query: only the conflicts stay shown.
    let filtered = headless(
        &chromium,
        &["--dump-dom"],
        &format!("{url}?verdict=conflict"),
    );
    assert!(filtered.contains(&format!("Showing 2 of {n} claims.")));
    let hidden = filtered
        .match_indices("<article class=\"claim\"")
        .filter(|(at, _)| {
            let tag_end = filtered[*at..].find('>').unwrap();
            filtered[*at..*at + tag_end].contains(" hidden")
        })
        .count();
    assert_eq!(hidden, n - 2);

    let shot = dir.join("html-report-iran-russia.png");
    let _ = std::fs::remove_file(&shot);
    headless(
        &chromium,
        &[
            "--window-size=1280,1500",
            &format!("--screenshot={}", shot.display()),
        ],
        &url,
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{}",
        shot.display()
    );
    eprintln!("screenshot: {}", shot.display());
}

// ---------------------------------------------------------------- SARIF

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let schema: Value = serde_json::from_str(include_str!("schemas/sarif-schema-2.1.0.json"))
        .expect("the vendored schema is JSON");
    let validator = jsonschema::draft4::new(&schema).expect("the schema compiles");
    let text = check("sarif");
    assert_eq!(text, check("sarif"), "same input, same bytes");
    let sarif: Value = serde_json::from_str(&text).expect("SARIF is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // The schema must be able to fail: a result without a message is rejected.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&broken));

    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    let report = report();
    let claims = report["claims"].as_array().unwrap();
    assert_eq!(results.len(), claims.len());
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for (r, c) in results.iter().zip(claims) {
        let level = if c["verdict"] == "conflict" {
            "error"
        } else {
            "note"
        };
        assert_eq!(r["level"], level, "{}", c["id"]);
        assert_eq!(r["ruleId"], c["rule"]);
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize], c["rule"]);
        let mentions = c["mentions"].as_array().unwrap();
        let locations = r["locations"].as_array().unwrap();
        assert_eq!(locations.len(), mentions.len());
        for (l, m) in locations.iter().zip(mentions) {
            let p = &l["physicalLocation"];
            // Relative to where the check ran (the repository root in CI).
            assert_eq!(
                p["artifactLocation"]["uri"],
                format!("{EXAMPLE}/{}", m["file"].as_str().unwrap())
            );
            assert_eq!(p["region"]["startLine"], m["line"]);
        }
    }
    // Help text comes from the frame.
    let help = run["tool"]["driver"]["rules"][0]["help"]["text"]
        .as_str()
        .unwrap();
    assert!(help.contains("Summary template:") && help.contains("rules/claims/"));
}

// ---------------------------------------------------------------- ClaimReview

#[test]
fn claimreview_is_json_ld_with_the_required_properties() {
    let text = check("claimreview");
    let reviews: Value = serde_json::from_str(&text).expect("ClaimReview is JSON");
    let reviews = reviews.as_array().expect("an array of reviews");
    let report = report();
    let claims = report["claims"].as_array().unwrap();
    assert_eq!(reviews.len(), claims.len());
    let urls: Vec<(&str, Option<&str>)> = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["file"].as_str().unwrap(), s["url"].as_str()))
        .collect();
    for (r, c) in reviews.iter().zip(claims) {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["claimReviewed"], c["summary"]);
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        let rating = &r["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        let name = match c["verdict"].as_str().unwrap() {
            "conflict" => "Sources conflict",
            "agreement" => "Sources agree",
            _ => "Single source",
        };
        assert_eq!(rating["alternateName"], name);
        assert_eq!(rating["ratingExplanation"], c["reason"]);
        // Each article (url where known) once per speaker, the speaker as author.
        let appearance = r["itemReviewed"]["appearance"].as_array().unwrap();
        assert!(!appearance.is_empty());
        for m in c["mentions"].as_array().unwrap() {
            let file = m["file"].as_str().unwrap();
            let url = urls.iter().find(|(f, _)| *f == file).unwrap().1;
            let found = appearance.iter().any(|a| {
                a["name"] == file
                    && a["url"].as_str() == url
                    && a["author"]["name"].as_str() == m["speaker"].as_str()
            });
            assert!(found, "{} in {file} not in the appearances", c["id"]);
        }
    }
    // The Kabulov–Jalali conflict: one article, two speakers, two appearances.
    let talks = reviews
        .iter()
        .find(|r| r["identifier"] == "talks-stalled/negotiations")
        .expect("the talks conflict");
    assert_eq!(
        talks["itemReviewed"]["appearance"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

// ---------------------------------------------------------------- Terminal

fn run_env(args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("binary runs");
    let mut pipe = child.stdin.take().expect("stdin");
    std::io::Write::write_all(&mut pipe, stdin.unwrap_or_default()).expect("stdin written");
    drop(pipe);
    let out = child.wait_with_output().expect("binary ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

#[test]
fn colour_by_verdict_only_when_asked_or_on_a_terminal() {
    let (_, plain, _) = run_env(&["check", EXAMPLE], &[], None);
    assert!(!plain.contains('\x1b'), "a pipe gets no colour");
    let (_, always, _) = run_env(&["check", EXAMPLE, "--color", "always"], &[], None);
    assert!(always.contains("\x1b[38;5;9m conflict"), "conflicts in red");
    assert!(
        always.contains("\x1b[38;5;10m agreement"),
        "agreements in green"
    );
    // --color always overrides NO_COLOR; --color never wins over everything.
    let (_, forced, _) = run_env(
        &["check", EXAMPLE, "--color", "always"],
        &[("NO_COLOR", "1")],
        None,
    );
    assert_eq!(forced, always);
    let (_, never, _) = run_env(&["--color", "never", "check", EXAMPLE], &[], None);
    assert_eq!(never, plain);
    // Without the escapes the table is the same table.
    let stripped = strip_ansi(&always);
    assert_eq!(stripped, plain);
}

/// `always` with its ANSI colour sequences removed.
fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find('\x1b') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('m').expect("an SGR sequence ends in m");
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn version_prints_the_package_version() {
    let (code, out, _) = run_env(&["--version"], &[], None);
    assert_eq!(code, 0);
    assert_eq!(out, format!("crosscheck {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn check_dash_reads_one_article_from_stdin() {
    let article = std::fs::read(root().join(EXAMPLE).join("04-courier-2024-en.txt")).unwrap();
    let (code, out, err) = run_env(&["check", "-", "--format", "json"], &[], Some(&article));
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(report["story"], "stdin");
    assert_eq!(report["sources"][0]["file"], "stdin.txt");
    assert_eq!(
        report["sources"][0]["language"], "en",
        "detected as for a file"
    );
    let conflict = &report["claims"][0];
    assert_eq!(conflict["verdict"], "conflict");
    assert_eq!(
        conflict["reason"],
        "Zamir Kabulov asserts, Kazem Jalali denies"
    );
    // The Indonesian article: its language is detected too.
    let id = std::fs::read(root().join(EXAMPLE).join("02-kabar-id.txt")).unwrap();
    let (_, out, _) = run_env(&["check", "-", "--format", "json"], &[], Some(&id));
    let report: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(report["sources"][0]["language"], "id");
}

#[test]
fn one_document_formats_refuse_each_and_claims() {
    let (code, out, err) = run_env(
        &["check", "--each", "examples", "--format", "html"],
        &[],
        None,
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("--format html is one document per story"),
        "{err}"
    );
    let (code, _, err) = run_env(&["claims", EXAMPLE, "--format", "sarif"], &[], None);
    assert_eq!(code, 2);
    assert!(err.contains("not sarif"), "{err}");
}

// ---------------------------------------------------------------- JSON v2

fn v2_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../docs/report-v2.schema.json"))
        .expect("docs/report-v2.schema.json is JSON");
    jsonschema::draft202012::new(&schema).expect("the v2 schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, report: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

#[test]
fn json_v2_is_the_default_and_validates_against_its_schema() {
    let validator = v2_validator();
    let v2: Value = serde_json::from_str(&check("json")).unwrap();
    assert_eq!(v2["schema"], "crosscheck.report.v2");
    assert_valid(&validator, &v2, "example story");
    // The schema can fail: an unknown verdict, a missing field.
    let mut broken = v2.clone();
    broken["claims"][0]["verdict"] = Value::from("maybe");
    assert!(!validator.is_valid(&broken));
    let mut broken = v2.clone();
    broken["claims"][0]["mentions"][0]
        .as_object_mut()
        .unwrap()
        .remove("hedged");
    assert!(!validator.is_valid(&broken));

    // What v2 adds, on the example: the Indonesian article takes the Ledger's text.
    let kabar = &v2["sources"][1];
    assert_eq!(kabar["upstream"], "The Daily Ledger");
    assert_eq!(kabar["origin_group"], v2["sources"][0]["origin_group"]);
    assert_eq!(v2["resolved"], Value::Null);

    // v1 is kept: the same claims, ids and mentions, without the added fields.
    let (code, v1) = run(&["check", EXAMPLE, "--format", "json", "--schema", "v1"]);
    assert_eq!(code, 0);
    let v1: Value = serde_json::from_str(&v1).unwrap();
    assert_eq!(v1["schema"], "crosscheck.report.v1");
    let ids = |r: &Value| -> Vec<Value> {
        r["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].clone())
            .collect()
    };
    assert_eq!(ids(&v1), ids(&v2));
    assert!(v1["claims"][0]["mentions"][0].get("hedged").is_none());
}

#[test]
fn json_v2_lines_of_every_test_story_validate() {
    let validator = v2_validator();
    let (code, out) = run(&["check", "--each", "tests/stories", "--format", "json"]);
    assert_eq!(code, 0);
    let mut hedged = 0;
    let mut lines = 0;
    for line in out.lines() {
        let report: Value = serde_json::from_str(line).expect("a JSON line");
        let story = report["story"].as_str().unwrap_or("?").to_string();
        assert_valid(&validator, &report, &story);
        hedged += report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["mentions"].as_array().unwrap())
            .filter(|m| m["hedged"] == true)
            .count();
        lines += 1;
    }
    assert!(lines >= 10, "{lines} stories");
    assert!(hedged > 0, "no hedged mention in any test story");
}
