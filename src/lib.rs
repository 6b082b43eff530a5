//! crosscheck: cross-verify claims across news articles.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `ingest → segment → extract (with normalize) → matching → judge → report`.

pub mod archive;
pub mod baseline;
pub mod cli;
pub mod entities;
pub mod era;
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
pub mod rx;
pub mod segment;
pub mod time;
pub mod words;

use extract::{Extractor, Mention};
use ingest::Story;
use judge::Judged;
use rules::RuleSet;
use std::collections::BTreeMap;
use time::PartialDate;

/// Everything the pipeline found in one story.
pub struct Analysis<'r> {
    pub rules: &'r RuleSet,
    pub story: Story,
    /// In file and position order.
    pub mentions: Vec<Mention>,
    /// In report order.
    pub claims: Vec<Judged>,
    /// Per article: why its published date is what it is when crosscheck assumed it (a
    /// dateline in its first lines, or its own and its twins' dates); `None` when the
    /// manifest or the page gave it, or when it is unknown.
    pub published_assumed: Vec<Option<String>>,
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
    let mut published_assumed = Vec::with_capacity(story.articles.len());
    for article in &mut story.articles {
        let mut assumed = None;
        if article.published.is_none() {
            article.published = extractor.dateline(article);
            assumed = article
                .published
                .map(|_| "the first date in the article's first lines (a dateline)".to_string());
        }
        published_assumed.push(assumed);
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
    let mut per_article = per_article;
    // Articles with no date from a manifest, page or dateline: guess the month they were
    // published from their own dates and their twins' (the articles that tell the most of
    // the same claims), then read them again against it.
    let assumed = assume_published(&story, &per_article, extractor, rules);
    for (i, date, reason) in assumed {
        let article = &mut story.articles[i];
        article.published = Some(date);
        story.warnings.push(format!(
            "{}: published {} assumed ({reason})",
            article.file, date
        ));
        published_assumed[i] = Some(reason);
        let sentences = segment::segment_mapped(
            article,
            rules.langs.get(&article.language),
            story.line_maps.get(&article.file),
        );
        per_article[i] = extractor.article(i, article, &sentences);
    }
    let mentions: Vec<Mention> = per_article.into_iter().flatten().collect();
    let langs: Vec<String> = story.articles.iter().map(|a| a.language.clone()).collect();
    let claims = matching::group(&mentions, &langs, rules);
    let mut claims = judge::judge(&story, claims, &mentions, rules);
    // Statements told beside a frame's figure or date repeat its claim unless they meet a
    // denial.
    claims.retain(|j| {
        j.verdict == judge::Verdict::Conflict
            || j.claim.mentions.iter().any(|&i| !mentions[i].beside)
    });
    Analysis {
        rules,
        story,
        mentions,
        claims,
        published_assumed,
    }
}

/// Two articles are twins when they tell at least this many of the same claims (the same
/// frame and key).
const TWIN_CLAIMS: usize = 2;
/// A twin's later month is the story's time for an article whose own latest date is at most
/// this many days earlier.
const STORY_DAYS: i64 = 62;

