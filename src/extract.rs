//! Extract: run the claim frames over each sentence and turn what they find into
//! [`Mention`]s: trigger, slots (entities, topics), value (normalized), time, speaker and
//! polarity.
//!
//! Input: articles, their sentences and the rules. Output: mentions in file and position
//! order. All rules are compiled once in [`Extractor::new`].

use crate::entities::{Gazetteer, Hit, TopicFinder, TopicHit};
use crate::ingest::Article;
use crate::normalize::{DateValue, Found, Grammar, Value, norm_space};
use crate::rules::{EntityKind, Kind, Lang, RuleSet, Side, Slot, SlotType, TimeScope, ValueKind};
use crate::segment::Sentence;
use crate::time::PartialDate;
use chrono::Datelike;
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
    pub hedged: bool,
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
    /// Slot name -> canonical names.
    pub slots: BTreeMap<String, Vec<String>>,
    /// The frame's key slots, slugged, in key order.
    pub key: Vec<String>,
    pub summary: String,
    /// Content words of the whole sentence, stemmed (for weighting statement words).
    pub words: Vec<String>,
}

impl Mention {
    /// The value as the report prints it.
    pub fn value_text(&self) -> String {
        match (&self.value, self.kind) {
            (_, Kind::Statement) => self.polarity.as_str().to_string(),
            (Some(v), _) => v.canonical(),
            (None, _) => "undated".to_string(),
        }
    }
}

/// Lowercase ASCII slug for ids and keys: transliterated first (any_ascii), so that
/// "Путин" and "Putin" are one key; letters and digits kept, the rest '-'.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let ascii = any_ascii::any_ascii(s);
    for c in ascii.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Who speaks in a sentence and whether they deny.
#[derive(Debug, Default, Clone)]
struct Voice {
    speaker: Option<String>,
    /// Byte offset from which the speaker's words run (their cue), and to which.
    scope: (usize, usize),
    denial_at: Option<usize>,
    hedged: bool,
    /// Every attribution cue of the sentence (speech verbs, "according to", denials).
    cues: Vec<(usize, usize)>,
}

/// Everything the frames look at in one sentence.
struct Context<'a> {
    text: &'a str,
    /// The sentence's words, lowercased and stemmed.
    tokens: Vec<crate::words::Token>,
    /// Language-neutral words of the sentence: concepts ("@die") and names ("#ecuador"),
    /// each with where it starts.
    shared: Vec<(usize, String)>,
    /// Word-pattern triggers found in the sentence: (frame index, byte range).
    word_triggers: Vec<(usize, (usize, usize))>,
    lang: &'a str,
    pack: &'a Lang,
    /// The sentence's content words, stemmed (computed once for all its mentions).
    words: Vec<String>,
    complementizers: &'a [String],
    found: Vec<Found>,
    hits: Vec<Hit>,
    topics: Vec<TopicHit>,
    voice: Voice,
}

/// A trigger match, every match of its frame in the sentence, and (for a second amount)
/// the value to take instead of the nearest.
struct Trig<'a> {
    caps: &'a TrigMatch,
    spans: &'a [(usize, usize)],
    pick: Option<(usize, usize)>,
}

/// Where a frame's trigger matched, and the named groups of a regex trigger (a word
/// pattern has none).
struct TrigMatch {
    span: (usize, usize),
    groups: Vec<(String, (usize, usize))>,
}

impl TrigMatch {
    fn of_regex(re: &regex::Regex, c: &regex::Captures) -> TrigMatch {
        let m = c.get(0).expect("group 0");
        TrigMatch {
            span: (m.start(), m.end()),
            groups: re
                .capture_names()
                .flatten()
                .filter_map(|n| c.name(n).map(|g| (n.to_string(), (g.start(), g.end()))))
                .collect(),
        }
    }

    fn group(&self, name: &str) -> Option<(usize, usize)> {
        self.groups.iter().find(|(n, _)| n == name).map(|(_, g)| *g)
    }
}

/// The people an article has named so far: full names (for surnames) and the title each
/// came with (for "die Kanzlerin", "the president").
#[derive(Default)]
struct People {
    names: Vec<String>,
    /// (lowercase title, name, kind), in the order met.
    titled: Vec<(String, String, EntityKind)>,
}

/// Record the title before each person's name ("Kanzlerin Angela Merkel", "President Joe
/// Biden"), then read a bare title with no name after it ("Die Kanzlerin hatte sich…", "the
/// president said") as the person it last came with.
fn titled_people(
    text: &str,
    lang: &Lang,
    hits: &mut Vec<Hit>,
    titled: &mut Vec<(String, String, EntityKind)>,
) {
    use crate::entities::is_title;
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    for h in hits.iter() {
        let person = h.kind == EntityKind::Person
            || (h.kind == EntityKind::Unknown && h.name.split_whitespace().count() >= 2);
        if !person {
            continue;
        }
        if let Some(t) = text[..h.start]
            .split_whitespace()
            .rev()
            .take(3)
            .map(bare)
            .find(|w| is_title(w, &lang.titles, lang.title_compounds))
        {
            titled.push((t.to_lowercase(), h.name.clone(), h.kind));
        }
    }
    let mut pos = 0;
    let mut extra = Vec::new();
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| {
            let at = pos + text[pos..].find(w).unwrap_or(0);
            pos = at + w.len();
            (at, w)
        })
        .collect();
    for (i, &(at, w)) in words.iter().enumerate() {
        let word = bare(w);
        if word.is_empty() || !is_title(&word, &lang.titles, lang.title_compounds) {
            continue;
        }
        let start = at + w.find(word.as_str()).unwrap_or(0);
        let end = start + word.len();
        let covered = hits.iter().any(|h| h.start < end && start < h.end);
        // "Kanzlerin Angela Merkel": a name follows, so the title is no reference.
        let named_next = words
            .get(i + 1)
            .is_some_and(|(_, n)| n.chars().next().is_some_and(char::is_uppercase))
            && hits.iter().any(|h| h.start >= end && h.start <= end + 2);
        if covered || named_next {
            continue;
        }
        if let Some((_, name, kind)) = titled
            .iter()
            .rev()
            .find(|(t, _, _)| *t == word.to_lowercase())
        {
            extra.push(Hit {
                start,
                end,
                name: name.clone(),
                kind: *kind,
                form: crate::entities::Form::Name,
                country: None,
            });
        }
    }
    hits.extend(extra);
    hits.sort_by_key(|h| h.start);
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
    /// The paragraph's last statement, for a denial that only points back at it ("Lewentz
    /// wies den Vorwurf zurück", "Y denied it").
    statement: Option<Mention>,
    date: Option<DateValue>,
    hits: Vec<Hit>,
}

