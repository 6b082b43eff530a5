//! Speaker: who speaks in a sentence, over which words, and whether they deny or hedge.
//!
//! Input: a sentence's text, its language pack (attribution cues, pronouns, roles), its
//! names and dates, and the article's last speaker. Output: a [`Voice`]: the speaker (a
//! name, a role noun such as "police", or the last speaker for a pronoun), the span their
//! words run over, the denial cue, and every attribution cue of the sentence.

use super::Polarity;
use super::values::words;
use crate::entities::Hit;
use crate::rules::file::Cue;
use crate::rules::{EntityKind, Lang};

/// Who speaks in a sentence and whether they deny.
#[derive(Debug, Default, Clone)]
pub(super) struct Voice {
    pub(super) speaker: Option<String>,
    /// Byte offset from which the speaker's words run (their cue), and to which.
    scope: (usize, usize),
    denial_at: Option<usize>,
    /// Where the denial's words end: at a conjunction and a speech verb after it ("dismissed
    /// the criticism and said 40 people had died": the 40 is asserted).
    denial_end: Option<usize>,
    /// Speech cues a denial follows after a comma ("said, denying that …"): what is said
    /// there is denied.
    denied_speech: Vec<(usize, usize)>,
    pub(super) hedged: bool,
    /// Every attribution cue of the sentence (speech verbs, "according to", denials).
    pub(super) cues: Vec<(usize, usize)>,
}

impl Voice {
    /// The speaker of the words at `trig`: the sentence's speaker when the trigger lies in
    /// their scope.
    pub(super) fn speaker_at(&self, trig: (usize, usize)) -> Option<String> {
        let in_scope = self.scope.0 <= trig.0 && trig.0 < self.scope.1;
        if in_scope { self.speaker.clone() } else { None }
    }

    /// Whether the words at `trig` are denied: a denial cue starts before the trigger ends.
    pub(super) fn polarity_at(&self, trig: (usize, usize)) -> Polarity {
        let chained = self
            .denied_speech
            .iter()
            .any(|&(s, e)| s < trig.1 && trig.0 < e);
        let within = self.denial_end.is_none_or(|end| trig.0 < end);
        match self.denial_at {
            Some(at) if at < trig.1 && within => Polarity::Denies,
            _ if chained => Polarity::Denies,
            _ => Polarity::Asserts,
        }
    }
}

