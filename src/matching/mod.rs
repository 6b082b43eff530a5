//! Match: group mentions into claims by frame and key, then by time: events by date
//! compatibility (two dates a few days apart are one event in conflict, further apart two
//! events), quantities by equal period and currency, statements by key alone. A mention
//! whose time cannot be resolved never joins a time-scoped claim.
//!
//! Input: mentions and rules. Output: [`Claim`]s with their mention indices, ordered by id.

mod link;

use crate::extract::{Mention, slug, summarize};
use crate::normalize::{DateValue, Value};
use crate::rules::{EntityKind, Kind, RuleSet};
use crate::time::{Granularity, Interval};
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

/// The periods each article gives for one frame's events, by article.
type Told<'m> = BTreeMap<usize, Vec<&'m Interval>>;

/// The periods each article gives for the events of each frame and key (whatever their
/// qualifiers): what tells two events apart in [`cluster_events`].
fn told_days(mentions: &[Mention]) -> BTreeMap<(usize, &[String]), Told<'_>> {
    let mut told: BTreeMap<(usize, &[String]), Told> = BTreeMap::new();
    for m in mentions.iter().filter(|m| m.kind == Kind::Event) {
        if let Some(DateValue::Resolved(iv)) = &m.period {
            told.entry((m.frame, m.key.as_slice()))
                .or_default()
                .entry(m.article)
                .or_default()
                .push(iv);
        }
    }
    told
}