pub struct Extractor<'r> {
    rules: &'r RuleSet,
    grammars: BTreeMap<String, Grammar>,
    gazetteer: Gazetteer,
    topics: TopicFinder,
    /// Per language: every trigger of every frame in one set, and the frame of each.
    triggers: BTreeMap<String, (regex::RegexSet, Vec<usize>)>,
    /// Per language: every frame's word patterns in one index, and the frame of each.
    word_triggers: BTreeMap<String, (crate::words::WordIndex, Vec<usize>)>,
    /// Per language: every concept's word patterns in one index, and the concept of each.
    concepts: BTreeMap<String, (crate::words::WordIndex, Vec<String>)>,
}

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
            topics: TopicFinder::new(rules, languages),
            concepts: rules
                .langs
                .keys()
                .filter(|code| wanted(code))
                .map(|code| {
                    let mut owners = Vec::new();
                    let mut patterns = Vec::new();
                    for c in rules.concepts.values() {
                        for w in c.words.get(code).into_iter().flatten() {
                            owners.push(c.id.clone());
                            patterns.push(w.clone());
                        }
                    }
                    (
                        code.clone(),
                        (crate::words::WordIndex::new(patterns), owners),
                    )
                })
                .collect(),
            word_triggers: rules
                .langs
                .keys()
                .filter(|code| wanted(code))
                .map(|code| {
                    let mut owners = Vec::new();
                    let mut patterns = Vec::new();
                    for (fi, f) in rules.frames.iter().enumerate() {
                        for w in f.words.get(code).into_iter().flatten() {
                            owners.push(fi);
                            patterns.push(w.clone());
                        }
                    }
                    (
                        code.clone(),
                        (crate::words::WordIndex::new(patterns), owners),
                    )
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
                    let set = regex::RegexSetBuilder::new(&patterns)
                        .case_insensitive(true)
                        .size_limit(256 << 20)
                        .build()
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
            for f in grammar.scan(line, None) {
                if let Value::Date(DateValue::Resolved(iv)) = &f.value
                    && iv.granularity == crate::time::Granularity::Day
                    && (line.chars().count() <= 100 || line[..f.start].chars().count() <= 40)
                {
                    return Some(PartialDate {
                        year: iv.start.year(),
                        month: Some(iv.start.month()),
                        day: Some(iv.start.day()),
                    });
                }
            }
        }
        None
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
                .flat_map(|s| grammar.scan(&article.text[s.start..s.end], anchor))
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
        for s in sentences {
            if s.paragraph != memory.paragraph {
                memory = Memory {
                    paragraph: s.paragraph,
                    lead: memory.lead.take(),
                    last_day: memory.last_day,
                    statement: memory.statement.take(),
                    ..Memory::default()
                };
            }
            if s.headline {
                continue;
            }
            let text = &article.text[s.start..s.end];
            let mut ctx = self.context(
                text,
                lang,
                grammar,
                anchor,
                last_speaker.as_deref(),
                &mut people,
            );
            relative_days(&mut ctx, lang, memory.last_day);
            // Only frames with a trigger in the sentence run their slot filling.
            let mut active: Vec<usize> = match self.triggers.get(&lang.code) {
                Some((set, owners)) => set.matches(text).iter().map(|i| owners[i]).collect(),
                None => Vec::new(),
            };
            active.extend(ctx.word_triggers.iter().map(|(fi, _)| *fi));
            active.sort();
            active.dedup();
            // Fallback frames last: statements only where no other frame took a speaker.
            active.sort_by_key(|&fi| (self.rules.frames[fi].fallback, fi));
            let mut stated = false;
            // Values other frames took: a fallback quantity frame counts what is left.
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for fi in active {
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
                    // A short denial points back at the paragraph's last statement by
                    // another speaker: it denies that claim.
                    if frame.fallback
                        && m.kind == Kind::Statement
                        && m.polarity == Polarity::Denies
                        && content_words(&text[m.trigger_span.1..], lang).len() <= 2
                        && let Some(prev) = &memory.statement
                        && prev.speaker != m.speaker
                    {
                        m.frame = prev.frame;
                        m.rule = prev.rule.clone();
                        m.key = prev.key.clone();
                        m.slots = prev.slots.clone();
                        m.summary = prev.summary.clone();
                    }
                    // A fallback statement adds nothing where a frame already carries the
                    // speaker's words ("trade came to $14.8 billion, according to customs").
                    stated |= m.kind == Kind::Statement || m.speaker.is_some();
                    m.article = index;
                    m.file = article.file.clone();
                    m.line = s.line;
                    m.column = s.column;
                    m.start = s.start;
                    m.end = s.end;
                    if m.kind == Kind::Statement {
                        memory.statement = Some(m.clone());
                    }
                    out.push(m);
                }
            }
            if let Some(d) = ctx.found.iter().rev().find_map(|f| match &f.value {
                Value::Date(d) => Some(d.clone()),
                _ => None,
            }) {
                memory.date = Some(d);
            }
            if let Some(day) = ctx.found.iter().rev().find_map(|f| match &f.value {
                Value::Date(DateValue::Resolved(iv))
                    if iv.granularity == crate::time::Granularity::Day =>
                {
                    Some(iv.start)
                }
                _ => None,
            }) {
                memory.last_day = Some(day);
            }
            if !ctx.hits.is_empty() {
                memory.hits = ctx.hits.clone();
            }
            if ctx.voice.speaker.is_some() {
                last_speaker = ctx.voice.speaker.clone();
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

    fn context<'t>(
        &self,
        text: &'t str,
        lang: &'t Lang,
        grammar: &Grammar,
        anchor: Option<PartialDate>,
        last_speaker: Option<&str>,
        people: &mut People,
    ) -> Context<'t> {
        let names = &mut people.names;
        let mut found = grammar.scan(text, anchor);
        // A dateline ("MÜNCHEN, 4. Juni 2023 - …") dates the article, not the events after
        // it: its dates fill no slot.
        let mut head_end = text.len().min(80);
        while !text.is_char_boundary(head_end) {
            head_end -= 1;
        }
        let head = &text[..head_end];
        if let Some(cut) = [" - ", " – ", " — "]
            .iter()
            .filter_map(|s| head.find(s))
            .min()
        {
            found.retain(|f| !(f.end <= cut && matches!(f.value, Value::Date(_))));
        }
        let mut hits = self.gazetteer.find(text, lang);
        // A later surname refers back to the full name met earlier in the article.
        for h in &mut hits {
            if h.kind != EntityKind::Unknown {
                continue;
            }
            if h.name.split_whitespace().count() >= 2 {
                if !names.contains(&h.name) {
                    names.push(h.name.clone());
                }
            } else if let Some(full) = names
                .iter()
                .rev()
                .find(|n| n.split_whitespace().any(|w| w == h.name))
            {
                // "Jalali" or "Mahfud": the surname, or the given name many Indonesian
                // reports use.
                h.name = full.clone();
            }
        }
        // A sentence that opens with one known name ("Nico menepis …"): a lone capitalised
        // word there is no name unless the article named that person in full before.
        if let Some(first) = text.split_whitespace().next() {
            let word = first.trim_end_matches([',', ':']);
            let taken = hits.iter().any(|h| h.start == 0);
            if !taken
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().all(char::is_alphabetic)
                && let Some(full) = names.iter().rev().find(|n| {
                    n.split_whitespace().count() >= 2 && n.split_whitespace().any(|w| w == word)
                })
            {
                hits.insert(
                    0,
                    Hit {
                        start: 0,
                        end: word.len(),
                        name: full.clone(),
                        kind: EntityKind::Unknown,
                        form: crate::entities::Form::Name,
                        country: None,
                    },
                );
            }
        }
        // Capitalised words of a date ("im Juli", "Senin") are no names.
        hits.retain(|h| {
            h.kind != EntityKind::Unknown
                || !found.iter().any(|f| {
                    matches!(f.value, Value::Date(_)) && f.start < h.end && h.start < f.end
                })
        });
        titled_people(text, lang, &mut hits, &mut people.titled);
        // A name no list knows, right after a preposition of place, is a place.
        for h in &mut hits {
            if h.kind != EntityKind::Unknown {
                continue;
            }
            // "im Landkreis Ahrweiler": an administrative title may stand between.
            let before: Vec<String> = text[..h.start]
                .split_whitespace()
                .rev()
                .take(2)
                .map(str::to_lowercase)
                .collect();
            let locative = match before.as_slice() {
                [w, ..] if lang.locatives.contains(w) => true,
                [title, w] => {
                    lang.locatives.contains(w)
                        && crate::entities::is_title(
                            title,
                            &lang.place_titles,
                            lang.title_compounds,
                        )
                }
                _ => false,
            };
            if locative {
                h.kind = EntityKind::City;
            }
        }
        let tokens = lang.tokens(text);
        let word_triggers = match self.word_triggers.get(&lang.code) {
            Some((index, owners)) => index
                .find(&tokens)
                .into_iter()
                .map(|m| (owners[m.pattern], (m.start, m.end)))
                .collect(),
            None => Vec::new(),
        };
        let topics = self.topics.find(text, &tokens, &lang.code);
        // Concepts and names are the words statements in different languages share.
        let mut shared: Vec<(usize, String)> = match self.concepts.get(&lang.code) {
            Some((index, owners)) => index
                .find(&tokens)
                .into_iter()
                .map(|m| (m.start, format!("@{}", owners[m.pattern])))
                .collect(),
            None => Vec::new(),
        };
        shared.extend(
            hits.iter()
                .filter(|h| h.kind != EntityKind::Unknown || h.name.contains(' '))
                .map(|h| (h.start, format!("#{}", slug(&h.name)))),
        );
        let dates: Vec<(usize, usize)> = found
            .iter()
            .filter(|f| matches!(f.value, Value::Date(_)))
            .map(|f| (f.start, f.end))
            .collect();
        let voice = voice(text, lang, &hits, &dates, last_speaker);
        let mut words = content_words(text, lang);
        words.extend(shared.iter().map(|(_, w)| w.clone()));
        words.sort();
        words.dedup();
        Context {
            text,
            shared,
            tokens,
            word_triggers,
            lang: &lang.code,
            pack: lang,
            words,
            complementizers: &lang.attribution.complementizers,
            found,
            hits,
            topics,
            voice,
        }
    }

    /// The frame's mentions in one sentence. The values of matches dropped as repeats of a
    /// key are added to `claimed`.
    fn mention(
        &self,
        fi: usize,
        lang: &Lang,
        ctx: &Context,
        memory: &Memory,
        anchor: Option<PartialDate>,
        claimed: &mut Vec<(usize, usize)>,
    ) -> Vec<Mention> {
        let frame = &self.rules.frames[fi];
        let no_regex = Vec::new();
        let triggers = frame.triggers.get(&lang.code).unwrap_or(&no_regex);
        let excluded: Vec<(usize, usize)> = frame
            .exclude
            .get(&lang.code)
            .into_iter()
            .flatten()
            .flat_map(|re| re.find_iter(ctx.text).map(|m| (m.start(), m.end())))
            .collect();
        let mut matches: Vec<TrigMatch> = triggers
            .iter()
            .flat_map(|re| {
                re.captures_iter(ctx.text)
                    .map(|c| TrigMatch::of_regex(re, &c))
            })
            .chain(
                ctx.word_triggers
                    .iter()
                    .filter(|(f, _)| *f == fi)
                    .map(|&(_, span)| TrigMatch {
                        span,
                        groups: Vec::new(),
                    }),
            )
            .filter(|m| {
                let (ms, me) = m.span;
                !excluded.iter().any(|&(s, e)| ms < e && s < me)
            })
            .collect();
        // A regex and a word pattern that find the same words are one trigger.
        matches.sort_by_key(|m| (m.span.0, std::cmp::Reverse(m.groups.len())));
        matches.dedup_by(|b, a| a.span.0 < b.span.1 && b.span.0 < a.span.1 && b.groups.is_empty());
        let spans: Vec<(usize, usize)> = matches.iter().map(|m| m.span).collect();
        // One mention per distinct key: "40 killed and 100 injured" is two claims, "visit …
        // trip" to one place is one.
        // Each mention with the trigger match it was built on.
        let mut out: Vec<(Mention, usize)> = Vec::new();
        for (ci, caps) in matches.iter().enumerate() {
            let t = Trig {
                caps,
                spans: &spans,
                pick: None,
            };
            let Some(m) = self.build(fi, ctx, memory, anchor, &t) else {
                continue;
            };
            if out.iter().any(|(o, _)| o.key == m.key) {
                // "12 were killed and 5 died": the 5 is this frame's too, not a count of
                // something else for a fallback frame.
                claimed.extend(m.value_span);
            } else {
                out.push((m, ci));
            }
        }
        // A second amount: with its own period after a comparison ("Rp 48.6 trillion, up
        // from Rp 40.7 trillion in 2022"), or with slots of its own ("Rs 2 lakh for the dead
        // and Rs 50,000 for each of the injured").
        if frame.kind == Kind::Quantity {
            let mut more: Vec<Mention> = Vec::new();
            for (m, ci) in &out {
                let caps = &matches[*ci];
                let Some(main) = m.value_span else { continue };
                for f in ctx.found.iter().filter(|f| {
                    Some(f.value.kind()) == m.value.as_ref().map(Value::kind)
                        && (f.start, f.end) != main
                        && !out
                            .iter()
                            .any(|(o, _)| o.value_span == Some((f.start, f.end)))
                }) {
                    let t = Trig {
                        caps,
                        spans: &spans,
                        pick: Some((f.start, f.end)),
                    };
                    let Some(mut x) = self.build(fi, ctx, memory, anchor, &t) else {
                        continue;
                    };
                    if x.period.is_none() {
                        x.period = m.period.clone();
                        if let Some(i) = frame.key.iter().position(|k| k == "period") {
                            x.key[i] = m.key[i].clone();
                        }
                        x.summary = summarize(&frame.summary, &x);
                    }
                    let quals = |a: &Mention| {
                        frame
                            .qualifiers
                            .iter()
                            .map(|q| a.slots.get(q).cloned())
                            .collect::<Vec<_>>()
                    };
                    let own_slots = x.key != m.key || quals(&x) != quals(m);
                    // A comparison word among the 30 characters before the amount.
                    let compared = {
                        let before = &ctx.text[..f.start];
                        let from = before.char_indices().rev().nth(29).map_or(0, |(i, _)| i);
                        let words: String = before[from..]
                            .to_lowercase()
                            .chars()
                            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                            .collect();
                        let words = format!(" {} ", norm_space(&words));
                        lang.numbers
                            .compare
                            .iter()
                            .any(|c| words.contains(&format!(" {} ", norm_space(c))))
                    };
                    let own_period = x.period != m.period && compared;
                    if x.period.is_some()
                        && (own_slots || own_period)
                        && !out.iter().map(|(o, _)| o).chain(&more).any(|o| {
                            o.key == x.key && o.period == x.period && quals(o) == quals(&x)
                        })
                    {
                        more.push(x);
                    }
                }
            }
            out.extend(more.into_iter().map(|m| (m, usize::MAX)));
        }
        let out: Vec<Mention> = out.into_iter().map(|(m, _)| m).collect();
        // A number belongs to the nearest trigger: "a bank known for its assets reported a
        // net profit of $3.1 billion" gives the profit, not the assets.
        let gap = |m: &Mention| {
            let (vs, ve) = m.value_span.unwrap_or((0, 0));
            weighted_gap(ctx.text, vs, ve, m.trigger_span)
        };
        let keep: Vec<bool> = out
            .iter()
            .map(|m| {
                m.value_span.is_none()
                    || !out
                        .iter()
                        .any(|o| o.value_span == m.value_span && gap(o) < gap(m))
            })
            .collect();
        out.into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(m, _)| m)
            .collect()
    }

    fn build(
        &self,
        fi: usize,
        ctx: &Context,
        memory: &Memory,
        anchor: Option<PartialDate>,
        t: &Trig,
    ) -> Option<Mention> {
        let (caps, spans, pick) = (t.caps, t.spans, t.pick);
        let frame = &self.rules.frames[fi];
        let trig = caps.span;
        let mut slots = BTreeMap::new();
        // A second amount fills its slots from where it stands: "Rs 2 lakh for the family
        // of each person killed and Rs 50,000 for each of the injured".
        let slot_at = pick.unwrap_or(trig);
        for slot in &frame.slots {
            let names = fill(slot, slot_at, caps, ctx, memory);
            if names.is_empty() {
                if slot.required {
                    return None;
                }
                continue;
            }
            slots.insert(slot.name.clone(), names);
        }

        let near = |f: &&Found| {
            frame
                .value
                .near
                .is_none_or(|n| between(ctx.text, (f.start, f.end), trig).chars().count() <= n)
        };
        let dates: Vec<&Found> = ctx
            .found
            .iter()
            .filter(|f| matches!(f.value, Value::Date(_)))
            .filter(near)
            .filter(|f| frame.kind != Kind::Event || event_date(ctx, f, trig))
            .collect();
        let inherited = |scope: TimeScope| -> Option<DateValue> {
            if scope != TimeScope::Sentence
                && let Some(d) = &memory.date
            {
                return Some(d.clone());
            }
            if scope == TimeScope::Document {
                // A figure holds over the period the article opens with; an event keeps
                // the publication month.
                if frame.kind == Kind::Quantity
                    && let Some(lead) = &memory.lead
                {
                    return Some(lead.clone());
                }
                // The publication date bounds an undated event; its day is a guess, so keep
                // the month at most.
                let coarse = anchor.map(|a| PartialDate { day: None, ..a });
                return coarse.and_then(|a| a.interval()).map(DateValue::Resolved);
            }
            None
        };
        let mut approx = crate::rules::Approx::Exact;
        let mut value_span: Option<(usize, usize)> = None;
        let (value, period) = match frame.value.kind {
            ValueKind::Date => {
                let found = nearest(ctx.text, &dates, trig);
                // A date belongs to the nearest action too: "the court on Sunday remanded
                // those accused of the attack" dates the remand, not the attack.
                value_span = found.map(|f| (f.start, f.end));
                let d = found.map(date_of);
                let d = d.or_else(|| inherited(frame.time));
                // A frame that wants its date from the text has nothing to check without one.
                if d.is_none() && frame.time != TimeScope::Document {
                    return None;
                }
                (d.clone().map(Value::Date), d)
            }
            ValueKind::Polarity => {
                let d = nearest(ctx.text, &dates, trig).map(date_of);
                (None, d)
            }
            kind => {
                let no_words = Vec::new();
                let unit_words = frame.value.unit_words.get(ctx.lang).unwrap_or(&no_words);
                let units = match frame.value.units.get(ctx.lang) {
                    None if unit_words.is_empty() => None,
                    u => Some(u.map_or(&[][..], Vec::as_slice)),
                };
                let values: Vec<&Found> = ctx
                    .found
                    .iter()
                    .filter(|f| f.value.kind() == kind)
                    .filter(|f| !frame.value.in_trigger || (f.start >= trig.0 && f.end <= trig.1))
                    .filter(|f| {
                        kind != ValueKind::Count
                            || units.is_none_or(|u| counts_unit(ctx, f, u, unit_words, spans))
                    })
                    .collect();
                let v = match pick {
                    Some(span) => *values.iter().find(|f| (f.start, f.end) == span)?,
                    None => {
                        // A number followed by another trigger of the frame is that
                        // trigger's: in "31 people were killed and 12 were injured" the
                        // 12 is not a death toll.
                        let own: Vec<&Found> = values
                            .iter()
                            .copied()
                            .filter(|f| attached(ctx, f, spans).is_none_or(|a| a == trig))
                            .collect();
                        nearest(ctx.text, if own.is_empty() { &values } else { &own }, trig)?
                    }
                };
                approx = v.approx;
                value_span = Some((v.start, v.end));
                if pick.is_some() {
                    // A second amount takes only a date of its own, right beside it.
                    let own: Vec<&Found> = dates
                        .iter()
                        .copied()
                        .filter(|d| {
                            let gap = between(ctx.text, (d.start, d.end), (v.start, v.end));
                            gap.chars().count() <= 30 && !gap.contains([',', ';', '('])
                        })
                        .collect();
                    let d = nearest(ctx.text, &own, (v.start, v.end)).map(date_of);
                    // Without one it shares the first amount's period (set by the caller).
                    (Some(v.value.clone()), d)
                } else {
                    // An amount holds over a period: prefer a month or year to a day (the day
                    // is usually when it was reported).
                    let periods: Vec<&Found> = dates
                        .iter()
                        .copied()
                        .filter(|f| match &f.value {
                            Value::Date(DateValue::Resolved(iv)) => {
                                iv.granularity != crate::time::Granularity::Day
                            }
                            _ => true,
                        })
                        .collect();
                    let d = nearest(ctx.text, &periods, trig)
                        .or_else(|| nearest(ctx.text, &dates, trig))
                        .map(date_of)
                        .or_else(|| inherited(frame.time));
                    (Some(v.value.clone()), d)
                }
            }
        };

        let voice = &ctx.voice;
        let in_scope = voice.scope.0 <= trig.0 && trig.0 < voice.scope.1;
        let speaker = if in_scope {
            voice.speaker.clone()
        } else {
            None
        };
        if frame.needs_speaker && speaker.is_none() {
            return None;
        }
        if frame
            .slots
            .iter()
            .any(|s| s.types.contains(&SlotType::Content))
        {
            // The speaker's words, for the summary: after the verb, or before it when the
            // attribution closes the sentence ("…, officials said.").
            let after = &ctx.text[trig.1..];
            let clause = if content_words(after, ctx.pack).len() >= 3 {
                after
            } else {
                &ctx.text[..trig.0]
            };
            let mut clause = clause.trim();
            for w in ctx.complementizers {
                if let Some(rest) = clause.strip_prefix(w.as_str())
                    && rest.starts_with(' ')
                {
                    clause = rest;
                }
            }
            let clause = clause.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
            let clause = if clause.chars().count() > 90 {
                let cut: String = clause.chars().take(90).collect();
                let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
                format!("{}…", cut.trim_end_matches([',', ';']))
            } else {
                clause.to_string()
            };
            slots.insert("clause".to_string(), vec![clause]);
        }
        let polarity = match voice.denial_at {
            Some(at) if at < trig.1 => Polarity::Denies,
            _ => Polarity::Asserts,
        };

        let key: Vec<String> = frame
            .key
            .iter()
            .map(|k| {
                if k == "period" {
                    period
                        .as_ref()
                        .map_or("undated".to_string(), |p| p.canonical())
                } else {
                    let content = frame
                        .slots
                        .iter()
                        .any(|s| &s.name == k && s.types.contains(&SlotType::Content));
                    if content {
                        // Matched by overlap in `matching`, not by equality.
                        return "content".to_string();
                    }
                    slots.get(k).map_or("none".to_string(), |v| {
                        v.iter().map(|n| slug(n)).collect::<Vec<_>>().join("+")
                    })
                }
            })
            .collect();
        let mut m = Mention {
            frame: fi,
            rule: frame.id.clone(),
            kind: frame.kind,
            article: 0,
            file: String::new(),
            line: 0,
            column: 0,
            start: 0,
            end: 0,
            text: ctx.text.to_string(),
            speaker,
            polarity,
            hedged: voice.hedged,
            approx,
            value_span,
            trigger_span: trig,
            value,
            period,
            slots,
            key,
            summary: String::new(),
            words: ctx.words.clone(),
        };
        m.summary = summarize(&frame.summary, &m);
        Some(m)
    }
}

