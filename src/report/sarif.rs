//! SARIF 2.1.0 writer, for code-review annotations (GitHub code scanning, GitLab).
//!
//! One result per claim: a conflict is level `error`, with one location per mention at its
//! article's file and line; an agreement or a single-source claim is level `note`. Rule
//! ids are frame ids; a rule's help text is made from the frame (summary, key, value,
//! tolerance, where it is defined, its first example). Columns count characters
//! (`columnKind: unicodeCodePoints`), as everywhere in crosscheck.
//!
//! Input: an [`Analysis`] and the story folder as given on the command line (locations are
//! that path joined with each file, so they are relative to the repository root when the
//! check runs there). Output: pretty-printed JSON, byte-identical for the same input.

use crate::Analysis;
use crate::baseline::{Comparison, Status};
use crate::judge::{Judged, Verdict};
use crate::rules::Frame;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Component, Path};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    automation_details: AutomationDetails,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct AutomationDetails {
    /// The run's category: GitHub keeps one set of alerts per category, so each story
    /// folder gets its own.
    id: String,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    kind: &'static str,
    value: &'static str,
    tags: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    /// With `--baseline`, on conflicts: new, updated (values changed) or unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    properties: ResultProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultProperties {
    claim_id: String,
    verdict: &'static str,
    independent_origins: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    snippet: Text,
}

/// The URI of an article: the story folder joined with its file, with `/` separators and
/// `%`-escapes where a URI needs them. A relative folder stays relative (to the directory
/// the check ran in); an absolute one is made relative to the current directory when it
/// lies inside it, else it becomes a `file://` URI.
pub fn artifact_uri(story_dir: Option<&Path>, file: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    if let Some(dir) = story_dir {
        let cwd = std::env::current_dir().ok();
        let dir = match cwd.as_deref().and_then(|c| dir.strip_prefix(c).ok()) {
            Some(rel) if dir.is_absolute() => rel,
            _ => dir,
        };
        for c in dir.components() {
            match c {
                Component::RootDir => absolute = true,
                Component::CurDir | Component::Prefix(_) => {}
                Component::ParentDir => parts.push("..".to_string()),
                Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            }
        }
    }
    parts.extend(file.split('/').map(str::to_string));
    let path: Vec<String> = parts.iter().map(|p| uri_escape(p)).collect();
    let path = path.join("/");
    if absolute {
        format!("file:///{path}")
    } else {
        path
    }
}

/// Percent-encode what may not stand in a URI path segment (RFC 3986 `pchar`).
fn uri_escape(segment: &str) -> String {
    let mut out = String::new();
    for b in segment.bytes() {
        let c = b as char;
        if c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A conflict is an error; a reviewed one (in the baseline, same values) a warning.
fn level(j: &Judged, status: Option<Status>) -> &'static str {
    match j.verdict {
        Verdict::Conflict if status == Some(Status::Reviewed) => "warning",
        Verdict::Conflict => "error",
        Verdict::Agreement | Verdict::SingleSource => "note",
    }
}

fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "Sources conflict",
        Verdict::Agreement => "Sources agree",
        Verdict::SingleSource => "Single source",
    }
}

