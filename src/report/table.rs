//! Table writers: comfy-table at a pinned width (so output does not depend on the
//! terminal), and a Markdown table.

use crate::Analysis;
use crate::judge::{Judged, Verdict};
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

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

pub fn report_table(a: &Analysis) -> String {
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
    for j in &a.claims {
        let (values, evidence) = value_lines(a, j);
        t.add_row(vec![
            j.verdict_line(),
            format!("{}\n→ {}", j.claim.summary, j.reason),
            values,
            sources_cell(j),
            evidence,
        ]);
    }
    format!("{t}\n{}", totals(a))
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

pub fn report_markdown(a: &Analysis) -> String {
    let mut out = String::from(
        "| Verdict | Claim | Reason | Values | Sources | Evidence |\n|---|---|---|---|---|---|\n",
    );
    for j in &a.claims {
        let (values, evidence) = value_lines(a, j);
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            j.verdict_line(),
            md_cell(&j.claim.summary),
            md_cell(&j.reason),
            md_cell(&values),
            md_cell(&sources_cell(j)).replace("<br>", " "),
            md_cell(&evidence)
        ));
    }
    out.push('\n');
    out.push_str(&totals(a));
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
