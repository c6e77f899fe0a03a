//! Rules of the `spelling` category. What they share is in `analysis` (`scan`, `dialect`).

use crate::rule::Rule;

pub mod dialect_mix;
pub mod hyphenation;
pub mod inconsistent_spelling;
pub mod nonstandard_form;
pub mod typo;

pub const RULES: &[&dyn Rule] = &[
    &typo::Typo,
    &nonstandard_form::NonstandardForm,
    &hyphenation::Hyphenation,
    &dialect_mix::DialectMix,
    &inconsistent_spelling::InconsistentSpelling,
];
