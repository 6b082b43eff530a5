//! Catch-all: every value a sentence gives that no frame took (a date, a count, an amount,
//! a percentage, a measurement, a duration) still becomes a mention, of the catch-all frame
//! for its type. It carries what describes it, in words that hold across languages:
//!
//! - `about`: the concepts and names nearest the value ("@space-launch", "#vostochny");
//! - `near`: every concept and name within a few words of the value (`about` is the
//!   nearest three);
//! - `unit`: what a number counts, the word right after it, as every concept of the lexicon
//!   it belongs to, the first one first ("@person", "@worker") or else the stem in its own
//!   language ("~sapeur");
//! - `names`: proper names of the sentence, transliterated and cut to five letters, so that
//!   "Восточный" and "Vostochny" meet;
//! - `with`: the other values of the sentence ("$2023-08-11");
//! - `shared`: every concept and known name of the sentence;
//! - `local`: the content words right around the value (stems, "~temba") and their
//!   concepts: what a conflict's two sides must share, so that "the union demands 555
//!   euros" and "the company offers 410 euros" stay apart;
//! - `what`: the words of the text that stand for `about` and `unit`, for the summary;
//! - `told` (a date only): `@told` when the date is the day something was told, right beside
//!   an attribution cue ("Darmanin sagte am Montag"); it never contradicts an event's day.
//!
//! `matching` links such mentions across articles by these (see `matching::link_values`).

use super::context::Context;
use super::frame::{Trig, TrigMatch};
use super::{Extractor, Memory, Mention, summarize};
use crate::normalize::{DateValue, Value, gap_chars};
use crate::rules::Kind;
use crate::time::PartialDate;

/// How far from the value (in characters) a concept or name may stand and still describe it.
const NEAR: usize = 80;
/// How far from the value (in characters) a rank ("the second package") may stand and
/// still be its rank.
const RANK_NEAR: usize = 40;
/// At most this many concepts and names describe a value.
const ABOUT: usize = 3;
/// How far after a value, in characters, a word of forecast or possibility makes it a
/// projection.
const PROJECTION_AFTER: usize = 25;

