//! Runs the enabled rules over a document and applies the configured levels.

use crate::analysis::stats::Stats;
use crate::analysis::{self, Analyses};
use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, Source};
use crate::rule::Context;
use crate::rules;

/// The result of linting one text.
#[derive(Debug)]
pub struct Report {
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
    pub stats: Stats,
}

/// Builds the model of `source` (with its citations) and lints it.
pub fn check(source: Source, config: &Config) -> Report {
    let document = analysis::build(source);
    let analyses = Analyses::new(&document, config);
    let diagnostics = lint_with(&analyses);
    let stats = Stats::compute_with(&document, analyses.passives());
    Report {
        document,
        diagnostics,
        stats,
    }
}

/// Where the time goes on `source`: building the model, then each rule on its own (each with
/// fresh analyses, so a rule is charged for the analyses it reads). For benchmarks.
pub fn profile(source: Source, config: &Config) -> Vec<(&'static str, std::time::Duration)> {
    let t = std::time::Instant::now();
    let doc = analysis::build(source);
    let mut rows = vec![("document model", t.elapsed())];
    for r in rules::all() {
        let t = std::time::Instant::now();
        let mut out = Vec::new();
        r.check(&Context::new(&doc, config, r.meta()), &mut out);
        rows.push((r.meta().name, t.elapsed()));
    }
    rows
}

/// Runs every enabled rule over the document; diagnostics come back sorted by position.
pub fn lint(doc: &Document, config: &Config) -> Vec<Diagnostic> {
    lint_with(&Analyses::new(doc, config))
}

/// [`lint`] reading the shared analyses of `doc` (each computed once, whichever rule asks first).
pub fn lint_with<'a>(analyses: &'a Analyses<'a>) -> Vec<Diagnostic> {
    let (doc, config) = (analyses.doc(), analyses.config());
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
        r.check(&Context::with_analyses(analyses, meta), &mut out);
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
