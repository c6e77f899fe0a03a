//! Rules of the `names` category.

use crate::rule::Rule;

pub const RULES: &[&dyn Rule] = &[];
