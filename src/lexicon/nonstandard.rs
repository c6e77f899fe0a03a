//! Nonstandard word forms and their standard equivalents (`grinded` → `ground`), from
//! `rules/spelling/nonstandard.txt`. Read by `nonstandard-form`, and by `typo` so that it leaves
//! them to that rule.

use crate::lexicon;
use crate::lexicon::spell::FastMap;
use std::sync::OnceLock;

/// One entry of the nonstandard list.
#[derive(Debug)]
pub struct Entry {
    pub standard: &'static str,
    pub advice: bool,
    /// Silent when one of these words follows.
    pub not_before: Vec<&'static str>,
}

/// The entry for a lowercase word, if it is a nonstandard form.
pub fn lookup(lower: &str) -> Option<&'static Entry> {
    static MAP: OnceLock<FastMap<&'static str, Entry>> = OnceLock::new();
    MAP.get_or_init(|| {
        lexicon::lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/spelling/nonstandard.txt"
        )))
        .filter_map(|l| {
            let (main, cond) = match l.split_once(';') {
                Some((m, c)) => (m.trim(), c.trim()),
                None => (l, ""),
            };
            let (wrong, right) = main.split_once("->")?;
            let right = right.trim();
            let (right, advice) = match right.strip_suffix('?') {
                Some(r) => (r.trim(), true),
                None => (right, false),
            };
            let not_before = cond
                .strip_prefix("not before:")
                .map(|w| w.split_whitespace().collect())
                .unwrap_or_default();
            Some((
                wrong.trim(),
                Entry {
                    standard: right,
                    advice,
                    not_before,
                },
            ))
        })
        .collect()
    })
    .get(lower)
}
