//! How the essay writes each word in running prose: in lowercase, capitalised, and capitalised
//! in mid-sentence. The capitalisation rules read it to learn the essay's own convention for a
//! word ("the Senate" every time is a convention, not a slip).

use crate::doc::{Document, TokenKind};
use crate::lexicon::spell::{self, FastMap, Shape};

/// The counts of one lowercase word form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CaseUsage {
    /// Written in lowercase.
    pub lower: usize,
    /// Capitalised anywhere, sentence openings included.
    pub title: usize,
    /// Capitalised in mid-sentence (not the sentence's first word).
    pub title_mid: usize,
}

/// Case counts of every word form of running prose, keyed by its lowercase form.
#[derive(Debug, Default)]
pub struct CaseUsages<'a> {
    map: FastMap<&'a str, CaseUsage>,
}

impl<'a> CaseUsages<'a> {
    /// Counts every word of the document's prose sentences.
    pub fn compute(doc: &'a Document) -> Self {
        let mut map: FastMap<&str, CaseUsage> = FastMap::default();
        for s in doc.prose_sentences() {
            let first = doc.sentence_words(s).next();
            for i in doc.sentence_words(s) {
                if doc.tokens[i].kind != TokenKind::Word {
                    continue;
                }
                match spell::shape(doc.tok(i)) {
                    Shape::Lower => map.entry(doc.lower(i)).or_default().lower += 1,
                    Shape::Title => {
                        let u = map.entry(doc.lower(i)).or_default();
                        u.title += 1;
                        u.title_mid += usize::from(Some(i) != first);
                    }
                    _ => {}
                }
            }
        }
        CaseUsages { map }
    }

    /// The counts of a lowercase word form (zero if the essay never writes it).
    pub fn get(&self, lower: &str) -> CaseUsage {
        self.map.get(lower).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lower_title_and_mid_sentence_capitals() {
        let doc = crate::analysis::from_text(
            "Senate voted. The Senate and the senate met. The senate agreed.",
        );
        let u = CaseUsages::compute(&doc);
        assert_eq!(
            u.get("senate"),
            CaseUsage {
                lower: 2,
                title: 2,
                title_mid: 1
            }
        );
        assert_eq!(u.get("absent"), CaseUsage::default());
    }
}
