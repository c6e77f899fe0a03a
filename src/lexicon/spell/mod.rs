//! Spelling knowledge shared by the `spelling` rules, one idea a file:
//!
//! - [`lookup`]: the Hunspell dictionaries (US, GB, CA, AU), expanded at build time by
//!   `generate.rs` into an `fst` map, and the VARCON variant table ([`variants`]);
//! - [`shape`]: the case pattern of a word, its script, Roman numerals, accents;
//! - [`derive`]: words formed from dictionary words by English rules (affixes, inflections
//!   spelled by the rules of orthography, compounds, national variants), old spellings;
//! - [`suggest`]: ranked corrections (a noisy-channel score over a precomputed index);
//! - here: known human misspellings (the typos-dict crate and `rules/spelling/misspellings.txt`)
//!   and the word hasher the rules share.
//!
//! Nothing is parsed at run time but the small text lists; checking a word is an `fst` look-up
//! or two.

pub mod context;
pub mod derive;
mod format;
pub mod lookup;
pub mod shape;
pub mod suggest;
pub mod variants;

pub use derive::{classify, is_archaic_spelling, is_early_modern_spelling, is_prefix, Known};
pub use lookup::{check, has_capitalised_entry};
pub use shape::{is_latin_word, is_roman_numeral, shape, Shape};
// One `match_case` for every rule: it lives in `lexicon`.
pub use crate::lexicon::match_case;
pub use suggest::{suggest, Suggestion};

use crate::lexicon;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A fast non-cryptographic hasher for word keys (rustc's Fx hash, from `rustc-hash`): the
/// spelling rules hash every word of the essay a few times, and SipHash dominated their cost.
pub type FxHasher = rustc_hash::FxHasher;

/// A hash map keyed by words, with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;
/// A hash set of words, with [`FxHasher`].
pub type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<FxHasher>>;

/// Corrections of a known human misspelling, lowercase input: essaylint's own list
/// (`rules/spelling/misspellings.txt`), then typos-dict.
pub fn known_misspelling(lower: &str) -> Option<&'static [&'static str]> {
    static OWN: OnceLock<FastMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    if !lower.is_ascii() || lower.len() < 2 {
        return None;
    }
    let own = OWN.get_or_init(|| {
        lexicon::lines(lexicon::data_file!("rules/spelling/misspellings.txt"))
            .filter_map(|l| l.split_once(" -> "))
            .map(|(a, b)| (a.trim(), b.split('|').map(str::trim).collect()))
            .collect()
    });
    if let Some(v) = own.get(lower) {
        return Some(v.as_slice());
    }
    typos_dict::WORD
        .find(&unicase::UniCase::new(lower))
        .copied()
        .filter(|c| !c.is_empty())
}

/// True for words people commonly mean to type: the corrections in the known-misspelling
/// lists (about 30,000 everyday and general academic words). A rare dictionary word one slip
/// away from an unknown word ("hornwort" for "hornworm") is weak evidence of a typo.
pub fn is_common_word(lower: &str) -> bool {
    // The typos dictionary's corrections, collected by build.rs into a table read in place.
    static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common_blob.bin"));
    static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common_records.bin"));
    static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common_slots.bin"));
    lexicon::table_get(BLOB, RECORDS, SLOTS, lower).is_some()
        || lexicon::is_function_word(lower)
        || is_prefix(lower)
}

/// True for the 30,000 most frequent words of the frequency list, and prefixes: the words the
/// speller takes for what a writer meant to type.
pub fn is_frequent_word(lower: &str) -> bool {
    suggest::is_frequent(lower) || is_prefix(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_known() {
        assert_eq!(known_misspelling("recieve"), Some(&["receive"][..]));
        assert_eq!(known_misspelling("receive"), None);
        assert_eq!(known_misspelling("東京"), None);
    }

    #[test]
    fn common_words() {
        assert!(is_common_word("government") && is_common_word("the"));
        assert!(!is_common_word("hornwort"));
    }
}
