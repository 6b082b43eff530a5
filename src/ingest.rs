//! Ingest: walk a story folder in sorted order, read `.txt`, `.md` and saved `.html` pages
//! in whatever encoding they come, read the optional `story.toml` manifest, detect each
//! article's language and mark page furniture.
//!
//! Input: a folder (and optionally a manifest kept elsewhere). Output: a [`Story`] whose
//! articles are sorted by path, plus warnings for what could not be read or was guessed.
//! A page's article text is its main text only; its [`LineMap`] leads back to the file.

use crate::rules::{Location, RuleSet};
use crate::time::PartialDate;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

mod decode;
mod html;

pub use decode::{Decoded, decode};
pub use html::{LineMap, Place};

/// Article files the tool reads.
const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];
/// Of those, saved web pages.
const PAGE_EXTENSIONS: [&str; 2] = ["html", "htm"];
/// Files in a story folder that are not articles and need no warning.
const KNOWN_NON_ARTICLES: [&str; 3] = ["story.toml", "expected.toml", "README.md"];

/// One article: its text exactly as read, and what is known about it.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path relative to the story folder, with `/` separators.
    pub file: String,
    pub text: String,
    /// ISO 639-1 code of a loaded language pack, or "und" when no pack fits.
    pub language: String,
    pub outlet: Option<String>,
    pub published: Option<PartialDate>,
    pub url: Option<String>,
    pub upstream: Option<String>,
    /// Byte ranges of lines that are page furniture, not article text.
    pub furniture: Vec<Range<usize>>,
    /// News outlets the text cites as its source ("according to Reuters", "(AP)",
    /// "dilansir dari Washington Post"), canonical names. Filled by the pipeline.
    pub cited: Vec<String>,
}

/// A story folder, read.
#[derive(Debug)]
pub struct Story {
    /// The folder's name.
    pub name: String,
    pub title: Option<String>,
    pub articles: Vec<Article>,
    /// One line per file that was skipped or needed a guess.
    pub warnings: Vec<String>,
    /// For each article read from a page, by file: where its text stands in the file.
    /// Articles read from text files have none: their text is the file's.
    pub line_maps: BTreeMap<String, LineMap>,
    /// Copies: for each article whose text (furniture and whitespace aside) is that of an
    /// earlier one, by file, the earlier one's file. A copy is one origin with its original.
    pub copies: BTreeMap<String, String>,
}

