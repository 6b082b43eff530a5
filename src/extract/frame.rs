//! Frame: run one frame over one sentence. Each trigger match becomes a mention (slots,
//! value, speaker, summary and key); repeats of a key are dropped, a quantity frame adds a
//! second amount with a period or slots of its own, and a number goes to its nearest trigger.
//!
//! Input: a frame, the sentence's [`Context`] and the paragraph's [`Memory`]. Output: the
//! frame's mentions in the sentence; the caller sets their article and position.

use super::context::Context;
use super::distance::weighted_gap;
use super::{Extractor, Memory, Mention, Polarity, negation, slots, summarize, summary, values};
use crate::normalize::Value;
use crate::rules::{Kind, Lang, SlotType};
use crate::time::PartialDate;
use std::collections::BTreeMap;

/// A trigger match, every match of its frame in the sentence, and (for a second amount)
/// the value to take instead of the nearest.
pub(super) struct Trig<'a> {
    pub(super) caps: &'a TrigMatch,
    pub(super) spans: &'a [(usize, usize)],
    pub(super) pick: Option<(usize, usize)>,
    /// What the frame's `exclude` patterns cover in the sentence: no trigger and no value
    /// of the frame there.
    pub(super) excluded: &'a [(usize, usize)],
}

/// Where a frame's trigger matched, and the named groups of a regex trigger (a word
/// pattern has none).
pub(super) struct TrigMatch {
    pub(super) span: (usize, usize),
    groups: Vec<(String, (usize, usize))>,
}

impl TrigMatch {
    /// A trigger with no groups at `span` (a catch-all value is its own trigger).
    pub(super) fn at(span: (usize, usize)) -> TrigMatch {
        TrigMatch {
            span,
            groups: Vec::new(),
        }
    }

