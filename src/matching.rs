//! Match: group mentions into claims by frame and key, then by time: events by date
//! compatibility (two dates a few days apart are one event in conflict, further apart two
//! events), quantities by equal period and currency, statements by key alone. A mention
//! whose time cannot be resolved never joins a time-scoped claim.
//!
//! Input: mentions and rules. Output: [`Claim`]s with their mention indices, ordered by id.

use crate::extract::{Mention, slug, summarize};
use crate::normalize::{Compat, DateValue, Value, compare_approx};
use crate::rules::{Kind, RuleSet};
use crate::time::Granularity;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    pub frame: usize,
    pub kind: Kind,
    pub summary: String,
    /// Indices into the story's mentions, in file and position order.
    pub mentions: Vec<usize>,
}

/// A cluster of event mentions: compatible dates, or day dates close enough to be one
/// event. With `any_precision`, dates of any precision but a year within the window join
/// (counts).
fn cluster_events(
    idx: &[usize],
    mentions: &[Mention],
    window: i64,
    any_precision: bool,
) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut order: Vec<usize> = idx.to_vec();
    // Coarse dates first, so that finer ones find the month or year they fall in.
    let span = |i: usize| match &mentions[i].period {
        Some(DateValue::Resolved(iv)) => (iv.end - iv.start).num_days(),
        _ => -1,
    };
    order.sort_by_key(|&i| (std::cmp::Reverse(span(i)), i));
    for i in order {
        let Some(p) = &mentions[i].period else {
            clusters.push(vec![i]);
            continue;
        };
        let joins = |c: &Vec<usize>, close: bool| {
            c.iter().all(|&j| match (p, &mentions[j].period) {
                (DateValue::Resolved(a), Some(DateValue::Resolved(b))) => {
                    a.overlaps(b)
                        || (close
                            && close_enough(a.granularity, b.granularity, any_precision)
                            && a.gap_days(b) <= window)
                }
                (
                    DateValue::Unresolved {
                        text: ta,
                        anchor: Some(xa),
                    },
                    Some(DateValue::Unresolved {
                        text: tb,
                        anchor: Some(xb),
                    }),
                ) => ta == tb && xa == xb,
                _ => false,
            })
        };
        if let Some(c) = clusters.iter_mut().find(|c| joins(c, false)) {
            c.push(i);
        } else if let Some(c) = clusters.iter_mut().find(|c| joins(c, true)) {
            c.push(i);
        } else {
            clusters.push(vec![i]);
        }
    }
    for c in &mut clusters {
        c.sort();
    }
    clusters
}

/// Whether two dates may be one time a window apart: days (events), or any precision but
/// a year (counts): two different years are two times.
fn close_enough(a: Granularity, b: Granularity, any_precision: bool) -> bool {
    if any_precision {
        a != Granularity::Year && b != Granularity::Year
    } else {
        a == Granularity::Day && b == Granularity::Day
    }
}

/// The coarsest resolved period of a cluster: the one the others fall within.
fn cluster_period(c: &[usize], mentions: &[Mention]) -> Option<DateValue> {
    c.iter()
        .filter_map(|&i| mentions[i].period.clone())
        .max_by_key(|p| match p {
            DateValue::Resolved(iv) => (iv.end - iv.start).num_days(),
            DateValue::Unresolved { .. } => -1,
        })
}

fn time_scoped_ok(m: &Mention) -> bool {
    match &m.period {
        Some(DateValue::Resolved(_)) => true,
        Some(DateValue::Unresolved { anchor, .. }) => anchor.is_some(),
        None => false,
    }
}

/// Weight of each content word: rarer words in the story weigh more (inverse document
/// frequency over the sentences that carry mentions).
fn content_weights(mentions: &[Mention]) -> BTreeMap<String, f64> {
    let mut seen = std::collections::BTreeSet::new();
    let mut df: BTreeMap<String, usize> = BTreeMap::new();
    for m in mentions {
        if !seen.insert((m.article, m.start)) {
            continue;
        }
        for w in &m.words {
            *df.entry(w.clone()).or_default() += 1;
        }
    }
    let n = seen.len().max(1) as f64;
    df.into_iter()
        .map(|(w, d)| (w, (1.0 + n / d as f64).ln()))
        .collect()
}

