//! Names: what the names a sentence mentions refer to, given what the article said before.
//!
//! Input: a sentence's gazetteer hits, its dates, and the [`People`] the article has named
//! so far. Output: the hits resolved in place: a surname or given name becomes the full name
//! met earlier, a bare title ("the president") the person it last came with, capitalised
//! words of a date are no names, and an unknown name after a preposition of place is a
//! place.

use crate::entities::Hit;
use crate::normalize::{Found, Value};
use crate::rules::{EntityKind, Lang};
use rustc_hash::{FxHashMap, FxHashSet};

/// The people an article has named so far: full names (for surnames) and the title each
/// came with (for "die Kanzlerin", "the president").
#[derive(Default)]
pub(super) struct People {
    names: Names,
    /// The words the article capitalises inside its sentences (see
    /// [`crate::entities::Gazetteer::find_named`]).
    pub(super) named: FxHashSet<String>,
    /// The name and kind each lowercase title last came with.
    titled: FxHashMap<String, (String, EntityKind)>,
    /// The code each of the pack's shared currency words means in this article (see
    /// `Extractor::shared_currencies`).
    pub(super) currencies: std::collections::BTreeMap<String, String>,
    /// The days the article is about: its publication day and the first day its opening
    /// names. A day months away from both is another event's, and no day for a time of day
    /// told without one (`normalize::times_on_days`).
    pub(super) days: Vec<chrono::NaiveDate>,
}

/// The full names met so far, looked up by their words: a surname finds the latest full
/// name that holds it in constant time, so that an article with thousands of names (a
/// whole archive saved as one file) costs no more than its length.
#[derive(Default)]
struct Names {
    known: FxHashSet<String>,
    /// For each word of a full name, the latest full name that holds it.
    by_word: FxHashMap<String, String>,
}

impl Names {
    fn add(&mut self, name: &str) {
        if self.known.insert(name.to_string()) {
            for w in name.split_whitespace() {
                self.by_word.insert(w.to_string(), name.to_string());
            }
        }
    }

    /// The latest full name met that holds `word`.
    fn holding(&self, word: &str) -> Option<&String> {
        self.by_word.get(word)
    }
}

/// Resolve a sentence's names in place, in this order: back-references to names met
/// earlier, date words dropped, bare titles, places after a preposition of place.
pub(super) fn resolve(
    text: &str,
    lang: &Lang,
    hits: &mut Vec<Hit>,
    found: &[Found],
    people: &mut People,
) {
    back_references(text, hits, &mut people.names);
    // Capitalised words of a date ("im Juli", "Senin") are no names, nor those inside
    // another value ("neun Milliarden Franken").
    hits.retain(|h| {
        h.kind != EntityKind::Unknown
            || !found.iter().any(|f| match f.value {
                Value::Date(_) => f.start < h.end && h.start < f.end,
                _ => f.start <= h.start && h.end <= f.end,
            })
    });
    titled_people(text, lang, hits, &mut people.titled);
    places(text, lang, hits);
}

/// A later surname refers back to the full name met earlier in the article; `names`
/// collects the full names met so far.
fn back_references(text: &str, hits: &mut Vec<Hit>, names: &mut Names) {
    for h in hits.iter_mut() {
        if h.kind != EntityKind::Unknown {
            continue;
        }
        if h.name.split_whitespace().count() >= 2 {
            names.add(&h.name);
        } else if let Some(full) = names.holding(&h.name) {
            // "Jalali" or "Mahfud": the surname, or the given name many Indonesian
            // reports use.
            h.name = full.clone();
        }
    }
    // A sentence that opens with one known name ("Nico menepis …"): a lone capitalised
    // word there is no name unless the article named that person in full before.
    if let Some(first) = text.split_whitespace().next() {
        let word = first.trim_end_matches([',', ':']);
        let taken = hits.iter().any(|h| h.start == 0);
        if !taken
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && let Some(full) = names.holding(word)
        {
            hits.insert(
                0,
                Hit {
                    start: 0,
                    end: word.len(),
                    name: full.clone(),
                    kind: EntityKind::Unknown,
                    form: crate::entities::Form::Name,
                    country: None,
                },
            );
        }
    }
}

