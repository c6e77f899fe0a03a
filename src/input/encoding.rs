//! Decoding: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and legacy Windows-1252.
//! Spans always refer to the decoded UTF-8 text.

use super::InputError;
use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decodes bytes to text, or says why they are not text.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // The BOM is kept (the document model treats it as blank) so that spans stay byte
        // offsets into the file.
        return utf8(rest).map(|s| format!("\u{feff}{s}"));
    }
    if bytes.starts_with(b"\xFF\xFE") {
        let (s, _, bad) = UTF_16LE.decode(bytes);
        return if bad {
            Err(InputError::NotText)
        } else {
            Ok(s.into_owned())
        };
    }
    if bytes.starts_with(b"\xFE\xFF") {
        let (s, _, bad) = UTF_16BE.decode(bytes);
        return if bad {
            Err(InputError::NotText)
        } else {
            Ok(s.into_owned())
        };
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, InputError> {
    if looks_binary(bytes) {
        return Err(InputError::NotText);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            // Not UTF-8: legacy Windows-1252 (smart quotes 0x93/0x94), which maps every byte.
            let (s, _, _) = WINDOWS_1252.decode(bytes);
            Ok(s.into_owned())
        }
    }
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
}
