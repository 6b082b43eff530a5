//! Rules are data: load the TOML packs under `rules/` (embedded) and `--rules DIR`,
//! validate them in two passes (shape, then meaning), and compile them into a [`RuleSet`].
//!
//! Input: rule sources (path + text). Output: a `RuleSet`, or every error found, each with
//! `file:line:column`.

pub mod file;
mod load;

pub use load::{default_sources, dir_sources, lean_sources, load};

pub use crate::rx::Set;
use crate::rx::{Lazy, Regex};
use crate::words::{Stemming, Token, WordPattern};
use std::sync::{Arc, OnceLock};

/// A rule's regex: checked when the rules load (by parsing it, which is cheap), compiled
/// the first time a story uses it (compiling is what made loading slow). Derefs to the
/// compiled [`Regex`]; always case-insensitive.
#[derive(Clone)]
pub struct Pattern(Arc<Lazy>);

/// Bytes a rule's regex may take once compiled.
const PATTERN_LIMIT: usize = 64 << 20;

impl Pattern {
    /// Parse `source` (case-insensitive); the parser's message on a syntax error.
    pub fn new(source: &str) -> Result<Pattern, String> {
        // The syntax tree catches syntax errors; translating it (Unicode classes, case
        // folding) costs as much as compiling, so only a pattern that names a Unicode
        // class (which only translation checks) is translated.
        let message = |e: &dyn std::fmt::Display| {
            let msg = e.to_string();
            let last = msg.lines().last().unwrap_or("").trim();
            last.strip_prefix("error: ").unwrap_or(last).to_string()
        };
        regex_syntax::ast::parse::Parser::new()
            .parse(source)
            .map_err(|e| message(&e))?;
        if source.contains("\\p") || source.contains("\\P") {
            regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(source)
                .map_err(|e| message(&e))?;
        }
        Ok(Pattern::unchecked(source))
    }

    /// A pattern whose syntax was checked before (the built-in rules): it is parsed only
    /// when first used.
    pub fn unchecked(source: &str) -> Pattern {
        Pattern(Arc::new(Lazy::new(source, PATTERN_LIMIT, true)))
    }

    /// The same pattern, built without a literal prefilter: for a pattern searched only
    /// in texts where a [`Set`] found it or its frame (a trigger, a topic word), where the
    /// prefilter costs more to build than it saves.
    pub fn in_set(self) -> Pattern {
        Pattern(Arc::new(Lazy::new(self.as_str(), PATTERN_LIMIT, false)))
    }

    /// The pattern's text, without compiling it.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The names of its capture groups, without compiling it.
    pub fn group_names(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest: &str = self.as_str();
        while let Some(at) = rest.find("(?P<").or_else(|| rest.find("(?<")) {
            let from = at + rest[at..].find('<').expect("found above") + 1;
            let Some(len) = rest[from..].find('>') else {
                break;
            };
            out.push(rest[from..from + len].to_string());
            rest = &rest[from + len..];
        }
        out
    }
}

impl std::ops::Deref for Pattern {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        &self.0
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The default pack, embedded at build time (see `build.rs`).
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// One rule file's text and the path it is reported under.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: String,
    pub text: String,
    /// The rules built into the binary: their regexes are not parsed again at every start
    /// (a fifth of the load time), since `cargo test` loads them all with `trusted` off and
    /// `crosscheck rules test` compiles them. Rules from `--rules` folders are checked.
    pub trusted: bool,
}

/// Where something stands in a rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// A broken rule: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub at: Location,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Every rule, compiled once.
#[derive(Debug)]
pub struct RuleSet {
    pub langs: BTreeMap<String, Lang>,
    pub frames: Vec<Frame>,
    pub entities: Vec<Entity>,
    /// Who held which office when: dates a page that gives no date (see [`Office`]).
    pub offices: Vec<Office>,
    pub topics: Vec<Topic>,
    pub furniture: Vec<Furniture>,
    /// The concept lexicon, by id.
    pub concepts: BTreeMap<String, Concept>,
    pub settings: Settings,
    /// How a name is spelt across languages (see [`Spellings`]).
    pub spellings: Spellings,
    /// The files the set was loaded from, in load order.
    pub files: Vec<String>,
}

