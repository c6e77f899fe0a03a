//! Shared helpers for the sentence rules: a view of one sentence's tokens with cheap access to the
//! lowercase text and part-of-speech tags of the neighbours of a token. Not a rule.

use crate::doc::{Document, Sentence, TokenKind};
use crate::lexicon::pos::{self, Tags};

/// One sentence of a document, seen token by token.
pub struct Sent<'a> {
    pub doc: &'a Document,
    pub start: usize,
    pub end: usize,
}

impl<'a> Sent<'a> {
    /// Every sentence of running prose (not headings or works-cited entries), with its view.
    pub fn prose(doc: &'a Document) -> impl Iterator<Item = Sent<'a>> + 'a {
        doc.prose_sentences().map(move |s| Sent::new(doc, s))
    }

    pub fn new(doc: &'a Document, s: &Sentence) -> Self {
        Sent {
            doc,
            start: s.tokens.start,
            end: s.tokens.end,
        }
    }

    /// Lowercase text of token `i` (empty outside the sentence).
    #[inline]
    pub fn w(&self, i: usize) -> &'a str {
        if i >= self.start && i < self.end {
            self.doc.lower(i)
        } else {
            ""
        }
    }

    /// Lowercase text of token `i`, or "" when `i` is None.
    #[inline]
    pub fn wo(&self, i: Option<usize>) -> &'a str {
        i.map_or("", |i| self.w(i))
    }

    /// The original text of token `i`.
    #[inline]
    pub fn raw(&self, i: usize) -> &'a str {
        self.doc.tok(i)
    }

    /// Tags of token `i` (0 for punctuation and tokens outside the sentence).
    pub fn t(&self, i: Option<usize>) -> Tags {
        match i {
            Some(i) if i >= self.start && i < self.end => match self.doc.tokens[i].kind {
                TokenKind::Word => pos::tags(self.doc.lower(i)),
                TokenKind::Number => pos::NUM,
                _ => 0,
            },
            _ => 0,
        }
    }

    #[inline]
    pub fn has(&self, i: Option<usize>, t: Tags) -> bool {
        self.t(i) & t != 0
    }

    pub fn prev(&self, i: usize) -> Option<usize> {
        (i > self.start && i <= self.end).then(|| i - 1)
    }

    pub fn next(&self, i: usize) -> Option<usize> {
        (i + 1 < self.end).then_some(i + 1)
    }

    pub fn is_word(&self, i: Option<usize>) -> bool {
        i.is_some_and(|i| self.doc.tokens[i].kind == TokenKind::Word)
    }

    pub fn is_wordlike(&self, i: Option<usize>) -> bool {
        i.is_some_and(|i| self.doc.tokens[i].is_wordlike())
    }

    pub fn is_punct(&self, i: Option<usize>) -> bool {
        i.is_some_and(|i| self.doc.tokens[i].kind == TokenKind::Punct)
    }

    /// True if nothing but closing punctuation follows token `i` in the sentence.
    pub fn at_end(&self, i: usize) -> bool {
        (i + 1..self.end).all(|k| {
            self.doc.tokens[k].kind == TokenKind::Punct
                && matches!(
                    self.doc.tok(k),
                    "." | "!" | "?" | "”" | "\"" | "’" | "'" | ")" | "…" | "..."
                )
        })
    }

    /// True if token `i` is the first word of the sentence (after opening quotes or brackets).
    pub fn is_first_word(&self, i: usize) -> bool {
        (self.start..i).all(|k| {
            self.doc.tokens[k].kind == TokenKind::Punct
                && matches!(
                    self.doc.tok(k),
                    "“" | "\"" | "‘" | "'" | "(" | "[" | "—" | "-"
                )
        })
    }

    /// True if token `i` starts a clause: the first word, after a comma, semicolon, colon or
    /// dash, or after a conjunction or subordinator.
    pub fn clause_start(&self, i: usize) -> bool {
        if self.is_first_word(i) {
            return true;
        }
        let Some(p) = self.prev(i) else {
            return true;
        };
        if self.is_punct(Some(p)) {
            return matches!(self.raw(p), "," | ";" | ":" | "—" | "–" | "--" | "(");
        }
        crate::lexicon::in_list!("sentences/clause_openers.txt", self.w(p))
    }
}

pub use crate::lexicon::match_case;