/// Content words of a text: lowercase words of three letters or more that are not stop
/// words, stemmed by the language's affixes and cut to their first six letters (a crude
/// stem: "stalled" and "stalling" meet), sorted and unique.
pub fn content_words(text: &str, lang: &Lang) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !lang.stopwords.contains(w))
        .map(|w| stem(&w, lang).chars().take(6).collect())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The pack's affix stem of a word (statements compare their words by it).
pub fn stem(word: &str, lang: &Lang) -> String {
    lang.affix_stem(word)
}

/// Fill a frame's summary template from a mention (or a claim's representative mention).
pub fn summarize(template: &str, m: &Mention) -> String {
    // "[in {place}]": a bracketed part is left out when its slots are empty.
    let mut expanded = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('[') {
        expanded.push_str(&rest[..open]);
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        let empty = inner
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .all(|name| match name {
                "period" => m.period.is_none(),
                slot => m.slots.get(slot).is_none_or(|v| v.is_empty()),
            });
        if !empty {
            expanded.push_str(inner);
        }
        rest = &rest[open + close + 1..];
    }
    expanded.push_str(rest);
    let mut out = String::new();
    let mut rest = expanded.as_str();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        let filled = match name {
            "period" => m
                .period
                .as_ref()
                .map_or("undated".to_string(), |p| p.canonical()),
            "value" => m.value_text(),
            slot => m.slots.get(slot).map_or(String::new(), |v| v.join(" and ")),
        };
        out.push_str(&filled);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    // An optional slot left empty leaves no trace: no "()" and no double space.
    let out = out.replace(" ()", "").replace("()", "");
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    // Sentence case: a summary may open with a lowercase topic ("negotiations").
    let mut chars = out.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

/// Distance from a span to the trigger, and on which side it stands.
fn distance(s: usize, e: usize, trig: (usize, usize)) -> (usize, Side) {
    if e <= trig.0 {
        (trig.0 - e, Side::Before)
    } else if s >= trig.1 {
        (s - trig.1, Side::After)
    } else {
        (0, Side::Any)
    }
}

/// "A day earlier", "am Vortag", "накануне": the day before the last day named, earlier in
/// this sentence or in the article (likewise "the next day"). Replaces whatever the
/// normalizer read there.
fn relative_days(ctx: &mut Context, lang: &Lang, last_day: Option<chrono::NaiveDate>) {
    let lower = ctx.text.to_lowercase();
    if lower.len() != ctx.text.len() {
        // Offsets would not line up; such text is rare enough to skip.
        return;
    }
    for (words, step) in [(&lang.dates.day_before, -1i64), (&lang.dates.day_after, 1)] {
        for w in words {
            let mut from = 0;
            while let Some(i) = lower[from..].find(w.as_str()) {
                let (s, e) = (from + i, from + i + w.len());
                from = e;
                if crate::normalize::word_char_before(&lower, s)
                    || crate::normalize::word_char_at(&lower, e)
                {
                    continue;
                }
                let before_here = ctx
                    .found
                    .iter()
                    .filter(|f| f.end <= s)
                    .filter_map(|f| match &f.value {
                        Value::Date(DateValue::Resolved(iv))
                            if iv.granularity == crate::time::Granularity::Day =>
                        {
                            Some(iv.start)
                        }
                        _ => None,
                    })
                    .next_back();
                let Some(day) = before_here.or(last_day) else {
                    continue;
                };
                let date = day + chrono::Duration::days(step);
                ctx.found.retain(|f| f.end <= s || f.start >= e);
                ctx.found.push(Found::exact(
                    s,
                    e,
                    Value::Date(DateValue::Resolved(crate::time::Interval::day(date))),
                ));
                ctx.found.sort_by_key(|f| f.start);
            }
        }
    }
}

/// The date a `Found` of the date list holds.
fn date_of(f: &Found) -> DateValue {
    match &f.value {
        Value::Date(d) => d.clone(),
        _ => unreachable!("filtered to dates"),
    }
}

/// Whether a date may date an event: not a deadline ("until 22 May") and not the day a
/// speaker spoke ("said on Tuesday that the attack…", "во вторник заявил"), which is the
/// date nearer an attribution cue than the event's own words.
fn event_date(ctx: &Context, f: &Found, trig: (usize, usize)) -> bool {
    // Only the last words before the date can make it a deadline.
    let head = &ctx.text[..f.start];
    let from = head.char_indices().rev().nth(39).map_or(0, |(i, _)| i);
    let before = head[from..].trim_end().to_lowercase();
    let deadline = ctx.pack.dates.until.iter().any(|u| {
        before.ends_with(u.as_str())
            && !before[..before.len() - u.len()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    });
    if deadline {
        return false;
    }
    let date = (f.start, f.end);
    let to_trigger = between(ctx.text, trig, date).chars().count();
    // The date goes with a cue right beside it, in the same clause, nearer than the
    // event's own words…
    let reports = |&(s, e): &(usize, usize)| {
        let gap = between(ctx.text, (s, e), date);
        let n = gap.chars().count();
        if n > 12 || n >= to_trigger || gap.contains([',', ';', '"', '“', '”', '«', '»']) {
            return false;
        }
        // … unless the cue is the act itself: "announced on Monday the suspension of…",
        // with no "that" and no comma between the verb and the event's words.
        if trig.0 >= e {
            let bridge = &ctx.text[e..trig.0];
            let reported = bridge.contains([',', ';'])
                || bridge.split_whitespace().any(|w| {
                    let w = w
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase();
                    ctx.complementizers.contains(&w)
                });
            if !reported && bridge.chars().count() <= 40 {
                return false;
            }
        }
        true
    };
    !ctx.voice.cues.iter().any(reports)
}

/// The text strictly between two spans of `text` (empty when they overlap).
fn between(text: &str, a: (usize, usize), b: (usize, usize)) -> &str {
    if a.1 <= b.0 {
        &text[a.1..b.0]
    } else if b.1 <= a.0 {
        &text[b.1..a.0]
    } else {
        ""
    }
}

/// The value nearest the trigger by [`weighted_gap`] ("288 were killed and about 900
/// injured": the dead are 288; "3% this year, although inflation runs at 50%": 3%).
/// The trigger a value stands right before: one that begins within the three words after
/// it ("31 people were killed", "446 resultaron heridas").
fn attached(ctx: &Context, f: &Found, spans: &[(usize, usize)]) -> Option<(usize, usize)> {
    let next = ctx.tokens.iter().position(|t| t.start >= f.end)?;
    ctx.tokens[next..]
        .iter()
        .take(3)
        .find_map(|t| spans.iter().find(|&&(s, _)| s == t.start).copied())
}

fn nearest<'a>(text: &str, values: &[&'a Found], trig: (usize, usize)) -> Option<&'a Found> {
    values
        .iter()
        .min_by_key(|f| {
            let (_, side) = distance(f.start, f.end, trig);
            (
                weighted_gap(text, f.start, f.end, trig),
                side != Side::Before,
            )
        })
        .copied()
}

