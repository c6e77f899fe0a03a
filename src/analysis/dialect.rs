//! Dialect evidence: which US/UK/Oxford/Canadian/Australian spellings an essay uses (from the
//! VARCON table), scored per dialect, and the dialect the essay follows (the configured one, or
//! the majority). Read by `dialect-mix` and `inconsistent-spelling`.

use crate::analysis::scan;
use crate::doc::Document;
use crate::lexicon::spell::variants::{self, Info};
use crate::lexicon::spell::FastMap;
use crate::lexicon::spell::{self, Shape};

/// The dialect evidence of a document.
pub struct Analysis<'d> {
    /// Every counted occurrence: token index, lowercase word, what the table says.
    pub occurrences: Vec<(usize, &'d str, &'static Info)>,
    /// Occurrences per lowercase word.
    pub counts: FastMap<&'d str, u32>,
    /// Score per dialect, in the order of [`variants::DIALECTS`].
    pub scores: [f32; 5],
    /// The dialects the essay follows (several on a tie); 0 if there is no evidence.
    pub winners: u8,
    /// The dialect comes from the configuration.
    pub forced: bool,
}

impl Analysis<'_> {
    /// True if the dialect-mix rule reports this word: not acceptable in the configured
    /// dialect, or not even used (seldom) in any dialect the essay follows.
    pub fn flags(&self, info: &Info) -> bool {
        let ok = if self.forced {
            info.acceptable
        } else {
            info.used
        };
        self.winners != 0 && info.acceptable != 0 && ok & self.winners == 0
    }

    /// The best score among the dialects in which the word is acceptable.
    pub fn support(&self, info: &Info) -> f32 {
        variants::DIALECTS
            .iter()
            .enumerate()
            .filter(|(_, d)| info.acceptable & d.0 != 0)
            .map(|(k, _)| self.scores[k])
            .fold(0.0, f32::max)
    }
}

/// True if token `i` counts as evidence: lowercase running prose, or a capitalised sentence
/// opening, outside quotations.
fn counts(doc: &Document, sc: &scan::Scan, i: usize) -> bool {
    if !sc.prose_word(doc, i) || sc.is(i, scan::QUOTED) {
        return false;
    }
    match spell::shape(doc.tok(i)) {
        Shape::Lower => true,
        // A sentence opening, unless the word is also a name (Caesar).
        Shape::Title => sc.is(i, scan::INITIAL) && !spell::has_capitalised_entry(doc.lower(i)),
        _ => false,
    }
}

/// Counts the dialect evidence and finds the winner.
pub fn analyse<'d>(doc: &'d Document, sc: &scan::Scan, forced: Option<&str>) -> Analysis<'d> {
    let mut occurrences = Vec::new();
    let mut counts_by: FastMap<&'d str, u32> = FastMap::default();
    for i in 0..doc.tokens.len() {
        if !counts(doc, sc, i) {
            continue;
        }
        let key = doc.lower(i);
        if key.len() < 3 {
            continue;
        }
        let Some(info) = variants::lookup(key) else {
            continue;
        };
        if info.acceptable == variants::ALL && info.alternatives.is_empty() {
            continue;
        }
        occurrences.push((i, key, info));
        *counts_by.entry(key).or_insert(0) += 1;
    }
    let mut scores = [0f32; 5];
    for (key, &n) in &counts_by {
        let info = variants::lookup(key).expect("looked up above");
        if !info.is_evidence() {
            continue;
        }
        let w = n.min(3) as f32;
        for (k, d) in variants::DIALECTS.iter().enumerate() {
            if info.preferred & d.0 != 0 {
                scores[k] += w;
            }
        }
    }
    let (winners, is_forced) = match forced.and_then(variants::dialect_bit) {
        Some(b) => (b, true),
        None => {
            let max = scores.iter().copied().fold(0.0, f32::max);
            let mut w = 0u8;
            if max > 0.0 {
                for (k, d) in variants::DIALECTS.iter().enumerate() {
                    if scores[k] >= max - 1e-6 {
                        w |= d.0;
                    }
                }
            }
            (w, false)
        }
    };
    Analysis {
        occurrences,
        counts: counts_by,
        scores,
        winners,
        forced: is_forced,
    }
}
