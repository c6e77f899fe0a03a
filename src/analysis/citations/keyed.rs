//! Entries with keys: a LaTeX `thebibliography` list (`\bibitem{key}` before each entry, and no
//! heading in the text, since LaTeX prints it) and the entries of bibliography files the essay
//! names (`input::bibfile`), added to the works-cited list so citation keys are checked.

use super::entries;
use crate::doc::{Document, ParagraphKind};

/// Gives each `\bibitem` entry its key (reading entries the list finder missed), and adds the
/// entries of bibliography files.
pub(super) fn key_entries(doc: &mut Document) {
    let keys = std::mem::take(&mut doc.apparatus.entry_keys);
    let mut added = false;
    for (k, (at, key)) in keys.iter().enumerate() {
        let next = keys.get(k + 1).map_or(usize::MAX, |x| x.0);
        let Some(pi) = doc.paragraphs.iter().position(|p| {
            p.span.start >= *at && p.span.start < next && p.kind == ParagraphKind::Reference
        }) else {
            continue;
        };
        if let Some(r) = doc
            .references
            .iter_mut()
            .find(|r| r.paragraph == pi && r.key.is_none())
        {
            r.key = Some(key.clone());
            continue;
        }
        let span = doc.paragraphs[pi].span;
        let mut r = entries::parse_entry(doc.slice(span)).unwrap_or_default();
        r.span = span;
        r.paragraph = pi;
        r.pages = entries::entry_pages(doc.slice(span));
        r.key = Some(key.clone());
        doc.references.push(r);
        added = true;
    }
    if added {
        doc.references.sort_by_key(|r| r.span.start);
    }
    doc.apparatus.entry_keys = keys;
    let external = std::mem::take(&mut doc.apparatus.external);
    for mut r in external {
        r.paragraph = usize::MAX;
        doc.references.push(r);
    }
}
