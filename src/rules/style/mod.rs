//! Rules of the `style` category.

use crate::rule::Rule;

pub const RULES: &[&dyn Rule] = &[];
