//! Report: turn an analysis into bytes (table, JSON, Markdown, HTML, SARIF, ClaimReview).
//! Every writer is deterministic: same input, same bytes.
//!
//! Input: an [`Analysis`]. Output: a `String` the caller writes to stdout or a file.

mod claimreview;
mod html;
mod json;
mod manifest;
mod sarif;
mod table;

pub use manifest::manifest_draft;

use crate::Analysis;
use crate::baseline::Comparison;
use std::path::Path;

pub use claimreview::report_claimreview;
pub use html::{esc as html_escape, report_html};
pub use json::{claims_json, error_json_line, report_json, report_json_line};
pub use sarif::report_sarif;
pub use table::{claims_table, report_markdown, report_table};

/// Output format of `check` and `claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for a terminal (comfy-table, 120 columns).
    Table,
    /// JSON: `crosscheck.report.v1` for `check`, `crosscheck.claims.v1` for `claims`.
    Json,
    /// A Markdown table, for pull requests and wikis.
    Markdown,
    /// One self-contained HTML page for editors: counts, sources, a source × claim matrix,
    /// filters and every claim's evidence.
    Html,
    /// SARIF 2.1.0, for code-review annotations (GitHub code scanning).
    Sarif,
    /// schema.org ClaimReview JSON-LD, one review per claim.
    Claimreview,
}

/// The JSON report's schema (`--schema`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Schema {
    /// `crosscheck.report.v1`, the first contract; kept for one release.
    V1,
    /// `crosscheck.report.v2` (default): v1 plus hedges, assumed dates, warnings, baseline
    /// status and per-source metadata (docs/report-v2.md).
    #[default]
    V2,
}

/// What a writer needs beyond the analysis.
#[derive(Debug, Default, Clone, Copy)]
pub struct Options<'a> {
    /// The story folder as given on the command line: SARIF locations are this path joined
    /// with each article's file, so that they are relative to where the check ran (the
    /// repository root in CI). Default: the bare file names.
    pub story_dir: Option<&'a Path>,
    /// Colour the table by verdict (ANSI). Default false.
    pub color: bool,
    /// The conflicts against a baseline (`check --baseline`): each conflict's status, and
    /// the resolved ones. Default none.
    pub baseline: Option<&'a Comparison>,
    /// The JSON report's schema. Default v2.
    pub schema: Schema,
}

/// The report of `check` in `format`, with default [`Options`].
pub fn report(analysis: &Analysis, format: Format) -> String {
    report_with(analysis, format, &Options::default())
}

/// The report of `check` in `format`.
pub fn report_with(analysis: &Analysis, format: Format, options: &Options) -> String {
    match format {
        Format::Table => table::report_table_with(analysis, options.color, options.baseline),
        Format::Json => match options.schema {
            Schema::V1 => json::report_json_with(analysis, options.baseline),
            Schema::V2 => json::report_json_v2(analysis, options.baseline),
        },
        Format::Markdown => table::report_markdown_with(analysis, options.baseline),
        Format::Html => html::report_html_with(analysis, options.baseline),
        Format::Sarif => sarif::report_sarif_with(analysis, options.story_dir, options.baseline),
        Format::Claimreview => report_claimreview(analysis),
    }
}

/// One story's part of `check --each`: for JSON one line (JSON Lines: the compact report in
/// `schema`,
/// or `crosscheck.error.v1` for a story that could not be checked); for a table or Markdown
/// a section headed by the story's name (`== name ==`, `## name`) that ends with a blank line.
/// Formats that are one document per story (HTML, SARIF, ClaimReview) are refused before
/// an archive is read.
pub fn story_entry(
    name: &str,
    result: Result<&Analysis, &str>,
    format: Format,
    schema: Schema,
) -> String {
    match (format, result) {
        (Format::Json, Ok(a)) if schema == Schema::V2 => json::report_json_v2_line(a),
        (Format::Json, Ok(a)) => report_json_line(a),
        (Format::Json, Err(e)) => error_json_line(name, e),
        (Format::Markdown, Ok(a)) => format!("## {name}\n\n{}\n", report_markdown(a)),
        (Format::Markdown, Err(e)) => format!("## {name}\n\n**error:** {e}\n\n"),
        (_, Ok(a)) => format!("== {name} ==\n{}\n", report_table(a)),
        (_, Err(e)) => format!("== {name} ==\nerror: {e}\n\n"),
    }
}

/// The origin group (1-based, numbered by first article) of every article.
pub(crate) fn origin_groups(a: &Analysis) -> Vec<usize> {
    let claims: Vec<crate::matching::Claim> = a.claims.iter().map(|j| j.claim.clone()).collect();
    let roots = crate::judge::origins(&a.story, &claims, &a.mentions);
    let mut seen: Vec<usize> = Vec::new();
    roots
        .all
        .iter()
        .map(|r| match seen.iter().position(|s| s == r) {
            Some(p) => p + 1,
            None => {
                seen.push(*r);
                seen.len()
            }
        })
        .collect()
}

/// Whether `check --each` can write `format` (one stream for many stories).
pub fn streams(format: Format) -> bool {
    matches!(format, Format::Table | Format::Json | Format::Markdown)
}

/// The mention list of `claims` in `format` (Markdown falls back to the table; `main`
/// refuses the one-document formats).
pub fn claims(analysis: &Analysis, format: Format) -> String {
    match format {
        Format::Json => claims_json(analysis),
        _ => claims_table(analysis),
    }
}
