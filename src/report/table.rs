//! Table writers: comfy-table at a pinned width (so output does not depend on the
//! terminal), and a Markdown table.

use crate::Analysis;
use crate::baseline::Comparison;
use crate::judge::{Judged, Verdict};
use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets};

/// Width of every table, in columns. Pinned for byte-identical output.
pub const WIDTH: u16 = 120;

fn new_table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(WIDTH)
        .set_header(header.to_vec());
    t
}

fn sources_cell(j: &Judged) -> String {
    let s = if j.sources == 1 { "source" } else { "sources" };
    let o = if j.origins == 1 { "origin" } else { "origins" };
    format!("{} {s} /\n{} {o}", j.sources, j.origins)
}

fn value_lines(a: &Analysis, j: &Judged) -> (String, String) {
    let mut values = Vec::new();
    let mut evidence = Vec::new();
    for &i in &j.claim.mentions {
        let m = &a.mentions[i];
        let who = m
            .speaker
            .as_ref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        // A hedge ("reportedly", "allegedly") stays visible beside the value.
        let hedge = if m.hedged { " (hedged)" } else { "" };
        values.push(format!("{}{}{who}{hedge}", m.approx.sign(), m.value_text()));
        evidence.push(format!("{}:{}", m.file, m.line));
    }
    (values.join("\n"), evidence.join("\n"))
}

fn totals(a: &Analysis) -> String {
    let count = |v: Verdict| a.claims.iter().filter(|j| j.verdict == v).count();
    format!(
        "{} claims: {} conflict, {} agreement, {} single-source ({} {}, {} mentions)\n",
        a.claims.len(),
        count(Verdict::Conflict),
        count(Verdict::Agreement),
        count(Verdict::SingleSource),
        a.story.articles.len(),
        if a.story.articles.len() == 1 {
            "article"
        } else {
            "articles"
        },
        a.mentions.len()
    )
}

/// The verdict's cell, coloured when `color` (red conflict, green agreement, blue
/// single-source: the word says it too, so nothing depends on the colour).
fn verdict_cell(j: &Judged, status: &str, color: bool) -> Cell {
    let cell = Cell::new(format!("{}{status}", j.verdict_line()));
    if !color {
        return cell;
    }
    cell.fg(match j.verdict {
        Verdict::Conflict => Color::Red,
        Verdict::Agreement => Color::Green,
        Verdict::SingleSource => Color::Blue,
    })
}

/// A conflict's standing against the baseline, as a suffix of its verdict: "\n(new)".
fn status_suffix(j: &Judged, baseline: Option<&Comparison>, sep: &str) -> String {
    baseline
        .and_then(|b| b.of(&j.claim.id))
        .map(|s| format!("{sep}({})", s.as_str()))
        .unwrap_or_default()
}

/// The conflicts of the baseline that are no longer conflicts.
fn resolved_lines(baseline: Option<&Comparison>) -> String {
    let Some(b) = baseline else {
        return String::new();
    };
    let mut out = format!("{} resolved since the baseline", b.resolved.len());
    out.push_str(if b.resolved.is_empty() { "\n" } else { ":\n" });
    for r in &b.resolved {
        out.push_str(&format!(
            "  {} ({}): {}\n",
            r.id,
            r.values.join(" vs "),
            r.summary
        ));
    }
    out
}

/// The report table, without colour.
pub fn report_table(a: &Analysis) -> String {
    report_table_with(a, false, None)
}

/// The report table; with `color`, ANSI colours by verdict (the layout is the same); with
/// a baseline, each conflict's status and the resolved conflicts.
pub fn report_table_with(a: &Analysis, color: bool, baseline: Option<&Comparison>) -> String {
    let mut t = new_table(&[
        "Verdict",
        "Claim and reason",
        "Values",
        "Sources",
        "Evidence",
    ]);
    // File names must not wrap: give evidence the width of the longest reference.
    let longest = a
        .mentions
        .iter()
        .map(|m| m.file.chars().count() + 1 + m.line.to_string().len())
        .max()
        .unwrap_or(10)
        .clamp("Evidence".len(), 40) as u16;
    // The verdict column is wider only when a verdict line needs it ("agreement (1 origin:
    // copies)" stays on one line).
    let verdict = a
        .claims
        .iter()
        .map(|j| j.verdict_line().chars().count() + 2)
        .max()
        .unwrap_or(15)
        .max(15) as u16;
    t.set_constraints(vec![
        ColumnConstraint::Absolute(Width::Fixed(verdict)),
        ColumnConstraint::LowerBoundary(Width::Fixed(30)),
        ColumnConstraint::LowerBoundary(Width::Fixed(18)),
        ColumnConstraint::Absolute(Width::Fixed(14)),
        ColumnConstraint::Absolute(Width::Fixed(longest + 2)),
    ]);
    if color {
        // The caller decided (`--color always` wins over NO_COLOR, see `cli::ColorChoice`);
        // crossterm would otherwise drop the colours whenever NO_COLOR is set.
        crossterm::style::force_color_output(true);
        t.enforce_styling();
    }
    for j in &a.claims {
        let (values, evidence) = value_lines(a, j);
        t.add_row(vec![
            verdict_cell(j, &status_suffix(j, baseline, "\n"), color),
            Cell::new(format!("{}\n→ {}", j.claim.summary, j.reason)),
            Cell::new(values),
            Cell::new(sources_cell(j)),
            Cell::new(evidence),
        ]);
    }
    format!("{t}\n{}{}", totals(a), resolved_lines(baseline))
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

pub fn report_markdown(a: &Analysis) -> String {
    report_markdown_with(a, None)
}

/// The Markdown table; with a baseline, each conflict's status and the resolved conflicts.
pub fn report_markdown_with(a: &Analysis, baseline: Option<&Comparison>) -> String {
    let mut out = String::from(
        "| Verdict | Claim | Reason | Values | Sources | Evidence |\n|---|---|---|---|---|---|\n",
    );
    for j in &a.claims {
        let (values, evidence) = value_lines(a, j);
        out.push_str(&format!(
            "| {}{} | {} | {} | {} | {} | {} |\n",
            j.verdict_line(),
            status_suffix(j, baseline, " "),
            md_cell(&j.claim.summary),
            md_cell(&j.reason),
            md_cell(&values),
            md_cell(&sources_cell(j)).replace("<br>", " "),
            md_cell(&evidence)
        ));
    }
    out.push('\n');
    out.push_str(&totals(a));
    out.push_str(&resolved_lines(baseline));
    out
}

pub fn claims_table(a: &Analysis) -> String {
    let mut t = new_table(&["Evidence", "Rule", "Value", "Speaker", "Key"]);
    for m in &a.mentions {
        t.add_row(vec![
            format!("{}:{}:{}", m.file, m.line, m.column),
            m.rule.clone(),
            m.value_text(),
            m.speaker.clone().unwrap_or_default(),
            m.key.join(" / "),
        ]);
    }
    format!("{t}\n{} mentions\n", a.mentions.len())
}
