//! Story folders as fact-checkers have them: saved web pages, files in old encodings, a
//! language without a rule pack. Runs the built binary on the folders in `tests/fixtures/`
//! (`html-page`, `encodings`, `no-pack`) and on pages written here into a temporary folder.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Exit code, stdout as JSON, stderr.
fn run_json(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(BIN).args(args).output().expect("binary runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 stdout");
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    (
        out.status.code().unwrap_or(-1),
        json,
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

fn mentions(dir: &Path) -> (Vec<Value>, String) {
    let (code, json, err) = run_json(&["claims", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    (json["mentions"].as_array().unwrap().clone(), err)
}

fn of_file<'a>(ms: &'a [Value], file: &str) -> Vec<&'a Value> {
    ms.iter().filter(|m| m["file"] == file).collect()
}

/// 1-based number of the first line of `text` that contains `needle`.
fn line_with(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the file"))
        + 1
}

/// The text of a file from 1-based `line` and `column` (in characters) on.
fn at(text: &str, line: u64, column: u64) -> String {
    let l = text
        .lines()
        .nth(line as usize - 1)
        .expect("line in the file");
    l.chars().skip(column as usize - 1).collect()
}

#[test]
fn page_claims_point_at_their_line_and_column_in_the_saved_file() {
    let dir = fixture("html-page");
    let (ms, _) = mentions(&dir);
    for file in ["a-gazette.html", "b-valley.htm"] {
        let source = std::fs::read_to_string(dir.join(file)).unwrap();
        let found = of_file(&ms, file);
        assert!(found.len() >= 4, "{file}: {found:?}");
        for m in found {
            let text = m["text"].as_str().unwrap();
            let first: String = text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            let here = at(
                &source,
                m["line"].as_u64().unwrap(),
                m["column"].as_u64().unwrap(),
            );
            assert!(
                here.starts_with(&first),
                "{file}:{}:{}: {here:?} does not start with {first:?}",
                m["line"],
                m["column"]
            );
            // Offsets are bytes into the file too.
            let start = m["start"].as_u64().unwrap() as usize;
            let end = m["end"].as_u64().unwrap() as usize;
            assert!(source[start..].starts_with(&first), "{file}: start {start}");
            let last = text.chars().last().unwrap();
            assert!(source[..end].ends_with(last), "{file}: end {end}");
        }
    }
    // The toll sits on the line of its <p>, not of the extracted text.
    let source = std::fs::read_to_string(dir.join("a-gazette.html")).unwrap();
    let toll = of_file(&ms, "a-gazette.html")
        .into_iter()
        .find(|m| m["rule"] == "casualties" && m["value"] == "14")
        .expect("the toll of 14");
    assert_eq!(
        toll["line"].as_u64().unwrap() as usize,
        line_with(&source, "At least 14 people died")
    );
}

#[test]
fn page_furniture_yields_no_mention() {
    let dir = fixture("html-page");
    let (ms, _) = mentions(&dir);
    for (file, body_start, body_end) in [
        (
            "a-gazette.html",
            "<h1>",
            "<aside class=\"related-stories\">",
        ),
        (
            "b-valley.htm",
            "<h1 class=\"title\">",
            "<div class=\"comments\">",
        ),
    ] {
        let source = std::fs::read_to_string(dir.join(file)).unwrap();
        let (from, to) = (line_with(&source, body_start), line_with(&source, body_end));
        for m in of_file(&ms, file) {
            let line = m["line"].as_u64().unwrap() as usize;
            assert!(
                (from..to).contains(&line),
                "{file}:{line}: a mention outside the article body: {}",
                m["text"]
            );
        }
    }
    let all: String = ms.iter().map(|m| m["text"].as_str().unwrap()).collect();
    for furniture in [
        "cookies",
        "Live:",
        "99 people",
        "Advertisement",
        "2019",
        "5,000",
        "Quay Street",
        "40 mm",
        "Reader",
        "Bus fares",
        "1921",
        "Marta Kell",
    ] {
        assert!(
            !all.contains(furniture),
            "furniture read as text: {furniture}"
        );
    }
}

#[test]
fn page_metadata_stands_in_for_the_manifest_which_wins() {
    let (code, json, err) = run_json(&[
        "check",
        fixture("html-page").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let sources = json["sources"].as_array().unwrap();
    let source = |file: &str| {
        sources
            .iter()
            .find(|s| s["file"] == file)
            .unwrap_or_else(|| panic!("{file} among the sources"))
            .clone()
    };
    let a = source("a-gazette.html");
    // The manifest names this page's outlet: it wins over og:site_name; the rest is the
    // page's own (article:published_time, og:url, <html lang="en-GB">).
    assert_eq!(a["outlet"], "Harbour Gazette (print edition)");
    assert_eq!(a["published"], "2024-03-13");
    assert_eq!(a["url"], "https://gazette.example/news/velmora-floods");
    assert_eq!(a["language"], "en");
    // No manifest entry: JSON-LD publisher and datePublished, the canonical link.
    let b = source("b-valley.htm");
    assert_eq!(b["outlet"], "Valley Times");
    assert_eq!(b["published"], "2024-03-14");
    assert_eq!(b["url"], "https://valleytimes.example/2024/03/velmora-cost");
    assert_eq!(b["language"], "en");
    let c = source("c-wire.txt");
    assert_eq!(c["outlet"], "Continental Wire");
    // Unknown: null in the default report (v2); v1 leaves the field out.
    assert!(c["url"].is_null());
    // The pages' tolls meet the wire's: 14 in the gazette and the wire, 12 in the valley page.
    let toll = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "casualties" && c["id"].as_str().unwrap().contains("dead"))
        .expect("a death toll claim");
    let files: Vec<&str> = toll["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["a-gazette.html", "b-valley.htm", "c-wire.txt"]);
    assert_eq!(toll["verdict"], "conflict");
}

#[test]
fn every_encoding_gives_the_same_mentions_and_names_itself() {
    let (ms, err) = mentions(&fixture("encodings"));
    // What a mention is, whatever file it came from.
    let key = |file: &str| -> Vec<String> {
        of_file(&ms, file)
            .iter()
            .map(|m| {
                let mut m = (*m).clone();
                m.as_object_mut().unwrap().remove("file");
                m.to_string()
            })
            .collect()
    };
    let en = key("en-utf8.txt");
    assert!(en.len() >= 3, "{en:?}");
    assert!(
        en.iter().any(|m| m.contains("\"speaker\":\"Piet Laran\"")),
        "the quoted statement: {en:?}"
    );
    assert_eq!(key("en-cp1252.txt"), en);
    assert_eq!(key("en-utf16.txt"), en);
    let ru = key("ru-cp1251.txt");
    assert!(ru.len() >= 3, "{ru:?}");
    assert!(ru.iter().any(|m| m.contains("Пит Ларан")), "{ru:?}");
    assert_eq!(key("ru-koi8r.txt"), ru);
    for warning in [
        "warning: en-cp1252.txt: not UTF-8; read as windows-1252 (detected)",
        "warning: en-utf16.txt: not UTF-8; read as UTF-16LE (byte order mark)",
        "warning: ru-cp1251.txt: not UTF-8; read as windows-1251 (detected)",
        // chardetng names KOI8-U, a superset of KOI8-R: the same letters for Russian.
        "warning: ru-koi8r.txt: not UTF-8; read as KOI8-",
    ] {
        assert!(err.contains(warning), "no {warning:?} in:\n{err}");
    }
    // One text in three encodings is one text: copies, one origin.
    assert!(
        err.contains(
            "warning: en-utf8.txt: a copy of en-cp1252.txt (the same text); counted as one origin with it"
        ),
        "{err}"
    );
    assert_eq!(err.matches("en-utf8.txt").count(), 1, "{err}");
}

#[test]
fn a_page_in_a_legacy_encoding_is_read_by_its_meta_charset() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html lang=\"ru\"><head><meta charset=\"windows-1251\"></head><body>\n\
                <nav><a href=\"/\">Главная</a></nav>\n<article>\n\
                <p>Паром, на борту которого находились 212 пассажиров, загорелся у острова Брана \
                в воскресенье, сообщила береговая охрана.</p>\n\
                <p>Представитель береговой охраны Пит Ларан заявил, что пожар потушили за час.</p>\n\
                </article></body></html>\n";
    let (bytes, _, bad) = encoding_rs::WINDOWS_1251.encode(page);
    assert!(!bad);
    std::fs::write(dir.path().join("page.html"), &bytes).unwrap();
    let (ms, err) = mentions(dir.path());
    assert!(
        err.contains("page.html: not UTF-8; read as windows-1251 (declared in the page)"),
        "{err}"
    );
    let speaker = ms
        .iter()
        .find(|m| m["speaker"] == "Пит Ларан")
        .expect("the spokesman's statement");
    // Line 5 of the file; the column counts characters, not the file's bytes.
    assert_eq!(
        (speaker["line"].as_u64(), speaker["column"].as_u64()),
        (Some(5), Some(4))
    );
}

#[test]
fn a_manifest_language_without_a_pack_warns_and_the_run_goes_on() {
    let (code, json, err) = run_json(&[
        "check",
        fixture("no-pack").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("b-mk.txt: no rule pack for language 'mk'; only its values are read (numbers, dates in digits, money)"),
        "{err}"
    );
    let sources = json["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[1]["language"], "und");
    let files: Vec<&str> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["mentions"].as_array().unwrap())
        .map(|m| m["file"].as_str().unwrap())
        .collect();
    assert!(files.contains(&"a-en.txt"), "{files:?}");
    // Its values are still read (no words: no trigger, no speaker): the 212 passengers in
    // digits meet the English article's 212.
    let both = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            let ms = c["mentions"].as_array().unwrap();
            ms.iter().any(|m| m["file"] == "b-mk.txt") && ms.iter().any(|m| m["file"] == "a-en.txt")
        })
        .expect("a claim of both articles");
    assert_eq!(both["verdict"], "agreement", "{both}");
    assert!(
        both["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["value"] == "212"),
        "{both}"
    );
}

#[test]
fn no_articles_names_every_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.csv"), "a,b\n").unwrap();
    let out = Command::new(BIN)
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no articles (.txt, .md or .html files)"),
        "{err}"
    );
}

/// The example story's articles as saved pages: the headline in an `<h1>`, each paragraph in
/// a `<p>` (entities for quotes and ampersands, `<br>` for a line break), navigation, a
/// related box and a footer all round.
fn as_page(text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;")
            .replace('’', "&#8217;")
    };
    let mut paras = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    let headline = paras.next().unwrap_or_default();
    let mut page = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>x</title>\n\
         <script>var s = \"<p>12 dead</p>\";</script></head>\n<body>\n\
         <nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/w\">World: 40 killed in 2021 floods</a></nav>\n\
         <article>\n",
    );
    page.push_str(&format!(
        "<h1>{}</h1>\n<div class=\"article-body\">\n",
        escape(headline)
    ));
    for p in paras {
        // A line break inside a paragraph ("3 Comments" over "Subscribe") is a <br>.
        page.push_str(&format!("<p>{}</p>\n", escape(p).replace('\n', "<br>\n  ")));
    }
    page.push_str(
        "</div>\n<aside class=\"related\"><p>Related: the treaty was signed on 3 May 2019, officials said.</p></aside>\n\
         </article>\n<footer><p>&copy; 2024 The Outlet, with 2 million readers.</p></footer>\n</body></html>\n",
    );
    page
}

