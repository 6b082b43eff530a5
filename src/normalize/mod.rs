//! Normalize: find dates, money, percentages, durations and factors in a text and turn them
//! into canonical values, with one compiled [`Grammar`] per language pack.
//!
//! Input: a sentence and the document's anchor date. Output: [`Found`] values with byte
//! ranges relative to the sentence. [`compare`] tells whether two values are compatible.

mod date;
mod number;

use crate::rules::{Approx, Lang, Relative};
use crate::rx::Captures;
use crate::time::{Interval, PartialDate};
use std::collections::HashMap;

pub use date::resolve_relative;
pub use number::Num;

/// A date as the text gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum DateValue {
    /// Placed on the calendar.
    Resolved(Interval),
    /// Relative to a document date that is missing or too coarse ("last week" in an
    /// article dated only to the month), or a month or day with no year and no anchor.
    /// `text` is the canonical phrase ("last week", "--07-19"); two unresolved values
    /// agree only when text and anchor are the same.
    Unresolved {
        text: String,
        anchor: Option<PartialDate>,
    },
}

impl DateValue {
    pub fn canonical(&self) -> String {
        match self {
            DateValue::Resolved(i) => i.canonical(),
            DateValue::Unresolved { text, .. } => text.clone(),
        }
    }

    pub fn interval(&self) -> Option<Interval> {
        match self {
            DateValue::Resolved(i) => Some(*i),
            DateValue::Unresolved { .. } => None,
        }
    }
}

/// A normalized value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Date(DateValue),
    /// Exact: [`Num`].
    Money {
        amount: Num,
        currency: String,
    },
    /// Signed when the text gives a direction ("fell 6%" is -6).
    Percent(f64),
    /// Exact: [`Num`].
    Count(Num),
    /// Amount and ISO 8601 designator (Y, M, W, D).
    Duration(f64, char),
    Factor(f64),
    /// Amount and unit symbol ("26 km").
    Measure(f64, String),
    /// A time of day: on the day the sentence names, if any, with its offset from UTC in
    /// minutes when the text names a zone ("20:11 WIB").
    Time(TimeOfDay),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeOfDay {
    pub date: Option<chrono::NaiveDate>,
    pub hour: u32,
    pub minute: u32,
    pub offset: Option<i32>,
}

impl TimeOfDay {
    /// `2024-10-29T20:11`, `2024-10-29T20:11+08:00`, or `T20:11` without a day.
    pub fn canonical(&self) -> String {
        let day = self
            .date
            .map_or(String::new(), |d| d.format("%Y-%m-%d").to_string());
        let zone = match self.offset {
            None => String::new(),
            Some(0) => "Z".to_string(),
            Some(o) => format!(
                "{}{:02}:{:02}",
                if o < 0 { '-' } else { '+' },
                o.abs() / 60,
                o.abs() % 60
            ),
        };
        format!("{day}T{:02}:{:02}{zone}", self.hour, self.minute)
    }

    /// Minutes since the start of its day (in UTC when both sides give a zone), and the day.
    pub(crate) fn instant(&self, utc: bool) -> (Option<chrono::NaiveDate>, i64) {
        let mut minutes = i64::from(self.hour * 60 + self.minute);
        let mut date = self.date;
        if utc && let Some(o) = self.offset {
            minutes -= i64::from(o);
            let shift = minutes.div_euclid(24 * 60);
            minutes = minutes.rem_euclid(24 * 60);
            date = date.map(|d| d + chrono::Duration::days(shift));
        }
        (date, minutes)
    }
}

/// Two times of day: the same minute agrees; on two different days (both given) they are
/// not comparable; otherwise they conflict. Compared in UTC when both name a zone.
fn compare_times(a: &TimeOfDay, b: &TimeOfDay) -> Compat {
    let utc = a.offset.is_some() && b.offset.is_some();
    let ((da, ma), (db, mb)) = (a.instant(utc), b.instant(utc));
    let (ta, tb) = (a.canonical(), b.canonical());
    if let (Some(x), Some(y)) = (da, db)
        && x != y
    {
        return Compat::Unknown(format!("{ta} and {tb} are on different days"));
    }
    if ma == mb {
        Compat::Agree(format!("{ta} and {tb} are the same time"))
    } else {
        Compat::Conflict(format!("{ta} and {tb} cannot both hold"))
    }
}

impl Value {
    /// The size of a number (its absolute value, whatever its unit); `None` for a date or
    /// a time.
    pub fn magnitude(&self) -> Option<f64> {
        number_of(self).map(f64::abs)
    }

    /// The canonical text of `crosscheck.report.v1`.
    pub fn canonical(&self) -> String {
        match self {
            Value::Date(d) => d.canonical(),
            Value::Money { amount, currency } => format!("{amount} {currency}"),
            Value::Percent(p) => format!("{}%", fmt_num(*p)),
            Value::Count(n) => n.to_string(),
            Value::Duration(n, u) => duration_canonical(*n, *u),
            Value::Factor(f) => format!("{}x", fmt_num(*f)),
            Value::Measure(n, u) => format!("{} {u}", fmt_num(*n)),
            Value::Time(t) => t.canonical(),
        }
    }

    pub fn kind(&self) -> crate::rules::ValueKind {
        use crate::rules::ValueKind as K;
        match self {
            Value::Date(_) => K::Date,
            Value::Money { .. } => K::Money,
            Value::Percent(_) => K::Percent,
            Value::Count(_) => K::Count,
            Value::Duration(..) => K::Duration,
            Value::Factor(_) => K::Factor,
            Value::Measure(..) => K::Measure,
            Value::Time(_) => K::Time,
        }
    }
}

