//! Slots: fill a frame's slots (who, where, which topic, what was said) from the sentence
//! around its trigger.
//!
//! Input: a frame's slots, the trigger match, the sentence's [`Context`] and the paragraph's
//! [`Memory`]. Output: slot name -> canonical names, or `None` when a required slot stays
//! empty.

use super::context::Context;
use super::distance::{between, distance, nearest};
use super::frame::{Trig, TrigMatch};
use super::{Memory, content_words};
use crate::entities::Hit;
use crate::normalize::Found;
use crate::rules::{EntityKind, Frame, Side, Slot, SlotType};
use std::collections::BTreeMap;

/// Fill every slot of the frame for one trigger match: slot name -> canonical names, or
/// `None` when a required slot stays empty.
pub(super) fn fill_all(
    frame: &Frame,
    t: &Trig,
    ctx: &Context,
    memory: &Memory,
) -> Option<BTreeMap<String, Vec<String>>> {
    let (caps, pick) = (t.caps, t.pick);
    let trig = caps.span;
    let mut slots = BTreeMap::new();
    // A second amount fills its slots from where it stands: "Rs 2 lakh for the family
    // of each person killed and Rs 50,000 for each of the injured".
    let slot_at = pick.unwrap_or(trig);
    for slot in &frame.slots {
        let names = fill(slot, slot_at, caps, ctx, memory);
        if names.is_empty() {
            if slot.required {
                return None;
            }
            continue;
        }
        slots.insert(slot.name.clone(), names);
    }
    Some(slots)
}

