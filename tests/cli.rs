//! The command line as a user meets it: exit codes, formats, bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_essaylint"))
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/stalinism.txt")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("essaylint-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn json_report_follows_the_schema() {
    let o = run(&["check", "--format", "json", seed().to_str().unwrap()]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert_eq!(v["version"], 1);
    let f = &v["files"][0];
    assert!(f["path"].as_str().unwrap().ends_with("stalinism.txt"));
    assert!(f["stats"]["words"].as_u64().unwrap() > 1500);
    assert!(f["stats"]["sentences"].as_u64().unwrap() > 50);
    assert!(f["stats"]["paragraphs"].as_u64().unwrap() >= 19);
    let diags = f["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    let text = std::fs::read_to_string(seed()).unwrap();
    for d in diags {
        for key in [
            "rule",
            "category",
            "severity",
            "message",
            "span",
            "line",
            "column",
            "suggestions",
            "related",
        ] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        let (s, e) = (
            d["span"]["start"].as_u64().unwrap() as usize,
            d["span"]["end"].as_u64().unwrap() as usize,
        );
        assert!(s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
        // line and column agree with the span (1-based, column in characters)
        let line = text[..s].matches('\n').count() + 1;
        let col = text[..s].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(
            (
                d["line"].as_u64().unwrap() as usize,
                d["column"].as_u64().unwrap() as usize
            ),
            (line, col)
        );
        assert!([
            "spelling",
            "names",
            "repetition",
            "citations",
            "sentences",
            "capitalisation",
            "style"
        ]
        .contains(&d["category"].as_str().unwrap()));
        assert!(["error", "warning", "advice"].contains(&d["severity"].as_str().unwrap()));
    }
    assert!(v["summary"]["diagnostics"].as_u64().unwrap() as usize == diags.len());
}

#[test]
fn human_report_has_summary() {
    let o = run(&["check", "--color", "never", seed().to_str().unwrap()]);
    let out = stdout(&o);
    assert!(out.contains("long-sentence"), "{out}");
    assert!(out.lines().last().unwrap().contains("words"), "{out}");
}

#[test]
fn exit_codes_follow_fail_on() {
    let d = tmpdir("fail-on");
    let clean = d.join("clean.txt");
    std::fs::write(&clean, "This is a short and clean sentence.\n").unwrap();
    assert_eq!(
        run(&["check", clean.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let doubled = d.join("doubled.txt");
    std::fs::write(&doubled, "This is the the sentence.\n").unwrap();
    assert_eq!(
        run(&["check", doubled.to_str().unwrap()]).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["check", "--fail-on", "error", doubled.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let long = d.join("long.txt");
    std::fs::write(
        &long,
        "This is not to say that Lenin did not purge enemies and the Soviets had acted with respect to all \
         ideologies up to this point, but rather that his reign represented the moment in which the party \
         turned on its own members, with no difference paid to those who supported the leader or not.\n",
    )
    .unwrap();
    assert_eq!(
        run(&["check", long.to_str().unwrap()]).status.code(),
        Some(0)
    );
    assert_eq!(
        run(&["check", "--fail-on", "advice", long.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn missing_file_is_named_and_others_still_checked() {
    let d = tmpdir("missing");
    let good = d.join("good.txt");
    std::fs::write(&good, "This is the the sentence.\n").unwrap();
    let o = run(&[
        "check",
        "--format",
        "json",
        "/no/such/essay.txt",
        good.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/essay.txt"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
}

#[test]
fn bad_input_gives_clear_errors() {
    let d = tmpdir("bad");
    let empty = d.join("empty.txt");
    std::fs::write(&empty, "  \n\n").unwrap();
    let o = run(&["check", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("empty"), "{}", stderr(&o));

    let binary = d.join("image.txt");
    std::fs::write(
        &binary,
        [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 0],
    )
    .unwrap();
    let o = run(&["check", binary.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a text file"), "{}", stderr(&o));

    let nothing = tmpdir("nothing");
    let o = run(&["check", nothing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no files to check"), "{}", stderr(&o));

    let o = run(&["check"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn reads_stdin_and_encodings() {
    let mut child = bin()
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"It was the the end.")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"][0]["path"], "-");
    assert_eq!(v["files"][0]["diagnostics"][0]["rule"], "doubled-word");

    let d = tmpdir("enc");
    let utf16 = d.join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "It was the the end.".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    let o = run(&["check", "--format", "json", utf16.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"][0]["diagnostics"][0]["rule"], "doubled-word");
}

#[test]
fn config_errors_name_file_and_line() {
    let d = tmpdir("config");
    let cfg = d.join("essaylint.toml");
    std::fs::write(&cfg, "[rules]\nno-such-rule = \"off\"\n").unwrap();
    let o = run(&[
        "check",
        "--config",
        cfg.to_str().unwrap(),
        seed().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("essaylint.toml:2"), "{}", stderr(&o));
    // Found in the current folder, and obeyed.
    std::fs::write(&cfg, "[rules]\nrepetition = \"off\"\n").unwrap();
    let essay = d.join("e.txt");
    std::fs::write(&essay, "It was the the end.").unwrap();
    let o = bin()
        .current_dir(&d)
        .args(["check", "e.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn rules_and_explain() {
    let o = run(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out
        .lines()
        .any(|l| l.starts_with("doubled-word") && l.contains("repetition")));
    assert!(out
        .lines()
        .any(|l| l.starts_with("long-sentence") && l.contains("sentences")));
    let o = run(&["explain", "long-sentence"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("max-words"));
    let o = run(&["explain", "no-such-rule"]);
    assert_eq!(o.status.code(), Some(2));
}
