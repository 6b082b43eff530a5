//! Link values across articles by what they are told by, not by a key: the catch-all
//! values among themselves ([`link_values`]), and catch-all claims to the claims of frames
//! ([`attach`]), so that a toll a frame read in one language meets the same toll a
//! catch-all read in another.
//!
//! Input: value mentions (each with its `context`, see `extract::catchall`), the articles'
//! languages and the settings. Output: clusters of mention indices.

use crate::extract::Mention;
use crate::normalize::{DateValue, Value, values_differ};
use crate::rules::{Approx, Kind, RuleSet};
use crate::time::Granularity;
use std::collections::{BTreeMap, BTreeSet};

/// What a value is told by: the language-neutral context of its sentence (concepts, names,
/// other values, the concept it counts), its words in its own language, the concepts and
/// names right beside it, and the words right around it.
struct Signature<'m> {
    lang: &'m str,
    local: BTreeSet<&'m str>,
    neutral: BTreeSet<&'m str>,
    lexical: BTreeSet<&'m str>,
    near: BTreeSet<&'m str>,
    unit: Vec<&'m str>,
    /// Whose value it is ("62.2% for Rechazo"): the context's owner, unless it is who tells
    /// it (the speaker) or an actor concept ("#ministry").
    owner: Option<&'m str>,
    /// The periods its sentence counts figures over ("@per-quarter").
    periods: Vec<&'m str>,
    /// Told as a projection ("forecast 4.9%", "could reach 300"; `extract::catchall`
    /// reads the word before the value or right after it). Frames' claims are not split by
    /// it: "rechnet mit" is a forecast and, in "rechnet mit Schäden von sieben Milliarden",
    /// an estimate of the same damage.
    projected: bool,
    /// Its owner as a known name, spelt as in every language ("s-p-500").
    owner_entity: Option<&'m str>,
}

/// Two reports of one figure differ by a revision or a misreading, not by more than this
/// factor: figures further apart are two figures (a town's toll and the country's, the
/// children among the dead and all the dead).
pub(crate) const REVISION_FACTOR: f64 = 5.0;

/// Across two languages, a word both begin alike is shared: its first [`COGNATE_LETTERS`]
/// letters, transliterated, lowercased and without accents ([`cognate_key`]: "Kilometer",
/// "kilometres" and "километров" are `kilom`; "bronze" and "bronz" are `bronz`), when at most
/// [`COGNATE_SENTENCES`] of the story's value sentences give it: a rare term both articles
/// use. A word many sentences give is mostly a name the story repeats ("Miami", "Vikram"),
/// which says nothing of which figure is meant. It counts only for the very same value told
/// in both (see `Linker::weigh`).
pub(crate) const COGNATE_LETTERS: usize = 5;
/// See [`COGNATE_LETTERS`].
pub(crate) const COGNATE_SENTENCES: usize = 6;

/// A word's cognate key: its first [`COGNATE_LETTERS`] letters, transliterated, lowercased
/// and without accents (as its slug), when the word has that many letters before
/// transliteration (a short Cyrillic word stays out though its transliteration is longer)
/// and after ("bronze" and "bronz", "délibé" and "delibe" meet); none for a counted word (`~…`), which is compared as
/// a unit.
pub(super) fn cognate_key(word: &str) -> Option<String> {
    if word.starts_with('~') || word.chars().count() < COGNATE_LETTERS {
        return None;
    }
    let folded: String = crate::extract::slug(word)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(COGNATE_LETTERS)
        .collect();
    (folded.chars().count() == COGNATE_LETTERS).then_some(folded)
}

/// Whether two figures are more than [`REVISION_FACTOR`] apart. A zero or a value without a
/// magnitude (a date) is never so: "no one died" and "two died" are one toll in conflict.
pub(crate) fn beyond_revision(a: &Value, b: &Value) -> bool {
    match (a.magnitude(), b.magnitude()) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) > REVISION_FACTOR * x.min(y),
        _ => false,
    }
}

fn signature<'m>(m: &'m Mention, langs: &'m [String], rules: &RuleSet) -> Signature<'m> {
    let slot = |name: &str| {
        m.context
            .get(name)
            .into_iter()
            .flatten()
            .map(String::as_str)
    };
    let unit = slot("unit");
    let speaker: Vec<String> = m
        .speaker
        .as_deref()
        .map(|s| {
            s.split_whitespace()
                .map(|w| crate::extract::slug(w).chars().take(5).collect())
                .collect()
        })
        .unwrap_or_default();
    let owner = slot("owner").find(|t| {
        t.strip_prefix('#').is_some_and(|id| {
            !rules.concepts.get(id).is_some_and(|c| c.actor)
                && !speaker
                    .iter()
                    .any(|w| w.starts_with(id) || id.starts_with(w.as_str()))
        })
    });
    Signature {
        owner,
        periods: super::periods(m, rules),
        projected: slot("projected").next().is_some(),
        owner_entity: slot("owner-entity").next(),
        lang: langs.get(m.article).map_or("", String::as_str),
        local: slot("local").collect(),
        neutral: slot("shared")
            .chain(slot("names"))
            .chain(slot("with"))
            .chain(unit.clone().filter(|u| u.starts_with('@')))
            .collect(),
        lexical: m
            .words
            .iter()
            .map(String::as_str)
            .filter(|w| !w.starts_with(['@', '#']))
            .chain(unit.clone().filter(|u| u.starts_with('~')))
            .collect(),
        near: slot("near").collect(),
        unit: unit.collect(),
    }
}

/// Whether two counted words share a concept ("workers" is @person and @worker,
/// "empleados" @worker) or are one word.
fn units_meet(a: &[&str], b: &[&str]) -> bool {
    a.iter().any(|u| b.contains(u))
}

/// The concepts a counted word is told by when two figures differ: its narrower ones
/// when it has any ("crew" is @crew, not @person), else all of them.
fn narrowest<'a>(unit: &[&'a str], rules: &RuleSet) -> Vec<&'a str> {
    let broad = |u: &&str| rules.concept_of(u).is_some_and(|c| c.broad);
    let narrow: Vec<&str> = unit.iter().copied().filter(|u| !broad(u)).collect();
    if narrow.is_empty() {
        unit.to_vec()
    } else {
        narrow
    }
}

/// Whether a value is specific enough that two articles rarely give it by chance: a day
/// date, a time of day, or a number with two significant digits or more ("42,000", "6.8",
/// "28"), not a round one ("3", "2,000") nor a year.
fn distinctive(v: &Value) -> bool {
    let number = match v {
        Value::Date(d) => {
            return d
                .interval()
                .is_some_and(|iv| iv.granularity == Granularity::Day);
        }
        // A minute of a day.
        Value::Time(_) => return true,
        Value::Money { amount, .. } | Value::Count(amount) => amount.f64(),
        Value::Percent(x) | Value::Factor(x) | Value::Measure(x, _) => *x,
        Value::Duration(x, _) => *x,
    };
    significant_digits(number) >= 2
}

/// The digits of a number between its first and last non-zero one ("42,000" 2, "6.8" 2,
/// "154 billion" 3).
fn significant_digits(x: f64) -> usize {
    let digits: String = format!("{}", x.abs())
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.trim_matches('0').len()
}

/// Whether a figure is so specific that two articles giving it, each once, give the same
/// figure: a minute of a given day, three significant digits ("154 billion euros",
/// "110.6%", "1,286"), or two for an amount, a percentage, a measurement, a duration or a
/// count of a hundred thousand or more ("21 billion euros", "4.9%", "26 km", "24 years",
/// "8.5 million devices").
fn telling(v: &Value) -> bool {
    let (number, min) = match v {
        Value::Money { amount, .. } => (amount.f64(), 2),
        Value::Percent(x) | Value::Measure(x, _) | Value::Duration(x, _) => (*x, 2),
        Value::Count(x) if x.f64() >= 100_000.0 => (x.f64(), 2),
        Value::Count(x) => (x.f64(), 3),
        Value::Factor(x) => (*x, 3),
        // A minute of a given day ("2.50 Uhr" on 11 September, "pukul 02.50"), not a
        // round hour ("um 9 Uhr").
        Value::Time(t) => return t.date.is_some() && t.minute != 0,
        Value::Date(_) => return false,
    };
    significant_digits(number) >= min
}

