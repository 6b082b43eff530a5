//! What a denial denies: a denial that only points back at the statement just before it,
//! or repeats its words (or those of another recent statement), denies that statement, and
//! takes its claim.
//!
//! Input: the denial's sentence (its context), the denial and the article's recent
//! statements. Output: which of them the denial denies, if any. Every word list is the
//! language pack's (`conjunctions`, `complementizers`, `stopwords`) or the lexicon's
//! (`reference` cues).

use super::context::Context;
use super::values::{first_word, words};
use super::{Mention, Polarity, content_words, negation};
use crate::rules::Lang;
use std::collections::BTreeSet;

/// How many lines after a statement a denial may still answer it (the next paragraph's,
/// with a blank line between).
pub(super) const RECENT_LINES: usize = 2;

/// Which of the article's recent statements (the last one last) denial `m`, in the
/// sentence of `ctx` on `line`, denies, if any: the last one, by another speaker, when the
/// denial points back at it, answers it or repeats its words; else an earlier recent one,
/// by another speaker, whose words it repeats (the one sharing most, the latest of equals):
/// "Mayor Tom Adler said the sirens had sounded an hour before the flood. He said the
/// shelters were open all night. Residents denied that any sirens had sounded."
pub(super) fn denied<'a>(
    ctx: &Context,
    m: &Mention,
    recent: &'a [Mention],
    line: usize,
) -> Option<&'a Mention> {
    if on_its_antecedent(ctx, m) {
        return None;
    }
    let (last, earlier) = recent.split_last()?;
    if last.speaker != m.speaker
        && (points_back(ctx, m, last) || rebuts(m, last, line) || answers(ctx, m, last, line))
    {
        return Some(last);
    }
    // `max_by_key` keeps the last of equals: the latest statement.
    earlier
        .iter()
        .filter(|p| p.speaker != m.speaker && rebuts(m, p, line))
        .max_by_key(|p| shared(m, p).0)
}

/// Whether the denial stands in a relative clause on words of its own sentence: a comma or
/// a dash, then a relative word of the pack ("die", "which", "yang"), and the denial cue in
/// that clause, with content words before the comma ("Er wehte schräg über die Piste –
/// eine Seitenwindkomponente, die Feuerwehrchef Aitken bestritten hatte"). What it denies
/// is there, not in the statement before. A relative word that also opens a reported
/// clause ("что", "que") counts only with no speech cue before it: "заявил, что Кремль
/// отвергает эти обвинения" answers what came before.
fn on_its_antecedent(ctx: &Context, m: &Mention) -> bool {
    let (text, attribution) = (ctx.text, &ctx.pack.attribution);
    let cue = m.trigger_span.0;
    let Some(comma) = text[..cue].rfind([',', '–', '—']) else {
        return false;
    };
    if content_words(&text[..comma], ctx.pack).is_empty() {
        return false;
    }
    let opener = ctx
        .tokens
        .iter()
        .find(|t| t.start > comma)
        .filter(|t| t.end <= cue);
    let Some(opener) = opener else {
        return false;
    };
    let relative = attribution.relative_pronouns.contains(&opener.lower)
        || attribution.relatives.contains(&opener.lower);
    let reported = attribution.complementizers.contains(&opener.lower)
        && ctx.voice.cues.iter().any(|&(_, e)| e <= comma);
    relative && !reported && !text[opener.end..cue].contains([';', '.', ':'])
}

