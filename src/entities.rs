//! Entities and topics in a sentence: gazetteer aliases (per language and script),
//! demonyms and metonyms; capitalised names in no list (kind `Unknown`), mapped to a known
//! person when their spelling is close enough (strsim); topic words from the lexicons.
//!
//! Input: a sentence and its language. Output: [`Hit`]s and [`TopicHit`]s with byte ranges.

use crate::rules::{EntityKind, Lang, RuleSet};
use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use regex::Regex;
use rustc_hash::FxHashSet;

/// How an entity is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Name,
    Demonym,
    Metonym,
}

/// An entity found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    /// Canonical name.
    pub name: String,
    pub kind: EntityKind,
    pub form: Form,
    /// The country a city or organisation stands for as an agent.
    pub country: Option<String>,
}

/// A topic word found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicHit {
    pub start: usize,
    pub end: usize,
    pub id: String,
    pub group: String,
}

struct Alias {
    entity: usize,
    form: Form,
    lang: Option<String>,
}

/// Compiled gazetteer and name finder.
pub struct Gazetteer {
    ac: Option<AhoCorasick>,
    aliases: Vec<Alias>,
    names: Vec<(String, EntityKind, Option<String>)>,
    capitalised: Regex,
    similarity: f64,
    /// The one-word names and aliases of places (lowercased, with the language an alias is
    /// limited to), and per language their stems, made when first asked.
    place_words: Vec<(String, usize, Option<String>)>,
    place_stems: std::collections::BTreeMap<String, std::sync::OnceLock<PlaceStems>>,
}

/// Places by the stem of their one-word names, `None` where two places share one.
type PlaceStems = rustc_hash::FxHashMap<String, Option<usize>>;