/// The rule's description and help, from the frame.
fn rule<'a>(f: &'a Frame) -> Rule<'a> {
    let key = if f.key.is_empty() {
        "its frame alone".to_string()
    } else {
        f.key.join(", ")
    };
    let tolerance = if f.value.tolerance > 0.0 {
        format!(" within {}%", (f.value.tolerance * 100.0).round())
    } else {
        String::new()
    };
    let short = format!("{} claim: {}", f.kind.as_str(), f.summary);
    let full = format!(
        "Claims of the frame '{}' ({}): mentions with the same {key} are one claim, and \
         their {} values are compared{tolerance}. Sources that give incompatible values \
         conflict; compatible values from two or more sources agree; a claim stated by one \
         source is single-source.",
        f.id,
        f.kind.as_str(),
        f.value.kind.as_str()
    );
    let example = f
        .examples
        .first()
        .map(|e| (e.language.as_str(), e.text.as_str()));
    let defined = format!("{}:{}", f.at.file, f.at.line);
    let mut text = format!(
        "{full}\nSummary template: {}\nDefined in {defined}.",
        f.summary
    );
    let mut markdown = format!(
        "{full}\n\n- summary template: `{}`\n- defined in `{defined}`\n- reference: \
         `crosscheck rules doc` (docs/rules.md)",
        f.summary
    );
    if let Some((lang, ex)) = example {
        text.push_str(&format!("\nExample ({lang}): {ex}"));
        markdown.push_str(&format!("\n- example ({lang}): {ex}"));
    }
    Rule {
        id: &f.id,
        short_description: Text { text: short },
        full_description: Text { text: full },
        help: Help { text, markdown },
        default_configuration: Configuration { level: "error" },
        properties: RuleProperties {
            kind: f.kind.as_str(),
            value: f.value.kind.as_str(),
            tags: vec!["crosscheck", f.kind.as_str()],
        },
    }
}

/// SARIF 2.1.0, pretty-printed.
pub fn report_sarif(a: &Analysis, story_dir: Option<&Path>) -> String {
    report_sarif_with(a, story_dir, None)
}

/// SARIF 2.1.0; with a baseline, conflicts carry `baselineState` and a reviewed conflict
/// is a warning.
pub fn report_sarif_with(
    a: &Analysis,
    story_dir: Option<&Path>,
    baseline: Option<&Comparison>,
) -> String {
    // Only the frames that have results, by id.
    let mut used: Vec<usize> = a.claims.iter().map(|j| j.claim.frame).collect();
    used.sort_by(|x, y| a.rules.frames[*x].id.cmp(&a.rules.frames[*y].id));
    used.dedup();
    let index: BTreeMap<usize, usize> = used.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let results = a
        .claims
        .iter()
        .map(|j| {
            let status = baseline.and_then(|b| b.of(&j.claim.id));
            let locations = j
                .claim
                .mentions
                .iter()
                .map(|&i| {
                    let m = &a.mentions[i];
                    let who = m.speaker.as_deref().unwrap_or("no speaker named");
                    Location {
                        physical_location: PhysicalLocation {
                            artifact_location: ArtifactLocation {
                                uri: artifact_uri(story_dir, &m.file),
                            },
                            region: Region {
                                start_line: m.line,
                                start_column: m.column,
                                snippet: Text {
                                    text: m.text.clone(),
                                },
                            },
                        },
                        message: Text {
                            text: format!(
                                "{}{} ({who}{})",
                                m.approx.sign(),
                                m.value_text(),
                                if m.hedged { ", hedged" } else { "" }
                            ),
                        },
                    }
                })
                .collect();
            SarifResult {
                rule_id: a.rules.frames[j.claim.frame].id.clone(),
                rule_index: index[&j.claim.frame],
                level: level(j, status),
                message: Text {
                    text: format!(
                        "{}: {}. {}.",
                        verdict_words(j.verdict),
                        j.claim.summary,
                        j.reason
                    ),
                },
                locations,
                baseline_state: status.map(Status::sarif),
                partial_fingerprints: BTreeMap::from([(
                    "crosscheckClaimId/v1",
                    j.claim.id.clone(),
                )]),
                properties: ResultProperties {
                    claim_id: j.claim.id.clone(),
                    verdict: j.verdict.as_str(),
                    independent_origins: j.origins,
                },
            }
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "crosscheck",
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: used.iter().map(|&f| rule(&a.rules.frames[f])).collect(),
                },
            },
            automation_details: AutomationDetails {
                id: format!("crosscheck/{}/", a.story.name),
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).expect("SARIF serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_with_forward_slashes_and_escapes() {
        assert_eq!(
            artifact_uri(Some(Path::new("./stories/a b")), "01 x.txt"),
            "stories/a%20b/01%20x.txt"
        );
        assert_eq!(artifact_uri(None, "01.txt"), "01.txt");
        assert_eq!(
            artifact_uri(Some(Path::new("/nowhere/s")), "é.txt"),
            "file:///nowhere/s/%C3%A9.txt"
        );
    }
}
