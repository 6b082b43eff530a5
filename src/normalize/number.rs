//! Numbers as written in each language: digit grouping, decimal separator, number words;
//! and [`Num`], the exact decimal that counts and amounts are stored as.

use std::collections::HashMap;
use std::fmt;

/// An exact decimal, `digits` x 10^`exp`, with no trailing zeros in `digits` (so equal
/// numbers are equal values). Counts and amounts are stored this way so that a figure prints
/// as the text gives it at any size: as a float, "99999999999999999999999999999 dollars" was
/// 99999999999999991433150857216 (issue 13). [`Num::f64`] is for tolerance comparisons and
/// scoring only. Exact to 38 significant digits; digits beyond those are cut off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Num {
    digits: i128,
    exp: i32,
}

/// Above this many units in `digits`, the `f64` view goes through the correctly rounded
/// text parser (2^53: below it, one multiplication or division by an exact power of ten is
/// correctly rounded too).
const FLOAT_EXACT: u128 = 1 << 53;

impl Num {
    pub const ZERO: Num = Num { digits: 0, exp: 0 };

    fn new(mut digits: i128, mut exp: i32) -> Num {
        if digits == 0 {
            return Num::ZERO;
        }
        while digits % 10 == 0 {
            digits /= 10;
            exp += 1;
        }
        Num { digits, exp }
    }

    /// A whole number.
    pub fn int(n: i64) -> Num {
        Num::new(i128::from(n), 0)
    }

    /// The decimal a float prints as (its shortest round-trip text): 0.5 is exactly 1/2,
    /// 1e12 exactly a trillion. `None` for infinities and NaN.
    pub fn from_f64(x: f64) -> Option<Num> {
        if !x.is_finite() {
            return None;
        }
        Num::parse(&format!("{x}"))
    }

    /// Exact value of a plain decimal text ("-12.50", "99999999999999999999999999999"); `None`
    /// for anything else.
    pub fn parse(s: &str) -> Option<Num> {
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() && frac.is_empty() || !all_digits(int) || !all_digits(frac) {
            return None;
        }
        let (mut digits, mut exp) = (0i128, 0i32);
        for (i, b) in int.bytes().chain(frac.bytes()).enumerate() {
            let in_frac = i >= int.len();
            match digits
                .checked_mul(10)
                .and_then(|d| d.checked_add(i128::from(b - b'0')))
            {
                Some(d) => {
                    digits = d;
                    if in_frac {
                        exp -= 1;
                    }
                }
                // Past 38 digits: the integer part keeps its size, the rest is cut off.
                None if !in_frac => exp += 1,
                None => break,
            }
        }
        Some(Num::new(if negative { -digits } else { digits }, exp))
    }

    /// The product, exact while it fits in 38 digits; beyond, the last digits are cut off.
    pub fn times(self, other: Num) -> Num {
        let (mut a, mut b) = (self, other);
        loop {
            if let Some(d) = a.digits.checked_mul(b.digits) {
                return Num::new(d, a.exp + b.exp);
            }
            let longer = if a.digits.abs() >= b.digits.abs() {
                &mut a
            } else {
                &mut b
            };
            longer.digits /= 10;
            longer.exp += 1;
        }
    }

    /// The nearest float: for tolerances and scores, never for printing.
    pub fn f64(self) -> f64 {
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        if self.digits.unsigned_abs() < FLOAT_EXACT && self.exp.unsigned_abs() < 23 {
            let d = self.digits as f64;
            let p = POW10[self.exp.unsigned_abs() as usize];
            return if self.exp >= 0 { d * p } else { d / p };
        }
        self.exact_text().parse().unwrap_or(f64::NAN)
    }

    /// All its digits, with no rounding: "-12.5", "1750000000".
    fn exact_text(self) -> String {
        let sign = if self.digits < 0 { "-" } else { "" };
        let mut text = self.digits.unsigned_abs().to_string();
        if self.exp >= 0 {
            text.extend(std::iter::repeat_n('0', self.exp as usize));
            return format!("{sign}{text}");
        }
        let point = self.exp.unsigned_abs() as usize;
        if text.len() <= point {
            text = format!("{}{text}", "0".repeat(point + 1 - text.len()));
        }
        let (int, frac) = text.split_at(text.len() - point);
        format!("{sign}{int}.{frac}")
    }
}

