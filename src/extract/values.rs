//! Values: choose the value a mention compares (an event's date, a quantity's number) and
//! the period it holds over.
//!
//! Input: a frame, the trigger match, the sentence's [`Context`] and the paragraph's
//! [`Memory`]. Output: a [`Chosen`] value, period and span, or `None` when the frame has
//! nothing to check.

use super::Memory;
use super::context::Context;
use super::distance::{between, nearest};
use super::frame::Trig;
use crate::normalize::{DateValue, Found, Value};
use crate::rules::{Frame, Kind, Lang, TimeScope, ValueKind};
use crate::time::PartialDate;

/// What [`choose`] picked for one trigger match.
pub(super) struct Chosen {
    /// The compared value: an event's date, a quantity's number; `None` for statements.
    pub(super) value: Option<Value>,
    /// When the claim holds (events: the same date as `value`).
    pub(super) period: Option<DateValue>,
    /// Whether the sentence itself names `period` (not inherited from the paragraph or
    /// the article).
    pub(super) dated: bool,
    /// Whether the figure is a running total: its sentence opens its period with "since"
    /// ("1,006 dead since January").
    pub(super) running: bool,
    /// "about", "more than", … qualifying a numeric value.
    pub(super) approx: crate::rules::Approx,
    /// Byte range, within the sentence, of the value (or of an event's date).
    pub(super) span: Option<(usize, usize)>,
}