/// Record the title before each person's name ("Kanzlerin Angela Merkel", "President Joe
/// Biden"), then read a bare title with no name after it ("Die Kanzlerin hatte sich…", "the
/// president said") as the person it last came with.
fn titled_people(
    text: &str,
    lang: &Lang,
    hits: &mut Vec<Hit>,
    titled: &mut FxHashMap<String, (String, EntityKind)>,
) {
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    for h in hits.iter() {
        let person = h.kind == EntityKind::Person
            || (h.kind == EntityKind::Unknown && h.name.split_whitespace().count() >= 2);
        if !person {
            continue;
        }
        if let Some(t) = text[..h.start]
            .split_whitespace()
            .rev()
            .take(3)
            .map(bare)
            .find(|w| lang.is_title(w))
        {
            titled.insert(t.to_lowercase(), (h.name.clone(), h.kind));
        }
    }
    let mut pos = 0;
    let mut extra = Vec::new();
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| {
            let at = pos + text[pos..].find(w).unwrap_or(0);
            pos = at + w.len();
            (at, w)
        })
        .collect();
    for (i, &(at, w)) in words.iter().enumerate() {
        let word = bare(w);
        if word.is_empty() || !lang.is_title(&word) {
            continue;
        }
        let start = at + w.find(word.as_str()).unwrap_or(0);
        let end = start + word.len();
        let covered = hits.iter().any(|h| h.start < end && start < h.end);
        // "Kanzlerin Angela Merkel": a name follows, so the title is no reference.
        let named_next = words
            .get(i + 1)
            .is_some_and(|(_, n)| n.chars().next().is_some_and(char::is_uppercase))
            && hits.iter().any(|h| h.start >= end && h.start <= end + 2);
        if covered || named_next {
            continue;
        }
        if let Some((name, kind)) = titled.get(&word.to_lowercase()) {
            extra.push(Hit {
                start,
                end,
                name: name.clone(),
                kind: *kind,
                form: crate::entities::Form::Name,
                country: None,
            });
        }
    }
    hits.extend(extra);
    hits.sort_by_key(|h| h.start);
}

/// A name no list knows, right after a preposition of place, is a place.
fn places(text: &str, lang: &Lang, hits: &mut [Hit]) {
    for h in hits.iter_mut() {
        if h.kind != EntityKind::Unknown {
            continue;
        }
        // "im Landkreis Ahrweiler": an administrative title may stand between.
        let before: Vec<String> = text[..h.start]
            .split_whitespace()
            .rev()
            .take(2)
            .map(str::to_lowercase)
            .collect();
        let locative = match before.as_slice() {
            [w, ..] if lang.locatives.contains(w) => true,
            [title, w] => lang.locatives.contains(w) && lang.is_place_title(title),
            _ => false,
        };
        if locative {
            h.kind = EntityKind::City;
        }
    }
}

/// The words an article capitalises inside its sentences and never writes in lower case:
/// names, when one of them opens a sentence alone ("Boeing dijo …").
pub(super) fn capitalised_inside<'a>(
    sentences: impl Iterator<Item = &'a str>,
) -> FxHashSet<String> {
    let mut upper: FxHashSet<String> = FxHashSet::default();
    let mut lower: FxHashSet<String> = FxHashSet::default();
    for text in sentences {
        for (i, w) in text.split_whitespace().enumerate() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            match w.chars().next() {
                Some(c) if c.is_uppercase() && i > 0 => {
                    upper.insert(w.to_string());
                }
                Some(c) if c.is_lowercase() => {
                    lower.insert(w.to_string());
                }
                _ => {}
            }
        }
    }
    upper.retain(|w| !lower.contains(&w.to_lowercase()));
    upper
}

#[cfg(test)]
mod tests {
    use super::capitalised_inside;
    use crate::extract::Mention;
    use crate::extract::tests::mentions;

    #[test]
    fn a_bare_title_is_the_person_it_came_with() {
        let ms = mentions(
            "Kanzlerin Angela Merkel sprach am Montag mit den Helfern. Die Kanzlerin besuchte am 18. Juli den Ort Schuld.",
            "de",
            "2021-07-20",
        );
        let visits: Vec<&Mention> = ms.iter().filter(|m| m.rule == "visit").collect();
        assert_eq!(visits.len(), 1, "{ms:?}");
        assert_eq!(visits[0].slots["who"], ["Angela Merkel"]);
        assert_eq!(visits[0].value_text(), "2021-07-18");
    }

    #[test]
    fn capitalised_words_of_a_value_are_no_names() {
        let ms = mentions(
            "Der Bund gewährt der Bank eine Garantie von neun Milliarden Franken.",
            "de",
            "2023-03-19",
        );
        let nine = ms
            .iter()
            .find(|m| m.value_text().starts_with("9000000000"))
            .expect("the amount");
        assert!(
            nine.context
                .values()
                .flatten()
                .all(|t| !t.contains("milliarden")),
            "{:?}",
            nine.context
        );
    }

    #[test]
    fn a_name_after_a_preposition_of_place_is_a_place() {
        let ms = mentions(
            "Im Kreis Ahrweiler kamen 134 Menschen ums Leben.",
            "de",
            "2021-08-11",
        );
        let dead: Vec<&Mention> = ms.iter().filter(|m| m.rule == "casualties").collect();
        assert_eq!(dead.len(), 1);
        assert_eq!(dead[0].slots["place"], ["Ahrweiler"]);
    }

    #[test]
    fn a_word_capitalised_inside_a_sentence_and_never_lowercase_is_a_name() {
        let named = capitalised_inside(
            [
                "Tecnaval said on Monday that the talks had failed.",
                "The workers of Tecnaval walked out.",
                "Yesterday the union said yesterday was the last day.",
                "Officials of the Union met.",
            ]
            .into_iter(),
        );
        assert!(named.contains("Tecnaval"), "{named:?}");
        // A word that opens a sentence only, or is written in lower case elsewhere, is not.
        assert!(
            !named.contains("Yesterday") && !named.contains("The"),
            "{named:?}"
        );
        assert!(!named.contains("Union"), "{named:?}");
    }
}
