//! Rules of the `citations` category.

use crate::rule::Rule;

pub const RULES: &[&dyn Rule] = &[];