/// Where a clause another speaker denies ends, and where the denial begins: in "Saree
/// called it an Israeli ship, which the army denied" the comma and "which". A relative word
/// of the pack right after a comma or a dash, a denial cue at most six words after it in the
/// same clause, and a speech cue before the comma with a content word of its own between
/// them: "заявил, что Москва отвергает …" is the speaker's own denial, not one of what came
/// before.
pub(super) fn relative_denial(ctx: &Context) -> Option<(usize, usize)> {
    let (text, lang) = (ctx.text, ctx.pack);
    let tokens = &ctx.tokens;
    for (i, t) in tokens.iter().enumerate() {
        let before = text[..t.start].trim_end();
        if !before.ends_with([',', '—', '–']) {
            continue;
        }
        let comma = before.len() - before.chars().next_back().map_or(0, char::len_utf8);
        for relative in &lang.attribution.relatives {
            let want: Vec<&str> = relative
                .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                .filter(|w| !w.is_empty())
                .collect();
            let Some(run) = tokens.get(i..i + want.len()) else {
                continue;
            };
            if want.is_empty() || run.iter().zip(&want).any(|(t, w)| t.lower != *w) {
                continue;
            }
            let end = run[run.len() - 1].end;
            // The denial ends the sentence, or a colon opens what the denier says next: "the
            // strike, which Israel denied carrying out, killed 12" goes on after it, and its
            // clause is an aside.
            let denied = ctx.denials.iter().any(|&(s, e)| {
                s >= end && {
                    let gap = &text[end..s];
                    !gap.contains([',', '.', ';', ':'])
                        && gap.split_whitespace().count() <= 6
                        && !text[e..].contains([',', ';'])
                }
            });
            // A relative word that also opens a reported clause ("что") takes up the clause
            // before only when the speech verb's own clause was opened before the comma:
            // "заявил, что судно израильское, что армия опровергла", not "заявил
            // журналистам, что Кремль опровергает".
            let opens_clause =
                want.len() == 1 && lang.attribution.complementizers.contains(&run[0].lower);
            let said = ctx.voice.cues.iter().any(|&(s, e)| {
                e <= comma
                    && !ctx.denials.contains(&(s, e))
                    && !content_words(&text[e..comma], lang).is_empty()
                    && (!opens_clause
                        || tokens.iter().any(|t| {
                            t.start >= e
                                && t.end <= comma
                                && lang.attribution.complementizers.contains(&t.lower)
                        }))
            });
            if denied && said {
                return Some((comma, t.start));
            }
        }
    }
    None
}

/// Where a clause told in a subordinate clause ends, and where the main clause that denies it
/// begins: in "As Smirnov insisted that the guards had stopped them, Kovalenko dismissed the
/// claim" the comma, twice (the main clause is read from it). A subordinator of the pack opens the sentence or
/// follows its first comma ("On Tuesday, as …"), a speech cue follows it in its clause, with
/// words of its own before the next comma; after that comma, within twenty words, a denial
/// points back at what was said (a rejection of "the claim", "den Vorwurf") or is a denial
/// cue right before such a word.
pub(super) fn subordinate_denial(ctx: &Context) -> Option<(usize, usize)> {
    let (text, lang) = (ctx.text, ctx.pack);
    let tokens = &ctx.tokens;
    let opens = |i: usize| {
        i == 0
            || text[..tokens[i].start].trim_end().ends_with(',') && {
                // Only the sentence's first comma: "On Tuesday, as …".
                text[..tokens[i].start].matches(',').count() == 1
            }
    };
    let sub = tokens
        .iter()
        .enumerate()
        .take(8)
        .find(|&(i, t)| opens(i) && lang.attribution.subordinators.contains(&t.lower))?
        .1;
    let cue = ctx.voice.cues.iter().copied().find(|&(s, e)| {
        s >= sub.end && !ctx.denials.contains(&(s, e)) && !text[sub.end..s].contains(',')
    })?;
    // The first comma with words of the clause's own before it ("Während X sagte, die
    // Brücke sei gesperrt gewesen, wies …": the reported clause follows the verb).
    let comma = text[cue.1..]
        .match_indices(',')
        .map(|(i, _)| cue.1 + i)
        .find(|&c| !content_words(&text[cue.1..c], lang).is_empty())?;
    let points_back = |&(s, e): &(usize, usize)| {
        s > comma
            && text[comma..s].split_whitespace().count() <= 20
            && (ctx.rejections.contains(&(s, e))
                || ctx.references.iter().any(|&(rs, _)| {
                    // Inside the denial ("wies den Vorwurf zurück") or right after it.
                    rs > s && (rs < e || text[e..rs].split_whitespace().count() <= 2)
                }))
    };
    // The main clause is read from its comma: in a language that puts the verb second its
    // speaker follows the verb ("…, wies Reid den Vorwurf zurück").
    ctx.denials
        .iter()
        .any(points_back)
        .then_some((comma, comma))
}

