//! Extract: run the claim frames over each sentence and turn what they find into
//! [`Mention`]s: trigger, slots (entities, topics), value (normalized), time, speaker and
//! polarity.
//!
//! Input: articles, their sentences and the rules. Output: mentions in file and position
//! order. All rules are compiled once in [`Extractor::new`].
//!
//! This file holds the [`Extractor`], its public calls and the per-article loop, with what
//! that loop remembers from one sentence to the next (`Memory`). A sentence then passes
//! through the submodules in this order:
//!
//! - `context`: read the sentence once (dates, numbers, names, topics, trigger words);
//! - `names`: resolve its names against the article (surnames, bare titles, places);
//! - `speaker`: who speaks, over which words, and whether they deny;
//! - `frame`: run one frame: trigger matches become mentions, one per key;
//! - `slots`: fill the frame's slots from the names around the trigger;
//! - `values`: choose the value a mention compares and the period it holds over;
//! - `summary`: the mention's summary and key (and the slugs and content words they use);
//! - `distance`: how far a value or name stands from the trigger (for frame, slots, values).

mod catchall;
mod context;
mod denial;
mod distance;
mod frame;
mod names;
mod negation;
mod slots;
mod speaker;
mod summary;
mod values;

pub use negation::quote as negation_quote;
pub use summary::{content_words, slug, stem, summarize};

/// The word a speaker is known by: the last word of three letters or more of the name
/// ("Tobias Rendal": "Rendal"; "Kim Jong Un": "Jong").
pub fn surname(speaker: &str) -> Option<&str> {
    speaker
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| w.chars().count() >= 3)
}

use crate::entities::{Gazetteer, Hit, TopicFinder};
use crate::ingest::Article;
use crate::normalize::{DateValue, Grammar, Value};
use crate::rules::{EntityKind, Kind, RuleSet};
use crate::segment::Sentence;
use crate::time::PartialDate;
use crate::words::Owned;
use chrono::Datelike;
use context::relative_days;
use names::People;
use rayon::prelude::*;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Polarity {
    Asserts,
    Denies,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Asserts => "asserts",
            Polarity::Denies => "denies",
        }
    }
}

/// One claim as one sentence states it.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Index of the frame in `RuleSet::frames`.
    pub frame: usize,
    pub rule: String,
    pub kind: Kind,
    /// Index of the article in the story.
    pub article: usize,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub polarity: Polarity,
    /// The negation cue that makes a statement deny ("had not worked": the span of "not",
    /// within the sentence), when a negation and not a denial verb set its polarity.
    pub negation: Option<(usize, usize)>,
    /// Whether the sentence has a negation cue anywhere (in any clause): such a sentence
    /// is no plain assertion for a negation to contradict.
    pub negated_anywhere: bool,
    pub hedged: bool,
    /// Told as background to the story ("revived memories of the 2016 quake, which killed
    /// 670"): it meets only other background mentions.
    pub backdrop: bool,
    /// Counts part of a group ("five children are among the dead"): it meets only other
    /// such counts.
    pub part: bool,
    /// For a duration told as the time elapsed up to the article's day ("two weeks ago",
    /// "hace dos semanas"), that day: it meets only durations told on the same day.
    pub elapsed: Option<crate::time::PartialDate>,
    /// A statement told beside the figure or date a frame took from the same words ("Shah
    /// said Kerala had been warned on 23 July"): a claim another speaker can deny, but alone
    /// it only repeats the frame's claim, so it is reported only in a conflict.
    pub beside: bool,
    /// "about", "more than", … qualifying a numeric value.
    pub approx: crate::rules::Approx,
    /// Byte ranges, within the sentence, of the value (the number compared, or an event's
    /// date) and of the trigger.
    pub value_span: Option<(usize, usize)>,
    pub trigger_span: (usize, usize),
    /// The compared value: the date of an event, the number of a quantity; `None` for
    /// statements and for events with no date.
    pub value: Option<Value>,
    /// When the claim holds (events: the same date as `value`).
    pub period: Option<DateValue>,
    /// Whether the sentence itself names `period` ("in August"), rather than the paragraph
    /// or the article lending it.
    pub dated: bool,
    /// Whether the figure is a running total ("since January").
    pub running: bool,
    /// Slot name -> canonical names.
    pub slots: BTreeMap<String, Vec<String>>,
    /// The frame's key slots, slugged, in key order.
    pub key: Vec<String>,
    pub summary: String,
    /// Content words of the whole sentence, stemmed (for weighting statement words).
    pub words: Vec<String>,
    /// What the value is told by, in words that hold across languages (see
    /// `extract::catchall`): `about`, `near`, `unit`, `names`, `with`, `shared`, `local`,
    /// and `rank` when one stands beside it. Empty for statements.
    pub context: BTreeMap<String, Vec<String>>,
}

impl Mention {
    /// The rank told beside the value ("@second" in "a second package of 3.8 billion").
    pub fn rank(&self) -> Option<&str> {
        self.context
            .get("rank")
            .and_then(|r| r.first())
            .map(String::as_str)
    }

    /// Whether two mentions are told beside two different ranks: "the first package" and
    /// "a second package" are two things, whatever their values.
    pub fn other_rank(&self, other: &Mention) -> bool {
        matches!((self.rank(), other.rank()), (Some(a), Some(b)) if a != b)
    }

    /// The value as the report prints it.
    pub fn value_text(&self) -> String {
        match (&self.value, self.kind) {
            (_, Kind::Statement) => self.polarity.as_str().to_string(),
            (Some(v), _) => v.canonical(),
            (None, _) => "undated".to_string(),
        }
    }
}

/// Where a mention stands: its article and sentence.
fn place(m: &mut Mention, index: usize, article: &Article, s: &Sentence) {
    m.article = index;
    m.file = article.file.clone();
    m.line = s.line;
    m.column = s.column;
    m.start = s.start;
    m.end = s.end;
}

/// Keep statement `m` as the article's latest, and those before it while a denial may still
/// answer them (see [`denial::denied`]).
fn remember(statements: &mut Vec<Mention>, m: &Mention) {
    statements.retain(|p| p.line + denial::RECENT_LINES >= m.line);
    // A page on one line (a minified saved page) keeps every statement recent: the last
    // few are enough.
    if statements.len() >= RECENT_STATEMENTS {
        statements.drain(..=statements.len() - RECENT_STATEMENTS);
    }
    statements.push(m.clone());
}

