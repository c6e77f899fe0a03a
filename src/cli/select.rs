//! What the command line adds to the configuration: `--select`, `--extend-select` and
//! `--ignore` (rule and category names, as ruff takes codes and prefixes), and the configuration
//! found for each checked file (the nearest `essaylint.toml` above it) unless `--config` names one.

use essaylint::config::{Config, ConfigError, Level};
use essaylint::{catalog as rules, Category};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rule selection from the command line, applied after the configuration file.
#[derive(Default, Clone)]
pub struct Selection {
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Selection {
    /// Checks every name; an unknown one is an error with the nearest names.
    pub fn validate(&self) -> Result<(), String> {
        for n in self
            .select
            .iter()
            .chain(&self.extend_select)
            .chain(&self.ignore)
        {
            if rules::find(n).is_none() && Category::parse(n).is_none() {
                let mut msg = format!("no rule or category named `{n}`");
                if let Some(s) = did_you_mean(n) {
                    msg.push_str(&format!("; did you mean `{s}`?"));
                }
                msg.push_str(" (see `essaylint rules`)");
                return Err(msg);
            }
        }
        Ok(())
    }

    /// The configuration with the selection applied: `--select` keeps only the named rules and
    /// categories (turning on those that are off by default), `--extend-select` turns more on,
    /// `--ignore` turns rules off; a rule's own severity setting is kept when it stays on.
    pub fn apply(&self, config: &Config) -> Config {
        let mut c = config.clone();
        let named = |list: &[String], name: &str, cat: Category| {
            list.iter().any(|n| n == name || n == cat.as_str())
        };
        for r in rules::all() {
            let m = r.meta();
            let now = c.level(m.name, m.category);
            let on = match now {
                Some(Level::Off) => false,
                Some(Level::On(_)) => true,
                None => !m.default_off,
            };
            let mut want = on;
            if !self.select.is_empty() {
                want = named(&self.select, m.name, m.category);
            }
            if named(&self.extend_select, m.name, m.category) {
                want = true;
            }
            if named(&self.ignore, m.name, m.category) {
                want = false;
            }
            if want != on || (want && now == Some(Level::Off)) {
                let level = if want {
                    match now {
                        Some(Level::On(s)) => Level::On(s),
                        _ => Level::On(m.severity),
                    }
                } else {
                    Level::Off
                };
                c.set_level(m.name, level);
            }
        }
        c
    }
}

/// The closest rule or category name to `name`, if it is close.
pub fn did_you_mean(name: &str) -> Option<String> {
    rules::all()
        .iter()
        .map(|r| r.meta().name)
        .chain(Category::ALL.iter().map(|c| c.as_str()))
        .map(|n| (strsim::damerau_levenshtein(name, n), n))
        .filter(|(d, n)| *d <= (n.len() / 3).max(2))
        .min()
        .map(|(_, n)| n.to_string())
}

/// The configuration for each checked file.
pub struct Configs {
    /// `--config FILE`: one configuration file for every input.
    fixed: Option<Config>,
    selection: Selection,
    /// By folder: the configuration found from it.
    by_dir: HashMap<PathBuf, Config>,
}

impl Configs {
    pub fn new(config: Option<&Path>, selection: Selection) -> Result<Configs, ConfigError> {
        let fixed = match config {
            Some(p) => Some(rules::load_config(p)?),
            None => None,
        };
        Ok(Configs {
            fixed,
            selection,
            by_dir: HashMap::new(),
        })
    }

    /// The configuration for a file at `path` (for standard input, the path it is said to have,
    /// else the current folder): the nearest `essaylint.toml` or `.essaylint.toml` above it
    /// (or `--config`), its `[[overrides]]` that match the file, then the command line's
    /// selection.
    pub fn for_path(&mut self, path: Option<&Path>) -> Result<Arc<Config>, ConfigError> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let file = path.map(|p| cwd.join(p));
        let base = match &self.fixed {
            Some(c) => c,
            None => {
                let dir = file
                    .as_deref()
                    .and_then(Path::parent)
                    .map_or_else(|| cwd.clone(), Path::to_path_buf);
                if !self.by_dir.contains_key(&dir) {
                    let c = rules::discover_config(&dir)?;
                    self.by_dir.insert(dir.clone(), c);
                }
                &self.by_dir[&dir]
            }
        };
        let c = match &file {
            Some(f) => base.for_file(f),
            None => base.clone(),
        };
        Ok(Arc::new(self.selection.apply(&c)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(c: &Config, rule: &str) -> bool {
        let m = rules::find(rule).unwrap().meta();
        match c.level(m.name, m.category) {
            Some(Level::Off) => false,
            Some(Level::On(_)) => true,
            None => !m.default_off,
        }
    }

    #[test]
    fn select_ignore_and_extend() {
        let base = Config::default();
        let s = Selection {
            select: vec!["spelling".into(), "doubled-word".into()],
            ..Default::default()
        };
        let c = s.apply(&base);
        assert!(on(&c, "typo") && on(&c, "doubled-word"));
        assert!(!on(&c, "long-sentence") && !on(&c, "echo"));
        let s = Selection {
            ignore: vec!["typo".into(), "sentences".into()],
            ..Default::default()
        };
        let c = s.apply(&base);
        assert!(!on(&c, "typo") && !on(&c, "long-sentence") && on(&c, "doubled-word"));
        let s = Selection {
            select: vec!["spelling".into()],
            extend_select: vec!["echo".into()],
            ignore: vec!["typo".into()],
        };
        let c = s.apply(&base);
        assert!(on(&c, "echo") && !on(&c, "typo") && on(&c, "dialect-mix"));
    }

    #[test]
    fn unknown_names_get_a_suggestion() {
        let s = Selection {
            ignore: vec!["doubled-wrod".into()],
            ..Default::default()
        };
        let e = s.validate().unwrap_err();
        assert!(e.contains("did you mean `doubled-word`?"), "{e}");
        assert_eq!(did_you_mean("typoo").as_deref(), Some("typo"));
        assert_eq!(did_you_mean("zzzzzzzzzzzz"), None);
    }
}
