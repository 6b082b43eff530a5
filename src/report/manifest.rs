//! `crosscheck init`: a draft `story.toml` from what was inferred about each article, every
//! field marked with where it came from, for the user to correct.

use crate::Analysis;

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The draft manifest of an analysed story.
pub fn manifest_draft(analysis: &Analysis) -> String {
    let story = &analysis.story;
    let mut out = String::from(
        "# Draft written by `crosscheck init` from what it could infer about each article.\n\
         # Every field marked \"inferred\" is a guess: check it against the article, correct it,\n\
         # and delete the mark. Fields left commented out were not found.\n",
    );
    if let Some(title) = &story.title {
        out.push_str(&format!("title = {}\n", quoted(title)));
    }
    for a in &story.articles {
        let page = a.file.ends_with(".html") || a.file.ends_with(".htm");
        out.push_str(&format!("\n[[source]]\nfile = {}\n", quoted(&a.file)));
        let field = |out: &mut String, name: &str, value: Option<String>, from: &str| match value {
            Some(v) => out.push_str(&format!("{name} = {:<28} # inferred: {from}\n", quoted(&v))),
            None => out.push_str(&format!("# {name} = \"\"   # not found\n")),
        };
        let language = (a.language != "und").then(|| a.language.clone());
        let language_from = if page {
            "the page's <html lang>, else the text"
        } else {
            "the text"
        };
        field(&mut out, "language", language, language_from);
        // Where the publication date came from: an assumption (its warning gives the
        // reason), the page's metadata, or the article's dateline.
        let assumed = format!("{}: published ", a.file);
        let reason = story
            .warnings
            .iter()
            .find(|w| w.starts_with(&assumed) && w.contains(" assumed ("))
            .and_then(|w| {
                w.split_once(" assumed (")
                    .map(|(_, r)| r.trim_end_matches(')'))
            });
        let published_from = match reason {
            Some(r) => format!("assumed: {r}"),
            None if page => "the page's metadata or dateline".to_string(),
            None => "the dateline".to_string(),
        };
        field(
            &mut out,
            "published",
            a.published.map(|d| d.to_string()),
            &published_from,
        );
        field(&mut out, "outlet", a.outlet.clone(), "the page's metadata");
        field(&mut out, "url", a.url.clone(), "the page's metadata");
    }
    out
}
