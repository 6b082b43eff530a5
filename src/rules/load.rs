//! Load and validate rule sources: pass one is serde (shape), pass two checks meaning
//! (regexes compile, names exist, ids are unique). Every error in every file is reported.

use super::file::*;
use super::*;
use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

/// The embedded default pack, whole: what `rules test` and `rules doc` read.
pub fn default_sources() -> Vec<Source> {
    embedded_sources(|(_, whole, _)| whole)
}

/// The embedded default pack as `check` loads it: each file without the examples of its
/// concepts and language pack, its frames' counter-examples and its comments, which only
/// `rules test` reads and which were two fifths of the TOML to parse. The dropped lines are
/// left empty, so lines and columns are those of [`default_sources`]; the rules are the
/// same but for those examples (a test compares them).
pub fn lean_sources() -> Vec<Source> {
    embedded_sources(|(_, _, lean)| lean)
}

/// Each embedded file (path, whole text, lean text) with the text `pick` chooses.
fn embedded_sources(pick: fn(&(&str, &'static str, &'static str)) -> &'static str) -> Vec<Source> {
    embedded::FILES
        .iter()
        .map(|file| Source {
            path: file.0.to_string(),
            text: pick(file).to_string(),
            trusted: true,
        })
        .collect()
}

/// Every `.toml` file under `dir`, in sorted path order.
pub fn dir_sources(dir: &Path) -> Result<Vec<Source>, RuleError> {
    let here = |message: String| RuleError {
        at: Location {
            file: dir.display().to_string(),
            line: 1,
            column: 1,
        },
        message,
    };
    if !dir.exists() {
        return Err(here("rules folder not found".to_string()));
    }
    if !dir.is_dir() {
        return Err(here(
            "not a folder: --rules takes a folder of .toml rule files".to_string(),
        ));
    }
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    // Each folder once, so a link loop (`sub/up -> ..`) ends.
    let mut visited = std::collections::BTreeSet::new();
    while let Some(d) = stack.pop() {
        if !visited.insert(d.canonicalize().unwrap_or_else(|_| d.clone())) {
            continue;
        }
        let entries = std::fs::read_dir(&d).map_err(|e| here(format!("cannot read: {e}")))?;
        for entry in entries {
            let path = entry.map_err(|e| here(format!("cannot read: {e}")))?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "toml") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).map_err(|e| RuleError {
                at: Location {
                    file: path.display().to_string(),
                    line: 1,
                    column: 1,
                },
                message: format!("cannot read: {e}"),
            })?;
            Ok(Source {
                path: path.display().to_string(),
                text,
                trusted: false,
            })
        })
        .collect()
}

/// Line and column (1-based, column in characters) of a byte offset.
fn locate(file: &str, text: &str, offset: usize) -> Location {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location {
        file: file.to_string(),
        line,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Words of a list, lowercased: the forms text is compared in.
/// Three capital letters, as an ISO 4217 currency code is written.
fn iso_4217(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

fn lowercase(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// Collects errors for one file.
struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    errors: Vec<RuleError>,
    /// Whether its regexes were checked before (built-in rules).
    trusted: bool,
    /// Byte offset of each line's start: every example records where it stands, and
    /// counting lines from the top for each was a fifth of the load time.
    lines: &'a [usize],
}

impl<'a> Checker<'a> {
    /// A checker with the line starts of its file, computed once for all passes.
    fn with_lines(src: &'a Source, lines: &'a [usize]) -> Checker<'a> {
        Checker {
            file: &src.path,
            text: &src.text,
            errors: Vec::new(),
            trusted: src.trusted,
            lines,
        }
    }

    fn at(&self, span: Range<usize>) -> Location {
        let offset = span.start.min(self.text.len());
        let line = self.lines.partition_point(|&start| start <= offset);
        let start = self.lines[line - 1];
        Location {
            file: self.file.to_string(),
            line,
            column: self.text[start..offset].chars().count() + 1,
        }
    }

    fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        let at = self.at(span);
        self.errors.push(RuleError {
            at,
            message: message.into(),
        });
    }

    fn regex(&mut self, pattern: &Spanned<String>) -> Option<Pattern> {
        if self.trusted {
            return Some(Pattern::unchecked(pattern.get_ref()));
        }
        match Pattern::new(pattern.get_ref()) {
            Ok(re) => Some(re),
            Err(last) => {
                self.error(
                    pattern.span(),
                    format!("bad regex {:?}: {last}", pattern.get_ref()),
                );
                None
            }
        }
    }

    fn regexes(&mut self, patterns: &[Spanned<String>]) -> Vec<Pattern> {
        patterns.iter().filter_map(|p| self.regex(p)).collect()
    }
}

impl Checker<'_> {
    /// Word patterns of one language, each parsed with that language's stemmer.
    fn word_patterns(
        &mut self,
        set: &RuleSet,
        lang: &str,
        pats: &[Spanned<String>],
        at: Range<usize>,
    ) -> Vec<crate::words::WordPattern> {
        let Some(pack) = set.langs.get(lang) else {
            self.error(
                pats.first().map_or(at, |p| p.span()),
                format!("language '{lang}' has no language pack"),
            );
            return Vec::new();
        };
        if self.trusted {
            return pats
                .iter()
                .map(|p| pack.lazy_pattern(p.get_ref()))
                .collect();
        }
        let mut out = Vec::new();
        for p in pats {
            match pack.pattern(p.get_ref()) {
                Ok(w) => out.push(w),
                Err(e) => self.error(p.span(), format!("bad word pattern {:?}: {e}", p.get_ref())),
            }
        }
        out
    }

    /// `terms` plus the words of the named concepts, per language.
    fn terms_and_concepts(
        &mut self,
        set: &RuleSet,
        terms: &BTreeMap<String, Vec<Spanned<String>>>,
        concepts: &[Spanned<String>],
        at: Range<usize>,
    ) -> BTreeMap<String, Vec<crate::words::WordPattern>> {
        let mut out: BTreeMap<String, Vec<crate::words::WordPattern>> = BTreeMap::new();
        for (lang, pats) in terms {
            let ws = self.word_patterns(set, lang, pats, at.clone());
            out.entry(lang.clone()).or_default().extend(ws);
        }
        for c in concepts {
            match set.concepts.get(c.get_ref()) {
                Some(concept) => {
                    for (lang, ws) in &concept.words {
                        out.entry(lang.clone())
                            .or_default()
                            .extend(ws.iter().cloned());
                    }
                }
                None => self.error(
                    c.span(),
                    format!("concept '{}' is not in the lexicon", c.get_ref()),
                ),
            }
        }
        out
    }
}

