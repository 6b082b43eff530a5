//! crosscheck: cross-verify claims across news articles.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `ingest → segment → extract (with normalize) → matching → judge → report`.

pub mod archive;
pub mod baseline;
pub mod cli;
pub mod entities;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod judge;
pub mod matching;
pub mod normalize;
pub mod report;
pub mod ruledoc;
pub mod rules;
pub mod ruletest;
pub mod segment;
pub mod time;
pub mod words;

use extract::{Extractor, Mention};
use ingest::Story;
use judge::Judged;
use rules::RuleSet;

/// Everything the pipeline found in one story.
pub struct Analysis<'r> {
    pub rules: &'r RuleSet,
    pub story: Story,
    /// In file and position order.
    pub mentions: Vec<Mention>,
    /// In report order.
    pub claims: Vec<Judged>,
    /// Per article: its published date was assumed from a dateline in its first lines (no
    /// manifest or page metadata gave one).
    pub dated_from_text: Vec<bool>,
}

/// The languages of a story's articles, sorted, each once: what its extractor is built for.
pub fn languages(story: &Story) -> Vec<&str> {
    let mut languages: Vec<&str> = story.articles.iter().map(|a| a.language.as_str()).collect();
    languages.sort();
    languages.dedup();
    languages
}

/// Run segment → extract → match → judge over an ingested story.
pub fn analyze(story: Story, rules: &RuleSet) -> Analysis<'_> {
    let extractor = Extractor::for_languages(rules, &languages(&story));
    analyze_with(story, rules, &extractor)
}

/// [`analyze`] with an extractor built already, for the story's [`languages`] exactly
/// (building one compiles the languages' patterns: most of a small story's time).
pub fn analyze_with<'r>(story: Story, rules: &'r RuleSet, extractor: &Extractor) -> Analysis<'r> {
    let mut story = story;
    let outlets: Vec<String> = story
        .articles
        .iter()
        .filter_map(|a| a.outlet.clone())
        .collect();
    let mut dated_from_text = Vec::with_capacity(story.articles.len());
    for article in &mut story.articles {
        let mut assumed = false;
        if article.published.is_none() {
            article.published = extractor.dateline(article);
            assumed = article.published.is_some();
        }
        dated_from_text.push(assumed);
        article.cited = extractor.citations(article, &outlets);
    }
    // Articles are independent until matching: extract them in parallel, then concatenate
    // in article order, so the output does not depend on the thread count.
    use rayon::prelude::*;
    let per_article: Vec<Vec<Mention>> = story
        .articles
        .par_iter()
        .enumerate()
        .map(|(i, article)| {
            let sentences = segment::segment_mapped(
                article,
                rules.langs.get(&article.language),
                story.line_maps.get(&article.file),
            );
            extractor.article(i, article, &sentences)
        })
        .collect();
    let mentions: Vec<Mention> = per_article.into_iter().flatten().collect();
    let langs: Vec<String> = story.articles.iter().map(|a| a.language.clone()).collect();
    let claims = matching::group(&mentions, &langs, rules);
    let claims = judge::judge(&story, claims, &mentions, rules);
    Analysis {
        rules,
        story,
        mentions,
        claims,
        dated_from_text,
    }
}
