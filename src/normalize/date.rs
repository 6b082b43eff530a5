//! Dates in text: day-month-year in the language's orders, month-year, bare months and years
//! after a preposition, numeric dates, weekdays and relative expressions, resolved against
//! the document's anchor date.

use super::{Compiled, DateValue, Found, Grammar, Value, alternation, compile, key, norm_space};
use crate::rules::{Lang, NumericOrder, Relative};
use crate::rx::Captures;
use crate::time::{Interval, PartialDate};
use chrono::{Datelike, Duration, NaiveDate};

#[derive(Debug)]
pub(super) struct DateRes {
    dm: Option<Compiled>,
    md: Option<Compiled>,
    my: Option<Compiled>,
    month: Option<Compiled>,
    month_absorbed: Option<Compiled>,
    year: Option<Compiled>,
    relative: Option<Compiled>,
    weekday: Option<Compiled>,
    /// A weekday with its day and month in digits and no year: "Sabtu (20/1)".
    weekday_numeric: Option<Compiled>,
    /// A weekday with its day of the month and a mark after it: "el miércoles 11,".
    weekday_day: Option<Compiled>,
    numeric: Compiled,
    iso: Compiled,
    year_range: Option<Compiled>,
    year_dash: Compiled,
    order: NumericOrder,
    /// The words between the two ends of a range ("to", "au", "y"), lowercase.
    range_join: Vec<String>,
}

impl DateRes {
    /// Every pattern, for a test that compiles them all.
    #[cfg(test)]
    pub(super) fn patterns(&self) -> Vec<&Compiled> {
        let optional = [
            &self.dm,
            &self.md,
            &self.my,
            &self.month,
            &self.month_absorbed,
            &self.year,
            &self.relative,
            &self.weekday,
            &self.weekday_numeric,
            &self.weekday_day,
            &self.year_range,
        ];
        let always = [&self.numeric, &self.iso, &self.year_dash];
        optional.into_iter().flatten().chain(always).collect()
    }
}