/// The concepts one file defines (with where each id stands) and the errors found in them.
type ConceptsOfFile = (Vec<RuleError>, Vec<(Range<usize>, Concept)>);

/// Byte offset of each line's start.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Validate and compile every source. On failure, returns every error found.
pub fn load(sources: &[Source]) -> Result<RuleSet, Vec<RuleError>> {
    use rayon::prelude::*;
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    // Parsing the TOML is a third of the load: the files are parsed side by side, then
    // taken in their given order.
    let files: Vec<_> = sources
        .par_iter()
        .map(|src| toml::from_str::<RuleFile>(&src.text))
        .collect();
    for (src, file) in sources.iter().zip(files) {
        match file {
            Ok(file) => parsed.push((src, file)),
            Err(e) => errors.push(RuleError {
                at: locate(&src.path, &src.text, e.span().map_or(0, |s| s.start)),
                message: e.message().trim().to_string(),
            }),
        }
    }

    let starts: Vec<Vec<usize>> = parsed
        .iter()
        .map(|(src, _)| line_starts(&src.text))
        .collect();
    // A file that does not parse may be a language pack: checking meaning now would report
    // every rule of that language as having no pack. Shape errors first.
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut set = RuleSet {
        langs: BTreeMap::new(),
        frames: Vec::new(),
        entities: Vec::new(),
        offices: Vec::new(),
        topics: Vec::new(),
        furniture: Vec::new(),
        concepts: BTreeMap::new(),
        settings: Settings::default(),
        spellings: Spellings::default(),
        files: sources.iter().map(|s| s.path.clone()).collect(),
    };

    // Languages first: frames and topics refer to them.
    for ((src, file), lines) in parsed.iter().zip(&starts) {
        let mut ck = Checker::with_lines(src, lines);
        if let Some(lang) = &file.language {
            add_lang(&mut ck, &mut set.langs, lang);
        }
        if let Some(n) = &file.names {
            let mut rewrites = BTreeMap::new();
            for (from, to) in &n.spellings {
                let letters = |s: &str| s.chars().all(|c| c.is_ascii_lowercase());
                if from.is_empty() || !letters(from) || !letters(to.get_ref()) {
                    ck.error(
                        to.span(),
                        format!(
                            "spelling {from:?} = {:?}: a spelling rewrites lowercase ASCII letters (of a transliterated name) into lowercase ASCII letters",
                            to.get_ref()
                        ),
                    );
                }
                rewrites.insert(from.clone(), to.get_ref().clone());
            }
            set.spellings.extend(&rewrites);
            for (list, to) in [
                (&n.example, &mut set.spellings.examples),
                (&n.counter, &mut set.spellings.counters),
            ] {
                for e in list {
                    if e.names.get_ref().len() < 2 {
                        ck.error(e.names.span(), "give two names or more");
                    }
                    to.push((e.names.get_ref().clone(), ck.at(e.names.span())));
                }
            }
        }
        if let Some(s) = &file.settings {
            // Shares and similarities: between 0 and 1.
            let st = &mut set.settings;
            for (name, given, target) in [
                (
                    "name_similarity",
                    &s.name_similarity,
                    &mut st.name_similarity,
                ),
                (
                    "content_overlap",
                    &s.content_overlap,
                    &mut st.content_overlap,
                ),
                (
                    "value_agreement",
                    &s.value_agreement,
                    &mut st.value_agreement,
                ),
                ("value_conflict", &s.value_conflict, &mut st.value_conflict),
            ] {
                if let Some(v) = given {
                    if !(0.0..=1.0).contains(v.get_ref()) {
                        ck.error(v.span(), format!("{name} must lie between 0 and 1"));
                    }
                    *target = *v.get_ref();
                }
            }
            if let Some(v) = &s.event_window_days {
                if *v.get_ref() < 0 {
                    ck.error(v.span(), "event_window_days must not be negative");
                }
                set.settings.event_window_days = *v.get_ref();
            }
            if let Some(v) = &s.count_window_days {
                if *v.get_ref() < 0 {
                    ck.error(v.span(), "count_window_days must not be negative");
                }
                set.settings.count_window_days = *v.get_ref();
            }
        }
        errors.append(&mut ck.errors);
    }
    // Varying units are units some pack reads (checked once every pack is in); a later
    // file's list replaces an earlier one's, as for every setting.
    for ((src, file), lines) in parsed.iter().zip(&starts) {
        let mut ck = Checker::with_lines(src, lines);
        let Some(units) = file
            .settings
            .as_ref()
            .and_then(|s| s.varying_units.as_ref())
        else {
            continue;
        };
        set.settings.varying_units.clear();
        for u in units {
            let read = set
                .langs
                .values()
                .any(|l| l.numbers.units.iter().any(|(_, sym)| sym == u.get_ref()));
            if !read {
                ck.error(
                    u.span(),
                    format!("varying unit '{}' is no unit a pack reads", u.get_ref()),
                );
            }
            set.settings.varying_units.push(u.get_ref().clone());
        }
        errors.append(&mut ck.errors);
    }

    // The lexicon next: frames and topics name its concepts. Stemming their words is a
    // quarter of the load, so the files are read side by side and merged in order.
    let built: Vec<ConceptsOfFile> = parsed
        .par_iter()
        .zip(starts.par_iter())
        .map(|((src, file), lines)| {
            let mut ck = Checker::with_lines(src, lines);
            let mut out = Vec::new();
            let lean = file.concept.iter().all(|c| c.example.is_empty());
            for c in &file.concept {
                let id = c.id.get_ref();
                if !is_id(id) {
                    ck.error(
                        c.id.span(),
                        "concept id must be lowercase letters, digits and '-'",
                    );
                }
                let mut words = BTreeMap::new();
                for (lang, pats) in &c.words {
                    let ws = ck.word_patterns(&set, lang, pats, c.id.span());
                    words.insert(lang.clone(), ws);
                }
                let pairs = |list: &[FrameCounterFile], ck: &mut Checker| -> Vec<FrameCounter> {
                    list.iter()
                        .map(|e| {
                            if !c.words.contains_key(e.language.get_ref()) {
                                ck.error(
                                    e.language.span(),
                                    format!(
                                        "example language '{}' has no words in this concept",
                                        e.language.get_ref()
                                    ),
                                );
                            }
                            FrameCounter {
                                at: ck.at(e.text.span()),
                                language: e.language.get_ref().clone(),
                                text: e.text.get_ref().clone(),
                            }
                        })
                        .collect()
                };
                let examples = pairs(&c.example, &mut ck);
                let counters = pairs(&c.counter, &mut ck);
                // The built-in pack as `check` loads it has no examples at all
                // (`lean_sources`); in a file that has some, a concept without is an error.
                if examples.is_empty() && !(ck.trusted && lean) {
                    ck.error(
                        c.id.span(),
                        format!("concept '{id}' has no [[concept.example]]"),
                    );
                }
                let at = ck.at(c.id.span());
                out.push((
                    c.id.span(),
                    Concept {
                        id: id.clone(),
                        gloss: c.gloss.clone().unwrap_or_default(),
                        words,
                        examples,
                        counters,
                        cue: c.cue,
                        actor: c.actor,
                        rate: c.rate,
                        projection: c.projection,
                        ordinal: c.ordinal,
                        attribute: c.attribute,
                        act: c.act,
                        change: c.change,
                        elapsed: c.elapsed,
                        anaphor: c.anaphor,
                        between: c.between,
                        broad: c.broad,
                        earliest: c.earliest,
                        subject: c.subject,
                        opposite: Vec::new(),
                        at,
                    },
                ));
            }
            (ck.errors, out)
        })
        .collect();
    for (((src, _), lines), (mut errs, concepts)) in parsed.iter().zip(&starts).zip(built) {
        let mut ck = Checker::with_lines(src, lines);
        for (span, concept) in concepts {
            if is_id(&concept.id) && set.concepts.contains_key(&concept.id) {
                ck.error(span, format!("concept '{}' is defined twice", concept.id));
            }
            set.concepts.insert(concept.id.clone(), concept);
        }
        errors.append(&mut errs);
        errors.append(&mut ck.errors);
    }
    // Opposites name concepts that exist, and hold both ways.
    let mut opposites: Vec<(String, String)> = Vec::new();
    for ((src, file), lines) in parsed.iter().zip(&starts) {
        let mut ck = Checker::with_lines(src, lines);
        for c in &file.concept {
            for o in &c.opposite {
                if !set.concepts.contains_key(o.get_ref()) || o.get_ref() == c.id.get_ref() {
                    ck.error(
                        o.span(),
                        format!("opposite '{}' is no other concept", o.get_ref()),
                    );
                } else {
                    opposites.push((c.id.get_ref().clone(), o.get_ref().clone()));
                }
            }
        }
        errors.append(&mut ck.errors);
    }
    for (a, b) in opposites {
        for (x, y) in [(&a, &b), (&b, &a)] {
            if let Some(c) = set.concepts.get_mut(x)
                && !c.opposite.contains(y)
            {
                c.opposite.push(y.clone());
            }
        }
    }

    let mut frame_ids = BTreeSet::new();
    let mut topic_ids = BTreeSet::new();
    let mut entity_names = BTreeSet::new();
    for ((src, file), lines) in parsed.iter().zip(&starts) {
        let mut ck = Checker::with_lines(src, lines);
        for t in &file.topic {
            if !is_id(t.id.get_ref()) {
                ck.error(
                    t.id.span(),
                    "topic id must be lowercase letters, digits and '-'",
                );
            } else if !topic_ids.insert(t.id.get_ref().clone()) {
                ck.error(
                    t.id.span(),
                    format!("topic '{}' is defined twice", t.id.get_ref()),
                );
            }
            let mut words = BTreeMap::new();
            for (lang, pats) in &t.words {
                if !set.langs.contains_key(lang) {
                    ck.error(
                        pats.first().map_or(t.id.span(), |p| p.span()),
                        format!("language '{lang}' has no language pack"),
                    );
                }
                // Searched only where the language's set of topic words matched.
                let pats = ck.regexes(pats).into_iter().map(Pattern::in_set);
                words.insert(lang.clone(), pats.collect());
            }
            let terms = ck.terms_and_concepts(&set, &t.terms, &t.concepts, t.id.span());
            if words.is_empty() && terms.is_empty() {
                ck.error(t.id.span(), "a topic needs words, terms or concepts");
            }
            for m in &t.measures {
                if !crate::normalize::UNITS
                    .iter()
                    .any(|(_, dimension, _)| dimension == m.get_ref())
                {
                    ck.error(
                        m.span(),
                        format!("unknown dimension '{}' in measures", m.get_ref()),
                    );
                }
            }
            set.topics.push(Topic {
                id: t.id.get_ref().clone(),
                group: t.group.clone(),
                words,
                terms,
                measures: t.measures.iter().map(|m| m.get_ref().clone()).collect(),
            });
        }
        for e in &file.entity {
            let kind = EntityKind::parse(e.kind.get_ref());
            if kind.is_none() || kind == Some(EntityKind::Unknown) {
                ck.error(
                    e.kind.span(),
                    format!(
                        "unknown entity type '{}': expected person, country, city, org or outlet",
                        e.kind.get_ref()
                    ),
                );
            }
            if !entity_names.insert(e.name.get_ref().clone()) {
                ck.error(
                    e.name.span(),
                    format!("entity '{}' is defined twice", e.name.get_ref()),
                );
            }
            for lang in e.local.keys() {
                if !set.langs.contains_key(lang) {
                    ck.error(
                        e.name.span(),
                        format!("language '{lang}' has no language pack"),
                    );
                }
            }
            set.entities.push(Entity {
                name: e.name.get_ref().clone(),
                kind: kind.unwrap_or(EntityKind::Org),
                aliases: e.aliases.clone(),
                local: e.local.clone(),
                demonyms: e.demonyms.clone(),
                metonyms: e.metonyms.clone(),
                country: e.country.as_ref().map(|c| c.get_ref().clone()),
            });
        }
        for o in &file.office {
            let date = |ck: &mut Checker, d: &Spanned<String>| {
                let parsed = chrono::NaiveDate::parse_from_str(d.get_ref(), "%Y-%m-%d").ok();
                if parsed.is_none() {
                    ck.error(
                        d.span(),
                        format!("'{}' is not a date (YYYY-MM-DD)", d.get_ref()),
                    );
                }
                parsed
            };
            let from = date(&mut ck, &o.from);
            let to = o.to.as_ref().map(|t| (date(&mut ck, t), t.span()));
            if let (Some(f), Some((Some(t), span))) = (from, &to)
                && *t < f
            {
                ck.error(
                    span.clone(),
                    format!("{} left office before taking it", o.person.get_ref()),
                );
            }
            // A surname alone names too many people; a mononym ("Sugiono") is a full name.
            let person = o.person.get_ref();
            if person.split_whitespace().count() < 2 && person.chars().count() < 6 {
                ck.error(
                    o.person.span(),
                    "an office-holder is named by a full name (two words or more, or a mononym of six letters or more)",
                );
            }
            if let Some(from) = from {
                let mut names = vec![o.person.get_ref().clone()];
                names.extend(o.aliases.iter().cloned());
                set.offices.push(Office {
                    person: o.person.get_ref().clone(),
                    names,
                    role: o.role.clone(),
                    from,
                    to: to.and_then(|(t, _)| t),
                });
            }
        }
        for f in &file.furniture {
            if !is_id(f.id.get_ref()) {
                ck.error(
                    f.id.span(),
                    "furniture id must be lowercase letters, digits and '-'",
                );
            }
            if let Some(pattern) = ck.regex(&f.pattern) {
                let at = ck.at(f.id.span());
                set.furniture.push(Furniture {
                    id: f.id.get_ref().clone(),
                    pattern,
                    examples: f.examples.clone(),
                    counter: f.counter.clone(),
                    at,
                });
            }
        }
        errors.append(&mut ck.errors);
    }

    // Countries named by cities and organisations must exist; so must those that demonyms
    // name, which join the country's own.
    for ((src, file), lines) in parsed.iter().zip(&starts) {
        let mut ck = Checker::with_lines(src, lines);
        for d in &file.demonym {
            let country = set
                .entities
                .iter_mut()
                .find(|x| x.kind == EntityKind::Country && &x.name == d.country.get_ref());
            let Some(country) = country else {
                ck.error(
                    d.country.span(),
                    format!("country '{}' is not a country entity", d.country.get_ref()),
                );
                continue;
            };
            for (lang, forms) in &d.words {
                if !set.langs.contains_key(lang) {
                    ck.error(
                        d.country.span(),
                        format!("language '{lang}' has no language pack"),
                    );
                }
                for w in forms {
                    if !country.demonyms.contains(w) {
                        country.demonyms.push(w.clone());
                    }
                }
            }
        }
        for e in &file.entity {
            if let Some(c) = &e.country {
                let ok = set
                    .entities
                    .iter()
                    .any(|x| x.kind == EntityKind::Country && &x.name == c.get_ref());
                if !ok {
                    ck.error(
                        c.span(),
                        format!("country '{}' is not a country entity", c.get_ref()),
                    );
                }
            }
        }
        errors.append(&mut ck.errors);
    }

    for ((src, file), lines) in parsed.iter().zip(&starts) {
        let mut ck = Checker::with_lines(src, lines);
        for f in &file.frame {
            if let Some(frame) = check_frame(&mut ck, f, &set, &mut frame_ids) {
                set.frames.push(frame);
            }
        }
        errors.append(&mut ck.errors);
    }

    if errors.is_empty() {
        Ok(set)
    } else {
        Err(errors)
    }
}