/// The names that fill `slot`, nearest (or first) on its side of the trigger.
fn fill(
    slot: &Slot,
    trig: (usize, usize),
    caps: &TrigMatch,
    ctx: &Context,
    memory: &Memory,
) -> Vec<String> {
    // A named group in the trigger fills the slot directly.
    if let Some(g) = caps.group(&slot.name) {
        let inside: Vec<String> = ctx
            .hits
            .iter()
            .filter(|h| h.start >= g.0 && h.end <= g.1)
            .filter_map(|h| slot.types.iter().find_map(|&ty| fits(h, ty)))
            .collect();
        if !inside.is_empty() {
            return dedup_take(inside, slot.count);
        }
        let raw = ctx.text[g.0..g.1]
            .trim()
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        if slot.types.contains(&SlotType::Word) {
            let w = raw.to_lowercase();
            // A function word is no counted thing ("275 because …").
            return if w.is_empty() || ctx.pack.stopwords.contains(&w) {
                Vec::new()
            } else {
                vec![w]
            };
        }
        return if raw.is_empty() {
            Vec::new()
        } else {
            vec![raw.to_string()]
        };
    }
    // Places at any scale are one pool: "bundesweit" (a country) and "im Kreis Ahrweiler"
    // (a town) compete by distance, not by type.
    let place = |t: &SlotType| {
        matches!(
            t,
            SlotType::Entity(EntityKind::City) | SlotType::Entity(EntityKind::Country)
        )
    };
    let pooled = slot.types.len() >= 2 && slot.types.iter().all(place);
    let groups: Vec<Vec<SlotType>> = if pooled {
        vec![slot.types.clone()]
    } else {
        slot.types.iter().map(|&t| vec![t]).collect()
    };
    for tys in &groups {
        let ty = tys[0];
        let mut cands: Vec<(usize, usize, String)> = match ty {
            SlotType::Value(kind) => {
                let values: Vec<&Found> = ctx
                    .found
                    .iter()
                    .filter(|f| f.value.kind() == kind)
                    .collect();
                return nearest(ctx.text, &values, trig)
                    .map(|f| vec![f.value.canonical()])
                    .unwrap_or_default();
            }
            SlotType::Word => return Vec::new(),
            SlotType::Content => {
                let words = content_words(&ctx.text[trig.1..], ctx.pack);
                // A quotation that closes right before the verb and its speaker is what
                // they said, not the words after the verb ("“…,” kata Chiponda dalam
                // keterangan tertulisnya").
                let quoted = quotation_before(ctx.text, trig.0)
                    .map(|(s, e)| (content_words(&ctx.text[s..e], ctx.pack), (s, e)))
                    .filter(|(w, _)| w.len() >= 3);
                // Reported speech before an inverted attribution ("…, der Flugbetrieb laufe
                // normal weiter, sagte Sprecher Gede Eka Sandi Asmadi"): the words after the
                // verb are its speaker, what was said stands before the comma.
                let clause = || {
                    let speaker = ctx.voice.speaker.as_deref()?;
                    clause_before(ctx.text, trig, speaker)
                        .map(|(s, e)| (content_words(&ctx.text[s..e], ctx.pack), (s, e)))
                        .filter(|(w, _)| w.len() >= 3)
                };
                let (mut words, (from, to)) = match quoted.or_else(clause) {
                    Some(q) => q,
                    None if words.len() >= 3 => (words, (trig.1, ctx.text.len())),
                    None => (content_words(ctx.text, ctx.pack), (0, ctx.text.len())),
                };
                words.extend(
                    ctx.shared
                        .iter()
                        .chain(&ctx.subjects)
                        .filter(|(at, w)| *at >= from && *at < to && w.starts_with('@'))
                        .map(|(_, w)| w.clone()),
                );
                words.sort();
                words.dedup();
                return words;
            }
            SlotType::Topic => ctx
                .topics
                .iter()
                .filter(|t| Some(&t.group) == slot.group.as_ref())
                .filter_map(|t| {
                    let (d, side) = distance(t.start, t.end, trig);
                    side_ok(side, slot.side)
                        .then(|| (weighted(d, side, slot.side), t.start, t.id.clone()))
                })
                .collect(),
            SlotType::Entity(_) => ctx
                .hits
                .iter()
                .filter_map(|h| {
                    let (d, side) = distance(h.start, h.end, trig);
                    // A demonym ("Iranian Defense Minister") is no place, nor a country
                    // that qualifies the name after it ("Presiden Rusia Vladimir Putin").
                    let qualifies_a_name = h.kind == EntityKind::Country
                        && ctx.hits.iter().any(|n| {
                            matches!(n.kind, EntityKind::Person | EntityKind::Unknown)
                                && n.start >= h.end
                                && n.start <= h.end + 2
                        });
                    if pooled && (h.form == crate::entities::Form::Demonym || qualifies_a_name) {
                        return None;
                    }
                    let name = tys.iter().find_map(|&t| fits(h, t))?;
                    // Either side: a filler across a comma belongs to another clause
                    // ("134 Tote, in Nordrhein-Westfalen starben 49").
                    let gap = between(ctx.text, (h.start, h.end), trig);
                    let clause = if slot.side == Side::Any && gap.contains([',', ';']) {
                        40
                    } else {
                        0
                    };
                    side_ok(side, slot.side).then_some((
                        weighted(d, side, slot.side) + clause,
                        h.start,
                        name,
                    ))
                })
                .collect(),
        };
        if slot.first {
            cands.sort_by_key(|c| c.1);
        } else {
            cands.sort_by_key(|c| (c.0, c.1));
        }
        // Of a country and one of its cities in the sentence, the city says more: "bertemu
        // timpalan Iran … di Teheran" took place in Tehran.
        if pooled
            && let Some(first) = cands.first().map(|c| c.2.clone())
            && let Some(city) = ctx.hits.iter().find(|h| {
                h.kind == EntityKind::City && h.country.as_deref() == Some(first.as_str())
            })
        {
            cands.insert(0, (0, city.start, city.name.clone()));
        }
        if !cands.is_empty() {
            let names = dedup_take(cands.into_iter().map(|c| c.2).collect(), slot.count);
            if names.len() < slot.count && slot.inherit {
                return top_up(names, slot, memory);
            }
            return names;
        }
    }
    if slot.inherit {
        return top_up(Vec::new(), slot, memory);
    }
    // "Au moins 326 personnes ont perdu la vie dans le pays": the country last named.
    if ctx.country_anaphor
        && slot.types.contains(&SlotType::Entity(EntityKind::Country))
        && let Some(country) = &memory.country
    {
        return vec![country.clone()];
    }
    Vec::new()
}

