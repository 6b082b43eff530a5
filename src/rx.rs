//! The regexes crosscheck compiles (rule patterns, generated grammar patterns): as
//! `regex::Regex`, case-insensitive and leftmost-first, built with regex-automata's meta
//! engine, optionally without the literal prefilter (and the reverse-suffix and
//! reverse-inner searches built on it). Extracting those literals from case-insensitive
//! Unicode patterns is much of a pattern's build, and the build of the patterns a story
//! uses was most of a small story's run. A pattern searched only where a set said it
//! matches (a trigger, a topic word), or one searched in few texts, gains little from a
//! prefilter; one searched in every sentence gains (measured on the 1k corpus).

use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::captures::Captures as Groups;
use regex_automata::{Input, MatchKind, PatternID, Span, meta, util::syntax};

/// A compiled pattern (see the module).
#[derive(Debug, Clone)]
pub struct Regex {
    meta: meta::Regex,
}

/// One match, as `regex::Match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Match<'t> {
    fn of(text: &'t str, span: Span) -> Match<'t> {
        Match {
            text,
            start: span.start,
            end: span.end,
        }
    }
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// One match with its groups, as `regex::Captures`.
pub struct Captures<'t> {
    text: &'t str,
    groups: Groups,
}

impl<'t> Captures<'t> {
    /// Group `i` (0: the whole match).
    pub fn get(&self, i: usize) -> Option<Match<'t>> {
        self.groups.get_group(i).map(|s| Match::of(self.text, s))
    }
    /// The group named `name`.
    pub fn name(&self, name: &str) -> Option<Match<'t>> {
        self.groups
            .get_group_by_name(name)
            .map(|s| Match::of(self.text, s))
    }
}

/// The configuration of `regex::RegexBuilder` (and `RegexSetBuilder`): `size_limit` bytes
/// for the NFA, the lazy DFA's cache, matching as asked, the literal prefilter as asked.
fn config(size_limit: usize, kind: MatchKind, prefilter: bool) -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(size_limit))
        .hybrid_cache_capacity(2 * (1 << 20))
        .match_kind(kind)
        .utf8_empty(true)
        .auto_prefilter(prefilter)
}

/// A builder with `config`, case-insensitive over UTF-8.
fn builder(config: meta::Config) -> meta::Builder {
    let mut b = meta::Builder::new();
    b.configure(config)
        .syntax(syntax::Config::new().case_insensitive(true).utf8(true));
    b
}

impl Regex {
    /// Compile `source` (case-insensitive) with `size_limit` bytes for its NFA, with a
    /// literal prefilter or without.
    pub fn new(source: &str, size_limit: usize, prefilter: bool) -> Result<Regex, String> {
        builder(config(size_limit, MatchKind::LeftmostFirst, prefilter))
            .build(source)
            .map(|meta| Regex { meta })
            .map_err(|e| e.to_string())
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.meta.is_match(text)
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.meta.find(text).map(|m| Match::of(text, m.span()))
    }

    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = Match<'t>> + 'r
    where
        't: 'r,
    {
        self.meta
            .find_iter(text)
            .map(move |m| Match::of(text, m.span()))
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        let mut groups = self.meta.create_captures();
        self.meta.captures(Input::new(text), &mut groups);
        groups.is_match().then_some(Captures { text, groups })
    }

    pub fn captures_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = Captures<'t>> + 'r
    where
        't: 'r,
    {
        self.meta
            .captures_iter(text)
            .map(move |groups| Captures { text, groups })
    }

    /// The names of the groups, in order (`None` for an unnamed one), as
    /// `regex::Regex::capture_names`.
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> {
        self.meta.group_info().pattern_names(PatternID::ZERO)
    }
}

/// A pattern compiled the first time it is searched (a story compiles only the patterns
/// its languages and sentences reach). Derefs to the compiled [`Regex`].
#[derive(Debug)]
pub struct Lazy {
    source: String,
    size_limit: usize,
    prefilter: bool,
    regex: std::sync::OnceLock<Regex>,
}

impl Lazy {
    /// `source`, to be compiled as [`Regex::new`] compiles it; its syntax must have been
    /// checked (a rule's when the rules loaded, a generated grammar's by its tests).
    pub fn new(source: &str, size_limit: usize, prefilter: bool) -> Lazy {
        Lazy {
            source: source.to_string(),
            size_limit,
            prefilter,
            regex: std::sync::OnceLock::new(),
        }
    }

    /// The pattern's text, without compiling it.
    pub fn as_str(&self) -> &str {
        &self.source
    }
}

impl std::ops::Deref for Lazy {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Regex::new(&self.source, self.size_limit, self.prefilter).unwrap_or_else(|e| {
                panic!("a checked pattern does not compile: {e}\n{}", self.source)
            })
        })
    }
}

/// Which of many patterns match somewhere in a text (as [`regex::RegexSet::matches`]), all
/// case-insensitive. Built without the literal prefilter `regex` would extract: for a set of
/// many word alternations, extracting it cost more than half the set's build (most of a
/// small story's start-up) and found no literals worth searching for.
pub struct Set {
    meta: meta::Regex,
}

impl Set {
    /// The set of `patterns` (checked already), with `size_limit` bytes for its automaton.
    pub fn new<S: AsRef<str>>(patterns: &[S], size_limit: usize) -> Result<Set, String> {
        builder(config(size_limit, MatchKind::All, false).which_captures(WhichCaptures::None))
            .build_many(patterns)
            .map(|meta| Set { meta })
            .map_err(|e| e.to_string())
    }

    /// The indices of the patterns that match in `text`, ascending.
    pub fn matches(&self, text: &str) -> impl Iterator<Item = usize> + use<> {
        let mut found = regex_automata::PatternSet::new(self.meta.pattern_len());
        self.meta
            .which_overlapping_matches(&Input::new(text), &mut found);
        found
            .iter()
            .map(|p| p.as_usize())
            .collect::<Vec<_>>()
            .into_iter()
    }
}

impl std::fmt::Debug for Set {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Set({} patterns)", self.meta.pattern_len())
    }
}
