//! Analyses computed once per document and shared by several rules.

pub mod syntax;