/// Why a story could not be read at all (exit 2).
#[derive(Debug)]
pub enum IngestError {
    NotFound(PathBuf),
    NotADirectory(PathBuf),
    /// The folder, and why each file in it was skipped.
    Empty(PathBuf, Vec<String>),
    Manifest(Location, String),
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::NotFound(p) => write!(f, "{}: story folder not found", p.display()),
            IngestError::NotADirectory(p) => write!(f, "{}: not a folder", p.display()),
            IngestError::Empty(p, skipped) => {
                write!(
                    f,
                    "{}: no articles (.txt, .md or .html files) in this folder",
                    p.display()
                )?;
                if !skipped.is_empty() {
                    write!(f, " ({})", skipped.join("; "))?;
                }
                Ok(())
            }
            IngestError::Manifest(at, msg) => write!(f, "{at}: {msg}"),
            IngestError::Io(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    title: Option<String>,
    #[serde(default)]
    source: Vec<ManifestSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestSource {
    file: Spanned<String>,
    outlet: Option<String>,
    language: Option<Spanned<String>>,
    /// A value, not a string, so that an unquoted TOML date gets a message of its own.
    published: Option<Spanned<toml::Value>>,
    url: Option<String>,
    upstream: Option<String>,
}

fn locate(file: &str, text: &str, offset: usize) -> Location {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location {
        file: file.to_string(),
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

struct Entry {
    outlet: Option<String>,
    /// As written; it may name a language with no pack.
    language: Option<String>,
    published: Option<PartialDate>,
    url: Option<String>,
    upstream: Option<String>,
}

fn read_manifest(path: &Path) -> Result<(Option<String>, BTreeMap<String, Entry>), IngestError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| IngestError::Io(path.to_path_buf(), e))?;
    let m: ManifestFile = toml::from_str(&text).map_err(|e| {
        IngestError::Manifest(
            locate(&shown, &text, e.span().map_or(0, |s| s.start)),
            e.message().trim().to_string(),
        )
    })?;
    let mut entries = BTreeMap::new();
    let mut first_at: BTreeMap<String, Location> = BTreeMap::new();
    for s in m.source {
        let bad = |span: Range<usize>, msg: String| {
            IngestError::Manifest(locate(&shown, &text, span.start), msg)
        };
        let here = locate(&shown, &text, s.file.span().start);
        if let Some(first) = first_at.get(s.file.get_ref()) {
            return Err(IngestError::Manifest(
                here,
                format!(
                    "'{}' is listed twice (first at {first}); give each file one [[source]]",
                    s.file.get_ref()
                ),
            ));
        }
        first_at.insert(s.file.get_ref().clone(), here);
        let published = match &s.published {
            Some(p) => {
                let written = match p.get_ref() {
                    toml::Value::String(w) => w.clone(),
                    // `published = 2024-05-01` is a TOML date, not the text crosscheck reads.
                    toml::Value::Datetime(d) => {
                        return Err(bad(
                            p.span(),
                            format!(
                                "published must be a quoted string like \"2024-05-01\" \
                                 (write published = \"{d}\")"
                            ),
                        ));
                    }
                    other => {
                        return Err(bad(
                            p.span(),
                            format!(
                                "published must be a quoted string like \"2024-05-01\", \
                                 not a {}",
                                other.type_str()
                            ),
                        ));
                    }
                };
                Some(PartialDate::parse(&written).ok_or_else(|| {
                    bad(
                        p.span(),
                        format!("published '{written}': expected YYYY, YYYY-MM or YYYY-MM-DD"),
                    )
                })?)
            }
            None => None,
        };
        entries.insert(
            s.file.get_ref().clone(),
            Entry {
                outlet: s.outlet,
                language: s.language.map(Spanned::into_inner),
                published,
                url: s.url,
                upstream: s.upstream,
            },
        );
    }
    Ok((m.title, entries))
}

/// How deep the walk goes below the story folder; deeper folders are skipped with a warning.
pub const MAX_DEPTH: usize = 16;

/// What makes a file or folder itself, wherever it is linked from: device and inode on
/// Unix, else its canonical path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Identity {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn identity(path: &Path, meta: &std::fs::Metadata) -> Identity {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        Identity::Inode(meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Identity::Path(path.canonicalize().unwrap_or_else(|_| path.to_path_buf()))
    }
}

/// Every file under `dir` with its identity, sorted by path; hidden entries skipped. Links
/// to folders are followed only out of the story folder (a link back into it would read
/// its files twice, or loop), each folder is entered once, and at most [`MAX_DEPTH`]
/// levels down. What cannot be read or followed is a warning; only an unreadable `dir`
/// itself is an error.
fn walk(dir: &Path, warnings: &mut Vec<String>) -> Result<Vec<(PathBuf, Identity)>, IngestError> {
    let root = dir
        .canonicalize()
        .map_err(|e| IngestError::Io(dir.to_path_buf(), e))?;
    let root_meta = std::fs::metadata(dir).map_err(|e| IngestError::Io(dir.to_path_buf(), e))?;
    let rel = |p: &Path| {
        p.strip_prefix(dir)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let mut visited = BTreeSet::from([identity(&root, &root_meta)]);
    let mut out = Vec::new();
    // Depth first over sorted entries, so the first path to a folder or file is the same
    // on every run.
    let mut stack = vec![(dir.to_path_buf(), 0usize)];
    while let Some((d, depth)) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(entries) => entries,
            Err(e) if depth == 0 => return Err(IngestError::Io(d, e)),
            Err(e) => {
                warnings.push(format!(
                    "{}/: skipped: cannot read the folder: {e}",
                    rel(&d)
                ));
                continue;
            }
        };
        let mut paths: Vec<(PathBuf, bool)> = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    warnings.push(format!("{}/: skipped an entry: {e}", rel(&d)));
                    continue;
                }
            };
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
            paths.push((entry.path(), is_link));
        }
        paths.sort();
        let mut subfolders = Vec::new();
        for (path, is_link) in paths {
            // Follows links: a link stands for what it points at.
            let meta = match std::fs::metadata(&path) {
                Ok(meta) => meta,
                Err(e) if is_link => {
                    warnings.push(format!(
                        "{}: skipped: a link that leads nowhere: {e}",
                        rel(&path)
                    ));
                    continue;
                }
                Err(e) => {
                    warnings.push(format!("{}: skipped: cannot read: {e}", rel(&path)));
                    continue;
                }
            };
            if !meta.is_dir() {
                out.push((path.clone(), identity(&path, &meta)));
                continue;
            }
            if is_link
                && path
                    .canonicalize()
                    .is_ok_and(|target| target.starts_with(&root) || root.starts_with(&target))
            {
                warnings.push(format!(
                    "{}/: skipped: a link back into the story folder (its files are read where they are)",
                    rel(&path)
                ));
                continue;
            }
            if !visited.insert(identity(&path, &meta)) {
                warnings.push(format!(
                    "{}/: skipped: a folder already read through another path",
                    rel(&path)
                ));
                continue;
            }
            if depth + 1 > MAX_DEPTH {
                warnings.push(format!(
                    "{}/: skipped: more than {MAX_DEPTH} folders deep",
                    rel(&path)
                ));
                continue;
            }
            subfolders.push((path, depth + 1));
        }
        // Reversed, so the first subfolder is walked first.
        stack.extend(subfolders.into_iter().rev());
    }
    out.sort();
    Ok(out)
}

