//! Era: when a page that gives no date at all was written, from the office-holders it names.
//!
//! Input: an article's text (its furniture aside) and the rules' office terms
//! (`rules/entities/offices.toml`). Output: the year (or month) in which every office-holder
//! it names by full name held office, when that time lies within one year, with the reason.
//! "Hassan Rouhani", "Hossein Dehghan" and "Donald Trump" named together were in office
//! together only from January to August 2017.

use crate::rules::Office;
use crate::time::PartialDate;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::ops::Range;

/// At most this many office-holders are listed in the reason.
const LISTED: usize = 4;

/// Whether `name` stands in `text` as whole words, outside `furniture`.
fn names(text: &str, name: &str, furniture: &[Range<usize>]) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(name).any(|(at, _)| {
        let end = at + name.len();
        !word(text[..at].chars().next_back())
            && !word(text[end..].chars().next())
            && !furniture.iter().any(|r| r.start <= at && end <= r.end)
    })
}

/// The intervals (inclusive days) both sets of intervals cover.
fn intersect(
    a: &[(NaiveDate, NaiveDate)],
    b: &[(NaiveDate, NaiveDate)],
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    for &(x0, x1) in a {
        for &(y0, y1) in b {
            let (lo, hi) = (x0.max(y0), x1.min(y1));
            if lo <= hi {
                out.push((lo, hi));
            }
        }
    }
    out.sort();
    out
}

/// The year, or month, when all the office-holders `text` names held office together, with
/// the reason; `None` when it names fewer than two, when they never held office together,
/// or when that time is not within one year.
pub fn era(
    text: &str,
    furniture: &[Range<usize>],
    offices: &[Office],
) -> Option<(PartialDate, String)> {
    let mut terms: BTreeMap<&str, Vec<&Office>> = BTreeMap::new();
    for o in offices {
        if o.names.iter().any(|n| names(text, n, furniture)) {
            terms.entry(o.person.as_str()).or_default().push(o);
        }
    }
    if terms.len() < 2 {
        return None;
    }
    let end = |o: &Office| o.to.unwrap_or(NaiveDate::MAX);
    let mut together = vec![(NaiveDate::MIN, NaiveDate::MAX)];
    for held in terms.values() {
        let spans: Vec<(NaiveDate, NaiveDate)> = held.iter().map(|o| (o.from, end(o))).collect();
        together = intersect(&together, &spans);
    }
    let (lo, hi) = (together.first()?.0, together.last()?.1);
    if hi == NaiveDate::MAX || lo.year() != hi.year() {
        return None;
    }
    let date = PartialDate {
        year: lo.year(),
        month: (lo.month() == hi.month()).then_some(lo.month()),
        day: None,
    };
    // The terms that bound the time, first the ones that open it.
    let mut bounding: Vec<&Office> = terms
        .values()
        .flatten()
        .copied()
        .filter(|o| o.from == lo || o.to == Some(hi))
        .collect();
    bounding.sort_by_key(|o| (o.from != lo, o.from, o.person.clone()));
    bounding.truncate(LISTED);
    let held: Vec<String> = bounding
        .iter()
        .map(|o| {
            let to = o.to.map_or("".to_string(), |t| t.to_string());
            format!("{} ({}, {} to {to})", o.person, o.role, o.from)
        })
        .collect();
    Some((
        date,
        format!(
            "it gives no date; the {} office-holders it names held office together only from {lo} to {hi}: {}",
            terms.len(),
            held.join(", ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn office(person: &str, role: &str, from: &str, to: Option<&str>) -> Office {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        Office {
            person: person.into(),
            names: vec![person.into()],
            role: role.into(),
            from: d(from),
            to: to.map(d),
        }
    }

    fn offices() -> Vec<Office> {
        vec![
            office(
                "Ana Ruiz",
                "President of Freedonia",
                "2010-03-01",
                Some("2019-03-01"),
            ),
            office(
                "Ana Ruiz",
                "Prime Minister of Freedonia",
                "2021-01-01",
                None,
            ),
            office(
                "Boris Lenk",
                "Foreign Minister of Sylvania",
                "2018-05-01",
                Some("2018-11-30"),
            ),
            office("Carla Mott", "President of Sylvania", "2015-01-01", None),
        ]
    }

    #[test]
    fn office_holders_named_together_date_a_page() {
        let text = "Ana Ruiz met Boris Lenk in the capital; Carla Mott sent a message.";
        let (date, why) = era(text, &[], &offices()).expect("a year");
        assert_eq!(date.to_string(), "2018");
        assert!(
            why.contains("Boris Lenk (Foreign Minister of Sylvania"),
            "{why}"
        );
        // Two who held office together for years give no year.
        assert!(era("Ana Ruiz and Carla Mott spoke.", &[], &offices()).is_none());
        // One name alone gives none, nor a surname.
        assert!(era("Boris Lenk spoke to Ruiz.", &[], &offices()).is_none());
        // A name in the page's furniture (a related link) is not the article's.
        let furniture: [Range<usize>; 2] = [13..23, 0..0];
        assert!(era(text, &furniture, &offices()).is_none());
        // Never in office together: no date.
        let apart = vec![
            office("Ana Ruiz", "President", "2010-03-01", Some("2011-03-01")),
            office("Boris Lenk", "Minister", "2012-05-01", Some("2012-11-30")),
        ];
        assert!(era("Ana Ruiz and Boris Lenk", &[], &apart).is_none());
    }
}
