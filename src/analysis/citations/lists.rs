//! Word lists for citations, compiled in from `rules/citations/` and parsed once per process.

use crate::lexicon::{lines, word_set};
use std::collections::HashSet;
use std::sync::OnceLock;

fn set(
    cell: &'static OnceLock<HashSet<&'static str>>,
    src: &'static str,
) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| word_set(src))
}

/// First words that make a parenthetical a label, not a source ("Figure", "Table", "January").
pub fn is_not_source(lower: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    set(
        &S,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/citations/not_sources.txt"
        )),
    )
    .contains(lower)
}

/// Reporting verbs of signal phrases ("argues", "writes", "notes"): the `signal` use of
/// `rules/common/reporting_verbs.txt`.
pub fn is_signal_verb(lower: &str) -> bool {
    crate::lexicon::reporting::is(lower, crate::lexicon::reporting::Use::Signal)
}

/// Words naming a kind of source ("Handout", "Lecture", "Interview").
pub fn is_source_word(lower: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    set(
        &S,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/citations/source_words.txt"
        )),
    )
    .contains(lower)
}

/// Prefixes that may open a citation ("see", "cf.", "qtd. in"), longest first, with a flag for
/// secondary-source prefixes.
pub fn prefixes() -> &'static [(&'static str, bool)] {
    static P: OnceLock<Vec<(&'static str, bool)>> = OnceLock::new();
    P.get_or_init(|| {
        let mut v: Vec<(&'static str, bool)> = lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/citations/prefixes.txt"
        )))
        .map(|l| match l.strip_suffix('*') {
            Some(p) => (p, true),
            None => (l, false),
        })
        .collect();
        v.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
        v
    })
}

/// Lowercase words allowed inside a name or title in a citation ("of", "the", "and"), and the
/// surname particles ("de", "van").
pub fn is_name_connector(lower: &str) -> bool {
    crate::lexicon::in_list!("citations/name_connectors.txt", lower) || is_particle(lower)
}

/// Lowercase surname particles ("de Saussure", "van Gogh").
pub fn is_particle(lower: &str) -> bool {
    crate::lexicon::in_list!("citations/particles.txt", lower)
}

/// Month names, which make "(May 2001)" a date.
pub fn is_month(lower: &str) -> bool {
    crate::lexicon::in_list!("citations/months.txt", lower)
}

/// Words that make a run of capitalised words an organisation ("Institute", "Network").
pub fn is_organisation_word(lower: &str) -> bool {
    crate::lexicon::in_list!("citations/organisation_words.txt", lower)
}