/// A publication month for each article that has no date, with the reason: the latest day
/// or month its text dates with a year; else the latest it gives without one, in the year
/// of its closest twin with a time; else the year its office-holders held office together;
/// then, when a twin's time is a little later, that (one story told at one time). Articles
/// with nothing to go on are left undated.
fn assume_published(
    story: &Story,
    mentions: &[Vec<Mention>],
    extractor: &Extractor,
    rules: &RuleSet,
) -> Vec<(usize, PartialDate, String)> {
    use chrono::Datelike;
    let undated: Vec<usize> = (0..story.articles.len())
        .filter(|&i| story.articles[i].published.is_none())
        .collect();
    if undated.is_empty() {
        return Vec::new();
    }
    let keys: Vec<std::collections::BTreeSet<(usize, &[String])>> = mentions
        .iter()
        .map(|ms| {
            ms.iter()
                .filter(|m| {
                    let f = &rules.frames[m.frame];
                    !f.catch_all && f.kind != rules::Kind::Statement && !m.key.is_empty()
                })
                .map(|m| (m.frame, m.key.as_slice()))
                .collect()
        })
        .collect();
    // The twins of an article, most shared claims first (then file order).
    let twins = |i: usize| -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = (0..story.articles.len())
            .filter(|&j| j != i)
            .map(|j| (j, keys[i].intersection(&keys[j]).count()))
            .filter(|&(_, n)| n >= TWIN_CLAIMS)
            .collect();
        out.sort_by_key(|&(j, n)| (std::cmp::Reverse(n), j));
        out
    };
    let month = |d: chrono::NaiveDate| PartialDate {
        year: d.year(),
        month: Some(d.month()),
        day: None,
    };
    let as_day = |p: PartialDate| {
        chrono::NaiveDate::from_ymd_opt(p.year, p.month.unwrap_or(12), p.day.unwrap_or(1))
    };
    let given: BTreeMap<usize, extract::DatesGiven> = undated
        .iter()
        .map(|&i| (i, extractor.dates_given(&story.articles[i])))
        .collect();
    // Round one: each article's own dates.
    let mut own: BTreeMap<usize, (PartialDate, String)> = BTreeMap::new();
    for &i in &undated {
        if let Some((iv, text)) = given[&i].full.iter().max_by_key(|(iv, _)| iv.end) {
            own.insert(i, (month(iv.end), format!("its latest date is '{text}'")));
        }
    }
    // The time of an article known so far: its manifest or dateline, else its own dates.
    let known = |j: usize, own: &BTreeMap<usize, (PartialDate, String)>| {
        story.articles[j]
            .published
            .or_else(|| own.get(&j).map(|(d, _)| *d))
    };
    // Round two: a year from a twin for dates that give none.
    let mut found = own.clone();
    for &i in &undated {
        if found.contains_key(&i) {
            continue;
        }
        let Some((j, n, year)) = twins(i)
            .into_iter()
            .find_map(|(j, n)| known(j, &own).map(|d| (j, n, d.year)))
        else {
            continue;
        };
        let twin = &story.articles[j].file;
        let latest = given[&i]
            .yearless
            .iter()
            .filter_map(|(m, d, text)| {
                chrono::NaiveDate::from_ymd_opt(year, *m, d.unwrap_or(1)).map(|x| (x, text))
            })
            .max_by_key(|(x, _)| *x);
        let (date, why) = match latest {
            Some((x, text)) => (month(x), format!("its latest date is '{text}'")),
            None => (
                PartialDate {
                    year,
                    month: None,
                    day: None,
                },
                "it names no month".to_string(),
            ),
        };
        found.insert(
            i,
            (
                date,
                format!("{why}; the year from {twin}, which tells {n} of its claims"),
            ),
        );
    }
    // Round three: an article with no date at all, by the office-holders it names (see
    // `era`).
    for &i in &undated {
        if found.contains_key(&i) {
            continue;
        }
        let a = &story.articles[i];
        if let Some(dated) = era::era(&a.text, &a.furniture, &rules.offices) {
            found.insert(i, dated);
        }
    }
    // Round four: one story, one time: a twin's time a little later than an article's own
    // is the time of both.
    let mut out = Vec::new();
    for &i in &undated {
        let Some((mut date, mut reason)) = found.get(&i).cloned() else {
            continue;
        };
        for (j, n) in twins(i) {
            let theirs = story.articles[j]
                .published
                .or_else(|| found.get(&j).map(|(d, _)| *d));
            if let (Some(t), Some(a), Some(b)) = (theirs, as_day(date), theirs.and_then(as_day))
                && t.month.is_some()
                && b > a
                && (b - a).num_days() <= STORY_DAYS
            {
                reason = format!(
                    "{reason}; {} a little later, from {}, which tells {n} of its claims",
                    t.month
                        .map_or(t.year.to_string(), |m| format!("{}-{m:02}", t.year)),
                    story.articles[j].file
                );
                date = PartialDate { day: None, ..t };
            }
        }
        out.push((i, date, reason));
    }
    out
}
