//! The rule registry: one module per category, one file per rule. [`all`] lists every rule,
//! [`find`] looks one up, and [`validate`] checks a configuration's `[rules]` tables against
//! the rules' declarations.

use crate::config::{Config, ConfigError};
use crate::diagnostic::Category;
use crate::rule::Rule;
use std::path::Path;
use std::sync::OnceLock;

pub mod capitalisation;
pub mod citations;
pub mod grammar;
pub mod names;
pub mod repetition;
pub mod sentences;
pub mod spelling;
pub mod style;

/// Every rule, category by category.
pub fn all() -> &'static [&'static dyn Rule] {
    static ALL: OnceLock<Vec<&'static dyn Rule>> = OnceLock::new();
    ALL.get_or_init(|| {
        [
            spelling::RULES,
            names::RULES,
            repetition::RULES,
            citations::RULES,
            sentences::RULES,
            grammar::RULES,
            capitalisation::RULES,
            style::RULES,
        ]
        .concat()
    })
}

/// Looks a rule up by name.
pub fn find(name: &str) -> Option<&'static dyn Rule> {
    all().iter().copied().find(|r| r.meta().name == name)
}

/// The rule table in Markdown, as `essaylint rules --markdown` prints it and the README holds
/// it: name, category, default severity, fix, summary.
pub fn markdown_table() -> String {
    let mut out =
        String::from("| rule | category | default | fix | summary |\n|---|---|---|---|---|\n");
    for r in all() {
        let m = r.meta();
        out.push_str(&format!(
            "| `{}` | {} | {}{} | {} | {} |\n",
            m.name,
            m.category,
            m.severity,
            if m.default_off {
                " (off by default)"
            } else {
                ""
            },
            m.fix.map_or("—", |a| a.as_str()),
            m.summary.replace('|', "\\|"),
        ));
    }
    out
}

/// Checks the configuration's `[rules]` entries against the registry: every name is a rule or a
/// category, only rules take option tables, and every option is one the rule declares, of its
/// declared type. The first problem is returned, naming the file and line.
pub fn validate(config: &Config) -> Result<(), ConfigError> {
    for layer in config.layers() {
        validate_layer(layer)?;
    }
    Ok(())
}

fn validate_layer(config: &Config) -> Result<(), ConfigError> {
    for entry in config.rule_entries() {
        let name = entry.name.as_str();
        let rule = find(name);
        if rule.is_none() && Category::parse(name).is_none() {
            return Err(config.error(
                entry.line,
                format!("unknown rule or category `{name}` (see `essaylint rules`)"),
            ));
        }
        if !entry.table {
            continue;
        }
        let Some(rule) = rule else {
            return Err(config.error(
                entry.line,
                format!("`{name}` is a category: it takes a level, not options"),
            ));
        };
        let declared = rule.meta().options();
        let values = config.options_of(name);
        for (k, line) in &entry.options {
            let Some(decl) = declared.iter().find(|o| &o.name == k) else {
                let known: Vec<&str> = declared.iter().map(|o| o.name.as_str()).collect();
                return Err(config.error(
                    *line,
                    format!(
                        "unknown option `{k}` for rule `{name}` (it takes: level{}{})",
                        if known.is_empty() { "" } else { ", " },
                        known.join(", ")
                    ),
                ));
            };
            if !values
                .and_then(|m| m.get(k))
                .is_some_and(|v| decl.kind.accepts(v))
            {
                return Err(config.error(
                    *line,
                    format!("option `{name}.{k}` must be {}", decl.kind.describe()),
                ));
            }
            if let Some(shown) = values.and_then(|m| m.get(k)).and_then(nonsense) {
                return Err(config.error(
                    *line,
                    format!(
                        "option `{name}.{k}` must be {} that is not negative (and not nan or inf), not `{shown}`",
                        decl.kind.describe()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Every numeric option is a count, a length, a share or a threshold: a negative or non-finite
/// value is a mistake, said plainly rather than clamped. The value as written, if so.
fn nonsense(v: &crate::config::OptValue) -> Option<String> {
    use crate::config::OptValue;
    match *v {
        OptValue::Int(i) if i < 0 => Some(i.to_string()),
        OptValue::Float(f) if !f.is_finite() || f < 0.0 => Some(f.to_string()),
        _ => None,
    }
}

/// Parses configuration text and validates it against the registry.
pub fn parse_config(text: &str, path: &str) -> Result<Config, ConfigError> {
    let c = Config::parse(text, path)?;
    validate(&c)?;
    Ok(c)
}

/// Reads a configuration file and validates it against the registry.
pub fn load_config(path: &Path) -> Result<Config, ConfigError> {
    let c = Config::load(path)?;
    validate(&c)?;
    Ok(c)
}

/// Finds the configuration for `dir` (see [`Config::discover`]) and validates it.
pub fn discover_config(dir: &Path) -> Result<Config, ConfigError> {
    let c = Config::discover(dir)?;
    validate(&c)?;
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonsense_values_are_refused() {
        for bad in [
            "long-sentence]\nmax-words = -5",
            "passive-voice]\nparagraph-share = nan",
            "passive-voice]\nparagraph-share = inf",
            "passive-voice]\nparagraph-share = -0.5",
        ] {
            let e = parse_config(&format!("[rules.{bad}\n"), "x.toml").unwrap_err();
            assert_eq!(e.line, 2, "{e}");
            assert!(e.message.contains("not negative"), "{e}");
        }
    }

    #[test]
    fn rule_tables_are_validated_with_lines() {
        let e = parse_config("[rules]\nno-such-rule = \"off\"\n", "x.toml").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().starts_with("x.toml:2: unknown rule"), "{e}");
        let e = parse_config("[rules.long-sentence]\nmax-wrods = 3\n", "x.toml").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("max-words"), "{e}");
        let e = parse_config("[rules.long-sentence]\nmax-words = \"x\"\n", "x.toml").unwrap_err();
        assert!(e.message.contains("integer"), "{e}");
        let e = parse_config("[rules.spelling]\nx = 1\n", "x.toml").unwrap_err();
        assert!(e.message.contains("is a category"), "{e}");
        let e =
            parse_config("[rules.overused-phrase]\nper-thousand = true\n", "x.toml").unwrap_err();
        assert!(e.message.contains("a number"), "{e}");
        let c = parse_config(
            "[rules]\nspelling = \"off\"\n[rules.overused-phrase]\nper-thousand = 2\n",
            "x.toml",
        )
        .unwrap();
        assert!(c.options_of("overused-phrase").is_some());
    }

    #[test]
    fn typed_options_read_defaults_and_configured_values() {
        use crate::rule::RuleOptions;
        use crate::rules::repetition::overused_phrase::OverusedPhraseOptions as O;
        let d = O::from_config(&Config::default(), "overused-phrase");
        assert_eq!((d.per_thousand, d.min_count), (3.5, 5));
        let c = parse_config(
            "[rules.overused-phrase]\nper-thousand = 2\nmin-count = 9\n",
            "x.toml",
        )
        .unwrap();
        let o = O::from_config(&c, "overused-phrase");
        assert_eq!(
            (o.per_thousand, o.min_count, o.stock_min_count),
            (2.0, 9, 3)
        );
        let fields = O::fields();
        assert_eq!(fields[0].name, "per-thousand");
        assert_eq!(fields[0].default, "3.5");
    }
}
