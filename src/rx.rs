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
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

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
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(source)
            .map_err(|e| e.to_string())?;
        builder(config(size_limit, MatchKind::LeftmostFirst, prefilter))
            .build_from_hir(&narrow(hir))
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

    /// The first match starting at byte `start` or later, the text before it still seen
    /// by look-around (`\b`), as `regex::Regex::captures_at`.
    pub fn captures_at<'t>(&self, text: &'t str, start: usize) -> Option<Captures<'t>> {
        let mut groups = self.meta.create_captures();
        self.meta
            .captures(Input::new(text).range(start..), &mut groups);
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

/// The lazy DFA's cache of a [`Set`], in bytes. A set of a language's hundred triggers
/// builds many states in news text; with the 2 MiB of one pattern it cleared its cache
/// again and again (the 1k corpus ran 11% slower).
const SET_CACHE: usize = 8 << 20;

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
        let config = config(size_limit, MatchKind::All, false)
            .which_captures(WhichCaptures::None)
            .hybrid_cache_capacity(SET_CACHE);
        builder(config)
            .build_many_from_hir(
                &patterns
                    .iter()
                    .map(|p| parse(p.as_ref()))
                    .collect::<Result<Vec<_>, _>>()?,
            )
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

/// Parse a [`Set`]'s pattern as the builders do (case-insensitive, Unicode), with the word
/// boundaries that [`ascii_boundaries`] can make ASCII made so.
fn parse(source: &str) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(source)
        .map(|hir| ascii_boundaries(narrow(hir)))
        .map_err(|e| e.to_string())
}

/// The code points of the scripts the packs read: Basic Latin to Cyrillic (Latin-1, Latin
/// Extended, IPA, combining marks, Greek, Cyrillic and its supplement), Latin Extended
/// Additional (Vietnamese, Welsh letters in names), and General Punctuation to the
/// Miscellaneous Symbols and Arrows (dashes, quotes, currency signs, letter-like symbols).
const READ: [(char, char); 3] = [
    ('\u{0}', '\u{52F}'),
    ('\u{1E00}', '\u{1EFF}'),
    ('\u{2000}', '\u{2BFF}'),
];

/// A class with more ranges than this is a Unicode property (`\w`, `\d`, `\p{L}`, `\W`),
/// not a list a rule wrote.
const LARGE_CLASS: usize = 32;

/// `hir` with each large Unicode class (a property such as `\w`, `\p{Lu}` or `\d`, hundreds
/// of ranges across every script) cut to [`READ`], plus all the code points past it when the
/// class held most of them (`\W`, `\D`). Compiling a property's ranges into UTF-8
/// automata, forward and reverse, was most of a pattern's build and most of a small story's
/// run (perf on `check examples/iran-russia`: `Utf8Compiler`, `case_fold_simple`); cut, a
/// pattern with `\w` builds three to eight times faster. On text in the packs' scripts every class
/// matches what it matched; in a script no pack reads (Arabic, Chinese), a word class now
/// sees no letter and its negation sees every character.
pub fn narrow(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(class)) if class.ranges().len() > LARGE_CLASS => {
            Hir::class(Class::Unicode(narrow_class(class)))
        }
        kind => map_subs(kind, narrow),
    }
}

/// `kind` built again with `f` applied to each of its sub-expressions; a leaf as it is.
fn map_subs(kind: HirKind, f: fn(Hir) -> Hir) -> Hir {
    match kind {
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(f).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(f).collect()),
        HirKind::Capture(mut c) => {
            c.sub = Box::new(f(*c.sub));
            Hir::capture(c)
        }
        HirKind::Repetition(mut r) => {
            r.sub = Box::new(f(*r.sub));
            Hir::repetition(r)
        }
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(l) => Hir::literal(l.0),
        HirKind::Class(c) => Hir::class(c),
        HirKind::Look(l) => Hir::look(l),
    }
}

/// [`narrow`] of one class.
fn narrow_class(class: ClassUnicode) -> ClassUnicode {
    let read = ClassUnicode::new(READ.iter().map(|&(a, b)| ClassUnicodeRange::new(a, b)));
    let mut past = read.clone();
    past.negate();
    let size = |c: &ClassUnicode| -> u64 {
        c.iter()
            .map(|r| u64::from(r.end()) - u64::from(r.start()) + 1)
            .sum()
    };
    let mut outside = class.clone();
    outside.intersect(&past);
    let mut cut = class;
    cut.intersect(&read);
    if 2 * size(&outside) > size(&past) {
        cut.union(&past);
    }
    cut
}