/// How many recent statements a denial may answer at most.
const RECENT_STATEMENTS: usize = 16;

/// The days (dates to the day) among a sentence's values, in text order.
fn days_in(
    found: &[crate::normalize::Found],
) -> impl DoubleEndedIterator<Item = chrono::NaiveDate> + '_ {
    found.iter().filter_map(|f| match &f.value {
        Value::Date(DateValue::Resolved(iv)) if iv.granularity == crate::time::Granularity::Day => {
            Some(iv.start)
        }
        _ => None,
    })
}

/// What an earlier sentence of the same paragraph left behind for inheritance.
#[derive(Default)]
struct Memory {
    paragraph: usize,
    /// The period the article's opening names ("net profit for 2023"): the time of a
    /// figure that gives none, before the publication month.
    lead: Option<DateValue>,
    /// The last day the article named, for "a day earlier" (kept across paragraphs).
    last_day: Option<chrono::NaiveDate>,
    /// The day a time of day with none of its own is on: the last day the article named
    /// near those it is about (`People::days`; kept across paragraphs).
    time_day: Option<chrono::NaiveDate>,
    /// The article's recent statements, the last one last: what a denial that only points
    /// back ("Lewentz wies den Vorwurf zurück", "Y denied it") or repeats their words denies.
    statements: Vec<Mention>,
    date: Option<DateValue>,
    hits: Vec<Hit>,
    /// The country the article last named (kept across paragraphs), for "the country".
    country: Option<String>,
}

pub struct Extractor<'r> {
    rules: &'r RuleSet,
    grammars: BTreeMap<String, Grammar>,
    gazetteer: Gazetteer,
    topics: TopicFinder,
    /// Per language: every trigger of every frame in one set, and the frame of each.
    triggers: BTreeMap<String, (crate::rules::Set, Vec<usize>)>,
    /// Per language: every frame's word patterns in one index, and the frame of each.
    word_triggers: BTreeMap<String, Owned<usize>>,
    /// Per language: every concept's word patterns in one index, and the concept of each.
    concepts: BTreeMap<String, Owned<String>>,
    /// The catch-all frames, in rule order.
    catch_frames: Vec<usize>,
    /// The fallback statement frames, in rule order: any attribution cue triggers them.
    statement_frames: Vec<usize>,
}

/// The dates an article gives ([`Extractor::dates_given`]).
#[derive(Debug, Default)]
pub struct DatesGiven {
    /// Days and months with their year, and their text.
    pub full: Vec<(crate::time::Interval, String)>,
    /// Days and months without a year: month, day, text.
    pub yearless: Vec<(u32, Option<u32>, String)>,
}

/// A line longer than this many bytes is read sentence by sentence (see
/// [`Extractor::dates_given`]).
const LONG_LINE: usize = 8192;

