//! The one line grammar of the data files in `rules/` (documented in `rules/README.md`), and a
//! parser that checks a file against it. The rules read their lists through
//! [`lines`](super::lines); this parser is what the generic data test (`tests/rules_data.rs`)
//! runs over every file, with each file's `test:` lines.
//!
//! ```text
//! # header: what the list is, its source and its licence   (a comment block at the top)
//! rule: nonstandard-form             the rule whose test lines these are (once, optional)
//! @section                           a named section (its entries follow)
//! key: field field …                 a keyed entry (`tens: …`)
//! field field … -> field … ; cond    an entry: fields, optionally mapped to others, a condition
//! test: They grinded the corn.       a sentence the rule must report …
//! test: They grinded the corn. => They ground the corn.   … and the text after the safe fixes
//! test-silent: The corn was ground.  a sentence the rule must not report
//! ```
//!
//! A field is a run of non-space characters; `a|b|c` are alternatives (none empty).

/// One inline test of a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataTest {
    /// 1-based line.
    pub line: usize,
    pub text: String,
    /// `test:` (must report) or `test-silent:` (must not).
    pub fires: bool,
    /// For `test: … => …`: the text after the safe fixes.
    pub fixed: Option<String>,
}

/// A parsed data file.
#[derive(Clone, Debug, Default)]
pub struct DataFile {
    /// The leading comment block, without the `#`s.
    pub header: String,
    pub rule: Option<String>,
    pub sections: Vec<String>,
    /// Entry lines (including keyed entries), trimmed.
    pub entries: usize,
    pub tests: Vec<DataTest>,
}

/// True for the lines that are about the file rather than entries of it.
pub fn is_meta_line(l: &str) -> bool {
    l.starts_with("test:") || l.starts_with("test-silent:") || l.starts_with("rule:")
}

/// Parses a data file, or says at which line it breaks the grammar.
pub fn parse(src: &str) -> Result<DataFile, String> {
    let mut f = DataFile::default();
    let mut in_header = true;
    for (n, raw) in src.lines().enumerate() {
        let line = n + 1;
        let l = raw.trim();
        let err = |m: &str| Err(format!("line {line}: {m}: `{l}`"));
        if let Some(c) = l.strip_prefix('#') {
            if in_header {
                f.header.push_str(c.trim());
                f.header.push('\n');
            }
            continue;
        }
        if l.is_empty() {
            if !f.header.is_empty() {
                in_header = false;
            }
            continue;
        }
        in_header = false;
        if let Some(r) = l.strip_prefix("rule:") {
            if f.rule.is_some() {
                return err("a second `rule:` line");
            }
            f.rule = Some(r.trim().to_string());
            continue;
        }
        let test = l
            .strip_prefix("test:")
            .map(|t| (t, true))
            .or_else(|| l.strip_prefix("test-silent:").map(|t| (t, false)));
        if let Some((t, fires)) = test {
            let (text, fixed) = match t.split_once("=>") {
                Some((a, b)) if fires => (a.trim(), Some(b.trim().to_string())),
                Some(_) => return err("`=>` only goes in a `test:` line"),
                None => (t.trim(), None),
            };
            if text.is_empty() {
                return err("an empty test");
            }
            f.tests.push(DataTest {
                line,
                text: text.to_string(),
                fires,
                fixed,
            });
            continue;
        }
        if let Some(s) = l.strip_prefix('@') {
            let name = s.split_whitespace().next().unwrap_or("");
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_alphanumeric() || "_-".contains(c))
            {
                return err("a section needs a name");
            }
            f.sections.push(name.to_string());
            continue;
        }
        // An entry: key: fields | fields [-> fields] [; condition].
        let body = match l.split_once(':') {
            Some((k, rest))
                if !k.is_empty()
                    && !k.contains(char::is_whitespace)
                    && k.chars().all(|c| c.is_alphanumeric() || c == '-') =>
            {
                rest
            }
            _ => l,
        };
        let (main, _cond) = body.split_once(';').unwrap_or((body, ""));
        let mut sides = main.split("->");
        let left = sides.next().unwrap_or("");
        let right = sides.next();
        if sides.next().is_some() {
            return err("more than one `->`");
        }
        if left.trim().is_empty() || right.is_some_and(|r| r.trim().is_empty()) {
            return err("`->` needs a field on each side");
        }
        for field in main.split_whitespace().filter(|w| *w != "->") {
            if field == "=" {
                return err("write a mapping as `from -> to`, not `=`");
            }
            if field.split('|').any(str::is_empty) {
                return err("an empty alternative in `a|b`");
            }
        }
        f.entries += 1;
    }
    let h = f.header.to_lowercase();
    if !(h.contains("source") || h.contains("written for essaylint") || h.contains("from")) {
        return Err("the header does not name the list's source".into());
    }
    if !h.contains("licen") {
        return Err("the header does not name the list's licence".into());
    }
    if !f.tests.is_empty() && f.rule.is_none() {
        return Err("test lines need a `rule:` line naming the rule they test".into());
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let ok = "# A list. Source: us. Licence: MIT.\n\nrule: typo\n@a\nx|y -> z ; not before: q\ntens: a b\ntest: a b => c\ntest-silent: d\n";
        let f = parse(ok).unwrap();
        assert_eq!(f.rule.as_deref(), Some("typo"));
        assert_eq!(f.sections, ["a"]);
        assert_eq!(f.entries, 2);
        assert_eq!(f.tests.len(), 2);
        assert_eq!(f.tests[0].fixed.as_deref(), Some("c"));
        assert!(!f.tests[1].fires);
        let head = "# Source: us. Licence: MIT.\n\n";
        for bad in ["a -> b -> c", "a ->", "a||b", "from = to", "test: x", "@"] {
            assert!(parse(&format!("{head}{bad}\n")).is_err(), "{bad}");
        }
        assert!(parse("a\n").is_err(), "no header");
    }
}
