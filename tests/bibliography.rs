//! Bibliography files beside an essay, as the command line finds and reads them: `.bib` named by
//! `\bibliography{…}` / `\addbibresource{…}`, CSL-JSON named by pandoc's `bibliography:`, and
//! `--bibliography FILE`.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_essaylint"))
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("essaylint-bib-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn check(args: &[&str]) -> (Vec<serde_json::Value>, String, Option<i32>) {
    let o: Output = bin()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let v: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {:?}", o));
    let diags = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .collect();
    (
        diags,
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.code(),
    )
}

fn of_rule<'a>(d: &'a [serde_json::Value], rule: &str) -> Vec<&'a str> {
    d.iter()
        .filter(|x| x["rule"] == rule)
        .map(|x| x["message"].as_str().unwrap())
        .collect()
}

const BIB: &str = r#"@string{jw = "Journal of Water"}
@article{smith2001,
  author = {Smith, John and Doe, Jane},
  title = {On Rivers},
  journal = jw,
  year = 2001,
  pages = {100--120},
}
@book{roe2019, author = {Roe, Richard}, title = {Land}, year = {2019}}
@book{unused2000, author = {Ann Unused}, title = {Never Cited}, year = {2000}}
"#;

#[test]
fn latex_bibliography_keys_are_checked_exactly() {
    let d = tmpdir("latex");
    std::fs::write(d.join("refs.bib"), BIB).unwrap();
    let tex = d.join("paper.tex");
    std::fs::write(
        &tex,
        "\\documentclass{article}\n\\begin{document}\nRivers shape the land \\cite{smith2001}. Later work disagrees\n\\citep[p.~12]{smtih2001, roe2019}. A third view is new \\cite{nobody1999}.\n\n\\bibliography{refs}\n\\end{document}\n",
    )
    .unwrap();
    let (diags, err, code) = check(&[tex.to_str().unwrap()]);
    let missing = of_rule(&diags, "missing-reference");
    assert_eq!(missing.len(), 2, "{missing:?} {err}");
    assert!(missing
        .iter()
        .any(|m| m.contains("smtih2001") && m.contains("refs.bib") && m.contains("smith2001")));
    assert!(missing.iter().any(|m| m.contains("nobody1999")));
    // BibTeX prints only what is cited: an entry of the file nothing cites is not reported.
    assert!(of_rule(&diags, "unused-reference").is_empty(), "{diags:?}");
    assert_eq!(code, Some(1));
}

#[test]
fn addbibresource_and_the_page_range_of_an_entry() {
    let d = tmpdir("biblatex");
    std::fs::write(d.join("sources.bib"), BIB).unwrap();
    let tex = d.join("paper.tex");
    std::fs::write(
        &tex,
        "\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{sources.bib}\n\\begin{document}\nRivers shape the land \\parencite[45]{smith2001}.\n\\printbibliography\n\\end{document}\n",
    )
    .unwrap();
    let (diags, err, _) = check(&[tex.to_str().unwrap()]);
    assert!(of_rule(&diags, "missing-reference").is_empty(), "{err}");
    let detail = of_rule(&diags, "citation-detail");
    assert!(
        detail
            .iter()
            .any(|m| m.contains("page 45") && m.contains("100–120")),
        "{detail:?}"
    );
}

#[test]
fn pandoc_front_matter_names_a_csl_json_file() {
    let d = tmpdir("pandoc");
    std::fs::write(
        d.join("refs.json"),
        r#"[{"id": "doe2019", "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2019]]}, "title": "Land"}]"#,
    )
    .unwrap();
    let md = d.join("essay.md");
    std::fs::write(
        &md,
        "---\ntitle: Rivers\nbibliography: refs.json\n---\n\nRivers shape the land [@doe2019, p. 4]. Others disagree [@roe2000].\n",
    )
    .unwrap();
    let (diags, _, _) = check(&[md.to_str().unwrap()]);
    let missing = of_rule(&diags, "missing-reference");
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].contains("roe2000") && missing[0].contains("refs.json"));
}

