//! Context: read one sentence once, before any frame runs, into everything the frames
//! look at.
//!
//! Input: a sentence's text, its language pack and grammar, the article's anchor date, the
//! last speaker and the people the article has named so far. Output: a [`Context`]: dates
//! and numbers (with "a day earlier" resolved by [`relative_days`]), names, topics, the
//! frames' trigger words, the words statements share across languages, and the voice.

use super::names::{self, People};
use super::speaker::{Voice, voice};
use super::{Extractor, content_words, slug};
use crate::entities::{Hit, TopicHit};
use crate::normalize::{DateValue, Found, Grammar, Value};
use crate::rules::file::Cue;
use crate::rules::{EntityKind, Lang};
use crate::time::PartialDate;

/// Whether one of `spans` stands right before or right after the value at `v`, only spaces
/// between.
fn beside(text: &str, spans: &[(usize, usize)], v: (usize, usize)) -> bool {
    let blank = |s: &str| s.chars().all(char::is_whitespace);
    spans
        .iter()
        .any(|&(s, e)| (s >= v.1 && blank(&text[v.1..s])) || (e <= v.0 && blank(&text[e..v.0])))
}

/// The concept of words that count people ("people", "victims", "hombre").
const PERSON: &str = "@person";

/// How many words before a figure are read for a word of the pack's `each` (the word and
/// the approximation words between it and the figure).
const LAST_WORDS: usize = 6;

/// At most this many words (numbers and function words) between an attribute concept and
/// a number it describes ("aged 67, 56 and 41").
const ATTRIBUTE_REACH: usize = 8;

/// At most this many words between a figure and a membership cue later in its clause ("28
/// members of the skating community were among the dead": six).
const MEMBER_REACH: usize = 8;

/// At most this many words between a count and the colon that opens its breakdown ("67
/// personnes ont péri :": two).
const BREAKDOWN_REACH: usize = 4;

/// Everything the frames look at in one sentence.
pub(super) struct Context<'a> {
    pub(super) text: &'a str,
    /// The sentence's words, lowercased and stemmed.
    pub(super) tokens: Vec<crate::words::Token>,
    /// Language-neutral words of the sentence: concepts ("@die") and names ("#ecuador"),
    /// each with where it starts.
    pub(super) shared: Vec<(usize, String)>,
    /// Ranks ("@first", "@second": concepts marked `ordinal`), each with where it starts.
    pub(super) ranks: Vec<(usize, String)>,
    /// What statements are about ("@sanctions": concepts marked `subject`), each with
    /// where it starts: words statements share, and nothing else.
    pub(super) subjects: Vec<(usize, String)>,
    /// Word-pattern triggers found in the sentence: (frame index, byte range).
    pub(super) word_triggers: Vec<(usize, (usize, usize))>,
    pub(super) lang: &'a str,
    pub(super) pack: &'a Lang,
    /// The sentence's content words, stemmed (computed once for all its mentions).
    pub(super) words: Vec<String>,
    pub(super) complementizers: &'a [String],
    pub(super) found: Vec<Found>,
    pub(super) hits: Vec<Hit>,
    pub(super) topics: Vec<TopicHit>,
    pub(super) voice: Voice,
    /// Negation cues of the sentence (see `negation`).
    pub(super) negations: Vec<(usize, usize)>,
    /// Whether a backdrop cue ("memories of", "damals") makes the sentence background.
    pub(super) backdrop: bool,
    /// Where subgroup cues ("among the dead", "darunter") stand.
    pub(super) subgroups: Vec<(usize, usize)>,
    /// Where partitive cues ("of the dead", "der Toten") stand.
    pub(super) partitives: Vec<(usize, usize)>,
    /// Where membership cues ("among the dead", "unter den Toten") stand.
    pub(super) members: Vec<(usize, usize)>,
    /// Where attribute concepts ("aged", "-year-old", "im Alter von") stand.
    pub(super) attributes: Vec<(usize, usize)>,
    /// Whether the sentence points back at the country last named ("dans le pays").
    pub(super) country_anaphor: bool,
    /// Where act concepts ("announced", "ordered") stand.
    pub(super) acts: Vec<(usize, usize)>,
    /// Where concepts of a figure's change ("rose", "lowered") stand.
    pub(super) changes: Vec<(usize, usize)>,
    /// Where elapsed-time concepts ("ago", "vor", "hace") stand.
    pub(super) elapsed: Vec<(usize, usize)>,
    /// Where time-between concepts ("after", "après", "nach") stand.
    pub(super) between: Vec<(usize, usize)>,
    /// Where words that point back at what was said ("the claims", "den Vorwurf") stand.
    pub(super) references: Vec<(usize, usize)>,
    /// Rejections that deny what was said ("dismissed the idea that …").
    pub(super) rejections: Vec<(usize, usize)>,
    /// Denial cues (the pack's patterns, the lexicon's denials and rejections that deny).
    pub(super) denials: Vec<(usize, usize)>,
    /// Where a dateline names the outlet ("MOSKAU (dpa) — "): bytes no value is told by.
    pub(super) outlet: (usize, usize),
}

