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
            "grammar",
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

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().args(args).current_dir(dir).output().expect("runs")
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

const SLIPS: &str = "We saw the the results. This sentence is is fine and teh rest is clear.\n";

#[test]
fn select_and_ignore_take_rules_and_categories() {
    let d = tmpdir("select");
    let f = d.join("e.txt");
    std::fs::write(&f, SLIPS).unwrap();
    let f = f.to_str().unwrap();
    let rules_of = |o: &Output| -> Vec<String> {
        stdout(o)
            .lines()
            .filter_map(|l| {
                l.split('[')
                    .nth(1)
                    .and_then(|r| r.split(']').next())
                    .map(String::from)
            })
            .collect()
    };
    let all = run(&["check", "--format", "concise", f]);
    let r = rules_of(&all);
    assert!(
        r.contains(&"doubled-word".to_string()) && r.contains(&"typo".to_string()),
        "{r:?}"
    );
    let only = run(&["check", "--format", "concise", "--select", "spelling", f]);
    assert!(
        rules_of(&only).iter().all(|r| r == "typo"
            || r.contains("spell")
            || r == "hyphenation"
            || r == "dialect-mix"
            || r == "nonstandard-form"),
        "{}",
        stdout(&only)
    );
    assert!(rules_of(&only).contains(&"typo".to_string()));
    let ign = run(&[
        "check",
        "--format",
        "concise",
        "--ignore",
        "doubled-word,typo",
        f,
    ]);
    assert!(rules_of(&ign).is_empty(), "{}", stdout(&ign));
    assert_eq!(ign.status.code(), Some(0));
    let ext = run(&[
        "check",
        "--format",
        "concise",
        "--select",
        "typo",
        "--extend-select",
        "doubled-word",
        f,
    ]);
    let mut r = rules_of(&ext);
    r.sort();
    r.dedup();
    assert_eq!(r, vec!["doubled-word", "typo"]);
    // Unknown names are errors with a suggestion.
    let bad = run(&["check", "--ignore", "doubled-wrod", f]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("did you mean `doubled-word`?"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn min_level_hides_and_fail_on_counts_what_is_shown() {
    let d = tmpdir("minlevel");
    let f = d.join("e.txt");
    // Only advice: a long sentence.
    let long = format!("{}.\n", vec!["word"; 60].join(" "));
    std::fs::write(&f, &long).unwrap();
    let f = f.to_str().unwrap();
    let o = run(&["check", "--format", "concise", f]);
    assert!(
        stdout(&o).contains("advice[long-sentence]"),
        "{}",
        stdout(&o)
    );
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["check", "--format", "concise", "--fail-on", "advice", f]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&[
        "check",
        "--format",
        "concise",
        "--min-level",
        "warning",
        "--fail-on",
        "advice",
        f,
    ]);
    assert!(!stdout(&o).contains("long-sentence"));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn concise_quiet_statistics_and_output_file() {
    let d = tmpdir("concise");
    let f = d.join("e.txt");
    std::fs::write(&f, SLIPS).unwrap();
    let fs = f.to_str().unwrap();
    let o = run(&["check", "--format", "concise", fs]);
    let out = stdout(&o);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with(&format!("{fs}:1:")), "{first}");
    assert!(first.contains(": warning[doubled-word] "), "{first}");
    assert!(out.lines().last().unwrap().contains("1 file checked"));
    let q = run(&["check", "--format", "concise", "--quiet", fs]);
    assert!(!stdout(&q).contains("file checked"));
    let q = run(&["check", "--quiet", "--color", "never", fs]);
    assert!(!stdout(&q).contains("words,"), "{}", stdout(&q));
    assert!(stdout(&q).contains("doubled-word"));
    let s = run(&["check", "--statistics", fs]);
    let st = stdout(&s);
    let row = st.lines().find(|l| l.contains("doubled-word")).unwrap();
    assert!(row.trim_start().starts_with('2'), "{st}");
    assert!(row.contains("[*]"), "fixable: {row}");
    let out_file = d.join("report.json");
    let o = run(&[
        "check",
        "--format",
        "json",
        "-o",
        out_file.to_str().unwrap(),
        fs,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert!(!v["files"][0]["diagnostics"].as_array().unwrap().is_empty());
    let o = run(&["check", "-o", "/nonexistent/dir/x.txt", fs]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write /nonexistent/dir/x.txt"));
}

#[test]
fn stdin_filename_names_the_input_and_picks_its_format_and_config() {
    let d = tmpdir("stdinname");
    std::fs::write(d.join("essaylint.toml"), "[rules]\ntypo = \"off\"\n").unwrap();
    let md = "# Heading\n\nThe `code the the` stays. We saw the the rest, and teh end.\n";
    let name = d.join("draft.md");
    let o = run_stdin(
        &[
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            name.to_str().unwrap(),
            "-",
        ],
        md,
    );
    let out = stdout(&o);
    assert!(
        out.lines()
            .all(|l| l.starts_with(name.to_str().unwrap()) || l.contains("file checked")),
        "{out}"
    );
    // Markdown: the code span is not prose, so one doubled word, not two.
    assert_eq!(out.matches("doubled-word").count(), 1, "{out}");
    // The config beside the named file turned typo off.
    assert!(!out.contains("[typo]"), "{out}");
    let plain = run_stdin(&["check", "--format", "concise", "-"], md);
    assert!(stdout(&plain).lines().next().unwrap().starts_with("-:"));
}

#[test]
fn config_is_found_from_each_file_not_the_working_folder() {
    let d = tmpdir("perfile");
    let class = d.join("class");
    let other = d.join("other");
    std::fs::create_dir_all(&class).unwrap();
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(
        class.join("essaylint.toml"),
        "[rules]\ndoubled-word = \"off\"\n",
    )
    .unwrap();
    std::fs::write(class.join("a.txt"), SLIPS).unwrap();
    std::fs::write(other.join("b.txt"), SLIPS).unwrap();
    // Run from elsewhere (the parent), naming both files.
    let o = run_in(
        &d,
        &["check", "--format", "concise", "class/a.txt", "other/b.txt"],
    );
    let out = stdout(&o);
    assert!(
        !out.lines()
            .any(|l| l.starts_with("class/a.txt") && l.contains("doubled-word")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("other/b.txt") && l.contains("doubled-word")),
        "{out}"
    );
    // --config wins for every file.
    std::fs::write(d.join("all.toml"), "[rules]\ntypo = \"off\"\n").unwrap();
    let o = run_in(
        &d,
        &[
            "check",
            "--format",
            "concise",
            "--config",
            "all.toml",
            "class/a.txt",
        ],
    );
    assert!(stdout(&o).contains("doubled-word") && !stdout(&o).contains("[typo]"));
    // --show-config says which file applies to which input.
    let o = run_in(
        &d,
        &["check", "--show-config", "class/a.txt", "other/b.txt"],
    );
    let sc = stdout(&o);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        sc.contains("class/essaylint.toml") && sc.contains("for: class/a.txt"),
        "{sc}"
    );
    assert!(
        sc.contains("(none found: defaults)") || sc.contains("for: other/b.txt"),
        "{sc}"
    );
    assert!(
        sc.lines()
            .any(|l| l.trim_start().starts_with("doubled-word") && l.contains("off")),
        "{sc}"
    );
}

#[test]
fn github_format_caps_annotations_and_writes_a_job_summary() {
    let d = tmpdir("github");
    let f = d.join("e.txt");
    std::fs::write(&f, "the the. ".repeat(15)).unwrap();
    let summary = d.join("summary.md");
    let o = bin()
        .args(["check", "--format", "github", f.to_str().unwrap()])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    let out = stdout(&o);
    assert_eq!(out.matches("::warning ").count(), 10, "{out}");
    assert!(out.contains("more annotations not shown"));
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.contains("## essaylint") && md.contains("| doubled-word |"),
        "{md}"
    );
}

#[test]
fn completions_and_explain_suggestions() {
    for sh in ["bash", "zsh", "fish"] {
        let o = run(&["completions", sh]);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains("essaylint"), "{sh}");
    }
    let o = run(&["explain", "typoo"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `typo`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn extend_and_overrides_shape_the_configuration() {
    let d = tmpdir("extend");
    let class = d.join("class");
    std::fs::create_dir_all(class.join("drafts")).unwrap();
    std::fs::write(
        d.join("essaylint.toml"),
        "# department\naccept = [\"teh\"]\n[rules]\ndoubled-word = \"off\"\n",
    )
    .unwrap();
    std::fs::write(
        class.join("essaylint.toml"),
        "extend = \"../essaylint.toml\"\n[rules]\nlong-sentence = \"off\"\n\n[[overrides]]\nfiles = [\"drafts/*.txt\"]\n[overrides.rules]\ndoubled-word = \"warning\"\n",
    )
    .unwrap();
    std::fs::write(class.join("final.txt"), SLIPS).unwrap();
    std::fs::write(class.join("drafts/one.txt"), SLIPS).unwrap();
    let o = run_in(
        &d,
        &[
            "check",
            "--format",
            "concise",
            "class/final.txt",
            "class/drafts/one.txt",
        ],
    );
    let out = stdout(&o);
    // Inherited: doubled-word off and `teh` accepted, for the final essay.
    assert!(
        !out.lines()
            .any(|l| l.starts_with("class/final.txt") && l.contains("doubled-word")),
        "{out}"
    );
    assert!(!out.contains("[typo]"), "{out}");
    // The override turns doubled-word back on for drafts.
    assert!(
        out.lines()
            .any(|l| l.starts_with("class/drafts/one.txt") && l.contains("doubled-word")),
        "{out}"
    );
    // Errors in the extended file name that file and its line.
    std::fs::write(
        d.join("essaylint.toml"),
        "[rules]\nno-such-rule = \"off\"\n",
    )
    .unwrap();
    let o = run_in(&d, &["check", "class/final.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("essaylint.toml:2: unknown rule or category `no-such-rule`"),
        "{}",
        stderr(&o)
    );
    assert!(
        !stderr(&o).contains("class/essaylint.toml:2"),
        "{}",
        stderr(&o)
    );
    // A loop is an error, not a hang.
    std::fs::write(
        d.join("essaylint.toml"),
        "extend = \"class/essaylint.toml\"\n",
    )
    .unwrap();
    let o = run_in(&d, &["check", "class/final.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("loop"), "{}", stderr(&o));
}

/// A folder whose essays differ, with a file that fails to read among them.
fn class_folder(name: &str) -> PathBuf {
    let d = tmpdir(name);
    let seed = std::fs::read_to_string(seed()).unwrap();
    for i in 0..12 {
        let text = match i % 3 {
            0 => format!("Essay {i}.\n\n{seed}"),
            1 => format!("Essay {i} has has a doubled word and a tyop.\n"),
            _ => format!("Essay {i} is short and clean.\n"),
        };
        std::fs::write(d.join(format!("e{i:02}.txt")), text).unwrap();
    }
    std::fs::write(d.join("e05b.txt"), b"\x00\x01binary").unwrap();
    d
}

#[test]
fn folder_reports_are_the_same_on_any_number_of_threads() {
    let d = class_folder("threads");
    let dir = d.to_str().unwrap();
    for format in ["json", "human", "concise", "sarif", "github", "html"] {
        let one = run(&["check", "--threads", "1", "--format", format, dir]);
        let many = run(&["check", "--threads", "5", "--format", format, dir]);
        assert_eq!(one.status.code(), Some(1), "{}", stderr(&one));
        assert_eq!(many.status.code(), Some(1));
        assert_eq!(stdout(&one), stdout(&many), "{format}");
        assert_eq!(stderr(&one), stderr(&many), "{format}");
    }
    // In the files' order, the unreadable one named in its place.
    let o = run(&["check", "--threads", "4", "--format", "concise", dir]);
    let paths: Vec<String> = stdout(&o)
        .lines()
        .filter_map(|l| l.split(':').next())
        .filter(|p| p.ends_with(".txt"))
        .map(String::from)
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert!(stderr(&o).contains("e05b.txt: skipped: not a text file"));
    let o = run(&["check", "--threads", "0", dir]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn output_dir_writes_a_page_per_essay_and_the_class_summary() {
    let d = class_folder("pages");
    let out = d.join("report");
    let o = run(&[
        "check",
        "--output-dir",
        out.to_str().unwrap(),
        d.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "pages, not standard output");
    assert!(stderr(&o).contains("wrote 12 pages"), "{}", stderr(&o));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let pages: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap() != "index.html")
        .collect();
    assert_eq!(pages.len(), 12);
    for p in &pages {
        let name = p.file_name().unwrap().to_str().unwrap();
        assert!(index.contains(&format!("href=\"{name}\"")), "{name} linked");
        let page = std::fs::read_to_string(p).unwrap();
        assert!(page.contains("href=\"index.html\""), "{name} links back");
        assert!(page.trim_end().ends_with("</html>"));
    }
    assert!(index.contains("Class summary") && index.contains("sortable"));
    // Pages are HTML: another format is refused.
    let o = run(&[
        "check",
        "--format",
        "json",
        "--output-dir",
        out.to_str().unwrap(),
        d.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--output-dir writes HTML pages"));
}

/// Three essays in a folder, for the progress bar tests.
fn three_essays(name: &str) -> PathBuf {
    let d = tmpdir(name);
    for (i, t) in [
        "The bridge was was built in a year.\n",
        "A second essay about rivers and the towns beside them.\n",
        "The third essay says little, and says it briefly.\n",
    ]
    .iter()
    .enumerate()
    {
        std::fs::write(d.join(format!("essay-{i}.txt")), t).unwrap();
    }
    d
}

#[test]
fn progress_bar_is_silent_when_stderr_is_not_a_terminal() {
    let d = three_essays("progress-pipe");
    let o = bin()
        .args(["check", "--format", "human", d.to_str().unwrap()])
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    // Piped standard error: no bar, no escape codes, nothing at all.
    assert_eq!(stderr(&o), "", "stderr of a piped folder run");
    assert!(stdout(&o).contains("doubled-word"), "{}", stdout(&o));
}

#[test]
fn progress_bar_draws_on_a_terminal() {
    // `script` (util-linux) runs the command on a pseudo-terminal: standard error is a terminal.
    let has_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: no `script` command to give the run a terminal");
        return;
    }
    let d = three_essays("progress-tty");
    let cmd = format!(
        "{} check --format human {} >/dev/null",
        env!("CARGO_BIN_EXE_essaylint"),
        d.display()
    );
    let o = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .expect("script runs");
    let tty = stdout(&o);
    assert!(tty.contains("files checked"), "terminal output: {tty:?}");
    assert!(tty.contains("/3"), "terminal output: {tty:?}");
}

#[test]
fn names_table_leaves_out_words_capitalised_only_at_sentence_starts() {
    let d = tmpdir("names-initial");
    let p = d.join("essay.txt");
    std::fs::write(
        &p,
        "Doomscrolling harms sleep. Stalin ruled the party. Later the party feared Lenin.\n\n\
         Doomscrolling is common. Microplastics spread everywhere.\n",
    )
    .unwrap();
    let o = run(&["names", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = stdout(&o);
    // Known capitalised (the dictionary's Stalin), or capitalised mid-sentence (Lenin): names.
    assert!(t.contains("Stalin") && t.contains("Lenin"), "{t}");
    // Capitalised only where every word is: not evidence of a name.
    assert!(
        !t.contains("Doomscrolling") && !t.contains("Microplastics"),
        "{t}"
    );
}
