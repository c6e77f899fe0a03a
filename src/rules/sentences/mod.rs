//! Rules of the `sentences` category.

use crate::rule::Rule;

pub mod article;
pub mod comma_splice;
pub mod confusable;
pub mod double_negative;
pub mod doubled_punctuation;
pub mod fragment;
pub mod long_sentence;
pub mod missing_space;
pub mod run_on;
pub mod space_before_punctuation;
pub mod unbalanced_bracket;
pub mod unbalanced_quote;

pub const RULES: &[&dyn Rule] = &[
    &long_sentence::LongSentence,
    &confusable::Confusable,
    &article::Article,
    &unbalanced_quote::UnbalancedQuote,
    &unbalanced_bracket::UnbalancedBracket,
    &space_before_punctuation::SpaceBeforePunctuation,
    &doubled_punctuation::DoubledPunctuation,
    &missing_space::MissingSpace,
    &comma_splice::CommaSplice,
    &run_on::RunOn,
    &fragment::Fragment,
    &double_negative::DoubleNegative,
];
