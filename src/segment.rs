//! Segment: split an article into paragraphs and sentences with exact positions.
//!
//! Input: an [`Article`] and its language pack (for abbreviations). Output: [`Sentence`]s
//! in text order. Offsets are bytes into the article text; lines are 1-based; columns are
//! 1-based and count characters (not bytes). Furniture lines are skipped. An article read
//! from a page comes with a [`LineMap`]: its sentences' lines and columns are then the
//! file's.

use crate::ingest::{Article, LineMap};
use crate::rules::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    /// Index of the paragraph in the article, from 0.
    pub paragraph: usize,
    /// The article's headline: a first paragraph of one line that does not end with a
    /// period. Headlines abridge the body, so no claims are taken from them.
    pub headline: bool,
    /// Cut from a longer run of text with no sentence end (see [`MAX_SENTENCE_CHARS`]).
    pub cut: bool,
}

/// The longest sentence, in characters. A longer run with no sentence end (a table flattened
/// to one line, a file with no punctuation) is cut into pieces of at most this length, at a
/// space where there is one, so that the cost of a sentence stays bounded and the work stays
/// linear in the text.
pub const MAX_SENTENCE_CHARS: usize = 2000;

/// A first line longer than this (in bytes) is no headline.
const HEADLINE_BYTES: usize = 600;

/// Cut `(s, e)` into pieces of at most [`MAX_SENTENCE_CHARS`] characters, each ending at the
/// last whitespace before the limit when there is one in its second half.
fn cut(text: &str, (s, e): (usize, usize), out: &mut Vec<(usize, usize, bool)>) {
    let body = &text[s..e];
    if body.len() <= MAX_SENTENCE_CHARS || body.chars().count() <= MAX_SENTENCE_CHARS {
        out.push((s, e, false));
        return;
    }
    let mut start = s;
    while start < e {
        let rest = &text[start..e];
        let Some((limit, _)) = rest.char_indices().nth(MAX_SENTENCE_CHARS) else {
            out.push((start, e, true));
            break;
        };
        let piece = &rest[..limit];
        let end = match piece.rfind(char::is_whitespace) {
            Some(ws) if ws >= limit / 2 => ws,
            _ => limit,
        };
        out.push((start, start + end, true));
        start += end;
        // The next piece starts at its first non-space character.
        start += text[start..e].len() - text[start..e].trim_start().len();
    }
}

/// Characters that may follow a sentence's final punctuation and still belong to it.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」')
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