/// Rewrites of the letters of a transliterated name that different languages spell
/// differently ("sch" and "sh", "w" and "v", "y" and "i"), so that one name spelt as
/// German, English and Russian outlets spell it gives one key: "Peseschkian", "Pezeshkian"
/// and "Пезешкиан" are all "peseshkian". Doubled letters count once.
#[derive(Debug, Default)]
pub struct Spellings {
    /// Each letter sequence and what it becomes.
    pub rewrites: BTreeMap<String, String>,
    /// The longest sequence listed, in bytes.
    longest: usize,
    /// Spellings of one name, and names that must stay apart, with where they stand.
    pub examples: Vec<(Vec<String>, Location)>,
    pub counters: Vec<(Vec<String>, Location)>,
}

impl Spellings {
    /// Add `rewrites` (a later pack's replace an earlier pack's of the same sequence).
    pub fn extend(&mut self, rewrites: &BTreeMap<String, String>) {
        for (from, to) in rewrites {
            self.longest = self.longest.max(from.len());
            self.rewrites.insert(from.clone(), to.clone());
        }
    }

    /// The key of a name: transliterated to lowercase ASCII words joined by '-' (as claim
    /// ids are), each rewritten at every place by the longest sequence listed, with doubled
    /// letters once.
    pub fn key(&self, name: &str) -> String {
        let ascii = crate::extract::slug(name);
        let mut out = String::with_capacity(ascii.len());
        let mut rest = ascii.as_str();
        while let Some(c) = rest.chars().next() {
            let hit = (1..=self.longest.min(rest.len()))
                .rev()
                .filter(|&n| rest.is_char_boundary(n))
                .find_map(|n| self.rewrites.get(&rest[..n]).map(|to| (n, to)));
            let (n, to) = hit.map_or((c.len_utf8(), None), |(n, to)| (n, Some(to)));
            for t in to.map_or_else(|| c.to_string(), Clone::clone).chars() {
                if t == '-' || !out.ends_with(t) {
                    out.push(t);
                }
            }
            rest = &rest[n..];
        }
        out
    }
}

impl RuleSet {
    /// The concept a context token names ("@person" → `person`); `None` for a name
    /// ("#dresden"), a stem ("~sapeur") or an unknown id.
    pub fn concept_of(&self, token: &str) -> Option<&Concept> {
        token.strip_prefix('@').and_then(|id| self.concepts.get(id))
    }

    /// Whether a lowercase word or phrase is a role some pack names ("police", "juru
    /// bicara"): no one person.
    pub fn is_role(&self, lower: &str) -> bool {
        self.langs
            .values()
            .any(|l| l.attribution.roles.iter().any(|r| r == lower))
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// Jaro-Winkler similarity at or above which an unknown name is a known entity.
    /// Default 0.9.
    pub name_similarity: f64,
    /// Two different day dates of one event this many days apart or fewer are a conflict;
    /// further apart they are two events. Default 7.
    pub event_window_days: i64,
    /// Counts and amounts keyed without a period (a death toll) join when their times lie
    /// this many days apart or fewer, at any precision but a year: the toll given on 24
    /// October for a crush on 1 October is the same toll. Further apart they are two
    /// (Beslan 2004 and the attack of 2024). Default 60.
    pub count_window_days: i64,
    /// Weighted share of content words two statements must have in common to be one claim.
    /// Default 0.35.
    pub content_overlap: f64,
    /// Weighted share of context (concepts, names, other values, and in one language its
    /// words) two catch-all values must have in common to be one claim when they agree.
    /// Default 0.3.
    pub value_agreement: f64,
    /// The share they need to be one claim, and so a conflict, when they differ. Default 0.4.
    pub value_conflict: f64,
    /// Units (symbols some pack reads) of measures that vary by hour and place: an
    /// article's only measure in such a unit is not one figure with another article's for
    /// being alone (`matching::link`). Default none.
    pub varying_units: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            name_similarity: 0.9,
            event_window_days: 7,
            count_window_days: 60,
            content_overlap: 0.35,
            value_agreement: 0.3,
            value_conflict: 0.4,
            varying_units: Vec::new(),
        }
    }
}

