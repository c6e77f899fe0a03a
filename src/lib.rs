//! essaylint: an essay quality linter.
//!
//! The library reads an essay ([`input`]) into a document model, runs the enabled rules over it
//! ([`check`]) and renders the [`Diagnostic`]s ([`output`]); it never prints. The `essaylint`
//! binary is a thin command line on top. The public API is this facade: checking a text, the
//! configuration, the report and its diagnostics, input loading, fixing, output rendering, the
//! rule catalogue (listing and `explain`), the name and citation tables and the language server.
//! Everything else is private to the crate.

pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod input;
pub mod output;

pub(crate) mod analysis;
pub(crate) mod doc;
pub(crate) mod engine;
pub(crate) mod invariants;
pub(crate) mod lexicon;
pub(crate) mod lsp;
pub(crate) mod rewrite;
pub(crate) mod rule;
pub(crate) mod rules;

pub use config::{Config, ConfigError, Level};
pub use diagnostic::{Applicability, Category, Diagnostic, Severity};
pub use doc::{Document, Source, Span};
pub use engine::{check, lint, profile, Report};
pub use lsp::serve as serve_lsp;

/// The rule catalogue: every rule with its declaration (name, category, severity, options,
/// fix safety, documentation), lookup by name for `explain`, the README's rule table, and the
/// configuration readers, which validate a file's rule tables against the catalogue.
pub mod catalog {
    pub use crate::rule::{OptionKind, Rule, RuleMeta, RuleOption};
    pub use crate::rules::{all, discover_config, find, load_config, markdown_table, parse_config};
}

/// Reads a source into the document model (structure, then the citations found in it).
pub fn document(source: Source) -> Document {
    analysis::build(source)
}

/// `essaylint names`: the table of the names an essay uses and their spellings.
pub fn names_table(source: Source, config: &Config, title: &str) -> String {
    analysis::names::render_table(&analysis::build(source), config, title)
}

/// `essaylint citations`: the table of an essay's citations and works-cited entries.
pub fn citations_table(source: Source, config: &Config) -> String {
    analysis::citations::table(&analysis::build(source), config)
}

/// Support for the project's own integration tests and fuzzers; not part of the API.
#[doc(hidden)]
pub mod testing {
    pub use crate::analysis::names;
    pub use crate::invariants::{check_fix, check_input};
    /// The spelling knowledge (dictionaries, derivation, suggestions), for tests and probes.
    pub use crate::lexicon::spell;
    pub use crate::lexicon::{data, is_dictionary_word};

    /// The document model of a plain text (the name-recall test drives the names analysis).
    pub fn from_text(text: impl Into<String>) -> crate::Document {
        crate::analysis::build(crate::Source::plain(text))
    }
}
