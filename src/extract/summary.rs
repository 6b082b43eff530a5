//! Summary: name a mention for the report and for matching: fill its frame's summary
//! template, quote the speaker's words, build its key; with the slugs and content words
//! these rest on.
//!
//! Input: a frame and a mention's slots, value and period. Output: the summary text, the
//! key (slot fillers slugged, in key order), and sorted, stemmed content words.

use super::Mention;
use super::context::Context;
use crate::normalize::DateValue;
use crate::rules::{Frame, Lang, SlotType};
use std::collections::BTreeMap;

/// Fill a frame's summary template from a mention (or a claim's representative mention).
pub fn summarize(template: &str, m: &Mention) -> String {
    // "[in {place}]": a bracketed part is left out when its slots are empty.
    let mut expanded = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('[') {
        expanded.push_str(&rest[..open]);
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        let empty = inner
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .all(|name| match name {
                "period" => m.period.is_none(),
                slot => m.slots.get(slot).is_none_or(|v| v.is_empty()),
            });
        if !empty {
            expanded.push_str(inner);
        }
        rest = &rest[open + close + 1..];
    }
    expanded.push_str(rest);
    let mut out = String::new();
    let mut rest = expanded.as_str();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        let filled = match name {
            "period" => m
                .period
                .as_ref()
                .map_or("undated".to_string(), |p| p.canonical()),
            "value" => m.value_text(),
            slot => m.slots.get(slot).map_or(String::new(), |v| v.join(" and ")),
        };
        out.push_str(&filled);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    // An optional slot left empty leaves no trace: no "()" and no double space.
    let out = out.replace(" ()", "").replace("()", "");
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    // Sentence case: a summary may open with a lowercase topic ("negotiations").
    let mut chars = out.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

/// The speaker's words, for the summary: after the verb, or before it when the attribution
/// closes the sentence ("…, officials said.", "…, sagte Sprecher X."); without a leading
/// complementizer ("that"), cut to 90 characters at a word.
pub(super) fn clause(ctx: &Context, trig: (usize, usize)) -> String {
    let after = &ctx.text[trig.1..];
    // An inverted attribution ("…, sagte Hafenmeisterin Ingrid Valtersen"): what was said
    // is before the comma, as for the statement's content words.
    let inverted = ctx
        .voice
        .speaker
        .as_deref()
        .and_then(|s| super::slots::clause_before(ctx.text, trig, s))
        .map(|(s, e)| &ctx.text[s..e])
        .filter(|c| content_words(c, ctx.pack).len() >= 3);
    let clause = if let Some(c) = inverted {
        c
    } else if content_words(after, ctx.pack).len() >= 3 {
        after
    } else {
        &ctx.text[..trig.0]
    };
    let mut clause = clause.trim();
    for w in ctx.complementizers {
        if let Some(rest) = clause.strip_prefix(w.as_str())
            && rest.starts_with(' ')
        {
            clause = rest;
        }
    }
    let clause = clause.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
    if clause.chars().count() > 90 {
        let cut: String = clause.chars().take(90).collect();
        let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
        format!("{}…", cut.trim_end_matches([',', ';']))
    } else {
        clause.to_string()
    }
}

/// A mention's key, in the frame's key order: the period's canonical form ("undated"
/// without one), "content" for a content slot (matched by overlap in `matching`), else the
/// slot's fillers slugged and joined by "+" ("none" when empty).
pub(super) fn key(
    frame: &Frame,
    slots: &BTreeMap<String, Vec<String>>,
    period: Option<&DateValue>,
) -> Vec<String> {
    frame
        .key
        .iter()
        .map(|k| {
            if k == "period" {
                period.map_or("undated".to_string(), |p| p.canonical())
            } else {
                let content = frame
                    .slots
                    .iter()
                    .any(|s| &s.name == k && s.types.contains(&SlotType::Content));
                if content {
                    // Matched by overlap in `matching`, not by equality.
                    return "content".to_string();
                }
                slots.get(k).map_or("none".to_string(), |v| {
                    v.iter().map(|n| slug(n)).collect::<Vec<_>>().join("+")
                })
            }
        })
        .collect()
}

/// Lowercase ASCII slug for ids and keys: transliterated first (any_ascii), so that
/// "Путин" and "Putin" are one key; letters and digits kept, the rest '-'.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let ascii = any_ascii::any_ascii(s);
    for c in ascii.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Content words of a text: lowercase words of three letters or more that are not stop
/// words, stemmed by the language's affixes and cut to their first six letters (a crude
/// stem: "stalled" and "stalling" meet), sorted and unique.
pub fn content_words(text: &str, lang: &Lang) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !lang.stopwords.contains(w))
        .map(|w| stem(&w, lang).chars().take(6).collect())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The pack's affix stem of a word (statements compare their words by it).
pub fn stem(word: &str, lang: &Lang) -> String {
    lang.affix_stem(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    #[test]
    fn slugs_transliterate_names() {
        assert_eq!(slug("Путин"), slug("Putin"));
        assert_eq!(slug("Пезешкиан"), "pezeshkian");
    }

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(slug("Vladimir Putin"), "vladimir-putin");
        assert_eq!(slug("U.S."), "u-s");
        assert_eq!(slug("Тегеран"), "tegeran");
    }

    #[test]
    fn stems_meet_across_affixes() {
        let set = rules::load(&rules::default_sources()).unwrap();
        let id = &set.langs["id"];
        assert_eq!(stem("menembakkan", id), stem("ditembakkan", id));
        assert_eq!(stem("menyebabkan", id), "sebab");
        let en = &set.langs["en"];
        assert_eq!(stem("stalled", en), stem("stalling", en));
    }
}
