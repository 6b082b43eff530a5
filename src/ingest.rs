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
}

/// Why a story could not be read at all (exit 2).
#[derive(Debug)]
pub enum IngestError {
    NotFound(PathBuf),
    NotADirectory(PathBuf),
    Empty(PathBuf),
    Manifest(Location, String),
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::NotFound(p) => write!(f, "{}: story folder not found", p.display()),
            IngestError::NotADirectory(p) => write!(f, "{}: not a folder", p.display()),
            IngestError::Empty(p) => write!(
                f,
                "{}: no articles (.txt, .md or .html files) in this folder",
                p.display()
            ),
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
    published: Option<Spanned<String>>,
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
    for s in m.source {
        let bad = |span: Range<usize>, msg: String| {
            IngestError::Manifest(locate(&shown, &text, span.start), msg)
        };
        let published = match &s.published {
            Some(p) => Some(PartialDate::parse(p.get_ref()).ok_or_else(|| {
                bad(
                    p.span(),
                    format!(
                        "published '{}': expected YYYY, YYYY-MM or YYYY-MM-DD",
                        p.get_ref()
                    ),
                )
            })?),
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

/// Every file under `dir`, sorted by relative path; hidden entries skipped.
fn walk(dir: &Path) -> Result<Vec<PathBuf>, IngestError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| IngestError::Io(d.clone(), e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
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

/// Read a story folder. `manifest` overrides `DIR/story.toml`.
pub fn ingest(dir: &Path, manifest: Option<&Path>, rules: &RuleSet) -> Result<Story, IngestError> {
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
    for path in walk(dir)? {
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
        if !is_article {
            warnings.push(format!("{rel}: skipped: not a .txt, .md or .html article"));
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
        let entry = entries.remove(&rel).unwrap_or(Entry {
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
        articles.push(Article {
            file: rel,
            text,
            language,
            outlet,
            published,
            url,
            upstream,
            furniture,
            cited: Vec::new(),
        });
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
    if articles.is_empty() {
        return Err(IngestError::Empty(dir.to_path_buf()));
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
    })
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
                "c.htm: no rule pack for language 'mk' (the page's); only its values are read (numbers, dates in digits, money)"
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