/// Hours followed by minutes ("2 hours 45 minutes", "2 часа 45 минут", "zwei Stunden und
/// zehn Minuten") are one duration: at most one short word (a conjunction) between them.
fn hours_and_minutes(text: &str, durations: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(durations.len());
    for f in durations {
        if let (Some(last), Value::Duration(m, 'n')) = (out.last_mut(), &f.value)
            && let Value::Duration(h, 'h') = last.value
            && last.end <= f.start
        {
            let gap: Vec<&str> = text[last.end..f.start].split_whitespace().collect();
            let joined = match gap.as_slice() {
                [] => true,
                [w] => w.chars().count() <= 3 && w.chars().all(char::is_alphabetic),
                _ => false,
            };
            if joined && h.fract() == 0.0 {
                last.end = f.end;
                last.value = Value::Duration(h + m / 60.0, 'h');
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// The seconds in one unit of a duration of clock time (`h`, `n` for minutes, `s`); `None`
/// for a calendar unit.
fn seconds(unit: char) -> Option<f64> {
    match unit {
        'h' => Some(3600.0),
        'n' => Some(60.0),
        's' => Some(1.0),
        _ => None,
    }
}

/// A duration in ISO 8601: `P20Y`, `P18M`, `P3D`; clock time as told (`PT12M`, `PT65M`,
/// `PT51H`), with a fraction of an hour in minutes (`PT2H30M` for two and a half hours,
/// `PT2H45M` for "2 hours 45 minutes").
fn duration_canonical(n: f64, unit: char) -> String {
    match unit {
        'h' if n.fract() != 0.0 && (n * 60.0).fract().abs() < 1e-6 => {
            let minutes = (n * 60.0).round() as i64;
            format!("PT{}H{}M", minutes / 60, minutes % 60)
        }
        'h' => format!("PT{}H", fmt_num(n)),
        'n' => format!("PT{}M", fmt_num(n)),
        's' => format!("PT{}S", fmt_num(n)),
        // Years and a number of whole months: "seven and a half years" is P7Y6M.
        'Y' if n.fract() != 0.0 && (n * 12.0).fract().abs() < 1e-6 => {
            let months = (n * 12.0).round() as i64;
            format!("P{}Y{}M", months / 12, months % 12)
        }
        u => format!("P{}{u}", fmt_num(n)),
    }
}

/// Numbers as text: integers without a fraction, otherwise up to 4 decimals, trimmed.
pub fn fmt_num(x: f64) -> String {
    match fixed4(x) {
        Fixed::Int(r) => format!("{r}"),
        Fixed::Tenths(k) => {
            let (whole, frac) = (k.unsigned_abs() / 10_000, k.unsigned_abs() % 10_000);
            let sign = if k < 0 { "-" } else { "" };
            let frac = format!("{frac:04}");
            let frac = frac.trim_end_matches('0');
            if frac.is_empty() {
                format!("{sign}{whole}")
            } else {
                format!("{sign}{whole}.{frac}")
            }
        }
        Fixed::Slow => {
            let r = x.round();
            if (x - r).abs() <= 1e-9 * x.abs().max(1.0) {
                format!("{r:.0}")
            } else {
                let s = format!("{x:.4}");
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            }
        }
    }
}

/// The decimals [`fmt_num`] prints for `x` (0 to 4).
pub fn fmt_decimals(x: f64) -> usize {
    match fixed4(x) {
        Fixed::Int(_) => 0,
        Fixed::Tenths(k) => {
            let frac = k.unsigned_abs() % 10_000;
            if frac == 0 {
                0
            } else {
                4 - decimal_zeros(frac)
            }
        }
        Fixed::Slow => fmt_num(x).split('.').nth(1).map_or(0, str::len),
    }
}

/// How [`fmt_num`] prints a number: an integer, a number of ten-thousandths, or through
/// exact float formatting. The first two give the same text as `{:.0}` and `{:.4}` through
/// integer formatting: exact float formatting (Dragon4) was a fifth of a 1,000-article
/// story's time, in the comparisons' reasons.
enum Fixed {
    Int(i64),
    Tenths(i64),
    Slow,
}

fn fixed4(x: f64) -> Fixed {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    let r = x.round();
    if (x - r).abs() <= 1e-9 * x.abs().max(1.0) {
        return if r.abs() < EXACT && r != 0.0 {
            Fixed::Int(r as i64)
        } else {
            Fixed::Slow
        };
    }
    let scaled = x * 10_000.0;
    let k = scaled.round();
    // Away from a tie, the product's rounding error cannot move the fourth decimal.
    if k.abs() < EXACT && k != 0.0 && ((scaled - scaled.trunc()).abs() - 0.5).abs() > 1e-6 {
        Fixed::Tenths(k as i64)
    } else {
        Fixed::Slow
    }
}

/// Trailing decimal zeros of a non-zero number.
fn decimal_zeros(mut n: u64) -> usize {
    let mut zeros = 0;
    while n != 0 && n.is_multiple_of(10) {
        n /= 10;
        zeros += 1;
    }
    zeros
}

/// A value found in a text, with its byte range in that text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub value: Value,
    /// "about", "more than", … before a number.
    pub approx: Approx,
}

impl Found {
    pub fn exact(start: usize, end: usize, value: Value) -> Found {
        Found {
            start,
            end,
            value,
            approx: Approx::Exact,
        }
    }
}

/// The number a numeric value compares by (clock time in seconds, so that hours and
/// minutes compare).
fn number_of(v: &Value) -> Option<f64> {
    match v {
        Value::Money { amount, .. } | Value::Count(amount) => Some(amount.f64()),
        Value::Percent(x) | Value::Factor(x) | Value::Measure(x, _) => Some(*x),
        Value::Duration(x, u) => Some(x * seconds(*u).unwrap_or(1.0)),
        Value::Date(_) | Value::Time(_) => None,
    }
}

/// How many words before a change's first figure may hold its change word ("повысила
/// число погибших в результате лесного пожара в Аттике с 86 до 91").
const UPDATE_WORDS: usize = 12;

/// The interval of numbers an approximate value allows.
fn bounds(x: f64, approx: Approx) -> (f64, f64) {
    let (lo, hi) = (x.min(x * 0.9), x.max(x * 1.1));
    // A bound is on a figure's size: "fell more than 20%" (-20%) allows -26%, not -15%.
    let fall = x < 0.0;
    match approx {
        Approx::Exact | Approx::Was => (x, x),
        Approx::About => (lo, hi),
        // "almost 10,000" is no 1,300: a little under the figure, within a fifth.
        Approx::Nearly => (x.min(x * 0.8), x.max(x * 0.8)),
        Approx::Over | Approx::AtLeast | Approx::From if fall => (f64::NEG_INFINITY, x),
        Approx::Under | Approx::AtMost | Approx::To if fall => (x, f64::INFINITY),
        Approx::Over | Approx::AtLeast | Approx::From => (x, f64::INFINITY),
        Approx::Under | Approx::AtMost | Approx::To => (f64::NEG_INFINITY, x),
    }
}

/// Compare two values with their approximation markers; exact values use [`compare`].
pub fn compare_approx(a: &Value, ax: Approx, b: &Value, bx: Approx, tolerance: f64) -> Compat {
    if ax == Approx::Exact && bx == Approx::Exact {
        return compare(a, b, tolerance);
    }
    // A rise and a fall compare by their size (see `same_kind_numbers`); measures in two
    // units, in the first one's.
    let (numbers, tolerance) = match converted_measures(a, b) {
        Some((x, y, slack)) => (Some((x, y)), tolerance.max(slack)),
        None => (
            same_kind_numbers(a, b)
                .map(|(_, x, y)| (x, y))
                .or_else(|| number_of(a).zip(number_of(b))),
            tolerance,
        ),
    };
    let Some((x, y)) = numbers else {
        return compare(a, b, tolerance);
    };
    if let Compat::Unknown(r) = compare(a, b, tolerance) {
        return Compat::Unknown(r);
    }
    let ta = format!("{}{}", ax.sign(), a.canonical());
    let tb = format!("{}{}", bx.sign(), b.canonical());
    if approx_fit(x, ax, y, bx, tolerance) {
        Compat::Agree(format!("{ta} and {tb} are compatible"))
    } else if let Some(side) = same_side(ax, bx)
        // Two estimates whose ranges do not even meet cannot both hold.
        && (side != "estimates" || intervals_meet(x, ax, y, bx, tolerance))
    {
        Compat::Conflict(format!("{ta} and {tb} are two different {side}"))
    } else {
        Compat::Conflict(format!("{ta} and {tb} cannot both hold"))
    }
}

/// Whether two numbers with their approximation markers can both hold: their intervals
/// (see [`bounds`]) meet within `tolerance`. A bound's own number counts as inside it:
/// "nearly 80%" and "80%", "more than 3,500 flights" and "3,500 flights" are one figure
/// rounded two ways, not a contradiction.
fn approx_fit(x: f64, ax: Approx, y: f64, bx: Approx, tolerance: f64) -> bool {
    // Two floors ("more than 76,000 evacuated", "more than 121,000") or two ceilings ("up
    // to 300 soldiers", "up to 1,000") are two figures for one thing, as two exact ones
    // would be: a report gives its figure so. A round floor may be the other rounded down,
    // a round ceiling the other rounded up, within half its last digit: "more than
    // 700,000" for "more than 734,000".
    // Two estimates are apart from a full half digit on: "about five points" is not "about
    // ten", though ten rounds five up.
    if let Some(side) = same_side(ax, bx) {
        return !two_sides_apart(x, y, tolerance, side == "estimates");
    }
    intervals_meet(x, ax, y, bx, tolerance)
}

/// Two floors, two ceilings or two estimates that give different figures: beyond the
/// tolerance and beyond the rounding of the rounder one (`strict`, for estimates: from a
/// full half digit on).
fn two_sides_apart(x: f64, y: f64, tolerance: f64, strict: bool) -> bool {
    let (gap, half) = ((x - y).abs(), half_digit(x).max(half_digit(y)));
    let rounded = if strict { gap < half } else { gap <= half };
    !rounded && matches!(number_verdict(x, y, tolerance), NumberVerdict::Beyond(_))
}

/// Whether the intervals two approximate numbers allow (see [`bounds`]) meet within
/// `tolerance`.
fn intervals_meet(x: f64, ax: Approx, y: f64, bx: Approx, tolerance: f64) -> bool {
    let (alo, ahi) = bounds(x, ax);
    let (blo, bhi) = bounds(y, bx);
    let slack = tolerance * x.abs().max(y.abs());
    alo <= bhi + slack && blo <= ahi + slack
}

/// Whether two markers are two floors ("more than", "at least"), two ceilings ("up to") or
/// two estimates ("about", "some"), and which; never the ends of ranges, nor "nearly". Two
/// estimates are each a figure rounded: "about 600,000" and "about 700,000" are two figures
/// for one crowd, as two exact ones would be, not ranges that happen to meet.
fn same_side(ax: Approx, bx: Approx) -> Option<&'static str> {
    let floor = |k: Approx| matches!(k, Approx::Over | Approx::AtLeast);
    if floor(ax) && floor(bx) {
        Some("floors")
    } else if ax == Approx::AtMost && bx == Approx::AtMost {
        Some("ceilings")
    } else if ax == Approx::About && bx == Approx::About {
        Some("estimates")
    } else {
        None
    }
}

/// The outcome of comparing two values.
#[derive(Debug, Clone, PartialEq)]
pub enum Compat {
    /// Compatible, with the reason.
    Agree(String),
    /// Incompatible, with the reason.
    Conflict(String),
    /// Not comparable (different kinds or currencies, unresolved dates).
    Unknown(String),
}

/// Compare two values; `tolerance` is relative (0.05 = 5%).
pub fn compare(a: &Value, b: &Value, tolerance: f64) -> Compat {
    if let Some((equal, x, y)) = same_kind_numbers(a, b) {
        let rise_and_fall = matches!((a, b), (Value::Percent(p), Value::Percent(q)) if p * q < 0.0);
        return if equal && rise_and_fall {
            Compat::Agree(format!(
                "{} and {} are one change of one size (a direction is read from a word near \
                 the number, and often missed)",
                a.canonical(),
                b.canonical()
            ))
        } else if equal {
            Compat::Agree(format!("both give {}", a.canonical()))
        } else {
            compare_different(a, b, x, y, tolerance)
        };
    }
    match (a, b) {
        (Value::Date(x), Value::Date(y)) => compare_dates(x, y),
        (Value::Time(x), Value::Time(y)) => compare_times(x, y),
        // A time on a day against a date: their days compare ("11 August at 02:10" and "Aug.
        // 10").
        (Value::Time(TimeOfDay { date: Some(d), .. }), Value::Date(y))
        | (Value::Date(y), Value::Time(TimeOfDay { date: Some(d), .. })) => {
            compare_dates(&DateValue::Resolved(Interval::day(*d)), y)
        }
        (Value::Money { currency: cx, .. }, Value::Money { currency: cy, .. }) => {
            Compat::Unknown(format!("{cx} and {cy} are different currencies"))
        }
        // Different units of one dimension: compared in the first one's unit ("26 km" and
        // "16 mi").
        (Value::Measure(_, ux), Value::Measure(..)) => match converted_measures(a, b) {
            Some((x, y, slack)) => {
                let converted = Value::Measure(y, ux.clone());
                match compare_numbers(a, &converted, x, y, tolerance.max(slack)) {
                    Compat::Agree(r) => Compat::Agree(format!("{r} ({} converted)", b.canonical())),
                    Compat::Conflict(r) => {
                        Compat::Conflict(format!("{r} ({} converted)", b.canonical()))
                    }
                    u => u,
                }
            }
            None => Compat::Unknown(format!(
                "{} and {} measure different things",
                a.canonical(),
                b.canonical()
            )),
        },
        _ => Compat::Unknown(format!(
            "{} and {} cannot be compared",
            a.canonical(),
            b.canonical()
        )),
    }
}

/// The unit symbols a language pack may name (`[language.numbers.units]`), as DESIGN.md
/// writes measurements, each with its dimension and its factor to that dimension's base
/// unit.
pub const UNITS: [(&str, &str, f64); 34] = [
    ("km", "length", 1000.0),
    ("m", "length", 1.0),
    ("cm", "length", 0.01),
    ("mm", "length", 0.001),
    ("mi", "length", 1609.344),
    ("ft", "length", 0.3048),
    ("in", "length", 0.0254),
    ("ha", "area", 1.0),
    ("km2", "area", 100.0),
    ("m2", "area", 0.0001),
    ("kg", "mass", 1.0),
    ("t", "mass", 1000.0),
    ("km/h", "speed", 1.0),
    ("mph", "speed", 1.609344),
    ("kn", "speed", 1.852),
    ("m/s", "speed", 3.6),
    ("m3/s", "flow", 1.0),
    ("m3", "volume", 1.0),
    ("l", "volume", 0.001),
    ("bbl", "volume", 0.158_987_294_928),
    ("gal", "volume", 0.003_785_411_784),
    ("kW", "power", 1.0),
    ("MW", "power", 1e3),
    ("GW", "power", 1e6),
    ("kWh", "energy", 1.0),
    ("MWh", "energy", 1e3),
    ("GWh", "energy", 1e6),
    ("TWh", "energy", 1e9),
    ("MeV", "particle energy", 1.0),
    ("GeV", "particle energy", 1e3),
    ("TeV", "particle energy", 1e6),
    // A statistical significance ("5 sigma"), compared only with itself.
    ("sigma", "significance", 1.0),
    // Two scales with different zeros: each compares only with itself.
    ("°C", "temperature in °C", 1.0),
    ("°F", "temperature in °F", 1.0),
];

/// A unit symbol's dimension ("km/h": "speed").
pub fn dimension(unit: &str) -> Option<&'static str> {
    base(unit).map(|(dimension, _)| dimension)
}

/// A unit symbol's dimension and its factor to that dimension's base unit.
fn base(unit: &str) -> Option<(&'static str, f64)> {
    UNITS
        .iter()
        .find(|(symbol, ..)| *symbol == unit)
        .map(|&(_, dimension, factor)| (dimension, factor))
}

/// How far apart a measure and its conversion to another unit may be: one of them was
/// rounded when converted, to its last significant digit ("six miles (10 km)" is 9.7 km,
/// "26 km (16 miles)" 16.2 miles), so half that digit of either number, as a share of it;
/// at least 2%, at most 10%.
fn conversion_slack(x: f64, y: f64) -> f64 {
    let share = |n: f64| {
        if n == 0.0 {
            0.0
        } else {
            half_digit(n) / n.abs()
        }
    };
    share(x).max(share(y)).clamp(0.02, 0.1)
}

/// Half the place of a number's last significant digit: 5 for "60", 0.5 for "6", 0.05 for
/// "6.5", 50,000 for "700,000".
fn half_digit(n: f64) -> f64 {
    let n = n.abs();
    if n == 0.0 {
        return 0.0;
    }
    let mut place = 10f64.powi(n.log10().floor() as i32 + 1);
    while place > 1e-9 && ((n / place).round() * place - n).abs() > 1e-9 * n.max(1.0) {
        place /= 10.0;
    }
    place / 2.0
}

/// Two measures of one dimension in different units: the numbers in the first one's unit,
/// and the slack of the conversion ([`conversion_slack`]).
fn converted_measures(a: &Value, b: &Value) -> Option<(f64, f64, f64)> {
    let (Value::Measure(x, ux), Value::Measure(y, uy)) = (a, b) else {
        return None;
    };
    let ((dx, fx), (dy, fy)) = (base(ux)?, base(uy)?);
    (ux != uy && dx == dy).then(|| (*x, y * fy / fx, conversion_slack(*x, *y)))
}

/// Two numbers as floats: a measure against another converted to its unit. Numbers of one
/// kind go through [`same_kind_numbers`] (exact amounts equal only when their digits are).
fn compare_numbers(a: &Value, b: &Value, x: f64, y: f64, tolerance: f64) -> Compat {
    if x == y {
        return Compat::Agree(format!("both give {}", a.canonical()));
    }
    compare_different(a, b, x, y, tolerance)
}

/// How two different numbers compare: within the tolerance (by how much), the same once
/// the more precise is rounded ("19%" for "19.4%"), or beyond it.
enum NumberVerdict {
    Within(f64),
    Rounded,
    Beyond(f64),
}

fn number_verdict(x: f64, y: f64, tolerance: f64) -> NumberVerdict {
    let diff = (x - y).abs() / x.abs().max(y.abs());
    // The less precise figure may be the other rounded: 19% for 19.4%.
    let (dx, dy) = (fmt_decimals(x) as i32, fmt_decimals(y) as i32);
    let unit = 10f64.powi(-dx.min(dy));
    if diff <= tolerance + 1e-12 {
        NumberVerdict::Within(diff)
    } else if dx != dy && (x - y).abs() <= unit / 2.0 + 1e-9 {
        NumberVerdict::Rounded
    } else {
        NumberVerdict::Beyond(diff)
    }
}

/// Two numbers the text gives differently.
fn compare_different(a: &Value, b: &Value, x: f64, y: f64, tolerance: f64) -> Compat {
    let (ta, tb) = (a.canonical(), b.canonical());
    let pct = |diff: f64| fmt_num((diff * 1000.0).round() / 10.0);
    let tol = fmt_num(tolerance * 100.0);
    match number_verdict(x, y, tolerance) {
        NumberVerdict::Within(d) => Compat::Agree(format!(
            "{ta} and {tb} differ by {}%, within {tol}%",
            pct(d)
        )),
        NumberVerdict::Rounded => Compat::Agree(format!("{ta} and {tb} agree once rounded")),
        NumberVerdict::Beyond(d) => Compat::Conflict(format!(
            "{ta} and {tb} differ by {}%, beyond {tol}%",
            pct(d)
        )),
    }
}

/// Two numbers of one kind and unit (or currency): whether their exact values are equal,
/// and their floats; `None` for anything else.
fn same_kind_numbers(a: &Value, b: &Value) -> Option<(bool, f64, f64)> {
    match (a, b) {
        (
            Value::Money {
                amount: x,
                currency: cx,
            },
            Value::Money {
                amount: y,
                currency: cy,
            },
        ) if cx == cy => Some((x == y, x.f64(), y.f64())),
        (Value::Count(x), Value::Count(y)) => Some((x == y, x.f64(), y.f64())),
        // A change's direction is read from a word near it, and a missed one reads as a
        // rise ("se hundieron este viernes un 26%" has its verb four words back): a rise
        // and a fall compare by their size.
        (Value::Percent(x), Value::Percent(y)) if x * y < 0.0 => {
            Some((x.abs() == y.abs(), x.abs(), y.abs()))
        }
        (Value::Percent(x), Value::Percent(y)) | (Value::Factor(x), Value::Factor(y)) => {
            Some((x == y, *x, *y))
        }
        (Value::Duration(x, ux), Value::Duration(y, uy)) if ux == uy => Some((x == y, *x, *y)),
        // Hours, minutes and seconds compare in seconds ("2 hours 45 minutes", "3 hours").
        (Value::Duration(x, ux), Value::Duration(y, uy)) => {
            let (sx, sy) = (seconds(*ux)?, seconds(*uy)?);
            Some((x * sx == y * sy, x * sx, y * sy))
        }
        (Value::Measure(x, ux), Value::Measure(y, uy)) if ux == uy => Some((x == y, *x, *y)),
        _ => None,
    }
}

/// What [`compare_approx`] decides, without its reason: `Some(true)` the values cannot both
/// hold, `Some(false)` they agree, `None` they cannot be compared. Linking weighs millions
/// of pairs in a big story and reads no reason; numbers of one kind skip the text.
pub fn values_differ(a: &Value, ax: Approx, b: &Value, bx: Approx, tolerance: f64) -> Option<bool> {
    let exact = ax == Approx::Exact && bx == Approx::Exact;
    match same_kind_numbers(a, b) {
        Some((true, _, _)) if exact => Some(false),
        Some((false, x, y)) if exact => Some(matches!(
            number_verdict(x, y, tolerance),
            NumberVerdict::Beyond(_)
        )),
        // Approximate numbers of one kind: whether their intervals meet. Unlike
        // `compare_approx`, two floors, two ceilings or two estimates that meet count as one
        // figure here: "more than 76,000" and "more than 121,000" may be one count told on
        // two days, linked as readily as any two figures that agree, and judged two figures.
        Some((_, x, y)) => Some(!intervals_meet(x, ax, y, bx, tolerance)),
        None => match compare_approx(a, ax, b, bx, tolerance) {
            Compat::Agree(_) => Some(false),
            Compat::Conflict(_) => Some(true),
            Compat::Unknown(_) => None,
        },
    }
}

/// The month and day of a date given without its year, as the normalizer writes it
/// ("--07" July, "--07-19" 19 July); `None` for any other text.
pub fn month_day(text: &str) -> Option<(u32, Option<u32>)> {
    let mut parts = text
        .strip_prefix("--")?
        .split('-')
        .map(|p| p.parse::<u32>().ok());
    let month = parts.next()??;
    Some((month, parts.next().flatten()))
}

/// Whether a date given without its year ("--07", "--07-19") is the month or day of a day
/// or month of the calendar: "19 July" is 2022-07-19 without its year, "July" is 2022-07's
/// and 2022-07-19's month.
pub fn partial_fits(text: &str, iv: &crate::time::Interval) -> bool {
    use crate::time::Granularity;
    use chrono::Datelike;
    let Some((month, day)) = month_day(text) else {
        return false;
    };
    let one_month = iv.start.year() == iv.end.year() && iv.start.month() == iv.end.month();
    match (iv.granularity, day) {
        (Granularity::Day, Some(d)) => iv.start.month() == month && iv.start.day() == d,
        (Granularity::Day | Granularity::Month, None) => one_month && iv.start.month() == month,
        _ => false,
    }
}

fn compare_dates(a: &DateValue, b: &DateValue) -> Compat {
    match (a, b) {
        (DateValue::Resolved(x), DateValue::Resolved(y)) => {
            let (tx, ty) = (x.canonical(), y.canonical());
            if x == y {
                Compat::Agree(format!("both give {tx}"))
            } else if y.contains(x) {
                Compat::Agree(format!("{tx} lies within {ty}"))
            } else if x.contains(y) {
                Compat::Agree(format!("{ty} lies within {tx}"))
            } else if x.overlaps(y) {
                Compat::Agree(format!("{tx} and {ty} overlap"))
            } else {
                Compat::Conflict(format!("{tx} and {ty} do not overlap"))
            }
        }
        (
            DateValue::Unresolved {
                text: ta,
                anchor: Some(xa),
            },
            DateValue::Unresolved {
                text: tb,
                anchor: Some(xb),
            },
        ) if ta == tb && xa == xb => Compat::Agree(format!("both give {ta}, as of {xa}")),
        (
            DateValue::Unresolved {
                text: ta,
                anchor: None,
            },
            DateValue::Unresolved {
                text: tb,
                anchor: None,
            },
        ) if ta == tb => Compat::Agree(format!("both give {ta}; neither could be dated")),
        (DateValue::Unresolved { text, anchor: None }, DateValue::Resolved(iv))
        | (DateValue::Resolved(iv), DateValue::Unresolved { text, anchor: None })
            if partial_fits(text, iv) =>
        {
            Compat::Agree(format!(
                "{text} is {} without its year (the year is not given)",
                iv.canonical()
            ))
        }
        _ => Compat::Unknown(format!(
            "{} and {} cannot be placed on one calendar",
            a.canonical(),
            b.canonical()
        )),
    }
}

/// Which kinds of words a text has, found in one pass, so that scanning skips the
/// patterns that cannot match (most sentences have no date and no number).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Cues {
    digit: bool,
    month: bool,
    weekday: bool,
    relative: bool,
    numword: bool,
    factor: bool,
    scale: bool,
}