/// `hir` with each Unicode word boundary (`\b`) that has ASCII word characters on one side
/// made an ASCII one, and every other Unicode word assertion dropped, for a [`Set`]. The lazy DFA, the fast engine, cannot evaluate a
/// Unicode boundary past a non-ASCII byte and hands the whole search to the slow one; in
/// news text (curly quotes, dashes, accents) that was most searches, and a fifth of an
/// archive's run (perf, the 1k corpus). Beside an ASCII word character, the Unicode boundary
/// holds when the other side is no word character, and the ASCII one whenever the other side
/// is no ASCII word character: it holds wherever the Unicode one does, and also before a
/// non-ASCII letter ("ñ" + "o" of "año"). A set only says which patterns may match: each is
/// then searched with its own exact pattern, so the set may say too much, never too little.
/// (The one exception, a word beginning or ending in a Kelvin sign or a long s that the case
/// folding of "k" and "s" allows, news text does not have.) The other Unicode word
/// assertions (beside a Cyrillic letter, `\p{Lu}` or `\w*`; `\B`) are dropped: a pattern
/// without an assertion matches wherever it matched with it.
pub fn ascii_boundaries(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Concat(subs) => {
            // The parts, but their assertions, which are decided here with their neighbours.
            let subs: Vec<Hir> = subs
                .into_iter()
                .map(|h| match h.kind() {
                    HirKind::Look(_) => h,
                    _ => ascii_boundaries(h),
                })
                .collect();
            // A neighbour that cannot be empty and is made of ASCII word characters.
            let word_beside = |c: Option<(ClassUnicode, bool)>| {
                c.is_some_and(|(c, empty)| !empty && word_class(&c))
            };
            let looks: Vec<Option<Hir>> = (0..subs.len())
                .map(|i| {
                    let HirKind::Look(look) = subs[i].kind() else {
                        return None;
                    };
                    if !unicode_word(*look) {
                        return None;
                    }
                    let before = edge_seq(&subs[..i], false);
                    let after = edge_seq(&subs[i + 1..], true);
                    let ascii =
                        *look == Look::WordUnicode && (word_beside(before) || word_beside(after));
                    Some(if ascii {
                        Hir::look(Look::WordAscii)
                    } else {
                        Hir::empty()
                    })
                })
                .collect();
            let subs = subs.into_iter().zip(looks);
            Hir::concat(subs.map(|(h, l)| l.unwrap_or(h)).collect())
        }
        HirKind::Look(l) if unicode_word(l) => Hir::empty(),
        kind => map_subs(kind, ascii_boundaries),
    }
}

/// The characters `hir` can begin with (`first`) or end with, and whether it can match
/// the empty string; `None` when unknown (an assertion or a byte class at that edge).
fn edge(hir: &Hir, first: bool) -> Option<(ClassUnicode, bool)> {
    match hir.kind() {
        HirKind::Empty => Some((ClassUnicode::empty(), true)),
        HirKind::Literal(l) => {
            let s = std::str::from_utf8(&l.0).ok()?;
            let c = if first {
                s.chars().next()
            } else {
                s.chars().last()
            }?;
            Some((ClassUnicode::new([ClassUnicodeRange::new(c, c)]), false))
        }
        HirKind::Class(Class::Unicode(c)) => Some((c.clone(), false)),
        HirKind::Capture(c) => edge(&c.sub, first),
        HirKind::Repetition(r) => {
            let (class, empty) = edge(&r.sub, first)?;
            Some((class, empty || r.min == 0))
        }
        HirKind::Concat(subs) => edge_seq(subs, first),
        HirKind::Alternation(subs) => {
            let mut all = ClassUnicode::empty();
            let mut empty = false;
            for s in subs {
                let (class, e) = edge(s, first)?;
                all.union(&class);
                empty |= e;
            }
            Some((all, empty))
        }
        _ => None,
    }
}

/// A Unicode word assertion: `\b`, `\B`, `\b{start}` and the like.
fn unicode_word(look: Look) -> bool {
    matches!(
        look,
        Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode
    )
}

/// [`edge`] of the sequence `parts`: its parts from that edge inward, as long as each can be
/// empty.
fn edge_seq(parts: &[Hir], first: bool) -> Option<(ClassUnicode, bool)> {
    let mut all = ClassUnicode::empty();
    let n = parts.len();
    for k in 0..n {
        let part = if first { &parts[k] } else { &parts[n - 1 - k] };
        let (class, empty) = edge(part, first)?;
        all.union(&class);
        if !empty {
            return Some((all, false));
        }
    }
    Some((all, true))
}

