//! `essaylint.toml`: rules on and off, severities, options, dialect, citation style, and words
//! or names to accept. Unknown keys are errors that name the file and line.
//!
//! This module is data only: it reads the file and keeps each `[rules]` entry with its line.
//! Rule and option names are checked against the registry by `rules::validate`; the facade's
//! `essaylint::load_config` / `discover_config` / `parse_config` read and validate in one step.
//!
//! ```toml
//! dialect = "en-GB"            # en-US, en-GB, en-GB-oxford, en-CA, en-AU
//! citation-style = "mla"       # mla, apa, chicago, numeric
//! accept = ["smychka", "kulak"]
//! accept-file = "words.txt"    # one word per line, relative to this file
//! names = ["Kamenev"]
//!
//! [rules]
//! passive-voice = "off"        # a rule name or a category: off, advice, warning, error
//! spelling = "warning"
//!
//! [rules.long-sentence]
//! max-words = 50
//! level = "warning"
//! ```

use crate::diagnostic::{Category, Severity};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The names of the configuration files looked for, in order.
pub const FILE_NAMES: [&str; 2] = ["essaylint.toml", ".essaylint.toml"];

pub const DIALECTS: [&str; 5] = ["en-US", "en-GB", "en-GB-oxford", "en-CA", "en-AU"];
pub const CITATION_STYLES: [&str; 4] = ["mla", "apa", "chicago", "numeric"];

/// A rule's configured level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    fn parse(s: &str) -> Option<Level> {
        if s == "off" {
            Some(Level::Off)
        } else {
            Severity::parse(s).map(Level::On)
        }
    }
}

/// A rule option's value.
#[derive(Clone, Debug, PartialEq)]
pub enum OptValue {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
    List(Vec<String>),
    /// A value of no option type (a table, a mixed list); the TOML type's name.
    Other(String),
}

impl OptValue {
    /// The value as JSON, for deserializing a rule's typed options.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            OptValue::Int(i) => (*i).into(),
            OptValue::Float(f) => (*f).into(),
            OptValue::Bool(b) => (*b).into(),
            OptValue::Str(s) => s.as_str().into(),
            OptValue::List(l) => l.clone().into(),
            OptValue::Other(_) => serde_json::Value::Null,
        }
    }
}

/// One entry of the `[rules]` table as written: a rule or category name with a level, or a rule
/// with a table of options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleEntry {
    pub name: String,
    /// 1-based line of the name.
    pub line: usize,
    /// The option keys of a table (not `level`), each with its line.
    pub options: Vec<(String, usize)>,
    /// Written as a table rather than a level string.
    pub table: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file this was read from, if any.
    pub path: Option<PathBuf>,
    pub dialect: Option<String>,
    pub citation_style: Option<String>,
    /// Words the spelling rules accept (from `accept` and `accept-file`).
    pub accept: Vec<String>,
    /// Canonical spellings of names.
    pub names: Vec<String>,
    accept_file: Option<String>,
    levels: HashMap<String, Level>,
    options: HashMap<String, HashMap<String, OptValue>>,
    entries: Vec<RuleEntry>,
    /// How the file is named in errors.
    shown: String,
}