const CUE_MONTH: u8 = 1;
const CUE_WEEKDAY: u8 = 2;
const CUE_RELATIVE: u8 = 4;
const CUE_NUMWORD: u8 = 8;
const CUE_FACTOR: u8 = 16;
const CUE_SCALE: u8 = 32;

/// Every lexicon word of a pack in one automaton, in lower, upper and title case.
fn cue_automaton(lang: &Lang) -> (Option<aho_corasick::AhoCorasick>, Vec<u8>) {
    let mut words: Vec<String> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    let mut add = |w: &str, kind: u8| {
        let w = w.trim().trim_end_matches('.');
        let first = w.split_whitespace().next().unwrap_or("");
        if first.is_empty() {
            return;
        }
        let lower = first.to_lowercase();
        let mut title: String = lower.chars().take(1).flat_map(char::to_uppercase).collect();
        title.extend(lower.chars().skip(1));
        for v in [
            lower.clone(),
            first.to_uppercase(),
            title,
            first.to_string(),
        ] {
            words.push(v);
            kinds.push(kind);
        }
    };
    for m in lang.dates.months.iter().flatten() {
        add(m, CUE_MONTH);
    }
    for d in lang.dates.weekdays.iter().flatten() {
        add(d, CUE_WEEKDAY);
    }
    for (_, spellings) in &lang.dates.relative {
        for s in spellings {
            add(s, CUE_RELATIVE);
        }
    }
    for (w, _) in &lang.numbers.words {
        add(w, CUE_NUMWORD);
    }
    for (w, _) in &lang.numbers.factors {
        add(w, CUE_FACTOR);
    }
    // A scale word written out may follow a number word glued to it ("полмиллиона",
    // "sejuta"): it is looked for anywhere in a word.
    if !lang.numbers.scale_leads.is_empty() {
        for w in spelled_scales(&lang.numbers) {
            add(w, CUE_SCALE);
        }
    }
    if words.is_empty() {
        return (None, kinds);
    }
    let ac = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&words)
        .expect("cue automaton");
    (Some(ac), kinds)
}

/// The pack's scale words written out ("million", "millón", "juta"), not its abbreviations
/// ("mn", "M", "млн", "Mio"): a number word stands before only these ("a million", not
/// "a m"). A word of four letters or more, all letters, is taken as written out.
fn spelled_scales(n: &crate::rules::Numbers) -> impl Iterator<Item = &str> {
    n.scales
        .iter()
        .map(|(w, _)| w.as_str())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
}

/// One language's compiled value grammar.
#[derive(Debug)]
pub struct Grammar {
    pub lang: String,
    decimal: char,
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    /// The pack's complementizers ("that", "que"): a weekday and a week they stand between
    /// belong to two clauses.
    complementizers: Vec<String>,
    /// Lowercase words that make the weekday after them the next one.
    ahead: Vec<String>,
    /// Cues that put a weekday's clause in the future, each as its lowercase words.
    future: Vec<Vec<String>>,
    not_future: Vec<Vec<String>>,
    /// The words of "since": a weekday right after one has begun.
    since: Vec<Vec<String>>,
    relative: HashMap<String, Relative>,
    scales: HashMap<String, f64>,
    words: HashMap<String, f64>,
    currencies: HashMap<String, String>,
    up: Vec<String>,
    down: Vec<String>,
    particle_verbs: Vec<String>,
    level: Vec<String>,
    factors: HashMap<String, f64>,
    durations: HashMap<String, char>,
    clock_before: Vec<String>,
    units: HashMap<String, String>,
    measure: Option<Compiled>,
    dates: date::DateRes,
    money: Option<Compiled>,
    percent: Option<Compiled>,
    duration: Option<Compiled>,
    factor: Option<Compiled>,
    count: Compiled,
    /// Number words before a scale word written out ("a million", "medio millón",
    /// "полмиллиона"): one pattern, lead `i` in group `l{i}`, and each lead's number.
    scale_leads: Option<(Compiled, Vec<f64>)>,
    approx: Vec<(String, Approx)>,
    /// Approximation words that are a preposition right after a capitalised word.
    prepositions: Vec<String>,
    /// The pack's conjunctions ("and", "y"), lowercase.
    conjunctions: Vec<String>,
    ranges: Vec<(String, String)>,
    updates: Vec<(String, String)>,
    changes: Vec<String>,
    ordinal_suffixes: Vec<String>,
    cues: Option<aho_corasick::AhoCorasick>,
    cue_kinds: Vec<u8>,
    times: Vec<crate::rules::Pattern>,
    am: Vec<String>,
    pm: Vec<String>,
    zones: Vec<(String, i32)>,
    /// The characters of the longest zone, and one to see that it ends.
    zone_window: usize,
}

/// A time of day is on the day the sentence names nearest it ("on Sunday (3/11/2024) at
/// 23.57 WITA"), else on `fallback`.
pub(crate) fn times_on_days(
    text: &str,
    out: &mut [Found],
    fallback: Option<chrono::NaiveDate>,
    near: &[chrono::NaiveDate],
) {
    // A day months away from the report's is another event's ("la primera desde el 29 de
    // mayo de 2019"): it dates only a time told right beside it, not one across the
    // sentence.
    let (days, far): (Vec<(usize, usize, chrono::NaiveDate)>, Vec<_>) = out
        .iter()
        .filter_map(|f| match &f.value {
            Value::Date(DateValue::Resolved(iv))
                if iv.granularity == crate::time::Granularity::Day =>
            {
                Some((f.start, f.end, iv.start))
            }
            _ => None,
        })
        .partition(|&(_, _, d)| near_day(d, near));
    let mut positions: Vec<usize> = days.iter().map(|&(p, _, _)| p).collect();
    positions.sort_unstable();
    for f in out.iter_mut() {
        let Value::Time(t) = &mut f.value else {
            continue;
        };
        let distance = |p: usize| {
            let (a, b) = if p < f.start {
                (p, f.start)
            } else {
                (f.end, p)
            };
            text.get(a.min(b)..b.max(a))
                .map_or(usize::MAX, |s| s.chars().count())
        };
        if t.date.is_none() {
            // The nearest day is the last one before the time or the first one after it
            // (or one inside it): only these are measured, so that a long text with many
            // times and days costs no more than its length.
            let before = positions.partition_point(|&p| p < f.start);
            let after = positions.partition_point(|&p| p < f.end);
            let last_before = before.checked_sub(1).map(|i| positions[i]);
            let first_after = positions.get(after).copied();
            let beside = far
                .iter()
                .filter(|&&(s, e, _)| gap_chars(text, (f.start, f.end), (s, e)) <= 16);
            t.date = days
                .iter()
                .filter(|&&(p, _, _)| {
                    Some(p) == last_before
                        || Some(p) == first_after
                        || (f.start..f.end).contains(&p)
                })
                .chain(beside)
                .min_by_key(|&&(p, _, _)| distance(p))
                .map(|&(_, _, d)| d)
                .or(fallback);
        }
    }
}

/// Whether a day is within three months of one of the days a report is about (any day is,
/// when none is known).
pub(crate) fn near_day(day: chrono::NaiveDate, near: &[chrono::NaiveDate]) -> bool {
    near.is_empty() || near.iter().any(|&n| (day - n).num_days().abs() <= 92)
}

/// Characters between two spans of a text (0 when they overlap).
pub(crate) fn gap_chars(text: &str, a: (usize, usize), b: (usize, usize)) -> usize {
    let (from, to) = if a.1 <= b.0 {
        (a.1, b.0)
    } else if b.1 <= a.0 {
        (b.1, a.0)
    } else {
        return 0;
    };
    text.get(from..to).map_or(usize::MAX, |s| s.chars().count())
}

/// Lowercase, and without a trailing period: the key under which words are looked up.
fn key(s: &str) -> String {
    s.trim().trim_end_matches('.').to_lowercase()
}

/// A regex alternation of literal words, longest first, spaces matching any whitespace.
pub(crate) fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut ws: Vec<&str> = words.into_iter().filter(|w| !w.trim().is_empty()).collect();
    if ws.is_empty() {
        return None;
    }
    ws.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    ws.dedup();
    let parts: Vec<String> = ws
        .iter()
        .map(|w| regex::escape(w.trim()).replace(' ', r"\s+"))
        .collect();
    Some(format!("(?:{})", parts.join("|")))
}