/// Whether the byte at `p` lies outside the span `(start, end)`.
fn outside((start, end): (usize, usize), p: usize) -> bool {
    p < start || p >= end
}

impl Context<'_> {
    /// Whether the byte at `p` is the sentence's own text, not a dateline's outlet.
    pub(super) fn own(&self, p: usize) -> bool {
        outside(self.outlet, p)
    }

    /// Whether token `t` lies inside a value the normalizer read.
    fn in_value(&self, t: &crate::words::Token) -> bool {
        self.found
            .iter()
            .any(|f| f.start <= t.start && t.end <= f.end)
    }

    /// Whether token `t` lies inside an attribute concept's words.
    fn in_attribute(&self, t: &crate::words::Token) -> bool {
        self.attributes
            .iter()
            .any(|&(s, e)| s <= t.start && t.end <= e)
    }

    /// The lexicon's concepts ("@drone") of the word that starts at byte `pos`.
    pub(super) fn concepts_at(&self, pos: usize) -> impl Iterator<Item = &str> {
        self.shared
            .iter()
            .filter(move |(p, w)| *p == pos && w.starts_with('@'))
            .map(|(_, w)| w.as_str())
    }

    /// Whether the text between two spans of the sentence holds one of the pack's
    /// comparison words ("against", "compared with", "dibandingkan"), whole words only.
    pub(super) fn compares(&self, from: usize, to: usize) -> bool {
        let (from, to) = (from.min(to), from.max(to));
        let words: String = self.text[from..to]
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        let words = format!(" {} ", crate::normalize::norm_space(&words));
        self.pack
            .numbers
            .compare
            .iter()
            .any(|c| words.contains(&format!(" {} ", crate::normalize::norm_space(c))))
    }

    /// Whether the number at `v` tells what a thing is like rather than how many there
    /// are: an attribute concept right after it ("a 56-year-old woman", "72 años de edad")
    /// or before it with only numbers and function words between ("aged 67 and 56", "âgé
    /// de 41 ans", "в возрасте 67 и 56 лет").
    pub(super) fn attribute_of(&self, v: (usize, usize)) -> bool {
        let after = self.attributes.iter().any(|&(s, _)| {
            s >= v.1
                && self.text[v.1..s]
                    .chars()
                    .all(|c| c.is_whitespace() || c == '-')
        });
        // A number followed by a thing it counts is a count, whatever stands before it: "a
        // man aged 40 and three children were killed".
        // A number of years carries its own unit word ("berusia 72 tahun meninggal"): the
        // word after it counts nothing.
        let last = self.text[v.0..v.1]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let years = !last.is_empty()
            && self
                .pack
                .numbers
                .durations
                .iter()
                .any(|(w, u)| *u == 'Y' && *w == last);
        let counts_a_noun = !years
            && self
                .tokens
                .iter()
                .find(|t| t.start >= v.1)
                .is_some_and(|t| {
                    self.text[v.1..t.start].trim().is_empty()
                        && !self.pack.stopwords.contains(&t.lower)
                        && t.lower.chars().all(char::is_alphabetic)
                        && !self.in_attribute(t)
                });
        let before = !counts_a_noun
            && self.attributes.iter().any(|&(_, e)| {
                if e > v.0 || self.text[e..v.0].contains([';', ':', '(', ')']) {
                    return false;
                }
                let gap: Vec<&crate::words::Token> = self
                    .tokens
                    .iter()
                    .filter(|t| t.start >= e && t.end <= v.0)
                    .collect();
                gap.len() <= ATTRIBUTE_REACH
                    && gap
                        .iter()
                        .all(|t| self.pack.stopwords.contains(&t.lower) || self.in_value(t))
            });
        // "Bebe King, six, and Elsie Dot Stancombe, seven, were pronounced dead": a number
        // between commas right after a person's name is their age.
        // So is one in brackets: "Tetsuya Yamagami (41)".
        let left = self.text[..v.0].trim_end();
        let right = self.text[v.1..].trim_start();
        let apposed = {
            let comma = left.len().saturating_sub(1);
            (left.ends_with(',') && right.starts_with([',', ')'])
                || left.ends_with('(') && right.starts_with(')'))
                && self.hits.iter().any(|h| {
                    matches!(h.kind, EntityKind::Person | EntityKind::Unknown)
                        && h.end <= comma
                        && self.text[h.end..comma].trim().is_empty()
                })
        };
        // A number of years alone between commas is an age after any noun: "Le suspect, 41
        // ans, a expliqué", "Подозреваемый, 41 год, …".
        let apposed_years =
            years && right.starts_with([',', ')', ';']) && left.ends_with([',', '(']);
        // A number of years joined to a person by the pack's `age_of` word, after a comma
        // or a word for a person: "Faye, de 44 años, es…", "une Japonaise de 58 ans",
        // "el hombre de 30 años" (not "une peine de 30 ans").
        let of_person = years && (self.joins_person(v) || self.before_person(v, &last));
        // An age word around the number: "à 47 ans", "a los 47 años", "47-year-old".
        let around = self.attributes.iter().any(|&(s, e)| s < v.1 && v.0 < e);
        after || before || apposed || apposed_years || of_person || around
    }

    /// Whether the amount or count at `v` is told per unit, not in total: one of the pack's
    /// `each` or `each_before` words right before it, approximation words aside ("примерно
    /// по 131 млн", "jeweils rund 131 Millionen"), or one of `each` starting at most one
    /// word after it in its clause ("131 millones de dólares cada una", "131 million
    /// dollars each"). Dates, times and durations are never so.
    pub(super) fn per_unit(&self, v: (usize, usize)) -> bool {
        let numbers = &self.pack.numbers;
        let (each, before_only) = (&numbers.each, &numbers.each_before);
        if each.is_empty() && before_only.is_empty()
            || !self.found.iter().any(|f| {
                (f.start, f.end) == v
                    && !matches!(
                        f.value,
                        Value::Date(_) | Value::Time(_) | Value::Duration(..)
                    )
            })
        {
            return false;
        }
        let clause_end = self.text[v.1..]
            .find([',', ';', ':', '.', '(', ')'])
            .map_or(self.text.len(), |c| v.1 + c);
        let after = crate::words::plain_words(&self.text[v.1..clause_end]);
        let words: Vec<&str> = after.split(' ').filter(|w| !w.is_empty()).collect();
        let starts = |from: usize| {
            let rest = words.get(from..).unwrap_or_default().join(" ");
            each.iter()
                .any(|e| rest == *e || rest.starts_with(&format!("{e} ")))
        };
        if starts(0) || starts(1) {
            return true;
        }
        // Only the last words before the figure can hold the word, and most sentences
        // hold none: the approximation words are stripped only when one is there.
        let head = &self.text[..v.0];
        let from = head
            .char_indices()
            .rev()
            .filter(|(_, c)| c.is_whitespace())
            .nth(LAST_WORDS)
            .map_or(0, |(i, _)| i);
        let mut before = crate::words::plain_words(&head[from..]);
        if !each
            .iter()
            .chain(before_only)
            .any(|e| before.contains(e.as_str()))
        {
            return false;
        }
        loop {
            if each
                .iter()
                .chain(before_only)
                .any(|e| before == *e || before.ends_with(&format!(" {e}")))
            {
                return true;
            }
            let Some(stripped) = self.pack.numbers.approx.iter().find_map(|(w, _)| {
                let w = crate::words::plain_words(w);
                (!w.is_empty())
                    .then(|| before.strip_suffix(&w))
                    .flatten()
                    .filter(|s| s.is_empty() || s.ends_with(' '))
                    .map(|s| s.trim_end().to_string())
            }) else {
                return false;
            };
            before = stripped;
        }
    }

    /// Whether the value at `v` follows one of the pack's `age_of` words ("de") that
    /// itself follows a comma, a person's name or nationality, or a word counted as people.
    fn joins_person(&self, v: (usize, usize)) -> bool {
        let Some(of) = self.tokens.iter().rev().find(|t| t.end <= v.0) else {
            return false;
        };
        if !self.text[of.end..v.0].trim().is_empty()
            || !self.pack.numbers.age_of.contains(&of.lower)
        {
            return false;
        }
        let left = self.text[..of.start].trim_end();
        if left.ends_with(',') {
            return true;
        }
        let person_word = self
            .tokens
            .iter()
            .rev()
            .find(|t| t.end <= of.start)
            .is_some_and(|t| t.end == left.len() && self.concepts_at(t.start).any(|c| c == PERSON));
        person_word
            || self
                .hits
                .iter()
                .any(|h| h.end == left.len() && names_person(h))
    }

    /// Whether the number of years at `v`, whose unit word `unit` is one of the pack's
    /// `age_before` ("20-летний"), comes right before a person: a word for people, a
    /// person's or unknown name, or a nationality ("20-летний Кутим Фейзулаи",
    /// "26-летний гражданин Сирии"; not "25-летний договор").
    fn before_person(&self, v: (usize, usize), unit: &str) -> bool {
        if !self.pack.numbers.age_before.iter().any(|w| w == unit) {
            return false;
        }
        let Some(next) = self.tokens.iter().find(|t| t.start >= v.1) else {
            return false;
        };
        if !self.text[v.1..next.start].trim().is_empty() {
            return false;
        }
        self.concepts_at(next.start).any(|c| c == PERSON)
            || self
                .hits
                .iter()
                .any(|h| h.start == next.start && names_person(h))
    }

    /// Whether the duration at `v` is the time elapsed up to the article's day: an
    /// elapsed-time concept right before or right after it, only spaces between ("two weeks
    /// ago", "vor zwei Wochen", "два дня назад").
    pub(super) fn elapsed_at(&self, v: (usize, usize)) -> bool {
        beside(self.text, &self.elapsed, v)
    }

    /// The day up to which the duration at `v` runs from an event: the only day its
    /// sentence names, when a time-between concept stands right beside it ("on Sunday, two
    /// days after the attack"); `None` otherwise ("45 days after he took office").
    pub(super) fn between_day(&self, v: (usize, usize)) -> Option<PartialDate> {
        if !beside(self.text, &self.between, v) {
            return None;
        }
        let mut days = self.found.iter().filter_map(|f| match &f.value {
            Value::Date(DateValue::Resolved(iv))
                if iv.granularity == crate::time::Granularity::Day =>
            {
                Some(iv.start)
            }
            _ => None,
        });
        let day = days.next()?;
        if days.any(|d| d != day) {
            return None;
        }
        Some(PartialDate::of_day(day))
    }

    /// Whether the count at `v` breaks down a count just before it, in a list between
    /// commas ("Les 72 personnes à bord, 68 passagers et quatre membres d'équipage, ont été
    /// tuées"): at least two counts between the commas (an indefinite article counting
    /// one), each smaller than a count at most four words before the first comma, and
    /// nothing but words between.
    pub(super) fn apposed_part(&self, v: (usize, usize)) -> bool {
        let count = |f: &Found| match &f.value {
            Value::Count(n) => Some(n.f64()),
            _ => None,
        };
        if !self
            .found
            .iter()
            .any(|f| (f.start, f.end) == v && count(f).is_some())
        {
            return false;
        }
        let Some(open) = self.text[..v.0].rfind(',') else {
            return false;
        };
        let Some(close) = self.text[v.1..].find(',').map(|c| v.1 + c) else {
            return false;
        };
        let mut inside: Vec<f64> = self
            .found
            .iter()
            .filter(|f| f.start > open && f.end < close)
            .filter_map(count)
            .collect();
        // An indefinite article counts one: "Tres civiles, dos hombres y una mujer, murieron".
        inside.extend(
            self.tokens
                .iter()
                .filter(|t| t.start > open && t.end < close)
                .filter(|t| self.pack.numbers.indefinites.contains(&t.lower))
                .filter(|t| {
                    !self
                        .found
                        .iter()
                        .any(|f| f.start <= t.start && t.end <= f.end)
                })
                .map(|_| 1.0),
        );
        let list = &self.text[open + 1..close];
        let whole = self.found.iter().filter(|f| f.end <= open).find_map(|f| {
            let gap = &self.text[f.end..open];
            (gap.split_whitespace().count() <= 4 && !gap.contains([',', ';', ':', '.', '(']))
                .then(|| count(f))
                .flatten()
        });
        inside.len() >= 2
            && !list.contains([';', ':', '(', ')'])
            && whole.is_some_and(|w| inside.iter().all(|&x| x < w))
    }

    /// Whether the count at `v` is one of several things counted together before the act
    /// at `trig` ("Two men aged 67 and 56 and a woman were killed": the two are part of
    /// three): between the count and the act, a conjunction followed by an indefinite
    /// article or by another count that is no age.
    pub(super) fn coordinated(&self, v: (usize, usize), trig: (usize, usize)) -> bool {
        if trig.0 <= v.1 || self.text[v.1..trig.0].contains([',', ';', ':', '.']) {
            return false;
        }
        let between: Vec<&crate::words::Token> = self
            .tokens
            .iter()
            .filter(|t| t.start >= v.1 && t.end <= trig.0)
            .collect();
        // The count's own words before the conjunction: its noun, not a place ("20 people
        // in Kharkiv and a nearby village were killed"); numbers, function words and an
        // attribute ("aged 67 and 56") do not count.
        let own = |upto: usize| {
            between[..upto]
                .iter()
                .filter(|t| {
                    !self.pack.stopwords.contains(&t.lower)
                        && !self.in_value(t)
                        && !self.in_attribute(t)
                })
                .count()
        };
        between.windows(2).enumerate().any(|(k, w)| {
            own(k) <= 1
                && self.pack.attribution.conjunctions.contains(&w[0].lower)
                && (self.pack.numbers.indefinites.contains(&w[1].lower)
                    || self.found.iter().any(|f| {
                        f.start == w[1].start
                            && matches!(f.value, Value::Count(_))
                            && !self.attribute_of((f.start, f.end))
                    }))
        })
    }

    /// Whether the value at `v` counts a part of a group, by five cues:
    /// - a subgroup cue right before it: at most three words between them and no comma,
    ///   semicolon or bracket ("among them five children", "darunter drei Kinder"); a
    ///   subgroup cue after the number is read no further ("141 of them died", "141 anak di
    ///   antaranya meninggal" may be the toll itself);
    /// - a partitive cue right after it ("three of the dead were identified");
    /// - a membership cue later in its clause ("28 skaters were among the dead"). A figure
    ///   after the cue does not take it away: "Five children are among the dead and 108
    ///   people were wounded" has its 5 a part, and "67 died and among the dead were 28"
    ///   its 67 too (a toll missed, never a false conflict);
    /// - a colon that closes a count's clause before it (a breakdown);
    /// - a list between commas right after a larger count ([`Context::apposed_part`]).
    pub(super) fn beside_subgroup(&self, v: (usize, usize)) -> bool {
        // "drei der Toten", "three of the dead": a partitive right after the figure.
        let partitive = self
            .partitives
            .iter()
            .any(|&(s, _)| s >= v.1 && self.text[v.1..s].chars().all(char::is_whitespace));
        // "28 skaters were among the dead": a membership cue later in the figure's clause.
        let member = self.members.iter().any(|&(s, _)| {
            s >= v.1 && {
                let gap = &self.text[v.1..s];
                gap.split_whitespace().count() <= MEMBER_REACH
                    && !gap.contains([',', ';', '(', ')', ':'])
            }
        });
        // "67 personnes ont péri : les 60 passagers et les 4 membres d'équipage": figures
        // after a colon that closes a count's clause break that count down ("… un chiffre
        // de disparus : 89 personnes", far from the count before, is a figure of its own).
        let breakdown = self.text[..v.0]
            .rfind(':')
            .filter(|&c| self.text[c + 1..].starts_with(char::is_whitespace))
            .is_some_and(|c| {
                self.found.iter().any(|f| {
                    f.end <= c
                        && matches!(f.value, Value::Count(_))
                        && self.text[f.end..c].split_whitespace().count() <= BREAKDOWN_REACH
                })
            });
        partitive
            || member
            || breakdown
            || self.per_unit(v)
            || self.apposed_part(v)
            || self.subgroups.iter().any(|&(_, e)| {
                e <= v.0 && {
                    let gap = &self.text[e..v.0];
                    gap.split_whitespace().count() <= 3 && !gap.contains([',', ';', '(', ')', ':'])
                }
            })
    }
}

