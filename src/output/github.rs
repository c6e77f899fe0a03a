//! GitHub Actions workflow commands: one annotation per diagnostic, shown on the pull request's
//! changed files and in the run summary.
//!
//! ```text
//! ::warning file=essay.md,line=3,col=12,endLine=3,endColumn=19,title=essaylint repetition/doubled-word::`the` is written twice (did you mean `the`?)
//! ```
//!
//! Advice becomes `notice`. Values are escaped as the runner expects (`%`, CR and LF everywhere;
//! `:` and `,` in properties too). A last plain line gives the summary.

use super::{suggestion_text, FileReport, Summary};
use crate::diagnostic::Severity;

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for f in files {
        let doc = &f.report.document;
        for d in &f.report.diagnostics {
            let (line, col) = doc.line_col(d.span.start);
            let (end_line, end_col) = doc.line_col(d.span.end);
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Advice => "notice",
            };
            // The Actions log is a terminal: no control characters from the essay.
            let mut msg = super::sanitize::escape(&d.message).into_owned();
            if let Some(s) = suggestion_text(d) {
                msg.push_str(&format!(" ({})", super::sanitize::escape(&s)));
            }
            out.push_str(&format!(
                "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
                property(&super::sanitize::escape(f.path)),
                property(&format!("essaylint {}/{}", d.category, d.rule)),
                data(&msg),
            ));
        }
    }
    let s = Summary::for_files(files);
    out.push_str(&format!(
        "essaylint: {} file{} checked: {}\n",
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        s.line()
    ));
    out
}

/// Escapes a message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
