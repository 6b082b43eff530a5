//! Judge: give each claim a verdict and a one-line reason, and count its independent origins.
//!
//! A conflict needs two incompatible values from different voices (a voice is one speaker
//! in one article, so two speakers in one article can conflict); an agreement needs two
//! articles with compatible values; anything else is single-source. Articles count as one
//! origin when they share a manifest `upstream`, when one cites the other's outlet, or when
//! they carry three or more of the same claims in the same order, and those make up at
//! least 60% of the shorter article's claims (a rewrite or translation).
//!
//! Input: claims, mentions, the story. Output: [`Judged`] claims in report order.

use crate::extract::{Mention, Polarity};
use crate::ingest::Story;
use crate::matching::{Claim, other_periods, periods};
use crate::normalize::{Compat, Value, compare_approx};
use crate::rules::{Kind, RuleSet};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Conflict,
    Agreement,
    SingleSource,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Agreement => "agreement",
            Verdict::SingleSource => "single-source",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Judged {
    pub claim: Claim,
    pub verdict: Verdict,
    pub reason: String,
    pub sources: usize,
    pub origins: usize,
    /// For an agreement of two or more sources that all come from one origin, what makes
    /// them one: [`OriginLink`]. Editors must not read such an agreement as corroboration.
    pub single_origin: Option<OriginLink>,
}

/// Why articles count as one origin, from the closest tie to the loosest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OriginLink {
    /// The same text, whitespace and page furniture aside.
    Copies,
    /// The same upstream in the manifest, or one cites the other's outlet.
    SameUpstream,
    /// Most of the same claims in the same order: a rewrite or translation.
    Rewrites,
}

impl OriginLink {
    pub fn as_str(self) -> &'static str {
        match self {
            OriginLink::Copies => "copies",
            OriginLink::SameUpstream => "upstream",
            OriginLink::Rewrites => "rewrites",
        }
    }
}

impl Judged {
    /// The verdict as the table shows it: "agreement (1 origin: copies)" for an agreement
    /// that is one origin told more than once.
    pub fn verdict_line(&self) -> String {
        match self.single_origin {
            Some(link) => format!("{} (1 origin: {})", self.verdict.as_str(), link.as_str()),
            None => self.verdict.as_str().to_string(),
        }
    }
}

fn who(m: &Mention) -> String {
    m.speaker.clone().unwrap_or_else(|| m.file.clone())
}

/// Whether two mentions have one named speaker: the same last word of the name. A role
/// noun ("Officials", "police") is no one person: the officials of one report and of
/// another may say opposite things.
fn same_speaker(a: &Mention, b: &Mention, rules: &RuleSet) -> bool {
    let last = |m: &Mention| {
        m.speaker.as_ref().and_then(|s| {
            s.split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())
                .map(str::to_lowercase)
        })
    };
    let role = |w: &str| a.article != b.article && rules.is_role(w);
    matches!((last(a), last(b)), (Some(x), Some(y)) if x == y && !role(&x))
}

/// Whether two statements say the same thing, one with a negation: a statement that
/// negates another repeats its words ("the alarm had worked" / "had not worked"), so at
/// least three of their content words are shared, and two thirds of the shorter's (so
/// both are in one language). Loosely
/// related statements, which clustering may join, are no negation of each other.
/// Statements keyed by a topic (no content words) pass. The asserting side must have no
/// negation cue anywhere in its sentence.
fn restates(a: &Mention, b: &Mention) -> bool {
    // The side that asserts says it plainly: a negation anywhere in its sentence (another
    // clause, a quote) makes the two readings too close to call.
    if [a, b]
        .iter()
        .any(|m| m.polarity == Polarity::Asserts && m.negated_anywhere)
    {
        return false;
    }
    // The words themselves, not the concepts (`@…`) that carry them across languages:
    // two languages share too few words to tell a negation from another statement.
    fn words(m: &Mention) -> BTreeSet<&String> {
        m.slots
            .get("content")
            .into_iter()
            .flatten()
            .filter(|w| !w.starts_with('@'))
            .collect()
    }
    let (x, y) = (words(a), words(b));
    if !a.slots.contains_key("content") && !b.slots.contains_key("content") {
        return true;
    }
    let common = x.intersection(&y).count();
    common >= 3 && common * 3 >= x.len().min(y.len()) * 2
}

