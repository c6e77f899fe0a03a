//! Rules of the `spelling` category, and what they share (`scan`).

use crate::rule::Rule;

pub mod dialect_mix;
pub mod hyphenation;
pub mod inconsistent_spelling;
pub mod nonstandard_form;
pub mod scan;
pub mod typo;

pub use nonstandard_form as nonstandard;

pub const RULES: &[&dyn Rule] = &[
    &typo::Typo,
    &nonstandard_form::NonstandardForm,
    &hyphenation::Hyphenation,
    &dialect_mix::DialectMix,
    &inconsistent_spelling::InconsistentSpelling,
];
