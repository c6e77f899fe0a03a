//! Word data compiled in from `rules/`, loaded once per process and shared by every rule.
//!
//! Every list is a plain text file, one entry per line, `#` starting a comment line; each file's
//! header names its source and licence.

pub mod lemma;
pub mod nonstandard;
pub mod spell;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Lines of a compiled-in list: trimmed, without blank lines and `#` comments.
pub fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A set of lowercase words from a compiled-in list.
pub fn word_set(src: &'static str) -> HashSet<&'static str> {
    lines(src).collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbrev {
    /// Never ends a sentence (Dr., e.g.).
    Always,
    /// Ends a sentence when a capitalised word follows (etc., al.).
    MayEnd,
    /// An abbreviation only before a number (No. 5, Fig. 2).
    BeforeNumber,
}

/// Looks up a lowercase word in the abbreviation list.
pub fn abbreviation(word: &str) -> Option<Abbrev> {
    static MAP: OnceLock<HashMap<&'static str, Abbrev>> = OnceLock::new();
    MAP.get_or_init(|| {
        lines(include_str!("../../rules/common/abbreviations.txt"))
            .map(|l| {
                if let Some(w) = l.strip_suffix('*') {
                    (w, Abbrev::MayEnd)
                } else if let Some(w) = l.strip_suffix('#') {
                    (w, Abbrev::BeforeNumber)
                } else {
                    (l, Abbrev::Always)
                }
            })
            .collect()
    })
    .get(word)
    .copied()
}

/// True for determiners, pronouns, prepositions, conjunctions and auxiliaries (lowercase input).
pub fn is_function_word(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_set(include_str!("../../rules/common/function_words.txt")))
        .contains(word)
}

/// Headings that open a works-cited list (lowercase, trimmed).
pub fn is_references_heading(title: &str) -> bool {
    matches!(
        title,
        "works cited"
            | "work cited"
            | "references"
            | "reference"
            | "reference list"
            | "bibliography"
            | "literature cited"
            | "literature"
            | "sources"
            | "sources cited"
            | "works consulted"
            | "cited works"
            | "citations"
            | "references cited"
            | "selected bibliography"
            | "notes and references"
            | "works cited page"
            | "works cited list"
            | "list of works cited"
            | "list of references"
            | "reference page"
            | "references page"
            | "sources used"
            | "sources consulted"
            | "cited literature"
            | "works referenced"
            | "bibliography and works cited"
    )
}

/// The compiled-in English dictionaries (Hunspell, SCOWL-based).
pub struct Dictionaries {
    pub en_us: spellbook::Dictionary,
}

/// The dictionaries, parsed once per process on first use.
pub fn dictionaries() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| Dictionaries {
        en_us: spellbook::Dictionary::new(
            include_str!("../../rules/dict/en_US.aff"),
            include_str!("../../rules/dict/en_US.dic"),
        )
        .expect("the compiled-in en_US dictionary parses"),
    })
}

/// True if the word is in the (US) dictionary, in any capitalisation the dictionary allows.
pub fn is_dictionary_word(word: &str) -> bool {
    dictionaries().en_us.check(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert_eq!(abbreviation("dr"), Some(Abbrev::Always));
        assert_eq!(abbreviation("etc"), Some(Abbrev::MayEnd));
        assert_eq!(abbreviation("no"), Some(Abbrev::BeforeNumber));
        assert!(is_function_word("the"));
        assert!(!is_function_word("stalin"));
    }

    #[test]
    fn dictionary_checks() {
        assert!(is_dictionary_word("receive"));
        assert!(is_dictionary_word("Receive"));
        assert!(!is_dictionary_word("recieve"));
    }
}
pub mod pos;
