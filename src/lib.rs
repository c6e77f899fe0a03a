//! essaylint: an essay quality linter.
//!
//! The library reads an essay into a shared [`doc::Document`] model, runs the enabled
//! [`rule::Rule`]s over it and renders the [`diagnostic::Diagnostic`]s; it never prints.
//! The `essaylint` binary is a thin command line on top.

pub mod analysis;
pub mod config;
pub mod diagnostic;
pub mod doc;
pub mod engine;
pub mod fix;
pub mod input;
#[doc(hidden)]
pub mod invariants;
pub mod lexicon;
pub mod lsp;
pub mod output;
pub mod rewrite;
pub mod rule;
pub mod rules;

// The analyses' old paths, kept while branches written before the analysis layer merge.
pub use analysis::{citations, names, stats};

pub use config::Config;
pub use diagnostic::{Category, Diagnostic, Severity};
pub use doc::{Document, Source, Span};
pub use engine::{check, lint, Report};