/// Find the speaker, denial and hedges of a sentence.
pub(super) fn voice(
    text: &str,
    lang: &Lang,
    hits: &[Hit],
    dates: &[(usize, usize)],
    concept_cues: &[(Cue, (usize, usize))],
    references: &[(usize, usize)],
    last_speaker: Option<&str>,
) -> Voice {
    let a = &lang.attribution;
    // Each cue pattern is searched once; the concept cues come with the sentence.
    let spans = |res: &[crate::rules::Pattern]| -> Vec<(usize, usize)> {
        res.iter()
            .flat_map(|re| re.find_iter(text).map(|m| (m.start(), m.end())))
            .collect()
    };
    let concept = |cue: Cue| {
        concept_cues
            .iter()
            .filter(move |(c, _)| *c == cue)
            .map(|&(_, span)| span)
    };
    let speech = spans(&a.speech);
    let denial = spans(&a.denial);
    let denial_starts: Vec<usize> = denial
        .iter()
        .copied()
        .chain(concept(Cue::Denial))
        .map(|(s, _)| s)
        .collect();
    let mut v = Voice {
        denial_at: denial_starts.iter().copied().min(),
        hedged: a.hedge.iter().any(|re| re.is_match(text)),
        ..Voice::default()
    };
    v.cues = speech
        .iter()
        .copied()
        .chain(spans(&a.speech_after))
        .chain(spans(&a.speech_self))
        .chain(spans(&a.speech_participle))
        .chain(denial.iter().copied())
        .chain(concept_cues.iter().map(|&(_, span)| span))
        .collect();
    // "dismissed the criticism and said 40 people had died": a conjunction and a speech verb
    // after the denial end its words.
    v.denial_end = v.denial_at.and_then(|at| {
        speech
            .iter()
            .copied()
            .chain(concept(Cue::Speech))
            .filter(|&(s, _)| s > at)
            .filter(|&(s, _)| {
                let before: Vec<String> = words(&text[at..s]).collect();
                before
                    .iter()
                    .rev()
                    .take(2)
                    .any(|w| a.conjunctions.contains(w))
            })
            .map(|(s, _)| s)
            .min()
    });
    // "…, CGT co-leader Héctor Daer said, denying that the stoppage had a political aim":
    // a denial right after a speech cue and a comma (one word may stand between) turns what
    // is said into a denial.
    v.denied_speech = speech
        .iter()
        .copied()
        .chain(concept(Cue::Speech))
        .filter(|&(_, e)| {
            denial_starts.iter().any(|&d| {
                d >= e && {
                    let gap = &text[e..d];
                    gap.trim_start().starts_with(',')
                        && gap.trim_start()[1..].split_whitespace().count() <= 1
                        && !gap.contains(['.', ';', '"', '“', '”', '«', '»'])
                }
            })
        })
        .collect();
    // A name right after a word pointing at something said is whose it is, not who speaks:
    // "В Киеве обвинения ФСБ отвергли", "rejected the FSB's accusations".
    // Not when a speech cue follows the name: "В ответ на обвинения Дмитрий Песков заявил"
    // (a denial after it has the pointing word for its object: "обвинения ФСБ отвергли").
    let cue_after = |h: &Hit| {
        speech
            .iter()
            .copied()
            .chain(concept(Cue::Speech))
            .any(|(s, _)| s >= h.end && text[h.end..s].split_whitespace().count() <= 1)
    };
    let owner = |h: &Hit| {
        !cue_after(h)
            && references.iter().any(|&(_, e)| {
                e <= h.start && {
                    let gap = &text[e..h.start];
                    !gap.contains([',', ';', '.'])
                        && words(gap).all(|w| lang.stopwords.contains(&w))
                }
            })
    };
    let speaker_kind = |h: &Hit| {
        !(owner(h) || (h.kind == EntityKind::Country && h.form == crate::entities::Form::Demonym))
    };
    let mut cues: Vec<(usize, usize)> = speech
        .iter()
        .chain(&denial)
        .copied()
        .chain(concept_cues.iter().map(|&(_, span)| span))
        .collect();
    cues.sort();
    cues.dedup();
    // The speaker named after the verb: "…“, sagte der Bonner Hydrologe Martin Kessler",
    // "…, a répété vendredi son premier adjoint, Daniel Leroy".
    let after_cue = |ce: usize| -> Option<String> {
        // Skip articles after the cue.
        let mut at = ce;
        for _ in 0..2 {
            let rest = &text[at..];
            let word_start = at + (rest.len() - rest.trim_start().len());
            let word: String = text[word_start..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if word.is_empty() || !lang.stopwords.contains(&word.to_lowercase()) {
                break;
            }
            at = word_start + word.len();
        }
        // The name may follow a title ("der Bonner Hydrologe Martin Kessler"): the first
        // name in the same run of words.
        let first = at + (text[at..].len() - text[at..].trim_start().len());
        // A pronoun right after the verb is its subject: "sagte er in seiner
        // Videobotschaft" is said by whom "er" stands for, not by a noun after it.
        if let Some(who) = pronoun_after(&text[ce..], lang, last_speaker) {
            return Some(who);
        }
        let speaker = hits
            .iter()
            .find(|h| {
                h.start >= at
                    && h.start <= at + 60
                    && !text[at..h.start].contains([',', '.', ';', '(', '"', '“', '„'])
                    // A name in a phrase after the verb is not its subject ("sagte der
                    // 62-Jährige vor Anhängern").
                    && (h.start <= first || function_word_before(text, h, lang).is_none())
            })
            .map(|h| h.name.clone())
            .or_else(|| appositive_name(text, at, hits, lang, true))
            // A title alone after the verb ("…», a répété le ministre de l'Économie") is
            // the person the text was about, as a pronoun is.
            .or_else(|| {
                // The first word after the verb that is no article or function word ("le",
                // "the", "der").
                let word = text[first..]
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                    .take(3)
                    .find(|w| {
                        w.chars().count() > 3 && !lang.stopwords.contains(&w.to_lowercase())
                    })?;
                lang.is_title(word)
                    .then(|| last_speaker.map(str::to_string))
                    .flatten()
            });
        // A title alone is no one of its own ("Глава", "Gewerkschaftschef").
        speaker.and_then(|s| no_title(s, lang, last_speaker))
    };
    for (cs, ce) in cues {
        // A quotation closes before the verb: the speaker follows it ("…,” said X).
        let before = text[..cs].trim_end();
        // "…,” said X" and German "…“, sagte X".
        let closing = before.trim_end_matches(',').trim_end();
        // A quoted term inside a phrase ("qui a ouvert une enquête pour « désastre », a
        // estimé") is no quotation the speaker follows: its opening quote comes after a
        // lowercase word.
        let embedded = || {
            let body = closing.trim_end_matches(['”', '"', '»', '“']);
            body.rfind(['«', '“', '"', '„']).is_some_and(|open| {
                body[..open]
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_some_and(char::is_lowercase)
            })
        };
        let quoted =
            (closing.ends_with(['”', '"', '»', '“']) || before.ends_with(",”")) && !embedded();
        if quoted {
            // The sentence ends with the verb ("«No vamos a negociar», añadió."): in a
            // language that drops its pronouns (the pack's `drops_pronouns`) the verb's
            // subject is the last speaker.
            let bare = a.drops_pronouns && !text[ce..].chars().any(char::is_alphanumeric);
            let speaker =
                after_cue(ce).or_else(|| bare.then(|| last_speaker.map(str::to_string)).flatten());
            if speaker.is_some() {
                v.speaker = speaker;
                v.scope = (0, text.len());
                return v;
            }
            continue;
        }
        let end = subject_end(text, cs, lang);
        // Allow up to four function words or words of a date ("has", "also", "on
        // Tuesday", "во вторник", "hatte noch am Wochenende") between the subject and the
        // verb.
        let mut stop_end = end;
        // Where the subject may end: right before the verb, after each skipped word, and
        // before an appositive that ends there ("Carlos Mesa, a historian who led the
        // country from 2003 to 2005, has said …").
        let mut ends = vec![end];
        for _ in 0..4 {
            let before = text[..stop_end].trim_end();
            // After the last space, whatever its width (U+2000 is three bytes).
            let w_start = before
                .char_indices()
                .rfind(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let w = before[w_start..].trim_matches(|c: char| !c.is_alphanumeric());
            let in_date = dates.iter().any(|&(s, e)| s <= w_start && w_start < e);
            if !w.is_empty() && (lang.stopwords.contains(&w.to_lowercase()) || in_date) {
                stop_end = w_start;
                ends.push(stop_end);
                ends.push(subject_end(text, stop_end, lang));
            } else {
                break;
            }
        }
        let subject = hits.iter().rev().find(|h| {
            speaker_kind(h)
                && ends
                    .iter()
                    .any(|&e| h.end <= e && text[h.end..e].trim().is_empty())
        });
        // A name inside a phrase that qualifies the subject ("Christian Casarotto vom Museum
        // in Trient widersprach", "the head of the agency in Paris said") is no subject: a
        // function word before it leads back to a name before, within the clause.
        let subject = subject.map(|mut h| {
            while let Some(prev) = qualified(text, h, hits, lang) {
                h = prev;
            }
            h
        });
        // A name right after a locative ("Dieser hatte im Oberhaus erklärt") is where, not
        // who: the subject is further back, or a pronoun.
        let subject = subject.filter(|h| {
            crate::words::word_before(text, h.start)
                .is_none_or(|w| !lang.locatives.contains(&w.to_lowercase()))
        });
        // A verb after a comma, or after a comma and an auxiliary, opens its own clause
        // (", a répété vendredi son premier adjoint, Daniel Leroy", ", сообщил в субботу
        // Следственный комитет"): with no subject right before the comma, its subject is
        // after it, not further back.
        let verb_after_comma = {
            let mut head = text[..cs].trim_end();
            // One lowercase word may stand between: an auxiliary ("a", "ha", "has").
            if let Some(w) = head.rsplit(char::is_whitespace).next()
                && w.chars().all(char::is_lowercase)
            {
                head = head[..head.len() - w.len()].trim_end();
            }
            head.ends_with(',')
        };
        // In a language that puts the verb second, a name after it is the speaker whatever
        // stands before the comma ("…, sagte Georgescu").
        // A cue in two parts ("wies Reid den Vorwurf zurück") has its subject after its
        // first word.
        let verb_end = text[cs..ce]
            .find(char::is_whitespace)
            .map_or(ce, |i| cs + i);
        let early = (a.inverted_after_comma && verb_after_comma)
            .then(|| after_cue(verb_end))
            .flatten();
        let subject = if early.is_some() { None } else { subject };
        let inverted = match subject {
            None if verb_after_comma => early.or_else(|| after_cue(ce)),
            _ => None,
        };
        // Failing that, a subject further back in the clause, with adverbs between it and
        // the verb ("Donald Tusk hatte bereits Ende November erklärt", "Von der Leyen has
        // repeatedly argued"): the last name before the verb, six words back at most, no
        // punctuation between, and in no phrase.
        let subject = subject.or_else(|| {
            // A verb after a phrase set off by commas right after a conjunction ("X
            // visited the site and, in a televised address, said") shares the first verb's
            // subject: the subject ends before the conjunction.
            let end = if verb_after_comma {
                coordinated(text, cs, lang)?
            } else {
                end
            };
            hits.iter().rev().find(|h| {
                let gap = &text[h.end.min(end)..end];
                h.end <= end
                    && speaker_kind(h)
                    && gap.split_whitespace().count() <= 6
                    && !gap.contains([',', ';', ':', '.', '(', ')', '"', '“', '”', '«', '»', '„'])
                    && function_word_before(text, h, lang).is_none()
            })
        });
        let acronym = body_acronym(text, cs, hits, lang);
        // A name set off by commas right before the verb, after the role it names, is the
        // subject: "The head of the air force, General Rodzali Daud, denied …", "le chef de
        // l'armée de l'air, le général Rodzali Daud, a démenti …".
        let appositive = (subject.is_none() && inverted.is_none() && verb_after_comma)
            .then(|| appositive_subject(text, cs, hits, lang))
            .flatten()
            .filter(|h| speaker_kind(h));
        let speaker = match subject {
            _ if acronym.is_some() => acronym,
            Some(h) => Some(h.name.clone()),
            None if inverted.is_some() => inverted,
            None if appositive.is_some() => appositive.map(|h| h.name.clone()),
            None if role_speaker(&text[..end], lang).is_some() => role_speaker(&text[..end], lang),
            None => {
                let prev = text[..end]
                    .split_whitespace()
                    .last()
                    .map(|w| w.to_lowercase());
                // Or a pronoun opening the clause, a few words before the verb ("Dieser
                // hatte am Mittwoch im Oberhaus erklärt").
                let opening = text[..end]
                    .rsplit(|c: char| c == '.' || super::negation::BOUNDARY.contains(&c))
                    .next()
                    .unwrap_or_default();
                let mut clause = words(opening);
                let opens =
                    clause.next().is_some_and(|w| a.pronouns.contains(&w)) && clause.count() < 6;
                match (prev, referent(text, hits, lang, end, last_speaker)) {
                    (Some(p), Some(r)) if a.pronouns.contains(&p) || opens => Some(r),
                    _ => None,
                }
            }
        };
        // A title alone is no one of its own ("Глава", "Gewerkschaftschef").
        let speaker = speaker.and_then(|s| no_title(s, lang, last_speaker));
        if speaker.is_some() {
            // The words after the cue are the speaker's; so is a sentence that ends with
            // the cue ("…, he said.").
            let tail_words = text[ce..].split_whitespace().count();
            v.speaker = speaker;
            v.scope = if tail_words <= 2 {
                (0, text.len())
            } else {
                (cs, text.len())
            };
            return v;
        }
    }
    for re in &a.speech_after {
        for m in re.find_iter(text) {
            // "according to X", "kata dia", "по словам президента": a name, a pronoun
            // or a role noun right after the cue.
            // The name may follow a role or title: "Pour le maire Jean Dupont, …".
            let titled = |gap: &str| {
                gap.split_whitespace().count() <= 3
                    && gap
                        .chars()
                        .all(|c| c.is_whitespace() || c.is_lowercase() || c == '-')
            };
            // A cue that opens the sentence ("Für …", "Pour …") names a person or a body, not
            // a thing ("Für den Wiederaufbau stellt der Bund …").
            let fronted = m.start() == 0;
            let speaker = hits
                .iter()
                .find(|h| {
                    h.start >= m.end()
                        && (h.start <= m.end() + 5 || titled(&text[m.end()..h.start]))
                        && (!fronted
                            || matches!(h.kind, EntityKind::Person | EntityKind::Org)
                            || (h.kind == EntityKind::Unknown && h.name.contains(' ')))
                })
                .map(|h| h.name.clone())
                .or_else(|| {
                    let r = referent(text, hits, lang, m.start(), last_speaker);
                    pronoun_after(&text[m.end()..], lang, r.as_deref())
                })
                .or_else(|| appositive_name(text, m.end(), hits, lang, false))
                .or_else(|| role_after(&text[m.end()..], lang));
            // A title alone is no one of its own ("Глава", "Gewerkschaftschef").
            let speaker = speaker.and_then(|s| no_title(s, lang, last_speaker));
            if speaker.is_some() {
                v.speaker = speaker;
                v.scope = (0, text.len());
                return v;
            }
        }
    }
    // "The union proposed a fund, saying it would save …": after a comma, a participle of
    // speech is the main clause's subject's: the first name of the sentence that no function
    // word puts in a phrase, or a role among its first words.
    for re in &a.speech_participle {
        for m in re.find_iter(text) {
            if !text[..m.start()].trim_end().ends_with(',') {
                continue;
            }
            let speaker = hits
                .iter()
                .filter(|h| h.end <= m.start() && speaker_kind(h))
                .find(|h| function_word_before(text, h, lang).is_none())
                .map(|h| h.name.clone())
                .or_else(|| role_after(text, lang));
            let speaker = speaker.and_then(|s| no_title(s, lang, last_speaker));
            if speaker.is_some() {
                v.speaker = speaker;
                v.scope = (m.start(), text.len());
                return v;
            }
        }
    }
    // "…," ujarnya: the cue carries its own pronoun.
    if a.speech_self.iter().any(|re| re.is_match(text))
        && let Some(ls) = last_speaker
    {
        v.speaker = Some(ls.to_string());
        v.scope = (0, text.len());
    }
    v
}

/// The person a sentence is about when no one speaks in it: its first person's name (or a
/// name of two words or more that no gazetteer knows) that stands in no phrase and heads its
/// sentence ("Lundi, le président du Conseil Mario Draghi s'était rendu à Canazei"). A
/// pronoun in the sentences after it ("Il avait reconnu …") is that person.
pub(super) fn subject<'h>(
    text: &str,
    hits: impl IntoIterator<Item = &'h Hit>,
    lang: &Lang,
) -> Option<String> {
    // Only a name at the head of its sentence: every lowercase word before it a stop word, a
    // title, a role, or a noun right after a stop word ("Le climatologue Luca Mercalli", "le
    // président du Conseil Mario Draghi"); none a verb ("Police arrested Ahmed Khan" is
    // about the police).
    let head = |h: &Hit| {
        let before: Vec<&str> = text[..h.start]
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        // Words of one or two letters ("le", "la", "de") are function words too.
        let stop = |w: &str| w.chars().count() <= 2 || lang.stopwords.contains(&w.to_lowercase());
        before.iter().enumerate().all(|(i, w)| {
            w.is_empty()
                || w.starts_with(char::is_uppercase)
                || stop(w)
                || lang.attribution.roles.contains(&w.to_lowercase())
                || lang.is_title(w)
                || (i > 0 && stop(before[i - 1]))
        })
    };
    hits.into_iter()
        .find(|h| {
            (h.kind == EntityKind::Person
                || (h.kind == EntityKind::Unknown && h.name.contains(' ')))
                && function_word_before(text, h, lang).is_none()
        })
        .filter(|h| head(h))
        .map(|h| h.name.clone())
}

/// Whom a pronoun at `pos` stands for: the person the sentence is about before it ("Luca
/// Mercalli abonde dans son sens : selon lui, …"), or else the article's last speaker or
/// person.
fn referent(
    text: &str,
    hits: &[Hit],
    lang: &Lang,
    pos: usize,
    last_speaker: Option<&str>,
) -> Option<String> {
    subject(text, hits.iter().filter(|h| h.end <= pos), lang)
        .or_else(|| last_speaker.map(str::to_string))
}

/// The name a phrase with `h` qualifies: when the word before `h` is a function word
/// ("vom Museum in Trient", "de Paris"), the nearest name before it in the same clause, at
/// most five words back.
fn qualified<'h>(text: &str, h: &Hit, hits: &'h [Hit], lang: &Lang) -> Option<&'h Hit> {
    let before = text[..h.start].trim_end();
    let word = function_word_before(text, h, lang)?;
    let prev = hits
        .iter()
        .rev()
        .find(|p| p.end <= before.len() - word.len() && p.start < h.start)?;
    let gap = &text[prev.end..h.start];
    let clause = !gap.contains([',', ';', ':', '.', '"', '“', '”', '«', '»', '(', ')']);
    (clause && gap.split_whitespace().count() <= 5 && prev.kind != EntityKind::Country)
        .then_some(prev)
}

