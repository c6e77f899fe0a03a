//! Word data compiled in from `rules/`, loaded once per process and shared by every rule.
//!
//! Every list is a plain text file in the one line grammar of `rules/README.md` (checked by
//! [`data::parse`]): one entry per line, `#` starting a comment line, `@name` a section,
//! `rule:` / `test:` / `test-silent:` lines naming the rule the file serves and example sentences
//! it must (not) report; each file's header names its source and licence.

pub mod chunk;
pub mod data;
pub mod fold;
pub mod inflect;
pub(crate) mod inplace;
pub mod lemma;
pub(crate) mod memo;
pub mod nonstandard;
pub mod reporting;
pub mod spell;
mod stems_gen;
pub mod tagger;

pub use fold::fold_accents;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// True if the word is in the compiled-in one-entry-a-line list `rules/<path>` (parsed once per
/// process into a set): `lexicon::in_list!("common/function_words.txt", w)`.
macro_rules! in_list {
    ($path:literal, $word:expr) => {{
        static SET: std::sync::OnceLock<$crate::lexicon::spell::FastSet<&'static str>> =
            std::sync::OnceLock::new();
        SET.get_or_init(|| {
            $crate::lexicon::fast_word_set(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/rules/",
                $path
            )))
        })
        .contains($word)
    }};
}
pub(crate) use in_list;

/// The fields of the keyed entries `KEY: field field …` of the compiled-in list `rules/<path>`,
/// in file order (entries with one key on several lines are joined), parsed once per process:
/// `lexicon::keyed_list!("common/number_words.txt", "units")`.
macro_rules! keyed_list {
    ($path:literal, $key:literal) => {{
        static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        LIST.get_or_init(|| {
            $crate::lexicon::keyed(
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/", $path)),
                $key,
            )
        })
        .as_slice()
    }};
}
pub(crate) use keyed_list;

/// The text of a compiled-in data file, named from the crate root (`"rules/style/redundancy.txt"`):
/// `include_str!` by `CARGO_MANIFEST_DIR`, so a file's place in `src/` never changes the path.
macro_rules! data_file {
    ($path:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $path))
    };
}
pub(crate) use data_file;

/// Applies the case pattern of `like` (lower, Title, UPPER) to a lowercase word: `ITS` with
/// `it's` gives `IT'S`, `Its` gives `It's`. The one case-matching function of every rule.
pub fn match_case(like: &str, word: &str) -> String {
    let letters: Vec<char> = like.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return word.to_uppercase();
    }
    if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut cs = word.chars();
        if let Some(f) = cs.next() {
            return f.to_uppercase().chain(cs).collect();
        }
    }
    word.to_string()
}

/// The entry lines of a compiled-in list: trimmed, without blank lines, `#` comments and the
/// `rule:` / `test:` / `test-silent:` lines (see [`data`]).
pub fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !data::is_meta_line(l))
}

/// The value of `key` in a word table `build.rs` wrote with `stems_gen::build` (blob, records
/// and slots, each from `include_bytes!`): read in place, nothing parsed at start-up.
pub(crate) fn table_get(blob: &[u8], records: &[u8], slots: &[u8], key: &str) -> Option<u16> {
    stems_gen::get(blob, records, slots, key)
}

/// The fields of the keyed entries `KEY: …` of a list, in order (see [`keyed_list!`]).
pub fn keyed(src: &'static str, key: &str) -> Vec<&'static str> {
    lines(src)
        .filter_map(|l| l.split_once(':'))
        .filter(|(k, _)| k.trim() == key)
        .flat_map(|(_, rest)| rest.split_whitespace())
        .collect()
}

/// A set of lowercase words from a compiled-in list.
pub fn word_set(src: &'static str) -> HashSet<&'static str> {
    lines(src).collect()
}

/// [`word_set`] on the fast word hasher (what `in_list!` keeps).
pub fn fast_word_set(src: &'static str) -> spell::FastSet<&'static str> {
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
        lines(crate::lexicon::data_file!("rules/common/abbreviations.txt"))
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
    static SET: OnceLock<spell::FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        fast_word_set(crate::lexicon::data_file!(
            "rules/common/function_words.txt"
        ))
    })
    .contains(word)
}

/// Headings that open a works-cited list, as written or normalised (lowercase): also with an
/// enumerator or appendix label before ("7. Reference", "G: Literature Cited", "APPENDIX 1:
/// REFERENCES"), a parenthetical after ("References (Outside of Class)"), or two list names
/// joined ("References and Bibliography").
pub fn is_references_heading(title: &str) -> bool {
    static LEAD: OnceLock<regex::Regex> = OnceLock::new();
    static TAIL: OnceLock<regex::Regex> = OnceLock::new();
    let lead = LEAD.get_or_init(|| {
        regex::Regex::new(
            r"^(?:(?:appendix|annex|annexe|section|part)\s*(?:[0-9]+|[ivxlc]+|[a-z])?\s*[.:)\-–—]?\s*|(?:[0-9]+(?:\.[0-9]+)*|[ivxlc]+|[a-z])\s*[.:)\-–—]\s*|[0-9]+\s+)",
        )
        .expect("valid regex")
    });
    let tail =
        TAIL.get_or_init(|| regex::Regex::new(r"\s*[(\[][^)\]]*[)\]]$").expect("valid regex"));
    let t = title
        .trim()
        .trim_matches(|c: char| matches!(c, '#' | '*' | '_' | '=' | ' '))
        .to_lowercase();
    let t = t.trim_end_matches([':', '.', ' ']);
    if is_list_name(t) {
        return true;
    }
    let t = lead.replace(t, "");
    let t = tail.replace(&t, "");
    let t = t.trim().trim_end_matches([':', '.', ' ']);
    if t.is_empty() {
        return false;
    }
    let joined = t.contains([',', '&', '/', '+']) || t.contains(" and ");
    is_list_name(t)
        || (joined
            && t.split([',', '&', '/', '+'])
                .flat_map(|p| p.split(" and "))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .all(is_list_name))
}

/// The name of a works-cited list, lowercase.
fn is_list_name(title: &str) -> bool {
    crate::lexicon::in_list!("common/references_headings.txt", title)
}

/// True if the word is in the (US) dictionary, in any capitalisation the dictionary allows.
pub fn is_dictionary_word(word: &str) -> bool {
    spell::lookup::check_us(word)
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