/// A cluster of event mentions: compatible dates, or day dates close enough to be one
/// event. With `any_precision` (a frame's figures: counts, amounts, percentages), dates of
/// any precision but a year within the window join, and only figures within a revision of
/// each other ([`link::beyond_revision`]). `told`: the days each article gives for these
/// events; two days one article gives are two events.
fn cluster_events(
    idx: &[usize],
    mentions: &[Mention],
    window: i64,
    any_precision: bool,
    apart: &dyn Fn(&Mention, &Mention) -> bool,
    told: &Told,
) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut order: Vec<usize> = idx.to_vec();
    // Coarse dates first, so that finer ones find the month or year they fall in.
    let span = |i: usize| match &mentions[i].period {
        Some(DateValue::Resolved(iv)) => (iv.end - iv.start).num_days(),
        _ => -1,
    };
    order.sort_by_key(|&i| (std::cmp::Reverse(span(i)), i));
    // An article that tells of both days ("the first wave on Tuesday, the radios on
    // Wednesday"; "Lekhak stepped down on Monday, Oli on Tuesday") tells two events: no
    // other article's days join across them.
    let two_told = |a: &Interval, b: &Interval| {
        !a.overlaps(b)
            && told.values().any(|ivs| {
                ivs.iter().any(|x| x.overlaps(a) && !x.overlaps(b))
                    && ivs.iter().any(|x| x.overlaps(b) && !x.overlaps(a))
            })
    };
    for i in order {
        let Some(p) = &mentions[i].period else {
            clusters.push(vec![i]);
            continue;
        };
        // Two figures more than a revision apart ("13 missing", "1 missing"; "2,445 dead",
        // "2 dead") are two figures of the frame's key: a town's and the country's, the
        // children's and everyone's.
        let sizes_meet = |j: usize| !any_precision || !sizes_apart(&mentions[i], &mentions[j]);
        let joins = |c: &Vec<usize>, close: bool| {
            c.iter().all(|&j| !mentions[i].other_rank(&mentions[j]) && sizes_meet(j))
                // Two dates apart are one event told two ways only where no two places
                // tell two events.
                && (!close || c.iter().all(|&j| !apart(&mentions[i], &mentions[j])))
                && c.iter().all(|&j| match (p, &mentions[j].period) {
                    (DateValue::Resolved(a), Some(DateValue::Resolved(b))) => {
                        // A month a sentence names is the figure's own period ("in August,
                        // 342 died"): it meets the figures of that month only. A month lent
                        // by the article's date is a guess, and meets the next reports.
                        let own_month = |iv: &Interval, m: &Mention| {
                            m.dated && iv.granularity == Granularity::Month
                        };
                        // A running total ("650 dead since April") and a month's figure
                        // ("396 died in September") are two figures.
                        let total_and_month = mentions[i].running != mentions[j].running
                            && (own_month(a, &mentions[i]) || own_month(b, &mentions[j]));
                        !total_and_month
                            && (a.overlaps(b)
                            || (close
                                && close_enough(a.granularity, b.granularity, any_precision)
                                && !two_told(a, b)
                                && !own_month(a, &mentions[i])
                                && !own_month(b, &mentions[j])
                                && a.gap_days(b) <= window))
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
                    // Neither could be dated: the same words ("this month") in two articles.
                    (
                        DateValue::Unresolved {
                            text: ta,
                            anchor: None,
                        },
                        Some(DateValue::Unresolved {
                            text: tb,
                            anchor: None,
                        }),
                    ) => ta == tb,
                    // A day or month without its year ("19 July", "in July") meets the dates
                    // of that day or month.
                    (
                        DateValue::Unresolved { text, anchor: None },
                        Some(DateValue::Resolved(iv)),
                    )
                    | (
                        DateValue::Resolved(iv),
                        Some(DateValue::Unresolved { text, anchor: None }),
                    ) => crate::normalize::partial_fits(text, iv),
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

/// Whether two mentions give figures more than a revision apart
/// ([`link::beyond_revision`]).
fn sizes_apart(a: &Mention, b: &Mention) -> bool {
    matches!((&a.value, &b.value), (Some(x), Some(y)) if link::beyond_revision(x, y))
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

/// The gazetteer's places, each with the country it lies in (a country in itself; a town
/// in its own, when the gazetteer gives it), to tell whether two events' places are two
/// places.
struct Places<'r> {
    country: BTreeMap<&'r str, Option<&'r str>>,
}

impl<'r> Places<'r> {
    fn new(rules: &'r RuleSet) -> Self {
        let country = rules
            .entities
            .iter()
            .filter_map(|e| match e.kind {
                EntityKind::Country => Some((e.name.as_str(), Some(e.name.as_str()))),
                EntityKind::City => Some((e.name.as_str(), e.country.as_deref())),
                _ => None,
            })
            .collect();
        Places { country }
    }

    /// Whether two mentions name places, and each place of one lies in another country
    /// than each of the other's: "in Kathmandu" and "in Pakistan" are two events, "in
    /// Toronto" and "in Canada" may be one. Towns of one country may be one event's (the
    /// departure and the crash site), and a town the gazetteer cannot place is anywhere.
    fn apart(&self, a: &Mention, b: &Mention) -> bool {
        let none = Vec::new();
        let pa = a.slots.get("place").unwrap_or(&none);
        let pb = b.slots.get("place").unwrap_or(&none);
        let country = |x: &str| self.country.get(x).copied().flatten();
        !pa.is_empty()
            && !pb.is_empty()
            && pa.iter().all(|x| {
                pb.iter()
                    .all(|y| matches!((country(x), country(y)), (Some(cx), Some(cy)) if cx != cy))
            })
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

/// Whether a mention's time is known: a resolved period, or words resolved against a
/// known date ("this month" as of 2022-08).
pub(crate) fn time_scoped_ok(m: &Mention) -> bool {
    match &m.period {
        Some(DateValue::Resolved(_)) => true,
        Some(DateValue::Unresolved { anchor, .. }) => anchor.is_some(),
        None => false,
    }
}

/// The periods a mention's sentence names a figure over ("@per-quarter"): its words whose
/// concept is a `rate`.
pub(crate) fn periods<'m>(m: &'m Mention, rules: &RuleSet) -> Vec<&'m str> {
    m.words
        .iter()
        .filter_map(|w| w.strip_prefix('@'))
        .filter(|id| rules.concepts.get(*id).is_some_and(|c| c.rate))
        .collect()
}

/// Whether two figures are counted over different periods: each sentence names one ("in
/// the first quarter", "годовой выручкой", "par an"), and they share none.
pub(crate) fn other_periods(a: &[&str], b: &[&str]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|r| b.contains(r))
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

/// Who tells a statement, for [`cluster_content`]: its article, its speaker's key
/// ([`speaker_key`]) and whether it denies.
type Voice = (usize, String, bool);

/// A named speaker's key: the last word of three letters or more of the name,
/// transliterated and cut to [`link::COGNATE_LETTERS`] letters ("Dmitri Peskov" and
/// "Дмитрий Песков" are `pesko`, "Melikov" and "Melikow" `melik`). None for a role of one
/// word or several ("police", "juru bicara"): the officials of one report and of another
/// are not one person (as in `judge`).
fn speaker_key(m: &Mention, rules: &RuleSet) -> Option<String> {
    let speaker = m.speaker.as_deref()?;
    let last = crate::extract::surname(speaker)?.to_lowercase();
    // A role, of one word or several ("police", "juru bicara").
    if rules.is_role(&last) || rules.is_role(&speaker.to_lowercase()) {
        return None;
    }
    let key: String = slug(&last)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(link::COGNATE_LETTERS)
        .collect();
    (!key.is_empty()).then_some(key)
}

/// Statements that say the same thing: a weighted share of shared content words at least
/// `threshold` of the smaller statement, and at least two shared words; two with the same
/// `same` (a figure's text) are the same whatever their words. A named speaker's only
/// statement in each of two articles, both asserted or both denied, is one statement when
/// they share one concept, one name or one rare word both begin alike
/// ([`link::cognate_key`], given by at most [`link::COGNATE_SENTENCES`] statements): two
/// outlets rarely give one person's words alike, and across languages they share few
/// concepts ("the flights run normally", "der Flugbetrieb laufe
/// normal weiter").
fn cluster_content<S: Eq + Ord>(
    idx: &[usize],
    words: impl Fn(usize) -> Vec<String>,
    same: impl Fn(usize) -> Option<S>,
    lang: impl Fn(usize) -> String,
    voice: impl Fn(usize) -> Option<Voice>,
    weights: &BTreeMap<String, f64>,
    threshold: f64,
) -> Vec<Vec<usize>> {
    // Each statement's words (as ids, each with its weight), language and words that
    // cross languages, read once.
    let n = idx.len();
    let all_words: Vec<Vec<String>> = idx.iter().map(|&i| words(i)).collect();
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut weight_of: Vec<f64> = Vec::new();
    let mut neutral_id: Vec<bool> = Vec::new();
    let all: Vec<Vec<usize>> = all_words
        .iter()
        .map(|ws| {
            ws.iter()
                .map(|w| {
                    *ids.entry(w.as_str()).or_insert_with(|| {
                        weight_of.push(weights.get(w).copied().unwrap_or(1.0));
                        neutral_id.push(w.starts_with(['@', '#']));
                        weight_of.len() - 1
                    })
                })
                .collect()
        })
        .collect();
    let neutral: Vec<Vec<usize>> = all
        .iter()
        .map(|ws| ws.iter().copied().filter(|&w| neutral_id[w]).collect())
        .collect();
    let weight = |ws: &[usize]| ws.iter().map(|&w| weight_of[w]).sum::<f64>();
    let (all_weight, neutral_weight): (Vec<f64>, Vec<f64>) = (
        all.iter().map(|ws| weight(ws)).collect(),
        neutral.iter().map(|ws| weight(ws)).collect(),
    );
    let langs: Vec<String> = idx.iter().map(|&i| lang(i)).collect();
    let sames: Vec<Option<S>> = idx.iter().map(|&i| same(i)).collect();
    // Each statement's voice when it is its speaker's only one in its article.
    let voices: Vec<Option<Voice>> = idx.iter().map(|&i| voice(i)).collect();
    // Each statement's words both begin alike ([`link::cognate_key`]), when rare: given by
    // at most [`link::COGNATE_SENTENCES`] statements of the story ("inter", "gover" are not).
    // Read only where speakers are compared.
    let voiced = voices.iter().any(Option::is_some);
    let keys: Vec<BTreeSet<String>> = all_words
        .iter()
        .map(|ws| {
            if !voiced {
                return BTreeSet::new();
            }
            ws.iter()
                .filter(|w| !w.starts_with(['@', '#']))
                .filter_map(|w| link::cognate_key(w))
                .collect()
        })
        .collect();
    let mut key_df: BTreeMap<&str, usize> = BTreeMap::new();
    for k in keys.iter().flatten() {
        *key_df.entry(k.as_str()).or_default() += 1;
    }
    let cognates: Vec<BTreeSet<&str>> = keys
        .iter()
        .map(|ks| {
            ks.iter()
                .map(String::as_str)
                .filter(|k| key_df[k] <= link::COGNATE_SENTENCES)
                .collect()
        })
        .collect();
    let mut told: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for (article, key, _) in voices.iter().flatten() {
        *told.entry((*article, key.as_str())).or_default() += 1;
    }
    let sole: Vec<Option<&Voice>> = voices
        .iter()
        .map(|v| v.as_ref().filter(|(a, k, _)| told[&(*a, k.as_str())] == 1))
        .collect();
    // Similarity of two statements, or None when they share fewer than two words.
    let similarity = |a: usize, b: usize| -> Option<f64> {
        if sames[a].is_some() && sames[a] == sames[b] {
            return Some(1.0);
        }
        // Across languages only concepts and names can be shared: the share is of those,
        // and it takes three of them.
        let across = langs[a] != langs[b];
        let (wa, wb, small) = if across {
            (
                &neutral[a],
                &neutral[b],
                neutral_weight[a].min(neutral_weight[b]),
            )
        } else {
            (&all[a], &all[b], all_weight[a].min(all_weight[b]))
        };
        let (mut count, mut shared) = (0, 0.0);
        for &w in wa.iter().filter(|w| wb.contains(w)) {
            count += 1;
            shared += weight_of[w];
        }
        let enough = count >= if across { 3 } else { 2 };
        let share = (small > 0.0 && enough).then(|| shared / small);
        // One speaker's only words in two articles are just similar enough: any pair whose
        // own words make it similar merges first, so a statement and its denial by another
        // speaker stay one dispute ("Putin accused Kyiv", "Kyiv denied it").
        if share.is_none_or(|s| s < threshold)
            && let (Some((xa, ka, da)), Some((xb, kb, db))) = (sole[a], sole[b])
            && xa != xb
            && ka == kb
            && da == db
            && (neutral[a].iter().any(|w| neutral[b].contains(w))
                || !cognates[a].is_disjoint(&cognates[b]))
        {
            return Some(threshold);
        }
        share
    };
    // Only statements that share a word can be similar: the pairs are found through the
    // statements of each word, not by weighing every pair, and the similar ones (at least
    // `threshold`) join statements into components. Complete-link clustering never merges
    // across components (their least similar pair is below `threshold`), so it runs in
    // each component alone: a long article's many statements cost their similar pairs,
    // not their number squared.
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); weight_of.len()];
    for (a, ws) in all.iter().enumerate() {
        for &w in ws {
            if postings[w].last() != Some(&a) {
                postings[w].push(a);
            }
        }
    }
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    // Each pair once: the later statements that share a word with `a`, stamped with `a`
    // (a hash set of the pairs weighed was a tenth of a 1,000-article story's time). A
    // component's root is its first statement whatever order the pairs come in.
    let mut stamp: Vec<usize> = vec![usize::MAX; n];
    for a in 0..n {
        for &w in &all[a] {
            let list = &postings[w];
            for &b in &list[list.partition_point(|&x| x <= a)..] {
                if stamp[b] == a {
                    continue;
                }
                stamp[b] = a;
                // Either way: a word told twice counts twice on its own side.
                let similar = |a, b| similarity(a, b).is_some_and(|s| s >= threshold);
                if similar(a, b) || similar(b, a) {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    // A speaker's only statements in two articles are weighed whether or not they share a
    // word exactly (a word both begin alike may be all they share).
    let mut by_voice: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (a, v) in sole.iter().enumerate() {
        if let Some((_, key, _)) = v {
            by_voice.entry(key.as_str()).or_default().push(a);
        }
    }
    for list in by_voice.values() {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if similarity(a, b).is_some_and(|s| s >= threshold) {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    // Statements that are the same join whatever their words.
    let mut first_same: BTreeMap<&S, usize> = BTreeMap::new();
    for (a, key) in sames.iter().enumerate() {
        if let Some(key) = key {
            let b = *first_same.entry(key).or_insert(a);
            if similarity(b, a).is_some_and(|s| s >= threshold) {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for a in 0..n {
        let r = root(&mut parent, a);
        components.entry(r).or_default().push(a);
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    for members in components.into_values() {
        let c = members.len();
        // Agglomerative, complete link: the two groups whose least similar pair is most
        // similar merge first, so each statement finds the dispute it is closest to, and
        // two disputes in one story ("signal failure", "anti-collision system") stay
        // apart. The link of two groups is kept, not recomputed: merging y into x makes
        // x's link to any other group the smaller of x's and y's (Lance-Williams), so each
        // round costs the groups left squared, not the statements squared. Groups keep
        // their first statement's place, so ties break as they would over a list of
        // groups.
        let mut link: Vec<f64> = (0..c * c)
            .map(|i| similarity(members[i / c], members[i % c]).unwrap_or(f64::NEG_INFINITY))
            .collect();
        let mut clusters: Vec<Option<Vec<usize>>> = (0..c).map(|i| Some(vec![i])).collect();
        let mut alive: Vec<usize> = (0..c).collect();
        // Each group's most similar later group (the first of equals), kept between
        // rounds: a merge changes only the links to the merged group, so a row is searched
        // again only when its best was one of the two merged.
        let row_best = |x: usize, link: &[f64], alive: &[usize]| {
            let mut best: Option<(f64, usize)> = None;
            for &y in alive.iter().filter(|&&y| y > x) {
                let l = link[x * c + y];
                if l >= threshold && best.is_none_or(|(b, _)| l > b) {
                    best = Some((l, y));
                }
            }
            best
        };
        let mut best_of: Vec<Option<(f64, usize)>> =
            (0..c).map(|x| row_best(x, &link, &alive)).collect();
        loop {
            // The most similar pair, the first of equals in (earlier, later) order.
            let mut best: Option<(f64, usize, usize)> = None;
            for &x in &alive {
                if let Some((l, y)) = best_of[x]
                    && best.is_none_or(|(b, _, _)| l > b)
                {
                    best = Some((l, x, y));
                }
            }
            let Some((_, x, y)) = best else { break };
            for &k in &alive {
                let l = link[x * c + k].min(link[y * c + k]);
                link[x * c + k] = l;
                link[k * c + x] = l;
            }
            alive.retain(|&k| k != y);
            best_of[y] = None;
            for i in 0..alive.len() {
                let k = alive[i];
                if k == x || best_of[k].is_some_and(|(_, p)| p == x || p == y) {
                    best_of[k] = row_best(k, &link, &alive);
                } else if k < x {
                    // The link to the merged group may also rise (a word told twice counts
                    // twice on its own side, so a pair's two links can differ).
                    let l = link[k * c + x];
                    if l >= threshold && best_of[k].is_none_or(|(b, p)| l > b || (l == b && x < p))
                    {
                        best_of[k] = Some((l, x));
                    }
                }
            }
            let merged = clusters[y].take().unwrap_or_default();
            if let Some(g) = clusters[x].as_mut() {
                g.extend(merged);
            }
        }
        out.extend(clusters.into_iter().flatten().map(|g| {
            let mut g: Vec<usize> = g.into_iter().map(|i| idx[members[i]]).collect();
            g.sort();
            g
        }));
    }
    out.sort();
    out
}

/// Whether a figure says what it is enough that two articles giving it, and no other
/// claim of the story, give the same fact: an amount, percentage, measurement, duration,
/// date or time carries its unit. A bare count does not: "47 survivors" and "47 Syrians"
/// are two facts (on the labelled folders, counts of any size joined so lost a labelled
/// conflict to an agreement).
fn twin_worthy(v: &Value) -> bool {
    !matches!(v, Value::Count(_))
}

/// Catch-all figures that linked to nothing, each told in one article only: those with the
/// same value (and catch-all frame) in two articles or more become one claim, an agreement,
/// when the value is [`twin_worthy`] and no other claim of the story gives it. A story is
/// one event: "the 100-metre section", "ein 100 Meter langes Stück", "sepanjang 100 meter"
/// are one fact though their sentences share too few words across languages to link
/// ("fewer than two shared tokens"). Only same values join, so no conflict is made or
/// changed; a value another claim already gives stays apart, for it may be one side of
/// that claim's dispute.
fn join_lone_twins(
    clusters: &mut [(usize, Vec<usize>)],
    joined: &mut [bool],
    raw: &[(String, Vec<usize>, Option<DateValue>)],
    mentions: &[Mention],
) {
    let mut lone: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
    for (ci, (frame, c)) in clusters.iter().enumerate() {
        let first = &mentions[c[0]];
        if !joined[ci]
            && c.iter().all(|&i| mentions[i].article == first.article)
            && first.value.as_ref().is_some_and(twin_worthy)
        {
            lone.entry((*frame, first.value_text()))
                .or_default()
                .push(ci);
        }
    }
    let candidates: BTreeSet<usize> = lone.values().flatten().copied().collect();
    let elsewhere: BTreeSet<String> = raw
        .iter()
        .flat_map(|(_, idx, _)| idx.iter())
        .chain(
            clusters
                .iter()
                .enumerate()
                .filter(|(ci, _)| !candidates.contains(ci))
                .flat_map(|(_, (_, c))| c.iter()),
        )
        .map(|&i| mentions[i].value_text())
        .collect();
    for ((_, value), cis) in &lone {
        let articles: BTreeSet<usize> = cis
            .iter()
            .map(|&ci| mentions[clusters[ci].1[0]].article)
            .collect();
        if articles.len() < 2 || elsewhere.contains(value) {
            continue;
        }
        let head = cis[0];
        for &ci in &cis[1..] {
            let moved = std::mem::take(&mut clusters[ci].1);
            clusters[head].1.extend(moved);
            joined[ci] = true;
        }
        clusters[head].1.sort();
    }
}

/// The qualifier fillers of each mention: its own, else the one its article names most
/// often for that frame, else the one the story names most often (ties: the first in
/// alphabetical order), else "none". A qualifier counts only where some article itself
/// gives one kind of figure for two fillers ("134 dead in Ahrweiler, 49 in North
/// Rhine-Westphalia"); otherwise places are one event told at different scales ("near
/// Bahanaga Bazar", "in Odisha", "in India") and every filler is empty. An article's
/// filler lent to a mention comes from mentions of the same year (or of none): "45 morts
/// en Indonésie en 2012" gives this year's toll no place.
fn qualifiers(mentions: &[Mention], rules: &RuleSet) -> Vec<Vec<String>> {
    let filler = |m: &Mention, q: &str| {
        m.slots
            .get(q)
            .filter(|v| !v.is_empty())
            .map(|v| v.join(" and "))
    };
    // The fillers named per (frame, article, qualifier), and per (frame, key, qualifier)
    // the distinct ones each article names.
    type Named<'m> =
        BTreeMap<(usize, &'m [String], &'m str), BTreeMap<(usize, i32), BTreeSet<String>>>;
    // The year a mention tells of (0: none given).
    let year_of = |m: &Mention| {
        m.period
            .as_ref()
            .and_then(DateValue::interval)
            .map_or(0, |iv| chrono::Datelike::year(&iv.start))
    };
    // Fillers of one year say nothing of another's figure: "45 morts en Indonésie en 2012"
    // lends its place to no toll of this year's crash in the same article.
    let same_year = |a: i32, b: i32| a == 0 || b == 0 || a == b;
    // The fillers each (frame, article, qualifier) names, with the year of each.
    type Fillers<'m> = BTreeMap<(usize, usize, &'m str), Vec<(i32, String)>>;
    let mut by_article: Fillers = BTreeMap::new();
    let mut named: Named = BTreeMap::new();
    for m in mentions {
        for q in &rules.frames[m.frame].qualifiers {
            let Some(f) = filler(m, q) else { continue };
            // Two places count only for figures of one year: "10 dead in Paris in 2019"
            // beside this week's toll is history, not a second toll of this event.
            let year = year_of(m);
            by_article
                .entry((m.frame, m.article, q.as_str()))
                .or_default()
                .push((year, f.clone()));
            named
                .entry((m.frame, m.key.as_slice(), q.as_str()))
                .or_default()
                .entry((m.article, year))
                .or_default()
                .insert(f);
        }
    }
    // Each article's own filler of a qualifier: the one it names most often in any frame
    // (the place its story happened, named with its events as with its figures).
    let mut told: BTreeMap<(usize, &str), Vec<(i32, String)>> = BTreeMap::new();
    for m in mentions {
        for (q, v) in &m.slots {
            if !v.is_empty() {
                told.entry((m.article, q.as_str()))
                    .or_default()
                    .push((year_of(m), v.join(" and ")));
            }
        }
    }
    // Each article's home of a qualifier for a year, worked out once: a big article has
    // many mentions that ask.
    let homes: std::cell::RefCell<BTreeMap<(usize, String, i32), Option<String>>> =
        Default::default();
    let home = |article: usize, q: &str, year: i32| -> Option<String> {
        let key = (article, q.to_string(), year);
        if let Some(h) = homes.borrow().get(&key) {
            return h.clone();
        }
        let f: Vec<&String> = told
            .get(&(article, q))
            .into_iter()
            .flatten()
            .filter(|(y, _)| same_year(*y, year))
            .map(|(_, f)| f)
            .collect();
        // Named once, in passing, a place is no home; nor is one of several places an
        // article tells of alike ("Sumatera Utara, Aceh, dan Sumatera Barat"): a home
        // is named more often than all the others together.
        let h = most_frequent(f.iter().map(|x| (*x).clone())).filter(|top| {
            let n = f.iter().filter(|x| **x == top).count();
            n >= 2 && 2 * n > f.len()
        });
        homes.borrow_mut().insert(key, h.clone());
        h
    };
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
                    // A figure whose sentence names nothing is the story's figure, not the
                    // figure of a place named elsewhere in its article: "none", which joins
                    // the one place the others name, if there is only one. A sentence that
                    // names what the gazetteer cannot place ("en la isla Jambelí") keeps
                    // its article's place, if that is the place the article tells most of:
                    // a toll in a Mannheim story whose article names Magdeburg only for the
                    // Christmas-market attack of last year is no Magdeburg toll.
                    let unplaced_name = m.context.get("names").is_some_and(|n| !n.is_empty());
                    let year = year_of(m);
                    filler(m, q)
                        .or_else(|| {
                            let f = by_article.get(&(m.frame, m.article, q.as_str()))?;
                            let own = f.iter().filter(|(y, _)| same_year(*y, year));
                            unplaced_name
                                .then(|| most_frequent(own.map(|(_, f)| f.clone())))
                                .flatten()
                                .filter(|f| home(m.article, q, year).as_ref() == Some(f))
                        })
                        .unwrap_or_else(|| "none".to_string())
                })
                .collect()
        })
        .collect()
}

/// Which parts of a frame's key are names (slots that hold an entity): only a name is told
/// short ("Trump" for "Donald Trump") or spelt two ways ("Peseschkian", "Pezeshkian").
fn named_parts(f: &crate::rules::Frame) -> Vec<bool> {
    f.key
        .iter()
        .map(|name| {
            f.slots.iter().any(|s| {
                &s.name == name
                    && s.types
                        .iter()
                        .any(|t| matches!(t, crate::rules::SlotType::Entity(_)))
            })
        })
        .collect()
}

/// The value seen most often; ties go to the first in alphabetical order.
fn most_frequent(values: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    commonest(&counts).cloned()
}

/// The key counted most often; ties go to the first in alphabetical order.
fn commonest(counts: &BTreeMap<String, usize>) -> Option<&String> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| k)
}

/// The spelling key of a name part of a claim key ([`crate::rules::Spellings`]); several
/// parties ("north-korea+russia") are keyed one by one.
fn spelling_key(rules: &RuleSet, part: &str) -> String {
    part.split('+')
        .map(|name| rules.spellings.key(name))
        .collect::<Vec<_>>()
        .join("+")
}

/// Group mentions into claims. `langs` gives each article's language.
/// A claim of one article (a frame's or the catch-all's, one figure told once or more)
/// joins a claim of several that gives the very figure, when their sentences together say
/// the same of it, even where no one of them does (`link::join_pooled`). The claims so far
/// are the frames' (`raw`, those of `framed`) and the catch-all `clusters` not yet
/// `joined`; a joined frame claim leaves `raw`, a joined cluster is marked `joined`.
fn join_pooled_claims(
    raw: &mut Vec<(String, Vec<usize>, Option<DateValue>)>,
    framed: &[usize],
    clusters: &mut [(usize, Vec<usize>)],
    joined: &mut [bool],
    mentions: &[Mention],
    linker: &link::Linker,
    rules: &RuleSet,
) {
    let units: Vec<(bool, usize)> = framed
        .iter()
        .map(|&r| (true, r))
        .chain(
            (0..clusters.len())
                .filter(|&c| !joined[c])
                .map(|c| (false, c)),
        )
        .collect();
    let members = |&(is_raw, at): &(bool, usize)| -> &Vec<usize> {
        if is_raw { &raw[at].1 } else { &clusters[at].1 }
    };
    let one_article = |idx: &Vec<usize>| {
        idx.iter()
            .all(|&i| mentions[i].article == mentions[idx[0]].article)
            && idx
                .iter()
                .all(|&i| mentions[i].value_text() == mentions[idx[0]].value_text())
    };
    let lone: Vec<usize> = (0..units.len())
        .filter(|&u| one_article(members(&units[u])))
        .collect();
    let targets: Vec<Vec<usize>> = units.iter().map(|u| members(u).clone()).collect();
    let lone_claims: Vec<Vec<usize>> = lone.iter().map(|&u| targets[u].clone()).collect();
    let mut by_target: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (li, t) in link::join_pooled(&targets, &lone_claims, linker) {
        by_target.entry(t).or_default().push(li);
    }
    // A join never makes a conflict of a claim that had none: the judge is asked before
    // each (lone claims of two articles may differ from each other).
    let conflict = |idx: &[usize]| {
        crate::judge::verdict_of(idx, mentions, rules) == crate::judge::Verdict::Conflict
    };
    let mut gone_raw: BTreeSet<usize> = BTreeSet::new();
    for (t, joining) in by_target {
        let mut current = targets[t].clone();
        let had_conflict = conflict(&current);
        for li in joining {
            let mut trial = current.clone();
            trial.extend(lone_claims[li].iter().copied());
            trial.sort();
            if !had_conflict && conflict(&trial) {
                continue;
            }
            current = trial;
            match units[lone[li]] {
                (true, r) => {
                    gone_raw.insert(r);
                }
                (false, c) => joined[c] = true,
            }
        }
        match units[t] {
            (true, r) => raw[r].1 = current,
            (false, c) => clusters[c].1 = current,
        }
    }
    let mut at = 0;
    raw.retain(|_| {
        at += 1;
        !gone_raw.contains(&(at - 1))
    });
}

pub fn group(mentions: &[Mention], langs: &[String], rules: &RuleSet) -> Vec<Claim> {
    let mut groups: BTreeMap<(usize, Vec<String>), Vec<usize>> = BTreeMap::new();
    let mut singles: Vec<usize> = Vec::new();
    let mut caught: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let quals = qualifiers(mentions, rules);
    let places = Places::new(rules);
    let named_of: Vec<Vec<bool>> = rules.frames.iter().map(named_parts).collect();
    // A name in a key is keyed by its spelling key ("Pezeshkian", "Peseschkian"), and shown
    // in the claim id as its mentions write it most often.
    let mut spelt_as: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let frame = &rules.frames[m.frame];
        if frame.catch_all {
            // Dates and times meet ("11 August at 02:10", "Aug. 10"): one pool per kind.
            let pool = rules
                .frames
                .iter()
                .position(|f| f.catch_all && f.kind == m.kind)
                .unwrap_or(m.frame);
            caught.entry(pool).or_default().push(i);
            continue;
        }
        let mut key = m.key.clone();
        for (k, &named) in key.iter_mut().zip(&named_of[m.frame]) {
            if named && k != "none" && !k.is_empty() {
                let spelt = spelling_key(rules, k);
                let forms = spelt_as.entry(spelt.clone()).or_default();
                *forms.entry(k.clone()).or_default() += 1;
                *k = spelt;
            }
        }
        key.extend(quals[i].iter().map(|q| slug(q)));
        if frame.key.iter().any(|k| k == "period") && !time_scoped_ok(m) {
            singles.push(i);
            continue;
        }
        if let Some(Value::Money { currency, .. }) = &m.value {
            key.push(currency.clone());
        }
        // Background figures ("the 2018 crash killed 189") are an earlier event's count;
        // an event's own date already tells it apart.
        if m.backdrop && m.kind == Kind::Quantity {
            key.push("earlier".to_string());
        }
        if m.part {
            key.push("part".to_string());
        }
        // Time elapsed up to the article's day ("two weeks ago") is told of
        // that day only.
        if let Some(day) = m.elapsed {
            key.push(format!("elapsed-{day}"));
        }
        groups.entry((m.frame, key)).or_default().push(i);
    }
    // A key part a mention leaves empty ("none": "the deficit reached 5.5% in 2023") is
    // the one the other mentions of its frame name, when they name only one: it joins
    // "budget-deficit/france/2023" rather than stand apart. So is a part that names some of
    // the names another gives ("russia" in "north-korea+russia": the treaty Russia signed,
    // told without the other party).
    let keys: Vec<(usize, Vec<String>)> = groups.keys().cloned().collect();
    let part_of = |k: &str, o: &str| {
        o.contains('+') && k != o && k.split('+').all(|n| o.split('+').any(|x| x == n))
    };
    // A name told short ("Rassemblement", "Trump") is the longer name whose words it
    // holds ("rassemblement-national", "donald-trump"), when only one such name is there.
    let short_for = |k: &str, o: &str| {
        k != o
            && !k.contains('+')
            && !o.contains('+')
            && k.split('-').all(|w| o.split('-').any(|x| x == w))
    };
    // The keys are sorted by frame: each frame's are one run, and a key finds its home
    // among its own frame's keys only.
    let of_frame = |frame: usize| {
        let lo = keys.partition_point(|(f, _)| *f < frame);
        let hi = keys.partition_point(|(f, _)| *f <= frame);
        &keys[lo..hi]
    };
    for (frame, key) in &keys {
        if rules.frames[*frame].kind == Kind::Statement {
            continue;
        }
        // Which parts of the key are names: only a name is told short ("corporate loans"
        // are some of the loans, not the loans).
        let mut named = named_of[*frame].clone();
        named.resize(key.len(), false);
        let fits = |other: &Vec<String>| {
            other.len() == key.len()
                && other != key
                && key.iter().zip(other).zip(&named).all(|((k, o), &name)| {
                    let filled = k != "none" && o != "none";
                    k == o
                        || (k == "none" && o != "none")
                        || (filled && (part_of(k, o) || (name && short_for(k, o))))
                })
        };
        let mut homes: Vec<&(usize, Vec<String>)> = of_frame(*frame)
            .iter()
            .filter(|(_, other)| fits(other))
            .collect();
        // Among several, the value tells which: "condamné à cinq ans" is the defendant's
        // whose sentence is five years, not the one given six. Only a home whose own
        // mentions give the same value for every one of the group's is taken, so the join
        // adds agreement and never a conflict of its own.
        if homes.len() > 1
            && let Some(group) = groups.get(&(*frame, key.clone()))
        {
            let same = |i: usize, j: usize| {
                let (a, b) = (&mentions[i], &mentions[j]);
                matches!((&a.value, &b.value), (Some(x), Some(y))
                    if crate::normalize::values_differ(x, a.approx, y, b.approx, 0.0) == Some(false))
            };
            homes.retain(|home| {
                groups
                    .get(&(*frame, home.1.clone()))
                    .is_some_and(|theirs| group.iter().all(|&i| theirs.iter().all(|&j| same(i, j))))
            });
        }
        // An article that names the filler elsewhere and leaves it empty here means
        // another one ("Rp 50 juta from the President … Rp 10 juta from the province").
        if let [home] = homes.as_slice()
            && let Some(group) = groups.remove(&(*frame, key.clone()))
        {
            let target = (*frame, home.1.clone());
            let named: BTreeSet<usize> = groups[&target]
                .iter()
                .map(|&i| mentions[i].article)
                .collect();
            let (stay, moved): (Vec<usize>, Vec<usize>) = group
                .into_iter()
                .partition(|&i| named.contains(&mentions[i].article));
            groups.entry(target).or_default().extend(moved);
            if !stay.is_empty() {
                groups.insert((*frame, key.clone()), stay);
            }
        }
    }
    for idx in groups.values_mut() {
        idx.sort();
    }

    let mut raw: Vec<(String, Vec<usize>, Option<DateValue>)> = Vec::new();
    // A name part is shown as its mentions write it most often.
    let base = |frame: usize, key: &[String]| {
        let mut id = rules.frames[frame].id.clone();
        for (at, k) in key.iter().enumerate() {
            let shown = named_of[frame]
                .get(at)
                .copied()
                .unwrap_or(false)
                .then(|| spelt_as.get(k).and_then(commonest))
                .flatten()
                .unwrap_or(k);
            id.push('/');
            id.push_str(&slug(shown));
        }
        id
    };
    let weights = content_weights(mentions);
    // Events are told apart by the days each article gives for their frame and key.
    let told = told_days(mentions);
    let no_days = Told::new();
    // A group may hold mentions of several keys (a key left empty joins the one the others
    // name): the days of each of its keys.
    let told_of = |frame: usize, idx: &[usize]| -> Told {
        let keys: BTreeSet<&[String]> = idx.iter().map(|&i| mentions[i].key.as_slice()).collect();
        let mut days = Told::new();
        for (article, ivs) in keys
            .into_iter()
            .filter_map(|k| told.get(&(frame, k)))
            .flatten()
        {
            days.entry(*article)
                .or_default()
                .extend(ivs.iter().copied());
        }
        days
    };
    for ((frame, key), idx) in groups {
        let f = &rules.frames[frame];
        let content_slot = f.slots.iter().find(|s| {
            f.key.contains(&s.name) && s.types.contains(&crate::rules::SlotType::Content)
        });
        if let Some(slot) = content_slot {
            // A developer's trace: `CROSSCHECK_DEBUG_STATEMENT=TEXT` prints, on stderr, the
            // words of every statement whose sentence holds TEXT.
            if let Ok(probe) = std::env::var("CROSSCHECK_DEBUG_STATEMENT") {
                for &i in idx.iter().filter(|&&i| mentions[i].text.contains(&probe)) {
                    let m = &mentions[i];
                    eprintln!(
                        "statement {}:{} {:?} {:?}: {:?}",
                        m.file,
                        m.line,
                        m.speaker,
                        m.polarity,
                        m.slots.get(&slot.name)
                    );
                }
            }
            let content = |i: usize| -> Vec<String> {
                mentions[i]
                    .slots
                    .get(&slot.name)
                    .cloned()
                    .unwrap_or_default()
            };
            let clusters = cluster_content(
                &idx,
                content,
                |_| None::<String>,
                |i| langs.get(mentions[i].article).cloned().unwrap_or_default(),
                |i| {
                    let m = &mentions[i];
                    speaker_key(m, rules)
                        .map(|k| (m.article, k, m.polarity == crate::extract::Polarity::Denies))
                },
                &weights,
                rules.settings.content_overlap,
            );
            for c in clusters {
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
        // "80 km south of Guayaquil" and "29 km from Balao" share a dimension, not a claim.
        // A story tells one figure of what the frame calls `told_once` (the quake's depth):
        // "44 km deep" and "à 66,4 km de profondeur" are one claim, in conflict.
        let told_once = key.iter().any(|k| f.told_once.contains(k));
        let subgroups = if f.fallback && f.kind != Kind::Statement && !told_once {
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
                |i| Some(mentions[i].value_text()),
                |i| langs.get(mentions[i].article).cloned().unwrap_or_default(),
                |_| None,
                &weights,
                rules.settings.content_overlap,
            )
        } else {
            vec![idx]
        };
        for idx in subgroups {
            match f.kind {
                Kind::Event => {
                    for c in cluster_events(
                        &idx,
                        mentions,
                        rules.settings.event_window_days,
                        false,
                        &|a, b| places.apart(a, b),
                        &told_of(frame, &idx),
                    ) {
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
                    let mut clusters = cluster_events(
                        &dated,
                        mentions,
                        rules.settings.count_window_days,
                        true,
                        &|_, _| false,
                        &no_days,
                    );
                    // A folder is one story: an undated figure is taken as of the story's
                    // time, so it joins the one dated claim of its key whose figures are
                    // within a revision of it, or the other undated ones of its size when
                    // none is dated. With two such dated claims (two periods) its time is
                    // unknown, and it stands alone.
                    let meets = |u: usize, c: &[usize]| {
                        c.iter().all(|&j| !sizes_apart(&mentions[u], &mentions[j]))
                    };
                    if clusters.is_empty() {
                        for u in undated {
                            match clusters.iter_mut().find(|c| meets(u, c)) {
                                Some(c) => c.push(u),
                                None => clusters.push(vec![u]),
                            }
                        }
                    } else {
                        for u in undated {
                            let fit: Vec<usize> = (0..clusters.len())
                                .filter(|&c| meets(u, &clusters[c]))
                                .collect();
                            match fit.as_slice() {
                                [c] => {
                                    clusters[*c].push(u);
                                    clusters[*c].sort();
                                }
                                _ => clusters.push(vec![u]),
                            }
                        }
                    }
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
    for i in singles {
        let m = &mentions[i];
        let period = m.period.clone();
        let mut id = base(m.frame, &m.key);
        if period.is_none() && !m.key.iter().any(|k| k == "undated") {
            id.push_str("/undated");
        }
        raw.push((id, vec![i], period));
    }

    // Catch-all values: linked among themselves, then joined to the frames' claims they
    // link to; the rest are claims of their own.
    let values: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].kind != Kind::Statement && !mentions[i].context.is_empty())
        .collect();
    let linker = link::Linker::new(&values, mentions, langs, rules);
    let mut clusters: Vec<(usize, Vec<usize>)> = Vec::new();
    for idx in caught.into_values() {
        for c in link::link_values(&idx, &linker) {
            clusters.push((mentions[c[0]].frame, c));
        }
    }
    let framed: Vec<usize> = (0..raw.len())
        .filter(|&r| mentions[raw[r].1[0]].kind != Kind::Statement)
        .collect();
    let joins = link::attach(
        &framed.iter().map(|&r| raw[r].1.clone()).collect::<Vec<_>>(),
        &clusters.iter().map(|(_, c)| c.clone()).collect::<Vec<_>>(),
        &linker,
    );
    let mut joined = vec![false; clusters.len()];
    for (fi, cs) in joins {
        let r = framed[fi];
        for ci in cs {
            joined[ci] = true;
            raw[r].1.extend(clusters[ci].1.iter().copied());
        }
        raw[r].1.sort();
    }
    join_lone_twins(&mut clusters, &mut joined, &raw, mentions);
    join_pooled_claims(
        &mut raw,
        &framed,
        &mut clusters,
        &mut joined,
        mentions,
        &linker,
        rules,
    );
    for ((frame, c), joined) in clusters.into_iter().zip(joined) {
        if joined {
            continue;
        }
        let first = &mentions[c[0]];
        let slot = |name: &str| first.context.get(name).cloned().unwrap_or_default();
        let mut label: Vec<String> = slot("unit");
        label.extend(slot("about"));
        if label.is_empty() {
            label = first.slots.get("what").cloned().unwrap_or_default();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The clustering as it was first written: every pair weighed, then complete link over
    /// all statements at once. `cluster_content` must give the same groups.
    fn all_pairs(
        all: &[Vec<String>],
        sames: &[Option<u8>],
        langs: &[&str],
        weights: &BTreeMap<String, f64>,
        threshold: f64,
    ) -> Vec<Vec<usize>> {
        let weight = |ws: &[String]| {
            ws.iter()
                .map(|w| weights.get(w).copied().unwrap_or(1.0))
                .sum::<f64>()
        };
        let n = all.len();
        let neutral: Vec<Vec<String>> = all
            .iter()
            .map(|ws| ws.iter().filter(|w| w.starts_with('@')).cloned().collect())
            .collect();
        let similarity = |a: usize, b: usize| -> Option<f64> {
            if sames[a].is_some() && sames[a] == sames[b] {
                return Some(1.0);
            }
            let across = langs[a] != langs[b];
            let (wa, wb) = if across {
                (&neutral[a], &neutral[b])
            } else {
                (&all[a], &all[b])
            };
            let shared: Vec<String> = wa.iter().filter(|w| wb.contains(w)).cloned().collect();
            let small = weight(wa).min(weight(wb));
            let enough = shared.len() >= if across { 3 } else { 2 };
            (enough && small > 0.0).then(|| weight(&shared) / small)
        };
        let mut link: Vec<f64> = (0..n * n)
            .map(|i| similarity(i / n, i % n).unwrap_or(f64::NEG_INFINITY))
            .collect();
        let mut clusters: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
        let mut alive: Vec<usize> = (0..n).collect();
        loop {
            let mut best: Option<(f64, usize, usize)> = None;
            for (xi, &x) in alive.iter().enumerate() {
                for &y in &alive[xi + 1..] {
                    let l = link[x * n + y];
                    if l >= threshold && best.is_none_or(|(b, _, _)| l > b) {
                        best = Some((l, x, y));
                    }
                }
            }
            let Some((_, x, y)) = best else { break };
            for &k in &alive {
                let l = link[x * n + k].min(link[y * n + k]);
                link[x * n + k] = l;
                link[k * n + x] = l;
            }
            alive.retain(|&k| k != y);
            let merged = clusters[y].take().unwrap_or_default();
            clusters[x].as_mut().unwrap().extend(merged);
        }
        let mut out: Vec<Vec<usize>> = clusters
            .into_iter()
            .flatten()
            .map(|mut c| {
                c.sort();
                c
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn several_parties_are_spelt_one_by_one() {
        // "north-korea+russia" keeps its '+', so that "russia" is still one of its parties.
        let set = crate::rules::load(&crate::rules::lean_sources()).unwrap();
        let key = spelling_key(&set, "North Korea+Russia");
        assert_eq!(key, "nort-korea+rusia");
        assert_eq!(spelling_key(&set, "Rossija"), "rosia");
        assert!(key.split('+').any(|p| p == spelling_key(&set, "Russia")));
    }

    #[test]
    fn clustering_by_components_equals_clustering_all_pairs() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        let vocabulary: Vec<String> = (0..14)
            .map(|i| {
                if i % 3 == 0 {
                    format!("@c{i}")
                } else {
                    format!("w{i}")
                }
            })
            .collect();
        let weights: BTreeMap<String, f64> = vocabulary
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), 0.3 + (i % 5) as f64 * 0.4))
            .collect();
        let mut groups_seen = 0;
        for _ in 0..1000 {
            let n = 1 + next(24) as usize;
            let all: Vec<Vec<String>> = (0..n)
                .map(|_| {
                    (0..next(6))
                        .map(|_| vocabulary[next(vocabulary.len() as u64) as usize].clone())
                        .collect()
                })
                .collect();
            let sames: Vec<Option<u8>> = (0..n)
                .map(|_| (next(3) == 0).then(|| next(3) as u8))
                .collect();
            let langs: Vec<&str> = (0..n).map(|_| ["en", "fr"][next(2) as usize]).collect();
            let threshold = [0.3, 0.5, 0.7][next(3) as usize];
            let idx: Vec<usize> = (0..n).map(|i| i * 2 + 1).collect();
            let got = cluster_content(
                &idx,
                |i| all[i / 2].clone(),
                |i| sames[i / 2],
                |i| langs[i / 2].to_string(),
                |_| None,
                &weights,
                threshold,
            );
            let want: Vec<Vec<usize>> = all_pairs(&all, &sames, &langs, &weights, threshold)
                .into_iter()
                .map(|c| c.into_iter().map(|i| i * 2 + 1).collect())
                .collect();
            assert_eq!(got, want, "{all:?} {sames:?} {langs:?} {threshold}");
            groups_seen += got.iter().filter(|c| c.len() > 1).count();
        }
        assert!(
            groups_seen > 100,
            "too few merged groups to test: {groups_seen}"
        );
    }
}