/// A language pack.
#[derive(Debug, Default)]
pub struct Lang {
    pub code: String,
    pub name: String,
    pub stopwords: BTreeSet<String>,
    pub abbreviations: BTreeSet<String>,
    pub titles: Vec<String>,
    /// Titles join other words into one ("Bundeskanzlerin", "Innenminister"): a word that
    /// ends in a title is one. Default false, so that "speaking" is no "king".
    pub title_compounds: bool,
    /// Lowercase words after which a lone capitalised word is a noun (see the pack file).
    pub noun_markers: Vec<String>,
    pub name_particles: Vec<String>,
    pub locatives: Vec<String>,
    pub place_titles: Vec<String>,
    /// How the pack's words are stemmed (shared with its word patterns).
    pub stemming: Arc<Stemming>,
    pub dates: Dates,
    pub numbers: Numbers,
    pub attribution: Attribution,
    pub examples: Vec<NormExample>,
    /// The stems of `titles`, made the first time a speaker is checked.
    pub title_stems: OnceLock<BTreeSet<String>>,
    /// `titles` and `place_titles` indexed, made the first time a word is asked.
    pub title_index: OnceLock<crate::entities::Titles>,
    pub place_title_index: OnceLock<crate::entities::Titles>,
}

impl Lang {
    /// The stem of a lowercase word, by the pack's stemmer.
    pub fn stem(&self, word: &str) -> String {
        self.stemming.stem(word)
    }

    /// The words of a sentence, lowercased and stemmed.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        crate::words::tokenize(text, |w| self.stem(w))
    }

    /// Whether `word` is one of the pack's titles, or ends in one where titles join
    /// compounds (see [`crate::entities::Titles`]).
    pub fn is_title(&self, word: &str) -> bool {
        self.title_index
            .get_or_init(|| crate::entities::Titles::new(&self.titles))
            .holds(word, self.title_compounds)
    }

    /// Whether `word` is one of the pack's titles of places ("Kabupaten", "Oblast").
    pub fn is_place_title(&self, word: &str) -> bool {
        self.place_title_index
            .get_or_init(|| crate::entities::Titles::new(&self.place_titles))
            .holds(word, self.title_compounds)
    }

    /// Whether `name` is no one: only titles ("Глава", "президента", "Gewerkschaftschef")
    /// and function words, in any inflection. A speaker is a person or an organisation.
    pub fn only_titles(&self, name: &str) -> bool {
        let stems = self.title_stems.get_or_init(|| {
            self.titles
                .iter()
                .flat_map(|t| self.tokens(t))
                .map(|t| t.stem)
                .collect()
        });
        let words = self.tokens(name);
        !words.is_empty()
            && words.iter().all(|w| {
                stems.contains(&w.stem)
                    || self.stopwords.contains(&w.lower)
                    || self.is_title(&w.lower)
            })
    }

    /// A word pattern of this language (see [`WordPattern::parse`]).
    pub fn pattern(&self, source: &str) -> Result<WordPattern, String> {
        WordPattern::parse(source, |w| self.stem(w))
    }

    /// The pack's affix stem of a lowercase word (see [`Stemming::affix_stem`]).
    pub fn affix_stem(&self, word: &str) -> String {
        self.stemming.affix_stem(word)
    }

    /// A word pattern of this language stemmed on first use (see [`WordPattern::lazy`]):
    /// for the built-in rules, whose patterns `cargo test` parses.
    pub fn lazy_pattern(&self, source: &str) -> WordPattern {
        WordPattern::lazy(source, Arc::clone(&self.stemming))
    }
}