/// A configuration error, with the file and line it was found at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.path, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Looks for a config file in `dir` and its parents.
    pub fn discover(dir: &Path) -> Result<Config, ConfigError> {
        let mut cur = Some(dir);
        while let Some(d) = cur {
            for name in FILE_NAMES {
                let p = d.join(name);
                if p.is_file() {
                    return Config::load(&p);
                }
            }
            cur = d.parent();
        }
        Ok(Config::default())
    }

    /// Reads a config file (see [`Config::parse`]; rule names are not checked here).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: shown.clone(),
            line: 0,
            message: format!("cannot read the configuration: {e}"),
        })?;
        let mut c = Config::parse(&text, &shown)?;
        c.path = Some(path.to_path_buf());
        if let Some(file) = c.accept_file.take() {
            let p = path.parent().unwrap_or(Path::new(".")).join(&file);
            let words = std::fs::read_to_string(&p).map_err(|e| ConfigError {
                path: shown.clone(),
                line: 0,
                message: format!("cannot read accept-file `{}`: {e}", p.display()),
            })?;
            c.accept.extend(
                words
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(String::from),
            );
        }
        Ok(c)
    }

    /// Parses config text; `path` names it in errors. `accept-file` is resolved by [`Config::load`].
    /// Keys, types and levels are checked; rule and option names are left to `rules::validate`.
    pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
        let line_of = |span: Option<std::ops::Range<usize>>| {
            span.map_or(0, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            })
        };
        let err = |span: Option<std::ops::Range<usize>>, message: String| ConfigError {
            path: path.to_string(),
            line: line_of(span),
            message,
        };
        let doc = toml_edit::ImDocument::parse(text)
            .map_err(|e| err(e.span(), e.message().trim().to_string()))?;
        let mut c = Config {
            shown: path.to_string(),
            ..Config::default()
        };
        let root = doc.as_table();
        for (key, item) in root.iter() {
            let kspan = root.key(key).and_then(|k| k.span());
            let string = |what: &str| -> Result<String, ConfigError> {
                item.as_str()
                    .map(String::from)
                    .ok_or_else(|| err(kspan.clone(), format!("`{key}` must be a string ({what})")))
            };
            let list = || -> Result<Vec<String>, ConfigError> {
                let arr = item.as_array().ok_or_else(|| {
                    err(kspan.clone(), format!("`{key}` must be a list of strings"))
                })?;
                arr.iter()
                    .map(|v| {
                        v.as_str().map(String::from).ok_or_else(|| {
                            err(kspan.clone(), format!("`{key}` must be a list of strings"))
                        })
                    })
                    .collect()
            };
            match key {
                "dialect" => {
                    let v = string("a dialect")?;
                    if !DIALECTS.contains(&v.as_str()) {
                        return Err(err(
                            kspan,
                            format!(
                                "unknown dialect `{v}`; expected one of {}",
                                DIALECTS.join(", ")
                            ),
                        ));
                    }
                    c.dialect = Some(v);
                }
                "citation-style" => {
                    let v = string("a citation style")?;
                    if !CITATION_STYLES.contains(&v.as_str()) {
                        return Err(err(
                            kspan,
                            format!(
                                "unknown citation style `{v}`; expected one of {}",
                                CITATION_STYLES.join(", ")
                            ),
                        ));
                    }
                    c.citation_style = Some(v);
                }
                "accept" => c.accept.extend(list()?),
                "accept-file" => c.accept_file = Some(string("a path")?),
                "names" => c.names.extend(list()?),
                "rules" => {
                    let table = item
                        .as_table_like()
                        .ok_or_else(|| err(kspan.clone(), "`rules` must be a table".into()))?;
                    c.parse_rules(table, &err, &line_of)?;
                }
                _ => return Err(err(kspan, format!("unknown key `{key}`"))),
            }
        }
        Ok(c)
    }

    fn parse_rules(
        &mut self,
        table: &dyn toml_edit::TableLike,
        err: &dyn Fn(Option<std::ops::Range<usize>>, String) -> ConfigError,
        line_of: &dyn Fn(Option<std::ops::Range<usize>>) -> usize,
    ) -> Result<(), ConfigError> {
        for (name, item) in table.iter() {
            let kspan = table.get_key_value(name).and_then(|(k, _)| k.span());
            if let Some(s) = item.as_str() {
                let level = Level::parse(s).ok_or_else(|| {
                    err(
                        kspan.clone(),
                        format!("`{name}`: expected off, advice, warning or error, not `{s}`"),
                    )
                })?;
                self.levels.insert(name.to_string(), level);
                self.entries.push(RuleEntry {
                    name: name.to_string(),
                    line: line_of(kspan),
                    options: Vec::new(),
                    table: false,
                });
                continue;
            }
            let Some(opts) = item.as_table_like() else {
                return Err(err(
                    kspan,
                    format!("`{name}` must be a level string or a table of options"),
                ));
            };
            let mut entry = RuleEntry {
                name: name.to_string(),
                line: line_of(kspan),
                options: Vec::new(),
                table: true,
            };
            let mut map = HashMap::new();
            for (k, v) in opts.iter() {
                let ospan = opts.get_key_value(k).and_then(|(key, _)| key.span());
                if k == "level" {
                    let s = v.as_str().and_then(Level::parse).ok_or_else(|| {
                        err(
                            ospan.clone(),
                            format!("`{name}.level`: expected off, advice, warning or error"),
                        )
                    })?;
                    self.levels.insert(name.to_string(), s);
                    continue;
                }
                let value = if let Some(i) = v.as_integer() {
                    OptValue::Int(i)
                } else if let Some(f) = v.as_float() {
                    OptValue::Float(f)
                } else if let Some(b) = v.as_bool() {
                    OptValue::Bool(b)
                } else if let Some(s) = v.as_str() {
                    OptValue::Str(s.to_string())
                } else if let Some(l) = v.as_array().and_then(|a| {
                    a.iter()
                        .map(|x| x.as_str().map(String::from))
                        .collect::<Option<Vec<_>>>()
                }) {
                    OptValue::List(l)
                } else {
                    OptValue::Other(v.type_name().to_string())
                };
                entry.options.push((k.to_string(), line_of(ospan)));
                map.insert(k.to_string(), value);
            }
            self.entries.push(entry);
            self.options.insert(name.to_string(), map);
        }
        Ok(())
    }

    /// The `[rules]` entries as written, in file order, for validation against the registry
    /// (`rules::validate`).
    pub fn rule_entries(&self) -> &[RuleEntry] {
        &self.entries
    }

    /// An error at `line` of this configuration's file.
    pub fn error(&self, line: usize, message: String) -> ConfigError {
        ConfigError {
            path: self.shown.clone(),
            line,
            message,
        }
    }

    /// The options configured for a rule, if it has a table.
    pub fn options_of(&self, rule: &str) -> Option<&HashMap<String, OptValue>> {
        self.options.get(rule)
    }

    /// The level configured for a rule: its own setting, else its category's, else `None`.
    pub fn level(&self, rule: &str, category: Category) -> Option<Level> {
        self.levels
            .get(rule)
            .or_else(|| self.levels.get(category.as_str()))
            .copied()
    }

    /// Sets a rule's or category's level (for programmatic use and tests).
    pub fn set_level(&mut self, name: &str, level: Level) {
        self.levels.insert(name.to_string(), level);
    }

    /// Sets a rule option (for programmatic use and tests).
    pub fn set_option(&mut self, rule: &str, key: &str, value: OptValue) {
        self.options
            .entry(rule.to_string())
            .or_default()
            .insert(key.to_string(), value);
    }

    /// A rule option, if set.
    pub fn option(&self, rule: &str, key: &str) -> Option<&OptValue> {
        self.options.get(rule).and_then(|m| m.get(key))
    }

    /// True if the word is accepted by the configuration (case-insensitive).
    pub fn accepts(&self, word: &str) -> bool {
        self.accept
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word) || w == word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_levels_and_options() {
        let c = Config::parse(
            "dialect = \"en-GB\"\naccept = [\"smychka\"]\n[rules]\nrepetition = \"off\"\n[rules.long-sentence]\nmax-words = 50\nlevel = \"warning\"\n",
            "essaylint.toml",
        )
        .unwrap();
        assert_eq!(c.dialect.as_deref(), Some("en-GB"));
        assert!(c.accepts("smychka"));
        assert_eq!(
            c.level("doubled-word", Category::Repetition),
            Some(Level::Off)
        );
        assert_eq!(
            c.level("long-sentence", Category::Sentences),
            Some(Level::On(Severity::Warning))
        );
        assert_eq!(
            c.option("long-sentence", "max-words"),
            Some(&OptValue::Int(50))
        );
    }

    #[test]
    fn unknown_keys_name_the_line() {
        let e = Config::parse("dialect = \"en-US\"\n\ncolour = 3\n", "x.toml").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(
            e.to_string().starts_with("x.toml:3: unknown key `colour`"),
            "{e}"
        );
        let e = Config::parse("[rules]\nlong-sentence = \"loud\"\n", "x.toml").unwrap_err();
        assert_eq!(e.line, 2);
        let e = Config::parse("dialect = \"en-XX\"\n", "x.toml").unwrap_err();
        assert!(e.message.contains("en-US"), "{e}");
        let e = Config::parse("accept = []\ndialect = = 3\n", "x.toml").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
