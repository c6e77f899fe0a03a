//! Generates one `#[test]` per fixture under `tests/fixtures/` (see `tests/fixtures.rs`), so that
//! `cargo test fixtures::<rule>` runs one rule's fixtures and `cargo test -- --list` names each.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn ident(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=tests/fixtures");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    // Module per rule folder (or `io`, `mixed`), test per file: fixtures::<rule>::<case>.
    let mut groups: std::collections::BTreeMap<String, Vec<(String, String)>> = Default::default();
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let parts: Vec<&str> = rel.split('/').collect();
        let group = if parts.len() >= 3 { parts[1] } else { parts[0] };
        let case = parts.last().unwrap().trim_end_matches(".txt");
        groups
            .entry(ident(group))
            .or_default()
            .push((ident(case), rel.clone()));
    }
    let mut src = String::from("mod fixtures {\n");
    for (group, cases) in &groups {
        writeln!(src, "pub mod {group} {{").unwrap();
        for (case, rel) in cases {
            writeln!(
                src,
                "    #[test]\n    fn {case}() {{\n        crate::run({rel:?});\n    }}"
            )
            .unwrap();
        }
        writeln!(src, "}}").unwrap();
    }
    src.push_str("}\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("fixture_tests.rs");
    std::fs::write(out, src).unwrap();
}