/// A generated grammar pattern, compiled the first time a text needs it: a story compiles
/// only the patterns its sentences reach (the cues gate most of them), not every one of
/// its languages'. Case-insensitive, without a literal prefilter (they begin with a number;
/// its literals cost more to extract than they save).
pub(crate) type Compiled = crate::rx::Lazy;

fn compile(pattern: &str) -> Compiled {
    Compiled::new(pattern, 1 << 24, false)
}

impl Grammar {
    /// Compile a language pack's lexicons. Words are escaped, so this cannot fail on data.
    pub fn new(lang: &Lang) -> Grammar {
        let mut months = HashMap::new();
        for (i, names) in lang.dates.months.iter().enumerate() {
            for n in names {
                months.insert(key(n), i as u32 + 1);
            }
        }
        let mut weekdays = HashMap::new();
        for (i, names) in lang.dates.weekdays.iter().enumerate() {
            for n in names {
                weekdays.insert(key(n), i as u32);
            }
        }
        let mut relative = HashMap::new();
        for (rel, spellings) in &lang.dates.relative {
            for s in spellings {
                relative.insert(norm_space(&s.to_lowercase()), *rel);
            }
        }
        let n = &lang.numbers;
        let num = number::number_pattern(n.decimal, n.words.iter().map(|(w, _)| w.as_str()));
        let scale = alternation(n.scales.iter().map(|(w, _)| w.as_str()));
        let cur = alternation(n.currencies.iter().map(|(w, _)| w.as_str()));
        // A connector between a figure and its currency or unit ("millones de dólares").
        let conn = alternation(lang.dates.connectors.iter().map(String::as_str))
            .map(|c| format!(r"(?:{c}\s+)?"))
            .unwrap_or_default();
        let money = cur.as_ref().map(|cur| {
            let scale = scale
                .as_ref()
                .map(|s| format!(r"(?:[\s-]?(?P<scale>{s})\.?)?"))
                .unwrap_or_default();
            compile(&format!(
                r"(?:(?P<c1>{cur})\s?)?(?P<num>{num}){scale}(?:\s?{conn}(?P<c2>{cur}))?"
            ))
        });
        let percent = alternation(n.percent.iter().map(String::as_str))
            .map(|p| compile(&format!(r"(?P<num>{num})\s?(?P<pct>{p})")));
        // "two and a half hours", "zweieinhalb Stunden", "deux heures et demie".
        let half = alternation(n.half.iter().map(String::as_str))
            .map(|h| format!(r"(?P<half>\s?{h})?"))
            .unwrap_or_default();
        let half_after = alternation(n.half_after.iter().map(String::as_str))
            .map(|h| format!(r"(?P<half_after>\s{h})?"))
            .unwrap_or_default();
        let duration = alternation(n.durations.iter().map(|(w, _)| w.as_str())).map(|u| {
            compile(&format!(
                r"(?P<num>{num}){half}[\s-](?P<unit>{u}){half_after}"
            ))
        });
        // A scale word may stand between number and unit ("13 тысяч квадратных метров",
        // "1.2 million square metres", "300 тыс. тонн", "0,3 Mio. Tonnen"), a word of its own
        // with a space on each side (or its abbreviation's point before the space): "10 km"
        // is no "10 k" of metres.
        let measure_scale = scale
            .as_ref()
            .map(|s| format!(r"\s(?P<scale>{s})\.?\s|"))
            .unwrap_or_default();
        let measure = alternation(n.units.iter().map(|(w, _)| w.as_str())).map(|u| {
            compile(&format!(
                r"(?P<num>{num})(?:{measure_scale}\s|-|\u{{a0}})?(?P<unit>{u})"
            ))
        });
        let factor = alternation(n.factors.iter().map(|(w, _)| w.as_str()))
            .map(|f| compile(&format!(r"\b(?P<f>{f})\b")));
        let spelled = alternation(spelled_scales(n));
        let scale_leads = spelled.filter(|_| !n.scale_leads.is_empty()).map(|s| {
            // The longest lead first: "un millón y medio" before "un millón".
            let mut leads: Vec<(String, f64)> = n.scale_leads.clone();
            leads.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
            let arms: Vec<String> = leads
                .iter()
                .enumerate()
                .map(|(i, (lead, _))| {
                    let (before, after) = lead.split_once("{scale}").unwrap_or((lead, ""));
                    let words = |t: &str| regex::escape(t).replace(' ', r"\s+");
                    format!(
                        r"(?P<l{i}>{})(?P<s{i}>{s}){}\b",
                        words(before),
                        words(after)
                    )
                })
                .collect();
            // A currency or a unit after it, as after a figure ("a billion dollars", "un
            // millón de toneladas").
            let cur = cur
                .as_ref()
                .map(|c| format!(r"(?:\s?{conn}(?P<cur>{c}))?"))
                .unwrap_or_default();
            let unit = alternation(n.units.iter().map(|(w, _)| w.as_str()))
                .map(|u| format!(r"(?:\s{conn}(?P<unit>{u})\b)?"))
                .unwrap_or_default();
            let values = leads.iter().map(|(_, v)| *v).collect();
            (
                compile(&format!(r"(?i:(?:{}){cur}{unit})", arms.join("|"))),
                values,
            )
        });
        let (cues, cue_kinds) = cue_automaton(lang);
        Grammar {
            times: lang.dates.times.clone(),
            am: lang.dates.am.clone(),
            pm: lang.dates.pm.clone(),
            zones: lang.dates.zones.clone(),
            zone_window: lang
                .dates
                .zones
                .iter()
                .map(|(z, _)| z.chars().count() + 1)
                .max()
                .unwrap_or(1),
            lang: lang.code.clone(),
            decimal: n.decimal,
            months,
            weekdays,
            complementizers: lang.attribution.complementizers.clone(),
            ahead: lang.dates.ahead.clone(),
            future: date::cue_words(&lang.dates.future),
            not_future: date::cue_words(&lang.dates.not_future),
            since: date::cue_words(&lang.dates.since),
            relative,
            scales: n.scales.iter().map(|(w, v)| (key(w), *v)).collect(),
            words: n
                .words
                .iter()
                .map(|(w, v)| (w.to_lowercase(), *v))
                .collect(),
            currencies: n
                .currencies
                .iter()
                .map(|(w, c)| (norm_space(&w.to_lowercase()), c.clone()))
                .collect(),
            up: n.up.clone(),
            down: n.down.clone(),
            particle_verbs: n.particle_verbs.clone(),
            level: n.level.iter().map(|w| w.to_lowercase()).collect(),
            factors: n
                .factors
                .iter()
                .map(|(w, v)| (w.to_lowercase(), *v))
                .collect(),
            clock_before: n.clock_before.clone(),
            durations: n
                .durations
                .iter()
                .map(|(w, u)| (w.to_lowercase(), *u))
                .collect(),
            units: n
                .units
                .iter()
                .map(|(w, u)| (norm_space(&w.to_lowercase()), u.clone()))
                .collect(),
            measure,
            dates: date::DateRes::new(lang, &num),
            cues,
            cue_kinds,
            scale_leads,
            count: compile(&match &scale {
                Some(s) => format!(r"(?P<num>{num})(?:[\s-]?(?P<scale>{s})\b)?"),
                None => format!(r"(?P<num>{num})"),
            }),
            approx: {
                let mut a: Vec<(String, Approx)> = n
                    .approx
                    .iter()
                    .map(|(w, k)| (norm_space(&w.to_lowercase()), *k))
                    .collect();
                a.sort_by(|x, y| y.0.len().cmp(&x.0.len()).then(x.0.cmp(&y.0)));
                a
            },
            prepositions: n.prepositions.clone(),
            conjunctions: lang.attribution.conjunctions.clone(),
            ranges: n.ranges.clone(),
            updates: n.updates.clone(),
            changes: n.changes.clone(),
            ordinal_suffixes: n.ordinal_suffixes.clone(),
            money,
            percent,
            duration,
            factor,
        }
    }

    /// Every value in `text`, in order, without overlaps (the longer match wins).
    pub fn scan(&self, text: &str, anchor: Option<PartialDate>) -> Vec<Found> {
        let near = anchor.and_then(|a| a.date());
        self.scan_near(text, anchor, near.as_slice())
    }

    /// Values of a text, a time of day told without a day dated by a day of the text near
    /// one of `near` (the days the report is about) or right beside it.
    pub fn scan_near(
        &self,
        text: &str,
        anchor: Option<PartialDate>,
        near: &[chrono::NaiveDate],
    ) -> Vec<Found> {
        let mut found = Vec::new();
        let cues = self.cues(text);
        let invalid = self.scan_dates(text, anchor, cues, &mut found);
        self.scan_numbers(text, cues, &mut found);
        if cues.scale {
            self.scan_scale_leads(text, &mut found);
        }
        // A time needs an hour: in digits, or in number words ("las cuatro de la tarde").
        if cues.digit || cues.numword {
            self.scan_times(text, &mut found);
        }
        found.retain(|f| !invalid.iter().any(|&(s, e)| f.start < e && f.end > s));
        // Longest first ("until Dec. 31, 2021" is one date, not "until Dec." and 31), then
        // leftmost; drop what overlaps a pick.
        found.sort_by(|a, b| {
            (b.end - b.start)
                .cmp(&(a.end - a.start))
                .then(a.start.cmp(&b.start))
        });
        let mut out: Vec<Found> = Vec::new();
        for f in found {
            if out.iter().all(|o| f.end <= o.start || f.start >= o.end) {
                out.push(f);
            }
        }
        out.sort_by_key(|f| f.start);
        self.weekday_in_week(text, &mut out);
        // "Rabu (5/10/2022)", "Friday, June 2": a weekday right before a full date names
        // the same day; the date says which.
        let weekday_before_date = |i: usize, out: &[Found]| {
            let (a, Some(b)) = (&out[i], out.get(i + 1)) else {
                return false;
            };
            matches!(a.value, Value::Date(_))
                && matches!(b.value, Value::Date(_))
                && self.weekdays.contains_key(&key(&text[a.start..a.end]))
                && {
                    // "Rabu (5/10/2022)", "Friday, June 2", "Samstag, dem 17. Juli".
                    let gap: String = text[a.end..b.start]
                        .chars()
                        .filter(|&c| !(c.is_whitespace() || c == '(' || c == ','))
                        .collect();
                    gap.chars().count() <= 3 && gap.chars().all(char::is_lowercase)
                }
        };
        // "Jumat malam, 3 Februari", "Friday night, Feb. 3": a weekday a few words before a
        // day that falls on it is that day, however far from publication it lies.
        let weekday_of_next_day = |i: usize, out: &[Found]| {
            use chrono::Datelike;
            let (a, Some(b)) = (&out[i], out.get(i + 1)) else {
                return false;
            };
            let Some(&wd) = self.weekdays.get(&key(&text[a.start..a.end])) else {
                return false;
            };
            let Value::Date(DateValue::Resolved(iv)) = &b.value else {
                return false;
            };
            let gap = &text[a.end..b.start];
            iv.granularity == crate::time::Granularity::Day
                && iv.start.weekday().num_days_from_monday() == wd
                && gap.split_whitespace().count() <= 3
                && !gap.contains(['.', ';', '!', '?'])
        };
        let drop: Vec<bool> = (0..out.len())
            .map(|i| weekday_before_date(i, &out) || weekday_of_next_day(i, &out))
            .collect();
        let mut out: Vec<Found> = out
            .into_iter()
            .zip(drop)
            .filter(|(_, d)| !d)
            .map(|(f, _)| f)
            .collect();
        for f in &mut out {
            if !matches!(f.value, Value::Date(_)) {
                f.approx = self.approx_before(text, f.start);
            }
        }
        out.sort_by_key(|f| f.start);
        self.ranges(text, &mut out);
        self.weekdays_by_date(text, &mut out);
        times_on_days(text, &mut out, None, near);
        self.elided_currency(text, &mut out);
        out
    }

    /// Whether a number in words of scale stands alone: the sentence, a clause or a
    /// conjunction follows it ("un prêt de liquidités de 100 milliards.", "9.000 millones y
    /// de líneas"), not the thing it counts ("3 millions de personnes").
    fn stands_alone(&self, text: &str, end: usize) -> bool {
        let rest = text[end..].trim_start();
        // A currency sign after it would have made it money already.
        match rest.chars().next() {
            None => true,
            Some(c) if !c.is_alphanumeric() => true,
            Some(_) => {
                let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                self.conjunctions.contains(&word.to_lowercase())
            }
        }
    }

    /// A large amount told without its currency after one told with it, in one sentence, is
    /// in that currency: "ouvre un prêt de 100 milliards" after "9 milliards de francs",
    /// "una garantía pública de 9.000 millones" after "3.000 millones de francos". Only a
    /// number written with a word of scale ("100 milliards", not "100000"), standing alone.
    fn elided_currency(&self, text: &str, found: &mut [Found]) {
        let mut currency: Option<String> = None;
        for f in found.iter_mut() {
            match &f.value {
                Value::Money { currency: c, .. } => currency = Some(c.clone()),
                Value::Count(n)
                    if n.f64() >= 1e6
                        && text[f.start..f.end].chars().any(char::is_alphabetic)
                        && self.stands_alone(text, f.end) =>
                {
                    if let Some(c) = &currency {
                        f.value = Value::Money {
                            amount: *n,
                            currency: c.clone(),
                        };
                    }
                }
                _ => {}
            }
        }
    }