#[derive(Debug, Default)]
pub struct Dates {
    /// Twelve lists (January first), or empty.
    pub months: Vec<Vec<String>>,
    /// Seven lists (Monday first), or empty.
    pub weekdays: Vec<Vec<String>>,
    pub day_suffixes: Vec<String>,
    pub prefixes: Vec<String>,
    pub connectors: Vec<String>,
    pub absorb_after: Vec<String>,
    pub numeric_order: NumericOrder,
    pub relative: Vec<(Relative, Vec<String>)>,
    pub range_start: Vec<String>,
    pub range_join: Vec<String>,
    pub until: Vec<String>,
    pub since: Vec<String>,
    pub day_before: Vec<String>,
    pub day_after: Vec<String>,
    /// Words after "the day before" that tie it to what follows ("la veille de …").
    pub day_of: Vec<String>,
    /// Words before a weekday that make it the next one ("starting Monday").
    pub ahead: Vec<String>,
    /// Words that put a weekday's clause in the future ("will", "soll", "akan").
    pub future: Vec<String>,
    /// Words after a weekday that undo a future word ("haben" in "soll … getan haben").
    pub not_future: Vec<String>,
    /// Time-of-day patterns (groups `h`, `m`, `half`).
    pub times: Vec<Pattern>,
    pub am: Vec<String>,
    pub pm: Vec<String>,
    /// Zone name (lowercase) and its offset from UTC in minutes.
    pub zones: Vec<(String, i32)>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    #[default]
    Dmy,
    Mdy,
}

/// A date relative to the document's own date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relative {
    Today,
    Yesterday,
    Tomorrow,
    ThisWeek,
    LastWeek,
    NextWeek,
    ThisMonth,
    LastMonth,
    NextMonth,
    ThisYear,
    LastYear,
    NextYear,
}

impl Relative {
    pub const ALL: [Relative; 12] = [
        Relative::Today,
        Relative::Yesterday,
        Relative::Tomorrow,
        Relative::ThisWeek,
        Relative::LastWeek,
        Relative::NextWeek,
        Relative::ThisMonth,
        Relative::LastMonth,
        Relative::NextMonth,
        Relative::ThisYear,
        Relative::LastYear,
        Relative::NextYear,
    ];

    /// The canonical English phrase, used as the value when the date cannot be resolved.
    pub fn phrase(self) -> &'static str {
        match self {
            Relative::Today => "today",
            Relative::Yesterday => "yesterday",
            Relative::Tomorrow => "tomorrow",
            Relative::ThisWeek => "this week",
            Relative::LastWeek => "last week",
            Relative::NextWeek => "next week",
            Relative::ThisMonth => "this month",
            Relative::LastMonth => "last month",
            Relative::NextMonth => "next month",
            Relative::ThisYear => "this year",
            Relative::LastYear => "last year",
            Relative::NextYear => "next year",
        }
    }

    pub fn from_phrase(s: &str) -> Option<Relative> {
        Relative::ALL.into_iter().find(|r| r.phrase() == s)
    }
}

#[derive(Debug, Default)]
pub struct Numbers {
    pub decimal: char,
    pub scales: Vec<(String, f64)>,
    pub words: Vec<(String, f64)>,
    pub percent: Vec<String>,
    pub currencies: Vec<(String, String)>,
    /// Words of a rise and of a fall, lowercase.
    pub up: Vec<String>,
    pub down: Vec<String>,
    pub particle_verbs: Vec<String>,
    pub level: Vec<String>,
    pub partitive: Vec<String>,
    pub compare: Vec<String>,
    pub indefinites: Vec<String>,
    pub factors: Vec<(String, f64)>,
    /// Number words before a scale word written out ("a {scale}" = 1, "half a {scale}" =
    /// 0.5): "a million people" is the count 1000000.
    pub scale_leads: Vec<(String, f64)>,
    pub durations: Vec<(String, char)>,
    /// Words that join a person to a number of years, an age (see the pack file).
    pub age_of: Vec<String>,
    /// Unit words of years that make an age before a person (see the pack file).
    pub age_before: Vec<String>,
    /// Currency words several countries share, lowercase, with the codes they may mean
    /// and each code's country (see the pack file).
    pub shared_currencies: Vec<(String, Vec<(String, String)>)>,
    /// Words between a number and a unit of time, and after the unit, that add a half.
    pub half: Vec<String>,
    pub half_after: Vec<String>,
    /// Words that make a figure one per unit (see the pack file), as space-separated words.
    pub each: Vec<String>,
    /// Words that make a figure one per unit only right before it.
    pub each_before: Vec<String>,
    /// Words right before a partitive's part that make it the whole group ("every one of").
    pub whole_before: Vec<String>,
    /// Words before a number that make hours a time of day (see the pack file).
    pub clock_before: Vec<String>,
    /// Unit words and their symbols.
    pub units: Vec<(String, String)>,
    pub approx: Vec<(String, Approx)>,
    /// Approximation words that are a preposition right after a capitalised word, lowercase.
    pub prepositions: Vec<String>,
    /// Ranges as (words before the first number, words between the two), lowercase.
    pub ranges: Vec<(String, String)>,
    /// Changes from one figure to another, written as ranges are, lowercase.
    pub updates: Vec<(String, String)>,
    /// Change words without a direction, lowercase.
    pub changes: Vec<String>,
    /// Ordinal endings, lowercase.
    pub ordinal_suffixes: Vec<String>,
}