/// What kind of figure a value is, for telling figures of one kind apart: its variant,
/// with a date's granularity and a measure's unit.
fn shape(
    v: &Value,
) -> (
    std::mem::Discriminant<Value>,
    Option<Granularity>,
    Option<&str>,
) {
    let granularity = match v {
        Value::Date(d) => d.interval().map(|iv| iv.granularity),
        _ => None,
    };
    let unit = match v {
        Value::Measure(_, u) => Some(u.as_str()),
        Value::Money { currency, .. } => Some(currency.as_str()),
        _ => None,
    };
    (std::mem::discriminant(v), granularity, unit)
}

/// Two times of day this many minutes apart or fewer may be one moment told two ways.
const MOMENT_MINUTES: i64 = 30;

/// Minutes between two times of one day (compared in UTC when both give a zone); `None`
/// when their days differ.
fn minutes_apart(a: &crate::normalize::TimeOfDay, b: &crate::normalize::TimeOfDay) -> Option<i64> {
    // With one zone only, the clock times as printed (a local time and its zone).
    let utc = a.offset.is_some() && b.offset.is_some();
    let ((da, ma), (db, mb)) = (a.instant(utc), b.instant(utc));
    (da == db).then(|| (ma - mb).abs())
}

/// For a date or a time of day with its day, its interval (`None` inside when it has
/// none); `None` for any other value. Two times of day without days are compared by
/// `MOMENT_MINUTES`, not here.
fn dated(v: &Value) -> Option<Option<crate::time::Interval>> {
    match v {
        Value::Date(d) => Some(d.interval()),
        Value::Time(t) => t.date.map(|d| Some(crate::time::Interval::day(d))),
        _ => None,
    }
}

/// A map from mention index to a value, as a vector: the linker looks its maps up for
/// every pair it weighs, and a 1,000-article story weighs millions.
pub(super) struct Dense<T>(Vec<Option<T>>);

impl<T> Default for Dense<T> {
    fn default() -> Self {
        Dense(Vec::new())
    }
}

impl<T> Dense<T> {
    pub(super) fn get(&self, i: &usize) -> Option<&T> {
        self.0.get(*i).and_then(Option::as_ref)
    }

    fn insert(&mut self, i: usize, v: T) {
        if self.0.len() <= i {
            self.0.resize_with(i + 1, || None);
        }
        self.0[i] = Some(v);
    }

    /// The entries in index order.
    fn iter(&self) -> impl Iterator<Item = (usize, &T)> {
        self.0
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.as_ref().map(|v| (i, v)))
    }
}

impl<T> std::ops::Index<&usize> for Dense<T> {
    type Output = T;
    fn index(&self, i: &usize) -> &T {
        self.get(i).expect("an entry for this mention")
    }
}

/// The reasons [`Linker::weigh`] gives when two sentences that agree share too little: the
/// only ones [`Linker::pooled`] may lift by what other mentions share.
const SHARED_CONTEXT: [&str; 3] = [
    "fewer than two shared tokens",
    "agree, but nothing beside both and not distinctive",
    "agree, but too little shared context",
];