/// How far a value stands from a trigger: bytes between them, a quarter more after the
/// trigger, and 40 more across a comma or semicolon (another clause: "loans grew 13.9% to
/// Rp 810 trillion, led by corporate lending" gives the 810 trillion to the loans).
fn weighted_gap(text: &str, start: usize, end: usize, trig: (usize, usize)) -> usize {
    let (d, side) = distance(start, end, trig);
    let mut w = if side == Side::After { d + d / 4 } else { d };
    if between(text, (start, end), trig).contains([',', ';']) {
        w += 40;
    }
    w
}

/// Whether a count counts what the frame counts: the word after the number is absent, a
/// stop word, one of the frame's `units`, or one of its triggers ("288 people", "40 dead",
/// "revised to 275, saying" — but not "three trains" or "101 bodies" for the dead), and
/// not a partitive ("one of the deadliest").
fn counts_unit(
    ctx: &Context,
    f: &Found,
    units: &[crate::rules::Pattern],
    unit_words: &[crate::words::WordPattern],
    spans: &[(usize, usize)],
) -> bool {
    let rest = &ctx.text[f.end..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '-', '\u{a0}']).len();
    let at = f.end + skipped;
    let rest = &ctx.text[at..];
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    if ctx.pack.numbers.partitive.contains(&word.to_lowercase()) {
        return false;
    }
    if word.is_empty() || ctx.pack.stopwords.contains(&word.to_lowercase()) {
        return true;
    }
    let next = ctx.tokens.iter().position(|t| t.start == at);
    let word_unit = next.is_some_and(|i| {
        unit_words
            .iter()
            .any(|p| p.match_at(&ctx.tokens, i).is_some())
    });
    // A verb may stand between a count and its trigger: "446 resultaron heridas", "12
    // wurden verletzt". The trigger must begin within the two words after the number.
    let trigger_near = next.is_some_and(|i| {
        ctx.tokens[i..]
            .iter()
            .take(2)
            .any(|t| spans.iter().any(|&(s, _)| s == t.start))
    });
    word_unit
        || trigger_near
        || units
            .iter()
            .any(|re| re.find(rest).is_some_and(|m| m.start() == 0))
        || spans.iter().any(|&(s, e)| s <= at && at < e)
}

