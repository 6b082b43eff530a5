//! Numbers as written in each language: digit grouping, decimal separator, number words.

use std::collections::HashMap;

/// The regex for one number: grouped digits, plain digits with a fraction, or a number word.
pub(super) fn number_pattern<'a>(
    decimal: char,
    words: impl IntoIterator<Item = &'a str>,
) -> String {
    let grouped = if decimal == '.' {
        r"\d{1,3}(?:,\d{3})+(?:\.\d+)?".to_string()
    } else {
        r"\d{1,3}(?:[.\x{a0}\x{202f} ]\d{3})+(?:,\d+)?".to_string()
    };
    let plain = r"\d+(?:[.,]\d+)?";
    match super::alternation(words) {
        Some(w) => format!(r"(?:{grouped}|{plain}|\b{w}\b)"),
        None => format!(r"(?:{grouped}|{plain})"),
    }
}

/// True when every `sep` in `s` is followed by exactly three digits and the first group
/// has one to three digits ("40.000" with `.` grouping).
fn is_grouped(s: &str, sep: char, decimal: char) -> bool {
    let int = s.split(decimal).next().unwrap_or(s);
    let mut parts = int.split(sep);
    let first = parts.next().unwrap_or("");
    let mut rest = 0;
    for p in parts {
        if p.len() != 3 || !p.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        rest += 1;
    }
    rest > 0 && (1..=3).contains(&first.len())
}

/// Parse a number as the language writes it.
pub(super) fn parse(s: &str, decimal: char, words: &HashMap<String, f64>) -> Option<f64> {
    if let Some(v) = words.get(&s.to_lowercase()) {
        return Some(*v);
    }
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{a0}' | '\u{202f}' | ' '))
        .collect();
    let other = if decimal == '.' { ',' } else { '.' };
    let cleaned = if is_grouped(&s, other, decimal) {
        s.replace(other, "")
    } else if !s.contains(decimal) && s.matches(other).count() == 1 {
        // "4.5" in a comma-decimal language: a lone separator not followed by three
        // digits can only be a decimal point.
        s.replace(other, ".")
    } else {
        s
    };
    cleaned.replace(decimal, ".").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_and_decimals_per_language() {
        let w = HashMap::new();
        assert_eq!(parse("1,000", '.', &w), Some(1000.0));
        assert_eq!(parse("14.8", '.', &w), Some(14.8));
        assert_eq!(parse("40.000", ',', &w), Some(40000.0));
        assert_eq!(parse("14,8", ',', &w), Some(14.8));
        assert_eq!(parse("4.5", ',', &w), Some(4.5));
        assert_eq!(parse("40 000", ',', &w), Some(40000.0));
        assert_eq!(parse("1.234.567,5", ',', &w), Some(1234567.5));
    }
}
