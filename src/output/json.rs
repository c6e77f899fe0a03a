//! The JSON report (schema version 1; see the README). Fields are added, never renamed.
//!
//! The report is written as a stream of typed structs (serde `Serialize`), never built as a
//! `serde_json::Value` tree: [`render`] serializes the whole report at once, and
//! [`Stream`] writes it one file at a time, so a folder run holds one file's report, not all of
//! them. Fields appear in alphabetical order (the order the report has always had), and both
//! ways of writing give the same bytes.

use super::{FileReport, Summary};
use crate::analysis::stats::{SentenceLength, Stats};
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::doc::{Document, Span};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The whole report of [`render`].
#[derive(Serialize)]
struct Report<'a> {
    files: Vec<File<'a>>,
    summary: JsonSummary,
    version: u32,
}

/// One file's entry in `files`.
#[derive(Serialize)]
pub struct File<'a> {
    /// One row per consistency check that found something (names, spelling standard, house
    /// style): the rule, how many findings, the first one's line and message.
    consistency: Vec<ConsistencyRow>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    /// True when spans and lines refer to text essaylint extracted (DOCX), not to the file.
    extracted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    extracted_text: Option<&'a str>,
    path: &'a str,
    stats: JsonStats,
}

/// A row of the consistency table.
#[derive(Serialize)]
struct ConsistencyRow {
    count: usize,
    first_line: usize,
    message: String,
    rule: &'static str,
}

/// A byte span, `{end, start}` in the report's field order.
#[derive(Serialize)]
struct JsonSpan {
    end: usize,
    start: usize,
}

impl From<Span> for JsonSpan {
    fn from(s: Span) -> Self {
        JsonSpan {
            end: s.end,
            start: s.start,
        }
    }
}

/// One diagnostic.
#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    category: Category,
    column: usize,
    end_column: usize,
    end_line: usize,
    fix: Option<Vec<JsonEdit<'a>>>,
    line: usize,
    message: &'a str,
    related: Vec<JsonRelated<'a>>,
    rule: &'a str,
    severity: Severity,
    span: JsonSpan,
    suggestions: &'a [String],
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    replacement: &'a str,
    span: JsonSpan,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    column: usize,
    line: usize,
    message: &'a str,
    span: JsonSpan,
}

#[derive(Serialize)]
struct JsonStats {
    avg_sentence_length: f64,
    flesch_kincaid_grade: f64,
    longest_sentences: Vec<JsonLongest>,
    paragraphs: usize,
    passive_ratio: f64,
    passive_sentences: usize,
    sentences: usize,
    words: usize,
}

#[derive(Serialize)]
struct JsonLongest {
    line: usize,
    span: JsonSpan,
    words: usize,
}

impl From<&SentenceLength> for JsonLongest {
    fn from(l: &SentenceLength) -> Self {
        JsonLongest {
            line: l.line,
            span: l.span.into(),
            words: l.words,
        }
    }
}

impl From<&Stats> for JsonStats {
    fn from(s: &Stats) -> Self {
        JsonStats {
            avg_sentence_length: s.avg_sentence_length,
            flesch_kincaid_grade: s.flesch_kincaid_grade,
            longest_sentences: s.longest_sentences.iter().map(Into::into).collect(),
            paragraphs: s.paragraphs,
            passive_ratio: s.passive_ratio,
            passive_sentences: s.passive_sentences,
            sentences: s.sentences,
            words: s.words,
        }
    }
}

/// The summary object, in the report's field order.
#[derive(Serialize)]
struct JsonSummary {
    advice: usize,
    by_category: BTreeMap<&'static str, usize>,
    diagnostics: usize,
    errors: usize,
    files: usize,
    warnings: usize,
}

impl From<&Summary> for JsonSummary {
    fn from(s: &Summary) -> Self {
        JsonSummary {
            advice: s.advice,
            by_category: s.by_category.clone(),
            diagnostics: s.diagnostics,
            errors: s.errors,
            files: s.files,
            warnings: s.warnings,
        }
    }
}

/// The whole report for these files, as one string.
pub fn render(files: &[FileReport<'_>]) -> String {
    let report = Report {
        files: files.iter().map(file).collect(),
        summary: (&Summary::for_files(files)).into(),
        version: 1,
    };
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

/// One file's entry.
pub fn file<'a>(f: &FileReport<'a>) -> File<'a> {
    let doc = &f.report.document;
    let extracted = f.is_extracted();
    File {
        consistency: super::consistency_rows(doc, &f.report.diagnostics)
            .into_iter()
            .map(|(rule, count, first_line, message)| ConsistencyRow {
                count,
                first_line,
                message,
                rule,
            })
            .collect(),
        diagnostics: f
            .report
            .diagnostics
            .iter()
            .map(|d| diagnostic(doc, d))
            .collect(),
        extracted,
        extracted_text: extracted.then_some(doc.text.as_str()),
        path: f.path,
        stats: (&f.report.stats).into(),
    }
}

