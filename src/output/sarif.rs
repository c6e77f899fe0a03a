//! SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDE viewers).
//!
//! One run; the driver lists every rule with its summary, its documentation as help (plain text
//! and Markdown), its default level and whether it is on by default. Each result carries its rule
//! (by id and index), level (`error`, `warning`, or `note` for advice), the message with its
//! suggestion, the region (1-based lines; columns count Unicode code points and the end column is
//! exclusive, as `columnKind: unicodeCodePoints` says), related locations, and for text files the
//! safe fix as a replacement. DOCX regions refer to the extracted text and carry no fixes.

use super::json::indent;
use super::{suggestion_text, FileReport};
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::doc::{Document, Span};
use crate::rule::RuleMeta;
use crate::rules;
use serde::Serialize;
use std::io::{self, Write};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

// The log as typed structs (never a `serde_json::Value` tree). Fields are declared in
// alphabetical order, the order the log has always had.

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(Serialize)]
struct Run<'a> {
    artifacts: Vec<Artifact>,
    #[serde(rename = "columnKind")]
    column_kind: &'static str,
    results: Vec<SarifResult>,
    tool: Tool<'a>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
struct Driver<'a> {
    name: &'static str,
    rules: Vec<RuleDescriptor<'a>>,
    #[serde(rename = "semanticVersion")]
    semantic_version: &'static str,
    version: &'static str,
}

/// One input file, as the log's `artifacts` lists it.
#[derive(Serialize)]
pub struct Artifact {
    location: Uri,
    #[serde(rename = "mimeType")]
    mime_type: &'static str,
}

#[derive(Serialize)]
struct Uri {
    uri: String,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

fn text(t: impl Into<String>) -> Text {
    Text { text: t.into() }
}

/// One result; `index` fields are set when its file's place in `artifacts` is known.
#[derive(Serialize)]
pub struct SarifResult {
    #[serde(skip_serializing_if = "Option::is_none")]
    fixes: Option<[SarifFix; 1]>,
    level: &'static str,
    locations: [Location; 1],
    message: Text,
    properties: ResultProperties,
    #[serde(rename = "relatedLocations", skip_serializing_if = "Option::is_none")]
    related_locations: Option<Vec<RelatedLocation>>,
    #[serde(rename = "ruleId")]
    rule_id: &'static str,
    #[serde(rename = "ruleIndex", skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
}

#[derive(Serialize)]
struct ResultProperties {
    category: Category,
}

#[derive(Serialize)]
struct Location {
    #[serde(rename = "physicalLocation")]
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
struct RelatedLocation {
    id: usize,
    message: Text,
    #[serde(rename = "physicalLocation")]
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
struct PhysicalLocation {
    #[serde(rename = "artifactLocation")]
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize, Clone)]
struct ArtifactLocation {
    index: usize,
    uri: String,
}

#[derive(Serialize)]
struct Region {
    #[serde(rename = "endColumn")]
    end_column: usize,
    #[serde(rename = "endLine")]
    end_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
    #[serde(rename = "startColumn")]
    start_column: usize,
    #[serde(rename = "startLine")]
    start_line: usize,
}

#[derive(Serialize)]
struct SarifFix {
    #[serde(rename = "artifactChanges")]
    artifact_changes: [ArtifactChange; 1],
    description: Text,
}

#[derive(Serialize)]
struct ArtifactChange {
    #[serde(rename = "artifactLocation")]
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
struct Replacement {
    #[serde(rename = "deletedRegion")]
    deleted_region: Region,
    #[serde(rename = "insertedContent")]
    inserted_content: Text,
}

#[derive(Serialize)]
struct RuleDescriptor<'a> {
    #[serde(rename = "defaultConfiguration")]
    default_configuration: DefaultConfiguration,
    #[serde(rename = "fullDescription")]
    full_description: Text,
    help: Help,
    id: &'a str,
    name: &'a str,
    properties: RuleProperties<'a>,
    #[serde(rename = "shortDescription")]
    short_description: Text,
}

#[derive(Serialize)]
struct DefaultConfiguration {
    enabled: bool,
    level: &'static str,
}

#[derive(Serialize)]
struct Help {
    markdown: String,
    text: String,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    category: Category,
    tags: [&'a str; 2],
}

impl SarifResult {
    /// Points every location of the result at artifact `index`.
    fn set_index(&mut self, index: usize) {
        self.locations[0].physical_location.artifact_location.index = index;
        for r in self.related_locations.iter_mut().flatten() {
            r.physical_location.artifact_location.index = index;
        }
        for f in self.fixes.iter_mut().flatten() {
            f.artifact_changes[0].artifact_location.index = index;
        }
    }
}

/// The whole log for these files, as one string.
pub fn render(files: &[FileReport<'_>]) -> String {
    let mut artifacts = Vec::new();
    let mut results = Vec::new();
    for (ai, f) in files.iter().enumerate() {
        let (artifact, mut rs) = file_part(f);
        artifacts.push(artifact);
        for r in &mut rs {
            r.set_index(ai);
        }
        results.extend(rs);
    }
    let mut s =
        serde_json::to_string_pretty(&log(artifacts, results)).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn log(artifacts: Vec<Artifact>, results: Vec<SarifResult>) -> Log<'static> {
    Log {
        schema: SCHEMA,
        runs: [Run {
            artifacts,
            column_kind: "unicodeCodePoints",
            results,
            tool: Tool {
                driver: Driver {
                    name: "essaylint",
                    rules: rules::all()
                        .iter()
                        .map(|r| rule_descriptor(r.meta()))
                        .collect(),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    version: env!("CARGO_PKG_VERSION"),
                },
            },
        }],
        version: "2.1.0",
    }
}

/// One file's artifact and results (owning their text, so the file's report can be dropped),
/// made where the file was checked; [`Stream`] numbers them.
pub fn file_part(f: &FileReport<'_>) -> (Artifact, Vec<SarifResult>) {
    let all = rules::all();
    let uri = uri(f.path);
    let artifact = Artifact {
        location: Uri { uri: uri.clone() },
        mime_type: mime(f.path),
    };
    let at = ArtifactLocation { index: 0, uri };
    let doc = &f.report.document;
    let results = f
        .report
        .diagnostics
        .iter()
        .map(|d| {
            result(
                f,
                doc,
                d,
                &at,
                all.iter().position(|r| r.meta().name == d.rule),
            )
        })
        .collect();
    (artifact, results)
}

fn result(
    f: &FileReport<'_>,
    doc: &Document,
    d: &Diagnostic,
    at: &ArtifactLocation,
    rule_index: Option<usize>,
) -> SarifResult {
    let related = (!d.related.is_empty()).then(|| {
        d.related
            .iter()
            .enumerate()
            .map(|(k, rel)| RelatedLocation {
                id: k + 1,
                message: text(rel.message.clone()),
                physical_location: PhysicalLocation {
                    artifact_location: at.clone(),
                    region: region(doc, rel.span, false),
                },
            })
            .collect()
    });
    let fixes = d.fix.as_ref().filter(|_| !f.is_extracted()).map(|x| {
        [SarifFix {
            artifact_changes: [ArtifactChange {
                artifact_location: at.clone(),
                replacements: x
                    .edits
                    .iter()
                    .map(|e| Replacement {
                        deleted_region: region(doc, e.span, false),
                        inserted_content: text(e.replacement.clone()),
                    })
                    .collect(),
            }],
            description: text(format!(
                "{}: {}",
                d.rule,
                suggestion_text(d).unwrap_or_else(|| "apply the fix".into())
            )),
        }]
    });
    SarifResult {
        fixes,
        level: level(d.severity),
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: at.clone(),
                region: region(doc, d.span, true),
            },
        }],
        message: text(message(d)),
        properties: ResultProperties {
            category: d.category,
        },
        related_locations: related,
        rule_id: d.rule,
        rule_index,
    }
}

/// Writes the log as files come: `artifacts` precede `results` in the log, so the results are
/// kept (serialized, without the files' reports) until [`Stream::finish`].
#[derive(Default)]
pub struct Stream {
    artifacts: Vec<Artifact>,
    results: Vec<u8>,
    count: usize,
}

impl Stream {
    pub fn new() -> Stream {
        Stream::default()
    }