/// Statements that say the same thing: a weighted share of shared content words at least
/// `threshold` of the smaller statement, and at least two shared words.
fn cluster_content(
    idx: &[usize],
    words: impl Fn(usize) -> Vec<String>,
    same: impl Fn(usize, usize) -> bool,
    weights: &BTreeMap<String, f64>,
    threshold: f64,
) -> Vec<Vec<usize>> {
    let weight = |ws: &[String]| {
        ws.iter()
            .map(|w| weights.get(w).copied().unwrap_or(1.0))
            .sum::<f64>()
    };
    // Similarity of two statements, or None when they share fewer than two words.
    let similarity = |a: usize, b: usize| -> Option<f64> {
        if same(a, b) {
            return Some(1.0);
        }
        let (wa, wb) = (words(a), words(b));
        let shared: Vec<String> = wa.iter().filter(|w| wb.contains(w)).cloned().collect();
        let small = weight(&wa).min(weight(&wb));
        (shared.len() >= 2 && small > 0.0).then(|| weight(&shared) / small)
    };
    let n = idx.len();
    let sim: Vec<Vec<Option<f64>>> = (0..n)
        .map(|a| (0..n).map(|b| similarity(idx[a], idx[b])).collect())
        .collect();
    // Agglomerative, complete link: the two groups whose least similar pair is most
    // similar merge first, so each statement finds the dispute it is closest to, and two
    // disputes in one story ("signal failure", "anti-collision system") stay apart.
    let mut clusters: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for x in 0..clusters.len() {
            for y in x + 1..clusters.len() {
                let link = clusters[x]
                    .iter()
                    .flat_map(|&a| clusters[y].iter().map(move |&b| (a, b)))
                    .map(|(a, b)| sim[a][b].unwrap_or(f64::NEG_INFINITY))
                    .fold(f64::INFINITY, f64::min);
                if link >= threshold && best.is_none_or(|(l, _, _)| link > l) {
                    best = Some((link, x, y));
                }
            }
        }
        let Some((_, x, y)) = best else { break };
        let merged = clusters.remove(y);
        clusters[x].extend(merged);
    }
    let mut out: Vec<Vec<usize>> = clusters
        .into_iter()
        .map(|c| {
            let mut c: Vec<usize> = c.into_iter().map(|i| idx[i]).collect();
            c.sort();
            c
        })
        .collect();
    out.sort();
    out
}

/// The qualifier fillers of each mention: its own, else the one its article names most
/// often for that frame, else the one the story names most often (ties: the first in
/// alphabetical order), else "none". A qualifier counts only where some article itself
/// gives one kind of figure for two fillers ("134 dead in Ahrweiler, 49 in North
/// Rhine-Westphalia"); otherwise places are one event told at different scales ("near
/// Bahanaga Bazar", "in Odisha", "in India") and every filler is empty.
fn qualifiers(mentions: &[Mention], rules: &RuleSet) -> Vec<Vec<String>> {
    let filler = |m: &Mention, q: &str| {
        m.slots
            .get(q)
            .filter(|v| !v.is_empty())
            .map(|v| v.join(" and "))
    };
    let most = |fillers: &Vec<String>| most_frequent(fillers.iter().cloned());
    // The fillers named per (frame, article, qualifier) and per (frame, qualifier), and per
    // (frame, key, qualifier) the distinct ones each article names.
    type Named<'m> =
        BTreeMap<(usize, &'m [String], &'m str), BTreeMap<(usize, i32), BTreeSet<String>>>;
    let mut by_article: BTreeMap<(usize, usize, &str), Vec<String>> = BTreeMap::new();
    let mut by_story: BTreeMap<(usize, &str), Vec<String>> = BTreeMap::new();
    let mut named: Named = BTreeMap::new();
    for m in mentions {
        for q in &rules.frames[m.frame].qualifiers {
            let Some(f) = filler(m, q) else { continue };
            by_article
                .entry((m.frame, m.article, q.as_str()))
                .or_default()
                .push(f.clone());
            by_story
                .entry((m.frame, q.as_str()))
                .or_default()
                .push(f.clone());
            // Two places count only for figures of one year: "10 dead in Paris in 2019"
            // beside this week's toll is history, not a second toll of this event.
            let year = m
                .period
                .as_ref()
                .and_then(DateValue::interval)
                .map_or(0, |iv| chrono::Datelike::year(&iv.start));
            named
                .entry((m.frame, m.key.as_slice(), q.as_str()))
                .or_default()
                .entry((m.article, year))
                .or_default()
                .insert(f);
        }
    }
    let active = |m: &Mention, q: &str| {
        named
            .get(&(m.frame, m.key.as_slice(), q))
            .is_some_and(|arts| arts.values().any(|s| s.len() >= 2))
    };
    mentions
        .iter()
        .map(|m| {
            rules.frames[m.frame]
                .qualifiers
                .iter()
                .map(|q| {
                    if !active(m, q) {
                        return String::new();
                    }
                    filler(m, q)
                        .or_else(|| {
                            by_article
                                .get(&(m.frame, m.article, q.as_str()))
                                .and_then(most)
                        })
                        .or_else(|| by_story.get(&(m.frame, q.as_str())).and_then(most))
                        .unwrap_or_else(|| "none".to_string())
                })
                .collect()
        })
        .collect()
}

