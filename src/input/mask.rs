//! The prose mask shared by the readers: a byte copy of the text in which whatever is not prose is
//! replaced by ASCII spaces. Newlines are kept unless a reader *softens* them (a Markdown or LaTeX
//! line break inside a paragraph, which renders as a space), so the mask has the same length as the
//! text and every span found in it points into the original file.

use regex::bytes::Regex;
use std::ops::Range;
use std::sync::OnceLock;

pub(crate) struct Mask {
    bytes: Vec<u8>,
}

impl Mask {
    /// Everything prose (a copy of the text).
    pub fn shown(text: &str) -> Mask {
        Mask {
            bytes: text.as_bytes().to_vec(),
        }
    }

    /// Nothing prose: spaces, with the newlines kept.
    pub fn hidden(text: &str) -> Mask {
        Mask {
            bytes: text
                .bytes()
                .map(|b| if b == b'\n' { b'\n' } else { b' ' })
                .collect(),
        }
    }

    /// Marks `r` as prose: copies the original bytes back.
    pub fn show(&mut self, text: &str, r: Range<usize>) {
        let r = clamp(r, self.bytes.len());
        self.bytes[r.clone()].copy_from_slice(&text.as_bytes()[r]);
    }

    /// Marks `r` as not prose: spaces, newlines kept.
    pub fn hide(&mut self, r: Range<usize>) {
        let r = clamp(r, self.bytes.len());
        for b in &mut self.bytes[r] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }

    /// A newline at `pos` that only wraps a line inside a paragraph: a space in the prose view.
    pub fn soften(&mut self, pos: usize) {
        if let Some(b) = self.bytes.get_mut(pos) {
            if *b == b'\n' {
                *b = b' ';
            }
        }
    }

    /// True if the byte at `pos` is prose (not masked).
    pub fn is_shown(&self, text: &str, pos: usize) -> bool {
        self.bytes
            .get(pos)
            .is_some_and(|&b| Some(&b) == text.as_bytes().get(pos) && !b.is_ascii_whitespace())
    }

    /// True if `r` holds some prose that is not whitespace.
    pub fn has_prose(&self, r: Range<usize>) -> bool {
        let r = clamp(r, self.bytes.len());
        self.bytes[r].iter().any(|b| !b.is_ascii_whitespace())
    }

    /// Hides web addresses, e-mail addresses and DOIs that are still prose.
    pub fn hide_urls(&mut self) {
        static RE: OnceLock<Regex> = OnceLock::new();
        let re = RE.get_or_init(|| {
            Regex::new(
                r#"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>"'`]+|\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b|\bdoi:\s?10\.\d{4,}/[^\s<>"']+|\b10\.\d{4,9}/[^\s<>"']+"#,
            )
            .expect("URL pattern compiles")
        });
        let found: Vec<Range<usize>> = re
            .find_iter(&self.bytes)
            .map(|m| {
                let s = &self.bytes[m.start()..m.end()];
                // Trailing punctuation belongs to the sentence, not the address; so does a closing
                // bracket the address did not open.
                let mut end = s.len();
                while let Some(&last) = s[..end].last() {
                    let opens = |o: u8| s[..end].iter().filter(|&&c| c == o).count();
                    let closes = |c: u8| s[..end].iter().filter(|&&x| x == c).count();
                    let strip = match last {
                        b'.' | b',' | b';' | b':' | b'!' | b'?' | b'*' | b'_' => true,
                        b')' => closes(b')') > opens(b'('),
                        b']' => closes(b']') > opens(b'['),
                        b'}' => closes(b'}') > opens(b'{'),
                        _ => false,
                    };
                    if !strip {
                        break;
                    }
                    end -= 1;
                }
                m.start()..m.start() + end
            })
            .collect();
        for r in found {
            self.hide(r);
        }
    }

    /// The masked text, or `None` when it equals the text (all prose). Any character the readers
    /// left half-masked is masked whole, so the result is always valid UTF-8 of the same length.
    pub fn finish(mut self, text: &str) -> Option<String> {
        if self.bytes == text.as_bytes() {
            return None;
        }
        let src = text.as_bytes();
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n == 1 {
                continue;
            }
            let m = &mut self.bytes[i..i + n];
            if m != &src[i..i + n] {
                m.fill(b' ');
            }
        }
        String::from_utf8(self.bytes).ok()
    }
}

fn clamp(r: Range<usize>, len: usize) -> Range<usize> {
    let end = r.end.min(len);
    r.start.min(end)..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_hidden_without_trailing_punctuation() {
        let t = "See https://example.org/a_(b). Write to jo@uni.ac.uk, or doi:10.1000/xyz123.";
        let mut m = Mask::shown(t);
        m.hide_urls();
        let s = m.finish(t).unwrap();
        assert_eq!(s.len(), t.len());
        assert!(s.starts_with("See "));
        assert!(!s.contains("example"));
        assert!(!s.contains("uni"));
        assert!(!s.contains("10.1000"));
        assert!(s.contains(". Write to "));
        assert!(s.ends_with('.'));
    }

    #[test]
    fn half_masked_characters_are_masked_whole() {
        let t = "é and ü";
        let mut m = Mask::shown(t);
        m.hide(0..1);
        let s = m.finish(t).unwrap();
        assert_eq!(s.len(), t.len());
        assert!(s.starts_with("  "));
    }
}
