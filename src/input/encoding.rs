//! Decoding: UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or without one when the text
//! is plainly UTF-16), and legacy Windows-1252. Spans always refer to the decoded UTF-8 text (a
//! BOM is not part of it); `--fix` writes the text back in the encoding it was read in.

use super::InputError;
use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The encoding a text was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with a byte-order mark.
    Utf8Bom,
    /// UTF-16 little-endian; `true` if it starts with a byte-order mark.
    Utf16Le(bool),
    /// UTF-16 big-endian; `true` if it starts with a byte-order mark.
    Utf16Be(bool),
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le(_) => "UTF-16LE",
            Encoding::Utf16Be(_) => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Decodes bytes to text, or says why they are not text.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    decode_detect(bytes).map(|(s, _)| s)
}

/// Decodes bytes to text and says which encoding they were in.
pub fn decode_detect(bytes: &[u8]) -> Result<(String, Encoding), InputError> {
    decode_full(bytes).map(|d| (d.text, d.encoding))
}

/// Bytes decoded, with what `--fix` needs to write them back byte for byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text (UTF-8; a UTF-8 byte-order mark is kept as U+FEFF, CR-only line ends read as
    /// newlines).
    pub text: String,
    pub encoding: Encoding,
    /// Byte offsets (in the file) of bytes that are not UTF-8 in an otherwise UTF-8 file; each
    /// reads as U+FFFD. Such a text cannot be written back as it was.
    pub invalid: Vec<usize>,
    /// Lines end in a carriage return alone (classic Mac): read as newlines, written back as
    /// carriage returns.
    pub cr_only: bool,
}

/// Decodes bytes: a byte-order mark decides; else UTF-16 recognised by its byte pattern (in any
/// script); else UTF-8, with a few bad bytes replaced (and their offsets recorded) when the rest
/// is UTF-8; else Windows-1252.
pub fn decode_full(bytes: &[u8]) -> Result<Decoded, InputError> {
    let (text, encoding, invalid) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // The BOM is kept in the text (the document model treats it as blank) so that spans
        // stay byte offsets into the file; `encode` writes the text back as it is. A BOM says
        // UTF-8 whatever follows: bad bytes are replaced, never read as another encoding.
        if rest.contains(&0) || looks_binary(rest) {
            return Err(InputError::NotText);
        }
        let (s, invalid) = utf8_lossy(rest, 3);
        (format!("\u{feff}{s}"), Encoding::Utf8Bom, invalid)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (s, e) = utf16(rest, Encoding::Utf16Le(true))?;
        (s, e, Vec::new())
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (s, e) = utf16(rest, Encoding::Utf16Be(true))?;
        (s, e, Vec::new())
    } else if let Some((s, e)) = bomless_utf16(bytes) {
        (s, e, Vec::new())
    } else {
        utf8(bytes)?
    };
    // CR-only line ends: each CR (one byte, like LF) reads as a newline, so lines and spans
    // are right; `encode` turns them back.
    let cr_only = text.contains('\r') && !text.contains('\n');
    let text = if cr_only {
        text.replace('\r', "\n")
    } else {
        text
    };
    Ok(Decoded {
        text,
        encoding,
        invalid,
        cr_only,
    })
}

/// Encodes text back as it was read: encoding, byte-order mark and CR-only line ends.
pub fn encode_as(text: &str, d: &Decoded) -> Result<Vec<u8>, String> {
    if d.cr_only {
        encode(&text.replace('\n', "\r"), d.encoding)
    } else {
        encode(text, d.encoding)
    }
}

fn utf16(bytes: &[u8], enc: Encoding) -> Result<(String, Encoding), InputError> {
    utf16_text(bytes, enc)
        .map(|s| (s, enc))
        .ok_or(InputError::NotText)
}