    /// "am Samstag vor einer Woche", "last week on Tuesday": a weekday beside a week (two
    /// words at most between, no punctuation) is that weekday of that week, one value.
    fn weekday_in_week(&self, text: &str, out: &mut Vec<Found>) {
        use chrono::Duration;
        let mut i = 0;
        while i + 1 < out.len() {
            let week = |f: &Found| match &f.value {
                Value::Date(DateValue::Resolved(iv))
                    if iv.granularity == crate::time::Granularity::Week =>
                {
                    Some(iv.start)
                }
                _ => None,
            };
            let weekday = |f: &Found| self.weekdays.get(&key(&text[f.start..f.end])).copied();
            let (a, b) = (&out[i], &out[i + 1]);
            let gap = &text[a.end..b.start];
            // "said on Thursday that last week's storm …": two clauses, two times.
            let near = gap.split_whitespace().count() <= 2
                && !gap.contains([',', '.', ';'])
                && !gap
                    .split_whitespace()
                    .any(|w| self.complementizers.contains(&key(w)));
            let pair = match (weekday(a), week(b), week(a), weekday(b)) {
                (Some(wd), Some(monday), _, _) | (_, _, Some(monday), Some(wd)) if near => {
                    Some(monday + Duration::days(wd as i64))
                }
                _ => None,
            };
            if let Some(day) = pair {
                let end = out[i + 1].end;
                out[i].end = end;
                out[i].value = Value::Date(DateValue::Resolved(crate::time::Interval::day(day)));
                out.remove(i + 1);
            }
            i += 1;
        }
    }

    /// Times of day by the pack's patterns, with a zone named right after them.
    fn scan_times(&self, text: &str, out: &mut Vec<Found>) {
        for re in &self.times {
            for c in re.captures_iter(text) {
                let all = c.get(0).expect("group 0");
                // A pattern may open on the space before its first word.
                let lead = all.as_str().len() - all.as_str().trim_start().len();
                // The hour in digits, or in the pack's number words ("las cuatro de la
                // tarde", "в четыре часа дня").
                let Some(mut hour) = c.name("h").and_then(|h| {
                    h.as_str().parse::<u32>().ok().or_else(|| {
                        self.words
                            .get(&key(&norm_space(h.as_str())))
                            .filter(|n| n.fract() == 0.0 && (0.0..=24.0).contains(*n))
                            .map(|&n| n as u32)
                    })
                }) else {
                    continue;
                };
                let minute = c
                    .name("m")
                    .map_or(Some(0), |m| m.as_str().parse::<u32>().ok())
                    .unwrap_or(60);
                if let Some(half) = c.name("half") {
                    let half = key(half.as_str());
                    let pm = self.pm.iter().any(|w| key(w) == half);
                    let am = self.am.iter().any(|w| key(w) == half);
                    if (!pm && !am) || hour == 0 || hour > 12 {
                        continue;
                    }
                    if pm && hour < 12 {
                        hour += 12;
                    } else if am && hour == 12 {
                        hour = 0;
                    }
                }
                if hour > 24 || minute > 59 || (hour == 24 && minute > 0) {
                    continue;
                }
                let mut end = all.end();
                let mut offset = None;
                let rest = &text[end..];
                let skipped = rest.len() - rest.trim_start_matches([' ', '(', '\u{a0}']).len();
                // A zone is a word or three: lowercasing only the zone window keeps many
                // times in a long text linear.
                let head: usize = rest[skipped..]
                    .chars()
                    .take(self.zone_window)
                    .map(char::len_utf8)
                    .sum();
                let lower = rest[skipped..skipped + head].to_lowercase();
                if let Some((zone, o)) = self.zones.iter().find(|(z, _)| {
                    lower.starts_with(z.as_str())
                        && !lower[z.len()..].starts_with(|c: char| c.is_alphanumeric())
                }) {
                    offset = Some(*o);
                    // The zone's length in the original text (lowercasing may change it).
                    let n = zone.chars().count();
                    let len: usize = rest[skipped..].chars().take(n).map(char::len_utf8).sum();
                    end += skipped + len;
                }
                out.push(Found::exact(
                    all.start() + lead,
                    end,
                    Value::Time(TimeOfDay {
                        date: None,
                        hour: hour % 24,
                        minute,
                        offset,
                    }),
                ));
            }
        }
    }

    /// "On Tuesday, 23 January, at 6 p.m., and on Wednesday at 2 a.m.": a bare weekday in a
    /// sentence that names a full date is the day of that weekday nearest the date (three
    /// days either side), not the one before publication, when that date lies within a
    /// week of the weekday read from publication.
    fn weekdays_by_date(&self, text: &str, out: &mut [Found]) {
        use chrono::Datelike;
        let is_weekday = |f: &Found| self.weekdays.contains_key(&key(&text[f.start..f.end]));
        let Some(named) = out.iter().find_map(|f| match &f.value {
            Value::Date(DateValue::Resolved(iv))
                if iv.granularity == crate::time::Granularity::Day && !is_weekday(f) =>
            {
                Some(iv.start)
            }
            _ => None,
        }) else {
            return;
        };
        for f in out.iter_mut() {
            let Some(&wd) = self.weekdays.get(&key(&text[f.start..f.end])) else {
                continue;
            };
            // Only a date in the week around the weekday read from publication can be its
            // week ("until 22 May ... on Sunday" keeps Sunday in its own week).
            let Value::Date(DateValue::Resolved(read)) = &f.value else {
                continue;
            };
            if (read.start - named).num_days().abs() > 7 {
                continue;
            }
            let near = (-3i64..=3)
                .map(|d| named + chrono::Duration::days(d))
                .find(|d| d.weekday().num_days_from_monday() == wd);
            if let Some(day) = near {
                f.value = Value::Date(DateValue::Resolved(Interval::day(day)));
            }
        }
    }

    fn cues(&self, text: &str) -> Cues {
        let mut c = Cues {
            digit: text.bytes().any(|b| b.is_ascii_digit()),
            ..Cues::default()
        };
        if let Some(ac) = &self.cues {
            let mut seen = 0u8;
            for m in ac.find_overlapping_iter(text) {
                seen |= self.cue_kinds[m.pattern().as_usize()];
            }
            c.month = seen & CUE_MONTH != 0;
            c.weekday = seen & CUE_WEEKDAY != 0;
            c.relative = seen & CUE_RELATIVE != 0;
            c.numword = seen & CUE_NUMWORD != 0;
            c.factor = seen & CUE_FACTOR != 0;
            c.scale = seen & CUE_SCALE != 0;
        }
        c
    }

    /// The factor of the `scale` group of a match ("billion" = 1e9), 1 without one.
    fn scale_of(&self, c: &Captures) -> f64 {
        c.name("scale")
            .and_then(|s| self.scales.get(&key(s.as_str())))
            .copied()
            .unwrap_or(1.0)
    }

    fn parse_number(&self, s: &str) -> Option<f64> {
        number::parse(s, self.decimal, &self.words)
    }

    /// A count or an amount with its scale word, exactly ("3,1 Billionen").
    fn parse_exact(&self, s: &str, scale: f64) -> Option<Num> {
        let n = number::parse_exact(s, self.decimal, &self.words)?;
        Some(n.times(Num::from_f64(scale)?))
    }

    /// Ranges ("zwischen 21 und 68 Jahre", "de 27 à 74 ans"): the first end is "at least",
    /// the second "at most", and a bare first end takes the second's unit. A change word
    /// before it ("passé de 5 à 7") makes it no range but a change, and so does a change
    /// word earlier in the clause before an update ("повысила число погибших … с 86 до
    /// 91"): its first figure is an earlier one ([`Approx::Was`]).
    fn ranges(&self, text: &str, out: &mut [Found]) {
        let numeric = |f: &Found| !matches!(f.value, Value::Date(_) | Value::Time(_));
        for i in 1..out.len() {
            let (head, tail) = out.split_at_mut(i);
            let (a, b) = (&mut head[i - 1], &mut tail[0]);
            if !numeric(a) || !numeric(b) {
                continue;
            }
            let gap = norm_space(&text[a.end..b.start].to_lowercase());
            let before = norm_space(&text_before(text, a.start).to_lowercase());
            let written = |templates: &[(String, String)]| {
                templates.iter().any(|(lead, join)| {
                    gap.trim() == join.as_str()
                        && (lead.is_empty()
                            || before
                                .trim_end()
                                .strip_suffix(lead.as_str())
                                .is_some_and(|r| {
                                    !r.chars().next_back().is_some_and(char::is_alphanumeric)
                                }))
                })
            };
            let (is_range, is_update) = (written(&self.ranges), written(&self.updates));
            if !is_range && !is_update {
                continue;
            }
            // The words before the first figure, nearest first, up to the clause's start.
            let words: Vec<&str> = before
                .split_whitespace()
                .rev()
                .take(UPDATE_WORDS)
                .take_while(|w| !w.ends_with([',', ';', ':', '.']))
                .collect();
            let changes = |n: usize| {
                words
                    .iter()
                    .take(n)
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .any(|w| {
                        [&self.up, &self.down, &self.changes]
                            .iter()
                            .any(|l| l.iter().any(|x| x == w))
                    })
            };
            // "rose from 86 to 91": the first figure is the earlier one; "rose 19.4% to Rp
            // 48.6 trillion" tells a change and where it led, two figures of their own.
            let same_kind = std::mem::discriminant(&a.value) == std::mem::discriminant(&b.value);
            if is_update && same_kind && changes(UPDATE_WORDS) {
                if a.approx == Approx::Exact {
                    a.approx = Approx::Was;
                }
                continue;
            }
            if !is_range || changes(4) {
                continue;
            }
            // "27 à 74 ans": 27 years; "5 to 10 per cent": 5%.
            if let Value::Count(n) = a.value
                && let Some(x) = with_number(&b.value, n.f64())
            {
                a.value = x;
            }
            if a.approx == Approx::Exact {
                a.approx = Approx::From;
            }
            if b.approx == Approx::Exact {
                b.approx = Approx::To;
            }
        }
    }

    /// Whether `ending` is one of the pack's ordinal endings.
    fn is_ordinal_suffix(&self, ending: &str) -> bool {
        let e = ending.to_lowercase();
        self.ordinal_suffixes.contains(&e)
    }

    /// The approximation marker ending just before byte `start`, if any.
    fn approx_before(&self, text: &str, start: usize) -> Approx {
        let before = norm_space(&text_before(text, start).to_lowercase());
        for (marker, kind) in &self.approx {
            if let Some(rest) = before.strip_suffix(marker.as_str())
                && !rest.chars().next_back().is_some_and(char::is_alphanumeric)
            {
                // "eine Garantie über neun Milliarden": after a capitalised word that does
                // not open the sentence, the word is a preposition ("of"), no bound.
                if self.prepositions.contains(marker) {
                    let head = text[..start].trim_end();
                    let head = head[..head.len().saturating_sub(marker.len())].trim_end();
                    let words: Vec<&str> = head.split_whitespace().collect();
                    if let [_, .., noun] = words.as_slice()
                        && noun.chars().next().is_some_and(char::is_uppercase)
                        && noun.chars().any(char::is_lowercase)
                        && noun.chars().all(char::is_alphabetic)
                    {
                        return Approx::Exact;
                    }
                }
                return *kind;
            }
        }
        Approx::Exact
    }

    /// The sign a direction word gives a change: -1 for "fell 6%", +1 otherwise.
    fn direction(&self, text: &str, start: usize, end: usize) -> f64 {
        let before: Vec<String> = text[..start]
            .split_whitespace()
            .rev()
            .take(3)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        let after: Vec<String> = text[end..]
            .split_whitespace()
            .take(2)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        // "fell to 6.9%": a level word between the verb and the number.
        for w in &before {
            if self.level.contains(w) {
                return 1.0;
            }
            if self.down.contains(w) || self.up.contains(w) {
                break;
            }
        }
        // "turned down by 64%": the particle of a verb is no direction.
        let particle = |i: usize| {
            before.get(i + 1).is_some_and(|verb| {
                self.particle_verbs
                    .iter()
                    .any(|p| p.split_once(' ') == Some((verb.as_str(), before[i].as_str())))
            })
        };
        let before_dir = before.iter().enumerate().filter(|&(i, _)| !particle(i));
        let near = before_dir.map(|(_, w)| w).chain(after.iter());
        for w in near {
            if self.down.contains(w) {
                return -1.0;
            }
            if self.up.contains(w) {
                return 1.0;
            }
        }
        1.0
    }

