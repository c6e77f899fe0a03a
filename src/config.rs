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
//! max-input-size = "50 MB"     # the most essaylint reads of one input (bytes, kB, MB, GB)
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

thread_local! {
    /// How deep `extend` has gone in the current load (a loop is an error, not a hang).
    static EXTEND_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

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
    /// The input size limit in bytes (`max-input-size`); `None` for the default.
    pub max_input: Option<u64>,
    levels: HashMap<String, Level>,
    options: HashMap<String, HashMap<String, OptValue>>,
    entries: Vec<RuleEntry>,
    /// How the file is named in errors.
    shown: String,
    /// `extend = "../essaylint.toml"`: the file this one builds on (already merged in; kept
    /// so its own entries are validated with its own name and lines).
    extend: Option<String>,
    extended: Option<Box<Config>>,
    /// `[[overrides]]`: settings for the files matching some globs (relative to this file's
    /// folder), applied by [`Config::for_file`].
    overrides: Vec<Override>,
}

/// One `[[overrides]]` table: globs and the settings they bring.
#[derive(Clone, Debug)]
pub struct Override {
    pub files: Vec<String>,
    pub config: Config,
    /// The folder of the file that declares it: its globs are relative to it.
    pub base: Option<PathBuf>,
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
        for o in &mut c.overrides {
            o.base = path.parent().map(Path::to_path_buf);
        }
        if let Some(parent) = c.extend.take() {
            let p = path.parent().unwrap_or(Path::new(".")).join(&parent);
            let depth = EXTEND_DEPTH.with(|d| {
                d.set(d.get() + 1);
                d.get()
            });
            let base = if depth > 8 {
                Err(ConfigError {
                    path: shown.clone(),
                    line: 0,
                    message: format!(
                        "`extend = \"{parent}\"`: configurations extend each other in a loop (or more than 8 deep)"
                    ),
                })
            } else {
                Config::load(&p).map_err(|mut e| {
                    if e.line == 0 && !p.exists() {
                        e = ConfigError {
                            path: shown.clone(),
                            line: 0,
                            message: format!("`extend`: no such file `{}`", p.display()),
                        };
                    }
                    e
                })
            };
            EXTEND_DEPTH.with(|d| d.set(d.get() - 1));
            c = base?.merged_with(c);
        }
        if let Some(file) = c.accept_file.take() {
            let p = path.parent().unwrap_or(Path::new(".")).join(&file);
            let cannot = |e: String| ConfigError {
                path: shown.clone(),
                line: 0,
                message: format!("cannot read accept-file `{}`: {e}", p.display()),
            };
            // A regular file within the input size limit: `/dev/zero` must not eat the memory.
            let bytes = crate::input::files::read_regular(&p, c.max_input_bytes())
                .map_err(|e| cannot(e.to_string()))?;
            let words = String::from_utf8(bytes).map_err(|_| cannot("not UTF-8 text".into()))?;
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
                "max-input-size" => {
                    let size = match (item.as_integer(), item.as_str()) {
                        (Some(n), _) => u64::try_from(n).ok().filter(|&n| n > 0),
                        (_, Some(s)) => parse_size(s),
                        _ => None,
                    };
                    c.max_input = Some(size.ok_or_else(|| {
                        err(
                            kspan.clone(),
                            "`max-input-size` must be a positive size: a number of bytes or a string such as \"50 MB\"".into(),
                        )
                    })?);
                }
                "rules" => {
                    let table = item
                        .as_table_like()
                        .ok_or_else(|| err(kspan.clone(), "`rules` must be a table".into()))?;
                    c.parse_rules(table, &err, &line_of)?;
                }
                "extend" => c.extend = Some(string("the path of a configuration to build on")?),
                "overrides" => {
                    let tables = item.as_array_of_tables().ok_or_else(|| {
                        err(
                            kspan.clone(),
                            "`overrides` must be written as [[overrides]] tables".into(),
                        )
                    })?;
                    for t in tables.iter() {
                        c.overrides
                            .push(Config::parse_override(t, path, &err, &line_of)?);
                    }
                }
                _ => return Err(err(kspan, format!("unknown key `{key}`"))),
            }
        }
        Ok(c)
    }

    /// One `[[overrides]]` table: `files = [globs]` and any of dialect, citation-style, accept,
    /// names and rules.
    fn parse_override(
        t: &toml_edit::Table,
        path: &str,
        err: &dyn Fn(Option<std::ops::Range<usize>>, String) -> ConfigError,
        line_of: &dyn Fn(Option<std::ops::Range<usize>>) -> usize,
    ) -> Result<Override, ConfigError> {
        let mut files = Vec::new();
        let mut c = Config {
            shown: path.to_string(),
            ..Config::default()
        };
        for (key, item) in t.iter() {
            let kspan = t.key(key).and_then(|k| k.span());
            let strings = || -> Result<Vec<String>, ConfigError> {
                item.as_array()
                    .and_then(|a| {
                        a.iter()
                            .map(|v| v.as_str().map(String::from))
                            .collect::<Option<Vec<_>>>()
                    })
                    .ok_or_else(|| err(kspan.clone(), format!("`{key}` must be a list of strings")))
            };
            match key {
                "files" => {
                    files = strings()?;
                    for g in &files {
                        if let Err(e) = globset::Glob::new(g) {
                            return Err(err(kspan.clone(), format!("bad glob `{g}`: {e}")));
                        }
                    }
                }
                "dialect" | "citation-style" => {
                    let v = item
                        .as_str()
                        .ok_or_else(|| err(kspan.clone(), format!("`{key}` must be a string")))?;
                    let known: &[&str] = if key == "dialect" { &DIALECTS } else { &CITATION_STYLES };
                    if !known.contains(&v) {
                        return Err(err(
                            kspan,
                            format!("unknown {key} `{v}`; expected one of {}", known.join(", ")),
                        ));
                    }
                    if key == "dialect" {
                        c.dialect = Some(v.to_string());
                    } else {
                        c.citation_style = Some(v.to_string());
                    }
                }
                "accept" => c.accept = strings()?,
                "names" => c.names = strings()?,
                "rules" => {
                    let table = item
                        .as_table_like()
                        .ok_or_else(|| err(kspan.clone(), "`rules` must be a table".into()))?;
                    c.parse_rules(table, err, line_of)?;
                }
                _ => {
                    return Err(err(
                        kspan,
                        format!("unknown key `{key}` in [[overrides]] (it takes files, dialect, citation-style, accept, names, rules)"),
                    ))
                }
            }
        }
        if files.is_empty() {
            return Err(err(
                t.span(),
                "[[overrides]] needs `files = [\"glob\", …]`".into(),
            ));
        }
        Ok(Override {
            files,
            config: c,
            base: None,
        })
    }

    /// `self` with `over`'s settings on top: its dialect, style, levels and options win; its
    /// accepted words and names are added.
    pub fn merged_with(&self, over: Config) -> Config {
        let mut c = self.clone();
        c.path = over.path.or(c.path);
        c.dialect = over.dialect.or(c.dialect);
        c.citation_style = over.citation_style.or(c.citation_style);
        c.accept.extend(over.accept);
        c.names.extend(over.names);
        c.levels.extend(over.levels);
        for (rule, opts) in over.options {
            c.options.entry(rule).or_default().extend(opts);
        }
        c.extended = Some(Box::new(Config {
            overrides: Vec::new(),
            ..self.clone()
        }));
        c.entries = over.entries;
        c.shown = over.shown;
        c.overrides.extend(over.overrides);
        c
    }

    /// The configuration for one checked file: this one, with the `[[overrides]]` whose globs
    /// match the file's path (relative to this configuration's folder) applied in order.
    pub fn for_file(&self, file: &Path) -> Config {
        if self.overrides.is_empty() {
            return self.clone();
        }
        let own = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new(""));
        let abs = |p: &Path| {
            if p.is_absolute() {
                p.to_path_buf()
            } else {
                std::env::current_dir().unwrap_or_default().join(p)
            }
        };
        let file = abs(file);
        let mut out = Config {
            overrides: Vec::new(),
            ..self.clone()
        };
        for o in &self.overrides {
            let base = abs(o.base.as_deref().unwrap_or(own));
            let rel = file.strip_prefix(&base).unwrap_or(&file);
            let hit = o.files.iter().any(|g| {
                globset::GlobBuilder::new(g)
                    .literal_separator(false)
                    .build()
                    .map(|g| g.compile_matcher().is_match(rel))
                    .unwrap_or(false)
            });
            if hit {
                let mut layer = o.config.clone();
                layer.path = None;
                layer.entries = Vec::new();
                let shown = out.shown.clone();
                let entries = std::mem::take(&mut out.entries);
                out = out.merged_with(layer);
                out.shown = shown;
                out.entries = entries;
            }
        }
        out
    }

    /// The configurations whose `[rules]` entries must be validated: this one, the ones it
    /// extends, and its overrides' tables.
    pub fn layers(&self) -> Vec<&Config> {
        let mut out = vec![self];
        out.extend(self.overrides.iter().map(|o| &o.config));
        if let Some(p) = &self.extended {
            out.extend(p.layers());
        }
        out
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

    /// The input size limit in bytes: `max-input-size`, or [`crate::input::DEFAULT_MAX_INPUT`].
    pub fn max_input_bytes(&self) -> u64 {
        self.max_input.unwrap_or(crate::input::DEFAULT_MAX_INPUT)
    }

    /// True if the word is accepted by the configuration (case-insensitive).
    pub fn accepts(&self, word: &str) -> bool {
        self.accept
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word) || w == word)
    }
}

/// "50 MB", "500kB", "2 GiB", "1000": a size in bytes; `None` if it is not one, or zero.
fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: f64 = num.parse().ok()?;
    let mult = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" | "bytes" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let v = n * mult;
    (v.is_finite() && (1.0..1e15).contains(&v)).then_some(v as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_size_limit_parses() {
        let c = Config::parse("max-input-size = \"2 MB\"\n", "x.toml").unwrap();
        assert_eq!(c.max_input_bytes(), 2_000_000);
        assert_eq!(parse_size("1.5kB"), Some(1500));
        assert_eq!(parse_size("2 MiB"), Some(2 << 20));
        for bad in [
            "max-input-size = -1",
            "max-input-size = \"lots\"",
            "max-input-size = 0",
        ] {
            assert!(Config::parse(bad, "x.toml").is_err(), "{bad}");
        }
    }

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
