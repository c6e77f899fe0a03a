//! rustc-style reports drawn by miette's graphical handler: the line, the underlined words, the
//! message, and a suggestion where there is one; then a summary.

use super::{sanitize, suggestion_text, FileReport, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use unicode_segmentation::UnicodeSegmentation;

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
/// 800-character line for a two-word slip helps nobody (and miette cannot draw labels more than
/// 65,535 columns apart), so what is shown of one line is capped: a label covers at most
/// [`MAX_LABEL`] bytes of one line, and a long line is cut to a window of about [`WINDOW`]
/// characters either side of it. The text is a copy with terminal control characters replaced
/// (same byte length, so spans stay valid).
struct Windowed<'a> {
    name: String,
    text: &'a str,
    doc: &'a crate::doc::Document,
}

const WINDOW: usize = 60;
/// The most of one line a label underlines, in bytes.
const MAX_LABEL: usize = 160;
/// Related places further than this (in bytes) from the primary span on the same line are
/// listed in the help text instead of drawn.
const NEAR: usize = 2 * WINDOW + MAX_LABEL;

impl Windowed<'_> {
    fn line_start(&self, at: usize) -> usize {
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |i| at + i)
    }

    /// `span` clamped to the text and character boundaries, cut at its first line's end and to
    /// [`MAX_LABEL`] bytes.
    fn capped(&self, span: crate::Span) -> (usize, usize) {
        let text = self.text;
        let mut start = span.start.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = span
            .end
            .clamp(start, text.len())
            .min(self.line_end(start))
            .min(start + MAX_LABEL);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        (start, end.max(start))
    }
}

