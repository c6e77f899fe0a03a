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
        let found: Vec<Range<usize>> = url_matches(&self.bytes)
            .into_iter()
            .map(|m| {
                let s = &self.bytes[m.clone()];
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
                m.start..m.start + end
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

/// The address pattern; `WB` is the word boundary it is built with.
fn url_pattern(wb: &str) -> String {
    format!(
        r#"(?i){wb}(?:(?:https?|ftp)://|www\.)[^\s<>"'`]+|{wb}[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{{2,}}{wb}|{wb}doi:\s?10\.\d{{4,}}/[^\s<>"']+|{wb}10\.\d{{4,9}}/[^\s<>"']+"#
    )
}

/// The pattern with Unicode word boundaries: the reference meaning, but Unicode `\b` runs in the
/// slow engine on text that is not all ASCII.
fn url_regex_unicode() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&url_pattern(r"\b")).expect("URL pattern compiles"))
}

/// The same pattern with ASCII word boundaries, which the fast engines run.
fn url_regex_ascii() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&url_pattern(r"(?-u:\b)")).expect("URL pattern compiles"))
}

/// Bytes that split the text into pieces no address crosses: ASCII whitespace (whitespace and a
/// non-word character for both kinds of `\b`).
fn is_split(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// Every match of the Unicode pattern, found fast. A match never holds ASCII whitespace except
/// the one after `doi:`, so the text falls into pieces split at whitespace (a single whitespace
/// byte after a `:` does not split), and each piece is searched as if alone: its edges are
/// whitespace or the text's ends, non-word characters either way. In a piece of ASCII only, the
/// two kinds of `\b` agree, so the ASCII pattern, run once over the whole text, finds the same
/// matches there; a piece with other characters is searched with the Unicode pattern.
fn url_matches(hay: &[u8]) -> Vec<Range<usize>> {
    if !may_hold_address(hay) {
        // Neither pattern is compiled for a text that cannot hold a match (most essays): the
        // compilation was a fifth of a short file's start-up.
        return Vec::new();
    }
    // The pieces holding a non-ASCII byte (that could hold a match), in order.
    let mut unicode_pieces: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < hay.len() {
        if is_split(hay[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut non_ascii = false;
        let mut marker = false;
        loop {
            while i < hay.len() && !is_split(hay[i]) {
                non_ascii |= hay[i] >= 0x80;
                marker |= matches!(hay[i], b'@' | b':' | b'.');
                i += 1;
            }
            // "doi: 10.…": one whitespace byte after a colon joins the next piece.
            let joins = i + 1 < hay.len()
                && hay[i - 1] == b':'
                && is_split(hay[i])
                && !is_split(hay[i + 1]);
            if !joins {
                break;
            }
            i += 1;
        }
        if non_ascii && marker {
            unicode_pieces.push(start..i);
        }
    }
    let in_unicode_piece = |pos: usize| {
        let k = unicode_pieces.partition_point(|r| r.end <= pos);
        unicode_pieces.get(k).is_some_and(|r| r.start <= pos)
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    for m in url_regex_ascii().find_iter(hay) {
        if !in_unicode_piece(m.start()) && !hay[m.range()].iter().any(|&b| b >= 0x80) {
            out.push(m.range());
        }
    }
    for piece in &unicode_pieces {
        out.extend(
            url_regex_unicode()
                .find_iter(&hay[piece.clone()])
                .map(|m| piece.start + m.start()..piece.start + m.end()),
        );
    }
    out.sort_by_key(|r| r.start);
    out
}

/// False when the text holds none of what every alternative of [`url_pattern`] needs: `://` or
/// `www.` (any case) for a web address, `@` for an e-mail address, `10.` for a DOI.
fn may_hold_address(hay: &[u8]) -> bool {
    hay.contains(&b'@')
        || hay.windows(3).any(|w| w == b"://" || w == b"10.")
        || hay
            .windows(4)
            .any(|w| w[3] == b'.' && w[..3].eq_ignore_ascii_case(b"www"))
}

fn clamp(r: Range<usize>, len: usize) -> Range<usize> {
    let end = r.end.min(len);
    r.start.min(end)..end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast search finds exactly what the Unicode pattern finds, on addresses next to
    /// non-ASCII letters, digits and spaces, and on random mixtures of such pieces.
    #[test]
    fn fast_url_search_matches_unicode_pattern() {
        let reference = |t: &str| -> Vec<Range<usize>> {
            url_regex_unicode()
                .find_iter(t.as_bytes())
                .map(|m| m.range())
                .collect()
        };
        let tricky = [
            "éwww.example.org and www.example.org",
            "voirhttps://x.fr/é, https://x.fr/é.",
            "jo@uni.ac.ukä jo@uni.ac.uk ä@b.cd ßjo@x.de",
            "doi: 10.1000/xyz doi:\n10.1000/abc doi:\u{a0}10.1000/n édoi:10.1000/q",
            "10.12345/abc é10.12345/x ١٠.1234/x 10.1234/é",
            "\u{212a}@x.com a@\u{212a}.com WWW.X.ORG www\u{17f}.x",
            "“http://quoted.org”—www.dash.org—x@y.zz»",
            "",
        ];
        for t in tricky {
            assert_eq!(url_matches(t.as_bytes()), reference(t), "{t:?}");
        }
        let parts = [
            "www.", "http://", "x", "é", "@", "a", ".", "org", "uk", "ä", " ", "\n", "doi:", "10.",
            "1234", "/", "\u{a0}", "“", ":", "K", "\u{212a}", "-", "ß", "٣",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..4000 {
            let mut t = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                t.push_str(parts[(seed >> 33) as usize % parts.len()]);
            }
            assert_eq!(url_matches(t.as_bytes()), reference(&t), "{t:?}");
        }
    }

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
