//! Calendar values shared by ingest (manifest dates) and normalize (dates in text):
//! partial dates ("2022", "2022-08", "2022-08-20") and intervals with a granularity.

use chrono::{Datelike, Duration, NaiveDate};
use std::fmt;

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
    /// A span between two dates ("between 2019 and 2021").
    Range,
}

/// A closed interval of days with its granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub granularity: Granularity,
}

impl Interval {
    pub fn day(d: NaiveDate) -> Interval {
        Interval {
            start: d,
            end: d,
            granularity: Granularity::Day,
        }
    }

    pub fn month(year: i32, month: u32) -> Option<Interval> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(Interval {
            start,
            end: next - Duration::days(1),
            granularity: Granularity::Month,
        })
    }

    pub fn year(year: i32) -> Option<Interval> {
        Some(Interval {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
            granularity: Granularity::Year,
        })
    }

    /// The ISO week (Monday to Sunday) that holds `d`.
    pub fn week_of(d: NaiveDate) -> Interval {
        let start = d - Duration::days(d.weekday().num_days_from_monday() as i64);
        Interval {
            start,
            end: start + Duration::days(6),
            granularity: Granularity::Week,
        }
    }

    pub fn range(a: Interval, b: Interval) -> Interval {
        Interval {
            start: a.start.min(b.start),
            end: a.end.max(b.end),
            granularity: Granularity::Range,
        }
    }

    pub fn contains(&self, other: &Interval) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Days between the two intervals (0 when they overlap).
    pub fn gap_days(&self, other: &Interval) -> i64 {
        if self.overlaps(other) {
            0
        } else if self.end < other.start {
            (other.start - self.end).num_days()
        } else {
            (self.start - other.end).num_days()
        }
    }

    /// The interval's canonical ISO 8601 text at its precision.
    pub fn canonical(&self) -> String {
        match self.granularity {
            Granularity::Day => self.start.format("%Y-%m-%d").to_string(),
            Granularity::Week => {
                let w = self.start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Granularity::Month => self.start.format("%Y-%m").to_string(),
            Granularity::Year => self.start.format("%Y").to_string(),
            Granularity::Range => {
                // At the coarsest precision both ends allow: 2019/2021, 2022-07/2022-09.
                let first_of_year = self.start.ordinal() == 1;
                let last_of_year = self.end.month() == 12 && self.end.day() == 31;
                let first_of_month = self.start.day() == 1;
                let last_of_month = (self.end + Duration::days(1)).day() == 1;
                let fmt = if first_of_year && last_of_year {
                    "%Y"
                } else if first_of_month && last_of_month {
                    "%Y-%m"
                } else {
                    "%Y-%m-%d"
                };
                format!("{}/{}", self.start.format(fmt), self.end.format(fmt))
            }
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

/// A date known to the year, month or day: a manifest's `published`, or a document's anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// The day `d`, to the day.
    pub fn of_day(d: NaiveDate) -> PartialDate {
        PartialDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.chars().all(|c| c.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let year = num(parts.first()?, 4)? as i32;
        let d = match parts.len() {
            1 => PartialDate {
                year,
                month: None,
                day: None,
            },
            2 => PartialDate {
                year,
                month: Some(num(parts[1], 2)?),
                day: None,
            },
            3 => PartialDate {
                year,
                month: Some(num(parts[1], 2)?),
                day: Some(num(parts[2], 2)?),
            },
            _ => return None,
        };
        d.interval().map(|_| d)
    }

    pub fn interval(&self) -> Option<Interval> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d).map(Interval::day),
            (Some(m), None) => Interval::month(self.year, m),
            _ => Interval::year(self.year),
        }
    }

    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_at_their_precision() {
        assert_eq!(PartialDate::parse("2022").unwrap().to_string(), "2022");
        assert_eq!(
            PartialDate::parse("2022-08").unwrap().to_string(),
            "2022-08"
        );
        assert_eq!(
            PartialDate::parse("2022-08-20").unwrap().to_string(),
            "2022-08-20"
        );
        assert!(PartialDate::parse("2022-13").is_none());
        assert!(PartialDate::parse("2022-02-30").is_none());
        assert!(PartialDate::parse("22-08").is_none());
    }

    #[test]
    fn intervals_contain_and_render() {
        let july = Interval::month(2022, 7).unwrap();
        let d = Interval::day(NaiveDate::from_ymd_opt(2022, 7, 19).unwrap());
        assert!(july.contains(&d));
        assert!(!d.contains(&july));
        assert_eq!(july.canonical(), "2022-07");
        assert_eq!(
            Interval::week_of(NaiveDate::from_ymd_opt(2022, 8, 10).unwrap()).canonical(),
            "2022-W32"
        );
        assert_eq!(july.gap_days(&Interval::month(2022, 9).unwrap()), 32);
    }
}
