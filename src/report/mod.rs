//! Report: turn an analysis into bytes (table, JSON, Markdown). Every writer is
//! deterministic: same input, same bytes.
//!
//! Input: an [`Analysis`]. Output: a `String` the caller writes to stdout or a file.

mod json;
mod manifest;
mod table;

pub use manifest::manifest_draft;

use crate::Analysis;

pub use json::{claims_json, error_json_line, report_json, report_json_line};
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
}

/// The report of `check` in `format`.
pub fn report(analysis: &Analysis, format: Format) -> String {
    match format {
        Format::Table => report_table(analysis),
        Format::Json => report_json(analysis),
        Format::Markdown => report_markdown(analysis),
    }
}

/// One story's part of `check --each`: for JSON one line (JSON Lines: the compact report,
/// or `crosscheck.error.v1` for a story that could not be checked); for a table or Markdown
/// a section headed by the story's name (`== name ==`, `## name`) that ends with a blank line.
pub fn story_entry(name: &str, result: Result<&Analysis, &str>, format: Format) -> String {
    match (format, result) {
        (Format::Json, Ok(a)) => report_json_line(a),
        (Format::Json, Err(e)) => error_json_line(name, e),
        (Format::Table, Ok(a)) => format!("== {name} ==\n{}\n", report_table(a)),
        (Format::Table, Err(e)) => format!("== {name} ==\nerror: {e}\n\n"),
        (Format::Markdown, Ok(a)) => format!("## {name}\n\n{}\n", report_markdown(a)),
        (Format::Markdown, Err(e)) => format!("## {name}\n\n**error:** {e}\n\n"),
    }
}

/// The mention list of `claims` in `format` (Markdown falls back to the table).
pub fn claims(analysis: &Analysis, format: Format) -> String {
    match format {
        Format::Json => claims_json(analysis),
        Format::Table | Format::Markdown => claims_table(analysis),
    }
}