fn add_lang(ck: &mut Checker, langs: &mut BTreeMap<String, Lang>, f: &LangFile) {
    let code = f.code.get_ref();
    if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
        ck.error(
            f.code.span(),
            "language code must be 2 or 3 lowercase letters (ISO 639)",
        );
    }
    let lang = langs.entry(code.clone()).or_insert_with(|| Lang {
        code: code.clone(),
        name: code.clone(),
        numbers: Numbers {
            decimal: '.',
            ..Numbers::default()
        },
        ..Lang::default()
    });
    if let Some(name) = &f.name {
        lang.name = name.clone();
    }
    lang.stopwords.extend(lowercase(&f.stopwords));
    lang.abbreviations.extend(f.abbreviations.iter().cloned());
    lang.titles.extend(f.titles.iter().cloned());
    if let Some(c) = f.title_compounds {
        lang.title_compounds = c;
    }
    lang.noun_markers.extend(lowercase(&f.noun_markers));
    lang.name_particles.extend(f.name_particles.iter().cloned());
    lang.locatives.extend(lowercase(&f.locatives));
    lang.place_titles.extend(f.place_titles.iter().cloned());
    // Loading builds the pack alone: its stemming is shared only once patterns are made.
    let stemming = Arc::make_mut(&mut lang.stemming);
    for p in &f.stem.prefixes {
        let (from, to) = match p.split_once('>') {
            Some((a, b)) => (a.to_lowercase(), Some(b.to_lowercase())),
            None => (p.to_lowercase(), None),
        };
        stemming.prefixes.push((from, to));
    }
    stemming
        .prefixes
        .sort_by_key(|(p, _)| std::cmp::Reverse(p.chars().count()));
    stemming.suffixes.extend(lowercase(&f.stem.suffixes));
    stemming
        .suffixes
        .sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    if let Some(v) = &f.stem.vowels {
        stemming.vowels = v.to_lowercase();
    }
    if let Some(name) = &f.stem.snowball {
        match crate::words::Stemmer::snowball(name.get_ref()) {
            Some(st) => stemming.stemmer = st,
            None => ck.error(
                name.span(),
                format!("no Snowball stemmer is called '{}'", name.get_ref()),
            ),
        }
    }

    let d = &f.dates;
    for (list, want, what) in [(&d.months, 12, "months"), (&d.weekdays, 7, "weekdays")] {
        let Some(list) = list else { continue };
        let n = list.get_ref().len();
        if n != 0 && n != want {
            ck.error(list.span(), format!("{what} needs {want} lists, found {n}"));
        } else if n == want {
            let target = if what == "months" {
                &mut lang.dates.months
            } else {
                &mut lang.dates.weekdays
            };
            if target.is_empty() {
                *target = vec![Vec::new(); want];
            }
            for (i, names) in list.get_ref().iter().enumerate() {
                target[i].extend(names.iter().cloned());
            }
        }
    }
    lang.dates
        .day_suffixes
        .extend(d.day_suffixes.iter().cloned());
    lang.dates.prefixes.extend(d.prefixes.iter().cloned());
    lang.dates.connectors.extend(d.connectors.iter().cloned());
    lang.dates
        .absorb_after
        .extend(d.absorb_after.iter().cloned());
    lang.dates.range_start.extend(d.range_start.iter().cloned());
    lang.dates.range_join.extend(d.range_join.iter().cloned());
    lang.dates.until.extend(lowercase(&d.until));
    lang.dates.since.extend(lowercase(&d.since));
    lang.dates.day_before.extend(lowercase(&d.day_before));
    lang.dates.day_after.extend(lowercase(&d.day_after));
    lang.dates.day_of.extend(lowercase(&d.day_of));
    lang.dates.ahead.extend(lowercase(&d.ahead));
    lang.dates.future.extend(lowercase(&d.future));
    lang.dates.not_future.extend(lowercase(&d.not_future));
    for p in &d.times {
        let Some(re) = ck.regex(p) else { continue };
        let groups: Vec<String> = re.group_names();
        if !groups.iter().any(|g| g == "h") {
            ck.error(
                p.span(),
                "a time pattern needs a group named 'h' (the hour)",
            );
        }
        for g in groups
            .iter()
            .filter(|g| !["h", "m", "half"].contains(&g.as_str()))
        {
            ck.error(
                p.span(),
                format!("group '{g}': a time pattern has only the groups h, m and half"),
            );
        }
        lang.dates.times.push(re);
    }
    lang.dates.am.extend(lowercase(&d.am));
    lang.dates.pm.extend(lowercase(&d.pm));
    for (zone, offset) in &d.zones {
        match parse_offset(offset.get_ref()) {
            Some(minutes) => lang.dates.zones.push((zone.to_lowercase(), minutes)),
            None => ck.error(
                offset.span(),
                format!(
                    "zone offset '{}': expected Z or +HH:MM / -HH:MM",
                    offset.get_ref()
                ),
            ),
        }
    }
    lang.dates
        .zones
        .sort_by_key(|(z, _)| std::cmp::Reverse(z.chars().count()));
    if let Some(order) = &d.numeric_order {
        match order.get_ref().as_str() {
            "dmy" => lang.dates.numeric_order = NumericOrder::Dmy,
            "mdy" => lang.dates.numeric_order = NumericOrder::Mdy,
            other => ck.error(
                order.span(),
                format!("numeric_order '{other}': expected dmy or mdy"),
            ),
        }
    }
    for (phrase, spellings) in &d.relative {
        match Relative::from_phrase(phrase) {
            Some(rel) => lang.dates.relative.push((rel, spellings.clone())),
            None => ck.error(
                f.code.span(),
                format!(
                    "unknown relative date '{phrase}': expected one of {}",
                    Relative::ALL.map(|r| r.phrase()).join(", ")
                ),
            ),
        }
    }

    let n = &f.numbers;
    if let Some(dec) = &n.decimal {
        match dec.get_ref().as_str() {
            "." => lang.numbers.decimal = '.',
            "," => lang.numbers.decimal = ',',
            other => ck.error(
                dec.span(),
                format!("decimal '{other}': expected \".\" or \",\""),
            ),
        }
    }
    lang.numbers
        .scales
        .extend(n.scales.iter().map(|(k, v)| (k.clone(), *v)));
    lang.numbers
        .words
        .extend(n.words.iter().map(|(k, v)| (k.clone(), *v)));
    // Compound number words from their parts: "{tens}-{units}" makes "twenty-one" …
    // "ninety-nine" out of the tens and units the pack lists.
    let part = |lo: f64, hi: f64, step: f64| -> Vec<(String, f64)> {
        n.words
            .iter()
            .chain(&n.compound_units)
            .filter(|(_, v)| (lo..=hi).contains(*v) && (*v % step) == 0.0)
            .map(|(k, v)| (k.to_lowercase(), *v))
            .collect()
    };
    let (tens, units) = (part(20.0, 90.0, 10.0), part(1.0, 9.0, 1.0));
    for template in &n.compounds {
        let t = template.get_ref();
        if !t.contains("{tens}") || !t.contains("{units}") {
            ck.error(template.span(), "a compound needs {tens} and {units}");
            continue;
        }
        for (tw, tv) in &tens {
            for (uw, uv) in &units {
                let word = t.replace("{tens}", tw).replace("{units}", uw);
                if !lang
                    .numbers
                    .words
                    .iter()
                    .any(|(w, _)| w.eq_ignore_ascii_case(&word))
                {
                    lang.numbers.words.push((word, tv + uv));
                }
            }
        }
    }
    // Ranges and updates are written alike: "… {a} … {b}".
    for (templates, what) in [(&n.ranges, "range"), (&n.updates, "change")] {
        for template in templates {
            let t = template.get_ref().to_lowercase();
            match (t.split_once("{a}"), t.ends_with("{b}")) {
                (Some((before, rest)), true) if rest.contains("{b}") => {
                    let join = rest.trim_end_matches("{b}");
                    if join.trim().is_empty() {
                        ck.error(
                            template.span(),
                            format!("a {what} needs words between {{a}} and {{b}}"),
                        );
                        continue;
                    }
                    let pair = (norm_words(before), norm_words(join));
                    if what == "range" {
                        lang.numbers.ranges.push(pair);
                    } else {
                        lang.numbers.updates.push(pair);
                    }
                }
                _ => ck.error(
                    template.span(),
                    format!("a {what} is written \"… {{a}} … {{b}}\", ending with {{b}}"),
                ),
            }
        }
    }
    lang.numbers.percent.extend(n.percent.iter().cloned());
    for (name, code) in &n.currencies {
        let c = code.get_ref();
        if !iso_4217(c) {
            ck.error(
                code.span(),
                format!("currency '{c}' is not an ISO 4217 code"),
            );
        }
        lang.numbers.currencies.push((name.clone(), c.clone()));
    }
    for (word, codes) in &n.shared_currencies {
        let lower = word.to_lowercase();
        for (code, country) in codes {
            if !iso_4217(code) {
                ck.error(
                    country.span(),
                    format!("currency '{code}' is not an ISO 4217 code"),
                );
            }
        }
        if !lang
            .numbers
            .currencies
            .iter()
            .any(|(w, _)| w.to_lowercase() == lower)
        {
            let at = codes.values().next().map_or(0..0, |c| c.span());
            ck.error(
                at,
                format!("shared currency '{word}' is not one of the pack's currencies"),
            );
        }
        lang.numbers.shared_currencies.push((
            lower,
            codes
                .iter()
                .map(|(code, country)| (code.clone(), country.get_ref().clone()))
                .collect(),
        ));
    }
    lang.numbers.up.extend(lowercase(&n.up));
    lang.numbers.changes.extend(lowercase(&n.changes));
    lang.numbers
        .ordinal_suffixes
        .extend(lowercase(&n.ordinal_suffixes));
    lang.numbers.down.extend(lowercase(&n.down));
    lang.numbers.particle_verbs.extend(
        n.particle_verbs
            .iter()
            .map(|w| crate::normalize::norm_space(&w.to_lowercase())),
    );
    lang.numbers.level.extend(n.level.iter().cloned());
    lang.numbers.partitive.extend(lowercase(&n.partitive));
    lang.numbers.compare.extend(lowercase(&n.compare));
    lang.numbers.indefinites.extend(lowercase(&n.indefinites));
    lang.numbers
        .factors
        .extend(n.factors.iter().map(|(k, v)| (k.clone(), *v)));
    for (lead, value) in &n.scale_leads {
        if *value.get_ref() <= 0.0 {
            ck.error(
                value.span(),
                format!("scale lead '{lead}' needs a number above 0"),
            );
            continue;
        }
        if lead.matches("{scale}").count() != 1 || lead.trim() == "{scale}" {
            ck.error(
                value.span(),
                format!("scale lead '{lead}' needs its words and one {{scale}}: \"a {{scale}}\""),
            );
            continue;
        }
        lang.numbers
            .scale_leads
            .push((lead.to_lowercase(), *value.get_ref()));
    }
    lang.numbers.clock_before.extend(lowercase(&n.clock_before));
    lang.numbers.age_of.extend(lowercase(&n.age_of));
    lang.numbers.age_before.extend(lowercase(&n.age_before));
    lang.numbers.half.extend(lowercase(&n.half));
    lang.numbers.half_after.extend(lowercase(&n.half_after));
    lang.numbers
        .each
        .extend(n.each.iter().map(|w| crate::words::plain_words(w)));
    lang.numbers
        .each_before
        .extend(n.each_before.iter().map(|w| crate::words::plain_words(w)));
    lang.numbers.whole_before.extend(lowercase(&n.whole_before));
    for (word, unit) in &n.durations {
        // Calendar units as ISO 8601 writes them; hours, minutes and seconds as lowercase
        // codes ('M' is the month).
        let code = match unit.get_ref().as_str() {
            u @ ("Y" | "M" | "W" | "D") => u.chars().next(),
            "H" => Some('h'),
            "MIN" => Some('n'),
            "S" => Some('s'),
            _ => None,
        };
        match code {
            Some(c) => lang.numbers.durations.push((word.clone(), c)),
            None => ck.error(
                unit.span(),
                format!(
                    "duration unit '{}': expected Y, M, W, D, H, MIN or S",
                    unit.get_ref()
                ),
            ),
        }
    }

    // The symbols of DESIGN.md's measurements, and the other units the normalizer converts.
    let symbols = crate::normalize::UNITS.map(|(symbol, ..)| symbol);
    for (word, unit) in &n.units {
        if symbols.contains(&unit.get_ref().as_str()) {
            lang.numbers
                .units
                .push((word.clone(), unit.get_ref().clone()));
        } else {
            ck.error(
                unit.span(),
                format!(
                    "unit symbol '{}': expected one of {}",
                    unit.get_ref(),
                    symbols.join(", ")
                ),
            );
        }
    }

    lang.numbers
        .prepositions
        .extend(n.prepositions.iter().map(|w| w.to_lowercase()));
    for (word, kind) in &n.approx {
        match Approx::parse(kind.get_ref()) {
            Some(k) => lang.numbers.approx.push((word.clone(), k)),
            None => ck.error(
                kind.span(),
                format!(
                    "approx '{}': expected about, over, under, nearly, at-least or at-most",
                    kind.get_ref()
                ),
            ),
        }
    }

    let a = &f.attribution;
    let speech = ck.regexes(&a.speech);
    lang.attribution.speech.extend(speech);
    let after = ck.regexes(&a.speech_after);
    lang.attribution.speech_after.extend(after);
    let participle = ck.regexes(&a.speech_participle);
    lang.attribution.speech_participle.extend(participle);
    let own = ck.regexes(&a.speech_self);
    lang.attribution.speech_self.extend(own);
    let denial = ck.regexes(&a.denial);
    lang.attribution.denial.extend(denial);
    let hedge = ck.regexes(&a.hedge);
    lang.attribution.hedge.extend(hedge);
    for p in &a.citation {
        if let Some(re) = ck.regex(p) {
            if re.group_names().iter().any(|n| n == "source") {
                lang.attribution.citation.push(re);
            } else {
                ck.error(p.span(), "citation pattern needs a group named 'source'");
            }
        }
    }
    lang.attribution.pronouns.extend(a.pronouns.iter().cloned());
    lang.attribution.roles.extend(lowercase(&a.roles));
    lang.attribution
        .complementizers
        .extend(lowercase(&a.complementizers));
    lang.attribution
        .conjunctions
        .extend(lowercase(&a.conjunctions));
    lang.attribution.relatives.extend(lowercase(&a.relatives));
    lang.attribution
        .relative_pronouns
        .extend(lowercase(&a.relative_pronouns));
    let negation = ck.regexes(&a.negation);
    lang.attribution.negation.extend(negation);
    let not_negation = ck.regexes(&a.not_negation);
    lang.attribution.not_negation.extend(not_negation);
    lang.attribution
        .subordinators
        .extend(lowercase(&a.subordinators));
    lang.attribution.contrast.extend(lowercase(&a.contrast));
    if let Some(d) = a.drops_pronouns {
        lang.attribution.drops_pronouns = d;
    }
    if let Some(i) = a.inverted_after_comma {
        lang.attribution.inverted_after_comma = i;
    }

    for ex in &f.example {
        let at = ck.at(ex.text.span());
        lang.examples.push(NormExample {
            at,
            text: ex.text.get_ref().clone(),
            published: ex.published.clone(),
            expect: ex.expect.clone(),
        });
    }
}

