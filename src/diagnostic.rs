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
    Grammar,
    Capitalisation,
    Style,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Spelling,
        Category::Names,
        Category::Repetition,
        Category::Citations,
        Category::Sentences,
        Category::Grammar,
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
            Category::Grammar => "grammar",
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

/// How safely a fix may be applied without a person reading it (ruff's model). Ordered from
/// least to most safe, so `a >= Applicability::Unsafe` reads "at least unsafe-applicable".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown, never applied: the edit is a sketch a person must finish or judge.
    DisplayOnly,
    /// May change the meaning: shown by `--diff --unsafe`, applied by `--fix --unsafe`.
    Unsafe,
    /// Keeps the meaning: applied by `--fix`, shown by `--diff`.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

impl fmt::Display for Applicability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An automatic fix: edits that must be applied together, and how safe they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    /// True if the fix may be applied when fixes down to `threshold` are asked for.
    pub fn applies_at(&self, threshold: Applicability) -> bool {
        self.applicability != Applicability::DisplayOnly && self.applicability >= threshold
    }
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
    /// An automatic fix (`--fix` applies the safe ones); `None` when a person must decide.
    pub fix: Option<Fix>,
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

    /// A safe fix that replaces `span` with `replacement` (another call adds an edit to it).
    pub fn fix(self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix_with(Applicability::Safe, span, replacement)
    }

    /// A fix of the given applicability; edits added to one fix make it as safe as the least
    /// safe of them.
    pub fn fix_with(
        mut self,
        applicability: Applicability,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        let fix = self.fix.get_or_insert_with(|| Fix {
            edits: Vec::new(),
            applicability,
        });
        fix.applicability = fix.applicability.min(applicability);
        fix.edits.push(Edit {
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// The fix's edits (empty without a fix).
    pub fn edits(&self) -> &[Edit] {
        self.fix.as_ref().map_or(&[], |f| &f.edits)
    }
}
