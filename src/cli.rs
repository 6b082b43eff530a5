//! Command-line flags.

use crate::report::{Format, Schema};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Cross-verify claims across the news articles of one story.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Colour the table by verdict: auto (when stdout is a terminal and NO_COLOR is unset),
    /// always, never.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour: `always` and `never` decide; `auto` colours a terminal unless
    /// `NO_COLOR` is set to anything but "" (https://no-color.org) or `TERM` is `dumb`.
    pub fn enabled(self, terminal: bool, no_color: Option<&str>, term: Option<&str>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal && no_color.is_none_or(str::is_empty) && term != Some("dumb")
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when any claim is a conflict.
    Conflict,
    /// Exit 1 when a conflict is new or its values changed since `--baseline` (without a
    /// baseline every conflict is new).
    NewConflict,
    /// Never exit 1 (default).
    None,
}

#[cfg(test)]
mod tests {
    use super::ColorChoice;

    #[test]
    fn colour_follows_flag_terminal_no_color_and_term() {
        assert!(ColorChoice::Auto.enabled(true, None, Some("xterm")));
        assert!(ColorChoice::Auto.enabled(true, Some(""), None));
        assert!(!ColorChoice::Auto.enabled(false, None, None));
        assert!(!ColorChoice::Auto.enabled(true, Some("1"), None));
        assert!(!ColorChoice::Auto.enabled(true, None, Some("dumb")));
        assert!(ColorChoice::Always.enabled(false, Some("1"), None));
        assert!(!ColorChoice::Never.enabled(true, None, None));
    }
}

#[derive(Debug, clap::Args)]
pub struct Input {
    /// The story folder: one article per .txt, .md or .html file, optional story.toml; with
    /// `check`, - reads one article from stdin (language detected as for a file). With
    /// `check --each`: the archive folder, or - to read story folders from stdin.
    pub story: PathBuf,
    /// A manifest to use instead of STORY/story.toml (keeps the story folder untouched).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Add a rule pack (a folder of TOML files) to the embedded default rules. Repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Write the output to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Skip, with a warning, any article file larger than this many megabytes (10^6 bytes).
    #[arg(long, value_name = "MB", default_value_t = 20)]
    pub max_file_size: u64,
}

impl Input {
    /// `--max-file-size` in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_size.saturating_mul(1_000_000)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report one verdict per claim: agreement, conflict or single-source.
    Check {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Exit 1 when this condition holds.
        #[arg(long, value_enum, default_value_t = FailOn::None)]
        fail_on: FailOn,
        /// Check every subfolder of STORY as a story of its own (sorted by name; hidden ones
        /// skipped), or with STORY '-' each folder listed on stdin, one per line. Stories run
        /// in parallel; output keeps their order (JSON Lines with --format json).
        #[arg(long, conflicts_with = "manifest")]
        each: bool,
        /// The JSON report's schema: v2 (default), or v1, the first contract, kept for one
        /// release.
        #[arg(long, value_enum, default_value_t = Schema::V2)]
        schema: Schema,
        /// Reviewed conflicts (from `crosscheck baseline`): each conflict is marked new,
        /// changed or reviewed, and resolved ones are listed.
        #[arg(long, value_name = "FILE", conflicts_with = "each")]
        baseline: Option<PathBuf>,
    },
    /// Record the current conflicts and their values as reviewed, for `check --baseline`.
    Baseline {
        #[command(flatten)]
        input: Input,
    },
    /// List every mention extracted, before matching, with file:line and value.
    Claims {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Compare the report for STORY with STORY/expected.toml: precision and recall per
    /// verdict, then one line per miss and per false alarm.
    Eval {
        #[command(flatten)]
        input: Input,
        /// The labels (default: STORY/expected.toml).
        #[arg(long, value_name = "FILE")]
        expected: Option<PathBuf>,
        /// Also list every label that came out right, with the claim it matched.
        #[arg(long)]
        verbose: bool,
    },
    /// Write a draft STORY/story.toml (or --output FILE) from what can be inferred about
    /// each article: language, publication date, outlet and URL, each marked as inferred,
    /// for you to correct. An existing story.toml is never overwritten.
    Init {
        #[command(flatten)]
        input: Input,
    },
    /// Work with the rule packs.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Run every rule's examples and counter-examples; exit 1 on a miss.
    Test {
        /// Add a rule pack. Repeatable.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// List the frames: id, kind, languages and summary.
    List {
        /// Add a rule pack. Repeatable.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// Print the rule reference (languages, frames, concepts, topics) as Markdown; for the
    /// default pack this is docs/rules.md.
    Doc {
        /// Add a rule pack. Repeatable.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
}