fn parse_slot_types(s: &str) -> Option<Vec<SlotType>> {
    Some(match s {
        "topic" => vec![SlotType::Topic],
        "content" => vec![SlotType::Content],
        "word" => vec![SlotType::Word],
        "duration" | "money" | "percent" | "count" | "date" => {
            vec![SlotType::Value(ValueKind::parse(s)?)]
        }
        "place" => vec![
            SlotType::Entity(EntityKind::City),
            SlotType::Entity(EntityKind::Country),
        ],
        "party" => vec![
            SlotType::Entity(EntityKind::Country),
            SlotType::Entity(EntityKind::Org),
            SlotType::Entity(EntityKind::Person),
        ],
        other => vec![SlotType::Entity(EntityKind::parse(other)?)],
    })
}

fn check_frame(
    ck: &mut Checker,
    f: &FrameFile,
    set: &RuleSet,
    ids: &mut BTreeSet<String>,
) -> Option<Frame> {
    let errors_before = ck.errors.len();
    let id = f.id.get_ref();
    if !is_id(id) {
        ck.error(
            f.id.span(),
            "frame id must be lowercase letters, digits and '-'",
        );
    } else if !ids.insert(id.clone()) {
        ck.error(f.id.span(), format!("frame '{id}' is defined twice"));
    }
    let kind = match f.kind.get_ref().as_str() {
        "event" => Kind::Event,
        "quantity" => Kind::Quantity,
        "statement" => Kind::Statement,
        other => {
            ck.error(
                f.kind.span(),
                format!("kind '{other}': expected event, quantity or statement"),
            );
            Kind::Event
        }
    };

    let mut slots = Vec::new();
    for (name, s) in &f.slots {
        let names: Vec<String> = match s.types.get_ref() {
            TypeList::One(t) => vec![t.clone()],
            TypeList::Many(ts) => ts.clone(),
        };
        let mut types = Vec::new();
        for t in &names {
            match parse_slot_types(t) {
                Some(ts) => types.extend(ts),
                None => ck.error(
                    s.types.span(),
                    format!(
                        "slot type '{t}': expected person, country, city, org, outlet, place, party, topic, unknown, content, duration, money, percent, count, measure or date"
                    ),
                ),
            }
        }
        let side = match s.side.as_ref().map(|x| x.get_ref().as_str()) {
            None | Some("any") => Side::Any,
            Some("before") => Side::Before,
            Some("after") => Side::After,
            Some(other) => {
                let span = s.side.as_ref().map_or(0..0, |x| x.span());
                ck.error(
                    span,
                    format!("side '{other}': expected before, after or any"),
                );
                Side::Any
            }
        };
        let first = match s.pick.as_ref().map(|x| x.get_ref().as_str()) {
            None | Some("nearest") => false,
            Some("first") => true,
            Some(other) => {
                let span = s.pick.as_ref().map_or(0..0, |x| x.span());
                ck.error(span, format!("pick '{other}': expected nearest or first"));
                false
            }
        };
        if types.contains(&SlotType::Topic) {
            match &s.group {
                Some(g) if set.topics.iter().any(|t| &t.group == g) => {}
                Some(g) => ck.error(s.types.span(), format!("no topic is in group '{g}'")),
                None => ck.error(s.types.span(), "a topic slot needs a group"),
            }
        }
        let inherit = match &s.inherit {
            None => false,
            Some(x) if x.get_ref() == "paragraph" => true,
            Some(x) => {
                ck.error(
                    x.span(),
                    format!("inherit '{}': expected paragraph", x.get_ref()),
                );
                false
            }
        };
        slots.push(Slot {
            name: name.clone(),
            types,
            count: s.count.unwrap_or(1).max(1),
            side,
            first,
            group: s.group.clone(),
            required: s.required.unwrap_or(true),
            inherit,
        });
    }

    let value_kind = match ValueKind::parse(f.value.kind.get_ref()) {
        Some(v) => v,
        None => {
            ck.error(
                f.value.kind.span(),
                format!(
                    "value type '{}': expected date, time, money, percent, count, duration, factor, measure, polarity or number",
                    f.value.kind.get_ref()
                ),
            );
            ValueKind::Date
        }
    };
    let consistent = match kind {
        Kind::Event => matches!(value_kind, ValueKind::Date | ValueKind::Time),
        Kind::Statement => value_kind == ValueKind::Polarity,
        Kind::Quantity => !matches!(value_kind, ValueKind::Date | ValueKind::Polarity),
    };
    let catch_all = f.catch_all.unwrap_or(false);
    if value_kind == ValueKind::Number && !catch_all {
        ck.error(
            f.value.kind.span(),
            "value type 'number' (any amount) is for catch-all frames only",
        );
    }
    if !consistent {
        ck.error(
            f.value.kind.span(),
            format!(
                "a {} frame cannot have a {} value (events take a date or a time, statements polarity, quantities a number)",
                kind.as_str(),
                f.value.kind.get_ref()
            ),
        );
    }
    if let Some(side) = &f.value.side {
        ck.error(
            side.span(),
            format!("value side '{}' is not supported", side.get_ref()),
        );
    }
    let tolerance = f.value.tolerance.unwrap_or(match value_kind {
        ValueKind::Money => 0.05,
        _ => 0.0,
    });

    let time = match f.time.as_ref().map(|t| t.get_ref().as_str()) {
        None | Some("document") => TimeScope::Document,
        Some("paragraph") => TimeScope::Paragraph,
        Some("sentence") => TimeScope::Sentence,
        Some(other) => {
            let span = f.time.as_ref().map_or(0..0, |t| t.span());
            ck.error(
                span,
                format!("time '{other}': expected sentence, paragraph or document"),
            );
            TimeScope::Document
        }
    };

    let mut key = Vec::new();
    for k in &f.key {
        if k.get_ref() != "period" && !f.slots.contains_key(k.get_ref()) {
            ck.error(
                k.span(),
                format!("key '{}' is not a slot of this frame", k.get_ref()),
            );
        }
        key.push(k.get_ref().clone());
    }
    let mut qualifiers = Vec::new();
    for q in &f.qualifiers {
        if !f.slots.contains_key(q.get_ref()) {
            ck.error(
                q.span(),
                format!("qualifier '{}' is not a slot of this frame", q.get_ref()),
            );
        }
        qualifiers.push(q.get_ref().clone());
    }
    let mut told_once = Vec::new();
    for t in &f.told_once {
        if !f.fallback.unwrap_or(false) {
            ck.error(t.span(), "told_once applies to fallback frames only");
        } else if !f.concepts.iter().any(|c| c.get_ref() == t.get_ref()) {
            ck.error(
                t.span(),
                format!(
                    "told_once '{}' is not one of this frame's concepts",
                    t.get_ref()
                ),
            );
        }
        told_once.push(t.get_ref().clone());
    }

    // Summary placeholders must name slots or `period`.
    let summary = f.summary.get_ref();
    let mut rest = summary.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            ck.error(f.summary.span(), "unclosed '{' in summary");
            break;
        };
        let name = &rest[open + 1..open + close];
        let generated = ["period", "value", "clause"].contains(&name)
            || (name == "what" && f.catch_all == Some(true));
        if !generated && !f.slots.contains_key(name) {
            ck.error(
                f.summary.span(),
                format!("summary names '{{{name}}}', which is not a slot"),
            );
        }
        rest = &rest[open + close + 1..];
    }

    let mut triggers = BTreeMap::new();
    for (lang, pats) in &f.triggers {
        if !set.langs.contains_key(lang) {
            ck.error(
                pats.first().map_or(f.id.span(), |p| p.span()),
                format!("language '{lang}' has no language pack"),
            );
        }
        let mut res = Vec::new();
        for p in pats {
            if let Some(re) = ck.regex(p) {
                for group in re.group_names() {
                    if !f.slots.contains_key(&group) {
                        ck.error(
                            p.span(),
                            format!("group '{group}' is not a slot of this frame"),
                        );
                    }
                }
                // Searched only in sentences where the language's set of triggers (or a
                // word trigger) found the frame.
                res.push(re.in_set());
            }
        }
        triggers.insert(lang.clone(), res);
    }
    let mut exclude = BTreeMap::new();
    for (lang, pats) in &f.exclude {
        exclude.insert(lang.clone(), ck.regexes(pats));
    }

    let mut units = BTreeMap::new();
    for (lang, pats) in &f.value.units {
        units.insert(lang.clone(), ck.regexes(pats));
    }
    // A group a count may be keyed by is also what it may count ("пять мирных жителей").
    let counted: Vec<Spanned<String>> = f
        .value
        .unit_concepts
        .iter()
        .chain(&f.value.subgroups)
        .cloned()
        .collect();
    let unit_words = ck.terms_and_concepts(set, &BTreeMap::new(), &counted, f.id.span());
    let words = ck.terms_and_concepts(set, &f.terms, &f.concepts, f.id.span());
    if f.triggers.is_empty() && words.is_empty() && !catch_all {
        ck.error(f.id.span(), "a frame needs triggers, terms or concepts");
    }

    let mut examples = Vec::new();
    for ex in &f.example {
        let lang = ex.language.get_ref();
        let fires = f.triggers.contains_key(lang)
            || words.contains_key(lang)
            || (catch_all && set.langs.contains_key(lang));
        if !fires {
            ck.error(
                ex.language.span(),
                format!(
                    "example language '{}' has no triggers in this frame",
                    ex.language.get_ref()
                ),
            );
        }
        for k in ex.expect.keys() {
            let known = ["value", "period", "speaker", "polarity"].contains(&k.as_str())
                || f.slots.contains_key(k)
                || (catch_all && k == "what");
            if !known {
                ck.error(
                    ex.text.span(),
                    format!("expect names '{k}', which is not a slot"),
                );
            }
        }
        examples.push(FrameExample {
            at: ck.at(ex.text.span()),
            language: ex.language.get_ref().clone(),
            text: ex.text.get_ref().clone(),
            published: ex.published.clone(),
            expect: ex.expect.clone(),
        });
    }
    if examples.is_empty() {
        ck.error(
            f.id.span(),
            format!("frame '{id}' has no [[frame.example]]"),
        );
    }
    let counters = f
        .counter
        .iter()
        .map(|c| FrameCounter {
            at: ck.at(c.text.span()),
            language: c.language.get_ref().clone(),
            text: c.text.get_ref().clone(),
        })
        .collect();

    if ck.errors.len() > errors_before {
        return None;
    }
    Some(Frame {
        id: id.clone(),
        kind,
        summary: summary.clone(),
        triggers,
        words,
        concepts: f.concepts.iter().map(|c| c.get_ref().clone()).collect(),
        exclude,
        slots,
        value: ValueSpec {
            kind: value_kind,
            tolerance,
            units,
            unit_words,
            subgroups: f
                .value
                .subgroups
                .iter()
                .map(|g| g.get_ref().clone())
                .collect(),
            in_trigger: f.value.in_trigger.unwrap_or(false),
            near: f.value.near,
        },
        time,
        key,
        qualifiers,
        fallback: f.fallback.unwrap_or(false),
        told_once,
        catch_all,
        needs_speaker: f.needs_speaker.unwrap_or(false),
        examples,
        counters,
        at: ck.at(f.id.span()),
    })
}

