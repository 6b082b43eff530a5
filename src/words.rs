//! Word-level matching: tokenize a sentence once, stem each token with its language's
//! stemmer, and find word patterns ("sont mort", "nahm .. fest", "fatalit*") on the stems.
//!
//! Input: a sentence and its language pack. Output: [`Token`]s with byte offsets, and the
//! [`WordMatch`]es of a [`WordIndex`] compiled from the rules. One pattern covers every
//! inflection its stemmer folds together: "mort" matches mort, morte, morts and mortes.

use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// How a language's words are reduced to stems. Chosen in the language pack
/// (`[language.stem] snowball = "french"`); without one, the pack's own affix lists.
#[derive(Debug, Clone, Default)]
pub enum Stemmer {
    /// A Snowball algorithm (snowballstem.org, through `waken_snowball`).
    Snowball(waken_snowball::Algorithm),
    /// The pack's prefixes (with rewrites) and suffixes: Indonesian, where Snowball does
    /// not restore the nasal of "menangkap" (it gives "angkap" beside "ditangkap" ->
    /// "tangkap").
    #[default]
    Affixes,
}

impl Stemmer {
    /// The Snowball algorithm of that name ("english", "french", …).
    pub fn snowball(name: &str) -> Option<Stemmer> {
        use waken_snowball::Algorithm as A;
        let all = [
            A::Arabic,
            A::Armenian,
            A::Basque,
            A::Catalan,
            A::Danish,
            A::Dutch,
            A::English,
            A::Esperanto,
            A::Estonian,
            A::Finnish,
            A::French,
            A::German,
            A::Greek,
            A::Hindi,
            A::Hungarian,
            A::Indonesian,
            A::Irish,
            A::Italian,
            A::Lithuanian,
            A::Nepali,
            A::Norwegian,
            A::Portuguese,
            A::Romanian,
            A::Russian,
            A::Serbian,
            A::Spanish,
            A::Swedish,
            A::Tamil,
            A::Turkish,
            A::Yiddish,
        ];
        all.into_iter()
            .find(|a| a.as_str() == name)
            .map(Stemmer::Snowball)
    }
}

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    /// Lowercased.
    pub lower: String,
    /// Lowercased and stemmed.
    pub stem: String,
}

/// The word right before byte `at` of `text`, with only spaces between ("in" of "in
/// Trient", "à" of "à 9 heures"); `None` when punctuation or nothing stands there.
pub fn word_before(text: &str, at: usize) -> Option<&str> {
    text[..at]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| !w.is_empty())
}

/// `text` lowercased as words one space apart, punctuation dropped but for hyphens inside
/// words ("masing-masing"): the form in which a pack's short phrases are looked for.
pub fn plain_words(text: &str) -> String {
    let lower: String = text
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    lower
        .split_whitespace()
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of `text` (UAX #29 word boundaries; letters split at an apostrophe, so that
/// "l'incendie" is "l" and "incendie"), each lowercased and stemmed with `stem`.
pub fn tokenize(text: &str, stem: impl Fn(&str) -> String) -> Vec<Token> {
    let mut out = Vec::new();
    for (at, word) in text.split_word_bound_indices() {
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        let mut from = 0;
        for (i, c) in word.char_indices().chain([(word.len(), '\'')]) {
            if c == '\'' || c == '’' {
                let part = &word[from..i];
                if !part.is_empty() {
                    let lower = part.to_lowercase();
                    out.push(Token {
                        start: at + from,
                        end: at + i,
                        stem: stem(&lower),
                        lower,
                    });
                }
                from = i + c.len_utf8();
            }
        }
    }
    out
}

/// One word of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    /// The stem of the pattern word: matches every token with that stem.
    Stem(String),
    /// `word*`: a token that starts with `word` (compounds: "Todesopfer*").
    Prefix(String),
    /// `=word`: exactly that token, unstemmed.
    Exact(String),
}

impl Item {
    fn matches(&self, t: &Token) -> bool {
        match self {
            Item::Stem(s) => &t.stem == s,
            Item::Prefix(p) => t.lower.starts_with(p.as_str()),
            Item::Exact(w) => &t.lower == w,
        }
    }
}

/// How many words `..` lets stand between two pattern words.
pub const GAP: usize = 4;

/// How a language's words become stems: its stemmer, and the affix lists the pack gives
/// (for [`Stemmer::Affixes`]). Shared by the pack and by each of its word patterns, which
/// are stemmed the first time they are used.
#[derive(Debug, Clone, Default)]
pub struct Stemming {
    pub stemmer: Stemmer,
    /// Prefixes (with their rewrite before a vowel) and suffixes, longest first.
    pub prefixes: Vec<(String, Option<String>)>,
    pub suffixes: Vec<String>,
    /// The letters before which a prefix rewrite applies.
    pub vowels: String,
}

impl Stemming {
    /// The stem of a lowercase word.
    pub fn stem(&self, word: &str) -> String {
        match &self.stemmer {
            Stemmer::Snowball(a) => waken_snowball::stem(*a, word).into_owned(),
            Stemmer::Affixes => self.affix_stem(word),
        }
    }

    /// Strip the longest listed prefix (rewritten before a vowel where the rule says so)
    /// and the longest listed suffix, keeping at least three letters.
    pub fn affix_stem(&self, word: &str) -> String {
        let mut w = word.to_string();
        let len = |s: &str| s.chars().count();
        for (p, to) in &self.prefixes {
            let Some(rest) = w.strip_prefix(p.as_str()) else {
                continue;
            };
            if len(rest) < 3 {
                continue;
            }
            let vowel = rest.chars().next().is_some_and(|c| self.vowels.contains(c));
            w = match to {
                Some(t) if vowel => format!("{t}{rest}"),
                _ => rest.to_string(),
            };
            break;
        }
        for s in &self.suffixes {
            if let Some(rest) = w.strip_suffix(s.as_str())
                && len(rest) >= 3
            {
                w = rest.to_string();
                break;
            }
        }
        w
    }
}

/// A word sequence: "death toll", "perdre .. vie", "fatalit*". Clones share one parse.
#[derive(Clone)]
pub struct WordPattern(std::sync::Arc<Parts>);

struct Parts {
    source: String,
    /// Each item with the number of other words allowed before it; parsed on first use
    /// when the pattern is [`WordPattern::lazy`].
    items: std::sync::OnceLock<Vec<(Item, usize)>>,
    /// How a lazy pattern's words are stemmed.
    stemming: Option<std::sync::Arc<Stemming>>,
}

impl std::fmt::Debug for WordPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WordPattern({:?})", self.0.source)
    }
}

