//! Decode an article's bytes to text: a byte order mark first (UTF-8, UTF-16LE/BE), then
//! UTF-8, then, for a page, the charset it declares, then a guess from the bytes
//! (chardetng: windows-1252, windows-1251, KOI8-R, ISO-8859-x, …).
//!
//! Input: the file's bytes. Output: the text and, when it was not read as UTF-8, how the
//! encoding was chosen (for the warning). Lines and characters are the decoded text's, so a
//! column counts characters whatever the file's encoding.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from a file.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `None` for UTF-8 (with or without a byte order mark); else the encoding and how it
    /// was chosen: "windows-1251 (detected)", "UTF-16LE (byte order mark)".
    pub assumed: Option<String>,
}

/// How far into a page to look for `<meta charset>` (the HTML standard's prescan reads
/// 1024 bytes; saved pages often carry a long comment first, so look further).
const PRESCAN: usize = 4096;

/// Decode `bytes`. `page` says the file is HTML, whose `<meta charset>` is honoured.
/// Files with NUL bytes that are not UTF-16 are not text.
pub fn decode(bytes: &[u8], page: bool) -> Result<Decoded, &'static str> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        let assumed = (enc != UTF_8).then(|| format!("{} (byte order mark)", enc.name()));
        return Ok(Decoded {
            text: text.into_owned(),
            assumed,
        });
    }
    if bytes.contains(&0) {
        return match utf16_without_bom(bytes) {
            Some(d) => Ok(d),
            None => Err("not a text file (it contains NUL bytes)"),
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            assumed: None,
        });
    }
    let declared = if page { declared_charset(bytes) } else { None };
    let (enc, how) = match declared {
        // A page that declares UTF-8 but is not: its bytes decide (the declaration is the
        // template's, the text was pasted in from elsewhere).
        Some(enc) if enc != UTF_8 => (enc, "declared in the page"),
        _ => {
            let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            (detector.guess(None, Utf8Detection::Deny), "detected")
        }
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        assumed: Some(format!("{} ({how})", enc.name())),
    })
}

/// UTF-16 without a byte order mark: text in Latin script has a NUL in every other byte.
/// Taken only when nearly every code unit has its NUL on the same side and the whole file
/// decodes without error to text with no control characters.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.len() / 2;
    let high_nul = bytes.chunks_exact(2).filter(|u| u[1] == 0).count();
    let low_nul = bytes.chunks_exact(2).filter(|u| u[0] == 0).count();
    let enc = if high_nul * 10 >= units * 3 && low_nul == 0 {
        UTF_16LE
    } else if low_nul * 10 >= units * 3 && high_nul == 0 {
        UTF_16BE
    } else {
        return None;
    };
    let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return None;
    }
    Some(Decoded {
        text: text.into_owned(),
        assumed: Some(format!("{} (detected)", enc.name())),
    })
}

/// The encoding a page declares in its head: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`. A page cannot
/// declare UTF-16 (the HTML standard reads that as UTF-8).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    // The declaration is ASCII, so a lossy ASCII view of the bytes is enough to find it.
    let head: String = head
        .iter()
        .map(|&b| {
            if b.is_ascii() {
                b.to_ascii_lowercase() as char
            } else {
                ' '
            }
        })
        .collect();
    let mut rest = head.as_str();
    while let Some(i) = rest.find("<meta") {
        let tag = &rest[i..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(j) = tag.find("charset") {
            let value = tag[j + "charset".len()..]
                .trim_start()
                .strip_prefix('=')
                .map(|v| v.trim_start().trim_start_matches(['"', '\'']));
            if let Some(v) = value {
                let label: String = v
                    .chars()
                    .take_while(|c| {
                        !matches!(c, '"' | '\'' | ';' | '/' | '>') && !c.is_whitespace()
                    })
                    .collect();
                if let Some(enc) = Encoding::for_label(label.as_bytes()) {
                    return Some(if enc == UTF_16LE || enc == UTF_16BE {
                        UTF_8
                    } else {
                        enc
                    });
                }
            }
        }
        rest = &rest[i + "<meta".len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le_with_bom(s: &str) -> Vec<u8> {
        let mut b = vec![0xff, 0xfe];
        for u in s.encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        b
    }

    #[test]
    fn utf8_is_read_as_is_and_its_bom_dropped() {
        let d = decode("héllo".as_bytes(), false).unwrap();
        assert_eq!((d.text.as_str(), d.assumed), ("héllo", None));
        let d = decode(b"\xef\xbb\xbfhi", false).unwrap();
        assert_eq!((d.text.as_str(), d.assumed), ("hi", None));
    }

    #[test]
    fn utf16_with_a_bom_is_text() {
        let d = decode(&utf16le_with_bom("Один “two”\nthree"), false).unwrap();
        assert_eq!(d.text, "Один “two”\nthree");
        assert_eq!(d.assumed.as_deref(), Some("UTF-16LE (byte order mark)"));
        let mut be = vec![0xfe, 0xff];
        for u in "ab".encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        let d = decode(&be, false).unwrap();
        assert_eq!(
            (d.text.as_str(), d.assumed.as_deref()),
            ("ab", Some("UTF-16BE (byte order mark)"))
        );
    }

    #[test]
    fn utf16_without_a_bom_is_detected_but_binary_is_not_text() {
        let bytes: Vec<u8> = "Plain words.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&bytes, false).unwrap();
        assert_eq!(d.text, "Plain words.\n");
        assert_eq!(d.assumed.as_deref(), Some("UTF-16LE (detected)"));
        assert!(decode(&[0x50, 0x4b, 0x03, 0x04, 0x00], false).is_err());
        assert!(
            decode(
                &[
                    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d
                ],
                false
            )
            .is_err()
        );
    }

    #[test]
    fn legacy_encodings_are_guessed_from_the_bytes() {
        // “Quoted” words in windows-1252: 0x93 and 0x94 are the curly quotes.
        let text = "The mayor said \u{201c}the bridge will reopen in May\u{201d} and \u{2018}soon\u{2019}, \
                    while the council\u{2019}s report disagreed.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let d = decode(&bytes, false).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.assumed.as_deref(), Some("windows-1252 (detected)"));

        let text = "Министр заявил, что переговоры продолжатся в следующем месяце в Москве.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let d = decode(&bytes, false).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.assumed.as_deref(), Some("windows-1251 (detected)"));
    }

    #[test]
    fn a_page_declares_its_charset() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">\
                    </head><body><p>Łódź i Kraków</p></body></html>";
        let (bytes, _, _) = encoding_rs::ISO_8859_2.encode(page);
        let d = decode(&bytes, true).unwrap();
        assert_eq!(d.text, page);
        assert_eq!(
            d.assumed.as_deref(),
            Some("ISO-8859-2 (declared in the page)")
        );
        assert_eq!(
            declared_charset(b"<meta charset='koi8-r'>"),
            Some(encoding_rs::KOI8_R)
        );
        assert_eq!(declared_charset(b"<meta name=x content=y>"), None);
    }
}
