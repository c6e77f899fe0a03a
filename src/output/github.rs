//! GitHub Actions workflow commands: annotations shown on the pull request's changed files and
//! in the run summary.
//!
//! ```text
//! ::warning file=essay.md,line=3,col=12,endLine=3,endColumn=19,title=essaylint repetition/doubled-word::`the` is written twice (did you mean `the`?)
//! ```
//!
//! Advice becomes `notice`. GitHub shows at most [`SHOWN_PER_LEVEL`] annotations of each level
//! per step and drops the rest silently, so only that many of each are written (errors, then
//! warnings, then notices, each in file order) and a last line says how many more there are; the
//! job summary ([`step_summary`], written where `GITHUB_STEP_SUMMARY` points) has every file.
//! Values are escaped as the runner expects (`%`, CR and LF everywhere; `:` and `,` in
//! properties too). A last plain line gives the summary.

use super::{suggestion_text, FileReport, Summary};
use crate::diagnostic::{Diagnostic, Severity};

/// How many annotations of one level GitHub shows for a step.
pub const SHOWN_PER_LEVEL: usize = 10;

pub fn render(files: &[FileReport<'_>]) -> String {
    let mut stream = Stream::new();
    for f in files {
        stream.file(f);
    }
    stream.finish().0
}

/// Writes the annotations and the job summary one file at a time. GitHub shows the first
/// [`SHOWN_PER_LEVEL`] annotations of each level, errors first, so at most that many of each
/// level are kept until [`Stream::finish`]; the job summary's rows and details are kept as text.
#[derive(Default)]
pub struct Stream {
    shown: [Vec<String>; 3],
    left_out: usize,
    summary: Summary,
    rows: String,
    details: String,
}

impl Stream {
    pub fn new() -> Stream {
        Stream::default()
    }

    pub fn file(&mut self, f: &FileReport<'_>) {
        for d in &f.report.diagnostics {
            let k = match d.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Advice => 2,
            };
            if self.shown[k].len() == SHOWN_PER_LEVEL {
                self.left_out += 1;
            } else {
                self.shown[k].push(annotation(f, d));
            }
        }
        let c = Summary::of(f.report.diagnostics.iter(), 1);
        self.summary.add(&c);
        self.rows.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(f.path),
            f.report.stats.words,
            c.errors,
            c.warnings,
            c.advice
        ));
        if !f.report.diagnostics.is_empty() {
            self.details.push_str(&format!(
                "\n<details><summary>{}</summary>\n\n| line | severity | rule | message |\n|---:|---|---|---|\n",
                html(f.path)
            ));
            for d in &f.report.diagnostics {
                let (line, _) = f.report.document.line_col(d.span.start);
                self.details.push_str(&format!(
                    "| {line} | {} | {} | {} |\n",
                    d.severity.as_str(),
                    d.rule,
                    cell(&d.message)
                ));
            }
            self.details.push_str("\n</details>\n");
        }
    }

    /// The annotations and the job summary.
    pub fn finish(self) -> (String, String) {
        let n = self.summary.files;
        let mut out: String = self.shown.concat().concat();
        if self.left_out > 0 {
            out.push_str(&format!(
                "essaylint: {} more annotation{} not shown (GitHub shows {SHOWN_PER_LEVEL} of each level per step); every file is in the job summary\n",
                self.left_out,
                if self.left_out == 1 { "" } else { "s" }
            ));
        }
        let line = format!(
            "{} file{} checked: {}",
            n,
            if n == 1 { "" } else { "s" },
            self.summary.line()
        );
        out.push_str(&format!("essaylint: {line}\n"));
        let md = format!(
            "## essaylint\n\n{line}\n\n| file | words | errors | warnings | advice |\n|---|---:|---:|---:|---:|\n{}{}",
            self.rows, self.details
        );
        (out, md)
    }
}

fn annotation(f: &FileReport<'_>, d: &Diagnostic) -> String {
    let doc = &f.report.document;
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
    format!(
        "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
        property(&super::sanitize::escape(f.path)),
        property(&format!("essaylint {}/{}", d.category, d.rule)),
        data(&msg),
    )
}

/// A Markdown job summary: one row per file with its counts, then every diagnostic of the
/// files that have any, by file.
pub fn step_summary(files: &[FileReport<'_>]) -> String {
    let mut stream = Stream::new();
    for f in files {
        stream.file(f);
    }
    stream.finish().1
}

/// Text for a Markdown table cell: no pipes or line breaks, no HTML.
fn cell(s: &str) -> String {
    html(s).replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
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
        assert_eq!(cell("a|b <i>\nc"), "a\\|b &lt;i&gt; c");
    }

    #[test]
    fn at_most_ten_of_each_level() {
        let text = "We saw the the cat. ".repeat(30);
        let report = crate::engine::check(crate::doc::Source::plain(text), &Default::default());
        let n = report.diagnostics.len();
        assert!(n > 10);
        let f = [FileReport {
            path: "e.txt",
            report: &report,
        }];
        let out = render(&f);
        assert_eq!(out.matches("::warning ").count(), 10);
        let left: usize = [Severity::Error, Severity::Warning, Severity::Advice]
            .iter()
            .map(|s| {
                let k = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == *s)
                    .count();
                k.saturating_sub(SHOWN_PER_LEVEL)
            })
            .sum();
        assert!(
            out.contains(&format!("{left} more annotations not shown")),
            "{out}"
        );
        let md = step_summary(&f);
        assert!(md.contains("| e.txt |"));
        let doubled = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "doubled-word")
            .count();
        assert_eq!(md.matches("| doubled-word |").count(), doubled);
    }
}