#[test]
fn saved_pages_give_the_claims_of_the_same_articles_as_text() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/iran-russia");
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&example).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        if let Some(stem) = name.strip_suffix(".txt") {
            std::fs::write(dir.path().join(format!("{stem}.html")), as_page(&text)).unwrap();
        } else if name == "story.toml" {
            std::fs::write(dir.path().join(name), text.replace(".txt\"", ".html\"")).unwrap();
        }
    }
    // What a mention says, wherever it stands.
    let said = |dir: &Path| -> Vec<String> {
        let (ms, err) = mentions(dir);
        assert!(!err.contains("warning"), "{err}");
        ms.iter()
            .map(|m| {
                format!(
                    "{} {} {} {} {} {}",
                    m["file"].as_str().unwrap().replace(".txt", ".html"),
                    m["rule"],
                    m["value"],
                    m["speaker"],
                    m["polarity"],
                    m["text"]
                )
            })
            .collect()
    };
    let text = said(&example);
    assert!(text.len() > 20, "{text:?}");
    assert_eq!(said(dir.path()), text);
    let verdicts = |dir: &Path| -> Vec<String> {
        let (_, json, _) = run_json(&["check", dir.to_str().unwrap(), "--format", "json"]);
        json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| format!("{} {}", c["id"], c["verdict"]))
            .collect()
    };
    assert_eq!(verdicts(dir.path()), verdicts(&example));
}
