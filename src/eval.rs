//! `crosscheck eval DIR`: compare the report for a story folder with its labelled answer,
//! `DIR/expected.toml`, and measure precision and recall per verdict.
//!
//! Labels are matched to reported claims as `../shared/tools/score.py` does: a label's
//! mention is covered by a report mention in the same file whose value is compatible
//! (dates by prefix, numbers within 5%, polarity equal); the claim covering most of a label
//! wins. A label is correct when that claim has the label's verdict, at least half of the
//! claim's mentions belong to the label, and (except for single-source) it spans the
//! label's files.
//!
//! Input: an analysis and the labels. Output: an [`Evaluation`] and its text.

use crate::Analysis;
use crate::judge::{Judged, Verdict};
use crate::rules::Location;
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFile {
    #[serde(default)]
    claim: Vec<Label>,
}

/// One labelled claim.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub id: String,
    pub kind: Option<String>,
    #[serde(default)]
    pub description: String,
    pub verdict: String,
    pub mentions: Vec<LabelMention>,
    pub note: Option<String>,
    /// A statement's speaker for every mention that names none of its own.
    #[serde(default)]
    pub speaker: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelMention {
    pub file: String,
    pub value: Option<String>,
    pub speaker: Option<String>,
}

/// Read `expected.toml`; errors carry file, line and column.
pub fn read_labels(path: &std::path::Path) -> Result<Vec<Label>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let f: ExpectedFile = toml::from_str(&text).map_err(|e| {
        let off = e.span().map_or(0, |s| s.start);
        let before = &text[..off.min(text.len())];
        let at = Location {
            file: path.display().to_string(),
            line: before.matches('\n').count() + 1,
            column: before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1,
        };
        format!("{at}: {}", e.message().trim())
    })?;
    let mut labels = f.claim;
    for label in &mut labels {
        if let Some(speaker) = &label.speaker {
            for m in label.mentions.iter_mut().filter(|m| m.speaker.is_none()) {
                m.speaker = Some(speaker.clone());
            }
        }
    }
    Ok(labels)
}

#[derive(Debug, Clone, PartialEq)]
enum Canon {
    Any,
    Polarity(String),
    Date(String),
    Percent(f64),
    Money(f64, String),
    Duration(String),
    Count(f64),
}

fn num(s: &str) -> Option<f64> {
    let s = s.trim().to_lowercase().replace(',', "");
    let end = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || ((c == '-' || c == '+') && i == 0)))
        .map_or(s.len(), |(i, _)| i);
    s[..end].parse().ok()
}

/// A value in either the report's or a label's notation.
fn canon(v: &str) -> Canon {
    let v = v.trim();
    let low = v.to_lowercase();
    if low == "asserts" || low == "denies" {
        return Canon::Polarity(low);
    }
    let first = v.split('/').next().unwrap_or(v);
    let is_date = |s: &str| {
        let b = s.as_bytes();
        matches!(s.len(), 4 | 7 | 10)
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    if is_date(first) {
        return Canon::Date(first.to_string());
    }
    if let Some(p) = low.strip_suffix('%') {
        return num(p).map_or(Canon::Any, Canon::Percent);
    }
    let parts: Vec<&str> = low.split_whitespace().collect();
    if parts.len() == 2 {
        let is_code = |s: &str| s.len() == 3 && s.chars().all(|c| c.is_ascii_alphabetic());
        if is_code(parts[1])
            && let Some(n) = num(parts[0])
        {
            return Canon::Money(n, parts[1].to_string());
        }
        if is_code(parts[0])
            && let Some(n) = num(parts[1])
        {
            return Canon::Money(n, parts[0].to_string());
        }
    }
    if low.len() >= 3
        && low.starts_with('p')
        && low[1..low.len() - 1].chars().all(|c| c.is_ascii_digit())
    {
        return Canon::Duration(low);
    }
    if !low.is_empty()
        && low
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || c == '-' || c == '+')
    {
        return num(&low).map_or(Canon::Any, Canon::Count);
    }
    Canon::Any
}

fn close(x: f64, y: f64) -> bool {
    (x.abs() - y.abs()).abs() <= 0.05 * x.abs().max(y.abs()).max(1e-9)
}

fn compatible(a: &Canon, b: &Canon) -> bool {
    match (a, b) {
        (Canon::Any, _) | (_, Canon::Any) => true,
        (Canon::Date(x), Canon::Date(y)) => x.starts_with(y.as_str()) || y.starts_with(x.as_str()),
        (Canon::Percent(x), Canon::Percent(y)) | (Canon::Count(x), Canon::Count(y)) => {
            close(*x, *y)
        }
        (Canon::Money(x, c), Canon::Money(y, d)) => c == d && close(*x, *y),
        (x, y) => x == y,
    }
}

fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How well a report mention stands for a label mention: 0 none, 0.5 weak, 2 strict, +1 speaker.
fn mention_score(label: &LabelMention, file: &str, value: &str, speaker: Option<&str>) -> f64 {
    if label.file.rsplit('/').next() != file.rsplit('/').next() {
        return 0.0;
    }
    let lv = label.value.clone().unwrap_or_default();
    let (cl, cr) = (canon(&lv), canon(value));
    let mut score = if lv.trim().eq_ignore_ascii_case(value.trim())
        || (cl != Canon::Any && cr != Canon::Any && compatible(&cl, &cr))
    {
        2.0
    } else if cl == Canon::Any || cr == Canon::Any {
        0.5
    } else {
        return 0.0;
    };
    if let (Some(ls), Some(ts)) = (label.speaker.as_deref(), speaker)
        && !words(ls).is_disjoint(&words(ts))
    {
        score += 1.0;
    }
    score
}

/// The outcome for one label.
#[derive(Debug, Clone)]
pub struct LabelResult {
    pub label: Label,
    /// Index into the report's claims of the claim that covers it, if any.
    pub claim: Option<usize>,
    pub correct: bool,
    pub why: String,
}

#[derive(Debug)]
pub struct Evaluation {
    pub results: Vec<LabelResult>,
    /// Reported conflicts that no conflict label accounts for.
    pub false_conflicts: Vec<usize>,
}

fn mention_values(a: &Analysis, j: &Judged) -> Vec<(String, String, Option<String>)> {
    j.claim
        .mentions
        .iter()
        .map(|&i| {
            let m = &a.mentions[i];
            (m.file.clone(), m.value_text(), m.speaker.clone())
        })
        .collect()
}

/// Match every label to the report.
pub fn evaluate(a: &Analysis, labels: &[Label]) -> Evaluation {
    let claims: Vec<Vec<(String, String, Option<String>)>> =
        a.claims.iter().map(|j| mention_values(a, j)).collect();
    let mut results = Vec::new();
    let mut matched_conflicts = BTreeSet::new();
    for label in labels {
        let mut best: Option<(f64, usize, Vec<f64>)> = None;
        for (ci, ms) in claims.iter().enumerate() {
            let per: Vec<f64> = label
                .mentions
                .iter()
                .map(|lm| {
                    ms.iter()
                        .map(|(f, v, s)| mention_score(lm, f, v, s.as_deref()))
                        .fold(0.0, f64::max)
                })
                .collect();
            if !per.iter().any(|&x| x >= 2.0) {
                continue;
            }
            let j = &a.claims[ci];
            let kind_bonus = if label.kind.as_deref() == Some(j.claim.kind.as_str()) {
                0.5
            } else {
                0.0
            };
            let text_bonus = 0.5
                * strsim::normalized_levenshtein(
                    &label.description.to_lowercase(),
                    &j.claim.summary.to_lowercase(),
                );
            let score = per.iter().sum::<f64>() + kind_bonus + text_bonus;
            if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                best = Some((score, ci, per));
            }
        }
        let Some((_, ci, per)) = best else {
            results.push(LabelResult {
                label: label.clone(),
                claim: None,
                correct: false,
                why: "no claim covers its mentions".into(),
            });
            continue;
        };
        let j = &a.claims[ci];
        let needed: BTreeSet<String> = label.mentions.iter().map(|m| m.file.clone()).collect();
        let got: BTreeSet<String> = label
            .mentions
            .iter()
            .zip(&per)
            .filter(|(_, x)| **x >= 0.5)
            .map(|(m, _)| m.file.clone())
            .collect();
        let ms = &claims[ci];
        let pure = ms
            .iter()
            .filter(|(f, v, s)| {
                label
                    .mentions
                    .iter()
                    .any(|lm| mention_score(lm, f, v, s.as_deref()) >= 0.5)
            })
            .count() as f64
            / ms.len().max(1) as f64;
        let verdict_ok = j.verdict.as_str() == label.verdict;
        let correct =
            verdict_ok && pure >= 0.5 && (label.verdict == "single-source" || got == needed);
        if label.verdict == "conflict" && j.verdict == Verdict::Conflict && pure >= 0.5 {
            matched_conflicts.insert(ci);
        }
        let why = if correct {
            String::new()
        } else if !verdict_ok {
            format!(
                "reported {} ({}): {}",
                j.verdict.as_str(),
                j.claim.id,
                j.reason
            )
        } else if pure < 0.5 {
            format!("{} mixes in other mentions (purity {pure:.2})", j.claim.id)
        } else {
            format!("{} covers {:?}, not {:?}", j.claim.id, got, needed)
        };
        results.push(LabelResult {
            label: label.clone(),
            claim: Some(ci),
            correct,
            why,
        });
    }
    let false_conflicts = a
        .claims
        .iter()
        .enumerate()
        .filter(|(i, j)| j.verdict == Verdict::Conflict && !matched_conflicts.contains(i))
        .map(|(i, _)| i)
        .collect();
    Evaluation {
        results,
        false_conflicts,
    }
}

