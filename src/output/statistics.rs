//! `--statistics`: how many diagnostics each rule gave, most first.
//!
//! ```text
//!   12  typo                   spelling     warning  [*]
//!    3  long-sentence          sentences    advice
//! ```
//!
//! `[*]` marks rules some of whose diagnostics `--fix` can fix.

use super::FileReport;
use crate::diagnostic::{Applicability, Category, Severity};
use std::collections::BTreeMap;

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut c = Counter::default();
    for f in files {
        c.add(f);
    }
    c.finish()
}

/// The counts, gathered one file at a time.
#[derive(Default)]
pub struct Counter {
    // rule -> (count, category, highest severity, fixable)
    by: BTreeMap<&'static str, (usize, Category, Severity, bool)>,
}

impl Counter {
    pub fn add(&mut self, f: &FileReport<'_>) {
        for d in &f.report.diagnostics {
            let e = self
                .by
                .entry(d.rule)
                .or_insert((0, d.category, d.severity, false));
            e.0 += 1;
            e.2 = e.2.max(d.severity);
            e.3 |= d
                .fix
                .as_ref()
                .is_some_and(|f| f.applies_at(Applicability::Safe));
        }
    }

    pub fn finish(self) -> String {
        let mut rows: Vec<_> = self.by.into_iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let width = rows
            .iter()
            .map(|r| r.1 .0.to_string().len())
            .max()
            .unwrap_or(1);
        let mut out = String::new();
        for (rule, (n, cat, sev, fixable)) in rows {
            out.push_str(&format!(
                "{n:>width$}  {rule:<26} {:<12} {:<8}{}\n",
                cat.as_str(),
                sev.as_str(),
                if fixable { " [*]" } else { "" }
            ));
        }
        if out.is_empty() {
            out.push_str("no diagnostics\n");
        }
        out
    }
}