/// A statement just before (this paragraph or the one before) that asserts, or negates:
/// what a denial may deny.
fn recent(prev: &Mention, line: usize) -> bool {
    (prev.polarity == Polarity::Asserts || prev.negation.is_some())
        && line <= prev.line + RECENT_LINES
}

/// The content words two statements share, the number in the shorter, and the number in
/// the first (the denial's).
fn shared(m: &Mention, prev: &Mention) -> (usize, usize, usize) {
    let content = |m: &Mention| -> BTreeSet<String> {
        m.slots
            .get("content")
            .into_iter()
            .flatten()
            .cloned()
            .collect()
    };
    let (mine, theirs) = (content(m), content(prev));
    (
        mine.intersection(&theirs).count(),
        mine.len().min(theirs.len()),
        mine.len(),
    )
}

/// A denial right after another speaker's statement that shares two of its words, and two
/// thirds of the shorter ("Izvestia reported the launch was rushed … Roscosmos denied the
/// launch was rushed"); a short denial (three content words at most besides those) needs
/// only a third of the shorter's ("peringatan sudah dikirim ke desa-desa … membantah pernah
/// mendapat peringatan"). A denial that says more of its own ("denied that tear gas was the
/// cause of the deaths" after "said officers fired tear gas into the stands") denies its
/// own words.
fn rebuts(m: &Mention, prev: &Mention, line: usize) -> bool {
    let (common, shorter, mine) = shared(m, prev);
    let enough = if mine - common <= 3 {
        common >= 1 && common * 3 >= shorter
    } else {
        common >= 2 && common * 3 >= shorter * 2
    };
    recent(prev, line) && enough
}

/// A short denial points back only when its own words are words that point back ("wies den
/// Vorwurf zurück", "menepis kesimpulan itu") or the statement's own ("rejected claims of a
/// shortage" after "stocks had run short"): "denied any wrongdoing" and "rejected any
/// suggestion of an accident" deny something else.
fn points_back(ctx: &Context, m: &Mention, prev: &Mention) -> bool {
    let (text, lang) = (ctx.text, ctx.pack);
    let after = m.trigger_span.1;
    let mut rest = text[after..].to_string();
    for &(a, b) in &ctx.references {
        if a >= after && b <= text.len() {
            rest.replace_range(a - after..b - after, &" ".repeat(b - a));
        }
    }
    let theirs = prev.slots.get("content");
    content_words(&text[after..], lang).len() <= 2
        && content_words(&rest, lang).iter().all(|w| {
            theirs.into_iter().flatten().any(|t| {
                t.chars().count().min(w.chars().count()) >= 4
                    && (t.starts_with(w.as_str()) || w.starts_with(t.as_str()))
            })
        })
}

/// A denial whose object is a word that points back ("rechazó la acusación y aseguró …",
/// "wies diese Darstellung zurück") denies the statement just before it, whatever else its
/// sentence goes on to say. The object is the pointing word alone, or with at most two words
/// more before its clause ends (at punctuation or a conjunction): a word that points forward
/// to a clause of its own ("rejected claims from lawmakers that funding had been cut",
/// "rejected suggestions that the search was over") denies that clause, not the statement.
fn answers(ctx: &Context, m: &Mention, prev: &Mention, line: usize) -> bool {
    let (text, lang) = (ctx.text, ctx.pack);
    let attribution = &lang.attribution;
    let after = m.trigger_span.1;
    recent(prev, line)
        && ctx.references.iter().any(|&(a, b)| {
            if a < after || b > text.len() {
                return false;
            }
            // "denied that taxes rose": a complementizer before or as the pointing word
            // opens a clause of the denial's own.
            let opens = words(&text[after..b]).any(|w| attribution.complementizers.contains(&w));
            // A pronoun ("it", "das", "это": a stop word of the pack) followed by another
            // stop word opens a clause of its own: "denied it was rushed" ("wies das damals
            // zurück" points back).
            let pronoun = pronoun_word(text, lang, (a, b));
            let clause = pronoun
                && !text[b..].trim_start().starts_with(negation::BOUNDARY)
                && lang.stopwords.contains(&first_word(&text[b..]));
            !opens
                && !clause
                && content_words(&text[after..a], lang).is_empty()
                && short_object(ctx, b)
        })
}

