//! Every rule is documented and named as the design requires.

use essaylint::rule;
use std::collections::HashSet;

#[test]
fn every_rule_is_documented_and_unique() {
    let mut names = HashSet::new();
    assert!(rule::all().len() >= 2);
    for r in rule::all() {
        let m = r.meta();
        assert!(names.insert(m.name), "duplicate rule name {}", m.name);
        assert!(
            !m.name.is_empty() && m.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{} is not kebab-case",
            m.name
        );
        let docs = m.docs();
        for section in ["What it does", "Why it matters", "Example", "Options"] {
            assert!(docs.contains(section), "{}: docs lack `{section}`", m.name);
        }
        assert!(!m.summary.is_empty(), "{}: no summary", m.name);
        for o in m.options {
            assert!(
                docs.contains(o.name),
                "{}: option {} undocumented",
                m.name,
                o.name
            );
        }
    }
}