/// What the contexts of two mentions share, as [`Linker::weigh`] measures it and
/// [`Linker::pooled`] pools it. Pairs of fields are (first mention, second mention).
struct Overlap<'m> {
    same_lang: bool,
    /// Tokens both give: language-neutral ones, and stems too within one language.
    shared: Vec<&'m str>,
    /// Each side's tokens that could be shared.
    base: [Vec<&'m str>; 2],
    /// Rare words both begin alike (the very same value across languages only): their
    /// count and weight, and each side's weight of such words the other language has.
    cognate_count: usize,
    cognate_weight: f64,
    cognate: [f64; 2],
    /// Tokens right beside both values.
    beside: Vec<&'m str>,
    /// Each side's tokens beside its value that could be shared, names aside.
    near: [Vec<&'m str>; 2],
    /// Each side's words right around its value (concepts only across languages).
    local: [Vec<&'m str>; 2],
}

impl<'m> Overlap<'m> {
    /// The smaller side's weight of what it could share.
    fn small(&self, linker: &Linker<'m>) -> f64 {
        (linker.total(self.base[0].iter()) + self.cognate[0])
            .min(linker.total(self.base[1].iter()) + self.cognate[1])
    }

    /// The share of what stands beside the values, names aside, that both have.
    fn near(&self, linker: &Linker<'m>) -> f64 {
        let beside = linker.total(self.beside.iter().filter(|t| !t.starts_with('#')));
        let small = linker
            .total(self.near[0].iter())
            .min(linker.total(self.near[1].iter()));
        beside / small.max(1e-9)
    }

    /// The share of the words right around the values that both have.
    fn local(&self) -> f64 {
        let [la, lb] = &self.local;
        let both = la.iter().filter(|w| lb.contains(w)).count();
        both as f64 / la.len().min(lb.len()).max(1) as f64
    }
}

/// The links between value mentions of one story.
pub(super) struct Linker<'m> {
    mentions: &'m [Mention],
    rules: &'m RuleSet,
    sigs: Dense<Signature<'m>>,
    /// Inverse sentence frequency of each token.
    weights: BTreeMap<&'m str, f64>,
    /// The value mentions of each article.
    by_article: BTreeMap<usize, Vec<usize>>,
    /// Each mention's value as an id: equal values (with their approximation) share one,
    /// so that comparisons are made once per pair of distinct values.
    value_id: Dense<usize>,
    values: Vec<(Value, Approx)>,
    /// Each mention's value without its approximation ("about 154 billion" and "154
    /// billion" share one), and each article's sentences (starts) per such figure.
    figure: Dense<usize>,
    figure_sentences: BTreeMap<(usize, usize), BTreeSet<usize>>,
    /// The figures each article gives of each counted thing (a concept: "@passenger").
    unit_figures: BTreeMap<(usize, &'m str), BTreeSet<usize>>,
    /// Every neutral or nearby token of each language's value mentions: across two
    /// languages, only a token the other language has somewhere in the story can be shared,
    /// so only such tokens count ("Milliarden Euro", capitalized as a German noun, is no
    /// name a French article could give).
    vocab: BTreeMap<&'m str, BTreeSet<&'m str>>,
    /// Each language's words that may be shared with another language's: long enough and
    /// rare in the story ([`COGNATE_LETTERS`], [`COGNATE_SENTENCES`]).
    cognate_vocab: BTreeMap<&'m str, BTreeSet<usize>>,
    /// Each mention's rare cognate keys ([`cognate_key`]): ids into `cognate_weights`.
    cognate_keys: Dense<BTreeSet<usize>>,
    cognate_weights: Vec<f64>,
    /// The value mentions each owner has in each sentence (article, start).
    owners: BTreeMap<(usize, usize), BTreeMap<&'m str, Vec<usize>>>,
    /// Each mention's measured dimension ([`dimension`]: an amount of one currency, a measure
    /// in one unit) as an id, when its figure is the only one of that dimension its article
    /// gives.
    sole_dims: Dense<usize>,
}

/// What a value measures, when an article gives few such values: an amount of one currency
/// (`money USD`) or a measure in one unit (`measure cm`). None for counts, percentages,
/// durations, dates and times, which an article gives many of, of many things (with
/// durations, "in two days" and "four days later" made most of the false conflicts), and
/// for a measure in a varying unit (`Settings::varying_units`: a temperature).
fn dimension(v: &Value, rules: &RuleSet) -> Option<String> {
    match v {
        Value::Money { currency, .. } => Some(format!("money {currency}")),
        Value::Measure(_, unit) if !rules.settings.varying_units.contains(unit) => {
            Some(format!("measure {unit}"))
        }
        _ => None,
    }
}

impl<'m> Linker<'m> {
    /// A linker over the value mentions `idx` (events and quantities with a context).
    pub(super) fn new(
        idx: &[usize],
        mentions: &'m [Mention],
        langs: &'m [String],
        rules: &'m RuleSet,
    ) -> Linker<'m> {
        let mut sigs: Dense<Signature> = Dense::default();
        // A developer's trace: `CROSSCHECK_DEBUG_SIG=VALUE` prints, on stderr, what each
        // mention whose value holds VALUE brings to linking.
        let probe = std::env::var("CROSSCHECK_DEBUG_SIG").ok();
        for &i in idx {
            let sig = signature(&mentions[i], langs, rules);
            if let Some(p) = &probe {
                let m = &mentions[i];
                let value = m.value.as_ref().map(Value::canonical).unwrap_or_default();
                if value.contains(p.as_str()) {
                    eprintln!(
                        "sig {}:{} {value}: near {:?} neutral {:?} lexical {:?} unit {:?} owner {:?}",
                        m.file, m.line, sig.near, sig.neutral, sig.lexical, sig.unit, sig.owner
                    );
                }
            }
            sigs.insert(i, sig);
        }
        let mut df: BTreeMap<&str, usize> = BTreeMap::new();
        let mut seen = BTreeSet::new();
        // Cognate keys ([`cognate_key`]), interned, read once per sentence (its mentions
        // share its words) and counted once per sentence. A rare name is both a name
        // (`#pinau`) and a key (`pinau`): two reports of one figure that share little else
        // often share its owner's name ("the Pinault family's 100 million euros").
        let mut key_ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut key_df: Vec<usize> = Vec::new();
        let mut sentence_keys: BTreeMap<(usize, usize), BTreeSet<usize>> = BTreeMap::new();
        for &i in idx {
            let sentence = (mentions[i].article, mentions[i].start);
            if seen.insert(sentence) {
                let s = &sigs[&i];
                for t in s.neutral.union(&s.lexical) {
                    *df.entry(t).or_default() += 1;
                }
                let mut keys = BTreeSet::new();
                for k in s.lexical.iter().filter_map(|t| cognate_key(t)) {
                    let id = *key_ids.entry(k).or_insert_with(|| {
                        key_df.push(0);
                        key_df.len() - 1
                    });
                    if keys.insert(id) {
                        key_df[id] += 1;
                    }
                }
                sentence_keys.insert(sentence, keys);
            }
        }
        let n = seen.len().max(1) as f64;
        let weights = df
            .into_iter()
            .map(|(t, d)| (t, (1.0 + n / d as f64).ln()))
            .collect();
        let mut vocab: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (_, s) in sigs.iter() {
            vocab
                .entry(s.lang)
                .or_default()
                .extend(s.neutral.iter().chain(&s.near).copied());
        }
        // Each mention's rare keys, and each language's.
        let mut cognate_vocab: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        let mut cognate_keys: Dense<BTreeSet<usize>> = Dense::default();
        for &i in idx {
            let rare: BTreeSet<usize> = sentence_keys
                .get(&(mentions[i].article, mentions[i].start))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&k| key_df[k] <= COGNATE_SENTENCES)
                .collect();
            cognate_vocab
                .entry(sigs[&i].lang)
                .or_default()
                .extend(rare.iter().copied());
            cognate_keys.insert(i, rare);
        }
        let cognate_weights: Vec<f64> = key_df
            .iter()
            .map(|&d| (1.0 + n / d.max(1) as f64).ln())
            .collect();
        let mut by_article: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in idx {
            by_article.entry(mentions[i].article).or_default().push(i);
        }
        let mut values: Vec<(Value, Approx)> = Vec::new();
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut value_id = Dense::default();
        let mut figures: BTreeMap<String, usize> = BTreeMap::new();
        let mut figure = Dense::default();
        let mut figure_sentences: BTreeMap<(usize, usize), BTreeSet<usize>> = BTreeMap::new();
        for &i in idx {
            if let Some(v) = &mentions[i].value {
                let canonical = v.canonical();
                let n = figures.len();
                let f = *figures.entry(canonical.clone()).or_insert(n);
                figure.insert(i, f);
                figure_sentences
                    .entry((mentions[i].article, f))
                    .or_default()
                    .insert(mentions[i].start);
                let key = format!("{}{canonical}", mentions[i].approx.sign());
                let id = *ids.entry(key).or_insert_with(|| {
                    values.push((v.clone(), mentions[i].approx));
                    values.len() - 1
                });
                value_id.insert(i, id);
            }
        }
        let mut unit_figures: BTreeMap<(usize, &str), BTreeSet<usize>> = BTreeMap::new();
        for (i, sig) in sigs.iter() {
            if let (Some(u), Some(&f)) = (sig.unit.first(), figure.get(&i))
                && u.starts_with('@')
            {
                unit_figures
                    .entry((mentions[i].article, *u))
                    .or_default()
                    .insert(f);
            }
        }
        let mut owners: BTreeMap<(usize, usize), BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
        for (i, sig) in sigs.iter() {
            if let Some(o) = sig.owner {
                owners
                    .entry((mentions[i].article, mentions[i].start))
                    .or_default()
                    .entry(o)
                    .or_default()
                    .push(i);
            }
        }
        // Each article's figures of each dimension; a mention's dimension counts when its
        // figure is the only one.
        let mut dim_ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut dims: Vec<(usize, usize, usize)> = Vec::new();
        let mut dim_figures: BTreeMap<(usize, usize), BTreeSet<usize>> = BTreeMap::new();
        for &i in idx {
            if let (Some(d), Some(&f)) = (
                mentions[i].value.as_ref().and_then(|v| dimension(v, rules)),
                figure.get(&i),
            ) {
                let n = dim_ids.len();
                let d = *dim_ids.entry(d).or_insert(n);
                dim_figures
                    .entry((mentions[i].article, d))
                    .or_default()
                    .insert(f);
                dims.push((i, mentions[i].article, d));
            }
        }
        let mut sole_dims = Dense::default();
        for (i, article, d) in dims {
            if dim_figures[&(article, d)].len() == 1 {
                sole_dims.insert(i, d);
            }
        }
        Linker {
            sole_dims,
            owners,
            mentions,
            rules,
            unit_figures,
            sigs,
            weights,
            by_article,
            vocab,
            cognate_vocab,
            cognate_keys,
            cognate_weights,
            value_id,
            values,
            figure,
            figure_sentences,
        }
    }

    /// How the values of two mentions compare: `Some(true)` they differ, `Some(false)`
    /// they agree, `None` they cannot be compared (or one has no value).
    fn relation(&self, a: usize, b: usize) -> Option<bool> {
        let (x, y) = (*self.value_id.get(&a)?, *self.value_id.get(&b)?);
        let ((vx, ax), (vy, ay)) = (&self.values[x], &self.values[y]);
        values_differ(vx, *ax, vy, *ay, 0.0)
    }

    fn total<'a>(&self, ts: impl Iterator<Item = &'a &'m str>) -> f64
    where
        'm: 'a,
    {
        ts.map(|t| self.weights.get(t).copied().unwrap_or(1.0))
            .sum()
    }

    /// Whether an article gives, about the same thing as mention `of` (a concept or the
    /// counted word beside both), a value that agrees with mention `other`'s: then it does
    /// not contradict it, whatever its other figure belongs to ("the union demands 555 euros; the company
    /// offers 410 euros" against "555 euros").
    fn gives(&self, article: usize, of: usize, other: usize) -> bool {
        let kind = self.mentions[of].kind;
        let Some(so) = self.sigs.get(&of) else {
            return false;
        };
        self.by_article.get(&article).is_some_and(|idx| {
            idx.iter().any(|&c| {
                let mc = &self.mentions[c];
                // The same thing: a concept, or the counted word, beside both.
                let same_thing = || {
                    self.sigs.get(&c).is_some_and(|sc| {
                        sc.near
                            .intersection(&so.near)
                            .any(|t| t.starts_with(['@', '~']))
                            || units_meet(&sc.unit, &so.unit)
                    })
                };
                // A day does not settle a time of that day: "29 December" leaves "9:03"
                // and "9:07" apart.
                let precise = !matches!(self.mentions[other].value, Some(Value::Time(_)))
                    || matches!(mc.value, Some(Value::Time(_)));
                // Cheapest first: the comparison is cached, the shared words are not.
                mc.kind == kind && precise && self.relation(c, other) == Some(false) && same_thing()
            })
        })
    }

    /// The strength of the link between two mentions in different articles, if any: at
    /// least two shared tokens, one of them beside both values, and a weighted share of
    /// `value_agreement` (values that agree; half of it for distinctive values) or
    /// `value_conflict` (values that differ; then also three shared tokens, the same
    /// counted word, a concept beside both, the same words right around both values, no
    /// agreeing value in either article, numbers within a factor of five, days within the
    /// event window, figures of overlapping periods).
    pub(super) fn link(&self, a: usize, b: usize) -> Option<f64> {
        self.weigh(a, b).ok()
    }

    /// [`Linker::link`], with the reason when there is no link (for `CROSSCHECK_DEBUG_LINK`).
    fn weigh(&self, a: usize, b: usize) -> Result<f64, &'static str> {
        let settings = &self.rules.settings;
        let (ma, mb) = (&self.mentions[a], &self.mentions[b]);
        if ma.article == mb.article || ma.kind != mb.kind {
            return Err("same article or another kind");
        }
        let (Some(va), Some(vb)) = (&ma.value, &mb.value) else {
            return Err("no value");
        };
        let differ = self.relation(a, b).ok_or("values not comparable")?;
        // "The first package" and "a second package" are two things.
        if ma.other_rank(mb) {
            return Err("other ranks");
        }
        // Time elapsed up to an article's day ("two weeks ago", "il y a trois
        // semaines") is told of that day: articles of other days give other times.
        if ma.elapsed != mb.elapsed {
            return Err("elapsed time told on another day");
        }
        // The day something was told ("Darmanin said on Monday") never contradicts the day
        // of an event ("a second day of cancelled trains on Saturday"); it may agree with it
        // ("announced on Monday" and "the announcement on Monday").
        if differ && ma.context.contains_key("told") != mb.context.contains_key("told") {
            return Err("a day something was told against another day");
        }
        // A figure told as background (an earlier event's) never contradicts the story's.
        if differ && (ma.backdrop != mb.backdrop || ma.part != mb.part) {
            return Err("background or part against the story's figure");
        }
        // The same telling figure, given once in each article, is one figure whatever the
        // words around it (across languages they rarely share enough of them) and whatever
        // period each article's sentence seems to give it ("l'an dernier", none at all).
        if !differ
            && telling(va)
            && self.figure.get(&a) == self.figure.get(&b)
            && self.once(a)
            && self.once(b)
        {
            return Ok(1.0);
        }
        // The only age each article gives, the same in both ("âgé de 70 ans", "Der
        // 70-Jährige", "The 70-year-old"): one person's age, whatever day each article was
        // written and whatever period its paragraph names.
        if self
            .attribute(a)
            .is_some_and(|u| self.attribute(b) == Some(u))
        {
            if !differ && self.sole_count(a) && self.sole_count(b) {
                return Ok(1.0);
            }
            // The same age given once in each article ("Abe, 67", "âgé de 67 ans"), among
            // others: one person's, as two people of one story are rarely of one age.
            if !differ && self.once(a) && self.once(b) {
                return Ok(1.0);
            }
            // Two different ages are most often two people's ("the 22-year-old suspect",
            // "a 31-year-old father"): never one conflict.
            if differ {
                return Err("two different ages");
            }
        }
        // A past day or month each article names once, and no other date of that time
        // ("16 de abril de 2016", "April 2016"): one date told at two precisions.
        if !differ
            && let (Value::Date(da), Value::Date(db)) = (va, vb)
            && let (Some(x), Some(y)) = (da.interval(), db.interval())
            && x.granularity != Granularity::Year
            && y.granularity != Granularity::Year
            && self.sole_date(a, &y)
            && self.sole_date(b, &x)
        {
            return Ok(1.0);
        }
        // Two different dates are one event told two ways only when both are days at most
        // `event_window_days` apart, as for the frames' events; otherwise two events.
        // A time of day counts as its day here ("18:20 on 19 January" against "29 January").
        if differ && let (Some(da), Some(db)) = (dated(va), dated(vb)) {
            let close = match (da, db) {
                (Some(x), Some(y)) => {
                    x.granularity == Granularity::Day
                        && y.granularity == Granularity::Day
                        && x.gap_days(&y) <= settings.event_window_days
                }
                _ => false,
            };
            if !close {
                return Err("two dates too far apart");
            }
        }
        if let (Some(pa), Some(pb)) = (
            ma.period.as_ref().and_then(DateValue::interval),
            mb.period.as_ref().and_then(DateValue::interval),
        ) && ma.kind == Kind::Quantity
            && !pa.overlaps(&pb)
            // As for a frame's count without a period: a day or a month is when the figure
            // was given, and two such within `count_window_days` are one time; two years
            // are two figures.
            && (pa.granularity == Granularity::Year
                || pb.granularity == Granularity::Year
                || pa.gap_days(&pb) > settings.count_window_days)
        {
            return Err("periods apart");
        }
        let (sa, sb) = (
            self.sigs.get(&a).ok_or("no signature")?,
            self.sigs.get(&b).ok_or("no signature")?,
        );
        // A quarter's revenue and a year's are two figures.
        if ma.kind == Kind::Quantity && super::other_periods(&sa.periods, &sb.periods) {
            return Err("other periods named");
        }
        // A figure told beside an act and one told beside the opposite act ("rejected an
        // offer of a 35% raise", "agreed to a 38% raise") are two figures.
        if differ && self.opposed(sa, sb) {
            return Err("opposite acts");
        }
        // A projection ("the government had forecast 4.9%", "the quick count gave 39.4%")
        // and the figure once known are two figures.
        if differ && sa.projected != sb.projected {
            return Err("a projection against the figure");
        }
        let o = self.overlap(a, b, differ);
        // Two times of one day, minutes apart, each the only time its article gives beside
        // a concept both share ("crashed at 9:03", "s'est écrasé à 9 h 07"): one moment told
        // two ways.
        if differ
            && let (Value::Time(ta), Value::Time(tb)) = (va, vb)
            && let Some(minutes) = minutes_apart(ta, tb)
            && minutes <= MOMENT_MINUTES
        {
            let common: BTreeSet<&str> = self
                .beside_concepts(a)
                .intersection(&self.beside_concepts(b))
                .copied()
                .collect();
            let settled = self.gives(mb.article, a, a) || self.gives(ma.article, b, b);
            if !common.is_empty()
                && !settled
                && self.only_time(a, &common)
                && self.only_time(b, &common)
            {
                return Ok(1.0);
            }
        }
        // The only amount of one currency or measure in one unit each article gives
        // (`sole_dims`), beside a concept both share: a candidate for one
        // figure told two ways however little else the sentences share (see below).
        let sole_pair = differ
            && self
                .sole_dims
                .get(&a)
                .is_some_and(|d| self.sole_dims.get(&b) == Some(d))
            && o.beside.iter().any(|t| t.starts_with('@'));
        let same_unit = self.same_unit(a, b, differ);
        let concept_beside = o.beside.iter().any(|t| t.starts_with('@'));
        let same_act = concept_beside || (same_unit && !sa.unit.is_empty());
        // Two reports of one figure differ by a revision or a misreading, not by more than
        // a factor of five: "5 villages" and "500 homes" are two figures, and "up to 1,300
        // missing" does not agree with "62 bridges". Unlike a frame's toll
        // ([`beyond_revision`]), a zero is apart from any other figure here: with no frame
        // to say what it counts, "0" and "3" are rarely one thing.
        if let (Some(x), Some(y)) = (va.magnitude(), vb.magnitude())
            && x.max(y) > REVISION_FACTOR * x.min(y)
        {
            return Err("more than a factor of five apart");
        }
        // Two counted things that can be compared (two concepts, or two words of one
        // language) must be the same thing.
        let comparable_units = match (sa.unit.first(), sb.unit.first()) {
            (Some(x), Some(y)) => {
                (x.starts_with('@') && y.starts_with('@'))
                    || (x.starts_with('~') && y.starts_with('~') && o.same_lang)
            }
            _ => false,
        };
        if comparable_units && !same_unit {
            return Err("other counted things");
        }
        // A value that belongs to a name, against a value whose sentence gives that name a
        // figure of its own ("38.1% for Apruebo" and "62.2% for Rechazo against 37.8% for
        // Apruebo"): the votes of two options are two figures.
        let other_owners = |x: Option<&str>, j: usize, y: Option<&str>| {
            x.is_some_and(|x| y != Some(x) && self.names_figure(j, x))
        };
        if differ && (other_owners(sa.owner, b, sb.owner) || other_owners(sb.owner, a, sa.owner)) {
            return Err("the other sentence gives the owner a figure of its own");
        }
        // Two values that belong to two known names ("the S&P 500 lost 4.7%", "the Dow
        // Jones fell 4.42%") are two figures.
        if differ
            && sa
                .owner_entity
                .zip(sb.owner_entity)
                .is_some_and(|(x, y)| x != y)
        {
            return Err("two named owners");
        }
        // An article that gives, of the same thing, a value agreeing with the other's does
        // not contradict it.
        if differ && (self.gives(mb.article, a, a) || self.gives(ma.article, b, b)) {
            return Err("differ, but an article gives an agreeing value");
        }
        // Every check above is one no other sentence can lift; those below weigh how much
        // the two sentences share ([`Linker::pooled`] weighs them over several).
        let small = o.small(self);
        if !sole_pair && (o.shared.len() + o.cognate_count < 2 || small <= 0.0) {
            return Err("fewer than two shared tokens");
        }
        let sim = (self.total(o.shared.iter()) + o.cognate_weight) / small.max(1e-9);
        let near = o.near(self);
        if !differ {
            // A value few sentences would give by chance ("42,000", "11 August 2023")
            // needs half the context that "3" or "2023" needs; so does one that counts the
            // same thing beside the same act ("three trains collided", "three-train
            // collision").
            let counted = same_unit && !sa.unit.is_empty() && concept_beside;
            let rare = distinctive(va) && distinctive(vb);
            let Some(needed) = self.agreement_needed(o.beside.is_empty(), rare, counted) else {
                return Err("agree, but nothing beside both and not distinctive");
            };
            return if sim >= needed {
                Ok(sim + near)
            } else {
                Err("agree, but too little shared context")
            };
        }
        let within_two = matches!((va.magnitude(), vb.magnitude()), (Some(x), Some(y)) if x.max(y) <= 2.0 * x.min(y));
        // The only figure each article gives of one counted thing ("56 penumpang", "50
        // passengers"), within a factor of two: one count told two ways.
        if same_unit && self.sole_count(a) && self.sole_count(b) && within_two {
            return Ok(1.0);
        }
        // The only amount of one currency or measure in one unit each article gives, within
        // a factor of two, beside a concept both share: one figure told two ways ("sinking
        // by up to 20 cm a year", "s'enfonce de 25 cm par an"). Counts, percentages and
        // durations are not so: an article gives many, of many things.
        if sole_pair && within_two {
            return Ok(1.0);
        }
        if !same_unit {
            return Err("differ, not the same counted thing");
        }
        let checks = [
            (
                sim >= settings.value_conflict,
                "differ, too little shared context",
            ),
            (!o.beside.is_empty(), "differ, nothing beside both"),
            (o.local() >= 0.5, "differ, words around the values differ"),
            (near >= 0.5, "differ, too little beside both"),
            (
                o.shared.len() >= 3 || (concept_beside && o.beside.len() >= 2),
                "differ, fewer than three shared tokens",
            ),
            (same_act, "differ, no concept beside both"),
        ];
        match checks.iter().find(|(ok, _)| !ok) {
            Some((_, why)) => Err(why),
            None => Ok(sim + near),
        }
    }

    /// Whether two mentions count the same thing: neither counts anything, or both count
    /// one. Differing figures, and a bound that merely allows the other figure, must count
    /// the same narrow thing: "six crew members" and "eight people" are two figures, though
    /// crew are people, and "more than 400 people" says nothing of "1,500 firefighters".
    /// One figure told of people and of workers is one.
    fn same_unit(&self, a: usize, b: usize, differ: bool) -> bool {
        let (Some(sa), Some(sb)) = (self.sigs.get(&a), self.sigs.get(&b)) else {
            return false;
        };
        let (ma, mb) = (&self.mentions[a], &self.mentions[b]);
        (sa.unit.is_empty() && sb.unit.is_empty())
            || if differ || ma.approx.is_bound() || mb.approx.is_bound() {
                units_meet(
                    &narrowest(&sa.unit, self.rules),
                    &narrowest(&sb.unit, self.rules),
                )
            } else {
                units_meet(&sa.unit, &sb.unit)
            }
    }

    /// What the contexts of mentions `a` and `b` share (see [`Overlap`]).
    fn overlap(&self, a: usize, b: usize, differ: bool) -> Overlap<'m> {
        let (sa, sb) = (&self.sigs[&a], &self.sigs[&b]);
        let same_lang = sa.lang == sb.lang;
        let mut shared: Vec<&'m str> = sa.neutral.intersection(&sb.neutral).copied().collect();
        let empty = BTreeSet::new();
        let (va_lang, vb_lang) = (
            self.vocab.get(sa.lang).unwrap_or(&empty),
            self.vocab.get(sb.lang).unwrap_or(&empty),
        );
        // What each side could share with the other's language. Only agreement is
        // measured so: a conflict keeps the whole context against it.
        let filter = !same_lang && !differ;
        // Two sides of a conflict are told by different people ("according to Listyo",
        // "Komnas HAM counted"): who tells a different value does not count against it,
        // what they tell does.
        let told = |t: &&'m str| !differ || !t.starts_with('#');
        let can_a = |t: &&'m str| told(t) && (!filter || vb_lang.contains(*t));
        let can_b = |t: &&'m str| told(t) && (!filter || va_lang.contains(*t));
        let mut base_a: Vec<&'m str> = sa.neutral.iter().filter(|t| can_a(t)).copied().collect();
        let mut base_b: Vec<&'m str> = sb.neutral.iter().filter(|t| can_b(t)).copied().collect();
        if same_lang {
            shared.extend(sa.lexical.intersection(&sb.lexical).copied());
            base_a.extend(sa.lexical.iter().copied());
            base_b.extend(sb.lexical.iter().copied());
        }
        // Across languages, the very same value (same figure and approximation, not merely a
        // compatible one: "323" and "more than 200") may also rest on a rare word both begin
        // alike ([`COGNATE_LETTERS`]); cognates never count between differing values.
        let (mut cognate_count, mut cognate_weight, mut cognate_a, mut cognate_b) =
            (0, 0.0, 0.0, 0.0);
        if !same_lang
            && self.value_id.get(&a) == self.value_id.get(&b)
            && let (Some(ka), Some(kb)) = (self.cognate_keys.get(&a), self.cognate_keys.get(&b))
        {
            let none = BTreeSet::new();
            let (ca, cb) = (
                self.cognate_vocab.get(sa.lang).unwrap_or(&none),
                self.cognate_vocab.get(sb.lang).unwrap_or(&none),
            );
            let w = |k: &usize| self.cognate_weights[*k];
            for k in ka.intersection(kb) {
                cognate_count += 1;
                cognate_weight += w(k);
            }
            cognate_a = ka.iter().filter(|k| cb.contains(k)).map(w).sum();
            cognate_b = kb.iter().filter(|k| ca.contains(k)).map(w).sum();
        }
        // How much of what stands beside the values, names aside, they share: the
        // speakers of two sides of a conflict differ ("according to Listyo", "Komnas HAM
        // counted"), the thing they count does not.
        let what = |t: &&'m str| !t.starts_with('#');
        // The words right around both values say the same: in one language their stems,
        // across languages their concepts.
        let words = |s: &Signature<'m>| -> Vec<&'m str> {
            s.local
                .iter()
                .copied()
                .filter(|w| same_lang || w.starts_with('@'))
                .collect()
        };
        Overlap {
            same_lang,
            shared,
            base: [base_a, base_b],
            cognate: [cognate_a, cognate_b],
            cognate_count,
            cognate_weight,
            beside: sa.near.intersection(&sb.near).copied().collect(),
            near: [
                sa.near
                    .iter()
                    .filter(|t| what(t) && can_a(t))
                    .copied()
                    .collect(),
                sb.near
                    .iter()
                    .filter(|t| what(t) && can_b(t))
                    .copied()
                    .collect(),
            ],
            local: [words(sa), words(sb)],
        }
    }

    /// The share of shared context two agreeing values need (`value_agreement`), or none
    /// when nothing stands beside both and the value is not distinctive. Nothing beside
    /// both: only a distinctive value in sentences that say much the same ("Dix-sept
    /// d'entre elles … ont réussi à sortir", "Les dix-sept rescapés … sont sortis"). A
    /// distinctive value, or one that counts the same thing beside a concept, needs half.
    fn agreement_needed(&self, nothing_beside: bool, rare: bool, counted: bool) -> Option<f64> {
        let full = self.rules.settings.value_agreement;
        if nothing_beside {
            rare.then_some(full)
        } else if rare || counted {
            Some(full / 2.0)
        } else {
            Some(full)
        }
    }

    /// Whether two of a claim's mentions, of two articles, give values that differ (each
    /// pair of distinct values compared once).
    fn in_conflict(&self, members: &[usize]) -> bool {
        let mut seen: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for &m in members {
            if let Some(&v) = self.value_id.get(&m) {
                seen.entry(v).or_default().insert(self.mentions[m].article);
            }
        }
        let distinct: Vec<(&usize, &BTreeSet<usize>)> = seen.iter().collect();
        distinct.iter().enumerate().any(|(i, (x, ax))| {
            distinct[i + 1..].iter().any(|(y, ay)| {
                // Two articles between them, and values that cannot both hold.
                ax.union(ay).nth(1).is_some() && self.values_differ(**x, **y)
            })
        })
    }

    /// Whether the claim of one article `lone` (its first mention `s` and the others of its
    /// figure) is the very figure that `members` (mentions of other articles, of one
    /// claim) give, with what their sentences share with its own pooled: "Lufthansa
    /// scrapped 9 flights" shares the airline with one report of 9 flights and the
    /// cancelling with another. Each member that gives the very figure passes every check
    /// of [`Linker::weigh`] with `s` but those of shared context, and the shared context of
    /// all of them together reaches what one pair would need. A figure that differs from
    /// some of the claim's is left out unless the claim is `in_conflict` already (the
    /// caller makes sure with the judge that no join brings a conflict of its own). The
    /// weight is the pooled share of shared context, or infinite when `s` links to a member
    /// outright.
    pub(super) fn pooled(
        &self,
        lone: &[usize],
        members: &[usize],
        in_conflict: bool,
    ) -> Result<f64, &'static str> {
        let s = *lone.first().ok_or("no mention")?;
        let ss = self.sigs.get(&s).ok_or("no signature")?;
        let mut differs = false;
        for &b in members {
            differs |= self.relation(s, b).ok_or("values not comparable")?;
        }
        if differs && !in_conflict {
            return Err("pooled: differs from a figure of the claim");
        }
        let same: Vec<usize> = members
            .iter()
            .copied()
            .filter(|b| self.figure.get(b) == self.figure.get(&s))
            .collect();
        if same.is_empty() {
            return Err("pooled: no member gives the very figure");
        }
        let mut shared: BTreeSet<&'m str> = BTreeSet::new();
        let mut beside: BTreeSet<&'m str> = BTreeSet::new();
        let mut base: BTreeSet<&'m str> = BTreeSet::new();
        let (mut other_base, mut cognate, mut cognate_base, mut cognates) =
            (0.0_f64, 0.0_f64, 0.0_f64, 0);
        let mut counted = false;
        for &b in &same {
            match self.weigh(s, b) {
                Ok(_) => return Ok(f64::INFINITY),
                Err(why) if !SHARED_CONTEXT.contains(&why) => return Err(why),
                Err(_) => {}
            }
            let o = self.overlap(s, b, false);
            // One member counts the same thing beside a concept both share.
            counted |= self.same_unit(s, b, false)
                && !ss.unit.is_empty()
                && !self.sigs[&b].unit.is_empty()
                && o.beside.iter().any(|t| t.starts_with('@'));
            shared.extend(o.shared.iter().copied());
            beside.extend(o.beside.iter().copied());
            base.extend(o.base[0].iter().copied());
            other_base = other_base.max(self.total(o.base[1].iter()) + o.cognate[1]);
            cognate = cognate.max(o.cognate_weight);
            cognate_base = cognate_base.max(o.cognate[0]);
            cognates = cognates.max(o.cognate_count);
        }
        let small = (self.total(base.iter()) + cognate_base).min(other_base);
        if shared.len() + cognates < 2 || small <= 0.0 {
            return Err("pooled: fewer than two shared tokens");
        }
        let sim = (self.total(shared.iter()) + cognate) / small;
        let rare = self.mentions[s].value.as_ref().is_some_and(distinctive);
        let Some(needed) = self.agreement_needed(beside.is_empty(), rare, counted) else {
            return Err("pooled: nothing beside both and not distinctive");
        };
        if sim >= needed {
            Ok(sim)
        } else {
            Err("pooled: too little shared context")
        }
    }

    /// Whether one sentence tells an act and the other its opposite, and neither tells
    /// both (see `Concept::opposite`).
    fn opposed(&self, sa: &Signature, sb: &Signature) -> bool {
        sa.neutral.iter().any(|t| {
            self.rules.concept_of(t).is_some_and(|c| {
                c.opposite.iter().any(|o| {
                    let o = format!("@{o}");
                    sb.neutral.contains(o.as_str())
                        && !sb.neutral.contains(t)
                        && !sa.neutral.contains(o.as_str())
                })
            })
        })
    }

    /// Whether the sentence of mention `i` gives another figure of the same shape whose
    /// owner is `name`: "37.8% for Apruebo" beside a percentage, not the year of the
    /// accounts ("2023") an agency published on a day.
    fn names_figure(&self, i: usize, name: &str) -> bool {
        let m = &self.mentions[i];
        let shape = |c: usize| self.mentions[c].value.as_ref().map(shape);
        self.owners
            .get(&(m.article, m.start))
            .and_then(|o| o.get(name))
            .is_some_and(|owned| owned.iter().any(|&c| c != i && shape(c) == shape(i)))
    }

    /// The concepts right beside mention `i`'s value, and the one it counts.
    fn beside_concepts(&self, i: usize) -> BTreeSet<&'m str> {
        self.sigs.get(&i).map_or_else(BTreeSet::new, |s| {
            s.near
                .iter()
                .chain(&s.unit)
                .copied()
                .filter(|t| t.starts_with('@'))
                .collect()
        })
    }

    /// Whether mention `i` is the only time of day of its article with any of `concepts`
    /// beside it (the same time given twice counts once).
    fn only_time(&self, i: usize, concepts: &BTreeSet<&str>) -> bool {
        let m = &self.mentions[i];
        let mine = m.value.as_ref().map(Value::canonical);
        self.by_article[&m.article].iter().all(|&c| {
            let mc = &self.mentions[c];
            !matches!(mc.value, Some(Value::Time(_)))
                || mc.value.as_ref().map(Value::canonical) == mine
                || self.beside_concepts(c).is_disjoint(concepts)
        })
    }

    /// Whether mention `i`'s date is the only one its article gives within `other`'s time,
    /// in one sentence only.
    fn sole_date(&self, i: usize, other: &crate::time::Interval) -> bool {
        let m = &self.mentions[i];
        let mine = self.figure.get(&i);
        self.once(i)
            && self.by_article[&m.article].iter().all(|&c| {
                let within = matches!(&self.mentions[c].value,
                    Some(Value::Date(d)) if d.interval().is_some_and(|iv| iv.overlaps(other)));
                !within || self.figure.get(&c) == mine
            })
    }

    /// Whether a mention's figure is the only one its article gives of what it counts (a
    /// concept of the lexicon).
    fn sole_count(&self, i: usize) -> bool {
        let Some(u) = self.sigs.get(&i).and_then(|s| s.unit.first()) else {
            return false;
        };
        u.starts_with('@')
            && self
                .unit_figures
                .get(&(self.mentions[i].article, *u))
                .is_some_and(|f| f.len() == 1)
    }

    /// The attribute concept mention `i` counts ("@age" for "aged 70"), if it counts one.
    fn attribute(&self, i: usize) -> Option<&'m str> {
        let u = *self.sigs.get(&i)?.unit.first()?;
        self.rules
            .concept_of(u)
            .is_some_and(|c| c.attribute)
            .then_some(u)
    }

    /// Whether mention `i`'s value is given in one sentence only of its article ("about
    /// 154 billion" and "154 billion" are one value).
    fn once(&self, i: usize) -> bool {
        self.figure.get(&i).is_some_and(|&f| {
            self.figure_sentences
                .get(&(self.mentions[i].article, f))
                .is_some_and(|starts| starts.len() == 1)
        })
    }

    /// Whether two value ids cannot both hold.
    fn values_differ(&self, x: usize, y: usize) -> bool {
        let ((vx, ax), (vy, ay)) = (&self.values[x], &self.values[y]);
        values_differ(vx, *ax, vy, *ay, 0.0) == Some(true)
    }

    /// The tokens a mention proposes links by: those beside its value, and its value when
    /// distinctive.
    fn tokens(&self, i: usize) -> Vec<String> {
        let mut out: Vec<String> = self
            .sigs
            .get(&i)
            .into_iter()
            .flat_map(|s| s.near.iter().map(|t| t.to_string()))
            .collect();
        if let Some(v) = self.mentions[i].value.as_ref().filter(|v| distinctive(v)) {
            out.push(format!("={}", v.canonical()));
        }
        // A day or a month proposes its month: "3 May 2019" meets "May 2019".
        if let Some(Value::Date(d)) = &self.mentions[i].value
            && let Some(iv) = d.interval()
            && matches!(iv.granularity, Granularity::Day | Granularity::Month)
        {
            out.push(format!("=month {}", iv.start.format("%Y-%m")));
        }
        out
    }

    /// Whether two mentions give values that cannot both hold.
    fn differ(&self, a: usize, b: usize) -> bool {
        self.relation(a, b) == Some(true)
    }

    /// Print one weighed pair for `CROSSCHECK_DEBUG_LINK`.
    fn trace(&self, filter: &str, a: usize, b: usize, weight: Result<f64, &str>) {
        let show = |i: usize| {
            let m = &self.mentions[i];
            let v = m.value.as_ref().map(Value::canonical).unwrap_or_default();
            // The period it is counted over, when it has one: "70 (2007)".
            let period = m
                .period
                .as_ref()
                .map(|p| format!(" ({})", Value::Date(p.clone()).canonical()))
                .unwrap_or_default();
            (
                v.contains(filter),
                format!("{}:{} {}{v}{period}", m.file, m.line, m.approx.sign()),
            )
        };
        let ((fa, ta), (fb, tb)) = (show(a), show(b));
        if fa || fb {
            match weight {
                Ok(w) => eprintln!("link {ta} ~ {tb}: {w:.2}"),
                Err(why) => eprintln!("link {ta} ~ {tb}: no, {why}"),
            }
        }
    }

    /// Candidate pairs among `idx`: mentions that share a token beside the value.
    fn candidates(&self, idx: &[usize]) -> BTreeMap<(usize, usize), f64> {
        let mut by_token: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &i in idx {
            // The tokens beside it, and a distinctive value meets the same value anywhere.
            for t in self.tokens(i) {
                by_token.entry(t).or_default().push(i);
            }
        }
        // A developer's trace: `CROSSCHECK_DEBUG_LINK=VALUE` prints, on stderr, every pair
        // weighed in which a value's canonical form contains VALUE, and why it did not link.
        let debug = std::env::var("CROSSCHECK_DEBUG_LINK").ok();
        let mut tried: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for list in by_token.values_mut() {
            // Only mentions of different articles can link: pair across articles only, so
            // that one long article costs nothing here however many mentions it has.
            list.sort_by_key(|&i| (self.mentions[i].article, i));
            for (x, &a) in list.iter().enumerate() {
                let article = self.mentions[a].article;
                let next = x + list[x..].partition_point(|&b| self.mentions[b].article == article);
                for &b in &list[next..] {
                    let key = (a.min(b), a.max(b));
                    if tried.insert(key) {
                        pairs.push((a, b));
                    }
                }
            }
        }
        // The pairs are weighed in parallel (a big story weighs millions) and kept in pair
        // order, so the links do not depend on the thread count.
        use rayon::prelude::*;
        let weights: Vec<Result<f64, &str>> = if debug.is_some() {
            pairs.iter().map(|&(a, b)| self.weigh(a, b)).collect()
        } else {
            pairs.par_iter().map(|&(a, b)| self.weigh(a, b)).collect()
        };
        let mut links: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for (&(a, b), weight) in pairs.iter().zip(weights) {
            if let Some(filter) = &debug {
                self.trace(filter, a, b, weight);
            }
            if let Ok(l) = weight {
                links.insert((a.min(b), a.max(b)), l);
            }
        }
        links
    }
}

