//! Rules of the `style` category.

use crate::rule::Rule;

pub mod passive_voice;
pub mod redundancy;

pub const RULES: &[&dyn Rule] = &[&passive_voice::PassiveVoice, &redundancy::Redundancy];