impl Extractor<'_> {
    /// Mentions of the values in a sentence that neither a frame's value nor its trigger
    /// covers, nor a date another mention holds as its period.
    pub(super) fn catch_all(
        &self,
        ctx: &Context,
        memory: &Memory,
        anchor: Option<PartialDate>,
        taken: &[(usize, usize)],
        others: &[Mention],
    ) -> Vec<Mention> {
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let mut out = Vec::new();
        for f in &ctx.found {
            let span = (f.start, f.end);
            if taken.iter().any(|&t| overlaps(t, span))
                || others.iter().any(|m| {
                    m.value_span.is_some_and(|v| overlaps(v, span))
                        || overlaps(m.trigger_span, span)
                })
                || glued(ctx.text, span)
            {
                continue;
            }
            // A date that is another mention's period is that mention's when it is a month
            // or a year ("this year, trade is up 10%") or a day right beside its value ("12
            // dead on Monday"); a day further off is a time of its own ("lifted off on Aug.
            // 10 from Vostochny, 5,500 km east of Moscow").
            let coarse = matches!(&f.value, Value::Date(d)
                if d.interval().is_some_and(|iv| iv.granularity != crate::time::Granularity::Day));
            // The day a time of day is on is that time's ("at 6:15 a.m. on Monday").
            if let Value::Date(DateValue::Resolved(iv)) = &f.value
                && ctx.found.iter().any(|t| {
                    matches!(&t.value, Value::Time(x) if x.date == Some(iv.start))
                        && gap_chars(ctx.text, (t.start, t.end), span) <= 30
                })
            {
                continue;
            }
            if let Value::Date(d) = &f.value
                && others.iter().any(|m| {
                    m.period.as_ref() == Some(d)
                        && (coarse
                            || m.value_span.is_some_and(|v| {
                                let gap = if v.1 <= span.0 {
                                    &ctx.text[v.1..span.0]
                                } else if span.1 <= v.0 {
                                    &ctx.text[span.1..v.0]
                                } else {
                                    ""
                                };
                                gap.chars().count() <= 30
                            }))
                })
            {
                continue;
            }
            let Some(fi) = self
                .catch_frames
                .iter()
                .copied()
                .find(|&fi| self.rules.frames[fi].value.kind.takes(f.value.kind()))
            else {
                continue;
            };
            let caps = TrigMatch::at(span);
            let spans = [span];
            let t = Trig {
                caps: &caps,
                spans: &spans,
                pick: None,
                excluded: &[],
            };
            let Some(mut m) = self.build(fi, ctx, memory, anchor, &t) else {
                continue;
            };
            if m.value_span != Some(span) {
                continue;
            }
            // A figure's period from its sentence is the date nearest it, unless another
            // figure stands nearer that date ("spending rose 3.7%: 57.3% of GDP, against
            // 58.8% in 2022" — 2022 is the 58.8%'s): then the article's own period.
            if m.kind == Kind::Quantity
                && let Some(d) = ctx
                    .found
                    .iter()
                    .find(|d| matches!(&d.value, Value::Date(x) if Some(x) == m.period.as_ref()))
            {
                let mine = gap_chars(ctx.text, (d.start, d.end), span);
                let nearer = ctx.found.iter().any(|o| {
                    !matches!(o.value, Value::Date(_) | Value::Time(_))
                        && (o.start, o.end) != span
                        && gap_chars(ctx.text, (d.start, d.end), (o.start, o.end)) < mine
                });
                if nearer {
                    m.dated = false;
                    m.period = memory.lead.clone().or_else(|| {
                        anchor
                            .map(|a| PartialDate { day: None, ..a })
                            .and_then(|a| a.interval())
                            .map(DateValue::Resolved)
                    });
                }
            }
            let what = describe(&mut m, ctx, span, self.rules);
            m.slots.insert("what".into(), vec![what]);
            // "One thing is certain", "two nations": a small count in words is a way of
            // speaking unless it counts a thing of the lexicon ("two police officers").
            if let Some(Value::Count(n)) = m.value
                && n.f64() < 3.0
                && !ctx.text[f.start..f.end].contains(|c: char| c.is_ascii_digit())
                && !m.context["unit"].iter().any(|u| u.starts_with('@'))
            {
                continue;
            }
            if matches!(m.value, Some(Value::Date(_))) && super::values::told_on(ctx, span) {
                m.context.insert("told".into(), vec!["@told".into()]);
            }
            m.key = Vec::new();
            m.summary = summarize(&self.rules.frames[fi].summary, &m);
            out.push(m);
        }
        out
    }
}

/// A number that is part of a name or code ("Luna-25", "Союз-2.1б", "COVID-19", "A320"):
/// a letter right before it (or before a hyphen before it), or right after it. ("Luna 25"
/// cannot be told from "Monday 101 bodies" or "das Wasser 62 Brücken" by its letters.)
fn glued(text: &str, (start, end): (usize, usize)) -> bool {
    let before = text[..start].chars().rev();
    let mut before = before.peekable();
    if before.peek() == Some(&'-') {
        before.next();
    }
    let letter_before = before.next().is_some_and(char::is_alphabetic);
    let digit_first = text[start..end].starts_with(|c: char| c.is_ascii_digit());
    let letter_after = text[end..].chars().next().is_some_and(char::is_alphabetic);
    digit_first && (letter_before || letter_after)
}