fn ratio(n: usize, d: usize) -> String {
    if d == 0 {
        "-".into()
    } else {
        format!("{:.2}", n as f64 / d as f64)
    }
}

/// The evaluation as text: a table per verdict, then one line per miss and false alarm.
/// With `verbose`, also one line per correct label naming the claim it landed on.
pub fn render(a: &Analysis, e: &Evaluation, verbose: bool) -> String {
    let mut out = format!(
        "eval {}: {} labelled claims, {} reported\n\n{:<14} {:>8} {:>8} {:>8} {:>9} {:>7}\n",
        a.story.name,
        e.results.len(),
        a.claims.len(),
        "verdict",
        "labelled",
        "reported",
        "correct",
        "precision",
        "recall"
    );
    for v in [Verdict::Conflict, Verdict::Agreement, Verdict::SingleSource] {
        let name = v.as_str();
        let labelled = e.results.iter().filter(|r| r.label.verdict == name).count();
        let correct = e
            .results
            .iter()
            .filter(|r| r.label.verdict == name && r.correct)
            .count();
        // Reported claims with this verdict that a label speaks for; every reported
        // conflict counts, labelled or not (a false conflict costs an editor time).
        let covered: BTreeSet<usize> = e.results.iter().filter_map(|r| r.claim).collect();
        let reported = a
            .claims
            .iter()
            .enumerate()
            .filter(|(i, j)| j.verdict == v && (v == Verdict::Conflict || covered.contains(i)))
            .count();
        // Distinct reported claims that a correct label of this verdict lands on.
        let right: BTreeSet<usize> = e
            .results
            .iter()
            .filter(|r| r.label.verdict == name && r.correct)
            .filter_map(|r| r.claim)
            .collect();
        out.push_str(&format!(
            "{name:<14} {labelled:>8} {reported:>8} {correct:>8} {:>9} {:>7}\n",
            ratio(right.len(), reported),
            ratio(correct, labelled)
        ));
    }
    let found = e.results.iter().filter(|r| r.claim.is_some()).count();
    let correct = e.results.iter().filter(|r| r.correct).count();
    out.push_str(&format!(
        "\nfound {found}/{}  verdict accuracy {}  false conflicts {}\n",
        e.results.len(),
        ratio(correct, e.results.len()),
        e.false_conflicts.len()
    ));
    for r in e.results.iter().filter(|r| !r.correct || verbose) {
        if r.correct {
            let id = r.claim.map_or("", |c| a.claims[c].claim.id.as_str());
            out.push_str(&format!(
                "ok     {} ({}): {id}\n",
                r.label.id, r.label.verdict
            ));
            continue;
        }
        let tag = if r.claim.is_none() { "miss " } else { "wrong" };
        out.push_str(&format!(
            "{tag}  {} ({}): {}\n",
            r.label.id, r.label.verdict, r.why
        ));
    }
    for &i in &e.false_conflicts {
        let j = &a.claims[i];
        out.push_str(&format!("false  conflict {}: {}\n", j.claim.id, j.reason));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A speaker given once for a statement's claim is every mention's that names none.
    #[test]
    fn a_claim_s_speaker_is_its_mentions_speaker() {
        let dir = std::env::temp_dir().join(format!("crosscheck-labels-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("expected.toml");
        std::fs::write(
            &path,
            r#"[[claim]]
id = "denial"
kind = "statement"
speaker = "Karl Nehammer"
verdict = "agreement"
mentions = [
  { file = "a.txt", value = "denies" },
  { file = "b.txt", value = "denies", speaker = "Nehammer" },
]
"#,
        )
        .unwrap();
        let labels = read_labels(&path).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let speakers: Vec<Option<&str>> = labels[0]
            .mentions
            .iter()
            .map(|m| m.speaker.as_deref())
            .collect();
        assert_eq!(speakers, [Some("Karl Nehammer"), Some("Nehammer")]);
    }

    #[test]
    fn canonical_values_compare_like_the_scorer() {
        assert!(compatible(&canon("2022-07-19"), &canon("2022-07")));
        assert!(!compatible(&canon("2022-07-19"), &canon("2022-08")));
        assert!(compatible(
            &canon("3900000000 USD"),
            &canon("4000000000 USD")
        ));
        assert!(!compatible(
            &canon("4000000000 USD"),
            &canon("4000000000 EUR")
        ));
        assert!(compatible(&canon("-6%"), &canon("6%")));
        assert_eq!(canon("last week"), Canon::Any);
        assert_eq!(canon("P25Y"), Canon::Duration("p25y".into()));
        assert_eq!(canon("12"), Canon::Count(12.0));
    }
}