/// UTF-16 that is text: well formed, no NUL, no control characters but tab, newline, carriage
/// return and form feed, no non-characters.
fn utf16_text(bytes: &[u8], enc: Encoding) -> Option<String> {
    let codec = if matches!(enc, Encoding::Utf16Le(_)) {
        UTF_16LE
    } else {
        UTF_16BE
    };
    let (s, bad) = codec.decode_without_bom_handling(bytes);
    // A few stray control characters are tolerated as in UTF-8 text ([`looks_binary`]): were
    // one enough to refuse a byte order, the other order would win, reading every ASCII pair
    // as a stray letter. NUL characters and non-characters still refuse it.
    let (mut controls, mut chars) = (0usize, 0usize);
    for c in s.chars() {
        chars += 1;
        if c == '\0' || matches!(c, '\u{fffe}' | '\u{ffff}') {
            return None;
        }
        if c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    if bad || controls * 20 > chars.max(1) {
        return None;
    }
    Some(s.into_owned())
}

/// UTF-16 without a BOM, in any script: bytes of even length with NUL bytes (the high byte of
/// every ASCII space, digit and line break) that decode as well-formed UTF-16 text with no
/// control characters. When both byte orders would do, the one that reads as more spaces, line
/// breaks and punctuation wins (the other turns them into stray letters), then the one whose
/// NULs fall on high bytes.
fn bomless_utf16(bytes: &[u8]) -> Option<(String, Encoding)> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 || !bytes.contains(&0) {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192) & !1];
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for p in head.chunks_exact(2) {
        even_nul += usize::from(p[0] == 0);
        odd_nul += usize::from(p[1] == 0);
    }
    let order = if odd_nul >= even_nul {
        [Encoding::Utf16Le(false), Encoding::Utf16Be(false)]
    } else {
        [Encoding::Utf16Be(false), Encoding::Utf16Le(false)]
    };
    let score = |s: &str| -> i64 {
        s.chars()
            .map(|c| match c {
                _ if c.is_whitespace() || c.is_ascii_punctuation() => 1,
                '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '\u{2010}'..='\u{205e}' => 1,
                '\u{e000}'..='\u{f8ff}' => -2,
                _ => 0,
            })
            .sum()
    };
    let mut best: Option<(i64, String, Encoding)> = None;
    for e in order {
        if let Some(s) = utf16_text(bytes, e) {
            let sc = score(&s);
            // Prose has spaces, line breaks or punctuation (in every script, at least one in
            // forty characters); binary data read as UTF-16 is a run of odd letters.
            if sc < 1 || (sc as usize) * 40 < s.chars().count() {
                continue;
            }
            if best.as_ref().is_none_or(|(b, _, _)| sc > *b) {
                best = Some((sc, s, e));
            }
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// UTF-8, or UTF-8 with a few bad bytes, or Windows-1252 (the bytes are not UTF-8 and hold fewer
/// valid multi-byte UTF-8 sequences than bad bytes: a legacy file).
fn utf8(bytes: &[u8]) -> Result<(String, Encoding, Vec<usize>), InputError> {
    if bytes.contains(&0) || looks_binary(bytes) {
        return Err(InputError::NotText);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), Encoding::Utf8, Vec::new()));
    }
    let (s, invalid) = utf8_lossy(bytes, 0);
    let multibyte = s
        .chars()
        .filter(|&c| c != '\u{fffd}' && !c.is_ascii())
        .count();
    if multibyte >= invalid.len() {
        return Ok((s, Encoding::Utf8, invalid));
    }
    // Not UTF-8: legacy Windows-1252 (smart quotes 0x93/0x94), which maps every byte.
    let (s, _, _) = WINDOWS_1252.decode(bytes);
    Ok((s.into_owned(), Encoding::Windows1252, Vec::new()))
}

/// UTF-8 with each invalid sequence replaced by U+FFFD; the file offsets (plus `base`) of the
/// invalid sequences.
fn utf8_lossy(bytes: &[u8], base: usize) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(bytes.len());
    let mut invalid = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&bytes[at..at + good]).unwrap_or_default());
                invalid.push(base + at + good);
                out.push('\u{fffd}');
                at += good + e.error_len().unwrap_or(bytes.len() - at - good).max(1);
            }
        }
    }
    (out, invalid)
}

