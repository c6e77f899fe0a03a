//! Per-file statistics for the summary and the JSON report.

use crate::doc::{Document, ParagraphKind};
use serde::Serialize;

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Stats {
    /// Words and numbers in running prose (headings and works-cited entries excluded).
    pub words: usize,
    /// Sentences in running prose.
    pub sentences: usize,
    /// Paragraphs of running prose.
    pub paragraphs: usize,
}

impl Stats {
    pub fn compute(doc: &Document) -> Stats {
        let mut s = Stats::default();
        for p in &doc.paragraphs {
            if matches!(p.kind, ParagraphKind::Heading | ParagraphKind::Reference) {
                continue;
            }
            s.paragraphs += 1;
            s.sentences += p.sentences.len();
            s.words += p
                .tokens
                .clone()
                .filter(|&i| doc.tokens[i].is_wordlike())
                .count();
        }
        s
    }
}
