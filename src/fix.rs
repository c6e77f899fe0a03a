//! Automatic fixes: what `--fix` writes and `--diff` shows.
//!
//! Only a diagnostic's [`Diagnostic::fix`] is applied, and only as far as its
//! [`Applicability`] allows: safe fixes (one right answer: a doubled word, a typo with a single
//! correction, a spelling normalised to the configured dialect) by default, unsafe ones too with
//! `--unsafe`, display-only ones never. Fixes whose edits overlap an edit already chosen are skipped, and so are
//! edits that do not fit the text. After applying, the text is read and checked again and the new
//! fixes applied, until nothing changes (at most [`MAX_ROUNDS`] rounds, and never back to a text
//! already seen). Every edit written is reported as a [`Change`]; nothing else is changed.

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::doc::Document;
use crate::engine::{self, Report};
use crate::input::{self, Format};
use std::collections::HashSet;
use std::path::Path;

/// Rounds of fix-and-recheck before giving up on reaching a stable text.
pub const MAX_ROUNDS: usize = 8;

/// One applied fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub rule: &'static str,
    /// 1-based line and column where the fix starts, in the text of the round that applied it
    /// (the original text for round 1).
    pub line: usize,
    pub column: usize,
    /// The text the fix covered, before and after.
    pub before: String,
    pub after: String,
    pub message: String,
    /// 1 for fixes found in the original text, 2 for those found after the first pass, …
    pub round: usize,
}

/// The result of fixing a text.
#[derive(Debug)]
pub struct Outcome {
    /// The fixed text (equal to the input when nothing was fixed).
    pub text: String,
    pub changes: Vec<Change>,
    /// Fixes left out because they overlapped another fix or reached into markup.
    pub skipped: usize,
    /// False if fixing stopped at [`MAX_ROUNDS`] or on a cycle with fixes still proposed.
    pub stable: bool,
    /// The report on the fixed text.
    pub report: Report,
}

/// The fixes that can be applied together, in text order: for each chosen diagnostic, its edits
/// all fit the text (in bounds, on character boundaries), touch only prose (not markup the reader
/// masked) and overlap no edit chosen before. Returns the chosen diagnostics and the number left
/// out.
pub fn select<'a>(doc: &Document, diags: &'a [Diagnostic]) -> (Vec<&'a Diagnostic>, usize) {
    select_at(doc, diags, Applicability::Safe)
}

