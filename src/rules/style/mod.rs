//! Rules of the `style` category.

use crate::rule::Rule;

pub mod passive_voice;

pub const RULES: &[&dyn Rule] = &[&passive_voice::PassiveVoice];
