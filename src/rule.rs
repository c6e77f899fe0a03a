//! The rule engine: the [`Rule`] trait, rule metadata, the context a rule runs in, and the
//! declaration macros.
//!
//! A rule lives in its own file under `src/rules/<category>/` and is declared once with
//! [`declare_rule!`]: its doc comment (What it does / Why it matters / Example / Options /
//! Fix safety), captured at compile time, is what `essaylint explain` prints; the declaration
//! also names the rule, its category, default severity, summary, fix availability and typed
//! options with their defaults. The rule then implements [`Rule::check`].

use crate::analysis::{self, Analyses};
use crate::config::{Config, OptValue};
use crate::diagnostic::{Applicability, Category, Diagnostic, Severity};
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

    /// True if a configured value is of this kind (an integer passes for a number).
    pub fn accepts(self, v: &OptValue) -> bool {
        matches!(
            (self, v),
            (OptionKind::Int, OptValue::Int(_))
                | (OptionKind::Float, OptValue::Float(_) | OptValue::Int(_))
                | (OptionKind::Bool, OptValue::Bool(_))
                | (OptionKind::Str, OptValue::Str(_))
                | (OptionKind::List, OptValue::List(_))
        )
    }
}

/// The Rust types an option field may have, and the kind each one is configured as.
pub trait OptionType {
    const KIND: OptionKind;
}
impl OptionType for i64 {
    const KIND: OptionKind = OptionKind::Int;
}
impl OptionType for f64 {
    const KIND: OptionKind = OptionKind::Float;
}
impl OptionType for bool {
    const KIND: OptionKind = OptionKind::Bool;
}
impl OptionType for String {
    const KIND: OptionKind = OptionKind::Str;
}
impl OptionType for Vec<String> {
    const KIND: OptionKind = OptionKind::List;
}

/// An option a rule accepts in `[rules.<name>]`, as declared by its options struct.
#[derive(Clone, Debug)]
pub struct RuleOption {
    /// Kebab-case, as written in the configuration.
    pub name: String,
    pub kind: OptionKind,
    /// The default value, as TOML would write it.
    pub default: String,
    pub help: &'static str,
}

/// A typed options struct, declared inside [`declare_rule!`]: a serde struct whose `Default` is
/// the declared defaults.
pub trait RuleOptions: Default + serde::de::DeserializeOwned {
    /// The options, in declaration order.
    fn fields() -> Vec<RuleOption>;

    /// The options configured for `rule`, each missing one at its default. A value of the wrong
    /// type (possible only in a configuration built in code: files are validated) is ignored.
    fn from_config(config: &Config, rule: &str) -> Self {
        let Some(table) = config.options_of(rule) else {
            return Self::default();
        };
        let mut map = serde_json::Map::new();
        for o in Self::fields() {
            if let Some(v) = table.get(&o.name).filter(|v| o.kind.accepts(v)) {
                map.insert(o.name.clone(), v.to_json());
            }
        }
        serde_json::from_value(serde_json::Value::Object(map)).unwrap_or_default()
    }
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
    /// The rule's doc comment, as captured by [`declare_rule!`] (each line keeps the space after
    /// `///`).
    pub doc: &'static str,
    /// The options the rule takes (see [`RuleOptions::fields`]).
    pub options: fn() -> Vec<RuleOption>,
    /// The safest fix the rule offers, or `None` if it never fixes.
    pub fix: Option<Applicability>,
    /// Off unless enabled in the configuration.
    pub default_off: bool,
}