/// The lowercase function word right before a name ("in" of "in Trient", "de" of "de
/// Paris"): the name is then in a phrase, not a subject.
fn function_word_before<'t>(text: &'t str, h: &Hit, lang: &Lang) -> Option<&'t str> {
    let word = crate::words::word_before(text, h.start)?;
    (lang.stopwords.contains(&word.to_lowercase()) && !word.chars().next()?.is_uppercase())
        .then_some(word)
}

/// A title alone ("der Gewerkschaftschef", "Глава", "the Minister") is the one who spoke
/// last in the article, as a pronoun is; never a speaker of its own.
fn no_title(speaker: String, lang: &Lang, last_speaker: Option<&str>) -> Option<String> {
    if lang.only_titles(&speaker) {
        // A title names a person: not an agency ("МЧС") nor a role ("police").
        let person = |s: &&str| {
            s.split_whitespace().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
            })
        };
        last_speaker.filter(person).map(str::to_string)
    } else {
        Some(speaker)
    }
}

/// Where the first verb's clause ends when the cue at `cue` follows a phrase set off by
/// commas right after a conjunction ("visited the site and, in a televised address, said"):
/// the start of the conjunction. `None` when the cue follows no such phrase.
fn coordinated(text: &str, cue: usize, lang: &Lang) -> Option<usize> {
    let mut head = text[..cue].trim_end();
    // One lowercase word may stand between: an auxiliary ("a", "ha", "has").
    if let Some(w) = head.rsplit(char::is_whitespace).next()
        && !w.is_empty()
        && w.chars().all(char::is_lowercase)
    {
        head = head[..head.len() - w.len()].trim_end();
    }
    let inner = head.strip_suffix(',')?;
    let open = inner.rfind(',')?;
    let before = inner[..open].trim_end();
    let start = before
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    lang.attribution
        .conjunctions
        .contains(&before[start..].to_lowercase())
        .then_some(start)
}

