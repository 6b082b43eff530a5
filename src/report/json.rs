//! JSON writers. The wire structs are named by schema and are the contract: change them
//! only with a new schema version.

use crate::Analysis;
use crate::baseline::{Comparison, Recorded};
use crate::extract::Mention;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct ReportV1<'a> {
    schema: &'static str,
    story: &'a str,
    sources: Vec<SourceV1<'a>>,
    claims: Vec<ClaimV1<'a>>,
    /// With `--baseline` only (an added field): the recorded conflicts that are no longer
    /// conflicts.
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved: Option<&'a [Recorded]>,
}

#[derive(Serialize)]
struct SourceV1<'a> {
    file: &'a str,
    language: &'a str,
    published: Option<String>,
    /// From the manifest or the page's metadata; left out where unknown (added fields, so
    /// readers of v1 are unaffected).
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    /// The file this one is a copy of (the same text): one origin with it. Left out for
    /// an article that is no copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    copy_of: Option<&'a str>,
}

#[derive(Serialize)]
struct ClaimV1<'a> {
    id: &'a str,
    rule: &'a str,
    kind: &'static str,
    summary: &'a str,
    verdict: &'static str,
    independent_origins: usize,
    /// `true` for an agreement of two or more sources that all come from one origin, with
    /// `origin_link` saying what ties them ("copies", "upstream", "rewrites"); both left
    /// out otherwise (added fields, so readers of v1 are unaffected).
    #[serde(skip_serializing_if = "Option::is_none")]
    single_origin: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin_link: Option<&'static str>,
    reason: &'a str,
    /// With `--baseline` only, on conflicts (an added field): "new", "changed" or
    /// "reviewed".
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<&'static str>,
    mentions: Vec<MentionV1<'a>>,
}

#[derive(Serialize)]
struct MentionV1<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    polarity: &'static str,
    value: String,
}

#[derive(Serialize)]
struct ClaimsV1<'a> {
    schema: &'static str,
    mentions: Vec<ClaimsMentionV1<'a>>,
}

#[derive(Serialize)]
struct ClaimsMentionV1<'a> {
    #[serde(flatten)]
    mention: MentionV1<'a>,
    rule: &'a str,
    kind: &'static str,
    key: &'a [String],
    /// What a value is told by (concepts, names, counted word, nearby words), which is
    /// what links it to values in other articles; absent for statements.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    context: &'a BTreeMap<String, Vec<String>>,
}

/// A mention on the wire. Its `start` and `end` are bytes into the file: for an article
/// read from a page, the mention's offsets into the article text are mapped back.
fn mention<'a>(a: &'a Analysis, m: &'a Mention) -> MentionV1<'a> {
    let (start, end) = match a.story.line_maps.get(&m.file) {
        Some(map) => {
            let text = &a.story.articles[m.article].text;
            let last = text[..m.end].chars().next_back().map_or(0, char::len_utf8);
            (
                map.place(text, m.start).byte,
                map.place(text, m.end - last).byte + last,
            )
        }
        None => (m.start, m.end),
    };
    MentionV1 {
        file: &m.file,
        line: m.line,
        column: m.column,
        start,
        end,
        text: &m.text,
        speaker: m.speaker.as_deref(),
        polarity: m.polarity.as_str(),
        value: m.value_text(),
    }
}

fn line<T: Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string(v).expect("report serializes");
    s.push('\n');
    s
}

fn to_string<T: Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("report serializes");
    s.push('\n');
    s
}

/// One story's error in `check --each --format json`: a line in place of its report.
#[derive(Serialize)]
struct ErrorV1<'a> {
    schema: &'static str,
    story: &'a str,
    error: &'a str,
}