impl<'r> Extractor<'r> {
    pub fn new(rules: &'r RuleSet) -> Extractor<'r> {
        let all: Vec<&str> = rules.langs.keys().map(String::as_str).collect();
        Extractor::for_languages(rules, &all)
    }

    /// An extractor for the given languages only: compiling the patterns is most of the
    /// start-up time, so a story in two languages compiles two.
    pub fn for_languages(rules: &'r RuleSet, languages: &[&str]) -> Extractor<'r> {
        let wanted = |code: &String| languages.contains(&code.as_str());
        Extractor {
            rules,
            // One language per thread.
            grammars: rules
                .langs
                .par_iter()
                .filter(|(code, _)| wanted(code))
                .map(|(code, lang)| (code.clone(), Grammar::new(lang)))
                .collect(),
            gazetteer: Gazetteer::new(rules),
            catch_frames: (0..rules.frames.len())
                .filter(|&fi| rules.frames[fi].catch_all)
                .collect(),
            statement_frames: (0..rules.frames.len())
                .filter(|&fi| {
                    let f = &rules.frames[fi];
                    f.kind == Kind::Statement && f.fallback
                })
                .collect(),
            topics: TopicFinder::new(rules, languages),
            concepts: rules
                .langs
                .keys()
                .filter(|code| wanted(code))
                .map(|code| {
                    let pairs = rules.concepts.values().flat_map(|c| {
                        let words = c.words.get(code).into_iter().flatten();
                        words.map(|w| (c.id.clone(), w.clone()))
                    });
                    (code.clone(), Owned::new(pairs))
                })
                .collect(),
            word_triggers: rules
                .langs
                .keys()
                .filter(|code| wanted(code))
                .map(|code| {
                    let pairs = rules.frames.iter().enumerate().flat_map(|(fi, f)| {
                        let words = f.words.get(code).into_iter().flatten();
                        words.map(move |w| (fi, w.clone()))
                    });
                    (code.clone(), Owned::new(pairs))
                })
                .collect(),
            triggers: rules
                .langs
                .par_iter()
                .filter(|(code, _)| wanted(code))
                .map(|(code, _)| {
                    let mut owners = Vec::new();
                    let mut patterns = Vec::new();
                    for (fi, f) in rules.frames.iter().enumerate() {
                        for re in f.triggers.get(code).into_iter().flatten() {
                            owners.push(fi);
                            patterns.push(re.as_str().to_string());
                        }
                    }
                    // Every frame's triggers in one set: larger than one regex's default
                    // size limit once a language has many frames.
                    let set = crate::rules::Set::new(&patterns, 256 << 20)
                        .expect("trigger patterns compiled once already");
                    (code.clone(), (set, owners))
                })
                .collect(),
        }
    }

    pub fn grammar(&self, lang: &str) -> Option<&Grammar> {
        self.grammars.get(lang)
    }

    /// The date an article's relative dates are resolved against: the manifest's
    /// `published`, else a date the article gives as its own ([`Extractor::dateline`]).
    pub fn anchor(&self, article: &Article) -> Option<PartialDate> {
        article.published.or_else(|| self.dateline(article))
    }

    /// News outlets the article cites: matches of the language's citation patterns whose
    /// `source` is a known outlet, or one of `outlets` (the story's own outlets).
    pub fn citations(&self, article: &Article, outlets: &[String]) -> Vec<String> {
        let Some(lang) = self.rules.langs.get(&article.language) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for re in &lang.attribution.citation {
            for c in re.captures_iter(&article.text) {
                let Some(src) = c.name("source") else {
                    continue;
                };
                let hit = self
                    .gazetteer
                    .find(src.as_str(), lang)
                    .into_iter()
                    .find(|h| h.kind == EntityKind::Outlet);
                let name = match hit {
                    Some(h) => h.name,
                    None if outlets
                        .iter()
                        .any(|o| o.eq_ignore_ascii_case(src.as_str().trim())) =>
                    {
                        src.as_str().trim().to_string()
                    }
                    None => continue,
                };
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        out.sort();
        out
    }

    /// The dates an article gives, for guessing when it was published: each day or month
    /// that names its year, with its text, and each day or month that does not ("Aug. 9",
    /// "in July") as (month, day).
    pub fn dates_given(&self, article: &Article) -> DatesGiven {
        let mut out = DatesGiven::default();
        let Some(grammar) = self.grammars.get(&article.language) else {
            return out;
        };
        // Read line by line; an article with a line longer than a paragraph (a whole site
        // saved on one line) sentence by sentence, so that the value patterns search short
        // texts and a long line costs no more than its length.
        let long = article.text.lines().any(|l| l.len() > LONG_LINE);
        let pieces: Vec<&str> = if long {
            crate::segment::segment(article, self.rules.langs.get(&article.language))
                .iter()
                .map(|s| &article.text[s.start..s.end])
                .collect()
        } else {
            article.text.lines().collect()
        };
        for line in pieces {
            for f in grammar.scan(line, None) {
                match &f.value {
                    Value::Date(DateValue::Resolved(iv))
                        if matches!(
                            iv.granularity,
                            crate::time::Granularity::Day | crate::time::Granularity::Month
                        ) =>
                    {
                        out.full.push((*iv, line[f.start..f.end].to_string()));
                    }
                    Value::Date(DateValue::Unresolved { text, anchor: None }) => {
                        if let Some((m, d)) = crate::normalize::month_day(text) {
                            out.yearless.push((m, d, line[f.start..f.end].to_string()));
                        }
                    }
                    _ => {}
                }
            }
        }
        out
    }

    /// A full date in the article's first three lines, on a short line (a dateline or a
    /// "Published" line) or at the head of a longer one ("JAKARTA, 20 Agustus 2022 - …").
    pub fn dateline(&self, article: &Article) -> Option<PartialDate> {
        let grammar = self.grammars.get(&article.language)?;
        for line in article
            .text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(3)
        {
            // A dateline's date starts within its first 40 characters: reading the line's
            // head only keeps a huge first line from costing its length squared.
            let mut head = line.len().min(400);
            while !line.is_char_boundary(head) {
                head -= 1;
            }
            for f in grammar.scan(&line[..head], None) {
                if let Value::Date(DateValue::Resolved(iv)) = &f.value
                    && iv.granularity == crate::time::Granularity::Day
                    && (line.chars().count() <= 100 || line[..f.start].chars().count() <= 40)
                {
                    return Some(PartialDate::of_day(iv.start));
                }
            }
        }
        None
    }

    /// The code each of the pack's shared currency words ("roupies", "pesos") means in
    /// `article`: the currency of the country among the word's that the article names most
    /// (as a country, or through a city or body of it; the first code in alphabetical
    /// order on a tie). A word none of whose countries the article names keeps the pack's
    /// code and is left out.
    fn shared_currencies(
        &self,
        article: &Article,
        lang: &crate::rules::Lang,
    ) -> BTreeMap<String, String> {
        let shared = &lang.numbers.shared_currencies;
        if shared.is_empty() {
            return BTreeMap::new();
        }
        // Only the words the article holds, as a word or before a figure ("Rs500"): the
        // gazetteer pass below is not for every article with "rs" inside "years".
        let lower = article.text.to_lowercase();
        let holds = |word: &str| {
            let word = word.trim_end_matches('.');
            lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
                w.strip_prefix(word)
                    .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit()))
            })
        };
        let used: Vec<&(String, Vec<(String, String)>)> =
            shared.iter().filter(|(w, _)| holds(w)).collect();
        if used.is_empty() {
            return BTreeMap::new();
        }
        let mut named: BTreeMap<String, usize> = BTreeMap::new();
        for h in self.gazetteer.find(&article.text, lang) {
            let country = match (h.kind, h.country) {
                (EntityKind::Country, _) => h.name,
                (_, Some(c)) => c,
                _ => continue,
            };
            *named.entry(country).or_default() += 1;
        }
        used.into_iter()
            .filter_map(|(word, codes)| {
                let mut best: Option<(usize, &String)> = None;
                for (code, country) in codes {
                    let n = named.get(country).copied().unwrap_or(0);
                    if n > 0 && best.is_none_or(|(b, _)| n > b) {
                        best = Some((n, code));
                    }
                }
                best.map(|(_, code)| (word.clone(), code.clone()))
            })
            .collect()
    }