impl PartialEq for WordPattern {
    fn eq(&self, other: &WordPattern) -> bool {
        self.0.source == other.0.source && self.items() == other.items()
    }
}

impl Eq for WordPattern {}

impl WordPattern {
    /// Parse a pattern, stemming its words with `stem`. Words are separated by spaces;
    /// `..` allows up to [`GAP`] words between its neighbours; `word*` is a prefix and
    /// `=word` an exact word.
    pub fn parse(source: &str, stem: impl Fn(&str) -> String) -> Result<WordPattern, String> {
        let items = parse_items(source, stem)?;
        Ok(WordPattern(std::sync::Arc::new(Parts {
            source: source.to_string(),
            items: std::sync::OnceLock::from(items),
            stemming: None,
        })))
    }

    /// A pattern parsed, with `stemming`, the first time it is matched or indexed: a story
    /// stems only the patterns of its own languages (stemming every pattern of every
    /// language was a third of the rules' load). Its syntax must have been checked (the
    /// built-in rules are, by `cargo test`).
    pub fn lazy(source: &str, stemming: std::sync::Arc<Stemming>) -> WordPattern {
        WordPattern(std::sync::Arc::new(Parts {
            source: source.to_string(),
            items: std::sync::OnceLock::new(),
            stemming: Some(stemming),
        }))
    }

    /// The pattern as written.
    pub fn source(&self) -> &str {
        &self.0.source
    }

    fn items(&self) -> &[(Item, usize)] {
        self.0.items.get_or_init(|| {
            let stemming = self
                .0
                .stemming
                .as_ref()
                .expect("an unparsed pattern is lazy");
            parse_items(&self.0.source, |w| stemming.stem(w)).unwrap_or_else(|e| {
                panic!(
                    "a checked word pattern does not parse: {e}: {:?}",
                    self.0.source
                )
            })
        })
    }

    /// The match starting at token `i`, as the index of its last token.
    pub fn match_at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        let items = self.items();
        let (first, _) = &items[0];
        if !first.matches(tokens.get(i)?) {
            return None;
        }
        let mut at = i;
        for (item, gap) in &items[1..] {
            let next = (at + 1..=(at + 1 + gap).min(tokens.len().saturating_sub(1)))
                .find(|&j| item.matches(&tokens[j]))?;
            at = next;
        }
        Some(at)
    }

    /// Every match in `tokens`, as (first token, last token).
    pub fn find(&self, tokens: &[Token]) -> Vec<(usize, usize)> {
        (0..tokens.len())
            .filter_map(|i| self.match_at(tokens, i).map(|e| (i, e)))
            .collect()
    }
}

