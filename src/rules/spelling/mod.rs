//! Rules of the `spelling` category.

use crate::rule::Rule;

pub const RULES: &[&dyn Rule] = &[];