/// The value seen most often; ties go to the first in alphabetical order.
fn most_frequent(values: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k)
}

/// What a catch-all value is told by: the language-neutral context of its sentence
/// (concepts, names, other values, the concept it counts), its words in its own language, and
/// the concepts and names right beside it.
struct Signature<'m> {
    lang: &'m str,
    local: BTreeSet<&'m str>,
    neutral: BTreeSet<&'m str>,
    lexical: BTreeSet<&'m str>,
    near: BTreeSet<&'m str>,
}

fn signature<'m>(m: &'m Mention, langs: &'m [String]) -> Signature<'m> {
    let slot = |name: &str| m.slots.get(name).into_iter().flatten().map(String::as_str);
    let unit = slot("unit");
    Signature {
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
    }
}

/// Whether a value is specific enough that two articles rarely give it by chance: a day
/// date, a time of day, or a number with two significant digits or more ("42,000", "6.8", "28"), not a
/// round one ("3", "2,000") nor a year.
fn distinctive(v: &Value) -> bool {
    let number = match v {
        Value::Date(d) => {
            return d
                .interval()
                .is_some_and(|iv| iv.granularity == crate::time::Granularity::Day);
        }
        // A minute of a day.
        Value::Time(_) => return true,
        Value::Money { amount, .. } => *amount,
        Value::Percent(x) | Value::Count(x) | Value::Factor(x) | Value::Measure(x, _) => *x,
        Value::Duration(x, _) => *x,
    };
    let digits: String = format!("{}", number.abs())
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.trim_matches('0').len() >= 2
}

