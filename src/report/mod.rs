//! Report: turn an analysis into bytes (table, JSON, Markdown). Every writer is
//! deterministic: same input, same bytes.
//!
//! Input: an [`Analysis`]. Output: a `String` the caller writes to stdout or a file.

mod json;
mod table;

use crate::Analysis;

pub use json::{claims_json, report_json};
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

/// The mention list of `claims` in `format` (Markdown falls back to the table).
pub fn claims(analysis: &Analysis, format: Format) -> String {
    match format {
        Format::Json => claims_json(analysis),
        Format::Table | Format::Markdown => claims_table(analysis),
    }
}
