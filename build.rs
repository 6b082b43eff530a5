//! Embeds the default rule pack: lists `rules/` in sorted order and writes a table of
//! `(path, text, lean text)` triples that `rules::embedded` includes. The lean text is what
//! `check` loads: the file without what only `rules test` reads (see [`lean`]).

use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("readable rules entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|x| x == "toml") {
            out.push(path);
        }
    }
}

/// The tables only `rules test` reads. Frames keep their examples: the SARIF report quotes
/// a frame's first one.
const DROPPED: [&str; 6] = [
    "[[concept.example]]",
    "[[concept.counter]]",
    "[[language.example]]",
    "[[frame.counter]]",
    "[[names.example]]",
    "[[names.counter]]",
];

/// The table a header line opens (`[name]`, `[[ name.sub ]] # comment`), written as
/// `[[name.sub]]`; `None` for any other line (an array of values such as `[1, 2]`).
fn header(line: &str) -> Option<String> {
    let t = line.split('#').next().unwrap_or("").trim();
    let (open, close, inner) = if let Some(r) = t.strip_prefix("[[") {
        ("[[", "]]", r.strip_suffix("]]")?)
    } else {
        ("[", "]", t.strip_prefix('[')?.strip_suffix(']')?)
    };
    let name = inner.trim();
    let plain = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    plain.then(|| format!("{open}{name}{close}"))
}

/// `text` without the tables in [`DROPPED`], comments and blank lines: each dropped line is
/// left empty, so that every kept line keeps its number (a frame's `file:line`). Parsing the
/// examples was two fifths of the TOML parse of every run. A line that ends inside a
/// multi-line string (an odd count of `"""` or `'''`) is followed by the string's lines, kept
/// as they are; a `"""` inside another kind of string would mislead it. That is why a test
/// loads both texts of the default pack and compares the rules they give.
fn lean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dropping = false;
    // The delimiter of the multi-line string a line ends inside, if any.
    let mut open: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let starts_inside = open.is_some();
        for delim in ["\"\"\"", "'''"] {
            if open.is_none_or(|d| d == delim) && line.matches(delim).count() % 2 == 1 {
                open = if open.is_some() { None } else { Some(delim) };
            }
        }
        if !starts_inside {
            if let Some(h) = header(line) {
                dropping = DROPPED.contains(&h.as_str());
            }
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                out.push_str(&line[line.trim_end_matches(['\r', '\n']).len()..]);
                continue;
            }
        }
        if dropping {
            out.push_str(&line[line.trim_end_matches(['\r', '\n']).len()..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let mut code = String::from("pub static FILES: &[(&str, &str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let rel = path.strip_prefix(&root).expect("under rules/");
        let rel = rel.to_string_lossy().replace('\\', "/");
        let text = fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let lean_path = out_dir.join("lean").join(&rel);
        fs::create_dir_all(lean_path.parent().expect("a folder"))
            .expect("create the lean rules folder");
        fs::write(&lean_path, lean(&text)).expect("write a lean rule file");
        code.push_str(&format!(
            "    (\"rules/{rel}\", include_str!({:?}), include_str!({:?})),\n",
            path.display().to_string(),
            lean_path.display().to_string()
        ));
    }
    code.push_str("];\n");
    fs::write(out_dir.join("embedded_rules.rs"), code).expect("write embedded_rules.rs");
}