/// Fill the context that tells what a value is (see the module comment), and return the
/// words of the text that stand for it (the `what` of a catch-all's summary).
pub(super) fn describe(
    m: &mut Mention,
    ctx: &Context,
    (start, end): (usize, usize),
    rules: &crate::rules::RuleSet,
) -> String {
    let spellings = &rules.spellings;
    // In characters, so that Cyrillic words are as near as Latin ones.
    let distance = |p: usize| gap_chars(ctx.text, (p, p), (start, end));
    // The word right after the value: what it counts or measures.
    let after = super::values::past_scale_dot(ctx.text, end);
    let next = ctx.tokens.iter().position(|t| t.start >= after);
    let unit_token = next.filter(|&i| {
        let t = &ctx.tokens[i];
        let gap = &ctx.text[after..t.start];
        gap.chars().all(|c| c == ' ' || c == '-' || c == '\u{a0}')
            && !ctx.pack.stopwords.contains(&t.lower)
            && t.lower.chars().all(char::is_alphabetic)
            && t.lower.chars().count() >= 3
            && !matches!(m.value, Some(Value::Date(_)))
    });
    // The first end of a range counts what the second end counts: "30 bis 60 Litern", "20
    // to 25 km".
    let unit_token = unit_token.or_else(|| {
        let i = next?;
        let joiner = &ctx.tokens[i];
        let second = ctx.found.iter().find(|f| {
            f.start > joiner.end
                && ctx.text[joiner.end..f.start].trim().is_empty()
                && ctx.text[after..joiner.start].trim().is_empty()
        })?;
        // A range the normalizer read: its first end at least, its second at most.
        let first = ctx
            .found
            .iter()
            .any(|f| (f.start, f.end) == (start, end) && f.approx == crate::rules::Approx::From);
        if !first || second.approx != crate::rules::Approx::To {
            return None;
        }
        let after2 = super::values::past_scale_dot(ctx.text, second.end);
        let j = ctx.tokens.iter().position(|t| t.start >= after2)?;
        let t = &ctx.tokens[j];
        (ctx.text[after2..t.start]
            .chars()
            .all(|c| c == ' ' || c == '-' || c == '\u{a0}')
            && !ctx.pack.stopwords.contains(&t.lower)
            && t.lower.chars().all(char::is_alphabetic)
            && t.lower.chars().count() >= 3
            && !matches!(m.value, Some(Value::Date(_))))
        .then_some(j)
    });
    // The concepts of the word at `pos`, added to `into` once each.
    let concepts_at = |pos: usize, into: &mut Vec<String>| {
        for w in ctx.concepts_at(pos) {
            if !into.iter().any(|x| x == w) {
                into.push(w.to_string());
            }
        }
    };
    // An age counts years of age: its unit is the attribute concept told with it ("Der
    // 70-Jährige", "âgé de 70 ans", "The 70-year-old" all count @age), whatever word follows.
    let age = matches!(m.value, Some(Value::Count(_))) && ctx.attribute_of((start, end));
    let attribute = ctx
        .attributes
        .iter()
        .filter(|_| age)
        .min_by_key(|&&(s, e)| gap_chars(ctx.text, (s, e), (start, end)))
        .map(|&(s, _)| {
            let mut concepts = Vec::new();
            concepts_at(s, &mut concepts);
            concepts
        })
        .filter(|c| !c.is_empty())
        // With no age word beside it ("Le suspect, 41 ans, …") it counts what the age
        // words do: the attribute concepts.
        .or_else(|| {
            age.then(|| {
                rules
                    .concepts
                    .iter()
                    .filter(|(_, c)| c.attribute)
                    .map(|(id, _)| format!("@{id}"))
                    .collect()
            })
        });
    // Else every concept the word stands for, the first one first: "workers" counts people
    // (@person) and workers (@worker), and meets "empleados" (@worker) through the second.
    let units: Vec<String> = attribute.unwrap_or_else(|| {
        unit_token
            .map(|i| {
                let t = &ctx.tokens[i];
                let mut concepts: Vec<String> = Vec::new();
                concepts_at(t.start, &mut concepts);
                // The word right after it, in the same phrase.
                let next_word = ctx.tokens.get(i + 1).filter(|n| {
                    ctx.text[t.end..n.start]
                        .chars()
                        .all(|c| c == ' ' || c == '\u{a0}')
                        && !ctx.pack.stopwords.contains(&n.lower)
                });
                if concepts.is_empty() {
                    // A word the lexicon does not know may only qualify the counted word
                    // after it: "397 construction workers", "397 строительных рабочих"
                    // count workers, as "320 pekerja" does. A thing, that is: not a word
                    // of an act, a change, a projection or an attribute ("these two powers
                    // could" counts powers, not @possibility).
                    let thing = |c: &str| {
                        rules
                            .concept_of(c)
                            .is_some_and(|c| !(c.act || c.change || c.projection || c.attribute))
                    };
                    if let Some(n) = next_word.filter(|n| n.lower.chars().all(char::is_alphabetic))
                    {
                        let mut after: Vec<String> = Vec::new();
                        concepts_at(n.start, &mut after);
                        if !after.is_empty() && after.iter().all(|c| thing(c)) {
                            concepts = after;
                        }
                    }
                    if concepts.is_empty() {
                        concepts.push(format!("~{}", t.stem));
                    }
                } else if let Some(n) = next_word {
                    // The word after a counted word of the lexicon tells what is counted too:
                    // the thing after a word of an act ("vier abgeschossenen Drohnen", "three
                    // injured workers"), the act after a thing ("three trains collided"). The
                    // first word's concepts stay first.
                    concepts_at(n.start, &mut concepts);
                }
                concepts
            })
            .unwrap_or_default()
    });
    let unit = units.first().cloned();
    // Proper names: a capitalised word that does not open the sentence.
    let names: Vec<(usize, String)> = ctx
        .tokens
        .iter()
        .skip(1)
        .filter(|t| ctx.own(t.start))
        .filter(|t| {
            let word = &ctx.text[t.start..t.end];
            word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().count() >= 3
                && !ctx.pack.stopwords.contains(&t.lower)
                // "Aug." and "Monday" belong to a date.
                && !ctx.found.iter().any(|f| f.start <= t.start && t.end <= f.end)
        })
        .map(|t| {
            // Spelt as the name keys spell it, so that "Kracheninnikov" and
            // "Krascheninnikow" meet.
            let name = format!(
                "#{}",
                spellings.key(&t.lower).chars().take(5).collect::<String>()
            );
            (t.start, name)
        })
        .collect();
    // Whose value it is: the nearest name no other value of the sentence stands nearer to
    // ("58,2 % … contre 41,8 % pour l'Apruebo": Apruebo is 41.8's, not 58.2's).
    let hit_names: Vec<(usize, String)> = ctx
        .shared
        .iter()
        .filter(|(p, w)| w.starts_with('#') && ctx.hits.iter().any(|h| h.start == *p))
        .cloned()
        .collect();
    // Whether another value of the sentence that `counts` stands nearer to the words at
    // `at` than this one does.
    let rivalled = |at: (usize, usize), counts: &dyn Fn(&crate::normalize::Found) -> bool| {
        let mine = gap_chars(ctx.text, at, (start, end));
        ctx.found.iter().any(|f| {
            (f.start, f.end) != (start, end)
                && !(f.start < end && start < f.end)
                && counts(f)
                && gap_chars(ctx.text, at, (f.start, f.end)) < mine
        })
    };
    let owner = names
        .iter()
        .chain(&hit_names)
        .filter(|(p, _)| distance(*p) <= NEAR && !rivalled((*p, *p), &|_| true))
        .min_by_key(|(p, _)| (distance(*p), *p));
    // The owner as a known person or body, spelt the same in every language (a place named
    // beside a figure is more often where than whose): the nearest one that no other value
    // of the same kind stands nearer to ("The Dow Jones fell 504.48 points, or 4.42%": the
    // points and the percentage are both the Dow's; "58.2% against 41.8% for the Apruebo":
    // 41.8% is the Apruebo's). Two such owners that differ own two figures
    // (`matching::link`).
    let kind = m.value.as_ref().map(Value::kind);
    let owner_entity = ctx
        .hits
        .iter()
        .filter(|h| {
            matches!(
                h.kind,
                crate::rules::EntityKind::Person | crate::rules::EntityKind::Org
            )
        })
        .map(|h| (gap_chars(ctx.text, (h.start, h.end), (start, end)), h))
        .filter(|&(gap, h)| {
            gap <= NEAR && !rivalled((h.start, h.end), &|f| Some(f.value.kind()) == kind)
        })
        .min_by_key(|&(gap, h)| (gap, h.start))
        .map(|(_, h)| super::slug(&h.name));
    let owner = owner.map(|(_, n)| n.clone());
    let mut near: Vec<(usize, usize, &str)> = ctx
        .shared
        .iter()
        .chain(&names)
        .filter(|(p, w)| distance(*p) <= NEAR && Some(w) != unit.as_ref())
        .map(|(p, w)| (distance(*p), *p, w.as_str()))
        .collect();
    near.sort();
    let mut beside: Vec<String> = near.iter().map(|(_, _, w)| w.to_string()).collect();
    beside.extend(units.iter().cloned());
    beside.sort();
    beside.dedup();
    let mut about: Vec<String> = Vec::new();
    let mut what: Vec<String> = Vec::new();
    if let Some(i) = unit_token {
        what.push(ctx.text[ctx.tokens[i].start..ctx.tokens[i].end].to_string());
    }
    for (_, p, w) in near {
        if about.len() >= ABOUT {
            break;
        }
        if about.iter().any(|a| a == w) {
            continue;
        }
        about.push(w.to_string());
        if let Some(t) = ctx.tokens.iter().find(|t| t.start == p) {
            let word = &ctx.text[t.start..t.end];
            if !what.iter().any(|x| x == word) {
                what.push(word.to_string());
            }
        }
    }
    // Without a concept or name near it, the value is told by the content words before it.
    if what.is_empty() {
        let mut words: Vec<&crate::words::Token> = ctx
            .tokens
            .iter()
            .filter(|t| {
                t.end <= start
                    && ctx.own(t.start)
                    && t.lower.chars().count() >= 4
                    && t.lower.chars().all(char::is_alphabetic)
                    && !ctx.pack.stopwords.contains(&t.lower)
            })
            .collect();
        words = words.split_off(words.len().saturating_sub(3));
        what = words
            .iter()
            .map(|t| ctx.text[t.start..t.end].to_string())
            .collect();
    }
    let mut names: Vec<String> = names.into_iter().map(|(_, n)| n).collect();
    names.sort();
    names.dedup();
    let mut with: Vec<String> = ctx
        .found
        .iter()
        .filter(|f| (f.start, f.end) != (start, end) && !glued(ctx.text, (f.start, f.end)))
        .map(|f| format!("${}", f.value.canonical()))
        .collect();
    with.sort();
    with.dedup();
    let mut shared: Vec<String> = ctx.shared.iter().map(|(_, w)| w.clone()).collect();
    shared.sort();
    shared.dedup();
    // The words right around the value, content words only: four before, four after.
    let content = |t: &&crate::words::Token| {
        ctx.own(t.start)
            && t.lower.chars().count() >= 3
            && t.lower.chars().all(char::is_alphabetic)
            && !ctx.pack.stopwords.contains(&t.lower)
    };
    let before: Vec<&crate::words::Token> = ctx
        .tokens
        .iter()
        .filter(|t| t.end <= start)
        .filter(content)
        .collect();
    let after = ctx.tokens.iter().filter(|t| t.start >= end).filter(content);
    let window: Vec<&crate::words::Token> = before[before.len().saturating_sub(4)..]
        .iter()
        .copied()
        .chain(after.take(4))
        .collect();
    let mut local: Vec<String> = window.iter().map(|t| format!("~{}", t.stem)).collect();
    local.extend(
        ctx.shared
            .iter()
            .filter(|(p, w)| w.starts_with('@') && window.iter().any(|t| t.start == *p))
            .map(|(_, w)| w.clone()),
    );
    local.sort();
    local.dedup();
    // Its rank: the nearest "first", "second"… in its clause ("a second package of 3.8
    // billion"; not "where a second round was held, 76 were elected in the first").
    let rank = ctx
        .ranks
        .iter()
        .filter(|(p, _)| distance(*p) <= RANK_NEAR)
        .filter(|(p, _)| {
            !super::distance::between(ctx.text, (*p, *p), (start, end))
                .contains([',', ';', ':', '—', '–', '(', ')'])
        })
        .min_by_key(|(p, _)| (distance(*p), *p))
        .map(|(_, r)| r.clone());
    if let Some(r) = rank {
        m.context.insert("rank".into(), vec![r]);
    }
    // Whether it is told as a projection: a word of forecast or possibility before it in
    // its sentence ("the IMF forecast growth of 3.1%", "the toll could reach 300"), or right
    // after it ("300 people could be affected"); not one in a clause further on ("shares
    // lost 57% amid fears that a downgrade could force it to post collateral").
    let projected = ctx.shared.iter().any(|(p, w)| {
        w.starts_with('@')
            && rules.concept_of(w).is_some_and(|c| c.projection)
            && (*p < start || distance(*p) <= PROJECTION_AFTER)
    });
    if projected {
        m.context.insert("projected".into(), vec!["yes".into()]);
    }
    m.context.insert("local".into(), local);
    m.context.insert("about".into(), about);
    m.context.insert("near".into(), beside);
    m.context.insert("unit".into(), units);
    m.context.insert("names".into(), names);
    m.context
        .insert("owner".into(), owner.into_iter().collect());
    if let Some(e) = owner_entity {
        m.context.insert("owner-entity".into(), vec![e]);
    }
    m.context.insert("with".into(), with);
    m.context.insert("shared".into(), shared);
    join_adjacent(ctx.text, &what)
}