/// Whether a name found in a sentence may be a person's: a person's or an unknown name,
/// or a nationality ("une Japonaise").
fn names_person(h: &Hit) -> bool {
    matches!(h.kind, EntityKind::Person | EntityKind::Unknown)
        || h.form == crate::entities::Form::Demonym
}

impl Extractor<'_> {
    /// Read one sentence for the frames.
    pub(super) fn context<'t>(
        &self,
        text: &'t str,
        lang: &'t Lang,
        grammar: &Grammar,
        anchor: Option<PartialDate>,
        last_speaker: Option<&str>,
        people: &mut People,
    ) -> Context<'t> {
        let mut found = grammar.scan_near(text, anchor, &people.days);
        // A currency word several countries share means the one the article names most.
        if !people.currencies.is_empty() {
            for f in &mut found {
                if let Value::Money { currency, .. } = &mut f.value {
                    let said = text[f.start..f.end].to_lowercase();
                    // The word after the figure ("500 000 roupies") or before it ("Rs500").
                    let meant = people.currencies.iter().find(|(w, _)| {
                        said.strip_suffix(w.as_str())
                            .is_some_and(|before| !before.ends_with(char::is_alphanumeric))
                            || said
                                .strip_prefix(w.as_str())
                                .is_some_and(|after| !after.starts_with(char::is_alphabetic))
                    });
                    if let Some((_, code)) = meant {
                        currency.clone_from(code);
                    }
                }
            }
        }
        // A dateline ("MÜNCHEN, 4. Juni 2023 - …") dates the article, not the events after
        // it: its dates fill no slot.
        let mut head_end = text.len().min(80);
        while !text.is_char_boundary(head_end) {
            head_end -= 1;
        }
        let head = &text[..head_end];
        let dateline = [" - ", " – ", " — "]
            .iter()
            .filter_map(|s| head.find(s))
            .min();
        // The words of a date are no name ("July" of "PARIS, July 8 (Wire) —"), the
        // dateline's date included.
        let date_spans: Vec<(usize, usize)> = found
            .iter()
            .filter(|f| matches!(f.value, Value::Date(_)))
            .map(|f| (f.start, f.end))
            .collect();
        if let Some(cut) = dateline {
            found.retain(|f| !(f.end <= cut && matches!(f.value, Value::Date(_))));
        }
        // Nor does its outlet ("PUERTO ALTO, 10 mar. (El Faro Insular) —") tell what the
        // sentence's values are about (its place may: it is often where the story is).
        let outlet = dateline
            .and_then(|cut| {
                let open = head[..cut].find('(')?;
                let close = open + head[open..cut].find(')')?;
                Some((open, close + 1))
            })
            .unwrap_or((0, 0));
        let mut hits = self.gazetteer.find_named(text, lang, &people.named);
        hits.retain(|h| {
            h.kind != EntityKind::Unknown
                || !date_spans.iter().any(|&(s, e)| h.start < e && s < h.end)
        });
        names::resolve(text, lang, &mut hits, &found, people);
        // A number inside a known name is part of the name, no value: "CAC 40", "FTSE 100",
        // "S&P 500".
        found.retain(|f| {
            !hits.iter().any(|h| {
                h.kind != EntityKind::Unknown
                    && h.start <= f.start
                    && f.end <= h.end
                    && text[h.start..h.end].contains(|c: char| c.is_ascii_digit())
            })
        });
        let tokens = lang.tokens(text);
        let word_triggers = match self.word_triggers.get(&lang.code) {
            Some(index) => index
                .find(&tokens)
                .map(|(&fi, m)| (fi, (m.start, m.end)))
                .collect(),
            None => Vec::new(),
        };
        let topics = self.topics.find(text, &tokens, &lang.code);
        // Concepts and names are the words statements in different languages share; a cue
        // concept ("said", "a démenti") finds speakers and denials instead.
        let mut shared: Vec<(usize, String)> = Vec::new();
        let mut cues: Vec<(Cue, (usize, usize))> = Vec::new();
        // Where the sentence's plain concepts stand: a lone capitalised word there is a noun
        // the lexicon knows ("Todesopfer", "Beschäftigten"), not a name.
        let mut concept_spans: Vec<(usize, usize)> = Vec::new();
        let mut rates: Vec<String> = Vec::new();
        let mut ranks: Vec<(usize, String)> = Vec::new();
        let mut subjects: Vec<(usize, String)> = Vec::new();
        let mut attributes: Vec<(usize, usize)> = Vec::new();
        let mut acts: Vec<(usize, usize)> = Vec::new();
        let mut changes: Vec<(usize, usize)> = Vec::new();
        let mut elapsed: Vec<(usize, usize)> = Vec::new();
        let mut between: Vec<(usize, usize)> = Vec::new();
        let mut anaphors: Vec<(usize, usize)> = Vec::new();
        if let Some(index) = self.concepts.get(&lang.code) {
            for (id, m) in index.find(&tokens) {
                let concept = self.rules.concepts.get(id.as_str());
                // What a statement is about is a word statements share, and nothing
                // else; a lone capitalised word there ("Sanktionen") is a noun the lexicon
                // knows, not a name.
                if concept.is_some_and(|c| c.subject) {
                    subjects.push((m.start, format!("@{id}")));
                    concept_spans.push((m.start, m.end));
                    continue;
                }
                // "The country" is no word two figures share: it names a place.
                if concept.is_some_and(|c| c.anaphor) {
                    anaphors.push((m.start, m.end));
                    continue;
                }
                if concept.is_some_and(|c| c.attribute) {
                    attributes.push((m.start, m.end));
                }
                if concept.is_some_and(|c| c.act) {
                    acts.push((m.start, m.end));
                }
                if concept.is_some_and(|c| c.change) {
                    changes.push((m.start, m.end));
                }
                // Elapsed time is no word two figures share: "ago" and "vor" are in
                // every other sentence.
                if concept.is_some_and(|c| c.elapsed) {
                    elapsed.push((m.start, m.end));
                    continue;
                }
                if concept.is_some_and(|c| c.between) {
                    between.push((m.start, m.end));
                    continue;
                }
                match concept.and_then(|c| c.cue) {
                    Some(cue) => cues.push((cue, (m.start, m.end))),
                    // Who acts is told like a name: "#official" meets "#official" in any
                    // language, and says who gives a figure, not what it is.
                    None if concept.is_some_and(|c| c.actor) => {
                        shared.push((m.start, format!("#{id}")))
                    }
                    // The period a figure is counted over is no word two figures share: it
                    // only keeps a quarter's figure from a year's (`matching::other_periods`).
                    None if concept.is_some_and(|c| c.rate) => rates.push(format!("@{id}")),
                    // A rank is no word two figures share either: it only keeps the first
                    // package from the second (`Mention::rank`).
                    None if concept.is_some_and(|c| c.ordinal) => {
                        ranks.push((m.start, format!("@{id}")))
                    }
                    None => {
                        concept_spans.push((m.start, m.end));
                        shared.push((m.start, format!("@{id}")))
                    }
                }
            }
        }
        shared.retain(|&(p, _)| outside(outlet, p));
        subjects.retain(|&(p, _)| outside(outlet, p));
        // "im Land" names no place called "Land".
        hits.retain(|h| !anaphors.iter().any(|&(s, e)| s <= h.start && h.end <= e));
        let country_anaphor = !anaphors.is_empty();
        hits.retain(|h| {
            outside(outlet, h.start)
                && (h.kind != EntityKind::Unknown
                    || h.name.contains(' ')
                    || !concept_spans
                        .iter()
                        .any(|&(s, e)| s <= h.start && h.end <= e))
        });
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
        // A verb of speech that ends a phrase of a plain concept begun before it is that
        // phrase's: "un incendie s'est déclaré" is a fire breaking out, not a declaration.
        cues.retain(|&(c, (s, e))| {
            c != Cue::Speech || !concept_spans.iter().any(|&(a, b)| a < s && e <= b)
        });
        let backdrop = cues.iter().any(|(c, _)| *c == Cue::Backdrop);
        let spans_of = |kind: Cue| -> Vec<(usize, usize)> {
            cues.iter()
                .filter(|(c, _)| *c == kind)
                .map(|&(_, s)| s)
                .collect()
        };
        let subgroups = spans_of(Cue::Subgroup);
        let partitives = spans_of(Cue::Partitive);
        let members = spans_of(Cue::Member);
        let references = spans_of(Cue::Reference);
        let rejections: Vec<(usize, usize)> = spans_of(Cue::Rejection)
            .into_iter()
            .filter(|&span| super::denial::turns_down_words(text, lang, span, &references))
            .collect();
        cues.retain(|(c, _)| {
            !matches!(
                c,
                Cue::Backdrop
                    | Cue::Subgroup
                    | Cue::Partitive
                    | Cue::Member
                    | Cue::Reference
                    | Cue::Rejection
            )
        });
        cues.extend(rejections.iter().map(|&span| (Cue::Denial, span)));
        let voice = voice(text, lang, &hits, &dates, &cues, &references, last_speaker);
        let denials: Vec<(usize, usize)> = lang
            .attribution
            .denial
            .iter()
            .flat_map(|re| re.find_iter(text).map(|m| (m.start(), m.end())))
            .chain(
                cues.iter()
                    .filter(|(c, _)| *c == Cue::Denial)
                    .map(|&(_, s)| s),
            )
            .collect();
        let negations = super::negation::cues(text, lang, &denials);
        let mut words = content_words(text, lang);
        words.extend(shared.iter().map(|(_, w)| w.clone()));
        words.extend(rates);
        words.sort();
        words.dedup();
        let mut ctx = Context {
            text,
            shared,
            ranks,
            subjects,
            tokens,
            word_triggers,
            lang: &lang.code,
            pack: lang,
            words,
            complementizers: &lang.attribution.complementizers,
            country_anaphor,
            found,
            hits,
            topics,
            voice,
            negations,
            backdrop,
            subgroups,
            references,
            rejections,
            denials,
            partitives,
            attributes,
            acts,
            changes,
            elapsed,
            between,
            members,
            outlet,
        };
        // An age is a number of years told beside an age word: "47-year-old", "im Alter von
        // 47 Jahren" and "à 47 ans" are the count "aged 47" is, not a duration.
        let ages: Vec<usize> = (0..ctx.found.len())
            .filter(|&i| {
                let f = &ctx.found[i];
                matches!(f.value, Value::Duration(_, 'Y')) && ctx.attribute_of((f.start, f.end))
            })
            .collect();
        for i in ages {
            if let Value::Duration(n, _) = ctx.found[i].value
                && let Some(n) = crate::normalize::Num::from_f64(n)
            {
                ctx.found[i].value = Value::Count(n);
            }
        }
        ctx
    }
}

/// "A day earlier", "am Vortag", "накануне": the day before the last day named, earlier in
/// this sentence or in the article (likewise "the next day"). Replaces whatever the
/// normalizer read there.
pub(super) fn relative_days(ctx: &mut Context, lang: &Lang, last_day: Option<chrono::NaiveDate>) {
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
                // "La veille de l'attaque" is the day before the attack, which the
                // sentence does not date: no date at all.
                let next = lower[e..]
                    .trim_start()
                    .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                    .next()
                    .unwrap_or_default();
                let next_with_mark = lower[e..].trim_start();
                if lang.dates.day_of.iter().any(|w| {
                    w == next
                        || (w.ends_with(['\'', '’']) && next_with_mark.starts_with(w.as_str()))
                }) {
                    ctx.found.retain(|f| f.end <= s || f.start >= e);
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

/// A time of day with no day beside it ("a day earlier, at 14:10") is on the nearest day
/// the sentence names (one months from `near`, the days the report is about, only right
/// beside it), else on `fallback`.
pub(super) fn date_times(
    ctx: &mut Context,
    fallback: Option<chrono::NaiveDate>,
    near: &[chrono::NaiveDate],
) {
    crate::normalize::times_on_days(ctx.text, &mut ctx.found, fallback, near);
}
