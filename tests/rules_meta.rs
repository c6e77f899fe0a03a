//! Every rule is documented and named as the design requires.

use essaylint::catalog as rules;
use std::collections::HashSet;

#[test]
fn every_rule_is_documented_and_unique() {
    let mut names = HashSet::new();
    assert!(rules::all().len() >= 2);
    for r in rules::all() {
        let m = r.meta();
        assert!(names.insert(m.name), "duplicate rule name {}", m.name);
        assert!(
            !m.name.is_empty() && m.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{} is not kebab-case",
            m.name
        );
        let docs = m.docs();
        for section in [
            "What it does",
            "Why it matters",
            "Example",
            "Options",
            "Fix safety",
        ] {
            assert!(docs.contains(section), "{}: docs lack `{section}`", m.name);
        }
        assert!(!m.summary.is_empty(), "{}: no summary", m.name);
        for o in m.options() {
            assert!(
                docs.contains(&o.name),
                "{}: option {} undocumented",
                m.name,
                o.name
            );
            assert!(
                !o.help.is_empty(),
                "{}: option {} has no help",
                m.name,
                o.name
            );
        }
        // A rule that declares no fix says so; one that fixes says how safely.
        let safety = &docs[docs.find("Fix safety").unwrap()..];
        match m.fix {
            None => assert!(
                safety.contains("No automatic fix"),
                "{}: declares no fix but its Fix safety section does not say so",
                m.name
            ),
            Some(a) => assert!(
                !safety.contains("No automatic fix")
                    && safety
                        .to_lowercase()
                        .contains(a.as_str().split('-').next().unwrap()),
                "{}: declares {a} fixes but its Fix safety section does not say so",
                m.name
            ),
        }
    }
}

/// The README's rule table is the one `essaylint rules --markdown` prints, and every rule is
/// described in the README's category tables too.
#[test]
fn readme_rule_table_is_current() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = "<!-- rules-table:start -->\n";
    let a = readme
        .find(start)
        .expect("README lacks the rules-table markers")
        + start.len();
    let b = readme.find("<!-- rules-table:end -->").unwrap();
    assert_eq!(
        &readme[a..b],
        rules::markdown_table(),
        "README's rule table is stale: paste the output of `essaylint rules --markdown`"
    );
    let described = &readme[b..];
    for r in rules::all() {
        let name = format!("`{}`", r.meta().name);
        assert!(
            described
                .lines()
                .any(|l| l.starts_with('|') && l.contains(&name)),
            "{name} is not described in the README's rule tables"
        );
    }
}
