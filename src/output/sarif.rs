//! SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDE viewers).
//!
//! One run; the driver lists every rule with its summary, its documentation as help (plain text
//! and Markdown), its default level and whether it is on by default. Each result carries its rule
//! (by id and index), level (`error`, `warning`, or `note` for advice), the message with its
//! suggestion, the region (1-based lines; columns count Unicode code points and the end column is
//! exclusive, as `columnKind: unicodeCodePoints` says), related locations, and for text files the
//! safe fix as a replacement. DOCX regions refer to the extracted text and carry no fixes.

use super::{suggestion_text, FileReport};
use crate::diagnostic::{Diagnostic, Severity};
use crate::doc::{Document, Span};
use crate::rule::RuleMeta;
use crate::rules;
use serde_json::{json, Value};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(files: &[FileReport<'_>]) -> String {
    let rules = rules::all();
    let index = |name: &str| rules.iter().position(|r| r.meta().name == name);
    let mut results = Vec::new();
    let mut artifacts = Vec::new();
    for (ai, f) in files.iter().enumerate() {
        let uri = uri(f.path);
        artifacts.push(json!({
            "location": {"uri": uri},
            "mimeType": mime(f.path),
        }));
        let doc = &f.report.document;
        for d in &f.report.diagnostics {
            let mut r = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": message(d)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri, "index": ai},
                        "region": region(doc, d.span, true),
                    }
                }],
            });
            if let Some(i) = index(d.rule) {
                r["ruleIndex"] = json!(i);
            }
            if !d.related.is_empty() {
                r["relatedLocations"] = Value::Array(
                    d.related
                        .iter()
                        .enumerate()
                        .map(|(k, rel)| {
                            json!({
                                "id": k + 1,
                                "physicalLocation": {
                                    "artifactLocation": {"uri": uri, "index": ai},
                                    "region": region(doc, rel.span, false),
                                },
                                "message": {"text": rel.message},
                            })
                        })
                        .collect(),
                );
            }
            if let Some(edits) = d
                .fix
                .as_ref()
                .filter(|_| !f.is_extracted())
                .map(|x| &x.edits)
            {
                r["fixes"] = json!([{
                    "description": {"text": format!("{}: {}", d.rule, suggestion_text(d).unwrap_or_else(|| "apply the fix".into()))},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri, "index": ai},
                        "replacements": edits.iter().map(|e| json!({
                            "deletedRegion": region(doc, e.span, false),
                            "insertedContent": {"text": e.replacement},
                        })).collect::<Vec<_>>(),
                    }],
                }]);
            }
            r["properties"] = json!({"category": d.category});
            results.push(r);
        }
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "essaylint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules.iter().map(|r| rule_descriptor(r.meta())).collect::<Vec<_>>(),
            }},
            "artifacts": artifacts,
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "note",
    }
}

fn message(d: &Diagnostic) -> String {
    match suggestion_text(d) {
        Some(s) => format!("{} ({s})", d.message),
        None => d.message.clone(),
    }
}

fn region(doc: &Document, span: Span, snippet: bool) -> Value {
    let (sl, sc) = doc.line_col(span.start);
    let (el, ec) = doc.line_col(span.end);
    let mut r = json!({
        "startLine": sl,
        "startColumn": sc,
        "endLine": el,
        "endColumn": ec,
    });
    if snippet
        && span.end <= doc.text.len()
        && doc.text.is_char_boundary(span.start)
        && doc.text.is_char_boundary(span.end)
    {
        let t = doc.slice(span);
        if t.len() <= 500 {
            r["snippet"] = json!({"text": t});
        }
    }
    r
}

/// The rule's documentation split into the first paragraph of "What it does." and the whole.
fn rule_descriptor(m: &RuleMeta) -> Value {
    let docs = m.docs();
    let full = what_it_does(&docs).unwrap_or_else(|| m.summary.to_string());
    json!({
        "id": m.name,
        "name": m.name,
        "shortDescription": {"text": m.summary},
        "fullDescription": {"text": full},
        "help": {"text": plain(&docs), "markdown": docs},
        "defaultConfiguration": {
            "level": level(m.severity),
            "enabled": !m.default_off,
        },
        "properties": {
            "category": m.category,
            "tags": ["essaylint", m.category.as_str()],
        },
    })
}

fn what_it_does(docs: &str) -> Option<String> {
    let start = docs.find("**What it does.**")? + "**What it does.**".len();
    let rest = &docs[start..];
    let end = rest.find("\n\n").unwrap_or(rest.len());
    let t = plain(&rest[..end]);
    (!t.is_empty()).then_some(t)
}

/// Markdown emphasis and heading marks removed, lines joined within paragraphs.
fn plain(md: &str) -> String {
    let mut out = String::new();
    for para in md.split("\n\n") {
        let p = para.trim();
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        if p.starts_with("```") {
            out.push_str(
                p.trim_start_matches(|c: char| c == '`' || c.is_alphanumeric())
                    .trim_end_matches('`')
                    .trim_matches('\n'),
            );
            continue;
        }
        let joined = p
            .lines()
            .map(|l| l.trim_start_matches('#').trim())
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&joined.replace("**", ""));
    }
    out
}

/// A relative URI reference for a path (`-` is standard input).
pub fn uri(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    let mut out = String::new();
    if p.starts_with('/') {
        out.push_str("file://");
    }
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn mime(path: &str) -> &'static str {
    match crate::input::Format::from_path(std::path::Path::new(path)) {
        Some(crate::input::Format::Markdown) => "text/markdown",
        Some(crate::input::Format::Latex) => "text/x-tex",
        Some(crate::input::Format::Docx) => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
        _ => "text/plain",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_escaped() {
        assert_eq!(uri("essays/My Essay.txt"), "essays/My%20Essay.txt");
        assert_eq!(uri("/tmp/a#b.md"), "file:///tmp/a%23b.md");
        assert_eq!(uri("./x.txt"), "x.txt");
        assert_eq!(uri("-"), "stdin");
    }

    #[test]
    fn docs_become_help() {
        let m = crate::rules::find("doubled-word").unwrap().meta();
        let v = rule_descriptor(m);
        let full = v["fullDescription"]["text"].as_str().unwrap();
        assert!(full.starts_with("Finds a word written twice"), "{full}");
        assert!(!v["help"]["text"].as_str().unwrap().contains("**"));
    }
}
