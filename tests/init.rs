//! `crosscheck init`: a draft manifest from what was inferred, never over an existing one.

use std::process::Command;

fn crosscheck(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn init_writes_a_draft_that_check_reads_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().to_str().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Floods in the valley\n\nAt least 12 people were killed when the river burst its banks on 14 May 2024, the regional governor said. Rescuers searched the villages this month.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.html"),
        "<html lang=\"en\"><head><meta property=\"og:site_name\" content=\"Valley Post\">\
         <meta property=\"article:published_time\" content=\"2024-05-16T08:00:00Z\"></head>\
         <body><article><h1>River toll rises</h1><p>The number of dead from the floods has \
         risen to 14, rescue teams said on Wednesday after a night of searching.</p>\
         <p>Rescuers went on searching the villages along the river this month.</p>\
         </article></body></html>",
    )
    .unwrap();
    let (before, _, _) = crosscheck(&["check", story, "--format", "json"]);
    assert_eq!(before, 0);
    let without = crosscheck(&["check", story, "--format", "json"]).1;

    let (code, _, stderr) = crosscheck(&["init", story]);
    assert_eq!(code, 0, "{stderr}");
    let path = dir.path().join("story.toml");
    let draft = std::fs::read_to_string(&path).unwrap();
    let toml: toml::Table = draft.parse().expect("the draft is TOML");
    let sources = toml["source"].as_array().unwrap();
    assert_eq!(sources.len(), 2);
    let a = sources[0].as_table().unwrap();
    assert_eq!(a["file"].as_str(), Some("a.txt"));
    assert_eq!(a["language"].as_str(), Some("en"));
    assert_eq!(a["published"].as_str(), Some("2024-05"));
    let b = sources[1].as_table().unwrap();
    assert_eq!(b["published"].as_str(), Some("2024-05-16"));
    assert_eq!(b["outlet"].as_str(), Some("Valley Post"));
    // Each field says where it came from; what was not found is left commented out.
    assert!(
        draft.contains("# inferred: assumed: its latest date is '14 May 2024'"),
        "{draft}"
    );
    assert!(draft.contains("# inferred: the page's metadata"), "{draft}");
    assert!(draft.contains("# url = \"\"   # not found"), "{draft}");

    // The draft, read as the manifest, changes no claim (only the warnings that the date
    // was assumed, and the report's record of it, go).
    let claims = |json: &str| -> serde_json::Value {
        serde_json::from_str::<serde_json::Value>(json).unwrap()["claims"].clone()
    };
    let with = crosscheck(&["check", story, "--format", "json"]).1;
    assert_eq!(claims(&with), claims(&without));
    let before: serde_json::Value = serde_json::from_str(&without).unwrap();
    assert!(
        before["sources"][0]["published_assumed"]
            .as_str()
            .is_some_and(|r| r.contains("its latest date is '14 May 2024'")),
        "{before}"
    );

    // A second init leaves the manifest alone.
    std::fs::write(&path, "# mine\n").unwrap();
    let (code, _, stderr) = crosscheck(&["init", story]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("init never overwrites a manifest"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
}