/// Link catch-all mentions across articles into claims. Links are taken strongest first,
/// each joining two claims (single link) as long as the claim keeps at most one mention per
/// article. Every mention of a claim is thus linked to another by shared context, and a
/// differing value only by the stricter conflict link.
pub(super) fn link_values(idx: &[usize], linker: &Linker) -> Vec<Vec<usize>> {
    let mentions = linker.mentions;
    let links = linker.candidates(idx);
    let mut order: Vec<((usize, usize), f64)> = links.iter().map(|(&k, &w)| (k, w)).collect();
    order.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut cluster_of: BTreeMap<usize, usize> = idx.iter().map(|&i| (i, i)).collect();
    let mut clusters: BTreeMap<usize, Vec<usize>> = idx.iter().map(|&i| (i, vec![i])).collect();
    for ((a, b), _) in order {
        let (ca, cb) = (cluster_of[&a], cluster_of[&b]);
        if ca == cb {
            continue;
        }
        let (xa, xb) = (&clusters[&ca], &clusters[&cb]);
        let one_per_article = xa.iter().all(|&p| {
            xb.iter()
                .all(|&q| mentions[p].article != mentions[q].article)
        });
        if !one_per_article {
            continue;
        }
        // Two different times of day meet only by a link of their own: a day told
        // elsewhere ("on Monday") never bridges "0.30 Uhr" and "pukul 20.00".
        let times_apart = xa.iter().any(|&p| {
            xb.iter().any(|&q| {
                matches!(
                    (&mentions[p].value, &mentions[q].value),
                    (Some(Value::Time(_)), Some(Value::Time(_)))
                ) && linker.relation(p, q) != Some(false)
                    && !links.contains_key(&(p.min(q), p.max(q)))
            })
        });
        if times_apart {
            continue;
        }
        let (keep, gone) = (ca.min(cb), ca.max(cb));
        let moved = clusters.remove(&gone).unwrap_or_default();
        for &m in &moved {
            cluster_of.insert(m, keep);
        }
        clusters.entry(keep).or_default().extend(moved);
    }
    let mut out: Vec<Vec<usize>> = clusters
        .into_values()
        .map(|mut c| {
            c.sort();
            c
        })
        .collect();
    out.sort();
    out
}