    fn scan_numbers(&self, text: &str, cues: Cues, out: &mut Vec<Found>) {
        let starts_ok = |start: usize| !word_char_before(text, start);
        if let Some(re) = self.factor.as_ref().filter(|_| cues.factor) {
            for c in re.captures_iter(text) {
                let all = c.get(0).expect("group 0");
                if let Some(f) = self.factors.get(&all.as_str().to_lowercase()) {
                    out.push(Found::exact(all.start(), all.end(), Value::Factor(*f)));
                }
            }
        }
        if !(cues.digit || cues.numword) {
            return;
        }
        if let Some(re) = &self.money {
            let mut at = 0;
            while let Some(c) = re.captures_at(text, at) {
                let all = c.get(0).expect("group 0");
                // A currency before the number that ends another word ("alcanZAR 300
                // millones de dólares") is none: read again from after it.
                if let Some(c1) = c.name("c1")
                    && !starts_ok(all.start())
                {
                    at = c1.end();
                    continue;
                }
                at = all.end();
                let cur = c.name("c1").or(c.name("c2"));
                let (Some(cur), Some(num)) = (cur, c.name("num")) else {
                    continue;
                };
                if !starts_ok(all.start()) || word_char_at(text, all.end()) {
                    continue;
                }
                let Some(code) = self
                    .currencies
                    .get(&norm_space(&cur.as_str().to_lowercase()))
                else {
                    continue;
                };
                let Some(n) = self.parse_exact(num.as_str(), self.scale_of(&c)) else {
                    continue;
                };
                out.push(Found::exact(
                    all.start(),
                    all.end(),
                    Value::Money {
                        amount: n,
                        currency: code.clone(),
                    },
                ));
            }
        }
        if let Some(re) = &self.percent {
            for c in re.captures_iter(text) {
                let all = c.get(0).expect("group 0");
                let pct = c.name("pct").map_or("", |m| m.as_str());
                let word_end = pct.chars().last().is_some_and(char::is_alphanumeric);
                if !starts_ok(all.start()) || (word_end && word_char_at(text, all.end())) {
                    continue;
                }
                if let Some(n) = c.name("num").and_then(|m| self.parse_number(m.as_str())) {
                    // A minus sign written before the figure ("à -0,75 %") is its sign,
                    // whatever word stands before it; a hyphen after a word or a figure
                    // joins them ("10-15 %").
                    let signed = text[..all.start()]
                        .strip_suffix(['-', '−'])
                        .is_some_and(|b| {
                            b.chars()
                                .next_back()
                                .is_none_or(|c| c.is_whitespace() || c == '(' || c == '[')
                        });
                    let sign = if signed {
                        -1.0
                    } else {
                        self.direction(text, all.start(), all.end())
                    };
                    out.push(Found::exact(
                        all.start(),
                        all.end(),
                        Value::Percent(sign * n),
                    ));
                }
            }
        }
        if let Some(re) = &self.duration {
            let mut durations: Vec<Found> = Vec::new();
            for c in re.captures_iter(text) {
                let all = c.get(0).expect("group 0");
                if !starts_ok(all.start()) || word_char_at(text, all.end()) {
                    continue;
                }
                let unit = c
                    .name("unit")
                    .and_then(|u| self.durations.get(&u.as_str().to_lowercase()));
                let half = if c.name("half").or(c.name("half_after")).is_some() {
                    0.5
                } else {
                    0.0
                };
                let n = c
                    .name("num")
                    .and_then(|m| self.parse_number(m.as_str()))
                    .map(|n| n + half);
                // "по итогам 2022 года", "tahun 2021": a year, not 2022 years.
                let year_like =
                    n.is_some_and(|n| n.fract() == 0.0 && (1800.0..=2100.0).contains(&n));
                // "à 9 heures", "в 9 часов": a time of day, not nine hours.
                let clock = unit.is_some_and(|u| *u == 'h')
                    && crate::words::word_before(text, all.start())
                        .is_some_and(|w| self.clock_before.contains(&w.to_lowercase()));
                // "35-Stunden-Woche": the unit opens a compound that names another thing.
                let compound = unit.is_some_and(|u| matches!(u, 'h' | 'n' | 's'))
                    && text[all.end()..].starts_with(['-', '‑']);
                if let (Some(unit), Some(n), false, false, false) =
                    (unit, n, year_like, clock, compound)
                {
                    durations.push(Found::exact(
                        all.start(),
                        all.end(),
                        Value::Duration(n, *unit),
                    ));
                }
            }
            out.extend(hours_and_minutes(text, durations));
        }
        // Numbers that are a bracketed conversion of a measurement: neither a measurement
        // nor a count of their own.
        let mut conversions: Vec<(usize, usize)> = Vec::new();
        if let Some(re) = &self.measure {
            for c in re.captures_iter(text) {
                let all = c.get(0).expect("group 0");
                if !starts_ok(all.start()) || word_char_at(text, all.end()) {
                    continue;
                }
                // "32-м членом": an ordinal ending, not 32 metres.
                if let (Some(num), Some(u)) = (c.name("num"), c.name("unit"))
                    && text[num.end()..u.start()] == *"-"
                    && self.is_ordinal_suffix(u.as_str())
                {
                    continue;
                }
                let unit = c
                    .name("unit")
                    .and_then(|u| self.units.get(&norm_space(&u.as_str().to_lowercase())));
                let n = c
                    .name("num")
                    .and_then(|m| self.parse_number(m.as_str()))
                    .map(|n| n * self.scale_of(&c));
                // "26km (16 miles)": a conversion in brackets right after a measurement
                // is the same value, not a second one.
                // An approximation word may open the brackets: "190 pieds (environ 58
                // mètres)".
                let bracketed = |gap: &str| {
                    gap.trim().strip_prefix('(').is_some_and(|rest| {
                        rest.split_whitespace().count() <= 2
                            && rest.chars().all(|c| c.is_alphabetic() || c.is_whitespace())
                    })
                };
                let converted = out.iter().any(|f| {
                    matches!(f.value, Value::Measure(..))
                        && f.end <= all.start()
                        && bracketed(&text[f.end..all.start()])
                });
                if converted {
                    conversions.push((all.start(), all.end()));
                } else if let (Some(unit), Some(n)) = (unit, n) {
                    out.push(Found::exact(
                        all.start(),
                        all.end(),
                        Value::Measure(n, unit.clone()),
                    ));
                }
            }
        }
        for c in self.count.captures_iter(text) {
            let all = c.get(0).expect("group 0");
            let digits = c.name("num").map_or(all.as_str(), |m| m.as_str());
            let year_like = digits.len() == 4
                && digits.chars().all(|c| c.is_ascii_digit())
                && (1800..=2100).contains(&digits.parse::<u32>().unwrap_or(0));
            // "18:30" is a time; "rose to 144: another victim died" is a count.
            let digit_after_colon = text[all.end()..]
                .strip_prefix(':')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            let clock = digit_after_colon || text[..all.start()].ends_with(':');
            // "three-train collision" counts trains: a frame's `units` decide what a count
            // may count.
            let converted = conversions
                .iter()
                .any(|&(s, e)| s <= all.start() && all.start() < e);
            // "32nd", "32e": an ordinal is its number.
            let ending: String = text[all.end()..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let ordinal = !ending.is_empty() && self.is_ordinal_suffix(&ending);
            if !starts_ok(all.start())
                || designation(text, all.start())
                || (word_char_at(text, all.end()) && !ordinal)
                || clock
                || converted
            {
                continue;
            }
            // A bare year between words ("belief sich 2023 auf", "cerró 2023 con") is a
            // year, wherever no date pattern took it first; after a dash or a slash it is
            // part of a range or a code, and before a percent sign no year. After a bound
            // and before a word ("около 2100 получили ранения", "more than 2050 people")
            // it is a count; a bounded year ends its clause ("since at least 2014.",
            // "deutlich mehr als 2021, als …").
            let bounded_count = || {
                text[all.end()..]
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(char::is_alphabetic))
                    && self.approx_before(text, all.start()) != Approx::Exact
            };
            if year_like && !bounded_count() {
                // A comma or a full stop joins only digits: "2014," ends a clause.
                let before = &text[..all.start()];
                let after = &text[all.end()..];
                let digit_beyond = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
                let joined = before.ends_with(['-', '–', '/'])
                    || after.starts_with(['-', '–', '/', '%'])
                    || (before.ends_with(['.', ','])
                        && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()))
                    || (after.starts_with(['.', ',']) && digit_beyond(&after[1..]));
                let year: i32 = digits.parse().unwrap_or(0);
                if !joined
                    && (1900..=2100).contains(&year)
                    && let Some(iv) = crate::time::Interval::year(year)
                {
                    out.push(Found::exact(
                        all.start(),
                        all.end(),
                        Value::Date(DateValue::Resolved(iv)),
                    ));
                }
                continue;
            }
            // A capitalised number word inside a sentence is a name: "Lima, Peru", "Liga
            // Satu". At the start of a sentence it is a number ("Seventeen coaches").
            let capital = digits.chars().next().is_some_and(char::is_uppercase);
            let before = text[..all.start()].trim_end();
            // A dateline dash opens a sentence too: "MOSCOW - Three people were killed".
            let sentence_start = before.is_empty()
                || before.ends_with(['.', '!', '?', ':', '"', '“', '«', '(', '\n', '-', '–', '—']);
            if capital && !sentence_start {
                continue;
            }
            if let Some(n) = self.parse_exact(digits, self.scale_of(&c)) {
                // An ordinal's ending is part of it ("32nd").
                let end = all.end() + if ordinal { ending.len() } else { 0 };
                out.push(Found::exact(all.start(), end, Value::Count(n)));
            }
        }
    }

    /// "a million people", "medio millón de personas", "полмиллиона человек", "sejuta
    /// orang": a number word before a scale word written out is a count, or an amount
    /// when a currency follows ("a billion dollars", "mil millones de euros").
    fn scan_scale_leads(&self, text: &str, out: &mut Vec<Found>) {
        let Some((re, values)) = &self.scale_leads else {
            return;
        };
        for c in re.captures_iter(text) {
            let all = c.get(0).expect("group 0");
            // "a million-dollar home" is no count of a million.
            if word_char_before(text, all.start())
                || text[all.end()..].starts_with(['-', '‑'])
                || out
                    .iter()
                    .any(|f| f.start < all.end() && all.start() < f.end)
            {
                continue;
            }
            let Some(lead) = (0..values.len()).find(|i| c.name(&format!("l{i}")).is_some()) else {
                continue;
            };
            let scale = (0..values.len())
                .find_map(|i| c.name(&format!("s{i}")))
                .map_or(1.0, |s| {
                    self.scales.get(&key(s.as_str())).copied().unwrap_or(1.0)
                });
            let Some(n) = Num::from_f64(values[lead] * scale) else {
                continue;
            };
            let value = if let Some(code) = c
                .name("cur")
                .and_then(|m| self.currencies.get(&norm_space(&m.as_str().to_lowercase())))
            {
                Value::Money {
                    amount: n,
                    currency: code.clone(),
                }
            } else if let Some(unit) = c
                .name("unit")
                .and_then(|m| self.units.get(&norm_space(&m.as_str().to_lowercase())))
            {
                Value::Measure(n.f64(), unit.clone())
            } else {
                Value::Count(n)
            };
            let end = all.end();
            out.push(Found::exact(all.start(), end, value));
        }
        out.sort_by_key(|f| f.start);
    }
}

/// Lowercase text with runs of whitespace made one space.
/// The last 200 bytes or so of `text[..end]` (at a character boundary): what a marker or
/// lead word right before a value is read from. Reading the whole prefix for every value
/// cost a line's length squared (issue 13: a 5 MB line with no sentence end).
fn text_before(text: &str, end: usize) -> &str {
    let mut from = end.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    &text[from..end]
}

pub(crate) fn norm_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Is the character at byte `i` of `text` (if any) part of a word?
pub(crate) fn word_char_at(text: &str, i: usize) -> bool {
    text[i..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
}

/// Does the number at byte `i` end a name's designation, hyphened to a capitalised word:
/// "An-24", "F-16", "Covid-19", "Ан-24"? Then it names a thing and counts nothing.
fn designation(text: &str, i: usize) -> bool {
    let Some(before) = text[..i].strip_suffix(['-', '‑']) else {
        return false;
    };
    let word: Vec<char> = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    word.iter().any(|c| c.is_uppercase())
}

/// Is the character before byte `i` part of a word?
pub(crate) fn word_char_before(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric())
}

