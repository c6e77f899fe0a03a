//! Rules of the `names` category.

use crate::rule::Rule;

pub mod name_variant;

pub const RULES: &[&dyn Rule] = &[&name_variant::NameVariant];
