//! What a rule reports.

use crate::doc::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Consider it: style, or a rule unsure of itself.
    Advice,
    /// The text is probably wrong.
    Warning,
    /// The text is wrong.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Advice => "advice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "advice" => Some(Severity::Advice),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Spelling,
    Names,
    Repetition,
    Citations,
    Sentences,
    Capitalisation,
    Style,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Spelling,
        Category::Names,
        Category::Repetition,
        Category::Citations,
        Category::Sentences,
        Category::Capitalisation,
        Category::Style,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Spelling => "spelling",
            Category::Names => "names",
            Category::Repetition => "repetition",
            Category::Citations => "citations",
            Category::Sentences => "sentences",
            Category::Capitalisation => "capitalisation",
            Category::Style => "style",
        }
    }
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary location that explains a diagnostic (the first use of a word, the majority
/// spelling, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// One text replacement. A fix is a set of non-overlapping edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// Replacement texts for `span`, best first.
    pub suggestions: Vec<String>,
    pub related: Vec<Related>,
    /// A safe automatic fix, applied by `--fix`; `None` when a person must decide.
    pub fix: Option<Vec<Edit>>,
}

impl Diagnostic {
    pub fn new(
        rule: &'static str,
        category: Category,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            category,
            severity,
            message: message.into(),
            span,
            suggestions: Vec::new(),
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn suggest(mut self, s: impl Into<String>) -> Self {
        self.suggestions.push(s.into());
        self
    }

    pub fn related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }

    /// A safe fix that replaces `span` with `replacement`.
    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix.get_or_insert_with(Vec::new).push(Edit {
            span,
            replacement: replacement.into(),
        });
        self
    }
}
