//! HTML writer: one self-contained page for editors (CSS and JS inline, nothing fetched).
//!
//! At the top the counts per verdict and the sources (outlet, language, published date,
//! origin group); then a source × claim matrix (agrees, conflicts, only source, silent),
//! conflicts first; then every claim as a `<details>` with its evidence sentences, the
//! value marked, the speaker, file:line and the reason. All content is in the HTML: the
//! script only filters (by verdict, source, language and text) and opens every claim for
//! printing. Every piece of text goes through [`esc`].
//!
//! Input: an [`Analysis`]. Output: the page as a `String`, byte-identical for the same input.

use crate::Analysis;
use crate::baseline::Comparison;
use crate::extract::Mention;
use crate::judge::{Judged, Verdict};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Escape text for HTML text and for double- or single-quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// What one source says of one claim, as the matrix shows it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cell {
    Agrees,
    Conflicts,
    Only,
    Silent,
}

impl Cell {
    fn of(verdict: Verdict, states: bool) -> Cell {
        match (states, verdict) {
            (false, _) => Cell::Silent,
            (true, Verdict::Agreement) => Cell::Agrees,
            (true, Verdict::Conflict) => Cell::Conflicts,
            (true, Verdict::SingleSource) => Cell::Only,
        }
    }

    /// (class, symbol, words): the symbol is decoration; the words are what a screen
    /// reader and a black-and-white print get.
    fn parts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Cell::Agrees => ("agrees", "✓", "agrees"),
            Cell::Conflicts => ("conflicts", "✗", "conflicts"),
            Cell::Only => ("only", "●", "only source"),
            Cell::Silent => ("silent", "·", "silent"),
        }
    }
}

fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "Conflict",
        Verdict::Agreement => "Agreement",
        Verdict::SingleSource => "Single source",
    }
}

/// The value as the report prints it, with its approximation sign ("~40").
fn shown_value(m: &Mention) -> String {
    format!("{}{}", m.approx.sign(), m.value_text())
}

/// The sentence with the value (or, for a statement, the trigger) in `<mark>`.
fn marked_sentence(m: &Mention) -> String {
    let (s, e) = m.value_span.unwrap_or(m.trigger_span);
    match (m.text.get(..s), m.text.get(s..e), m.text.get(e..)) {
        (Some(before), Some(value), Some(after)) if s < e => {
            format!("{}<mark>{}</mark>{}", esc(before), esc(value), esc(after))
        }
        _ => esc(&m.text),
    }
}

/// An id attribute for a claim: its id, which holds no whitespace, prefixed.
fn anchor(j: &Judged) -> String {
    let id: String = j
        .claim
        .id
        .chars()
        .map(|c| if c.is_whitespace() { '-' } else { c })
        .collect();
    format!("claim-{id}")
}

/// The articles a claim's mentions come from, in article order.
fn articles_of(a: &Analysis, j: &Judged) -> BTreeSet<usize> {
    j.claim
        .mentions
        .iter()
        .map(|&i| a.mentions[i].article)
        .collect()
}

/// `data-` attributes the filter reads: verdict, sources (s0 s1 …) and languages.
fn filter_data(a: &Analysis, j: &Judged) -> String {
    let arts = articles_of(a, j);
    let sources: Vec<String> = arts.iter().map(|i| format!("s{i}")).collect();
    let langs: BTreeSet<&str> = arts
        .iter()
        .map(|&i| a.story.articles[i].language.as_str())
        .collect();
    format!(
        " data-verdict=\"{}\" data-sources=\"{}\" data-languages=\"{}\"",
        j.verdict.as_str(),
        esc(&sources.join(" ")),
        esc(&langs.into_iter().collect::<Vec<_>>().join(" "))
    )
}

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"crosscheck\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n",
        esc(title)
    );
}

