//! Inputs, outputs and fixes, through the binary: formats, encodings, folders, SARIF, GitHub and
//! HTML output, --fix and --diff, suppression comments, and bad input.

use serde_json::Value;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_essaylint"));
    c.env_remove("NO_COLOR").env("COLUMNS", "100");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().unwrap()
}

fn run_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The program may exit before reading (a refused --fix): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh folder under the target directory (no temp-dir crate needed).
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("io-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", out(o), err(o)))
}

/// (rule, line, column, flagged text) of every diagnostic of the first file.
fn diags(v: &Value) -> Vec<(String, u64, u64)> {
    v["files"][0]["diagnostics"]
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

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A DOCX built in memory: document body XML and optional footnotes XML.
fn docx(body: &str, footnotes: Option<&str>) -> Vec<u8> {
    let mut buf = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("[Content_Types].xml", o).unwrap();
        z.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#).unwrap();
        z.start_file("_rels/.rels", o).unwrap();
        z.write_all(br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#).unwrap();
        z.start_file("word/document.xml", o).unwrap();
        write!(
            z,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        )
        .unwrap();
        if let Some(f) = footnotes {
            z.start_file("word/footnotes.xml", o).unwrap();
            write!(
                z,
                r#"<?xml version="1.0"?><w:footnotes {W}>{f}</w:footnotes>"#
            )
            .unwrap();
        }
        z.start_file("word/styles.xml", o).unwrap();
        write!(z, r#"<?xml version="1.0"?><w:styles {W}><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style></w:styles>"#).unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

fn para(runs: &[&str]) -> String {
    let mut s = String::from("<w:p>");
    for r in runs {
        s.push_str(&format!(
            r#"<w:r><w:t xml:space="preserve">{r}</w:t></w:r>"#
        ));
    }
    s.push_str("</w:p>");
    s
}

// ---------------------------------------------------------------- inputs

#[test]
fn markdown_spans_point_into_the_file() {
    let d = scratch("md");
    let text = "---\ntitle: x\n---\n\n# Title\n\nSome `the the` code, then the the slip.\n";
    std::fs::write(d.join("e.md"), text).unwrap();
    let o = run(&d, &["check", "--format", "json", "e.md"]);
    let v = json(&o);
    assert_eq!(diags(&v), vec![("doubled-word".into(), 7, 31)]);
    let span = &v["files"][0]["diagnostics"][0]["span"];
    let (s, e) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "the");
    // The same text as plain text would also flag the code.
    let o = run(
        &d,
        &[
            "check",
            "--format",
            "json",
            "--input-format",
            "plain",
            "e.md",
        ],
    );
    assert_eq!(diags(&json(&o)).len(), 2);
}

#[test]
fn docx_runs_join_and_footnotes_follow() {
    let d = scratch("docx");
    let body = [
        r#"<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Introduction</w:t></w:r></w:p>"#.to_string(),
        // "revolution" split across three runs; "the the" across two.
        para(&["The rev", "olu", "tion came in the", " the spring."]),
        r#"<w:p><w:r><w:t>A claim.</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r><w:r><w:instrText> ADDIN ZOTERO_ITEM the the </w:instrText></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let notes = r#"<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See Carr, and and more.</w:t></w:r></w:p></w:footnote>"#;
    std::fs::write(d.join("e.docx"), docx(&body, Some(notes))).unwrap();

    let o = run(&d, &["extract", "e.docx"]);
    assert_eq!(
        out(&o),
        "Introduction\n\nThe revolution came in the the spring.\n\nA claim.¹\n\n¹ See Carr, and and more.\n"
    );
    let o = run(&d, &["check", "--format", "json", "e.docx"]);
    let v = json(&o);
    let got = diags(&v);
    assert_eq!(
        got,
        vec![
            ("doubled-word".into(), 3, 28),
            ("doubled-word".into(), 7, 17)
        ]
    );
    assert_eq!(v["files"][0]["stats"]["words"], 14);
    assert_eq!(v["files"][0]["extracted"], true);
    let ex = v["files"][0]["extracted_text"].as_str().unwrap();
    let span = &v["files"][0]["diagnostics"][1]["span"];
    let s = span["start"].as_u64().unwrap() as usize;
    assert_eq!(&ex[s..span["end"].as_u64().unwrap() as usize], "and");
    // --fix leaves a Word document alone and says why.
    let before = std::fs::read(d.join("e.docx")).unwrap();
    let o = run(&d, &["check", "--fix", "e.docx"]);
    assert!(err(&o).contains("e.docx: not fixed"), "{}", err(&o));
    assert_eq!(std::fs::read(d.join("e.docx")).unwrap(), before);
}

#[test]
fn docx_failures_name_the_file_and_reason() {
    let d = scratch("docx-bad");
    std::fs::write(d.join("text.docx"), "just text").unwrap();
    let good = docx(&para(&["Hello there."]), None);
    std::fs::write(d.join("cut.docx"), &good[..good.len() / 2]).unwrap();
    std::fs::write(d.join("old.docx"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").unwrap();
    let o = run(&d, &["check", "text.docx", "cut.docx", "old.docx"]);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(e.contains("text.docx: not a DOCX file"), "{e}");
    assert!(e.contains("cut.docx: not a DOCX file: broken zip"), "{e}");
    assert!(
        e.contains("old.docx: not a DOCX file: a Word 97–2003"),
        "{e}"
    );
    assert!(out(&o).is_empty());
}

#[test]
fn docx_by_content_and_on_stdin() {
    let d = scratch("docx-stdin");
    let bytes = docx(&para(&["It was was late."]), None);
    let o = run_stdin(&d, &["check", "--format", "json", "-"], &bytes);
    assert_eq!(diags(&json(&o)), vec![("doubled-word".into(), 1, 8)]);
    std::fs::write(d.join("essay"), &bytes).unwrap();
    let o = run(&d, &["check", "--format", "json", "essay"]);
    assert_eq!(diags(&json(&o)).len(), 1);
}

#[test]
fn encodings_decoded_and_kept_by_fix() {
    let d = scratch("enc");
    // UTF-16LE with BOM.
    let text = "Line one.\r\nIt was was \u{201C}late\u{201D}.\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(d.join("u16.txt"), &utf16).unwrap();
    let o = run(&d, &["check", "--format", "json", "u16.txt"]);
    assert_eq!(diags(&json(&o)), vec![("doubled-word".into(), 2, 8)]);
    // Windows-1252 smart quotes.
    std::fs::write(d.join("cp.txt"), b"He said \x93it it\x94 twice.\n").unwrap();
    let o = run(&d, &["check", "--format", "json", "cp.txt"]);
    assert_eq!(diags(&json(&o)), vec![("doubled-word".into(), 1, 13)]);
    // UTF-8 with BOM: the BOM is not a column (spans stay byte offsets into the file).
    std::fs::write(d.join("bom.txt"), b"\xEF\xBB\xBFthe the end\n").unwrap();
    let o = run(&d, &["check", "--format", "json", "bom.txt"]);
    assert_eq!(diags(&json(&o)), vec![("doubled-word".into(), 1, 5)]);

    // --fix writes each file back in its own encoding.
    let o = run(&d, &["check", "--fix", "u16.txt", "cp.txt", "bom.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let fixed = std::fs::read(d.join("u16.txt")).unwrap();
    let mut want = vec![0xFF, 0xFE];
    for u in "Line one.\r\nIt was \u{201C}late\u{201D}.\r\n".encode_utf16() {
        want.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(fixed, want);
    assert_eq!(
        std::fs::read(d.join("cp.txt")).unwrap(),
        b"He said \x93it\x94 twice.\n"
    );
    assert_eq!(
        std::fs::read(d.join("bom.txt")).unwrap(),
        b"\xEF\xBB\xBFthe end\n"
    );
}

// ---------------------------------------------------------------- folders

#[test]
fn folders_respect_ignores_and_skip_binary() {
    let d = scratch("walk");
    let root = d.join("essays");
    std::fs::create_dir_all(root.join("drafts")).unwrap();
    std::fs::create_dir_all(root.join(".hidden")).unwrap();
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join(".gitignore"), "drafts/\n*.bak.txt\n").unwrap();
    std::fs::write(root.join("b.txt"), "The the b.\n").unwrap();
    std::fs::write(root.join("a.md"), "The the a.\n").unwrap();
    std::fs::write(root.join("sub/c.tex"), "The the c.\n").unwrap();
    std::fs::write(root.join("drafts/d.txt"), "The the d.\n").unwrap();
    std::fs::write(root.join("old.bak.txt"), "The the e.\n").unwrap();
    std::fs::write(root.join(".hidden/f.txt"), "The the f.\n").unwrap();
    std::fs::write(root.join("bin.txt"), b"\x00\x01\x02\x03binary").unwrap();
    std::fs::write(root.join("paper.pdf"), b"%PDF-1.4").unwrap();
    std::fs::write(root.join("notes.csv"), b"a,b").unwrap();
    let o = run(&d, &["check", "--format", "json", "essays"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let v = json(&o);
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["essays/a.md", "essays/b.txt", "essays/sub/c.tex"]);
    let e = err(&o);
    assert!(
        e.contains("essays/bin.txt: skipped: not a text file"),
        "{e}"
    );
    assert!(
        e.contains("essays/paper.pdf: skipped: PDF is not supported"),
        "{e}"
    );
    assert!(!e.contains("notes.csv"), "{e}");
    // The same order every time, and the same again with human output.
    for _ in 0..3 {
        assert_eq!(
            out(&run(&d, &["check", "--format", "json", "essays"])),
            out(&o)
        );
    }
}

#[test]
fn many_files_in_parallel_in_stable_order() {
    let d = scratch("many");
    let root = d.join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    for i in 0..300 {
        let text = format!(
            "Essay {i}. {} The argument was was clear.\n",
            "A sentence of ordinary prose that goes on for a while. ".repeat(40)
        );
        std::fs::write(root.join(format!("e{i:03}.txt")), text).unwrap();
    }
    let o = run(&d, &["check", "--format", "json", "corpus"]);
    let v = json(&o);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 300);
    for (i, f) in files.iter().enumerate() {
        assert_eq!(f["path"], format!("corpus/e{i:03}.txt"));
        let rules: Vec<&str> = f["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d["rule"].as_str())
            .collect();
        assert!(rules.contains(&"doubled-word"), "{rules:?}");
    }
}

// ---------------------------------------------------------------- outputs

fn sample(d: &Path) {
    std::fs::write(
        d.join("e.txt"),
        "A first line.\nThe war was was long, and the “peace” — brief.\n",
    )
    .unwrap();
}

#[test]
fn sarif_is_valid_2_1_0() {
    let d = scratch("sarif");
    sample(&d);
    let o = run(&d, &["check", "--format", "sarif", "e.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run0 = &v["runs"][0];
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "essaylint");
    let rules = driver["rules"].as_array().unwrap();
    for r in rules {
        assert!(r["id"].is_string());
        assert!(r["shortDescription"]["text"].is_string());
        assert!(r["fullDescription"]["text"].is_string());
        assert!(r["help"]["text"].as_str().unwrap().len() > 20);
        assert!(r["help"]["markdown"].is_string());
        assert!(["error", "warning", "note"]
            .contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    let r = &results[0];
    let idx = r["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[idx]["id"], r["ruleId"]);
    assert_eq!(r["level"], "warning");
    assert!(r["message"]["text"].as_str().unwrap().contains("twice"));
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "e.txt");
    let reg = &loc["region"];
    assert_eq!(
        (reg["startLine"].as_u64(), reg["startColumn"].as_u64()),
        (Some(2), Some(13))
    );
    assert_eq!(reg["endColumn"].as_u64(), Some(16));
    assert_eq!(reg["snippet"]["text"], "was");
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rep = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert!(rep["deletedRegion"]["startLine"].is_u64());
    assert_eq!(rep["insertedContent"]["text"], "");
    // Every object SARIF requires a message for has one with text.
    for rel in r["relatedLocations"].as_array().into_iter().flatten() {
        assert!(rel["message"]["text"].is_string());
        assert!(rel["id"].is_u64());
    }
}

#[test]
fn github_annotations() {
    let d = scratch("github");
    sample(&d);
    std::fs::write(d.join("we, ird:name.txt"), "It it was 100% done.\n").unwrap();
    let o = run(
        &d,
        &["check", "--format", "github", "e.txt", "we, ird:name.txt"],
    );
    let s = out(&o);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(
        lines[0],
        "::warning file=e.txt,line=2,col=13,endLine=2,endColumn=16,title=essaylint repetition/doubled-word::`was` is written twice in a row (did you mean `was`?)"
    );
    assert!(lines[1].starts_with("::warning file=we%2C ird%3Aname.txt,line=1,col=4,"));
    assert!(lines
        .last()
        .unwrap()
        .starts_with("essaylint: 2 files checked"));
}

#[test]
fn html_is_self_contained_and_escaped() {
    let d = scratch("html");
    std::fs::write(
        d.join("x.md"),
        "# <script>alert(1)</script>\n\nThe the \"quoted\" & <b>bold</b>.\n\n```\ncode\n```\n",
    )
    .unwrap();
    let o = run(&d, &["check", "--format", "html", "x.md"]);
    let h = out(&o);
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.trim_end().ends_with("</html>"));
    assert!(!h.contains("<script>alert"));
    // Markup greyed and escaped (an anchor for the heading's sentence may stand between).
    assert!(h.contains("<span class=\"np\">&lt;script&gt;</span>"));
    assert!(h.contains("alert(1)<span class=\"np\">&lt;/script&gt;"));
    assert!(h.contains("&lt;b&gt;</span>bold<span class=\"np\">&lt;/b&gt;"));
    assert!(h.contains("&quot;quoted&quot; &amp; "));
    // One script (ours) and no external resources.
    assert_eq!(h.matches("<script").count(), 1);
    assert!(!h.contains("src=") && !h.contains("<link") && !h.contains("@import"));
    // The flagged word is marked in its category's colour and listed.
    assert!(h.contains("<mark class=\"bg c-repetition s-warning\""));
    assert!(h.contains("class=\"diag c-repetition s-warning r-doubled-word\""));
    // Markup is shown as markup.
    assert!(h.contains("<span class=\"np\">```"));
    // Nothing written besides standard output.
    let names: Vec<_> = std::fs::read_dir(&d).unwrap().flatten().collect();
    assert_eq!(names.len(), 1);
}

// ---------------------------------------------------------------- fixes

#[test]
fn fix_writes_atomically_keeps_permissions_and_reports() {
    let d = scratch("fix");
    let text = "# Title\n\nIt was was late, and the the night fell.\n\n```\nthe the\n```\n";
    std::fs::write(d.join("e.md"), text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(d.join("e.md"), std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    // --diff shows, writes nothing, exits 1.
    let o = run(&d, &["check", "--diff", "e.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o).contains(
            "-It was was late, and the the night fell.\n+It was late, and the night fell.\n"
        ),
        "{}",
        out(&o)
    );
    assert_eq!(std::fs::read_to_string(d.join("e.md")).unwrap(), text);

    let o = run(&d, &["check", "--fix", "e.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let s = out(&o);
    assert!(
        s.contains("fixed e.md:3:4 doubled-word: `was was` → `was`"),
        "{s}"
    );
    assert!(
        s.contains("fixed e.md:3:22 doubled-word: `the the` → `the`"),
        "{s}"
    );
    assert!(err(&o).contains("e.md: 2 fixes applied"));
    let fixed = std::fs::read_to_string(d.join("e.md")).unwrap();
    assert_eq!(
        fixed,
        "# Title\n\nIt was late, and the night fell.\n\n```\nthe the\n```\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(d.join("e.md"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    // No temporary file left behind.
    let names: Vec<_> = std::fs::read_dir(&d).unwrap().flatten().collect();
    assert_eq!(names.len(), 1);
    // Stable: a second run changes nothing and says so.
    let o = run(&d, &["check", "--diff", "e.md"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).is_empty());
}

#[test]
fn fix_json_keeps_stdout_clean_and_honours_suppression() {
    let d = scratch("fix-json");
    let text = "<!-- essaylint-disable-next-line doubled-word -->\nQuoted: “it it was”.\n\nMine: and and.\n";
    std::fs::write(d.join("e.md"), text).unwrap();
    let o = run(&d, &["check", "--fix", "--format", "json", "e.md"]);
    let v = json(&o);
    assert_eq!(diags(&v).len(), 0);
    assert!(err(&o).contains("fixed e.md:4:7 doubled-word: `and and` → `and`"));
    assert_eq!(
        std::fs::read_to_string(d.join("e.md")).unwrap(),
        "<!-- essaylint-disable-next-line doubled-word -->\nQuoted: “it it was”.\n\nMine: and.\n"
    );
}

#[test]
fn fix_refuses_stdin_and_diff_works_on_it() {
    let d = scratch("fix-stdin");
    let o = run_stdin(&d, &["check", "--fix", "-"], b"the the\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--fix cannot rewrite standard input"));
    let o = run_stdin(&d, &["check", "--diff", "-"], b"the the end\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("+the end"));
    let o = run(&d, &["check", "--fix", "--diff", "x.txt"]);
    assert_eq!(o.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn fix_failure_names_the_file_and_writes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let d = scratch("fix-ro");
    let sub = d.join("ro");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("e.txt"), "the the\n").unwrap();
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root can write anywhere: only check the message when the folder is really read-only.
    let writable = std::fs::write(sub.join("probe"), "x").is_ok();
    let _ = std::fs::remove_file(sub.join("probe"));
    let o = run(&d, &["check", "--fix", "ro/e.txt"]);
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
    if !writable {
        assert_eq!(o.status.code(), Some(2));
        assert!(err(&o).contains("ro/e.txt: not fixed:"), "{}", err(&o));
        assert_eq!(
            std::fs::read_to_string(sub.join("e.txt")).unwrap(),
            "the the\n"
        );
    }
}

// ---------------------------------------------------------------- suppression & bad input

#[test]
fn unknown_suppression_names_are_reported() {
    let d = scratch("supp");
    std::fs::write(
        d.join("e.md"),
        "<!-- essaylint-disable-next-line doubled-wrod, spelling -->\nthe the\n",
    )
    .unwrap();
    let o = run(&d, &["check", "e.md"]);
    let e = err(&o);
    assert!(
        e.contains("e.md:2: an essaylint-disable comment names `doubled-wrod`"),
        "{e}"
    );
    assert!(!e.contains("`spelling`"));
}

#[test]
fn bad_input_names_file_and_reason() {
    let d = scratch("bad");
    std::fs::create_dir_all(d.join("empty-dir")).unwrap();
    std::fs::write(d.join("bin.txt"), b"\x00\x01\x02\x03").unwrap();
    std::fs::write(d.join("blank.txt"), "  \n\n").unwrap();
    std::fs::write(d.join("ok.txt"), "Fine text.\n").unwrap();
    let o = run(
        &d,
        &[
            "check",
            "missing.txt",
            "empty-dir",
            "bin.txt",
            "blank.txt",
            "ok.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(e.contains("missing.txt: no such file or folder"), "{e}");
    assert!(e.contains("empty-dir: no files to check"), "{e}");
    assert!(e.contains("bin.txt: not a text file (binary data)"), "{e}");
    assert!(e.contains("blank.txt: empty"), "{e}");
    // The readable file is still reported.
    assert!(out(&o).contains("ok.txt: no problems found"));
    let names: Vec<_> = std::fs::read_dir(&d).unwrap().flatten().collect();
    assert_eq!(names.len(), 4);
}