/// Paragraphs as byte ranges: a blank line ends one, and so does a line that ends like a
/// sentence or a heading (a line with no final punctuation followed by a capital).
fn paragraphs(text: &str, skip: &[std::ops::Range<usize>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut pos = 0;
    let skip: std::collections::HashSet<usize> = skip.iter().map(|r| r.start).collect();
    for raw in text.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let skipped = skip.contains(&start);
        if line.trim().is_empty() || skipped {
            if let Some(p) = current.take() {
                out.push(p);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let (s, e) = (start + lead, start + line.trim_end().len());
        current = match current {
            Some((ps, pe)) => {
                let prev = text[ps..pe].trim_end();
                let last = prev.chars().last().unwrap_or('.');
                let next = line.trim_start().chars().next().unwrap_or('A');
                let continues =
                    !(ends_sentence(last) || is_closer(last) || last == ':') && next.is_lowercase();
                if continues {
                    Some((ps, e))
                } else {
                    out.push((ps, pe));
                    Some((s, e))
                }
            }
            None => Some((s, e)),
        };
    }
    if let Some(p) = current {
        out.push(p);
    }
    out
}

/// Is the period at byte `dot` part of an abbreviation, an initial or an ordinal?
fn is_abbreviation(text: &str, dot: usize, lang: Option<&Lang>) -> bool {
    let before = &text[..dot];
    // The word before the period; no abbreviation is longer than this many characters, and
    // looking no further keeps a long run without spaces linear.
    const LONGEST: usize = 40;
    let mut word_start = 0;
    for (n, (i, c)) in before.char_indices().rev().enumerate() {
        if c.is_whitespace() || c == '(' || c == '"' || c == '“' {
            word_start = i + c.len_utf8();
            break;
        }
        if n == LONGEST {
            return false;
        }
    }
    let token = &text[word_start..=dot];
    let bare = &token[..token.len() - 1];
    if bare.is_empty() {
        return false;
    }
    // A single capital letter: an initial ("J. Smith").
    let mut chars = bare.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    let Some(lang) = lang else {
        return false;
    };
    if lang.abbreviations.contains(token) {
        return true;
    }
    // Ordinal day numbers ("19. Juli") in languages whose day suffix is a period: a month
    // or a lowercase word follows ("am 3. Platz" is rare; "stieg auf 52. Nach Angaben…"
    // ends a sentence).
    let next: String = text[dot + 1..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let month = lang
        .dates
        .months
        .iter()
        .flatten()
        .any(|m| m.eq_ignore_ascii_case(&next));
    bare.chars().all(|c| c.is_ascii_digit())
        && bare.len() <= 2
        && lang.dates.day_suffixes.iter().any(|s| s == ".")
        && (month || next.chars().next().is_some_and(char::is_lowercase))
}

/// Split one paragraph range into sentence ranges.
fn sentences_in(
    text: &str,
    (ps, pe): (usize, usize),
    lang: Option<&Lang>,
    out: &mut Vec<(usize, usize)>,
) {
    let para = &text[ps..pe];
    let mut start = 0;
    let mut iter = para.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !ends_sentence(c) {
            continue;
        }
        // Take following punctuation and closing quotes into the sentence.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if ends_sentence(d) || is_closer(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &para[end..];
        let after_space = rest.trim_start();
        if rest.len() == after_space.len() && !rest.is_empty() {
            continue; // "U.S.-led", "3.5": no space after the mark
        }
        let next = after_space.chars().next();
        let starts_new = match next {
            None => true,
            Some(n) => {
                n.is_uppercase()
                    || n.is_numeric()
                    || matches!(n, '"' | '“' | '«' | '(' | '‘' | '\'')
            }
        };
        if !starts_new {
            continue;
        }
        if c == '.' && is_abbreviation(text, ps + i, lang) {
            continue;
        }
        out.push((ps + start, ps + end));
        start = end + (rest.len() - after_space.len());
    }
    if start < para.len() && !para[start..].trim().is_empty() {
        out.push((ps + start, pe));
    }
}

/// Every sentence of an article, in order.
pub fn segment(article: &Article, lang: Option<&Lang>) -> Vec<Sentence> {
    segment_mapped(article, lang, None)
}

/// Every sentence of an article, in order; with a line map (an article read from a page),
/// each sentence's line and column are its place in the file, not in the article text.
pub fn segment_mapped(
    article: &Article,
    lang: Option<&Lang>,
    map: Option<&LineMap>,
) -> Vec<Sentence> {
    let text = &article.text;
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let mut out = Vec::new();
    // Columns are counted on from the last sentence's start when it is on the same line,
    // so that many sentences on one long line cost no more than the line.
    let mut last: (usize, usize, usize) = (0, 0, 1); // line, byte, column
    for (pi, para) in paragraphs(text, &article.furniture).into_iter().enumerate() {
        let body = &text[para.0..para.1];
        // A headline is one short line: a first line of thousands of characters with no
        // final period is text (a page saved on one line), not a headline to skip.
        let headline = pi == 0
            && !body.contains('\n')
            && !body.trim_end().ends_with('.')
            && body.len() <= HEADLINE_BYTES;
        let mut found = Vec::new();
        sentences_in(text, para, lang, &mut found);
        let mut ranges = Vec::new();
        for r in found {
            cut(text, r, &mut ranges);
        }
        for (s, e, was_cut) in ranges {
            let trimmed = text[s..e].trim();
            if trimmed.is_empty() {
                continue;
            }
            let s = s + (text[s..e].len() - text[s..e].trim_start().len());
            let e = s + trimmed.len();
            let (line, column) = match map {
                Some(map) => {
                    let p = map.place(text, s);
                    (p.line, p.column)
                }
                None => {
                    let line = line_starts.partition_point(|&ls| ls <= s);
                    let (from, column) = if last.0 == line && last.1 <= s {
                        (last.1, last.2)
                    } else {
                        (line_starts[line - 1], 1)
                    };
                    let column = column + text[from..s].chars().count();
                    last = (line, s, column);
                    (line, column)
                }
            };
            out.push(Sentence {
                start: s,
                end: e,
                line,
                column,
                paragraph: pi,
                headline,
                cut: was_cut,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    fn article(text: &str) -> Article {
        Article {
            file: "a.txt".into(),
            text: text.into(),
            language: "en".into(),
            outlet: None,
            published: None,
            url: None,
            upstream: None,
            furniture: Vec::new(),
            cited: Vec::new(),
        }
    }

    fn split(text: &str) -> Vec<String> {
        let set = rules::load(&rules::default_sources()).unwrap();
        let a = article(text);
        segment(&a, set.langs.get("en"))
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn a_german_ordinal_keeps_the_sentence_only_before_a_month() {
        let set = rules::load(&rules::default_sources()).unwrap();
        let text = "Am 14. Juli stieg die Zahl auf 52. Nach Angaben der Polizei gab es Festnahmen.";
        let mut a = article(text);
        a.language = "de".into();
        let got: Vec<&str> = segment(&a, set.langs.get("de"))
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            [
                "Am 14. Juli stieg die Zahl auf 52.",
                "Nach Angaben der Polizei gab es Festnahmen."
            ]
        );
    }

    #[test]
    fn a_run_with_no_sentence_end_is_cut_at_spaces_into_bounded_pieces() {
        let set = rules::load(&rules::default_sources()).unwrap();
        let run = "ferry würde 12 passengers ".repeat(400); // 10,400 characters, no end
        let text = format!("A short one. The {run}\nNext line. Ünïcödé and 40 more.");
        let a = article(&text);
        let got = segment(&a, set.langs.get("en"));
        let cut: Vec<&Sentence> = got.iter().filter(|s| s.cut).collect();
        assert!(cut.len() >= 6, "{} pieces", cut.len());
        for s in &cut {
            let piece = &text[s.start..s.end];
            assert!(piece.chars().count() <= MAX_SENTENCE_CHARS);
            // At a space: no word is cut in two.
            assert!(
                text[s.end..].starts_with(char::is_whitespace),
                "{:?}",
                &piece[piece.len() - 12..]
            );
        }
        // Nothing is lost: the pieces cover the run.
        let covered: usize = cut.iter().map(|s| s.end - s.start).sum();
        assert!(covered >= run.trim().len() - cut.len(), "{covered}");
        assert!(!got[0].cut && got[0].column == 1);
        // Columns counted on along the line match a count from its start.
        for s in &got {
            let line_start = text[..s.start].rfind('\n').map_or(0, |i| i + 1);
            assert_eq!(s.column, text[line_start..s.start].chars().count() + 1);
        }
        assert_eq!(got.last().map(|s| (s.line, s.column)), Some((2, 12)));
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("On Aug. 9, the U.S. said so. Brig. Gen. Ali Balali agreed. J. Smith left!"),
            [
                "On Aug. 9, the U.S. said so.",
                "Brig. Gen. Ali Balali agreed.",
                "J. Smith left!"
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said “no.” Then he left."),
            ["He said “no.”", "Then he left."]
        );
    }

    #[test]
    fn positions_are_lines_and_character_columns() {
        let text = "Headline\n\nFirst one. Sécond two.\nThird line here.";
        let set = rules::load(&rules::default_sources()).unwrap();
        let a = article(text);
        let s = segment(&a, set.langs.get("en"));
        let got: Vec<(usize, usize, usize)> =
            s.iter().map(|s| (s.line, s.column, s.paragraph)).collect();
        assert_eq!(got, [(1, 1, 0), (3, 1, 1), (3, 12, 1), (4, 1, 2)]);
        assert!(
            s[0].headline,
            "a first line without a period is the headline"
        );
        assert!(!s[1].headline);
        assert_eq!(&text[s[2].start..s[2].end], "Sécond two.");
    }
}