/// Link catch-all mentions across articles into claims. Two mentions in different
/// articles are linked when their values are comparable and their sentences share context:
/// at least two shared tokens, one of them beside both values, and a weighted share of
/// `value_agreement` (values that agree) or `value_conflict` (values that differ; then also
/// three shared tokens and the same counted word). Figures of different periods never link.
/// Links are taken strongest first, each joining two claims (single link) as long as the
/// claim keeps at most one mention per article. Every mention of a claim is thus linked to
/// another by shared context, and a differing value only by the stricter conflict link.
fn link_values(
    idx: &[usize],
    mentions: &[Mention],
    langs: &[String],
    rules: &RuleSet,
) -> Vec<Vec<usize>> {
    let sigs: BTreeMap<usize, Signature> = idx
        .iter()
        .map(|&i| (i, signature(&mentions[i], langs)))
        .collect();
    // Inverse sentence frequency of each token.
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for &i in idx {
        if seen.insert((mentions[i].article, mentions[i].start)) {
            let s = &sigs[&i];
            for t in s.neutral.union(&s.lexical) {
                *df.entry(t).or_default() += 1;
            }
        }
    }
    let n = seen.len().max(1) as f64;
    let weight = |t: &str| df.get(t).map_or(1.0, |&d| (1.0 + n / d as f64).ln());
    let total = |ts: &mut dyn Iterator<Item = &&str>| ts.map(|t| weight(t)).sum::<f64>();
    let settings = &rules.settings;
    // Whether an article gives, among its catch-all values of a frame, one that agrees
    // with `v`: then it does not contradict `v`, whatever its other figure belongs to
    // ("the union demands 555 euros; the company offers 11%" against "555 euros").
    let gives = |article: usize, frame: usize, v: &Value| {
        idx.iter().any(|&c| {
            let mc = &mentions[c];
            mc.article == article
                && mc.frame == frame
                && mc.value.as_ref().is_some_and(|vc| {
                    matches!(
                        compare_approx(vc, mc.approx, v, crate::rules::Approx::Exact, 0.0),
                        Compat::Agree(_)
                    )
                })
        })
    };
    // The strength of the link between two mentions, if any.
    let link = |a: usize, b: usize| -> Option<f64> {
        let (ma, mb) = (&mentions[a], &mentions[b]);
        if ma.article == mb.article || ma.frame != mb.frame {
            return None;
        }
        let (Some(va), Some(vb)) = (&ma.value, &mb.value) else {
            return None;
        };
        let differ = match compare_approx(va, ma.approx, vb, mb.approx, 0.0) {
            Compat::Agree(_) => false,
            Compat::Conflict(_) => true,
            Compat::Unknown(_) => return None,
        };
        // Two different dates are one event told two ways only when both are days at most
        // `event_window_days` apart, as for the frames' events; otherwise two events.
        if differ && let (Value::Date(da), Value::Date(db)) = (va, vb) {
            let close = match (da.interval(), db.interval()) {
                (Some(a), Some(b)) => {
                    a.granularity == Granularity::Day
                        && b.granularity == Granularity::Day
                        && a.gap_days(&b) <= rules.settings.event_window_days
                }
                _ => false,
            };
            if !close {
                return None;
            }
        }
        if let (Some(pa), Some(pb)) = (
            ma.period.as_ref().and_then(DateValue::interval),
            mb.period.as_ref().and_then(DateValue::interval),
        ) && ma.kind == Kind::Quantity
            && !pa.overlaps(&pb)
        {
            return None;
        }
        let (sa, sb) = (&sigs[&a], &sigs[&b]);
        let same_lang = sa.lang == sb.lang;
        let mut shared: Vec<&&str> = sa.neutral.intersection(&sb.neutral).collect();
        let mut base_a: Vec<&&str> = sa.neutral.iter().collect();
        let mut base_b: Vec<&&str> = sb.neutral.iter().collect();
        if same_lang {
            shared.extend(sa.lexical.intersection(&sb.lexical));
            base_a.extend(&sa.lexical);
            base_b.extend(&sb.lexical);
        }
        let beside: Vec<&&str> = sa.near.intersection(&sb.near).collect();
        let small = total(&mut base_a.iter().copied()).min(total(&mut base_b.iter().copied()));
        if shared.len() < 2 || beside.is_empty() || small <= 0.0 {
            return None;
        }
        let sim = total(&mut shared.iter().copied()) / small;
        // How much of what stands beside the values, names aside, they share: the
        // speakers of two sides of a conflict differ ("according to Listyo", "Komnas HAM
        // counted"), the thing they count does not.
        let what = |t: &&&str| !t.starts_with('#');
        let near_small =
            total(&mut sa.near.iter().filter(what)).min(total(&mut sb.near.iter().filter(what)));
        let near = total(&mut beside.iter().copied().filter(what)) / near_small.max(1e-9);
        if differ {
            let unit = |m: &Mention| m.slots.get("unit").cloned().unwrap_or_default();
            // Names say who; only a concept beside both values (or the thing both
            // count) says that they are the same act or measure: "the prosecutor has
            // investigated Landrat X since August" and "Landrat X said on Friday" are two.
            let same_unit = unit(ma) == unit(mb);
            let same_act =
                beside.iter().any(|t| t.starts_with('@')) || (same_unit && !unit(ma).is_empty());
            let settled = gives(mb.article, mb.frame, va) || gives(ma.article, ma.frame, vb);
            // Two reports of one figure differ by a revision or a misreading, not by more
            // than a factor of five: "5 villages" and "500 homes" are two figures.
            let scale = |v: &Value| match v {
                Value::Money { amount: x, .. }
                | Value::Percent(x)
                | Value::Count(x)
                | Value::Factor(x)
                | Value::Measure(x, _)
                | Value::Duration(x, _) => Some(x.abs()),
                Value::Date(_) | Value::Time(_) => None,
            };
            let apart = match (scale(va), scale(vb)) {
                (Some(x), Some(y)) => x.max(y) > 5.0 * x.min(y),
                _ => false,
            };
            // The words right around both values say the same: in one language their
            // stems, across languages their concepts.
            let words = |s: &Signature| -> BTreeSet<String> {
                s.local
                    .iter()
                    .filter(|w| same_lang || w.starts_with('@'))
                    .map(|w| w.to_string())
                    .collect()
            };
            let (la, lb) = (words(sa), words(sb));
            let local = la.intersection(&lb).count() as f64 / la.len().min(lb.len()).max(1) as f64;
            (sim >= settings.value_conflict
                && !settled
                && !apart
                && local >= 0.5
                && near >= 0.5
                && shared.len() >= 3
                && same_unit
                && same_act)
                .then_some(sim + near)
        } else {
            // A value few sentences would give by chance ("42,000", "11 August 2023") needs
            // half the context that "3" or "2023" needs.
            let needed = if distinctive(va) && distinctive(vb) {
                settings.value_agreement / 2.0
            } else {
                settings.value_agreement
            };
            (sim >= needed).then_some(sim + near)
        }
    };
    // Candidate pairs: mentions that share a token beside the value.
    let mut by_token: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (&i, s) in &sigs {
        for t in &s.near {
            by_token.entry(t).or_default().push(i);
        }
    }
    let mut links: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for list in by_token.values() {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                let key = (a.min(b), a.max(b));
                if links.contains_key(&key) {
                    continue;
                }
                if let Some(l) = link(a, b) {
                    links.insert(key, l);
                }
            }
        }
    }
    let mut order: Vec<((usize, usize), f64)> = links.iter().map(|(&k, &v)| (k, v)).collect();
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

