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
/// 65,535 columns apart), so what is shown of one line is capped to the terminal's width: a
/// label covers at most [`Windowed::max_label`] bytes of one line, and a long line is cut to a
/// window around it, of at most [`WINDOW`] characters either side, so that the gutter, the
/// window and the label fit in the width. The text is a copy with terminal control characters
/// replaced (same byte length, so spans stay valid).
struct Windowed<'a> {
    name: String,
    text: &'a str,
    doc: &'a crate::doc::Document,
    /// Columns for the text of a line: the width less miette's gutter (`  12 │ `).
    columns: usize,
}

/// The most text shown either side of a label.
const WINDOW: usize = 60;
/// The least text shown either side of a label, however narrow the terminal.
const MIN_WINDOW: usize = 12;
/// The most of one line a label underlines, in bytes, however wide the terminal.
const MAX_LABEL: usize = 160;

/// Columns left for a line's text in a terminal `width` wide, for a text of `lines` lines
/// (miette's gutter is the line number, a space, `│` and a space, indented by two).
fn text_columns(width: usize, lines: usize) -> usize {
    let digits = lines.max(1).ilog10() as usize + 1;
    width.saturating_sub(digits + 5).max(2 * MIN_WINDOW + 16)
}

impl Windowed<'_> {
    /// The most of one line a label underlines, in bytes: what fits beside two narrow windows.
    fn max_label(&self) -> usize {
        self.columns
            .saturating_sub(2 * MIN_WINDOW)
            .clamp(16, MAX_LABEL)
    }

    /// Related places further than this (in bytes) from the primary span on the same line are
    /// listed in the help text instead of drawn: drawn, they would not fit in one window.
    fn near(&self) -> usize {
        self.columns.saturating_sub(2 * MIN_WINDOW).max(16)
    }

    fn line_start(&self, at: usize) -> usize {
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |i| at + i)
    }

    /// `span` clamped to the text and character boundaries, cut at its first line's end and to
    /// [`Windowed::max_label`] bytes.
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
            .min(start + self.max_label());
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
        // The whole line when it fits; else the label and as much either side as the width
        // leaves (at least MIN_WINDOW, at most WINDOW characters).
        let label = text[start..end].chars().count();
        let side = (self.columns.saturating_sub(label) / 2).clamp(MIN_WINDOW, WINDOW);
        if text[line_start..line_end].chars().count() <= self.columns.max(label + 2 * side) {
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                &text.as_bytes()[line_start..line_end],
                SourceSpan::new(line_start.into(), line_end - line_start),
                line,
                column,
                1,
            )));
        }
        // Window start: `side` user-perceived characters (grapheme clusters, so an accent
        // written as a combining mark or an emoji sequence is never cut in two) back, moved
        // forward to a word start.
        let mut ws = start;
        for (n, (i, _)) in text[line_start..start]
            .grapheme_indices(true)
            .rev()
            .enumerate()
        {
            ws = line_start + i;
            if n >= side {
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
            if n >= side {
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
    /// For each of the first six related places, whether it is drawn (see `drawn_places`).
    drawn: Vec<bool>,
}

impl<'a> Shown<'a> {
    fn new(d: &'a Diagnostic, src: &'a Windowed<'a>) -> Self {
        Shown {
            d,
            src,
            message: sanitize::escape(&d.message).into_owned(),
            drawn: Self::drawn_places(d, src),
        }
    }

    /// Which related places (of the first six) are drawn with the primary span: each line's
    /// drawn places (the primary span's line starting with it) must fit in one window, so a
    /// place is drawn when the stretch from the first to the last drawn place of its line, itself
    /// included, stays within [`Windowed::near`]. The others are named in the help text.
    fn drawn_places(d: &Diagnostic, src: &Windowed<'_>) -> Vec<bool> {
        let primary = src.capped(d.span);
        // (line start, first byte drawn, last byte drawn)
        let mut lines: Vec<(usize, usize, usize)> =
            vec![(src.line_start(primary.0), primary.0, primary.1)];
        d.related
            .iter()
            .take(6)
            .map(|r| {
                let (s, e) = src.capped(r.span);
                let line = src.line_start(s);
                match lines.iter_mut().find(|l| l.0 == line) {
                    Some(l) => {
                        let (lo, hi) = (l.1.min(s), l.2.max(e));
                        let fits = hi - lo <= src.near();
                        if fits {
                            (l.1, l.2) = (lo, hi);
                        }
                        fits
                    }
                    None => {
                        lines.push((line, s, e));
                        true
                    }
                }
            })
            .collect()
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
        for (r, _) in self.d.related.iter().zip(&self.drawn).filter(|(_, &d)| !d) {
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
            .zip(&self.drawn)
            .filter(|(_, &d)| d)
            .map(|(r, _)| {
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
            columns: text_columns(opts.width, f.report.document.line_col(text.len()).0),
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

    /// The lines of text shown fit in the terminal's width, however long the essay's lines: a
    /// paragraph on one line with a slip in the middle, a long sentence, a phrase repeated far
    /// apart on other lines.
    #[test]
    fn shown_lines_fit_the_width() {
        let filler =
            "The committee met again in the spring and argued about the budget for hours. ";
        let long = "This sentence goes on and on, clause after clause, with one more thing to say and then another, and then a further point that the writer wanted to make about the matter at hand, and it does not stop until the reader is tired of it and has forgotten how it began.";
        let text = format!(
            "The rising costs were a problem. {f}{f}{f}Then the the board decided. {f}{f}{long} {f}\n\n\
             {f}The rising costs were noted. {f}{f}{f}{f}The rising costs were noted again. {f}\n\n\
             The rising costs were the end.\n",
            f = filler.repeat(2)
        );
        let report = crate::check(
            crate::input::read_text(text, crate::input::Format::Plain),
            &crate::Config::default(),
        );
        assert!(report.diagnostics.iter().any(|d| d.rule == "doubled-word"));
        assert!(report.diagnostics.iter().any(|d| d.rule == "long-sentence"));
        let files = [FileReport {
            path: "long.txt",
            report: &report,
        }];
        for width in [60, 80, 100, 140] {
            let out = render(
                &files,
                Options {
                    color: false,
                    width,
                    ..Default::default()
                },
            );
            assert!(out.contains("the the"), "{out}");
            // Source lines (`  3 │ text`) and the underlines below them (`    · ──┬──`).
            for l in out
                .lines()
                .filter(|l| l.contains(" │ ") || l.contains(" · "))
            {
                let drawn = l.trim_end();
                let drawn = drawn.split("╰──").next().unwrap_or(drawn);
                assert!(
                    drawn.chars().count() <= width,
                    "{} columns at width {width}:\n{l}",
                    drawn.chars().count()
                );
            }
        }
    }

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
