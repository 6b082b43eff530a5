//! The scaling example of docs/SCALING.md, end to end: `docs/scaling/dask_each.py` runs
//! `check --each` over an archive in shards on a Dask LocalCluster, and its joined JSON Lines
//! must be byte for byte one `check --each` run on the whole archive.
//!
//! It needs a Python venv with Dask: `bash docs/scaling/setup.sh` makes one in
//! `target/scaling-venv` (`.ci/run` does). Where it is absent the test fails and says so,
//! unless `CROSSCHECK_SKIP_DASK=1` (ignored when `CI` is set), which skips it out loud.
//! `CROSSCHECK_SCALING_PYTHON` names another Python that has Dask.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The venv's Python, or why there is none.
fn python() -> Result<PathBuf, String> {
    let python = match std::env::var_os("CROSSCHECK_SCALING_PYTHON") {
        Some(p) => PathBuf::from(p),
        None => root().join("target/scaling-venv/bin/python"),
    };
    let has_dask = Command::new(&python)
        .args(["-c", "import dask.distributed"])
        .output()
        .is_ok_and(|o| o.status.success());
    if has_dask {
        Ok(python)
    } else {
        Err(format!(
            "{} cannot import dask.distributed: make the venv with `bash docs/scaling/setup.sh` \
             (python3 -m venv target/scaling-venv, then pip install -r \
             docs/scaling/requirements.txt; on Debian python3-venv first), name another Python \
             in CROSSCHECK_SCALING_PYTHON, or set CROSSCHECK_SKIP_DASK=1 to skip this test",
            python.display()
        ))
    }
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

fn copy_story(from: &Path, to: &Path) {
    std::fs::create_dir(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// Eight stories whose folder order is not their creation order nor a case-blind one
/// (`B-…` before `a-…`), with a story that cannot be read (a bad manifest), an empty one, a
/// symbolic link to a story, and a hidden folder and a plain file that are no stories.
fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for (name, from) in [
        ("f-subgroup", "subgroup"),
        ("B-moment", "moment"),
        ("a-sole-date", "sole-date"),
        ("g-number-words", "number-words"),
        ("d-catch-all", "catch-all"),
        (".hidden", "catch-all"),
    ] {
        copy_story(&fixture(from), &root.join(name));
    }
    std::fs::write(root.join("notes.txt"), "not a story\n").unwrap();
    let bad = root.join("c-bad-manifest");
    std::fs::create_dir(&bad).unwrap();
    std::fs::copy(fixture("moment").join("a-en.txt"), bad.join("a-en.txt")).unwrap();
    std::fs::write(
        bad.join("story.toml"),
        "[[source]]\nfile = \"a-en.txt\"\npublished = \"20 July\"\n",
    )
    .unwrap();
    std::fs::create_dir(root.join("e-empty")).unwrap();
    std::os::unix::fs::symlink(fixture("sole-count"), root.join("h-link")).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn dask_example_joins_shards_into_exactly_one_each_run() {
    let python = match python() {
        Ok(p) => p,
        Err(why)
            if std::env::var_os("CI").is_none()
                && std::env::var("CROSSCHECK_SKIP_DASK").is_ok_and(|v| v == "1") =>
        {
            eprintln!("SKIPPED (CROSSCHECK_SKIP_DASK=1): {why}");
            return;
        }
        Err(why) => panic!("{why}"),
    };
    let dir = archive();
    let archive = dir.path();

    let one: Output = Command::new(BIN)
        .args(["check", "--each"])
        .arg(archive)
        .args(["--format", "json"])
        .output()
        .expect("binary runs");
    assert_eq!(
        one.status.code(),
        Some(2),
        "one story cannot be read: {}",
        text(&one.stderr)
    );
    let lines: Vec<serde_json::Value> = one
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("one JSON value a line"))
        .collect();
    let names: Vec<&str> = lines.iter().map(|l| l["story"].as_str().unwrap()).collect();
    // A linked story is named as its folder is (as `check` names it).
    assert_eq!(
        names,
        [
            "B-moment",
            "a-sole-date",
            "c-bad-manifest",
            "d-catch-all",
            "e-empty",
            "f-subgroup",
            "g-number-words",
            "sole-count"
        ],
        "the archive is what the test means it to be"
    );

    let out = tempfile::tempdir().unwrap();
    let merged = out.path().join("merged.jsonl");
    // Shards of 3 stories on 2 workers: 3 shards, finishing in any order.
    let dask = Command::new(&python)
        .arg(root().join("docs/scaling/dask_each.py"))
        .arg(archive)
        .arg(&merged)
        .args([
            "--crosscheck",
            BIN,
            "--workers",
            "2",
            "--shard-stories",
            "3",
        ])
        .output()
        .expect("python runs");
    let stderr = text(&dask.stderr);
    assert_eq!(dask.status.code(), Some(2), "as one run's exit: {stderr}");
    assert!(
        stderr.contains("8 stories in 3 shards"),
        "three shards: {stderr}"
    );
    let got = std::fs::read(&merged).expect("the example writes its output");
    if got != one.stdout {
        let (got, want) = (text(&got), text(&one.stdout));
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
        let story = |s: &str| {
            s.lines()
                .nth(line)
                .map(|l| l.chars().take(120).collect::<String>())
                .unwrap_or_else(|| "(no line)".into())
        };
        panic!(
            "the joined JSON Lines differ from one `check --each` run ({} and {} bytes), \
             first at line {}:\n  dask_each.py:  {}\n  check --each:  {}",
            got.len(),
            want.len(),
            line + 1,
            story(&got),
            story(&want)
        );
    }
    // Only the output is left: no parts, no temporary file.
    let left: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["merged.jsonl"]);
}