impl RuleMeta {
    /// The rule's documentation, in Markdown.
    pub fn docs(&self) -> String {
        let mut out = String::new();
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The options the rule takes.
    pub fn options(&self) -> Vec<RuleOption> {
        (self.options)()
    }
}

/// For [`RuleMeta::options`] of a rule without options.
pub fn no_options() -> Vec<RuleOption> {
    Vec::new()
}

/// Declares a rule once: its doc comment, name, category, default severity, summary, fix
/// availability and (optionally) typed options with their defaults.
///
/// ```ignore
/// crate::rule::declare_rule! {
///     /// # long-sentence
///     ///
///     /// **What it does.** … **Options.** … **Fix safety.** …
///     pub struct LongSentence {
///         name: "long-sentence",
///         category: Sentences,
///         severity: Advice,
///         summary: "a sentence over the word limit (40 by default)",
///         fix: None,                      // or Safe, Unsafe, DisplayOnly: the safest it offers
///         default_off: false,             // optional
///         options: LongSentenceOptions {  // optional; read with `Self::options(cx)`
///             /// the longest sentence that passes
///             max_words: i64 = 40,        // configured as `max-words`
///         },
///     }
/// }
///
/// impl Rule for LongSentence {
///     fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
///         let max = Self::options(cx).max_words;
///         …
///     }
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $rule:ident {
            name: $name:literal,
            category: $category:ident,
            severity: $severity:ident,
            summary: $summary:literal,
            fix: $fix:ident,
            $(default_off: $off:literal,)?
            $(options: $opts:ident {
                $( $(#[doc = $help:literal])+ $field:ident : $ty:ty = $default:expr ),* $(,)?
            },)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $rule;

        impl $crate::rule::Declared for $rule {
            fn meta(&self) -> &'static $crate::rule::RuleMeta {
                static META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
                    name: $name,
                    category: $crate::diagnostic::Category::$category,
                    severity: $crate::diagnostic::Severity::$severity,
                    summary: $summary,
                    doc: concat!($($doc, "\n"),*),
                    options: $crate::rule::declare_rule!(@options $($opts)?),
                    fix: $crate::rule::declare_rule!(@fix $fix),
                    default_off: $crate::rule::declare_rule!(@off $($off)?),
                };
                &META
            }
        }

        $(
            #[doc = concat!("The options of `", $name, "`, with their defaults.")]
            #[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
            #[serde(default, rename_all = "kebab-case", deny_unknown_fields)]
            pub struct $opts {
                $( $(#[doc = $help])+ pub $field: $ty, )*
            }

            impl Default for $opts {
                fn default() -> Self {
                    $opts { $( $field: $default.into(), )* }
                }
            }

            impl $crate::rule::RuleOptions for $opts {
                fn fields() -> Vec<$crate::rule::RuleOption> {
                    let d = <$opts as Default>::default();
                    vec![$(
                        $crate::rule::RuleOption {
                            name: stringify!($field).replace('_', "-"),
                            kind: <$ty as $crate::rule::OptionType>::KIND,
                            default: serde_json::to_string(&d.$field).unwrap_or_default(),
                            help: concat!($($help),+).trim_ascii(),
                        },
                    )*]
                }
            }

            impl $rule {
                /// This rule's options in the configuration, defaults filled in.
                #[allow(dead_code)]
                pub fn options(cx: &$crate::rule::Context<'_>) -> $opts {
                    <$opts as $crate::rule::RuleOptions>::from_config(cx.config, $name)
                }
            }
        )?
    };
    (@options) => { $crate::rule::no_options };
    (@options $opts:ident) => { <$opts as $crate::rule::RuleOptions>::fields };
    (@fix None) => { None };
    (@fix $a:ident) => { Some($crate::diagnostic::Applicability::$a) };
    (@off) => { false };
    (@off $off:literal) => { $off };
}
pub(crate) use declare_rule;

/// The metadata half of a rule, written by [`declare_rule!`].
pub trait Declared {
    fn meta(&self) -> &'static RuleMeta;
}

/// A lint rule: declared with [`declare_rule!`], judged by [`Rule::check`].
pub trait Rule: Declared + Send + Sync {
    /// Appends this rule's diagnostics for the document to `out`.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// What a rule sees: the document, the configuration, its own declaration, and the shared
/// analyses of the document (`cx.scan()`, `cx.words()`, …), each computed at most once per
/// document however many rules ask.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub config: &'a Config,
    pub meta: &'static RuleMeta,
    analyses: Shared<'a>,
}

/// The analyses a context reads: the engine's, shared by every rule, or a context's own.
enum Shared<'a> {
    Borrowed(&'a Analyses<'a>),
    Owned(Box<Analyses<'a>>),
}

impl<'a> Context<'a> {
    /// A context with analyses of its own (for a rule run alone, as in a test).
    pub fn new(doc: &'a Document, config: &'a Config, meta: &'static RuleMeta) -> Self {
        Context {
            doc,
            config,
            meta,
            analyses: Shared::Owned(Box::new(Analyses::new(doc, config))),
        }
    }

    /// A context reading analyses shared with other rules (what the engine does).
    pub fn with_analyses(analyses: &'a Analyses<'a>, meta: &'static RuleMeta) -> Self {
        Context {
            doc: analyses.doc(),
            config: analyses.config(),
            meta,
            analyses: Shared::Borrowed(analyses),
        }
    }

    /// The shared analyses of the document.
    pub fn analyses(&self) -> &Analyses<'a> {
        match &self.analyses {
            Shared::Borrowed(a) => a,
            Shared::Owned(a) => a,
        }
    }

    /// Per-token facts for the spelling rules (see [`analysis::scan`]).
    pub fn scan(&self) -> &analysis::scan::Scan {
        self.analyses().scan()
    }

    /// Word forms, lemmas and counts (see [`analysis::words`]).
    pub fn words(&self) -> &analysis::words::Words {
        self.analyses().words()
    }

    /// Citations indexed by sentence (see [`analysis::citations::coverage`]).
    pub fn cite_index(&self) -> &analysis::citations::coverage::CiteIndex {
        self.analyses().cite_index()
    }

    /// The dialect evidence and the essay's dialect (see [`analysis::dialect`]).
    pub fn dialect(&self) -> &analysis::dialect::Analysis<'a> {
        self.analyses().dialect()
    }