/// The country the last place of a sentence lies in, or is.
pub(super) fn last_country(hits: &[Hit]) -> Option<String> {
    hits.iter()
        .filter(|h| matches!(h.kind, EntityKind::Country | EntityKind::City))
        // "French police said" names no country the story is in.
        .filter(|h| h.form != crate::entities::Form::Demonym)
        .filter_map(|h| fits(h, SlotType::Entity(EntityKind::Country)))
        .next_back()
}

/// The canonical name a hit gives to a slot of type `ty`, if it fits.
fn fits(h: &Hit, ty: SlotType) -> Option<String> {
    let SlotType::Entity(kind) = ty else {
        return None;
    };
    match kind {
        EntityKind::Country if h.kind == EntityKind::Country => Some(h.name.clone()),
        EntityKind::Country if h.kind != EntityKind::Person => h.country.clone(),
        EntityKind::Person if h.kind == EntityKind::Unknown => {
            (h.name.split_whitespace().count() >= 2).then(|| h.name.clone())
        }
        k if k == h.kind => Some(h.name.clone()),
        _ => None,
    }
}

/// Inside the trigger counts only for slots that take either side.
fn side_ok(side: Side, want: Side) -> bool {
    want == Side::Any || side == want
}

/// Sort key for "nearest": with no side required, a filler after the trigger counts as
/// twice as far as one before it (subjects precede their verbs in these languages).
fn weighted(d: usize, side: Side, want: Side) -> usize {
    if want == Side::Any && side == Side::After {
        2 * d
    } else {
        d
    }
}

/// Complete a slot from the paragraph's earlier sentence ("the two countries").
fn top_up(mut names: Vec<String>, slot: &Slot, memory: &Memory) -> Vec<String> {
    // A sentence before that names more fillers than the slot takes ("in North Sumatra,
    // Aceh and West Sumatra") gives a figure after it no one of them: it may hold for all.
    let mut offered: Vec<String> = Vec::new();
    for &ty in &slot.types {
        for n in memory.hits.iter().filter_map(|h| fits(h, ty)) {
            if !offered.contains(&n) && !names.contains(&n) {
                offered.push(n);
            }
        }
    }
    if names.len() + offered.len() > slot.count {
        return names;
    }
    for &ty in &slot.types {
        for n in memory.hits.iter().filter_map(|h| fits(h, ty)) {
            if names.len() < slot.count && !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names.sort();
    names
}

/// The first `count` distinct names; several are sorted so the key does not depend on order.
fn dedup_take(names: Vec<String>, count: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if !out.contains(&n) {
            out.push(n);
        }
        if out.len() == count {
            break;
        }
    }
    if out.len() > 1 {
        out.sort();
    }
    out
}
/// What a speech verb at `cue` closes when the attribution is inverted: a comma or a dash
/// and a space stand right before the verb (a few words may stand between: ", the minister
/// said") and the words after it, up to the next comma, name `speaker` by the last word of
/// three letters or more of the name ([`super::surname`]: "…, sagte Sprecher Gede Eka Sandi
/// Asmadi."). The span from the sentence's start to that comma; none when the speaker is
/// named elsewhere ("In a statement on Friday, the company said it
/// would cut jobs": what follows the verb is what was said).
pub(super) fn clause_before(
    text: &str,
    cue: (usize, usize),
    speaker: &str,
) -> Option<(usize, usize)> {
    const MARKS: [char; 3] = [',', '—', '–'];
    let before = &text[..cue.0];
    // A mark followed by a space: the comma of "5,000" is none.
    let mark = before
        .match_indices(MARKS)
        .map(|(i, _)| i)
        .rfind(|&i| before[i..].chars().nth(1).is_some_and(char::is_whitespace))?;
    if !short_gap(&before[mark..]) {
        return None;
    }
    let rest = &text[cue.1..];
    let after = &rest[..rest.find([',', ';', '(']).unwrap_or(rest.len())];
    let last = super::surname(speaker)?.to_lowercase();
    let named = after
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == last);
    named.then_some((0, mark))
}

