//! The rule registry: one module per category, one file per rule.

use crate::rule::Rule;
use std::sync::OnceLock;

pub mod capitalisation;
pub mod citations;
pub mod names;
pub mod repetition;
pub mod sentences;
pub mod spelling;
pub mod style;

/// Every rule, category by category.
pub fn all() -> &'static [&'static dyn Rule] {
    static ALL: OnceLock<Vec<&'static dyn Rule>> = OnceLock::new();
    ALL.get_or_init(|| {
        [
            spelling::RULES,
            names::RULES,
            repetition::RULES,
            citations::RULES,
            sentences::RULES,
            capitalisation::RULES,
            style::RULES,
        ]
        .concat()
    })
}