    fn of_regex(re: &crate::rx::Regex, c: &crate::rx::Captures) -> TrigMatch {
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

    pub(super) fn group(&self, name: &str) -> Option<(usize, usize)> {
        self.groups.iter().find(|(n, _)| n == name).map(|(_, g)| *g)
    }
}

impl Extractor<'_> {
    /// The frame's mentions in one sentence. The values of matches dropped as repeats of a
    /// key are added to `claimed`.
    pub(super) fn mention(
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
            // A rejection that denies what was said triggers a statement, as a denial does.
            .chain(
                statement_cues(frame, ctx)
                    .into_iter()
                    .map(|span| TrigMatch {
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
                excluded: &excluded,
            };
            let Some(m) = self.build(fi, ctx, memory, anchor, &t) else {
                continue;
            };
            if out.iter().any(|(o, _)| o.key == m.key) {
                // "12 were killed and 5 died": the 5 is this frame's too, not a count of
                // something else for a fallback frame. A fallback frame's second figure of
                // a kind is left to the catch-all, described by its own words: "vientos de
                // 270 km/h y rachas de hasta 330 km/h" gives two speeds.
                if !frame.fallback {
                    claimed.extend(m.value_span);
                }
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
                        excluded: &excluded,
                    };
                    let Some(mut x) = self.build(fi, ctx, memory, anchor, &t) else {
                        continue;
                    };
                    if x.period.is_none() {
                        x.period = m.period.clone();
                        x.dated = m.dated;
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
                        ctx.compares(from, f.start)
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

    /// One mention from one trigger match: its slots, value and period, speaker and
    /// polarity, summary and key. `None` when a required slot, the value the frame checks,
    /// or a speaker the frame needs is missing.
    pub(super) fn build(
        &self,
        fi: usize,
        ctx: &Context,
        memory: &Memory,
        anchor: Option<PartialDate>,
        t: &Trig,
    ) -> Option<Mention> {
        let frame = &self.rules.frames[fi];
        let trig = t.caps.span;
        let mut slots = slots::fill_all(frame, t, ctx, memory)?;
        let chosen = values::choose(frame, ctx, memory, anchor, t)?;
        // A measure the topic of its slot cannot have: "rachas de hasta 330 km/h" gives no
        // distance, whatever distance word stands nearest.
        if let Some(Value::Measure(_, unit)) = &chosen.value
            && let Some(dim) = crate::normalize::dimension(unit)
            && frame.slots.iter().any(|s| {
                s.types.contains(&SlotType::Topic)
                    && slots.get(&s.name).into_iter().flatten().any(|id| {
                        self.rules.topics.iter().any(|t| {
                            &t.id == id
                                && !t.measures.is_empty()
                                && !t.measures.iter().any(|m| m == dim)
                        })
                    })
            })
        {
            return None;
        }
        let speaker = ctx.voice.speaker_at(trig);
        if frame.needs_speaker && speaker.is_none() {
            return None;
        }
        if frame
            .slots
            .iter()
            .any(|s| s.types.contains(&SlotType::Content))
        {
            slots.insert("clause".to_string(), vec![summary::clause(ctx, trig)]);
        }
        let mut polarity = ctx.voice.polarity_at(trig);
        // A statement whose own predicate is negated denies what the same words without
        // the negation assert (issue 13); a denial already denies.
        let mut negation = None;
        if frame.kind == Kind::Statement && polarity == Polarity::Asserts {
            let speech = frame
                .slots
                .iter()
                .any(|s| s.types.contains(&SlotType::Content));
            negation = negation::governing(ctx, &ctx.negations, trig, speech);
            if negation.is_some() {
                polarity = Polarity::Denies;
            }
        }
        let mut key = summary::key(frame, &slots, chosen.period.as_ref());
        // A count of a group ("15 civilians", "15 warga sipil") is keyed by the group: the
        // concept of one of the two words right after the number.
        if let Some((_, end)) = chosen.span
            && !frame.value.subgroups.is_empty()
        {
            // In the number's own phrase: "killing 24 people, police sources said" counts
            // no police officers.
            let next: Vec<usize> = ctx
                .tokens
                .iter()
                .filter(|t| t.start >= end)
                .take(2)
                .take_while(|t| !ctx.text[end..t.start].contains([',', ';', ':', '.', '(', ')']))
                .map(|t| t.start)
                .collect();
            let group = ctx.shared.iter().find_map(|(at, w)| {
                let id = w.strip_prefix('@')?;
                (next.contains(at) && frame.value.subgroups.iter().any(|g| g == id))
                    .then(|| id.to_string())
            });
            if let Some(g) = group {
                key.push(g);
            }
        }
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
            negation,
            negated_anywhere: !ctx.negations.is_empty(),
            hedged: ctx.voice.hedged,
            backdrop: ctx.backdrop || chosen.approx == crate::rules::Approx::Was,
            part: chosen
                .span
                .is_some_and(|v| ctx.beside_subgroup(v) || ctx.coordinated(v, trig)),
            elapsed: match (&chosen.value, chosen.span) {
                (Some(Value::Duration(..)), Some(v)) if ctx.elapsed_at(v) => anchor,
                (Some(Value::Duration(..)), Some(v)) => ctx.between_day(v),
                _ => None,
            },
            beside: false,
            approx: chosen.approx,
            value_span: chosen.span,
            trigger_span: trig,
            value: chosen.value,
            period: chosen.period,
            dated: chosen.dated,
            running: chosen.running,
            slots,
            key,
            summary: String::new(),
            words: ctx.words.clone(),
            context: BTreeMap::new(),
        };
        m.summary = summarize(&frame.summary, &m);
        Some(m)
    }
}

/// The rejections that deny what was said ("dismissed the idea that …", "menolak tudingan
/// itu"), in a sentence with a speaker: triggers of a fallback statement frame, as its own
/// denial words are. (Every attribution cue as a trigger was tried: it added false conflicts
/// on the held-out folders and no conflict found.)
pub(super) fn statement_cues(frame: &crate::rules::Frame, ctx: &Context) -> Vec<(usize, usize)> {
    if frame.kind == Kind::Statement && frame.fallback && ctx.voice.speaker.is_some() {
        ctx.rejections.clone()
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::mentions;

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
}
