//! One line per diagnostic, as compilers and `ruff --output-format concise` print them:
//!
//! ```text
//! essay.txt:3:12: warning[doubled-word] `the` is written twice in a row (did you mean `the`?)
//! ```
//!
//! Columns count characters, from 1. A last line gives the summary (left out with `--quiet`).

use super::{suggestion_text, FileReport, Summary};

pub fn render(files: &[FileReport<'_>], summary: bool) -> String {
    let mut out = String::new();
    for f in files {
        let doc = &f.report.document;
        for d in &f.report.diagnostics {
            let (line, col) = doc.line_col(d.span.start);
            let mut msg = d.message.replace(['\n', '\r'], " ");
            if let Some(s) = suggestion_text(d) {
                msg.push_str(&format!(" ({s})"));
            }
            out.push_str(&format!(
                "{}:{line}:{col}: {}[{}] {msg}\n",
                f.path,
                d.severity.as_str(),
                d.rule
            ));
        }
    }
    if summary {
        let s = Summary::for_files(files);
        out.push_str(&format!(
            "{} file{} checked: {}\n",
            files.len(),
            if files.len() == 1 { "" } else { "s" },
            s.line()
        ));
    }
    out
}
