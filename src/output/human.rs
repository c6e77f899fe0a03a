//! rustc-style reports drawn by miette's graphical handler: the line, the underlined words, the
//! message, and a suggestion where there is one; then a summary.

use super::{FileReport, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};
use std::fmt;

/// How to draw the report.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub color: bool,
    /// Terminal width for wrapping messages.
    pub width: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            color: false,
            width: 100,
        }
    }
}

struct Shown<'a> {
    d: &'a Diagnostic,
    src: &'a NamedSource<String>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("{}::{}", self.d.category, self.d.rule)))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advice => miette::Severity::Advice,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        match self.d.suggestions.as_slice() {
            [] => None,
            [one] if one.is_empty() => Some(Box::new("delete it".to_string())),
            [one] => Some(Box::new(format!("did you mean `{one}`?"))),
            many => Some(Box::new(format!(
                "did you mean {}?",
                many.iter()
                    .take(5)
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(
            Some(short_label(self.d)),
            (self.d.span.start, self.d.span.len()),
        );
        let related = self.d.related.iter().take(6).map(|r| {
            LabeledSpan::new_with_span(Some(r.message.clone()), (r.span.start, r.span.len()))
        });
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

fn short_label(d: &Diagnostic) -> String {
    match d.suggestions.first() {
        Some(s) if !s.is_empty() => format!("{} → {s}", d.rule),
        _ => d.rule.to_string(),
    }
}

/// Renders every file's diagnostics, then per-file and overall summaries.
pub fn render(files: &[FileReport<'_>], opts: Options) -> String {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_context_lines(0)
        .with_links(false);
    let mut out = String::new();
    for f in files {
        let src = NamedSource::new(f.path, f.report.document.text.clone());
        for d in &f.report.diagnostics {
            let shown = Shown { d, src: &src };
            if handler.render_report(&mut out, &shown).is_err() {
                out.push_str(&format!("{}: {}: {}\n", f.path, d.rule, d.message));
            }
            out.push('\n');
        }
        let s = Summary::of(f.report.diagnostics.iter(), 1);
        let st = &f.report.stats;
        out.push_str(&format!(
            "{}: {} — {} words, {} sentences, {} paragraphs\n",
            f.path,
            s.line(),
            st.words,
            st.sentences,
            st.paragraphs
        ));
        if f.is_extracted() && !f.report.diagnostics.is_empty() {
            out.push_str(&format!(
                "  (line numbers count lines of the text extracted from the Word document: `essaylint extract {}` prints it)\n",
                f.path
            ));
        }
    }
    if files.len() > 1 {
        let s = Summary::for_files(files);
        out.push_str(&format!("{} files checked: {}\n", files.len(), s.line()));
    }
    out
}
