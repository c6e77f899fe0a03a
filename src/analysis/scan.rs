//! What the spelling rules share: which word tokens are running prose worth checking, where
//! sentences start, what is quoted, and which whitespace-delimited chunks are URLs, e-mail
//! addresses, file names or code. Built in one linear pass per rule run.

use crate::doc::{Document, ParagraphKind, Span, TokenKind};
use crate::lexicon::spell;

/// Per-token facts (bit flags).
pub const PROSE: u8 = 1;
/// Inside an inline quotation or a block quotation.
pub const QUOTED: u8 = 2;
/// The first word of a sentence (after any opening quotes or brackets), or after a colon.
pub const INITIAL: u8 = 4;
/// Part of a URL, e-mail address, file name or code-like chunk.
pub const CODE: u8 = 8;
/// A heading or works-cited paragraph.
pub const NOT_PROSE: u8 = 16;
/// A heading (also `NOT_PROSE`).
pub const HEADING: u8 = 32;

/// Facts about every token of a document.
pub struct Scan {
    pub flags: Vec<u8>,
    /// The sentence of each token (`usize::MAX` if none).
    pub sentence: Vec<usize>,
}

impl Scan {
    pub fn new(doc: &Document) -> Scan {
        let n = doc.tokens.len();
        let mut flags = vec![0u8; n];
        let mut sentence = vec![usize::MAX; n];
        for p in &doc.paragraphs {
            let f = match p.kind {
                ParagraphKind::Body | ParagraphKind::ListItem => PROSE,
                ParagraphKind::BlockQuote => PROSE | QUOTED,
                ParagraphKind::Heading => NOT_PROSE | HEADING,
                ParagraphKind::Reference => NOT_PROSE,
            };
            for i in p.tokens.clone() {
                flags[i] |= f;
            }
        }
        for q in &doc.quotations {
            for i in q.tokens.clone() {
                if i < n {
                    flags[i] |= QUOTED;
                }
            }
        }
        for (si, s) in doc.sentences.iter().enumerate() {
            let mut initial = true;
            for i in s.tokens.clone() {
                if i >= n {
                    break;
                }
                sentence[i] = si;
                let t = &doc.tokens[i];
                match t.kind {
                    TokenKind::Word | TokenKind::Number => {
                        if initial {
                            flags[i] |= INITIAL;
                        }
                        initial = false;
                    }
                    TokenKind::Punct => {
                        let p = doc.tok(i);
                        if p == ":" || p == "•" {
                            initial = true;
                        }
                    }
                    TokenKind::Symbol => {}
                }
            }
        }
        mark_code_chunks(doc, &mut flags);
        Scan { flags, sentence }
    }

    #[inline]
    pub fn is(&self, i: usize, f: u8) -> bool {
        self.flags[i] & f != 0
    }

    /// A word token of running prose that is not code.
    #[inline]
    pub fn prose_word(&self, doc: &Document, i: usize) -> bool {
        doc.tokens[i].kind == TokenKind::Word && self.flags[i] & (PROSE | CODE) == PROSE
    }
}