/// The voices on each side of a statement conflict, for its reason: each speaker (or
/// file) once, with the file where one name stands on both sides ("Officials (a.txt)").
fn sides(ms: &[&Mention]) -> (Vec<String>, Vec<String>) {
    let mut out: (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let on = |p: Polarity| ms.iter().filter(move |m| m.polarity == p);
    let both: BTreeSet<String> = on(Polarity::Asserts)
        .map(|m| who(m))
        .filter(|w| on(Polarity::Denies).any(|d| who(d) == *w))
        .collect();
    for m in ms {
        let w = who(m);
        let label = if both.contains(&w) && m.speaker.is_some() {
            format!("{w} ({})", m.file)
        } else {
            w
        };
        let list = match m.polarity {
            Polarity::Asserts => &mut out.0,
            Polarity::Denies => &mut out.1,
        };
        if !list.contains(&label) {
            list.push(label);
        }
    }
    out
}

/// The verdict a claim of the mentions `idx` (in file and position order) would get:
/// matching asks it before a join that must bring no conflict of its own.
pub(crate) fn verdict_of(idx: &[usize], mentions: &[Mention], rules: &RuleSet) -> Verdict {
    let Some(&first) = idx.first() else {
        return Verdict::SingleSource;
    };
    let frame = mentions[first].frame;
    let claim = Claim {
        id: String::new(),
        frame,
        kind: rules.frames[frame].kind,
        summary: String::new(),
        mentions: idx.to_vec(),
    };
    judge_one(&claim, mentions, rules).0
}

fn judge_one(claim: &Claim, mentions: &[Mention], rules: &RuleSet) -> (Verdict, String) {
    let ms: Vec<&Mention> = claim.mentions.iter().map(|&i| &mentions[i]).collect();
    let files: BTreeSet<&str> = ms.iter().map(|m| m.file.as_str()).collect();
    let voice = |m: &Mention| (m.article, m.speaker.clone());
    let tolerance = rules.frames[claim.frame].value.tolerance;

    if claim.kind == Kind::Statement {
        let mut by: BTreeMap<Polarity, Vec<String>> = BTreeMap::new();
        for m in &ms {
            let list = by.entry(m.polarity).or_default();
            let w = who(m);
            if !list.contains(&w) {
                list.push(w);
            }
        }
        let asserts = by.get(&Polarity::Asserts);
        let denies = by.get(&Polarity::Denies);
        // Two sides need two speakers: one who asserts and another who denies. A speaker
        // never contradicts themselves here ("Personalvorstand Martin Seiler" and
        // "Bahn-Personalvorstand Martin Seiler" are one): that is two of their statements
        // read as one.
        let split = ms.iter().any(|a| {
            ms.iter().any(|b| {
                a.polarity != b.polarity
                    && voice(a) != voice(b)
                    && !same_speaker(a, b, rules)
                    && (a.negation.is_none() && b.negation.is_none() || restates(a, b))
            })
        });
        if let (true, Some(_), Some(_)) = (split, asserts, denies) {
            let (a, d) = sides(&ms);
            // Where only negations deny ("had not worked"), the reason quotes one.
            let negated = ms
                .iter()
                .filter(|m| m.polarity == Polarity::Denies)
                .map(|m| {
                    m.negation
                        .map(|n| crate::extract::negation_quote(&m.text, n))
                })
                .collect::<Option<Vec<String>>>();
            let reason = match negated.as_deref() {
                Some([q, ..]) => format!(
                    "{} {} it; {} {} it is not so (\"{q}\")",
                    a.join(" and "),
                    if a.len() > 1 { "say" } else { "says" },
                    d.join(" and "),
                    if d.len() > 1 { "say" } else { "says" },
                ),
                _ => format!("{} asserts, {} denies", a.join(" and "), d.join(" and ")),
            };
            return (Verdict::Conflict, reason);
        }
        let (pol, list) = by
            .iter()
            .next()
            .map(|(p, l)| (*p, l.clone()))
            .unwrap_or((Polarity::Asserts, Vec::new()));
        let verb = pol.as_str();
        if files.len() >= 2 {
            return (
                Verdict::Agreement,
                format!(
                    "{} all {}",
                    list.join(", "),
                    match pol {
                        Polarity::Asserts => "assert",
                        Polarity::Denies => "deny",
                    }
                ),
            );
        }
        return (
            Verdict::SingleSource,
            format!("only {} {verb}, in one source", list.join(" and ")),
        );
    }

    // An article that also gives a date compatible with the other side's does not
    // contradict it: one that dates the quake "Saturday" and its toll "on Tuesday" agrees
    // with "Saturday" elsewhere, whatever its second date belongs to. (Counts are left
    // alone: a toll that rose within one article is still a different toll.)
    let agrees = |x: &Mention, y: &Mention| match (&x.value, &y.value) {
        (Some(vx), Some(vy)) => matches!(
            compare_approx(vx, x.approx, vy, y.approx, tolerance),
            Compat::Agree(_)
        ),
        _ => false,
    };
    // A day agrees with every time of it, so it settles no two times ("crashed on Monday"
    // says nothing of 22:15 against 21:58).
    let timed = |m: &Mention| matches!(m.value, Some(Value::Time(_)));
    let settled = |a: &Mention, b: &Mention| {
        claim.kind == Kind::Event
            && ms.iter().any(|c| {
                (timed(c) || !(timed(a) && timed(b)))
                    && ((c.article == b.article && agrees(a, c))
                        || (c.article == a.article && agrees(c, b)))
            })
    };
    // A sentence of the claim that gives two figures, one agreeing with each side, tells
    // two quantities side by side, not a disagreement: "CENC gave 6.8 while the USGS put it
    // at 7.1"; "rose 3,217 points, a day after falling 4,451"; "the toll rose from 95 to
    // 126". Its figures must be figures of their own: given as such (not a bound, which
    // agrees with anything beyond it: "at least 288 dead" is no injured count of 1,175),
    // not a part, and not a breakdown right after the other ("Acht Menschen, sieben
    // Fluggäste und eine Flugbegleiterin", see `breakdown`).
    let given = |c: &Mention| !c.approx.is_bound();
    let figures: Vec<Vec<&Mention>> = if claim.kind == Kind::Quantity {
        let own = |c: &Mention| !c.part && given(c);
        let mut seen = BTreeSet::new();
        claim
            .mentions
            .iter()
            .filter(|&&i| seen.insert((mentions[i].article, mentions[i].line, mentions[i].start)))
            .map(|&i| {
                let m = &mentions[i];
                let same =
                    |c: &&Mention| c.article == m.article && c.line == m.line && c.start == m.start;
                // Mentions are in file and position order: a sentence's are side by side.
                let before = mentions[..i].iter().rev().take_while(same);
                let after = mentions[i..].iter().take_while(same);
                before.chain(after).filter(|c| own(c)).collect()
            })
            .filter(|f: &Vec<&Mention>| f.len() >= 2)
            .collect()
    } else {
        Vec::new()
    };
    // A smaller figure right after a comma, dash, colon or parenthesis breaks the first one
    // down ("Acht Menschen, sieben Fluggäste und eine Flugbegleiterin", "восемь человек —
    // семь пассажиров"): a part of it, not a figure beside it.
    let breakdown = |x: &Mention, y: &Mention| {
        let (Some((sx, ex)), Some((sy, ey))) = (x.value_span, y.value_span) else {
            return true;
        };
        let ((first, (_, end)), (second, (start, _))) = if sx <= sy {
            ((x, (sx, ex)), (y, (sy, ey)))
        } else {
            ((y, (sy, ey)), (x, (sx, ex)))
        };
        let smaller = match (&first.value, &second.value) {
            (Some(f), Some(s)) => s.magnitude() < f.magnitude(),
            _ => true,
        };
        let gap = x.text.get(end.min(start)..start).unwrap_or("");
        smaller && gap.contains([',', '—', '–', ':', '('])
    };
    // A figure that stands for a side: one its frame keys alike, or one no frame keyed (in
    // "sept morts et huit blessés", the dead stand for no count of the injured).
    let stands_for = |x: &Mention, side: &Mention| {
        agrees(x, side)
            && (x.frame != side.frame
                || x.key.is_empty()
                || side.key.is_empty()
                || x.key == side.key)
    };
    let told_apart = |a: &Mention, b: &Mention| {
        // A bound on either side agrees with too much to be matched so ("close to 7,000
        // hectares" with another fire's 5,700).
        given(a)
            && given(b)
            && figures.iter().any(|f| {
                f.iter().any(|x| {
                    stands_for(x, a)
                        && f.iter().any(|y| {
                            x.value_span != y.value_span && !breakdown(x, y) && stands_for(y, b)
                        })
                })
            })
    };
    // A value told beside a later rank ("a second wave of explosions on Wednesday") is a
    // later one than the same thing told without a rank, which is most often the first.
    let later_unranked = |a: &Mention, b: &Mention| match (a.rank(), b.rank()) {
        (Some(r), None) | (None, Some(r)) => !rules.concept_of(r).is_some_and(|c| c.earliest),
        _ => false,
    };
    // Values: the first incompatible pair from different voices decides a conflict; of the
    // compatible pairs across articles, the one furthest apart gives the reason.
    let mut agree_reason: Option<(f64, String)> = None;
    // The periods each figure is counted over ("in the first quarter", "annual").
    let over: Vec<Vec<&str>> = ms.iter().map(|m| periods(m, rules)).collect();
    for (x, a) in ms.iter().enumerate() {
        for (y, b) in ms.iter().enumerate().skip(x + 1) {
            let (Some(va), Some(vb)) = (&a.value, &b.value) else {
                continue;
            };
            match compare_approx(va, a.approx, vb, b.approx, tolerance) {
                // A part of a group ("five children among the dead") never contradicts
                // the group's count.
                Compat::Conflict(r)
                    if a.article != b.article
                        && a.part == b.part
                        // The day something was told ("bestritt am Montag") never
                        // contradicts the day of what it is told with (see `matching::link`).
                        && a.context.contains_key("told") == b.context.contains_key("told")
                        && !settled(a, b)
                        && !told_apart(a, b)
                        && !later_unranked(a, b)
                        && !other_periods(&over[x], &over[y]) =>
                {
                    return (
                        Verdict::Conflict,
                        format!(
                            "{r} ({} vs {}){}",
                            a.file,
                            b.file,
                            undated_note(claim, &[a, b])
                        ),
                    );
                }
                Compat::Agree(r) if a.file != b.file => {
                    let d = spread(va, vb);
                    if agree_reason.as_ref().is_none_or(|(best, _)| d > *best) {
                        agree_reason = Some((d, r));
                    }
                }
                _ => {}
            }
        }
    }
    if files.len() >= 2
        && let Some((_, r)) = agree_reason
    {
        return (
            Verdict::Agreement,
            format!("{r}{}", undated_note(claim, &ms)),
        );
    }
    // Two articles whose figures are counted over different periods ("in the first
    // quarter", "annual") were not compared: each figure stands alone.
    if files.len() >= 2
        && over
            .iter()
            .any(|a| over.iter().any(|b| other_periods(a, b)))
    {
        return (
            Verdict::SingleSource,
            "not compared: the articles give figures over different periods".to_string(),
        );
    }
    // A later rank in one article and none in the other were not compared either.
    let ranked = ms.iter().find_map(|a| {
        ms.iter()
            .find(|b| a.article != b.article && later_unranked(a, b))
            .map(|b| (a, b))
    });
    if let Some((a, b)) = ranked {
        let (r, f, o) = match a.rank() {
            Some(r) => (r, &a.file, &b.file),
            None => (b.rank().unwrap_or_default(), &b.file, &a.file),
        };
        return (
            Verdict::SingleSource,
            format!(
                "not compared: {f} tells a {} one, {o} gives no rank",
                r.trim_start_matches('@')
            ),
        );
    }
    let by = match &ms[0].speaker {
        Some(s) => format!(" ({s})"),
        None => String::new(),
    };
    (Verdict::SingleSource, format!("only one source{by}"))
}

/// What a quantity's reason adds when some of the figures compared give no time: they
/// were taken as the story's time.
fn undated_note(claim: &Claim, ms: &[&Mention]) -> &'static str {
    if claim.kind == Kind::Quantity && ms.iter().any(|m| !crate::matching::time_scoped_ok(m)) {
        "; undated, taken as the story's time"
    } else {
        ""
    }
}