/// A UTC offset in minutes: "Z", "+07:00", "-03:30".
fn parse_offset(s: &str) -> Option<i32> {
    if s == "Z" {
        return Some(0);
    }
    let sign = match s.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let (h, m) = s[1..].split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    ((0..=14).contains(&h) && (0..60).contains(&m) && h * 100 + m <= 1400)
        .then_some(sign * (h * 60 + m))
}

/// Words separated by single spaces.
fn norm_words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Vec<Source> {
        let mut v = default_sources();
        v.push(Source {
            path: "extra.toml".into(),
            text: text.into(),
            trusted: false,
        });
        v
    }

    #[test]
    fn default_pack_loads() {
        let set = load(&default_sources()).expect("default rules load");
        assert!(set.langs.contains_key("en"));
        assert!(!set.frames.is_empty());
    }

    /// Every country a shared currency word may mean is one the gazetteer knows by that
    /// name, or the word could never mean its currency.
    #[test]
    fn shared_currencies_name_known_countries() {
        let set = load(&default_sources()).expect("default rules load");
        let countries: BTreeSet<&str> = set
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Country)
            .map(|e| e.name.as_str())
            .collect();
        let mut seen = 0;
        for (code, lang) in &set.langs {
            for (word, meanings) in &lang.numbers.shared_currencies {
                for (_, country) in meanings {
                    seen += 1;
                    assert!(
                        countries.contains(country.as_str()),
                        "{code}: {word}: {country}"
                    );
                }
            }
        }
        assert!(seen > 0);
    }

    #[test]
    fn unknown_key_has_location() {
        let errs = load(&src("[[furniture]]\nid = \"x\"\npatern = \"a\"\n")).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].at.file, "extra.toml");
        assert_eq!(errs[0].at.line, 3, "{}", errs[0]);
    }

    #[test]
    fn a_scale_lead_without_its_scale_points_at_its_number() {
        let pack = "[language]\ncode = \"zz\"\nname = \"test\"\n[language.numbers]\n\
                    decimal = \".\"\nscale_leads = { \"a\" = 1, \"half a {scale}\" = 0.5 }\n";
        let errs = load(&src(pack)).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!((errs[0].at.line, errs[0].at.column), (6, 23), "{}", errs[0]);
        assert!(errs[0].message.contains("{scale}"), "{}", errs[0]);
    }

    #[test]
    fn a_topic_measuring_an_unknown_dimension_points_at_it() {
        let topic = "[[topic]]\nid = \"gusts\"\ngroup = \"dimension\"\nterms = { en = [\"gust\"] }\nmeasures = [\"speed\", \"lenght\"]\n";
        let errs = load(&src(topic)).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!((errs[0].at.line, errs[0].at.column), (5, 22), "{}", errs[0]);
        assert!(errs[0].message.contains("lenght"), "{}", errs[0]);
    }

    #[test]
    fn bad_regex_points_at_value() {
        let errs = load(&src("[[furniture]]\nid = \"x\"\npattern = \"a(\"\n")).unwrap_err();
        assert_eq!(errs[0].at.line, 3);
        assert_eq!(errs[0].at.column, 11);
        assert!(errs[0].message.contains("bad regex"), "{}", errs[0]);
    }
}
