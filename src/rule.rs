//! The rule engine: the [`Rule`] trait, rule metadata and the context a rule runs in.
//!
//! A rule is a function of the shared document model and its configuration that returns
//! diagnostics. Each rule lives in its own file under `src/rules/<category>/`, starting with a
//! doc comment (What it does / Why it matters / Example / Options) that `essaylint explain`
//! prints; [`rule_source!`] hands that file's text to the rule's metadata.

use crate::config::{Config, OptValue};
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::doc::{Document, Span};

/// The type of a rule option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    Int,
    Float,
    Bool,
    Str,
    List,
}

impl OptionKind {
    pub fn describe(self) -> &'static str {
        match self {
            OptionKind::Int => "an integer",
            OptionKind::Float => "a number",
            OptionKind::Bool => "true or false",
            OptionKind::Str => "a string",
            OptionKind::List => "a list of strings",
        }
    }
}

/// An option a rule accepts in `[rules.<name>]`.
#[derive(Clone, Copy, Debug)]
pub struct RuleOption {
    pub name: &'static str,
    pub kind: OptionKind,
    pub default: &'static str,
    pub help: &'static str,
}

/// What `essaylint rules` and `explain` show, and what the config is validated against.
#[derive(Debug)]
pub struct RuleMeta {
    /// Kebab-case, unique.
    pub name: &'static str,
    pub category: Category,
    /// The severity the rule reports at by default (a rule may report lower, never higher).
    pub severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// The rule's source file; its leading `//!` comment is the documentation.
    pub source: &'static str,
    pub options: &'static [RuleOption],
    /// Off unless enabled in the configuration.
    pub default_off: bool,
}

impl RuleMeta {
    /// The rule's documentation: the leading `//!` comment of its source file.
    pub fn docs(&self) -> String {
        let mut out = String::new();
        for line in self.source.lines() {
            let t = line.trim_start();
            if let Some(rest) = t.strip_prefix("//!") {
                out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
                out.push('\n');
            } else if !t.is_empty() {
                break;
            }
        }
        out
    }
}

/// The text of the current source file, for [`RuleMeta::source`].
#[macro_export]
macro_rules! rule_source {
    () => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", file!()))
    };
}

/// A lint rule.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Appends this rule's diagnostics for the document to `out`.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// What a rule sees: the document, the configuration, and its own options.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub config: &'a Config,
    pub meta: &'static RuleMeta,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document, config: &'a Config, meta: &'static RuleMeta) -> Self {
        Context { doc, config, meta }
    }

    /// A diagnostic of this rule at its default severity.
    pub fn diag(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(
            self.meta.name,
            self.meta.category,
            self.meta.severity,
            span,
            message,
        )
    }

    /// An integer option, or its default.
    pub fn opt_int(&self, key: &str, default: i64) -> i64 {
        match self.config.option(self.meta.name, key) {
            Some(OptValue::Int(i)) => *i,
            Some(OptValue::Float(f)) => *f as i64,
            _ => default,
        }
    }

    /// A number option, or its default.
    pub fn opt_float(&self, key: &str, default: f64) -> f64 {
        match self.config.option(self.meta.name, key) {
            Some(OptValue::Float(f)) => *f,
            Some(OptValue::Int(i)) => *i as f64,
            _ => default,
        }
    }

    /// A boolean option, or its default.
    pub fn opt_bool(&self, key: &str, default: bool) -> bool {
        match self.config.option(self.meta.name, key) {
            Some(OptValue::Bool(b)) => *b,
            _ => default,
        }
    }

    /// A string option, or its default.
    pub fn opt_str(&self, key: &str, default: &'a str) -> &str {
        match self.config.option(self.meta.name, key) {
            Some(OptValue::Str(s)) => s,
            _ => default,
        }
    }

    /// A list option, or empty.
    pub fn opt_list(&self, key: &str) -> &[String] {
        match self.config.option(self.meta.name, key) {
            Some(OptValue::List(l)) => l,
            _ => &[],
        }
    }
}

/// Every rule, in registry order.
pub fn all() -> &'static [&'static dyn Rule] {
    crate::rules::all()
}

/// Looks a rule up by name.
pub fn find(name: &str) -> Option<&'static dyn Rule> {
    all().iter().copied().find(|r| r.meta().name == name)
}