/// Join catch-all clusters to frame claims: a cluster whose articles the claim does not
/// yet have joins the claim it links to most strongly (a mention of each linked). The
/// frames are the precise layer; a catch-all value in another language fills in the articles
/// they did not read. Returns, per frame claim, the clusters it takes.
pub(super) fn attach(
    frame_claims: &[Vec<usize>],
    clusters: &[Vec<usize>],
    linker: &Linker,
) -> BTreeMap<usize, Vec<usize>> {
    let mentions = linker.mentions;
    let articles =
        |c: &[usize]| -> BTreeSet<usize> { c.iter().map(|&i| mentions[i].article).collect() };
    // A claim already in conflict across articles (compared once per pair of distinct
    // values, not per pair of mentions).
    let in_conflict: Vec<bool> = frame_claims
        .iter()
        .map(|claim| linker.in_conflict(claim))
        .collect();
    // The frame claims' mentions by the tokens beside their values, and by distinctive
    // value: only claims that share one with a cluster are tried.
    let mut by_token: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (fi, claim) in frame_claims.iter().enumerate() {
        for &m in claim {
            for t in linker.tokens(m) {
                by_token.entry(t).or_default().push((fi, m));
            }
        }
    }
    // The articles each claim holds by days only (every mention of theirs a date), kept up
    // to date as clusters join.
    let mut days_only: Vec<BTreeSet<usize>> = frame_claims
        .iter()
        .map(|claim| {
            let other: BTreeSet<usize> = claim
                .iter()
                .filter(|&&b| !matches!(mentions[b].value, Some(Value::Date(_))))
                .map(|&b| mentions[b].article)
                .collect();
            articles(claim).difference(&other).copied().collect()
        })
        .collect();
    let mut taken: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut claim_articles: Vec<BTreeSet<usize>> =
        frame_claims.iter().map(|c| articles(c)).collect();
    for (ci, cluster) in clusters.iter().enumerate() {
        let mine = articles(cluster);
        // The claim mentions each cluster mention may link to.
        // Only claims that lack the cluster's articles can take it: the others are left out
        // before their pairs are formed (in one long article every claim shares a token with
        // every cluster, and forming those pairs cost the mentions squared; issue 13). A
        // cluster holding a time of day may also join a claim that has its articles by days
        // only: "pukul 14.50" tells the time of the attack that article dated "Tuesday" in
        // another sentence.
        let times = cluster
            .iter()
            .any(|&i| matches!(mentions[i].value, Some(Value::Time(_))));
        let open: Vec<bool> = claim_articles
            .iter()
            .zip(&days_only)
            .map(|(a, days)| {
                a.is_disjoint(&mine) || (times && a.intersection(&mine).all(|x| days.contains(x)))
            })
            .collect();
        let mut pairs: BTreeMap<usize, BTreeSet<(usize, usize)>> = BTreeMap::new();
        for &a in cluster {
            for t in linker.tokens(a) {
                for &(fi, b) in by_token.get(&t).into_iter().flatten() {
                    if open[fi] {
                        pairs.entry(fi).or_default().insert((a, b));
                    }
                }
            }
        }
        let best = pairs
            .iter()
            .filter(|(fi, _)| {
                // A value may bring a conflict into a claim only by a conflict link of its
                // own: agreeing with the claim's 6 (article A) is no conflict with its 3
                // (also A). A claim already in conflict across articles takes it freely.
                in_conflict[**fi]
                    || cluster.iter().all(|&a| {
                        frame_claims[**fi]
                            .iter()
                            .all(|&b| !linker.differ(a, b) || linker.link(a, b).is_some())
                    })
            })
            .filter_map(|(fi, ps)| {
                let strength = ps
                    .iter()
                    .filter_map(|&(a, b)| linker.link(a, b))
                    .fold(None, |best: Option<f64>, l| {
                        Some(best.map_or(l, |b| b.max(l)))
                    });
                strength.map(|s| (s, *fi))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        if let Some((_, fi)) = best {
            // An article the cluster brings by days only is held so; one it brings a time
            // or a figure of is no longer.
            for &x in &mine {
                let dates = cluster.iter().all(|&i| {
                    mentions[i].article != x || matches!(mentions[i].value, Some(Value::Date(_)))
                });
                if dates && !claim_articles[fi].contains(&x) {
                    days_only[fi].insert(x);
                } else if !dates {
                    days_only[fi].remove(&x);
                }
            }
            claim_articles[fi].extend(mine);
            taken.entry(fi).or_default().push(ci);
        }
    }
    taken
}

/// Which claims of one article join which claims of several: `targets` are claims
/// (mention indices), `lone` the claims of one article whose mentions give one figure. A
/// lone claim joins a target of its kind that gives its very figure, of two articles or
/// more and none of them its own, when [`Linker::pooled`] finds the target's sentences,
/// together, saying the same of it. It joins only the target it fits best, and a target
/// takes only one lone claim of each article (the best; none on a tie). Returns pairs
/// (index into `lone`, index into `targets`).
pub(super) fn join_pooled(
    targets: &[Vec<usize>],
    lone: &[Vec<usize>],
    linker: &Linker,
) -> Vec<(usize, usize)> {
    let mentions = linker.mentions;
    // The targets by the figures they give: a lone claim is weighed only against those that
    // give its figure and share a token with it.
    let mut by_figure: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut by_token: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (c, members) in targets.iter().enumerate() {
        let articles: BTreeSet<usize> = members.iter().map(|&i| mentions[i].article).collect();
        if articles.len() < 2 || members.iter().any(|&i| linker.sigs.get(&i).is_none()) {
            continue;
        }
        for &m in members {
            if let Some(&f) = linker.figure.get(&m) {
                by_figure.entry(f).or_default().insert(c);
            }
            for t in linker.tokens(m) {
                by_token.entry(t).or_default().insert(c);
            }
        }
    }
    // A developer's trace, as for pairs: `CROSSCHECK_DEBUG_LINK=VALUE`.
    let debug = std::env::var("CROSSCHECK_DEBUG_LINK").ok();
    // Whether each target tried is in conflict already, read once.
    let mut in_conflict: BTreeMap<usize, bool> = BTreeMap::new();
    // Each lone claim's best target, when one is best.
    let mut chosen: BTreeMap<(usize, usize), Vec<(f64, usize)>> = BTreeMap::new();
    for (li, claim) in lone.iter().enumerate() {
        let Some(&s) = claim.first() else { continue };
        let Some(giving) = linker.figure.get(&s).and_then(|f| by_figure.get(f)) else {
            continue;
        };
        let tried: BTreeSet<usize> = linker
            .tokens(s)
            .iter()
            .filter_map(|t| by_token.get(t))
            .flatten()
            .copied()
            .filter(|c| giving.contains(c))
            .filter(|&c| {
                targets[c].iter().all(|&m| {
                    mentions[m].article != mentions[s].article
                        && mentions[m].kind == mentions[s].kind
                })
            })
            .collect();
        let fits: Vec<(f64, usize)> = tried
            .into_iter()
            .filter_map(|c| {
                let conflict = *in_conflict
                    .entry(c)
                    .or_insert_with(|| linker.in_conflict(&targets[c]));
                let r = linker.pooled(claim, &targets[c], conflict);
                if let Some(filter) = &debug {
                    eprint!("pooled ");
                    linker.trace(filter, s, targets[c][0], r);
                }
                r.ok().map(|w| (w, c))
            })
            .collect();
        let best = fits.iter().map(|f| f.0).fold(f64::NEG_INFINITY, f64::max);
        if let [(w, c)] = fits
            .iter()
            .filter(|f| f.0 == best)
            .copied()
            .collect::<Vec<_>>()
            .as_slice()
        {
            chosen
                .entry((*c, mentions[s].article))
                .or_default()
                .push((*w, li));
        }
    }
    let mut out = Vec::new();
    for ((c, _), fits) in chosen {
        let best = fits.iter().map(|f| f.0).fold(f64::NEG_INFINITY, f64::max);
        if let [(_, li)] = fits
            .iter()
            .filter(|f| f.0 == best)
            .collect::<Vec<_>>()
            .as_slice()
        {
            out.push((*li, c));
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::{cognate_key, narrowest, units_meet};
    use crate::rules;

    #[test]
    fn cognate_keys_meet_across_stemmers_accents_and_scripts() {
        let key = |w: &str| cognate_key(w);
        assert_eq!(key("bronze").as_deref(), Some("bronz"));
        assert_eq!(key("bronz").as_deref(), Some("bronz"));
        assert_eq!(key("délibé").as_deref(), Some("delib"));
        assert_eq!(key("delibe").as_deref(), Some("delib"));
        assert_eq!(key("километ").as_deref(), Some("kilom"));
        assert_eq!(key("kilome").as_deref(), Some("kilom"));
        assert_ne!(key("pelica"), key("pelika"));
        // Too short to say anything, or a counted word (compared as a unit).
        assert_eq!(cognate_key("mètr"), None);
        assert_eq!(cognate_key("~amphora"), None);
    }

    #[test]
    fn differing_figures_meet_only_through_a_narrow_counted_thing() {
        let set = rules::load(&rules::default_sources()).unwrap();
        // "workers" counts people and workers; "empleados" workers.
        assert!(units_meet(&["@person", "@worker"], &["@worker"]));
        // "six crew members" against "eight people": crew are people, but two figures
        // that differ must count one narrow thing.
        let crew = narrowest(&["@person", "@crew"], &set);
        assert_eq!(crew, ["@crew"]);
        assert!(!units_meet(&crew, &narrowest(&["@person"], &set)));
        // A word of the broad concept alone is told by it.
        assert_eq!(narrowest(&["@person"], &set), ["@person"]);
    }
}