/// What language detection found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detected {
    /// A language with a loaded pack (its ISO 639-1 code).
    Pack(String),
    /// A language recognised without a pack (ISO 639-1 code where it has one, else 639-3).
    NoPack(String),
    /// Too little text to tell.
    Unknown,
}

/// Identify the language of `text`: whatlang's trigram model where it is sure (every
/// language it knows, so that Macedonian is named and not read as Russian); else the packs'
/// stop words, with whatlang choosing among the packs' languages when they tie ("30 die in
/// a bus collision": `die` is a German stop word too).
pub fn identify_language(text: &str, rules: &RuleSet) -> Detected {
    let iso1 = |l: whatlang::Lang| {
        isolang::Language::from_639_3(l.code())
            .and_then(|x| x.to_639_1())
            .map_or_else(|| l.code().to_string(), str::to_string)
    };
    if let Some(info) = whatlang::detect(text)
        && info.is_reliable()
    {
        let code = iso1(info.lang());
        return if rules.langs.contains_key(&code) {
            Detected::Pack(code)
        } else {
            Detected::NoPack(code)
        };
    }
    let mut counts: Vec<(usize, &str)> = stopword_counts(text, rules)
        .into_iter()
        .map(|(code, n)| (n, code))
        .collect();
    counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let best = counts.first().copied();
    let tied: Vec<&str> = counts
        .iter()
        .filter(|(n, _)| best.is_some_and(|(b, _)| *n + 1 >= b))
        .map(|(_, c)| *c)
        .collect();
    if tied.len() >= 2 {
        // The packs' own words decide first: the words of a short sentence that a tied
        // language's stop words or concept lexicon know ("30 die in a bus collision": "die"
        // and "collision" are English concept words, "in" and "a" English stop words).
        let mut known: Vec<(usize, &str)> = tied
            .iter()
            .map(|&code| (lexicon_hits(text, code, rules), code))
            .collect();
        known.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        if let [(first, code), (second, _), ..] = known.as_slice()
            && *first >= second + 2
        {
            return Detected::Pack(code.to_string());
        }
        let allow: Vec<whatlang::Lang> = whatlang::Lang::all()
            .iter()
            .copied()
            .filter(|l| tied.contains(&iso1(*l).as_str()))
            .collect();
        if let Some(lang) = whatlang::Detector::with_allowlist(allow).detect_lang(text) {
            return Detected::Pack(iso1(lang));
        }
    }
    match best {
        Some((n, code)) if n >= 2 => Detected::Pack(code.to_string()),
        _ => Detected::Unknown,
    }
}

/// Detect the language of `text` among the loaded packs ([`identify_language`]).
pub fn detect_language(text: &str, rules: &RuleSet) -> Option<String> {
    match identify_language(text, rules) {
        Detected::Pack(code) => Some(code),
        _ => None,
    }
}

/// How many of the first 200 words of `text` language `code` knows: its stop words, and
/// the words its concept lexicon matches (on stems, as extraction does).
fn lexicon_hits(text: &str, code: &str, rules: &RuleSet) -> usize {
    let Some(lang) = rules.langs.get(code) else {
        return 0;
    };
    // The byte where the 201st word starts (the text's end if it is shorter).
    let end = text
        .split_whitespace()
        .nth(200)
        .map_or(text.len(), |w| w.as_ptr() as usize - text.as_ptr() as usize);
    let tokens = lang.tokens(&text[..end]);
    let mut known: Vec<bool> = tokens
        .iter()
        .map(|t| lang.stopwords.contains(&t.lower))
        .collect();
    for concept in rules.concepts.values() {
        for pattern in concept.words.get(code).into_iter().flatten() {
            for (first, last) in pattern.find(&tokens) {
                known[first..=last].iter_mut().for_each(|k| *k = true);
            }
        }
    }
    known.into_iter().filter(|&k| k).count()
}

