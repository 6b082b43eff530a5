//! Baseline: the conflicts an editor has reviewed, so that CI fails only on what is new.
//!
//! `crosscheck baseline STORY --output FILE` records every current conflict by claim id
//! with its values; `check STORY --baseline FILE` marks each conflict `new` (its id is not
//! in the baseline), `changed` (its values differ from the recorded ones) or `reviewed`,
//! and lists the recorded conflicts that are no longer conflicts (resolved). Claim ids are
//! made from the frame and its key (`visit/vladimir-putin/tehran/2022-07`), not from
//! positions, so adding or editing an unrelated article leaves them alone.
//!
//! Input: an [`Analysis`] (and a baseline file). Output: a [`Baseline`] (TOML text) or a
//! [`Comparison`].

use crate::Analysis;
use crate::judge::{Judged, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub const SCHEMA: &str = "crosscheck.baseline.v1";

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: String,
    pub story: String,
    #[serde(default, rename = "conflict")]
    pub conflicts: Vec<Recorded>,
}

/// One reviewed conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recorded {
    pub id: String,
    /// For the reader of the file; not compared.
    pub summary: String,
    /// The distinct values its sources give, sorted ("asserts", "denies" for statements).
    pub values: Vec<String>,
}

/// A conflict's standing against the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    New,
    Changed,
    Reviewed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Changed => "changed",
            Status::Reviewed => "reviewed",
        }
    }

    /// SARIF's `baselineState` for this status.
    pub fn sarif(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Changed => "updated",
            Status::Reviewed => "unchanged",
        }
    }
}

/// The current conflicts against a baseline.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// Claim id -> status, for every current conflict.
    pub status: BTreeMap<String, Status>,
    /// Recorded conflicts that are no longer conflicts, in id order.
    pub resolved: Vec<Recorded>,
}

impl Comparison {
    /// Whether any conflict is new or changed: `--fail-on new-conflict`.
    pub fn has_new(&self) -> bool {
        self.status.values().any(|s| *s != Status::Reviewed)
    }

    pub fn of(&self, id: &str) -> Option<Status> {
        self.status.get(id).copied()
    }
}

/// The distinct values of a claim's mentions, sorted.
fn values(a: &Analysis, j: &Judged) -> Vec<String> {
    let set: BTreeSet<String> = j
        .claim
        .mentions
        .iter()
        .map(|&i| {
            let m = &a.mentions[i];
            format!("{}{}", m.approx.sign(), m.value_text())
        })
        .collect();
    set.into_iter().collect()
}

/// The baseline of an analysis: its conflicts, in report order.
pub fn record(a: &Analysis) -> Baseline {
    Baseline {
        schema: SCHEMA.to_string(),
        story: a.story.name.clone(),
        conflicts: a
            .claims
            .iter()
            .filter(|j| j.verdict == Verdict::Conflict)
            .map(|j| Recorded {
                id: j.claim.id.clone(),
                summary: j.claim.summary.clone(),
                values: values(a, j),
            })
            .collect(),
    }
}

impl Baseline {
    /// The file's text: TOML, with a header saying what it is.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).expect("baseline serializes");
        format!(
            "# Reviewed conflicts of a crosscheck story (crosscheck baseline). `check --baseline` \
             marks\n# a conflict listed here 'reviewed' while its values stay the same.\n{body}"
        )
    }

    /// Read a baseline file; the error names the file (and line, for bad TOML).
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
        let b: Baseline = toml::from_str(&text)
            .map_err(|e| format!("{}: not a baseline file: {e}", path.display()))?;
        if b.schema != SCHEMA {
            return Err(format!(
                "{}: baseline schema '{}' is not {SCHEMA}",
                path.display(),
                b.schema
            ));
        }
        Ok(b)
    }
}

/// Compare an analysis's conflicts with a baseline.
pub fn compare(a: &Analysis, baseline: &Baseline) -> Comparison {
    let recorded: BTreeMap<&str, &Recorded> = baseline
        .conflicts
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect();
    let mut status = BTreeMap::new();
    for j in a.claims.iter().filter(|j| j.verdict == Verdict::Conflict) {
        let s = match recorded.get(j.claim.id.as_str()) {
            None => Status::New,
            Some(r) if r.values != values(a, j) => Status::Changed,
            Some(_) => Status::Reviewed,
        };
        status.insert(j.claim.id.clone(), s);
    }
    let mut resolved: Vec<Recorded> = baseline
        .conflicts
        .iter()
        .filter(|r| !status.contains_key(&r.id))
        .cloned()
        .collect();
    resolved.sort_by(|x, y| x.id.cmp(&y.id));
    Comparison { status, resolved }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_baseline_reads_back_what_it_wrote() {
        let b = Baseline {
            schema: SCHEMA.into(),
            story: "s".into(),
            conflicts: vec![Recorded {
                id: "count/dead".into(),
                summary: "Dead \"in\" the fire".into(),
                values: vec!["12".into(), "15".into()],
            }],
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.toml");
        std::fs::write(&path, b.to_toml()).unwrap();
        assert_eq!(Baseline::read(&path).unwrap(), b);
        std::fs::write(&path, "schema = \"other\"\nstory = \"s\"\n").unwrap();
        assert!(Baseline::read(&path).unwrap_err().contains("is not"));
    }
}
