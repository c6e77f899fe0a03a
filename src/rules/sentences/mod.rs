//! Rules of the `sentences` category.

use crate::rule::Rule;

pub mod long_sentence;

pub const RULES: &[&dyn Rule] = &[&long_sentence::LongSentence];
