//! Output renderers: one file per format. Each returns the text to print; none prints.

pub mod concise;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sanitize;
pub mod sarif;
pub mod statistics;
pub mod stream;

use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::engine::Report;
use std::collections::BTreeMap;

/// One checked file, as the renderers see it.
pub struct FileReport<'a> {
    /// The path as the user gave it (`-` for standard input).
    pub path: &'a str,
    pub report: &'a Report,
}

impl FileReport<'_> {
    /// True if spans and lines refer to text essaylint extracted (a DOCX file), not to the
    /// file's own bytes: such files are never fixed.
    pub fn is_extracted(&self) -> bool {
        crate::input::Format::from_path(std::path::Path::new(self.path))
            .is_some_and(|f| !f.is_text())
    }
}

/// "did you mean `x`?", "delete it", or nothing: a diagnostic's suggestions in words.
pub fn suggestion_text(d: &Diagnostic) -> Option<String> {
    match d.suggestions.as_slice() {
        [] => None,
        [one] if one.is_empty() => Some("delete it".to_string()),
        [one] => Some(format!("did you mean `{one}`?")),
        many => Some(format!(
            "did you mean {}?",
            many.iter()
                .take(5)
                .map(|s| if s.is_empty() {
                    "(delete it)".to_string()
                } else {
                    format!("`{s}`")
                })
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Counts over all files, by severity and category.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub diagnostics: usize,
    pub errors: usize,
    pub warnings: usize,
    pub advice: usize,
    pub by_category: BTreeMap<&'static str, usize>,
}

impl Summary {
    pub fn of<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>, files: usize) -> Summary {
        let mut s = Summary {
            files,
            ..Default::default()
        };
        for d in diags {
            s.diagnostics += 1;
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Advice => s.advice += 1,
            }
            *s.by_category.entry(d.category.as_str()).or_default() += 1;
        }
        s
    }

    /// Adds another summary's counts (and files) to this one.
    pub fn add(&mut self, other: &Summary) {
        self.files += other.files;
        self.diagnostics += other.diagnostics;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.advice += other.advice;
        for (k, n) in &other.by_category {
            *self.by_category.entry(k).or_default() += n;
        }
    }

    /// True if a diagnostic at `level` or above was counted.
    pub fn reaches(&self, level: Severity) -> bool {
        match level {
            Severity::Error => self.errors > 0,
            Severity::Warning => self.errors + self.warnings > 0,
            Severity::Advice => self.diagnostics > 0,
        }
    }

    pub fn for_files(files: &[FileReport<'_>]) -> Summary {
        Summary::of(
            files.iter().flat_map(|f| f.report.diagnostics.iter()),
            files.len(),
        )
    }

    /// "14 problems (0 errors, 5 warnings, 9 advice): spelling 2, names 1, …"
    pub fn line(&self) -> String {
        if self.diagnostics == 0 {
            return "no problems found".to_string();
        }
        let mut s = format!(
            "{} problem{} ({} error{}, {} warning{}, {} advice)",
            self.diagnostics,
            plural(self.diagnostics),
            self.errors,
            plural(self.errors),
            self.warnings,
            plural(self.warnings),
            self.advice
        );
        let cats: Vec<String> = Category::ALL
            .iter()
            .filter_map(|c| self.by_category.get(c.as_str()).map(|n| format!("{c} {n}")))
            .collect();
        s.push_str(": ");
        s.push_str(&cats.join(", "));
        s
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The rules whose findings make the consistency table of the JSON and HTML reports: choices
/// the essay makes by its own majority (names, spelling standards, house style).
pub const CONSISTENCY_RULES: &[&str] = &[
    "name-variant",
    "dialect-mix",
    "inconsistent-spelling",
    "term-capitalisation",
    "compound-variant",
    "dash-style",
    "quote-style",
    "percent-style",
    "number-style",
    "serial-comma",
    "abbreviation-definition",
];

/// One row of the consistency table: a rule, how many findings, and the first finding's line
/// and message.
pub fn consistency_rows(
    doc: &crate::doc::Document,
    diags: &[crate::diagnostic::Diagnostic],
) -> Vec<(&'static str, usize, usize, String)> {
    CONSISTENCY_RULES
        .iter()
        .filter_map(|&r| {
            let mut it = diags.iter().filter(|d| d.rule == r);
            let first = it.next()?;
            let n = 1 + it.count();
            Some((
                r,
                n,
                doc.line_col(first.span.start).0,
                first.message.clone(),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn consistency_rules_are_registered_rules() {
        for r in super::CONSISTENCY_RULES {
            assert!(crate::rules::find(r).is_some(), "{r} is not a rule");
        }
    }
}