impl DateRes {
    pub(super) fn new(lang: &Lang, _num: &str) -> DateRes {
        let d = &lang.dates;
        let names: Vec<String> = d.months.iter().flatten().map(|m| key(m)).collect();
        let month = alternation(names.iter().map(String::as_str));
        let suffix = alternation(d.day_suffixes.iter().map(String::as_str))
            .map(|s| format!("{s}?"))
            .unwrap_or_default();
        let conn = alternation(d.connectors.iter().map(String::as_str))
            .map(|c| format!(r"(?:{c}\s+)?"))
            .unwrap_or_default();
        let sep = format!(r",?\s+{conn}");
        let absorb = alternation(d.absorb_after.iter().map(String::as_str));
        let absorb_opt = absorb
            .as_ref()
            .map(|a| format!(r"(?:\s+{a}\b)?"))
            .unwrap_or_default();
        let prefix = alternation(d.prefixes.iter().map(String::as_str));
        // Between two days of one month: a dash, or a joining word ("18 to 19 July",
        // "vom 18. bis 19. Juli", "du 18 au 19 juillet").
        let day_join = match alternation(d.range_join.iter().map(String::as_str)) {
            Some(j) => format!(r"(?:\s*[-–—]\s*|\s+{j}\s+)"),
            None => r"\s*[-–—]\s*".to_string(),
        };
        let weekday = alternation(d.weekdays.iter().flatten().map(String::as_str));
        let relative = alternation(
            d.relative
                .iter()
                .flat_map(|(_, s)| s.iter().map(String::as_str)),
        );
        DateRes {
            dm: month.as_ref().map(|m| {
                compile(&format!(
                    r"\b(?:(?P<d0>\d{{1,2}}){suffix}{day_join})?(?P<d>\d{{1,2}}){suffix}{sep}(?P<m>{m})\b\.?(?:{sep}(?P<y>\d{{4}})\b)?{absorb_opt}"
                ))
            }),
            md: month.as_ref().map(|m| {
                compile(&format!(
                    r"\b(?P<m>{m})\b\.?\s+(?P<d>\d{{1,2}}){suffix}\b(?:,?\s+(?P<y>\d{{4}})\b)?"
                ))
            }),
            my: month
                .as_ref()
                .map(|m| compile(&format!(r"\b(?P<m>{m})\b\.?{sep}(?P<y>\d{{4}})\b{absorb_opt}"))),
            month: match (&prefix, &month) {
                (Some(p), Some(m)) => Some(compile(&format!(
                    r"\b{p}\s+(?P<m>{m})\b\.?(?:{sep}(?P<y>\d{{4}})\b)?{absorb_opt}"
                ))),
                _ => None,
            },
            month_absorbed: match (&absorb, &month) {
                (Some(a), Some(m)) => Some(compile(&format!(r"\b(?P<m>{m})\s+{a}\b"))),
                _ => None,
            },
            year: prefix
                .as_ref()
                .map(|p| compile(&format!(r"\b{p}\s+(?P<y>(?:1[89]|20)\d\d)\b{absorb_opt}"))),
            year_range: match (
                alternation(d.range_start.iter().map(String::as_str)),
                alternation(d.range_join.iter().map(String::as_str)),
            ) {
                (Some(st), Some(j)) => Some(compile(&format!(
                    r"\b{st}\s+(?P<y1>(?:1[89]|20)\d\d)\s+{j}\s+(?P<y2>(?:1[89]|20)\d\d)\b{absorb_opt}"
                ))),
                _ => None,
            },
            year_dash: compile(r"\b(?P<y1>(?:1[89]|20)\d\d)\s*[-–—]\s*(?P<y2>(?:1[89]|20)\d\d)\b"),
            relative: relative.map(|r| compile(&format!(r"\b(?P<r>{r})\b"))),
            weekday_numeric: weekday.as_ref().map(|w| {
                compile(&format!(
                    r"\b(?P<w>{w}),?\s*\(\s*(?P<a>\d{{1,2}})[./](?P<b>\d{{1,2}})\s*\)"
                ))
            }),
            weekday_day: weekday.as_ref().map(|w| {
                compile(&format!(
                    r"\b(?P<day>(?P<w>{w}),?\s+(?P<d>\d{{1,2}}){suffix})\s*(?:[,;)]|[:–—](?:\s|$))"
                ))
            }),
            weekday: weekday.map(|w| compile(&format!(r"\b(?P<w>{w})\b"))),
            numeric: compile(r"\b(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<y>\d{4})\b"),
            iso: compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
            order: d.numeric_order,
            range_join: d.range_join.iter().map(|w| key(w)).collect(),
        }
    }
}

/// A day with no year this many days after the anchor, across new year, is next year's.
const NEXT_YEAR_DAYS: i64 = 45;

/// Place a month (and day) with no year: in the anchor's year, unless that puts it more
/// than three months after the anchor ("15 December" in a January report is last year's;
/// "until 22 May" in a March report is this year's), or it is a day at most
/// [`NEXT_YEAR_DAYS`] into the next year ("until 4 January" in a report of 30 December).
fn place(y: Option<i32>, m: u32, d: Option<u32>, anchor: Option<PartialDate>) -> Option<DateValue> {
    let soon_next_year = |a: PartialDate| {
        let (Some(day), Some(from)) = (d, a.date()) else {
            return false;
        };
        NaiveDate::from_ymd_opt(a.year + 1, m, day)
            .is_some_and(|next| (next - from).num_days() <= NEXT_YEAR_DAYS)
    };
    let year = match (y, anchor) {
        (Some(y), _) => y,
        (None, Some(a)) if soon_next_year(a) => a.year + 1,
        (None, Some(a)) => match a.month {
            Some(am) if m > am + 3 => a.year - 1,
            _ => a.year,
        },
        (None, None) => {
            // Validate the day against a leap year so "--02-29" stays possible.
            NaiveDate::from_ymd_opt(2000, m, d.unwrap_or(1))?;
            let text = match d {
                Some(d) => format!("--{m:02}-{d:02}"),
                None => format!("--{m:02}"),
            };
            return Some(DateValue::Unresolved { text, anchor: None });
        }
    };
    let interval = match d {
        Some(d) => Interval::day(NaiveDate::from_ymd_opt(year, m, d)?),
        None => Interval::month(year, m)?,
    };
    Some(DateValue::Resolved(interval))
}

