//! rustc-style reports drawn by miette's graphical handler: the line, the underlined words, the
//! message, and a suggestion where there is one; then a summary.

use super::{FileReport, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// How to draw the report.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub color: bool,
    /// Terminal width for wrapping messages.
    pub width: usize,
    /// Print the summary lines (left out with `--quiet`).
    pub summary: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            color: false,
            width: 100,
            summary: true,
        }
    }
}

/// The essay as miette sees it. Essays often keep a whole paragraph on one line; showing an
/// 800-character line for a two-word slip helps nobody, so a long line is cut to a window of
/// about `WINDOW` characters either side of the span.
struct Windowed<'a> {
    name: &'a str,
    text: &'a str,
    doc: &'a crate::doc::Document,
}

const WINDOW: usize = 60;

impl SourceCode for Windowed<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self.text;
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let lines = text[line_start..line_end].matches('\n').count() + 1;
        // Line index from the model's line table: counting newlines here would make rendering
        // quadratic in the number of diagnostics.
        let line = self.doc.line_col(line_start).0 - 1;
        let column = text[line_start..start].chars().count();
        if lines > 1 || line_end - line_start <= 2 * WINDOW + span.len() + 20 {
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.to_string(),
                &text.as_bytes()[line_start..line_end],
                SourceSpan::new(line_start.into(), line_end - line_start),
                line,
                column,
                lines,
            )));
        }
        // Window start: WINDOW characters back, moved forward to a word start.
        let mut ws = start;
        for (n, (i, _)) in text[line_start..start].char_indices().rev().enumerate() {
            ws = line_start + i;
            if n >= WINDOW {
                break;
            }
        }
        if ws > line_start {
            if let Some(sp) = text[ws..start].find(' ') {
                ws += sp + 1;
            }
        }
        let mut we = end;
        for (n, (i, c)) in text[end..line_end].char_indices().enumerate() {
            we = end + i + c.len_utf8();
            if n >= WINDOW {
                break;
            }
        }
        if we < line_end {
            if let Some(sp) = text[end..we].rfind(' ') {
                we = end + sp;
            }
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            &text.as_bytes()[ws..we],
            SourceSpan::new(ws.into(), we - ws),
            line,
            column,
            1,
        )))
    }
}

struct Shown<'a> {
    d: &'a Diagnostic,
    src: &'a Windowed<'a>,
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
        let src = Windowed {
            name: f.path,
            text: &f.report.document.text,
            doc: &f.report.document,
        };
        for d in &f.report.diagnostics {
            let shown = Shown { d, src: &src };
            if handler.render_report(&mut out, &shown).is_err() {
                out.push_str(&format!("{}: {}: {}\n", f.path, d.rule, d.message));
            }
            out.push('\n');
        }
        if !opts.summary {
            continue;
        }
        let s = Summary::of(f.report.diagnostics.iter(), 1);
        out.push_str(&format!(
            "{}: {} — {}\n",
            f.path,
            s.line(),
            f.report.stats.summary()
        ));
        if f.is_extracted() && !f.report.diagnostics.is_empty() {
            out.push_str(&format!(
                "  (line numbers count lines of the text extracted from the Word document: `essaylint extract {}` prints it)\n",
                f.path
            ));
        }
    }
    if files.len() > 1 && opts.summary {
        let s = Summary::for_files(files);
        out.push_str(&format!("{} files checked: {}\n", files.len(), s.line()));
    }
    out
}