/// Choose the value and period of a mention by the frame's value kind: for events the
/// nearest date that may date them, for quantities the nearest number of the right kind
/// and unit, for statements a date only. A period missing from the sentence is inherited
/// from the paragraph or the article as the frame's time scope allows. `None` when the frame
/// has nothing to check.
pub(super) fn choose(
    frame: &Frame,
    ctx: &Context,
    memory: &Memory,
    anchor: Option<PartialDate>,
    t: &Trig,
) -> Option<Chosen> {
    let (spans, pick) = (t.spans, t.pick);
    let trig = t.caps.span;
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
        // A count takes no later time from an earlier sentence: "bis 2030" there is a
        // target, not the time of "sinkt um 730.000 Fahrzeuge im Jahr" here.
        let later = |d: &DateValue| {
            frame.kind == Kind::Quantity
                && d.interval()
                    .zip(anchor.and_then(|a| a.interval()))
                    .is_some_and(|(iv, now)| iv.start > now.end)
        };
        if scope != TimeScope::Sentence
            && let Some(d) = &memory.date
            && !later(d)
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
    let mut running = false;
    let (value, period, dated) = match frame.value.kind {
        ValueKind::Date => {
            // With a date on each side of the event's words, each across a comma, the one
            // after is the event's ("вступил в должность в понедельник, выиграв выборы,
            // состоявшиеся 21 сентября"): the one before dates the clause before.
            let across = |f: &&Found| between(ctx.text, (f.start, f.end), trig).contains(',');
            let (before, after): (Vec<&Found>, Vec<&Found>) = dates
                .iter()
                .copied()
                .filter(|f| f.end <= trig.0 || f.start >= trig.1)
                .partition(|f| f.end <= trig.0);
            let both_across =
                !before.is_empty() && !after.is_empty() && before.iter().chain(&after).all(across);
            let found = if both_across {
                nearest(ctx.text, &after, trig)
            } else {
                nearest(ctx.text, &dates, trig)
            };
            // A date belongs to the nearest action too: "the court on Sunday remanded
            // those accused of the attack" dates the remand, not the attack.
            value_span = found.map(|f| (f.start, f.end));
            let dated = found.is_some();
            let d = found.map(date_of);
            let d = d.or_else(|| inherited(frame.time));
            // A frame that wants its date from the text has nothing to check without one.
            if d.is_none() && frame.time != TimeScope::Document {
                return None;
            }
            // A time of day right beside the event's words, on the event's day, is the
            // event's value, its day still the period: "crashed at 22:15 on Monday"
            // against "s'est écrasé lundi à 21 h 58" is one crash at two times.
            if let Some((time, span)) = d.as_ref().and_then(|d| event_time(ctx, d, trig)) {
                value_span = Some(span);
                (Some(Value::Time(time)), d, dated)
            } else {
                (d.clone().map(Value::Date), d, dated)
            }
        }
        ValueKind::Polarity => {
            let d = nearest(ctx.text, &dates, trig).map(date_of);
            let dated = d.is_some();
            (None, d, dated)
        }
        kind => {
            let no_words = Vec::new();
            let unit_words = frame.value.unit_words.get(ctx.lang).unwrap_or(&no_words);
            let units = match frame.value.units.get(ctx.lang) {
                None if unit_words.is_empty() => None,
                u => Some(u.map_or(&[][..], Vec::as_slice)),
            };
            // What the frame excludes is no value of it either: "57.3% of GDP" is a share,
            // whatever trigger reaches it.
            let excluded = t.excluded;
            let values: Vec<&Found> = ctx
                .found
                .iter()
                .filter(|f| kind.takes(f.value.kind()))
                .filter(|f| !excluded.iter().any(|&(s, e)| f.start < e && s < f.end))
                .filter(|f| !frame.value.in_trigger || (f.start >= trig.0 && f.end <= trig.1))
                // The figure a change starts from ("rose from 86 to 91") is an earlier one:
                // the frame's is the one it reached. Only a catch-all at the figure itself
                // takes it, as background.
                .filter(|f| f.approx != crate::rules::Approx::Was || (f.start, f.end) == trig)
                .filter(|f| {
                    kind != ValueKind::Count
                        || units.is_none_or(|u| counts_unit(ctx, f, u, unit_words, spans))
                })
                // A count before a clause that a comma and a conjunction or subordinator
                // open is that earlier clause's: in "Dua awak kabin juga selamat,
                // sementara pilot dan kopilot tewas" the two survived.
                .filter(|f| kind != ValueKind::Count || !clause_opens_between(ctx, f.end, trig.0))
                // A figure in a clause a comma and a contrast word open after the trigger
                // is that clause's: "desvió depósitos de los clientes, mientras captaba de
                // inversores unos 1.800 millones".
                .filter(|f| !contrast_between(ctx, trig.1, f.start))
                // A breakdown of the count before it is no count of its own: "Les 72
                // personnes à bord, 68 passagers et quatre membres d'équipage, ont été tuées".
                .filter(|f| kind != ValueKind::Count || !ctx.apposed_part((f.start, f.end)))
                // An age is no count: "two men aged 67 and 56 were killed" counts two.
                .filter(|f| kind != ValueKind::Count || !ctx.attribute_of((f.start, f.end)))
                // Things are counted whole: "magnitud 6,3" is no count, while "1.5
                // million" is 1,500,000.
                .filter(|f| {
                    kind != ValueKind::Count
                        || !matches!(&f.value, Value::Count(n) if n.f64().fract() != 0.0)
                })
                .collect();
            let v = match pick {
                Some(span) => *values.iter().find(|f| (f.start, f.end) == span)?,
                None => {
                    // A number followed by another trigger of the frame is that
                    // trigger's: in "31 people were killed and 12 were injured" the
                    // 12 is not a death toll.
                    // So is a number after a comma past this trigger, in a clause that
                    // ends with another: "drei Mädchen … starben, acht weitere Kinder und
                    // zwei Erwachsene wurden verletzt".
                    let next_clause = |f: &Found| {
                        f.start >= trig.1
                            && ctx.text[trig.1..f.start].contains(',')
                            && spans.iter().any(|&(s, e)| {
                                (s, e) != trig
                                    && s >= f.end
                                    && !ctx.text[f.end..s].contains([',', ';', '.', ':'])
                            })
                    };
                    // Each value with the trigger its place ties it to, worked out once.
                    let counts = kind == ValueKind::Count;
                    let own: Vec<(&Found, Option<(usize, usize)>)> = values
                        .iter()
                        .map(|&f| (f, attached(ctx, f, spans, counts)))
                        .filter(|(f, a)| a.is_none_or(|a| a == trig) && !next_clause(f))
                        .collect();
                    // A number whose place ties it to this trigger is its figure before any
                    // nearer one past a conjunction after the trigger, which opens the next
                    // clause: in "8,133 people died and 12,272 others are missing" the dead
                    // are 8,133, though "and 12,272" stands closer to "died". (A catch-all's
                    // trigger is its value: nothing is tied to it. Measures, amounts and
                    // shares are told by their units, not by their place.)
                    let at_value = ctx.found.iter().any(|g| (g.start, g.end) == trig);
                    let tied_here =
                        counts && !at_value && own.iter().any(|(_, a)| *a == Some(trig));
                    let conj_after = |f: &Found| {
                        f.start >= trig.1
                            && ctx.tokens.iter().any(|t| {
                                t.start >= trig.1
                                    && t.end <= f.start
                                    && ctx.pack.attribution.conjunctions.contains(&t.lower)
                            })
                    };
                    let own: Vec<&Found> = own
                        .into_iter()
                        .map(|(f, _)| f)
                        .filter(|f| !tied_here || !conj_after(f))
                        .collect();
                    let pool = if !own.is_empty() { &own } else { &values };
                    nearest(ctx.text, pool, trig)?
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
                let dated = d.is_some();
                (Some(v.value.clone()), d, dated)
            } else {
                // An amount holds over a period: prefer a month or year to a day (the day
                // is usually when it was reported). A date that opens a running period
                // ("since January") is none: the total holds as of the report.
                let since = dates.len();
                let dates: Vec<&Found> = dates
                    .iter()
                    .copied()
                    .filter(|f| !running_since(ctx.text, ctx.pack, f, anchor))
                    .collect();
                running = dates.len() < since;
                // A date past a comparison word after the figure, and nearer another
                // figure of the same kind, is that figure's: in "lag bei 61,3 Prozent und
                // damit unter dem Wert von 2019, als rund 66 Prozent" 2019 is the 66
                // percent's year, not the 61.3's.
                let span = |f: &Found| (f.start, f.end);
                let dist =
                    |a: (usize, usize), b: (usize, usize)| between(ctx.text, a, b).chars().count();
                let dates: Vec<&Found> = dates
                    .into_iter()
                    .filter(|d| {
                        let compared = d.start >= v.end && ctx.compares(v.end, d.start);
                        let nearer_other = values.iter().any(|o| {
                            span(o) != span(v)
                                && std::mem::discriminant(&o.value)
                                    == std::mem::discriminant(&v.value)
                                && dist(span(d), span(o)) < dist(span(d), span(v))
                        });
                        !(compared && nearer_other)
                    })
                    .collect();
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
                let own = nearest(ctx.text, &periods, trig)
                    .or_else(|| nearest(ctx.text, &dates, trig))
                    .map(date_of);
                let dated = own.is_some();
                let d = own.or_else(|| inherited(frame.time));
                (Some(v.value.clone()), d, dated)
            }
        }
    };
    Some(Chosen {
        value,
        period,
        dated,
        running,
        approx,
        span: value_span,
    })
}

/// How far (in characters) a time of day may stand from an event's words and be its time.
const TIME_REACH: usize = 25;

/// The time of day of an event dated `day`, with its span: the time nearest the event's
/// words, in their clause (no comma, semicolon or dash between, at most `TIME_REACH`
/// characters away), that may date the event as a date may (`event_date`), on that day or
/// on no day told (it then takes that day). `None` when the event's date is no single day
/// or no such time stands there.
fn event_time(
    ctx: &Context,
    day: &DateValue,
    trig: (usize, usize),
) -> Option<(crate::normalize::TimeOfDay, (usize, usize))> {
    let DateValue::Resolved(iv) = day else {
        return None;
    };
    if iv.granularity != crate::time::Granularity::Day {
        return None;
    }
    let times: Vec<&Found> = ctx
        .found
        .iter()
        .filter(|f| match &f.value {
            Value::Time(t) => t.date.is_none_or(|d| d == iv.start),
            _ => false,
        })
        .filter(|f| {
            let gap = between(ctx.text, (f.start, f.end), trig);
            gap.chars().count() <= TIME_REACH && !gap.contains([',', ';', '—', '–'])
        })
        .filter(|f| event_date(ctx, f, trig))
        .collect();
    let f = nearest(ctx.text, &times, trig)?;
    let Value::Time(t) = &f.value else {
        return None;
    };
    let on_day = crate::normalize::TimeOfDay {
        date: Some(iv.start),
        ..*t
    };
    Some((on_day, (f.start, f.end)))
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
    if preceded_by(ctx.text, f, &ctx.pack.dates.until) {
        return false;
    }
    let date = (f.start, f.end);
    // A date in another clause than the event's words, well away from them, is that
    // clause's time: "the fires that swept the hills now count 122 dead, twice the figure
    // the president gave a day before".
    if other_clause(ctx, trig, date) {
        return false;
    }
    let to_trigger = between(ctx.text, trig, date).chars().count();
    // The date goes with a cue right beside it, in the same clause, nearer than the
    // event's own words…
    let reports = |&(s, e): &(usize, usize)| {
        if !beside_cue(ctx, (s, e), date)
            || between(ctx.text, (s, e), date).chars().count() >= to_trigger
        {
            return false;
        }
        // … unless the cue is the act itself: "announced on Monday the suspension of…",
        // with no "that" and no comma between the verb and the event's words, and the cue an
        // act that makes what it names (an announcement, an order), not words about it
        // ("Putin on Wednesday described the attack as a provocation").
        let acts = ctx.acts.iter().any(|&(a, b)| a < e && s < b);
        if acts && trig.0 >= e {
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
    // … or with a change of a figure right beside it, between it and the event's words:
    // "on Friday lowered the death toll from the crash to 48" dates the lowering, while
    // "the toll of the attack of 22 March rose to 144" dates the attack.
    let (lo, hi) = (trig.1.min(date.1), trig.0.max(date.0));
    let changes = |&(s, e): &(usize, usize)| lo <= s && e <= hi && beside_cue(ctx, (s, e), date);
    !ctx.voice.cues.iter().any(reports) && !ctx.changes.iter().any(changes)
}

/// Whether a date stands right beside an attribution cue, in its clause: twelve characters
/// at most, no comma or quotation mark between ("said on Tuesday", "am Montag sagte", "в
/// среду заявил").
fn beside_cue(ctx: &Context, cue: (usize, usize), date: (usize, usize)) -> bool {
    let gap = between(ctx.text, cue, date);
    gap.chars().count() <= 12 && !gap.contains([',', ';', '"', '“', '”', '«', '»'])
}

/// Whether a date is the day something was told: right beside an attribution cue ("Police
/// said on Monday…", "Darmanin sagte am Montag…"). Such a day never contradicts the day of
/// an event (`matching::link`). A cue that makes what it names ("announced", "ordered": the
/// lexicon's `act` concepts) dates an act, not a telling.
pub(super) fn told_on(ctx: &Context, date: (usize, usize)) -> bool {
    ctx.voice.cues.iter().any(|&cue| {
        beside_cue(ctx, cue, date) && !ctx.acts.iter().any(|&(s, e)| s < cue.1 && cue.0 < e)
    })
}

/// How far (in characters) a date may stand from an event's words across a clause break
/// and still be its time.
const CLAUSE_REACH: usize = 25;

/// Whether a date stands in another clause than the event's words, well away from them:
/// beyond a semicolon, colon or dash, a speech cue, or a subordinator or complementizer of
/// the language ("that", "que", "yang", "который"). A subordinator right after the date
/// opens a clause about the date, not another clause ("Aug. 6, 2016, when 14 people died in
/// a blaze"); a complementizer there opens what was told that day. One right after the
/// event's words is left parting them: "the landslides that tore through the hills on
/// Tuesday" reads as the landslides' time, but measured on the labelled folders such a
/// clause more often carries another act's time.
fn other_clause(ctx: &Context, trig: (usize, usize), date: (usize, usize)) -> bool {
    let gap = between(ctx.text, trig, date);
    if gap.chars().count() <= CLAUSE_REACH {
        return false;
    }
    if gap.contains([';', ':', '—', '–']) {
        return true;
    }
    // A speech cue between them: the event is what is told, the date when it was told
    // ("went further on Thursday, saying that no alert for landslides had come").
    let (lo, hi) = (trig.1.min(date.1), trig.0.max(date.0));
    if ctx.voice.cues.iter().any(|&(s, e)| lo <= s && e <= hi) {
        return true;
    }
    let a = &ctx.pack.attribution;
    // The gap's words: the sentence's tokens between the event's words and the date.
    let words: Vec<(usize, &str)> = ctx
        .tokens
        .iter()
        .filter(|t| lo <= t.start && t.end <= hi)
        .map(|t| (t.start, t.lower.as_str()))
        .collect();
    // A word of time between three words at most before a date after the event opens no
    // clause: it is the date's preposition ("struck shortly after lunch on Monday",
    // "вскоре после полуночи в понедельник").
    let of_the_date = |i: usize| {
        date.0 >= trig.1
            && words.len() - i <= 4
            && ctx.between.iter().any(|&(s, _)| s == words[i].0)
    };
    let opens: Vec<(usize, bool)> = words
        .iter()
        .enumerate()
        .map(|(i, (_, w))| {
            let is = |list: &[String]| list.iter().any(|x| x == w);
            (i, is(&a.complementizers), is(&a.subordinators))
        })
        .filter(|&(i, complementizer, subordinator)| {
            complementizer || (subordinator && !of_the_date(i))
        })
        .map(|(i, complementizer, _)| (i, complementizer))
        .collect();
    // A complementizer right after the date opens what was told on that day ("told
    // reporters on Friday that Russia had never interfered in elections").
    let about_date = date.1 <= trig.0 && opens == [(0, false)];
    !opens.is_empty() && !about_date
}

/// Whether one of `words` stands right before a date, as a whole word ("until 22 May",
/// "since January"), or opens the date's own words (a month's prefix is in its match).
/// Only the last forty characters before it are read.
fn preceded_by(text: &str, f: &Found, words: &[String]) -> bool {
    let own = text[f.start..f.end].to_lowercase();
    let opens = words.iter().any(|u| {
        own.strip_prefix(u.as_str())
            .is_some_and(|rest| rest.starts_with(char::is_whitespace))
    });
    if opens {
        return true;
    }
    let head = &text[..f.start];
    let from = head.char_indices().rev().nth(39).map_or(0, |(i, _)| i);
    let before = head[from..].trim_end().to_lowercase();
    words.iter().any(|u| {
        before.ends_with(u.as_str())
            && !before[..before.len() - u.len()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Whether a date opens a running period to the report: "since January" in an October
/// report, a year or less before it. A farther one is a record's reference ("the highest
/// since 2003"), and a date with its own clause is that clause's time ("since Aug. 6, 2016,
/// when 14 people died").
pub(super) fn running_since(
    text: &str,
    pack: &Lang,
    f: &Found,
    anchor: Option<PartialDate>,
) -> bool {
    let recent = match (&f.value, anchor.and_then(|a| a.interval())) {
        (Value::Date(DateValue::Resolved(iv)), Some(now)) => {
            iv.start <= now.end && (now.end - iv.start).num_days() <= 366
        }
        _ => false,
    };
    recent && preceded_by(text, f, &pack.dates.since) && !anchors_clause(text, pack, f)
}

/// Whether a clause opens right after a date ("since Aug. 6, 2016, when 14 people died"):
/// the date is that clause's time, not the start of a running period.
fn anchors_clause(text: &str, pack: &Lang, f: &Found) -> bool {
    let rest = text[f.end..].trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    pack.attribution.subordinators.contains(&first_word(rest))
}

/// The first word of `text` (letters and digits, after any spaces or punctuation),
/// lowercased; empty when there is none.
pub(super) fn first_word(text: &str) -> String {
    words(text).next().unwrap_or_default()
}

/// The words of `text` (runs of letters and digits), lowercased.
pub(super) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The trigger a value belongs to by its place. With `objects` (a count): the nearest
/// trigger right before it, when nothing but function words stands between (or, for a value
/// with its own approximation, at most three words, those of "at least", "более чем"),
/// with no punctuation or conjunction: "killed 12 people and injured 30", "a tué au moins
/// 12 personnes", "mató a 12 personas". Else one that begins within the three words after
/// it, before any conjunction ("31 people were killed", "446 resultaron heridas").
fn attached(
    ctx: &Context,
    f: &Found,
    spans: &[(usize, usize)],
    objects: bool,
) -> Option<(usize, usize)> {
    // A catch-all's trigger is a value of its own, and is no trigger a value follows.
    let object_of = spans
        .iter()
        .copied()
        .filter(|&(s, e)| {
            objects && e <= f.start && !ctx.found.iter().any(|g| (g.start, g.end) == (s, e)) && {
                let gap = &ctx.text[e..f.start];
                let gap_words: Vec<&crate::words::Token> = ctx
                    .tokens
                    .iter()
                    .filter(|t| t.start >= e && t.end <= f.start)
                    .collect();
                !gap.contains(|c: char| {
                    c.is_ascii_punctuation() || c == '\u{2014}' || c == '\u{2013}'
                }) && gap_words.len() <= 3
                    && !gap_words
                        .iter()
                        .any(|t| ctx.pack.attribution.conjunctions.contains(&t.lower))
                    && (f.approx != crate::rules::Approx::Exact
                        || gap_words
                            .iter()
                            .all(|t| ctx.pack.stopwords.contains(&t.lower)))
            }
        })
        .max_by_key(|&(_, e)| e);
    if object_of.is_some() {
        return object_of;
    }
    // Never across a conjunction: in "mató a 12 personas e hirió a otras 30" the 12 are
    // not the wounded.
    let next = ctx.tokens.iter().position(|t| t.start >= f.end)?;
    ctx.tokens[next..]
        .iter()
        .take(3)
        .take_while(|t| !ctx.pack.attribution.conjunctions.contains(&t.lower))
        .find_map(|t| spans.iter().find(|&&(s, _)| s == t.start).copied())
}

/// Whether a clause about another thing opens between `from` and `to` (a value after its
/// trigger): a comma followed by a word of the pack's `contrast` ("…, mientras captaba de
/// inversores unos 1.800 millones").
fn contrast_between(ctx: &Context, from: usize, to: usize) -> bool {
    if from >= to || to > ctx.text.len() {
        return false;
    }
    let gap = &ctx.text[from..to];
    gap.match_indices(',').any(|(comma, _)| {
        // The few words after the comma only: a long sentence is not lowercased per comma.
        let rest: String = gap[comma + 1..]
            .trim_start()
            .chars()
            .take(40)
            .flat_map(char::to_lowercase)
            .collect();
        ctx.pack.attribution.contrast.iter().any(|w| {
            rest.strip_prefix(w.as_str())
                .is_some_and(|r| w.ends_with(['\'', '’']) || !r.starts_with(char::is_alphanumeric))
        })
    })
}

/// Whether a new clause opens between `from` and `to` (a value before its trigger): a
/// comma followed by a subordinator of the language, with no comma after it ("…, while
/// rescuers were searching for the missing"). A clause that closes again before the trigger
/// ("17 people, who had gathered at the market, were killed") is an aside; a conjunction
/// after a comma most often ends a list ("two soldiers, three police officers, and a
/// civilian were killed") and opens nothing.
fn clause_opens_between(ctx: &Context, from: usize, to: usize) -> bool {
    if from >= to || to > ctx.text.len() {
        return false;
    }
    let gap = &ctx.text[from..to];
    gap.rfind(',').is_some_and(|comma| {
        ctx.pack
            .attribution
            .subordinators
            .contains(&first_word(&gap[comma + 1..]))
    })
}

/// Where the words after a value begin: past an abbreviated scale's dot, which is the
/// number's and not the sentence's end ("43,7 тыс. рыб", "2,5 Mio. Euro", "3 jt. orang").
pub(super) fn past_scale_dot(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let abbreviated = text[..end].ends_with(char::is_alphabetic)
        && rest
            .strip_prefix('.')
            .and_then(|r| r.trim_start().chars().next())
            .is_some_and(char::is_lowercase);
    if abbreviated { end + 1 } else { end }
}

/// The group a count is a part of: the count right after its partitive word, with only
/// stop words between ("five of the six", "lima dari enam"). None for "one of the
/// deadliest".
fn group_of<'c>(ctx: &'c Context, f: &Found) -> Option<&'c Found> {
    let rest = &ctx.text[f.end..];
    let at = f.end + (rest.len() - rest.trim_start().len());
    let word: String = ctx.text[at..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if !ctx.pack.numbers.partitive.contains(&word.to_lowercase()) {
        return None;
    }
    let from = at + word.len();
    ctx.found.iter().find(|g| {
        matches!(g.value, Value::Count(_))
            && g.start >= from
            && !ctx.text[from..g.start].contains([',', ';', '.'])
            && words(&ctx.text[from..g.start]).all(|w| ctx.pack.stopwords.contains(&w))
    })
}

/// Whether a partitive's part is the whole group: "every one of the 298 people aboard"
/// (the pack's `whole_before` right before it).
fn whole_part(ctx: &Context, f: &Found) -> bool {
    ctx.tokens
        .iter()
        .rev()
        .find(|t| t.end <= f.start)
        .is_some_and(|t| ctx.pack.numbers.whole_before.contains(&t.lower))
}

/// Whether one of the frame's triggers comes before a count ("killing five of …").
fn acted_before(f: &Found, spans: &[(usize, usize)]) -> bool {
    spans.iter().any(|&(_, e)| e <= f.start)
}

/// Whether the act is told of a part after its group, as the clause's verb: a trigger
/// begins two to seven words after the group's number, with no punctuation and no relative
/// pronoun between ("Seventy-one of the 77 people on board were killed", "cinq des six
/// passagers ont été tués"). A trigger right after the group's word, or in a relative
/// clause, describes the group ("five of the six people killed … were tourists", "five of
/// the six people who died were tourists").
fn acted_after_group(ctx: &Context, g: &Found, spans: &[(usize, usize)]) -> bool {
    let starts_trigger = |t: &crate::words::Token| spans.iter().any(|&(s, _)| s == t.start);
    let mut last = g.end;
    for (at, t) in ctx
        .tokens
        .iter()
        .filter(|t| t.start >= g.end)
        .take(7)
        .enumerate()
    {
        if ctx.text[last..t.start].contains([',', ';', ':', '.', '(', ')'])
            || ctx.pack.attribution.relative_pronouns.contains(&t.lower)
        {
            return false;
        }
        if at >= 1 && starts_trigger(t) {
            // Right after the group's word, the act describes the group.
            return at >= 2;
        }
        last = t.end;
    }
    false
}

/// Whether a count is where a change led, told after its trigger in the same clause: one of
/// the two words before it is a change word ("rose to 79", "passé à 79", "naik menjadi 79")
/// and a trigger ends within the clause before it.
fn changed_to(ctx: &Context, f: &Found, spans: &[(usize, usize)]) -> bool {
    let change = ctx
        .tokens
        .iter()
        .rev()
        .filter(|t| t.end <= f.start)
        .take(2)
        .any(|t| ctx.pack.numbers.is_change(&t.lower));
    change
        && spans.iter().any(|&(_, e)| {
            e <= f.start && !ctx.text[e..f.start].contains([',', ';', ':', '.', '(', ')'])
        })
}

/// Whether a trigger is the word right after a count ("179 victimes"; not "enam awak
/// tewas", where the count's unit stands between).
fn trigger_after(ctx: &Context, f: &Found, spans: &[(usize, usize)]) -> bool {
    let rest = &ctx.text[f.end..];
    let at = f.end + (rest.len() - rest.trim_start().len());
    ctx.tokens
        .iter()
        .find(|t| t.start >= at)
        .is_some_and(|t| spans.iter().any(|&(s, _)| s == t.start))
}

/// Whether a count is the group a part before it was counted from: "six" in "five of the
/// six people".
fn part_before(ctx: &Context, f: &Found, spans: &[(usize, usize)]) -> bool {
    ctx.found.iter().any(|p| {
        p.end <= f.start
            && matches!(p.value, Value::Count(_))
            && !whole_part(ctx, p)
            && group_of(ctx, p).is_some_and(|g| {
                (g.start, g.end) == (f.start, f.end)
                    && (acted_before(p, spans) || acted_after_group(ctx, g, spans))
            })
    })
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
    unit_of(ctx, f, units, unit_words, spans, false)
}

/// As [`counts_unit`]; `group`: `f` is the group a part was counted from, asked what it
/// counts.
fn unit_of(
    ctx: &Context,
    f: &Found,
    units: &[crate::rules::Pattern],
    unit_words: &[crate::words::WordPattern],
    spans: &[(usize, usize)],
    group: bool,
) -> bool {
    let end = past_scale_dot(ctx.text, f.end);
    let rest = &ctx.text[end..];
    let skipped = rest.len()
        - rest
            .trim_start_matches([' ', '-', '\u{a0}', '—', '–'])
            .len();
    let at = end + skipped;
    let rest = &ctx.text[at..];
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    if ctx.pack.numbers.partitive.contains(&word.to_lowercase()) {
        // "killing five of the six people", "menewaskan lima dari enam awak": a part of a
        // counted group counts what the group counts; "one of the deadliest" counts nothing.
        // "174 des 179 victimes identifiées": a part of the group the trigger names is a
        // part of the toll, not the toll.
        // The act is the part's when told before it ("killing five of the six people") or
        // after the group as the clause's verb ("71 of the 77 people on board were
        // killed"); in "five of the six people killed in the crash were tourists" the part
        // is some of the dead. In "every one of the 298 people" the part is the whole
        // group, which counts.
        return !group
            && !whole_part(ctx, f)
            && group_of(ctx, f).is_some_and(|g| {
                (acted_before(f, spans) || acted_after_group(ctx, g, spans))
                    && !trigger_after(ctx, g, spans)
                    && unit_of(ctx, g, units, unit_words, spans, true)
            });
    }
    // The group a part was counted from is not the count ("six" in "five of the six").
    if !group && part_before(ctx, f, spans) && !trigger_after(ctx, f, spans) {
        return false;
    }
    // Nothing, a stopword, or a verb of change after the count: it counts what its
    // trigger names ("die Zahl der Todesopfer ist auf 25 gestiegen").
    let lower = word.to_lowercase();
    if word.is_empty() || ctx.pack.stopwords.contains(&lower) || ctx.pack.numbers.is_change(&lower)
    {
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
    // A word the lexicon knows as another thing is what the number counts: "three floods
    // killed", "cinq cas mortels", "пять поездов пострадали".
    let other_thing = next.is_some_and(|i| ctx.concepts_at(ctx.tokens[i].start).next().is_some());
    let trigger_near = !other_thing
        && next.is_some_and(|i| {
            ctx.tokens[i..]
                .iter()
                .take(2)
                .any(|t| spans.iter().any(|&(s, _)| s == t.start))
        });
    // A figure a change reached, its trigger before it in the clause, counts what the
    // trigger names whatever word follows ("the death toll rose to 79 late on Wednesday"),
    // unless the lexicon knows that word as a thing (a time of day too: "overnight").
    let reached = !other_thing && changed_to(ctx, f, spans);
    word_unit
        || trigger_near
        || reached
        || units
            .iter()
            .any(|re| re.find(rest).is_some_and(|m| m.start() == 0))
        || spans.iter().any(|&(s, e)| s <= at && at < e)
}

#[cfg(test)]
mod tests {
    use crate::extract::Mention;
    use crate::extract::tests::mentions;

    /// The first key part and the value of each mention of `rule`: ("dead", "12").
    fn keyed_values(ms: &[Mention], rule: &str) -> Vec<(String, String)> {
        ms.iter()
            .filter(|m| m.rule == rule)
            .map(|m| (m.key.first().cloned().unwrap_or_default(), m.value_text()))
            .collect()
    }

    fn values_of(ms: &[Mention], rule: &str) -> Vec<String> {
        ms.iter()
            .filter(|m| m.rule == rule)
            .map(|m| m.value_text())
            .collect()
    }

    #[test]
    fn a_count_counts_what_its_frame_counts() {
        let ms = mentions(
            "At least 288 people were killed when three trains collided on Friday.",
            "en",
            "2023-06-03",
        );
        assert_eq!(values_of(&ms, "casualties"), ["288"]);
        // The trains are no toll: a figure of their own, counting trains.
        let trains: Vec<&Mention> = ms.iter().filter(|m| m.rule == "value-figure").collect();
        assert_eq!(trains.len(), 1);
        assert_eq!(trains[0].value_text(), "3");
        // It counts trains first (and the act told right after them: "collided").
        assert_eq!(
            trains[0].context["unit"].first().map(String::as_str),
            Some("@train")
        );
        assert!(!trains[0].context["unit"].iter().any(|u| u == "@die"));
    }

    /// A count right after its verb is that verb's object, and a count never reaches across
    /// a conjunction to the next clause's verb: "killed 12 people and injured 30" gives 12
    /// dead and 30 injured in every language, and "8,133 died and 12,272 are missing" gives
    /// the dead as 8,133 though the 12,272 stands nearer "died".
    #[test]
    fn each_count_goes_to_the_verb_of_its_own_clause() {
        for (text, lang, dead, other, kind) in [
            (
                "The blast killed 12 people and injured 30 others.",
                "en",
                "12",
                "30",
                "injured",
            ),
            (
                "The blast killed at least 12 people and injured 30 others.",
                "en",
                "12",
                "30",
                "injured",
            ),
            (
                "The quake killed 12 and injured 30.",
                "en",
                "12",
                "30",
                "injured",
            ),
            (
                "Police said 8,133 people died and 12,272 others were still listed as missing.",
                "en",
                "8133",
                "12272",
                "missing",
            ),
            (
                "Die Explosion tötete 12 Menschen und verletzte 30 weitere.",
                "de",
                "12",
                "30",
                "injured",
            ),
            (
                "L'explosion a tué 12 personnes et blessé 30 autres.",
                "fr",
                "12",
                "30",
                "injured",
            ),
            (
                "La explosión mató a 12 personas e hirió a otras 30.",
                "es",
                "12",
                "30",
                "injured",
            ),
            (
                "Ledakan itu menewaskan 12 orang dan melukai 30 lainnya.",
                "id",
                "12",
                "30",
                "injured",
            ),
            (
                "Взрыв убил 12 человек и ранил 30.",
                "ru",
                "12",
                "30",
                "injured",
            ),
            (
                "Polisi mencatat 8.133 orang meninggal dunia dan 12.272 orang lainnya masih dinyatakan hilang.",
                "id",
                "8133",
                "12272",
                "missing",
            ),
        ] {
            let ms = mentions(text, lang, "2023-03-14");
            let tolls = keyed_values(&ms, "casualties");
            assert!(
                tolls.contains(&("dead".to_string(), dead.to_string()))
                    && tolls.contains(&(kind.to_string(), other.to_string()))
                    && tolls.len() == 2,
                "{text}: {tolls:?}"
            );
        }
    }

    /// A measure whose unit the dimension word cannot have is no measure of it: gusts in km/h
    /// are no distance, whatever distance words stand nearer; and a second speed of the
    /// sentence stays a figure of its own.
    #[test]
    fn a_measure_is_of_the_dimension_its_unit_has() {
        let ms = mentions(
            "El huracán tocó tierra a pocos kilómetros al sur de Acapulco, con vientos máximos de 270 kilómetros por hora y rachas de hasta 330 km/h.",
            "es",
            "2023-10-25",
        );
        let measures = keyed_values(&ms, "measurement");
        assert!(
            measures
                .iter()
                .all(|(dim, v)| !v.ends_with("km/h") || dim == "speed"),
            "{measures:?}"
        );
        assert!(
            measures.contains(&("speed".to_string(), "270 km/h".to_string())),
            "{measures:?}"
        );
        assert!(
            ms.iter().any(|m| m.value_text() == "330 km/h"),
            "the gusts are lost: {ms:?}"
        );
        // A distance and a speed in one sentence are each of its own dimension.
        let ms = mentions(
            "The train covered a distance of 120 km at a speed of 300 km/h.",
            "en",
            "2023-10-25",
        );
        let measures = keyed_values(&ms, "measurement");
        assert!(
            measures.contains(&("distance".to_string(), "120 km".to_string()))
                && measures.contains(&("speed".to_string(), "300 km/h".to_string())),
            "{measures:?}"
        );
    }

    /// A part counted from a group ("five of the six") counts what the group counts; the
    /// group's size is no toll. "One of the deadliest" counts nothing.
    #[test]
    fn a_part_of_a_group_is_the_count_and_the_group_is_not() {
        for (text, lang) in [
            (
                "The jet hit a smaller plane on Tuesday, killing five of the six people on board.",
                "en",
            ),
            (
                "Tabrakan itu menewaskan lima dari enam awak pesawat Penjaga Pantai.",
                "id",
            ),
            // Told after the group as the clause's verb, the act is the part's.
            ("Five of the six people on board were killed.", "en"),
            ("Cinq des six passagers ont été tués.", "fr"),
        ] {
            let ms = mentions(text, lang, "2024-01-03");
            assert_eq!(values_of(&ms, "casualties"), ["5"], "{text}");
        }
        // Told before the act, the part is some of the dead: the toll is the group.
        let ms = mentions(
            "Five of the six people killed in the crash were tourists, police said.",
            "en",
            "2024-01-03",
        );
        assert_eq!(values_of(&ms, "casualties"), ["6"]);
        // After "every", the part is the whole group.
        let ms = mentions(
            "The jet went down on Thursday, killing every one of the 150 people aboard.",
            "en",
            "2024-01-03",
        );
        assert_eq!(values_of(&ms, "casualties"), ["150"]);
        // An act told in a relative clause describes the group too.
        let ms = mentions(
            "Five of the six people who died were tourists, police said.",
            "en",
            "2024-01-03",
        );
        assert_eq!(values_of(&ms, "casualties"), ["6"]);
        let ms = mentions(
            "It was one of the deadliest storms, killing 12 people.",
            "en",
            "2024-01-03",
        );
        assert_eq!(values_of(&ms, "casualties"), ["12"]);
    }

    /// A list between commas that breaks a count down is no toll of its own, an indefinite
    /// article in it counting one.
    #[test]
    fn a_breakdown_between_commas_is_no_toll() {
        for (text, lang, toll) in [
            (
                "Les 72 personnes à bord, 68 passagers et quatre membres d'équipage, ont été tuées.",
                "fr",
                "72",
            ),
            (
                "Tres civiles, dos hombres y una mujer, murieron en el ataque.",
                "es",
                "3",
            ),
        ] {
            let ms = mentions(text, lang, "2024-01-03");
            assert_eq!(values_of(&ms, "casualties"), [toll], "{text}");
        }
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
        // A day beside speech about the act is the day it was told of; a day beside an act
        // that makes what it names (`act = true`: announce, order) is that thing's.
        let ms = mentions(
            "Vladimir Putin on Wednesday described the attack as a provocation.",
            "en",
            "2024-08-09",
        );
        assert!(values_of(&ms, "action").is_empty(), "{ms:?}");
        let ms = mentions(
            "The government announced on Monday a state of emergency in the region.",
            "en",
            "2024-08-09",
        );
        assert_eq!(values_of(&ms, "action"), ["2024-08-05"], "{ms:?}");
    }

    /// A count before a clause that opens after a comma is that clause's neighbour, not
    /// its toll; an aside that closes again is not a clause of its own.
    #[test]
    fn a_count_before_another_clause_is_not_its_toll() {
        for (text, lang) in [
            (
                "Dua awak kabin juga selamat, sementara pilot dan kopilot tewas.",
                "id",
            ),
            (
                "Two of the cabin crew walked away, while the pilot and co-pilot died.",
                "en",
            ),
            (
                "Austria has counted five and Czechia three, while rescuers are still searching for the missing.",
                "en",
            ),
        ] {
            let ms = mentions(text, lang, "2024-12-26");
            assert!(values_of(&ms, "casualties").is_empty(), "{text}: {ms:?}");
        }
        let ms = mentions(
            "Seventeen people, who had gathered at the market, were killed.",
            "en",
            "2024-12-26",
        );
        assert_eq!(values_of(&ms, "casualties"), ["17"]);
        let ms = mentions(
            "Sebanyak 38 orang tewas, sementara 29 lainnya selamat.",
            "id",
            "2024-12-26",
        );
        assert_eq!(values_of(&ms, "casualties"), ["38"]);
        // A conjunction after a comma ends a list: the count is still the toll's.
        let ms = mentions(
            "Two soldiers, three police officers, and a civilian were killed.",
            "en",
            "2024-12-26",
        );
        assert!(!values_of(&ms, "casualties").is_empty(), "{ms:?}");
    }

    #[test]
    fn a_date_in_another_clause_is_not_the_event_s() {
        // "on Sunday" is when the president spoke, in a clause of its own.
        let ms = mentions(
            "Forensic officials said the wildfire in the hills above the port has now killed 122 people, nearly twice the toll that the president had given on Sunday.",
            "en",
            "2024-02-05",
        );
        assert!(values_of(&ms, "incident").is_empty(), "{ms:?}");
        // The same words with the date in the fire's own clause.
        let ms = mentions(
            "The wildfire broke out in the hills above the port on Sunday, killing 122 people.",
            "en",
            "2024-02-05",
        );
        assert_eq!(values_of(&ms, "incident"), ["2024-02-04"]);
        // A clause about the date is the date's: the blaze was on that day.
        let ms = mentions(
            "It was the deadliest since Aug. 6, 2016, when 14 people died in a blaze at a bar.",
            "en",
            "2023-08-10",
        );
        assert_eq!(values_of(&ms, "incident"), ["2016-08-06"]);
        // "that" right after the date opens what was told that day, not the vote's time.
        let ms = mentions(
            "A government spokeswoman told journalists on Monday that outside powers had never meddled in the elections held across the region.",
            "en",
            "2024-03-06",
        );
        assert!(values_of(&ms, "election").is_empty(), "{ms:?}");
    }
}
