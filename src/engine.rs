//! Runs the enabled rules over a document and applies the configured levels.

use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, Source};
use crate::rule::Context;
use crate::rules;
use crate::stats::Stats;

/// The result of linting one text.
#[derive(Debug)]
pub struct Report {
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
    pub stats: Stats,
}

/// Builds the model of `source` and lints it.
pub fn check(source: Source, config: &Config) -> Report {
    let document = Document::build(source);
    let diagnostics = lint(&document, config);
    let stats = Stats::compute(&document);
    Report {
        document,
        diagnostics,
        stats,
    }
}

/// Runs every enabled rule over the document; diagnostics come back sorted by position.
pub fn lint(doc: &Document, config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in rules::all() {
        let meta = r.meta();
        let level = config.level(meta.name, meta.category);
        let forced = match level {
            Some(Level::Off) => continue,
            Some(Level::On(s)) => Some(s),
            None if meta.default_off => continue,
            None => None,
        };
        let start = out.len();
        r.check(&Context::new(doc, config, meta), &mut out);
        if let Some(s) = forced {
            for d in &mut out[start..] {
                d.severity = s;
            }
        }
    }
    if !doc.suppressions.is_empty() {
        out.retain(|d| !doc.is_suppressed(d.rule, d.category.as_str(), d.span));
    }
    out.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    out
}