/// A body named with its acronym in brackets right before the verb ("The National Disaster
/// Management Agency (BNPB) said", "Центр вулканологии (PVMBG) настаивает") speaks as its
/// acronym, the same in every language. The name before the bracket says whether it is a
/// body: an organisation the gazetteer knows, a name of three words or more, or words no
/// name ends at (a body's name in lowercase or broken by function words). A person, a
/// country or a town keeps its name, and so does a name of one or two words (titles
/// aside), taken for a person's: "Friedrich Merz (CDU) nannte", "Merz (CDU) sagte".
fn body_acronym(text: &str, cue: usize, hits: &[Hit], lang: &Lang) -> Option<String> {
    let (acronym, paren) = acronym_before(text, cue)?;
    let named = hits
        .iter()
        .find(|h| h.start < paren && h.end <= paren && text[h.end..paren].trim().is_empty());
    let body = named.is_none_or(|h| match h.kind {
        EntityKind::Org => true,
        EntityKind::Unknown => {
            h.name
                .split_whitespace()
                .filter(|w| !lang.is_title(w))
                .count()
                >= 3
        }
        _ => false,
    });
    body.then_some(acronym)
}

/// The acronym in brackets right before `cue` ("… (BNPB) said"): two to ten letters or
/// digits, at least two of them capitals and no lowercase letter; with where its bracket
/// opens.
fn acronym_before(text: &str, cue: usize) -> Option<(String, usize)> {
    let body = text[..cue].trim_end().strip_suffix(')')?;
    let open = body.rfind('(')?;
    let inner = body[open + 1..].trim();
    let n = inner.chars().count();
    let capitals = inner.chars().filter(|c| c.is_uppercase()).count();
    ((2..=10).contains(&n)
        && capitals >= 2
        && inner
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit()))
    .then(|| (inner.to_string(), open))
}

/// Remove a trailing parenthetical ("Amerika Serikat (AS)") and an appositive
/// ("Zamir Kabulov, a senior official,") so the subject stands right before the verb.
fn subject_end(text: &str, cue: usize, lang: &Lang) -> usize {
    let mut p = text[..cue].trim_end();
    if p.ends_with(')')
        && let Some(open) = p.rfind('(')
    {
        p = p[..open].trim_end();
    }
    // Appositives may stack: "X, chief executive of Y, a think tank, said".
    let mut body = match p.strip_suffix(',') {
        Some(b) => b.trim_end(),
        None => return p.len(),
    };
    let strip_paren = |b: &str| -> usize {
        // "Rizal (27), seorang suporter, mengatakan": the age goes with the name.
        let b = b.trim_end();
        match (b.ends_with(')'), b.rfind('(')) {
            (true, Some(open)) => b[..open].trim_end().len(),
            _ => b.len(),
        }
    };
    // An age is an appositive too: "Jorge Ordóñez, 52, a mechanic, disputed that".
    for _ in 0..3 {
        match body.rfind(',') {
            Some(c)
                if body[c + 1..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_lowercase() || ch.is_ascii_digit())
                    || starts_with_title(&body[c + 1..], lang)
                    || ends_with_title(&body[c + 1..], lang) =>
            {
                body = body[..c].trim_end();
            }
            _ => break,
        }
    }
    strip_paren(body)
}

/// Whether a phrase opens with a title or a role noun ("Chefin der Zivilflugzeugsparte",
/// German capitalising its nouns): an appositive, not a name.
fn starts_with_title(phrase: &str, lang: &Lang) -> bool {
    phrase
        .split_whitespace()
        .next()
        .is_some_and(|w| title_word(w, lang))
}

/// Whether a phrase ends with a title or a role noun ("Energy Transfer's lead lawyer"): an
/// appositive that says what the name before it is.
fn ends_with_title(phrase: &str, lang: &Lang) -> bool {
    phrase
        .split_whitespace()
        .next_back()
        .is_some_and(|w| title_word(w, lang))
}

/// Whether a word (punctuation aside) is a title ("Chefin", "Verkehrsminister") or a role
/// noun ("police", "sindicato").
fn title_word(w: &str, lang: &Lang) -> bool {
    let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
    lang.is_title(bare) || lang.attribution.roles.contains(&bare.to_lowercase())
}

/// An unnamed speaker named by a role noun right before the verb: "the railway ministry",
/// "police", "Iranian officials" (up to two words before the role, articles dropped).
fn role_speaker(before: &str, lang: &Lang) -> Option<String> {
    let all: Vec<&str> = before.split_whitespace().collect();
    // An elided article is no part of the role: "l'armée" is "armée".
    let bare = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        match w.rfind(['\'', '’']) {
            Some(i) if w[..i].chars().count() <= 2 => w[i..].chars().skip(1).collect(),
            _ => w,
        }
    };
    // The role may be followed by a short complement: "a railway official at the site".
    let from = all.len().saturating_sub(4);
    let role_at = (from..all.len())
        .rev()
        .find(|&i| lang.attribution.roles.contains(&bare(all[i])))?;
    let tail_ok = all[role_at + 1..].iter().all(|w| !w.contains(','));
    if !tail_ok {
        return None;
    }
    let words = &all[..=role_at];
    let mut phrase: Vec<&str> = Vec::new();
    for w in words.iter().rev().take(3) {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty()
            || lang.stopwords.contains(&bare.to_lowercase())
            || lang
                .attribution
                .complementizers
                .contains(&bare.to_lowercase())
            || w.ends_with(',') && !phrase.is_empty()
        {
            break;
        }
        phrase.push(bare);
    }
    phrase.reverse();
    (!phrase.is_empty()).then(|| phrase.join(" "))
}