/// How far apart two compatible values are: days of precision between dates, relative
/// difference between numbers.
fn spread(a: &Value, b: &Value) -> f64 {
    match (a, b) {
        (Value::Date(x), Value::Date(y)) => match (x.interval(), y.interval()) {
            (Some(p), Some(q)) => {
                ((p.end - p.start).num_days() - (q.end - q.start).num_days()).abs() as f64
            }
            _ => 0.0,
        },
        (Value::Money { amount: x, .. }, Value::Money { amount: y, .. })
        | (Value::Count(x), Value::Count(y)) => {
            let (x, y) = (x.f64(), y.f64());
            (x - y).abs() / x.abs().max(y.abs()).max(1e-12)
        }
        (Value::Percent(x), Value::Percent(y)) | (Value::Factor(x), Value::Factor(y)) => {
            (x - y).abs() / x.abs().max(y.abs()).max(1e-12)
        }
        (Value::Duration(..), Value::Duration(..)) => match (a.magnitude(), b.magnitude()) {
            (Some(x), Some(y)) => (x - y).abs() / x.max(y).max(1e-12),
            _ => 0.0,
        },
        _ => 0.0,
    }
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    parent[i] = r;
    r
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Longest common subsequence length of two id lists.
fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    // One row of the table, rolled: a pair of articles costs their lengths' product in
    // comparisons and one allocation.
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// How many values two sorted lists share, each as often as both hold it.
fn sorted_common(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The origin of every article (a root article index), at each [`OriginLink`]: by copies
/// only, by copies and upstreams, and by all three (the origin counted).
pub struct Origins {
    pub copies: Vec<usize>,
    pub upstream: Vec<usize>,
    pub all: Vec<usize>,
}

impl Origins {
    /// What ties `articles` (two or more, of one origin) together: the closest link that
    /// holds for all of them.
    fn link(&self, articles: &BTreeSet<usize>) -> OriginLink {
        let one = |level: &[usize]| {
            let roots: BTreeSet<usize> = articles.iter().map(|&a| level[a]).collect();
            roots.len() == 1
        };
        if one(&self.copies) {
            OriginLink::Copies
        } else if one(&self.upstream) {
            OriginLink::SameUpstream
        } else {
            OriginLink::Rewrites
        }
    }
}

/// The origins of every article.
pub fn origins(story: &Story, claims: &[Claim], mentions: &[Mention]) -> Origins {
    let n = story.articles.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // Copies are one origin whatever the manifest says.
    let index: BTreeMap<&str, usize> = story
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.file.as_str(), i))
        .collect();
    for (copy, original) in &story.copies {
        if let (Some(&a), Some(&b)) = (index.get(copy.as_str()), index.get(original.as_str())) {
            union(&mut parent, a, b);
        }
    }
    let copies: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let norm = |s: &str| s.trim().to_lowercase();
    // What an article took its text from (its manifest upstream and the outlets it cites)
    // and what it is (its outlet), normalized once per article, not once per pair.
    let sources: Vec<Vec<String>> = story
        .articles
        .iter()
        .map(|x| {
            x.upstream
                .iter()
                .chain(x.cited.iter())
                .map(|s| norm(s))
                .collect()
        })
        .collect();
    let upstreams: Vec<Option<String>> = story
        .articles
        .iter()
        .map(|x| x.upstream.as_deref().map(norm))
        .collect();
    let outlets: Vec<Option<String>> = story
        .articles
        .iter()
        .map(|x| x.outlet.as_deref().map(norm))
        .collect();
    for i in 0..n {
        for j in i + 1..n {
            // Already one origin (copies of one text): nothing to add, and nothing to compare.
            if find(&mut parent, i) == find(&mut parent, j) {
                continue;
            }
            let same_upstream =
                matches!((&upstreams[i], &upstreams[j]), (Some(x), Some(y)) if x == y);
            let cites =
                |x: usize, y: usize| outlets[y].as_ref().is_some_and(|o| sources[x].contains(o));
            let shared = sources[i].iter().any(|s| sources[j].contains(s));
            if same_upstream || shared || cites(i, j) || cites(j, i) {
                union(&mut parent, i, j);
            }
        }
    }
    let upstream: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    // Claim sequences per article, in text order.
    let mut claim_of = vec![0usize; mentions.len()];
    for (ci, c) in claims.iter().enumerate() {
        for &m in &c.mentions {
            claim_of[m] = ci;
        }
    }
    // Claims by index (ids are unique): a story of a thousand articles compares half a
    // million pairs, and comparing ids as strings was most of its judging.
    let mut seqs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (mi, m) in mentions.iter().enumerate() {
        let id = claim_of[mi];
        if seqs[m.article].last() != Some(&id) {
            seqs[m.article].push(id);
        }
    }
    let sets: Vec<Vec<usize>> = seqs
        .iter()
        .map(|s| {
            let mut set = s.clone();
            set.sort_unstable();
            set
        })
        .collect();
    for i in 0..n {
        for j in i + 1..n {
            if find(&mut parent, i) == find(&mut parent, j) {
                continue;
            }
            // Reports of one event share its key facts; a rewrite or translation shares
            // most of its claims, in order. The claims two articles share at all (counted
            // as often as both tell them) bound those they share in order: most pairs stop
            // there.
            let shorter = seqs[i].len().min(seqs[j].len());
            let common = sorted_common(&sets[i], &sets[j]);
            if common < 3 || common * 5 < shorter * 3 {
                continue;
            }
            let shared = lcs(&seqs[i], &seqs[j]);
            if shared >= 3 && shared * 5 >= shorter * 3 {
                union(&mut parent, i, j);
            }
        }
    }
    let all = (0..n).map(|i| find(&mut parent, i)).collect();
    Origins {
        copies,
        upstream,
        all,
    }
}