    /// Every mention in one article.
    pub fn article(&self, index: usize, article: &Article, sentences: &[Sentence]) -> Vec<Mention> {
        let (Some(lang), Some(grammar)) = (
            self.rules.langs.get(&article.language),
            self.grammars.get(&article.language),
        ) else {
            return Vec::new();
        };
        let anchor = self.anchor(article);
        let mut out = Vec::new();
        let mut memory = Memory {
            lead: sentences
                .iter()
                .filter(|s| !s.headline)
                .take(2)
                .flat_map(|s| {
                    let text = &article.text[s.start..s.end];
                    let found = grammar.scan(text, anchor);
                    // The period of the article's figures is a date told beside a figure
                    // ("profit rose to €3bn in 2023"), not one of a sentence with none ("who
                    // will govern from January").
                    let figure = found
                        .iter()
                        .any(|f| !matches!(f.value, Value::Date(_) | Value::Time(_)));
                    // "Since January" opens a running total: its time is the report's.
                    found
                        .into_iter()
                        .filter(move |f| figure && !values::running_since(text, lang, f, anchor))
                })
                .find_map(|f| match f.value {
                    // A period a year or so before publication ("profit for 2023" in a
                    // January 2024 report); "since the Beslan siege in 2004" is history.
                    Value::Date(d @ DateValue::Resolved(iv))
                        if matches!(
                            iv.granularity,
                            crate::time::Granularity::Year | crate::time::Granularity::Month
                        ) && anchor
                            .is_none_or(|a| (a.year - 1..=a.year).contains(&iv.start.year())) =>
                    {
                        Some(d)
                    }
                    _ => None,
                }),
            ..Memory::default()
        };
        let mut last_speaker: Option<String> = None;
        let mut people = People::default();
        people.currencies = self.shared_currencies(article, lang);
        people.days = anchor.and_then(|a| a.date()).into_iter().collect();
        // The opening: the first two sentences after the headline.
        let opening_starts: Vec<usize> = sentences
            .iter()
            .filter(|s| !s.headline)
            .take(2)
            .map(|s| s.start)
            .collect();
        let opening = sentences
            .iter()
            .filter(|s| opening_starts.contains(&s.start))
            .find_map(|s| days_in(&grammar.scan(&article.text[s.start..s.end], anchor)).next());
        people.days.extend(opening);
        people.named = names::capitalised_inside(
            sentences
                .iter()
                .filter(|s| !s.headline)
                .map(|s| &article.text[s.start..s.end]),
        );
        for s in sentences {
            if s.paragraph != memory.paragraph {
                memory = Memory {
                    paragraph: s.paragraph,
                    lead: memory.lead.take(),
                    last_day: memory.last_day,
                    time_day: memory.time_day,
                    statements: std::mem::take(&mut memory.statements),
                    country: memory.country.take(),
                    ..Memory::default()
                };
            }
            if s.headline {
                continue;
            }
            let full = &article.text[s.start..s.end];
            let mut text = full;
            // The sentence's context, or that of a part of it.
            let read =
                |part: std::ops::Range<usize>, speaker: Option<&str>, people: &mut People| {
                    self.context(&full[part], lang, grammar, anchor, speaker, people)
                };
            let mut ctx = read(0..full.len(), last_speaker.as_deref(), &mut people);
            // "Saree called it an Israeli ship, which the army denied": the clause before
            // the comma is read alone, and what it states the tail's speaker denies.
            let mut denier: Option<String> = None;
            if let Some((end, tail)) =
                denial::relative_denial(&ctx).or_else(|| denial::subordinate_denial(&ctx))
            {
                let speaker = read(tail..full.len(), None, &mut people).voice.speaker;
                if speaker.is_some() {
                    denier = speaker;
                    text = &full[..end];
                    ctx = read(0..end, last_speaker.as_deref(), &mut people);
                }
            }
            relative_days(&mut ctx, lang, memory.last_day);
            context::date_times(&mut ctx, memory.time_day, &people.days);
            // Only frames with a trigger in the sentence run their slot filling.
            let mut active: Vec<usize> = match self.triggers.get(&lang.code) {
                Some((set, owners)) => set.matches(text).map(|i| owners[i]).collect(),
                None => Vec::new(),
            };
            active.extend(ctx.word_triggers.iter().map(|(fi, _)| *fi));
            // A rejection that denies what was said triggers the fallback statements.
            if ctx.voice.speaker.is_some() && !ctx.rejections.is_empty() {
                active.extend(self.statement_frames.iter().copied());
            }
            active.sort();
            active.dedup();
            // Fallback frames last: statements only where no other frame made one.
            active.sort_by_key(|&fi| (self.rules.frames[fi].fallback, fi));
            let mut stated = false;
            // Whether a frame took a speaker's figure or date from this sentence.
            let mut framed = false;
            let first = out.len();
            // Values other frames took: a fallback quantity frame counts what is left.
            let mut taken: Vec<(usize, usize)> = Vec::new();
            // The values no frame took become catch-all mentions once every frame but the
            // fallback statements has run (a statement takes no value, and a speaker's
            // words are more than the figure in them: both are kept).
            let mut caught = false;
            for fi in active.into_iter().map(Some).chain([None]) {
                let statement_fallback = fi.is_none_or(|fi| {
                    let f = &self.rules.frames[fi];
                    f.fallback && f.kind == Kind::Statement
                });
                if statement_fallback && !caught {
                    caught = true;
                    for mut m in self.catch_all(&ctx, &memory, anchor, &taken, &out[first..]) {
                        place(&mut m, index, article, s);
                        out.push(m);
                    }
                }
                let Some(fi) = fi else { break };
                let frame = &self.rules.frames[fi];
                if frame.fallback && frame.kind == Kind::Statement && stated {
                    continue;
                }
                let mut claimed = Vec::new();
                let found = self.mention(fi, lang, &ctx, &memory, anchor, &mut claimed);
                // What this frame claimed keeps later frames off, not its own mentions.
                let before = taken.clone();
                taken.extend(claimed);
                for mut m in found {
                    if frame.fallback && m.value_span.is_some_and(|v| before.contains(&v)) {
                        continue;
                    }
                    taken.extend(m.value_span);
                    // A denial that only points back at the article's last statement by
                    // another speaker, or repeats its words or those of another recent
                    // statement (see `denial::denied`), denies that claim.
                    if frame.fallback
                        && m.kind == Kind::Statement
                        && m.polarity == Polarity::Denies
                        && m.negation.is_none()
                        && let Some(prev) = denial::denied(&ctx, &m, &memory.statements, s.line)
                    {
                        m.frame = prev.frame;
                        m.rule = prev.rule.clone();
                        m.key = prev.key.clone();
                        m.slots = prev.slots.clone();
                        m.summary = prev.summary.clone();
                    }
                    // A speaker's words are more than the figure or date a frame took from
                    // them ("Shah said Kerala had been warned on 23 July" is a claim Kerala's
                    // chief minister can deny): the fallback statement is kept beside it.
                    stated |= m.kind == Kind::Statement;
                    if m.kind == Kind::Statement {
                        m.beside = framed;
                    } else {
                        framed |= m.speaker.is_some();
                    }
                    place(&mut m, index, article, s);
                    if m.kind == Kind::Statement {
                        remember(&mut memory.statements, &m);
                    }
                    out.push(m);
                }
            }
            if let Some(denier) = &denier {
                // Every mention quotes the whole sentence its span covers.
                for m in &mut out[first..] {
                    m.text = full.to_string();
                }
                let mut denied: Vec<Mention> = Vec::new();
                for m in out[first..]
                    .iter_mut()
                    .filter(|m| m.kind == Kind::Statement)
                {
                    if m.polarity == Polarity::Asserts && m.speaker.as_ref() != Some(denier) {
                        let mut d = m.clone();
                        d.speaker = Some(denier.clone());
                        d.polarity = Polarity::Denies;
                        d.negation = None;
                        d.hedged = false;
                        denied.push(d);
                    }
                }
                if let Some(d) = denied.last() {
                    remember(&mut memory.statements, d);
                }
                out.extend(denied);
            }
            // Frames' values are told like catch-all ones, so that a catch-all value in
            // another article can join a frame's claim.
            for m in &mut out[first..] {
                if m.context.is_empty()
                    && m.kind != Kind::Statement
                    && let Some(span) = m.value_span
                {
                    catchall::describe(m, &ctx, span, self.rules);
                }
            }
            if let Some(d) = ctx.found.iter().rev().find_map(|f| match &f.value {
                Value::Date(d) => Some(d.clone()),
                _ => None,
            }) {
                memory.date = Some(d);
            }
            if let Some(day) = days_in(&ctx.found).next_back() {
                memory.last_day = Some(day);
            }
            // Of several such days in a sentence of the opening, the earliest: "disappeared
            // early on Saturday …, a search that had found nothing by nightfall on Sunday"
            // tells of Saturday's times. Further on the story is told in order, and the
            // last day named is the one it has reached ("Sehari kemudian, Rabu (17/4), …").
            let mut near =
                days_in(&ctx.found).filter(|&d| crate::normalize::near_day(d, &people.days));
            let day = if opening_starts.contains(&s.start) {
                near.min()
            } else {
                near.next_back()
            };
            if let Some(day) = day {
                memory.time_day = Some(day);
            }
            if !ctx.hits.is_empty() {
                memory.hits = ctx.hits.clone();
            }
            if let Some(country) = slots::last_country(&ctx.hits) {
                memory.country = Some(country);
            }
            if ctx.voice.speaker.is_some() {
                last_speaker = ctx.voice.speaker.clone();
            } else if let Some(person) = speaker::subject(text, &ctx.hits, lang) {
                // With no one speaking, the person the sentence is about is whom a pronoun
                // in the next sentences stands for ("Il avait reconnu …").
                last_speaker = Some(person);
            }
        }
        out
    }