impl SourceCode for Windowed<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self.text;
        let (start, _) = self.capped(crate::Span::new(span.offset(), span.offset()));
        let mut end = (span.offset() + span.len()).clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let line_start = self.line_start(start);
        // Never more than one line: labels are capped to one line, and windows on different
        // lines never merge.
        let end = end.min(self.line_end(start));
        let line_end = self.line_end(end);
        // Line index from the model's line table: counting newlines here would make rendering
        // quadratic in the number of diagnostics.
        let line = self.doc.line_col(line_start).0 - 1;
        let column = text[line_start..start].chars().count();
        if line_end - line_start <= 2 * WINDOW + (end - start) + 20 {
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                &text.as_bytes()[line_start..line_end],
                SourceSpan::new(line_start.into(), line_end - line_start),
                line,
                column,
                1,
            )));
        }
        // Window start: WINDOW user-perceived characters (grapheme clusters, so an accent
        // written as a combining mark or an emoji sequence is never cut in two) back, moved
        // forward to a word start.
        let mut ws = start;
        for (n, (i, _)) in text[line_start..start]
            .grapheme_indices(true)
            .rev()
            .enumerate()
        {
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
        for (n, (i, g)) in text[end..line_end].grapheme_indices(true).enumerate() {
            we = end + i + g.len();
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
            self.name.clone(),
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
    message: String,
}

impl<'a> Shown<'a> {
    fn new(d: &'a Diagnostic, src: &'a Windowed<'a>) -> Self {
        Shown {
            d,
            src,
            message: sanitize::escape(&d.message).into_owned(),
        }
    }

    /// Related places drawn with the primary span: on other lines, or near it on its line.
    fn drawn(&self, r: &crate::diagnostic::Related) -> bool {
        let (ps, _) = self.src.capped(self.d.span);
        let (rs, _) = self.src.capped(r.span);
        let same_line = self.src.line_start(ps) == self.src.line_start(rs);
        !same_line || ps.abs_diff(rs) <= NEAR
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
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
        let mut parts: Vec<String> = suggestion_text(self.d)
            .map(|s| sanitize::escape(&s).into_owned())
            .into_iter()
            .collect();
        // Far-away related places on the same line are named rather than drawn.
        for r in self.d.related.iter().take(6).filter(|r| !self.drawn(r)) {
            let (line, col) = self.src.doc.line_col(r.span.start);
            parts.push(format!(
                "{} at {line}:{col}",
                sanitize::escape_line(&r.message)
            ));
        }
        (!parts.is_empty()).then(|| Box::new(parts.join("; ")) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (s, e) = self.src.capped(self.d.span);
        let mut label = short_label(self.d);
        if e < self.d.span.end {
            // The span goes on past what is drawn.
            label.push_str(" (continues)");
        }
        let primary = LabeledSpan::new_primary_with_span(Some(label), (s, e - s));
        let related = self
            .d
            .related
            .iter()
            .take(6)
            .filter(|r| self.drawn(r))
            .map(|r| {
                let (s, e) = self.src.capped(r.span);
                LabeledSpan::new_with_span(
                    Some(sanitize::escape_line(&r.message).into_owned()),
                    (s, e - s),
                )
            });
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

fn short_label(d: &Diagnostic) -> String {
    match d.suggestions.first() {
        Some(s) if !s.is_empty() => format!("{} → {}", d.rule, sanitize::escape_line(s)),
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
        let path = sanitize::escape_line(f.path);
        let text = sanitize::mask_same_length(&f.report.document.text);
        let src = Windowed {
            name: path.to_string(),
            text: &text,
            doc: &f.report.document,
        };
        for d in &f.report.diagnostics {
            let shown = Shown::new(d, &src);
            // The renderer is a library of its own: should it fail or panic on some input, the
            // diagnostic is still reported, on one plain line.
            let mut one = String::new();
            let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                handler.render_report(&mut one, &shown).is_ok()
            }));
            if matches!(drawn, Ok(true)) {
                out.push_str(&one);
            } else {
                let (line, col) = f.report.document.line_col(d.span.start);
                out.push_str(&format!(
                    "{path}:{line}:{col}: {}: {}\n",
                    d.rule, shown.message
                ));
            }
            out.push('\n');
        }
        if !opts.summary {
            continue;
        }
        let s = Summary::of(f.report.diagnostics.iter(), 1);
        out.push_str(&format!(
            "{}: {} — {}\n",
            path,
            s.line(),
            f.report.stats.summary()
        ));
        if f.is_extracted() && !f.report.diagnostics.is_empty() {
            out.push_str(&format!(
                "  (line numbers count lines of the text extracted from the Word document: `essaylint extract {}` prints it)\n",
                path
            ));
        }
    }
    if files.len() > 1 && opts.summary {
        let s = Summary::for_files(files);
        out.push_str(&format!("{} files checked: {}\n", files.len(), s.line()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long line is windowed around the diagnostic; the window never starts or ends inside a
    /// character written as a letter and a combining mark.
    #[test]
    fn windows_cut_between_graphemes() {
        let accented = "e\u{301}".repeat(150);
        // No space after the diagnostic within the window, so the window is cut in the run
        // of accented letters; both parities of the cut are tried.
        for lead in [",", ",x"] {
            let text = format!("Some words and the the{lead}{accented}\n");
            let report = crate::check(
                crate::input::read_text(text, crate::input::Format::Plain),
                &crate::Config::default(),
            );
            assert!(report.diagnostics.iter().any(|d| d.rule == "doubled-word"));
            let files = [FileReport {
                path: "long.txt",
                report: &report,
            }];
            let out = render(
                &files,
                Options {
                    color: false,
                    width: 100,
                    ..Default::default()
                },
            );
            assert!(out.contains("the the"), "{out}");
            let chars: Vec<char> = out.chars().collect();
            for (k, &c) in chars.iter().enumerate() {
                if c == '\u{301}' {
                    assert!(
                        k > 0 && chars[k - 1] == 'e',
                        "a mark cut from its letter:\n{out}"
                    );
                }
            }
            // And no letter is left without its mark at the cut: the shown line ends on one.
            let line = out.lines().find(|l| l.contains("the the")).unwrap();
            assert!(
                line.trim_end().ends_with('\u{301}'),
                "a letter cut from its mark:\n{out}"
            );
        }
    }
}