#[test]
fn the_bibliography_flag_and_a_missing_file() {
    let d = tmpdir("flag");
    let bib = d.join("library.bib");
    std::fs::write(&bib, BIB).unwrap();
    let md = d.join("essay.md");
    std::fs::write(
        &md,
        "Rivers shape the land [@smith2001, p. 101]. Others disagree [@roe2000].\n",
    )
    .unwrap();
    let (diags, _, _) = check(&[
        "--bibliography",
        bib.to_str().unwrap(),
        md.to_str().unwrap(),
    ]);
    let missing = of_rule(&diags, "missing-reference");
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].contains("roe2000"));

    // A file the essay names but that is not there: said on stderr, keys left unchecked.
    let tex = d.join("paper.tex");
    std::fs::write(
        &tex,
        "\\begin{document}\nRivers shape the land \\cite{smith2001}.\n\\bibliography{nothere}\n\\end{document}\n",
    )
    .unwrap();
    let (diags, err, _) = check(&[tex.to_str().unwrap()]);
    assert!(
        err.contains("nothere") && err.contains("not found"),
        "{err}"
    );
    assert!(of_rule(&diags, "missing-reference").is_empty());
}

#[test]
fn a_broken_entry_is_named_and_the_rest_read() {
    let d = tmpdir("broken");
    std::fs::write(
        d.join("refs.bib"),
        "@book{good1, author = {Ann Alpha}, title = {One}, year = 1999}\n@book{bad2, author = {Bob Beta, title = {Two}, year = 2000}\n@book{good3, author = {Cy Gamma}, title = {Three}, year = 2001}\n",
    )
    .unwrap();
    let tex = d.join("paper.tex");
    std::fs::write(
        &tex,
        "\\begin{document}\nOne view \\cite{good1}, and another \\cite{good3}.\n\\bibliography{refs}\n\\end{document}\n",
    )
    .unwrap();
    let (diags, err, _) = check(&[tex.to_str().unwrap()]);
    assert!(err.contains("refs.bib") && err.contains("line 2"), "{err}");
    assert!(
        of_rule(&diags, "missing-reference").is_empty(),
        "{diags:?} {err}"
    );
}

#[test]
fn a_csl_yaml_file_and_inline_front_matter_references() {
    let d = tmpdir("yaml");
    std::fs::write(
        d.join("refs.yaml"),
        "---\nreferences:\n- id: doe2019\n  author:\n  - family: Doe\n    given: Jane\n  issued: 2019\n  title: Land\n...\n",
    )
    .unwrap();
    let md = d.join("essay.md");
    std::fs::write(
        &md,
        "---\ntitle: Rivers\nbibliography: refs.yaml\n---\n\nRivers shape the land [@doe2019, p. 4]. Others disagree [@roe2000].\n",
    )
    .unwrap();
    let (diags, err, _) = check(&[md.to_str().unwrap()]);
    let missing = of_rule(&diags, "missing-reference");
    assert_eq!(missing.len(), 1, "{missing:?} {err}");
    assert!(missing[0].contains("roe2000") && missing[0].contains("refs.yaml"));

    // Pandoc's `references:` written in the front matter itself: the entries are the list, a
    // key not in it is missing, and an entry nothing cites is named where its `id` is.
    let inline = d.join("inline.md");
    let text = "---\ntitle: Rivers\nreferences:\n- id: smith2001\n  author:\n    - family: Smith\n  issued: 2001\n- id: roe2019\n  author: [{family: Roe}]\n  issued: 2019\n---\n\nRivers shape the land [@smith2001]. Others disagree [@nobody1999].\n";
    std::fs::write(&inline, text).unwrap();
    let (diags, err, _) = check(&[inline.to_str().unwrap()]);
    let missing = of_rule(&diags, "missing-reference");
    assert_eq!(missing.len(), 1, "{missing:?} {err}");
    assert!(missing[0].contains("nobody1999"), "{missing:?}");
    assert!(
        !missing.iter().any(|m| m.contains("`smith2001`")),
        "{missing:?}"
    );
}