/// The canonical name a hit gives to a slot of type `ty`, if it fits.
fn fits(h: &Hit, ty: SlotType) -> Option<String> {
    let SlotType::Entity(kind) = ty else {
        return None;
    };
    match kind {
        EntityKind::Country if h.kind == EntityKind::Country => Some(h.name.clone()),
        EntityKind::Country if h.kind != EntityKind::Person => h.country.clone(),
        EntityKind::Person if h.kind == EntityKind::Unknown => {
            (h.name.split_whitespace().count() >= 2).then(|| h.name.clone())
        }
        k if k == h.kind => Some(h.name.clone()),
        _ => None,
    }
}

/// Inside the trigger counts only for slots that take either side.
fn side_ok(side: Side, want: Side) -> bool {
    want == Side::Any || side == want
}

/// Sort key for "nearest": with no side required, a filler after the trigger counts as
/// twice as far as one before it (subjects precede their verbs in these languages).
fn weighted(d: usize, side: Side, want: Side) -> usize {
    if want == Side::Any && side == Side::After {
        2 * d
    } else {
        d
    }
}

/// The names that fill `slot`, nearest (or first) on its side of the trigger.
fn fill(
    slot: &Slot,
    trig: (usize, usize),
    caps: &TrigMatch,
    ctx: &Context,
    memory: &Memory,
) -> Vec<String> {
    // A named group in the trigger fills the slot directly.
    if let Some(g) = caps.group(&slot.name) {
        let inside: Vec<String> = ctx
            .hits
            .iter()
            .filter(|h| h.start >= g.0 && h.end <= g.1)
            .filter_map(|h| slot.types.iter().find_map(|&ty| fits(h, ty)))
            .collect();
        if !inside.is_empty() {
            return dedup_take(inside, slot.count);
        }
        let raw = ctx.text[g.0..g.1]
            .trim()
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        if slot.types.contains(&SlotType::Word) {
            let w = raw.to_lowercase();
            // A function word is no counted thing ("275 because …").
            return if w.is_empty() || ctx.pack.stopwords.contains(&w) {
                Vec::new()
            } else {
                vec![w]
            };
        }
        return if raw.is_empty() {
            Vec::new()
        } else {
            vec![raw.to_string()]
        };
    }
    // Places at any scale are one pool: "bundesweit" (a country) and "im Kreis Ahrweiler"
    // (a town) compete by distance, not by type.
    let place = |t: &SlotType| {
        matches!(
            t,
            SlotType::Entity(EntityKind::City) | SlotType::Entity(EntityKind::Country)
        )
    };
    let pooled = slot.types.len() >= 2 && slot.types.iter().all(place);
    let groups: Vec<Vec<SlotType>> = if pooled {
        vec![slot.types.clone()]
    } else {
        slot.types.iter().map(|&t| vec![t]).collect()
    };
    for tys in &groups {
        let ty = tys[0];
        let mut cands: Vec<(usize, usize, String)> = match ty {
            SlotType::Value(kind) => {
                let values: Vec<&Found> = ctx
                    .found
                    .iter()
                    .filter(|f| f.value.kind() == kind)
                    .collect();
                return nearest(ctx.text, &values, trig)
                    .map(|f| vec![f.value.canonical()])
                    .unwrap_or_default();
            }
            SlotType::Word => return Vec::new(),
            SlotType::Content => {
                let words = content_words(&ctx.text[trig.1..], ctx.pack);
                let (mut words, from) = if words.len() >= 3 {
                    (words, trig.1)
                } else {
                    (content_words(ctx.text, ctx.pack), 0)
                };
                words.extend(
                    ctx.shared
                        .iter()
                        .filter(|(at, w)| *at >= from && w.starts_with('@'))
                        .map(|(_, w)| w.clone()),
                );
                words.sort();
                words.dedup();
                return words;
            }
            SlotType::Topic => ctx
                .topics
                .iter()
                .filter(|t| Some(&t.group) == slot.group.as_ref())
                .filter_map(|t| {
                    let (d, side) = distance(t.start, t.end, trig);
                    side_ok(side, slot.side)
                        .then(|| (weighted(d, side, slot.side), t.start, t.id.clone()))
                })
                .collect(),
            SlotType::Entity(_) => ctx
                .hits
                .iter()
                .filter_map(|h| {
                    let (d, side) = distance(h.start, h.end, trig);
                    // A demonym ("Iranian Defense Minister") is no place, nor a country
                    // that qualifies the name after it ("Presiden Rusia Vladimir Putin").
                    let qualifies_a_name = h.kind == EntityKind::Country
                        && ctx.hits.iter().any(|n| {
                            matches!(n.kind, EntityKind::Person | EntityKind::Unknown)
                                && n.start >= h.end
                                && n.start <= h.end + 2
                        });
                    if pooled && (h.form == crate::entities::Form::Demonym || qualifies_a_name) {
                        return None;
                    }
                    let name = tys.iter().find_map(|&t| fits(h, t))?;
                    // Either side: a filler across a comma belongs to another clause
                    // ("134 Tote, in Nordrhein-Westfalen starben 49").
                    let gap = between(ctx.text, (h.start, h.end), trig);
                    let clause = if slot.side == Side::Any && gap.contains([',', ';']) {
                        40
                    } else {
                        0
                    };
                    side_ok(side, slot.side).then_some((
                        weighted(d, side, slot.side) + clause,
                        h.start,
                        name,
                    ))
                })
                .collect(),
        };
        if slot.first {
            cands.sort_by_key(|c| c.1);
        } else {
            cands.sort_by_key(|c| (c.0, c.1));
        }
        // Of a country and one of its cities in the sentence, the city says more: "bertemu
        // timpalan Iran … di Teheran" took place in Tehran.
        if pooled
            && let Some(first) = cands.first().map(|c| c.2.clone())
            && let Some(city) = ctx.hits.iter().find(|h| {
                h.kind == EntityKind::City && h.country.as_deref() == Some(first.as_str())
            })
        {
            cands.insert(0, (0, city.start, city.name.clone()));
        }
        if !cands.is_empty() {
            let names = dedup_take(cands.into_iter().map(|c| c.2).collect(), slot.count);
            if names.len() < slot.count && slot.inherit {
                return top_up(names, slot, memory);
            }
            return names;
        }
    }
    if slot.inherit {
        return top_up(Vec::new(), slot, memory);
    }
    Vec::new()
}