/// Hits of each pack's stop words in `text` (its first 2,000 words).
fn stopword_counts<'r>(text: &str, rules: &'r RuleSet) -> BTreeMap<&'r str, usize> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).take(2000) {
        if word.is_empty() {
            continue;
        }
        let w = word.to_lowercase();
        for (code, lang) in &rules.langs {
            if lang.stopwords.contains(&w) {
                *counts.entry(code).or_default() += 1;
            }
        }
    }
    counts
}

/// Byte ranges of lines that a furniture rule drops.
fn furniture(text: &str, rules: &RuleSet) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() && rules.furniture.iter().any(|f| f.pattern.is_match(trimmed)) {
            out.push(start..start + line.len());
        }
        start += line.len();
    }
    out
}

/// The largest article file read, in bytes, unless `--max-file-size` says otherwise: 20 MB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 20_000_000;

/// Read a story folder. `manifest` overrides `DIR/story.toml`. Files larger than
/// [`DEFAULT_MAX_FILE_SIZE`] are skipped with a warning.
pub fn ingest(dir: &Path, manifest: Option<&Path>, rules: &RuleSet) -> Result<Story, IngestError> {
    ingest_limited(dir, manifest, rules, DEFAULT_MAX_FILE_SIZE)
}

/// [`ingest`], skipping files larger than `max_file_size` bytes with a warning.
pub fn ingest_limited(
    dir: &Path,
    manifest: Option<&Path>,
    rules: &RuleSet,
    max_file_size: u64,
) -> Result<Story, IngestError> {
    if !dir.exists() {
        return Err(IngestError::NotFound(dir.to_path_buf()));
    }
    if !dir.is_dir() {
        return Err(IngestError::NotADirectory(dir.to_path_buf()));
    }
    let default_manifest = dir.join("story.toml");
    let manifest_path = manifest
        .map(Path::to_path_buf)
        .or_else(|| default_manifest.is_file().then_some(default_manifest));
    let (title, mut entries) = match &manifest_path {
        Some(p) => read_manifest(p)?,
        None => (None, BTreeMap::new()),
    };

    let mut warnings = Vec::new();
    let mut articles = Vec::new();
    let mut unknown: Vec<usize> = Vec::new();
    let mut line_maps = BTreeMap::new();
    let mut seen = BTreeSet::new();
    // The first path (in sorted order) to each file: a file linked twice is one article.
    let mut read: BTreeMap<Identity, String> = BTreeMap::new();
    for (path, id) in walk(dir, &mut warnings)? {
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        let is_article = ext
            .as_deref()
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e));
        if KNOWN_NON_ARTICLES.contains(&rel.as_str())
            || Some(path.as_path()) == manifest_path.as_deref()
        {
            continue;
        }
        // Found, whether or not it can be read: a skipped file is not also "not found".
        let listed = entries.remove(&rel);
        if !is_article {
            warnings.push(format!("{rel}: skipped: not a .txt, .md or .html article"));
            continue;
        }
        if let Some(first) = read.get(&id) {
            warnings.push(format!(
                "{rel}: skipped: the same file as {first} (a link); read once"
            ));
            continue;
        }
        read.insert(id, rel.clone());
        if let Ok(meta) = std::fs::metadata(&path)
            && meta.len() > max_file_size
        {
            warnings.push(format!(
                "{rel}: skipped: {} bytes, more than the limit of {max_file_size} \
                 (--max-file-size)",
                meta.len()
            ));
            continue;
        }
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                warnings.push(format!("{rel}: skipped: cannot read: {e}"));
                continue;
            }
        };
        let is_page = ext.as_deref().is_some_and(|e| PAGE_EXTENSIONS.contains(&e));
        let text = match decode(&bytes, is_page) {
            Ok(Decoded { text, assumed }) => {
                if let Some(how) = assumed {
                    warnings.push(format!("{rel}: not UTF-8; read as {how}"));
                }
                text
            }
            Err(why) => {
                warnings.push(format!("{rel}: skipped: {why}"));
                continue;
            }
        };
        if text.trim().is_empty() {
            warnings.push(format!("{rel}: skipped: empty"));
            continue;
        }
        let (text, meta) = if is_page {
            let page = html::read(&text);
            if page.text.trim().is_empty() {
                warnings.push(format!("{rel}: skipped: no article text found in the page"));
                continue;
            }
            line_maps.insert(rel.clone(), page.map);
            (page.text, page.meta)
        } else {
            (text, html::Meta::default())
        };
        seen.insert(rel.clone());
        // The manifest wins, field by field; the page's metadata stands in for it.
        let entry = listed.unwrap_or(Entry {
            outlet: None,
            language: None,
            published: None,
            url: None,
            upstream: None,
        });
        let furniture = furniture(&text, rules);
        let language = match (entry.language, meta.language) {
            (Some(l), _) if rules.langs.contains_key(&l) => l,
            (Some(l), _) => {
                // A language with no pack is no reason to stop: its claims are missed, the
                // other articles are read.
                warnings.push(format!(
                    "{rel}: no rule pack for language '{l}'; only its values are read (numbers, dates in digits, money)"
                ));
                "und".to_string()
            }
            (None, Some(l)) if rules.langs.contains_key(&l) => l,
            (None, page) => match (identify_language(&text, rules), page) {
                (Detected::Pack(code), _) => code,
                (_, Some(l)) => {
                    warnings.push(format!(
                        "{rel}: no rule pack for language '{l}' (the page's); \
                         only its values are read (numbers, dates in digits, money)"
                    ));
                    "und".to_string()
                }
                (Detected::NoPack(l), None) => {
                    warnings.push(format!(
                        "{rel}: no rule pack for language '{l}' (detected); \
                         only its values are read (numbers, dates in digits, money)"
                    ));
                    "und".to_string()
                }
                (Detected::Unknown, None) => {
                    // Decided once every article is read: the folder's language.
                    unknown.push(articles.len());
                    "und".to_string()
                }
            },
        };
        let published = entry.published.or_else(|| {
            meta.published
                .iter()
                .find_map(|d| PartialDate::parse(d.split(['T', ' ']).next().unwrap_or(d)))
        });
        let outlet = entry.outlet.or(meta.outlet);
        let url = entry.url.or(meta.url);
        let upstream = entry.upstream;
        let article = Article {
            file: rel,
            text,
            language,
            outlet,
            published,
            url,
            upstream,
            furniture,
            cited: Vec::new(),
        };
        let lang = rules.langs.get(&article.language);
        if let Some(first) =
            crate::segment::segment_mapped(&article, lang, line_maps.get(&article.file))
                .iter()
                .find(|s| s.cut)
        {
            warnings.push(format!(
                "{}:{}: more than {} characters with no sentence end; read in pieces of \
                 at most that length",
                article.file,
                first.line,
                crate::segment::MAX_SENTENCE_CHARS
            ));
        }
        articles.push(article);
    }
    // Too short to tell: read with the language most of the folder's articles are in.
    let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &articles {
        if a.language != "und" {
            *tally.entry(a.language.as_str()).or_default() += 1;
        }
    }
    let majority = tally
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(l, _)| l.to_string());
    for i in unknown {
        let a = &mut articles[i];
        match &majority {
            Some(l) => {
                warnings.push(format!(
                    "{}: language not recognised; read as '{l}', the folder's most common",
                    a.file
                ));
                a.language = l.clone();
            }
            None => warnings.push(format!(
                "{}: language not recognised; only its values are read (numbers, dates in digits, money)",
                a.file
            )),
        }
    }
    for missing in entries.keys() {
        warnings.push(format!("{missing}: listed in the manifest but not found"));
    }
    let copies = copies(&articles);
    for (copy, original) in &copies {
        warnings.push(format!(
            "{copy}: a copy of {original} (the same text); counted as one origin with it"
        ));
    }
    if articles.is_empty() {
        return Err(IngestError::Empty(dir.to_path_buf(), warnings));
    }
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .unwrap_or_else(|| dir.display().to_string());
    Ok(Story {
        name,
        title,
        articles,
        warnings,
        line_maps,
        copies,
    })
}