fn report_v1<'a>(a: &'a Analysis, baseline: Option<&'a Comparison>) -> ReportV1<'a> {
    ReportV1 {
        schema: "crosscheck.report.v1",
        story: &a.story.name,
        sources: a
            .story
            .articles
            .iter()
            .map(|art| SourceV1 {
                file: &art.file,
                language: &art.language,
                published: art.published.map(|p| p.to_string()),
                outlet: art.outlet.as_deref(),
                url: art.url.as_deref(),
                copy_of: a.story.copies.get(&art.file).map(String::as_str),
            })
            .collect(),
        claims: a
            .claims
            .iter()
            .map(|j| ClaimV1 {
                id: &j.claim.id,
                rule: &a.rules.frames[j.claim.frame].id,
                kind: j.claim.kind.as_str(),
                summary: &j.claim.summary,
                verdict: j.verdict.as_str(),
                independent_origins: j.origins,
                single_origin: j.single_origin.map(|_| true),
                origin_link: j.single_origin.map(|l| l.as_str()),
                reason: &j.reason,
                baseline: baseline.and_then(|b| b.of(&j.claim.id)).map(|s| s.as_str()),
                mentions: j
                    .claim
                    .mentions
                    .iter()
                    .map(|&i| mention(a, &a.mentions[i]))
                    .collect(),
            })
            .collect(),
        resolved: baseline.map(|b| b.resolved.as_slice()),
    }
}

/// `crosscheck.report.v1`, pretty-printed.
pub fn report_json(a: &Analysis) -> String {
    report_json_with(a, None)
}

/// `crosscheck.report.v1`, pretty-printed; with a baseline, each conflict's status and the
/// resolved conflicts.
pub fn report_json_with(a: &Analysis, baseline: Option<&Comparison>) -> String {
    to_string(&report_v1(a, baseline))
}

/// `crosscheck.report.v1` on one line, for JSON Lines (`check --each`).
pub fn report_json_line(a: &Analysis) -> String {
    line(&report_v1(a, None))
}

/// `{"schema":"crosscheck.error.v1","story":…,"error":…}` on one line: a story of
/// `check --each` that could not be checked.
pub fn error_json_line(story: &str, error: &str) -> String {
    line(&ErrorV1 {
        schema: "crosscheck.error.v1",
        story,
        error,
    })
}

pub fn claims_json(a: &Analysis) -> String {
    let out = ClaimsV1 {
        schema: "crosscheck.claims.v1",
        mentions: a
            .mentions
            .iter()
            .map(|m| ClaimsMentionV1 {
                mention: mention(a, m),
                rule: &m.rule,
                kind: m.kind.as_str(),
                key: &m.key,
                context: &m.context,
            })
            .collect(),
    };
    to_string(&out)
}

// ---------------------------------------------------------------- crosscheck.report.v2
//
// v1's fields with the same names and meanings, plus: the story's title and warnings;
// per source its upstream, the outlets it cites, its origin group and whether its date was
// assumed (and why); per claim its number of sources and its baseline status; per mention
// its hedge and approximation. Fields that v1 leaves out where unknown are null here, so
// every object has the same keys. Documented in docs/report-v2.md; schema in
// docs/report-v2.schema.json.

#[derive(Serialize)]
struct ReportV2<'a> {
    schema: &'static str,
    story: &'a str,
    title: Option<&'a str>,
    sources: Vec<SourceV2<'a>>,
    /// What ingest warned about (encodings assumed, languages without a pack, files
    /// skipped), as on stderr.
    warnings: &'a [String],
    claims: Vec<ClaimV2<'a>>,
    /// Null without `--baseline`; else the recorded conflicts that are no longer conflicts.
    resolved: Option<&'a [Recorded]>,
}

#[derive(Serialize)]
struct SourceV2<'a> {
    file: &'a str,
    language: &'a str,
    published: Option<String>,
    /// Why `published` is what it is when crosscheck assumed it; null when the manifest or
    /// the page gave it, or when it is unknown.
    published_assumed: Option<&'a str>,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    upstream: Option<&'a str>,
    cites: &'a [String],
    /// Sources in one origin group count once (1-based, numbered by first source).
    origin_group: usize,
    /// The file this one is a copy of (the same text, furniture and spacing aside): one
    /// origin with it; null for an article that is no copy.
    copy_of: Option<&'a str>,
}

