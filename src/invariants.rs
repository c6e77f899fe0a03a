//! The promises every reader, rule, renderer and fix keeps, as checks: used by the fuzz targets
//! (`fuzz/`) and by the regression tests. Each check returns what is broken, if anything.
//!
//! - a reader's mask has the text's length and its blocks lie inside the text;
//! - every diagnostic span, related span and fix edit lies in the text, on character
//!   boundaries; a fix's edits do not overlap;
//! - line and column of every span agree with the text;
//! - `--fix` changes only the spans of the fixes it reports, and writes back the encoding, the
//!   byte-order mark and the line endings it read.

use crate::config::Config;
use crate::diagnostic::Applicability;
use crate::doc::{Source, Span};
use crate::engine::{self, Report};
use crate::fix;
use crate::input::{self, encoding, Format};
use crate::output::{self, FileReport};

fn span_ok(text: &str, s: Span, what: &str) -> Result<(), String> {
    if s.start > s.end || s.end > text.len() {
        return Err(format!(
            "{what} {s:?} out of bounds (text length {})",
            text.len()
        ));
    }
    if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
        return Err(format!("{what} {s:?} not on character boundaries"));
    }
    Ok(())
}

/// What a reader hands the model.
pub fn check_source(src: &Source) -> Result<(), String> {
    if let Some(m) = &src.masked {
        if m.len() != src.text.len() {
            return Err(format!(
                "mask length {} ≠ text length {}",
                m.len(),
                src.text.len()
            ));
        }
    }
    for (s, _) in &src.blocks {
        span_ok(&src.text, *s, "block")?;
    }
    for (s, _) in &src.suppressions {
        if s.start > s.end || s.end > src.text.len() {
            return Err(format!("suppression {s:?} out of bounds"));
        }
    }
    for c in &src.citations {
        span_ok(&src.text, c.span, "citation")?;
    }
    Ok(())
}

/// Line and column of `offset`, counted from the text itself.
fn line_col_slow(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut col = text[start..offset].chars().count() + 1;
    if start == 0 && offset > 0 && text.starts_with('\u{feff}') {
        col -= 1;
    }
    (line, col)
}

/// A report: spans, related spans and fix edits in bounds and on boundaries, a fix's edits
/// apart, and line/column right.
pub fn check_report(report: &Report) -> Result<(), String> {
    let doc = &report.document;
    let text = doc.text.as_str();
    if doc.prose.len() != text.len() {
        return Err("prose view length differs from the text".into());
    }
    for d in &report.diagnostics {
        let ctx = |e: String| format!("{}: {e}", d.rule);
        span_ok(text, d.span, "span").map_err(ctx)?;
        for r in &d.related {
            span_ok(text, r.span, "related span").map_err(ctx)?;
        }
        {
            let mut spans: Vec<Span> = Vec::new();
            for e in d.edits() {
                span_ok(text, e.span, "fix edit").map_err(ctx)?;
                spans.push(e.span);
            }
            spans.sort_by_key(|s| (s.start, s.end));
            for w in spans.windows(2) {
                if w[0].end > w[1].start {
                    return Err(ctx(format!("fix edits {:?} and {:?} overlap", w[0], w[1])));
                }
            }
        }
        for off in [d.span.start, d.span.end] {
            let (got, want) = (doc.line_col(off), line_col_slow(text, off));
            if got != want {
                return Err(ctx(format!(
                    "line/column of {off}: {got:?}, text says {want:?}"
                )));
            }
        }
    }
    Ok(())
}

/// Every renderer on the report: none may panic.
pub fn render_all(report: &Report) {
    let f = [FileReport {
        path: "fuzz.txt",
        report,
    }];
    let _ = output::human::render(&f, output::human::Options::default());
    let _ = output::json::render(&f);
    let _ = output::sarif::render(&f);
    let _ = output::github::render(&f);
    let _ = output::html::render(&f);
}

/// Reads `bytes` as `format`, checks the source and the report and renders it. An input the
/// readers refuse (binary, empty, too large) passes.
pub fn check_input(bytes: &[u8], format: Format, config: &Config) -> Result<(), String> {
    let Ok(loaded) = input::load_bytes(bytes, Some(format)) else {
        return Ok(());
    };
    check_source(&loaded.source)?;
    let report = engine::check(loaded.source, config);
    check_report(&report)?;
    render_all(&report);
    Ok(())
}