/// [`select`] for the fixes at least as safe as `threshold` ([`Applicability::Unsafe`] for
/// `--unsafe`); display-only fixes are never chosen.
pub fn select_at<'a>(
    doc: &Document,
    diags: &'a [Diagnostic],
    threshold: Applicability,
) -> (Vec<&'a Diagnostic>, usize) {
    let text = doc.text.as_str();
    // An edit may only touch prose: deleting or rewriting markup (a Markdown `**`, a LaTeX
    // command) would break the file, so a fix that reaches into it is left out.
    let prose = doc.prose.as_bytes();
    let touches_markup = |e: &Edit| {
        text.as_bytes()[e.span.start..e.span.end]
            .iter()
            .zip(&prose[e.span.start..e.span.end])
            .any(|(t, p)| t != p && !t.is_ascii_whitespace())
    };
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut chosen = Vec::new();
    let mut skipped = 0;
    let mut with_fix: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| !f.edits.is_empty() && f.applies_at(threshold))
        })
        .collect();
    with_fix.sort_by_key(|d| {
        let e = d.edits();
        (e.iter().map(|e| e.span.start).min(), d.span.start)
    });
    for d in with_fix {
        let edits = d.edits();
        let fits = edits.iter().all(|e| {
            e.span.start <= e.span.end
                && e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        // Edits of one fix must not overlap each other either.
        let mut own: Vec<(usize, usize)> =
            edits.iter().map(|e| (e.span.start, e.span.end)).collect();
        own.sort_unstable();
        let self_overlap = own.windows(2).any(|w| clash(w[0], w[1]));
        let overlaps = own.iter().any(|&a| taken.iter().any(|&b| clash(a, b)));
        let noop = edits
            .iter()
            .all(|e| fits && text[e.span.start..e.span.end] == e.replacement);
        let markup = fits && edits.iter().any(touches_markup);
        if !fits || self_overlap || overlaps || noop || markup {
            skipped += usize::from(!noop || !fits);
            continue;
        }
        taken.extend(own);
        chosen.push(d);
    }
    (chosen, skipped)
}

/// Two edits clash if they overlap, or are insertions at the same place (whose order is unknown).
fn clash(a: (usize, usize), b: (usize, usize)) -> bool {
    (a.0 < b.1 && b.0 < a.1) || (a.0 == b.0 && (a.0 == a.1 || b.0 == b.1))
}

/// Applies the chosen fixes (as returned by [`select`]).
pub fn apply(text: &str, chosen: &[&Diagnostic]) -> String {
    let mut edits: Vec<&Edit> = chosen.iter().flat_map(|d| d.edits()).collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Describes one chosen fix: the stretch of text it touches (the diagnostic's span widened to
/// its edits), before and after.
fn describe(report: &Report, d: &Diagnostic, round: usize) -> Change {
    let text = &report.document.text;
    let edits = d.edits();
    let start = edits
        .iter()
        .map(|e| e.span.start)
        .chain([d.span.start])
        .min()
        .unwrap_or(0)
        .min(text.len());
    let end = edits
        .iter()
        .map(|e| e.span.end)
        .chain([d.span.end])
        .max()
        .unwrap_or(0)
        .min(text.len());
    let (start, end) = if text.is_char_boundary(start) && text.is_char_boundary(end) {
        (start, end)
    } else {
        let s = edits.iter().map(|e| e.span.start).min().unwrap_or(0);
        let e = edits.iter().map(|e| e.span.end).max().unwrap_or(0);
        (s, e)
    };
    // A deletion of " the" reads better as "the the" → "the": widen to the word before, and to
    // the word after when the fix ends on a space.
    let (mut start, mut end) = (start, end);
    let pure_delete = edits.iter().all(|e| e.replacement.is_empty());
    if pure_delete || text[start..end].starts_with(char::is_whitespace) {
        let head = text[..start].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
        let word = head.len()
            - head
                .chars()
                .rev()
                .take_while(|c| !c.is_whitespace())
                .map(char::len_utf8)
                .sum::<usize>();
        if word < head.len() {
            start = word;
        }
    }
    if text[start..end].ends_with(char::is_whitespace) {
        end += text[end..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum::<usize>();
    }
    let before = text[start..end].to_string();
    let mut after = String::new();
    let mut at = start;
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.span.start);
    for e in sorted {
        after.push_str(&text[at..e.span.start]);
        after.push_str(&e.replacement);
        at = e.span.end;
    }
    after.push_str(&text[at..end]);
    let (line, column) = report.document.line_col(start);
    Change {
        rule: d.rule,
        line,
        column,
        before,
        after,
        message: d.message.clone(),
        round,
    }
}

/// Fixes `text` (read as `format`) with the safe fixes until it is stable.
pub fn fix(text: String, format: Format, config: &Config) -> Outcome {
    fix_at(text, format, config, Applicability::Safe)
}

/// [`fix`] with the fixes at least as safe as `threshold` (`--unsafe` passes
/// [`Applicability::Unsafe`]).
pub fn fix_at(text: String, format: Format, config: &Config, threshold: Applicability) -> Outcome {
    fix_with(text, format, config, threshold, &|_| {})
}

/// [`fix_at`] with each round's source completed by `prepare` before it is checked (the CLI
/// adds the entries of the essay's bibliography files, which the text alone does not hold).
pub fn fix_with(
    text: String,
    format: Format,
    config: &Config,
    threshold: Applicability,
    prepare: &dyn Fn(&mut crate::doc::Source),
) -> Outcome {
    let read = |t: String| {
        let mut s = input::read_text(t, format);
        prepare(&mut s);
        s
    };
    let mut report = engine::check(read(text), config);
    let mut changes = Vec::new();
    let mut skipped_total = 0;
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(report.document.text.clone());
    for round in 1..=MAX_ROUNDS {
        let current = &report.document.text;
        let (chosen, skipped) = select_at(&report.document, &report.diagnostics, threshold);
        if round == 1 {
            skipped_total = skipped;
        }
        if chosen.is_empty() {
            return Outcome {
                text: report.document.text.clone(),
                changes,
                skipped: skipped_total,
                stable: true,
                report,
            };
        }
        let next = apply(current, &chosen);
        if !seen.insert(next.clone()) {
            // Fixing would bring back a text already seen: stop here.
            break;
        }
        changes.extend(chosen.iter().map(|d| describe(&report, d, round)));
        report = engine::check(read(next), config);
    }
    Outcome {
        text: report.document.text.clone(),
        changes,
        skipped: skipped_total,
        stable: false,
        report,
    }
}

/// A unified diff between two versions of a file (empty if they are equal).
pub fn diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let (a, b) = if path.starts_with('/') || path == "-" {
        (path.to_string(), path.to_string())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    };
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&a, &b)
        .to_string()
}

pub use crate::rewrite::WriteError;

/// Replaces the file at `path` with `bytes` if it still holds `original`, keeping its owner,
/// group, mode and hard links: see [`crate::rewrite`] for exactly what is guaranteed.
pub fn write_atomic(path: &Path, original: &[u8], bytes: &[u8]) -> Result<(), WriteError> {
    crate::rewrite::write_fixed(path, original, bytes).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Category, Severity, Span};

    fn d(start: usize, end: usize, rep: &str) -> Diagnostic {
        Diagnostic::new(
            "test",
            Category::Style,
            Severity::Warning,
            Span::new(start, end),
            "m",
        )
        .fix(Span::new(start, end), rep)
    }

    #[test]
    fn overlapping_fixes_are_skipped() {
        let text = "abcdefgh";
        let diags = vec![d(0, 3, "X"), d(2, 4, "Y"), d(5, 6, "Z"), d(7, 9, "bad")];
        let (chosen, skipped) = select(&crate::analysis::from_text(text), &diags);
        assert_eq!(chosen.len(), 2);
        assert_eq!(skipped, 2);
        assert_eq!(apply(text, &chosen), "XdeZgh");
    }

    #[test]
    fn insertions_at_one_place_clash() {
        let diags = vec![d(2, 2, "x"), d(2, 2, "y"), d(2, 3, "z")];
        let (chosen, _) = select(&crate::analysis::from_text("abcd"), &diags);
        assert_eq!(chosen.len(), 1);
    }

    #[test]
    fn non_char_boundary_edit_skipped() {
        let diags = vec![d(1, 2, "x")];
        let (chosen, skipped) = select(&crate::analysis::from_text("é"), &diags);
        assert!(chosen.is_empty());
        assert_eq!(skipped, 1);
    }

    #[test]
    fn fixes_doubled_words_until_stable() {
        let text = "It was the the end of the the war.\n".to_string();
        let out = fix(text, Format::Plain, &Config::default());
        assert_eq!(out.text, "It was the end of the war.\n");
        assert_eq!(out.changes.len(), 2);
        assert!(out.stable);
        assert!(out.changes.iter().all(|c| c.rule == "doubled-word"));
        assert!(out
            .report
            .diagnostics
            .iter()
            .all(|d| d.rule != "doubled-word"));
    }

    #[test]
    fn applicability_gates_selection() {
        let text = "abcdefgh";
        let at = |a: Applicability, s: usize| {
            Diagnostic::new(
                "t",
                Category::Style,
                Severity::Advice,
                Span::new(s, s + 1),
                "m",
            )
            .fix_with(a, Span::new(s, s + 1), "X")
        };
        let diags = vec![
            at(Applicability::Safe, 0),
            at(Applicability::Unsafe, 2),
            at(Applicability::DisplayOnly, 4),
        ];
        let doc = crate::analysis::from_text(text);
        let (safe, _) = select(&doc, &diags);
        assert_eq!(apply(text, &safe), "Xbcdefgh");
        let (unsafe_too, _) = select_at(&doc, &diags, Applicability::Unsafe);
        assert_eq!(apply(text, &unsafe_too), "XbXdefgh");
        let (all, _) = select_at(&doc, &diags, Applicability::DisplayOnly);
        assert_eq!(all.len(), 2, "display-only fixes are never applied");
        // A fix is as safe as its least safe edit.
        let mixed =
            at(Applicability::Safe, 0).fix_with(Applicability::Unsafe, Span::new(3, 4), "Y");
        assert_eq!(mixed.fix.unwrap().applicability, Applicability::Unsafe);
    }

    #[test]
    fn fixes_never_touch_markup() {
        let text = "It was the **the** end, and and more.\n".to_string();
        let out = fix(text, Format::Markdown, &Config::default());
        assert_eq!(out.text, "It was the **the** end, and more.\n");
        assert_eq!(out.skipped, 1);
    }

    #[test]
    fn diff_is_unified() {
        let d = diff("e.txt", "a\nthe the\nc\n", "a\nthe\nc\n");
        assert!(d.contains("--- a/e.txt"));
        assert!(d.contains("-the the\n+the\n"));
        assert_eq!(diff("e.txt", "same", "same"), "");
    }
}