    /// The essay's names, grouped by spelling (see [`analysis::names`]).
    pub fn names(&self) -> &analysis::names::Analysis {
        self.analyses().names()
    }

    /// Part-of-speech tags of every prose token (see `analysis::syntax`).
    pub fn syntax(&self) -> &analysis::syntax::Syntax {
        self.analyses().syntax()
    }

    /// Every prose sentence, tagged, computed once (see `analysis::syntax::tagged`).
    pub fn tagged(&self) -> &[analysis::syntax::Tagged<'a>] {
        self.analyses().tagged()
    }

    /// How the essay writes each word: lowercase, capitalised (see `analysis::case_usage`).
    pub fn case_usage(&self) -> &analysis::case_usage::CaseUsages<'a> {
        self.analyses().case_usage()
    }

    /// How many citations of each family the essay has (see `analysis::citations`).
    pub fn citation_family_counts(&self) -> &[(analysis::citations::Family, usize)] {
        self.analyses().citation_family_counts()
    }

    /// The essay's citation family: the configured style, else its majority.
    pub fn citation_family(&self) -> Option<analysis::citations::Family> {
        self.analyses().citation_family()
    }

    /// The first passive verb group of each sentence, indexed like `doc.sentences`.
    pub fn passives(&self) -> &[Option<analysis::passive::Passive>] {
        self.analyses().passives()
    }

    /// Every sentence of running prose, as a token view with lowercase text and tags (see
    /// [`analysis::sentence`]).
    pub fn sentences(&self) -> impl Iterator<Item = analysis::sentence::Sent<'a>> + 'a {
        analysis::sentence::Sent::prose(self.doc)
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
}

/// Runs one rule over a text with the default configuration: the document and what the rule
/// reported (for the rules' unit tests).
#[cfg(test)]
pub(crate) fn run_rule<R: Rule>(rule: &R, text: &str) -> (crate::doc::Document, Vec<Diagnostic>) {
    let doc = crate::analysis::from_text(text);
    let config = crate::config::Config::default();
    let mut out = Vec::new();
    rule.check(&Context::new(&doc, &config, rule.meta()), &mut out);
    (doc, out)
}
