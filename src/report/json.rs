//! JSON writers. The wire structs are named by schema and are the contract: change them
//! only with a new schema version.

use crate::Analysis;
use crate::extract::Mention;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct ReportV1<'a> {
    schema: &'static str,
    story: &'a str,
    sources: Vec<SourceV1<'a>>,
    claims: Vec<ClaimV1<'a>>,
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

fn report_v1<'a>(a: &'a Analysis) -> ReportV1<'a> {
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
                mentions: j
                    .claim
                    .mentions
                    .iter()
                    .map(|&i| mention(a, &a.mentions[i]))
                    .collect(),
            })
            .collect(),
    }
}

/// `crosscheck.report.v1`, pretty-printed.
pub fn report_json(a: &Analysis) -> String {
    to_string(&report_v1(a))
}

/// `crosscheck.report.v1` on one line, for JSON Lines (`check --each`).
pub fn report_json_line(a: &Analysis) -> String {
    line(&report_v1(a))
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