/// Whether a verb that turns something down (at `span`) turns down words: a word pointing at
/// something said right after it ("dismissed the idea that …", "menolak tudingan itu",
/// "rejected the Kremlin's claim": one content word may stand between), a clause it opens
/// ("rechazó que la obra …"), such a word inside a verb in two parts ("lehnte die Vorwürfe
/// ab"), or such a word just before it with a pronoun subject between ("a claim that she
/// has rejected"). A pronoun pointing word ("rejected it") is too vague: the
/// offer or the bill is turned down as often as a claim.
pub(super) fn turns_down_words(
    text: &str,
    lang: &Lang,
    (start, end): (usize, usize),
    references: &[(usize, usize)],
) -> bool {
    let attribution = &lang.attribution;
    let pronoun = |span: (usize, usize)| pronoun_word(text, lang, span);
    let clause_break =
        |gap: &str| gap.contains(['.', ',', ';', ':', '!', '?', '"', '“', '”', '«', '»']);
    let after = references.iter().any(|&(a, b)| {
        a >= end
            && !pronoun((a, b))
            && !clause_break(&text[end..a])
            && content_words(&text[end..a], lang).len() <= 1
    });
    // Inside a verb in two parts: "lehnte die Vorwürfe … ab".
    let inside = references
        .iter()
        .any(|&(a, b)| a >= start && b <= end && !pronoun((a, b)));
    // A clause it opens: the complementizer, then the clause's subject ("rechazó que la
    // obra …", "dismissed that Intel would …"); not a determiner ("rejected that plan").
    let rest = text[end..].trim_start();
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let mut next = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let opens = next
        .next()
        .is_some_and(|w| attribution.complementizers.contains(&w.to_lowercase()))
        && next.next().is_some_and(|w| {
            w.starts_with(char::is_uppercase) || lang.stopwords.contains(&w.to_lowercase())
        });
    // Before the verb, its subject stands between as a pronoun ("the claims he rejected",
    // "a claim that she has rejected"); a capitalised word there may be anything ("After
    // the report Boeing chief Dave Calhoun rejected the merger offer").
    let before = references.iter().any(|&(a, b)| {
        if b > start {
            return false;
        }
        let gap = &text[b..start];
        let n = gap.split_whitespace().count();
        !pronoun((a, b))
            && !clause_break(gap)
            && (1..=5).contains(&n)
            && gap
                .split_whitespace()
                .any(|w| attribution.pronouns.contains(&w.to_lowercase()))
    });
    after || inside || opens || before
}

/// Whether a pointing word is a pronoun ("it", "das", "это": a stop word of the pack).
fn pronoun_word(text: &str, lang: &Lang, (a, b): (usize, usize)) -> bool {
    lang.stopwords.contains(&text[a..b].trim().to_lowercase())
}

/// Whether the object that runs from `end` is short: at most two content words before its
/// clause ends (punctuation or a conjunction), and no complementizer opening a clause of its
/// own, also just after a comma ("опровергли сообщения о том, что …", "die Behauptung,
/// dass …").
fn short_object(ctx: &Context, end: usize) -> bool {
    let attribution = &ctx.pack.attribution;
    let rest = &ctx.text[end..];
    let stop = rest
        .find(|c: char| c == '.' || negation::BOUNDARY.contains(&c))
        .unwrap_or(rest.len());
    let object: Vec<String> = words(&rest[..stop])
        .take_while(|w| !attribution.conjunctions.contains(w))
        .collect();
    // Also after an aside: "rejected speculation, fuelled by fishermen's accounts, that
    // the jet broke apart".
    let sentence = rest[stop..].split('.').next().unwrap_or_default();
    let opens_clause = sentence.starts_with(',')
        && sentence
            .split(',')
            .skip(1)
            .any(|part| attribution.complementizers.contains(&first_word(part)));
    !opens_clause
        && !object
            .iter()
            .any(|w| attribution.complementizers.contains(w))
        && content_words(&object.join(" "), ctx.pack).len() <= 2
}
