//! The citation-fault planter (`tools/plant_citation_faults.py`) checks its own parsing and
//! planting on a built-in paper; run here so a change to it that breaks it fails the suite.
//! Skipped (with a note) where `python3` is not installed.

use std::path::Path;
use std::process::Command;

#[test]
fn planter_self_test() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/plant_citation_faults.py");
    let out = match Command::new("python3")
        .arg(&script)
        .arg("--self-test")
        .output()
    {
        Ok(o) => o,
        Err(_) => {
            eprintln!("python3 not found: planter self-test skipped");
            return;
        }
    };
    assert!(
        out.status.success(),
        "{} --self-test failed:\n{}{}",
        script.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("self-test passed"));
}