impl Numbers {
    /// Whether a lowercase word tells a change ("gestiegen", "fell", "revised").
    pub fn is_change(&self, lower: &str) -> bool {
        [&self.up, &self.down, &self.changes]
            .iter()
            .any(|l| l.iter().any(|w| w == lower))
    }
}

/// How a number is qualified in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Approx {
    #[default]
    Exact,
    /// "about 40": within 10% either way.
    About,
    /// "more than 40".
    Over,
    /// "less than 40".
    Under,
    /// "nearly 40", "almost 40": a little under it (within a fifth).
    Nearly,
    /// "at least 40".
    AtLeast,
    /// "up to 40".
    AtMost,
    /// The first end of a range ("27 to 74 years"): at least, but no figure of its own.
    From,
    /// The second end of a range: at most, but no figure of its own.
    To,
    /// The figure a change starts from ("rose from 86 to 91", "с 86 до 91"): an earlier
    /// figure, told as background, never the story's figure now.
    Was,
}

impl Approx {
    /// A bound ("more than", "at least", "less than", "up to"): it allows every figure
    /// beyond it, unlike an exact or an approximate figure ("about", "nearly").
    pub fn is_bound(self) -> bool {
        !matches!(
            self,
            Approx::Exact | Approx::About | Approx::Nearly | Approx::Was
        )
    }

    pub fn parse(s: &str) -> Option<Approx> {
        Some(match s {
            "about" => Approx::About,
            "over" => Approx::Over,
            "under" => Approx::Under,
            "nearly" => Approx::Nearly,
            "at-least" => Approx::AtLeast,
            "at-most" => Approx::AtMost,
            _ => return None,
        })
    }

    /// A short prefix for tables ("~40", ">40").
    pub fn sign(self) -> &'static str {
        match self {
            Approx::Exact => "",
            Approx::About => "~",
            Approx::Over => ">",
            Approx::Under => "<",
            Approx::Nearly => "<~",
            Approx::AtLeast | Approx::From => ">=",
            Approx::AtMost | Approx::To => "<=",
            Approx::Was => "",
        }
    }
}

#[derive(Debug, Default)]
pub struct Attribution {
    pub speech: Vec<Pattern>,
    pub speech_after: Vec<Pattern>,
    pub speech_participle: Vec<Pattern>,
    pub speech_self: Vec<Pattern>,
    pub denial: Vec<Pattern>,
    pub hedge: Vec<Pattern>,
    pub citation: Vec<Pattern>,
    pub pronouns: Vec<String>,
    pub roles: Vec<String>,
    pub complementizers: Vec<String>,
    pub conjunctions: Vec<String>,
    pub relatives: Vec<String>,
    pub relative_pronouns: Vec<String>,
    pub negation: Vec<Pattern>,
    pub not_negation: Vec<Pattern>,
    pub subordinators: Vec<String>,
    /// Words that open a clause about another thing after a comma ("while", "mientras").
    pub contrast: Vec<String>,
    pub inverted_after_comma: bool,
    /// A speech verb right after a quotation, ending the sentence, is the last speaker's.
    pub drops_pronouns: bool,
}

#[derive(Debug, Clone)]
pub struct NormExample {
    pub at: Location,
    pub text: String,
    pub published: Option<String>,
    pub expect: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Event,
    Quantity,
    Statement,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Event => "event",
            Kind::Quantity => "quantity",
            Kind::Statement => "statement",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Date,
    Money,
    Percent,
    Count,
    Duration,
    Factor,
    Measure,
    Polarity,
    /// A time of day ("20:11", "1:28 a.m.").
    Time,
    /// Any amount that is not a date or a time (a catch-all frame's figures).
    Number,
}

