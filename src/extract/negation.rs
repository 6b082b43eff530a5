//! Negation: whether a statement's own predicate is negated ("the alarm had not worked",
//! "habe nicht funktioniert", "tidak berfungsi", "не сработала", "n'a pas fonctionné"),
//! so that it `denies` what the same words without the negation assert (issue 13).
//!
//! Input: a sentence's text and language pack (its `negation`, `not_negation` and
//! `subordinators`), its denial and speech cues, a statement's trigger. Output: the span of
//! the negation cue that governs the statement, or `None`.
//!
//! Precision first: a false conflict costs an editor more than a missed one. A cue counts
//! only in the statement's own clause: for a speech verb ("said"), the reported clause up
//! to its first comma, bracket, quote or subordinate clause ("who had not been warned");
//! for a topic trigger ("stalled"), at most three words before it or two after it with no
//! such boundary between. Cues inside a `not_negation` phrase ("not only", "no fewer
//! than", "no later than") negate nothing here, nor do those a denial verb covers; a denial
//! phrase built on a negation ("no evidence of", "there was no sign of") keeps it.

use super::context::Context;
use crate::rules::Lang;

/// Punctuation that closes a clause for negation: a cue beyond it negates another clause.
pub(super) const BOUNDARY: &[char] = &[
    ',', ';', ':', '(', ')', '[', ']', '"', '“', '”', '„', '«', '»', '–', '—', '?', '!',
];

/// The negation cues of a sentence: matches of the pack's `negation` patterns that lie
/// inside no `not_negation` match and no denial cue.
pub(super) fn cues(text: &str, lang: &Lang, denials: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let a = &lang.attribution;
    if a.negation.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize)> = a
        .negation
        .iter()
        .flat_map(|re| re.find_iter(text).map(|m| (m.start(), m.end())))
        .collect();
    if found.is_empty() {
        return found;
    }
    // A denial phrase built on a negation ("no evidence of", "there was no sign") keeps
    // it, so that "said there was no evidence of sabotage" denies. (French "qu'il n'y avait
    // aucune preuve" still asserts, for a reason not yet traced.)
    let void: Vec<(usize, usize)> = a
        .not_negation
        .iter()
        .flat_map(|re| re.find_iter(text).map(|m| (m.start(), m.end())))
        .chain(
            denials
                .iter()
                .filter(|&&(ds, de)| !found.iter().any(|&(s, e)| s < de && ds < e))
                .copied(),
        )
        .collect();
    found.retain(|&(s, e)| !void.iter().any(|&(vs, ve)| vs < e && s < ve));
    found.sort();
    found.dedup();
    found
}