/// The name after a title, a role or a few common words and a comma, right after a cue:
/// "…, a répété vendredi le premier adjoint, Daniel Leroy", "…, ujar Direktur Pelindungan
/// WNI Kemlu, Judha Nugraha".
fn appositive_name(
    text: &str,
    at: usize,
    hits: &[Hit],
    lang: &Lang,
    plain_ok: bool,
) -> Option<String> {
    let rest = &text[at..];
    let comma = rest.find(',')?;
    let head = &rest[..comma];
    if head.contains(['.', ';', '(', '"', '“', '„', '»', '«', '”'])
        || head.split_whitespace().count() > 10
    {
        return None;
    }
    let titled = head.split_whitespace().any(|w| title_word(w, lang));
    // Or, after a quotation, a few common words naming no one ("le premier adjoint"): no
    // name among them. After "according to" they are a source of their own ("menurut
    // laporan, Rusia …": the reports; Russia is the next clause's subject).
    let end = at + comma;
    let plain = plain_ok
        && head.split_whitespace().count() <= 6
        && !hits.iter().any(|h| h.start < end && at < h.end);
    if !titled && !plain {
        return None;
    }
    let after = end + 1;
    hits.iter()
        .find(|h| h.start >= after && text[after..h.start].trim().is_empty())
        .map(|h| h.name.clone())
}

/// The name that ends an appositive right before a verb at `cue` (", General Rodzali Daud,
/// denied"): the text before the verb ends with a comma (and perhaps one lowercase word, an
/// auxiliary), a name ends right before that comma, and between it and the comma before it
/// stand at most three words, each lowercase or a title ("le général").
fn appositive_subject<'h>(text: &str, cue: usize, hits: &'h [Hit], lang: &Lang) -> Option<&'h Hit> {
    let mut head = text[..cue].trim_end();
    if let Some(w) = head.rsplit(char::is_whitespace).next()
        && w.chars().all(char::is_lowercase)
    {
        head = head[..head.len() - w.len()].trim_end();
    }
    let head = head.strip_suffix(',')?.trim_end();
    let h = hits.iter().rev().find(|h| h.end == head.len())?;
    let before = &text[..h.start];
    let open = before.rfind(',')?;
    let lead = &before[open + 1..];
    let words: Vec<&str> = lead.split_whitespace().collect();
    let plain = |w: &str| {
        w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '’') || title_word(w, lang)
    };
    (words.len() <= 3
        && !lead.contains(['.', ';', '(', ')', '"', '“', '”', '«', '»', '„'])
        && words.iter().all(|w| plain(w)))
    .then_some(h)
}

/// The last named speaker, when the next word is a pronoun ("said he", "kata dia").
fn pronoun_after(rest: &str, lang: &Lang, last_speaker: Option<&str>) -> Option<String> {
    let w = rest
        .split_whitespace()
        .next()?
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (lang.attribution.pronouns.contains(&w))
        .then(|| last_speaker.map(str::to_string))
        .flatten()
}