/// Group mentions into claims. `langs` gives each article's language.
pub fn group(mentions: &[Mention], langs: &[String], rules: &RuleSet) -> Vec<Claim> {
    let mut groups: BTreeMap<(usize, Vec<String>), Vec<usize>> = BTreeMap::new();
    let mut singles: Vec<usize> = Vec::new();
    let mut caught: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let quals = qualifiers(mentions, rules);
    for (i, m) in mentions.iter().enumerate() {
        let frame = &rules.frames[m.frame];
        if frame.catch_all {
            caught.entry(m.frame).or_default().push(i);
            continue;
        }
        let mut key = m.key.clone();
        key.extend(quals[i].iter().map(|q| slug(q)));
        if frame.key.iter().any(|k| k == "period") && !time_scoped_ok(m) {
            singles.push(i);
            continue;
        }
        if let Some(Value::Money { currency, .. }) = &m.value {
            key.push(currency.clone());
        }
        groups.entry((m.frame, key)).or_default().push(i);
    }

    let mut raw: Vec<(String, Vec<usize>, Option<DateValue>)> = Vec::new();
    let base = |frame: usize, key: &[String]| {
        let mut id = rules.frames[frame].id.clone();
        for k in key {
            id.push('/');
            id.push_str(&slug(k));
        }
        id
    };
    let weights = content_weights(mentions);
    for ((frame, key), idx) in groups {
        let f = &rules.frames[frame];
        let content_slot = f.slots.iter().find(|s| {
            f.key.contains(&s.name) && s.types.contains(&crate::rules::SlotType::Content)
        });
        if let Some(slot) = content_slot {
            for c in cluster_content(
                &idx,
                |i| {
                    mentions[i]
                        .slots
                        .get(&slot.name)
                        .cloned()
                        .unwrap_or_default()
                },
                |_, _| false,
                &weights,
                rules.settings.content_overlap,
            ) {
                let words = mentions[c[0]]
                    .slots
                    .get(&slot.name)
                    .cloned()
                    .unwrap_or_default();
                let mut id = base(frame, &[]);
                id.push('/');
                id.push_str(
                    &words
                        .iter()
                        .filter(|w| !w.starts_with(['@', '#']))
                        .take(4)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("-"),
                );
                raw.push((id, c, None));
            }
            continue;
        }
        // An inactive qualifier (empty) is named in the id by the filler the claim's own
        // mentions give most often: "visit/vladimir-putin/tehran/2022-07".
        let id_key = |c: &[usize]| -> Vec<String> {
            let mut id_key: Vec<String> =
                key[..(f.key.len() + f.qualifiers.len()).min(key.len())].to_vec();
            for (qi, q) in f.qualifiers.iter().enumerate() {
                let at = f.key.len() + qi;
                if id_key.get(at).is_some_and(String::is_empty) {
                    let fillers = c.iter().filter_map(|&i| {
                        mentions[i]
                            .slots
                            .get(q)
                            .filter(|v| !v.is_empty())
                            .map(|v| slug(&v.join(" and ")))
                    });
                    id_key[at] = most_frequent(fillers).unwrap_or_else(|| "none".to_string());
                }
            }
            id_key
        };
        // A generic count (a fallback frame keyed only by the counted word) gives two
        // different figures one claim only when their sentences say the same around them:
        // "44 km deep" and "29 km from Balao" share a unit, not a claim.
        let subgroups = if f.fallback && f.kind != Kind::Statement {
            cluster_content(
                &idx,
                |i| {
                    mentions[i]
                        .words
                        .iter()
                        .filter(|w| !key.iter().any(|k| w.starts_with(k.as_str())))
                        .cloned()
                        .collect()
                },
                // The same figure may join on the key alone; only different figures need
                // the same sentence around them to be one claim in conflict.
                |a, b| mentions[a].value_text() == mentions[b].value_text(),
                &weights,
                rules.settings.content_overlap,
            )
        } else {
            vec![idx]
        };
        for idx in subgroups {
            match f.kind {
                Kind::Event => {
                    for c in cluster_events(&idx, mentions, rules.settings.event_window_days, false)
                    {
                        let period = cluster_period(&c, mentions);
                        let mut id = base(frame, &id_key(&c));
                        id.push('/');
                        id.push_str(
                            &period
                                .as_ref()
                                .map_or("undated".to_string(), |p| slug(&p.canonical())),
                        );
                        raw.push((id, c, period));
                    }
                }
                // A count or amount keyed without its period ("dead in this attack") joins
                // mentions whose times overlap or lie within `count_window_days`.
                Kind::Quantity if !f.key.iter().any(|k| k == "period") => {
                    let (dated, undated): (Vec<usize>, Vec<usize>) =
                        idx.iter().partition(|&&i| time_scoped_ok(&mentions[i]));
                    let mut clusters =
                        cluster_events(&dated, mentions, rules.settings.count_window_days, true);
                    // Undated amounts can neither corroborate nor contradict: one claim each.
                    clusters.extend(undated.into_iter().map(|i| vec![i]));
                    for c in clusters {
                        let period = cluster_period(&c, mentions);
                        raw.push((base(frame, &id_key(&c)), c, period));
                    }
                }
                _ => {
                    let period = cluster_period(&idx, mentions);
                    raw.push((base(frame, &id_key(&idx)), idx, period));
                }
            }
        }
    }
    for (frame, idx) in caught {
        for c in link_values(&idx, mentions, langs, rules) {
            let first = &mentions[c[0]];
            let slot = |name: &str| first.slots.get(name).cloned().unwrap_or_default();
            let mut label: Vec<String> = slot("unit");
            label.extend(slot("about"));
            if label.is_empty() {
                label = slot("what");
            }
            let label: Vec<String> = label
                .iter()
                .map(|w| slug(w.trim_start_matches(['@', '#', '~'])))
                .take(2)
                .collect();
            let mut id = base(frame, &[]);
            for part in label.iter().filter(|p| !p.is_empty()) {
                id.push('/');
                id.push_str(part);
            }
            id.push('/');
            id.push_str(&slug(&first.value_text()));
            let period = cluster_period(&c, mentions);
            raw.push((id, c, period));
        }
    }
    for i in singles {
        let m = &mentions[i];
        let period = m.period.clone();
        let mut id = base(m.frame, &m.key);
        if period.is_none() && !m.key.iter().any(|k| k == "undated") {
            id.push_str("/undated");
        }
        raw.push((id, vec![i], period));
    }

    // Same id twice (two undated events): number them in mention order.
    raw.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut claims = Vec::new();
    for (id, idx, period) in raw {
        let n = seen.entry(id.clone()).or_default();
        *n += 1;
        let id = if *n == 1 { id } else { format!("{id}-{n}") };
        let first = &mentions[idx[0]];
        let mut rep = first.clone();
        rep.period = period;
        let frame = &rules.frames[first.frame];
        // A qualifier the first mention leaves implicit still names the claim.
        for (q, v) in frame.qualifiers.iter().zip(&quals[idx[0]]) {
            if !v.is_empty() && v != "none" && rep.slots.get(q).is_none_or(|s| s.is_empty()) {
                rep.slots.insert(q.clone(), vec![v.clone()]);
            }
        }
        claims.push(Claim {
            id,
            frame: first.frame,
            kind: frame.kind,
            summary: summarize(&frame.summary, &rep),
            mentions: idx,
        });
    }
    claims
}
