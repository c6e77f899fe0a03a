//! Every data file in `rules/` (bar the Hunspell dictionaries in `rules/dict/`) parses with the
//! one line grammar of `rules/README.md`, and its inline `test:` / `test-silent:` lines pass: the
//! rule the file names reports each `test:` sentence (and its safe fixes give the text after
//! `=>`), and stays silent on each `test-silent:` one.

use essaylint::config::Level;
use essaylint::testing::data;
use essaylint::{catalog as rules, fix, input, Config, Severity, Source};
use std::path::{Path, PathBuf};

fn data_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                if p != root.join("dict") {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_data_file_parses_and_its_tests_pass() {
    let files = data_files();
    assert!(files.len() >= 20, "data files not found");
    let mut failures = Vec::new();
    let mut ran = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let shown = path.display();
        let f = match data::parse(&text) {
            Ok(f) => f,
            Err(e) => {
                failures.push(format!("{shown}: {e}"));
                continue;
            }
        };
        if f.entries == 0 && f.sections.is_empty() {
            failures.push(format!("{shown}: no entries"));
        }
        let Some(rule) = f.rule.as_deref() else {
            continue;
        };
        let Some(r) = rules::find(rule) else {
            failures.push(format!("{shown}: no rule named `{rule}`"));
            continue;
        };
        let mut config = Config::default();
        config.set_level(rule, Level::On(r.meta().severity.max(Severity::Advice)));
        for t in &f.tests {
            ran += 1;
            let report = essaylint::check(Source::plain(t.text.clone()), &config);
            let hits: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.rule == rule)
                .map(|d| format!("{:?}: {}", &t.text[d.span.start..d.span.end], d.message))
                .collect();
            if t.fires && hits.is_empty() {
                failures.push(format!(
                    "{shown}:{}: {rule} does not report {:?}",
                    t.line, t.text
                ));
            }
            if !t.fires && !hits.is_empty() {
                failures.push(format!(
                    "{shown}:{}: {rule} reports {:?}: {hits:?}",
                    t.line, t.text
                ));
            }
            if let Some(want) = &t.fixed {
                let got = fix::fix(t.text.clone(), input::Format::Plain, &config).text;
                if &got != want {
                    failures.push(format!(
                        "{shown}:{}: the safe fixes give {got:?}, not {want:?}",
                        t.line
                    ));
                }
            }
        }
    }
    assert!(ran >= 10, "only {ran} inline tests ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
