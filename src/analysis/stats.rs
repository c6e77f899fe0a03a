//! Per-file statistics for the summary and the JSON report: counts, readability (average
//! sentence length, Flesch–Kincaid grade), the share of passive sentences and the longest
//! sentences.

use crate::analysis::passive::Passive;
use crate::doc::{Document, Span, TokenKind};
use serde::Serialize;

/// One of the longest sentences.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct SentenceLength {
    pub span: Span,
    /// 1-based line of the sentence's start.
    pub line: usize,
    pub words: usize,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Stats {
    /// Words and numbers in running prose (headings and works-cited entries excluded).
    pub words: usize,
    /// Sentences in running prose.
    pub sentences: usize,
    /// Paragraphs of running prose.
    pub paragraphs: usize,
    /// Words per sentence, rounded to one decimal.
    pub avg_sentence_length: f64,
    /// Flesch–Kincaid grade level (US school grade), rounded to one decimal.
    pub flesch_kincaid_grade: f64,
    /// Sentences with a passive verb group ("was decided").
    pub passive_sentences: usize,
    /// passive_sentences / sentences, rounded to two decimals.
    pub passive_ratio: f64,
    /// The three longest sentences, longest first.
    pub longest_sentences: Vec<SentenceLength>,
}

/// Syllables in a word, by vowel groups (a silent final -e dropped). An estimate, as in every
/// readability formula.
pub fn syllables(word: &str) -> usize {
    let mut n = 0;
    let mut prev_vowel = false;
    let mut last = ' ';
    let mut before_last = ' ';
    let mut letters = 0;
    for c in word.chars() {
        let c = c.to_ascii_lowercase();
        let v = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if v && !prev_vowel {
            n += 1;
        }
        prev_vowel = v;
        before_last = last;
        last = c;
        letters += 1;
    }
    if last == 'e' && before_last != 'l' && n > 1 {
        n -= 1;
    }
    if letters == 0 {
        return 0;
    }
    n.max(1)
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

impl Stats {
    /// The statistics of a document, computing its passives.
    pub fn compute(doc: &Document) -> Stats {
        let passives: Vec<_> = doc
            .sentences
            .iter()
            .map(|s| crate::analysis::passive::first_passive(doc, s))
            .collect();
        Stats::compute_with(doc, &passives)
    }

    /// The statistics of a document whose passives (one per sentence, as
    /// `Analyses::passives`) are already known.
    pub fn compute_with(doc: &Document, passives: &[Option<Passive>]) -> Stats {
        let mut s = Stats::default();
        for p in &doc.paragraphs {
            if !p.kind.is_prose() {
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
        let mut syl = 0usize;
        let mut fk_words = 0usize;
        let mut longest: Vec<SentenceLength> = Vec::new();
        for (si, sent) in doc.sentences.iter().enumerate() {
            if !doc.is_prose(sent) {
                continue;
            }
            let mut n = 0;
            for i in sent.tokens.clone() {
                let t = &doc.tokens[i];
                if t.kind == TokenKind::Word {
                    syl += syllables(doc.tok(i));
                    fk_words += 1;
                    n += 1;
                } else if t.kind == TokenKind::Number {
                    n += 1;
                }
            }
            if passives.get(si).is_some_and(Option::is_some) {
                s.passive_sentences += 1;
            }
            if n > 0 {
                longest.push(SentenceLength {
                    span: sent.span,
                    line: doc.line_col(sent.span.start).0,
                    words: n,
                });
                longest.sort_by(|a, b| b.words.cmp(&a.words).then(a.span.start.cmp(&b.span.start)));
                longest.truncate(3);
            }
        }
        if s.sentences > 0 && s.words > 0 {
            s.avg_sentence_length = round(s.words as f64 / s.sentences as f64, 1);
            s.passive_ratio = round(s.passive_sentences as f64 / s.sentences as f64, 2);
        }
        if s.sentences > 0 && fk_words > 0 {
            let grade = 0.39 * (s.words as f64 / s.sentences as f64)
                + 11.8 * (syl as f64 / fk_words as f64)
                - 15.59;
            s.flesch_kincaid_grade = round(grade, 1);
        }
        s.longest_sentences = longest;
        s
    }

    /// One line for the human report: counts, readability, passive share, longest sentence.
    pub fn summary(&self) -> String {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let mut out = format!(
            "{}, {}, {}",
            plural(self.words, "word"),
            plural(self.sentences, "sentence"),
            plural(self.paragraphs, "paragraph")
        );
        if self.sentences > 0 && self.words > 0 {
            out.push_str(&format!(
                "; {:.1} words per sentence, Flesch–Kincaid grade {:.1}, passive {:.0}%",
                self.avg_sentence_length,
                self.flesch_kincaid_grade,
                self.passive_ratio * 100.0
            ));
            if let Some(l) = self.longest_sentences.first() {
                out.push_str(&format!(
                    "; longest sentence {} words (line {})",
                    l.words, l.line
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_estimates() {
        assert_eq!(syllables("cat"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("make"), 1);
        assert_eq!(syllables("revolution"), 4);
        assert_eq!(syllables(""), 0);
    }

    #[test]
    fn stats_of_a_text() {
        let d = crate::analysis::from_text(
            "The party was divided by the war. Stalin rose quickly to power and kept it.",
        );
        let s = Stats::compute(&d);
        assert_eq!(s.sentences, 2);
        assert_eq!(s.words, 15);
        assert_eq!(s.passive_sentences, 1);
        assert_eq!(s.passive_ratio, 0.5);
        assert_eq!(s.avg_sentence_length, 7.5);
        assert_eq!(s.longest_sentences[0].words, 8);
        assert!(s.summary().contains("passive 50%"));
        let e = Stats::compute(&crate::analysis::from_text(""));
        assert_eq!(e.flesch_kincaid_grade, 0.0);
        assert_eq!(e.summary(), "0 words, 0 sentences, 0 paragraphs");
    }
}
