//! Tokenizer: one pass over the (masked) text, producing words, numbers and punctuation with byte
//! spans. Whitespace is not a token; each token records what separated it from the previous one.

use super::{Span, Token, TokenKind};

/// True for the characters that may continue a word: letters, digits and combining marks.
#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (the ranges that matter for Latin, Greek, Cyrillic and common scripts).
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0903
        | 0x093A..=0x094F | 0x200D | 0xFE00..=0xFE0F)
}

/// Apostrophes that may sit inside a word (don't, Stalin’s).
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into tokens. Linear time; the only allocation is the output vector.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0usize;
    let mut newlines = 0u8;
    let mut space = false;
    while i < bytes.len() {
        let b = bytes[i];
        // Fast path for ASCII whitespace.
        if b == b'\n' {
            newlines = newlines.saturating_add(1);
            space = true;
            i += 1;
            continue;
        }
        if b == b' ' || b == b'\t' || b == b'\r' || b == 0x0c || b == 0x0b {
            space = true;
            i += 1;
            continue;
        }
        let c = next_char(text, i);
        let clen = c.len_utf8();
        if c.is_whitespace() {
            if c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' {
                newlines = newlines.saturating_add(1);
            }
            space = true;
            i += clen;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() || (c.is_numeric() && c.is_alphanumeric()) {
            kind = TokenKind::Number;
            i = scan_number(text, i);
        } else if is_word_char(c) {
            kind = TokenKind::Word;
            i = scan_word(text, i);
        } else if c == '.' && bytes.get(i + 1) == Some(&b'.') {
            // An ellipsis written as dots ("..." or ". . ." is left as single dots).
            kind = TokenKind::Punct;
            i += 1;
            while bytes.get(i) == Some(&b'.') {
                i += 1;
            }
        } else if c == '-' && bytes.get(i + 1) == Some(&b'-') {
            kind = TokenKind::Punct;
            while bytes.get(i) == Some(&b'-') {
                i += 1;
            }
        } else {
            kind = if c.is_ascii_punctuation() || is_unicode_punct(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            i += clen;
        }
        tokens.push(Token {
            span: Span::new(start, i),
            kind,
            space_before: space,
            newlines_before: newlines,
        });
        space = false;
        newlines = 0;
    }
    tokens
}

#[inline]
fn next_char(text: &str, i: usize) -> char {
    // `i` is always on a char boundary.
    text[i..].chars().next().unwrap_or(' ')
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00A1}' | '\u{00A7}' | '\u{00AB}'
            | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}' | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}' | '\u{FF01}'..='\u{FF0F}'
    )
}

/// A word: letters, digits and marks, with single internal apostrophes (don't, Stalin’s, o'clock)
/// and internal periods in initialisms written without spaces are NOT joined (U.S. is U . S .).
fn scan_word(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // consume word characters
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            if b < 0x80 {
                break;
            }
            let c = next_char(text, i);
            if is_word_char(c) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        // an internal apostrophe followed by a letter continues the word
        if i < bytes.len() {
            let c = next_char(text, i);
            if is_apostrophe(c) {
                let after = i + c.len_utf8();
                if after < bytes.len() {
                    let d = next_char(text, after);
                    if d.is_alphabetic() {
                        i = after;
                        continue;
                    }
                }
            }
        }
        return i;
    }
}

/// A number: digits with internal `,` or `.` followed by digits (1,000; 3.14), and a letter
/// suffix (12th, 1930s, 5pm) or an apostrophe-s (1920’s).
fn scan_number(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_digit()) {
            i += 1;
        }
        if i < bytes.len() && bytes[i] >= 0x80 {
            let c = next_char(text, i);
            if c.is_numeric() {
                i += c.len_utf8();
                continue;
            }
        }
        if i + 1 < bytes.len()
            && (bytes[i] == b',' || bytes[i] == b'.')
            && bytes[i + 1].is_ascii_digit()
        {
            i += 1;
            continue;
        }
        break;
    }
    // letter suffix
    if i < bytes.len() {
        let c = next_char(text, i);
        if c.is_alphabetic() {
            return scan_word(text, i);
        }
        if is_apostrophe(c) {
            let after = i + c.len_utf8();
            if after < bytes.len() && (bytes[after] == b's' || bytes[after] == b'S') {
                let end = after + 1;
                if end >= bytes.len() || !next_char(text, end).is_alphanumeric() {
                    return end;
                }
            }
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s)
            .iter()
            .map(|t| &s[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn words_and_apostrophes() {
        assert_eq!(
            texts("Stalin’s rise didn't stop; students’ work."),
            vec![
                "Stalin’s",
                "rise",
                "didn't",
                "stop",
                ";",
                "students",
                "’",
                "work",
                "."
            ]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            texts("In 1,000.5 cases, the 12th of 1920’s and 1930s..."),
            vec![
                "In", "1,000.5", "cases", ",", "the", "12th", "of", "1920’s", "and", "1930s", "..."
            ]
        );
    }

    #[test]
    fn unicode_and_marks() {
        assert_eq!(
            texts("Gödel naïve 東京 🙂"),
            vec!["Gödel", "naïve", "東京", "🙂"]
        );
        let s = "cafe\u{301} x";
        assert_eq!(texts(s), vec!["cafe\u{301}", "x"]);
    }

    #[test]
    fn newlines_recorded() {
        let t = tokenize("a\n\nb\nc");
        assert_eq!(t[1].newlines_before, 2);
        assert_eq!(t[2].newlines_before, 1);
        assert!(t[1].space_before);
    }
}