/// A role noun among the first words after a cue, up to a comma: "according to police",
/// "по словам президента" (inflected forms meet the role by its first letters).
fn role_after(rest: &str, lang: &Lang) -> Option<String> {
    let clause = rest.split([',', '.', ';']).next()?;
    let words: Vec<&str> = clause.split_whitespace().take(4).collect();
    for (i, w) in words.iter().enumerate() {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let hit = lang.attribution.roles.iter().any(|r| {
            !r.contains(' ')
                && (bare == *r || (r.chars().count() >= 5 && bare.starts_with(r.as_str())))
        });
        if hit {
            return Some(
                words[..=i]
                    .iter()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .filter(|w| !lang.stopwords.contains(&w.to_lowercase()))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::mentions;
    use crate::extract::{Extractor, Mention, Polarity};
    use crate::rules::{self, Kind};

    fn statement_speakers(ms: &[Mention]) -> Vec<Option<&str>> {
        ms.iter()
            .filter(|m| m.kind == Kind::Statement)
            .map(|m| m.speaker.as_deref())
            .collect()
    }

    #[test]
    fn appositive_is_skipped_to_find_the_speaker() {
        let set = rules::load(&rules::default_sources()).unwrap();
        let en = &set.langs["en"];
        let text = "Ana Ruiz, a trade official, said that talks were delayed.";
        let cue = text.find("said").unwrap();
        assert_eq!(&text[..subject_end(text, cue, en)], "Ana Ruiz");
        let text = "Iran's envoy to Russia, Kazem Jalali, denied it.";
        let cue = text.find("denied").unwrap();
        assert_eq!(
            &text[..subject_end(text, cue, en)],
            "Iran's envoy to Russia, Kazem Jalali"
        );
        // An age between commas is an appositive too.
        let text = "Jorge Ordóñez, 52, a mechanic who rented a flat there, disputed that.";
        let cue = text.find("disputed").unwrap();
        assert_eq!(&text[..subject_end(text, cue, en)], "Jorge Ordóñez");
        // So is a phrase that opens with a title, capitalised as German nouns are.
        let de = &set.langs["de"];
        let text = "Anna Berg, Chefin der Sparte, wies das zurück.";
        let cue = text.find("wies").unwrap();
        assert_eq!(&text[..subject_end(text, cue, de)], "Anna Berg");
        // And one that ends with a title after a company's name.
        let text = "Trey Cox, Energy Transfer's lead lawyer, told jurors that it was paid.";
        let cue = text.find("told").unwrap();
        assert_eq!(&text[..subject_end(text, cue, en)], "Trey Cox");
    }

    /// The speaker and polarity of each statement of one sentence.
    fn speakers_of(text: &str, lang: &str) -> Vec<(Option<String>, Polarity)> {
        mentions(text, lang, "2024-06-05")
            .iter()
            .filter(|m| m.kind == Kind::Statement)
            .map(|m| (m.speaker.clone(), m.polarity))
            .collect()
    }

    /// A title of three words is no part of the name after it, and a conjunction that
    /// opens the sentence is none either.
    #[test]
    fn a_long_title_and_an_opening_conjunction_are_no_part_of_a_name() {
        let got = speakers_of(
            "Menteri Dalam Negeri Gérald Darmanin mengatakan 30.000 suporter datang tanpa tiket.",
            "id",
        );
        assert_eq!(got[0].0.as_deref(), Some("Gérald Darmanin"), "{got:?}");
        let got = speakers_of(
            "Selain Kirchner, tujuh terdakwa lain dihukum. Kirchner membantah semua tuduhan itu.",
            "id",
        );
        assert_eq!(got[0].0.as_deref(), Some("Kirchner"), "{got:?}");
    }

    /// A body named with its acronym in brackets before the verb speaks as its acronym, in
    /// every language; a country named so keeps its name.
    #[test]
    fn a_body_named_with_its_acronym_is_its_acronym() {
        for (lang, text, speaker) in [
            (
                "en",
                "The Centre for Volcanology and Geological Hazard Mitigation (PVMBG) insists it warned local authorities.",
                "PVMBG",
            ),
            (
                "fr",
                "Le Centre de volcanologie et d'atténuation des risques géologiques (PVMBG) affirme avoir prévenu les autorités.",
                "PVMBG",
            ),
            (
                "ru",
                "Центр вулканологии и предотвращения геологических рисков (PVMBG) настаивает, что предупреждения передавались властям.",
                "PVMBG",
            ),
            (
                "en",
                "The National Disaster Management Agency (BNPB) said the dam had not failed.",
                "BNPB",
            ),
            (
                "id",
                "Amerika Serikat (AS) mengatakan bahwa kapal itu tenggelam.",
                "United States",
            ),
            (
                "de",
                "Der designierte Bundeskanzler Friedrich Merz (CDU) sagte, die Brücke sei gesperrt gewesen.",
                "Friedrich Merz",
            ),
        ] {
            let speakers = speakers_of(text, lang);
            assert_eq!(speakers.len(), 1, "{lang}: {speakers:?}");
            assert_eq!(
                speakers[0].0.as_deref(),
                Some(speaker),
                "{lang}: {speakers:?}"
            );
        }
        let speakers = speakers_of(
            "Tags darauf sagte Merz (CDU), die Brücke sei gesperrt gewesen. Merz (CDU) betonte, sie sei alt.",
            "de",
        );
        assert!(
            speakers.iter().all(|(s, _)| s.as_deref() != Some("CDU")),
            "{speakers:?}"
        );
    }

    /// "…, which the army denied": the clause before the comma is one speaker's, and the
    /// relative clause's speaker denies it; the same in every pack with `relatives`.
    #[test]
    fn a_relative_denial_denies_the_clause_before_it() {
        for (lang, text, denier) in [
            (
                "en",
                "Coast guard chief Lena Varga said the ferry was overloaded, which the operator denied.",
                "operator",
            ),
            (
                "fr",
                "Le maire Paul Berthier a affirmé que le pont était fermé, ce que la préfecture a démenti.",
                "préfecture",
            ),
            (
                "es",
                "El alcalde Luis Prado dijo que el puente estaba cerrado, algo que el gobierno negó.",
                "gobierno",
            ),
            (
                "de",
                "Bürgermeister Jan Holm sagte, die Brücke sei gesperrt gewesen, was die Polizei bestritt.",
                "Polizei",
            ),
            (
                "ru",
                "Мэр Иван Орлов заявил, что мост был закрыт, что полиция опровергла.",
                "полиция",
            ),
        ] {
            let got = speakers_of(text, lang);
            assert_eq!(got.len(), 2, "{lang}: {got:?}");
            assert_eq!(got[0].1, Polarity::Asserts, "{lang}: {got:?}");
            assert!(
                got[0].0.as_deref().is_some_and(|s| !s.contains(denier)),
                "{lang}: {got:?}"
            );
            assert_eq!(got[1].1, Polarity::Denies, "{lang}: {got:?}");
            assert!(
                got[1].0.as_deref().is_some_and(|s| s.contains(denier)),
                "{lang}: {got:?}"
            );
        }
        // A relative clause that the sentence goes on after is an aside: no split.
        let got = speakers_of(
            "Coast guard chief Lena Varga said the ferry, which the operator denied overloading, sank at noon.",
            "en",
        );
        assert!(
            got.iter().all(|(s, _)| s.as_deref() != Some("operator")),
            "{got:?}"
        );
        // After a speech verb the same words are the speaker's own denial.
        for text in [
            "Мэр Иван Орлов заявил, что полиция опровергла слухи о закрытии моста.",
            "Мэр Иван Орлов заявил журналистам, что полиция опровергла слухи о закрытии моста.",
        ] {
            let got = speakers_of(text, "ru");
            assert!(
                got.iter().all(|(s, _)| s.as_deref() == Some("Иван Орлов")),
                "{got:?}"
            );
        }
    }

    /// "As the mayor said the bridge was closed, the police dismissed the claim": the
    /// subordinate clause is one speaker's, the main clause's speaker denies it.
    #[test]
    fn a_main_clause_denies_what_its_subordinate_clause_told() {
        for (lang, text) in [
            (
                "en",
                "On Tuesday, as mayor Lena Varga insisted that the bridge had been closed, Paul Reid, who heads the works department, dismissed the claim.",
            ),
            (
                "fr",
                "Alors que la maire Lena Varga a affirmé que le pont était fermé, Paul Reid a démenti cette information.",
            ),
            (
                "de",
                "Während Bürgermeisterin Lena Varga sagte, die Brücke sei gesperrt gewesen, wies Paul Reid den Vorwurf zurück.",
            ),
        ] {
            let got = speakers_of(text, lang);
            assert_eq!(got.len(), 2, "{lang}: {got:?}");
            assert_eq!(
                got[0],
                (Some("Lena Varga".into()), Polarity::Asserts),
                "{lang}"
            );
            assert_eq!(
                got[1],
                (Some("Paul Reid".into()), Polarity::Denies),
                "{lang}"
            );
        }
        // A denial of words of its own ("denied any wrongdoing") is no answer to the clause.
        let got = speakers_of(
            "As mayor Lena Varga said the bridge had been closed, Paul Reid denied any wrongdoing.",
            "en",
        );
        assert!(
            got.iter().all(|(s, _)| s.as_deref() != Some("Paul Reid")),
            "{got:?}"
        );
    }

    /// "L'armée israélienne a démenti": an elided article is no part of the role noun.
    #[test]
    fn an_elided_article_is_no_part_of_a_role() {
        let set = rules::load(&rules::default_sources()).unwrap();
        let fr = &set.langs["fr"];
        assert_eq!(
            role_speaker("L'armée israélienne a", fr).as_deref(),
            Some("L'armée")
        );
        assert_eq!(
            role_speaker("Hier, l'armée", fr).as_deref(),
            Some("l'armée")
        );
    }

    #[test]
    fn a_verb_after_a_comma_may_name_its_subject_after_it() {
        let ms = mentions(
            "Le bâtiment n'a jamais été déclaré aux autorités, a répété vendredi son premier adjoint, Daniel Leroy.",
            "fr",
            "2024-12-06",
        );
        assert_eq!(statement_speakers(&ms), [Some("Daniel Leroy")]);
        // A subject before the comma and its appositive still speaks.
        let ms = mentions(
            "Nadia Kern, a former minister, said the crash would have been averted if the Delta system had been installed.",
            "en",
            "2024-12-06",
        );
        assert_eq!(statement_speakers(&ms), [Some("Nadia Kern")]);
    }

    /// German puts the verb second: after "…, sagte", the speaker follows the verb, and
    /// a capitalised noun before the comma or in a phrase after the verb is nobody.
    #[test]
    fn a_german_speaker_follows_the_verb_after_a_comma() {
        for text in [
            "Die Vorwürfe seien eine glatte Lüge, sagte Marek Vondra am Abend.",
            "Das alles sei Unsinn, sagte Marek Vondra.",
        ] {
            let ms = mentions(text, "de", "2024-12-06");
            assert_eq!(statement_speakers(&ms), [Some("Marek Vondra")], "{text}");
        }
        // A noun after a determiner is no name: the agency denied, not "Beteiligung".
        let ms = mentions(
            "Die Agentur Vesna hatte am Dienstag jede Beteiligung bestritten.",
            "de",
            "2024-12-06",
        );
        assert_ne!(statement_speakers(&ms), [Some("Beteiligung")]);
        // A name in a phrase after the verb is not its subject.
        let ms = mentions(
            "Die Zahlen seien erfunden, sagte der 58-Jährige vor Journalisten in Kaunas.",
            "de",
            "2024-12-06",
        );
        for speaker in statement_speakers(&ms) {
            assert!(
                !matches!(speaker, Some("Journalisten" | "Kaunas")),
                "{ms:?}"
            );
        }
    }

    #[test]
    fn a_subject_with_adverbs_before_the_verb_is_the_speaker() {
        // Adverbs and a date between the subject and the verb, and a first name shared
        // with a known person who is someone else.
        let ms = mentions(
            "Regierungschef Donald Tusk hatte bereits Ende November erklärt, Polen werde das Abkommen nicht unterschreiben.",
            "de",
            "2024-12-06",
        );
        assert_eq!(statement_speakers(&ms), [Some("Donald Tusk")]);
        let ms = mentions(
            "Marta Olsen has repeatedly argued that the text protects farmers.",
            "en",
            "2024-12-06",
        );
        assert_eq!(statement_speakers(&ms), [Some("Marta Olsen")]);
    }

    #[test]
    fn a_verb_after_a_phrase_set_off_after_a_conjunction_shares_the_subject() {
        let ms = mentions(
            "The premier, Lina Horvat, toured the flooded valley and, in an address that evening, said that the levees had held.",
            "en",
            "2024-12-06",
        );
        assert_eq!(statement_speakers(&ms), [Some("Lina Horvat")]);
        // A phrase set off after no conjunction leaves the verb its own subject after it.
        let ms = mentions(
            "The levees held, in the view of many, said engineer Paul Brandt.",
            "en",
            "2024-12-06",
        );
        assert_eq!(statement_speakers(&ms), [Some("Paul Brandt")]);
    }

    #[test]
    fn a_title_alone_after_the_verb_is_the_person_the_text_was_about() {
        let ms = mentions(
            "Bruno Keller a ouvert la séance lundi. « La dépense a été tenue », a répété le ministre de l'Économie.",
            "fr",
            "2024-06-05",
        );
        assert_eq!(statement_speakers(&ms), [Some("Bruno Keller")]);
    }

    /// A pronoun right after the verb is the subject, whatever noun follows it in the
    /// clause.
    #[test]
    fn a_pronoun_after_the_verb_is_the_speaker() {
        let ms = mentions(
            "Bürgermeisterin Anja Roth besuchte am Abend das Viertel. Die Flut habe ganze Straßen zerstört, sagte sie in ihrer wöchentlichen Videobotschaft.",
            "de",
            "2024-06-05",
        );
        assert_eq!(statement_speakers(&ms), [Some("Anja Roth")], "{ms:?}");
    }

    /// A name right after a locative is where something was said, not who said it.
    #[test]
    fn a_place_after_a_locative_is_no_speaker() {
        let ms = mentions(
            "Innenminister Karl Vogt besuchte am Dienstag das Lager. Dieser hatte am Montag im Landtag erklärt, die Behörden seien rechtzeitig gewarnt worden.",
            "de",
            "2024-06-05",
        );
        assert_eq!(statement_speakers(&ms), [Some("Karl Vogt")], "{ms:?}");
        // A quotation mark of several bytes before the clause.
        let ms = mentions(
            "Innenminister Karl Vogt besuchte das Lager. Nach dem „Notfallplan“ hatte er im Landtag erklärt, die Behörden seien gewarnt worden.",
            "de",
            "2024-06-05",
        );
        assert!(
            !statement_speakers(&ms).contains(&Some("Landtag")),
            "{ms:?}"
        );
    }

    /// A question word opening a sentence opens no name: the port, not "Weshalb der
    /// Hafen", rejects the account.
    #[test]
    fn a_question_word_is_no_part_of_a_speaker() {
        let ms = mentions(
            "Der Hafen hätte offen bleiben können, sagte Lena Brandt. Weshalb der Hafen trotzdem schloss, sei unklar. Der Hafen wies diese Darstellung zurück.",
            "de",
            "2024-06-05",
        );
        for speaker in statement_speakers(&ms).into_iter().flatten() {
            assert!(!speaker.starts_with("Weshalb"), "{ms:?}");
        }
    }

    #[test]
    fn speaker_and_denial() {
        let set = rules::load(&rules::default_sources()).unwrap();
        let ex = Extractor::new(&set);
        let lang = &set.langs["en"];
        let text = "Spain's envoy to Peru, Luis Gil, denied reports that the talks had failed.";
        let hits = ex.gazetteer.find(text, lang);
        let v = voice(text, lang, &hits, &[], &[], &[], None);
        assert_eq!(v.speaker.as_deref(), Some("Luis Gil"));
        assert!(v.denial_at.is_some());
    }

    #[test]
    fn a_pronoun_cue_gives_the_last_speaker() {
        let ms = mentions(
            "Rizal (27), seorang suporter, mengatakan gas air mata ditembakkan ke tribun selatan. \"Kami semua lari ke pintu keluar,\" ujarnya.",
            "id",
            "2022-10-03",
        );
        let speakers = statement_speakers(&ms);
        assert_eq!(speakers, [Some("Rizal"), Some("Rizal")]);
    }

    /// A conjunction and a speech verb end a denial's words: what is said after them is
    /// asserted. A conjunction alone does not ("denied that … and that …").
    #[test]
    fn a_denial_ends_at_a_conjunction_and_a_speech_verb() {
        let ms = mentions(
            "Health minister Ali Khan dismissed the criticism on Thursday and said 40 people had died in the attack.",
            "en",
            "2024-06-07",
        );
        let toll = ms.iter().find(|m| m.rule == "casualties").expect("a toll");
        assert_eq!(toll.polarity, Polarity::Asserts, "{ms:?}");
        let ms = mentions(
            "Health minister Ali Khan denied that the hospital had been hit and that 40 people had died.",
            "en",
            "2024-06-07",
        );
        let toll = ms.iter().find(|m| m.rule == "casualties").expect("a toll");
        assert_eq!(toll.polarity, Polarity::Denies, "{ms:?}");
    }

    /// A name right after a word pointing at something said is whose the words are, not
    /// who speaks.
    #[test]
    fn the_owner_of_an_accusation_is_not_its_denier() {
        let ms = mentions(
            "В Москве ФСБ заявила, что за взрывом стоит Украина. В Киеве обвинения ФСБ отвергли.",
            "ru",
            "2022-10-12",
        );
        let speakers = statement_speakers(&ms);
        assert_eq!(speakers.len(), 2, "{ms:?}");
        assert_ne!(speakers[1], Some("ФСБ"), "{speakers:?}");
    }

    /// A pronoun stands for the person the sentences before it were about when no one
    /// spoke there, and for a person named earlier in its own sentence ("selon lui").
    #[test]
    fn a_pronoun_is_the_person_the_text_was_about() {
        let ms = mentions(
            "Le maire de Canazei, Giovanni Bernard, a interdit l'accès au massif. Il a déclaré mercredi que la fermeture était obligée.",
            "fr",
            "2022-07-06",
        );
        assert_eq!(statement_speakers(&ms), [Some("Giovanni Bernard")]);
        let ms = mentions(
            "Le procureur Sandro Raimondi a estimé que rien ne permettait de prévoir la catastrophe. Le climatologue Luca Mercalli abonde dans son sens : selon lui, le glacier était normal.",
            "fr",
            "2022-07-06",
        );
        assert_eq!(
            statement_speakers(&ms),
            [Some("Sandro Raimondi"), Some("Luca Mercalli")]
        );
    }

    #[test]
    fn a_subject_before_a_relative_clause_and_four_function_words_is_the_speaker() {
        // "am Wochenende" is no name (a part of the week, a stopword), and "hatte noch am
        // Wochenende" is four words between the relative clause and the verb.
        let ms = mentions(
            "Vizeminister Jan Brenner, der die Kommission leitet, hatte noch am Wochenende erklärt, die Schleuse sei zu schwer beschädigt.",
            "de",
            "2024-08-11",
        );
        assert_eq!(statement_speakers(&ms), [Some("Jan Brenner")]);
    }

    #[test]
    fn a_name_set_off_by_commas_before_the_verb_is_its_subject() {
        let cases = [
            (
                "The head of the coast guard, General Nils Berg, denied that the ship was warned.",
                "en",
                "Nils Berg",
            ),
            (
                "Le chef de la garde côtière, le général Nils Berg, a démenti que le navire ait été averti.",
                "fr",
                "Nils Berg",
            ),
        ];
        for (text, lang, who) in cases {
            let ms = mentions(text, lang, "2024-08-11");
            assert_eq!(statement_speakers(&ms), [Some(who)], "{text}");
        }
    }

    #[test]
    fn a_speaker_named_after_a_role_and_a_comma_is_found() {
        let cases = [
            (
                "« Les secours sont arrivés trop tard », a martelé vendredi le premier adjoint, Paul Mercier.",
                "fr",
                "Paul Mercier",
            ),
            (
                "\"Tidak ada warga negara Indonesia yang menjadi korban,\" ujar Direktur Pelindungan WNI Kemlu, Judha Nugraha, Senin.",
                "id",
                "Judha Nugraha",
            ),
        ];
        for (text, lang, who) in cases {
            let ms = mentions(text, lang, "2024-08-11");
            assert_eq!(statement_speakers(&ms), [Some(who)], "{text}");
        }
        // A name before the comma is the speaker; what follows the comma is not.
        let ms = mentions(
            "\"The alarm worked,\" said Paul Mercier, the mayor of Colmar, on Friday.",
            "en",
            "2024-08-11",
        );
        assert_eq!(statement_speakers(&ms), [Some("Paul Mercier")]);
    }

    #[test]
    fn a_denial_right_after_the_speech_verb_denies() {
        let ms = mentions(
            "\"We only want our wages,\" union leader Rosa Diaz said, denying that the strike was political.",
            "en",
            "2024-01-25",
        );
        let st: Vec<_> = ms.iter().filter(|m| m.kind == Kind::Statement).collect();
        assert_eq!(st.len(), 1);
        assert_eq!(st[0].polarity, Polarity::Denies);
        // A denial reported further on is what was said, not a denial by the speaker.
        let ms = mentions(
            "Police chief Ana Ruiz said that the mayor had denied the reports.",
            "en",
            "2024-01-25",
        );
        let st: Vec<_> = ms.iter().filter(|m| m.kind == Kind::Statement).collect();
        assert!(st.iter().all(|m| m.polarity == Polarity::Asserts), "{st:?}");
    }

    #[test]
    fn an_appositive_before_an_auxiliary_is_skipped() {
        let ms = mentions(
            "Ana Ruiz, a historian who led the party from 2003 to 2005, has said she will contest the result.",
            "en",
            "2024-01-25",
        );
        assert_eq!(statement_speakers(&ms), [Some("Ana Ruiz")]);
    }

    #[test]
    fn a_german_quote_names_its_speaker_after_it() {
        let ms = mentions(
            "„Der Kreis hat viel zu spät gewarnt“, sagte der Bonner Hydrologe Martin Kessler.",
            "de",
            "2021-07-16",
        );
        let speakers = statement_speakers(&ms);
        assert_eq!(speakers, [Some("Martin Kessler")]);
    }

    #[test]
    fn a_name_in_a_phrase_after_the_subject_is_not_the_speaker() {
        let ms = mentions(
            "Die Geologin Anna Weber vom Landesamt in Graz widersprach: Der Hang sei stabil gewesen.",
            "de",
            "2024-05-02",
        );
        let speakers = statement_speakers(&ms);
        assert!(
            speakers
                .iter()
                .all(|s| s.is_some_and(|s| s.ends_with("Anna Weber"))),
            "{speakers:?}"
        );
    }

    #[test]
    fn a_quoted_term_in_an_appositive_is_no_quotation_before_the_verb() {
        let ms = mentions(
            "Le procureur de Lyon, Marc Vidal, qui a ouvert une enquête pour « homicide involontaire », a estimé mardi que rien ne permettait de conclure.",
            "fr",
            "2024-05-02",
        );
        assert_eq!(statement_speakers(&ms), [Some("Marc Vidal")]);
    }

    #[test]
    fn a_sentence_opening_with_for_a_person_is_their_view() {
        let ms = mentions(
            "Pour le maire Jean Dupont, la commune n'a reçu aucune alerte avant la crue.",
            "fr",
            "2024-05-02",
        );
        assert_eq!(statement_speakers(&ms), [Some("Jean Dupont")]);
        // A thing after "Für" is no one.
        let ms = mentions(
            "Für den Wiederaufbau stellt der Bund viel Geld bereit.",
            "de",
            "2024-05-02",
        );
        assert!(
            statement_speakers(&ms).iter().all(Option::is_none),
            "{ms:?}"
        );
    }

    #[test]
    fn a_participle_of_speech_is_the_main_clauses_subjects() {
        let ms = mentions(
            "In March, Rosa Diaz rejected the offer, saying the union would not sign it.",
            "en",
            "2024-05-02",
        );
        assert_eq!(statement_speakers(&ms), [Some("Rosa Diaz")]);
        // Without the comma it is no speech: "a sign saying 'exit'".
        let ms = mentions(
            "Rosa Diaz held up a sign saying the union would not sign it.",
            "en",
            "2024-05-02",
        );
        assert!(
            statement_speakers(&ms).iter().all(Option::is_none),
            "{ms:?}"
        );
    }

    #[test]
    fn french_and_spanish_role_nouns_are_speakers() {
        let ms = mentions(
            "La police a affirmé que la route était fermée depuis le matin.",
            "fr",
            "2024-05-02",
        );
        let speakers = statement_speakers(&ms);
        assert!(
            speakers
                .iter()
                .all(|s| s.is_some_and(|s| s.ends_with("police")))
                && !speakers.is_empty(),
            "{speakers:?}"
        );
        let ms = mentions(
            "El sindicato aseguró que la empresa no había pagado los salarios.",
            "es",
            "2024-05-02",
        );
        let speakers = statement_speakers(&ms);
        assert!(
            speakers
                .iter()
                .all(|s| s.is_some_and(|s| s.ends_with("sindicato")))
                && !speakers.is_empty(),
            "{speakers:?}"
        );
    }

    #[test]
    fn a_title_alone_is_the_last_speaker_or_no_one() {
        let set = rules::load(&rules::default_sources()).unwrap();
        let ru = &set.langs["ru"];
        // "Глава" (head) and "президента" (of the president) are titles in any case.
        assert!(ru.only_titles("Глава"));
        assert!(ru.only_titles("президента"));
        assert!(!ru.only_titles("Михаил Подоляк"));
        let de = &set.langs["de"];
        assert!(de.only_titles("Gewerkschaftschef"));
        assert_eq!(
            no_title("Gewerkschaftschef".into(), de, Some("Claus Weselsky")).as_deref(),
            Some("Claus Weselsky")
        );
        assert_eq!(no_title("Gewerkschaftschef".into(), de, None), None);
        // An agency or a role spoke last: the title is no one known.
        assert_eq!(no_title("президента".into(), ru, Some("МЧС")), None);
        assert_eq!(
            no_title("Gewerkschaftschef".into(), de, Some("police")),
            None
        );
        assert_eq!(
            no_title("Martin Seiler".into(), de, Some("Claus Weselsky")).as_deref(),
            Some("Martin Seiler")
        );
    }
}