/// One diagnostic as its typed JSON object.
pub fn diagnostic<'a>(doc: &Document, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let (line, column) = doc.line_col(d.span.start);
    let (end_line, end_column) = doc.line_col(d.span.end);
    JsonDiagnostic {
        category: d.category,
        column,
        end_column,
        end_line,
        fix: d.fix.as_ref().map(|f| {
            f.edits
                .iter()
                .map(|e| JsonEdit {
                    replacement: &e.replacement,
                    span: e.span.into(),
                })
                .collect()
        }),
        line,
        message: &d.message,
        related: d
            .related
            .iter()
            .map(|r| {
                let (line, column) = doc.line_col(r.span.start);
                JsonRelated {
                    column,
                    line,
                    message: &r.message,
                    span: r.span.into(),
                }
            })
            .collect(),
        rule: d.rule,
        severity: d.severity,
        span: d.span.into(),
        suggestions: &d.suggestions,
    }
}

/// One file's entry as it appears inside the report's `files` array: pretty-printed at that
/// depth (four spaces), with no leading indentation and no trailing comma. Made where the file
/// was checked (on any thread), then handed to a [`Stream`] in order.
pub fn file_part(f: &FileReport<'_>) -> Vec<u8> {
    let mut flat = Vec::new();
    if serde_json::to_writer_pretty(&mut flat, &file(f)).is_err() {
        flat = b"{}".to_vec();
    }
    indent(&flat, 4)
}

/// Pretty JSON re-indented: `n` spaces after every line break. JSON strings never hold a raw
/// line break (serde_json writes `\n`), so every byte 0x0A is a break between tokens.
pub(crate) fn indent(json: &[u8], n: usize) -> Vec<u8> {
    let breaks = json.iter().filter(|&&b| b == b'\n').count();
    let mut out = Vec::with_capacity(json.len() + breaks * n);
    for &b in json {
        out.push(b);
        if b == b'\n' {
            out.extend(std::iter::repeat_n(b' ', n));
        }
    }
    out
}

/// Writes the report one file at a time: `{"files": [` before the first file, each file's
/// [`file_part`] as it comes, and the summary and version at the end. The bytes equal
/// [`render`]'s for the same files.
#[derive(Default)]
pub struct Stream {
    files: usize,
}

impl Stream {
    pub fn new() -> Stream {
        Stream::default()
    }

    /// Writes one file's part (from [`file_part`]).
    pub fn file(&mut self, out: &mut dyn Write, part: &[u8]) -> io::Result<()> {
        out.write_all(if self.files == 0 {
            b"{\n  \"files\": [\n    "
        } else {
            b",\n    "
        })?;
        out.write_all(part)?;
        self.files += 1;
        Ok(())
    }

    /// Ends the report with the summary of every file written.
    pub fn finish(self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        out.write_all(if self.files == 0 {
            b"{\n  \"files\": [],\n  \"summary\": "
        } else {
            b"\n  ],\n  \"summary\": "
        })?;
        let mut s = Vec::new();
        serde_json::to_writer_pretty(&mut s, &JsonSummary::from(summary))
            .map_err(io::Error::other)?;
        out.write_all(&indent(&s, 2))?;
        out.write_all(b",\n  \"version\": 1\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine;

    fn reports() -> Vec<engine::Report> {
        [
            "We saw the the cat. Teh dog said \"hello\" (Smith 4).\n",
            "",
            "A colour and a color.\n\nWorks Cited\n\nSmith, J. A Book. 2001.\n",
        ]
        .iter()
        .map(|t| {
            engine::check(
                crate::doc::Source::plain(t.to_string()),
                &Default::default(),
            )
        })
        .collect()
    }

    #[test]
    fn the_stream_writes_what_render_writes() {
        let reports = reports();
        for n in 0..=reports.len() {
            let paths: Vec<String> = (0..n).map(|i| format!("e{i}.txt")).collect();
            let files: Vec<FileReport<'_>> = reports[..n]
                .iter()
                .zip(&paths)
                .map(|(r, p)| FileReport { path: p, report: r })
                .collect();
            let mut out = Vec::new();
            let mut s = Stream::new();
            for f in &files {
                s.file(&mut out, &file_part(f)).unwrap();
            }
            s.finish(&mut out, &Summary::for_files(&files)).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), render(&files), "{n} files");
        }
    }

    #[test]
    fn fields_keep_their_order_and_names() {
        let reports = reports();
        let files = [FileReport {
            path: "e.txt",
            report: &reports[0],
        }];
        let text = render(&files);
        // Keys in alphabetical order at every level, as the report has always had them.
        // Each key found after the one before it: the keys come in this order.
        let in_order = |keys: &[&str]| {
            let mut at = 0;
            for k in keys {
                let found = text[at..].find(&format!("\"{k}\": "));
                at += found.unwrap_or_else(|| panic!("{k} after {at} in {text}"));
            }
        };
        in_order(&["files", "summary", "version"]);
        in_order(&["consistency", "diagnostics", "extracted", "path", "stats"]);
        in_order(&[
            "category",
            "column",
            "end_column",
            "end_line",
            "fix",
            "line",
            "message",
            "related",
            "rule",
            "severity",
            "span",
            "suggestions",
        ]);
        in_order(&[
            "avg_sentence_length",
            "flesch_kincaid_grade",
            "longest_sentences",
        ]);
        in_order(&[
            "advice",
            "by_category",
            "diagnostics",
            "errors",
            "files",
            "warnings",
        ]);
    }
}