impl Gazetteer {
    pub fn new(rules: &RuleSet) -> Gazetteer {
        let mut patterns = Vec::new();
        let mut aliases = Vec::new();
        for (i, e) in rules.entities.iter().enumerate() {
            let mut add = |s: &str, form: Form, lang: Option<&str>| {
                patterns.push(s.to_string());
                aliases.push(Alias {
                    entity: i,
                    form,
                    lang: lang.map(str::to_string),
                });
            };
            add(&e.name, Form::Name, None);
            for a in &e.aliases {
                add(a, Form::Name, None);
            }
            for (lang, list) in &e.local {
                for a in list {
                    add(a, Form::Name, Some(lang));
                }
            }
            for d in &e.demonyms {
                add(d, Form::Demonym, None);
                // A lowercase adjective opens a sentence capitalised ("Бразильский суд …",
                // "Thailändische Soldaten …").
                let mut chars = d.chars();
                if let Some(first) = chars.next().filter(|c| c.is_lowercase()) {
                    let capital: String = first.to_uppercase().chain(chars).collect();
                    if !e.demonyms.contains(&capital) {
                        add(&capital, Form::Demonym, None);
                    }
                }
            }
            for m in &e.metonyms {
                add(m, Form::Metonym, None);
            }
        }
        let ac = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .expect("gazetteer automaton")
        });
        Gazetteer {
            ac,
            aliases,
            names: rules
                .entities
                .iter()
                .map(|e| (e.name.clone(), e.kind, e.country.clone()))
                .collect(),
            capitalised: {
                // Name particles of every pack may sit between capitalised words.
                let particles = crate::normalize::alternation(
                    rules
                        .langs
                        .values()
                        .flat_map(|l| l.name_particles.iter().map(String::as_str)),
                )
                .map(|p| format!(r"(?:{p}\s+)?"))
                .unwrap_or_default();
                Regex::new(&format!(
                    r"\p{{Lu}}[\p{{L}}\p{{M}}'’\-]*\.?(?:\s+{particles}\p{{Lu}}[\p{{L}}\p{{M}}'’\-]*\.?)*"
                ))
                .expect("name pattern: particles are escaped")
            },
            similarity: rules.settings.name_similarity,
            place_words: rules
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| matches!(e.kind, EntityKind::Country | EntityKind::City))
                .flat_map(|(i, e)| {
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .map(|a| (a.clone(), None))
                        .chain(e.local.iter().flat_map(|(l, list)| {
                            list.iter().map(move |a| (a.clone(), Some(l.clone())))
                        }))
                        .filter(|(a, _)| !a.contains(char::is_whitespace) && a.chars().count() >= 4)
                        .map(move |(a, l)| (a.to_lowercase(), i, l))
                        .collect::<Vec<_>>()
                })
                .collect(),
            place_stems: rules
                .langs
                .keys()
                .map(|code| (code.clone(), std::sync::OnceLock::new()))
                .collect(),
        }
    }

    /// Entities in `text`: gazetteer matches first (longest wins), then unknown names.
    pub fn find(&self, text: &str, lang: &Lang) -> Vec<Hit> {
        self.find_named(text, lang, &FxHashSet::default())
    }

    /// [`Gazetteer::find`] in a sentence of an article: `named` are the words the article
    /// capitalises inside its sentences, so that one of them alone at a sentence's start is
    /// a name too ("Boeing dijo …", when the article also writes "las fábricas de Boeing").
    pub fn find_named(&self, text: &str, lang: &Lang, named: &FxHashSet<String>) -> Vec<Hit> {
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text) {
                let a = &self.aliases[m.pattern().as_usize()];
                if a.lang.as_ref().is_some_and(|l| l != &lang.code) {
                    continue;
                }
                if crate::normalize::word_char_before(text, m.start())
                    || crate::normalize::word_char_at(text, m.end())
                {
                    continue;
                }
                cands.push((m.start(), m.end(), m.pattern().as_usize()));
            }
        }
        cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut hits: Vec<Hit> = Vec::new();
        for (s, e, p) in cands {
            if hits.last().is_some_and(|h| s < h.end) {
                continue;
            }
            let alias = &self.aliases[p];
            let (name, kind, country) = &self.names[alias.entity];
            hits.push(Hit {
                start: s,
                end: e,
                name: name.clone(),
                kind: *kind,
                form: alias.form,
                country: country.clone(),
            });
        }
        let known = hits.clone();
        for m in self.capitalised.find_iter(text) {
            // Split the run at known entities; what remains between them may be a name.
            let mut pieces = vec![(m.start(), m.end())];
            for h in known
                .iter()
                .filter(|h| h.start < m.end() && m.start() < h.end)
            {
                pieces = pieces
                    .into_iter()
                    .flat_map(|(s, e)| {
                        let mut v = Vec::new();
                        if s < h.start {
                            v.push((s, h.start.min(e)));
                        }
                        if h.end < e {
                            v.push((h.end.max(s), e));
                        }
                        v
                    })
                    .collect();
            }
            for (s, e) in pieces {
                if let Some(hit) = self.unknown(text, s, e, lang, named) {
                    hits.push(hit);
                }
            }
        }
        hits.sort_by_key(|h| h.start);
        hits
    }

    /// A name from a run of capitalised words, titles and function words stripped.
    fn unknown(
        &self,
        text: &str,
        s: usize,
        e: usize,
        lang: &Lang,
        named: &FxHashSet<String>,
    ) -> Option<Hit> {
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut pos = s;
        for w in text[s..e].split_whitespace() {
            let at = pos + text[pos..].find(w)?;
            pos = at + w.len();
            words.push((at, w));
        }
        // Strip titles (one or two words), function words and stray possessives
        // ("’s Deputy Prime Minister") from the front.
        loop {
            if let Some(&(_, w)) = words.first()
                && !w.chars().next().is_some_and(char::is_uppercase)
            {
                words.remove(0);
                continue;
            }
            let &(_, first) = words.first()?;
            // A title of several words, the longest first: "Menteri Dalam Negeri Gérald
            // Darmanin", "Wakil Presiden …".
            let phrase = (2..=words.len().min(4)).rev().find(|&k| {
                let t = words[..k]
                    .iter()
                    .map(|(_, w)| *w)
                    .collect::<Vec<&str>>()
                    .join(" ");
                lang.titles.contains(&t)
            });
            if let Some(k) = phrase {
                words.drain(..k);
            } else if lang.is_title(first)
                || lang.is_place_title(first)
                || lang.stopwords.contains(&first.to_lowercase())
            {
                words.remove(0);
            } else {
                break;
            }
        }
        // An acronym before a name is the speaker's organisation: "BCA Jahja Setiaatmadja",
        // "ФСБ Александр Бортников".
        while words.len() >= 3 {
            let w = words[0].1.trim_matches(|c: char| !c.is_alphanumeric());
            let acronym = w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
            if !acronym {
                break;
            }
            words.remove(0);
        }
        // A title inside the run ends what comes before it: "Odisha Chief Secretary
        // Pradeep Jena" is Pradeep Jena.
        if let Some(t) = (1..words.len().saturating_sub(1))
            .rev()
            .find(|&i| lang.is_title(words[i].1))
        {
            words.drain(..=t);
        }
        let (start, _) = *words.first()?;
        let (last_at, last) = *words.last()?;
        let mut end = last_at + last.len();
        for suffix in ["'s", "’s", "'", "’", ".", ","] {
            if text[start..end].ends_with(suffix) {
                end -= suffix.len();
            }
        }
        let name = text[start..end].trim();
        // In a language that capitalises its nouns, a lone word after a determiner or the
        // like is a noun ("jede Verwicklung", "eine Lüge"); an acronym stays a name.
        let after_marker = || {
            crate::words::word_before(text, start)
                .is_some_and(|w| lang.noun_markers.contains(&w.to_lowercase()))
        };
        let acronym = name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if words.len() == 1 && !acronym && after_marker() {
            return None;
        }
        // A lone word at the start of a sentence is more often a capitalised word than a name.
        let sentence_start = text[..start].trim().is_empty();
        // … unless an age follows it: "Rizal (27), seorang suporter, …".
        let aged = text[end..]
            .trim_start()
            .strip_prefix('(')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        // … or the article writes it capitalised inside a sentence too.
        let lone_start = sentence_start && !aged && !named.contains(name);
        if name.is_empty() || (words.len() == 1 && (lone_start || name.chars().count() < 3)) {
            return None;
        }
        if words.len() >= 2 {
            let best = self
                .names
                .iter()
                .filter(|(_, k, _)| *k == EntityKind::Person)
                // The whole name and the surname alike: a spelling of the same person
                // ("Recep Tayyip Erdogan"), not another with the same first name ("Donald
                // Tusk" is not "Donald Trump").
                .map(|(n, k, c)| {
                    let last = |s: &str| s.split_whitespace().last().unwrap_or("").to_string();
                    let score = strsim::jaro_winkler(n, name)
                        .min(strsim::jaro_winkler(&last(n), &last(name)));
                    (score, n, k, c)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((score, n, k, c)) = best
                && score >= self.similarity
            {
                return Some(Hit {
                    start,
                    end,
                    name: n.clone(),
                    kind: *k,
                    form: Form::Name,
                    country: c.clone(),
                });
            }
        }
        // A place the gazetteer knows, inflected, after a preposition of place: "в
        // Японии" (Япония), "im Nordosten Japans" (Japan), the last word of the run. Only
        // there: elsewhere a word with a place's stem may be a person's name ("Китаев").
        let last_word = last.trim_matches(|c: char| !c.is_alphanumeric());
        let placed = crate::words::word_before(text, start)
            .is_some_and(|w| lang.locatives.contains(&w.to_lowercase()));
        if placed && let Some(i) = self.place_by_stem(last_word, lang) {
            let (n, k, c) = &self.names[i];
            return Some(Hit {
                start: last_at,
                end,
                name: n.clone(),
                kind: *k,
                form: Form::Name,
                country: c.clone(),
            });
        }
        Some(Hit {
            start,
            end,
            name: name.to_string(),
            kind: EntityKind::Unknown,
            form: Form::Name,
            country: None,
        })
    }

    /// The known place (country or city) whose one-word name or alias has the stem `word`
    /// has in `lang`, when only one has it.
    fn place_by_stem(&self, word: &str, lang: &Lang) -> Option<usize> {
        let word = word.to_lowercase();
        if word.chars().count() < 4 {
            return None;
        }
        let stems = self.place_stems.get(&lang.code)?.get_or_init(|| {
            let mut by = PlaceStems::default();
            for (alias, entity, only) in &self.place_words {
                if only.as_ref().is_some_and(|l| l != &lang.code) {
                    continue;
                }
                let e = by.entry(lang.stem(alias)).or_insert(Some(*entity));
                if *e != Some(*entity) {
                    *e = None;
                }
            }
            by
        });
        stems.get(&lang.stem(&word)).copied().flatten()
    }
}

/// A list of titles, lowercased once: a whole word is looked up in a set, and only a
/// language that joins titles into compounds ("Verkehrsminister" ends in "minister") tries
/// each single-word title as an ending. Name resolution asks it of every capitalised word;
/// comparing each word with every title was a twenty-fifth of `check --each`.
#[derive(Debug, Default)]
pub struct Titles {
    whole: rustc_hash::FxHashSet<String>,
    /// Single-word titles (no space), for compounds.
    single: Vec<String>,
}

impl Titles {
    pub fn new(titles: &[String]) -> Titles {
        let lower: Vec<String> = titles.iter().map(|t| t.to_lowercase()).collect();
        Titles {
            single: lower.iter().filter(|t| !t.contains(' ')).cloned().collect(),
            whole: lower.into_iter().collect(),
        }
    }

    /// Whether `word` is a title, or with `compounds` a word that ends in one with more than
    /// two letters before it ("Bundeskanzlerin").
    pub fn holds(&self, word: &str, compounds: bool) -> bool {
        let lower = word.to_lowercase();
        self.whole.contains(&lower)
            || (compounds
                && self
                    .single
                    .iter()
                    .any(|t| lower.len() > t.len() + 2 && lower.ends_with(t.as_str())))
    }
}

/// Topic words per language, with one `RegexSet` pass to find which topics a sentence
/// has before any word is located.
pub struct TopicFinder {
    by_lang: std::collections::BTreeMap<
        String,
        (crate::rules::Set, Vec<(usize, crate::rules::Pattern)>),
    >,
    /// Per language: every topic's word patterns, and the topic of each.
    terms: std::collections::BTreeMap<String, crate::words::Owned<usize>>,
    topics: Vec<(String, String)>,
}

impl TopicFinder {
    /// Topic sets for the given languages.
    pub fn new(rules: &RuleSet, languages: &[&str]) -> TopicFinder {
        let mut by_lang: std::collections::BTreeMap<String, Vec<(usize, crate::rules::Pattern)>> =
            Default::default();
        for (ti, t) in rules.topics.iter().enumerate() {
            for (lang, res) in &t.words {
                if !languages.contains(&lang.as_str()) {
                    continue;
                }
                for re in res {
                    by_lang
                        .entry(lang.clone())
                        .or_default()
                        .push((ti, re.clone()));
                }
            }
        }
        let mut terms: std::collections::BTreeMap<String, Vec<(usize, crate::words::WordPattern)>> =
            Default::default();
        for (ti, t) in rules.topics.iter().enumerate() {
            for (lang, ws) in &t.terms {
                if languages.contains(&lang.as_str()) {
                    let pairs = terms.entry(lang.clone()).or_default();
                    pairs.extend(ws.iter().map(|w| (ti, w.clone())));
                }
            }
        }
        TopicFinder {
            terms: terms
                .into_iter()
                .map(|(lang, pairs)| (lang, crate::words::Owned::new(pairs)))
                .collect(),
            by_lang: by_lang
                .into_par_iter()
                .map(|(lang, list)| {
                    let patterns: Vec<&str> = list.iter().map(|(_, re)| re.as_str()).collect();
                    let set = crate::rules::Set::new(&patterns, 256 << 20)
                        .expect("topic patterns compiled once already");
                    (lang, (set, list))
                })
                .collect(),
            topics: rules
                .topics
                .iter()
                .map(|t| (t.id.clone(), t.group.clone()))
                .collect(),
        }
    }

    /// Topic words of `lang` in `text` (whose words are `tokens`), in order.
    pub fn find(&self, text: &str, tokens: &[crate::words::Token], lang: &str) -> Vec<TopicHit> {
        let mut out = Vec::new();
        if let Some(index) = self.terms.get(lang) {
            for (&ti, m) in index.find(tokens) {
                out.push(TopicHit {
                    start: m.start,
                    end: m.end,
                    id: self.topics[ti].0.clone(),
                    group: self.topics[ti].1.clone(),
                });
            }
        }
        if let Some((set, list)) = self.by_lang.get(lang) {
            for i in set.matches(text) {
                let (ti, re) = &list[i];
                for m in re.find_iter(text) {
                    out.push(TopicHit {
                        start: m.start(),
                        end: m.end(),
                        id: self.topics[*ti].0.clone(),
                        group: self.topics[*ti].1.clone(),
                    });
                }
            }
        }
        out.sort_by(|a, b| a.start.cmp(&b.start).then(a.id.cmp(&b.id)));
        out.dedup();
        // The longer term of a group wins: "kredit pemilikan rumah" is a mortgage, not
        // "kredit"; "corporate lending" is not plain "lending".
        let inner = |h: &TopicHit| {
            out.iter().any(|o| {
                o.group == h.group
                    && o.start <= h.start
                    && h.end <= o.end
                    && o.end - o.start > h.end - h.start
            })
        };
        let keep: Vec<bool> = out.iter().map(|h| !inner(h)).collect();
        out.into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(h, _)| h)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Titles;

    #[test]
    fn titles_compare_as_their_lowercase_copies_do() {
        // The plain formulation: lowercase both, then equal or (compounds) a suffix.
        let plain = |word: &str, titles: &[String], compounds: bool| {
            let lower = word.to_lowercase();
            titles.iter().any(|t| {
                let t = t.to_lowercase();
                lower == t
                    || (compounds
                        && !t.contains(' ')
                        && lower.len() > t.len() + 2
                        && lower.ends_with(&t))
            })
        };
        let rules = crate::rules::load(&crate::rules::default_sources()).unwrap();
        let mut checked = 0;
        for lang in rules.langs.values() {
            for list in [&lang.titles, &lang.place_titles] {
                for t in list.iter() {
                    let upper = t.to_uppercase();
                    let words = [
                        t.clone(),
                        upper.clone(),
                        format!("Bundes{t}"),
                        format!("x{t}"),
                        format!("{t}s"),
                        "speaking".to_string(),
                        "Ärztin".to_string(),
                    ];
                    for w in &words {
                        for compounds in [false, true] {
                            assert_eq!(
                                Titles::new(list).holds(w, compounds),
                                plain(w, list, compounds),
                                "{w} {compounds}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn titles_join_compounds_only_where_the_language_does() {
        let titles = vec!["King".to_string(), "Kanzlerin".to_string()];
        // English: "speaking" ends in "king" but is no title.
        let titles = Titles::new(&titles);
        assert!(!titles.holds("speaking", false));
        assert!(titles.holds("King", false));
        // German: "Bundeskanzlerin" is a "Kanzlerin".
        assert!(titles.holds("Bundeskanzlerin", true));
    }

    #[test]
    fn a_known_place_inflected_is_that_place() {
        let rules = crate::rules::load(&crate::rules::default_sources()).unwrap();
        let gazetteer = super::Gazetteer::new(&rules);
        let place = |text: &str, lang: &str, word: &str| {
            let hits = gazetteer.find(text, &rules.langs[lang]);
            let at = text.find(word).unwrap();
            hits.into_iter()
                .find(|h| h.start <= at && at < h.end)
                .map(|h| (h.name, h.kind))
        };
        let japan = Some(("Japan".to_string(), super::EntityKind::Country));
        // After a preposition of place, in the case the sentence puts it in; the last
        // word of a longer place.
        assert_eq!(place("Тогда в Японии погибли люди.", "ru", "Японии"), japan);
        assert_eq!(
            place(
                "Im Nordosten Japans starben viele Menschen.",
                "de",
                "Japans"
            ),
            japan
        );
        // Elsewhere a word with a place's stem may be a name: "Китаев" is no China.
        let person = place("Об этом сообщил Владимир Китаев.", "ru", "Китаев");
        assert_eq!(person.map(|(_, k)| k), Some(super::EntityKind::Unknown));
        // A name whose stem is no place's stays a name no list knows.
        let unknown = place("Тогда в Кракожии погибли люди.", "ru", "Кракожии");
        assert_eq!(unknown.map(|(_, k)| k), Some(super::EntityKind::Unknown));
    }
}