/// The line-ending styles in a text: (CRLF, bare LF, bare CR) present.
fn endings(t: &[u8]) -> (bool, bool, bool) {
    let (mut crlf, mut lf, mut cr) = (false, false, false);
    for (i, &b) in t.iter().enumerate() {
        match b {
            b'\r' if t.get(i + 1) == Some(&b'\n') => crlf = true,
            b'\r' => cr = true,
            b'\n' if i == 0 || t[i - 1] != b'\r' => lf = true,
            _ => {}
        }
    }
    (crlf, lf, cr)
}

/// `--fix` on `bytes` read as `format`: the first round changes only the spans of the fixes it
/// chose, each reported change is where it says, and the bytes written back read again as the
/// same encoding, byte-order mark and line endings, giving the fixed text.
pub fn check_fix(bytes: &[u8], format: Format, config: &Config) -> Result<(), String> {
    if !format.is_text() {
        return Ok(());
    }
    let Ok(loaded) = input::load_bytes(bytes, Some(format)) else {
        return Ok(());
    };
    let Some(enc) = loaded.encoding else {
        return Ok(());
    };
    if !loaded.fixable() {
        return Ok(());
    }
    let original = loaded.source.text.clone();
    let encoder = loaded.encoder();
    // Round one, by hand: only the chosen edits change the text.
    let report = engine::check(loaded.source, config);
    check_report(&report)?;
    // `--fix --unsafe`: every fix that is ever written.
    let (chosen, _) = fix::select_at(&report.document, &report.diagnostics, Applicability::Unsafe);
    let applied = fix::apply(&original, &chosen);
    let mut edits: Vec<_> = chosen.iter().flat_map(|d| d.edits()).collect();
    edits.sort_by_key(|e| e.span.start);
    let (mut at, mut out_at) = (0usize, 0usize);
    for e in &edits {
        let keep = &original[at..e.span.start];
        if applied.get(out_at..out_at + keep.len()) != Some(keep) {
            return Err(format!(
                "text outside the fixes changed before {}",
                e.span.start
            ));
        }
        out_at += keep.len();
        if applied.get(out_at..out_at + e.replacement.len()) != Some(e.replacement.as_str()) {
            return Err(format!("fix at {:?} not applied as reported", e.span));
        }
        out_at += e.replacement.len();
        at = e.span.end;
    }
    if applied.get(out_at..) != Some(&original[at..]) {
        return Err("text after the last fix changed".into());
    }

    // The whole of --fix, written back as it would be.
    let out = fix::fix_at(original.clone(), format, config, Applicability::Unsafe);
    for c in out.changes.iter().filter(|c| c.round == 1) {
        // The change may run over several lines (a doubled word across a line break): compare
        // from its line and column to the end of the text, not to the end of its line.
        let line_start: usize = original
            .split('\n')
            .take(c.line - 1)
            .map(|l| l.len() + 1)
            .sum();
        let rest = original.get(line_start..).unwrap_or("");
        let skip = if c.line == 1 && rest.starts_with('\u{feff}') {
            c.column
        } else {
            c.column - 1
        };
        let from: String = rest
            .chars()
            .skip(skip)
            .take(c.before.chars().count())
            .collect();
        if !from.starts_with(&c.before) {
            return Err(format!(
                "change reported at {}:{} is not `{}` there",
                c.line, c.column, c.before
            ));
        }
    }
    // As `--fix` writes it: encoding, byte-order mark and CR-only line ends as read.
    let written = encoder.encode(&out.text)?;
    let again = input::load_bytes(&written, Some(format))
        .map_err(|e| format!("essaylint cannot read back its own fix: {e}"))?;
    if again.encoding != Some(enc) {
        return Err(format!(
            "encoding {:?} written back as {:?}",
            enc, again.encoding
        ));
    }
    if again.source.text != out.text {
        return Err("the fixed text does not read back as itself".into());
    }
    let bom = |b: &[u8]| {
        b.starts_with(b"\xEF\xBB\xBF") || b.starts_with(b"\xFF\xFE") || b.starts_with(b"\xFE\xFF")
    };
    if bom(bytes) != bom(&written) {
        return Err("byte-order mark not kept".into());
    }
    if out.text == original && written != bytes {
        return Err("nothing fixed, yet the bytes differ".into());
    }
    if matches!(enc, encoding::Encoding::Utf8 | encoding::Encoding::Utf8Bom) {
        let (a, b) = (endings(bytes), endings(&written));
        if (b.0 && !a.0) || (b.1 && !a.1) || (b.2 && !a.2) {
            return Err(format!("line endings changed: {a:?} → {b:?}"));
        }
    }
    Ok(())
}
