//! Fixture tests: every `tests/fixtures/<category>/*.txt` is a small essay with the diagnostics it
//! must and must not produce, written in a header above a `---` line:
//!
//! ```text
//! expect: doubled-word "the"          a diagnostic of the rule whose span covers exactly "the"
//! expect: doubled-word "the" 2        … and the second such occurrence (1-based)
//! expect-count: doubled-word 3        exactly 3 diagnostics of the rule
//! expect-none: doubled-word           no diagnostics of the rule
//! expect-severity: doubled-word warning  every diagnostic of the rule has this severity
//! expect-suggestion: typo "quazi" "quasi" the diagnostic on "quazi" suggests "quasi" (first)
//! config: dialect = "en-GB"           a line of essaylint.toml
//! format: markdown                    read the text as this input format (default plain)
//! ---
//! The essay text.
//! ```
//!
//! A rule named in a header must exist, so a renamed rule cannot make a fixture pass silently.

use essaylint::{engine, input, rules, Diagnostic};
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().contains(".fixture."))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn quoted(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(a) = rest.find('"') {
        let Some(b) = rest[a + 1..].find('"') else {
            break;
        };
        out.push(rest[a + 1..a + 1 + b].to_string());
        rest = &rest[a + 2 + b..];
    }
    out
}

fn covered<'a>(text: &'a str, d: &Diagnostic) -> &'a str {
    &text[d.span.start..d.span.end]
}

fn run_fixture(path: &Path) -> Result<(), String> {
    let raw = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let (header, body) = raw
        .split_once("\n---\n")
        .ok_or("no `---` line separating the header from the text")?;
    let mut config_text = String::new();
    let mut format = None;
    for line in header.lines() {
        if let Some(c) = line.strip_prefix("config:") {
            config_text.push_str(c.trim());
            config_text.push('\n');
        } else if let Some(f) = line.strip_prefix("format:") {
            format = Some(input::Format::parse(f.trim()).ok_or(format!("unknown format {f}"))?);
        }
    }
    let config = rules::parse_config(&config_text, "fixture config").map_err(|e| e.to_string())?;
    let source = input::read_bytes(body.as_bytes(), format.unwrap_or(input::Format::Plain))
        .map_err(|e| e.to_string())?;
    let report = engine::check(source, &config);
    let text = &report.document.text;
    let diags = &report.diagnostics;
    let listing = || {
        diags
            .iter()
            .map(|d| format!("  {} {:?}: {}", d.rule, covered(text, d), d.message))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let of = |r: &str| -> Result<Vec<&Diagnostic>, String> {
        if rules::find(r).is_none() {
            return Err(format!("no rule named `{r}`"));
        }
        Ok(diags.iter().filter(|d| d.rule == r).collect())
    };
    for line in header.lines() {
        let (key, rest) = match line.split_once(':') {
            Some((k, r)) => (k.trim(), r.trim()),
            None => continue,
        };
        let rule_name = rest.split_whitespace().next().unwrap_or("");
        match key {
            "expect" => {
                let q = quoted(rest);
                let want = q.first().ok_or(format!("`{line}`: no quoted text"))?;
                let nth: usize = rest
                    .rsplit('"')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .parse()
                    .unwrap_or(1);
                let hits: Vec<_> = of(rule_name)?
                    .into_iter()
                    .filter(|d| covered(text, d) == want)
                    .collect();
                if hits.len() < nth {
                    return Err(format!(
                        "missing: {rule_name} on {want:?} (#{nth})\ngot:\n{}",
                        listing()
                    ));
                }
            }
            "expect-none" => {
                let got = of(rule_name)?;
                if !got.is_empty() {
                    return Err(format!("expected no {rule_name}, got:\n{}", listing()));
                }
            }
            "expect-count" => {
                let n: usize = rest
                    .split_whitespace()
                    .nth(1)
                    .and_then(|n| n.parse().ok())
                    .ok_or(format!("`{line}`: no count"))?;
                let got = of(rule_name)?;
                if got.len() != n {
                    return Err(format!(
                        "expected {n} × {rule_name}, got {}:\n{}",
                        got.len(),
                        listing()
                    ));
                }
            }
            "expect-severity" => {
                let sev = rest.split_whitespace().nth(1).unwrap_or("");
                let got = of(rule_name)?;
                if got.is_empty() {
                    return Err(format!(
                        "expected {rule_name} diagnostics at {sev}, got none:\n{}",
                        listing()
                    ));
                }
                if let Some(d) = got.iter().find(|d| d.severity.as_str() != sev) {
                    return Err(format!(
                        "{rule_name} on {:?} is {}, not {sev}",
                        covered(text, d),
                        d.severity
                    ));
                }
            }
            "expect-suggestion" => {
                let q = quoted(rest);
                let [on, sugg] = q.as_slice() else {
                    return Err(format!("`{line}`: needs two quoted strings"));
                };
                let got = of(rule_name)?;
                let d = got.iter().find(|d| covered(text, d) == on).ok_or(format!(
                    "missing: {rule_name} on {on:?}\ngot:\n{}",
                    listing()
                ))?;
                if d.suggestions.first() != Some(sugg) {
                    return Err(format!(
                        "{rule_name} on {on:?} suggests {:?}, not {sugg:?} first",
                        d.suggestions
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[test]
fn all_fixtures() {
    let list = fixtures();
    assert!(list.len() >= 4, "fixtures not found");
    let mut failures = Vec::new();
    for f in &list {
        if let Err(e) = run_fixture(f) {
            failures.push(format!("{}:\n{e}", f.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n\n{}",
        failures.len(),
        list.len(),
        failures.join("\n\n")
    );
}