/// As [`super::fmt_num`] prints a number: a whole number, or up to 4 decimals, trimmed; a
/// whole number to within a billionth is printed whole. A fraction with fewer than 16 digits
/// prints through its float, byte for byte as before; a whole number, or a fraction with more
/// digits, prints from its digits.
impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.exp >= 0 {
            return f.write_str(&self.exact_text());
        }
        let places = self.exp.unsigned_abs();
        let unit = 10u128.checked_pow(places);
        let (Some(unit), false) = (unit, self.digits.unsigned_abs() < FLOAT_EXACT) else {
            // Below 2^53, or below 1.8 with 39 digits: a float holds it to 4 decimals.
            return f.write_str(&super::fmt_num(self.f64()));
        };
        // Here `digits` has 16 digits or more and the point is inside or before them.
        let sign = if self.digits < 0 { "-" } else { "" };
        let (whole, rest) = (
            self.digits.unsigned_abs() / unit,
            self.digits.unsigned_abs() % unit,
        );
        let (whole, off) = if rest >= unit - rest {
            (whole + 1, unit - rest)
        } else {
            (whole, rest)
        };
        if off <= self.digits.unsigned_abs().max(unit) / 1_000_000_000 {
            return if whole == 0 {
                f.write_str("0")
            } else {
                write!(f, "{sign}{whole}")
            };
        }
        let text = if places <= 4 {
            self.exact_text()
        } else {
            // `digits` has at most 39 digits, so 10^(places - 4) fits.
            let cut = 10i128.pow(places - 4);
            let (q, r) = (self.digits / cut, self.digits % cut);
            let q = if r.unsigned_abs() >= cut.unsigned_abs() - r.unsigned_abs() {
                q + r.signum()
            } else {
                q
            };
            Num::new(q, -4).exact_text()
        };
        f.write_str(&text)
    }
}

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
    plain_text(s, decimal).parse().ok()
}

/// Parse a number as the language writes it, exactly: "3,1" in German is 31/10.
pub(super) fn parse_exact(s: &str, decimal: char, words: &HashMap<String, f64>) -> Option<Num> {
    if let Some(v) = words.get(&s.to_lowercase()) {
        return Num::from_f64(*v);
    }
    let text = plain_text(s, decimal);
    // What the float parser alone reads ("1e5", ".5"), through it.
    Num::parse(&text).or_else(|| text.parse().ok().and_then(Num::from_f64))
}

/// The number as plain text, with `.` for its decimal point and no grouping.
fn plain_text(s: &str, decimal: char) -> String {
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
    cleaned.replace(decimal, ".")
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

    #[test]
    fn counts_and_amounts_parse_and_print_exactly() {
        let w = HashMap::from([("half".to_string(), 0.5)]);
        let exact = |s: &str, decimal: char, scale: f64| {
            parse_exact(s, decimal, &w).map(|n| n.times(Num::from_f64(scale).unwrap()).to_string())
        };
        let big = "99999999999999999999999999999";
        assert_eq!(exact(big, '.', 1.0).as_deref(), Some(big));
        assert_eq!(exact("1.75", '.', 1e9).as_deref(), Some("1750000000"));
        assert_eq!(exact("3,1", ',', 1e12).as_deref(), Some("3100000000000"));
        assert_eq!(exact("1.234.567,5", ',', 1.0).as_deref(), Some("1234567.5"));
        assert_eq!(exact("half", '.', 1e6).as_deref(), Some("500000"));
        assert_eq!(
            exact("9,007,199,254,740,993", '.', 1.0).as_deref(),
            Some("9007199254740993")
        );
        assert_eq!(exact("12a", '.', 1.0), None);
        // 29 digits times a trillion: 41 digits, the last three cut off.
        assert_eq!(
            exact(big, '.', 1e12).as_deref(),
            Some("99999999999999999999999999999000000000000")
        );
        // Past 2^53 with a fraction: fmt_num's rule (whole to within a billionth, else 4
        // decimals) from the digits.
        assert_eq!(
            exact("12345678901234567.89", '.', 1.0).as_deref(),
            Some("12345678901234568")
        );
        assert_eq!(
            Num::parse("0.1234567890123456789").unwrap().to_string(),
            "0.1235"
        );
        assert_eq!(
            Num::parse("0.170141183460469231731687303715884105727")
                .unwrap()
                .to_string(),
            "0.1701"
        );
        // Past 22 places, the float view goes through the text parser, not through Display.
        let tiny = Num::parse("0.00000000000000000000000123").unwrap();
        assert_eq!((tiny.to_string().as_str(), tiny.f64()), ("0", 1.23e-24));
        assert_eq!(Num::parse("-2.50").unwrap(), Num::parse("-2.5").unwrap());
        assert_eq!(Num::parse("1.75").unwrap().f64(), 1.75);
    }

    #[test]
    fn ordinary_numbers_print_as_their_floats_do() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let int = seed % 10_000_000_000;
            let places = (seed >> 40) as usize % 7;
            let text = if places == 0 {
                int.to_string()
            } else {
                let s = format!("{int:0>width$}", width = places + 1);
                format!("{}.{}", &s[..s.len() - places], &s[s.len() - places..])
            };
            let n = Num::parse(&text).unwrap();
            let x: f64 = text.parse().unwrap();
            assert_eq!(n.f64(), x, "{text}");
            assert_eq!(n.to_string(), super::super::fmt_num(x), "{text}");
        }
    }
}