#[derive(Serialize)]
struct ClaimV2<'a> {
    id: &'a str,
    rule: &'a str,
    kind: &'static str,
    summary: &'a str,
    verdict: &'static str,
    sources: usize,
    independent_origins: usize,
    /// `true` for an agreement of two or more sources that all come from one origin,
    /// with `origin_link` saying what ties them ("copies", "upstream", "rewrites", else
    /// null): a copy is not corroboration.
    single_origin: bool,
    origin_link: Option<&'static str>,
    reason: &'a str,
    /// "new", "changed" or "reviewed" on a conflict checked with `--baseline`; else null.
    baseline: Option<&'static str>,
    mentions: Vec<MentionV2<'a>>,
}

#[derive(Serialize)]
struct MentionV2<'a> {
    #[serde(flatten)]
    v1: MentionV1<'a>,
    /// The sentence hedges it ("reportedly", "allegedly").
    hedged: bool,
    /// "exact", "about", "over", "under", "nearly", "at-least", "at-most" or "earlier".
    approx: &'static str,
}

fn approx_name(a: crate::rules::Approx) -> &'static str {
    use crate::rules::Approx;
    match a {
        Approx::Exact => "exact",
        Approx::About => "about",
        Approx::Over => "over",
        Approx::Under => "under",
        Approx::Nearly => "nearly",
        Approx::AtLeast | Approx::From => "at-least",
        Approx::AtMost | Approx::To => "at-most",
        Approx::Was => "earlier",
    }
}

fn report_v2<'a>(a: &'a Analysis, baseline: Option<&'a Comparison>) -> ReportV2<'a> {
    let groups = super::origin_groups(a);
    ReportV2 {
        schema: "crosscheck.report.v2",
        story: &a.story.name,
        title: a.story.title.as_deref(),
        sources: a
            .story
            .articles
            .iter()
            .enumerate()
            .map(|(i, art)| SourceV2 {
                file: &art.file,
                language: &art.language,
                published: art.published.map(|p| p.to_string()),
                published_assumed: a.published_assumed.get(i).and_then(|r| r.as_deref()),
                outlet: art.outlet.as_deref(),
                url: art.url.as_deref(),
                upstream: art.upstream.as_deref(),
                cites: &art.cited,
                origin_group: groups[i],
                copy_of: a.story.copies.get(&art.file).map(String::as_str),
            })
            .collect(),
        warnings: &a.story.warnings,
        claims: a
            .claims
            .iter()
            .map(|j| ClaimV2 {
                id: &j.claim.id,
                rule: &a.rules.frames[j.claim.frame].id,
                kind: j.claim.kind.as_str(),
                summary: &j.claim.summary,
                verdict: j.verdict.as_str(),
                sources: j.sources,
                independent_origins: j.origins,
                single_origin: j.single_origin.is_some(),
                origin_link: j.single_origin.map(|l| l.as_str()),
                reason: &j.reason,
                baseline: baseline.and_then(|b| b.of(&j.claim.id)).map(|s| s.as_str()),
                mentions: j
                    .claim
                    .mentions
                    .iter()
                    .map(|&i| {
                        let m = &a.mentions[i];
                        MentionV2 {
                            v1: mention(a, m),
                            hedged: m.hedged,
                            approx: approx_name(m.approx),
                        }
                    })
                    .collect(),
            })
            .collect(),
        resolved: baseline.map(|b| b.resolved.as_slice()),
    }
}

/// `crosscheck.report.v2`, pretty-printed; with a baseline, each conflict's status and the
/// resolved conflicts.
pub fn report_json_v2(a: &Analysis, baseline: Option<&Comparison>) -> String {
    to_string(&report_v2(a, baseline))
}

/// `crosscheck.report.v2` on one line, for JSON Lines (`check --each`).
pub fn report_json_v2_line(a: &Analysis) -> String {
    line(&report_v2(a, None))
}