/// Marks the tokens of whitespace-delimited chunks that look like URLs, e-mail addresses, file
/// names, handles or code.
fn mark_code_chunks(doc: &Document, flags: &mut [u8]) {
    let text = doc.prose.as_bytes();
    let mut ti = 0usize;
    let mut i = 0usize;
    let n = text.len();
    while i < n {
        while i < n && text[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        // Only chunks with a character that URLs, addresses and code need are examined.
        let mut special = false;
        while i < n && !text[i].is_ascii_whitespace() {
            let b = text[i];
            special |= matches!(
                b,
                b':' | b'@'
                    | b'\\'
                    | b'_'
                    | b'='
                    | b'{'
                    | b'}'
                    | b'|'
                    | b'<'
                    | b'>'
                    | b'#'
                    | b'~'
                    | b'^'
                    | b'`'
            ) || b == b'.' && i + 1 < n && text[i + 1].is_ascii_alphanumeric();
            i += 1;
        }
        if start == i {
            break;
        }
        if special && chunk_is_code(&doc.prose[start..i]) {
            let span = Span::new(start, i);
            while ti < doc.tokens.len() && doc.tokens[ti].span.end <= start {
                ti += 1;
            }
            let mut k = ti;
            while k < doc.tokens.len() && doc.tokens[k].span.start < span.end {
                flags[k] |= CODE;
                k += 1;
            }
        }
    }
}

/// True for a chunk of text (no whitespace) that is a URL, an e-mail address, a file name, a
/// handle or code rather than words.
pub fn chunk_is_code(chunk: &str) -> bool {
    let c = chunk.trim_start_matches(['(', '[', '<', '"', '\'', '“', '‘', '{']);
    if c.contains("://") || c.starts_with("www.") || c.starts_with("doi:") || c.starts_with("@") {
        return true;
    }
    if c.contains(['\\', '_', '=', '{', '}', '|', '<', '>', '#', '~', '^', '`']) {
        return true;
    }
    if let Some(at) = c.find('@') {
        if c[at..].contains('.') {
            return true;
        }
    }
    // word.ext or domain.tld (not "e.g." or "U.S.": both sides need two letters).
    let b = c.as_bytes();
    for (k, &ch) in b.iter().enumerate() {
        if ch != b'.' || k < 2 || k + 2 >= b.len() {
            continue;
        }
        if !(b[k - 1].is_ascii_alphanumeric() && b[k - 2].is_ascii_alphanumeric()) {
            continue;
        }
        let ext: String = c[k + 1..]
            .chars()
            .take_while(|ch| ch.is_ascii_alphanumeric())
            .collect();
        if ext.len() >= 2
            && crate::lexicon::in_list!(
                "common/code_extensions.txt",
                ext.to_ascii_lowercase().as_str()
            )
        {
            // "end.Co" in a run-together sentence is not code; require lowercase extension or
            // a slash.
            if ext.chars().all(|ch| ch.is_ascii_lowercase()) || c.contains('/') {
                return true;
            }
        }
    }
    false
}

/// A word worth checking for spelling: Latin letters only, two to forty characters, no digits.
pub fn checkable(word: &str) -> bool {
    let len = word.len();
    (2..=60).contains(&len)
        && word.chars().count() <= 40
        && spell::is_latin_word(word)
        && !word.starts_with(['\'', '\u{2019}'])
}

/// True if token `i` is glued to a hyphen on its left or right ("quazi" in "quazi-joint").
pub fn hyphen_neighbours(doc: &Document, i: usize) -> (bool, bool) {
    let is_hyphen = |k: usize| {
        doc.tokens[k].kind == TokenKind::Punct
            && matches!(doc.tok(k), "-" | "\u{2010}" | "\u{2011}")
    };
    let left = i >= 2
        && is_hyphen(i - 1)
        && !doc.tokens[i].space_before
        && !doc.tokens[i - 1].space_before
        && doc.tokens[i - 2].is_wordlike();
    let right = i + 2 < doc.tokens.len()
        && is_hyphen(i + 1)
        && !doc.tokens[i + 1].space_before
        && !doc.tokens[i + 2].space_before
        && doc.tokens[i + 2].is_wordlike();
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_chunks() {
        for c in [
            "https://example.com/x",
            "www.bbc.co.uk",
            "jane.doe@uni.edu",
            "(see data.csv)",
            "my_var",
            "@handle",
            "doi:10.1000/182",
            "example.com",
        ] {
            assert!(chunk_is_code(c), "{c}");
        }
        for c in [
            "e.g.",
            "U.S.",
            "end.",
            "Ph.D.",
            "i.e.,",
            "well-being",
            "and/or",
            "so.",
        ] {
            assert!(!chunk_is_code(c), "{c}");
        }
    }

    #[test]
    fn scan_marks() {
        let d = crate::analysis::from_text(
            "Write to jane@uni.edu today. He said “recieve it” now: Then go.\n\nWorks Cited\n\nSmith, J. Tittle. 2001.",
        );
        let s = Scan::new(&d);
        let idx = |w: &str| (0..d.tokens.len()).find(|&i| d.tok(i) == w).unwrap();
        assert!(s.is(idx("jane"), CODE));
        assert!(s.is(idx("edu"), CODE));
        assert!(!s.is(idx("today"), CODE));
        assert!(s.is(idx("recieve"), QUOTED));
        assert!(s.is(idx("Write"), INITIAL));
        assert!(s.is(idx("Then"), INITIAL));
        assert!(!s.is(idx("now"), INITIAL));
        assert!(s.is(idx("Tittle"), NOT_PROSE));
        assert!(checkable("naïve"));
        assert!(!checkable("東京"));
        assert!(!checkable(&"a".repeat(100)));
    }
}
