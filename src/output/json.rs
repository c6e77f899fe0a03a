//! The JSON report (schema version 1; see the README). Fields are added, never renamed.

use super::{FileReport, Summary};
use crate::diagnostic::Diagnostic;
use crate::doc::{Document, Span};
use serde_json::{json, Value};

pub fn render(files: &[FileReport<'_>]) -> String {
    let summary = Summary::for_files(files);
    let v = json!({
        "version": 1,
        "files": files.iter().map(file).collect::<Vec<_>>(),
        "summary": summary,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn file(f: &FileReport<'_>) -> Value {
    let doc = &f.report.document;
    let mut v = json!({
        "path": f.path,
        "diagnostics": f.report.diagnostics.iter().map(|d| diagnostic(doc, d)).collect::<Vec<_>>(),
        "stats": f.report.stats,
        // True when spans and lines refer to text essaylint extracted (DOCX), not to the file.
        "extracted": f.is_extracted(),
        // One row per consistency check that found something (names, spelling standard,
        // house style): the rule, how many findings, the first one's line and message.
        "consistency": super::consistency_rows(doc, &f.report.diagnostics)
            .into_iter()
            .map(|(rule, count, line, message)| json!({
                "rule": rule, "count": count, "first_line": line, "message": message,
            }))
            .collect::<Vec<_>>(),
    });
    if f.is_extracted() {
        v["extracted_text"] = json!(doc.text);
    }
    v
}

fn place(doc: &Document, span: Span) -> (Value, usize, usize) {
    let (line, column) = doc.line_col(span.start);
    (json!({"start": span.start, "end": span.end}), line, column)
}

/// One diagnostic as a JSON object.
pub fn diagnostic(doc: &Document, d: &Diagnostic) -> Value {
    let (span, line, column) = place(doc, d.span);
    let (end_line, end_column) = doc.line_col(d.span.end);
    json!({
        "rule": d.rule,
        "category": d.category,
        "severity": d.severity,
        "message": d.message,
        "span": span,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "suggestions": d.suggestions,
        "related": d.related.iter().map(|r| {
            let (span, line, column) = place(doc, r.span);
            json!({"span": span, "line": line, "column": column, "message": r.message})
        }).collect::<Vec<_>>(),
        "fix": d.fix.as_ref().map(|f| f.edits.iter().map(|e| json!({
            "span": {"start": e.span.start, "end": e.span.end},
            "replacement": e.replacement,
        })).collect::<Vec<_>>()),
    })
}