/// Encodes text back into `enc` (for `--fix`); fails if a character has no place in it.
pub fn encode(text: &str, enc: Encoding) -> Result<Vec<u8>, String> {
    Ok(match enc {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        // The decoded text still starts with its BOM.
        Encoding::Utf8Bom if text.starts_with('\u{feff}') => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::Utf16Le(bom) | Encoding::Utf16Be(bom) => {
            let le = matches!(enc, Encoding::Utf16Le(_));
            let mut out = Vec::with_capacity(text.len() * 2 + 2);
            if bom {
                out.extend_from_slice(if le { b"\xFF\xFE" } else { b"\xFE\xFF" });
            }
            for u in text.encode_utf16() {
                out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            out
        }
        Encoding::Windows1252 => {
            let (b, _, unmappable) = WINDOWS_1252.encode(text);
            if unmappable {
                return Err("the fixed text has characters Windows-1252 cannot hold".into());
            }
            b.into_owned()
        }
    })
}

/// Many control characters in the first 8 KiB mean binary data (NUL bytes anywhere are
/// checked by the callers).
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bomless_utf16_with_a_stray_control_character_keeps_its_byte_order() {
        // Found by fuzzing `--fix`: one control character refused the little-endian reading, so
        // the big-endian one won and read every ASCII pair as a stray letter.
        let text = "late\u{2}\u{1} the section of the essay\nthe the one that follows it here\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&le).unwrap(), text);
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&be).unwrap(), text);
        // Many control characters are still binary data.
        let junk: Vec<u8> = "\u{2}\u{3}\u{4}ab"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(decode(&junk).is_err());
    }

    #[test]
    fn decodes_boms_and_legacy() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "\u{feff}hi");
        assert_eq!(decode(b"\xFF\xFEh\0i\0").unwrap(), "hi");
        assert_eq!(decode(b"\xFE\xFF\0h\0i").unwrap(), "hi");
        assert_eq!(decode(b"\x93quoted\x94").unwrap(), "“quoted”");
        assert!(matches!(
            decode(b"\x00\x01\x02binary"),
            Err(InputError::NotText)
        ));
    }

    #[test]
    fn detects_and_round_trips() {
        let samples: Vec<(Vec<u8>, Encoding)> = vec![
            (
                b"caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D".to_vec(),
                Encoding::Utf8,
            ),
            (b"\xEF\xBB\xBFcaf\xC3\xA9".to_vec(), Encoding::Utf8Bom),
            (b"\xFF\xFEc\0a\0f\0\xE9\0".to_vec(), Encoding::Utf16Le(true)),
            (b"\xFE\xFF\0c\0a\0f\0\xE9".to_vec(), Encoding::Utf16Be(true)),
            (
                b"T\0h\0e\0 \0c\0a\0t\0 \0s\0a\0t\0.\0".to_vec(),
                Encoding::Utf16Le(false),
            ),
            (
                b"caf\xE9 \x93ok\x94 \x96 done".to_vec(),
                Encoding::Windows1252,
            ),
        ];
        for (bytes, enc) in samples {
            let (text, found) = decode_detect(&bytes).unwrap();
            assert_eq!(found, enc, "{text}");
            assert_eq!(encode(&text, found).unwrap(), bytes, "{}", enc.name());
        }
        assert!(encode("日本", Encoding::Windows1252).is_err());
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_stay_utf8() {
        let bytes = b"caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D and a bad \x92 byte";
        let d = decode_full(bytes).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.invalid, vec![25]);
        assert!(d.text.contains("café “ok” and a bad \u{fffd} byte"));
        // With a BOM: still UTF-8, the BOM kept.
        let d = decode_full(b"\xEF\xBB\xBFplain \x92 text").unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.invalid, vec![9]);
        assert!(d.text.starts_with('\u{feff}'));
        // No valid multi-byte sequence at all: a legacy file.
        let d = decode_full(b"it\x92s \x93quoted\x94").unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert!(d.invalid.is_empty());
    }

    #[test]
    fn bomless_utf16_in_any_script() {
        for text in [
            "Это русский текст.\nВторая строка.",
            "これは日本語の文章です。\n二行目。",
            "這是一篇中文文章，一二三。\n",
            "Ελληνικά κείμενα εδώ.\n",
            "The cat sat.",
        ] {
            let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
            let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
            let d = decode_full(&le).unwrap();
            assert_eq!(
                (d.text.as_str(), d.encoding),
                (text, Encoding::Utf16Le(false))
            );
            let d = decode_full(&be).unwrap();
            assert_eq!(
                (d.text.as_str(), d.encoding),
                (text, Encoding::Utf16Be(false))
            );
            assert_eq!(encode(text, Encoding::Utf16Le(false)).unwrap(), le);
        }
    }

    #[test]
    fn nul_anywhere_is_binary_and_cr_only_lines_are_lines() {
        let mut b = "An essay. ".repeat(1000).into_bytes();
        b.push(0);
        b.extend_from_slice(b"more");
        assert!(matches!(decode_full(&b), Err(InputError::NotText)));
        let d = decode_full(b"One.\rTwo.\rThree.").unwrap();
        assert!(d.cr_only);
        assert_eq!(d.text, "One.\nTwo.\nThree.");
        assert_eq!(encode_as(&d.text, &d).unwrap(), b"One.\rTwo.\rThree.");
        assert!(!decode_full(b"a\r\nb").unwrap().cr_only);
    }

    #[test]
    fn broken_utf16_is_not_text() {
        // An unpaired surrogate.
        assert!(decode(b"\xFF\xFE\x00\xD8a\0").is_err());
    }
}
