//! Distance: how far a value or a name stands from a trigger in one sentence, and which
//! of several values stands nearest.
//!
//! Input: byte spans within a sentence's text. Output: gaps, sides and the nearest value;
//! slots, values and frames all rank by these.

use crate::normalize::Found;
use crate::rules::Side;

/// The text strictly between two spans of `text` (empty when they overlap).
pub(super) fn between(text: &str, a: (usize, usize), b: (usize, usize)) -> &str {
    if a.1 <= b.0 {
        &text[a.1..b.0]
    } else if b.1 <= a.0 {
        &text[b.1..a.0]
    } else {
        ""
    }
}

/// Distance from a span to the trigger, and on which side it stands.
pub(super) fn distance(s: usize, e: usize, trig: (usize, usize)) -> (usize, Side) {
    if e <= trig.0 {
        (trig.0 - e, Side::Before)
    } else if s >= trig.1 {
        (s - trig.1, Side::After)
    } else {
        (0, Side::Any)
    }
}

/// The value nearest the trigger by [`weighted_gap`] ("288 were killed and about 900
/// injured": the dead are 288; "3% this year, although inflation runs at 50%": 3%).
pub(super) fn nearest<'a>(
    text: &str,
    values: &[&'a Found],
    trig: (usize, usize),
) -> Option<&'a Found> {
    values
        .iter()
        .min_by_key(|f| {
            let (_, side) = distance(f.start, f.end, trig);
            (
                weighted_gap(text, f.start, f.end, trig),
                side != Side::Before,
            )
        })
        .copied()
}

/// How far a value stands from a trigger: bytes between them, a quarter more after the
/// trigger, and 40 more across a comma, semicolon or colon (another clause: "loans grew
/// 13.9% to Rp 810 trillion, led by corporate lending" gives the 810 trillion to the loans;
/// a colon opens a breakdown: "alle 48 Menschen kamen ums Leben: 42 Passagiere und …").
pub(super) fn weighted_gap(text: &str, start: usize, end: usize, trig: (usize, usize)) -> usize {
    let (d, side) = distance(start, end, trig);
    let mut w = if side == Side::After { d + d / 4 } else { d };
    if between(text, (start, end), trig).contains([',', ';', ':']) {
        w += 40;
    }
    w
}
