//! Helpers shared by the integration tests.

use serde_json::Value;
use std::process::Command;

/// The statement claims of `crosscheck check DIR --format json`, as JSON; the run must
/// succeed.
pub fn statement_claims(dir: &str) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["check", dir, "--format", "json"])
        .output()
        .expect("run crosscheck");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["kind"] == "statement")
        .cloned()
        .collect()
}