/// Judge every claim; order: conflict, agreement, single-source, then id.
pub fn judge(
    story: &Story,
    claims: Vec<Claim>,
    mentions: &[Mention],
    rules: &RuleSet,
) -> Vec<Judged> {
    let origin = origins(story, &claims, mentions);
    let mut out: Vec<Judged> = claims
        .into_iter()
        .map(|claim| {
            let (verdict, reason) = judge_one(&claim, mentions, rules);
            let arts: BTreeSet<usize> = claim
                .mentions
                .iter()
                .map(|&i| mentions[i].article)
                .collect();
            let roots: BTreeSet<usize> = arts.iter().map(|&a| origin.all[a]).collect();
            let single_origin =
                (verdict == Verdict::Agreement && arts.len() >= 2 && roots.len() == 1)
                    .then(|| origin.link(&arts));
            Judged {
                sources: arts.len(),
                origins: roots.len(),
                single_origin,
                claim,
                verdict,
                reason,
            }
        })
        .collect();
    out.sort_by(|a, b| a.verdict.cmp(&b.verdict).then(a.claim.id.cmp(&b.claim.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcs_counts_shared_order() {
        assert_eq!(lcs(&["a", "b", "c", "d"], &["a", "x", "c", "d"]), 3);
        assert_eq!(lcs(&["a", "b"], &["b", "a"]), 1);
        assert_eq!(lcs(&[1, 2, 1, 3], &[1, 1, 3]), 3);
    }

    #[test]
    fn the_claims_two_articles_share_bound_their_shared_order() {
        // Counted as often as both hold them: "1 2 1 3" and "1 1 3" share 1, 1 and 3.
        assert_eq!(sorted_common(&[1, 1, 2, 3], &[1, 1, 3]), 3);
        assert_eq!(sorted_common(&[1, 2, 3], &[4, 5]), 0);
        // Never below the longest common order, so a pair it turns away has none long
        // enough.
        let (a, b) = ([3, 1, 2, 1, 3, 2], [1, 3, 2, 2, 1]);
        let (mut sa, mut sb) = (a.to_vec(), b.to_vec());
        sa.sort_unstable();
        sb.sort_unstable();
        assert!(sorted_common(&sa, &sb) >= lcs(&a, &b));
    }
}
