//! Rules of the `sentences` category.

use crate::rule::Rule;

pub mod article;
pub mod confusable;
pub mod ctx;
pub mod long_sentence;

pub const RULES: &[&dyn Rule] = &[&long_sentence::LongSentence, &confusable::Confusable, &article::Article];
