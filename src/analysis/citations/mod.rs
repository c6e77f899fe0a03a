//! In-text citations and the works-cited list, parsed into the document model.
//!
//! [`extract`] runs once per document, after segmentation and quotation finding:
//!
//! 1. [`intext`] finds the in-text citations: parenthetical and bracketed groups (MLA, APA,
//!    Chicago author-date, numeric, pandoc, footnotes), narrative "Cohen (1973)", LaTeX commands
//!    written literally, superscript footnote markers. Each is tied to its sentence.
//! 2. [`entries`] parses each works-cited entry (the paragraphs after the references heading):
//!    authors, year, title, number.
//! 3. [`matching`] links every cited source to the entry it names (tolerantly: surname, corporate
//!    acronym, title words, key, number), and records near misses (a misspelt surname, a wrong
//!    year) so the rules can name them.
//!
//! The rules of the `citations` category only read the result; [`table`] renders it for
//! `essaylint citations FILE`.

pub mod coverage;
mod entries;
mod intext;
mod keyed;
mod list_finder;
pub mod lists;
mod matching;
pub mod notes;
mod table;

pub use crate::doc::citation::*;
pub use matching::{fold_name, title_words};
pub use table::table;

use crate::config::Config;
use crate::doc::{Document, Span};

/// Fills `doc.citations` and `doc.references`, and links them. Runs once, right after
/// `Document::build` (see `analysis::build`); the citations the reader found in markup are
/// those `Document::build` left in `doc.citations`.
pub fn extract(doc: &mut Document) {
    let from_reader = std::mem::take(&mut doc.citations);
    list_finder::find_by_shape(doc);
    doc.references = entries::parse(doc);
    keyed::key_entries(doc);
    let mut cites = intext::find(doc, &doc.references);
    // Citations the reader found in markup win over the text's own at the same place.
    if !from_reader.is_empty() {
        let mut spans: Vec<Span> = from_reader.iter().map(|c| c.span).collect();
        spans.sort_unstable();
        cites.retain(|x| {
            let i = spans.partition_point(|s| s.end <= x.span.start);
            !spans.get(i).is_some_and(|s| s.overlaps(x.span))
        });
        cites.extend(from_reader);
    }
    for c in &mut cites {
        c.sentence = doc.sentence_at(c.span.start);
    }
    cites.extend(notes::note_citations(doc));
    cites.sort_by_key(|c| c.span.start);
    doc.citations = cites;
    notes::read_notes(doc);
    matching::link(doc);
}

/// The citation families used in the essay, with counts, most used first.
pub fn family_counts(doc: &Document) -> Vec<(Family, usize)> {
    let mut counts: Vec<(Family, usize)> = Vec::new();
    for c in &doc.citations {
        if let Some(f) = c.family() {
            match counts.iter_mut().find(|(g, _)| *g == f) {
                Some((_, n)) => *n += 1,
                None => counts.push((f, 1)),
            }
        }
    }
    counts.sort_by_key(|b| std::cmp::Reverse(b.1));
    counts
}

/// The essay's citation family: the configured `citation-style`, else the majority of its
/// citations (ties go to the one used first).
pub fn detect_family(doc: &Document, config: &Config) -> Option<Family> {
    if let Some(f) = config
        .citation_style
        .as_deref()
        .and_then(Family::from_config)
    {
        let counts = family_counts(doc);
        // "chicago" accepts notes or author-date: take whichever the essay uses more.
        return f
            .iter()
            .copied()
            .max_by_key(|g| counts.iter().find(|(h, _)| h == g).map_or(0, |x| x.1))
            .or(Some(f[0]));
    }
    let counts = family_counts(doc);
    let top = counts.first()?.1;
    doc.citations
        .iter()
        .filter_map(|c| c.family())
        .find(|f| counts.iter().any(|(g, n)| g == f && *n == top))
}

#[cfg(test)]
mod tests;