/// Every character of `class` is an ASCII letter, digit or underscore, or one of the two
/// non-ASCII characters that case folding adds to ASCII letters (the Kelvin sign for "k",
/// the long s for "s"): a neighbour before which both boundaries agree. A class with any
/// other non-ASCII character ("é" of "école") keeps the Unicode boundary, for the ASCII one
/// would not see a word start before it.
fn word_class(class: &ClassUnicode) -> bool {
    let fold = |c: char| c == '\u{212A}' || c == '\u{17F}';
    class
        .iter()
        .all(|r| (r.start()..=r.end()).all(|c| c.is_ascii_alphanumeric() || c == '_' || fold(c)))
        && class.iter().next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn looks(source: &str) -> regex_syntax::hir::LookSet {
        parse(source).unwrap().properties().look_set()
    }

    /// A set's boundaries beside ASCII words are ASCII ones, the others are dropped: no
    /// Unicode word assertion is left for the lazy DFA to give up on.
    #[test]
    fn a_set_s_boundaries_are_ascii_or_dropped() {
        for p in [
            r"\bclients?\b",
            r"\b(?:crude )?oil\b",
            r"\b(?:agreements?|deals?)\b",
        ] {
            assert!(looks(p).contains(Look::WordAscii), "{p}");
            assert!(!looks(p).contains_word_unicode(), "{p}");
        }
        // Beside a Cyrillic letter, an accented one or any capital: dropped.
        for p in [
            r"\bпогиб\w*",
            r"\bécole",
            r"(?P<who>\b(?-i:\p{Lu})\w*)",
            r"\Bx",
        ] {
            assert!(!looks(p).contains_word_unicode(), "{p}");
            assert!(!looks(p).contains(Look::WordAscii), "{p}");
        }
        // Other assertions stay.
        assert!(looks(r"^by\b").contains(Look::Start));
    }

    /// A property class is cut to the packs' scripts: it keeps every letter of Latin,
    /// Greek and Cyrillic text, a negated one still sees every character past them, and
    /// the cut classes are a fraction of the property's ranges.
    #[test]
    fn large_classes_are_cut_to_the_packs_scripts() {
        let word = Regex::new(r"^\w+$", 1 << 24, false).unwrap();
        for text in [
            "año",
            "Straße",
            "Łódź",
            "Ðakovo",
            "погибли",
            "Ελλάδα",
            "Nguyễn",
            "x2_",
        ] {
            assert!(word.is_match(text), "{text}");
        }
        assert!(!word.is_match("北京"));
        let not_word = Regex::new(r"^\W+$", 1 << 24, false).unwrap();
        for text in ["—«»", "“…”", "北京", "€ ₽"] {
            assert!(not_word.is_match(text), "{text}");
        }
        let upper = Regex::new(r"^(?-i:\p{Lu})", 1 << 24, false).unwrap();
        assert!(upper.is_match("Élysée") && upper.is_match("Жуков") && !upper.is_match("école"));
        let ranges = |source: &str| match narrow(regex_syntax::parse(source).unwrap()).into_kind() {
            HirKind::Class(Class::Unicode(c)) => c.ranges().len(),
            _ => unreachable!(),
        };
        // (Capitals alternate with small letters across Latin Extended: `\p{Lu}` keeps most.)
        for p in [r"\w", r"\W", r"\p{L}", r"\d"] {
            let whole = match regex_syntax::parse(p).unwrap().into_kind() {
                HirKind::Class(Class::Unicode(c)) => c.ranges().len(),
                _ => unreachable!(),
            };
            assert!(ranges(p) * 4 < whole, "{p}: {} of {whole}", ranges(p));
        }
        // A list a rule wrote is left alone.
        assert_eq!(ranges(r"[^.,;]"), 4);
    }

    /// A set says a pattern may match wherever its exact pattern matches (and may say so
    /// where it does not: "o" inside "año").
    #[test]
    fn a_set_finds_every_pattern_its_exact_regex_finds() {
        let patterns = [
            r"\bo\b",
            r"\bклиент\w*",
            r"\bcafé\b",
            r"\bclients?\b",
            r"\bü\w+",
            r"(?P<who>\b(?-i:\p{Lu})\w*)\s+said\b",
        ];
        let set = Set::new(&patterns, 1 << 24).unwrap();
        let texts = [
            "o sea",
            "el año pasado",
            "Новые клиенты банка",
            "Ein „Café“ — oder nicht",
            "“Clients” left — early",
            "über alles",
            "Über said it",
            "Straßenbahn",
        ];
        for text in texts {
            let found: Vec<usize> = set.matches(text).collect();
            for (i, p) in patterns.iter().enumerate() {
                let exact = Regex::new(p, 1 << 24, false).unwrap();
                if exact.is_match(text) {
                    assert!(found.contains(&i), "{p} in {text:?}: {found:?}");
                }
            }
        }
        // The set says too much only beside a non-ASCII letter.
        assert!(set.matches("el año").any(|i| i == 0));
        assert!(!set.matches("el mundo").any(|i| i == 0));
    }
}