    /// Mentions in a lone text (rule examples).
    pub fn text(&self, text: &str, language: &str, published: Option<PartialDate>) -> Vec<Mention> {
        let article = Article {
            file: "example".into(),
            text: text.into(),
            language: language.into(),
            outlet: None,
            published,
            url: None,
            upstream: None,
            furniture: Vec::new(),
            cited: Vec::new(),
        };
        let sentences = crate::segment::segment(&article, self.rules.langs.get(language));
        self.article(0, &article, &sentences)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    /// The mentions the default rules find in a lone text.
    pub(super) fn mentions(text: &str, lang: &str, published: &str) -> Vec<Mention> {
        let set = rules::load(&rules::default_sources()).unwrap();
        let ex = Extractor::new(&set);
        ex.text(text, lang, PartialDate::parse(published))
    }

    /// The mention whose value reads `value` among those of a lone text; a failed test
    /// shows them all.
    pub(super) fn mention_with(text: &str, lang: &str, published: &str, value: &str) -> Mention {
        let ms = mentions(text, lang, published);
        ms.iter()
            .find(|m| m.value_text() == value)
            .cloned()
            .unwrap_or_else(|| panic!("{text}: no {value} in {ms:?}"))
    }

    /// The statements among them, and all of them for the message of a failed assertion.
    fn statements(text: &str, lang: &str, published: &str) -> (Vec<Mention>, Vec<Mention>) {
        let ms = mentions(text, lang, published);
        let st = ms
            .iter()
            .filter(|m| m.kind == Kind::Statement)
            .cloned()
            .collect();
        (st, ms)
    }

    #[test]
    fn a_quotation_and_a_bare_verb_are_the_last_speakers() {
        // Spanish drops the pronoun: "«…», añadió." is the last speaker's words.
        let text = "Titular\n\nLa ministra Patricia Bullrich dijo que la huelga no tuvo apoyo.\n\n\
                    \"No vamos a negociar con nadie en estas condiciones\", añadió.\n";
        let (st, all) = statements(text, "es", "2024-01-25");
        assert!(
            st.iter()
                .any(|m| m.line == 5 && m.speaker.as_deref() == Some("Patricia Bullrich")),
            "{all:?}"
        );
    }

    #[test]
    fn a_subject_concept_is_a_statements_word_and_no_figures() {
        // "Sanctions" say what the statement is about; the figure of the same sentence is
        // told by no such word.
        let text = "Headline\n\nRi Yong Ho said the North had asked for the lifting of only \
                    five of the 11 nuclear sanctions.\n";
        let (st, all) = statements(text, "en", "2019-03-01");
        let content: Vec<&String> = st.iter().flat_map(|m| m.slots["content"].iter()).collect();
        assert!(content.iter().any(|w| *w == "@sanctions"), "{all:?}");
        let figure = all
            .iter()
            .find(|m| m.value_text() == "11")
            .expect("the figure 11");
        assert!(
            !figure.words.iter().any(|w| w == "@sanctions"),
            "{figure:?}"
        );
    }

    #[test]
    fn a_time_without_a_day_is_on_a_day_the_report_is_about() {
        // A day five years back in the time's own sentence ("the first since 29 May 2019")
        // is another event's, and so no day for the time across the sentence, nor for a
        // time of the next paragraph. A day of the same paragraph dates a time even when
        // it lies weeks back (a retrospective published a month later).
        let text = "Headline\n\nThe unions held a general strike on Wednesday, January 24, 2024.\n\n\
                    The strike began at 12:00 and was the first since May 29, 2019.\n\n\
                    The main rally started at 14:10 outside Congress.\n";
        for value in ["2024-01-24T12:00", "2024-01-24T14:10"] {
            mention_with(text, "en", "2024-01-25", value);
        }
        // The far day dates the time beside it, and that one only.
        let beside = "Headline\n\nThe unions held a general strike on Wednesday, January 24, 2024.\n\n\
                      The last one began on May 29, 2019 at 06:00; this one began at 12:00.\n";
        for value in ["2019-05-29T06:00", "2024-01-24T12:00"] {
            mention_with(beside, "en", "2024-01-25", value);
        }
        let late = "Headline\n\nThe inquiry into the attack opened on Monday, February 3, 2025.\n\n\
                    The attack took place on the evening of December 20, 2024. At about 19:04 \
                    a car drove into the market.\n";
        mention_with(late, "en", "2025-02-05", "2024-12-20T19:04");
    }

    #[test]
    fn the_leads_period_is_a_date_told_beside_a_figure() {
        // "… who will govern from January" names a month and no figure: it is not the
        // period of the article's figures. "… profit rose to 3.2 billion euros in 2023" is.
        let period = |text: &str, value: &str| {
            mentions(text, "en", "2019-10-21")
                .into_iter()
                .find(|m| m.value_text() == value)
                .and_then(|m| m.period)
                .map(|p| p.canonical())
        };
        let none = period(
            "Nobody in the country knows who will govern it from January.\n\nSome 7.3 million people were registered to vote.",
            "7300000",
        );
        assert_ne!(none.as_deref(), Some("2019-01"), "{none:?}");
        let lead = period(
            "The group's profit rose to 3.2 billion euros in 2018, it said.\n\nSome 7,300 people work for it.",
            "7300",
        );
        assert_eq!(lead.as_deref(), Some("2018"));
    }

    #[test]
    fn a_year_past_a_comparison_is_the_other_figures() {
        let period = |text: &str, value: &str| {
            mentions(text, "de", "2024-03-26")
                .into_iter()
                .find(|m| m.value_text() == value)
                .map(|m| m.period.map(|p| p.canonical()))
        };
        // 2019 is the 66 percent's year: the 61.3 percent holds for this election.
        let now = period(
            "Die Wahlbeteiligung lag bei 61,3 Prozent und damit unter dem Wert von 2019, als rund 66 Prozent abstimmten.",
            "61.3%",
        );
        assert!(now.is_some(), "a mention");
        assert_ne!(now.flatten().as_deref(), Some("2019"));
        // A year told before the figure is its own.
        let then = period(
            "Im Jahr 2019 lag die Wahlbeteiligung bei 61,3 Prozent, wie die Kommission mitteilte.",
            "61.3%",
        );
        assert_eq!(then.flatten().as_deref(), Some("2019"));
    }

    #[test]
    fn the_day_before_an_event_dates_nothing() {
        let dates = |text: &str, lang: &str| -> Vec<String> {
            mentions(text, lang, "2025-05-24")
                .into_iter()
                .filter_map(|m| match m.value {
                    Some(Value::Date(d)) => Some(d.canonical()),
                    _ => None,
                })
                .collect()
        };
        // "La veille, …" is the day before the last day named.
        assert!(
            dates(
                "L'attaque a eu lieu le 23 mai. La veille, la suspecte avait quitté une clinique.",
                "fr"
            )
            .contains(&"2025-05-22".to_string())
        );
        // "La veille de l'attaque" is the day before the attack: no date of its own.
        assert!(
            !dates(
                "L'attaque a eu lieu le 23 mai. La veille de l'attaque, la suspecte avait quitté une clinique.",
                "fr"
            )
            .contains(&"2025-05-22".to_string())
        );
        assert!(
            !dates(
                "Der Anschlag war am 23. Mai. Am Vortag des Anschlags hatte sie eine Klinik verlassen.",
                "de"
            )
            .contains(&"2025-05-22".to_string())
        );
    }

    #[test]
    fn the_country_is_the_country_last_named() {
        let place = |text: &str, lang: &str| {
            mentions(text, lang, "2023-03-16")
                .into_iter()
                .find(|m| m.rule == "casualties")
                .map(|m| m.slots.get("place").cloned().unwrap_or_default())
        };
        // One paragraph later, "le pays" is still Malawi.
        assert_eq!(
            place(
                "Le cyclone a frappé le Malawi lundi.\n\nAu moins 326 personnes ont perdu la vie dans le pays.",
                "fr"
            ),
            Some(vec!["Malawi".to_string()])
        );
        assert_eq!(
            place(
                "Der Zyklon traf Malawi am Montag. Mindestens 326 Menschen kamen im Land ums Leben.",
                "de"
            ),
            Some(vec!["Malawi".to_string()])
        );
        // Without the words, a toll takes no place from the sentence before.
        assert_eq!(
            place(
                "Le cyclone a frappé le Malawi lundi. Au moins 326 personnes ont perdu la vie.",
                "fr"
            ),
            Some(vec![])
        );
        // A place of its own wins.
        assert_eq!(
            place(
                "Le cyclone a frappé le Malawi lundi. Au Mozambique, 53 personnes sont mortes, selon le pays.",
                "fr"
            ),
            Some(vec!["Mozambique".to_string()])
        );
    }

    #[test]
    fn a_quotation_before_the_verb_is_what_was_said() {
        for (text, lang, said) in [
            (
                "“Kami melihat tanda-tanda bahwa wabah ini mulai dapat dikendalikan,” kata Chiponda dalam keterangan tertulisnya.",
                "id",
                "wabah",
            ),
            (
                "« Nous voyons que l'épidémie recule enfin », a déclaré la ministre dans un communiqué écrit.",
                "fr",
                "épidém",
            ),
        ] {
            let (st, ms) = statements(text, lang, "2023-01-06");
            let content = st
                .first()
                .and_then(|m| m.slots.get("content"))
                .unwrap_or_else(|| panic!("{text}: {ms:?}"));
            // The quotation's words, not those of the written statement it came in.
            assert!(content.iter().any(|w| w == said), "{text}: {content:?}");
            assert!(
                !content
                    .iter()
                    .any(|w| w.starts_with("tulis") || w.starts_with("écrit")),
                "{text}: {content:?}"
            );
        }
        // A quoted term inside a phrase is no quotation: Hofer said what follows.
        let (st, ms) = statements(
            "Critics called it “a reckless gamble with lives” and Jan Hofer said the plan would save jobs across the region.",
            "en",
            "2023-01-06",
        );
        let content = st
            .first()
            .and_then(|m| m.slots.get("content"))
            .unwrap_or_else(|| panic!("{ms:?}"));
        assert!(content.iter().any(|w| w.starts_with("job")), "{content:?}");
        assert!(
            !content.iter().any(|w| w.starts_with("gambl")),
            "{content:?}"
        );
    }

    #[test]
    fn a_short_denial_denies_the_statement_before_it() {
        let (st, ms) = statements(
            "Oppositionschef Karl Berger warf der Regierung vor, sie habe die Zahlen geschönt. Finanzminister Jan Hofer wies den Vorwurf zurück.",
            "de",
            "2024-05-02",
        );
        assert_eq!(st.len(), 2, "{ms:?}");
        assert_eq!(st[0].key, st[1].key, "one claim");
        assert_eq!(st[1].polarity, Polarity::Denies);
        assert_eq!(st[1].speaker.as_deref(), Some("Jan Hofer"));
    }

    #[test]
    fn a_denial_that_repeats_the_claim_denies_the_statement_before_it() {
        let (st, ms) = statements(
            "Union leader Maria Costa said the depot had been closed without notice. Paul Reid denied that the depot had been closed without notice.",
            "en",
            "2024-05-02",
        );
        assert_eq!(st.len(), 2, "{ms:?}");
        assert_eq!(st[0].key, st[1].key, "one claim");
        assert_eq!(st[0].summary, st[1].summary, "one claim");
        assert_eq!(st[1].polarity, Polarity::Denies);
        assert_eq!(st[1].speaker.as_deref(), Some("Paul Reid"));
    }

    #[test]
    fn a_denial_answers_an_earlier_statement_whose_words_it_repeats() {
        // The mayor's claim, then his own remark on something else, then the residents'
        // denial: it denies the claim about the sirens, not the remark about the shelters.
        let (st, ms) = statements(
            "Mayor Tom Adler said the sirens had sounded an hour before the flood. He said the shelters were open all night. Residents denied that any sirens had sounded.",
            "en",
            "2024-05-02",
        );
        assert_eq!(st.len(), 3, "{ms:?}");
        assert_eq!(st[2].polarity, Polarity::Denies);
        assert_eq!(
            st[0].slots, st[2].slots,
            "the denial takes the sirens claim"
        );
        assert_ne!(st[1].slots, st[2].slots, "not the shelters remark");
        // A short denial that repeats one word of the claim ("peringatan").
        let (st, ms) = statements(
            "Kepala badan vulkanologi, Rina Wati, mengatakan peringatan sudah dikirim ke desa-desa sejak Senin. Warga desa membantah pernah mendapat peringatan.",
            "id",
            "2024-05-02",
        );
        assert_eq!(st.len(), 2, "{ms:?}");
        assert_eq!(st[1].polarity, Polarity::Denies);
        assert_eq!(
            st[0].slots, st[1].slots,
            "the denial takes the warning claim"
        );
        // A denial that says more of its own keeps its words: "tear gas was the cause of the
        // deaths" is not "officers fired tear gas into the stands".
        let (st, ms) = statements(
            "Witness Rudi Hartono said officers fired tear gas straight into the south stands. Spokesman Dedi Prasetyo denied that tear gas was the cause of the deaths.",
            "en",
            "2022-10-03",
        );
        assert_eq!(st.len(), 2, "{ms:?}");
        assert_ne!(st[0].slots, st[1].slots, "the denial keeps its own claim");
    }

    /// A verb that turns something down denies when it turns down something said (a word
    /// that points at it, before or after, or a clause), and is no denial when it turns down
    /// a thing ("rejected the offer").
    #[test]
    fn turning_down_what_was_said_is_a_denial_turning_down_a_thing_is_not() {
        let polarity = |text: &str, lang: &str| {
            mentions(text, lang, "2024-05-02")
                .into_iter()
                .find(|m| m.kind == Kind::Statement)
                .map(|m| m.polarity)
        };
        for (text, lang) in [
            (
                "Chief executive Anna Berg dismissed the idea that the firm would sell its plants.",
                "en",
            ),
            (
                "Mayor Tom Hale rejected the notion that he bore any responsibility.",
                "en",
            ),
            (
                "Innenministerin Nancy Faeser lehnte die Vorwürfe am Dienstag ab.",
                "de",
            ),
            ("Gubernur Budi Santoso menolak tudingan itu.", "id"),
            (
                "El alcalde Pablo Soto rechazó que la obra tuviera fallos.",
                "es",
            ),
        ] {
            assert_eq!(polarity(text, lang), Some(Polarity::Denies), "{text}");
        }
        for (text, lang) in [
            (
                "Union leader Maria Costa rejected the offer and said talks would go on.",
                "en",
            ),
            (
                "The report rejected calls for a new inquiry, chief executive Anna Berg said.",
                "en",
            ),
            (
                "Chief executive Anna Berg rejected that plan on Tuesday.",
                "en",
            ),
        ] {
            assert_eq!(polarity(text, lang), Some(Polarity::Asserts), "{text}");
        }
    }

    /// A speaker's words are a claim of their own beside the date or figure a frame takes
    /// from them: another speaker can deny them.
    #[test]
    fn a_statement_is_kept_beside_the_date_a_frame_takes_from_it() {
        let ms = mentions(
            "Interior minister Amit Rao said on Wednesday that the government had warned the state on 23 July.",
            "en",
            "2024-08-01",
        );
        assert!(ms.iter().any(|m| m.kind == Kind::Statement), "{ms:?}");
        assert!(ms.iter().any(|m| m.kind != Kind::Statement), "{ms:?}");
    }

    /// A short denial with an object of its own denies that, not the statement before it.
    #[test]
    fn a_short_denial_of_something_else_keeps_its_own_claim() {
        let (st, ms) = statements(
            "Inspector Ana Ruiz said the warehouse had been listed as a stable. The owner's lawyer denied any wrongdoing.",
            "en",
            "2024-05-02",
        );
        assert_eq!(st.len(), 2, "{ms:?}");
        assert_ne!(st[0].summary, st[1].summary, "two claims: {st:?}");
        assert_eq!(st[1].polarity, Polarity::Denies);
    }

    /// A denial whose object is a word that points back denies the statement before it,
    /// whatever its sentence says after a conjunction or a comma.
    #[test]
    fn a_denial_of_the_accusation_denies_it_whatever_follows() {
        for (text, lang) in [
            (
                "El director de la empresa, Luis Vega, acusó al sindicato de bloquear las negociaciones salariales. El líder sindical Pablo Soto rechazó la acusación y aseguró que seguirá negociando hasta lograr un acuerdo justo para la plantilla.",
                "es",
            ),
            (
                "Oppositionschef Karl Berger sagte, die Regierung habe die Zahlen zum Haushalt geschönt. Finanzminister Jan Hofer wies diese Darstellung am Freitag zurück.",
                "de",
            ),
            (
                "Green party leader Maria Costa said the factory had dumped waste into the river for years. The plant's director, Tom Hale, rejected the accusation, saying the company followed every permit it holds.",
                "en",
            ),
            // A demonstrative before the pointing word ("esa versión") is no content word.
            (
                "La alcaldesa Rosa Lemos afirmó que la constructora había ignorado tres informes técnicos. El gerente Iván Torres negó esa versión en una entrevista con la radio: la empresa, aseguró, cumplió cada norma.",
                "es",
            ),
        ] {
            let (st, _) = statements(text, lang, "2024-05-03");
            assert_eq!(st.len(), 2, "{text}: {st:?}");
            assert_eq!(st[0].key, st[1].key, "one claim: {text}");
            assert_eq!(st[0].summary, st[1].summary, "one claim: {text}");
            assert_eq!(st[1].polarity, Polarity::Denies, "{text}");
        }
    }

    /// A pointing word that opens a clause of its own ("claims that …", "сообщения о том,
    /// что …", "die Behauptung, dass …") denies that clause, not the statement before it.
    #[test]
    fn a_denial_of_claims_that_say_something_else_keeps_its_own_claim() {
        for (text, lang) in [
            (
                "Police said nobody had been detained so far. Minister Ana Ruiz rejected claims from opposition lawmakers that the fire service budget had been cut.",
                "en",
            ),
            (
                "Юрист компании Анна Петрова заявила, что решение суда ошибочно. Представители компании опровергли сообщения о том, что она уходит с рынка.",
                "ru",
            ),
            (
                "Der Betriebsrat sagte, die Löhne seien seit Jahren nicht gestiegen. Konzernchef Jan Hofer wies die Behauptung, dass das Werk schließe, zurück.",
                "de",
            ),
            (
                "Union leader Maria Costa said the factory had dumped waste into the river. Mayor Tom Hale denied that taxes had risen, saying the budget was balanced.",
                "en",
            ),
            (
                "Union leader Maria Costa said the launch had been delayed. Mayor Tom Hale denied it was rushed.",
                "en",
            ),
        ] {
            let (st, _) = statements(text, lang, "2024-05-03");
            assert_eq!(st.len(), 2, "{text}: {st:?}");
            assert_ne!(st[0].summary, st[1].summary, "two claims: {text}");
            assert_eq!(st[1].polarity, Polarity::Denies, "{text}");
        }
    }

    /// A denial in a relative clause on a noun of its own sentence denies that noun ("a
    /// crosswind, which the fire chief had denied"), not the statement before it, however
    /// few words follow the denial cue.
    #[test]
    fn a_denial_in_a_relative_clause_keeps_its_own_claim() {
        for (text, lang) in [
            (
                "Laut Bericht setzte die Maschine um 14.12 Uhr auf der Landebahn auf, sagte der Ermittler Jan Holm. Der Wind wehte schräg über die Piste – eine Seitenwindkomponente, die Feuerwehrchef Tom Berg am Unfalltag noch bestritten hatte.",
                "de",
            ),
            (
                "Investigator Jan Holm said the jet touched down at 2.12 p.m. on the main runway. The wind blew across the runway, a crosswind that fire chief Tom Berg had denied on the day.",
                "en",
            ),
            (
                "Следователь Иван Орлов сообщил, что самолёт сел в 14:12 на основную полосу. Ветер дул поперёк полосы — боковой ветер, который начальник пожарной службы Олег Белов в тот день отрицал.",
                "ru",
            ),
        ] {
            let (st, _) = statements(text, lang, "2025-03-20");
            let denial = st.iter().find(|m| m.polarity == Polarity::Denies);
            let denial = denial.unwrap_or_else(|| panic!("no denial: {text}: {st:?}"));
            assert!(
                st.iter()
                    .filter(|m| m.polarity == Polarity::Asserts)
                    .all(|m| m.summary != denial.summary),
                "two claims: {text}: {st:?}"
            );
        }
    }

    /// Words that point back ("kesimpulan itu", "claims of a shortage" after "ran short")
    /// make a short denial deny the statement before it.
    #[test]
    fn a_short_denial_that_points_back_denies_the_statement_before_it() {
        for (text, lang) in [
            (
                "Pengacara keluarga, Budi Santoso, menilai asap pabrik menjadi penyebab utama sakitnya warga. Dinas Kesehatan menepis kesimpulan itu.",
                "id",
            ),
            (
                "Nurses at the Central Clinic said supplies of insulin had run short for weeks. Health Minister Tom Hale rejected claims of a shortage.",
                "en",
            ),
        ] {
            let (st, ms) = statements(text, lang, "2024-05-02");
            assert_eq!(st.len(), 2, "{ms:?}");
            assert_eq!(st[0].summary, st[1].summary, "one claim: {text}");
            assert_eq!(st[1].polarity, Polarity::Denies, "{text}");
        }
    }
}