/// The items of a pattern (see [`WordPattern::parse`]).
fn parse_items(source: &str, stem: impl Fn(&str) -> String) -> Result<Vec<(Item, usize)>, String> {
    let mut items = Vec::new();
    let mut gap = 0;
    for w in source.split_whitespace() {
        if w == ".." {
            if items.is_empty() {
                return Err("'..' must stand between two words".into());
            }
            gap = GAP;
            continue;
        }
        let lower = w.to_lowercase();
        if lower.starts_with('=') && lower.ends_with('*') {
            return Err(format!(
                "'{w}' is both exact ('=') and a prefix ('*'): write one of them"
            ));
        }
        let parts: Vec<Item> = if let Some(p) = lower.strip_suffix('*') {
            vec![Item::Prefix(p.to_string())]
        } else if let Some(x) = lower.strip_prefix('=') {
            vec![Item::Exact(x.to_string())]
        } else if lower
            .chars()
            .all(|c| c.is_alphabetic() && u32::from(c) < 0x0530)
        {
            // Latin, Greek and Cyrillic letters only: one word, as `tokenize` would find
            // (without its segmentation, a fifth of the rules' load).
            vec![Item::Stem(stem(&lower))]
        } else {
            // A pattern word is stemmed as the text's words are; "l'appel" and
            // "luka-luka" are two words in a row.
            tokenize(&lower, &stem)
                .into_iter()
                .map(|t| Item::Stem(t.stem))
                .collect()
        };
        if parts.is_empty() || matches!(&parts[0], Item::Prefix(p) | Item::Exact(p) if p.is_empty())
        {
            return Err(format!("'{w}' has no letters"));
        }
        for item in parts {
            items.push((item, gap));
            gap = 0;
        }
    }
    if gap != 0 {
        return Err("'..' must stand between two words".into());
    }
    if items.is_empty() {
        return Err("empty word pattern".into());
    }
    Ok(items)
}

/// A pattern found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordMatch {
    /// Which pattern (its index in the [`WordIndex`]).
    pub pattern: usize,
    /// Byte range in the sentence, from the first word's start to the last word's end.
    pub start: usize,
    pub end: usize,
}

/// Many patterns, found together: each token looks up the patterns whose first word it can
/// be, so the cost grows with the sentence, not with the number of patterns.
#[derive(Debug, Default)]
pub struct WordIndex {
    patterns: Vec<WordPattern>,
    by_stem: HashMap<String, Vec<usize>>,
    by_exact: HashMap<String, Vec<usize>>,
    /// Patterns that begin with a prefix ("Todesopfer*"), by its first [`PREFIX_KEY`]
    /// letters: a word looks up its own first letters instead of trying every prefix (German
    /// and Russian have a thousand or more, and trying them all was a sixth of a run).
    by_prefix: HashMap<String, Vec<usize>>,
    /// Those whose prefix is shorter.
    short_prefixed: Vec<usize>,
}

/// How many letters of a prefix key [`WordIndex::by_prefix`].
const PREFIX_KEY: usize = 3;

/// The first `n` letters of `word` (all of it when shorter).
fn first_letters(word: &str, n: usize) -> &str {
    &word[..word.char_indices().nth(n).map_or(word.len(), |(i, _)| i)]
}

impl WordIndex {
    pub fn new(patterns: Vec<WordPattern>) -> WordIndex {
        let mut ix = WordIndex::default();
        for (i, p) in patterns.iter().enumerate() {
            match &p.items()[0].0 {
                Item::Stem(s) => ix.by_stem.entry(s.clone()).or_default().push(i),
                Item::Exact(w) => ix.by_exact.entry(w.clone()).or_default().push(i),
                Item::Prefix(p) if p.chars().count() >= PREFIX_KEY => ix
                    .by_prefix
                    .entry(first_letters(p, PREFIX_KEY).to_string())
                    .or_default()
                    .push(i),
                Item::Prefix(_) => ix.short_prefixed.push(i),
            }
        }
        ix.patterns = patterns;
        ix
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Every match, in text order (then pattern order).
    pub fn find(&self, tokens: &[Token]) -> Vec<WordMatch> {
        let mut out = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let candidates = self
                .by_stem
                .get(&t.stem)
                .into_iter()
                .flatten()
                .chain(self.by_exact.get(&t.lower).into_iter().flatten())
                .chain(
                    self.by_prefix
                        .get(first_letters(&t.lower, PREFIX_KEY))
                        .into_iter()
                        .flatten(),
                )
                .chain(&self.short_prefixed);
            for &pi in candidates {
                if let Some(e) = self.patterns[pi].match_at(tokens, i) {
                    out.push(WordMatch {
                        pattern: pi,
                        start: t.start,
                        end: tokens[e].end,
                    });
                }
            }
        }
        out.sort_by_key(|m| (m.start, m.pattern));
        out.dedup();
        out
    }
}

