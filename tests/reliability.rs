//! Issue 17, row by row: every defect of the reliability review has a test here that asserts
//! the exit code and the message, through the binary. Crashes found by fuzzing (`fuzz/`) are
//! kept as regression inputs at the end.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_essaylint"));
    c.env_remove("NO_COLOR")
        .env_remove("ESSAYLINT_TEST_PANIC")
        .env("COLUMNS", "100");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("rel-{name}"));
    if d.exists() {
        // A test that made things read-only must not stop its own rerun.
        let _ = Command::new("chmod").args(["-R", "u+rwx"]).arg(&d).status();
        let _ = std::fs::remove_dir_all(&d);
    }
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn is_root() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // A file we create is owned by our effective user.
        let d = scratch("whoami");
        std::fs::write(d.join("x"), "x").unwrap();
        std::fs::metadata(d.join("x")).unwrap().uid() == 0
    }
    #[cfg(not(unix))]
    false
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", out(o), err(o)))
}

/// (rule, line, column) of every diagnostic of the first file of a JSON report.
fn diags(o: &Output) -> Vec<(String, u64, u64)> {
    json(o)["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

// ---- Crashes that killed the whole run ----

#[test]
fn latex_multibyte_after_markup_does_not_crash() {
    let d = scratch("latex-mb");
    let cases = [
        "\\end\\é",
        "\\begin\\é",
        "\\begin{é",
        "\\cite{é",
        "Text \\end{café\n\nMore text here.",
    ];
    for (i, t) in cases.iter().enumerate() {
        std::fs::write(d.join(format!("{i}.tex")), t).unwrap();
    }
    let o = run(&d, &["check", "--format", "json", "."]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", err(&o));
    assert_eq!(json(&o)["files"].as_array().unwrap().len(), cases.len());
}

#[test]
fn related_places_far_apart_on_one_line_render() {
    let d = scratch("wide");
    let filler = "The committee met. ".repeat(3500);
    let text = format!(
        "Kamanev spoke first. Kamanev argued. Kamanev left. {filler}Then Kamaney returned.\n"
    );
    assert!(text.len() > 66_000);
    std::fs::write(d.join("wide.txt"), &text).unwrap();
    let o = run(&d, &["check", "--color", "never", "wide.txt"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let s = out(&o);
    assert!(
        s.contains("names::name-variant"),
        "{}",
        &s[..s.len().min(2000)]
    );
    // The far related place is named, not drawn; no line of the report is absurdly wide.
    assert!(
        s.contains("spelled `Kamanev` here at 1:1"),
        "{}",
        &s[..2000]
    );
    assert!(s.lines().all(|l| l.chars().count() < 400));
}

#[test]
fn a_panic_in_one_file_is_reported_and_the_others_checked() {
    let d = scratch("panic");
    std::fs::write(d.join("bad.txt"), "Some text here.\n").unwrap();
    std::fs::write(d.join("good.txt"), "It was the the end.\n").unwrap();
    let o = bin()
        .current_dir(&d)
        .env("ESSAYLINT_TEST_PANIC", "bad.txt")
        .args(["check", "--color", "never", "bad.txt", "good.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    let e = err(&o);
    assert!(
        e.contains("essaylint: bad.txt: internal error: essaylint failed on this file (test panic"),
        "{e}"
    );
    assert!(e.contains("the other files were still checked"), "{e}");
    assert!(!e.contains("panicked at"), "{e}");
    assert!(out(&o).contains("good.txt: 1 problem"), "{}", out(&o));
}

// ---- --fix loses or locks data ----

fn fixable(marker: &str) -> String {
    format!("An essay {marker} where the the words repeat. It was was late.\n")
}

#[test]
fn fix_never_overwrites_an_edit_saved_meanwhile() {
    let d = scratch("race");
    let p = d.join("e.txt");
    // An editor saves its own version at some moment while essaylint runs: whatever the
    // moment, the editor's text must survive (fixed or not, but never replaced by a version
    // made from the older text).
    for i in 0..12u64 {
        std::fs::write(&p, fixable("before")).unwrap();
        let child = bin()
            .current_dir(&d)
            .args(["check", "--fix", "e.txt"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(i * 40));
        // Saved in place, as many editors do.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&p)
            .unwrap();
        f.write_all(fixable("EDITED").as_bytes()).unwrap();
        drop(f);
        let o = child.wait_with_output().unwrap();
        let now = std::fs::read_to_string(&p).unwrap();
        assert!(
            now.contains("EDITED"),
            "round {i}: the editor's save was lost: {now:?}\n{}",
            err(&o)
        );
        if o.status.code() == Some(2) {
            // Refused because the file changed, or read in the instant it was empty.
            let e = err(&o);
            assert!(
                e.contains("the file changed while essaylint was checking it")
                    || e.contains("empty: nothing to check"),
                "{e}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn fix_keeps_owner_group_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if !is_root() {
        eprintln!("skipped: needs root to give the file another owner");
        return;
    }
    let d = scratch("owner");
    let p = d.join("e.txt");
    std::fs::write(&p, fixable("owned")).unwrap();
    std::os::unix::fs::chown(&p, Some(1234), Some(5678)).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
    let ino = std::fs::metadata(&p).unwrap().ino();
    let o = run(&d, &["check", "--fix", "e.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(err(&o).contains("e.txt: 2 fixes applied"), "{}", err(&o));
    let m = std::fs::metadata(&p).unwrap();
    assert_eq!((m.uid(), m.gid(), m.mode() & 0o7777), (1234, 5678, 0o640));
    assert_eq!(m.ino(), ino, "another owner's file is written in place");
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "An essay owned where the words repeat. It was late.\n"
    );
    assert_eq!(
        std::fs::read_dir(&d).unwrap().count(),
        1,
        "no copies left behind"
    );
}

#[cfg(unix)]
#[test]
fn fix_keeps_hard_links() {
    use std::os::unix::fs::MetadataExt;
    let d = scratch("links");
    let p = d.join("e.txt");
    std::fs::write(&p, fixable("linked")).unwrap();
    std::fs::hard_link(&p, d.join("other-name.txt")).unwrap();
    let o = run(&d, &["check", "--fix", "e.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let fixed = "An essay linked where the words repeat. It was late.\n";
    assert_eq!(std::fs::read_to_string(&p).unwrap(), fixed);
    assert_eq!(
        std::fs::read_to_string(d.join("other-name.txt")).unwrap(),
        fixed
    );
    assert_eq!(std::fs::metadata(&p).unwrap().nlink(), 2);
    assert_eq!(std::fs::read_dir(&d).unwrap().count(), 2);
}

#[cfg(unix)]
#[test]
fn fix_refuses_read_only_files() {
    use std::os::unix::fs::PermissionsExt;
    let d = scratch("readonly");
    let p = d.join("e.txt");
    std::fs::write(&p, fixable("locked")).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = run(&d, &["check", "--fix", "e.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("e.txt: not fixed: the file is read-only"),
        "{}",
        err(&o)
    );
    assert_eq!(std::fs::read_to_string(&p).unwrap(), fixable("locked"));
    let mode = std::fs::metadata(&p).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
}

#[test]
fn fix_keeps_bom_encoding_and_line_endings_byte_exact() {
    let d = scratch("bytes");
    let cases: Vec<(&str, Vec<u8>, Vec<u8>)> = vec![
        (
            "bom.txt",
            b"\xEF\xBB\xBFIt was the the end.\r\nCaf\xC3\xA9 here.\r\n".to_vec(),
            b"\xEF\xBB\xBFIt was the end.\r\nCaf\xC3\xA9 here.\r\n".to_vec(),
        ),
        (
            "cr.txt",
            b"It was the the end.\rNext line here.\r".to_vec(),
            b"It was the end.\rNext line here.\r".to_vec(),
        ),
        (
            "utf16.txt",
            "It was the the end.\n"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes())
                .collect(),
            "It was the end.\n"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes())
                .collect(),
        ),
    ];
    for (name, before, after) in &cases {
        std::fs::write(d.join(name), before).unwrap();
        let o = run(&d, &["check", "--fix", name]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", err(&o));
        assert_eq!(&std::fs::read(d.join(name)).unwrap(), after, "{name}");
    }
    // A BOM and one bad byte: read as UTF-8 (the BOM kept), said once, and not rewritten,
    // since the bad byte could not be written back as it was.
    let bad = b"\xEF\xBB\xBFIt was the the end. Caf\xC3\xA9 \x92 x.\n";
    std::fs::write(d.join("bad.txt"), bad).unwrap();
    let o = run(&d, &["check", "--fix", "bad.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(
        e.contains("bad.txt: not valid UTF-8 at byte offset 29: read as UTF-8"),
        "{e}"
    );
    assert!(
        e.contains("bad.txt: not fixed: the file has bytes that are not UTF-8"),
        "{e}"
    );
    assert_eq!(std::fs::read(d.join("bad.txt")).unwrap(), bad);
}

#[test]
fn fix_never_writes_what_it_could_not_read_back() {
    let d = scratch("threshold");
    // Control characters just under the binary threshold: deleting a doubled word would push
    // the file over it, so the fix is refused instead of leaving a file essaylint refuses.
    // 100 controls in 2,000 bytes is just not binary (the limit is one in twenty); after the
    // four bytes of " the" go, it would be.
    let mut text = "It was the the end of it.\n".to_string();
    while text.len() + 17 <= 1900 {
        text.push_str("More words here.\n");
    }
    while text.len() < 1900 {
        text.push('x');
    }
    let mut t = String::new();
    let mut n = 0;
    for c in text.chars() {
        t.push(c);
        if c == '\n' && n < 100 && t.len() > 30 {
            t.push('\u{1}');
            n += 1;
        }
    }
    while n < 100 {
        t.push('\u{1}');
        n += 1;
    }
    let bytes = t.into_bytes();
    let n = bytes.iter().filter(|&&b| b == 1).count();
    assert!(
        n * 20 <= bytes.len() && n * 20 > bytes.len() - 4,
        "{n} {}",
        bytes.len()
    );
    std::fs::write(d.join("e.txt"), &bytes).unwrap();
    let o = run(&d, &["check", "--fix", "e.txt"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(
        err(&o).contains("not fixed: the fixed text would not read back"),
        "{}",
        err(&o)
    );
    assert_eq!(std::fs::read(d.join("e.txt")).unwrap(), bytes);
}

// ---- Hangs and unbounded memory ----

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused() {
    let d = scratch("fifo");
    let fifo = d.join("pipe.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    for (arg, what) in [
        ("pipe.txt", "a named pipe"),
        ("/dev/zero", "a device"),
        ("/dev/urandom", "a device"),
    ] {
        let o = run(&d, &["check", arg]);
        assert_eq!(o.status.code(), Some(2), "{arg}");
        assert!(
            err(&o).contains(&format!("{arg}: not a regular file ({what})")),
            "{}",
            err(&o)
        );
    }
    std::fs::write(d.join("essaylint.toml"), "accept-file = \"/dev/zero\"\n").unwrap();
    std::fs::write(d.join("e.txt"), "Text.\n").unwrap();
    let o = run(&d, &["check", "e.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("cannot read accept-file `/dev/zero`: not a regular file (a device)"),
        "{}",
        err(&o)
    );
}

#[test]
fn input_size_limit_for_files_stdin_and_docx() {
    let d = scratch("limit");
    std::fs::write(d.join("essaylint.toml"), "max-input-size = \"1 kB\"\n").unwrap();
    std::fs::write(d.join("big.txt"), "Words and more words. ".repeat(100)).unwrap();
    let o = run(&d, &["check", "big.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("big.txt: larger than the input size limit of 1 kB (set `max-input-size` in essaylint.toml to raise it)"),
        "{}",
        err(&o)
    );
    let mut child = bin()
        .current_dir(&d)
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all("Words. ".repeat(1000).as_bytes());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("-: larger than the input size limit of 1 kB"),
        "{}",
        err(&o)
    );

    // A small DOCX whose text inflates past the limit.
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", o).unwrap();
        z.write_all(b"<w:document><w:body><w:p><w:r><w:t>").unwrap();
        z.write_all("word ".repeat(2000).as_bytes()).unwrap();
        z.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
            .unwrap();
        z.finish().unwrap();
    }
    let bytes = buf.into_inner();
    assert!(bytes.len() < 1000);
    std::fs::write(d.join("e.docx"), bytes).unwrap();
    let o = run(&d, &["check", "e.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("word/document.xml inflates past the input size limit (1 kB"),
        "{}",
        err(&o)
    );
}

#[test]
fn missing_space_is_linear_on_long_runs() {
    let d = scratch("linear");
    // 400 KB without a space: quadratic scanning took minutes on this; linear takes well under
    // a second. The generous watchdog only catches a return of the quadratic behaviour.
    std::fs::write(d.join("a.txt"), "a.".repeat(200_000)).unwrap();
    let mut child = bin()
        .current_dir(&d)
        .args(["check", "--format", "json", "a.txt"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            assert!(matches!(s.code(), Some(0 | 1)));
            break;
        }
        if start.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("missing-space took over a minute on a 400 KB run");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

// ---- Terminal escape injection ----

#[test]
fn control_characters_never_reach_the_terminal() {
    let d = scratch("escape");
    let text = "Kamanev recieve \x1b[2J\x1b]0;pwned\x07 the the end \u{9b}31m.\n".to_string()
        + &"An ordinary paragraph of the essay follows here. ".repeat(4);
    std::fs::write(d.join("e.txt"), text).unwrap();
    for format in ["human", "github"] {
        let o = run(
            &d,
            &["check", "--color", "never", "--format", format, "e.txt"],
        );
        assert_eq!(o.status.code(), Some(1));
        let s = out(&o);
        assert!(
            !s.contains('\x1b') && !s.contains('\x07') && !s.contains('\u{9b}'),
            "{format}: {s:?}"
        );
        assert!(s.contains("doubled-word"), "{s}");
    }
    // Nor through a file name or a --fix line.
    let name = "odd\x1b[2Jname.txt";
    std::fs::write(d.join(name), "It was the the end.\n").unwrap();
    let o = run(&d, &["check", "--color", "never", "--fix", name]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(!out(&o).contains('\x1b') && !err(&o).contains('\x1b'));
    assert!(
        err(&o).contains("odd\\u{1b}[2Jname.txt: 1 fix applied"),
        "{}",
        err(&o)
    );
}

// ---- Silent loss of coverage ----

#[cfg(unix)]
#[test]
fn symlinks_in_folders_are_followed_inside_and_reported_outside() {
    let d = scratch("links-walk");
    let tree = d.join("tree");
    std::fs::create_dir_all(tree.join("sub")).unwrap();
    std::fs::write(d.join("outside.txt"), "It was the the end.\n").unwrap();
    std::fs::write(tree.join("sub/real.txt"), "It was was late.\n").unwrap();
    std::os::unix::fs::symlink("sub/real.txt", tree.join("inside-link.txt")).unwrap();
    std::os::unix::fs::symlink("../outside.txt", tree.join("outside-link.txt")).unwrap();
    std::os::unix::fs::symlink("sub", tree.join("dirlink")).unwrap();
    let o = run(&d, &["check", "--format", "json", "tree"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let v = json(&o);
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // The real file once (links to it inside the tree are not checked twice).
    assert_eq!(paths.len(), 1, "{paths:?}");
    let e = err(&o);
    assert!(
        e.contains("tree/outside-link.txt: skipped: a symbolic link to")
            && e.contains("outside the folder"),
        "{e}"
    );
    assert!(e.contains("skipped: the same file as"), "{e}");
}

#[cfg(unix)]
#[test]
fn unreadable_parts_of_a_folder_make_the_exit_code_2() {
    let d = scratch("unreadable");
    std::fs::create_dir_all(d.join("tree/loop")).unwrap();
    std::fs::write(d.join("tree/e.txt"), "Fine text here.\n").unwrap();
    // A link loop cannot be walked (and, for a non-root user, neither can a folder without
    // permissions): part of the folder goes unchecked, which must not look like success.
    std::os::unix::fs::symlink("..", d.join("tree/loop/up")).unwrap();
    let o = run(&d, &["check", "tree"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("tree: not checked:"), "{}", err(&o));
    assert!(out(&o).contains("e.txt: no problems found"), "{}", out(&o));
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::remove_file(d.join("tree/loop/up")).unwrap();
        std::fs::set_permissions(d.join("tree/loop"), std::fs::Permissions::from_mode(0o000))
            .unwrap();
        let o = run(&d, &["check", "tree"]);
        assert_eq!(o.status.code(), Some(2), "{}", err(&o));
        assert!(err(&o).contains("Permission denied"), "{}", err(&o));
    }
}

#[test]
fn unclosed_regions_are_reported_at_their_start() {
    let d = scratch("unclosed");
    let cases = [
        (
            "dollar.tex",
            "Fine words.\n\nIt costs $5 and the the rest hides.\n",
            3,
            10,
        ),
        (
            "verb.tex",
            "Fine words.\n\\begin{verbatim}\nthe the\n",
            2,
            1,
        ),
        ("fence.md", "Fine words.\n\n  ```\nthe the\n", 3, 3),
        (
            "disable.txt",
            "Fine words.\n<!-- essaylint-disable -->\nthe the\n",
            2,
            1,
        ),
    ];
    for (name, text, line, col) in cases {
        std::fs::write(d.join(name), text).unwrap();
        let o = run(
            &d,
            &["check", "--format", "json", "--fail-on", "advice", name],
        );
        assert_eq!(o.status.code(), Some(1), "{name}: {}", err(&o));
        let found = diags(&o);
        assert!(
            found.contains(&("unclosed-markup".to_string(), line, col)),
            "{name}: {found:?}"
        );
    }
}

// ---- Encoding surprises ----

#[test]
fn encodings_read_as_the_writer_meant() {
    let d = scratch("enc");
    // One bad byte in a UTF-8 essay: UTF-8 (no mojibake), one notice naming the offset.
    std::fs::write(
        d.join("bad.txt"),
        b"The caf\xC3\xA9 \xE2\x80\x9Cquote\xE2\x80\x9D, a stray \xFF, recieve.\n",
    )
    .unwrap();
    let o = run(&d, &["check", "--format", "json", "bad.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(err(&o).matches("not valid UTF-8").count(), 1, "{}", err(&o));
    assert!(
        err(&o).contains("bad.txt: not valid UTF-8 at byte offset 31"),
        "{}",
        err(&o)
    );
    assert!(!out(&o).contains("Ã"), "{}", out(&o));
    // BOM-less UTF-16 in Cyrillic: text, not binary.
    let ru: Vec<u8> = "Это русский текст.\nВторая строка.\n"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    std::fs::write(d.join("ru.txt"), ru).unwrap();
    let o = run(&d, &["check", "ru.txt"]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", err(&o));
    assert!(out(&o).contains("ru.txt:"), "{}", err(&o));
    // A NUL after 8 KiB is binary.
    let mut b = "Plain words. ".repeat(1000).into_bytes();
    b.extend_from_slice(b"\0\0\0");
    std::fs::write(d.join("nul.txt"), b).unwrap();
    let o = run(&d, &["check", "nul.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("nul.txt: not a text file (binary data)"),
        "{}",
        err(&o)
    );
    // CR-only line endings are lines.
    std::fs::write(
        d.join("cr.txt"),
        "First line.\rSecond line.\rIt was the the end.\r",
    )
    .unwrap();
    let o = run(&d, &["check", "--format", "json", "cr.txt"]);
    assert!(
        diags(&o).contains(&("doubled-word".to_string(), 3, 12)),
        "{:?}",
        diags(&o)
    );
}

// ---- Nonsense option values ----

#[test]
fn nonsense_option_values_are_config_errors() {
    let d = scratch("options");
    std::fs::write(d.join("e.txt"), "Text.\n").unwrap();
    for (rule, option, value, shown) in [
        ("long-sentence", "max-words", "-5", "-5"),
        ("passive-voice", "paragraph-share", "nan", "NaN"),
        ("passive-voice", "paragraph-share", "-inf", "-inf"),
    ] {
        std::fs::write(
            d.join("essaylint.toml"),
            format!("[rules.{rule}]\n{option} = {value}\n"),
        )
        .unwrap();
        let o = run(&d, &["check", "e.txt"]);
        assert_eq!(o.status.code(), Some(2), "{value}");
        let e = err(&o);
        assert!(
            e.contains(&format!("essaylint.toml:2: option `{rule}.{option}`")),
            "{e}"
        );
        assert!(e.contains("not negative") && e.contains(shown), "{e}");
    }
}

// ---- Inputs fuzzing found (fuzz/), kept as regressions ----

fn all_rules_on() -> essaylint::Config {
    let mut c = essaylint::Config::default();
    for r in essaylint::catalog::all() {
        c.set_level(
            r.meta().name,
            essaylint::config::Level::On(essaylint::Severity::Advice),
        );
    }
    c
}

#[test]
fn fuzz_regressions_keep_the_invariants() {
    use essaylint::input::Format;
    use essaylint::testing::{check_fix, check_input};
    let config = all_rules_on();
    // Readers: every span, related span and fix edit in bounds and on boundaries, line and
    // column right, every renderer fine.
    let inputs: &[(&[u8], Format)] = &[
        (b"\\end\\\xC3\xA9", Format::Latex),
        (b"\\begin\\\xC3\xA9", Format::Latex),
        (b"\\begin{\xC3\xA9", Format::Latex),
        (b"\\cite{\xC3\xA9", Format::Latex),
        (b"Text \\end{caf\xC3\xA9\n\nmore", Format::Latex),
        (b"\\verb\xC3\xA9 x", Format::Latex),
    ];
    for (bytes, format) in inputs {
        check_input(bytes, *format, &config)
            .unwrap_or_else(|e| panic!("{:?}: {e}", String::from_utf8_lossy(bytes)));
    }
    // --fix on CR-only line ends (fix target, crash-b8cf44fe): written back with CRs.
    let text = "expect-count: doubled-word 1\n---\n<!-- essaylint-disable-next-line doubled-word -->\nThe the first.\nThe the second.\n";
    check_fix(text.replace('\n', "\r").as_bytes(), Format::Plain, &config).unwrap();
}

/// Found by the `fix` target at 17:58 (crash-253235f2…). A LaTeX file read as Windows-1252
/// whose letters `ô…` follow a command name (`\fOotnoteôôô`), then a blank line inside the
/// sentence and the same word again: doubled-word's fix deletes the blank line and the second
/// word, and the change `--fix` reports starts at the glued word before it and runs over three
/// lines. Its line and column were right; the invariant compared the change with the rest of
/// its first line only, so a change over a line break could never match.
#[test]
fn fuzz_fix_change_over_a_line_break_in_windows_1252_latex() {
    let bytes: &[u8] = b"\\def\\x#2{#1} na\\\"{\\i}[ve 50\\% \\fOotnote\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4\n\n\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4\xf4{A not,e recieve.} \\\\cite{\xc3\xa9}";
    essaylint::testing::check_fix(bytes, essaylint::input::Format::Latex, &all_rules_on()).unwrap();
}