    /// Adds one file's part (from [`file_part`]).
    pub fn file(&mut self, part: (Artifact, Vec<SarifResult>)) {
        let (artifact, results) = part;
        let ai = self.artifacts.len();
        self.artifacts.push(artifact);
        for mut r in results {
            r.set_index(ai);
            self.results
                .extend_from_slice(if self.count == 0 { b"\n" } else { b",\n" });
            self.results.extend_from_slice(b"        ");
            let mut one = Vec::new();
            if serde_json::to_writer_pretty(&mut one, &r).is_err() {
                one = b"{}".to_vec();
            }
            self.results.extend_from_slice(&indent(&one, 8));
            self.count += 1;
        }
    }

    /// Writes the whole log.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        const MARK: &str = "\"results\": []";
        let skeleton = serde_json::to_string_pretty(&log(self.artifacts, Vec::new()))
            .map_err(io::Error::other)?;
        let at = skeleton
            .find(MARK)
            .ok_or_else(|| io::Error::other("no results in the SARIF skeleton"))?;
        out.write_all(&skeleton.as_bytes()[..at])?;
        if self.count == 0 {
            out.write_all(MARK.as_bytes())?;
        } else {
            out.write_all(b"\"results\": [")?;
            out.write_all(&self.results)?;
            out.write_all(b"\n      ]")?;
        }
        out.write_all(&skeleton.as_bytes()[at + MARK.len()..])?;
        out.write_all(b"\n")
    }
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

fn region(doc: &Document, span: Span, snippet: bool) -> Region {
    let (sl, sc) = doc.line_col(span.start);
    let (el, ec) = doc.line_col(span.end);
    let snippet = (snippet
        && span.end <= doc.text.len()
        && doc.text.is_char_boundary(span.start)
        && doc.text.is_char_boundary(span.end))
    .then(|| doc.slice(span))
    .filter(|t| t.len() <= 500)
    .map(text);
    Region {
        end_column: ec,
        end_line: el,
        snippet,
        start_column: sc,
        start_line: sl,
    }
}

/// The rule's documentation split into the first paragraph of "What it does." and the whole.
fn rule_descriptor(m: &RuleMeta) -> RuleDescriptor<'static> {
    let docs = m.docs();
    let full = what_it_does(&docs).unwrap_or_else(|| m.summary.to_string());
    RuleDescriptor {
        default_configuration: DefaultConfiguration {
            enabled: !m.default_off,
            level: level(m.severity),
        },
        full_description: text(full),
        help: Help {
            text: plain(&docs),
            markdown: docs.to_string(),
        },
        id: m.name,
        name: m.name,
        properties: RuleProperties {
            category: m.category,
            tags: ["essaylint", m.category.as_str()],
        },
        short_description: text(m.summary),
    }
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
        let full = &v.full_description.text;
        assert!(full.starts_with("Finds a word written twice"), "{full}");
        assert!(!v.help.text.contains("**"));
    }
}
