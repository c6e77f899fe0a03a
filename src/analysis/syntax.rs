//! Part-of-speech tags for every token of the document's prose sentences, computed once per
//! document ([`crate::lexicon::tagger`]) and shared by the grammar rules, with a sentence view
//! that hands the tagger's words and tags to the chunker ([`crate::lexicon::chunk`]).
//!
//! The tags are cached per thread for the document being checked (every rule of one document
//! runs on one thread), keyed by the document's text.

use crate::doc::{Document, Sentence, TokenKind};
use crate::lexicon::tagger::{self, Tag, Word};
use std::cell::RefCell;
use std::rc::Rc;

/// The tags of one document: `tags[i]` is token `i`'s ([`Tag::PUNCT`] outside prose).
pub struct Syntax {
    pub tags: Vec<Tag>,
}

fn key(doc: &Document) -> (usize, usize, usize, u64) {
    // FNV-1a over the text: cheap next to tagging, and it keeps a reused allocation from
    // handing one document's tags to another.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in doc.text.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (doc.text.as_ptr() as usize, doc.text.len(), doc.tokens.len(), h)
}

thread_local! {
    static CACHE: RefCell<Option<((usize, usize, usize, u64), Rc<Syntax>)>> = const { RefCell::new(None) };
}

/// The tags of the document, computed on first use.
pub fn syntax(doc: &Document) -> Rc<Syntax> {
    let k = key(doc);
    if let Some(s) = CACHE.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(ck, _)| *ck == k)
            .map(|(_, s)| s.clone())
    }) {
        return s;
    }
    let mut tags = vec![Tag::PUNCT; doc.tokens.len()];
    for s in doc.prose_sentences() {
        let words = words(doc, s);
        for (j, t) in tagger::tag(&words).into_iter().enumerate() {
            tags[s.tokens.start + j] = t;
        }
    }
    let s = Rc::new(Syntax { tags });
    CACHE.with(|c| *c.borrow_mut() = Some((k, s.clone())));
    s
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
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
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
pub fn tagged(doc: &Document) -> Vec<Tagged<'_>> {
    let syn = syntax(doc);
    doc.prose_sentences()
        .map(|s| Tagged {
            doc,
            start: s.tokens.start,
            words: words(doc, s),
            tags: syn.tags[s.tokens.clone()].to_vec(),
        })
        .collect()
}
