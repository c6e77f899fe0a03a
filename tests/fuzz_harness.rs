//! The fuzz crate's harness (`fuzz/src/lib.rs`), compiled into an ordinary test on the stable
//! toolchain. The fuzz crate itself needs nightly and cargo-fuzz, so a change to the library's
//! public API could break it unseen (it did once: the facade made `invariants` crate-private);
//! this test compiles the same harness file against the public API on every `cargo test` and runs
//! each target's seed corpus through it, and checks that every fuzz target calls a harness
//! function that exists.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod harness;

use essaylint::input::Format;
use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The committed seed files (`seed-*`) of one target's corpus, in name order (what libFuzzer adds
/// beside them is left out: it is not in Git and can be thousands of files).
fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = fuzz_dir().join("corpus").join(target);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("seed-"))
        })
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "{}: no seeds", dir.display());
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn every_fuzz_target_calls_a_harness_function() {
    let known = ["input", "fix", "docx"];
    let targets = fuzz_dir().join("fuzz_targets");
    let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
    for name in ["plain", "markdown", "latex", "docx", "fix"] {
        let path = targets.join(format!("{name}.rs"));
        let src =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let called: Vec<&str> = src
            .split("essaylint_fuzz::")
            .skip(1)
            .map(|rest| rest.split('(').next().unwrap_or(""))
            .collect();
        assert!(!called.is_empty(), "{name}.rs calls no harness function");
        for f in called {
            assert!(
                known.contains(&f),
                "{name}.rs calls essaylint_fuzz::{f}, which the harness test does not know"
            );
        }
        assert!(
            manifest.contains(&format!("path = \"fuzz_targets/{name}.rs\"")),
            "fuzz/Cargo.toml has no [[bin]] for {name}"
        );
    }
}

#[test]
fn text_seeds_keep_the_invariants() {
    for (target, format) in [
        ("plain", Format::Plain),
        ("markdown", Format::Markdown),
        ("latex", Format::Latex),
    ] {
        for data in seeds(target) {
            harness::input(&data, format);
        }
    }
}

#[test]
fn docx_seeds_keep_the_invariants() {
    for data in seeds("docx") {
        harness::docx(&data);
    }
}

#[test]
fn fix_seeds_keep_the_invariants() {
    for data in seeds("fix") {
        harness::fix(&data);
    }
}
