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
    for (i, a) in story.articles.iter().enumerate() {
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
        // Where the publication date came from: an assumption (with its reason), else the
        // page's metadata (a manifest, which init never overwrites, is not read here).
        let reason = analysis.published_assumed.get(i).and_then(|r| r.as_deref());
        let published_from = match reason {
            Some(r) => format!("assumed: {r}"),
            None => "the page's metadata".to_string(),
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