/// Complete a slot from the paragraph's earlier sentence ("the two countries").
fn top_up(mut names: Vec<String>, slot: &Slot, memory: &Memory) -> Vec<String> {
    for &ty in &slot.types {
        for n in memory.hits.iter().filter_map(|h| fits(h, ty)) {
            if names.len() < slot.count && !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names.sort();
    names
}

/// The first `count` distinct names; several are sorted so the key does not depend on order.
fn dedup_take(names: Vec<String>, count: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if !out.contains(&n) {
            out.push(n);
        }
        if out.len() == count {
            break;
        }
    }
    if out.len() > 1 {
        out.sort();
    }
    out
}

/// Remove a trailing parenthetical ("Amerika Serikat (AS)") and an appositive
/// ("Zamir Kabulov, a senior official,") so the subject stands right before the verb.
fn subject_end(text: &str, cue: usize) -> usize {
    let mut p = text[..cue].trim_end();
    if p.ends_with(')')
        && let Some(open) = p.rfind('(')
    {
        p = p[..open].trim_end();
    }
    // Appositives may stack: "X, chief executive of Y, a think tank, said".
    let mut body = match p.strip_suffix(',') {
        Some(b) => b.trim_end(),
        None => return p.len(),
    };
    let strip_paren = |b: &str| -> usize {
        // "Rizal (27), seorang suporter, mengatakan": the age goes with the name.
        let b = b.trim_end();
        match (b.ends_with(')'), b.rfind('(')) {
            (true, Some(open)) => b[..open].trim_end().len(),
            _ => b.len(),
        }
    };
    for _ in 0..3 {
        match body.rfind(',') {
            Some(c)
                if body[c + 1..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase) =>
            {
                body = body[..c].trim_end();
            }
            _ => break,
        }
    }
    strip_paren(body)
}

/// An unnamed speaker named by a role noun right before the verb: "the railway ministry",
/// "police", "Iranian officials" (up to two words before the role, articles dropped).
fn role_speaker(before: &str, lang: &Lang) -> Option<String> {
    let all: Vec<&str> = before.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    // The role may be followed by a short complement: "a railway official at the site".
    let from = all.len().saturating_sub(4);
    let role_at = (from..all.len())
        .rev()
        .find(|&i| lang.attribution.roles.contains(&bare(all[i])))?;
    let tail_ok = all[role_at + 1..].iter().all(|w| !w.contains(','));
    if !tail_ok {
        return None;
    }
    let words = &all[..=role_at];
    let mut phrase: Vec<&str> = Vec::new();
    for w in words.iter().rev().take(3) {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty()
            || lang.stopwords.contains(&bare.to_lowercase())
            || w.ends_with(',') && !phrase.is_empty()
        {
            break;
        }
        phrase.push(bare);
    }
    phrase.reverse();
    (!phrase.is_empty()).then(|| phrase.join(" "))
}

/// Find the speaker, denial and hedges of a sentence.
fn voice(
    text: &str,
    lang: &Lang,
    hits: &[Hit],
    dates: &[(usize, usize)],
    last_speaker: Option<&str>,
) -> Voice {
    let a = &lang.attribution;
    let mut v = Voice {
        denial_at: a
            .denial
            .iter()
            .filter_map(|re| re.find(text))
            .map(|m| m.start())
            .min(),
        hedged: a.hedge.iter().any(|re| re.is_match(text)),
        ..Voice::default()
    };
    v.cues = a
        .speech
        .iter()
        .chain(&a.speech_after)
        .chain(&a.speech_self)
        .chain(&a.denial)
        .flat_map(|re| re.find_iter(text).map(|m| (m.start(), m.end())))
        .collect();
    let speaker_kind =
        |h: &Hit| !(h.kind == EntityKind::Country && h.form == crate::entities::Form::Demonym);
    let mut cues: Vec<(usize, usize)> = a
        .speech
        .iter()
        .chain(a.denial.iter())
        .flat_map(|re| re.find_iter(text).map(|m| (m.start(), m.end())))
        .collect();
    cues.sort();
    for (cs, ce) in cues {
        // A quotation closes before the verb: the speaker follows it ("…,” said X).
        let before = text[..cs].trim_end();
        // "…,” said X" and German "…“, sagte X".
        let closing = before.trim_end_matches(',').trim_end();
        if closing.ends_with(['”', '"', '»', '“']) || before.ends_with(",”") {
            // "…“, sagte der Bonner Hydrologe Martin Kessler": skip articles after the cue.
            let mut at = ce;
            for _ in 0..2 {
                let rest = &text[at..];
                let word_start = at + (rest.len() - rest.trim_start().len());
                let word: String = text[word_start..]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                if word.is_empty() || !lang.stopwords.contains(&word.to_lowercase()) {
                    break;
                }
                at = word_start + word.len();
            }
            // The name may follow a title ("der Bonner Hydrologe Martin Kessler"): the
            // first name in the same run of words.
            let speaker = hits
                .iter()
                .find(|h| {
                    h.start >= at
                        && h.start <= at + 60
                        && !text[at..h.start].contains([',', '.', ';', '(', '"', '“', '„'])
                })
                .map(|h| h.name.clone())
                .or_else(|| pronoun_after(&text[ce..], lang, last_speaker));
            if speaker.is_some() {
                v.speaker = speaker;
                v.scope = (0, text.len());
                return v;
            }
            continue;
        }
        let end = subject_end(text, cs);
        // Allow up to three function words or words of a date ("has", "also", "on
        // Tuesday", "во вторник") between the subject and the verb.
        let mut stop_end = end;
        for _ in 0..3 {
            let before = text[..stop_end].trim_end();
            let w_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            let w = before[w_start..].trim_matches(|c: char| !c.is_alphanumeric());
            let in_date = dates.iter().any(|&(s, e)| s <= w_start && w_start < e);
            if !w.is_empty() && (lang.stopwords.contains(&w.to_lowercase()) || in_date) {
                stop_end = w_start;
            } else {
                break;
            }
        }
        let subject = hits.iter().rev().find(|h| {
            speaker_kind(h)
                && [end, stop_end]
                    .iter()
                    .any(|&e| h.end <= e && text[h.end..e].trim().is_empty())
        });
        let speaker = match subject {
            Some(h) => Some(h.name.clone()),
            None if role_speaker(&text[..end], lang).is_some() => role_speaker(&text[..end], lang),
            None => {
                let prev = text[..end]
                    .split_whitespace()
                    .last()
                    .map(|w| w.to_lowercase());
                match (prev, last_speaker) {
                    (Some(p), Some(ls)) if a.pronouns.contains(&p) => Some(ls.to_string()),
                    _ => None,
                }
            }
        };
        if speaker.is_some() {
            // The words after the cue are the speaker's; so is a sentence that ends with
            // the cue ("…, he said.").
            let tail_words = text[ce..].split_whitespace().count();
            v.speaker = speaker;
            v.scope = if tail_words <= 2 {
                (0, text.len())
            } else {
                (cs, text.len())
            };
            return v;
        }
    }
    for re in &a.speech_after {
        for m in re.find_iter(text) {
            // "according to X", "kata dia", "по словам президента": a name, a pronoun
            // or a role noun right after the cue.
            let speaker = hits
                .iter()
                .find(|h| h.start >= m.end() && h.start <= m.end() + 5)
                .map(|h| h.name.clone())
                .or_else(|| pronoun_after(&text[m.end()..], lang, last_speaker))
                .or_else(|| role_after(&text[m.end()..], lang));
            if speaker.is_some() {
                v.speaker = speaker;
                v.scope = (0, text.len());
                return v;
            }
        }
    }
    // "…," ujarnya: the cue carries its own pronoun.
    if a.speech_self.iter().any(|re| re.is_match(text))
        && let Some(ls) = last_speaker
    {
        v.speaker = Some(ls.to_string());
        v.scope = (0, text.len());
    }
    v
}

/// The last named speaker, when the next word is a pronoun ("said he", "kata dia").
fn pronoun_after(rest: &str, lang: &Lang, last_speaker: Option<&str>) -> Option<String> {
    let w = rest
        .split_whitespace()
        .next()?
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (lang.attribution.pronouns.contains(&w))
        .then(|| last_speaker.map(str::to_string))
        .flatten()
}

/// A role noun among the first words after a cue, up to a comma: "according to police",
/// "по словам президента" (inflected forms meet the role by its first letters).
fn role_after(rest: &str, lang: &Lang) -> Option<String> {
    let clause = rest.split([',', '.', ';']).next()?;
    let words: Vec<&str> = clause.split_whitespace().take(4).collect();
    for (i, w) in words.iter().enumerate() {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let hit = lang.attribution.roles.iter().any(|r| {
            !r.contains(' ')
                && (bare == *r || (r.chars().count() >= 5 && bare.starts_with(r.as_str())))
        });
        if hit {
            return Some(
                words[..=i]
                    .iter()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .filter(|w| !lang.stopwords.contains(&w.to_lowercase()))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    #[test]
    fn slugs_transliterate_names() {
        assert_eq!(slug("Путин"), slug("Putin"));
        assert_eq!(slug("Пезешкиан"), "pezeshkian");
    }

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(slug("Vladimir Putin"), "vladimir-putin");
        assert_eq!(slug("U.S."), "u-s");
        assert_eq!(slug("Тегеран"), "tegeran");
    }

    #[test]
    fn appositive_is_skipped_to_find_the_speaker() {
        let text = "Ana Ruiz, a trade official, said that talks were delayed.";
        let cue = text.find("said").unwrap();
        assert_eq!(&text[..subject_end(text, cue)], "Ana Ruiz");
        let text = "Iran's envoy to Russia, Kazem Jalali, denied it.";
        let cue = text.find("denied").unwrap();
        assert_eq!(
            &text[..subject_end(text, cue)],
            "Iran's envoy to Russia, Kazem Jalali"
        );
    }

    fn mentions(text: &str, lang: &str, published: &str) -> Vec<Mention> {
        let set = rules::load(&rules::default_sources()).unwrap();
        let ex = Extractor::new(&set);
        ex.text(text, lang, PartialDate::parse(published))
    }

    fn statement_speakers(ms: &[Mention]) -> Vec<Option<&str>> {
        ms.iter()
            .filter(|m| m.kind == Kind::Statement)
            .map(|m| m.speaker.as_deref())
            .collect()
    }

    fn values_of(ms: &[Mention], rule: &str) -> Vec<String> {
        ms.iter()
            .filter(|m| m.rule == rule)
            .map(|m| m.value_text())
            .collect()
    }

    #[test]
    fn stems_meet_across_affixes() {
        let set = rules::load(&rules::default_sources()).unwrap();
        let id = &set.langs["id"];
        assert_eq!(stem("menembakkan", id), stem("ditembakkan", id));
        assert_eq!(stem("menyebabkan", id), "sebab");
        let en = &set.langs["en"];
        assert_eq!(stem("stalled", en), stem("stalling", en));
    }

    #[test]
    fn a_count_counts_what_its_frame_counts() {
        let ms = mentions(
            "At least 288 people were killed when three trains collided on Friday.",
            "en",
            "2023-06-03",
        );
        assert_eq!(values_of(&ms, "casualties"), ["288"]);
        let trains: Vec<&Mention> = ms.iter().filter(|m| m.rule == "count").collect();
        assert_eq!(trains.len(), 1);
        assert_eq!(trains[0].value_text(), "3");
        assert_eq!(trains[0].slots["unit"], ["train"]);
    }

    #[test]
    fn a_second_amount_with_its_own_period() {
        let ms = mentions(
            "Net profit reached Rp 48.6 trillion in 2023, up from Rp 40.7 trillion in 2022.",
            "en",
            "2024-01-25",
        );
        let got: Vec<(String, String)> = ms
            .iter()
            .filter(|m| m.rule == "financial-result")
            .map(|m| {
                (
                    m.value_text(),
                    m.period.as_ref().map(|p| p.canonical()).unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("48600000000000 IDR".to_string(), "2023".to_string()),
                ("40700000000000 IDR".to_string(), "2022".to_string())
            ]
        );
    }

    #[test]
    fn report_days_and_deadlines_date_no_event() {
        // "on Tuesday" goes with "said", not with the attack.
        let ms = mentions(
            "Officials said on Tuesday that the attack was planned abroad.",
            "en",
            "2024-03-28",
        );
        assert!(values_of(&ms, "action").is_empty(), "{ms:?}");
        // "until 22 May" is how long, not when.
        let ms = mentions(
            "A Moscow court ordered the four men held in custody until 22 May.",
            "en",
            "2024-03-25",
        );
        assert!(values_of(&ms, "action").is_empty(), "{ms:?}");
        let ms = mentions(
            "A Moscow court on Sunday ordered the four men held in custody until 22 May.",
            "en",
            "2024-03-25",
        );
        assert_eq!(values_of(&ms, "action"), ["2024-03-24"]);
    }

    #[test]
    fn a_pronoun_cue_gives_the_last_speaker() {
        let ms = mentions(
            "Rizal (27), seorang suporter, mengatakan gas air mata ditembakkan ke tribun selatan. \"Kami semua lari ke pintu keluar,\" ujarnya.",
            "id",
            "2022-10-03",
        );
        let speakers = statement_speakers(&ms);
        assert_eq!(speakers, [Some("Rizal"), Some("Rizal")]);
    }

    #[test]
    fn a_short_denial_denies_the_statement_before_it() {
        let ms = mentions(
            "Oppositionschef Karl Berger warf der Regierung vor, sie habe die Zahlen geschönt. Finanzminister Jan Hofer wies den Vorwurf zurück.",
            "de",
            "2024-05-02",
        );
        let st: Vec<&Mention> = ms.iter().filter(|m| m.kind == Kind::Statement).collect();
        assert_eq!(st.len(), 2, "{ms:?}");
        assert_eq!(st[0].key, st[1].key, "one claim");
        assert_eq!(st[1].polarity, Polarity::Denies);
        assert_eq!(st[1].speaker.as_deref(), Some("Jan Hofer"));
    }

    #[test]
    fn a_bare_title_is_the_person_it_came_with() {
        let ms = mentions(
            "Kanzlerin Angela Merkel sprach am Montag mit den Helfern. Die Kanzlerin besuchte am 18. Juli den Ort Schuld.",
            "de",
            "2021-07-20",
        );
        let visits: Vec<&Mention> = ms.iter().filter(|m| m.rule == "visit").collect();
        assert_eq!(visits.len(), 1, "{ms:?}");
        assert_eq!(visits[0].slots["who"], ["Angela Merkel"]);
        assert_eq!(visits[0].value_text(), "2021-07-18");
    }

    #[test]
    fn a_german_quote_names_its_speaker_after_it() {
        let ms = mentions(
            "„Der Kreis hat viel zu spät gewarnt“, sagte der Bonner Hydrologe Martin Kessler.",
            "de",
            "2021-07-16",
        );
        let speakers = statement_speakers(&ms);
        assert_eq!(speakers, [Some("Martin Kessler")]);
    }

    #[test]
    fn a_name_after_a_preposition_of_place_is_a_place() {
        let ms = mentions(
            "Im Kreis Ahrweiler kamen 134 Menschen ums Leben.",
            "de",
            "2021-08-11",
        );
        let dead: Vec<&Mention> = ms.iter().filter(|m| m.rule == "casualties").collect();
        assert_eq!(dead.len(), 1);
        assert_eq!(dead[0].slots["place"], ["Ahrweiler"]);
    }

    #[test]
    fn speaker_and_denial() {
        let set = rules::load(&rules::default_sources()).unwrap();
        let ex = Extractor::new(&set);
        let lang = &set.langs["en"];
        let text = "Spain's envoy to Peru, Luis Gil, denied reports that the talks had failed.";
        let hits = ex.gazetteer.find(text, lang);
        let v = voice(text, lang, &hits, &[], None);
        assert_eq!(v.speaker.as_deref(), Some("Luis Gil"));
        assert!(v.denial_at.is_some());
    }
}