/// A [`WordIndex`] whose patterns each belong to an owner (a frame, a topic, a concept).
#[derive(Debug)]
pub struct Owned<O> {
    index: WordIndex,
    owners: Vec<O>,
}

impl<O> Owned<O> {
    pub fn new(pairs: impl IntoIterator<Item = (O, WordPattern)>) -> Owned<O> {
        let (owners, patterns): (Vec<O>, Vec<WordPattern>) = pairs.into_iter().unzip();
        Owned {
            index: WordIndex::new(patterns),
            owners,
        }
    }

    /// Every match with its owner, in text order.
    pub fn find<'s>(&'s self, tokens: &[Token]) -> impl Iterator<Item = (&'s O, WordMatch)> {
        self.index
            .find(tokens)
            .into_iter()
            .map(|m| (&self.owners[m.pattern], m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn french(w: &str) -> String {
        waken_snowball::stem(waken_snowball::Algorithm::French, w).into_owned()
    }

    #[test]
    fn a_plain_pattern_word_is_stemmed_as_the_text_word_is() {
        // Words of letters skip the segmentation; they must get the stems text words get.
        let words = [
            "Mortes",
            "façade",
            "naïve",
            "Todesopfer",
            "Straße",
            "погибли",
            "Ёлка",
            "ΣΕΙΣΜΌΣ",
            "korban",
            "İstanbul",
        ];
        for w in words {
            let p = WordPattern::parse(w, french).unwrap();
            let toks = tokenize(w, french);
            let stems: Vec<Item> = toks.into_iter().map(|t| Item::Stem(t.stem)).collect();
            let items: Vec<Item> = p.items().iter().map(|(i, _)| i.clone()).collect();
            assert_eq!(items, stems, "{w}");
        }
    }

    #[test]
    fn one_stem_covers_every_inflection() {
        let p = WordPattern::parse("mort", french).unwrap();
        for text in ["Un mort.", "Une morte.", "Des morts.", "Elles sont mortes."] {
            let toks = tokenize(text, french);
            assert_eq!(p.find(&toks).len(), 1, "{text}");
        }
        assert!(p.find(&tokenize("La mortalité", french)).is_empty());
    }

    #[test]
    fn elision_splits_and_gaps_are_bounded() {
        let toks = tokenize("Il a perdu aujourd'hui la vie", french);
        assert!(toks.iter().any(|t| t.lower == "hui"));
        let p = WordPattern::parse("perdu .. vie", french).unwrap();
        let found = p.find(&toks);
        assert_eq!(found.len(), 1);
        let far = tokenize("perdu un deux trois quatre cinq vie", french);
        assert!(p.find(&far).is_empty());
    }

    #[test]
    fn index_gives_byte_ranges() {
        let ix = WordIndex::new(vec![
            WordPattern::parse("ont péri", french).unwrap(),
            WordPattern::parse("bless*", french).unwrap(),
        ]);
        let text = "Vingt-cinq personnes ont péri et 40 blessés";
        let m = ix.find(&tokenize(text, french));
        assert_eq!(m.len(), 2);
        assert_eq!(&text[m[0].start..m[0].end], "ont péri");
        assert_eq!(&text[m[1].start..m[1].end], "blessés");
    }

    #[test]
    fn the_index_finds_prefixes_of_any_length() {
        // Prefixes are looked up by their first letters; a shorter one is tried on every
        // word, and letters count as characters, not bytes.
        let ix = WordIndex::new(vec![
            WordPattern::parse("todesopfer*", french).unwrap(),
            WordPattern::parse("ü*", french).unwrap(),
            WordPattern::parse("погиб*", french).unwrap(),
            WordPattern::parse("übrig* .. opfer*", french).unwrap(),
        ]);
        let text = "Die Todesopferzahl stieg, übrigens auch die Zahl der Opfer; погибли двое";
        let found: Vec<(usize, &str)> = ix
            .find(&tokenize(text, french))
            .iter()
            .map(|m| (m.pattern, &text[m.start..m.end]))
            .collect();
        assert_eq!(
            found,
            [
                (0, "Todesopferzahl"),
                (1, "übrigens"),
                (3, "übrigens auch die Zahl der Opfer"),
                (2, "погибли")
            ]
        );
    }

    #[test]
    fn bad_patterns_are_refused() {
        assert!(WordPattern::parse(".. vie", french).is_err());
        assert!(WordPattern::parse("vie ..", french).is_err());
        assert!(WordPattern::parse("l'incendie", french).is_ok());
        assert!(WordPattern::parse("--", french).is_err());
        assert!(WordPattern::parse("", french).is_err());
        // Exact and prefix at once matched nothing before it was refused.
        assert!(WordPattern::parse("=grange*", french).is_err());
    }
}