/// Whether what stands between a mark (its first character) and a speech verb is at most
/// four words (the speaker's name, "he") within one sentence.
fn short_gap(from_mark: &str) -> bool {
    let gap = &from_mark[from_mark.chars().next().map_or(0, char::len_utf8)..];
    !gap.contains(['.', ';', ':', '!', '?']) && gap.split_whitespace().count() <= 4
}

/// The quotation that closes before the speech verb at `cue`, with at most four words (the
/// speaker's name) and a comma between: in "“We see signs of control,” Chiponda said" the
/// span inside the quotation marks.
fn quotation_before(text: &str, cue: usize) -> Option<(usize, usize)> {
    const CLOSING: [char; 4] = ['”', '"', '»', '“'];
    const OPENING: [char; 4] = ['“', '"', '«', '„'];
    let before = &text[..cue];
    let close = before.rfind(CLOSING)?;
    if !short_gap(&before[close..]) {
        return None;
    }
    let open = before[..close].rfind(OPENING)?;
    // A quoted term inside a phrase ("called the plan “a reckless gamble” and the minister
    // said") is no quotation: its opening mark follows a lowercase word.
    if before[..open]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(char::is_lowercase)
    {
        return None;
    }
    let start = open + before[open..].chars().next().map_or(0, char::len_utf8);
    (start < close).then_some((start, close))
}

#[cfg(test)]
mod tests {
    use super::clause_before;

    /// What the speech verb `cue` (its first occurrence in `text`) closes, as text.
    fn before<'t>(text: &'t str, cue: &str, speaker: &str) -> Option<&'t str> {
        let at = text.find(cue).unwrap();
        clause_before(text, (at, at + cue.len()), speaker).map(|(s, e)| &text[s..e])
    }

    #[test]
    fn an_inverted_attribution_closes_the_clause_before_it() {
        let de = "Die Fähren verkehren weiter, sagte Hafenmeisterin Ingrid Valtersen.";
        assert_eq!(
            before(de, "sagte", "Ingrid Valtersen"),
            Some("Die Fähren verkehren weiter")
        );
        // Named between the comma and the verb, the speaker leaves the words after the verb
        // to be read as before.
        let en = "The ferries will keep sailing, harbour master Ingrid Valtersen said on Monday.";
        assert_eq!(before(en, "said", "Ingrid Valtersen"), None);
        let en = "The ferries will keep sailing, said harbour master Ingrid Valtersen.";
        assert_eq!(
            before(en, "said", "Ingrid Valtersen"),
            Some("The ferries will keep sailing")
        );
    }

    #[test]
    fn a_dash_closes_the_clause_and_a_thousands_comma_does_not() {
        let fr = "Le pont coûtera 5,000 euros de plus — a précisé le maire Jean Valtin.";
        assert_eq!(
            before(fr, "a précisé", "Jean Valtin"),
            Some("Le pont coûtera 5,000 euros de plus ")
        );
        let en = "The bill rose to 5,000 said Valtin.";
        assert_eq!(before(en, "said", "Jean Valtin"), None);
    }

    #[test]
    fn a_verb_whose_speaker_stands_before_it_opens_what_was_said() {
        let en = "In a statement on Friday, the company said it would cut 5,000 jobs.";
        assert_eq!(before(en, "said", "company"), None);
    }
}