/// An article's text as a copy would carry it: furniture lines dropped, runs of whitespace
/// made one space.
fn copy_key(article: &Article) -> String {
    let furniture: BTreeSet<usize> = article.furniture.iter().map(|r| r.start).collect();
    let mut key = String::with_capacity(article.text.len());
    let mut start = 0;
    for line in article.text.split_inclusive('\n') {
        let at = start;
        start += line.len();
        if furniture.contains(&at) {
            continue;
        }
        for word in line.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(word);
        }
    }
    key
}

/// Each article whose text is an earlier article's (see [`copy_key`]), with that article's
/// file. Articles are in path order, so the original is the first by path.
fn copies(articles: &[Article]) -> BTreeMap<String, String> {
    let mut first: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    let mut out = BTreeMap::new();
    for a in articles {
        let key = copy_key(a);
        if key.is_empty() {
            continue;
        }
        match first.get(&key) {
            Some(original) => {
                out.insert(a.file.clone(), original.to_string());
            }
            None => {
                first.insert(key, &a.file);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    fn set() -> RuleSet {
        rules::load(&rules::default_sources()).unwrap()
    }

    #[test]
    fn detects_english_and_indonesian() {
        let set = set();
        assert_eq!(
            detect_language(
                "The talks have stalled, and the two sides said that it was over.",
                &set
            )
            .as_deref(),
            Some("en")
        );
        assert_eq!(
            detect_language(
                "Hubungan kedua negara semakin erat dan ini menjadi perhatian yang besar.",
                &set
            )
            .as_deref(),
            Some("id")
        );
    }

    #[test]
    fn a_pages_sentences_stand_on_the_files_lines() {
        let set = set();
        let source = "<html lang=\"en\"><body>\n<article>\n<h1>Ferry fire</h1>\n\
                      <p>A ferry caught fire on Sunday.\n   The crew put it out.</p>\n\
                      <p>No one was hurt, &quot;thankfully&quot;, the &amp; coastguard said.</p>\n\
                      </article></body></html>";
        let page = html::read(source);
        let article = Article {
            file: "a.html".into(),
            text: page.text.clone(),
            language: "en".into(),
            outlet: None,
            published: None,
            url: None,
            upstream: None,
            furniture: Vec::new(),
            cited: Vec::new(),
        };
        let got: Vec<(usize, usize, &str)> =
            crate::segment::segment_mapped(&article, set.langs.get("en"), Some(&page.map))
                .iter()
                .map(|s| (s.line, s.column, &page.text[s.start..s.end]))
                .collect();
        assert_eq!(
            got,
            [
                (3, 5, "Ferry fire"),
                (4, 4, "A ferry caught fire on Sunday."),
                (5, 4, "The crew put it out."),
                (
                    6,
                    4,
                    "No one was hurt, \"thankfully\", the & coastguard said."
                ),
            ]
        );
    }

    #[test]
    fn a_pages_language_needs_a_pack_else_it_is_detected() {
        let set = set();
        let dir = tempfile::tempdir().unwrap();
        let page = |lang: &str, body: &str| {
            format!("<html lang=\"{lang}\"><body><article><p>{body}</p></article></body></html>")
        };
        let english = "The ferry was carrying passengers when it caught fire, and the crew said that it was out.";
        std::fs::write(dir.path().join("a.html"), page("fr-FR", english)).unwrap();
        std::fs::write(dir.path().join("b.html"), page("mk", english)).unwrap();
        std::fs::write(dir.path().join("c.htm"), page("mk", "Ферибот Брана 212")).unwrap();
        let story = ingest(dir.path(), None, &set).unwrap();
        let langs: Vec<&str> = story.articles.iter().map(|a| a.language.as_str()).collect();
        // The page's own word wins where a pack exists, even over the text's stop words.
        assert_eq!(langs, ["fr", "en", "und"]);
        assert_eq!(
            story.warnings,
            [
                "c.htm: no rule pack for language 'mk' (the page's); only its values are read (numbers, dates in digits, money)",
                // Two pages of one text are one origin, whatever they say their language is.
                "b.html: a copy of a.html (the same text); counted as one origin with it"
            ]
        );
    }

    #[test]
    fn furniture_lines_are_marked() {
        let set = set();
        let text = "Real text here.\nBaca juga: Something else\n0 Comments\nMore text.\n";
        let f = furniture(text, &set);
        let lines: Vec<&str> = f.iter().map(|r| text[r.clone()].trim()).collect();
        assert_eq!(lines, ["Baca juga: Something else", "0 Comments"]);
    }
}