fn summary_section(out: &mut String, a: &Analysis, groups: &[usize]) {
    let count = |v: Verdict| a.claims.iter().filter(|j| j.verdict == v).count();
    out.push_str("<section aria-labelledby=\"h-summary\">\n<h2 id=\"h-summary\">Summary</h2>\n");
    out.push_str("<ul class=\"counts\">\n");
    for v in [Verdict::Conflict, Verdict::Agreement, Verdict::SingleSource] {
        let _ = writeln!(
            out,
            "<li class=\"v-{}\"><strong>{}</strong> {}</li>",
            v.as_str(),
            count(v),
            verdict_label(v).to_lowercase()
        );
    }
    let _ = writeln!(
        out,
        "<li><strong>{}</strong> claims in all, from <strong>{}</strong> sources</li>\n</ul>",
        a.claims.len(),
        a.story.articles.len()
    );
    out.push_str(
        "<table class=\"sources\">\n<caption>Sources (an origin group is the sources that \
         share an upstream, cite one another or carry the same facts in the same order: \
         they count once)</caption>\n<thead><tr><th scope=\"col\">Key</th>\
         <th scope=\"col\">File</th><th scope=\"col\">Outlet</th>\
         <th scope=\"col\">Language</th><th scope=\"col\">Published</th>\
         <th scope=\"col\">Origin group</th></tr></thead>\n<tbody>\n",
    );
    for (i, art) in a.story.articles.iter().enumerate() {
        let outlet = match (&art.outlet, &art.url) {
            (Some(o), Some(u)) => format!("<a href=\"{}\">{}</a>", esc(u), esc(o)),
            (Some(o), None) => esc(o),
            (None, Some(u)) => format!("<a href=\"{}\">{}</a>", esc(u), esc(u)),
            (None, None) => "<span class=\"unknown\">unknown</span>".to_string(),
        };
        let published = art
            .published
            .map(|p| esc(&p.to_string()))
            .unwrap_or_else(|| "<span class=\"unknown\">unknown</span>".to_string());
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">S{}</th><td><code>{}</code></td><td>{outlet}</td>\
             <td>{}</td><td>{published}</td><td>{}</td></tr>",
            i + 1,
            esc(&art.file),
            esc(&art.language),
            groups[i]
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The filter form: hidden until the script shows it, since it does nothing without it.
fn filters(out: &mut String, a: &Analysis) {
    out.push_str(
        "<section id=\"filters\" aria-labelledby=\"h-filters\" hidden>\n\
         <h2 id=\"h-filters\">Filter</h2>\n<form class=\"filters\" role=\"search\">\n\
         <label>Verdict <select id=\"f-verdict\"><option value=\"\">all</option>",
    );
    for v in [Verdict::Conflict, Verdict::Agreement, Verdict::SingleSource] {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            v.as_str(),
            verdict_label(v).to_lowercase()
        );
    }
    out.push_str(
        "</select></label>\n<label>Source <select id=\"f-source\"><option value=\"\">all</option>",
    );
    for (i, art) in a.story.articles.iter().enumerate() {
        let _ = write!(
            out,
            "<option value=\"s{i}\">S{} {}</option>",
            i + 1,
            esc(&art.file)
        );
    }
    out.push_str(
        "</select></label>\n<label>Language <select id=\"f-language\"><option value=\"\">all</option>",
    );
    let langs: BTreeSet<&str> = a
        .story
        .articles
        .iter()
        .map(|art| art.language.as_str())
        .collect();
    for l in langs {
        let _ = write!(out, "<option value=\"{0}\">{0}</option>", esc(l));
    }
    out.push_str(
        "</select></label>\n<label>Text <input id=\"f-text\" type=\"search\" \
         placeholder=\"words in a claim or sentence\"></label>\n\
         <button type=\"reset\">Clear</button>\n</form>\n\
         <p id=\"f-status\" role=\"status\" aria-live=\"polite\"></p>\n</section>\n",
    );
}

fn matrix(out: &mut String, a: &Analysis) {
    out.push_str(
        "<section aria-labelledby=\"h-matrix\">\n<h2 id=\"h-matrix\">Who says what</h2>\n\
         <p class=\"legend\"><span class=\"cell agrees\">✓ agrees</span> \
         <span class=\"cell conflicts\">✗ conflicts</span> \
         <span class=\"cell only\">● only source</span> \
         <span class=\"cell silent\">· silent</span></p>\n\
         <div class=\"scroll\">\n<table class=\"matrix\">\n\
         <caption>Each claim (rows, conflicts first) against each source (columns)</caption>\n\
         <thead><tr><th scope=\"col\">Claim</th><th scope=\"col\">Verdict</th>",
    );
    for (i, art) in a.story.articles.iter().enumerate() {
        let _ = write!(
            out,
            "<th scope=\"col\"><abbr title=\"{}\">S{}</abbr></th>",
            esc(&art.file),
            i + 1
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for j in &a.claims {
        let arts = articles_of(a, j);
        let _ = write!(
            out,
            "<tr class=\"claim-row\"><th scope=\"row\"><a href=\"#{}\">{}</a></th>\
             <td><span class=\"badge v-{}\">{}</span></td>",
            esc(&anchor(j)),
            esc(&j.claim.summary),
            j.verdict.as_str(),
            verdict_label(j.verdict)
        );
        for (i, art) in a.story.articles.iter().enumerate() {
            let cell = Cell::of(j.verdict, arts.contains(&i));
            let (class, symbol, words) = cell.parts();
            let values: Vec<String> = j
                .claim
                .mentions
                .iter()
                .map(|&m| &a.mentions[m])
                .filter(|m| m.article == i)
                .map(shown_value)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let title = if values.is_empty() {
                format!("{}: {words}", art.file)
            } else {
                format!("{}: {words}: {}", art.file, values.join(", "))
            };
            let _ = write!(
                out,
                "<td class=\"cell {class}\" title=\"{}\"><span aria-hidden=\"true\">{symbol}</span>\
                 <span class=\"sr\">{words}</span>",
                esc(&title)
            );
            if !values.is_empty() {
                let _ = write!(
                    out,
                    " <span class=\"val\">{}</span>",
                    esc(&values.join(", "))
                );
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

/// A conflict's standing against the baseline, as words after its badge.
fn status_note(j: &Judged, baseline: Option<&Comparison>) -> String {
    baseline
        .and_then(|b| b.of(&j.claim.id))
        .map(|s| format!(" <span class=\"status\">({})</span>", s.as_str()))
        .unwrap_or_default()
}

fn claim_details(out: &mut String, a: &Analysis, j: &Judged, baseline: Option<&Comparison>) {
    let frame = &a.rules.frames[j.claim.frame];
    let _ = write!(
        out,
        "<article class=\"claim\" id=\"{}\"{}>\n<details{}>\n<summary>\
         <span class=\"badge v-{}\">{}</span>{} <span class=\"summary\">{}</span>\
         <span class=\"reason\">{}</span></summary>\n",
        esc(&anchor(j)),
        filter_data(a, j),
        // Conflicts are what an editor reviews: open from the start.
        if j.verdict == Verdict::Conflict {
            " open"
        } else {
            ""
        },
        j.verdict.as_str(),
        verdict_label(j.verdict),
        status_note(j, baseline),
        esc(&j.claim.summary),
        esc(&j.reason)
    );
    let s = if j.sources == 1 { "source" } else { "sources" };
    let o = if j.origins == 1 { "origin" } else { "origins" };
    let _ = writeln!(
        out,
        "<dl class=\"facts\"><dt>Reason</dt><dd>{}</dd><dt>Claim id</dt><dd><code>{}</code></dd>\
         <dt>Rule</dt><dd><code>{}</code> ({})</dd><dt>Sources</dt><dd>{} {s}, {} independent {o}</dd></dl>",
        esc(&j.reason),
        esc(&j.claim.id),
        esc(&frame.id),
        frame.kind.as_str(),
        j.sources,
        j.origins
    );
    out.push_str(
        "<table class=\"evidence\">\n<caption>Evidence</caption>\n<thead><tr>\
         <th scope=\"col\">Where</th><th scope=\"col\">Speaker</th>\
         <th scope=\"col\">Value</th><th scope=\"col\">Sentence</th></tr></thead>\n<tbody>\n",
    );
    for &i in &j.claim.mentions {
        let m = &a.mentions[i];
        let speaker = m
            .speaker
            .as_deref()
            .map(esc)
            .unwrap_or_else(|| "<span class=\"unknown\">none named</span>".to_string());
        let hedge = if m.hedged {
            " <span class=\"hedge\">(hedged)</span>"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><code>{}:{}</code></th><td>{speaker}</td>\
             <td class=\"value\">{}{hedge}</td><td>{}</td></tr>",
            esc(&m.file),
            m.line,
            esc(&shown_value(m)),
            marked_sentence(m)
        );
    }
    out.push_str("</tbody>\n</table>\n</details>\n</article>\n");
}

/// The whole page.
pub fn report_html(a: &Analysis) -> String {
    report_html_with(a, None)
}

/// The whole page; with a baseline, each conflict's status and the resolved conflicts.
pub fn report_html_with(a: &Analysis, baseline: Option<&Comparison>) -> String {
    let title = match &a.story.title {
        Some(t) => format!("crosscheck: {t}"),
        None => format!("crosscheck: {}", a.story.name),
    };
    let groups = super::origin_groups(a);
    let mut out = String::new();
    head(&mut out, &title);
    out.push_str("<body>\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(&title));
    let _ = writeln!(
        out,
        "<p>Story folder <code>{}</code>: every checkable claim, cross-checked across its \
         sources.</p>\n</header>\n<main>",
        esc(&a.story.name)
    );
    summary_section(&mut out, a, &groups);
    filters(&mut out, a);
    matrix(&mut out, a);
    out.push_str(
        "<section aria-labelledby=\"h-claims\">\n<h2 id=\"h-claims\">Claims and evidence</h2>\n",
    );
    if a.claims.is_empty() {
        out.push_str("<p>No claims were found.</p>\n");
    }
    for j in &a.claims {
        claim_details(&mut out, a, j, baseline);
    }
    out.push_str("</section>\n");
    if let Some(b) = baseline {
        out.push_str(
            "<section aria-labelledby=\"h-resolved\">\n\
             <h2 id=\"h-resolved\">Resolved since the baseline</h2>\n",
        );
        if b.resolved.is_empty() {
            out.push_str("<p>None: every reviewed conflict is still a conflict.</p>\n");
        } else {
            out.push_str("<ul>\n");
            for r in &b.resolved {
                let _ = writeln!(
                    out,
                    "<li>{} <code>{}</code> (was {})</li>",
                    esc(&r.summary),
                    esc(&r.id),
                    esc(&r.values.join(" vs "))
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n");
    let _ = write!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(
            esc(r#"<a href="x">Tom's & co</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;"
        );
    }

    #[test]
    fn assets_have_no_network_references() {
        for asset in [STYLE, SCRIPT] {
            assert!(!asset.contains("http:") && !asset.contains("https:"));
            assert!(!asset.contains("@import") && !asset.contains("url("));
            assert!(!asset.contains("</script") && !asset.contains("</style"));
        }
    }
}
