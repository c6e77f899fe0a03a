//! Rules of the `repetition` category.

use crate::rule::Rule;

pub mod doubled_word;

pub const RULES: &[&dyn Rule] = &[&doubled_word::DoubledWord];
