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
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // The BOM is kept in the text (the document model treats it as blank) so that spans
        // stay byte offsets into the file; `encode` writes the text back as it is.
        return utf8(rest).map(|(s, e)| {
            if e == Encoding::Utf8 {
                (format!("\u{feff}{s}"), Encoding::Utf8Bom)
            } else {
                (s, e)
            }
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, Encoding::Utf16Le(true));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, Encoding::Utf16Be(true));
    }
    if let Some(e) = bomless_utf16(bytes) {
        return utf16(bytes, e);
    }
    utf8(bytes)
}

fn utf16(bytes: &[u8], enc: Encoding) -> Result<(String, Encoding), InputError> {
    let codec = if matches!(enc, Encoding::Utf16Le(_)) {
        UTF_16LE
    } else {
        UTF_16BE
    };
    let (s, bad) = codec.decode_without_bom_handling(bytes);
    if bad || s.contains('\0') {
        return Err(InputError::NotText);
    }
    Ok((s.into_owned(), enc))
}

/// UTF-16 without a BOM: in the first 8 KiB, nearly every other byte is NUL and the others are
/// not (Latin text), and the length is even.
fn bomless_utf16(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    if head.len() < 8 || bytes.len() % 2 != 0 {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut even_nul, mut odd_nul) = (0, 0);
    for p in head.chunks_exact(2) {
        even_nul += usize::from(p[0] == 0);
        odd_nul += usize::from(p[1] == 0);
    }
    if odd_nul * 10 >= pairs * 9 && even_nul == 0 {
        Some(Encoding::Utf16Le(false))
    } else if even_nul * 10 >= pairs * 9 && odd_nul == 0 {
        Some(Encoding::Utf16Be(false))
    } else {
        None
    }
}

fn utf8(bytes: &[u8]) -> Result<(String, Encoding), InputError> {
    if looks_binary(bytes) {
        return Err(InputError::NotText);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Encoding::Utf8)),
        Err(_) => {
            // Not UTF-8: legacy Windows-1252 (smart quotes 0x93/0x94), which maps every byte.
            let (s, _, _) = WINDOWS_1252.decode(bytes);
            Ok((s.into_owned(), Encoding::Windows1252))
        }
    }
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

/// NUL bytes or many control characters in the first 8 KiB mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
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
    fn broken_utf16_is_not_text() {
        // An unpaired surrogate.
        assert!(decode(b"\xFF\xFE\x00\xD8a\0").is_err());
    }
}