/// `v`'s kind and unit with the number `n`: a percent, a duration or a measurement (money
/// keeps its own scale and is left alone).
fn with_number(v: &Value, n: f64) -> Option<Value> {
    match v {
        Value::Percent(_) => Some(Value::Percent(n)),
        Value::Duration(_, u) => Some(Value::Duration(n, *u)),
        Value::Measure(_, u) => Some(Value::Measure(n, u.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar's patterns are compiled only when a text needs them: each must compile.
    #[test]
    fn every_generated_pattern_compiles() {
        let set = rules::load(&rules::default_sources()).unwrap();
        for (code, lang) in &set.langs {
            let g = Grammar::new(lang);
            let own = [&g.measure, &g.money, &g.percent, &g.duration, &g.factor];
            let all: Vec<&Compiled> = own
                .into_iter()
                .flatten()
                .chain([&g.count])
                .chain(g.dates.patterns())
                .collect();
            assert!(all.len() >= 4, "{code}: {} patterns", all.len());
            for p in all {
                let re: &crate::rx::Regex = p;
                assert!(re.capture_names().count() >= 1, "{code}: {}", p.as_str());
            }
        }
    }

    #[test]
    fn a_designation_ends_no_count() {
        assert!(designation(
            "the Antonov An-24 crashed",
            "the Antonov An-".len()
        ));
        assert!(designation("Covid-19 cases", 6));
        assert!(designation("самолёт Ан-24", "самолёт Ан-".len()));
        // A lowercase word before the hyphen opens a range or a time: "mid-2024".
        assert!(!designation("by mid-2024", 7));
        assert!(!designation("killed 24 people", 7));
    }

    #[test]
    fn a_bound_holds_its_own_number() {
        use crate::rules::Approx;
        let agree = |a: Value, ax, b: Value, bx| {
            matches!(compare_approx(&a, ax, &b, bx, 0.0), Compat::Agree(_))
        };
        // "nearly 80%" and "80%"; "more than 3,500" and "3,500": one figure rounded two ways.
        assert!(agree(
            Value::Percent(80.0),
            Approx::Under,
            Value::Percent(80.0),
            Approx::Exact
        ));
        let n = |x| Value::Count(number::Num::int(x));
        assert!(agree(n(3500), Approx::Over, n(3500), Approx::Exact));
        // Beyond the bound they still cannot both hold.
        assert!(!agree(n(3500), Approx::Over, n(3400), Approx::Exact));
        assert!(!agree(
            Value::Percent(80.0),
            Approx::Under,
            Value::Percent(81.0),
            Approx::Exact
        ));
    }

    #[test]
    fn nearly_is_a_little_under_not_anything_under() {
        use crate::rules::Approx;
        let n = |x| Value::Count(number::Num::int(x));
        let agree = |a: Value, ax, b: Value, bx| {
            matches!(compare_approx(&a, ax, &b, bx, 0.0), Compat::Agree(_))
        };
        // "почти 10 тысяч" evacuated and "sekitar 1.300" cannot both hold; "less than
        // 10,000" and 1,300 can.
        assert!(!agree(n(10000), Approx::Nearly, n(1300), Approx::About));
        assert!(agree(n(10000), Approx::Under, n(1300), Approx::About));
        // "nearly 10,000" is 9,200, or 10,000 itself rounded; not 10,500.
        assert!(agree(n(10000), Approx::Nearly, n(9200), Approx::Exact));
        assert!(agree(n(10000), Approx::Nearly, n(10000), Approx::Exact));
        assert!(!agree(n(10000), Approx::Nearly, n(10500), Approx::Exact));
        // A fall told "nearly 20%" is a fall of 16% to 20%.
        let p = Value::Percent;
        assert!(agree(p(-20.0), Approx::Nearly, p(-18.0), Approx::Exact));
        assert!(!agree(p(-20.0), Approx::Nearly, p(-5.0), Approx::Exact));
    }

    #[test]
    fn values_differ_decides_as_compare_approx() {
        use crate::rules::Approx;
        let mut seed = 0x1234_5678_9abc_def1u64;
        let mut next = move |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        let approx = [
            Approx::Exact,
            Approx::About,
            Approx::Over,
            Approx::Under,
            Approx::Nearly,
            Approx::AtLeast,
            Approx::AtMost,
            Approx::From,
            Approx::To,
        ];
        let value = |k: u64, n: i64| match k {
            0 => Value::Count(number::Num::int(n)),
            1 => Value::Percent(n as f64 / 10.0),
            2 => Value::Money {
                amount: number::Num::int(n * 1000),
                currency: "EUR".into(),
            },
            _ => Value::Duration(n as f64, 'Y'),
        };
        for _ in 0..20_000 {
            let kind = next(4);
            let a = value(kind, 1 + next(60) as i64);
            let b = value(
                if next(8) == 0 { next(4) } else { kind },
                1 + next(60) as i64,
            );
            let n = approx.len() as u64;
            let (ax, bx) = (approx[next(n) as usize], approx[next(n) as usize]);
            let tolerance = [0.0, 0.05][next(2) as usize];
            let want = match compare_approx(&a, ax, &b, bx, tolerance) {
                Compat::Agree(_) => Some(false),
                // Two floors or two ceilings of different figures may still be one count
                // told twice: they differ only when their intervals do not meet.
                // Two floors or two ceilings of different figures may be one count told
                // on two days: their intervals meet, and linking takes them as one.
                Compat::Conflict(r) if r.contains("two different") => Some(false),
                Compat::Conflict(_) => Some(true),
                Compat::Unknown(_) => None,
            };
            assert_eq!(
                values_differ(&a, ax, &b, bx, tolerance),
                want,
                "{a:?} {ax:?} {b:?} {bx:?} {tolerance}"
            );
        }
    }
    use crate::rules;

    /// `fmt_num`'s integer fast paths print what exact float formatting prints.
    #[test]
    fn numbers_print_as_exact_formatting_does() {
        let slow = |x: f64| {
            let r = x.round();
            if (x - r).abs() <= 1e-9 * x.abs().max(1.0) {
                format!("{r:.0}")
            } else {
                let s = format!("{x:.4}");
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            }
        };
        let mut xs = vec![
            0.0,
            -0.0,
            -0.00001,
            0.00005,
            0.00015,
            1.5,
            2.5,
            -2.5,
            110.6,
            4.9,
            0.1 + 0.2,
        ];
        xs.extend([
            1e15,
            9.1e18,
            1e20,
            99999999999999999999999999999.0,
            3101.2e9,
            15.4,
            66.04,
        ]);
        // A deterministic spread of magnitudes, signs and fractions.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mantissa = (seed % 10_000_000) as f64;
            let scale = 10f64.powi((seed >> 40) as i32 % 12 - 6);
            let sign = if seed & 1 == 0 { 1.0 } else { -1.0 };
            xs.push(sign * mantissa * scale);
            xs.push(sign * ((seed >> 20) % 100_000) as f64 / 10.0);
        }
        for x in xs {
            let text = slow(x);
            assert_eq!(fmt_num(x), text, "{x:e}");
            let decimals = text.split('.').nth(1).map_or(0, str::len);
            assert_eq!(fmt_decimals(x), decimals, "{x:e}");
        }
    }

    fn time(date: &str, hour: u32, minute: u32, offset: Option<i32>) -> TimeOfDay {
        TimeOfDay {
            date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            hour,
            minute,
            offset,
        }
    }

    #[test]
    fn times_of_day_compare_in_utc_when_both_name_a_zone() {
        // 02:10 Moscow time on 11 August is 23:10 UTC on 10 August.
        let moscow = time("2023-08-11", 2, 10, Some(180));
        let utc = time("2023-08-10", 23, 10, Some(0));
        assert_eq!(moscow.canonical(), "2023-08-11T02:10+03:00");
        assert!(matches!(compare_times(&moscow, &utc), Compat::Agree(_)));
        // Without a zone on one side, the clock times are compared as written.
        let local = time("2023-08-11", 2, 15, None);
        assert!(matches!(
            compare_times(&moscow, &local),
            Compat::Conflict(_)
        ));
        // Two days, both given: two times, not one in conflict.
        let other_day = time("2023-08-12", 2, 10, None);
        assert!(matches!(
            compare_times(&local, &other_day),
            Compat::Unknown(_)
        ));
        assert_eq!(time("", 7, 5, None).canonical(), "T07:05");
    }

    pub(super) fn grammar(code: &str) -> Grammar {
        let set = rules::load(&rules::default_sources()).unwrap();
        Grammar::new(&set.langs[code])
    }

    fn values(g: &Grammar, text: &str, published: Option<&str>) -> Vec<String> {
        let anchor = published.and_then(PartialDate::parse);
        g.scan(text, anchor)
            .iter()
            .map(|f| f.value.canonical())
            .collect()
    }

    #[test]
    fn clock_durations_are_iso_and_join_hours_with_minutes() {
        let cases = [
            (
                "en",
                "The meeting lasted three hours and the statement 12 minutes.",
                vec!["PT3H", "PT12M"],
            ),
            (
                "ru",
                "Беседа длилась около 2 часов 45 минут.",
                vec!["PT2H45M"],
            ),
            ("id", "Rapat berlangsung 3 jam 20 menit.", vec!["PT3H20M"]),
            ("fr", "La séance a duré 40 minutes.", vec!["PT40M"]),
        ];
        for (lang, text, want) in cases {
            assert_eq!(values(&grammar(lang), text, None), want, "{text}");
        }
        // A time of day, and a compound that names another thing, are no durations.
        assert!(
            !values(&grammar("fr"), "Le vote a commencé à 9 heures.", None)
                .iter()
                .any(|v| v.starts_with("PT"))
        );
        assert!(
            !values(
                &grammar("de"),
                "Die Gewerkschaft will die 35-Stunden-Woche.",
                None
            )
            .iter()
            .any(|v| v.starts_with("PT"))
        );
        // Hours and minutes compare in seconds.
        let (a, b) = (Value::Duration(2.75, 'h'), Value::Duration(165.0, 'n'));
        assert!(matches!(compare(&a, &b, 0.0), Compat::Agree(_)));
    }

    #[test]
    fn a_weekday_in_a_future_clause_is_the_next_one() {
        // Published on Saturday 9 July 2022.
        let on = |lang: &str, text: &str| values(&grammar(lang), text, Some("2022-07-09"));
        assert_eq!(
            on("en", "The funeral will be held on Tuesday."),
            ["2022-07-12"]
        );
        assert_eq!(
            on("en", "Police said on Tuesday the toll rose."),
            ["2022-07-05"]
        );
        // A clause ends at a comma, not at the point of a time of day.
        assert_eq!(
            on(
                "en",
                "The funeral will take place, officials said on Tuesday."
            ),
            ["2022-07-05"]
        );
        assert_eq!(
            on(
                "de",
                "Die Trauerfeier soll am Dienstag um 13.00 Uhr stattfinden."
            ),
            ["2022-07-12", "2022-07-12T13:00"]
        );
        // "soll … haben" reports; "seit" has begun.
        assert_eq!(
            on(
                "de",
                "Sie soll am Freitag gegen 18.05 Uhr zugestochen haben."
            ),
            ["2022-07-08", "2022-07-08T18:05"]
        );
        assert_eq!(
            on("de", "Der Güterverkehr wird seit Dienstag bestreikt."),
            ["2022-07-05"]
        );
        // Punctuation of more than one byte before or after the weekday (a dash, a quote).
        assert_eq!(
            on("fr", "Paris — Les obsèques auront lieu mardi » à Tokyo."),
            ["2022-07-12"]
        );
    }

    #[test]
    fn english_dates_money_and_percent() {
        let en = grammar("en");
        assert_eq!(
            values(
                &en,
                "On Aug. 9, trade rose 10% to $4 billion.",
                Some("2022-08-20")
            ),
            ["2022-08-09", "10%", "4000000000 USD"]
        );
        assert_eq!(
            values(
                &en,
                "the economy will contract 6% this year",
                Some("2022-08")
            ),
            ["-6%", "2022"]
        );
        assert_eq!(
            values(&en, "China traded $14.8 billion", None),
            ["14800000000 USD"]
        );
        assert_eq!(values(&en, "a 25-year deal", None), ["P25Y"]);
    }

    #[test]
    fn a_date_off_the_calendar_is_no_value_at_all() {
        let (en, de, fr) = (grammar("en"), grammar("de"), grammar("fr"));
        let none: [&str; 0] = [];
        assert_eq!(
            values(&en, "The storm hit on 31 February 2023.", None),
            none
        );
        assert_eq!(values(&en, "It hit on 2023-02-30, they said.", None), none);
        assert_eq!(values(&en, "It hit on 30/02/2023.", None), none);
        assert_eq!(
            values(&de, "Am 30. Februar 2024 kam es zum Unglück.", None),
            none
        );
        assert_eq!(
            values(&fr, "Le 31 avril 2023, il y a eu 3 morts.", None),
            ["3"]
        );
        // Real days stay, the leap day of a leap year included.
        assert_eq!(
            values(&en, "It hit on 29 February 2024 and on 2023-02-28.", None),
            ["2024-02-29", "2023-02-28"]
        );
        assert_eq!(values(&en, "It hit on 29 February 2023.", None), none);
        // No day a month could have: no date, good or bad, and the figure stays.
        assert_eq!(
            values(
                &de,
                "Im Dezember 97 Prozent der Mitglieder",
                Some("2024-01")
            ),
            ["2023-12", "97%"]
        );
    }

    /// Each value with its approximation sign (">=21", "<=P68Y").
    fn signed(g: &Grammar, text: &str) -> Vec<String> {
        g.scan(text, None)
            .iter()
            .map(|f| format!("{}{}", f.approx.sign(), f.value.canonical()))
            .collect()
    }

    #[test]
    fn an_ordinal_is_its_number_and_its_ending_no_unit() {
        let (en, fr, ru) = (grammar("en"), grammar("fr"), grammar("ru"));
        assert_eq!(values(&en, "Sweden became the 32nd member", None), ["32"]);
        assert_eq!(values(&fr, "la Suède devient le 32e membre", None), ["32"]);
        assert_eq!(values(&ru, "Швеция стала 32-м членом", None), ["32"]);
        // A unit is still a unit.
        assert_eq!(values(&ru, "на глубине 32 м", None), ["32 m"]);
        assert_eq!(
            values(&en, "it reached 51.8 degrees Celsius", None),
            ["51.8 °C"]
        );
    }

    #[test]
    fn a_weekday_beside_a_week_is_that_day() {
        let (de, en) = (grammar("de"), grammar("en"));
        // Published on Saturday 15 October 2022: the Saturday a week before is the 8th.
        assert_eq!(
            values(
                &de,
                "am Samstag vor einer Woche um 6.03 Uhr",
                Some("2022-10-15")
            ),
            ["2022-10-08", "2022-10-08T06:03"]
        );
        assert_eq!(
            values(&en, "last week on Tuesday", Some("2022-10-15")),
            ["2022-10-04"]
        );
    }

    #[test]
    fn a_range_is_two_bounds_and_a_change_is_no_range() {
        let (fr, de, en) = (grammar("fr"), grammar("de"), grammar("en"));
        assert_eq!(signed(&fr, "âgés de 27 à 74 ans"), [">=P27Y", "<=P74Y"]);
        assert_eq!(
            signed(&de, "zwischen 21 und 68 Jahre alt"),
            [">=P21Y", "<=P68Y"]
        );
        assert_eq!(
            signed(&en, "between 500 and 800 people"),
            [">=500", "<=800"]
        );
        // A change from one value to another: both are exact.
        assert_eq!(signed(&fr, "le bilan est passé de 12 à 15"), ["12", "15"]);
        assert_eq!(signed(&en, "the toll rose from 12 to 15"), ["12", "15"]);
        // Two numbers joined by "and" without "between" are two numbers.
        assert_eq!(signed(&en, "21 and 68 people"), ["21", "68"]);
    }

    #[test]
    fn a_change_from_one_figure_to_another_makes_the_first_an_earlier_one() {
        let approx = |code: &str, text: &str| -> Vec<(String, Approx)> {
            grammar(code)
                .scan(text, None)
                .into_iter()
                .map(|f| (f.value.canonical(), f.approx))
                .collect()
        };
        let was =
            |a: &str, b: &str| vec![(a.to_string(), Approx::Was), (b.to_string(), Approx::Exact)];
        assert_eq!(
            approx("en", "the toll rose from 74 to 79 by evening"),
            was("74", "79")
        );
        assert_eq!(
            approx("fr", "le bilan est passé de 74 à 79 morts"),
            was("74", "79")
        );
        assert_eq!(
            approx("de", "die Zahl der Toten stieg von 74 auf 79"),
            was("74", "79")
        );
        assert_eq!(
            approx("id", "korban tewas naik dari 74 menjadi 79 orang"),
            was("74", "79")
        );
        // The change word may stand well before it in the clause.
        assert_eq!(
            approx(
                "ru",
                "служба повысила число погибших в результате пожара в Аттике с 86 до 91 человека"
            ),
            was("86", "91")
        );
        // Without a change word in its clause it is no change: "с 9 до 18 часов" is a span.
        assert!(
            approx("ru", "Музей открыт, с 10 до 18")
                .iter()
                .all(|(_, a)| *a != Approx::Was)
        );
        // A change and where it led are two figures of their own.
        assert_eq!(
            approx("en", "net profit rose 19.4% to Rp 48.6 trillion"),
            [
                ("19.4%".to_string(), Approx::Exact),
                ("48600000000000 IDR".to_string(), Approx::Exact)
            ]
        );
    }

    #[test]
    fn indonesian_dates_and_money() {
        let id = grammar("id");
        assert_eq!(
            values(&id, "di Teheran pada 19 Juli 2022 kemarin.", None),
            ["2022-07-19"]
        );
        assert_eq!(values(&id, "senilai US$4 miliar", None), ["4000000000 USD"]);
        assert_eq!(
            values(&id, "sebesar 14,8 miliar dolar AS", None),
            ["14800000000 USD"]
        );
        assert_eq!(values(&id, "pekan lalu", Some("2022-08")), ["last week"]);
        assert_eq!(values(&id, "bulan ini", Some("2022-08-20")), ["2022-08"]);
    }

    #[test]
    fn unresolved_without_anchor() {
        let en = grammar("en");
        assert_eq!(
            values(&en, "In July, and last week", None),
            ["--07", "last week"]
        );
    }

    #[test]
    fn measurements_compare_across_units_of_one_dimension() {
        let m = |x: f64, u: &str| Value::Measure(x, u.into());
        assert!(matches!(
            compare(&m(26.0, "km"), &m(16.0, "mi"), 0.05),
            Compat::Agree(r) if r.contains("16 mi converted")
        ));
        assert!(matches!(
            compare(&m(10900.0, "ft"), &m(2000.0, "m"), 0.05),
            Compat::Conflict(_)
        ));
        assert!(matches!(
            compare(&m(44.0, "km"), &m(44.0, "km/h"), 0.05),
            Compat::Unknown(_)
        ));
    }

    #[test]
    fn two_floors_or_two_ceilings_are_two_figures_unless_one_is_the_other_rounded() {
        let n = |x: i64| Value::Count(number::Num::int(x));
        let differ = |a: i64, ax: Approx, b: i64, bx: Approx| {
            matches!(
                compare_approx(&n(a), ax, &n(b), bx, 0.0),
                Compat::Conflict(_)
            )
        };
        // "up to 300 soldiers" and "up to 1,000"; "more than 76,000" and "at least 121,000".
        assert!(differ(300, Approx::AtMost, 1000, Approx::AtMost));
        assert!(differ(76_000, Approx::Over, 121_000, Approx::AtLeast));
        // "more than 700,000" is "more than 734,000" rounded down.
        assert!(!differ(734_000, Approx::Over, 700_000, Approx::Over));
        // A floor and a ceiling, a bound and an exact figure: their intervals decide.
        assert!(differ(300, Approx::AtMost, 1000, Approx::Over));
        assert!(!differ(20, Approx::AtLeast, 25, Approx::Exact));
        // The ends of two ranges ("aged 27 to 74", "aged 21 to 68") are no figures.
        assert!(!differ(27, Approx::From, 21, Approx::From));
        assert!(!differ(74, Approx::To, 68, Approx::To));
        // Linking takes two floors as one count told twice.
        assert_eq!(
            values_differ(&n(76_000), Approx::Over, &n(121_000), Approx::Over, 0.0),
            Some(false)
        );
    }

    #[test]
    fn every_unit_symbol_has_a_dimension_and_converts_within_it() {
        // One row per symbol: a second would never be read.
        let symbols: std::collections::BTreeSet<&str> = UNITS.iter().map(|(u, ..)| *u).collect();
        assert_eq!(symbols.len(), UNITS.len());
        let m = |x: f64, u: &str| Value::Measure(x, u.into());
        let verdict = |a: Value, b: Value| match compare(&a, &b, 0.0) {
            Compat::Agree(_) => "agree",
            Compat::Conflict(_) => "conflict",
            Compat::Unknown(_) => "unknown",
        };
        // "6,400 megawatts" and "6.4 GW"; "12 knots" and "22 km/h"; "8 TeV" and "8000 GeV".
        assert_eq!(verdict(m(6400.0, "MW"), m(6.4, "GW")), "agree");
        assert_eq!(verdict(m(12.0, "kn"), m(22.0, "km/h")), "agree");
        assert_eq!(verdict(m(8.0, "TeV"), m(8000.0, "GeV")), "agree");
        // "5 sigma" may be "4.9 sigma" rounded, as "19%" may be "19.4%"; "3 sigma" may not.
        assert_eq!(verdict(m(5.0, "sigma"), m(4.9, "sigma")), "agree");
        assert_eq!(verdict(m(5.0, "sigma"), m(3.0, "sigma")), "conflict");
        // Power and energy are two dimensions: never compared.
        assert_eq!(verdict(m(6400.0, "MW"), m(6400.0, "MWh")), "unknown");
    }

    #[test]
    fn two_estimates_are_two_figures_unless_one_is_the_other_rounded() {
        let n = |x: i64| Value::Count(number::Num::int(x));
        let differ = |a: i64, b: i64| {
            matches!(
                compare_approx(&n(a), Approx::About, &n(b), Approx::About, 0.0),
                Compat::Conflict(_)
            )
        };
        // "some 600,000 marchers" and "about 700,000"; "about 145,000 members" and "about
        // 160,000": their ranges meet, but each is a figure rounded, and they differ.
        assert!(differ(600_000, 700_000));
        assert!(differ(145_000, 160_000));
        // "about five points" is not "about ten", though ten is five rounded up.
        assert!(differ(5, 10));
        // "about 3.4 million" rounded further is "about 3 million".
        assert!(!differ(3_400_000, 3_000_000));
        assert!(!differ(700_000, 700_000));
        // An estimate against an exact figure keeps its range: "about 600,000" allows 640,000.
        assert!(!matches!(
            compare_approx(&n(600_000), Approx::About, &n(640_000), Approx::Exact, 0.0),
            Compat::Conflict(_)
        ));
        // Linking takes two estimates whose ranges meet as one count told twice.
        assert_eq!(
            values_differ(&n(600_000), Approx::About, &n(700_000), Approx::About, 0.0),
            Some(false)
        );
    }

    #[test]
    fn a_measure_and_its_rounded_conversion_agree_and_an_approximate_one_is_converted() {
        let m = |x: f64, u: &str| Value::Measure(x, u.into());
        // "some six miles (10 km)": 6 miles is 9.7 km, rounded to its one digit.
        assert!(matches!(
            compare(&m(10.0, "km"), &m(6.0, "mi"), 0.0),
            Compat::Agree(_)
        ));
        assert!(matches!(
            compare_approx(
                &m(10.0, "km"),
                Approx::About,
                &m(6.0, "mi"),
                Approx::About,
                0.0
            ),
            Compat::Agree(_)
        ));
        // Beyond the rounding of either number: 9 miles is 14.5 km.
        assert!(matches!(
            compare(&m(10.0, "km"), &m(9.0, "mi"), 0.0),
            Compat::Conflict(_)
        ));
        assert!(matches!(
            compare_approx(
                &m(10.0, "km"),
                Approx::Over,
                &m(5.0, "mi"),
                Approx::Exact,
                0.0
            ),
            Compat::Conflict(_)
        ));
        assert!(matches!(
            compare_approx(
                &m(10.0, "km"),
                Approx::Over,
                &m(7.0, "mi"),
                Approx::Exact,
                0.0
            ),
            Compat::Agree(_)
        ));
    }

    #[test]
    fn a_bound_on_a_fall_is_on_its_size() {
        // "fell more than 20%" allows a fall of 26%, not one of 15%.
        let fall = Value::Percent;
        assert!(matches!(
            compare_approx(&fall(-20.0), Approx::Over, &fall(-26.0), Approx::Exact, 0.0),
            Compat::Agree(_)
        ));
        assert!(matches!(
            compare_approx(&fall(-20.0), Approx::Over, &fall(-15.0), Approx::Exact, 0.0),
            Compat::Conflict(_)
        ));
        assert_eq!(
            values_differ(&fall(-20.0), Approx::Over, &fall(-26.0), Approx::Exact, 0.0),
            Some(false)
        );
    }

    #[test]
    fn a_rise_and_a_fall_compare_by_size() {
        // "los títulos se hundieron … un 26%" reads as a rise: its verb is four words back.
        let pct = Value::Percent;
        assert!(matches!(
            compare_approx(&pct(-26.0), Approx::Exact, &pct(26.0), Approx::Exact, 0.0),
            Compat::Agree(_)
        ));
        assert!(matches!(
            compare_approx(&pct(-80.0), Approx::About, &pct(71.0), Approx::Exact, 0.0),
            Compat::Conflict(_)
        ));
        assert_eq!(
            values_differ(&pct(-26.0), Approx::Exact, &pct(26.0), Approx::Exact, 0.0),
            Some(false)
        );
    }

    #[test]
    fn compare_reasons() {
        let m = |x: f64| Value::Money {
            amount: Num::from_f64(x).unwrap(),
            currency: "USD".into(),
        };
        assert_eq!(
            compare(&m(3.9e9), &m(4e9), 0.05),
            Compat::Agree("3900000000 USD and 4000000000 USD differ by 2.5%, within 5%".into())
        );
        assert!(matches!(
            compare(
                &Value::Count(Num::int(12)),
                &Value::Count(Num::int(15)),
                0.0
            ),
            Compat::Conflict(_)
        ));
        // Two 29-digit amounts one dollar apart are one float: equal digits alone "both give".
        let big = |s: &str| Value::Money {
            amount: Num::parse(s).unwrap(),
            currency: "USD".into(),
        };
        let (nines, eights) = (
            "99999999999999999999999999999",
            "99999999999999999999999999998",
        );
        assert_eq!(
            compare(&big(nines), &big(nines), 0.05),
            Compat::Agree(format!("both give {nines} USD"))
        );
        assert_eq!(
            compare(&big(nines), &big(eights), 0.05),
            Compat::Agree(format!(
                "{nines} USD and {eights} USD differ by 0%, within 5%"
            ))
        );
        let d = |s: &str| {
            Value::Date(DateValue::Resolved(
                PartialDate::parse(s).unwrap().interval().unwrap(),
            ))
        };
        assert_eq!(
            compare(&d("2022-07-19"), &d("2022-07"), 0.0),
            Compat::Agree("2022-07-19 lies within 2022-07".into())
        );
        assert!(matches!(
            compare(&d("2022-07-19"), &d("2022-07-20"), 0.0),
            Compat::Conflict(_)
        ));
    }
}
