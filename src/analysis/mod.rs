//! What is computed from a document and used by more than one rule (or by a rule and the
//! report), each at most once per document.
//!
//! [`build`] makes a [`Document`] and runs the citation analysis on it (the model itself holds
//! structure only). [`Analyses`] holds the lazily computed results for one document and one
//! configuration; a rule reaches them through its [`Context`](crate::rule::Context):
//! `cx.scan()`, `cx.words()`, `cx.cite_index()`, `cx.dialect()`, `cx.names()`, `cx.passives()`,
//! `cx.sentences()`, `cx.case_usage()`. A rule never builds one of these itself.

pub mod case_usage;
pub mod citations;
pub mod clauses;
pub mod dialect;
pub mod names;
pub mod passive;
pub mod scan;
pub mod sentence;
pub mod stats;
pub mod syntax;
pub mod words;

use crate::config::Config;
use crate::doc::{Document, Source};
use std::cell::OnceCell;

/// Builds the model of `source` and its citations: the document every rule reads.
pub fn build(source: Source) -> Document {
    let mut doc = Document::build(source);
    citations::extract(&mut doc);
    doc
}

#[cfg(test)]
/// [`build`] for plain text.
pub fn from_text(text: impl Into<String>) -> Document {
    build(Source::plain(text))
}

/// The shared analyses of one document under one configuration, each computed on first use.
pub struct Analyses<'a> {
    doc: &'a Document,
    config: &'a Config,
    scan: OnceCell<scan::Scan>,
    words: OnceCell<words::Words>,
    cite_index: OnceCell<citations::coverage::CiteIndex>,
    dialect: OnceCell<dialect::Analysis<'a>>,
    names: OnceCell<names::Analysis>,
    passives: OnceCell<Vec<Option<passive::Passive>>>,
    syntax: OnceCell<syntax::Syntax>,
    tagged: OnceCell<Vec<syntax::Tagged<'a>>>,
    case_usage: OnceCell<case_usage::CaseUsages<'a>>,
    family_counts: OnceCell<Vec<(citations::Family, usize)>>,
    family: OnceCell<Option<citations::Family>>,
}

impl<'a> Analyses<'a> {
    pub fn new(doc: &'a Document, config: &'a Config) -> Self {
        Analyses {
            doc,
            config,
            scan: OnceCell::new(),
            words: OnceCell::new(),
            cite_index: OnceCell::new(),
            dialect: OnceCell::new(),
            names: OnceCell::new(),
            passives: OnceCell::new(),
            syntax: OnceCell::new(),
            tagged: OnceCell::new(),
            case_usage: OnceCell::new(),
            family_counts: OnceCell::new(),
            family: OnceCell::new(),
        }
    }

    /// The document analysed.
    pub fn doc(&self) -> &'a Document {
        self.doc
    }

    /// The configuration it is analysed under.
    pub fn config(&self) -> &'a Config {
        self.config
    }

    /// Per-token facts for the spelling rules (prose, quoted, sentence-initial, code-like).
    pub fn scan(&self) -> &scan::Scan {
        self.scan.get_or_init(|| scan::Scan::new(self.doc))
    }

    /// Word forms, lemmas and their counts, for the repetition rules.
    pub fn words(&self) -> &words::Words {
        self.words.get_or_init(|| words::Words::new(self.doc))
    }

    /// Citations indexed by sentence.
    pub fn cite_index(&self) -> &citations::coverage::CiteIndex {
        self.cite_index
            .get_or_init(|| citations::coverage::CiteIndex::new(self.doc))
    }

    /// The document's dialect evidence and its winner (the configured `dialect` if any).
    pub fn dialect(&self) -> &dialect::Analysis<'a> {
        self.dialect
            .get_or_init(|| dialect::analyse(self.doc, self.scan(), self.config.dialect.as_deref()))
    }

    /// The names of the essay, grouped by spelling.
    pub fn names(&self) -> &names::Analysis {
        self.names
            .get_or_init(|| names::analyze(self.doc, self.config))
    }

    /// The first passive verb group of each sentence (indexed like `doc.sentences`).
    pub fn passives(&self) -> &[Option<passive::Passive>] {
        self.passives.get_or_init(|| {
            self.doc
                .sentences
                .iter()
                .map(|s| passive::first_passive(self.doc, s))
                .collect()
        })
    }

    /// Part-of-speech tags of every prose token, for the grammar rules.
    pub fn syntax(&self) -> &syntax::Syntax {
        self.syntax
            .get_or_init(|| syntax::Syntax::compute(self.doc))
    }

    /// Every prose sentence with its words and tags (see [`syntax::tagged`]), built once for
    /// all the grammar rules (each built its own copy: about 20 ms a rule on 1 MB).
    pub fn tagged(&self) -> &[syntax::Tagged<'a>] {
        self.tagged
            .get_or_init(|| syntax::tagged(self.doc, self.syntax()))
    }

    /// How the essay writes each word: lowercase, capitalised, capitalised mid-sentence.
    pub fn case_usage(&self) -> &case_usage::CaseUsages<'a> {
        self.case_usage
            .get_or_init(|| case_usage::CaseUsages::compute(self.doc))
    }

    /// How many citations of each family the essay has, most first.
    pub fn citation_family_counts(&self) -> &[(citations::Family, usize)] {
        self.family_counts
            .get_or_init(|| citations::family_counts(self.doc))
    }

    /// The essay's citation family: the configured `citation-style`, else its majority.
    pub fn citation_family(&self) -> Option<citations::Family> {
        *self
            .family
            .get_or_init(|| citations::detect_family(self.doc, self.config))
    }
}