/// Where the words of `text[from..to]` meet a clause boundary: punctuation, a
/// subordinator or complementizer, or a speech cue. `to` when there is none.
fn boundary(ctx: &Context, from: usize, to: usize) -> usize {
    let a = &ctx.pack.attribution;
    let mut at = from;
    for (i, c) in ctx.text[from..to].char_indices() {
        let pos = from + i;
        if pos < at {
            continue;
        }
        if BOUNDARY.contains(&c) {
            return pos;
        }
        if c.is_alphabetic() && !crate::normalize::word_char_before(ctx.text, pos) {
            let word_end = ctx.text[pos..to]
                .find(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .map_or(to, |e| pos + e);
            let word = ctx.text[pos..word_end].to_lowercase();
            let opens = a.subordinators.contains(&word)
                || ctx.complementizers.contains(&word)
                // A cue that is a negation ("no sign of") negates the clause it stands in.
                || ctx.voice.cues.iter().any(|&(cs, ce)| {
                    cs == pos && !ctx.negations.iter().any(|&(s, e)| cs <= s && e <= ce)
                });
            if opens {
                return pos;
            }
            at = word_end;
        }
    }
    to
}

/// The reported clause of a speech verb at `trig`: where it starts and where its main
/// clause ends. After the verb when three words follow it, else the words before it up to
/// a comma or quote ("…, officials said"). After the verb, a comma, colon or
/// complementizer within its first eight words opens the clause ("said on Tuesday that
/// …", "sagte am Freitag, die …"); the words before it are the speaker's own.
fn reported(ctx: &Context, trig: (usize, usize)) -> (usize, usize) {
    let text = ctx.text;
    let after = &text[trig.1..];
    let (mut start, end) = if after.split_whitespace().count() >= 3 {
        (trig.1, text.len())
    } else {
        // The words before a closing attribution ("…, officials said", "“…,” he said") end
        // at the comma or quote before it; with none, they are the speaker and the verb
        // ("The government has not explained the dismissal"), no reported clause.
        let cut = text[..trig.0].rfind(BOUNDARY).unwrap_or(0);
        (0, cut)
    };
    if start == trig.1 {
        let lead = boundary(ctx, start, end);
        let words_before = text[start..lead].split_whitespace().count();
        if lead < end && words_before <= 8 {
            let c = text[lead..].chars().next().unwrap_or(' ');
            let opens_clause = [',', ':'].contains(&c)
                || !BOUNDARY.contains(&c)
                    && ctx
                        .complementizers
                        .iter()
                        .any(|w| text[lead..].to_lowercase().starts_with(w.as_str()));
            if opens_clause {
                start = lead + c.len_utf8();
            }
        }
    }
    // Skip what opens the clause: spaces, quotes, a complementizer ("that", "que").
    loop {
        let rest = &text[start..end];
        let trimmed = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || BOUNDARY.contains(&c) || c == '\'' || c == '.'
        });
        start += rest.len() - trimmed.len();
        let lower = trimmed.to_lowercase();
        let opener = ctx.complementizers.iter().find(|w| {
            lower.starts_with(w.as_str())
                && lower[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        match opener {
            Some(w) if lower.len() == trimmed.len() => start += w.len(),
            _ => break,
        }
    }
    (start, boundary(ctx, start, end))
}

/// The negation cue that negates the statement at `trig`, if any. `speech`: the trigger
/// is a speech or denial verb and the statement is the clause it reports (the fallback
/// frame); otherwise the trigger is the statement's own words ("stalled", "involved").
pub(super) fn governing(
    ctx: &Context,
    negations: &[(usize, usize)],
    trig: (usize, usize),
    speech: bool,
) -> Option<(usize, usize)> {
    if negations.is_empty() {
        return None;
    }
    // A cue inside the trigger is part of what the rule matches ("did not take the
    // warnings seriously"), not a negation of it.
    let outside = |&&(s, e): &&(usize, usize)| !(trig.0 <= s && e <= trig.1);
    if speech {
        let (start, end) = reported(ctx, trig);
        return negations
            .iter()
            .filter(outside)
            .find(|&&(s, e)| start <= s && e <= end && !(s < trig.1 && trig.0 < e))
            .copied();
    }
    let words = |from: usize, to: usize| ctx.text[from..to].split_whitespace().count();
    negations
        .iter()
        .filter(outside)
        .find(|&&(s, e)| {
            if e <= trig.0 {
                words(e, trig.0) <= 3 && boundary(ctx, e, trig.0) == trig.0
            } else if s >= trig.1 {
                words(trig.1, s) <= 2 && boundary(ctx, trig.1, s) == s
            } else {
                // Around the trigger ("ne stagnent pas").
                true
            }
        })
        .copied()
}

/// The words to quote for a negation in a reason: the cue with one word either side,
/// within its clause ("had not worked").
pub fn quote(text: &str, cue: (usize, usize)) -> String {
    let before = &text[..cue.0];
    let word_start = |s: &str| {
        let t = s.trim_end();
        if t.len() < s.len() && t.ends_with(|c: char| c.is_alphanumeric()) {
            t.rfind(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8))
        } else {
            s.len()
        }
    };
    let start = word_start(before);
    let after = &text[cue.1..];
    let gap = after.len() - after.trim_start().len();
    let end = if gap > 0
        && after
            .trim_start()
            .starts_with(|c: char| c.is_alphanumeric())
    {
        let rest = &after[gap..];
        cue.1
            + gap
            + rest
                .find(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
                .unwrap_or(rest.len())
    } else {
        cue.1
    };
    text[start..end].to_string()
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::mentions;
    use crate::extract::{Mention, Polarity};
    use crate::rules::Kind;

    fn statements(text: &str, lang: &str) -> Vec<Mention> {
        mentions(text, lang, "2024-05-02")
            .into_iter()
            .filter(|m| m.kind == Kind::Statement)
            .collect()
    }

    fn polarity(text: &str, lang: &str) -> Polarity {
        let st = statements(text, lang);
        assert_eq!(st.len(), 1, "{text}: {st:?}");
        st[0].polarity
    }

    #[test]
    fn a_negated_reported_clause_denies() {
        let neg = "Officials said the fire alarm had not worked when the blaze began.";
        let pos = "Officials said the fire alarm had worked properly when the blaze began.";
        assert_eq!(polarity(neg, "en"), Polarity::Denies);
        assert_eq!(polarity(pos, "en"), Polarity::Asserts);
        let st = statements(neg, "en");
        assert_eq!(
            super::quote(&st[0].text, st[0].negation.unwrap()),
            "had not worked"
        );
    }

    #[test]
    fn a_negation_in_a_subordinate_clause_or_an_idiom_does_not() {
        for text in [
            "Officials said the alarm had worked when the crew, who had not been warned, arrived.",
            "Officials said the alarm had worked not only in the hall but in the cellar.",
            "Officials said no fewer than twelve alarms had worked in the building.",
            "Officials said the alarm had worked because the fuse had not blown.",
            "“The alarm worked,” said fire chief Anna Cole, who asked not to be named.",
        ] {
            assert_eq!(polarity(text, "en"), Polarity::Asserts, "{text}");
        }
    }

    #[test]
    fn a_negation_of_the_speech_verb_is_the_speakers_own() {
        // "did not say", "has not explained" negate the speaking, not what follows.
        for text in [
            "Officials did not say on Monday whether the alarm had worked.",
            "The fire brigade has not explained the delay.",
        ] {
            let st = statements(text, "en");
            assert!(
                st.iter().all(|m| m.polarity == Polarity::Asserts),
                "{text}: {st:?}"
            );
        }
        assert_eq!(
            polarity("“The alarm did not work,” fire chief Anna Cole said.", "en"),
            Polarity::Denies
        );
    }

    #[test]
    fn quotes_take_a_word_either_side() {
        assert_eq!(
            super::quote("the alarm had not worked.", (14, 17)),
            "had not worked"
        );
        assert_eq!(super::quote("not worked", (0, 3)), "not worked");
    }
}
