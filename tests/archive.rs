//! End-to-end tests of archive mode (`check --each`): an archive is built in a temporary
//! folder from fixture stories, under new names, beside stories that cannot be read, and the
//! binary's output is compared with what `check` gives for each story alone.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

/// The archive's stories in folder order, and which of them cannot be read.
const STORIES: [(&str, bool); 5] = [
    ("a-sole-date", true),
    ("b-bad-manifest", false),
    ("c-moment", true),
    ("d-catch-all", true),
    ("e-empty", false),
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn copy_story(from: &Path, to: &Path) {
    std::fs::create_dir(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// Three fixture stories (created out of order) beside a hidden folder holding a readable
/// story and a plain file; `with_faults` adds a story whose manifest is wrong, an empty one
/// and files that stories skip with a warning: five stories.
fn archive(with_faults: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_story(&fixture("catch-all"), &root.join("d-catch-all"));
    copy_story(&fixture("moment"), &root.join("c-moment"));
    copy_story(&fixture("sole-date"), &root.join("a-sole-date"));
    copy_story(&fixture("catch-all"), &root.join(".hidden"));
    std::fs::write(root.join("notes.txt"), "not a story\n").unwrap();
    if with_faults {
        std::fs::write(root.join("a-sole-date/photo.png"), [0x89, 0x50, 0x4e, 0x47]).unwrap();
        std::fs::write(root.join("d-catch-all/z-empty.md"), "").unwrap();
        let bad = root.join("b-bad-manifest");
        std::fs::create_dir(&bad).unwrap();
        std::fs::copy(fixture("moment").join("a-en.txt"), bad.join("a-en.txt")).unwrap();
        std::fs::write(
            bad.join("story.toml"),
            "[[source]]\nfile = \"a-en.txt\"\npublished = \"20 July\"\n",
        )
        .unwrap();
        std::fs::create_dir(root.join("e-empty")).unwrap();
    }
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_with(args: &[&str], threads: Option<&str>, stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n);
    }
    let mut child = cmd.spawn().expect("binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

fn run(args: &[&str]) -> Run {
    run_with(args, None, None)
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn parse_lines(jsonl: &str) -> Vec<Value> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON value"))
        .collect()
}

#[test]
fn json_lines_are_each_storys_report_in_folder_order() {
    let dir = archive(true);
    let each = run(&["check", "--each", path(dir.path()), "--format", "json"]);
    assert_eq!(each.code, 2, "a story could not be read: {}", each.stderr);
    let lines = parse_lines(&each.stdout);
    let names: Vec<&str> = lines.iter().map(|l| l["story"].as_str().unwrap()).collect();
    let expected: Vec<&str> = STORIES.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, expected, "one line per story, in folder order");
    for ((name, readable), line) in STORIES.iter().zip(&lines) {
        if *readable {
            let alone = run(&["check", path(&dir.path().join(name)), "--format", "json"]);
            assert_eq!(alone.code, 0, "{name}: {}", alone.stderr);
            assert_ne!(
                alone.stdout.lines().count(),
                1,
                "check alone is pretty-printed"
            );
            let alone: Value = serde_json::from_str(&alone.stdout).unwrap();
            assert_eq!(line, &alone, "{name}: the line is the story's own report");
            assert!(!line["claims"].as_array().unwrap().is_empty(), "{name}");
        } else {
            assert_eq!(line["schema"], "crosscheck.error.v1", "{name}");
            assert!(line.get("claims").is_none(), "{name}");
        }
    }
    let bad = lines[1]["error"].as_str().unwrap();
    assert!(
        bad.ends_with("b-bad-manifest/story.toml:3:13: published '20 July': expected YYYY, YYYY-MM or YYYY-MM-DD"),
        "{bad}"
    );
    let empty = lines[4]["error"].as_str().unwrap();
    assert!(empty.contains("e-empty: no articles"), "{empty}");
    // Warnings name their story; all of stderr is in folder order.
    let stderr = [
        "warning: a-sole-date: photo.png: skipped: not a .txt, .md or .html article".to_string(),
        format!("error: {bad}"),
        "warning: d-catch-all: z-empty.md: skipped: empty".to_string(),
        format!("error: {empty}"),
        "error: 2 of 5 stories could not be checked".to_string(),
    ];
    assert_eq!(each.stderr.lines().collect::<Vec<_>>(), stderr);
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let dir = archive(true);
    for (format, threads) in [("json", "4"), ("table", "2")] {
        let args = ["check", "--each", path(dir.path()), "--format", format];
        let one = run_with(&args, Some("1"), None);
        assert_eq!(one.code, 2);
        {
            let many = run_with(&args, Some(threads), None);
            assert_eq!(one.code, many.code);
            assert!(
                one.stdout == many.stdout,
                "{format}: 1 vs {threads} threads"
            );
            assert!(
                one.stderr == many.stderr,
                "{format}: 1 vs {threads} threads"
            );
        }
    }
}

#[test]
fn stdin_lists_the_story_folders_in_its_own_order() {
    let dir = archive(true);
    let each = run(&["check", "--each", path(dir.path()), "--format", "json"]);
    let by_name: Vec<(&str, &str)> = STORIES
        .iter()
        .map(|s| s.0)
        .zip(each.stdout.lines())
        .collect();
    let line_of = |name: &str| by_name.iter().find(|(n, _)| *n == name).unwrap().1;
    let order = ["d-catch-all", "b-bad-manifest", "a-sole-date"];
    // Absolute paths, a blank line, a CRLF ending; a path relative to the working folder.
    let list = format!(
        "{}\n\n{}\r\n{}\n",
        path(&dir.path().join(order[0])),
        path(&dir.path().join(order[1])),
        path(&dir.path().join(order[2])),
    );
    let listed = run_with(
        &["check", "--each", "-", "--format", "json"],
        None,
        Some(&list),
    );
    assert_eq!(listed.code, 2, "{}", listed.stderr);
    let lines: Vec<&str> = listed.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", listed.stdout);
    for (name, line) in order.iter().zip(&lines) {
        assert_eq!(*line, line_of(name), "{name}");
    }

    let relative = run_with(
        &["check", "--each", "-", "--format", "json"],
        None,
        Some("tests/fixtures/moment\n"),
    );
    assert_eq!(relative.code, 0, "{}", relative.stderr);
    assert_eq!(parse_lines(&relative.stdout)[0]["story"], "moment");

    let nothing = run_with(&["check", "--each", "-"], None, Some("\n"));
    assert_eq!(nothing.code, 2);
    assert_eq!(nothing.stdout, "");
    assert_eq!(nothing.stderr, "error: -: no story folders\n");
}

/// Split a table or Markdown archive report at its headings: (heading, body) in order.
fn sections(out: &str, is_heading: impl Fn(&str) -> bool) -> Vec<(&str, String)> {
    let mut found: Vec<(&str, String)> = Vec::new();
    for line in out.split_inclusive('\n') {
        if is_heading(line) {
            found.push((line.trim_end(), String::new()));
        } else {
            let last = found.last_mut().expect("output opens with a heading");
            last.1.push_str(line);
        }
    }
    found
}

#[test]
fn table_and_markdown_give_one_section_per_story() {
    let dir = archive(true);
    for format in ["table", "markdown"] {
        let each = run(&["check", "--each", path(dir.path()), "--format", format]);
        assert_eq!(each.code, 2);
        let heading = |name: &str| match format {
            "table" => format!("== {name} =="),
            _ => format!("## {name}"),
        };
        let found = sections(&each.stdout, |l| {
            STORIES
                .iter()
                .any(|(name, _)| l == format!("{}\n", heading(name)))
        });
        let headings: Vec<&str> = found.iter().map(|(h, _)| *h).collect();
        let expected: Vec<String> = STORIES.iter().map(|(name, _)| heading(name)).collect();
        assert_eq!(headings, expected, "{format}");
        for ((name, readable), (_, body)) in STORIES.iter().zip(&found) {
            if *name == "c-moment" {
                let alone = run(&["check", path(&dir.path().join(name)), "--format", format]);
                // The story's own report; Markdown leaves a blank line under the heading, and
                // every section ends with a blank line.
                let want = match format {
                    "table" => format!("{}\n", alone.stdout),
                    _ => format!("\n{}\n", alone.stdout),
                };
                assert_eq!(body, &want, "{format}: {name}");
            } else if *readable {
                assert!(body.contains(" claims: "), "{format}: {name}: {body}");
            } else {
                assert!(body.contains("error"), "{format}: {name}: {body}");
                assert!(!body.contains("claims:"), "{format}: {name}");
            }
        }
    }
}

#[test]
fn exit_codes_and_a_quiet_stderr() {
    let dir = archive(false);
    let good = path(dir.path());
    let plain = run(&["check", "--each", good]);
    assert_eq!(plain.code, 0);
    assert_eq!(
        plain.stderr, "",
        "no progress bar when stderr is not a terminal"
    );
    // c-moment holds a conflict.
    let fail = run(&["check", "--each", good, "--fail-on", "conflict"]);
    assert_eq!(fail.code, 1);
    assert_eq!(fail.stdout, plain.stdout);
    let none = run(&["check", "--each", good, "--fail-on", "none"]);
    assert_eq!(none.code, 0);

    // A story that cannot be read outranks a conflict.
    let broken = archive(true);
    let code = run(&[
        "check",
        "--each",
        path(broken.path()),
        "--fail-on",
        "conflict",
    ])
    .code;
    assert_eq!(code, 2);

    let usage = run(&["check", "--each", good, "--manifest", "story.toml"]);
    assert_eq!(usage.code, 2);
    assert!(
        usage.stderr.contains("cannot be used with"),
        "{}",
        usage.stderr
    );
    let missing = run(&["check", "--each", "no/such/archive"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .starts_with("error: no/such/archive: cannot read")
    );
    let no_stories = run(&["check", "--each", path(&dir.path().join("c-moment"))]);
    assert_eq!(no_stories.code, 2);
    assert!(no_stories.stderr.ends_with(": no story folders\n"));
}

#[test]
fn output_file_is_written_whole_and_matches_stdout() {
    let dir = archive(true);
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("archive.jsonl");
    let args = ["check", "--each", path(dir.path()), "--format", "json"];
    let to_file = run(&[&args[..], &["--output", path(&file)]].concat());
    assert_eq!(to_file.code, 2);
    assert_eq!(to_file.stdout, "", "nothing on stdout with --output");
    let direct = run(&args);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), direct.stdout);
    let left = std::fs::read_dir(out_dir.path()).unwrap().count();
    assert_eq!(left, 1, "no temporary file left behind");
}