/// Resolve a relative date against the document's anchor, or leave it unresolved.
pub fn resolve_relative(rel: Relative, anchor: Option<PartialDate>) -> DateValue {
    let unresolved = DateValue::Unresolved {
        text: rel.phrase().to_string(),
        anchor,
    };
    let Some(a) = anchor else {
        return unresolved;
    };
    let by_year = |dy: i32| Interval::year(a.year + dy);
    let by_month = |dm: i32| {
        let m0 = a.month? as i32 - 1 + dm;
        Interval::month(a.year + m0.div_euclid(12), m0.rem_euclid(12) as u32 + 1)
    };
    let by_day = |dd: i64| a.date().map(|d| d + Duration::days(dd));
    let interval = match rel {
        Relative::ThisYear => by_year(0),
        Relative::LastYear => by_year(-1),
        Relative::NextYear => by_year(1),
        Relative::ThisMonth => by_month(0),
        Relative::LastMonth => by_month(-1),
        Relative::NextMonth => by_month(1),
        Relative::Today => by_day(0).map(Interval::day),
        Relative::Yesterday => by_day(-1).map(Interval::day),
        Relative::Tomorrow => by_day(1).map(Interval::day),
        Relative::ThisWeek => by_day(0).map(Interval::week_of),
        Relative::LastWeek => by_day(-7).map(Interval::week_of),
        Relative::NextWeek => by_day(7).map(Interval::week_of),
    };
    interval.map_or(unresolved, DateValue::Resolved)
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A text's words, lowercase, apostrophes kept ("qu'", "l'").
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Each cue of a pack list as its words, split once when the grammar is built.
pub(super) fn cue_words(cues: &[String]) -> Vec<Vec<String>> {
    cues.iter()
        .map(|c| words(c))
        .filter(|w| !w.is_empty())
        .collect()
}

impl Grammar {
    /// Whether a word of the pack's `ahead` ("starting", "à partir de", "ab") stands right
    /// before the weekday at `start` (with "on", "le", "el" or the like between, if the
    /// pack lists it so).
    fn looks_ahead(&self, text: &str, start: usize) -> bool {
        // Only the words right before it: a long sentence is not lowercased per weekday.
        let mut from = start.saturating_sub(64);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let before = text[from..start].trim_end().to_lowercase();
        self.ahead.iter().any(|w| {
            before.ends_with(w.as_str())
                && !before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
    }

    /// Whether the clause of the weekday at `span` is in the future: a word of the pack's
    /// `future` up to six words before it, or right after it, with no punctuation between
    /// ("the funeral will be held on Tuesday", "soll am Dienstag stattfinden", "ist für
    /// Montag vorgesehen", "во вторник состоится"), unless a word of `since` stands right
    /// before it or a word of `not_future` after it in the clause.
    fn in_future(&self, text: &str, (start, end): (usize, usize)) -> bool {
        const BEFORE: usize = 6;
        if self.future.is_empty() {
            return false;
        }
        // A clause ends at punctuation; a point only before a space or the end ("um
        // 18.05 Uhr" goes on).
        let stops = |s: &str| -> Vec<(usize, usize)> {
            let mut at = Vec::new();
            let mut chars = s.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let next_blank = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
                if matches!(
                    c,
                    ',' | ';' | ':' | '(' | ')' | '"' | '«' | '»' | '“' | '”' | '—' | '–'
                ) || (matches!(c, '.' | '!' | '?') && next_blank)
                {
                    at.push((i, i + c.len_utf8()));
                }
            }
            at
        };
        let mut from = start.saturating_sub(120);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let before = &text[from..start];
        let before = match stops(before).last() {
            Some(&(_, e)) => &before[e..],
            None => before,
        };
        let before = words(before);
        let before = &before[before.len().saturating_sub(BEFORE)..];
        let mut to = (end + 200).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let after = &text[end..to];
        let after = match stops(after).first() {
            Some(&(i, _)) => &after[..i],
            None => after,
        };
        let after = words(after);
        let has = |list: &[Vec<String>], within: &[String]| {
            list.iter()
                .any(|cue| within.windows(cue.len()).any(|w| w == cue.as_slice()))
        };
        // "since Tuesday" has begun; "soll am Freitag … eingestochen haben" reports what
        // is said to have happened.
        if has(&self.since, &before[before.len().saturating_sub(2)..])
            || has(&self.not_future, &after)
        {
            return false;
        }
        self.future.iter().any(|cue| {
            before.windows(cue.len()).any(|w| w == cue.as_slice())
                || after.get(..cue.len()).is_some_and(|w| w == cue.as_slice())
        })
    }

    /// Whether `gap` stands between the two ends of a range: a dash, or a joining word of
    /// the pack with an article at most ("to", "y el", "au", "bis zum").
    fn range_gap(&self, gap: &str) -> bool {
        let gap = gap.trim().trim_start_matches(',').trim();
        if matches!(gap, "-" | "–" | "—") {
            return true;
        }
        let lower = gap.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        match words.as_slice() {
            [j] => self.dates.range_join.iter().any(|w| w == j),
            [j, article] => {
                self.dates.range_join.iter().any(|w| w == j) && article.chars().count() <= 3
            }
            _ => false,
        }
    }

    fn month_of(&self, s: &str) -> Option<u32> {
        self.months.get(&key(s)).copied()
    }

    pub(super) fn scan_dates(
        &self,
        text: &str,
        anchor: Option<PartialDate>,
        cues: super::Cues,
        out: &mut Vec<Found>,
    ) -> Vec<(usize, usize)> {
        let r = &self.dates;
        // Spans written as dates that are no day of the calendar ("31 February 2023",
        // "2023-02-30"): rejected, and nothing read inside them either (no "February 2023",
        // no count 31).
        // Only a day number a month could have (1 to 31) makes such a span: "im Dezember 97
        // Prozent" is no date and no bad one.
        let mut invalid = Vec::new();
        let mut off_calendar = |start: usize, end: usize, m: u32, d: u32| {
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                invalid.push((start, end));
            }
        };
        let mut push = |start: usize, end: usize, v: Option<DateValue>| {
            if let Some(v) = v {
                out.push(Found::exact(start, end, Value::Date(v)));
            }
        };
        let year =
            |c: &Captures, name: &str| c.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
        let int =
            |c: &Captures, name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let day_month = cues.digit && cues.month;
        // Each day told with its month, read once: (start, end, month, day, first day of a
        // "18–19 July", year if written).
        type Day = (usize, usize, u32, u32, Option<u32>, Option<i32>);
        let mut told: Vec<Day> = Vec::new();
        for re in [&r.dm, &r.md].into_iter().flatten().filter(|_| day_month) {
            for c in re.captures_iter(text) {
                let all = c.get(0).expect("group 0");
                let m = c.name("m").and_then(|m| self.month_of(m.as_str()));
                if let (Some(m), Some(d)) = (m, int(&c, "d")) {
                    told.push((all.start(), all.end(), m, d, int(&c, "d0"), year(&c, "y")));
                }
            }
        }
        // Only a day the month can have stands for a day ("Dezember 97" is no day).
        let mut days: Vec<Day> = told
            .iter()
            .copied()
            .filter(|x| NaiveDate::from_ymd_opt(2000, x.2, x.3).is_some())
            .collect();
        days.sort();
        days.dedup_by_key(|x| (x.0, x.1));
        // The first end of a range of days takes the year written at the second ("entre el
        // 16 de marzo y el 3 de junio de 2026", "du 16 mars au 3 juin 2026"), the year
        // before when its month comes later ("from 20 December to 4 January 2026").
        for i in 1..days.len() {
            let (prev, next) = (days[i - 1], days[i]);
            if let (None, Some(y)) = (prev.5, next.5)
                && next.0 >= prev.1
                && self.range_gap(&text[prev.1..next.0])
            {
                days[i - 1].5 = Some(if prev.2 > next.2 { y - 1 } else { y });
            }
        }
        for (start, end, m, d, d0, y) in told {
            let written = days
                .iter()
                .find(|x| (x.0, x.1) == (start, end))
                .and_then(|x| x.5);
            let last = place(y.or(written), m, Some(d), anchor);
            let v = match (d0, &last) {
                // "18–19 July": a range of days in one month.
                (Some(d0), Some(DateValue::Resolved(e))) if d0 < d => {
                    NaiveDate::from_ymd_opt(e.start.year(), m, d0)
                        .map(|s| DateValue::Resolved(Interval::range(Interval::day(s), *e)))
                }
                _ => last,
            };
            if v.is_none() {
                off_calendar(start, end, m, d);
            }
            push(start, end, v);
        }
        for re in [&r.my, &r.month, &r.month_absorbed]
            .into_iter()
            .flatten()
            .filter(|_| cues.month)
        {
            for c in re.captures_iter(text) {
                let all = c.get(0).expect("group 0");
                // "from March 16": the day is told, not the month alone ("from March").
                if days.iter().any(|x| x.0 < all.end() && all.start() < x.1) {
                    continue;
                }
                if let Some(m) = c.name("m").and_then(|m| self.month_of(m.as_str())) {
                    push(
                        all.start(),
                        all.end(),
                        place(year(&c, "y"), m, None, anchor),
                    );
                }
            }
        }
        if let Some(re) = r.year.as_ref().filter(|_| cues.digit) {
            for c in re.captures_iter(text) {
                let all = c.get(0).expect("group 0");
                push(
                    all.start(),
                    all.end(),
                    year(&c, "y")
                        .and_then(Interval::year)
                        .map(DateValue::Resolved),
                );
            }
        }
        for re in [r.year_range.as_ref(), Some(&r.year_dash)]
            .into_iter()
            .filter(|_| cues.digit)
            .flatten()
        {
            for c in re.captures_iter(text) {
                let all = c.get(0).expect("group 0");
                let (a, b) = (year(&c, "y1"), year(&c, "y2"));
                if let (Some(a), Some(b)) = (a.and_then(Interval::year), b.and_then(Interval::year))
                    && a.start < b.start
                {
                    push(
                        all.start(),
                        all.end(),
                        Some(DateValue::Resolved(Interval::range(a, b))),
                    );
                }
            }
        }
        if let Some(re) = r.relative.as_ref().filter(|_| cues.relative) {
            for c in re.captures_iter(text) {
                let all = c.get(0).expect("group 0");
                let rel = self
                    .relative
                    .get(&norm_space(&all.as_str().to_lowercase()))
                    .copied();
                push(
                    all.start(),
                    all.end(),
                    rel.map(|rel| resolve_relative(rel, anchor)),
                );
            }
        }
        if let Some(re) = r.weekday.as_ref().filter(|_| cues.weekday) {
            for c in re.captures_iter(text) {
                let all = c.get(0).expect("group 0");
                let Some(wd) = self.weekdays.get(&key(all.as_str())).copied() else {
                    continue;
                };
                let v = match anchor.and_then(|a| a.date()) {
                    Some(a)
                        if self.looks_ahead(text, all.start())
                            || self.in_future(text, (all.start(), all.end())) =>
                    {
                        let on =
                            (wd as i64 - a.weekday().num_days_from_monday() as i64).rem_euclid(7);
                        DateValue::Resolved(Interval::day(a + Duration::days(on)))
                    }
                    Some(a) => {
                        let back =
                            (a.weekday().num_days_from_monday() as i64 - wd as i64).rem_euclid(7);
                        DateValue::Resolved(Interval::day(a - Duration::days(back)))
                    }
                    None => DateValue::Unresolved {
                        text: WEEKDAYS[wd as usize].to_string(),
                        anchor,
                    },
                };
                push(all.start(), all.end(), Some(v));
            }
        }
        if !cues.digit {
            return invalid;
        }
        // "Sabtu (20/1)": the day and month in digits say which day the weekday is, in the
        // year placed as for "20 January".
        for c in r
            .weekday_numeric
            .iter()
            .filter(|_| cues.weekday)
            .flat_map(|re| re.captures_iter(text))
        {
            let all = c.get(0).expect("group 0");
            let (a, b) = (int(&c, "a"), int(&c, "b"));
            let (d, m) = match r.order {
                NumericOrder::Dmy => (a, b),
                NumericOrder::Mdy => (b, a),
            };
            if let (Some(d), Some(m)) = (d, m)
                && (1..=12).contains(&m)
            {
                let v = place(None, m, Some(d), anchor);
                if v.is_none() {
                    off_calendar(all.start(), all.end(), m, d);
                }
                push(all.start(), all.end(), v);
            }
        }
        // "El miércoles 11, un nuevo sismo…": a weekday with a day of the month and a mark
        // after it is that day, if the day falls on that weekday within a month of the
        // anchor ("am Mittwoch 11 Menschen" has no mark; a day that falls on another
        // weekday is left to the weekday alone).
        for c in r
            .weekday_day
            .iter()
            .filter(|_| cues.weekday)
            .flat_map(|re| re.captures_iter(text))
        {
            let (Some(wd), Some(d), Some(a)) = (
                c.name("w")
                    .and_then(|w| self.weekdays.get(&key(w.as_str())).copied()),
                int(&c, "d"),
                anchor.and_then(|a| a.date()),
            ) else {
                continue;
            };
            let day = (-1..=1)
                .filter_map(|k: i32| {
                    let first = NaiveDate::from_ymd_opt(a.year(), a.month(), 1)?;
                    let first = if k < 0 {
                        first.checked_sub_months(chrono::Months::new(1))?
                    } else {
                        first.checked_add_months(chrono::Months::new(k as u32))?
                    };
                    first.with_day(d)
                })
                .filter(|x| x.weekday().num_days_from_monday() == wd)
                .filter(|x| (*x - a).num_days().abs() <= 31)
                .min_by_key(|x| (*x - a).num_days().abs());
            if let (Some(day), Some(span)) = (day, c.name("day")) {
                push(
                    span.start(),
                    span.end(),
                    Some(DateValue::Resolved(Interval::day(day))),
                );
            }
        }
        for c in r.numeric.captures_iter(text) {
            let all = c.get(0).expect("group 0");
            let (a, b) = (int(&c, "a"), int(&c, "b"));
            let (d, m) = match r.order {
                NumericOrder::Dmy => (a, b),
                NumericOrder::Mdy => (b, a),
            };
            // A first number over 12 can only be a day ("19/07/2022" in an mdy language).
            let (d, m) = match (d, m) {
                (Some(d), Some(m)) if m > 12 && d <= 12 => (Some(m), Some(d)),
                x => x,
            };
            if let (Some(d), Some(m), Some(y)) = (d, m, year(&c, "y")) {
                let v =
                    NaiveDate::from_ymd_opt(y, m, d).map(|x| DateValue::Resolved(Interval::day(x)));
                if v.is_none() {
                    off_calendar(all.start(), all.end(), m, d);
                }
                push(all.start(), all.end(), v);
            }
        }
        for c in r.iso.captures_iter(text) {
            let all = c.get(0).expect("group 0");
            if let (Some(y), Some(m), Some(d)) = (year(&c, "y"), int(&c, "m"), int(&c, "d")) {
                let v =
                    NaiveDate::from_ymd_opt(y, m, d).map(|x| DateValue::Resolved(Interval::day(x)));
                if v.is_none() {
                    off_calendar(all.start(), all.end(), m, d);
                }
                push(all.start(), all.end(), v);
            }
        }
        invalid
    }
}