/// The words of `what`, with words that stand side by side in the text joined by a space
/// ("Vladimir Putin") and the rest by a comma.
fn join_adjacent(text: &str, what: &[String]) -> String {
    let mut out = String::new();
    for (i, w) in what.iter().enumerate() {
        if i > 0 {
            let pair = format!("{} {w}", what[i - 1]);
            out.push_str(if text.contains(&pair) { " " } else { ", " });
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::glued;
    use crate::extract::tests::{mention_with, mentions};

    #[test]
    fn the_first_end_of_a_range_counts_what_the_second_counts() {
        let ms = mentions(
            "Der Sturm hat nach Angaben der Behörden 30 bis 60 Häuser beschädigt.",
            "de",
            "2024-10-05",
        );
        let unit = |v: &str| {
            ms.iter()
                .find(|m| m.value_text() == v)
                .and_then(|m| m.context.get("unit").cloned())
                .unwrap_or_default()
        };
        assert_eq!(unit("30"), unit("60"), "{ms:?}");
        assert!(unit("30").iter().any(|u| u == "@dwelling"), "{ms:?}");
        // "174 des 179 victimes" is a part, not a range: 174 takes no unit from it.
        let ms = mentions(
            "Les autorités ont identifié 174 des 179 victimes.",
            "fr",
            "2024-12-31",
        );
        let u = ms
            .iter()
            .find(|m| m.value_text() == "174")
            .and_then(|m| m.context.get("unit").cloned())
            .unwrap_or_default();
        assert!(u.is_empty(), "{u:?}");
    }

    #[test]
    fn a_figure_told_per_unit_is_a_part() {
        let part = |text: &str, lang: &str, value: &str| {
            mention_with(text, lang, "2025-03-20", value).part
        };
        for (text, lang) in [
            ("The two affiliates must pay about $131 million each.", "en"),
            (
                "Las dos filiales tendrán que abonar unos 131 millones de dólares cada una.",
                "es",
            ),
            (
                "Фонд и организация должны выплатить примерно по 131 млн долларов.",
                "ru",
            ),
            (
                "Die beiden Ableger müssen jeweils rund 131 Millionen Dollar zahlen.",
                "de",
            ),
        ] {
            assert!(part(text, lang, "131000000 USD"), "{text}");
        }
        // The total is no part, nor is a time before "по" ("by local time").
        assert!(!part(
            "The jury ordered the group to pay $131 million in damages.",
            "en",
            "131000000 USD"
        ));
        assert!(!part(
            "Нападение произошло 22 марта около 14:50 по местному времени.",
            "ru",
            "2025-03-22T14:50"
        ));
    }

    #[test]
    fn a_count_told_with_another_is_a_part_and_a_place_is_not_another() {
        let part = |text: &str| {
            mentions(text, "en", "2024-08-24")
                .iter()
                .find(|m| m.rule == "casualties")
                .map(|m| m.part)
        };
        assert_eq!(
            part("Two men and a woman were killed in the fire."),
            Some(true)
        );
        assert_eq!(
            part("At least 20 people in Kharkiv and a nearby village were killed."),
            Some(false)
        );
    }

    #[test]
    fn a_projection_word_counts_before_the_value_or_right_after_it() {
        let projected = |text: &str, value: &str| {
            mentions(text, "en", "2025-05-12")
                .iter()
                .find(|m| m.value_text() == value)
                .map(|m| m.context.contains_key("projected"))
        };
        assert_eq!(
            projected("The ministry forecast a catch of 41,200 tonnes.", "41200 t"),
            Some(true)
        );
        assert_eq!(
            projected("At Norvik 900 jobs could go this year.", "900"),
            Some(true)
        );
        // A possibility in a clause further on is not the figure's.
        assert_eq!(
            projected(
                "Shares of Norvik fell 38% amid fears that a rating downgrade could force it to sell ships.",
                "-38%"
            ),
            Some(false)
        );
    }

    #[test]
    fn numbers_in_names_are_no_values() {
        assert!(glued("the Luna-25 probe", (9, 11)));
        assert!(glued("an A320 jet", (4, 7)));
        assert!(!glued("On Monday 101 bodies", (10, 13)));
        assert!(!glued("In 2023 it grew", (3, 7)));
        assert!(!glued("about 25 people", (6, 8)));
        assert!(!glued("(25 people)", (1, 3)));
    }

    #[test]
    fn every_value_no_frame_takes_is_a_mention() {
        let ms = mentions(
            "The cosmodrome lies about 5,500 km east of Moscow and employs 1,200 technicians.",
            "en",
            "2023-08-11",
        );
        let caught: Vec<String> = ms
            .iter()
            .filter(|m| m.rule.starts_with("value-"))
            .map(|m| m.value_text())
            .collect();
        assert!(caught.contains(&"1200".to_string()), "{ms:?}");
        let techs = ms.iter().find(|m| m.value_text() == "1200").unwrap();
        assert_eq!(techs.context["unit"], ["~technician"]);
        // Spelt as the name key spells it ("Moscow", "Moskau", "Москва" alike).
        assert!(
            techs.context["names"].iter().any(|n| n.starts_with("#mos")),
            "{:?}",
            techs.context["names"]
        );
    }

    #[test]
    fn a_figure_counts_the_thing_after_the_word_of_an_act() {
        // What the 4 of a German sentence counts.
        let unit_of_four = |text: &str| {
            let ms = mentions(text, "de", "2025-09-12");
            let four = ms
                .iter()
                .find(|m| m.value_text() == "4")
                .expect("the count");
            four.context["unit"].clone()
        };
        // "vier abgeschossenen Drohnen" counts drones as "three drones shot down" does: the
        // act right after the number comes first, the thing after it is counted too.
        assert_eq!(
            unit_of_four("Inzwischen spricht Warschau von vier abgeschossenen Drohnen."),
            ["@shoot-down", "@drone"]
        );
        // A word of no concept stays the counted word alone.
        assert_eq!(
            unit_of_four("Vier polnische Flughäfen waren gesperrt.").len(),
            1
        );
    }

    #[test]
    fn who_gives_a_figure_is_told_like_a_name() {
        // "the ministry" is an actor concept: beside the toll it says who gives it (#ministry),
        // not what is counted (@die stays a concept).
        let ms = mentions(
            "The health ministry said 45 people had died in the floods.",
            "en",
            "2023-08-11",
        );
        let toll = ms
            .iter()
            .find(|m| m.value_text() == "45")
            .expect("the toll");
        let near = &toll.context["near"];
        assert!(near.contains(&"#ministry".to_string()), "{near:?}");
        assert!(!near.contains(&"@ministry".to_string()), "{near:?}");
        assert!(near.iter().any(|t| t == "@die"), "{near:?}");
    }

    #[test]
    fn a_day_beside_speech_is_told_and_beside_an_act_is_not() {
        let told = |text: &str, lang: &str, day: &str| {
            let ms = mentions(text, lang, "2024-10-20");
            let d = ms
                .iter()
                .find(|m| m.rule == "value-date" && m.value_text() == day)
                .unwrap_or_else(|| panic!("{day} in {ms:?}"));
            d.context.contains_key("told")
        };
        assert!(told(
            "Der Minister sagte am Montag, die Brücke sei sicher.",
            "de",
            "2024-10-14"
        ));
        // "announced" makes what it names: the day is the announcement's.
        assert!(!told(
            "14 октября концерн объявила о сокращении примерно 17 тысяч рабочих мест.",
            "ru",
            "2024-10-14"
        ));
    }

    #[test]
    fn an_age_is_a_count_in_every_language() {
        for (text, lang) in [
            ("Alexei Volkov, aged 47, died on Friday.", "en"),
            ("The 47-year-old opposition leader died on Friday.", "en"),
            ("Wolkow starb im Alter von 47 Jahren.", "de"),
            ("El opositor murió a los 47 años.", "es"),
            ("Политику было 47 лет.", "ru"),
            // The age word, then "de" before the number.
            ("L'opposant, âgé de 47 ans, est mort vendredi.", "fr"),
            // A verb after the years counts nothing.
            (
                "Seorang tokoh oposisi berusia 47 tahun meninggal dunia.",
                "id",
            ),
        ] {
            let ms = mentions(text, lang, "2024-02-20");
            assert!(
                ms.iter().any(|m| m.value_text() == "47"),
                "{text}: {:?}",
                ms.iter().map(|m| m.value_text()).collect::<Vec<_>>()
            );
        }
        // A prison term stays a duration.
        let ms = mentions(
            "He was sentenced to 19 years in prison.",
            "en",
            "2024-02-20",
        );
        assert!(ms.iter().any(|m| m.value_text() == "P19Y"), "{ms:?}");
        // Years alone between commas, or a number in brackets after a name, are an age
        // with no age word, and count it as the age words do.
        for (text, lang) in [
            ("Le suspect, 47 ans, a été interpellé samedi.", "fr"),
            ("Подозреваемый, 47 лет, задержан в субботу.", "ru"),
            ("Pelaku, Tetsuya Yamagami (47), ditangkap polisi.", "id"),
            (
                "The opposition leader died at a penal colony, aged 47.",
                "en",
            ),
            // Joined by the pack's `age_of` word, after a comma, a nationality or a word
            // for people.
            ("Faye, de 47 años, es un antiguo inspector.", "es"),
            ("Celui d'une Japonaise de 47 ans, morte samedi.", "fr"),
            ("El hombre de 47 años fue detenido.", "es"),
            // Years written as an adjective (the pack's `age_before`) right before a
            // person, a name or a word for people.
            ("Нападавшим был 47-летний Кутим Фейзулаи.", "ru"),
            ("Задержан 47-летний мужчина из Людвигсхафена.", "ru"),
        ] {
            let age = mention_with(text, lang, "2024-02-20", "47");
            assert_eq!(age.context["unit"], ["@age"], "{text}");
        }
        // A term between commas with a word before it stays a duration, and so do years
        // joined by "de" to a thing that is no person.
        for text in [
            "Fue condenado, tras 19 años, a prisión.",
            "Fue condenado a una pena de 19 años de prisión.",
        ] {
            let ms = mentions(text, "es", "2024-02-20");
            assert!(
                ms.iter().any(|m| m.value_text() == "P19Y"),
                "{text}: {ms:?}"
            );
        }
        // So does such an adjective before a thing.
        let ms = mentions("Стороны подписали 19-летний договор.", "ru", "2024-02-20");
        assert!(ms.iter().any(|m| m.value_text() == "P19Y"), "{ms:?}");
    }

    #[test]
    fn a_word_the_lexicon_does_not_know_qualifies_the_counted_word_after_it() {
        let unit_of = |text: &str, lang: &str, value: &str| {
            mention_with(text, lang, "2025-03-29", value).context["unit"].clone()
        };
        // "construction" is no concept: the workers are counted, as "pekerja" counts them.
        let en = unit_of(
            "Officials said 397 construction workers were on the site.",
            "en",
            "397",
        );
        let id = unit_of("Tercatat 320 pekerja berada di lokasi proyek.", "id", "320");
        assert!(en.contains(&"@worker".to_string()), "{en:?}");
        assert!(id.contains(&"@worker".to_string()), "{id:?}");
        // Nor does a word of an act, a change or a projection after it tell what is
        // counted: "these two powers could" is no count of @possibility.
        let ms = mentions(
            "Any shift between these two powers could change the region.",
            "en",
            "2025-03-29",
        );
        assert!(
            ms.iter()
                .all(|m| !m.context["unit"].contains(&"@possibility".to_string())),
            "{ms:?}"
        );
        // A word of no concept before a word of none stays the counted word.
        let plain = unit_of("The city has 397 glorious fountains.", "en", "397");
        assert_eq!(plain.len(), 1, "{plain:?}");
        assert!(plain[0].starts_with('~'), "{plain:?}");
    }

    #[test]
    fn a_name_spelt_two_ways_describes_both_values_alike() {
        let names = |text: &str, lang: &str| -> Vec<String> {
            let ms = mentions(text, lang, "2025-08-04");
            let m = ms
                .iter()
                .find(|m| m.rule.starts_with("value-"))
                .unwrap_or_else(|| panic!("{ms:?}"));
            m.context["names"].clone()
        };
        let fr = names(
            "Selon Ioulia Navalnaïa, le corps a été rendu après 8 jours.",
            "fr",
        );
        let de = names(
            "Laut Julia Nawalnaja wurde der Leichnam nach 8 Tagen übergeben.",
            "de",
        );
        assert!(fr.iter().any(|n| de.contains(n)), "{fr:?} {de:?}");
    }
}