impl ValueKind {
    pub fn parse(s: &str) -> Option<ValueKind> {
        Some(match s {
            "date" => ValueKind::Date,
            "money" => ValueKind::Money,
            "percent" => ValueKind::Percent,
            "count" => ValueKind::Count,
            "duration" => ValueKind::Duration,
            "factor" => ValueKind::Factor,
            "measure" => ValueKind::Measure,
            "polarity" => ValueKind::Polarity,
            "number" => ValueKind::Number,
            "time" => ValueKind::Time,
            _ => return None,
        })
    }

    /// The name [`ValueKind::parse`] reads.
    pub fn as_str(self) -> &'static str {
        match self {
            ValueKind::Date => "date",
            ValueKind::Money => "money",
            ValueKind::Percent => "percent",
            ValueKind::Count => "count",
            ValueKind::Duration => "duration",
            ValueKind::Factor => "factor",
            ValueKind::Measure => "measure",
            ValueKind::Polarity => "polarity",
            ValueKind::Number => "number",
            ValueKind::Time => "time",
        }
    }

    /// Whether a value of kind `found` is one this kind takes.
    pub fn takes(self, found: ValueKind) -> bool {
        self == found
            || (self == ValueKind::Number && !matches!(found, ValueKind::Date | ValueKind::Time))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeScope {
    Sentence,
    Paragraph,
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Country,
    City,
    Org,
    Outlet,
    /// A capitalised name in no gazetteer.
    Unknown,
}

impl EntityKind {
    pub fn parse(s: &str) -> Option<EntityKind> {
        Some(match s {
            "person" => EntityKind::Person,
            "country" => EntityKind::Country,
            "city" => EntityKind::City,
            "org" => EntityKind::Org,
            "outlet" => EntityKind::Outlet,
            "unknown" => EntityKind::Unknown,
            _ => return None,
        })
    }
}

/// What may fill a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotType {
    Entity(EntityKind),
    Topic,
    /// The content words of the speaker's clause: matched by weighted overlap, not equality
    /// (the fallback that lets "denied that X" meet "said X").
    Content,
    /// The text of the trigger's group of the same name, lowercased: a counted word.
    Word,
    /// A second value of the sentence, beside the frame's own: a deal's term ("25-year").
    Value(ValueKind),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Before,
    After,
    Any,
}

#[derive(Debug, Clone)]
pub struct Slot {
    pub name: String,
    /// In order of preference.
    pub types: Vec<SlotType>,
    pub count: usize,
    pub side: Side,
    /// Take the first candidate on the side rather than the nearest.
    pub first: bool,
    pub group: Option<String>,
    pub required: bool,
    pub inherit: bool,
}

#[derive(Debug, Clone)]
pub struct ValueSpec {
    pub kind: ValueKind,
    /// Relative tolerance for numeric values.
    pub tolerance: f64,
    /// Per language: the words a count may count (empty: any).
    pub units: BTreeMap<String, Vec<Pattern>>,
    /// Per language: word patterns of what a count may count (from `unit_concepts`).
    pub unit_words: BTreeMap<String, Vec<WordPattern>>,
    /// Concepts that key a count of their own group when they are what it counts.
    pub subgroups: Vec<String>,
    /// The value must lie inside the trigger's match.
    pub in_trigger: bool,
    /// For dates: at most this many characters between trigger and date.
    pub near: Option<usize>,
}

#[derive(Debug)]
pub struct Frame {
    pub id: String,
    pub kind: Kind,
    pub summary: String,
    pub triggers: BTreeMap<String, Vec<Pattern>>,
    /// Trigger word patterns per language: the frame's `terms` and its concepts' words.
    pub words: BTreeMap<String, Vec<WordPattern>>,
    /// The ids of the concepts it names, as written (their words are in `words`).
    pub concepts: Vec<String>,
    pub exclude: BTreeMap<String, Vec<Pattern>>,
    pub slots: Vec<Slot>,
    pub value: ValueSpec,
    pub time: TimeScope,
    pub key: Vec<String>,
    /// Slots that keep claims apart when their fillers differ.
    pub qualifiers: Vec<String>,
    /// A fallback: statements only where no other frame made a statement, quantities only on
    /// numbers no other frame took. Default false.
    pub fallback: bool,
    /// Key values a story tells one figure of ("depth"): a fallback frame's different
    /// figures of them are one claim without sharing the words around them.
    pub told_once: Vec<String>,
    /// A catch-all: takes every value of its type that no other frame took, in every
    /// sentence of every language, with no trigger. Its mentions are matched by the words
    /// and names around the value (see `matching`). Default false.
    pub catch_all: bool,
    /// A mention needs a speaker. Default false.
    pub needs_speaker: bool,
    pub examples: Vec<FrameExample>,
    pub counters: Vec<FrameCounter>,
    pub at: Location,
}

