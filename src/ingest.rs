//! Ingest: walk a story folder in sorted order, read `.txt` and `.md` articles, read the
//! optional `story.toml` manifest, detect each article's language and mark page furniture.
//!
//! Input: a folder (and optionally a manifest kept elsewhere). Output: a [`Story`] whose
//! articles are sorted by path, plus warnings for what could not be read.

use crate::rules::{Location, RuleSet};
use crate::time::PartialDate;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Article files the tool reads. HTML comes later.
const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];
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
                "{}: no articles (.txt or .md files) in this folder",
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
    language: Option<String>,
    published: Option<PartialDate>,
    url: Option<String>,
    upstream: Option<String>,
}

fn read_manifest(
    path: &Path,
    rules: &RuleSet,
) -> Result<(Option<String>, BTreeMap<String, Entry>), IngestError> {
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
        let language = match &s.language {
            Some(l) if rules.langs.contains_key(l.get_ref()) => Some(l.get_ref().clone()),
            Some(l) => {
                return Err(bad(
                    l.span(),
                    format!(
                        "language '{}' has no language pack (have: {})",
                        l.get_ref(),
                        rules.langs.keys().cloned().collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
            None => None,
        };
        entries.insert(
            s.file.get_ref().clone(),
            Entry {
                outlet: s.outlet,
                language,
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

/// Decode bytes as UTF-8; text in a legacy 8-bit encoding is read as Windows-1252-like
/// Latin-1 with a warning. Files with NUL bytes are not text.
fn decode(bytes: Vec<u8>) -> Result<(String, bool), &'static str> {
    if bytes.contains(&0) {
        return Err("not a text file (it contains NUL bytes)");
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, false)),
        Err(e) => Ok((e.into_bytes().iter().map(|&b| b as char).collect(), true)),
    }
}

/// Detect the language of `text` from the packs' stop words: the pack with most hits wins.
pub fn detect_language(text: &str, rules: &RuleSet) -> Option<String> {
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
    // Highest count; ties go to the first code in sorted order.
    let best = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
    (*best.1 >= 2).then(|| best.0.to_string())
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
        Some(p) => read_manifest(p, rules)?,
        None => (None, BTreeMap::new()),
    };

    let mut warnings = Vec::new();
    let mut articles = Vec::new();
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
            warnings.push(format!("{rel}: skipped: not a .txt or .md article"));
            continue;
        }
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                warnings.push(format!("{rel}: skipped: cannot read: {e}"));
                continue;
            }
        };
        let text = match decode(bytes) {
            Ok((text, lossy)) => {
                if lossy {
                    warnings.push(format!("{rel}: not UTF-8; read as Latin-1"));
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
        seen.insert(rel.clone());
        let entry = entries.remove(&rel);
        let furniture = furniture(&text, rules);
        let language = match entry.as_ref().and_then(|e| e.language.clone()) {
            Some(l) => l,
            None => detect_language(&text, rules).unwrap_or_else(|| {
                warnings.push(format!(
                    "{rel}: language not recognised; no claims extracted"
                ));
                "und".to_string()
            }),
        };
        let (outlet, published, url, upstream) = match entry {
            Some(e) => (e.outlet, e.published, e.url, e.upstream),
            None => (None, None, None, None),
        };
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
    fn furniture_lines_are_marked() {
        let set = set();
        let text = "Real text here.\nBaca juga: Something else\n0 Comments\nMore text.\n";
        let f = furniture(text, &set);
        let lines: Vec<&str> = f.iter().map(|r| text[r.clone()].trim()).collect();
        assert_eq!(lines, ["Baca juga: Something else", "0 Comments"]);
    }

    #[test]
    fn binary_is_not_text() {
        assert!(decode(vec![0x50, 0x4b, 0x03, 0x04, 0x00]).is_err());
        assert_eq!(
            decode("héllo".as_bytes().to_vec()).unwrap(),
            ("héllo".to_string(), false)
        );
        assert!(decode(vec![b'c', 0xe9]).unwrap().1);
    }
}
