//! Part-of-speech tags for every token of the document's prose sentences, computed once per
//! document ([`crate::lexicon::tagger`]) and shared by the grammar rules, with a sentence view
//! that hands the tagger's words and tags to the chunker ([`crate::lexicon::chunk`]).
//!
//! Computed once per document by [`super::Analyses`]; a rule reaches it as `cx.syntax()`.

use crate::doc::{Document, Sentence, TokenKind};
use crate::lexicon::tagger::{self, Tag, Word};

/// The tags of one document: `tags[i]` is token `i`'s ([`Tag::PUNCT`] outside prose).
pub struct Syntax {
    pub tags: Vec<Tag>,
}

impl Syntax {
    /// Tags every prose sentence of the document.
    pub fn compute(doc: &Document) -> Syntax {
        let mut tags = vec![Tag::PUNCT; doc.tokens.len()];
        for s in doc.prose_sentences() {
            let words = words(doc, s);
            for (j, t) in tagger::tag(&words).into_iter().enumerate() {
                tags[s.tokens.start + j] = t;
            }
        }
        Syntax { tags }
    }
}

/// The tagger's view of a sentence's tokens.
pub fn words<'a>(doc: &'a Document, s: &Sentence) -> Vec<Word<'a>> {
    s.tokens
        .clone()
        .map(|i| Word {
            lower: doc.lower(i),
            raw: doc.tok(i),
            kind: doc.tokens[i].kind,
        })
        .collect()
}

/// One prose sentence with its words and tags, indexed from 0 (token `start + i` of the
/// document is word `i`).
pub struct Tagged<'a> {
    pub doc: &'a Document,
    pub start: usize,
    pub words: Vec<Word<'a>>,
    pub tags: Vec<Tag>,
}

impl<'a> Tagged<'a> {
    pub fn len(&self) -> usize {
        self.words.len()
    }
    /// Lowercase word `i` ("" past the end).
    pub fn w(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.lower)
    }
    /// Tag of word `i` (PUNCT past the end).
    pub fn t(&self, i: usize) -> Tag {
        self.tags.get(i).copied().unwrap_or(Tag::PUNCT)
    }
    pub fn raw(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.raw)
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.kind == TokenKind::Word)
    }
    /// The document span of word `i`.
    pub fn span(&self, i: usize) -> crate::doc::Span {
        self.doc.tokens[self.start + i].span
    }
    /// Word `i` is inside a quotation (quoted words are the source's, not the writer's).
    pub fn quoted(&self, i: usize) -> bool {
        self.doc.in_quotation(self.span(i))
    }
}

/// Every prose sentence of the document, tagged.
pub fn tagged<'a>(doc: &'a Document, syn: &Syntax) -> Vec<Tagged<'a>> {
    doc.prose_sentences()
        .map(|s| Tagged {
            doc,
            start: s.tokens.start,
            words: words(doc, s),
            tags: syn.tags[s.tokens.clone()].to_vec(),
        })
        .collect()
}