#[derive(Debug, Clone)]
pub struct FrameExample {
    pub at: Location,
    pub language: String,
    pub text: String,
    pub published: Option<String>,
    pub expect: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct FrameCounter {
    pub at: Location,
    pub language: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub local: BTreeMap<String, Vec<String>>,
    pub demonyms: Vec<String>,
    pub metonyms: Vec<String>,
    pub country: Option<String>,
}

/// One term of one office. A page that names several office-holders by full name was
/// written while they held their offices together.
#[derive(Debug)]
pub struct Office {
    pub person: String,
    /// The full name and its other spellings.
    pub names: Vec<String>,
    pub role: String,
    pub from: chrono::NaiveDate,
    /// None while in office.
    pub to: Option<chrono::NaiveDate>,
}

#[derive(Debug)]
pub struct Topic {
    pub id: String,
    pub group: String,
    pub words: BTreeMap<String, Vec<Pattern>>,
    /// Word patterns per language: the topic's `terms` and its concepts' words.
    pub terms: BTreeMap<String, Vec<WordPattern>>,
    /// The dimensions a measure it names may have (empty: any).
    pub measures: Vec<String>,
}

/// One meaning of the lexicon, with its word patterns in each language.
#[derive(Debug)]
pub struct Concept {
    pub id: String,
    pub gloss: String,
    pub words: BTreeMap<String, Vec<WordPattern>>,
    /// (language, text) pairs its words must find, and must not.
    pub examples: Vec<FrameCounter>,
    pub counters: Vec<FrameCounter>,
    /// A speech or denial cue: its words find speakers and denials (see `extract::speaker`).
    pub cue: Option<file::Cue>,
    /// Who acts or speaks: shared across languages like a name ("#official"), and like a
    /// name never what two figures are about.
    pub actor: bool,
    /// The period a figure is counted over ("annual", "quarterly"): figures of two such
    /// periods are never compared.
    pub rate: bool,
    /// A projection of a figure ("forecast", "quick count"): never compared with the
    /// figure told without one.
    pub projection: bool,
    /// A rank ("first", "second"): what is told beside two different ranks is two things.
    pub ordinal: bool,
    /// A number right beside it tells what a thing is like ("aged 56"), not how many:
    /// no frame counts it.
    pub attribute: bool,
    /// Telling it makes what it names ("announced the suspension"): a date beside it dates
    /// what it names.
    pub act: bool,
    /// It tells a change of a figure ("rose", "lowered"): a date beside it dates the change.
    pub change: bool,
    /// A duration right beside it is the time elapsed up to the article's day ("two weeks
    /// ago"): compared only with one told on the same day.
    pub elapsed: bool,
    /// It points back at the country last named ("the country", "le pays").
    pub anaphor: bool,
    /// A duration right beside it is the time from an event to the day its sentence tells
    /// ("on Sunday, two days after the attack"): compared only with one told of that day.
    pub between: bool,
    /// Covers narrower concepts ("people": workers, crew): two differing figures meet
    /// through it only when neither counts a narrower thing.
    pub broad: bool,
    /// The first rank: what is told without a rank is most often it.
    pub earliest: bool,
    /// Only what a statement is about: shared by statements, never beside a figure.
    pub subject: bool,
    /// The concepts of the opposite act (both ways).
    pub opposite: Vec<String>,
    pub at: Location,
}

#[derive(Debug)]
pub struct Furniture {
    pub id: String,
    pub pattern: Pattern,
    pub examples: Vec<String>,
    pub counter: Vec<String>,
    pub at: Location,
}
