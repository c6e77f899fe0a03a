//! Rules of the `style` category.

use crate::rule::Rule;

pub mod passive_voice;
pub mod redundancy;
pub mod unclosed_markup;

pub const RULES: &[&dyn Rule] = &[
    &passive_voice::PassiveVoice,
    &redundancy::Redundancy,
    &unclosed_markup::UnclosedMarkup,
];
